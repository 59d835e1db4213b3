"""How many records an ingest will read, counted before it starts, so progress has a total.

A count is one pass over the raw bytes (no JSON or date parsing), a few percent of the ingest's
time: JSON lines and CSV rows are counted as lines (a CSV body with line breaks inside quotes
over-counts; the total is then an upper bound), a feed file by its ``<item>``/``<entry>``
tags, a page as one. A URL or a whole-file JSON array cannot be counted cheaply: the total is
then unknown (None) and progress shows a count and a rate only.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from pathlib import Path

from .dumps import open_binary
from .reader import _is_url
from .sniff import HEAD_BYTES, content_kind, extension_kind, looks_binary

_ENTRY = re.compile(rb"<(?:item|entry)[\s>]")


def count_records(locations: Sequence[str]) -> int | None:
    total = 0
    for location in locations:
        if _is_url(location):
            return None
        path = Path(location)
        files = sorted(p for p in path.rglob("*") if p.is_file() and not any(
            part.startswith(".") for part in p.relative_to(path).parts)) if path.is_dir() \
            else [path]
        for file in files:
            n = _count_file(file)
            if n is None:
                return None
            total += n
    return total


def _count_file(path: Path) -> int | None:
    if not path.is_file():
        # A FIFO, a device, a missing path: the reader refuses it in one line; opening a FIFO
        # here blocked `ingest` forever, before the reader could say so.
        return 0
    try:
        with open_binary(path) as stream:
            head = stream.read(HEAD_BYTES)
            if looks_binary(head):
                return 0  # refused by the reader, counted as one rejection there
            kind = extension_kind(path) or content_kind(head)
            if kind in ("jsonl", "csv", "tsv"):
                lines = sum(1 for line in head.splitlines(keepends=True)[:-1] if line.strip())
                tail = head.splitlines(keepends=True)[-1:] or [b""]
                carry = tail[0]
                for line in stream:
                    line, carry = carry + line, b""
                    lines += bool(line.strip())
                lines += bool(carry.strip())
                return max(lines - 1, 0) if kind in ("csv", "tsv") else lines
            if kind == "feed":
                return len(_ENTRY.findall(head + stream.read()))
            if kind in ("html", "page"):
                return 1
            return None  # JSON arrays and unknown kinds: not counted cheaply
    except (OSError, EOFError, zlib.error):
        # A damaged .gz (zlib.error mid-stream ended `ingest` with exit 70 before its reader
        # said "damaged or truncated"): no total; the reader names the file.
        return None
