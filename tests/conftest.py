"""Shared fixtures: a real store holding the real demo corpus, built once per test session."""

from __future__ import annotations

import os
import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = (REPO.parent / "shared" / "data").resolve()
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)


EXPLAINER_FIXTURES = Path(__file__).parent / "fixtures" / "explainers"


def explainer_fixture(name: str):
    """A stored explainer of tests/fixtures/explainers (made by its make_fixtures.py)."""
    from groundbrief.models import Explainer

    return Explainer.model_validate_json(
        (EXPLAINER_FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def conflicting_navalny():
    """The Navalny fixture with its refuted claim made conflicting: the refuting Omsk sentence
    on one side, the German laboratory's finding on the other, both cited."""
    from groundbrief.models import Statement, Verdict

    e = explainer_fixture("navalny")
    lab = e.claims[1].evidence[0]
    u = e.still_unclear[0]
    u.verdict = e.claims[3].verdict = Verdict.CONFLICTING
    u.reason = "sources conflict"
    u.confirmation = Statement(text=lab.quote, citations=[lab])
    e.claims[3].evidence = [lab, *e.claims[3].evidence]
    return e


def judge_alone(verifier, claim: str, passage: str, *, title: str = "News"):
    """The verifier's verification of ``claim`` with ``passage`` (id "p1") as its only evidence,
    the claim standing as its own brief."""
    from groundbrief.models import Brief, Claim, Passage, ScoredPassage, Source

    sp = ScoredPassage(
        passage=Passage(id="p1", source_id="s1", ordinal=0, start=0, end=len(passage), text=passage),
        source=Source(id="s1", title=title, outlet="Example News", text=passage), score=1.0)
    return verifier.verify(Claim(id="c1", text=claim), [sp], Brief(text=claim))


def shared_data(*parts: str) -> Path:
    """A path under ../shared/data, or a skip saying why the real-data test cannot run."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"real evaluation data {path} is absent (../shared beside the checkout)")
    return path


@pytest.fixture(scope="session")
def demo_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with the bundled Wikinews demo corpus ingested (real embedder, real SQLite)."""
    from groundbrief.cli.demo import demo_paths
    from groundbrief.config import Settings
    from groundbrief.index.indexer import Indexer
    from groundbrief.ingest import read_sources
    from groundbrief.registry import build_embedder
    from groundbrief.runtime import open_store

    home = tmp_path_factory.mktemp("demo-home")
    settings = Settings(home=home)
    corpus, _ = demo_paths()
    with open_store(settings) as store:
        report = Indexer(store, build_embedder(settings)).index(read_sources([str(corpus)]))
    assert report.new == 336 and report.rejected == 0
    return home


@pytest.fixture()
def demo_store_copy(demo_home: Path, tmp_path: Path) -> Path:
    """A private copy of the demo store for tests that write explainers."""
    home = tmp_path / "home"
    shutil.copytree(demo_home, home)
    return home


@pytest.fixture(scope="session")
def pipeline_factory():
    from groundbrief.config import Settings
    from groundbrief.runtime import build_pipeline, open_store

    opened = []

    def make(home: Path):
        settings = Settings(home=home, store=PG_HOMES.get(home))  # see on_postgres below
        store = open_store(settings)
        opened.append(store)
        return build_pipeline(settings, store)

    yield make
    for store in opened:
        store.close()


@pytest.fixture(scope="session")
def demo_briefs() -> dict[str, str]:
    from groundbrief.cli.demo import demo_paths

    _, paths = demo_paths()
    return {p.stem: p.read_text(encoding="utf-8") for p in paths}


@pytest.fixture(autouse=True)
def _no_user_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Never read or write the real per-user store from tests.
    if "GROUNDBRIEF_HOME" not in os.environ:
        monkeypatch.setenv("GROUNDBRIEF_HOME", str(tmp_path / "default-home"))


# ---------------------------------------------------------------- PostgreSQL (issue 12)
# A throw-away server per test session (tests/pgcluster.py). Without PostgreSQL's binaries the
# PostgreSQL side of the store tests skips, saying so; in CI (CI=true) it fails instead, since
# .ci/run installs them and a skipped store suite there would hide a broken store.
PG_HOMES: dict[Path, str] = {}  # home folder → the PostgreSQL store that tests use for it

ENGINES = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def pg_cluster():
    from .pgcluster import Cluster, bindir

    found = bindir()
    if found is None:
        msg = ("PostgreSQL binaries (initdb, pg_ctl) not found: apt-get install postgresql, or "
               "set GROUNDBRIEF_PG_BINDIR")
        if os.environ.get("CI"):
            pytest.fail(msg)
        pytest.skip(msg)
    cluster = Cluster(found)
    yield cluster
    cluster.stop()


def on_postgres(cluster, home: Path) -> Path:
    """Move the SQLite store of ``home`` into a fresh PostgreSQL database (``store copy``) and
    make ``settings_on(home)`` and ``pipeline_factory(home)`` use it from now on."""
    from groundbrief.index.ann import PassageVectorIndex
    from groundbrief.store import SQLiteStore, open_store_url
    from groundbrief.store.copy import copy_store

    url = cluster.new_database()
    with SQLiteStore(home / "groundbrief.db", create=False) as src, \
            open_store_url(url, home=home) as dst:
        copy_store(src, dst)
        PassageVectorIndex(dst).sync()
    PG_HOMES[home] = url
    return home


def settings_on(home: Path):
    """Settings for ``home``, on PostgreSQL when :func:`on_postgres` moved it there."""
    from groundbrief.config import Settings

    return Settings(home=home, store=PG_HOMES.get(home))


@pytest.fixture(params=ENGINES)
def engine(request) -> str:
    return request.param


def home_on(engine: str, request, home: Path) -> Path:
    """``home`` as is for SQLite; moved to PostgreSQL for the postgresql engine."""
    if engine == "postgresql":
        return on_postgres(request.getfixturevalue("pg_cluster"), home)
    return home
