"""Text hygiene shared by every stage: Unicode NFC, mojibake repair, sentence spans (I9)."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Typical UTF-8-read-as-Latin-1 sequences ("Ã©" for "é", "â€™" for "’").
_MOJIBAKE = re.compile("[\u00c2\u00c3][\u0080-\u00bf]|\u00e2\u20ac[\u0080-\u00bf\u2018-\u201e\u2122\u0153\u009d]")
_CONTROL = re.compile("[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# Lone UTF-16 surrogates: JSON "\ud800" escapes and undecodable command-line bytes (Python's
# surrogateescape) produce them; no UTF-8 encoder, hash or SQLite write accepts them.
_SURROGATE = re.compile("[\ud800-\udfff]")
_SCRUB = re.compile("[\ud800-\udfff\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]")


def scrub(text: str) -> str:
    """Text safe for any encoder, hash, XML parser or store: lone surrogates become U+FFFD,
    control characters (bar tab and newlines) are dropped, and the result is NFC.

    The one cleaning every string from outside gets at the boundary (I9), before any
    other stage can meet it; :func:`clean` does this and more for article text.
    """
    if _SCRUB.search(text):
        text = _SURROGATE.sub("\ufffd", text)
        text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


def repair_mojibake(text: str) -> str:
    """Undo one round of UTF-8 bytes decoded as cp1252/Latin-1, when that is what happened.

    Only applied when the text contains the tell-tale sequences and the round trip succeeds,
    so correct text (including real "Ã" in Portuguese) is left alone.
    """
    if not _MOJIBAKE.search(text):
        return text
    try:
        fixed = _as_cp1252_bytes(text).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text
    if len(_MOJIBAKE.findall(fixed)) < len(_MOJIBAKE.findall(text)):
        return fixed
    return text


def _as_cp1252_bytes(text: str) -> bytes:
    """Bytes as a cp1252 decoder saw them; the five bytes cp1252 leaves undefined (0x81, 0x8d,
    0x8f, 0x90, 0x9d) come through as the C1 characters of the same value, as in Latin-1."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) < 256:
                out.append(ord(ch))
            else:
                raise
    return bytes(out)


def clean(text: str) -> str:
    """NFC, mojibake repaired, control characters dropped, runs of spaces collapsed.

    Paragraph breaks (blank lines) are kept; single newlines inside a paragraph (hard-wrapped
    wire copy) become spaces.
    """
    text = _SURROGATE.sub("\ufffd", text)
    text = repair_mojibake(text)
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    paragraphs = re.split(r"\n\s*\n", text)
    out = []
    for para in paragraphs:
        para = _SPACES.sub(" ", para.replace("\n", " ")).strip()
        if para:
            out.append(para)
    return "\n\n".join(out)


def clean_line(text: str) -> str:
    """:func:`clean` for one-line fields (titles, outlets): no newlines at all."""
    return " ".join(clean(text).split())


def content_hash(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


def short_hash(text: str, n: int = 12) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before whitespace and
# an uppercase letter, digit or opening quote - but not after common abbreviations or initials.
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "gov", "sen", "rep", "col",
    "lt", "sgt", "capt", "inc", "ltd", "co", "corp", "vs", "etc", "u.s", "u.k", "u.n", "e.g",
    "i.e", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mln", "bln", "pct", "dlrs", "approx", "dept", "est", "fig", "op", "vol",
}
_LAST_WORD = re.compile(r"([\w.]+)\.$")
_WORD_WINDOW = 64  # characters; no abbreviation or run of initials is longer
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[A-ZÀ-ÖØ-Þ0-9])|\n\s*\n")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences of ``text``; ``text[start:end]`` is stripped."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if m.group(0).startswith((".",)) and not m.group(0).startswith("\n"):
            # Only the word before the stop matters; looking at a bounded window (not the
            # whole unfinished sentence) keeps "Mr. " x 16,000 linear instead of quadratic.
            window_start = max(start, m.start() + 1 - _WORD_WINDOW)
            word = _LAST_WORD.search(text, window_start, m.start() + 1)
            if word:
                w = word.group(1).lower()
                # "Mr." / "U.S." / a single initial ("J.") do not end a sentence.
                if w in _ABBREV or len(w) == 1 or re.fullmatch(r"(\w\.)+\w?", w):
                    continue
        _add_span(text, start, end, spans)
        start = end
    _add_span(text, start, len(text), spans)
    return spans


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


_QUOTE_MAP = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'"})


def fold_quotes(text: str) -> str:
    """Straight quotes and collapsed whitespace: the comparison form for verbatim checks (I4)."""
    return " ".join(text.translate(_QUOTE_MAP).split())
