"""Figures read as a reader reads them: values, what they count, and names that hold digits."""

from __future__ import annotations

import pytest

from groundbrief.verify.checks import check_numbers, extract_quantities, missing_facts
from groundbrief.verify.figures import Figure, FigureKind, extract_figures


def _kinds(text: str) -> list[tuple[float, FigureKind, str | None]]:
    return [(f.value, f.kind, f.unit) for f in extract_figures(text)]


# ---------------------------------------------------------------- same figure, other words


@pytest.mark.parametrize(
    "claim, passage",
    [
        ("Nine dead after the storm", "The storm left 9 killed"),
        ("nine people were evacuated", "9 people were evacuated"),
        ("a dozen people were hurt", "12 people were injured"),
        ("The city has 1.5 million residents", "The city has 1,500,000 residents"),
        ("The deal is worth $2bn", "The deal is worth 2 billion dollars"),
        ("67% backed the plan", "67 percent backed the plan"),
        ("67 per cent backed the plan", "67% backed the plan"),
        ("The attack killed nine", "Nine people died in the attack"),
        ("the 89-year-old", "he died aged 89"),
        ("he was 95 when he died", "He died at the age of 95."),
        ("won 3,000 votes", "received 3000 votes"),
    ],
)
def test_the_same_figure_in_other_words_matches(claim, passage):
    r = check_numbers(claim, passage)
    assert r.matched and not r.missing, r


# ---------------------------------------------------------------- typed by what they count


@pytest.mark.parametrize(
    "text",
    ["Mugabe died aged 89.", "the 89-year-old former leader", "He died at the age of 89.",
     "She is 89 years old.", "Mugabe, who was 89, died", "He was 89."],
)
def test_ages_are_typed_as_ages(text):
    assert _kinds(text) == [(89.0, FigureKind.AGE, "years")]


def test_an_ordinary_word_or_a_unit_after_was_is_no_age():
    assert _kinds("Inflation was 5.") == [(5.0, FigureKind.NUMBER, None)]
    assert _kinds("He was 95 km away.") == [(95.0, FigureKind.MEASURE, "km")]


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("nine dead", 9.0, "dead"),
        ("9 killed", 9.0, "dead"),
        ("Nine people were killed", 9.0, "dead"),
        ("the attack killed 9", 9.0, "dead"),
        ("the death toll rose to 12", 12.0, "dead"),
        ("20 injured", 20.0, "injured"),
        ("the blast injured 20", 20.0, "injured"),
        ("police arrested 14", 14.0, "arrested"),
        ("3,000 voters", 3000.0, "people"),
        ("12 people", 12.0, "people"),
    ],
)
def test_people_are_typed_by_what_happened_to_them(text, value, unit):
    assert _kinds(text) == [(value, FigureKind.PEOPLE, unit)]


def test_votes_percent_and_money_are_typed():
    assert _kinds("won 52 votes") == [(52.0, FigureKind.VOTES, "votes")]
    assert _kinds("67% of voters") == [(67.0, FigureKind.PERCENT, "%")]
    assert _kinds("rose 2 percentage points") == [(2.0, FigureKind.PERCENT, "pp")]
    assert _kinds("$2bn") == [(2e9, FigureKind.MONEY, "$")]
    assert _kinds("5 mln stg") == [(5e6, FigureKind.MONEY, "£")]
    assert _kinds("12 pacemakers")[0][1] is FigureKind.COUNT


def test_figures_of_different_types_are_never_compared():
    # Same value, other type: no match, and no conflict either.
    r = check_numbers("Mugabe died aged 89", "The party won 89 seats")
    assert r.missing == ("89",) and r.conflicting == ()
    r = check_numbers("9 dead in the blast", "9 injured in the blast")
    assert r.missing == ("9 dead",) and r.conflicting == ()
    r = check_numbers("67% backed it", "67 votes backed it")
    assert r.missing == ("67%",) and r.conflicting == ()


def test_figures_of_the_same_type_and_another_value_conflict():
    # The missed refutation of issue 9: "Mugabe died aged 89" against "He was 95".
    r = check_numbers("Mugabe died aged 89", "Mugabe died in Singapore. He was 95.")
    assert r.missing == ("89",) and r.conflicting == ("89",)
    r = check_numbers("9 killed in the blast", "The blast killed 20")
    assert r.conflicting == ("9",)
    # A figure that does not say what it counts matches any figure of equal value.
    assert check_numbers("Mugabe died aged 89", "Mugabe, 89, died").ok


def test_figure_api_for_the_part_by_part_verifier():
    [age89] = extract_figures("Mugabe died aged 89")
    [age95] = extract_figures("He was 95.")
    [seats] = extract_figures("won 89 seats")
    assert age89.comparable(age95) and age89.conflicts_with(age95) and not age89.matches(age95)
    assert not age89.comparable(seats) and not age89.matches(seats)
    unknown = Figure(text="89", value=89.0, unit=None)
    assert unknown.kind is FigureKind.NUMBER and age89.matches(unknown)


def test_spans_point_into_the_text_as_given():
    text = "He said\n\n “it cost  $2bn”, and  nine  people died aged 89."
    got = [text[f.span[0]: f.span[1]] for f in extract_figures(text)]
    assert got == ["$2bn", "nine  people", "89"]


# ---------------------------------------------------------------- names are not figures


@pytest.mark.parametrize(
    "text",
    ["The B-17 flew", "COVID-19 spread", "an AR-15 rifle", "a Boeing 737 crashed",
     "the F-35 jet", "G7 leaders met", "an Airbus A320 landed", "flight MH17 was downed",
     "Windows 10 users", "Covid19 cases", "SARS-CoV-2 spreads", "H5N1 bird flu",
     "a phase 3 trial", "Chapter 11 bankruptcy", "type 2 diabetes", "5G masts"],
)
def test_numbers_inside_names_are_not_figures(text):
    assert extract_figures(text) == []
    assert extract_quantities(text) == []


def test_names_with_digits_are_matched_as_names():
    assert check_numbers("COVID-19 cases rose", "Covid-19 cases rose").ok
    assert check_numbers("COVID-19 cases rose", "COVID19 cases rose").ok
    assert check_numbers("G7 leaders met", "G-7 leaders met").ok
    # Another member of the series is missing, but never a conflict ...
    r = check_numbers("the B-17 bomber", "the B-52 bomber")
    assert r.missing == ("B-17",) and r.conflicting == ()
    assert check_numbers("a Boeing 737 crashed", "a Boeing 747 crashed").missing == ("Boeing 737",)
    # ... and "17 bombers" is no figure of the B-17's.
    assert check_numbers("17 bombers", "B-17 bombers").missing == ("17",)
    # Numbers after other words stay figures: electoral votes, not a model name.
    assert [f.value for f in extract_figures("Biden 306, Trump 232")] == [306.0, 232.0]


def test_missing_facts_no_longer_reports_the_number_of_a_name():
    # Issue 9: "numbers inside names read as figures" made "missing: 17" / "missing: 19".
    passages = ["Boeing B-17 Flying Fortress bombers flew over Europe.",
                "Covid-19 spread across Europe."]
    assert missing_facts("The B-17 flew over Europe", passages) == []
    assert missing_facts("COVID-19 spread across Europe", passages) == []


@pytest.mark.parametrize(
    "claim, passage, reported",
    [
        ("More than 300 people attended.", "The police counted 310 people.", True),
        ("Fewer than 80 cents a lb.", "The new price is 72 cents a lb.", True),
        ("At least 10 people died.", "15 people died in the fire.", True),
        # A bound reaches only twice its figure: true of the value, but no report of it.
        ("It filed for a shelf offering of up to 500 mln dlrs.", "It has 50 mln dlrs registered.", False),
        ("More than 10 people died.", "200 people died in the fire.", False),
    ],
)
def test_a_bound_reports_only_a_value_near_it(claim, passage, reported):
    r = check_numbers(claim, passage)
    assert bool(r.matched and not r.missing) is reported, r
    assert not r.conflicting  # still true of the value: never a conflict
