"""Claim/passage pairs with one controlled change each, built from news sentences (FactCC recipe).

Every pair's premise is a passage as groundbrief's chunker cuts it (one to three sentences of a
news article) and its hypothesis is a claim written from one sentence of that passage:

* **positives** (expected ``supported``): the sentence itself (``sentence``), one main clause of
  it with its own subject and verb (``clause``), two sentences of the passage joined
  (``joined``), the article's headline against its opening passage (``headline``, Wikinews only:
  Reuters-21578 titles are in capitals and are terse wire slugs, not claims);
* **negatives**, one change each, the change type kept as a label: ``entity``, ``figure``,
  ``date``, ``direction``, ``negation``, ``object``, ``speaker`` (expected ``refuted``: the
  passage fills that part with another value) and ``hedge``, ``modality`` (expected
  ``not_enough_evidence``: an allegation or a plan neither supports nor refutes the bare fact);
* made in their own modules and added by :func:`news_pairs`: ``paraphrase`` and
  ``reworded_figure`` (:mod:`.paraphrase`), ``unsupported`` (:mod:`.unsupported`: a sentence of
  the same article that the passage does not hold, expected ``not_enough_evidence``).

What to change is found with :func:`groundbrief.nlp.parse_many` (spaCy NER, dependency parse,
lemmas). A change is skipped when it might not change the meaning: the new value already
appears in the premise, a number is part of a name ("B-17", "COVID-19", "Boeing 737"), or the
replacement shares a word with the value it replaces ("Smith" for "John Smith").

Pairs are split by article (``splits.part("news_changes", "<corpus>:<article id>")``), and an
eval pair whose sentences also occur in a train article (Reuters-21578 repeats stories under new
ids) is dropped, so no sentence sits on both sides. Everything is seeded per article: the same
seed and corpus give the same pairs in any order or process.

    from groundbrief.evaluation.changes import generate, load_wikinews
    pairs = generate(load_wikinews(path), seed=13)
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ..index.chunk import SentenceWindowChunker
from ..models import Source
from ..text import clean, clean_line, sentence_spans
from ..words import NUMBER_WORDS_EN
from .splits import Part, part

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

DATASET = "news_changes"

Expected = Literal["supported", "refuted", "not_enough_evidence"]
#: "paraphrase" and "reworded_figure" pairs are made by .paraphrase (the same fact in other words,
#: and the same rewording with one figure changed).
POSITIVE_TYPES = ("sentence", "clause", "joined", "headline", "paraphrase")
REFUTING_TYPES = ("entity", "figure", "date", "direction", "negation", "object", "speaker", "reworded_figure")
UNSETTLED_TYPES = ("hedge", "modality", "unsupported")
CHANGE_TYPES = POSITIVE_TYPES + REFUTING_TYPES + UNSETTLED_TYPES
NEGATIVE_TYPES = REFUTING_TYPES + UNSETTLED_TYPES


def expected_for(change: str) -> Expected:
    if change in POSITIVE_TYPES:
        return "supported"
    if change in REFUTING_TYPES:
        return "refuted"
    if change in UNSETTLED_TYPES:
        return "not_enough_evidence"
    raise ValueError(f"unknown change type {change!r}")


@dataclass(frozen=True)
class ChangePair:
    """One premise (passage) / hypothesis (claim) pair and the change that made it."""

    premise: str
    hypothesis: str
    expected: Expected
    change: str  # one of CHANGE_TYPES
    article_id: str
    corpus: str  # "reuters" | "wikinews" | any name given to load_jsonl_articles
    part: Part
    original: str  # the unchanged sentence(s) the claim was written from
    detail: str = ""  # what changed, e.g. "PERSON: Hunt -> Gove" or "figure:age 95 -> 89"
    language: str = "en"  # of claim and passage (evaluation/changes_plain.py makes German pairs)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, line: str) -> ChangePair:
        return cls(**json.loads(line))


@dataclass(frozen=True)
class Article:
    corpus: str
    id: str
    text: str
    title: str | None = None  # a headline usable as a claim, else None

    @property
    def key(self) -> str:
        return f"{self.corpus}:{self.id}"


# ---------------------------------------------------------------- corpora


def load_reuters(path: Path) -> Iterator[Article]:
    """Reuters-21578 bodies (``newid``, ``body``); titles are capitals-only slugs, not used."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            body = d.get("body") or ""
            if len(body) < 200:
                continue
            # Wire copy marks paragraphs by an indent on a new line, not by a blank line.
            body = re.sub(r"\n[ \t]+", "\n\n", body)
            body = re.sub(r"\s*Reuter\s*\Z", "", body)  # the sign-off every story ends with
            yield Article("reuters", str(d["newid"]), clean(body))


def load_wikinews(path: Path, corpus: str = "wikinews") -> Iterator[Article]:
    """Wikinews articles (``id``, ``title``, ``text``) of the corpus file (CC BY 2.5)."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d.get("language", "en") != "en" or not d.get("text"):
                continue
            yield Article(corpus, str(d["id"]), clean(d["text"]), clean_line(d.get("title") or "") or None)


# ---------------------------------------------------------------- word lists

SPEECH_LEMMAS = frozenset({
    "say", "tell", "announce", "state", "add", "report", "declare", "confirm", "note", "explain",
    "comment", "testify", "write", "warn", "insist", "predict", "argue", "estimate", "forecast",
})
ALLEGATION_LEMMAS = frozenset({"allege", "claim", "accuse", "suspect", "rumor", "rumour"})
HEDGE_ADVERBS = frozenset({"allegedly", "reportedly", "purportedly", "reputedly", "supposedly", "apparently"})
PLAN_LEMMAS = frozenset({"intend", "plan", "hope", "aim", "expect", "want", "seek", "propose", "consider",
                         "try", "attempt", "threaten", "vow", "promise", "pledge", "wish"})
SOFT_MODALS = frozenset({"may", "might", "could"})

# Surface forms, so no inflection is needed; each maps to a word of the opposite direction.
_ANTONYM_PAIRS = [
    ("rose", "fell"), ("rise", "fall"), ("rises", "falls"), ("rising", "falling"), ("risen", "fallen"),
    ("increased", "decreased"), ("increase", "decrease"), ("increases", "decreases"),
    ("increasing", "decreasing"), ("gained", "lost"), ("gains", "losses"), ("climbed", "dropped"),
    ("won", "lost"), ("win", "lose"), ("wins", "loses"), ("winning", "losing"),
    ("higher", "lower"), ("highest", "lowest"), ("above", "below"), ("more", "fewer"),
    ("lawful", "unlawful"), ("legal", "illegal"), ("profit", "loss"), ("profits", "losses"),
    ("surplus", "deficit"), ("approved", "rejected"), ("accepted", "rejected"), ("backed", "opposed"),
    ("supported", "opposed"), ("supports", "opposes"), ("support", "oppose"),
    ("arrested", "released"), ("bought", "sold"), ("buy", "sell"), ("buys", "sells"), ("buying", "selling"),
    ("opened", "closed"), ("raised", "lowered"), ("raise", "lower"), ("expanded", "contracted"),
    ("improved", "worsened"), ("strengthened", "weakened"), ("strong", "weak"), ("stronger", "weaker"),
    ("larger", "smaller"), ("largest", "smallest"), ("best", "worst"), ("before", "after"),
    ("advanced", "declined"), ("acquitted", "convicted"), ("agreed", "refused"),
    ("allowed", "banned"), ("allow", "ban"), ("ended", "began"), ("imported", "exported"),
    ("imports", "exports"), ("exports", "imports"), ("import", "export"), ("export", "import"),
    ("maximum", "minimum"), ("early", "late"), ("earlier", "later"), ("positive", "negative"),
    ("majority", "minority"), ("guilty", "innocent"), ("survived", "died"), ("lifted", "imposed"),
    ("cut", "raised"), ("boosted", "reduced"), ("reduced", "increased"), ("lowered", "raised"),
    ("fell", "rose"), ("dropped", "rose"), ("declined", "rose"), ("lost", "won"), ("rejected", "accepted"),
    ("opposed", "backed"), ("sold", "bought"), ("closed", "opened"), ("lower", "higher"),
    ("decreased", "increased"), ("fall", "rise"), ("falls", "rises"), ("falling", "rising"),
    ("losses", "profits"), ("loss", "profit"), ("deficit", "surplus"), ("illegal", "legal"),
    ("unlawful", "lawful"), ("below", "above"), ("weak", "strong"), ("weaker", "stronger"),
    ("smaller", "larger"), ("lowest", "highest"), ("convicted", "acquitted"), ("refused", "agreed"),
    ("banned", "allowed"), ("released", "arrested"), ("fewer", "more"), ("less", "more"),
]
ANTONYMS: dict[str, str] = {}
for _a, _b in _ANTONYM_PAIRS:
    ANTONYMS.setdefault(_a, _b)
# Words of a direction that are also common in other senses: only flipped in the role given.
_ANTONYM_POS = {"before": {"ADP", "SCONJ"},
                "after": {"ADP", "SCONJ"}, "more": {"ADJ"}, "less": {"ADJ"}, "cut": {"VERB"},
                "early": {"ADJ"}, "late": {"ADJ"}, "fall": {"VERB"}, "rise": {"VERB"}}

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
# Heads of a figure that count people (the "people" figure type).
PEOPLE_NOUNS = frozenset({"people", "person", "persons", "worker", "workers", "employee", "employees",
                          "soldier", "soldiers", "passenger", "passengers", "member", "members",
                          "voter", "voters", "student", "students", "child", "children", "man", "men",
                          "woman", "women", "resident", "residents", "victim", "victims", "dead",
                          "killed", "injured", "wounded", "player", "players", "civilian", "civilians"})

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
FIGURE_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})

_IRREGULAR_PAST = {
    "be": "was", "have": "had", "do": "did", "go": "went", "make": "made", "take": "took", "give": "gave",
    "get": "got", "sell": "sold", "buy": "bought", "pay": "paid", "say": "said", "tell": "told",
    "leave": "left", "win": "won", "lose": "lost", "meet": "met", "keep": "kept", "hold": "held",
    "bring": "brought", "run": "ran", "come": "came", "see": "saw", "find": "found", "build": "built",
    "send": "sent", "spend": "spent", "cut": "cut", "put": "put", "set": "set", "hit": "hit",
    "let": "let", "shut": "shut", "quit": "quit", "steal": "stole", "fight": "fought", "seek": "sought",
    "write": "wrote", "begin": "began", "know": "knew", "become": "became", "lead": "led",
    "rise": "rose", "fall": "fell", "grow": "grew", "break": "broke", "choose": "chose", "drive": "drove",
    "speak": "spoke", "stand": "stood", "throw": "threw", "shoot": "shot", "flee": "fled",
    "hide": "hid", "forget": "forgot", "lend": "lent", "strike": "struck", "swear": "swore",
}


def past_tense(lemma: str) -> str:
    """Simple past of an English verb lemma (a table of irregular verbs, else spelling rules)."""
    low = lemma.lower()
    if low in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[low]
    if low.endswith("e"):
        return low + "d"
    if re.search(r"[^aeiou]y$", low):
        return low[:-1] + "ied"
    if re.search(r"(?:^|[^aeiou])[aeiou][bdgmnpt]$", low) and len(low) <= 4:
        return low + low[-1] + "ed"  # stop -> stopped; short words only ("visit" -> "visited")
    return low + "ed"


# ---------------------------------------------------------------- helpers


@dataclass
class _Sentence:
    text: str
    passage: str
    passage_index: int
    doc: Doc | None = None


@dataclass
class _ArticleView:
    article: Article
    passages: list[str]
    sentences: list[_Sentence]
    entities: dict[str, list[str]] = field(default_factory=dict)  # label -> distinct texts
    nouns: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # tag -> (form, lemma)


def _present(value: str, text: str) -> bool:
    """``value`` occurs in ``text`` as whole words, ignoring case."""
    return re.search(r"(?<!\w)" + re.escape(value) + r"(?!\w)", text, re.IGNORECASE) is not None


def _words(text: str) -> set[str]:
    """Words folded for comparison: case and diacritics ("Brudziński" = "Brudzinski")."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return {w.lower() for w in re.findall(r"\w+", folded)}


def _in_quote(sentence: str, start: int) -> bool:
    """Whether position ``start`` lies inside a quotation (changing a quote misquotes)."""
    before = sentence[:start]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _replace(sentence: str, start: int, end: int, new: str) -> str:
    return sentence[:start] + new + sentence[end:]


def _match_case(old: str, new: str) -> str:
    if old[:1].isupper() and new[:1].islower():
        return new[:1].upper() + new[1:]
    return new


def _good_sentence(text: str) -> bool:
    if not (40 <= len(text) <= 320) or not text[0].isupper() or text[-1] not in ".!":
        return False
    if text.count('"') % 2 or text.count("“") != text.count("”"):
        return False  # a quote cut across sentences
    letters = sum(c.isalpha() for c in text)
    if letters < 0.6 * len(text):  # tables and figure lists of wire copy
        return False
    upper = sum(c.isupper() for c in text)
    return upper < 0.3 * letters


def _view(article: Article, chunker: SentenceWindowChunker) -> _ArticleView:
    source = Source(id=article.key, title=article.title or article.id, text=article.text)
    passages = [p.text for p in chunker.chunk(source)]
    sents: list[_Sentence] = []
    for i, ptext in enumerate(passages):
        for s, e in sentence_spans(ptext):
            sents.append(_Sentence(ptext[s:e], ptext, i))
    return _ArticleView(article, passages, sents)


def article_views(articles: Iterable[Article], parts: Sequence[Part]) -> Iterator[tuple[Article, Part, _ArticleView]]:
    """Each article of ``parts`` with its part and its passages and sentences as the chunker
    cuts them (the pair makers outside this module start from these)."""
    chunker = SentenceWindowChunker()
    for art in articles:
        pt = part(DATASET, art.key)
        if pt in parts:
            yield art, pt, _view(art, chunker)


def _fill_pools(view: _ArticleView) -> None:
    labels: dict[str, Counter[str]] = {}
    nouns: dict[str, dict[str, str]] = {}
    for s in view.sentences:
        if s.doc is None:
            continue
        for ent in s.doc.ents:
            if ent.label_ in ENTITY_LABELS:
                name = _entity_text(ent)
                if name[:1].isupper():
                    labels.setdefault(name, Counter())[ent.label_] += 1
        for tok in s.doc:
            if tok.pos_ == "NOUN" and tok.tag_ in ("NN", "NNS") and tok.is_alpha and len(tok) > 3 \
                    and tok.text.islower() and tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass"):
                nouns.setdefault(tok.tag_, {})[tok.text] = tok.lemma_
    # a name's type is the one spaCy gives it most often in the article (one-off NER slips such as
    # "Borneo" read as a PERSON do not make it a person)
    ents: dict[str, list[str]] = {}
    for name, counts in labels.items():
        ents.setdefault(counts.most_common(1)[0][0], []).append(name)
    view.entities = ents
    view.nouns = {k: list(v.items()) for k, v in nouns.items()}


def _entity_text(ent: Span) -> str:
    """The entity without a leading "the" or a trailing possessive."""
    toks = list(ent)
    while toks and toks[0].lower_ == "the":
        toks = toks[1:]
    while toks and toks[-1].tag_ == "POS":
        toks = toks[:-1]
    if not toks:
        return ""
    return ent.doc.text[toks[0].idx: toks[-1].idx + len(toks[-1].text)]


def _entity_span(ent: Span) -> tuple[int, int] | None:
    text = _entity_text(ent)
    if not text:
        return None
    start = ent.doc.text.index(text, ent.start_char)
    return start, start + len(text)


def _swap_candidates(view: _ArticleView, label: str, old: str, premise: str) -> list[str]:
    """Other names of the same type from the article that the premise does not hold and that
    share no word with the old name (so "Smith" never replaces "John Smith")."""
    old_words = _words(old)
    return [c for c in view.entities.get(label, ()) if c != old and not (_words(c) & old_words)
            and not _present(c, premise) and len(c) > 1
            # a misspelling of the same name ("Paradyine" for "Paradyne Corp")
            and SequenceMatcher(None, c.lower(), old.lower()).ratio() < 0.7]


# ---------------------------------------------------------------- positive pairs


def _clauses(doc: Doc) -> list[str]:
    """Main clauses of a sentence that stand on their own: "A rose and B fell" -> "A rose.",
    "B fell."; "A rose after B fell" -> "A rose." (a condition, "if B fell", is never dropped)."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return []
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
        return []
    out = []
    drop: list[Token] = []
    for child in root.children:
        has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and has_subject:
            out.append(_tokens_text(list(child.subtree)))
            drop.append(child)
        elif child.dep_ == "advcl" and has_subject and any(
                c.dep_ == "mark" and c.lower_ in ("after", "when", "as", "while", "because", "since",
                                                  "although", "though", "before") for c in child.children):
            drop.append(child)
    if not drop:
        return []
    gone = {t.i for d in drop for t in d.subtree}
    # the "and" / "but" that joined a dropped conjunct, and commas left dangling
    gone |= {c.i for c in root.children if c.dep_ == "cc" and any(d.i > c.i for d in drop if d.dep_ == "conj")}
    main = [t for t in doc if t.i not in gone]
    out.insert(0, _tokens_text(main))
    return [c for c in out if len(c.split()) >= 4]


def _tokens_text(tokens: list[Token]) -> str:
    text = "".join(t.text_with_ws for t in tokens).strip()
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    text = re.sub(r"(,\s*)+([.;:]|$)", r"\2", text).strip(" ,;:-")
    text = re.sub(r",\s*,", ",", text)
    if not text:
        return ""
    if text[-1] not in ".!?":
        text += "."
    return text[0].upper() + text[1:]


def _joined(first: _Sentence, second: _Sentence) -> str:
    a = first.text.rstrip(".! ")
    b = second.text
    if second.doc is not None and second.doc[0].pos_ not in ("PROPN",) and second.doc[0].text != "I" \
            and not second.doc[0].text.isupper():
        b = b[0].lower() + b[1:]
    return f"{a}, and {b}"


# ---------------------------------------------------------------- negative changes
# Each returns (hypothesis, detail) or None; ``rng`` picks among valid changes.


def change_entity(s: _Sentence, view: _ArticleView, rng: random.Random) -> tuple[str, str] | None:
    options = []
    for ent in s.doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        if ent.label_ in ("PERSON", "ORG") and _is_speaker(ent):
            continue  # speaker swaps are their own change type
        span = _entity_span(ent)
        if span is None:
            continue
        old = s.text[span[0]:span[1]]
        for new in _swap_candidates(view, ent.label_, old, s.passage):
            options.append((span, old, new, ent.label_))
    if not options:
        return None
    (a, b), old, new, label = rng.choice(options)
    return _replace(s.text, a, b, new), f"{label}: {old} -> {new}"


def _is_speaker(ent: Span) -> bool:
    head = ent.root
    return head.dep_ in ("nsubj",) and head.head.lemma_ in SPEECH_LEMMAS or (
        head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lower_ == "according")


_NUMBER = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


def _figure_type(tok: Token, ent_label: str | None) -> str:
    nxt = tok.doc[tok.i + 1: tok.i + 4]
    after = " ".join(t.lower_ for t in nxt)
    before = " ".join(t.lower_ for t in tok.doc[max(0, tok.i - 2): tok.i])
    if ent_label == "PERCENT" or after.startswith(("pct", "percent", "per cent", "%")):
        return "percent"
    if ent_label == "MONEY" or "dlrs" in after or "$" in before or "dollars" in after:
        return "money"
    if "aged" in before or "age" in before.split() or after.startswith(("-year-old", "years old", "year-old")):
        return "age"
    if tok.head.lower_ in PEOPLE_NOUNS or any(t.lower_ in PEOPLE_NOUNS for t in nxt[:2]):
        return "people"
    return "count"


def _new_number(old: str, rng: random.Random) -> str | None:
    plain = old.replace(",", "")
    try:
        value = float(plain)
    except ValueError:
        return None
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    if value == 0:
        return None
    # A clear change, not a rounding: between a third lower and double, never within 10 %.
    factor = rng.choice((0.5, 0.6, 0.7, 1.3, 1.5, 2.0))
    new = value * factor
    if decimals == 0:
        new_int = int(round(new))
        if new_int == int(value):
            new_int = int(value) + rng.choice((2, 3, 4))
        text = f"{new_int:,}" if "," in old else str(new_int)
    else:
        text = f"{new:,.{decimals}f}" if "," in old else f"{new:.{decimals}f}"
    return text if text != old else None


def change_figure(s: _Sentence, view: _ArticleView, rng: random.Random) -> tuple[str, str] | None:
    doc = s.doc
    ent_of = {t.i: ent.label_ for ent in doc.ents for t in ent}
    options = []
    for tok in doc:
        label = ent_of.get(tok.i)
        if label is not None and label not in FIGURE_LABELS:
            continue  # part of a date, a name, an ordinal ...
        is_digits = bool(_NUMBER.match(tok.text))
        is_word = tok.lower_ in NUMBER_WORDS
        if not (is_digits or is_word) or tok.like_num is False:
            continue
        if is_digits and re.fullmatch(r"(1[89]|20)\d\d", tok.text):
            continue  # a year: a date change, not a figure
        prev = doc[tok.i - 1] if tok.i else None
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        # Numbers inside names: "B-17", "COVID-19", "Boeing 737", "Flight 370"
        if prev is not None and (prev.text == "-" or (prev.pos_ == "PROPN" and not prev.whitespace_ == ""
                                                       and label is None and prev.ent_type_ not in ("", "MONEY"))):
            continue
        if prev is not None and prev.pos_ == "PROPN" and prev.ent_type_ in ENTITY_LABELS:
            continue
        if nxt is not None and nxt.text == "-" :
            continue
        if is_word:
            pool = [w for w in NUMBER_WORDS if w != tok.lower_]
            new = rng.choice(pool)
        else:
            new = _new_number(tok.text, rng)
        if new is None or _present(new, s.passage):
            continue
        options.append((tok, _match_case(tok.text, new), _figure_type(tok, label)))
    if not options:
        return None
    tok, new, kind = rng.choice(options)
    return _replace(s.text, tok.idx, tok.idx + len(tok.text), new), f"figure:{kind} {tok.text} -> {new}"


def change_date(s: _Sentence, view: _ArticleView, rng: random.Random) -> tuple[str, str] | None:
    doc = s.doc
    options = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        for tok in ent:
            new = None
            kind = ""
            if tok.text in MONTHS:
                new, kind = rng.choice([m for m in MONTHS if m != tok.text]), "month"
            elif tok.text in WEEKDAYS:
                new, kind = rng.choice([d for d in WEEKDAYS if d != tok.text]), "weekday"
            elif re.fullmatch(r"(19|20)\d\d", tok.text):
                new, kind = str(int(tok.text) + rng.choice((-3, -2, -1, 1, 2, 3))), "year"
            elif re.fullmatch(r"\d{1,2}", tok.text) and 1 <= int(tok.text) <= 28 and any(
                    t.text in MONTHS or t.text.rstrip(".") in {m[:3] for m in MONTHS} for t in ent):
                new, kind = str(rng.choice([d for d in range(1, 29) if abs(d - int(tok.text)) >= 2])), "day"
            if new is None or _present(new, s.passage):
                continue
            options.append((tok, new, kind))
    if not options:
        return None
    tok, new, kind = rng.choice(options)
    return _replace(s.text, tok.idx, tok.idx + len(tok.text), new), f"date:{kind} {tok.text} -> {new}"


def change_direction(s: _Sentence, view: _ArticleView, rng: random.Random) -> tuple[str, str] | None:
    options = []
    for tok in s.doc:
        new = ANTONYMS.get(tok.lower_)
        if new is None:
            continue
        allowed = _ANTONYM_POS.get(tok.lower_)
        if allowed is not None and tok.pos_ not in allowed:
            continue
        if tok.lower_ in ("rose", "fell", "won", "lost", "cut") and tok.pos_ not in ("VERB", "AUX"):
            continue
        if _present(new, s.passage):
            continue  # "rose ... while X fell": the flipped word is already there for another role
        options.append((tok, _match_case(tok.text, new)))
    if not options:
        return None
    tok, new = rng.choice(options)
    return _replace(s.text, tok.idx, tok.idx + len(tok.text), new), f"{tok.text} -> {new}"


_AUX_NOT = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should",
            "may", "might", "must", "did", "does", "do"}


def change_negation(s: _Sentence, view: _ArticleView, rng: random.Random) -> tuple[str, str] | None:
    doc = s.doc
    # remove an existing negation of a verb
    for tok in doc:
        if tok.dep_ == "neg" and tok.lower_ in ("not", "n't", "never"):
            head = doc[tok.i - 1] if tok.i else None
            if tok.lower_ == "n't" and head is not None:
                stem = {"wo": "will", "ca": "can", "sha": "shall"}.get(head.lower_, head.text)
                start, end = head.idx, tok.idx + len(tok.text)
                return _replace(s.text, start, end, _match_case(head.text, stem)), f"removed: {head.text}{tok.text}"
            if tok.lower_ == "not" and tok.text.lower() == "not" and head is not None and head.lower_ == "can":
                return _replace(s.text, head.idx, tok.idx + len(tok.text), head.text), "removed: can not"
            start = tok.idx
            end = tok.idx + len(tok.text)
            while end < len(s.text) and s.text[end] == " ":
                end += 1
            return _replace(s.text, start, end, ""), f"removed: {tok.text}"
        if tok.lower_ == "cannot":
            return _replace(s.text, tok.idx, tok.idx + len(tok.text), _match_case(tok.text, "can")), "removed: cannot"
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    verb = root
    if root.lemma_ in SPEECH_LEMMAS:  # negate what was said, not the saying
        ccomp = [c for c in root.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
        if ccomp:
            verb = ccomp[0]
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.lower_ in _AUX_NOT and c.i < verb.i]
    if aux:
        a = aux[0]
        return _replace(s.text, a.idx + len(a.text), a.idx + len(a.text), " not"), f"added: {a.text} not"
    if verb.lower_ in ("is", "are", "was", "were"):
        return _replace(s.text, verb.idx + len(verb.text), verb.idx + len(verb.text), " not"), f"added: {verb.text} not"
    do = {"VBD": "did", "VBZ": "does", "VBP": "do"}.get(verb.tag_)
    if do is None or verb.lemma_ in ("be", "have"):
        return None
    new = f"{do} not {verb.lemma_}"
    return _replace(s.text, verb.idx, verb.idx + len(verb.text), new), f"added: {verb.text} -> {new}"


_UNIT_NOUNS = frozenset({"dlrs", "dollars", "pct", "percent", "mln", "billion", "million", "tonnes", "tons",
                         "barrels", "bushels", "shares", "cents", "yen", "marks", "francs", "pounds"})


def change_object(s: _Sentence, view: _ArticleView, rng: random.Random) -> tuple[str, str] | None:
    options = []
    for tok in s.doc:
        if tok.dep_ != "dobj" or tok.pos_ != "NOUN" or tok.tag_ not in ("NN", "NNS") or not tok.is_alpha:
            continue
        if tok.ent_type_ or tok.lower_ in _UNIT_NOUNS or any(c.dep_ == "nummod" for c in tok.children):
            continue  # "6.6 billion dlrs", "two shares": a quantity, which the figure change covers
        for new, lemma in view.nouns.get(tok.tag_, ()):
            if new == tok.text or new[:4] == tok.lower_[:4] or _present(new, s.passage) \
                    or _present(lemma, s.passage) or lemma == tok.lemma_:
                continue
            options.append((tok, new))
    if not options:
        return None
    tok, new = rng.choice(options)
    return _replace(s.text, tok.idx, tok.idx + len(tok.text), new), f"{tok.text} -> {new}"


def change_speaker(s: _Sentence, view: _ArticleView, rng: random.Random) -> tuple[str, str] | None:
    options = []
    for ent in s.doc.ents:
        if ent.label_ not in ("PERSON", "ORG") or not _is_speaker(ent):
            continue
        span = _entity_span(ent)
        if span is None:
            continue
        old = s.text[span[0]:span[1]]
        for new in _swap_candidates(view, ent.label_, old, s.passage):
            options.append((span, old, new))
    if not options:
        return None
    (a, b), old, new = rng.choice(options)
    return _replace(s.text, a, b, new), f"{old} -> {new}"


def change_hedge(s: _Sentence, view: _ArticleView, rng: random.Random) -> tuple[str, str] | None:
    doc = s.doc
    for tok in doc:
        if tok.lower_ in HEDGE_ADVERBS and not _in_quote(s.text, tok.idx):  # "X allegedly did" -> "X did"
            start, end = tok.idx, tok.idx + len(tok.text)
            while end < len(s.text) and s.text[end] in " ,":
                end += 1
            new = _replace(s.text, start, end, "")
            return new[0].upper() + new[1:], f"dropped: {tok.text}"
    for tok in doc:
        if tok.lemma_ not in ALLEGATION_LEMMAS or tok.pos_ != "VERB":
            continue
        ccomp = [c for c in tok.children if c.dep_ == "ccomp" and any(
            g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
        if ccomp:  # "the notice alleged that the tool circumvents ..." -> "The tool circumvents ..."
            toks = [t for t in ccomp[0].subtree if not (t.dep_ == "mark" and t.lower_ == "that" and t.head == ccomp[0])]
            return _tokens_text(toks), f"dropped: {tok.text} (that)"
        if tok.lemma_ == "accuse":  # "police accused Smith of stealing cars" -> "Smith stole cars."
            obj = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
            of = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
            if obj and of:
                pcomp = [c for c in of[0].children if c.dep_ == "pcomp" and c.tag_ == "VBG"]
                if pcomp:
                    rest = [t for t in pcomp[0].subtree if t.i > pcomp[0].i]
                    who = _tokens_text(list(obj[0].subtree)).rstrip(".")
                    claim = f"{who} {past_tense(pcomp[0].lemma_)} {_tokens_text(rest) if rest else ''}"
                    claim = claim.strip().rstrip(".") + "."
                    return claim[0].upper() + claim[1:], f"accused of {pcomp[0].text} -> {past_tense(pcomp[0].lemma_)}"
    return None


def change_modality(s: _Sentence, view: _ArticleView, rng: random.Random) -> tuple[str, str] | None:
    doc = s.doc
    for tok in doc:
        # "plans to sell" / "is expected to sell" / "has decided"... -> "will sell"
        if tok.lemma_ in PLAN_LEMMAS and tok.pos_ == "VERB":
            xcomp = [c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB" and c.tag_ == "VB"]
            if not xcomp:
                continue
            to = [c for c in xcomp[0].children if c.dep_ == "aux" and c.lower_ == "to"]
            if not to or to[0].i != xcomp[0].i - 1 or tok.i >= to[0].i:
                continue
            own_aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < tok.i]
            if any(c.dep_ == "neg" for c in own_aux):
                continue
            if tok.tag_ not in ("VBZ", "VBP", "VBN", "VBG") and not own_aux:
                continue  # "planned to" (past): "will" would change the tense as well
            if any(t.i not in range(tok.i - 3, tok.i) for t in own_aux):
                continue
            # a direct object between ("expects prices to rise") breaks the pattern
            if any(doc[i].dep_ not in ("aux", "auxpass", "advmod") for i in range(tok.i + 1, to[0].i)):
                continue
            start = (own_aux[0] if own_aux else tok).idx
            end = to[0].idx + len(to[0].text)
            if _in_quote(s.text, start):
                continue
            new = _replace(s.text, start, end, "will")
            return new, f"{s.text[start:end]} -> will"
        if tok.lower_ in SOFT_MODALS and tok.dep_ == "aux" and tok.head.pos_ in ("VERB", "AUX"):
            if tok.lower_ == "could" and tok.head.i != tok.i + 1:
                continue
            if doc[tok.i + 1].lower_ == "have" or _in_quote(s.text, tok.idx):
                continue  # "may have had" is a guess about the past; "will have had" is not English
            return _replace(s.text, tok.idx, tok.idx + len(tok.text), _match_case(tok.text, "will")), \
                f"{tok.text} -> will"
    return None


CHANGERS = {
    "entity": change_entity, "figure": change_figure, "date": change_date, "direction": change_direction,
    "negation": change_negation, "object": change_object, "speaker": change_speaker,
    "hedge": change_hedge, "modality": change_modality,
}


# ---------------------------------------------------------------- the generator


@dataclass(frozen=True)
class GeneratorConfig:
    seed: int = 13
    per_type_per_article: int = 1  # negatives of one type from one article
    long_article_per_type: int = 3  # ... from an article of 20 sentences or more (Wikinews)
    positives_per_negative: float = 1.0  # balance of positives against negatives, per article
    max_per_article: int = 30
    #: Change types to make (default: all); with only negative types, no positives are made.
    only_types: tuple[str, ...] = ()
    #: If set, only sentences matching this regular expression are parsed and changed (a cheap
    #: pre-filter for rare change types, e.g. allegations, over many articles).
    sentence_pattern: str = ""


def _article_rng(seed: int, key: str, salt: str) -> random.Random:
    digest = hashlib.sha1(f"{seed}\x1f{key}\x1f{salt}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


_FIGURE_WORD = re.compile(r"\S*\d\S*|\b(?:%s)\b" % "|".join(w for w, v in NUMBER_WORDS_EN.items() if v >= 2),
                          re.IGNORECASE)


def _figures_given(headline: str, opening: str) -> bool:
    """Whether every figure of the headline ("dies at 97", "Sixteen states") is in the opening
    passage: a headline that adds one is no positive pair for it. (Wikinews' first passage is
    often the dateline alone, "December 13, 2004", which is why the opening is the first
    passage of eight words or more.)"""
    low = opening.lower()
    return all(m.group(0).strip(".,;:'\"").lower() in low for m in _FIGURE_WORD.finditer(headline))


def _article_pairs(view: _ArticleView, cfg: GeneratorConfig, pt: Part) -> list[ChangePair]:
    art = view.article
    usable = [s for s in view.sentences if s.doc is not None and _good_sentence(s.text)]
    per_type = cfg.long_article_per_type if len(view.sentences) >= 20 else cfg.per_type_per_article

    def pair(premise: str, hyp: str, change: str, original: str, detail: str = "") -> ChangePair:
        return ChangePair(premise, hyp, expected_for(change), change, art.id, art.corpus, pt, original, detail)

    negatives: list[ChangePair] = []
    for change, fn in CHANGERS.items():
        if cfg.only_types and change not in cfg.only_types:
            continue
        rng = _article_rng(cfg.seed, art.key, change)
        order = list(usable)
        rng.shuffle(order)
        made = 0
        for s in order:
            if made >= per_type:
                break
            out = fn(s, view, rng)
            if out is None:
                continue
            hyp, detail = out
            hyp = " ".join(hyp.split())
            if hyp == s.text or len(hyp) < 20:
                continue
            negatives.append(pair(s.passage, hyp, change, s.text, detail))
            made += 1

    rng = _article_rng(cfg.seed, art.key, "positives")
    candidates: dict[str, list[ChangePair]] = {t: [] for t in POSITIVE_TYPES}
    for s in usable:
        candidates["sentence"].append(pair(s.passage, s.text, "sentence", s.text))
        for clause in _clauses(s.doc):
            if clause != s.text:
                candidates["clause"].append(pair(s.passage, clause, "clause", s.text))
    for a, b in zip(usable, usable[1:]):
        if a.passage_index == b.passage_index and len(a.text) + len(b.text) < 320:
            candidates["joined"].append(pair(a.passage, _joined(a, b), "joined", f"{a.text} {b.text}"))
    opening = next((p for p in view.passages if len(p.split()) >= 8), None)
    if art.title and opening is not None and len(art.title.split()) >= 4 \
            and _figures_given(art.title, opening):
        candidates["headline"].append(pair(opening, art.title, "headline", art.title))
    for lst in candidates.values():
        rng.shuffle(lst)
    want = max(1, round(len(negatives) * cfg.positives_per_negative))
    if cfg.only_types and not set(cfg.only_types) & set(POSITIVE_TYPES):
        return negatives[: cfg.max_per_article]
    positives: list[ChangePair] = list(candidates["headline"])  # at most one, always kept
    kinds = ["sentence", "clause", "joined"]
    while len(positives) < want and any(candidates[k] for k in kinds):
        for k in kinds:
            if candidates[k] and len(positives) < want:
                positives.append(candidates[k].pop())
    out = negatives + positives
    if len(out) > cfg.max_per_article:
        out = _article_rng(cfg.seed, art.key, "cap").sample(out, cfg.max_per_article)
    return out


def _norm(sentence: str) -> str:
    return " ".join(sentence.lower().split())


def train_sentence_set(articles: Iterable[Article]) -> set[str]:
    """Normalised sentences of the train-part articles (no parsing: cheap over a whole corpus)."""
    chunker = SentenceWindowChunker()
    out: set[str] = set()
    for art in articles:
        if part(DATASET, art.key) == "train":
            out.update(_norm(s.text) for s in _view(art, chunker).sentences)
    return out


def generate(articles: Iterable[Article], config: GeneratorConfig | None = None, *,
             parts: Sequence[Part] = ("train", "eval"), batch: int = 400,
             train_sentences: set[str] | None = None) -> list[ChangePair]:
    """All pairs of ``articles`` in the given parts, deterministic for a config's seed.

    Eval pairs whose sentences also occur in a train article are dropped (see module doc). The
    train sentences are those of ``articles``, or ``train_sentences`` when given (pass
    :func:`train_sentence_set` of the whole corpus when ``articles`` is a sample of it).
    """
    from ..nlp import parse_many

    cfg = config or GeneratorConfig()
    chunker = SentenceWindowChunker()
    pattern = re.compile(cfg.sentence_pattern, re.IGNORECASE) if cfg.sentence_pattern else None
    own_train: set[str] = set()
    views: list[tuple[_ArticleView, Part]] = []
    for art in articles:
        pt = part(DATASET, art.key)
        view = _view(art, chunker)
        if pt == "train":
            own_train.update(_norm(s.text) for s in view.sentences)
        if pt in parts:
            views.append((view, pt))
    if train_sentences is None:
        train_sentences = own_train
    pairs: list[ChangePair] = []
    for i in range(0, len(views), max(1, batch // 10)):
        chunk = views[i: i + max(1, batch // 10)]
        texts = [s.text for v, _ in chunk for s in v.sentences
                 if _good_sentence(s.text) and (pattern is None or pattern.search(s.text))]
        docs = dict(zip(texts, parse_many(texts)))
        for view, pt in chunk:
            for s in view.sentences:
                s.doc = docs.get(s.text)
            _fill_pools(view)
            for p in _article_pairs(view, cfg, pt):
                if pt == "eval" and any(_norm(x) in train_sentences for x in _originals(p)):
                    continue
                pairs.append(p)
            for s in view.sentences:
                s.doc = None  # the parse cache holds them; keep memory flat over 20k articles
    return pairs


def _originals(p: ChangePair) -> list[str]:
    return [p.original] if p.change != "joined" else [t for t in (p.original,) for t in _split_joined(p)]


def _split_joined(p: ChangePair) -> list[str]:
    return [p.premise[s:e] for s, e in sentence_spans(p.premise) if p.premise[s:e] in p.original]


#: Sentences worth parsing in the rare-types pass: allegation and plan words.
RARE_PATTERN = (r"\b(alleg\w*|reportedly|purportedly|reputedly|supposedly|apparently|accus\w*|claim\w*"
                r"|intend\w*|plan\w*|hope\w*|aim\w*|expect\w*|want\w*|seek\w*|propos\w*|may|might|could)\b")


@dataclass(frozen=True)
class NewsPairsSpec:
    """Which articles :func:`news_pairs` reads: the recipe of the shipped pair files."""

    reuters: Path
    wikinews: Path
    reuters_articles: int = 2400  # Reuters articles for all change types (plus all of Wikinews)
    rare_articles: int = 12000  # further Reuters articles scanned only for hedge and modality
    seed: int = 13
    paraphrases: bool = True  # add the .paraphrase pairs (mined over all of Reuters, rewritten from the main sample)
    rewrites_per_article: int = 2
    unsupported: bool = True  # add the .unsupported pairs (a sentence of the article the passage lacks)


def news_pairs(spec: NewsPairsSpec, parts: Sequence[Part] = ("train", "eval")) -> list[ChangePair]:
    """The news change pairs of ``parts``: every English Wikinews article and a seeded sample of
    Reuters-21578 for all change types, then a second pass over more Reuters articles that parses
    only sentences with an allegation or plan word (rare in wire copy; the hedge and modality
    changes need enough eval pairs). The same spec gives the same pairs, whichever parts."""
    reuters = list(load_reuters(spec.reuters))
    wikinews = list(load_wikinews(spec.wikinews))
    train_sentences = train_sentence_set(reuters + wikinews)
    ranked = sample_articles(reuters, len(reuters), seed=spec.seed)
    main = ranked[: spec.reuters_articles] + wikinews
    rare = ranked[spec.reuters_articles: spec.reuters_articles + spec.rare_articles]
    pairs = generate(main, GeneratorConfig(seed=spec.seed), parts=parts, train_sentences=train_sentences)
    rare_cfg = GeneratorConfig(seed=spec.seed, only_types=("hedge", "modality"), sentence_pattern=RARE_PATTERN)
    pairs += generate(rare, rare_cfg, parts=parts, train_sentences=train_sentences)
    if spec.paraphrases:
        from .paraphrase import mined_pairs, rewritten_pairs

        reworded = mined_pairs(reuters, seed=spec.seed, parts=parts) + rewritten_pairs(
            main, seed=spec.seed, per_article=spec.rewrites_per_article, parts=parts)
        pairs += [p for p in reworded
                  if p.part == "train" or not any(_norm(x) in train_sentences for x in _originals(p))]
    if spec.unsupported:
        from .unsupported import unsupported_pairs

        pairs += [p for p in unsupported_pairs(main, seed=spec.seed, parts=parts)
                  if p.part == "train" or _norm(p.original) not in train_sentences]
    return pairs


def sample_articles(articles: Iterable[Article], n: int, seed: int = 13) -> list[Article]:
    """``n`` articles chosen by a hash of their key (the same ones for any file order)."""
    def rank(a: Article) -> str:
        return hashlib.sha1(f"{seed}\x1f{a.key}".encode()).hexdigest()
    return sorted(articles, key=rank)[:n]


def write_jsonl(pairs: Iterable[ChangePair], path: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for p in pairs:
            f.write(p.to_json() + "\n")
            n += 1
    return n


def read_jsonl(path: Path) -> list[ChangePair]:
    with open(path, encoding="utf-8") as f:
        return [ChangePair.from_json(line) for line in f if line.strip()]


__all__ = [
    "Article", "CHANGE_TYPES", "ChangePair", "DATASET", "GeneratorConfig", "NEGATIVE_TYPES",
    "NewsPairsSpec", "RARE_PATTERN", "news_pairs",
    "POSITIVE_TYPES", "REFUTING_TYPES", "UNSETTLED_TYPES", "expected_for", "generate",
    "load_reuters", "load_wikinews", "past_tense", "read_jsonl", "sample_articles",
    "train_sentence_set", "write_jsonl",
]
