"""Deterministic agreement signals between a claim and a passage.

A trained NLI model judges meaning but is blind to the details audits catch AI news tools
getting wrong: a changed figure, a shifted date, a different person, a dropped "not", a quote
that was paraphrased. These checks look at exactly those details, with rules a reader can
follow, so the verifier can cap support when a detail is absent (invariants I4 and I5 of
``DESIGN.md``) and raise contradiction when a detail conflicts.

Every check takes plain strings and returns a small frozen result; ``signal()`` turns it into
the JSON-ready dict recorded in ``PassageJudgement.signals``. Nothing here loads a model, so
the whole module runs in microseconds per pair.

Checks (all take ``claim, passage``):

* :func:`check_numbers` -- quantities, normalised ("2.5 pct" = "2.5%", "1,000" = "1000",
  "5 mln" = "5 million" = "five million"). A claim quantity with a known unit conflicts
  with a passage quantity of the same unit and another value; a unitless one with another
  count of the same noun ("12 pacemakers" against "41 pacemakers").
* :func:`check_dates` -- years, months, day-month dates ("Feb 26" = "26 February").
* :func:`check_entities` -- capitalised names and acronyms, with name variants
  ("Kanko" ~ "Assita Kanko", "U.S." ~ "United States").
* :func:`check_negation` -- polarity of the claim against the passage sentence closest to it.
* :func:`check_direction` -- direction of change (rise / fall, warming / cooling) likewise.
* :func:`check_quotes` -- quoted text must occur verbatim up to whitespace and quote style.
* :func:`check_speaker` -- the speaker (or last name) appears near a speech verb.

And :func:`missing_facts`, which the composer uses to enforce I4/I5 on any statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..text import fold_quotes, sentences

__all__ = [
    "CheckResult",
    "DateMention",
    "DirectionResult",
    "NegationResult",
    "Quantity",
    "SpeakerResult",
    "check_dates",
    "check_direction",
    "check_entities",
    "check_negation",
    "check_numbers",
    "check_quotes",
    "check_speaker",
    "content_overlap",
    "extract_dates",
    "extract_entities",
    "extract_quantities",
    "extract_quotes",
    "missing_facts",
    "negation_cues",
]


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class CheckResult:
    """Outcome of a set-comparison check: which of the claim's items the passage has.

    ``matched``: claim items found in the passage. ``missing``: claim items not found.
    ``conflicting``: the subset of ``missing`` for which the passage states a different value
    of the same kind (another percentage, another year) -- evidence against, not just absence.
    """

    name: str
    matched: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    conflicting: tuple[str, ...] = ()

    @property
    def applicable(self) -> bool:
        """Whether the claim had anything of this kind to check."""
        return bool(self.matched or self.missing)

    @property
    def ok(self) -> bool:
        return not self.missing

    def signal(self) -> dict[str, Any]:
        return {
            "matched": list(self.matched),
            "missing": list(self.missing),
            "conflicting": list(self.conflicting),
        }


@dataclass(frozen=True)
class NegationResult:
    """Polarity of the claim and of the passage sentence that best matches it.

    ``overlap`` is the fraction of the claim's content words found in that sentence: a
    polarity mismatch only means something when both talk about the same thing.
    """

    claim_cues: tuple[str, ...]
    passage_cues: tuple[str, ...]
    sentence: str
    overlap: float

    @property
    def mismatch(self) -> bool:
        return bool(self.claim_cues) != bool(self.passage_cues)

    def signal(self) -> dict[str, Any]:
        return {
            "claim_cues": list(self.claim_cues),
            "passage_cues": list(self.passage_cues),
            "mismatch": self.mismatch,
            "overlap": round(self.overlap, 4),
        }


@dataclass(frozen=True)
class SpeakerResult:
    """Whether the passage reports the speaker saying something.

    ``name_found``: the form of the name seen in the passage (full or last name), or None.
    ``speech_verb``: the speech verb seen in the sentence naming the speaker or the next one.
    """

    speaker: str
    name_found: str | None
    speech_verb: str | None

    @property
    def confirmed(self) -> bool:
        return self.name_found is not None and self.speech_verb is not None

    def signal(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "name_found": self.name_found,
            "speech_verb": self.speech_verb,
            "confirmed": self.confirmed,
        }


# ---------------------------------------------------------------- shared normalisation

# Wikipedia (and so Climate-FEVER) typesets chemical subscripts as "CO 2"; without this the
# "2" reads as a quantity and "CO" as a name.
_FORMULA = re.compile(r"\b(CO|CH|SF|SO|NO|N|O|H)\s(\d)(?!\d|[.,]\d)")


def _prepare(text: str) -> str:
    text = fold_quotes(text)
    return _FORMULA.sub(r"\1\2", text)


# Function words and words that open a sentence without naming anything: used to trim
# capitalised runs ("The European Union" -> "European Union") and to drop sentence-initial
# capitals that are ordinary words ("However", "Scientists").
_STOPWORDS = frozenset(
    """a an the this that these those there here it its it's he she they we you i his her their our
    my your him them us me who whom whose which what when where why how and or but nor so yet for of
    in on at by to from with without into onto over under about above below after before during since
    until while as if than then though although because unless whether both either neither each every
    all any some many most more much few several no not none one other another such only also even
    just still already again ever never always often sometimes now today yesterday tomorrow be is are
    was were been being am do does did done have has had having will would shall should can could may
    might must according however meanwhile moreover furthermore therefore thus instead indeed overall
    despite among between through across against around near within per via mr mrs ms dr prof sir
    madam yes oh new old first last next many well like unlike including""".split()
)

# Words for numbers in running text. "one" is left out on its own: it is far more often a
# pronoun ("one of the largest") than a count; it still counts before a multiplier.
_WORD_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozen": 12,
}
_MULTIPLIERS = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3,
    "million": 1e6, "millions": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
    "billion": 1e9, "billions": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9,
    "trillion": 1e12, "trillions": 1e12, "trn": 1e12, "tn": 1e12,
}
# Unit spellings -> one canonical unit. Only quantities with a known unit can *conflict*
# (3.1% vs 2.5%); bare numbers are too often unrelated counts to call a conflict.
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
    "people": "people", "persons": "people", "deaths": "deaths", "dead": "deaths",
    "shares": "shares", "cts": "cts", "cents": "cts", "votes": "votes", "seats": "seats",
}
_CURRENCY_PREFIX = {"$": "$", "us$": "$", "€": "€", "£": "£", "¥": "¥"}

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


# ---------------------------------------------------------------- numbers


@dataclass(frozen=True)
class Quantity:
    """A number as stated: ``value`` after multipliers, ``unit`` canonical or None."""

    text: str
    value: float
    unit: str | None
    #: For a number without a unit, the word it counts ("12 pacemakers" -> "pacemaker"):
    #: only used to see a conflict ("41 pacemakers"), never to refuse a match.
    noun: str | None = None

    def same_value(self, other: Quantity) -> bool:
        return abs(self.value - other.value) <= 1e-9 * max(1.0, abs(self.value))


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
        (?P<words>\b(?:(?:{_WORD_ALTS})(?:[- ](?:two|three|four|five|six|seven|eight|nine))?
                  |one(?=\s+(?:{_MULT_ALTS})\b)|a\s(?=(?:dozen|hundred)\b)(?:dozen|hundred))\b)
    )
    (?![\d])
    (?:\s?-?(?P<mult>{_MULT_ALTS})\b)?
    (?:\s?(?P<unit>%|(?:{_UNIT_ALTS})\b))?
    """,
    re.VERBOSE | re.IGNORECASE,
)


def _word_value(words: str) -> float:
    words = words.lower().replace("-", " ").split()
    if words[0] == "a":
        return float(_WORD_NUMBERS[words[1]])
    if words[0] == "one":
        return 1.0
    return float(sum(_WORD_NUMBERS.get(w, 0) for w in words))


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


def extract_quantities(text: str) -> list[Quantity]:
    """Quantities in ``text`` (years are dates, not quantities; see :func:`extract_dates`)."""
    text = _prepare(text)
    # Day numbers belong to their dates ("February 22" is not the quantity 22).
    for m in _DATE.finditer(text):
        if not m.group("y2"):
            text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    out: list[Quantity] = []
    for m in _NUMBER.finditer(text):
        digits, words = m.group("digits"), m.group("words")
        mult_word = (m.group("mult") or "").lower()
        unit_word = (m.group("unit") or "").lower()
        cur = m.group("cur")
        if digits is not None:
            # A bare four-digit year is a date; "1,000", "1987 dlrs" or "2000 pct" are not.
            if _is_year(digits) and not (mult_word or unit_word or cur):
                continue
            # Single-letter multipliers ("5 m", "3 b") only count glued to a currency amount,
            # otherwise "5 m" is five metres and "A 5 b" is noise.
            value = _digits_value(digits)
        else:
            # "ten" in "ten-year plan" is kept; words never become years.
            value = _word_value(words)
        if mult_word in {"m", "b", "k"} and not cur:
            if unit_word == "" and mult_word == "m":
                unit_word = "metres"
            mult_word = ""
        value *= _MULTIPLIERS.get(mult_word, 1.0)
        unit = _CURRENCY_PREFIX.get(cur.lower()) if cur else None
        if unit_word:
            unit = _UNITS.get(unit_word, unit)
        # A lone "c" is only degrees Celsius right after a number ("1.5C"), handled by the regex.
        noun = None
        if unit is None:
            after = _COUNTED.match(text, m.end())
            if after and after.group(1).lower() not in _STOPWORDS:
                noun = _singular(after.group(1).lower())
        out.append(Quantity(text=m.group(0).strip(), value=value, unit=unit, noun=noun))
    return out


def check_numbers(claim: str, passage: str) -> CheckResult:
    """Claim quantities found / not found / contradicted (same unit, other value) in ``passage``."""
    c_q = extract_quantities(claim)
    p_q = extract_quantities(passage)
    matched, missing, conflicting = [], [], []
    for q in c_q:
        # A unitless claim number matches any passage number of equal value: "5,000" in a
        # claim is the same figure as "5,000 dlrs" in the passage.
        if any(q.same_value(p) and (q.unit is None or p.unit in (None, q.unit)) for p in p_q):
            matched.append(q.text)
            continue
        missing.append(q.text)
        if q.unit is not None and any(p.unit == q.unit for p in p_q):
            conflicting.append(q.text)
        elif q.noun is not None and any(p.noun == q.noun for p in p_q):
            # Another count of the same thing: "41 pacemakers" against "12 pacemakers".
            conflicting.append(q.text)
    return CheckResult("numbers", tuple(matched), tuple(missing), tuple(conflicting))


# ---------------------------------------------------------------- dates


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
            out.append(DateMention(m.group(0)))  # compared as text, see _date_key
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


def _date_key(d: DateMention) -> str:
    if d.year is None and d.month is None:
        return d.text.lower()
    return f"{d.year or '????'}-{d.month or 0:02d}-{d.day or 0:02d}"


# A future time reference ("next week", "tomorrow") makes a claim a report of a plan or a
# forecast: a passage about the same people and places without it is about something that
# happened, not about what will happen ("Navalny will be flown back to Moscow next week" is not
# supported by "Navalny was flying to Moscow when he fell ill"). The phrase must be in the
# passage. Past references ("yesterday", "last week") are left alone: sources shift them to
# weekdays and dates, so requiring them would reject good evidence.
_FUTURE = re.compile(
    r"\b(?:next|coming)\s+(?:week|weekend|month|year|season|spring|summer|autumn|fall|winter|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\btomorrow\b|"
    r"\blater\s+this\s+(?:week|month|year)\b",
    re.IGNORECASE,
)


def future_references(text: str) -> list[str]:
    """Future time phrases of ``text``, lowercased, in order of appearance."""
    return [" ".join(m.group(0).lower().split()) for m in _FUTURE.finditer(text)]


def check_dates(claim: str, passage: str) -> CheckResult:
    """Claim dates found / not found / contradicted in ``passage``; future time phrases
    ("next week") count as dates that must be found (see ``_FUTURE``)."""
    c_d = extract_dates(claim)
    p_d = extract_dates(passage)
    matched, missing, conflicting = [], [], []
    passage_future = set(future_references(passage))
    for phrase in dict.fromkeys(future_references(claim)):
        (matched if phrase in passage_future else missing).append(phrase)
    for d in c_d:
        if d.year is None and d.month is None:  # a decade: textual match
            ok = any(_date_key(p) == _date_key(d) for p in p_d)
        else:
            ok = any(d.covered_by(p) for p in p_d)
        if ok:
            matched.append(d.text)
            continue
        missing.append(d.text)
        if any(d.differs_from(p) for p in p_d if p.year is not None or p.month is not None):
            conflicting.append(d.text)
    return CheckResult("dates", tuple(matched), tuple(missing), tuple(conflicting))


# ---------------------------------------------------------------- named entities

_CAP_TOKEN = r"(?:[A-Z]\.){2,}|[A-Z]\.(?=\s+[A-Z])|[A-ZÀ-ÖØ-Þ][\w'’&-]*[\w]|[A-Z]"
_CONNECTORS = r"(?:of|on|for|de|van|von|der|den|da|du|la|le|al|bin|del|di|&)"
_ENTITY = re.compile(
    rf"(?<![\w@#])(?:{_CAP_TOKEN})(?:\s+(?:{_CONNECTORS}\s+)?(?:{_CAP_TOKEN}))*"
)
# Name variants that share no word.
_ALIASES = {
    "us": ("united states", "america", "u s", "usa"),
    "usa": ("united states", "america", "us"),
    "united states": ("us", "usa", "america"),
    "america": ("united states", "us", "usa"),
    "uk": ("united kingdom", "britain", "great britain"),
    "united kingdom": ("uk", "britain"),
    "britain": ("uk", "united kingdom"),
    "eu": ("european union",),
    "european union": ("eu",),
    "un": ("united nations",),
    "united nations": ("un",),
    "co2": ("carbon dioxide",),
    "ipcc": ("intergovernmental panel on climate change",),
    "nasa": ("national aeronautics and space administration",),
}
# Heads of organisation or place names: "Union" alone does not name the European Union,
# so a last-word match is only accepted for other words (typically surnames).
_GENERIC_HEADS = frozenset(
    """union bank party council commission ministry department university institute agency
    association company group corporation corp inc ltd co times news post street river sea ocean
    lake mountain mountains island islands states kingdom republic nations organization
    organisation fund service office house court committee federation board authority society
    centre center forum summit agreement act treaty protocol panel program programme project
    report day week war age period sheet effect change warming north south east west city county
    province state region system league cup games church school college club press review""".split()
)


def _is_acronymish(word: str) -> bool:
    core = word.replace(".", "")
    return len(core) >= 2 and (core.isupper() or any(ch.isdigit() for ch in core)
                               or any(ch.isupper() for ch in core[1:]))


def _sentence_starts(text: str) -> set[int]:
    starts = {0}
    for m in re.finditer(r"(?:[.!?…:;]|^)[\"')\]\s]*\s+|\n|[\"“(]\s*", text):
        starts.add(m.end())
    return starts


# Leading words trimmed off a capitalised run: function words, but not "New" (New York).
_TRIM = _STOPWORDS - {"new", "old", "first", "last", "next", "well", "like", "unlike"}


def _bare(word: str) -> str:
    return re.sub(r"['’]s$", "", word).lower().strip(".")


def _split_run(start: int, run: str) -> list[tuple[int, list[str]]]:
    """Split a capitalised run after a possessive: "NAR's John Tuccillo" names two things."""
    parts: list[tuple[int, list[str]]] = []
    words: list[str] = []
    pos = part_start = start
    for word in run.split(" "):
        if word:
            words.append(word)
        pos += len(word) + 1
        if re.search(r"['’]s$", word):
            parts.append((part_start, words))
            words, part_start = [], pos
    if words:
        parts.append((part_start, words))
    return parts


_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")


def _is_title_case(text: str) -> bool:
    """A headline set in title case or capitals ("Chinese Diplomats Assault Taiwan Counterparts
    in Fiji"): capitalisation there marks no names."""
    words = _WORD_RE.findall(text)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) * 10 > len(words) * 6


def _split_common(start: int, words: list[str]) -> list[tuple[int, list[str]]]:
    """In title case, cut a capitalised run at the words English writes in lowercase ("Diplomats
    Assault Taiwan Counterparts" -> "Taiwan"): what is left is what would be capitalised in a
    sentence too. Names made of common words ("World Bank") are lost there, which only makes the
    check ask less of a passage; keeping the run whole would ask for a phrase no source has."""
    from ..brief.lexicon import lowercase_words  # a data file: loaded on first title-case text

    common = lowercase_words()
    parts: list[tuple[int, list[str]]] = []
    current: list[str] = []
    pos = part_start = start
    for word in words:
        if _bare(word) in common or _bare(word) in _STOPWORDS:
            if current:
                parts.append((part_start, current))
            current, part_start = [], pos + len(word) + 1
        else:
            current.append(word)
        pos += len(word) + 1
    if current:
        parts.append((part_start, current))
    return parts


def extract_entities(text: str) -> list[str]:
    """Capitalised names and acronyms in ``text``, in order, without duplicates.

    A capitalised word at the start of a sentence is taken only when it is clearly a name:
    an acronym ("NASA", "V24"), followed by more capitalised words ("Assita Kanko"),
    a possessive ("Obama's"), or capitalised elsewhere in the text too. Otherwise it is an
    ordinary word that happens to open the sentence ("Scientists", "Global").
    """
    text = _prepare(text)
    starts = _sentence_starts(text)
    title_case = _is_title_case(text)
    mid_sentence_caps: set[str] = set()
    found: list[tuple[int, str]] = []
    for run in _ENTITY.finditer(text):
        runs = _split_run(run.start(), run.group(0))
        if title_case:
            runs = [part for start, words in runs for part in _split_common(start, words)]
        for start, words in runs:
            # Trim leading function words ("The European Union", "In Paris") and months or
            # weekdays, which check_dates handles ("December's near-record pace").
            while words and (_bare(words[0]) in _TRIM or _bare(words[0]) in _MONTHS
                             or _bare(words[0]) in _WEEKDAYS):
                start += len(words[0]) + 1
                words = words[1:]
            # Trim trailing connectors caught between two runs ("Bank of").
            while words and re.fullmatch(_CONNECTORS, words[-1]):
                words = words[:-1]
            # "Rising CO2 levels": an ordinary word opening the sentence before an acronym.
            if (start in starts and len(words) > 1 and not _is_acronymish(words[0])
                    and _is_acronymish(words[1])):
                start += len(words[0]) + 1
                words = words[1:]
            if not words or all(_bare(w) in _STOPWORDS for w in words):
                continue
            if len(words) == 1 and len(words[0].strip(".")) < 2:  # a lone initial or "C"
                continue
            ent = re.sub(r"['’]s$", "", " ".join(words))
            if start not in starts:
                mid_sentence_caps.add(ent)
            found.append((start, ent))
    out: list[str] = []
    for start, ent in found:
        # (In title case the common words are already gone: a word left at the start is a name.)
        if start in starts and " " not in ent and not _is_acronymish(ent) and not title_case:
            following = text[start + len(ent): start + len(ent) + 40]
            # "Obama's plan", "Kanko said": a possessive or a speech verb marks a name (but
            # "Scientists say" / "Officials said" are plural common nouns).
            speaks = _SPEECH.match(following.lstrip()) and not ent.lower().endswith("s")
            if (ent not in mid_sentence_caps and not following.startswith(("'s", "’s"))
                    and not speaks):
                continue
        if ent not in out:
            out.append(ent)
    return out


def _norm_name(text: str) -> str:
    text = re.sub(r"['’]s\b", "", text)
    # "U.S." -> "US", so dotted and undotted acronyms compare equal.
    text = re.sub(r"\b(?:[A-Za-z]\.){2,}", lambda m: m.group(0).replace(".", ""), text)
    text = text.replace(".", " ")
    return " ".join(re.sub(r"[^\w\s&]", " ", text).lower().split())


def _contains_words(haystack: str, needle: str) -> bool:
    return bool(needle) and re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", haystack) is not None


def _entity_in(entity: str, passage_norm: str, passage_caps: set[str]) -> bool:
    key = _norm_name(entity)
    if _contains_words(passage_norm, key) or _contains_words(passage_norm, key.replace(" ", "")):
        return True
    if any(_contains_words(passage_norm, alias) for alias in _ALIASES.get(key, ())):
        return True
    words = key.split()
    # "Assita Kanko" is named in a passage that says "Kanko" (a surname, capitalised there).
    if 2 <= len(words) <= 4 and len(words[-1]) >= 3 and words[-1] not in _GENERIC_HEADS:
        return words[-1] in passage_caps
    return False


def _capitalised_words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"\b[A-ZÀ-ÖØ-Þ][\w'’-]+", text)} | {
        _norm_name(w) for w in re.findall(r"\b[A-ZÀ-ÖØ-Þ][\w-]+(?=['’]s\b)", text)
    }


def check_entities(claim: str, passage: str) -> CheckResult:
    """Claim names found in ``passage`` (exact, alias, or surname); names never 'conflict'."""
    passage_p = _prepare(passage)
    p_norm = _norm_name(passage_p)
    p_caps = _capitalised_words(passage_p)
    matched, missing = [], []
    for ent in extract_entities(claim):
        (matched if _entity_in(ent, p_norm, p_caps) else missing).append(ent)
    return CheckResult("entities", tuple(matched), tuple(missing), ())


# ---------------------------------------------------------------- negation and overlap

_NEGATION = re.compile(
    r"\b(?:not|no|never|none|nobody|nothing|neither|nor|cannot|without|"
    r"den(?:y|ies|ied|ying)|refus(?:e|es|ed|ing)|reject(?:s|ed|ing)?|"
    r"fail(?:s|ed)?\s+to|no\s+longer|unable|false|hoax|myth)\b|\w+n['’]t\b",
    re.IGNORECASE,
)


def negation_cues(text: str) -> tuple[str, ...]:
    return tuple(m.group(0).lower() for m in _NEGATION.finditer(_prepare(text)))


_WORD = re.compile(r"[\w][\w'-]*")


def _stem(word: str) -> str:
    # Crude but symmetric: both sides are stemmed the same way, so "warms" meets "warming".
    word = word.lower().strip("'-")
    for suffix in ("ations", "ation", "ings", "ing", "ied", "ies", "ed", "es", "s", "ly"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=4096)
def _content_stems(text: str) -> frozenset[str]:
    return frozenset(
        _stem(w) for w in _WORD.findall(_prepare(text))
        if w.lower() not in _STOPWORDS and not _NEGATION.fullmatch(w) and len(w) > 1
    )


def content_overlap(claim: str, passage: str) -> float:
    """Fraction of the claim's content words (crudely stemmed) that occur in ``passage``."""
    c = _content_stems(claim)
    if not c:
        return 0.0
    return len(c & _content_stems(passage)) / len(c)


def _closest_sentence(claim: str, passage: str) -> tuple[str, float]:
    best, best_overlap = passage, -1.0
    for sent in sentences(passage) or [passage]:
        ov = content_overlap(claim, sent)
        if ov > best_overlap:
            best, best_overlap = sent, ov
    return best, best_overlap


def check_negation(claim: str, passage: str) -> NegationResult:
    """Compare negation in the claim with the passage sentence that shares most of its words.

    Looking only at the closest sentence keeps an unrelated "not" elsewhere in a long passage
    from reading as a contradiction.
    """
    best, best_overlap = _closest_sentence(claim, passage)
    return NegationResult(
        claim_cues=negation_cues(claim),
        passage_cues=negation_cues(best),
        sentence=best,
        overlap=max(best_overlap, 0.0),
    )


_UP = re.compile(
    r"\b(?:ris(?:e|es|ing|en)|rose|increas\w*|grow(?:s|ing|n|th)?|grew|higher|warm(?:s|ing|er|ed)?"
    r"|gain(?:s|ed|ing)?|accelerat\w*|expand\w*|surg\w*|soar\w*)\b", re.IGNORECASE)
_DOWN = re.compile(
    r"\b(?:fall(?:s|ing|en)?|fell|decreas\w*|declin\w*|drop(?:s|ped|ping)?|lower|cool(?:s|ing|er|ed)?"
    r"|shr[iau]nk\w*|los(?:s|e|es|ing|t)|reduc\w*|slow(?:s|ed|ing)?|plung\w*)\b",
    re.IGNORECASE)


@dataclass(frozen=True)
class DirectionResult:
    """Direction of change (up / down) stated by the claim and by its closest passage sentence.

    "CO2 has cooled the planet" against "CO2 has produced global warming": same subject,
    opposite directions -- a contradiction that a small NLI model often misses.
    """

    claim: str | None
    passage: str | None
    overlap: float

    @property
    def conflict(self) -> bool:
        return self.claim is not None and self.passage is not None and self.claim != self.passage

    def signal(self) -> dict[str, Any]:
        return {"claim": self.claim, "passage": self.passage, "conflict": self.conflict,
                "overlap": round(self.overlap, 4)}


def _direction(text: str) -> str | None:
    up, down = bool(_UP.search(text)), bool(_DOWN.search(text))
    return "up" if up and not down else "down" if down and not up else None


def check_direction(claim: str, passage: str) -> DirectionResult:
    """Compare the direction of change in the claim and its closest passage sentence."""
    best, overlap = _closest_sentence(claim, passage)
    return DirectionResult(_direction(_prepare(claim)), _direction(_prepare(best)),
                           max(overlap, 0.0))


# ---------------------------------------------------------------- quotes

# Straight or curly double quotes, guillemets, and curly single quotes. Straight single quotes
# are too often apostrophes ("Ironic' study") to delimit a quotation.
_QUOTE_SPAN = re.compile(r"\"([^\"]+)\"|“([^”]+)”|«\s?([^»]+?)\s?»|„([^“”]+)[“”]|‘([^’]+)’(?!\w)")
_ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.|\[\.\.\.\]|\[…\])\s*")


def extract_quotes(text: str) -> list[str]:
    """Quoted spans of ``text``, in order (without their quote marks)."""
    out = []
    for m in _QUOTE_SPAN.finditer(text):
        span = next(g for g in m.groups() if g is not None).strip()
        if span:
            out.append(span)
    return out


def _quote_fragments(quote: str) -> list[str]:
    """The parts of a quote that must appear verbatim: split at ellipses (elided words),
    with the edge punctuation a writer adds inside the marks ("…barely exist,") removed."""
    parts = []
    for frag in _ELLIPSIS.split(fold_quotes(quote)):
        frag = frag.strip(" ,.;:!?-–—")
        if frag:
            parts.append(frag)
    return parts


def quote_found(quote: str, passage: str) -> bool:
    """True if every fragment of ``quote`` occurs verbatim (up to whitespace and quote style)
    in ``passage``, in order."""
    hay = fold_quotes(passage)
    pos = 0
    frags = _quote_fragments(quote)
    if not frags:
        return True
    for frag in frags:
        i = hay.find(frag, pos)
        if i < 0:
            return False
        pos = i + len(frag)
    return True


def check_quotes(claim: str, passage: str, quotes: list[str] | None = None) -> CheckResult:
    """Each quote of the claim (or the given ``quotes``) must occur verbatim in ``passage`` (I4)."""
    qs = quotes if quotes is not None else extract_quotes(claim)
    matched = tuple(q for q in qs if quote_found(q, passage))
    missing = tuple(q for q in qs if not quote_found(q, passage))
    return CheckResult("quotes", matched, missing, ())


# ---------------------------------------------------------------- speaker

_SPEECH = re.compile(
    r"\b(?:said|says|say|saying|told|tells|tell|stated|wrote|writes|written|"
    r"according\s+to|added|adds|announced|announces|declared|declares|insisted|insists|"
    r"claimed|claims|argued|argues|warned|warns|tweeted|tweets|posted|posts|explained|"
    r"explains|noted|notes|commented|comments|remarked|remarks|quoted|asserted|asserts|"
    r"acknowledged|admitted|admits|denied|denies|described|describes|called|calls|"
    r"interview|statement|speech|testified|replied|responded|suggested|suggests|"
    r"confirmed|confirms|reported|reports|accused|accuses)\b",
    re.IGNORECASE,
)


def _name_forms(speaker: str) -> list[str]:
    name = re.sub(r"^@", "", speaker).replace("_", " ").strip()
    words = [w for w in name.split() if w.lower().strip(".") not in {"mr", "mrs", "ms", "dr", "prof"}]
    forms = [" ".join(words)] if words else []
    # The last name alone is how wire copy names a person after the first mention.
    if len(words) >= 2 and len(words[-1]) >= 3:
        forms.append(words[-1])
    return forms


def check_speaker(speaker: str, passage: str) -> SpeakerResult:
    """Whether ``passage`` names ``speaker`` (full or last name) with a speech verb in the same
    sentence or the next ("Kanko told V24 ..." / "Kanko ... . She said ...")."""
    sents = sentences(_prepare(passage)) or [passage]
    forms = _name_forms(speaker)
    name_found = None
    for i, sent in enumerate(sents):
        for form in forms:
            if re.search(rf"(?<!\w){re.escape(form)}(?!\w)", sent, re.IGNORECASE) is None:
                continue
            name_found = name_found or form
            for nearby in sents[i : i + 2]:
                verb = _SPEECH.search(nearby)
                if verb:
                    return SpeakerResult(speaker, form, verb.group(0).lower())
    return SpeakerResult(speaker, name_found, None)


# ---------------------------------------------------------------- I4 / I5 for any statement


def missing_facts(statement_text: str, passages_texts: list[str]) -> list[str]:
    """Numbers, dates, named entities and quotes of a statement that its passages lack.

    The composer calls this on every statement before publishing it: an empty list means the
    statement's checkable details all occur in its cited passages (I5) and its quotes occur
    verbatim in one of them (I4). Returns the statement's surface forms, in order
    numbers, dates, entities, quotes.
    """
    joined = "\n\n".join(passages_texts)
    out: list[str] = []
    out += check_numbers(statement_text, joined).missing
    out += check_dates(statement_text, joined).missing
    out += check_entities(statement_text, joined).missing
    # A quote must sit inside one passage: stitching it from two would invent it.
    for q in extract_quotes(statement_text):
        if not any(quote_found(q, p) for p in passages_texts):
            out.append(f'"{q}"')
    seen: set[str] = set()
    return [x for x in out if not (x in seen or seen.add(x))]
