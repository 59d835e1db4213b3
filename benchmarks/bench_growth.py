"""Growth curve (issue 12, item 5): explain latency, peak RSS and ingest rate as the store grows.

Synthetic growth from a real corpus: the store starts as a copy of a real store (the
all-Reuters one: 19,042 articles) and grows with copies of its articles, each re-dated (up to
ten years either way) and with perturbed text (about one word in ten dropped or swapped with
its neighbour, every figure changed), so a search has to pick the right article among
near-copies. A copy's passage vectors are its original passages' vectors plus Gaussian noise
(cosine about 0.95 to the original), renormalised: embedding hundreds of thousands of passages
with the real model would take hours on two cores, and the embedder's cost per article does not
depend on the store's size (bench_ingest.py measures it: ~262 passages/s). So the "ingest" rate
here is everything but the embedder: reading, chunking, SQLite and FTS writes, and the on-disk
vector index's sync, through the real Indexer.

At each size (after growing to it) the script measures, each in a fresh process:
- explain in-process: ``--briefs`` briefs (first sentences of seeded random *original* articles)
  explained one after another, p50/p95 (the first explain, which loads the models, apart);
- explain as a CLI process: ``groundbrief explain BRIEF`` run ``--cli-runs`` times, wall time
  p50 and peak RSS of the whole process.

    .venv/bin/python benchmarks/bench_growth.py --base REUTERS_HOME --work DIR \\
        --sizes 20000,200000 [--briefs 20] [--cli-runs 5] [--json]

DIR receives the growing store (about 75 KB of SQLite and 3.6 KB of index per article) and
must not exist yet, unless --resume continues a run that was interrupted.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import commit, first_sentences, machine, peak_rss_mb  # noqa: E402

import groundbrief  # noqa: E402
from groundbrief.config import STORE_FILE  # noqa: E402
from groundbrief.index.chunk import SentenceWindowChunker  # noqa: E402
from groundbrief.index.indexer import Indexer  # noqa: E402
from groundbrief.models import Source  # noqa: E402
from groundbrief.store import SQLiteStore  # noqa: E402
from groundbrief.text import content_hash  # noqa: E402

NOW = "2026-11-23T12:00:00Z"
NOISE = 0.33  # per-vector Gaussian noise norm: cosine to the original ~ 1/sqrt(1 + 0.33^2) = 0.95
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_TOKEN = re.compile(r"\S+")
SRC = str(Path(groundbrief.__file__).resolve().parents[1])


# ---------------------------------------------------------------- synthetic copies


def perturb(text: str, rng: random.Random) -> str:
    """About one word in ten dropped or swapped with its neighbour, every figure changed."""
    text = _NUMBER.sub(lambda m: str(max(1, int(rng.uniform(0.5, 1.5) * (len(m.group()) * 7 + 3)))), text)
    lines = []
    for line in text.split("\n"):
        words = _TOKEN.findall(line)
        out: list[str] = []
        i = 0
        while i < len(words):
            r = rng.random()
            if r < 0.05 and len(words) > 3:
                i += 1  # dropped
                continue
            if r < 0.10 and i + 1 < len(words):
                out += [words[i + 1], words[i]]
                i += 2
                continue
            out.append(words[i])
            i += 1
        lines.append(" ".join(out))
    return "\n".join(lines)


class RecycledVectors:
    """The embedder for synthetic copies: each passage text maps to a noisy copy of its
    original's vector (registered by the generator before the Indexer asks for it)."""

    name = "use-multilingual-v3"  # the vectors are that model's, perturbed
    dim = 512

    def __init__(self) -> None:
        self.vectors: dict[str, np.ndarray] = {}
        self._refs: dict[str, int] = {}  # two copies may share a passage text

    def register(self, text: str, vector: np.ndarray) -> None:
        self.vectors[text] = vector
        self._refs[text] = self._refs.get(text, 0) + 1

    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = np.stack([self.vectors[t] for t in texts])
        for t in texts:
            self._refs[t] -= 1
            if not self._refs[t]:
                del self._refs[t], self.vectors[t]
        return out

    def embed(self, text: str) -> np.ndarray:
        return self.embed_batch([text])[0]


def copies(base: SQLiteStore, start: int, count: int, embedder: RecycledVectors,
           seed: int = 0) -> Iterator[Source]:
    """Copies number ``start`` .. ``start + count - 1``: copy i is of original i mod N."""
    originals = [r[0] for r in base.db.execute(
        "SELECT id FROM sources WHERE id NOT LIKE 'growth:%' ORDER BY id")]
    chunker = SentenceWindowChunker()
    for n in range(start, start + count):
        rng = random.Random(f"{seed}:{n}")
        orig = base.get_source(originals[n % len(originals)])
        assert orig is not None
        rowids, _, vecs = base.passage_vectors([r[0] for r in base.db.execute(
            "SELECT rowid FROM passages WHERE source_id=? ORDER BY ordinal", (orig.id,))])
        text = perturb(orig.text, rng)
        title = perturb(orig.title, rng)
        shift = timedelta(days=rng.uniform(-3650, 3650))
        source = orig.model_copy(update={
            "id": f"growth:{n}", "title": title, "text": text,
            "url": None, "published_at": orig.published_at + shift if orig.published_at else None,
            "content_hash": content_hash(title, text),
        })
        passages = chunker.chunk(source)
        if not passages:
            continue
        nprng = np.random.default_rng(n)
        for j, p in enumerate(passages):
            base_vec = vecs[min(len(vecs) - 1, j * len(vecs) // len(passages))].astype(np.float32) \
                if len(vecs) else nprng.normal(size=RecycledVectors.dim).astype(np.float32)
            v = base_vec + nprng.normal(size=base_vec.shape).astype(np.float32) * NOISE / np.sqrt(len(base_vec))
            embedder.register(p.text, v / np.linalg.norm(v))
        yield source


# ---------------------------------------------------------------- measurements


def grow(home: Path, base_home: Path, target: int, log) -> dict:
    store = SQLiteStore(home / STORE_FILE)
    have = store.counts()["sources"]
    if have >= target:
        store.close()
        return {"added": 0}
    base = SQLiteStore(base_home / STORE_FILE, create=False)
    embedder = RecycledVectors()
    indexer = Indexer(store, embedder)  # type: ignore[arg-type]
    n_copies = store.db.execute("SELECT count(*) FROM sources WHERE id LIKE 'growth:%'").fetchone()[0]
    done = [0]

    def progress(n: int) -> None:
        done[0] += n
        if done[0] % 10240 < n:
            log(f"  {have + done[0]} articles")

    t, c = time.perf_counter(), time.process_time()
    report = indexer.index(copies(base, n_copies, target - have, embedder), progress=progress)
    elapsed, cpu = time.perf_counter() - t, time.process_time() - c
    passages = store.count_passages()
    store.close()
    base.close()
    return {"added": report.new, "seconds": round(elapsed, 1),
            "articles_per_s_without_embedder": round(report.new / elapsed, 1),
            # Per CPU-second: what one free core would do, whatever else shared the machine.
            "articles_per_cpu_s_without_embedder": round(report.new / cpu, 1),
            "load_average": os.getloadavg()[0],
            "passages": passages, "peak_rss_mb": round(peak_rss_mb(), 1)}


def explain_in_process(home: Path, n: int) -> dict:
    """Runs in its own process (see main): the RSS is that of an explain process alone."""
    from groundbrief.config import Settings
    from groundbrief.errors import GroundbriefError
    from groundbrief.runtime import build_pipeline, open_store

    now = datetime.fromisoformat(NOW.replace("Z", "+00:00"))
    settings = Settings(home=home)
    with open_store(settings, create=False) as store:
        t0 = time.perf_counter()
        pipeline = build_pipeline(settings, store)
        briefs = pick_briefs(store, n)
        t1, c1 = time.perf_counter(), time.process_time()
        pipeline.explain(briefs[0], now=now)
        cold, cold_cpu = time.perf_counter() - t1, time.process_time() - c1
        # Retrieval alone (the part that reads the store's indexes) before the explains, so
        # the explainers they store do not change what it reads.
        retrieve, retrieve_cpu = [], []
        for brief in briefs:
            t, c = time.perf_counter(), time.process_time()
            pipeline.retriever.retrieve(brief, k=settings.retrieve_k)
            retrieve.append(time.perf_counter() - t)
            retrieve_cpu.append(time.process_time() - c)
        lat, cpu = [], []
        for brief in briefs:
            t, c = time.perf_counter(), time.process_time()
            try:
                pipeline.explain(brief, now=now)
            except GroundbriefError:
                continue
            lat.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
    return {"briefs": len(lat), "setup_s": round(t1 - t0, 2), "first_explain_s": round(cold, 2),
            "first_explain_cpu_s": round(cold_cpu, 2),
            "p50_s": round(statistics.median(lat), 3),
            "p95_s": round(float(np.quantile(lat, 0.95)), 3),
            "cpu_p50_s": round(statistics.median(cpu), 3),
            "cpu_p95_s": round(float(np.quantile(cpu, 0.95)), 3),
            "retrieve_p50_ms": round(statistics.median(retrieve) * 1000, 1),
            "retrieve_cpu_p50_ms": round(statistics.median(retrieve_cpu) * 1000, 1),
            "retrieve_cpu_p95_ms": round(float(np.quantile(retrieve_cpu, 0.95)) * 1000, 1),
            "peak_rss_mb": round(peak_rss_mb(), 1), "load_average": os.getloadavg()[0]}


def pick_briefs(store: SQLiteStore, n: int) -> list[str]:
    # Briefs from the real articles, never from their synthetic re-dated copies.
    return first_sentences(store, n, seed=0, where="id NOT LIKE 'growth:%'")


# The whole CLI, which writes its peak resident set (VmHWM) to stderr as it exits.
_CLI_WITH_PEAK = (
    "import atexit, sys\n"
    "def _peak():\n"
    "    for line in open('/proc/self/status'):\n"
    "        if line.startswith('VmHWM:'):\n"
    "            sys.stderr.write('\\nVmHWM-MiB %.1f\\n' % (int(line.split()[1]) / 1024))\n"
    "atexit.register(_peak)\n"
    "from groundbrief.cli import main\n"
    "main()\n")


def explain_cli(home: Path, runs: int) -> dict:

    with SQLiteStore(home / STORE_FILE, create=False) as store:
        briefs = pick_briefs(store, runs)
    env = {**os.environ, "PYTHONPATH": SRC, "GROUNDBRIEF_HOME": str(home)}
    walls, cpus, rss = [], [], []
    for brief in briefs:
        t = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", _CLI_WITH_PEAK, "explain", brief,
             "--now", NOW, "--format", "json", "--home", str(home)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        err = proc.stderr.read().decode()  # type: ignore[union-attr]
        _, status, usage = os.wait4(proc.pid, 0)
        walls.append(time.perf_counter() - t)
        peak = re.findall(r"^VmHWM-MiB (\S+)$", err, re.M)
        # The CLI's own peak (its VmHWM at exit): ru_maxrss would carry this process's over.
        rss.append(float(peak[-1]) if peak else usage.ru_maxrss / 1024)
        cpus.append(usage.ru_utime + usage.ru_stime)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"groundbrief explain failed: {err[-2000:]}")
    return {"runs": len(walls), "p50_s": round(statistics.median(walls), 2),
            "max_s": round(max(walls), 2), "cpu_p50_s": round(statistics.median(cpus), 2),
            "peak_rss_mb": round(max(rss), 1), "load_average": os.getloadavg()[0]}


def sizes_on_disk(home: Path) -> dict:
    db = sum(f.stat().st_size for f in home.glob(STORE_FILE + "*") if f.is_file())
    vec = sum(f.stat().st_size for f in (home / (STORE_FILE + "-vectors")).glob("*"))
    return {"sqlite_mb": round(db / 2**20), "vector_index_mb": round(vec / 2**20)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", type=Path, help="home of the real store to grow from")
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--sizes", default="20000,200000")
    ap.add_argument("--briefs", type=int, default=20)
    ap.add_argument("--cli-runs", type=int, default=5)
    ap.add_argument("--resume", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--explain-in-process", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.explain_in_process:  # the child process of the in-process measurement
        print(json.dumps(explain_in_process(args.work, args.briefs)))
        return

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    home = args.work
    if not args.resume:
        if home.exists():
            sys.exit(f"{home} exists: choose a new --work folder or pass --resume")
        if args.base is None:
            sys.exit("--base HOME (a real store to grow from) is required")
        home.mkdir(parents=True)
        for f in args.base.iterdir():  # the base store and its vector index, if it has one
            if f.name.startswith(STORE_FILE):
                (shutil.copytree if f.is_dir() else shutil.copy2)(f, home / f.name)
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        log(f"growing to {size} articles")
        row: dict = {"articles": size, "ingest": grow(home, args.base or home, size, log)}
        row["disk"] = sizes_on_disk(home)
        log(f"explain in-process at {size}")
        proc = subprocess.run([sys.executable, __file__, "--work", str(home), "--briefs",
                               str(args.briefs), "--explain-in-process"],
                              capture_output=True, text=True, env={**os.environ, "PYTHONPATH": SRC})
        if proc.returncode:
            sys.exit(proc.stderr[-3000:])
        row["explain_in_process"] = json.loads(proc.stdout.strip().splitlines()[-1])
        log(f"explain CLI at {size}")
        row["explain_cli"] = explain_cli(home, args.cli_runs)
        results.append(row)
        log(json.dumps(row))
    out = {"benchmark": "growth", "commit": commit(), "machine": machine(),
           "date": datetime.now(timezone.utc).isoformat(timespec="seconds"), "sizes": results,
           "load_average_at_end": os.getloadavg()}
    print(json.dumps(out, indent=None if args.json else 1))


if __name__ == "__main__":
    main()
