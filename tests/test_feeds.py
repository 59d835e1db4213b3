"""Feeds of the latest explainers, from the server and from the static site: RSS and Atom
parse cleanly in feedparser (bozo 0), JSON Feed has what version 1.1 requires."""

from __future__ import annotations

import html
import json

import feedparser
import pytest
from fastapi.testclient import TestClient

from groundbrief.config import Settings
from groundbrief.runtime import open_store
from groundbrief.web import WebSettings, build_site, create_app

from .fixtures.web.seed import seeded_site


@pytest.fixture(scope="module")
def site(tmp_path_factory, demo_home, demo_briefs, pipeline_factory):
    return seeded_site(tmp_path_factory, demo_home, demo_briefs, pipeline_factory)


@pytest.fixture(scope="module")
def client(site):
    web = WebSettings(base_url="http://news.test/")
    with TestClient(create_app(Settings(home=site.home), web), base_url="http://news.test") as c:
        yield c


@pytest.fixture(scope="module")
def static_feeds(site, tmp_path_factory):
    out = tmp_path_factory.mktemp("static-feeds")
    with open_store(Settings(home=site.home)) as store:
        build_site(store, out, base_url="https://news.example.org/")
    return out / "feeds"


def check_xml_feed(body: bytes, site, link_prefix: str) -> None:
    parsed = feedparser.parse(body)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.feed.title
    ids = set(site.explainers.values())
    assert len(parsed.entries) == len(ids)
    for entry in parsed.entries:
        assert entry.link.startswith(link_prefix)
        assert entry.title and entry.get("published_parsed") and entry.id
        assert "Claims checked" in entry.summary
    # The hostile headline is text in the feed, so a reader shows the tag, never runs it.
    # RSS titles and descriptions are HTML-escaped text (feedparser reports them as HTML that
    # shows the tag as characters); Atom's are typed text.
    shown = []
    for entry in parsed.entries:
        fields = [(entry.title, entry.title_detail)]
        if "summary_detail" in entry:
            fields.append((entry.summary, entry.summary_detail))
        for value, detail in fields:
            if detail.type == "text/html":
                assert "<script" not in value and "<img" not in value, value
                value = html.unescape(value)
            shown.append(value)
    assert any("<script>" in t for t in shown)


@pytest.mark.parametrize("path", ["/feeds/rss.xml", "/feeds/atom.xml"])
def test_server_xml_feeds(client, site, path):
    r = client.get(path)
    assert r.status_code == 200 and "xml" in r.headers["content-type"]
    check_xml_feed(r.content, site, "http://news.test/explainers/")


@pytest.mark.parametrize("name", ["rss.xml", "atom.xml"])
def test_static_xml_feeds(static_feeds, site, name):
    check_xml_feed((static_feeds / name).read_bytes(), site, "https://news.example.org/explainers/")


def check_json_feed(feed: dict, site, link_prefix: str) -> None:
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"]
    assert feed["feed_url"].endswith("/feeds/feed.json")
    assert len(feed["items"]) == len(set(site.explainers.values()))
    for item in feed["items"]:
        assert item["id"] and (item.get("content_html") or item.get("content_text"))
        assert item["url"].startswith(link_prefix)
        assert item["date_modified"].endswith("Z")
    hostile = [i for i in feed["items"] if "<script>" in i["title"]]
    assert hostile and all("<script>" not in i["content_html"] for i in hostile)


def test_server_json_feed(client, site):
    r = client.get("/feeds/feed.json")
    assert r.headers["content-type"].startswith("application/feed+json")
    check_json_feed(r.json(), site, "http://news.test/explainers/")


def test_static_json_feed(static_feeds, site):
    check_json_feed(json.loads((static_feeds / "feed.json").read_text("utf-8")), site,
                    "https://news.example.org/explainers/")


def test_feeds_list_newest_first(client):
    feed = client.get("/feeds/feed.json").json()
    dates = [i["date_modified"] for i in feed["items"]]
    assert dates == sorted(dates, reverse=True)
    rss = feedparser.parse(client.get("/feeds/rss.xml").content)
    # RSS titles are HTML-escaped text: what a reader shows is the unescaped title
    shown = [html.unescape(e.title) if e.title_detail.type == "text/html" else e.title
             for e in rss.entries]
    assert shown == [i["title"] for i in feed["items"]]


def test_feed_links_come_from_the_configured_address_not_the_host_header(client):
    for path in ("/feeds/rss.xml", "/feeds/atom.xml", "/feeds/feed.json"):
        body = client.get(path, headers={"Host": "evil.example"}).text
        assert "evil.example" not in body, path
        assert "http://news.test/explainers/" in body, path


def test_rss_items_show_markup_as_text_in_a_reader_that_renders_html(client):
    """Read as a feed reader does: XML-decode, then treat title/description as HTML. No element
    other than the ones we wrote may appear; the hostile headline stays characters."""
    import xml.etree.ElementTree as ET

    from html.parser import HTMLParser

    class Tags(HTMLParser):
        def __init__(self):
            super().__init__()
            self.tags = []

        def handle_starttag(self, tag, attrs):
            self.tags.append(tag)

    root = ET.fromstring(client.get("/feeds/rss.xml").content)
    items = root.findall("./channel/item")
    assert items
    for item in items:
        for field in ("title", "description"):
            parser = Tags()
            parser.feed(item.findtext(field) or "")
            assert parser.tags == [], (field, item.findtext(field))
