"""Index stage: Sources → passages → vectors → store, in batches of one transaction each.

A source whose content hash is already stored is skipped before chunking and embedding, so
re-ingesting the same input costs a hash lookup per article and changes nothing. Each new or
changed source joins its story (stories/grouping.py) in the same transaction, so the store's
stories are always those of its sources.

The on-disk vector index (index/ann.py) is brought up to date at the end of an ingest and every
``SYNC_EVERY`` passage changes during a long one; searches meanwhile read the passages not yet
in it exactly from the store, so nothing ingested is ever missing from a search.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from ..interfaces import Embedder, Rejected
from ..models import IngestReport, Source
from ..store import SQLiteStore
from ..stories import StoryGrouper, group_ungrouped, profile
from ..text import short_hash
from .ann import SYNC_EVERY, PassageVectorIndex
from .chunk import SentenceWindowChunker
from .prepare import LocalPreparer, PreparedBatch, Preparer, SourceBatch

BATCH = 256
MAX_PASSAGES = 5_000  # per source; a long real article makes under 300


class Indexer:
    def __init__(self, store: SQLiteStore, embedder: Embedder,
                 chunker: SentenceWindowChunker | None = None, batch: int = BATCH,
                 max_passages: int = MAX_PASSAGES, preparer: Preparer | None = None):
        """``preparer``: where batches are chunked and embedded; by default in this process
        with ``chunker`` and ``embedder`` (a cluster's is cluster/ingest.py's)."""
        self.store = store
        self.embedder = embedder
        self.chunker = chunker or SentenceWindowChunker()
        self.batch = batch
        self._grouper: StoryGrouper | None = None
        self.vectors = PassageVectorIndex(store)
        self.max_passages = max_passages
        self.preparer = preparer or LocalPreparer(embedder, self.chunker, max_passages)

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
        # The preparer may run ahead (a cluster prepares several batches at once): a batch's
        # "changed?" check can then precede the previous batch's write, which is harmless
        # because one run never holds two sources with the same id (_distinct).
        for prepared in self.preparer.map(self._batches(items, report, progress)):
            self._write(prepared, report, progress)
        self.vectors.sync()
        return report

    def _batches(self, items: Iterable[Source | Rejected], report: IngestReport,
                 progress: Callable[[int], None] | None) -> Iterator[SourceBatch]:
        pending: dict[str, Source] = {}
        seen: dict[str, tuple[str, str | None]] = {}  # id → (content hash, where) this run
        for item in items:
            if isinstance(item, Rejected):
                report.rejected += 1
                report.problems.append(str(item))
                if progress:
                    progress(1)
                continue
            item = _distinct(item, seen, report)
            if item is None:
                if progress:
                    progress(1)
                continue
            pending[item.id] = item
            if len(pending) >= self.batch:
                yield self._changed(list(pending.values()), report)
                pending.clear()
        if pending:
            yield self._changed(list(pending.values()), report)

    def _changed(self, sources: list[Source], report: IngestReport) -> SourceBatch:
        changed = [s for s in sources if self.store.source_state(s.id) != s.content_hash]
        report.unchanged += len(sources) - len(changed)
        return SourceBatch(changed, read=len(sources))

    def _write(self, prepared: PreparedBatch, report: IngestReport,
               progress: Callable[[int], None] | None) -> None:
        for source, count in prepared.too_long:
            report.rejected += 1
            report.problems.append(
                f"{source.origin or source.id}: {source.id} makes {count:,} "
                f"passages, over the {self.max_passages:,} allowed for one source; split it "
                "or raise GROUNDBRIEF_MAX_PASSAGES_PER_SOURCE")
        vectors = prepared.vectors
        offset = 0
        with self.store.transaction():
            for source, passages in zip(prepared.sources, prepared.passages, strict=True):
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
            progress(prepared.read)
        if self.store.vector_log_head() - self.vectors.saved_seq() >= SYNC_EVERY:
            self.vectors.sync()


def _distinct(source: Source, seen: dict[str, tuple[str, str | None]],
              report: IngestReport) -> Source | None:
    """Two records of one input never silently become one source.

    A record whose id (its URL, usually) was already read in this input with *different* text
    is kept as a source of its own, under the id plus a hash of its content (so re-ingesting
    the input gives the same ids), and reported with both locations; an exact repeat is
    counted and skipped.
    """
    first = seen.get(source.id)
    if first is None:
        seen[source.id] = (source.content_hash, source.where)
        return source
    if first[0] == source.content_hash:
        report.repeated += 1
        return None
    new_id = f"{source.id}~{short_hash(source.content_hash, 8)}"
    if new_id in seen:
        report.repeated += 1
        return None
    seen[new_id] = (source.content_hash, source.where)
    report.kept_apart += 1
    report.notes.append(f"{source.where or source.origin}: same URL or id as "
                        f"{first[1] or 'an earlier record'} with different text; kept as a "
                        f"separate source ({new_id})")
    return source.model_copy(update={"id": new_id})
