"""The detail gate: the last step of verification, run on every verifier's output.

A claim is only Supported if its numbers, dates, names and quotes occur in the passages that
will be cited for it (I4, I5). The verifiers check details per passage, but a verdict can still
rest on passages that together lack one (a name the entity cap lets through, a verifier backend
that reads meaning only). This step checks the verdict against exactly the passages the
explainer will cite and, when one is missing, turns the verdict into Not enough evidence before
the verification is stored -- so the verdict in the store is the one published, and the
composer never changes a verdict (one owner per artefact).

It runs in the pipeline's verify stage, not inside one verifier class, so that the LLM judge and
any other backend are held to the same rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Citation, Claim, ClaimVerification, GatedDetail, GateSignal, Verdict
from .checks import check_dates, check_entities, check_numbers, extract_quotes, quote_found
from .names import NameMatcher

#: The signal a gated verification carries (``VerdictSignals.detail_gate``): what was missing,
#: and the verdict it replaced.
GATE_SIGNAL = "detail_gate"
REASON_NOTHING_CITABLE = "no passage could be cited for it"


@dataclass(frozen=True)
class MissingDetail:
    """A detail of the claim that none of its cited passages holds."""

    kind: str  # "figure", "date", "name", "quote"
    text: str  # as written in the claim

    def words(self) -> str:
        if self.kind == "quote":
            return f"the quoted words “{self.text}”"
        # A date read at the end of a sentence keeps its full stop ("25 September.").
        return f"the {self.kind} '{self.text.rstrip('.,;:')}'"


def missing_details(claim: Claim, passages: list[str],
                    names: NameMatcher | None = None) -> list[MissingDetail]:
    """The claim's figures, dates, names and quotes that ``passages`` lack, typed.

    The same test as :func:`groundbrief.verify.checks.missing_facts` (I4/I5), kept by kind so
    the reason can say what is missing in words. An attribution claim's speaker is left to the
    verifier's speaker check: "X said" may be worded differently in the passage. ``names``:
    match names across languages too (a Dutch claim's "Californië" in an English passage).
    """
    joined = "\n\n".join(passages)
    out: list[MissingDetail] = []
    out += [MissingDetail("figure", x) for x in check_numbers(claim.text, joined).missing]
    out += [MissingDetail("date", x) for x in check_dates(claim.text, joined).missing]
    out += [MissingDetail("name", x) for x in check_entities(claim.text, joined, names).missing
            if not (claim.kind == "attribution" and claim.speaker and x in claim.speaker)]
    # A quote must sit inside one passage: stitching it from two would invent it.
    out += [MissingDetail("quote", q) for q in extract_quotes(claim.text)
            if not any(quote_found(q, p) for p in passages)]
    seen: set[tuple[str, str]] = set()
    return [d for d in out if not ((d.kind, d.text) in seen or seen.add((d.kind, d.text)))]


def gate_reason(missing: list[MissingDetail]) -> str:
    """What no supporting passage gives, in words ("no supporting source gives the figure
    '89'"). It names only details absent from every cited passage, by construction."""
    return "no supporting source gives " + or_list([d.words() for d in missing])


def or_list(items: list[str]) -> str:
    """"a", "a or b", "a, b or c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def gate(claim: Claim, verification: ClaimVerification,
         cited: list[Citation], names: NameMatcher | None = None) -> ClaimVerification:
    """``verification`` as it may be published, given the passages it would cite.

    Only a Supported verdict is checked: it is the one that publishes the claim as known.
    ``names``: the verifier's matcher of names across languages, for a claim whose cited
    sources are in another language (the verifier matched its names that way).
    """
    if verification.verdict is not Verdict.SUPPORTED:
        return verification
    missing: list[MissingDetail] = []
    if cited:
        missing = missing_details(claim, [c.quote for c in cited], names)
        if not missing:
            return verification
        reason = gate_reason(missing)
    else:
        reason = REASON_NOTHING_CITABLE
    signals = verification.signals.model_copy(deep=True)
    signals.detail_gate = GateSignal(
        replaced=verification.verdict.value,
        missing=[GatedDetail(kind=d.kind, text=d.text) for d in missing],
        passages=[c.passage_id for c in cited],
    )
    # Nothing is cited for a claim that is not supported (pipeline._apply): the passages that
    # lacked the detail are not its evidence.
    signals.supporting = []
    return verification.model_copy(update={
        "verdict": Verdict.NOT_ENOUGH_EVIDENCE,
        "confidence": _not_enough_confidence(verification),
        "reason": reason,
        "signals": signals,
    })


def _not_enough_confidence(v: ClaimVerification) -> float:
    """The verifier's own chance that its most telling passage says nothing either way, as for
    any Not enough evidence verdict; a backend that gives none is read as 1 - its confidence."""
    chances = [j.signals.p_not_enough_evidence for j in v.judgements
               if j.signals.p_not_enough_evidence is not None]
    return round(float(min(chances)), 6) if chances else round(1.0 - v.confidence, 6)
