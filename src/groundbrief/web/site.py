"""The static site: the server's pages and feeds written as files (``groundbrief site OUTDIR``).

Links are relative to each page, so the folder works from any plain file server or straight
from disk; nothing runs on a server. Search and submission need the server, so their pages
say so instead. Feeds need absolute links: they use ``base_url``, the address the folder will
be published at.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..interfaces import Store
from . import content
from .feeds import FEEDS
from .pages import render_page
from .urls import StaticUrls, file_name

STATIC_DIR = Path(__file__).resolve().parent / "static"
ALL_EXPLAINERS = 1_000_000


@dataclass
class SiteReport:
    pages: int = 0
    explainers: int = 0
    versions: int = 0
    sources: int = 0
    feeds: int = 0

    def line(self) -> str:
        return (f"{self.pages} pages ({self.explainers} explainers, {self.versions} versions, "
                f"{self.sources} sources), {self.feeds} feeds")


def _write(path: Path, data: str | bytes) -> None:
    """Write atomically: an interrupted build never leaves half a page behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data.encode("utf-8") if isinstance(data, str) else data)
    os.replace(tmp, path)


def build_site(store: Store, outdir: Path, *, base_url: str) -> SiteReport:
    base = base_url if base_url.endswith("/") else base_url + "/"
    report = SiteReport()
    root = StaticUrls(0)

    def page(rel: str, html: str) -> None:
        _write(outdir / rel, html)
        report.pages += 1

    page("index.html", content.index_page(store, root))
    page("search.html", content.search_page(None, root, ""))
    page("submit.html", render_page("submit.html.j2", root, enabled=False, error=None,
                                    brief="", as_of="", max_chars=0))
    cited: set[str] = set()
    for row in store.list_explainers(ALL_EXPLAINERS):
        name = file_name(row.id)
        html = content.explainer_page(store, StaticUrls(1), row.id)
        assert html is not None  # listed a moment ago in this same connection's snapshot
        page(f"explainers/{name}.html", html)
        report.explainers += 1
        for version in store.explainer_versions(row.id):
            html = content.explainer_page(store, StaticUrls(3), row.id, version)
            if html is None:
                continue
            page(f"explainers/{name}/v/{version}.html", html)
            report.versions += 1
            explainer = store.get_explainer(row.id, version)
            if explainer is not None:
                cited.update(s.id for s in explainer.sources)
    for source_id in sorted(cited):
        html = content.source_page(store, StaticUrls(1), source_id)
        if html is not None:
            page(f"sources/{file_name(source_id)}.html", html)
            report.sources += 1
    for kind, (name, _, _) in FEEDS.items():
        _write(outdir / "feeds" / name, content.feed(
            store, kind, home=base, self_url=f"{base}feeds/{name}",
            link_for=lambda eid: f"{base}explainers/{file_name(eid)}.html"))
        report.feeds += 1
    for asset in sorted(STATIC_DIR.iterdir()):
        if asset.is_file():
            (outdir / "static").mkdir(parents=True, exist_ok=True)
            shutil.copyfile(asset, outdir / "static" / asset.name)
    return report
