"""One way to open a store from its address, for the CLI, the web app, the pipeline's callers
and ``store copy``: ``sqlite:///PATH`` (or a plain file path) or ``postgresql://…``.

psycopg is imported only when a PostgreSQL address is opened, so the embedded default needs
nothing beyond the base install.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import InputError
from ..interfaces import Store

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def redact(url: str) -> str:
    """A store address without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def is_postgres(url: str) -> bool:
    return url.startswith(POSTGRES_SCHEMES)


def sqlite_path(url: str, home: Path) -> Path:
    """The file of a ``sqlite://`` address (or of a plain path); relative to ``home``."""
    raw = url[len("sqlite://"):] if url.startswith("sqlite://") else url
    path = Path(raw).expanduser()
    return path if path.is_absolute() else home / path


def postgres_local_path(url: str, home: Path) -> Path:
    """The local folder beside which this machine keeps what it derives from the database
    (the memory-mapped vector index): one per server and database, under ``home``."""
    parts = urlsplit(url)
    try:
        port = parts.port or 5432
    except ValueError:
        port = 0
    dbname = (parts.path or "/").lstrip("/") or (parts.username or "postgres")
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", f"{parts.hostname or 'local'}-{port}-{dbname}")
    return Path(home) / f"postgresql-{safe}"


def open_store_url(url: str, *, home: Path, create: bool = True,
                   lexical_budget: int | None = None) -> Store:
    """The store at ``url``; :class:`StoreError` (one line) when it cannot be opened."""
    url = url.strip()
    if is_postgres(url):
        from .postgres import PostgresStore

        return PostgresStore(url, home=home, create=create)
    if "://" in url and not url.startswith("sqlite://"):
        raise InputError(f"{url.split('://')[0]}://…: not a store address; use "
                         "sqlite:///path/to/groundbrief.db or postgresql://user@host:port/db")
    from .sqlite import SQLiteStore

    if lexical_budget is None:
        return SQLiteStore(sqlite_path(url, home), create=create)
    return SQLiteStore(sqlite_path(url, home), create=create, lexical_budget=lexical_budget)
