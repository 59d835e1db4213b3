"""Change pairs in a language without a parser: German news (gnad10k_de, DER STANDARD).

The English change pairs (:mod:`groundbrief.evaluation.changes`) are made with spaCy's parse;
no package here parses German, French or Dutch. The changes below need only word lists and
capital letters, so they can be made from any German corpus, and they measure what a newsroom
gets wrong in any language: a sentence copied with one detail changed.

From each sentence of 10-40 words (the passage: it with the sentences before and after it):

* ``sentence``: the sentence itself (expected Supported);
* ``date``: a month or a weekday replaced by another (expected Refuted);
* ``negation``: "nicht" dropped, or "kein…" turned into "ein…" (expected Refuted);
* ``entity``: a capitalised word inside the sentence (in German a noun or a name) replaced by
  one of the article that the passage does not hold (expected Refuted; the verifier may only
  say Not enough evidence, since it cannot tell a German noun from a name; either way not
  Supported);
* ``figure``: a figure written in digits changed (expected Refuted);
* ``direction``: a word replaced by its opposite from :data:`groundbrief.words.OPPOSITE_WORDS`
  (expected Refuted). The checker reads the same list, so this type measures the wiring, not
  the coverage of the vocabulary; the other types do not depend on it.

Every pair is in the eval part: nothing is trained on them.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

from ..text import sentences
from ..words import MONTHS, OPPOSITE_WORDS, STOPWORDS, WEEKDAYS
from .changes import Article, ChangePair, expected_for

__all__ = ["PLAIN_CHANGE_TYPES", "load_gnad", "plain_pairs"]

PLAIN_CHANGE_TYPES = ("sentence", "date", "negation", "entity", "figure", "direction")

_WORD = re.compile(r"\w+(?:-\w+)*")
_FIGURE = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})*|\d+)(,\d+)?(?![\w])")


def load_gnad(path: Path) -> Iterator[Article]:
    """German articles of gnad10k_de (``id``, ``text``); no headlines in the file."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d.get("text"):
                yield Article("gnad10k_de", str(d["id"]), d["text"])


def plain_pairs(articles: list[Article], language: str = "de", *, per_article: int = 2,
                seed: int = 13) -> list[ChangePair]:
    """Up to ``per_article`` sentences of each article, each with every change that applies."""
    pairs: list[ChangePair] = []
    for art in articles:
        rng = random.Random(f"{seed}:{art.key}")
        sents = sentences(art.text)
        usable = [i for i, s in enumerate(sents) if 10 <= len(_WORD.findall(s)) <= 40]
        for i in rng.sample(usable, min(per_article, len(usable))):
            sent = sents[i]
            premise = " ".join(sents[max(i - 1, 0): i + 2])
            changed = {"sentence": (sent, "")}
            for change, make in _MAKERS.items():
                out = make(sent, premise, art.text, language, rng)
                if out is not None:
                    changed[change] = out
            for change, (hyp, detail) in changed.items():
                pairs.append(ChangePair(premise, hyp, expected_for(change), change, art.id, art.corpus,
                                        "eval", sent, detail, language))
    return pairs


def _swap_calendar(sent: str, premise: str, text: str, language: str, rng: random.Random):
    for table in (MONTHS[language], WEEKDAYS[language]):
        for m in _WORD.finditer(sent):
            key = _fold(m.group(0))
            if key in table and (language != "de" or m.group(0)[:1].isupper()):
                others = sorted({k for k, v in table.items() if v != table[key] and k.isascii()
                                 and len(k) > 3})
                new = rng.choice(others)
                new = new.capitalize() if m.group(0)[:1].isupper() else new
                new = _DIACRITICS.get(new, new)
                return sent[:m.start()] + new + sent[m.end():], f"{m.group(0)} -> {new}"
    return None


def _drop_negation(sent: str, premise: str, text: str, language: str, rng: random.Random):
    if language != "de":
        return None
    m = re.search(r"\bnicht\s+", sent)
    if m:
        return sent[:m.start()] + sent[m.end():], "nicht -> (dropped)"
    m = re.search(r"\b([Kk])(ein(?:e|en|em|er|es)?)\b", sent)
    if m:
        new = ("E" if m.group(1) == "K" else "e") + m.group(2)[1:]
        return sent[:m.start()] + new + sent[m.end():], f"{m.group(0)} -> {new}"
    return None


def _swap_capitalised(sent: str, premise: str, text: str, language: str, rng: random.Random):
    stop = STOPWORDS[language]
    words = list(_WORD.finditer(sent))
    inside = [m for k, m in enumerate(words) if k > 0 and m.group(0)[:1].isupper()
              and m.group(0).lower() not in stop and not any(c.isdigit() for c in m.group(0))
              and _fold(m.group(0)) not in MONTHS[language] and _fold(m.group(0)) not in WEEKDAYS[language]]
    held = {w.lower() for w in _WORD.findall(premise)}
    pool = sorted({w for w in _WORD.findall(text) if w[:1].isupper() and w.lower() not in held
                   and w.lower() not in stop and len(w) > 3 and not any(c.isdigit() for c in w)})
    if not inside or not pool:
        return None
    m = rng.choice(inside)
    new = rng.choice(pool)
    return sent[:m.start()] + new + sent[m.end():], f"{m.group(0)} -> {new}"


def _change_figure(sent: str, premise: str, text: str, language: str, rng: random.Random):
    found = [m for m in _FIGURE.finditer(sent) if not 1900 <= int(m.group(1).replace(".", "")) <= 2030]
    if not found:
        return None
    m = rng.choice(found)
    value = int(m.group(1).replace(".", ""))
    new_value = value + rng.choice((1, 2, 3)) if value < 10 else value * rng.choice((2, 3)) + rng.randint(1, 9)
    new = f"{new_value:,}".replace(",", ".") + (m.group(2) or "")
    return sent[:m.start()] + new + sent[m.end():], f"{m.group(0)} -> {new}"


def _flip_direction(sent: str, premise: str, text: str, language: str, rng: random.Random):
    pairs = {}
    for a, b in OPPOSITE_WORDS[language]:
        pairs.setdefault(a, b)
        pairs.setdefault(b, a)
    for m in _WORD.finditer(sent):
        word = m.group(0)
        key = _fold(word)
        if key in pairs and key.isascii() and word.isascii() and key not in ("vor", "nach"):
            new = _DIACRITICS.get(pairs[key], pairs[key])
            new = new[:1].upper() + new[1:] if word[:1].isupper() else new
            return sent[:m.start()] + new + sent[m.end():], f"{word} -> {new}"
    return None


def _fold(word: str) -> str:
    from ..verify.surface import fold_diacritics

    return fold_diacritics(word.lower())


# The word lists hold folded words ("marz", "hoher"); a replacement is written as the language
# writes it.
_DIACRITICS = {"Marz": "März", "marz": "märz", "Fevrier": "Février", "fevrier": "février",
               "Aout": "Août", "aout": "août", "Decembre": "Décembre", "decembre": "décembre",
               "Janner": "Jänner", "fallt": "fällt", "ruckgang": "rückgang", "hoher": "höher",
               "geoffnet": "geöffnet", "suden": "süden"}

_MAKERS = {"date": _swap_calendar, "negation": _drop_negation, "entity": _swap_capitalised,
           "figure": _change_figure, "direction": _flip_direction}
