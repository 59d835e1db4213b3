"""Stage contracts: one abstract method each.

Each stage of the pipeline (see ``DESIGN.md``, "Pipeline") is one class behind one of these
interfaces. Backends are registered by name in :mod:`groundbrief.registry` and chosen by
configuration, so a new embedder, verifier or writer plugs in without touching the pipeline.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol, runtime_checkable

import numpy as np

from .models import (
    Brief,
    Claim,
    ClaimVerification,
    ComposeInput,
    Explainer,
    ExplainerSummary,
    Passage,
    ScoredPassage,
    Source,
)
from .text import scrub

if TYPE_CHECKING:  # the store package imports models, not this module; no cycle at run time
    from .store.sqlite import StoryState


class Rejected(Exception):
    """An input record that could not become a Source; ``str()`` is a one-line reason.

    Readers *yield* these (they do not raise them) so that one bad line of a dump is reported
    with its location while the good lines are still ingested.
    """

    def __init__(self, where: str, reason: str):
        # Scrubbed: a file name's undecodable bytes must not make the report unprintable.
        where, reason = scrub(where), scrub(reason)
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class SourceReader(ABC):
    """Turns one input (file, folder, feed, URL) into Sources."""

    @abstractmethod
    def read(self, location: str) -> Iterator[Source | Rejected]:
        """Yield a Source per article found at ``location`` and a Rejected per bad record."""


class Embedder(ABC):
    """Dense sentence vectors. Vectors are L2-normalised float32, so a dot product is a cosine."""

    name: str = "embedder"
    dim: int = 0

    @abstractmethod
    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        """Return an array of shape ``(len(texts), dim)``."""

    def embed(self, text: str) -> np.ndarray:
        return self.embed_batch([text])[0]


class Retriever(ABC):
    @abstractmethod
    def retrieve(
        self, query: str, *, k: int = 10, as_of: datetime | None = None
    ) -> list[ScoredPassage]:
        """The ``k`` best passages for ``query`` among sources published at or before ``as_of``."""


class BriefParser(ABC):
    @abstractmethod
    def parse(self, text: str) -> Brief:
        """Recognise speaker, role, outlet, handles, hashtags and truncation in a brief."""


class ClaimExtractor(ABC):
    @abstractmethod
    def extract(self, brief: Brief) -> list[Claim]:
        """Split a parsed brief into atomic claims (content, attribution, opinion)."""


class NLIModel(ABC):
    """Premise/hypothesis classifier used by verifiers."""

    name: str = "nli"

    @abstractmethod
    def predict(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """``pairs`` are (premise=passage, hypothesis=claim); returns ``(n, 3)`` probabilities
        in the order entailment, neutral, contradiction."""


class Verifier(ABC):
    name: str = "verifier"

    @abstractmethod
    def verify(
        self, claim: Claim, passages: Sequence[ScoredPassage], brief: Brief
    ) -> ClaimVerification:
        """Judge ``claim`` against ``passages``: per-passage support/contradiction, one verdict.

        Refuted only on explicit conflict; Not enough evidence is the honest default.
        """


class Writer(ABC):
    name: str = "writer"

    @abstractmethod
    def compose(self, material: ComposeInput) -> Explainer:
        """Build every section of the explainer from verified material only."""


@runtime_checkable
class Store(Protocol):
    """What the pipeline, the indexer, the retriever, the CLI and the web app ask of a store
    (issue 12): sources with their passages and vectors, lexical search, runs and their stage
    outputs, explainer versions. :class:`groundbrief.store.SQLiteStore` is the embedded one;
    another engine implements the same methods. Passage rowids are the store's own integer
    keys for passages, stable until the passage is deleted.

    The dense search over passage vectors is not here: it lives beside the store
    (index/ann.py, a memory-mapped file per machine), fed by the store's vector log below.
    Implementations: SQLiteStore (store/sqlite.py) and PostgresStore (store/postgres.py);
    ``groundbrief.store.open_store_url`` opens either from its address.
    """

    name: str
    path: Path

    @property
    def generation(self) -> int:
        """Changes whenever passages change: a cheap staleness check for caches and run ids."""

    def transaction(self) -> AbstractContextManager[Any]:
        """One write transaction; rolled back whole on any error."""

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...

    # sources and passages
    def source_state(self, source_id: str) -> str | None:
        """The stored content hash of ``source_id`` (None when not stored)."""

    def upsert_source(self, source: Source, passages: Sequence[Passage], vectors: np.ndarray,
                      embedder: str) -> Literal["new", "updated", "unchanged"]:
        """Store a source with its passages and their vectors (inside :meth:`transaction`)."""

    def get_source(self, source_id: str) -> Source | None: ...

    def get_sources(self, ids: Iterable[str]) -> dict[str, Source]: ...

    def iter_sources(self) -> Iterator[Source]: ...

    def counts(self, as_of: datetime | None = None) -> dict[str, Any]:
        """Totals for Source Transparency: sources, passages, usable_sources, undated_sources,
        newest_ts (what the as-of filter leaves)."""

    def get_passages(self, rowids: Sequence[int]) -> dict[int, Passage]: ...

    # stories (stories/): each source's story and the profile that placed it there
    def save_story_member(self, source_id: str, story_id: str, vector: np.ndarray,
                          names: Sequence[str], published_ts: float | None) -> None: ...

    def story_members(self) -> list[tuple[str, str, np.ndarray, list[str], float | None]]: ...

    def stories_of(self, source_ids: Iterable[str]) -> dict[str, str]: ...

    def story_sources(self, story_ids: Iterable[str]) -> dict[str, list[str]]: ...

    def story_names(self, source_ids: Iterable[str]) -> dict[str, list[str]]: ...

    def sources_without_story(self) -> list[str]: ...

    def story_member(self, source_id: str
                     ) -> tuple[str, np.ndarray, list[str], float | None] | None: ...

    def story_dates(self, story_id: str, without: str) -> tuple[float | None, float | None]: ...

    # per-story state (store.StoryState), kept by the grouper on every join and leave so that a
    # new process loads only the stories a new source can join (migration 5)
    def story_state_current(self) -> bool: ...

    def replace_story_state(self, stories: Iterable[StoryState],
                            words: Mapping[str, int]) -> None: ...

    def save_story(self, story: StoryState) -> None: ...

    def add_story_words(self, deltas: Mapping[str, int]) -> None: ...

    def story_word_counts(self, words: Iterable[str]) -> dict[str, int]: ...

    def story_states(self, ids: Iterable[str]) -> list[StoryState]: ...

    def story_states_between(self, start: float | None, end: float | None
                             ) -> list[StoryState]: ...

    def undated_story_states(self) -> list[StoryState]: ...

    def next_story_seq(self) -> int: ...

    def get_passage(self, passage_id: str) -> Passage | None: ...

    def passage_vectors(self, rowids: Sequence[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(rowids, published epoch seconds or NaN, vectors)`` of the rows that exist."""

    def lexical_search(self, match: str, *, limit: int,
                       as_of_ts: float | None) -> list[tuple[int, float]]:
        """BM25-style search: ``(rowid, score)`` best first, only passages published at or
        before ``as_of_ts`` when given."""

    # vector index support (index/ann.py): the log of changed passages and vectors in batches
    @property
    def store_id(self) -> str:
        """A random identity kept by copies of the store; names files derived from it."""

    def snapshot(self) -> AbstractContextManager[None]:
        """A read transaction: every read inside sees one state of the store."""

    def vector_log_head(self) -> int: ...

    def vector_log_tail(self) -> int | None: ...

    def changed_passages(self, after_seq: int) -> np.ndarray: ...

    def prune_vector_log(self, up_to_seq: int) -> None: ...

    def iter_passage_vectors(self, *, batch: int = 20000, published_before: float | None = None
                             ) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]: ...

    def passage_dates(self, rowids: Sequence[int]) -> dict[int, float | None]: ...

    def count_passages_upto(self, published_before: float, limit: int) -> int: ...

    def count_passages(self, published_before: float | None = None) -> int: ...

    def vectors(self) -> Any:
        """Every passage vector in memory (VectorIndex): the fallback when no index is saved."""

    # stories and related coverage, beyond the above
    def name_frequency(self, names: Iterable[str]) -> tuple[dict[str, int], int]: ...

    def source_passages(self, source_ids: Iterable[str]
                        ) -> dict[str, list[tuple[Passage, np.ndarray]]]: ...

    def explainer_stories(self) -> list[tuple[str, str, np.ndarray, list[str], list[str]]]: ...

    # runs
    def start_run(self, run_id: str, brief_text: str, settings: dict[str, Any],
                  as_of: datetime | None, now: datetime) -> None: ...

    def save_stage(self, run_id: str, stage: str, output: Any) -> None: ...

    def load_stage(self, run_id: str, stage: str) -> Any: ...

    def finish_run(self, run_id: str, status: str, explainer_id: str | None,
                   version: int | None) -> None: ...

    # explainers
    def latest_explainer(self, explainer_id: str) -> Explainer | None: ...

    def get_explainer(self, explainer_id: str, version: int | None = None) -> Explainer | None: ...

    def save_explainer(self, explainer: Explainer, digest: str, vector: np.ndarray) -> None: ...

    def replace_explainer(self, explainer: Explainer) -> None: ...

    def latest_digest(self, explainer_id: str) -> tuple[int, str] | None: ...

    def explainer_vectors(self) -> list[tuple[str, str, np.ndarray]]: ...

    def list_explainers(self, limit: int = 50) -> list[ExplainerSummary]: ...

    def explainer_versions(self, explainer_id: str) -> list[int]: ...

    def search_explainers(self, text: str, limit: int = 20) -> list[ExplainerSummary]: ...

    def explainers_citing(self, source_id: str, limit: int = 100) -> list[ExplainerSummary]: ...
