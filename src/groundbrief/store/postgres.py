"""The server store: PostgreSQL (psycopg 3), for a newsroom where several processes, editors and
a site read and write one archive (issue 12). Same methods and results as :class:`SQLiteStore`.

- Full-text search: a GENERATED weighted ``tsvector`` per passage (title A, text B) with a GIN
  index, ranked by ``ts_rank_cd``; ties broken by rowid so one store answers one way (I7).
- Vectors: float16 bytes in ``passages.vector`` (bytea), exactly as the SQLite store keeps
  them, so index/ann.py builds and replays its memory-mapped index the same way. That index
  is a local file per machine, in a folder named after the server and database under the
  settings' home (``path`` below); the vector log in the database keeps every machine's copy
  in step.
- Transactions: every write runs in one transaction (``transaction()``); a killed process
  leaves the database as it was before that batch. Writers that change passages serialise on
  the meta 'generation' row, taken first, which also keeps the vector log in commit order.
- ``db``: the few modules that issue their own portable SQL (desk/subscriptions.py, tests)
  get a connection that accepts the SQLite store's ``?`` placeholders and rows that index by
  position or by name.

Needs the ``postgres`` extra: ``pip install 'groundbrief[postgres]'``.
"""

from __future__ import annotations

import json
import re
import threading
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np

from ..errors import StoreError
from ..models import Explainer, ExplainerSummary, Passage, Source, iso, utc
from .factory import postgres_local_path, redact
from .pg_migrations import PG_MIGRATIONS
from .sqlite import (
    _STORY_COLUMNS, _STORY_UPSERT, StoryState, UpsertResult, VectorIndex, _chunks, _jsonable,
    _story_row, _story_state, _summary, _vector_rows, _window_query)

try:
    import psycopg
except ImportError:  # pragma: no cover - depends on the install
    psycopg = None  # type: ignore[assignment]

VECTOR_LOG_KEEP_DAYS = 7  # see prune_vector_log
TS_CONFIG = "english"  # Snowball English stemmer: FTS5's porter tokenizer does the same job
_TERM = re.compile(r'"((?:[^"]|"")*)"')


class _Row(tuple):
    """A result row readable by position (``row[0]``) and by column name (``row["id"]``,
    ``dict(row)``), like ``sqlite3.Row``."""

    _names: tuple[str, ...] = ()

    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, str):
            try:
                return tuple.__getitem__(self, self._names.index(key))
            except ValueError:
                raise KeyError(key) from None
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


def _row_factory(cursor: Any):
    names = tuple(c.name for c in cursor.description) if cursor.description else ()
    cls = type("Row", (_Row,), {"_names": names, "__slots__": ()})
    return lambda values: cls(values)


def _qmark(sql: str) -> str:
    """SQLite-style ``?`` placeholders to psycopg's ``%s`` (a literal ``%`` doubled)."""
    return sql.replace("%", "%%").replace("?", "%s")


class QmarkConnection:
    """The store's connection, speaking the SQLite store's placeholder style."""

    def __init__(self, conn: Any):
        self._conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        if not params:  # no placeholders to convert: the text goes as it is
            return self._conn.execute(sql)
        return self._conn.execute(_qmark(sql), tuple(params))

    def executemany(self, sql: str, seq: Iterable[Sequence[Any]]) -> Any:
        cur = self._conn.cursor()
        cur.executemany(_qmark(sql), [tuple(p) for p in seq])
        return cur

    @property
    def in_transaction(self) -> bool:
        return self._conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE


class PostgresStore:
    """Sources, passages, runs and explainer versions in one PostgreSQL database."""

    name = "postgresql"

    def __init__(self, url: str, *, home: Path | str, create: bool = True,
                 connect_timeout: float = 5.0):
        if psycopg is None:
            raise StoreError(
                f"store {redact(url)}: PostgreSQL support is not installed; "
                "run `pip install 'groundbrief[postgres]'`")
        self.url = url
        # A local folder for what this machine derives from the database (the mapped vector
        # index, index/ann.py puts it beside ``path``): one per server and database.
        self.path = postgres_local_path(url, Path(home))
        # What an explainer's Transparency names as its store: the database, not the server's
        # address (published pages need not tell where the newsroom's server is).
        self.label = (urlsplit(url).path or "/").lstrip("/") or "postgres"
        try:
            self._conn = psycopg.connect(url, autocommit=True, row_factory=_row_factory,
                                         connect_timeout=max(1, int(connect_timeout)))
        except (psycopg.Error, ValueError) as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(
                f"store {redact(url)}: cannot connect ({first}); check the address, that the "
                "server runs and that the database exists") from None
        self.db = QmarkConnection(self._conn)
        self._lock = threading.RLock()
        self._vectors: VectorIndex | None = None
        try:
            if not create and not self._has_meta():
                raise StoreError(
                    f"store {redact(url)} holds no groundbrief store; run `groundbrief ingest` first")
            self._migrate()
            self._ensure_store_id()
        except psycopg.Error as exc:
            self._conn.close()
            raise self._error(exc) from None
        except StoreError:
            self._conn.close()
            raise

    # ------------------------------------------------------------------ setup

    def _error(self, exc: Exception) -> StoreError:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return StoreError(f"store {redact(self.url)}: {first}")

    def _x(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> Any:
        return self._conn.execute(sql, params)

    def _has_meta(self) -> bool:
        return self._x("SELECT to_regclass('meta') IS NOT NULL").fetchone()[0]

    def _migrate(self) -> None:
        with self._conn.transaction():
            # One migrating process at a time: a second waits, then finds the work done.
            self._x("SELECT pg_advisory_xact_lock(hashtext('groundbrief migrate'))")
            self._x("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            row = self._x("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            version = int(row[0]) if row else 0
            if version > len(PG_MIGRATIONS):
                raise StoreError(
                    f"store {redact(self.url)} was written by a newer groundbrief (schema "
                    f"{version}); upgrade groundbrief")
            for number, script in enumerate(PG_MIGRATIONS[version:], start=version + 1):
                self._x(script)
                self._set_meta("schema_version", str(number))

    def _ensure_store_id(self) -> None:
        self._x("INSERT INTO meta(key, value) VALUES('store_id', %s) ON CONFLICT DO NOTHING",
                (uuid.uuid4().hex[:12],))
        self._x("INSERT INTO meta(key, value) VALUES('generation', '0') ON CONFLICT DO NOTHING")

    @property
    def store_id(self) -> str:
        return self.get_meta("store_id") or ""

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """One write transaction; rolled back whole on any error (nested: a savepoint)."""
        try:
            with self._conn.transaction():
                yield self.db
        except psycopg.errors.SerializationFailure as exc:
            raise self._error(exc) from None
        except psycopg.OperationalError as exc:
            raise self._error(exc) from None

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ meta

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self._x("SELECT value FROM meta WHERE key=%s", (key,)).fetchone()
        return row[0] if row else default

    def _set_meta(self, key: str, value: str) -> None:
        self._x("INSERT INTO meta(key, value) VALUES(%s, %s) "
                "ON CONFLICT(key) DO UPDATE SET value=excluded.value", (key, value))

    @property
    def generation(self) -> int:
        return int(self.get_meta("generation", "0") or 0)

    def _bump_generation(self) -> None:
        # Also the writers' lock: the row stays locked until this transaction ends, so two
        # ingests change passages one after the other and the vector log's sequence numbers
        # become visible in order (index/ann.py relies on that).
        self._x("UPDATE meta SET value = (value::bigint + 1)::text WHERE key='generation'")

    # ------------------------------------------------------------------ sources

    def source_state(self, source_id: str) -> str | None:
        row = self._x("SELECT content_hash FROM sources WHERE id=%s", (source_id,)).fetchone()
        return row[0] if row else None

    def upsert_source(self, source: Source, passages: Sequence[Passage], vectors: np.ndarray,
                      embedder: str) -> UpsertResult:
        """Store a source with its passages and their vectors (call inside :meth:`transaction`)."""
        if self.source_state(source.id) == source.content_hash:
            return "unchanged"
        with self._conn.transaction():
            self._bump_generation()
            old = self.source_state(source.id)  # again, now that writers are serialised
            if old == source.content_hash:
                return "unchanged"
            published = source.published_at.timestamp() if source.published_at else None
            if old is not None:
                self._x("DELETE FROM passages WHERE source_id=%s", (source.id,))
            self._x(
                """INSERT INTO sources(id, url, title, outlet, authors, published_at,
                       published_ts, language, text, content_hash, attribution, origin)
                   VALUES(%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)
                   ON CONFLICT(id) DO UPDATE SET url=excluded.url, title=excluded.title,
                       outlet=excluded.outlet, authors=excluded.authors,
                       published_at=excluded.published_at, published_ts=excluded.published_ts,
                       language=excluded.language, text=excluded.text,
                       content_hash=excluded.content_hash, attribution=excluded.attribution,
                       origin=excluded.origin""",
                (source.id, source.url, source.title, source.outlet, json.dumps(source.authors),
                 iso(source.published_at), published, source.language, source.text,
                 source.content_hash, source.attribution, source.origin),
            )
            vec16 = vectors.astype(np.float16)
            rows = [(p.id, source.id, p.ordinal, p.start, p.end, p.text, published,
                     vec.tobytes(), embedder, source.title)
                    for p, vec in zip(passages, vec16, strict=True)]
            if rows:
                # One statement for all passages: one trigger call logs them all.
                marks = ",".join(["(%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)"] * len(rows))
                self._x(
                    'INSERT INTO passages(id, source_id, ordinal, start, "end", text, '
                    f"published_ts, vector, embedder, title) VALUES {marks}",
                    [v for row in rows for v in row])
        return "new" if old is None else "updated"

    def get_source(self, source_id: str) -> Source | None:
        row = self._x("SELECT * FROM sources WHERE id=%s", (source_id,)).fetchone()
        return _source(row) if row else None

    def get_sources(self, ids: Iterable[str]) -> dict[str, Source]:
        ids = list(dict.fromkeys(ids))
        if not ids:
            return {}
        return {row["id"]: _source(row) for row in self._x(
            "SELECT * FROM sources WHERE id = ANY(%s)", (ids,))}

    def iter_sources(self) -> Iterator[Source]:
        # Ids first, then rows a few hundred at a time: the archive is never in memory at
        # once, and no transaction stays open while the caller works (and maybe writes).
        ids = [r[0] for r in self._x('SELECT id FROM sources ORDER BY id COLLATE "C"')]
        for chunk in _chunks(ids, 500):
            found = self.get_sources(chunk)
            for sid in chunk:
                if sid in found:
                    yield found[sid]

    def counts(self, as_of: datetime | None = None) -> dict[str, Any]:
        total_sources = self._x("SELECT count(*) FROM sources").fetchone()[0]
        total_passages = self._x("SELECT count(*) FROM passages").fetchone()[0]
        if as_of is None:
            usable, newest = self._x("SELECT count(*), max(published_ts) FROM sources").fetchone()
        else:
            usable, newest = self._x(
                "SELECT count(*), max(published_ts) FROM sources WHERE published_ts <= %s",
                (utc(as_of).timestamp(),)).fetchone()
        undated = self._x("SELECT count(*) FROM sources WHERE published_ts IS NULL").fetchone()[0]
        return {"sources": total_sources, "passages": total_passages, "usable_sources": usable,
                "undated_sources": undated, "newest_ts": newest}

    # ------------------------------------------------------------------ passages

    def get_passages(self, rowids: Sequence[int]) -> dict[int, Passage]:
        ids = [int(r) for r in rowids]
        if not ids:
            return {}
        return {row[0]: Passage(id=row[1], source_id=row[2], ordinal=row[3], start=row[4],
                                end=row[5], text=row[6])
                for row in self._x('SELECT rowid, id, source_id, ordinal, start, "end", text '
                                   "FROM passages WHERE rowid = ANY(%s)", (ids,))}

    def get_passage(self, passage_id: str) -> Passage | None:
        row = self._x('SELECT id, source_id, ordinal, start, "end", text FROM passages '
                      "WHERE id=%s", (passage_id,)).fetchone()
        return Passage(**dict(row)) if row else None

    def lexical_search(self, match: str, *, limit: int,
                       as_of_ts: float | None) -> list[tuple[int, float]]:
        """``(rowid, ts_rank_cd)`` best first for any of the terms of ``match`` (the FTS5
        expression index/retrieve.py builds: quoted words OR-ed)."""
        terms = [t.replace('""', '"') for t in _TERM.findall(match)] or match.split()
        # Each term becomes one quoted lexeme of to_tsquery's syntax, so no user text is ever
        # parsed as an operator; the dictionary stems it and drops stop words.
        lexemes = ["'" + t.replace("\\", "\\\\").replace("'", "''") + "'"
                   for t in terms if t.strip()]
        if not lexemes:
            return []
        sql = ("SELECT rowid, ts_rank_cd(tsv, q) AS score "
               f"FROM passages, to_tsquery('{TS_CONFIG}', %s) q WHERE tsv @@ q ")
        params: list[Any] = [" | ".join(lexemes)]
        if as_of_ts is not None:
            sql += "AND published_ts IS NOT NULL AND published_ts <= %s "
            params.append(as_of_ts)
        sql += "ORDER BY score DESC, rowid LIMIT %s"
        params.append(limit)
        try:
            return [(r[0], float(r[1])) for r in self._x(sql, params)]
        except psycopg.Error as exc:
            raise self._error(exc) from None

    def vectors(self) -> VectorIndex:
        """Every passage vector in memory (the fallback when no saved index exists)."""
        gen = self.generation
        with self._lock:
            if self._vectors is not None and self._vectors.generation == gen:
                return self._vectors
            parts = list(self.iter_passage_vectors())
            if parts:
                rowids = np.concatenate([p[0] for p in parts])
                published = np.concatenate([p[1] for p in parts])
                matrix = np.concatenate([p[2] for p in parts]).astype(np.float32)
            else:
                rowids = np.zeros(0, dtype=np.int64)
                published = np.zeros(0, dtype=np.float64)
                matrix = np.zeros((0, 1), dtype=np.float32)
            self._vectors = VectorIndex(gen, rowids, published, matrix)
            return self._vectors

    # ------------------------------------------------------------------ stories

    def save_story_member(self, source_id: str, story_id: str, vector: np.ndarray,
                          names: Sequence[str], published_ts: float | None) -> None:
        self._x(
            """INSERT INTO story_members(source_id, story_id, published_ts, vector, names)
               VALUES(%s,%s,%s,%s,%s)
               ON CONFLICT(source_id) DO UPDATE SET story_id=excluded.story_id,
                   published_ts=excluded.published_ts, vector=excluded.vector,
                   names=excluded.names""",
            (source_id, story_id, published_ts, vector.astype(np.float32).tobytes(),
             json.dumps(list(names), ensure_ascii=False)))

    def story_members(self) -> list[tuple[str, str, np.ndarray, list[str], float | None]]:
        rows = self._x("SELECT source_id, story_id, vector, names, published_ts "
                       "FROM story_members ORDER BY seq").fetchall()
        return [(r[0], r[1], np.frombuffer(r[2], dtype=np.float32), json.loads(r[3]), r[4])
                for r in rows]

    def stories_of(self, source_ids: Iterable[str]) -> dict[str, str]:
        ids = list(dict.fromkeys(source_ids))
        return {r[0]: r[1] for r in self._x(
            "SELECT source_id, story_id FROM story_members WHERE source_id = ANY(%s)", (ids,))}

    def story_sources(self, story_ids: Iterable[str]) -> dict[str, list[str]]:
        ids = list(dict.fromkeys(story_ids))
        out: dict[str, list[str]] = {sid: [] for sid in ids}
        for r in self._x("SELECT story_id, source_id FROM story_members "
                         "WHERE story_id = ANY(%s) ORDER BY seq", (ids,)):
            out[r[0]].append(r[1])
        return out

    def story_names(self, source_ids: Iterable[str]) -> dict[str, list[str]]:
        ids = list(dict.fromkeys(source_ids))
        return {r[0]: json.loads(r[1]) for r in self._x(
            "SELECT source_id, names FROM story_members WHERE source_id = ANY(%s)", (ids,))}

    def name_frequency(self, names: Iterable[str]) -> tuple[dict[str, int], int]:
        total = self._x("SELECT count(*) FROM story_members").fetchone()[0]
        out = {}
        for name in dict.fromkeys(names):
            out[name] = self._x(
                "SELECT count(*) FROM story_members, json_array_elements_text(names::json) n "
                "WHERE n = %s", (name,)).fetchone()[0]
        return out, total

    def story_member(self, source_id: str
                     ) -> tuple[str, np.ndarray, list[str], float | None] | None:
        row = self._x("SELECT story_id, vector, names, published_ts FROM story_members "
                      "WHERE source_id = %s", (source_id,)).fetchone()
        if row is None:
            return None
        return row[0], np.frombuffer(row[1], dtype=np.float32), json.loads(row[2]), row[3]

    def story_dates(self, story_id: str, without: str) -> tuple[float | None, float | None]:
        row = self._x("SELECT min(published_ts), max(published_ts) FROM story_members "
                      "WHERE story_id = %s AND source_id <> %s", (story_id, without)).fetchone()
        return row[0], row[1]

    # ------------------------------------------------------------------ story state

    def story_state_current(self) -> bool:
        return self.get_meta("story_state") == "current"

    def replace_story_state(self, stories: Iterable[StoryState], words: Mapping[str, int]) -> None:
        self._x("DELETE FROM stories")
        self._x("DELETE FROM story_words")
        for story in stories:
            self.save_story(story)
        if words:
            self._conn.cursor().executemany(
                "INSERT INTO story_words(word, sources) VALUES(%s, %s)", list(words.items()))
        self._set_meta("story_state", "current")

    def save_story(self, story: StoryState) -> None:
        if story.size <= 0:
            self._x("DELETE FROM stories WHERE id = %s", (story.id,))
            return
        self._x(_STORY_UPSERT.replace("?", "%s"), _story_row(story))

    def add_story_words(self, deltas: Mapping[str, int]) -> None:
        if deltas:
            self._conn.cursor().executemany(
                "INSERT INTO story_words(word, sources) VALUES(%s, %s) ON CONFLICT(word) "
                "DO UPDATE SET sources = story_words.sources + excluded.sources",
                list(deltas.items()))

    def story_word_counts(self, words: Iterable[str]) -> dict[str, int]:
        ids = list(dict.fromkeys(words))
        out = dict.fromkeys(ids, 0)
        out.update((r[0], r[1]) for r in self._x(
            "SELECT word, sources FROM story_words WHERE word = ANY(%s)", (ids,)))
        return out

    def story_states(self, ids: Iterable[str]) -> list[StoryState]:
        ids = list(dict.fromkeys(ids))
        return [_story_state(r) for r in self._x(
            f"SELECT {_STORY_COLUMNS} FROM stories WHERE id = ANY(%s) ORDER BY seq", (ids,))]

    def story_states_between(self, start: float | None, end: float | None) -> list[StoryState]:
        sql, args = _window_query(start, end, mark="%s")
        return [_story_state(r) for r in self._x(sql, args)]

    def undated_story_states(self) -> list[StoryState]:
        return [_story_state(r) for r in self._x(
            f"SELECT {_STORY_COLUMNS} FROM stories WHERE span_level IS NULL ORDER BY seq")]

    def next_story_seq(self) -> int:
        return self._x("SELECT coalesce(max(seq), 0) + 1 FROM stories").fetchone()[0]

    def sources_without_story(self) -> list[str]:
        return [r[0] for r in self._x(
            "SELECT s.id FROM sources s LEFT JOIN story_members m ON m.source_id = s.id "
            "WHERE m.source_id IS NULL ORDER BY s.seq")]

    def source_passages(self, source_ids: Iterable[str]) -> dict[str, list[tuple[Passage, np.ndarray]]]:
        ids = list(dict.fromkeys(source_ids))
        out: dict[str, list[tuple[Passage, np.ndarray]]] = {sid: [] for sid in ids}
        for row in self._x('SELECT id, source_id, ordinal, start, "end", text, vector FROM passages '
                           "WHERE source_id = ANY(%s) ORDER BY source_id, ordinal", (ids,)):
            passage = Passage(id=row[0], source_id=row[1], ordinal=row[2], start=row[3],
                              end=row[4], text=row[5])
            out[row[1]].append((passage, np.frombuffer(row[6], dtype=np.float16).astype(np.float32)))
        return out

    # ------------------------------------------------------------------ vector index support

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """A read transaction seeing one state of the database (REPEATABLE READ); inside an
        open transaction it adds nothing."""
        if self.db.in_transaction:
            yield
            return
        self._x("BEGIN ISOLATION LEVEL REPEATABLE READ")
        try:
            yield
        finally:
            self._x("COMMIT")

    def vector_log_head(self) -> int:
        # Pruning keeps every entry after the index it replaced (index/ann.py), so the newest
        # entry survives and max(seq) rises monotonically.
        return int(self._x("SELECT coalesce(max(seq), 0) FROM vector_log").fetchone()[0])

    def vector_log_tail(self) -> int | None:
        return self._x("SELECT min(seq) FROM vector_log").fetchone()[0]

    def changed_passages(self, after_seq: int) -> np.ndarray:
        rows = self._x("SELECT DISTINCT passage FROM vector_log WHERE seq > %s ORDER BY passage",
                       (after_seq,))
        return np.fromiter((r[0] for r in rows), dtype=np.int64)

    def prune_vector_log(self, up_to_seq: int) -> None:
        """Forget changes up to ``up_to_seq`` that are also older than
        ``VECTOR_LOG_KEEP_DAYS``: every machine keeps its own index (under its own home) and
        replays the log from where its index stands, so what one machine no longer needs
        another may. A machine whose index is older than that rebuilds it whole."""
        with self.transaction():
            self._x("DELETE FROM vector_log WHERE seq <= %s AND at < now() - make_interval("
                    "days => %s)", (up_to_seq, VECTOR_LOG_KEEP_DAYS))

    def passage_vectors(self, rowids: Sequence[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        ids = [int(r) for r in rowids]
        found = self._x("SELECT rowid, published_ts, vector FROM passages WHERE rowid = ANY(%s) "
                        "ORDER BY rowid", (ids,)).fetchall() if ids else []
        return _vector_rows(found)

    def iter_passage_vectors(self, *, batch: int = 20000, published_before: float | None = None
                             ) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        if published_before is not None:
            rows = self._x("SELECT rowid, published_ts, vector FROM passages "
                           "WHERE published_ts IS NOT NULL AND published_ts <= %s",
                           (published_before,))
            while chunk := rows.fetchmany(batch):
                yield _vector_rows(chunk)
            return
        last = -1
        while True:
            chunk = self._x("SELECT rowid, published_ts, vector FROM passages WHERE rowid > %s "
                            "ORDER BY rowid LIMIT %s", (last, batch)).fetchall()
            if not chunk:
                return
            last = chunk[-1][0]
            yield _vector_rows(chunk)

    def passage_dates(self, rowids: Sequence[int]) -> dict[int, float | None]:
        ids = [int(r) for r in rowids]
        if not ids:
            return {}
        return {r[0]: r[1] for r in self._x(
            "SELECT rowid, published_ts FROM passages WHERE rowid = ANY(%s)", (ids,))}

    def count_passages_upto(self, published_before: float, limit: int) -> int:
        return self._x("SELECT count(*) FROM (SELECT 1 FROM passages WHERE published_ts <= %s "
                       "LIMIT %s) t", (published_before, limit)).fetchone()[0]

    def count_passages(self, published_before: float | None = None) -> int:
        if published_before is None:
            return self._x("SELECT count(*) FROM passages").fetchone()[0]
        return self._x("SELECT count(*) FROM passages WHERE published_ts <= %s",
                       (published_before,)).fetchone()[0]

    # ------------------------------------------------------------------ runs

    def start_run(self, run_id: str, brief_text: str, settings: dict[str, Any],
                  as_of: datetime | None, now: datetime) -> None:
        with self.transaction():
            self._x("DELETE FROM run_stages WHERE run_id=%s", (run_id,))
            self._x("""INSERT INTO runs(id, brief, as_of, started_at, settings)
                       VALUES(%s,%s,%s,%s,%s)
                       ON CONFLICT(id) DO UPDATE SET status='running',
                           started_at=excluded.started_at""",
                    (run_id, brief_text, iso(as_of), iso(now), json.dumps(settings, sort_keys=True)))

    def save_stage(self, run_id: str, stage: str, output: Any) -> None:
        payload = json.dumps(_jsonable(output), ensure_ascii=False, sort_keys=True)
        with self.transaction():
            self._x("INSERT INTO run_stages(run_id, stage, output) VALUES(%s,%s,%s) "
                    "ON CONFLICT(run_id, stage) DO UPDATE SET output=excluded.output",
                    (run_id, stage, payload))

    def load_stage(self, run_id: str, stage: str) -> Any:
        row = self._x("SELECT output FROM run_stages WHERE run_id=%s AND stage=%s",
                      (run_id, stage)).fetchone()
        return json.loads(row[0]) if row else None

    def finish_run(self, run_id: str, status: str, explainer_id: str | None,
                   version: int | None) -> None:
        with self.transaction():
            self._x("UPDATE runs SET status=%s, explainer_id=%s, version=%s WHERE id=%s",
                    (status, explainer_id, version, run_id))

    # ------------------------------------------------------------------ explainers

    _LATEST = """explainers e JOIN (SELECT id, max(version) AS v FROM explainers GROUP BY id) m
                 ON m.id = e.id AND m.v = e.version"""

    def latest_explainer(self, explainer_id: str) -> Explainer | None:
        row = self._x("SELECT json FROM explainers WHERE id=%s ORDER BY version DESC LIMIT 1",
                      (explainer_id,)).fetchone()
        return Explainer.model_validate_json(row[0]) if row else None

    def get_explainer(self, explainer_id: str, version: int | None = None) -> Explainer | None:
        if version is None:
            return self.latest_explainer(explainer_id)
        row = self._x("SELECT json FROM explainers WHERE id=%s AND version=%s",
                      (explainer_id, version)).fetchone()
        return Explainer.model_validate_json(row[0]) if row else None

    def save_explainer(self, explainer: Explainer, digest: str, vector: np.ndarray) -> None:
        with self.transaction():
            self._x("""INSERT INTO explainers(id, version, run_id, headline, updated_at, digest,
                           vector, json) VALUES(%s,%s,%s,%s,%s,%s,%s,%s)""",
                    (explainer.id, explainer.version, explainer.run_id, explainer.headline,
                     iso(explainer.updated_at), digest, vector.astype(np.float32).tobytes(),
                     explainer.model_dump_json()))

    def replace_explainer(self, explainer: Explainer) -> None:
        with self.transaction():
            self._x("UPDATE explainers SET run_id=%s, json=%s WHERE id=%s AND version=%s",
                    (explainer.run_id, explainer.model_dump_json(), explainer.id,
                     explainer.version))

    def latest_digest(self, explainer_id: str) -> tuple[int, str] | None:
        row = self._x("SELECT version, digest FROM explainers WHERE id=%s "
                      "ORDER BY version DESC LIMIT 1", (explainer_id,)).fetchone()
        return (row[0], row[1]) if row else None

    def explainer_vectors(self) -> list[tuple[str, str, np.ndarray]]:
        rows = self._x(f'SELECT e.id, e.headline, e.vector FROM {self._LATEST} '
                       'ORDER BY e.id COLLATE "C"').fetchall()
        return [(r[0], r[1], np.frombuffer(r[2], dtype=np.float32)) for r in rows]

    def explainer_stories(self) -> list[tuple[str, str, np.ndarray, list[str], list[str]]]:
        rows = self._x(
            f"""SELECT e.id, e.headline, e.vector,
                       coalesce(nullif(e.json::jsonb -> 'story_ids', 'null'::jsonb), '[]')::text,
                       coalesce(nullif(e.json::jsonb -> 'story_names', 'null'::jsonb), '[]')::text
                FROM {self._LATEST} ORDER BY e.id COLLATE "C" """).fetchall()
        return [(r[0], r[1], np.frombuffer(r[2], dtype=np.float32), json.loads(r[3]),
                 json.loads(r[4])) for r in rows]

    def list_explainers(self, limit: int = 50) -> list[ExplainerSummary]:
        rows = self._x(f'SELECT e.json FROM {self._LATEST} '
                       'ORDER BY e.updated_at COLLATE "C" DESC, e.id COLLATE "C" LIMIT %s', (limit,)).fetchall()
        return [_summary(Explainer.model_validate_json(r[0])) for r in rows]

    def explainer_versions(self, explainer_id: str) -> list[int]:
        return [r[0] for r in self._x(
            "SELECT version FROM explainers WHERE id=%s ORDER BY version", (explainer_id,))]

    def search_explainers(self, text: str, limit: int = 20) -> list[ExplainerSummary]:
        """Latest versions whose headline, brief or claims contain every word of ``text``
        (case-insensitive), newest first."""
        words = text.split()[:8]
        if not words:
            return []
        conditions, params = [], {"limit": limit}
        for i, word in enumerate(words):
            params[f"p{i}"] = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace(
                "_", "\\_") + "%"
            conditions.append(
                rf"""(e.headline ILIKE %(p{i})s
                  OR (e.json::jsonb #>> '{{brief,text}}') ILIKE %(p{i})s
                  OR EXISTS (SELECT 1 FROM jsonb_array_elements(
                                 coalesce(e.json::jsonb -> 'claims', '[]'::jsonb)) c
                             WHERE c ->> 'text' ILIKE %(p{i})s))""")
        rows = self._x(f"""SELECT e.json FROM {self._LATEST} WHERE {" AND ".join(conditions)}
                           ORDER BY e.updated_at COLLATE "C" DESC, e.id COLLATE "C" LIMIT %(limit)s""",
                       params).fetchall()
        return [_summary(Explainer.model_validate_json(r[0])) for r in rows]

    def explainers_citing(self, source_id: str, limit: int = 100) -> list[ExplainerSummary]:
        rows = self._x(
            f"""SELECT e.json FROM {self._LATEST}
                WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(
                                  coalesce(e.json::jsonb -> 'sources', '[]'::jsonb)) s
                              WHERE s ->> 'id' = %s)
                ORDER BY e.updated_at COLLATE "C" DESC, e.id COLLATE "C" LIMIT %s""",
            (source_id, limit)).fetchall()
        return [_summary(Explainer.model_validate_json(r[0])) for r in rows]

    # ------------------------------------------------------------------ store copy support

    def copy_order(self, table: str) -> str:
        """The ORDER BY that reads ``table`` in the order its rows were written."""
        return {"sources": "seq", "story_members": "seq", "passages": "rowid"}.get(table, "1")

    def after_copy(self, tables: Sequence[str]) -> None:
        """After rows were copied in with their own keys: identity counters past them, each
        passage's title for its full-text column, a new generation, the story state marked
        stale (inside the copy's transaction)."""
        for table, column in (("sources", "seq"), ("passages", "rowid"), ("story_members", "seq")):
            self._x(f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), "
                    f"greatest((SELECT max({column}) FROM {table}), 1))")
        if "passages" in tables:
            self._x("UPDATE passages p SET title = s.title FROM sources s "
                    "WHERE s.id = p.source_id AND p.title IS DISTINCT FROM s.title")
        if "story_members" in tables:  # the per-story state is derived: rebuilt on first use
            self._set_meta("story_state", "stale")
        self._bump_generation()


def _source(row: Any) -> Source:
    return Source(
        id=row["id"], url=row["url"], title=row["title"], outlet=row["outlet"],
        authors=json.loads(row["authors"] or "[]"),
        published_at=datetime.fromisoformat(row["published_at"].replace("Z", "+00:00"))
        if row["published_at"] else None,
        language=row["language"], text=row["text"], content_hash=row["content_hash"],
        attribution=row["attribution"], origin=row["origin"],
    )


__all__ = ["PostgresStore", "QmarkConnection", "redact", "_chunks"]
