"""The command line, run as a real process: bad input gives one line and a non-zero exit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO

EXE = str(Path(sys.executable).with_name("groundbrief"))


def run(*args: str, home: Path, stdin: str | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "GROUNDBRIEF_DEBUG"}
    env["GROUNDBRIEF_HOME"] = str(home)
    return subprocess.run([EXE, *args], capture_output=True, text=True, env=env,
                          input=stdin, timeout=timeout, cwd=REPO)


def one_line_error(proc: subprocess.CompletedProcess) -> str:
    assert proc.returncode != 0, proc
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = [l for l in proc.stderr.splitlines() if l.strip()]
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("groundbrief: error:"), lines[0]
    return lines[0]


def test_help_on_every_command(tmp_path):
    for cmd in ("ingest", "explain", "list", "show", "evidence", "demo"):
        proc = run(cmd, "--help", home=tmp_path)
        assert proc.returncode == 0 and "Usage" in proc.stdout, (cmd, proc.stderr)


def test_ingest_reports_counts_and_bad_lines(tmp_path):
    dump = tmp_path / "dump.jsonl"
    good = {"id": "a1", "title": "Dam opens", "text": "The new dam opened on Monday in Laos.",
            "published": "2024-03-04", "outlet": "Test Wire"}
    dump.write_text(json.dumps(good) + "\n{broken json\n" + json.dumps({"id": "a2", "title": "x"}) + "\n",
                    encoding="utf-8")
    proc = run("ingest", str(dump), home=tmp_path / "h")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "1 new, 0 updated, 0 unchanged, 2 rejected"
    assert "dump.jsonl:2" in proc.stderr and "dump.jsonl:3" in proc.stderr
    proc = run("ingest", str(dump), home=tmp_path / "h")
    assert proc.stdout.strip() == "0 new, 0 updated, 1 unchanged, 2 rejected"


def test_ingest_map_option(tmp_path):
    dump = tmp_path / "other.csv"
    dump.write_text("headline,body,when\nBridge closes,The old bridge closed for repairs.,26-FEB-1987 15:01:01.79\n",
                    encoding="utf-8")
    proc = run("ingest", str(dump), "--map", "title=headline,text=body,published=when",
               "--outlet", "Local Paper", home=tmp_path / "h")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().startswith("1 new")


@pytest.mark.parametrize("content,kind", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    (b"this is { not a feed", "notxml"),
])
def test_ingest_refuses_unusable_files(tmp_path, content, kind):
    path = tmp_path / ("image.jsonl" if kind == "binary" else "feed.rss")
    path.write_bytes(content)
    line = one_line_error(run("ingest", str(path), home=tmp_path / "h"))
    assert str(path.name) in line


def test_ingest_refuses_private_urls(tmp_path):
    for url in ("http://127.0.0.1:8080/feed.xml", "http://169.254.169.254/latest/meta-data/",
                "file:///etc/passwd"):
        line = one_line_error(run("ingest", url, home=tmp_path / "h"))
        assert url.split("/")[2] in line or "file" in line


def test_explain_bad_briefs(tmp_path):
    home = tmp_path / "h"
    one_line_error(run("explain", "", home=home))
    one_line_error(run("explain", "   \n ", home=home))
    big = tmp_path / "big.txt"
    big.write_text("word " * 200_000, encoding="utf-8")  # 1 MB
    assert "big.txt" in one_line_error(run("explain", "--file", str(big), home=home))
    binary = tmp_path / "brief.bin"
    binary.write_bytes(b"\x00\x01\x02binary\xff")
    assert "binary" in one_line_error(run("explain", "--file", str(binary), home=home))
    assert "--format" in one_line_error(run("explain", "A brief.", "--format", "pdf", home=home))
    assert "--as-of" in one_line_error(run("explain", "A brief.", "--as-of", "yesterday", home=home))


def test_corrupt_store_is_reported_and_left_alone(tmp_path):
    home = tmp_path / "h"
    home.mkdir()
    db = home / "groundbrief.db"
    db.write_bytes(b"SQLite format 3\x00" + b"\x13" * 4000)
    before = db.read_bytes()
    line = one_line_error(run("explain", "The dam opened.", home=home))
    assert "groundbrief.db" in line
    one_line_error(run("ingest", str(REPO / "src/groundbrief/data/demo/corpus.jsonl"), home=home))
    assert db.read_bytes() == before


def test_show_unknown_id(tmp_path):
    home = tmp_path / "h"
    run("ingest", "--help", home=home)
    proc = run("list", home=home)
    assert proc.returncode == 0 and "no explainers yet" in proc.stdout


@pytest.mark.slow
def test_explain_json_stdout_is_json_only(demo_store_copy, demo_briefs):
    proc = run("explain", demo_briefs["kipchoge-vienna"], "--format", "json",
               "--now", "2026-11-23T12:00:00Z", home=demo_store_copy)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    for key in ("id", "version", "headline", "published_at", "updated_at", "language", "brief",
                "summary", "what_we_know", "still_unclear", "context", "why_it_matters",
                "watch_next", "faq", "related", "transparency", "claims", "sources", "changelog"):
        assert key in data
    assert data["published_at"] == "2026-11-23T12:00:00Z"
    listed = run("list", home=demo_store_copy)
    assert data["id"] in listed.stdout
    shown = run("show", data["id"], "--format", "md", home=demo_store_copy)
    assert shown.returncode == 0 and data["headline"] in shown.stdout
    ev = run("evidence", data["id"], home=demo_store_copy)
    assert ev.returncode == 0 and "verdict" in ev.stdout
    html_out = demo_store_copy / "out.html"
    proc = run("show", data["id"], "--format", "html", "--out", str(html_out), home=demo_store_copy)
    assert proc.returncode == 0 and html_out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_bad_config_file_is_one_line(tmp_path):
    home = tmp_path / "h"
    home.mkdir()
    (home / "config.toml").write_text('retrieve_k = "many"\n', encoding="utf-8")
    assert "retrieve_k" in one_line_error(run("list", home=home))
