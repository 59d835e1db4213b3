"""Ingest readers on committed fixtures: dumps, feeds, pages, folders, normalisation."""

from __future__ import annotations

import gzip
import shutil
import unicodedata
from datetime import datetime, timezone
from pathlib import Path

import pytest

from groundbrief.errors import InputError
from groundbrief.ingest import (
    LocationReader,
    ReadOptions,
    canonical_url,
    html_to_text,
    parse_date,
    parse_field_map,
    read_sources,
    title_from_text,
)
from groundbrief.ingest.dates import DateError
from groundbrief.interfaces import Rejected
from groundbrief.models import Source
from groundbrief.text import content_hash

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
CSV_MAP = {"id": "doc", "title": "headline", "text": "body", "outlet": "site", "url": "link"}


def split(items):
    items = list(items)
    return ([i for i in items if isinstance(i, Source)],
            [i for i in items if isinstance(i, Rejected)])


def by_id(sources):
    return {s.id: s for s in sources}


# ---------------------------------------------------------------- JSONL


def test_jsonl_good_lines_become_sources_and_bad_lines_are_rejected_with_line_numbers():
    path = FIXTURES / "articles.jsonl"
    sources, rejected = split(read_sources([str(path)]))
    assert [r.where for r in rejected] == [f"{path}:{n}" for n in (3, 4, 9, 10, 11)]
    reasons = [r.reason for r in rejected]
    assert reasons[0].startswith("not valid JSON")
    assert reasons[1].startswith("empty text")
    assert "sometime soon" in reasons[2]
    assert reasons[3].startswith("not a JSON object")
    assert reasons[4].startswith("no text and no title")
    assert len(sources) == 5  # every good line, including those after the bad ones


def test_jsonl_record_is_normalised():
    sources, _ = split(read_sources([str(FIXTURES / "articles.jsonl")]))
    budget = next(s for s in sources if s.title == "Council approves budget")
    assert budget.url == "https://news.example.com/local/budget?id=7"
    assert budget.id.startswith("src_") and len(budget.id) == 20
    assert budget.published_at == datetime(2024, 5, 1, 7, 30, tzinfo=timezone.utc)
    assert budget.language == "en"
    assert budget.authors == ["Ann Lee", "Bo Chan"]
    assert budget.outlet == "Daily Bugle"
    assert budget.text == ("The city council approved the 2024 budget on Tuesday by a vote of 7 "
                           "to 2.\n\nSpending on schools rises by 4 percent, the mayor said.")
    assert budget.content_hash == content_hash(budget.title, budget.text, budget.url,
                                               "2024-05-01T07:30:00Z")
    assert budget.origin == str(FIXTURES / "articles.jsonl")


def test_reuters_style_record_gets_outlet_language_and_namespaced_id():
    sources = by_id(split(read_sources([str(FIXTURES / "articles.jsonl")]))[0])
    cocoa = sources["reuters:5"]  # namespaced by its outlet, not by the file name
    assert cocoa.outlet == "Reuters"
    assert cocoa.language == "en"
    assert cocoa.published_at == datetime(1987, 2, 26, 15, 1, 1, 790000, tzinfo=timezone.utc)
    assert cocoa.url is None
    assert "\n" not in cocoa.text  # hard-wrapped wire copy joined into one paragraph


def test_missing_title_is_the_first_sentence_and_outlet_comes_from_site_url():
    sources = by_id(split(read_sources([str(FIXTURES / "articles.jsonl")]))[0])
    rescue = sources["example.org:a4"]
    assert rescue.title == ("Rescuers pulled 12 people from the rubble of a collapsed building in "
                            "the port city overnight, officials said on Wednesday.")
    assert rescue.outlet == "example.org"
    assert rescue.published_at == datetime(2024, 5, 1, 10, 0, tzinfo=timezone.utc)  # epoch ms


def test_namespaced_dump_id_is_kept_and_wikinews_gets_its_attribution():
    wiki = by_id(split(read_sources([str(FIXTURES / "articles.jsonl")]))[0])["enwikinews:Some_page"]
    assert wiki.attribution == ("Wikinews, https://en.wikinews.org/wiki/Some_page, CC BY 2.5; "
                                "converted to plain text")
    assert wiki.outlet == "Wikinews"


def test_mojibake_is_repaired_and_text_is_nfc():
    cafe = by_id(split(read_sources([str(FIXTURES / "articles.jsonl")]))[0])["example-post:a6"]
    assert cafe.title == "Café owners protest"
    assert "café" in cafe.text and "Ã" not in cafe.text and "â€" not in cafe.text
    assert unicodedata.is_normalized("NFC", cafe.text)
    assert cafe.attribution == "Example Post, CC BY 4.0"  # a licence field travels with it


def test_field_map_and_default_outlet(tmp_path):
    dump = tmp_path / "wire.jsonl"
    dump.write_text('{"key": "7", "head": "Rates held", "copy": "The central bank held rates.", '
                    '"when": "2020-01-02 03:04:05"}\n', encoding="utf-8")
    sources, rejected = split(read_sources(
        [str(dump)], field_map=parse_field_map("id=key,title=head,text=copy,published=when"),
        default_outlet="Wire Service"))
    assert not rejected
    (s,) = sources
    # A mapped id is the source's id, as given.
    assert (s.id, s.title, s.text, s.outlet) == ("7", "Rates held",
                                                 "The central bank held rates.", "Wire Service")
    assert s.published_at == datetime(2020, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


def test_field_map_names_are_checked():
    with pytest.raises(InputError, match="unknown field 'body'"):
        parse_field_map("body=text")
    with pytest.raises(InputError, match="FIELD=COLUMN"):
        parse_field_map("text")


def test_gzipped_jsonl_and_json_array(tmp_path):
    line = b'{"id": "1", "title": "T", "text": "Body text here."}\n'
    (tmp_path / "d.jsonl.gz").write_bytes(gzip.compress(line))
    (tmp_path / "arr.json").write_text('[{"id": "2", "title": "U", "text": "Other body."}, 5]')
    sources, rejected = split(read_sources([str(tmp_path / "d.jsonl.gz"),
                                            str(tmp_path / "arr.json")]))
    # No URL, no outlet: the id comes from the content, never from the file's name.
    assert all(s.id.startswith("src_") for s in sources) and len(sources) == 2
    assert [r.where for r in rejected] == [f"{tmp_path / 'arr.json'}[1]"]
    (tmp_path / "renamed.json").write_bytes((tmp_path / "arr.json").read_bytes())
    again, _ = split(read_sources([str(tmp_path / "renamed.json")]))
    assert [s.id for s in again] == [sources[1].id]


# ---------------------------------------------------------------- CSV


def test_csv_with_field_map_rejects_bad_rows_with_their_line():
    path = FIXTURES / "articles.csv"
    sources, rejected = split(read_sources([str(path)], field_map=CSV_MAP))
    # The first record spans lines 2-4 (a quoted multi-line body): line numbers stay true.
    assert [(r.where, r.reason.split(":")[0].split(" ")[0]) for r in rejected] == [
        (f"{path}:5", "empty"), (f"{path}:7", "7")]
    strike, ferry = sources
    assert strike.text == ("Dock workers ended their strike on Monday after a deal on pay.\n\n"
                           "The union said members would return to work on Tuesday.")
    assert strike.published_at == datetime(2023, 6, 12, tzinfo=timezone.utc)
    assert ferry.url == "https://harbour.example/ferries"  # gclid dropped
    assert ferry.published_at == datetime(2023, 6, 13, tzinfo=timezone.utc)


def test_csv_map_naming_a_missing_column_is_an_input_error():
    with pytest.raises(InputError, match="'nope'"):
        list(read_sources([str(FIXTURES / "articles.csv")], field_map={"text": "nope"}))


# ---------------------------------------------------------------- feeds


def test_rss_feed_entries():
    path = FIXTURES / "feed.rss"
    sources, rejected = split(read_sources([str(path)]))
    assert [r.where for r in rejected] == [f"{path}:entry 3"]  # the empty entry
    strike, ferry = sources
    assert strike.url == "https://harbour.example/strike-ends"
    assert strike.outlet == "Harbour Times"
    assert strike.authors == ["Rita Moreno"]
    assert strike.language == "en"
    assert strike.published_at == datetime(2023, 6, 12, 12, 15, tzinfo=timezone.utc)
    # content:encoded (the fuller body) wins over the description; markup and script are gone.
    assert strike.text == ("Dock workers ended their strike on Monday after a deal on pay.\n\n"
                           "The union said members would return to work on Tuesday.")
    assert ferry.text == "Ferries to the islands run again from Friday, the operator said."


def test_same_article_from_feed_and_dump_has_the_same_id():
    feed = by_id(split(read_sources([str(FIXTURES / "feed.rss")]))[0])
    # Without --map id=..., a linked article's id comes from its URL.
    unmapped = {k: v for k, v in CSV_MAP.items() if k != "id"}
    dump = by_id(split(read_sources([str(FIXTURES / "articles.csv")], field_map=unmapped))[0])
    assert set(feed) == set(dump)


def test_atom_feed_html_title_relative_link_and_language():
    sources, rejected = split(read_sources([str(FIXTURES / "feed.atom")]))
    assert not rejected
    greve, unlinked = sources
    assert greve.title == "La grève du port est terminée"
    assert greve.url == "https://journal.example/2023/06/greve-terminee"
    assert greve.id.startswith("src_")
    assert greve.language == "fr"
    assert greve.published_at == datetime(2023, 6, 12, 12, 0, tzinfo=timezone.utc)
    assert unlinked.url is None
    assert unlinked.id == "tag:journal.example,2023:sans-lien"  # the guid, when there is no link


def test_non_xml_feed_is_refused():
    with pytest.raises(InputError, match="not an RSS/Atom feed"):
        list(read_sources([str(FIXTURES / "not_a_feed.xml")]))


def test_html_page_given_as_feed_is_refused(tmp_path):
    fake = tmp_path / "news.rss"
    shutil.copy(FIXTURES / "page.html", fake)
    with pytest.raises(InputError, match="HTML page, not an RSS/Atom feed"):
        list(read_sources([str(fake)]))


# ---------------------------------------------------------------- HTML pages


def test_html_page_text_and_metadata():
    (page,) = read_sources([str(FIXTURES / "page.html")])
    assert page.title == "Bridge reopens after repairs"
    assert page.outlet == "Riverside Gazette"
    assert page.authors == ["Priya Natarajan"]
    assert page.url == "https://gazette.example/news/bridge-reopens"
    assert page.language == "en"
    assert page.published_at == datetime(2024, 3, 18, 7, 45, tzinfo=timezone.utc)
    assert page.text.startswith("The Old Town bridge reopened to traffic on Monday morning")
    assert page.text.count("\n\n") == 2  # three paragraphs, kept apart
    assert "Home" not in page.text and "All rights reserved" not in page.text  # boilerplate


HOSTILE_MARKERS = ("<", ">", "alert", "javascript", "onload", "onclick", "onerror", "document.",
                   "Injected", "window.location", "Enable JavaScript")


def test_hostile_html_yields_text_only():
    (page,) = read_sources([str(FIXTURES / "hostile.html")])
    assert page.title == "Minister resigns over spending row"
    assert "overspent its budget by 40 percent" in page.text
    assert "demanded a full audit of all ministries" in page.text
    for marker in HOSTILE_MARKERS:
        assert marker not in page.text and marker not in page.title


def test_html_fragment_to_text_never_returns_markup():
    text = html_to_text('<p onclick="x()">One<script>bad()</script></p><p>Two<br>'
                        '<a href="javascript:alert(1)">three</a><img src=x onerror=alert(1)></p>'
                        "<style>p{}</style><!-- note -->")
    assert " ".join(text.split()) == "One Two three"


# ---------------------------------------------------------------- whole-input errors and folders


def test_missing_path_is_an_input_error():
    with pytest.raises(InputError, match="no such file or folder"):
        list(read_sources(["/nonexistent/dump.jsonl"]))


def test_binary_file_is_an_input_error(tmp_path):
    binary = tmp_path / "dump.jsonl"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError, match="binary file"):
        list(read_sources([str(binary)]))


def test_unknown_file_type_is_an_input_error(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("Just some notes, not a dump.\n")
    with pytest.raises(InputError, match="unknown file type"):
        list(read_sources([str(notes)]))


@pytest.mark.parametrize("location", ["ftp://example.com/feed.xml", "file:///etc/passwd",
                                      "javascript:alert(1)"])
def test_non_http_url_is_an_input_error(location):
    with pytest.raises(InputError, match="only http and https"):
        list(read_sources([location]))


def test_folder_is_walked_in_order_skipping_hidden_files(tmp_path):
    (tmp_path / "feeds").mkdir()
    shutil.copy(FIXTURES / "feed.rss", tmp_path / "feeds" / "harbour.rss")
    shutil.copy(FIXTURES / "page.html", tmp_path / "bridge.htm")
    (tmp_path / ".hidden.jsonl").write_text('{"title": "secret", "text": "should not appear"}\n')
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.jsonl").write_text('{"title": "git", "text": "should not appear"}\n')
    (tmp_path / "image.jsonl").write_bytes(b"\x00\x01\x02binary")
    sources, rejected = split(read_sources([str(tmp_path)]))
    assert [s.title for s in sources] == ["Bridge reopens after repairs",
                                          "Port strike ends after pay deal",
                                          "Ferry service resumes"]
    # In a folder one unusable file is reported, not fatal.
    assert [r.where for r in rejected] == [str(tmp_path / "feeds" / "harbour.rss") + ":entry 3",
                                           str(tmp_path / "image.jsonl")]
    assert "binary file" in rejected[1].reason


def test_rereading_yields_identical_sources():
    locations = [str(FIXTURES / name) for name in
                 ("articles.jsonl", "feed.rss", "feed.atom", "page.html", "hostile.html")]
    first = [s.model_dump() for s in split(read_sources(locations))[0]]
    second = [s.model_dump() for s in split(read_sources(locations))[0]]
    assert first == second
    assert len({s["id"] for s in first}) == len(first)


def test_location_reader_implements_the_source_reader_interface():
    reader = LocationReader(ReadOptions(default_outlet="Gazette"))
    (page,) = reader.read(str(FIXTURES / "hostile.html"))
    assert page.outlet == "Gazette"


# ---------------------------------------------------------------- dates, URLs, titles


@pytest.mark.parametrize("value, expected", [
    ("26-FEB-1987 15:01:01.79", datetime(1987, 2, 26, 15, 1, 1, 790000)),
    ("27-MAR-1987 00:02:59.13&#5;&#5;&#5;F RM", datetime(1987, 3, 27, 0, 2, 59, 130000)),
    ("2021-03-05", datetime(2021, 3, 5)),
    ("2021-03-05T10:00:00Z", datetime(2021, 3, 5, 10)),
    ("2021-03-05T10:00:00+02:00", datetime(2021, 3, 5, 8)),
    ("2024-05-01T09:30:00+0200", datetime(2024, 5, 1, 7, 30)),
    ("Fri, 05 Mar 2021 10:00:00 +0100", datetime(2021, 3, 5, 9)),
    ("Fri, 05 Mar 2021 10:00:00 GMT", datetime(2021, 3, 5, 10)),
    ("March 5, 2021 10:00 PM EST", datetime(2021, 3, 6, 3)),
    ("5 March 2021", datetime(2021, 3, 5)),
    (1474243200000, datetime(2016, 9, 19)),
    (1474243200, datetime(2016, 9, 19)),
    ("1474243200000", datetime(2016, 9, 19)),
])
def test_dates_become_aware_utc(value, expected):
    parsed = parse_date(value)
    assert parsed == expected.replace(tzinfo=timezone.utc)
    assert parsed.tzinfo is timezone.utc


@pytest.mark.parametrize("value", ["sometime soon", "March 2021", "2004",
                                   "Mar 5 2021 10:00 XYZ", "31-MAR-1987 605:12:19.12"])
def test_unreadable_or_incomplete_dates_are_errors(value):
    with pytest.raises(DateError):
        parse_date(value)


def test_empty_dates_are_none():
    assert parse_date(None) is None and parse_date("") is None and parse_date("  ") is None


@pytest.mark.parametrize("url, expected", [
    ("HTTPS://WWW.Example.COM:443/A/b?id=3&utm_source=x&fbclid=1&gclid=2#frag",
     "https://www.example.com/A/b?id=3"),
    ("http://example.com", "http://example.com/"),
    ("http://example.com:8080/x?b=2&a=1", "http://example.com:8080/x?b=2&a=1"),
    ("http://user:pw@example.com/x", "http://example.com/x"),
    ("ftp://example.com/x", None),
    ("not a url", None),
])
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected


def test_title_from_long_first_sentence_is_cut_at_a_word_and_marked():
    text = ("Word " * 60).strip() + ". Second sentence."
    title = title_from_text(text)
    assert title.endswith("…")
    assert len(title) <= 151
    assert title[:-1].split(" ")[-1] == "Word"  # no word cut in half


def test_language_tags_are_normalised_and_missing_ones_detected(tmp_path):
    from groundbrief.ingest import detect_language, normalise_language

    assert [normalise_language(t) for t in ("en-US", "EN", "eng", "fr_FR", "english", 7)] == [
        "en", "en", "en", "fr", None, None]
    assert detect_language("Les dockers ont mis fin à leur grève lundi après un accord.") == "fr"
    assert detect_language("Kurz.") is None  # too little text to tell
    dump = tmp_path / "nl.jsonl"
    dump.write_text('{"title": "Staking", "text": ["De havenarbeiders hebben maandag hun '
                    'staking beëindigd.", "De vakbond is tevreden met het akkoord."]}\n',
                    encoding="utf-8")
    (s,) = read_sources([str(dump)])
    assert s.language == "nl"
    assert s.text.count("\n\n") == 1  # a body given as a list of paragraphs


def test_unknown_file_in_a_folder_is_reported_not_fatal(tmp_path):
    (tmp_path / "README.md").write_text("# about this dump\n")
    shutil.copy(FIXTURES / "feed.atom", tmp_path / "journal.atom")
    sources, rejected = split(read_sources([str(tmp_path)]))
    assert len(sources) == 2
    assert [r.where for r in rejected] == [str(tmp_path / "README.md")]
    assert rejected[0].reason.startswith("unknown file type")
