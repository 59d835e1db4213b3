"""Fetching URLs for ingest, with a guard against server-side request forgery (SSRF).

A URL given to ``groundbrief ingest`` may come from a brief, a feed or a web form, so before every
request (and every redirect hop) its host is resolved and refused when any address is private,
loopback, link-local, multicast, reserved or otherwise not globally routable: otherwise a feed
could make the server read ``http://169.254.169.254/`` (cloud credentials) or an intranet page.

Remaining gap, stated plainly: the address is checked, then httpx resolves the name again to
connect, so a DNS server that answers differently the second time (DNS rebinding) can still
slip through. Closing it needs a transport that connects to the checked address.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from .. import __version__
from ..errors import InputError
from .options import ReadOptions

USER_AGENT = f"groundbrief/{__version__} (+source-grounded explainers)"
MAX_REDIRECTS = 5
_ROBOTS_MAX_BYTES = 512 * 1024

Resolver = Callable[[str], list[str]]


def resolve_host(host: str) -> list[str]:
    """Every address ``host`` resolves to (IPv4 and IPv6)."""
    infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    return sorted({info[4][0] for info in infos})


def forbidden_address(address: str) -> bool:
    """True for any address that is not a public unicast one."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
            or ip.is_reserved or ip.is_unspecified or not ip.is_global)


def check_url(url: str, *, allow_private: bool = False, resolve: Resolver = resolve_host) -> None:
    """Raise :class:`InputError` unless ``url`` is http(s) and its host is public."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError as exc:
        raise InputError(f"{url}: not a valid URL ({exc}); check the address") from exc
    if parts.scheme.lower() not in ("http", "https"):
        raise InputError(f"{url}: only http and https URLs can be fetched; give a web address "
                         "or a local file path")
    if not host:
        raise InputError(f"{url}: the URL has no host; check the address")
    if allow_private:
        return
    try:
        addresses = [str(ipaddress.ip_address(host))]
    except ValueError:
        try:
            addresses = resolve(host)
        except (OSError, UnicodeError) as exc:
            raise InputError(f"{url}: cannot resolve host {host!r}; check the address and "
                             "your connection") from exc
    if not addresses:
        raise InputError(f"{url}: host {host!r} has no address; check the address")
    for address in addresses:
        if forbidden_address(address):
            raise InputError(f"{url}: host {host!r} is a private, loopback or link-local "
                             f"address ({address}); only public web addresses are fetched")


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content_type: str  # media type only, lowercase, no parameters
    data: bytes


class Fetcher:
    """GET with timeouts, a size cap, redirects re-checked hop by hop, and robots.txt."""

    def __init__(self, options: ReadOptions, client: httpx.Client | None = None,
                 resolve: Resolver = resolve_host):
        self.options = options
        self.resolve = resolve
        self._client = client
        self._owns_client = client is None
        self._robots: dict[str, object | None] = {}

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            timeout_s = self.options.timeout_s
            self._client = httpx.Client(
                timeout=httpx.Timeout(timeout_s, connect=min(5.0, timeout_s)),
                headers={"User-Agent": USER_AGENT},
            )
        return self._client

    def close(self) -> None:
        """Close the HTTP client if this fetcher made it (a caller's client stays open)."""
        if self._owns_client and self._client is not None:
            self._client.close()
            self._client = None

    def fetch(self, url: str) -> Fetched:
        check_url(url, allow_private=self.options.allow_private, resolve=self.resolve)
        if self.options.respect_robots and not self._robots_allow(url):
            raise InputError(f"{url}: the site's robots.txt disallows fetching this page; "
                             "save the page yourself and ingest the file")
        return self._get(url, self.options.max_bytes)

    def _get(self, url: str, max_bytes: int) -> Fetched:
        for _ in range(MAX_REDIRECTS + 1):
            check_url(url, allow_private=self.options.allow_private, resolve=self.resolve)
            try:
                with self.client.stream("GET", url, follow_redirects=False,
                                        headers={"User-Agent": USER_AGENT}) as response:
                    if response.is_redirect:
                        location = response.headers.get("location", "")
                        if not location:
                            raise InputError(f"{url}: redirect without a Location; check the "
                                             "address")
                        url = urljoin(url, location)
                        continue
                    if response.status_code >= 400:
                        raise InputError(f"{url}: the server answered HTTP "
                                         f"{response.status_code}; check the address")
                    data = _read_capped(response, url, max_bytes)
                    ctype = response.headers.get("content-type", "")
                    return Fetched(str(response.url), ctype.split(";")[0].strip().lower(), data)
            except httpx.HTTPError as exc:
                raise InputError(f"{url}: cannot fetch ({type(exc).__name__}: {exc}); check "
                                 "the address and your connection") from exc
        raise InputError(f"{url}: more than {MAX_REDIRECTS} redirects; give the final address")

    def _robots_allow(self, url: str) -> bool:
        # Only a robots.txt that was actually read can forbid a page; a missing or unreadable
        # one allows it, as most crawlers do.
        try:
            from protego import Protego
        except ImportError:
            return True
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root not in self._robots:
            try:
                got = self._get(root + "/robots.txt", _ROBOTS_MAX_BYTES)
                text = got.data.decode("utf-8", errors="replace")
                self._robots[root] = Protego.parse(text) if got.content_type.startswith(
                    "text/plain") or not got.content_type else None
            except InputError:
                self._robots[root] = None
        rules = self._robots[root]
        return rules is None or rules.can_fetch(url, USER_AGENT)  # type: ignore[attr-defined]


def _read_capped(response: httpx.Response, url: str, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise InputError(f"{url}: {int(declared) // 1024} KiB is over the {max_bytes // 1024} KiB "
                         "limit for one page or feed; save it and split it")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise InputError(f"{url}: over the {max_bytes // 1024} KiB limit for one page or "
                             "feed; save it and split it")
        chunks.append(chunk)
    return b"".join(chunks)
