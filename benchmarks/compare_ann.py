"""Which on-disk approximate vector index to use (issue 12, item 2): usearch, faiss-cpu,
hnswlib and sqlite-vec measured on the passage vectors of a real store.

For each library, in a fresh process: build time over all passages, file size, time to open
the saved index (what every explain process pays), query time, the process's RSS after
opening and querying, and recall@50 of its top-50 against exact (brute-force) cosine search,
with no date filter and with an as-of date that leaves about half the store (filter after
search, with the over-fetch the retriever uses). Queries are the first sentences of seeded
random articles of the store, embedded by the store's embedder, so they look like claims.

The libraries are not dependencies of groundbrief (only the chosen one is); install the others
into a scratch environment to re-run this:

    python benchmarks/compare_ann.py --db STORE.db [--queries 300] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import machine  # noqa: E402

K = 50
OVERFETCH = 4  # the retriever asks the index for K * OVERFETCH when a date filter applies
LIBRARIES = ("usearch", "faiss", "hnswlib", "sqlite-vec")


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def load_store(db: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = con.execute("SELECT rowid, published_ts, vector FROM passages ORDER BY rowid").fetchall()
    con.close()
    keys = np.array([r[0] for r in rows], dtype=np.uint64)
    published = np.array([np.nan if r[1] is None else r[1] for r in rows], dtype=np.float64)
    matrix = np.frombuffer(b"".join(r[2] for r in rows), dtype=np.float16).reshape(len(rows), -1)
    return keys, published, matrix.astype(np.float32)


def make_queries(db: Path, n: int, out: Path) -> None:
    from groundbrief.index.embed import UniversalSentenceEncoder
    from groundbrief.text import sentences

    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    ids = [r[0] for r in con.execute("SELECT id FROM sources ORDER BY id")]
    rng = random.Random(0)
    texts: list[str] = []
    for sid in rng.sample(ids, min(len(ids), n * 3)):
        text = con.execute("SELECT text FROM sources WHERE id=?", (sid,)).fetchone()[0]
        first = sentences(text)[:1]
        if first and 40 <= len(first[0]) <= 400:
            texts.append(first[0])
        if len(texts) == n:
            break
    con.close()
    np.save(out, UniversalSentenceEncoder().embed_batch(texts))


def exact(matrix: np.ndarray, queries: np.ndarray, mask: np.ndarray | None) -> list[set[int]]:
    sims = queries @ matrix.T
    if mask is not None:
        sims[:, ~mask] = -np.inf
    top = np.argpartition(-sims, K - 1, axis=1)[:, :K]
    return [set(int(i) for i in row) for row in top]


def run_library(lib: str, db: Path, queries_path: Path, workdir: Path) -> dict:
    keys, published, matrix = load_store(db)
    positions = np.arange(len(keys), dtype=np.uint64)
    queries = np.load(queries_path)
    as_of = float(np.nanmedian(published))
    mask = published <= as_of
    path = workdir / f"index.{lib}"

    t = time.perf_counter()
    if lib == "usearch":
        from usearch.index import Index
        index = Index(ndim=matrix.shape[1], metric="ip", dtype="f16", connectivity=16,
                      expansion_add=128, expansion_search=128)
        index.add(positions, matrix, threads=2)
        index.save(str(path))
    elif lib == "faiss":
        import faiss
        faiss.omp_set_num_threads(2)
        index = faiss.IndexHNSWFlat(matrix.shape[1], 16, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 128
        index.add(matrix)
        faiss.write_index(index, str(path))
    elif lib == "hnswlib":
        import hnswlib
        index = hnswlib.Index(space="ip", dim=matrix.shape[1])
        index.init_index(max_elements=len(matrix), ef_construction=128, M=16)
        index.set_num_threads(2)
        index.add_items(matrix, positions)
        index.save_index(str(path))
    elif lib == "sqlite-vec":
        import sqlean
        import sqlite_vec
        con = sqlean.connect(str(path))
        con.enable_load_extension(True)
        sqlite_vec.load(con)
        con.execute(f"CREATE VIRTUAL TABLE v USING vec0(embedding float[{matrix.shape[1]}], "
                    "published float)")
        con.executemany("INSERT INTO v(rowid, embedding, published) VALUES (?, ?, ?)",
                        ((int(i), matrix[i].tobytes(), float(published[i]) if published[i] == published[i]
                          else 9e18) for i in range(len(matrix))))
        con.commit()
        con.close()
        index = None
    build_s = time.perf_counter() - t
    size_mb = sum(f.stat().st_size for f in workdir.glob(f"index.{lib}*")) / 2**20
    del index
    truth = exact(matrix, queries, None)
    truth_filtered = exact(matrix, queries, mask)
    del matrix  # what an explain process would not hold
    import gc
    gc.collect()
    rss_before = rss_mb()

    t = time.perf_counter()
    if lib == "usearch":
        from usearch.index import Index
        index = Index.restore(str(path), view=True)
    elif lib == "faiss":
        import faiss
        index = faiss.read_index(str(path), faiss.IO_FLAG_MMAP | faiss.IO_FLAG_READ_ONLY)
        index.hnsw.efSearch = 128
    elif lib == "hnswlib":
        import hnswlib
        index = hnswlib.Index(space="ip", dim=queries.shape[1])
        index.load_index(str(path))
        index.set_ef(128)
    elif lib == "sqlite-vec":
        import sqlean
        import sqlite_vec
        index = sqlean.connect(str(path))
        index.enable_load_extension(True)
        sqlite_vec.load(index)
    open_s = time.perf_counter() - t

    def search(q: np.ndarray, count: int) -> list[int]:
        if lib == "usearch":
            return [int(x) for x in index.search(q, count).keys]
        if lib == "faiss":
            return [int(x) for x in index.search(q[None, :], count)[1][0] if x >= 0]
        if lib == "hnswlib":
            return [int(x) for x in index.knn_query(q, k=count)[0][0]]
        return [r[0] for r in index.execute(
            "SELECT rowid FROM v WHERE embedding MATCH ? AND k = ?", (q.tobytes(), count))]

    def search_filtered(q: np.ndarray) -> list[int]:
        if lib == "sqlite-vec":  # metadata column: the filter runs inside the scan, exactly
            return [r[0] for r in index.execute(
                "SELECT rowid FROM v WHERE embedding MATCH ? AND k = ? AND published <= ?",
                (q.tobytes(), K, as_of))]
        return [i for i in search(q, K * OVERFETCH) if mask[i]][:K]

    times, recall, recall_f = [], [], []
    for q, gold, gold_f in zip(queries, truth, truth_filtered, strict=True):
        t = time.perf_counter()
        got = search(q, K)
        times.append(time.perf_counter() - t)
        recall.append(len(gold & set(got)) / K)
        recall_f.append(len(gold_f & set(search_filtered(q))) / K)
    return {
        "library": lib,
        "passages": len(keys),
        "build_s": round(build_s, 1),
        "file_mb": round(size_mb, 1),
        "open_s": round(open_s, 4),
        "query_ms_p50": round(float(np.median(times)) * 1000, 2),
        "query_ms_p95": round(float(np.quantile(times, 0.95)) * 1000, 2),
        "rss_added_by_open_and_queries_mb": round(rss_mb() - rss_before, 1),
        "recall_at_50": round(float(np.mean(recall)), 4),
        "recall_at_50_as_of_half": round(float(np.mean(recall_f)), 4),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--libraries", default=",".join(LIBRARIES))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--one", help=argparse.SUPPRESS)  # internal: run one library in this process
    ap.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_library(args.one, args.db, args.workdir / "queries.npy", args.workdir)))
        return
    results = []
    with tempfile.TemporaryDirectory(prefix="gb-ann-") as tmp:
        work = Path(tmp)
        make_queries(args.db, args.queries, work / "queries.npy")
        for lib in args.libraries.split(","):
            proc = subprocess.run(
                [sys.executable, __file__, "--db", str(args.db), "--one", lib, "--workdir", str(work)],
                capture_output=True, text=True, env=os.environ)
            if proc.returncode:
                results.append({"library": lib, "error": proc.stderr.strip().splitlines()[-1:]})
            else:
                results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
            print(json.dumps(results[-1]), file=sys.stderr)
    print(json.dumps({"machine": machine(), "results": results}, indent=None if args.json else 1))


if __name__ == "__main__":
    main()
