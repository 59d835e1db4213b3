"""The explainer page as plain values: one view model for every renderer and the web site.

Markdown, the self-contained HTML page, the JSON's citation markers and the site's explainer page
all read this, so they cannot disagree on what a marker says or where it leads. Everything here is
text, already worded; the renderers escape it.

Citation numbering, once for all formats: each cited passage gets one note under its source in
Sources, labelled with the source number, plus a letter when the explainer cites more than one
passage of that source ("[2]", or "[2a]" and "[2b]"). A marker names the passage, not only the
source, so a reader lands on the words that back the statement.

The only values that may reach an ``href`` are ``#`` anchors built here, paths from ``links``
(the site's pages) and source URLs that :func:`layout.web_url` accepts (plain http/https).
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from typing import Protocol

from ..errors import InputError
from ..models import Citation, Claim, Explainer, SourceRef, Statement, Unclear
from . import layout
from .transparency import Row, reader_rows, technical_rows

UNKNOWN_LANGUAGE = "unknown"
UNKNOWN_OUTLET = "outlet unknown"


class Links(Protocol):
    """Where the site keeps other pages (``web.urls.Urls``); absent for a standalone page."""

    def explainer(self, explainer_id: str, version: int | None = None) -> str: ...

    def source(self, source_id: str) -> str: ...


@dataclass(frozen=True)
class Marker:
    """A citation marker: "[2a]", leading to the note of that passage under source 2."""

    label: str  # "2a"
    anchor: str  # "cite-2a": the note's id
    n: int  # the source's number in Sources
    description: str  # accessible name: "source 2a: Wikinews, 2020-09-05"


@dataclass(frozen=True)
class Note:
    """One cited passage, shown under its source; the target of its markers."""

    anchor: str
    label: str
    quote: str
    lang: str | None


@dataclass(frozen=True)
class CitationView:
    """One citation of a statement, with the passage it cites."""

    marker: Marker
    quote: str
    outlet: str
    date: str
    date_iso: str
    lang: str | None
    support: str


@dataclass(frozen=True)
class StatementView:
    text: str
    markers: list[Marker]
    citations: list[CitationView]
    # Set for a statement that reports a claim of the brief, where its verdict is shown.
    verdict: str | None = None  # Verdict value, for the badge's CSS class
    verdict_label: str | None = None
    confidence: str | None = None
    # Dated sections (Context, What to Watch Next): the source's date leads the statement.
    date: str | None = None


@dataclass(frozen=True)
class SideView:
    """What a source says beside a refuted or conflicting claim, verbatim, with its markers."""

    lead: str
    text: str
    markers: list[Marker]


@dataclass(frozen=True)
class UnclearView:
    claim_id: str
    text: str
    verdict: str
    verdict_label: str
    reason: str
    anchor: str  # the claim's entry under Claims checked
    item_id: str  # this item's own id
    sides: list[SideView]
    other_markers: list[Marker]  # the claim's evidence markers its sides do not show


@dataclass(frozen=True)
class EvidenceView:
    quote: str
    support: str
    contradiction: str
    marker: Marker | None  # None when the passage's source is not among the cited Sources


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
    markers: list[Marker]  # distinct markers of the evidence that is listed in Sources
    sides: list[SideView] = field(default_factory=list)
    # How many independent reports back the claim ("reported by 3 outlets, all from one Reuters
    # agency story"): copies of one wire story are one report (syndication.py).
    independence: str | None = None


@dataclass(frozen=True)
class RelatedView:
    headline: str
    score: str
    href: str | None  # only when the page is stored here: a link to nothing is a broken promise


@dataclass(frozen=True)
class SourceView:
    n: int
    id: str
    title: str
    outlet: str
    date: str
    date_iso: str
    language: str  # "unknown" when the store has none
    lang: str | None  # for lang=, only when a valid tag
    href: str | None  # only http/https
    url_text: str | None  # any other address, shown as text
    attribution: str | None
    page: str | None  # the site's page of the source
    notes: list[Note] = field(default_factory=list)


@dataclass(frozen=True)
class VersionView:
    version: int
    at: str
    at_iso: str
    changes: list[str]
    href: str | None  # None for the version shown, one not stored, or a standalone page


def anchor_id(text: str) -> str:
    """An id fragment from a claim id: HTML ids may not contain spaces, and '#' breaks links."""
    return re.sub(r"[^A-Za-z0-9_-]", "-", text) or "x"


class ExplainerView:
    """Every section's values, in DESIGN.md order, with markers resolved to passage notes."""

    def __init__(self, explainer: Explainer, links: Links | None = None, *,
                 versions: list[int] | None = None, latest_version: int | None = None,
                 stored_related: set[str] | frozenset[str] = frozenset()):
        e = explainer
        self.e = e
        self.links = links
        self._refs = {s.id: s for s in e.sources}
        self._claims = {c.id: c for c in e.claims}
        self._notes: dict[tuple[str, str], tuple[Note, Marker]] = {}
        self._number_passages()

        # "und" (undetermined) rather than a guess: the page must not claim a language it lacks.
        self.lang = layout.language_tag(e.language) or layout.language_tag(e.brief.language) or "und"
        self.headline = layout.one_line(e.headline)
        self.version = e.version
        self.published = layout.fmt_time(e.published_at)
        self.published_iso = layout.iso_time(e.published_at)
        self.updated = layout.fmt_time(e.updated_at)
        self.updated_iso = layout.iso_time(e.updated_at)
        self.latest_version = latest_version if latest_version is not None else e.version
        self.is_latest = e.version == self.latest_version
        self.latest_href = links.explainer(e.id) if links else None
        self.warnings = [layout.one_line(w) for w in e.warnings]
        self.notice = layout.notice(e)
        self.description = " ".join(layout.one_line(s.text) for s in e.summary)

        # Summary and FAQ answers are prose: the verdict is shown where the claim is listed.
        self.summary = self._statements(e.summary, verdict=False)
        self.what_we_know = self._statements(e.what_we_know)
        self._sides = {u.claim_id: self._side_views(u) for u in e.still_unclear}
        self.still_unclear = [self._unclear(u) for u in e.still_unclear]
        self.all_supported_note = layout.ALL_SUPPORTED_NOTE
        self.context = self._statements(e.context)
        self.why_it_matters = self._statements(e.why_it_matters)
        self.analysis_note = layout.ANALYSIS_NOTE
        self.watch_next = self._statements(e.watch_next)
        self.open_questions = [layout.one_line(q) for q in e.open_questions]
        self.open_questions_lead = layout.OPEN_QUESTIONS_LEAD
        self.open_questions_note = layout.open_questions_note(e)
        # (question, answer statements, what to say when no source answers it)
        self.faq = [(layout.one_line(item.question), self._statements(item.answer, verdict=False),
                     item.unanswered or "") for item in e.faq]
        self.related = [
            RelatedView(headline=layout.one_line(r.headline), score=layout.fmt_score(r.score),
                        href=links.explainer(r.id) if links and r.id in stored_related else None)
            for r in e.related
        ]
        self.claims = [self._claim(c) for c in e.claims]
        self.transparency: list[Row] = reader_rows(e)
        self.technical: list[Row] = technical_rows(e.transparency)
        self.brief_text = e.brief.text
        self.brief_lang = layout.language_tag(e.brief.language)
        self.sources = [self._source(ref) for ref in layout.sources_in_order(e)]
        self.no_sources_note = layout.NO_SOURCES_NOTE
        stored = set(versions or [])
        self.versions = [
            VersionView(
                version=c.version, at=layout.fmt_time(c.at), at_iso=layout.iso_time(c.at),
                changes=[layout.one_line(x) for x in c.changes],
                href=(links.explainer(e.id, c.version)
                      if links and c.version in stored and c.version != e.version else None),
            )
            for c in e.changelog
        ]

    # ------------------------------------------------------------ citations

    def _number_passages(self) -> None:
        for source_id, cites in layout.cited_passages(self.e).items():
            ref = self._refs.get(source_id)
            if ref is None:
                continue  # a dangling citation: markers() refuses the page when it is shown
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
                description = (f"source {label}: "
                               f"{layout.one_line(ref.outlet) if ref.outlet else UNKNOWN_OUTLET}, "
                               f"{layout.fmt_date(ref.published_at)}")
                self._notes[(source_id, c.passage_id)] = (
                    note, Marker(label=label, anchor=anchor, n=ref.n, description=description))

    def marker(self, c: Citation) -> Marker | None:
        """The marker of a cited passage; None when its source is not listed in Sources (a
        claim's evidence may include passages considered but not cited)."""
        found = self._notes.get((c.source_id, c.passage_id))
        return found[1] if found else None

    def markers(self, citations: list[Citation]) -> list[Marker]:
        """Distinct markers of ``citations``, in reading order; a citation that resolves to no
        Sources entry stops the render: a marker pointing nowhere would publish the very fault
        groundbrief exists to prevent (I2)."""
        out: list[Marker] = []
        for c in citations:
            m = self.marker(c)
            if m is None:
                raise InputError(
                    f"explainer {self.e.id!r} cites source {c.source_id!r}, which is not in its "
                    "Sources list; compose the explainer again")
            if m not in out:
                out.append(m)
        return sorted(out, key=_marker_order)

    def _citation(self, c: Citation, marker: Marker) -> CitationView:
        ref = self._refs[c.source_id]
        return CitationView(
            marker=marker, quote=c.quote,
            outlet=layout.one_line(ref.outlet) if ref.outlet else UNKNOWN_OUTLET,
            date=layout.fmt_date(ref.published_at), date_iso=layout.iso_time(ref.published_at),
            lang=layout.language_tag(ref.language), support=layout.fmt_score(c.support),
        )

    # ------------------------------------------------------------ sections

    def _statements(self, items: list[Statement], verdict: bool = True) -> list[StatementView]:
        views = []
        for s in items:
            markers = self.markers(s.citations)
            claim = self._claims.get(s.claim_id) if verdict and s.claim_id else None
            seen: set[tuple[str, str]] = set()
            citations = []
            for c in s.citations:
                if (c.source_id, c.passage_id) in seen:
                    continue
                seen.add((c.source_id, c.passage_id))
                citations.append(self._citation(c, self.marker(c)))
            views.append(StatementView(
                text=layout.one_line(s.text), markers=markers, citations=citations,
                verdict=claim.verdict.value if claim else None,
                verdict_label=claim.verdict.label if claim else None,
                confidence=layout.fmt_score(claim.confidence) if claim else None,
                date=s.date,
            ))
        return views

    def _side_views(self, u: Unclear) -> list[SideView]:
        return [SideView(lead=side.lead, text=layout.one_line(side.statement.text),
                         markers=self.markers(side.statement.citations))
                for side in layout.sides(u)]

    def _evidence_markers(self, claim_id: str) -> list[Marker]:
        claim = self._claims.get(claim_id)
        out: list[Marker] = []
        for c in claim.evidence if claim else []:
            m = self.marker(c)
            if m is not None and m not in out:
                out.append(m)
        return sorted(out, key=_marker_order)

    def _unclear(self, u: Unclear) -> UnclearView:
        sides = self._sides[u.claim_id]
        shown = {m for side in sides for m in side.markers}
        return UnclearView(
            claim_id=u.claim_id, text=layout.one_line(u.text), verdict=u.verdict.value,
            verdict_label=u.verdict.label,
            # Followed by what the sources say, the reason loses its full stop.
            reason=layout.clause(u.reason) if sides else u.reason,
            anchor="claim-" + anchor_id(u.claim_id), item_id="unclear-" + anchor_id(u.claim_id),
            sides=sides,
            other_markers=[m for m in self._evidence_markers(u.claim_id) if m not in shown],
        )

    def _claim(self, c: Claim) -> ClaimView:
        evidence = [EvidenceView(quote=cit.quote, support=layout.fmt_score(cit.support),
                                 contradiction=layout.fmt_score(cit.contradiction),
                                 marker=self.marker(cit))
                    for cit in c.evidence]
        return ClaimView(
            anchor="claim-" + anchor_id(c.id), text=layout.one_line(c.text), kind=c.kind,
            speaker=c.speaker, verdict=c.verdict.value, verdict_label=c.verdict.label,
            confidence=layout.fmt_score(c.confidence), reason=c.reason, evidence=evidence,
            markers=self._evidence_markers(c.id), sides=self._sides.get(c.id, []),
            independence=c.independence.summary if c.independence else None,
        )

    def _source(self, ref: SourceRef) -> SourceView:
        href = layout.web_url(ref.url)
        notes = [n for (sid, _), (n, _) in self._notes.items() if sid == ref.id]
        return SourceView(
            n=ref.n, id=ref.id, title=layout.one_line(ref.title),
            outlet=layout.one_line(ref.outlet) if ref.outlet else UNKNOWN_OUTLET,
            date=layout.fmt_date(ref.published_at), date_iso=layout.iso_time(ref.published_at),
            language=ref.language or UNKNOWN_LANGUAGE, lang=layout.language_tag(ref.language),
            href=href, url_text=None if href else ref.url, attribution=ref.attribution,
            page=self.links.source(ref.id) if self.links else None, notes=notes,
        )


    def labels(self) -> dict[tuple[str, str], str]:
        """(source id, passage id) → marker label, for formats that carry citations as data."""
        return {key: marker.label for key, (_, marker) in self._notes.items()}


def _marker_order(m: Marker) -> tuple[int, int, str]:
    # Source number first, then the passage's letter (or its ".12" number past "z").
    rest = m.label[len(str(m.n)):]
    return (m.n, int(rest[1:]) if rest.startswith(".") else 0, rest)


__all__ = [
    "CitationView", "ClaimView", "EvidenceView", "ExplainerView", "Links", "Marker", "Note",
    "RelatedView", "SideView", "SourceView", "StatementView", "UnclearView", "VersionView",
    "anchor_id",
]
