"""Publication times from the many formats dumps and feeds use, always as aware UTC datetimes.

Tried in order of cost: epoch numbers, Reuters-21578's ``26-FEB-1987 15:01:01.79``, ISO 8601,
RFC 2822 (RSS), then dateutil for the long tail. A value without a zone is taken to be UTC,
which is what wire dumps and ``YYYY-MM-DD`` dates mean in practice.
"""

from __future__ import annotations

import re
import warnings
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

from dateutil import parser as dateutil_parser

from ..models import utc

_MONTHS = {m: i for i, m in enumerate(
    ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), start=1)}
_REUTERS = re.compile(
    r"(\d{1,2})-([A-Za-z]{3})-(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?"
    # Some Reuters-21578 DATE fields carry leaked SGML after the time
    # ("27-MAR-1987 00:02:59.13&#5;&#5;&#5;F RM"): the time itself is intact.
    r"(?=$|&#|\s|#)"
)
_EPOCH = re.compile(r"-?\d{9,13}(?:\.\d+)?")
# Epoch values above this are milliseconds (1e11 s is the year 5138; 1e11 ms is 1973).
_MS_THRESHOLD = 1e11
# A year alone is not a publication time: inventing "1 January" would mislead the as-of filter.
_YEAR_ONLY = re.compile(r"\d{4}")


# email.utils is lenient enough to misread "March 5, 2021 10:00 PM EST"; only give it RFC 2822.
_RFC2822 = re.compile(r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+(\d{2,4})\s+\d{1,2}:\d{2}")
# Zone abbreviations common in English-language news pages; ambiguous ones (IST, CST in Asia)
# are read the way US and European outlets use them.
_ZONES = {
    "UTC": 0, "GMT": 0, "Z": 0, "UT": 0,
    "EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600,
    "MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600,
    "BST": 3600, "CET": 3600, "CEST": 2 * 3600, "EET": 2 * 3600, "EEST": 3 * 3600,
}
_MAX_DATE_CHARS = 100  # "Tuesday, 26 February 1987 15:01:01.79 Eastern Standard Time" is 60
_DEFAULT_A = datetime(2000, 1, 1)
_DEFAULT_B = datetime(2001, 2, 2)


class DateError(ValueError):
    """A value that is present but cannot be read as a date."""


def parse_date(value: object) -> datetime | None:
    """Return ``value`` as an aware UTC datetime, ``None`` for an empty value.

    Raises :class:`DateError` for a value that is present but not a date, so the caller can
    report the record instead of silently dropping its time. Values outside what a datetime
    can hold (a zone offset of +25:00, year 0 or 10000, ``0001-01-01T00:00+01:00``, which is
    before year 1 in UTC, an epoch number above 1e308) are such values, never a crash.
    """
    try:
        return _parse(value)
    except DateError:
        raise
    except (ValueError, OverflowError, TypeError, OSError) as exc:
        raise DateError(f"date out of range: {show(value)}") from exc


def show(value: object, limit: int = 60) -> str:
    """``repr`` of a hostile value, short and safe: an int over 4,300 digits cannot even be
    printed by ``repr``."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        return f"a {value.bit_length():,}-bit number"
    text = repr(value) if not isinstance(value, str) else repr(value[: limit + 1])
    return text if len(text) <= limit else text[:limit] + "…"


def _parse(value: object) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return utc(value)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**15:
        raise DateError(f"epoch time out of range: {show(value)}")
    if isinstance(value, bool):
        raise DateError(f"not a date: {show(value)}")
    if isinstance(value, (int, float)):
        return _from_epoch(float(value))
    if not isinstance(value, str):
        raise DateError(f"not a date: {show(value)}")
    s = value.strip()
    if not s:
        return None
    if len(s) > _MAX_DATE_CHARS:
        # Python's ISO parser reads "1" x 5,000 as 1111-11-11 11:11:11.111111: no real
        # date is that long, so such a value is refused rather than read as something.
        raise DateError(f"too long to be a date ({len(s):,} characters): {show(s)}")
    if _EPOCH.fullmatch(s):
        return _from_epoch(float(s))
    m = _REUTERS.match(s)
    if m:
        return _reuters(m)
    if _YEAR_ONLY.fullmatch(s):
        raise DateError(f"a year alone is not a publication date: {show(s)}")
    try:
        return utc(datetime.fromisoformat(s.replace("Z", "+00:00") if s.endswith("Z") else s))
    except ValueError:
        pass
    if _RFC2822.match(s):
        check_rfc2822_year(s)
        try:
            return utc(parsedate_to_datetime(s))
        except (TypeError, ValueError, IndexError):
            pass
    try:
        with warnings.catch_warnings():
            # An unknown zone name would otherwise be dropped with a warning and the time
            # read as UTC: hours off, silently.
            warnings.simplefilter("error", dateutil_parser.UnknownTimezoneWarning)
            # Parsed twice with different defaults: dateutil fills missing parts from the default
        # (today, unless told), so a difference means the value lacks a day, month or year.
            first = dateutil_parser.parse(s, default=_DEFAULT_A, tzinfos=_ZONES)
            second = dateutil_parser.parse(s, default=_DEFAULT_B, tzinfos=_ZONES)
    except dateutil_parser.UnknownTimezoneWarning as exc:
        raise DateError(f"unknown time zone in {show(s)}") from exc
    except (ValueError, ArithmeticError) as exc:
        # ArithmeticError: OverflowError, and decimal's InvalidOperation, which dateutil raises
        # for minutes written with forty digits ("00:8888…8800:"; found by benchmarks/fuzz_atheris.py).
        raise DateError(f"not a date: {show(s)}") from exc
    if first.date() != second.date():
        raise DateError(f"incomplete date (no day, month or year): {show(s)}")
    return utc(first)


def check_rfc2822_year(value: str) -> None:
    """Raise :class:`DateError` for an RFC 2822 date whose year is 0-999: email.utils (and
    feedparser) read "0000" as 2000 and "999" as 2899, a wrong date given silently."""
    m = _RFC2822.match(value.strip())
    if m and (len(m.group(1)) == 3 or (len(m.group(1)) == 4 and m.group(1).startswith("0"))):
        raise DateError(f"year {m.group(1)} out of range: {show(value)}")


def _from_epoch(seconds: float) -> datetime:
    if abs(seconds) >= _MS_THRESHOLD:
        seconds /= 1000.0
    try:
        return datetime.fromtimestamp(seconds, tz=timezone.utc)
    except (OverflowError, OSError, ValueError) as exc:
        raise DateError(f"epoch time out of range: {show(seconds)}") from exc


def _reuters(m: re.Match[str]) -> datetime:
    day, mon, year, hh, mm, ss, frac = m.groups()
    month = _MONTHS.get(mon.upper())
    if month is None:
        raise DateError(f"unknown month {mon!r}")
    micro = int((frac or "0").ljust(6, "0"))
    try:
        return datetime(int(year), month, int(day), int(hh), int(mm), int(ss), micro,
                        tzinfo=timezone.utc)
    except ValueError as exc:
        raise DateError(f"not a date: {show(m.group(0))}") from exc
