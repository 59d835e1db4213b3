"""One suite for every store behind the Store protocol (issue 12): the embedded SQLite file and
PostgreSQL (a throw-away server from tests/pgcluster.py). Each test runs on both and asks the
same of them; engine-specific behaviour (FTS5 vs tsvector scores) is held to the shape that
callers rely on, not to equal numbers.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pytest

from groundbrief.desk.subscriptions import Subscriptions
from groundbrief.errors import StoreError
from groundbrief.index.ann import PassageVectorIndex
from groundbrief.index.chunk import SentenceWindowChunker
from groundbrief.index.embed import UniversalSentenceEncoder
from groundbrief.index.indexer import Indexer
from groundbrief.index.retrieve import HybridRetriever, fts_query
from groundbrief.interfaces import Store
from groundbrief.models import Source
from groundbrief.store import SQLiteStore, open_store_url
from groundbrief.store.migrations import MIGRATIONS
from groundbrief.store.pg_migrations import PG_MIGRATIONS
from groundbrief.text import content_hash

from .conftest import REPO, explainer_fixture

T0 = datetime(2024, 5, 1, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def embedder():
    return UniversalSentenceEncoder()


@pytest.fixture()
def store_url(engine, request, tmp_path) -> str:
    if engine == "postgresql":
        return request.getfixturevalue("pg_cluster").new_database()
    return f"sqlite://{tmp_path / 'store' / 'groundbrief.db'}"


@pytest.fixture()
def store(store_url, tmp_path):
    s = open_store_url(store_url, home=tmp_path)
    yield s
    s.close()


def _source(i: int, text: str, day: int | None = 1, title: str | None = None) -> Source:
    title = title or f"Article {i}"
    return Source(
        id=f"test:{i}", title=title, outlet="Test Wire", text=text, language="en",
        published_at=datetime(2024, 5, day, tzinfo=timezone.utc) if day else None,
        content_hash=content_hash(title, text), url=f"https://example.org/{i}",
        authors=["A. Writer"],
    )


SOURCES = [
    _source(1, "The central bank raised its main interest rate to 4.5 percent on Tuesday. "
               "Economists had expected the increase.", day=2),
    _source(2, "Heavy rain flooded the old town of Dresden. The Elbe rose above eight metres.", day=5),
    _source(3, "The football club sold its stadium to the city for 40 million euros.", day=9),
    _source(4, "An undated note about the Elbe ferry timetable.", day=None),
]


def _put(store: Store, source: Source, embedder) -> str:
    passages = SentenceWindowChunker().chunk(source)
    vectors = embedder.embed_batch([p.text for p in passages])
    with store.transaction():
        return store.upsert_source(source, passages, vectors, embedder.name)


def test_both_engines_have_the_same_schema_steps():
    assert len(PG_MIGRATIONS) == len(MIGRATIONS)


def test_store_satisfies_the_protocol_and_migrates(store):
    assert isinstance(store, Store)
    assert store.get_meta("schema_version") == str(len(MIGRATIONS))
    assert len(store.store_id) == 12
    assert store.counts() == {"sources": 0, "passages": 0, "usable_sources": 0,
                              "undated_sources": 0, "newest_ts": None}


def test_reopening_keeps_identity_and_missing_store_is_an_error(store_url, store, tmp_path,
                                                                 engine, request):
    sid = store.store_id
    with open_store_url(store_url, home=tmp_path, create=False) as again:
        assert again.store_id == sid
    if engine == "postgresql":
        empty = request.getfixturevalue("pg_cluster").new_database()
    else:
        empty = f"sqlite://{tmp_path / 'none' / 'groundbrief.db'}"
    with pytest.raises(StoreError, match="ingest"):
        open_store_url(empty, home=tmp_path, create=False)


def test_upsert_new_unchanged_updated_and_reads(store, embedder):
    assert [_put(store, s, embedder) for s in SOURCES] == ["new"] * 4
    assert _put(store, SOURCES[0], embedder) == "unchanged"
    gen = store.generation
    changed = _source(2, "Heavy rain flooded Dresden. The Elbe peaked at 8.7 metres.", day=5)
    assert _put(store, changed, embedder) == "updated"
    assert store.generation > gen
    assert store.source_state("test:2") == changed.content_hash
    assert store.get_source("test:1") == SOURCES[0]
    assert store.get_source("nope") is None
    assert set(store.get_sources(["test:1", "test:3", "nope"])) == {"test:1", "test:3"}
    assert [s.id for s in store.iter_sources()] == ["test:1", "test:2", "test:3", "test:4"]
    counts = store.counts(datetime(2024, 5, 6, tzinfo=timezone.utc))
    assert (counts["sources"], counts["usable_sources"], counts["undated_sources"]) == (4, 2, 1)
    assert counts["newest_ts"] == datetime(2024, 5, 5, tzinfo=timezone.utc).timestamp()
    assert counts["passages"] == store.count_passages()
    assert store.sources_without_story() == ["test:1", "test:2", "test:3", "test:4"]


def test_passages_vectors_and_the_vector_log(store, embedder):
    head0 = store.vector_log_head()
    _put(store, SOURCES[1], embedder)
    rowids, published, matrix = store.passage_vectors(range(0, 10_000))
    assert len(rowids) == store.count_passages() > 0 and matrix.dtype == np.float16
    assert list(rowids) == sorted(rowids)
    assert np.all(published == SOURCES[1].published_at.timestamp())
    passages = store.get_passages(rowids.tolist())
    assert all(p.source_id == "test:2" for p in passages.values())
    first = passages[int(rowids[0])]
    assert store.get_passage(first.id) == first
    assert set(store.changed_passages(head0)) == set(rowids.tolist())
    head1 = store.vector_log_head()
    assert head1 > head0
    changed = _source(2, "The Elbe rose above nine metres in Dresden.", day=5)
    _put(store, changed, embedder)
    assert store.vector_log_head() > head1
    touched = set(store.changed_passages(head1))
    assert set(rowids.tolist()) <= touched  # the deleted passages are logged too
    batches = list(store.iter_passage_vectors(batch=1))
    assert sum(len(b[0]) for b in batches) == store.count_passages()
    ts = SOURCES[1].published_at.timestamp()
    assert store.count_passages_upto(ts, 1) == 1
    assert store.passage_dates(store.passage_vectors(range(10_000))[0]).keys()
    store.prune_vector_log(head1)
    if store.name == "sqlite":
        assert store.vector_log_tail() > head1
    else:  # other machines' indexes may still replay from there: kept for days
        assert store.vector_log_tail() <= head1
        store.db.execute("UPDATE vector_log SET at = now() - interval '8 days'")
        store.prune_vector_log(head1)
        assert store.vector_log_tail() > head1
    assert store.vector_log_head() > head1
    full = store.vectors()
    assert full.matrix.shape[0] == store.count_passages()


def test_lexical_search_shape_as_of_and_hostile_queries(store, embedder):
    for s in SOURCES:
        _put(store, s, embedder)
    hits = store.lexical_search(fts_query("Elbe flood"), limit=10, as_of_ts=None)
    texts = store.get_passages([r for r, _ in hits])
    assert hits and all(isinstance(r, int) and isinstance(sc, float) for r, sc in hits)
    assert [sc for _, sc in hits] == sorted((sc for _, sc in hits), reverse=True)
    assert all("Elbe" in texts[r].text for r, _ in hits)
    assert {texts[r].source_id for r, _ in hits} == {"test:2", "test:4"}
    # Under an as-of time, later and undated passages are out (I6).
    early = store.lexical_search(fts_query("Elbe"), limit=10,
                                 as_of_ts=datetime(2024, 5, 4, tzinfo=timezone.utc).timestamp())
    assert early == []
    dated = store.lexical_search(fts_query("Elbe"), limit=10,
                                 as_of_ts=datetime(2024, 5, 6, tzinfo=timezone.utc).timestamp())
    assert {texts[r].source_id for r, _ in dated} == {"test:2"}
    assert store.lexical_search("", limit=5, as_of_ts=None) == []
    for hostile in ['x" OR 1=1 --', "a & b | !c:*", "it's (o'clock) \\ %_", "the and of"]:
        store.lexical_search(fts_query(hostile), limit=5, as_of_ts=None)  # no error
    # A title word finds the passages of its source.
    _put(store, _source(9, "Officials met on Monday.", day=3, title="Zanzibar harbour reopens"),
         embedder)
    zan = store.lexical_search(fts_query("Zanzibar"), limit=5, as_of_ts=None)
    assert zan and all(store.get_passages([r])[r].source_id == "test:9" for r, _ in zan)


def test_hybrid_retrieval_and_vector_index_work_on_the_store(store, embedder):
    report = Indexer(store, embedder).index(SOURCES)
    assert report.new == 4
    assert PassageVectorIndex(store).saved_seq() == store.vector_log_head()
    hits = HybridRetriever(store, embedder).retrieve("How high did the Elbe rise in Dresden?", k=3)
    assert hits[0].source.id == "test:2"
    again = Indexer(store, embedder).index(SOURCES)
    assert again.unchanged == 4
    assert store.story_members() and not store.sources_without_story()


def test_a_failed_transaction_leaves_nothing(store, embedder):
    with pytest.raises(RuntimeError):
        with store.transaction():
            source = SOURCES[0]
            passages = SentenceWindowChunker().chunk(source)
            store.upsert_source(source, passages, embedder.embed_batch([p.text for p in passages]),
                                embedder.name)
            raise RuntimeError("killed half-way")
    assert store.counts()["sources"] == 0 and store.count_passages() == 0


_CHILD = """
import sys, time, numpy as np
from groundbrief.store import open_store_url
from groundbrief.models import Source, Passage
store = open_store_url(sys.argv[1], home=sys.argv[2])
with store.transaction():
    src = Source(id="child:1", title="t", text="some text here", content_hash="h")
    p = Passage(id="child:1:0", source_id="child:1", ordinal=0, start=0, end=4, text="some")
    store.upsert_source(src, [p], np.ones((1, 4), dtype=np.float32), "e")
    print("inside", flush=True)
    time.sleep(60)
"""


def test_a_killed_writer_leaves_nothing_half_written(store_url, store, tmp_path):
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    child = subprocess.Popen([sys.executable, "-c", _CHILD, store_url, str(tmp_path)],
                             stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert child.stdout.readline().strip() == "inside"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    deadline = time.time() + 20
    while True:  # the server notices the dropped connection and rolls back
        try:
            assert store.counts()["sources"] == 0 and store.count_passages() == 0
            assert store.vector_log_head() == 0
            break
        except StoreError:
            if time.time() > deadline:
                raise
            time.sleep(0.2)
    # And the store takes writes again: the dead writer's lock is gone.
    store.start_run("after", "brief", {}, None, T0)
    assert store.get_source("child:1") is None


def test_stories(store, embedder):
    for s in SOURCES[:3]:
        _put(store, s, embedder)
    vec = np.arange(4, dtype=np.float32)
    with store.transaction():
        store.save_story_member("test:3", "story:b", vec, ["club", "city"], 3.0)
        store.save_story_member("test:1", "story:a", vec, ["bank"], 1.0)
        store.save_story_member("test:2", "story:a", vec * 2, ["elbe", "dresden"], None)
    members = store.story_members()
    assert [m[0] for m in members] == ["test:3", "test:1", "test:2"]  # order of grouping
    assert np.array_equal(members[2][2], vec * 2) and members[2][3] == ["elbe", "dresden"]
    assert members[2][4] is None
    assert store.stories_of(["test:1", "test:3", "x"]) == {"test:1": "story:a", "test:3": "story:b"}
    assert store.story_sources(["story:a", "story:z"]) == {"story:a": ["test:1", "test:2"],
                                                           "story:z": []}
    assert store.story_names(["test:2"]) == {"test:2": ["elbe", "dresden"]}
    assert store.name_frequency(["elbe", "bank", "none"]) == ({"elbe": 1, "bank": 1, "none": 0}, 3)
    assert store.sources_without_story() == []
    got = store.source_passages(["test:1"])["test:1"]
    assert got and got[0][0].source_id == "test:1" and got[0][1].dtype == np.float32


def test_story_state(store, embedder):
    """The per-story state story grouping keeps (migration 5) reads back as written, by id, by
    time window and undated; a story left without members is dropped; deleting a membership
    marks the whole state stale (the next grouper rebuilds it)."""
    from groundbrief.store import StoryState

    for s in SOURCES[:3]:
        _put(store, s, embedder)
    assert not store.story_state_current()  # until a grouper fills it
    vec = np.arange(4, dtype=np.float32)
    with store.transaction():
        store.replace_story_state([StoryState("story:a", 1, 2, 1.0, 5.0, vec, {"elbe": 1, "bank": 2}),
                                   StoryState("story:b", 2, 1, None, None, vec * 2, {"club": 1})],
                                  {"": 3, "elbe": 1})
        store.save_story(StoryState("story:c", 3, 1, 20.0, 20.0, vec * 3, {}))
        store.add_story_words({"": 1, "elbe": 1, "club": 1})
        store.save_story_member("test:1", "story:a", vec, ["bank"], 1.0)
        store.save_story_member("test:2", "story:a", vec, ["elbe"], 5.0)
    assert store.story_state_current()
    assert store.story_word_counts(["", "elbe", "club", "none"]) == {
        "": 4, "elbe": 2, "club": 1, "none": 0}
    [a] = store.story_states(["story:a", "story:x"])
    assert (a.seq, a.size, a.first_ts, a.last_ts, a.names) == (1, 2, 1.0, 5.0, {"bank": 2, "elbe": 1})
    assert a.total.dtype == np.float32 and np.array_equal(a.total, vec)
    assert [s.id for s in store.undated_story_states()] == ["story:b"]
    assert [s.id for s in store.story_states_between(6.0, 30.0)] == ["story:c"]
    assert [s.id for s in store.story_states_between(4.0, 30.0)] == ["story:a", "story:c"]
    assert [s.id for s in store.story_states_between(None, None)] == ["story:a", "story:c"]
    # Stories that run long are found in a window in their middle (they are filed by span).
    day = 86400.0
    with store.transaction():
        store.save_story(StoryState("story:d", 4, 2, 0.0, 100 * day, vec, {}))
        store.save_story(StoryState("story:e", 5, 2, -1e11, 1e11, vec, {}))  # 6,000 years
    assert [s.id for s in store.story_states_between(50 * day, 51 * day)] == ["story:d", "story:e"]
    assert [s.id for s in store.story_states_between(101 * day, 102 * day)] == ["story:e"]
    with store.transaction():
        for sid in ("story:d", "story:e"):
            store.save_story(StoryState(sid, 0, 0, None, None, vec, {}))
    assert store.next_story_seq() == 4
    assert store.story_member("test:2")[:1] == ("story:a",) and store.story_member("test:3") is None
    assert store.story_dates("story:a", without="test:2") == (1.0, 1.0)
    assert store.story_dates("story:a", without="none") == (1.0, 5.0)
    with store.transaction():
        store.save_story(StoryState("story:c", 3, 0, None, None, vec, {}))
        store.db.execute("DELETE FROM story_members WHERE source_id = ?", ("test:2",))
    assert store.story_states(["story:c"]) == [] and not store.story_state_current()


def test_story_grouping_reopened_assigns_as_one_grouper(store_url, tmp_path):
    """Groupers of new processes, each loading only what its sources' windows reach from this
    engine's story state, assign as one grouper that stayed open on a SQLite file."""
    from .test_stories import _group, _random_stream

    stream = _random_stream(n=150, moves=20)
    stayed = _group(tmp_path / "open.db", stream)
    reopened = _group(store_url, stream, reopen_every=23,
                      opener=lambda url: open_store_url(url, home=tmp_path / "home"))
    assert reopened == stayed


def test_runs_stages_and_explainers(store):
    now = datetime(2026, 11, 23, 12, tzinfo=timezone.utc)
    store.start_run("run1", "brief text", {"k": 1}, None, now)
    store.save_stage("run1", "claims", [{"text": "ünïcode ✓"}])
    assert store.load_stage("run1", "claims") == [{"text": "ünïcode ✓"}]
    assert store.load_stage("run1", "nope") is None
    store.finish_run("run1", "done", "exp", 1)
    row = store.db.execute("SELECT status, version FROM runs WHERE id=?", ("run1",)).fetchone()
    assert tuple(row) == ("done", 1) and row["status"] == "done"

    exp = explainer_fixture("navalny")
    vec = np.linspace(0, 1, 8, dtype=np.float32)
    store.save_explainer(exp, "digest1", vec)
    assert store.latest_explainer(exp.id) == exp
    assert store.get_explainer(exp.id, exp.version) == exp
    assert store.get_explainer(exp.id, 99) is None
    assert store.latest_digest(exp.id) == (exp.version, "digest1")
    assert store.explainer_versions(exp.id) == [exp.version]
    [(eid, headline, v)] = store.explainer_vectors()
    assert (eid, headline) == (exp.id, exp.headline) and np.array_equal(v, vec)
    [row] = store.explainer_stories()
    assert row[3] == list(exp.story_ids) and row[4] == list(exp.story_names)
    [summary] = store.list_explainers()
    assert summary.id == exp.id and summary.verdicts == exp.transparency.verdicts
    word = exp.claims[0].text.split()[-1].strip(".,").upper()
    assert [s.id for s in store.search_explainers(word)] == [exp.id]
    assert store.search_explainers("zzqx-no-such-word") == []
    assert store.search_explainers("100%_") == []
    cited = exp.sources[0].id
    assert [s.id for s in store.explainers_citing(cited)] == [exp.id]
    assert store.explainers_citing("no-such-source") == []
    changed = exp.model_copy(update={"run_id": "run2"})
    store.replace_explainer(changed)
    assert store.latest_explainer(exp.id).run_id == "run2"


def test_feed_subscriptions(store):
    subs = Subscriptions(store)
    now = datetime(2026, 11, 23, 12, tzinfo=timezone.utc)
    added, present = subs.add(["https://example.org/rss.xml", "https://example.org/b.xml"], now)
    assert len(added) == 2 and present == []
    assert subs.add(["https://example.org/rss.xml"], now) == ([], ["https://example.org/rss.xml"])
    feed = subs.get("https://example.org/rss.xml")
    subs.record_success(feed, now, 900.0, etag='"e1"', last_modified=None, title="Feed",
                        entries={"k1": "src:1", "k2": None})
    assert subs.taken_all(feed.url) == {"k1", "k2"}
    again = subs.get(feed.url)
    assert (again.etag, again.title, again.entries_taken) == ('"e1"', "Feed", 2)
    assert [f.url for f in subs.due(now)] == ["https://example.org/b.xml"]
    pause = subs.record_failure(subs.get("https://example.org/b.xml"), now, 900.0, "HTTP 500")
    assert pause == 900.0
    assert subs.remove(["https://example.org/b.xml", "https://nope.example/x"]) == (
        ["https://example.org/b.xml"], ["https://nope.example/x"])
    assert [f.url for f in subs.all()] == ["https://example.org/rss.xml"]


def test_snapshot_sees_one_state(store, embedder):
    _put(store, SOURCES[0], embedder)
    with store.snapshot():
        before = store.count_passages()
        assert store.vector_log_head() > 0
    assert before == store.count_passages()


def test_a_bad_postgresql_address_is_one_line_naming_it(tmp_path):
    for url in ("postgresql://nobody:secret@127.0.0.1:1/none",
                "postgresql://u@host:notaport/db"):
        with pytest.raises(StoreError) as info:
            open_store_url(url, home=tmp_path)
        msg = str(info.value)
        assert "\n" not in msg and "secret" not in msg and "store postgresql://" in msg


def test_sqlite_still_opens_from_a_plain_path(tmp_path):
    with open_store_url(str(tmp_path / "x.db"), home=tmp_path) as s:
        assert isinstance(s, SQLiteStore)
    assert Path(tmp_path / "x.db").exists()
