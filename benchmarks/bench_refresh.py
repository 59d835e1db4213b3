"""One refresh of many local feeds: poll → linked articles → ingest, with items/s and peak RSS.

A server in a separate process (so its memory is not counted) serves ``--feeds`` RSS feeds of
``--items`` new entries each on 127.0.0.1, every feed under its own host name
(feed-0001.bench.test …, allowed with the fetch_allowed_hosts setting as an intranet would be).
By default each entry is a teaser and its article page is fetched, as for most news feeds;
``--full-text`` puts the whole article in the feed instead. The per-host pause is 0 here: it
is waiting, not work, and a real desk spreads it over many hosts.

    .venv/bin/python benchmarks/bench_refresh.py [--feeds 200] [--items 20] [--full-text] [--json]
"""

from __future__ import annotations

import argparse
import http.server
import json
import multiprocessing
import os
import resource
import shutil
import socket
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import commit, machine, peak_rss_mb  # noqa: E402

from groundbrief.config import Settings  # noqa: E402
from groundbrief.desk import LiveDesk  # noqa: E402
from groundbrief.runtime import open_store  # noqa: E402

DOMAIN = ".bench.test"
T0 = datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)
TOWNS = ["Eastbay", "Northwick", "Portmere", "Lindale", "Ashford", "Kelham", "Rivington"]
TOPICS = ["the harbour bridge", "the rail strike", "the council budget", "the flood defences",
          "the school merger", "the hospital wing", "the ferry contract", "the wind farm"]


def article(feed: int, item: int) -> tuple[str, list[str]]:
    town = TOWNS[(feed + item) % len(TOWNS)]
    topic = TOPICS[(feed * 7 + item) % len(TOPICS)]
    title = f"{town} decision on {topic} (report {feed}-{item})"
    paragraphs = [
        f"Officials in {town} announced a decision on {topic} on Monday, after a meeting that "
        f"lasted {2 + item % 5} hours, according to report {feed}-{item}.",
        f"The plan will cost {10 + (feed * item) % 90} million, the council said, and work is "
        f"due to start in {['March', 'June', 'September'][item % 3]}.",
        f"Residents of {town} said they had waited years for news on {topic}; a spokesperson "
        "for the opposition called the timetable optimistic.",
        f"A vote on the final details is expected next month, when {town}'s councillors meet "
        "again in the town hall.",
    ]
    return title, paragraphs


def page(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>"
            f"{escape(title)}</title></head><body><article><h1>{escape(title)}</h1>{body}"
            "</article></body></html>").encode()


def feed_xml(feed: int, items: int, port: int, full_text: bool) -> bytes:
    parts = ['<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>',
             f"<title>Bench Gazette {feed}</title><link>http://example.org/</link>"]
    for item in range(items):
        title, paragraphs = article(feed, item)
        link = f"http://feed-{feed:04d}{DOMAIN}:{port}/a/{item}"
        date = (T0 - timedelta(minutes=item)).strftime("%a, %d %b %Y %H:%M:%S +0000")
        text = " ".join(paragraphs) if full_text else f"{title}: read more."
        parts.append(f"<item><title>{escape(title)}</title><link>{link}</link><guid>{link}"
                     f"</guid><pubDate>{date}</pubDate><description>{escape(text)}"
                     "</description></item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode()


def serve(sock: socket.socket, feeds: int, items: int, full_text: bool) -> None:
    port = sock.getsockname()[1]
    feed_bodies = {f: feed_xml(f, items, port, full_text) for f in range(feeds)}

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):  # noqa: N802
            feed = int(self.headers.get("host", "feed-0000").split(".")[0].split("-")[1])
            if self.path == "/rss":
                body, ctype = feed_bodies[feed], "application/rss+xml"
            elif self.path.startswith("/a/"):
                body, ctype = page(*article(feed, int(self.path[3:]))), "text/html; charset=utf-8"
            else:
                body, ctype = b"", "text/plain"
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler,
                                             bind_and_activate=False)
    server.socket = sock
    server.daemon_threads = True
    server.serve_forever()


def _cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--feeds", type=int, default=200)
    ap.add_argument("--items", type=int, default=20)
    ap.add_argument("--full-text", action="store_true", help="whole articles in the feeds")
    ap.add_argument("--workers", type=int, default=8, help="feeds polled at once")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(256)
    port = sock.getsockname()[1]
    server = multiprocessing.Process(target=serve, args=(sock, args.feeds, args.items,
                                                         args.full_text), daemon=True)
    server.start()
    home = Path(tempfile.mkdtemp(prefix="bench-refresh-"))
    try:
        settings = Settings(home=home, fetch_allowed_hosts=[DOMAIN], fetch_host_interval_s=0.0)
        with open_store(settings) as store, LiveDesk(
                settings, store, resolve=lambda host: ["127.0.0.1"],
                workers=args.workers) as desk:
            desk.subscriptions.add(
                [f"http://feed-{f:04d}{DOMAIN}:{port}/rss" for f in range(args.feeds)], T0)
            desk.indexer.embedder.embed("warm up")  # model loading is not refresh work
            cpu0 = _cpu_s()
            start = time.perf_counter()
            report, _ = desk.refresh(T0)
            elapsed = time.perf_counter() - start
            cpu = _cpu_s() - cpu0
            load = os.getloadavg()[0]
            passages = store.counts()["passages"]
    finally:
        server.terminate()
        shutil.rmtree(home, ignore_errors=True)
    items = report.new_entries
    result = {
        "feeds": args.feeds, "items_per_feed": args.items, "full_text": args.full_text,
        "feeds_polled": report.feeds_polled, "failed": report.failed,
        "new_entries": items, "articles_fetched": report.articles_fetched,
        "sources_new": report.ingest.new, "passages": passages,
        "seconds": round(elapsed, 1), "items_per_s": round(items / elapsed, 1),
        "cpu_s": round(cpu, 1), "items_per_cpu_s": round(items / cpu, 1),
        "load_average_1m_at_end": round(load, 1),
        "peak_rss_mb": round(peak_rss_mb()), "machine": machine(), "commit": commit(),
    }
    if args.json:
        print(json.dumps(result))
        return
    print(f"refresh of {args.feeds} feeds x {args.items} new items "
          f"({'full text in feed' if args.full_text else 'teasers, articles fetched'}): "
          f"{items} entries, {report.articles_fetched} articles fetched, "
          f"{report.ingest.new} sources / {passages} passages stored, {report.failed} feeds "
          f"failed, in {elapsed:.1f} s = {items / elapsed:.1f} items/s; peak RSS "
          f"{peak_rss_mb():.0f} MB")
    print(f"CPU time of this process {cpu:.1f} s = {items / cpu:.1f} items per CPU-second; "
          f"load average at the end {load:.1f} (other jobs slow the wall-clock figure)")
    print(f"machine: {machine()}; commit {commit()}")


if __name__ == "__main__":
    main()
