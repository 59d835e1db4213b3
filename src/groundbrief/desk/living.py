"""Living explainers: after a refresh brought new sources, recent explainers with open claims
are explained again against the grown store.

The pipeline decides whether anything changed (its content digest): an unchanged re-check
keeps the version; a changed verdict or evidence stores a new version with a changelog entry,
and every older version stays readable (``groundbrief show ID --version N``). Explainers made
with an as-of time are left alone: they answer "what was known then", which new sources do
not change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from ..models import Explainer, Model, Verdict, utc
from ..pipeline import Pipeline
from ..store import SQLiteStore

OPEN_VERDICTS = frozenset({Verdict.NOT_ENOUGH_EVIDENCE, Verdict.CONFLICTING})
MAX_RECHECKED = 200  # newest first; a desk re-checks today's stories, not the archive


class Recheck(Model):
    explainer_id: str
    headline: str
    old_version: int
    new_version: int
    changes: list[str]

    @property
    def updated(self) -> bool:
        return self.new_version != self.old_version

    def line(self) -> str:
        if not self.updated:
            return f"{self.explainer_id} v{self.old_version}: re-checked, nothing changed"
        return (f"{self.explainer_id} v{self.old_version} → v{self.new_version}: "
                + "; ".join(self.changes))


def open_claims(explainer: Explainer) -> int:
    return sum(c.verdict in OPEN_VERDICTS for c in explainer.claims)


class LivingExplainers:
    """Re-checks the open claims of recent explainers (see the module docstring)."""

    def __init__(self, store: SQLiteStore, pipeline: Callable[[], Pipeline]):
        self.store = store
        self._pipeline_factory = pipeline
        self._pipeline: Pipeline | None = None

    def candidates(self, now: datetime, window_days: float) -> list[Explainer]:
        since = utc(now) - timedelta(days=window_days)
        out = []
        for summary in self.store.list_explainers(limit=MAX_RECHECKED):
            if utc(summary.updated_at) < since:
                continue
            explainer = self.store.latest_explainer(summary.id)
            if explainer and explainer.as_of is None and open_claims(explainer):
                out.append(explainer)
        return out

    def recheck(self, now: datetime, window_days: float) -> list[Recheck]:
        results = []
        for old in self.candidates(now, window_days):
            if self._pipeline is None:
                self._pipeline = self._pipeline_factory()  # models load only when needed
            new = self._pipeline.explain(old.brief.text, now=now)
            changes = new.changelog[-1].changes if new.version != old.version else []
            results.append(Recheck(explainer_id=old.id, headline=new.headline,
                                   old_version=old.version, new_version=new.version,
                                   changes=changes))
        return results
