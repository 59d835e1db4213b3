"""Ingest throughput on the Reuters-21578 corpus (19k articles with a body).

Prints articles/s for the whole ingest (read → clean → chunk → embed → store), and, measured in
the same run on the same passages, the embedder alone, so the gap shows what the rest costs.

    .venv/bin/python benchmarks/bench_ingest.py [--limit N] [--home DIR] [--json]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SHARED, commit, machine, peak_rss_mb  # noqa: E402

from groundbrief.config import Settings  # noqa: E402
from groundbrief.index.chunk import SentenceWindowChunker  # noqa: E402
from groundbrief.index.indexer import Indexer  # noqa: E402
from groundbrief.ingest import read_sources  # noqa: E402
from groundbrief.interfaces import Rejected  # noqa: E402
from groundbrief.registry import build_embedder  # noqa: E402
from groundbrief.runtime import open_store  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(SHARED / "reuters21578" / "reuters.jsonl"))
    ap.add_argument("--limit", type=int, default=0, help="only the first N records")
    ap.add_argument("--home", type=Path, help="keep the store here (default: a temp dir, removed)")
    ap.add_argument("--embed-sample", type=int, default=3000, help="passages for the embedder-only rate")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    corpus = Path(args.corpus)
    if not corpus.exists():
        sys.exit(f"bench_ingest: {corpus} not found; pass the Reuters JSONL path")
    home = args.home or Path(tempfile.mkdtemp(prefix="gb-bench-"))
    if args.home and home.exists():
        shutil.rmtree(home)
    settings = Settings(home=home)
    embedder = build_embedder(settings)

    t0 = time.perf_counter()
    items = []
    for item in read_sources([str(corpus)]):
        items.append(item)
        if args.limit and len(items) >= args.limit:
            break
    read_s = time.perf_counter() - t0
    sources = [i for i in items if not isinstance(i, Rejected)]

    with open_store(settings) as store:
        t0 = time.perf_counter()
        report = Indexer(store, embedder).index(items)
        ingest_s = time.perf_counter() - t0
        passages = store.counts()["passages"]
    db_mb = sum(p.stat().st_size for p in home.glob("groundbrief.db*")) / 2**20

    # Embedder alone, on passages of the same corpus, same process, same settings.
    chunker = SentenceWindowChunker()
    sample: list[str] = []
    for s in sources:
        sample.extend(p.text for p in chunker.chunk(s))
        if len(sample) >= args.embed_sample:
            break
    sample = sample[: args.embed_sample]
    t0 = time.perf_counter()
    embedder.embed_batch(sample)
    embed_s = time.perf_counter() - t0
    embed_pps = len(sample) / embed_s
    per_article = passages / max(len(sources), 1)

    figures = {
        "benchmark": "ingest",
        "commit": commit(),
        "machine": machine(),
        "corpus": str(corpus.name),
        "records_read": len(items),
        "articles": len(sources),
        "rejected": report.rejected,
        "passages": passages,
        "read_s": round(read_s, 2),
        "ingest_s": round(ingest_s, 2),
        "total_articles_per_s": round(len(sources) / (read_s + ingest_s), 1),
        "index_articles_per_s": round(len(sources) / ingest_s, 1),
        "embedder_passages_per_s": round(embed_pps, 1),
        "embedder_only_articles_per_s": round(embed_pps / per_article, 1),
        "store_mb": round(db_mb, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
    if args.json:
        print(json.dumps(figures))
    else:
        for k, v in figures.items():
            print(f"{k:>30}: {v}")
    if not args.home:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
