"""Typed records passed between the pipeline's stages.

Every stage takes and returns these models; the store persists them as they are, so a run can
be inspected, re-rendered and resumed. Field names follow ``DESIGN.md`` ("The explainer as
JSON"): other tools read those keys, so renaming one is a breaking change.
"""

from __future__ import annotations

from datetime import datetime, timezone
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_serializer, field_validator, model_serializer


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
    # "file:line" of the record in its input; for messages only, never stored or published.
    where: str | None = Field(None, exclude=True)

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
    origin: str | None = None  # the URL the brief was fetched from (explain --url)


ClaimKind = Literal["content", "attribution", "opinion"]


class Citation(Model):
    source_id: str
    passage_id: str
    start: int
    end: int
    quote: str  # the cited passage's text, verbatim from the store
    support: float  # verifier's support (entailment) score, 0..1
    contradiction: float = 0.0


class IndependentReports(Model):
    """How many independent reports back a claim: its cited sources with syndicated copies and
    near-duplicates of one report counted once (groundbrief/syndication.py)."""

    outlets: int
    reports: int
    groups: list[list[str]] = Field(default_factory=list)  # source ids, one list per report
    agency: str | None = None  # when every source is one agency's story
    summary: str  # "reported by 3 outlets, all from one Reuters agency story"


class CorrectionSignal(Model):
    """What the sources say instead of a refuted claim, as the verifier recorded it: the
    refuting passage, its sentence aligned with the claim, the conflicts in words."""

    passage_id: str
    sentence: str | None = None
    says: list[str] = Field(default_factory=list)  # "sources say 95, not 89 (the age)"


class GatedDetail(Model):
    kind: str  # figure, date, name, quote
    text: str


class GateSignal(Model):
    """The detail gate's record of a Supported verdict it withheld (verify/gate.py)."""

    replaced: str  # the verdict it replaced
    missing: list[GatedDetail] = Field(default_factory=list)
    passages: list[str] = Field(default_factory=list)  # the passages that would have been cited


class VerdictSignals(Model):
    """Why a claim got its verdict, typed: the passages on each side and what the verifier and
    the detail gate recorded. Unset fields are left out of the JSON. Extra keys are kept, so
    that explainers stored before these fields were typed (and a claim extractor's notes on an
    attribution) still load."""

    model_config = ConfigDict(extra="allow")

    kind: str | None = None  # "opinion": settled without a model
    passages_judged: int | None = None
    model: str | None = None
    max_support: float | None = None
    max_contradiction: float | None = None
    # Passage ids that back the verdict; None when the verifier named none (read by score).
    supporting: list[str] | None = None
    refuting: list[str] | None = None
    # refuting passages of a story that states the claim, or supporting passages outweighed by
    # a clause of the same story that contradicts the claim (verify/verdict.py)
    outweighed: list[str] | None = None
    correction: CorrectionSignal | None = None
    detail_gate: GateSignal | None = None
    judge: dict[str, Any] | None = None  # the LLM judge's answer, as it gave it

    @model_serializer(mode="wrap")
    def _set_fields_only(self, handler: Any) -> Any:
        return {k: v for k, v in handler(self).items() if v is not None}


class Claim(Model):
    id: str
    text: str
    kind: ClaimKind = "content"
    speaker: str | None = None
    verdict: Verdict = Verdict.NOT_ENOUGH_EVIDENCE
    confidence: float = 0.0
    evidence: list[Citation] = Field(default_factory=list)
    reason: str | None = None  # why it is not supported, in words; None when supported
    # The signals that decided the verdict (set from the claim's verification).
    signals: VerdictSignals = Field(default_factory=VerdictSignals)
    # For an attribution claim: the id of the content claim it attributes.
    content_claim_id: str | None = None
    quotes: list[str] = Field(default_factory=list)  # quoted spans in the claim
    independence: IndependentReports | None = None  # set for claims with evidence


class DetailSignal(Model):
    """One kind of detail (figures, dates, names, quotes) of a claim looked up in a passage."""

    matched: list[str] = Field(default_factory=list)
    missing: list[str] = Field(default_factory=list)
    conflicting: list[str] = Field(default_factory=list)  # missing, and given another value


class PolaritySignal(Model):
    """Negation cues of the claim and of the passage sentence closest to it."""

    claim_cues: list[str] = Field(default_factory=list)
    passage_cues: list[str] = Field(default_factory=list)
    mismatch: bool = False
    overlap: float = 0.0  # share of the claim's content words in that sentence


class DirectionSignal(Model):
    """Direction of change ("up"/"down") stated by the claim and its closest passage sentence."""

    claim: str | None = None
    passage: str | None = None
    conflict: bool = False
    overlap: float = 0.0


class SpeakerSignal(Model):
    speaker: str
    name_found: str | None = None
    speech_verb: str | None = None
    confirmed: bool = False


class PartFinding(Model):
    """A part of the claim that the aligned passage clause fills otherwise (verify/roles.py)."""

    role: str  # "predicate", "patient", "age", "rival", "speaker", "stance" ...
    claim: str
    passage: str | None  # the passage's value in the same role, if it has one
    relation: Literal["conflict", "unbacked"]
    words: str  # the finding in a reader's words ("sources say 95, not 89 (the age)")


class PartsSignal(Model):
    """The part-by-part comparison of one claim with one passage."""

    parsed: bool = False  # False: no parse of the claim (another language, no clause)
    aligned: str | None = None  # the passage sentence compared with, when one aligns
    stance: str | None = None  # the passage's stance on the aligned clause (fact, alleged ...)
    conflicts: list[str] = Field(default_factory=list)
    unbacked: list[str] = Field(default_factory=list)
    findings: list[PartFinding] = Field(default_factory=list)


class JudgeSignal(Model):
    """What an LLM judge said of one passage (verify/llm_judge.py), next to the checks."""

    prompt_number: int | None = None
    label: str | None = None  # the judge's own label for the passage
    cited: bool = False
    counted_as: str | None = None  # the label after the checks' vetoes
    off_subject: bool = False


class PairSignals(Model):
    """Why one passage got its pair verdict: the model's reading and every check, typed.

    Recorded with the run, so an editor (and the Transparency section) can see which check
    capped or raised a score; the claim-level aggregation reads these fields.
    """

    # The pair's own verdict and its calibrated chances; None from a backend that gives none.
    verdict: Verdict | None = None
    p_supported: float | None = None
    p_refuted: float | None = None
    p_not_enough_evidence: float | None = None
    source_id: str | None = None
    outlet: str | None = None
    retrieval_score: float = 0.0
    nli: list[float] = Field(default_factory=list)  # entailment, neutral, contradiction
    numbers: DetailSignal = Field(default_factory=DetailSignal)
    dates: DetailSignal = Field(default_factory=DetailSignal)
    entities: DetailSignal = Field(default_factory=DetailSignal)
    quotes: DetailSignal = Field(default_factory=DetailSignal)
    negation: PolaritySignal = Field(default_factory=PolaritySignal)
    direction: DirectionSignal = Field(default_factory=DirectionSignal)
    speaker: SpeakerSignal | None = None
    overlap: float = 0.0
    similarity: float = 0.0
    subject_agreement: bool = False
    support_capped_by: list[str] = Field(default_factory=list)
    contradiction_raised_by: list[str] = Field(default_factory=list)
    content_support: float = 0.0
    # The passage states the claim itself: nearly all its words in one sentence, every detail,
    # the same polarity and no part that differs (verdict.aggregate weighs it).
    states_claim: bool = False
    parts: PartsSignal = Field(default_factory=PartsSignal)
    on_story: bool | None = None
    joined_with: list[str] = Field(default_factory=list)  # the other passages of a joined reading
    judge: JudgeSignal | None = None

    def probability(self, verdict: Verdict) -> float:
        p = {Verdict.SUPPORTED: self.p_supported, Verdict.REFUTED: self.p_refuted,
             Verdict.NOT_ENOUGH_EVIDENCE: self.p_not_enough_evidence}.get(verdict)
        return 0.0 if p is None else p


class PassageJudgement(Model):
    """The verifier's view of one passage for one claim."""

    passage_id: str
    support: float
    contradiction: float
    neutral: float = 0.0
    signals: PairSignals = Field(default_factory=PairSignals)


class ClaimVerification(Model):
    """The verifier's output for one claim."""

    claim_id: str
    verdict: Verdict
    confidence: float
    judgements: list[PassageJudgement] = Field(default_factory=list)
    signals: VerdictSignals = Field(default_factory=VerdictSignals)
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
    outlets_considered: int | None = None  # distinct outlets among them (None: not counted)
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
    # Said before anything else when the store cannot hold the story: it is empty, or holds
    # nothing from the brief's time (coverage.py). Uncited by nature, like the notice.
    warnings: list[str] = Field(default_factory=list)
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
    # Passage id → the citation marker every rendering shows for it ("2", or "2a" when several
    # passages of source 2 are cited). Filled by the JSON renderer from the one view model
    # (render/view.py), which owns the numbering; empty in the stored explainer.
    markers: dict[str, str] = Field(default_factory=dict)
    changelog: list[ChangeEntry] = Field(default_factory=list)
    # The brief's story (stories/finder.py): its story ids in the store and its main names, so
    # that Related coverage can link explainers of one story.
    story_ids: list[str] = Field(default_factory=list)
    story_names: list[str] = Field(default_factory=list)
    # Stories of its top sources that carry one of its names (stories/finder.py): one event's
    # reports may sit in several groups, and Related coverage links through these too.
    linked_story_ids: list[str] = Field(default_factory=list)

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
    # Records of one input that share an id (a URL) but not their text: each is kept as its
    # own source, and said so in ``notes``; exact repeats are counted, not stored twice.
    kept_apart: int = 0
    repeated: int = 0
    notes: list[str] = Field(default_factory=list)

    def line(self) -> str:
        line = (
            f"{self.new} new, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.rejected} rejected"
        )
        if self.kept_apart:
            line += f", {self.kept_apart} kept apart (same URL or id, different text)"
        if self.repeated:
            line += f", {self.repeated} repeated records skipped"
        return line


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
    # Stories of the top retrieved sources that carry one of the brief's main names, besides
    # story_ids: Related coverage links explainers through them (never a section's source).
    linked_story_ids: list[str] = Field(default_factory=list)


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
