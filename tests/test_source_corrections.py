"""verify/source_corrections.py: a story corrected in its own text is read as what it now says
(real English parse; real bundled models for the verdicts)."""

from __future__ import annotations

import pytest

from groundbrief.models import Verdict
from groundbrief.verify import DefaultVerifier
from groundbrief.verify.source_corrections import NOTHING_LEFT, corrected
from tests.conftest import judge_alone

FIRE = ("Correction: An earlier version of this article said the fire killed 12 people. "
        "The fire killed 21 people, the fire service said.")
TOLL = ("An earlier version of this story misstated the death toll. Twenty-one people died in "
        "the fire, not 12.")
PLANT = "The company said the plant would close in May, not March as previously reported."


def test_the_withdrawn_statement_is_left_out_of_the_reading():
    assert corrected(FIRE) == "The fire killed 21 people, the fire service said."
    assert corrected(TOLL) == "Twenty-one people died in the fire."
    assert corrected(PLANT) == "The company said the plant would close in May."
    assert corrected("(Corrects name of ministry in paragraph 2.) This story incorrectly "
                     "reported the minister's age.") == NOTHING_LEFT


def test_a_contrast_that_is_no_correction_is_read_as_written():
    for text in ("Mars melt hints at solar, not human, cause for warming.",
                 "The bill was approved by the Senate, not the House.",
                 "The plant will close, in May as previously reported.",
                 "He was not only a player but also a coach.",
                 # someone else's error is news about them, not the story's own correction
                 "The minister wrongly said the report was finished."):
        assert corrected(text) == text
    # another language is read as written (the patterns are English)
    assert corrected(PLANT, "fr") == PLANT


@pytest.fixture(scope="module")
def verifier() -> DefaultVerifier:
    return DefaultVerifier()


def _verify(verifier: DefaultVerifier, claim: str, passage: str):
    return judge_alone(verifier, claim, passage, title="Fire")


@pytest.mark.parametrize("claim,passage,instead", [
    ("The fire killed 12 people.", FIRE, "21"),
    ("The fire killed 12 people.", TOLL, "Twenty-one"),
    ("The plant will close in March.", PLANT, "May"),
])
def test_a_brief_repeating_the_withdrawn_detail_is_refuted_citing_the_correction(
        verifier, claim, passage, instead):
    out = _verify(verifier, claim, passage)
    assert out.verdict is Verdict.REFUTED, out.reason
    assert out.signals.refuting == ["p1"]
    assert instead in out.reason


def test_the_corrected_detail_is_supported(verifier):
    assert _verify(verifier, "The fire killed 21 people.", FIRE).verdict is Verdict.SUPPORTED
    assert _verify(verifier, "The plant will close in May.", PLANT).verdict is Verdict.SUPPORTED


def test_someone_elses_error_is_no_note_of_the_storys_correction():
    # "wrongly said" of the minister notes no correction of this story: the contrast in the
    # next sentence is an ordinary one, read as written
    text = "The minister wrongly said the report was finished. The report covers 2024, not 2023."
    assert corrected(text) == text
