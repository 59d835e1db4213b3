"""Stage contracts: one abstract method each.

Each stage of the pipeline (see ``DESIGN.md``, "Pipeline") is one class behind one of these
interfaces. Backends are registered by name in :mod:`groundbrief.registry` and chosen by
configuration, so a new embedder, verifier or writer plugs in without touching the pipeline.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from datetime import datetime

import numpy as np

from .models import (
    Brief,
    Claim,
    ClaimVerification,
    ComposeInput,
    Explainer,
    ScoredPassage,
    Source,
)
from .text import scrub


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
