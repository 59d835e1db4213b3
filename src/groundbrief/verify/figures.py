"""Figures as a reader reads them: a value, what it counts, and where it stands in the text.

"Nine dead" and "9 killed" are one figure; "1.5 million" and "1,500,000" are one value; "$2bn"
and "2 billion dollars" are one amount; "67%", "67 percent" and "67 per cent" one share. A figure
is typed by what it counts when the text says so -- an age ("aged 89", "89-year-old", "at the
age of 89", "he was 95"), people (dead, injured, missing, arrested, or people in general),
votes, a percentage, money, a measure in a unit, a count of some noun -- so that two figures of
different types are never compared ("89 seats" is no age) and two of the same type are ("aged
89" against "he was 95" is a conflict a reader sees).

Numbers inside names are not figures: "B-17", "COVID-19", "AR-15", "Boeing 737", "G7"
(:func:`groundbrief.verify.names.digit_name_spans`); nor are years and the day numbers of dates
(:mod:`groundbrief.verify.dates`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from ..words import (
    FIGURE_ABOUT_EN, FIGURE_AT_LEAST_EN, FIGURE_AT_MOST_EN, FIGURE_NEARLY_EN, NUMBER_WORDS_EN,
)
from .dates import date_spans
from .names import digit_name_spans
from .surface import STOPWORDS, prepare_mapped

__all__ = ["Figure", "FigureKind", "extract_figures"]


class FigureKind(str, Enum):
    """What a figure counts, as far as its text says."""

    AGE = "age"
    PEOPLE = "people"  # unit: dead, injured, missing, arrested, or people (not said which)
    VOTES = "votes"
    PERCENT = "percent"  # unit: % or pp (percentage points)
    MONEY = "money"  # unit: the currency
    MEASURE = "measure"  # unit: km, t, °C, years (a duration) ...
    COUNT = "count"  # a count of the noun after it ("12 pacemakers"): noun, no unit
    NUMBER = "number"  # nothing says what it counts


# People counted in general: a figure of these matches any figure of people of equal value
# ("nine people" / "9 killed"), but conflicts only with another general count.
_PEOPLE_GENERAL = "people"


@dataclass(frozen=True)
class Figure:
    """A figure as stated. ``value`` after multipliers ("1.5 million" -> 1500000.0); ``unit``
    canonical ("%", "$", "km", "dead") or None; ``span``: its characters in the text given to
    :func:`extract_figures`; ``noun``: for a figure with no unit, the word it counts."""

    text: str
    value: float
    unit: str | None
    kind: FigureKind = FigureKind.NUMBER
    span: tuple[int, int] = (0, 0)
    noun: str | None = None
    # The values a reader takes the figure to allow: its rounding ("42%" allows 42.11%; "1.5
    # million" allows 1.52 million) or its qualifier ("over 42%", "nearly 100", "about 1,000",
    # "fewer than 20"). None: the value exactly.
    low: float | None = None
    high: float | None = None

    @property
    def bounds(self) -> tuple[float, float]:
        return (self.value if self.low is None else self.low,
                self.value if self.high is None else self.high)

    def same_value(self, other: Figure) -> bool:
        return abs(self.value - other.value) <= 1e-9 * max(1.0, abs(self.value))

    def allows(self, other: Figure) -> bool:
        """Whether every value ``other`` allows is one this figure allows: "over 42%" and "42%"
        allow the passage's "42.11 per cent"; "42.11%" does not allow a passage's "42%". A
        bound reaches only BOUND_REACH times its figure: "up to 500 mln dlrs" does not report
        the passage's 50 mln, nor "more than 10 died" its 200 dead."""
        lo, hi = self.bounds
        olo, ohi = other.bounds
        eps = 1e-9 * max(1.0, abs(self.value))
        if not (lo - eps <= olo and ohi <= hi + eps):
            return False
        if math.isinf(hi) and lo > 0:  # "more than", "at least"
            return olo <= lo * BOUND_REACH + eps
        if math.isinf(lo) and hi > 0:  # "up to", "under", "at most"
            return ohi >= hi / BOUND_REACH - eps
        return True

    def excludes(self, other: Figure) -> bool:
        """Whether no value allowed by one is allowed by the other ("12" / "41"; "over 42%" /
        "40%"), so that the two cannot both be true of the same thing."""
        lo, hi = self.bounds
        olo, ohi = other.bounds
        if self.low is None and self.high is None and other.low is None and other.high is None:
            return not self.same_value(other)
        return hi < olo or ohi < lo

    @property
    def typed(self) -> bool:
        """Whether the text says what this figure counts (a count of a noun does not refuse a
        match: "12 pacemakers" is the same figure as "12 devices")."""
        return self.kind not in (FigureKind.NUMBER, FigureKind.COUNT)

    def comparable(self, other: Figure) -> bool:
        """Whether the two figures count the same thing, so that different values conflict:
        the same type and unit ("aged 89" / "he was 95"; "3.1 pct" / "2.5 pct"), or the same
        noun counted ("12 pacemakers" / "41 pacemakers")."""
        if self.typed or other.typed:
            return self.kind == other.kind and self.unit == other.unit
        return self.noun is not None and self.noun == other.noun

    def matches(self, other: Figure) -> bool:
        """Whether ``other`` states this figure: a value this figure allows (the same, or one
        it rounds or bounds), and not a figure of another type (a figure whose type is not said
        matches any)."""
        if not (self.same_value(other) or self.allows(other)):
            return False
        if not (self.typed and other.typed):
            return True
        if self.kind != other.kind:
            return False
        if self.kind is FigureKind.PEOPLE:
            return _PEOPLE_GENERAL in (self.unit, other.unit) or self.unit == other.unit
        return self.unit == other.unit

    def conflicts_with(self, other: Figure) -> bool:
        """Whether ``other`` gives a different value for what this figure counts."""
        return self.comparable(other) and self.excludes(other)


# ---------------------------------------------------------------- reading numbers

# Words for numbers in running text. "one" is left out on its own: it is far more often a
# pronoun ("one of the largest") than a count; it still counts before a multiplier.
_WORD_NUMBERS = {w: v for w, v in NUMBER_WORDS_EN.items() if w not in ("zero", "one")}
_MULTIPLIERS = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3,
    "million": 1e6, "millions": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
    "billion": 1e9, "billions": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9,
    "trillion": 1e12, "trillions": 1e12, "trn": 1e12, "tn": 1e12,
}
# Unit spellings -> one canonical unit.
_UNITS = {
    "%": "%", "pct": "%", "percent": "%", "per cent": "%", "percentage points": "pp",
    "percentage point": "pp", "points": "points", "point": "points",
    "dlrs": "$", "dollars": "$", "dollar": "$", "usd": "$", "$": "$", "us$": "$",
    "euros": "€", "euro": "€", "eur": "€", "€": "€",
    "pounds": "£", "sterling": "£", "stg": "£", "gbp": "£", "£": "£",
    "yen": "¥", "¥": "¥",
    "°c": "°C", "degrees celsius": "°C", "degrees c": "°C", "c": "°C", "°f": "°F",
    "degrees fahrenheit": "°F", "degrees f": "°F", "degrees": "degrees", "degree": "degrees",
    "ppm": "ppm", "parts per million": "ppm",
    "tonnes": "t", "tonne": "t", "tons": "t", "ton": "t", "metric tons": "t",
    "km": "km", "kilometres": "km", "kilometers": "km", "miles": "mi", "mile": "mi",
    "metres": "m", "meters": "m", "metre": "m", "meter": "m", "feet": "ft", "foot": "ft",
    "cm": "cm", "mm": "mm", "inches": "in",
    "kg": "kg", "kilograms": "kg", "barrels": "bbl", "barrel": "bbl", "bpd": "bpd",
    "years": "years", "year": "years", "months": "months", "days": "days", "hours": "hours",
    "people": "people", "persons": "people", "deaths": "dead", "dead": "dead",
    "shares": "shares", "cts": "cts", "cents": "cts", "votes": "votes", "seats": "seats",
}
_CURRENCY_PREFIX = {"$": "$", "us$": "$", "€": "€", "£": "£", "¥": "¥"}
_KIND_OF_UNIT = {
    "%": FigureKind.PERCENT, "pp": FigureKind.PERCENT,
    "$": FigureKind.MONEY, "€": FigureKind.MONEY, "£": FigureKind.MONEY, "¥": FigureKind.MONEY,
    "cts": FigureKind.MONEY,
    "people": FigureKind.PEOPLE, "dead": FigureKind.PEOPLE, "votes": FigureKind.VOTES,
}

_UNIT_ALTS = "|".join(sorted((re.escape(u) for u in _UNITS if u not in {"$", "€", "£", "¥"}),
                             key=len, reverse=True))
_MULT_ALTS = "|".join(sorted(_MULTIPLIERS, key=len, reverse=True))
_WORD_ALTS = "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))
_NUMBER = re.compile(
    rf"""
    (?P<cur>US\$|\$|€|£|¥)?\s?
    (?:
        (?P<digits>(?<![\w.,/])(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?:-\d{{1,2}}/\d{{1,2}})?
                  |(?<![\w.,/])\.\d+)
        |
        (?P<words>\b(?:(?:{_WORD_ALTS})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?
                  |one(?=\s+(?:{_MULT_ALTS})\b)|a\s(?=(?:dozen|hundred)\b)(?:dozen|hundred))\b)
    )
    (?![\d])
    (?:\s?-?(?P<mult>{_MULT_ALTS})\b)?
    (?:\s?(?P<unit>%|(?:{_UNIT_ALTS})\b))?
    """,
    re.VERBOSE | re.IGNORECASE,
)


def _word_value(words: str) -> float:
    parts = words.lower().replace("-", " ").split()
    if parts[0] == "a":
        return float(_WORD_NUMBERS[parts[1]])
    if parts[0] == "one":
        return 1.0
    # "twenty-one": the unit word counts here, though "one" alone is no figure
    return float(sum(NUMBER_WORDS_EN.get(w, 0) for w in parts))


def _digits_value(digits: str) -> float:
    # Wire copy writes fractions as "9-1/8 pct": nine and one eighth.
    whole, _, frac = digits.replace(",", "").partition("-")
    value = float(whole)
    if frac:
        num, den = frac.split("/")
        value += int(num) / int(den) if int(den) else 0.0
    return value


def _is_year(digits: str) -> bool:
    return re.fullmatch(r"1[5-9]\d\d|20\d\d|2100", digits) is not None


# The word right after a unitless number is what it counts: "12 pacemakers". Only the next word
# is looked at, so "12 new pacemakers" counts nothing (no conflict is better than a wrong one).
_COUNTED = re.compile(r"\s+([a-z][a-z-]{2,})\b")


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


# ---------------------------------------------------------------- what a figure counts

# An age: "aged 89", "age 89", "at the age of 89", "died at 89", "89-year-old", "89 years old",
# "he was 95" (a person "was" a bare number at the end of a clause), and the French and Dutch
# forms wire copy in those languages uses.
_AGE_BEFORE = re.compile(
    r"\b(?:aged|age|ages|age\s+of|died\s+at|dies\s+at|dead\s+at|death\s+at|"
    r"âgée?s?\s+de|à\s+l'âge\s+de|op\s+(?:de\s+)?leeftijd\s+van|leeftijd\s+van)\s+$",
    re.IGNORECASE,
)
_AGE_AFTER = re.compile(
    r"(?:-|\s)years?(?:-|\s)old\b|-yr-old\b|-jarige?\b|\s+jaar\s+oud\b",
    re.IGNORECASE,
)
# "he was 95", "Mugabe, who was 95,": a person, then a form of "be" or "turn", then the figure.
_PERSON_WAS = re.compile(r"\b(?P<who>[Hh]e|[Ss]he|who|[A-Z][\w'-]+)\s+(?:was|is|turned|turns|"
                         r"had\s+turned|will\s+turn|would\s+have\s+(?:been|turned))\s+$")
# ... and the clause must end there, or "he was 95 km away" would be an age.
_AGE_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)]|$|(?:when|at\s+the\s+time|and|but|on|in)\b)")


def _names_a_person(word: str) -> bool:
    """"he", "she", "who", or a capitalised word that is not an ordinary word ("Mugabe was 95",
    not "Inflation was 5")."""
    if word.lower() in {"he", "she", "who"}:
        return True
    from ..brief.lexicon import lowercase_words  # a data file: loaded on first use

    return word.lower() not in lowercase_words() and word.lower() not in STOPWORDS


def _is_age(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 40): start]
    if _AGE_AFTER.match(text, end) or _AGE_BEFORE.search(before):
        return True
    was = _PERSON_WAS.search(before)
    return (was is not None and _names_a_person(was.group("who"))
            and _AGE_CLAUSE_END.match(text, end) is not None)


# People: what happened to them, said after the figure ("9 killed", "nine people died", "20
# were injured") or before it ("killing nine", "a death toll of 9").
_PEOPLE_FATE = {
    "dead": "dead", "killed": "dead", "died": "dead", "die": "dead", "deaths": "dead",
    "fatalities": "dead", "lives": "dead", "bodies": "dead", "perished": "dead",
    "injured": "injured", "wounded": "injured", "hurt": "injured", "injuries": "injured",
    "missing": "missing", "arrested": "arrested", "detained": "arrested", "arrests": "arrested",
}
_PEOPLE_NOUNS = frozenset(
    """people persons residents civilians children adults men women soldiers troops police
    officers workers employees staff voters passengers patients migrants refugees students
    protesters demonstrators victims casualties inhabitants pilgrims fans players miners
    journalists prisoners hostages survivors individuals citizens""".split()
)
_FATE_BEFORE = re.compile(
    r"\b(?:(?P<dead>kill(?:ed|ing|s)?|claim(?:ed|ing|s)?\s+the\s+lives\s+of|death\s+toll\s+"
    r"(?:\w+\s+){0,2}(?:of|at|to)|deaths\s+of)|(?P<injured>injur(?:ed|ing|es)|wound(?:ed|ing|s))"
    r"|(?P<arrested>arrest(?:ed|ing|s)|detain(?:ed|ing|s)))\s+(?:at\s+least\s+|some\s+|about\s+|"
    r"nearly\s+|almost\s+|more\s+than\s+|over\s+|around\s+|as\s+many\s+as\s+|up\s+to\s+|"
    r"an\s+estimated\s+|roughly\s+|approximately\s+|fewer\s+than\s+|less\s+than\s+)?$",
    re.IGNORECASE,
)
_VOTE_NOUNS = frozenset({"votes", "vote", "ballots"})
_CLAUSE_WORD = re.compile(r"\s*([A-Za-z][\w'-]*)")


# Words that end the clause of a figure: "infected 500 million and killed 100 million".
_CLAUSE_ENDS = frozenset({"and", "or", "but", "while", "whereas", "with", "including"})


def _following_words(text: str, pos: int, limit: int = 3) -> list[str]:
    """Up to ``limit`` words after ``pos``, stopping at punctuation or a conjunction (the
    clause of the figure)."""
    words: list[str] = []
    while len(words) < limit:
        m = _CLAUSE_WORD.match(text, pos)
        if m is None or m.group(1).lower() in _CLAUSE_ENDS:
            break
        words.append(m.group(1).lower())
        pos = m.end()
    return words


def _counts_something_else(after: list[str]) -> bool:
    """The first word after the figure is a noun that names no people: "killed 1 million
    bats" counts bats."""
    return bool(after) and after[0] not in STOPWORDS and after[0] not in _PEOPLE_NOUNS \
        and after[0] not in _PEOPLE_FATE and after[0] not in {"more", "other", "people"}


def _people_unit(before: str, after: list[str]) -> str | None:
    """dead / injured / missing / arrested / people, from the words around a figure."""
    m = _FATE_BEFORE.search(before)
    if m is not None and not _counts_something_else(after):
        return next(k for k, v in m.groupdict().items() if v)
    counted_people = False
    for word in after:
        if word in _PEOPLE_FATE:
            return _PEOPLE_FATE[word]
        if word in _PEOPLE_NOUNS:
            counted_people = True
        elif word not in STOPWORDS and not counted_people and word not in {"more", "other"}:
            break  # "9 new pacemakers": the figure counts something else
    return _PEOPLE_GENERAL if counted_people else None


def _typed(text: str, m: re.Match[str], value: float, unit: str | None,
           has_mult: bool) -> tuple[FigureKind, str | None, str | None]:
    """(kind, unit, noun) of the figure matched by ``m``."""
    start, end = m.start("digits") if m.group("digits") else m.start("words"), m.end()
    if unit in _KIND_OF_UNIT:
        kind = _KIND_OF_UNIT[unit]
        if kind is FigureKind.PEOPLE and unit == _PEOPLE_GENERAL:
            unit = _people_unit(text[max(0, start - 40): start], _following_words(text, end))
            unit = unit or _PEOPLE_GENERAL
        return kind, unit, None
    if unit is not None:
        # "89 years old", "aged 89 years": the unit is read with the number, so look past it.
        if unit == "years" and value < 130 and (
                re.match(r"\s*old\b", text[end:])
                or _AGE_BEFORE.search(text[max(0, start - 40): start])):
            return FigureKind.AGE, "years", None
        return FigureKind.MEASURE, unit, None
    if not has_mult and value == int(value) and 0 < value < 130 and _is_age(text, start, end):
        return FigureKind.AGE, "years", None
    after = _following_words(text, end)
    people = _people_unit(text[max(0, start - 40): start], after)
    if people is not None:
        return FigureKind.PEOPLE, people, None
    if after and after[0] in _VOTE_NOUNS:
        return FigureKind.VOTES, "votes", None
    noun = None
    counted = _COUNTED.match(text, end)
    if counted and counted.group(1).lower() not in STOPWORDS:
        noun = _singular(counted.group(1).lower())
    return (FigureKind.COUNT if noun else FigureKind.NUMBER), None, noun


# Qualifiers that make a figure a bound or an estimate, read just before it.
def _qualifier(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join(words)})\s*(?:US)?[$€£¥]?\s*$", re.IGNORECASE)


_AT_LEAST = _qualifier(FIGURE_AT_LEAST_EN)
_AT_MOST = _qualifier(FIGURE_AT_MOST_EN)
_NEARLY = _qualifier(FIGURE_NEARLY_EN)
_ABOUT = _qualifier(FIGURE_ABOUT_EN)
#: How far an estimate ("about 1,000") or a "nearly" may be from the value given.
_ESTIMATE_SHARE = 0.1


#: How far from its figure a bound still reports a value (see Figure.allows). Not how far it is
#: true ("up to 500" is true of 50) but how far a reader takes it to describe the value: a claim
#: that "more than 10" died where the source counts 200 understates the source, and a cap of
#: "up to 500 mln" is another figure than the 50 mln of the passage. Fixed, not tuned. For
#: conflicts (Figure.excludes) a bound still reaches as far as it is true.
BOUND_REACH = 2.0


def _allowed(before: str, digits: str | None, value: float,
             mult: float) -> tuple[float | None, float | None]:
    """The values a figure allows (see :attr:`Figure.low`), from the words just before it and
    the precision of its digits: "42%" is any value that rounds to 42 (41.5 to 42.5)."""
    span = abs(value) * _ESTIMATE_SHARE
    if _AT_LEAST.search(before):
        return value, math.inf
    if _AT_MOST.search(before):
        return -math.inf, value
    if _NEARLY.search(before):
        return value - span, value
    if _ABOUT.search(before):
        return value - span, value + span
    if digits is None or "/" in digits:
        return None, None
    decimals = len(digits.partition(".")[2])
    half = 0.5 * 10.0 ** -decimals * mult
    return value - half, value + half


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    for s, e in spans:
        text = text[:s] + " " * (e - s) + text[e:]
    return text


def extract_figures(text: str) -> list[Figure]:
    """The figures of ``text``, in order, typed by what they count.

    Years are dates, not figures (:mod:`groundbrief.verify.dates`); day numbers of dates and
    numbers inside names ("B-17", "Boeing 737", "COVID-19") are skipped. ``span`` points into
    ``text`` as given.
    """
    return list(_figures(text))


# A claim is compared with every passage retrieved for it: read it once.
@lru_cache(maxsize=4096)
def _figures(text: str) -> tuple[Figure, ...]:
    prepared, offsets = prepare_mapped(text)
    # Day numbers belong to their dates ("February 22" is not the figure 22), and numbers in
    # names to the names; blanked, not removed, so positions stay put.
    scan = _blank(prepared, date_spans(prepared) + digit_name_spans(prepared))
    out: list[Figure] = []
    for m in _NUMBER.finditer(scan):
        digits, words = m.group("digits"), m.group("words")
        mult_word = (m.group("mult") or "").lower()
        unit_word = (m.group("unit") or "").lower()
        cur = m.group("cur")
        if digits is not None:
            # A bare four-digit year is a date; "1,000", "1987 dlrs" or "2000 pct" are not.
            if _is_year(digits) and not (mult_word or unit_word or cur):
                continue
            value = _digits_value(digits)
        else:
            # "ten" in "ten-year plan" is kept; words never become years.
            value = _word_value(words)
        # Single-letter multipliers ("5 m", "3 b") only count glued to a currency amount,
        # otherwise "5 m" is five metres and "A 5 b" is noise.
        if mult_word in {"m", "b", "k"} and not cur:
            if unit_word == "" and mult_word == "m":
                unit_word = "metres"
            mult_word = ""
        value *= _MULTIPLIERS.get(mult_word, 1.0)
        unit = _CURRENCY_PREFIX.get(cur.lower()) if cur else None
        if unit_word:
            unit = _UNITS.get(unit_word, unit)
        kind, unit, noun = _typed(scan, m, value, unit, bool(mult_word))
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        end = m.end() - (len(m.group(0)) - len(m.group(0).rstrip()))
        low, high = _allowed(scan[max(0, start - 24): start], digits, value,
                             _MULTIPLIERS.get(mult_word, 1.0))
        out.append(Figure(text=prepared[start:end], value=value, unit=unit, kind=kind,
                          span=(offsets[start], offsets[end - 1] + 1), noun=noun,
                          low=low, high=high))
    return tuple(out)
