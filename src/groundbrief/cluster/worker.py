"""What a worker process keeps between tasks: models loaded once per worker, not per task.

A task names the settings it needs; the first task on a worker that needs an embedder (or a
pipeline) builds it and every later task on that worker reuses it. ``loads()`` says how many
times each was built on this worker (the tests ask every worker through ``client.run``).
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

_LOADED: dict[tuple[str, str], Any] = {}
_LOADS: Counter[str] = Counter()
_LOCK = threading.Lock()


def cached(kind: str, key: str, build: Callable[[], T]) -> T:
    with _LOCK:  # a worker with several threads must still build a model once
        found = _LOADED.get((kind, key))
        if found is None:
            found = build()
            _LOADED[(kind, key)] = found
            _LOADS[kind] += 1
        return found


def loads() -> dict[str, int]:
    return dict(_LOADS)
