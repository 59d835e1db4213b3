"""A claim in a language without a parser (French, Dutch, German, Spanish, Italian, Portuguese)
read word by word against its passage.

The English check (verify/wording.py) reads the changed span with spaCy's tags and entities. No
package here ships a Dutch or German parser, and the small English cross-encoder takes a
near-copy in these languages for support ("Le suspect a été libéré" for the source's "Le
suspect a été arrêté") and cannot read a paraphrase at all. This module does what a reader does
with the two sentences side by side, with word lists instead of a parser
(:data:`groundbrief.words.MONTHS`, ``WEEKDAYS``, ``NEGATION_WORDS``, ``REFUSAL_WORDS``,
``OPPOSITE_WORDS``, ``OPPOSITE_FORMS``, ``STANCE_WORDS``, ``DETERMINERS``, ``BACKGROUND_WORDS``).

A claim that copies most of one stretch of the passage (the thresholds of the English check):

* a month or a weekday for another, or a word for its opposite ("hausse" / "baisse",
  "gestiegen" / "gesunken") is a **conflict**;
* a negation or refusal the other copy lacks ("n'a pas été", "geen", "keine" for "eine", "a
  refusé de") is a **conflict** of polarity;
* another capitalised name inside the sentence (French, Dutch: "Rutte" for "Schoof") is a
  **conflict** of names, unless the two are one name written otherwise (names.same_name);
* another noun (French and Dutch: a word after an article; German: a capitalised word, which
  may also be a name, so never more than unbacked) that is no synonym by the multilingual
  embedder is **unbacked**.

A claim too short or too reworded to be a copy: an opposite, another date or a negation in the
passage sentence that holds the claim's other words is a **conflict**. Either way, the claim's
words said under an allegation, a plan or a possibility ("aurait tué", "soll getötet haben",
"envisage de") are **unbacked**, and so is any word of the claim (verbs included) that the
passage has in no form: a paraphrase in these languages is confirmed only where the source uses
the claim's words, since no model here can read one. Figures and dates are the figure and date
checks'.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from operator import attrgetter

from ..text import sentence_spans
from ..words import (BACKGROUND_WORDS, DETERMINERS, DURATION_UNITS, FIGURE_SIDES, MAGNITUDE_WORDS,
                     MONTHS, NEGATION_WORDS, NUMBER_WORDS_PLAIN, OPPOSITE_FORMS, OPPOSITE_WORDS,
                     ORDINAL_WORDS, PEOPLE_WORDS, PREVENTING_WORDS, REFUSAL_WORDS, SPEECH_VERBS,
                     STANCE_WORDS, STOPWORDS, VOTE_SIDES, WEEKDAYS)
from .names import same_name
from .roles import SYNONYM, Finding, Relation, Similarity
from .surface import fold_diacritics
from .wording import MAX_SPAN, copied_window

__all__ = ["PLAIN_LANGUAGES", "changed_words_plain"]

#: Claims with fewer content words are not compared. Lower than English's 6 (verify/wording.py):
#: German and Dutch compounds put in one word what English says in two ("Heimsieg", "home
#: win"), and with the in-order share of MIN_COPIED a copy of four content words and its
#: function words can differ in one word only.
MIN_CLAIM_WORDS_PLAIN = 4

#: Languages this module has word lists for.
PLAIN_LANGUAGES = frozenset(NEGATION_WORDS)

# An elided article or pronoun ("l'", "n'", "d'", "qu'") is a word of its own; a figure keeps
# its separators ("1.000,5", "3,5").
# A French thousands separator is a space ("3 000", often a no-break one): the groups are one
# figure.
_TOKEN = re.compile(r"[^\W\d_]{1,3}['’](?=\w)|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,])"
                    r"|\d+(?:[.,:]\d+)*|\w+(?:-\w+)*|[^\w\s]")
_GROUP_SPACE = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d)")
_SPACED_FIGURE = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,])")


def figures_unspaced(text: str) -> str:
    """``text`` with each figure whose thousands are set apart by spaces written without them
    ("3 000" as "3000"), for the figure checks, which read English, where a space parts two
    numbers ("on May 3 200 people")."""
    return _SPACED_FIGURE.sub(lambda m: _GROUP_SPACE.sub("", m.group(0)), text)
_SENTENCE_END = frozenset(".!?:;\"«»“”")


@dataclass(frozen=True)
class _Token:
    text: str
    key: str  # lowercase, without diacritics, straight apostrophe
    initial: bool  # opens its sentence (a capital there says nothing)
    start: int  # offsets in the text it was read from
    end: int

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def word(self) -> bool:
        return self.text[:1].isalnum()


def _tokens(text: str, start: int = 0, end: int | None = None) -> list[_Token]:
    out: list[_Token] = []
    for m in _TOKEN.finditer(text, start, len(text) if end is None else end):
        t = m.group(0)
        initial = not out or out[-1].text in _SENTENCE_END
        key = fold_diacritics(_GROUP_SPACE.sub("", t).lower()).replace("’", "'")
        out.append(_Token(t, key, initial, m.start(), m.end()))
    # Punctuation is read (a capital after a full stop opens a sentence) but not aligned: a
    # claim's closing full stop would otherwise line up with the end of a longer sentence.
    return [t for t in out if t.word]


read_tokens = _tokens  # for verify/crossing.py


@lru_cache(maxsize=2048)
def _sentences(passage: str) -> tuple[tuple[tuple[_Token, ...], int], ...]:
    """Each sentence of the passage as tokens with offsets, with the sentence's end: read once
    for all the rules of this module (a claim is compared with the same passages)."""
    return tuple((tuple(_tokens(passage, s, e)), e) for s, e in sentence_spans(passage))


@lru_cache(maxsize=2048)
def _windows(passage: str) -> tuple[tuple[_Token, ...], ...]:
    """Each sentence of the passage and each two adjacent ones, as tokens with offsets."""
    sents = [toks for toks, _ in _sentences(passage)]
    return tuple(sents + [a + b for a, b in zip(sents, sents[1:])])


def changed_words_plain(claim: str, passage: str, language: str | None,
                        similar: Similarity | None = None) -> tuple[Finding, ...]:
    """The details of ``claim`` changed from the passage sentence it copies (see module doc);
    empty for a language without word lists here, or a claim that copies no sentence."""
    if language not in PLAIN_LANGUAGES:
        return ()
    stop = _stopwords(language)
    ctoks = _tokens(claim)
    swapped = (_swapped_names(ctoks, passage, language, stop)
               or _swapped_participants(ctoks, passage, language, stop)
               or _other_vote_side(ctoks, passage, language, stop))
    if swapped is not None:
        return (swapped,)
    if sum(t.key not in stop for t in ctoks) < MIN_CLAIM_WORDS_PLAIN:
        return _reworded(ctoks, passage, language, stop)
    copy = copied_window([t.key for t in ctoks], _windows(passage), attrgetter("key"))
    if copy is None:
        return _reworded(ctoks, passage, language, stop)
    ptoks, sm = copy
    ops = sm.get_opcodes()
    # The stretch of the passage the claim copies: passage words before the claim's first word
    # or after its last are another part of the sentence, whose "not" is not the claim's.
    while ops and ops[0][0] == "insert":
        ops = ops[1:]
    while ops and ops[-1][0] == "insert":
        ops = ops[:-1]
    if not ops:
        return ()
    copied = ptoks[ops[0][3]:ops[-1][4]]
    findings: list[Finding] = []
    # "respinto" / "ha rifiutato": a verb of refusal that stands for a rejection the other side
    # tells in one word is the same deed, not the other side's deed negated
    if (_negations(ctoks, language) - _refusing_as_rejection(ctoks, copied, language)
            != _negations_in(ptoks, ops[0][3], ops[-1][4], language)
            - _refusing_as_rejection(copied, ctoks, language)):
        findings.append(Finding("polarity", claim.strip(), passage[copied[0].start:copied[-1].end],
                                Relation.CONFLICT))
    for tag, i1, i2, j1, j2 in ops:
        if tag in ("insert", "replace"):
            said = _speaker_replaced(ctoks, ptoks, (i1, i2, j1, j2), language, stop)
            if said is not None:
                if said not in findings:
                    findings.append(said)
                continue
        if tag == "insert":
            # a rank the claim's copy leaves out: "el segundo país más visitado" for "el país
            # más visitado"
            rank = next((t for t in ptoks[j1:j2] if ORDINAL_WORDS[language].get(t.key, 1) > 1),
                        None)
            if rank is not None:
                superlative = any(t.key in _SUPERLATIVE_MARKS[language] for t in ctoks)
                finding = Finding("rank", " ".join(t.text for t in ctoks[max(i1 - 1, 0):i1 + 2]),
                                  " ".join(t.text for t in ptoks[max(j1 - 1, 0):j2 + 2]),
                                  Relation.CONFLICT if superlative else Relation.UNBACKED)
                if finding not in findings:
                    findings.append(finding)
            continue
        if tag != "replace":
            continue
        # With the word before each span, so that an article just before it is seen.
        finding = _compare_span(ctoks[max(i1 - 1, 0):i2], ptoks[max(j1 - 1, 0):j2], i1 > 0, j1 > 0,
                                language, stop, similar)
        if finding is not None and finding not in findings:
            findings.append(finding)
    if _brings_another([t.key for t in copied], [t.key for t in ctoks], language):
        # "abrió una nueva fábrica" against "cerró la fábrica": another factory's deed
        findings = [f for f in findings
                    if not (f.role == "predicate" and f.relation is Relation.CONFLICT)]
    if not any(f.relation is Relation.CONFLICT for f in findings):
        # A changed stretch of several words ("vrijgelaten na" / "gearresteerd in verband
        # met") is not compared word by word; its reversed deed is still a conflict.
        findings.extend(_opposite_in_sentence(ctoks, passage, language, stop)
                        or _prevented_in_sentence(ctoks, passage, language, stop))
    if not findings:
        findings.extend(_stance_in_sentence(ctoks, passage, language, stop))
    if not findings:
        # A word of a replaced span that the similarity judged a synonym of the passage's is
        # backed by it ("rémunérations" / "salaires"); any other word must be there.
        spans = {t.key: " ".join(p.text for p in ptoks[j1:j2] if p.key not in stop)
                 for tag, i1, i2, j1, j2 in ops if tag == "replace" for t in ctoks[i1:i2]}
        findings.extend(_unbacked_word(ctoks, passage, language, stop, spans, similar))
    return tuple(findings)


#: Prepositions of a passive's agent: "battue par l'Italie" keeps who won where "a battu"
#: puts it, so name order says nothing beside them.
_PASSIVE_AGENT = {"fr": {"par"}, "nl": {"door"}, "de": {"von", "vom"}, "es": {"por"},
                  "it": {"da", "dal", "dalla", "dai", "dagli", "dalle"},
                  "pt": {"por", "pelo", "pela", "pelos", "pelas"}}


#: Stems of deeds two do to each other: meeting, facing, marrying, talking, negotiating.
_MUTUAL = ("rencontr", "affront", "epous", "marie", "discut", "negoci", "ontmoet", "trouwd",
           "sprak", "spreek", "traf", "trifft", "treff", "heirat", "reuni", "enfrent", "caso",
           "incontr", "spos", "encontr", "casou", "conversa", "parl", "habl", "fal")


def _swapped_names(ctoks: Sequence[_Token], passage: str, language: str,
                   stop: frozenset[str]) -> Finding | None:
    """Two names on either side of the claim's deed, the other way round in a passage
    sentence that has the same deed between them: "La France a battu l'Italie" against
    "L'Italie a battu la France" (who did it). Not beside a passive's agent ("a été battue
    par"), where the order of the names does not say who did it."""
    runs: list[list[int]] = []  # a name of several words is one ("Real Madrid")
    for i, t in enumerate(ctoks):
        if t.capitalised and t.key not in stop:
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
    if len(runs) != 2:
        return None  # German capitalises every noun: three or more, and nothing is read
    a, b = ([ctoks[i].key for i in run] for run in runs)
    if a == b:
        return None
    # the words of the deed between them ("battu"), not an elided article ("l'"); a deed two
    # do to each other ("a rencontré") reads the same either way round
    span = [t.key for t in ctoks[runs[0][-1] + 1:runs[1][0]] if not t.key.endswith("'")]
    between = [k for k in span if k not in stop]
    passive = _PASSIVE_AGENT.get(language, set())
    # a passive on one side only tells who did it by its "par", not by the order; both
    # passive ("a été battu ... par" twice), the order tells it again
    claim_passive = bool(passive & set(span))
    if not between or any(k.startswith(_MUTUAL) for k in between):
        return None
    for ptoks, _ in _sentences(passage):
        keys = [t.key for t in ptoks]
        ia, ib = _find_run(keys, a), _find_run(keys, b)
        if ia < 0 or ib < 0 or bool(passive & set(keys[min(ia, ib):max(ia, ib)])) != claim_passive:
            continue
        if language == "de" and _kept_case(ctoks, runs, keys, (ia, ib)):
            continue  # "Den Mann biss der Hund": the object put first, its article keeps its role
        if ib < ia and all(k in keys[ib + len(b):ia] for k in between) \
                and not any(k in keys[:ib] + keys[ia + len(a):] for k in between):
            return Finding("patient" if claim_passive else "agent",
                           " ".join(ctoks[i].text for i in runs[0]),
                           " ".join(ctoks[i].text for i in runs[1]), Relation.CONFLICT)
    return None


#: German articles whose form tells subject from object (a masculine noun's "der" / "den").
_CASE_ARTICLES = frozenset({"der", "den", "dem", "ein", "einen", "einem"})


def _kept_case(ctoks: Sequence[_Token], runs: list[list[int]], keys: Sequence[str],
               at: tuple[int, int]) -> bool:
    """Whether each of two German names keeps the article it has in the claim, one of them an
    article that marks the case: then each keeps its role whatever the order."""
    before = [ctoks[run[0] - 1].key if run[0] > 0 else None for run in runs]
    after = [keys[i - 1] if i > 0 else None for i in at]
    return before == after and any(a in _CASE_ARTICLES for a in before)


#: Words that join two participants as equals ("Paris et Londres"): their order says nothing.
_COORDINATORS = {"fr": {"et", "ou"}, "nl": {"en", "of"}, "de": {"und", "oder"},
                 "es": {"y", "e", "o", "u"}, "it": {"e", "ed", "o"}, "pt": {"e", "ou"}}


def _swapped_participants(ctoks: Sequence[_Token], passage: str, language: str,
                          stop: frozenset[str]) -> Finding | None:
    """A passage sentence with the claim's words in which two of them (or two runs) trade
    places: "O cantor processou o jornal" against "O jornal processou o cantor", "La banque a
    prêté un milliard au gouvernement" against "Le gouvernement a prêté un milliard à la
    banque", "vertrok uit Londen naar New York" against "uit New York naar Londen" (who did
    it, or which way). The claim's content words are compared in order, its small words
    (articles, "au" / "à la") left out; in German every word, articles too, since an article's
    case keeps a noun's role whatever the order ("Den Mann biss der Hund"). Not for a deed two
    do to each other, a passive's agent, or two participants joined as equals ("Paris et
    Londres")."""
    strict = language == "de"
    keys = [t.key for t in ctoks]
    passive = _PASSIVE_AGENT.get(language, set())
    if passive & set(keys) or any(k.startswith(_MUTUAL) for k in keys):
        return None
    cidx = [i for i, k in enumerate(keys) if strict or k not in stop]
    ckeys = [keys[i] for i in cidx]
    for ptoks, _ in _sentences(passage):
        pall = [t.key for t in ptoks]
        if passive & set(pall):
            continue
        pidx = [i for i, k in enumerate(pall) if strict or k not in stop]
        pkeys = [pall[i] for i in pidx]
        if len(pkeys) != len(ckeys) or pkeys == ckeys or sorted(pkeys) != sorted(ckeys):
            continue
        lo = next(i for i, (c, p) in enumerate(zip(ckeys, pkeys)) if c != p)
        hi = max(i for i, (c, p) in enumerate(zip(ckeys, pkeys)) if c != p) + 1
        c, p = ckeys[lo:hi], pkeys[lo:hi]
        for a in range(1, len(c)):
            for b in range(1, len(c) - a + 1):
                first, middle, second = c[:a], c[a:len(c) - b], c[len(c) - b:]
                if p != second + middle + first or set(first) & set(second) \
                        or any(k in stop for k in first + second):
                    continue
                between = keys[cidx[lo + a - 1] + 1:cidx[hi - b]]
                if _COORDINATORS.get(language, set()) & set(between) or (strict and not any(
                        k not in stop for k in middle)):
                    continue
                if not middle and not _prepositions_stay(keys, cidx[lo], cidx[hi - b], pall,
                                                          pidx[lo], pidx[lo + b], stop):
                    # no deed between them: only two places that trade their prepositions
                    # ("uit Londen naar New York"), not a phrase put first ("Durante la
                    # tempesta il ponte è crollato") or a subject told after its verb ("Le
                    # bénéfice de l'entreprise a doublé")
                    continue
                return Finding("agent", " ".join(ctoks[i].text for i in cidx[lo:lo + a]),
                               " ".join(ctoks[i].text for i in cidx[hi - b:hi]),
                               Relation.CONFLICT)
    return None


def _prepositions_stay(ckeys: Sequence[str], ca: int, cb: int, pkeys: Sequence[str], pb: int,
                       pa: int, stop: frozenset[str]) -> bool:
    """Whether two runs of a claim (starting at ``ca`` and ``cb``) trade places in the passage
    (starting at ``pb`` and ``pa``) while the small words before them stay where they were:
    "uit Londen naar New York" / "uit New York naar Londen" ("uit" and "naar" stay)."""
    def before(keys: Sequence[str], i: int) -> str | None:
        return keys[i - 1] if i > 0 and keys[i - 1] in stop else None
    a_word, b_word = before(ckeys, ca), before(ckeys, cb)
    return (a_word is not None and b_word is not None and a_word != b_word
            and before(pkeys, pb) == a_word and before(pkeys, pa) == b_word)


def _find_run(keys: Sequence[str], run: Sequence[str]) -> int:
    """Where the words of ``run`` stand together in ``keys``; -1 when they do not."""
    n = len(run)
    return next((i for i in range(len(keys) - n + 1) if list(keys[i:i + n]) == list(run)), -1)


def _compare_span(c: Sequence[_Token], p: Sequence[_Token], c_led: bool, p_led: bool,
                  language: str, stop: frozenset[str], similar: Similarity | None) -> Finding | None:
    """The finding of one replaced span; ``c_led``/``p_led``: the span's first token is the
    word before it (kept to see an article), not part of the change."""
    if len(c) - c_led == len(p) - p_led == 1 and _opposed(c[-1].key, p[-1].key, language):
        # one word for its opposite, a stopword though it is ("Plus de 100" / "Moins de 100")
        return Finding("predicate", c[-1].text, p[-1].text, Relation.CONFLICT)
    cw = [t for t in c[c_led:] if t.key not in stop]
    pw = [t for t in p[p_led:] if t.key not in stop]
    if not cw or not pw or len(cw) > MAX_SPAN or len(pw) > MAX_SPAN:
        return None
    one = _one_of(c[c_led:], language)
    if one is not None and len(pw) == 2 and (_count(pw[0], language) or 1.0) != 1.0 \
            and pw[1].key[:4] == one[1].key[:4]:
        # "um ponto" for "três pontos": an article counts one of its noun
        return Finding("figure:number", f"{one[0].text} {one[1].text}",
                       f"{pw[0].text} {pw[1].text}", Relation.CONFLICT)
    if len(cw) == len(pw) == 1:
        ranks = ORDINAL_WORDS[language]
        if cw[0].key in ranks and pw[0].key in ranks and ranks[cw[0].key] != ranks[pw[0].key]:
            # "als derde" for "als vierde": another rank
            return Finding("rank", cw[0].text, pw[0].text, Relation.CONFLICT)
        units = DURATION_UNITS[language]
        if cw[0].key in units and pw[0].key in units and units[cw[0].key] != units[pw[0].key]:
            # "drie jaar" for "drie maanden": another span of time
            return Finding("duration", cw[0].text, pw[0].text, Relation.CONFLICT)
        if _compound_opposed(cw[0].key, pw[0].key, language):
            # "40-Jahres-Hoch" for "40-Jahres-Tief", "Rekordhoch" for "Rekordtief"
            return Finding("predicate", cw[0].text, pw[0].text, Relation.CONFLICT)
        orders = MAGNITUDE_WORDS[language]
        a, b = orders.get(cw[0].key), orders.get(pw[0].key)
        if a is not None and b is not None and a != b:
            # "des dizaines de morts" for "des centaines de morts"
            return Finding("figure:number", cw[0].text, pw[0].text, Relation.CONFLICT)
        a, b = _count(cw[0], language), _count(pw[0], language)
        if a is not None and b is not None and a != b:
            # "trois morts" for "cinq morts", "4 Tote" for "vier Tote"
            return Finding("figure:number", cw[0].text, pw[0].text, Relation.CONFLICT)
    if any(ch.isdigit() for t in (*cw, *pw) for ch in t.text):
        # One figure for another in the copied sentence ("3:0 (2:1)" for "3:0 (2:0)",
        # "20.000" for "10.000"): the figure checks read English number formats only. A
        # figure written in a form not read here is left to them.
        if len(cw) == len(pw) == 1:
            a, b = _value(cw[0].text), _value(pw[0].text)
            if a is not None and b is not None and a != b:
                return Finding("figure:number", cw[0].text, pw[0].text, Relation.CONFLICT)
        return None
    if len(cw) == len(pw):
        # Word by word: a month or a weekday for another, a word for its opposite.
        for a, b in zip(cw, pw):
            for table in (MONTHS[language], WEEKDAYS[language]):
                if a.key in table and b.key in table and table[a.key] != table[b.key]:
                    return Finding("date", a.text, b.text, Relation.CONFLICT)
            if _opposed(a.key, b.key, language):
                return Finding("predicate", a.text, b.text, Relation.CONFLICT)
    if any(t.key in MONTHS[language] or t.key in WEEKDAYS[language] for t in (*cw, *pw)):
        return None  # a date written another way: verify/dates.py
    cname, pname = " ".join(t.text for t in cw), " ".join(t.text for t in pw)
    named = all(t.capitalised and not t.initial for t in (*cw, *pw))
    if named and same_name(cname, pname):
        return None
    if named and language != "de":
        # French and Dutch capitalise names only: another name where the source has this one.
        return Finding("name", cname, pname, Relation.CONFLICT)
    if named or (len(cw) == 1 and len(pw) == 1 and _after_article(c, cw[0], language)
                 and _after_article(p, pw[0], language)):
        # A German capitalised word may be a noun or a name, and a word after an article is a
        # noun: another noun is a detail the source does not give, unless it is a synonym or
        # another form of the same word ("accord" / "accords").
        if _same_stem(cw, pw) or (similar is not None and similar(cname, pname) >= SYNONYM):
            return None
        return Finding("word", cname, pname, Relation.UNBACKED)
    return None


def negation_cues_plain(text: str, language: str) -> tuple[str, ...]:
    """The words of ``text`` that negate, read with ``language``'s word lists (the English cue
    list takes Portuguese "no terremoto", "in the earthquake", for a negation)."""
    toks = _tokens(text)
    return tuple(toks[i].key for i in _negating(toks, language))


def _negations_in(toks: Sequence[_Token], lo: int, hi: int, language: str) -> int:
    """:func:`_negations` of ``toks[lo:hi]``, read in the whole sentence: a refusal copied
    without its infinitive ("weigerde woensdag af" of "… af te treden") still refuses it."""
    return sum(lo <= i < hi for i in _negating(toks, language))


def _negations(toks: Sequence[_Token], language: str) -> int:
    """How many negations the words hold. A French negation is counted by its "ne"/"n'" (news
    copy always writes it), so "ne … pas" and "ne … plus" each count once. A verb of refusal
    negates the deed after it ("a refusé de signer" says the law was not signed)."""
    return len(_negating(toks, language))


#: What stands between a verb of refusal and the deed it refuses ("a refusé de signer",
#: "weigerde het te tekenen", "weigerte sich, … zu unterschreiben", "se negó a firmar").
_TO_INFINITIVE = {"fr": {"de", "d'"}, "it": {"di", "d'"}, "nl": {"te"}, "de": {"zu"},
                  "es": {"a"}, "pt": {"a"}}


def _refuses_a_deed(toks: Sequence[_Token], i: int, language: str) -> bool:
    """Whether the verb of refusal at ``i`` refuses a deed after it (and so negates it), not a
    thing ("negó el informe" denies the report; "a refusé l'offre" turns the offer down)."""
    window = toks[i + 1:i + (7 if language in ("de", "nl") else 4)]
    if any(t.key in _TO_INFINITIVE[language] for t in window):
        return True
    # Spanish and Portuguese may put the infinitive straight after it ("negou ter", "negó haber")
    return language in ("es", "pt") and any(t.key.endswith(("ar", "er", "ir")) and len(t.key) > 3
                                            for t in window[:2])


def _negating(toks: Sequence[_Token], language: str) -> list[int]:
    """The positions of the words that negate (:func:`_negations`). A French "ne … que" says
    "only", not "not": its "ne" counts only if a negative word ("pas", "jamais", "rien", …)
    comes before the "que" ("Le club n'a gagné que trois matchs" is "seulement trois")."""
    words = (_FRENCH_NE if language == "fr" else NEGATION_WORDS[language]) | REFUSAL_WORDS[language]
    out = []
    for i, t in enumerate(toks):
        if t.key == _WITHOUT.get(language) and _infinitive_after(toks, i, language):
            # "sin causar daños", "sans faire de victimes", "ohne Schaden anzurichten": the
            # deed after it did not happen, as after "no" (not "sans suite", "sin embargo")
            out.append(i)
            continue
        # Portuguese joins the reflexive to the verb ("recusou-se a aprovar")
        key = t.key if t.key in words else t.key.split("-")[0]
        if key not in words:
            continue
        if t.key in _FRENCH_NE and language == "fr":
            after = [u.key for u in toks[i + 1:i + 6]]
            que = next((j for j, k in enumerate(after) if k in ("que", "qu'")), None)
            completer = next((j for j, k in enumerate(after) if k in _FRENCH_COMPLETERS), None)
            if que is not None and (completer is None or que < completer):
                continue
        if key in REFUSAL_WORDS[language] and not _refuses_a_deed(toks, i, language):
            continue  # "negó el informe", "a refusé l'offre": a thing denied or turned down
        if t.key in ("no", "nao") and language in ("es", "pt"):
            # Spanish "no … más que", Portuguese "não … mais que / senão": "only", as French
            # "ne … que" ("no ganó más que tres partidos")
            after = [u.key for u in toks[i + 1:i + 7]]
            if "senao" in after or "sino" in after or any(
                    a == "mas" and b == "que" or a == "mais" and b == "que" for a, b in zip(after, after[1:])):
                continue
        out.append(i)
    return out


#: "Without" per language, and how the verb after it ends: an infinitive, or for Dutch and
#: German a "te"/"zu" before one a few words on ("zonder schade aan te richten").
_WITHOUT = {"fr": "sans", "nl": "zonder", "de": "ohne", "es": "sin", "it": "senza", "pt": "sem"}
_INFINITIVE = {"fr": ("er", "ir", "re"), "es": ("ar", "er", "ir"), "it": ("are", "ere", "ire"),
               "pt": ("ar", "er", "ir")}
_INFINITIVE_MARK = {"nl": "te", "de": "zu"}


def _infinitive_after(toks: Sequence[_Token], i: int, language: str) -> bool:
    """Whether a verb's infinitive follows the "without" at ``i``: a deed it says did not
    happen ("sin causar", "sans faire"), not a thing it goes without ("sans suite")."""
    after = [u.key for u in toks[i + 1:i + 7]]
    if language in _INFINITIVE_MARK:
        mark = _INFINITIVE_MARK[language]  # German joins it after a particle: "anzurichten"
        return any(k == mark or any(k.startswith(p + mark) and len(k) > len(p) + 5
                                    for p in ("an", "auf", "aus", "ab", "ein", "vor", "mit", "zu"))
                   for k in after)
    return bool(after) and len(after[0]) > 3 and after[0].endswith(_INFINITIVE[language])


_FRENCH_NE = frozenset({"ne", "n'"})
_FRENCH_COMPLETERS = frozenset({"pas", "plus", "jamais", "rien", "personne", "aucun", "aucune",
                                "guere", "nullement", "point", "ni"})


def _value(figure: str) -> float | tuple[int, int] | None:
    """A figure as French, Dutch and German write it: "." between thousands, "," before
    decimals ("20.000", "3,6", "1.234,5"); a score or a time as its two numbers ("2:1");
    None for anything else ("3.5.2016")."""
    figure = _GROUP_SPACE.sub("", figure)
    if m := re.fullmatch(r"(\d+):(\d+)", figure):
        return int(m.group(1)), int(m.group(2))
    if not re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?", figure):
        return None
    return float(figure.replace(".", "").replace(",", "."))


#: Words that count one of the noun after them, article though they are.
_ONE = {"fr": {"un", "une"}, "nl": {"een", "één"}, "de": {"ein", "eine", "einen", "einem"},
        "es": {"un", "una", "uno"}, "it": {"un", "uno", "una"}, "pt": {"um", "uma"}}
#: Words of a superlative ("el más visitado", "le plus grand"), per language (folded).
_SUPERLATIVE_MARKS = {"fr": {"plus"}, "nl": {"meest", "grootste"}, "de": {"meisten", "grosste"},
                      "es": {"mas"}, "it": {"piu"}, "pt": {"mais"}}


def _one_of(toks: Sequence[_Token], language: str) -> tuple[_Token, _Token] | None:
    """An article and the one noun it counts, as the whole span ("um ponto"), else None."""
    if len(toks) == 2 and toks[0].text.lower() in _ONE[language]:
        return toks[0], toks[1]
    return None


def _count(tok: _Token, language: str) -> float | None:
    """The number a word gives: a number word ("trois", "vier", "cinco") or a figure ("20.000",
    "3,5"); None for any other word, and for a score or a time."""
    word = NUMBER_WORDS_PLAIN[language].get(tok.key)
    if word is not None:
        return float(word)
    value = _value(tok.text)
    return value if isinstance(value, float) else None


def _count_in_sentence(ctoks: Sequence[_Token], passage: str, language: str,
                       stop: frozenset[str]) -> tuple[Finding, ...]:
    """Another number of the thing the claim counts, in a passage sentence that holds most of
    the claim's other words, where the passage gives the claim's number nowhere: "L'incendie a
    fait cinq morts et deux blessés" against "L'incendie a fait trois morts", "starben sieben
    Menschen" against "starben vier Menschen" (a conflict). The counted thing is the word
    after the number, in any of its forms."""
    pcounts = {_count(t, language) for ptoks, _ in _sentences(passage) for t in ptoks}
    for i, tok in enumerate(ctoks[:-1]):
        value, counted = _count(tok, language), ctoks[i + 1]
        if value is None or value in pcounts or counted.key in stop or _count(counted, language) is not None:
            continue
        rest = [t.key for t in ctoks if t.key not in stop and t is not tok and t is not counted
                and _count(t, language) is None]
        for ptoks, _ in _sentences(passage):
            other = next((p for p, q in zip(ptoks, ptoks[1:])
                          if _count(p, language) not in (None, value)
                          and _backs(counted.key, q.key, language)), None)
            if other is None or _negations(ctoks, language) != _negations(ptoks, language):
                continue
            shared = sum(any(_backs(k, p.key, language) for p in ptoks) for k in rest)
            if _shares_enough(shared, len(rest)):
                return (Finding("figure:number", tok.text, other.text, Relation.CONFLICT),)
    return ()


def _figure_side(toks: Sequence[_Token], i: int, language: str) -> tuple[int, str] | None:
    """The side of the figure at ``i`` its words put the quantity (+1 above, -1 below) and
    those words ("plus de", "moins de", "bijna"), from words.FIGURE_SIDES."""
    above, below = FIGURE_SIDES[language]
    before = " ".join(t.key for t in toks[max(0, i - 3):i])
    for side, phrases in ((1, above), (-1, below)):
        for phrase in phrases:
            if before == phrase or before.endswith(" " + phrase):
                return side, " ".join(t.text for t in toks[i - len(phrase.split()):i])
    return None


def _other_side_of_figure(ctoks: Sequence[_Token], passage: str, language: str,
                          stop: frozenset[str]) -> tuple[Finding, ...]:
    """The claim's figure with the quantity on the other side of it in a passage sentence that
    holds the claim's other words: "Moins de 100 personnes ont été arrêtées" against "Plus de
    100 personnes ont été arrêtées" (a conflict)."""
    for i, tok in enumerate(ctoks):
        value = _count(tok, language)
        mine = _figure_side(ctoks, i, language) if value is not None else None
        if mine is None:
            continue
        rest = [t.key for t in ctoks[i + 1:] if t.word and t.key not in stop]
        for ptoks, _ in _sentences(passage):
            for j, other in enumerate(ptoks):
                if _count(other, language) != value:
                    continue
                theirs = _figure_side(ptoks, j, language)
                pkeys = [t.key for t in ptoks]
                if theirs is not None and theirs[0] != mine[0] and all(
                        any(_backs(k, p, language) for p in pkeys) for k in rest):
                    return (Finding("figure:number", f"{mine[1]} {tok.text}",
                                    f"{theirs[1]} {other.text}", Relation.CONFLICT),)
    return ()


def _score_in_sentence(ctoks: Sequence[_Token], passage: str, language: str,
                       stop: frozenset[str]) -> tuple[Finding, ...]:
    """Another score (or time), or another figure, in a passage sentence that gives every other
    content word of the claim, in the claim's order, where it gives the claim's nowhere: "Das
    Spiel endete 1:2" against "Das Spiel endete 2:1" (a conflict; the figure checks read "2:1"
    as the numbers 2 and 1, which "1:2" also holds), "eine Stärke von 4,6" against "von 6,4"
    (read as 4 and 6 there too)."""
    scores = [t for t in ctoks if _value(t.text) is not None]
    rest = [t.key for t in ctoks if t.word and t.key not in stop and not t.key[:1].isdigit()]
    if len(scores) != 1 or len(rest) < 2:
        return ()
    mine = _value(scores[0].text)
    for ptoks, _ in _sentences(passage):
        theirs = [t for t in ptoks if type(_value(t.text)) is type(mine)]
        if not theirs or any(_value(t.text) == mine for t in theirs) \
                or _negations(ctoks, language) != _negations(ptoks, language):
            continue
        at = [next((i for i, p in enumerate(ptoks) if _backs(k, p.key, language)), None)
              for k in rest]
        if all(i is not None for i in at) and at == sorted(at):  # type: ignore[type-var]
            return (Finding("figure:number", scores[0].text, theirs[0].text, Relation.CONFLICT),)
    return ()


def _after_article(span: Sequence[_Token], word: _Token, language: str) -> bool:
    i = span.index(word)
    return i > 0 and span[i - 1].key in DETERMINERS[language]


def _same_stem(cw: Sequence[_Token], pw: Sequence[_Token]) -> bool:
    """One word in two inflections: one is the other with at most three letters added
    ("accord" / "accords", "Regierung" / "Regierungen", "Ministers" / "Minister")."""
    if len(cw) != len(pw):
        return False
    for a, b in zip(cw, pw):
        short, long_ = sorted((a.key, b.key), key=len)
        if not (len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 3):
            return False
    return True


#: A sentence that is no copy still speaks of the claim's event when it holds this share of
#: the claim's other content words (at least MIN_SHARED of them, or all of a shorter claim's):
#: "De politie heeft de man vrijgelaten" against "De politie heeft dinsdag een man gearresteerd
#: in verband met ...".
MIN_SHARED_SHARE = 0.6
MIN_SHARED = 2


def _shares_enough(shared: int, of: int) -> bool:
    """Whether a passage sentence holding ``shared`` of the claim's ``of`` other content words
    holds enough of them (MIN_SHARED_SHARE, and MIN_SHARED or all of a shorter claim's); a
    claim with no other word has nothing left to share."""
    return of == 0 or (shared >= min(MIN_SHARED, of) and shared / of >= MIN_SHARED_SHARE)
#: Opposites read only in a copied sentence, never in a reworded one: comparatives, order and
#: compass words qualify a figure or a place rather than say what happened ("plus de 100" and
#: "au moins 100" agree).
_QUALIFIERS = frozenset("""
    plus moins meer minder mehr weniger avant apres vor nach premier dernier premiere derniere
    eerste laatste erste letzte ersten letzten nord sud noord zuid noorden zuiden norden suden
    oost west oosten westen osten haut bas hoger lager hoher niedriger superieur inferieur
    superieure inferieure eleve faible debut fin begin einde beginn ende majorite minorite
    """.split())


def _reworded(ctoks: Sequence[_Token], passage: str, language: str,
              stop: frozenset[str]) -> tuple[Finding, ...]:
    """A claim that copies no sentence: a reversed deed or another date in a sentence that
    holds most of its words, or a negation there the claim lacks (a conflict); else a month or
    weekday the passage gives otherwise, or a word of the claim the passage has in no form
    (unbacked)."""
    return (_opposite_in_sentence(ctoks, passage, language, stop)
            or _prevented_in_sentence(ctoks, passage, language, stop)
            or _name_in_place(ctoks, passage, language, stop)
            or _other_side_of_figure(ctoks, passage, language, stop)
            or _count_in_sentence(ctoks, passage, language, stop)
            or _score_in_sentence(ctoks, passage, language, stop)
            or _polarity_in_sentence(ctoks, passage, language, stop)
            or _stance_in_sentence(ctoks, passage, language, stop)
            or _date_given_otherwise(ctoks, passage, language)
            or _unbacked_word(ctoks, passage, language, stop))


def _prevented_in_sentence(ctoks: Sequence[_Token], passage: str, language: str,
                           stop: frozenset[str]) -> tuple[Finding, ...]:
    """The claim's deed kept from happening in a passage sentence with the claim's other
    content words: a verb of preventing before a noun derived from the claim's word ("ha
    evitato la retrocessione" for "è stata retrocessa", "blockierte die Auslieferung" for
    "wurde ausgeliefert"). The noun is another form of the claim's word, not the word itself:
    "ha evitato la crisi" says nothing against a claim about the crisis. A conflict."""
    preventing = PREVENTING_WORDS[language]
    if _negations(ctoks, language) or any(t.key in preventing for t in ctoks):
        return ()
    content = [t for t in ctoks if t.key not in stop]
    for ptoks, _ in _sentences(passage):
        pkeys = {t.key for t in ptoks}
        for i, t in enumerate(ptoks):
            if t.key not in preventing:
                continue
            noun = next((u for u in ptoks[i + 1:i + 4] if u.key not in stop), None)
            deed = next((c for c in content if noun is not None and c.key != noun.key
                         and c.key not in pkeys and _backs(c.key, noun.key, language)), None)
            if deed is None:
                continue
            rest = [c for c in content if c is not deed]
            if all(c.key in pkeys or any(_backs(c.key, k, language) for k in pkeys) for c in rest):
                return (Finding("predicate", deed.text, passage[t.start:noun.end],
                                Relation.CONFLICT),)
    return ()


def _name_runs(toks: Sequence[_Token], stop: frozenset[str]) -> tuple[list[str], list[str]]:
    """The content words of ``toks`` in order, each name (capitalised words inside the
    sentence, one run of them one name) as the one word "<name>"; with each one's text."""
    keys: list[str] = []
    texts: list[str] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.capitalised and not t.initial and t.key not in stop:
            j = i
            while j + 1 < len(toks) and toks[j + 1].capitalised and toks[j + 1].key not in stop:
                j += 1
            keys.append("<name>")
            texts.append(" ".join(x.text for x in toks[i:j + 1]))
            i = j + 1
            continue
        if t.key not in stop:
            keys.append(t.key)
            texts.append(t.text)
        i += 1
    return keys, texts


def _name_in_place(ctoks: Sequence[_Token], passage: str, language: str,
                   stop: frozenset[str]) -> tuple[Finding, ...]:
    """A claim too short for a copy ("Het vliegtuig landde in Amsterdam") whose every other
    content word a passage sentence has in order, with another name where the claim's one
    name stands ("landde in Brussel"): the name changed, a conflict. Not in German, which
    capitalises every noun."""
    if language == "de":
        return ()
    ckeys, ctexts = _name_runs(ctoks, stop)
    if ckeys.count("<name>") != 1 or len(ckeys) < 3:
        return ()
    mine = ctexts[ckeys.index("<name>")]
    if fold_diacritics(mine.lower()) in fold_diacritics(passage.lower()):
        return ()
    for ptoks, _ in _sentences(passage):
        pkeys, ptexts = _name_runs(ptoks, stop)
        sm = SequenceMatcher(None, ckeys, pkeys, autojunk=False)
        blocks = sm.get_matching_blocks()
        if sum(b.size for b in blocks) != len(ckeys):
            continue
        at = next(b.b + ckeys.index("<name>") - b.a for b in blocks
                  if b.a <= ckeys.index("<name>") < b.a + b.size)
        theirs = ptexts[at]
        if not same_name(mine, theirs):
            return (Finding("name", mine, theirs, Relation.CONFLICT),)
    return ()


def _date_given_otherwise(ctoks: Sequence[_Token], passage: str,
                          language: str) -> tuple[Finding, ...]:
    """The claim's month or weekday, where the passage names none of its forms but another
    of the same kind ("Der Gipfel findet im März statt" against "Der Gipfel wird im Mai in
    Brüssel stattfinden", which the model took for support). Unbacked, not a conflict: the
    other month may be another event's, as a reworded sentence cannot show."""
    ptoks = [t for t in _tokens(passage) if _calendar_word(t, language)]
    for table in (MONTHS[language], WEEKDAYS[language]):
        for tok in ctoks:
            other = _other_calendar_word(tok, ptoks, table, language)
            if other is not None:
                return (Finding("date", tok.text, other.text, Relation.UNBACKED),)
    return ()


def _other_calendar_word(tok: _Token, ptoks: Sequence[_Token], table: dict[str, int],
                         language: str) -> _Token | None:
    """A month (or weekday) of ``ptoks`` where the claim's ``tok`` is one and ``ptoks`` name it
    in no form ("Jänner" is "Januar")."""
    if tok.key not in table or not _calendar_word(tok, language):
        return None
    if any(table.get(t.key) == table[tok.key] for t in ptoks):
        return None
    return next((t for t in ptoks if t.key in table and _calendar_word(t, language)), None)


def _calendar_word(tok: _Token, language: str) -> bool:
    """Whether a word may be a month or weekday: French and Dutch write them in lowercase, so
    a capital there is a name ("Mars", the planet; "Mei" as a surname)."""
    return language == "de" or not tok.capitalised


def vote_side(toks: Sequence[_Token], language: str) -> tuple[int, _Token, int] | None:
    """The side a vote in the words takes (+1 for, -1 against), the word that says it and
    where the verb stands: the first side word within three words after a verb of voting
    (words.VOTE_SIDES)."""
    verbs, pro, con = VOTE_SIDES[language]
    for i, t in enumerate(toks):
        if t.key in verbs:
            side = next((u for u in toks[i + 1:i + 4] if u.key in pro or u.key in con), None)
            if side is not None:
                return (1 if side.key in pro else -1), side, i
    return None


def _other_vote_side(ctoks: Sequence[_Token], passage: str, language: str,
                     stop: frozenset[str]) -> Finding | None:
    """The claim's vote cast the other way in a passage sentence that shares most of the
    claim's other words: "votó en contra del proyecto" / "votó a favor del proyecto"."""
    mine = vote_side(ctoks, language)
    if mine is None:
        return None
    content = [t.key for t in ctoks if t.word and t.key not in stop and t is not mine[1]]
    voters = [t.key for t in ctoks[:mine[2]] if t.word and t.key not in stop]
    for ptoks, _ in _sentences(passage):
        theirs = vote_side(ptoks, language)
        if theirs is None or theirs[0] == mine[0] or _negations(ctoks, language) != _negations(
                ptoks, language):
            continue
        pkeys = {t.key for t in ptoks}
        shared = sum(k in pkeys for k in content)
        # the claim's voter named there ("Le député a voté pour" is another's vote)
        if content and all(k in pkeys for k in voters) and _shares_enough(shared, len(content)):
            return Finding("predicate", mine[1].text, theirs[1].text, Relation.CONFLICT)
    return None


def _opposite_in_sentence(ctoks: Sequence[_Token], passage: str, language: str,
                          stop: frozenset[str]) -> tuple[Finding, ...]:
    """A word of the claim whose opposite (and not the word itself) stands in a passage sentence
    that shares most of the claim's other content words, with the same polarity: the claim
    reworded around a reversed deed; likewise another weekday or month where the claim's is
    not. Only these lists are read this way; another noun or name in a reworded sentence may
    be a paraphrase."""
    opposites = _opposites(language)
    # "without" and "with" are read too ("sans accord" / "avec un accord"); no other function
    # word is ("stieg auf" / "stieg ab" only in a copy: "auf" is a preposition everywhere)
    content = {t.key: t for t in ctoks if t.word and (t.key not in stop or t.key in _WITH_WITHOUT)}
    if len(content) < 2:
        return ()
    for ptoks, _ in _sentences(passage):
        # with the parts of hyphenated words: "het kabinet-Schoof" holds "kabinet"
        pkeys = {t.key for t in ptoks} | {part for t in ptoks for part in t.key.split("-")}
        if _brings_another(list(pkeys), list(content), language):
            continue
        if _first_word(ctoks, stop) == _first_word(ptoks, stop):
            # a deed of several words on the claim's side ("keurde … goed" / "wees … af")
            told = _opposed_deeds([t.key for t in ctoks], [t.key for t in ptoks], language)
            if told is not None:
                mine, theirs = told
                rest = [k for k, t in content.items() if not any(ctoks[i] is t for i in mine)]
                shared = sum(k in pkeys for k in rest)
                if (_shares_enough(shared, len(rest))
                        and _negations(ctoks, language) == _negations(ptoks, language)):
                    return (Finding("predicate", " ".join(ctoks[i].text for i in sorted(mine)),
                                    " ".join(ptoks[i].text for i in sorted(theirs)),
                                    Relation.CONFLICT),)
        for key, tok in content.items():
            if key in pkeys or key in _QUALIFIERS:
                continue
            role, other = "predicate", next((t for t in ptoks if (key, t.key) in opposites
                                              or (t.key, key) in opposites
                                              or _unmade(key, t.key, language)
                                              or _compound_opposed(key, t.key, language)), None)
            if other is None and _first_word(ctoks, stop) == _first_word(ptoks, stop):
                # the deed table's opposites, in a sentence that opens with the claim's
                # subject ("Die Gewerkschaft hat den Streik … verlängert" is another actor's
                # deed beside "Die Bahn hat den Streik beendet")
                other = next((t for i, t in enumerate(ptoks) if t.key not in content
                              and _deed_opposed(key, t.key, language)
                              and not _in_attribution(ptoks, i, passage, language)), None)
                if other is None:
                    # a form of several words ("ging … door" for "afgeblazen")
                    at = _opposed_form(key, [t.key for t in ptoks], language)
                    if len(at) > 1 and not any(ptoks[i].key in content for i in at):
                        other = _Token(" ".join(ptoks[i].text for i in sorted(at)), "", False,
                                       ptoks[min(at)].start, ptoks[max(at)].end)
            for table in (MONTHS[language], WEEKDAYS[language]):
                if other is None:
                    # another day or month of the same kind, and the claim's nowhere in it
                    role, other = "date", _other_calendar_word(tok, ptoks, table, language)
            if other is None:
                continue
            rest = [k for k in content if k != key]
            shared = sum(k in pkeys for k in rest)
            # A short claim ("Die Arbeitslosigkeit ist gestiegen") shares all it has. The
            # opposite word may itself be one of refusal ("negou" / "concedeu"): it is the
            # conflict, not a negation of the claim's other words.
            refusing = int(any(ptoks[i] is other for i in _negating(ptoks, language)))
            if (_shares_enough(shared, len(rest))
                    and _negations(ctoks, language) == _negations(ptoks, language) - refusing):
                if key in stop:  # "ohne" / "mit": shown with the noun they govern
                    return (Finding(role, _up_to_content(ctoks, tok, stop),
                                    _up_to_content(ptoks, other, stop), Relation.CONFLICT),)
                return (Finding(role, tok.text, other.text, Relation.CONFLICT),)
    return ()


#: "Without" and "with" in each language, opposites though they are function words.
_WITH_WITHOUT = frozenset({"sans", "avec", "zonder", "met", "ohne", "mit", "sin", "con", "senza",
                           "sem", "com"})


def _up_to_content(toks: Sequence[_Token], tok: _Token, stop: frozenset[str]) -> str:
    """``tok`` with the words after it up to the first content word ("mit einer Einigung")."""
    at = next(i for i, t in enumerate(toks) if t is tok)
    end = next((j for j in range(at + 1, min(at + 4, len(toks))) if toks[j].key not in stop), at)
    return " ".join(t.text for t in toks[at:end + 1])


@lru_cache(maxsize=8)
def _stopwords(language: str) -> frozenset[str]:
    """Stopwords and negations as tokens are keyed: folded ("été" is "ete")."""
    return frozenset(fold_diacritics(w) for w in STOPWORDS[language] | NEGATION_WORDS[language])


def _opposed(a: str, b: str, language: str) -> bool:
    """Two words of ``language`` that say opposite things: the lists of words.py, or two deeds
    of the crossing's table whose English lemmas are opposites ("beendet" / "verlängert")."""
    opposites = _opposites(language)
    return (a, b) in opposites or (b, a) in opposites or _deed_opposed(a, b, language)


def _compound_opposed(a: str, b: str, language: str) -> bool:
    """Two compounds that differ in their last part only, those parts opposites ("40-jahres-hoch"
    / "40-jahres-tief", "rekordhoch" / "rekordtief"); the shared part three letters or more."""
    shared = 0
    for x, y in zip(a, b):
        if x != y:
            break
        shared += 1
    if shared < 3 or shared == len(a) or shared == len(b):
        return False
    rest_a, rest_b = a[shared:].lstrip("-"), b[shared:].lstrip("-")
    # back to the part's start: "hoch" / "tief" share no letter, "hausse" / "baisse" do
    return rest_a != rest_b and _opposed(rest_a, rest_b, language)


def _speaker_replaced(ctoks: Sequence[_Token], ptoks: Sequence[_Token],
                      span: tuple[int, int, int, int], language: str,
                      stop: frozenset[str]) -> Finding | None:
    """Another speaker after the copy's verb of saying ("aseguró el líder de la oposición" /
    "aseguró el ministro de Hacienda"): the words are someone else's. Unbacked: who said them
    is not confirmed, what was said may be (a name the passage gives otherwise is compared as
    a name elsewhere)."""
    i1, i2, j1, j2 = span
    speech = _speech_forms(language)
    # the verb of saying, then nothing but stopwords ("aseguró el"), then the change
    verb = next((k for k in range(i1 - 1, max(i1 - 4, -1), -1) if ctoks[k].key in speech), None)
    if verb is None or any(t.key not in stop for t in ctoks[verb + 1:i1]):
        return None
    # a speaker the passage puts in before the claim's own words ("aseguró el ministro de
    # Hacienda ..., en respuesta a una pregunta del líder de la oposición") is another one too
    mine = [t for t in ctoks[i1:i2 if i2 > i1 else i1 + 4] if t.key not in stop]
    theirs = [t for t in ptoks[j1:j2] if t.key not in stop][:3]
    if not mine or not theirs or {t.key for t in mine} & {t.key for t in theirs} \
            or all(t.capitalised for t in (*mine, *theirs)):
        return None
    if any(t.key in MONTHS[language] or t.key in WEEKDAYS[language] or _count(t, language)
           is not None for t in (*mine, *theirs)):
        return None  # "zei dinsdag" / "zei vrijdag": when, not who (the date checks read it)

    def written(toks: Sequence[_Token], words: list[_Token]) -> str:
        return " ".join(t.text for t in toks[toks.index(words[0]):toks.index(words[-1]) + 1])
    return Finding("speaker", written(ctoks, mine), written(ptoks, theirs), Relation.UNBACKED)


@lru_cache(maxsize=8)
def _speech_forms(language: str) -> frozenset[str]:
    return frozenset(fold_diacritics(w.split()[-1].lower()) for w in SPEECH_VERBS[language])


def _in_attribution(toks: Sequence[_Token], i: int, text: str, language: str) -> bool:
    """Whether the word at ``i`` (of ``text``) is the verb of an attribution set off by a comma
    ("La grève aura bien lieu, ont confirmé les syndicats"): it says who speaks, not what was
    done."""
    return toks[i].key in _speech_forms(language) and i > 0 \
        and "," in text[toks[max(0, i - 2)].start:toks[i].start]


def _first_word(toks: Sequence[_Token], stop: frozenset[str]) -> str | None:
    return next((t.key for t in toks if t.word and t.key not in stop), None)


def _brings_another(passage_keys: list[str], claim_keys: list[str], language: str) -> bool:
    from .crossing import brings_another

    return brings_another(passage_keys, language, claim_keys, language)


#: English lemmas of the deed table's rows that are themselves a refusal
_REJECTIONS = frozenset({"reject", "refuse", "deny", "veto", "decline"})


def _refusing_as_rejection(toks: Sequence[_Token], other: Sequence[_Token], language: str) -> int:
    """How many of ``toks``' refusal words stand for the rejection ``other`` tells with a word
    of the deed table that is no refusal word ("rifiutato" for "respinto")."""
    from .crossing import deed_rows

    refusals = sum(toks[i].key in REFUSAL_WORDS[language] for i in _negating(toks, language))
    if refusals and any(t.key not in REFUSAL_WORDS[language]
                        and any(row & _REJECTIONS for row in deed_rows(t.key, language))
                        for t in other):
        return refusals
    return 0


#: Prefixes that undo a verb: "desconvocó" / "convocó", "desautorizó", "disdetto", "démenti".
#: (Not German "ent-" nor Dutch "ont-": "entführt" is no undoing of "führt".)
_UNDOING_PREFIXES = {"es": ("des",), "pt": ("des",), "fr": ("des", "de"), "it": ("dis",)}


def _unmade(a: str, b: str, language: str) -> bool:
    """Whether one of two words is the other with a prefix that undoes it ("convoco" /
    "desconvoco"); words of five letters or more."""
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return len(short) >= 5 and any(long_ == p + short for p in _UNDOING_PREFIXES.get(language, ()))


def _opposed_deeds(claim_keys: list[str], passage_keys: list[str],
                   language: str) -> tuple[list[int], list[int]] | None:
    from .crossing import opposed_deeds  # the deed table; crossing reads tokens from here

    return opposed_deeds(claim_keys, passage_keys, language)


def _opposed_form(claim_key: str, passage_keys: list[str], language: str) -> list[int]:
    from .crossing import opposed_form  # the deed table; crossing reads tokens from here

    return opposed_form(claim_key, passage_keys, language)


def _deed_opposed(a: str, b: str, language: str) -> bool:
    from .crossing import deed_opposed  # the deed table; crossing reads tokens from here

    return deed_opposed(a, b, language)


@lru_cache(maxsize=8)
def _opposites(language: str) -> frozenset[tuple[str, str]]:
    forms = {(a, b) for left, right in OPPOSITE_FORMS.get(language, ())
             for a in left for b in right}
    return frozenset(OPPOSITE_WORDS[language]) | forms


#: A negation counts for the claim's deed when it stands this many words before one of the
#: claim's words in the passage sentence ("n'a pas signé", "heeft de belasting niet verhoogd")
#: or, German and Dutch putting it last in the clause, this many after ("erhöhte die Steuern
#: nicht.").
_NEGATION_BEFORE = 3
_NEGATION_AFTER = 2


def _polarity_in_sentence(ctoks: Sequence[_Token], passage: str, language: str,
                          stop: frozenset[str]) -> tuple[Finding, ...]:
    """A passage sentence that has every content word of a claim too short or too reworded to
    be a copy, with a negation or refusal at those words that the claim lacks, or without the
    claim's: "Le président n'a pas signé la loi" / "a refusé de signer la loi" against "Le
    président a signé la loi". A negation further from the claim's words is another clause's
    ("Le président, qui n'avait pas assisté au débat, a signé la loi")."""
    for ptoks, at, end in _sentences_with_words(ctoks, passage, language, stop):
        negations = _negating(ptoks, language)
        count = sum(any(j in at for j in range(i + 1, i + 1 + _NEGATION_BEFORE))
                    or (language != "fr" and _ends_clause(ptoks[i], passage, end)
                        and any(j in at for j in range(i - _NEGATION_AFTER, i)))
                    for i in negations)
        if count != _negations(ctoks, language):
            lo, hi = min(at | set(negations)), max(at | set(negations))
            if all(t.key in stop for t in ptoks[:lo]):
                lo = 0  # "Le président n'a pas …", not "président n'a pas …"
            return (Finding("polarity", " ".join(t.text for t in ctoks),
                            passage[ptoks[lo].start:ptoks[hi].end], Relation.CONFLICT),)
    return ()


def _sentences_with_words(
        ctoks: Sequence[_Token], passage: str, language: str,
        stop: frozenset[str]) -> Iterator[tuple[tuple[_Token, ...], set[int], int]]:
    """Each passage sentence that gives every content word of the claim (at least two), as its
    tokens, the positions of the claim's words in them, and the sentence's end."""
    skip = stop | REFUSAL_WORDS[language] | STANCE_WORDS[language].keys() | BACKGROUND_WORDS[language]
    content = [t.key for t in ctoks if t.key not in skip]
    if len(content) < 2:
        return
    for ptoks, end in _sentences(passage):
        matched = [next((i for i, t in enumerate(ptoks) if _backs(key, t.key, language)), None)
                   for key in content]
        if all(i is not None for i in matched):
            yield ptoks, set(matched), end


def _stance_in_sentence(ctoks: Sequence[_Token], passage: str, language: str,
                        stop: frozenset[str]) -> tuple[Finding, ...]:
    """A passage sentence that gives the claim's words under a stance the claim does not take:
    the journalistic conditional of an allegation ("L'homme aurait tué sa voisine", "De man zou
    zijn buurvrouw hebben gedood", "Der Mann soll seine Nachbarin getötet haben"), a plan
    ("envisage d'augmenter", "plant, … zu erhöhen") or a possibility, among or just before the
    claim's words. Such a sentence does not back the bare fact (unbacked, as in English)."""
    claimed = {_stance_of(t, language) for t in ctoks} - {None}
    claimed_future = any(_future_form(t.text, language) for t in ctoks)
    for ptoks, at, _ in _sentences_with_words(ctoks, passage, language, stop):
        lo, hi = min(at) - 2, max(at) + 2
        for i, t in enumerate(ptoks):
            stance = _stance_of(t, language)
            if lo <= i <= hi and stance is not None and stance not in claimed:
                return (Finding("stance", " ".join(c.text for c in ctoks),
                                f"{stance} (“{t.text}”)", Relation.UNBACKED),)
            if i in at and not claimed_future and _future_form(t.text, language):
                # "reabrirá" for "reabrió": the claim's deed in the future tense
                return (Finding("stance", " ".join(c.text for c in ctoks),
                                f"something yet to happen (“{t.text}”)", Relation.UNBACKED),)
    return ()


#: Stance words whose folded form is another word's: German "könnte" ("could") folds to
#: "konnte" ("was able to", which states the deed done).
_STANCE_FORMS = {"de": {**dict.fromkeys(("könnte", "könnten", "dürfte", "dürften"),
                                        "a possibility")}}


def _stance_of(tok: _Token, language: str) -> str | None:
    """The stance a word puts the statement under (:data:`STANCE_WORDS`), or None."""
    return STANCE_WORDS[language].get(tok.key) or _STANCE_FORMS.get(language, {}).get(
        tok.text.lower())


#: Endings of the future tense where an accent or a form of its own marks it: Spanish
#: "reabrirá", "firmarán"; Portuguese "assinará", "assinarão"; Italian "riaprirà", "firmeranno".
_FUTURE_ENDINGS = {"es": ("rá", "rán"), "pt": ("rá", "rão"), "it": ("rà", "ranno")}


def _future_form(word: str, language: str) -> bool:
    """Whether ``word`` is a verb in the future tense, read by its ending."""
    endings = _FUTURE_ENDINGS.get(language, ())
    word = word.lower()
    return (len(word) > 5 and word.endswith(endings)) or word in _FUTURE_OF_BE.get(language, ())


#: The future of "to be", short as it is ("será reabierto", "sarà riaperto").
_FUTURE_OF_BE = {"es": {"será", "serán"}, "pt": {"será", "serão"}, "it": {"sarà", "saranno"}}


def _ends_clause(tok: _Token, text: str, end: int) -> bool:
    """Whether punctuation or the sentence's end follows the word ("… die Steuern nicht.")."""
    rest = text[tok.end:end].lstrip()
    return not rest or rest[0] in ",.;:!?"


def _unbacked_word(ctoks: Sequence[_Token], passage: str, language: str,
                   stop: frozenset[str], replaced: dict[str, str] | None = None,
                   similar: Similarity | None = None) -> tuple[Finding, ...]:
    """The first word of the claim that the passage has in no form: not the word, not another
    inflection or derivation of it, not a compound holding it. The English cross-encoder
    cannot read a French, Dutch or German paraphrase ("a été relâché" for "placé en garde à
    vue", "abgesagt" for "findet wie geplant statt" were Supported), so a detail these
    languages' sources do not word is unbacked, not confirmed. Figures, months and weekdays
    are left to their own checks, and French and Dutch names (capitalised inside a sentence)
    to the name checks, which also read the source's title. ``replaced``: for a copied
    sentence, the passage words in place of each changed claim word, which ``similar`` may
    find a synonym of it."""
    from .crossing import deed_told_alike  # the deed table; crossing reads tokens from here

    ptoks = _tokens(passage)
    pkeys = {t.key for t in ptoks}
    pkeys |= {part for k in pkeys for part in k.split("-")}
    background = BACKGROUND_WORDS[language]
    told = deed_told_alike([t.key for t in ctoks], [t.key for t in ptoks], language)
    for i, tok in enumerate(ctoks):
        key = tok.key
        if i in told:
            continue  # the deed in another form of the word: "trad … af" / "is afgetreden"
        if (key in stop or key in background or len(key) < 3 or any(ch.isdigit() for ch in key)
                or key in MONTHS[language] or key in WEEKDAYS[language]
                or (language != "de" and tok.capitalised and not tok.initial)):
            continue
        if any(_backs(part, k, language) for part in key.split("-") for k in pkeys):
            continue
        number = NUMBER_WORDS_PLAIN[language].get(key)
        if number is not None and any(NUMBER_WORDS_PLAIN[language].get(k) == number
                                      or _value(k) == number for k in pkeys):
            continue  # "drei Tote" / "3 Tote"
        if key in PEOPLE_WORDS[language] and i > 0 and (
                (count := _count(ctoks[i - 1], language)) is not None
                and any(_count(t, language) == count for t in ptoks)):
            continue  # "trois personnes" / "trois morts": the people are the count
        other = (replaced or {}).get(key)
        if other and similar is not None and similar(tok.text, other) >= SYNONYM:
            continue
        return (Finding("word", tok.text, None, Relation.UNBACKED),)
    return ()


def _backs(claim_key: str, passage_key: str, language: str) -> bool:
    """Whether a passage word gives a claim word: the same word, another form of it (a long
    shared beginning: "signé" / "signer", "verhoogd" / "verhoging", "erhöht" / "Erhöhung"), or
    a compound that ends in it ("Arbeitslosigkeit" / "Jugendarbeitslosigkeit", with a first
    part of four letters or more, so that "wettig" is not backed by "onwettig"). German and
    Dutch split a verb from its particle ("findet … statt" / "stattfinden", "lehnt … ab" /
    "abgelehnt"): there the verb's stem inside the passage word backs it."""
    a, b = claim_key, passage_key
    if a == b:
        return True
    short = min(len(a), len(b))
    prefix = 0
    for x, y in zip(a, b):
        if x != y:
            break
        prefix += 1
    if prefix >= max(4, -(-3 * short // 5)):
        return True
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    if len(shorter) >= 4 and longer.endswith(shorter) and len(longer) - len(shorter) >= 4:
        return True
    if language in ("de", "nl") and len(a) >= 5:
        stem = a[2:] if a.startswith("ge") and len(a) > 7 else a
        stem = stem[:max(4, len(stem) - 3)]
        at = b.find(stem, 2)
        return at >= 2 and b[:at] not in _NEGATING_PREFIXES
    return False


#: Prefixes that turn a German or Dutch word into its opposite ("onwettig", "unwirksam").
_NEGATING_PREFIXES = frozenset({"on", "un", "non", "miss", "mis", "wan"})
