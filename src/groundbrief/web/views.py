"""Models → what the templates show: plain values, already worded, never markup.

Everything here is text; the templates escape it (autoescape). The only values that reach an
``href`` are paths built by :mod:`urls` and source URLs that :func:`layout.web_url` accepts
(plain http/https), so a ``javascript:`` address in a source is shown as text, not linked.

Citation markers point at passage notes. Each cited passage gets one note under its source in
the Sources section, labelled with the source number, plus a letter when the page cites more
than one passage of that source ("[2]", or "[2a]" and "[2b]"). Without JavaScript a marker is a
link to its note; ``site.js`` shows the same note inline next to the marker.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field

from ..errors import InputError
from ..models import (
    Citation, Claim, Explainer, ExplainerSummary, Source, Statement, Unclear, Verdict,
)
from ..render import layout
from .urls import Urls


@dataclass(frozen=True)
class Note:
    """One cited passage, shown under its source; the target of markers."""

    anchor: str  # fragment id, e.g. "cite-2a"
    label: str  # "2a"
    quote: str
    lang: str | None


@dataclass(frozen=True)
class Marker:
    label: str
    anchor: str
    description: str  # accessible name: "source 2, Wikinews, 2020-09-05"


@dataclass(frozen=True)
class StatementView:
    text: str
    markers: list[Marker]
    verdict: str | None = None
    verdict_label: str | None = None


@dataclass(frozen=True)
class SourceView:
    n: int
    title: str
    outlet: str
    date: str
    date_iso: str
    language: str
    lang: str | None
    href: str | None  # only http/https
    url_text: str | None  # any other address, shown as text
    attribution: str | None
    page: str  # this site's page of the source
    notes: list[Note] = field(default_factory=list)


@dataclass(frozen=True)
class EvidenceView:
    quote: str
    support: str
    contradiction: str
    marker: Marker | None  # None when the passage's source is not among the cited Sources


@dataclass(frozen=True)
class SideView:
    """What a source says beside a refuted or conflicting claim, verbatim, with its marker."""

    lead: str
    text: str
    markers: list[Marker]


@dataclass(frozen=True)
class UnclearView:
    text: str
    verdict: str
    verdict_label: str
    reason: str
    anchor: str  # the claim's entry under Claims checked
    sides: list[SideView]


@dataclass(frozen=True)
class ClaimView:
    anchor: str
    text: str
    kind: str
    speaker: str | None
    verdict: str
    verdict_label: str
    confidence: str
    reason: str | None
    evidence: list[EvidenceView]
    sides: list[SideView] = field(default_factory=list)


@dataclass(frozen=True)
class VersionView:
    version: int
    at: str
    at_iso: str
    changes: list[str]
    href: str | None  # None for the version being shown or one not stored


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


def _anchor(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "_-" else "-" for ch in text) or "x"


class ExplainerView:
    """The explainer page's values: sections in DESIGN.md order, markers resolved to notes."""

    def __init__(self, explainer: Explainer, urls: Urls, *, versions: list[int],
                 latest_version: int, stored_related: set[str] | frozenset[str] = frozenset()):
        self.e = explainer
        self.urls = urls
        self.latest_version = latest_version
        self.is_latest = explainer.version == latest_version
        self._refs = {s.id: s for s in explainer.sources}
        self._notes: dict[tuple[str, str], tuple[Note, Marker]] = {}
        self._number_passages()
        e = explainer
        self.lang = (layout.language_tag(e.language) or layout.language_tag(e.brief.language)
                     or "und")
        self.headline = layout.one_line(e.headline)
        self.published = layout.fmt_time(e.published_at)
        self.published_iso = layout.iso_time(e.published_at)
        self.updated = layout.fmt_time(e.updated_at)
        self.updated_iso = layout.iso_time(e.updated_at)
        self.notice = layout.notice(e)
        self.description = " ".join(layout.one_line(s.text) for s in e.summary)
        self.summary = self._statements(e.summary)
        self.what_we_know = self._statements(e.what_we_know)
        self._sides = {u.claim_id: self._side_views(u) for u in e.still_unclear}
        self.still_unclear = [
            UnclearView(text=u.text, verdict=u.verdict.value, verdict_label=u.verdict.label,
                        reason=u.reason, anchor="claim-" + _anchor(u.claim_id),
                        sides=self._sides[u.claim_id])
            for u in e.still_unclear
        ]
        self.all_supported_note = layout.ALL_SUPPORTED_NOTE
        self.context = self._statements(e.context)
        self.why_it_matters = self._statements(e.why_it_matters)
        self.analysis_note = layout.ANALYSIS_NOTE
        self.watch_next = self._statements(e.watch_next)
        self.open_questions = list(e.open_questions)
        self.open_questions_note = layout.open_questions_note(e)
        self.faq = [(item.question, self._statements(item.answer)) for item in e.faq]
        # Linked only when stored here: a link to a missing page is a broken promise.
        self.related = [(urls.explainer(r.id) if r.id in stored_related else None,
                         layout.one_line(r.headline), layout.fmt_score(r.score))
                        for r in e.related]
        self.claims = [self._claim(c) for c in e.claims]
        self.transparency = layout.transparency_rows(e.transparency, e.as_of)
        self.brief_text = e.brief.text
        self.brief_lang = layout.language_tag(e.brief.language)
        self.sources = [self._source(ref) for ref in layout.sources_in_order(e)]
        self.no_sources_note = layout.NO_SOURCES_NOTE
        stored = set(versions)
        self.versions = [
            VersionView(
                version=c.version, at=layout.fmt_time(c.at), at_iso=layout.iso_time(c.at),
                changes=list(c.changes),
                href=(urls.explainer(e.id, c.version)
                      if c.version in stored and c.version != e.version else None),
            )
            for c in reversed(e.changelog)
        ]
        self.latest_href = urls.explainer(e.id)

    # -- citations

    def _number_passages(self) -> None:
        for source_id, cites in layout.cited_passages(self.e).items():
            ref = self._refs[source_id]
            for k, c in enumerate(cites):
                if len(cites) == 1:
                    label = str(ref.n)
                elif k < len(string.ascii_lowercase):
                    label = f"{ref.n}{string.ascii_lowercase[k]}"
                else:
                    label = f"{ref.n}.{k + 1}"
                anchor = f"cite-{label.replace('.', '-')}"
                note = Note(anchor=anchor, label=label, quote=c.quote,
                            lang=layout.language_tag(ref.language))
                description = (f"source {label}: {layout.one_line(ref.outlet or 'outlet unknown')}, "
                               f"{layout.fmt_date(ref.published_at)}")
                self._notes[(source_id, c.passage_id)] = (note, Marker(label, anchor, description))

    def _markers(self, citations: list[Citation]) -> list[Marker]:
        out: list[Marker] = []
        for c in citations:
            found = self._notes.get((c.source_id, c.passage_id))
            if found is None:
                # A marker that points nowhere would publish the very fault groundbrief exists
                # to prevent (I2), so the page is refused instead.
                raise InputError(
                    f"explainer {self.e.id!r} cites {c.source_id!r}, which is not in its Sources; "
                    "compose the explainer again")
            if found[1] not in out:
                out.append(found[1])
        return out

    def _statements(self, items: list[Statement]) -> list[StatementView]:
        views = []
        for s in items:
            claim = next((c for c in self.e.claims if c.id == s.claim_id), None) if s.claim_id else None
            views.append(StatementView(
                text=layout.one_line(s.text), markers=self._markers(s.citations),
                verdict=claim.verdict.value if claim else None,
                verdict_label=claim.verdict.label if claim else None,
            ))
        return views

    def _side_views(self, u: Unclear) -> list[SideView]:
        return [SideView(lead=side.lead, text=layout.one_line(side.statement.text),
                         markers=self._markers(side.statement.citations))
                for side in layout.sides(u)]

    def _claim(self, c: Claim) -> ClaimView:
        evidence = []
        for cit in c.evidence:
            found = self._notes.get((cit.source_id, cit.passage_id))
            evidence.append(EvidenceView(
                quote=cit.quote, support=layout.fmt_score(cit.support),
                contradiction=layout.fmt_score(cit.contradiction),
                marker=found[1] if found else None,
            ))
        return ClaimView(
            anchor="claim-" + _anchor(c.id), text=c.text, kind=c.kind, speaker=c.speaker,
            verdict=c.verdict.value, verdict_label=c.verdict.label,
            confidence=layout.fmt_score(c.confidence), reason=c.reason, evidence=evidence,
            sides=self._sides.get(c.id, []),
        )

    def _source(self, ref) -> SourceView:
        href = layout.web_url(ref.url)
        notes = [n for (sid, _), (n, _) in self._notes.items() if sid == ref.id]
        return SourceView(
            n=ref.n, title=layout.one_line(ref.title),
            outlet=layout.one_line(ref.outlet) if ref.outlet else "outlet unknown",
            date=layout.fmt_date(ref.published_at), date_iso=layout.iso_time(ref.published_at),
            language=ref.language or "unknown", lang=layout.language_tag(ref.language),
            href=href, url_text=None if href else ref.url,
            attribution=ref.attribution, page=self.urls.source(ref.id), notes=notes,
        )


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
        outlet=layout.one_line(source.outlet) if source.outlet else "outlet unknown",
        date=layout.fmt_date(source.published_at), date_iso=layout.iso_time(source.published_at),
        language=source.language or "unknown", lang=layout.language_tag(source.language),
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
