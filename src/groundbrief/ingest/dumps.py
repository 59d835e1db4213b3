"""JSONL, JSON and CSV dumps: one record per article, streamed so that big dumps stay cheap.

A record that cannot become a Source (bad JSON, no text, an unreadable date) is yielded as a
:class:`Rejected` naming ``file:line``; the lines after it are still read.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import sys
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO

from ..errors import InputError
from ..interfaces import Rejected
from ..models import Source
from .normalise import ArticleFields, build_source
from .options import ReadOptions

_MAX_JSON_DOCUMENT = 512 * 1024 * 1024  # a whole-file JSON array is loaded at once
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # article bodies exceed the 128 KiB default
# What reading a damaged or truncated .gz raises (the plain-file errors are OSErrors too).
_DAMAGED = (EOFError, OSError, zlib.error)


def open_binary(path: Path) -> IO[bytes]:
    if path.suffix.lower() == ".gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def namespace_for(path: Path) -> str:
    """``reuters.jsonl.gz`` → ``reuters``: the prefix of ids the dump gives without one."""
    stem = path.name.split(".", 1)[0] or path.name
    return re.sub(r"[^\w.-]+", "_", stem).strip("_") or "dump"


def read_jsonl(path: Path, origin: str, options: ReadOptions) -> Iterator[Source | Rejected]:
    namespace = namespace_for(path)
    line_cap = _line_cap(options)
    with open_binary(path) as stream:
        for lineno, line in _lines(stream, line_cap):
            where = f"{origin}:{lineno}"
            if isinstance(line, Exception):
                yield _damaged(where, line)
                return
            if line is None:
                yield Rejected(where, f"a line over {line_cap:,} bytes, more than one article "
                                      "record can hold; split it or raise "
                                      "GROUNDBRIEF_MAX_RECORD_CHARS")
                continue
            if not line.strip():
                continue
            record = _json_record(line, where)
            if isinstance(record, Rejected):
                yield record
                continue
            yield record_to_source(record, where=where, origin=origin, namespace=namespace,
                                   options=options)


def _line_cap(options: ReadOptions) -> int:
    # Bytes: up to four per character of text, plus room for the other fields.
    return options.max_record_chars * 4 + 65536


def _json_record(line: bytes, where: str) -> object:
    """One JSON value, or a Rejected saying why the line is not one."""
    try:
        return json.loads(line)
    except UnicodeDecodeError:
        return Rejected(where, "not UTF-8 text; re-save the file as UTF-8")
    except json.JSONDecodeError as exc:
        return Rejected(where, f"not valid JSON ({exc.msg.removesuffix(' at')}, column "
                               f"{exc.colno}); fix or remove the line")
    except RecursionError:
        return Rejected(where, "JSON nested too deeply to be an article record; fix or remove "
                               "the line")
    except ValueError as exc:
        # Python refuses integers over 4,300 digits (a guard against slow conversion).
        return Rejected(where, f"not usable JSON ({str(exc)[:80]}); fix or remove the line")


def _lines(stream: IO[bytes], max_bytes: int) -> Iterator[tuple[int, bytes | None | Exception]]:
    """Numbered lines of ``stream``. A line over ``max_bytes`` comes as ``None`` and is never
    held whole in memory; a compressed file that is damaged or ends early ends the lines with
    the error (every line before it was good)."""
    lineno = 0
    while True:
        try:
            line = stream.readline(max_bytes + 1)
            lineno += 1
            if not line:
                return
            if len(line) > max_bytes and not line.endswith(b"\n"):
                rest = line
                while rest and not rest.endswith(b"\n"):  # skipped, not kept
                    rest = stream.readline(1 << 20)
                yield lineno, None
                continue
        except _DAMAGED as exc:
            yield lineno, exc
            return
        yield lineno, line


def _damaged(where: str, exc: BaseException) -> Rejected:
    reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return Rejected(where, f"the file is damaged or ends early here ({reason}); the records "
                           "before this line were read, re-download or re-compress the file "
                           "for the rest")


def read_json(path: Path, origin: str, options: ReadOptions) -> Iterator[Source | Rejected]:
    """A ``.json`` file: one array of records, one record, or (often, in practice) JSON lines."""
    if path.stat().st_size > _MAX_JSON_DOCUMENT:
        yield from read_jsonl(path, origin, options)
        return
    try:
        with open_binary(path) as stream:
            data = stream.read()
        document = json.loads(data)
    except (ValueError, RecursionError, *_DAMAGED):
        # Not one JSON document (or a damaged one): read it line by line, so each bad
        # record is reported where it is and the good ones are kept.
        yield from read_jsonl(path, origin, options)
        return
    records = document if isinstance(document, list) else [document]
    namespace = namespace_for(path)
    for index, record in enumerate(records):
        yield record_to_source(record, where=f"{origin}[{index}]", origin=origin,
                               namespace=namespace, options=options)


def read_csv(path: Path, origin: str, options: ReadOptions, *,
             delimiter: str = ",") -> Iterator[Source | Rejected]:
    namespace = namespace_for(path)
    with open_binary(path) as raw:
        stream = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        reader = csv.reader(stream, delimiter=delimiter)
        try:
            header = next(reader, None)
        except UnicodeDecodeError:
            yield Rejected(f"{origin}:1", "not UTF-8 text; re-save the file as UTF-8")
            return
        except csv.Error as exc:
            yield Rejected(f"{origin}:1", f"unreadable CSV header ({exc}); fix the first row")
            return
        except _DAMAGED as exc:
            yield _damaged(f"{origin}:1", exc)
            return
        if not header:
            return
        header = [h.strip() for h in header]
        _check_mapped_columns(header, options, origin)
        start = reader.line_num + 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except _DAMAGED as exc:
                yield _damaged(f"{origin}:{start}", exc)
                return
            except UnicodeDecodeError:
                yield Rejected(f"{origin}:{start}", "not UTF-8 text from here on; re-save the "
                                                    "file as UTF-8 and read it again")
                return
            except csv.Error as exc:
                yield Rejected(f"{origin}:{start}", f"unreadable CSV ({exc}); fix the row")
                return
            where = f"{origin}:{start}"
            start = reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                yield Rejected(where, f"{len(row)} fields where the header has {len(header)}; "
                                      "check quoting in this row")
                continue
            yield record_to_source(dict(zip(header, row)), where=where, origin=origin,
                                   namespace=namespace, options=options)


def record_to_source(record: object, *, where: str, origin: str, namespace: str,
                     options: ReadOptions) -> Source | Rejected:
    if not isinstance(record, Mapping):
        return Rejected(where, "not a JSON object; each line must be one {...} record")
    fields = ArticleFields(**{ours: _first(record, options.names_for(ours))
                              for ours in ("text", "title", "url", "published", "outlet",
                                           "language", "authors", "attribution", "licence")})
    fields.record_id = _first(record, options.names_for("id"))
    fields.id_mapped = "id" in options.field_map  # --map id=COLUMN: that value is the id
    default_outlet = options.default_outlet
    if _is_reuters_21578(record):
        # Reuters-21578 rows carry neither outlet nor language; both are known for the set.
        default_outlet = default_outlet or "Reuters"
        fields.language = fields.language or "en"
    if not fields.text and not fields.title:
        return Rejected(where, "no text and no title (if they are under other names, map them "
                               "with --map text=COLUMN,title=COLUMN)")
    # Not the file's name as the id namespace: the same dump under two names must give the
    # same ids (build_source namespaces a dump id by its outlet, else uses the content).
    return build_source(fields, where=where, origin=origin, default_outlet=default_outlet,
                        max_record_chars=options.max_record_chars)


def _first(record: Mapping, names: tuple[str, ...]) -> object:
    for name in names:
        value = record.get(name)
        if value not in (None, "", [], {}):
            return value
    return None


def _is_reuters_21578(record: Mapping) -> bool:
    return "newid" in record and "dateline" in record


def _check_mapped_columns(header: list[str], options: ReadOptions, origin: str) -> None:
    missing = [theirs for theirs in options.field_map.values() if theirs not in header]
    if missing:
        raise InputError(f"{origin}: --map names column {missing[0]!r}, which the header does "
                         f"not have; columns are {', '.join(header)}")
