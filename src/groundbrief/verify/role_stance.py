"""The stance a passage clause states the claim's clause under: a fact, a report, an allegation,
a plan, a denial; a hedge over it ("reportedly"); a speaker who did not say it ("did not say").
An allegation or a plan does not back the bare fact; a denied attribution refutes it.
"""

from __future__ import annotations

import re

from .findings import Finding, Relation
from .participants import SELF_DESCRIPTIONS, arg_same, is_pronoun
from .parts import AGENT, Argument, Frame, Stance, norm

#: The claim's part of a polarity finding that denies its attribution ("did not say").
SAID = "said"
#: A verb of saying denied ("did not say", "never said"): over an attributed clause, the
#: attribution's opposite.
NOT_SAID = re.compile(r"\b(?:did\s+not|didn't|does\s+not|doesn't|has\s+not|hasn't|had\s+not|"
                      r"never)\s+(?:say|said|tell|told|state|stated|write|wrote)\b",
                      re.IGNORECASE)


def speaks_of_itself(pf: Frame, speaker: Argument) -> bool:
    """Whether the passage clause's speaker is a description ("the company") of the claim's
    speaker, named as the one doing what the clause says ("Tesla plans ..., the company said")."""
    said_by = pf.speaker
    if said_by is None or said_by.name_type or said_by.head not in SELF_DESCRIPTIONS:
        return False
    if not norm(said_by.text).startswith("the "):
        return False  # "a company said": some other company
    agent = pf.args.get(AGENT)
    return agent is not None and arg_same(speaker, agent)


_HEDGES = re.compile(r"\b(allegedly|reportedly|reputedly|purportedly|supposedly|apparently|"
                     r"seemingly|possibly|probably|presumably|perhaps)\b,?\s+((?:[\w.'’-]+\s*){1,3})",
                     re.IGNORECASE)


def hedge_over(cf: Frame, sentence: str) -> str | None:
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


_STANCE_WORDS = {
    Stance.ALLEGED: "an allegation", Stance.PLANNED: "a plan or intention",
    Stance.POSSIBLE: "a possibility", Stance.FUTURE: "something yet to happen",
    Stance.DENIED: "something denied", Stance.CONDITIONAL: "something that depends on a condition",
    Stance.REQUESTED: "something asked or ordered of them",
}


def stance_words(stance: Stance) -> str:
    """What a stance other than fact makes of a statement, in the reader's words."""
    return _STANCE_WORDS.get(stance, stance.value)


#: A time the clause puts in the past, relative to its telling ("last year", "two weeks ago").
_PAST_TIME = re.compile(
    r"\b(?:last\s+(?:week|month|year|weekend|night|season|spring|summer|autumn|fall|winter|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday|"
    r"(?:\d+|a|one|two|three|four|five|six|several|few)\s+(?:days?|weeks?|months?|years?)\s+ago|"
    r"earlier\s+this\s+(?:week|month|year))\b", re.IGNORECASE)


def stance_finding(cf: Frame, pf: Frame, attribution: bool) -> Finding | None:
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
        # what a source reports done was at least going to be done -- unless the source dates
        # the deed in the past ("cut 500 jobs last year" is another round than "will cut")
        past = _PAST_TIME.search(pf.text or pf.sentence)
        if past is not None:
            return Finding("stance", c.value, f"done {past.group(0)}, not yet to happen",
                           Relation.UNBACKED)
        return None
    if c is Stance.CONDITIONAL and (p.asserts or p in (Stance.FUTURE, Stance.PLANNED)):
        return None  # "will close if approved" asks less than "will close"
    words = _STANCE_WORDS.get(p, p.value)
    if p.asserts:  # "Apple to cut 500 jobs" against "Apple had cut 500 jobs"
        words = "done, not as planned or yet to happen"
    if pf.speaker is not None and p is Stance.ALLEGED:
        words = f"{words} by {pf.speaker.text}"
    elif pf.speaker is not None and p is Stance.DENIED and not is_pronoun(pf.speaker):
        words = f"something {pf.speaker.text} denied"
    return Finding("stance", c.value, words, Relation.UNBACKED)
