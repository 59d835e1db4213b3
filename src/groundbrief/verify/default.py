"""The default verifier: a trained NLI model, deterministic detail checks, and one verdict.

Order of work for one claim:

1. Opinions are Not check-worthy; no passages means Not enough evidence ("no source found").
2. Keep the ``top_n`` passages by retrieval score and run the NLI model on all of them in one
   batch (premise = passage, hypothesis = claim).
3. For each passage, measure the details (:mod:`groundbrief.verify.checks`) and combine them
   with the model's probabilities (:func:`score_pair`): a quote not found verbatim, or a
   number, date or name of the claim absent from the passage, caps support below the
   support threshold -- the passage cannot be the evidence for that claim (I4, I5); a
   conflicting figure or a flipped negation on the same subject raises contradiction.
4. Each passage then supports, refutes (strong contradiction *and* agreement on the subject)
   or neither (:func:`passage_verdict`); the claim is Supported if some passage supports it,
   Refuted if some refute and none support, Conflicting if independent sources (different
   source and outlet) do both, and Not enough evidence otherwise -- the honest default.
5. Confidence is the calibrated probability of the chosen outcome (:func:`calibrated`).

All thresholds are module constants tuned on the *train* part of Climate-FEVER
(``groundbrief.evaluation.splits``) by ``training/calibrate.py``; the eval part is only used by
``benchmarks/eval_pairs.py`` to report.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from ..errors import BackendError
from ..interfaces import NLIModel, Verifier
from ..models import Brief, Claim, ClaimVerification, PassageJudgement, ScoredPassage, Verdict
from .checks import (
    CheckResult,
    DirectionResult,
    NegationResult,
    SpeakerResult,
    check_dates,
    check_direction,
    check_entities,
    check_negation,
    check_numbers,
    check_quotes,
    check_speaker,
    content_overlap,
)

__all__ = [
    "DefaultVerifier",
    "PairEvidence",
    "REASON_ATTRIBUTION",
    "REASON_CONFLICT",
    "REASON_DETAIL",
    "REASON_NO_SOURCE",
    "REASON_NO_SUPPORT",
    "REASON_OPINION",
    "REASON_REFUTED",
    "VerifierSettings",
    "calibrated",
    "measure_pair",
    "passage_verdict",
    "score_pair",
]

# ---------------------------------------------------------------- tuned constants
# PROVISIONAL: hand-set starting values, not yet tuned -- the bundled NLI model has not landed.
# training/calibrate.py tunes them on the Climate-FEVER train part (splits.part == "train")
# and prints the values to put here.

#: A passage supports the claim when its (capped) support score reaches this.
SUPPORT_THRESHOLD = 0.50
#: A passage refutes the claim when its contradiction score reaches this and it agrees on the
#: subject. Kept high: a false "Refuted" is the worst error a fact-checking tool can publish.
CONTRADICTION_THRESHOLD = 0.60
#: Support is capped at this when a quote, number or date of the claim is not in the passage:
#: below every sensible threshold, so such a passage can never be the claim's evidence (I4/I5).
DETAIL_CAP = 0.10
#: Cap when a name of the claim is not in the passage. Names are often replaced by pronouns or
#: descriptions in a single sentence ("the agency"), so this cap is tuned, not fixed.
ENTITY_CAP = 0.45
#: Cap for an attribution claim whose speaker the passage does not report speaking.
ATTRIBUTION_CAP = 0.10
#: Share of the claim's content words that the passage must contain to "agree on the subject"
#: when the claim names no entity (a contradiction about something else is not a refutation).
SUBJECT_OVERLAP = 0.30
#: Overlap with the closest passage sentence above which a flipped negation counts, and the
#: share of the model's support moved to contradiction when it does.
NEGATION_OVERLAP = 0.60
NEGATION_TRANSFER = 0.50
#: The same rule for an opposite direction of change ("cooled" against "warming"), with its own
#: share (0 turns it off): the cue is weaker than an explicit "not".
DIRECTION_TRANSFER = 0.25
#: Contradiction floor when the passage gives a different value for a quantity or date of the
#: claim on the same subject ("3.1%" against the claim's "2.5%").
CONFLICT_FLOOR = 0.70

#: Calibration: multinomial logistic regression of the gold pair label on
#: (logit support, logit contradiction), fitted by training/calibrate.py on the train part.
#: Rows: supported, refuted (not enough evidence is the reference class, logit 0).
#: Columns: weight of logit(support), weight of logit(contradiction), bias.
CALIBRATION = (
    (1.0, 0.0, 0.0),
    (0.0, 1.0, 0.0),
)

#: The NLI model sees only the best passages by retrieval score: it is the slow part.
TOP_N = 8

REASON_NO_SOURCE = "no source found"
REASON_NO_SUPPORT = "no source found that supports it"
REASON_CONFLICT = "sources conflict"
REASON_REFUTED = "sources refute it"
REASON_ATTRIBUTION = "attribution not confirmed"
REASON_DETAIL = "a detail (quote, number, date) missing"
REASON_OPINION = "opinion: kept as the speaker's view, not checked"


@dataclass(frozen=True)
class VerifierSettings:
    """The tunable constants above, as one object (so calibration can search over them)."""

    support_threshold: float = SUPPORT_THRESHOLD
    contradiction_threshold: float = CONTRADICTION_THRESHOLD
    detail_cap: float = DETAIL_CAP
    entity_cap: float = ENTITY_CAP
    attribution_cap: float = ATTRIBUTION_CAP
    subject_overlap: float = SUBJECT_OVERLAP
    negation_overlap: float = NEGATION_OVERLAP
    negation_transfer: float = NEGATION_TRANSFER
    direction_transfer: float = DIRECTION_TRANSFER
    conflict_floor: float = CONFLICT_FLOOR
    calibration: tuple[tuple[float, float, float], ...] = CALIBRATION
    top_n: int = TOP_N

    def with_(self, **changes: Any) -> VerifierSettings:
        return replace(self, **changes)


# ---------------------------------------------------------------- one pair


@dataclass(frozen=True)
class PairEvidence:
    """Everything measured about one claim-passage pair, before any threshold is applied."""

    probs: tuple[float, float, float]  # NLI: entailment, neutral, contradiction
    numbers: CheckResult
    dates: CheckResult
    entities: CheckResult
    quotes: CheckResult
    negation: NegationResult
    direction: DirectionResult
    overlap: float  # share of the claim's content words in the whole passage
    speaker: SpeakerResult | None = None  # only for attribution claims
    attribution: bool = False


def measure_pair(
    claim_text: str,
    passage_text: str,
    probs: Sequence[float],
    *,
    quotes: list[str] | None = None,
    speaker: str | None = None,
    attribution: bool = False,
) -> PairEvidence:
    """Run every deterministic check of ``claim_text`` against ``passage_text``."""
    return PairEvidence(
        probs=(float(probs[0]), float(probs[1]), float(probs[2])),
        numbers=check_numbers(claim_text, passage_text),
        dates=check_dates(claim_text, passage_text),
        entities=check_entities(claim_text, passage_text),
        quotes=check_quotes(claim_text, passage_text, quotes or None),
        negation=check_negation(claim_text, passage_text),
        direction=check_direction(claim_text, passage_text),
        overlap=content_overlap(claim_text, passage_text),
        speaker=check_speaker(speaker, passage_text) if speaker else None,
        attribution=attribution,
    )


@dataclass
class PairScore:
    support: float
    contradiction: float
    neutral: float
    caps: list[str] = field(default_factory=list)  # why support was capped, for the reason
    raised: list[str] = field(default_factory=list)  # why contradiction was raised
    agreement: bool = False  # the passage is about the claim's subject
    content_support: float = 0.0  # support before the attribution cap


def score_pair(ev: PairEvidence, s: VerifierSettings) -> PairScore:
    """Combine the model's probabilities with the checks into support and contradiction."""
    e, n, c = ev.probs
    support, contradiction = e, c
    caps: list[str] = []
    raised: list[str] = []

    # Subject agreement: a shared name, or (when the claim names nobody) enough shared words.
    if ev.entities.applicable:
        agreement = bool(ev.entities.matched)
    else:
        agreement = ev.overlap >= s.subject_overlap

    neg = ev.negation
    if neg.mismatch and neg.overlap >= s.negation_overlap:
        # Same words, opposite polarity: the model (a small cross-encoder) misses a flipped
        # "not" often enough that its support is moved towards contradiction.
        moved = support * s.negation_transfer
        support -= moved
        contradiction = min(1.0, contradiction + moved)
        raised.append("negation")
    direction = ev.direction
    if direction.conflict and direction.overlap >= s.negation_overlap and s.direction_transfer:
        moved = support * s.direction_transfer
        support -= moved
        contradiction = min(1.0, contradiction + moved)
        raised.append("direction")
    conflicts = list(ev.numbers.conflicting) + list(ev.dates.conflicting)
    if conflicts and agreement:
        contradiction = max(contradiction, s.conflict_floor)
        raised.extend(conflicts)

    for q in ev.quotes.missing:
        caps.append(f'"{q}"')
    caps.extend(ev.numbers.missing)
    caps.extend(ev.dates.missing)
    if caps:
        support = min(support, s.detail_cap)
    if ev.entities.missing:
        support = min(support, s.entity_cap)
    content_support = support
    if ev.attribution and not (ev.speaker is not None and ev.speaker.confirmed):
        support = min(support, s.attribution_cap)
    neutral = max(0.0, 1.0 - support - contradiction)
    return PairScore(support, contradiction, neutral, caps, raised, agreement, content_support)


def passage_verdict(support: float, contradiction: float, agreement: bool,
                    s: VerifierSettings) -> Verdict:
    """What one passage says about the claim: supported, refuted, or not enough evidence."""
    sup = support >= s.support_threshold
    ref = contradiction >= s.contradiction_threshold and agreement
    if sup and ref:  # both past their thresholds: the larger margin decides
        sup = support - s.support_threshold >= contradiction - s.contradiction_threshold
        ref = not sup
    if sup:
        return Verdict.SUPPORTED
    if ref:
        return Verdict.REFUTED
    return Verdict.NOT_ENOUGH_EVIDENCE


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def calibrated(support: float, contradiction: float,
               calibration: Sequence[Sequence[float]] = CALIBRATION) -> dict[Verdict, float]:
    """Calibrated probabilities of supported / refuted / not enough evidence for one passage."""
    ls, lc = _logit(support), _logit(contradiction)
    z = [a * ls + b * lc + bias for a, b, bias in calibration] + [0.0]
    m = max(z)
    ex = [math.exp(v - m) for v in z]
    tot = sum(ex)
    return {
        Verdict.SUPPORTED: ex[0] / tot,
        Verdict.REFUTED: ex[1] / tot,
        Verdict.NOT_ENOUGH_EVIDENCE: ex[2] / tot,
    }


# ---------------------------------------------------------------- the verifier


def _signals(ev: PairEvidence, sc: PairScore, verdict: Verdict,
             probs: dict[Verdict, float], sp: ScoredPassage) -> dict[str, Any]:
    sig: dict[str, Any] = {
        "source_id": sp.source.id,
        "outlet": sp.source.outlet,
        "retrieval_score": round(float(sp.score), 6),
        "nli": [round(p, 4) for p in ev.probs],
        "numbers": ev.numbers.signal(),
        "dates": ev.dates.signal(),
        "entities": ev.entities.signal(),
        "quotes": ev.quotes.signal(),
        "negation": ev.negation.signal(),
        "direction": ev.direction.signal(),
        "overlap": round(ev.overlap, 4),
        "subject_agreement": sc.agreement,
        "support_capped_by": sc.caps + (["entities"] if ev.entities.missing else []),
        "contradiction_raised_by": sc.raised,
        "content_support": round(sc.content_support, 4),
        "verdict": verdict.value,
        "p_supported": round(probs[Verdict.SUPPORTED], 4),
        "p_refuted": round(probs[Verdict.REFUTED], 4),
        "p_not_enough_evidence": round(probs[Verdict.NOT_ENOUGH_EVIDENCE], 4),
    }
    if ev.speaker is not None:
        sig["speaker"] = ev.speaker.signal()
    return sig


class DefaultVerifier(Verifier):
    """NLI model + deterministic checks + aggregation; offline, CPU only.

    ``nli``: any :class:`NLIModel` (or object with the same ``predict``); by default the
    bundled :class:`groundbrief.verify.nli.OnnxNLIModel`, loaded on first use.
    """

    name = "default"

    def __init__(self, nli: NLIModel | None = None, *, top_n: int | None = None,
                 settings: VerifierSettings | None = None) -> None:
        self.settings = settings or VerifierSettings()
        if top_n is not None:
            self.settings = self.settings.with_(top_n=top_n)
        self._nli = nli

    @property
    def nli(self) -> NLIModel:
        if self._nli is None:
            try:
                from .nli import OnnxNLIModel

                self._nli = OnnxNLIModel()
            except (ImportError, OSError, ValueError, RuntimeError) as exc:
                # onnxruntime raises its own exception types (subclasses of RuntimeError
                # or Exception); these cover a missing or unreadable model folder.
                raise BackendError(
                    f"the bundled NLI model could not be loaded ({exc}); "
                    "reinstall groundbrief or pass another NLI model to DefaultVerifier"
                ) from exc
        return self._nli

    @property
    def model_name(self) -> str:
        nli = self._nli
        return getattr(nli, "name", type(nli).__name__) if nli is not None else "onnx-nli"

    # -- per passage

    def judge(self, claim: Claim, passages: Sequence[ScoredPassage],
              brief: Brief | None = None) -> list[PassageJudgement]:
        """Judge each passage (already pre-filtered) with one batched model call."""
        return self.judge_batch([(claim, passages, brief)])[0]

    def judge_batch(
        self, items: Sequence[tuple[Claim, Sequence[ScoredPassage], Brief | None]]
    ) -> list[list[PassageJudgement]]:
        """:meth:`judge` for several claims with a single model call (used by benchmarks)."""
        pairs = [(sp.passage.text, claim.text) for claim, passages, _ in items for sp in passages]
        if not pairs:
            return [[] for _ in items]
        probs = np.asarray(self.nli.predict(pairs), dtype=np.float64)
        s = self.settings
        out: list[list[PassageJudgement]] = []
        row = 0
        for claim, passages, brief in items:
            attribution = claim.kind == "attribution"
            speaker = claim.speaker or (brief.speaker if brief is not None else None)
            judged = []
            for sp in passages:
                ev = measure_pair(claim.text, sp.passage.text, probs[row],
                                  quotes=claim.quotes or None,
                                  speaker=speaker if attribution else None,
                                  attribution=attribution)
                row += 1
                sc = score_pair(ev, s)
                verdict = passage_verdict(sc.support, sc.contradiction, sc.agreement, s)
                cal = calibrated(sc.support, sc.contradiction, s.calibration)
                judged.append(PassageJudgement(
                    passage_id=sp.passage.id,
                    support=round(sc.support, 6),
                    contradiction=round(sc.contradiction, 6),
                    neutral=round(sc.neutral, 6),
                    signals=_signals(ev, sc, verdict, cal, sp),
                ))
            out.append(judged)
        return out

    def shortlist(self, passages: Sequence[ScoredPassage]) -> list[ScoredPassage]:
        """The ``top_n`` passages by retrieval score, each passage once, ties in given order."""
        seen: set[str] = set()
        unique = []
        for sp in passages:
            if sp.passage.id not in seen:
                seen.add(sp.passage.id)
                unique.append(sp)
        ranked = sorted(enumerate(unique), key=lambda t: (-t[1].score, t[0]))
        return [sp for _, sp in ranked[: self.settings.top_n]]

    # -- per claim

    def verify(self, claim: Claim, passages: Sequence[ScoredPassage],
               brief: Brief) -> ClaimVerification:
        if claim.kind == "opinion":
            return ClaimVerification(
                claim_id=claim.id, verdict=Verdict.NOT_CHECKWORTHY, confidence=1.0,
                reason=REASON_OPINION, signals={"kind": "opinion"},
            )
        if not passages:
            return ClaimVerification(
                claim_id=claim.id, verdict=Verdict.NOT_ENOUGH_EVIDENCE, confidence=1.0,
                reason=REASON_NO_SOURCE, signals={"passages_judged": 0},
            )
        shortlist = self.shortlist(passages)
        judgements = self.judge(claim, shortlist, brief)
        by_id = {sp.passage.id: sp for sp in shortlist}
        return self.aggregate(claim, judgements, by_id)

    def aggregate(self, claim: Claim, judgements: list[PassageJudgement],
                  by_id: dict[str, ScoredPassage]) -> ClaimVerification:
        """One verdict from the per-passage judgements (see the module docstring, step 4)."""
        supporters = [j for j in judgements if j.signals["verdict"] == Verdict.SUPPORTED.value]
        refuters = [j for j in judgements if j.signals["verdict"] == Verdict.REFUTED.value]
        signals: dict[str, Any] = {
            "passages_judged": len(judgements),
            "model": self.model_name,
            "max_support": max(j.support for j in judgements),
            "max_contradiction": max(j.contradiction for j in judgements),
            "supporting": [j.passage_id for j in supporters],
            "refuting": [j.passage_id for j in refuters],
        }

        def best(js: list[PassageJudgement], key: str) -> float:
            return max(j.signals[key] for j in js)

        if supporters and refuters:
            if _independent(supporters, refuters, by_id):
                conf = min(best(supporters, "p_supported"), best(refuters, "p_refuted"))
                return self._result(claim, Verdict.CONFLICTING, conf, judgements, signals,
                                    REASON_CONFLICT)
            # One source on both sides is one confused source, not two that disagree.
            conf = min(j.signals["p_not_enough_evidence"] for j in judgements)
            return self._result(claim, Verdict.NOT_ENOUGH_EVIDENCE, conf, judgements, signals,
                                f"{REASON_CONFLICT}: one source says both")
        if supporters:
            return self._result(claim, Verdict.SUPPORTED, best(supporters, "p_supported"),
                                judgements, signals, None)
        if refuters:
            return self._result(claim, Verdict.REFUTED, best(refuters, "p_refuted"),
                                judgements, signals, REASON_REFUTED)
        # The chance that even the most telling passage says nothing either way.
        conf = min(j.signals["p_not_enough_evidence"] for j in judgements)
        return self._result(claim, Verdict.NOT_ENOUGH_EVIDENCE, conf, judgements, signals,
                            self._unsupported_reason(claim, judgements))

    def _unsupported_reason(self, claim: Claim, judgements: list[PassageJudgement]) -> str:
        """Say which check stopped a passage the model found supportive, else "no source"."""
        t = self.settings.support_threshold
        nli_support = [j for j in judgements if j.signals["nli"][0] >= t]
        if claim.kind == "attribution" and any(
            j.signals["content_support"] >= t for j in judgements
        ):
            return REASON_ATTRIBUTION
        details: list[str] = []
        for j in nli_support:
            for item in j.signals["support_capped_by"]:
                if item != "entities" and item not in details:
                    details.append(item)
        if details:
            return f"{REASON_DETAIL}: {', '.join(details)}"
        if claim.kind == "attribution":
            return REASON_ATTRIBUTION
        return REASON_NO_SUPPORT

    @staticmethod
    def _result(claim: Claim, verdict: Verdict, confidence: float,
                judgements: list[PassageJudgement], signals: dict[str, Any],
                reason: str | None) -> ClaimVerification:
        return ClaimVerification(
            claim_id=claim.id, verdict=verdict, confidence=round(float(confidence), 6),
            judgements=judgements, signals=signals, reason=reason,
        )


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
