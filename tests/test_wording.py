"""verify/wording.py: a source sentence copied with one detail changed (real English parse,
real bundled models for the end-to-end cases)."""

from __future__ import annotations

import pytest

from groundbrief.models import Brief, Claim, Passage, ScoredPassage, Source, Verdict
from groundbrief.verify import DefaultVerifier
from groundbrief.verify.names import same_name
from groundbrief.verify.roles import Relation
from groundbrief.verify.wording import changed_words

SOVIET = ("The Soviet Union's first official observer at the Asian Development Bank said he came "
          "away from this week's annual meeting with a favourable impression but that no decision "
          "has been made on whether the Soviet Union should join as a full member.")
BONDS = ("Raised were the unit's senior secured Denver industrial revenue bonds to B-1 from Ca "
         "and subordinated debt to B-3 from C.")
BILLS = ("Dealers noted that this was the first time bills in band four, which have a maturity "
         "of between two and three months, have been dealt in the market since mid-February.")


def found(claim: str, passage: str, similar=None) -> list[tuple[str, str, str | None]]:
    return [(f.relation.value, f.claim, f.passage) for f in changed_words(claim, passage, similar)]


@pytest.fixture(scope="module")
def verifier() -> DefaultVerifier:
    return DefaultVerifier()


def test_another_name_of_the_same_kind_is_a_conflict():
    claim = SOVIET.replace("whether the Soviet Union", "whether Washington")
    assert found(claim, SOVIET) == [("conflict", "Washington", "the Soviet Union")]


def test_an_opposite_word_is_a_conflict():
    assert found(BONDS.replace("Raised", "Lowered"), BONDS) == [("conflict", "Lowered", "Raised")]
    later = "He said the World Bank co-financing is likely to come to the market no later than June."
    assert found(later, later.replace("later", "earlier")) == [("conflict", "later", "earlier")]


def test_another_month_or_weekday_is_a_conflict():
    claim = BILLS.replace("mid-February", "mid-March")
    assert [r for r, *_ in found(claim, BILLS)] == ["conflict"]
    strike = ("The strike, which began on Tuesday, halted container movements to points inside "
              "Japan from the ports of Tokyo and Yokohama.")
    assert found(strike.replace("Tuesday", "Thursday"), strike) == [
        ("conflict", "Thursday", "Tuesday")]


def test_another_noun_is_a_detail_the_source_does_not_give():
    claim = BILLS.replace("maturity", "session")
    assert found(claim, BILLS) == [("unbacked", "session", "maturity")]


def test_what_a_reader_takes_as_the_same_is_no_change(verifier):
    # a synonym (by the bundled embedder), a verb reworded, an acronym, a clause of the sentence,
    # wire abbreviations spelled out, a figure written otherwise
    deal = ("Acme Corp said the firm would close two plants in Ohio and cut 500 jobs by the end "
            "of the year.")
    assert found(deal.replace("the firm", "the company"), deal, verifier.word_similarity) == []
    rose = "The company said its quarterly sales rose sharply in the United States and in Europe."
    assert found(rose.replace("rose", "increased"), rose) == []
    imf = ("Brazil will resume talks with the International Monetary Fund next week on its "
           "foreign debt, the finance minister told reporters.")
    assert found(imf.replace("the International Monetary Fund", "the IMF"), imf) == []
    assert found("Dealers noted that this was the first time bills in band four have been dealt "
                 "in the market since mid-February.", BILLS) == []
    wire = "Acme Corp said first quarter net profit rose to 12 mln dlrs from nine mln dlrs."
    assert found(wire.replace("mln dlrs", "million dollars"), wire) == []
    assert found(wire.replace("12", "twelve"), wire) == []
    assert found(wire.replace("rose to 12", "rose to over 11"), wire) == []  # a true bound


def test_another_figure_in_the_same_place_is_a_conflict():
    # The figure rules let a bound back any value it reaches; in a copy the bound was changed.
    shelf = ("New York Telephone Co filed with the Securities and Exchange Commission for a shelf "
             "offering of up to 500 mln dlrs of debt securities.")
    assert found(shelf.replace("500", "1000"), shelf) == [("conflict", "1000", "500")]
    wire = "Acme Corp said first quarter net profit rose to 12 mln dlrs from nine mln dlrs."
    assert found(wire.replace("nine", "seven"), wire) == [("conflict", "seven", "nine")]


def test_another_figure_beside_another_period_refutes_nothing(verifier):
    # Periodic reports repeat their wording: March's load factor is no conflict with February's.
    feb = "Acme Corp's February load factor slipped to 57.9 pct from 58.1 pct a year earlier."
    march = "Acme Corp's March load factor slipped to 55.5 pct from 56.4 pct a year earlier."
    out = _verify(verifier, feb, march)
    assert out.verdict is not Verdict.REFUTED


def test_a_hedge_of_the_source_dropped_or_firmed_up_is_unbacked():
    poll = ("The officials said Prime Minister Bob Hawke might be persuaded to call a poll as "
            "early as May 9, a week before a promised tough mini-budget.")
    assert found(poll.replace("might", "will"), poll) == [("unbacked", "will", "might")]
    loss = ("Mercantile Bancorp Inc said it will add a provision of 75 mln dlrs to its reserve for "
            "loan losses, and expects to report a loss of 33 mln dlrs during the period.")
    assert found(loss.replace("expects to", "will"), loss) == [("unbacked", "will", "expects to")]
    twa = "TWA said it may continue to explore the feasibility of gaining control of USAir."
    assert found(twa.replace("may ", ""), twa) == [("unbacked", "", "may")]
    # the claim keeps the hedge: no change
    assert found(poll.replace("might", "could"), poll) == []
    # a hedge in a clause the claim does not copy is not the claim's
    hawke = ("Prime Minister Bob Hawke has said he prefers to wait until his term ends in early "
             "1988, but the officials said he might be persuaded to call a poll as early as May 9.")
    assert found("Prime Minister Bob Hawke has said he prefers to wait until his term ends in "
                 "early 1988.", hawke) == []


def test_a_claim_that_copies_no_sentence_is_not_compared():
    assert found("Washington will join the bank as a full member next year, officials said.",
                 SOVIET) == []
    assert found("Bonds lowered.", BONDS) == []  # too short to be a copy


def test_acronyms_are_the_names_they_abbreviate():
    assert same_name("IMF", "the International Monetary Fund")
    assert same_name("U.N.", "United Nations")
    assert same_name("CBT", "Chicago Board of Trade")
    assert not same_name("ISA", "Fuji Bank Ltd")
    assert not same_name("Fed", "Federal Reserve")  # a short form, not initials


def _verify(verifier: DefaultVerifier, claim: str, passage: str):
    sp = ScoredPassage(
        passage=Passage(id="p1", source_id="s1", ordinal=0, start=0, end=len(passage), text=passage),
        source=Source(id="s1", title="Reuters", outlet="Reuters", text=passage), score=1.0)
    return verifier.verify(Claim(id="c1", text=claim), [sp], Brief(text=claim))


def test_a_copied_sentence_with_another_name_is_refuted_citing_it(verifier):
    out = _verify(verifier, SOVIET.replace("whether the Soviet Union", "whether Washington"), SOVIET)
    assert out.verdict is Verdict.REFUTED
    assert out.signals.refuting == ["p1"]
    assert "sources say the Soviet Union, not Washington" in (out.reason or "")


def test_a_copied_sentence_with_another_noun_is_not_supported(verifier):
    out = _verify(verifier, BILLS.replace("maturity", "session"), BILLS)
    assert out.verdict is Verdict.NOT_ENOUGH_EVIDENCE
    assert "session" in (out.reason or "") and "maturity" in (out.reason or "")
    # and the unchanged sentence still is
    assert _verify(verifier, BILLS, BILLS).verdict is Verdict.SUPPORTED


def test_findings_are_typed_in_the_pair_signals(verifier):
    out = _verify(verifier, BONDS.replace("Raised", "Lowered"), BONDS)
    parts = out.judgements[0].signals.parts
    assert any(f.relation == Relation.CONFLICT.value and f.claim == "Lowered" for f in parts.findings)


def test_another_actor_in_a_copied_sentence_is_refuted_even_without_clause_agreement(verifier):
    # The clause comparison reads another agent as another event (no agreement, no refutation);
    # a sentence copied but for the agent is the same event with the actor changed.
    debt = ("Cabrera said that as of December 31, 1986, Colombia had 11 billion dlrs of public "
            "sector foreign debt and 3.4 billion dlrs of private sector debt.")
    out = _verify(verifier, debt.replace("Colombia had", "Japan had"), debt)
    assert out.verdict is Verdict.REFUTED
    assert "Colombia" in (out.reason or "")


def test_a_speaker_swapped_in_a_copied_sentence_is_not_refuted(verifier):
    # "Z said X will do it" where the source has "Y said X will do it": both may have said it.
    said = "CSR has said that Redland will take up the second option."
    out = _verify(verifier, said.replace("CSR", "The Foreign Investment Review Board"), said)
    assert out.verdict is Verdict.NOT_ENOUGH_EVIDENCE


def test_a_speaker_speaking_of_itself_swapped_is_another_doer(verifier):
    # "Z said it pleaded guilty" where the source has "X said it pleaded guilty": the one who
    # pleaded guilty is X, not Z (session 20; session 11 read both as a swapped speaker only)
    said = ("Paradyne Corp said it pleaded guilty to criminal charges of conspiracy and agreed to "
            "pay 1.2 mln dlrs in fines.")
    out = _verify(verifier, said.replace("Paradyne Corp", "The Securities and Exchange Commission"), said)
    assert out.verdict is Verdict.REFUTED
    assert "Paradyne Corp" in (out.reason or "")


# A name of several words is one word of the copy (session 15): the change-pair benchmark's
# entity swaps in short sentences fell under the copied share, or over the span's length.
@pytest.mark.parametrize("claim, passage, says", [
    ("Standard Oil Co will lead manage the issue.",
     "Credit Suisse will lead manage the issue. Payment date is March 19.", "Credit Suisse"),
    ("The figures confirm provisional data issued by the Public Sector Borrowing Requirement two "
     "weeks ago.", "The figures confirm provisional data issued by the Bank two weeks ago.", "Bank"),
    # "New" alone is a stopword; "New York" and "New Jersey" do not line up as one word
    ("The governor of New York signed the bill into law on Friday.",
     "The governor of New Jersey signed the bill into law on Friday.", "New Jersey"),
])
def test_a_name_of_several_words_swapped_in_a_copy_is_a_conflict(claim, passage, says):
    from groundbrief.verify.wording import changed_words
    found = changed_words(claim, passage)
    assert [(f.relation.value, f.role, f.passage) for f in found] == [("conflict", "name", says)]


def test_the_same_name_written_shorter_in_a_copy_is_no_change():
    from groundbrief.verify.wording import changed_words
    assert changed_words("President Joe Biden signed the bill into law on Friday at the White House.",
                         "President Biden signed the bill into law on Friday at the White House.") == ()
