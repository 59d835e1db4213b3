"""One refresh of the subscribed feeds: poll → new entries → linked articles → ingest.

Order of work: the feeds that are due are polled a few at a time (threads; the fetcher keeps
requests to one host apart) with a conditional GET → a 304 or an error only reschedules the
feed (an error backs off) → a feed's entries not taken before are its new entries → an entry
whose text is a summary (shorter than ``FULL_TEXT_CHARS``) is replaced by the article its link
points to, fetched through the same guarded fetcher (when that fails the summary is kept and
the failure reported) → back in the calling thread, the feed's sources are indexed (committed
in batches) and only then the feed's validators and taken entries are stored.

So an interruption (Ctrl-C, a crash) between the two loses nothing: a feed whose entries were
not all committed keeps its old validators and is polled again, and re-ingesting what was
committed changes nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import datetime

from pydantic import Field

from ..errors import InputError
from ..index.indexer import Indexer
from ..ingest.feeds import read_feed
from ..ingest.fetch import Fetcher
from ..ingest.options import ReadOptions
from ..ingest.pages import read_page
from ..interfaces import Rejected
from ..models import IngestReport, Model, Source, iso
from ..text import content_hash
from .subscriptions import Feed, Subscriptions

FULL_TEXT_CHARS = 1200  # an entry shorter than this is a teaser; its article is fetched
POLL_WORKERS = 8


@dataclass
class FeedPoll:
    """What polling one feed found (made in a worker thread, stored by the caller's)."""

    feed: Feed
    outcome: str  # "new" | "not_modified" | "failed"
    items: list[Source | Rejected] = field(default_factory=list)
    entries: dict[str, str | None] = field(default_factory=dict)  # entry key → source id
    etag: str | None = None
    last_modified: str | None = None
    title: str | None = None
    error: str | None = None
    articles_fetched: int = 0
    article_errors: list[str] = field(default_factory=list)


class RefreshReport(Model):
    feeds_due: int = 0
    feeds_polled: int = 0
    not_modified: int = 0
    failed: int = 0
    new_entries: int = 0
    articles_fetched: int = 0
    ingest: IngestReport = Field(default_factory=IngestReport)
    errors: list[str] = Field(default_factory=list)  # one line each: "URL: what went wrong"
    new_source_ids: list[str] = Field(default_factory=list)
    interrupted: bool = False

    def line(self) -> str:
        return (f"{self.feeds_polled} feeds polled ({self.not_modified} unchanged, "
                f"{self.failed} failed), {self.new_entries} new entries, "
                f"{self.articles_fetched} articles fetched; ingest: {self.ingest.line()}")


class FeedPoller:
    """Polls one feed and fetches its new entries' articles; touches no store."""

    def __init__(self, fetcher: Fetcher, options: ReadOptions):
        self.fetcher = fetcher
        self.options = options

    def poll(self, feed: Feed, taken: set[str], stop: threading.Event) -> FeedPoll:
        # One feed's content, however hostile, costs only that feed: a parser that breaks on it
        # fails this poll (reported, backed off), never the refresh.
        try:
            return self._poll(feed, taken, stop)
        except Exception as exc:  # noqa: BLE001 - reported as this feed's failure
            return FeedPoll(feed, "failed", error=f"{feed.url}: could not be read "
                                                  f"({type(exc).__name__}: {exc}); check the feed")

    def _poll(self, feed: Feed, taken: set[str], stop: threading.Event) -> FeedPoll:
        try:
            got = self.fetcher.fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified)
        except InputError as exc:
            return FeedPoll(feed, "failed", error=str(exc))
        if got.not_modified:
            return FeedPoll(feed, "not_modified", etag=got.etag or feed.etag,
                            last_modified=got.last_modified or feed.last_modified)
        result = FeedPoll(feed, "new", etag=got.etag, last_modified=got.last_modified)
        try:
            entries = list(read_feed(got.data, feed.url, self.options, base_url=got.url,
                                     content_type=got.headers.get("content-type"),
                                     teasers=True))
        except InputError as exc:
            return FeedPoll(feed, "failed", error=str(exc))
        for item in entries:
            if stop.is_set():
                # Not finished: store nothing of this feed, so the next poll takes it whole.
                return FeedPoll(feed, "failed", error="interrupted")
            if isinstance(item, Rejected):
                result.items.append(item)
                continue
            result.title = result.title or item.outlet
            key = item.url or item.id
            if key in taken or key in result.entries:
                continue
            source = self._full_article(item, result)
            if source.text == source.title:
                # A headline-only entry whose article could not be read is not a source; it
                # stays untaken, so the next poll of a changed feed tries its article again.
                result.items.append(Rejected(f"{feed.url}: {item.url}", "only a headline in the "
                                             "feed and the article could not be read"))
                continue
            result.items.append(source)
            result.entries[key] = source.id
        return result

    def _full_article(self, entry: Source, result: FeedPoll) -> Source:
        if not entry.url or len(entry.text) >= FULL_TEXT_CHARS:
            return entry
        try:
            got = self.fetcher.fetch(entry.url)
            if got.content_type not in ("text/html", "application/xhtml+xml", ""):
                raise InputError(f"{entry.url}: content type {got.content_type!r} is not a page")
            pages = [s for s in read_page(got.utf8(), entry.url, self.options,
                                          fetched_url=got.url) if isinstance(s, Source)]
        except InputError as exc:
            result.article_errors.append(f"{exc} (the feed's summary was kept)")
            return entry
        except Exception as exc:  # noqa: BLE001 - one hostile page costs only its article
            result.article_errors.append(f"{entry.url}: could not be read ({type(exc).__name__}:"
                                         f" {exc}); the feed's summary was kept")
            return entry
        result.articles_fetched += 1
        if not pages or len(pages[0].text) < len(entry.text):
            return entry
        return _merge(entry, pages[0])


def _merge(entry: Source, page: Source) -> Source:
    """The page's text under the entry's identity: the feed names the outlet and the date more
    reliably than a page's metadata does, and the link is how the entry was announced."""
    published = entry.published_at or page.published_at
    title = entry.title or page.title
    update = {
        "text": page.text, "title": title, "published_at": published,
        "authors": page.authors or entry.authors, "language": page.language or entry.language,
        "attribution": page.attribution or entry.attribution,
    }
    update["content_hash"] = content_hash(title, page.text, entry.url or "", iso(published) or "")
    return entry.model_copy(update=update)


class Refresher:
    """Polls every due feed once and ingests what is new (see the module docstring)."""

    def __init__(self, subscriptions: Subscriptions, indexer: Indexer, fetcher: Fetcher,
                 options: ReadOptions, *, feed_interval_s: float, workers: int = POLL_WORKERS):
        self.subscriptions = subscriptions
        self.indexer = indexer
        self.poller = FeedPoller(fetcher, options)
        self.feed_interval_s = feed_interval_s
        self.workers = workers

    def refresh(self, now: datetime, *, stop: threading.Event | None = None,
                progress: Callable[[FeedPoll], None] | None = None,
                only: list[str] | None = None) -> RefreshReport:
        """Poll the feeds that are due (or the ``only`` ones, due or not) and ingest."""
        stop = stop or threading.Event()
        if only is None:
            due = self.subscriptions.due(now)
        else:
            due = [f for f in self.subscriptions.all() if f.url in set(only)]
        report = RefreshReport(feeds_due=len(due))
        for poll in self._polls(due, stop):
            self._store(poll, now, report)
            if progress:
                progress(poll)
        report.interrupted = stop.is_set()
        return report

    def _polls(self, due: list[Feed], stop: threading.Event) -> Iterator[FeedPoll]:
        taken = {f.url: self.subscriptions.taken_all(f.url) for f in due}
        pool = ThreadPoolExecutor(max_workers=max(1, self.workers),
                                  thread_name_prefix="feed-poll")
        pending: set[Future[FeedPoll]] = set()
        queue = list(due)
        try:
            while queue or pending:
                while queue and len(pending) < self.workers and not stop.is_set():
                    feed = queue.pop(0)
                    pending.add(pool.submit(self.poller.poll, feed, taken[feed.url], stop))
                if not pending:
                    break
                done, pending = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()
                if stop.is_set():
                    queue.clear()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _store(self, poll: FeedPoll, now: datetime, report: RefreshReport) -> None:
        feed = poll.feed
        if poll.error == "interrupted":
            return
        report.feeds_polled += 1
        report.errors.extend(poll.article_errors)
        report.articles_fetched += poll.articles_fetched
        if poll.outcome == "failed":
            report.failed += 1
            pause = self.subscriptions.record_failure(feed, now, self.feed_interval_s,
                                                      poll.error or "failed")
            report.errors.append(f"{poll.error} (next try in {pause / 60:.0f} min)")
            return
        if poll.outcome == "not_modified":
            report.not_modified += 1
        else:
            ingested = self.indexer.index(poll.items)
            _add(report.ingest, ingested)
            report.new_entries += len(poll.entries)
            report.new_source_ids.extend(sid for sid in poll.entries.values() if sid)
        self.subscriptions.record_success(
            feed, now, self.feed_interval_s, etag=poll.etag, last_modified=poll.last_modified,
            title=poll.title, entries=poll.entries)


def _add(total: IngestReport, part: IngestReport) -> None:
    total.new += part.new
    total.updated += part.updated
    total.unchanged += part.unchanged
    total.rejected += part.rejected
    total.problems.extend(part.problems)
