"""Ingest and re-checks over a Dask cluster (issue 12, item 3).

``groundbrief ingest --workers N`` (a LocalCluster on 127.0.0.1) or ``--cluster ADDRESS`` (a
running scheduler) fans the store-free work out to the workers: chunking and embedding for
ingest (cluster/ingest.py), the whole explain for ``groundbrief recheck`` (cluster/recheck.py).
This process stays the one writer: it writes what the workers return through the store, in
batches of one transaction each, in the order a plain run would. So a cluster run stores what
a plain run stores, and a worker lost mid-run costs a retry of its task (Dask reschedules it)
or fails the run with every batch before it written whole and nothing of the others.

dask and distributed are the optional extra ``cluster`` (``pip install 'groundbrief[cluster]'``).
"""

from .connect import cluster_client, worker_count

__all__ = ["cluster_client", "worker_count"]
