"""Pipeline behaviour beyond the invariants: versions, related coverage, stage outputs."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from groundbrief.index.indexer import Indexer
from groundbrief.models import Source, Verdict
from groundbrief.text import content_hash

from .conftest import NOW

pytestmark = pytest.mark.slow


def test_new_source_gives_a_new_version_with_a_changelog(demo_store_copy, pipeline_factory):
    pipeline = pipeline_factory(demo_store_copy)
    brief = "The Vltava river flooded the centre of Ceske Budejovice on Sunday, the mayor said."
    first = pipeline.explain(brief, now=NOW)
    assert first.version == 1
    assert all(c.verdict != Verdict.SUPPORTED for c in first.claims if c.kind == "content")

    text = ("The Vltava river flooded the centre of Ceske Budejovice on Sunday. "
            "Firefighters evacuated 300 residents, the city's mayor said.")
    source = Source(id="test:vltava", title="Vltava floods Ceske Budejovice", outlet="Test Wire",
                    url="https://example.org/vltava", language="en", text=text,
                    published_at=NOW - timedelta(days=1),
                    content_hash=content_hash("Vltava floods Ceske Budejovice", text))
    Indexer(pipeline.store, pipeline.embedder).index([source])
    later = NOW + timedelta(hours=2)
    second = pipeline.explain(brief, now=later)
    assert second.id == first.id and second.version == 2
    assert second.published_at == first.published_at and second.updated_at == later
    assert any(c.verdict == Verdict.SUPPORTED for c in second.claims)
    assert "test:vltava" in {s.id for s in second.sources}
    changes = second.changelog[-1].changes
    assert second.changelog[0].version == 1 and second.changelog[-1].version == 2
    assert any("verdict changed" in c for c in changes) and any("new sources" in c for c in changes)
    assert pipeline.store.explainer_versions(first.id) == [1, 2]
    assert pipeline.store.get_explainer(first.id, 1).version == 1


def test_related_coverage_is_similar_stories_only(demo_store_copy, pipeline_factory, demo_briefs):
    pipeline = pipeline_factory(demo_store_copy)
    fire = pipeline.explain(demo_briefs["notre-dame-fire"], now=NOW)
    pipeline.explain(demo_briefs["kipchoge-vienna"], now=NOW)
    again = pipeline.explain(
        "Firefighters saved the two bell towers of Notre Dame cathedral in Paris as its roof burned.",
        now=NOW)
    related = {r.id: r for r in again.related}
    assert fire.id in related and related[fire.id].headline == fire.headline
    # Related: the same story in the store, or close in meaning (stories/related.py).
    from groundbrief.stories.related import NAMED_COSINE

    for r in again.related:
        other = pipeline.store.latest_explainer(r.id)
        assert set(other.story_ids) & set(again.story_ids) or r.score >= NAMED_COSINE
    kipchoge_id = next(e.id for e in pipeline.store.list_explainers() if "Kipchoge" in e.headline)
    assert kipchoge_id not in related


def test_every_stage_output_is_stored_under_the_run_id(demo_store_copy, pipeline_factory,
                                                        demo_briefs):
    pipeline = pipeline_factory(demo_store_copy)
    exp = pipeline.explain(demo_briefs["navalny-no-novichok"], now=NOW)
    store = pipeline.store
    for stage in ("brief", "claims", "retrieved", "verifications", "explainer"):
        assert store.load_stage(exp.run_id, stage) is not None, stage
    assert store.load_stage(exp.run_id, "explainer")["id"] == exp.id
    status = store.db.execute("SELECT status, explainer_id FROM runs WHERE id=?",
                              (exp.run_id,)).fetchone()
    assert tuple(status) == ("done", exp.id)


def test_refuted_only_with_an_explicit_conflict(demo_store_copy, pipeline_factory, demo_briefs):
    """The Navalny demo brief negates what the source reports: refuted, citing that source."""
    pipeline = pipeline_factory(demo_store_copy)
    exp = pipeline.explain(demo_briefs["navalny-no-novichok"], now=NOW)
    main = exp.claims[0]
    assert main.verdict == Verdict.REFUTED, main
    assert main.evidence and "Novichok" in main.evidence[0].quote
    assert "contradict" in exp.headline
    as_of = datetime(2019, 1, 1, tzinfo=timezone.utc)
    early = pipeline.explain(demo_briefs["navalny-no-novichok"], now=NOW, as_of=as_of)
    assert early.claims[0].verdict == Verdict.NOT_ENOUGH_EVIDENCE


def test_passages_holding_part_of_a_quotation_are_not_shown_alone():
    from groundbrief.compose.extractive import _is_statement, _quotes_balanced

    assert _quotes_balanced('He said it would be "a condition of travel".')
    assert not _quotes_balanced("The instruction will ease the concerns of people travelling.”")
    assert not _quotes_balanced('“We have been working closely with the government')
    assert not _is_statement("Fire in the frame of Notre Dame. Image: LeLaisserPasserA38.")
    assert _is_statement("Officials cleared the area around the cathedral.")


def test_every_demo_claim_gets_its_expected_verdict_and_evidence(demo_store_copy,
                                                                  pipeline_factory):
    """The demo manifest (briefs.json) says what each claim's verdict should be and which
    sentences of its article back it; the pipeline must agree on all twelve claims. Two of them
    (the Kipchoge time and place, the Shapps attribution) are only backed by two or three
    nearby passages read together (verify/joined.py), and all of those passages are cited."""
    import json

    from groundbrief.cli.demo import demo_paths

    corpus, paths = demo_paths()
    manifest = json.loads((corpus.parent / "briefs.json").read_text(encoding="utf-8"))
    pipeline = pipeline_factory(demo_store_copy)
    for entry, path in zip(manifest["briefs"], paths, strict=True):
        exp = pipeline.explain(path.read_text(encoding="utf-8"), now=NOW)
        got = {c.id: c for c in exp.claims}
        for want in entry["claims"]:
            claim = got[want["id"]]
            assert claim.verdict.value == want["verdict"], (entry["file"], want["id"], claim)
            quotes = " ".join(c.quote for c in claim.evidence)
            for sentence in want["evidence"]:
                if claim.verdict in (Verdict.SUPPORTED, Verdict.REFUTED):
                    assert sentence in quotes, (entry["file"], want["id"], sentence)
            if claim.verdict is Verdict.SUPPORTED:
                assert all(c.source_id == entry["article"] for c in claim.evidence)


def test_a_score_differing_in_the_8th_decimal_is_the_same_content(demo_store_copy, pipeline_factory,
                                                                  demo_briefs):
    """Another process (a Dask worker, the web server) computes a cosine that differs in its
    8th decimal; that is no new version. A changed headline still is."""
    from groundbrief.pipeline import content_digest

    pipeline = pipeline_factory(demo_store_copy)
    pipeline.explain(demo_briefs["notre-dame-fire"], now=NOW)
    again = pipeline.explain(
        "Firefighters saved the two bell towers of Notre Dame cathedral in Paris as its roof burned.",
        now=NOW)
    assert again.related, "the fire brief should find the earlier fire explainer"
    nudged = again.model_copy(deep=True)
    nudged.related[0].score += 3e-8
    assert content_digest(nudged) == content_digest(again)
    nudged.headline += " (updated)"
    assert content_digest(nudged) != content_digest(again)


def test_a_supported_claim_cites_only_passages_that_say_it(demo_store_copy, pipeline_factory,
                                                           demo_briefs):
    """"The roof ... caught fire" is said by the story's first paragraph; the paragraph on the
    renovation and the picture caption of the same story are context, not citations of it."""
    pipeline = pipeline_factory(demo_store_copy)
    fire = pipeline.explain(demo_briefs["notre-dame-fire"], now=NOW)
    roof = next(c for c in fire.claims if "roof" in c.text.lower())
    assert roof.verdict is Verdict.SUPPORTED
    assert roof.evidence
    for citation in roof.evidence:
        assert "roof" in citation.quote.lower(), citation.quote
