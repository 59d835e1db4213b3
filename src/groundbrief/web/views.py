"""Models → what the templates show: plain values, already worded, never markup.

Everything here is text; the templates escape it (autoescape). The only values that reach an
``href`` are paths built by :mod:`urls` and source URLs that :func:`layout.web_url` accepts
(plain http/https), so a ``javascript:`` address in a source is shown as text, not linked.

The explainer page's values come from :class:`groundbrief.render.view.ExplainerView`, the one
view model the Markdown, HTML and JSON renderers read too, so a marker says the same thing on the
site and in every rendering ("[2]", or "[2a]" and "[2b]" when several passages of source 2 are
cited). Without JavaScript a marker is a link to its note; ``site.js`` shows the same note inline
next to the marker. The site's other pages (front page, source page, search) are built here.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Explainer, ExplainerSummary, Source, Verdict
from ..render import layout
from ..render.view import UNKNOWN_LANGUAGE, UNKNOWN_OUTLET, ExplainerView
from .urls import Urls


def explainer_view(explainer: Explainer, urls: Urls, *, versions: list[int],
                   stored_related: set[str] | frozenset[str] = frozenset()) -> ExplainerView:
    """The explainer page's view: the shared view model, with this site's links."""
    return ExplainerView(explainer, urls, versions=versions, latest_version=max(versions),
                         stored_related=stored_related)


def tally(verdicts: dict[str, int]) -> list[tuple[str, str, int]]:
    """(verdict value, label, count) for the verdicts that occur, in the enum's order."""
    return [(v.value, v.label, verdicts[v.value]) for v in Verdict if verdicts.get(v.value)]


@dataclass(frozen=True)
class SummaryRow:
    href: str
    headline: str
    updated: str
    updated_iso: str
    version: int
    tally: list[tuple[str, str, int]]


def summary_rows(rows: list[ExplainerSummary], urls: Urls) -> list[SummaryRow]:
    return [
        SummaryRow(
            href=urls.explainer(r.id), headline=layout.one_line(r.headline),
            updated=layout.fmt_time(r.updated_at), updated_iso=layout.iso_time(r.updated_at),
            version=r.version, tally=tally(r.verdicts),
        )
        for r in rows
    ]


@dataclass(frozen=True)
class SourcePageView:
    id: str
    title: str
    outlet: str
    date: str
    date_iso: str
    language: str
    lang: str | None
    href: str | None
    url_text: str | None
    attribution: str | None
    authors: list[str]
    paragraphs: list[str]
    citing: list[SummaryRow]


def source_page(source: Source, citing: list[ExplainerSummary], urls: Urls) -> SourcePageView:
    href = layout.web_url(source.url)
    return SourcePageView(
        id=source.id, title=layout.one_line(source.title),
        outlet=layout.one_line(source.outlet) if source.outlet else UNKNOWN_OUTLET,
        date=layout.fmt_date(source.published_at), date_iso=layout.iso_time(source.published_at),
        language=source.language or UNKNOWN_LANGUAGE, lang=layout.language_tag(source.language),
        href=href, url_text=None if href else source.url, attribution=source.attribution,
        authors=list(source.authors),
        paragraphs=[p.strip() for p in source.text.split("\n\n") if p.strip()],
        citing=summary_rows(citing, urls),
    )


@dataclass(frozen=True)
class PassageHit:
    quote: str
    source_title: str
    outlet: str
    date: str
    href: str  # this site's page of the source
