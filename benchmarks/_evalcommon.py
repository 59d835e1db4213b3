"""Shared by the end-to-end evaluations (eval_averitec.py, eval_wikinews.py) and the quality gate.

Stores are expensive to build (the embedder runs at a few hundred passages/s on 2 cores), so
each one is built once and cached under ``.eval-cache/`` (git-ignored), keyed by everything that
changes its content: the data files, the number of distractors, the embedder and the code of
the ingest and index stages. A run never writes to a cached store: the pipeline saves runs and
explainers, and later explainers would list earlier ones as Related, so every run works on a
fresh copy.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import os
import platform
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path

from _common import REPO  # importing it puts this checkout's src first on the path

SHARED_DATA = REPO.parent / "shared" / "data"
REUTERS = SHARED_DATA / "reuters21578" / "reuters.jsonl"
CACHE = Path(os.environ.get("GROUNDBRIEF_EVAL_CACHE", REPO / ".eval-cache"))
#: Bump when the way the cached stores are built changes in a way the key below cannot see.
CACHE_VERSION = 1
# The code whose changes make a cached store stale: what turns records into passages and vectors.
# Kept narrow on purpose: a full Reuters store takes ~15 minutes to build, and an unrelated edit
# (say, to a reader of feeds) must not throw it away. Bump CACHE_VERSION for anything else.
_STORE_CODE = ("ingest/normalise.py", "ingest/dumps.py", "index/chunk.py", "index/embed.py",
               "store/migrations.py")


# ---------------------------------------------------------------- provenance


def run_info() -> dict:
    """Date, commit and machine of this run, written into every result file."""
    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True,
                                  check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return ""

    return {
        "nli_model": _model_digest(),
        "date": _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()
        .replace("+00:00", "Z"),
        "commit": git("rev-parse", "HEAD"),
        # Uncommitted changes to tracked files mean the commit alone does not reproduce the run.
        "dirty": bool(git("status", "--porcelain", "--untracked-files=no")),
        "machine": {"platform": platform.platform(), "python": platform.python_version(),
                    "cpus": len(os.sched_getaffinity(0))},
    }


def _model_digest() -> str | None:
    """SHA-256 (12 hex) of the bundled NLI model: it is package data that a commit may not pin."""
    model = REPO / "src" / "groundbrief" / "verify" / "nli_model" / "model.onnx"
    if not model.exists():
        return None
    return hashlib.sha256(model.read_bytes()).hexdigest()[:12]


def missing_files(paths: Iterable[Path]) -> list[Path]:
    return [p for p in paths if not Path(p).exists()]


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


# ---------------------------------------------------------------- stores


def _fingerprint(parts: dict) -> str:
    h = hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode())
    code = REPO / "src" / "groundbrief"
    for name in _STORE_CODE:
        h.update(name.encode())
        h.update((code / name).read_bytes())
    return h.hexdigest()[:16]


def file_key(path: Path) -> str:
    """A cheap identity of a data file (size and modification time; the data is read-only)."""
    st = Path(path).stat()
    return f"{Path(path).resolve()}:{st.st_size}:{int(st.st_mtime)}"


def reuters_sources(path: Path, limit: int | None) -> Iterator:
    """The first ``limit`` Reuters-21578 articles (all when None) as Sources.

    Rows without a body are rejected by ingest and do not count towards ``limit``.
    """
    from groundbrief.ingest import read_sources
    from groundbrief.interfaces import Rejected

    sources = (s for s in read_sources([str(path)]) if not isinstance(s, Rejected))
    return islice(sources, limit) if limit is not None else sources


def index_into(home: Path, sources: Iterable, embedder=None):
    """Index ``sources`` into the store at ``home`` with the configured embedder."""
    from groundbrief.config import Settings
    from groundbrief.index.indexer import Indexer
    from groundbrief.registry import build_embedder
    from groundbrief.runtime import open_store

    settings = Settings(home=home)
    with open_store(settings) as store:
        return Indexer(store, embedder or build_embedder(settings)).index(sources)


def cached_home(name: str, key: dict, build: Callable[[Path], None],
                base: Path | None = None, log: Callable[[str], None] = print) -> Path:
    """A store folder built once by ``build(home)`` (starting from a copy of ``base``) and kept.

    Built in a private folder and renamed into place, so that an interrupted or concurrent
    build never leaves a half-built store where a later run would take it for a finished one.
    """
    from groundbrief.config import Settings

    digest = _fingerprint({"v": CACHE_VERSION, "name": name, "base": str(base),
                           "embedder": Settings(home=CACHE).embedder, **key})
    home = CACHE / f"{name}-{digest}"
    if (home / "READY").exists():
        return home
    CACHE.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=CACHE))
    try:
        if base is not None:
            shutil.copytree(base, building, dirs_exist_ok=True)
        log(f"building store {home.name} (cached for later runs)")
        build(building)
        (building / "READY").write_text(json.dumps(key, default=str) + "\n", encoding="utf-8")
        try:
            building.rename(home)
        except OSError:  # another process finished the same store first: use theirs
            if not (home / "READY").exists():
                raise
    finally:
        if building.exists():
            shutil.rmtree(building, ignore_errors=True)
    return home


def reuters_home(path: Path, limit: int | None, log: Callable[[str], None] = print) -> Path:
    """A cached store holding the first ``limit`` Reuters articles (the distractors)."""
    def build(home: Path) -> None:
        report = index_into(home, reuters_sources(path, limit))
        log(f"  Reuters: {report.line()}")

    return cached_home(f"reuters-{limit if limit is not None else 'all'}",
                       {"reuters": file_key(path), "limit": limit}, build, log=log)


def store_with_distractors(name: str, label: str, data: tuple[str, Path],
                          sources: Callable[[], Iterable], reuters: Path, distractors: int | None,
                          log: Callable[[str], None] = print, key: dict | None = None) -> Path:
    """A cached store: the Reuters distractors (:func:`reuters_home`) plus ``sources()``.

    ``data`` is (key name, file) of the evaluation data the sources are read from; the store is
    rebuilt when that file, the Reuters file or the number of distractors changes, or anything
    in ``key`` (how the sources are made from the file, say).
    """
    base = reuters_home(reuters, distractors, log=log)

    def build(home: Path) -> None:
        report = index_into(home, sources())
        log(f"  {label}: {report.line()}")

    key_name, path = data
    return cached_home(name, {key_name: file_key(path), "reuters": file_key(reuters),
                              "distractors": distractors, **(key or {})},
                       build, base=base, log=log)


@contextlib.contextmanager
def working_copy(home: Path) -> Iterator[Path]:
    """A throw-away copy of a cached store for one run (runs write explainers into it)."""
    with tempfile.TemporaryDirectory(prefix="gb-eval-") as tmp:
        work = Path(tmp) / "home"
        shutil.copytree(home, work, ignore=shutil.ignore_patterns("READY"))
        yield work


def regroup(home: Path) -> tuple[dict[str, str], float]:
    """Drop every story membership of the store at ``home`` and group its sources afresh, in
    stored order, exactly as ingest groups them: a cached store keeps the grouping of the code
    that built it, and the stories must be those of the code checked out. Returns each source's
    story and the seconds taken."""
    import time

    from groundbrief.config import Settings
    from groundbrief.runtime import open_store
    from groundbrief.stories import group_ungrouped

    with open_store(Settings(home=home)) as store:
        with store.transaction():
            store.db.execute("DELETE FROM story_members")
        t0 = time.perf_counter()
        group_ungrouped(store)
        seconds = time.perf_counter() - t0
        ids = [r[0] for r in store.db.execute("SELECT id FROM sources")]
        return store.stories_of(ids), seconds


def warm_up(pipeline, store) -> None:
    """Map the vector index, load the embedder and the verifier's model before anything is
    timed: seconds per brief measure explaining, not a process's start-up."""
    vectors = getattr(pipeline.retriever, "vectors", None)
    if vectors is not None:
        vectors.open()  # the on-disk index (issue 12); no whole matrix is loaded any more
    else:
        store.vectors()
    pipeline.embedder.embed("warm-up")
    getattr(pipeline.verifier, "nli", None)


# ---------------------------------------------------------------- metrics


def classification(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> dict:
    """Accuracy, macro-F1 over ``labels``, per-class precision/recall/F1, confusion matrix."""
    idx = {lab: i for i, lab in enumerate(labels)}
    cm = [[0] * len(labels) for _ in labels]  # rows gold, columns predicted
    for g, p in zip(gold, pred, strict=True):
        cm[idx[g]][idx[p]] += 1
    per_class = {}
    for lab, i in idx.items():
        tp = cm[i][i]
        col = sum(row[i] for row in cm)
        row = sum(cm[i])
        prec = tp / col if col else 0.0
        rec = tp / row if row else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per_class[lab] = {"precision": prec, "recall": rec, "f1": f1, "support": row,
                          "predicted": col}
    n = len(gold)
    return {
        "n": n,
        "accuracy": sum(cm[i][i] for i in range(len(labels))) / n if n else 0.0,
        # Macro over the gold classes present: a class absent from the subset has no F1 to average.
        "macro_f1": _mean([c["f1"] for c in per_class.values() if c["support"]]),
        "per_class": per_class,
        "confusion": {"labels": list(labels), "rows_gold_cols_pred": cm},
    }


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def format_classification(m: dict, title: str) -> list[str]:
    lines = [f"{title} per class      precision  recall     F1  support  predicted"]
    for lab, c in m["per_class"].items():
        lines.append(f"  {lab:<22}{c['precision']:>9.3f}{c['recall']:>8.3f}{c['f1']:>7.3f}"
                     f"{c['support']:>9}{c['predicted']:>11}")
    labels = m["confusion"]["labels"]
    lines.append(f"{title} confusion (rows gold, columns predicted; order as above)")
    for lab, row in zip(labels, m["confusion"]["rows_gold_cols_pred"]):
        lines.append(f"  {lab:<22}" + "".join(f"{v:>6}" for v in row))
    return lines


def table(rows: Sequence[tuple[str, Sequence[object]]], header: Sequence[str],
          width: int = 34) -> str:
    """A plain-text table: one row per figure, one column per system or baseline."""
    out = [f"{'':{width}}" + "".join(f"{h:>16}" for h in header)]
    for label, cells in rows:
        out.append(f"{label:{width}}" + "".join(_cell(c) for c in cells))
    return "\n".join(out)


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:>16.3f}"
    if value is None:
        return f"{'-':>16}"
    return f"{value!s:>16}"


def emit(results: dict, out: Path | None, as_json: bool, text: str) -> None:
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(results, ensure_ascii=False) if as_json else text)
