"""Whether the store can hold the brief's story at all: warnings said before anything else.

An explainer from an empty store reads like one from a full store that found nothing ("Unconfirmed:
…"), and a mistyped ``GROUNDBRIEF_HOME`` creates exactly that: a new, empty store. The same holds
for a store whose sources all predate the brief's time (a 1987 wire archive checked for a 2020
story). Nothing in such a run is wrong, but a reader would take "no source confirms it" as a
finding about the story, when it is a finding about the store. So the run says so, on standard
error and at the top of the explainer.

"The brief's time" is known from two things only: the as-of time a caller gives, and the years
the brief itself names as when something happened ("in 2020", "on 3 January 2020"). A year after
"by" or "until" is a deadline, not a time of the story, and is not counted. Without either, the
brief's time is unknown and only an empty store is warned about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from .models import Brief, utc

# A store whose newest source before the as-of time is older than this is taken not to cover
# the brief's time. A year, not days: archives are refreshed in batches, and a warning on every
# run of a store a few weeks behind would teach readers to ignore it.
STALE_AFTER = timedelta(days=365)

_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
           "December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
# A year the brief names as when something happened: after "in", "since", "during", a month or
# a day-and-month. Bare four-digit numbers ("2000 people") are not years.
_YEAR = re.compile(
    r"\b(?:in|since|during|of|from|early|late|mid-?|spring|summer|autumn|fall|winter|"
    + _MONTHS + r"|\d{1,2}(?:st|nd|rd|th)?|\d{1,2}\s+(?:" + _MONTHS + r"),?)\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_DEADLINE = re.compile(r"\b(?:by|until|till|before|through|to)\s+(?:the\s+(?:end|start|middle)\s+)?$",
                       re.IGNORECASE)


@dataclass(frozen=True)
class StoreCounts:
    """What the store holds for this run (``SQLiteStore.counts``)."""

    sources: int  # all sources in the store
    usable: int  # sources the as-of filter leaves
    newest: datetime | None  # newest publication time among the usable sources

    @classmethod
    def from_store(cls, counts: dict) -> StoreCounts:
        ts = counts.get("newest_ts")
        return cls(sources=counts["sources"], usable=counts["usable_sources"],
                   newest=datetime.fromtimestamp(ts, tz=timezone.utc) if ts is not None else None)


def named_years(brief: Brief, latest: int) -> list[int]:
    """Years the brief names as times of its story, up to ``latest`` (later ones are plans)."""
    years = []
    for m in _YEAR.finditer(brief.text):
        if _DEADLINE.search(brief.text[: m.start()]):
            continue
        year = int(m["year"])
        if year <= latest and year not in years:
            years.append(year)
    return years


def coverage_warnings(counts: StoreCounts, brief: Brief, *, as_of: datetime | None,
                      now: datetime) -> list[str]:
    """Plain sentences for the top of the explainer; empty when the store may hold the story."""
    if counts.sources == 0:
        return ["The store holds no sources at all, so nothing in this brief could be checked: "
                "every claim below is unconfirmed because there was nothing to check it against, "
                "not because sources disagree with it."]
    if as_of is not None and counts.usable == 0:
        return [f"No source in the store was published before the as-of time "
                f"({_day(as_of)}), so nothing in this brief could be checked."]
    if counts.newest is None:
        return []  # only undated sources: the store's time cannot be told
    newest = utc(counts.newest)
    out = []
    if as_of is not None and utc(as_of) - newest > STALE_AFTER:
        out.append(f"The newest source in the store from before the as-of time ({_day(as_of)}) "
                   f"was published on {_day(newest)}; the store may not hold this story's "
                   "coverage.")
    reference = utc(as_of or now)
    years = named_years(brief, reference.year)
    if years and newest.year < max(years):
        out.append(f"The brief names {max(years)}, but the newest source in the store was "
                   f"published on {_day(newest)}; the store may not hold this story's coverage.")
    return out


def _day(dt: datetime) -> str:
    return utc(dt).strftime("%Y-%m-%d")


__all__ = ["STALE_AFTER", "StoreCounts", "coverage_warnings", "named_years"]
