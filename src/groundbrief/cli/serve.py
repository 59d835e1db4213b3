"""``groundbrief serve`` (the web app) and ``groundbrief site`` (the same pages as static files)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import InputError
from .common import HomeOption, err, settings_for

# An editor token is a password that is typed rarely and guessed by machines: the
# anonymous rate limit slows guessing, length makes it hopeless.
MIN_TOKEN_CHARS = 20


def serve_command(
    host: Annotated[str, typer.Option("--host", help="Address to listen on (default: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)] = 8000,
    home: HomeOption = None,
) -> None:
    """Serve the newsroom site, its JSON API and feeds (submitting needs GROUNDBRIEF_EDITOR_TOKEN)."""
    import uvicorn

    from ..web import WebSettings, create_app

    settings = settings_for(home)
    web = WebSettings()
    if web.base_url is None:
        # Feed links need an absolute address; without GROUNDBRIEF_BASE_URL it is the one
        # served here, never whatever Host header a client sends.
        shown = f"[{host}]" if ":" in host else host
        web = web.model_copy(update={"base_url": f"http://{shown}:{port}/"})
    app = create_app(settings, web)
    token = web.token()
    if token is None:
        err.print("groundbrief: no GROUNDBRIEF_EDITOR_TOKEN set; browsing works, submitting is refused",
                  markup=False, highlight=False)
    elif len(token) < MIN_TOKEN_CHARS:
        # The token itself is never printed, only its length.
        err.print(f"groundbrief: warning: GROUNDBRIEF_EDITOR_TOKEN has {len(token)} characters; "
                  f"use at least {MIN_TOKEN_CHARS} random ones (python -c 'import secrets; "
                  "print(secrets.token_urlsafe(32))')", markup=False, highlight=False)
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"groundbrief: listening on {host}: reachable from other machines; put it "
                  "behind HTTPS before editors send their token over a network",
                  markup=False, highlight=False)
    err.print(f"groundbrief: serving {settings.store_label} at http://{host}:{port}/",
              markup=False, highlight=False)
    uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=False)


def site_command(
    outdir: Annotated[Path, typer.Argument(metavar="OUTDIR", help="Folder to write the site into.")],
    base_url: Annotated[str, typer.Option("--base-url", help="Address the folder will be published at (feeds need absolute links).")] = "http://localhost:8000/",
    home: HomeOption = None,
) -> None:
    """Write the explainers, source pages and feeds as a static site for any file server."""
    from ..runtime import open_store
    from ..web import build_site

    if not base_url.startswith(("http://", "https://")):
        raise InputError(f"--base-url '{base_url}' is not an http(s) address; "
                         "give the address the site will be published at, e.g. https://news.example.org/")
    if outdir.exists() and not outdir.is_dir():
        raise InputError(f"{outdir} is a file; give a folder to write the site into")
    settings = settings_for(home)
    with open_store(settings, create=False) as store:
        report = build_site(store, outdir, base_url=base_url)
    err.print(f"wrote {outdir}: {report.line()}", markup=False, highlight=False)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
    app.command("site")(site_command)
