"""The on-disk vector index (index/ann.py): agrees with exact search, keeps the as-of filter
exact (I6), never serves a stale vector, and survives a missing or outdated index file.

Vectors are random unit vectors written through the real store and indexed by the real usearch
index: what is tested is the index's bookkeeping, not the embedder.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import numpy as np
import pytest

from groundbrief.index import ann
from groundbrief.index.ann import PassageVectorIndex, index_dir
from groundbrief.models import Passage, Source
from groundbrief.store import SQLiteStore
from groundbrief.text import content_hash

DIM = 32
T0 = datetime(2024, 1, 1, tzinfo=timezone.utc)


def _unit(rng: np.random.Generator, n: int) -> np.ndarray:
    v = rng.normal(size=(n, DIM)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def _add(store: SQLiteStore, i: int, vectors: np.ndarray, day: int | None, tag: str = "") -> None:
    text = " ".join(f"Sentence {j} of article {i}{tag}." for j in range(len(vectors)))
    published = T0 + timedelta(days=day) if day is not None else None
    source = Source(id=f"t:{i}", title=f"Article {i}", text=text, published_at=published,
                    content_hash=content_hash(f"Article {i}", text + tag))
    step = len(text) // len(vectors)
    passages = [Passage(id=f"t:{i}#p{j}", source_id=source.id, ordinal=j, start=j * step,
                        end=(j + 1) * step, text=text[j * step:(j + 1) * step])
                for j in range(len(vectors))]
    if store.db.in_transaction:
        store.upsert_source(source, passages, vectors, "test")
    else:
        with store.transaction():
            store.upsert_source(source, passages, vectors, "test")


def _exact(store: SQLiteStore, q: np.ndarray, n: int, as_of_ts: float | None = None) -> list[int]:
    rowids, published, matrix = next(store.iter_passage_vectors(batch=10**6))
    sims = matrix.astype(np.float32) @ q
    if as_of_ts is not None:
        sims = np.where(published <= as_of_ts, sims, -np.inf)
    order = np.lexsort((rowids, -sims))
    return [int(rowids[i]) for i in order[:n] if np.isfinite(sims[i])]


@pytest.fixture()
def store(tmp_path):
    rng = np.random.default_rng(7)
    s = SQLiteStore(tmp_path / "s.db")
    with s.transaction():
        for i in range(400):  # 1,200 passages over 400 days; every 50th article undated
            _add(s, i, _unit(rng, 3), None if i % 50 == 7 else i)
    yield s
    s.close()


def test_search_matches_exact_search_and_opens_a_mapped_file(store):
    index = PassageVectorIndex(store)
    assert index.sync() == 1200
    files = list(index_dir(store).glob("index-*.usearch"))
    assert len(files) == 1
    reader = PassageVectorIndex(store)
    rng = np.random.default_rng(1)
    recalls = []
    for q in _unit(rng, 20):
        got = reader.search(q, 10)
        gold = _exact(store, q, 10)
        recalls.append(len({r for r, _ in got} & set(gold)) / 10)
        # Scores are exact cosines re-read from the store, best first.
        assert [s for _, s in got] == sorted((s for _, s in got), reverse=True)
    assert np.mean(recalls) >= 0.95
    assert reader._mapped is not None and reader._delta is not None
    assert len(reader._delta.touched) == 0  # nothing read beyond the index


@pytest.mark.parametrize("days,small_subset,max_fetch", [
    (200, 100, 4096),  # half the store: approximate candidates, filtered and re-ranked
    (3, 100, 4096),  # a few passages: the subset is read and searched exactly
    (3, 0, 100),  # the same when even MAX_FETCH candidates leave too few
])
def test_as_of_filter_is_exact(store, days, small_subset, max_fetch, monkeypatch):
    monkeypatch.setattr(ann, "SMALL_SUBSET", small_subset)
    monkeypatch.setattr(ann, "MAX_FETCH", max_fetch)
    PassageVectorIndex(store).sync()
    reader = PassageVectorIndex(store)
    as_of = (T0 + timedelta(days=days)).timestamp()
    rng = np.random.default_rng(2)
    for q in _unit(rng, 10):
        got = reader.search(q, 10, as_of_ts=as_of)
        rowids, published, _ = store.passage_vectors([r for r, _ in got])
        assert np.all(published <= as_of)  # never later, never undated (NaN fails <=)
        gold = _exact(store, q, 10, as_of)
        if days == 3:
            assert [r for r, _ in got] == gold  # the whole subset, searched exactly
        else:
            assert len({r for r, _ in got} & set(gold)) >= 8


def test_changes_after_the_index_are_searched_exactly_and_synced_incrementally(store):
    index = PassageVectorIndex(store)
    index.sync()
    first_file = next(index_dir(store).glob("index-*.usearch"))
    reader = PassageVectorIndex(store)
    rng = np.random.default_rng(3)
    q = _unit(rng, 1)[0]
    reader.search(q, 5)  # maps the first file

    # The last article is replaced: its passages are deleted and the new ones reuse their
    # rowids, so the index holds a stale vector under a live rowid until the next sync.
    old_rowids = [int(r) for r in next(store.iter_passage_vectors(batch=10**6))[0][-3:]]
    _add(store, 399, np.stack([-q, -q, -q]), 399, tag=" (updated)")
    _add(store, 400, np.stack([q, q, q]), 5)
    new_rowids = [int(r) for r in next(store.iter_passage_vectors(batch=10**6))[0][-6:]]
    assert new_rowids[:3] == old_rowids  # SQLite reused them

    got = reader.search(q, 3)
    assert [r for r, _ in got] == new_rowids[3:]  # the new article, from the delta
    assert all(abs(s - 1.0) < 1e-2 for _, s in got)
    worst = reader.search(-q, 3)
    assert [r for r, _ in worst] == new_rowids[:3]  # the reused rowids carry the new vectors

    assert index.sync() == 6  # only the changed rowids are replayed
    assert not first_file.exists()  # replaced; the reader still has it mapped
    assert reader.search(q, 3) == got  # re-maps the new file, same answer
    assert reader._mapped is not None and reader._mapped.path != first_file
    assert len(reader._delta.touched) == 0
    assert store.vector_log_tail() is None or store.vector_log_tail() > 0  # log was pruned
    assert index.sync() == 0  # current: nothing to do


def test_missing_index_falls_back_to_exact_search_then_reindex_rebuilds(store):
    reader = PassageVectorIndex(store)
    q = _unit(np.random.default_rng(4), 1)[0]
    assert [r for r, _ in reader.search(q, 10)] == _exact(store, q, 10)  # no index yet
    index = PassageVectorIndex(store)
    index.sync()
    _add(store, 401, _unit(np.random.default_rng(5), 2), 10)
    index.sync()
    for f in index_dir(store).glob("index-*.usearch"):
        f.unlink()  # a copied store without its index folder: the log no longer covers it
    assert [r for r, _ in PassageVectorIndex(store).search(q, 10)] == _exact(store, q, 10)
    assert PassageVectorIndex(store).sync() == store.count_passages()  # whole rebuild


def test_a_store_recreated_at_the_same_path_never_reads_the_old_index(tmp_path):
    rng = np.random.default_rng(9)
    old = SQLiteStore(tmp_path / "s.db")
    for i in range(30):
        _add(old, i, _unit(rng, 3), i)
    PassageVectorIndex(old).sync()
    old.close()
    for f in tmp_path.glob("s.db*"):
        if f.is_file():
            f.unlink()  # the store is deleted; its index folder is left behind
    new = SQLiteStore(tmp_path / "s.db")
    for i in range(40):  # more changes than the old index had: its sequence number is passed
        _add(new, i, _unit(rng, 3), i)
    q = _unit(rng, 1)[0]
    assert [r for r, _ in PassageVectorIndex(new).search(q, 10)] == _exact(new, q, 10)
    assert PassageVectorIndex(new).sync() == 120  # a whole build, not an update of the old one
    assert len(list(index_dir(new).glob("index-*.usearch"))) == 1  # the old file is gone
    new.close()


def test_reindex_command_builds_the_index_and_refuses_a_missing_store(tmp_path):
    from tests.test_cli import one_line_error, run

    home = tmp_path / "home"
    store = SQLiteStore(home / "groundbrief.db")
    rng = np.random.default_rng(11)
    for i in range(20):
        _add(store, i, _unit(rng, 3), i)
    store.close()
    proc = run("reindex", "--home", str(home), home=home)
    assert proc.returncode == 0, proc.stderr
    assert "60 passage changes applied" in proc.stdout
    assert len(list(index_dir(store).glob("index-*.usearch"))) == 1
    again = run("reindex", "--home", str(home), home=home)
    assert "0 passage changes applied" in again.stdout
    missing = run("reindex", "--home", str(tmp_path / "nowhere"), home=tmp_path / "nowhere")
    assert "does not exist" in one_line_error(missing)


def test_the_index_library_and_the_model_runtime_load_in_either_order():
    """onnxruntime segfaults when imported after usearch; ann.usearch_index() imports it
    first, so a process that searches before it verifies stays alive."""
    import subprocess
    import sys

    code = ("from groundbrief.index.ann import usearch_index\n"
            "usearch_index()\n"
            "import onnxruntime\n"
            "print('alive')\n")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0 and "alive" in res.stdout, (res.returncode, res.stderr[-2000:])
