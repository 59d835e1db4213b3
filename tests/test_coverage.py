"""A store that cannot hold the brief's story says so (issue 10 item 6), on standard error and at
the top of the explainer: an empty store (a mistyped GROUNDBRIEF_HOME creates one), no source
before the as-of time, or a store whose newest source predates the brief's time.

The rules are tested on their own, then end to end through the real CLI on real SQLite stores.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from groundbrief.brief.parse import RuleBriefParser
from groundbrief.coverage import StoreCounts, coverage_warnings, named_years

from .test_cli import run

NOW = datetime(2026, 11, 23, 12, tzinfo=timezone.utc)
OLD = datetime(1987, 10, 20, tzinfo=timezone.utc)


def brief(text: str):
    return RuleBriefParser().parse(text)


def test_years_the_brief_names_as_times_of_its_story():
    assert named_years(brief("Talks will resume in 2020, Iran said."), 2026) == [2020]
    assert named_years(brief("He walked in space on 18 March 1965 and died in October 2019."),
                       2026) == [1965, 2019]
    # A count is no year; a deadline or a later year is no time of the story.
    assert named_years(brief("Floods killed 2000 people."), 2026) == []
    assert named_years(brief("The plant will close by 2025."), 2026) == []
    assert named_years(brief("Emissions must halve by the end of 2030."), 2026) == []
    assert named_years(brief("The games open in 2032."), 2026) == []


def test_an_empty_store_is_always_warned_about():
    [line] = coverage_warnings(StoreCounts(0, 0, None), brief("Dam opens."), as_of=None, now=NOW)
    assert line.startswith("The store holds no sources at all")


def test_no_source_before_the_as_of_time():
    as_of = datetime(1980, 1, 1, tzinfo=timezone.utc)
    [line] = coverage_warnings(StoreCounts(5, 0, None), brief("Dam opens."), as_of=as_of, now=NOW)
    assert line == ("No source in the store was published before the as-of time (1980-01-01), so "
                    "nothing in this brief could be checked.")


def test_a_store_older_than_the_briefs_time():
    counts = StoreCounts(19042, 19042, OLD)
    [line] = coverage_warnings(counts, brief("Iran said in 2020 that talks resume."),
                               as_of=None, now=NOW)
    assert line == ("The brief names 2020, but the newest source in the store was published on "
                    "1987-10-20; the store may not hold this story's coverage.")
    as_of = datetime(2020, 6, 1, tzinfo=timezone.utc)
    lines = coverage_warnings(counts, brief("Talks resume."), as_of=as_of, now=NOW)
    assert lines == ["The newest source in the store from before the as-of time (2020-06-01) was "
                     "published on 1987-10-20; the store may not hold this story's coverage."]


def test_no_warning_when_the_store_may_hold_the_story():
    counts = StoreCounts(100, 100, datetime(2020, 9, 5, tzinfo=timezone.utc))
    for text in ("Navalny was poisoned, Germany says.", "Navalny fell ill in August 2020.",
                 "Leonov walked in space in 1965.", "The pipeline will be finished by 2025."):
        assert coverage_warnings(counts, brief(text), as_of=None, now=NOW) == [], text
    # A store a few months behind the as-of time is not stale.
    as_of = datetime(2021, 1, 1, tzinfo=timezone.utc)
    assert coverage_warnings(counts, brief("Talks resume."), as_of=as_of, now=NOW) == []
    # Only undated sources: the store's time cannot be told, so nothing is claimed about it.
    assert coverage_warnings(StoreCounts(3, 3, None), brief("Talks resumed in 2020."),
                             as_of=None, now=NOW) == []


# ---------------------------------------------------------------- through the real CLI

BRIEF = "Iran's foreign minister said on Monday that talks with the EU will resume in 2020."


def warnings_of(proc) -> list[str]:
    return [line for line in proc.stderr.splitlines() if line.startswith("groundbrief: warning:")]


@pytest.mark.slow
def test_a_mistyped_home_warns_on_stderr_and_in_the_explainer(tmp_path):
    home = tmp_path / "groundbrief-hmoe"  # a typo: a new, empty store
    proc = run("explain", BRIEF, "--format", "json", "--now", "2026-11-23T12:00:00Z", home=home)
    assert proc.returncode == 0, proc.stderr
    lines = warnings_of(proc)
    assert lines[0].startswith("groundbrief: warning: The store holds no sources at all")
    assert str(home / "groundbrief.db") in lines[-1]
    data = json.loads(proc.stdout)
    assert data["warnings"][0].startswith("The store holds no sources at all")
    shown = run("show", data["id"], home=home)
    first_block = shown.stdout.split("\n\n")[2]
    assert first_block.startswith("**Warning: The store holds no sources at all"), shown.stdout


@pytest.mark.slow
def test_a_store_older_than_the_brief_warns(tmp_path):
    home = tmp_path / "h"
    dump = tmp_path / "wire.jsonl"
    rows = [{"id": f"r{i}", "title": title, "text": text, "published": "1987-10-20",
             "outlet": "Reuters"} for i, (title, text) in enumerate([
                 ("Iran talks", "Iran said on Monday that talks with the EU would resume."),
                 ("Gulf shipping", "Shipping in the Gulf resumed after a pause of two days.")])]
    dump.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert run("ingest", str(dump), home=home).returncode == 0

    proc = run("explain", BRIEF, "--now", "2026-11-23T12:00:00Z", home=home)
    assert proc.returncode == 0, proc.stderr
    assert warnings_of(proc)[0] == (
        "groundbrief: warning: The brief names 2020, but the newest source in the store was "
        "published on 1987-10-20; the store may not hold this story's coverage.")
    assert "**Warning: The brief names 2020" in proc.stdout

    proc = run("explain", "Talks with the EU will resume, Iran said.", "--as-of", "1980-01-01",
               "--now", "2026-11-23T12:00:00Z", home=home)
    assert proc.returncode == 0, proc.stderr
    assert "No source in the store was published before the as-of time (1980-01-01)" in (
        warnings_of(proc)[0])

    proc = run("explain", "Talks with the EU will resume, Iran said in October 1987.",
               "--now", "2026-11-23T12:00:00Z", home=home)
    assert proc.returncode == 0 and warnings_of(proc) == [], proc.stderr
    assert "Warning" not in proc.stdout
