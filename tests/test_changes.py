"""The news change-pair generator (issue 9 item 4) on real news sentences with the real parser.

The articles are the Wikinews demo corpus that ships in the package; a few hand-written
sentences check changes that corpus holds too rarely (allegations, plans, figures in names).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

import groundbrief
from groundbrief.evaluation import splits
from groundbrief.evaluation.changes import (
    CHANGE_TYPES, NEGATIVE_TYPES, Article, ChangePair, GeneratorConfig, expected_for, generate,
    load_wikinews, past_tense,
)

DEMO = Path(groundbrief.__file__).parent / "data" / "demo" / "corpus.jsonl"


@pytest.fixture(scope="module")
def demo_articles() -> list[Article]:
    return list(load_wikinews(DEMO))[:40]


@pytest.fixture(scope="module")
def demo_pairs(demo_articles) -> list[ChangePair]:
    return generate(demo_articles)


def _one(text: str, change: str, title: str | None = None) -> list[ChangePair]:
    art = Article("test", re.sub(r"\W+", "_", text[:30]), text, title)
    return [p for p in generate([art], GeneratorConfig(long_article_per_type=3)) if p.change == change]


def test_every_change_type_is_made_on_demo_articles(demo_pairs):
    made = Counter(p.change for p in demo_pairs)
    for change in CHANGE_TYPES:
        if change == "hedge":
            continue  # too rare in 40 articles; tested on its own sentences below
        if change in ("paraphrase", "reworded_figure", "unsupported"):
            continue  # made by evaluation.paraphrase / .unsupported, not by generate(); tested below
        assert made[change] > 0, f"no {change} pair from 40 demo articles: {made}"


def test_negatives_change_the_sentence_and_keep_the_label(demo_pairs):
    for p in demo_pairs:
        assert p.expected == expected_for(p.change)
        if p.change in NEGATIVE_TYPES:
            assert p.hypothesis != p.original, p
            assert p.original in p.premise, p  # the passage holds the unchanged sentence


def test_swapped_values_are_new_to_the_premise(demo_pairs):
    """An entity, figure, date or speaker swap puts a value in the claim that the passage lacks,
    so the passage really fills that role with another value."""
    checked = 0
    for p in demo_pairs:
        if p.change not in ("entity", "figure", "date", "speaker"):
            continue
        new = p.detail.rsplit(" -> ", 1)[1]
        assert new in p.hypothesis, p
        assert not re.search(r"(?<!\w)" + re.escape(new) + r"(?!\w)", p.premise, re.I), p
        old = p.detail.split(" -> ")[0].split(": ", 1)[-1].split(" ", 1)[-1]
        assert old in p.original, p
        checked += 1
    assert checked > 20


def test_positives_are_read_from_the_passage(demo_pairs):
    for p in demo_pairs:
        if p.change == "sentence":
            assert p.hypothesis in p.premise
        elif p.change == "clause":
            words = set(re.findall(r"\w+", p.original.lower()))
            assert set(re.findall(r"\w+", p.hypothesis.lower())) <= words, p
            assert len(p.hypothesis) < len(p.original)


def test_split_is_by_article_and_no_eval_sentence_is_in_train(demo_articles, demo_pairs):
    by_article: dict[str, set[str]] = {}
    for p in demo_pairs:
        by_article.setdefault(f"{p.corpus}:{p.article_id}", set()).add(p.part)
        assert p.part == splits.part("news_changes", f"{p.corpus}:{p.article_id}")
    assert all(len(parts) == 1 for parts in by_article.values())
    assert {"train", "eval"} <= {p.part for p in demo_pairs}
    train_originals = {p.original for p in demo_pairs if p.part == "train"}
    assert not any(p.original in train_originals for p in demo_pairs if p.part == "eval")


def test_generation_is_deterministic(demo_articles, demo_pairs):
    again = generate(list(reversed(demo_articles)))
    assert sorted(again, key=ChangePair.to_json) == sorted(demo_pairs, key=ChangePair.to_json)
    other_seed = generate(demo_articles[:10], GeneratorConfig(seed=99))
    first = [p for p in demo_pairs if p.article_id in {a.id for a in demo_articles[:10]}]
    assert sorted(map(ChangePair.to_json, other_seed)) != sorted(map(ChangePair.to_json, first))


def test_existing_split_fractions_unchanged():
    assert splits.eval_fraction("climate_fever") == 0.50
    assert splits.eval_fraction("snli_dev_test_esnli") == 0.15
    assert splits.eval_fraction("news_changes") == 0.20


def test_hedge_removed_states_the_allegation_as_fact():
    text = ("The record industry's notice alleged that the program was built to circumvent copy "
            "protection. The developers said the program was written for archiving music.")
    pairs = _one(text, "hedge")
    assert pairs, "no hedge pair"
    assert pairs[0].hypothesis == "The program was built to circumvent copy protection."
    assert pairs[0].expected == "not_enough_evidence"


def test_hedge_adverb_dropped():
    text = ("Two men allegedly stole paintings worth millions from the museum on Sunday. "
            "Police are searching for them across the region.")
    pairs = _one(text, "hedge")
    assert pairs and pairs[0].hypothesis.startswith("Two men stole paintings")


def test_plan_becomes_a_commitment():
    text = ("The former minister intends to appeal the verdict, his lawyer told reporters on Monday. "
            "The court sentenced him to three years in prison.")
    pairs = _one(text, "modality")
    assert pairs and "will appeal the verdict" in pairs[0].hypothesis
    assert pairs[0].expected == "not_enough_evidence"


def test_figures_inside_names_are_not_changed():
    text = ("The Boeing 737 carried 132 passengers when it crashed near the airport on Saturday. "
            "A B-17 bomber from the museum was also damaged in the fire.")
    pairs = _one(text, "figure")
    assert pairs
    for p in pairs:
        if "Boeing" in p.original:
            assert "Boeing 737" in p.hypothesis and "132" not in p.hypothesis
        else:
            assert "B-17" in p.hypothesis


def test_direction_flipped():
    text = ("Exports of the company rose to a record in March, its chairman said in a statement. "
            "Analysts had expected a weaker quarter because of the strong currency.")
    pairs = _one(text, "direction")
    assert pairs and pairs[0].hypothesis != pairs[0].original
    assert pairs[0].expected == "refuted"


def test_negation_added_or_removed():
    pairs = _one("The minister did not attend the summit in Brussels on Friday, officials said. "
                 "Her deputy went instead and signed the declaration.", "negation")
    assert pairs and " not " not in pairs[0].hypothesis
    pairs = _one("The company sold its chemicals unit to a German rival for an undisclosed sum. "
                 "The deal is expected to close by the end of the year.", "negation")
    assert pairs and ("not" in pairs[0].hypothesis.split())


def test_past_tense():
    assert [past_tense(v) for v in ("steal", "bribe", "carry", "stop", "visit", "sell")] == [
        "stole", "bribed", "carried", "stopped", "visited", "sold"]


def test_unsupported_pairs_hold_a_detail_the_passage_lacks(demo_articles):
    """A sentence of the same article, from another passage, with a figure or a name the
    passage does not give: Not enough evidence, never a refutation."""
    from groundbrief.evaluation.unsupported import unsupported_pairs

    pairs = unsupported_pairs(demo_articles)
    assert len(pairs) >= 20
    for p in pairs:
        assert p.change == "unsupported" and p.expected == "not_enough_evidence"
        assert p.hypothesis == p.original and p.hypothesis not in p.premise
        missing = p.detail.removeprefix("absent from the passage: ").split(", ")
        assert missing and all(d not in p.premise.lower() for d in missing)
    assert unsupported_pairs(demo_articles) == pairs  # seeded per article
