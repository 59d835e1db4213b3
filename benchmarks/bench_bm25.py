"""What the BM25 search (``lexical_search``) costs as the store grows, exact and bounded
(issue 12, item 5; docs/benchmarks.md, Growth).

For ``--briefs`` first sentences of seeded random original articles (as bench_growth.py picks
them), the retriever's query (every content word OR-ed) is run two ways on the same store:

- exact: ``lexical_budget=0``, FTS5 scores every passage holding any of the words;
- bounded: ``lexical_budget=--budget`` (store/lexical.py): the rarest words' postings up to the
  budget give the candidates, which are re-ranked with BM25 over all the words.

Printed: CPU per query (p50, p95) of each, how many queries the budget actually bounded, the
postings the exact search reads (sum of the words' document frequencies) and how much of the
exact top 10 and top 50 the bounded search returns.

    .venv/bin/python benchmarks/bench_bm25.py STORE.db [--briefs 12] [--budget 20000] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import commit, first_sentences  # noqa: E402

from groundbrief.index.retrieve import fts_query  # noqa: E402
from groundbrief.store import SQLiteStore  # noqa: E402
from groundbrief.store.lexical import DEFAULT_BUDGET  # noqa: E402

REPEATS = 3
LIMIT = 50  # what the retriever asks for (retrieve.CANDIDATES)


def cpu_per_query(store: SQLiteStore, match: str) -> float:
    store.lexical_search(match, limit=LIMIT, as_of_ts=None)  # warm: pages in the cache
    c = time.process_time()
    for _ in range(REPEATS):
        store.lexical_search(match, limit=LIMIT, as_of_ts=None)
    return (time.process_time() - c) / REPEATS


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("store", type=Path)
    ap.add_argument("--briefs", type=int, default=12)
    ap.add_argument("--budget", type=int, default=DEFAULT_BUDGET)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    exact = SQLiteStore(args.store, create=False, lexical_budget=0)
    bounded = SQLiteStore(args.store, create=False, lexical_budget=args.budget)
    db = exact.db
    passages = db.execute("SELECT count(*) FROM passages_fts_docsize").fetchone()[0]
    briefs = first_sentences(exact, args.briefs, seed=0, where="id NOT LIKE 'growth:%'")

    def df(term: str) -> int:
        return db.execute("SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?",
                          (f'"{term}"',)).fetchone()[0]

    cpu_exact, cpu_bounded, postings, overlap10, overlap50, n_bounded = [], [], [], [], [], 0
    for brief in briefs:
        match = fts_query(brief)
        if not match:
            continue
        cpu_exact.append(cpu_per_query(exact, match))
        cpu_bounded.append(cpu_per_query(bounded, match))
        n_bounded += bounded.last_lexical.get("mode") == "bounded"
        a = [r for r, _ in exact.lexical_search(match, limit=LIMIT, as_of_ts=None)]
        b = [r for r, _ in bounded.lexical_search(match, limit=LIMIT, as_of_ts=None)]
        overlap10.append(len(set(a[:10]) & set(b[:10])) / max(1, len(a[:10])))
        overlap50.append(len(set(a) & set(b)) / max(1, len(a)))
        postings.append(sum(df(t.strip('"')) for t in match.split(" OR ")))

    def ms(xs: list[float], q: float) -> float:
        return round(float(np.quantile(xs, q)) * 1000, 1)

    out = {"store": str(args.store), "passages": passages, "queries": len(cpu_exact),
           "budget": args.budget, "commit": commit(),
           "exact_cpu_ms": {"p50": ms(cpu_exact, 0.5), "p95": ms(cpu_exact, 0.95)},
           "bounded_cpu_ms": {"p50": ms(cpu_bounded, 0.5), "p95": ms(cpu_bounded, 0.95)},
           "queries_bounded": n_bounded,
           "exact_postings_p50": statistics.median(postings),
           "top10_overlap": round(statistics.mean(overlap10), 3),
           "top50_overlap": round(statistics.mean(overlap50), 3)}
    if args.json:
        print(json.dumps(out))
        return
    print(f"{args.store}: {passages} passages, {len(cpu_exact)} queries; BM25 CPU per query "
          f"p50/p95: exact {out['exact_cpu_ms']['p50']}/{out['exact_cpu_ms']['p95']} ms, "
          f"bounded (budget {args.budget}) {out['bounded_cpu_ms']['p50']}/"
          f"{out['bounded_cpu_ms']['p95']} ms ({n_bounded} of {len(cpu_exact)} queries bounded);"
          f" exact postings p50 {out['exact_postings_p50']:.0f}; bounded keeps "
          f"{out['top10_overlap']:.2f} of the exact top 10, {out['top50_overlap']:.2f} of the "
          f"top 50")


if __name__ == "__main__":
    main()
