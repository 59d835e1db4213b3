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
    """``source``: the SQLite file, or a function that opens the configured store.

    A thread's store is closed once the thread has ended. The server's request threads come
    and go (anyio stops a worker idle for 10 s and starts a new one on the next burst), and
    every store opened was kept until shutdown: the API fuzz target, whose requests each
    ran on a new thread, held 1,200 open SQLite connections after 1,200 searches and grew
    0.3 MB a request until it hit its 2 GiB limit.
    """

    def __init__(self, source: Path | Callable[[], Store]):
        self.open: Callable[[], Store] = source if callable(source) else \
            (lambda: SQLiteStore(source, create=False))
        self._local = threading.local()
        self._opened: dict[threading.Thread, Store] = {}
        self._lock = threading.Lock()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            self._close_ended()  # only here: opening is the rare case, the check is linear
            store = self.open()
            self._local.store = store
            with self._lock:
                self._opened[threading.current_thread()] = store
        return store

    @property
    def open_count(self) -> int:
        with self._lock:
            return len(self._opened)

    def _close_ended(self) -> None:
        with self._lock:
            ended = [t for t in self._opened if not t.is_alive()]
            stores = [self._opened.pop(t) for t in ended]
        for store in stores:  # its thread is gone, so nothing else is using it
            _close_quietly(store)

    def close(self) -> None:
        with self._lock:
            stores = list(self._opened.values())
            self._opened.clear()
        for store in stores:
            _close_quietly(store)


def _close_quietly(store: Store) -> None:
    try:
        store.close()
    except Exception:  # noqa: BLE001 - a store that will not close is dropped all the same
        pass
