"""``groundbrief explain | list | show | evidence``: make and read explainers."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from ..errors import InputError, StoreError
from ..models import Explainer
from .common import HomeOption, err, now_utc, parse_time, settings_for

FORMATS = ("md", "html", "json")
MAX_BRIEF_FILE = 64_000  # bytes; a brief is capped at 5,000 characters anyway

FormatOption = Annotated[str, typer.Option("--format", "-f", help="md, html or json.")]


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise InputError(f"unknown --format '{fmt}'; use one of {', '.join(FORMATS)}")
    return fmt


def read_brief_file(path: Path) -> str:
    try:
        # Never more than the cap plus one byte: a huge file or /dev/zero is not read whole.
        with open(path, "rb") as fh:
            raw = fh.read(MAX_BRIEF_FILE + 1)
    except OSError as exc:
        raise InputError(f"brief file {path} cannot be read ({exc.strerror}); check the path") from None
    if len(raw) > MAX_BRIEF_FILE:
        raise InputError(f"brief file {path} is over {MAX_BRIEF_FILE:,} bytes; a brief is a few sentences, "
                         "pass the post or alert itself")
    if b"\x00" in raw:
        raise InputError(f"brief file {path} is binary; pass a UTF-8 text file")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"brief file {path} is not UTF-8 text; convert it to UTF-8") from None


def emit(text: str, out: Path | None) -> None:
    """Print, or write ``out`` atomically (a failed write never leaves half a file)."""
    if out is None:
        typer.echo(text)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text if text.endswith("\n") else text + "\n")
    os.replace(tmp, out)
    err.print(f"wrote {out}", markup=False, highlight=False)


def explain_command(
    brief: Annotated[Optional[str], typer.Argument(help="The brief: a post or alert, quoted.")] = None,
    file: Annotated[Optional[Path], typer.Option("--file", help="Read the brief from a UTF-8 text file.")] = None,
    url: Annotated[Optional[str], typer.Option("--url", help="Fetch the post or page at this address; its text is the brief, the URL its origin.")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Use only sources published at or before this time (ISO 8601).")] = None,
    now: Annotated[Optional[str], typer.Option("--now", help="Publication time to stamp (ISO 8601; default: the current time).")] = None,
    fmt: FormatOption = "md",
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write to this file instead of standard output.")] = None,
    home: HomeOption = None,
) -> None:
    """Check a brief against the store and publish a cited explainer (stored with a version)."""
    from ..render import render
    from ..runtime import build_pipeline, open_store

    check_format(fmt)
    if sum(x is not None for x in (brief, file, url)) != 1:
        raise InputError("give the brief as an argument, with --file or with --url: one of them")
    when = parse_time(now, "--now") or now_utc()
    cutoff = parse_time(as_of, "--as-of")
    settings = settings_for(home)
    if url is not None:
        text = _brief_from_url(url, settings)
    else:
        text = read_brief_file(file) if file is not None else brief or ""
    with open_store(settings) as store:
        pipeline = build_pipeline(settings, store)
        with err.status("explaining") as status:
            explainer = pipeline.explain(
                text, now=when, as_of=cutoff,
                progress=lambda stage: status.update(f"explaining: {stage}"), origin=url,
            )
    err.print(f"explainer {explainer.id} version {explainer.version}", markup=False, highlight=False)
    warn_coverage(explainer, settings)
    emit(render(explainer, fmt), out)


def warn_coverage(explainer: Explainer, settings) -> None:
    """The explainer's coverage warnings on standard error, with the store they are about: an
    empty store is most often a mistyped --home or GROUNDBRIEF_HOME, which only the path shows."""
    for line in explainer.warnings:
        err.print(f"groundbrief: warning: {line}", markup=False, highlight=False, soft_wrap=True)
    if explainer.warnings:
        err.print(f"groundbrief: warning: store checked: {settings.store_label} (set by --home, "
                  "GROUNDBRIEF_HOME or GROUNDBRIEF_STORE; `groundbrief ingest` adds sources)",
                  markup=False, highlight=False, soft_wrap=True)


def _brief_from_url(url: str, settings) -> str:
    from ..desk.url_brief import brief_from_url
    from ..ingest import Fetcher, fetch_options

    fetcher = Fetcher(fetch_options(settings))
    try:
        got = brief_from_url(url, fetcher)
    finally:
        fetcher.close()
    note = " (cut to the brief's length)" if got.truncated else ""
    err.print(f"brief from {got.final_url}: {len(got.text):,} characters{note}", markup=False,
              highlight=False)
    return got.text


def _load(settings, explainer_id: str, version: int | None) -> Explainer:
    from ..runtime import open_store

    with open_store(settings, create=False) as store:
        explainer = store.get_explainer(explainer_id, version)
    if explainer is None:
        raise InputError(f"no explainer '{explainer_id}'" + (f" version {version}" if version else "")
                         + "; `groundbrief list` shows the stored ones")
    return explainer


def show_command(
    explainer_id: Annotated[str, typer.Argument(metavar="ID", help="Explainer id (see `groundbrief list`).")],
    version: Annotated[Optional[int], typer.Option("--version", help="A stored version (default: latest).")] = None,
    fmt: FormatOption = "md",
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write to this file.")] = None,
    home: HomeOption = None,
) -> None:
    """Print a stored explainer."""
    from ..render import render

    check_format(fmt)
    emit(render(_load(settings_for(home), explainer_id, version), fmt), out)


def list_command(
    limit: Annotated[int, typer.Option("--limit", help="How many, newest first.")] = 50,
    home: HomeOption = None,
) -> None:
    """List stored explainers, newest first."""
    from ..runtime import open_store

    settings = settings_for(home)
    try:
        store = open_store(settings, create=False)
    except StoreError:
        typer.echo("no explainers yet")
        return
    with store:
        rows = store.list_explainers(limit)
    if not rows:
        typer.echo("no explainers yet")
        return
    table = Table("id", "v", "updated (UTC)", "headline", "verdicts")
    for r in rows:
        tally = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in r.verdicts.items() if v)
        table.add_row(r.id, str(r.version), r.model_dump(mode="json")["updated_at"], r.headline, tally)
    from rich.console import Console

    Console(width=max(120, Console().width)).print(table)


def evidence_command(
    explainer_id: Annotated[str, typer.Argument(metavar="ID")],
    version: Annotated[Optional[int], typer.Option("--version")] = None,
    home: HomeOption = None,
) -> None:
    """A table of each claim's verdict and the passages cited for it."""
    from rich.console import Console

    exp = _load(settings_for(home), explainer_id, version)
    outlets = {s.id: (s.n, s.outlet or "") for s in exp.sources}
    table = Table("claim", "verdict", "cited passage", "outlet", "support", "contradiction",
                  show_lines=True)
    for claim in exp.claims:
        if not claim.evidence:
            table.add_row(claim.text, claim.verdict.label, claim.reason or "—", "", "", "")
        for cit in claim.evidence:
            n, outlet = outlets.get(cit.source_id, (0, ""))
            table.add_row(claim.text, claim.verdict.label, cit.quote, f"[{n}] {outlet}",
                          f"{cit.support:.2f}", f"{cit.contradiction:.2f}")
    Console(width=max(140, Console().width)).print(table)


def register(app: typer.Typer) -> None:
    app.command("explain")(explain_command)
    app.command("show")(show_command)
    app.command("list")(list_command)
    app.command("evidence")(evidence_command)
