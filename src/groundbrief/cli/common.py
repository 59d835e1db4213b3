"""Shared CLI plumbing: the app, the ``--home`` option, settings, stderr console, times."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from pydantic import ValidationError

from ..config import CONFIG_FILE, Settings, default_home
from ..errors import InputError
from ..text import scrub

app = typer.Typer(
    name="groundbrief",
    help="Turn a short news brief into a source-grounded, cited explainer.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Progress and logs go to stderr, so `--format json` leaves stdout to the JSON alone.
err = Console(stderr=True)

HomeOption = Annotated[
    Optional[Path],
    typer.Option("--home", help="Folder of the store and config (default: $GROUNDBRIEF_HOME or a per-user data dir)."),
]


def settings_for(home: Path | None) -> Settings:
    if home is not None:
        # Set before Settings() so config.toml is read from this home too.
        os.environ["GROUNDBRIEF_HOME"] = str(home)
    try:
        return Settings(home=home) if home is not None else Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "settings"
        raise InputError(
            f"setting '{where}' in {default_home() / CONFIG_FILE} or GROUNDBRIEF_{where.upper()}: "
            f"{first['msg']}; fix or remove it (see the README's Configuration)"
        ) from None


def parse_time(value: str | None, option: str) -> datetime | None:
    """ISO 8601 date or date-time from the command line; naive means UTC."""
    if value is None:
        return None
    text = value.strip()
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    try:
        dt = datetime.fromisoformat(text)
        # A zone offset can push a valid local time outside the years a datetime holds
        # (0001-01-01T00:00+01:00 is in year 0 in UTC): that is a bad date too, not a crash.
        return dt.replace(tzinfo=timezone.utc) if dt.tzinfo is None else dt.astimezone(timezone.utc)
    except (ValueError, OverflowError):
        raise InputError(
            f"{option} {scrub(value)[:60]!r} is not a date in years 1 to 9999 UTC; use ISO 8601 "
            "such as 2024-05-01 or 2024-05-01T12:00:00Z"
        ) from None


def now_utc() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)
