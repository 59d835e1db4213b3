"""Helpers shared by the benchmark scripts: machine description and peak memory.

Importing this module (or ``_evalcommon``, which imports it) puts this checkout's ``src`` first
on the path, so every script imports it before groundbrief.
"""

from __future__ import annotations

import os
import platform
import resource
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# This checkout's code, not the copy the environment has installed (an editable install points
# at whichever checkout created it, so a benchmark run from a second worktree measured the first).
sys.path.insert(0, str(REPO / "src"))
SHARED = REPO.parent / "shared" / "data"


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, Python {platform.python_version()}"


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MiB.

    Linux's VmHWM (/proc/self/status) where there is one: it belongs to this process's own
    memory since its exec. getrusage's ru_maxrss is the fallback only, since Linux carries it
    over fork and exec: a process started by a 2 GB parent reports at least 2 GB whatever it
    uses itself (the 200,000-article growth row measured so first gave 2,204 MB for every
    explain process)."""
    hwm = vm_hwm_mb()
    return hwm if hwm is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def vm_hwm_mb(status: str = "/proc/self/status") -> float | None:
    """VmHWM of a /proc status file in MiB, or None where there is none (not Linux)."""
    try:
        with open(status, encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO,
                              capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def first_sentences(store, n: int, *, seed: int, where: str = "") -> list[str]:
    """Up to ``n`` briefs or queries: the first sentence (40-400 characters) of stored sources
    picked at random with ``seed``; ``where`` is an SQL condition on ``sources`` (e.g. to leave
    out synthetic copies)."""
    import random

    from groundbrief.text import sentences

    ids = [r[0] for r in store.db.execute(
        f"SELECT id FROM sources {'WHERE ' + where if where else ''} ORDER BY id")]
    rng = random.Random(seed)
    out: list[str] = []
    for sid in rng.sample(ids, min(len(ids), n * 3)):
        first = sentences(store.get_source(sid).text)[:1]
        if first and 40 <= len(first[0]) <= 400:
            out.append(first[0])
        if len(out) == n:
            break
    return out

