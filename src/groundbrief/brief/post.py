"""The furniture of a social post: what a post carries besides its statements.

A post pasted from a feed comes wrapped in things that assert nothing: the account's display name
("Space News Daily: …", "Reuters – …"), labels ("BREAKING:", "🔴 LIVE", "#BREAKING", "DÉPÊCHE"),
an addressee ("@BBCNews …" in a reply), a thread counter ("(1/3)"), a tribute formula ("RIP …",
"Rust in vrede …") and, when the text was cut, a "…more" link and a half word ("the governm…").
Left in, they become part of a claim that no source can support, or a name a pronoun is resolved
to. :func:`read_post` takes them off and says what they were; the claims are read from what is left.

Rules only, and conservative: a display name is taken off only when it names an outlet or a feed
(a person's name before a colon is the headline form of a quotation, "Johnson: We will leave on
31 October", and stays the speaker); a half word is dropped only when it is not a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import words
from ..text import clean, sentences
from .attribution import handle_name

# ------------------------------------------------------------------------------- patterns

EMOJI = re.compile(
    "[\U0001f000-\U0001faff\U00002600-\U000027bf\U00002b00-\U00002bff\U0001f1e6-\U0001f1ff"
    "\ufe0f\u200d\u20e3\u2300-\u23ff\u203c\u2049\u3030\u303d]"
)
URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+|\b[\w-]+\.(?:ly|co|com|org|net|be|eu|fr|nl)/\S+", re.I)
HASHTAG = re.compile(r"(?<![\w&#/])#(\w*[^\W\d_]\w*)")
_LABELS = sorted(words.POST_LABELS, key=len, reverse=True)
_LABEL_WORDS = "|".join(re.escape(x) for x in _LABELS)
# A label in capitals, or in any case when a colon or dash follows it ("Breaking: …").
LABEL = re.compile(
    r"^\s*(?:#(?:" + _LABEL_WORDS.replace(r"\ ", "") + r")\b|(?:" + _LABEL_WORDS + r")(?=\s*[:\-–—|]|\s+[A-Z\"“«'‘])"
    r"|(?i:" + _LABEL_WORDS + r")(?=\s*[:\-–—|]))\s*[:\-–—|]?\s*"
)
# "BRUSSELS (Reuters) -", "PARIS, France -", "LONDON, Dec 1 (Reuters) -": a dateline, with the
# outlet when it names one.
# A month name in any listed language, as written ("décembre", "März") or folded.
_MONTH_NAMES = "|".join(sorted({m for table in words.MONTHS.values() for m in table}
                               | {"décembre", "février", "août", "märz", "março"}
                               # wire abbreviations: EFE's "1 dic", Lusa's "1 dez", ANSA's "1 dic"
                               | set("""ene feb mar abr may jun jul ago sep sept set oct ott out
                                     nov dic dez gen apr mag giu lug fev mai janv févr avr juil
                                     déc""".split()), key=len, reverse=True))
_LINE_DATE = (r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
              r"|\d{1,2}(?:er|\.)?\s+(?i:" + _MONTH_NAMES + r")\.?)(?:,?\s+\d{4})?")
DATELINE = re.compile(r"^\s*[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][\w.]+)?(?:,\s*" + _LINE_DATE + r")?"
                      r"\s*(?:\((?P<outlet>[^)]{2,40})\)|/(?P<wire>[^/]{2,40})/)?\s*(?:--|\.?[-–—])\s+")
# The same in title case, as Wikinews and many sites write it: "Redwood City, California - ",
# "November 17, Brisbane, Australia - ". Only with a comma (place and region, or date and place)
# and a capital after the dash, so that "Tesla - the carmaker - said" is left as it is.
_PLACE = r"[A-Z][\w.'’]+(?:\s+[A-Z][\w.'’]+){0,2}"
TITLE_DATELINE = re.compile(r"^\s*(?:" + _LINE_DATE + r",\s*" + _PLACE + r"|" + _PLACE + r",\s*"
                            + _PLACE + r")(?:,\s*" + _PLACE + r")?\s+[-–—]\s+(?=[A-Z\"“])")
# "Space News Daily: …", "Reuters – …", "AFP | …": a display name, then a colon or a dash.
# A name may start in lowercase ("franceinfo: …"): only a known outlet or feed is taken off.
# An edition in brackets belongs to the name: "BBC News (UK): …".
_AUTHOR = re.compile(r"^\s*(?P<name>@?[^\W_][\w'’.&\-]*(?:\s+[\w'’.&\-]+){0,5}(?:\s+\([\w ]{1,20}\))?)\s*(?P<sep>:|\s[-–—|])\s+")
# "Space News Daily @SpaceNewsDaily · 2h": the header of a post copied from a feed, on a line
# of its own; its display name is the author's, a person's or an outlet's.
_HEADER = re.compile(r"^\s*(?P<name>[^@\n]{2,60}?)\s+@\w{1,30}(?:\s*[·•]\s*\w{1,12})?\s*\n")
# A credit at the end: "via @Reuters", "h/t @BBCNews".
_CREDIT = re.compile(r"\s+(?:via|h/t|HT|cc)\s+@\w{1,30}\s*$", re.I)
# "(1/3)", "[2/3]", "1/3" (or "thread 1/3") at the end or the start: a piece of a thread. ("🧵"
# goes with the emoji.)
_THREAD = re.compile(r"\s*[(\[]\s*(\d{1,2})\s*/\s*(\d{1,2})\s*[)\]]\s*"
                     r"|\s+(?:(?i:thread|draadje|fil)\s*:?\s*)?(\d{1,2})/(\d{1,2})\s*$"
                     r"|^\s*(\d{1,2})/(\d{1,2})?\s+(?=[A-ZÀ-Þ])")
_MORE = re.compile(
    r"(?:\s*(?:…|\.{3}))?\s*[(\[]?\s*(?:" + "|".join(re.escape(m) for m in words.MORE_LINKS)
    + r")\s*[)\]]?\s*$", re.I)
TRUNCATION = re.compile(r"(?:\[\s*(?:…|\.{3})\s*\]|\(\s*(?:…|\.{3})\s*\)|…|\.{3,})[\s.]*$")
_ELLIPSIS = re.compile(r"(?:\s*\[\s*(?:…|\.{3})\s*\]|\s*\(\s*(?:…|\.{3})\s*\)|\s*…|\s*\.{3,})[\s.]*$")
TRAILER = re.compile(r"(?:\s*(?:#\w+|https?://\S+|www\.\S+))+\s*$")
# A capitalised word that opens a new sentence, not a name's next word: "RIP Kobe Bryant He was
# 41" (a line break that cleaning turned into a space).
_NOT_NAME = "|".join(sorted({w.capitalize() for w in words.STOPWORDS_EN} | {
    p.capitalize() for table in words.PERSON_PRONOUNS.values() for p in table}))
_NAME_WORD = r"(?:(?!(?:" + _NOT_NAME + r")\b)[A-ZÀ-ÞĀ-Ž][\w'’\-.]*|van|von|de|der|den|du|la|le|da|di|bin|al|ten|ter)"
_TRIBUTE = re.compile(
    r"^\s*(?P<phrase>" + "|".join(words.TRIBUTE_PHRASES) + r")(?=[\s,:]|$)[\s,:]*(?:to\s+)?"
    r"(?P<name>@\w+|" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){0,5})?"
)
_NAME_PARTICLES = {"van", "von", "de", "der", "den", "du", "la", "le", "da", "di", "bin", "al", "ten", "ter"}
_FURNITURE_TAG = re.compile(r"(?<![\w&#/])#(?:" + _LABEL_WORDS.replace(r"\ ", "") + r")\b", re.I)
_SENTENCE_END = re.compile(r"[.!?\"”’»)]$")


@dataclass(frozen=True)
class PostSentence:
    """One sentence of the post without its furniture."""

    text: str
    #: For a bare tribute ("RIP Alexei Leonov"): the name it honours; the sentence's text is
    #: then the tribute as written ("RIP Alexei Leonov").
    tribute: str | None = None
    #: The language of the tribute's formula ("Repose en paix" -> "fr"); None for "RIP".
    tribute_language: str | None = None


@dataclass(frozen=True)
class Post:
    """A post read apart from its furniture."""

    sentences: tuple[PostSentence, ...]
    author: str | None = None  # the display name or feed the post was copied from
    dateline_outlet: str | None = None  # "BRUSSELS (Reuters) -" -> "Reuters"
    labels: tuple[str, ...] = ()  # labels taken off ("BREAKING", "LIVE")
    thread: tuple[int, int | None] | None = None  # (1, 3) for "(1/3)"
    truncated: bool = False  # the post is not the whole text: cut, or one piece of a thread
    cut: str | None = None  # the words dropped at the cut, as written ("that the governm")


def is_label_tag(tag: str) -> bool:
    """Whether a hashtag's name (without "#") is a label like "BREAKING", not a topic."""
    return bool(_FURNITURE_TAG.fullmatch("#" + tag))


def is_outlet(name: str) -> bool:
    """Whether a display name names a news outlet or feed ("Space News Daily", "AFP", "BBC
    Breaking News", "@BBCBreaking"), not a person."""
    name = handle_name(name[1:]) if name.startswith("@") else name
    name = re.sub(r"\s*\([^)]*\)$", "", name)  # "BBC News (UK)": the edition
    if re.fullmatch(r"[\w-]+\.(?:nl|be|fr|de|com|co\.uk|news|net|org|info)", name, re.I):
        return True  # a news site by its domain ("NU.nl", "lemonde.fr")
    low = " ".join(name.lower().split())
    if low in words.NEWS_OUTLETS or any(o in low.split() for o in words.NEWS_OUTLETS if " " not in o):
        return True
    return any(w.strip(".,'’") in words.OUTLET_WORDS for w in low.split())


@lru_cache(maxsize=1)
def _english_vocabulary() -> frozenset[str]:
    """Words of English: the parser's string store (~85,000 entries) and the lowercase lexicon."""

    from ..nlp import english
    from .lexicon import lowercase_words

    # The string store also holds fragments the tokenizer and lemmatizer made ("sta"): words of
    # three letters or fewer count only when the lexicon, built from running text, has them.
    store = (s.lower() for s in english().vocab.strings)
    return frozenset(w for w in store if len(w) > 3 and w.isalpha()) | lowercase_words()


def _is_half_word(word: str, language: str | None, hard_cut: bool) -> bool:
    """Whether ``word``, the last before a cut, was cut inside. English has a vocabulary: a word
    it does not hold is half a word ("governm"), one it holds is whole ("week"). Other languages
    have none here, so only a hard cut (a post at a platform's length limit, cut at a character
    count) drops the last word; an author's own "…" after a word keeps it, and so does a
    "…more" link, which platforms put between words."""
    w = word.strip("\"“”‘’'«»()[]")
    if not w or not w[-1].isalpha():
        return False
    if language in (None, "en"):
        if hard_cut:
            # A cut at a character count rarely falls at a word's end: a short word there ("go"
            # of "governments") is most likely a beginning.
            return len(w) <= 3 or w.lower() not in _english_vocabulary()
        if w[0].isupper():
            return False  # a name after an author's ellipsis: the vocabulary would not know it
        return w.lower() not in _english_vocabulary()
    return hard_cut and w[0].islower()


def _clause_start(text: str) -> int:
    """Where the last clause of ``text`` starts: after its last comma, semicolon, colon or
    coordinating conjunction."""
    starts = [m.end() for m in re.finditer(
        r"[,;:]\s+|\s(?:and|but|while|et|mais|en|maar|und|aber)\s", text)]
    return starts[-1] if starts else 0


def _drop_incomplete(text: str, language: str | None, half_word: bool) -> tuple[str, str]:
    """(complete text, dropped fragment) for a text that stops at a cut.

    The half word goes, then the words that cannot end a clause ("that the", "near the"). When
    that removes a complementiser or an auxiliary, or leaves a verb without its object, the cut
    clause said nothing complete ("All 11 justices agreed that the governm…", "12 people were
    kil…"): it goes whole, back to the previous clause boundary."""
    lang = language if language in words.DANGLING_WORDS else "en"
    dangling = words.DANGLING_WORDS[lang]
    comps = words.COMPLEMENTISERS[lang]
    toks = text.split()
    removed: list[str] = []
    if half_word and toks:
        removed.append(toks.pop())
    while toks and toks[-1].lower() in dangling:
        removed.append(toks.pop())
    if not removed:
        return text, ""
    kept = " ".join(toks)
    gone = [w.lower() for w in removed[1 if half_word else 0:]]
    incomplete = (not toks or any(w in comps for w in gone)
                  or any(w in _AUXILIARIES for w in gone)
                  or (bool(gone) and _ends_in_verb(toks, lang))
                  or _verb_still_to_come(kept[_clause_start(kept):].split(), lang))
    if not incomplete:
        # The cut fell inside a complement clause that began earlier ("… ruled that the spire col…"
        # is not this case; "… said that 12 people died in the sta…" is): keep what is complete.
        return kept, text[len(kept):].strip()
    start = _clause_start(kept)
    head = kept[:start]
    clause = kept[start:].split()
    # Inside the last clause, a complement opened and cut ("agreed that the …") takes the verb
    # it completes with it; so does a clause that is now only its verb ("Police said").
    if clause:
        cut_at = next((i for i, w in enumerate(clause) if w.lower() in comps), None)
        if cut_at is not None:
            clause = clause[:cut_at]
        while clause and clause[-1].lower() in dangling:
            clause.pop()
        if (len(clause) < 2 or _ends_in_verb(clause, lang) or cut_at is not None
                or _verb_still_to_come(clause, lang)):
            clause = []
    out = (head + " ".join(clause)).strip(" ,;:").split()
    while out and out[-1].lower().strip(",;:") in dangling:
        out.pop()  # the "and" that joined the dropped clause
    kept = " ".join(out).strip(" ,;:")
    return kept, text[len(kept):].strip(" ,;:")


def _verb_still_to_come(clause: list[str], language: str) -> bool:
    """Dutch and German put the participle or infinitive last: a clause with an auxiliary that
    does not end in a verb form ("… en hebben de minister") lost its verb to the cut."""
    if language not in ("nl", "de") or not clause:
        return False
    has_aux = any(w.lower() in _AUXILIARIES for w in clause)
    return has_aux and not re.search(r"(?:en|d|t)$", clause[-1].lower().strip(",.;:"))


_AUXILIARIES = frozenset(
    """is are was were be been has have had will would shall should can could may might must do
    does did est sont était étaient a ont avait sera seront serait ist sind war waren hat haben
    wird wurde heeft hebben wordt werd zal zou kan kon moet wil""".split()
)
_SPEECH = frozenset(words.reported_forms())


def _ends_in_verb(toks: list[str], language: str) -> bool:
    last = toks[-1].strip(",.;:").lower()
    if last in _AUXILIARIES:
        return True
    if language in (None, "en"):
        from .clauses import is_verb  # clauses imports this module's patterns

        return is_verb(last)
    return last in _SPEECH


# ------------------------------------------------------------------------------ reading

def _dateline(text: str) -> re.Match[str] | None:
    """A dateline at the start of ``text``: one that names its outlet or wire, or is short (a
    longer capitalised run before a dash is a sentence, not a place)."""
    d = DATELINE.match(text)
    if d and (d.group("outlet") or d.group("wire") or len(d.group(0).split()) <= 5):
        return d
    return None


def _strip_leading(text: str, labels: list[str]) -> tuple[str, str | None, str | None]:
    """Take labels, a display name, a dateline and an addressee off the start of ``text``."""
    author = outlet = None
    while True:
        before = text
        text = text.lstrip()
        m = LABEL.match(text)
        d = _dateline(text)
        if m and d and d.end() > m.end():
            m = None  # "NEW YORK, Dec. 1 /PRNewswire/ --" is a dateline, not the label "NEW"
        if m:
            labels.append(m.group(0).strip(" :-–—|#"))
            text = text[m.end():]
            continue
        # A repost names the account it reposts ("RT @BBCBreaking: …"): that account wrote it.
        rt = re.match(r"^RT\s+@(\w{1,30}):?\s+", text)
        if rt:
            author = author or handle_name(rt.group(1))
            text = text[rt.end():]
            continue
        a = _AUTHOR.match(text)
        if a and is_outlet(a.group("name")) and not re.match(r"[\"“«]", text[a.end():]):
            author = author or (handle_name(a.group("name")[1:]) if a.group("name").startswith("@")
                                else a.group("name").strip())
            text = text[a.end():]
            continue
        if d:
            outlet = outlet or d.group("outlet") or d.group("wire")
            text = text[d.end():]
            continue
        d = TITLE_DATELINE.match(text)
        if d:
            text = text[d.end():]
            continue
        # A reply's addressees ("@BBCNews Mugabe has died"): a handle that a capitalised word,
        # a quotation or a digit follows addresses someone; one followed by a verb is the subject.
        r = re.match(r"^(?:@\w{1,30}[\s,:]+)+(?=[A-ZÀ-Þ0-9\"“«])", text)
        if r:
            text = text[r.end():]
            continue
        # A topic tag in front of a sentence ("#Brexit Boris Johnson has resigned") labels it.
        t = re.match(r"^#\w+\s+(?=[A-ZÀ-Þ0-9\"“«])", text)
        if t:
            text = text[t.end():]
            continue
        if text == before:
            return text, author, outlet


def _split_tribute(sentence: str) -> list[PostSentence]:
    """A sentence opening with a tribute formula: the bare tribute as its own sentence, the rest
    (if any) as another. "RIP Alexei Leonov, the first man to walk in space, has died" says its
    own news about him: the formula goes and the sentence stays whole."""
    m = _TRIBUTE.match(sentence)
    if not m:
        return [PostSentence(sentence)]
    name = m.group("name")
    rest = sentence[m.end():]
    if not name:
        # "RIP." or "RIP 🙏" with no one named: a formula, nothing to check.
        return [PostSentence(rest.strip(" ,.!:"))] if rest.strip(" ,.!:") else []
    # Trailing name particles belong to the next words, not the name ("RIP Jan de").
    parts = name.split()
    while parts and parts[-1] in _NAME_PARTICLES:
        parts.pop()
        rest = sentence[m.start("name") + len(" ".join(parts)):]
    name = " ".join(parts).rstrip(".")
    rest_stripped = rest.strip()
    if rest_stripped[:1] in {",", "("} or re.match(r"(?:who|qui|die|der|wer)\b", rest_stripped):
        body = (name + rest).strip()
        # "RIP X (1934–2019)": dates in brackets are part of the tribute, not a new statement.
        if re.fullmatch(r"\(\s*[\d–\-\s]+\)[\s.!]*", rest_stripped):
            return [PostSentence(sentence.strip(), _name(name), _tribute_language(m.group("phrase")))]
        return [PostSentence(body)]
    tribute = PostSentence((m.group("phrase") + " " + name).strip(), _name(name),
                           _tribute_language(m.group("phrase")))
    if rest_stripped.strip(" .!"):
        return [tribute, PostSentence(rest_stripped.lstrip(" .!:"))]
    return [tribute]


def _tribute_language(phrase: str) -> str | None:
    return next((lang for p, lang in words.TRIBUTE_PHRASES.items() if re.fullmatch(p, phrase)), None)


def _name(name: str) -> str:
    return handle_name(name[1:]) if name.startswith("@") else name


def read_post(text: str, language: str | None = None) -> Post:
    """Read a brief's verbatim text (line breaks kept) as a post."""
    labels: list[str] = []
    # A feed header on its own line ("Space News Daily @SpaceNewsDaily · 2h").
    author = None
    h = _HEADER.match(text)
    if h:
        author, text = h.group("name").strip(), text[h.end():]
    text = clean(text).replace("\n\n", " ")
    original = text
    text = URL.sub(" ", text)
    # Emoji between two statements separate them ("… on fire 🔥 Firefighters …"); elsewhere
    # they are decoration.
    text = re.sub(r"(?<=[\w\"”’)])\s*(?:" + EMOJI.pattern + r")+\s+(?=[A-ZÀ-Þ\"“«])", ". ", text)
    text = " ".join(EMOJI.sub(" ", text).split())
    text, named, dateline_outlet = _strip_leading(text, labels)
    author = author or named
    # Furniture hashtags anywhere ("… #BREAKING"): labels, never topics.
    text = _FURNITURE_TAG.sub(" ", text)

    # The end: tags and links, a thread counter, a "…more" link, an ellipsis.
    thread = None
    truncated = False
    glued = False  # the cut mark touches the last word, which may then be half a word
    hard_cut = False  # a platform cut the text at a character count, not between words
    text = " ".join(text.split())
    while True:
        before = text
        text = _CREDIT.sub("", TRAILER.sub("", text))
        t = _THREAD.search(text)
        if t and t.group(1) and 0 < t.start() and t.end() < len(text):
            # A counter inside the text ends the thread's title ("Thread: what we know about
            # the fire (1/3) The fire started …"): a title asserts nothing, and goes.
            thread = (int(t.group(1)), int(t.group(2)))
            truncated = True
            text = text[t.end():].strip() if any(x.lower() == "thread" for x in labels) \
                else (text[:t.start()].rstrip(" .") + ". " + text[t.end():].strip())
            continue
        if t and (t.end() == len(text) or t.start() == 0):
            numbers = [int(g) for g in t.groups() if g]
            thread = (numbers[0], numbers[1] if len(numbers) > 1 else None)
            truncated = True  # one piece of a longer text
            text = (text[:t.start()] + " " + text[t.end():]).strip()
        mm = _MORE.search(text)
        link = mm.group(0) if mm else ""
        if mm and mm.start() > 0 and ("…" in link or "..." in link or re.search(r"[(\[]", link)
                                      or " " in link.strip(" ()[]")):
            glued = glued or not text[mm.start()].isspace()
            text, truncated = text[:mm.start()], True
        e = _ELLIPSIS.search(text)
        if e and e.start() > 0:
            glued = glued or not text[e.start()].isspace()
            text, truncated = text[:e.start()], True
        if text == before:
            break
    body_len = len(" ".join(original.split()))
    if (not truncated and body_len in words.PLATFORM_LIMITS
            and not _SENTENCE_END.search(text) and not EMOJI.search(original[-2:])):
        truncated = glued = hard_cut = True

    cut = None
    sents = [s for s in sentences(text) if s.strip()]
    if truncated and sents and not _SENTENCE_END.search(sents[-1]) and thread is None:
        last = sents[-1]
        toks = last.split()
        half = bool(toks) and glued and _is_half_word(toks[-1], language, hard_cut)
        kept, dropped = _drop_incomplete(last, language, half)
        cut = dropped or None
        sents[-1] = kept
    out: list[PostSentence] = []
    for s in sents:
        s, _, _ = _strip_leading(s, labels)
        s = s.strip()
        if s.lower().strip(" .!…:").replace("’", "'") in words.FOLLOW_UPS:
            labels.append(s.strip(" .!…:"))
            continue
        if s:
            out.extend(_split_tribute(s))
    return Post(
        sentences=tuple(p for p in out if p.text.strip(" .,;:!?")),
        author=author, dateline_outlet=dateline_outlet, labels=tuple(labels), thread=thread,
        truncated=truncated, cut=cut,
    )
