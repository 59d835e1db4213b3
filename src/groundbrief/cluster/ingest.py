"""Ingest over a cluster: batches of Sources are chunked and embedded on the workers.

The client reads the inputs (files, feeds, pages: whatever this machine can reach, so workers
need neither the files nor the network), asks the store which sources changed, sends each
batch of changed sources to a worker and writes the prepared batches back through the store in
the order they were read (index/indexer.py). A few batches per worker are in flight at once,
so the workers never wait on the writer and the client never holds more than that many batches.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..config import Settings
from ..errors import BackendError
from ..index.chunk import SentenceWindowChunker
from ..index.prepare import PreparedBatch, Preparer, SourceBatch, prepare
from ..interfaces import Embedder
from .connect import worker_count
from .worker import cached

IN_FLIGHT_PER_WORKER = 2
EMBED_THREADS = 1  # BLAS threads per worker process; one process per core


@dataclass
class PrepareSpec:
    """What a worker needs to prepare a batch as this process would."""

    settings: Settings
    chunker: SentenceWindowChunker
    max_passages: int


def worker_embedder(settings: Settings) -> Embedder:
    def build() -> Embedder:
        from ..registry import build_embedder

        embedder = build_embedder(settings)
        limit = getattr(embedder, "limit_threads", None)
        if limit is not None:
            limit(EMBED_THREADS)
        return embedder

    return cached("embedder", settings.embedder, build)


def prepare_on_worker(spec: PrepareSpec, batch: SourceBatch) -> PreparedBatch:
    return prepare(batch, spec.chunker, worker_embedder(spec.settings), spec.max_passages)


class DaskPreparer(Preparer):
    def __init__(self, client: Any, spec: PrepareSpec, in_flight: int | None = None):
        self.client = client
        self.spec = spec
        self.in_flight = in_flight or max(2, IN_FLIGHT_PER_WORKER * worker_count(client))

    def map(self, batches: Iterable[SourceBatch]) -> Iterator[PreparedBatch]:
        pending: deque[Any] = deque()  # futures, or batches with nothing to embed
        try:
            for batch in batches:
                if batch.sources:
                    pending.append(self.client.submit(prepare_on_worker, self.spec, batch,
                                                      pure=False))
                else:  # every source unchanged: nothing to send (a re-ingest)
                    pending.append(PreparedBatch([], [], np.zeros((0, 0), np.float32), batch.read))
                while len(pending) >= self.in_flight:
                    yield self._result(pending.popleft())
            while pending:
                yield self._result(pending.popleft())
        finally:
            # Stopped early (an error, Ctrl-C): what was not written is not wanted.
            for item in pending:
                if not isinstance(item, PreparedBatch):
                    item.cancel()

    @staticmethod
    def _result(item: Any) -> PreparedBatch:
        if isinstance(item, PreparedBatch):
            return item
        try:
            return item.result()
        except Exception as exc:  # noqa: BLE001 - a lost cluster or a task's error, one line
            raise BackendError(
                f"the Dask cluster failed while preparing a batch ({type(exc).__name__}: "
                f"{exc}); every batch before it is written whole and nothing of the others: "
                "run the same ingest again to go on") from None

