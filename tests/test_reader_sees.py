"""What a reader sees for refuted and unclear claims, end to end on the real demo store.

Real pipeline (store, embedder, parser, NLI model) on the bundled Wikinews corpus; the checks
re-read the store and the rendered output directly.
"""

from __future__ import annotations

import json
import re

import html5lib
import pytest

from groundbrief.models import Explainer, Verdict
from groundbrief.render.html import render_html
from groundbrief.render.json import render_json
from groundbrief.render.markdown import render_markdown
from groundbrief.schema import validate_explainer_json

from .conftest import NOW

pytestmark = pytest.mark.slow

# The demo corpus has Wikinews' "Longtime leader of Zimbabwe Robert Mugabe dies aged 95":
# "Robert Mugabe, former president of Zimbabwe, has died, according to ... He was 95."
MUGABE = "Robert Mugabe, the former president of Zimbabwe, has died aged 89."
# Details no stored passage gives: his age as 89 (the sources say 95), a date for the fire.
UNGIVEN = {"mugabe-89": "Robert Mugabe died aged 89.",
           "notre-dame-date": "Over 400 firefighters fought the blaze at Notre Dame on 17 March."}


@pytest.fixture(scope="module")
def explained(demo_home, pipeline_factory, demo_briefs, tmp_path_factory):
    import shutil

    home = tmp_path_factory.mktemp("reader") / "home"
    shutil.copytree(demo_home, home)
    pipeline = pipeline_factory(home)
    briefs = {**demo_briefs, "mugabe": MUGABE, **UNGIVEN}
    return pipeline, {name: pipeline.explain(text, now=NOW) for name, text in briefs.items()}


def test_a_refuted_claim_shows_what_the_source_says_verbatim_and_cited(explained):
    pipeline, out = explained
    e: Explainer = out["mugabe"]
    claim = e.claims[0]
    assert claim.verdict is Verdict.REFUTED, claim
    u = e.still_unclear[0]
    fix = u.correction
    assert fix is not None and "95" in fix.text and "89" not in fix.text
    [c] = fix.citations
    stored = pipeline.store.get_passage(c.passage_id)
    assert fix.text in stored.text and c.quote == stored.text  # verbatim from the store (I4)
    assert c.source_id in {s.id for s in e.sources}  # resolves in Sources (I2)
    assert u.reason == "sources say 95, not 89 (the age)"
    n = e.source_number(c.source_id)

    md = render_markdown(e)
    # The passage's marker as every format numbers it: [n], or [na] when the story's sections
    # cite other passages of the same source too (render/view.py).
    from groundbrief.render.view import ExplainerView

    label = ExplainerView(e).marker(c).label
    assert label.startswith(str(n))
    said = f"the source says “{fix.text}” [{label}]"
    assert f"— **Refuted**: sources say 95, not 89 (the age); {said}" in md
    assert "No source was cited" not in md
    assert f"**\\[{n}\\]** **Longtime leader of Zimbabwe Robert Mugabe dies aged 95**" in md

    root = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(render_html(e))
    side = root.find(".//section[@id='still-unclear']//p[@class='side']")
    assert "".join(side.find("span[@class='said']").itertext()) == fix.text
    # The marker leads to the refuting passage's note, under its source's entry.
    assert [a.get("href") for a in side.iter("a")] == [f"#cite-{label}"]
    note = root.find(f".//li[@id='source-{n}']/blockquote[@id='cite-{label}']")
    assert note is not None and c.quote in "".join(note.itertext())

    data = json.loads(render_json(e))
    validate_explainer_json(data)
    assert data["still_unclear"][0]["correction"]["citations"][0]["passage_id"] == c.passage_id


def test_a_refuted_claim_is_headlined_with_what_the_sources_say(explained):
    e = explained[1]["mugabe"]
    assert e.headline.startswith("Sources give the age as 95, not 89"), e.headline
    # I12: the refuted claim is never asserted: it appears only as "the claim that ...".
    assert not e.headline.startswith("Robert Mugabe")
    assert "contradicting the claim that Robert Mugabe" in e.headline


def test_the_demo_pacemakers_claim_shows_the_sources_figure(explained):
    e = explained[1]["kipchoge-vienna"]
    u = next(u for u in e.still_unclear if "pacemakers" in u.text)
    assert u.verdict is Verdict.REFUTED
    assert u.correction is not None and "42 pacemakers" in u.correction.text
    assert u.correction.citations[0].source_id in {s.id for s in e.sources}


def test_the_stored_verdict_is_the_published_one(explained):
    pipeline, out = explained
    for name, e in out.items():
        stored = pipeline.store.load_stage(e.run_id, "verifications")
        assert [v["verdict"] for v in stored] == [c.verdict.value for c in e.claims], name
        assert [v["reason"] for v in stored] == [c.reason for c in e.claims], name
        gate = next(c for c in e.transparency.checks if "(I4, I5)" in c.name)
        moved = sum("detail_gate" in v["signals"] for v in stored)
        assert gate.outcome.startswith(f"{moved} of "), (name, gate.outcome)


def _named_details(reason: str) -> list[str]:
    """The details a reason says are missing: quoted ('89', "a condition of travel") or
    listed after a colon."""
    # "sources say it only with a hedge (“reportedly”)" quotes the sources' own word on purpose.
    reason = re.sub(r"sources say it only with a hedge \(“[^”]+”\)", "", reason)
    quoted = re.findall(r"'([^']+)'|\"([^\"]+)\"|“([^”]+)”", reason)
    return [next(x for x in q if x) for q in quoted]


def test_an_unclear_reason_never_names_a_detail_its_sources_have(explained):
    """A reason that says what no source gives must be true of every passage judged for the
    claim, and of the passages cited for it."""
    pipeline, out = explained
    checked = 0
    for name, e in out.items():
        stored = {v["claim_id"]: v for v in pipeline.store.load_stage(e.run_id, "verifications")}
        for u in e.still_unclear:
            claim = next(c for c in e.claims if c.id == u.claim_id)
            if u.verdict is not Verdict.NOT_ENOUGH_EVIDENCE:
                continue
            texts = [c.quote for c in claim.evidence]
            texts += [pipeline.store.get_passage(j["passage_id"]).text
                      for j in stored[u.claim_id]["judgements"]]
            for detail in _named_details(u.reason):
                checked += 1
                assert not any(detail.lower() in t.lower() for t in texts), (name, u.reason)
    assert checked >= 1, "no reason named a detail: the check exercised nothing"


def test_an_unclear_reason_says_in_words_what_no_source_gives(explained):
    e = explained[1]["notre-dame-date"]
    [u] = e.still_unclear
    if u.verdict is Verdict.NOT_ENOUGH_EVIDENCE:
        assert u.reason == "no source gives the date '17 March'", u.reason
    e = explained[1]["mugabe-89"]
    [u] = e.still_unclear
    if u.verdict is Verdict.NOT_ENOUGH_EVIDENCE:
        assert "'89'" in u.reason and u.reason.startswith("no source gives"), u.reason
    else:  # the verifier reads "He was 95" as his age at death
        assert u.verdict is Verdict.REFUTED and u.correction is not None
