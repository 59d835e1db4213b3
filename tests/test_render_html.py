"""HTML renderer: a valid, self-contained, accessible page where untrusted text stays text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import html5lib
import pytest

from groundbrief.models import Explainer
from groundbrief.render import layout
from groundbrief.render.html import render_html

FIXTURES = Path(__file__).parent / "fixtures" / "explainers"


def load(name: str) -> Explainer:
    return Explainer.model_validate_json((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def parse(page: str) -> ET.Element:
    """Strict HTML5 parse: any parse error (bad nesting, stray end tag, bad doctype) raises."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)


def text_of(el: ET.Element) -> str:
    return "".join(el.itertext())


@pytest.mark.parametrize("name", ["navalny", "nothing_found", "hostile"])
def test_page_is_valid_html5(name):
    page = render_html(load(name))
    assert page.startswith("<!DOCTYPE html>\n")
    root = parse(page)
    ids = [el.get("id") for el in root.iter() if el.get("id") is not None]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert len(root.findall(".//h1")) == 1


def test_sections_follow_design_order_with_ids():
    root = parse(render_html(load("navalny")))
    assert root.get("lang") == "en"
    ids = [s.get("id") for s in root.iter("section")]
    expected = [s.id for s in layout.SECTIONS if s not in (layout.HEADLINE, layout.PUBLISHED)]
    assert ids == expected
    for s in root.iter("section"):
        heading = s.find("h2")
        assert heading is not None and s.get("aria-labelledby") == heading.get("id")
    times = root.findall(".//p[@id='published']/time")
    assert [t.get("datetime") for t in times] == ["2020-09-06T08:30:00Z"] * 2


def test_every_marker_links_to_a_source_entry_and_each_quote_is_on_the_page():
    explainer = load("navalny")
    root = parse(render_html(explainer))
    entries = {el.get("id"): el for el in root.iter("li") if (el.get("id") or "").startswith("source-")}
    assert sorted(entries) == [f"source-{ref.n}" for ref in explainer.sources]
    notes = {el.get("id"): el for el in root.iter("blockquote")
             if (el.get("id") or "").startswith("cite-")}
    links = [a.get("href") for a in root.iter("a") if (a.get("href") or "").startswith("#")]
    # Each marker leads to its passage's note, which sits under its source's entry.
    assert links and all(href[1:] in notes or href == "#still-unclear" for href in links)
    for anchor in notes:
        n = re.match(r"cite-(\d+)", anchor).group(1)
        assert entries[f"source-{n}"].find(f"blockquote[@id='{anchor}']") is not None
    details_text = " ".join(text_of(d) for d in root.iter("details"))
    for _, statement in explainer.cited_statements():
        for c in statement.citations:
            assert c.quote in details_text
    critic = next(p for p in root.iter("p") if text_of(p).startswith("Alexei Navalny is an outspoken"))
    assert [a.get("href") for a in critic.iter("a")] == ["#cite-1e", "#cite-2c"]
    first = entries["source-1"]
    assert "Germany says Alexei Navalny poisoned with Novichok" in text_of(first)
    assert "Wikinews, 2020-09-05, language: en" in text_of(first)
    assert "CC BY 2.5" in text_of(first)
    assert first.find(".//a").get("href") == explainer.sources[0].url


def test_statements_of_claims_show_their_verdict():
    root = parse(render_html(load("navalny")))
    know = next(s for s in root.iter("section") if s.get("id") == "what-we-know")
    badges = [text_of(b) for b in know.iter("span") if "verdict" in (b.get("class") or "")]
    assert badges == ["Supported"] * 3
    unclear = next(s for s in root.iter("section") if s.get("id") == "still-unclear")
    assert [li.get("id") for li in unclear.iter("li")] == ["unclear-c4", "unclear-c5"]
    assert "Refuted" in text_of(unclear) and "Not enough evidence" in text_of(unclear)


def test_nothing_found_page():
    root = parse(render_html(load("nothing_found")))
    ids = [s.get("id") for s in root.iter("section")]
    assert "what-we-know" not in ids and "summary" not in ids
    notes = [p for p in root.iter("p") if p.get("class") == "notice"]
    assert len(notes) == 1 and text_of(notes[0]).startswith("No source in the store confirms")
    watch = next(s for s in root.iter("section") if s.get("id") == "watch-next")
    assert len(watch.findall(".//ul/li/ul/li")) == 3
    sources = next(s for s in root.iter("section") if s.get("id") == "sources")
    assert layout.NO_SOURCES_NOTE in text_of(sources)
    assert not [a for a in root.iter("a") if (a.get("href") or "").startswith("#cite-")]
    assert "Orbán" in text_of(root) and "São Paulo" in text_of(root)


def test_hostile_text_is_escaped_and_inert():
    page = render_html(load("hostile"))
    root = parse(page)
    assert "<script" not in page.lower()
    assert 'href="javascript:' not in page.lower()
    for tag in ("script", "img", "b", "i", "iframe", "object"):
        assert not root.findall(f".//{tag}"), tag
    for el in root.iter():
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (el.tag, name)
            if name == "href":
                assert value.startswith(("#", "http://", "https://")) and '"' not in value
            if name == "lang":
                assert re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", value), value
    text = text_of(root)
    assert "<script>alert(1)</script> Germany says Alexei Navalny poisoned with Novichok" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert "Address (not a web link): javascript:alert(1)" in text
    assert 'Address (not a web link): https://example.org/a"onmouseover="alert(1)' in text
    assert "<b><i>broken markup" in text
    assert "&lt;b&gt;&lt;i&gt;broken markup" in page


def test_brief_is_verbatim_with_line_breaks():
    explainer = load("hostile")
    root = parse(render_html(explainer))
    quote = root.find(".//blockquote[@class='brief']/p")
    assert text_of(quote) == explainer.brief.text


def test_page_is_self_contained():
    page = render_html(load("navalny"))
    root = parse(page)
    assert not root.findall(".//script") and not root.findall(".//link")
    assert not [el for el in root.iter() if el.get("src") is not None]
    assert "@import" not in page and "url(" not in page
    assert root.find(".//meta[@name='viewport']") is not None
    assert root.find(".//meta[@charset='utf-8']") is not None


def _luminance(hex_color: str) -> float:
    rgb = [int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_colours_meet_wcag_aa_in_light_and_dark_mode():
    css = parse(render_html(load("navalny"))).find(".//style").text
    light = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", css.split("@media")[0]))
    dark_block = re.search(r"prefers-color-scheme: dark\)\s*\{(.*?)\}\s*\}", css, re.S).group(1)
    dark = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", dark_block))
    for palette in (light, dark):
        for fg in ("fg", "muted", "link"):
            for bg in ("bg", "quote-bg"):
                assert contrast(palette[fg], palette[bg]) >= 4.5, (fg, bg, palette)
        assert contrast(palette["focus"], palette["bg"]) >= 3.0  # non-text contrast
    badges = re.findall(r"\.v-\w+ \{ color: (#[0-9a-f]{6}); background: (#[0-9a-f]{6}); \}", css)
    assert len(badges) == 5
    for fg, bg in badges:
        assert contrast(fg, bg) >= 4.5
    assert ":focus-visible" in css and "outline: 3px solid var(--focus)" in css


def test_unknown_language_is_undetermined_not_guessed():
    explainer = load("nothing_found")
    explainer.language = None
    explainer.brief.language = None
    assert parse(render_html(explainer)).get("lang") == "und"
