"""The shipped demo corpus and briefs: present, licensed, and yielding the claims the manifest expects."""

import json
from importlib import resources

import pytest

from groundbrief.brief import RuleBriefParser, RuleClaimExtractor
from groundbrief.brief.lexicon import lowercase_words

DEMO = resources.files("groundbrief") / "data" / "demo"
MANIFEST = json.loads((DEMO / "briefs.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def articles():
    rows = [json.loads(line) for line in (DEMO / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    return {r["id"]: r for r in rows}


def test_corpus_is_the_wikinews_set(articles):
    assert len(articles) == 336
    assert all(r["url"].startswith("https://en.wikinews.org/wiki/") for r in articles.values())
    credit = (DEMO / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert "CC BY 2.5" in credit or "Attribution 2.5" in credit
    assert "347254178bf343f3801aac1d03c41cc09c35decb" in credit
    assert "1d985031625909c908766812e8a18d0c88116ec8" in credit


def test_manifest_covers_the_three_kinds():
    assert {b["expect"] for b in MANIFEST["briefs"]} >= {"supported", "unsupported", "mixed"}
    files = {p.name for p in (DEMO / "briefs").iterdir() if p.name.endswith(".txt")}
    assert files == {b["file"] for b in MANIFEST["briefs"]}


@pytest.mark.parametrize("entry", MANIFEST["briefs"], ids=lambda b: b["file"])
def test_evidence_is_verbatim_in_the_article(entry, articles):
    text = articles[entry["article"]]["text"]
    for claim in entry["claims"]:
        for sentence in claim["evidence"]:
            assert sentence in text, sentence
        if claim["verdict"] in {"supported", "refuted"}:
            assert claim["evidence"], claim["id"]


@pytest.mark.parametrize("entry", MANIFEST["briefs"], ids=lambda b: b["file"])
def test_demo_brief_yields_expected_claims(entry):
    raw = (DEMO / "briefs" / entry["file"]).read_text(encoding="utf-8")
    brief = RuleBriefParser().parse(raw)
    claims = RuleClaimExtractor().extract(brief)
    assert [(c.id, c.kind, c.text) for c in claims] == [
        (c["id"], c["kind"], c["text"]) for c in entry["claims"]
    ]


def test_social_post_brief_is_recognised():
    raw = (DEMO / "briefs" / "face-coverings-england.txt").read_text(encoding="utf-8")
    b = RuleBriefParser().parse(raw)
    assert (b.speaker, b.role, b.medium, b.truncated, b.language) == (
        "Grant Shapps", "transport secretary", "briefing", True, "en")


def test_lexicon_is_reproducible_from_the_corpus(tmp_path):
    from groundbrief.brief.lexicon import build

    with resources.as_file(DEMO / "corpus.jsonl") as corpus:
        built = build(corpus)
    assert frozenset(built) == lowercase_words()
    assert {"border", "integration", "citizens"} <= lowercase_words()
    assert not {"navalny", "germany", "europe"} & lowercase_words()
