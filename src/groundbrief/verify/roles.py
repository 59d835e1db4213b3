"""Part-by-part judgement: compare a claim's frame with the passage clause that speaks of the
same thing, role by role.

For each part of the claim -- who (agent), to whom or what (patient and prepositional objects),
did what (predicate, polarity, direction), how many (figures by kind), when (dates), and under what
stance -- the passage clause aligned with the claim either backs it, fills the same role with
another value (a **conflict**: "Hunt" where the claim has "Gove" as the one beaten, 95 where it
has 89 as the age, "released" where it has "arrested", "unlawful" for "lawful"), or leaves it
unsaid or says it under another stance (**unbacked**: an allegation for a fact, a plan for a
deed, "throat cancer" for "lung cancer" when the parse cannot tell a conflict from a paraphrase).

A conflict is what a reader can check by looking at the passage: the verifier refutes on it and
cites the passage. Anything unbacked keeps a passage from supporting the claim, whatever the
model says. Claims the parser cannot read (no English parse, no frame) get an empty judgement
and the verifier falls back to the model and the detail checks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache

from ..words import FIGURE_AT_LEAST_EN, FIGURE_AT_MOST_EN, MAGNITUDE_WORDS, NUMBER_WORDS_EN
from .antonyms import wordnet_opposite
from .names import find_name, is_group_word, passage_names, same_name
from .parts import (AGENT, CURRENCIES, CURRENCY_WORDS, ORDINALS, PATIENT, Argument, Figure, Frame,
                    Stance, claim_frames, frames_of, norm)
from .surface import MONTHS, STOPWORDS, WEEKDAYS, spelling_key

__all__ = ["Finding", "Relation", "RoleJudgement", "SYNONYM", "Similarity", "compare",
           "opposite"]

#: Two nouns in the same slot are one thing said two ways when their multilingual sentence
#: embeddings (USE) are at least this alike: inquiry/investigation 0.79, firm/company 0.82,
#: shares/stock 0.78, car/vehicle 0.84; water/plan 0.27, poll/crisis 0.31, poll/election 0.53.
#: Checked on these pairs only (2026-12-01); a measured list is future work.
SYNONYM = 0.75

Similarity = Callable[[str, str], float]


class Relation(str, Enum):
    CONFLICT = "conflict"  # the passage fills the role with another value
    UNBACKED = "unbacked"  # the passage does not back this part (absent, or other stance)


@dataclass(frozen=True)
class Finding:
    """One part of the claim that the aligned passage clause does not back."""

    role: str  # agent, patient, prep:<p>, predicate, polarity, figure:<kind>, date, stance
    claim: str  # the claim's value, as written
    passage: str | None  # the passage's value in the same role, if it has one
    relation: Relation
    #: the passage says something else in the claim's place that holds the claim's words
    #: ("turned back before it reached the city"): said as what the sources say, since "no
    #: source gives 'reached'" would be false of them
    instead: bool = False

    def words(self) -> str:
        """The finding in words, for the reason a reader sees: what the sources say instead,
        or what no source gives."""
        what = self.role_words()
        if self.role == "polarity" and self.passage:  # "not counted, not counted" reads wrong
            return f"sources say {self.passage}, where the claim says {self.claim}"
        if self.relation is Relation.CONFLICT and self.passage:
            return f"sources say {self.passage}, not {self.claim} ({what})"
        if self.role == "stance" and self.passage:
            return f"sources report it only as {self.passage}"
        if self.role == "hedge" and self.passage:
            return f"sources say it only with a hedge (“{self.passage}”)"
        if self.role == "speaker":
            if self.passage:
                return f"sources attribute it to {self.passage}, not {self.claim}"
            return f"no source reports {self.claim} saying it"
        if self.instead and self.passage:
            return f"sources say '{self.passage}', which does not confirm '{self.claim}' ({what})"
        if self.passage:
            # Not a conflict: the closest clause has another word there, which may be a
            # paraphrase the rules cannot prove ("pieces of mail" / "emails"). Said as what
            # is not given, so that a reader is not told the sources contradict the claim.
            return f"no source gives '{self.claim}' ({what}); the closest has '{self.passage}'"
        if self.role == "predicate":
            return f"no source gives '{self.claim}' ({what})"  # not "gives what happened 'x'"
        return f"no source gives {what} '{self.claim}'"

    def role_words(self) -> str:
        if self.role.startswith("figure:"):
            kind = self.role[7:]
            if kind.startswith("count:"):
                noun = kind[6:]
                if noun not in ("dead", "injured", "people") and not noun.endswith("s"):
                    # "the number of pacemakers", "the number of countries"
                    noun = noun[:-1] + "ies" if re.search(r"[^aeiou]y$", noun) else noun + "s"
                return f"the number of {noun}"
            return _FIGURE_WORDS.get(kind, "the figure")
        return _ROLE_WORDS.get(self.role.split(":")[0], "the detail")


_ROLE_WORDS = {
    "agent": "who did it", "patient": "who or what it was done to", "prep": "the detail",
    "attr": "what it was", "predicate": "what happened", "polarity": "whether it happened",
    "date": "the date", "stance": "the status", "name": "the name", "rank": "the rank",
    "duration": "how long",
}
_FIGURE_WORDS = {"age": "the age", "percent": "the percentage", "money": "the amount",
                 "number": "the figure", "score": "the score", "ratio": "how many times",
                 "length": "the length", "weight": "the weight", "area": "the area",
                 "volume": "the volume"}


@dataclass(frozen=True)
class RoleJudgement:
    """What the part-by-part comparison found for one claim-passage pair."""

    parsed: bool  # False: no frame for the claim (language without parser, no clause)
    aligned: str | None = None  # the passage sentence compared with, when one aligns
    findings: tuple[Finding, ...] = ()
    agreement: bool = False  # the aligned clause is about the claim's subject
    stance: Stance | None = None  # the aligned clause's stance
    #: Whether the claim's main clause and the passage clause it aligns with are negated (the
    #: passage clause also when a clause above it is); None when nothing aligns. A "not"
    #: elsewhere in the passage sentence belongs to another clause.
    negated: tuple[bool, bool] | None = None
    notes: tuple[str, ...] = field(default=())
    #: the aligned clause says what the claim's one clause says, part by part: the same
    #: predicate, the same polarity and stance, each participant and circumstance of the claim
    #: there too ("The spire and at least part of the roof … collapsed" for "The spire of
    #: Notre Dame collapsed"), and nothing found against it
    restates: bool = False
    #: names of the claim that neither the passage nor its source's title names. Not a reason
    #: to withhold support on their own (a sentence names its subject by a pronoun or a
    #: description: on Climate-FEVER's gold-supporting sentences this flagged 89 of 301), but a
    #: refutation needs the passage to speak of what the claim names.
    unnamed: tuple[str, ...] = ()
    #: people the claim names whom neither the passage nor anything of its source (title and
    #: text) names: a person is called "he" or "the minister" only after the article has named
    #: them, so a source that never does cannot back the claim ("Paradyne named Jerry Kendall
    #: as president" against an article on its indictment that never names Kendall).
    unnamed_people: tuple[str, ...] = ()

    @property
    def conflicts(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.relation is Relation.CONFLICT)

    @property
    def unbacked(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.relation is Relation.UNBACKED)


# ------------------------------------------------------------------------- words and opposites

# Pairs of predicates that say opposite things of the same participants. Lemmas, as spaCy's
# English lemmatizer gives them.
_OPPOSITE_PAIRS = [
    ("arrest", "release"), ("arrest", "free"), ("detain", "release"), ("detain", "free"),
    ("convict", "acquit"), ("guilty", "innocent"), ("guilty", "acquit"),
    ("rise", "fall"), ("rise", "drop"), ("rise", "decline"), ("rise", "slip"),
    ("rise", "decrease"), ("increase", "decrease"), ("increase", "fall"), ("increase", "drop"),
    ("increase", "reduce"), ("increase", "cut"), ("raise", "lower"), ("raise", "cut"),
    ("raise", "reduce"), ("grow", "shrink"), ("grow", "fall"), ("expand", "shrink"),
    ("expand", "contract"), ("gain", "lose"), ("climb", "fall"), ("climb", "drop"),
    ("jump", "fall"), ("jump", "drop"), ("soar", "plunge"), ("surge", "plunge"),
    ("rise", "plunge"), ("boost", "cut"), ("strengthen", "weaken"), ("tighten", "ease"),
    ("tighten", "loosen"), ("high", "low"), ("higher", "lower"), ("up", "down"),
    ("win", "lose"), ("beat", "lose"), ("defeat", "lose"), ("pass", "fail"),
    ("succeed", "fail"), ("back", "oppose"), ("support", "oppose"), ("favour", "oppose"),
    ("favor", "oppose"), ("endorse", "oppose"), ("approve", "reject"), ("accept", "reject"),
    ("accept", "decline"), ("accept", "refuse"), ("agree", "refuse"), ("agree", "disagree"),
    ("approve", "veto"), ("approve", "block"), ("confirm", "deny"), ("admit", "deny"),
    ("lawful", "unlawful"), ("legal", "illegal"), ("valid", "invalid"), ("allow", "ban"),
    ("allow", "forbid"), ("allow", "prohibit"), ("permit", "ban"), ("permit", "forbid"),
    ("lift", "impose"), ("open", "close"), ("open", "shut"), ("start", "end"),
    ("begin", "end"), ("join", "leave"), ("enter", "leave"), ("enter", "exit"),
    ("hire", "fire"), ("hire", "lay"), ("appoint", "dismiss"), ("appoint", "sack"),
    ("buy", "sell"), ("borrow", "lend"), ("import", "export"), ("include", "exclude"),
    ("survive", "die"), ("survive", "kill"), ("alive", "dead"), ("live", "die"),
    ("profit", "loss"), ("surplus", "deficit"), ("positive", "negative"),
    ("true", "false"), ("safe", "dangerous"), ("safe", "unsafe"), ("win", "defeat"),
    ("more", "less"), ("more", "fewer"), ("increase", "decline"), ("appreciate", "depreciate"),
    ("strong", "weak"), ("stronger", "weaker"), ("advance", "retreat"), ("add", "remove"),
    ("restore", "suspend"), ("resume", "suspend"), ("resume", "halt"), ("lift", "extend"),
    ("present", "absent"), ("find", "miss"), ("attend", "skip"), ("attend", "boycott"),
    ("fail", "success"), ("failure", "success"), ("double", "halve"), ("accelerate", "ease"),
    ("accelerate", "slow"), ("accelerate", "decelerate"), ("quicken", "slow"),
    ("uphold", "overturn"), ("uphold", "quash"), ("uphold", "reverse"), ("peaceful", "violent"),
    ("land", "crash"), ("stable", "critical"), ("veto", "sign"), ("guilty", "clear"),
    ("convict", "clear"), ("legal", "unlawful"), ("lawful", "illegal"), ("enact", "repeal"),
    ("arrive", "depart"), ("marry", "divorce"), ("tighten", "relax"), ("attend", "absent"),
    # spaCy lemmatizes "better" and "best" to "well"; WordNet's good/bad pair has "good"
    ("well", "bad"), ("well", "badly"),
    ("ratify", "reject"), ("capture", "escape"), ("build", "demolish"), ("praise", "condemn"),
    ("defend", "condemn"), ("defend", "criticise"), ("defend", "criticize"),
    # two accounts of one departure: left of his own accord, or was put out
    ("resign", "sack"), ("resign", "fire"), ("resign", "dismiss"),
    # phrasal verbs, one word each in a clause's words (parts._phrasal)
    ("call_off", "go_ahead"), ("cancel", "go_ahead"), ("scrap", "go_ahead"),
    ("postpone", "go_ahead"),
    # Words, not predicates: compared anywhere in two aligned clauses, so only pairs whose
    # words rarely mean something else ("first"/"last", "new"/"old", "north"/"south" are left
    # out: "last week" beside "the first time", "New York", "North Korea").
    ("maximum", "minimum"), ("early", "late"), ("earlier", "later"), ("before", "after"),
    ("above", "below"), ("majority", "minority"), ("gain", "loss"), ("win", "loss"),
    ("victory", "defeat"), ("increase", "reduction"), ("rise", "cut"),
    ("upgrade", "downgrade"), ("buyer", "seller"), ("cheap", "expensive"),
    ("large", "small"), ("big", "small"), ("larger", "smaller"), ("bigger", "smaller"),
    ("northern", "southern"), ("eastern", "western"),  # "in northern Syria" / "southern Syria"
    ("alive", "body"),  # "pulled the climber out alive" / "the body of the climber was recovered"
    ("rescue", "body"), ("rescue", "dead"),  # "were rescued" / "the bodies of ... were recovered"
    ("acquire", "sell"), ("hold", "collapse"), ("hold", "breach"),
    ("complete", "abandon"), ("finish", "abandon"), ("complete", "abort"), ("brief", "lengthy"),
    ("grant", "deny"), ("grant", "refuse"), ("grant", "reject"), ("survive", "lose"),
    ("survive", "collapse"), ("survive", "destroy"), ("save", "collapse"), ("save", "destroy"),
    ("compulsory", "voluntary"), ("mandatory", "voluntary"), ("mandatory", "optional"),
    ("cancel", "resume"), ("ground", "resume"), ("suspend", "reinstate"),
    # a launch or a flight that ended in the other way: "was a success" / "exploded"
    ("success", "explode"), ("success", "crash"), ("success", "abort"),
    ("successful", "explode"), ("successful", "crash"),
    # jobs made or cut; a ruling or a bill that stood or fell
    ("hire", "cut"), ("create", "cut"), ("add", "cut"), ("hire", "lay_off"), ("create", "lay_off"),
    ("uphold", "strike_down"), ("pass", "block"), ("approve", "strike_down"),
    # a strike, a war or a curfew that ended, or went on
    ("end", "extend"), ("end", "prolong"), ("end", "continue"), ("stop", "continue"),
    ("halt", "continue"), ("release", "remand"), ("free", "remand"),
    ("contain", "spread"), ("sink", "afloat"), ("sink", "float"), ("fall", "survive"), ("approve", "withdraw"),
    ("deliberately", "accidentally"), ("deliberate", "accidental"),
    ("deliberately", "accident"), ("deliberate", "accident"), ("intentional", "accidental"),
    # routes, stores, jobs or seats added, or taken away; an office won at the polls, or lost
    ("add", "drop"), ("add", "scrap"), ("add", "axe"), ("add", "eliminate"), ("add", "shed"),
    ("add", "lose"), ("add", "slash"), ("elect", "lose"), ("reelect", "lose"),
    ("re-elect", "lose"),
]
#: Verbs news uses for one deed (phrasal verbs as parts.py joins them, "call_off"; "taken into
#: custody" read as "take_into_custody"). A clause that says the claim's clause part by part
#: with one of these for the claim's verb restates it ("The police chief was fired on Friday"
#: for "... was dismissed on Friday"): the bundled model misses many of them. Only verbs whose
#: news sense is one deed whatever else the clause says; each is checked with every part of
#: the clause the same.
_PARAPHRASE_GROUPS = [frozenset(g.split()) for g in (
    "dismiss fire sack", "cancel call_off scrap", "postpone put_off defer",
    "reject turn_down rebuff", "resign step_down quit", "die pass_away", "injure hurt wound",
    "arrest detain take_into_custody", "buy acquire purchase", "ban prohibit outlaw",
    "fall drop decline ease slip dip", "rise climb increase grow", "halt stop",
    "begin start", "end conclude", "announce unveil", "cut eliminate shed slash axe lay_off",
    "crash go_down", "collapse break_down", "abolish scrap repeal", "flee escape",
    "close shut",
)]
#: Nouns news uses for one thing, where the embeddings do not tell it (a core phrase of the
#: claim's argument and of the passage's, in one group: "ceasefire" / "truce", "unemployment"
#: / "the jobless rate"; in a count, "jobs" / "workers").
_NOUN_GROUPS = [frozenset(g.split("|")) for g in (
    "ceasefire|truce|armistice", "unemployment|unemployment rate|jobless rate|joblessness",
    "job|jobs|worker|workers|employee|employees|position|positions|post|posts",
    "troops|soldiers|forces", "lawmaker|lawmakers|legislator|legislators", "fire|blaze",
)]
#: A plain verb of change backed by a stronger one ("fell" by "plunged"), not the other way.
_STRONGER = {**dict.fromkeys(("fall", "drop", "decline"),
                             frozenset({"plunge", "tumble", "slump", "plummet", "sink"})),
             **dict.fromkeys(("rise", "increase", "climb"), frozenset({"surge", "soar", "jump"}))}

#: Verbs of a change up and of a change down ("shares jumped" / "shares slumped"): any verb of
#: one against any of the other is an opposite, so a new pair needs no row of its own. Not
#: "slow": growth that slowed is still growth ("accelerate" / "slow" is its own pair).
_RISING = frozenset({"rise", "increase", "grow", "climb", "jump", "soar", "surge", "gain",
                     "rally", "rebound", "spike", "leap", "skyrocket", "rocket", "balloon",
                     "swell", "widen", "accelerate", "strengthen", "firm", "recover",
                     "double", "triple", "quadruple"})
_FALLING = frozenset({"fall", "drop", "decline", "decrease", "slip", "dip", "slide", "slump",
                      "plunge", "tumble", "plummet", "sink", "shrink", "contract", "crash",
                      "retreat", "sag", "dive", "nosedive", "narrow", "weaken", "ease",
                      "halve"})
_OPPOSITE_PAIRS += [(a, b) for a in _RISING for b in _FALLING]
#: Verbs of a change by a multiple: any two of them give two figures for one change
#: ("tripled" / "doubled").
_MULTIPLES = ("halve", "double", "triple", "quadruple")
_OPPOSITE_PAIRS += [(a, b) for i, a in enumerate(_MULTIPLES) for b in _MULTIPLES[i + 1:]]
# the two halves of a day, and most against a minority
_OPPOSITE_PAIRS += [("a.m.", "p.m."), ("am", "pm"), ("most", "minority")]

_OPPOSITES: dict[str, frozenset[str]] = {}
for _a, _b in _OPPOSITE_PAIRS:
    _OPPOSITES[_a] = _OPPOSITES.get(_a, frozenset()) | {_b}
    _OPPOSITES[_b] = _OPPOSITES.get(_b, frozenset()) | {_a}
_NEGATING_PREFIXES = ("un", "il", "in", "im", "ir", "dis", "non", "non-")

# "67% came out against" / "voted in favour": a stance word in the clause orients a vote.
_FOR = frozenset({"favour", "favor", "for", "support", "back", "endorse", "yes"})
_AGAINST = frozenset({"against", "oppose", "reject", "no"})


@lru_cache(maxsize=65536)
def opposite(a: str, b: str, *, nouns: bool = False) -> bool:
    """Whether two lemmas say opposite things ("arrest"/"release", "lawful"/"unlawful"): this
    module's pairs, a negating prefix, or WordNet's antonyms as verbs, adjectives or adverbs
    ("praise"/"criticise", "compulsory"/"voluntary"; verify/antonyms.py) -- and as nouns when
    ``nouns`` (two predicates: "a success"/"a failure"; beside them, "man"/"woman" tell two
    participants)."""
    a, b = a.lower(), b.lower()
    if a == b:
        return False
    if b in _OPPOSITES.get(a, ()):
        return True
    for p in _NEGATING_PREFIXES:  # unlawful/lawful, illegal/legal, disagree/agree
        if (a.startswith(p) and a[len(p):] == b and len(b) > 3) or (
                b.startswith(p) and b[len(p):] == a and len(a) > 3):
            return True
    if a.startswith("not_") or b.startswith("not_"):  # "not guilty" (parts._word) / "guilty"
        return a.removeprefix("not_") == b or b.removeprefix("not_") == a
    if (a.startswith("re") and len(a) > 5 and opposite(a[2:], b)) or (
            b.startswith("re") and len(b) > 5 and opposite(a, b[2:])):
        return True  # "reopened" / "closed": the deed again is the deed
    return (wordnet_opposite(a, b, nouns=nouns)
            or wordnet_opposite(spelling_key(a), spelling_key(b), nouns=nouns))


def _orientation(frame: Frame) -> int:
    """+1 for a clause that backs something, -1 for one against it, 0 when it says neither."""
    words = {frame.predicate} | {k.split(":")[-1] for k in frame.args} | {
        a.head for a in frame.args.values()} | set(norm(frame.text).split())
    pro, con = bool(words & _FOR), bool(words & _AGAINST)
    if pro == con:
        return 0
    return 1 if pro else -1


# ------------------------------------------------------------------------- matching parts

_PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them", "his", "its", "their",
                       "who", "which", "that", "this", "these", "those", "i", "we", "you"})
_WEAK_HEADS = frozenset({"man", "woman", "people", "person", "one", "group", "official",
                         "thing", "part", "number", "lot", "some", "all", "most", "many"})


def _same_name(a: str, b: str) -> bool:
    """Two mentions of one name as a reader compares them (:func:`names.same_name`: case,
    diacritics, spellings, aliases, a surname for the full name -- but "Korea" is not "South
    Korea" and "Bill Clinton" not "Hillary Clinton")."""
    return same_name(a, b)


#: an acronym in brackets after the name it shortens, whole or cut by the parse at its
#: closing bracket ("the National Hurricane Center (NHC"): claims are read without it
#: (parts.claim_frames), so a source's name is compared without it too
_BRACKETED_ACRONYM = re.compile(r"\s*\((?:[A-Z][A-Za-z.&-]{1,9})\)?(?=[\s,]|$)")


def _arg_same(c: Argument, p: Argument) -> bool:
    if c.name_type and p.name_type:
        a, b = (_BRACKETED_ACRONYM.sub("", x.name or x.text) for x in (c, p))
        if _same_name(a, b):
            return True
        # An organisation is named shorter once the story has named it ("the Supreme Court"
        # for "the UK Supreme Court"); a person's full name may carry a title the parser took
        # into the name ("MEP Assita Kanko"). Places are not: "Korea" is not "South Korea".
        if c.name_type == p.name_type and c.name_type in ("ORG", "PERSON"):
            x, y = norm(a).removeprefix("the ").split(), norm(b).removeprefix("the ").split()
            short, long_ = sorted((x, y), key=len)
            return len(short) >= 2 and short == long_[-len(short):]
        return False
    ck, pk = c.key, p.key
    if ck == pk:
        return True
    if c.head == p.head:
        # "battle" / "long battle" are one thing; "lung cancer" / "throat cancer" are two;
        # "a new factory" is not "the factory" the claim speaks of
        return not _other_modifiers(c, p) and not _another_one(c, p) and not _another_one(p, c)
    return bool(ck and pk and (f" {ck} " in f" {pk} " or f" {pk} " in f" {ck} "))


_ANOTHER_ONE = re.compile(r"^(?:an? (?:new|further|additional|separate|different)"
                          r"|another|other) ")


def _another_one(a: Argument, b: Argument) -> bool:
    """Whether ``b`` introduces one more of ``a``'s kind ("a new factory", "another plant")
    where ``a`` names one already known ("the factory", "its plant")."""
    kb = norm(b.text)
    m = _ANOTHER_ONE.match(kb)
    return m is not None and m.group(0).split()[-1] not in norm(a.text).split()


def _other_modifiers(c: Argument, p: Argument) -> bool:
    """Whether two fillers with the same head word are qualified as different kinds ("lung
    cancer" / "throat cancer"), not one kind named two ways ("U.S. corporations" / "United
    States corporations": the modifiers are one name)."""
    if not (c.modifiers and p.modifiers) or set(c.modifiers) & set(p.modifiers):
        return False
    qc, qp = (" ".join(a.core.split()[:-1]) for a in (c, p))
    return not (qc and qp and _same_name(qc, qp))


def _arg_in_text(c: Argument, text: str) -> bool:
    if c.name_type:
        return find_name(c.name or c.text, passage_names(text))
    return f" {norm(c.core or c.head)} " in f" {norm(text)} "


def _figure_equal(a: Figure, b: Figure) -> bool:
    if a.value == b.value:
        return True
    if a.kind == "score" or b.kind == "score":
        return False  # a result is its two figures exactly: "2-1" is not "2-0"
    hi = max(abs(a.value), abs(b.value))
    return hi > 0 and abs(a.value - b.value) / hi < 0.005


def _figure_allows(fig: Figure, cf: Frame, other: Figure, pf: Frame) -> bool:
    """Whether the claim's figure, read with its qualifier and its rounding ("about 8 per cent",
    "nearly 32 million", "42%"), allows the passage's figure of the same kind (8.13 pct)."""
    from .figures import extract_figures

    def stated(f: Figure, sentence: str):
        return [g for g in extract_figures(sentence) if abs(g.value - f.value) <= 0.005 * max(1.0, abs(f.value))]

    return any(c.allows(p) for c in stated(fig, cf.sentence or cf.text)
               for p in stated(other, pf.sentence or pf.text))


def _same_referent(c: Argument, p: Argument, similar: Similarity | None) -> bool:
    """The same speaker or actor told two ways: the same name, a description that refers back
    to a name ("the firm" / "Acme Corp"), or two descriptions that are synonyms ("the firm" /
    "the company"). Two different names, or two descriptions of different things ("the
    minister" / "the police"), are two."""
    if _arg_same(c, p):
        return True
    c_desc = not c.name_type and c.head in _REFERRING_HEADS
    p_desc = not p.name_type and p.head in _REFERRING_HEADS
    if c_desc and p_desc:
        return c.head == p.head or (similar is not None and similar(c.head, p.head) >= SYNONYM)
    # Only a plain definite description refers back: "the company", not "a rival company".
    return (_refers_back(c) and p.name_type == "ORG") or (_refers_back(p) and c.name_type == "ORG")


def _other_patient(cf: Frame, pf: Frame, similar: Similarity | None) -> bool:
    """Whether the two clauses do their deed to two different things: both name what it was
    done to, and the claim's is neither the passage's (the same name or noun, a synonym, a
    description of it) nor anywhere in the passage clause."""
    cp, pp = cf.args.get(PATIENT), pf.args.get(PATIENT)
    if cp is None or pp is None or _is_pronoun(cp) or _is_pronoun(pp):
        return False
    if cp.head == pp.head and (_another_one(cp, pp) or _another_one(pp, cp)):
        return True  # "closed the factory" / "opened a new factory"
    if not cp.name_type and not pp.name_type and opposite(cp.head, pp.head, nouns=True) \
            and set(cp.modifiers) == set(pp.modifiers):
        return False  # "posted a record profit" / "a record loss": the deed's one result, flipped
    if cp.head == pp.head or _same_referent(cp, pp, similar) or _synonym_noun(cp, pp, similar):
        return False
    return not _arg_in_text(cp, pf.text)


def _one_winner(cf: Frame, pf: Frame, ca: Argument, pa: Argument) -> bool:
    """Two clauses that name different winners of one contest: "win" in both, the same prize
    named with "the" and in the singular ("the World Cup", "the election"), two names of one
    kind as winners."""
    cp, pp = cf.args.get(PATIENT), pf.args.get(PATIENT)
    if cf.predicate != "win" or pf.predicate != "win" or cp is None or pp is None:
        return False
    if not (norm(cp.text).startswith("the ") and norm(pp.text).startswith("the ")):
        return False
    if cp.head != pp.head or cp.head.endswith("s") or _other_modifiers(cp, pp):
        return False
    return bool(ca.name_type and pa.name_type and _compatible(ca.name_type, pa.name_type)
                and not _same_name(ca.name or ca.text, pa.name or pa.text))


#: Deeds a named thing undergoes at one doer's hands: one buyer acquires a company.
_ONE_DOER = frozenset({"acquire", "buy", "purchase", "take_over"})


def _one_doer(cf: Frame, pf: Frame, ca: Argument, pa: Argument) -> bool:
    """Two clauses that name different doers of a deed only one can do to the same named
    thing: "acquire" in both, the same named patient, two names of one kind as agents."""
    deed = {cf.predicate} | (cf.words & _ONE_DOER)
    cp, pp = cf.args.get(PATIENT), pf.args.get(PATIENT)
    if not (deed & _ONE_DOER) or pf.predicate != cf.predicate or cp is None or pp is None:
        return False
    if not (cp.name_type and pp.name_type and _arg_same(cp, pp)) or cf.negated or pf.negated:
        return False
    return bool(ca.name_type and pa.name_type and _compatible(ca.name_type, pa.name_type)
                and not _same_name(ca.name or ca.text, pa.name or pa.text))


#: Deeds that take something from someone: the one it is taken "from" lost it.
_TAKING = frozenset({"capture", "seize", "take", "win", "wrest", "snatch", "grab", "claim",
                     "conquer", "occupy", "control"})


def _base_verb(lemma: str) -> str:
    """The verb without a prefix of doing again: "recapture" is "capture", "retake" "take"."""
    return lemma[2:] if lemma.startswith("re") and lemma[2:] in _TAKING else lemma


def _taken_from(cf: Frame, pf: Frame, ca: Argument) -> bool:
    """The passage clause takes the claim's thing from the claim's agent: the same deed of
    taking (again or first), the same thing taken, and the claim's agent after "from"."""
    deed = _base_verb(cf.predicate)
    source = pf.args.get("prep:from")
    cp, pp = cf.args.get(PATIENT), pf.args.get(PATIENT)
    return (deed in _TAKING and _base_verb(pf.predicate) == deed and source is not None
            and cf.args.get("prep:from") is None and cp is not None and pp is not None
            and _arg_same(cp, pp) and not _is_pronoun(ca) and _arg_same(ca, source))


def _participant_role(role: str) -> bool:
    """Whether a finding's role is a participant of the clause (who, to whom, with what)."""
    return role in (AGENT, PATIENT, "attr") or role.startswith("prep:")


def _one_noun(c: Argument, p: Argument) -> bool:
    """Whether the two fillers' core phrases stand in one group of :data:`_NOUN_GROUPS`
    ("ceasefire" / "truce", "unemployment" / "the jobless rate")."""
    kc, kp = (norm(a.core or a.text).removeprefix("the ") for a in (c, p))
    return any(kc in g and kp in g for g in _NOUN_GROUPS)


def _synonym_noun(c: Argument, p: Argument, similar: Similarity | None) -> bool:
    """Two plain nouns a reader takes for one participant ("quake" / "earthquake", "inquiry" /
    "investigation"): heads without names and without modifiers that tell two kinds apart."""
    if c.name_type or p.name_type or c.head == p.head:
        return False
    if _one_noun(c, p):
        return True
    if similar is None:
        return False
    if p.head in _WEAK_HEADS or _other_modifiers(c, p):
        return False
    return similar(c.head, p.head) >= SYNONYM


def _refers_back(arg: Argument) -> bool:
    return (not arg.name_type and arg.head in _REFERRING_HEADS and not arg.modifiers
            and norm(arg.text).startswith("the "))


def _is_pronoun(arg: Argument | None) -> bool:
    return arg is not None and (arg.head in _PRONOUNS or arg.key in _PRONOUNS)


# ------------------------------------------------------------------------- alignment


# Contests told two ways: "Johnson beat Hunt" and "Johnson competed against Hunt ... and won".
# The one beaten is the rival "against" whom the other ran: mapped so that a swapped rival
# ("beat Gove") meets the passage's rival in the same role.
_DEFEAT = frozenset({"beat", "defeat", "overcome", "edge", "oust", "trounce", "outpoll"})
_CONTEST = frozenset({"compete", "run", "stand", "face", "contest", "challenge", "play",
                      "fight", "race", "battle", "vie"})


def _rival(pf: Frame) -> Argument | None:
    """Whom the clause's subject ran against ("competed for the role against Jeremy Hunt":
    the parser may hang "against" on the role or on the verb)."""
    if pf.predicate not in _CONTEST:
        return None
    for key, arg in pf.args.items():
        if key.split("/")[-1] in ("prep:against", "against"):
            return arg
    return None


def _roles_of(cf: Frame, pf: Frame) -> dict[str, Argument]:
    """The passage clause's arguments under the claim's role names."""
    if _converse(cf, pf):
        return _converse_roles(cf, pf)
    mirror = _mirrored(cf, pf)
    if mirror is not None:
        return mirror
    args = dict(pf.args)
    if _kept_state(cf, pf) and PATIENT in cf.args and AGENT not in cf.args and AGENT in args:
        # "The embassy remained shut": the subject of the state is what "was closed" closed
        args[PATIENT] = args.pop(AGENT)
    rival = _rival(pf) if cf.predicate in _DEFEAT else None
    if rival is not None:
        args.setdefault(PATIENT, rival)
    return args


#: Verbs that tell one event from the other side: what "kills" (its agent) is what people "die"
#: in, of or from, and whom it kills (its patient) are those who die (their agent).
_CONVERSES = {("kill", "die")}
_CAUSE_PREPS = ("prep:in", "prep:of", "prep:from", "prep:after")


def _converse(cf: Frame, pf: Frame) -> bool:
    return (cf.predicate, pf.predicate) in _CONVERSES or (pf.predicate, cf.predicate) in _CONVERSES


def _converse_roles(cf: Frame, pf: Frame) -> dict[str, Argument]:
    """The passage clause's arguments under the claim's role names when the two clauses tell
    the event from its two sides ("the fire killed 21" / "21 died in the fire")."""
    args = {k: a for k, a in pf.args.items() if k not in (AGENT, PATIENT)}
    if pf.predicate == "die":  # the claim says "kill": victims are its patient, cause its agent
        if AGENT in pf.args:
            args[PATIENT] = pf.args[AGENT]
        cause = next((pf.args[k] for k in _CAUSE_PREPS if k in pf.args), None)
        if cause is not None:
            args[AGENT] = cause
    else:  # the claim says "die": the passage's victims are its agent, the cause its preposition
        if PATIENT in pf.args:
            args[AGENT] = pf.args[PATIENT]
        key = next((k for k in _CAUSE_PREPS if k in cf.args), None)
        if key is not None and AGENT in pf.args:
            args[key] = pf.args[AGENT]
    return args


#: Where a passage clause names the other party of a deed told from its other side: what was
#: sold "to" the buyer, lent "to" or borrowed "from" someone.
_OTHER_SIDE_ROLES = (PATIENT, "prep:to", "prep:from", "prep:by", "prep:with")


#: Opposite verbs that also tell one deed from its two sides: what one buys another sells,
#: whom one beats loses.
_TWO_SIDED = frozenset(frozenset(pair) for pair in (
    ("buy", "sell"), ("acquire", "sell"), ("borrow", "lend"), ("import", "export"),
    ("win", "lose"), ("beat", "lose"), ("defeat", "lose"), ("win", "defeat")))


_SCORE_TEXT = re.compile(r"\d+\s*[-–:]\s*\d+")


def _mirrored(cf: Frame, pf: Frame) -> dict[str, Argument] | None:
    """The passage clause's arguments under the claim's role names when it tells the claim's
    deed from the other side with every participant the claim's ("Germany beat France" /
    "France lost to Germany"; "The firm bought the mill from Acme" / "Acme sold the mill to
    the firm"): the claim's agent on the receiving end, each other participant of the claim
    somewhere in the clause, and no participant the claim lacks. None otherwise."""
    if frozenset((cf.predicate, pf.predicate)) not in _TWO_SIDED or cf.predicate == pf.predicate:
        return None
    ca = cf.args.get(AGENT)
    if ca is None or _is_pronoun(ca) or pf.negated != cf.negated:
        return None
    # "lost 2-1": the score is the figures' part, no participant
    theirs = {r: a for r, a in pf.args.items() if _participant_role(r) and not _is_pronoun(a)
              and not _is_number(a) and not _SCORE_TEXT.fullmatch(a.text)}
    mapped: dict[str, Argument] = {}
    for role, arg in cf.args.items():
        if not _participant_role(role) or _is_pronoun(arg):
            continue
        match = next((r for r, a in theirs.items() if r not in mapped.values()
                      and _arg_same(arg, a)), None)
        if match is None:
            return None
        if role == AGENT and match not in _OTHER_SIDE_ROLES[1:]:
            return None  # the same actor in both: two opposite deeds, not one told twice
        mapped[role] = match  # type: ignore[assignment]
    if set(theirs) - set(mapped.values()) & {AGENT, PATIENT}:
        return None  # a participant of the passage the claim does not have
    args = {k: a for k, a in pf.args.items() if k not in theirs}
    args.update({role: theirs[r] for role, r in mapped.items()})  # type: ignore[index]
    return args


def _other_side(cf: Frame, pf: Frame, similar: Similarity | None) -> bool:
    """Whether two opposite predicates tell one deed from its two sides: the claim's actor is
    on the receiving end in the passage ("The company bought the firm" / "The firm was sold to
    the company"; "The team lost the final" / "The team was defeated in the final"), or, without
    an actor, one thing changes hands in both ("The company was sold" / "was bought by a
    rival"). Opposite deeds by one actor ("arrested" / "released by police") have the same
    actor in both, and verbs that are no two sides of a deed ("will go ahead" / "was
    cancelled", "survived" / "was killed") never are."""
    if frozenset((cf.predicate, pf.predicate)) not in _TWO_SIDED:
        return False
    ca, pa = cf.args.get(AGENT), pf.args.get(AGENT)
    if ca is None or _is_pronoun(ca):
        cp, pp = cf.args.get(PATIENT), pf.args.get(PATIENT)
        return (cp is not None and pp is not None and not _is_pronoun(cp)
                and (_arg_same(cp, pp) or _same_referent(cp, pp, similar)))
    if pa is not None and _same_referent(ca, pa, similar):
        return False
    return any(_arg_same(ca, arg) or _same_referent(ca, arg, similar)
               for role, arg in pf.args.items() if role in _OTHER_SIDE_ROLES)


def _denied_deed(cf: Frame, pf: Frame) -> bool:
    return pf.stance is Stance.DENIED and _same_event(cf, pf)


def _same_event(cf: Frame, pf: Frame) -> bool:
    # "beat" / "defeat": the verbs of winning a contest are one event told two ways. (Verbs
    # are not matched by their embeddings as nouns are: "lend" / "borrow" and "give" /
    # "receive" are as alike as "say" / "tell", and swap the roles.)
    return (pf.predicate == cf.predicate or opposite(cf.predicate, pf.predicate, nouns=True)
            or _base_verb(pf.predicate) == _base_verb(cf.predicate)  # "recaptured" / "captured"
            or (cf.predicate in _DEFEAT and (pf.predicate in _DEFEAT or _rival(pf) is not None))
            or _converse(cf, pf)
            or _paraphrase(cf, pf)  # "quit" / "stepped down": one deed in two verbs
            # "was found guilty" / "acquitted": the deed is in the predicate's complement
            or any(opposite(d, w) for d in _deed(cf) for w in pf.words - cf.words)
            or any(opposite(w, d) for d in _deed(pf) for w in cf.words - pf.words))


def _deed(frame: Frame) -> set[str]:
    """The words that say what the clause's subject did: its predicate and phrasal verbs."""
    return {frame.predicate} | {w for w in frame.words if "_" in w}


def _deed_words(frame: Frame) -> set[str]:
    """:func:`_deed`, with "taken into custody" as the one deed it names."""
    into = frame.args.get("prep:into")
    custody = frame.predicate == "take" and into is not None and into.head == "custody"
    # a particle parts.py does not join ("stepped down"): looked up in the groups only
    particles = {f"{frame.predicate}_{w}" for w in ("down", "off", "away", "up") if w in frame.words}
    return _deed(frame) | particles | ({"take_into_custody"} if custody else set())


deed_words = _deed_words  # for verify/crossing.py


def _paraphrase(cf: Frame, pf: Frame) -> bool:
    """Whether the passage clause's verb is one news uses for the claim's deed (:data:
    `_PARAPHRASE_GROUPS`, or a stronger verb of the same change)."""
    mine, theirs = _deed_words(cf), _deed_words(pf)
    return any(a in g and b in g for g in _PARAPHRASE_GROUPS for a in mine for b in theirs) \
        or any(b in _STRONGER.get(a, ()) for a in mine for b in theirs)


def _twin(cf: Frame, pf: Frame) -> bool:
    """The passage clause says the claim's clause in its words: the same predicate, polarity
    and stance, and each part filled alike."""
    return (pf.predicate == cf.predicate and pf.negated == cf.negated and pf.stance == cf.stance
            and cf.args.keys() == pf.args.keys()
            and all(norm(a.text) == norm(pf.args[r].text) for r, a in cf.args.items()))


def _alignment(cf: Frame, pf: Frame, similar: Similarity | None = None) -> tuple[float, bool]:
    """How strongly a passage clause speaks of the claim's event, and whether it is the same
    subject: predicate (same or opposite lemma) and shared participants (the same name, the
    same noun, or a synonym noun: "the quake" / "the earthquake")."""
    score = 0.0
    if _same_event(cf, pf):
        score += 2.0
    shared = 0
    event = score > 0
    for role, arg in cf.args.items():
        if _is_pronoun(arg):
            continue
        if arg.head in _WEAK_HEADS and not arg.name_type:
            # "a man" matches any man, but in the same role of the same deed it is one
            # participant: "The man was found alive" / "The man was found dead".
            other = pf.args.get(role)
            if event and other is not None and _arg_same(arg, other):
                shared += 1
            continue
        if (any(_arg_same(arg, pa) or _synonym_noun(arg, pa, similar) for pa in pf.args.values())
                or _arg_in_text(arg, pf.text)):
            shared += 1
    score += shared
    kinds = {f.kind for f in cf.figures} & {f.kind for f in pf.figures}
    score += 0.5 * len(kinds)
    # the same figure of the same kind ("67%" of voters) is a participant too
    same = sum(1 for f in cf.figures if any(f.kind == g.kind and _figure_equal(f, g)
                                            for g in pf.figures))
    score += 1.5 * same
    return score, shared > 0 or same > 0


def compare(claim: str, passage: str, *, attribution: bool = False,
            context: str = "", source_text: str = "",
            similar: Similarity | None = None) -> RoleJudgement:
    """Compare ``claim`` with ``passage`` part by part (English parse; see module docstring).

    Every clause of the claim is compared with the passage clause it aligns with: a changed
    detail in a relative or subordinate clause is as wrong as one in the main clause.
    ``context``: text that names what the passage is about without being evidence for the
    claim's details (the source's title): a name of the claim found there counts as named.
    ``similar``: how alike two words are (cosine of their embeddings), for telling a synonym
    ("inquiry" / "investigation") from another thing ("water" / "plan").
    """
    cfs = claim_frames(claim)
    if not cfs:
        return RoleJudgement(parsed=False)
    cf = cfs[0]
    pframes = frames_of(passage)
    missing = _unnamed(cfs, passage, context)
    unnamed = tuple(n.text for n in missing)
    people = tuple(n.text for n in missing if n.name_type == "PERSON"
                   and not (source_text and _arg_in_text(n, source_text)))
    mistagged = _mistagged_names(cfs, passage, context)
    if not pframes:
        return RoleJudgement(parsed=True, findings=mistagged, unnamed=unnamed,
                             unnamed_people=people)
    main = _compare_frame(cf, pframes, passage, context, attribution, similar)
    findings = list(main.findings) + [f for f in mistagged if f not in main.findings]
    if attribution and not main.agreement:
        # "X said Y" where no clause of the passage speaks of Y: the model's support rests on
        # the speaker's name and shared words, so what Y says must at least be worded there
        # ("voluntary" was Supported by "Shapps announced … would become compulsory").
        unsaid = _predicate_unnamed(cfs, passage, similar)
        if unsaid is not None and unsaid not in findings:
            findings.append(unsaid)
    for other in cfs[1:]:
        # A clause under the claim's own verb of saying ("The RIAA said the tool was built to
        # circumvent ...") is part of what is attributed, and judged as such.
        under_speaker = attribution and other.speaker is not None and cf.speaker is not None \
            and other.speaker.text == cf.speaker.text
        sub = _compare_frame(other, pframes, passage, context, under_speaker, similar)
        if sub.aligned is not None and sub.agreement:
            findings.extend(f for f in sub.findings if f.role not in ("speaker", "name")
                            and f not in findings)
    aligned, agreement = main.aligned, main.agreement
    if not any(f.relation is Relation.CONFLICT for f in findings):
        measured = (_against_forecast(claim, passage) or _other_nationality(cfs, pframes, passage)
                    or _none_happened(cf, pframes))
        if measured is not None:
            finding, aligned = measured
            findings.append(finding)
            agreement = True
    replaced = {norm(f.claim) for f in findings}
    return RoleJudgement(parsed=True, aligned=aligned, findings=tuple(findings),
                         agreement=agreement,
                         stance=main.stance or (Stance.FACT if aligned else None),
                         negated=main.negated or ((False, False) if aligned else None),
                         restates=main.restates and len(cfs) == 1 and not findings,
                         unnamed=tuple(n for n in unnamed if norm(n) not in replaced),
                         unnamed_people=tuple(n for n in people if norm(n) not in replaced))


_FORECASTS = r"(?:expectations|forecasts?|estimates?|predictions|consensus|targets?)"
#: A result measured against what was expected, above or below it. Read from the words, not
#: the parse: spaCy often tags "beat" in "profit beat expectations" as a noun.
_ABOVE_FORECAST = re.compile(
    r"\b(?:beat|beats|beating|exceed(?:ed|s|ing)?|top(?:ped|s)|surpass(?:ed|es)|outpac(?:ed|es))"
    rf"\s+(?:[\w']+\s+){{0,2}}?{_FORECASTS}\b"
    r"|\b(?:better|stronger|higher)\s+than\s+(?:[\w']+\s+){0,2}?(?:expected|forecast|predicted)\b"
    rf"|\babove\s+(?:[\w']+\s+){{0,2}}?{_FORECASTS}\b", re.IGNORECASE)
_BELOW_FORECAST = re.compile(
    r"\b(?:fell|fall|falls|falling)\s+(?:\w+\s+)?short\s+of\s+(?:[\w']+\s+){0,2}?"
    rf"{_FORECASTS}\b|\bmiss(?:ed|es|ing)?\s+(?:[\w']+\s+){{0,2}}?{_FORECASTS}\b"
    r"|\b(?:worse|weaker|lower)\s+than\s+(?:[\w']+\s+){0,2}?(?:expected|forecast|predicted)\b"
    rf"|\bbelow\s+(?:[\w']+\s+){{0,2}}?{_FORECASTS}\b", re.IGNORECASE)


def _against_forecast(claim: str, passage: str) -> tuple[Finding, str] | None:
    """A result the claim puts above what was expected and a passage sentence puts below it
    (or the other way round), about the claim's subject (every content word before the
    claim's phrase): "The company's profit fell short of expectations" against "The
    company's profit beat expectations". A conflict, citing that sentence."""
    for mine, other in ((_ABOVE_FORECAST, _BELOW_FORECAST), (_BELOW_FORECAST, _ABOVE_FORECAST)):
        said = mine.search(claim)
        if said is None or other.search(claim):
            continue
        subject = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", claim[:said.start()])
                   if w.lower() not in STOPWORDS}
        for sentence in re.split(r"(?<=[.!?])\s+", passage):
            given = other.search(sentence)
            if given is None or mine.search(sentence) or not subject:
                continue
            words = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", sentence[:given.start()])}
            if subject <= words:
                return Finding("predicate", said.group(0), given.group(0), Relation.CONFLICT), sentence
    return None


#: Nouns of a deed a passage says none of happened ("no deaths occurred"), with the claim
#: verbs they deny.
_DEED_NOUN_VERBS = {"death": {"die", "kill"}, "fatality": {"die", "kill"},
                    "killing": {"kill"}, "arrest": {"arrest", "detain"},
                    "injury": {"injure", "hurt", "wound"}, "casualty": {"die", "kill", "injure"}}
_HAPPENING = frozenset({"occur", "happen", "take_place", "be", "report", "record", "register"})


def _none_happened(cf: Frame, pframes: Sequence[Frame]) -> tuple[Finding, str] | None:
    """A passage clause that says none of the claim's deed happened where the claim's other
    participants are ("no deaths occurred in police custody on 19th September 2020" against
    "A man died in police custody after a 19th September 2020 protest"; "There were no
    arrests at the match"). A conflict of polarity, citing that clause's sentence. The clause
    must share a participant other than the doer, and a date word where both give one."""
    if cf.negated:
        return None
    for pf in pframes:
        if not pf.negated or pf.predicate not in _HAPPENING or pf.under_negation:
            continue
        deed = next((a for r, a in pf.args.items() if r in (AGENT, PATIENT, "attr")
                     and a.text.lower().startswith("no ")
                     and cf.predicate in _DEED_NOUN_VERBS.get(a.head, ())), None)
        if deed is None:
            continue
        # a place or thing of the claim's in the clause ("police custody"), not a date
        shared = [a for r, a in cf.args.items() if r not in (AGENT, PATIENT)
                  and a.head not in MONTHS and a.head not in WEEKDAYS
                  and any(a.head == b.head and _arg_same(a, b) for b in pf.args.values())]
        claim_dates = {w.lower() for d in cf.dates for w in d.split()} | {
            w for a in cf.args.values() for w in a.modifiers if w in MONTHS}
        their_dates = {w.lower() for d in pf.dates for w in d.split()}
        if not shared or (claim_dates and their_dates and not claim_dates & their_dates):
            continue
        return (Finding("polarity", cf.predicate_text, f"{deed.text} {pf.predicate_text}",
                        Relation.CONFLICT), pf.sentence)
    return None


def _other_nationality(cfs: Sequence[Frame], pframes: Sequence[Frame],
                       passage: str) -> tuple[Finding, str] | None:
    """A thing the claim names by a nationality the passage never gives, where a passage
    sentence names the same thing by another and holds the claim's places: "the German
    embassy" (in Sudan) against "the French embassy in Sudan", "A Greek tanker sank off the
    coast of Turkey" against "A Russian tanker sank ...". A conflict, citing that sentence.
    Only one other nationality for the thing: a sentence naming several embassies says nothing
    of the claim's."""
    claim = cfs[0].sentence or cfs[0].text
    places = {n.name for cf in cfs for n in cf.names if n.name_type == "PLACE"}
    theirs = {n.name for pf in pframes for n in pf.names if n.name_type == "NORP"}
    for name in (n for cf in cfs for n in cf.names):
        if name.name_type != "NORP" or _arg_in_text(name, passage):
            continue
        thing = re.search(rf"\b{re.escape(name.name or name.text)}\s+([a-z][a-z-]+)\b", claim)
        if thing is None or thing.group(1) in STOPWORDS:
            continue
        for sentence in dict.fromkeys(pf.sentence for pf in pframes if pf.sentence):
            others = {m for m in theirs if re.search(
                rf"\b{re.escape(m)}\s+{re.escape(thing.group(1))}\b", sentence)}
            if len(others) == 1 and all(p in sentence for p in places):
                other = others.pop()
                return (Finding("name", f"{name.name or name.text} {thing.group(1)}",
                                f"{other} {thing.group(1)}", Relation.CONFLICT), sentence)
    return None


def _compare_frame(cf: Frame, pframes: Sequence[Frame], passage: str, context: str,
                   attribution: bool, similar: Similarity | None) -> RoleJudgement:
    """One clause of the claim against the passage clause that speaks of the same thing."""
    # Of clauses that score alike, the claim's deed denied: "The minister denied on Monday
    # that he had resigned" shares the minister and Monday with "denied", the deed with
    # "resigned" ("he" is no shared name), and what it says of resigning is the denial.
    # A clause worded as the claim's own is the one it speaks of, whatever another clause of
    # the sentence shares with it ("how many lived and died": "died" is not "lived").
    scored = sorted(((_alignment(cf, pf, similar), i) for i, pf in enumerate(pframes)),
                    key=lambda t: (not _twin(cf, pframes[t[1]]), -t[0][0],
                                   not _denied_deed(cf, pframes[t[1]]), t[1]))
    (score, agreement), best = scored[0]
    if score < 2.0 or not agreement:
        state = _opposite_state(cf, pframes)
        if state is not None:
            # A clause about the claim's own participants (and no other) in the opposite state:
            # "The spire ... collapsed" against "The spire survived the fire", "the two bell
            # towers were saved" against "The bell towers collapsed" -- cited as the refutation.
            finding, pf = state
            return RoleJudgement(parsed=True, aligned=pf.sentence, findings=(finding,),
                                 agreement=True, stance=pf.stance, negated=(cf.negated, pf.negated))
        share = _other_share(cf, pframes)
        if share is not None:
            # "A minority of members voted for the plan" against "Most members voted for the
            # plan": the participants differ by their share of one group
            pf = next(f for f in pframes if share.passage in f.text)
            return RoleJudgement(parsed=True, aligned=pf.sentence, findings=(share,),
                                 agreement=True, stance=pf.stance, negated=(cf.negated, pf.negated))
    if score < 2.0:  # neither the same event nor two shared participants
        findings = _figures_elsewhere(cf, pframes)
        # a claim too short to align ("The goalkeeper was sent off") against another deed of
        # its participant ("The goalkeeper stayed on the pitch")
        other = (_done_after_all(cf, pframes) or _another_deed(cf, None, pframes, False)
                 or next(filter(None, (_called_otherwise(cf, f) for f in pframes)), None)
                 or _effect_unnamed(cf, passage, similar))
        if other is not None:
            findings += (other,)
        if attribution and cf.speaker is not None and not _is_pronoun(cf.speaker):
            # No clause of the passage says what X is claimed to have said.
            findings += (Finding("speaker", cf.speaker.text, None, Relation.UNBACKED),)
        return RoleJudgement(parsed=True, findings=findings)
    pf = pframes[best]
    args = _roles_of(cf, pf)
    ca, pa = cf.args.get(AGENT), args.get(AGENT)
    if (ca is not None and pa is not None and not _is_pronoun(ca) and not _is_pronoun(pa)
            and not _same_referent(ca, pa, similar) and not _arg_same(ca, args.get(PATIENT) or pa)):
        # Another actor did it ("Omsk hospital" tests, not the German laboratory's): the clause
        # is about another event, whatever else it shares with the claim.
        agreement = False
    findings: list[Finding] = []
    if ca is not None and pa is not None and _taken_from(cf, pf, ca):
        # "Government forces recaptured the town from rebels" against "Rebels captured the
        # town": the claim's taker is the one the town was taken from.
        findings.append(Finding(AGENT, ca.name or ca.text, pa.name or pa.text, Relation.CONFLICT))
        agreement = True
    elif ca is not None and pa is not None and _one_doer(cf, pf, ca, pa):
        # "Google acquired GitHub" against "GitHub was acquired by Microsoft": a named thing
        # is bought (or taken over) by one buyer, so the other name is the conflict
        findings.append(Finding(AGENT, ca.name or ca.text, pa.name or pa.text, Relation.CONFLICT))
        agreement = True
    elif ca is not None and pa is not None and _one_winner(cf, pf, ca, pa):
        # "Spain won the World Cup" against "Argentina won the World Cup": a contest has one
        # winner, so the other name in the winner's place is the conflict.
        findings.append(Finding(AGENT, ca.name or ca.text, pa.name or pa.text, Relation.CONFLICT))
        agreement = True

    # did what: an opposite predicate, a flipped negation, a vote the other way, an opposite
    # word elsewhere in the clause ("a maximum of" / "a minimum of", "loss" / "profit"). Done
    # to another thing it is another deed, not the opposite one: "Police released the
    # passenger" says nothing against "Police arrested the driver". Told from the other side it
    # is the same deed: "The firm was sold to the company" is what "The company bought the
    # firm" says.
    same_deed = agreement and not _other_patient(cf, pf, similar) \
        and not _other_side(cf, pf, similar)
    if opposite(cf.predicate, pf.predicate, nouns=True) and same_deed:
        if cf.negated == pf.negated:  # "rejected" is what "refused to approve" says
            findings.append(Finding("predicate", _as_written(cf.predicate, cf),
                                    _as_written(pf.predicate, pf), Relation.CONFLICT))
    elif ((pf.predicate == cf.predicate or _paraphrase(cf, pf)) and cf.negated != pf.negated
          and same_deed and not pf.under_negation):  # "It is not true that he resigned" is no
        # "he resigned"; "refused to step down" is what "quit" did not do
        findings.append(Finding("polarity", _polar(cf), _polar(pf), Relation.CONFLICT))
    else:
        oc, op = _orientation(cf), _orientation(pf)
        if oc and op and oc != op and same_deed:
            findings.append(Finding("predicate", "for" if oc > 0 else "against",
                                    "for" if op > 0 else "against", Relation.CONFLICT))
        elif same_deed:
            flipped = _opposite_words(cf, pf)
            if flipped is not None:
                findings.append(Finding("predicate", flipped[0], flipped[1], Relation.CONFLICT))

    # how it ranks: "the first time" / "the third time", "largest" / "second-largest"
    if same_deed:
        rank = _other_rank(cf, pf)
        if rank is not None:
            findings.append(rank)
    if agreement:
        # Told with another verb: "finished second" / "won the race"; "will visit Japan" /
        # "postponed a planned visit to Japan".
        other = (_other_placing(cf, pf) or _called_off(cf, pf) or _called_otherwise(cf, pf)
                 or _placing_untold(cf, pframes))
        if other is not None:
            findings.append(other)
    if agreement:
        route = (_reversed_route(cf, pf) or _split_vote(cf, pf) or _other_end(cf, pf)
                 or _without(cf, pf) or _done_after_all(cf, pframes) or _outside(cf, pf)
                 or _other_magnitude(cf, pf))
        if route is not None:
            findings.append(route)
    if not any(f.relation is Relation.CONFLICT for f in findings):
        # Another deed that says the claim's did not happen: "remain trapped" for "were
        # rescued", "did not enter it" for "stormed", "rejected a takeover offer" for
        # "acquired", "cancelled its concert" for "will play".
        other = (_another_deed(cf, pf, pframes, agreement) or _ruled_out(cf, pframes)
                 or _proposed(cf, pf) or _stopped_before(cf, pf))
        if other is not None:
            findings.append(other)
    partial = _partial_quantity(cf, args)
    if partial is not None:
        findings.append(partial)
    share = _other_share(cf, [pf])
    if share is not None:
        # "Most members" / "A minority of members": one group, the clause's own participant
        findings.append(share)
        agreement = True

    # who, to whom, with what: the same role filled by another participant
    mirrored = _mirrored(cf, pf) is not None
    swapped = None if _converse(cf, pf) or mirrored else _swapped_roles(cf, pf)
    if swapped:
        findings.append(swapped)
    for role, arg in cf.args.items():
        if _is_pronoun(arg) or swapped is not None and role in (AGENT, PATIENT):
            continue
        finding = _compare_arg(role, arg, pf, passage, context, args, similar, cf.predicate)
        if finding is not None and finding not in findings:
            findings.append(finding)
    for place in cf.places:
        # "in Peru, near the border with Brazil" for "in Brazil", wherever the parse hung the
        # place ("the new species in Brazil" is the species'); only a place the claim puts
        # the deed "in", not one it says the deed was near ("crashed in Karaj, near Tehran")
        if not re.search(r"\bin\s+(?:the\s+)?" + re.escape(place) + r"\b", cf.sentence or cf.text) \
                or re.search(_NEAR + re.escape(place) + r"\b", cf.sentence or cf.text):
            continue
        elsewhere = _placed_elsewhere(place, pf.sentence)
        if elsewhere is not None and not any(f.claim == place for f in findings):
            findings.append(Finding("prep:in", place, elsewhere, Relation.CONFLICT))
    swaps = [f for f in findings if f.relation is Relation.CONFLICT and _participant_role(f.role)]
    if swaps and len({f.role for f in swaps}) + sum(f.role == "name" for f in findings) >= 2:
        # Two participants named otherwise ("nominate Sol Polansky as ambassador to Bulgaria"
        # against "nominate John Shad as ambassador to the Netherlands"; or one swapped and a
        # name the clause lacks) is another event of the same kind, not this one with a
        # detail changed: neither backed nor refuted.
        findings = [Finding(f.role, f.claim, f.passage, Relation.UNBACKED) if f in swaps else f
                    for f in findings]

    # how many, when
    findings.extend(_compare_figures(cf, pf, pframes))
    if pf.predicate != cf.predicate:
        findings.extend(_figures_of_deed(cf, pf, pframes))
    findings.extend(_compare_dates(cf, pf))

    # under what stance: an allegation or a plan does not back a bare fact
    stance = _stance_finding(cf, pf, attribution)
    unsaid = _NOT_SAID.search(pf.sentence) if pf.unconfirmed else None
    if stance is None and unsaid is not None and not pf.negated \
            and not cf.negated and cf.speaker is not None and pf.speaker is not None \
            and _same_referent(cf.speaker, pf.speaker, similar):
        # "Q: Did the minister say the tax would rise? A: No." read as "The minister did not
        # say the tax would rise": what the claim attributes, its speaker did not say
        stance = Finding("polarity", SAID, unsaid.group(0), Relation.CONFLICT)
    elif stance is None and pf.under_negation and not pf.negated and not cf.negated \
            and not cf.under_negation:
        # "No evidence was found that Breitbart had reported …", "It is not true that …": the
        # clause is what a negated statement is about, not something the source states
        opening = " ".join(pf.sentence.split()[:6])
        what = ("something the source does not confirm" if pf.unconfirmed
                else "something a negated statement is about")
        stance = Finding("stance", cf.predicate_text, f"{what} (“{opening} …”)",
                         Relation.UNBACKED)
    if stance is not None:
        findings.append(stance)
    elif not attribution:
        hedge = _hedge_over(cf, pf.sentence)
        if hedge is not None:
            findings.append(Finding("hedge", cf.stance.value, hedge, Relation.UNBACKED))
    if cf.speaker is not None and not _is_pronoun(cf.speaker):
        # "X said Y" is about X: the clause that says Y must be X's word, not a lawyer's
        # argument or another paper's report printed beside X's name.
        # A quotation running over sentences names its speaker once ("...," said Kipchoge.
        # "We did this one together."): a quoted clause without a speaker of its own is left to
        # the speaker check of the whole passage.
        quoted = any(q in pf.sentence for q in ('"', "“", "”", "«", "»"))
        if (pf.speaker is None and attribution and not quoted) or (
                pf.speaker is not None and not (_same_referent(cf.speaker, pf.speaker, similar)
                                                or _is_pronoun(pf.speaker)
                                                or _speaks_of_itself(pf, cf.speaker))):
            findings.append(Finding("speaker", cf.speaker.name or cf.speaker.text,
                                    (pf.speaker.name or pf.speaker.text)
                                    if pf.speaker is not None else None,
                                    Relation.UNBACKED))
    # Told with another verb for the same deed ("was fired" for "was dismissed"): the verb's
    # own words (its particle, "into custody") are not asked of the passage, the rest are.
    # "Nobody died in the fire" / "No one was killed in the fire": the converse is the deed too
    paraphrased = pf.predicate != cf.predicate and (_paraphrase(cf, pf) or mirrored
                                                    or _converse(cf, pf) or _kept_state(cf, pf))
    deed = {p for w in _deed_words(cf) for p in (w, *w.split("_"))} if paraphrased else set()
    # a participant named with a synonym noun in the same role ("in the blast" / "in the
    # explosion") is the same participant: its head is not asked of the passage's words
    synonyms = {a.head for r, a in cf.args.items() if args.get(r) is not None
                and _synonym_noun(a, args[r], similar)}
    restates = (agreement and not findings and (pf.predicate == cf.predicate or paraphrased)
                and pf.negated == cf.negated and not pf.under_negation
                # "…, police said" vouches for a bare fact as news tells one
                and (pf.stance == cf.stance or (cf.stance is Stance.FACT and pf.stance.asserts))
                # every common word of the clause ("indoors" too)
                and cf.words - deed - synonyms <= pf.words
                and all(_is_pronoun(a) or (args.get(r) is not None
                                           and (_arg_same(a, args[r]) or a.head in synonyms))
                        for r, a in cf.args.items() if not (deed and r == "prep:into"
                                                            and a.head == "custody")))
    return RoleJudgement(parsed=True, aligned=pf.sentence, findings=tuple(findings),
                         agreement=agreement, stance=pf.stance, restates=restates,
                         # a clause no one would confirm is not negated: neither said nor denied
                         negated=(cf.negated,
                                  pf.negated or (pf.under_negation and not pf.unconfirmed)))


# Descriptions a story uses for a speaker it has named: "Tesla plans to build a factory, the
# company said". Only these heads: "the regulator said" after "Tesla plans ..." is another voice.
#: The claim's part of a polarity finding that denies its attribution ("did not say").
SAID = "said"
#: A verb of saying denied ("did not say", "never said"): over an attributed clause, the
#: attribution's opposite.
_NOT_SAID = re.compile(r"\b(?:did\s+not|didn't|does\s+not|doesn't|has\s+not|hasn't|had\s+not|"
                       r"never)\s+(?:say|said|tell|told|state|stated|write|wrote)\b",
                       re.IGNORECASE)
_SELF_DESCRIPTIONS = frozenset({
    "company", "firm", "group", "carrier", "airline", "bank", "lender", "insurer", "retailer",
    "maker", "manufacturer", "automaker", "carmaker", "club", "team", "party", "government",
    "ministry", "agency", "department", "organisation", "organization", "charity", "union",
    "university", "council", "band", "studio", "network", "broadcaster", "newspaper", "station",
})

#: Heads of descriptions that refer back to a named speaker or actor in the claim or the
#: passage ("the company said" for "Acme Corp said"; two synonym descriptions): the story's own
#: self-descriptions and the wire's voices for an organisation.
_REFERRING_HEADS = _SELF_DESCRIPTIONS | frozenset({
    "corporation", "concern", "unit", "subsidiary", "utility", "producer", "spokesman",
    "spokeswoman", "spokesperson", "statement", "board", "court", "exchange"})


def _speaks_of_itself(pf: Frame, speaker: Argument) -> bool:
    """Whether the passage clause's speaker is a description ("the company") of the claim's
    speaker, named as the one doing what the clause says ("Tesla plans ..., the company said")."""
    said_by = pf.speaker
    if said_by is None or said_by.name_type or said_by.head not in _SELF_DESCRIPTIONS:
        return False
    if not norm(said_by.text).startswith("the "):
        return False  # "a company said": some other company
    agent = pf.args.get(AGENT)
    return agent is not None and _arg_same(speaker, agent)


_HEDGES = re.compile(r"\b(allegedly|reportedly|reputedly|purportedly|supposedly|apparently|"
                     r"seemingly|possibly|probably|presumably|perhaps)\b,?\s+((?:[\w.'’-]+\s*){1,3})",
                     re.IGNORECASE)


def _hedge_over(cf: Frame, sentence: str) -> str | None:
    """A hedge of the passage sentence ("apparently imminent", "reportedly 18.9 deaths",
    "reportedly colon cancer") over words the claim states without it: the parse ties such an
    adverb to an adjective or a noun, not to the clause's verb, so the stance misses it."""
    claim = f" {norm(cf.sentence or cf.text)} "
    for m in _HEDGES.finditer(sentence):
        if f" {m.group(1).lower()} " in claim:
            continue  # the claim keeps the hedge
        after = [w for w in norm(m.group(2)).split() if w not in _HEDGE_FILLER][:1]
        if after and all(f" {w} " in claim for w in after):
            return m.group(1).lower()
    return None


_HEDGE_FILLER = frozenset({"a", "an", "the", "by", "of", "to", "in", "one", "some"})


def _other_rank(cf: Frame, pf: Frame) -> Finding | None:
    """A rank of the claim's sentence that the passage's gives to the same thing otherwise,
    and nowhere as the claim does ("the first time" / "the third time")."""
    for what, n, text in cf.ranks:
        others = [(m, t) for w, m, t in pf.ranks if w == what]
        if others and all(m != n for m, _ in others):
            return Finding("rank", text, others[0][1], Relation.CONFLICT)
    return None


_PLACING = frozenset({"finish", "come", "place", "end"})


def _placing(frame: Frame) -> tuple[int, str] | None:
    """Where a contestant finished: first for "won", n for "finished/came/placed n-th"."""
    if frame.negated:
        return None
    # ordinals as written: "four seconds" is no placing, though its lemma is "second"
    ordinals = [w for w in frame.text.lower().split() if w.strip(",.") in ORDINALS]
    if frame.predicate == "win":
        # "won second place", "won the third stage": no placing read
        return None if ordinals else (1, frame.predicate_text)
    if frame.predicate in _PLACING and ordinals:
        word = ordinals[0].strip(",.")
        return ORDINALS[word], word
    return None


def _other_placing(cf: Frame, pf: Frame) -> Finding | None:
    """"Smith finished second" against "Smith won the race": one contestant, two places."""
    c, p = _placing(cf), _placing(pf)
    if c is None or p is None or c[0] == p[0]:
        return None
    return Finding("rank", c[1], p[1], Relation.CONFLICT)


def _placing_untold(cf: Frame, pframes: Sequence[Frame]) -> Finding | None:
    """"finished second" where no clause of the passage gives a placing or that ordinal: the
    place is the claim's detail, which the source does not give ("Kipchoge ran a marathon in
    Vienna" says nothing of a second place). Unbacked."""
    mine = _placing(cf)
    if mine is None or cf.predicate == "win":
        return None
    if any(_placing(f) is not None or mine[1] in f.sentence.lower().split() for f in pframes):
        return None
    return Finding("rank", f"{cf.predicate_text} {mine[1]}", None, Relation.UNBACKED)


#: Verbs that take an event as their object and say it will not happen as planned.
_CALLING_OFF = frozenset({"postpone", "cancel", "delay", "scrap", "suspend", "abandon",
                          "call_off", "defer", "shelve"})


def _called_off(cf: Frame, pf: Frame) -> Finding | None:
    """The claim's deed named as an event the passage's clause calls off ("postponed a
    planned visit to Japan" against "will visit Japan", "cancelled the strike" against "the
    union struck")."""
    patient = pf.args.get(PATIENT)
    if pf.negated or patient is None or patient.head != cf.predicate or cf.negated:
        return None
    # the clause's own verb, or its phrasal form ("called off"), not any word of the clause
    # ("predicted a drop in revenue")
    if pf.predicate not in _CALLING_OFF and f"{pf.predicate}_off" not in _CALLING_OFF & pf.words:
        return None
    particle = next((w.split("_", 1)[1] for w in sorted(pf.words)
                     if w.startswith(pf.predicate + "_")), None)
    verb = f"{pf.predicate_text} {particle}" if particle else pf.predicate_text
    return Finding("predicate", cf.predicate_text, f"{verb} {patient.text}", Relation.CONFLICT)


#: Fates of a planned event that exclude each other: called off for good, or moved to a later
#: date ("cancelled her tour" / "postponed her tour until next year").
_FATES_OF_EVENTS = (frozenset({"cancel", "call_off", "scrap", "abandon", "axe", "shelve"}),
                    frozenset({"postpone", "put_off", "defer", "delay", "reschedule"}))


def _called_otherwise(cf: Frame, pf: Frame) -> Finding | None:
    """The claim's event given the other fate in the passage's clause: "postponed her
    European tour until next year" against "cancelled her European tour". Unbacked, the
    passage's words shown: a postponed event may yet be cancelled, as the source cannot say."""
    def fate(f: Frame) -> int | None:
        verbs = {f.predicate} | {w for w in f.words if "_" in w and w.startswith(f.predicate + "_")}
        return next((i for i, group in enumerate(_FATES_OF_EVENTS) if verbs & group), None)

    mine, theirs = fate(cf), fate(pf)
    patient, other = cf.args.get(PATIENT), pf.args.get(PATIENT)
    if mine is None or theirs is None or mine == theirs or cf.negated or pf.negated \
            or patient is None or other is None or patient.head != other.head:
        return None
    return Finding("predicate", _as_written(cf.predicate, cf), _from_verb(pf), Relation.UNBACKED,
                   instead=True)


#: Verbs of a state going on: a clause "X remained trapped / stayed on the pitch / remain in
#: custody" says the change the claim reports ("were rescued", "was sent off", "release") has not
#: come.
_CONTINUING = frozenset({"remain", "stay"})
#: States of being held that "still" says go on: "are still being held" for "were freed"
_HELD = frozenset({"hold", "detain", "trap", "imprison", "jail", "keep", "miss"})
#: Verbs that turn down an offer, and the offers: "rejected a takeover offer from Apple" says
#: Apple did not acquire the firm.
_TURNING_DOWN = frozenset({"reject", "refuse", "decline", "rebuff", "spurn", "turn_down",
                           "withdraw", "abandon", "block", "veto"})
_OFFERS = frozenset({"offer", "bid", "proposal", "approach", "deal", "takeover", "merger",
                     "request", "application", "plan", "invitation"})
#: Nouns of an event that a clause can call off: "cancelled its concert" for "will play".
_EVENTS = frozenset({"concert", "show", "match", "game", "fixture", "race", "tour", "visit",
                     "trip", "meeting", "summit", "talks", "vote", "election", "ceremony",
                     "festival", "performance", "launch", "flight", "hearing", "trial", "rally",
                     "march", "strike", "parade", "screening", "premiere", "event", "conference"})
_BARE_VERBS = frozenset({"be", "have", "do", "say", "remain", "stay", "become", "get"})


def _kept_state(cf: Frame, pf: Frame) -> bool:
    """The passage's clause says the claim's state went on: "remained shut" for "was
    closed", "stayed closed" for "was closed"."""
    return pf.predicate in _CONTINUING and any(
        w == cf.predicate or any(w in g and cf.predicate in g for g in _PARAPHRASE_GROUPS)
        for w in pf.words if w != pf.predicate)


def _another_deed(cf: Frame, pf: Frame | None, pframes: Sequence[Frame],
                  agreement: bool) -> Finding | None:
    """A passage clause, about the claim's participants, whose deed says the claim's did not
    happen, where the passage gives the claim's deed nowhere (the verb, or the deed noun it
    governs: "ordered the release"): a state that goes on ("Twelve miners remain trapped"
    against "were rescued"; "the journalist remain in custody" against "ordered the release of
    the journalist"), the claim's agent not doing it to the claim's patient ("gathered outside
    the building but did not enter it" against "stormed the building"), an offer turned down
    ("The startup rejected a takeover offer from Apple" against "Apple acquired the startup"),
    an event called off ("has cancelled its concert in Berlin" against "will play in Berlin").
    Unbacked, not a conflict: the two verbs are not opposites, and which deed the claim's verb
    names is for a reader to weigh; the reader is shown the passage's."""
    if cf.negated or cf.predicate in _BARE_VERBS:
        return None
    lemmas = {w for f in pframes for w in f.words} | {f.predicate for f in pframes}
    deed = [cf.predicate]
    patient = cf.args.get(PATIENT)
    if patient is not None and not patient.name_type and patient.head in _DEED_NOUNS:
        deed.append(patient.head)  # "ordered the release of the journalist"
    absent = next((w for w in deed if w not in lemmas), None)
    if absent is None:
        return None
    said = cf.predicate_text if absent == cf.predicate else patient.text  # type: ignore[union-attr]
    particle = next((w.split("_", 1)[1] for w in sorted(cf.words) if w.startswith(cf.predicate + "_")), None)
    if absent == cf.predicate and particle:
        said = f"{said} {particle}"  # "sent off"
    claim_heads = {a.head for a in cf.args.values()} | set(cf.words)

    def about_claim(f: Frame) -> bool:
        agent = f.args.get(AGENT) or f.args.get(PATIENT)
        return agent is not None and not _is_pronoun(agent) and agent.head in claim_heads

    for f in (*((pf,) if pf is not None else ()), *pframes):
        if f.under_negation:
            continue
        going_on = f.predicate in _CONTINUING or ("still" in f.words and f.predicate in _HELD)
        if going_on and not _kept_state(cf, f) and not f.negated and about_claim(f):
            return Finding("predicate", said, _from_verb(f), Relation.UNBACKED, instead=True)
        if (f.predicate == "fall" and {"short", "of"} <= f.words and patient is not None
                and patient.head in f.words and not f.negated):
            # "fell just short of the world record" for "broke the world record"
            return Finding("predicate", said, _from_verb(f), Relation.UNBACKED, instead=True)
        fp = f.args.get(PATIENT)
        if f.negated and f is not pf and fp is not None and cf.args.get(AGENT) is not None \
                and f.args.get(AGENT) is not None \
                and _arg_same(cf.args[AGENT], f.args[AGENT]) \
                and (_is_pronoun(fp) or (patient is not None and fp.head == patient.head)):
            return Finding("predicate", said, f"did not {f.predicate_text} {fp.text}",
                           Relation.UNBACKED, instead=True)
        turned_down = f.predicate in _TURNING_DOWN or f"{f.predicate}_down" in _TURNING_DOWN & f.words
        refusing = cf.predicate in _TURNING_DOWN or bool(_TURNING_DOWN & cf.words)
        if turned_down and not refusing and not f.negated and fp is not None \
                and (fp.head in _OFFERS or any(m in _OFFERS for m in fp.modifiers)) \
                and {a.head for a in cf.args.values()} & (f.words | {a.head for a in f.args.values()}):
            return Finding("predicate", said, f"{f.predicate_text} {fp.text}", Relation.UNBACKED,
                           instead=True)
    if pf is None or not agreement or pf.negated:
        return None
    ep = pf.args.get(PATIENT)
    calling_off = cf.predicate in _CALLING_OFF or bool(_CALLING_OFF & cf.words)
    if ep is not None and ep.head in _EVENTS and not calling_off \
            and (pf.predicate in _CALLING_OFF or f"{pf.predicate}_off" in _CALLING_OFF & pf.words):
        return Finding("predicate", said, f"{pf.predicate_text} {ep.text}", Relation.UNBACKED,
                       instead=True)
    if patient is not None and absent == cf.predicate and PATIENT not in pf.args:
        # the claim's patient only beside the passage's deed: "gathered outside the
        # parliament" is not "stormed the parliament"
        near = next((a for r, a in pf.args.items() if r.split(":")[-1] in _BESIDE
                     and a.head == patient.head), None)
        if near is not None:
            return Finding("predicate", said, _from_verb(pf), Relation.UNBACKED, instead=True)
    return None


def _opposite_state(cf: Frame, pframes: Sequence[Frame]) -> tuple[Finding, Frame] | None:
    """A passage clause whose participants are all the claim's own that says the opposite
    state or deed, with the same polarity: "The ship's crew was found dead" against "The
    ship's crew was rescued alive" (a claim too short to align by two participants), "The
    spire ... collapsed" against "The spire survived the fire". A clause with another
    participant ("Police released the woman" against "Police arrested the man") is another
    deed, not the opposite one."""
    mine = [a for r, a in cf.args.items() if r in (AGENT, PATIENT) and not _is_pronoun(a)]
    if not mine:
        return None
    for pf in pframes:
        theirs = [a for r, a in pf.args.items() if r in (AGENT, PATIENT) and not _is_pronoun(a)]
        if pf.negated != cf.negated or pf.under_negation or not theirs \
                or not all(any(_arg_same(m, t) for m in mine) for t in theirs):
            continue
        if opposite(cf.predicate, pf.predicate, nouns=True):
            return Finding("predicate", cf.predicate_text, pf.predicate_text, Relation.CONFLICT), pf
        flipped = _opposite_words(cf, pf)
        if flipped is not None:
            return Finding("predicate", flipped[0], flipped[1], Relation.CONFLICT), pf
    return None


def _predicate_unnamed(cfs: Sequence[Frame], passage: str,
                       similar: Similarity | None) -> Finding | None:
    """The predicate of the claim's reported clause (the last clause that is not a verb of
    saying) when the passage has no word of it: the word itself, another form of it (a long
    shared beginning: "announce" / "announced"), or a synonym."""
    content = [f for f in cfs if f.predicate not in _SAYING and f.predicate not in _BARE_VERBS]
    if not content:
        return None
    cf = content[0]
    word = cf.predicate
    if not word.isalpha() or len(word) < 4:
        return None
    words = {w for w in re.findall(r"[a-z]+", norm(passage))}
    stem = word[:max(4, len(word) - 2)]
    if any(w.startswith(stem) for w in words):
        return None
    if similar is not None and any(similar(word, w) >= SYNONYM for w in words
                                   if len(w) > 3 and w.isalpha()):
        return None
    return Finding("predicate", cf.predicate_text, None, Relation.UNBACKED)


#: Verbs of saying: the reported clause of "X said Y" is Y's.
_SAYING = frozenset({"say", "tell", "announce", "state", "declare", "claim", "add", "write",
                     "report", "warn", "insist", "argue", "note", "confirm", "explain", "tweet"})


def _effect_unnamed(cf: Frame, passage: str, similar: Similarity | None) -> Finding | None:
    """A claim that X causes Y, against a passage with no clause about it that never names Y
    in any word of it or a synonym: "Carbon dioxide intoxication is caused by wearing face
    masks" was Supported by "Face masks help to limit contact with infectious droplets". A
    cause is claimed of its effect; a passage silent on the effect says nothing of it."""
    effect = cf.args.get(PATIENT)
    if cf.predicate != "cause" or effect is None or _is_pronoun(effect) or effect.name_type:
        return None
    words = {w for w in re.findall(r"[a-z]+", norm(passage))}
    heads = {effect.head, effect.head.rstrip("s")}
    if heads & words or any(w.startswith(effect.head[:5]) for w in words if len(effect.head) >= 6):
        return None
    if similar is not None and any(similar(effect.head, w) >= SYNONYM for w in words
                                   if len(w) > 3 and w.isalpha()):
        return None
    return Finding(PATIENT, effect.text, None, Relation.UNBACKED)


#: Prepositions that put a participant beside a deed, not under it.
_BESIDE = frozenset({"outside", "near", "around", "beside", "opposite", "behind", "towards",
                     "toward", "past", "by"})


def _from_verb(f: Frame, words: int = 10) -> str:
    """The clause from its verb on, to the first comma ("remain trapped in the flooded mine"),
    for showing the reader what the source says instead."""
    text = f.text or f.sentence
    at = text.find(f.predicate_text) if f.predicate_text else -1
    rest = text[at:] if at >= 0 else text
    kept = re.split(r"[,;:.]", rest, maxsplit=1)[0].split()[:words]
    while len(kept) > 1 and kept[-1].lower() in ("and", "but", "or", "then"):
        kept.pop()  # "charged with murder and (remanded …)": the next clause's conjunction
    return " ".join(kept)


_ROUTE = re.compile(r"\bfrom\s+((?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*)\s+to\s+"
                    r"((?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*)")


def _reversed_route(cf: Frame, pf: Frame) -> Finding | None:
    """"from London to New York" where the passage's clause has "from New York to London":
    the two ends of a journey or a transfer swapped."""
    routes = [(norm(a), norm(b), f"from {a} to {b}") for a, b in _ROUTE.findall(pf.sentence)]
    for a, b in _ROUTE.findall(cf.sentence or cf.text):
        ka, kb = norm(a), norm(b)
        if ka == kb or any(x == ka and y == kb for x, y, _ in routes):
            continue
        back = next((text for x, y, text in routes if x == kb and y == ka), None)
        if back is not None:
            return Finding("route", f"from {a} to {b}", back, Relation.CONFLICT)
    return None


_VOTE_SPLIT = re.compile(r"\b(\d+)\s*(?:votes?\s+)?(?:to|-|–)\s*(\d+)\b")


_MAGNITUDE = re.compile(r"\b(?:(?P<many>tens|hundreds)\s+of\s+(?P<of>thousands|millions)|"
                        r"(?P<one>" + "|".join(MAGNITUDE_WORDS["en"]) + r"))\b"
                        r"(?:\s+of\s+(?:the\s+)?(?P<noun>[a-z]+))?", re.IGNORECASE)


def _magnitude(text: str) -> tuple[int, str, str] | None:
    """The first count a clause gives by its order of magnitude: (order, as written, what it
    counts): "tens of thousands of people" is (4, "tens of thousands", "people")."""
    m = _MAGNITUDE.search(text)
    if m is None:
        return None
    orders = MAGNITUDE_WORDS["en"]
    if m.group("many"):
        order = orders[m.group("of").lower()] + (1 if m.group("many").lower() == "tens" else 2)
    else:
        order = orders[m.group("one").lower()]
    return order, m.group(0).rsplit(" of ", 1)[0] if m.group("noun") else m.group(0), \
        (m.group("noun") or "").lower()


def _other_magnitude(cf: Frame, pf: Frame) -> Finding | None:
    """"Hundreds of people were killed" against "Dozens of people were killed": two orders of
    magnitude for one count. Digits against such a word are left to the model: "dozens" is a
    fair rounding of 57."""
    c, p = _magnitude(cf.text), _magnitude(pf.text)
    if c is None or p is None or c[0] == p[0] or (c[2] and p[2] and c[2] != p[2]):
        return None
    return Finding("figure:number", c[1], p[1], Relation.CONFLICT)


def _without(cf: Frame, pf: Frame) -> Finding | None:
    """"ended in agreement" / "with an agreement" where the passage's clause says "ended
    without an agreement": the same thing, had and not had."""
    for role in ("prep:in", "prep:with"):
        c, p = cf.args.get(role), pf.args.get("prep:without")
        if c is not None and p is not None and c.head == p.head and "prep:without" not in cf.args:
            return Finding("polarity", f"{role[5:]} {c.text}", f"without {p.text}", Relation.CONFLICT)
    return None


def _done_after_all(cf: Frame, pframes: Sequence[Frame]) -> Finding | None:
    """"released without charge" where a passage clause says the claim's participant was
    charged: the deed the claim says did not come, done to the same participant ("charged with
    murder"). The deed is the noun after "without" as a verb of the passage ("charge",
    "injury" / "injured" is left out: a verb from another stem)."""
    without = cf.args.get("prep:without")
    if without is None or without.name_type or cf.negated:
        return None
    mine = [a for r, a in cf.args.items() if r in (AGENT, PATIENT) and not _is_pronoun(a)]
    for f in pframes:
        if f.predicate != without.head or f.negated or f.under_negation \
                or not f.stance.asserts or "prep:without" in f.args:
            continue
        theirs = [a for r, a in f.args.items() if r in (AGENT, PATIENT) and not _is_pronoun(a)]
        if any(_arg_same(m, t) for m in mine for t in theirs):
            return Finding("polarity", f"without {without.text}", _from_verb(f), Relation.CONFLICT)
    return None


def _outside(cf: Frame, pf: Frame) -> Finding | None:
    """"in the capital" where the passage's clause has "outside the capital" (or the other way
    round): the same place, the deed inside it and outside it."""
    for mine, theirs in (("prep:in", "prep:outside"), ("prep:inside", "prep:outside"),
                         ("prep:outside", "prep:in"), ("prep:outside", "prep:inside")):
        c, p = cf.args.get(mine), pf.args.get(theirs)
        if c is not None and p is not None and mine not in pf.args and theirs not in cf.args \
                and (_arg_same(c, p) or c.head == p.head):
            return Finding(mine, f"{mine[5:]} {c.text}", f"{theirs[5:]} {p.text}",
                           Relation.CONFLICT)
    return None


def _split_vote(cf: Frame, pf: Frame) -> Finding | None:
    """"approved the bill unanimously" where the passage's clause gives a vote with some
    against ("by 51 votes to 49", "51-49")."""
    if not {"unanimously", "unanimous"} & cf.words or {"unanimously", "unanimous"} & pf.words:
        return None
    m = next((m for m in _VOTE_SPLIT.finditer(pf.sentence) if int(m.group(2)) > 0), None)
    if m is None:
        return None
    return Finding("vote", "unanimously", m.group(0), Relation.CONFLICT)


def _other_end(cf: Frame, pf: Frame) -> Finding | None:
    """The claim's "from X" where the passage's clause has "to X" for the same patient (or the
    other way round): "signed the striker from Ajax" against "sold the striker to Ajax". Not
    backed: which way the thing went is the detail the source gives otherwise."""
    for mine, theirs in (("prep:from", "prep:to"), ("prep:to", "prep:from")):
        c, p = cf.args.get(mine), pf.args.get(theirs)
        if c is not None and p is not None and c.name_type and _arg_same(c, p) \
                and pf.args.get(mine) is None:
            return Finding(mine, f"{mine[5:]} {c.text}", f"{theirs[5:]} {p.text}", Relation.UNBACKED,
                           instead=True)
    return None


#: Verbs that stop a deed before it is done: "was turned back before it reached the city".
_STOP_BEFORE = (r"\b(?:turned\s+back|stopped|halted|blocked|intercepted|prevented|"
                r"held\s+up|forced\s+back|caught)\b[^.;]*?\bbefore\s+(?:[\w']+\s+){0,4}?")


def _stopped_before(cf: Frame, pf: Frame) -> Finding | None:
    """The claim's deed in a "before" clause under a verb that stopped it ("The aid convoy was
    turned back before it reached the city"): the source says it did not happen."""
    if cf.negated:
        return None
    if pf.predicate != cf.predicate or not pf.predicate_text:
        return None
    m = re.search(_STOP_BEFORE + re.escape(pf.predicate_text) + r"\b", pf.sentence, re.IGNORECASE)
    if m is None:
        return None
    return Finding("predicate", cf.predicate_text, " ".join(m.group(0).split()), Relation.UNBACKED,
                   instead=True)


#: Verbs that put a participant out of the claim's account: "Officials ruled out contaminated
#: water as the cause of the outbreak" says it did not cause it.
_RULING_OUT = frozenset({"rule_out", "exclude", "discount"})


def _ruled_out(cf: Frame, pframes: Sequence[Frame]) -> Finding | None:
    """A passage clause that rules out one of the claim's participants for the claim's deed
    ("ruled out contaminated water as the cause" against "was caused by contaminated water").
    Unbacked: it is the source's word against the claim, not a fact that the claim is false."""
    if cf.negated or cf.predicate in _RULING_OUT or f"{cf.predicate}_out" in cf.words:
        return None  # "Net excludes gains" is itself the ruling-out deed, backed as any other
    for f in pframes:
        verb = f"{f.predicate}_out" if f"{f.predicate}_out" in f.words else f.predicate
        fp = f.args.get(PATIENT)
        if (verb in _RULING_OUT and not f.negated and fp is not None and cf.predicate in f.words
                and any(_arg_same(a, fp) for a in cf.args.values())):
            return Finding("predicate", cf.predicate_text, _from_verb(f), Relation.UNBACKED,
                           instead=True)
    return None


#: Verbs of a plan or proposal that take the deed as a noun: "is considering a ban".
_PROPOSING = frozenset({"consider", "propose", "plan", "weigh", "mull", "discuss", "debate",
                        "study", "seek", "urge", "threaten", "suggest", "recommend", "demand",
                        "call_for", "push", "float", "eye"})


def _proposed(cf: Frame, pf: Frame) -> Finding | None:
    """The claim's deed as the noun a passage clause proposes ("The government is considering
    a ban on the sale of fireworks" against "The government has banned the sale"): a plan, not
    the deed. Unbacked, as an allegation is."""
    patient = pf.args.get(PATIENT)
    if cf.negated or pf.negated or patient is None or patient.name_type:
        return None
    verb = f"{pf.predicate}_for" if f"{pf.predicate}_for" in _PROPOSING & pf.words else pf.predicate
    if verb not in _PROPOSING or cf.predicate in _PROPOSING:
        return None
    head, deed = patient.head, cf.predicate
    if head == deed or (len(deed) >= 5 and head[:5] == deed[:5]):  # "ban", "approval"
        return Finding("stance", cf.predicate_text,
                       f"a plan or proposal (“{_from_verb(pf, 6)}”)", Relation.UNBACKED)
    return None


#: Nouns of a deed a verb can govern ("ordered the release", "approved the sale"): the claim's
#: deed is the noun's, which the passage must give.
_DEED_NOUNS = frozenset({"release", "arrest", "sale", "closure", "removal", "resignation",
                         "dismissal", "withdrawal", "return", "extradition", "deportation",
                         "acquisition", "purchase", "merger", "ban", "suspension", "expulsion",
                         "evacuation", "execution", "pardon", "acquittal", "conviction"})

#: Quantifiers of a whole and of a part: "all flights" is not what "some flights" says.
_WHOLE = frozenset({"all", "every", "each", "entire", "whole"})
_PART = frozenset({"some", "several", "many", "most", "few", "certain", "part", "half",
                   "dozens", "hundreds", "thousands", "number", "majority"})


def _partial_quantity(cf: Frame, args: dict[str, Argument]) -> Finding | None:
    """A claim's "all/every X" where the passage's same role has "some/several/most X" (or a
    count): the passage gives a part, not the whole. Unbacked."""
    for role, arg in cf.args.items():
        words = arg.text.lower().split()
        if not words or words[0] not in _WHOLE:
            continue
        other = args.get(role)
        if other is None or other.head != arg.head:
            continue
        first = other.text.lower().split()[0]
        if first in _PART or first[:1].isdigit() or first in NUMBER_WORDS_EN:
            return Finding(role, arg.text, other.text, Relation.UNBACKED, instead=True)
    return None


#: Shares of a group, by the part of it they name: "most members" is not what "a minority of
#: members" says, nor "all" what "few" says. "All" and "most" are left apart (all of them is
#: most of them), as are "some", "many" and counts, which any share can be.
_SHARES = {**dict.fromkeys(("all", "every", "each", "entire", "whole"), "all"),
           **dict.fromkeys(("most", "majority", "bulk"), "most"),
           "half": "half",
           **dict.fromkeys(("minority", "few", "handful"), "few")}
_SHARE_APART = frozenset({frozenset({"all", "most"})})


def _share(arg: Argument, frame: Frame) -> tuple[str, str] | None:
    """The share of a group an argument names and the group's noun: ("most", "member") for
    "Most members", ("few", "member") for "A minority of members" (the group after "of", read
    from the clause's words), ("all", "passenger") for "all the passengers"."""
    words = arg.text.lower().split()
    if not words:
        return None
    first = words[1] if words[0] in ("a", "an", "the") and len(words) > 1 else words[0]
    if first == "few" and words[0] == "a":
        return None  # "a few" is some, not few
    share = _SHARES.get(first) or _SHARES.get(arg.head)
    if share is None:
        return None
    if arg.head in _SHARES:
        # "a minority (of members)": the group is the noun after "of", as the clause's lemma
        after = re.search(rf"\b{re.escape(arg.head)}\s+of\s+(?:the\s+|its\s+|their\s+)?([a-z-]+)",
                          (frame.sentence or frame.text).lower())
        group = next((w for w in sorted(frame.words) if after and len(w) > 2
                      and after.group(1).startswith(w)), None) if after else None
        return (share, group) if group else None
    return share, arg.head


def _other_share(cf: Frame, pframes: Sequence[Frame]) -> Finding | None:
    """A passage clause with the claim's deed (or its paraphrase) whose participant in the
    claim's role is another share of the same group: "A minority of members voted for the
    plan" against "Most members voted for the plan". A conflict: the two cannot both hold."""
    for role, arg in cf.args.items():
        mine = _share(arg, cf)
        if mine is None:
            continue
        for pf in pframes:
            if pf.negated != cf.negated or not (pf.predicate == cf.predicate or _paraphrase(cf, pf)):
                continue
            other = pf.args.get(role)
            theirs = _share(other, pf) if other is not None else None
            if theirs is None or theirs[1] != mine[1] or theirs[0] == mine[0] \
                    or frozenset({mine[0], theirs[0]}) in _SHARE_APART:
                continue
            return Finding(role, arg.text, other.text, Relation.CONFLICT)  # type: ignore[union-attr]
    return None


#: Adverbs that are mostly a phrasal verb's particle ("passed away", "called off", "held
#: back"): WordNet's opposites of them ("away" / "home") are another sense.
_PARTICLES = frozenset({"away", "back", "off", "out", "over", "in", "on", "along", "about"})


def _opposite_words(cf: Frame, pf: Frame) -> tuple[str, str] | None:
    """A word of the claim's clause that the passage's clause replaces by its opposite."""
    for w in sorted(cf.words - pf.words):
        for v in sorted(pf.words - cf.words):
            if w in _PARTICLES or v in _PARTICLES:
                continue  # "passed away" is no opposite of "died at her home"
            if opposite(w, v):
                # the verbs as written ("sank", not "sink"); other words as lemmas, "call_off"
                # as "call off"
                return _as_written(w, cf), _as_written(v, pf)
    return None


def _as_written(word: str, frame: Frame) -> str:
    """A word of the clause's lemmas as the clause writes it, for the reader ("sank" for
    "sink", "relaxed" for "relax"; "call_off" as "call off" when the form is not found)."""
    if word == frame.predicate and frame.predicate_text:
        particle = next((w.split("_", 1)[1] for w in sorted(frame.words)
                         if w.startswith(word + "_") and w.count("_") == 1), "")
        return f"{frame.predicate_text} {particle}".strip()  # "laid off", not "laid"
    verb, _, particle = word.partition("_")
    if particle and verb == frame.predicate and frame.predicate_text:
        return f"{frame.predicate_text} {particle.replace('_', ' ')}"  # "struck down"
    if "_" not in word and "." not in word and len(word) >= 4:  # "p.m." as it is
        m = re.search(r"\b" + re.escape(word[:-1]) + r"\w*", frame.text or frame.sentence,
                      re.IGNORECASE)
        if m is not None:
            return m.group(0)
    return word.replace("_", " ")


def _unnamed(cfs: Sequence[Frame], passage: str, context: str) -> tuple[Argument, ...]:
    """Names of the claim (people, organisations, places, events, works) that neither the
    passage nor its source's title names: a passage about the coronavirus does not back a
    claim about brucellosis, however alike the sentences. Nationalities and other adjectives
    ("German", "Dutch") take too many forms to require."""
    out: list[Argument] = []
    seen: set[str] = set()
    for name in (n for cf in cfs for n in cf.names):
        if name.name_type in ("NORP", "LANGUAGE") or norm(name.text) in seen:
            continue
        seen.add(norm(name.text))
        if _arg_in_text(name, passage) or (context and _arg_in_text(name, context)):
            continue
        out.append(name)
    return tuple(out)


def _mistagged_names(cfs: Sequence[Frame], passage: str, context: str) -> tuple[Finding, ...]:
    """A word spaCy tags as a nationality or group (NORP) that stands alone as a participant of
    the claim and reads as neither is a thing's name, and one the passage and its title must
    give: "Ivermectin is a treatment for coronavirus" was Supported by "Q: What virus outbreak
    does the claim refer to? A: Coronavirus covid 19." (its capital at the start of the claim
    hides it from the name checks as well)."""
    participants = {norm(a.text) for cf in cfs for a in cf.args.values()}
    out: list[Finding] = []
    for name in (n for cf in cfs for n in cf.names):
        if (name.name_type != "NORP" or norm(name.text) not in participants
                or is_group_word(name.text) or _arg_in_text(name, passage)
                or (context and _arg_in_text(name, context))):
            continue
        finding = Finding("name", name.text, None, Relation.UNBACKED)
        if finding not in out:
            out.append(finding)
    return tuple(out)


def _polar(f: Frame) -> str:
    said = _as_written(f.predicate, f)  # with its particle: "step down"
    if f.negated and f.refusal:
        return f"{f.refusal} {said}"  # "declined to sign", not "not sign"
    return f"not {said}" if f.negated else said


def _swapped_roles(cf: Frame, pf: Frame) -> Finding | None:
    """"Hunt beat Johnson" for "Johnson beat Hunt": both participants there, roles reversed."""
    ca, cp = cf.args.get(AGENT), cf.args.get(PATIENT)
    pa, pp = pf.args.get(AGENT), pf.args.get(PATIENT)
    if not (ca and cp and pa and pp) or cf.predicate != pf.predicate:
        return None
    if any(_is_pronoun(x) for x in (ca, cp, pa, pp)):
        return None
    if _arg_same(ca, pp) and _arg_same(cp, pa) and not _arg_same(ca, pa):
        return Finding("agent", ca.text, pa.text, Relation.CONFLICT)
    return None


def _compare_arg(role: str, arg: Argument, pf: Frame, passage: str, context: str,
                 args: dict[str, Argument], similar: Similarity | None,
                 cf_predicate: str = "") -> Finding | None:
    other = args.get(role)
    if other is None and role == "attr":
        other = args.get(PATIENT)
    if other is not None and (_other_office(arg, other) or _other_tenure(arg, other)):
        # "Finance Minister Jane Smith" / "Foreign Minister Jane Smith", "the former president"
        # / "the president": the same name or noun in another office, or out of it
        return Finding(role, arg.text, other.text, Relation.UNBACKED)
    if other is not None and _arg_same(arg, other):
        return None
    if other is not None and _one_noun(arg, other):
        return None  # "ceasefire" / "truce": one thing in news' two words
    if _is_number(arg):
        # "killing seven" beside "killing 7 people": a bare number in the slot is a figure,
        # compared by value with the passage's figures (_compare_figures), not as a word.
        return None
    if other is not None and not _is_pronoun(other):
        if (arg.name_type == "PERSON" and not other.name_type and _unlabelled_name(other)
                and not _same_name(arg.name or arg.text, other.text)):
            # "Ana Ruiz" the tagger did not label, where the claim has the person "Maria Lopez"
            return Finding(role, arg.name or arg.text, other.text, Relation.CONFLICT)
        if arg.name_type and other.name_type and (
                _compatible(arg.name_type, other.name_type)
                # where a deed happened is a place, however the tagger typed the two names
                # ("born in Cork", Cork tagged an organisation)
                or (role in _WHERE and {arg.name_type, other.name_type} == {"PLACE", "ORG"}
                    and _mistagged_place(arg if arg.name_type == "ORG" else other))) \
                and not any(_same_name(arg.name or arg.text, alt) for alt in other.alternatives):
            # The same slot holds another name of the same kind: Hunt where the claim has Gove.
            return Finding(role, arg.name or arg.text, other.name or other.text,
                           Relation.CONFLICT)
        if ((role in _WHERE or (role == PATIENT and pf.predicate == cf_predicate))
                and arg.head in _COMPASS and other.head in _COMPASS
                and arg.head != other.head and not arg.name_type and not other.name_type
                and not arg.modifiers and not other.modifiers):
            # "in the north" / "in the south", "hit the north of the island" / "hit the
            # south of the island": one region of the same place, told otherwise
            return Finding(role, arg.text, other.text, Relation.CONFLICT)
        if (arg.head in _DAY_PARTS and other.head in _DAY_PARTS and arg.head != other.head
                and set(arg.modifiers) == set(other.modifiers)):
            # "on Tuesday morning" / "on Tuesday evening": the same day, another part of it
            return Finding(role, arg.text, other.text, Relation.CONFLICT)
        if (role == "prep:in" and not arg.name_type and not other.name_type and arg.head != other.head
                and arg.head.isalpha() and other.head.isalpha()
                and not any(ch.isdigit() for ch in arg.text + other.text)
                and not any(a.head == arg.head for a in pf.args.values())
                and not (similar is not None and similar(arg.head, other.head) >= SYNONYM)):
            # "started in the kitchen" / "started in the garage and spread to the kitchen":
            # the passage's clause puts the deed elsewhere, whatever else the room is to it
            prep = role.split(":", 1)[1]
            return Finding(role, f"{prep} {arg.text}", f"{pf.predicate_text} {prep} {other.text}",
                           Relation.UNBACKED, instead=True)
        if (role == PATIENT and pf.predicate == cf_predicate and not arg.name_type
                and not other.name_type and arg.head != other.head
                and arg.head.isalpha() and other.head.isalpha()
                and not any(a.head == arg.head for a in pf.args.values())
                and not _head_in_text(arg.head, pf.text or pf.sentence)  # "e-mails", "dlrs"
                and not (similar is not None and similar(arg.head, other.head) >= SYNONYM)):
            # "the general public should use the kind of face covering you can make at home"
            # for "surgical masks should be used by the general public": the same deed done to
            # another thing, the claim's thing named only in another clause
            return Finding(role, arg.core or arg.text, f"{pf.predicate_text} {other.text}",
                           Relation.UNBACKED, instead=True)
        if (not arg.name_type and arg.head == other.head and _other_modifiers(arg, other)
                and not _arg_in_text(arg, pf.sentence)):
            # "lung cancer" / "throat cancer": the kind of thing differs; a reader would call it
            # a different detail, the parse cannot prove it is not a paraphrase -- unbacked.
            return Finding(role, arg.text, other.text, Relation.UNBACKED)
        if (not arg.name_type and not other.name_type and arg.head != other.head
                and arg.head.isalpha() and other.head.isalpha()
                and not _head_in_text(arg.head, passage)
                and not _worded_otherwise(arg, pf.sentence)
                and len(other.head) > 1
                and not (similar is not None and similar(arg.head, other.head) >= SYNONYM
                         and not _calendar_pair(arg.head, other.head))):
            # "drinking plan" where the passage has "drinking water": another thing in the same
            # slot, and no word of the passage for it. A synonym ("inquiry" / "investigation")
            # is told apart by the embedding of the two words.
            return Finding(role, arg.core or arg.text, other.core or other.text,
                           Relation.UNBACKED)
    if arg.name_type and not _arg_in_text(arg, passage) and not (
            context and _arg_in_text(arg, context)):
        return Finding("name", arg.name or arg.core or arg.text, None, Relation.UNBACKED)
    return None


_NEAR = (r"\b(?:near|outside|close\s+to|(?:border|frontier)\s+with|(?:north|south|east|west)\s+of)"
         r"\s+(?:the\s+)?")
_IN_PLACE = re.compile(r"\bin\s+(?:the\s+)?([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)")


def _placed_elsewhere(place: str, sentence: str) -> str | None:
    """Another place the sentence puts the deed "in", where it names the claim's place only
    as what that one is near: "discovered the new species in Peru, near the border with
    Brazil" against "in Brazil"."""
    if not re.search(_NEAR + re.escape(place) + r"\b", sentence):
        return None
    return next((m.group(1) for m in _IN_PLACE.finditer(sentence)
                 if not _same_name(m.group(1), place)), None)


def _calendar_pair(a: str, b: str) -> bool:
    """Two weekdays or two months: alike to an embedding, never synonyms ("Monday" /
    "Tuesday" scores 0.87)."""
    return (a in WEEKDAYS and b in WEEKDAYS) or (a in MONTHS and b in MONTHS)


#: Offices named by their portfolio ("Finance Minister", "Home Secretary"): another portfolio
#: before the same person's name is another office. Other titles vary without contradiction
#: ("Democratic Senator" / "Delaware Senator"), so only these are compared.
_PORTFOLIO_HEADS = frozenset({"minister", "secretary"})
#: Words that put the holder of an office or role out of it, or in it only for a time.
_TENURE = frozenset({"former", "ex", "acting", "interim"})


def _other_office(c: Argument, p: Argument) -> bool:
    """One person named with two portfolios of the same kind of office ("Finance Minister" /
    "Foreign Minister")."""
    if not (c.name_type == p.name_type == "PERSON" and c.name and p.name
            and _same_name(c.name, p.name)):
        return False
    tc, tp = (norm(a.text).removeprefix("the ").split()[: -len(norm(a.name).split())]
              for a in (c, p))
    return bool(len(tc) > 1 and len(tp) > 1 and tc[-1] == tp[-1] and tc[-1] in _PORTFOLIO_HEADS
                and set(tc[:-1]).isdisjoint(tp[:-1]))


def _other_tenure(c: Argument, p: Argument) -> bool:
    """The same noun for the holder of a role and for a former or stand-in holder ("the former
    president" / "the president")."""
    if c.name_type or p.name_type or c.head != p.head:
        return False
    return bool(set(c.modifiers) & _TENURE) != bool(set(p.modifiers) & _TENURE)


def _unlabelled_name(arg: Argument) -> bool:
    """Words that read as a person's name the tagger left unlabelled: two or three capitalised
    words of letters, without "the" ("Ana Ruiz")."""
    words = arg.text.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words) \
        and not norm(arg.text).startswith("the ")


def _worded_otherwise(arg: Argument, sentence: str) -> bool:
    """Whether every word of the argument's core stands in the sentence in another form ("a
    three-year low" in "their lowest level in three years"): the same thing reworded, not
    another thing in its slot. Words of three letters or more, read as the start of a word."""
    words = [w for w in re.split(r"[\s-]+", norm(arg.core or arg.text)) if len(w) >= 3]
    theirs = norm(sentence).replace("-", " ").split()
    return len(words) >= 2 and all(any(t.startswith(w) for t in theirs) for w in words)


def _head_in_text(head: str, text: str) -> bool:
    """Whether the passage has the head word, a lemma, as it is or in a plural form
    ("dollar" in "380 mln dlrs", "company" in "companies"); "e-mails" is read as "emails"."""
    forms = {head, head + "s", head + "es"} | ({head[:-1] + "ies"} if head.endswith("y") else set())
    words = set(norm(text).split()) | set(norm(text.replace("-", "")).split())
    return not forms.isdisjoint(words)


def _is_number(arg: Argument) -> bool:
    from .figures import _WORD_NUMBERS

    head = arg.head.replace(",", "").replace(".", "")
    if arg.head in _FATES and any(m.replace(",", "").isdigit() or m in _WORD_NUMBERS
                                  for m in (*arg.modifiers, *norm(arg.text).split())):
        return True  # "left nine dead": a count of the dead, typed by the figure rules
    return not arg.name_type and (head.isdigit() or head in _WORD_NUMBERS)


_FATES = frozenset({"dead", "injured", "wounded", "missing", "hurt", "killed"})
_COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast",
                      "southwest", "north-east", "north-west", "south-east", "south-west"})


#: Parts of a day that do not overlap ("night" runs into the morning, so it is not here).
_DAY_PARTS = frozenset({"morning", "afternoon", "evening"})
_WHERE = frozenset({"prep:in", "prep:at", "prep:near", "prep:outside"})


def _mistagged_place(arg: Argument) -> bool:
    """A one-word name the tagger took for an organisation where a place stands ("born in
    Cork"); not an event or a body named in several words ("in the Ineos 1:59 Challenge")."""
    words = (arg.name or arg.text).split()
    return len(words) == 1 and words[0][:1].isupper() and words[0].isalpha()


def _compatible(a: str, b: str) -> bool:
    return a == b or {a, b} <= {"PLACE", "NORP"}


def _compare_figures(cf: Frame, pf: Frame, pframes: Sequence[Frame]) -> list[Finding]:
    from .checks import check_dates

    out = []
    # A figure beside a period the passage does not name, or names differently ("March load
    # factor 55.5 pct" for the claim's "February ... 57.9 pct"), is another period's figure.
    period = check_dates(cf.sentence or cf.text, pf.sentence)
    if period.missing or period.conflicting:
        return out
    for fig in cf.figures:
        same_kind = [f for f in pf.figures if f.kind == fig.kind]
        mine = _currency(fig, cf.sentence or cf.text) if fig.kind == "money" else None
        unit = _UNIT_OF.get(fig.kind)
        if not same_kind and unit is not None:
            other = next((f for f in pf.figures if _UNIT_OF.get(f.kind, ("", ""))[0] == unit[0]
                          and _UNIT_OF[f.kind][1] != unit[1] and _figure_equal(fig, f)), None)
            if other is not None:
                # "3 km" / "3 miles": the same number of another unit of the same measure
                out.append(Finding(f"figure:{unit[0]}", f"{fig.text} {unit[1]}",
                                   f"{other.text} {_UNIT_OF[other.kind][1]}", Relation.CONFLICT))
                continue
        if not same_kind:
            # an age is a property of the person, often stated in a sentence of its own
            # ("He was 95"): look at clauses of the passage about the claim's subject
            if fig.kind == "age":
                same_kind = [f for fr in pframes if _about_subject(cf, fr)
                             for f in fr.figures if f.kind == "age"]
            if not same_kind:
                continue
        if any(_figure_equal(fig, f) for f in same_kind):
            other = next(f for f in same_kind if _figure_equal(fig, f))
            theirs = _currency(other, pf.sentence or pf.text) if mine else None
            if mine and theirs and mine != theirs:
                # "$5 billion" / "5 billion euros": the same number of another currency
                out.append(Finding("figure:money", _money_text(fig, cf), _money_text(other, pf),
                                   Relation.CONFLICT))
                continue
            cb, pb = _bound(fig, cf.sentence or cf.text), _bound(other, pf.sentence)
            if cb and pb and cb[0] != pb[0]:
                # "more than 200" / "fewer than 200": one number, bounds on opposite sides
                out.append(Finding(f"figure:{fig.kind}", f"{cb[1]} {fig.text}",
                                   f"{pb[1]} {other.text}", Relation.CONFLICT))
                continue
            if fig.change and other.change and fig.change != other.change and not any(
                    _figure_equal(fig, f) and f.change == fig.change for f in same_kind):
                # "rose to 5%" / "rose by 5%": a level is not an amount of change
                out.append(Finding(f"figure:{fig.kind}", f"{fig.change} {fig.text}",
                                   f"{other.change} {other.text}", Relation.UNBACKED))
            continue
        if mine and all((o := _currency(f, pf.sentence or pf.text)) is not None and o != mine
                        for f in same_kind):
            continue  # amounts in two currencies are two amounts, not one changed
        if fig.kind != "score" and any(_figure_allows(fig, cf, f, pf) for f in same_kind):
            continue  # "about 8 per cent" or "8 pct" for the passage's "8.13 pct"
        if cf.dates and pf.dates and not _dates_match(cf, pf):
            continue  # another period: a figure and a date that both differ
        relation = Relation.UNBACKED if _other_quantity(cf, pf) else Relation.CONFLICT
        out.append(Finding(f"figure:{fig.kind}", fig.text, same_kind[0].text, relation))
    return out


#: Units of one measure, by the count kind parts.py gives a figure ("count:km"): (measure,
#: the unit as shown)
_UNIT_OF = {f"count:{u}": (measure, shown) for measure, units in {
    "length": {"km": "km", "kilometre": "km", "kilometer": "km", "mile": "miles", "metre": "m",
               "meter": "m", "foot": "feet", "feet": "feet", "yard": "yards"},
    "weight": {"kg": "kg", "kilogram": "kg", "tonne": "tonnes", "ton": "tons", "lb": "lb"},
    "area": {"hectare": "hectares", "acre": "acres"},
    "volume": {"litre": "litres", "liter": "litres", "gallon": "gallons", "barrel": "barrels"},
}.items() for u, shown in units.items()}


def _currency(fig: Figure, sentence: str) -> str | None:
    """The currency written at the figure in the sentence ("$5 billion", "5 billion euros"),
    as a code of parts.CURRENCIES; None when none is written there."""
    at = sentence.find(fig.text)
    if at < 0:
        return None
    before, after = sentence[max(0, at - 3):at], sentence[at + len(fig.text):at + len(fig.text) + 24]
    # the currency word may follow a country's name: "1,325 French francs", "U.S. dollars"
    following = [w.strip(".,;").lower() for w in after.split()[:2]]
    for code, words in CURRENCIES.items():
        if any(w in words for w in following) or any(
                sym in before for sym in words if not sym.isalpha()):
            return code
    return None


def _money_text(fig: Figure, frame: Frame) -> str:
    sentence = frame.sentence or frame.text
    at = sentence.find(fig.text)
    if at < 0:
        return fig.text
    before = sentence[max(0, at - 1):at]
    after = (sentence[at + len(fig.text):].split() or [""])[0].strip(".,;")
    if before in ("$", "€", "£", "¥"):
        return before + fig.text
    return f"{fig.text} {after}" if after.lower() in CURRENCY_WORDS else fig.text


def _figures_of_deed(cf: Frame, pf: Frame, pframes: Sequence[Frame]) -> list[Finding]:
    """The claim's deed told in another clause of the aligned sentence, with another figure:
    "The treaty was signed by 40 countries but ratified by only 12" against "ratified by 40
    countries" aligns with "signed" (the treaty, the 40 countries), but what it says of
    ratifying is 12. A bare number there ("only 12") counts what the claim counts."""
    out: list[Finding] = []
    for f in pframes:
        if f is pf or f.sentence != pf.sentence or f.predicate != cf.predicate \
                or f.negated != cf.negated or f.under_negation:
            continue
        ca, fa = cf.args.get(AGENT), f.args.get(AGENT)
        if ca is not None and fa is not None and ca.name_type and fa.name_type \
                and not _arg_same(ca, fa):
            continue  # another doer's deed: "the Ivory Coast was offering" beside Ghana's
        for fig in cf.figures:
            mine = _currency(fig, cf.sentence or cf.text)
            theirs = [g for g in f.figures if (g.kind == fig.kind or "number" in (g.kind, fig.kind))
                      and not (mine and (o := _currency(g, f.sentence)) and o != mine)]
            if theirs and not any(_figure_equal(fig, g) for g in theirs):
                out.append(Finding(f"figure:{fig.kind}", fig.text, theirs[0].text,
                                   Relation.CONFLICT))
        break
    return out


_AT_LEAST = re.compile(rf"\b({'|'.join(FIGURE_AT_LEAST_EN)})\s*$", re.IGNORECASE)
_AT_MOST = re.compile(rf"\b({'|'.join(FIGURE_AT_MOST_EN)})\s*$", re.IGNORECASE)


def _bound(fig: Figure, sentence: str) -> tuple[str, str] | None:
    """Which side of the figure the sentence puts the quantity, with the words that say it:
    ("above", "more than") for "more than 200", ("below", "fewer than") for "fewer than
    200"; None for a figure stated as it is, or not found in the sentence."""
    at = sentence.find(fig.text)
    if at < 0:
        return None
    before = sentence[max(0, at - 30):at]
    for side, pattern in (("above", _AT_LEAST), ("below", _AT_MOST)):
        m = pattern.search(before)
        if m:
            return side, m.group(1)
    return None


def _other_quantity(cf: Frame, pf: Frame) -> bool:
    """Whether the two clauses name one thing with different qualifiers, so their figures may
    count different things: "Nigeria's urban population was 7 million" and "Nigeria's
    population was 45.1 million" (a part and its whole) are not one figure given twice."""
    # The doer of a deed done to something is not what its figure counts: "the bank" /
    # "the central bank raised rates by half a point" count the same rates.
    def counted(f: Frame) -> list[Argument]:
        return [a for r, a in f.args.items() if not (r == AGENT and PATIENT in f.args)]

    return any(c.head == p.head and not c.name_type and set(c.modifiers) != set(p.modifiers)
               for c in counted(cf) for p in counted(pf))


def _figures_elsewhere(cf: Frame, pframes: Sequence[Frame]) -> tuple[Finding, ...]:
    """Without an aligned clause, only an age stated of the claim's subject can conflict."""
    out = []
    for fig in cf.figures:
        if fig.kind != "age":
            continue
        ages = [f for fr in pframes if _about_subject(cf, fr) for f in fr.figures
                if f.kind == "age"]
        if ages and not any(_figure_equal(fig, f) for f in ages):
            out.append(Finding("figure:age", fig.text, ages[0].text, Relation.CONFLICT))
    return tuple(out)


def _about_subject(cf: Frame, fr: Frame) -> bool:
    subj = cf.args.get(AGENT) or cf.args.get(PATIENT)
    other = fr.args.get(AGENT) or fr.args.get(PATIENT)
    if subj is None or other is None:
        return False
    return _is_pronoun(other) and other.head in ("he", "she") or _arg_same(subj, other)


def _dates_match(cf: Frame, pf: Frame) -> bool:
    return any(norm(a) == norm(b) or norm(a) in norm(b) or norm(b) in norm(a)
               for a in cf.dates for b in pf.dates)


def _compare_dates(cf: Frame, pf: Frame) -> list[Finding]:
    from .checks import check_dates

    if not cf.dates or not pf.dates:
        return []
    res = check_dates(cf.sentence or cf.text, pf.sentence)
    if res.conflicting and not cf.figures:
        return [Finding("date", ", ".join(res.missing) or cf.dates[0],
                        ", ".join(pf.dates), Relation.CONFLICT)]
    # A month or a weekday alone ("will close in March" / "would close in May", "resigned on
    # Tuesday" / "on Monday") is no date the date check reads (no day of the month, no year),
    # but in two clauses telling one event (the same deed, not just the same participants:
    # "ended their strike on Tuesday" is not "stayed off the job on Monday") it is the same
    # detail given two values.
    if not _same_event(cf, pf):
        return []
    cd, pd = _durations(cf.dates), _durations(pf.dates)
    # two times in several units ("2 hours 1 minute 40 seconds" / "1 hour 59 minutes 40.2
    # seconds") are read to their smallest unit; anything else to a tenth
    within = (max(_precision(cd[0][1]) or 0, _precision(pd[0][1]) or 0)
              if len(cd) == len(pd) == 1 and _compound(cd[0][1]) and _compound(pd[0][1]) else None)
    if len(cd) == len(pd) == 1 and _lengths_conflict(cd[0], pd[0], within):
        # "lasted three weeks" / "lasted three days": a duration is no date the date check
        # compares, and its unit is part of the figure
        return [Finding("duration", cd[0][1], pd[0][1], Relation.CONFLICT)]
    # With figures, only where the passage's clause gives each of them ("rose 5% on Monday" /
    # "rose 5% on Tuesday"): another figure makes it another period's report, not this one.
    figures_agree = all(any(_figure_equal(a, b) for b in pf.figures) for a in cf.figures)
    for kind in ("month", "weekday"):
        cm, pm = _alone(cf.dates, kind), _alone(pf.dates, kind)
        if not res.conflicting and not res.matched and figures_agree \
                and len(cm) == len(pm) == 1 and cm[0][0] != pm[0][0]:
            return [Finding("date", cm[0][1], pm[0][1], Relation.CONFLICT)]
    return []


_DURATION = re.compile(
    r"\A(?:(?:for|about|around|some|nearly|almost|over|under|within|below|above|at least|"
    r"more than|less than|just|in)\s+)*"
    r"(?P<n>\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|a dozen|several|a few)[\s-]+(?P<u>second|minute|hour|day|week|month|year|decade)s?"
    r"(?:[\s-]+long)?\Z", re.IGNORECASE)
_UNIT_DAYS = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7,
              "month": 30.4, "year": 365.25, "decade": 3652.5}
_COUNT_WORDS = {**NUMBER_WORDS_EN, "a": 1, "an": 1, "a dozen": 12}


def _durations(dates: Sequence[str]) -> list[tuple[float | None, str]]:
    """The lengths of time among a clause's dates, in days (None for "several", "a few"), with
    the words that give them: "three weeks" is 21 days."""
    out = []
    for d in dates:
        m = _DURATION.match(d.strip())
        if m:
            n = m.group("n").lower()
            value = float(n) if n[0].isdigit() else _COUNT_WORDS.get(n)
            out.append((None if value is None else value * _UNIT_DAYS[m.group("u").lower()], d))
        elif (parts := _compound(d)) is not None:
            out.append((sum(v for v, _ in parts), d))
    return out


_TIME_PART = re.compile(r"(?P<n>\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|"
                   r"eleven|twelve)[\s-]+(?P<u>second|minute|hour|day|week|month|year)s?",
                   re.IGNORECASE)


def _compound(text: str) -> list[tuple[float, float]] | None:
    """A length of time in several units ("1 hour 59 minutes 40.2 seconds", "two hours and
    one minute"), as (days, days of its unit) per part; None for anything else."""
    parts, rest = [], text.strip()
    for m in _TIME_PART.finditer(rest):
        n = m.group("n").lower()
        value = float(n) if n[0].isdigit() else float(_COUNT_WORDS[n])
        unit = _UNIT_DAYS[m.group("u").lower()]
        parts.append((value * unit, unit))
    leftover = re.sub(r"\b(?:and|in|for|about|some|just|under|over)\b|,", " ", _TIME_PART.sub(" ", rest))
    return parts if len(parts) >= 2 and not leftover.strip() else None


def _precision(text: str) -> float | None:
    """How exactly a length in several units is given: its smallest unit ("40 seconds" in
    "2 hours 1 minute 40 seconds": one second). A race time is read to that unit, not to the
    tenth a single unit allows ("three weeks" / "20 days")."""
    parts = _compound(text)
    return min(unit for _, unit in parts) if parts else None


_UNDER = re.compile(r"\A\s*(?:in\s+)?(?:less\s+than|under|fewer\s+than|below|within)\b", re.IGNORECASE)
_OVER = re.compile(r"\A\s*(?:in\s+)?(?:more\s+than|over|above|at\s+least)\b", re.IGNORECASE)


def _lengths_conflict(claim: tuple[float | None, str], passage: tuple[float | None, str],
                      within: float | None) -> bool:
    """Whether two lengths of time cannot both hold. A bound ("less than two hours", "more
    than two weeks") on one side holds a length on the other that falls inside it ("1 hour 59
    minutes 40.2 seconds", "three weeks") and conflicts with one outside it ("2 hours 1 minute
    40 seconds", "ten days"); two bounds are not compared; two lengths must be the same."""
    (a, ctext), (b, ptext) = claim, passage
    if a is None or b is None:
        return False
    cb = "under" if _UNDER.match(ctext) else "over" if _OVER.match(ctext) else None
    pb = "under" if _UNDER.match(ptext) else "over" if _OVER.match(ptext) else None
    if cb and pb:
        return False
    if pb:
        return (pb == "under" and a >= b) or (pb == "over" and a <= b)
    if cb:
        return (cb == "under" and b >= a) or (cb == "over" and b <= a)
    return not _same_length(a, b, within)


def _same_length(a: float | None, b: float | None, within: float | None = None) -> bool:
    """Two lengths of time a reader takes for one ("three weeks" / "21 days"); a vague one
    ("several days") is compared with nothing. ``within``: the precision of a length given in
    several units, which is compared to it instead of a tenth."""
    if a is None or b is None:
        return True
    if within is not None:
        return abs(a - b) < within * 1.0001
    return abs(a - b) <= 0.1 * max(a, b)


# The month and weekday names are the date checks' own (surface.py); of the months, the full
# names only (not "jan", "sept": a key that begins another key is an abbreviation).
_FULL_MONTHS = [k for k in MONTHS if not any(o != k and o.startswith(k) for o in MONTHS)]
_ALONE = {
    "month": re.compile(r"\A(?:(?:in|early|late|mid|by|until|from|since)[\s-]+)*"
                        rf"(?P<m>{'|'.join(_FULL_MONTHS)})\Z", re.IGNORECASE),
    "weekday": re.compile(r"\A(?:(?:on|last|this|next|early|late|by|until|from|since)\s+)*"
                          rf"(?P<m>{'|'.join(sorted(WEEKDAYS))})"
                          r"(?:\s+(?:morning|afternoon|evening|night))?\Z", re.IGNORECASE),
}


def _alone(dates: Sequence[str], kind: str) -> list[tuple[str, str]]:
    """The dates of a clause that are a month, or a weekday, alone: (which, as written)."""
    out = []
    for d in dates:
        m = _ALONE[kind].match(d.strip())
        if m:
            out.append((m.group("m").lower(), d))
    return out


_STANCE_WORDS = {
    Stance.ALLEGED: "an allegation", Stance.PLANNED: "a plan or intention",
    Stance.POSSIBLE: "a possibility", Stance.FUTURE: "something yet to happen",
    Stance.DENIED: "something denied", Stance.CONDITIONAL: "something that depends on a condition",
}


def _stance_finding(cf: Frame, pf: Frame, attribution: bool) -> Finding | None:
    """A claim is backed only under the stance it is made in: a bare fact needs a clause
    stated or reported as fact; "will appeal" needs a clause that says it will."""
    c, p = cf.stance, pf.stance
    if attribution and p in (Stance.ALLEGED, Stance.REPORTED, Stance.FACT):
        return None  # "The RIAA said X" is backed by "the RIAA alleged X": it is what they said
    if c.asserts and p.asserts or c == p:
        return None
    if c is Stance.POSSIBLE and p not in (Stance.ALLEGED, Stance.DENIED):
        return None  # "may" asks less than any stance but someone's word (Trump "claiming
        #              this would stem immigration" is not "this would stem immigration")
    if c is Stance.PLANNED and p is Stance.FUTURE:
        return None  # "will appeal" is at least the intention to
    if c is Stance.FUTURE and p.asserts:
        return None  # what a source reports done was at least going to be done
    if c is Stance.CONDITIONAL and (p.asserts or p in (Stance.FUTURE, Stance.PLANNED)):
        return None  # "will close if approved" asks less than "will close"
    words = _STANCE_WORDS.get(p, p.value)
    if p.asserts:  # "Apple to cut 500 jobs" against "Apple had cut 500 jobs"
        words = "done, not as planned or yet to happen"
    if pf.speaker is not None and p is Stance.ALLEGED:
        words = f"{words} by {pf.speaker.text}"
    elif pf.speaker is not None and p is Stance.DENIED and not _is_pronoun(pf.speaker):
        words = f"something {pf.speaker.text} denied"
    return Finding("stance", c.value, words, Relation.UNBACKED)
