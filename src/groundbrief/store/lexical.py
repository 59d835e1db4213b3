"""BM25 with a bounded cost per query over a SQLite FTS5 index (issue 12, item 5).

FTS5 answers ``"a" OR "b" OR …`` by scoring every passage that holds any of the words, so a
query's cost grows with the store: 149 ms of CPU at 65k passages, 266 ms at 119k, and the
query's common words ("said", "year", "pct") are most of the postings read. This module keeps
FTS5's ranking but reads a bounded number of postings:

1. **Document frequencies, bounded.** Each query word's postings are read up to ``PROBE`` of
   them. A word found in at most ``PROBE`` passages gets its exact frequency; a commoner word's
   frequency is estimated from how densely it occurs in ``SLICES`` stretches of rowids spread
   over the store (it only feeds a logarithm, the idf, where a 20 % error is 0.2 at most).
2. **Candidates from the rare words.** The rarest words, while their postings add up to at most
   ``budget``, are read inside SQLite and the ``max(4 * limit, 200)`` passages holding the most
   of them (each word weighted by its idf) are the candidates. A passage that shares none of those words with the query is not found: that
   is the approximation, and why it is measured against the retrieval gate before use.
3. **Exact BM25 of the candidates over all the words.** The candidates are tokenised by FTS5
   itself (a temporary table with the same tokenizer, read through ``fts5vocab``), so each
   word's occurrences per column are what the real index holds; the passage lengths, the row
   count and the average length come from the index's own records. The score is FTS5's
   ``bm25(passages_fts, 1.0, 0.5)`` formula (k1 = 1.2, b = 0.75), so with exact frequencies it
   equals the full search's score for the same passage (tests/test_lexical_bound.py checks it).

When the query's postings all fit in the budget, the exact full search runs as before: small
stores, the test suite and the CI-sized gate are unchanged by construction. Still unbounded:
a query whose rarest word alone has more postings than the budget reads all of that word's.
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

#: Postings of the rare words searched per query (step 2). 0 turns the bound off.
DEFAULT_BUDGET = 20_000
PROBE = 2_000  # postings read per word to count (or estimate) its document frequency
SLICES = 4  # stretches of rowids sampled for a common word's frequency
MIN_CANDIDATES = 200
K1, B = 1.2, 0.75  # FTS5's bm25() constants (fts5_aux.c)
WEIGHTS = (1.0, 0.5)  # text, title: the weights the full search passes to bm25()
_FTS = "passages_fts"


@dataclass(frozen=True)
class Term:
    word: str  # as quoted in the MATCH expression
    df: int  # passages holding it: exact when exact, else estimated
    exact: bool


def parse_match(match: str) -> list[str] | None:
    """The words of a ``fts_query`` expression (``"a" OR "b"``), or None for anything else."""
    words = []
    for part in match.split(" OR "):
        if len(part) < 3 or part[0] != '"' or part[-1] != '"' or '"' in part[1:-1]:
            return None
        words.append(part[1:-1])
    return words


def _varints(blob: bytes) -> list[int]:
    """SQLite varints (as FTS5 writes its %_data averages and %_docsize records)."""
    out, i = [], 0
    while i < len(blob):
        value = 0
        for n in range(9):
            byte = blob[i]
            i += 1
            if n == 8:
                value = (value << 8) | byte
                break
            value = (value << 7) | (byte & 0x7F)
            if not byte & 0x80:
                break
        out.append(value)
    return out


def index_totals(db: sqlite3.Connection) -> tuple[int, float]:
    """(rows, average tokens per row over all columns) from FTS5's averages record."""
    row = db.execute(f"SELECT block FROM {_FTS}_data WHERE id = 1").fetchone()
    values = _varints(row[0]) if row and row[0] else []
    rows = values[0] if values else 0
    return rows, (sum(values[1:]) / rows if rows else 0.0)


def _rowid_range(db: sqlite3.Connection) -> tuple[int, int]:
    # Two statements: SQLite answers min() or max() alone from the primary key, both at once
    # with a full scan.
    lo = db.execute(f"SELECT min(id) FROM {_FTS}_docsize").fetchone()[0]
    hi = db.execute(f"SELECT max(id) FROM {_FTS}_docsize").fetchone()[0]
    return (lo or 0), (hi or 0)


def document_frequency(db: sqlite3.Connection, word: str, rowids: tuple[int, int],
                       rows: int) -> Term:
    """How many passages hold ``word``, reading at most ``PROBE`` postings (plus one)."""
    phrase = f'"{word}"'
    n, last = db.execute(
        f"SELECT count(*), max(rowid) FROM (SELECT rowid FROM {_FTS} WHERE {_FTS} MATCH ? "
        "LIMIT ?)", (phrase, PROBE + 1)).fetchone()
    if n <= PROBE:
        return Term(word, n, True)
    lo, hi = rowids
    span = hi - lo + 1
    # The first read is the first stretch; SLICES - 1 more start further along the rowids.
    densities = [n / max(1, last - lo + 1)]
    per_slice = PROBE // SLICES
    for j in range(1, SLICES):
        start = lo + span * j // SLICES
        m, end = db.execute(
            f"SELECT count(*), max(rowid) FROM (SELECT rowid FROM {_FTS} WHERE {_FTS} MATCH ? "
            "AND rowid >= ? LIMIT ?)", (phrase, start, per_slice)).fetchone()
        # A slice that ran out of postings covered the rest of the range.
        covered = (end if m == per_slice else hi) - start + 1
        densities.append(m / covered if covered > 0 else 0.0)
    estimate = round(sum(densities) / len(densities) * span)
    return Term(word, max(PROBE + 1, min(estimate, rows)), False)


def idf(rows: int, df: int) -> float:
    value = math.log((rows - df + 0.5) / (df + 0.5))
    return value if value > 0 else 1e-6  # as FTS5 does for words in over half the rows


def full_search(db: sqlite3.Connection, match: str, limit: int,
                as_of_ts: float | None) -> list[tuple[int, float]]:
    """FTS5's own BM25 over every passage matching ``match``: ``(rowid, score)``, best first."""
    sql = (f"SELECT {_FTS}.rowid, bm25({_FTS}, 1.0, 0.5) AS score FROM {_FTS} ")
    params: list = [match]
    if as_of_ts is None:
        sql += f"WHERE {_FTS} MATCH ? "
    else:
        sql += (f"JOIN passages p ON p.rowid = {_FTS}.rowid WHERE {_FTS} MATCH ? "
                "AND p.published_ts IS NOT NULL AND p.published_ts <= ? ")
        params.append(as_of_ts)
    sql += "ORDER BY score LIMIT ?"
    params.append(limit)
    return [(r[0], -r[1]) for r in db.execute(sql, params)]


def plan(db: sqlite3.Connection, words: Sequence[str], budget: int,
         ) -> tuple[list[Term], list[Term], int, float] | None:
    """(all terms, rarest terms for the candidates, rows, average length), or None when the
    whole query fits in the budget (then the full search is exact and as cheap)."""
    rows, avgdl = index_totals(db)
    if rows == 0:
        return None
    rowids = _rowid_range(db)
    terms = [document_frequency(db, w, rowids, rows) for w in words]
    if sum(t.df for t in terms) <= budget:
        return None
    chosen: list[Term] = []
    total = 0
    for t in sorted(terms, key=lambda t: (t.df, t.word)):
        if t.df == 0:
            continue
        if chosen and total + t.df > budget:
            break
        chosen.append(t)
        total += t.df
    return terms, chosen, rows, avgdl


class Reranker:
    """Tokenises candidates with FTS5 itself: a temporary FTS5 table with the store's tokenizer."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        # The tokenizer the store's index was created with (migrations.py), read from its schema.
        schema = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", (_FTS,)).fetchone()
        found = re.search(r"tokenize\s*=\s*'([^']*)'", schema[0] if schema else "")
        tokenize = found.group(1) if found else "unicode61"
        db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.gb_rerank USING "
                   f"fts5(text, title, tokenize=\"{tokenize}\")")
        db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.gb_rerank_v USING "
                   "fts5vocab(temp, gb_rerank, instance)")

    def scores(self, terms: Sequence[Term], candidates: Sequence[int], rows: int,
               avgdl: float) -> dict[int, float]:
        db = self.db
        db.execute("SAVEPOINT gb_rerank")
        try:
            # Each query word as a row of its own (rowid i + 1): its tokens as FTS5 sees them.
            db.execute("DELETE FROM temp.gb_rerank")
            db.executemany("INSERT INTO temp.gb_rerank(rowid, text, title) VALUES(?, ?, '')",
                           [(i + 1, t.word) for i, t in enumerate(terms)])
            tokens: dict[int, list[str]] = {}
            for term, doc, offset in db.execute(
                    "SELECT term, doc, offset FROM temp.gb_rerank_v ORDER BY doc, offset"):
                tokens.setdefault(doc - 1, []).append(term)
            stems = {s for seq in tokens.values() for s in seq}
            db.execute("DELETE FROM temp.gb_rerank")
            marks = ",".join("?" * len(candidates))
            db.execute(
                "INSERT INTO temp.gb_rerank(rowid, text, title) SELECT p.rowid, p.text, s.title "
                f"FROM passages p JOIN sources s ON s.id = p.source_id WHERE p.rowid IN ({marks})",
                list(candidates))
            # Occurrences of each word's tokens per (passage, column): offsets, for phrases.
            positions: dict[str, dict[tuple[int, int], list[int]]] = {}
            for stem in stems:
                found = positions.setdefault(stem, {})
                for doc, col, offset in db.execute(
                        "SELECT doc, col, offset FROM temp.gb_rerank_v WHERE term = ?", (stem,)):
                    found.setdefault((doc, 0 if col == "text" else 1), []).append(offset)
            sizes = {r[0]: sum(_varints(r[1])) for r in db.execute(
                f"SELECT id, sz FROM {_FTS}_docsize WHERE id IN ({marks})", list(candidates))}
        finally:
            db.execute("ROLLBACK TO gb_rerank")
            db.execute("RELEASE gb_rerank")
        freqs: dict[int, dict[int, float]] = {}  # passage -> term index -> weighted frequency
        for i, seq in tokens.items():
            first = positions.get(seq[0], {})
            for (doc, col), offsets in first.items():
                if len(seq) == 1:
                    hits = len(offsets)
                else:  # a phrase: each following token at the next offset
                    rest = [set(positions.get(s, {}).get((doc, col), ())) for s in seq[1:]]
                    hits = sum(1 for p in offsets
                               if all(p + j + 1 in r for j, r in enumerate(rest)))
                if hits:
                    per = freqs.setdefault(doc, {})
                    per[i] = per.get(i, 0.0) + WEIGHTS[col] * hits
        weights = [idf(rows, t.df) for t in terms]
        out: dict[int, float] = {}
        for rowid in candidates:
            norm = K1 * (1 - B + B * sizes.get(rowid, 0) / avgdl) if avgdl else K1
            out[rowid] = sum(weights[i] * f * (K1 + 1) / (f + norm)
                             for i, f in freqs.get(rowid, {}).items())
        return out


def candidates(db: sqlite3.Connection, chosen: Sequence[Term], rows: int, count: int,
               as_of_ts: float | None) -> list[int]:
    """The ``count`` passages holding the most of the ``chosen`` words, each word weighted by
    its idf: one pass over those words' postings inside SQLite, no per-row bm25() call (which
    costs about twice as much per posting)."""
    parts = " UNION ALL ".join(
        f"SELECT rowid AS r, ? AS w FROM {_FTS} WHERE {_FTS} MATCH ?" for _ in chosen)
    params: list = [x for t in chosen for x in (idf(rows, t.df), f'"{t.word}"')]
    sql = f"SELECT h.r, sum(h.w) AS s FROM ({parts}) h "
    if as_of_ts is not None:
        sql += ("JOIN passages p ON p.rowid = h.r "
                "WHERE p.published_ts IS NOT NULL AND p.published_ts <= ? ")
        params.append(as_of_ts)
    sql += "GROUP BY h.r ORDER BY s DESC, h.r LIMIT ?"
    params.append(count)
    return [r[0] for r in db.execute(sql, params)]


def bounded_search(db: sqlite3.Connection, match: str, limit: int, as_of_ts: float | None,
                   budget: int, reranker: Reranker | None) -> tuple[list[tuple[int, float]], dict]:
    """BM25 reading a bounded number of postings: ``(rowid, score)`` best first, and what was
    done (``mode``: "full" or "bounded", the words used for the candidates, postings)."""
    words = parse_match(match)
    planned = plan(db, words, budget) if (words and budget > 0 and reranker) else None
    if planned is None:
        return full_search(db, match, limit, as_of_ts), {"mode": "full"}
    terms, chosen, rows, avgdl = planned
    found = candidates(db, chosen, rows, max(4 * limit, MIN_CANDIDATES), as_of_ts)
    info = {"mode": "bounded", "words": [t.word for t in chosen], "candidates": len(found),
            "postings": sum(t.df for t in chosen)}
    if not found:
        return [], info
    scores = reranker.scores(terms, found, rows, avgdl)
    # Passages without any query word cannot be candidates; ties in rowid order (I7).
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:limit], info
