"""``groundbrief reindex``: bring the on-disk vector index up to date with the store.

Ingest does this by itself; the command is for a store written before the index existed (an
older groundbrief) or whose ``groundbrief.db-vectors`` folder was removed or copied without.
Until then searches stay correct but read every vector into memory, as before issue 12.
"""

from __future__ import annotations

import time

import typer

from .common import HomeOption, err, settings_for


def reindex_command(home: HomeOption = None) -> None:
    """Build or update the store's on-disk vector index (ingest keeps it current by itself)."""
    from ..index.ann import PassageVectorIndex
    from ..runtime import open_store

    settings = settings_for(home)
    with open_store(settings, create=False) as store:
        index = PassageVectorIndex(store)
        started = time.perf_counter()
        with err.status("indexing passage vectors"):
            applied = index.sync()
        typer.echo(f"vector index {index.dir}: {applied} passage changes applied "
                   f"in {time.perf_counter() - started:.1f} s")


def register(app: typer.Typer) -> None:
    app.command("reindex")(reindex_command)
