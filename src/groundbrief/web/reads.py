"""Read connections for request threads: one store per thread, opened on first use.

A sqlite3 connection (and a psycopg one) must not serve two threads at once; WAL mode (MVCC on
PostgreSQL) lets these readers run beside the worker's write transactions and see each commit
when their next read starts.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from ..interfaces import Store
from ..store import SQLiteStore


class ReadStores:
    """``source``: the SQLite file, or a function that opens the configured store."""

    def __init__(self, source: Path | Callable[[], Store]):
        self.open: Callable[[], Store] = source if callable(source) else \
            (lambda: SQLiteStore(source, create=False))
        self._local = threading.local()
        self._opened: list[Store] = []
        self._lock = threading.Lock()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self.open()
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            for store in self._opened:
                try:
                    store.close()
                except Exception:  # noqa: BLE001 - closing at shutdown; the process is leaving
                    pass
            self._opened.clear()
