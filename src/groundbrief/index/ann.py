"""Passage vectors in an on-disk approximate index (HNSW, usearch), memory-mapped by readers.

Why: loading every passage vector into each process made an explain process's start-up and
memory grow with the archive (65k passages: ~130 MB and ~3 s; a million articles: ~7 GB).
Readers now map one file (``<store>-vectors/index-<store id>-<seq>.usearch``) with ``view=True``: opening
it costs milliseconds whatever its size, and the kernel pages in only the graph nodes a search
visits. usearch was chosen after measuring it against faiss-cpu, hnswlib and sqlite-vec on the
Reuters passages (benchmarks/compare_ann.py, docs/benchmarks.md): the only one of the HNSW
libraries that maps a saved index instead of reading it in, stores float16 (half the file), and
its recall@50 against exact search was 0.95-0.98.

Keeping the index in step with the store: every insert and delete of a passage appends its
rowid to ``vector_log`` (a trigger, migration 2). The index file is named by the log sequence
number it reflects; a writer (``sync``, called by the Indexer at the end of an ingest and every
``SYNC_EVERY`` changes) replays the log since then into a new file and renames it into place, so
readers never see a half-written index and keep the old one mapped until they notice the new.
A reader treats passages changed since its index's sequence number as a small exact "delta":
those rowids are dropped from the approximate hits and searched exactly from the store, so a
search is never stale, even while an ingest runs or after one died before its sync.

The as-of filter stays exact (I6): approximate hits are only candidates; their dates and vectors
are read back from the store, those published after the as-of time (or undated) are dropped and
the rest re-ranked by exact cosine. When too few survive, the search asks for more; when the
as-of time leaves so small a part of the store that even that fails, the whole as-of subset is
searched exactly (it is small then by construction).
"""

from __future__ import annotations

import fcntl
import importlib
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..interfaces import Store

CONNECTIVITY = 16  # HNSW graph degree: recall ~0.95 at 50 on Reuters; file 1.1 KB per passage
EXPANSION_ADD = 128
EXPANSION_SEARCH = 128
OVERFETCH = 4  # candidates asked per wanted passage when an as-of filter applies
MAX_FETCH = 4096  # beyond this, an as-of subset is small enough to search exactly
SMALL_SUBSET = 20_000  # as-of subsets this small are searched exactly (~20 MB of vectors read)
SYNC_EVERY = 50_000  # passage changes between syncs during one long ingest
def usearch_index() -> Any:
    """usearch's ``Index`` class, imported after onnxruntime: onnxruntime 1.32 crashes the
    process (SIGSEGV in its pybind module) when it is imported after usearch 2.26 (numkong) has
    been loaded, and every explain imports the NLI model's runtime after the first search."""
    importlib.import_module("onnxruntime")
    from usearch.index import Index

    return Index


_FILE = re.compile(r"index-([0-9a-f]{12})-(\d{12})\.usearch")


@dataclass
class _Mapped:
    seq: int
    path: Path
    index: Any  # usearch.index.Index, viewed (read-only, memory-mapped)


@dataclass
class _Delta:
    key: tuple[int, int]  # (index seq, log head) it was read at
    touched: np.ndarray  # rowids changed since the index (whether they still exist or not)
    rowids: np.ndarray
    published: np.ndarray
    matrix: np.ndarray  # float32


def index_dir(store: Store) -> Path:
    return store.path.parent / (store.path.name + "-vectors")


class PassageVectorIndex:
    """Nearest passages by cosine: approximate over the saved index, exact over what changed
    since, exact filter and re-rank by publication time. One per store connection."""

    def __init__(self, store: Store):
        self.store = store
        self.dir = index_dir(store)
        self._lock = threading.RLock()
        self._mapped: _Mapped | None = None
        self._delta: _Delta | None = None
        self._writable: tuple[int, Any] | None = None  # a writer's in-memory index between syncs

    # ------------------------------------------------------------------ files

    def _newest(self) -> tuple[int, Path] | None:
        try:
            entries = list(os.scandir(self.dir))
        except FileNotFoundError:
            return None
        # Only this store's files: one deleted and re-created at the same path has another id.
        found = [(int(m.group(2)), Path(e.path)) for e in entries
                 if (m := _FILE.fullmatch(e.name)) and m.group(1) == self.store.store_id]
        return max(found) if found else None

    def saved_seq(self) -> int:
        """The log sequence number the newest saved index reflects (0 when there is none)."""
        newest = self._newest()
        return newest[0] if newest else 0

    def _map(self) -> _Mapped | None:
        """The newest saved index, memory-mapped; re-mapped when a writer saved a newer one."""
        Index = usearch_index()

        for _ in range(3):  # a writer may delete the file between listing and mapping it
            newest = self._newest()
            if newest is None:
                self._mapped = None
                return None
            if self._mapped is not None and self._mapped.path == newest[1]:
                return self._mapped
            try:
                index = Index.restore(str(newest[1]), view=True)
            except (OSError, RuntimeError, ValueError):
                index = None
            if index is not None:
                self._mapped = _Mapped(newest[0], newest[1], index)
                self._delta = None
                return self._mapped
        return None

    def open(self) -> None:
        """Map the index now (a benchmark's warm-up); searches do it on first use anyway."""
        with self._lock:
            self._map()

    # ------------------------------------------------------------------ reading

    def search(
        self, qvec: np.ndarray, n: int, *, as_of_ts: float | None = None
    ) -> list[tuple[int, float]]:
        """Up to ``n`` ``(rowid, cosine)``, best first (ties by rowid), among passages published
        at or before ``as_of_ts`` when given (undated ones excluded then, I6)."""
        qvec = np.asarray(qvec, dtype=np.float32)
        with self._lock, self.store.snapshot():
            mapped = self._map()
            head = self.store.vector_log_head()
            if mapped is None or not self._log_covers(mapped.seq, head):
                return _best(self._exact_all(qvec, n, as_of_ts), n)
            delta = self._read_delta(mapped.seq, head)
            found = self._approximate(mapped, delta, qvec, n, as_of_ts)
            found.update(_exact(delta.rowids, delta.published, delta.matrix, qvec, as_of_ts))
        return _best(found, n)

    def _log_covers(self, seq: int, head: int) -> bool:
        """False when the log no longer holds every change since ``seq`` (pruned past it, e.g.
        the newest index file was removed by hand): the index cannot be brought up to date."""
        if head <= seq:
            return True
        tail = self.store.vector_log_tail()
        return tail is not None and tail <= seq + 1

    def _read_delta(self, seq: int, head: int) -> _Delta:
        if self._delta is not None and self._delta.key == (seq, head):
            return self._delta
        touched = self.store.changed_passages(seq) if head > seq else np.zeros(0, dtype=np.int64)
        rowids, published, matrix = self.store.passage_vectors(touched)
        self._delta = _Delta((seq, head), touched, rowids, published, matrix.astype(np.float32))
        return self._delta

    def _approximate(self, mapped: _Mapped, delta: _Delta, qvec: np.ndarray, n: int,
                     as_of_ts: float | None) -> dict[int, float]:
        size = len(mapped.index)
        if size == 0:
            return {}
        if as_of_ts is not None and \
                self.store.count_passages_upto(as_of_ts, SMALL_SUBSET + 1) <= SMALL_SUBSET:
            # An as-of time early in the archive leaves few passages: reading them is cheaper
            # than asking the graph for ever more candidates, and exact.
            return self._exact_subset(qvec, n, as_of_ts, exclude=delta.touched)
        count = min(size, n * OVERFETCH if as_of_ts is not None else n + 8)
        while True:
            keys = np.asarray(
                mapped.index.search(qvec, count, exact=False, threads=1).keys, dtype=np.int64)
            # Rowids changed since the index was saved may name another passage now: the delta
            # searches their current vectors instead.
            keys = keys[~np.isin(keys, delta.touched)]
            if as_of_ts is not None:
                dates = self.store.passage_dates(keys)
                # None (undated) is excluded under --as-of, like a later date (I6).
                keys = np.array([k for k in keys if (d := dates.get(int(k))) is not None
                                 and d <= as_of_ts], dtype=np.int64)
            keep = keys[:max(n, min(len(keys), n * 2))]
            rowids, published, matrix = self.store.passage_vectors(keep)
            found = _exact(rowids, published, matrix.astype(np.float32), qvec, as_of_ts)
            if len(found) >= n or count >= size:
                return found
            if count >= MAX_FETCH:
                # Fewer than n of the MAX_FETCH nearest are old enough: search the subset exactly.
                return self._exact_subset(qvec, n, as_of_ts, exclude=delta.touched)
            count = min(size, count * 4)

    def _exact_subset(self, qvec: np.ndarray, n: int, as_of_ts: float | None,
                      exclude: np.ndarray) -> dict[int, float]:
        best: dict[int, float] = {}
        for rowids, published, matrix in self.store.iter_passage_vectors(published_before=as_of_ts):
            keep = ~np.isin(rowids, exclude)
            best.update(_exact(rowids[keep], published[keep], matrix[keep].astype(np.float32),
                               qvec, as_of_ts))
            best = dict(_best(best, n))
        return best

    def _exact_all(self, qvec: np.ndarray, n: int, as_of_ts: float | None) -> dict[int, float]:
        """No usable index (a store written before migration 2 and not synced since, or one
        whose index was deleted): the whole store, exactly, from the in-memory matrix as before
        issue 12. Correct, but memory and first-search time grow with the store again until
        ``groundbrief reindex`` (or any ingest) saves an index."""
        matrix = self.store.vectors()
        return _exact(matrix.rowids, matrix.published, matrix.matrix, qvec, as_of_ts, top=n)

    # ------------------------------------------------------------------ writing

    def sync(self) -> int:
        """Bring the saved index up to the store's passages; returns how many passage changes
        it applied (0 when it was current). Whole rebuild when there is no usable index."""
        Index = usearch_index()

        self.dir.mkdir(parents=True, exist_ok=True)
        with _exclusive(self.dir / "lock"), self._lock:
            newest = self._newest()
            with self.store.snapshot():
                head = self.store.vector_log_head()
                if newest is not None and newest[0] == head:
                    return 0
                incremental = newest is not None and self._log_covers(newest[0], head)
                if incremental:
                    assert newest is not None
                    if self._writable is not None and self._writable[0] == newest[0]:
                        index = self._writable[1]
                    else:
                        index = Index.restore(str(newest[1]), view=False)
                    touched = self.store.changed_passages(newest[0])
                    present = touched[np.asarray(index.contains(touched), dtype=bool)] \
                        if len(touched) else touched
                    if len(present):
                        index.remove(present)
                    rowids, _, matrix = self.store.passage_vectors(touched)
                    if len(rowids):
                        index.add(rowids, matrix, threads=1)
                    applied = len(touched)
                else:
                    index, applied = None, 0
                    for rowids, _, matrix in self.store.iter_passage_vectors():
                        if index is None:
                            index = _new_index(matrix.shape[1])
                        # One thread: the same passages in the same order give the same graph,
                        # so a rebuilt store answers the same (I7).
                        index.add(rowids, matrix, threads=1)
                        applied += len(rowids)
                    if index is None:
                        return 0  # no passages yet: nothing to index, readers search nothing
            target = self.dir / f"index-{self.store.store_id}-{head:012d}.usearch"
            tmp = self.dir / f".index-{head:012d}.{os.getpid()}.tmp"
            index.save(str(tmp))
            os.replace(tmp, target)  # atomic: readers map either the old file or the new one
            for seq, path in self._all_files():
                if seq < head:
                    path.unlink(missing_ok=True)  # readers that mapped it keep the inode
            if newest is not None:
                # Keep the changes since the replaced index, for readers still mapping it.
                self.store.prune_vector_log(newest[0])
            self._writable = (head, index)
            return applied

    def _all_files(self) -> Iterator[tuple[int, Path]]:
        for entry in os.scandir(self.dir):
            if m := _FILE.fullmatch(entry.name):
                # Another store id: files of a store that was deleted here; never read again.
                seq = int(m.group(2)) if m.group(1) == self.store.store_id else -1
                yield seq, Path(entry.path)


def _new_index(dim: int) -> Any:
    from usearch.index import Index

    return Index(ndim=dim, metric="ip", dtype="f16", connectivity=CONNECTIVITY,
                 expansion_add=EXPANSION_ADD, expansion_search=EXPANSION_SEARCH)


def _exact(rowids: np.ndarray, published: np.ndarray, matrix: np.ndarray, qvec: np.ndarray,
           as_of_ts: float | None, top: int | None = None) -> dict[int, float]:
    if not len(rowids):
        return {}
    sims = matrix @ qvec
    if as_of_ts is not None:
        # NaN (unknown date) compares False: undated passages are excluded under --as-of (I6).
        sims = np.where(published <= as_of_ts, sims, -np.inf)
    if top is not None and top < len(sims):
        pick = np.argpartition(-sims, top - 1)[:top]
    else:
        pick = np.arange(len(sims))
    return {int(rowids[i]): float(sims[i]) for i in pick if np.isfinite(sims[i])}


def _best(found: dict[int, float], n: int) -> list[tuple[int, float]]:
    return sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


@contextmanager
def _exclusive(path: Path) -> Iterator[None]:
    """One writer of the index at a time, across processes (a second ingest waits)."""
    with open(path, "a+b") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
