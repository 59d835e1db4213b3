"""``groundbrief store copy``: SQLite → PostgreSQL → SQLite, verified, idempotent, refusing to
overwrite; and an end-to-end explain of every demo brief on both stores with equal verdicts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from groundbrief.store import SQLiteStore, open_store_url
from groundbrief.store.copy import TABLES, table_summary

from .conftest import NOW, REPO, on_postgres


def _cli(*args: str, home) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    return subprocess.run([sys.executable, "-c", "from groundbrief.cli import main; main()",
                           *args, "--home", str(home)], capture_output=True, text=True, env=env,
                          timeout=600)


@pytest.mark.slow
def test_copy_there_and_back_verifies_and_is_idempotent(demo_home, pg_cluster, tmp_path):
    dsn = pg_cluster.new_database()
    first = _cli("store", "copy", str(demo_home), dsn, home=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "passages" in first.stdout and "copied" in first.stdout
    again = _cli("store", "copy", str(demo_home), dsn, home=tmp_path)
    assert again.returncode == 0, again.stderr
    assert again.stdout.count("already there") == len(TABLES)

    back = tmp_path / "back.db"
    home_back = _cli("store", "copy", dsn, f"sqlite://{back}", home=tmp_path)
    assert home_back.returncode == 0, home_back.stderr
    with SQLiteStore(demo_home / "groundbrief.db", create=False) as a, \
            SQLiteStore(back, create=False) as b:
        for table, columns in TABLES:
            assert table_summary(a, table, columns) == table_summary(b, table, columns), table
        # Story state is derived, not copied: the copy's first grouper rebuilds it.
        assert a.story_members() and not b.story_state_current()
        # The FTS5 index was rebuilt: the same search gives the same passages.
        q = '"Kipchoge" OR "marathon"'
        assert a.lexical_search(q, limit=10, as_of_ts=None) == \
            b.lexical_search(q, limit=10, as_of_ts=None)


def test_copy_refuses_a_destination_holding_other_data(tmp_path, pg_cluster):
    from groundbrief.models import Passage, Source
    import numpy as np

    def one(url, sid):
        with open_store_url(url, home=tmp_path) as s, s.transaction():
            s.upsert_source(Source(id=sid, title="t", text="text", content_hash=sid),
                            [Passage(id=f"{sid}:0", source_id=sid, ordinal=0, start=0, end=4,
                                     text="text")], np.ones((1, 4), np.float32), "e")

    src, dst = f"sqlite://{tmp_path / 'a.db'}", pg_cluster.new_database()
    one(src, "a")
    one(dst, "b")
    done = _cli("store", "copy", src, dst, home=tmp_path)
    assert done.returncode != 0
    assert done.stderr.count("\n") == 1 and "copy into an empty store" in done.stderr
    with open_store_url(dst, home=tmp_path) as s:  # untouched
        assert [x.id for x in s.iter_sources()] == ["b"]


@pytest.mark.parametrize("dst", ["postgresql://nobody:pw@127.0.0.1:1/none",
                                 "postgresql://u@127.0.0.1:notaport/x", "mysql://x/y"])
def test_bad_destination_is_one_line_and_non_zero(tmp_path, dst):
    src = tmp_path / "a.db"
    SQLiteStore(src).close()
    done = _cli("store", "copy", str(src), dst, home=tmp_path)
    assert done.returncode != 0
    line = done.stderr.strip()
    assert "\n" not in line and line.startswith("groundbrief: error:") and "pw" not in line
    assert dst.split("://")[0] in line


@pytest.mark.slow
def test_every_demo_brief_gets_the_same_verdicts_on_both_stores(
        demo_home, pg_cluster, pipeline_factory, demo_briefs, tmp_path):
    sqlite_home, pg_home = tmp_path / "sqlite", tmp_path / "pg"
    shutil.copytree(demo_home, sqlite_home)
    shutil.copytree(demo_home, pg_home)
    on_postgres(pg_cluster, pg_home)
    on_sqlite, on_pg = pipeline_factory(sqlite_home), pipeline_factory(pg_home)
    assert on_pg.store.name == "postgresql"
    for name, text in demo_briefs.items():
        a, b = on_sqlite.explain(text, now=NOW), on_pg.explain(text, now=NOW)
        assert [(c.text, c.verdict) for c in a.claims] == [(c.text, c.verdict) for c in b.claims], name
        assert a.transparency.verdicts == b.transparency.verdicts, name

    # The web site reads the PostgreSQL store through the same factory: pages and search.
    from fastapi.testclient import TestClient

    from groundbrief.web import WebSettings, create_app

    from .conftest import settings_on

    with TestClient(create_app(settings_on(pg_home), WebSettings(editor_token=None))) as client:
        front = client.get("/")
        assert front.status_code == 200 and b.id in front.text
        assert client.get(f"/explainers/{b.id}").status_code == 200
        found = client.get("/search", params={"q": "Kipchoge marathon"})
        assert found.status_code == 200 and "Kipchoge" in found.text
        source = b.sources[0].id
        assert client.get(f"/sources/{source}").status_code == 200


def test_the_store_setting_chooses_postgresql_for_every_command(pg_cluster, tmp_path):
    """GROUNDBRIEF_STORE points ingest, explain and list at the server; nothing is written to
    a SQLite file in the home folder."""
    dsn = pg_cluster.new_database()
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"), GROUNDBRIEF_STORE=dsn)

    def cli(*args):
        return subprocess.run([sys.executable, "-c", "from groundbrief.cli import main; main()",
                               *args, "--home", str(tmp_path)], capture_output=True, text=True,
                              env=env, timeout=600)

    done = cli("ingest", str(REPO / "tests" / "fixtures" / "ingest" / "articles.jsonl"))
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "groundbrief.db").exists()
    with open_store_url(dsn, home=tmp_path, create=False) as store:
        stored = store.counts()["sources"]
    assert stored > 0 and f"{stored} new" in done.stdout + done.stderr
    assert cli("list").returncode == 0


@pytest.mark.parametrize("value", ["mysql://x/y", "sqlite://", "groundbrief.db"])
def test_a_bad_store_setting_is_one_line(tmp_path, value):
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"), GROUNDBRIEF_STORE=value)
    done = subprocess.run([sys.executable, "-c", "from groundbrief.cli import main; main()",
                           "list", "--home", str(tmp_path)], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 2
    line = done.stderr.strip()
    assert "\n" not in line and "GROUNDBRIEF_STORE" in line and "postgresql://" in line
