"""Syndicated copies and near-duplicates count as one independent report."""

from __future__ import annotations

from groundbrief.models import Source
from groundbrief.syndication import group_copies, independent_reports

WIRE = ("LONDON (Reuters) - Britain's central bank held interest rates at 5.25 percent on "
        "Thursday, saying inflation was falling faster than it had expected in the autumn. "
        "Governor Andrew Bailey said the bank would watch wage growth closely before any cut. "
        "Seven of the nine members of the Monetary Policy Committee voted to hold rates, while "
        "two voted for a rise of a quarter point. Markets had expected the decision.")
OWN = ("The Bank of England kept its main rate unchanged, our economics editor writes. "
       "Mortgage holders will have to wait for relief, as the governor signalled no cut before "
       "the spring, and economists said the split vote showed the debate was not over.")


def source(sid: str, outlet: str, text: str) -> Source:
    return Source(id=sid, title=f"{outlet} story", outlet=outlet, text=text)


def test_wire_copies_in_three_outlets_are_one_agency_story():
    copies = [
        source("a", "Daily Bugle", WIRE),
        # Retitled, trimmed to its first three sentences, with a line of its own appended.
        source("b", "Harbour Gazette", ". ".join(WIRE.split(". ")[:3]) + ". Read more inside."),
        source("c", "Metro News", "Rates: " + WIRE.replace("Thursday", "Thursday morning")),
    ]
    reports = independent_reports(copies)
    assert (reports.outlets, reports.reports, reports.agency) == (3, 1, "Reuters")
    assert reports.summary == "reported by 3 outlets, all from one Reuters agency story"


def test_independent_reporting_is_counted_apart():
    sources = [source("a", "Daily Bugle", WIRE), source("b", "Metro News", WIRE),
               source("c", "The Courier", OWN)]
    groups = group_copies(sources)
    assert [[s.id for s in g] for g in groups] == [["a", "b"], ["c"]]
    reports = independent_reports(sources)
    assert reports.reports == 2 and reports.agency is None
    assert reports.summary == ("reported by 3 outlets in 2 independent reports (1 of them "
                               "copied by more than one outlet)")


def test_one_source_and_copies_without_an_agency_credit():
    plain = WIRE.replace("LONDON (Reuters) - ", "")
    assert independent_reports([source("a", "Bugle", plain)]).summary == "reported by 1 outlet"
    two = independent_reports([source("a", "Bugle", plain), source("b", "Courier", plain)])
    assert two.summary == "reported by 2 outlets, all copies of one story"
