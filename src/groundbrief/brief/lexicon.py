"""Words that English news text writes in lowercase: tells "Border controls ..." (lowercase it
after "said that") from "Navalny was ..." (a name: keep it).

The list ships in ``data/lexicon/lowercase_en.txt``. It is derived from the demo corpus (Wikinews,
CC BY 2.5): a word is listed when it occurs at least twice in lowercase mid-sentence and at least as
often in lowercase as capitalised. Regenerate with ``python -m groundbrief.brief.lexicon``.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from functools import lru_cache
from importlib import resources
from pathlib import Path

RESOURCE = ("groundbrief", "data/lexicon/lowercase_en.txt")
# A word after whitespace that does not follow a sentence end: its case is the word's own.
_MID_SENTENCE = re.compile(r"(?<![.!?:\"“]\s)(?<=\s)([A-Za-z][a-z'’-]+)\b")


def build(corpus: Path, min_count: int = 2) -> list[str]:
    low: Counter[str] = Counter()
    cap: Counter[str] = Counter()
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            for word in _MID_SENTENCE.findall(json.loads(line)["text"]):
                (low if word[0].islower() else cap)[word.lower()] += 1
    return sorted(w for w, n in low.items() if n >= min_count and n >= cap[w])


@lru_cache(maxsize=1)
def lowercase_words() -> frozenset[str]:
    text = resources.files(RESOURCE[0]).joinpath(RESOURCE[1]).read_text(encoding="utf-8")
    return frozenset(text.split())


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_ANY_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def is_title_case(text: str) -> bool:
    """A headline set in title case or capitals ("Chinese Diplomats Assault Taiwan Counterparts
    in Fiji", "Police Release Man Over Leeds Stabbing"): most of its words capitalised, so
    capitals there mark no names. Words in any script count."""
    words = _ANY_WORD.findall(text)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) * 10 > len(words) * 6


def _common(word: str) -> bool:
    low = word.lower()
    common = lowercase_words()
    if low in common:
        return True
    # "Eases", "Visits": the list has the forms the corpus happened to use
    for suffix, repl in (("ies", "y"), ("es", ""), ("es", "e"), ("s", ""), ("ed", ""),
                         ("ed", "e"), ("ing", ""), ("ing", "e")):
        stem = low[: -len(suffix)]
        if low.endswith(suffix) and len(stem) > 2 and stem + repl in common:
            return True
    return False


def sentence_case(text: str) -> str:
    """A title-case headline as a sentence would write it: the words English writes in
    lowercase lowercased, names kept ("Police release man over Leeds stabbing"), so that a
    parser reads "Release" as the verb it is, not a name. Other text is returned as it is;
    words in capitals (acronyms) and the first word are kept."""
    if not is_title_case(text):
        return text
    first = True

    def word(m: re.Match[str]) -> str:
        nonlocal first
        w = m.group(0)
        if first:
            first = False
            return w
        if w.isupper() or not w[0].isupper() or not _common(w):
            return w
        return w.lower()

    return _WORD.sub(word, text)


if __name__ == "__main__":
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parents[1] / "data/demo/corpus.jsonl"
    out = Path(__file__).parents[1] / RESOURCE[1]
    words = build(src)
    out.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {out}")
