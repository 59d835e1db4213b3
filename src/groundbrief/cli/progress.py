"""Ingest progress on standard error: a bar with total, rate and time left on a terminal; one
plain line every few seconds otherwise (a log file or a pipe), so a long ingest whose output
goes to a log says how far it is."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

LOG_EVERY_S = 10.0


class RecordProgress:
    """``with RecordProgress(total, console) as advance: advance(n)``."""

    def __init__(self, total: int | None, console: Console, *, label: str = "ingest",
                 every_s: float = LOG_EVERY_S, stream: TextIO | None = None,
                 clock: Callable[[], float] = time.monotonic):
        self.total = total
        self.console = console
        self.label = label
        self.every_s = every_s
        self.stream = stream or sys.stderr
        self.clock = clock
        self.done = 0
        self._bar: Progress | None = None
        self._task = None
        self._start = 0.0
        self._last_line = 0.0

    def __enter__(self) -> Callable[[int], None]:
        self._start = self._last_line = self.clock()
        if self.console.is_terminal:
            columns = [TextColumn(self.label), BarColumn(), MofNCompleteColumn(),
                       TextColumn("records")]
            if self.total is not None:
                columns.append(TaskProgressColumn())
            columns += [TextColumn("{task.fields[rate]}"), TimeElapsedColumn()]
            if self.total is not None:
                columns.append(TimeRemainingColumn())
            self._bar = Progress(*columns, console=self.console, transient=True)
            self._bar.__enter__()
            self._task = self._bar.add_task(self.label, total=self.total, rate="")
        return self.advance

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)  # type: ignore[arg-type]

    def rate(self) -> float:
        elapsed = self.clock() - self._start
        return self.done / elapsed if elapsed > 0 else 0.0

    def advance(self, n: int) -> None:
        self.done += n
        if self._bar is not None:
            self._bar.update(self._task, advance=n, rate=f"{self.rate():,.1f}/s")
            return
        now = self.clock()
        if now - self._last_line >= self.every_s:
            self._last_line = now
            print(self.line(), file=self.stream, flush=True)

    def line(self) -> str:
        elapsed = self.clock() - self._start
        if self.total:
            share = min(self.done / self.total, 1.0)
            done = f"{self.done:,} of {self.total:,} records ({share:.0%})"
        else:
            done = f"{self.done:,} records"
        return f"{self.label}: {done}, {self.rate():,.1f} records/s, {elapsed:,.0f} s elapsed"
