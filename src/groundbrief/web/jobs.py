"""Brief checks run by one background worker thread: the store's one writer.

The pipeline is CPU-bound and writes to SQLite, so jobs run one at a time on a single thread
that owns the only writing connection (as datasette sends every write through one writer);
page requests read through their own connections meanwhile (WAL lets them). The pipeline is
built on the worker thread at its first job, so the server starts without loading models.
"""

from __future__ import annotations

import logging
import queue
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Literal

from ..errors import GroundbriefError
from ..pipeline import Pipeline

log = logging.getLogger(__name__)

# The pipeline's progress callback names these stages, in this order.
STAGES: tuple[tuple[str, str], ...] = (
    ("parse", "Reading the brief"),
    ("claims", "Splitting it into claims"),
    ("retrieve", "Searching the stored sources"),
    ("verify", "Checking each claim against the passages"),
    ("related", "Finding related explainers"),
    ("compose", "Writing the explainer"),
)

JobStatus = Literal["queued", "running", "done", "failed"]


@dataclass(frozen=True)
class Job:
    """A snapshot of one job; the runner replaces it as the job moves on."""

    id: str
    brief: str
    as_of: datetime | None
    submitted_at: datetime
    status: JobStatus = "queued"
    stages_done: tuple[str, ...] = ()
    stage: str | None = None
    explainer_id: str | None = None
    version: int | None = None
    error: str | None = None

    @property
    def finished(self) -> bool:
        return self.status in ("done", "failed")

    def stage_states(self) -> dict[str, str]:
        out = {}
        for name, _ in STAGES:
            if name in self.stages_done or self.status == "done":
                out[name] = "done"
            elif name == self.stage and self.status == "running":
                out[name] = "running"
            else:
                out[name] = "failed" if self.status == "failed" and name == self.stage else "waiting"
        return out

    def state_line(self) -> str:
        if self.status == "queued":
            return "Waiting for the checker to start."
        if self.status == "running":
            label = dict(STAGES).get(self.stage or "", self.stage or "starting")
            return f"Working: {label}."
        if self.status == "done":
            return f"Done: explainer version {self.version} is published."
        return "The check failed; nothing was published."


class QueueFull(Exception):
    """More jobs are waiting than the server accepts; the caller should retry later."""


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


class JobRunner:
    def __init__(
        self,
        make_pipeline: Callable[[], Pipeline],
        *,
        max_queued: int = 20,
        keep: int = 500,
        clock: Callable[[], datetime] = _now,
    ):
        self._make_pipeline = make_pipeline
        self._max_queued = max_queued
        self._keep = keep
        self._clock = clock
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._pipeline: Pipeline | None = None

    # -- lifecycle

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._work, name="groundbrief-writer", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        """Finish the job in hand, then stop; jobs still queued are dropped."""
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout)
            self._thread = None

    # -- API

    def submit(self, brief: str, as_of: datetime | None) -> Job:
        with self._lock:
            waiting = sum(1 for j in self._jobs.values() if j.status == "queued")
            if waiting >= self._max_queued:
                raise QueueFull(f"{waiting} briefs are waiting to be checked")
            job = Job(id="job_" + secrets.token_urlsafe(12), brief=brief, as_of=as_of,
                      submitted_at=self._clock())
            self._jobs[job.id] = job
            while len(self._jobs) > self._keep:
                oldest = next(iter(self._jobs))
                if not self._jobs[oldest].finished:
                    break
                self._jobs.popitem(last=False)
        self._queue.put(job.id)
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    # -- worker

    def _update(self, job_id: str, **changes: object) -> None:
        with self._lock:
            self._jobs[job_id] = replace(self._jobs[job_id], **changes)

    def _progress(self, job_id: str, stage: str) -> None:
        with self._lock:
            job = self._jobs[job_id]
            done = job.stages_done + ((job.stage,) if job.stage else ())
            self._jobs[job_id] = replace(job, stage=stage, stages_done=done)

    def _work(self) -> None:
        try:
            while True:
                job_id = self._queue.get()
                if job_id is None:
                    return
                self._run(job_id)
        finally:
            if self._pipeline is not None:
                self._pipeline.store.close()

    def _run(self, job_id: str) -> None:
        job = self.get(job_id)
        if job is None:
            return
        self._update(job_id, status="running")
        try:
            if self._pipeline is None:
                self._pipeline = self._make_pipeline()
            explainer = self._pipeline.explain(
                job.brief, now=self._clock(), as_of=job.as_of,
                progress=lambda stage: self._progress(job_id, stage),
            )
        except GroundbriefError as exc:
            self._update(job_id, status="failed", error=str(exc))
        except Exception as exc:  # noqa: BLE001 - one bad job must not kill the only writer
            log.exception("job %s failed", job_id)
            self._update(job_id, status="failed",
                         error=f"internal error ({type(exc).__name__}); the server log has details")
        else:
            self._update(job_id, status="done", explainer_id=explainer.id,
                         version=explainer.version,
                         stages_done=tuple(name for name, _ in STAGES))
