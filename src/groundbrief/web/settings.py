"""The web app's own settings, read from the environment (``GROUNDBRIEF_*``).

Kept apart from :class:`groundbrief.config.Settings` because they say who may write and how
often, not how an explainer is made; ``extra="ignore"`` lets both classes read the same prefix.
"""

from __future__ import annotations

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


DEFAULT_BASE_URL = "http://127.0.0.1:8000/"


class WebSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="GROUNDBRIEF_", extra="ignore")

    editor_token: SecretStr | None = Field(
        None, description="token editors give to submit briefs; unset means nobody may submit")
    submit_per_minute: int = Field(
        6, ge=1, le=10_000, description="brief submissions allowed per client per minute")
    max_queued_jobs: int = Field(
        20, ge=1, le=10_000, description="jobs waiting for the worker before submissions get 503")
    max_brief_chars: int = Field(
        5_000, ge=100, le=100_000, description="longest brief accepted, in characters")

    editor_submit_per_minute: int = Field(
        60, ge=1, le=10_000, description="brief submissions allowed per minute with a valid "
        "editor token (counted apart from the anonymous per-client limit)")
    base_url: str | None = Field(
        None, description="the site's public address, for absolute links in feeds (default: "
        "the address `groundbrief serve` listens on); never taken from a request's Host header")
    max_body_bytes: int = Field(
        256 * 1024, ge=1024, le=64 * 1024 * 1024,
        description="largest request body accepted, in bytes; enforced while reading, before "
        "the token is checked")

    @field_validator("base_url")
    @classmethod
    def _http_base(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        value = value.strip()
        if not value.startswith(("http://", "https://")) or any(c.isspace() for c in value):
            raise ValueError("give the site's http(s) address, e.g. https://news.example.org/")
        return value if value.endswith("/") else value + "/"

    def site_url(self) -> str:
        """The base of every absolute link the server writes (ends with "/")."""
        return self.base_url or DEFAULT_BASE_URL

    def token(self) -> str | None:
        """The configured token, or None when it is unset or blank (blank must not mean open)."""
        if self.editor_token is None:
            return None
        value = self.editor_token.get_secret_value().strip()
        return value or None
