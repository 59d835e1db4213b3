"""Brief parsing: what a short news brief says about itself (DESIGN.md, "Brief parsing").

Order: validate size -> keep the verbatim text (Unicode hygiene only, line breaks kept) ->
on a one-line cleaned copy, recognise handles, hashtags, truncation, the reporting frame
(speaker, role, outlet, medium) and the language. The brief's words are never rewritten: the
Original brief section shows ``Brief.text`` as the user wrote it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..errors import InputError
from ..interfaces import BriefParser
from ..models import Brief
from ..text import clean, sentences
from .attribution import HANDLE, find_attribution, handle_name, parse_venue

# A brief is a post or an alert, not an article: past this size the input is almost certainly
# the wrong file, and parsing it would only waste the user's time.
MAX_BRIEF_CHARS = 5_000

LANGUAGES = ("en", "nl", "fr", "de", "es", "it", "pt")

HASHTAG = re.compile(r"(?<![\w&#/])#(\w*[^\W\d_]\w*)")
URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+|\b[\w-]+\.(?:ly|co|com|org|net|be|eu)/\S+", re.I)
# "…", "...", "[…]", "[...]", "(…)" at the very end, possibly followed by a stray full stop.
TRUNCATION = re.compile(r"(?:\[\s*(?:…|\.{3})\s*\]|\(\s*(?:…|\.{3})\s*\)|…|\.{3,})[\s.]*$")
# Wire-service labels and datelines: "BREAKING:", "JUST IN -", "BRUSSELS (Reuters) -".
WIRE_LABEL = re.compile(
    r"^\s*(?:BREAKING(?: NEWS)?|URGENT|FLASH|ALERT|UPDATE(?:D)?|JUST IN|DEVELOPING|EXCLUSIVE|"
    r"NEW|LIVE|WATCH|BULLETIN)\s*[:\-–—|]\s*"
)
DATELINE = re.compile(r"^\s*[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][\w.]+)?\s*(?:\((?P<outlet>[^)]{2,40})\))?\s*[-–—]\s+")


def verbatim(text: str) -> str:
    """The brief as written, minus Unicode and whitespace oddities; line breaks are kept."""
    lines = [clean(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    out = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", out).strip()


def strip_wire_label(text: str) -> tuple[str, str | None]:
    """Remove a leading wire label or dateline; return the rest and the dateline's outlet."""
    outlet = None
    while True:
        m = WIRE_LABEL.match(text)
        if m:
            text = text[m.end() :]
            continue
        d = DATELINE.match(text)
        if d and (d.group("outlet") or len(d.group(0).split()) <= 4):
            outlet = outlet or (d.group("outlet") or None)
            text = text[d.end() :]
            continue
        return text, outlet


EMOJI = re.compile(
    "[\U0001f000-\U0001faff\U00002600-\U000027bf\U00002b00-\U00002bff\U0001f1e6-\U0001f1ff"
    "\ufe0f\u200d\u20e3\u2300-\u23ff]"
)
# Tag lists, links and emoji that trail a post ("... next week… #Navalny https://t.co/x").
_TRAILER = re.compile(r"(?:\s*(?:#\w+|https?://\S+|www\.\S+))+\s*$")


def frame_text(sentence: str) -> str:
    """A sentence ready for frame detection: wire label, links, emoji and trailing tags removed."""
    sentence, _ = strip_wire_label(sentence)
    sentence = EMOJI.sub(" ", URL.sub(" ", sentence))
    sentence = _TRAILER.sub("", sentence)
    return " ".join(sentence.split())


@lru_cache(maxsize=1)
def _identifier():
    # Loaded once and lazily: the model takes about a second to load.
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    ident.set_languages(list(LANGUAGES))
    return ident


def detect_language(text: str) -> str | None:
    """ISO 639-1 code among :data:`LANGUAGES`; None when there are too few letters to tell."""
    body = HASHTAG.sub(" ", HANDLE.sub(" ", URL.sub(" ", text)))
    if sum(ch.isalpha() for ch in body) < 12:
        return None
    lang, _ = _identifier().classify(body)
    return lang


class RuleBriefParser(BriefParser):
    """Rule-based parser: no model besides the language identifier."""

    def __init__(self, max_chars: int = MAX_BRIEF_CHARS):
        self.max_chars = max_chars

    def parse(self, text: str) -> Brief:
        if not isinstance(text, str):
            raise InputError(f"brief: expected text, got {type(text).__name__}; pass the brief as a string")
        # Size first, before any pass over the text, so a huge input fails at once.
        if len(text) > self.max_chars:
            raise InputError(
                f"brief: {len(text):,} characters, more than the {self.max_chars:,} allowed; "
                "pass the short post or alert itself, not an article or a file of them"
            )
        body = verbatim(text)
        if not body:
            raise InputError("brief: empty or only whitespace; give the text of the post or alert to explain")
        flat = clean(body).replace("\n\n", " ")
        handles = {f"@{h}": handle_name(h) for h in HANDLE.findall(flat)}
        hashtags = list(dict.fromkeys(f"#{t}" for t in HASHTAG.findall(flat)))
        truncated = bool(TRUNCATION.search(_TRAILER.sub("", EMOJI.sub(" ", flat))))
        flat, dateline_outlet = strip_wire_label(flat)

        speaker = role = outlet = medium = None
        for sentence in sentences(flat):
            frame = find_attribution(frame_text(sentence))
            if frame is None or frame.pronoun:
                continue
            speaker, role = frame.speaker, frame.role
            outlet, medium = frame.outlet, frame.medium
            break
        if outlet is None and medium is None:
            # A venue named outside a reporting frame ("Kanko in a V24 interview: ...").
            m = re.search(r"\b(?:in|on|at|during)\s+(?:an?|the|his|her|their)\s+[^,.;:]{0,60}", flat)
            if m:
                outlet, medium = parse_venue(m.group(0))
        return Brief(
            text=body,
            language=detect_language(flat),
            speaker=speaker,
            role=role,
            outlet=outlet or dateline_outlet,
            medium=medium,
            handles=handles,
            hashtags=hashtags,
            truncated=truncated,
        )
