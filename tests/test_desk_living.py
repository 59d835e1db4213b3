"""End to end: a claim no source supports at 9:00 is confirmed at 11:00 when a feed carries the
confirming article; the refresh re-checks the explainer and stores version 2 with a changelog
line naming the confirming source, while version 1 stays readable. Real server on 127.0.0.1,
real store, real models."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from groundbrief.config import Settings
from groundbrief.desk import LiveDesk
from groundbrief.models import Verdict
from groundbrief.runtime import build_pipeline, open_store

from .livesite import LiveSite, Reply, article_html, rss

HOST = "desk.test"
T0 = datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)
BRIEF = ("Dock workers in Eastbay ended their strike on Tuesday after accepting a new pay deal, "
         "the union said.")


def resolve(host: str) -> list[str]:
    return ["127.0.0.1"]


def rfc822(dt: datetime) -> str:
    return dt.strftime("%a, %d %b %Y %H:%M:%S +0000")


def test_claim_moves_to_supported_when_the_confirming_article_appears(tmp_path):
    with LiveSite() as site:
        site.routes["/strike-week-two"] = Reply(body=article_html(
            "Eastbay dock strike enters second week",
            ["Dock workers in Eastbay stayed off the job for a second week on Monday.",
             "The union and the port operator met in the harbour town but reached no "
             "agreement. Ships have been diverted to other ports since the strike began."]))
        site.routes["/eastbay-deal"] = Reply(body=article_html(
            "Eastbay dock workers accept pay deal, end strike",
            ["Dock workers in Eastbay ended their strike on Tuesday after accepting a new pay "
             "deal, the dockers' union said.",
             "The agreement raises wages by six percent over two years, union leader Maria "
             "Costa told reporters. Work at the port resumed on Wednesday morning."]))
        first = ("Eastbay dock strike enters second week", site.url("/strike-week-two", HOST),
                 rfc822(T0 - timedelta(hours=30)), "The strike goes on.")
        site.routes["/feed"] = Reply(body=rss("Coastal Wire", [first]),
                                     content_type="application/rss+xml", etag='"1"')

        settings = Settings(home=tmp_path / "home", fetch_allowed_hosts=[HOST],
                            fetch_host_interval_s=0.0, feed_interval_s=3600.0)
        with open_store(settings) as store, LiveDesk(settings, store, resolve=resolve) as desk:
            desk.subscriptions.add([site.url("/feed", HOST)], T0)
            report, rechecks = desk.refresh(T0)
            assert report.ingest.new == 1 and rechecks == []  # no explainer yet

            v1 = build_pipeline(settings, store).explain(BRIEF, now=T0)
            assert v1.version == 1
            assert {c.verdict for c in v1.claims} == {Verdict.NOT_ENOUGH_EVIDENCE}

            confirming = ("Eastbay dock workers accept pay deal, end strike",
                          site.url("/eastbay-deal", HOST), rfc822(T0 + timedelta(hours=1)),
                          "Deal reached.")
            site.routes["/feed"] = Reply(body=rss("Coastal Wire", [confirming, first]),
                                         content_type="application/rss+xml", etag='"2"')
            at = T0 + timedelta(hours=2, minutes=4)
            report, rechecks = desk.refresh(at)
            assert report.new_entries == 1 and report.ingest.new == 1

            (recheck,) = rechecks
            assert (recheck.explainer_id, recheck.old_version, recheck.new_version) == (
                v1.id, 1, 2)
            v2 = store.get_explainer(v1.id)
            assert v2.version == 2 and v2.updated_at == at and v2.published_at == T0
            assert {c.verdict for c in v2.claims} == {Verdict.SUPPORTED}
            assert {c.independence.summary for c in v2.claims} == {"reported by 1 outlet"}
            entry = v2.changelog[-1]
            assert entry.version == 2 and entry.at == at
            assert any("the attribution to the union is now confirmed by Coastal Wire "
                       "(“Eastbay dock workers accept pay deal, end strike”)" in line
                       for line in entry.changes), entry.changes
            # Nothing was overwritten: version 1 is still there as it was.
            old = store.get_explainer(v1.id, 1)
            assert old.version == 1 and {c.verdict for c in old.claims} == {
                Verdict.NOT_ENOUGH_EVIDENCE}

            # A refresh with nothing new re-checks nothing and adds no version.
            report, rechecks = desk.refresh(at + timedelta(hours=2))
            assert report.not_modified == 1 and rechecks == []
            assert store.explainer_versions(v1.id) == [1, 2]
