"""evaluation/changes_plain.py: German change pairs made without a parser."""

from __future__ import annotations

from pathlib import Path

import pytest

from groundbrief.evaluation.changes import Article
from groundbrief.evaluation.changes_plain import PLAIN_CHANGE_TYPES, load_gnad, plain_pairs

ARTICLE = Article("test", "a1", (
    "Wien – Die Gewerkschaft GPA-djp sieht Handlungsbedarf bei sogenannten All-in-Verträgen in Österreich. "
    "Die Arbeitslosigkeit ist im Februar um 3.500 Personen gestiegen, teilte das Arbeitsmarktservice am Montag mit. "
    "Die Regierung will die Verträge nicht verbieten, sagte Sozialminister Alois Stöger in Wien. "
    "Insgesamt waren 12.000 Menschen ohne Arbeit, um 4 Prozent mehr als im Vorjahr."))


def test_each_change_alters_one_detail_of_the_sentence_and_keeps_its_passage():
    pairs = plain_pairs([ARTICLE], "de", per_article=4)
    by_change = {}
    for p in pairs:
        by_change.setdefault(p.change, []).append(p)
        assert p.language == "de" and p.part == "eval"
        assert p.original in p.premise
        if p.change == "sentence":
            assert p.hypothesis == p.original and p.expected == "supported"
        else:
            assert p.hypothesis != p.original and p.expected == "refuted"
            assert "->" in p.detail
    assert set(by_change) <= set(PLAIN_CHANGE_TYPES)
    assert {"sentence", "date", "negation", "entity", "figure", "direction"} <= set(by_change)
    figure = by_change["figure"][0]
    assert figure.detail.split(" -> ")[0] in figure.original
    # the same articles and seed give the same pairs
    assert plain_pairs([ARTICLE], "de", per_article=4) == pairs


GNAD = Path(__file__).resolve().parents[2] / "shared" / "data" / "gnad10k_de" / "test.jsonl"


@pytest.mark.skipif(not GNAD.exists(), reason="../shared/data/gnad10k_de is not beside the checkout")
def test_the_german_corpus_gives_pairs_of_every_type():
    pairs = plain_pairs(list(load_gnad(GNAD))[:100], "de")
    assert {p.change for p in pairs} == set(PLAIN_CHANGE_TYPES)
