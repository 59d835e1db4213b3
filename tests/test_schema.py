"""The JSON renderer and the published schema: they must agree with the models and each other."""

from __future__ import annotations

import copy
import json
import typing
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from groundbrief.errors import InputError
from groundbrief.models import (
    Brief, ChangeEntry, Check, Citation, Claim, ClaimKind, Explainer, FAQItem, Related, SourceRef,
    Statement, Transparency, Unclear, Verdict,
)
from groundbrief.render.json import render_json
from groundbrief.schema import load_schema, validate_explainer_json

FIXTURES = Path(__file__).parent / "fixtures" / "explainers"
DEFS = {
    "Brief": Brief, "Citation": Citation, "Statement": Statement, "Unclear": Unclear,
    "Claim": Claim, "FAQItem": FAQItem, "Related": Related, "Check": Check,
    "Transparency": Transparency, "SourceRef": SourceRef, "ChangeEntry": ChangeEntry,
}
# DESIGN.md, "The explainer as JSON": keys other tools rely on.
DESIGN_KEYS = [
    "id", "version", "headline", "published_at", "updated_at", "language", "brief", "summary",
    "what_we_know", "still_unclear", "context", "why_it_matters", "watch_next", "faq", "related",
    "transparency", "claims", "sources", "changelog",
]


def load(name: str) -> Explainer:
    return Explainer.model_validate_json((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def document(name: str = "navalny") -> dict:
    return json.loads(render_json(load(name)))


def test_schema_is_valid_draft_2020_12():
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("name", ["navalny", "nothing_found"])
def test_rendered_json_validates_and_round_trips(name):
    explainer = load(name)
    out = render_json(explainer)
    data = json.loads(out)
    validate_explainer_json(data)
    back = Explainer.model_validate(data)
    # The renderer adds each cited passage's marker (render/view.py); all else is the model's.
    assert back.markers == data["markers"] and len(data["markers"]) == len(
        {c.passage_id for _, st in explainer.cited_statements() for c in st.citations}
        | {c.passage_id for u in explainer.still_unclear for st in (u.correction, u.confirmation)
           if st for c in st.citations}
        | {c.passage_id for cl in explainer.claims for c in cl.evidence
           if c.source_id in {s.id for s in explainer.sources}})
    back.markers = {}
    assert back == explainer
    assert data == {**explainer.model_dump(mode="json"), "markers": data["markers"]}
    assert list(data)[: len(Explainer.model_fields)] == list(Explainer.model_fields)
    assert set(DESIGN_KEYS) <= set(data)


def test_json_keeps_unicode_and_utc_strings():
    out = render_json(load("nothing_found"))
    assert "Orbán" in out and "São Paulo" in out and "\\u00e1" not in out
    data = json.loads(out)
    assert data["published_at"] == "2021-03-01T12:00:00Z"
    assert data["transparency"]["corpus_as_of"] == "2021-03-05T00:00:00Z"


def test_schema_properties_match_the_models():
    # Adding, renaming or dropping a model field must come with a schema change.
    schema = load_schema()
    pairs = [(schema, Explainer)] + [(schema["$defs"][name], model) for name, model in DEFS.items()]
    for sub, model in pairs:
        assert set(sub["properties"]) == set(model.model_fields), model.__name__
        assert sub["additionalProperties"] is False
        no_default = {n for n, f in model.model_fields.items() if f.is_required()}
        assert no_default <= set(sub["required"]), model.__name__
    assert set(DESIGN_KEYS) <= set(schema["required"])


def test_schema_enums_match_the_models():
    defs = load_schema()["$defs"]
    assert defs["verdict"]["enum"] == [v.value for v in Verdict]
    assert defs["Claim"]["properties"]["kind"]["enum"] == list(typing.get_args(ClaimKind))
    assert set(defs["Unclear"]["properties"]["verdict"]["enum"]) == {v.value for v in Verdict} - {"supported"}


def test_every_optional_field_filled_still_validates():
    explainer = load("navalny")
    explainer.brief.role = "spokesperson"
    explainer.what_we_know[0].claim_id = "c1"
    explainer.claims[0].quotes = ["unequivocal"]
    explainer.sources[0].attribution = None
    explainer.transparency.caveats = ["One source is a week older than the others."]
    validate_explainer_json(json.loads(render_json(explainer)))


def _set(path: str, value):
    def change(d):
        *parents, last = path.split(".")
        for p in parents:
            d = d[int(p)] if p.isdigit() else d[p]
        d[int(last) if last.isdigit() else last] = value
    return change


def _drop(path: str):
    def change(d):
        *parents, last = path.split(".")
        for p in parents:
            d = d[int(p)] if p.isdigit() else d[p]
        del d[last]
    return change


BROKEN = [
    (_drop("headline"), "explainer: 'headline' is a required property"),
    (_drop("sources.0.url"), "explainer.sources[0]: 'url' is a required property"),
    (_set("claims.0.verdict", "maybe"), "explainer.claims[0].verdict: 'maybe' is not one of"),
    (_set("still_unclear.0.verdict", "supported"), "explainer.still_unclear[0].verdict"),
    (_set("what_we_know.0.citations", []), "explainer.what_we_know[0].citations: [] should be non-empty"),
    (_set("what_we_know.0.citations.0.support", 1.5), "support: 1.5 is greater than the maximum of 1"),
    (_set("published_at", "2020-09-06 08:30"), "is not an ISO 8601 UTC time"),
    (_set("sources.0.published_at", "2020-09-05T00:00:00+02:00"), "is not an ISO 8601 UTC time"),
    (_set("version", 0), "explainer.version: 0 is less than the minimum of 1"),
    (_set("sources.0.n", 0), "explainer.sources[0].n: 0 is less than the minimum of 1"),
    (_set("language", "English"), "explainer.language: 'English' does not match"),
    (_set("surprise", True), "Additional properties are not allowed ('surprise' was unexpected)"),
    (_set("sources.1.n", 1), "explainer.sources[1].n: number 1 is used twice"),
    (_set("context.0.citations.0.source_id", "enwikinews:Elsewhere"), "cites 'enwikinews:Elsewhere', which is not in sources"),
    (_set("still_unclear.0.claim_id", "c9"), "still_unclear[0].claim_id: claim 'c9' is not in claims"),
    (_set("transparency.verdicts.maybe", 1), "explainer.transparency.verdicts"),
]


@pytest.mark.parametrize(("change", "message"), BROKEN)
def test_broken_documents_are_rejected_with_the_first_problem(change, message):
    data = copy.deepcopy(document())
    change(data)
    with pytest.raises(InputError) as err:
        validate_explainer_json(data)
    text = str(err.value)
    assert message in text
    assert "\n" not in text and text.endswith("fix the document or render it again with groundbrief")


def test_not_an_object_is_rejected():
    with pytest.raises(InputError) as err:
        validate_explainer_json([document()])
    assert str(err.value).startswith("explainer: an array of 1 item is not of type 'object'; ")

