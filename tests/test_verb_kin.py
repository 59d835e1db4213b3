"""The WordNet verb table (verify/verb_kin.py), read as kin for one deed in two verbs, not for
two deeds."""

from __future__ import annotations

import pytest

from groundbrief.verify.verb_kin import derived_nouns, known_verb, verb_kin

# The shipped table rebuilt from WordNet and compared: tests/test_antonyms.py, with the antonym
# table's.


@pytest.mark.parametrize("a, b", [
    ("resign", "step_down"), ("arrest", "apprehend"), ("cut", "axe"), ("kill", "slay"),
    ("free", "release"), ("seize", "capture"), ("postpone", "delay"), ("beat", "defeat"),
])
def test_one_deed_in_two_verbs_is_kin(a: str, b: str) -> None:
    assert verb_kin(a, b) and verb_kin(b, a)


@pytest.mark.parametrize("a, b", [
    ("capture", "shell"), ("recall", "sell"), ("erupt", "rumble"), ("honour", "suspend"),
    ("summon", "thank"), ("confess", "deny"),
])
def test_two_deeds_are_not_kin(a: str, b: str) -> None:
    assert verb_kin(a, b) is False and verb_kin(b, a) is False


def test_a_verb_wordnet_does_not_know_gets_no_judgement() -> None:
    assert not known_verb("groundbriefed")
    assert verb_kin("capture", "groundbriefed") is None


def test_nouns_derived_from_a_verb() -> None:
    assert "approval" in derived_nouns("approve")
    assert derived_nouns("groundbriefed") == frozenset()
