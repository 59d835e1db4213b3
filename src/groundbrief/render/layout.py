"""What every renderer shows and in which order, decided once for all formats.

The section order (DESIGN.md, "The explainer"), the formats of times and scores, the fixed notes
and the rules for when a section is left out live here; the citation numbering and every
section's values are built once from these in :mod:`view`, which all renderers and the site read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from ..models import (
    Citation, Explainer, SourceRef, Statement, Unclear, Verdict, utc,
)


@dataclass(frozen=True)
class Section:
    id: str  # HTML anchor; stable, other pages may link to it
    title: str


# DESIGN.md order. "claims" (an editor's table of every claim) and "changelog" are additions:
# the table sits after Related coverage so the article itself reads without interruption.
HEADLINE = Section("headline", "Headline")
PUBLISHED = Section("published", "Published / Updated")
SUMMARY = Section("summary", "Summary")
WHAT_WE_KNOW = Section("what-we-know", "What We Know")
STILL_UNCLEAR = Section("still-unclear", "What's Still Unclear")
CONTEXT = Section("context", "Context")
WHY_IT_MATTERS = Section("why-it-matters", "Why It Matters")
WATCH_NEXT = Section("watch-next", "What to Watch Next")
FAQ = Section("faq", "FAQ")
RELATED = Section("related", "Related coverage")
CLAIMS = Section("claims", "Claims checked")
TRANSPARENCY = Section("transparency", "Source Transparency")
BRIEF = Section("brief", "Original brief")
SOURCES = Section("sources", "Sources")
CHANGELOG = Section("changelog", "Version history")

OPEN_QUESTIONS_LEAD = "Open questions"

SECTIONS: tuple[Section, ...] = (
    HEADLINE, PUBLISHED, SUMMARY, WHAT_WE_KNOW, STILL_UNCLEAR, CONTEXT, WHY_IT_MATTERS,
    WATCH_NEXT, FAQ, RELATED, CLAIMS, TRANSPARENCY, BRIEF, SOURCES, CHANGELOG,
)

# Leads of the sides shown beside a refuted or conflicting claim (the sides are verbatim).
CORRECTION_LEAD = "the source says"
CONFIRMATION_LEAD = "one source says"
CONFLICT_LEAD = "another says"
ANALYSIS_NOTE = "Analysis stated in the cited sources, not groundbrief's own assessment."
ALL_SUPPORTED_NOTE = "Nothing: every claim of the brief is supported by the cited sources."
NO_SOURCES_NOTE = "No source was cited."

_WEB_URL = re.compile(r"https?://[^\s<>\"'`\x00-\x1f\x7f]+", re.IGNORECASE)


def web_url(url: str | None) -> str | None:
    """``url`` when it may become a link (plain http/https, nothing a browser would rewrite).

    Matched on the raw string, not a parsed one: browsers drop tabs and newlines inside URLs, so
    ``java\\tscript:`` must not be judged by what ``urllib`` makes of it.
    """
    if url and _WEB_URL.fullmatch(url):
        return url
    return None


_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")


def language_tag(value: str | None) -> str | None:
    """``value`` when it is a BCP 47-shaped tag usable in ``lang=``; otherwise nothing.

    A wrong ``lang`` makes screen readers mispronounce the text, so no tag beats a bad one.
    """
    if value and _LANGUAGE_TAG.fullmatch(value):
        return value
    return None


def fmt_time(dt: datetime | None) -> str:
    return utc(dt).strftime("%Y-%m-%d %H:%M UTC") if dt else "unknown"


def fmt_date(dt: datetime | None) -> str:
    # Sources often carry only a day (Wikinews does); showing 00:00 would suggest a precision
    # the store does not have.
    return utc(dt).strftime("%Y-%m-%d") if dt else "date unknown"


def iso_time(dt: datetime | None) -> str:
    return utc(dt).replace(microsecond=0).isoformat().replace("+00:00", "Z") if dt else ""


def fmt_score(x: float) -> str:
    return f"{x:.2f}"


def one_line(text: str) -> str:
    """Statement and title text on one line: a newline inside a list item would break it."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Side:
    """One side shown beside an unclear claim: a lead in words and the source's own words."""

    lead: str
    statement: Statement


def sides(u: Unclear) -> list[Side]:
    """What the sources say beside a refuted claim (the correction), or both sides of a
    conflicting one (the supporting source first), in the order shown."""
    if u.confirmation is not None and u.correction is not None:
        return [Side(CONFIRMATION_LEAD, u.confirmation), Side(CONFLICT_LEAD, u.correction)]
    if u.correction is not None:
        return [Side(CORRECTION_LEAD, u.correction)]
    if u.confirmation is not None:
        return [Side(CONFIRMATION_LEAD, u.confirmation)]
    return []


def clause(text: str) -> str:
    """A reason without its closing full stop, to be followed by what the sources say."""
    return text.rstrip().rstrip(".")


def side_citations(u: Unclear) -> list[Citation]:
    return [c for side in sides(u) for c in side.statement.citations]


def nothing_found(explainer: Explainer) -> bool:
    """I10: no supported claim and nothing cited in What We Know."""
    return bool(explainer.claims) and not explainer.what_we_know and not any(
        c.verdict is Verdict.SUPPORTED for c in explainer.claims
    )


def notice(explainer: Explainer) -> str | None:
    """The line said plainly at the top: the writer's notice, or I10's when it gave none."""
    if explainer.notice:
        return explainer.notice
    return nothing_found_note(explainer) if nothing_found(explainer) else None


def nothing_found_note(explainer: Explainer) -> str:
    t = explainer.transparency
    return (
        f"None of the {t.sources_searched} sources searched supports any claim of this brief; "
        f"every claim is listed under {STILL_UNCLEAR.title}."
    )


def open_questions_note(explainer: Explainer) -> str | None:
    """A pointer to What's Still Unclear, for a writer that gave no open questions of its own."""
    n = len(explainer.still_unclear)
    if n == 0 or explainer.open_questions:
        return None
    noun = "claim of the brief remains" if n == 1 else "claims of the brief remain"
    return f"Open questions: {n} {noun} unverified (see {STILL_UNCLEAR.title})."


def verdict_counts(counts: dict[str, int]) -> str:
    parts = [f"{counts[v.value]} {v.label}" for v in Verdict if counts.get(v.value)]
    # Keys the Verdict enum does not know would be a writer bug; show them rather than hide them.
    parts += [f"{n} {k}" for k, n in sorted(counts.items()) if k not in Verdict._value2member_map_ and n]
    return ", ".join(parts) if parts else "none"


def cited_passages(explainer: Explainer) -> dict[str, list[Citation]]:
    """Per listed source id, the distinct passages cited anywhere, in order of first citation.

    Shown under each Sources entry so a reader can check every marker against the passage.
    Claim evidence counts too: an unclear claim's marker (say, to the passage that refutes it)
    must lead to that passage as well.
    """
    listed = {s.id for s in explainer.sources}
    citations = [c for _, st in explainer.cited_statements() for c in st.citations]
    citations += [c for u in explainer.still_unclear for c in side_citations(u)]
    citations += [c for claim in explainer.claims for c in claim.evidence if c.source_id in listed]
    out: dict[str, list[Citation]] = {}
    seen: set[tuple[str, str]] = set()
    for c in citations:
        key = (c.source_id, c.passage_id)
        if key not in seen:
            seen.add(key)
            out.setdefault(c.source_id, []).append(c)
    return out


def sources_in_order(explainer: Explainer) -> list[SourceRef]:
    return sorted(explainer.sources, key=lambda s: s.n)
