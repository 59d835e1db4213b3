"""RSS and Atom feeds (files or fetched URLs) → one Source per entry.

feedparser accepts almost anything (an HTML page or plain text parses as an empty "feed"), so
the input is first checked to be XML whose root is rss, feed or RDF; anything else is refused
with an :class:`InputError` rather than ingested as nothing.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import datetime, timezone
from urllib.parse import urljoin

import feedparser

from ..errors import InputError
from ..interfaces import Rejected
from ..models import Source
from .dates import DateError, check_rfc2822_year, parse_date
from .markup import html_to_text
from .normalise import ArticleFields, build_source
from .options import ReadOptions
from .sniff import HEAD_BYTES, markup_kind
from .urls import canonical_url, host_of


def read_feed(data: bytes, origin: str, options: ReadOptions, *,
              base_url: str | None = None,
              content_type: str | None = None,
              teasers: bool = False) -> Iterator[Source | Rejected]:
    """Entries of the feed in ``data``; ``base_url`` resolves relative entry links;
    ``content_type`` is the HTTP header, whose charset feedparser honours. With ``teasers``,
    a linked entry without any text is yielded with its title as text (the feed refresh then
    fetches the article) instead of being rejected."""
    kind = markup_kind(data[:HEAD_BYTES])
    if kind == "html":
        raise InputError(f"{origin}: is an HTML page, not an RSS/Atom feed; give the feed's "
                         "address or read the page as HTML")
    if kind != "feed":
        raise InputError(f"{origin}: not an RSS/Atom feed (no XML <rss>, <feed> or <rdf:RDF> "
                         "root); check the file or URL")
    headers = {"content-location": base_url} if base_url else {}
    if content_type:
        headers["content-type"] = content_type
    try:
        parsed = feedparser.parse(_safe_references(data), response_headers=headers,
                                  sanitize_html=True, resolve_relative_uris=True)
    except (ValueError, TypeError, LookupError, RecursionError) as exc:
        raise InputError(f"{origin}: not a readable RSS/Atom feed ({type(exc).__name__}: "
                         f"{str(exc)[:80]}); check that the file is a complete feed") from None
    if not parsed.get("version") and not parsed.entries:
        raise InputError(f"{origin}: not a readable RSS/Atom feed ({_bozo_reason(parsed)}); "
                         "check that the file is a complete feed")
    feed = parsed.feed
    outlet = _detail_text(feed, "title") or host_of(feed.get("link") or base_url)
    namespace = host_of(feed.get("link") or base_url) or "feed"
    for index, entry in enumerate(parsed.entries, start=1):
        where = f"{origin}:entry {index}"
        try:
            yield _entry_source(entry, feed, where, origin, namespace, outlet, options,
                                base_url, teasers)
        except DateError as exc:
            yield Rejected(where, f"{exc}; the feed's date for this entry is unreadable")
        except (ValueError, TypeError, LookupError, RecursionError) as exc:
            # feedparser hands back whatever shapes the XML had; one odd entry is reported
            # and the rest of the feed is still read.
            yield Rejected(where, f"unreadable entry ({type(exc).__name__}: {str(exc)[:80]}); "
                                  "the rest of the feed was read")


def _entry_source(entry, feed, where: str, origin: str, namespace: str, outlet: str | None,
                  options: ReadOptions, base_url: str | None,
                  teasers: bool = False) -> Source | Rejected:
    published = _entry_time(entry)
    link = canonical_url(_absolute(entry.get("link"), feed.get("link") or base_url))
    text = _entry_text(entry)
    if teasers and link and not text.strip():
        text = _detail_text(entry, "title")
    fields = ArticleFields(
        text=text,
        title=_detail_text(entry, "title"),
        url=link,
        published=published,
        outlet=options.default_outlet or outlet,
        language=(entry.get("language") or _detail_language(entry)
                  or feed.get("language")),
        authors=[a.get("name") for a in entry.get("authors", []) if a.get("name")],
        # The guid names the entry only when there is no web link (feedparser copies a
        # "tag:" guid into the link): a linked article keeps one id whether it arrives by
        # feed, page or dump.
        record_id=None if link else entry.get("id"),
    )
    return build_source(fields, where=where, origin=origin, namespace=namespace,
                        max_record_chars=options.max_record_chars)


# A numeric character reference to no character (&#x110000;, &#xD800;, &#0;) makes feedparser
# raise from chr(); such a reference stands for nothing, so it becomes U+FFFD first.
_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9A-Fa-f]+)|([0-9]+));")


def _safe_references(data: bytes) -> bytes:
    def fix(m: re.Match[bytes]) -> bytes:
        digits = m.group(1) or m.group(2)
        if len(digits) > 8:
            return b"&#xFFFD;"
        code = int(digits, 16) if m.group(1) else int(digits)
        bad = code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF
        return b"&#xFFFD;" if bad else m.group(0)

    return _CHAR_REF.sub(fix, data)


def _absolute(link: str | None, base: str | None) -> str | None:
    # Atom entries often link relative to the site; without xml:base (files read from disk)
    # feedparser leaves them relative, and the feed's own link is the site they belong to.
    if not link:
        return None
    return urljoin(base, link) if base else link


def _entry_text(entry) -> str:
    """The fullest body the entry has: its longest content element, else its summary."""
    candidates = [c for c in entry.get("content", []) if c.get("value")]
    if candidates:
        best = max(candidates, key=lambda c: len(c["value"]))
        return _as_plain(best.get("value", ""), best.get("type", "text/html"))
    detail = entry.get("summary_detail") or {}
    return _as_plain(entry.get("summary", ""), detail.get("type", "text/html"))


def _detail_text(node, key: str) -> str:
    value = node.get(key) or ""
    detail = node.get(f"{key}_detail") or {}
    return _as_plain(value, detail.get("type", "text/plain"))


def _detail_language(entry) -> str | None:
    for key in ("content", "summary_detail", "title_detail"):
        detail = entry.get(key)
        if isinstance(detail, list):
            detail = detail[0] if detail else None
        if detail and detail.get("language"):
            return detail["language"]
    return None


def _as_plain(value: str, content_type: str) -> str:
    # feedparser has already sanitised HTML; flattening it again guarantees text only, and
    # "text/plain" values may still hold stray tags that some publishers put in titles.
    if "html" in content_type or "<" in value:
        return html_to_text(value)
    return value


def _entry_time(entry) -> datetime | None:
    for key in ("published", "updated", "created"):
        struct = entry.get(f"{key}_parsed")
        if struct:
            if isinstance(entry.get(key), str):
                check_rfc2822_year(entry[key])
            # feedparser normalises to UTC struct_time; year 0 or 10000 cannot be a datetime.
            try:
                return datetime.fromtimestamp(calendar.timegm(struct), tz=timezone.utc)
            except (ValueError, OverflowError, OSError) as exc:
                raise DateError(f"date out of range: {entry.get(key, '')[:40]!r}") from exc
    for key in ("published", "updated", "created"):
        if entry.get(key):
            return parse_date(entry[key])
    return None


def _bozo_reason(parsed) -> str:
    exc = parsed.get("bozo_exception")
    return str(exc).splitlines()[0] if exc else "no entries and no feed version"
