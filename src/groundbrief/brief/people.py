"""The people a post is about, and who its "He", "Elle" or "Hij" stands for.

A claim is checked on its own, so "He spent 12 minutes outside Voskhod 2" must name its man. The
rules follow how news copy refers back: a pronoun continues the subject of the sentence before it
("Alexei Leonov … has died. He spent …"), a "He said" continues the last speaker, a tribute names
the post's subject ("RIP Toni Morrison. She won …"), and a post about one person means that
person. A pronoun stands only for a person: never for the account that posted ("Space News
Daily"), an outlet or an organisation ("Roscosmos said …"). When the rules do not single out
one person, the pronoun stays as written: a claim that says "He" is unclear, one that names the
wrong man is false.

Names: English uses the parser's PERSON entities (``groundbrief.nlp.parse``) and, because the
small model misses many ("Alexei Leonov" comes out as ORG "Leonov"), runs of two or more
capitalised words that the parser does not label as a place, organisation or other non-person.
French and Dutch have no parser here: runs of two or more capitalised words only, so a
single-word name ("Kanko") is never a pronoun's referent there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from .. import words
from .attribution import ORG_NOUNS, ROLE_NOUNS
from .lexicon import lowercase_words
from .post import is_outlet

Role = Literal["tribute", "speaker", "subject", "mention"]

_NAME_WORD = r"[A-ZÀ-ÞĀ-Ž][\w'’\-]*"
_PARTICLE = r"(?:van|von|de|der|den|du|la|le|da|di|bin|al|ten|ter|van der|van den|de la)"
_NAME_RUN = re.compile(_NAME_WORD + r"(?:\s+(?:" + _PARTICLE + r"\s+)?" + _NAME_WORD + r")+")
# An organisation's name ends like this: "Acme Corp", "Supreme Court", "Space Agency".
_ORGANISATION = re.compile(
    r"\b(?:Inc|Corp|Corporation|Co|Cos|Ltd|Plc|PLC|LLC|AG|SA|NV|Group|Bank|Airlines?|Airways|"
    r"Company|Industries|Holdings|Ministry|Department|Agency|Association|Union|Council|"
    r"Commission|Government|Board|Authority|Institute|University|Police|Army|Court|Party|"
    r"Parliament|Senate|Congress|Cathedral|Church|Club|Team|Foundation|Office|Service|"
    # Buildings that speak for an institution: "Buckingham Palace says …", "Downing Street said"
    r"Palace|House|Street|Kremlin|Élysée|Elysee|Pentagon|Vatican|Hospital|Embassy)\.?$")
_ARTICLES = frozenset({"the", "a", "an", "le", "la", "les", "l", "un", "une", "de", "het", "een",
                       "der", "die", "das", "ein", "eine", "former"})
_NOT_PERSON_LABELS = {"ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "PRODUCT",
                      "LAW", "DATE", "TIME", "LANGUAGE"}
# A word capitalised only because it opens the sentence or a title ("Former", "Le", "Premier").
_OPENERS = frozenset().union(*words.STOPWORDS.values(), ROLE_NOUNS)


@dataclass(frozen=True)
class Mention:
    """A person named in one sentence of the post."""

    name: str
    sentence: int
    role: Role
    sure: bool  # a full name (two words or more), not a single word the parser took for a name

    @property
    def key(self) -> str:
        """The surname, which "Alexei Leonov" and "Leonov" share."""
        return re.sub(r"['’]s$", "", self.name.split()[-1]).lower()


def _trim(name: str, common: frozenset[str] = frozenset()) -> str:
    """A name without the title or sentence opener in front ("President Robert Mugabe", "Le
    président") and without a possessive ending. ``common``: words that, capitalised at the start
    of a run, are most likely the sentence's first word ("Former Zimbabwean …")."""
    ws = re.sub(r"['’]s$", "", name.strip()).split()
    while ws and (ws[0].lower() in _OPENERS or ws[0].lower() in common):
        ws.pop(0)
    return " ".join(ws)


def _trim_entity(name: str) -> str:
    """A parser's PERSON entity without a title in front ("Cosmonaut Alexei Leonov"); a word
    English writes in lowercase goes only while two words remain ("Grant Shapps" stays)."""
    ws = _trim(name).split()
    while len(ws) > 2 and ws[0].lower() in lowercase_words():
        ws.pop(0)
    return " ".join(ws)


def organisation_name(name: str) -> bool:
    """Whether a name carries the marks of an organisation or outlet ("Acme Corp", "Supreme
    Court", "Space News Daily", "NASA")."""
    low = name.lower().split()
    return (is_outlet(name) or bool(_ORGANISATION.search(name)) or any(w in ORG_NOUNS for w in low)
            or name.isupper() or any(ch.isdigit() for ch in name))


def names_in(text: str, language: str | None) -> list[tuple[str, int, bool]]:
    """The person names of ``text``: (name, character offset, sure)."""
    found: dict[int, tuple[str, int, bool]] = {}
    english = language in (None, "en")
    labels: list[tuple[int, int, str]] = []
    if english:
        from ..nlp import parse

        doc = parse(text)
        labels = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        for s, e, label in labels:
            if label == "PERSON":
                name = _trim_entity(text[s:e])
                if name and not organisation_name(name):
                    found[s] = (name, s, len(name.split()) > 1)
    # English runs: a first word English writes in lowercase is the sentence's, not the name's
    # ("Former Zimbabwean"); a name that starts with one ("Grant Shapps") the parser finds.
    common = lowercase_words() if english else frozenset()
    for m in _NAME_RUN.finditer(text):
        name = _trim(m.group(0), common)
        if len(name.split()) < 2 or organisation_name(name):
            continue
        start = m.start() + m.group(0).find(name.split()[0])
        end = start + len(name)
        # The parser names the whole run as something else ("Notre Dame" FAC, "New York" GPE).
        if any(label in _NOT_PERSON_LABELS and s <= start and e >= end for s, e, label in labels):
            continue
        # The same name as a parser entity: keep the longer form ("Alexei Leonov" for "Leonov").
        same = [s for n, s, _ in found.values()
                if abs(s - start) <= len(name) and n.split()[-1] == name.split()[-1]]
        if same and any(len(found[s][0]) >= len(name) for s in same):
            continue
        for s in same:
            del found[s]
        found[start] = (name, start, True)
    return sorted(found.values(), key=lambda x: x[1])


def _verb(word: str, language: str | None) -> bool:
    from .clauses import is_verb

    w = word.lower().strip(",.;:")
    return w in _SPEECH or (language in (None, "en") and is_verb(w))


_SPEECH = frozenset(words.reported_forms())


def is_person(name: str | None, language: str | None, full_name: bool = False) -> bool:
    """Whether a speaker's or tribute's name names a person (see the module docstring).
    ``full_name``: only a name of two words or more counts (a tribute: "RIP Twitter" and
    "RIP Alexei Leonov" differ in nothing else the rules can see)."""
    if not name or organisation_name(name):
        return False
    if full_name and len(name.split()) < 2:
        return False
    if len(name.split()) > 1:
        return bool(names_in(name + ".", language)) or _NAME_RUN.fullmatch(name) is not None
    if language in (None, "en"):
        # One word: a person only when the parser says so in a sentence of its own.
        return any(n == name for n, _, _ in names_in(f"{name} said it.", language))
    return False


def may_be_person(name: str | None, language: str | None) -> bool:
    """Whether a speaker's name may name a person: no mark of an organisation or outlet, and,
    in English, not an entity the parser labels as something else ("the Kremlin"). Weaker than
    :func:`is_person`: enough for "X said he …", where English binds "he" to X."""
    if not name or organisation_name(name):
        return False
    if language in (None, "en"):
        from ..nlp import parse

        doc = parse(f"{name} said it.")
        if any(e.label_ in _NOT_PERSON_LABELS and e.start_char < len(name) for e in doc.ents):
            return False
    return True


@dataclass
class PostPeople:
    """The people named so far in a post, sentence by sentence."""

    language: str | None
    mentions: list[Mention] = field(default_factory=list)
    speakers: dict[int, str] = field(default_factory=dict)
    #: "m"/"f" for a name a gendered pronoun was resolved to ("Il" -> "m"): French needs it to
    #: write a tribute's claim ("X est décédé").
    genders: dict[str, str] = field(default_factory=dict)

    def add(self, index: int, content: str, speaker: str | None = None,
            tribute: str | None = None) -> None:
        """Record sentence ``index``: its content (frame removed, handles as names), its
        speaker and the name of its tribute."""
        if tribute and is_person(tribute, self.language, full_name=True):
            self.mentions.append(Mention(tribute, index, "tribute", True))
        if speaker and is_person(speaker, self.language):
            self.speakers[index] = speaker
            self.mentions.append(Mention(speaker, index, "speaker", len(speaker.split()) > 1))
        stop = words.for_language(words.STOPWORDS, self.language) - _ARTICLES
        for name, offset, sure in names_in(content, self.language):
            before = content[:offset].split()
            # The sentence's subject comes first, after at most an article and a title ("Former
            # Zimbabwean president Robert Mugabe has died"); a name after a verb or a
            # preposition is not it.
            role: Role = "subject" if len(before) <= 3 and not any(
                w.lower() in stop or _verb(w, self.language) for w in before) \
                and "," not in content[:offset] else "mention"
            self.mentions.append(Mention(name, index, role, sure))

    def full_name_of(self, surname: str, index: int) -> str | None:
        """The full name of a person the post names before or in sentence ``index`` whose
        surname is ``surname`` ("Merkel" -> "Angela Merkel"), or None."""
        key = surname.lower()
        full = [m.name for m in self.mentions if m.key == key and m.sure and m.sentence <= index]
        return max(full, key=len) if full else None

    def _full(self, key: str) -> str:
        return max((m.name for m in self.mentions if m.key == key), key=len)

    def referent(self, index: int, speech: bool) -> str | None:
        """The person a pronoun in sentence ``index`` stands for, or None when unsure.
        ``speech``: the pronoun is the subject of a speech verb ("He said …")."""
        before = [m for m in self.mentions if m.sentence < index]
        if not before:
            return None
        prev = max(m.sentence for m in before)
        if speech and prev in self.speakers:
            speaker = Mention(self.speakers[prev], prev, "speaker", True)
            others = {m.key for m in before} - {speaker.key}
            if len(speaker.name.split()) > 1 or not others:
                return self._full(speaker.key)
            # One word the parser took for a person ("Roscosmos said Leonov died. He added …"),
            # and someone else named: either could be meant.
            return None
        if prev in self.speakers:
            # The sentence before reports what someone said ("Buckingham Palace says the Queen
            # died. She was 96."; "Musk said Twitter would cut staff. He did not give a date."):
            # "She" continues the person it reported on when the post names that person in
            # full; the speaker when what they said names no one else ("Tim Cook said the
            # company will invest … He made the announcement …"). A person named by one word
            # the parser may mistake ("Twitter") leaves the pronoun as written.
            full = {m.key for m in before if m.sure}
            reported = {m.key for m in before if m.sentence == prev
                        and m.role in ("subject", "tribute") and m.key in full}
            if len(reported) == 1:
                return self._full(reported.pop())
            speaker = Mention(self.speakers[prev], prev, "speaker", True).key
            others = {m.key for m in before if m.sentence == prev} - {speaker}
            return self._full(speaker) if not others else None
        # The sentence before names one person in what it says (its speaker aside): the
        # pronoun continues it when that person is its subject. Two people there ("Trump met
        # Biden. He said …") and the rules cannot tell which: leave the pronoun.
        said = {m.key for m in before if m.sentence == prev and m.role != "speaker"}
        subjects = {m.key for m in before if m.sentence == prev and m.role in ("subject", "tribute")}
        if len(said) > 1:
            return None
        if len(subjects) == 1:
            return self._full(subjects.pop())
        tributes = {m.key for m in before if m.role == "tribute"}
        if len(tributes) == 1:
            return self._full(tributes.pop())
        sure = {m.key for m in before if m.sure}
        if len(sure) == 1 and all(m.key in sure for m in before if m.role != "mention"):
            return self._full(sure.pop())
        # One person only, named as a subject or speaker somewhere before: a name the parser
        # found after a verb ("Trump met Biden") is not enough on its own.
        everyone = {m.key for m in before}
        if len(everyone) == 1 and any(m.role != "mention" for m in before):
            return self._full(everyone.pop())
        return None


# ------------------------------------------------------------------------------ pronouns

_IMPERSONAL_FR = re.compile(r"^" + words.IMPERSONAL_FR + r"\b", re.I)


def leading_pronoun(text: str, language: str | None) -> tuple[str, str] | None:
    """(pronoun as written, "subject" or "possessive") when ``text`` opens with a pronoun that
    stands for a person in its language; None otherwise. French "Il faut …" stands for no one;
    Dutch "Zij"/"Ze" is "she" only before a singular verb ("Zij overleed"), "they" before a
    plural one ("Ze zijn")."""
    lang = language if language in words.PERSON_PRONOUNS else "en"
    m = re.match(r"^([^\W\d_]+)\b\s*(\S*)", text)
    if not m:
        return None
    word, nxt = m.group(1), m.group(2).lower().strip(",.")
    low = word.lower()
    if low in words.PERSON_PRONOUNS[lang]:
        if lang == "fr" and _IMPERSONAL_FR.match(text):
            return None
        if lang == "nl" and low in {"zij", "ze"} and (nxt.endswith("en") or nxt in {"zijn", ""}):
            return None
        return word, "subject"
    if low in words.PERSON_POSSESSIVES.get(lang, {}):
        return word, "possessive"
    return None
