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

What a story is to matching (its vector sum, size, dates, name-word counts, opening order) is
kept in the store on every join and leave (``store.StoryState``), with how many sources carry
each name word, so a process loads only the stories a new source can join: the undated ones,
and the dated ones of the time windows it meets, as it meets them. Reading every membership at
start-up took 19 s at 50,000 articles and grew with the store.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from ..store import SQLiteStore, StoryState
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
# The name "word" whose count is every grouped source's (name words have three letters or more).
_ALL = ""


@dataclass
class _Story:
    id: str
    total: np.ndarray  # sum of member vectors
    size: int = 0
    first_ts: float | None = None
    last_ts: float | None = None
    names: Counter = field(default_factory=Counter)  # name words of its members
    seq: int = 0  # opening order: ties go to the older story


@dataclass(frozen=True)
class Assignment:
    source_id: str
    story_id: str
    opened: bool  # True when the source opened a new story


class StoryGrouper:
    """Assigns sources to stories and records each assignment in the store.

    Holds in memory the stories a source can join, loaded from the store's story state as the
    sources' dates need them, and writes each story's state back on every join and leave: the
    only writer of story memberships is the indexer, one batch at a time.
    """

    def __init__(self, store: SQLiteStore):
        self.store = store
        self._stories: dict[str, _Story] = {}
        self._order: list[str] = []
        self._row: dict[str, int] = {}
        self._seq: list[int] = []  # each row's story's opening order
        # Normalised centroids, one row per story in ``_order``, and each story's first and
        # last date (NaN when undated); grown by doubling.
        self._buffer = np.zeros((0, 0), dtype=np.float32)
        self._first = np.zeros(0, dtype=np.float64)
        self._last = np.zeros(0, dtype=np.float64)
        # Sources carrying each name word, for the words read from the store so far.
        self._df: Counter = Counter()
        # Name word -> the stories whose members carry it (see _candidates).
        self._postings: dict[str, set[str]] = {}
        self._loaded = False
        self._days: set[int] = set()  # days whose sources' candidate stories are all loaded
        self._everything = False  # every story loaded (an undated source was grouped)
        self._next_seq = 1

    # ------------------------------------------------------------------ public

    def assign(self, p: SourceProfile) -> Assignment:
        """Put ``p``'s source in a story and store it (call inside a store transaction)."""
        self._load()
        member = self.store.story_member(p.source_id)
        if member is not None:
            self._leave(p.source_id, member)
        self._cover(p.published_ts)
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
        """Cosine of ``p`` with every loaded story's centroid; -1 for the stories outside its
        time window (dated both, more than WINDOW_DAYS apart), which never take it. Only the
        rows in the window are multiplied, so a dated stream costs what its window holds, not
        what the store holds. einsum, not ``@``: a matrix-vector product is memory-bound, and
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
        """Rows of the stories that can take the source, in the order the stories were opened
        (ties go to the older story; rows are in the order stories were loaded). Below
        JOIN_COSINE a story must share a rare name with the source, so only the stories listed
        under its rare words are looked at: rare words are carried by few sources, and scanning
        every story closer than MANY_NAMES_COSINE made grouping grow with the store (52 ms an
        article at 50,000 articles)."""
        rows = set(np.flatnonzero(cos >= JOIN_COSINE).tolist())
        for words in rare:
            for w in words:
                for story_id in self._postings.get(w, ()):
                    row = self._row[story_id]
                    if cos[row] >= MANY_NAMES_COSINE:
                        rows.add(row)
        return sorted(rows, key=self._seq.__getitem__)

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
        self._read_counts(name_words(names))
        limit = max(_MIN_RARE_COUNT, COMMON_NAME_SHARE * self._df[_ALL])
        out = {frozenset(w for w in name_words({n}) if self._df[w] < limit) for n in names}
        return sorted((ws for ws in out if ws), key=sorted)

    # ------------------------------------------------------------------ loading

    def _load(self) -> None:
        """On first use: the stories that can take any source (the undated ones), the count of
        grouped sources, the next opening number. A store whose story state is not current
        (written before it existed, or a membership deleted since) has it rebuilt first."""
        if self._loaded:
            return
        if not self.store.story_state_current():
            self._rebuild()
        self._next_seq = self.store.next_story_seq()
        self._read_counts({_ALL})
        self._add_stories(self.store.undated_story_states())
        self._loaded = True

    def _rebuild(self) -> None:
        """The story state from every membership, summed in the order the members were grouped:
        the sums, dates, name counts and story order the grouper had when it loaded every
        membership at start-up. Once per store (migration 5), linear in it."""
        stories: dict[str, _Story] = {}
        df: Counter = Counter()
        for _source_id, story_id, vector, names, ts in self.store.story_members():
            story = stories.get(story_id)
            if story is None:
                story = stories[story_id] = _Story(
                    id=story_id, total=np.zeros(vector.shape[0], dtype=np.float32),
                    seq=len(stories) + 1)
            words = name_words(frozenset(names))
            _add_member(story, vector, words, ts)
            df.update(words)
            df[_ALL] += 1
        self.store.replace_story_state((_state(s) for s in stories.values()), df)

    def _cover(self, ts: float | None) -> None:
        """Load every stored story that can take a source published at ``ts``: the dated ones
        within WINDOW_DAYS of its day (loaded once per day met), or every one for an undated
        source, which any story can take. A story not loaded has not changed since it was
        stored: it can only change by taking or losing a source, which loads it."""
        if self._everything:
            return
        if ts is None:
            self._add_stories(self.store.story_states_between(None, None))
            self._everything = True
            return
        day = math.floor(ts / _DAY)
        if day in self._days:
            return
        # A day's slack each side: the window check's own rounding can never let in a story
        # that the bounds of this query left out.
        reach = WINDOW_DAYS * _DAY + _DAY
        self._add_stories(self.store.story_states_between(day * _DAY - reach,
                                                          (day + 1) * _DAY + reach))
        self._days.add(day)

    def _add_stories(self, states: Iterable[StoryState]) -> None:
        for state in states:
            if state.id in self._stories:  # loaded already: memory is as new as the store
                continue
            story = self._new(state.id, state.total.shape[0], state.seq)
            story.total = state.total
            story.size = state.size
            story.first_ts, story.last_ts = state.first_ts, state.last_ts
            story.names.update(state.names)
            for w in state.names:
                self._postings.setdefault(w, set()).add(story.id)
            self._refresh(story)

    def _story(self, story_id: str) -> _Story:
        """The story ``story_id``, loaded from the store when it is not in memory."""
        if story_id not in self._stories:
            self._add_stories(self.store.story_states([story_id]))
        return self._stories[story_id]

    def _read_counts(self, words: Iterable[str]) -> None:
        """Read the source counts of the ``words`` not read yet (the grouper keeps them up to
        date once read: it is the only writer)."""
        missing = [w for w in words if w not in self._df]
        if missing:
            self._df.update(self.store.story_word_counts(missing))

    # ------------------------------------------------------------------ state

    def _new(self, story_id: str, dim: int, seq: int) -> _Story:
        story = _Story(id=story_id, total=np.zeros(dim, dtype=np.float32), seq=seq)
        self._stories[story_id] = story
        self._row[story_id] = len(self._order)
        self._order.append(story_id)
        self._seq.append(seq)
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
        story = self._new(self._free_id(p.source_id), p.vector.shape[0], self._next_seq)
        self._next_seq += 1
        return story

    def _free_id(self, source_id: str) -> str:
        """Named after its first source: the same ingest order gives the same ids (I7). A source
        that left the story named after it, which lives on with other members, and opens
        another, names that one with a count: two live stories never share an id."""
        story_id, n = "sty_" + short_hash(source_id, 12), 1
        while self._lives(story_id):
            n += 1
            story_id = "sty_" + short_hash(f"{source_id}#{n}", 12)
        return story_id

    def _lives(self, story_id: str) -> bool:
        story = self._stories.get(story_id)
        if story is not None:
            return story.size > 0
        return bool(self.store.story_states([story_id]))

    def _join(self, story: _Story, p: SourceProfile) -> None:
        words = name_words(p.names)
        self._read_counts(words)
        _add_member(story, p.vector, words, p.published_ts)
        self._df.update(words)
        self._df[_ALL] += 1
        for w in words:
            self._postings.setdefault(w, set()).add(story.id)
        self._refresh(story)
        self._save(story, words, 1)

    def _leave(self, source_id: str,
               member: tuple[str, np.ndarray, list[str], float | None]) -> None:
        story_id, vector, names, _ts = member
        story = self._story(story_id)
        words = name_words(frozenset(names))
        self._read_counts(words)
        story.total = story.total - vector
        story.size -= 1
        story.names.subtract(words)
        self._df.subtract(words)
        self._df[_ALL] -= 1
        for w in words:
            if story.names[w] <= 0:
                self._postings.get(w, set()).discard(story.id)
        story.first_ts, story.last_ts = self.store.story_dates(story.id, without=source_id)
        self._refresh(story)
        self._save(story, words, -1)

    def _save(self, story: _Story, words: frozenset[str], delta: int) -> None:
        """Write ``story``'s state and the changed word counts through to the store."""
        self.store.save_story(_state(story))
        self.store.add_story_words({**dict.fromkeys(words, delta), _ALL: delta})

    def _refresh(self, story: _Story) -> None:
        row = self._row[story.id]
        norm = float(np.linalg.norm(story.total))
        self._buffer[row] = story.total / norm if norm > 0 and story.size else 0.0
        self._first[row] = np.nan if story.first_ts is None else story.first_ts
        self._last[row] = np.nan if story.last_ts is None else story.last_ts


def _add_member(story: _Story, vector: np.ndarray, words: frozenset[str],
                ts: float | None) -> None:
    # float32 as the store keeps the sums, so a process that reloads one goes on from the same
    # numbers as the process that wrote it.
    story.total = story.total + vector.astype(np.float32, copy=False)
    story.size += 1
    if ts is not None:
        story.first_ts = ts if story.first_ts is None else min(story.first_ts, ts)
        story.last_ts = ts if story.last_ts is None else max(story.last_ts, ts)
    story.names.update(words)


def _state(story: _Story) -> StoryState:
    return StoryState(id=story.id, seq=story.seq, size=story.size, first_ts=story.first_ts,
                      last_ts=story.last_ts, total=story.total,
                      names={w: c for w, c in story.names.items() if c > 0})


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
