"""HTML article pages (files or fetched URLs) → one Source, via trafilatura.

trafilatura finds the article body and its metadata (title, author, date, site name); its
output is plain text, so scripts, event handlers and ``javascript:`` links on hostile pages
cannot reach the Source. When it finds no article (very short pages), the page's body is
flattened by :func:`markup.html_to_text`, which reads text nodes only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from ..interfaces import Rejected
from ..models import Source
from .dates import DateError, parse_date
from .markup import html_to_text
from .normalise import ArticleFields, build_source
from .options import ReadOptions
from .urls import canonical_url, host_of

_HTML_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)",
                        re.I)
_TITLE_OPEN = re.compile(rb"<title\b[^>]*>", re.I)
_TITLE_CLOSE = re.compile(rb"</title\s*>", re.I)
_BODY = re.compile(rb"<body\b.*", re.I | re.S)
# Tags in one page past which trafilatura is not used (a long real article page has under
# 20,000; each costs trafilatura about 0.25 ms over its several passes).
MAX_PAGE_TAGS = 60_000
# Full timestamps where the page gives them (article:published_time), not just the day.
_DATE_PARAMS = {"extensive_search": False, "original_date": True,
                "outputformat": "%Y-%m-%dT%H:%M:%S%z"}


def read_page(data: bytes, origin: str, options: ReadOptions, *,
              fetched_url: str | None = None) -> Iterator[Source | Rejected]:
    """The article in the page ``data``; ``fetched_url`` is where it was downloaded from."""
    document = _extract(data, fetched_url)
    if document is not None and document.text:
        title = document.title
        text = _paragraphs(document.text, title)
        fields = ArticleFields(
            text=text, title=title, url=_page_url(document.url, fetched_url),
            published=_date_or_none(document.date),
            outlet=options.default_outlet or document.sitename,
            language=document.language or _html_lang(data), authors=document.author,
        )
    else:
        fields = _fallback(data, fetched_url, options)
    yield build_source(fields, where=origin, origin=origin,
                       namespace=host_of(fetched_url) or "page",
                       max_record_chars=options.max_record_chars)


def _extract(data: bytes, fetched_url: str | None):
    """trafilatura's reading of the page, or None where it cannot or should not read it.

    trafilatura walks the tree many times over (about 0.25 ms per element here), so a page of
    300,000 nested ``<p>`` held it for over a minute; past :data:`MAX_PAGE_TAGS` the page is
    flattened by lxml alone (:func:`_fallback`), which is linear and fast.
    """
    if data.count(b"<") > MAX_PAGE_TAGS:
        return None
    import trafilatura  # ~0.5 s to import; only pages need it

    try:
        return trafilatura.bare_extraction(
            data, url=fetched_url, with_metadata=True, include_comments=False,
            include_links=False, include_images=False, date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, TypeError, LookupError, AssertionError, RecursionError,
            etree.LxmlError):
        # Broken markup trafilatura's lxml calls refuse ("too many bodies" is an
        # assertion): the fallback still reads the text nodes.
        return None


def _paragraphs(text: str, title: str | None) -> str:
    """trafilatura puts one paragraph per line; make them blank-line paragraphs (as ``clean``
    expects) and drop a leading headline that repeats the title."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if title and len(lines) > 1 and " ".join(lines[0].split()) == " ".join(title.split()):
        lines = lines[1:]
    return "\n\n".join(lines)


def _page_url(canonical: str | None, fetched_url: str | None) -> str | None:
    """The page's own canonical link, unless a fetched page claims another site's address."""
    if not fetched_url:
        return canonical
    if canonical and host_of(canonical) == host_of(fetched_url):
        return canonical
    return canonical_url(fetched_url)


def _html_lang(data: bytes) -> str | None:
    m = _HTML_LANG.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def _fallback(data: bytes, fetched_url: str | None, options: ReadOptions) -> ArticleFields:
    text = _decode(data)
    title = _title(data)
    body = _BODY.search(data)
    return ArticleFields(
        text=html_to_text(_decode(body.group(0)) if body else text),
        title=html_to_text(_decode(title)) if title else None,
        url=fetched_url,
        outlet=options.default_outlet or host_of(fetched_url),
        language=_html_lang(data),
    )


def _title(data: bytes) -> bytes | None:
    """The first ``<title>``'s content. Two single searches, not a lazy ``.*?`` regex: that
    one rescans the rest of the page from every unclosed ``<title>`` (quadratic; 136 KB of
    them took 31 s)."""
    opened = _TITLE_OPEN.search(data)
    if not opened:
        return None
    closed = _TITLE_CLOSE.search(data, opened.end())
    return data[opened.end(): closed.start()] if closed else None


def _decode(data: bytes) -> str:
    for codec in ("utf-8", "cp1252"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")  # decodes any byte: no character is dropped


def _date_or_none(value: str | None):
    # htmldate's guess is a hint, not a record the user wrote: an unreadable one is left out
    # rather than rejecting the whole page.
    try:
        return parse_date(value)
    except DateError:
        return None
