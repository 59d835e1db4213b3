"""The deterministic detail checks, on our own sentences and on real wire and Wikipedia text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from groundbrief.text import clean
from groundbrief.verify.checks import (
    check_dates,
    check_direction,
    check_entities,
    check_negation,
    check_numbers,
    check_quotes,
    check_speaker,
    extract_dates,
    extract_entities,
    extract_quantities,
    extract_quotes,
    missing_facts,
)

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
REUTERS = DATA / "reuters21578" / "reuters.jsonl"
CLIMATE_FEVER = DATA / "climate_fever" / "dev.jsonl"


# ---------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    "claim, passage",
    [
        ("Inflation rose 2.5%", "inflation rose 2.5 pct"),
        ("Inflation rose 2.5 percent", "inflation rose 2.5 per cent"),
        ("They sold 1,000 cars", "they sold 1000 cars"),
        ("A loss of 5 mln dlrs", "a loss of five million dollars"),
        ("A loss of $5 million", "a loss of 5 mln dlrs"),
        ("Output reached 3.47 million units", "a rate of 3.47 mln units"),
        ("Seven people died", "7 people died"),
        ("twenty-five seats", "25 seats"),
        ("a 9.125 pct coupon", "its 9-1/8 pct debentures"),
        ("rates of 4.5 bln", "rates of 4,500 mln"),
    ],
)
def test_numbers_normalise(claim, passage):
    result = check_numbers(claim, passage)
    assert result.matched and not result.missing, result


def test_number_conflict_needs_the_same_unit():
    r = check_numbers("Unemployment rose 2.5 pct", "Unemployment rose 3.1 pct to 1,200 people")
    assert r.missing == ("2.5 pct",) and r.conflicting == ("2.5 pct",)
    r = check_numbers("Unemployment rose 2.5 pct", "Unemployment rose by 1,200 people")
    assert r.missing == ("2.5 pct",) and r.conflicting == ()


def test_years_and_day_numbers_are_dates_not_quantities():
    qs = extract_quantities("In 1987 arrivals for the week ended February 22 were 155,221 bags")
    assert [q.value for q in qs] == [155221.0]
    assert "one" not in [q.text for q in extract_quantities("one of the largest firms")]


def test_chemical_subscripts_are_not_numbers():
    # Wikipedia text in Climate-FEVER writes "CO 2"
    assert extract_quantities("CO 2 levels rose") == []
    assert "CO2" in extract_entities("Rising CO 2 levels worry scientists")
    assert check_entities("CO2 warms the planet", "CO 2 absorbs heat").ok


# ---------------------------------------------------------------- dates


def test_dates_match_across_formats():
    assert check_dates("On Feb 26, 1987 it rained", "on 26 February 1987 it rained").ok
    assert check_dates("in March 2020", "on 3 March 2020 the vote").ok  # passage more precise
    assert not check_dates("on 3 March 2020", "in March 2020").ok  # claim more precise
    assert check_dates("in 2023", "fell in 2023, the office said").ok  # year before a comma
    assert extract_dates("1,987 people") == []
    r = check_dates("in 1987", "in 1988 and 1990")
    assert r.missing == ("1987",) and r.conflicting == ("1987",)


def test_ambiguous_month_words():
    assert extract_dates("The board may decide to march on") == []
    assert extract_dates("May is a name, but May 2019 is a date")[0].year == 2019


# ---------------------------------------------------------------- entities


def test_entities_skip_ordinary_sentence_starts():
    ents = extract_entities(
        "Scientists say the European Union and NASA agree. However, Obama's team and "
        "Belgian MEP Assita Kanko disagree. Global warming continues."
    )
    assert "European Union" in ents and "NASA" in ents and "Obama" in ents
    assert not {"Scientists", "However", "Global"} & set(ents)
    assert any("Assita Kanko" in e for e in ents)


def test_entity_name_variants():
    assert check_entities("Assita Kanko spoke", "Kanko told V24 that ...").ok
    assert check_entities("MEP Kanko said so", "Assita Kanko said so").ok
    assert check_entities("The U.S. Federal Reserve acted", "The US Federal Reserve acted").ok
    assert check_entities("Paris talks stall", "The talks in the United States stall").missing == ()
    assert check_entities("talks in the United States", "talks in the U.S. stalled").ok
    assert not check_entities("the European Union acted", "the Union acted").ok  # generic head
    assert check_entities("Angela Merkel spoke", "Mr Scholz spoke").missing == ("Angela Merkel",)


# ---------------------------------------------------------------- negation


def test_negation_uses_the_closest_sentence():
    passage = "Nobody expected rain. The company raised prices by 5 pct last week."
    r = check_negation("The company did not raise prices", passage)
    assert r.claim_cues == ("not",) and r.passage_cues == () and r.mismatch
    assert r.overlap >= 0.6
    r = check_negation("The company raised prices", passage)
    assert not r.mismatch  # "Nobody" sits in an unrelated sentence
    r = check_negation("The minister denied the report", "The minister confirmed the report.")
    assert r.mismatch
    assert check_negation("He wouldn't resign", "He would not resign.").mismatch is False


def test_each_statement_of_a_joined_claim_is_compared_with_its_own_sentence():
    passage = ("A water sample showed water contaminated some years ago with chloroform. The company "
               "said the contamination does not affect drinking water.")
    # Both statements as the passage makes them: the "not" is in the second one's sentence.
    assert not check_negation("A water sample showed water contaminated some years ago with "
                              "chloroform, and the company said the contamination does not "
                              "affect drinking water.", passage).mismatch
    # A statement too short to stand alone ("A new date has not been set") goes with the next.
    passage2 = ("Powers said the state has asked for more noise data for the sale area. A new date "
                "has not been set, but it will likely be no sooner than next March, Powers said.")
    assert not check_negation("Powers said the state has asked for more noise data for the sale "
                              "area, and A new date has not been set, but it will likely be no "
                              "sooner than next March, Powers said.", passage2).mismatch
    # The second statement with its "not" dropped is still a flipped polarity.
    assert check_negation("The company said the contamination affects drinking water, and a "
                          "sample showed water contaminated with chloroform.", passage).mismatch


def test_direction_of_change():
    r = check_direction("Global sea levels are rising", "Global sea levels fell during glaciation.")
    assert (r.claim, r.passage, r.conflict) == ("up", "down", True)
    assert not check_direction("Sea levels are rising", "Sea levels rose by 3 mm a year.").conflict
    # a sentence that goes both ways states no single direction
    r = check_direction("Prices rose", "Prices rose in May and fell in June.")
    assert r.passage is None and not r.conflict
    r = check_direction("more CO2 has slightly cooled the planet", "CO2 warms the planet.")
    assert (r.claim, r.passage) == ("down", "up")


# ---------------------------------------------------------------- quotes


def test_quotes_verbatim_up_to_whitespace_and_quote_style():
    passage = "She said “border  controls barely exist” on Monday."
    assert check_quotes('Kanko: "border controls barely exist"', passage).ok
    assert check_quotes("Kanko: «border controls barely exist…»", passage).ok
    r = check_quotes('Kanko: "border controls do not exist"', passage)
    assert r.missing == ("border controls do not exist",)
    # an ellipsis marks elided words: the fragments must appear in order
    assert check_quotes('"border ... exist"', passage).ok
    assert not check_quotes('"exist ... border"', passage).ok


def test_apostrophes_are_not_quotes():
    assert extract_quotes("Ironic' study finds more CO2 has slightly cooled the planet") == []
    assert extract_quotes("It's the 'Kanko' plan's end") == []
    assert extract_quotes("He called it ‘non-committal’.") == ["non-committal"]


# ---------------------------------------------------------------- speaker


def test_speaker_needs_name_and_speech_verb():
    r = check_speaker("Assita Kanko", "Integration is non-committal, Kanko told V24.")
    assert r.confirmed and r.name_found == "Kanko" and r.speech_verb == "told"
    r = check_speaker("@Assita_Kanko", "According to Assita Kanko, borders barely exist.")
    assert r.confirmed
    r = check_speaker("Assita Kanko", "Kanko visited the border on Monday.")
    assert r.name_found == "Kanko" and not r.confirmed
    r = check_speaker("Assita Kanko", "The minister said borders barely exist.")
    assert r.name_found is None and not r.confirmed
    r = check_speaker("Assita Kanko", "Kanko visited the border. She said it barely exists.")
    assert r.confirmed


# ---------------------------------------------------------------- missing_facts


def test_missing_facts_lists_unsupported_details():
    passages = ["Assita Kanko said border controls barely exist.",
                "On March 3, 2024 rates were 5 pct."]
    ok = 'Assita Kanko said "border controls barely exist" on 3 March 2024, at 5%.'
    assert missing_facts(ok, passages) == []
    bad = 'Assita Kanko said "borders do not exist" on 4 March 2024, at 6% in Brussels.'
    assert missing_facts(bad, passages) == ["6%", "4 March 2024", "Brussels",
                                            '"borders do not exist"']


def test_missing_facts_quote_cannot_be_stitched_from_two_passages():
    assert missing_facts('"border controls barely exist"',
                         ["border controls", "barely exist"]) == ['"border controls barely exist"']


# ---------------------------------------------------------------- real data


def _reuters(newid: int) -> str:
    if not REUTERS.exists():
        pytest.skip(f"{REUTERS} is absent: the shared data sets are not beside this checkout")
    with open(REUTERS, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["newid"] == newid:
                return clean(rec["body"])
    raise AssertionError(f"reuters newid {newid} not found")


def test_reuters_housing_story():
    body = _reuters(29)  # JANUARY HOUSING SALES DROP, REALTY GROUP SAYS
    assert check_numbers("Home sales fell 14.5% in January to 3.47 million units", body).ok
    r = check_numbers("Home sales fell 15.5 pct", body)
    assert r.conflicting == ("15.5 pct",)
    assert check_dates("the record set in November 1978", body).ok
    assert check_dates("the record set in November 1979", body).conflicting
    assert check_entities("the National Association of Realtors said", body).ok
    assert check_speaker("John Tuccillo", body).confirmed
    assert check_quotes('Tuccillo: "The drop in January is not surprising"', body).ok
    assert not check_quotes('Tuccillo: "The drop in January is surprising"', body).ok
    assert missing_facts("The National Association of Home Builders said sales dropped 12 pct "
                         "in 1986.", [body]) == ["12 pct", "1986",
                                                 "National Association of Home Builders"]


def test_reuters_debenture_story():
    body = _reuters(84)  # COLUMBIA GAS SYSTEM INC REDEEMS DEBENTURES
    assert check_numbers("It will redeem $4.7 million of 9.125% debentures", body).ok
    assert check_numbers("and five million dollars of other debentures", body).ok
    assert check_dates("due May 1, 1999", body).ok
    assert not check_dates("due June 1, 1999", body).ok
    assert check_entities("Columbia Gas Systems Inc will redeem debentures", body).ok


def _climate_fever_claim(claim_id: str) -> dict:
    if not CLIMATE_FEVER.exists():
        pytest.skip(f"{CLIMATE_FEVER} is absent: the shared data sets are not beside this checkout")
    with open(CLIMATE_FEVER, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["claim_id"] == claim_id:
                return rec
    raise AssertionError(f"claim {claim_id} not found")


def test_climate_fever_reef_names_match_across_case():
    rec = _climate_fever_claim("14")
    claim = rec["claim"]  # "The Great Barrier Reef is experiencing the most widespread bleaching..."
    evidence = rec["evidences"][0]["evidence"]  # "... in the Great Barrier reef."
    assert "Great Barrier Reef" in extract_entities(claim)
    assert check_entities(claim, evidence).ok
    assert not check_negation(claim, evidence).mismatch


def test_climate_fever_co2_subscripts():
    rec = _climate_fever_claim("10")
    evidence = rec["evidences"][0]["evidence"]  # "While CO 2 absorption and release ..."
    assert extract_quantities(evidence) == []
    assert check_entities(rec["claim"], evidence).matched == ("CO2",)


def test_a_count_of_the_same_thing_conflicts_but_never_blocks_a_match():
    r = check_numbers("Kipchoge was paced by 12 pacemakers", "He ran behind 41 pacemakers.")
    assert r.missing == ("12",) and r.conflicting == ("12",)
    # The same figure matches whatever word follows it.
    assert check_numbers("Kipchoge was paced by 41 pacemakers", "41 of them paced him.").ok
    # A count of something else is absence, not conflict.
    r = check_numbers("Kipchoge was paced by 12 pacemakers", "He won 41 races.")
    assert r.missing == ("12",) and r.conflicting == ()


def test_a_future_time_phrase_is_a_detail_the_passage_must_state():
    claim = "Navalny will be flown back to Moscow next week"
    # From the demo corpus: a past flight to Moscow is not next week's.
    past = ("On Thursday, Navalny was flying from Tomsk in Siberia headed for Moscow when he "
            "fell ill.")
    r = check_dates(claim, past)
    assert r.missing == ("next week",) and not r.conflicting
    assert check_dates(claim, "He will be flown back to Moscow next week, aides said.").ok
    assert "next week" in missing_facts(claim, [past])
    # Past references are not required: sources restate them as weekdays or dates.
    assert check_dates("The minister resigned yesterday", "The minister resigned on Monday.").ok


def test_title_case_headlines_yield_names_not_phrases():
    """Capitalisation marks no names in a headline set in title case: the run is cut at words
    English writes in lowercase, so a passage is asked for the names, not for the headline."""
    assert extract_entities("Chinese Diplomats Assault Taiwan Counterparts in Fiji") == [
        "Chinese Diplomats", "Taiwan", "Fiji"]
    assert extract_entities("Trump Administration Claimed Billie Eilish Is Destroying Our "
                            "Country") == ["Trump", "Billie Eilish"]
    passage = "Chinese diplomats assaulted a Taiwanese official at a reception in Fiji, Taiwan said."
    assert check_entities("Chinese Diplomats Assault Taiwan Counterparts in Fiji", passage).ok
    # ordinary sentences are unchanged
    assert extract_entities("The World Bank lent Kenya 50 million dollars.") == ["World Bank",
                                                                                "Kenya"]


def test_a_figure_allows_its_rounding_and_its_qualifier():
    """'over 42%' is what a source giving 42.11 per cent says; '42%' rounds it; '42.11%' is
    more than '42%' says (missing, not a conflict); 'over 40 dead' is refuted by 35."""
    from groundbrief.verify.checks import check_numbers

    spam = "The United States is responsible for exporting 42.11 per cent of all spams."
    assert check_numbers("the US is the origin of over 42% of all spam", spam).matched == ("42%",)
    assert check_numbers("the US is the origin of 42% of all spam", spam).matched == ("42%",)
    r = check_numbers("42.11%", "about 42%")
    assert r.missing == ("42.11%",) and not r.conflicting
    assert check_numbers("over 40 dead", "The blast killed 35 people.").conflicting == ("40 dead",)
    assert check_numbers("about 1,000 people", "1,020 people fled").matched == ("1,000 people",)
    assert check_numbers("12 pacemakers", "it featured 41 pacemakers").conflicting == ("12",)


def test_a_date_conflicts_only_in_the_sentence_that_says_what_the_claim_says():
    from groundbrief.verify.checks import check_dates

    passage = ("In 2002 she was elected to Parliament.Awarding the 2004 Nobel Peace Prize to an "
               "activist may raise some eyebrows.")
    r = check_dates("The 2004 Nobel Peace Prize was awarded to Wangari Maathai", passage)
    assert r.matched == ("2004",)
    other = "In 2002 she was elected to Parliament.Awarding the Nobel Peace Prize to her was a surprise."
    r = check_dates("The 2004 Nobel Peace Prize was awarded to Wangari Maathai", other)
    assert r.missing == ("2004",) and not r.conflicting
    assert check_dates("The prize was awarded in 2004", "The prize was awarded in 2003.").conflicting


def test_an_article_is_not_part_of_a_name():
    from groundbrief.verify.names import same_name

    assert same_name("the Nobel Peace Prize", "Nobel Peace Prize")
    assert not same_name("Korea", "South Korea")


def test_a_not_in_another_statement_of_the_passage_sentence_is_not_compared():
    # "not A but B" asserts B; the claim is B.
    assert not check_negation(
        "Some traders suggested business had been done around 220 dlrs a tonne cif.",
        "Price details were not immediately available but some traders suggested business had "
        "been done around 220 dlrs a tonne cif.").mismatch
    # The claim is A, which the passage's statement denies.
    assert check_negation("He won the race in Vienna.",
                          "He did not win the race but came second in Vienna.").mismatch
    assert check_negation("The company said it would raise prices.",
                          "The company said it would not raise prices, and sales rose 5 pct in "
                          "the year.").mismatch
