"""The brief side of the pipeline: parse → claims → retrieve → verify → compose → store.

Each stage's output is saved under the run id (``run_stages``), so a run can be inspected and
re-rendered. Times are passed in (``now``), never read from the clock inside a stage, so that
the same brief, store and settings give the same explainer (I7); only the measured durations
in ``transparency.timings_s`` differ between runs.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

import numpy as np

from .config import Settings
from .coverage import StoreCounts, coverage_warnings
from .errors import DeadlineError
from .interfaces import BriefParser, ClaimExtractor, Embedder, Retriever, Store, Verifier, Writer
from .models import (
    Brief,
    ChangeEntry,
    Check,
    Citation,
    Claim,
    ClaimVerification,
    ComposeInput,
    Explainer,
    ScoredPassage,
    Related,
    Transparency,
    Verdict,
    iso,
    utc,
)
from .stories import group_ungrouped
from .stories.finder import StoryFinder
from .stories.related import explainer_story, related
from .syndication import annotate as annotate_independence
from .text import short_hash
from .verify.gate import gate

Progress = Callable[[str], None]

# A claim's evidence, for verifiers that do not name their supporting/refuting passages:
# passages whose support (or contradiction) reaches this score.
EVIDENCE_MIN = 0.5
MAX_EVIDENCE = 3
BRIEF_CONTEXT_K = 12  # passages retrieved for the brief as a whole (story context)


def explainer_id(brief_text: str, as_of: datetime | None) -> str:
    """Same brief (up to whitespace) and as-of → same explainer, which gains versions."""
    key = " ".join(brief_text.split()) + "|" + (iso(as_of) or "")
    return "exp_" + short_hash(key, 12)


class Pipeline:
    def __init__(
        self,
        settings: Settings,
        store: Store,
        embedder: Embedder,
        parser: BriefParser,
        extractor: ClaimExtractor,
        retriever: Retriever,
        verifier: Verifier,
        writer: Writer,
    ):
        self.settings = settings
        self.store = store
        self.embedder = embedder
        self.parser = parser
        self.extractor = extractor
        self.retriever = retriever
        self.verifier = verifier
        self.writer = writer
        self.stories = StoryFinder(store)

    def explain(
        self,
        text: str,
        *,
        now: datetime,
        as_of: datetime | None = None,
        progress: Progress | None = None,
        origin: str | None = None,
    ) -> Explainer:
        """``origin``: the URL the brief was fetched from (``explain --url``), kept with it."""
        say = progress or (lambda _stage: None)
        now = utc(now)
        as_of = utc(as_of) if as_of is not None else None
        timings: dict[str, float] = {}
        t_all = time.perf_counter()

        def timed(stage: str, fn: Callable[[], Any]) -> Any:
            say(stage)
            t0 = time.perf_counter()
            out = fn()
            timings[stage] = round(time.perf_counter() - t0, 3)
            return out

        brief = timed("parse", lambda: self.parser.parse(text))
        if origin:
            brief.origin = origin
        exp_id = explainer_id(brief.text, as_of)
        fingerprint = self.settings.fingerprint()
        run_id = "run_" + short_hash(json.dumps(
            [brief.text, iso(as_of), iso(now), self.store.generation, fingerprint]), 16)
        self.store.start_run(run_id, brief.text, fingerprint, as_of, now)
        self.store.save_stage(run_id, "brief", brief)

        claims: list[Claim] = timed("claims", lambda: self.extractor.extract(brief))
        # Bounded work per brief (docs/reliability.md): a 5,000-character brief once made
        # 319 claims and held the web's only worker for 225 s.
        extracted = len(claims)
        claims = claims[: self.settings.max_claims_per_brief]
        self.store.save_stage(run_id, "claims", claims)
        deadline = _Deadline(self.settings.explain_deadline_s, t_all, len(claims),
                             lambda: self.store.finish_run(run_id, "failed", None, None))

        def retrieve_all() -> tuple[dict[str, list[ScoredPassage]], list[ScoredPassage]]:
            per_claim = {
                c.id: deadline.check(i, lambda c=c: self.retriever.retrieve(
                    c.text, k=self.settings.retrieve_k, as_of=as_of))
                for i, c in enumerate(claims) if c.kind != "opinion"
            }
            story = self.retriever.retrieve(brief.text, k=BRIEF_CONTEXT_K, as_of=as_of)
            return per_claim, story

        per_claim, story = timed("retrieve", retrieve_all)
        self.store.save_stage(run_id, "retrieved", {
            "claims": {cid: [p.passage.id for p in ps] for cid, ps in per_claim.items()},
            "brief": [p.passage.id for p in story],
        })

        by_passage = {p.passage.id: p for ps in per_claim.values() for p in ps}

        def verify_all() -> list[ClaimVerification]:
            # The detail gate (verify/gate.py) is the verify stage's last step, for every
            # verifier backend: what is stored below is the verdict that is published.
            out = []
            for i, c in enumerate(claims):
                v = deadline.check(i, lambda c=c: self.verifier.verify(
                    c, per_claim.get(c.id, []), brief))
                cited = _apply(c, v, by_passage).evidence
                out.append(gate(c, v, cited, self._names_across(brief, cited, by_passage)))
            return out

        verifications = timed("verify", verify_all)
        self.store.save_stage(run_id, "verifications", verifications)
        claims = [_apply(c, v, by_passage) for c, v in zip(claims, verifications, strict=True)]

        retrieved = _merge_retrieved(claims, per_claim, story)
        brief_vector = self.embedder.embed(brief.text)

        def find_story():
            if self.store.sources_without_story():
                # A store written before story grouping existed: group it once, here.
                group_ungrouped(self.store)
            return self.stories.find(brief, claims, retrieved, brief_vector, as_of)

        story_material = timed("story", find_story)
        self.store.save_stage(run_id, "story", {
            "story_ids": story_material.story_ids, "names": story_material.names,
            "passages": [p.passage.id for p in story_material.passages],
            "background": [p.passage.id for p in story_material.background],
        })
        related = timed("related", lambda: self._related(
            exp_id, brief_vector, story_material.story_ids + story_material.linked_story_ids,
            story_material.names))

        counts = self.store.counts(as_of)
        warnings = coverage_warnings(StoreCounts.from_store(counts), brief, as_of=as_of, now=now)
        previous = self.store.latest_explainer(exp_id)
        verdict_counts = {v.value: 0 for v in Verdict}
        for c in claims:
            verdict_counts[c.verdict.value] += 1
        transparency = Transparency(
            as_of=as_of,
            corpus_as_of=datetime.fromtimestamp(counts["newest_ts"], tz=timezone.utc)
            if counts["newest_ts"] is not None else None,
            sources_in_store=counts["sources"],
            passages_in_store=counts["passages"],
            sources_searched=counts["usable_sources"],
            passages_retrieved=len(retrieved),
            sources_considered=len({p.source.id for p in retrieved}),
            outlets_considered=len({p.source.outlet for p in retrieved if p.source.outlet}),
            sources_cited=0,
            claims=len(claims),
            verdicts=verdict_counts,
            checks=_checks(claims, verifications),
            backends={
                "store": f"{self.store.name} ({getattr(self.store, 'label', self.store.path.name)})",
                "retriever": getattr(self.retriever, "name", type(self.retriever).__name__),
                "embedder": self.embedder.name,
                "verifier": self.verifier.name,
                "writer": self.writer.name,
            },
            models=_models(self.embedder, self.verifier, verifications),
            caveats=_caveats(brief, counts, as_of) + _unchecked(extracted, len(claims)),
        )
        material = ComposeInput(
            explainer_id=exp_id,
            run_id=run_id,
            published_at=previous.published_at if previous else now,
            updated_at=now,
            as_of=as_of,
            brief=brief,
            claims=claims,
            retrieved=retrieved,
            related=related,
            transparency=transparency,
            story=story_material,
        )
        explainer: Explainer = timed("compose", lambda: self.writer.compose(material))
        explainer.warnings = warnings
        # Copies of one wire story count once (I8: the figures are this run's).
        cited_ids = {c.source_id for claim in explainer.claims for c in claim.evidence}
        explainer = annotate_independence(explainer, self.store.get_sources(cited_ids))
        timings["total"] = round(time.perf_counter() - t_all, 3)
        explainer.transparency.timings_s = timings

        explainer = self._version(explainer, previous, brief_vector)
        self.store.save_stage(run_id, "explainer", explainer)
        self.store.finish_run(run_id, "done", explainer.id, explainer.version)
        return explainer

    # ------------------------------------------------------------------ helpers

    def _names_across(self, brief: Brief, cited: list[Citation],
                      passages: dict[str, ScoredPassage]):
        """The verifier's matcher of names across languages (DefaultVerifier.names), when the
        brief and a cited source are in two known languages; None otherwise or for a backend
        without one, so the detail gate reads names as the verifier did."""
        langs = {passages[c.passage_id].source.language for c in cited if c.passage_id in passages}
        if not brief.language or not any(lang and lang != brief.language for lang in langs):
            return None
        return getattr(self.verifier, "names", None)

    def _related(self, exp_id: str, vector: np.ndarray, story_ids: list[str],
                 names: list[str]) -> list[Related]:
        """Explainers of the same story, or close in meaning and naming the same people,
        places or bodies (stories/related.py)."""
        this = explainer_story(exp_id, "", vector, story_ids, names)
        return related(this, (explainer_story(*row) for row in self.store.explainer_stories()),
                       cosine_alone=self.settings.related_min_score)

    def _version(self, explainer: Explainer, previous: Explainer | None,
                 vector: np.ndarray) -> Explainer:
        """Give the explainer its version: a new one only when its content changed.

        A re-check that changes nothing keeps the version (and its timestamps) and records
        this run's transparency, so the same inputs give the same output (I7).
        """
        digest = content_digest(explainer)
        latest = self.store.latest_digest(explainer.id)
        # The previous version's digest is recomputed too, so a change in how digests are made
        # (scores rounded since 2026-12-01) does not bump every stored explainer once.
        if previous is not None and (latest is not None and latest[1] == digest
                                     or content_digest(previous) == digest):
            explainer.version = previous.version
            explainer.published_at = previous.published_at
            explainer.updated_at = previous.updated_at
            explainer.changelog = previous.changelog
            self.store.replace_explainer(explainer)
            return explainer
        explainer.version = previous.version + 1 if previous else 1
        changes = describe_changes(previous, explainer) if previous else ["first version"]
        explainer.changelog = (previous.changelog if previous else []) + [
            ChangeEntry(version=explainer.version, at=explainer.updated_at, changes=changes)
        ]
        self.store.save_explainer(explainer, digest, vector)
        return explainer


def content_digest(explainer: Explainer) -> str:
    """Hash of what a reader sees as the explainer's substance (not run figures or times)."""
    data = explainer.model_dump(mode="json", include={
        "headline", "summary", "what_we_know", "still_unclear", "context", "why_it_matters",
        "watch_next", "faq", "related", "claims", "sources", "notice", "warnings",
    })
    if not data["warnings"]:
        del data["warnings"]  # explainers stored before warnings existed keep their digest
    return hashlib.sha256(json.dumps(_rounded(data), sort_keys=True).encode()).hexdigest()


def _rounded(value):
    """Scores to 4 decimals: the same explainer computed in another process (a Dask worker, the
    web server, a later refresh) differs in the 8th decimal of a cosine (numpy's summation
    order), which is no change a reader could see and must not make a new version."""
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def describe_changes(old: Explainer, new: Explainer) -> list[str]:
    changes: list[str] = []
    old_claims = {c.text: c.verdict for c in old.claims}
    for c in new.claims:
        before = old_claims.get(c.text)
        if before is None:
            changes.append(f"new claim: {c.text} ({c.verdict.label})")
        elif before != c.verdict:
            line = f"verdict changed: {c.text}: {before.label} → {c.verdict.label}"
            confirmed_by = _outlets(new, c) if c.verdict == Verdict.SUPPORTED else ""
            if confirmed_by:
                subject = (f"the attribution to {c.speaker}" if c.kind == "attribution"
                           and c.speaker else "the claim")
                line += f"; {subject} is now confirmed by {confirmed_by}"
            changes.append(line)
    old_sources = {s.id for s in old.sources}
    added = [s for s in new.sources if s.id not in old_sources]
    if added:
        changes.append("new sources: " + "; ".join(s.title for s in added))
    removed = old_sources - {s.id for s in new.sources}
    if removed:
        changes.append(f"{len(removed)} source(s) no longer cited")
    if old.headline != new.headline:
        changes.append(f"headline: {new.headline}")
    return changes or ["sections updated from the same sources"]


def _outlets(explainer: Explainer, claim: Claim) -> str:
    """"Reuters (“Title”) and AP (“Title”)": the sources of a claim's evidence, from the store."""
    refs = {s.id: s for s in explainer.sources}
    names = []
    for cit in claim.evidence:
        ref = refs.get(cit.source_id)
        if ref is not None:
            name = f"{ref.outlet} (“{ref.title}”)" if ref.outlet else f"“{ref.title}”"
            if name not in names:
                names.append(name)
    return " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)


def _apply(claim: Claim, v: ClaimVerification, passages: dict[str, ScoredPassage]) -> Claim:
    """Copy a verification onto its claim, with the passages that back the verdict as evidence.

    The evidence is what the verifier itself counted as supporting or refuting (its
    ``supporting``/``refuting`` signals); a verifier that does not name them is read by score.
    """
    # A joined reading (several passages of one source read together) is filed under its first
    # passage after that passage's own judgement, and replaces it here: it is the one that
    # backs the verdict, and all of its passages are cited.
    judged = {j.passage_id: j for j in v.judgements if j.passage_id in passages}

    def citations(side: str, score: str) -> list[Citation]:
        named = getattr(v.signals, side)
        if isinstance(named, list):
            chosen = [judged[pid] for pid in named if pid in judged]
        else:
            chosen = [j for j in judged.values() if getattr(j, score) >= EVIDENCE_MIN]
        chosen.sort(key=lambda j: (-getattr(j, score), j.passage_id))
        out = []
        for j in chosen[:MAX_EVIDENCE]:
            for pid in [j.passage_id, *j.signals.joined_with]:
                if pid not in passages or any(c.passage_id == pid for c in out):
                    continue
                p = passages[pid].passage
                out.append(Citation(
                    source_id=p.source_id, passage_id=p.id, start=p.start, end=p.end,
                    quote=p.text, support=round(j.support, 4),
                    contradiction=round(j.contradiction, 4),
                ))
        return out

    evidence: list[Citation] = []
    if v.verdict in (Verdict.SUPPORTED, Verdict.CONFLICTING):
        evidence += citations("supporting", "support")
    if v.verdict in (Verdict.REFUTED, Verdict.CONFLICTING):
        evidence += citations("refuting", "contradiction")
    return claim.model_copy(update={
        "verdict": v.verdict,
        "confidence": round(v.confidence, 4),
        "reason": v.reason,
        "signals": v.signals,
        "evidence": evidence,
    })


def _merge_retrieved(claims: list[Claim], per_claim: dict[str, list[ScoredPassage]],
                     story: list[ScoredPassage]) -> list[ScoredPassage]:
    """All retrieved passages, each once, best first: evidence, then claim hits, then story."""
    seen: dict[str, ScoredPassage] = {}
    evidence_ids = {c.passage_id for claim in claims for c in claim.evidence}
    pools = [p for ps in per_claim.values() for p in ps] + list(story)
    for p in sorted(pools, key=lambda p: (p.passage.id not in evidence_ids, -p.score, p.passage.id)):
        seen.setdefault(p.passage.id, p)
    return list(seen.values())


def _checks(claims: list[Claim], verifications: list[ClaimVerification]) -> list[Check]:
    """What the verifier checked in this run, and with what outcome, in words."""
    checks: list[Check] = []
    judged = sum(len(v.judgements) for v in verifications)
    checks.append(Check(
        name="claim verification",
        outcome=f"{len(claims)} claims, {judged} claim–passage pairs judged",
    ))
    # The pair checks a reader can follow: the passage is about the claim's subject, and (for
    # claims that name nothing) comes from a story that names what the brief names.
    totals: dict[str, list[int]] = {}
    for v in verifications:
        for j in v.judgements:
            for name, value in (("subject agreement", j.signals.subject_agreement),
                                ("on story", j.signals.on_story)):
                if value is not None:
                    passed, seen = totals.setdefault(name, [0, 0])
                    totals[name] = [passed + int(value), seen + 1]
    for name in sorted(totals):
        passed, seen = totals[name]
        checks.append(Check(name=name, outcome=f"{passed} of {seen} pairs passed"))
    parts = [j.signals.parts for v in verifications for j in v.judgements]
    if parts:
        parsed = [p for p in parts if p.parsed]
        outcome = (f"{len(parsed)} of {len(parts)} pairs compared part by part (who, what, "
                   f"to whom, figures, dates, stance); {sum(bool(p.conflicts) for p in parsed)}"
                   " with a conflicting part")
        if len(parsed) < len(parts):
            # The dependency parser is English only: say so where it was not used.
            unparsed = [p for p in parts if not p.parsed]
            worded = sum(bool(p.findings) for p in unparsed)
            outcome += (f"; {len(unparsed)} pairs not in English were judged by the model, name "
                        "matching and, in French, Dutch, German, Spanish, Italian or Portuguese, word "
                        "lists: each word of the "
                        "claim must stand in the source in some form, and months, negations and "
                        "refusals, opposites, names and figures are compared: "
                        f"{worded} with a changed or missing word")
        checks.append(Check(name="part-by-part comparison", outcome=outcome))
    gated = sum(v.signals.detail_gate is not None for v in verifications)
    checked = gated + sum(v.verdict == Verdict.SUPPORTED for v in verifications)
    checks.append(Check(
        name="facts of supported claims in their cited passages (I4, I5)",
        outcome=f"{gated} of {checked} supported claims moved to What's Still Unclear",
    ))
    return checks


def _models(embedder: Embedder, verifier: Verifier,
            verifications: list[ClaimVerification] | None = None) -> list[str]:
    names = [embedder.name]
    for attr in ("model_name", "nli_name"):
        value = getattr(verifier, attr, None)
        if isinstance(value, str) and value not in names:
            names.append(value)
    if verifications and any(j.signals.parts.parsed
                             for v in verifications for j in v.judgements):
        from .nlp import PARSER_NAME

        names.append(PARSER_NAME)
    return names


class _Deadline:
    """Stops an explain that runs past ``seconds`` (settings.explain_deadline_s), checked
    before each claim's retrieval and verification: the run is marked failed and nothing is
    published, so one brief cannot hold the writer (the web's only worker) for long."""

    def __init__(self, seconds: float, started: float, claims: int,
                 on_expiry: Callable[[], None]):
        self.seconds = seconds
        self.started = started
        self.claims = claims
        self.on_expiry = on_expiry

    def check(self, index: int, work: Callable[[], Any]) -> Any:
        if time.perf_counter() - self.started > self.seconds:
            self.on_expiry()
            raise DeadlineError(
                f"the explain ran past its {self.seconds:g} s deadline at claim {index + 1} of "
                f"{self.claims}; nothing was published. Shorten the brief or raise "
                "GROUNDBRIEF_EXPLAIN_DEADLINE_S")
        return work()


def _unchecked(extracted: int, kept: int) -> list[str]:
    if extracted <= kept:
        return []
    return [f"The brief holds {extracted} claims; only the first {kept} were checked "
            "(GROUNDBRIEF_MAX_CLAIMS_PER_BRIEF). Split the brief to check the rest."]


def _caveats(brief: Any, counts: dict[str, Any], as_of: datetime | None) -> list[str]:
    caveats = []
    if brief.truncated:
        caveats.append("The brief is truncated (it ends with an ellipsis); claims after the cut "
                       "could not be checked.")
    if as_of is not None and counts["undated_sources"]:
        caveats.append(f"{counts['undated_sources']} source(s) without a publication date were "
                       "left out because of the as-of filter.")
    return caveats
