"""The SQLite store: idempotent ingest, atomic batches, and clear errors for bad files."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

import numpy as np
import pytest

from groundbrief.errors import StoreError
from groundbrief.index.chunk import SentenceWindowChunker
from groundbrief.index.embed import UniversalSentenceEncoder
from groundbrief.index.indexer import Indexer
from groundbrief.index.retrieve import HybridRetriever, fts_query
from groundbrief.interfaces import Rejected
from groundbrief.models import Source
from groundbrief.store import SQLiteStore
from groundbrief.text import content_hash


@pytest.fixture(scope="module")
def embedder():
    return UniversalSentenceEncoder()


def _source(i: int, text: str, day: int = 1) -> Source:
    title = f"Article {i}"
    return Source(
        id=f"test:{i}", title=title, outlet="Test Wire", text=text,
        published_at=datetime(2024, 5, day, tzinfo=timezone.utc), language="en",
        content_hash=content_hash(title, text),
    )


SOURCES = [
    _source(1, "The central bank raised its main interest rate to 4.5 percent on Tuesday. "
               "Economists had expected the increase.", day=2),
    _source(2, "Heavy rain flooded the old town of Dresden. The Elbe rose above eight metres.", day=5),
    _source(3, "The football club sold its stadium to the city for 40 million euros.", day=9),
]


def test_ingest_is_idempotent_and_updates_changed_text(tmp_path, embedder):
    store = SQLiteStore(tmp_path / "s.db")
    first = Indexer(store, embedder).index(SOURCES)
    assert (first.new, first.updated, first.unchanged) == (3, 0, 0)
    before = store.db.execute("SELECT count(*) FROM passages").fetchone()[0]
    again = Indexer(store, embedder).index(SOURCES)
    assert (again.new, again.updated, again.unchanged) == (0, 0, 3)
    assert store.db.execute("SELECT count(*) FROM passages").fetchone()[0] == before

    changed = _source(2, "Heavy rain flooded the old town of Dresden. The Elbe peaked at 8.7 metres.", day=5)
    report = Indexer(store, embedder).index([changed, Rejected("x.jsonl:3", "no text")])
    assert (report.updated, report.rejected) == (1, 1)
    hits = HybridRetriever(store, embedder).retrieve("Elbe flood level in Dresden", k=3)
    assert any("8.7 metres" in h.passage.text for h in hits)
    assert not any("eight metres" in h.passage.text for h in hits)  # old passages gone from FTS too


def test_retrieval_is_hybrid_and_honours_as_of(tmp_path, embedder):
    store = SQLiteStore(tmp_path / "s.db")
    Indexer(store, embedder).index(SOURCES)
    retriever = HybridRetriever(store, embedder)
    hits = retriever.retrieve("interest rate increase by the central bank", k=2)
    assert hits[0].source.id == "test:1"
    assert hits[0].lexical_rank == 1 and hits[0].dense_rank == 1
    # A paraphrase with no shared content word is still found by the dense index.
    hits = retriever.retrieve("soccer team arena deal", k=1)
    assert hits[0].source.id == "test:3" and hits[0].lexical_rank is None
    early = retriever.retrieve("Dresden flood", k=5, as_of=datetime(2024, 5, 3, tzinfo=timezone.utc))
    assert {h.source.id for h in early} <= {"test:1"}


def test_near_duplicates_are_collapsed(tmp_path, embedder):
    store = SQLiteStore(tmp_path / "s.db")
    text = "The mayor of Lyon resigned on Friday after a corruption inquiry."
    copies = [_source(10, text), _source(11, text + " "), _source(12, "Lyon's mayor quit.")]
    copies[1] = copies[1].model_copy(update={"text": text.replace("Friday", "Friday ")})
    Indexer(store, embedder).index(copies)
    hits = HybridRetriever(store, embedder).retrieve("Lyon mayor resigned", k=5)
    assert sum(text.split()[:4] == h.passage.text.split()[:4] for h in hits) == 1


def test_fts_query_never_passes_syntax_through():
    assert fts_query('NEAR(") OR *') == '"near"'
    assert fts_query("the of and") == ""


def test_chunker_offsets_point_into_the_text():
    source = SOURCES[0]
    for p in SentenceWindowChunker().chunk(source):
        assert source.text[p.start : p.end] == p.text


def test_not_a_database_is_refused_without_touching_it(tmp_path):
    path = tmp_path / "groundbrief.db"
    path.write_bytes(b"this is a text file, not a store\n")
    with pytest.raises(StoreError, match="not a groundbrief database"):
        SQLiteStore(path)
    assert path.read_bytes() == b"this is a text file, not a store\n"


def test_truncated_store_gives_a_clear_error(tmp_path, embedder):
    path = tmp_path / "groundbrief.db"
    store = SQLiteStore(path)
    Indexer(store, embedder).index(SOURCES)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(StoreError, match="corrupt|not a groundbrief"):
        s = SQLiteStore(path)
        s.db.execute("SELECT count(*) FROM passages").fetchall()
        s.vectors()


def test_locked_store_gives_a_clear_error_and_keeps_data(tmp_path, embedder):
    path = tmp_path / "groundbrief.db"
    store = SQLiteStore(path)
    Indexer(store, embedder).index(SOURCES[:1])
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        locked = SQLiteStore(path, timeout=0.1)
        with pytest.raises(StoreError, match="locked"):
            Indexer(locked, embedder).index(SOURCES[1:])
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert store.db.execute("SELECT count(*) FROM sources").fetchone()[0] == 1


def test_failed_batch_is_rolled_back(tmp_path, embedder):
    store = SQLiteStore(tmp_path / "s.db")
    Indexer(store, embedder).index(SOURCES[:1])

    class Exploding(UniversalSentenceEncoder):
        def __init__(self):
            pass

        name = "exploding"
        dim = 512

        def embed_batch(self, texts):
            return np.zeros((len(texts) - 1, 512), dtype=np.float32)  # wrong shape → error

    with pytest.raises(ValueError):
        Indexer(store, Exploding()).index(SOURCES[1:])
    assert store.db.execute("SELECT count(*) FROM sources").fetchone()[0] == 1
    assert store.counts()["passages"] == store.db.execute("SELECT count(*) FROM passages").fetchone()[0]


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "s.db"
    SQLiteStore(path).close()
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer groundbrief"):
        SQLiteStore(path)


def test_sqlite_store_satisfies_the_store_protocol(tmp_path):
    import inspect

    from groundbrief.interfaces import Store

    store = SQLiteStore(tmp_path / "s.db")
    assert isinstance(store, Store)
    # Same parameter names as the protocol, so callers typed against Store can pass keywords.
    for name, member in inspect.getmembers(Store, inspect.isfunction):
        if name.startswith("_"):
            continue
        expected = list(inspect.signature(member).parameters)
        assert list(inspect.signature(getattr(SQLiteStore, name)).parameters) == expected, name
    store.close()
