"""A brief given as a URL (``groundbrief explain --url``): the post or page is fetched through
the guarded fetcher and its text becomes the brief; the URL stays with the brief as its origin.

A page longer than a brief (an article rather than a post) is cut at the last sentence that
fits and ends with "…", so the explainer says plainly that claims after the cut were not
checked (the brief parser marks a brief ending in an ellipsis as truncated).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..brief.parse import MAX_BRIEF_CHARS
from ..errors import InputError
from ..ingest.fetch import Fetcher
from ..ingest.pages import read_page
from ..interfaces import Rejected
from ..models import Source
from ..text import clean, sentence_spans

_PAGE_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class UrlBrief:
    text: str
    origin: str  # the URL as given
    final_url: str  # after redirects
    title: str | None
    truncated: bool


def brief_from_url(url: str, fetcher: Fetcher, max_chars: int = MAX_BRIEF_CHARS) -> UrlBrief:
    got = fetcher.fetch(url)
    if got.content_type == "text/plain":
        text, title = clean(got.text()), None
    elif got.content_type in _PAGE_TYPES or not got.content_type:
        items = list(read_page(got.utf8(), url, fetcher.options, fetched_url=got.url))
        page = next((i for i in items if isinstance(i, Source)), None)
        if page is None:
            reason = next((i.reason for i in items if isinstance(i, Rejected)), "no text")
            raise InputError(f"{url}: no post or article text on the page ({reason}); copy the "
                             "text and pass it as the brief")
        text, title = page.text, page.title
    else:
        raise InputError(f"{url}: content type {got.content_type!r} is not a post or page; "
                         "give the address of the post or article")
    text, cut = _fit(" ".join(text.split()), max_chars)
    if not text:
        raise InputError(f"{url}: the page has no text; copy the post and pass it as the brief")
    return UrlBrief(text=text, origin=url, final_url=got.url, title=title, truncated=cut)


def _fit(text: str, max_chars: int) -> tuple[str, bool]:
    if len(text) <= max_chars:
        return text, False
    room = text[: max_chars - 2]  # room for " …"
    # Ends of whole sentences only: the last span of the cut text may be half a sentence.
    ends = [end for _start, end in sentence_spans(room)
            if room[:end].rstrip()[-1:] in ".!?\"”’)"]
    cut = room[: ends[-1]] if ends and ends[-1] > max_chars // 4 else room[: room.rfind(" ")]
    return cut.rstrip() + " …", True
