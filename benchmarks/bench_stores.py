"""SQLite vs PostgreSQL on the Reuters store (issue 12): explain latency in-process and ingest
rate, the same briefs and articles on both stores, one process after the other.

1. The SQLite Reuters store (built by bench_ingest.py --home DIR) is copied into a fresh
   PostgreSQL database with ``store copy``'s code (timed), and its vector index synced.
2. Explain: ``--n`` briefs (first sentences of seeded random articles, benchmarks/_common.py),
   one warm-up explain each store, then p50/p95 of the rest, on each store in turn.
3. Ingest: the first ``--ingest`` Reuters articles are read, chunked and
   embedded once (timed: it is the same work for either store), then written through each
   store's Indexer path (upsert + story grouping, one transaction per batch of 256), into a fresh
   SQLite file and a fresh database. articles/s = articles / (embed + write), and the write
   alone, so the store's share shows.

PostgreSQL is a throw-away server from tests/pgcluster.py (fsync off, like a tuned bulk load;
same machine as the client), unless --dsn names a database.

    .venv/bin/python benchmarks/bench_stores.py --home DIR [--n 20] [--ingest 500] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import SHARED, commit, first_sentences, machine, peak_rss_mb  # noqa: E402

from groundbrief.config import Settings  # noqa: E402
from groundbrief.errors import GroundbriefError  # noqa: E402
from groundbrief.index.ann import PassageVectorIndex  # noqa: E402
from groundbrief.index.chunk import SentenceWindowChunker  # noqa: E402
from groundbrief.index.indexer import Indexer  # noqa: E402
from groundbrief.ingest import read_sources  # noqa: E402
from groundbrief.interfaces import Rejected  # noqa: E402
from groundbrief.registry import build_embedder  # noqa: E402
from groundbrief.runtime import build_pipeline, open_store  # noqa: E402
from groundbrief.store import SQLiteStore, open_store_url  # noqa: E402
from groundbrief.store.copy import copy_store  # noqa: E402

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)


class _Precomputed:
    """An embedder that answers from vectors computed before the timed write."""

    def __init__(self, real, table: dict[str, object]):
        self.name, self.dim, self._real, self._table = real.name, real.dim, real, table

    def embed_batch(self, texts):
        import numpy as np

        return np.stack([self._table[t] for t in texts]) if texts else np.zeros((0, self.dim))


def explain_latency(settings: Settings, briefs: list[str]) -> dict:
    with open_store(settings, create=False) as store:
        pipeline = build_pipeline(settings, store)
        t = time.perf_counter()
        pipeline.explain(briefs[0], now=NOW)
        cold = time.perf_counter() - t
        latencies, cpu, verdicts = [], [], []
        for brief in briefs[1:]:
            t, c = time.perf_counter(), time.process_time()
            try:
                exp = pipeline.explain(brief, now=NOW)
            except GroundbriefError:
                continue
            latencies.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
            verdicts.append([c.verdict.value for c in exp.claims])
    q = statistics.quantiles(latencies, n=20) if len(latencies) >= 2 else [latencies[0]] * 19
    return {"cold_first_s": round(cold, 2), "p50_s": round(statistics.median(latencies), 3),
            "p95_s": round(q[18], 3), "client_cpu_p50_s": round(statistics.median(cpu), 3),
            "briefs": len(latencies), "verdicts": verdicts}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--home", type=Path, required=True, help="home of the SQLite Reuters store")
    ap.add_argument("--corpus", default=str(SHARED / "reuters21578" / "reuters.jsonl"))
    ap.add_argument("--dsn", help="an empty PostgreSQL database (default: a throw-away server)")
    ap.add_argument("--n", type=int, default=20, help="briefs explained per store")
    ap.add_argument("--ingest", type=int, default=500, help="articles ingested per store")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="gb-stores-"))
    cluster = None
    if args.dsn:
        dsn = args.dsn
        new_db = None
    else:
        from tests.pgcluster import Cluster, bindir

        found = bindir()
        if found is None:
            sys.exit("bench_stores: PostgreSQL binaries not found; apt-get install postgresql")
        cluster = Cluster(found)
        dsn = cluster.new_database("reuters")
        new_db = cluster.new_database
    figures: dict = {"benchmark": "stores", "commit": commit(), "machine": machine(),
                     "load_average_at_start": os.getloadavg()[0]}
    try:
        sqlite_settings = Settings(home=args.home)
        pg_settings = Settings(home=work / "pg-home", store=dsn)
        # 0. a store built before story grouping or the vector index: both, once, untimed
        with SQLiteStore(sqlite_settings.store_path, create=False) as s:
            if s.sources_without_story():
                from groundbrief.stories import group_ungrouped

                group_ungrouped(s)
            PassageVectorIndex(s).sync()
        # 1. copy
        t = time.perf_counter()
        with SQLiteStore(sqlite_settings.store_path, create=False) as src, \
                open_store_url(dsn, home=pg_settings.home) as dst:
            copy_store(src, dst)
            copied = time.perf_counter() - t
            PassageVectorIndex(dst).sync()
            counts = dst.counts()
        figures["store"] = {"sources": counts["sources"], "passages": counts["passages"]}
        figures["copy_sqlite_to_pg_s"] = round(copied, 1)
        figures["pg_index_sync_s"] = round(time.perf_counter() - t - copied, 1)

        # 2. explain latency, same briefs on both
        with SQLiteStore(sqlite_settings.store_path, create=False) as s:
            briefs = first_sentences(s, args.n + 1, seed=0)
        figures["explain"] = {"sqlite": explain_latency(sqlite_settings, briefs),
                              "postgresql": explain_latency(pg_settings, briefs)}
        same = figures["explain"]["sqlite"].pop("verdicts") == \
            figures["explain"]["postgresql"].pop("verdicts")
        figures["explain"]["same_verdicts"] = same

        # 3. ingest rate
        items = []
        for item in read_sources([args.corpus]):
            if isinstance(item, Rejected):
                continue
            items.append(item)
            if len(items) >= args.ingest:
                break
        embedder = build_embedder(sqlite_settings)
        chunker = SentenceWindowChunker()
        t = time.perf_counter()
        texts = list(dict.fromkeys(p.text for s in items for p in chunker.chunk(s)))
        vectors = embedder.embed_batch(texts)
        embed_s = time.perf_counter() - t
        table = dict(zip(texts, vectors, strict=True))
        figures["ingest"] = {"articles": len(items), "passages": len(texts),
                             "embed_s": round(embed_s, 1)}
        targets = {"sqlite": f"sqlite://{work / 'ingest' / 'groundbrief.db'}",
                   "postgresql": new_db("ingest") if new_db else None}
        for name, url in targets.items():
            if url is None:
                continue
            with open_store_url(url, home=work / f"ingest-{name}") as store:
                t = time.perf_counter()
                report = Indexer(store, _Precomputed(embedder, table)).index(items)
                write_s = time.perf_counter() - t
            figures["ingest"][name] = {
                "new": report.new, "write_s": round(write_s, 2),
                "write_articles_per_s": round(len(items) / write_s, 1),
                "articles_per_s": round(len(items) / (embed_s + write_s), 1)}
        figures["peak_rss_mb"] = round(peak_rss_mb(), 1)
        figures["load_average_at_end"] = os.getloadavg()[0]
    finally:
        if cluster is not None:
            cluster.stop()
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(figures) if args.json else json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
