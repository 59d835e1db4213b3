"""The published JSON Schema of an explainer, and the check other tools can run against it.

``explainer.schema.json`` is the contract for the keys in DESIGN.md ("The explainer as JSON").
It is kept by hand so that it can say more than the models do (verdict enums, scores in [0, 1],
I1's "at least one citation"); ``tests/test_schema.py`` compares it with the models so the two
cannot drift apart.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import best_match

from ..errors import InputError

__all__ = ["SCHEMA_FILE", "load_schema", "validate_explainer_json"]

SCHEMA_FILE = "explainer.schema.json"
_FIX = "fix the document or render it again with groundbrief"
_UTC_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"  # as in the schema's utcTime


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    text = resources.files(__name__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    schema = json.loads(text)
    Draft202012Validator.check_schema(schema)
    return schema


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    return Draft202012Validator(load_schema(), format_checker=FormatChecker())


def _where(path: Any) -> str:
    out = "explainer"
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _short(message: str, instance: Any, limit: int = 200) -> str:
    # jsonschema quotes the whole offending value, which for an object is the whole document;
    # a one-line error must stay one short line, so long values are named by their kind.
    value = repr(instance)
    if len(value) > 60 and value in message:
        if isinstance(instance, dict):
            kind = "an object"
        elif isinstance(instance, list):
            kind = f"an array of {len(instance)} item{'' if len(instance) == 1 else 's'}"
        else:
            kind = value[:57] + "…"
        message = message.replace(value, kind)
    message = " ".join(message.split())
    return message if len(message) <= limit else message[: limit - 1] + "…"


def validate_explainer_json(data: Any) -> None:
    """Raise :class:`InputError` naming the first problem of an explainer document, if any.

    Checks the schema, then what a schema cannot express: every statement's citation points to
    a listed source (I2), source numbers and claim ids are unique, and every claim id used by a
    statement or an unclear item exists.
    """
    error = best_match(_validator().iter_errors(data))
    if error is not None:
        message = error.message
        if error.validator == "pattern" and error.validator_value == _UTC_PATTERN:
            # "does not match '^\\d{4}-…'" tells a reader nothing; the expected form does.
            message = f"{error.instance!r} is not an ISO 8601 UTC time like 2020-09-06T08:30:00Z"
        raise InputError(f"{_where(error.absolute_path)}: {_short(message, error.instance)}; {_FIX}")
    _check_references(data)


def _check_references(data: dict[str, Any]) -> None:
    def fail(where: str, what: str) -> None:
        raise InputError(f"explainer.{where}: {what}; {_FIX}")

    numbers: set[int] = set()
    source_ids: set[str] = set()
    for i, ref in enumerate(data["sources"]):
        if ref["n"] in numbers:
            fail(f"sources[{i}].n", f"number {ref['n']} is used twice")
        if ref["id"] in source_ids:
            fail(f"sources[{i}].id", f"source {ref['id']!r} is listed twice")
        numbers.add(ref["n"])
        source_ids.add(ref["id"])

    claim_ids: set[str] = set()
    for i, claim in enumerate(data["claims"]):
        if claim["id"] in claim_ids:
            fail(f"claims[{i}].id", f"claim id {claim['id']!r} is used twice")
        claim_ids.add(claim["id"])

    statements: list[tuple[str, dict[str, Any]]] = []
    for section in ("summary", "what_we_know", "context", "why_it_matters", "watch_next"):
        statements += [(f"{section}[{i}]", s) for i, s in enumerate(data[section])]
    for i, item in enumerate(data["faq"]):
        statements += [(f"faq[{i}].answer[{j}]", s) for j, s in enumerate(item["answer"])]
    for i, item in enumerate(data["still_unclear"]):
        # What the sources say beside a refuted or conflicting claim cites like any statement.
        statements += [(f"still_unclear[{i}].{side}", item[side])
                       for side in ("correction", "confirmation") if item.get(side)]
    for where, statement in statements:
        for j, c in enumerate(statement["citations"]):
            if c["source_id"] not in source_ids:
                fail(f"{where}.citations[{j}]", f"cites {c['source_id']!r}, which is not in sources")
        if statement.get("claim_id") is not None and statement["claim_id"] not in claim_ids:
            fail(f"{where}.claim_id", f"claim {statement['claim_id']!r} is not in claims")
    for i, item in enumerate(data["still_unclear"]):
        if item["claim_id"] not in claim_ids:
            fail(f"still_unclear[{i}].claim_id", f"claim {item['claim_id']!r} is not in claims")
