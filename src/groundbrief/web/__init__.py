"""The newsroom site: a web app (``groundbrief serve``), a static site (``groundbrief site``)
and feeds, rendered from the store. See ``docs/web.md``."""

from __future__ import annotations

from .app import create_app
from .settings import WebSettings
from .site import build_site

__all__ = ["WebSettings", "build_site", "create_app"]
