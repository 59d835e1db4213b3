"""``groundbrief recheck``: explain again the living explainers (or a list of briefs), in this
process or on a Dask cluster (cluster/recheck.py) with the same result."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ..errors import InputError
from .common import HomeOption, now_utc, parse_time, settings_for

if TYPE_CHECKING:
    from ..desk.living import Recheck
    from ..interfaces import Store
    from ..pipeline import Pipeline


def recheck_command(
    briefs: Annotated[Optional[list[str]], typer.Argument(help="Briefs to explain again (default: the living explainers: recent ones with open claims).", metavar="BRIEF")] = None,
    briefs_file: Annotated[Optional[Path], typer.Option("--briefs", help="A file of briefs, one per line, to explain again.")] = None,
    days: Annotated[Optional[float], typer.Option("--days", help="Living explainers updated within this many days (default: the desk_recheck_days setting).")] = None,
    now: Annotated[Optional[str], typer.Option("--now", help="Time to stamp (ISO 8601; default: the current time).")] = None,
    workers: Annotated[Optional[int], typer.Option("--workers", help="Explain on a local Dask cluster of N worker processes (needs the 'cluster' extra).")] = None,
    cluster: Annotated[Optional[str], typer.Option("--cluster", help="Explain on the Dask cluster whose scheduler is at ADDRESS; its workers must reach the store.", metavar="ADDRESS")] = None,
    home: HomeOption = None,
) -> None:
    """Explain again the living explainers, or the given briefs; one line per explainer."""
    from ..desk import LivingExplainers
    from ..runtime import build_pipeline, open_store

    settings = settings_for(home)
    when = parse_time(now, "--now") or now_utc()
    texts = list(briefs or []) + _read_briefs(briefs_file)
    window = settings.desk_recheck_days if days is None else days
    if window < 0:
        raise InputError(f"--days {days}: give a number of days, 0 or more")
    with open_store(settings, create=False) as store:
        if not texts:
            texts = [e.brief.text for e in LivingExplainers(store, lambda: None).candidates(
                when, window)]  # type: ignore[arg-type, return-value]
        if not texts:
            typer.echo("nothing to re-check: no recent explainer has an open claim")
            return
        if workers is None and cluster is None:
            pipeline = build_pipeline(settings, store)
            rechecks = [_sequential(pipeline, store, text, when) for text in texts]
        else:
            from ..cluster import cluster_client
            from ..cluster.recheck import DaskRechecker

            with cluster_client(workers=workers, address=cluster) as client:
                rechecks = DaskRechecker(client, store, settings).recheck(texts, when)
    for recheck in rechecks:
        typer.echo(f"explainer {recheck.line()}")
    updated = sum(r.updated for r in rechecks)
    typer.echo(f"{len(rechecks)} re-checked, {updated} updated")


def _sequential(pipeline: Pipeline, store: Store, text: str, when: datetime) -> Recheck:
    """One brief explained again here: what a cluster re-check must equal."""
    from ..desk.living import Recheck
    from ..pipeline import explainer_id

    brief = pipeline.parser.parse(text)
    old = store.latest_explainer(explainer_id(brief.text, None))
    new = pipeline.explain(text, now=when)
    old_version = old.version if old else 0
    changes = new.changelog[-1].changes if new.version != old_version and new.changelog else []
    return Recheck(explainer_id=new.id, headline=new.headline, old_version=old_version,
                   new_version=new.version, changes=changes)


def _read_briefs(path: Path | None) -> list[str]:
    if path is None:
        return []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"--briefs {path}: cannot read it ({exc}); give a UTF-8 text file, "
                         "one brief per line") from None
    return [line.strip() for line in lines if line.strip()]


def register(app: typer.Typer) -> None:
    app.command("recheck")(recheck_command)
