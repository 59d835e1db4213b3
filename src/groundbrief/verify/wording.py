"""A source sentence copied with a word changed (English).

Briefs often repeat a wire or a story sentence word for word and change one detail in it: the
maturity of a bill becomes its "session", "Raised" becomes "Lowered", "the Soviet Union" becomes
"Washington", "Monday" becomes "Wednesday". Such a claim shares nearly all its words with the
source, so a word-overlap score and a small cross-encoder both take it for the source's own
statement, and the clause-by-clause comparison (roles.py) sees the change only when the parse
puts the word in a role it compares.

This module lines the claim's words up with the passage sentence (or two adjacent sentences)
it copies most of, and looks at each short span where the two differ:

* a name of the same kind in place of another ("Washington" / "the Soviet Union"), a month or a
  weekday for another, or a word for its opposite ("later" / "earlier", "lowered" / "raised")
  is a **conflict**: the source says otherwise, and a reader can see it in that sentence;
* another noun or adjective that is not a synonym ("session" / "maturity", "coupon" / "deal")
  is **unbacked**: the source does not say it, and the claim cannot cite it;
* a verb for another verb that is not its opposite ("increased" / "rose"), figures, function
  words and spellings are left alone: verbs are paraphrased all the time, and figures, dates
  and names have their own checks.

Only a claim that copies most of one stretch of the passage is compared this way
(:data:`MIN_COPIED` of its words, in order); anything reworded more freely is left to the
clause comparison and the model.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, TypeVar

from .. import nlp
from .names import same_name
from .figures import extract_figures
from .parts import _HEDGE_ADVERBS, _NAME_TYPES, _lemma
from .findings import SYNONYM, Finding, Relation, Similarity
from .opposites import opposite
from .participants import compatible_types
from .surface import MONTHS, STOPWORDS, WEEKDAYS, spelling_key

if TYPE_CHECKING:  # spaCy is loaded with the parser, on first use: importing it pulls in torch
    from spacy.tokens import Token

__all__ = ["changed_words", "copied_window", "MIN_COPIED"]

W = TypeVar("W")  # a word token of either check

#: Share of the claim's words that must stand, in order, in one passage sentence (or two
#: adjacent ones) for the claim to count as a copy of it. One changed word in a sentence of
#: twelve leaves 0.92; a clause of a long sentence, which shares all its words, is a copy too.
MIN_COPIED = 0.75
#: Claims with fewer words are not compared this way: in "Prices rose sharply" a changed word
#: is a third of the claim, and nothing says the rest is a copy.
MIN_CLAIM_WORDS = 6
#: A differing span longer than this (in content words) is a rewording, not a changed detail.
MAX_SPAN = 3

_NAME_KINDS = {label: kind for label, kind in _NAME_TYPES.items() if label != "LANGUAGE"}
_FIGURE_ENTS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
_COMPARED_POS = frozenset({"NOUN", "ADJ", "PROPN"})


def _key(tok: Token) -> str:
    """What two tokens must share to line up: the lemma, wire abbreviations spelled out, in
    American spelling ("rose" and "rises", "dlrs" and "dollars", "organisation" and
    "organization" line up)."""
    return spelling_key(_lemma(tok))


def _content(tok: Token) -> bool:
    return not (tok.is_punct or tok.is_space or tok.lower_ in STOPWORDS or tok.text in ("'s", "’s"))


def _windows(doc) -> list[list[Token]]:
    sents = [[t for t in s if not t.is_space] for s in doc.sents]
    return sents + [a + b for a, b in zip(sents, sents[1:])]


def changed_words(claim: str, passage: str, similar: Similarity | None = None) -> tuple[Finding, ...]:
    """The details of ``claim`` changed from the passage sentence it copies (see module doc)."""
    cdoc = nlp.parse(claim)
    ctoks = [t for t in cdoc if not t.is_space]
    if sum(_content(t) for t in ctoks) < MIN_CLAIM_WORDS:
        return ()
    # A name of several words is one word of the copy: "Credit Suisse will lead manage the
    # issue" copied with "Standard Oil Co" is one name changed, not three words of six
    ctoks = _one_word_names(ctoks)
    windows = [_one_word_names(w) for w in _windows(nlp.parse(passage))]
    copy = copied_window([_name_key(t) for t in ctoks], windows, _name_key)
    if copy is None:
        return ()
    ptoks, sm = copy
    findings: list[Finding] = []
    ops = sm.get_opcodes()
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "insert":
            # Words of the copied stretch the claim leaves out: only a hedge counts ("he might
            # be persuaded" copied as "he be persuaded" is rare, "may continue" as "continue"
            # is not), and only a word or two between words both copies share: a longer
            # stretch, or one before the claim's first word or after its last (a closing full
            # stop matches any sentence's), is another clause the claim does not copy.
            inside = (any(_words(ctoks[a1:a2]) for t, a1, a2, _, _ in ops[:k] if t == "equal")
                      and any(_words(ctoks[a1:a2]) for t, a1, a2, _, _ in ops[k + 1:] if t == "equal"))
            finding = _dropped_hedge(ptoks[j1:j2]) if inside and len(_words(ptoks[j1:j2])) <= 2 else None
        elif tag == "replace":
            finding = _compare_span(ctoks[i1:i2], ptoks[j1:j2], similar)
        else:
            continue
        if finding is not None and finding not in findings:
            findings.append(finding)
    return tuple(findings)


def _one_word_names(toks: Sequence[Token]) -> list[Token]:
    """The tokens with each name of several words (a person, an organisation, a place) kept
    as one token, its first word after "the" (:func:`_name_head`); :func:`_entity` reads the
    whole name back from it."""
    out = []
    for t in toks:
        ent = _ent_of(t) if t.ent_type_ in _NAME_KINDS else None
        if ent is not None and _NAME_KINDS.get(ent.label_) and t.lower_ != "the" \
                and t.i != _name_head(ent).i:
            continue
        out.append(t)
    return out


def _name_head(ent) -> Token:
    """The token that stands for a name in a copy: its first word after "the"."""
    return next((t for t in ent if t.lower_ != "the"), ent[0])


def _name_key(tok: Token) -> str:
    """:func:`_key`, and for the token that stands for a name the whole name, so that "New
    York" and "New Jersey" do not line up as one word."""
    ent = _ent_of(tok) if tok.ent_type_ in _NAME_KINDS else None
    if ent is not None and _NAME_KINDS.get(ent.label_) and tok.i == _name_head(ent).i:
        words = [_key(t) for t in ent if not t.is_punct and t.lower_ != "the"]
        if len(words) > 1:
            return "name:" + " ".join(words)
    return _key(tok)


def copied_window(ckeys: Sequence[str], windows: Iterable[Sequence[W]],
                  key: Callable[[W], str]) -> tuple[Sequence[W], SequenceMatcher] | None:
    """The passage window (a sentence, or two adjacent ones) holding the largest share of the
    claim's word keys in order, with their alignment; None when no window holds MIN_COPIED of
    them. Shared with the word-list check of other languages (verify/wording_plain.py)."""
    best: tuple[float, Sequence[W], SequenceMatcher] | None = None
    for window in windows:
        sm = SequenceMatcher(None, ckeys, [key(t) for t in window], autojunk=False)
        share = sum(b.size for b in sm.get_matching_blocks()) / len(ckeys)
        if best is None or share > best[0]:
            best = (share, window, sm)
    if best is None or best[0] < MIN_COPIED:
        return None
    return best[1], best[2]


def _text(toks: Sequence[Token]) -> str:
    return "".join(t.text_with_ws for t in toks).strip()


def _entity(toks: Sequence[Token]) -> tuple[str, str] | None:
    """The one name the span is part of, whole ("Soviet Union" for "Soviet"), and its kind."""
    ents = {_ent_of(t) for t in toks}
    if None in ents or len(ents) != 1:
        return None
    ent = ents.pop()
    kind = _NAME_KINDS.get(ent.label_)
    return (ent.text, kind) if kind else None


# Parties are NORP names too, but a party and a place are two facts of one person, not one
# in place of the other: "Republican Senator Ted Cruz" / "Texas Senator Ted Cruz".
_PARTIES = frozenset({"republican", "republicans", "democrat", "democrats", "democratic",
                      "conservative", "conservatives", "labour", "labor", "liberal", "liberals",
                      "socialist", "socialists", "communist", "green", "greens", "tory", "tories",
                      "gop"})


def _party_and_place(a: tuple[str, str], b: tuple[str, str]) -> bool:
    kinds = {a[1], b[1]}
    party = next((x for x in (a, b) if x[1] == "NORP"), None)
    return kinds == {"NORP", "PLACE"} and party is not None and party[0].lower() in _PARTIES


def _ent_of(tok: Token):
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent
    return None


_HEDGE_MODALS = frozenset({"may", "might", "could"})
_INTENDING = frozenset({"plan", "intend", "aim", "hope", "seek", "expect", "propose", "consider",
                        "attempt", "try", "want", "mull"})


def _other_figure(c: Sequence[Token], p: Sequence[Token]) -> Finding | None:
    """One figure for another in the same place of a copied sentence: "up to 1000 mln dlrs"
    for "up to 500 mln", "less than 100 pct" for "less than 50 pct". The figure checks let a
    bound back any value it reaches; in a copy, the bound itself was changed. The same value
    written otherwise ("five" / "5"), or a claim's figure that allows the passage's ("over 300"
    for "310"), is no change; anything else is left to verify/figures.py."""
    cf, pf = extract_figures(_text(c)), extract_figures(_text(p))
    if (len(cf) != 1 or len(pf) != 1 or cf[0].same_value(pf[0]) or cf[0].allows(pf[0])
            or pf[0].allows(cf[0])):
        return None  # "310" for "over 300" is a detail the source does not give, no conflict
    if cf[0].unit != pf[0].unit:
        return None  # another unit: the figure checks compare kinds
    return Finding(f"figure:{cf[0].kind.value}", cf[0].text, pf[0].text, Relation.CONFLICT)


def _calendar(toks: Sequence[Token]) -> str | None:
    words = [t.lower_.removeprefix("mid-").strip(".") for t in toks if _content(t)]
    if len(words) == 1 and (words[0] in MONTHS or words[0] in WEEKDAYS) and words[0] != "may":
        return words[0]
    return None


def _opposites(c: Sequence[Token], p: Sequence[Token]) -> bool:
    """One word against its opposite, whatever its part of speech and even where it is a
    function word ("more than" / "fewer than", "before" / "after", "Raised" / "Lowered" opening
    a sentence, which the tagger may take for a name)."""
    cw = [t for t in c if not (t.is_punct or t.is_space)]
    pw = [t for t in p if not (t.is_punct or t.is_space)]
    if len(cw) != 1 or len(pw) != 1:
        return False
    a, b = cw[0], pw[0]
    # One word of a copy replaced: a noun's opposite changes the copy's meaning as much as a
    # verb's ("at night" for "by day").
    return any(opposite(x, y, nouns=True) for x in _forms(a) for y in _forms(b))


def _forms(tok: Token) -> set[str]:
    """The word's lemma and, for a capitalised word the tagger took for a name ("Raised were
    the unit's bonds"), the base forms its ending suggests."""
    word = tok.lower_
    forms = {tok.lemma_.lower(), word}
    for suffix, repl in (("ied", "y"), ("ed", ""), ("d", ""), ("ing", ""), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            forms.add(word[: -len(suffix)] + repl)
    return forms


def _hedges(toks: Sequence[Token]) -> list[Token]:
    """The words that make a statement a possibility or an intention: "may", "might", "could",
    "reportedly", "expects to", "plans to". Not "would" (reported speech's future), nor the
    planning verbs that also mean doing ("agreed", "set", "offered")."""
    return [t for t in toks if t.lower_ in _HEDGE_MODALS or t.lower_ in _HEDGE_ADVERBS
            or (t.lemma_.lower() in _INTENDING and t.pos_ in ("VERB", "AUX"))]


def _words(toks: Sequence[Token]) -> list[Token]:
    return [t for t in toks if not (t.is_punct or t.is_space)]


def _dropped_hedge(p: Sequence[Token]) -> Finding | None:
    hedge = _hedges(p)
    return Finding("hedge", "", _text(p), Relation.UNBACKED) if hedge else None


def _compare_span(c: Sequence[Token], p: Sequence[Token], similar: Similarity | None) -> Finding | None:
    if _opposites(c, p):
        return Finding("predicate", _text(c), _text(p), Relation.CONFLICT)
    if _hedges(p) and not _hedges(c):
        # "might be persuaded" copied as "will be persuaded", "expects to report" as "will
        # report": the source says it may happen or is planned, the claim that it will.
        return Finding("hedge", _text(c), _text(p), Relation.UNBACKED)
    # a name's word is content whatever it is alone ("New" of "New York" is a stopword)
    cw = [t for t in c if _content(t) or (t.ent_type_ in _NAME_KINDS and t.is_alpha)]
    pw = [t for t in p if _content(t) or (t.ent_type_ in _NAME_KINDS and t.is_alpha)]
    if not cw or not pw or len(cw) > MAX_SPAN or len(pw) > MAX_SPAN:
        return None
    if any(t.like_num or t.ent_type_ in _FIGURE_ENTS or any(ch.isdigit() for ch in t.text)
           for t in (*cw, *pw)):
        return _other_figure(c, p)
    cday, pday = _calendar(cw), _calendar(pw)
    if cday and pday:
        return Finding("date", _text(c), _text(p), Relation.CONFLICT) if cday != pday else None
    if cday or pday or any(t.ent_type_ in ("DATE", "TIME") for t in (*cw, *pw)):
        return None  # a date written another way: verify/dates.py
    cname, pname = _entity(cw), _entity(pw)
    if cname and pname:
        if same_name(cname[0], pname[0]):
            return None
        if compatible_types(cname[1], pname[1]) and not _party_and_place(cname, pname):
            # Another name of the same kind where the source has this one: "Washington" for
            # "the Soviet Union", "the Treasury announced" for "the CBT announced".
            return Finding("name", cname[0], pname[0], Relation.CONFLICT)
        return None
    if cname or pname or any(t.pos_ == "PROPN" for t in (*cw, *pw)):
        return None  # a title against a name ("President" / "Donald"): the name checks judge
    if len(cw) == 1 and len(pw) == 1:
        a, b = cw[0], pw[0]
        if a.pos_ not in _COMPARED_POS or b.pos_ not in _COMPARED_POS:
            return None  # another verb or adverb: paraphrase is common; the model judges
        if similar is not None and similar(a.lemma_, b.lemma_) >= SYNONYM:
            return None  # "firm" / "company", "shares" / "stock"
        return Finding("word", a.text, b.text, Relation.UNBACKED)
    if any(t.pos_ not in _COMPARED_POS for t in (*cw, *pw)):
        return None
    if similar is not None and similar(_text(cw), _text(pw)) >= SYNONYM:
        return None
    return Finding("word", _text(cw), _text(pw), Relation.UNBACKED)
