"""Joined readings: nearby passages of one source read together when only together they hold a
claim's details (verify/joined.py), and how the verifier and the pipeline use them."""

from __future__ import annotations

from pathlib import Path

import pytest

from groundbrief.models import Brief, Claim, Passage, ScoredPassage, Source, Verdict
from groundbrief.verify import DefaultVerifier
from groundbrief.verify.joined import MAX_READINGS, joined_readings

MODEL_DIR = Path(__file__).resolve().parents[1] / "src" / "groundbrief" / "verify" / "nli_model"

# The Kipchoge story of the demo corpus (CC BY Wikinews), as three passages of one source.
P0 = ("Yesterday, Eliud Kipchoge from Kenya ran a marathon in less than two hours. This is the "
      "first time anyone has been recorded to run a full marathon of 42.195 kilometers under "
      "this pursued landmark time.")
P1 = "His time was 1 hour 59 minutes 40.2 seconds."
P2 = ("Kipchoge ran in Vienna, Austria. It was an event specifically designed to help Kipchoge "
      "break the two hour barrier. Called the Ineos 1:59 Challenge, it featured 42 pacemakers.")
CLAIM = "Eliud Kipchoge ran a marathon in Vienna in 1 hour 59 minutes 40.2 seconds"


def story(texts: list[str], source: str = "kip", ordinals: list[int] | None = None,
          outlet: str = "Wikinews") -> list[ScoredPassage]:
    ordinals = ordinals or list(range(len(texts)))
    src = Source(id=source, title="Eliud Kipchoge runs marathon under two hours", outlet=outlet,
                 text="\n\n".join(texts))
    return [ScoredPassage(
        passage=Passage(id=f"{source}#p{o}", source_id=source, ordinal=o, start=0,
                        end=len(t), text=t),
        source=src, score=1.0 - 0.01 * i,
    ) for i, (o, t) in enumerate(zip(ordinals, texts))]


def test_a_reading_joins_only_the_passages_needed_for_the_details():
    readings = joined_readings(CLAIM, story([P0, P1, P2]))
    assert readings, "the time and the place are in two passages: they must be read together"
    assert len(readings) == 1  # P1 and P2 hold the details; no larger set is tried
    first = readings[0]
    # P0 holds no detail the others lack, but it is next to them and says what they are about.
    assert first.passage_ids == ["kip#p0", "kip#p1", "kip#p2"]
    assert first.text == ("Yesterday, Eliud Kipchoge from Kenya ran a marathon in less than two "
                          "hours. His time was 1 hour 59 minutes 40.2 seconds. Kipchoge ran in "
                          "Vienna, Austria.")  # and not the pacemakers or the 42.195 km
    assert len(readings) <= MAX_READINGS


def test_no_reading_when_one_passage_holds_every_detail_or_none_is_missing():
    whole = "Eliud Kipchoge ran a marathon in Vienna in 1 hour 59 minutes 40.2 seconds."
    assert joined_readings(CLAIM, story([whole, P1, P2])) == []
    assert joined_readings("The spire collapsed", story([P0, P1])) == []  # nothing to join


def test_no_reading_across_sources_far_apart_or_stitching_a_quote():
    # the same two passages in two different sources
    apart = story([P1], source="a") + story([P2], source="b")
    assert joined_readings(CLAIM, apart) == []
    # one source, but five windows apart: not one account of one event
    assert joined_readings(CLAIM, story([P1, P2], ordinals=[0, 5])) == []
    # a quote split over two passages is never stitched together
    quote_claim = 'Kipchoge said "we did this one together"'
    split = story(['Kipchoge said "we did this', 'one together" after the race.'])
    assert joined_readings(quote_claim, split) == []


def test_a_reading_that_still_lacks_a_detail_is_not_formed():
    wrong_time = "His time was 2 hours 1 minute 39 seconds."
    assert joined_readings(CLAIM, story([P0, wrong_time, P2])) == []


@pytest.fixture(scope="module")
def verifier() -> DefaultVerifier:
    if not (MODEL_DIR / "model.onnx").exists():
        pytest.skip(f"the bundled NLI model is not in {MODEL_DIR} yet")
    return DefaultVerifier()


BRIEF = Brief(text="Kipchoge ran a marathon in Vienna in 1:59:40.2")


def test_verifier_supports_from_a_joined_reading_and_names_its_passages(verifier):
    claim = Claim(id="c1", text=CLAIM)
    passages = story([P0, P1, P2])
    alone = verifier.judge(claim, passages, BRIEF)
    assert all(j.signals.verdict.value != "supported" for j in alone)  # no passage alone does
    out = verifier.verify(claim, passages, BRIEF)
    assert out.verdict is Verdict.SUPPORTED
    joined = [j for j in out.judgements if j.signals.joined_with]
    assert [j.passage_id for j in joined] == out.signals.supporting == ["kip#p0"]
    assert joined[0].signals.joined_with == ["kip#p1", "kip#p2"]


def test_a_joined_reading_does_not_support_a_wrong_claim(verifier):
    # Every detail is in the passages (Vienna, the time), but the claim says something else.
    claim = Claim(id="c1", text="Eliud Kipchoge lost a race in Vienna in 1 hour 59 minutes 40.2 "
                  "seconds")
    wrong = verifier.verify(claim, story([P1, "Kipchoge ran in Vienna, Austria."]), BRIEF)
    assert wrong.verdict is not Verdict.SUPPORTED
    assert not any(j.signals.joined_with for j in wrong.judgements)
