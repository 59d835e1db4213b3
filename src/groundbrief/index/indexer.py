"""Index stage: Sources → passages → vectors → store, in batches of one transaction each.

A source whose content hash is already stored is skipped before chunking and embedding, so
re-ingesting the same input costs a hash lookup per article and changes nothing.

The on-disk vector index (index/ann.py) is brought up to date at the end of an ingest and every
``SYNC_EVERY`` passage changes during a long one; searches meanwhile read the passages not yet
in it exactly from the store, so nothing ingested is ever missing from a search.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np

from ..interfaces import Embedder, Rejected
from ..models import IngestReport, Source
from ..store import SQLiteStore
from .ann import SYNC_EVERY, PassageVectorIndex
from .chunk import SentenceWindowChunker

BATCH = 256


class Indexer:
    def __init__(self, store: SQLiteStore, embedder: Embedder,
                 chunker: SentenceWindowChunker | None = None, batch: int = BATCH):
        self.store = store
        self.embedder = embedder
        self.chunker = chunker or SentenceWindowChunker()
        self.batch = batch
        self.vectors = PassageVectorIndex(store)

    def index(
        self,
        items: Iterable[Source | Rejected],
        progress: Callable[[int], None] | None = None,
    ) -> IngestReport:
        report = IngestReport()
        pending: dict[str, Source] = {}
        for item in items:
            if isinstance(item, Rejected):
                report.rejected += 1
                report.problems.append(str(item))
                if progress:
                    progress(1)
                continue
            # A later duplicate of the same id in one input wins, as a re-ingest would.
            pending[item.id] = item
            if len(pending) >= self.batch:
                self._flush(list(pending.values()), report, progress)
                pending.clear()
        if pending:
            self._flush(list(pending.values()), report, progress)
        self.vectors.sync()
        return report

    def _flush(self, sources: list[Source], report: IngestReport,
               progress: Callable[[int], None] | None) -> None:
        changed = [s for s in sources if self.store.source_state(s.id) != s.content_hash]
        report.unchanged += len(sources) - len(changed)
        chunks = [self.chunker.chunk(s) for s in changed]
        texts = [p.text for passages in chunks for p in passages]
        vectors = self.embedder.embed_batch(texts) if texts else np.zeros((0, self.embedder.dim))
        offset = 0
        with self.store.transaction():
            for source, passages in zip(changed, chunks, strict=True):
                vecs = vectors[offset : offset + len(passages)]
                offset += len(passages)
                result = self.store.upsert_source(source, passages, vecs, self.embedder.name)
                if result == "new":
                    report.new += 1
                elif result == "updated":
                    report.updated += 1
                else:
                    report.unchanged += 1
        if progress:
            progress(len(sources))
        if self.store.vector_log_head() - self.vectors.saved_seq() >= SYNC_EVERY:
            self.vectors.sync()
