"""The brief's story, found at explain time: the stored story its claims' evidence and its most
relevant passages belong to, the passages of that story's own sources, and dated background
from earlier stories that share its main names.

Relevance is decided by names, not by a number or a common word (I11): a retrieved source
speaks to the brief when it carries at least :data:`MIN_SHARED` of the brief's main names, or
one of them in a passage at least :data:`ONE_NAME_SIMILARITY` close to the brief. A claim's
evidence is relevant by definition: the verifier read it against the claim.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

import numpy as np

from ..models import Brief, Claim, ScoredPassage, StoryMaterial, Verdict, utc
from ..store import SQLiteStore
from ..verify.names import name_key
from .profile import names_of, shares_name

MIN_SHARED = 2
ONE_NAME_SIMILARITY = 0.45
# A passage of an on-story source shown in the explainer must still be this close to the brief:
# a long report's last paragraphs (sports results, other news) drift off its event.
MIN_PASSAGE_SIMILARITY = 0.25
# Background passages from other, earlier stories must be closer than that.
MIN_BACKGROUND_SIMILARITY = 0.40
# Retrieved sources (by rank) whose stories may be the brief's.
TOP_SOURCES = 8
MAX_STORY_SOURCES = 40


class StoryFinder:
    def __init__(self, store: SQLiteStore):
        self.store = store

    def find(self, brief: Brief, claims: list[Claim], retrieved: list[ScoredPassage],
             brief_vector: np.ndarray, as_of: datetime | None = None) -> StoryMaterial:
        main = main_names(brief)
        source_names = {k: frozenset(v) for k, v in self.store.story_names(
            p.source.id for p in retrieved).items()}
        stories = self.store.stories_of(p.source.id for p in retrieved)

        votes: dict[str, float] = defaultdict(float)
        evidence = {c.source_id for claim in claims
                    if claim.verdict in (Verdict.SUPPORTED, Verdict.CONFLICTING, Verdict.REFUTED)
                    for c in claim.evidence}
        for source_id in evidence:
            if source_id in stories:
                votes[stories[source_id]] += 3.0
        best_sim: dict[str, float] = {}
        order: list[str] = []
        for p in retrieved:
            best_sim[p.source.id] = max(best_sim.get(p.source.id, -1.0), p.similarity)
            if p.source.id not in order:
                order.append(p.source.id)
        for rank, source_id in enumerate(order[:TOP_SOURCES]):
            if source_id in evidence or source_id not in stories:
                continue
            shared = shared_names(main, source_names.get(source_id, frozenset()))
            if len(shared) >= MIN_SHARED or (shared and best_sim[source_id] >= ONE_NAME_SIMILARITY):
                votes[stories[source_id]] += 1.0 / (rank + 1)
        if not votes:
            return StoryMaterial()
        # The evidence's stories (one event may sit in several groups), else the best voted.
        chosen = sorted({stories[s] for s in evidence if s in stories}) or [
            max(sorted(votes), key=lambda sid: votes[sid])]

        members = [m for sid, ms in self.store.story_sources(chosen).items() for m in ms]
        sources = self.store.get_sources(members[:MAX_STORY_SOURCES])
        if as_of is not None:
            # I6: nothing published after the as-of time (and nothing undated) is used.
            sources = {k: s for k, s in sources.items()
                       if s.published_at is not None and s.published_at <= utc(as_of)}
        member_names = {k: frozenset(v) for k, v in self.store.story_names(sources).items()}
        # A member that names none of the brief's people, places or bodies is not shown: a
        # story group may hold a report that joined it on a neighbouring event (the same
        # company, another launch); the claims' evidence is kept whatever it names.
        sources = {k: s for k, s in sources.items()
                   if k in evidence or shared_names(main, member_names.get(k, frozenset()))}
        names = sorted({n for n in main for k in sources
                        if shares_name(n, member_names.get(k, frozenset()))})
        passages = self._passages(sources, brief_vector, MIN_PASSAGE_SIMILARITY)
        background = self._background(retrieved, stories, set(chosen), sources, names,
                                      source_names, as_of)
        return StoryMaterial(story_ids=chosen, names=names, passages=passages,
                             background=background)

    def _passages(self, sources: dict, brief_vector: np.ndarray,
                  floor: float) -> list[ScoredPassage]:
        out = []
        for source_id, rows in self.store.source_passages(sources).items():
            for passage, vector in rows:
                sim = float(vector @ brief_vector)
                if sim >= floor:
                    out.append(ScoredPassage(passage=passage, source=sources[source_id],
                                             score=sim, similarity=sim))
        out.sort(key=lambda p: (-p.similarity, p.passage.id))
        return out

    def _background(self, retrieved: list[ScoredPassage], stories: dict[str, str],
                    chosen: set[str], on_story: dict, names: list[str],
                    source_names: dict[str, frozenset[str]],
                    as_of: datetime | None) -> list[ScoredPassage]:
        """Retrieved passages of other stories, published before the story's first source,
        that carry at least two of its main names."""
        dates = [s.published_at for s in on_story.values() if s.published_at]
        if not dates or len(names) < MIN_SHARED:
            return []
        first = min(dates)
        out = []
        for p in retrieved:
            sid = stories.get(p.source.id)
            if sid is None or sid in chosen or p.source.id in on_story:
                continue
            if p.source.published_at is None or p.source.published_at >= first:
                continue
            if as_of is not None and p.source.published_at > utc(as_of):
                continue
            carried = shared_names(names, source_names.get(p.source.id, frozenset()))
            if len(carried) >= MIN_SHARED and p.similarity >= MIN_BACKGROUND_SIMILARITY:
                out.append(p)
        return out


def main_names(brief: Brief) -> list[str]:
    """Name keys of the brief's people, places and bodies: its names, its speaker and the
    people behind its handles; not the outlet or programme that carried it ("V24")."""
    keys = set(names_of(brief.text, aliases=False))
    for name in [brief.speaker, *brief.handles.values()]:
        if name:
            keys.add(name_key(name))
    if brief.outlet:
        keys.discard(name_key(brief.outlet))
    keys = {k for k in keys if not k.startswith("@")}
    return sorted(keys)


def shared_names(main: list[str], names: frozenset[str]) -> list[str]:
    """The main names that ``names`` carries (as a name, a surname, an alias or a demonym's
    country)."""
    return [n for n in main if shares_name(n, names)]
