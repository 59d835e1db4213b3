"""Is a claim a pure value judgement? Those get kind "opinion" and the verdict Not check-worthy.

Deliberately narrow: only a claim with no checkable fact in it is an opinion ("This is a
disgrace", "We must act now", "Is this the end of Schengen?"). "Citizens are deeply concerned
about X" stays a content claim: a survey or a report can support it. When in doubt the claim
is checked, because marking a fact as opinion would hide it from verification.
"""

from __future__ import annotations

import re

_EVALUATIVE = (
    r"disgrace|disgraceful|shame|shameful|outrage|outrageous|scandal|scandalous|ridiculous|absurd|"
    r"unacceptable|appalling|terrible|awful|wonderful|fantastic|amazing|brilliant|insane|madness|"
    r"joke|pathetic|betrayal|hypocrisy|nonsense|crazy|tragic|horrible|incredible|unbelievable|"
    r"embarrassing|disaster|disastrous|shocking|great|sad|good news|bad news|"
    r"schande|schandalig|honte|honteux|inacceptable|skandal|schande|vergüenza|vergogna|vergonha"
)
# Subjects that carry no fact of their own: the judgement is the whole claim.
_EMPTY_SUBJECT = re.compile(
    r"^(?:this|that|it|these|those|what|such|c['’]est|ce|dit|das|es|esto|eso|questo|isso)\b"
    r"(?:\s+\w+){0,4}?\s+(?:is|are|was|were|'s|’s|is just|remains|est|ist|es|è|é)?\s*"
    r"(?:an?\s+|so\s+|truly\s+|absolutely\s+|utterly\s+|simply\s+|een\s+|une?\s+|eine?\s+)*"
    r"(?:" + _EVALUATIVE + r")\b",
    re.I,
)
_EXCLAMATION = re.compile(r"^(?:what an?|how|such an?|quelle?|wat een|was für)\b", re.I)
_NORMATIVE = re.compile(
    r"\b(?:must|should|ought to|needs? to|have to|has to|it is time to|it's time to|"
    r"moet(?:en)?|il faut|doit|doivent|muss|müssen|sollte|hay que|debe|deben|bisogna|deve|devem)\b",
    re.I,
)
_FIRST_PERSON_VIEW = re.compile(
    r"^(?:i|we)\s+(?:think|believe|feel|hope|wish|fear|love|hate|demand|urge|call on)\b|"
    r"^(?:in my (?:view|opinion)|personally|frankly|honestly)\b",
    re.I,
)
_FACT_MARKER = re.compile(r"\d|%|€|\$|£")
# "Passengers must wear masks under the new rule" reports an obligation: a fact, not a call;
# so does a step still to come in a procedure.
_RULE_CONTEXT = re.compile(
    r"\b(?:law|laws|rule|rules|ruling|ruled|court|decree|regulation|required|requires|order|"
    r"ordered|under|guidelines|legislation|wet|loi|gesetz|ley|legge|lei|"
    # "Member states must still approve the plan": a step of a procedure, not a call.
    r"still|yet|encore|nog|noch)\b",
    re.I,
)


def is_opinion(text: str) -> bool:
    """True when ``text`` is a value judgement, a call to action or a question, with no fact."""
    t = text.strip().strip("\"“”‘’'«»").strip()
    if not t:
        return False
    if t.endswith("?"):
        return True
    if _FACT_MARKER.search(t):
        return False
    words = t.rstrip("!.").split()
    if t.endswith("!") and len(words) <= 3:
        return True
    return bool(
        _EMPTY_SUBJECT.match(t) or _EXCLAMATION.match(t) or _FIRST_PERSON_VIEW.match(t)
        or (_NORMATIVE.search(t) and not _RULE_CONTEXT.search(t))
    )
