"""Explainer → Markdown (CommonMark with GitHub tables).

Everything that came from a source or the brief is untrusted: it is escaped so that a
Markdown renderer shows it literally and can never turn it into a link, an image, raw HTML or
a heading. Markdown has no way to hide a passage until asked, so the cited passages are listed
under their Sources entry instead, where every ``[n]`` marker leads.
"""

from __future__ import annotations

import re

from ..models import Citation, Explainer, SourceRef, Statement, Unclear
from . import layout
from .layout import Numbering

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


def _source(ref: SourceRef, passages: list[Citation]) -> list[str]:
    """One Sources entry as its own paragraph, labelled with its number.

    Not an ordered list: a Markdown viewer renumbers list items from the first one, so a gap in
    the numbers would make ``[3]`` point at the item shown as 2.
    """
    facts = [escape(ref.outlet) if ref.outlet else "outlet unknown", layout.fmt_date(ref.published_at)]
    if ref.language:
        facts.append(f"language: {escape(ref.language)}")
    lines = [f"**\\[{ref.n}\\]** **{escape(ref.title)}** — {', '.join(facts)}"]
    href = layout.web_url(ref.url)
    if href:
        lines.append(f"<{href}>")
    elif ref.url:
        lines.append(f"Address (not a web link): {escape(ref.url)}")
    if ref.attribution:
        lines.append(escape(ref.attribution))
    # Two trailing spaces make the hard breaks: a backslash would too, but reads as noise in
    # the plain file, which editors also read.
    out = [line + "  " for line in lines[:-1]] + [lines[-1], ""]
    for c in passages:
        out += [f"> {escape(c.quote)}", ""]
    return out


def _table_cell(text: str) -> str:
    return escape(text) or " "


def _markers(numbers: list[int]) -> str:
    return "".join(f"[{n}]" for n in numbers)


def _statement(s: Statement, num: Numbering, *, verdict: bool = True) -> str:
    """``verdict=False`` for running prose (Summary, FAQ answers): the verdict is shown where
    the claim is listed, and inside a paragraph it would break the sentence flow."""
    text = escape(s.text)
    if s.date:
        # Dated sections (Context, What to Watch Next): the source's date leads the bullet.
        text = f"{s.date}: {text}"
    markers = _markers(num.markers(s.citations))
    claim = num.claim(s.claim_id)
    line = f"{text} {markers}" if markers else text
    if verdict and claim is not None:
        line += f" — *{claim.verdict.label}, confidence {layout.fmt_score(claim.confidence)}*"
    return line


def _unclear_detail(u: Unclear, num: Numbering, *, rest: bool = True) -> str:
    """The reason, then each side the sources take in their own words, each with its marker
    ("sources say 95, not 89 (the age); the source says “He was 95.” [2]"); ``rest``: also the
    markers of the claim's other evidence."""
    sides = layout.sides(u)
    line = escape(layout.clause(u.reason) if sides else u.reason)
    shown: list[int] = []
    for side in sides:
        numbers = num.markers(side.statement.citations)
        shown += numbers
        line += f"; {side.lead} “{escape(side.statement.text)}” {_markers(numbers)}".rstrip()
    if rest:
        others = [n for n in num.evidence_markers(u.claim_id) if n not in shown]
        if others:
            line += f" {_markers(others)}"
    return line


def _heading(section: layout.Section) -> list[str]:
    return [f"## {section.title}", ""]


def _bullets(statements: list[Statement], num: Numbering) -> list[str]:
    return [f"- {_statement(s, num)}" for s in statements]


def render_markdown(explainer: Explainer) -> str:
    num = Numbering(explainer)
    out: list[str] = [f"# {escape(explainer.headline)}", ""]

    out += [
        f"Published {layout.fmt_time(explainer.published_at)} · "
        f"Updated {layout.fmt_time(explainer.updated_at)} · Version {explainer.version}",
        "",
    ]

    notice = layout.notice(explainer)
    if notice:
        out += [f"**{escape(notice)}**", ""]

    if explainer.summary:
        out += _heading(layout.SUMMARY)
        out += [" ".join(_statement(s, num, verdict=False) for s in explainer.summary), ""]

    if explainer.what_we_know:
        out += _heading(layout.WHAT_WE_KNOW) + _bullets(explainer.what_we_know, num) + [""]

    out += _heading(layout.STILL_UNCLEAR)
    if explainer.still_unclear:
        for u in explainer.still_unclear:
            line = f"- {escape(u.text)} — **{u.verdict.label}**: {_unclear_detail(u, num)}"
            out.append(line)
    else:
        out.append(layout.ALL_SUPPORTED_NOTE)
    out.append("")

    if explainer.context:
        out += _heading(layout.CONTEXT) + _bullets(explainer.context, num) + [""]

    if explainer.why_it_matters:
        out += _heading(layout.WHY_IT_MATTERS) + [f"*{layout.ANALYSIS_NOTE}*", ""]
        out += _bullets(explainer.why_it_matters, num) + [""]

    if explainer.watch_next or explainer.open_questions:
        out += _heading(layout.WATCH_NEXT) + _bullets(explainer.watch_next, num)
        note = layout.open_questions_note(explainer)
        if note:
            out.append(f"- {note}")
        if explainer.open_questions:
            out.append(f"- {layout.OPEN_QUESTIONS_LEAD}:")
            out += [f"  - {escape(q)}" for q in explainer.open_questions]
        out.append("")

    if explainer.faq:
        out += _heading(layout.FAQ)
        for item in explainer.faq:
            out += [f"### {escape(item.question)}", ""]
            out += [" ".join(_statement(s, num, verdict=False) for s in item.answer)
                    or escape(item.unanswered or ""), ""]

    if explainer.related:
        out += _heading(layout.RELATED)
        out += [
            f"- {escape(r.headline)} (similarity {layout.fmt_score(r.score)})"
            for r in explainer.related
        ]
        out.append("")

    if explainer.claims:
        out += _heading(layout.CLAIMS)
        out += ["| Claim | Kind | Verdict | Confidence | Evidence |", "|---|---|---|---|---|"]
        unclear = {u.claim_id: u for u in explainer.still_unclear}
        for c in explainer.claims:
            markers = _markers(num.evidence_markers(c.id)) or "—"
            verdict = c.verdict.label
            u = unclear.get(c.id)
            if u is not None and layout.sides(u):
                # What the sources say instead belongs beside the verdict wherever it is shown.
                verdict += f": {_unclear_detail(u, num, rest=False)}"
            out.append(
                f"| {_table_cell(c.text)} | {c.kind} | {verdict} | "
                f"{layout.fmt_score(c.confidence)} | {markers} |"
            )
        out.append("")

    out += _heading(layout.TRANSPARENCY)
    for row in layout.transparency_rows(explainer.transparency, explainer.as_of):
        if row.items:
            out.append(f"- {row.label}:")
            out += [f"  - {escape(item)}" for item in row.items]
        else:
            out.append(f"- {row.label}: {escape(row.value or '')}")
    out.append("")

    out += _heading(layout.BRIEF) + _blockquote(explainer.brief.text) + [""]

    out += _heading(layout.SOURCES)
    if not explainer.sources:
        out += [layout.NO_SOURCES_NOTE, ""]
    passages = layout.cited_passages(explainer)
    for ref in layout.sources_in_order(explainer):
        out += _source(ref, passages.get(ref.id, []))

    if explainer.changelog:
        out += _heading(layout.CHANGELOG)
        out += [
            f"- Version {e.version}, {layout.fmt_time(e.at)}: {escape('; '.join(e.changes))}"
            for e in explainer.changelog
        ]
        out.append("")

    return "\n".join(out).rstrip("\n") + "\n"
