"""The live desk: refresh the subscribed feeds, then re-check recent explainers; ``watch``
repeats that until told to stop.

Stopping is cooperative: the stop event is checked between feeds and between a feed's
entries, the feed being stored finishes its transaction, and a feed whose work was cut short
keeps its old validators so the next refresh takes it again. Nothing half-done is stored.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime, timezone

from ..config import Settings
from ..index.indexer import Indexer
from ..ingest.fetch import Fetcher, Resolver, resolve_host
from ..ingest.options import ReadOptions, fetch_options
from ..store import SQLiteStore
from .living import LivingExplainers, Recheck
from .refresh import FeedPoll, RefreshReport, Refresher
from .subscriptions import Subscriptions

MIN_WATCH_PAUSE_S = 1.0


class LiveDesk:
    def __init__(self, settings: Settings, store: SQLiteStore, *,
                 options: ReadOptions | None = None, resolve: Resolver = resolve_host,
                 workers: int | None = None):
        from ..registry import build_embedder
        from ..runtime import build_pipeline

        self.settings = settings
        self.store = store
        self.options = options or fetch_options(settings)
        self.fetcher = Fetcher(self.options, resolve=resolve)
        self.subscriptions = Subscriptions(store)
        self.indexer = Indexer(store, build_embedder(settings))
        kwargs = {"workers": workers} if workers else {}
        self.refresher = Refresher(self.subscriptions, self.indexer, self.fetcher, self.options,
                                   feed_interval_s=settings.feed_interval_s, **kwargs)
        self.living = LivingExplainers(store, lambda: build_pipeline(settings, store))

    def close(self) -> None:
        self.fetcher.close()

    def __enter__(self) -> LiveDesk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def refresh(self, now: datetime, *, stop: threading.Event | None = None,
                progress: Callable[[FeedPoll], None] | None = None,
                only: list[str] | None = None) -> tuple[RefreshReport, list[Recheck]]:
        report = self.refresher.refresh(now, stop=stop, progress=progress, only=only)
        rechecks: list[Recheck] = []
        changed = report.ingest.new + report.ingest.updated
        if changed and not report.interrupted:
            rechecks = self.living.recheck(now, self.settings.desk_recheck_days)
        return report, rechecks

    def watch(self, stop: threading.Event, *, every_s: float | None = None,
              on_cycle: Callable[[RefreshReport, list[Recheck]], None] | None = None,
              progress: Callable[[FeedPoll], None] | None = None,
              clock: Callable[[], datetime] | None = None) -> int:
        """Refresh until ``stop`` is set; returns the number of refreshes run."""
        now = clock or (lambda: datetime.now(timezone.utc).replace(microsecond=0))
        cycles = 0
        while not stop.is_set():
            report, rechecks = self.refresh(now(), stop=stop, progress=progress)
            cycles += 1
            if on_cycle:
                on_cycle(report, rechecks)
            stop.wait(self._pause(now(), every_s))
        return cycles

    def _pause(self, now: datetime, every_s: float | None) -> float:
        if every_s is not None:
            return max(every_s, 0.0)
        upcoming = [f.next_poll_ts for f in self.subscriptions.all()]
        if not upcoming:
            return max(self.settings.feed_interval_s, MIN_WATCH_PAUSE_S)
        return max(min(upcoming) - now.timestamp(), MIN_WATCH_PAUSE_S)

