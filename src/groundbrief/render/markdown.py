"""Explainer → Markdown (CommonMark with GitHub tables).

Everything that came from a source or the brief is untrusted: it is escaped so that a
Markdown renderer shows it literally and can never turn it into a link, an image, raw HTML or
a heading. Markdown has no way to hide a passage until asked, so the cited passages are listed
under their Sources entry instead, where every ``[n]`` marker leads.
"""

from __future__ import annotations

import re

from ..models import Explainer
from . import layout
from .transparency import TECHNICAL_TITLE, Row
from .view import ClaimView, ExplainerView, Marker, SourceView, StatementView, UnclearView

# Characters with inline meaning in CommonMark/GFM anywhere in a line. Backslash-escaping any
# ASCII punctuation is always allowed, so over-escaping is harmless; under-escaping is not.
_INLINE = re.compile(r"[\\`*_\[\]<>|~&$]")
# Block constructs that only mean something at the start of a line: ATX headings, bullet and
# ordered list markers (each needs a space or the line end after it), setext underlines and
# thematic breaks. "#Navalny" or "1.85" start no block and stay as they are.
_LINE_START = re.compile(
    r"^(?:#{1,6}(?=\s|$)|[-+](?=\s|$)|\d{1,9}[.)](?=\s|$)|[-=][-=\s]*$)"
)


def _inline(m: re.Match[str]) -> str:
    ch, text, i = m.group(0), m.string, m.start()
    # An underscore between two letters or digits never starts emphasis, so handles
    # ("@Assita_Kanko") and URLs stay readable in the plain file.
    if ch == "_" and 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum():
        return ch
    return "\\" + ch


def escape(text: str) -> str:
    """``text`` on one line, shown literally by a Markdown renderer."""
    return _escape_line(layout.one_line(text))


def _escape_line(line: str) -> str:
    # Leading spaces would make indented code; the text's own spacing there carries nothing.
    line = _INLINE.sub(_inline, line.lstrip())
    m = _LINE_START.match(line)
    if m:
        mark = m.group(0)
        # "1." → "1\." (the digits alone start nothing); "#", "-", "+", "===" → "\#" ...
        line = mark[:-1] + "\\" + line[len(mark) - 1:] if mark[0].isdigit() else "\\" + line
    return line


def escape_block(text: str) -> list[str]:
    """Escaped lines of a multi-line text (the brief), line breaks kept."""
    return [_escape_line(line) for line in text.replace("\r\n", "\n").split("\n")]


def _blockquote(text: str) -> list[str]:
    """The brief verbatim: its line breaks kept, blank lines kept as paragraph breaks."""
    lines = escape_block(text.strip("\n"))
    out = []
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else ""
        # A trailing backslash is CommonMark's hard line break, but at the end of a paragraph
        # it would show as a literal backslash, so only between two non-empty lines.
        out.append(f"> {line}\\" if line and following else f"> {line}".rstrip())
    return out


def _source(s: SourceView) -> list[str]:
    """One Sources entry as its own paragraph, labelled with its number, then each cited
    passage labelled with its marker ("[2a]"), where every marker leads.

    Not an ordered list: a Markdown viewer renumbers list items from the first one, so a gap in
    the numbers would make ``[3]`` point at the item shown as 2.
    """
    facts = [escape(s.outlet), s.date, f"language: {escape(s.language)}"]
    lines = [f"**\\[{s.n}\\]** **{escape(s.title)}** — {', '.join(facts)}"]
    if s.href:
        lines.append(f"<{s.href}>")
    elif s.url_text:
        lines.append(f"Address (not a web link): {escape(s.url_text)}")
    if s.attribution:
        lines.append(escape(s.attribution))
    # Two trailing spaces make the hard breaks: a backslash would too, but reads as noise in
    # the plain file, which editors also read.
    out = [line + "  " for line in lines[:-1]] + [lines[-1], ""]
    for note in s.notes:
        out += [f"> {_markers_of([note.label])} {escape(note.quote)}", ""]
    return out


def _table_cell(text: str) -> str:
    return escape(text) or " "


def _markers_of(labels: list[str]) -> str:
    return "".join(f"\\[{label}\\]" for label in labels)


def _markers(markers: list[Marker]) -> str:
    return "".join(f"[{m.label}]" for m in markers)


def _statement(s: StatementView) -> str:
    """A statement with its markers, and its claim's verdict where the view shows one (not in
    running prose: Summary and FAQ answers)."""
    text = escape(s.text)
    if s.date:
        text = f"{escape(s.date)}: {text}"
    markers = _markers(s.markers)
    line = f"{text} {markers}" if markers else text
    if s.verdict_label:
        line += f" — *{s.verdict_label}, confidence {s.confidence}*"
    return line


def _sides(u: UnclearView | ClaimView) -> str:
    """Each side the sources take in their own words, each with its marker ("; the source says
    “He was 95.” [2]")."""
    return "".join(f"; {side.lead} “{escape(side.text)}” {_markers(side.markers)}".rstrip()
                   for side in u.sides)


def _heading(section: layout.Section) -> list[str]:
    return [f"## {section.title}", ""]


def _bullets(statements: list[StatementView]) -> list[str]:
    return [f"- {_statement(s)}" for s in statements]


def _rows(rows: list[Row]) -> list[str]:
    out = []
    for row in rows:
        if row.items:
            out.append(f"- {row.label}:")
            out += [f"  - {escape(item)}" for item in row.items]
        else:
            out.append(f"- {row.label}: {escape(row.value or '')}")
    return out


def render_markdown(explainer: Explainer) -> str:
    v = ExplainerView(explainer)
    out: list[str] = [f"# {escape(v.headline)}", ""]

    out += [f"Published {v.published} · Updated {v.updated} · Version {v.version}", ""]

    for warning in v.warnings:
        out += [f"**Warning: {escape(warning)}**", ""]
    if v.notice:
        out += [f"**{escape(v.notice)}**", ""]

    if v.summary:
        out += _heading(layout.SUMMARY)
        out += [" ".join(_statement(s) for s in v.summary), ""]

    if v.what_we_know:
        out += _heading(layout.WHAT_WE_KNOW) + _bullets(v.what_we_know) + [""]

    out += _heading(layout.STILL_UNCLEAR)
    if v.still_unclear:
        for u in v.still_unclear:
            # The reason with the markers of the evidence behind it, then each side in the
            # sources' own words: the same order as on the pages.
            line = f"- {escape(u.text)} — **{u.verdict_label}**: {escape(u.reason)}"
            if u.other_markers:
                line += f" {_markers(u.other_markers)}"
            out.append(line + _sides(u))
    else:
        out.append(v.all_supported_note)
    out.append("")

    if v.context:
        out += _heading(layout.CONTEXT) + _bullets(v.context) + [""]

    if v.why_it_matters:
        out += _heading(layout.WHY_IT_MATTERS) + [f"*{v.analysis_note}*", ""]
        out += _bullets(v.why_it_matters) + [""]

    if v.watch_next or v.open_questions or v.open_questions_note:
        out += _heading(layout.WATCH_NEXT) + _bullets(v.watch_next)
        if v.open_questions_note:
            out.append(f"- {v.open_questions_note}")
        if v.open_questions:
            out.append(f"- {v.open_questions_lead}:")
            out += [f"  - {escape(q)}" for q in v.open_questions]
        out.append("")

    if v.faq:
        out += _heading(layout.FAQ)
        for question, answer, unanswered in v.faq:
            out += [f"### {escape(question)}", ""]
            out += [" ".join(_statement(s) for s in answer) or escape(unanswered), ""]

    if v.related:
        out += _heading(layout.RELATED)
        out += [f"- {escape(r.headline)} (similarity {r.score})" for r in v.related]
        out.append("")

    if v.claims:
        out += _heading(layout.CLAIMS)
        out += ["| Claim | Kind | Verdict | Confidence | Evidence |", "|---|---|---|---|---|"]
        reasons = {u.anchor: u.reason for u in v.still_unclear}
        for c in v.claims:
            verdict = c.verdict_label
            if c.sides:
                # What the sources say instead belongs beside the verdict wherever it is shown.
                verdict += f": {escape(reasons.get(c.anchor, ''))}{_sides(c)}"
            evidence = _markers(c.markers) or "—"
            if c.independence:
                evidence += f" ({_table_cell(c.independence)})"
            out.append(
                f"| {_table_cell(c.text)} | {c.kind} | {verdict} | "
                f"{c.confidence} | {evidence} |"
            )
        out.append("")

    out += _heading(layout.TRANSPARENCY) + _rows(v.transparency) + [""]
    out += [f"### {TECHNICAL_TITLE}", ""] + _rows(v.technical) + [""]

    out += _heading(layout.BRIEF) + _blockquote(v.brief_text) + [""]

    out += _heading(layout.SOURCES)
    if not v.sources:
        out += [v.no_sources_note, ""]
    for source in v.sources:
        out += _source(source)

    if v.versions:
        out += _heading(layout.CHANGELOG)
        out += [f"- Version {h.version}, {h.at}: {escape('; '.join(h.changes))}" for h in v.versions]
        out.append("")

    return "\n".join(out).rstrip("\n") + "\n"
