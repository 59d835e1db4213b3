"""A Dask client: to a LocalCluster of worker processes on 127.0.0.1, or to a scheduler at an
address (a newsroom's cluster; its workers need groundbrief installed, and for ``recheck``
the store reachable: the same SQLite path on a shared disk, or the PostgreSQL server)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import BackendError, InputError

CONNECT_TIMEOUT_S = 15


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise BackendError("--workers and --cluster need Dask: pip install "
                           "'groundbrief[cluster]' (dask and distributed)") from None
    return distributed


@contextmanager
def cluster_client(*, workers: int | None = None, address: str | None = None) -> Iterator[Any]:
    """A ``distributed.Client``, closed (and a local cluster stopped) on exit."""
    if (workers is None) == (address is None):
        raise InputError("give either --workers N (a local cluster) or --cluster ADDRESS "
                         "(a running Dask scheduler), not both")
    distributed = _distributed()
    if address is not None:
        try:
            client = distributed.Client(address, timeout=f"{CONNECT_TIMEOUT_S}s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise BackendError(f"--cluster {address}: no Dask scheduler answered ({exc}); start "
                               "one with `dask scheduler` and workers with `dask worker "
                               "ADDRESS`, or check the address") from None
        try:
            try:
                client.wait_for_workers(1, timeout=CONNECT_TIMEOUT_S)
            except TimeoutError:
                raise BackendError(f"--cluster {address}: the scheduler has no workers; start "
                                   f"some with `dask worker {address}`") from None
            yield client
        finally:
            client.close()
        return
    if workers is None or workers < 1:
        raise InputError(f"--workers {workers}: give 1 or more worker processes")
    # One single-threaded process per worker: the embedder and the NLI model hold the GIL
    # between their matrix products, so processes, not threads, use the cores.
    cluster = distributed.LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address=None, silence_logs=logging.ERROR)
    client = distributed.Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def worker_count(client: Any) -> int:
    return len(client.scheduler_info().get("workers", {}))
