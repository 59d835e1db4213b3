"""``groundbrief store copy SRC DST``: every table of one store into another (SQLite ⇄
PostgreSQL), verified by row counts and a content hash per table.

- One transaction on the destination: a copy that fails or is killed leaves it as it was.
- Idempotent and never destructive: a destination table that is empty is filled; one that
  already holds exactly the source's rows (same count and hash) is left alone; one that holds
  anything else stops the copy with nothing written (copy into an empty store instead).
- Passage rowids travel with the rows, and tables whose order matters (sources, story
  memberships) are written in the order the source wrote them.
- The hash is order-independent (a sum of per-row SHA-256 digests modulo 2**256) over the
  columns both engines share, values encoded alike whatever the engine returns (an integral
  REAL equals the integer, a BLOB equals the same bytea).
- Derived data is rebuilt, not copied: the SQLite FTS5 index or the PostgreSQL tsvector, the
  vector log (by the destination's triggers), the memory-mapped vector index, synced after
  the commit, and the per-story state of story grouping (``stories``, ``story_words``),
  marked stale and rebuilt from the memberships by the destination's first grouper.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import StoreError

# Parents before children (foreign keys); the columns both engines have, in one order.
TABLES: list[tuple[str, tuple[str, ...]]] = [
    ("sources", ("id", "url", "title", "outlet", "authors", "published_at", "published_ts",
                 "language", "text", "content_hash", "attribution", "origin")),
    ("passages", ("rowid", "id", "source_id", "ordinal", "start", "end", "text",
                  "published_ts", "vector", "embedder")),
    ("story_members", ("source_id", "story_id", "published_ts", "vector", "names")),
    ("runs", ("id", "brief", "as_of", "started_at", "settings", "status", "explainer_id",
              "version")),
    ("run_stages", ("run_id", "stage", "output")),
    ("explainers", ("id", "version", "run_id", "headline", "updated_at", "digest", "vector",
                    "json")),
    ("feeds", ("url", "title", "added_at", "interval_s", "etag", "last_modified",
               "last_polled_at", "last_ok_at", "next_poll_ts", "failures", "last_error",
               "entries_taken")),
    ("feed_entries", ("feed_url", "entry_key", "source_id", "taken_at")),
]
BATCH = 1000
_MOD = 2 ** 256


@dataclass
class TableCopy:
    table: str
    rows: int
    digest: str
    action: str  # "copied" | "already there"


def _encode(value: Any) -> bytes:
    if value is None:
        return b"N"
    if isinstance(value, bool):
        return b"i" + str(int(value)).encode()
    if isinstance(value, float) and value.is_integer() and abs(value) < 2 ** 53:
        value = int(value)
    if isinstance(value, int):
        return b"i" + str(value).encode()
    if isinstance(value, float):
        return b"f" + repr(value).encode()
    if isinstance(value, str):
        return b"s" + value.encode("utf-8", "surrogatepass")
    if isinstance(value, (bytes, bytearray, memoryview)):
        return b"b" + bytes(value)
    raise TypeError(f"cannot hash a {type(value).__name__}")


def _row_digest(row: Sequence[Any]) -> int:
    h = hashlib.sha256()
    for value in row:
        part = _encode(value)
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return int.from_bytes(h.digest(), "big")


def _select(table: str, columns: Sequence[str], order: str) -> str:
    cols = ", ".join(f'"{c}"' for c in columns)
    return f"SELECT {cols} FROM {table} ORDER BY {order}"


def _rows(store: Any, table: str, columns: Sequence[str]) -> Iterable[Sequence[Any]]:
    cur = store.db.execute(_select(table, columns, store.copy_order(table)))
    while chunk := cur.fetchmany(BATCH):
        yield from chunk


def table_summary(store: Any, table: str, columns: Sequence[str]) -> tuple[int, str]:
    """``(row count, content hash)`` of one table."""
    count, total = 0, 0
    for row in _rows(store, table, columns):
        count += 1
        total = (total + _row_digest(row)) % _MOD
    return count, f"{total:064x}"


def copy_store(src: Any, dst: Any, *, progress: Callable[[str], None] | None = None
               ) -> list[TableCopy]:
    """Copy every table of ``src`` into ``dst`` and verify it (see the module docstring)."""
    say = progress or (lambda _msg: None)
    results: list[TableCopy] = []
    copied: list[str] = []
    with src.snapshot(), dst.transaction():
        for table, columns in TABLES:
            want = table_summary(src, table, columns)
            have = table_summary(dst, table, columns)
            if have == want:
                results.append(TableCopy(table, want[0], want[1], "already there"))
                continue
            if have[0]:
                raise StoreError(
                    f"destination table {table} already holds {have[0]:,} rows that differ from "
                    f"the source's {want[0]:,}; nothing was copied: copy into an empty store")
            say(f"{table}: copying {want[0]:,} rows")
            cols = ", ".join(f'"{c}"' for c in columns)
            sql = f"INSERT INTO {table}({cols}) VALUES({', '.join('?' * len(columns))})"
            batch: list[Sequence[Any]] = []
            for row in _rows(src, table, columns):
                batch.append(tuple(bytes(v) if isinstance(v, memoryview) else v for v in row))
                if len(batch) >= BATCH:
                    dst.db.executemany(sql, batch)
                    batch.clear()
            if batch:
                dst.db.executemany(sql, batch)
            copied.append(table)
            results.append(TableCopy(table, want[0], want[1], "copied"))
        if copied:
            dst.after_copy(copied)
        # Verified inside the transaction: a mismatch rolls the whole copy back.
        for result, (table, columns) in zip(results, TABLES, strict=True):
            got = table_summary(dst, table, columns)
            if got != (result.rows, result.digest):
                raise StoreError(
                    f"copy of table {table} does not verify ({got[0]:,} rows, hash {got[1][:12]} "
                    f"vs {result.rows:,}, {result.digest[:12]}); nothing was copied")
    return results
