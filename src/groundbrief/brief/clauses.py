"""Claim text hygiene and clause splitting.

A claim is checked on its own against passages, so its text must stand alone: no handles,
hashtags, links or emoji (they match nothing in a news article and mislead lexical search),
no truncation marks, and one assertion per claim, so that a half-true sentence yields one
supported and one unsupported claim instead of a single muddled verdict.
"""

from __future__ import annotations

import re

from .attribution import HANDLE, handle_name
from .parse import EMOJI, HASHTAG, TRUNCATION, URL

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
}
_DETERMINERS = {
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
    "my", "no", "some", "many", "most", "all", "every", "each", "both", "few", "several", "he",
    "she", "it", "they", "we", "i", "you", "there", "one", "two", "three",
}


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


def _has_verb(words: list[str]) -> bool:
    return any(_is_verb(w, words[i - 1] if i else "") for i, w in enumerate(words))


def _is_clause(words: list[str]) -> bool:
    """Whether ``words`` read as an independent clause: a subject, then a verb."""
    if len(words) < 2:
        return False
    first = words[0].lower().strip("\"“‘'")
    if first in _NOT_SUBJECT_START or first.endswith("ly") or (_is_verb(first) and first not in _DETERMINERS):
        return False
    return _has_verb(words[1:])


_CONJ = re.compile(r"\s*(?:,|;)?\s+(?:and|but|while|whereas|en|et|und|y|e)\s+|\s*;\s+")


def split_clauses(text: str) -> list[str]:
    """Split coordinated independent clauses ("A is x and B does y" -> two); leave the rest whole."""
    # Quoted text is someone's words: never cut inside it.
    masked = QUOTED.sub(lambda m: "\x00" * len(m.group(0)), text)
    parts: list[str] = []
    start = 0
    for m in _CONJ.finditer(masked):
        left = text[start : m.start()]
        right = text[m.end() :]
        if _has_verb(left.split()) and _is_clause(right.split()):
            parts.append(left)
            start = m.end()
    parts.append(text[start:])
    return [p.strip(" ,;") for p in parts if p.strip(" ,;")]
