"""Why a claim is not supported, in words a reader can check against the sources.

A reason that says what no source gives must be true of every passage the verifier read for the
claim: "no source gives the figure '11'" is false when one passage holds "all 11 Justices", even
if the passage the model liked best did not. So the details named here are those absent from
all judged passages, checked against their text, and typed ("the figure '89'", "the date 'next
week'", "the quoted words “a condition of travel”"), with the part-by-part findings worded by
verify/roles.py ("no source gives the age '89'", "sources report it only as an allegation by
The RIAA") kept only when they hold for every passage too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import Claim, PassageJudgement
from .gate import MissingDetail, missing_details, or_list
from .names import find_name, passage_names

#: How every reason about absent details begins (also the prefix callers may test for).
NO_SOURCE_GIVES = "no source gives"

# verify/roles.Finding.words() for a part no passage backs: "no source gives the age '89'".
_NOT_GIVEN = re.compile(r"^no source gives (?:[^']*? )?'(?P<value>[^']+)'")


def missing_in_words(claim: Claim, supportive: Sequence[PassageJudgement],
                     passages: Sequence[str]) -> str | None:
    """What kept the passages the model found supportive from supporting ``claim``, in words,
    naming only what no passage of ``passages`` (every passage judged) has; None when nothing
    specific can be said truthfully."""
    if not supportive:
        return None
    findings: list[str] = []
    told: set[str] = set()
    for j in supportive:
        for words in j.signals.parts.unbacked:
            if _part_of(words) in told:
                continue  # one reason a part: not once for each passage's closest wording
            m = _NOT_GIVEN.match(words)
            if m and (_occurs(m["value"], passages)
                      or words.startswith("no source gives the name") and _named(m["value"], passages)):
                continue  # another passage gives it: saying "no source gives" would be false
            findings.append(words)
            told.add(_part_of(words))
    named = {m["value"].lower() for f in findings if (m := _NOT_GIVEN.match(f))}
    # Names are left out: a passage often names its subject by a pronoun or a description,
    # and the verifier does not stop a claim for that alone.
    details = [d for d in missing_details(claim, list(passages))
               if d.kind != "name" and d.text.lower() not in named]
    said: list[str] = []
    if details:
        said.append(f"{NO_SOURCE_GIVES} {or_list([d.words() for d in details])}")
    said += findings
    return "; ".join(said) if said else None


# "…, which does not confirm 'profit' (what happened)" and "no source gives 'X' (the detail);
# the closest has 'Y'": the claim's part these speak of, whatever each passage has instead.
_INSTEAD = re.compile(r", which does not confirm (?P<part>'[^']+' \([^)]*\))$")


def _part_of(words: str) -> str:
    """The claim's part a finding is about, so that two passages' findings on one part are
    told once: "no source gives 'X' (the detail)" for each closest wording, "… which does not
    confirm 'X' (what happened)" for each passage's other deed."""
    m = _INSTEAD.search(words)
    if m:
        return "confirm " + m["part"]
    return words.split("; the closest has ", 1)[0]


def _named(name: str, passages: Sequence[str]) -> bool:
    """Whether a passage names ``name`` as a reader finds it ("UK" for "the United Kingdom")."""
    return any(find_name(name, passage_names(p)) for p in passages)


def _occurs(value: str, passages: Sequence[str]) -> bool:
    pattern = re.compile(rf"(?<!\w){re.escape(value)}(?!\w)", re.IGNORECASE)
    return any(pattern.search(p) for p in passages)


__all__ = ["NO_SOURCE_GIVES", "MissingDetail", "missing_in_words"]
