"""Retrieve stage: hybrid lexical (FTS5 BM25) + dense (cosine) search with rank fusion.

BM25 finds passages sharing the claim's rare words (names, numbers); the multilingual dense
index finds paraphrases and other languages. Reciprocal rank fusion (Cormack et al. 2009) merges
the two rankings without calibrating their scores against each other. Near-duplicates (the same
wire copy syndicated by several outlets) are collapsed so they do not crowd out other sources.
"""

from __future__ import annotations

import re
from datetime import datetime

import numpy as np

from ..interfaces import Embedder, Retriever
from ..models import ScoredPassage, utc
from ..interfaces import Store
from ..words import SEARCH_STOPWORDS_EN
from .ann import PassageVectorIndex

RRF_K = 60  # the constant from the RRF paper; damps the weight of top ranks
CANDIDATES = 50  # per ranking, before fusion
DUPLICATE_COSINE = 0.97  # passages this close are the same text (re-syndicated copy)

_STOPWORDS = SEARCH_STOPWORDS_EN  # the shared list (groundbrief/words.py)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def fts_query(text: str, max_terms: int = 32) -> str:
    """An FTS5 MATCH expression: the query's content words OR-ed, each quoted so that no
    user text is ever parsed as FTS syntax."""
    terms: list[str] = []
    for word in _WORD.findall(text.lower()):
        if (len(word) < 2 and not word.isdigit()) or word in _STOPWORDS or word in terms:
            continue
        terms.append(word)
        if len(terms) >= max_terms:
            break
    return " OR ".join(f'"{t}"' for t in terms)


def _dedupe_key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


class HybridRetriever(Retriever):
    name = "hybrid-bm25-dense-rrf"

    def __init__(self, store: Store, embedder: Embedder, candidates: int = CANDIDATES):
        self.store = store
        self.embedder = embedder
        self.candidates = candidates
        # Approximate, memory-mapped, exact as-of filter (issue 12): see index/ann.py.
        self.vectors = PassageVectorIndex(store)

    def retrieve(
        self, query: str, *, k: int = 10, as_of: datetime | None = None
    ) -> list[ScoredPassage]:
        as_of_ts = utc(as_of).timestamp() if as_of is not None else None
        lexical = self.store.lexical_search(
            fts_query(query), limit=self.candidates, as_of_ts=as_of_ts)

        qvec = self.embedder.embed(query)
        # Undated passages are excluded under --as-of, since nothing shows they were published
        # before it (I6); the vector index applies that rule exactly.
        dense = self.vectors.search(qvec, self.candidates, as_of_ts=as_of_ts)
        sims_by_rowid: dict[int, float] = {}

        fused: dict[int, float] = {}
        lexical_rank: dict[int, int] = {}
        dense_rank: dict[int, int] = {}
        for rank, (rowid, _) in enumerate(lexical, start=1):
            fused[rowid] = fused.get(rowid, 0.0) + 1.0 / (RRF_K + rank)
            lexical_rank[rowid] = rank
        for rank, (rowid, sim) in enumerate(dense, start=1):
            fused[rowid] = fused.get(rowid, 0.0) + 1.0 / (RRF_K + rank)
            dense_rank[rowid] = rank
        if not fused:
            return []

        # Ties broken by rowid so that the same store and query always give the same order (I7).
        order = sorted(fused, key=lambda r: (-fused[r], r))
        shortlist = order[: max(k * 4, k + 20)]
        passages = self.store.get_passages(shortlist)
        vec_rowids, _, vec_matrix = self.store.passage_vectors(shortlist)
        vectors = {int(r): v for r, v in zip(vec_rowids, vec_matrix.astype(np.float32), strict=True)}
        sources = self.store.get_sources(p.source_id for p in passages.values())

        results: list[ScoredPassage] = []
        seen_text: set[str] = set()
        kept_vectors: list[np.ndarray] = []
        for rowid in order:
            passage = passages.get(rowid)
            if passage is None:
                continue
            key = _dedupe_key(passage.text)
            if key in seen_text:
                continue
            vec = vectors.get(rowid)
            if vec is not None and any(float(vec @ v) >= DUPLICATE_COSINE for v in kept_vectors):
                continue
            seen_text.add(key)
            if vec is not None:
                kept_vectors.append(vec)
                sims_by_rowid[rowid] = float(vec @ qvec)
            results.append(ScoredPassage(
                passage=passage,
                source=sources[passage.source_id],
                score=fused[rowid],
                lexical_rank=lexical_rank.get(rowid),
                dense_rank=dense_rank.get(rowid),
                similarity=sims_by_rowid.get(rowid, 0.0),
            ))
            if len(results) >= k:
                break
        return results
