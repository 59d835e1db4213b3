"""verify/qa.py: evidence written as a question and its answer is judged as the statement it
makes (real English parse; real bundled models for the verdicts)."""

from __future__ import annotations

import pytest

from groundbrief.models import Brief, Claim, Passage, ScoredPassage, Source, Verdict
from groundbrief.verify import DefaultVerifier
from groundbrief.verify.qa import declarative, statement_of

BALLOTS = ("Q: are all non-mail ballots counted by election day? A: No. The counting will take "
           "time and is not done by the end of election day.")
VITAS = ("Q: Did Matt Gaetz's father Don Gaetz co-found Vitas? A: Yes. Gaetz is the retired "
         "co-founder of VITAS Healthcare Corp., a hospice care provider.")
UNANSWERED = "Q: Did Matt Gaetz work for Chemed Corporation? A: No answer could be found."


def test_a_yes_or_no_answer_turns_the_question_into_its_statement():
    assert statement_of(VITAS) == ("Matt Gaetz's father Don Gaetz did co-found Vitas. Gaetz is the "
                                   "retired co-founder of VITAS Healthcare Corp., a hospice care provider.")
    assert statement_of("Q: Is there any evidence that 5G causes COVID-19? A: No.") == (
        "There is not any evidence that 5G causes COVID-19.")
    assert statement_of("Q: Did the president of France say he would resign? A: no") == (
        "The president of France did not say he would resign.")
    # the parser hangs "involved ..." on the subject; the statement still reads right
    assert statement_of("Q: Was Chemed Corporation involved in a $75m fraud charge? A: Yes :\nIt was.") == (
        "Chemed Corporation was involved in a $75m fraud charge. It was.")


def test_any_other_answer_is_read_alone_since_the_question_asserts_nothing():
    assert statement_of("Q: What is Nadar? A: Nadar is a caste of Tamil Nadu.") == "Nadar is a caste of Tamil Nadu."
    assert statement_of(UNANSWERED) == "No answer could be found."
    assert statement_of("Q: Was it found? A: No evidence was found of a link.") == "No evidence was found of a link."
    # a yes/no question no statement can be written from is left to the clause comparison
    assert statement_of("Q: Why did the dam fail? A: No. It was overtopped.") == (
        "Q: Why did the dam fail? A: No. It was overtopped.")
    # not English: no parser to write the statement with
    assert statement_of("Q: Did Rutte resign? A: Nee.", "nl") == "Q: Did Rutte resign? A: Nee."
    assert statement_of("Plain text. A: Q: is not a question-and-answer passage.") == (
        "Plain text. A: Q: is not a question-and-answer passage.")
    assert declarative("Who won", True) is None


@pytest.fixture(scope="module")
def verifier() -> DefaultVerifier:
    return DefaultVerifier()


def verify(verifier: DefaultVerifier, claim: str, passage: str):
    source = Source(id="s1", title="s1", outlet="Test", language="en", text=passage)
    p = Passage(id="s1#p0", source_id="s1", ordinal=0, start=0, end=len(passage), text=passage)
    return verifier.verify(Claim(id="c1", text=claim), [ScoredPassage(passage=p, source=source, score=1.0)],
                           Brief(text=claim, language="en"))


def test_the_answer_settles_the_claim_the_question_restates(verifier):
    assert verify(verifier, "All non-mail ballots are counted by election day.", BALLOTS).verdict is Verdict.REFUTED
    assert verify(verifier, "Matt Gaetz's father Don Gaetz co-founded Vitas.", VITAS).verdict is Verdict.SUPPORTED
    out = verify(verifier, "Joe Biden did not vote for the Iraq war.",
                 "Q: Did Joe Biden vote for the Iraq war? A: Yes. Biden voted in 2002 to authorise force in Iraq.")
    assert out.verdict is Verdict.REFUTED


def test_a_question_without_an_answer_backs_nothing(verifier):
    # read as running text, the question restated the claim and the claim came out Supported
    assert verify(verifier, "Matt Gaetz worked for Chemed Corporation.", UNANSWERED).verdict is not Verdict.SUPPORTED
