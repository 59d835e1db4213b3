"""``groundbrief store copy SRC DST``: move a store between SQLite and PostgreSQL (store/copy.py).

SRC and DST are store addresses (``sqlite:///path/groundbrief.db``, ``postgresql://user@host:
port/db``) or a SQLite file or a home folder holding ``groundbrief.db``. The destination is
created (migrated) when new; a PostgreSQL database must exist already (``createdb``).
"""

from __future__ import annotations

import time
from pathlib import Path

import typer

from ..config import STORE_FILE
from ..errors import InputError
from .common import HomeOption, err, settings_for

store_app = typer.Typer(help="Move or inspect stores (SQLite ⇄ PostgreSQL).",
                        no_args_is_help=True)


def _address(value: str) -> str:
    value = value.strip()
    if not value:
        raise InputError("an empty store address; give sqlite:///path/groundbrief.db or "
                         "postgresql://user@host:port/db")
    if "://" in value:
        return value
    path = Path(value).expanduser()
    if path.is_dir():
        path = path / STORE_FILE
    return f"sqlite://{path.resolve()}"


@store_app.command("copy")
def copy_command(
    src: str = typer.Argument(..., help="Store to read (address, SQLite file or home folder)."),
    dst: str = typer.Argument(..., help="Store to write; created when new."),
    home: HomeOption = None,
) -> None:
    """Copy every table of SRC into DST, verified by row counts and a hash per table;
    safe to run again (tables already copied are left alone)."""
    from ..index.ann import PassageVectorIndex
    from ..store import open_store_url
    from ..store.copy import copy_store

    settings = settings_for(home)
    src_url, dst_url = _address(src), _address(dst)
    if src_url == dst_url:
        raise InputError(f"{src}: source and destination are the same store")
    started = time.perf_counter()
    with open_store_url(src_url, home=settings.home, create=False) as source, \
            open_store_url(dst_url, home=settings.home, create=True) as target:
        results = copy_store(source, target, progress=lambda msg: err.print(msg, highlight=False))
        with err.status("indexing passage vectors"):
            PassageVectorIndex(target).sync()
    for r in results:
        typer.echo(f"{r.table:<14} {r.rows:>9,} rows  {r.action:<13} sha256-sum {r.digest[:16]}")
    typer.echo(f"copied and verified in {time.perf_counter() - started:.1f} s")


def register(app: typer.Typer) -> None:
    app.add_typer(store_app, name="store")
