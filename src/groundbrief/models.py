"""Typed records passed between the pipeline's stages.

Every stage takes and returns these models; the store persists them as they are, so a run can
be inspected, re-rendered and resumed. Field names follow ``DESIGN.md`` ("The explainer as
JSON"): other tools read those keys, so renaming one is a breaking change.
"""

from __future__ import annotations

from datetime import datetime, timezone
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_serializer, field_validator


def utc(dt: datetime) -> datetime:
    """Return ``dt`` as an aware UTC datetime (naive values are taken to be UTC)."""
    if dt.tzinfo is None:
        return dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc)


def iso(dt: datetime | None) -> str | None:
    """ISO 8601 UTC with a ``Z`` suffix, second precision: the one time format we publish."""
    if dt is None:
        return None
    return utc(dt).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class TimeModel(Model):
    """Serialises every datetime field as ISO 8601 UTC (``2024-05-01T12:00:00Z``)."""

    @field_serializer("*", when_used="always", check_fields=False)
    def _times(self, value: Any) -> Any:
        if isinstance(value, datetime):
            return iso(value)
        return value


class Verdict(str, Enum):
    SUPPORTED = "supported"
    REFUTED = "refuted"
    CONFLICTING = "conflicting"
    NOT_ENOUGH_EVIDENCE = "not_enough_evidence"
    NOT_CHECKWORTHY = "not_checkworthy"

    @property
    def label(self) -> str:
        return {
            "supported": "Supported",
            "refuted": "Refuted",
            "conflicting": "Conflicting",
            "not_enough_evidence": "Not enough evidence",
            "not_checkworthy": "Not check-worthy",
        }[self.value]


# ---------------------------------------------------------------- sources and passages


class Source(TimeModel):
    """One article in the store. Everything shown about a source comes from here (I2)."""

    id: str
    url: str | None = None  # canonical URL
    title: str
    outlet: str | None = None
    authors: list[str] = Field(default_factory=list)
    published_at: datetime | None = None
    language: str | None = None
    text: str
    content_hash: str = ""
    # Licence and credit line that must travel with every citation of this source
    # (e.g. Wikinews is CC BY 2.5).
    attribution: str | None = None
    origin: str | None = None  # file or feed it was ingested from

    @field_validator("published_at")
    @classmethod
    def _utc(cls, v: datetime | None) -> datetime | None:
        return utc(v) if v is not None else None


class Passage(Model):
    """A sentence window of a source, with character offsets into ``Source.text``."""

    id: str
    source_id: str
    ordinal: int
    start: int
    end: int
    text: str


class ScoredPassage(Model):
    """A passage returned by retrieval, with the scores that ranked it."""

    passage: Passage
    source: Source
    score: float  # fused rank score
    lexical_rank: int | None = None
    dense_rank: int | None = None
    similarity: float = 0.0  # cosine similarity of the dense vectors


# ---------------------------------------------------------------- brief and claims


class Brief(Model):
    """The brief as parsed: verbatim text plus what the parser recognised in it."""

    text: str
    language: str | None = None
    speaker: str | None = None
    role: str | None = None
    outlet: str | None = None  # outlet or programme named in the brief ("V24")
    medium: str | None = None  # "interview", "statement", "post" ...
    handles: dict[str, str] = Field(default_factory=dict)  # "@Assita_Kanko" -> "Assita Kanko"
    hashtags: list[str] = Field(default_factory=list)
    truncated: bool = False


ClaimKind = Literal["content", "attribution", "opinion"]


class Citation(Model):
    source_id: str
    passage_id: str
    start: int
    end: int
    quote: str  # the cited passage's text, verbatim from the store
    support: float  # verifier's support (entailment) score, 0..1
    contradiction: float = 0.0


class Claim(Model):
    id: str
    text: str
    kind: ClaimKind = "content"
    speaker: str | None = None
    verdict: Verdict = Verdict.NOT_ENOUGH_EVIDENCE
    confidence: float = 0.0
    evidence: list[Citation] = Field(default_factory=list)
    reason: str | None = None  # why it is not supported, in words; None when supported
    # The signals that decided the verdict, e.g. {"max_support": 0.91, "numbers_match": true}.
    signals: dict[str, Any] = Field(default_factory=dict)
    # For an attribution claim: the id of the content claim it attributes.
    content_claim_id: str | None = None
    quotes: list[str] = Field(default_factory=list)  # quoted spans in the claim


class PassageJudgement(Model):
    """The verifier's view of one passage for one claim."""

    passage_id: str
    support: float
    contradiction: float
    neutral: float = 0.0
    signals: dict[str, Any] = Field(default_factory=dict)


class ClaimVerification(Model):
    """The verifier's output for one claim."""

    claim_id: str
    verdict: Verdict
    confidence: float
    judgements: list[PassageJudgement] = Field(default_factory=list)
    signals: dict[str, Any] = Field(default_factory=dict)
    reason: str | None = None


# ---------------------------------------------------------------- the explainer


class Statement(Model):
    text: str
    citations: list[Citation] = Field(default_factory=list)
    claim_id: str | None = None  # set when the statement reports a claim of the brief
    # Publication date (YYYY-MM-DD) of the cited source, for the dated sections (Context, What to
    # Watch Next): background from 1987 must not read as current. None when the source is undated.
    date: str | None = None


class Unclear(Model):
    claim_id: str
    text: str
    verdict: Verdict
    reason: str
    # What a refuting source says instead (Refuted, and the refuting side of Conflicting): its
    # sentence verbatim from the stored passage, cited to that passage (I1, I2).
    correction: Statement | None = None
    # For a Conflicting claim, the other side: what a supporting source says, verbatim, cited.
    confirmation: Statement | None = None


class FAQItem(Model):
    question: str
    answer: list[Statement]
    # Said instead of an answer when no source in the store answers the question (answer empty).
    unanswered: str | None = None


class Related(Model):
    id: str
    headline: str
    score: float


class SourceRef(TimeModel):
    """A numbered entry of the Sources section, copied from the store (I2)."""

    id: str
    n: int
    title: str
    outlet: str | None = None
    url: str | None = None
    published_at: datetime | None = None
    language: str | None = None
    attribution: str | None = None


class Check(Model):
    name: str
    outcome: str


class Transparency(TimeModel):
    """Figures of this run only (I8)."""

    as_of: datetime | None = None
    corpus_as_of: datetime | None = None  # newest publication time among usable sources
    sources_in_store: int
    passages_in_store: int
    sources_searched: int  # sources usable under the as-of filter
    passages_retrieved: int
    sources_considered: int  # distinct sources among retrieved passages
    sources_cited: int
    claims: int
    verdicts: dict[str, int]
    checks: list[Check] = Field(default_factory=list)
    backends: dict[str, str] = Field(default_factory=dict)
    models: list[str] = Field(default_factory=list)
    timings_s: dict[str, float] = Field(default_factory=dict)
    caveats: list[str] = Field(default_factory=list)


class ChangeEntry(TimeModel):
    version: int
    at: datetime
    changes: list[str]


class Explainer(TimeModel):
    id: str
    version: int
    run_id: str
    headline: str
    published_at: datetime
    updated_at: datetime
    language: str | None = None
    as_of: datetime | None = None
    brief: Brief
    # Said plainly when the sources confirm nothing (I10); not a Statement, as it cites nothing.
    notice: str | None = None
    summary: list[Statement] = Field(default_factory=list)
    what_we_know: list[Statement] = Field(default_factory=list)
    still_unclear: list[Unclear] = Field(default_factory=list)
    context: list[Statement] = Field(default_factory=list)
    why_it_matters: list[Statement] = Field(default_factory=list)
    watch_next: list[Statement] = Field(default_factory=list)
    # What's Still Unclear restated as questions for What to Watch Next (uncited by nature).
    open_questions: list[str] = Field(default_factory=list)
    faq: list[FAQItem] = Field(default_factory=list)
    related: list[Related] = Field(default_factory=list)
    transparency: Transparency
    claims: list[Claim] = Field(default_factory=list)
    sources: list[SourceRef] = Field(default_factory=list)
    changelog: list[ChangeEntry] = Field(default_factory=list)
    # The brief's story (stories/finder.py): its story ids in the store and its main names, so
    # that Related coverage can link explainers of one story.
    story_ids: list[str] = Field(default_factory=list)
    story_names: list[str] = Field(default_factory=list)

    def cited_statements(self) -> list[tuple[str, Statement]]:
        """Every statement that must carry a citation (I1), with its section name."""
        out: list[tuple[str, Statement]] = []
        for name in ("summary", "what_we_know", "context", "why_it_matters", "watch_next"):
            out.extend((name, s) for s in getattr(self, name))
        for item in self.faq:
            out.extend(("faq", s) for s in item.answer)
        return out

    def source_number(self, source_id: str) -> int:
        for ref in self.sources:
            if ref.id == source_id:
                return ref.n
        raise KeyError(source_id)


class ExplainerSummary(TimeModel):
    """A row of ``groundbrief list``."""

    id: str
    version: int
    headline: str
    updated_at: datetime
    verdicts: dict[str, int] = Field(default_factory=dict)


class IngestReport(Model):
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    problems: list[str] = Field(default_factory=list)  # one line each: "file:line: what, fix"

    def line(self) -> str:
        return (
            f"{self.new} new, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.rejected} rejected"
        )


class StoryMaterial(Model):
    """The brief's story as the pipeline found it (stories/finder.py): what Context, Why It
    Matters, What to Watch Next and the FAQ may draw on (I11)."""

    story_ids: list[str] = Field(default_factory=list)
    # Main names of the brief that the story's sources carry (name keys).
    names: list[str] = Field(default_factory=list)
    # Passages of the story's own sources, most similar to the brief first.
    passages: list[ScoredPassage] = Field(default_factory=list)
    # Passages of earlier stories that share the story's main names (dated background).
    background: list[ScoredPassage] = Field(default_factory=list)


class ComposeInput(Model):
    """Everything the writer may use. It may not use anything else (no free text, no network)."""

    explainer_id: str
    run_id: str
    published_at: datetime
    updated_at: datetime
    as_of: datetime | None = None
    brief: Brief
    claims: list[Claim]  # verified: verdict, confidence, evidence, reason set
    # Passages retrieved for the brief and its claims, best first, with their sources.
    retrieved: list[ScoredPassage] = Field(default_factory=list)
    related: list[Related] = Field(default_factory=list)
    # Filled by the pipeline except sources_cited, which the writer sets once it has cited.
    transparency: Transparency
    story: StoryMaterial = Field(default_factory=StoryMaterial)
