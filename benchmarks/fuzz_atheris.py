"""Coverage-guided fuzzing (atheris, libFuzzer) of the same targets as benchmarks/fuzz.py.

hypothesis spends most of each case generating it (about 80 % of the time for the JSONL
target here); atheris mutates bytes at the speed of the parser and steers towards new
branches of groundbrief's code, so the long runs of the issue's target (100,000 cases per
parser) fit on a small machine. The checks are fuzz.py's: every case must end in Sources and
Rejections (or a one-line InputError), every kept string must encode, the web must answer
below 500. A failing case is counted and saved, and the run goes on.

    pip install atheris            # a cp311 manylinux wheel exists; nothing to build
    python benchmarks/fuzz_atheris.py jsonl --runs 100000 --save-failures /tmp/fuzz-failures
    python benchmarks/fuzz_atheris.py page --runs 100000 --max-seconds 600 -- -max_len=8192

One target per process (libFuzzer owns the process). Prints one JSON line at the end: cases,
failures, slowest case, peak RSS, the kinds of failure. Arguments after ``--`` go to libFuzzer.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import sys
import tempfile
import time
import traceback
import warnings
from pathlib import Path

import atheris

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "tests" / "fixtures" / "ingest"
# Python packages whose branches guide the mutations (lxml and the regex engine are C).
INSTRUMENTED = ["groundbrief", "trafilatura", "feedparser", "htmldate", "courlan", "justext",
                "dateutil", "email"]

FILE_TARGETS = {"jsonl", "json", "gz", "csv", "feed", "page"}
SEED_FILES = {"jsonl": ["articles.jsonl"], "json": ["articles.jsonl"], "gz": ["articles.jsonl"],
              "csv": ["articles.csv"], "feed": ["feed.rss", "feed.atom", "not_a_feed.xml"],
              "page": ["page.html", "hostile.html"], "markup": ["hostile.html", "page.html"]}
# Tokens libFuzzer splices into inputs: the shapes that broke the readers before.
DICTIONARY = ['"\\ud800"', '"\\udfff"', "<title>", "</title>", "<p>", "</p>", "<body>", "</body>",
              "<html>", "<![CDATA[", "]]>", "&#x110000;", "&#0;", "&#xD800;", "<item>", "</item>",
              "<pubDate>", "</pubDate>", "<entry>", "<updated>", "+25:00", "0001-01-01T00:00:00+01:00",
              "Mon, 01 Jan 0000 00:00:00 GMT", "10000", '"published": ', '"text": ', '"title": ',
              '"authors": [', '"url": ', "Mr. ", "U.S.", "\\u0000", "1e309", "[[[[", "{\"a\":",
              "<script>", "javascript:", "http://[::1]/", "\r\n", "\x1b", "\ufeff"]


def _value(data: bytes, kind: int) -> object:
    """A date-like value from bytes: text (lone surrogates for undecodable bytes), an integer,
    a float or any JSON value, as records and feeds hand them to the date parser."""
    text = data.decode("utf-8", "surrogateescape")
    try:
        if kind == 1:
            return int(text)
        if kind == 2:
            return float(text)
        if kind == 3:
            return json.loads(text)
    except (ValueError, RecursionError):
        pass
    return text


class Runner:
    def __init__(self, fuzz, target, runs: int, save: Path | None, max_s: float):
        self.max_s = max_s
        self.fuzz, self.target, self.runs, self.save = fuzz, target, runs, save
        self.cases = self.failures = 0
        self.slowest_s = 0.0  # wall time: includes waiting for a core on a shared machine
        self.slowest_cpu_s = 0.0  # the most CPU any case took
        self.slowest_own_cpu_s = 0.0  # the CPU time of the slowest case by wall time
        self.slowest_input = b""
        self.kinds: dict[str, int] = {}
        self.t0 = time.perf_counter()

    def convert(self, data: bytes) -> object:
        name = self.target.name
        if name in FILE_TARGETS:
            return data
        if name == "date":
            return _value(data[1:], data[0] % 4) if data else ""
        return data.decode("utf-8", "surrogateescape")  # markup, brief, api: text

    def one(self, data: bytes) -> None:
        value = self.convert(data)
        t0, c0 = time.perf_counter(), time.process_time()
        try:
            self.target.check(value)
        except Exception as exc:  # noqa: BLE001 - counting failures is the point here
            self.failures += 1
            kind = self.fuzz.failure_kind(exc)
            self.kinds[kind] = self.kinds.get(kind, 0) + 1
            if self.save is not None:
                self.save.mkdir(parents=True, exist_ok=True)
                stem = self.save / f"{self.target.name}-{self.failures}"
                stem.with_suffix(".bin").write_bytes(data)
                stem.with_suffix(".txt").write_text(
                    f"{ascii(value)[:5000]}\n\n{traceback.format_exc()}", encoding="utf-8")
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        self.slowest_cpu_s = max(self.slowest_cpu_s, cpu)
        if elapsed > self.slowest_s:
            # its CPU time says whether it was the input or a wait for a core
            self.slowest_s, self.slowest_input, self.slowest_own_cpu_s = elapsed, data, cpu
        self.cases += 1
        if self.cases % 2_000 == 0:
            print(f"# {self.target.name}: {self.cases:,} cases, {self.failures} failures, "
                  f"{self.cases / (time.perf_counter() - self.t0):.0f}/s", file=sys.stderr,
                  flush=True)
        if self.cases >= self.runs or time.perf_counter() - self.t0 > self.max_s:
            self.finish()

    def finish(self) -> None:
        from _common import peak_rss_mb

        row = {"target": self.target.name, "engine": "atheris", "cases": self.cases,
               "failures": self.failures, "slowest_case_s": round(self.slowest_s, 3),
               "slowest_case_own_cpu_s": round(self.slowest_own_cpu_s, 3),
               "most_cpu_s": round(self.slowest_cpu_s, 3),
               "wall_s": round(time.perf_counter() - self.t0, 1),
               "peak_rss_mb": round(peak_rss_mb()), "kinds": self.kinds}
        if self.save is not None:
            self.save.mkdir(parents=True, exist_ok=True)
            (self.save / f"{self.target.name}-slowest.bin").write_bytes(self.slowest_input)
        print(json.dumps(row), flush=True)
        for folder in getattr(self.fuzz, "_FOLDER", []):  # os._exit skips fuzz.py's atexit
            shutil.rmtree(folder, ignore_errors=True)
        # libFuzzer would run on; its exit path skips Python's, so leave here.
        os._exit(1 if self.failures else 0)


def _dict_entry(token: str) -> str:
    """One line of a libFuzzer dictionary: the token's UTF-8 bytes, escaped as \\xNN."""
    body = "".join(chr(b) if 32 <= b < 127 and b not in b'"\\' else f"\\x{b:02x}"
                   for b in token.encode("utf-8"))
    return f'"{body}"\n'


def seed_corpus(fuzz, target, folder: Path, n: int) -> None:
    """Committed fixtures plus ``n`` examples of fuzz.py's hypothesis strategy, as bytes."""
    for name in SEED_FILES.get(target.name, []):
        (folder / name).write_bytes((FIXTURES / name).read_bytes())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for i in range(n):
            value = target.strategy.example()
            if isinstance(value, bytes):
                data = value
            elif target.name == "date":
                kind = (1 if isinstance(value, int) and not isinstance(value, bool)
                        else 2 if isinstance(value, float) and math.isfinite(value)
                        else 0 if isinstance(value, str) else 3)
                text = value if kind == 0 else json.dumps(value) if kind == 3 else repr(value)
                data = bytes([kind]) + text.encode("utf-8", "surrogatepass")
            else:
                data = str(value).encode("utf-8", "surrogatepass")
            (folder / f"seed-{i}").write_bytes(data)


def main() -> None:
    own, _, libfuzzer = " ".join(sys.argv[1:]).partition(" -- ")
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target")
    parser.add_argument("--runs", type=int, default=10_000)
    parser.add_argument("--max-seconds", type=float, default=math.inf,
                        help="stop earlier, after this long (the cases reached are printed)")
    parser.add_argument("--seeds", type=int, default=50, help="hypothesis examples in the seed corpus")
    parser.add_argument("--save-failures", type=Path, default=None)
    args = parser.parse_args(own.split())
    sys.path.insert(0, str(HERE))
    with atheris.instrument_imports(include=INSTRUMENTED):
        import fuzz

        target = {t.name: t for t in fuzz.TARGETS}[args.target]
        fuzz.warm_up(target)  # lazy imports (trafilatura, the web app) load instrumented
    runner = Runner(fuzz, target, args.runs, args.save_failures, args.max_seconds)
    work = Path(tempfile.mkdtemp(prefix=f"groundbrief-atheris-{target.name}-"))
    corpus = work / "corpus"
    corpus.mkdir()
    seed_corpus(fuzz, target, corpus, args.seeds)
    dictionary = work / "tokens.dict"
    dictionary.write_text("".join(_dict_entry(t) for t in DICTIONARY), encoding="ascii")
    # -rss_limit_mb bounds memory: a case that grows the process past it is a failure too.
    # libFuzzer's own artifacts (slow-unit-*, timeout-*, crash-*) go to the work folder, not
    # into the current directory.
    flags = [sys.argv[0], str(corpus), f"-dict={dictionary}", "-max_len=4096",
             f"-artifact_prefix={work}/",
             "-rss_limit_mb=2048", "-timeout=60", "-print_final_stats=0", *libfuzzer.split()]
    print(f"# atheris {args.target}: {args.runs:,} cases, work folder {work}", file=sys.stderr,
          flush=True)
    atheris.Setup(flags, runner.one)
    atheris.Fuzz()


if __name__ == "__main__":
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    main()
