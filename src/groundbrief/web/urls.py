"""Where each page lives: one scheme for the live server, one for the static site.

Templates never spell a path; they ask a :class:`Urls`. The server uses absolute paths
(``/explainers/exp_1``); the static site uses links relative to the page being written
(``../explainers/exp_1.html``) so it works from any folder of any plain file server.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from ..text import short_hash

_SAFE_NAME = re.compile(r"[A-Za-z0-9_-]{1,100}")


def file_name(identifier: str) -> str:
    """A file name for an id: the id itself when it is plain, else a readable slug plus a hash
    of the id (ids such as ``enwikinews:Russia's_Navalny`` hold characters that file servers
    and URL decoding treat differently)."""
    if _SAFE_NAME.fullmatch(identifier):
        return identifier
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", identifier).strip("-")[:60]
    return f"{slug}-{short_hash(identifier, 10)}" if slug else short_hash(identifier, 16)


class Urls:
    """Paths of the live server."""

    static_site = False

    def home(self) -> str:
        return "/"

    def explainer(self, explainer_id: str, version: int | None = None) -> str:
        base = f"/explainers/{quote(explainer_id, safe='')}"
        return base if version is None else f"{base}/v/{version}"

    def source(self, source_id: str) -> str:
        return f"/sources/{quote(source_id, safe='')}"

    def search(self) -> str:
        return "/search"

    def submit(self) -> str:
        return "/submit"

    def static(self, name: str) -> str:
        return f"/static/{name}"

    def feed(self, kind: str) -> str:
        return {"rss": "/feeds/rss.xml", "atom": "/feeds/atom.xml", "json": "/feeds/feed.json"}[kind]

    def api_job(self, job_id: str) -> str:
        return f"/api/jobs/{quote(job_id, safe='')}"

    def job(self, job_id: str) -> str:
        return f"/jobs/{quote(job_id, safe='')}"


class StaticUrls(Urls):
    """Relative paths of the static site, for a page written at ``depth`` folders below the root."""

    static_site = True

    def __init__(self, depth: int = 0):
        self.root = "../" * depth

    def home(self) -> str:
        return f"{self.root}index.html"

    def explainer(self, explainer_id: str, version: int | None = None) -> str:
        name = file_name(explainer_id)
        if version is None:
            return f"{self.root}explainers/{name}.html"
        return f"{self.root}explainers/{name}/v/{version}.html"

    def source(self, source_id: str) -> str:
        return f"{self.root}sources/{file_name(source_id)}.html"

    def search(self) -> str:
        return f"{self.root}search.html"

    def submit(self) -> str:
        return f"{self.root}submit.html"

    def static(self, name: str) -> str:
        return f"{self.root}static/{name}"

    def feed(self, kind: str) -> str:
        return self.root + {"rss": "feeds/rss.xml", "atom": "feeds/atom.xml",
                            "json": "feeds/feed.json"}[kind]
