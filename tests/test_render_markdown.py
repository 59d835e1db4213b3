"""Markdown renderer: DESIGN section order, resolvable markers, and untrusted text shown literally.

The Markdown is also rendered with markdown-it (CommonMark + tables, raw HTML allowed, as on
many sites) to check what a reader would actually get, not just the source text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import html5lib
import pytest
from markdown_it import MarkdownIt

from groundbrief.models import Explainer, Verdict
from groundbrief.render import layout
from groundbrief.render.markdown import escape, render_markdown

FIXTURES = Path(__file__).parent / "fixtures" / "explainers"


def load(name: str) -> Explainer:
    return Explainer.model_validate_json((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def headings(md: str) -> list[str]:
    return re.findall(r"^## (.+)$", md, flags=re.M)


def to_dom(md: str) -> ET.Element:
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(md)
    return html5lib.parse(html, namespaceHTMLElements=False)


def text_of(el: ET.Element) -> str:
    return "".join(el.itertext())


def section(md: str, title: str) -> str:
    m = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", md, flags=re.M | re.S)
    assert m, title
    return m.group(1)


def test_sections_follow_design_order():
    md = render_markdown(load("navalny"))
    assert md.startswith("# Germany says Navalny was poisoned with Novichok")
    expected = [s.title for s in layout.SECTIONS if s not in (layout.HEADLINE, layout.PUBLISHED)]
    assert headings(md) == expected
    assert re.search(r"^Published 2020-09-06 08:30 UTC · Updated 2020-09-06 08:30 UTC · Version 1$",
                     md, flags=re.M)


def test_every_marker_resolves_to_a_sources_entry():
    explainer = load("navalny")
    md = render_markdown(explainer)
    body, sources = md.split("\n## Sources\n")
    markers = set(re.findall(r"(?<!\\)\[(\d+[a-z]?)\]", body))
    entries = [int(n) for n in re.findall(r"^\*\*\\\[(\d+)\\\]\*\*", sources, flags=re.M)]
    assert {int(re.match(r"\d+", m).group()) for m in markers} == {1, 2}
    # A statement citing two sources carries both markers, each naming its passage.
    assert ("- Alexei Navalny is an outspoken critic of Russian president Vladimir Putin. "
            "[1e][2c]") in body
    assert entries == [ref.n for ref in explainer.sources]
    # Every marker leads to its passage, labelled alike under its source.
    notes = dict(re.findall(r"^> \\\[(\d+[a-z]?)\\\] (.*)$", sources, flags=re.M))
    assert markers <= set(notes)
    for _, statement in explainer.cited_statements():
        for c in statement.citations:
            assert escape(c.quote) in notes.values()


def test_sources_carry_title_outlet_date_url_language_and_licence():
    sources = section(render_markdown(load("navalny")), "Sources")
    assert ("**\\[1\\]** **Germany says Alexei Navalny poisoned with Novichok** — Wikinews, "
            "2020-09-05, language: en") in sources
    assert "<https://en.wikinews.org/wiki/Russia%27s_Navalny_airlifted_to_Germany>" in sources
    assert sources.count("CC BY 2.5") == 2


def test_supported_claims_show_verdict_and_unclear_claims_show_reason():
    md = render_markdown(load("navalny"))
    know = section(md, "What We Know")
    assert know.count("— *Supported, confidence") == 3
    unclear = section(md, "What's Still Unclear")
    assert ("- Doctors in Omsk had already found poison in Navalny's blood. — **Refuted**: "
            "Sources refute it") in unclear
    refuted, unknown = [line for line in unclear.splitlines() if line.startswith("- ")]
    # What the source says instead, verbatim and cited, then the other refuting passage's source.
    assert ("in his blood or urine [1g]; the source says “Hospital officials in Omsk said no "
            "traces of poison was found in his blood or urine.” [2e]") in refuted
    # The passages that refute it, from both sources: the other one's marker after the reason.
    assert "**Not enough evidence**: No source found" in unknown
    assert not re.search(r"\[\d+[a-z]?\]", unknown)
    assert "Analysis stated in the cited sources" in section(md, "Why It Matters")
    watch = section(md, "What to Watch Next")
    assert "  - Is it confirmed that EU sanctions on Moscow will follow next week?" in watch


def test_without_the_writers_open_questions_watch_next_points_to_unclear():
    explainer = load("navalny")
    explainer.open_questions = []
    watch = section(render_markdown(explainer), "What to Watch Next")
    assert "- Open questions: 2 claims of the brief remain unverified" in watch


def test_prose_sections_carry_markers_but_no_verdict_badges():
    explainer = load("navalny")
    explainer.summary[0].claim_id = "c1"
    explainer.faq[0].answer[0].claim_id = "c2"
    md = render_markdown(explainer)
    assert "Supported" not in section(md, "Summary") and "Supported" not in section(md, "FAQ")
    assert re.findall(r"\[\d+[a-z]?\]", section(md, "Summary")) == ["[1a]", "[1b]"]


def test_claims_table_has_a_row_per_claim():
    explainer = load("navalny")
    rows = [line for line in section(render_markdown(explainer), "Claims checked").splitlines()
            if line.startswith("| ") and not line.startswith("| Claim")]
    assert len(rows) == len(explainer.claims)
    verdict, confidence = rows[3].split(" | ")[2:4]
    assert confidence == "0.84"
    # The refuted claim's verdict with what the source says instead, cited.
    assert verdict.startswith("Refuted: Sources refute it") and verdict.endswith(
        "; the source says “Hospital officials in Omsk said no traces of poison was found in his "
        "blood or urine.” [2e]")
    dom = to_dom(render_markdown(explainer))
    assert len(dom.findall(".//table/tbody/tr")) == len(explainer.claims)


def test_transparency_reports_the_run_in_a_readers_words_then_the_technical_detail():
    t = section(render_markdown(load("navalny")), "Source Transparency")
    reader, technical = t.split("\n### Technical detail\n")
    assert reader.lstrip("\n").startswith("- What was checked: The brief's 5 claims against 9 "
                                           "sources that the search found among 301 sources in "
                                           "the store; 2 sources are cited below.")
    # The newest source on this story (the sources cited), not the newest of the whole store.
    assert ("- Newest source on this story: \\[1\\] Germany says Alexei Navalny poisoned with "
            "Novichok (Wikinews), published 2020-09-05") in reader
    assert "- What could not be checked:\n  - 1 claim of the brief: no source found" in reader
    for engineer in ("I4", "I5", "pairs", "Backends", "Models", "Time taken"):
        assert engineer not in reader, engineer
    assert "- Sources searched: 301 of 336 in the store (5120 passages)" in technical
    assert "- Sources cited: 2" in technical
    assert "- Claims checked: 5 (3 Supported, 1 Refuted, 1 Not enough evidence)" in technical
    assert "  - as-of filter (I6): 35 newer sources excluded" in technical
    assert "- Newest source in the store: 2020-09-05 00:00 UTC" in technical
    assert ("- Time taken: 1.85 s (parse 0.01 s, retrieve 0.42 s, verify 1.37 s, compose 0.05 s)"
            in technical)
    # A caveat is said where it is true of the run, among what could not be checked.
    nothing = section(render_markdown(load("nothing_found")), "Source Transparency")
    assert "  - No stored source mentions Orbán, São Paulo or a gas deal" in nothing
    assert "- Newest source on this story: none: this explainer cites no source" in nothing
    assert "No stored source mentions" not in t


def test_nothing_found_says_so_and_lists_every_claim_as_unclear():
    explainer = load("nothing_found")
    md = render_markdown(explainer)
    assert "What We Know" not in headings(md)
    assert md.split("\n\n")[2] == f"**{escape(explainer.notice)}**"
    assert headings(md) == ["What's Still Unclear", "What to Watch Next", "Claims checked",
                            "Source Transparency", "Original brief", "Sources"]
    unclear = section(md, "What's Still Unclear")
    assert unclear.count("**Not enough evidence**") == len(explainer.claims) == 3
    assert "Attribution not confirmed" in unclear
    assert section(md, "Sources").strip() == layout.NO_SOURCES_NOTE
    assert not re.search(r"(?<!\\)\[\d+\]", md)
    # A writer that forgets the notice still gets I10's line from the renderer.
    explainer.notice = None
    md = render_markdown(explainer)
    assert "**None of the 336 sources searched supports any claim of this brief" in md


def test_empty_sections_are_left_out_and_no_unclear_claims_is_said():
    explainer = load("navalny")
    explainer.context = []
    explainer.faq = []
    explainer.related = []
    explainer.still_unclear = []
    explainer.open_questions = []
    for claim in explainer.claims:
        claim.verdict = Verdict.SUPPORTED
    md = render_markdown(explainer)
    assert {"Context", "FAQ", "Related coverage"}.isdisjoint(headings(md))
    assert section(md, "What's Still Unclear").strip() == layout.ALL_SUPPORTED_NOTE
    assert "Open questions" not in md


def test_hostile_text_renders_literally_and_inert():
    explainer = load("hostile")
    dom = to_dom(render_markdown(explainer))
    assert not dom.findall(".//script") and not dom.findall(".//img")
    assert not dom.findall(".//b") and not dom.findall(".//i")
    assert len(dom.findall(".//h1")) == 1
    for a in dom.iter("a"):
        assert a.get("href", "").startswith(("http://", "https://")), a.get("href")
    for el in dom.iter():
        assert not any(name.lower().startswith("on") for name in el.attrib)
    text = text_of(dom.find("body"))
    assert "<script>alert(1)</script> Germany says Alexei Navalny poisoned" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert "Address (not a web link): javascript:alert(1)" in text
    assert "<h1>What did the German tests find?</h1>" in text


def test_original_brief_renders_verbatim_with_its_line_breaks():
    explainer = load("hostile")
    dom = to_dom(render_markdown(explainer))
    brief_heading = next(h for h in dom.iter("h2") if text_of(h) == "Original brief")
    body = list(dom.find("body"))
    quote = body[body.index(brief_heading) + 1]
    assert quote.tag == "blockquote"
    assert len(quote.findall(".//br")) == explainer.brief.text.count("\n")
    assert [line.strip() for line in text_of(quote).strip().split("\n")] == \
        explainer.brief.text.split("\n")


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("1.85 s", "1.85 s"),
        ("1. not a list", "1\\. not a list"),
        ("10) not a list", "10\\) not a list"),
        ("# not a heading", "\\# not a heading"),
        ("#Navalny", "#Navalny"),
        ("- not a bullet", "\\- not a bullet"),
        ("---", "\\---"),
        ("@Assita_Kanko", "@Assita_Kanko"),
        ("_emphasis_", "\\_emphasis\\_"),
        ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
        ("<b>\n<i>", "\\<b\\> \\<i\\>"),
        ("a & b | c ~d~ $e$ `f` *g* \\", "a \\& b \\| c \\~d\\~ \\$e\\$ \\`f\\` \\*g\\* \\\\"),
    ],
)
def test_escape(raw, escaped):
    assert escape(raw) == escaped
