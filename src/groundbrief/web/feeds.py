"""Feeds of the latest explainers: RSS 2.0 and Atom (feedgen), JSON Feed 1.1 (pydantic).

Feed readers need absolute links, so every builder takes the site's base URL. An item's HTML
is the explainer's summary and verdict tally, escaped here (markupsafe), never source markup.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import datetime, timezone

from feedgen.feed import FeedGenerator
from markupsafe import Markup
from pydantic import BaseModel, ConfigDict, Field

from ..models import Explainer, iso
from ..render import layout
from .pages import SITE_NAME

FEED_TITLE = f"{SITE_NAME}: latest explainers"
FEED_DESCRIPTION = "Source-grounded explainers of news briefs: what the sources confirm and what is still unclear."
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)

# Builds an explainer's absolute URL from its id.
LinkFor = Callable[[str], str]


def item_text(e: Explainer) -> str:
    summary = " ".join(layout.one_line(s.text) for s in e.summary)
    notice = layout.notice(e)
    tally = layout.verdict_counts(e.transparency.verdicts)
    return " ".join(p for p in (notice, summary, f"Claims checked: {tally}.") if p)


def item_html(e: Explainer) -> str:
    parts = []
    notice = layout.notice(e)
    if notice:
        parts.append(Markup("<p><strong>{}</strong></p>").format(notice))
    for s in e.summary:
        parts.append(Markup("<p>{}</p>").format(layout.one_line(s.text)))
    parts.append(Markup("<p>Claims checked: {}.</p>").format(
        layout.verdict_counts(e.transparency.verdicts)))
    return str(Markup("").join(parts))


def _updated(explainers: Sequence[Explainer]) -> datetime:
    return max((e.updated_at for e in explainers), default=EPOCH)


def rss_text(text: str) -> str:
    """Plain text for an RSS ``<title>`` or ``<description>``.

    RSS 2.0 never says whether these hold text or HTML, and most readers render them as
    HTML, so text goes in HTML-escaped (then XML-escaped by feedgen): a headline quoting
    ``<img src=x onerror=…>`` shows as those characters in every reader instead of running.
    Atom and JSON Feed say ``type="text"``/``content_text`` and need no such care.
    """
    return html.escape(text, quote=False)


def _generator(explainers: Sequence[Explainer], home: str, self_url: str, link_for: LinkFor,
               *, for_rss: bool = False) -> FeedGenerator:
    as_field = rss_text if for_rss else (lambda text: text)
    fg = FeedGenerator()
    fg.id(home)
    fg.title(FEED_TITLE)
    fg.description(FEED_DESCRIPTION)
    fg.subtitle(FEED_DESCRIPTION)
    fg.link(href=home, rel="alternate")
    fg.link(href=self_url, rel="self")
    fg.language("en")
    fg.generator(SITE_NAME)
    fg.updated(_updated(explainers))
    fg.lastBuildDate(_updated(explainers))
    # feedgen prepends entries; add oldest first so the feed reads newest first.
    for e in reversed(list(explainers)):
        link = link_for(e.id)
        entry = fg.add_entry()
        entry.id(link)
        entry.guid(link, permalink=True)
        entry.title(as_field(layout.one_line(e.headline)))
        entry.link(href=link, rel="alternate")
        entry.published(e.published_at)
        entry.updated(e.updated_at)
        entry.description(as_field(item_text(e)))
        entry.content(item_html(e), type="html")
    return fg


def rss(explainers: Sequence[Explainer], *, home: str, self_url: str, link_for: LinkFor) -> bytes:
    return _generator(explainers, home, self_url, link_for, for_rss=True).rss_str(pretty=True)


def atom(explainers: Sequence[Explainer], *, home: str, self_url: str, link_for: LinkFor) -> bytes:
    return _generator(explainers, home, self_url, link_for).atom_str(pretty=True)


class JSONFeedAuthor(BaseModel):
    name: str


class JSONFeedItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    url: str
    title: str
    content_html: str
    content_text: str
    summary: str | None = None
    date_published: str | None = None
    date_modified: str | None = None
    language: str | None = None
    tags: list[str] = Field(default_factory=list)


class JSONFeed(BaseModel):
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1): version, title and items are required."""

    model_config = ConfigDict(extra="forbid")

    version: str = "https://jsonfeed.org/version/1.1"
    title: str
    home_page_url: str
    feed_url: str
    description: str
    language: str = "en"
    authors: list[JSONFeedAuthor] = Field(default_factory=list)
    items: list[JSONFeedItem]


def json_feed(explainers: Sequence[Explainer], *, home: str, self_url: str, link_for: LinkFor) -> bytes:
    feed = JSONFeed(
        title=FEED_TITLE, home_page_url=home, feed_url=self_url, description=FEED_DESCRIPTION,
        authors=[JSONFeedAuthor(name=SITE_NAME)],
        items=[
            JSONFeedItem(
                id=link_for(e.id), url=link_for(e.id), title=layout.one_line(e.headline),
                content_html=item_html(e), content_text=item_text(e),
                summary=" ".join(layout.one_line(s.text) for s in e.summary) or None,
                date_published=iso(e.published_at), date_modified=iso(e.updated_at),
                language=layout.language_tag(e.language),
                tags=[v for v, n in e.transparency.verdicts.items() if n],
            )
            for e in explainers
        ],
    )
    return feed.model_dump_json(indent=2, exclude_none=True).encode("utf-8")


FEEDS = {
    "rss": ("rss.xml", "application/rss+xml; charset=utf-8", rss),
    "atom": ("atom.xml", "application/atom+xml; charset=utf-8", atom),
    "json": ("feed.json", "application/feed+json; charset=utf-8", json_feed),
}
