"""Source Transparency in words: what a reader asks first, then the technical detail under it.

A reader wants to know how much was checked (how many sources, from how many outlets), how fresh
the material on this story is, and what could not be checked and why. An engineer wants the run's
figures: store size, pairs judged, checks passed, backends, models, timings. Both are this run's
own figures (I8); the reader's part comes first, the engineer's under "Technical detail".
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Explainer, SourceRef, Transparency, Verdict
from . import layout

TECHNICAL_TITLE = "Technical detail"


@dataclass(frozen=True)
class Row:
    """One line of Source Transparency: a label and either one value or a list of values."""

    label: str
    value: str | None = None
    items: tuple[str, ...] = ()


def _n(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def reader_rows(e: Explainer) -> list[Row]:
    """What was checked, how fresh the story's sources are, and what could not be checked."""
    t = e.transparency
    found = _n(t.sources_considered, "source")
    if t.outlets_considered is not None:
        found += f" from {_n(t.outlets_considered, 'outlet')}"
    rows = [
        Row("What was checked",
            f"The brief's {_n(t.claims, 'claim')} against {found} that the search found among "
            f"{_n(t.sources_searched, 'source')} in the store; {_n(t.sources_cited, 'source is', 'sources are')} "
            "cited below."),
        Row("Result", layout.verdict_counts(t.verdicts)),
        _newest_row(e.sources),
    ]
    rows.append(Row("What could not be checked", items=tuple(_not_checked(e))))
    as_of = t.as_of or e.as_of
    if as_of:
        rows.append(Row("As of", f"{layout.fmt_time(as_of)}; sources published later were not used"))
    return rows


def _newest_row(sources: list[SourceRef]) -> Row:
    """The newest source on this story, with its date.

    Until sources are grouped into stories, "this story" is the sources this explainer cites:
    what was found for the brief and its claims. It is never the newest source of the whole
    store, which says nothing about the story.
    """
    dated = [s for s in sources if s.published_at is not None]
    if not sources:
        return Row("Newest source on this story", "none: this explainer cites no source")
    if not dated:
        undated = ("the source cited carries no date" if len(sources) == 1
                   else f"none of the {len(sources)} sources cited carries a date")
        return Row("Newest source on this story", f"unknown: {undated}")
    newest = max(dated, key=lambda s: (s.published_at, -s.n))
    outlet = layout.one_line(newest.outlet) if newest.outlet else "outlet unknown"
    return Row("Newest source on this story",
               f"[{newest.n}] {layout.one_line(newest.title)} ({outlet}), published "
               f"{layout.fmt_date(newest.published_at)}")


def _not_checked(e: Explainer) -> list[str]:
    """Each thing the run could not check, with why, in plain words."""
    out = list(e.warnings)
    by_verdict: dict[Verdict, int] = {}
    for c in e.claims:
        by_verdict[c.verdict] = by_verdict.get(c.verdict, 0) + 1
    unconfirmed = by_verdict.get(Verdict.NOT_ENOUGH_EVIDENCE, 0)
    if unconfirmed:
        out.append(f"{_n(unconfirmed, 'claim')} of the brief: no source found confirms or "
                   f"contradicts {'it' if unconfirmed == 1 else 'them'} (the reason for each is "
                   f"under {layout.STILL_UNCLEAR.title})")
    opinions = by_verdict.get(Verdict.NOT_CHECKWORTHY, 0)
    if opinions:
        out.append(f"{_n(opinions, 'claim')} of the brief "
                   f"{'is an opinion' if opinions == 1 else 'are opinions'}, not "
                   f"{'a checkable fact' if opinions == 1 else 'checkable facts'}")
    out += e.transparency.caveats
    if not out:
        out.append("Nothing: every claim of the brief was checked against the sources found.")
    return out


def _seconds(x: float) -> str:
    return f"{x:.2f} s" if x < 10 else f"{x:.1f} s"


def time_taken(timings: dict[str, float]) -> str | None:
    if not timings:
        return None
    stages = {k: v for k, v in timings.items() if k != "total"}
    total = timings.get("total", sum(stages.values()))
    detail = ", ".join(f"{k} {_seconds(v)}" for k, v in stages.items())
    return f"{_seconds(total)} ({detail})" if detail else _seconds(total)


def technical_rows(t: Transparency) -> list[Row]:
    """The run's own figures (I8) for an engineer; rows with nothing to say are left out."""
    rows = [
        Row("Sources searched", f"{t.sources_searched} of {t.sources_in_store} in the store "
            f"({t.passages_in_store} passages)"),
        Row("Passages retrieved", str(t.passages_retrieved)),
        Row("Sources considered", str(t.sources_considered)),
        Row("Sources cited", str(t.sources_cited)),
        Row("Claims checked", f"{t.claims} ({layout.verdict_counts(t.verdicts)})"),
    ]
    if t.corpus_as_of:
        # The whole store's newest source, not the story's: it dates the store.
        rows.append(Row("Newest source in the store", layout.fmt_time(t.corpus_as_of)))
    if t.checks:
        rows.append(Row("Checks", items=tuple(f"{c.name}: {c.outcome}" for c in t.checks)))
    if t.backends:
        rows.append(Row("Backends", ", ".join(f"{k}: {v}" for k, v in t.backends.items())))
    if t.models:
        rows.append(Row("Models", ", ".join(t.models)))
    taken = time_taken(t.timings_s)
    if taken:
        rows.append(Row("Time taken", taken))
    return rows


__all__ = ["Row", "TECHNICAL_TITLE", "reader_rows", "technical_rows", "time_taken"]
