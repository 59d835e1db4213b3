"""Language of a Source: the record's own tag when it has one, else detected from the text."""

from __future__ import annotations

import re
from functools import lru_cache

# The languages of the corpora and briefs groundbrief is built for. Restricting the detector to
# these keeps short texts from being labelled as a rare language that merely shares n-grams.
DETECTABLE = ("en", "de", "fr", "nl", "es", "it", "pt")
_MIN_LETTERS = 20  # below this, py3langid guesses
_MIN_PROBABILITY = 0.6
_SAMPLE_CHARS = 600  # the opening of an article settles its language; the rest only costs time
# ISO 639-2/3 codes some dumps use, for the languages above.
_THREE_LETTER = {"eng": "en", "deu": "de", "ger": "de", "fra": "fr", "fre": "fr", "nld": "nl",
                 "dut": "nl", "spa": "es", "ita": "it", "por": "pt"}
_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


def normalise_language(tag: object) -> str | None:
    """``"en-US"`` → ``"en"``; anything that is not a language tag → ``None``."""
    if not isinstance(tag, str):
        return None
    tag = tag.strip()
    if not _TAG.fullmatch(tag):
        return None
    primary = re.split(r"[-_]", tag, maxsplit=1)[0].lower()
    return _THREE_LETTER.get(primary, primary)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text`` among :data:`DETECTABLE`, or ``None`` when unsure."""
    sample = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS:
        return None
    lang, prob = _identifier().classify(sample)
    return lang if prob >= _MIN_PROBABILITY else None


@lru_cache(maxsize=1)
def _identifier():
    # Loaded once and lazily (about 1.5 s); a private instance so that restricting its
    # languages does not change py3langid's module-level identifier for other users.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(DETECTABLE))
    return identifier
