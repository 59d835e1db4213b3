"""Indexing and retrieval: chunk → embed → store; hybrid BM25 + dense search."""
