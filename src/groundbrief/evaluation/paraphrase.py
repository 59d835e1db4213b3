"""Paraphrased positives for the news change pairs: the same fact in other words.

The first news fine-tune (training/README.md) learned a shortcut of the FactCC recipe: every
positive was a verbatim sentence, clause or join of its passage, and every pair whose wording
differed was a negative, so a paraphrase that carries a figure ("slipped to 57.9 pct from 58.1
pct a year earlier" for "fell to 57.9 pct from 58.1 pct one year before") read as a
contradiction. Real briefs never copy their source, so the model must learn that wording may
change while the facts stay, and that a changed figure is a change whatever the wording.

Two kinds of pairs, both with change type ``"paraphrase"`` (expected: supported):

* **mined**: two Reuters-21578 stories of the same event written separately (a company's results
  reported by two desks, an update of an earlier story) give sentences that carry the same set of
  figures in different words. A sentence of one article is the claim, the passage around the
  matching sentence of the other is the premise, when every figure and every name of the claim
  is in the premise sentence and the wording overlaps but is not the same (word Jaccard between
  ``MIN_OVERLAP`` and ``MAX_OVERLAP``), and the claim is not much longer than the premise sentence
  (a longer claim usually adds a fact the premise lacks).
* **rewritten**: a sentence with a figure rewritten by wire-copy equivalences a reader takes as
  the same ("pct" / "percent" / "%", "mln" / "million", "rose" / "increased", "a year earlier" /
  "a year ago", "9" / "nine", "42.11 pct" / "about 42 pct", the attribution moved to the front),
  at least two of them per sentence. The same rewrite with one figure changed is a
  ``"reworded_figure"`` negative (expected: refuted), so a rewording and a wrong figure are told apart by the figure.

Both are split by article like the other change pairs (``splits.part("news_changes", key)``); a
mined pair is kept only when both its articles are in the same part.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..index.chunk import SentenceWindowChunker
from ..words import (
    FIGURE_ABOUT_EN, FIGURE_AT_LEAST_EN, FIGURE_AT_MOST_EN, FIGURE_NEARLY_EN, NUMBER_WORDS_EN,
)
from .changes import (
    DATASET, Article, ChangePair, _article_rng, _good_sentence, _in_quote, _match_case, _new_number,
    _view, _words, article_views,
)
from .splits import Part, part

#: Word overlap (Jaccard over folded words) of a mined pair: below, the two sentences usually
#: state different facts that share figures; above, they are copies.
MIN_OVERLAP = 0.4
MAX_OVERLAP = 0.85
#: A claim longer than this times its premise sentence usually adds a fact.
MAX_LENGTH_RATIO = 1.2

_NUMBER = re.compile(r"(?<![\w.,/-])\d+(?:[.,]\d+)*(?![\w/]|-\d)")  # not "9" of "9-7/8"
_FIGURE_KEY = re.compile(r"\d[\d,./-]*\d|\d")
#: A bound or an estimate just before a figure ("at least", "nearly", "about"): the figure
#: rules' qualifiers (words.py).
_BOUND_WORDS = "|".join((*FIGURE_AT_LEAST_EN, *FIGURE_AT_MOST_EN, *FIGURE_NEARLY_EN, *FIGURE_ABOUT_EN))
_BOUND = re.compile(r"\b(?:%s)\s*$" % _BOUND_WORDS, re.IGNORECASE)
#: The same words anywhere in the few words before a figure ("just over a 12 pct share").
_BOUND_NEAR = re.compile(r"\b(?:%s)\b" % _BOUND_WORDS, re.IGNORECASE)
_NAME = re.compile(r"(?<=[a-z,;:] )[A-Z][\w'.-]+")
_MONTH = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
                    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?\s*$")

_SMALL = {str(v): w for w, v in NUMBER_WORDS_EN.items() if 2 <= v <= 10}  # "9" <-> "nine"
_SMALL_BACK = {v: k for k, v in _SMALL.items()}
_NUMBER_WORDS = frozenset(NUMBER_WORDS_EN) | {"thousand", "half", "quarter", "third"}

#: (pattern, replacements): equivalences of wire copy that keep every fact of the sentence.
#: Each is applied at most once per sentence, with a seeded choice among the replacements.
_LEXICAL: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"(?<=\d) pct\b", (" percent", " per cent", "%")),
    (r"\bpercent\b", ("pct", "per cent")),
    (r"\bper cent\b", ("percent",)),
    (r"\bmln\b", ("million",)),
    (r"\bbln\b", ("billion",)),
    (r"\bdlrs\b", ("dollars",)),
    (r"\bdlr\b", ("dollar",)),
    (r"\brose\b", ("increased", "climbed", "went up")),
    (r"\bfell\b(?! short| back| behind| through| apart)", ("declined", "dropped", "went down")),
    (r"\bincreased\b", ("rose",)),
    (r"\bdeclined\b", ("fell",)),
    (r"\bincrease\b", ("rise",)),
    (r"\bdecrease\b", ("decline",)),
    (r"\ba year earlier\b", ("a year ago", "one year before")),
    (r"\ba year ago\b", ("a year earlier", "one year earlier")),
    (r"\bshareholders\b", ("stockholders",)),
    (r"\bstockholders\b", ("shareholders",)),
    (r"\bapproximately\b", ("about", "around", "roughly")),
    (r"\babout(?= \d)", ("around", "roughly", "some")),
    (r"(?<=\bto )purchase\b", ("buy",)),  # the verb only: "the purchase price" stays
    (r"(?<=\bto )acquire\b", ("buy",)),
    (r"\bacquired\b", ("bought",)),
    (r"\bbecause of\b", ("due to",)),
    (r"\bdue to\b", ("because of",)),
    (r"\bbegan\b", ("started",)),
    (r"\blargest\b", ("biggest",)),
    (r"\bbiggest\b", ("largest",)),
    # the company as the subject, not "a company statement" or "company profits"
    (r"(?<=\b[Tt]he )company(?=,| said| is| has| was| will| also| had| would| expects| added)", ("firm",)),
    (r"\bexpects\b", ("anticipates",)),
    (r"\bthe end of\b", ("the close of",)),
    (r"\bsaid\b", ("stated",)),
    (r"\bkilled\b", ("left dead",)),
    (r"\bU\.S\.(?= [a-z])", ("United States", "US")),
)

#: First words of a sentence that are lower-cased when the attribution moves in front of them.
_COMMON_OPENERS = frozenset(
    "the a an it its this that these those their net sales revenue revenues earnings profit profits "
    "shares output production exports imports prices total operating income trade there some most".split())

_ATTRIBUTION_END = re.compile(
    r"^(?P<body>[^\"“”]{20,}?),\s+(?P<who>(?:the|a|an)\s+[a-z][\w\s-]{2,30}?|he|she|they"
    r"|[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})\s+said\.$")


@dataclass(frozen=True)
class Rewrite:
    text: str
    applied: tuple[str, ...]


def _attribution_first(sentence: str) -> str | None:
    """"Sales rose 5 pct, the company said." -> "The company said sales rose 5 pct."."""
    m = _ATTRIBUTION_END.match(sentence)
    if not m:
        return None
    body, who = m.group("body"), m.group("who")
    first, _, rest = body.partition(" ")
    if first.lower() in _COMMON_OPENERS:
        body = first.lower() + " " + rest
    who = who[:1].upper() + who[1:]
    return f"{who} said {body}."


def rewrite(sentence: str, rng: random.Random, min_changes: int = 2) -> Rewrite | None:
    """A rewording of ``sentence`` by at least ``min_changes`` equivalences, or None.

    Every edit is found in the original sentence and edits never overlap, so one rule cannot
    undo another ("pct" -> "percent" -> "pct"). Quoted words are never touched (changing a quote
    misquotes), and a figure's digits are only spelled out or rounded, never changed."""
    edits: list[tuple[int, int, str, str]] = []  # start, end, new text, description
    # Decided first: the closing "said." must stay as it is for the attribution to move.
    attribution = _ATTRIBUTION_END.match(sentence)
    move = attribution is not None and rng.random() < 0.7
    protected = [(attribution.end("who"), len(sentence))] if move else []

    def free(start: int, end: int) -> bool:
        return not _in_quote(sentence, start) and all(
            end <= s or start >= e for s, e in [(s, e) for s, e, _, _ in edits] + protected)

    rules = list(_LEXICAL)
    rng.shuffle(rules)
    for pattern, options in rules:
        m = re.search(pattern, sentence)
        if m is None or not free(m.start(), m.end()):
            continue
        new = _match_case(m.group(0), rng.choice(options))
        edits.append((m.start(), m.end(), new, f"{m.group(0).strip()} -> {new.strip()}"))
    respelt = [o for o in _respellings(sentence) if free(o[0], o[1])]
    if respelt:
        edits.append(rng.choice(respelt))
    text = sentence
    for start, end, new, _ in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    applied = [d for _, _, _, d in sorted(edits)]
    moved = _attribution_first(text) if move else None
    if moved:
        text = moved
        applied.insert(0, "attribution first")
    if len(applied) < min_changes or text == sentence:
        return None
    return Rewrite(text, tuple(applied))


def _respellings(text: str) -> list[tuple[int, int, str, str]]:
    """Numbers written another way a reader takes as the same: "9" <-> "nine", "42.11 pct" ->
    "about 42 pct". Days of a month ("April 9"), fractions ("3-1/4") and quotes are left alone."""
    options: list[tuple[int, int, str, str]] = []
    for m in _NUMBER.finditer(text):
        tok = m.group(0)
        if _in_quote(text, m.start()) or _MONTH.search(text[: m.start()]):
            continue
        if tok in _SMALL:
            options.append((m.start(), m.end(), _SMALL[tok], f"{tok} -> {_SMALL[tok]}"))
        elif re.fullmatch(r"\d{1,3}\.\d{1,2}", tok) and re.match(
                r"\s*(?:pct|percent|per cent|%|mln|million|bln|billion)", text[m.end():]):
            # Rounded with a qualifier the verifier's figure rules accept ("about", "nearly").
            value = float(tok)
            rounded = round(value)
            if rounded and abs(rounded - value) / rounded <= 0.05:
                new = f"{'nearly' if rounded > value else 'about'} {rounded}"
                options.append((m.start(), m.end(), new, f"{tok} -> {new}"))
        elif (bound := _bounded(tok, text, m.start())) is not None:
            options.append((m.start(), m.end(), bound, f"{tok} -> {bound}"))
    for m in re.finditer(r"\b(two|three|four|five|six|seven|eight|nine|ten)\b", text, re.IGNORECASE):
        if not _in_quote(text, m.start()):
            digits = _SMALL_BACK[m.group(0).lower()]
            options.append((m.start(), m.end(), digits, f"{m.group(0)} -> {digits}"))
    return options


def _bounded(tok: str, text: str, start: int) -> str | None:
    """A whole count written as a true bound in round figures: "57 people" -> "more than 50
    people" or "under 60 people". Running prose states figures so ("in under two hours" for
    1:59:40), and a model that reads such a bound as a changed figure refutes true claims.
    Years, figures already bounded and thousands written other than "1,250" are left alone."""
    if not re.fullmatch(r"\d{1,3}(?:,\d{3})*", tok) or _BOUND_NEAR.search(text[max(0, start - 24): start]):
        return None
    value = int(tok.replace(",", ""))
    if value < 12 or (1800 <= value <= 2099 and "," not in tok):
        return None
    # A bound within a fifth of the figure in round numbers ("more than 300" for 310, "under
    # 60" for 57); a looser one ("less than 400" for 310) is true but says something else.
    digits = len(str(value))
    steps = [10 ** (digits - 1)] + ([10 ** (digits - 2)] if digits > 2 else [])
    plural = re.match(r"\s+[a-z]+s\b", text[start + len(tok):]) is not None
    choices: list[tuple[str, int]] = []
    for step in steps:
        lower, upper = value // step * step, -(-value // step) * step
        if 0 < lower < value and value - lower <= value / 5:
            choices += [("more than", lower), ("over", lower)]
        if upper > value and upper - value <= value / 5:
            choices += [("under", upper), ("fewer than" if plural else "less than", upper)]
        if choices:
            break
    if not choices:
        return None
    word, bound = choices[(value + start) % len(choices)]
    return f"{word} {bound:,}"


def change_rewritten_figure(hypothesis: str, rng: random.Random) -> tuple[str, str] | None:
    """The rewritten claim with one of its digit figures changed clearly (a negative)."""
    options = [m for m in _NUMBER.finditer(hypothesis)
               if not _in_quote(hypothesis, m.start()) and not _MONTH.search(hypothesis[: m.start()])
               # "at least 10 died" is true where 15 died: a bound is no changed figure
               and not _BOUND.search(hypothesis[max(0, m.start() - 24): m.start()])
               and not re.fullmatch(r"(1[89]|20)\d\d", m.group(0))]  # years are date changes
    rng.shuffle(options)
    for m in options:
        new = _new_number(m.group(0), rng)
        if new:
            return (hypothesis[: m.start()] + new + hypothesis[m.end():],
                    f"paraphrase+figure {m.group(0)} -> {new}")
    return None


def rewritten_pairs(articles: Iterable[Article], seed: int = 13, per_article: int = 2,
                    parts: Sequence[Part] = ("train", "eval")) -> list[ChangePair]:
    """Rewritten positives (and their changed-figure negatives) from sentences with a figure."""
    out: list[ChangePair] = []
    for art, pt, view in article_views(articles, parts):
        rng = _article_rng(seed, art.key, "paraphrase")
        order = [s for s in view.sentences if _good_sentence(s.text) and _NUMBER.search(s.text)]
        rng.shuffle(order)
        made = 0
        for s in order:
            if made >= per_article:
                break
            rw = rewrite(s.text, rng)
            if rw is None:
                continue
            out.append(ChangePair(s.passage, rw.text, "supported", "paraphrase", art.id, art.corpus, pt,
                                  s.text, "rewrite: " + "; ".join(rw.applied)))
            neg = change_rewritten_figure(rw.text, rng)
            if neg is not None:
                out.append(ChangePair(s.passage, neg[0], "refuted", "reworded_figure", art.id, art.corpus, pt,
                                      s.text, neg[1]))
            made += 1
    return out


def mined_pairs(articles: Sequence[Article], seed: int = 13, max_group: int = 20,
                parts: Sequence[Part] = ("train", "eval")) -> list[ChangePair]:
    """Sentences of different articles that carry the same figures in different words."""
    chunker = SentenceWindowChunker()
    by_figures: dict[tuple[str, ...], list[tuple[Article, Part, str, str]]] = defaultdict(list)
    for art in articles:
        pt = part(DATASET, art.key)
        if pt not in parts:
            continue
        for s in _view(art, chunker).sentences:
            if not _good_sentence(s.text):
                continue
            # In order: "payable May 1 to holders of record April 15" and "payable April 15 to
            # holders of record April 1" share a set of figures, not a fact.
            figures = tuple(f.rstrip(".,") for f in _FIGURE_KEY.findall(s.text))
            if len(set(figures)) >= 2:  # one shared figure is too common a coincidence ("1987")
                by_figures[figures].append((art, pt, s.text, s.passage))
    out: list[ChangePair] = []
    seen: set[tuple[str, str]] = set()
    for group in by_figures.values():
        if len(group) < 2 or len(group) > max_group:  # a huge group is a table row format
            continue
        for claim_art, claim_pt, claim, _ in group:
            for prem_art, prem_pt, premise_sentence, passage in group:
                if prem_art.key == claim_art.key or prem_pt != claim_pt:
                    continue
                if (claim, premise_sentence) in seen or len(claim) > MAX_LENGTH_RATIO * len(premise_sentence):
                    continue
                wc, wp = _words(claim), _words(premise_sentence)
                overlap = len(wc & wp) / len(wc | wp)
                if not MIN_OVERLAP <= overlap <= MAX_OVERLAP:
                    continue
                if not {n.lower() for n in _NAME.findall(claim)} <= wp:
                    continue  # a name the premise lacks is a fact it does not give
                if (wc & _NUMBER_WORDS) - wp:
                    continue  # "Fees total two pct" gives a figure the premise lacks
                seen.add((claim, premise_sentence))
                out.append(ChangePair(passage, claim, "supported", "paraphrase", claim_art.id,
                                      claim_art.corpus, claim_pt, premise_sentence,
                                      f"mined: {prem_art.key} (overlap {overlap:.2f})"))
    rng = random.Random(seed)
    rng.shuffle(out)
    return out


__all__ = ["MAX_LENGTH_RATIO", "MAX_OVERLAP", "MIN_OVERLAP", "Rewrite", "change_rewritten_figure",
           "mined_pairs", "rewrite", "rewritten_pairs"]
