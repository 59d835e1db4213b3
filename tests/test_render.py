"""The renderer registry and what every format must do: determinism (I7), NFC text (I9),
and refusing a citation that points at no Sources entry (I2)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

import groundbrief.render as render_pkg
from groundbrief.errors import InputError
from groundbrief.models import Citation, Explainer
from groundbrief.render import Renderer, formats, get_renderer, register_renderer, render

FIXTURES = Path(__file__).parent / "fixtures" / "explainers"


def load(name: str) -> Explainer:
    return Explainer.model_validate_json((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def test_builtin_formats_are_registered_in_order():
    assert formats()[:3] == ("md", "html", "json")
    assert get_renderer("html").media_type.startswith("text/html")
    assert get_renderer("json").extension == "json"


def test_unknown_format_names_the_choices():
    with pytest.raises(InputError) as err:
        render(load("navalny"), "x")
    assert str(err.value) == "unknown format 'x'; use one of md, html, json"


def test_a_new_format_plugs_in_and_names_are_not_silently_replaced(monkeypatch):
    monkeypatch.setattr(render_pkg, "_RENDERERS", dict(render_pkg._RENDERERS))
    plain = Renderer("txt", "text/plain", "txt", lambda e: e.headline + "\n")
    register_renderer(plain)
    assert render(load("navalny"), "txt").startswith("Germany says Navalny")
    assert "txt" in formats()
    with pytest.raises(ValueError):
        register_renderer(plain)
    register_renderer(Renderer("txt", "text/plain", "txt", lambda e: "again"), replace=True)
    assert render(load("navalny"), "txt") == "again"


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
@pytest.mark.parametrize("name", ["navalny", "nothing_found"])
def test_same_explainer_same_bytes(fmt, name):
    # I7: two renders of equal explainers (loaded separately) are identical.
    assert render(load(name), fmt) == render(load(name), fmt)


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_nfc_text_round_trips_unchanged(fmt):
    explainer = load("nothing_found")
    explainer.brief.text = "Orbán arrives in São Paulo; Matovič and Gdańsk too."
    out = render(explainer, fmt)
    assert unicodedata.is_normalized("NFC", out)
    for word in ("Orbán", "São Paulo", "Matovič", "Gdańsk", "Hírlap"):
        assert word in out
    # No decomposed form and no mojibake of it.
    assert "Orba\u0301n" not in out and "OrbÃ¡n" not in out
    if fmt == "json":
        assert json.loads(out)["brief"]["text"] == explainer.brief.text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_citation_to_an_unlisted_source_stops_the_render(fmt):
    explainer = load("navalny")
    stray = Citation(source_id="enwikinews:Not_in_sources", passage_id="x#s0", start=0, end=5,
                     quote="Hello", support=0.9)
    explainer.context[0].citations.append(stray)
    with pytest.raises(InputError, match="Not_in_sources"):
        render(explainer, fmt)
