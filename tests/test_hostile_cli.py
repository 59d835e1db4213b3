"""The command line against hostile arguments, as a real process: one line, a non-zero exit
that is not 70 (internal error), never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO


def run(args: list, home: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "GROUNDBRIEF_DEBUG"}
    env.update(GROUNDBRIEF_HOME=str(home), PYTHONPATH=str(REPO / "src"))
    return subprocess.run([sys.executable, "-c", "from groundbrief.cli import main; main()", *args],
                          capture_output=True, env=env, timeout=300, cwd=REPO)


def one_line(proc: subprocess.CompletedProcess, code: int) -> str:
    stderr = proc.stderr.decode("utf-8", "backslashreplace")
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert proc.returncode == code, stderr
    assert "Traceback" not in stderr and len(lines) == 1, stderr
    return lines[0]


@pytest.mark.parametrize("as_of", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00",
                                   "2020-01-01T00:00:00+25:00"])
def test_explain_as_of_out_of_range(tmp_path, as_of):
    line = one_line(run(["explain", "A brief.", "--as-of", as_of], tmp_path), 2)
    assert "--as-of" in line and "years 1 to 9999" in line


def test_ingest_url_with_a_tab(tmp_path):
    line = one_line(run(["ingest", "http://news.example/a\tb"], tmp_path), 2)
    assert "cannot hold spaces, tabs" in line


def test_ingest_file_named_with_an_undecodable_byte(tmp_path):
    name = os.fsencode(tmp_path) + b"/d\xff.jsonl"
    try:
        with open(name, "wb") as fh:
            fh.write(json.dumps({"id": "a", "title": "Dam", "text": "The dam opened."}).encode()
                     + b"\n{bad\n")
    except OSError:
        pytest.skip("this file system cannot hold the name")
    proc = run([name], tmp_path)  # no command: the usage error
    assert proc.returncode == 2
    proc = run(["ingest", name], tmp_path / "home")
    stderr = proc.stderr.decode("utf-8", "backslashreplace")
    assert proc.returncode == 0, stderr
    assert proc.stdout.decode().strip() == "1 new, 0 updated, 0 unchanged, 1 rejected"
    assert ".jsonl:2" in stderr


def test_a_brief_file_is_read_no_further_than_the_cap(tmp_path):
    """--file /dev/zero (or any huge file) was read whole before its size was checked."""
    import time

    from groundbrief.cli.explain import MAX_BRIEF_FILE, read_brief_file
    from groundbrief.errors import InputError

    zero = Path("/dev/zero")
    if not zero.exists():
        pytest.skip("no /dev/zero here")
    t0 = time.perf_counter()
    with pytest.raises(InputError, match="is over .* bytes"):
        read_brief_file(zero)
    assert time.perf_counter() - t0 < 5
    big = tmp_path / "brief.txt"
    big.write_bytes(b"word " * (MAX_BRIEF_FILE // 5 + 1))
    with pytest.raises(InputError, match=f"{big}"):
        read_brief_file(big)


def test_ingest_of_a_fifo_or_a_device_is_one_line_not_a_hang(tmp_path):
    """The record count opened a named pipe before the reader refused it: `ingest FIFO`
    blocked forever (found by the CLI audit of issue 13)."""
    from groundbrief.ingest.census import count_records

    fifo = tmp_path / "pipe.jsonl"
    try:
        os.mkfifo(fifo)
    except (AttributeError, OSError):
        pytest.skip("no named pipes here")
    assert count_records([str(fifo)]) == 0  # returns at once
    line = one_line(run(["ingest", str(fifo)], tmp_path / "home"), 2)
    assert "pipe.jsonl" in line and "not a regular file" in line
