"""The brief's story, found at explain time: the stored story its claims' evidence and its most
relevant passages belong to, the passages of that story's own sources, and dated background
from earlier stories that share its main names.

Relevance is decided by names, not by a number or a common word (I11): a source speaks to the
brief when it carries at least :data:`MIN_SHARED` of the brief's main names, or one of them in
a passage at least :data:`ONE_NAME_SIMILARITY` close to the brief. Names count by how well they
identify an event: a person, a body or a place counts once (and "Cape Canaveral" inside "Cape
Canaveral Air Force Station" is that place again); a nationality or group ("Brazilian",
"Spanish", "Americans") counts :data:`WEAK_NAME` — every report from a country carries it; a
role or a generic word ("president", "people") counts nothing. The same test picks the story's
members that are shown, so a report that joined the group on a neighbouring event (the same
company, the same country) is left out. A claim's evidence is relevant by definition: the
verifier read it against the claim.

The brief's story is the story of its claims' evidence; without evidence, the story of the best
ranked retrieved source that speaks to the brief (its top passages), not of the group that
gathers most weak votes: a summit that one of the brief's people attended collects votes from
several of its reports, each weaker than the brief's own report.
"""

from __future__ import annotations

from datetime import datetime

import numpy as np

from ..models import Brief, Claim, ScoredPassage, StoryMaterial, Verdict, utc
from ..nlp import parse, parser_for
from ..store import SQLiteStore
from ..verify.names import name_key
from .profile import GENERIC_LAST, names_of, shares_name

MIN_SHARED = 2
ONE_NAME_SIMILARITY = 0.45
#: What a nationality or group adjective counts for, against 1 for a person, body or place.
WEAK_NAME = 0.5
# A passage of an on-story source shown in the explainer must still be this close to the brief:
# a long report's last paragraphs (sports results, other news) drift off its event.
MIN_PASSAGE_SIMILARITY = 0.25
# Background passages from other, earlier stories must be closer than that.
MIN_BACKGROUND_SIMILARITY = 0.40
# Retrieved sources (by rank) whose stories may be the brief's.
TOP_SOURCES = 8
# Retrieved sources (by rank) whose stories Related coverage links through.
TOP_LINKED = 5
MAX_STORY_SOURCES = 40


class StoryFinder:
    def __init__(self, store: SQLiteStore):
        self.store = store

    def find(self, brief: Brief, claims: list[Claim], retrieved: list[ScoredPassage],
             brief_vector: np.ndarray, as_of: datetime | None = None) -> StoryMaterial:
        main = main_names(brief)
        weights = name_weights(brief, main)
        source_names = {k: frozenset(v) for k, v in self.store.story_names(
            p.source.id for p in retrieved).items()}
        stories = self.store.stories_of(p.source.id for p in retrieved)

        evidence = {c.source_id for claim in claims
                    if claim.verdict in (Verdict.SUPPORTED, Verdict.CONFLICTING, Verdict.REFUTED)
                    for c in claim.evidence}
        best_sim: dict[str, float] = {}
        order: list[str] = []
        for p in retrieved:
            best_sim[p.source.id] = max(best_sim.get(p.source.id, -1.0), p.similarity)
            if p.source.id not in order:
                order.append(p.source.id)
        # Each story's best vote (the rank of its best source that speaks to the brief), then
        # the sum of its votes: the brief's own report outranks several weaker ones.
        votes: dict[str, tuple[float, float]] = {}
        for rank, source_id in enumerate(order[:TOP_SOURCES]):
            if source_id in evidence or source_id not in stories:
                continue
            if speaks_to(main, weights, source_names.get(source_id, frozenset()),
                         best_sim[source_id]):
                vote = 1.0 / (rank + 1)
                best, total = votes.get(stories[source_id], (0.0, 0.0))
                votes[stories[source_id]] = (max(best, vote), total + vote)
        # The evidence's stories (one event may sit in several groups), else the best voted.
        chosen = sorted({stories[s] for s in evidence if s in stories}) or (
            [max(sorted(votes), key=lambda sid: votes[sid])] if votes else [])
        # One event's reports may sit in several groups (a short brief, a title, is close to
        # none of them): Related coverage links through every top source's story that carries
        # one of the brief's names, though no section draws on them.
        linked = sorted({stories[s] for s in order[:TOP_LINKED] if s in stories
                         and shared_weight(main, weights, source_names.get(s, frozenset())) >= 1.0}
                        - set(chosen))
        if not chosen:
            return StoryMaterial(linked_story_ids=linked)

        members = [m for sid, ms in self.store.story_sources(chosen).items() for m in ms]
        sources = self.store.get_sources(members[:MAX_STORY_SOURCES])
        if as_of is not None:
            # I6: nothing published after the as-of time (and nothing undated) is used.
            sources = {k: s for k, s in sources.items()
                       if s.published_at is not None and s.published_at <= utc(as_of)}
        member_names = {k: frozenset(v) for k, v in self.store.story_names(sources).items()}
        # A member shown must speak to the brief as a retrieved source must: a story group may
        # hold a report that joined it on a neighbouring event (the same company, another
        # launch, the same country); the claims' evidence is kept whatever it names.
        closest = self._closest(sources, brief_vector)
        sources = {k: s for k, s in sources.items()
                   if k in evidence or speaks_to(main, weights, member_names.get(k, frozenset()),
                                                 closest.get(k, -1.0))}
        names = sorted({n for n in main for k in sources
                        if shares_name(n, member_names.get(k, frozenset()))})
        passages = self._passages(sources, brief_vector, MIN_PASSAGE_SIMILARITY)
        background = self._background(retrieved, stories, set(chosen), sources, names,
                                      weights, source_names, as_of)
        return StoryMaterial(story_ids=chosen, names=names, passages=passages,
                             background=background, linked_story_ids=linked)

    def _closest(self, sources: dict, brief_vector: np.ndarray) -> dict[str, float]:
        """Each source's best passage similarity to the brief."""
        return {source_id: max((float(v @ brief_vector) for _, v in rows), default=-1.0)
                for source_id, rows in self.store.source_passages(sources).items()}

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
                    weights: dict[str, float], source_names: dict[str, frozenset[str]],
                    as_of: datetime | None) -> list[ScoredPassage]:
        """Retrieved passages of other stories, published before the story's first source,
        that carry at least two of its main names (a nationality counting for less)."""
        dates = [s.published_at for s in on_story.values() if s.published_at]
        if not dates or shared_weight(names, weights, frozenset(names)) < MIN_SHARED:
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
            carried = shared_weight(names, weights, source_names.get(p.source.id, frozenset()))
            if carried >= MIN_SHARED and p.similarity >= MIN_BACKGROUND_SIMILARITY:
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


# Words that name no one on their own: "President" alone, "People" of "People's Republic".
_GENERIC = GENERIC_LAST | {"people", "public", "national", "international", "world"}


def name_weights(brief: Brief, main: list[str]) -> dict[str, float]:
    """What each main name counts for in deciding relevance: 1 for a person, body or place;
    :data:`WEAK_NAME` for a nationality or group, as the English parser labels it in the brief
    ("Spanish police", "ordinary Americans", "Former Chilean dictator"), when the brief also
    names a person, body or place (1 when it names nothing else); 0 for a name made of generic
    words only. Briefs in a language without a parser count every name 1."""
    weights = {n: 0.0 if all(w in _GENERIC for w in n.split()) else 1.0 for n in main}
    nlp = parser_for(brief.language)
    if nlp is None:
        return weights
    groups = {g for g in (name_key(e.text) for e in parse(brief.text).ents
                          if e.label_ == "NORP") if g}
    weak = {n for n in main if weights[n] and any(n == g or n.endswith(" " + g) for g in groups)}
    # Beside a person, body or place, a nationality adds little: every report from the country
    # carries it. Alone ("South American nations began ...") it is all the brief names; so it
    # is when the only other names are named after it ("the Third South American Summit").
    others = [n for n in main if weights[n] == 1.0 and n not in weak
              and not any(f" {g} " in f" {n} " for g in groups)]
    if others:
        weights.update({n: WEAK_NAME for n in weak})
    return weights


def shared_weight(main: list[str], weights: dict[str, float], names: frozenset[str]) -> float:
    """How much of the brief's naming ``names`` carries: the weights of the shared main names,
    a name inside a longer shared one ("cape canaveral" in "cape canaveral air force station")
    counted once."""
    shared = shared_names(main, names)
    return sum(weights.get(n, 1.0) for n in shared
               if not any(o != n and f" {n} " in f" {o} " for o in shared))


def speaks_to(main: list[str], weights: dict[str, float], names: frozenset[str],
              similarity: float) -> bool:
    """Whether a source with ``names``, whose best passage is ``similarity`` close to the
    brief, speaks to it: two of its main names, or one in a close passage."""
    carried = shared_weight(main, weights, names)
    return carried >= MIN_SHARED or (carried >= 1.0 and similarity >= ONE_NAME_SIMILARITY)
