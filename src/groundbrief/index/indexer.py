"""Index stage: Sources → passages → vectors → store, in batches of one transaction each.

A source whose content hash is already stored is skipped before chunking and embedding, so
re-ingesting the same input costs a hash lookup per article and changes nothing. Each new or
changed source joins its story (stories/grouping.py) in the same transaction, so the store's
stories are always those of its sources.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np

from ..interfaces import Embedder, Rejected
from ..models import IngestReport, Source
from ..store import SQLiteStore
from ..stories import StoryGrouper, group_ungrouped, profile
from .chunk import SentenceWindowChunker

BATCH = 256


class Indexer:
    def __init__(self, store: SQLiteStore, embedder: Embedder,
                 chunker: SentenceWindowChunker | None = None, batch: int = BATCH):
        self.store = store
        self.embedder = embedder
        self.chunker = chunker or SentenceWindowChunker()
        self.batch = batch
        self._grouper: StoryGrouper | None = None

    @property
    def grouper(self) -> StoryGrouper:
        # Loaded on first use: an ingest that changes nothing never reads the stories.
        if self._grouper is None:
            self._grouper = StoryGrouper(self.store)
        return self._grouper

    def index(
        self,
        items: Iterable[Source | Rejected],
        progress: Callable[[int], None] | None = None,
    ) -> IngestReport:
        report = IngestReport()
        if self.store.sources_without_story():
            # A store written before story grouping existed: group what it holds first.
            group_ungrouped(self.store, self.grouper)
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
        texts = [p.text for passages in chunks for p in passages]
        vectors = self.embedder.embed_batch(texts) if texts else np.zeros((0, self.embedder.dim))
        offset = 0
        with self.store.transaction():
            for source, passages in zip(changed, chunks, strict=True):
                vecs = vectors[offset : offset + len(passages)]
                offset += len(passages)
                result = self.store.upsert_source(source, passages, vecs, self.embedder.name)
                if result != "unchanged" and passages:
                    self.grouper.assign(profile(source, passages, vecs))
                if result == "new":
                    report.new += 1
                elif result == "updated":
                    report.updated += 1
                else:
                    report.unchanged += 1
        if progress:
            progress(len(sources))
