"""Related coverage: which stored explainers are about the brief's story.

Two explainers are linked when they share a story in the store (their claims' evidence or top
passages belong to one group of sources; the story ids compared include each explainer's linked
stories, those of its top sources that carry one of its names, since one event's reports may sit
in several groups), when their briefs are close in meaning
(:data:`COSINE`), or fairly close *and* naming the same people, places or bodies
(:data:`NAMED_COSINE`). A shared name alone would link every story about one country.
The thresholds were measured on pairs of briefs about the same Wikinews story and about
different ones (``benchmarks/eval_wikinews.py``, docs/evaluation.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from ..models import Related
from .profile import shares_name

#: Cosine of the brief vectors at which two briefs that share a main name are linked, and at
#: which two briefs are linked on meaning alone.
NAMED_COSINE = 0.35
COSINE = 0.45
MAX_RELATED = 5


@dataclass(frozen=True)
class ExplainerStory:
    """What relatedness reads of an explainer: its brief's vector, story ids and main names."""

    id: str
    headline: str
    vector: np.ndarray
    story_ids: frozenset[str]
    names: frozenset[str]


def link_score(a: ExplainerStory, b: ExplainerStory, cosine_alone: float = COSINE) -> float | None:
    """The similarity shown for a link from ``a`` to ``b``, or None when they are not related.
    ``cosine_alone``: the setting ``related_min_score`` (default :data:`COSINE`)."""
    if a.vector.shape != b.vector.shape:
        return None
    cosine = float(a.vector @ b.vector)
    if a.story_ids & b.story_ids:
        return cosine
    if cosine >= cosine_alone:
        return cosine
    shared = [n for n in a.names if shares_name(n, b.names)]
    if shared and cosine >= NAMED_COSINE:
        return cosine
    return None


def related(this: ExplainerStory, others: Iterable[ExplainerStory],
            cosine_alone: float = COSINE, limit: int = MAX_RELATED) -> list[Related]:
    scored: list[Related] = []
    for other in others:
        if other.id == this.id:
            continue
        score = link_score(this, other, cosine_alone)
        if score is not None:
            scored.append(Related(id=other.id, headline=other.headline, score=round(score, 3)))
    scored.sort(key=lambda r: (-r.score, r.id))
    return scored[:limit]


def explainer_story(id: str, headline: str, vector: np.ndarray, story_ids: Sequence[str],
                    names: Sequence[str]) -> ExplainerStory:
    return ExplainerStory(id, headline, vector, frozenset(story_ids), frozenset(names))
