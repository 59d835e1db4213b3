"""Hostile and broken input through every reader: each bad record is a counted rejection
naming its file and line (or feed entry) and the reason, the good records around it are
still read, and inputs that once took time growing with the square of their size now take
time in proportion to it. Every case here is a failing input found by probing or fuzzing
(issue 13), kept as a regression test."""

from __future__ import annotations

import gzip
import json
import time
from pathlib import Path

import pytest

from groundbrief.brief.parse import RuleBriefParser
from groundbrief.errors import InputError
from groundbrief.ingest import read_sources
from groundbrief.ingest.dates import DateError, parse_date
from groundbrief.ingest.markup import html_to_text
from groundbrief.ingest.options import ReadOptions
from groundbrief.ingest.pages import read_page
from groundbrief.interfaces import Rejected
from groundbrief.models import Source
from groundbrief.text import clean, content_hash, scrub, sentence_spans

GOOD = {"id": "g1", "title": "Dam opens", "text": "The new dam opened on Monday in Laos.",
        "published": "2024-03-04"}


def read(path: Path) -> tuple[list[Source], list[Rejected]]:
    out = list(read_sources([str(path)]))
    return ([o for o in out if isinstance(o, Source)], [o for o in out if isinstance(o, Rejected)])


def jsonl_around(tmp_path: Path, bad_line: str, name: str = "dump.jsonl") -> Path:
    """A dump whose second line is ``bad_line`` between two good records."""
    path = tmp_path / name
    after = dict(GOOD, id="g2", text="The second good record comes after the bad one.")
    path.write_bytes((json.dumps(GOOD) + "\n" + bad_line + "\n" + json.dumps(after) + "\n")
                     .encode("utf-8", "surrogatepass"))
    return path


BAD_JSONL = {
    # name: (line 2 of the dump, words expected in the rejection; None: read as a Source)
    "lone surrogate in text": ('{"text": "a \\ud800 b and more words", "title": "t"}', None),
    "lone surrogate in id and url": ('{"id": "\\udcff", "url": "http://a.example/\\ud800", '
                                     '"text": "words here"}', None),
    "control characters": ('{"text": "hello \\u0001\\u001b world", "title": "x\\u000bq"}', None),
    "zone offset +25:00": ('{"text": "t", "published": "2020-01-01T00:00:00+25:00"}',
                           "date out of range"),
    "year 1 pushed to year 0 in UTC": ('{"text": "t", "published": "0001-01-01T00:00:00+01:00"}',
                                       "date out of range"),
    "year 10000": ('{"text": "t", "published": "10000-01-01"}', "not a date"),
    "year 0": ('{"text": "t", "published": "0000-01-01"}', "not a date"),
    "epoch above 1e308": ('{"text": "t", "published": 1e309}', "out of range"),
    "epoch integer of 400 digits": ('{"text": "t", "published": ' + "9" * 400 + "}",
                                    "out of range"),
    "integer over 4,300 digits": ('{"text": "t", "published": ' + "9" * 5000 + "}",
                                  "not usable JSON"),
    "nested 100,000 deep": ('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}",
                            "nested too deeply"),
    "text is an object": ('{"text": {"a": 1}, "title": ""}', "empty text"),
    "not an object": ("[1, 2, 3]", "not a JSON object"),
    "record over the size cap": (json.dumps({"text": "word " * 250_000}), "over the 1,000,000"),
}


@pytest.mark.parametrize("name", sorted(BAD_JSONL))
def test_a_bad_jsonl_record_costs_only_itself(tmp_path, name):
    line, expected = BAD_JSONL[name]
    sources, rejected = read(jsonl_around(tmp_path, line))
    if expected is None:
        assert len(sources) == 3 and not rejected, rejected
        for s in sources:  # whatever came in, what is kept can be hashed, stored and shown
            for value in (s.id, s.title, s.text, s.url or "", s.origin or ""):
                value.encode("utf-8")
                assert value == scrub(value)
    else:
        assert len(sources) == 2
        assert len(rejected) == 1 and rejected[0].where.endswith("dump.jsonl:2"), rejected
        assert expected in rejected[0].reason, rejected[0].reason


def test_a_truncated_gz_keeps_the_records_before_the_damage(tmp_path):
    data = gzip.compress(b"".join(json.dumps(dict(GOOD, id=f"g{i}")).encode() + b"\n"
                                  for i in range(2000)))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    sources, rejected = read(path)
    assert 0 < len(sources) < 2000
    assert len(rejected) == 1 and "damaged or ends early" in rejected[0].reason
    assert rejected[0].where.startswith(str(path) + ":")


def test_a_truncated_gz_csv_and_json_are_rejections_too(tmp_path):
    rows = "id,title,text\n" + "".join(f"c{i},T{i},Some text {i}.\n" for i in range(3000))
    data = gzip.compress(rows.encode())
    (tmp_path / "cut.csv.gz").write_bytes(data[: len(data) // 2])
    sources, rejected = read(tmp_path / "cut.csv.gz")
    assert sources and len(rejected) == 1 and "damaged" in rejected[0].reason
    doc = gzip.compress(json.dumps([dict(GOOD, id=f"j{i}") for i in range(500)]).encode())
    (tmp_path / "cut.json.gz").write_bytes(doc[:-20])
    _, rejected = read(tmp_path / "cut.json.gz")
    assert rejected and "damaged" in rejected[-1].reason


def test_a_line_far_over_the_cap_is_skipped_without_holding_it(tmp_path):
    path = tmp_path / "huge.jsonl"
    with path.open("wb") as fh:
        fh.write(json.dumps(GOOD).encode() + b"\n")
        fh.write(b'{"text": "' + b"x" * (5 * 1024 * 1024) + b'"}\n')
        fh.write(json.dumps(dict(GOOD, id="g2")).encode() + b"\n")
    out = list(read_sources([str(path)], max_record_chars=100_000))
    assert [type(o).__name__ for o in out] == ["Source", "Rejected", "Source"]
    assert "huge.jsonl:2" in str(out[1]) and "bytes" in str(out[1])


def test_a_csv_with_a_surrogate_and_a_bad_row_goes_on(tmp_path):
    path = tmp_path / "d.csv"
    path.write_bytes(b'id,title,text\nc1,One,First text.\nc2,"Two,Second\nc3,Three,Third text.\n')
    sources, rejected = read(path)
    assert sources and all(isinstance(r, Rejected) for r in rejected)


FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<link>https://wire.example/</link>{items}</channel></rss>"""
ITEM = "<item><title>{title}</title><link>https://wire.example/{n}</link>{date}<description>{body}</description></item>"


def feed_file(tmp_path: Path, *items: tuple[str, str, str]) -> Path:
    body = "".join(ITEM.format(title=t, n=n, date=f"<pubDate>{d}</pubDate>" if d else "",
                               body=f"Body of item {n} with a few words.")
                   for n, (t, d, _) in enumerate(items, start=1))
    path = tmp_path / "feed.xml"
    path.write_text(FEED.format(items=body), encoding="utf-8")
    return path


def test_feed_entries_with_impossible_characters_and_years(tmp_path):
    path = feed_file(tmp_path,
                     ("Good one", "Mon, 04 Mar 2024 10:00:00 GMT", ""),
                     ("A &#x110000; and &#xD800; and &#99999999999; ref", "", ""),
                     ("Year zero", "Mon, 01 Jan 0000 00:00:00 GMT", ""),
                     ("Year 10000", "Mon, 01 Jan 10000 00:00:00 GMT", ""),
                     ("Good two", "Tue, 05 Mar 2024 10:00:00 GMT", ""))
    sources, rejected = read(path)
    titles = [s.title for s in sources]
    assert "Good one" in titles and "Good two" in titles
    assert any("\ufffd" in t for t in titles), titles
    assert "Year zero" not in titles, "year 0 must not be read as 2000"
    assert "Year 10000" not in titles
    assert sorted(r.where.rsplit(":", 1)[1] for r in rejected) == ["entry 3", "entry 4"]


HOSTILE_PAGES = {
    "unclosed <title> x 20,000": b"<html><head>" + b"<title>" * 20_000,
    "300,000 nested <p>": b"<html><body>" + b"<p>" * 300_000 + b"x",
    "too many bodies": b"<html><body><p>x</p></body><body>" * 3 + b"<body",
    "control characters": b"<html><body><p>a\x01b</p><p>hello\x0b there</p></body></html>",
    "bodies and titles": b"<title>x</title><body>y</body>" * 2000,
}


@pytest.mark.parametrize("name", sorted(HOSTILE_PAGES))
def test_hostile_pages_end_in_a_source_or_a_rejection_quickly(name):
    t0 = time.perf_counter()
    out = list(read_page(HOSTILE_PAGES[name], "page.html", ReadOptions()))
    elapsed = time.perf_counter() - t0
    assert len(out) == 1 and isinstance(out[0], (Source, Rejected))
    # Before: 31-76 s (136 KB of <title>), 13-70 s (nested <p>) on an idle machine; under
    # 0.5 s and 5 s now. The bound leaves room for a shared CI box running 7x slower.
    assert elapsed < 60, f"{name}: {elapsed:.1f} s"


def news_page(paragraphs: int = 25, nav_links: int = 300, ad_slots: int = 400,
              comments: int = 60) -> bytes:
    """A news page shaped like a real one: a long menu, empty ad slots, the article in
    <main><article>, reader comments, a sidebar, scripts, metadata in the head."""
    nav = "".join(f'<li><a href="/section/{i}"><span>Section {i}</span></a></li>'
                  for i in range(nav_links))
    ads = "".join(f'<div class="ad-slot" id="ad-{i}"><div class="inner"></div></div>'
                  for i in range(ad_slots))
    body = "".join(f"<p>Paragraph {i}: the regional council voted {i} times on the budget, "
                   "and the mayor's office said on Tuesday that spending on roads would rise "
                   f"by {i} percent next year.</p><div class='inline-ad'></div>"
                   for i in range(paragraphs))
    said = "".join(f'<div class="comment"><span class="user">reader{i}</span>'
                   f"<p>I think comment number {i} is right.</p></div>" for i in range(comments))
    aside = "".join(f"<li><a href='/read/{i}'>Most read story {i}</a></li>" for i in range(50))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Council raises road budget | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example"><meta name="author" content="Ana Silva">
<meta property="article:published_time" content="2024-05-07T09:30:00+00:00">
<script>var x = 1;</script><style>.a{{color:red}}</style></head><body>
<header><nav><ul>{nav}</ul></nav></header>{ads}
<main><article><h1>Council raises road budget</h1>
<div class="byline">By <a href="/ana">Ana Silva</a> <time datetime="2024-05-07T09:30:00Z">7 May
2024</time></div>{body}</article><section class="comments">{said}</section></main>
<aside><ul>{aside}</ul></aside><footer><p>&copy; 2024 The Daily Example.</p></footer>
<script>track();</script></body></html>""".encode()


def trafilatura_alone(data: bytes):
    """What trafilatura reads from the whole, unpruned page (pages.read_page's settings)."""
    import trafilatura

    from groundbrief.ingest import pages

    return trafilatura.bare_extraction(
        data, with_metadata=True, include_comments=False, include_links=False,
        include_images=False, date_extraction_params=pages._DATE_PARAMS)


@pytest.mark.parametrize("page", ["fixture page.html", "fixture hostile.html",
                                  "news page, 4,100 tags", "news page, 27,500 tags"])
def test_bounding_trafilatura_keeps_what_it_reads_from_news_pages(page):
    """Pruning empty elements (and, past the element budget, reading the page's <article> or
    <main> alone) leaves trafilatura's reading of a news page as it was: title, text, date,
    author, outlet, language."""
    from groundbrief.ingest import pages

    fixtures = Path(__file__).parent / "fixtures" / "ingest"
    data = {"fixture page.html": (fixtures / "page.html").read_bytes(),
            "fixture hostile.html": (fixtures / "hostile.html").read_bytes(),
            "news page, 4,100 tags": news_page(),
            "news page, 27,500 tags": news_page(paragraphs=60, nav_links=2000, ad_slots=3000,
                                                comments=500)}[page]
    whole = trafilatura_alone(data)
    bounded, _ = pages._extract(data, None)
    for name in ("title", "text", "date", "author", "sitename", "language"):
        assert getattr(bounded, name) == getattr(whole, name), name
    if "27,500" in page:
        # over the budget even once pruned: read from its <main>, and still the article
        from trafilatura.utils import load_html

        tree = load_html(data)
        pages._prune_empty(tree.find("body"))
        within = pages._within_budget(tree)
        assert pages._count(tree) > pages.MAX_EXTRACT_ELEMENTS
        assert within is not tree and pages._count(within) <= pages.MAX_EXTRACT_ELEMENTS


CPU_BOUND_PAGES = {
    # before -> after, CPU seconds on the development machine (docs/reliability.md)
    "59,000 empty <p>": b"<html><body>" + b"<p>" * 59_000,  # 4.2 -> 0.2 s
    "29,000 short <p>": b"<html><body>" + b"<p>x y z</p>" * 29_000,  # 3.4 -> 0.3 s
    "6,000 short <p>": b"<html><body>" + b"<p>x y z</p>" * 6_000,  # 1.0 -> 0.15 s
    "20,000 empty <p></p>": b"<html><body>" + b"<p></p>" * 20_000,  # 1.9 -> 0.03 s
}


@pytest.mark.parametrize("name", sorted(CPU_BOUND_PAGES))
def test_pages_trafilatura_cannot_hold_for_long(name):
    """Elements trafilatura cannot find an article in cost it ~0.15 ms each (its fallbacks
    run); it is given at most MAX_EXTRACT_ELEMENTS of them. CPU time, not wall time, so a
    loaded machine does not make the test fail; the target is 2 s per page."""
    # Warm-up: trafilatura's import and the language identifier's model (~0.9 s of CPU once
    # per process) load on the first page with enough text, not in the timed one.
    warm = b"<p>The council met on Monday and voted to raise the road budget by ten percent.</p>"
    list(read_page(b"<html><body>" + warm * 5 + b"</body></html>", "warm.html", ReadOptions()))
    t0 = time.process_time()
    (out,) = read_page(CPU_BOUND_PAGES[name], "page.html", ReadOptions())
    elapsed = time.process_time() - t0
    assert isinstance(out, (Source, Rejected))
    assert elapsed < 2.0, f"{name}: {elapsed:.2f} s of CPU"


def test_justext_stoplist_is_hashed_once_not_on_every_page():
    """trafilatura's justext fallback looked its 154,000-word stoplist tuple up in an
    lru_cache, hashing it on every page it found no article in: 12.6 ms of CPU per small page
    under fuzzing, 5.0 ms with the stoplist held as one frozenset (found by the page fuzz
    target's rate, 30 cases a second)."""
    import justext.core
    from trafilatura import external

    page = b"<html><body><div>menu</div><p>word word word</p><p>short</p></body></html>"
    list(read_page(page, "a.html", ReadOptions()))  # no article: justext runs
    stoplist = external.JT_STOPLIST
    assert isinstance(stoplist, frozenset) and len(stoplist) > 100_000
    assert external.jt_stoplist_init() is stoplist  # a second init builds no equal copy
    before = justext.core.define_stoplist.cache_info()
    for i in range(5):
        list(read_page(page.replace(b"menu", b"menu %d" % i), "a.html", ReadOptions()))
    after = justext.core.define_stoplist.cache_info()
    assert after.misses == before.misses and after.hits > before.hits


def test_html_fragments_with_control_characters_and_broken_bodies():
    assert html_to_text("<p>a\x00b\x01c</p>").strip() == "abc"
    # lxml refuses this one with an assertion ("too many bodies"); the answer is still text
    assert isinstance(html_to_text("<body>x</body><body>y</body><body"), str)
    assert html_to_text("<p>" * 10_000 + "deep").strip() == "deep"


def best_of_three(fn) -> float:
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)  # the least disturbed by other jobs on the machine


def test_linear_sentence_splitter_on_repeated_abbreviations():
    text = "Mr. " * 16_000
    assert sentence_spans(text)
    first = best_of_three(lambda: sentence_spans(text))
    second = best_of_three(lambda: sentence_spans(text * 4))
    assert first < 10  # was 72 s on an idle machine; 0.34 s now
    assert second < max(2.0, first * 10), (first, second)  # 4x the input: ~4x, not ~16x


def test_many_authors_are_capped_and_linear(tmp_path):
    path = tmp_path / "authors.jsonl"
    record = dict(GOOD, authors=[f"Author {i}" for i in range(50_000)])
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    read(jsonl_around(tmp_path, json.dumps(GOOD)))  # the language model loads here, untimed
    t0 = time.perf_counter()
    sources, _ = read(path)
    # 16,000 once took 24 s, 50,000 over 150 s; 0.01 s now (room left for a loaded CI box)
    assert time.perf_counter() - t0 < 10
    assert len(sources[0].authors) == 50


@pytest.mark.parametrize("value", ["2020-01-01T00:00:00+25:00", "0001-01-01T00:00:00+01:00",
                                   "9999-12-31T23:59:59-01:00", 1e308, float("nan"), 10**400,
                                   "1" * 5000, "Mon, 01 Jan 0000 00:00:00 GMT", [], {"a": 1},
                                   # minutes of forty digits: decimal.InvalidOperation in dateutil
                                   # (atheris, 33 of 100,000 date cases, session 9)
                                   "00:" + "8" * 41 + "00:\x000M0\x00", "T00:" + "8" * 44 + "0:0M0"])
def test_date_parser_rejects_out_of_range_values_with_a_date_error(value):
    with pytest.raises(DateError):
        parse_date(value)


def test_text_hygiene_at_the_boundary():
    dirty = "A\ud800B\x00C\u0007D\ufffeE"
    assert scrub(dirty) == "A\ufffdBCDE"
    assert clean(dirty) == "A\ufffdBCDE"
    content_hash(scrub(dirty))  # encodable
    brief = RuleBriefParser().parse("The minister said \udcff the dam opened on Monday.")
    brief.text.encode("utf-8")


def test_a_url_with_a_tab_is_an_input_error_not_a_crash():
    with pytest.raises(InputError, match="cannot hold spaces, tabs"):
        list(read_sources(["http://news.example/a\tb"]))


def test_a_file_name_with_undecodable_bytes(tmp_path):
    name = "d\udcff.jsonl"  # how Python hands over a file name holding byte 0xff
    try:
        path = tmp_path / name
        path.write_text(json.dumps(GOOD) + "\n{bad\n", encoding="utf-8")
    except (UnicodeEncodeError, OSError):
        pytest.skip("this file system cannot hold the name")
    sources, rejected = read(path)
    assert len(sources) == 1 and len(rejected) == 1
    str(rejected[0]).encode("utf-8")
    sources[0].origin.encode("utf-8")


def test_a_small_truncated_gz_is_read_as_far_as_it_goes(tmp_path):
    """Found by fuzzing: a .gz cut inside its first 8 KiB broke the file-kind check."""
    data = gzip.compress((json.dumps(GOOD) + "\n").encode() * 3)
    path = tmp_path / "small.jsonl.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    try:
        out = list(read_sources([str(path)]))
    except InputError as exc:  # nothing readable at all: one line, exit 2
        assert "damaged or truncated" in str(exc)
        return
    assert out and all(isinstance(o, (Source, Rejected)) for o in out)
    assert any(isinstance(o, Rejected) and "damaged" in o.reason for o in out)


@pytest.mark.parametrize("fragment", ["<p>&#x1</p>", "x<br>&#x1", "<div>a&#x2<span></span> </div>",
                                      "<p>a</p>&#x1f<p>b</p>"])
def test_character_references_to_control_characters_in_markup(fragment, tmp_path):
    """``&#x1`` parses into a control character, which lxml refused to have set back: a
    ValueError out of html_to_text (feed summaries) and read_page (found by atheris,
    154 of 100,000 markup cases). Now the text is scrubbed first."""
    assert "\x01" not in html_to_text(fragment) and "\x1f" not in html_to_text(fragment)
    (page,) = read_page(f"<html><body>{fragment}<p>The dam opened.</p></body></html>".encode(),
                        "page.html", ReadOptions())
    assert isinstance(page, Source) and "The dam opened." in page.text
    feed = tmp_path / "feed.xml"
    escaped = fragment.replace("&", "&amp;").replace("<", "&lt;")
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
                    "<link>https://wire.example/</link><item><title>Dam opens</title>"
                    f"<description>{escaped} The dam opened on Monday.</description>"
                    "<link>https://wire.example/1</link></item></channel></rss>", encoding="utf-8")
    sources, rejected = read(feed)
    assert len(sources) + len(rejected) == 1


def damaged_gz(seed: int) -> bytes:
    """A .jsonl.gz with a few bytes changed in the middle of its compressed stream."""
    import random

    rng = random.Random(seed)
    data = bytearray(gzip.compress(b"".join(
        json.dumps({"id": str(i), "title": "Dam", "text": f"The dam opened {i}."}).encode() + b"\n"
        for i in range(1500))))
    for _ in range(rng.randint(1, 5)):
        data[rng.randrange(20, len(data))] = rng.randrange(256)
    return bytes(data)


def test_a_damaged_gz_is_counted_as_unknown_and_named_by_the_reader(tmp_path):
    """The record count `ingest` takes first met zlib.error on a damaged stream: exit 70 before
    the reader could say "damaged or truncated" (24 of 100 damaged files here; found by the
    CLI audit of issue 13). The count is now unknown; the reader names the file."""
    from groundbrief.ingest.census import count_records

    import zlib

    damaged = 0
    for seed in range(30):
        path = tmp_path / f"dump{seed}.jsonl.gz"
        path.write_bytes(damaged_gz(seed))
        count_records([str(path)])  # never raises
        try:
            gzip.decompress(path.read_bytes())
        except (OSError, EOFError):
            pass  # a bad CRC or a cut end: the records read are kept
        except zlib.error:  # damaged mid-stream
            damaged += 1
            if damaged <= 2:  # the reader keeps the records before the damage, then says so
                with pytest.raises(InputError, match="damaged or truncated") as caught:
                    list(read_sources([str(path)]))
                assert path.name in str(caught.value)
    assert damaged  # some of them are damaged past what zlib can read
