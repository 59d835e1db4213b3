"""What the BM25 search (``lexical_search``) costs as the store grows, and what keeping only a
query's rarer words would save and change (issue 12, item 5; docs/benchmarks.md, Growth).

For ``--briefs`` first sentences of seeded random original articles (as bench_growth.py picks
them): CPU per query with the retriever's query (every content word OR-ed), and with only the
words found in at most ``--max-df`` of the passages (document frequencies from an fts5vocab
table in the temp schema: the store is opened read-only), the postings each reads, and how
much of the top 10 the two share.

    .venv/bin/python benchmarks/bench_bm25.py STORE.db [--briefs 12] [--max-df 0.01]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import first_sentences  # noqa: E402

from groundbrief.index.retrieve import fts_query  # noqa: E402
from groundbrief.store import SQLiteStore  # noqa: E402

REPEATS = 3


def cpu_per_query(store: SQLiteStore, match: str) -> float:
    c = time.process_time()
    for _ in range(REPEATS):
        store.lexical_search(match, limit=50, as_of_ts=None)
    return (time.process_time() - c) / REPEATS


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("store", type=Path)
    ap.add_argument("--briefs", type=int, default=12)
    ap.add_argument("--max-df", type=float, default=0.01)
    args = ap.parse_args()
    store = SQLiteStore(args.store, create=False)
    db = store.db
    db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab "
               "USING fts5vocab(main, passages_fts, row)")
    passages = db.execute("SELECT count(*) FROM passages").fetchone()[0]
    briefs = first_sentences(store, args.briefs, seed=0, where="id NOT LIKE 'growth:%'")

    def df(term: str) -> int:
        row = db.execute("SELECT doc FROM temp.vocab WHERE term=?", (term,)).fetchone()
        return row[0] if row else 0

    full, rare, postings_full, postings_rare, overlap = [], [], [], [], []
    for brief in briefs:
        match = fts_query(brief)
        terms = [t.strip('"') for t in match.split(" OR ")]
        freq = {t: df(t) for t in terms}
        keep = ([t for t in terms if freq[t] <= args.max_df * passages]
                or sorted(terms, key=freq.__getitem__)[:3])
        rare_match = " OR ".join(f'"{t}"' for t in keep)
        full.append(cpu_per_query(store, match))
        rare.append(cpu_per_query(store, rare_match))
        a = [r for r, _ in store.lexical_search(match, limit=10, as_of_ts=None)]
        b = [r for r, _ in store.lexical_search(rare_match, limit=10, as_of_ts=None)]
        overlap.append(len(set(a) & set(b)) / max(1, len(a)))
        postings_full.append(sum(freq.values()))
        postings_rare.append(sum(freq[t] for t in keep))
    print(f"{args.store}: {passages} passages; BM25 CPU per query p50: all words "
          f"{statistics.median(full) * 1000:.0f} ms, words in <= {args.max_df:.0%} of passages "
          f"{statistics.median(rare) * 1000:.0f} ms; postings p50 "
          f"{statistics.median(postings_full):.0f} vs {statistics.median(postings_rare):.0f}; "
          f"top-10 overlap {statistics.mean(overlap):.2f}")


if __name__ == "__main__":
    main()
