"""Where ingest starts: locations (files, folders, URLs) dispatched to the right reader.

Order of work for one location: URL or path? → (URL) SSRF check, fetch, feed or page by
content type → (path) folder walk or single file → binary check → kind by extension, else by
first bytes → the dump, feed or page reader → :func:`normalise.build_source` per article.
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import httpx

from ..errors import InputError
from ..interfaces import Rejected, SourceReader
from ..models import Source
from ..text import scrub
from .dumps import open_binary, read_csv, read_json, read_jsonl
from .feeds import read_feed
from .fetch import Fetcher, Resolver, resolve_host
from .options import MAX_RECORD_CHARS, ReadOptions
from .pages import read_page
from .sniff import HEAD_BYTES, content_kind, extension_kind, looks_binary, markup_kind

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+:")
_UNSAFE_IN_URL = re.compile(r"[\s\x00-\x1f\x7f\ud800-\udfff]")
_FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml",
               "application/xml", "text/xml", "application/feed+xml"}
_PAGE_TYPES = {"text/html", "application/xhtml+xml"}
_MAX_FILE_FOR_MARKUP = 64 * 1024 * 1024  # feeds and pages are read whole


def read_sources(
    locations: Sequence[str],
    *,
    field_map: Mapping[str, str] | None = None,
    client: httpx.Client | None = None,
    default_outlet: str | None = None,
    allow_private: bool = False,
    resolve: Resolver = resolve_host,
    options: ReadOptions | None = None,
    max_record_chars: int = MAX_RECORD_CHARS,
) -> Iterator[Source | Rejected]:
    """Every article at ``locations`` as a Source, and every bad record as a Rejected.

    ``field_map`` maps our field names to a dump's ({"text": "body"}); ``default_outlet``
    names the outlet of records that carry none; ``allow_private`` lifts the SSRF guard (tests
    against a local server only); ``resolve`` is the DNS lookup the guard uses; ``max_record_chars``
    caps one article's text (a longer record is rejected); ``options``, when given, replaces the
    settings before it. Raises :class:`InputError` for a
    location that is unusable as a whole.
    """
    options = options or ReadOptions(field_map=dict(field_map or {}),
                                     default_outlet=default_outlet, allow_private=allow_private,
                                     max_record_chars=max_record_chars)
    reader = LocationReader(options, client=client, resolve=resolve)
    try:
        for location in locations:
            yield from reader.read(location)
    finally:
        reader.close()


class LocationReader(SourceReader):
    """Reads one file, folder or URL; see the module docstring for the order of work."""

    def __init__(self, options: ReadOptions | None = None, *, client: httpx.Client | None = None,
                 resolve: Resolver = resolve_host):
        self.options = options or ReadOptions()
        self.fetcher = Fetcher(self.options, client=client, resolve=resolve)

    def close(self) -> None:
        self.fetcher.close()

    def __enter__(self) -> LocationReader:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def read(self, location: str) -> Iterator[Source | Rejected]:
        if _is_url(location):
            yield from self._read_url(location)
            return
        path = Path(location)
        if path.is_dir():
            yield from self._read_folder(path)
        elif path.is_file():
            yield from self._read_file(path, strict=True)
        elif path.exists():
            raise InputError(f"{location}: not a regular file or folder; give a file, folder or "
                             "URL")
        else:
            raise InputError(f"{location}: no such file or folder; check the path")

    def _read_url(self, url: str) -> Iterator[Source | Rejected]:
        if _UNSAFE_IN_URL.search(url):
            # httpx refuses these with an exception of its own; a pasted URL with a tab or
            # newline is a user's slip, answered with one line.
            raise InputError(f"{scrub(url)!r}: a URL cannot hold spaces, tabs, line breaks or "
                             "control characters; check the address (encode a space as %20)")
        fetched = self.fetcher.fetch(url)
        kind = _kind_of_response(fetched.content_type, fetched.data)
        if kind == "feed":
            yield from read_feed(fetched.data, url, self.options, base_url=fetched.url,
                                 content_type=fetched.headers.get("content-type"))
        elif kind == "html":
            # Decoded here, where the HTTP charset is known ("Orbán" in a Latin-1 page).
            yield from read_page(fetched.utf8(), url, self.options, fetched_url=fetched.url)
        else:
            raise InputError(f"{url}: content type {fetched.content_type or 'unknown'!r} is "
                             "neither an HTML page nor an RSS/Atom feed; give a page or feed "
                             "address")

    def _read_folder(self, folder: Path) -> Iterator[Source | Rejected]:
        # Sorted, so re-reading a folder yields Sources in the same order.
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(folder).parts
            if any(part.startswith(".") for part in relative) or not path.is_file():
                continue
            # In a folder, one unusable file is reported and the others are still read.
            try:
                yield from self._read_file(path, strict=False)
            except InputError as exc:
                yield Rejected(str(path), str(exc).removeprefix(f"{path}: "))

    def _read_file(self, path: Path, *, strict: bool) -> Iterator[Source | Rejected]:
        origin = str(path)
        try:
            head = _head(path)
        except OSError as exc:
            raise InputError(f"{origin}: cannot read ({exc.strerror or exc}); check the file's "
                             "permissions") from exc
        if looks_binary(head):
            raise InputError(f"{origin}: a binary file, not a dump, feed or page; give a "
                             "JSONL, CSV, RSS/Atom or HTML file")
        kind = extension_kind(path) or content_kind(head)
        if kind is None:
            if not strict and not head.strip():
                return
            raise InputError(f"{origin}: unknown file type; use .jsonl, .json, .csv, .tsv, "
                             ".xml/.rss/.atom or .html")
        if kind == "jsonl":
            yield from read_jsonl(path, origin, self.options)
        elif kind == "json":
            yield from read_json(path, origin, self.options)
        elif kind in ("csv", "tsv"):
            yield from read_csv(path, origin, self.options,
                                delimiter="\t" if kind == "tsv" else ",")
        else:
            # A page is one article (the fetch cap applies); a feed file may hold many.
            data = _read_whole(path, origin, _MAX_FILE_FOR_MARKUP if kind == "feed"
                               else self.options.max_bytes)
            if kind == "feed":
                yield from read_feed(data, origin, self.options)
            else:
                yield from read_page(data, origin, self.options)


def _head(path: Path) -> bytes:
    """The first bytes, to tell the kind of file. A truncated .gz is read as far as it goes:
    its reader then keeps the records before the damage and reports the rest."""
    head = b""
    with open_binary(path) as stream:
        try:
            while len(head) < HEAD_BYTES:
                chunk = stream.read(512)
                if not chunk:
                    break
                head += chunk
        except (EOFError, zlib.error, gzip.BadGzipFile):
            if not head:
                raise OSError("damaged or truncated compressed file") from None
    return head[:HEAD_BYTES]


def _is_url(location: str) -> bool:
    # "C:\\news" is a Windows path, not a URL with scheme "c"; real schemes are longer.
    return bool(_SCHEME.match(location)) and not Path(location).exists()


def _kind_of_response(content_type: str, data: bytes) -> str | None:
    sniffed = markup_kind(data[:HEAD_BYTES])
    if content_type in _PAGE_TYPES:
        # Some servers label feeds text/html; the root element tells.
        return "feed" if sniffed == "feed" else "html"
    if content_type in _FEED_TYPES or content_type.endswith("+xml"):
        return "feed" if sniffed != "html" else "html"
    return sniffed


def _read_whole(path: Path, origin: str, limit: int) -> bytes:
    what = "one feed" if limit == _MAX_FILE_FOR_MARKUP else "one page"
    too_big = InputError(f"{origin}: over {limit / 2**20:g} MiB for {what}; split it")
    if path.stat().st_size > limit:
        raise too_big
    try:
        with open_binary(path) as stream:
            data = stream.read(limit + 1)  # a .gz may unpack to far more than its size
    except (EOFError, OSError, zlib.error) as exc:
        raise InputError(f"{origin}: damaged or truncated ({exc}); re-download or "
                         "re-compress it") from None
    if len(data) > limit:
        raise too_big
    return data
