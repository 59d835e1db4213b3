"""Changed demo briefs, end to end: each brief of ``benchmarks/data/demo_changed.tsv`` explained
on a fresh store of the bundled demo corpus, the way ``groundbrief explain`` does, and the verdict
of its first claim compared with what a standards editor expects.

Rows are ``brief<TAB>expected``; ``expected`` is ``refuted``, ``supported`` or ``none`` (anything
but Supported). The briefs change one detail of the bundled demo briefs (a place, a figure, a
time, a state, a word of what was said) or restate them; they test the whole path (brief
parsing, claims, retrieval, verification, the detail gate) on real articles, not one passage.

    .venv/bin/python benchmarks/eval_demo_changes.py [FILE] [--rows] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

from _common import REPO  # noqa: F401  (puts this checkout's src first on the path)

DEFAULT = Path(__file__).resolve().parent / "data" / "demo_changed.tsv"
NOW = datetime(2026, 12, 2, 12, 0, tzinfo=timezone.utc)


def read_rows(path: Path) -> list[tuple[str, str]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 2 or cells[1] not in ("refuted", "supported", "none"):
            raise SystemExit(f"{path}:{n}: expected brief<TAB>refuted|supported|none; fix the row")
        rows.append((cells[0], cells[1]))
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--rows", action="store_true", help="print every row's verdict and reason")
    ap.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    args = ap.parse_args()
    rows = read_rows(args.file)

    from groundbrief.cli.demo import demo_paths
    from groundbrief.config import Settings
    from groundbrief.index.indexer import Indexer
    from groundbrief.ingest import read_sources
    from groundbrief.runtime import build_pipeline, open_store

    corpus, _ = demo_paths()
    out = []
    with tempfile.TemporaryDirectory() as home:
        settings = Settings(home=Path(home))
        with open_store(settings) as store:
            pipeline = build_pipeline(settings, store)
            Indexer(store, pipeline.embedder).index(read_sources([str(corpus)]))
            for brief, expected in rows:
                exp = pipeline.explain(brief, now=NOW)
                first = next((c for c in exp.claims if c.verdict.value != "not_checkworthy"), None)
                verdict = first.verdict.value if first is not None else "none"
                reason = next((u.reason for u in exp.still_unclear
                               if first is not None and u.claim_id == first.id), None)
                out.append((brief, expected, verdict, reason))
    by: dict[str, Counter] = {}
    for _, expected, verdict, _ in out:
        by.setdefault(expected, Counter())[verdict] += 1
    ok = {e: sum(n for v, n in c.items() if (v == e if e != "none" else v != "supported"))
          for e, c in by.items()}
    changed = [v for _, e, v, _ in out if e != "supported"]
    summary = {
        "file": str(args.file), "briefs": len(out),
        "false_supported": sum(v == "supported" for v in changed), "changed": len(changed),
        "as_expected": ok, "verdicts": {e: dict(c) for e, c in by.items()},
    }
    if args.rows:
        for brief, expected, verdict, reason in out:
            print(f"{expected:9s} {verdict:20s} {brief[:90]} || {reason}")
    print(json.dumps(summary) if args.json else
          f"{args.file.name}: false Supported {summary['false_supported']} of {summary['changed']} "
          f"changed; as expected {ok}; verdicts {summary['verdicts']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
