"""Explain latency (p50/p95) and peak memory over 50 briefs on a Reuters store.

Briefs are the first sentences of 50 randomly chosen (seeded) Reuters articles, so each has a
story in the store. Build the store first with bench_ingest.py --home DIR.

    .venv/bin/python benchmarks/bench_explain.py --home DIR [--n 50] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import commit, machine, peak_rss_mb  # noqa: E402

from groundbrief.config import Settings  # noqa: E402
from groundbrief.errors import GroundbriefError  # noqa: E402
from groundbrief.runtime import build_pipeline, open_store  # noqa: E402
from groundbrief.text import sentences  # noqa: E402

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)


def pick_briefs(store, n: int, seed: int = 0) -> list[str]:
    ids = [r[0] for r in store.db.execute("SELECT id FROM sources ORDER BY id")]
    rng = random.Random(seed)
    briefs = []
    for sid in rng.sample(ids, min(len(ids) , n * 3)):
        first = sentences(store.get_source(sid).text)[:1]
        if first and 40 <= len(first[0]) <= 400:
            briefs.append(first[0])
        if len(briefs) == n:
            break
    return briefs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--home", type=Path, required=True)
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    settings = Settings(home=args.home)
    with open_store(settings, create=False) as store:
        t0 = time.perf_counter()
        pipeline = build_pipeline(settings, store)
        briefs = pick_briefs(store, args.n)
        # The first explain loads models and the vector matrix: reported apart as "cold".
        t1 = time.perf_counter()
        pipeline.explain(briefs[0], now=NOW)
        cold = time.perf_counter() - t1
        setup = t1 - t0
        latencies, failures, verdicts = [], 0, {}
        for brief in briefs:
            t = time.perf_counter()
            try:
                exp = pipeline.explain(brief, now=NOW)
            except GroundbriefError:
                failures += 1
                continue
            latencies.append(time.perf_counter() - t)
            for k, v in exp.transparency.verdicts.items():
                verdicts[k] = verdicts.get(k, 0) + v
        sources = store.counts()["sources"]
    q = statistics.quantiles(latencies, n=20)
    figures = {
        "benchmark": "explain",
        "commit": commit(),
        "machine": machine(),
        "store_sources": sources,
        "briefs": len(briefs),
        "failed": failures,
        "setup_s": round(setup, 2),
        "cold_first_explain_s": round(cold, 2),
        "p50_s": round(statistics.median(latencies), 3),
        "p95_s": round(q[18], 3),
        "max_s": round(max(latencies), 3),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "verdicts": verdicts,
    }
    if args.json:
        print(json.dumps(figures))
    else:
        for k, v in figures.items():
            print(f"{k:>22}: {v}")


if __name__ == "__main__":
    main()
