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

``--json`` prints each set's figures under its name and the sets together under "all" (the
quality gate holds those at its floors).
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


def total(per_file) -> dict:
    """The sets together, as shares a quality gate can hold at or above a floor: changed rows
    not judged Supported, refuted rows Refuted, restatements Supported."""
    per_file = list(per_file)

    def count(expected: str, field: str) -> int:
        return sum(r[expected][field] for r in per_file if expected in r)

    changed = sum(r["changed"] for r in per_file)
    out = {"changed": changed, "false_supported": sum(r["false_supported"] for r in per_file)}
    out["changed_not_supported"] = round(1 - out["false_supported"] / max(1, changed), 4)
    for expected, name in (("refuted", "refuted_recall"), ("supported", "restatements_supported")):
        n = count(expected, "n")
        out[name] = round(count(expected, "as_expected") / max(1, n), 4)
        out[f"{expected}_rows"] = n
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
        results[path.stem] = score(rows, verdicts)
    results["all"] = total(results.values())
    if args.json:
        print(json.dumps(results))
        return 0
    for name, res in results.items():
        if name == "all":
            print(f"all sets: {res['false_supported']} of {res['changed']} changed rows Supported; "
                  f"refuted rows Refuted {res['refuted_recall']:.3f} of {res['refuted_rows']}; "
                  f"restatements Supported {res['restatements_supported']:.3f} of "
                  f"{res['supported_rows']}")
            continue
        parts = [f"{e}: {res[e]['as_expected']}/{res[e]['n']} as expected {res[e]['verdicts']}"
                 for e in ("refuted", "none", "supported") if e in res]
        print(f"{name}: false Supported {res['false_supported']} of {res['changed']} changed; "
              + "; ".join(parts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
