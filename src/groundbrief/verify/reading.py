"""What the verifier reads of a passage: the statement it makes, as a careful reader takes it.

Two kinds of passage say something other than their words in order: a question and its answer
(:mod:`.qa`: "Q: Did X do Y? A: No." states that X did not do Y) and a corrected story
(:mod:`.source_corrections`: "An earlier version said 12. ... 21 people died." states 21, and
withdraws 12). Every rule and the model judge this reading; citations quote the stored text
(I4).
"""

from __future__ import annotations

from .source_corrections import corrected
from .qa import statement_of

__all__ = ["evidence_reading"]


def evidence_reading(text: str, language: str | None = None) -> str:
    """The passage ``text`` as the verifier reads it (see module doc)."""
    return corrected(statement_of(text, language), language)
