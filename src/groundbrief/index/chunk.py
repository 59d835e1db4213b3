"""Chunk stage: a source's text → passages (sentence windows with offsets into the text).

Passages are short (one to three sentences, about 350 characters at most) because they are what
a statement cites: a reader should see the supporting sentence, not a page. Windows do not
overlap, so each sentence is embedded once (ingest speed) and cited from one place.
"""

from __future__ import annotations

from ..models import Passage, Source
from ..text import sentence_spans

MAX_CHARS = 350
MAX_SENTENCES = 3


class SentenceWindowChunker:
    def __init__(self, max_chars: int = MAX_CHARS, max_sentences: int = MAX_SENTENCES):
        self.max_chars = max_chars
        self.max_sentences = max_sentences

    def chunk(self, source: Source) -> list[Passage]:
        text = source.text
        passages: list[Passage] = []
        window: list[tuple[int, int]] = []

        def flush() -> None:
            if window:
                start, end = window[0][0], window[-1][1]
                passages.append(Passage(
                    id=f"{source.id}#p{len(passages)}", source_id=source.id,
                    ordinal=len(passages), start=start, end=end, text=text[start:end],
                ))
                window.clear()

        for start, end in sentence_spans(text):
            crosses_paragraph = bool(window) and "\n\n" in text[window[-1][1]:start]
            too_long = bool(window) and end - window[0][0] > self.max_chars
            if crosses_paragraph or too_long or len(window) >= self.max_sentences:
                flush()
            window.append((start, end))
        flush()
        return passages
