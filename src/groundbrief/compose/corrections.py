"""What the sources say instead of a refuted claim, and both sides of a conflicting one.

Nothing here is generated: each side is a span of a stored passage, verbatim (whole sentences),
cited to that passage, chosen from what the verifier recorded -- the refuting passage with the
strongest contradiction, the passage sentence it aligned with the claim, and the conflicts in
words ("sources say 95, not 89 (the age)"). A reader sees the correcting sentence beside the
refuted claim and can follow its marker to the source (I1, I2), instead of being told that no
source was cited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Citation, Claim, Statement, Verdict
from ..text import sentence_spans
from ..verify.checks import content_overlap

# A conflict in words, as verify/roles.Finding.words() writes it: "sources say 95, not 89 (the
# age)". The passage's value is what the correcting sentence must show.
_CONFLICT = re.compile(
    r"^sources say (?P<passage>.+?), not (?P<claim>.+?)(?: \((?P<what>[^()]+)\))?$")


@dataclass(frozen=True)
class Conflict:
    """One conflict the verifier found: the passage's value against the claim's, in a role."""

    passage: str  # what the sources say ("95")
    claim: str  # what the claim says ("89")
    what: str | None  # the role in words ("the age"), when given
    line: str  # the verifier's words for it

    @property
    def readable(self) -> bool:
        """Whether "sources say <passage>, not <claim>" tells a reader something: the two
        values differ by more than a negation ("not found, not found" says nothing)."""
        a, b = _words(self.passage) - _NEGATIONS, _words(self.claim) - _NEGATIONS
        return bool(a) and a != b


_NEGATIONS = frozenset({"not", "no", "never", "n't", "none", "nothing"})


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+(?:'t)?", text.lower()))


def conflicts(claim: Claim) -> list[Conflict]:
    """The conflicts recorded for a refuted claim that read as "sources say X, not Y", in the
    verifier's order."""
    out = []
    for line in says(claim):
        m = _CONFLICT.match(line)
        if m:
            found = Conflict(m["passage"], m["claim"], m["what"], line)
            if found.readable:
                out.append(found)
    return out


def says(claim: Claim) -> list[str]:
    """What the sources say instead, in the verifier's words ("sources say 95, not 89 (the
    age)"); empty when it recorded none."""
    recorded = claim.signals.correction
    if recorded is None:
        return []
    return [s for s in recorded.says if s.strip()]


def correction(claim: Claim) -> Statement | None:
    """The refuting source's own words beside a Refuted or Conflicting claim, cited."""
    if claim.verdict not in (Verdict.REFUTED, Verdict.CONFLICTING):
        return None
    recorded = claim.signals.correction
    passage_id = recorded.passage_id if recorded is not None else None
    cite = _citation(claim, passage_id, "contradiction", claim.signals.refuting)
    if cite is None:
        return None
    aligned = recorded.sentence if recorded is not None else None
    values = [c.passage for c in conflicts(claim)]
    return Statement(text=_span(cite.quote, claim.text, aligned, values), citations=[cite])


def confirmation(claim: Claim) -> Statement | None:
    """For a Conflicting claim, the supporting source's own words, cited."""
    if claim.verdict is not Verdict.CONFLICTING:
        return None
    cite = _citation(claim, None, "support", claim.signals.supporting)
    if cite is None:
        return None
    return Statement(text=_span(cite.quote, claim.text, None, []), citations=[cite])


# ---------------------------------------------------------------- helpers


def _citation(claim: Claim, passage_id: str | None, score: str,
              side: object) -> Citation | None:
    """The claim's evidence citation of ``passage_id``, else its strongest one on ``side``.

    Always one of the claim's evidence: those carry the verifier's scores (I1) and are listed
    in Sources (I2).
    """
    named = set(side) if isinstance(side, list) else set()
    for c in claim.evidence:
        if passage_id is not None and c.passage_id == passage_id:
            return c
    pool = [c for c in claim.evidence if c.passage_id in named]
    if not pool:
        return None
    return max(pool, key=lambda c: (getattr(c, score), c.passage_id))


def _span(text: str, claim_text: str, aligned: str | None, values: list[str]) -> str:
    """Whole sentences of ``text``, verbatim, that show what the source says.

    The sentence holding a value the sources give instead ("He was 95."), preceded by the
    sentence the verifier aligned with the claim when that one comes right before it (so
    "He" has its name); else the aligned sentence; else the sentence closest to the claim.
    """
    spans = sentence_spans(text) or [(0, len(text))]
    sentences = [text[a:b] for a, b in spans]
    at_aligned = None
    if aligned:
        at_aligned = next((i for i, s in enumerate(sentences) if aligned.strip() in s
                           or s in aligned), None)
    at_value = None
    for value in values:
        pattern = re.compile(rf"(?<!\w){re.escape(value)}(?!\w)", re.IGNORECASE)
        hits = [i for i, s in enumerate(sentences) if pattern.search(s)]
        if hits:
            # The hit nearest after the aligned sentence: the value of the same event.
            after = [i for i in hits if at_aligned is None or i >= at_aligned]
            at_value = (after or hits)[0]
            break
    if at_value is not None:
        first = at_aligned if at_aligned is not None and at_value - 1 <= at_aligned <= at_value \
            else at_value
        return text[spans[first][0]:spans[at_value][1]]
    if at_aligned is not None:
        return sentences[at_aligned]
    best = max(range(len(sentences)), key=lambda i: (content_overlap(claim_text, sentences[i]), -i))
    return sentences[best]
