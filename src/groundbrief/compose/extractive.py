"""Compose stage, default writer: every statement is a verified claim or a source sentence.

No text is generated. A statement is either
- the text of a claim of the brief that the verification stage found Supported, cited to the
  passages that support it (that stage's detail gate, verify/gate.py, has already checked that
  its numbers, dates, names and quotes occur in those passages, I4/I5; the writer publishes the
  stored verdict and never changes it), or
- a passage of a story source, verbatim, cited to itself (support 1.0: it *is* the passage), or
- beside a refuted or conflicting claim in What's Still Unclear, what the sources say instead:
  a sentence of the refuting (or supporting) passage, verbatim, cited (compose/corrections.py).
Context, Why It Matters, What to Watch Next and the FAQ are sentences of the brief's story
(compose/story_sections.py; the story is found by stories/finder.py). When no claim is
confirmed but the story's sources exist, Context, Why It Matters, What to Watch Next and the
FAQ still draw on them, under a plain line saying they do not confirm the brief's claims; only when nothing on
the story is found does the explainer say so and stay empty (I10).
"""

from __future__ import annotations

import re

from ..brief.claims import lower_first
from ..interfaces import Writer
from ..models import (
    Check,
    Citation,
    Claim,
    ComposeInput,
    Explainer,
    ScoredPassage,
    SourceRef,
    Statement,
    Unclear,
    Verdict,
)
from . import corrections
from .headline import write_headline
from .story_sections import StorySections

MAX_KEY_FACTS = 4
# A story passage must be at least this similar to the brief to be shown as a fact about it.
MIN_STORY_SIMILARITY = 0.25

_REASONS = {
    Verdict.NOT_ENOUGH_EVIDENCE: "no source found that confirms it",
    Verdict.REFUTED: "sources refute it",
    Verdict.CONFLICTING: "sources conflict",
    Verdict.NOT_CHECKWORTHY: "an opinion, kept as the speaker's view; not a checkable fact",
}


class ExtractiveWriter(Writer):
    name = "extractive"

    def compose(self, m: ComposeInput) -> Explainer:
        claims = list(m.claims)
        supported = [c for c in claims if c.verdict == Verdict.SUPPORTED]
        uncited = [c.id for c in supported if not c.evidence]
        if uncited:
            # The verify stage's detail gate never passes a Supported claim without evidence;
            # publishing one would print an uncited fact (I1), so the run stops instead.
            raise ValueError(f"supported claims without evidence reached the writer: {uncited}")
        unclear = [c for c in claims if c not in supported]
        used: set[str] = {cit.passage_id for c in supported for cit in c.evidence}
        story_ids = _story_sources(supported)
        story = [p for p in m.retrieved if p.source.id in story_ids]

        what_we_know = [_claim_statement(c) for c in supported]
        facts = _pick(story, used, MAX_KEY_FACTS,
                      lambda p: p.similarity >= MIN_STORY_SIMILARITY)
        what_we_know += [_verbatim(p) for p in facts]

        # Context, Why It Matters, What to Watch Next and the FAQ come from the brief's story
        # only (compose/story_sections.py, I11). With no claim confirmed they still draw on that
        # story, under a plain line that it does not confirm the claims (I10); only when no
        # story is found does the explainer stay empty.
        sections = StorySections(m.story, {s.text for s in what_we_know}, used)
        # Scheduled events first, then consequences: Context's fallback (the story's sentences
        # closest to the brief) must not take the one sentence that says what comes next.
        watch = sections.watch_next()
        why = sections.why_it_matters()
        context = sections.context()
        faq = sections.faq(m.brief.speaker, watch)

        still_unclear = [_unclear(c) for c in unclear]
        summary = _summary(supported, facts)
        notice = None
        if not supported:
            what_we_know, summary = [], []
            if not claims:
                notice = "The brief holds no checkable claim."
                context, why, watch, faq = [], [], [], []
            elif context or why or watch or faq:
                notice = ("No source in the store confirms any claim of this brief; every claim "
                          "is listed under What's Still Unclear. The sources below report on the "
                          "same story; they do not confirm the brief's claims.")
            else:
                notice = ("No source in the store confirms any claim of this brief, and none "
                          "reports on its story; every claim is listed under What's Still "
                          "Unclear, and no other section is filled.")

        explainer = Explainer(
            id=m.explainer_id,
            version=1,
            run_id=m.run_id,
            headline=write_headline(m.brief, claims),
            published_at=m.published_at,
            updated_at=m.updated_at,
            language=m.brief.language,
            as_of=m.as_of,
            brief=m.brief,
            notice=notice,
            summary=summary,
            what_we_know=what_we_know,
            still_unclear=still_unclear,
            context=context,
            why_it_matters=why,
            watch_next=watch,
            # A refuted claim is no open question: the sources answer it (What's Still Unclear
            # shows what they say instead).
            open_questions=[_question(c) for c in unclear
                            if c.verdict not in (Verdict.NOT_CHECKWORTHY, Verdict.REFUTED)],
            faq=faq,
            related=m.related,
            transparency=m.transparency.model_copy(deep=True),
            claims=claims,
        )
        explainer.story_ids = list(m.story.story_ids)
        explainer.story_names = list(m.story.names)
        explainer.linked_story_ids = list(m.story.linked_story_ids)
        explainer.sources = _number_sources(
            explainer, m.retrieved + m.story.passages + m.story.background)
        t = explainer.transparency
        t.sources_cited = len(explainer.sources)
        t.checks = t.checks + _final_checks(claims)
        return explainer


# ---------------------------------------------------------------- claims


def _unclear(claim: Claim) -> Unclear:
    """A claim for What's Still Unclear, with its reason and, for a refuted or conflicting one,
    what the sources say, verbatim and cited (never "no source was cited")."""
    reason = claim.reason or _REASONS.get(claim.verdict, "not confirmed")
    if claim.verdict is Verdict.REFUTED:
        # The conflicts themselves ("sources say 95, not 89 (the age)"), else the plain words:
        # the source's own sentence beside it shows what it says.
        said = [c.line for c in corrections.conflicts(claim)]
        reason = "; ".join(said) if said else _REASONS[Verdict.REFUTED]
    return Unclear(
        claim_id=claim.id, text=claim.text, verdict=claim.verdict, reason=reason,
        correction=corrections.correction(claim),
        confirmation=corrections.confirmation(claim),
    )


def _final_checks(published: list[Claim]) -> list[Check]:
    checks: list[Check] = []
    quoted = [c for c in published if c.quotes]
    if quoted:
        ok = sum(c.verdict == Verdict.SUPPORTED for c in quoted)
        checks.append(Check(name="quotes verbatim in a cited passage",
                            outcome=f"{ok} of {len(quoted)} quoted claims confirmed"))
    attributions = [c for c in published if c.kind == "attribution"]
    if attributions:
        ok = sum(c.verdict == Verdict.SUPPORTED for c in attributions)
        checks.append(Check(name="attribution (who said it, where)",
                            outcome=f"{ok} of {len(attributions)} confirmed by a source"))
    return checks


def _claim_statement(claim: Claim) -> Statement:
    return Statement(text=_sentence(claim.text), citations=list(claim.evidence), claim_id=claim.id)


def _question(claim: Claim) -> str:
    return f"Is it confirmed that {_lcfirst(claim.text.rstrip('.!?…'))}?"


def _story_sources(supported: list[Claim]) -> set[str]:
    return {cit.source_id for c in supported for cit in c.evidence}


# ---------------------------------------------------------------- passages


def _verbatim(p: ScoredPassage) -> Statement:
    return Statement(text=p.passage.text, citations=[_cite(p)])


def _cite(p: ScoredPassage) -> Citation:
    return Citation(
        source_id=p.source.id, passage_id=p.passage.id, start=p.passage.start,
        end=p.passage.end, quote=p.passage.text, support=1.0,
    )


_CREDIT = re.compile(r"\b(?:Image|Photo|Picture|Photograph|Credit|Video)\s*:\s*[^.]{1,80}\.?\s*$",
                     re.IGNORECASE)


def _is_statement(text: str) -> bool:
    """A passage fit to stand alone as a statement: not a picture caption or credit line
    (scraped pages keep them in the text), and no quotation cut in half."""
    return not _CREDIT.search(text) and _quotes_balanced(text)


def _quotes_balanced(text: str) -> bool:
    """False for a passage that opens or closes a quotation it does not contain whole: shown
    alone, part of someone's quote would read as the outlet's own statement."""
    return text.count("“") == text.count("”") and text.count('"') % 2 == 0


def _pick(pool: list[ScoredPassage], used: set[str], limit: int, keep) -> list[ScoredPassage]:
    """Up to ``limit`` passages of ``pool`` that ``keep`` accepts, none used twice."""
    out: list[ScoredPassage] = []
    for p in pool:
        if len(out) >= limit:
            break
        if p.passage.id in used or not _is_statement(p.passage.text) or not keep(p):
            continue
        used.add(p.passage.id)
        out.append(p)
    return out


# ---------------------------------------------------------------- sections


def _summary(supported: list[Claim], facts: list[ScoredPassage]) -> list[Statement]:
    out: list[Statement] = []
    attribution = next((c for c in supported if c.kind == "attribution"), None)
    first = attribution or (supported[0] if supported else None)
    if first is not None:
        out.append(_claim_statement(first))
    content = [c for c in supported if c is not first]
    if content:
        out.append(_claim_statement(content[0]))
    if facts and len(out) < 3:
        out.append(_verbatim(facts[0]))
    return out




def _number_sources(explainer: Explainer, retrieved: list[ScoredPassage]) -> list[SourceRef]:
    """Number sources in order of first citation, reading the explainer top to bottom."""
    by_id = {p.source.id: p.source for p in retrieved}
    order: list[str] = []
    statements = [s for _, s in explainer.cited_statements()]
    statements += [s for u in explainer.still_unclear for s in (u.confirmation, u.correction) if s]
    for statement in statements:
        for cit in statement.citations:
            if cit.source_id not in order:
                order.append(cit.source_id)
    for claim in explainer.claims:
        for cit in claim.evidence:
            if cit.source_id not in order:
                order.append(cit.source_id)
    refs = []
    for n, source_id in enumerate(order, start=1):
        s = by_id[source_id]
        refs.append(SourceRef(
            id=s.id, n=n, title=s.title, outlet=s.outlet, url=s.url,
            published_at=s.published_at, language=s.language, attribution=s.attribution,
        ))
    return refs


# ---------------------------------------------------------------- wording


def _sentence(text: str, end: str = ".") -> str:
    text = text.strip()
    if text and text[-1] not in ".!?…\"'”’":
        text += end
    return text


def _lcfirst(text: str, names: set[str] | None = None) -> str:
    """Lower-case the first word after "X says" when it is an ordinary word, not a name."""
    return lower_first(text, names or set())
