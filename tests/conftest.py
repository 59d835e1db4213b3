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
        store = open_store(Settings(home=home))
        opened.append(store)
        return build_pipeline(Settings(home=home), store)

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
