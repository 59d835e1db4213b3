"""A corrected passage read as what it now says, not as what it once said wrongly.

Newsrooms correct a story in its own text: "An earlier version of this article said the fire
killed 12 people. The fire killed 21 people.", or "The plant will close in May, not March as
previously reported." Read as running text, such a passage holds the wrong statement word for
word, so the model, the word overlap and every detail check find the retracted "12" or "March"
there and back the brief that repeats it, while the correcting sentence goes uncited. A reader
takes the correction as the source's word and the retracted statement as withdrawn, and so does
:func:`corrected`:

* a sentence that reports what an earlier version said, or that the story said something
  wrongly ("incorrectly reported", "misstated"), is left out of the reading: it asserts only
  that an error was made, and whatever it quotes of the error is withdrawn;
* a contrast that corrects a detail in place (", not March as previously reported", or in a
  passage that notes its correction, "(not 12)" and "rather than 12") is left out, so the
  sentence states the corrected detail alone and a brief with the withdrawn one meets another
  value in the same place (a conflict). Elsewhere "X, not Y" is a contrast the model reads as
  written ("hints at solar, not human, cause"), and is kept;
* a "Correction:" label before a sentence is dropped, the sentence kept.

As with a question and its answer (verify/qa.py), this is only what the verifier judges: a
citation still quotes the stored passage verbatim (invariant I4), correction included.
"""

from __future__ import annotations

import re

from ..text import sentence_spans

__all__ = ["NOTHING_LEFT", "corrected", "withdraws"]

#: The reading of a passage that is nothing but a notice of an error: it says that something
#: was wrong, not what the claim says.
NOTHING_LEFT = "An earlier version of this report was corrected."

_VERSION = re.compile(
    r"\b(?:an?|the)\s+(?:earlier|previous|prior|original|first)\s+(?:version|edition|draft)\s+of\s+"
    r"(?:this|the|our)\s+(?:article|story|report|piece|post|item|dispatch|headline|caption)\b",
    re.IGNORECASE)
_WRONGLY = re.compile(
    r"\b(?:incorrectly|wrongly|erroneously|mistakenly|falsely|inaccurately)\s+"
    r"(?:said|stated|reported|wrote|described|identified|gave|named|listed|referred|called|"
    r"attributed|quoted|put|suggested|implied|characteri[sz]ed)\b"
    r"|\bmis(?:stated|identified|reported|quoted|attributed|named|characteri[sz]ed|spelled|"
    r"spelt)\b",
    re.IGNORECASE)
#: A story's own voice: "this article incorrectly said" is a retraction, "the minister
#: wrongly said" is news about the minister (kept: the verifier's stance rules read it).
_OWN_VOICE = re.compile(
    r"\b(?:this|our)\s+(?:article|story|report|piece|post|item|dispatch|headline|caption|"
    r"version)\b|\bwe\b", re.IGNORECASE)
_LABEL = re.compile(r"\A\s*(?:correction|clarification|update|editor'?s\s+note)s?\s*[:\-–—]\s*",
                    re.IGNORECASE)
# ", not March as previously reported" / "(not 12)" / "rather than 12": the withdrawn value
# after the corrected one. Not "not only", "not least", "not yet" and the like, which add to the
# sentence rather than correct it.
_NOT_ADDING = (r"(?!only\b|just\b|least\b|yet\b|all\b|even\b|necessarily\b|surprisingly\b|"
               r"to\b|counting\b|including\b|long\b|far\b|until\b|because\b|that\b|so\b|as\b|"
               r"unlike\b|always\b|quite\b|much\b|enough\b|every\b|everyone\b|"
               r"everything\b|a\s+single\b)")
_AS_REPORTED = (r"(?:\s+as\s+(?:previously|earlier|originally|first|initially|wrongly|"
                r"incorrectly)\s+(?:reported|stated|said|announced|published|written))?")
#: The contrast that says itself a correction: ", not March as previously reported".
_REPORTED_CONTRAST = re.compile(
    r"(?:,\s*not\s+|\s*\(\s*not\s+|,?\s+rather\s+than\s+)" + _NOT_ADDING
    + r"[^,;:.()]{1,60}?\s+as\s+(?:previously|earlier|originally|first|initially|wrongly|"
    r"incorrectly)\s+(?:reported|stated|said|announced|published|written)\s*\)?"
    r"(?=\s*(?:[,;:.)]|\Z))", re.IGNORECASE)
_CONTRAST = re.compile(
    r"(?:,\s*not\s+" + _NOT_ADDING + r"[^,;:.()]{1,60}?" + _AS_REPORTED + r"(?=\s*(?:[,;:.)]|\Z))"
    r"|\s*\(\s*not\s+" + _NOT_ADDING + r"[^()]{1,60}?" + _AS_REPORTED + r"\s*\)"
    r"|,?\s+rather\s+than\s+[^,;:.()]{1,60}?" + _AS_REPORTED + r"(?=\s*(?:[,;:.)]|\Z)))",
    re.IGNORECASE)


def corrected(text: str, language: str | None = None) -> str:
    """``text`` as it reads once its corrections are taken (see module doc); English wording
    only: a passage in another language, or one without a correction, comes back unchanged."""
    if language not in (None, "", "und", "en"):
        return text
    spans = sentence_spans(text)
    # A passage notes its correction when a sentence retracts or is labelled "Correction:";
    # "the minister wrongly said" is no note of this story's.
    noted = any(_retracts(text[a:b]) or _LABEL.match(text[a:b]) for a, b in spans)
    if not noted and not _REPORTED_CONTRAST.search(text):
        return text
    kept: list[str] = []
    for start, end in spans:
        sentence = text[start:end]
        if _retracts(sentence):
            continue
        sentence = _LABEL.sub("", sentence)
        sentence = (_CONTRAST if noted else _REPORTED_CONTRAST).sub("", sentence)
        if sentence.strip():
            kept.append(sentence.strip())
    return " ".join(kept) if kept else NOTHING_LEFT


def withdraws(sentence: str) -> bool:
    """Whether ``sentence`` reports the story's own error (what an earlier version said, what
    this story said wrongly): it states nothing a reader may take from the source as fact, so
    no section of an explainer shows it as the story's content."""
    return _retracts(sentence)


def _retracts(sentence: str) -> bool:
    """A sentence that reports the story's own error: what an earlier version said, or what
    this story said wrongly."""
    if _VERSION.search(sentence):
        return True
    return bool(_WRONGLY.search(sentence) and _OWN_VOICE.search(sentence))
