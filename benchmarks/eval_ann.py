"""Retrieval with the approximate vector index against exact search, on a real store.

Queries are the first sentences of seeded random articles of the store (as bench_explain.py's
briefs). For each, with no as-of date and with as-of dates that leave about half and about 2 %
of the store's passages:

- dense recall@50: the share of exact cosine search's top 50 that the index's search returns;
- retriever top-k agreement: the share of HybridRetriever's k passages (BM25 + dense, fused,
  near-duplicates collapsed: what explain verifies) that are the same with the exact search;
- whether any passage published after the as-of date, or undated, came back (must be 0: I6);
- search time p50/p95 for both.

    .venv/bin/python benchmarks/eval_ann.py --home DIR [--n 200] [--k 8] [--json]

The store needs its index (``groundbrief reindex --home DIR``); the script only reads it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import commit, first_sentences, machine  # noqa: E402

from groundbrief.config import Settings  # noqa: E402
from groundbrief.index.retrieve import HybridRetriever  # noqa: E402
from groundbrief.registry import build_embedder  # noqa: E402
from groundbrief.store import SQLiteStore  # noqa: E402

K_DENSE = 50


def queries(store: SQLiteStore, n: int) -> list[str]:
    return first_sentences(store, n, seed=1)


def quantile_ts(store: SQLiteStore, q: float) -> float:
    ts = np.array([r[0] for r in store.db.execute(
        "SELECT published_ts FROM passages WHERE published_ts IS NOT NULL")], dtype=np.float64)
    return float(np.quantile(ts, q))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--home", type=Path, required=True)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--k", type=int, default=8, help="passages per retrieval (the default retrieve_k)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    settings = Settings(home=args.home)
    store = SQLiteStore(settings.store_path, create=False)
    embedder = build_embedder(settings)
    approx = HybridRetriever(store, embedder)
    exact = HybridRetriever(store, embedder)
    # The exact twin: the whole matrix in memory, as the retriever searched before issue 12.
    exact.vectors.search = lambda q, n, as_of_ts=None: sorted(  # type: ignore[method-assign]
        exact.vectors._exact_all(np.asarray(q, dtype=np.float32), n, as_of_ts).items(),
        key=lambda kv: (-kv[1], kv[0]))
    if not any(approx.vectors.dir.glob("index-*.usearch")):
        sys.exit(f"{args.home} has no vector index: run `groundbrief reindex --home {args.home}`")
    texts = queries(store, args.n)
    qvecs = embedder.embed_batch(texts)
    exact.vectors.search(qvecs[0], 1)  # load the matrix before timing
    approx.vectors.open()
    settings_rows = {"none": None, "half": quantile_ts(store, 0.5), "2pct": quantile_ts(store, 0.02)}
    results: dict[str, dict] = {}
    for label, as_of_ts in settings_rows.items():
        recall, agree, leaks, t_approx, t_exact = [], [], 0, [], []
        for text, q in zip(texts, qvecs, strict=True):
            t = time.perf_counter()
            got = approx.vectors.search(q, K_DENSE, as_of_ts=as_of_ts)
            t_approx.append(time.perf_counter() - t)
            t = time.perf_counter()
            gold = exact.vectors.search(q, K_DENSE, as_of_ts=as_of_ts)
            t_exact.append(time.perf_counter() - t)
            if gold:
                recall.append(len({r for r, _ in gold} & {r for r, _ in got}) / len(gold))
            if as_of_ts is not None and got:
                rowids, published, _ = store.passage_vectors([r for r, _ in got])
                leaks += int(np.sum(~(published <= as_of_ts)))
            as_of = datetime.fromtimestamp(as_of_ts, timezone.utc) if as_of_ts is not None else None
            a = [s.passage.id for s in approx.retrieve(text, k=args.k, as_of=as_of)]
            e = [s.passage.id for s in exact.retrieve(text, k=args.k, as_of=as_of)]
            if e:
                agree.append(len(set(a) & set(e)) / len(e))
        results[label] = {
            "as_of_ts": as_of_ts,
            "dense_recall_at_50": round(statistics.mean(recall), 4) if recall else None,
            f"retriever_top{args.k}_agreement": round(statistics.mean(agree), 4) if agree else None,
            "passages_after_as_of_returned": leaks,
            "approx_search_ms_p50": round(statistics.median(t_approx) * 1000, 2),
            "approx_search_ms_p95": round(float(np.quantile(t_approx, 0.95)) * 1000, 2),
            "exact_search_ms_p50": round(statistics.median(t_exact) * 1000, 2),
        }
    figures = {"benchmark": "ann", "commit": commit(), "machine": machine(),
               "passages": store.count_passages(), "queries": len(texts), "as_of": results}
    print(json.dumps(figures, indent=None if args.json else 1))


if __name__ == "__main__":
    main()
