"""Names matched as a reader matches them.

A reader sees one name in "Orbán" and "Orban", "Zürich" and "Zurich", "World Health
Organisation" and "World Health Organization", "Al-Qaeda" and "Al Qaeda", "Obama's" and "Obama",
"COVID-19" and "Covid19"; and, across languages, in "Californië" and "California", "Londres" and
"London", "Allemagne" and "Germany". A reader never takes "Austria" for "Australia", "Gove" for
"Hunt", "North Korea" for "South Korea", "Bill Clinton" for "Hillary Clinton", or the Labour
Party for the (Australian) Labor Party.

Four layers, the first three without any model:

* :func:`name_key` -- the comparison form of a name: case, diacritics, British/American
  spelling, hyphens, possessives and dotted acronyms folded away ("Labour"/"Labor" only where
  the word does not name a party, see :mod:`groundbrief.verify.surface`).
* :func:`find_name` -- a name in a passage: its key as a run of the passage's words (not
  inside a longer place name: "Korea" is not named by "South Korea", "Guinea" not by
  "Guinea-Bissau"), an alias ("U.S." / "United States"), or a surname on its own ("Kanko" for
  "Assita Kanko") unless the passage gives that surname another first name ("Bill Clinton").
* :func:`same_name` -- two names compared with each other (two role fillers, two mentions):
  the same key, an alias, a surname and its full name, or (with a matcher) a translation.
* :class:`NameMatcher` -- names across languages, by the cosine of multilingual sentence
  embeddings of the two names (the verifier's USE embedder), at :data:`NAME_SIMILARITY`, a
  threshold measured on ``benchmarks/data/name_pairs.tsv`` by ``benchmarks/eval_names.py``.
  Names that share words must differ in words that translate each other ("Zuid-Korea" /
  "South Korea"); a name with digits never matches by embedding ("B-17" / "B-52").

Numbers inside names ("B-17", "COVID-19", "Boeing 737") belong to the names:
:func:`digit_name_spans` finds them, so the figure checks skip them and the name checks keep
them whole.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from ..brief.lexicon import is_title_case
from ..interfaces import Embedder
from .surface import (
    MONTHS,
    SPEECH,
    STOPWORDS,
    WEEKDAYS,
    fold_diacritics,
    names_a_party_by_spelling,
    party_spans,
    prepare,
    spelling_key,
)

__all__ = [
    "NAME_SIMILARITY",
    "NameMatcher",
    "PassageNames",
    "digit_name_spans",
    "extract_names",
    "find_name",
    "name_key",
    "passage_names",
    "same_name",
]

#: Cosine of the multilingual USE embeddings of two names (or of the words in which two names
#: differ) at or above which they are one name written in two languages. Measured by
#: ``benchmarks/eval_names.py`` on the 307 pairs of benchmarks/data/name_pairs.tsv (171 one
#: name written two ways, 136 hard negatives): the lowest threshold that accepts no negative is
#: 0.82 (London / Londonderry is accepted up to 0.81, Niger / Nigeria up to 0.77), plus a margin
#: of 0.03 for negatives the list lacks -> 0.85, where precision is 1.000 and recall 0.807 (rules
#: alone, without embeddings: 0.199); recall on translated place names 0.82, on translated
#: personal names 0.17 (popes and kings: their names are seldom translated).
NAME_SIMILARITY = 0.85


# ---------------------------------------------------------------- names with digits

# Series whose members are numbered: "Boeing 737", "Windows 10", "Apollo 11", "Chapter 11",
# "Type 2 diabetes". The number names a member of the series; it counts nothing. Only these
# heads are taken with a space before the number: after any other word a number is a figure
# ("Biden 306, Trump 232" are electoral votes).
_SERIES_HEADS = (
    "Boeing Airbus Embraer Bombardier Cessna Tupolev Ilyushin Antonov Sukhoi Mirage Tornado "
    "Windows iPhone iPad Galaxy Pixel PlayStation Xbox Nintendo Android iOS macOS "
    "Apollo Artemis Gemini Mercury Vostok Voskhod Soyuz Sputnik Luna Venera Mariner Pioneer "
    "Voyager Viking Falcon Shenzhou Tianzhou Progress Starlink Explorer Kosmos Cosmos "
    "Chapter Article Section Amendment Proposition Prop Title Formula Flight Route Interstate "
    "Highway Terminal Platform Gate Channel Model Type Class Category Level Phase Stage Game "
    "Round Matchday Episode Season Series Volume Part Resolution Directive COP Ligue Serie "
    "Bundesliga Division Group Unit Reactor Block Camp Pier Berth Lane Runway Base"
)
# Lowercase too in running text ("a phase 3 trial", "type 2 diabetes", "chapter 11 bankruptcy").
_SERIES_LOWER = "chapter article section type phase level category flight route title stage covid"
_SERIES_NUMBER = r"\d+(?:\.\d+)?(?:-\d+|[A-Z]+\d*)*"
# A unit or multiplier after the number makes it a figure again ("Level 5 metres higher").
_NOT_A_MEMBER = (r"(?!\s*(?:%|per\s*cent|percent|pct|mln|bln|million|billion|thousand|hundred|"
                 r"metres?|meters?|km|miles?|feet|ft|kg|tonnes?|tons?|years?|months?|weeks?|"
                 r"days?|hours?|points?|people|votes|seats)\b)")
_SERIES = re.compile(
    rf"\b(?:{'|'.join(_SERIES_HEADS.split())}|(?i:{'|'.join(_SERIES_LOWER.split())}))"
    rf"\s+{_SERIES_NUMBER}(?![\d,.]\d){_NOT_A_MEMBER}"
)
# Letters and digits written together: "B-17", "F-35", "AR-15", "COVID-19", "Covid19", "G7",
# "MH17", "A320neo", "SARS-CoV-2", "H5N1", "PM2.5", "T-72s". The letters before the first digit
# must hold a capital (so "mid-1990s" and "top-10" stay words with figures), except for the
# disease names wire copy writes in lowercase.
_GLUED = re.compile(
    r"(?<![\w$€£¥.,])(?P<head>[^\W\d_][^\W\d_.]*(?:-[^\W\d_]+)*)-?\d+(?:\.\d+)?"
    r"(?:[-/]?[^\W_]*\d[^\W_]*|[^\W\d_]+)*(?![\w])"
)
_LOWER_HEADS = ("covid", "sars", "mers", "h1n1", "h5n1")
# Currency codes written before an amount ("USD100") head a figure, not a name.
_CURRENCY_CODES = frozenset(
    "usd eur gbp jpy rs rmb cny hkd nzd aud cad chf inr sek nok dkk krw zar brl rub".split()
)
# "5G", "3D": a digit and one capital.
_DIGIT_LETTER = re.compile(r"(?<![\w.,$€£¥])\d[GD]\b")


# Cheap tests that spare most texts the three patterns above.
_MAY_BE_SERIES = re.compile(r"[^\W\d_]\s+\d")
_MAY_BE_GLUED = re.compile(r"[^\W\d_]-?\d")


def digit_name_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the names in ``text`` that hold digits: "B-17", "COVID-19", "Boeing 737"."""
    spans = [m.span() for m in _SERIES.finditer(text)] if _MAY_BE_SERIES.search(text) else []
    spans += [m.span() for m in _DIGIT_LETTER.finditer(text)]
    for m in _GLUED.finditer(text) if _MAY_BE_GLUED.search(text) else ():
        head = m.group("head")
        bare = head.replace("-", "").lower()
        if bare in _CURRENCY_CODES or bare in MONTHS:
            continue
        if any(ch.isupper() for ch in head) or m.group(0).lower().startswith(_LOWER_HEADS):
            spans.append(m.span())
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


# ---------------------------------------------------------------- finding names in text

_CAP_TOKEN = r"(?:[A-Z]\.){2,}|[A-Z]\.(?=\s+[A-Z])|[A-ZÀ-ÖØ-Þ][\w'’&-]*[\w]|[A-Z]"
_CONNECTORS = r"(?:of|on|for|de|van|von|der|den|da|du|la|le|al|bin|del|di|&)"
_ENTITY = re.compile(
    rf"(?<![\w@#])(?:{_CAP_TOKEN})(?:\s+(?:{_CONNECTORS}\s+)?(?:{_CAP_TOKEN}))*"
)
# Name variants that share no word, by name key.
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
    "co 2": ("carbon dioxide",),
    "ipcc": ("intergovernmental panel on climate change",),
    "nasa": ("national aeronautics and space administration",),
    "people republic of china": ("china", "prc"),
    "prc": ("people republic of china", "china"),
}
# A country's adjective names the country as its name does: "the Dutch government" is "the
# government of the Netherlands" (a claim's "Dutch" was missing from such a passage, and the
# passage's "Netherlands" displaced it). Adjective, then the country's names as passages write
# them; plural nouns of people ("Americans") are left out: "two Americans" is not America.
_DEMONYMS = """
afghan:afghanistan; albanian:albania; algerian:algeria; american:united states,america;
argentine:argentina; argentinian:argentina; armenian:armenia; australian:australia;
austrian:austria; azerbaijani:azerbaijan; bangladeshi:bangladesh; belarusian:belarus;
belgian:belgium; bolivian:bolivia; bosnian:bosnia; brazilian:brazil; british:britain,united
kingdom,uk; bulgarian:bulgaria; cambodian:cambodia; cameroonian:cameroon; canadian:canada;
chilean:chile; chinese:china; colombian:colombia; congolese:congo; croatian:croatia; cuban:cuba;
cypriot:cyprus; czech:czech republic,czechia; danish:denmark; dutch:netherlands,holland;
ecuadorian:ecuador; egyptian:egypt; emirati:united arab emirates,uae; estonian:estonia;
ethiopian:ethiopia; filipino:philippines; finnish:finland; french:france; georgian:georgia;
german:germany; ghanaian:ghana; greek:greece; haitian:haiti; hungarian:hungary;
icelandic:iceland; indian:india; indonesian:indonesia; iranian:iran; iraqi:iraq; irish:ireland;
israeli:israel; italian:italy; jamaican:jamaica; japanese:japan; jordanian:jordan;
kazakh:kazakhstan; kenyan:kenya; kuwaiti:kuwait; latvian:latvia; lebanese:lebanon; libyan:libya;
lithuanian:lithuania; malaysian:malaysia; malian:mali; mexican:mexico; moldovan:moldova;
mongolian:mongolia; moroccan:morocco; mozambican:mozambique; nepalese:nepal; nigerian:nigeria;
nigerien:niger; norwegian:norway; pakistani:pakistan; palestinian:palestine; peruvian:peru;
polish:poland; portuguese:portugal; qatari:qatar; romanian:romania; russian:russia;
rwandan:rwanda; saudi:saudi arabia; senegalese:senegal; serbian:serbia; singaporean:singapore;
slovak:slovakia; slovenian:slovenia; somali:somalia; spanish:spain; sudanese:sudan;
swedish:sweden; swiss:switzerland; syrian:syria; taiwanese:taiwan; thai:thailand;
tunisian:tunisia; turkish:turkey,turkiye; ugandan:uganda; ukrainian:ukraine; uruguayan:uruguay;
uzbek:uzbekistan; venezuelan:venezuela; vietnamese:vietnam; yemeni:yemen; zambian:zambia;
zimbabwean:zimbabwe"""
for _entry in _DEMONYMS.split(";"):
    _adjective, _countries = " ".join(_entry.split()).split(":")
    _names = tuple(c.strip() for c in _countries.split(","))
    _ALIASES[_adjective] = tuple(_ALIASES.get(_adjective, ())) + _names
    for _country in _names:
        _ALIASES[_country] = tuple(_ALIASES.get(_country, ())) + (_adjective,)

#: Endings of words for nationalities, peoples, faiths and parties ("Nigerian", "Japanese",
#: "Kurdish", "Iraqi", "Democrats", "Catholic").
_GROUP_ENDINGS = ("an", "ans", "ese", "ish", "i", "is", "ic", "ics", "s", "ch")


def is_group_word(text: str) -> bool:
    """Whether ``text`` (a word spaCy tags as a nationality or group, NORP) reads as one: a
    country's adjective or a word with such an ending, not a one-word thing it mistags
    ("Ivermectin")."""
    word = name_key(text)
    return " " in word or word in _ALIASES or word.endswith(_GROUP_ENDINGS)


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
# Words that make a place name another place: "South Korea" is not "Korea", "New Mexico" not
# "Mexico", "Northern Ireland" not "Ireland", "Nieuw-Zeeland" not "Zeeland" (and the same words
# in the other languages of the corpus).
_PLACE_QUALIFIERS = frozenset(
    """north south east west northern southern eastern western northeast northwest southeast
    southwest new upper lower equatorial nieuw noord zuid oost nouveau nouvelle nord sud est
    ouest neu ost nueva nuevo norte sur este oeste nuova""".split()
)
# Words before a surname that are no first name: "President Biden", "MEP Kanko", "Mr Hunt".
_TITLES = frozenset(
    """mr mrs ms miss dr prof sir dame lord lady president vice minister premier chancellor
    secretary senator sen rep representative congressman congresswoman governor gov mayor judge
    justice general gen colonel col captain capt lieutenant sergeant admiral commander chief
    chairman chairwoman chair director king queen prince princess duke duchess pope cardinal
    bishop archbishop rabbi imam father sheikh emir speaker leader commissioner ambassador
    inspector detective officer deputy coach manager former late ex candidate president-elect
    democrat republican conservative liberal labour labor tory socialist mep mp ceo cfo
    m mme monsieur madame herr frau heer mevrouw dhr mevr senor senora sr sra
    storm hurricane typhoon cyclone tropical""".split()
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
_TRIM = STOPWORDS - {"new", "old", "first", "last", "next", "well", "like", "unlike"}


def _bare(word: str) -> str:
    return re.sub(r"['’]s$", "", word).lower().strip(".")


# Possessives inside names: "People's Republic of China" (not "People" and "Republic of China",
# which is Taiwan), "People's Party", "Workers' Party", "Children's Hospital".
_POSSESSIVE_IN_NAME = frozenset({"people", "children", "women", "men", "workers", "veterans"})


def _split_run(start: int, run: str) -> list[tuple[int, list[str]]]:
    """Split a capitalised run after a possessive: "NAR's John Tuccillo" names two things."""
    parts: list[tuple[int, list[str]]] = []
    words: list[str] = []
    pos = part_start = start
    for word in run.split(" "):
        if word:
            words.append(word)
        pos += len(word) + 1
        if re.search(r"['’]s$", word) and _bare(word) not in _POSSESSIVE_IN_NAME:
            parts.append((part_start, words))
            words, part_start = [], pos
    if words:
        parts.append((part_start, words))
    return parts


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
        if _bare(word) in common or _bare(word) in STOPWORDS:
            if current:
                parts.append((part_start, current))
            current, part_start = [], pos + len(word) + 1
        else:
            current.append(word)
        pos += len(word) + 1
    if current:
        parts.append((part_start, current))
    return parts


def extract_names(text: str) -> list[str]:
    """Capitalised names and acronyms in ``text``, in order, without duplicates.

    A capitalised word at the start of a sentence is taken only when it is clearly a name:
    an acronym ("NASA", "V24"), followed by more capitalised words ("Assita Kanko"),
    a possessive ("Obama's"), or capitalised elsewhere in the text too. Otherwise it is an
    ordinary word that happens to open the sentence ("Scientists", "Global").
    """
    return list(_names(text))


# A claim is compared with every passage retrieved for it: read it once.
@lru_cache(maxsize=4096)
def _names(text: str) -> tuple[str, ...]:
    text = _glue_series(prepare(text))
    starts = _sentence_starts(text)
    title_case = is_title_case(text)
    mid_sentence_caps: set[str] = set()
    found: list[tuple[int, str]] = []
    for run in _ENTITY.finditer(text):
        runs = _split_run(run.start(), run.group(0))
        if title_case:
            runs = [part for start, words in runs for part in _split_common(start, words)]
        for start, words in runs:
            # Trim leading function words ("The European Union", "In Paris") and months or
            # weekdays, which check_dates handles ("December's near-record pace").
            while words and (_bare(words[0]) in _TRIM or _bare(words[0]) in MONTHS
                             or _bare(words[0]) in WEEKDAYS):
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
            if not words or all(_bare(w) in STOPWORDS for w in words):
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
            speaks = (SPEECH.match(following.lstrip()) or _ACTS.match(following.lstrip())) \
                and not ent.lower().endswith("s")
            if (ent not in mid_sentence_caps and not following.startswith(("'s", "’s"))
                    and not speaks):
                continue
        # "L'Allemagne", "d'Italia": the elided article is no part of the name.
        ent = _ELIDED_ARTICLE.sub("", ent.replace("_", " "))
        if ent and ent not in out:
            out.append(ent)
    return tuple(out)


# A French, Dutch or German singular auxiliary just after the sentence's first word: a common
# noun there would have its article ("Le ministre a", "De minister heeft", "Der Minister hat"),
# so the bare word is a name ("Scholz hat den Minister entlassen", "Rutte heeft ...", "Macron a
# nommé ..."). French "a" only before a participle in -é: English "Today a man ..." opens with
# an adverb. Words that are also English auxiliaries ("is", "had", "was") are left out.
_ACTS = re.compile(r"(?:heeft|wordt|werd|zei|hat|hatte|ist|wird|wurde|sagte|avait|"
                   r"a\s+(?:été|[^\W\d_]+é(?:e|s|es)?))\b", re.IGNORECASE)

_ELIDED_ARTICLE = re.compile(r"^(?:[LlDd]|[DdNnSs]ell|[Ss]ull|[Dd]all)['’](?=[^\W\d_])")


def _glue_series(text: str) -> str:
    """ "Boeing 737" -> "Boeing_737", so that the capitalised run takes the number with the
    name (same length, so positions stay put; the underscore is a space again on the way out)."""
    for m in _SERIES.finditer(text):
        if m.group(0)[0].isupper():
            text = text[: m.start()] + m.group(0).replace(" ", "_") + text[m.end():]
    return text


# ---------------------------------------------------------------- the comparison form

# A word of letters, or of digits.
_TOKEN = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*")
_ACRONYM_DOTS = re.compile(r"\b(?:[^\W\d_]\.){2,}")
# A possessive ends a name: "Britain's Johnson" gives Johnson no first name.
_POSSESSIVE = re.compile(r"(?<=[^\W\d_])['’]s\b|(?<=s)['’](?!\w)")


class _Words:
    """The words of a text in comparison form (``keys``: lowercase, no diacritics, American
    spelling), and on demand what a reader sees around each: a capital, capitals only, and
    whether it follows the previous word with only a space or a hyphen between."""

    def __init__(self, text: str) -> None:
        text = fold_diacritics(text)
        # "U.S." -> "US", so dotted and undotted acronyms compare equal.
        text = _ACRONYM_DOTS.sub(lambda m: m.group(0).replace(".", ""), text)
        self.text = _POSSESSIVE.sub("’", text)
        self.spans = [m.span() for m in _TOKEN.finditer(self.text)]
        tokens = [self.text[a:b] for a, b in self.spans]
        self.keys = [t if t[0].isdigit() else spelling_key(t) for t in tokens]
        for a, b in party_spans(self.text):  # "Labour" as a party keeps its spelling
            for k, (start, _) in enumerate(self.spans):
                if a <= start < b:
                    self.keys[k] = tokens[k].lower()

    def __len__(self) -> int:
        return len(self.keys)

    def cap(self, k: int) -> bool:
        return self.text[self.spans[k][0]].isupper()

    def upper(self, k: int) -> bool:
        """Written in capitals ("MEP", "NASA"): an acronym or a title, no first name."""
        a, b = self.spans[k]
        return b - a > 1 and self.text[a:b].isupper()

    def gap(self, k: int) -> str | None:
        """What stands between word ``k - 1`` and word ``k``, stripped; None for the first."""
        return self.text[self.spans[k - 1][1]: self.spans[k][0]].strip() if k > 0 else None

    def attached(self, k: int) -> bool:
        return self.gap(k) in {"", "-"}

    def hyphen(self, k: int) -> bool:
        return self.gap(k) == "-"

    def joined(self) -> tuple[list[str], set[int]]:
        """The keys with hyphenated compounds written as one ("Co-operation" ->
        "cooperation"), and which of them are such compounds."""
        out: list[str] = []
        compounds: set[int] = set()
        for k, key in enumerate(self.keys):
            if out and self.hyphen(k):
                out[-1] += key
                compounds.add(len(out) - 1)
            else:
                out.append(key)
        return out, compounds


def _index(keys: list[str]) -> dict[str, list[int]]:
    at: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        at.setdefault(key, []).append(i)
    return at


def name_key(name: str) -> str:
    """The comparison form of a name: "Orbán's" -> "orban", "World Health Organisation" ->
    "world health organization", "COVID-19" / "Covid19" -> "covid 19", "U.S." -> "us"."""
    return " ".join(_Words(name).keys)


class PassageNames:
    """A passage read for names once, then asked about many: its words in comparison form,
    where each word occurs, and (for the cross-language matcher) its names."""

    def __init__(self, text: str) -> None:
        self.text = prepare(text)
        self.words = _Words(self.text)
        self.at = _index(self.words.keys)
        self._joined: tuple[list[str], dict[str, list[int]], set[int]] | None = None
        self._candidates: list[str] | None = None

    def occurrences(self, keys: Sequence[str]) -> list[int]:
        """Where the words ``keys`` occur one after the other."""
        n = len(keys)
        return [i for i in self.at.get(keys[0], ()) if self.words.keys[i: i + n] == list(keys)]

    def compound_occurs(self, keys: Sequence[str], claim_compound: bool) -> bool:
        """Whether ``keys`` (hyphenated compounds written as one) occur among the passage's
        words written the same way, where one side wrote a compound with a hyphen
        ("Co-operation" / "Cooperation"); otherwise :meth:`occurrences` has said it all."""
        if self._joined is None:
            words, compounds = self.words.joined()
            self._joined = (words, _index(words), compounds)
        words, at, compounds = self._joined
        n = len(keys)
        return any(words[i: i + n] == list(keys)
                   and (claim_compound or compounds & set(range(i, i + n)))
                   for i in at.get(keys[0], ()))

    def in_longer_place_name(self, i: int, keys: Sequence[str]) -> bool:
        """Whether the occurrence of ``keys`` at ``i`` is part of another place's name: "Korea"
        in "South Korea", "Mexico" in "New Mexico", "Guinea" in "Guinea-Bissau"."""
        w = self.words
        if (i > 0 and w.attached(i) and w.cap(i - 1) and w.keys[i - 1] in _PLACE_QUALIFIERS
                and w.keys[i - 1] not in keys):
            return True
        j = i + len(keys)
        return j < len(w) and w.hyphen(j) and w.cap(j)

    def candidates(self) -> list[str]:
        """Names of the passage and their parts ("Governor of California" -> also "Governor",
        "California"), for the cross-language matcher. Names with digits are left out."""
        if self._candidates is None:
            seen: dict[str, None] = {}
            # Names, and every capitalised word: a country opening a sentence ("Germany
            # voted") is a name the sentence-start rule of extract_names leaves out.
            names = extract_names(self.text) + _CAPITALISED.findall(self.text)
            for name in names:
                parts = [name] + re.split(rf"\s+{_CONNECTORS}\s+", name)
                if " " in name:
                    parts += name.split()
                for part in parts:
                    part = re.sub(r"['’]s$", "", part.strip())
                    if (len(part) >= 3 and not any(ch.isdigit() for ch in part)
                            and part.lower() not in STOPWORDS and part.lower() not in MONTHS
                            and part.lower() not in WEEKDAYS):
                        seen.setdefault(part)
            self._candidates = list(seen)
        return self._candidates


_CAPITALISED = re.compile(r"\b[A-ZÀ-ÖØ-Þ][^\W\d_]{2,}")


@lru_cache(maxsize=512)
def passage_names(text: str) -> PassageNames:
    """:class:`PassageNames` of ``text``, cached: the verifier asks about one passage for every
    claim of a brief."""
    return PassageNames(text)


def find_name(name: str, passage: PassageNames) -> bool:
    """Whether ``passage`` names ``name``, without any model (see the module docstring)."""
    words = _Words(name)
    keys = words.keys
    if not keys:
        return False
    if any(not passage.in_longer_place_name(i, keys) for i in passage.occurrences(keys)):
        return True
    joined, compounds = words.joined()
    if passage.compound_occurs(joined, bool(compounds)):
        return True  # "Co-operation" / "Cooperation"
    if len(keys) > 1 and passage.at.get("".join(keys)):
        return True  # "Al Qaeda" / "AlQaeda"
    if any(passage.occurrences(alias.split()) for alias in _ALIASES.get(" ".join(keys), ())):
        return True
    place = _governed_place(keys)
    if place and any(not passage.in_longer_place_name(i, place)
                     for i in passage.occurrences(place)):
        return True
    return _surname_found(keys, passage)


#: The governing body of a place, named after it: what "Minneapolis City Council" decides, news
#: reports as what "Minneapolis" did ("Minneapolis has not defunded the police"). Bodies that act
#: on their own account (a police department, a court, a university) are not the place.
_GOVERNING_BODIES = (("city", "council"), ("town", "council"), ("county", "council"),
                     ("municipal", "council"), ("city", "government"), ("city", "hall"),
                     ("council",), ("government",), ("municipality",))


def _governed_place(keys: list[str]) -> list[str] | None:
    """The place words of a governing body's name ("Minneapolis City Council" -> minneapolis)."""
    for body in _GOVERNING_BODIES:
        if len(keys) > len(body) and tuple(keys[-len(body):]) == body:
            rest = keys[: -len(body)]
            return rest if rest[-1] not in ("the", "of") else None
    return None


def _surname_found(keys: list[str], passage: PassageNames) -> bool:
    """ "Assita Kanko" is named by a passage that says "Kanko" (a surname, capitalised there),
    unless the passage gives that surname another first name ("Hillary Clinton" is not named by
    a passage about Bill Clinton) or the first word makes it another place ("North Korea")."""
    last = keys[-1]
    if not (2 <= len(keys) <= 4 and len(last) >= 3 and last not in _GENERIC_HEADS
            and not last.isdigit() and keys[0] not in _PLACE_QUALIFIERS):
        return False
    w = passage.words
    seen = [i for i in passage.at.get(last, ()) if w.cap(i)]
    if not seen:
        return False
    given = {k for k in keys[:-1] if k not in _TITLES and len(k) > 1}
    firsts = {w.keys[i - 1] for i in seen
              if i > 0 and w.attached(i) and w.cap(i - 1) and not w.upper(i - 1)
              and w.keys[i - 1] not in _TITLES and w.keys[i - 1] not in STOPWORDS
              and len(w.keys[i - 1]) > 1 and not _in_title_case(w, i)}
    if not given or not firsts:
        return True
    return any(_same_first_name(a, b) for a in given for b in firsts)


def _in_title_case(w: _Words, i: int) -> bool:
    """Whether word ``i`` stands in a headline set in title case ("Vatican Presses Trump on
    Climate"), where a capital before a surname marks no first name."""
    start = max(w.text.rfind(mark, 0, w.spans[i][0]) for mark in ".!?\"\n") + 1
    ends = [e for e in (w.text.find(mark, w.spans[i][1]) for mark in ".!?\"\n") if e >= 0]
    return is_title_case(w.text[start: min(ends, default=len(w.text))])


def _same_first_name(a: str, b: str) -> bool:
    """ "Hilary" / "Hillary" (a doubled letter), "Chris" / "Christopher" (a short form that
    begins the long one); not "Maria" / "Mario", not "Bill" / "Hillary"."""
    if re.sub(r"(.)\1", r"\1", a) == re.sub(r"(.)\1", r"\1", b):
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 3 and long_.startswith(short)


# ---------------------------------------------------------------- across languages


class NameMatcher:
    """Names across languages, by multilingual embeddings of the names.

    ``embedder``: a multilingual sentence embedder (the verifier's
    :class:`groundbrief.index.embed.UniversalSentenceEncoder`, on which :data:`NAME_SIMILARITY`
    was measured). Vectors are cached per name: a brief's passages repeat their names.
    """

    def __init__(self, embedder: Embedder, threshold: float = NAME_SIMILARITY,
                 cache_size: int = 50_000) -> None:
        self.embedder = embedder
        self.threshold = threshold
        self._cache_size = cache_size
        self._vectors: dict[str, np.ndarray] = {}

    def _embed(self, texts: Sequence[str]) -> None:
        todo = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        if not todo:
            return
        if len(self._vectors) + len(todo) > self._cache_size:
            self._vectors.clear()
        for text, vec in zip(todo, self.embedder.embed_batch(todo)):
            self._vectors[text] = vec

    def similarity(self, a: str, b: str) -> float:
        self._embed([a, b])
        return float(self._vectors[a] @ self._vectors[b])

    def same_name(self, a: str, b: str) -> bool:
        """:func:`same_name` with this matcher: translations too."""
        return same_name(a, b, self)

    def _compared(self, a: str, b: str, ka: str, kb: str) -> list[tuple[str, str]] | None:
        """What must embed alike for ``a`` and ``b`` to be one name in two languages: the two
        names, or the words in which they differ, one for one; None when nothing may."""
        # The party names whose spelling tells them apart, and names with digits ("B-17" /
        # "B-52" embed alike), never match by similarity.
        if names_a_party_by_spelling(a) or names_a_party_by_spelling(b):
            return None
        if any(ch.isdigit() for ch in ka + kb):
            return None
        wa, wb = ka.split(), kb.split()
        shared = set(wa) & set(wb)
        if not shared:
            return [(_display(a), _display(b))]
        # Names that share words differ in words that must translate each other one for one:
        # "Zuid-Korea" / "South Korea" (zuid = south), not "North Korea" / "South Korea", not
        # "George Bush" / "George W. Bush", not "West Virginia" / "Virginia".
        ua = [w for w in wa if w not in shared]
        ub = [w for w in wb if w not in shared]
        if not ua or len(ua) != len(ub) or len(ua) > 3 or min(map(len, ua + ub)) < 3:
            return None  # and a short word ("Kim Jong-un" / "Kim Jong-il") is no translation
        # Embedded capitalised, as names are written: "zuid" / "south" is 0.41, "Zuid" /
        # "South" 0.93 with USE.
        return [(x.title(), y.title()) for x in ua for y in ub]

    def _translates(self, a: str, b: str, ka: str, kb: str) -> bool:
        pairs = self._compared(a, b, ka, kb)
        if pairs is None:
            return False
        self._embed([t for pair in pairs for t in pair])
        if len(pairs) == 1:
            return self.similarity(*pairs[0]) >= self.threshold
        ua = list(dict.fromkeys(x for x, _ in pairs))
        ub = list(dict.fromkeys(y for _, y in pairs))
        return any(all(self.similarity(x, y) >= self.threshold for x, y in zip(ua, perm))
                   for perm in itertools.permutations(ub))

    def warm(self, names: Sequence[str], passages: Sequence[PassageNames]) -> None:
        """Embed, in one batch, everything that matching ``names`` in ``passages`` may need.
        Optional: :meth:`find` embeds what it lacks, but one batch per claim (or per brief)
        costs far less than one per passage on a CPU."""
        todo: list[str] = []
        for name in names:
            ka = name_key(name)
            for passage in passages:
                for cand in passage.candidates():
                    pairs = self._compared(name, cand, ka, name_key(cand))
                    todo += [t for pair in pairs or () for t in pair]
        self._embed(todo)

    def find(self, name: str, passage: PassageNames) -> str | None:
        """The passage's form of ``name``: ``name`` itself when :func:`find_name` finds it,
        else the passage name it translates, else None."""
        if find_name(name, passage):
            return name
        ka = name_key(name)
        if not ka or any(ch.isdigit() for ch in ka) or names_a_party_by_spelling(name):
            return None
        candidates = passage.candidates()
        self.warm([name], [passage])
        for cand in candidates:
            if self._translates(name, cand, ka, name_key(cand)):
                return cand
        return None


def same_name(a: str, b: str, matcher: NameMatcher | None = None) -> bool:
    """Whether the names ``a`` and ``b`` (two role fillers, two mentions) name the same person,
    place or body: equal in comparison form, aliases, a surname and the full name ("Johnson" /
    "Boris Johnson", but not "Korea" / "South Korea" nor "Union" / "European Union"), or, with a
    ``matcher``, translations of each other. Two full names with different first names are
    two people ("Bill Clinton" / "Hillary Clinton")."""
    # "the Nobel Peace Prize" is "Nobel Peace Prize": the article is not part of the name.
    ka, kb = name_key(a).removeprefix("the "), name_key(b).removeprefix("the ")
    if not ka or not kb:
        return False
    if ka == kb or ka.replace(" ", "") == kb.replace(" ", "") or kb in _ALIASES.get(ka, ()):
        return True
    bare_a, bare_b = _PLACE_KIND.sub("", ka), _PLACE_KIND.sub("", kb)
    if (bare_a, bare_b) != (ka, kb) and bare_a == bare_b:
        return True  # "Shanxi province" / "Shanxi", "Kent County" / "Kent"
    if len(ka.split()) > 1 and len(kb.split()) > 1 and _expanded(ka) == _expanded(kb):
        return True  # "US House of Representatives" / "the United States House of Representatives"
    if _acronym_of(a, b) or _acronym_of(b, a):
        return True
    short, long_ = sorted((ka.split(), kb.split()), key=len)
    if (len(short) == 1 and 2 <= len(long_) <= 4 and short[0] == long_[-1]
            and len(short[0]) >= 3 and short[0] not in _GENERIC_HEADS
            and not short[0].isdigit() and long_[0] not in _PLACE_QUALIFIERS):
        return True
    return matcher is not None and matcher._translates(a, b, ka, kb)


#: A kind of region after a place's name ("Shanxi province"): the same place without it. Not
#: "city" or "state" ("New York City" / "New York", "Washington state" / "Washington" are two).
_PLACE_KIND = re.compile(r"\s+(?:province|prefecture|county|region|district|oblast|governorate"
                         r"|department|canton|municipality|borough|territory)$")


#: Short forms of a country or union inside a longer name, written out.
_WRITTEN_OUT = {"us": "united states", "u s": "united states", "usa": "united states",
                "uk": "united kingdom", "u k": "united kingdom", "un": "united nations",
                "u n": "united nations", "eu": "european union"}
_SHORT_FORM = re.compile(r"\b(?:" + "|".join(sorted(_WRITTEN_OUT, key=len, reverse=True)) + r")\b")


def _expanded(key: str) -> str:
    """A name's comparison form with its short forms written out ("us house of representatives"
    -> "united states house of representatives")."""
    return _SHORT_FORM.sub(lambda m: _WRITTEN_OUT[m.group(0)], key)


# Words an acronym skips: "IMF" is the International Monetary Fund, "EC" the European Community.
_ACRONYM_SKIPS = frozenset({"of", "and", "for", "the", "on", "in", "de", "&"})


def _acronym_of(short: str, long_: str) -> bool:
    """Whether ``short`` is written in capitals as the initials of ``long_``'s words ("IMF" /
    "International Monetary Fund", "U.N." / "the United Nations"). Two letters at least, and
    two words at least, so that a capitalised word is not an acronym of itself."""
    letters = re.sub(r"[.\s]", "", short.strip().removeprefix("the "))
    if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
        return False
    words = [w for w in re.split(r"[\s-]+", _display(long_).removeprefix("the ").strip())
             if w and w.lower() not in _ACRONYM_SKIPS]
    return len(words) >= 2 and "".join(w[0] for w in words).upper() == letters and all(
        w[0].isupper() for w in words)


def _display(name: str) -> str:
    """The name as embedded: as written, without a possessive."""
    return re.sub(r"['’]s$", "", name.strip())
