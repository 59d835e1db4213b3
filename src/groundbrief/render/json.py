"""Explainer → JSON: the keys of DESIGN.md ("The explainer as JSON"), checked by the schema.

Key order is the models' field order, so the same explainer always gives the same bytes (I7).
``ensure_ascii=False`` keeps "Orbán" as it is rather than as ``\\u00e1`` escapes (I9).
"""

from __future__ import annotations

import json

from ..models import Explainer


def render_json(explainer: Explainer) -> str:
    return json.dumps(explainer.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
