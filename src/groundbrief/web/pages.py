"""Pages as strings: one Jinja2 environment shared by the live server and the static site.

Autoescape is on for every template and ``StrictUndefined`` turns a misspelt name into an
error at render time rather than a silently empty spot on a published page.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import jinja2

from .urls import Urls

SITE_NAME = "groundbrief"


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("groundbrief.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_page(template: str, urls: Urls, **values: Any) -> str:
    """Render ``template`` with the site-wide values every page's layout needs."""
    return environment().get_template(template).render(urls=urls, site_name=SITE_NAME, **values)
