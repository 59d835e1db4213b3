"""The web app's own settings, read from the environment (``GROUNDBRIEF_*``).

Kept apart from :class:`groundbrief.config.Settings` because they say who may write and how
often, not how an explainer is made; ``extra="ignore"`` lets both classes read the same prefix.
"""

from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


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

    def token(self) -> str | None:
        """The configured token, or None when it is unset or blank (blank must not mean open)."""
        if self.editor_token is None:
            return None
        value = self.editor_token.get_secret_value().strip()
        return value or None
