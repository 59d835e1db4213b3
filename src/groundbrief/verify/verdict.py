"""One verdict per claim from its per-passage judgements, shared by every verifier backend.

The default verifier and the LLM judge both judge passages one by one (their own way) and
then call :func:`shortlist` and :func:`aggregate` here, so "supported", "refuted", "conflicting"
and the reasons a reader sees mean the same whichever backend ran.
"""

from __future__ import annotations

from collections.abc import Sequence
from ..models import (
    Claim,
    ClaimVerification,
    CorrectionSignal,
    PassageJudgement,
    ScoredPassage,
    Verdict,
    VerdictSignals,
)
from .reasons import NO_SOURCE_GIVES, missing_in_words

REASON_NO_SOURCE = "no source found"
REASON_NO_SUPPORT = "no source found that supports it"
REASON_CONFLICT = "sources conflict"
REASON_REFUTED = "sources refute it"
REASON_ATTRIBUTION = "attribution not confirmed"
REASON_DETAIL = NO_SOURCE_GIVES  # "no source gives the figure '89'" (verify/reasons.py)
REASON_OPINION = "opinion: kept as the speaker's view, not checked"

#: Items of a pair's "contradiction_raised_by" that are not conflicts (floors it recorded).
NOT_CONFLICTS = frozenset({"attributed verbatim quote", "restated in one sentence"})


def shortlist(passages: Sequence[ScoredPassage], top_n: int) -> list[ScoredPassage]:
    """The ``top_n`` passages by retrieval score, each passage once, ties in given order. The
    model sees only these: it is the slow part."""
    seen: set[str] = set()
    unique = []
    for sp in passages:
        if sp.passage.id not in seen:
            seen.add(sp.passage.id)
            unique.append(sp)
    ranked = sorted(enumerate(unique), key=lambda t: (-t[1].score, t[0]))
    return [sp for _, sp in ranked[:top_n]]


def settled_without_evidence(claim: Claim,
                             passages: Sequence[ScoredPassage]) -> ClaimVerification | None:
    """The verdicts no verifier needs a model for: an opinion, or a claim with no passage."""
    if claim.kind == "opinion":
        return ClaimVerification(
            claim_id=claim.id, verdict=Verdict.NOT_CHECKWORTHY, confidence=1.0,
            reason=REASON_OPINION, signals=VerdictSignals(kind="opinion"),
        )
    if not passages:
        return ClaimVerification(
            claim_id=claim.id, verdict=Verdict.NOT_ENOUGH_EVIDENCE, confidence=1.0,
            reason=REASON_NO_SOURCE, signals=VerdictSignals(passages_judged=0),
        )
    return None


def aggregate(claim: Claim, judgements: list[PassageJudgement],
              by_id: dict[str, ScoredPassage], *, model: str,
              support_threshold: float) -> ClaimVerification:
    """One verdict from the per-passage judgements: Supported if some passage supports the
    claim, Refuted if some refute it and none support it, Conflicting if independent sources
    (different source and outlet) do both, Not enough evidence otherwise -- the honest default."""
    supporters = [j for j in judgements if j.signals.verdict is Verdict.SUPPORTED]
    refuters = [j for j in judgements if j.signals.verdict is Verdict.REFUTED]
    signals = VerdictSignals(
        passages_judged=len(judgements),
        model=model,
        max_support=max(j.support for j in judgements),
        max_contradiction=max(j.contradiction for j in judgements),
        supporting=[j.passage_id for j in supporters],
        refuting=[j.passage_id for j in refuters],
    )

    def best(js: list[PassageJudgement], verdict: Verdict) -> float:
        return max(j.signals.probability(verdict) for j in js)

    if supporters and refuters:
        if _independent(supporters, refuters, by_id):
            conf = min(best(supporters, Verdict.SUPPORTED), best(refuters, Verdict.REFUTED))
            return _result(claim, Verdict.CONFLICTING, conf, judgements, signals,
                                REASON_CONFLICT)
        stating = [j for j in supporters if _states_claim(j)]
        stating_sources = {by_id[j.passage_id].source.id for j in stating}
        if stating and all(by_id[j.passage_id].source.id in stating_sources
                           for j in refuters):
            # A story does not contradict a sentence it prints: when one of its passages
            # states the claim (nearly all its words, every detail, same polarity), a
            # passage *of the same story* that seems to conflict is about another figure
            # (another quarter, another row of a results table). Two stories of one outlet
            # are not one story: the later may correct the earlier.
            signals.supporting = [j.passage_id for j in stating]
            signals.outweighed, signals.refuting = signals.refuting, []
            return _result(claim, Verdict.SUPPORTED, best(stating, Verdict.SUPPORTED),
                                judgements, signals, None)
        explicit = [j for j in refuters if j.signals.parts.aligned and j.signals.parts.conflicts]
        if explicit and not stating and not any(j.signals.parts.aligned for j in supporters):
            # The other way round: a passage whose clause about the claim's event contradicts
            # one of its parts ("The spire ... collapsed" against "The spire survived") outweighs
            # passages of the same story that never speak of that event, whose support is the
            # model's reading of shared words ("Renovation work was ongoing in the building").
            signals.outweighed, signals.supporting = signals.supporting, []
            supporters = []
        else:
            # One source on both sides is one confused source, not two that disagree.
            conf = min(j.signals.probability(Verdict.NOT_ENOUGH_EVIDENCE) for j in judgements)
            return _result(claim, Verdict.NOT_ENOUGH_EVIDENCE, conf, judgements, signals,
                           f"{REASON_CONFLICT}: one source says both")
    if supporters:
        return _result(claim, Verdict.SUPPORTED, best(supporters, Verdict.SUPPORTED),
                            judgements, signals, None)
    if refuters:
        correction = _correction(claim, refuters, by_id)
        signals.correction = correction
        reason = REASON_REFUTED
        if correction.says:
            reason = f"{REASON_REFUTED}: {correction.says[0]}"
        return _result(claim, Verdict.REFUTED, best(refuters, Verdict.REFUTED),
                            judgements, signals, reason)
    # The chance that even the most telling passage says nothing either way.
    conf = min(j.signals.probability(Verdict.NOT_ENOUGH_EVIDENCE) for j in judgements)
    return _result(claim, Verdict.NOT_ENOUGH_EVIDENCE, conf, judgements, signals,
                        _unsupported_reason(claim, judgements, support_threshold, by_id))

def _unsupported_reason(claim: Claim, judgements: list[PassageJudgement],
                        t: float, by_id: dict[str, ScoredPassage]) -> str:
    """Say what stopped the passages the model found supportive, naming only details that
    no judged passage has (verify/reasons.py), else "no source"."""
    nli_support = [j for j in judgements if j.signals.nli and j.signals.nli[0] >= t]
    if claim.kind == "attribution" and any(
        j.signals.content_support >= t for j in judgements
    ):
        return REASON_ATTRIBUTION
    # Without a passage the model found supportive, those on the claim's subject say what
    # is missing ("Mugabe died aged 89" beside passages on his death that never say 89).
    # A passage whose clause the part-by-part reading aligned with the claim's, and found a
    # part it does not back in, speaks of the claim's event too ("started in the garage" for
    # "started in the kitchen"), whatever the model made of it.
    # Else one whose clause tells another deed of the claim's participants ("are still being
    # held" for "were freed"): the finding shows the passage's words instead.
    telling = (nli_support or [j for j in judgements if j.signals.subject_agreement]
               or [j for j in judgements if j.signals.parts.aligned and j.signals.parts.unbacked]
               or [j for j in judgements if any(f.words.startswith("sources say ")
                                                for f in j.signals.parts.findings
                                                if f.relation == "unbacked")])
    if claim.kind == "attribution" and any(
            f.role == "speaker" for j in telling for f in j.signals.parts.findings):
        return REASON_ATTRIBUTION  # who said it is what failed, not a detail of what was said
    details = missing_in_words(claim, telling, [sp.passage.text for sp in by_id.values()])
    if details:
        return details
    if claim.kind == "attribution":
        return REASON_ATTRIBUTION
    return REASON_NO_SUPPORT


def _result(claim: Claim, verdict: Verdict, confidence: float,
            judgements: list[PassageJudgement], signals: VerdictSignals,
            reason: str | None) -> ClaimVerification:
    return ClaimVerification(
        claim_id=claim.id, verdict=verdict, confidence=round(float(confidence), 6),
        judgements=judgements, signals=signals, reason=reason,
    )


def _correction(claim: Claim, refuters: list[PassageJudgement],
                by_id: dict[str, ScoredPassage]) -> CorrectionSignal:
    """What the sources say instead of a refuted claim: the refuting passage with the strongest
    contradiction, the sentence of it that conflicts, and the conflicts in words."""
    j = max(refuters, key=lambda r: (r.contradiction, r.passage_id))
    parts = j.signals.parts
    says = list(parts.conflicts)
    if not says:  # a conflict found by the figure/date/negation checks
        worded = {"negation": "sources say the opposite",
                  "direction": "sources give the opposite direction"}
        passage = by_id[j.passage_id].passage.text if j.passage_id in by_id else ""
        says = [worded.get(item) or _value_instead(item, claim.text, passage)
                for item in j.signals.contradiction_raised_by
                if item not in NOT_CONFLICTS]
    return CorrectionSignal(passage_id=j.passage_id, sentence=parts.aligned, says=says)


def _value_instead(item: str, claim_text: str, passage: str) -> str:
    """A figure or date of the claim that the passage gives otherwise, as "sources say 7
    people, not nine" -- the passage's own words, so the reader sees what it says and the
    correcting sentence can be found by them; "another value than" when none can be named."""
    from .dates import extract_dates
    from .figures import extract_figures

    for q in extract_figures(claim_text):
        if q.text == item:
            for p in extract_figures(passage):
                if q.conflicts_with(p):
                    return f"sources say {p.text}, not {q.text}"
    for d in extract_dates(claim_text):
        if d.text == item:
            for p in extract_dates(passage):
                if (p.year is not None or p.month is not None) and d.differs_from(p):
                    return f"sources say {p.text.rstrip('.,;:')}, not {d.text.rstrip('.,;:')}"
    return f"sources give another value than {item}"


def _states_claim(j: PassageJudgement) -> bool:
    """Whether the passage states the claim itself: one of its sentences holds nearly all the
    claim's content words (RESTATED_OVERLAP) with the same polarity, and the passage holds every
    number, date, name and quote of the claim."""
    return j.signals.states_claim


def _independent(a: list[PassageJudgement], b: list[PassageJudgement],
                 by_id: dict[str, ScoredPassage]) -> bool:
    """True when some passage of ``a`` and some of ``b`` come from different sources *and*
    different outlets (two stories of one outlet are not independent)."""
    for x in a:
        for y in b:
            sx, sy = by_id[x.passage_id].source, by_id[y.passage_id].source
            if sx.id == sy.id:
                continue
            if sx.outlet and sy.outlet and sx.outlet.strip().lower() == sy.outlet.strip().lower():
                continue
            return True
    return False
