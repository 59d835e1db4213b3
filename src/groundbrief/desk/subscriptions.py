"""Feed subscriptions, kept in the store (tables ``feeds`` and ``feed_entries``, migration 2).

A feed is due when its next poll time has passed. After a successful poll the next one is one
interval away (the feed's own, else the ``feed_interval_s`` setting); after a failure it backs
off, doubling the pause per consecutive failure up to a day, so a broken feed is not hammered.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone

from pydantic import Field

from ..errors import InputError
from ..ingest.fetch import check_url
from ..ingest.urls import canonical_url
from ..models import TimeModel, iso, utc
from ..store import SQLiteStore

MAX_BACKOFF_S = 24 * 3600.0


class Feed(TimeModel):
    """One subscribed feed and where its polling stands."""

    url: str
    title: str | None = None
    added_at: datetime
    interval_s: float | None = None  # None: the feed_interval_s setting
    etag: str | None = None
    last_modified: str | None = None
    last_polled_at: datetime | None = None
    last_ok_at: datetime | None = None
    next_poll_ts: float = 0.0
    failures: int = 0
    last_error: str | None = None
    entries_taken: int = Field(0, ge=0)

    def due(self, now: datetime) -> bool:
        return utc(now).timestamp() >= self.next_poll_ts


def feed_url(url: str) -> str:
    """The spelling a subscription is stored under; :class:`InputError` for a non-web URL."""
    clean = canonical_url(url.strip())
    if clean is None:
        raise InputError(f"{url}: not an http(s) feed address; give the feed's full URL, "
                         "e.g. https://example.org/rss.xml")
    # Syntax only (no DNS): the guard runs again, with resolution, on every poll.
    check_url(clean, allow_private=True, resolve=lambda _host: ["0.0.0.0"])
    return clean


class Subscriptions:
    """Add, list, remove and schedule feeds in one store."""

    def __init__(self, store: SQLiteStore):
        self.store = store
        self.db = store.db

    def add(self, urls: Iterable[str], now: datetime, *, title: str | None = None,
            interval_s: float | None = None) -> tuple[list[str], list[str]]:
        """Subscribe; returns (added, already subscribed). Invalid URLs raise before any is
        stored, so a typo in a list of ten stores none of them."""
        cleaned = list(dict.fromkeys(feed_url(u) for u in urls))
        added, present = [], []
        with self.store.transaction():
            for url in cleaned:
                cur = self.db.execute(
                    "INSERT INTO feeds(url, title, added_at, interval_s) VALUES(?,?,?,?) "
                    "ON CONFLICT(url) DO NOTHING",
                    (url, title, iso(now), interval_s))
                (added if cur.rowcount else present).append(url)
        return added, present

    def remove(self, urls: Iterable[str]) -> tuple[list[str], list[str]]:
        """Unsubscribe; returns (removed, not subscribed). Sources already ingested stay."""
        removed, missing = [], []
        with self.store.transaction():
            for raw in urls:
                url = canonical_url(raw.strip()) or raw.strip()
                cur = self.db.execute("DELETE FROM feeds WHERE url=?", (url,))
                (removed if cur.rowcount else missing).append(raw)
        return removed, missing

    def all(self) -> list[Feed]:
        return [_feed(row) for row in self.db.execute("SELECT * FROM feeds ORDER BY url")]

    def get(self, url: str) -> Feed | None:
        row = self.db.execute("SELECT * FROM feeds WHERE url=?", (url,)).fetchone()
        return _feed(row) if row else None

    def due(self, now: datetime) -> list[Feed]:
        ts = utc(now).timestamp()
        return [_feed(row) for row in self.db.execute(
            "SELECT * FROM feeds WHERE next_poll_ts <= ? ORDER BY next_poll_ts, url", (ts,))]

    def taken_all(self, feed: str) -> set[str]:
        """The entry keys of ``feed`` taken in earlier polls."""
        return {r[0] for r in self.db.execute(
            "SELECT entry_key FROM feed_entries WHERE feed_url=?", (feed,))}

    def record_success(self, feed: Feed, now: datetime, default_interval_s: float, *,
                       etag: str | None, last_modified: str | None, title: str | None,
                       entries: dict[str, str | None]) -> None:
        """A poll that worked (200 or 304): validators, schedule, and the entries taken
        (key → source id), in one transaction with nothing else."""
        interval = feed.interval_s if feed.interval_s is not None else default_interval_s
        with self.store.transaction():
            self.db.execute(
                """UPDATE feeds SET etag=?, last_modified=?, last_polled_at=?, last_ok_at=?,
                       next_poll_ts=?, failures=0, last_error=NULL,
                       title=COALESCE(title, ?), entries_taken=entries_taken+?
                   WHERE url=?""",
                (etag, last_modified, iso(now), iso(now), utc(now).timestamp() + interval,
                 title, len(entries), feed.url))
            self.db.executemany(
                "INSERT INTO feed_entries(feed_url, entry_key, source_id, taken_at) "
                "VALUES(?,?,?,?) ON CONFLICT DO NOTHING",
                [(feed.url, key, sid, iso(now)) for key, sid in entries.items()])

    def record_failure(self, feed: Feed, now: datetime, default_interval_s: float,
                       error: str) -> float:
        """A poll that failed: back off. Returns the pause until the next try, in seconds."""
        interval = feed.interval_s if feed.interval_s is not None else default_interval_s
        failures = feed.failures + 1
        pause = min(max(interval, 60.0) * 2 ** (failures - 1), MAX_BACKOFF_S)
        with self.store.transaction():
            self.db.execute(
                "UPDATE feeds SET last_polled_at=?, next_poll_ts=?, failures=?, last_error=? "
                "WHERE url=?",
                (iso(now), utc(now).timestamp() + pause, failures, error[:500], feed.url))
        return pause


def _feed(row) -> Feed:
    data = dict(row)
    for key in ("added_at", "last_polled_at", "last_ok_at"):
        if data[key]:
            data[key] = datetime.fromisoformat(data[key].replace("Z", "+00:00"))
    return Feed(**data)


def epoch(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, tz=timezone.utc)
