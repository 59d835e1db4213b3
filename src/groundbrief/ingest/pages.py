"""HTML article pages (files or fetched URLs) → one Source, via trafilatura.

trafilatura finds the article body and its metadata (title, author, date, site name); its
output is plain text, so scripts, event handlers and ``javascript:`` links on hostile pages
cannot reach the Source. When it finds no article (very short pages), the page's body is
flattened by :func:`markup.html_to_text`, which reads text nodes only.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from functools import lru_cache

from lxml import etree
from lxml import html as lxml_html

from ..interfaces import Rejected
from ..models import Source
from .dates import DateError, parse_date
from .markup import element_to_text, html_to_text, scrub_tree
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
# Elements trafilatura is given at most, once empty ones are pruned: about 1.5 s at 0.25 ms
# each. A news page has 500-3,000 elements after pruning; past it, the page's <article> or
# <main> is read alone if it fits, else the linear flattener reads the page.
MAX_EXTRACT_ELEMENTS = 6_000
_KEEP_EMPTY = frozenset({"img", "br", "hr", "meta", "link", "time", "td", "th", "source",
                         "picture", "video", "audio", "input", "wbr"})
_KEEP_ATTRS = frozenset({"datetime", "content", "itemprop", "property"})
# Full timestamps where the page gives them (article:published_time), not just the day.
_DATE_PARAMS = {"extensive_search": False, "original_date": True,
                "outputformat": "%Y-%m-%dT%H:%M:%S%z"}


def read_page(data: bytes, origin: str, options: ReadOptions, *,
              fetched_url: str | None = None) -> Iterator[Source | Rejected]:
    """The article in the page ``data``; ``fetched_url`` is where it was downloaded from."""
    document, tree = _extract(data, fetched_url)
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
        fields = _fallback(data, fetched_url, options, tree)
    yield build_source(fields, where=origin, origin=origin,
                       namespace=host_of(fetched_url) or "page",
                       max_record_chars=options.max_record_chars)


def _extract(data: bytes, fetched_url: str | None):
    """trafilatura's reading of the page (None where it cannot or should not read it), and
    the page's parsed and pruned tree for the fallback (None where there is none).

    trafilatura walks the tree many times over (0.25-0.5 ms per element here), so its time
    is bounded by the elements it is given: elements that hold nothing are pruned first
    (:func:`_prune_empty`: 59,000 empty ``<p>`` took 14 s), and a page still over
    :data:`MAX_EXTRACT_ELEMENTS` is narrowed to its ``<article>``/``<main>`` when that fits,
    else read by the linear flattener (:func:`_fallback`). Past :data:`MAX_PAGE_TAGS` the
    page is not even parsed for trafilatura.
    """
    if data.count(b"<") > MAX_PAGE_TAGS:
        return None, None
    trafilatura = _trafilatura()
    from trafilatura.utils import load_html

    try:
        tree = load_html(data)
        if tree is None:
            return None, None
        body = tree.find("body")
        if body is not None:
            scrub_tree(body)  # before any text is set: "&#x1" parses to a control character
            _prune_empty(body)
            if not body.text_content().strip():
                return None, tree  # nothing left to read: skip trafilatura
        within = _within_budget(tree)
        if within is None:
            return None, tree
        return trafilatura.bare_extraction(
            copy.deepcopy(within), url=fetched_url, with_metadata=True, include_comments=False,
            include_links=False, include_images=False, date_extraction_params=_DATE_PARAMS,
        ), tree
    except (ValueError, TypeError, LookupError, AssertionError, RecursionError,
            etree.LxmlError):
        # Broken markup trafilatura's lxml calls refuse ("too many bodies" is an
        # assertion): the fallback still reads the text nodes.
        return None, None


@lru_cache(maxsize=1)
def _trafilatura():
    """trafilatura (~0.5 s to import; only pages need it), with justext's stoplist held as a
    frozenset instead of a tuple.

    trafilatura hands justext one tuple of every language's stop words (154,000 of them);
    justext looks it up in an ``lru_cache``, which hashes the whole tuple on every call: 5 ms
    of CPU per page trafilatura finds no article in, ten times the rest of reading a small
    page (measured under fuzzing). A frozenset keeps its hash and answers ``in`` the same.
    """
    import trafilatura
    from trafilatura import external

    original = external.jt_stoplist_init

    def frozen_stoplist():
        # Built once: an equal but new frozenset would still hit justext's cache, through a
        # comparison of all 154,000 words on every page.
        if not isinstance(external.JT_STOPLIST, frozenset):
            external.JT_STOPLIST = frozenset(original())
        return external.JT_STOPLIST

    if external.JT_STOPLIST:
        external.JT_STOPLIST = frozenset(external.JT_STOPLIST)
    external.jt_stoplist_init = frozen_stoplist  # still loaded on first need only
    return trafilatura


def _within_budget(tree):
    """The (pruned) page, or its main content when the page is over
    :data:`MAX_EXTRACT_ELEMENTS`; None when nothing within the budget is left."""
    if _count(tree) <= MAX_EXTRACT_ELEMENTS:
        return tree
    body = tree.find("body")
    if body is None:
        return None
    # A long page (a live blog, a page of comments) whose article is one element within it.
    # The first 50 in document order: each is counted (a walk of its subtree), so thousands
    # of nested candidates would cost the square of their number.
    candidates = [el for el in body.xpath(".//article | .//main | .//*[@role='main']")[:50]
                  if _count(el) <= MAX_EXTRACT_ELEMENTS - 200]
    if not candidates:
        return None
    main = copy.deepcopy(max(candidates, key=lambda el: len(el.text_content())))
    main.tail = None
    narrowed = lxml_html.Element("html", dict(tree.attrib))
    head = tree.find("head")
    if head is not None:
        narrowed.append(copy.deepcopy(head))
    etree.SubElement(narrowed, "body").append(main)
    return narrowed if _count(narrowed) <= MAX_EXTRACT_ELEMENTS else None


def _count(element) -> int:
    """Elements in ``element``, itself included (counted by libxml2: no Python object each)."""
    return int(element.xpath("count(descendant-or-self::*)"))


def _prune_empty(body) -> None:
    """Remove the elements of ``body`` that hold no text, no children and nothing trafilatura
    or the date finder reads (images, line breaks, table cells, ``<time>``, ``<meta>``,
    ``datetime``/``content`` attributes), and comments. Linear: each element is looked at
    once, children before their parents (so a nest of empty elements goes whole), and a
    removed element's whitespace tail leaves at most one space, never a growing string."""
    for element in reversed(list(body.iterdescendants())):
        parent = element.getparent()
        if parent is None or len(element):
            continue
        if isinstance(element.tag, str):
            if (element.text and not element.text.isspace()) or element.tag in _KEEP_EMPTY \
                    or not _KEEP_ATTRS.isdisjoint(element.attrib.keys()):
                continue
        tail = element.tail
        if tail and not tail.isspace():
            continue  # the text after it stays where it is
        if tail:
            before = element.getprevious()
            if before is not None:
                if not (before.tail or "x")[-1:].isspace():
                    before.tail = (before.tail or "") + " "
            elif not (parent.text or "x")[-1:].isspace():
                parent.text = (parent.text or "") + " "
        parent.remove(element)


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


def _fallback(data: bytes, fetched_url: str | None, options: ReadOptions,
              tree=None) -> ArticleFields:
    """The page's text nodes, from its parsed tree where there is one (no second parse)."""
    title = _title(data)
    if tree is not None and tree.find("body") is not None:
        text = element_to_text(tree.find("body"))
    else:
        body = _BODY.search(data)
        text = html_to_text(_decode(body.group(0)) if body else _decode(data))
    return ArticleFields(
        text=text,
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
