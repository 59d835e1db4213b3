"""What kind of input a file or response is: by extension first, then by its first bytes."""

from __future__ import annotations

import re
from pathlib import Path

HEAD_BYTES = 8192

EXTENSION_KINDS = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "tsv",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".html": "html", ".htm": "html", ".xhtml": "html",
}

_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b",
          b"BZh", b"\xfd7zXZ", b"SQLite format 3", b"\x7fELF")
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
# Skips the XML declaration, processing instructions, comments and a doctype to reach the
# first element's name.
_PROLOG = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)", re.S | re.I)
_ELEMENT = re.compile(rb"\s*<([A-Za-z][\w:.-]*)")
_FEED_ROOTS = {b"rss", b"feed", b"rdf:rdf", b"rdf"}


def extension_kind(path: Path) -> str | None:
    """Kind from the name, looking through a ``.gz`` suffix (``reuters.jsonl.gz``)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return EXTENSION_KINDS.get(suffixes[-1]) if suffixes else None


def looks_binary(head: bytes) -> bool:
    """NUL bytes, a known binary signature, or many control characters: not a text dump."""
    if head.startswith(_MAGIC) or b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls / len(head) > 0.01


def strip_bom(head: bytes) -> bytes:
    for bom in _BOMS:
        if head.startswith(bom):
            return head[len(bom):]
    return head


def markup_kind(head: bytes) -> str | None:
    """``"feed"`` for RSS/Atom/RDF, ``"html"`` for an HTML page, ``None`` for anything else."""
    data = strip_bom(head)
    if re.match(rb"\s*<!DOCTYPE\s+html", data, re.I):
        return "html"
    pos = 0
    while True:
        m = _PROLOG.match(data, pos)
        if not m:
            break
        pos = m.end()
    m = _ELEMENT.match(data, pos)
    if not m:
        return None
    name = m.group(1).lower()
    if name in _FEED_ROOTS:
        return "feed"
    if name in (b"html", b"head", b"body"):
        return "html"
    return None


def content_kind(head: bytes) -> str | None:
    """Kind of a file with an unknown extension, from its first bytes."""
    data = strip_bom(head).lstrip()
    if data.startswith(b"{"):
        return "jsonl"
    if data.startswith(b"["):
        return "json"
    if data.startswith(b"<"):
        return markup_kind(data)
    return None
