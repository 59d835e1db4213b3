"""``groundbrief feeds add|list|remove|import|export``, ``refresh`` and ``watch``."""

from __future__ import annotations

import signal
import threading
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import InputError
from .common import HomeOption, err, now_utc, parse_time, settings_for

feeds_app = typer.Typer(help="Subscribe to RSS/Atom feeds that `groundbrief refresh` polls.",
                        no_args_is_help=True)


def _say(line: str) -> None:
    err.print(line, markup=False, highlight=False, soft_wrap=True)


@feeds_app.command("add")
def feeds_add(
    urls: Annotated[list[str], typer.Argument(metavar="URL...", help="Feed addresses.")],
    interval: Annotated[Optional[float], typer.Option("--interval", help="Minutes between two polls of these feeds (default: the feed_interval_s setting).")] = None,
    home: HomeOption = None,
) -> None:
    """Subscribe to feeds (polled by `groundbrief refresh`)."""
    from ..desk import Subscriptions
    from ..runtime import open_store

    if interval is not None and interval < 0:
        raise InputError(f"--interval {interval}: give a number of minutes, 0 or more")
    with open_store(settings_for(home)) as store:
        added, present = Subscriptions(store).add(
            urls, now_utc(), interval_s=interval * 60 if interval is not None else None)
    for url in added:
        typer.echo(f"subscribed: {url}")
    for url in present:
        typer.echo(f"already subscribed: {url}")


@feeds_app.command("remove")
def feeds_remove(
    urls: Annotated[list[str], typer.Argument(metavar="URL...")],
    home: HomeOption = None,
) -> None:
    """Unsubscribe (sources already ingested stay in the store)."""
    from ..desk import Subscriptions
    from ..runtime import open_store

    with open_store(settings_for(home)) as store:
        removed, missing = Subscriptions(store).remove(urls)
    for url in removed:
        typer.echo(f"unsubscribed: {url}")
    if missing:
        raise InputError(f"not subscribed: {', '.join(missing)}; `groundbrief feeds list` shows "
                         "the subscriptions")


@feeds_app.command("list")
def feeds_list(home: HomeOption = None) -> None:
    """Subscribed feeds with their last poll, errors and schedule."""
    from ..desk import Subscriptions
    from ..desk.subscriptions import epoch
    from ..models import iso
    from ..runtime import open_store

    with open_store(settings_for(home)) as store:
        feeds = Subscriptions(store).all()
    if not feeds:
        typer.echo("no feeds; add one with `groundbrief feeds add URL`")
        return
    for f in feeds:
        state = f"{f.failures} failures: {f.last_error}" if f.failures else "ok"
        typer.echo(f"{f.url}\t{f.title or '-'}\tlast poll {iso(f.last_polled_at) or 'never'}\t"
                   f"next {iso(epoch(f.next_poll_ts)) if f.next_poll_ts else 'now'}\t"
                   f"{f.entries_taken} entries\t{state}")


@feeds_app.command("import")
def feeds_import(
    opml: Annotated[Path, typer.Argument(metavar="FILE.opml", help="OPML file from a feed reader.")],
    home: HomeOption = None,
) -> None:
    """Subscribe to every feed of an OPML file."""
    from ..desk import Subscriptions, read_opml
    from ..runtime import open_store

    try:
        data = opml.read_bytes()
    except OSError as exc:
        raise InputError(f"{opml}: cannot read ({exc.strerror}); check the path") from None
    outlines = read_opml(data, str(opml))
    if not outlines:
        raise InputError(f"{opml}: no feeds (no <outline xmlUrl=...>); check the file")
    with open_store(settings_for(home)) as store:
        subs = Subscriptions(store)
        added, present = [], []
        for outline in outlines:
            a, p = subs.add([outline.url], now_utc(), title=outline.title)
            added += a
            present += p
    typer.echo(f"{len(added)} subscribed, {len(present)} already subscribed, from {opml}")


@feeds_app.command("export")
def feeds_export(
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write to this file.")] = None,
    home: HomeOption = None,
) -> None:
    """The subscriptions as OPML 2.0."""
    from ..desk import Subscriptions, write_opml
    from ..runtime import open_store
    from .explain import emit

    with open_store(settings_for(home)) as store:
        feeds = Subscriptions(store).all()
    emit(write_opml(feeds, now_utc()), out)


def _progress(poll) -> None:
    if poll.outcome == "failed":
        _say(f"feed failed: {poll.error}")
    elif poll.outcome == "new":
        _say(f"feed {poll.feed.url}: {len(poll.entries)} new entries, "
             f"{poll.articles_fetched} articles fetched")


def _print_cycle(report, rechecks) -> None:
    for problem in report.errors[:20]:
        _say(f"problem: {problem}")
    for problem in report.ingest.problems[:20]:
        _say(f"rejected: {problem}")
    typer.echo(report.line())
    for recheck in rechecks:
        typer.echo(f"explainer {recheck.line()}")


def refresh_command(
    feed: Annotated[Optional[list[str]], typer.Option("--feed", help="Poll this subscribed feed now, due or not (repeatable).")] = None,
    now: Annotated[Optional[str], typer.Option("--now", help="Time to stamp (ISO 8601; default: the current time).")] = None,
    home: HomeOption = None,
) -> None:
    """Poll every due feed once, ingest new articles, and update recent explainers."""
    from ..desk import LiveDesk, feed_url
    from ..runtime import open_store

    settings = settings_for(home)
    when = parse_time(now, "--now") or now_utc()
    only = [feed_url(u) for u in feed] if feed else None
    stop = threading.Event()
    with open_store(settings) as store, LiveDesk(settings, store) as desk, _stop_on_ctrl_c(stop):
        if only:
            known = {f.url for f in desk.subscriptions.all()}
            missing = [u for u in only if u not in known]
            if missing:
                raise InputError(f"--feed {missing[0]}: not subscribed; add it with "
                                 "`groundbrief feeds add`")
        report, rechecks = desk.refresh(when, stop=stop, progress=_progress, only=only)
    _print_cycle(report, rechecks)
    if report.interrupted:
        _say("refresh stopped early; what was stored is complete, the rest is polled next time")
        raise typer.Exit(130)


def watch_command(
    every: Annotated[Optional[float], typer.Option("--every", help="Seconds between refreshes (default: until the next feed is due).")] = None,
    home: HomeOption = None,
) -> None:
    """Refresh again and again until Ctrl-C (which finishes the feed in hand, then exits)."""
    from ..desk import LiveDesk
    from ..runtime import open_store

    if every is not None and every < 0:
        raise InputError(f"--every {every}: give a number of seconds, 0 or more")
    settings = settings_for(home)
    stop = threading.Event()
    with open_store(settings) as store, LiveDesk(settings, store) as desk, _stop_on_ctrl_c(stop):
        _say("watching the subscribed feeds; Ctrl-C to stop")
        cycles = desk.watch(stop, every_s=every, on_cycle=_print_cycle, progress=_progress)
    _say(f"stopped after {cycles} refreshes; everything fetched so far is stored")


class _stop_on_ctrl_c:
    """First Ctrl-C (or SIGTERM) asks the desk to stop after the feed in hand; a second one
    interrupts at once (each ingest batch is one transaction, so even that loses nothing
    already committed)."""

    def __init__(self, stop: threading.Event):
        self.stop = stop
        self._previous: dict[int, object] = {}

    def _handler(self, signum, frame) -> None:
        if self.stop.is_set():
            raise KeyboardInterrupt
        self.stop.set()
        _say("stopping after the feed in hand (Ctrl-C again to stop at once)")

    def __enter__(self) -> _stop_on_ctrl_c:
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                self._previous[sig] = signal.signal(sig, self._handler)
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)  # type: ignore[arg-type]


def register(app: typer.Typer) -> None:
    app.add_typer(feeds_app, name="feeds")
    app.command("refresh")(refresh_command)
    app.command("watch")(watch_command)
