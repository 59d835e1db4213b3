"""Dates and durations of an aligned clause against the claim's: another day, month or year for
one event, a duration in another length ("lasted three weeks" / "three days"), a month or
weekday alone in two clauses that tell one deed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..words import NUMBER_WORDS_EN
from .findings import Finding, Relation
from .role_figures import figure_equal
from .parts import Frame
from .surface import MONTHS, WEEKDAYS

def compare_dates(cf: Frame, pf: Frame, same_event: bool) -> list[Finding]:
    from .checks import check_dates

    if not cf.dates or not pf.dates:
        return []
    res = check_dates(cf.sentence or cf.text, pf.sentence)
    if res.conflicting and not cf.figures:
        return [Finding("date", ", ".join(res.missing) or cf.dates[0],
                        ", ".join(pf.dates), Relation.CONFLICT)]
    # A month or a weekday alone ("will close in March" / "would close in May", "resigned on
    # Tuesday" / "on Monday") is no date the date check reads (no day of the month, no year),
    # but in two clauses telling one event (the same deed, not just the same participants:
    # "ended their strike on Tuesday" is not "stayed off the job on Monday") it is the same
    # detail given two values.
    if not same_event:
        return []
    cd, pd = _durations(cf.dates), _durations(pf.dates)
    # two times in several units ("2 hours 1 minute 40 seconds" / "1 hour 59 minutes 40.2
    # seconds") are read to their smallest unit; anything else to a tenth
    within = (max(_precision(cd[0][1]) or 0, _precision(pd[0][1]) or 0)
              if len(cd) == len(pd) == 1 and _compound(cd[0][1]) and _compound(pd[0][1]) else None)
    if len(cd) == len(pd) == 1 and _lengths_conflict(cd[0], pd[0], within):
        # "lasted three weeks" / "lasted three days": a duration is no date the date check
        # compares, and its unit is part of the figure
        return [Finding("duration", cd[0][1], pd[0][1], Relation.CONFLICT)]
    # With figures, only where the passage's clause gives each of them ("rose 5% on Monday" /
    # "rose 5% on Tuesday"): another figure makes it another period's report, not this one.
    figures_agree = all(any(figure_equal(a, b) for b in pf.figures) for a in cf.figures)
    for kind in ("month", "weekday"):
        cm, pm = _alone(cf.dates, kind), _alone(pf.dates, kind)
        if not res.conflicting and not res.matched and figures_agree \
                and len(cm) == len(pm) == 1 and cm[0][0] != pm[0][0]:
            return [Finding("date", cm[0][1], pm[0][1], Relation.CONFLICT)]
    return []


_DURATION = re.compile(
    r"\A(?:(?:for|about|around|some|nearly|almost|over|under|within|below|above|at least|"
    r"more than|less than|just|in)\s+)*"
    r"(?P<n>\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|a dozen|several|a few)[\s-]+(?P<u>second|minute|hour|day|week|month|year|decade)s?"
    r"(?:[\s-]+long)?\Z", re.IGNORECASE)
_UNIT_DAYS = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7,
              "month": 30.4, "year": 365.25, "decade": 3652.5}
_COUNT_WORDS = {**NUMBER_WORDS_EN, "a": 1, "an": 1, "a dozen": 12}


def _durations(dates: Sequence[str]) -> list[tuple[float | None, str]]:
    """The lengths of time among a clause's dates, in days (None for "several", "a few"), with
    the words that give them: "three weeks" is 21 days."""
    out = []
    for d in dates:
        m = _DURATION.match(d.strip())
        if m:
            n = m.group("n").lower()
            value = float(n) if n[0].isdigit() else _COUNT_WORDS.get(n)
            out.append((None if value is None else value * _UNIT_DAYS[m.group("u").lower()], d))
        elif (parts := _compound(d)) is not None:
            out.append((sum(v for v, _ in parts), d))
    return out


_TIME_PART = re.compile(r"(?P<n>\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|"
                   r"eleven|twelve)[\s-]+(?P<u>second|minute|hour|day|week|month|year)s?",
                   re.IGNORECASE)


def _compound(text: str) -> list[tuple[float, float]] | None:
    """A length of time in several units ("1 hour 59 minutes 40.2 seconds", "two hours and
    one minute"), as (days, days of its unit) per part; None for anything else."""
    parts, rest = [], text.strip()
    for m in _TIME_PART.finditer(rest):
        n = m.group("n").lower()
        value = float(n) if n[0].isdigit() else float(_COUNT_WORDS[n])
        unit = _UNIT_DAYS[m.group("u").lower()]
        parts.append((value * unit, unit))
    leftover = re.sub(r"\b(?:and|in|for|about|some|just|under|over)\b|,", " ", _TIME_PART.sub(" ", rest))
    return parts if len(parts) >= 2 and not leftover.strip() else None


def _precision(text: str) -> float | None:
    """How exactly a length in several units is given: its smallest unit ("40 seconds" in
    "2 hours 1 minute 40 seconds": one second). A race time is read to that unit, not to the
    tenth a single unit allows ("three weeks" / "20 days")."""
    parts = _compound(text)
    return min(unit for _, unit in parts) if parts else None


_UNDER = re.compile(r"\A\s*(?:in\s+)?(?:less\s+than|under|fewer\s+than|below|within)\b", re.IGNORECASE)
_OVER = re.compile(r"\A\s*(?:in\s+)?(?:more\s+than|over|above|at\s+least)\b", re.IGNORECASE)


def _lengths_conflict(claim: tuple[float | None, str], passage: tuple[float | None, str],
                      within: float | None) -> bool:
    """Whether two lengths of time cannot both hold. A bound ("less than two hours", "more
    than two weeks") on one side holds a length on the other that falls inside it ("1 hour 59
    minutes 40.2 seconds", "three weeks") and conflicts with one outside it ("2 hours 1 minute
    40 seconds", "ten days"); two bounds are not compared; two lengths must be the same."""
    (a, ctext), (b, ptext) = claim, passage
    if a is None or b is None:
        return False
    cb = "under" if _UNDER.match(ctext) else "over" if _OVER.match(ctext) else None
    pb = "under" if _UNDER.match(ptext) else "over" if _OVER.match(ptext) else None
    if cb and pb:
        return False
    if pb:
        return (pb == "under" and a >= b) or (pb == "over" and a <= b)
    if cb:
        return (cb == "under" and b >= a) or (cb == "over" and b <= a)
    return not _same_length(a, b, within)


def _same_length(a: float | None, b: float | None, within: float | None = None) -> bool:
    """Two lengths of time a reader takes for one ("three weeks" / "21 days"); a vague one
    ("several days") is compared with nothing. ``within``: the precision of a length given in
    several units, which is compared to it instead of a tenth."""
    if a is None or b is None:
        return True
    if within is not None:
        return abs(a - b) < within * 1.0001
    return abs(a - b) <= 0.1 * max(a, b)


# The month and weekday names are the date checks' own (surface.py); of the months, the full
# names only (not "jan", "sept": a key that begins another key is an abbreviation).
_FULL_MONTHS = [k for k in MONTHS if not any(o != k and o.startswith(k) for o in MONTHS)]
_ALONE = {
    "month": re.compile(r"\A(?:(?:in|early|late|mid|by|until|from|since)[\s-]+)*"
                        rf"(?P<m>{'|'.join(_FULL_MONTHS)})\Z", re.IGNORECASE),
    "weekday": re.compile(r"\A(?:(?:on|last|this|next|early|late|by|until|from|since)\s+)*"
                          rf"(?P<m>{'|'.join(sorted(WEEKDAYS))})"
                          r"(?:\s+(?:morning|afternoon|evening|night))?\Z", re.IGNORECASE),
}


def _alone(dates: Sequence[str], kind: str) -> list[tuple[str, str]]:
    """The dates of a clause that are a month, or a weekday, alone: (which, as written)."""
    out = []
    for d in dates:
        m = _ALONE[kind].match(d.strip())
        if m:
            out.append((m.group("m").lower(), d))
    return out
