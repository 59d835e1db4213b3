"""OPML, the file feed readers exchange subscription lists in: read (any nesting of folders)
and write (OPML 2.0, one flat list)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import quoteattr

from lxml import etree

from ..errors import InputError
from ..models import iso
from .subscriptions import Feed

MAX_OPML_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class OutlineFeed:
    url: str
    title: str | None


def read_opml(data: bytes, origin: str) -> list[OutlineFeed]:
    """Every outline with an ``xmlUrl``, in document order, each URL once."""
    if len(data) > MAX_OPML_BYTES:
        raise InputError(f"{origin}: over {MAX_OPML_BYTES // 2**20} MiB; an OPML subscription "
                         "list is much smaller, check the file")
    # No entities, no network, no huge trees: the file may come from anywhere.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                             load_dtd=False, recover=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{origin}: not valid XML ({exc}); export the OPML file again") from None
    if root is None or etree.QName(root).localname.lower() != "opml":
        raise InputError(f"{origin}: not an OPML file (the root element is not <opml>); give "
                         "the subscription list your feed reader exported")
    out: dict[str, OutlineFeed] = {}
    for outline in root.iter("{*}outline", "outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if not url or url in out:
            continue
        title = (outline.get("title") or outline.get("text") or "").strip() or None
        out[url] = OutlineFeed(url, title)
    return list(out.values())


def write_opml(feeds: list[Feed], now: datetime) -> str:
    lines = ['<?xml version="1.0" encoding="utf-8"?>', '<opml version="2.0">', "<head>",
             "<title>groundbrief subscriptions</title>",
             f"<dateCreated>{iso(now)}</dateCreated>", "</head>", "<body>"]
    for feed in feeds:
        title = feed.title or feed.url
        lines.append(f'<outline type="rss" text={quoteattr(title)} title={quoteattr(title)} '
                     f"xmlUrl={quoteattr(feed.url)}/>")
    lines += ["</body>", "</opml>"]
    return "\n".join(lines) + "\n"
