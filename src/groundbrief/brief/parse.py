"""Brief parsing: what a short news brief says about itself (DESIGN.md, "Brief parsing").

Order: validate size -> keep the verbatim text (Unicode hygiene only, line breaks kept) ->
on a one-line cleaned copy, recognise handles, hashtags and the language -> read it as a post
(post.py: display name, labels, tributes, thread counter, cut) -> find the reporting frame
(speaker, role, outlet, medium) in what is left. The brief's words are never rewritten: the
Original brief section shows ``Brief.text`` as the user wrote it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..errors import InputError
from ..interfaces import BriefParser
from ..models import Brief
from ..text import clean
from .attribution import HANDLE, find_attribution, handle_name, parse_venue
from .post import EMOJI, HASHTAG, TRAILER, URL, is_label_tag, is_outlet, read_post

# A brief is a post or an alert, not an article: past this size the input is almost certainly
# the wrong file, and parsing it would only waste the user's time.
MAX_BRIEF_CHARS = 5_000

LANGUAGES = ("en", "nl", "fr", "de", "es", "it", "pt")


def verbatim(text: str) -> str:
    """The brief as written, minus Unicode and whitespace oddities; line breaks are kept."""
    lines = [clean(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    out = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", out).strip()


def frame_text(sentence: str) -> str:
    """A sentence ready for frame detection: labels, links, emoji and trailing tags removed."""
    sentence = EMOJI.sub(" ", URL.sub(" ", sentence))
    sentence = TRAILER.sub("", sentence)
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
        # A tag that only labels the post ("#BREAKING") is furniture, not a topic.
        hashtags = list(dict.fromkeys(f"#{t}" for t in HASHTAG.findall(flat) if not is_label_tag(t)))
        language = detect_language(flat)
        post = read_post(body, language)

        speaker = role = outlet = medium = None
        for sentence in post.sentences:
            if sentence.tribute:
                continue
            frame = find_attribution(frame_text(sentence.text))
            if frame is None or frame.pronoun:
                continue
            # The account a post was copied from is its author, not a speaker (issue 9: "Space
            # News Daily: …" was taken as the speaker of the claims).
            if post.author and frame.speaker == post.author:
                continue
            speaker, role = frame.speaker, frame.role
            outlet, medium = frame.outlet, frame.medium
            break
        rest = " ".join(s.text for s in post.sentences)
        if outlet is None and medium is None:
            # A venue named outside a reporting frame ("Kanko in a V24 interview: ...").
            m = re.search(r"\b(?:in|on|at|during)\s+(?:an?|the|his|her|their)\s+[^,.;:]{0,60}", rest)
            if m:
                outlet, medium = parse_venue(m.group(0))
        return Brief(
            text=body,
            language=language,
            speaker=speaker,
            role=role,
            # The outlet the speaker spoke to, else the post's own: its dateline or display name.
            outlet=outlet or post.dateline_outlet or (
                post.author if post.author and is_outlet(post.author) else None),
            medium=medium,
            handles=handles,
            hashtags=hashtags,
            truncated=post.truncated,
        )
