"""Story grouping on ingest: each new source joins the story it reports on, or opens one.

Incremental by design: a newsroom store grows a feed item at a time, so a source is compared
with the stories already stored (their centroid, names and dates) and never re-clusters the
store. A source joins the best story that

* was reported within :data:`WINDOW_DAYS` of it (when both are dated): one event is reported
  over days, while two events with the same actors months apart are two stories; and
* is close to it in meaning (the cosine of its lead with the story's centroid) — very close
  on its own (:data:`JOIN_COSINE`), or close enough when they also share rare name words:
  :data:`FEW_NAMES` of them at :data:`FEW_NAMES_COSINE`, :data:`MANY_NAMES` at
  :data:`MANY_NAMES_COSINE`. A name word is rare when fewer than :data:`COMMON_NAME_SHARE` of
  the stored sources carry it: "U.S." or "Reuters" ties nothing together, "Pinochet" does.

The thresholds were measured on the Wikinews stories with Reuters distractors
(``benchmarks/eval_stories.py``; figures in docs/evaluation.md).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from ..store import SQLiteStore
from ..text import short_hash
from .profile import SourceProfile, name_words

WINDOW_DAYS = 7.0
JOIN_COSINE = 0.80
FEW_NAMES, FEW_NAMES_COSINE = 2, 0.50
MANY_NAMES, MANY_NAMES_COSINE = 3, 0.35
COMMON_NAME_SHARE = 0.01
# In a small store a share of the sources is a handful: a word carried by this many is not rare.
_MIN_RARE_COUNT = 3
_DAY = 86400.0


@dataclass
class _Story:
    id: str
    total: np.ndarray  # sum of member vectors
    size: int = 0
    first_ts: float | None = None
    last_ts: float | None = None
    names: Counter = field(default_factory=Counter)  # name words of its members


@dataclass(frozen=True)
class Assignment:
    source_id: str
    story_id: str
    opened: bool  # True when the source opened a new story


class StoryGrouper:
    """Assigns sources to stories and records each assignment in the store.

    Holds the store's stories in memory (loaded once): the only writer of story memberships is
    the indexer, one batch at a time.
    """

    def __init__(self, store: SQLiteStore):
        self.store = store
        self._stories: dict[str, _Story] = {}
        self._order: list[str] = []
        self._row: dict[str, int] = {}
        # Normalised centroids, one row per story in ``_order``, and each story's first and
        # last date (NaN when undated); grown by doubling.
        self._buffer = np.zeros((0, 0), dtype=np.float32)
        self._first = np.zeros(0, dtype=np.float64)
        self._last = np.zeros(0, dtype=np.float64)
        self._member_of: dict[str, str] = {}
        self._profiles: dict[str, SourceProfile] = {}
        self._df: Counter = Counter()
        # Name word -> the stories whose members carry it (see _candidates).
        self._postings: dict[str, set[str]] = {}
        self._load()

    # ------------------------------------------------------------------ public

    def assign(self, p: SourceProfile) -> Assignment:
        """Put ``p``'s source in a story and store it (call inside a store transaction)."""
        if p.source_id in self._member_of:
            self._leave(p.source_id)
        story = self._best(p)
        opened = story is None
        if story is None:
            story = self._open(p)
        self._join(story, p)
        self.store.save_story_member(p.source_id, story.id, p.vector, sorted(p.names),
                                     p.published_ts)
        return Assignment(p.source_id, story.id, opened)

    # ------------------------------------------------------------------ matching

    def _best(self, p: SourceProfile) -> _Story | None:
        if not self._order:
            return None
        cos = self._cosines(p)
        rare = self._rare_names(p.names)
        best: tuple[float, str] | None = None
        for i in self._candidates(cos, rare):
            c = float(cos[i])
            story = self._stories[self._order[i]]
            if story.size == 0 or not _within_window(p.published_ts, story):
                continue
            if _one_side_dated(p.published_ts, story):
                # Nothing shows the two are close in time: only strong evidence joins them.
                if c >= JOIN_COSINE or (c >= FEW_NAMES_COSINE and self._shared(rare, story)
                                        >= MANY_NAMES):
                    best = _better(best, c, self._shared(rare, story), story.id)
                continue
            shared = self._shared(rare, story)
            if (c >= JOIN_COSINE or (shared >= FEW_NAMES and c >= FEW_NAMES_COSINE)
                    or shared >= MANY_NAMES):
                best = _better(best, c, shared, story.id)
        return self._stories[best[1]] if best else None

    def _cosines(self, p: SourceProfile) -> np.ndarray:
        """Cosine of ``p`` with every story's centroid; -1 for the stories outside its time
        window (dated both, more than WINDOW_DAYS apart), which never take it. Only the rows
        in the window are multiplied, so a dated stream costs what its window holds, not what
        the store holds. einsum, not ``@``: a matrix-vector product is memory-bound, and
        multi-threaded BLAS on a busy machine took 2 ms for 1,000 stories where one thread
        takes 0.1 ms."""
        n = len(self._order)
        if p.published_ts is None:
            return np.einsum("ij,j->i", self._buffer[:n], p.vector)
        first, last = self._first[:n], self._last[:n]
        span = WINDOW_DAYS * _DAY
        rows = np.flatnonzero(np.isnan(first) | ((p.published_ts >= first - span)
                                                 & (p.published_ts <= last + span)))
        cos = np.full(n, -1.0, dtype=np.float32)
        cos[rows] = np.einsum("ij,j->i", self._buffer[rows], p.vector)
        return cos

    def _candidates(self, cos: np.ndarray, rare: list[frozenset[str]]) -> list[int]:
        """Rows of the stories that can take the source, in the order they were opened (ties go
        to the older story). Below JOIN_COSINE a story must share a rare name with the source,
        so only the stories listed under its rare words are looked at: rare words are carried
        by few sources, and scanning every story closer than MANY_NAMES_COSINE made grouping
        grow with the store (52 ms an article at 50,000 articles)."""
        rows = set(np.flatnonzero(cos >= JOIN_COSINE).tolist())
        for words in rare:
            for w in words:
                for story_id in self._postings.get(w, ()):
                    row = self._row[story_id]
                    if cos[row] >= MANY_NAMES_COSINE:
                        rows.add(row)
        return sorted(rows)

    @staticmethod
    def _shared(rare: list[frozenset[str]], story: _Story) -> int:
        """How many of the source's names the story carries, each name counted once: "Cape
        Canaveral Air Force Station" is one place, not five shared words, and "Cape Canaveral"
        beside it is the same place again."""
        # A word counts when a third of the story's members carry it: a large story's union
        # of names would otherwise share a few words with anything.
        enough = max(1, story.size / 3)
        matched = {m for m in (frozenset(w for w in words if story.names[w] >= enough)
                               for words in rare) if m}
        return sum(1 for m in matched if not any(m < other for other in matched))

    def _rare_names(self, names: frozenset[str]) -> list[frozenset[str]]:
        """The rare words of each of ``names`` (names without one left out)."""
        limit = max(_MIN_RARE_COUNT, COMMON_NAME_SHARE * len(self._profiles))
        out = {frozenset(w for w in name_words({n}) if self._df[w] < limit) for n in names}
        return sorted((ws for ws in out if ws), key=sorted)

    # ------------------------------------------------------------------ state

    def _load(self) -> None:
        for source_id, story_id, vector, names, ts in self.store.story_members():
            p = SourceProfile(source_id, vector, frozenset(names), ts)
            story = self._stories.get(story_id)
            if story is None:
                story = self._new(story_id, vector.shape[0])
            self._join(story, p)

    def _new(self, story_id: str, dim: int) -> _Story:
        story = _Story(id=story_id, total=np.zeros(dim, dtype=np.float32))
        self._stories[story_id] = story
        self._row[story_id] = len(self._order)
        self._order.append(story_id)
        if len(self._order) > self._buffer.shape[0]:
            size = max(64, 2 * self._buffer.shape[0])
            grown = np.zeros((size, dim), dtype=np.float32)
            if self._buffer.size:
                grown[: self._buffer.shape[0]] = self._buffer
            self._buffer = grown
            self._first = np.concatenate([self._first, np.full(size - len(self._first), np.nan)])
            self._last = np.concatenate([self._last, np.full(size - len(self._last), np.nan)])
        return story

    def _open(self, p: SourceProfile) -> _Story:
        # Named after its first source: the same ingest order gives the same ids (I7).
        return self._new("sty_" + short_hash(p.source_id, 12), p.vector.shape[0])

    def _join(self, story: _Story, p: SourceProfile) -> None:
        story.total = story.total + p.vector
        story.size += 1
        if p.published_ts is not None:
            ts = p.published_ts
            story.first_ts = ts if story.first_ts is None else min(story.first_ts, ts)
            story.last_ts = ts if story.last_ts is None else max(story.last_ts, ts)
        words = name_words(p.names)
        story.names.update(words)
        self._df.update(words)
        for w in words:
            self._postings.setdefault(w, set()).add(story.id)
        self._member_of[p.source_id] = story.id
        self._profiles[p.source_id] = p
        self._refresh(story)

    def _leave(self, source_id: str) -> None:
        story = self._stories[self._member_of.pop(source_id)]
        p = self._profiles.pop(source_id)
        story.total = story.total - p.vector
        story.size -= 1
        words = name_words(p.names)
        story.names.subtract(words)
        self._df.subtract(words)
        for w in words:
            if story.names[w] <= 0:
                self._postings.get(w, set()).discard(story.id)
        dated = [q.published_ts for sid, q in self._profiles.items()
                 if self._member_of.get(sid) == story.id and q.published_ts is not None]
        story.first_ts, story.last_ts = (min(dated), max(dated)) if dated else (None, None)
        self._refresh(story)

    def _refresh(self, story: _Story) -> None:
        row = self._row[story.id]
        norm = float(np.linalg.norm(story.total))
        self._buffer[row] = story.total / norm if norm > 0 and story.size else 0.0
        self._first[row] = np.nan if story.first_ts is None else story.first_ts
        self._last[row] = np.nan if story.last_ts is None else story.last_ts


def _better(best: tuple[float, str] | None, cosine: float, shared: int,
            story_id: str) -> tuple[float, str]:
    score = cosine + 0.02 * min(shared, 5)
    # Ties go to the older story (found first): the same order gives the same result.
    return (score, story_id) if best is None or score > best[0] else best


def _one_side_dated(ts: float | None, story: _Story) -> bool:
    """A dated source and a story of undated sources, or the other way round."""
    return (ts is None) != (story.first_ts is None)


def _within_window(ts: float | None, story: _Story) -> bool:
    """Whether a source published at ``ts`` can report the same event as ``story``; undated
    sources (and stories) pass: nothing shows they are apart."""
    if ts is None or story.first_ts is None or story.last_ts is None:
        return True
    gap = max(0.0, story.first_ts - ts, ts - story.last_ts)
    return gap <= WINDOW_DAYS * _DAY
