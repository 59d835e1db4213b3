"""Stores. The embedded default is one SQLite file; see :mod:`.sqlite`."""

from .sqlite import SQLiteStore, UpsertResult, VectorIndex

__all__ = ["SQLiteStore", "UpsertResult", "VectorIndex"]
