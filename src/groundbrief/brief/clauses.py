"""Claim text hygiene and clause splitting.

A claim is checked on its own against passages, so its text must stand alone: no handles,
hashtags, links or emoji (they match nothing in a news article and mislead lexical search),
no truncation marks, and one assertion per claim, so that a half-true sentence yields one
supported and one unsupported claim instead of a single muddled verdict.
"""

from __future__ import annotations

import re

from .attribution import HANDLE, handle_name
from .post import EMOJI, HASHTAG, TRUNCATION, URL

EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
# Quoted spans: straight and typographic double quotes, guillemets, and single quotes that are not
# apostrophes (an opening one follows no letter, a closing one is followed by no letter).
QUOTED = re.compile(
    r"“([^”]+)”|„([^“”]+)[“”]|«\s?([^»]+?)\s?»|\"([^\"]+)\"|(?<!\w)‘([^’]+)’(?!\w)|(?<!\w)'([^']+)'(?!\w)"
)


def quotes(text: str) -> list[str]:
    """The quoted spans of ``text``, without their quotation marks."""
    out = []
    for m in QUOTED.finditer(text):
        span = next(g for g in m.groups() if g is not None).strip(" ,.")
        if span:
            out.append(span)
    return out


def _tag_words(tag: str) -> str:
    body = tag.lstrip("#")
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", body).replace("_", " ")


def tidy(text: str, handles: dict[str, str] | None = None) -> str:
    """Claim-ready text: handles become names; tag lists, links, emoji and truncation go."""
    text = URL.sub(" ", EMAIL.sub(" ", text))
    text = EMOJI.sub(" ", text)
    # A run of hashtags (or one after the sentence's end) is a tag list: drop it. A single tag
    # inside a sentence is a word of it ("#Migration is out of control"): keep the word.
    text = re.sub(r"(?:#\w+\s+){1,}#\w+", " ", text)
    text = re.sub(r"(?<=[.!?…])\s*#\w+|^\s*#\w+\s*$", " ", text)
    text = HASHTAG.sub(lambda m: _tag_words(m.group(0)), text)
    text = re.sub(r"#(?=\d)", "No. ", text)
    # Leading reply handles ("@BBC @Reuters Integration is ...") address, they do not assert.
    text = re.sub(r"^\s*(?:@\w+[\s,]*)+(?=\S)", "", text) if re.match(r"^\s*@\w+\s+@\w+", text) else text
    names = handles or {}
    text = HANDLE.sub(lambda m: names.get(m.group(0), handle_name(m.group(1))), text)
    text = text.replace("@", " at ").replace("#", " ")
    text = TRUNCATION.sub("", text.rstrip())
    text = re.sub(r"\s+([,.;:!?])", r"\1", " ".join(text.split()))
    return text.strip(" ,;:—–-")


# -------------------------------------------------------------------------------- clauses

_AUX = {
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can",
    "could", "may", "might", "must", "shall", "should", "does", "do", "did", "isn't", "aren't",
    "wasn't", "weren't", "won't", "can't", "cannot", "doesn't", "don't", "didn't", "hasn't",
    "haven't", "remains", "remain", "seems", "seem",
}
_VERB_STEMS = {
    "exist", "say", "rise", "fall", "continue", "work", "fail", "grow", "need", "want", "live",
    "die", "stand", "lack", "appear", "face", "plan", "expect", "hold", "make", "take", "go",
    "come", "become", "increase", "decline", "drop", "hit", "reach", "win", "lose", "lead", "run",
    "meet", "show", "support", "oppose", "agree", "refuse", "deny", "reject", "accept", "cost",
    "get", "give", "know", "think", "see", "find", "tell", "ask", "leave", "keep", "begin",
    "allow", "help", "stop", "open", "close", "kill", "injure", "ban", "apply", "mean", "seek",
    "pay", "bring", "suffer", "arrive", "return", "happen", "flee", "cross", "enter", "sign",
    "vote", "pass", "block", "threaten", "warn", "claim", "remain", "include", "hurt",
}
_IRREGULAR = {
    "rose", "fell", "grew", "went", "came", "became", "made", "took", "held", "won", "lost",
    "led", "ran", "met", "got", "gave", "knew", "thought", "saw", "found", "told", "left", "kept",
    "began", "paid", "brought", "fled", "stood", "said", "says", "hit", "cut", "put", "set",
    "caught", "struck", "sent", "spent", "built", "bought", "fought", "taught", "sold", "heard",
    "felt", "meant", "shot", "wrote", "spoke", "broke", "chose", "drove", "flew", "threw",
    "drew", "sank", "swore", "beat", "bore", "hid", "bit", "fed", "sat", "slept", "woke",
}
_NOT_SUBJECT_START = {
    "to", "in", "on", "at", "by", "for", "with", "from", "of", "into", "about", "than", "then",
    "also", "not", "so", "as", "more", "less", "when", "after", "before", "because", "if",
    "later", "even",
}
_DETERMINERS = {
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
    "my", "no", "some", "many", "most", "all", "every", "each", "both", "few", "several", "he",
    "she", "it", "they", "we", "i", "you", "there", "one", "two", "three",
}


def is_verb(word: str, prev: str = "") -> bool:
    """Whether ``word`` reads as a verb form (auxiliary, irregular past, -ed, a known stem)."""
    return _is_verb(word, prev)


def _is_verb(word: str, prev: str = "") -> bool:
    w = word.lower().strip(",.;:!?\"“”'’")
    if w in _AUX or w in _IRREGULAR or w in _VERB_STEMS:
        return True
    if w.endswith("ed") and len(w) > 3:
        return True
    if w[:-1] in _VERB_STEMS and w.endswith("s") or w[:-2] in _VERB_STEMS and w.endswith("es"):
        return True
    if w.endswith("ies") and w[:-3] + "y" in _VERB_STEMS:
        return True
    # After an adverb ("barely exist", "strongly condemned") a word is most likely the verb.
    return prev.lower().endswith("ly") and prev.lower() not in {"only", "early", "family", "italy"} and w.isalpha()


def _verb_at(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` is a finite verb in its place: not a name ("United" in "the United
    States"), not a hyphenated adjective ("gas-powered"), not an infinitive after "to"."""
    w = words[i]
    prev = words[i - 1] if i else ""
    if (i and w[:1].isupper()) or "-" in w.strip("-") or prev.lower() == "to":
        return False
    return _is_verb(w, prev)


def has_verb(words: list[str]) -> bool:
    """Whether some word of ``words`` reads as a finite verb in its place."""
    return any(_verb_at(words, i) for i in range(len(words)))


_RELATIVE = {"who", "which", "that", "whose", "whom", "where"}


def _has_main_verb(words: list[str]) -> bool:
    """A verb before any relative pronoun: "Pogba, who plays for Manchester United" has none of
    its own (its only verb belongs to the relative clause), so it cannot end a first clause."""
    for i, w in enumerate(words):
        if w.lower().strip(",") in _RELATIVE:
            return False
        if _verb_at(words, i):
            return True
    return False


def _is_clause(words: list[str]) -> bool:
    """Whether ``words`` read as an independent clause: a subject, then a verb."""
    if len(words) < 2:
        return False
    first = words[0].lower().strip("\"“‘'")
    if first in _NOT_SUBJECT_START or first.endswith("ly") or (_is_verb(first) and first not in _DETERMINERS):
        return False
    return has_verb(words[1:])


_CONJ = re.compile(r"\s*(?:,|;)?\s+(?:and|but|while|whereas|en|et|und|y|e)\s+|\s*;\s+")
# Negated auxiliaries as typed without an apostrophe ("that doesnt include benefits").
_CONTRACTED = frozenset("doesnt dont didnt isnt wasnt arent werent cant wont hasnt havent hadnt "
                        "wouldnt shouldnt couldnt thats".split())
_AUX_NL_DE = frozenset("is was zijn waren heeft hebben wordt werd zal zou kan ist sind war hat wird".split())
# "… and that …", "… et que …", "… en dat …": a second complement clause of the same verb, in
# any language, even where the verb of either clause is not one the English rules know.
_AND_THAT = re.compile(r"^(?:(?:that|que|dat|dass)\b|qu['’])\s*(?P<next>\S*)", re.I)


#: The verb of a second clause comes within this many words of its start: a longer run before
#: the first verb-like word is a noun phrase going on ("an economic and legislative bloc by a
#: declaration made at ..."), not a new subject. A clause with a longer subject stays joined to
#: the first, which costs atomicity, not correctness; a false split makes fragments no source
#: can support.
MAX_SUBJECT_WORDS = 4
_PREPOSITIONS = {"in", "on", "at", "by", "for", "with", "from", "of", "into", "between", "to",
                 "across", "near", "against", "among", "over", "under", "throughout", "during"}


def _noun_phrase_goes_on(left: list[str], right: list[str]) -> bool:
    """Whether "and" most likely joins two nouns of one prepositional phrase ("countries in Asia
    and Eastern Africa", "links between the campaign and Russia", "because of the oil and gas
    exploration ban"): the first part ends in a short phrase after a preposition, and the second
    does not open with a determiner, pronoun or number as a new subject would ("... in Paris and
    the spire collapsed", "... in 2018 and 201 people died")."""
    first = right[0].lower().strip("\"“‘'")
    if first in _DETERMINERS or first[:1].isdigit():
        return False
    tail = [w.lower().strip(",") for w in left[-4:]]
    return any(w in _PREPOSITIONS for w in tail[:-1]) and not any(
        _verb_at(left, len(left) - len(tail) + k) for k in range(len(tail)))


def _second_clause(words: list[str]) -> bool:
    """:func:`_is_clause` with the verb near the start (see MAX_SUBJECT_WORDS)."""
    return _is_clause(words) and has_verb(words[1 : MAX_SUBJECT_WORDS + 1])


def split_clauses(text: str) -> list[str]:
    """Split coordinated independent clauses ("A is x and B does y" -> two); leave the rest whole."""
    # Quoted text is someone's words: never cut inside it.
    masked = QUOTED.sub(lambda m: "\x00" * len(m.group(0)), text)
    parts: list[str] = []
    start = 0
    for m in _CONJ.finditer(masked):
        left = text[start : m.start()]
        right = text[m.end() :]
        right_words = right.split()
        left_words = left.split()
        if m.group(0).strip(" ,;").lower() == "while" and left_words and \
                left_words[-1].lower() in ("a", "the", "this", "that", "little", "short", "long"):
            continue  # "raised a while ago": a noun, not a conjunction
        is_and = m.group(0).strip(" ,") != ";"
        that = _AND_THAT.match(right) if is_and else None
        # "and that is not our problem": "that" is the subject when a verb follows it.
        nxt = that.group("next").lower().replace("’", "'") if that else ""
        if that and not (_is_verb(nxt) or nxt in _AUX_NL_DE or nxt.replace("'", "") in _CONTRACTED):
            parts.append(left)
            start = m.end() + that.start("next")
        elif (_has_main_verb(left_words) and _second_clause(right_words)
                and not (is_and and _noun_phrase_goes_on(left_words, right_words))):
            parts.append(left)
            start = m.end()
    parts.append(text[start:])
    return [p.strip(" ,;") for p in parts if p.strip(" ,;")]
