"""The comparison form of text: what a reader ignores when matching two wordings.

Quote style, chemical subscripts, letter case, diacritics and British or American spelling do
not change what a text says, so the detail checks compare text after folding them away here.
The word lists of this module (function words, speech verbs) are shared by the name, figure
and overlap checks; they are meant to move into the project-wide word-list module once there is
one (issue 9, item 9).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache

from ..text import _QUOTE_MAP, fold_quotes
from ..words import SPEECH_WORDS_EN, STOPWORDS_EN

__all__ = [
    "MONTHS",
    "SPEECH",
    "STOPWORDS",
    "WEEKDAYS",
    "fold_diacritics",
    "fold_spelling",
    "names_a_party_by_spelling",
    "party_spans",
    "prepare",
    "prepare_mapped",
    "spelling_key",
]

# Wikipedia (and so Climate-FEVER) typesets chemical subscripts as "CO 2"; without this the
# "2" reads as a quantity and "CO" as a name.
_FORMULA = re.compile(r"\b(CO|CH|SF|SO|NO|N|O|H)\s(\d)(?!\d|[.,]\d)")


def prepare(text: str) -> str:
    """Straight quotes, single spaces, and chemical formulas written together ("CO2")."""
    return _FORMULA.sub(r"\1\2", fold_quotes(text))


_NONSPACE = re.compile(r"\S+")


class Offsets:
    """Where each character of ``prepare(text)`` was in ``text``: ``offsets[j]``. Built on first
    use (most texts are searched and never asked about a position)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._map: tuple[list[int], list[int]] | None = None

    def _build(self) -> tuple[list[int], list[int]]:
        folded = self._text.translate(_QUOTE_MAP)
        origins = [m.start() for m in _NONSPACE.finditer(folded)]
        words = folded.split()
        starts = [0] * len(words)
        for k in range(1, len(words)):
            starts[k] = starts[k - 1] + len(words[k - 1]) + 1
        joined = " ".join(words)
        if _FORMULA.search(joined):
            # Rare ("CO 2"): prepare() removed a space; map character by character.
            chars = [origins[k] + i for k, w in enumerate(words) for i in range(len(w) + 1)]
            dropped = {m.start(2) - 1 for m in _FORMULA.finditer(joined)}
            kept = [c for j, c in enumerate(chars[: len(joined)]) if j not in dropped]
            return list(range(len(kept))), kept
        return starts, origins

    def __getitem__(self, j: int) -> int:
        if self._map is None:
            self._map = self._build()
        starts, origins = self._map
        k = bisect.bisect_right(starts, j) - 1
        return origins[k] + (j - starts[k]) if k >= 0 else 0


def prepare_mapped(text: str) -> tuple[str, Offsets]:
    """:func:`prepare` of ``text`` and, for each of its characters, its offset in ``text``:
    spans found in the prepared text point into the original."""
    return prepare(text), Offsets(text)


# Function words and words that open a sentence without naming anything: used to trim
# capitalised runs ("The European Union" -> "European Union"), to drop sentence-initial
# capitals that are ordinary words ("However", "Scientists") and to count content words. The
# list is the shared one (groundbrief/words.py), which brief/ reads too.
STOPWORDS = STOPWORDS_EN

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())

#: Reported speech in an English passage (the word list lives in groundbrief/words.py).
SPEECH = re.compile(rf"\b(?:{'|'.join(SPEECH_WORDS_EN)})\b", re.IGNORECASE)


# ---------------------------------------------------------------- diacritics

# Letters that Unicode does not decompose into a base letter and a mark.
_UNDECOMPOSED = str.maketrans({
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss",
    "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D",
})


_MARKS = re.compile(r"[\u0300-\u036f]")


def fold_diacritics(text: str) -> str:
    """Letters without their marks: "Orbán" -> "Orban", "Łódź" -> "Lodz", "Zürich" -> "Zurich".
    Only the combining marks of the Latin, Greek and Cyrillic block are dropped: the marks of
    other scripts (Devanagari vowel signs, Arabic vowels) can be letters."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", _MARKS.sub("", unicodedata.normalize(
        "NFKD", text.translate(_UNDECOMPOSED))))


# ---------------------------------------------------------------- spelling

# British spellings and their American forms, as whole words (lowercase). Word lists, not
# suffix rules: "-our" -> "-or" would turn "four" into "for", "-ise" -> "-ize" "rise" into "rize".
_OUR = "labour honour colour favour harbour neighbour behaviour rumour vapour armour valour " \
       "endeavour vigour humour flavour parlour saviour splendour odour candour"
_TRE = "centre theatre metre kilometre centimetre millimetre litre fibre calibre spectre sombre " \
       "meagre lustre sabre"
_ISE_STEMS = "organ recogn real critic apolog author emphas priorit mobil privat national legal " \
             "stabil summar character categor final minim maxim modern normal penal subsid util " \
             "jeopard sympath scrutin hospital industrial commercial central standard optim " \
             "capital neutral civil fertil immun vapor harmon special"
_LL_STEMS = "travel cancel label model fuel signal total counsel level channel dial equal marvel " \
            "jewel quarrel"
_SPELLING = {
    **{w: w[:-2] + "r" for w in _OUR.split()},
    **{w + "s": w[:-2] + "rs" for w in _OUR.split()},
    **{w: w[:-2] + "er" for w in _TRE.split()},
    **{w + "s": w[:-2] + "ers" for w in _TRE.split()},
    "defence": "defense", "offence": "offense", "licence": "license", "pretence": "pretense",
    "programme": "program", "programmes": "programs", "catalogue": "catalog",
    "analogue": "analog", "aluminium": "aluminum", "paediatric": "pediatric",
    "paediatrics": "pediatrics", "anaesthetic": "anesthetic", "anaesthesia": "anesthesia",
    "haemorrhage": "hemorrhage", "oestrogen": "estrogen", "foetus": "fetus",
    "orthopaedic": "orthopedic", "encyclopaedia": "encyclopedia", "diarrhoea": "diarrhea",
    "leukaemia": "leukemia", "oesophagus": "esophagus", "judgement": "judgment",
    "ageing": "aging", "cheque": "check", "plough": "plow", "sceptic": "skeptic",
    "sceptical": "skeptical", "mould": "mold", "moult": "molt", "smoulder": "smolder",
    "storey": "story", "kerb": "curb", "pyjamas": "pajamas", "enrolment": "enrollment",
    "fulfil": "fulfill", "instalment": "installment", "skilful": "skillful",
}
_ISE = re.compile(rf"\b({'|'.join(_ISE_STEMS.split())})is(e|es|ed|ing|ation|ations|er|ers)\b")
_LL = re.compile(rf"\b({'|'.join(_LL_STEMS.split())})l(ed|ing|er|ers)\b")
_WORDS = re.compile(r"[^\W\d_]+")
# Spelling variants that are names of different things: the British Labour Party and the
# Australian Labor Party, and "Labour" / "Labor" on their own, which name those parties. Inside
# a longer name ("International Labour Organization", "Ministry of Labour", "Labor Day") the
# word is only spelt two ways.
_PARTY_NAME = re.compile(r"\blabou?r\s+part(?:y|ies)\b", re.IGNORECASE)
_LABOUR = re.compile(r"\bLabou?r\b")
_IN_LONGER_NAME_BEFORE = re.compile(r"[A-Z][a-z][\w-]*\s+(?:(?:of|for|and|&)\s+)?$")
_IN_LONGER_NAME_AFTER = re.compile(r"\s+[A-Z]")


def party_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` where "Labour" / "Labor" names a party (see above)."""
    if re.fullmatch(r"\s*labou?r\s*", text, re.IGNORECASE):
        return [(0, len(text))]
    spans = [m.span() for m in _PARTY_NAME.finditer(text)]
    for m in _LABOUR.finditer(text):
        if any(s <= m.start() < e for s, e in spans):
            continue
        if (_IN_LONGER_NAME_AFTER.match(text, m.end())
                or _IN_LONGER_NAME_BEFORE.search(text, 0, m.start())):
            continue
        spans.append(m.span())
    return spans


@lru_cache(maxsize=65536)
def spelling_key(word: str) -> str:
    """One word, lowercase, in its American spelling: "Organisation" -> "organization"."""
    word = word.lower()
    word = _SPELLING.get(word, word)
    if "is" in word:
        word = _ISE.sub(r"\1iz\2", word)
    if "ll" in word:
        word = _LL.sub(r"\1\2", word)
    return word


def fold_spelling(text: str) -> str:
    """``text``, lowercase, with British spellings in their American form: "Organisation" ->
    "organization", "centre" -> "center", "travelled" -> "traveled". "Labour" / "Labor" as a
    party name is left alone (see ``_PARTY``)."""
    protected = party_spans(text)

    def word(m: re.Match[str]) -> str:
        if any(s <= m.start() < e for s, e in protected):
            return m.group(0).lower()
        return spelling_key(m.group(0))

    return _WORDS.sub(word, text).lower()


def names_a_party_by_spelling(text: str) -> bool:
    """Whether ``text`` holds a Labour/Labor party name, whose spelling tells two parties
    apart: such a name must never match its other spelling, however similar the two look."""
    return bool(party_spans(text))
