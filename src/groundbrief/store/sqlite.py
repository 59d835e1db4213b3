"""The embedded store: one SQLite file (WAL), FTS5 for BM25, passage vectors beside the rows.

Why vectors live in a BLOB column rather than a vector extension: the stdlib ``sqlite3`` on our
target machines cannot load extensions, and an exact dot product over a few hundred thousand
512-d vectors in numpy is fast enough (tens of milliseconds) for a single-machine store. The
matrix is loaded once per process and reloaded only when the store's ``generation`` changes.

Writes happen inside explicit transactions, so an interrupted ingest or a crash leaves the file
as it was before that batch: nothing stored earlier is lost.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

import numpy as np

from ..errors import StoreError
from ..models import Explainer, ExplainerSummary, Passage, Source, iso, utc
from . import lexical
from .migrations import MIGRATIONS

UpsertResult = Literal["new", "updated", "unchanged"]

_SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass
class StoryState:
    """What story grouping keeps of one story (migration 5): enough to match a new source
    against it without reading its members."""

    id: str
    seq: int  # opening order: ties go to the older story
    size: int
    first_ts: float | None
    last_ts: float | None
    total: np.ndarray  # float32 sum of the members' profile vectors
    names: dict[str, int]  # name word -> members carrying it


@dataclass
class VectorIndex:
    """All passage vectors in memory: row ``i`` belongs to ``rowids[i]``."""

    generation: int
    rowids: np.ndarray  # int64
    published: np.ndarray  # float64 epoch seconds, NaN when unknown
    matrix: np.ndarray  # float32 (n, dim), L2-normalised


class SQLiteStore:
    """Sources, passages, runs and explainer versions in one SQLite file."""

    name = "sqlite"

    def __init__(self, path: Path | str, *, create: bool = True, timeout: float = 5.0,
                 lexical_budget: int = lexical.DEFAULT_BUDGET):
        self.path = Path(path)
        self.lexical_budget = lexical_budget
        self._reranker: lexical.Reranker | None = None
        self.last_lexical: dict = {}  # what the last lexical_search did (benchmarks read it)
        if not self.path.exists():
            if not create:
                raise StoreError(f"store {self.path} does not exist; run `groundbrief ingest` first")
            self.path.parent.mkdir(parents=True, exist_ok=True)
        else:
            self._check_header()
        try:
            self.db = sqlite3.connect(self.path, timeout=timeout, check_same_thread=False,
                                      isolation_level=None)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
            self._ensure_store_id()
            self.db.execute("PRAGMA quick_check(1)").fetchone()
        except sqlite3.DatabaseError as exc:
            raise self._error(exc) from None
        self._lock = threading.RLock()
        self._vectors: VectorIndex | None = None

    # ------------------------------------------------------------------ setup

    def _check_header(self) -> None:
        try:
            with open(self.path, "rb") as fh:
                head = fh.read(16)
        except OSError as exc:
            raise StoreError(f"store {self.path} cannot be read ({exc.strerror}); check its permissions")
        if head and head != _SQLITE_MAGIC:
            raise StoreError(
                f"store {self.path} is not a groundbrief database; point --home at another folder"
            )

    def _error(self, exc: sqlite3.Error) -> StoreError:
        msg = str(exc)
        if "locked" in msg or "busy" in msg:
            return StoreError(
                f"store {self.path} is locked by another process; wait for it to finish and retry"
            )
        if "malformed" in msg or "not a database" in msg or "disk image" in msg:
            return StoreError(
                f"store {self.path} is corrupt ({msg}); restore it from a backup or re-ingest into a new --home"
            )
        return StoreError(f"store {self.path}: {msg}")

    def _migrate(self) -> None:
        self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        version = int(row[0]) if row else 0
        if version > len(MIGRATIONS):
            raise StoreError(
                f"store {self.path} was written by a newer groundbrief (schema {version}); upgrade groundbrief"
            )
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            with self.transaction():
                for statement in _split_sql(script):
                    self.db.execute(statement)
                self.db.execute(
                    "INSERT INTO meta(key, value) VALUES('schema_version', ?) "
                    "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                    (str(number),),
                )

    def _ensure_store_id(self) -> None:
        # A random identity, kept by copies of the file: files derived from this store (the
        # vector index) carry it, so a store deleted and re-created at the same path never
        # reads the old one's derived files.
        if self.get_meta("store_id") is None:
            with self.transaction():
                self.db.execute("INSERT OR IGNORE INTO meta(key, value) VALUES('store_id', ?)",
                                (uuid.uuid4().hex[:12],))

    @property
    def store_id(self) -> str:
        return self.get_meta("store_id") or ""

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; rolled back whole on any error."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise self._error(exc) from None
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            try:
                self.db.execute("COMMIT")
            except sqlite3.Error as exc:
                self.db.execute("ROLLBACK")
                raise self._error(exc) from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ meta

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else default

    def _set_meta(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
            (key, value),
        )

    @property
    def generation(self) -> int:
        """Bumped by every write that changes passages: a cheap staleness check for caches."""
        return int(self.get_meta("generation", "0") or 0)

    # ------------------------------------------------------------------ sources

    def source_state(self, source_id: str) -> str | None:
        row = self.db.execute("SELECT content_hash FROM sources WHERE id=?", (source_id,)).fetchone()
        return row[0] if row else None

    def upsert_source(
        self,
        source: Source,
        passages: Sequence[Passage],
        vectors: np.ndarray,
        embedder: str,
    ) -> UpsertResult:
        """Store a source with its passages and their vectors (call inside :meth:`transaction`)."""
        db = self.db
        old = self.source_state(source.id)
        if old == source.content_hash:
            return "unchanged"
        published = source.published_at.timestamp() if source.published_at else None
        if old is not None:
            self._delete_passages(source.id)
        db.execute(
            """INSERT INTO sources(id, url, title, outlet, authors, published_at, published_ts,
                   language, text, content_hash, attribution, origin)
               VALUES(?,?,?,?,?,?,?,?,?,?,?,?)
               ON CONFLICT(id) DO UPDATE SET url=excluded.url, title=excluded.title,
                   outlet=excluded.outlet, authors=excluded.authors,
                   published_at=excluded.published_at, published_ts=excluded.published_ts,
                   language=excluded.language, text=excluded.text,
                   content_hash=excluded.content_hash, attribution=excluded.attribution,
                   origin=excluded.origin""",
            (
                source.id, source.url, source.title, source.outlet, json.dumps(source.authors),
                iso(source.published_at), published, source.language, source.text,
                source.content_hash, source.attribution, source.origin,
            ),
        )
        vec16 = vectors.astype(np.float16)
        for passage, vec in zip(passages, vec16, strict=True):
            cur = db.execute(
                """INSERT INTO passages(id, source_id, ordinal, start, "end", text, published_ts,
                       vector, embedder) VALUES(?,?,?,?,?,?,?,?,?)""",
                (passage.id, source.id, passage.ordinal, passage.start, passage.end, passage.text,
                 published, vec.tobytes(), embedder),
            )
            db.execute(
                "INSERT INTO passages_fts(rowid, text, title) VALUES(?,?,?)",
                (cur.lastrowid, passage.text, source.title),
            )
        self._set_meta("generation", str(self.generation + 1))
        return "new" if old is None else "updated"

    def _delete_passages(self, source_id: str) -> None:
        rows = self.db.execute(
            "SELECT rowid, text, (SELECT title FROM sources WHERE id=?) FROM passages WHERE source_id=?",
            (source_id, source_id),
        ).fetchall()
        for rowid, text, title in rows:
            # External-content FTS5 tables need the old values to remove a row.
            self.db.execute(
                "INSERT INTO passages_fts(passages_fts, rowid, text, title) VALUES('delete', ?, ?, ?)",
                (rowid, text, title),
            )
        self.db.execute("DELETE FROM passages WHERE source_id=?", (source_id,))

    def get_source(self, source_id: str) -> Source | None:
        row = self.db.execute("SELECT * FROM sources WHERE id=?", (source_id,)).fetchone()
        return _source(row) if row else None

    def get_sources(self, ids: Iterable[str]) -> dict[str, Source]:
        ids = list(dict.fromkeys(ids))
        out: dict[str, Source] = {}
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(f"SELECT * FROM sources WHERE id IN ({marks})", chunk):
                out[row["id"]] = _source(row)
        return out

    def iter_sources(self) -> Iterator[Source]:
        for row in self.db.execute("SELECT * FROM sources ORDER BY id"):
            yield _source(row)

    def counts(self, as_of: datetime | None = None) -> dict[str, Any]:
        """Store figures for Source Transparency: totals, and what the as-of filter leaves."""
        total_sources = self.db.execute("SELECT count(*) FROM sources").fetchone()[0]
        total_passages = self.db.execute("SELECT count(*) FROM passages").fetchone()[0]
        if as_of is None:
            usable, newest = self.db.execute(
                "SELECT count(*), max(published_ts) FROM sources").fetchone()
        else:
            usable, newest = self.db.execute(
                "SELECT count(*), max(published_ts) FROM sources WHERE published_ts <= ?",
                (utc(as_of).timestamp(),),
            ).fetchone()
        undated = self.db.execute(
            "SELECT count(*) FROM sources WHERE published_ts IS NULL").fetchone()[0]
        return {
            "sources": total_sources,
            "passages": total_passages,
            "usable_sources": usable,
            "undated_sources": undated,
            "newest_ts": newest,
        }

    # ------------------------------------------------------------------ passages

    def get_passages(self, rowids: Sequence[int]) -> dict[int, Passage]:
        out: dict[int, Passage] = {}
        for chunk in _chunks(list(rowids), 500):
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(
                f'SELECT rowid, id, source_id, ordinal, start, "end", text FROM passages '
                f"WHERE rowid IN ({marks})",
                chunk,
            ):
                out[row["rowid"]] = Passage(
                    id=row["id"], source_id=row["source_id"], ordinal=row["ordinal"],
                    start=row["start"], end=row["end"], text=row["text"],
                )
        return out

    def get_passage(self, passage_id: str) -> Passage | None:
        row = self.db.execute(
            'SELECT id, source_id, ordinal, start, "end", text FROM passages WHERE id=?',
            (passage_id,),
        ).fetchone()
        return Passage(**dict(row)) if row else None

    def lexical_search(
        self, match: str, *, limit: int, as_of_ts: float | None
    ) -> list[tuple[int, float]]:
        """BM25 over passage text and source title: ``(rowid, score)``, best first.

        With ``lexical_budget`` > 0 a query whose words have more postings than the budget
        reads a bounded number of them (store/lexical.py): its cost stops growing with the store.
        """
        if not match:
            return []
        try:
            with self._lock:  # the re-rank's temporary table is the connection's
                if self.lexical_budget > 0 and self._reranker is None:
                    self._reranker = lexical.Reranker(self.db)
                hits, self.last_lexical = lexical.bounded_search(
                    self.db, match, limit, as_of_ts, self.lexical_budget, self._reranker)
                return hits
        except sqlite3.OperationalError as exc:
            raise self._error(exc) from None

    def vectors(self) -> VectorIndex:
        """The in-memory vector matrix, reloaded when the store changed since the last load."""
        gen = self.generation
        with self._lock:
            if self._vectors is not None and self._vectors.generation == gen:
                return self._vectors
            rows = self.db.execute(
                "SELECT rowid, published_ts, vector FROM passages ORDER BY rowid").fetchall()
            if rows:
                rowids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
                published = np.array(
                    [np.nan if r[1] is None else r[1] for r in rows], dtype=np.float64)
                blob = b"".join(r[2] for r in rows)
                matrix = np.frombuffer(blob, dtype=np.float16).reshape(len(rows), -1)
                matrix = matrix.astype(np.float32)
            else:
                rowids = np.zeros(0, dtype=np.int64)
                published = np.zeros(0, dtype=np.float64)
                matrix = np.zeros((0, 1), dtype=np.float32)
            self._vectors = VectorIndex(gen, rowids, published, matrix)
            return self._vectors

    # ------------------------------------------------------------------ stories

    def save_story_member(self, source_id: str, story_id: str, vector: np.ndarray,
                          names: Sequence[str], published_ts: float | None) -> None:
        """Record ``source_id``'s story and profile (call inside :meth:`transaction`)."""
        self.db.execute(
            """INSERT INTO story_members(source_id, story_id, published_ts, vector, names)
               VALUES(?,?,?,?,?)
               ON CONFLICT(source_id) DO UPDATE SET story_id=excluded.story_id,
                   published_ts=excluded.published_ts, vector=excluded.vector,
                   names=excluded.names""",
            (source_id, story_id, published_ts, vector.astype(np.float32).tobytes(),
             json.dumps(list(names), ensure_ascii=False)),
        )

    def story_members(self) -> list[tuple[str, str, np.ndarray, list[str], float | None]]:
        """(source id, story id, profile vector, name keys, published ts) of every source with
        a story, in the order they were grouped."""
        rows = self.db.execute(
            "SELECT source_id, story_id, vector, names, published_ts FROM story_members "
            "ORDER BY rowid").fetchall()
        return [(r[0], r[1], np.frombuffer(r[2], dtype=np.float32), json.loads(r[3]), r[4])
                for r in rows]

    def stories_of(self, source_ids: Iterable[str]) -> dict[str, str]:
        """Story id of each of ``source_ids`` that has one."""
        ids = list(dict.fromkeys(source_ids))
        out: dict[str, str] = {}
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(
                    f"SELECT source_id, story_id FROM story_members WHERE source_id IN ({marks})",
                    chunk):
                out[row[0]] = row[1]
        return out

    def story_sources(self, story_ids: Iterable[str]) -> dict[str, list[str]]:
        """Member source ids of each of ``story_ids``, in the order they joined."""
        ids = list(dict.fromkeys(story_ids))
        out: dict[str, list[str]] = {sid: [] for sid in ids}
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(
                    f"SELECT story_id, source_id FROM story_members WHERE story_id IN ({marks}) "
                    "ORDER BY rowid", chunk):
                out[row[0]].append(row[1])
        return out

    def story_names(self, source_ids: Iterable[str]) -> dict[str, list[str]]:
        """Name keys recorded for each of ``source_ids`` when it was grouped."""
        ids = list(dict.fromkeys(source_ids))
        out: dict[str, list[str]] = {}
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(
                    f"SELECT source_id, names FROM story_members WHERE source_id IN ({marks})",
                    chunk):
                out[row[0]] = json.loads(row[1])
        return out

    def name_frequency(self, names: Iterable[str]) -> tuple[dict[str, int], int]:
        """How many grouped sources carry each of ``names``, and how many are grouped."""
        total = self.db.execute("SELECT count(*) FROM story_members").fetchone()[0]
        out = {}
        for name in dict.fromkeys(names):
            out[name] = self.db.execute(
                "SELECT count(*) FROM story_members, json_each(story_members.names) n "
                "WHERE n.value = ?", (name,)).fetchone()[0]
        return out, total

    def story_member(self, source_id: str
                     ) -> tuple[str, np.ndarray, list[str], float | None] | None:
        """(story id, profile vector, name keys, published ts) of ``source_id``'s membership."""
        row = self.db.execute("SELECT story_id, vector, names, published_ts FROM story_members "
                              "WHERE source_id=?", (source_id,)).fetchone()
        if row is None:
            return None
        return row[0], np.frombuffer(row[1], dtype=np.float32), json.loads(row[2]), row[3]

    def story_dates(self, story_id: str, without: str) -> tuple[float | None, float | None]:
        """First and last date of ``story_id``'s members other than ``without``."""
        row = self.db.execute("SELECT min(published_ts), max(published_ts) FROM story_members "
                              "WHERE story_id=? AND source_id<>?", (story_id, without)).fetchone()
        return row[0], row[1]

    # ------------------------------------------------------------------ story state

    def story_state_current(self) -> bool:
        """Whether the per-story state (:class:`StoryState`) is that of the memberships: not
        after migration 5 made it, nor after a membership row was deleted."""
        return self.get_meta("story_state") == "current"

    def replace_story_state(self, stories: Iterable[StoryState], words: Mapping[str, int]) -> None:
        """Replace every story's state and the name-word counts, and mark them current (call
        inside :meth:`transaction`)."""
        self.db.execute("DELETE FROM stories")
        self.db.execute("DELETE FROM story_words")
        for story in stories:
            self.save_story(story)
        self.db.executemany("INSERT INTO story_words(word, sources) VALUES(?,?)",
                            list(words.items()))
        self._set_meta("story_state", "current")

    def save_story(self, story: StoryState) -> None:
        """Store ``story``'s state; a story left with no member is deleted."""
        if story.size <= 0:
            self.db.execute("DELETE FROM stories WHERE id=?", (story.id,))
            return
        self.db.execute(_STORY_UPSERT, _story_row(story))

    def add_story_words(self, deltas: Mapping[str, int]) -> None:
        """Add ``deltas`` to the counts of grouped sources carrying each name word."""
        self.db.executemany(
            "INSERT INTO story_words(word, sources) VALUES(?,?) "
            "ON CONFLICT(word) DO UPDATE SET sources = sources + excluded.sources",
            list(deltas.items()))

    def story_word_counts(self, words: Iterable[str]) -> dict[str, int]:
        """Grouped sources carrying each of ``words`` (0 for a word none carries)."""
        ids = list(dict.fromkeys(words))
        out = dict.fromkeys(ids, 0)
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            out.update(self.db.execute(
                f"SELECT word, sources FROM story_words WHERE word IN ({marks})", chunk))
        return out

    def story_states(self, ids: Iterable[str]) -> list[StoryState]:
        """The stored state of each of ``ids`` that has members."""
        ids = list(dict.fromkeys(ids))
        out: list[StoryState] = []
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            out += map(_story_state, self.db.execute(
                f"SELECT {_STORY_COLUMNS} FROM stories WHERE id IN ({marks}) ORDER BY seq", chunk))
        return out

    def story_states_between(self, start: float | None, end: float | None) -> list[StoryState]:
        """Dated stories with a member on or after ``start`` and one on or before ``end``
        (every dated story when either is None), in opening order."""
        sql, args = _window_query(start, end)
        return [_story_state(r) for r in self.db.execute(sql, args)]

    def undated_story_states(self) -> list[StoryState]:
        """Stories none of whose members is dated, in opening order."""
        return [_story_state(r) for r in self.db.execute(
            f"SELECT {_STORY_COLUMNS} FROM stories WHERE span_level IS NULL ORDER BY seq")]

    def next_story_seq(self) -> int:
        return self.db.execute("SELECT coalesce(max(seq), 0) + 1 FROM stories").fetchone()[0]

    def sources_without_story(self) -> list[str]:
        """Ids of sources not yet grouped (stored before grouping existed), oldest row first."""
        return [r[0] for r in self.db.execute(
            "SELECT s.id FROM sources s LEFT JOIN story_members m ON m.source_id = s.id "
            "WHERE m.source_id IS NULL ORDER BY s.rowid")]

    def source_passages(self, source_ids: Iterable[str]) -> dict[str, list[tuple[Passage, np.ndarray]]]:
        """Passages of each of ``source_ids`` with their stored vectors, in text order."""
        ids = list(dict.fromkeys(source_ids))
        out: dict[str, list[tuple[Passage, np.ndarray]]] = {sid: [] for sid in ids}
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(
                    f'SELECT id, source_id, ordinal, start, "end", text, vector FROM passages '
                    f"WHERE source_id IN ({marks}) ORDER BY source_id, ordinal", chunk):
                passage = Passage(id=row[0], source_id=row[1], ordinal=row[2], start=row[3],
                                  end=row[4], text=row[5])
                out[row[1]].append((passage, np.frombuffer(row[6], dtype=np.float16)
                                    .astype(np.float32)))
        return out

    # ------------------------------------------------------------------ vector index support
    # For the on-disk approximate index (index/ann.py, issue 12): the log of changed passages,
    # and vectors read for a few rows at a time, so that no process needs the whole matrix.

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """A read transaction: every read inside sees one state of the store (WAL snapshot).
        Inside an open transaction it adds nothing: that one already gives a single state."""
        if self.db.in_transaction:
            yield
            return
        self.db.execute("BEGIN")
        try:
            yield
        finally:
            self.db.execute("COMMIT")

    def vector_log_head(self) -> int:
        """Sequence number of the last passage change (0 when none): rises monotonically."""
        row = self.db.execute("SELECT seq FROM sqlite_sequence WHERE name='vector_log'").fetchone()
        return int(row[0]) if row else 0

    def vector_log_tail(self) -> int | None:
        """The oldest sequence number still in the log (None when it is empty)."""
        return self.db.execute("SELECT min(seq) FROM vector_log").fetchone()[0]

    def changed_passages(self, after_seq: int) -> np.ndarray:
        """Rowids of passages inserted or deleted after ``after_seq`` (sorted, unique)."""
        rows = self.db.execute(
            "SELECT DISTINCT passage FROM vector_log WHERE seq > ? ORDER BY passage", (after_seq,))
        return np.fromiter((r[0] for r in rows), dtype=np.int64)

    def prune_vector_log(self, up_to_seq: int) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM vector_log WHERE seq <= ?", (up_to_seq,))

    def passage_vectors(
        self, rowids: Sequence[int]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(rowids, published, float16 vectors)`` of the rows of ``rowids`` that exist, in
        rowid order; published is NaN when unknown."""
        found: list[tuple[int, float | None, bytes]] = []
        for chunk in _chunks([int(r) for r in rowids], 500):
            marks = ",".join("?" * len(chunk))
            found.extend(self.db.execute(
                f"SELECT rowid, published_ts, vector FROM passages WHERE rowid IN ({marks})", chunk))
        found.sort(key=lambda r: r[0])
        return _vector_rows(found)

    def iter_passage_vectors(
        self, *, batch: int = 20000, published_before: float | None = None
    ) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """All passages' ``(rowids, published, float16 vectors)`` in batches, in rowid order,
        or only those published at or before ``published_before`` (undated ones excluded; in
        the order of the date index, which makes a small subset cheap to read)."""
        if published_before is not None:
            cur = self.db.execute(
                "SELECT rowid, published_ts, vector FROM passages "
                "WHERE published_ts IS NOT NULL AND published_ts <= ?", (published_before,))
            while rows := cur.fetchmany(batch):
                yield _vector_rows(rows)
            return
        sql = "SELECT rowid, published_ts, vector FROM passages WHERE rowid > ? ORDER BY rowid LIMIT ?"
        last = -1
        while True:
            rows = self.db.execute(sql, [last, batch]).fetchall()
            if not rows:
                return
            last = rows[-1][0]
            yield _vector_rows(rows)

    def passage_dates(self, rowids: Sequence[int]) -> dict[int, float | None]:
        """Publication time (epoch seconds, None when unknown) of the rows that exist."""
        out: dict[int, float | None] = {}
        for chunk in _chunks([int(r) for r in rowids], 500):
            marks = ",".join("?" * len(chunk))
            out.update(self.db.execute(
                f"SELECT rowid, published_ts FROM passages WHERE rowid IN ({marks})", chunk))
        return out

    def count_passages_upto(self, published_before: float, limit: int) -> int:
        """How many passages were published at or before the time, counting at most ``limit``
        (so the cost stays bounded however large the store)."""
        return self.db.execute(
            "SELECT count(*) FROM (SELECT 1 FROM passages WHERE published_ts <= ? LIMIT ?)",
            (published_before, limit)).fetchone()[0]

    def count_passages(self, published_before: float | None = None) -> int:
        if published_before is None:
            return self.db.execute("SELECT count(*) FROM passages").fetchone()[0]
        return self.db.execute(
            "SELECT count(*) FROM passages WHERE published_ts <= ?", (published_before,)
        ).fetchone()[0]

    # ------------------------------------------------------------------ runs

    def start_run(self, run_id: str, brief_text: str, settings: dict[str, Any],
                  as_of: datetime | None, now: datetime) -> None:
        # The run id is derived from the run's inputs, so a repeated run replaces its record.
        with self.transaction():
            self.db.execute("DELETE FROM run_stages WHERE run_id=?", (run_id,))
            self.db.execute(
                """INSERT INTO runs(id, brief, as_of, started_at, settings) VALUES(?,?,?,?,?)
                   ON CONFLICT(id) DO UPDATE SET status='running', started_at=excluded.started_at""",
                (run_id, brief_text, iso(as_of), iso(now), json.dumps(settings, sort_keys=True)),
            )

    def save_stage(self, run_id: str, stage: str, output: Any) -> None:
        """Persist one stage's output (a pydantic model or list of them) as JSON."""
        payload = json.dumps(_jsonable(output), ensure_ascii=False, sort_keys=True)
        with self.transaction():
            self.db.execute(
                "INSERT INTO run_stages(run_id, stage, output) VALUES(?,?,?) "
                "ON CONFLICT(run_id, stage) DO UPDATE SET output=excluded.output",
                (run_id, stage, payload),
            )

    def load_stage(self, run_id: str, stage: str) -> Any:
        row = self.db.execute(
            "SELECT output FROM run_stages WHERE run_id=? AND stage=?", (run_id, stage)).fetchone()
        return json.loads(row[0]) if row else None

    def finish_run(self, run_id: str, status: str, explainer_id: str | None, version: int | None) -> None:
        with self.transaction():
            self.db.execute(
                "UPDATE runs SET status=?, explainer_id=?, version=? WHERE id=?",
                (status, explainer_id, version, run_id),
            )

    # ------------------------------------------------------------------ explainers

    def latest_explainer(self, explainer_id: str) -> Explainer | None:
        row = self.db.execute(
            "SELECT json FROM explainers WHERE id=? ORDER BY version DESC LIMIT 1", (explainer_id,)
        ).fetchone()
        return Explainer.model_validate_json(row[0]) if row else None

    def get_explainer(self, explainer_id: str, version: int | None = None) -> Explainer | None:
        if version is None:
            return self.latest_explainer(explainer_id)
        row = self.db.execute(
            "SELECT json FROM explainers WHERE id=? AND version=?", (explainer_id, version)
        ).fetchone()
        return Explainer.model_validate_json(row[0]) if row else None

    def save_explainer(self, explainer: Explainer, digest: str, vector: np.ndarray) -> None:
        with self.transaction():
            self.db.execute(
                """INSERT INTO explainers(id, version, run_id, headline, updated_at, digest, vector, json)
                   VALUES(?,?,?,?,?,?,?,?)""",
                (explainer.id, explainer.version, explainer.run_id, explainer.headline,
                 iso(explainer.updated_at), digest, vector.astype(np.float32).tobytes(),
                 explainer.model_dump_json()),
            )

    def replace_explainer(self, explainer: Explainer) -> None:
        """Record a re-check that changed nothing: same version, this run's id and figures."""
        with self.transaction():
            self.db.execute(
                "UPDATE explainers SET run_id=?, json=? WHERE id=? AND version=?",
                (explainer.run_id, explainer.model_dump_json(), explainer.id, explainer.version),
            )

    def latest_digest(self, explainer_id: str) -> tuple[int, str] | None:
        row = self.db.execute(
            "SELECT version, digest FROM explainers WHERE id=? ORDER BY version DESC LIMIT 1",
            (explainer_id,),
        ).fetchone()
        return (row[0], row[1]) if row else None

    def explainer_vectors(self) -> list[tuple[str, str, np.ndarray]]:
        """(id, headline, vector) of the latest version of every explainer."""
        rows = self.db.execute(
            """SELECT e.id, e.headline, e.vector FROM explainers e
               JOIN (SELECT id, max(version) AS v FROM explainers GROUP BY id) m
                 ON m.id = e.id AND m.v = e.version ORDER BY e.id"""
        ).fetchall()
        return [(r[0], r[1], np.frombuffer(r[2], dtype=np.float32)) for r in rows]

    def explainer_stories(self) -> list[tuple[str, str, np.ndarray, list[str], list[str]]]:
        """(id, headline, vector, story ids, story names) of the latest version of every
        explainer, for Related coverage; the story ids include its linked stories."""
        rows = self.db.execute(
            """SELECT e.id, e.headline, e.vector,
                      coalesce(json_extract(e.json, '$.story_ids'), '[]'),
                      coalesce(json_extract(e.json, '$.story_names'), '[]'),
                      coalesce(json_extract(e.json, '$.linked_story_ids'), '[]')
               FROM explainers e
               JOIN (SELECT id, max(version) AS v FROM explainers GROUP BY id) m
                 ON m.id = e.id AND m.v = e.version ORDER BY e.id"""
        ).fetchall()
        return [(r[0], r[1], np.frombuffer(r[2], dtype=np.float32),
                 json.loads(r[3]) + json.loads(r[5]), json.loads(r[4])) for r in rows]

    def list_explainers(self, limit: int = 50) -> list[ExplainerSummary]:
        rows = self.db.execute(
            """SELECT e.json FROM explainers e
               JOIN (SELECT id, max(version) AS v FROM explainers GROUP BY id) m
                 ON m.id = e.id AND m.v = e.version
               ORDER BY e.updated_at DESC, e.id LIMIT ?""",
            (limit,),
        ).fetchall()
        out = []
        for (payload,) in rows:
            exp = Explainer.model_validate_json(payload)
            out.append(ExplainerSummary(
                id=exp.id, version=exp.version, headline=exp.headline,
                updated_at=exp.updated_at, verdicts=exp.transparency.verdicts,
            ))
        return out

    def explainer_versions(self, explainer_id: str) -> list[int]:
        return [r[0] for r in self.db.execute(
            "SELECT version FROM explainers WHERE id=? ORDER BY version", (explainer_id,))]

    # ------------------------------------------------------------------ web site queries
    # Added for groundbrief.web (issue 4): the site's search and per-source pages.

    def search_explainers(self, text: str, limit: int = 20) -> list[ExplainerSummary]:
        """Latest versions whose headline, brief or claims contain every word of ``text``
        (case-insensitive for ASCII), newest first. A LIKE scan: explainers number in the
        thousands at most."""
        words = text.split()[:8]
        if not words:
            return []
        conditions, params = [], {"limit": limit}
        for i, word in enumerate(words):
            params[f"p{i}"] = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            conditions.append(
                rf"""(e.headline LIKE :p{i} ESCAPE '\'
                  OR json_extract(e.json, '$.brief.text') LIKE :p{i} ESCAPE '\'
                  OR EXISTS (SELECT 1 FROM json_each(e.json, '$.claims') c
                             WHERE json_extract(c.value, '$.text') LIKE :p{i} ESCAPE '\'))"""
            )
        rows = self.db.execute(
            f"""SELECT e.json FROM explainers e
               JOIN (SELECT id, max(version) AS v FROM explainers GROUP BY id) m
                 ON m.id = e.id AND m.v = e.version
               WHERE {" AND ".join(conditions)}
               ORDER BY e.updated_at DESC, e.id LIMIT :limit""",
            params,
        ).fetchall()
        return [_summary(Explainer.model_validate_json(r[0])) for r in rows]

    def explainers_citing(self, source_id: str, limit: int = 100) -> list[ExplainerSummary]:
        """Latest versions that list ``source_id`` among their Sources, newest first."""
        rows = self.db.execute(
            """SELECT e.json FROM explainers e
               JOIN (SELECT id, max(version) AS v FROM explainers GROUP BY id) m
                 ON m.id = e.id AND m.v = e.version
               WHERE EXISTS (SELECT 1 FROM json_each(e.json, '$.sources') s
                             WHERE json_extract(s.value, '$.id') = ?)
               ORDER BY e.updated_at DESC, e.id LIMIT ?""",
            (source_id, limit),
        ).fetchall()
        return [_summary(Explainer.model_validate_json(r[0])) for r in rows]

    # ------------------------------------------------------------------ store copy support
    # For ``groundbrief store copy`` (store/copy.py, issue 12).

    def copy_order(self, table: str) -> str:
        """The ORDER BY that reads ``table`` in the order its rows were written."""
        return "rowid"

    def after_copy(self, tables: Sequence[str]) -> None:
        """After rows were copied in (inside the copy's transaction): the FTS5 rows of the
        copied passages, a new generation, the story state marked stale."""
        if "passages" in tables:
            self.db.execute(
                "INSERT INTO passages_fts(rowid, text, title) SELECT p.rowid, p.text, s.title "
                "FROM passages p JOIN sources s ON s.id = p.source_id")
        self._set_meta("generation", str(self.generation + 1))
        if "story_members" in tables:  # the per-story state is derived: rebuilt on first use
            self._set_meta("story_state", "stale")


def _summary(exp: Explainer) -> ExplainerSummary:
    return ExplainerSummary(id=exp.id, version=exp.version, headline=exp.headline,
                            updated_at=exp.updated_at, verdicts=exp.transparency.verdicts)


def _source(row: sqlite3.Row) -> Source:
    return Source(
        id=row["id"], url=row["url"], title=row["title"], outlet=row["outlet"],
        authors=json.loads(row["authors"] or "[]"),
        published_at=datetime.fromisoformat(row["published_at"].replace("Z", "+00:00"))
        if row["published_at"] else None,
        language=row["language"], text=row["text"], content_hash=row["content_hash"],
        attribution=row["attribution"], origin=row["origin"],
    )


def _jsonable(value: Any) -> Any:
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def _vector_rows(rows: Sequence[Sequence[Any]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rowids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
    published = np.array([np.nan if r[1] is None else r[1] for r in rows], dtype=np.float64)
    if not rows:
        return rowids, published, np.zeros((0, 0), dtype=np.float16)
    matrix = np.frombuffer(b"".join(r[2] for r in rows), dtype=np.float16).reshape(len(rows), -1)
    return rowids, published, matrix


_STORY_COLUMNS = "id, seq, size, first_ts, last_ts, total, names"
_STORY_UPSERT = """INSERT INTO stories(id, seq, size, first_ts, last_ts, span_level, total, names)
    VALUES(?,?,?,?,?,?,?,?)
    ON CONFLICT(id) DO UPDATE SET seq=excluded.seq, size=excluded.size, first_ts=excluded.first_ts,
        last_ts=excluded.last_ts, span_level=excluded.span_level, total=excluded.total,
        names=excluded.names"""
# Stories are filed by how long they run: a story of span level k has its first and last date
# within 2**k days, so one that reaches a window [start, end] began in [start - 2**k days, end],
# an index range on (span_level, first_ts) per level. Longer spans than the top level's 179
# years share it, read without a lower bound.
_SPAN_LEVELS = 16
_DAY = 86400.0


def _span_level(first_ts: float | None, last_ts: float | None) -> int | None:
    if first_ts is None or last_ts is None:
        return None
    days, level = (last_ts - first_ts) / _DAY, 0
    while level < _SPAN_LEVELS and 2 ** level < days:
        level += 1
    return level


def _window_query(start: float | None, end: float | None,
                  mark: str = "?") -> tuple[str, list[float | int]]:
    """SQL and arguments reading the dated stories that reach [start, end], by opening order
    (every dated story when either bound is None); ``mark``: the engine's placeholder."""
    select = f"SELECT {_STORY_COLUMNS} FROM stories WHERE span_level "
    if start is None or end is None:
        return select + "IS NOT NULL ORDER BY seq", []
    parts: list[str] = []
    args: list[float | int] = []
    for level in range(_SPAN_LEVELS + 1):
        parts.append(select + f"= {mark} AND first_ts <= {mark} AND last_ts >= {mark}")
        args += [level, end, start]
        if level < _SPAN_LEVELS:  # a day of slack: the level was found from a rounded span
            parts[-1] += f" AND first_ts >= {mark}"
            args.append(start - (2 ** level + 1) * _DAY)
    return " UNION ALL ".join(parts) + " ORDER BY seq", args


def _story_row(story: StoryState) -> tuple[Any, ...]:
    return (story.id, story.seq, story.size, story.first_ts, story.last_ts,
            _span_level(story.first_ts, story.last_ts),
            np.asarray(story.total, dtype=np.float32).tobytes(),
            json.dumps(story.names, ensure_ascii=False, sort_keys=True))


def _story_state(row: Sequence[Any]) -> StoryState:
    return StoryState(id=row[0], seq=row[1], size=row[2], first_ts=row[3], last_ts=row[4],
                      total=np.frombuffer(row[5], dtype=np.float32), names=json.loads(row[6]))


def _chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _split_sql(script: str) -> list[str]:
    return [s.strip() for s in script.split(";\n") if s.strip()]
