"""Polite and guarded fetching against a real HTTP server on 127.0.0.1.

The server is allowed by name ("desk.test", resolved by a recorded table to 127.0.0.1) through
the ``allowed_hosts`` setting, as an intranet host would be; the raw address 127.0.0.1 stays
forbidden, so redirects to it are refused as a hostile feed's would be.
"""

from __future__ import annotations

import socket
import time

import pytest

from groundbrief.errors import InputError
from groundbrief.ingest import LocationReader, ReadOptions, forbidden_address
from groundbrief.ingest.fetch import USER_AGENT, Fetcher, check_url, decode_markup
from groundbrief.models import Source

from .livesite import LiveSite, Reply, article_html

HOST = "desk.test"


def resolve(host: str) -> list[str]:
    if host == HOST:
        return ["127.0.0.1"]
    raise OSError(f"unknown host {host}")


def options(**kw) -> ReadOptions:
    base = dict(allowed_hosts=frozenset({HOST}), host_interval_s=0.0, deadline_s=10.0,
                timeout_s=5.0)
    base.update(kw)
    return ReadOptions(**base)


@pytest.fixture
def site():
    with LiveSite() as s:
        yield s


def read(site: LiveSite, path: str, **kw) -> list:
    with LocationReader(options(**kw), resolve=resolve) as reader:
        return list(reader.read(site.url(path, HOST)))


ORBAN = ["Viktor Orbán said on Monday that the budget would pass before the summer recess.",
         "The Hungarian prime minister spoke in Budapest after a meeting with mayors from "
         "across the country, where Orbán promised new funds for schools and hospitals."]


@pytest.mark.parametrize("header,declare", [
    ("text/html; charset=ISO-8859-1", False),  # the HTTP header names the charset
    ("text/html", True),  # only the page's <meta charset> does
    ("text/html", False),  # nothing does: UTF-8 fails, the guess decides
])
def test_latin1_page_keeps_its_accents(site, header, declare):
    body = article_html("Orbán promises funds", ORBAN, charset="iso-8859-1", declare=declare)
    site.routes["/hu"] = Reply(body=body, content_type=header)
    (source,) = read(site, "/hu")
    assert isinstance(source, Source)
    assert source.title == "Orbán promises funds"
    assert "Viktor Orbán said" in source.text
    assert "\ufffd" not in source.text and "Ã" not in source.text


def test_decoding_order_prefers_bom_then_header_then_declaration():
    text = "Orbán"
    assert decode_markup(codecs_bom(text), "iso-8859-1") == text
    assert decode_markup(text.encode("cp1252"), "windows-1252") == text
    assert decode_markup(b'<meta charset="latin1">' + text.encode("latin-1")).endswith(text)
    # A wrong header is outvoted when the bytes cannot be in that charset.
    assert decode_markup(text.encode("utf-8"), "us-ascii") in (text, "OrbÃ¡n")


def codecs_bom(text: str) -> bytes:
    import codecs

    return codecs.BOM_UTF8 + text.encode("utf-8")


def test_requests_identify_groundbrief(site):
    site.routes["/a"] = Reply(body=article_html("A page", ORBAN))
    read(site, "/a")
    assert {r.headers.get("user-agent") for r in site.requests} == {USER_AGENT}
    assert "groundbrief/" in USER_AGENT


def test_connection_goes_to_the_checked_address_without_a_second_lookup(site, monkeypatch):
    looked_up: list[str] = []
    real = socket.getaddrinfo

    def spy(host, *args, **kwargs):
        looked_up.append(str(host))
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", spy)
    calls: list[str] = []

    def counting_resolve(host: str) -> list[str]:
        calls.append(host)
        return resolve(host)

    site.routes["/a"] = Reply(body=article_html("A page", ORBAN))
    with LocationReader(options(respect_robots=False), resolve=counting_resolve) as reader:
        (source,) = list(reader.read(site.url("/a", HOST)))
    assert source.title == "A page"
    assert calls == [HOST]  # resolved once, by the guard
    assert HOST not in looked_up  # the HTTP library never resolved the name itself
    assert site.requests[0].host == f"{HOST}:{site.port}"  # name kept for the Host header


def test_unpinned_host_is_never_connected(site):
    fetcher = Fetcher(options(), resolve=resolve)
    try:
        fetcher.client  # noqa: B018
        import httpx

        with pytest.raises(httpx.ConnectError, match="not checked"):
            fetcher.client.get(site.url("/a", "localhost"))
    finally:
        fetcher.close()
    assert site.requests == []


def test_redirect_to_a_private_address_is_refused_before_any_request(site):
    site.routes["/go"] = Reply(302, headers={"Location": site.url("/secret")})
    site.routes["/meta"] = Reply(302, headers={"Location": "http://169.254.169.254/latest/"})
    site.routes["/six"] = Reply(302, headers={"Location": "http://[2002:7f00:1::]/admin"})
    for path in ("/go", "/meta", "/six"):
        with pytest.raises(InputError, match="private, loopback or link-local"):
            read(site, path)
    assert site.hits("/secret") == 0


def test_redirects_within_an_allowed_host_are_followed_and_limited(site):
    site.routes["/old"] = Reply(301, headers={"Location": "/new"})
    site.routes["/new"] = Reply(body=article_html("Moved page", ORBAN))
    (source,) = read(site, "/old")
    assert source.title == "Moved page"
    for i in range(8):
        site.routes[f"/loop{i}"] = Reply(302, headers={"Location": f"/loop{i + 1}"})
    with pytest.raises(InputError, match="redirects"):
        read(site, "/loop0")


@pytest.mark.parametrize("address", [
    "2002:7f00:1::",  # 6to4 of 127.0.0.1
    "2002:a9fe:a9fe::1",  # 6to4 of 169.254.169.254
    "2001:0:4136:e378:8000:63bf:80ff:fffe",  # Teredo, client 127.0.0.1
    "64:ff9b::a9fe:a9fe",  # NAT64 of the metadata address
    "64:ff9b::7f00:1",
    "::ffff:169.254.169.254",  # IPv4-mapped
    "::7f00:1",  # IPv4-compatible
])
def test_ipv6_forms_of_private_addresses_are_refused(address):
    assert forbidden_address(address)
    with pytest.raises(InputError, match="private"):
        check_url(f"http://[{address}]/", resolve=resolve)


def test_public_6to4_address_is_allowed():
    assert not forbidden_address("2002:5db8:d822::1")  # 6to4 of 93.184.216.34


def test_named_host_is_allowed_but_the_raw_address_is_not(site):
    assert check_url(site.url("/", HOST), resolve=resolve,
                     allowed_hosts=frozenset({HOST})) == ["127.0.0.1"]
    with pytest.raises(InputError, match="fetch_allowed_hosts"):
        check_url(site.url("/"), resolve=resolve, allowed_hosts=frozenset({HOST}))


def test_allowed_domain_covers_its_hosts_only():
    def any_local(host: str) -> list[str]:
        return ["10.0.0.7"]

    domain = frozenset({".intranet.test"})
    assert check_url("http://wiki.intranet.test/", resolve=any_local, allowed_hosts=domain)
    for url in ("http://intranet.test.evil.example/", "http://evilintranet.test/"):
        with pytest.raises(InputError, match="private"):
            check_url(url, resolve=any_local, allowed_hosts=domain)


def test_url_with_a_tab_is_an_input_error():
    with pytest.raises(InputError, match="spaces or control characters"):
        check_url("http://desk.test/a\tb", resolve=resolve, allowed_hosts=frozenset({HOST}))


def test_trickling_server_is_cut_off_at_the_deadline(site):
    site.routes["/slow"] = Reply(body=article_html("Slow", ORBAN), trickle_s=0.2)
    start = time.monotonic()
    with pytest.raises(InputError, match="longer than 1 s"):
        read(site, "/slow", deadline_s=1.0, respect_robots=False)
    assert time.monotonic() - start < 6.0  # the body alone would take 60 s


def test_stalled_server_times_out(site):
    site.routes["/stall"] = Reply(body=b"x", stall_s=2.0)
    with pytest.raises(InputError, match="did not answer|longer than"):
        read(site, "/stall", timeout_s=0.5, respect_robots=False)


def test_huge_body_is_refused(site):
    site.routes["/huge"] = Reply(body=b"<html><body>" + b"a" * 3_000_000 + b"</body></html>")
    with pytest.raises(InputError, match="limit for one page or feed"):
        read(site, "/huge", max_bytes=1_000_000)


def test_binary_content_type_is_refused_before_download(site):
    site.routes["/photo"] = Reply(body=b"\x89PNG" + b"\x00" * 500_000, content_type="image/png")
    with pytest.raises(InputError, match="neither an HTML page nor an RSS/Atom feed"):
        read(site, "/photo")


def test_requests_to_one_host_are_spaced(site):
    site.routes["/a"] = Reply(body=article_html("A", ORBAN))
    site.routes["/b"] = Reply(body=article_html("B", ORBAN))
    with LocationReader(options(host_interval_s=0.4, respect_robots=False),
                        resolve=resolve) as reader:
        list(reader.read(site.url("/a", HOST)))
        list(reader.read(site.url("/b", HOST)))
    first, second = site.requests
    assert second.at - first.at >= 0.35


def test_robots_txt_disallow_and_crawl_delay(site):
    site.routes["/robots.txt"] = Reply(
        body=b"User-agent: *\nCrawl-delay: 0.5\nDisallow: /private/\n",
        content_type="text/plain")
    site.routes["/private/x"] = Reply(body=article_html("Private", ORBAN))
    site.routes["/a"] = Reply(body=article_html("A", ORBAN))
    site.routes["/b"] = Reply(body=article_html("B", ORBAN))
    with LocationReader(options(), resolve=resolve) as reader:
        with pytest.raises(InputError, match="robots.txt"):
            list(reader.read(site.url("/private/x", HOST)))
        list(reader.read(site.url("/a", HOST)))
        list(reader.read(site.url("/b", HOST)))
    assert site.hits("/private/x") == 0
    assert site.hits("/robots.txt") == 1
    times = [r.at for r in site.requests]
    assert all(b - a >= 0.45 for a, b in zip(times, times[1:]))


def test_conditional_get_gets_not_modified(site):
    site.routes["/feed"] = Reply(body=b"<rss/>", content_type="application/rss+xml",
                                 etag='"v1"', last_modified="Mon, 30 Nov 2026 10:00:00 GMT")
    fetcher = Fetcher(options(respect_robots=False), resolve=resolve)
    try:
        first = fetcher.fetch(site.url("/feed", HOST))
        again = fetcher.fetch(site.url("/feed", HOST), etag=first.etag,
                              last_modified=first.last_modified)
    finally:
        fetcher.close()
    assert first.status == 200 and first.etag == '"v1"'
    assert again.not_modified and again.data == b""
    assert site.requests[1].headers["if-none-match"] == '"v1"'
