"""Bounded work per brief, on the real pipeline and the demo store: a brief with more claims
than the cap is checked up to the cap and says so; an explain past its deadline stops, marks
its run failed and publishes nothing."""

from __future__ import annotations

import shutil
from datetime import datetime, timezone

import pytest

from groundbrief.config import Settings
from groundbrief.errors import DeadlineError
from groundbrief.runtime import build_pipeline, open_store

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=timezone.utc)


@pytest.fixture()
def home(demo_home, tmp_path):
    dst = tmp_path / "home"
    shutil.copytree(demo_home, dst)
    return dst


def test_an_explain_past_its_deadline_publishes_nothing(home, demo_briefs):
    settings = Settings(home=home, explain_deadline_s=1e-6)
    with open_store(settings) as store:
        pipeline = build_pipeline(settings, store)
        with pytest.raises(DeadlineError, match="deadline at claim 1 of"):
            pipeline.explain(demo_briefs["kipchoge-vienna"], now=NOW)
        assert store.list_explainers(10) == []
        status = store.db.execute("SELECT status FROM runs").fetchall()
        assert [r[0] for r in status] == ["failed"]


def test_claims_past_the_cap_are_named_not_checked(home, demo_briefs):
    settings = Settings(home=home, max_claims_per_brief=1)
    with open_store(settings) as store:
        explainer = build_pipeline(settings, store).explain(demo_briefs["kipchoge-vienna"], now=NOW)
    assert len(explainer.claims) == 1
    assert any("only the first 1 were checked" in c for c in explainer.transparency.caveats)
