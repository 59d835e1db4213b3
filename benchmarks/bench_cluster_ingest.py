"""Ingest rate with the real embedder: in this process, and on a Dask LocalCluster of 1, 2, …
worker processes (issue 12, items 3 and 5).

For each configuration, a fresh store receives the first ``--n`` articles of the corpus through
the real Indexer (read → clean → chunk → embed → SQLite + FTS5 + stories + vector-index sync).
Models are loaded before the clock starts (a worker's first task would otherwise pay it: a
once-per-worker cost). Besides the wall-clock rate, the CPU seconds of this process (the
reader and writer) and of the workers (chunk + embed) are measured, so that a loaded machine
still gives the cost per article of each side, from which the rate per added machine follows:
workers scale until the one writer's CPU per article is the bottleneck.

    .venv/bin/python benchmarks/bench_cluster_ingest.py [CORPUS] --n 400 --batch 32 --workers 0,1,2 [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SHARED, commit, machine  # noqa: E402

from groundbrief.config import Settings  # noqa: E402
from groundbrief.index.chunk import SentenceWindowChunker  # noqa: E402
from groundbrief.index.indexer import Indexer  # noqa: E402
from groundbrief.ingest import read_sources  # noqa: E402
from groundbrief.registry import build_embedder  # noqa: E402
from groundbrief.runtime import open_store  # noqa: E402


def _cpu_self() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _warm(settings: Settings) -> str:
    from groundbrief.cluster.ingest import worker_embedder

    worker_embedder(settings).embed_batch(["A warm-up sentence."])
    return "ok"


def run(corpus: Path, n: int, workers: int, tmp: Path, batch: int) -> dict:
    home = tmp / f"w{workers}"
    settings = Settings(home=home)
    records = [s for s, _ in zip(read_sources([str(corpus)]), range(n))]
    embedder = build_embedder(settings)
    workers_cpu = 0.0
    with open_store(settings) as store:
        if workers == 0:
            embedder.embed_batch(["A warm-up sentence."])
            indexer = Indexer(store, embedder, batch=batch)
            t, c = time.perf_counter(), time.process_time()
            report = indexer.index(records)
            wall, client_cpu = time.perf_counter() - t, time.process_time() - c
        else:
            import distributed

            from groundbrief.cluster.ingest import DaskPreparer, PrepareSpec

            cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1,
                                               processes=True, host="127.0.0.1",
                                               dashboard_address=None)
            with distributed.Client(cluster) as client:
                client.run(_warm, settings)
                before = client.run(_cpu_self)
                preparer = DaskPreparer(client, PrepareSpec(
                    settings, SentenceWindowChunker(), settings.max_passages_per_source))
                indexer = Indexer(store, embedder, batch=batch, preparer=preparer)
                t, c = time.perf_counter(), time.process_time()
                report = indexer.index(records)
                wall, client_cpu = time.perf_counter() - t, time.process_time() - c
                after = client.run(_cpu_self)
                workers_cpu = sum(after[w] - before[w] for w in after)
            cluster.close()
        passages = store.count_passages()
    return {"workers": workers, "articles": report.new, "passages": passages,
            "wall_s": round(wall, 1), "articles_per_s": round(report.new / wall, 1),
            "client_cpu_s": round(client_cpu, 1), "workers_cpu_s": round(workers_cpu, 1),
            "client_cpu_ms_per_article": round(1000 * client_cpu / report.new, 1),
            "worker_cpu_ms_per_article": round(1000 * workers_cpu / report.new, 1)
            if workers else None,
            "load_average": round(os.getloadavg()[0], 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(SHARED / "reuters21578" / "reuters.jsonl"))
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--workers", default="0,1,2", help="0 = in this process, no cluster")
    ap.add_argument("--batch", type=int, default=32, help="articles per batch (one task); the "
                    "CLI's is 256: a run of --n articles must make several batches per worker")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for w in (int(x) for x in args.workers.split(",")):
            rows.append(run(Path(args.corpus), args.n, w, Path(tmp), args.batch))
            print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    by = {r["workers"]: r for r in rows}
    out = {"benchmark": "cluster_ingest", "commit": commit(), "machine": machine(),
           "cores": os.cpu_count(), "batch": args.batch, "rows": rows}
    if 1 in by and 2 in by:
        out["speedup_1_to_2_workers"] = round(by[2]["articles_per_s"] / by[1]["articles_per_s"], 2)
    print(json.dumps(out, indent=None if args.json else 1))


if __name__ == "__main__":
    main()
