"""The WordNet antonym table: rebuilt from WordNet's own files it is what ships (as is the verb
table of verify/verb_kin.py), and the verifier reads opposites from it that no hand-written list
holds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from groundbrief.verify.antonyms import wordnet_opposite
from groundbrief.verify.roles import opposite
from tests.conftest import REPO

WORDNET = Path(os.environ.get("GROUNDBRIEF_WORDNET", "/usr/share/wordnet"))


# the antonym table, and verify/verb_kin.py's table of verb senses (tests/test_verb_kin.py)
@pytest.mark.parametrize("script", ["build_antonyms.py", "build_verb_kin.py"])
def test_shipped_table_is_what_wordnet_gives(script: str) -> None:
    if not (WORDNET / "data.verb").exists():
        pytest.skip(f"WordNet 3.0 is not in {WORDNET} (scripts/setup-wordnet.sh installs it)")
    proc = subprocess.run([sys.executable, str(REPO / "scripts" / script), "--check"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("a,b", [
    ("praise", "criticize"), ("praise", "criticise"),  # a synonym in the same sense
    ("remember", "forget"), ("optimistic", "pessimistic"), ("domestic", "foreign"),
    ("lousy", "good"), ("damp", "dry"),  # similar to "bad", to "wet"
    ("young", "old"), ("attack", "defend"), ("better", "worse"),
])
def test_wordnet_opposites(a: str, b: str) -> None:
    assert wordnet_opposite(a, b) and wordnet_opposite(b, a)


@pytest.mark.parametrize("a,b", [
    ("north", "south"), ("first", "last"), ("new", "old"), ("both", "all"),  # too broad
    ("take", "give"), ("come", "go"),
    ("black", "good"),  # only a colour's later sense is similar to "bad"
    ("praise", "applaud"), ("report", "say"),
])
def test_not_opposites(a: str, b: str) -> None:
    assert not wordnet_opposite(a, b)


def test_nouns_only_between_predicates() -> None:
    # "man" / "woman" beside a predicate tell two participants; as two predicates ("was a
    # success" / "a failure") nouns are opposite states of one thing.
    assert not opposite("success", "failure") or opposite("success", "failure", nouns=True)
    assert not wordnet_opposite("man", "woman")
    assert wordnet_opposite("man", "woman", nouns=True)


def test_negated_complement_and_prefix_re() -> None:
    assert opposite("guilty", "not_guilty")
    assert opposite("reopen", "close")
    assert not opposite("not_guilty", "not_guilty")
