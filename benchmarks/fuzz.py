"""Fuzz every parser an outsider can feed, and the JSON API bodies, with hypothesis.

Each target takes one generated input and checks what must hold for ANY input: the answer is
Sources and Rejections (or a one-line InputError for a whole unusable file), never another
exception; whatever is kept can be encoded, hashed and stored; the web answers below 500.
``tests/test_fuzz.py`` runs every target for a CI-sized number of cases; this script runs
them for as long as you like and prints, per target, the cases tried, the failures, the
slowest case and the peak memory:

    .venv/bin/python benchmarks/fuzz.py --cases 100000            # every target
    .venv/bin/python benchmarks/fuzz.py --cases 5000 --only jsonl feed
    .venv/bin/python benchmarks/fuzz.py --cases 2000 --save-failures /tmp/fuzz-failures

A failing input is written to ``--save-failures`` (one file per failure) so it can be kept as a
regression test in tests/test_hostile_ingest.py.
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import machine, peak_rss_mb  # noqa: E402

from groundbrief.errors import InputError  # noqa: E402
from groundbrief.interfaces import Rejected  # noqa: E402
from groundbrief.models import Source  # noqa: E402

# ---------------------------------------------------------------- building blocks

# Every code point, lone surrogates and control characters included: what JSON "\ud800"
# escapes, mis-decoded files and command-line bytes can hand over.
ANY_CHAR = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=())
HOSTILE_TEXT = st.one_of(
    st.text(ANY_CHAR, max_size=200),
    st.sampled_from(["\ud800", "\udfff", "\x00", "\x1b[31m", "\u202e", "\ufeff", "\uffff",
                     "Mr. " * 50, "<script>alert(1)</script>", "&#x110000;", "]]>", "\r\n\r\n",
                     "e\u0301", "Ａ", "𝕏", "\u0085", "\u2028"]),
    st.lists(st.sampled_from(["Mr.", " ", "U.S.", "J.", ".", "\n", "A", "é", "\udc80"]),
             max_size=300).map("".join),
)
DATE_LIKE = st.one_of(
    st.sampled_from(["2020-01-01T00:00:00+25:00", "0001-01-01T00:00:00+01:00",
                     "9999-12-31T23:59:59-01:00", "Mon, 01 Jan 0000 00:00:00 GMT",
                     "Mon, 01 Jan 10000 00:00:00 GMT", "26-FEB-1987 15:01:01.79", "1987",
                     "yesterday", "2024-02-30", "2024-13-01", "T", "Z", "+", "1" * 200]),
    st.from_regex(r"\A-?\d{1,5}-\d{1,2}-\d{1,2}(T\d{1,2}:\d{1,2}(:\d{1,2})?([+-]\d{1,2}:\d{2}|Z)?)?\Z"),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    HOSTILE_TEXT,
)
SCALAR = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), HOSTILE_TEXT,
                   st.integers(min_value=10**300, max_value=10**310))
JSON_VALUE = st.recursive(SCALAR, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(HOSTILE_TEXT, inner, max_size=4)), max_leaves=12)
FIELDS = ["id", "title", "text", "body", "url", "link", "published", "date", "outlet",
          "source", "language", "authors", "author", "attribution", "licence", "newid", "dateline"]
RECORD = st.fixed_dictionaries({}, optional={
    "text": st.one_of(HOSTILE_TEXT, st.lists(HOSTILE_TEXT, max_size=4), JSON_VALUE),
    "title": st.one_of(HOSTILE_TEXT, JSON_VALUE),
    "url": st.one_of(st.sampled_from(["http://a.example/x", "https://[::1]/", "http://a b/",
                                      "http://x:99999/", "javascript:alert(1)", "http://\udcff/"]),
                     HOSTILE_TEXT),
    "published": DATE_LIKE,
    "authors": st.one_of(st.lists(st.one_of(HOSTILE_TEXT, JSON_VALUE), max_size=30), HOSTILE_TEXT),
    "id": st.one_of(HOSTILE_TEXT, st.integers(), JSON_VALUE),
    "outlet": HOSTILE_TEXT, "language": HOSTILE_TEXT,
    "newid": st.integers(), "dateline": HOSTILE_TEXT,
}) | st.dictionaries(st.sampled_from(FIELDS), JSON_VALUE, max_size=6)


def _nested(depth: int) -> str:
    return '{"text": ' + "[" * depth + "]" * depth + "}"


JSONL_LINE = st.one_of(
    RECORD.map(lambda r: json.dumps(r, ensure_ascii=True)),
    RECORD.map(lambda r: json.dumps(r, ensure_ascii=False)),
    st.integers(min_value=1, max_value=200_000).map(_nested),
    st.integers(min_value=4000, max_value=6000).map(lambda n: '{"text": "t", "published": ' + "9" * n + "}"),
    HOSTILE_TEXT,
)


def _bytes_of(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


JSONL_FILE = st.lists(JSONL_LINE, min_size=1, max_size=6).map(lambda ls: _bytes_of("\n".join(ls) + "\n"))
CSV_FILE = st.builds(
    lambda header, rows: _bytes_of("\n".join([",".join(header)] + [",".join(r) for r in rows])),
    st.lists(st.sampled_from(FIELDS + ['"', "", "a,b"]), min_size=1, max_size=5),
    st.lists(st.lists(st.one_of(HOSTILE_TEXT, DATE_LIKE.map(str)), max_size=6), max_size=5),
)
MARKUP_PIECE = st.one_of(
    st.sampled_from(["<p>", "</p>", "<title>", "</title>", "<body>", "</body>", "<html>",
                     "<head>", "<script>x</script>", "<![CDATA[", "]]>", "&#x110000;", "&#0;",
                     "&#xD800;", "&amp;", "&nbsp;", "<!--", "-->", "<br>", "<img src=x onerror=alert(1)>",
                     "<?xml version='1.0'?>", "<!DOCTYPE html>", "<a href='javascript:x'>", "\x00",
                     "<div>" * 50, "<p>" * 200]),
    HOSTILE_TEXT,
)
ITEM = st.builds(
    lambda title, date, body, link: (
        f"<item><title>{title}</title><pubDate>{date}</pubDate>"
        f"<description>{body}</description><link>{link}</link><guid>{title}</guid></item>"),
    st.lists(MARKUP_PIECE, max_size=5).map("".join), DATE_LIKE.map(str),
    st.lists(MARKUP_PIECE, max_size=8).map("".join),
    st.sampled_from(["http://a.example/1", "/relative", "", "javascript:x", "http://[::1"]),
)
FEED_FILE = st.one_of(
    st.lists(ITEM, max_size=5).map(lambda items: _bytes_of(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        "<link>https://wire.example/</link>" + "".join(items) + "</channel></rss>")),
    st.lists(MARKUP_PIECE, max_size=30).map(lambda ps: _bytes_of('<rss version="2.0">' + "".join(ps))),
    st.lists(MARKUP_PIECE, max_size=30).map(lambda ps: _bytes_of('<feed xmlns="http://www.w3.org/2005/Atom">' + "".join(ps))),
)
PAGE_FILE = st.one_of(
    st.lists(MARKUP_PIECE, max_size=40).map(lambda ps: _bytes_of("<html>" + "".join(ps))),
    st.binary(max_size=2000).map(lambda b: b"<html><body>" + b),
)

# ---------------------------------------------------------------- targets


def _check_items(items: list) -> None:
    for item in items:
        assert isinstance(item, (Source, Rejected)), type(item)
        if isinstance(item, Source):
            # What is kept can be encoded (hashed, stored, shown) and is not empty.
            for value in (item.id, item.title, item.text, item.url or "", item.outlet or "",
                          *item.authors):
                value.encode("utf-8")
            assert item.text.strip()
        else:
            str(item).encode("utf-8")
            assert item.where and item.reason


_FOLDER: list[Path] = []


def _case_folder() -> Path:
    """One folder per process, on tmpfs where there is one: a fresh temporary folder per
    case spent 60 % of a JSONL case's wall time in mkdir and rmdir on this machine's disk."""
    if not _FOLDER:
        shm = Path("/dev/shm")
        _FOLDER.append(Path(tempfile.mkdtemp(prefix="groundbrief-fuzz-",
                                             dir=shm if shm.is_dir() else None)))
        atexit.register(shutil.rmtree, _FOLDER[0], True)
    return _FOLDER[0]


def _read_file(data: bytes, suffix: str) -> None:
    from groundbrief.ingest import read_sources

    path = _case_folder() / f"input{suffix}"  # overwritten by the next case
    path.write_bytes(data)
    try:
        items = list(read_sources([str(path)]))
    except InputError as exc:  # the whole file is unusable: one line, exit 2
        assert "\n" not in str(exc)
        return
    _check_items(items)


def target_jsonl(data: bytes) -> None:
    _read_file(data, ".jsonl")


def target_json(data: bytes) -> None:
    _read_file(data, ".json")


def target_gz(data: bytes) -> None:
    import gzip

    whole = gzip.compress(data)
    _read_file(whole[: max(10, len(whole) * 2 // 3)], ".jsonl.gz")  # cut: a truncated download


def target_csv(data: bytes) -> None:
    _read_file(data, ".csv")


def target_feed(data: bytes) -> None:
    _read_file(data, ".xml")


def target_page(data: bytes) -> None:
    _read_file(data, ".html")


def target_date(value: object) -> None:
    from groundbrief.ingest.dates import DateError, parse_date

    try:
        parse_date(value)
    except DateError as exc:
        str(exc).encode("utf-8")


def target_markup(fragment: str) -> None:
    from groundbrief.ingest.markup import html_to_text

    assert isinstance(html_to_text(fragment), str)


def target_brief(text: str) -> None:
    from groundbrief.brief.parse import RuleBriefParser

    try:
        brief = RuleBriefParser().parse(text)
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    brief.text.encode("utf-8")


class _AppClient:
    """Requests straight into the ASGI app on one event loop of this thread (httpx's
    ASGITransport). Starlette's TestClient hands every request to a portal thread: 8.3 ms of
    CPU per request here against 2.8 ms, which held the API target to 18 cases a second.
    An exception the app does not turn into a response is raised here, so it is counted as
    a failure with its own type."""

    def __init__(self, app):
        import asyncio
        import importlib.util

        import httpx

        if importlib.util.find_spec("sniffio") is None:
            # httpx's ASGITransport tries `import sniffio` on every request; where it is not
            # installed, each failed import searched sys.path again (1.2 ms a request).
            sys.modules["sniffio"] = None  # type: ignore[assignment]
        self._app = app
        self._loop = asyncio.new_event_loop()
        self._client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                         base_url="http://testserver")

    def forget_jobs(self) -> None:
        """Drop the briefs accepted so far. Nothing runs them here, so they would pile up:
        past ``max_queued_jobs`` every submission is a 503 (a full queue, not a bug), and
        ``submit`` counts the waiting ones on each call, so a long run would slow down."""
        import queue

        jobs = self._app.state.web.jobs
        with jobs._lock:
            jobs._jobs.clear()
            jobs._queue = queue.Queue()

    def post(self, url: str, **kwargs):
        return self._loop.run_until_complete(self._client.post(url, **kwargs))

    def get(self, url: str, **kwargs):
        return self._loop.run_until_complete(self._client.get(url, **kwargs))


_CLIENTS: dict[str, _AppClient] = {}


def _api_client() -> _AppClient:
    """The app on a fresh store, its lifespan (the worker) never started: accepted briefs wait
    in the queue and nothing runs the pipeline, so only the request handling is exercised."""
    if "client" not in _CLIENTS:
        from groundbrief.config import Settings
        from groundbrief.web import WebSettings, create_app

        home = Path(tempfile.mkdtemp(prefix="groundbrief-fuzz-"))
        web = WebSettings(editor_token="fuzz-token-0123456789abcdef", max_queued_jobs=10_000,
                          submit_per_minute=10_000, editor_submit_per_minute=10_000)
        _CLIENTS["client"] = _AppClient(create_app(Settings(home=home), web))
    return _CLIENTS["client"]


API_BODY = st.one_of(
    st.fixed_dictionaries({"text": HOSTILE_TEXT}, optional={"as_of": DATE_LIKE}),
    JSON_VALUE,
).map(lambda v: json.dumps(v, ensure_ascii=True)) | st.binary(max_size=300).map(
    lambda b: b.decode("latin-1"))


def _wire(text: str) -> str:
    from urllib.parse import quote_plus

    return quote_plus(text.encode("utf-8", "surrogatepass"))


def target_api(body: str) -> None:
    client = _api_client()
    client.forget_jobs()
    auth = {"Authorization": "Bearer fuzz-token-0123456789abcdef",
            "Content-Type": "application/json"}
    r = client.post("/api/briefs", content=body.encode("utf-8", "surrogatepass"), headers=auth)
    assert r.status_code < 500, (r.status_code, r.text[:200])
    # Form and query bytes as a client could send them: percent-escapes of any bytes, lone
    # surrogates as their (invalid) UTF-8 (httpx would refuse to encode them itself).
    # An as-of from the body's own opening on every case made every form a 400 (150 of 150
    # here): half the cases send none, so the brief itself is read and queued.
    as_of = body[:40] if len(body) % 2 else ""
    form = (f"brief={_wire(body)}&as_of={_wire(as_of)}"
            "&token=fuzz-token-0123456789abcdef")
    r = client.post("/submit", content=form.encode("ascii"),
                    headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code < 500, (r.status_code, r.text[:200])
    r = client.get("/api/search?q=" + _wire(body[:200] or "x"))
    assert r.status_code < 500, (r.status_code, r.text[:200])


@dataclass
class Target:
    name: str
    strategy: st.SearchStrategy
    check: Callable[[object], None]


TARGETS = [
    Target("jsonl", JSONL_FILE, target_jsonl),
    Target("json", JSONL_FILE, target_json),
    Target("gz", JSONL_FILE, target_gz),
    Target("csv", CSV_FILE, target_csv),
    Target("feed", FEED_FILE, target_feed),
    Target("page", PAGE_FILE, target_page),
    Target("date", DATE_LIKE | JSON_VALUE, target_date),
    Target("markup", st.lists(MARKUP_PIECE, max_size=40).map("".join), target_markup),
    Target("brief", HOSTILE_TEXT | st.lists(HOSTILE_TEXT, max_size=20).map(" ".join), target_brief),
    Target("api", API_BODY, target_api),
]

# ---------------------------------------------------------------- long runs


WARM_UP = {"date": "2024-03-04", "markup": "<p>x</p>", "brief": "The minister said the dam opened.",
           "api": '{"text": " "}', "csv": b"id,title,text\n1,Dam,The dam opened on Monday.\n",
           "feed": b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item>'
                   b"<title>Dam</title><description>The dam opened.</description></item></channel></rss>",
           "page": b"<html><head><title>Dam</title></head><body><article><p>The dam opened on "
                   b"Monday, the ministry said.</p></article></body></html>"}


def warm_up(target: Target) -> None:
    """One ordinary input first, so that imports and model loading (the language identifier,
    trafilatura, the web app) are not counted as the slowest case; and the loads that only
    some inputs trigger, once per process (spaCy's vocabulary for a brief cut mid-word, 4.5 s
    of CPU; justext's stoplists for a page trafilatura finds no article in, 0.5 s)."""
    target.check(WARM_UP.get(target.name, b'{"text": "The dam opened on Monday.", "title": "Dam"}\n'))
    if target.name in {"jsonl", "json", "gz", "csv", "feed", "page"}:
        # The language identifier (5 s at load 9 here) loads on the first record with 20
        # letters or more; the warm-up records are shorter.
        from groundbrief.ingest.language import detect_language

        detect_language("The dam opened on Monday morning, the ministry said.")
    if target.name == "brief":
        from groundbrief.brief.post import _english_vocabulary

        _english_vocabulary()
    if target.name == "page":
        from trafilatura.external import jt_stoplist_init

        jt_stoplist_init()


def failure_kind(exc: BaseException) -> str:
    """The exception's type and first line, positions and characters blanked, so that one
    bug counts as one kind."""
    import re

    first = str(exc).splitlines()[0][:80] if str(exc) else ""
    first = re.sub(r"\\u[0-9a-f]{4}|\\x[0-9a-f]{2}|'.'", "?", first)
    return f"{type(exc).__name__}: {re.sub(r'[0-9]+', 'N', first)}"


@dataclass
class Tally:
    cases: int = 0
    failures: int = 0
    slowest_s: float = 0.0
    kinds: dict[str, int] = field(default_factory=dict)


def run_target(target: Target, cases: int, save: Path | None) -> Tally:
    """Every generated case runs; a failure is counted (and saved), never stops the run."""
    tally = Tally()

    @settings(max_examples=cases, database=None, deadline=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(target.strategy)
    def each(value):
        tally.cases += 1
        t0 = time.perf_counter()
        try:
            target.check(value)
        except Exception as exc:  # noqa: BLE001 - counting failures is the point here
            tally.failures += 1
            kind = failure_kind(exc)
            tally.kinds[kind] = tally.kinds.get(kind, 0) + 1
            if save is not None:
                save.mkdir(parents=True, exist_ok=True)
                out = save / f"{target.name}-{tally.failures}.txt"
                out.write_text(f"{ascii(value)}\n\n{traceback.format_exc()}", encoding="utf-8")
        tally.slowest_s = max(tally.slowest_s, time.perf_counter() - t0)

    warm_up(target)
    each()
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=2000, help="cases per target")
    parser.add_argument("--only", nargs="*", help="targets to run (default: all)")
    parser.add_argument("--save-failures", type=Path, default=None)
    parser.add_argument("--json", action="store_true", help="one JSON line per target")
    args = parser.parse_args(argv)
    names = set(args.only or [t.name for t in TARGETS])
    print(f"# fuzz: {args.cases} cases per target on {machine()}", file=sys.stderr)
    total_failures = 0
    for target in TARGETS:
        if target.name not in names:
            continue
        t0 = time.perf_counter()
        tally = run_target(target, args.cases, args.save_failures)
        elapsed = time.perf_counter() - t0
        total_failures += tally.failures
        row = {"target": target.name, "cases": tally.cases, "failures": tally.failures,
               "slowest_case_s": round(tally.slowest_s, 3), "wall_s": round(elapsed, 1),
               "peak_rss_mb": round(peak_rss_mb()), "kinds": tally.kinds}
        if args.json:
            print(json.dumps(row), flush=True)
        else:
            print(f"{target.name:7s} cases {tally.cases:7,d}  failures {tally.failures:5,d}  "
                  f"slowest {tally.slowest_s:6.3f} s  wall {elapsed:7.1f} s  "
                  f"peak RSS {peak_rss_mb():6.0f} MB", flush=True)
            for kind, n in sorted(tally.kinds.items(), key=lambda kv: -kv[1])[:5]:
                print(f"    {n:5d} x {kind}")
    return 1 if total_failures else 0


if __name__ == "__main__":
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    sys.exit(main())
