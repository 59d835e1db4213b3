"""One view model for the explainer page: the site, the HTML page and Markdown agree.

The site page is rendered by the site's own template (web/templates) from the same fixtures as
the standalone page; both are parsed strictly and their markers compared section by section.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import html5lib
import pytest

from groundbrief.models import Explainer
from groundbrief.render.html import render_html
from groundbrief.render.markdown import render_markdown
from groundbrief.render.view import ExplainerView
from tests.conftest import conflicting_navalny
from groundbrief.web.pages import render_page
from groundbrief.web.urls import Urls
from groundbrief.web.views import explainer_view

FIXTURES = Path(__file__).parent / "fixtures" / "explainers"
PROSE = ("summary", "what-we-know", "still-unclear", "context", "why-it-matters", "watch-next",
         "faq")


def load(name: str) -> Explainer:
    return Explainer.model_validate_json((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def conflicting() -> Explainer:
    return conflicting_navalny()


def parse(page: str) -> ET.Element:
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)


def site_page(e: Explainer) -> str:
    urls = Urls()
    return render_page("explainer.html.j2", urls, v=explainer_view(e, urls, versions=[e.version]))


def markers(root: ET.Element) -> dict[str, list[tuple[str, str]]]:
    """Per prose section, its citation markers in reading order: (label, link target)."""
    out = {}
    for section in root.iter("section"):
        if section.get("id") in PROSE:
            out[section.get("id")] = [("".join(a.itertext()), a.get("href"))
                                      for a in section.iter("a") if a.get("class") == "cite"]
    return out


def notes(root: ET.Element) -> dict[str, str]:
    """Each passage note under Sources: its id and the passage's words."""
    sources = next(s for s in root.iter("section") if s.get("id") == "sources")
    return {el.get("id"): " ".join("".join(el.itertext()).split())
            for el in sources.iter() if (el.get("id") or "").startswith("cite-")}


@pytest.mark.parametrize("make", [lambda: load("navalny"), conflicting,
                                  lambda: load("nothing_found"), lambda: load("hostile")])
def test_the_site_page_and_the_rendered_html_number_citations_identically(make):
    e = make()
    site, page = parse(site_page(e)), parse(render_html(e))
    assert markers(site) == markers(page)
    site_notes, page_notes = notes(site), notes(page)
    assert set(site_notes) == set(page_notes)
    for anchor, words in page_notes.items():
        # The standalone note starts with its label; the quote is the same passage.
        label = anchor[len("cite-"):]
        assert words.startswith(f"[{label}]")
        assert words[len(label) + 2:].strip() in site_notes[anchor]


def test_markdown_shows_the_same_markers_as_the_pages():
    e = conflicting()
    md = render_markdown(e)
    body = md.split("\n## Claims checked\n")[0]
    in_md = re.findall(r"(?<!\\)\[(\d+[a-z]?)\]", body)
    page = parse(render_html(e))
    in_html = [label.strip("[]") for section in markers(page).values() for label, _ in section]
    assert in_md == in_html
    assert any(re.fullmatch(r"\d+[a-z]", label) for label in in_md), "no passage letters tested"


def test_a_passage_has_one_label_everywhere_it_is_cited():
    e = load("navalny")
    view = ExplainerView(e)
    labels = view.labels()
    for _, statement in e.cited_statements():
        for c in statement.citations:
            assert view.marker(c).label == labels[(c.source_id, c.passage_id)]
    # Labels are distinct, and a source with one cited passage is labelled by its number alone.
    assert len(set(labels.values())) == len(labels)
    per_source: dict[str, int] = {}
    for source_id, _ in labels:
        per_source[source_id] = per_source.get(source_id, 0) + 1
    for (source_id, _), label in labels.items():
        n = e.source_number(source_id)
        assert label == str(n) if per_source[source_id] == 1 else re.fullmatch(rf"{n}[a-z]", label)


def test_an_unknown_language_reads_unknown_in_every_format():
    e = load("navalny")
    e.sources[1].language = None
    md = render_markdown(e)
    assert "Russia's Navalny airlifted to Germany** — Wikinews, 2020-08-22, language: unknown" in md
    for page in (render_html(e), site_page(e)):
        entry = parse(page).find(".//li[@id='source-2']")
        assert "language: unknown" in "".join(entry.itertext())
        assert entry.find(".//cite").get("lang") is None  # no lang= for an unknown language


def test_warnings_come_first_in_every_format():
    e = load("nothing_found")
    e.warnings = ["The store holds no sources at all, so nothing in this brief could be checked."]
    md = render_markdown(e)
    assert md.index("**Warning: The store holds no sources at all") < md.index("## ")
    for page in (render_html(e), site_page(e)):
        root = parse(page)
        alert = next(p for p in root.iter("p") if p.get("role") == "alert")
        assert "".join(alert.itertext()).startswith("Warning: The store holds no sources at all")
        first_section = next(root.iter("section"))
        text = "".join(root.itertext())
        assert text.index("Warning: The store") < text.index("".join(first_section.itertext())[:40])


def test_a_dangling_citation_stops_every_format():
    from groundbrief.errors import InputError

    e = load("navalny")
    e.context[0].citations[0].source_id = "enwikinews:Not_in_sources"
    for render in (render_markdown, render_html, site_page):
        with pytest.raises(InputError, match="Not_in_sources"):
            render(e)


def test_json_carries_the_same_markers():
    import json

    from groundbrief.render.json import render_json
    from groundbrief.schema import validate_explainer_json

    e = conflicting()
    data = json.loads(render_json(e))
    validate_explainer_json(data)
    assert Explainer.model_validate(data).markers == data["markers"]
    view = ExplainerView(e)
    for section in ("summary", "what_we_know", "context", "why_it_matters", "watch_next"):
        for statement in data[section]:
            for c in statement["citations"]:
                assert data["markers"][c["passage_id"]] == view.labels()[
                    (c["source_id"], c["passage_id"])]
    side = data["still_unclear"][0]["correction"]["citations"][0]
    assert data["markers"][side["passage_id"]] == "2e"
    assert e.markers == {}, "rendering leaves the explainer as it was"


def test_the_newest_source_on_this_story_is_the_newest_cited_one():
    from groundbrief.render.transparency import reader_rows

    e = load("navalny")
    row = next(r for r in reader_rows(e) if r.label == "Newest source on this story")
    assert row.value == ("[1] Germany says Alexei Navalny poisoned with Novichok (Wikinews), "
                         "published 2020-09-05")
    # The store's newest source is another matter, and stays in the technical detail.
    assert e.transparency.corpus_as_of is not None
    for ref in e.sources:
        ref.published_at = None
    row = next(r for r in reader_rows(e) if r.label == "Newest source on this story")
    assert row.value == "unknown: none of the 2 sources cited carries a date"
    e.sources = e.sources[:1]
    row = next(r for r in reader_rows(e) if r.label == "Newest source on this story")
    assert row.value == "unknown: the source cited carries no date"


def test_every_format_says_how_many_independent_reports_back_a_claim():
    """A claim's independence ("reported by 2 outlets, all from one Reuters agency story") is
    shown beside its evidence in Markdown, the HTML page and the site, escaped as source text."""
    from groundbrief.models import IndependentReports

    e = load("navalny")
    claim = next(c for c in e.claims if c.evidence)
    claim.independence = IndependentReports(
        outlets=2, reports=1, summary="reported by 2 outlets, all from one <Reuters> story")
    assert "reported by 2 outlets, all from one \\<Reuters\\> story" in render_markdown(e)
    escaped = "reported by 2 outlets, all from one &lt;Reuters&gt; story"
    assert escaped in render_html(e)
    assert escaped in site_page(e)
