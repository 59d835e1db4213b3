"""Opposite words from WordNet: "praised" / "criticised", "compulsory" / "optional".

The verifier's own list of opposites (verify/roles.py) holds the pairs news gets wrong most
often, written by hand and read in any clause. A brief can flip any verb or adjective, though,
and the model calls most antonyms it does not know entailment ("The minister praised the
decision" against "... criticised the decision" was Supported). This module reads the antonym
table derived from WordNet 3.0 (``data/lexicon/antonyms_en.tsv``, made by
scripts/build_antonyms.py from Princeton's database files; licence beside it): WordNet's
antonym pairs, the synonyms of each side in that sense, and an adjective's similar words
against the opposite head ("lousy" / "good"), only for senses that come first in WordNet's
frequency order.

English only: WordNet is English. The table is loaded once, on first use (~30,000 pairs).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["wordnet_opposite"]

RESOURCE = ("groundbrief", "data/lexicon/antonyms_en.tsv")
#: parts of speech whose antonyms hold of one participant in any clause; nouns are read only as
#: a clause's predicate ("was a success" / "a failure"): beside it, "man" / "woman" or "day" /
#: "night" tell two participants or two times, not two opposite deeds.
_STATE_POS = ("verb", "adj", "adv")


@cache
def _table() -> dict[str, dict[str, frozenset[str]]]:
    pairs: dict[str, dict[str, set[str]]] = {}
    text = resources.files(RESOURCE[0]).joinpath(RESOURCE[1]).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        pos, word, other, _how = line.split("\t")
        pairs.setdefault(pos, {}).setdefault(word, set()).add(other)
    return {pos: {w: frozenset(o) for w, o in words.items()} for pos, words in pairs.items()}


def wordnet_opposite(a: str, b: str, *, nouns: bool = False) -> bool:
    """Whether WordNet gives lemmas ``a`` and ``b`` (lowercase) as opposites: as verbs,
    adjectives or adverbs, and as nouns too when ``nouns`` (two predicates)."""
    table = _table()
    for pos in (*_STATE_POS, "noun") if nouns else _STATE_POS:
        if b in table.get(pos, {}).get(a, ()):
            return True
    return False
