"""``groundbrief demo``: the bundled Wikinews corpus and briefs, end to end, in a fresh store."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..models import IngestReport
from .common import err, now_utc, parse_time, settings_for

DEMO = resources.files("groundbrief") / "data" / "demo"


def demo_paths() -> tuple[Path, list[Path]]:
    """The demo corpus and the demo briefs, in manifest order."""
    root = Path(str(DEMO))
    manifest = json.loads((root / "briefs.json").read_text(encoding="utf-8"))
    entries = manifest["briefs"] if isinstance(manifest, dict) else manifest
    return root / "corpus.jsonl", [root / "briefs" / e["file"] for e in entries]


def demo_command(
    home: Annotated[Optional[Path], typer.Option("--home", help="Store folder for the demo (default: ./.groundbrief-demo). It is emptied first.")] = None,
    now: Annotated[Optional[str], typer.Option("--now", help="Publication time to stamp (ISO 8601).")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="md, html or json.")] = "md",
) -> None:
    """Ingest the bundled demo corpus into a fresh store and explain the bundled demo briefs."""
    from ..ingest import read_sources
    from ..index.indexer import Indexer
    from ..render import render
    from ..runtime import build_pipeline, open_store
    from .explain import check_format

    check_format(fmt)
    home = home or Path(".groundbrief-demo")
    if home.exists():
        shutil.rmtree(home)
    settings = settings_for(home)
    corpus, briefs = demo_paths()
    when = parse_time(now, "--now") or now_utc()
    with open_store(settings) as store:
        pipeline = build_pipeline(settings, store)
        with err.status("ingesting the demo corpus (336 Wikinews articles, CC BY 2.5)"):
            report: IngestReport = Indexer(store, pipeline.embedder).index(read_sources([str(corpus)]))
        err.print(f"demo corpus: {report.line()}", markup=False, highlight=False)
        for path in briefs:
            text = path.read_text(encoding="utf-8")
            with err.status(f"explaining {path.name}"):
                explainer = pipeline.explain(text, now=when)
            err.print(f"explainer {explainer.id} version {explainer.version} ({path.name})",
                      markup=False, highlight=False)
            typer.echo(render(explainer, fmt))
            typer.echo("\n" + "-" * 72 + "\n")
    err.print(f"store: {settings.store_path}; try `groundbrief list --home {home}`",
              markup=False, highlight=False)


def register(app: typer.Typer) -> None:
    app.command("demo")(demo_command)
