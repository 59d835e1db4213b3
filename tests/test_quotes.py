"""Quotes checked as a reader checks them: the words verbatim, not the marks around them."""

from __future__ import annotations

import pytest

from groundbrief.verify.checks import check_quotes, missing_facts
from groundbrief.verify.quotes import quote_found

PASSAGE = ("The minister said she was “deeply troubled by the report” and that border "
           "controls — as she put it — \"barely exist\" in the region.")


@pytest.mark.parametrize(
    "quote",
    [
        "Deeply troubled by the report",  # a capital where the quote opens a sentence
        "deeply troubled by the report",
        "[D]eeply troubled by the report",  # an editor's bracketed letter
        "deeply troubled … report",  # an ellipsis for words left out
        "deeply troubled by the report.",  # punctuation added inside the marks
        "controls - as she put it - \"barely exist\"",  # dash and quote styles
    ],
)
def test_a_quote_is_found_whatever_the_marks_and_the_first_capital(quote):
    assert quote_found(quote, PASSAGE)


@pytest.mark.parametrize(
    "quote",
    [
        "deeply troubled by the reports",  # a changed word
        "Deeply concerned by the report",
        "deeply troubled by this report",
        "report … deeply troubled",  # fragments out of order
        "DEEPLY TROUBLED BY THE REPORT",  # more than the first letter changed
    ],
)
def test_a_changed_word_inside_a_quote_is_still_rejected(quote):
    assert not quote_found(quote, PASSAGE)


def test_check_quotes_and_missing_facts_follow_the_same_reading():
    claim = 'The minister said she was "Deeply troubled by the report".'
    assert check_quotes(claim, PASSAGE).ok
    assert missing_facts(claim, [PASSAGE]) == []
    changed = 'The minister said she was "deeply worried by the report".'
    assert check_quotes(changed, PASSAGE).missing == ("deeply worried by the report",)


def test_a_source_quoting_with_an_editors_letter_holds_the_quote():
    # Wikinews: 'said, "If there's a court order ... [t]here's no harmonised defamation law
    # internationally"': the claim carries the quote over as written, or without the brackets
    source = ('Steve Peers said, "[t]here\'s no harmonised defamation law internationally".')
    assert quote_found("[t]here's no harmonised defamation law internationally", source)
    assert quote_found("There's no harmonised defamation law internationally", source)
    assert not quote_found("There's a harmonised defamation law internationally", source)
