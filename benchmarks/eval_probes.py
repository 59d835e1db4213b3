"""Hand-written probe sets of reworded briefs: each a claim, the one passage it is judged
against, and the verdict a standards editor expects (benchmarks/data/*.tsv).

Rows are ``claim<TAB>passage<TAB>expected[<TAB>language]`` (``language`` "nl/en" for a claim
in one language and a passage in another); ``expected`` is ``refuted``,
``supported`` or ``none`` (anything but Supported: the source does not say it, or says
otherwise). Lines starting with ``#`` are comments. The claim is its own brief and the passage
its only evidence, in the row's language (English when none is given), judged by the default
verifier with the bundled models, as ``groundbrief explain`` would judge that pair.

The sets are small and were written by the sessions that changed the verifier (which set was
written before which change is said in its first line and in docs/evaluation.md), so they show
what a change does to one kind of brief, not a rate to quote for briefs in general.

    .venv/bin/python benchmarks/eval_probes.py benchmarks/data/plain_set3.tsv [more.tsv ...] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from _common import REPO  # noqa: F401  (puts this checkout's src first on the path)


def read_rows(path: Path) -> list[tuple[str, str, str, str]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) not in (3, 4) or cells[2] not in ("refuted", "supported", "none"):
            raise SystemExit(f"{path}:{n}: expected claim<TAB>passage<TAB>refuted|supported|none"
                             "[<TAB>language]; fix the row")
        rows.append((cells[0], cells[1], cells[2], cells[3] if len(cells) == 4 else "en"))
    return rows


def judge(verifier, claim: str, passage: str, language: str):
    """``language``: both texts' language, or "claim/passage" for two ("nl/en")."""
    from groundbrief.models import Brief, Claim, Passage, ScoredPassage, Source

    brief_language, _, source_language = language.partition("/")
    sp = ScoredPassage(
        passage=Passage(id="p1", source_id="s1", ordinal=0, start=0, end=len(passage), text=passage),
        source=Source(id="s1", title="News", outlet="Example News", text=passage,
                      language=source_language or brief_language),
        score=1.0)
    return verifier.verify(Claim(id="c1", text=claim), [sp], Brief(text=claim, language=brief_language))


def score(rows, verdicts: list[str]) -> dict:
    """Per expected class: how many rows, their verdicts, and the share judged as expected."""
    out: dict = {}
    for expected in ("refuted", "none", "supported"):
        got = [v for (_, _, e, _), v in zip(rows, verdicts) if e == expected]
        if not got:
            continue
        ok = sum(v == expected if expected != "none" else v != "supported" for v in got)
        out[expected] = {"n": len(got), "verdicts": dict(Counter(got)), "as_expected": ok}
    changed = [v for (_, _, e, _), v in zip(rows, verdicts) if e != "supported"]
    out["false_supported"] = sum(v == "supported" for v in changed)
    out["changed"] = len(changed)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--json", action="store_true", help="print the results as one JSON object")
    ap.add_argument("--rows", action="store_true", help="print each row's verdict and reason")
    args = ap.parse_args(argv)
    from groundbrief.verify import DefaultVerifier

    verifier = DefaultVerifier()
    results = {}
    for path in args.files:
        rows = read_rows(path)
        verdicts = []
        for claim, passage, expected, language in rows:
            out = judge(verifier, claim, passage, language)
            verdicts.append(out.verdict.value.replace("not_enough_evidence", "none"))
            if args.rows:
                print(f"{expected:9s} {out.verdict.value:20s} {claim} || {out.reason}",
                      file=sys.stderr)
        results[path.name] = score(rows, verdicts)
    if args.json:
        print(json.dumps(results))
        return 0
    for name, res in results.items():
        parts = [f"{e}: {res[e]['as_expected']}/{res[e]['n']} as expected {res[e]['verdicts']}"
                 for e in ("refuted", "none", "supported") if e in res]
        print(f"{name}: false Supported {res['false_supported']} of {res['changed']} changed; "
              + "; ".join(parts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
