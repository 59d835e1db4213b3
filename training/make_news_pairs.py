#!/usr/bin/env python
"""Write the news change pairs (groundbrief.evaluation.changes) to .nli_out/news_pairs/.

    PYTHONPATH=src .venv/bin/python training/make_news_pairs.py            # train.jsonl + eval.jsonl
    ... --reuters-articles 600 --out /tmp/pairs                            # a smaller set

Sources: all English Wikinews articles of ../shared/data/wikinews/corpus.jsonl (CC BY 2.5) and a
seeded sample of Reuters-21578 bodies; a second pass over more Reuters articles parses only the
sentences with an allegation word, since "alleged that ..." is rare in wire copy and the hedge
change needs enough eval pairs. Prints the counts per change type and part.
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
    CHANGE_TYPES, GeneratorConfig, generate, load_reuters, load_wikinews, sample_articles,
    train_sentence_set, write_jsonl,
)

DATA = REPO.parent / "shared" / "data"
HEDGE_PATTERN = (r"\b(alleg\w*|reportedly|purportedly|reputedly|supposedly|apparently|accus\w*|claim\w*"
                 r"|intend\w*|plan\w*|hope\w*|aim\w*|expect\w*|want\w*|seek\w*|propos\w*|may|might|could)\b")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reuters", type=Path, default=DATA / "reuters21578" / "reuters.jsonl")
    ap.add_argument("--wikinews", type=Path, default=DATA / "wikinews" / "corpus.jsonl")
    ap.add_argument("--reuters-articles", type=int, default=2400, help="Reuters articles for all change types")
    ap.add_argument("--hedge-articles", type=int, default=12000, help="Reuters articles scanned for allegations")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--out", type=Path, default=REPO / ".nli_out" / "news_pairs")
    args = ap.parse_args(argv)

    t0 = time.time()
    reuters = list(load_reuters(args.reuters))
    wikinews = list(load_wikinews(args.wikinews))
    train_sentences = train_sentence_set(reuters + wikinews)
    ranked = sample_articles(reuters, len(reuters), seed=args.seed)
    main_set = ranked[: args.reuters_articles] + wikinews
    hedge_set = ranked[args.reuters_articles: args.reuters_articles + args.hedge_articles]
    cfg = GeneratorConfig(seed=args.seed)
    pairs = generate(main_set, cfg, train_sentences=train_sentences)
    print(f"main pass: {len(pairs)} pairs from {len(main_set)} articles ({time.time() - t0:.0f} s)", flush=True)
    hedge_cfg = GeneratorConfig(seed=args.seed, only_types=("hedge", "modality"), sentence_pattern=HEDGE_PATTERN)
    pairs += generate(hedge_set, hedge_cfg, train_sentences=train_sentences)
    print(f"with hedge pass: {len(pairs)} pairs ({time.time() - t0:.0f} s)", flush=True)

    for pt in ("train", "eval"):
        n = write_jsonl([p for p in pairs if p.part == pt], args.out / f"{pt}.jsonl")
        print(f"{pt}: {n} pairs -> {args.out / f'{pt}.jsonl'}")
    counts = Counter((p.change, p.part) for p in pairs)
    print(f"{'change':<10} {'expected':<20} {'train':>7} {'eval':>6}")
    from groundbrief.evaluation.changes import expected_for
    for c in CHANGE_TYPES:
        print(f"{c:<10} {expected_for(c):<20} {counts[(c, 'train')]:>7} {counts[(c, 'eval')]:>6}")
    by_exp = Counter((p.expected, p.part) for p in pairs)
    for e in ("supported", "refuted", "not_enough_evidence"):
        print(f"{'all':<10} {e:<20} {by_exp[(e, 'train')]:>7} {by_exp[(e, 'eval')]:>6}")


if __name__ == "__main__":
    main()
