"""The store-free half of the index stage: a batch of Sources → passages and their vectors.

The Indexer (index/indexer.py) decides which sources of a batch changed (a store read) and
writes the prepared batches (store writes, one transaction each); between the two, chunking
and embedding touch no store, so they can run anywhere: in this process
(:class:`LocalPreparer`), or on the workers of a Dask cluster (cluster/ingest.py), where a
batch is the unit of work. The same batch prepared in either place gives the same passages and
the same vectors, because the embedder sees the same list of texts in the same order.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import numpy as np

from ..interfaces import Embedder
from ..models import Passage, Source
from .chunk import SentenceWindowChunker


@dataclass
class SourceBatch:
    """Sources to chunk and embed (those the store does not hold as they are), and how many
    records the batch stood for before that check (for progress)."""

    sources: list[Source]
    read: int


@dataclass
class PreparedBatch:
    """A batch ready to write: each kept source with its passages, their vectors in the same
    order (concatenated), and the sources cut into more passages than allowed."""

    sources: list[Source]
    passages: list[list[Passage]]
    vectors: np.ndarray
    read: int
    too_long: list[tuple[Source, int]] = field(default_factory=list)  # (source, passages)


def prepare(batch: SourceBatch, chunker: SentenceWindowChunker, embedder: Embedder,
            max_passages: int) -> PreparedBatch:
    chunks = [chunker.chunk(s) for s in batch.sources]
    # A source cut into thousands of passages would cost minutes of embedding and crowd every
    # search; it is reported, not stored, and the rest of the batch goes on.
    too_long = [(s, len(ps)) for s, ps in zip(batch.sources, chunks, strict=True)
                if len(ps) > max_passages]
    kept = [(s, ps) for s, ps in zip(batch.sources, chunks, strict=True)
            if len(ps) <= max_passages]
    texts = [p.text for _, passages in kept for p in passages]
    vectors = (embedder.embed_batch(texts) if texts
               else np.zeros((0, embedder.dim), dtype=np.float32))
    return PreparedBatch(sources=[s for s, _ in kept], passages=[ps for _, ps in kept],
                         vectors=vectors, read=batch.read, too_long=too_long)


class Preparer(ABC):
    """Prepares batches, in the order given (the Indexer writes them in that order)."""

    @abstractmethod
    def map(self, batches: Iterable[SourceBatch]) -> Iterator[PreparedBatch]:
        """One PreparedBatch per SourceBatch, same order; ``batches`` is read lazily."""


class LocalPreparer(Preparer):
    """In this process, one batch at a time (the plain ``groundbrief ingest``)."""

    def __init__(self, embedder: Embedder, chunker: SentenceWindowChunker | None = None,
                 max_passages: int = 5_000):
        self.embedder = embedder
        self.chunker = chunker or SentenceWindowChunker()
        self.max_passages = max_passages

    def map(self, batches: Iterable[SourceBatch]) -> Iterator[PreparedBatch]:
        for batch in batches:
            yield prepare(batch, self.chunker, self.embedder, self.max_passages)
