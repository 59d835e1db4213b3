"""The one place where backends are registered by name and built from settings.

A plug-in registers a factory ``(settings, **deps) -> backend``; configuration picks it by
name. Imports are lazy so that an unused heavy backend costs nothing at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .config import Settings
from .errors import BackendError
from .interfaces import Embedder, Verifier, Writer

Factory = Callable[..., Any]
_REGISTRY: dict[str, dict[str, Factory]] = {"embedder": {}, "verifier": {}, "writer": {}}


def register(kind: str, name: str, factory: Factory) -> None:
    _REGISTRY[kind][name] = factory


def names(kind: str) -> list[str]:
    return sorted(_REGISTRY[kind])


def _build(kind: str, name: str, settings: Settings, **deps: Any) -> Any:
    try:
        factory = _REGISTRY[kind][name]
    except KeyError:
        raise BackendError(
            f"unknown {kind} '{name}'; choose one of: {', '.join(names(kind))}"
        ) from None
    return factory(settings, **deps)


def build_embedder(settings: Settings) -> Embedder:
    return _build("embedder", settings.embedder, settings)


def build_verifier(settings: Settings, embedder: Embedder | None = None) -> Verifier:
    """``embedder``: the pipeline's, offered so that one loaded model serves both."""
    return _build("verifier", settings.verifier, settings, embedder=embedder)


def build_writer(settings: Settings) -> Writer:
    return _build("writer", settings.writer, settings)


# ---------------------------------------------------------------- built-in backends


def _use_embedder(settings: Settings) -> Embedder:
    from .index.embed import UniversalSentenceEncoder

    return UniversalSentenceEncoder()


def _cosine_embedder(embedder: Embedder | None) -> Embedder | None:
    """The pipeline's embedder when it is the one the verifier's weights were fitted with
    (then it is not loaded a second time); otherwise None, and the verifier loads its own."""
    from .index.embed import UniversalSentenceEncoder

    return embedder if isinstance(embedder, UniversalSentenceEncoder) else None


def _default_verifier(settings: Settings, embedder: Embedder | None = None) -> Verifier:
    from .verify.default import DefaultVerifier

    return DefaultVerifier(top_n=settings.verify_top_n, embedder=_cosine_embedder(embedder),
                           join_passages=settings.verify_join_passages)


def _hf_verifier(settings: Settings, embedder: Embedder | None = None) -> Verifier:
    from .verify.default import DefaultVerifier
    from .verify.nli_hf import HFNLIModel

    if settings.nli_model_path is None:
        raise BackendError(
            "verifier 'hf-nli' needs nli_model_path; set GROUNDBRIEF_NLI_MODEL_PATH to a checkpoint folder"
        )
    return DefaultVerifier(nli=HFNLIModel(settings.nli_model_path), top_n=settings.verify_top_n,
                           embedder=_cosine_embedder(embedder),
                           join_passages=settings.verify_join_passages)


def _llm_verifier(settings: Settings, embedder: Embedder | None = None) -> Verifier:
    from .verify.llm_judge import LLMJudgeVerifier

    if not settings.llm_base_url:
        raise BackendError(
            "verifier 'llm-judge' needs llm_base_url; set GROUNDBRIEF_LLM_BASE_URL to an OpenAI-compatible endpoint"
        )
    return LLMJudgeVerifier(
        base_url=settings.llm_base_url, model=settings.llm_model or "default",
        api_key=settings.llm_api_key, top_n=settings.verify_top_n,
    )


def _extractive_writer(settings: Settings) -> Writer:
    from .compose.extractive import ExtractiveWriter

    return ExtractiveWriter()


register("embedder", "use-multilingual", _use_embedder)
register("verifier", "default", _default_verifier)
register("verifier", "hf-nli", _hf_verifier)
register("verifier", "llm-judge", _llm_verifier)
register("writer", "extractive", _extractive_writer)
