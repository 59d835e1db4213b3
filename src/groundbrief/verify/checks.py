"""Deterministic agreement signals between a claim and a passage.

A trained NLI model judges meaning but is blind to the details audits catch AI news tools
getting wrong: a changed figure, a shifted date, a different person, a dropped "not", a quote
that was paraphrased. These checks look at exactly those details, with rules a reader can
follow, so the verifier can cap support when a detail is absent (invariants I4 and I5 of
``DESIGN.md``) and raise contradiction when a detail conflicts.

Every check takes plain strings and returns a small frozen result; ``signal()`` turns it into
the typed record (``models.PairSignals``) kept in ``PassageJudgement.signals``. The readings of each kind of detail
live in modules by concern -- :mod:`.figures`, :mod:`.dates`, :mod:`.names`, :mod:`.quotes`,
with the shared comparison form in :mod:`.surface` -- and this module compares a claim's
details with a passage's. Nothing here loads a model (the cross-language name matcher is passed
in by the caller that has one), so a pair takes well under a millisecond.

Checks (all take ``claim, passage``):

* :func:`check_numbers` -- figures as a reader reads them ("2.5 pct" = "2.5%", "nine dead" =
  "9 killed", "$2bn" = "2 billion dollars"), typed by what they count (age, people, votes,
  percent, money, a unit, a noun). A claim figure conflicts with a passage figure of the same
  type and another value ("aged 89" against "he was 95"). Names with digits ("B-17") are
  reported with the figures but matched as names.
* :func:`check_dates` -- years, months, day-month dates ("Feb 26" = "26 February").
* :func:`check_entities` -- capitalised names and acronyms, with name variants
  ("Kanko" ~ "Assita Kanko", "U.S." ~ "United States", "Orbán" ~ "Orban"), across languages
  with a :class:`~groundbrief.verify.names.NameMatcher` ("Californië" ~ "California").
* :func:`check_negation` -- polarity of the claim against the passage sentence closest to it.
* :func:`check_direction` -- direction of change (rise / fall, warming / cooling) likewise.
* :func:`check_quotes` -- quoted text must occur verbatim up to whitespace, quote and dash
  style and the case of its first letter.
* :func:`check_speaker` -- the speaker (or last name) appears near a speech verb.

And :func:`missing_facts`, which the composer uses to enforce I4/I5 on any statement.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..models import DetailSignal, DirectionSignal, PolaritySignal, SpeakerSignal
from ..text import sentences
from .dates import DateMention, date_key, extract_dates, future_references
from .figures import Figure, FigureKind, extract_figures
from .names import NameMatcher, digit_name_spans, extract_names, find_name, passage_names
from .quotes import extract_quotes, quote_found
from .surface import SPEECH as _SPEECH
from .surface import STOPWORDS as _STOPWORDS
from .surface import spelling_key
from .surface import prepare as _prepare

__all__ = [
    "CheckResult",
    "DateMention",
    "DirectionResult",
    "Figure",
    "FigureKind",
    "NameMatcher",
    "NegationResult",
    "Quantity",
    "SpeakerResult",
    "check_dates",
    "check_direction",
    "check_entities",
    "check_negation",
    "check_numbers",
    "check_quotes",
    "check_speaker",
    "content_overlap",
    "extract_dates",
    "extract_entities",
    "extract_quantities",
    "extract_quotes",
    "missing_facts",
    "negation_cues",
    "quote_found",
]

#: Extraction lives in the modules by concern; these names are kept for existing callers.
extract_entities = extract_names


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class CheckResult:
    """Outcome of a set-comparison check: which of the claim's items the passage has.

    ``matched``: claim items found in the passage. ``missing``: claim items not found.
    ``conflicting``: the subset of ``missing`` for which the passage states a different value
    of the same kind (another percentage, another year) -- evidence against, not just absence.
    """

    name: str
    matched: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    conflicting: tuple[str, ...] = ()

    @property
    def applicable(self) -> bool:
        """Whether the claim had anything of this kind to check."""
        return bool(self.matched or self.missing)

    @property
    def ok(self) -> bool:
        return not self.missing

    def signal(self) -> DetailSignal:
        return DetailSignal(matched=list(self.matched), missing=list(self.missing),
                            conflicting=list(self.conflicting))


@dataclass(frozen=True)
class NegationResult:
    """Polarity of the claim and of the passage sentence that best matches it.

    ``overlap`` is the fraction of the claim's content words found in that sentence: a
    polarity mismatch only means something when both talk about the same thing.
    """

    claim_cues: tuple[str, ...]
    passage_cues: tuple[str, ...]
    sentence: str
    overlap: float

    @property
    def mismatch(self) -> bool:
        return bool(self.claim_cues) != bool(self.passage_cues)

    def signal(self) -> PolaritySignal:
        return PolaritySignal(claim_cues=list(self.claim_cues),
                              passage_cues=list(self.passage_cues),
                              mismatch=self.mismatch, overlap=round(self.overlap, 4))


@dataclass(frozen=True)
class SpeakerResult:
    """Whether the passage reports the speaker saying something.

    ``name_found``: the form of the name seen in the passage (full or last name), or None.
    ``speech_verb``: the speech verb seen in the sentence naming the speaker or the next one.
    """

    speaker: str
    name_found: str | None
    speech_verb: str | None

    @property
    def confirmed(self) -> bool:
        return self.name_found is not None and self.speech_verb is not None

    def signal(self) -> SpeakerSignal:
        return SpeakerSignal(speaker=self.speaker, name_found=self.name_found,
                             speech_verb=self.speech_verb, confirmed=self.confirmed)


# ---------------------------------------------------------------- numbers

#: A figure as the checks report it (:class:`groundbrief.verify.figures.Figure`).
Quantity = Figure


def extract_quantities(text: str) -> list[Quantity]:
    """Figures in ``text`` (years are dates, numbers inside names are names; see
    :func:`groundbrief.verify.figures.extract_figures`)."""
    return extract_figures(text)


def check_numbers(claim: str, passage: str) -> CheckResult:
    """Claim figures found / not found / contradicted (same type, other value) in ``passage``.

    The names of the claim whose number stands apart ("B-17", "Boeing 737", "COVID-19"), which
    a figure reading would take for figures, are details of the same standing: they are reported
    here too, matched as names ("Covid19" names COVID-19) and never as conflicting, so a passage
    about the Boeing 747 is no evidence for a claim about the 737 while "17 bombers" is no
    figure of the B-17's.
    """
    c_q = extract_figures(claim)
    p_q = extract_figures(passage)
    matched, missing, conflicting = [], [], []
    for q in c_q:
        # A figure whose type is not said matches any figure of equal value: "5,000" in a
        # claim is the same figure as "5,000 dlrs" in the passage.
        if any(q.matches(p) for p in p_q):
            matched.append(q.text)
            continue
        missing.append(q.text)
        # Another value for the same thing: "aged 89" against "he was 95", "3.1 pct" against
        # "2.5 pct", "41 pacemakers" against "12 pacemakers".
        if any(q.conflicts_with(p) for p in p_q):
            conflicting.append(q.text)
    claim_p = _prepare(claim)
    # Only names whose number stands apart ("B-17", "Boeing 737", "COVID-19"), which a
    # figure reading took for a figure; "CO2" or "G7" were always names, checked as such.
    names = [claim_p[s:e] for s, e in digit_name_spans(claim_p)
             if re.search(r"[\s-]\d", claim_p[s:e])]
    if names:
        pn = passage_names(passage)
        for name in dict.fromkeys(names):
            (matched if find_name(name, pn) else missing).append(name)
    return CheckResult("numbers", tuple(matched), tuple(missing), tuple(conflicting))


# ---------------------------------------------------------------- dates


def check_dates(claim: str, passage: str) -> CheckResult:
    """Claim dates found / not found / contradicted in ``passage``; future time phrases
    ("next week") count as dates that must be found (see :mod:`groundbrief.verify.dates`)."""
    c_d = extract_dates(claim)
    p_d = extract_dates(passage)
    matched, missing, conflicting = [], [], []
    close_d: list[DateMention] | None = None
    passage_future = set(future_references(passage))
    for phrase in dict.fromkeys(future_references(claim)):
        (matched if phrase in passage_future else missing).append(phrase)
    for d in c_d:
        if d.year is None and d.month is None:  # a decade: textual match
            ok = any(date_key(p) == date_key(d) for p in p_d)
        else:
            ok = any(d.covered_by(p) for p in p_d)
        if ok:
            matched.append(d.text)
            continue
        missing.append(d.text)
        # Another date conflicts only in the sentence that says what the claim says: "In
        # 2002 she was elected" beside "the 2004 prize" is another event's date.
        if close_d is None:
            close_d = extract_dates(_closest_sentence(claim, passage)[0])
        if any(d.differs_from(p) for p in close_d if p.year is not None or p.month is not None):
            conflicting.append(d.text)
    return CheckResult("dates", tuple(matched), tuple(missing), tuple(conflicting))


# ---------------------------------------------------------------- named entities


def check_entities(claim: str, passage: str, names: NameMatcher | None = None) -> CheckResult:
    """Claim names found in ``passage`` as a reader finds them (:mod:`groundbrief.verify.names`:
    case, diacritics, spelling variants, aliases, a surname on its own; across languages too
    when a ``names`` matcher is given); names never 'conflict'."""
    claim_names = extract_names(claim)
    if not claim_names:
        return CheckResult("entities")
    pn = passage_names(passage)
    matched, missing = [], []
    for ent in claim_names:
        found = names.find(ent, pn) is not None if names is not None else find_name(ent, pn)
        (matched if found else missing).append(ent)
    return CheckResult("entities", tuple(matched), tuple(missing), ())


# ---------------------------------------------------------------- negation and overlap

_NEGATION = re.compile(
    r"\b(?:not|no|never|none|nobody|nothing|neither|nor|cannot|without|"
    r"den(?:y|ies|ied|ying)|refus(?:e|es|ed|ing)|reject(?:s|ed|ing)?|"
    r"turn(?:s|ed|ing)?\s+down|"  # "turned down the offer" rejects it as "rejected" does
    r"vot(?:e|es|ed|ing)\s+down|"  # "voted down the reform", as "rejected the reform"
    r"fail(?:s|ed)?\s+to|declin(?:e|es|ed|ing)\s+to|no\s+longer|unable|false|hoax|myth)\b|"
    r"\w+n['’]t\b",
    re.IGNORECASE,
)


def negation_cues(text: str) -> tuple[str, ...]:
    return tuple(m.group(0).lower() for m in _NEGATION.finditer(_prepare(text)))


_WORD = re.compile(r"[\w][\w'-]*")


def _stem(word: str) -> str:
    # Crude but symmetric: both sides are stemmed the same way, so "warms" meets "warming".
    word = word.lower().strip("'-")
    for suffix in ("ations", "ation", "ings", "ing", "ied", "ies", "ed", "es", "s", "ly"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=4096)
def _content_stems(text: str) -> frozenset[str]:
    return frozenset(
        _stem(spelling_key(w)) for w in _WORD.findall(_prepare(text))
        if w.lower() not in _STOPWORDS and not _NEGATION.fullmatch(w) and len(w) > 1
    )


def content_overlap(claim: str, passage: str) -> float:
    """Fraction of the claim's content words (crudely stemmed) that occur in ``passage``."""
    c = _content_stems(claim)
    if not c:
        return 0.0
    return len(c & _content_stems(passage)) / len(c)


# Scraped copy loses the space between sentences ("for the new government.Awarding the prize
# ..."): a word, a full stop and a capitalised word is a sentence boundary all the same.
_GLUED_SENTENCES = re.compile(r"(?<=[a-z]{2})\.(?=[A-Z][a-z])")


def _closest_sentence(claim: str, passage: str) -> tuple[str, float]:
    best, best_overlap = passage, -1.0
    for sent in sentences(_GLUED_SENTENCES.sub(". ", passage)) or [passage]:
        ov = content_overlap(claim, sent)
        if ov > best_overlap:
            best, best_overlap = sent, ov
    return best, best_overlap


def check_negation(claim: str, passage: str,
                   negation_cues: Callable[[str], tuple[str, ...]] = negation_cues,
                   ) -> NegationResult:
    """Compare negation in the claim with the passage sentence that shares most of its words.

    Looking only at the closest sentence keeps an unrelated "not" elsewhere in a long passage
    from reading as a contradiction. ``negation_cues``: the reader of one language's negations
    (English by default).
    """
    best, best_overlap = _closest_sentence(claim, passage)
    claim_cues, passage_cues = negation_cues(claim), negation_cues(best)
    if claim_cues and not passage_cues and _lack_told(claim, claim_cues, best):
        # "left 10,000 homes without power" / "10,000 homes lost power": the lack of the same
        # thing, told with a verb of losing -- no flipped negation
        claim_cues = ()
    if bool(claim_cues) != bool(passage_cues):
        parts = _statements(claim)
        if len(parts) > 1:
            # A claim of several statements ("The sample showed contamination, and the company
            # said it does not affect drinking water") is closest, as a whole, to the sentence
            # of one of them; each statement's polarity is compared with its own closest
            # sentence. When every statement agrees with its sentence, the passage says what
            # the claim says.
            per_part = [(negation_cues(part), negation_cues(_closest_sentence(part, passage)[0]))
                        for part in parts]
            if all(bool(c) == bool(q) for c, q in per_part):
                passage_cues = tuple(dict.fromkeys(cue for _, q in per_part for cue in q))
        elif passage_cues:
            # The same for a sentence of several statements: "Price details were not available
            # but some traders suggested business had been done around 220 dlrs" does not deny
            # what the traders suggested; the statement closest to the claim is compared.
            pieces = _statements(best)
            if len(pieces) > 1:
                closest = max(pieces, key=lambda piece: content_overlap(claim, piece))
                passage_cues = negation_cues(closest)
    return NegationResult(
        claim_cues=claim_cues,
        passage_cues=passage_cues,
        sentence=best,
        overlap=max(best_overlap, 0.0),
    )


_WITHOUT = re.compile(r"\bwithout\s+(?:any\s+|the\s+|their\s+|its\s+|his\s+|her\s+)?([a-z]+)",
                      re.IGNORECASE)
_LOSING = r"\b(?:lost|lose|loses|losing|lacked|lacks|lack|lacking|deprived\s+of|cut\s+off\s+from)"


def _lack_told(claim: str, cues: tuple[str, ...], sentence: str) -> bool:
    """Whether the claim's only negation is "without X" and the sentence tells the loss or
    the lack of X with a verb ("lost power", "lacked water")."""
    if set(cues) != {"without"}:
        return False
    things = [m.group(1).lower() for m in _WITHOUT.finditer(claim)]
    return bool(things) and all(
        re.search(_LOSING + r"\s+(?:\w+\s+){0,2}?" + re.escape(t) + r"\b", sentence, re.IGNORECASE)
        for t in things)


#: Where one statement ends and the next begins: a sentence end, a semicolon, a comma before
#: "and" / "but" / "while" that starts a new clause, or "but" alone ("not A but B" asserts B).
_STATEMENT_BREAK = re.compile(r"(?<=[.;!?])\s+|,\s+(?:and|but|while|whereas)\s+|\s+but\s+",
                              re.IGNORECASE)
#: A part shorter than this (content words) is no statement of its own ("..., and more").
_MIN_STATEMENT_WORDS = 3


def _statements(text: str) -> list[str]:
    """The statements of ``text``; a part too short to be one joins the next (or the last)."""
    parts: list[str] = []
    pending = ""
    for piece in _STATEMENT_BREAK.split(text):
        piece = (pending + " " + piece).strip() if pending else piece.strip()
        if len(_content_stems(piece)) < _MIN_STATEMENT_WORDS:
            pending = piece
            continue
        parts.append(piece)
        pending = ""
    if pending:
        if not parts:
            return [text]
        parts[-1] = parts[-1] + " " + pending
    return parts or [text]


_UP = re.compile(
    r"\b(?:ris(?:e|es|ing|en)|rose|increas\w*|grow(?:s|ing|n|th)?|grew|higher|warm(?:s|ing|er|ed)?"
    r"|gain(?:s|ed|ing)?|accelerat\w*|expand\w*|surg\w*|soar\w*)\b", re.IGNORECASE)
_DOWN = re.compile(
    r"\b(?:fall(?:s|ing|en)?|fell|decreas\w*|declin\w*|drop(?:s|ped|ping)?|lower|cool(?:s|ing|er|ed)?"
    r"|shr[iau]nk\w*|los(?:s|e|es|ing|t)|reduc\w*|slow(?:s|ed|ing)?|plung\w*)\b",
    re.IGNORECASE)


@dataclass(frozen=True)
class DirectionResult:
    """Direction of change (up / down) stated by the claim and by its closest passage sentence.

    "CO2 has cooled the planet" against "CO2 has produced global warming": same subject,
    opposite directions -- a contradiction that a small NLI model often misses.
    """

    claim: str | None
    passage: str | None
    overlap: float

    @property
    def conflict(self) -> bool:
        return self.claim is not None and self.passage is not None and self.claim != self.passage

    def signal(self) -> DirectionSignal:
        return DirectionSignal(claim=self.claim, passage=self.passage, conflict=self.conflict,
                               overlap=round(self.overlap, 4))


def _direction(text: str) -> str | None:
    up, down = bool(_UP.search(text)), bool(_DOWN.search(text))
    return "up" if up and not down else "down" if down and not up else None


def check_direction(claim: str, passage: str) -> DirectionResult:
    """Compare the direction of change in the claim and its closest passage sentence."""
    best, overlap = _closest_sentence(claim, passage)
    return DirectionResult(_direction(_prepare(claim)), _direction(_prepare(best)),
                           max(overlap, 0.0))


# ---------------------------------------------------------------- quotes


def check_quotes(claim: str, passage: str, quotes: list[str] | None = None) -> CheckResult:
    """Each quote of the claim (or the given ``quotes``) must occur verbatim in ``passage`` (I4)."""
    qs = quotes if quotes is not None else extract_quotes(claim)
    matched = tuple(q for q in qs if quote_found(q, passage))
    missing = tuple(q for q in qs if not quote_found(q, passage))
    return CheckResult("quotes", matched, missing, ())


# ---------------------------------------------------------------- speaker

def _name_forms(speaker: str) -> list[str]:
    name = re.sub(r"^@", "", speaker).replace("_", " ").strip()
    words = [w for w in name.split() if w.lower().strip(".") not in {"mr", "mrs", "ms", "dr", "prof"}]
    forms = [" ".join(words)] if words else []
    # The last name alone is how wire copy names a person after the first mention.
    if len(words) >= 2 and len(words[-1]) >= 3:
        forms.append(words[-1])
    return forms


def check_speaker(speaker: str, passage: str) -> SpeakerResult:
    """Whether ``passage`` names ``speaker`` (full or last name) with a speech verb in the same
    sentence or the next ("Kanko told V24 ..." / "Kanko ... . She said ...")."""
    sents = sentences(_prepare(passage)) or [passage]
    forms = _name_forms(speaker)
    name_found = None
    for i, sent in enumerate(sents):
        for form in forms:
            if re.search(rf"(?<!\w){re.escape(form)}(?!\w)", sent, re.IGNORECASE) is None:
                continue
            name_found = name_found or form
            for nearby in sents[i : i + 2]:
                verb = _SPEECH.search(nearby)
                if verb:
                    return SpeakerResult(speaker, form, verb.group(0).lower())
    return SpeakerResult(speaker, name_found, None)


# ---------------------------------------------------------------- I4 / I5 for any statement


def missing_facts(statement_text: str, passages_texts: list[str],
                  names: NameMatcher | None = None) -> list[str]:
    """Numbers, dates, named entities and quotes of a statement that its passages lack.

    The composer calls this on every statement before publishing it: an empty list means the
    statement's checkable details all occur in its cited passages (I5) and its quotes occur
    verbatim in one of them (I4). Returns the statement's surface forms, in order
    numbers, dates, entities, quotes. ``names``: match names across languages too.
    """
    joined = "\n\n".join(passages_texts)
    out: list[str] = []
    out += check_numbers(statement_text, joined).missing
    out += check_dates(statement_text, joined).missing
    out += check_entities(statement_text, joined, names).missing
    # A quote must sit inside one passage: stitching it from two would invent it.
    for q in extract_quotes(statement_text):
        if not any(quote_found(q, p) for p in passages_texts):
            out.append(f'"{q}"')
    seen: set[str] = set()
    return [x for x in out if not (x in seen or seen.add(x))]
