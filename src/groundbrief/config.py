"""Settings: defaults < ``$GROUNDBRIEF_HOME/config.toml`` < environment (``GROUNDBRIEF_*``) < CLI.

Every backend is chosen here by name (see :mod:`groundbrief.registry`); the defaults run
offline on a laptop CPU.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from pydantic import Field, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

CONFIG_FILE = "config.toml"
STORE_FILE = "groundbrief.db"
STORE_SCHEMES = ("sqlite://", "postgresql://", "postgres://")


def default_home() -> Path:
    env = os.environ.get("GROUNDBRIEF_HOME")
    return Path(env) if env else Path(platformdirs.user_data_dir("groundbrief"))


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="GROUNDBRIEF_", extra="forbid")

    home: Path = Field(default_factory=default_home, description="folder of the store and config")
    store: str | None = Field(
        None, description="where the store lives: sqlite:///PATH (one file; the default is "
        "groundbrief.db in home) or postgresql://USER@HOST:PORT/DB (a server; needs the "
        "'postgres' extra). Environment: GROUNDBRIEF_STORE")
    embedder: str = Field("use-multilingual", description="dense embedder backend")
    verifier: str = Field("default", description="verifier backend: default | hf-nli | llm-judge")
    writer: str = Field("extractive", description="writer backend")
    lexical_budget: int = Field(
        20_000, ge=0, description="postings of a query's rarest words that BM25 reads in a "
        "SQLite store before re-ranking its best passages over all the words; 0 reads every "
        "posting (exact, but its cost grows with the store; docs/benchmarks.md)")
    retrieve_k: int = Field(8, ge=1, le=50, description="passages retrieved per claim")
    verify_top_n: int = Field(8, ge=1, le=50, description="passages the verifier judges per claim")
    verify_join_passages: bool = Field(
        True, description="read nearby passages of one source together when only together they "
        "hold a claim's details (default and hf-nli verifiers)")
    nli_model_path: Path | None = Field(None, description="Hugging Face NLI checkpoint (hf-nli)")
    llm_base_url: str | None = Field(None, description="OpenAI-compatible endpoint (llm-judge)")
    llm_model: str | None = Field(None, description="model name sent to the endpoint")
    llm_api_key: str | None = Field(None, description="API key for the endpoint, if it needs one")
    related_min_score: float = Field(
        0.45, ge=0, le=1,
        description="brief similarity at which explainers are related on meaning alone "
                    "(explainers of one story are related whatever their similarity)")
    # Fetching and the live desk (ingest/fetch.py, desk/).
    fetch_allowed_hosts: list[str] = Field(
        default_factory=list, description="host names fetched even though they resolve to "
        "private or loopback addresses (intranets, tests); JSON list in the environment")
    fetch_deadline_s: float = Field(30.0, gt=0, le=600, description="overall deadline for one "
                                    "fetch, redirects and body included")
    fetch_timeout_s: float = Field(15.0, gt=0, le=300, description="connect/read timeout")
    fetch_host_interval_s: float = Field(1.0, ge=0, le=3600, description="pause between two "
                                         "requests to one host")
    fetch_max_bytes: int = Field(5 * 1024 * 1024, ge=1024, description="largest page or feed")
    feed_interval_s: float = Field(900.0, ge=0, description="default pause between two polls "
                                   "of one feed")
    feed_host_interval_s: float = Field(60.0, ge=0, description="pause between polls of two "
                                        "feeds on one host")
    desk_recheck_days: float = Field(3.0, ge=0, description="explainers updated within this "
                                     "many days are re-checked after each refresh")
    # Caps that bound the time and memory any one input can take (docs/reliability.md).
    max_record_chars: int = Field(1_000_000, ge=1_000, description="longest article text "
                                  "ingested, in characters; a longer record is rejected")
    max_passages_per_source: int = Field(5_000, ge=10, description="passages one source may "
                                         "have; a source cut into more is rejected")
    max_claims_per_brief: int = Field(40, ge=1, le=1_000, description="claims checked per "
                                      "brief; the explainer says when more were left unchecked")
    explain_deadline_s: float = Field(120.0, gt=0, description="an explain still running "
                                      "after this many seconds stops and publishes nothing")

    @field_validator("store")
    @classmethod
    def _store_url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        value = value.strip()
        if not value.startswith(STORE_SCHEMES):
            raise ValueError("not a store address; use sqlite:///path/to/groundbrief.db or "
                             "postgresql://user@host:port/database")
        if value.startswith("sqlite://") and not value[len("sqlite://"):].strip("/"):
            raise ValueError("sqlite:// needs a file path: use sqlite:///srv/groundbrief.db, "
                             "or postgresql://user@host:port/database for a server")
        return value

    @property
    def store_url(self) -> str:
        """The store's address: ``sqlite:///…`` or ``postgresql://…``."""
        return self.store or f"sqlite://{self.store_path}"

    @property
    def store_label(self) -> str:
        """The store as messages name it: the SQLite file, or the server address without its
        password."""
        if self.store and not self.store.startswith("sqlite://"):
            from .store.factory import redact

            return redact(self.store)
        return str(self.store_path)

    @property
    def store_path(self) -> Path:
        """The SQLite file (for a PostgreSQL store: the local folder of what this machine
        derives from it, the vector index)."""
        if self.store and self.store.startswith("sqlite://"):
            from .store.factory import sqlite_path

            return sqlite_path(self.store, self.home)
        if self.store:
            from .store.factory import postgres_local_path

            return postgres_local_path(self.store, self.home)
        return self.home / STORE_FILE

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml = TomlConfigSettingsSource(settings_cls, toml_file=default_home() / CONFIG_FILE)
        return (init_settings, env_settings, toml)

    def fingerprint(self) -> dict[str, object]:
        """The settings that change an explainer's content (recorded with every run)."""
        return {
            "embedder": self.embedder,
            "verifier": self.verifier,
            "writer": self.writer,
            "retrieve_k": self.retrieve_k,
            "verify_top_n": self.verify_top_n,
            "verify_join_passages": self.verify_join_passages,
            # Which passages BM25 finds in a large SQLite store (store/lexical.py).
            "lexical_budget": self.lexical_budget,
        }
