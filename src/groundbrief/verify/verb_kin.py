"""Whether two English verbs can name one deed, from WordNet 3.0's verb senses.

A brief that keeps a source sentence's participants and changes its verb ("Rebels captured the
city" for "Rebels shelled the city", "The company recalled 2 million cars" for "... sold 2
million cars") tells another deed, and the bundled model calls such near copies entailment
(0.94 for "shelled" / "captured"). The verifier's opposites catch a verb turned around; a verb
that is merely another deed needs a test of kinship instead: two verbs are kin when WordNet
links a sense of one to a sense of the other within a few steps of hypernym, hyponym, verb
group, entailment, cause or "see also" ("stepped down" / "resigned" share a sense; "axed" is a
way to "cut"; "seized" / "captured"), or when a noun derived from one is in the other's
clause ("won the council's approval" for "approved"). What is not kin is unbacked (verify/
roles.py ``_unrelated_deed``), never a conflict: WordNet misses some pairs news uses for one
deed, which the verifier's own paraphrase groups add (verify/opposites.py).

The table (``data/lexicon/verbs_en.tsv``) is made by scripts/build_verb_kin.py from
Princeton's database files (licence beside it) and loaded once, on first use.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from importlib import resources

__all__ = ["KIN_STEPS", "derived_nouns", "known_verb", "verb_kin"]

RESOURCE = ("groundbrief", "data/lexicon/verbs_en.tsv")
#: How many links apart two senses may be and still name one deed. Measured on the probe sets'
#: aligned clauses with two verbs that no paraphrase group or broad verb already covers
#: (session 19): at 3 links, 18 of 77 restatements fall outside against 42 of 72 changed deeds;
#: at 2, 28 restatements. The rule's other tests (derived nouns, vote sides, steps of one
#: course, converse verbs) keep the rest: on the 78 probe sets then written, no restatement was
#: lost (docs/evaluation.md, session 19).
KIN_STEPS = 3
#: How many of a verb's senses, in WordNet's frequency order, are read. A common verb's rare
#: senses link it to nearly everything ("sign" to "train", "release" to "transfer"); news uses
#: the first few. Measured on the probe sets (session 19): with every sense "signed for" /
#: "trained with" and "transferred" / "loaned" were kin; with 3, "took on" / "hired" was not.
KIN_SENSES = 4


class _Table:
    def __init__(self) -> None:
        self.senses: dict[str, tuple[str, ...]] = {}
        self.links: dict[str, tuple[str, ...]] = {}
        self.nouns: dict[str, frozenset[str]] = {}


@cache
def _table() -> _Table:
    table = _Table()
    links: dict[str, set[str]] = defaultdict(set)
    text = resources.files(RESOURCE[0]).joinpath(RESOURCE[1]).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        kind, key, values = line.split("\t")
        if kind == "v":
            table.senses[key] = tuple(values.split())
        elif kind == "s":
            links[key].update(values.split())
        else:
            table.nouns[key] = frozenset(values.split())
    table.links = {k: tuple(sorted(v)) for k, v in links.items()}
    return table


def known_verb(lemma: str) -> bool:
    """Whether WordNet has ``lemma`` as a verb (multi-word ones joined by "_")."""
    return lemma in _table().senses


@cache
def _steps(a: str, b: str) -> int | None:
    """Fewest links from a sense of ``a`` to one of ``b``; None when either is no verb
    WordNet knows, a large number when none is within :data:`KIN_STEPS`."""
    table = _table()
    start = set(table.senses.get(a, ())[:KIN_SENSES])
    goal = set(table.senses.get(b, ())[:KIN_SENSES])
    if not start or not goal:
        return None
    if start & goal:
        return 0
    seen, frontier = set(start), list(start)
    for step in range(1, KIN_STEPS + 1):
        following = []
        for sense in frontier:
            for other in table.links.get(sense, ()):
                if other in goal:
                    return step
                if other not in seen:
                    seen.add(other)
                    following.append(other)
        frontier = following
    return KIN_STEPS + 1


def verb_kin(a: str, b: str) -> bool | None:
    """Whether verbs ``a`` and ``b`` (lemmas; "step_down") can name one deed: True when
    WordNet links them within :data:`KIN_STEPS`, False when it knows both and does not, None
    when it does not know one of them (no judgement)."""
    if a == b:
        return True
    there, back = _steps(a, b), _steps(b, a)
    if there is None or back is None:
        return None
    # WordNet's links run one way (a hypernym, an entailment): either way round is kin
    return min(there, back) <= KIN_STEPS


def derived_nouns(verb: str) -> frozenset[str]:
    """Nouns WordNet derives from ``verb`` ("approve": "approval", "approbation")."""
    return _table().nouns.get(verb, frozenset())
