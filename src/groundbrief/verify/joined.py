"""Joined readings: two or three nearby passages of one source read together for one claim.

News copy spreads one fact over several sentences ("Kipchoge ran in Vienna, Austria." ... "His
time was 1 hour 59 minutes 40.2 seconds."), and passages are short on purpose (they are what a
statement cites), so a claim can be backed by a source without any single passage holding all
its details. The detail rules (I4, I5) then rightly refuse every passage alone. A joined reading
gives the model the sentences of those passages that bear on the claim, in the source's order,
and is judged by the same rules as a single passage; when it supports the claim, every passage
of the reading is cited, so a reader sees all the words the verdict rests on.

A reading is only formed where it is needed and where it is safe:

* its passages come from one source and lie close together (``MAX_SPAN`` ordinals): one
  story's account of one event, not facts picked from across a long page;
* together they hold every number, date, name and quote of the claim (a quote inside one
  passage: stitching a quote from two would invent it), while no single one does -- a passage
  that holds them all is judged alone, and a reading never adds words the claim lacks;
* no smaller reading already holds them (the fewest passages that can carry the claim).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations

from ..models import ScoredPassage
from ..text import sentence_spans
from .checks import content_overlap, missing_facts

#: Passages of a reading lie within this many ordinals of each other (adjacent windows, or
#: one window apart).
MAX_SPAN = 2
#: At most this many passages in one reading.
MAX_PASSAGES = 3
#: Readings judged per claim, at most (each is one more model call).
MAX_READINGS = 3
#: The sentences kept from a passage: those holding a detail of the claim, or sharing this
#: share of its content words. The rest is left out so the model sees the claim's evidence
#: and not three passages' worth of other news (and stays within its 128-token input).
SENTENCE_OVERLAP = 0.25
#: A reading longer than this is not formed: the model would truncate it.
MAX_CHARS = 500


@dataclass(frozen=True)
class JoinedReading:
    """Passages of one source, in the source's order, and the text the model reads."""

    passages: tuple[ScoredPassage, ...]
    text: str

    @property
    def passage_ids(self) -> list[str]:
        return [sp.passage.id for sp in self.passages]


def _bearing_sentences(claim: str, texts: Sequence[str],
                       needed: set[str]) -> list[tuple[int, str]]:
    """The sentences of ``texts`` that bear on the claim, in order, each with the index of its
    text: the fewest that hold all of the claim's details (a greedy cover, so "the Ineos 1:59
    Challenge" is not kept for a "1 hour 59 minutes" that another sentence holds whole), and
    those that share enough of its words to say what the details are about. ``needed``: the
    claim's details (numbers, dates, names, quotes)."""
    sentences = [(k, t[a:b]) for k, t in enumerate(texts) for a, b in sentence_spans(t)]
    held = [needed - set(missing_facts(claim, [s])) for _, s in sentences]
    overlap = [content_overlap(claim, s) for _, s in sentences]
    keep = {i for i, o in enumerate(overlap) if o >= SENTENCE_OVERLAP}
    uncovered = set(needed)
    while uncovered:
        best = max(range(len(sentences)),
                   key=lambda i: (len(held[i] & uncovered), overlap[i], -i), default=None)
        if best is None or not held[best] & uncovered:
            break
        keep.add(best)
        uncovered -= held[best]
    return [sentences[i] for i in sorted(keep)]


def joined_readings(claim: str, passages: Sequence[ScoredPassage],
                    read: Callable[[ScoredPassage], str] = lambda sp: sp.passage.text,
                    ) -> list[JoinedReading]:
    """The readings worth judging for ``claim`` among ``passages`` (best retrieval first).
    ``read``: a passage's text as the verifier reads it (verify/reading.py: a corrected
    story without its withdrawn statement)."""
    needed = set(missing_facts(claim, [""]))  # every detail of the claim
    if not needed:
        return []  # nothing checkable is spread over passages; each is judged on its own
    # Each passage read once: the combinations below ask for the same passages many times.
    texts = {sp.passage.id: read(sp) for sp in passages}
    by_source: dict[str, list[ScoredPassage]] = {}
    for sp in passages:
        by_source.setdefault(sp.passage.source_id, []).append(sp)

    found: list[tuple[float, JoinedReading]] = []
    for group in by_source.values():
        if len(group) < 2:
            continue
        group = sorted(group, key=lambda sp: sp.passage.ordinal)
        if any(not missing_facts(claim, [texts[sp.passage.id]]) for sp in group):
            continue  # one passage holds every detail: it is judged alone
        covering: list[tuple[ScoredPassage, ...]] = []
        covered: list[set[str]] = []  # passage ids of each covering reading
        for size in range(2, MAX_PASSAGES + 1):
            for combo in combinations(group, size):
                if combo[-1].passage.ordinal - combo[0].passage.ordinal > MAX_SPAN:
                    continue
                ids = {sp.passage.id for sp in combo}
                if any(smaller <= ids for smaller in covered):
                    continue  # a smaller reading already carries the claim
                if missing_facts(claim, [texts[sp.passage.id] for sp in combo]):
                    continue
                covering.append(combo)
                covered.append(ids)
        for combo in covering:
            # The passages right around the covering ones may say what the details are about
            # ("Eliud Kipchoge ran a marathon" before "His time was ..."): read them too.
            lo, hi = combo[0].passage.ordinal - 1, combo[-1].passage.ordinal + 1
            around = [sp for sp in group if lo <= sp.passage.ordinal <= hi]
            picked = _bearing_sentences(claim, [texts[sp.passage.id] for sp in around], needed)
            text = " ".join(sentence for _, sentence in picked)
            members = tuple(around[k] for k in sorted({k for k, _ in picked}))
            # Sentence selection must not lose a detail the passages hold together.
            if len(text) > MAX_CHARS or missing_facts(claim, [text]):
                continue
            found.append((max(sp.score for sp in combo), JoinedReading(members, text)))
    found.sort(key=lambda t: (-t[0], t[1].passage_ids))
    return [reading for _, reading in found[:MAX_READINGS]]


__all__ = ["JoinedReading", "MAX_PASSAGES", "MAX_READINGS", "MAX_SPAN", "joined_readings"]
