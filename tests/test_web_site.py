"""``groundbrief site``: the static site works from a plain file server: every page is valid
HTML5, every link and asset is relative and resolves to a written file, and the pages that
need the server say so."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import html5lib
import pytest

from groundbrief.config import Settings
from groundbrief.runtime import open_store
from groundbrief.web import build_site

from .fixtures.web.seed import seeded_site

NS = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(scope="module")
def site(tmp_path_factory, demo_home, demo_briefs, pipeline_factory):
    return seeded_site(tmp_path_factory, demo_home, demo_briefs, pipeline_factory)


@pytest.fixture(scope="module")
def public(site, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("public")
    with open_store(Settings(home=site.home)) as store:
        report = build_site(store, out, base_url="https://news.example.org/")
    assert report.explainers == len(set(site.explainers.values()))
    assert report.versions >= report.explainers + 1  # the versioned fixture has two
    return out


def test_every_page_is_valid_and_every_link_resolves(public):
    pages = sorted(public.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        doc = html5lib.HTMLParser(strict=True).parse(page.read_text("utf-8"))
        for el in doc.iter():
            for attr in ("href", "src"):
                ref = el.get(attr)
                if ref is None or ref.startswith(("#", "https://", "http://")):
                    continue
                assert not ref.startswith("/"), f"{page}: absolute path {ref} breaks on a file server"
                target = (page.parent / unquote(urlsplit(ref).path)).resolve()
                assert target.is_file(), f"{page.relative_to(public)}: {ref} does not exist"
                fragment = urlsplit(ref).fragment
                if fragment:
                    assert f'id="{fragment}"' in target.read_text("utf-8")


def test_site_has_explainers_versions_sources_feeds_and_assets(public, site):
    assert (public / "index.html").is_file()
    assert (public / "explainers" / f"{site.versioned_id}.html").is_file()
    assert (public / "explainers" / site.versioned_id / "v" / "1.html").is_file()
    for name in ("rss.xml", "atom.xml", "feed.json"):
        assert (public / "feeds" / name).stat().st_size > 0
    for name in ("site.css", "site.js", "favicon.svg"):
        assert (public / "static" / name).is_file()
    source_pages = list((public / "sources").glob("*.html"))
    # file names hold only characters that every file server and URL decoder leave alone
    assert all(re.fullmatch(r"[A-Za-z0-9_-]+\.html", p.name) for p in source_pages)
    hostile = [p for p in source_pages if p.name.startswith("hostile-zarn-bridge")]
    assert len(hostile) == 1 and site.hostile_id in hostile[0].read_text("utf-8")


def test_server_only_pages_become_notes(public):
    assert "needs the groundbrief server" in (public / "submit.html").read_text("utf-8")
    assert "<form" not in (public / "submit.html").read_text("utf-8")
    assert "<form" not in (public / "search.html").read_text("utf-8")


def test_hostile_source_is_inert_in_the_static_site(public, site):
    html = (public / "explainers" / f"{site.hostile_id}.html").read_text("utf-8")
    doc = html5lib.HTMLParser(strict=True).parse(html)
    assert [s.get("src") for s in doc.iter(f"{NS}script")] == ["../static/site.js"]
    assert all(not k.lower().startswith("on") for el in doc.iter() for k in el.attrib)
    assert "javascript:" not in " ".join(el.get("href", "") for el in doc.iter())


def run_cli(*args: str) -> subprocess.CompletedProcess:
    # The installed console script, as a user runs it.
    return subprocess.run([str(Path(sys.executable).parent / "groundbrief"), *args],
                          capture_output=True, text=True, timeout=300)


def test_site_command(site, tmp_path):
    out = tmp_path / "out"
    r = run_cli("site", str(out), "--home", str(site.home), "--base-url", "https://n.example/")
    assert r.returncode == 0, r.stderr
    assert "pages" in r.stderr and (out / "index.html").is_file()
    assert "https://n.example/explainers/" in (out / "feeds" / "feed.json").read_text("utf-8")


def test_site_command_refuses_bad_input(site, tmp_path):
    r = run_cli("site", str(tmp_path / "x"), "--home", str(site.home), "--base-url", "ftp://x")
    assert r.returncode != 0 and "--base-url" in r.stderr and "Traceback" not in r.stderr
    afile = tmp_path / "file"
    afile.write_text("x")
    r = run_cli("site", str(afile), "--home", str(site.home))
    assert r.returncode != 0 and "is a file" in r.stderr
    r = run_cli("site", str(tmp_path / "y"), "--home", str(tmp_path / "no-store"))
    assert r.returncode != 0 and "does not exist" in r.stderr and "Traceback" not in r.stderr
