"""Dates as stated: years, months, day-month dates ("Feb 26" = "26 February"), decades, ISO
dates, and future time phrases ("next week") that make a claim a report of a plan.

Moved out of ``checks.py`` unchanged; the figure extractor needs the date spans so that day
numbers ("February 22") are not read as counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..words import FUTURE_PHRASES
from .surface import MONTHS as _MONTHS
from .surface import prepare as _prepare

__all__ = ["DateMention", "date_key", "date_spans", "extract_dates", "future_references"]


@dataclass(frozen=True)
class DateMention:
    """A date as precise as stated: any of year, month, day may be None."""

    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None

    def covered_by(self, other: DateMention) -> bool:
        """True when ``other`` states this date, possibly more precisely."""
        return all(
            mine is None or mine == theirs
            for mine, theirs in ((self.year, other.year), (self.month, other.month),
                                 (self.day, other.day))
        )

    def differs_from(self, other: DateMention) -> bool:
        """True when ``other`` states a different date at (at least) the same precision."""
        pairs = [(a, b) for a, b in ((self.year, other.year), (self.month, other.month),
                                     (self.day, other.day)) if a is not None]
        return all(b is not None for _, b in pairs) and any(a != b for a, b in pairs)


_MONTH_ALTS = "|".join(sorted(_MONTHS, key=len, reverse=True))
# Month names are only months when capitalised ("may" is a verb, "march" a noun); "May" and
# "March" on their own also open sentences as names, so they need a day or a year beside them.
_DATE = re.compile(
    rf"""
    (?:(?P<d1>\b[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?)?
    (?P<month>\b(?:{_MONTH_ALTS.title()}|{_MONTH_ALTS.upper()})\b)\.?
    (?:\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*(?:%|pct|percent)))?
    (?:,?\s+(?P<y1>(?:1[5-9]|20)\d\d)\b)?
    |
    (?P<decade>\b(?:1[5-9]|20)\d0)s\b
    |
    (?P<iso>\b(?:1[5-9]|20)\d\d-[01]\d-[0-3]\d\b)
    |
    (?P<y2>(?<![\w.,$€£])(?:1[5-9]\d\d|20\d\d|2100)(?!\d|,\d|\.\d|\s?(?:%|pct|percent|mln|million|bln|billion)))
    """,
    re.VERBOSE,
)


def extract_dates(text: str) -> list[DateMention]:
    text = _prepare(text)
    out: list[DateMention] = []
    for m in _DATE.finditer(text):
        if m.group("iso"):
            y, mo, d = m.group("iso").split("-")
            out.append(DateMention(m.group(0), int(y), int(mo), int(d)))
        elif m.group("decade"):
            out.append(DateMention(m.group(0)))  # compared as text, see date_key
        elif m.group("y2"):
            out.append(DateMention(m.group(0), year=int(m.group("y2"))))
        else:
            month_word = m.group("month")
            day = m.group("d1") or m.group("d2")
            year = m.group("y1")
            if month_word.lower() in {"may", "march"} and month_word != month_word.upper():
                if not (day or year):
                    continue
            if day is not None and not 1 <= int(day) <= 31:
                day = None
            out.append(DateMention(
                m.group(0).strip(),
                year=int(year) if year else None,
                month=_MONTHS[month_word.lower()],
                day=int(day) if day else None,
            ))
    return out


def date_key(d: DateMention) -> str:
    if d.year is None and d.month is None:
        return d.text.lower()
    return f"{d.year or '????'}-{d.month or 0:02d}-{d.day or 0:02d}"


# A future time reference ("next week", "tomorrow") makes a claim a report of a plan or a
# forecast: a passage about the same people and places without it is about something that
# happened, not about what will happen ("Navalny will be flown back to Moscow next week" is not
# supported by "Navalny was flying to Moscow when he fell ill"). The phrase must be in the
# passage. Past references ("yesterday", "last week") are left alone: sources shift them to
# weekdays and dates, so requiring them would reject good evidence.
_FUTURE = re.compile("|".join(rf"\b{p}\b" for p in FUTURE_PHRASES["en"]), re.IGNORECASE)


def future_references(text: str) -> list[str]:
    """Future time phrases of ``text``, lowercased, in order of appearance."""
    return [" ".join(m.group(0).lower().split()) for m in _FUTURE.finditer(text)]


def date_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the day-month dates of ``text`` (already prepared), whose day
    numbers are part of the date, not counts ("week ended February 22")."""
    return [m.span() for m in _DATE.finditer(text) if not m.group("y2")]
