"""A real HTTP server on 127.0.0.1 whose pages the test changes between polls.

Each path maps to a :class:`Reply` (or a function of the request that returns one). A reply can
carry an ETag and Last-Modified, in which case a conditional GET that matches gets a 304; it
can trickle its body a byte at a time, or stall, to test deadlines. Every request is recorded
with its headers.
"""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    trickle_s: float | None = None  # pause between bytes of the body
    stall_s: float = 0.0  # pause before answering at all


@dataclass
class Seen:
    path: str
    headers: dict[str, str]
    at: float
    host: str


class LiveSite:
    def __init__(self) -> None:
        self.routes: dict[str, Reply | Callable[[Seen], Reply]] = {}
        self.requests: list[Seen] = []
        self._lock = threading.Lock()
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802 - http.server's naming
                seen = Seen(self.path, {k.lower(): v for k, v in self.headers.items()},
                            time.monotonic(), self.headers.get("host", ""))
                with site._lock:
                    site.requests.append(seen)
                    route = site.routes.get(self.path)
                reply = route(seen) if callable(route) else route
                if reply is None:
                    reply = Reply(404, b"not found", "text/plain")
                if reply.stall_s:
                    time.sleep(reply.stall_s)
                if (reply.etag and seen.headers.get("if-none-match") == reply.etag) or (
                        reply.last_modified
                        and seen.headers.get("if-modified-since") == reply.last_modified):
                    self.send_response(304)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                if reply.etag:
                    self.send_header("ETag", reply.etag)
                if reply.last_modified:
                    self.send_header("Last-Modified", reply.last_modified)
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                try:
                    if reply.trickle_s is None:
                        self.wfile.write(reply.body)
                        return
                    for i in range(len(reply.body)):
                        self.wfile.write(reply.body[i:i + 1])
                        self.wfile.flush()
                        time.sleep(reply.trickle_s)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up, as it should

            def log_message(self, *args):  # keep test output quiet
                pass

        class Server(http.server.ThreadingHTTPServer):
            def handle_error(self, request, client_address):
                # A client that gives up (deadline, size cap) resets the connection: expected.
                import sys

                if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
                    super().handle_error(request, client_address)

        self.server = Server(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def hits(self, path: str) -> int:
        with self._lock:
            return sum(1 for r in self.requests if r.path == path)

    def __enter__(self) -> LiveSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def rss(title: str, items: list[tuple[str, str, str, str]], *, encoding: str = "utf-8") -> bytes:
    """An RSS 2.0 feed: items are (title, link, RFC 822 date, description)."""
    from xml.sax.saxutils import escape

    parts = [f'<?xml version="1.0" encoding="{encoding}"?>',
             '<rss version="2.0"><channel>', f"<title>{escape(title)}</title>",
             "<link>http://example.org/</link>"]
    for item_title, link, date, description in items:
        parts.append(f"<item><title>{escape(item_title)}</title><link>{escape(link)}</link>"
                     f"<guid>{escape(link)}</guid><pubDate>{date}</pubDate>"
                     f"<description>{escape(description)}</description></item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode(encoding)


def article_html(title: str, paragraphs: list[str], *, charset: str = "utf-8",
                 declare: bool = True, published: str | None = None) -> bytes:
    meta = f'<meta charset="{charset}">' if declare else ""
    date = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = (f"<!doctype html><html lang=\"en\"><head>{meta}{date}<title>{title}</title></head>"
            f"<body><article><h1>{title}</h1>{body}</article></body></html>")
    return html.encode(charset)
