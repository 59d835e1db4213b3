"""Quotations: a quote is found when a passage holds its words verbatim, as a reader checks it.

A reader does not reject a quote for what the quoting sentence changes around the words: a
capital at its start ("Deeply" for "deeply" when the quote opens the sentence, "[t]he" for
"The"), curly or straight quote marks, the style of a dash, or an ellipsis marking words left
out. Any changed word inside the quote still rejects it (invariant I4).
"""

from __future__ import annotations

import re

from ..text import fold_quotes

__all__ = ["extract_quotes", "quote_found"]

# Straight or curly double quotes, guillemets, and curly single quotes. Straight single quotes
# are too often apostrophes ("Ironic' study") to delimit a quotation.
_QUOTE_SPAN = re.compile(r"\"([^\"]+)\"|“([^”]+)”|«\s?([^»]+?)\s?»|„([^“”]+)[“”]|‘([^’]+)’(?!\w)")
_ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.|\[\.\.\.\]|\[…\])\s*")
_DASHES = str.maketrans({"–": "-", "—": "-", "‒": "-", "―": "-"})
# "[t]he": an editor's bracketed letter, changed to fit the quoting sentence.
_BRACKETED_INITIAL = re.compile(r"^\[(\w)\]")
_BRACKETED_LETTER = re.compile(r"\[(\w)\]")


def extract_quotes(text: str) -> list[str]:
    """Quoted spans of ``text``, in order (without their quote marks)."""
    out = []
    for m in _QUOTE_SPAN.finditer(text):
        span = next(g for g in m.groups() if g is not None).strip()
        if span:
            out.append(span)
    return out


def _compare_form(text: str) -> str:
    return fold_quotes(text).translate(_DASHES)


def _quote_fragments(quote: str) -> list[str]:
    """The parts of a quote that must appear verbatim: split at ellipses (elided words),
    with the edge punctuation a writer adds inside the marks ("…barely exist,") removed."""
    parts = []
    for frag in _ELLIPSIS.split(_compare_form(quote)):
        frag = _BRACKETED_INITIAL.sub(r"\1", frag.strip(" ,.;:!?-"))
        if frag:
            parts.append(frag)
    return parts


def _find(hay: str, frag: str, pos: int) -> int:
    """Where ``frag`` starts in ``hay`` from ``pos``, its first letter in either case."""
    found = [i for i in (hay.find(frag, pos), hay.find(frag[0].swapcase() + frag[1:], pos))
             if i >= 0]
    return min(found) if found else -1


def quote_found(quote: str, passage: str) -> bool:
    """True if every fragment of ``quote`` occurs verbatim in ``passage``, in order, up to
    whitespace, quote and dash style, and the case of each fragment's first letter."""
    # a source quoting with an editor's letter ("[t]here's") holds the words the claim's
    # quote carries over with or without the brackets
    hay = _BRACKETED_LETTER.sub(r"\1", _compare_form(passage))
    pos = 0
    frags = _quote_fragments(quote)
    if not frags:
        return True
    for frag in frags:
        i = _find(hay, frag, pos)
        if i < 0:
            return False
        pos = i + len(frag)
    return True
