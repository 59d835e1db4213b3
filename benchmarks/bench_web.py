"""Web server throughput and latency: the explainer page and the JSON API, served by
``groundbrief serve`` (uvicorn, one process) on 127.0.0.1, at 1, 8 and 32 concurrent clients.

The server runs in its own process, so the load generator (threads, one httpx client each)
does not share its interpreter. Request counts are bounded, so a run takes under a minute.

    .venv/bin/python benchmarks/bench_web.py [--home DIR] [--requests 400] [--json]

Without --home it builds a store in a temporary folder: the demo corpus plus the demo briefs'
explainers from the real pipeline (or, when the bundled NLI model is absent, the stored
fixture explainer tests/fixtures/explainers/navalny.json).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import REPO, commit, machine  # noqa: E402

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)
CONCURRENCY = (1, 8, 32)


def build_store(home: Path) -> str:
    """Demo corpus + explainers; returns how the explainers were made."""
    from groundbrief.cli.demo import demo_paths
    from groundbrief.config import Settings
    from groundbrief.index.indexer import Indexer
    from groundbrief.ingest import read_sources
    from groundbrief.models import Explainer
    from groundbrief.pipeline import content_digest
    from groundbrief.registry import build_embedder
    from groundbrief.runtime import build_pipeline, open_store
    from groundbrief.verify.nli import DEFAULT_MODEL_DIR

    settings = Settings(home=home)
    corpus, briefs = demo_paths()
    embedder = build_embedder(settings)
    with open_store(settings) as store:
        Indexer(store, embedder).index(read_sources([str(corpus)]))
        if (DEFAULT_MODEL_DIR / "model.onnx").exists():
            pipeline = build_pipeline(settings, store)
            for path in briefs:
                pipeline.explain(path.read_text("utf-8"), now=NOW)
            return f"{len(briefs)} demo briefs through the real pipeline"
        fixture = REPO / "tests" / "fixtures" / "explainers" / "navalny.json"
        e = Explainer.model_validate_json(fixture.read_text("utf-8"))
        store.save_explainer(e, content_digest(e), embedder.embed(e.brief.text))
        return "fixture explainer navalny.json (NLI model absent)"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(home: Path, port: int) -> subprocess.Popen:
    exe = Path(sys.executable).parent / "groundbrief"
    proc = subprocess.Popen([str(exe), "serve", "--home", str(home), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, "GROUNDBRIEF_HOME": str(home)})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stderr.read().decode()}")
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/explainers", timeout=1.0)
            return proc
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("server did not answer within 60 s")


def load(url: str, clients: int, total: int) -> dict[str, float]:
    """``total`` GETs of ``url`` spread over ``clients`` threads; latency per request."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    per_client = [total // clients + (1 if i < total % clients else 0) for i in range(clients)]

    def worker(n: int) -> None:
        nonlocal errors
        mine: list[float] = []
        bad = 0
        with httpx.Client(timeout=30.0) as c:
            for _ in range(n):
                t0 = time.perf_counter()
                r = c.get(url)
                mine.append(time.perf_counter() - t0)
                bad += r.status_code != 200
        with lock:
            latencies.extend(mine)
            errors += bad

    threads = [threading.Thread(target=worker, args=(n,)) for n in per_client]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    latencies.sort()
    return {
        "clients": clients, "requests": total, "errors": errors,
        "rps": round(total / wall, 1),
        "p50_ms": round(statistics.median(latencies) * 1000, 1),
        "p99_ms": round(latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--home", type=Path, help="store with explainers (default: build one)")
    ap.add_argument("--requests", type=int, default=400, help="requests per endpoint and level")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()

    tmp = None
    made = "given store"
    if args.home is None:
        tmp = tempfile.TemporaryDirectory(prefix="bench-web-")
        args.home = Path(tmp.name)
        made = build_store(args.home)
    port = free_port()
    server = start_server(args.home, port)
    try:
        base = f"http://127.0.0.1:{port}"
        rows = httpx.get(f"{base}/api/explainers").json()
        if not rows:
            raise SystemExit(f"no explainers in {args.home}; run groundbrief demo --home first")
        eid = rows[0]["id"]
        page = httpx.get(f"{base}/explainers/{eid}")
        targets = {"explainer page": f"{base}/explainers/{eid}",
                   "JSON API": f"{base}/api/explainers/{eid}"}
        for url in targets.values():  # warm up: thread-local connections, template cache
            for _ in range(20):
                httpx.get(url)
        results = []
        for name, url in targets.items():
            for clients in CONCURRENCY:
                results.append({"endpoint": name, **load(url, clients, args.requests)})
    finally:
        server.terminate()
        server.wait(10)
        if tmp is not None:
            tmp.cleanup()
    report = {"machine": machine(), "commit": commit(), "explainers": made,
              "page_bytes": len(page.content), "results": results}
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"machine: {report['machine']}; commit {report['commit']}; store: {made}; "
          f"page {report['page_bytes']:,} bytes")
    print(f"{'endpoint':16} {'clients':>7} {'requests':>8} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>6}")
    for r in results:
        print(f"{r['endpoint']:16} {r['clients']:>7} {r['requests']:>8} {r['rps']:>8} "
              f"{r['p50_ms']:>8} {r['p99_ms']:>8} {r['errors']:>6}")


if __name__ == "__main__":
    main()
