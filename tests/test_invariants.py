"""DESIGN.md's invariants I1–I10, one test each, on real explainers of the demo briefs.

The explainers are made by the real pipeline (real store, embedder and verifier) from the real
Wikinews demo corpus. The checks here are written independently of the code under test: they
re-read the store and compare text directly.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import datetime, timezone

import pytest

from groundbrief.models import Explainer, Verdict
from groundbrief.text import fold_quotes

from .conftest import ENGINES, NOW, home_on

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=ENGINES)
def store_engine(request) -> str:
    """Every invariant holds on both stores (issue 12): the demo store as SQLite, and copied
    into PostgreSQL."""
    return request.param


@pytest.fixture()
def demo_store_copy(demo_store_copy, store_engine, request):
    return home_on(store_engine, request, demo_store_copy)


@pytest.fixture(scope="module")
def explained(demo_home, pipeline_factory, demo_briefs, tmp_path_factory, store_engine, request):
    """Every demo brief explained once into a private copy of the demo store."""
    import shutil

    home = tmp_path_factory.mktemp("invariants") / "home"
    shutil.copytree(demo_home, home)
    home_on(store_engine, request, home)
    pipeline = pipeline_factory(home)
    out = {name: pipeline.explain(text, now=NOW) for name, text in demo_briefs.items()}
    return pipeline, out


def _all(explained) -> list[Explainer]:
    return list(explained[1].values())


def test_i1_every_statement_cites_a_stored_passage_with_its_support_score(explained):
    pipeline, _ = explained
    store = pipeline.store
    n_statements = 0
    for exp in _all(explained):
        for section, statement in exp.cited_statements():
            n_statements += 1
            assert statement.citations, f"{exp.id} {section}: uncited statement {statement.text!r}"
            for cit in statement.citations:
                passage = store.get_passage(cit.passage_id)
                assert passage is not None, f"citation to unknown passage {cit.passage_id}"
                assert passage.text == cit.quote
                source = store.get_source(cit.source_id)
                assert source.text[cit.start : cit.end] == cit.quote
                assert 0.0 <= cit.support <= 1.0
    assert n_statements >= 4, "the supported demo briefs should produce cited statements"


def test_i2_citations_resolve_to_sources_copied_from_the_store(explained):
    pipeline, _ = explained
    for exp in _all(explained):
        numbered = {s.id: s for s in exp.sources}
        assert [s.n for s in exp.sources] == list(range(1, len(exp.sources) + 1))
        cited = [c for _, st in exp.cited_statements() for c in st.citations]
        cited += [c for claim in exp.claims for c in claim.evidence]
        for cit in cited:
            assert cit.source_id in numbered, f"{exp.id}: citation to unnumbered {cit.source_id}"
        for ref in exp.sources:
            stored = pipeline.store.get_source(ref.id)
            assert (ref.title, ref.outlet, ref.url, ref.language) == (
                stored.title, stored.outlet, stored.url, stored.language)
            assert ref.published_at == stored.published_at
            assert ref.attribution == stored.attribution


def test_i3_each_claim_in_exactly_one_of_known_and_unclear(explained):
    for exp in _all(explained):
        known = [s.claim_id for s in exp.what_we_know if s.claim_id]
        unclear = [u.claim_id for u in exp.still_unclear]
        for claim in exp.claims:
            assert known.count(claim.id) + unclear.count(claim.id) == 1, claim
            if claim.id in known:
                assert claim.verdict == Verdict.SUPPORTED and claim.evidence
            else:
                item = next(u for u in exp.still_unclear if u.claim_id == claim.id)
                assert item.verdict == claim.verdict != Verdict.SUPPORTED
                assert item.reason


_QUOTED = re.compile(r"[\"“”«»]([^\"“”«»]{3,})[\"“”«»]")


def test_i4_attributed_quotes_occur_verbatim_in_a_cited_passage(explained, pipeline_factory,
                                                                 demo_store_copy):
    checked = 0
    for exp in _all(explained):
        for _, statement in exp.cited_statements():
            for quote in _QUOTED.findall(statement.text):
                passages = [fold_quotes(c.quote) for c in statement.citations]
                assert any(fold_quotes(quote) in p for p in passages), (statement.text, quote)
                checked += 1
    assert checked >= 1, "the Kipchoge demo brief carries a quote that should be confirmed"

    # An altered quote must not be published as known.
    pipeline = pipeline_factory(demo_store_copy)
    exp = pipeline.explain("“We did this one alone,” said @EliudKipchoge after the Vienna run.",
                           now=NOW)
    for claim in exp.claims:
        if claim.quotes:
            assert claim.verdict != Verdict.SUPPORTED, claim


_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-zà-ÿ]+(?:\s+[A-Z][a-zà-ÿ]+)+)")


def test_i5_numbers_and_names_of_a_statement_occur_in_its_cited_passages(explained):
    checked = 0
    for exp in _all(explained):
        for _, statement in exp.cited_statements():
            cited = " ".join(c.quote for c in statement.citations)
            for number in _NUMBER.findall(statement.text):
                assert number in cited, (statement.text, number)
                checked += 1
            for name in _NAME.findall(statement.text):
                assert name in cited or name.split()[-1] in cited, (statement.text, name)
    assert checked >= 1


def test_i6_no_source_after_the_as_of_time(demo_store_copy, pipeline_factory, demo_briefs):
    pipeline = pipeline_factory(demo_store_copy)
    as_of = datetime(2019, 10, 1, tzinfo=timezone.utc)  # before the Vienna run (2019-10-12)
    exp = pipeline.explain(demo_briefs["kipchoge-vienna"], now=NOW, as_of=as_of)
    for ref in exp.sources:
        assert ref.published_at is not None and ref.published_at <= as_of, ref
    retrieved = pipeline.store.load_stage(exp.run_id, "retrieved")
    ids = set(retrieved["brief"]) | {p for ps in retrieved["claims"].values() for p in ps}
    for pid in ids:
        source = pipeline.store.get_source(pipeline.store.get_passage(pid).source_id)
        assert source.published_at is not None and source.published_at <= as_of
    assert all(c.verdict != Verdict.SUPPORTED for c in exp.claims if c.kind == "content")
    assert exp.transparency.as_of == as_of


def _without_timings(exp: Explainer) -> dict:
    data = json.loads(exp.model_dump_json())
    data["transparency"].pop("timings_s")
    # The store's name: two PostgreSQL copies are two databases with two names.
    data["transparency"]["backends"].pop("store")
    return data


def test_i7_same_inputs_same_output(demo_home, tmp_path, pipeline_factory, demo_briefs,
                                    store_engine, request):
    import shutil

    outputs = []
    for i in range(2):
        home = tmp_path / f"h{i}"
        shutil.copytree(demo_home, home)
        home_on(store_engine, request, home)
        outputs.append(pipeline_factory(home).explain(demo_briefs["kipchoge-vienna"], now=NOW))
    assert _without_timings(outputs[0]) == _without_timings(outputs[1])
    # And again in the same store: a re-check that changes nothing keeps the version.
    again = pipeline_factory(tmp_path / "h0").explain(demo_briefs["kipchoge-vienna"], now=NOW)
    assert _without_timings(again) == _without_timings(outputs[0])
    assert again.version == 1


def test_i8_transparency_figures_are_the_runs_own(explained):
    pipeline, results = explained
    store = pipeline.store
    for exp in results.values():
        t = exp.transparency
        assert t.sources_in_store == store.db.execute("SELECT count(*) FROM sources").fetchone()[0]
        assert t.passages_in_store == store.db.execute("SELECT count(*) FROM passages").fetchone()[0]
        assert t.sources_cited == len(exp.sources)
        assert t.claims == len(exp.claims)
        assert t.verdicts == {v.value: sum(c.verdict == v for c in exp.claims) for v in Verdict}
        retrieved = store.load_stage(exp.run_id, "retrieved")
        ids = set(retrieved["brief"]) | {p for ps in retrieved["claims"].values() for p in ps}
        assert t.passages_retrieved == len(ids)
        sources = {store.get_passage(p).source_id for p in ids}
        assert t.sources_considered == len(sources)
        assert t.timings_s["total"] > 0
        judged = sum(len(v["judgements"]) for v in store.load_stage(exp.run_id, "verifications"))
        assert f"{judged} claim–passage pairs judged" in t.checks[0].outcome


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def test_i9_all_text_is_nfc_without_mojibake(demo_store_copy, pipeline_factory):
    pipeline = pipeline_factory(demo_store_copy)
    decomposed = unicodedata.normalize("NFD", "Viktor Orbán met São Paulo's mayor in Zürich.")
    exp = pipeline.explain(decomposed, now=NOW)
    assert "Orbán" in exp.brief.text
    for text in _strings(json.loads(exp.model_dump_json())):
        assert unicodedata.is_normalized("NFC", text), text
        assert "Ã" not in text and "â€" not in text and "\ufffd" not in text, text


def test_i10_nothing_relevant_found_says_so_and_invents_nothing(demo_store_copy, pipeline_factory):
    pipeline = pipeline_factory(demo_store_copy)
    exp = pipeline.explain(
        "The city council of Tromsø voted 31 to 12 to build a floating ski jump over the fjord, "
        "mayor Gunnar Wilhelmsen told NRK.", now=NOW)
    assert exp.notice and "No source" in exp.notice
    assert not exp.what_we_know and not exp.summary and not exp.context
    assert not exp.why_it_matters and not exp.watch_next and not exp.faq
    assert {u.claim_id for u in exp.still_unclear} == {c.id for c in exp.claims}
    assert all(c.verdict != Verdict.SUPPORTED for c in exp.claims)
