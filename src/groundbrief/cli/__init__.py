"""The ``groundbrief`` command. One module per command group; this one wires them together."""

from __future__ import annotations

import os
import sys

import typer

from ..errors import GroundbriefError
from . import demo, explain, ingest, recheck, reindex
from .common import app

__all__ = ["app", "main"]

ingest.register(app)
explain.register(app)
demo.register(app)
reindex.register(app)
recheck.register(app)


def _register_optional() -> None:
    # Command groups that live with their feature (web site, evaluation) register themselves.
    for module in ("groundbrief.cli.serve", "groundbrief.cli.evaluate", "groundbrief.cli.desk",
                   "groundbrief.cli.store"):
        try:
            mod = __import__(module, fromlist=["register"])
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            continue
        mod.register(app)


_register_optional()


def _click_exceptions() -> tuple[type[Exception], ...]:
    # Recent typer versions carry their own copy of click (typer._click): a usage error (an
    # unknown command, a bad option) is one of its exceptions, not click's, and must still be
    # a usage message with exit 2, not an "internal error" with exit 70.
    import importlib

    found = []
    for name in ("click.exceptions", "typer._click.exceptions"):
        try:
            found.append(importlib.import_module(name).ClickException)
        except (ImportError, AttributeError):
            continue
    return tuple(found)


def main() -> None:
    """Entry point: user errors become one line on stderr and a non-zero exit, never a traceback."""
    try:
        app(standalone_mode=False)
    except GroundbriefError as exc:
        print(f"groundbrief: error: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        print("groundbrief: interrupted; nothing was half-written (each batch is one transaction)",
              file=sys.stderr)
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except Exception as exc:  # noqa: BLE001 - the last line of defence for "never a traceback"
        if isinstance(exc, _click_exceptions()):
            exc.show()
            sys.exit(exc.exit_code)
        if os.environ.get("GROUNDBRIEF_DEBUG"):
            raise
        print(f"groundbrief: internal error: {type(exc).__name__}: {exc} "
              "(set GROUNDBRIEF_DEBUG=1 for a traceback and report it)", file=sys.stderr)
        sys.exit(70)
