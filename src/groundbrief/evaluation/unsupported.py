"""Claims the passage does not hold: a sentence of the same article, from another passage.

A passage and a sentence of its own article are on one story, share names and often figures,
and yet the passage does not state the sentence: the expected verdict is Not enough evidence.
A model trained only on the change pairs of :mod:`.changes` meets a claim with a detail its
passage lacks ("one count of murder and nine counts of kidnapping" against "murder and
kidnapping charges") only as a changed detail, and learns to call it a contradiction; these
pairs teach it, and the benchmark checks, that an absent detail is no refutation.

A pair is kept only when the sentence carries a figure or a capitalised name that the passage
does not (something a reader could look for and not find) and shares at least a few words with
it (on the story, not a random sentence); a sentence the passage nearly repeats is left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .changes import Article, ChangePair, _article_rng, _good_sentence, _words, article_views
from .splits import Part

#: Shared folded words between the sentence and its passage: below, the two are about
#: different things; above MAX, the passage nearly repeats the sentence.
MIN_SHARED = 3
MAX_OVERLAP = 0.6
_DETAIL = re.compile(r"\b\d[\d,.]*\b|(?<=[a-z,;] )[A-Z][a-z]{2,}")
_STOP = frozenset("the a an of in on at to and or for by with from as is was were be been has have had it its "
                  "that this said says will would he she they their his her".split())


def _details(text: str) -> set[str]:
    return {m.group(0).strip(".,").lower() for m in _DETAIL.finditer(text)}


def unsupported_pairs(articles: Iterable[Article], seed: int = 13, per_article: int = 1,
                      parts: Sequence[Part] = ("train", "eval")) -> list[ChangePair]:
    """Up to ``per_article`` (passage, sentence of another passage) pairs per article."""
    out: list[ChangePair] = []
    for art, pt, view in article_views(articles, parts):
        if len(view.passages) < 2:
            continue
        rng = _article_rng(seed, art.key, "unsupported")
        sentences = [s for s in view.sentences if _good_sentence(s.text)]
        rng.shuffle(sentences)
        made = 0
        for s in sentences:
            if made >= per_article:
                break
            others = [i for i in range(len(view.passages)) if i != s.passage_index]
            rng.shuffle(others)
            words = _words(s.text) - _STOP
            for i in others:
                premise = view.passages[i]
                shared = words & _words(premise)
                if len(shared) < MIN_SHARED or len(shared) > MAX_OVERLAP * len(words):
                    continue
                missing = {d for d in _details(s.text) if d not in premise.lower()}
                if not missing:
                    continue
                out.append(ChangePair(premise, s.text, "not_enough_evidence", "unsupported", art.id,
                                      art.corpus, pt, s.text,
                                      "absent from the passage: " + ", ".join(sorted(missing))))
                made += 1
                break
    return out
