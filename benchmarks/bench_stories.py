"""What story grouping costs per article as the store grows (issue 12, item 5; docs/benchmarks.md,
"Story grouping as the store grows").

Profiles come from real Reuters-21578 articles: the names of each article's title and lead
(``stories.profile.names_of``), its date, and the mean of its first passages' vectors from the
real embedder. The store grows past the corpus as bench_growth.py grows it: copies of the
articles re-dated by up to ten years, each profile vector the original's plus Gaussian noise
(cosine ~0.95), the names kept. Each article is grouped by the real ``StoryGrouper`` into a real
SQLite store, two ways over the same stream:

- indexed (what ships): the cosine only with stories in the article's time window (einsum),
  and of those only stories listed under its rare name words, or closer than JOIN_COSINE;
- scan (the code before session 8): the cosine with every story (``@``, multi-threaded BLAS),
  and every story closer than MANY_NAMES_COSINE looked at.

Printed at each size: CPU ms per article (mean over the last ``--window`` articles) for both,
whether the two made the same assignment for every article, and the start-up of a new process's
grouper on the store of that size: opening a ``StoryGrouper`` and grouping the next article
(wall-clock and CPU ms; rolled back, so the stream goes on from the same store).

    .venv/bin/python benchmarks/bench_stories.py [--articles 3000] [--sizes 5000,10000,20000]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SHARED, commit, machine  # noqa: E402

from groundbrief.index.chunk import SentenceWindowChunker  # noqa: E402
from groundbrief.index.embed import UniversalSentenceEncoder  # noqa: E402
from groundbrief.models import Source  # noqa: E402
from groundbrief.store import SQLiteStore  # noqa: E402
from groundbrief.stories import grouping  # noqa: E402
from groundbrief.stories.profile import LEAD_PASSAGES, SourceProfile, profile  # noqa: E402
from groundbrief.text import content_hash  # noqa: E402

NOISE = 0.33  # as bench_growth.py: cosine to the original ~ 1/sqrt(1 + 0.33^2) = 0.95
YEAR = 365.25 * 86400.0


def real_profiles(path: Path, n: int) -> list[SourceProfile]:
    """Profiles of the first ``n`` Reuters articles with a body, as the indexer makes them:
    the real reader, chunker and embedder, and ``stories.profile.profile``."""
    from _evalcommon import reuters_sources

    embedder = UniversalSentenceEncoder()
    chunker = SentenceWindowChunker()
    out = []
    for src in reuters_sources(path, n):
        passages = chunker.chunk(src)[:LEAD_PASSAGES]
        out.append(profile(src, passages, embedder.embed_batch([p.text for p in passages])))
    return out


def stream(base: list[SourceProfile], total: int, seed: int = 13) -> list[SourceProfile]:
    """The real profiles, then re-dated noisy copies of them until ``total``."""
    rng = np.random.default_rng(seed)
    pick = random.Random(seed)
    out = list(base)
    while len(out) < total:
        p = base[pick.randrange(len(base))]
        v = p.vector + rng.normal(0, NOISE / np.sqrt(p.vector.size), p.vector.size).astype(np.float32)
        ts = None if p.published_ts is None else p.published_ts + pick.uniform(-10, 10) * YEAR
        out.append(SourceProfile(f"copy:{len(out)}", (v / np.linalg.norm(v)).astype(np.float32),
                                 p.names, ts))
    return out


class _Undo(Exception):
    """Raised to roll back the start-up probe's transaction."""


def startup(store: SQLiteStore, p: SourceProfile) -> tuple[float, float]:
    """Wall-clock and CPU ms for a new grouper to place ``p``: what an ingest process pays
    before its first article joins a story. The transaction is rolled back."""
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        with store.transaction():
            grouping.StoryGrouper(store).assign(p)
            raise _Undo
    except _Undo:
        pass
    return 1000 * (time.perf_counter() - wall), 1000 * (time.process_time() - cpu)


def run(profiles: list[SourceProfile], sizes: list[int], window: int, scan: bool,
        home: Path) -> tuple[dict[int, float], list[str], dict[int, tuple[float, float]]]:
    """Groups ``profiles[:sizes[-1]]``; the one after each size is the start-up probe's."""
    day0 = datetime(1987, 1, 1, tzinfo=timezone.utc)
    per_size: dict[int, float] = {}
    starts: dict[int, tuple[float, float]] = {}
    chosen: list[str] = []
    with SQLiteStore(home / ("scan.db" if scan else "indexed.db")) as store:
        with store.transaction():
            for p in profiles:  # the sources the memberships refer to
                src = Source(id=p.source_id, title=p.source_id, outlet="Reuters", text="x",
                             language="en", published_at=day0 + timedelta(seconds=p.published_ts or 0)
                             if p.published_ts else None, content_hash=content_hash(p.source_id, "x"))
                store.upsert_source(src, [], np.zeros((0, p.vector.size), dtype=np.float32), "bench")
        g = grouping.StoryGrouper(store)
        if scan:
            g._cosines = lambda p: g._buffer[: len(g._order)] @ p.vector
            g._candidates = lambda cos, rare: list(np.flatnonzero(cos >= grouping.MANY_NAMES_COSINE))
        cpu: list[float] = []
        done = 0
        for size in sizes:  # one transaction up to each size, then the start-up probe
            with store.transaction():
                for p in profiles[done:size]:
                    c = time.process_time()
                    chosen.append(g.assign(p).story_id)
                    cpu.append(time.process_time() - c)
            done = size
            per_size[size] = 1000 * float(np.mean(cpu[-window:]))
            if not scan:
                starts[size] = startup(store, profiles[size])
    return per_size, chosen, starts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reuters", type=Path, default=SHARED / "reuters21578" / "reuters.jsonl")
    ap.add_argument("--articles", type=int, default=3000, help="real articles embedded")
    ap.add_argument("--sizes", default="5000,10000,20000")
    ap.add_argument("--window", type=int, default=500)
    ap.add_argument("--no-scan", action="store_true", help="time only the shipped (indexed) grouping")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not args.reuters.exists():
        sys.exit(f"bench_stories: {args.reuters} not found; pass --reuters PATH/reuters.jsonl")
    sizes = sorted(int(s) for s in args.sizes.split(","))
    t = time.perf_counter()
    base = real_profiles(args.reuters, args.articles)
    profiles = stream(base, sizes[-1] + 1)
    setup_s = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        indexed, chosen_i, starts = run(profiles, sizes, args.window, False, Path(tmp))
        scan, chosen_s, _ = (({}, chosen_i, {}) if args.no_scan
                             else run(profiles, sizes, args.window, True, Path(tmp)))
    result = {
        "commit": commit(), "machine": machine(), "real_articles": len(base),
        "setup_s": round(setup_s, 1), "window": args.window,
        "stories": len(set(chosen_i)),
        "cpu_ms_per_article": {str(n): {"indexed": round(indexed[n], 2),
                                        "scan": round(scan[n], 2) if n in scan else None}
                               for n in sizes},
        "startup_ms": {str(n): {"wall": round(starts[n][0], 1), "cpu": round(starts[n][1], 1)}
                       for n in sizes},
        "same_assignments": chosen_i == chosen_s,
    }
    if args.json:
        print(json.dumps(result))
        return
    print(f"{len(base)} real Reuters articles, grown to {sizes[-1]} with re-dated noisy copies; "
          f"{result['stories']} stories; commit {result['commit']}; {result['machine']}")
    print(f"{'articles':>9} {'indexed ms':>11} {'scan ms':>9} {'start-up wall ms':>17} {'cpu ms':>8}")
    for n in sizes:
        s = scan.get(n)
        print(f"{n:>9} {indexed[n]:>11.2f} {'-' if s is None else f'{s:.2f}':>9} "
              f"{starts[n][0]:>17.1f} {starts[n][1]:>8.1f}")
    print(f"same assignment for every article: {result['same_assignments']}")


if __name__ == "__main__":
    main()
