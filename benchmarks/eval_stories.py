#!/usr/bin/env python
"""Story grouping against the Wikinews stories (issue 10): does each story's own sources form
one group, and does nothing else join it?

The store is the one of ``eval_wikinews.py``: the sources of all 36 stories of
``wikinews/mds_clean.jsonl`` after the Reuters-21578 distractors, in that order. The grouping is
made afresh on a working copy (every membership dropped, then each source grouped in the order
it was stored, exactly as ingest groups them), so the figures are those of the code checked out
even when the cached store was grouped by older code.

Gold: each Wikinews story is one group; each Reuters article is its own (Reuters-21578 marks no
stories). Five Wikinews stories report one event, the Indian Ocean tsunami of December 2004
(:data:`EVENTS`); they are scored once as five stories and once as one event.

* purity: over the predicted groups holding a Wikinews source, the share of their members that
  belong to the group's largest gold story (a Reuters article in a Wikinews group is impure);
* completeness: per gold story with two or more sources, the share of its sources in its
  largest predicted group, averaged; and the share of such stories kept whole.

    .venv/bin/python benchmarks/eval_stories.py                       # 2,000 Reuters distractors
    .venv/bin/python benchmarks/eval_stories.py --distractors 0 --json
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _evalcommon as common  # noqa: E402
import eval_wikinews  # noqa: E402

EVENTS = eval_wikinews.EVENTS
event_of = eval_wikinews.event_of
story_of_source = eval_wikinews.story_of_source


def score(assigned: dict[str, str], gold_of) -> dict:
    """Purity and completeness of ``assigned`` (source -> predicted group) against
    ``gold_of(source) -> gold group``, over the groups and stories that hold Wikinews sources."""
    groups: dict[str, list[str]] = defaultdict(list)
    for source, group in assigned.items():
        groups[group].append(source)
    wiki_groups = [m for m in groups.values() if any(s.startswith("enwikinews:") for s in m)]
    members = sum(len(m) for m in wiki_groups)
    majority = sum(Counter(gold_of(s) for s in m).most_common(1)[0][1] for m in wiki_groups)
    distractors_in = sum(1 for m in wiki_groups for s in m if not s.startswith("enwikinews:"))

    gold: dict[str, list[str]] = defaultdict(list)
    for source in assigned:
        if source.startswith("enwikinews:"):
            gold[gold_of(source)].append(source)
    multi = {g: m for g, m in gold.items() if len(m) >= 2}
    shares = {g: Counter(assigned[s] for s in m).most_common(1)[0][1] / len(m)
              for g, m in multi.items()}
    return {
        "purity": majority / members if members else None,
        "completeness": statistics.mean(shares.values()) if shares else None,
        "stories_whole": sum(v == 1.0 for v in shares.values()) / len(shares) if shares else None,
        "stories_scored": len(shares),
        "groups_with_wikinews": len(wiki_groups),
        "distractors_in_wikinews_groups": distractors_in,
        "split": sorted(g for g, v in shares.items() if v < 1.0),
    }


def render(res: dict) -> str:
    s, e = res["by_story"], res["by_event"]
    return "\n".join([
        f"Story grouping: {res['store']['sources']} sources ({res['wikinews_sources']} Wikinews, "
        f"{res['distractors'] if res['distractors'] is not None else 'all'} Reuters distractors), "
        f"{res['groups']} groups, grouped in {res['seconds']:.1f} s",
        common.table([
            ("purity", [s["purity"], e["purity"]]),
            ("completeness", [s["completeness"], e["completeness"]]),
            ("kept whole (share of gold groups)", [s["stories_whole"], e["stories_whole"]]),
            ("gold groups scored (>= 2 sources)", [s["stories_scored"], e["stories_scored"]]),
            ("Reuters articles in Wikinews groups", [s["distractors_in_wikinews_groups"],
                                                     e["distractors_in_wikinews_groups"]]),
        ], ["per story", "per event"]),
        "split: " + ("; ".join(s["split"]) or "none"),
    ])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file", nargs="?", type=Path, default=eval_wikinews.DATA)
    ap.add_argument("--reuters", type=Path, default=common.REUTERS)
    ap.add_argument("--distractors", type=int, default=2000,
                    help="the first N Reuters articles (default 2,000; -1 for all)")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    distractors = None if args.distractors is not None and args.distractors < 0 else args.distractors

    missing = common.missing_files([args.file, args.reuters])
    if missing:
        print(f"{missing[0]}: no such file; pass mds_clean.jsonl and --reuters explicitly, or "
              "put ../shared/data beside the checkout", file=sys.stderr)
        return 2
    log = (lambda m: print(m, file=sys.stderr)) if args.json else print
    home = eval_wikinews.store_home(args.file, args.reuters, distractors, log=log)
    with common.working_copy(home) as work:
        assigned, seconds = common.regroup(work)
    wiki = [s for s in assigned if s.startswith("enwikinews:")]
    results = {
        "benchmark": "story_grouping",
        **common.run_info(),
        "file": str(args.file),
        "distractors": distractors,
        "store": {"sources": len(assigned)},
        "wikinews_sources": len(wiki),
        "groups": len(set(assigned.values())),
        "seconds": round(seconds, 2),
        "by_story": score(assigned, story_of_source),
        "by_event": score(assigned, lambda s: event_of(story_of_source(s))),
    }
    common.emit(results, args.out, args.json, render(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
