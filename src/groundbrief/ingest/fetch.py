"""Polite and guarded HTTP GET for ingest and feed refresh.

Order of work for one fetch: check the URL (scheme, host) → resolve the host once and refuse
any address that is not public (server-side request forgery guard; hosts named in
``allowed_hosts`` skip the address check, for tests and intranets) → robots.txt of the site
(read once per fetcher, through this same path) → wait for the host's turn (per-host interval,
or the site's Crawl-delay when longer) → GET with an identifying User-Agent, connecting to the
address that was checked, never resolving the name a second time → a redirect goes back to the
first step, at most ``MAX_REDIRECTS`` times → the content type is checked before the body is
read → the body is read up to ``max_bytes`` and within the overall deadline.

Why the connection is pinned: resolving, checking, then letting the HTTP library resolve the
name again to connect leaves a window in which a DNS server answers differently the second
time (DNS rebinding). :class:`PinnedTransport` connects to the checked address only, and
refuses a host it was not given an address for.

Why embedded IPv4 addresses are unpacked: 6to4 (``2002::/16``), Teredo (``2001::/32``), NAT64
(``64:ff9b::/96``) and IPv4-mapped or -compatible IPv6 addresses carry an IPv4 address that a
gateway may route to; ``2002:7f00:1::`` is loopback in disguise.
"""

from __future__ import annotations

import codecs
import ipaddress
import re
import socket
import ssl
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from .. import __version__
from ..errors import InputError
from .options import ReadOptions

USER_AGENT = f"groundbrief/{__version__} (source-grounded explainers; honours robots.txt)"
MAX_REDIRECTS = 5
_ROBOTS_MAX_BYTES = 512 * 1024
_DNS_TIMEOUT_S = 5.0
# Media types a page or feed may carry; anything else (images, PDFs, video) is refused before
# its body is downloaded.
READABLE_TYPES = frozenset({
    "text/html", "application/xhtml+xml", "text/xml", "application/xml",
    "application/rss+xml", "application/atom+xml", "application/rdf+xml",
    "application/feed+xml", "text/plain", "application/json", "application/feed+json", "",
})
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")

Resolver = Callable[[str], list[str]]


def resolve_host(host: str) -> list[str]:
    """Every address ``host`` resolves to (IPv4 and IPv6), within a few seconds."""
    # getaddrinfo has no timeout of its own; a stuck resolver must not outlast the deadline.
    pool = ThreadPoolExecutor(max_workers=1)
    try:
        infos = pool.submit(socket.getaddrinfo, host, None, type=socket.SOCK_STREAM).result(
            timeout=_DNS_TIMEOUT_S)
    except FutureTimeout:
        raise OSError(f"no DNS answer for {host} within {_DNS_TIMEOUT_S:.0f} s") from None
    finally:
        pool.shutdown(wait=False)
    # IPv4 first: many hosts have no IPv6 route, and the pinned connection tries in this order.
    return sorted({info[4][0] for info in infos},
                  key=lambda a: (ipaddress.ip_address(a.split("%", 1)[0]).version, a))


def forbidden_address(address: str) -> bool:
    """True for any address that is not a public unicast one, including IPv4 addresses
    embedded in IPv6 (mapped, compatible, 6to4, Teredo, NAT64)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id
    for inner in _embedded_ipv4(ip):
        if forbidden_address(str(inner)):
            return True
    return (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
            or ip.is_reserved or ip.is_unspecified or not ip.is_global)


def _embedded_ipv4(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    if not isinstance(ip, ipaddress.IPv6Address):
        return []
    out: list[ipaddress.IPv4Address] = []
    if ip.ipv4_mapped is not None:
        out.append(ip.ipv4_mapped)
    if ip.sixtofour is not None:
        out.append(ip.sixtofour)
    if ip.teredo is not None:
        out.extend(ip.teredo)  # (server, client): either may be the real target
    if any(ip in net for net in _NAT64) or (ip in _IPV4_COMPATIBLE and int(ip) > 1):
        out.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return out


def check_url(url: str, *, allow_private: bool = False, resolve: Resolver = resolve_host,
              allowed_hosts: frozenset[str] = frozenset()) -> list[str]:
    """The addresses to connect to for ``url``; :class:`InputError` unless it is http(s) and
    every address of its host is public (or the host is in ``allowed_hosts``)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError as exc:
        raise InputError(f"{url}: not a valid URL ({exc}); check the address") from exc
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        raise InputError(f"{url!r}: a URL cannot contain spaces or control characters; "
                         "check the address")
    if parts.scheme.lower() not in ("http", "https"):
        raise InputError(f"{url}: only http and https URLs can be fetched; give a web address "
                         "or a local file path")
    if not host:
        raise InputError(f"{url}: the URL has no host; check the address")
    host = host.lower().rstrip(".")
    try:
        addresses = [str(ipaddress.ip_address(host.split("%", 1)[0]))]
    except ValueError:
        try:
            addresses = list(resolve(host))
        except (OSError, UnicodeError) as exc:
            raise InputError(f"{url}: cannot resolve host {host!r}; check the address and "
                             "your connection") from exc
    if not addresses:
        raise InputError(f"{url}: host {host!r} has no address; check the address")
    if allow_private or host_allowed(host, allowed_hosts):
        return addresses
    for address in addresses:
        if forbidden_address(address):
            raise InputError(f"{url}: host {host!r} is a private, loopback or link-local "
                             f"address ({address}); only public web addresses are fetched "
                             "(an intranet host can be allowed with the fetch_allowed_hosts "
                             "setting)")
    return addresses


def host_allowed(host: str, allowed_hosts: frozenset[str]) -> bool:
    """``host`` is named in ``allowed_hosts``, or lies under an entry that starts with a dot
    (".intranet.example" allows every host of that domain)."""
    if host in allowed_hosts:
        return True
    return any(entry.startswith(".") and host.endswith(entry) for entry in allowed_hosts)


# ---------------------------------------------------------------- pinned connections


class _PinnedBackend(httpcore.SyncBackend):
    """Opens TCP connections to the address checked for a host, never to a fresh lookup."""

    def __init__(self) -> None:
        self._pins: dict[str, list[str]] = {}
        self._lock = threading.Lock()

    def pin(self, host: str, addresses: list[str]) -> None:
        with self._lock:
            self._pins[host.lower().rstrip(".")] = list(addresses)

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None, socket_options=None):
        with self._lock:
            addresses = self._pins.get(host.lower().rstrip("."))
        if not addresses:
            raise httpcore.ConnectError(f"{host} was not checked before connecting; refused")
        error: Exception | None = None
        for address in addresses:  # every one of them was checked
            try:
                return super().connect_tcp(address, port, timeout=timeout,
                                           local_address=local_address,
                                           socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        assert error is not None
        raise error


class PinnedTransport(httpx.HTTPTransport):
    """An HTTP transport that connects only to addresses given with :meth:`pin`.

    Environment proxies are not used: a proxy would resolve the name itself.
    """

    def __init__(self) -> None:
        super().__init__(trust_env=False)
        self.backend = _PinnedBackend()
        self._pool.close()
        try:
            import certifi

            context = ssl.create_default_context(cafile=certifi.where())
        except ImportError:  # certifi comes with httpx; the system store is the fallback
            context = ssl.create_default_context()
        self._pool = httpcore.ConnectionPool(
            ssl_context=context, max_connections=20, max_keepalive_connections=10,
            keepalive_expiry=5.0, network_backend=self.backend,
        )

    def pin(self, host: str, addresses: list[str]) -> None:
        self.backend.pin(host, addresses)


# ---------------------------------------------------------------- politeness


class HostPacer:
    """At most one request per ``interval_s`` to each host (longer when robots.txt asks)."""

    def __init__(self, interval_s: float, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic):
        self.interval_s = interval_s
        self._sleep = sleep
        self._clock = clock
        self._next: dict[str, float] = {}
        self._delay: dict[str, float] = {}
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def set_delay(self, host: str, seconds: float) -> None:
        with self._lock:
            self._delay[host] = seconds
            last = self._last.get(host)
            if last is not None:  # the request that read robots.txt counts too
                self._next[host] = max(self._next.get(host, last), last + seconds)

    def wait(self, host: str, deadline: float | None = None) -> None:
        with self._lock:
            now = self._clock()
            start = max(now, self._next.get(host, now))
            gap = max(self.interval_s, self._delay.get(host, 0.0))
            if deadline is not None and start > now and start > deadline:
                raise InputError(f"{host}: the next polite request to this host is "
                                 f"{start - now:.0f} s away, past the fetch deadline; "
                                 "try again later")
            self._next[host] = start + gap  # reserved before sleeping, so threads queue up
            self._last[host] = start
        if start > now:
            self._sleep(start - now)


# ---------------------------------------------------------------- responses


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content_type: str  # media type only, lowercase, no parameters
    data: bytes
    charset: str | None = None  # from the Content-Type header
    status: int = 200  # 304 when a conditional GET found nothing new (data is then empty)
    etag: str | None = None
    last_modified: str | None = None
    headers: Mapping[str, str] = field(default_factory=dict)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    def text(self) -> str:
        """The body decoded: BOM, then the header's charset, then the page's own declaration,
        then UTF-8, then a statistical guess, then Windows-1252 (which decodes any byte)."""
        return decode_markup(self.data, self.charset)

    def utf8(self) -> bytes:
        """The body re-encoded as UTF-8 with its charset declarations removed, for readers that
        detect encodings themselves (UTF-8 is what they try first)."""
        text = self.text()
        text = _META_CHARSET.sub("", text[:4096]) + text[4096:]
        return text.encode("utf-8")


_META_CHARSET = re.compile(
    r"""<meta\b[^>]*?(?:charset\s*=\s*["']?[\w.:-]+["']?|http-equiv\s*=\s*["']?content-type["']?)[^>]*>""",
    re.I)
_DECLARED = re.compile(rb"""(?:<meta\b[^>]*?charset\s*=\s*["']?|<\?xml[^>]*?encoding\s*=\s*["'])([\w.:-]+)""",
                       re.I)
# WHATWG: labels that browsers decode as Windows-1252, which is what such pages are written in.
_WINDOWS_1252 = {"iso-8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii", "iso8859-1",
                 "cp819", "ibm819", "iso-ir-100", "csisolatin1"}


def decode_markup(data: bytes, header_charset: str | None = None) -> str:
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    declared = _DECLARED.search(data[:4096])
    for label in (header_charset, declared.group(1).decode("ascii") if declared else None):
        codec = _codec(label)
        if codec:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                continue  # a wrong declaration is common; fall through to the next clue
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    guess = _guess_codec(data[:65536])
    if guess:
        try:
            return data.decode(guess)
        except (LookupError, UnicodeDecodeError):
            pass
    return data.decode("cp1252", errors="replace")


# Among guesses that read equally well, the Windows code pages are what undeclared web pages
# are written in (WHATWG defaults to Windows-1252); a statistical guess alone reads a French or
# Hungarian page as Baltic (cp1257) as often as not.
_WEB_CODEPAGES = ("cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256",
                  "cp1257", "cp1258")


def _guess_codec(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        return None
    results = list(from_bytes(data))
    if not results:
        return None
    best = min(r.chaos for r in results)
    tied = [r for r in results if r.chaos <= best + 0.01]
    readable = {c for r in tied for c in r.could_be_from_charset}
    for codepage in _WEB_CODEPAGES:
        if codepage in readable:
            return codepage
    return tied[0].encoding


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _WINDOWS_1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


# ---------------------------------------------------------------- the fetcher


class Fetcher:
    """See the module docstring for the order of work. Thread-safe: a feed refresh fetches
    several hosts at once, each host in turn."""

    def __init__(self, options: ReadOptions, client: httpx.Client | None = None,
                 resolve: Resolver = resolve_host, pacer: HostPacer | None = None):
        self.options = options
        self.resolve = resolve
        self.pacer = pacer or HostPacer(options.host_interval_s)
        self._transport: PinnedTransport | None = None
        self._client = client  # a caller's client (tests: a recorded site) is used as given
        self._owns_client = client is None
        self._robots: dict[str, object | None] = {}
        self._robots_lock = threading.Lock()
        self._client_lock = threading.Lock()

    @property
    def client(self) -> httpx.Client:
        # Made once under a lock: threads polling feeds must pin into the transport they use.
        with self._client_lock:
            if self._client is None:
                self._transport = PinnedTransport()
                self._client = httpx.Client(transport=self._transport,
                                            headers={"User-Agent": USER_AGENT})
            return self._client

    def close(self) -> None:
        """Close the HTTP client if this fetcher made it (a caller's client stays open)."""
        if self._owns_client and self._client is not None:
            self._client.close()
            self._client = None

    def fetch(self, url: str, *, etag: str | None = None,
              last_modified: str | None = None) -> Fetched:
        """GET ``url``; with ``etag``/``last_modified`` it is a conditional GET (304 → a
        :class:`Fetched` with ``not_modified``)."""
        deadline = time.monotonic() + self.options.deadline_s
        self._check(url)
        if self.options.respect_robots and not self._robots_allow(url, deadline):
            raise InputError(f"{url}: the site's robots.txt disallows fetching this page; "
                             "save the page yourself and ingest the file")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._get(url, self.options.max_bytes, deadline, headers)

    def _check(self, url: str) -> list[str]:
        addresses = check_url(url, allow_private=self.options.allow_private, resolve=self.resolve,
                              allowed_hosts=self.options.allowed_hosts)
        if self._owns_client:
            self.client  # noqa: B018 - the pinned transport must exist before pinning
            assert self._transport is not None
            host = (urlsplit(url).hostname or "").lower()
            self._transport.pin(host, addresses)
            try:  # the transport sees an internationalised name in its ASCII (IDNA) form
                self._transport.pin(httpx.URL(url).raw_host.decode("ascii"), addresses)
            except (httpx.InvalidURL, UnicodeError):
                pass
        return addresses

    def _get(self, url: str, max_bytes: int, deadline: float,
             extra_headers: Mapping[str, str] | None = None) -> Fetched:
        for hop in range(MAX_REDIRECTS + 1):
            if hop:
                self._check(url)
            host = (urlsplit(url).hostname or "").lower()
            self.pacer.wait(host, deadline)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise _too_slow(url, self.options.deadline_s)
            wait_s = min(self.options.timeout_s, remaining)
            try:
                with self.client.stream(
                    "GET", url, follow_redirects=False,
                    headers={"User-Agent": USER_AGENT, **(extra_headers or {})},
                    timeout=httpx.Timeout(wait_s, connect=min(5.0, wait_s)),
                ) as response:
                    if response.status_code == 304:
                        return self._fetched(url, response, b"")
                    if response.status_code in (301, 302, 303, 307, 308):
                        location = response.headers.get("location", "")
                        if not location:
                            raise InputError(f"{url}: redirect without a Location; check the "
                                             "address")
                        url = urljoin(url, location)
                        continue
                    if response.status_code >= 400:
                        raise InputError(f"{url}: the server answered HTTP "
                                         f"{response.status_code}; check the address")
                    media = _media_type(response.headers.get("content-type", ""))
                    if media not in READABLE_TYPES and not media.endswith("+xml"):
                        raise InputError(f"{url}: content type {media!r} is neither an HTML "
                                         "page nor an RSS/Atom feed; give a page or feed address")
                    data = _read_capped(response, url, max_bytes, deadline,
                                        self.options.deadline_s)
                    return self._fetched(url, response, data)
            except httpx.TimeoutException as exc:
                if time.monotonic() >= deadline - 0.05:
                    raise _too_slow(url, self.options.deadline_s) from exc
                raise InputError(f"{url}: the server did not answer within "
                                 f"{wait_s:.0f} s; try again later") from exc
            except httpx.HTTPError as exc:
                raise InputError(f"{url}: cannot fetch ({type(exc).__name__}: {exc}); check "
                                 "the address and your connection") from exc
        raise InputError(f"{url}: more than {MAX_REDIRECTS} redirects; give the final address")

    @staticmethod
    def _fetched(url: str, response: httpx.Response, data: bytes) -> Fetched:
        raw_type = response.headers.get("content-type", "")
        message = Message()
        message["content-type"] = raw_type
        charset = message.get_param("charset") if raw_type else None
        return Fetched(
            url=url, content_type=_media_type(raw_type), data=data,
            charset=charset if isinstance(charset, str) else None,
            status=response.status_code, etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
            headers=dict(response.headers),
        )

    def _robots_allow(self, url: str, deadline: float) -> bool:
        # Only a robots.txt that was actually read can forbid a page; a missing or unreadable
        # one allows it, as most crawlers do.
        try:
            from protego import Protego
        except ImportError:
            return True
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        with self._robots_lock:
            known = root in self._robots
        if not known:
            rules = None
            try:
                got = self._get(root + "/robots.txt", _ROBOTS_MAX_BYTES, deadline)
                if got.content_type.startswith("text/plain") or not got.content_type:
                    rules = Protego.parse(got.data.decode("utf-8", errors="replace"))
            except InputError:
                rules = None
            if rules is not None:
                delay = rules.crawl_delay(USER_AGENT)
                if delay:
                    # A site's Crawl-delay is honoured up to a minute: beyond that the site is
                    # asking not to be polled at all, and the deadline refuses the fetch.
                    self.pacer.set_delay((parts.hostname or "").lower(), min(float(delay), 60.0))
            with self._robots_lock:
                self._robots[root] = rules
        rules = self._robots[root]
        return rules is None or rules.can_fetch(url, USER_AGENT)  # type: ignore[attr-defined]


def _media_type(value: str) -> str:
    return value.split(";")[0].strip().lower()


def _too_slow(url: str, deadline_s: float) -> InputError:
    return InputError(f"{url}: the fetch took longer than {deadline_s:.0f} s (the overall "
                      "deadline for one page or feed); try again later or save the page")


def _read_capped(response: httpx.Response, url: str, max_bytes: int, deadline: float,
                 deadline_s: float) -> bytes:
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
        # A server trickling a byte at a time never trips the read timeout; the deadline
        # bounds the whole body.
        if time.monotonic() > deadline:
            raise _too_slow(url, deadline_s)
    return b"".join(chunks)
