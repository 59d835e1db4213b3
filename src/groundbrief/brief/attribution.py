"""Attribution frames: who said a sentence, where, and what the sentence says without the frame.

A brief usually wraps its news in a reporting frame ("..., says Belgian MEP @X in a V24
interview"; "According to officials, ..."; "Kanko told Reuters that ..."). The parser reads the
frame to fill speaker, role, outlet and medium; the claim extractor removes it, so a content claim
is checked as a statement about the world and the frame becomes one attribution claim.

Rules only, no model: the frames of short news briefs are few and formulaic, and a rule that
misses leaves the sentence whole (a content claim with no speaker), which is the safe failure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..words import reported_forms

HANDLE = re.compile(r"(?<![\w@.])@([A-Za-z0-9_]{1,30})\b")

# Reporting verbs of every supported language, with the form the attribution claim is written
# with (see words.SPEECH_VERBS): the attribution claim keeps the brief's language (claims.py).
_VERBS = reported_forms()
_VERB_WORDS = "|".join(sorted(map(re.escape, _VERBS), key=len, reverse=True))
# Verbs whose object names the outlet: "told Reuters", "tells V24".
_TELL = {"told", "tells"}
# "according to X" and its siblings in the other supported languages.
_ACCORDING = r"(?:according to|volgens|selon|laut|según|secondo|segundo)"

# Nouns that make a phrase a role ("Belgian MEP", "Prime Minister", "Sea-Eye spokesperson").
ROLE_NOUNS = {
    "mep", "mp", "minister", "secretary", "president", "spokesperson", "spokesman",
    "spokeswoman", "senator", "mayor", "chancellor", "governor", "leader", "chief", "ceo",
    "director", "official", "congressman", "congresswoman", "representative", "ambassador",
    "commissioner", "chairman", "chairwoman", "chair", "chairperson", "head", "professor",
    "dr", "activist", "analyst", "economist", "expert", "scientist", "researcher", "lawyer",
    "judge", "envoy", "diplomat", "adviser", "advisor", "candidate", "founder", "king", "queen",
    "pope", "prince", "premier", "lawmaker", "legislator", "politician", "campaigner",
    "journalist", "reporter", "correspondent", "editor", "coach", "captain", "manager", "pm",
    "councillor", "councilor", "sheriff", "deputy", "secretary-general", "vice-president",
    "general", "executive", "member", "owner", "mother", "father", "son", "daughter",
    # nl / fr / de
    "europarlementariër", "parlementslid", "kamerlid", "premier", "burgemeester", "woordvoerder",
    "woordvoerster", "voorzitter", "staatssecretaris", "koning", "koningin", "ministre",
    "député", "députée", "eurodéputé", "eurodéputée", "porte-parole", "maire", "président",
    "présidente", "sénateur", "sénatrice", "secrétaire", "bundeskanzler", "bundeskanzlerin",
    "sprecher", "sprecherin", "ministerin", "abgeordnete", "abgeordneter",
    # who speaks for a person ("his lawyer said", "a annoncé son avocat", "meldt zijn familie")
    "agent", "family", "wife", "husband", "widow", "brother", "sister", "avocat", "avocate",
    "famille", "épouse", "veuve", "fils", "advocaat", "familie", "weduwe", "zoon", "dochter",
    # es / it / pt
    "ministro", "ministra", "presidente", "presidenta", "portavoz", "alcalde", "alcaldesa",
    "sindaco", "sindaca", "portavoce", "prefeito", "prefeita", "porta-voz", "juez", "jueza",
    "giudice", "juiz", "diputado", "diputada", "deputato", "deputata", "deputado", "senador",
    "senadora", "senatore", "abogado", "abogada", "avvocato", "advogado", "vocero", "primer",
}
# Lowercase nouns that make a phrase an organisation ("the German government", "Time magazine").
ORG_NOUNS = {
    "government", "ministry", "police", "army", "military", "officials", "authorities",
    "commission", "council", "parliament", "court", "agency", "office", "department", "company",
    "union", "party", "magazine", "newspaper", "spokespeople", "firefighters", "prosecutors",
    "regering", "gouvernement", "regierung", "gobierno", "governo", "polizei", "politie",
    "parquet", "parket", "préfecture", "gendarmerie", "pompiers", "brandweer",
    "policía", "polizia", "polícia", "fiscalía", "procura", "bomberos", "vigili",
}
# Connectors that may sit inside a role or organisation name ("spokesperson for the German
# government", "Minister of Justice", "Ursula von der Leyen").
# Words inside a name or a title: "Secretary of State", "Centraal Bureau voor de Statistiek",
# "Bundesamt für Statistik", "ministre des Finances", "Ministerium für Arbeit und Soziales".
_CONNECTORS = {"for", "of", "the", "at", "de", "van", "von", "der", "den", "du", "la", "le", "da", "and",
               "voor", "für", "des", "pour", "et", "und", "del", "della", "di", "do", "dos", "das",
               "degli", "dei"}
_ARTICLES = {"a", "an", "the", "le", "la", "les", "het", "een", "un", "une", "das", "die", "dem", "ein", "eine",
             "el", "los", "las", "il", "lo", "gli", "o", "os", "as", "una", "uno", "um", "uma"}
PRONOUNS = {"he", "she", "it", "they", "i", "we", "hij", "zij", "il", "elle", "er", "sie", "ele", "ela",
            "él", "ella", "lui", "lei"}

MEDIA = [
    "press conference", "news conference", "press release", "radio interview", "tv interview",
    "television interview", "interview", "statement", "briefing", "post", "tweet", "op-ed",
    "column", "speech", "podcast", "broadcast", "programme", "program", "show", "debate",
    "video", "letter", "blog post", "blog", "address", "documentary", "editorial", "thread",
    "livestream", "hearing", "rally",
    "interview", "verklaring", "persconferentie", "entretien", "communiqué", "conférence de presse",
    "pressekonferenz", "erklärung", "entrevista", "comunicado", "intervista",
]
_MEDIUM_RE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, set(MEDIA)), key=len, reverse=True)) + r")\b", re.I
)
_PLATFORMS = {"twitter": "post", "x": "post", "facebook": "post", "instagram": "post",
              "tiktok": "video", "youtube": "video", "linkedin": "post", "bluesky": "post",
              "telegram": "post", "threads": "post", "mastodon": "post"}
_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b")
_TIME = (
    r"(?:on |last |this |earlier |late )?(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|yesterday|today|tonight|morning|evening|afternoon|night|week|month|year|"
    # A day and a month ("15 June", "June 15, 2020"), not any number and word: "said 12 people
    # died" has no date in it.
    r"\d{1,2} " + _MONTHS + r"|" + _MONTHS + r" \d{1,2}(?:, \d{4})?)"
)
_TIME_RE = re.compile(r"^(?:" + _TIME + r")\b", re.I)
_VENUE_START = re.compile(r"^(?:in|on|at|to|during|via|for|with|tijdens|dans|bei|im|en|nel|no|na)\b", re.I)


@dataclass(frozen=True)
class Attribution:
    """A reporting frame found in one sentence."""

    content: str  # the sentence without the frame
    subject: str  # the frame's subject, verbatim ("Belgian MEP @Assita_Kanko")
    verb: str  # past form for the attribution claim ("said", "told")
    speaker: str | None = None  # display name ("Assita Kanko"); None for a pronoun or bare role
    role: str | None = None
    outlet: str | None = None
    medium: str | None = None
    venue: str | None = None  # verbatim "in a V24 interview", "told Reuters", "on Tuesday"
    pronoun: bool = False

    @property
    def who(self) -> str | None:
        """How a claim names the source: the name, else "a <role>" / the organisation."""
        if self.speaker:
            return self.speaker
        if self.role:
            first = self.subject.split()[0] if self.subject else ""
            if first.lower() in _ARTICLES - {"a", "an", "the"}:
                # "Le ministre a dit", "El ministro dijo": the brief's own article, not
                # English "a" before a French or Spanish role
                return self.subject
            return f"a {self.role}" if not self.role.lower().startswith(_ARTICLES_PREFIX) else self.role
        return None


_ARTICLES_PREFIX = ("a ", "an ", "the ", "le ", "la ", "les ", "het ", "een ", "un ", "une ",
                    # possessives: "his lawyer", "son avocat", "zijn familie" need no article
                    "his ", "her ", "their ", "son ", "sa ", "ses ", "leur ", "zijn ", "haar ",
                    "hun ")


def handle_name(handle: str) -> str:
    """``@Assita_Kanko`` -> "Assita Kanko"; ``@GrantShapps`` -> "Grant Shapps"; ``@BBCNews`` ->
    "BBC News". All-lowercase handles cannot be split without a dictionary and are kept as they are."""
    body = handle.lstrip("@")
    words = []
    for part in re.split(r"_+", body):
        part = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", part)
        words.extend(part.split())
    return " ".join(words) or body


def _words(span: str) -> list[str]:
    return span.split()


def _is_role_word(word: str) -> bool:
    return word.lower().strip(",'’") in ROLE_NOUNS


def _is_org_word(word: str) -> bool:
    return word.lower().strip(",") in ORG_NOUNS


def _is_name_word(word: str) -> bool:
    w = word.strip(",")
    if HANDLE.fullmatch(w):
        return True
    # "V24", "Sea-Eye", "O'Rourke", "U.S.", "Kanko's" are name words; lowercase words are not.
    return bool(re.fullmatch(r"[A-ZÀ-ÞĀ-Ž0-9][\w'’.\-]*", w)) and w.lower() not in _VERBS


def subject_length(words: list[str]) -> int:
    """How many leading words form a speaker phrase (role and/or name, or a pronoun); 0 if none.

    Lowercase words are allowed only as role modifiers ("transport secretary", "former
    minister") or connectors inside a name ("spokesperson for the German government").
    """
    if not words:
        return 0
    if words[0].lower() in PRONOUNS and not (words[0].lower() in _ARTICLES and len(words) > 1):
        return 1  # (Italian "Il ministro": an article, not French "il")
    n = 0
    while n < len(words):
        w = words[n]
        bare = w.strip(",")
        if _is_name_word(bare) or _is_role_word(bare) or _is_org_word(bare):
            n += 1
        elif bare.lower() in _CONNECTORS and n + 1 < len(words) and (
            _is_name_word(words[n + 1]) or _is_role_word(words[n + 1])
            or words[n + 1].lower() in _CONNECTORS
        ):
            n += 1
        elif bare.lower() in _ARTICLES and n == 0:
            n += 1
        elif bare.islower() and any(_is_role_word(x) for x in words[n + 1 : n + 3]):
            n += 1  # a lowercase modifier of a following role noun
        else:
            break
        if w.endswith(","):
            # An apposition completes the subject ("his father, Abdullah Kurdi"); anything
            # else after the comma is not part of it.
            k = n
            while k < len(words) and _is_name_word(words[k].rstrip(",")):
                k += 1
            if k > n and (k == len(words) or _VENUE_START.match(words[k])):
                n = k
            break
    # Trailing connectors/articles are not part of the subject.
    while n and words[n - 1].strip(",").lower() in _CONNECTORS | _ARTICLES:
        n -= 1
    return n if n <= 12 else 0


def split_subject(subject: str) -> tuple[str | None, str | None, bool]:
    """(speaker, role, is_pronoun) for a subject phrase."""
    if "," in subject:
        # Apposition: "his father, Abdullah Kurdi" -> role before the comma, name after it.
        head, _, name = subject.partition(",")
        _, role, _ = split_subject(head)
        return name.strip() or None, role or head.strip() or None, False
    words = _words(subject)
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return None, None, True
    for i, w in enumerate(words):
        if HANDLE.fullmatch(w):
            role = " ".join(x for x in words[:i] if x.lower() not in _ARTICLES) or None
            return handle_name(w), role, False
    roles = [i for i, w in enumerate(words) if _is_role_word(w)]
    if not roles:
        return " ".join(words) or None, None, False
    last = roles[-1]
    rest = words[last + 1 :]
    if rest and rest[0].lower() in _CONNECTORS:
        # "spokesperson for the German government": all role, no name.
        start = 1 if words[0].lower() in _ARTICLES else 0
        return None, " ".join(words[start:]), False
    start = 1 if words[0].lower() in _ARTICLES else 0
    role = " ".join(words[start : last + 1]) or None
    name = " ".join(rest) or None
    return name, role, False


def parse_venue(venue: str) -> tuple[str | None, str | None]:
    """(outlet, medium) named in a venue phrase such as "in a V24 interview"."""
    outlet = medium = None
    m = _MEDIUM_RE.search(venue)
    if m:
        medium = m.group(1).lower()
        before = venue[: m.start()].split()
        # Capitalised words right before the medium name the outlet ("a V24 interview",
        # "BBC Radio 4's Today programme" -> "BBC Radio 4").
        run: list[str] = []
        for w in reversed(before):
            if _is_name_word(w):
                run.insert(0, w)
            else:
                break
        if run:
            text = " ".join(run)
            outlet = re.split(r"['’]s\b", text)[0].strip() or None
        if outlet is None:
            after = venue[m.end() :]
            a = re.match(r"\s+(?:with|on|for|to|by|in|op|met|avec|à|mit|con|com)\s+((?:[A-Z0-9][\w'’.\-]*\s?)+)", after)
            if a:
                outlet = re.split(r"['’]s\b", a.group(1).strip())[0] or None
    if outlet is None:
        t = re.match(r"(?:told|tells|to|on|via)\s+((?:[A-Z0-9][\w'’.\-]*\s?)+)", venue.strip())
        if t:
            outlet = re.split(r"['’]s\b", t.group(1).strip())[0] or None
    if outlet and (_TIME_RE.match(outlet) or re.match(_MONTHS, outlet, re.I)):
        outlet = None  # "said on Thursday": a day is no outlet
    if outlet and medium is None and outlet.lower() in _PLATFORMS:
        medium = _PLATFORMS[outlet.lower()]
    return outlet, medium


def _attr(content: str, subject: str, verb: str, venue: str | None) -> Attribution | None:
    content = content.strip(" ,;:—–-")
    if not content or not subject.strip():
        return None
    speaker, role, pronoun = split_subject(subject)
    outlet, medium = parse_venue(venue) if venue else (None, None)
    return Attribution(
        content=content, subject=subject.strip(), verb=_VERBS.get(verb.lower(), "said"),
        speaker=speaker, role=role, outlet=outlet, medium=medium,
        venue=(venue or "").strip(" ,.…") or None, pronoun=pronoun,
    )


_END = r"[\s.…!?]*$"
_TRAIL = re.compile(r"^(?P<content>.+?)(?P<sep>[,;—–]|[,!?][”\"’»])\s*(?P<verb>" + _VERB_WORDS + r")\s+(?P<rest>.+?)" + _END, re.I | re.S)
_TRAIL_INV = re.compile(r"^(?P<content>.+?)[,;—–]\s*(?P<rest>[^,]+?)\s+(?P<verb>" + _VERB_WORDS + r")(?P<venue>\s+[^,]*?)?" + _END, re.I | re.S)
_ACC_LEAD = re.compile(r"^" + _ACCORDING + r"\s+(?P<rest>[^,]+?),\s*(?P<content>.+)$", re.I | re.S)
_ACC_TRAIL = re.compile(r"^(?P<content>.+?),?\s+" + _ACCORDING + r"\s+(?P<rest>[^,]+?)" + _END, re.I | re.S)
_COLON = re.compile(r"^(?P<rest>[^:\"“”«»]{2,80}?):\s+(?P<content>.+)$", re.S)
_LEAD_VERB = re.compile(r"\s(?P<verb>" + _VERB_WORDS + r")\b", re.I)


def _tail(rest: str) -> tuple[str, str | None]:
    """Split the words after a trailing verb into (subject, venue)."""
    words = _words(rest)
    n = subject_length(words)
    if n == 0:
        return "", None
    return " ".join(words[:n]).rstrip(","), " ".join(words[n:]) or None


# Speech verbs that are also plural nouns ("Member states", "the notes", "insurance claims"):
# a reporting verb only when a statement follows at once ("X states that …", "X claims: …").
_NOUN_LIKE = {"states", "notes", "claims", "posts", "reports", "comments", "tweets"}


def _lead(sentence: str) -> Attribution | None:
    """"Kanko said (in a V24 interview) (that) ...", "He told Reuters ...", "X zegt dat ..."."""
    m = _LEAD_VERB.search(sentence)
    if not m:
        return None
    subject = sentence[: m.start()].strip()
    words = _words(subject)
    if not words or subject_length(words) != len(words):
        return None
    verb = m.group("verb")
    after = sentence[m.end() :].strip()
    if verb.lower() in _NOUN_LIKE and not re.match(r"(?:that\b|[:\"“«])", after):
        return None  # "Member states and the European Parliament …": a noun, not a verb
    venue_parts: list[str] = []
    if verb.lower() in _TELL:
        o = re.match(r"((?:[A-Z0-9][\w'’.\-]*\s?)+)", after)
        if o:
            venue_parts.append(f"{verb} {o.group(1).strip()}")
            after = after[o.end() :].strip()
    # Venue and time phrases between the verb and the content ("in a V24 interview on Tuesday").
    while True:
        t = _TIME_RE.match(after)
        if t:
            venue_parts.append(t.group(0))
            after = after[t.end() :].strip(" ,")
            continue
        if _VENUE_START.match(after):
            cut = re.search(r"\s(?:that|dat|que|dass|che)\s|[,:]\s", after)
            med = _MEDIUM_RE.search(after[: cut.start()] if cut else "")
            if cut and (med or _TIME_RE.search(after[: cut.start()])):
                venue_parts.append(after[: cut.start()].strip())
                after = after[cut.start() :].strip(" ,:")
                continue
        break
    after = re.sub(r"^,?\s*(?:that|dat|que|dass|che)\s+", "", after, flags=re.I).strip(" ,:")
    venue = " ".join(p for p in venue_parts if not p.lower().startswith(("told", "tells")))
    a = _attr(after, subject, verb, " ".join(venue_parts) or None)
    if a and venue_parts and venue_parts[0].lower().startswith(("told", "tells")):
        # "told Reuters" is part of the verb phrase, not a venue prefix.
        return replace(a, verb=venue_parts[0], venue=venue or None)
    return a


# Openers that set the scene before "X said …": "On Tuesday, …", "In a statement, …",
# "Earlier this week, …". Without this, "On Tuesday, May said she would resign" read as the
# statement "On Tuesday" followed by an inverted "May said …".
_OPENER_WORDS = frozenset({"earlier", "later", "yesterday", "today", "meanwhile", "separately",
                           "however", "also", "previously", "overnight", "hier", "gisteren",
                           "vandaag", "eerder", "aujourd'hui"})
_OPENER = re.compile(r"^(?P<adv>[^,]{2,40}),\s+(?P<rest>.+)$", re.S)


def _after_opener(s: str) -> Attribution | None:
    m = _OPENER.match(s)
    if not m:
        return None
    adv = m.group("adv").strip()
    first = adv.split()[0].lower() if adv.split() else ""
    if not (_TIME_RE.match(adv) or _VENUE_START.match(adv) or first in _OPENER_WORDS):
        return None
    lead = _lead(m.group("rest"))
    if lead is None or lead.pronoun and not lead.content:
        return None
    adv = adv[0].lower() + adv[1:]  # "said on Tuesday", "told V24 earlier this week"
    return replace(lead, venue=" ".join(x for x in (adv, lead.venue) if x))


def find_attribution(sentence: str) -> Attribution | None:
    """The reporting frame of ``sentence``, or None when it has none."""
    s = sentence.strip()
    opened = _after_opener(s)
    if opened is not None:
        return opened
    m = _ACC_LEAD.match(s)
    if m:
        subject, venue = _tail(m.group("rest"))
        if subject:
            return _attr(m.group("content"), subject, "said", venue)
    m = _ACC_TRAIL.match(s)
    if m:
        subject, venue = _tail(m.group("rest"))
        if subject:
            return _attr(m.group("content"), subject, "said", venue)
    m = _TRAIL.match(s)
    if m:
        subject, venue = _tail(m.group("rest"))
        if subject:
            verb = m.group("verb")
            content = m.group("content")
            if len(m.group("sep")) == 2:
                # '"Quote," said X': the quotation closes after the comma.
                content += m.group("sep")[1]
            if verb.lower() in _TELL and venue:
                verb_phrase = f"{_VERBS[verb.lower()]} {venue}"
                a = _attr(content, subject, verb, venue)
                return replace(a, verb=verb_phrase, venue=None) if a else None
            return _attr(content, subject, verb, venue)
    m = _TRAIL_INV.match(s)
    if m:
        words = _words(m.group("rest"))
        if words and subject_length(words) == len(words):
            return _attr(m.group("content"), m.group("rest"), m.group("verb"), (m.group("venue") or "").strip() or None)
    lead = _lead(s)
    if lead:
        return lead
    m = _COLON.match(s)
    if m:
        words = _words(m.group("rest"))
        if words and subject_length(words) == len(words) and not m.group("rest").isupper():
            return _attr(m.group("content"), m.group("rest"), "said", None)
    return None
