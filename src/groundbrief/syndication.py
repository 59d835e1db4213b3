"""Independent sources: syndicated copies and near-duplicates grouped, so that a claim's support
is counted in independent reports, not in copies of one wire story.

Two sources are copies of one report when most of the shorter one's text occurs in the longer
one: the share of its word 5-grams ("shingles") found in the other reaches ``COPY_SHARE``.
Containment rather than overlap, because outlets trim, retitle and append to an agency story
but rarely rewrite it. Groups are the connected components of that relation (a chain of copies
is one report). A group is an agency story when one of its sources is an agency or its text
carries an agency credit ("(Reuters) -", "(AP) —", "AFP").

This is near-duplicate text only; grouping sources into stories (same event, different
reporting) is a separate matter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .models import Check, Claim, Explainer, IndependentReports, Source

COPY_SHARE = 0.5
SHINGLE = 5
_WORD = re.compile(r"\w+", re.UNICODE)
AGENCIES = {
    "reuters": "Reuters", "associated press": "AP", "ap": "AP", "afp": "AFP",
    "agence france-presse": "AFP", "dpa": "dpa", "efe": "EFE", "ansa": "ANSA", "kyodo": "Kyodo",
    "xinhua": "Xinhua", "tass": "TASS", "press association": "PA", "pa media": "PA",
    "bloomberg": "Bloomberg", "anadolu": "Anadolu", "belga": "Belga", "apa": "APA",
}
_CREDIT = re.compile(r"\((Reuters|AP|AFP|dpa|EFE|ANSA|Kyodo|Xinhua|TASS|PA|Bloomberg)\)"
                     r"|\b(Reuters|Associated Press|Agence France-Presse|AFP)\b")


def shingles(text: str) -> set[int]:
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < SHINGLE:
        return {hash(" ".join(words))} if words else set()
    return {hash(" ".join(words[i:i + SHINGLE])) for i in range(len(words) - SHINGLE + 1)}


def copies(a: set[int], b: set[int]) -> bool:
    if not a or not b:
        return False
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small & large) / len(small) >= COPY_SHARE


def group_copies(sources: Sequence[Source]) -> list[list[Source]]:
    """Sources in groups of copies of one report, each group in input order, groups in the order
    of their first member."""
    prints = [shingles(s.text) for s in sources]
    parent = list(range(len(sources)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(sources)):
        for j in range(i + 1, len(sources)):
            if find(i) != find(j) and copies(prints[i], prints[j]):
                parent[find(j)] = find(i)
    groups: dict[int, list[Source]] = {}
    for i, source in enumerate(sources):
        groups.setdefault(find(i), []).append(source)
    return list(groups.values())


def agency_of(group: Iterable[Source]) -> str | None:
    for source in group:
        name = (source.outlet or "").strip().lower()
        if name in AGENCIES:
            return AGENCIES[name]
    for source in group:
        m = _CREDIT.search(source.text[:600])
        if m:
            credit = (m.group(1) or m.group(2)).lower()
            return AGENCIES.get(credit, m.group(1) or m.group(2))
    return None


def independent_reports(sources: Sequence[Source]) -> IndependentReports:
    groups = group_copies(sources)
    outlets = {(s.outlet or s.url or s.id).lower() for s in sources}
    agency = agency_of(groups[0]) if len(groups) == 1 and len(outlets) > 1 else None
    return IndependentReports(
        outlets=len(outlets), reports=len(groups),
        groups=[[s.id for s in g] for g in groups], agency=agency,
        summary=_summary(len(outlets), groups, agency),
    )


def _summary(outlets: int, groups: list[list[Source]], agency: str | None) -> str:
    noun = "outlet" if outlets == 1 else "outlets"
    if len(groups) == 1:
        if outlets == 1:
            return "reported by 1 outlet"
        if agency:
            return f"reported by {outlets} {noun}, all from one {agency} agency story"
        return f"reported by {outlets} {noun}, all copies of one story"
    copied = sum(len(g) > 1 for g in groups)
    line = f"reported by {outlets} {noun} in {len(groups)} independent reports"
    if copied:
        line += f" ({copied} of them copied by more than one outlet)"
    return line


def annotate(explainer: Explainer, sources: dict[str, Source]) -> Explainer:
    """Each claim with evidence gets its independent-report count (``Claim.independence``),
    and Source Transparency says it for every claim whose evidence has copies in it."""
    claims: list[Claim] = []
    lines = []
    for claim in explainer.claims:
        cited = list(dict.fromkeys(c.source_id for c in claim.evidence))
        found = [sources[sid] for sid in cited if sid in sources]
        if found:
            reports = independent_reports(found)
            claim = claim.model_copy(update={"independence": reports})
            if reports.reports < len(found):
                lines.append(f"{claim.text}: {reports.summary}")
        claims.append(claim)
    explainer.claims = claims
    if lines:
        explainer.transparency.checks.append(Check(
            name="independent reports (syndicated copies counted once)",
            outcome="; ".join(lines)))
    return explainer
