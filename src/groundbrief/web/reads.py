"""Read connections for request threads: one SQLiteStore per thread, opened on first use.

A sqlite3 connection must not serve two threads at once; WAL mode lets these readers run
beside the worker's write transactions and see each commit when their next read starts.
"""

from __future__ import annotations

import threading
from pathlib import Path

from ..store import SQLiteStore


class ReadStores:
    def __init__(self, path: Path):
        self.path = path
        self._local = threading.local()
        self._opened: list[SQLiteStore] = []
        self._lock = threading.Lock()

    def get(self) -> SQLiteStore:
        store = getattr(self._local, "store", None)
        if store is None:
            store = SQLiteStore(self.path, create=False)
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
