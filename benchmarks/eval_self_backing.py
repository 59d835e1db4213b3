"""Does a source sentence back itself? Each English sentence of the bundled demo corpus (CC BY
Wikinews) is taken as a claim, cut as a brief's claim is (without its full stop), and compared
with that same sentence as the passage.

A sentence that fails to back itself is a rule that contradicts itself: a clause aligned with
its sibling ("how many lived and died"), a claim parsed differently from the same words in a
source, a name compared with its bracketed acronym. Any such sentence is also a true brief that
the verifier would leave unconfirmed, whatever the sources say.

    .venv/bin/python benchmarks/eval_self_backing.py [--every N] [--judge] [--json]

Without ``--judge`` the part-by-part comparison alone is run (verify/roles.py: no findings
expected); with it, the whole default verifier with the bundled models (Supported expected),
which is slower (about 20 sentences a second on two cores).
"""

from __future__ import annotations

import argparse
import json
import time

from _common import REPO, commit


def corpus_sentences(every: int) -> list[str]:
    from groundbrief.text import sentences

    path = REPO / "src" / "groundbrief" / "data" / "demo" / "corpus.jsonl"
    out: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row.get("language", "en") != "en":
            continue
        out.extend(s for s in sentences(row["text"]) if 30 <= len(s) <= 300)
    return out[::every]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--every", type=int, default=1, help="take every Nth sentence (default: all)")
    ap.add_argument("--judge", action="store_true", help="the whole verifier, not the parts alone")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    sents = corpus_sentences(args.every)
    t0 = time.perf_counter()
    unbacked: list[dict] = []
    if args.judge:
        from groundbrief.models import Brief, Claim, Passage, ScoredPassage, Source, Verdict
        from groundbrief.verify import DefaultVerifier

        verifier = DefaultVerifier()
        for i, s in enumerate(sents):
            claim = s.rstrip(".")
            sp = ScoredPassage(
                passage=Passage(id="p1", source_id="s1", ordinal=0, start=0, end=len(s), text=s),
                source=Source(id="s1", title="News", outlet="Example News", text=s, language="en"),
                score=1.0)
            out = verifier.verify(Claim(id=f"c{i}", text=claim), [sp], Brief(text=claim, language="en"))
            if out.verdict is not Verdict.SUPPORTED:
                unbacked.append({"sentence": s, "verdict": out.verdict.value, "reason": out.reason})
    else:
        from groundbrief.verify.roles import compare

        for s in sents:
            findings = compare(s.rstrip("."), s).findings
            if findings:
                unbacked.append({"sentence": s, "findings": [f.words() for f in findings]})
    seconds = time.perf_counter() - t0
    figures = {
        "benchmark": "self_backing",
        "commit": commit(),
        "judged_by": "DefaultVerifier.verify" if args.judge else "roles.compare",
        "sentences": len(sents),
        "backed": len(sents) - len(unbacked),
        "backed_share": round((len(sents) - len(unbacked)) / max(1, len(sents)), 4),
        "seconds": round(seconds, 1),
        "unbacked": unbacked,
    }
    if args.json:
        print(json.dumps(figures))
        return
    for row in unbacked:
        print(f"- {row['sentence'][:160]}\n    {row.get('findings') or row.get('reason')}")
    print(f"{figures['backed']} of {figures['sentences']} sentences backed by themselves "
          f"({figures['backed_share']:.4f}), judged by {figures['judged_by']}, {seconds:.0f} s")


if __name__ == "__main__":
    main()
