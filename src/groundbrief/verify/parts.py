"""The parts of a statement, read from its dependency parse: who did what to whom, how many,
when, where, and with what stance.

A :class:`Frame` is one clause: its predicate (lemma, polarity), the agent and the patient (the
logical subject and object, so "Gove was beaten by Johnson" and "Johnson beat Gove" give the same
frame), the other arguments by preposition, the figures, dates and places inside it, and the stance
under which the text states it (as fact, reported, alleged, planned, possible, future). The verifier
(:mod:`groundbrief.verify.roles`) compares a claim's frame with the frames of a passage part by part.

English only: it is the one language with a dependency parser in a package here
(:mod:`groundbrief.nlp`). Other languages get no frames and the verifier falls back to the model
and the name matching, and says so in the run's Transparency section.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from functools import lru_cache
from typing import TYPE_CHECKING

from .. import nlp
from ..brief.lexicon import sentence_case
from ..words import NUMBER_WORDS_EN, WIRE_ABBREVIATIONS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "Argument",
    "Frame",
    "Stance",
    "claim_frame",
    "claim_frames",
    "frames_of",
    "norm",
    "prepare",
]


class Stance(str, Enum):
    """How a clause presents what it says. Only FACT and REPORTED state that it happened."""

    FACT = "fact"  # stated by the writer
    REPORTED = "reported"  # "X said (that) ...": a source vouching for it, news' normal way
    ALLEGED = "alleged"  # "X alleged / accused / claimed ...", "allegedly", "suspected of"
    PLANNED = "planned"  # "plans to / intends to / wants to / is expected to / promised to ..."
    POSSIBLE = "possible"  # "may / might / could ..."
    FUTURE = "future"  # "will ...": announced, not yet done
    DENIED = "denied"  # "X denied (that) ..."
    CONDITIONAL = "conditional"  # "if the merger is approved, ..." / "... unless ..."
    REQUESTED = "requested"  # "was ordered to pay", "asked Germany to supply": asked of them

    @property
    def asserts(self) -> bool:
        return self in (Stance.FACT, Stance.REPORTED)


# Verbs that put what follows under a speaker's word, by how much they vouch for it.
_REPORTING = frozenset({
    "say", "tell", "announce", "confirm", "report", "state", "add", "explain", "note",
    "reveal", "disclose", "acknowledge", "admit", "declare", "write", "tweet", "post",
    "find", "show", "conclude", "rule", "insist", "stress", "warn",
})
_ALLEGING = frozenset({
    "allege", "accuse", "claim", "suspect", "charge", "rumour", "rumor", "speculate",
    "contend", "purport", "assert", "argue", "suggest",
    # a belief is no finding: "Police believe the man killed his neighbour"
    "believe", "think", "fear", "assume", "suppose",
})
_DENYING = frozenset({"deny", "reject", "dispute", "refute", "dismiss"})
# Verbs of saying that, negated or refused, leave what they govern neither said nor denied ("would
# not confirm that he had resigned", "did not comment on whether"); not "find" or "show": "No
# evidence was found that X" reports a search that came up empty.
_CONFIRMING = frozenset({"say", "tell", "announce", "confirm", "report", "state", "reveal",
                         "disclose", "acknowledge", "admit", "declare", "comment"})
# Passive verbs of saying or believing before an infinitive: hearsay ("is said to have ...").
_HEARSAY = frozenset({"say", "report", "rumour", "rumor", "allege", "claim", "believe", "think",
                      "suspect", "suppose", "understand"})
# Nouns whose "that" clause is someone's unproven statement: "claims that its troops shot down
# the airliner", "allegations that he took bribes", "reports that the president had resigned".
_ALLEGATION_NOUNS = frozenset({
    "claim", "allegation", "accusation", "report", "rumour", "rumor", "suggestion",
    "suspicion", "speculation", "charge", "assertion", "contention", "theory",
})
_PLANNING = frozenset({
    "plan", "intend", "aim", "want", "hope", "seek", "expect", "propose", "promise", "vow",
    "pledge", "threaten", "try", "attempt", "prepare", "consider", "mull", "offer", "agree",
    "wish", "set", "schedule", "due", "poise", "going", "bid", "vie", "strive",
})
#: Of those, the words of a fixed future, as "will" tells one: "is set to close", "is due to
#: open", "is scheduled to land", "is going to resign".
_SCHEDULED = frozenset({"set", "due", "schedule", "going"})
#: Nouns of an amount or a span, which a passive's "by" measures rather than names the doer
#: of ("extended by a week", "cut by half", "raised by a quarter of a point").
_AMOUNT_NOUNS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade",
                           "percent", "point", "half", "third", "quarter", "fifth", "tenth",
                           "margin", "fraction", "factor", "amount", "%"})
#: Verbs that put a deed on someone else ("was ordered to pay", "urged it to recall"): the
#: deed under them is owed or asked, not done.
_OBLIGING = frozenset({"order", "urge", "ask", "tell", "require", "instruct", "invite",
                       "advise", "encourage", "demand", "summon", "direct", "oblige"})
#: Verbs whose object does the deed of the infinitive after them ("allowed the bank to lend").
_ALLOWING = frozenset({"allow", "permit", "force", "persuade", "enable", "help", "compel",
                       "authorise", "authorize", "pressure", "push"})
# Verbs of causing written with a preposition, read as "cause" with its object.
_CAUSING = (("lead", "prep:to"), ("result", "prep:in"))
# Verbs that say the deed after them did not happen: "Regulators refused to approve the drug"
# says it was not approved, as "did not approve" does.
_REFUSING = frozenset({"refuse", "decline", "fail", "neglect", "forget", "omit", "unable"})
#: verbs of a choice that, with "against" and a gerund, choose not to do it
_CHOOSING_AGAINST = frozenset({"vote", "decide", "opt", "choose", "rule", "elect"})
_POSSIBLE_AUX = frozenset({"may", "might", "could", "can", "should", "would", "must"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll"})
_HEDGE_ADVERBS = frozenset({
    "allegedly", "reportedly", "reputedly", "purportedly", "supposedly", "apparently",
    "possibly", "probably", "perhaps", "maybe", "likely", "presumably", "seemingly",
})
_NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "nobody", "nothing",
                       "none", "nowhere", "without"})

# Argument labels, logical rather than surface: the passive's subject is the patient.
AGENT, PATIENT = "agent", "patient"
_CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp", "xcomp", "advcl", "relcl", "parataxis",
                          "acl", "pcomp", "csubj"})
_NAME_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE",
               "NORP": "NORP", "PRODUCT": "PRODUCT", "EVENT": "EVENT", "WORK_OF_ART": "WORK",
               "LAW": "LAW", "LANGUAGE": "LANGUAGE"}
_FIGURE_TYPES = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
_DATE_TYPES = frozenset({"DATE", "TIME"})


def _lemma(tok: Token) -> str:
    """The word's lemma, wire abbreviations spelled out ("dlrs" -> "dollar", "mln" -> "million")."""
    lemma = tok.lemma_.lower()
    if lemma == "cent" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "per":
        return "percent"  # "30 per cent" is "30 pct" and "30%"
    if lemma == "%":
        return "percent"
    full = WIRE_ABBREVIATIONS.get(lemma)
    if full is None:
        return lemma
    return full.removesuffix("s")  # a lemma is singular: "dollars" -> "dollar"


def norm(text: str) -> str:
    """Case, diacritics and punctuation folded, and wire abbreviations spelled out ("mln dlrs"
    -> "million dollars", "5 pct" / "5%" / "5 per cent" -> "5 percent"): how a reader compares
    two spellings."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().replace("’", "'")
    text = text.replace("%", " percent ")
    out = []
    for ch in text:
        out.append(ch if ch.isalnum() or ch in " '" else " ")
    words = re.sub(r"\bper cent\b", "percent", "".join(out).replace("'s ", " ")).split()
    return " ".join(WIRE_ABBREVIATIONS.get(w, w) for w in words)


@dataclass(frozen=True)
class Argument:
    """One filler of a role: its words, its head's lemma, and its name type if it is a name."""

    text: str
    head: str  # lemma of the head word, lower case
    name_type: str | None = None  # PERSON, ORG, PLACE, NORP, ... when the filler is a name
    modifiers: tuple[str, ...] = ()  # lemmas of the head's compound/adjective modifiers
    core: str = ""  # modifiers and head as written, without determiners ("lung cancer")
    alternatives: tuple[str, ...] = ()  # conjuncts and appositions ("Hunt and Gove")
    name: str = ""  # the name itself when the filler is one ("Robert Mugabe" of "Former
    #                 Zimbabwean president Robert Mugabe")

    @property
    def key(self) -> str:
        return norm(self.text)


@dataclass(frozen=True)
class Figure:
    """A number in a clause, typed by what it counts so that only like is compared with like."""

    value: float
    kind: str  # age, percent, money, count:<noun>, whole:<noun>, number
    text: str
    #: what the figure is to a change: "to" a level ("rose to 5%") or "by" an amount ("rose by
    #: 5%"); empty when the sentence does not say
    change: str = ""


@dataclass(frozen=True)
class Frame:
    """One clause: who did what to whom, how many, when, where, under what stance."""

    text: str
    predicate: str  # lemma of the main verb, or of the adjective/noun after "be"
    negated: bool
    stance: Stance
    args: dict[str, Argument] = field(default_factory=dict)  # agent, patient, prep:<p>, attr
    figures: tuple[Figure, ...] = ()
    dates: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    names: tuple[Argument, ...] = ()  # every name in the clause
    speaker: Argument | None = None  # who is reported saying it (for REPORTED/ALLEGED/DENIED)
    sentence: str = ""  # the whole sentence the clause belongs to
    predicate_text: str = ""  # the predicate as written ("released"), for readers
    words: frozenset[str] = frozenset()  # lemmas of the clause's common words (not names)
    #: a clause above this one is negated: "No evidence was found that X had reported ..."
    #: says X's report was not found, though the report's own clause has no "not"
    under_negation: bool = False
    #: the verb of refusal that negates the clause, as written ("declined to" of "declined to
    #: sign"), for telling the reader what the source says
    refusal: str = ""
    #: a verb of saying above the clause is negated or refused ("could not confirm reports that
    #: two people died", "declined to confirm that he had resigned", "did not comment on
    #: whether"): the source neither states the clause nor denies it
    unconfirmed: bool = False
    #: ranks the sentence gives, as (what is ranked, rank, as written): "the first time" is
    #: ("time", 1, "first time"), "the world's second-largest company" ("large", 2,
    #: "second-largest"), a bare superlative rank 1 (:func:`_ranks`)
    ranks: tuple[tuple[str, int, str], ...] = ()
    #: the state the verb puts its object or subject in, as a lemma: "safe" of "was found
    #: safe", "dead" of "left two soldiers dead", "guilty" of "found him guilty"; "" for none
    complement: str = ""

    def lemmas(self) -> set[str]:
        return {self.predicate} | {a.head for a in self.args.values()}


# ------------------------------------------------------------------------- reading a clause


def _span_text(tokens: Iterable[Token]) -> str:
    toks = sorted(tokens, key=lambda t: t.i)
    return "".join(t.text_with_ws for t in toks).strip()


_SCORE = re.compile(r"\d+[-–:]\d+")


def _is_score(tok: Token) -> bool:
    """A result written in figures ("2-0", "3:1", or "2", "-", "0" as three tokens); not a
    model number ("Boeing 737")."""
    if _SCORE.fullmatch(tok.text):
        return True
    doc = tok.doc
    return (tok.like_num and tok.i + 2 < len(doc) and doc[tok.i + 1].text in ("-", "–", ":")
            and doc[tok.i + 2].like_num)


_FRACTIONS = {"quarter": 0.25, "quarters": 0.25, "third": 1 / 3, "thirds": 1 / 3}
#: Parts of a group ("a tenth of its workforce"), read as the percent they are; "half" is
#: left to the shares of verify/roles.py ("half the schools").
_GROUP_FRACTIONS = {**_FRACTIONS, "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1}


def _fraction_at(tok: Token) -> Figure | None:
    """A part of one unit in words, as the figure it is: "half a point" (0.5 of the point),
    "a quarter of a percentage point" (0.25), "three quarters of a point" (0.75); else None.
    Only a part of *one* thing ("a point", "an hour"): "half the staff" is a share."""
    doc = tok.doc
    if tok.lower_ == "half" and tok.dep_ == "predet" and tok.i + 1 < len(doc) \
            and doc[tok.i + 1].lower_ in ("a", "an") and tok.head.pos_ == "NOUN":
        unit = tok.head
        return Figure(value=0.5, kind=f"count:{_count_noun(unit.lemma_.lower())}",
                      text=doc[tok.i:unit.i + 1].text)
    part = _GROUP_FRACTIONS.get(tok.lower_)
    if part is None or tok.pos_ != "NOUN":
        return None
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    unit = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    if unit is None:
        return None
    count = next((c for c in tok.children if c.dep_ == "nummod"), None)
    times = _value(count) if count is not None else 1.0
    if times is None or times >= 1 / part:
        return None
    first = count if count is not None else next(
        (c for c in tok.children if c.dep_ == "det"), tok)
    start = min(first.i, tok.i)
    if start == tok.i and tok.i > 0 and doc[tok.i - 1].lower_ in ("a", "an", "one"):
        start -= 1  # "roughly a quarter of": the parse may hang the "a" elsewhere
    text = doc[start:unit.i + 1].text
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in unit.children):
        if tok.lower_ not in _FRACTIONS:
            return None
        return Figure(value=round(times * part, 4),
                      kind=f"count:{_count_noun(unit.lemma_.lower())}", text=text)
    # "a quarter of its workforce", "two-thirds of voters": the share, what "25% of its
    # workforce" says
    return Figure(value=round(100 * times * part, 2), kind="percent", text=text)


def _score_at(tok: Token) -> Figure | None:
    """The result that starts at ``tok`` ("2-1", "3:0", or "2", "-", "1" as three tokens) as
    one figure of kind "score" (value 1000 × the first + the second), else None."""
    doc = tok.doc
    if _SCORE.fullmatch(tok.text):
        a, b = re.split(r"[-–:]", tok.text)
        text = tok.text
    elif (tok.like_num and tok.i + 2 < len(doc) and doc[tok.i + 1].text in ("-", "–", ":")
          and doc[tok.i + 2].like_num and tok.text.isdigit() and doc[tok.i + 2].text.isdigit()):
        a, b = tok.text, doc[tok.i + 2].text
        text = f"{a}-{b}"
    else:
        return None
    if len(a) > 3 or len(b) > 3:
        return None  # "1939-1945" is two years, not a score
    return Figure(value=1000.0 * int(a) + int(b), kind="score", text=text)


def _of_noun(tok: Token) -> Token | None:
    """The noun of ``tok``'s "of" phrase ("justices" in "Eight of the 11 justices")."""
    return next((g for c in tok.children if c.lower_ == "of" for g in c.children
                 if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")), None)


def _argument(tok: Token) -> Argument:
    """The noun phrase headed by ``tok``, without relative clauses or appositions; a part of a
    counted whole is its noun's phrase ("Eight of the 11 justices" fills the role as the
    justices, so that "All 11 justices" meets it as the same participant and the figures
    differ)."""
    whole = _of_noun(tok) if tok.like_num or tok.lower_ in _WORD_VALUES else None
    if whole is not None:
        return replace(_argument(whole), text=_span_text(tok.subtree))
    keep = [tok]
    mods: list[str] = []
    core = [tok]
    alternatives: list[str] = []
    for child in tok.children:
        if child.dep_ in ("compound", "amod", "nummod", "poss", "det", "nmod", "flat"):
            keep.extend(child.subtree)
            if child.dep_ in ("compound", "amod", "nmod", "flat"):
                mods.append(_lemma(child))
                core.extend(child.subtree)
        elif child.dep_ in ("conj", "appos"):
            alternatives.append(_span_text(t for t in child.subtree
                                           if t.dep_ not in ("cc", "punct", "det")))
    ent_type = None
    name = ""
    if tok.ent_type_ and not _capitalised_noun(tok):
        ent_type = _NAME_TYPES.get(tok.ent_type_)
        if ent_type:  # the whole entity, not just the head word
            ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            if ent is not None:
                # a score or a figure the tagger ran into the name ("Chelsea 2-0") is no part
                # of it: the name is the words up to it
                words = list(ent)
                cut = next((k for k, t in enumerate(words) if t.i > tok.i and _is_score(t)), None)
                words = words[:cut] if cut is not None else words
                keep.extend(words)
                name = _span_text(words)
    text = _span_text(set(keep))
    if tok.lower_ in ("one", "body") and any(c.dep_ == "det" and c.lower_ == "no"
                                             for c in tok.children):
        # "No one was hurt" is "Nobody was hurt": one participant, none of it a count
        return Argument(text=text, head="nobody", name_type=None)
    if tok.pos_ == "PRON":
        return Argument(text=text, head=tok.lower_, name_type=None)
    return Argument(text=text, head=_lemma(tok), name_type=ent_type, modifiers=tuple(mods),
                    core=_span_text(set(core)), alternatives=tuple(alternatives),
                    name=name or (text if ent_type else ""))


def _capitalised_noun(tok: Token) -> bool:
    """A common noun capitalised only because it opens the sentence, which the tagger took for
    a one-word name ("Turnout was 62 percent": a PERSON)."""
    return (tok.is_sent_start and tok.tag_ in ("NN", "NNS")
            and not any(e.start <= tok.i < e.end and len(e) > 1 for e in tok.doc.ents))


def _clause_tokens(verb: Token) -> list[Token]:
    """The verb's subtree without nested clauses (they are frames of their own)."""
    out: list[Token] = []
    stack = [verb]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c is not verb and c.dep_ in _CLAUSE_DEPS and c.pos_ in ("VERB", "AUX"):
                continue
            stack.append(c)
    return out


def _subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "expl"):
            return c
    for c in verb.children:
        if c.dep_ == "csubj" and c.pos_ in ("VERB", "NOUN"):
            return c  # a gerund's clause: "Voting in the referendum is compulsory"
    # "X was arrested and charged": the second verb shares the first one's subject;
    # "X plans to appeal": the infinitive's subject is the planner; "Ukraine asked Germany to
    # supply ...": the one asked (the object of a verb of asking or ordering).
    if verb.dep_ == "xcomp" and verb.head is not verb \
            and verb.head.lemma_.lower() in _OBLIGING | _ALLOWING:
        asked = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        if asked is not None:
            return asked
    if verb.dep_ in ("conj", "xcomp") and verb.head is not verb:
        return _subject(verb.head)
    if verb.dep_ == "relcl":  # "the man who was arrested": the head noun
        return verb.head
    return None


def _stance(verb: Token) -> tuple[Stance, Token | None]:
    """The stance a clause is stated under, and the speaker when a verb of saying governs it."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    advs = {c.lower_ for c in verb.children if c.dep_ == "advmod"}
    if advs & _HEDGE_ADVERBS:
        return Stance.ALLEGED, None
    governed = _governed(verb)
    if governed[0] in (Stance.ALLEGED, Stance.DENIED):
        # "… claiming this would stem illegal immigration": whatever its modal, the clause is
        # someone's allegation (or denial), and "This would stem …" as a claim is not backed.
        return governed
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                     for m in c.children) for c in verb.children):
        # "If the merger is approved, the company will close the plant": only on a condition
        return Stance.CONDITIONAL, None
    if aux & _FUTURE_AUX:
        # "'We will not accept it,' the minister said": a future in someone's words is theirs
        reporter = _reporter(verb)
        return Stance.FUTURE, _speaker_of(reporter) if reporter is not None else None
    if verb.dep_ == "ROOT" and "to" in aux and any(c.dep_ in ("nsubj", "nsubjpass")
                                                   for c in verb.children):
        # Headline English: "Bush to propose overhaul of benefits", "Apple to cut 500 jobs"
        # announce what is planned or scheduled: backed by "will propose" or "plans to cut",
        # not by "cut" alone (the plan may have been carried out, or not).
        return Stance.PLANNED, None
    reporter = _reporter(verb) if aux & {"would", "'d"} else None
    if reporter is not None:
        # "He said it would be a condition of travel": the future of reported speech, in the
        # speaker's word
        return Stance.FUTURE, _speaker_of(reporter)
    if aux & _POSSIBLE_AUX:
        return Stance.POSSIBLE, None
    # "going to", "set to", "due to", "expected to", "plans to": the infinitive under them
    if verb.dep_ == "xcomp" and verb.head is not verb:
        head = verb.head
        if head.lemma_.lower() in _SCHEDULED or head.lower_ in _SCHEDULED:
            # "is set to close in June", "is due to open": a fixed future, what "will" says
            return Stance.FUTURE, None
        if head.lemma_.lower() in _PLANNING or head.lower_ in _PLANNING:
            return Stance.PLANNED, None
        if head.lemma_.lower() in _OBLIGING:
            # "was ordered to pay a fine", "urged the company to recall": asked of the subject,
            # not yet done, and not their plan either ("agreed to supply" is not "was asked to
            # supply")
            return Stance.REQUESTED, None
        if head.lemma_.lower() in _HEARSAY and any(c.dep_ == "auxpass" for c in head.children):
            # "is said to have taken bribes", "is reported to have died", "is believed to be":
            # hearsay with no one named, an allegation ("was found to reduce deaths" is not)
            return Stance.ALLEGED, _speaker_of(head)
        if head.lemma_.lower() in _ALLEGING:
            return Stance.ALLEGED, _speaker_of(head)
    return governed


#: Prepositions that put a clause beside another as its circumstance ("with 58% voting
#: against", "after spending four days"), not under it as what its verb says or denies.
_CIRCUMSTANCE_PREPS = frozenset({"with", "without", "after", "before", "while", "despite",
                                 "since", "by", "following"})


def _governed(verb: Token) -> tuple[Stance, Token | None]:
    """The stance the clauses governing ``verb`` put it under (FACT when none does)."""
    # Walk up the governing clauses: a clause under "alleged" is an allegation, under "said" a
    # report, under "plans" a plan -- the nearest governing verb of that kind decides.
    t = verb
    seen = 0
    while (t.dep_ in ("ccomp", "xcomp", "conj", "advcl", "parataxis", "pcomp")
           or _allegation_of(t) is not None) and t.head is not t:
        seen += 1
        if seen > 6:
            break
        if t.dep_ == "conj":
            t = t.head
            continue
        if t.dep_ == "pcomp" and t.head.lower_ in _CIRCUMSTANCE_PREPS:
            # "rejected the proposal, with 58% voting against": a circumstance of the clause
            # above, stated as that clause is, not what its verb rejects or says
            t = t.head.head
            continue
        noun = _allegation_of(t)
        if noun is not None:
            # "Russia denied claims that its troops shot it down": Russia's denial of someone's
            # allegation -- neither the writer's fact nor a source saying the opposite.
            governor = noun.head if noun.dep_ in ("dobj", "nsubjpass", "pobj") else None
            if governor is not None and governor.dep_ == "prep":
                governor = governor.head
            if governor is not None and governor.lemma_.lower() in _DENYING:
                return Stance.DENIED, _speaker_of(governor)
            speaker = (_speaker_of(governor) if governor is not None
                       and governor.lemma_.lower() in _REPORTING | _ALLEGING else None)
            return Stance.ALLEGED, speaker
        head = t.head
        if head.dep_ == "prep" and head.head is not head:  # "accused of taking"
            head = head.head
        lemma = head.lemma_.lower()
        if lemma in _ALLEGING:
            return Stance.ALLEGED, _speaker_of(head)
        if head.pos_ == "NOUN" and lemma in _ALLEGATION_NOUNS and t.dep_ == "pcomp":
            # "questioned on suspicion of causing the crash", "charges of taking bribes"
            return Stance.ALLEGED, None
        if lemma in _DENYING:
            return Stance.DENIED, _speaker_of(head)
        if lemma in _PLANNING:
            return Stance.PLANNED, None
        if lemma in _REPORTING:
            inner, _ = _stance(head)
            if inner is Stance.FACT:
                return Stance.REPORTED, _speaker_of(head)
            return inner, _speaker_of(head)
        t = head
    return Stance.FACT, None


def _allegation_of(verb: Token) -> Token | None:
    """The noun whose content clause ``verb`` heads ("claims that ...", "reports that ..."),
    when it is one of allegation; a relative clause ("the report that he wrote") has no "that"
    as a marker but as its object, so it is not one."""
    head = verb.head
    nominal = head.pos_ in ("NOUN", "PROPN") or head.dep_ in (
        "nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos")  # "Reports" tagged a verb
    if (verb.dep_ not in ("acl", "ccomp") or head is verb or not nominal
            or head.lemma_.lower() not in _ALLEGATION_NOUNS):
        return None  # (the parser labels a noun's content clause either way)
    if not any(c.dep_ == "mark" and c.lower_ in ("that", "whether") for c in verb.children):
        return None
    return verb.head


def _reporter(verb: Token) -> Token | None:
    """The verb of saying that governs the clause ("announced that ... would"), if any."""
    t = verb
    for _ in range(6):
        if t.dep_ not in ("ccomp", "conj", "xcomp", "advcl") or t.head is t:
            return None
        t = t.head
        if t.lemma_.lower() in _REPORTING | _ALLEGING:
            return t
    return None


def _speaker_of(verb: Token) -> Token | None:
    subj = _subject(verb)
    if subj is not None and subj.dep_ != "nsubjpass":
        # (the subject of "is accused of" or "is said to" is who it is said of, not the speaker)
        return subj
    for c in verb.children:  # "... , according to X" / passive "was alleged by X"
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _negated(verb: Token, predicate_tok: Token) -> bool:
    for tok in {verb, predicate_tok}:
        for c in tok.children:
            if c.dep_ == "neg" or (c.dep_ in ("det", "advmod") and c.lower_ in _NEGATORS):
                return True
    for c in verb.children:  # "No one was hurt", "Nobody died", "found no trace"
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and (
            c.lower_ in _NEGATORS or any(g.dep_ == "det" and g.lower_ == "no" for g in c.children)
        ):
            return True
    return False


def _refused(verb: Token) -> bool:
    """Whether the clause is the infinitive of a refusal or a failure ("refused to approve",
    "failed to pay"), which is not itself negated ("did not refuse to sign" is left to the
    negation above it)."""
    head = verb.head
    if _near_miss(verb):
        return True  # "nearly burst its banks", "came close to bursting": it did not happen
    if verb.dep_ == "pcomp" and head.lower_ == "against" and head.head is not head:
        # "voted against going on strike", "decided against raising prices": a choice not to
        chooser = head.head
        return chooser.lemma_.lower() in _CHOOSING_AGAINST and not _negated(chooser, chooser)
    return (verb.dep_ == "xcomp" and head is not verb and head.lemma_.lower() in _REFUSING
            and not _negated(head, head))


def _refusal_words(verb: Token) -> str:
    """The words of the refusal that negates ``verb``'s clause, as written ("declined to",
    "voted against")."""
    near = _near_miss(verb)
    if near:
        return near
    if verb.dep_ == "pcomp":
        return f"{verb.head.head.text} {verb.head.text}"
    return f"{verb.head.text} to"


#: Adverbs that say a deed almost happened, and so did not ("nearly collapsed").
_ALMOST = frozenset({"nearly", "almost"})


def _near_miss(verb: Token) -> str:
    """The words that say the clause's deed almost happened ("nearly", "came close to"), or ""
    when none do."""
    if verb.pos_ != "VERB":
        return ""  # "Its nearly 7 million": a figure's bound, not a deed that almost happened
    adverb = next((c for c in verb.children if c.dep_ == "advmod" and c.lower_ in _ALMOST), None)
    if adverb is not None:
        return adverb.text
    head = verb.head
    if (verb.dep_ == "pcomp" and head.lower_ == "to" and head.head is not head
            and head.head.lower_ in ("close", "near") and head.head.head is not head.head):
        return f"{head.head.head.text} {head.head.text} to"
    return ""


def _figure_kind(tok: Token, clause: Sequence[Token], subject: Token | None) -> str:
    """What a number counts, from the words around it."""
    ent = tok.ent_type_
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if ent == "PERCENT" or (nxt is not None and nxt.lower_ in ("%", "percent", "pct", "per")):
        return "percent"
    if ent == "MONEY" or (prev is not None and prev.text in ("$", "€", "£", "¥")):
        return "money"
    following = [t.lower_ for t in tok.doc[tok.i + 1: tok.i + 3]]
    if following and (following[0] in CURRENCY_WORDS or (
            following[0] in _SCALES and len(following) > 1 and following[1] in CURRENCY_WORDS)):
        return "money"  # "5 billion euros", "200 mln dlrs"
    # age: "aged 89", "89-year-old", "at the age of 89", "he was 95" / "died at 95"
    if prev is not None and prev.lower_ in ("aged", "age"):
        return "age"
    if prev is not None and prev.lower_ == "of" and tok.i > 1 and tok.doc[tok.i - 2].lower_ == "age":
        return "age"
    window = " ".join(t.lower_ for t in tok.doc[tok.i + 1: tok.i + 4])
    if window.startswith(("-year-old", "year-old", "years old", "- year - old", "year old")):
        return "age"
    head = tok.head
    # "Eight of the 11 justices": eight count the justices who did it, eleven all of them
    part = _of_noun(tok)
    if part is not None and any(n.dep_ == "nummod" for n in part.children):
        return f"count:{_count_noun(part.lemma_.lower())}"
    if (tok.dep_ == "nummod" and head.dep_ == "pobj" and head.head.lower_ == "of"
            and (head.head.head.like_num or head.head.head.lower_ in _WORD_VALUES)):
        return f"whole:{_count_noun(head.lemma_.lower())}"
    if (tok.dep_ in ("attr", "acomp", "npadvmod") and head.lemma_ in ("be", "die", "age")
            and subject is not None and (subject.ent_type_ == "PERSON"
                                         or subject.lower_ in ("he", "she"))):
        return "age"
    if prev is not None and prev.lower_ == "at" and head.lemma_ in ("die", "pass", "retire"):
        return "age"
    after = tok.doc[tok.i + 2] if tok.i + 2 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ == "times" and after is not None and (
            after.lower_ in ("as", "more", "the") or after.tag_ == "JJR"):
        return "ratio"  # "three times as fast", "three times higher", "three times the size"
    # the counted noun: "12 people", "9 killed", "3,000 jobs"
    if tok.dep_ == "nummod" and head.pos_ in ("NOUN", "PROPN"):
        return f"count:{_count_noun(head.lemma_.lower())}"
    if nxt is not None and nxt.pos_ in ("NOUN", "ADJ", "VERB") and nxt.is_alpha:
        return f"count:{_count_noun(nxt.lemma_.lower())}"
    return "number"


# "9 killed" and "nine dead" and "9 people died" count the same thing.
_DEAD = frozenset({"dead", "kill", "killed", "death", "die", "fatality", "victim", "body"})
_HURT = frozenset({"injure", "injured", "wound", "wounded", "hurt", "casualty"})
_PEOPLE = frozenset({"people", "person", "resident", "civilian", "individual", "man", "woman"})
_JOBS = frozenset({"job", "worker", "employee", "position", "post", "staff", "staffer"})


def _count_noun(lemma: str) -> str:
    if lemma in _DEAD:
        return "dead"
    if lemma in _HURT:
        return "injured"
    if lemma in _PEOPLE:
        return "people"
    if lemma in _JOBS:
        return "jobs"  # "cut 500 jobs" counts what "laid off 500 workers" counts
    return lemma


_WORD_VALUES = NUMBER_WORDS_EN
#: words that name a currency after a figure ("5 billion euros", "200 mln dlrs"), by currency
#: (francs of any country are one: the word before them is not read)
CURRENCIES = {"usd": ("dollar", "dollars", "dlr", "dlrs", "$"), "eur": ("euro", "euros", "€"),
              "gbp": ("pound", "pounds", "stg", "sterling", "£"), "jpy": ("yen", "¥"),
              "cny": ("yuan", "renminbi"), "franc": ("franc", "francs"), "inr": ("rupee", "rupees")}
CURRENCY_WORDS = frozenset(w for words in CURRENCIES.values() for w in words if w.isalpha())
_SCALES = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "billion": 1e9, "bln": 1e9, "bn": 1e9,
           "trillion": 1e12, "k": 1e3, "m": 1e6}


def _value(tok: Token) -> float | None:
    text = tok.lower_.replace(",", "")
    scale = 1.0
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ in _SCALES and nxt.lower_ not in ("k", "m"):
        scale = _SCALES[nxt.lower_]
    for suffix, mult in (("bn", 1e9), ("m", 1e6), ("k", 1e3)):
        if text.endswith(suffix) and text[: -len(suffix)].replace(".", "", 1).isdigit():
            return float(text[: -len(suffix)]) * mult
    try:
        return float(text) * scale
    except ValueError:
        pass
    if text in _WORD_VALUES:
        return float(_WORD_VALUES[text]) * scale
    return None


_TENS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})
_UNITS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"})


def _unit_of(tok: Token) -> int | None:
    """The index of the unit word after ``tok`` when ``tok`` is the tens word of a number
    written in words ("Twenty" of "Twenty-one" or "twenty one"), else None."""
    doc = tok.doc
    if tok.lower_ not in _TENS:
        return None
    for j in (tok.i + 1, tok.i + 2):
        if j < len(doc) and doc[j].lower_ in _UNITS:
            return j if j == tok.i + 1 or doc[tok.i + 1].text == "-" else None
    return None


def _is_name_number(tok: Token) -> bool:
    """Digits inside a name: "B-17", "COVID-19", "Boeing 737", "G7", "Windows 10"."""
    if any(ch.isalpha() for ch in tok.text) and any(ch.isdigit() for ch in tok.text):
        return not tok.lower_.rstrip("kmbn").replace(".", "", 1).isdigit()  # "2bn" is a figure
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.text == "-" and tok.i > 1:
        return tok.doc[tok.i - 2].is_alpha  # "B - 17" as tokenised
    if prev is not None and prev.is_title and prev.pos_ == "PROPN" and tok.ent_type_ in (
            "PRODUCT", "ORG", "WORK_OF_ART", "EVENT", "LAW", "FAC"):
        return True
    return tok.ent_type_ in ("PRODUCT", "WORK_OF_ART", "LAW")


def _age_context(tok: Token) -> bool:
    """spaCy labels "aged 89" and "he was 95" DATE; they are ages, figures to compare."""
    if tok.like_num and len(tok.text) == 4 and tok.text.isdigit():
        return False  # a year
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.lower_ in ("aged", "age"):
        return True
    if prev is not None and prev.lower_ == "of" and tok.i > 1 and tok.doc[tok.i - 2].lower_ == "age":
        return True  # "at the age of 89"
    if prev is not None and prev.lower_ == "at" and prev.head.lemma_ in ("die", "pass", "retire"):
        return True  # "died at 95"
    window = " ".join(t.lower_ for t in tok.doc[tok.i + 1: tok.i + 5])
    if window.startswith(("-year-old", "year-old", "years old", "- year - old", "year old")):
        return True
    if tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON":  # "Robert Mugabe, 95, died"
        return True
    if tok.dep_ == "appos" and _person_noun(tok.head) and tok.text.isdigit() \
            and int(tok.text) < 120 and prev is not None and prev.text == ",":
        return True  # "The prime minister, 54, resigned": a person named by office
    return tok.dep_ in ("attr", "acomp", "ROOT") and tok.head.lemma_ in ("be", tok.lemma_)


#: Nouns of a person, beside those read from their ending ("driver", "actor", "pianist").
_PERSON_NOUNS = frozenset("""minister president premier chancellor mayor governor senator
    leader chief man woman boy girl suspect victim officer actress singer author player coach
    father mother son daughter husband wife chairman chairwoman director founder owner doctor
    nurse soldier pilot judge candidate king queen prince princess pope bishop priest star
    rapper artist journalist executive ceo captain athlete student pupil patient resident
    spokesman spokeswoman activist tourist climber hiker brother sister aide bodyguard lawyer
    friend partner child relative nephew niece cousin assistant secretary deputy family staff
    guard""".split())


def _person_noun(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and person_noun(tok.lemma_.lower())


def person_noun(lemma: str) -> bool:
    """Whether a common noun's lemma names a person: a noun of :data:`_PERSON_NOUNS` or one of
    a person's endings ("-er", "-or", "-ist", "-ian")."""
    return lemma in _PERSON_NOUNS or (len(lemma) > 5 and lemma.endswith(("er", "or", "ist", "ian")))


_AGE_TOKEN = re.compile(r"^(\d{1,3})-year-old$")
#: how many times a deed was done, in one word: read as "N times" is ("count:time")
_TIMES = {"once": 1.0, "twice": 2.0, "thrice": 3.0}
_NOT_TIMES = frozenset({"as", "more", "again", "the", "a", "an", "before", "over", "removed"})


def _figures(clause: Sequence[Token], subject: Token | None) -> tuple[Figure, ...]:
    out = []
    for tok in clause:
        times = _TIMES.get(tok.lower_)
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if times is not None and times > 1 and nxt is not None and nxt.lower_ in ("as", "more"):
            out.append(Figure(value=times, kind="ratio", text=tok.text))  # "twice as many"
            continue
        if times is not None and tok.dep_ == "advmod" and tok.head.pos_ in ("VERB", "AUX") \
                and not (nxt is not None and nxt.lower_ in _NOT_TIMES):
            # "scored twice" counts what "scored three times" counts ("once again" does not)
            out.append(Figure(value=times, kind="count:time", text=tok.text))
            continue
        fraction = _fraction_at(tok)
        if fraction is not None:
            out.append(fraction)
            continue
        if tok.dep_ == "nummod" and _fraction_at(tok.head) is not None:
            continue  # the "three" of "three quarters of a point", read with it
        score = _score_at(tok)
        if score is not None:
            # "beat France 2-1" is one result, not a 2 and a 1 compared apart ("sources say 1,
            # not 2" for "3-1"); its second figure is read with it
            out.append(score)
            continue
        if tok.i >= 2 and tok.like_num and _score_at(tok.doc[tok.i - 2]) is not None \
                and tok.doc[tok.i - 1].text in ("-", "–", ":"):
            continue
        age = _AGE_TOKEN.match(tok.lower_)
        if age:  # "the 89-year-old" is one token
            out.append(Figure(value=float(age.group(1)), kind="age", text=tok.text))
            continue
        if not (tok.like_num or tok.ent_type_ in _FIGURE_TYPES and tok.pos_ == "NUM"):
            continue
        if _is_name_number(tok):
            continue
        is_age = _age_context(tok)
        if tok.ent_type_ in _DATE_TYPES and not is_age:
            continue
        if any(_unit_of(tok.doc[j]) == tok.i for j in range(max(0, tok.i - 2), tok.i)):
            continue  # the "one" of "Twenty-one", read with its tens below
        value = _value(tok)
        if value is None:
            continue
        text = tok.text
        if tok.lower_ == "one" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "no":
            # "No one was killed" counts none: read as "one", the reason said "sources say
            # one, not Two" for "Two people were killed"
            value, text = 0.0, tok.doc[tok.i - 1:tok.i + 1].text
        unit = _unit_of(tok)
        if unit is not None:  # "Twenty-one" is tokenised "Twenty", "-", "one"
            value += _WORD_VALUES[tok.doc[unit].lower_]
            text = tok.doc[tok.i:unit + 1].text
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if (unit is None and nxt is not None and nxt.lower_ in _SCALES
                and nxt.lower_ not in ("k", "m")):
            text = f"{text} {nxt.text}"  # "2 billion": the reason must not say "2, not 2"
        kind = "age" if is_age else _figure_kind(tok, clause, subject)
        if kind in ("ratio", "count:time") and nxt is not None and nxt.lower_ == "times":
            text = f"{text} times"  # "sources say three times, not twice"
        out.append(Figure(value=value, kind=kind, text=text, change=_change_of(tok)))
    return tuple(sorted(out, key=lambda f: (f.kind, f.value)))


_CHANGE_VERBS = frozenset({"rise", "fall", "increase", "decrease", "grow", "drop", "climb",
                           "decline", "jump", "slip", "cut", "raise", "reduce", "lower", "gain",
                           "lose", "shrink", "expand", "surge", "plunge", "slump", "soar"})


def _change_of(tok: Token) -> str:
    """ "to" or "by" when the figure is the level or the amount of a change ("rose to 5%",
    "fell by 5%"), whether the preposition governs the number or its unit ("%")."""
    node = tok.head if tok.dep_ == "nummod" and tok.head.lower_ in ("%", "percent", "pct") else tok
    prep = node.head if node.dep_ == "pobj" else None
    if (prep is None or prep.lower_ not in ("to", "by")
            or prep.head.lemma_.lower() not in _CHANGE_VERBS):
        return ""
    return prep.lower_


def _predicate(verb: Token) -> Token:
    """The word that says what happened: the verb, or after "be" its adjective or noun
    ("was unlawful" -> unlawful, "is the winner" -> winner)."""
    if verb.lemma_ == "be":
        for c in verb.children:
            if c.dep_ in ("acomp", "attr"):
                return c
    return verb


def _prep_args(prep: Token, key: str, args: dict[str, Argument], depth: int = 0) -> None:
    """The objects of a preposition, and of the prepositions inside it ("after a battle with
    lung cancer" gives prep:after = a battle, prep:after/with = lung cancer)."""
    for g in prep.children:
        if g.dep_ == "pobj":
            args.setdefault(key, _argument(g))
            if depth < 2:
                for gg in g.children:
                    if gg.dep_ == "prep":
                        _prep_args(gg, f"{key}/{gg.lower_}", args, depth + 1)


def _frame(verb: Token, sentence: Span,
           ranks: tuple[tuple[str, int, str], ...] | None = None) -> Frame:
    clause = _clause_tokens(verb)
    pred = _predicate(verb)
    subj = _subject(verb)
    args: dict[str, Argument] = {}
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if subj is not None and subj.dep_ != "expl":
        args[PATIENT if passive else AGENT] = _argument(subj)
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "oprd"):
            args.setdefault(PATIENT, _argument(c))
        elif c.dep_ == "attr" and pred is verb:
            args.setdefault("attr", _argument(c))
        elif c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj" and g.lemma_.lower() in _AMOUNT_NOUNS:
                    # "was extended by a week", "was cut by half": the amount, not the doer
                    args["prep:by"] = _argument(g)
                elif g.dep_ == "pobj":
                    args[AGENT] = _argument(g)
        elif c.dep_ == "prep":
            _prep_args(c, f"prep:{c.lower_}", args)
    if pred is not verb:
        for c in pred.children:
            if c.dep_ == "prep":
                for g in c.children:
                    if g.dep_ == "pobj":
                        args.setdefault(f"prep:{c.lower_}", _argument(g))
    stance, speaker = _stance(verb)
    idx = {t.i for t in clause}
    names, dates, places = [], [], []
    for ent in sentence.ents:
        if not any(i in idx for i in range(ent.start, ent.end)):
            continue
        if ent.label_ in _DATE_TYPES:
            if not any(t.like_num and _age_context(t) for t in ent):  # "aged 89" is an age
                dates.append(ent.text)
        elif ent.label_ in _NAME_TYPES:
            cut = next((t.i for t in ent if t.i > ent.start and _is_score(t)), ent.end)
            text = ent.doc[ent.start:cut].text  # "Chelsea", not "Chelsea 2-0"
            names.append(Argument(text=text, head=ent.root.lemma_.lower(),
                                  name_type=_NAME_TYPES[ent.label_], name=text))
            if _NAME_TYPES[ent.label_] == "PLACE":
                places.append(ent.text)
    figures = _figures(sorted(clause, key=lambda t: t.i), subj)
    refused = _refused(verb)
    # the governing verbs that are negated or refused ("No evidence was found that ...",
    # "declined to confirm that ...")
    negated_above = [a for a in verb.ancestors
                     if a.pos_ in ("VERB", "AUX") and (_negated(a, a) or _refused(a))
                     and not _beyond_semicolon(verb, a)]
    lemma = pred.lemma_.lower()
    for verb_lemma, prep in _CAUSING:
        if lemma == verb_lemma and prep in args and PATIENT not in args:
            # "does not lead to CO2 intoxication" says what "does not cause CO2 intoxication"
            # says: one predicate, so that "is caused by masks" aligns with it
            lemma = "cause"
            args[PATIENT] = args.pop(prep)
    if lemma in _DEAD or lemma in _HURT:
        # "Nine people were killed" counts the dead, as "9 killed" and "nine dead" do.
        kind = "count:dead" if lemma in _DEAD else "count:injured"
        figures = tuple(Figure(f.value, kind, f.text) if f.kind in ("count:people", "number")
                        else f for f in figures)
    return Frame(
        text=_span_text(clause),
        predicate=lemma,
        negated=_negated(verb, pred) != refused,
        refusal=_refusal_words(verb) if refused else "",
        stance=stance,
        args=args,
        figures=figures,
        dates=tuple(dates),
        places=tuple(places),
        names=tuple(names),
        speaker=_argument(speaker) if speaker is not None else None,
        sentence=sentence.text,
        ranks=_ranks(sentence) if ranks is None else ranks,
        predicate_text=pred.text,
        words=frozenset(_word(t, pred) for t in clause
                        if t.pos_ in ("NOUN", "VERB", "ADJ", "ADV", "ADP", "NUM"))
        | _phrasal(clause),
        under_negation=bool(negated_above),
        unconfirmed=any(a.lemma_.lower() in _CONFIRMING for a in negated_above),
        complement=next((_word(c, pred) for c in verb.children
                         if (c.dep_ in ("oprd", "acomp", "ccomp") and c.pos_ == "ADJ")
                         or (c.dep_ == "oprd" and c.tag_ == "VBN")), ""),
    )


def _beyond_semicolon(verb: Token, above: Token) -> bool:
    """Whether a semicolon of ``above`` stands between it and ``verb``: two statements the
    parser hung one under the other ("Firefighters put out the blaze; no one was injured" is
    no "no one" of putting out the blaze)."""
    low, high = sorted((verb.i, above.i))
    return any(c.lower_ == ";" and low < c.i < high for c in above.children)


def _word(tok: Token, pred: Token) -> str:
    """A clause word's lemma; "not_guilty" for a complement negated on its own ("pleaded not
    guilty": the verb is not negated, its complement is, and roles.opposite reads "not_guilty"
    as the opposite of "guilty")."""
    lemma = tok.lemma_.lower()
    if tok is not pred and tok.pos_ in ("ADJ", "ADV") and any(
            c.dep_ == "neg" for c in tok.children):
        return f"not_{lemma}"
    return lemma


ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "1st": 1, "2nd": 2, "3rd": 3,
             "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8, "9th": 9, "10th": 10}
# Superlatives of fixed phrases, not ranks: "at least", "at most", "the latest figures".
_NOT_RANKS = frozenset({"least", "most", "latest", "last", "many", "much", "few", "little"})


def _ranks(sentence: Span) -> tuple[tuple[str, int, str], ...]:
    """What the sentence ranks and where: an ordinal before a noun ("the third time", "its
    second term") and a superlative, with its ordinal if it has one ("the largest" is first,
    "the second-largest" second). A changed rank is a changed detail the words alone hide:
    "largest" and "second-largest" share every word the verifier compares."""
    out = []
    for tok in sentence:
        n = ORDINALS.get(tok.lower_)
        if n is not None and tok.dep_ in ("amod", "nummod") and tok.head.pos_ == "NOUN":
            out.append((tok.head.lemma_.lower(), n, f"{tok.text} {tok.head.text}"))
            continue
        superlative = tok.tag_ == "JJS" or (tok.pos_ == "ADJ" and any(
            c.lower_ == "most" and c.tag_ == "RBS" for c in tok.children))
        if superlative and tok.lemma_.lower() not in _NOT_RANKS and tok.lower_ not in _NOT_RANKS:
            if tok.i > 0 and tok.doc[tok.i - 1].lower_ == "at":
                continue  # "at best", "at worst"
            ordinal = next((c for c in tok.children if c.lower_ in ORDINALS), None)
            text = (tok.doc[ordinal.i:tok.i + 1].text if ordinal is not None else tok.text)
            out.append((tok.lemma_.lower(), ORDINALS[ordinal.lower_] if ordinal else 1, text))
    return tuple(out)


def _phrasal(clause: Sequence[Token]) -> frozenset[str]:
    """Phrasal verbs of the clause as one word each ("call_off", "go_ahead"): their meaning is
    not their verb's ("called off" is the opposite of "went ahead")."""
    return frozenset(f"{t.lemma_.lower()}_{c.lower_}" for t in clause if t.pos_ == "VERB"
                     for c in t.children if c.dep_ == "prt" or c.lower_ == "ahead")


def _clause_heads(doc: Doc) -> list[Token]:
    heads = []
    for tok in doc:
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ in _CLAUSE_DEPS:
            if tok.pos_ == "AUX" and tok.dep_ != "ROOT" and tok.lemma_ != "be":
                continue
            heads.append(tok)
        elif tok.dep_ == "ROOT" and tok.pos_ not in ("VERB", "AUX"):
            heads.append(tok)  # verbless headline: "Mugabe dead at 95"
    return heads


# A question answered yes or no ("Q: Did the council approve the budget? A: No. ..."): FAQ
# pages, fact-checks and Q&A evidence state the question's proposition, or its negation.
_QA = re.compile(r"^\s*Q:\s*(?P<q>.+?)\s*A:\s*(?P<a>.*)$", re.DOTALL)
_YES_NO = re.compile(r"^\s*(?P<ans>yes|no)\s*(?:[.,;:!]|$)", re.IGNORECASE)


@lru_cache(maxsize=8192)
def frames_of(text: str) -> tuple[Frame, ...]:
    """Every clause of ``text`` as a frame (English parse). Cached: a brief's claims are
    compared with the same passages, and frames are immutable.

    A question answered "Yes" or "No" gives the question's clauses as statements, negated by a
    "No": "Q: Did X win? A: No." states that X did not win.
    """
    qa = _QA.match(text)
    if qa:
        answer = _YES_NO.match(qa.group("a"))
        answered = _frames(qa.group("a"))
        if answer is None:
            return _frames(qa.group("q")) + answered
        no = answer.group("ans").lower() == "no"
        stated = tuple(
            Frame(**{**f.__dict__, "negated": f.negated != no, "stance": Stance.FACT})
            if f.stance in (Stance.FACT, Stance.REPORTED) else f
            for f in _frames(qa.group("q"))
        )
        return stated + answered
    return _frames(text)


def _frames(text: str) -> tuple[Frame, ...]:
    # Read with a full stop at its end, as a claim is (claim_frames): a text that ends without
    # one ("... Avg shrs 7,114,000 vs 7,075,000 Reuter") parses otherwise, and a claim cut
    # from it would not align with its own words. The sentences keep the text's own words.
    stopped = _with_full_stop(text)
    doc = nlp.parse(stopped)
    ranks = {sent.start: _ranks(sent) for sent in doc.sents}  # once a sentence, not a clause
    frames = tuple(_frame(verb, verb.sent, ranks[verb.sent.start]) for verb in _clause_heads(doc))
    if stopped == text:
        return frames
    # the added stop: no sentence or clause is quoted with it
    return tuple(replace(f, sentence=_cut_stop(f.sentence, stopped),
                         text=_cut_stop(f.text, stopped)) for f in frames)


def _with_full_stop(text: str) -> str:
    body = text.rstrip()
    return body + "." if body[-1:].isalnum() else text


def _cut_stop(part: str, stopped: str) -> str:
    """``part`` without the full stop :func:`_frames` added, where it ends with it."""
    if part.endswith(".") and stopped.endswith(part):
        return part[:-1].rstrip()
    return part


@lru_cache(maxsize=2048)
def claim_frame(text: str) -> Frame | None:
    """The claim's main clause: the frame of its first sentence's root, or None if unparsed."""
    doc = nlp.parse(text)
    for sent in doc.sents:
        root = sent.root
        if root.pos_ in ("VERB", "AUX") or root.dep_ == "ROOT":
            frame = _frame(root, sent)
            # "X said (that) Y" as one content claim is about Y; the attribution is its own claim
            if root.lemma_.lower() in _REPORTING | _ALLEGING:
                inner = [c for c in root.children if c.dep_ == "ccomp"]
                if inner:
                    return _frame(inner[0], sent)
            return frame
    return None


def prepare(texts: Sequence[str]) -> None:
    """Parse ``texts`` in one batch ahead of :func:`frames_of` / :func:`claim_frame` (spaCy's
    batched pipe is several times faster than parsing one text at a time)."""
    nlp.parse_many(list(texts))


# An acronym in brackets after the name it shortens: "The United Nations (UN) emergency relief
# coordinator Jan Egeland said ..." is parsed with "Nations" as the speaker and the coordinator
# in brackets; without it, the coordinator is the speaker, as in the sources ("U.N. emergency
# relief coordinator Jan Egeland said").
_ACRONYM_AFTER_NAME = re.compile(r"(?<=[a-z])\s+\((?:[A-Z][A-Za-z.&-]{1,9})\)(?=\s)")


def claim_frames(text: str) -> tuple[Frame, ...]:
    """The claim's main clause (:func:`claim_frame`) first, then its other clauses, without the
    verbs of saying that frame it (their speaker is the main clause's ``speaker``). A title-case
    headline is read in sentence case ("Police Release Man ..." parsed as it stands has no verb:
    "Release" is taken for a name)."""
    text = _ACRONYM_AFTER_NAME.sub("", sentence_case(text))
    # Claims are cut from briefs without their full stop; parsed without it, a sentence can
    # take another root or stance than the same sentence in a source ("... effects may be
    # limited" lost its "may"), so it is read as the sources' sentences are (_frames).
    text = _with_full_stop(text)
    main = claim_frame(text)
    if main is None:
        return ()
    # a verb of finding with its state is no verb of saying ("a third member was found dead"),
    # unless it frames the main clause ("The jury found him guilty")
    rest = tuple(f for f in frames_of(text)
                 if f.text != main.text and (f.predicate not in _REPORTING | _ALLEGING
                                             or (f.complement and main.text not in f.text)))
    return (main, *rest)
