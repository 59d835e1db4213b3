"""Explainer → one self-contained HTML5 page (inline CSS, no JavaScript, no external assets).

Jinja2 with autoescaping on for every value: source titles, passages and the brief are
untrusted text. The only values that reach an ``href`` are ``#source-n`` anchors built here and
URLs that :func:`layout.web_url` accepts (plain http/https); any other URL is shown as text.
Each statement carries a ``<details>`` with the passages it cites, so a reader can check a
statement without leaving the page and without scripts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import jinja2

from ..models import Citation, Explainer, SourceRef, Statement, Unclear
from . import layout
from .layout import Numbering


@dataclass(frozen=True)
class CitationView:
    n: int
    quote: str
    outlet: str
    date: str
    date_iso: str
    lang: str | None  # for the lang attribute, only when it is a valid tag
    support: str


@dataclass(frozen=True)
class StatementView:
    text: str
    markers: list[int]
    citations: list[CitationView]
    verdict: str | None = None  # Verdict value, for the badge's CSS class
    verdict_label: str | None = None
    confidence: str | None = None


@dataclass(frozen=True)
class SourceView:
    n: int
    title: str
    outlet: str
    date: str
    date_iso: str
    language: str
    lang: str | None
    href: str | None
    url_text: str | None  # a URL that is not a web link, shown as text
    attribution: str | None
    passages: list[str] = field(default_factory=list)


def _anchor(text: str) -> str:
    """An id fragment from a claim id: HTML ids may not contain spaces, and '#' breaks links."""
    return re.sub(r"[^A-Za-z0-9_.-]", "-", text) or "x"


def _citation(c: Citation, num: Numbering) -> CitationView:
    ref = num.source(c.source_id)
    assert ref is not None  # markers() has already rejected dangling citations
    return CitationView(
        n=ref.n,
        quote=c.quote,
        outlet=ref.outlet or "outlet unknown",
        date=layout.fmt_date(ref.published_at),
        date_iso=layout.iso_time(ref.published_at),
        lang=layout.language_tag(ref.language),
        support=layout.fmt_score(c.support),
    )


def _statement(s: Statement, num: Numbering, verdict: bool) -> StatementView:
    markers = num.markers(s.citations)
    # Summary and FAQ answers are prose; the verdict badge belongs where the claim is listed.
    claim = num.claim(s.claim_id) if verdict else None
    return StatementView(
        text=layout.one_line(s.text),
        markers=markers,
        citations=[_citation(c, num) for c in s.citations],
        verdict=claim.verdict.value if claim else None,
        verdict_label=claim.verdict.label if claim else None,
        confidence=layout.fmt_score(claim.confidence) if claim else None,
    )


@dataclass(frozen=True)
class SideView:
    """What a source says beside a refuted or conflicting claim, verbatim, with its markers."""

    lead: str
    text: str
    markers: list[int]


def _sides(u: Unclear, num: Numbering) -> list[SideView]:
    return [SideView(lead=side.lead, text=layout.one_line(side.statement.text),
                     markers=num.markers(side.statement.citations))
            for side in layout.sides(u)]


def _other_markers(u: Unclear, num: Numbering) -> list[int]:
    """The claim's evidence markers that its sides do not already show."""
    shown = set(num.markers(layout.side_citations(u)))
    return [n for n in num.evidence_markers(u.claim_id) if n not in shown]


def _source(ref: SourceRef, passages: list[Citation]) -> SourceView:
    href = layout.web_url(ref.url)
    return SourceView(
        n=ref.n,
        title=layout.one_line(ref.title),
        outlet=ref.outlet or "outlet unknown",
        date=layout.fmt_date(ref.published_at),
        date_iso=layout.iso_time(ref.published_at),
        language=ref.language or "",
        lang=layout.language_tag(ref.language),
        href=href,
        url_text=None if href else ref.url,
        attribution=ref.attribution,
        passages=[c.quote for c in passages],
    )


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("groundbrief.render", "templates"),
        autoescape=True,  # every value, whatever the template's file name
        undefined=jinja2.StrictUndefined,  # a misspelt name fails the render, not the page
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_html(explainer: Explainer) -> str:
    num = Numbering(explainer)

    def statements(items: list[Statement], verdict: bool = True) -> list[StatementView]:
        return [_statement(s, num, verdict) for s in items]

    passages = layout.cited_passages(explainer)
    sides = {u.claim_id: _sides(u, num) for u in explainer.still_unclear}
    page = {
        "e": explainer,
        # "und" (undetermined) rather than a guess: the page must not claim a language it lacks.
        "lang": layout.language_tag(explainer.language)
        or layout.language_tag(explainer.brief.language) or "und",
        "layout": layout,
        "published": layout.fmt_time(explainer.published_at),
        "published_iso": layout.iso_time(explainer.published_at),
        "updated": layout.fmt_time(explainer.updated_at),
        "updated_iso": layout.iso_time(explainer.updated_at),
        "description": " ".join(layout.one_line(s.text) for s in explainer.summary),
        "summary": statements(explainer.summary, verdict=False),
        "what_we_know": statements(explainer.what_we_know),
        "notice": layout.notice(explainer),
        "unclear": [
            (u, _sides(u, num), _other_markers(u, num), _anchor(u.claim_id))
            for u in explainer.still_unclear
        ],
        "context": statements(explainer.context),
        "why_it_matters": statements(explainer.why_it_matters),
        "watch_next": statements(explainer.watch_next),
        "open_questions": layout.open_questions_note(explainer),
        "faq": [(item.question, statements(item.answer, verdict=False)) for item in explainer.faq],
        "claims": [
            (c, num.evidence_markers(c.id), _anchor(c.id), sides.get(c.id, []))
            for c in explainer.claims
        ],
        "transparency": layout.transparency_rows(explainer.transparency, explainer.as_of),
        "brief_lang": layout.language_tag(explainer.brief.language),
        "sources": [
            _source(ref, passages.get(ref.id, [])) for ref in layout.sources_in_order(explainer)
        ],
        "changelog": [
            (e.version, layout.fmt_time(e.at), layout.iso_time(e.at), e.changes)
            for e in explainer.changelog
        ],
    }
    return _environment().get_template("explainer.html.j2").render(**page)
