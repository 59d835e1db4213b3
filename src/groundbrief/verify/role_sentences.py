"""What a whole passage sentence says against a claim, read from its words where the clause
comparison (verify/roles.py) cannot align it: a result on the other side of a mark ("fell short
of expectations" / "beat expectations", "two hours late" / "on time"), a thing named by another
nationality, none of the deed happened ("no deaths occurred in police custody"), a complement
the same finder negates ("found him not guilty"). Each returns the finding and the sentence to
cite.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .findings import Finding, Relation
from .opposites import BARE_VERBS, opposite
from .participants import arg_in_text, arg_same, is_pronoun
from .parts import AGENT, PATIENT, Frame
from .surface import MONTHS, STOPWORDS, WEEKDAYS

__all__ = ["against_forecast", "complement_negated", "either_side", "none_happened",
           "other_nationality"]


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


#: On time, or late: "The train left on time" / "The train left two hours late".
_ON_TIME = re.compile(r"\b(?:on\s+time|on\s+schedule|punctually)\b", re.IGNORECASE)
_LATE = re.compile(r"\b(?:(?:\w+\s+)?(?:hours?|minutes?|days?|weeks?)\s+(?:late|behind\s+schedule)"
                   r"|behind\s+schedule|late(?=\s*(?:[.,;!]|$|and\b|but\b|because\b|after\b|due\b))"
                   r"|(?:was|were|been)\s+delayed)\b", re.IGNORECASE)
#: A negation just before a phrase ("did not beat", "failed to meet", "never left on time").
_NEGATED_BEFORE = re.compile(
    r"\b(?:not|n't|never|no|failed\s+to|fails\s+to|fail\s+to)\s+(?:\w+\s+)?\Z", re.IGNORECASE)
#: Phrases that put one result on either side of a mark (above or below expectations, on time
#: or late), read from the words.
_EITHER_SIDE = ((_ABOVE_FORECAST, _BELOW_FORECAST), (_ON_TIME, _LATE))


def either_side(claim: str, passage: str) -> Iterator[tuple[str, str, str, bool]]:
    """Each time the claim puts a result on one side of a mark and a passage sentence about
    the claim's subject (its first content word before the claim's phrase, and most of the
    others) puts it on the other: the claim's phrase, the passage's, that sentence, and whether
    one of the two phrases is negated, so that the two agree ("did not beat expectations" says
    what "fell short" says, "beat expectations" what "did not fall short"). Both negated say
    nothing of each other."""
    sides = [(a, b) for pair in _EITHER_SIDE for a, b in (pair, pair[::-1])]
    for mine, other in sides:
        said = mine.search(claim)
        if said is None or other.search(claim):
            continue
        negated = _NEGATED_BEFORE.search(claim[:said.start()]) is not None
        # the verb may differ: "was completed on schedule" / "was delayed by a year"
        subject = [w.lower() for w in re.findall(r"[A-Za-z]{3,}", claim[:said.start()])
                   if w.lower() not in STOPWORDS and w.lower() not in ("not", "never")]
        for sentence in re.split(r"(?<=[.!?])\s+", passage):
            given = other.search(sentence)
            if given is None or mine.search(sentence) or not subject:
                continue
            denied = _NEGATED_BEFORE.search(sentence[:given.start()]) is not None
            words = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", sentence[:given.start()])}
            if (subject[0] in words and 2 * sum(w in words for w in subject) >= len(subject)
                    and not (negated and denied)):
                yield said.group(0), given.group(0), sentence, negated or denied


def against_forecast(sides: Sequence[tuple[str, str, str, bool]]) -> tuple[Finding, str] | None:
    """Of a claim's and a passage's results on either side of a mark (:func:`either_side`, read
    once per pair), the first with neither phrase negated: "The company's profit fell short of
    expectations" against "The company's profit beat expectations", "The train left two hours
    late" against "The train left on time". A conflict, citing that sentence."""
    return next(((Finding("predicate", said, given, Relation.CONFLICT), sentence)
                 for said, given, sentence, negated in sides if not negated), None)


#: Nouns of a deed a passage says none of happened ("no deaths occurred"), with the claim
#: verbs they deny.
_DEED_NOUN_VERBS = {"death": {"die", "kill"}, "fatality": {"die", "kill"},
                    "killing": {"kill"}, "arrest": {"arrest", "detain"},
                    "injury": {"injure", "hurt", "wound"}, "casualty": {"die", "kill", "injure"}}
_HAPPENING = frozenset({"occur", "happen", "take_place", "be", "report", "record", "register"})


def none_happened(cf: Frame, pframes: Sequence[Frame]) -> tuple[Finding, str] | None:
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
                  and any(a.head == b.head and arg_same(a, b) for b in pf.args.values())]
        claim_dates = {w.lower() for d in cf.dates for w in d.split()} | {
            w for a in cf.args.values() for w in a.modifiers if w in MONTHS}
        their_dates = {w.lower() for d in pf.dates for w in d.split()}
        if not shared or (claim_dates and their_dates and not claim_dates & their_dates):
            continue
        return (Finding("polarity", cf.predicate_text, f"{deed.text} {pf.predicate_text}",
                        Relation.CONFLICT), pf.sentence)
    return None


def complement_negated(cf: Frame, pframes: Sequence[Frame]) -> tuple[Finding, str] | None:
    """The claim's complement negated by the same finder in the passage: "The jury found him
    not guilty" against "The jury found him guilty" (the parser reads the claim's "him guilty"
    as a clause of its own, the passage's "not guilty" as a word of "found"). A conflict of
    polarity, citing that sentence. (The other way round, a claim "found him not guilty",
    is left to the model and the negation check.)"""
    who = cf.speaker or cf.args.get(AGENT)
    if who is None or is_pronoun(who) or cf.negated:
        return None
    for pf in pframes:
        finder = pf.args.get(AGENT)
        if finder is None or not arg_same(who, finder) or pf.negated:
            continue
        if f"not_{cf.predicate}" in pf.words:
            return (Finding("polarity", cf.predicate_text, f"not {cf.predicate}",
                            Relation.CONFLICT), pf.sentence)
    return None


#: Verbs that give their object a state by a complement ("declared the protest unlawful").
_DECLARING = frozenset({"declare", "rule", "deem", "find", "judge", "pronounce", "call", "brand"})


def declared_otherwise(cf: Frame, pframes: Sequence[Frame]) -> tuple[Finding, str] | None:
    """A state the claim gives its subject ("The protest was legal"), which a passage clause
    declares the opposite of for the same thing ("Police declared the protest unlawful"): a
    conflict, citing that sentence. Only a claim whose predicate is the state itself, and a
    passage clause that names the claim's subject."""
    subject = cf.args.get(AGENT) or cf.args.get(PATIENT)
    if subject is None or is_pronoun(subject) or cf.negated or len(cf.args) != 1:
        return None
    for pf in pframes:
        if pf.predicate not in _DECLARING or pf.negated or pf.under_negation \
                or subject.head not in pf.words:
            continue
        state = next((w for w in sorted(pf.words - cf.words) if opposite(cf.predicate, w)), None)
        if state is not None:
            return (Finding("predicate", cf.predicate_text, f"{pf.predicate_text} {state}",
                            Relation.CONFLICT), pf.sentence)
    return None


def other_nationality(cfs: Sequence[Frame], pframes: Sequence[Frame],
                      passage: str) -> tuple[Finding, str] | None:
    """A thing the claim names by a nationality the passage never gives, where a passage
    sentence names the same thing by another and holds the claim's places: "the German
    embassy" (in Sudan) against "the French embassy in Sudan", "A Greek tanker sank off the
    coast of Turkey" against "A Russian tanker sank ...". A conflict, citing that sentence.
    Only one other nationality for the thing (a sentence naming several embassies says nothing
    of the claim's), and the sentence must tell the claim's event: its places, or, where the
    claim names none, its deed; and no year other than the claim's ("the European heat wave of
    2003" is not "the 2006 North American heat wave")."""
    claim = cfs[0].sentence or cfs[0].text
    places = {n.name for cf in cfs for n in cf.names if n.name_type == "PLACE"}
    deeds = {cf.predicate for cf in cfs if cf.predicate not in BARE_VERBS}
    years = set(re.findall(r"\b(?:1[89]|20)\d\d\b", claim))
    theirs = {n.name for pf in pframes for n in pf.names if n.name_type == "NORP"}
    for name in (n for cf in cfs for n in cf.names):
        if name.name_type != "NORP" or arg_in_text(name, passage):
            continue
        thing = re.search(rf"\b{re.escape(name.name or name.text)}\s+([a-z][a-z-]+)\b", claim)
        if thing is None or thing.group(1) in STOPWORDS:
            continue
        for sentence in dict.fromkeys(pf.sentence for pf in pframes if pf.sentence):
            others = {m for m in theirs if re.search(
                rf"\b{re.escape(m)}\s+{re.escape(thing.group(1))}\b", sentence)}
            told = (all(p in sentence for p in places) if places
                    else any(d in pf.words | {pf.predicate} for pf in pframes
                             if pf.sentence == sentence for d in deeds))
            other_years = set(re.findall(r"\b(?:1[89]|20)\d\d\b", sentence)) - years
            if len(others) == 1 and told and not (years and other_years):
                other = others.pop()
                return (Finding("name", f"{name.name or name.text} {thing.group(1)}",
                                f"{other} {thing.group(1)}", Relation.CONFLICT), sentence)
    return None
