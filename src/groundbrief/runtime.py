"""Assembles a store and a pipeline from settings: shared by the CLI, the web app and tests."""

from __future__ import annotations

from .config import Settings
from .pipeline import Pipeline
from .registry import build_embedder, build_verifier, build_writer
from .interfaces import Store
from .store import open_store_url


def open_store(settings: Settings, *, create: bool = True) -> Store:
    """The configured store (``store`` setting / GROUNDBRIEF_STORE): SQLite or PostgreSQL."""
    return open_store_url(settings.store_url, home=settings.home, create=create,
                          lexical_budget=settings.lexical_budget)


def build_pipeline(settings: Settings, store: Store) -> Pipeline:
    from .brief.claims import RuleClaimExtractor
    from .brief.parse import RuleBriefParser
    from .index.retrieve import HybridRetriever

    embedder = build_embedder(settings)
    return Pipeline(
        settings=settings,
        store=store,
        embedder=embedder,
        parser=RuleBriefParser(),
        extractor=RuleClaimExtractor(),
        retriever=HybridRetriever(store, embedder),
        verifier=build_verifier(settings, embedder),
        writer=build_writer(settings),
    )
