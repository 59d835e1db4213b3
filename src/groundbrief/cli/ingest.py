"""``groundbrief ingest``: dumps, feeds, pages and folders into the store."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from .common import HomeOption, err, settings_for

if TYPE_CHECKING:
    from ..config import Settings
    from ..index.prepare import Preparer


def ingest_command(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, feed or page URLs.", metavar="PATH_OR_URL...")],
    field_map: Annotated[Optional[str], typer.Option("--map", help="Field names of a dump: ours=theirs, e.g. text=body,published=date.")] = None,
    outlet: Annotated[Optional[str], typer.Option("--outlet", help="Outlet name for records that carry none (e.g. Reuters).")] = None,
    workers: Annotated[Optional[int], typer.Option("--workers", help="Chunk and embed on a local Dask cluster of N worker processes (needs the 'cluster' extra).")] = None,
    cluster: Annotated[Optional[str], typer.Option("--cluster", help="Chunk and embed on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786).", metavar="ADDRESS")] = None,
    home: HomeOption = None,
) -> None:
    """Ingest JSONL/CSV dumps, RSS/Atom feeds, HTML pages (files or URLs) and folders of them."""
    from ..ingest import fetch_options, parse_field_map, read_sources
    from ..ingest.census import count_records
    from ..index.indexer import Indexer
    from ..registry import build_embedder
    from ..runtime import open_store
    from .progress import RecordProgress

    settings = settings_for(home)
    mapping = parse_field_map(field_map) if field_map else {}
    options = fetch_options(settings, field_map=mapping, default_outlet=outlet)
    total = count_records(inputs)
    with open_store(settings) as store, _preparer(settings, workers, cluster) as preparer:
        indexer = Indexer(store, build_embedder(settings),
                          max_passages=settings.max_passages_per_source, preparer=preparer)
        with RecordProgress(total, err) as advance:
            report = indexer.index(read_sources(inputs, options=options), progress=advance)
    for note in report.notes[:20]:
        err.print(f"note: {note}", markup=False, highlight=False, soft_wrap=True)
    if len(report.notes) > 20:
        err.print(f"... and {len(report.notes) - 20} more records kept apart", markup=False)
    for problem in report.problems[:20]:
        err.print(f"rejected: {problem}", markup=False, highlight=False)
    if len(report.problems) > 20:
        err.print(f"... and {len(report.problems) - 20} more rejected records", markup=False)
    typer.echo(report.line())
    if report.rejected and not (report.new or report.updated or report.unchanged):
        raise typer.Exit(2)


@contextmanager
def _preparer(settings: Settings, workers: int | None,
              address: str | None) -> Iterator[Preparer | None]:
    """None (chunk and embed here) unless --workers or --cluster asks for a Dask cluster."""
    if workers is None and address is None:
        yield None
        return
    from ..cluster import cluster_client
    from ..cluster.ingest import DaskPreparer, PrepareSpec
    from ..index.chunk import SentenceWindowChunker

    with cluster_client(workers=workers, address=address) as client:
        yield DaskPreparer(client, PrepareSpec(settings, SentenceWindowChunker(),
                                               settings.max_passages_per_source))


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
