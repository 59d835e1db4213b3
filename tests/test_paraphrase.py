"""Paraphrased positives and reworded-figure negatives (groundbrief.evaluation.paraphrase)."""

from __future__ import annotations

import random
import re

from groundbrief.evaluation.changes import Article, expected_for
from groundbrief.evaluation.paraphrase import (
    change_rewritten_figure, mined_pairs, rewrite, rewritten_pairs,
)

WIRE = ("Acme Corp said its net profit rose 12.4 pct to 310 mln dlrs in 1986 from a year earlier. "
        "Sales at the company increased to 2.1 billion dlrs, the company said.")


def _digits(text: str) -> list[str]:
    return re.findall(r"\d+(?:[.,]\d+)*", text)


def test_rewrite_changes_words_not_facts():
    seen = 0
    for seed in range(40):
        rw = rewrite("Acme Corp said its net profit rose 12 pct to 310 mln dlrs from a year earlier.",
                     random.Random(seed))
        if rw is None:
            continue
        seen += 1
        assert len(rw.applied) >= 2
        assert "Acme Corp" in rw.text
        # Every figure stays, written as digits, as a word, rounded with a qualifier, or as a
        # true bound within a fifth of it ("more than 300" for 310).
        assert re.search(r"\b310\b|(?:more than|over) 300\b", rw.text), rw
        assert re.search(r"\b12\b|twelve|(?:more than|over) 10\b", rw.text, re.IGNORECASE), rw
        # No rule undoes another ("pct" -> "percent" -> "pct").
        for step in rw.applied:
            old, _, new = step.partition(" -> ")
            assert f"{new} -> {old}" not in rw.applied, rw
    assert seen >= 30, "the rewriter should reword almost every wire sentence with a figure"


def test_rewrite_never_touches_a_quote():
    sentence = 'The minister said "output rose 5 pct in the year" and added that sales rose 3 pct.'
    for seed in range(30):
        rw = rewrite(sentence, random.Random(seed), min_changes=1)
        if rw is not None:
            assert '"output rose 5 pct in the year"' in rw.text, rw


def test_attribution_moves_to_the_front():
    rws = {rewrite("Sales rose 5 pct to 20 mln dlrs, the company said.", random.Random(s)) for s in range(30)}
    fronted = [r.text for r in rws if r is not None and "attribution first" in r.applied]
    assert fronted, rws
    assert all(t.startswith(("The company said sales", "The firm said sales")) for t in fronted), fronted


def test_reworded_figure_changes_one_figure_and_no_year():
    hyp = "Acme stated its profit went up 12 percent to 310 million dollars in 1986."
    out = change_rewritten_figure(hyp, random.Random(1))
    assert out is not None
    changed, detail = out
    before, after = _digits(hyp), _digits(changed)
    assert len(before) == len(after)
    assert sum(a != b for a, b in zip(before, after)) == 1
    assert "1986" in changed
    assert detail.startswith("paraphrase+figure")


def test_rewritten_pairs_keep_labels_and_passages():
    art = Article("test", "acme", WIRE)
    pairs = rewritten_pairs([art], per_article=2)
    assert pairs
    for p in pairs:
        assert p.expected == expected_for(p.change)
        assert p.original in p.premise
        assert p.hypothesis != p.original
    assert {p.change for p in pairs} <= {"paraphrase", "reworded_figure"}


def test_mined_pairs_need_the_same_figures_names_and_other_words():
    a = Article("reuters", "1", "Taiwan's trade surplus with the United States rose to a record 13.6 billion "
                                "dlrs last year from 10.2 billion in 1985, officials said.")
    b = Article("reuters", "2", "Taiwan's trade surplus with the United States hit 13.6 billion dlrs last year "
                                "against 10.2 billion in 1985, the finance ministry said.")
    # Same figures, but a name (Korea) the other sentence lacks: a different fact.
    c = Article("reuters", "3", "The surplus of South Korea with Japan rose to 13.6 billion dlrs last year "
                                "from 10.2 billion in 1985, officials said.")
    pairs = mined_pairs([a, b, c])
    claims = {(p.article_id, p.hypothesis) for p in pairs}
    assert any(aid == "2" for aid, _ in claims) or any(aid == "1" for aid, _ in claims), pairs
    assert not any(aid == "3" for aid, _ in claims), pairs
    for p in pairs:
        assert p.change == "paraphrase" and p.expected == "supported"
        assert p.hypothesis not in p.premise  # never the same article's own sentence


def test_mined_pairs_skip_copies():
    text = "Output rose to 4.5 mln tonnes in 1986 from 3.9 mln tonnes the year before, the ministry said."
    assert mined_pairs([Article("reuters", "1", text), Article("reuters", "2", text)]) == []


def test_a_bound_is_written_only_where_the_figure_has_none():
    from groundbrief.evaluation.paraphrase import _respellings

    # "over 50" for 57 people: a true bound within a fifth of the figure.
    assert [o[2] for o in _respellings("Police said 57 people died.")] == ["over 50"]
    # Already bounded, even with a word between: "just over a over 10%" would be no sentence.
    assert _respellings("Washington has just over a 12 pct voting share.") == []
    # Years and round figures without a close round bound are left alone.
    assert _respellings("It was founded in 1987.") == []
