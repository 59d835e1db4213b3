"""Context, Why It Matters, What to Watch Next and the FAQ, drawn only from the brief's story.

Every statement is one or more whole sentences of a passage of an on-story source (or, for
Context, of an earlier story that shares the story's main names), verbatim, cited to that
passage (I1, I2, I11). Dated sections carry the cited source's publication date, and Context
reads earliest first, so that background never reads as current news.

Which sentence goes where is decided by what it says, in words a reader would use:
Context — what came before (earlier events, history, who someone is); Why It Matters — what
follows from the event (consequences, stakes, people affected, reactions, firsts); What to
Watch Next — what is scheduled or expected; the FAQ — the questions a reader asks about a
brief (who is the speaker, what happened, when, what did they say, what happens next).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Citation, FAQItem, ScoredPassage, Statement, StoryMaterial
from ..text import sentence_spans
from ..verify.names import find_name, passage_names
from ..verify.source_corrections import withdraws
from ..verify.surface import MONTHS, SPEECH, WEEKDAYS

MAX_CONTEXT = 3
MAX_WHY = 2
MAX_WATCH = 3
NO_SOURCE = "No source in the store says."

_BACKGROUND = re.compile(
    r"\b(previously|earlier|last (year|month|week)|since (19|20)\d\d|since (the|last)|"
    r"in (19|20)\d\d|(had|has) (been|already|long)|was (founded|established|elected|appointed|"
    r"created|built|first)|former\w*|ago\b|histor\w+|began|begun|originally|once)\b",
    re.IGNORECASE,
)
_CONSEQUENCE = re.compile(
    r"\b(could|would|may|might|means?|meaning|impact\w*|affect\w*|consequen\w+|risk\w*|threat\w*|"
    r"lead to|led to|result(ed)? in|as a result|so that|important|significant\w*|crucial|"
    r"condemn\w*|welcom\w*|criticis\w*|criticiz\w*|prais\w*|protest\w*|warn\w*|call(ed)? for|"
    r"urg(ed|es)|first time|for the first|record|largest|biggest|worst|highest|lowest|"
    r"unprecedented|historic)\b"
    r"|\b\d[\d,.]*\s+(people|killed|dead|injured|wounded|homeless|jobs|workers|residents|"
    r"families|children|deaths|victims)\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(will|shall|is expected to|are expected to|expects? to|plans? to|planned|scheduled|"
    r"upcoming|next (week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"set to|due to (be|hold|vote|decide|meet|start|begin|open|close)|deadline|to be held|"
    r"later this (week|month|year)|tomorrow|in the coming|aims? to|intends? to|hopes? to|"
    r"pledged to|promised to|vowed to|(is|are) to be|soon)\b",
    re.IGNORECASE,
)
# Full month and weekday names, capitalised (so that the modal "may" is no date).
_DATE = re.compile(
    r"\b(" + "|".join(sorted((m.capitalize() for m in MONTHS if len(m) > 3), key=len,
                             reverse=True)) +
    "|" + "|".join(sorted(d.capitalize() for d in WEEKDAYS)) +
    r"|today|yesterday|tonight|(19|20)\d\d)\b"
)
_QUOTE = re.compile(r"[\"“”]")
_CREDIT = re.compile(r"\b(?:Image|Photo|Picture|Photograph|Credit|Video)\s*:", re.IGNORECASE)
_MIN_WORDS, _MAX_CHARS = 6, 400


@dataclass(frozen=True)
class Sentence:
    """One sentence of a story passage, with the passage that it is cited to."""

    text: str
    passage: ScoredPassage
    index: int  # position in the passage

    @property
    def date(self) -> str | None:
        d = self.passage.source.published_at
        return d.date().isoformat() if d else None

    def statement(self, dated: bool = False) -> Statement:
        p = self.passage
        return Statement(
            text=self.text,
            citations=[Citation(source_id=p.source.id, passage_id=p.passage.id,
                                start=p.passage.start, end=p.passage.end, quote=p.passage.text,
                                support=1.0)],
            date=self.date if dated else None,
        )


def sentences(passages: list[ScoredPassage]) -> list[Sentence]:
    """The passages' sentences fit to stand alone, most similar passage first."""
    out = []
    for p in passages:
        text = p.passage.text
        if _CREDIT.search(text):
            # A passage with a credit line is a picture's caption ("Fire in the frame of Notre
            # Dame. Image: ..."): its sentences describe a picture, not the story.
            continue
        for i, (a, b) in enumerate(sentence_spans(text)):
            s = text[a:b].strip()
            if _fit(s):
                out.append(Sentence(s, p, i))
    return out


def _fit(s: str) -> bool:
    # A statement must read alone: long enough to say something, no caption or credit line,
    # no quotation cut in half (part of someone's words would read as the outlet's), no
    # sentence that only reports the story's own withdrawn error ("An earlier version of this
    # article said the fire killed 12 people").
    return (len(s.split()) >= _MIN_WORDS and len(s) <= _MAX_CHARS and not _CREDIT.search(s)
            and s.count("“") == s.count("”") and s.count('"') % 2 == 0
            and (s[0].isupper() or s[0] in "\"“'‘") and not withdraws(s))


class StorySections:
    """Fills the story's sections from one StoryMaterial; each sentence is used once."""

    def __init__(self, story: StoryMaterial, used_text: set[str], used_passages: set[str]):
        self.story = story
        self.used = set(used_text)
        # What We Know's passages (claims' evidence and key facts) are not repeated as context.
        self.pool = [s for s in sentences(story.passages)
                     if s.passage.passage.id not in used_passages]
        self.background = sentences(story.background)

    def _take(self, pool: list[Sentence], keep, limit: int) -> list[Sentence]:
        out = []
        for s in pool:
            if len(out) >= limit:
                break
            if s.text in self.used or not keep(s):
                continue
            self.used.add(s.text)
            out.append(s)
        return out

    def context(self) -> list[Statement]:
        """What came before, dated, earliest first: on-story sentences about earlier events,
        then earlier stories that share the story's main names; failing both, the on-story
        sentences closest to the brief (a report's own background). An earlier story, when
        there is one, keeps a place: a report's own look back never crowds out the earlier
        reports a reader has not seen."""
        earlier = self._take(self.background, lambda s: True, 1)
        chosen = self._take(self.pool, lambda s: bool(_BACKGROUND.search(s.text)),
                            MAX_CONTEXT - len(earlier))
        chosen += earlier
        chosen += self._take(self.background, lambda s: True, MAX_CONTEXT - len(chosen))
        chosen += self._take(self.pool, lambda s: True, MAX_CONTEXT - len(chosen))
        chosen.sort(key=_chronological)
        return [s.statement(dated=True) for s in chosen]

    def why_it_matters(self) -> list[Statement]:
        return [s.statement() for s in self._take(
            self.pool, lambda s: bool(_CONSEQUENCE.search(s.text)) and not _FUTURE.search(s.text),
            MAX_WHY)]

    def watch_next(self) -> list[Statement]:
        chosen = self._take(self.pool, lambda s: bool(_FUTURE.search(s.text)), MAX_WATCH)
        chosen.sort(key=_chronological)
        return [s.statement(dated=True) for s in chosen]

    def faq(self, speaker: str | None, watch: list[Statement]) -> list[FAQItem]:
        """The reader's questions, each answered by an on-story sentence or by what the store
        lacks. Answers may repeat a sentence shown in another section: the FAQ restates."""
        pool = sentences(self.story.passages)
        items: list[FAQItem] = []

        def ask(question: str, keep, always: bool = False) -> bool:
            found = next((s for s in pool if keep(s)), None)
            if found is not None:
                items.append(FAQItem(question=question, answer=[found.statement()]))
            elif always:
                items.append(FAQItem(question=question, answer=[], unanswered=NO_SOURCE))
            return found is not None

        if speaker:
            ask(f"Who is {speaker}?", lambda s: _introduces(speaker, s.text), always=True)
        # What happened: the opening sentence of an on-story report (its lead says it), else
        # the story's sentence closest to the brief.
        if not ask("What happened?", lambda s: s.index == 0 and s.passage.passage.ordinal == 0):
            ask("What happened?", lambda s: True)
        # When: a date in the opening of an on-story report, where the event is dated.
        ask("When did it happen?", lambda s: s.passage.passage.ordinal == 0
            and bool(_DATE.search(s.text)))
        if speaker:
            ask(f"What did {speaker} say?", lambda s: _names(speaker, s.text) and _says(s.text),
                always=True)
        else:
            ask("What did those involved say?", lambda s: bool(_QUOTE.search(s.text))
                and _says(s.text))
        if watch:
            items.append(FAQItem(question="What happens next?", answer=watch[:1]))
        else:
            items.append(FAQItem(question="What happens next?", answer=[], unanswered=NO_SOURCE))
        return _dedupe(items) if any(i.answer for i in items) else []


def _names(name: str, text: str) -> bool:
    return find_name(name, passage_names(text))


# Words that say what someone is, next to their name: "transport secretary Grant Shapps",
# "Grant Shapps, the transport secretary".
_ROLE = re.compile(
    r"\b(minister|secretary|president|chancellor|premier|spokes\w+|leader|mep|mp|member|chief|"
    r"head|director|founder|chair\w*|ceo|official|mayor|governor|senator|judge|professor|"
    r"ambassador|commissioner|general|coach|captain|player|actor|singer|author|activist|"
    r"scientist|researcher|lawyer|candidate|king|queen|prince|pope)\b", re.IGNORECASE)


def _introduces(name: str, text: str) -> bool:
    """Whether ``text`` names ``name`` with a role word beside it (within a few words)."""
    if not _names(name, text):
        return False
    last = name.split()[-1]
    at = text.find(last)
    if at < 0:
        return False
    return bool(_ROLE.search(text[max(0, at - 60): at + len(last) + 60]))


def _says(text: str) -> bool:
    return bool(SPEECH.search(text)) or bool(_QUOTE.search(text))


def _chronological(s: Sentence) -> tuple:
    # Undated sentences after dated ones: their place in time is unknown.
    d = s.passage.source.published_at
    return (d is None, d.timestamp() if d else 0.0, s.passage.source.id,
            s.passage.passage.ordinal, s.index)


def _dedupe(items: list[FAQItem]) -> list[FAQItem]:
    """One answer per sentence: a question whose answer another question already gave is
    dropped (the first question asked keeps it)."""
    seen: set[str] = set()
    out = []
    for item in items:
        key = item.answer[0].text if item.answer else None
        if key is not None and key in seen:
            continue
        if key is not None:
            seen.add(key)
        out.append(item)
    return out
