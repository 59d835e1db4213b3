"""Explainer → JSON: the keys of DESIGN.md ("The explainer as JSON"), checked by the schema.

Key order is the models' field order, so the same explainer always gives the same bytes (I7).
``ensure_ascii=False`` keeps "Orbán" as it is rather than as ``\\u00e1`` escapes (I9).
``markers`` gives each cited passage the label the pages and Markdown show for it, from the one
view model, so a tool reading the JSON numbers citations as a reader sees them.
"""

from __future__ import annotations

import json
from typing import Any

from ..models import Explainer
from .view import ExplainerView


def explainer_data(explainer: Explainer) -> dict[str, Any]:
    """The explainer as JSON-ready data, with its citation markers."""
    labels = ExplainerView(explainer).labels()
    marked = explainer.model_copy(update={
        "markers": {passage_id: label for (_, passage_id), label in labels.items()}})
    return marked.model_dump(mode="json")


def render_json(explainer: Explainer) -> str:
    return json.dumps(explainer_data(explainer), ensure_ascii=False, indent=2) + "\n"
