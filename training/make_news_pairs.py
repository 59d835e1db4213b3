#!/usr/bin/env python
"""Write the news change pairs (groundbrief.evaluation.changes) to .nli_out/news_pairs/.

    PYTHONPATH=src .venv/bin/python training/make_news_pairs.py            # train.jsonl + eval.jsonl
    ... --reuters-articles 600 --rare-articles 2000 --out /tmp/pairs        # a smaller set

Sources: all English Wikinews articles of ../shared/data/wikinews/corpus.jsonl (CC BY 2.5) and a
seeded sample of Reuters-21578 bodies, then more Reuters articles scanned only for allegations
and plans (see ``changes.news_pairs``). Prints the counts per change type and part.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from groundbrief.evaluation.changes import (  # noqa: E402
    CHANGE_TYPES, NewsPairsSpec, expected_for, news_pairs, write_jsonl,
)

DATA = REPO.parent / "shared" / "data"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reuters", type=Path, default=DATA / "reuters21578" / "reuters.jsonl")
    ap.add_argument("--wikinews", type=Path, default=DATA / "wikinews" / "corpus.jsonl")
    ap.add_argument("--reuters-articles", type=int, default=NewsPairsSpec.reuters_articles,
                    help="Reuters articles for all change types")
    ap.add_argument("--rare-articles", type=int, default=NewsPairsSpec.rare_articles,
                    help="further Reuters articles scanned for allegations and plans")
    ap.add_argument("--seed", type=int, default=NewsPairsSpec.seed)
    ap.add_argument("--out", type=Path, default=REPO / ".nli_out" / "news_pairs")
    args = ap.parse_args(argv)

    t0 = time.time()
    spec = NewsPairsSpec(args.reuters, args.wikinews, args.reuters_articles, args.rare_articles, args.seed)
    pairs = news_pairs(spec)
    print(f"{len(pairs)} pairs in {time.time() - t0:.0f} s", flush=True)
    for pt in ("train", "eval"):
        n = write_jsonl([p for p in pairs if p.part == pt], args.out / f"{pt}.jsonl")
        print(f"{pt}: {n} pairs -> {args.out / f'{pt}.jsonl'}")
    counts = Counter((p.change, p.part) for p in pairs)
    print(f"{'change':<10} {'expected':<20} {'train':>7} {'eval':>6}")
    for c in CHANGE_TYPES:
        print(f"{c:<10} {expected_for(c):<20} {counts[(c, 'train')]:>7} {counts[(c, 'eval')]:>6}")
    by_exp = Counter((p.expected, p.part) for p in pairs)
    for e in ("supported", "refuted", "not_enough_evidence"):
        print(f"{'all':<10} {e:<20} {by_exp[(e, 'train')]:>7} {by_exp[(e, 'eval')]:>6}")


if __name__ == "__main__":
    main()
