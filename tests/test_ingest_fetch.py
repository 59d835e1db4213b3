"""Fetching URLs for ingest: content-type dispatch, redirects, size cap, robots.txt, SSRF guard.

HTTP goes through ``httpx.MockTransport`` and DNS through a recorded table (the network edge);
one test talks to a real server on 127.0.0.1 to show the ``allow_private`` opt-in.
"""

from __future__ import annotations

import http.server
import threading
from pathlib import Path

import httpx
import pytest

from groundbrief.errors import InputError
from groundbrief.ingest import (
    LocationReader,
    ReadOptions,
    check_url,
    forbidden_address,
    read_sources,
    resolve_host,
)
from groundbrief.interfaces import Rejected
from groundbrief.models import Source

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
PUBLIC = "93.184.216.34"
DNS = {
    "news.example": [PUBLIC],
    "harbour.example": [PUBLIC],
    "gazette.example": [PUBLIC],
    "rebind.example": ["127.0.0.1"],
    "mixed.example": [PUBLIC, "10.1.2.3"],
    "mapped.example": ["::ffff:127.0.0.1"],
}


def resolve(host: str) -> list[str]:
    if host not in DNS:
        raise OSError(f"unknown host {host}")
    return DNS[host]


class Site:
    """A recorded web site: path → (status, headers, body); records every request it gets."""

    def __init__(self, pages: dict[str, tuple[int, dict[str, str], bytes]]):
        self.pages = pages
        self.requests: list[str] = []

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(str(request.url))
        key = f"{request.url.host}{request.url.path}"
        status, headers, body = self.pages.get(key, (404, {}, b"not found"))
        return httpx.Response(status, headers=headers, content=body)

    def client(self) -> httpx.Client:
        return httpx.Client(transport=httpx.MockTransport(self.handler))


HTML = {"content-type": "text/html; charset=utf-8"}
RSS = {"content-type": "application/rss+xml"}


def read(urls, site, **kwargs):
    options = ReadOptions(host_interval_s=0.0, **kwargs)
    return list(read_sources(urls, client=site.client(), resolve=resolve, options=options))


def test_fetched_page_uses_its_canonical_url_on_the_same_host():
    site = Site({"gazette.example/news/bridge": (200, HTML, (FIXTURES / "page.html").read_bytes())})
    (page,) = read(["https://gazette.example/news/bridge"], site)
    assert isinstance(page, Source)
    assert page.url == "https://gazette.example/news/bridge-reopens"
    assert page.origin == "https://gazette.example/news/bridge"
    assert page.title == "Bridge reopens after repairs"


def test_fetched_page_claiming_another_sites_canonical_url_keeps_its_own():
    site = Site({"news.example/copy": (200, HTML, (FIXTURES / "page.html").read_bytes())})
    (page,) = read(["https://news.example/copy?utm_source=x"], site)
    assert page.url == "https://news.example/copy"


def test_fetched_feed_by_content_type_and_by_sniffing():
    feed = (FIXTURES / "feed.rss").read_bytes()
    site = Site({"harbour.example/rss": (200, RSS, feed),
                 # Mislabelled as HTML: the <rss> root decides.
                 "harbour.example/feed.php": (200, HTML, feed)})
    for url in ("https://harbour.example/rss", "https://harbour.example/feed.php"):
        items = read([url], site)
        titles = [i.title for i in items if isinstance(i, Source)]
        assert titles == ["Port strike ends after pay deal", "Ferry service resumes"]
        assert sum(isinstance(i, Rejected) for i in items) == 1


def test_fetched_non_xml_feed_is_refused():
    site = Site({"news.example/feed": (200, RSS, b'{"items": []}')})
    with pytest.raises(InputError, match="not an RSS/Atom feed"):
        read(["https://news.example/feed"], site)


def test_unsupported_content_type_is_refused():
    site = Site({"news.example/report.pdf": (200, {"content-type": "application/pdf"},
                                             b"%PDF-1.4 ...")})
    with pytest.raises(InputError, match="neither an HTML page nor an RSS/Atom feed"):
        read(["https://news.example/report.pdf"], site)


def test_http_error_status_is_an_input_error():
    with pytest.raises(InputError, match="HTTP 404"):
        read(["https://news.example/missing"], Site({}))


def test_redirects_are_followed_and_checked_at_every_hop():
    page = (FIXTURES / "page.html").read_bytes()
    site = Site({
        "news.example/short": (301, {"location": "https://gazette.example/news/bridge"}, b""),
        "gazette.example/news/bridge": (200, HTML, page),
        "news.example/evil": (302, {"location": "http://169.254.169.254/latest/meta-data/"}, b""),
        "news.example/rebind": (302, {"location": "http://rebind.example/admin"}, b""),
    })
    (ok,) = read(["https://news.example/short"], site)
    assert ok.title == "Bridge reopens after repairs"
    for start in ("https://news.example/evil", "https://news.example/rebind"):
        with pytest.raises(InputError, match="private, loopback or link-local"):
            read([start], site)
    # The guard refused before any request reached the private hosts.
    assert not [u for u in site.requests if "169.254" in u or "rebind.example" in u]


def test_redirect_loop_stops():
    site = Site({"news.example/a": (302, {"location": "/b"}, b""),
                 "news.example/b": (302, {"location": "/a"}, b"")})
    with pytest.raises(InputError, match="redirects"):
        read(["https://news.example/a"], site)


def test_size_cap_by_header_and_by_body():
    big = b"<html><body>" + b"x" * 5000 + b"</body></html>"
    site = Site({"news.example/declared": (200, {**HTML, "content-length": str(len(big))}, big),
                 "news.example/streamed": (200, HTML, big)})
    reader = LocationReader(ReadOptions(max_bytes=1000, host_interval_s=0.0), client=site.client(), resolve=resolve)
    for url in ("https://news.example/declared", "https://news.example/streamed"):
        with pytest.raises(InputError, match="limit"):
            list(reader.read(url))


def test_robots_txt_disallow_is_respected():
    robots = b"User-agent: *\nDisallow: /private/\n"
    site = Site({"news.example/robots.txt": (200, {"content-type": "text/plain"}, robots),
                 "news.example/private/page": (200, HTML, (FIXTURES / "page.html").read_bytes())})
    with pytest.raises(InputError, match="robots.txt"):
        read(["https://news.example/private/page"], site)
    assert "https://news.example/private/page" not in site.requests


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/",
    "http://10.0.0.1/feed.xml",
    "http://169.254.169.254/latest/meta-data/",
    "http://[::1]:8000/",
    "http://rebind.example/",  # a hostname that resolves to loopback
    "http://mixed.example/",  # one private address among public ones is enough to refuse
    "http://mapped.example/",  # IPv4-mapped IPv6 loopback
    "http://0.0.0.0/",
    "http://224.0.0.1/",
    "http://100.64.0.1/",  # carrier-grade NAT, not globally routable
])
def test_ssrf_guard_refuses_non_public_addresses(url):
    site = Site({})
    with pytest.raises(InputError, match="private, loopback or link-local"):
        read([url], site)
    assert site.requests == []


def test_ssrf_guard_with_the_real_resolver_refuses_localhost():
    with pytest.raises(InputError, match="private, loopback or link-local"):
        check_url("http://localhost:8080/", resolve=resolve_host)


def test_unresolvable_host_is_an_input_error():
    with pytest.raises(InputError, match="cannot resolve host"):
        read(["https://no-such-host.example/"], Site({}))


def test_forbidden_address_classification():
    assert not forbidden_address(PUBLIC)
    assert not forbidden_address("2606:4700:4700::1111")
    for address in ("127.0.0.1", "10.0.0.1", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                    "::1", "fe80::1%eth0", "fc00::1", "::ffff:10.0.0.1", "255.255.255.255"):
        assert forbidden_address(address), address


class _FeedHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's naming
        body = (FIXTURES / "feed.rss").read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # keep test output quiet
        pass


@pytest.fixture
def local_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _FeedHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_local_server_is_refused_unless_private_addresses_are_allowed(local_server):
    with pytest.raises(InputError, match="private, loopback or link-local"):
        list(read_sources([local_server + "/feed.xml"]))
    items = list(read_sources([local_server + "/feed.xml"], allow_private=True))
    assert [i.title for i in items if isinstance(i, Source)] == [
        "Port strike ends after pay deal", "Ferry service resumes"]
