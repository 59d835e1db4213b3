#!/usr/bin/env python
"""Name matching across languages: precision and recall of the name matcher per threshold.

Reads the hand-written pairs of ``benchmarks/data/name_pairs.tsv`` (one person, place or body
written two ways, and hard negatives: two of the same type, "Austria" / "Australia", "Gove" /
"Hunt"), judges each pair with :meth:`groundbrief.verify.names.NameMatcher.same_name` and the
bundled multilingual USE embedder at every threshold of a grid, and prints precision, recall and
false accepts per threshold. The chosen threshold is the lowest one at which no hard negative
is accepted, plus a safety margin (``MARGIN``): recall as high as it can be without taking one
name for another on this list, with room for negatives the list does not hold. Whether the
margin is enough is checked by halves: the rule applied to the even-numbered rows alone must
accept no negative of the odd-numbered rows, and the other way round.

    .venv/bin/python benchmarks/eval_names.py
    .venv/bin/python benchmarks/eval_names.py --json

The chosen value is ``NAME_SIMILARITY`` in ``src/groundbrief/verify/names.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PAIRS = REPO / "benchmarks" / "data" / "name_pairs.tsv"
GRID = [round(0.70 + 0.01 * i, 2) for i in range(29)]  # 0.70 .. 0.98
MARGIN = 0.03


@dataclass(frozen=True)
class NamePair:
    a: str
    b: str
    same: bool
    kind: str
    tune: bool  # an even-numbered row (the halves check the margin)


@dataclass(frozen=True)
class Score:
    threshold: float
    precision: float
    recall: float
    false_accepts: int
    positives: int
    negatives: int


def load_pairs(path: Path = PAIRS) -> list[NamePair]:
    rows = [line.rstrip("\n").split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    header, rows = rows[0], rows[1:]
    if header != ["name_a", "name_b", "same", "kind"]:
        raise SystemExit(f"{path}: unexpected header {header}")
    return [NamePair(a, b, same == "1", kind, tune=i % 2 == 0)
            for i, (a, b, same, kind) in enumerate(rows)]


def score(decisions: list[tuple[NamePair, bool]], threshold: float) -> Score:
    tp = sum(p.same and d for p, d in decisions)
    fp = sum(not p.same and d for p, d in decisions)
    pos = sum(p.same for p, _ in decisions)
    return Score(threshold, tp / (tp + fp) if tp + fp else 1.0, tp / pos if pos else 0.0, fp,
                 pos, len(decisions) - pos)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pairs", type=Path, default=PAIRS)
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args(argv)

    from groundbrief.index.embed import UniversalSentenceEncoder
    from groundbrief.verify.names import NAME_SIMILARITY, NameMatcher

    pairs = load_pairs(args.pairs)
    matcher = NameMatcher(UniversalSentenceEncoder())
    # Without a model: name keys, aliases (what check_entities does with no matcher).
    matcher.threshold = 1.01
    rule_only = [(p, matcher.same_name(p.a, p.b)) for p in pairs]
    table: dict[float, list[tuple[NamePair, bool]]] = {}
    for t in GRID:
        matcher.threshold = t
        table[t] = [(p, matcher.same_name(p.a, p.b)) for p in pairs]

    def half(decisions: list[tuple[NamePair, bool]], tune: bool | None):
        return [(p, d) for p, d in decisions if tune is None or p.tune == tune]

    def rule(decisions_of: dict[float, list[tuple[NamePair, bool]]]) -> float:
        safe = [t for t in GRID if score(decisions_of[t], t).false_accepts == 0]
        lowest = safe[0] if safe else GRID[-1]
        return min(GRID[-1], round(lowest + MARGIN, 2))

    chosen = rule(table)
    halves = {}
    for name, tune in (("even rows -> odd rows", True), ("odd rows -> even rows", False)):
        t = rule({g: half(d, tune) for g, d in table.items()})
        halves[name] = {"threshold": t, **score(half(table[t], not tune), t).__dict__}
    # The hard negatives nearest to being accepted: the highest threshold that accepts each.
    closest = sorted(((max(t for t in GRID if (p, True) in table[t]), p) for p in pairs
                      if not p.same and any((p, True) in table[t] for t in GRID)),
                     key=lambda x: -x[0])
    kinds = sorted({p.kind for p in pairs if p.same})
    at_chosen = table[chosen]
    recall_by_kind = {k: score([(p, d) for p, d in at_chosen if p.kind == k], chosen).recall
                      for k in kinds}

    result = {
        "pairs": len(pairs),
        "positives": sum(p.same for p in pairs),
        "hard_negatives": sum(not p.same for p in pairs),
        "rules_only": score(rule_only, 1.01).__dict__,
        "grid_all": [score(table[t], t).__dict__ for t in GRID],
        "chosen_threshold": chosen,
        "constant_in_code": NAME_SIMILARITY,
        "at_chosen": score(at_chosen, chosen).__dict__,
        "margin_check_by_halves": halves,
        "recall_by_kind": recall_by_kind,
        "negatives_accepted_up_to": [(t, p.a, p.b) for t, p in closest],
        "false_accepts_at_chosen": [(p.a, p.b) for p, d in at_chosen if d and not p.same],
        "misses_at_chosen": [(p.a, p.b) for p, d in at_chosen if p.same and not d],
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    print(f"{result['pairs']} pairs: {result['positives']} same name, "
          f"{result['hard_negatives']} hard negatives ({args.pairs.name})")
    r = result["rules_only"]
    print(f"rules only (no embeddings): precision {r['precision']:.3f} recall {r['recall']:.3f} "
          f"false accepts {r['false_accepts']}")
    print("threshold  precision  recall  false-accepts   (all pairs; FA even / odd rows)")
    for t in GRID:
        s, st, ss = (score(half(table[t], h), t) for h in (None, True, False))
        mark = "  <- chosen" if t == chosen else ""
        print(f"  {t:.2f}      {s.precision:.3f}    {s.recall:.3f}   {s.false_accepts:3d}"
              f"            {st.false_accepts} / {ss.false_accepts}{mark}")
    s = result["at_chosen"]
    print(f"chosen {chosen:.2f} (lowest threshold with no false accept + {MARGIN}): precision "
          f"{s['precision']:.3f} recall {s['recall']:.3f} false accepts {s['false_accepts']} "
          f"of {s['negatives']} hard negatives")
    for name, h in halves.items():
        print(f"margin check, chosen on {name}: threshold {h['threshold']:.2f}, held-out "
              f"precision {h['precision']:.3f} recall {h['recall']:.3f} false accepts "
              f"{h['false_accepts']}")
    print("recall by kind: " + ", ".join(f"{k} {v:.2f}" for k, v in recall_by_kind.items()))
    print("hard negatives accepted at some threshold (up to): "
          + "; ".join(f"{a} / {b} {t:.2f}" for t, a, b in result["negatives_accepted_up_to"]))
    print("missed: " + "; ".join(f"{a} / {b}" for a, b in result["misses_at_chosen"]))
    if result["false_accepts_at_chosen"]:
        print("FALSE ACCEPTS: " + "; ".join(f"{a} / {b}"
                                            for a, b in result["false_accepts_at_chosen"]))
    if abs(chosen - NAME_SIMILARITY) > 1e-9:
        print(f"note: NAME_SIMILARITY in the code is {NAME_SIMILARITY}, this run chose {chosen}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
