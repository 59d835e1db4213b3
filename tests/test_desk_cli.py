"""``groundbrief feeds``, ``refresh``, ``watch`` and ``explain --url`` run as real processes
against a real HTTP server on 127.0.0.1 (allowed by name with the fetch_allowed_hosts
setting, as an intranet host would be)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from groundbrief.desk.url_brief import brief_from_url
from groundbrief.ingest import Fetcher, ReadOptions

from .livesite import LiveSite, Reply, article_html, rss
from .test_cli import EXE, REPO, one_line_error

ALLOWED = '["localhost"]'


def env_for(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "GROUNDBRIEF_DEBUG"}
    env.update(GROUNDBRIEF_HOME=str(home), GROUNDBRIEF_FETCH_ALLOWED_HOSTS=ALLOWED,
               GROUNDBRIEF_FETCH_HOST_INTERVAL_S="0")
    return env


def run(*args: str, home: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([EXE, *args], capture_output=True, text=True, env=env_for(home),
                          timeout=timeout, cwd=REPO)


@pytest.fixture
def site():
    with LiveSite() as s:
        s.routes["/story"] = Reply(body=article_html("Bridge reopens", [
            "The Eastbay bridge reopened to traffic on Monday after six months of repairs, "
            "the city council said.",
            "Engineers replaced the deck and two of the supporting cables."]))
        s.routes["/feed"] = Reply(body=rss("Harbour Gazette", [
            ("Bridge reopens", s.url("/story", "localhost"), "Mon, 30 Nov 2026 08:00:00 +0000",
             "Teaser")]), content_type="application/rss+xml", etag='"1"')
        yield s


def test_feeds_commands(tmp_path):
    home = tmp_path / "home"
    proc = run("feeds", "add", "https://a.example/rss", "https://b.example/atom", home=home)
    assert proc.returncode == 0 and proc.stdout.count("subscribed:") == 2
    proc = run("feeds", "list", home=home)
    assert "https://a.example/rss" in proc.stdout and "last poll never" in proc.stdout
    opml = tmp_path / "subs.opml"
    assert run("feeds", "export", "-o", str(opml), home=home).returncode == 0
    other = tmp_path / "other"
    proc = run("feeds", "import", str(opml), home=other)
    assert proc.returncode == 0 and "2 subscribed" in proc.stdout
    assert run("feeds", "remove", "https://a.example/rss", home=other).returncode == 0
    assert "https://a.example/rss" not in run("feeds", "list", home=other).stdout
    assert "not subscribed" in one_line_error(run("feeds", "remove", "https://x.example/",
                                                  home=other))
    assert "not an http(s) feed" in one_line_error(run("feeds", "add", "gopher://x", home=home))
    bad = tmp_path / "bad.opml"
    bad.write_text("<html/>")
    assert "not an OPML file" in one_line_error(run("feeds", "import", str(bad), home=home))


def test_refresh_command(site, tmp_path):
    home = tmp_path / "home"
    run("feeds", "add", site.url("/feed", "localhost"), home=home)
    proc = run("refresh", home=home)
    assert proc.returncode == 0, proc.stderr
    assert "1 feeds polled (0 unchanged, 0 failed), 1 new entries, 1 articles fetched" in proc.stdout
    assert "1 new, 0 updated" in proc.stdout
    proc = run("refresh", "--feed", site.url("/feed", "localhost"), home=home)
    assert "1 feeds polled (1 unchanged" in proc.stdout


def test_watch_exits_cleanly_on_ctrl_c(site, tmp_path):
    home = tmp_path / "home"
    run("feeds", "add", site.url("/feed", "localhost"), home=home)
    proc = subprocess.Popen([EXE, "watch", "--every", "0.5"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env_for(home), cwd=REPO)
    try:
        deadline = time.monotonic() + 120
        while site.hits("/story") == 0 and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(2.0)  # let the first cycle finish storing
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert "stopped after" in err and "everything fetched so far is stored" in err
    assert "1 new, 0 updated" in out
    listed = run("feeds", "list", home=home).stdout
    assert "1 entries" in listed


def test_brief_from_a_url(site):
    fetcher = Fetcher(ReadOptions(allowed_hosts=frozenset({"localhost"}), host_interval_s=0))
    try:
        got = brief_from_url(site.url("/story", "localhost"), fetcher)
        site.routes["/long"] = Reply(body=article_html("Long", ["A sentence that goes on. " * 40]
                                                       * 10))
        long = brief_from_url(site.url("/long", "localhost"), fetcher, max_chars=500)
    finally:
        fetcher.close()
    assert got.text.startswith("The Eastbay bridge reopened to traffic on Monday")
    assert not got.truncated and got.origin == site.url("/story", "localhost")
    assert long.truncated and len(long.text) <= 500 and long.text.endswith("goes on. …")


def test_explain_url_keeps_the_url_as_origin(site, tmp_path):
    url = site.url("/story", "localhost")
    proc = run("explain", "--url", url, "--format", "json", "--now", "2026-11-30T12:00:00Z",
               home=tmp_path / "home")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["brief"]["origin"] == url
    assert doc["brief"]["text"].startswith("The Eastbay bridge reopened to traffic on Monday")
    assert "private, loopback" in one_line_error(run(
        "explain", "--url", site.url("/story", "127.0.0.1"), home=tmp_path / "home"))
