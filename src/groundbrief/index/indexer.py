"""Index stage: Sources → passages → vectors → store, in batches of one transaction each.

A source whose content hash is already stored is skipped before chunking and embedding, so
re-ingesting the same input costs a hash lookup per article and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np

from ..interfaces import Embedder, Rejected
from ..models import IngestReport, Source
from ..store import SQLiteStore
from .chunk import SentenceWindowChunker

BATCH = 256
MAX_PASSAGES = 5_000  # per source; a long real article makes under 300


class Indexer:
    def __init__(self, store: SQLiteStore, embedder: Embedder,
                 chunker: SentenceWindowChunker | None = None, batch: int = BATCH,
                 max_passages: int = MAX_PASSAGES):
        self.store = store
        self.embedder = embedder
        self.chunker = chunker or SentenceWindowChunker()
        self.batch = batch
        self.max_passages = max_passages

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
        return report

    def _flush(self, sources: list[Source], report: IngestReport,
               progress: Callable[[int], None] | None) -> None:
        changed = [s for s in sources if self.store.source_state(s.id) != s.content_hash]
        report.unchanged += len(sources) - len(changed)
        chunks = [self.chunker.chunk(s) for s in changed]
        # A source cut into thousands of passages would cost minutes of embedding and crowd
        # every search; it is reported, not stored, and the rest of the batch goes on.
        kept = [(s, ps) for s, ps in zip(changed, chunks, strict=True)
                if len(ps) <= self.max_passages]
        for source, passages in zip(changed, chunks, strict=True):
            if len(passages) > self.max_passages:
                report.rejected += 1
                report.problems.append(
                    f"{source.origin or source.id}: {source.id} makes {len(passages):,} "
                    f"passages, over the {self.max_passages:,} allowed for one source; split it "
                    "or raise GROUNDBRIEF_MAX_PASSAGES_PER_SOURCE")
        changed = [s for s, _ in kept]
        chunks = [ps for _, ps in kept]
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
