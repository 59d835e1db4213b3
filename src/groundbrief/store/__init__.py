"""Stores. The embedded default is one SQLite file (:mod:`.sqlite`); a newsroom server uses
PostgreSQL (:mod:`.postgres`). :func:`open_store_url` opens either from its address."""

from .factory import is_postgres, open_store_url, postgres_local_path, sqlite_path
from .sqlite import SQLiteStore, StoryState, UpsertResult, VectorIndex

__all__ = ["SQLiteStore", "StoryState", "UpsertResult", "VectorIndex", "is_postgres", "open_store_url",
           "postgres_local_path", "sqlite_path"]
