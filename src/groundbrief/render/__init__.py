"""Renderers: one module per output format, registered here by format name.

``render(explainer, "md")`` is the one entry point. A new format (a feed, say) plugs in with
:func:`register_renderer` without touching the callers, the way datasette keys its output
renderers by extension.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..errors import InputError
from ..models import Explainer
from .html import render_html
from .json import render_json
from .markdown import render_markdown

__all__ = ["Renderer", "formats", "get_renderer", "register_renderer", "render"]


@dataclass(frozen=True)
class Renderer:
    name: str  # the format name users type: "md", "html", "json"
    media_type: str  # for HTTP responses and feed enclosures
    extension: str  # for files written by publish
    render: Callable[[Explainer], str]


_RENDERERS: dict[str, Renderer] = {}


def register_renderer(renderer: Renderer, *, replace: bool = False) -> None:
    """Add a format. Registering a name twice is a bug unless ``replace`` says it is meant."""
    if renderer.name in _RENDERERS and not replace:
        raise ValueError(f"a renderer named {renderer.name!r} is already registered")
    _RENDERERS[renderer.name] = renderer


def formats() -> tuple[str, ...]:
    """Registered format names, in registration order."""
    return tuple(_RENDERERS)


def get_renderer(fmt: str) -> Renderer:
    try:
        return _RENDERERS[fmt]
    except KeyError:
        raise InputError(f"unknown format {fmt!r}; use one of {', '.join(formats())}") from None


def render(explainer: Explainer, fmt: str) -> str:
    """The explainer as text in format ``fmt`` ("md", "html", "json" or a registered one)."""
    return get_renderer(fmt).render(explainer)


register_renderer(Renderer("md", "text/markdown; charset=utf-8", "md", render_markdown))
register_renderer(Renderer("html", "text/html; charset=utf-8", "html", render_html))
register_renderer(Renderer("json", "application/json", "json", render_json))
