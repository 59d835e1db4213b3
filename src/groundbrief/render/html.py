"""Explainer → one self-contained HTML5 page (inline CSS, no JavaScript, no external assets).

Jinja2 with autoescaping on for every value: source titles, passages and the brief are
untrusted text. The page shows the values of :class:`view.ExplainerView`, the view model the
site's explainer page shows too, so both number citations alike. Each statement carries a
``<details>`` with the passages it cites, so a reader can check a statement without leaving the
page and without scripts; each marker leads to its passage's note under Sources.
"""

from __future__ import annotations

from functools import lru_cache

import jinja2

from ..models import Explainer
from . import layout
from .transparency import TECHNICAL_TITLE
from .view import ExplainerView


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("groundbrief.render", "templates"),
        autoescape=True,  # every value, whatever the template's file name
        undefined=jinja2.StrictUndefined,  # a misspelt name fails the render, not the page
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_html(explainer: Explainer) -> str:
    view = ExplainerView(explainer)
    return _environment().get_template("explainer.html.j2").render(
        v=view, layout=layout, technical_title=TECHNICAL_TITLE)
