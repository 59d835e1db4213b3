"""The default verifier: a trained NLI model, deterministic detail checks, and one verdict.

Order of work for one claim:

1. Opinions are Not check-worthy; no passages means Not enough evidence ("no source found").
2. Keep the ``top_n`` passages by retrieval score and run the NLI model on all of them in one
   batch (premise = passage, hypothesis = claim).
3. For each passage, measure the details (:mod:`groundbrief.verify.checks`) and combine them
   with the model's probabilities (:func:`score_pair`): a quote not found verbatim, or a
   number, date or name of the claim absent from the passage, caps support below the
   support threshold -- the passage cannot be the evidence for that claim (I4, I5); a
   conflicting figure or a flipped negation on the same subject raises contradiction.
4. Each passage then supports, refutes (strong contradiction *and* agreement on the subject)
   or neither (:func:`passage_verdict`); the claim is Supported if some passage supports it,
   Refuted if some refute and none support, Conflicting if independent sources (different
   source and outlet) do both, and Not enough evidence otherwise -- the honest default.
5. Confidence is the calibrated probability of the chosen outcome (:func:`calibrated`).

All thresholds are module constants tuned on the *train* part of Climate-FEVER
(``groundbrief.evaluation.splits``) by ``training/calibrate.py``; the eval part is only used by
``benchmarks/eval_pairs.py`` to report.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from ..errors import BackendError
from ..interfaces import Embedder, NLIModel, Verifier
from ..models import (
    Brief,
    Claim,
    ClaimVerification,
    PairSignals,
    PartFinding,
    PartsSignal,
    PassageJudgement,
    ScoredPassage,
    Verdict,
)
from ..words import NEGATION_WORDS
from .checks import (
    CheckResult,
    DirectionResult,
    NegationResult,
    SpeakerResult,
    check_dates,
    check_direction,
    check_entities,
    check_negation,
    check_numbers,
    check_quotes,
    check_speaker,
    content_overlap,
)
from .joined import joined_readings
from .names import NameMatcher, extract_names, name_key, passage_names, same_name
from .parts import Stance, norm
from .reading import evidence_reading
from .findings import NEGATED_OPPOSITE, NO_ANSWER
from .roles import SAID, Finding, Relation, RoleJudgement, Similarity, compare
from .crossing import compare_across
from .verdict import NOT_CONFLICTS, aggregate, settled_without_evidence, shortlist
from .wording import changed_words
from .wording_plain import changed_words_plain, figures_unspaced, negation_cues_plain

__all__ = [
    "DefaultVerifier",
    "PairEvidence",
    "VerifierSettings",
    "calibrated",
    "features",
    "measure_pair",
    "pair_signals",
    "pair_verdict",
    "passage_verdict",
    "score_pair",
]

# ---------------------------------------------------------------- tuned constants
# Fitted and tuned by `training/calibrate.py` on the *calibration* slice of the Climate-FEVER
# train part (claims the model was not trained on); run it again whenever the model changes and
# paste what it prints. Why each value is what it is, and the figures each fit gave, are in
# docs/evaluation.md ("Calibration history"); a value of 0 or 1.0 turns a rule off for this model.

#: A passage supports the claim when its (capped) support score reaches this.
SUPPORT_THRESHOLD = 0.35
#: A passage refutes the claim when its contradiction score reaches this and it agrees on the
#: subject. Kept high: a false "Refuted" is the worst error a fact-checking tool can publish.
CONTRADICTION_THRESHOLD = 0.225
#: Support is capped at this when a quote, number or date of the claim is not in the passage:
#: below every sensible threshold, so such a passage can never be the claim's evidence (I4/I5).
DETAIL_CAP = 0.10
#: Cap when a name of the claim is not in the passage. Names are often replaced by pronouns or
#: descriptions in a single sentence ("the agency"), so this cap is tuned, not fixed.
ENTITY_CAP = 1.0
#: Cap for an attribution claim whose speaker the passage does not report speaking.
ATTRIBUTION_CAP = 0.10
#: Support floor for an attribution claim whose passage names the speaker with a speech verb,
#: holds every quote of the claim verbatim and nearly all its words. Fixed, not tuned:
#: Climate-FEVER has no attributions; it is a deterministic reading of "X said 'Y'".
ATTRIBUTED_QUOTE_FLOOR = 0.90
#: Support floor for a content claim restated by one passage sentence (share of its content
#: words at least RESTATED_OVERLAP, all details present, same polarity). Fixed, not tuned.
RESTATED_OVERLAP = 0.9
RESTATED_FLOOR = 0.90
#: A passage refutes only with an explicit conflict a reader can check: a different figure or
#: date for the same thing, a flipped negation, an opposite direction of change. The bundled
#: model's contradiction alone was right about one time in four on the Climate-FEVER eval part
#: (refuted precision 0.26), and it called paraphrases of the demo stories contradictions: a
#: false "Refuted" is as harmful as a false "Supported", so model-only contradiction counts as
#: "not supported", not as a refutation. Fixed, not tuned.
REQUIRE_EXPLICIT_CONFLICT = True
#: The one exception: a contradiction score at least this high refutes without an explicit
#: conflict (still only with agreement on the subject). Tuned by training/calibrate.py on the
#: calibration slice, and only kept below 1 when refutations at that level reach the precision
#: floor there; 1.01 means model-only contradiction never refutes.
MODEL_CONFLICT_THRESHOLD = 0.7
#: Share of the claim's content words that the passage must contain to "agree on the subject"
#: when the claim names no entity (a contradiction about something else is not a refutation).
#: Fixed, not tuned: calibration on Climate-FEVER (where every passage was picked for its claim)
#: drove it to 0, which let a report of some other fire "refute" a claim about a blaze in the
#: demo store. A safety floor for open retrieval, where most passages are about something else.
SUBJECT_OVERLAP = 0.34
#: Overlap with the closest passage sentence above which a flipped negation counts, and the
#: share of the model's support moved to contradiction when it does.
NEGATION_OVERLAP = 0.6
NEGATION_TRANSFER = 0.25
#: The same rule for an opposite direction of change ("cooled" against "warming"), with its own
#: share (0 turns it off): the cue is weaker than an explicit "not".
DIRECTION_TRANSFER = 0.0
#: Contradiction floor when the passage gives a different value for a quantity or date of the
#: claim in a sentence that otherwise says the same (overlap >= NEGATION_OVERLAP): "3.1%"
#: against the claim's "2.5%". Fixed, not tuned: that is the checkable conflict a reader can
#: see, and Climate-FEVER's single sentences hold too few of them to weigh it.
CONFLICT_FLOOR = 0.6

#: The model's probabilities are first re-weighted together with two cheap signals -- the
#: cosine of claim and passage in the multilingual sentence embedding, and the share of the
#: claim's content words found in the passage -- by logistic regressions fitted on the train
#: part (training/calibrate.py). Features, in order: logit P(entailment), logit
#: P(contradiction), cosine, word overlap, 1. (1, 0, 0, 0, 0) / (0, 1, 0, 0, 0) would be the
#: model's own probabilities.
SUPPORT_WEIGHTS = (0.186, -0.3911, 1.8202, 0.4083, -2.9003)
CONTRADICTION_WEIGHTS = (-0.0528, 0.3119, 1.3827, 1.776, -2.5836)

#: Calibration: multinomial logistic regression of the gold pair label on
#: (logit support, logit contradiction), fitted by training/calibrate.py on the train part.
#: Rows: supported, refuted (not enough evidence is the reference class, logit 0).
#: Columns: weight of logit(support), weight of logit(contradiction), bias.
CALIBRATION = (
    (0.7295, -0.0783, -0.088),
    (0.2704, 1.0006, 0.7691),
)

#: The NLI model sees only the best passages by retrieval score: it is the slow part.
TOP_N = 8

@dataclass(frozen=True)
class VerifierSettings:
    """The tunable constants above, as one object (so calibration can search over them)."""

    support_threshold: float = SUPPORT_THRESHOLD
    contradiction_threshold: float = CONTRADICTION_THRESHOLD
    detail_cap: float = DETAIL_CAP
    entity_cap: float = ENTITY_CAP
    attribution_cap: float = ATTRIBUTION_CAP
    subject_overlap: float = SUBJECT_OVERLAP
    negation_overlap: float = NEGATION_OVERLAP
    negation_transfer: float = NEGATION_TRANSFER
    direction_transfer: float = DIRECTION_TRANSFER
    conflict_floor: float = CONFLICT_FLOOR
    calibration: tuple[tuple[float, float, float], ...] = CALIBRATION
    support_weights: tuple[float, ...] = SUPPORT_WEIGHTS
    contradiction_weights: tuple[float, ...] = CONTRADICTION_WEIGHTS
    top_n: int = TOP_N
    #: 0 turns the restatement rule off (a judge whose own reading must not be overridden).
    restated_floor: float = RESTATED_FLOOR
    #: Refuted only with an explicit, checkable conflict (see REQUIRE_EXPLICIT_CONFLICT).
    require_explicit_conflict: bool = REQUIRE_EXPLICIT_CONFLICT
    model_conflict_threshold: float = MODEL_CONFLICT_THRESHOLD
    #: Judge joined readings of nearby passages of one source (verify/joined.py) for a claim
    #: no single passage supports.
    join_passages: bool = True

    def with_(self, **changes: Any) -> VerifierSettings:
        return replace(self, **changes)


# ---------------------------------------------------------------- one pair


@dataclass(frozen=True)
class PairEvidence:
    """Everything measured about one claim-passage pair, before any threshold is applied."""

    probs: tuple[float, float, float]  # NLI: entailment, neutral, contradiction
    numbers: CheckResult
    dates: CheckResult
    entities: CheckResult
    quotes: CheckResult
    negation: NegationResult
    direction: DirectionResult
    overlap: float  # share of the claim's content words in the whole passage
    similarity: float = 0.0  # cosine of claim and passage embeddings (0 when not computed)
    speaker: SpeakerResult | None = None  # only for attribution claims
    attribution: bool = False
    #: the part-by-part comparison (verify/roles.py); unparsed when the pair is not English
    roles: RoleJudgement = RoleJudgement(parsed=False)
    #: names the passage sentence closest to the claim gives where a name of the claim is
    #: missing ("Hunt" in the sentence that says what the claim says of "Gove")
    displacing: tuple[str, ...] = ()
    #: details of the claim changed from the passage sentence it otherwise copies
    #: (verify/wording.py, or verify/wording_plain.py for French, Dutch and German); empty when
    #: the claim is no copy, or in a language with neither a parser nor word lists
    wording: tuple[Finding, ...] = ()


def measure_pair(
    claim_text: str,
    passage_text: str,
    probs: Sequence[float],
    *,
    quotes: list[str] | None = None,
    speaker: str | None = None,
    attribution: bool = False,
    similarity: float = 0.0,
    parse: bool = True,
    context: str = "",
    source_text: str = "",
    names: NameMatcher | None = None,
    similar: Similarity | None = None,
    language: str | None = None,
    claim_language: str | None = None,
    passage_language: str = "en",
) -> PairEvidence:
    """Run every deterministic check of ``claim_text`` against ``passage_text``.

    ``parse``: compare the two part by part (:mod:`groundbrief.verify.roles`); False where
    claim or passage is not English, the one language with a parser here. ``context``: the
    source's title, where a name of the claim may be given instead of in the passage.
    ``names``: a matcher of names across languages, for a claim and a passage in two languages
    ("Californië" / "California"). ``similar``: word similarity for the part-by-part
    comparison (synonyms in one slot). ``language``: the language claim and passage share, where
    it has no parser; a copied sentence is then compared word by word with the word lists of
    :mod:`groundbrief.verify.wording_plain`. ``claim_language`` and ``passage_language``: the
    two languages of a claim and a passage read across them, one of them English
    (:mod:`groundbrief.verify.crossing`).
    """
    entities = check_entities(claim_text, passage_text, names=names)
    negation = (check_negation(claim_text, passage_text,
                               lambda text: negation_cues_plain(text, language))
                if language in NEGATION_WORDS else check_negation(claim_text, passage_text))
    roles = (compare(claim_text, passage_text, attribution=attribution, context=context,
                     source_text=source_text, similar=similar)
             if parse else compare_across(claim_text, claim_language, passage_text, similar,
                                          passage_language)
             if claim_language and not attribution else RoleJudgement(parsed=False))
    # French, and others, part thousands with a space: "3 000" is one figure there
    numbers = check_numbers(
        figures_unspaced(claim_text) if (claim_language or language or "en") != "en"
        else claim_text,
        figures_unspaced(passage_text) if (language or passage_language) != "en"
        else passage_text)
    dates = check_dates(claim_text, passage_text)
    if claim_language and roles.restates:
        # Read across languages, every word of the claim was found translated in the cited
        # sentence, its capitalised words, numbers, weekdays and months too. The English
        # checks cannot read the other language: the name check takes "Der Minister" and
        # "Montag" for names, the date check misses "outubro" for "October", the figure
        # check "deux" for "two".
        entities, numbers, dates = (
            CheckResult(c.name, c.matched + c.missing, (), c.conflicting)
            for c in (entities, numbers, dates))
    if claim_language == "en" and passage_language not in (None, "en") and entities.missing:
        # An English brief read against a source in another language: a person it names whom
        # the source names nowhere ("appointed Rúben Faria" / "a contratação de Nuno
        # Serrão") is a detail no source gives, as in English (roles.py's unnamed people).
        people = _people_of(claim_text) & set(entities.missing)
        if people:
            roles = replace(roles, unnamed_people=tuple(sorted(people)))
    if claim_language and roles.negated is not None and roles.negated[0] == roles.negated[1]:
        # the English cue list cannot read the claim's negation ("ne ... pas", "nicht"): the
        # crossing read both sides' polarity, the same, so the cues of the passage's
        # sentence ("released ... without charge") are no mismatch
        negation = replace(negation, claim_cues=negation.passage_cues)
    return PairEvidence(
        probs=(float(probs[0]), float(probs[1]), float(probs[2])),
        numbers=numbers,
        dates=dates,
        entities=entities,
        quotes=check_quotes(claim_text, passage_text, quotes or None),
        negation=negation,
        direction=check_direction(claim_text, passage_text),
        overlap=content_overlap(claim_text, passage_text),
        similarity=float(similarity),
        speaker=check_speaker(speaker, passage_text) if speaker else None,
        attribution=attribution,
        roles=roles,
        displacing=displacing_names(claim_text, entities, negation.sentence) if names is None else (),
        wording=(changed_words(claim_text, passage_text, similar) if parse
                 else changed_words_plain(claim_text, passage_text, language, similar)),
    )


def _people_of(text: str) -> set[str]:
    """The people an English text names (the parser's PERSON entities)."""
    from ..nlp import parse

    return {ent.text for ent in parse(text).ents if ent.label_ == "PERSON"}


def displacing_names(claim_text: str, entities: CheckResult, sentence: str) -> tuple[str, ...]:
    """The names of ``sentence`` (the passage sentence closest to the claim) that stand where a
    missing name of the claim would: it names someone or something the claim does not, and
    the claim names someone it does not. A passage that names its subject by a pronoun or a
    description ("the agency") displaces nothing."""
    if not entities.missing:
        return ()
    claim_names = extract_names(claim_text)
    return tuple(n for n in dict.fromkeys(extract_names(sentence))
                 if not any(same_name(n, c) for c in claim_names)
                 and len(name_key(n).split()) <= 4)


@dataclass
class PairScore:
    support: float
    contradiction: float
    neutral: float
    caps: list[str] = field(default_factory=list)  # why support was capped, for the reason
    raised: list[str] = field(default_factory=list)  # why contradiction was raised
    agreement: bool = False  # the passage is about the claim's subject
    content_support: float = 0.0  # support before the attribution cap

    def cap_support(self, cap: float) -> None:
        """Cap support (content support too) after scoring; neutral takes up the rest."""
        self.support = min(self.support, cap)
        self.content_support = min(self.content_support, cap)
        self.neutral = max(0.0, 1.0 - self.support - self.contradiction)


def score_pair(ev: PairEvidence, s: VerifierSettings) -> PairScore:
    """Combine the model's probabilities with the checks into support and contradiction."""
    support, contradiction = stacked_scores(ev, s)
    caps: list[str] = []
    raised: list[str] = []

    # Subject agreement: a shared name, or (when the claim names nobody) enough shared words.
    if ev.entities.applicable:
        agreement = bool(ev.entities.matched)
    else:
        agreement = ev.overlap >= s.subject_overlap

    neg = ev.negation
    roles = ev.roles
    # A claim word the passage has in no form (a language without a parser): the passage
    # rewords the claim, and its "not" may negate another verb than the claim's ("reden er
    # geen treinen" for "lag het treinverkeer stil")
    reworded = any(f.role == "word" and f.relation is Relation.UNBACKED for f in ev.wording)
    if (neg.mismatch and neg.overlap >= s.negation_overlap and roles.stance is not Stance.DENIED
            and not _negation_elsewhere(neg, roles) and NEGATED_OPPOSITE not in roles.notes
            and NO_ANSWER not in roles.notes and not reworded):
        # (A clause someone denies -- "Russia denied claims that its troops shot it down" -- is
        # that party's word against the claim, not the sources saying the opposite.)
        # Same words, opposite polarity: the model (a small cross-encoder) misses a flipped
        # "not" often enough that its support is moved towards contradiction.
        moved = support * s.negation_transfer
        support -= moved
        contradiction = min(1.0, contradiction + moved)
        raised.append("negation")
    direction = ev.direction
    if direction.conflict and direction.overlap >= s.negation_overlap and s.direction_transfer:
        moved = support * s.direction_transfer
        support -= moved
        contradiction = min(1.0, contradiction + moved)
        raised.append("direction")
    # A figure and a date that both differ describe another period ("March load factor 55.5
    # pct" beside the claim's "February load factor 57.9 pct": periodic reports repeat their
    # wording), so they conflict with nothing; a figure alone for the claim's period, or a date
    # alone for the claim's figures, does. A figure beside a claim that names a period the
    # passage does not name is the same case: nothing says it is the same period.
    if ev.numbers.conflicting and (ev.dates.missing or ev.dates.conflicting):
        conflicts = []
    else:
        conflicts = list(ev.numbers.conflicting) + list(ev.dates.conflicting)
    # Another figure only contradicts when the passage makes the same statement about the same
    # thing (high word overlap with its closest sentence): "rose 3.1 pct" against the claim's
    # "rose 2.5 pct", not a percentage of something else.
    if conflicts and agreement and neg.overlap >= s.negation_overlap:
        contradiction = max(contradiction, s.conflict_floor)
        raised.extend(conflicts)
    # Part by part: the clause of the passage that speaks of the claim's event fills one of its
    # roles with another value (Hunt for Gove, 95 for 89, released for arrested, unlawful for
    # lawful): a conflict a reader can check in the passage. It needs the clause to share a
    # participant with the claim (roles.agreement), so another event is never a refutation.
    # An attribution is refuted only by its speaker not saying it ("X did not say Y"): another
    # detail may be the speaker's own error, which the attribution reports faithfully.
    role_conflicts = [f.words() for f in roles.conflicts
                      if not ev.attribution or (f.role == "polarity" and f.claim == SAID)]
    if role_conflicts and roles.agreement and _names_explained(ev):
        agreement = True
        contradiction = max(contradiction, s.conflict_floor)
        support = min(support, s.detail_cap)
        raised.extend(role_conflicts)

    # A sentence of the passage copied with a detail changed (verify/wording.py): another name
    # of the same kind, another month, an opposite word is a conflict a reader sees in that
    # sentence; another noun is a detail the source does not give. What the clause comparison
    # already found is not counted twice. (For an attribution claim the changed detail may be
    # the speaker: the attribution is then unbacked, never refuted.)
    changed = changed_details(ev)
    word_conflicts = [f.words() for f in changed if f.relation is Relation.CONFLICT]
    if word_conflicts and not ev.attribution:
        agreement = True
        contradiction = max(contradiction, s.conflict_floor)
        support = min(support, s.detail_cap)
        raised.extend(word_conflicts)

    if (ev.attribution and ev.speaker is not None and ev.speaker.confirmed
            and ev.quotes.matched and not ev.quotes.missing and not ev.numbers.missing
            and not ev.dates.missing and ev.overlap >= s.negation_overlap):
        # The passage reports the speaker saying the claim's quoted words, verbatim, and holds
        # nearly all its other words: that is what "X said 'Y'" asserts, whatever a small
        # model makes of the sentence -- and such a passage cannot refute that X said it.
        support = max(support, ATTRIBUTED_QUOTE_FLOOR)
        contradiction = min(contradiction, s.detail_cap)
        raised.append("attributed verbatim quote")
    if (s.restated_floor and not ev.attribution
            and (neg.overlap >= RESTATED_OVERLAP or roles.restates)
            and not neg.mismatch and not roles.findings and not ev.wording
            and not (direction.conflict and direction.overlap >= s.negation_overlap)
            and not conflicts and not ev.quotes.missing and not ev.numbers.missing
            and not ev.dates.missing and not ev.entities.missing):
        # One sentence of the passage restates the claim: it holds all but a sliver of the
        # claim's content words, every name, number, date and quote, with the same polarity
        # and direction. A small model's doubts do not outweigh a source saying the same
        # thing in the same words.
        support = max(support, s.restated_floor)
        contradiction = min(contradiction, s.detail_cap)
        raised.append("restated in one sentence")
    for q in ev.quotes.missing:
        caps.append(f'"{q}"')
    caps.extend(ev.numbers.missing)
    caps.extend(ev.dates.missing)
    # A part the aligned clause does not back (a name it lacks, "throat" for "lung" cancer, an
    # allegation or a plan for a bare fact): the passage cannot be this claim's evidence.
    # (For an attribution claim a wrong speaker is the attribution's failure, below; a content
    # claim that holds "X said ..." itself asserts who said it, so there it is a detail.)
    caps.extend(f.words() for f in roles.unbacked if f.role != "speaker" or not ev.attribution)
    caps.extend(f.words() for f in changed if f.relation is Relation.UNBACKED or ev.attribution)
    caps.extend(f"{n} (no source names this person)" for n in roles.unnamed_people
                if not any(n in c for c in caps))
    if caps or role_conflicts:
        support = min(support, s.detail_cap)
    if ev.entities.missing:
        support = min(support, s.entity_cap)
    if ev.displacing and neg.overlap >= s.negation_overlap:
        # The sentence that says what the claim says names another in place of a name of the
        # claim: "Johnson beat Jeremy Hunt" is no evidence that Johnson beat Gove.
        caps.append(f"{', '.join(ev.entities.missing)} (the source names "
                    f"{', '.join(ev.displacing)})")
        support = min(support, s.detail_cap)
    content_support = support
    wrong_speaker = [f.words() for f in roles.unbacked if f.role == "speaker"]
    if ev.attribution and wrong_speaker:
        # The clause that says the content is someone else's word (or no clause says it):
        # the content may hold, the attribution does not.
        support = min(support, s.attribution_cap)
        caps.extend(wrong_speaker)
    if ev.attribution and not (ev.speaker is not None and ev.speaker.confirmed):
        # "X said Y" is about what X said: a passage that does not report X speaking can
        # neither confirm it nor refute it, however much it contradicts Y itself (the content
        # claim Y is judged on its own).
        support = min(support, s.attribution_cap)
        contradiction = min(contradiction, s.attribution_cap)
    neutral = max(0.0, 1.0 - support - contradiction)
    return PairScore(support, contradiction, neutral, caps, raised, agreement, content_support)


def changed_details(ev: PairEvidence) -> list[Finding]:
    """The details the claim changed from the passage sentence it copies (verify/wording.py)
    that the clause comparison has not already found. Another month beside other figures is
    another period's report, as in :func:`score_pair`'s figure rule, and no changed date."""
    found = {norm(f.claim): f for f in ev.roles.findings}

    def new(f: Finding) -> bool:
        known = found.get(norm(f.claim))
        # The clause comparison may only have found the name absent ("no source gives the
        # name 'Japan'") where the copied sentence shows what stands there instead ("Colombia"):
        # the conflict says more. Not for a speaker: "Z said it" where the source has "X said
        # it" is unbacked, since both may have said it.
        # And where the clause comparison took another actor for another event (it refutes
        # only with agreement on the subject), a sentence copied but for the actor is the same
        # event: "Japan had 11 billion dlrs of debt" against "Colombia had ...".
        if known is None or f.relation is not Relation.CONFLICT:
            return known is None
        if known.relation is Relation.UNBACKED:
            return known.role not in ("speaker", "stance", "hedge")
        return not ev.roles.agreement

    # Likewise another figure beside another (or an unmatched) date is another period's
    # report: "March load factor 55.5 pct" does not refute "February load factor 57.9 pct".
    other_period = bool(ev.dates.missing or ev.dates.conflicting) or any(
        f.role == "date" for f in ev.wording)
    return [f for f in ev.wording if new(f)
            and not (f.role == "date" and (ev.numbers.conflicting or ev.numbers.missing))
            and not (f.role.startswith("figure:") and other_period)]


def _negation_elsewhere(neg: NegationResult, roles: RoleJudgement) -> bool:
    """Whether the passage's "not" belongs to another clause than the one the claim aligns with.

    "Kipchoge became the first person to run a marathon in under two hours ..., though his time
    was not considered an official world record": the claim "Kipchoge ran a marathon in Vienna in
    1:59:40" aligns with the running, which the sentence states; the "not" is about the record.
    Only a negation of the passage is set aside this way, and only when the parse aligned a
    clause (the same event, or two shared participants) that is not negated, as the claim is
    not: a "no" or "not" of the claim itself is always compared ("No Novichok was found"
    against a passage that finds it).
    """
    if neg.claim_cues or not neg.passage_cues or roles.negated is None:
        return False
    if roles.aligned is None or norm(neg.sentence) not in norm(roles.aligned):
        # The aligned clause stands in another sentence than the "not" ("Q: Can wearing masks
        # cause neurological damage? A: ... it does not lead to CO2 intoxication"): nothing
        # says the "not" is another clause's.
        return False
    claim_negated, passage_negated = roles.negated
    return not claim_negated and not passage_negated


def _names_explained(ev: PairEvidence) -> bool:
    """A refutation needs the passage to speak of what the claim names: every name of the
    claim is in the passage or its source's title, except the one the passage replaces (Gove,
    where it has Hunt)."""
    return not ev.roles.unnamed and not any(f.role == "name" for f in ev.roles.unbacked)




def explicit_conflict(sc: PairScore) -> bool:
    """Did a deterministic check (figure, date, negation, direction) find a conflict?"""
    return any(item not in NOT_CONFLICTS for item in sc.raised)


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


def features(ev: PairEvidence) -> tuple[float, float, float, float, float]:
    """The inputs of the support and contradiction regressions (see SUPPORT_WEIGHTS)."""
    e, _, c = ev.probs
    return (_logit(e), _logit(c), ev.similarity, ev.overlap, 1.0)


def stacked_scores(ev: PairEvidence, s: VerifierSettings) -> tuple[float, float]:
    """Support and contradiction before the detail rules: the fitted regressions' outputs."""
    f = features(ev)
    sup = _sigmoid(sum(w * x for w, x in zip(s.support_weights, f)))
    con = _sigmoid(sum(w * x for w, x in zip(s.contradiction_weights, f)))
    return sup, con


def passage_verdict(support: float, contradiction: float, agreement: bool,
                    s: VerifierSettings, explicit: bool = True) -> Verdict:
    """What one passage says about the claim: supported, refuted, or not enough evidence.

    ``explicit``: whether a deterministic check found a conflict (see
    REQUIRE_EXPLICIT_CONFLICT); without one, only a contradiction score of at least
    MODEL_CONFLICT_THRESHOLD makes a refutation.
    """
    sup = support >= s.support_threshold
    ref = (contradiction >= s.contradiction_threshold and agreement
           and (explicit or not s.require_explicit_conflict
                or contradiction >= s.model_conflict_threshold))
    if sup and ref:  # both past their thresholds: the larger margin decides
        sup = support - s.support_threshold >= contradiction - s.contradiction_threshold
        ref = not sup
    if sup:
        return Verdict.SUPPORTED
    if ref:
        return Verdict.REFUTED
    return Verdict.NOT_ENOUGH_EVIDENCE


def pair_verdict(sc: PairScore, s: VerifierSettings) -> Verdict:
    """:func:`passage_verdict` of a scored pair, with its explicit-conflict finding: the one
    rule the verifiers and training/calibrate.py share."""
    return passage_verdict(sc.support, sc.contradiction, sc.agreement, s,
                           explicit=explicit_conflict(sc))


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def calibrated(support: float, contradiction: float,
               calibration: Sequence[Sequence[float]] = CALIBRATION) -> dict[Verdict, float]:
    """Calibrated probabilities of supported / refuted / not enough evidence for one passage."""
    ls, lc = _logit(support), _logit(contradiction)
    z = [a * ls + b * lc + bias for a, b, bias in calibration] + [0.0]
    m = max(z)
    ex = [math.exp(v - m) for v in z]
    tot = sum(ex)
    return {
        Verdict.SUPPORTED: ex[0] / tot,
        Verdict.REFUTED: ex[1] / tot,
        Verdict.NOT_ENOUGH_EVIDENCE: ex[2] / tot,
    }


# ---------------------------------------------------------------- the verifier


@dataclass(frozen=True)
class _Reading:
    """What the model reads for one judgement: a passage's text, or a joined reading's."""

    claim: Claim
    passage: ScoredPassage  # the judgement is filed under this passage (and its source)
    text: str
    brief: Brief | None
    joined_with: tuple[str, ...] = ()  # the other passages of a joined reading


def pair_signals(ev: PairEvidence, sc: PairScore, verdict: Verdict,
                 probs: dict[Verdict, float], sp: ScoredPassage) -> PairSignals:
    roles = ev.roles
    all_findings = [*roles.findings, *changed_details(ev)]
    return PairSignals(
        verdict=verdict,
        p_supported=round(probs[Verdict.SUPPORTED], 4),
        p_refuted=round(probs[Verdict.REFUTED], 4),
        p_not_enough_evidence=round(probs[Verdict.NOT_ENOUGH_EVIDENCE], 4),
        source_id=sp.source.id,
        outlet=sp.source.outlet,
        retrieval_score=round(float(sp.score), 6),
        nli=[round(p, 4) for p in ev.probs],
        numbers=ev.numbers.signal(),
        dates=ev.dates.signal(),
        entities=ev.entities.signal(),
        quotes=ev.quotes.signal(),
        negation=ev.negation.signal(),
        direction=ev.direction.signal(),
        speaker=ev.speaker.signal() if ev.speaker is not None else None,
        overlap=round(ev.overlap, 4),
        similarity=round(ev.similarity, 4),
        subject_agreement=sc.agreement,
        support_capped_by=sc.caps + (["entities"] if ev.entities.missing else []),
        contradiction_raised_by=sc.raised,
        content_support=round(sc.content_support, 4),
        states_claim=(not sc.caps and not ev.entities.missing and not ev.negation.mismatch
                      and ev.negation.overlap >= RESTATED_OVERLAP and not roles.findings
                      and not ev.wording),
        parts=PartsSignal(
            parsed=roles.parsed,
            aligned=roles.aligned,
            stance=roles.stance.value if roles.stance is not None else None,
            conflicts=[f.words() for f in all_findings if f.relation is Relation.CONFLICT],
            unbacked=[f.words() for f in all_findings if f.relation is Relation.UNBACKED],
            findings=[PartFinding(role=f.role, claim=f.claim, passage=f.passage,
                                  relation=f.relation.value, words=f.words())
                      for f in all_findings],
        ),
    )


class DefaultVerifier(Verifier):
    """NLI model + deterministic checks + aggregation; offline, CPU only.

    ``nli``: any :class:`NLIModel` (or object with the same ``predict``); by default the
    bundled :class:`groundbrief.verify.nli.OnnxNLIModel`, loaded on first use.
    ``embedder``: the sentence embedder for the claim-passage cosine; by default the
    multilingual USE the weights were fitted with, loaded on first use.
    """

    name = "default"

    def __init__(self, nli: NLIModel | None = None, *, top_n: int | None = None,
                 settings: VerifierSettings | None = None,
                 embedder: Embedder | None = None, join_passages: bool | None = None) -> None:
        self.settings = settings or VerifierSettings()
        if top_n is not None:
            self.settings = self.settings.with_(top_n=top_n)
        if join_passages is not None:
            self.settings = self.settings.with_(join_passages=join_passages)
        self._nli = nli
        self._embedder = embedder
        self._vectors: dict[str, np.ndarray] = {}  # text -> unit vector, for repeated passages
        self._names: NameMatcher | None = None

    @property
    def names(self) -> NameMatcher:
        """Matches names across languages with the same multilingual embedder (loaded once)."""
        if self._names is None:
            self._names = NameMatcher(self.embedder)
        return self._names

    @property
    def uses_similarity(self) -> bool:
        """Whether the fitted weights use the embedding cosine (else no embedder is loaded)."""
        s = self.settings
        return bool(s.support_weights[2] or s.contradiction_weights[2])

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            # The weights were fitted with this embedder's cosines; another one would need
            # training/calibrate.py run again.
            from ..index.embed import UniversalSentenceEncoder

            self._embedder = UniversalSentenceEncoder()
        return self._embedder

    def similarities(self, pairs: Sequence[tuple[str, str]]) -> list[float]:
        """Cosine of (passage, claim) embeddings, embedding each distinct text once."""
        todo = sorted({t for pair in pairs for t in pair if t not in self._vectors})
        if todo:
            if len(self._vectors) + len(todo) > 20_000:
                self._vectors.clear()  # bounded memory in a long-running server
            for text, vec in zip(todo, self.embedder.embed_batch(todo)):
                self._vectors[text] = vec
        return [float(self._vectors[p] @ self._vectors[h]) for p, h in pairs]

    def word_similarity(self, a: str, b: str) -> float:
        """Cosine of two words' embeddings (cached), for telling synonyms in one slot."""
        return self.similarities([(a, b)])[0]

    @property
    def nli(self) -> NLIModel:
        if self._nli is None:
            try:
                from .nli import OnnxNLIModel

                self._nli = OnnxNLIModel()
            except (ImportError, OSError, ValueError, RuntimeError) as exc:
                # onnxruntime raises its own exception types (subclasses of RuntimeError
                # or Exception); these cover a missing or unreadable model folder.
                raise BackendError(
                    f"the bundled NLI model could not be loaded ({exc}); "
                    "reinstall groundbrief or pass another NLI model to DefaultVerifier"
                ) from exc
        return self._nli

    @property
    def model_name(self) -> str:
        nli = self._nli
        return getattr(nli, "name", type(nli).__name__) if nli is not None else "onnx-nli"

    # -- per passage

    def judge(self, claim: Claim, passages: Sequence[ScoredPassage],
              brief: Brief | None = None) -> list[PassageJudgement]:
        """Judge each passage (already pre-filtered) with one batched model call."""
        return self.judge_batch([(claim, passages, brief)])[0]

    def judge_batch(
        self, items: Sequence[tuple[Claim, Sequence[ScoredPassage], Brief | None]]
    ) -> list[list[PassageJudgement]]:
        """:meth:`judge` for several claims with a single model call (used by benchmarks)."""
        # A passage written as a question and its answer, or corrected in its own text, is
        # judged as the statement it makes (verify/reading.py); a citation quotes it as stored.
        readings = [_Reading(claim, sp, evidence_reading(sp.passage.text, sp.source.language),
                             brief)
                    for claim, passages, brief in items for sp in passages]
        judged = iter(self._judge_readings(readings))
        return [[next(judged) for _ in passages] for _, passages, _ in items]

    def judge_joined(self, claim: Claim, passages: Sequence[ScoredPassage],
                     brief: Brief | None = None) -> list[PassageJudgement]:
        """Judgements of the joined readings (:mod:`groundbrief.verify.joined`) that support the
        claim; each is filed under its first passage and names the others in ``joined_with``."""
        readings = joined_readings(
            claim.text, passages, lambda sp: evidence_reading(sp.passage.text, sp.source.language))
        judged = self._judge_readings([
            _Reading(claim, r.passages[0], r.text, brief, tuple(r.passage_ids[1:]))
            for r in readings])
        # Only support is taken from a joined reading: it exists to bring a claim's details
        # together, and a conflict it could show is already visible in its passages alone.
        return [j for j in judged if j.signals.verdict is Verdict.SUPPORTED]

    def _judge_readings(self, readings: Sequence[_Reading]) -> list[PassageJudgement]:
        """One judgement per reading, with a single model call for all of them."""
        if not readings:
            return []
        pairs = [(r.text, r.claim.text) for r in readings]
        probs = np.asarray(self.nli.predict(pairs), dtype=np.float64)
        sims = self.similarities(pairs) if self.uses_similarity else [0.0] * len(pairs)
        s = self.settings
        parsed = [_parsed_language(r.brief, r.passage) for r in readings]
        if any(parsed):
            from .parts import prepare

            prepare([t for r, ok in zip(readings, parsed) if ok for t in (r.claim.text, r.text)])
        # A claim and a passage in two languages: names are matched across languages too,
        # with one embedding batch for all of them.
        crossed = [_two_languages(r.brief, r.passage) for r in readings]
        if any(crossed):
            self.names.warm(
                [n for r, c in zip(readings, crossed) if c for n in extract_names(r.claim.text)],
                [passage_names(r.text) for r, c in zip(readings, crossed) if c])
        on_story_cache: dict[tuple[str, str], bool] = {}
        names_nothing: dict[str, bool] = {}  # claim text -> it names no entity (once per claim)
        out: list[PassageJudgement] = []
        for r, p, sim, parse, cross in zip(readings, probs, sims, parsed, crossed, strict=True):
            claim, brief, sp = r.claim, r.brief, r.passage
            attribution = claim.kind == "attribution"
            speaker = claim.speaker or (brief.speaker if brief is not None else None)
            ev = measure_pair(claim.text, r.text, p, quotes=claim.quotes or None,
                              speaker=speaker if attribution else None,
                              attribution=attribution, similarity=sim,
                              parse=parse, context=sp.source.title,
                              source_text=sp.source.text,
                              names=self.names if cross else None,
                              similar=self.word_similarity,
                              language=None if parse or cross else _shared_language(brief, sp),
                              claim_language=_across(brief, sp) if cross else None,
                              passage_language=sp.source.language or "en")
            sc = score_pair(ev, s)
            # A claim that names nothing ("The spire collapsed") takes its subject from the
            # brief: its evidence must come from a source that names something the brief
            # names, or a collapse in another city would "support" it.
            on_story = True
            if claim.text not in names_nothing:
                names_nothing[claim.text] = not check_entities(claim.text, "").applicable
            if brief is not None and names_nothing[claim.text]:
                key = (brief.text, sp.source.id)
                if key not in on_story_cache:
                    story = check_entities(brief.text, f"{sp.source.title}\n{sp.source.text}")
                    on_story_cache[key] = not story.applicable or bool(story.matched)
                on_story = on_story_cache[key]
            if not on_story:
                sc.agreement = False
                sc.cap_support(s.detail_cap)
            verdict = pair_verdict(sc, s)
            cal = calibrated(sc.support, sc.contradiction, s.calibration)
            signals = pair_signals(ev, sc, verdict, cal, sp)
            signals.on_story = on_story
            signals.joined_with = list(r.joined_with)
            out.append(PassageJudgement(
                passage_id=sp.passage.id,
                support=round(sc.support, 6),
                contradiction=round(sc.contradiction, 6),
                neutral=round(sc.neutral, 6),
                signals=signals,
            ))
        return out

    def shortlist(self, passages: Sequence[ScoredPassage]) -> list[ScoredPassage]:
        """The ``top_n`` passages by retrieval score (:func:`verdict.shortlist`)."""
        return shortlist(passages, self.settings.top_n)

    # -- per claim

    def verify(self, claim: Claim, passages: Sequence[ScoredPassage],
               brief: Brief) -> ClaimVerification:
        settled = settled_without_evidence(claim, passages)
        if settled is not None:
            return settled
        shortlist = self.shortlist(passages)
        judgements = self.judge(claim, shortlist, brief)
        if self.settings.join_passages and not any(
                j.signals.verdict is Verdict.SUPPORTED for j in judgements):
            # No passage carries the claim alone; nearby passages of one source may together.
            judgements += self.judge_joined(claim, shortlist, brief)
        by_id = {sp.passage.id: sp for sp in shortlist}
        return self.aggregate(claim, judgements, by_id)

    def aggregate(self, claim: Claim, judgements: list[PassageJudgement],
                  by_id: dict[str, ScoredPassage]) -> ClaimVerification:
        """One verdict from the per-passage judgements (:func:`verdict.aggregate`)."""
        return aggregate(claim, judgements, by_id, model=self.model_name,
                         support_threshold=self.settings.support_threshold)


def _two_languages(brief: Brief | None, sp: ScoredPassage) -> bool:
    """Whether the claim and the passage are known to be in two different languages."""
    a = brief.language if brief is not None else None
    b = sp.source.language
    return bool(a and b and a not in ("und",) and b not in ("und",) and a != b)


def _across(brief: Brief | None, sp: ScoredPassage) -> str | None:
    """The claim's language where claim and passage are read across two languages, one of
    them English (verify/crossing.py)."""
    if brief is None or "en" not in (brief.language, sp.source.language):
        return None
    return brief.language


def _shared_language(brief: Brief | None, sp: ScoredPassage) -> str | None:
    """The language of claim and passage where both are in it (one of them unknown counts as
    the other's), else None."""
    langs = {lang for lang in (brief.language if brief is not None else None, sp.source.language)
             if lang not in (None, "", "und")}
    return langs.pop() if len(langs) == 1 else None


def _parsed_language(brief: Brief | None, sp: ScoredPassage) -> bool:
    """Whether claim and passage are in a language with a parser (English; unknown counts as
    English). Others are judged by the model and the name matching alone."""
    from ..nlp import PARSED_LANGUAGES

    langs = {brief.language if brief is not None else None, sp.source.language}
    return all(lang in (None, "", "und") or lang in PARSED_LANGUAGES for lang in langs)
