"""Part-by-part judgement: compare a claim's frame with the passage clause that speaks of the
same thing, role by role.

For each part of the claim -- who (agent), to whom or what (patient and prepositional objects),
did what (predicate, polarity, direction), how many (figures by kind), when (dates), and under what
stance -- the passage clause aligned with the claim either backs it, fills the same role with
another value (a **conflict**: "Hunt" where the claim has "Gove" as the one beaten, 95 where it
has 89 as the age, "released" where it has "arrested", "unlawful" for "lawful"), or leaves it
unsaid or says it under another stance (**unbacked**: an allegation for a fact, a plan for a
deed, "throat cancer" for "lung cancer" when the parse cannot tell a conflict from a paraphrase).

A conflict is what a reader can check by looking at the passage: the verifier refutes on it and
cites the passage. Anything unbacked keeps a passage from supporting the claim, whatever the
model says. Claims the parser cannot read (no English parse, no frame) get an empty judgement
and the verifier falls back to the model and the detail checks.

This module aligns the clauses and judges what was done (predicate, polarity, another deed);
the other parts have their own modules: what the judgement reports (verify/findings.py),
opposite and paraphrase words (verify/opposites.py), whether two participants are one
(verify/participants.py), figures (verify/role_figures.py), dates and durations
(verify/role_dates.py), stance and speakers (verify/role_stance.py), and what a whole sentence
says against the claim where no clause aligns (verify/role_sentences.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..words import MAGNITUDE_WORDS, NUMBER_WORDS_EN, STOPWORDS_EN
from .findings import (NEGATED_OPPOSITE, NO_ANSWER, SYNONYM, Finding, Relation, RoleJudgement,
                       Similarity)
from .names import is_group_word
from .opposites import (BARE_VERBS, CHANGE_VERBS, KEEPING_VERBS, KINDS, PARAPHRASE_GROUPS,
                        STAGES, STRONGER, UNCHANGED_WORDS, earlier_stage, opposite, orientation,
                        other_of_kind, other_outcome)
from .participants import (WEAK_HEADS, arg_in_text, arg_same, base_verb, compatible_types,
                           is_pronoun, one_doer, one_noun, one_winner, other_modifiers,
                           other_patient, participant_role, possessor, same_named, same_referent,
                           synonym_noun, taken_from)
from .parts import (AGENT, ORDINALS, PATIENT, Argument, Frame, Stance, claim_frames, frames_of,
                    norm)
from .role_dates import compare_dates
from .role_sentences import (against_forecast, complement_negated, declared_otherwise,
                             either_side, none_happened, other_nationality)
from .role_figures import compare_figures, figure_equal, figures_elsewhere, figures_of_deed
from .role_stance import SAID, NOT_SAID, hedge_over, speaks_of_itself, stance_finding
from .surface import MONTHS, WEEKDAYS
from .verb_kin import derived_nouns, verb_kin

__all__ = ["Finding", "Relation", "RoleJudgement", "SAID", "SYNONYM", "Similarity", "compare",
           "deed_words", "opposite"]

# ------------------------------------------------------------------------- alignment


# Contests told two ways: "Johnson beat Hunt" and "Johnson competed against Hunt ... and won".
# The one beaten is the rival "against" whom the other ran: mapped so that a swapped rival
# ("beat Gove") meets the passage's rival in the same role.
_DEFEAT = frozenset({"beat", "defeat", "overcome", "edge", "oust", "trounce", "outpoll"})
_CONTEST = frozenset({"compete", "run", "stand", "face", "contest", "challenge", "play",
                      "fight", "race", "battle", "vie"})


def _rival(pf: Frame) -> Argument | None:
    """Whom the clause's subject ran against ("competed for the role against Jeremy Hunt":
    the parser may hang "against" on the role or on the verb)."""
    if pf.predicate not in _CONTEST:
        return None
    for key, arg in pf.args.items():
        if key.split("/")[-1] in ("prep:against", "against"):
            return arg
    return None


def _roles_of(cf: Frame, pf: Frame) -> dict[str, Argument]:
    """The passage clause's arguments under the claim's role names."""
    if _converse(cf, pf):
        return _converse_roles(cf, pf)
    mirror = _mirrored(cf, pf)
    if mirror is not None:
        return mirror
    args = dict(pf.args)
    if _kept_state(cf, pf) and PATIENT in cf.args and AGENT not in cf.args and AGENT in args:
        # "The embassy remained shut": the subject of the state is what "was closed" closed
        args[PATIENT] = args.pop(AGENT)
    rival = _rival(pf) if cf.predicate in _DEFEAT else None
    if rival is not None:
        args.setdefault(PATIENT, rival)
    return args


#: Verbs that tell one event from the other side: what "kills" (its agent) is what people "die"
#: in, of or from, and whom it kills (its patient) are those who die (their agent).
_CONVERSES = {("kill", "die")}
_CAUSE_PREPS = ("prep:in", "prep:of", "prep:from", "prep:after")


def _converse(cf: Frame, pf: Frame) -> bool:
    return (cf.predicate, pf.predicate) in _CONVERSES or (pf.predicate, cf.predicate) in _CONVERSES


def _converse_roles(cf: Frame, pf: Frame) -> dict[str, Argument]:
    """The passage clause's arguments under the claim's role names when the two clauses tell
    the event from its two sides ("the fire killed 21" / "21 died in the fire")."""
    args = {k: a for k, a in pf.args.items() if k not in (AGENT, PATIENT)}
    if pf.predicate == "die":  # the claim says "kill": victims are its patient, cause its agent
        if AGENT in pf.args:
            args[PATIENT] = pf.args[AGENT]
        cause = next((pf.args[k] for k in _CAUSE_PREPS if k in pf.args), None)
        if cause is not None:
            args[AGENT] = cause
    else:  # the claim says "die": the passage's victims are its agent, the cause its preposition
        if PATIENT in pf.args:
            args[AGENT] = pf.args[PATIENT]
        key = next((k for k in _CAUSE_PREPS if k in cf.args), None)
        if key is not None and AGENT in pf.args:
            args[key] = pf.args[AGENT]
    return args


#: Where a passage clause names the other party of a deed told from its other side: what was
#: sold "to" the buyer, lent "to" or borrowed "from" someone.
_OTHER_SIDE_ROLES = (PATIENT, "prep:to", "prep:from", "prep:by", "prep:with")


#: Opposite verbs that also tell one deed from its two sides: what one buys another sells,
#: whom one beats loses.
_TWO_SIDED = frozenset(frozenset(pair) for pair in (
    ("buy", "sell"), ("acquire", "sell"), ("borrow", "lend"), ("import", "export"),
    ("win", "lose"), ("beat", "lose"), ("defeat", "lose"), ("win", "defeat")))


_SCORE_TEXT = re.compile(r"\d+\s*[-–:]\s*\d+")


def _mirrored(cf: Frame, pf: Frame) -> dict[str, Argument] | None:
    """The passage clause's arguments under the claim's role names when it tells the claim's
    deed from the other side with every participant the claim's ("Germany beat France" /
    "France lost to Germany"; "The firm bought the mill from Acme" / "Acme sold the mill to
    the firm"): the claim's agent on the receiving end, each other participant of the claim
    somewhere in the clause, and no participant the claim lacks. None otherwise."""
    if frozenset((cf.predicate, pf.predicate)) not in _TWO_SIDED or cf.predicate == pf.predicate:
        return None
    ca = cf.args.get(AGENT)
    if ca is None or is_pronoun(ca) or pf.negated != cf.negated:
        return None
    # "lost 2-1": the score is the figures' part, no participant
    theirs = {r: a for r, a in pf.args.items() if participant_role(r) and not is_pronoun(a)
              and not _is_number(a) and not _SCORE_TEXT.fullmatch(a.text)}
    mapped: dict[str, Argument] = {}
    for role, arg in cf.args.items():
        if not participant_role(role) or is_pronoun(arg):
            continue
        match = next((r for r, a in theirs.items() if r not in mapped.values()
                      and arg_same(arg, a)), None)
        if match is None:
            return None
        if role == AGENT and match not in _OTHER_SIDE_ROLES[1:]:
            return None  # the same actor in both: two opposite deeds, not one told twice
        mapped[role] = match  # type: ignore[assignment]
    if set(theirs) - set(mapped.values()) & {AGENT, PATIENT}:
        return None  # a participant of the passage the claim does not have
    args = {k: a for k, a in pf.args.items() if k not in theirs}
    args.update({role: theirs[r] for role, r in mapped.items()})  # type: ignore[index]
    return args


def _other_side(cf: Frame, pf: Frame, similar: Similarity | None) -> bool:
    """Whether two opposite predicates tell one deed from its two sides: the claim's actor is
    on the receiving end in the passage ("The company bought the firm" / "The firm was sold to
    the company"; "The team lost the final" / "The team was defeated in the final"), or, without
    an actor, one thing changes hands in both ("The company was sold" / "was bought by a
    rival"). Opposite deeds by one actor ("arrested" / "released by police") have the same
    actor in both, and verbs that are no two sides of a deed ("will go ahead" / "was
    cancelled", "survived" / "was killed") never are."""
    if frozenset((cf.predicate, pf.predicate)) not in _TWO_SIDED:
        return False
    ca, pa = cf.args.get(AGENT), pf.args.get(AGENT)
    if ca is None or is_pronoun(ca):
        cp, pp = cf.args.get(PATIENT), pf.args.get(PATIENT)
        return (cp is not None and pp is not None and not is_pronoun(cp)
                and (arg_same(cp, pp) or same_referent(cp, pp, similar)))
    if pa is not None and same_referent(ca, pa, similar):
        return False
    return any(arg_same(ca, arg) or same_referent(ca, arg, similar)
               for role, arg in pf.args.items() if role in _OTHER_SIDE_ROLES)


def _denied_deed(cf: Frame, pf: Frame) -> bool:
    return pf.stance is Stance.DENIED and _same_event(cf, pf)


def _same_event(cf: Frame, pf: Frame) -> bool:
    # "beat" / "defeat": the verbs of winning a contest are one event told two ways. (Verbs
    # are not matched by their embeddings as nouns are: "lend" / "borrow" and "give" /
    # "receive" are as alike as "say" / "tell", and swap the roles.)
    return (pf.predicate == cf.predicate or opposite(cf.predicate, pf.predicate, nouns=True)
            or base_verb(pf.predicate) == base_verb(cf.predicate)  # "recaptured" / "captured"
            or (cf.predicate in _DEFEAT and (pf.predicate in _DEFEAT or _rival(pf) is not None))
            or _converse(cf, pf)
            or _paraphrase(cf, pf)  # "quit" / "stepped down": one deed in two verbs
            # "the officer guilty of murder" / "found the officer guilty of manslaughter": the
            # verdict read as the claim's predicate, or as a word of the finding's clause
            or (pf.predicate in _FINDING_VERBS and cf.predicate in pf.words)
            or (cf.predicate in _FINDING_VERBS and pf.predicate in cf.words)
            # "was found guilty" / "acquitted": the deed is in the predicate's complement
            or any(opposite(d, w) for d in _deed(cf) for w in pf.words - cf.words)
            or any(opposite(w, d) for d in _deed(pf) for w in cf.words - pf.words))


#: Verbs that pass a verdict through their complement ("found him guilty", "ruled it unlawful").
_FINDING_VERBS = frozenset({"find", "declare", "rule", "judge", "deem"})


def _deed(frame: Frame) -> set[str]:
    """The words that say what the clause's subject did: its predicate and phrasal verbs."""
    return {frame.predicate} | {w for w in frame.words if "_" in w}


def _deed_words(frame: Frame) -> set[str]:
    """:func:`_deed`, with "taken into custody" as the one deed it names."""
    into = frame.args.get("prep:into")
    custody = frame.predicate == "take" and into is not None and into.head == "custody"
    # a particle parts.py does not join ("stepped down"): looked up in the groups only
    particles = {f"{frame.predicate}_{w}" for w in ("down", "off", "away", "up") if w in frame.words}
    # "found the minister guilty": the verdict is the deed ("not_guilty" is a joined word)
    guilty = frame.predicate == "find" and "guilty" in frame.words
    return _deed(frame) | particles | ({"take_into_custody"} if custody else set()) \
        | ({"find_guilty"} if guilty else set())


deed_words = _deed_words  # for verify/crossing.py


def _paraphrase(cf: Frame, pf: Frame) -> bool:
    """Whether the passage clause's verb is one news uses for the claim's deed (:data:
    `PARAPHRASE_GROUPS`, or a stronger verb of the same change)."""
    mine, theirs = _deed_words(cf), _deed_words(pf)
    return any(a in g and b in g for g in PARAPHRASE_GROUPS for a in mine for b in theirs) \
        or any(b in STRONGER.get(a, ()) for a in mine for b in theirs) \
        or _by_a_multiple(cf, pf) or _by_a_multiple(pf, cf)


#: A change by a multiple in one verb, or a rise by that many fold ("doubled" / "rose twofold").
_FOLD = {"double": "twofold", "triple": "threefold", "quadruple": "fourfold"}
_RISE_VERBS = frozenset({"rise", "increase", "grow", "climb", "jump", "surge", "soar"})


def _by_a_multiple(a: Frame, b: Frame) -> bool:
    return a.predicate in _FOLD and b.predicate in _RISE_VERBS and _FOLD[a.predicate] in b.words


def _twin(cf: Frame, pf: Frame) -> bool:
    """The passage clause says the claim's clause in its words: the same predicate, polarity
    and stance, and each part filled alike."""
    return (pf.predicate == cf.predicate and pf.negated == cf.negated and pf.stance == cf.stance
            and cf.args.keys() == pf.args.keys()
            and all(norm(a.text) == norm(pf.args[r].text) for r, a in cf.args.items()))


def _alignment(cf: Frame, pf: Frame, similar: Similarity | None = None) -> tuple[float, bool]:
    """How strongly a passage clause speaks of the claim's event, and whether it is the same
    subject: predicate (same or opposite lemma) and shared participants (the same name, the
    same noun, or a synonym noun: "the quake" / "the earthquake")."""
    score = 0.0
    if _same_event(cf, pf):
        score += 2.0
    shared = 0
    event = score > 0
    for role, arg in cf.args.items():
        if is_pronoun(arg):
            # "She was the country's first female president" / "She was … second …": the same
            # pronoun in the same role of the same deed is the one participant both name
            other = pf.args.get(role)
            if event and other is not None and norm(other.text) == norm(arg.text):
                shared += 1
            continue
        if arg.head in WEAK_HEADS and not arg.name_type:
            # "a man" matches any man, but in the same role of the same deed it is one
            # participant: "The man was found alive" / "The man was found dead".
            other = pf.args.get(role)
            if event and other is not None and arg_same(arg, other):
                shared += 1
            continue
        if (any(arg_same(arg, pa) or synonym_noun(arg, pa, similar) for pa in pf.args.values())
                or arg_in_text(arg, pf.text)):
            shared += 1
    score += shared
    kinds = {f.kind for f in cf.figures} & {f.kind for f in pf.figures}
    score += 0.5 * len(kinds)
    # the same figure of the same kind ("67%" of voters) is a participant too
    same = sum(1 for f in cf.figures if any(f.kind == g.kind and figure_equal(f, g)
                                            for g in pf.figures))
    score += 1.5 * same
    return score, shared > 0 or same > 0


def compare(claim: str, passage: str, *, attribution: bool = False,
            context: str = "", source_text: str = "",
            similar: Similarity | None = None) -> RoleJudgement:
    """Compare ``claim`` with ``passage`` part by part (English parse; see module docstring).

    Every clause of the claim is compared with the passage clause it aligns with: a changed
    detail in a relative or subordinate clause is as wrong as one in the main clause.
    ``context``: text that names what the passage is about without being evidence for the
    claim's details (the source's title): a name of the claim found there counts as named.
    ``similar``: how alike two words are (cosine of their embeddings), for telling a synonym
    ("inquiry" / "investigation") from another thing ("water" / "plan").
    """
    cfs = claim_frames(claim)
    if not cfs:
        return RoleJudgement(parsed=False)
    cf = cfs[0]
    pframes = frames_of(passage)
    missing = _unnamed(cfs, passage, context)
    unnamed = tuple(n.text for n in missing)
    people = tuple(n.text for n in missing if n.name_type == "PERSON"
                   and not (source_text and arg_in_text(n, source_text)))
    mistagged = _mistagged_names(cfs, passage, context)
    if not pframes:
        return RoleJudgement(parsed=True, findings=mistagged, unnamed=unnamed,
                             unnamed_people=people)
    main = _compare_frame(cf, pframes, passage, context, attribution, similar)
    findings = list(main.findings) + [f for f in mistagged if f not in main.findings]
    if attribution and not main.agreement:
        # "X said Y" where no clause of the passage speaks of Y: the model's support rests on
        # the speaker's name and shared words, so what Y says must at least be worded there
        # ("voluntary" was Supported by "Shapps announced … would become compulsory").
        unsaid = _predicate_unnamed(cfs, passage, similar)
        if unsaid is not None and unsaid not in findings:
            findings.append(unsaid)
    for other in cfs[1:]:
        # A clause under the claim's own verb of saying ("The RIAA said the tool was built to
        # circumvent ...") is part of what is attributed, and judged as such.
        under_speaker = attribution and other.speaker is not None and cf.speaker is not None \
            and other.speaker.text == cf.speaker.text
        sub = _compare_frame(other, pframes, passage, context, under_speaker, similar)
        if sub.aligned is not None and sub.agreement:
            # (not an object of a subordinate clause that no word of the passage names: "the
            # primary forces controlling earth temperatures by the burning of fossil fuels" is
            # about the burning, which a passage on fossil fuels tells)
            findings.extend(f for f in sub.findings if f.role not in ("speaker", "name", "object")
                            and f not in findings)
        elif sub.aligned is not None and sub.aligned == main.aligned and main.agreement \
                and (other.args.get(AGENT) is None or is_pronoun(other.args[AGENT])):
            # the claim's other clause, one without a subject of its own (a participle, a
            # relative clause), told in the sentence of its main one with another participant
            # ("marched ..., demanding early elections" for "..., demanding the resignation of
            # the prime minister"): what that clause says is not backed. (A clause with its own
            # subject -- "When water temperatures become too high" -- is another event.)
            findings.extend(f for f in sub.findings if participant_role(f.role)
                            and f.role != AGENT and f.relation is Relation.UNBACKED
                            and f not in findings)
    aligned, agreement = main.aligned, main.agreement
    sides = list(either_side(claim, passage))
    if not any(f.relation is Relation.CONFLICT for f in findings):
        measured = (against_forecast(sides) or other_nationality(cfs, pframes, passage)
                    or none_happened(cf, pframes) or complement_negated(cf, pframes)
                    or declared_otherwise(cf, pframes))
        if measured is not None:
            finding, aligned = measured
            findings.append(finding)
            agreement = True
    notes = main.notes
    if any(negated for *_, negated in sides):
        # "did not beat expectations" / "fell short of them", "never left on time" / "left two
        # hours late": the "not" is the phrase's, which the passage tells by the other side
        notes += (NEGATED_OPPOSITE,)
        findings = [f for f in findings
                    if not (f.role == "polarity" and f.relation is Relation.CONFLICT)]
    replaced = {norm(f.claim) for f in findings}
    return RoleJudgement(parsed=True, aligned=aligned, findings=tuple(findings),
                         agreement=agreement,
                         stance=main.stance or (Stance.FACT if aligned else None),
                         negated=main.negated or ((False, False) if aligned else None),
                         restates=main.restates and len(cfs) == 1 and not findings,
                         notes=notes, unnamed=tuple(n for n in unnamed if norm(n) not in replaced),
                         unnamed_people=tuple(n for n in people if norm(n) not in replaced))


def _compare_frame(cf: Frame, pframes: Sequence[Frame], passage: str, context: str,
                   attribution: bool, similar: Similarity | None) -> RoleJudgement:
    """One clause of the claim against the passage clause that speaks of the same thing."""
    # Of clauses that score alike, the claim's deed denied: "The minister denied on Monday
    # that he had resigned" shares the minister and Monday with "denied", the deed with
    # "resigned" ("he" is no shared name), and what it says of resigning is the denial.
    # A clause worded as the claim's own is the one it speaks of, whatever another clause of
    # the sentence shares with it ("how many lived and died": "died" is not "lived").
    scored = sorted(((_alignment(cf, pf, similar), i) for i, pf in enumerate(pframes)),
                    key=lambda t: (not _twin(cf, pframes[t[1]]), -t[0][0],
                                   not _denied_deed(cf, pframes[t[1]]), t[1]))
    (score, agreement), best = scored[0]
    if score < 2.0 or not agreement:
        state = _opposite_state(cf, pframes)
        if state is not None:
            # A clause about the claim's own participants (and no other) in the opposite state:
            # "The spire ... collapsed" against "The spire survived the fire", "the two bell
            # towers were saved" against "The bell towers collapsed" -- cited as the refutation.
            finding, pf = state
            return RoleJudgement(parsed=True, aligned=pf.sentence, findings=(finding,),
                                 agreement=True, stance=pf.stance, negated=(cf.negated, pf.negated))
        share = _other_share(cf, pframes)
        if share is not None:
            # "A minority of members voted for the plan" against "Most members voted for the
            # plan": the participants differ by their share of one group
            finding, pf = share
            return RoleJudgement(parsed=True, aligned=pf.sentence, findings=(finding,),
                                 agreement=True, stance=pf.stance, negated=(cf.negated, pf.negated))
    if score < 2.0:  # neither the same event nor two shared participants
        findings = figures_elsewhere(cf, pframes)
        # a claim too short to align ("The goalkeeper was sent off") against another deed of
        # its participant ("The goalkeeper stayed on the pitch")
        other = (_moved_the_other_way(cf, pframes)
                 or _done_after_all(cf, pframes) or _left_unchanged(cf, pframes)
                 or _deed_prevented(cf, pframes)
                 or _denied_announcement(cf, pframes) or _no_comment(cf, pframes)
                 or _another_deed(cf, None, pframes, False)
                 or _unrelated_deed_to_another(cf, pframes) or _only_associated(cf, pframes)
                 or next(filter(None, (_called_otherwise(cf, f) for f in pframes)), None)
                 or _earlier_stage(cf, pframes)
                 or _effect_unnamed(cf, passage, similar))
        if other is not None:
            findings += (other,)
            cited = next((f for f in pframes if other.passage and other.passage in f.sentence),
                         None)
            if other.relation is Relation.CONFLICT and cited is not None:
                # "released without charge" against "was charged with murder": a clause of the
                # claim's own participant says the opposite, cited as the refutation
                return RoleJudgement(parsed=True, aligned=cited.sentence, findings=findings,
                                     agreement=True, stance=cited.stance,
                                     negated=(cf.negated, cited.negated))
            if cited is not None and not cited.negated and not cited.under_negation:
                # the clause the finding shows is the one the claim is read against: a "not"
                # of another clause of its sentence ("though the link may not be causal") is
                # no negation of it
                return RoleJudgement(parsed=True, aligned=cited.sentence, findings=findings,
                                     agreement=False, stance=cited.stance,
                                     negated=(cf.negated, False))
        if attribution and cf.speaker is not None and not is_pronoun(cf.speaker):
            # No clause of the passage says what X is claimed to have said.
            findings += (Finding("speaker", cf.speaker.text, None, Relation.UNBACKED),)
        return RoleJudgement(parsed=True, findings=findings)
    pf = pframes[best]
    args = _roles_of(cf, pf)
    ca, pa = cf.args.get(AGENT), args.get(AGENT)
    # ("the officer [was] guilty" read against "the jury found the officer guilty": the
    # verdict's subject is the finding's object, not another actor)
    verdict_of = (pf.predicate in _FINDING_VERBS and cf.predicate in pf.words
                  and ca is not None and arg_in_text(ca, pf.text or pf.sentence))
    # the claim's doer where the passage has the one it went to or came from ("donated the
    # money to the charity"): the two swapped, read by _swapped_roles, not another event
    party = ca is not None and cf.predicate == pf.predicate and any(
        args.get(r) is not None and arg_same(ca, args[r]) for r in ("prep:to", "prep:from"))
    # the same event told by its two sides' opposite deeds: "Teachers went ahead with their
    # strike" / "The union called off the strike" (who calls a strike off is not who strikes)
    thing = args.get(PATIENT)
    sides = thing is not None and not is_pronoun(thing) and ca is not None \
        and frozenset((cf.predicate, pf.predicate)) not in _TWO_SIDED \
        and not any(arg_same(ca, a) for a in pf.args.values() if not is_pronoun(a)) \
        and any(r != AGENT and not is_pronoun(a) and a.head == thing.head and arg_same(a, thing)
                for r, a in cf.args.items()) and _opposite_words(cf, pf) is not None
    if (ca is not None and pa is not None and not is_pronoun(ca) and not is_pronoun(pa)
            and not verdict_of and not party and not sides
            and not same_referent(ca, pa, similar) and not arg_same(ca, args.get(PATIENT) or pa)):
        # Another actor did it ("Omsk hospital" tests, not the German laboratory's): the clause
        # is about another event, whatever else it shares with the claim.
        agreement = False
    findings: list[Finding] = []
    if ca is not None and pa is not None and taken_from(cf, pf, ca):
        # "Government forces recaptured the town from rebels" against "Rebels captured the
        # town": the claim's taker is the one the town was taken from.
        findings.append(Finding(AGENT, ca.name or ca.text, pa.name or pa.text, Relation.CONFLICT))
        agreement = True
    elif ca is not None and pa is not None and one_doer(cf, pf, ca, pa):
        # "Google acquired GitHub" against "GitHub was acquired by Microsoft": a named thing
        # is bought (or taken over) by one buyer, so the other name is the conflict
        findings.append(Finding(AGENT, ca.name or ca.text, pa.name or pa.text, Relation.CONFLICT))
        agreement = True
    elif ca is not None and pa is not None and one_winner(cf, pf, ca, pa):
        # "Spain won the World Cup" against "Argentina won the World Cup": a contest has one
        # winner, so the other name in the winner's place is the conflict.
        findings.append(Finding(AGENT, ca.name or ca.text, pa.name or pa.text, Relation.CONFLICT))
        agreement = True
    elif _opposite_from_other_side(cf, pf):
        # "The ship was seized by pirates" against "The ship escaped from pirates": the
        # opposite deed, told by the one the claim's was done to
        findings.append(Finding("predicate", _as_written(cf.predicate, cf),
                                _as_written(pf.predicate, pf), Relation.CONFLICT))
        agreement = True

    # did what: an opposite predicate, a flipped negation, a vote the other way, an opposite
    # word elsewhere in the clause ("a maximum of" / "a minimum of", "loss" / "profit"). Done
    # to another thing it is another deed, not the opposite one: "Police released the
    # passenger" says nothing against "Police arrested the driver". Told from the other side it
    # is the same deed: "The firm was sold to the company" is what "The company bought the
    # firm" says.
    same_deed = agreement and not other_patient(cf, pf, similar) \
        and not _other_side(cf, pf, similar)
    notes: tuple[str, ...] = ()
    if opposite(cf.predicate, pf.predicate, nouns=True) and same_deed:
        if cf.negated == pf.negated:  # "rejected" is what "refused to approve" says
            findings.append(Finding("predicate", _as_written(cf.predicate, cf),
                                    _as_written(pf.predicate, pf), Relation.CONFLICT))
        elif not pf.under_negation:
            notes = (NEGATED_OPPOSITE,)  # "did not rise" / "fell"
    elif opposite(cf.predicate, pf.predicate) and agreement and cf.negated == pf.negated \
            and ca is not None and pa is not None and arg_same(ca, pa) \
            and not _other_side(cf, pf, similar) \
            and not any(f.predicate == cf.predicate and not f.negated for f in pframes):
        # the opposite deed done to what may be another one ("closed its factory in Texas" for
        # "opened a new factory in Texas"): no conflict, and no support either
        findings.append(Finding("predicate", _as_written(cf.predicate, cf), _from_verb(pf),
                                Relation.UNBACKED, instead=True))
    elif ((pf.predicate == cf.predicate or _paraphrase(cf, pf)) and cf.negated != pf.negated
          and same_deed and not pf.under_negation):  # "It is not true that he resigned" is no
        # "he resigned"; "refused to step down" is what "quit" did not do
        findings.append(Finding("polarity", _polar(cf), _polar(pf), Relation.CONFLICT))
    else:
        oc, op = orientation(cf), orientation(pf)
        if oc and op and oc != op and same_deed:
            findings.append(Finding("predicate", "for" if oc > 0 else "against",
                                    "for" if op > 0 else "against", Relation.CONFLICT))
        elif same_deed and not cf.negated and not pf.negated and (
                (oc and _abstains(pf)) or (op and _abstains(cf))):
            # "voted for the bill" / "abstained in the vote on the bill": the third side
            def side(f: Frame, o: int) -> str:
                return f"{_as_written(f.predicate, f)} {'for' if o > 0 else 'against'}"
            findings.append(Finding("predicate", side(cf, oc) if oc else "abstained",
                                    "abstained" if oc else side(pf, op), Relation.CONFLICT))
        elif same_deed and cf.negated == pf.negated:
            # (an opposite word under a "not" says the same: "escaped unharmed" / "none of
            # the crew were hurt")
            flipped = _opposite_words(cf, pf)
            if flipped is not None:
                findings.append(Finding("predicate", flipped[0], flipped[1], Relation.CONFLICT))

    # what it was for: "found guilty of murder" / "of manslaughter", where the parse hangs the
    # offence on the verdict's adjective rather than the verb
    if same_deed:
        kind = _other_kind_in_clause(cf, pf)
        if kind is not None and not any(kind.claim in norm(f.claim).split() for f in findings):
            findings.append(kind)

    # how it ranks: "the first time" / "the third time", "largest" / "second-largest"
    if same_deed:
        rank = _other_rank(cf, pf)
        if rank is not None:
            findings.append(rank)
    if agreement:
        # Told with another verb: "finished second" / "won the race"; "will visit Japan" /
        # "postponed a planned visit to Japan".
        other = (_other_placing(cf, pf) or _called_off(cf, pf) or _called_otherwise(cf, pf)
                 or _placing_untold(cf, pframes))
        if other is not None:
            findings.append(other)
    if agreement:
        route = (_reversed_route(cf, pf) or _split_vote(cf, pf) or _other_end(cf, pf)
                 or (_other_fraction(cf, pf) if pf.predicate == cf.predicate else None)
                 or _without(cf, pf) or _done_after_all(cf, pframes) or _outside(cf, pf)
                 or _other_magnitude(cf, pf))
        if route is not None:
            findings.append(route)
    if not any(f.relation is Relation.CONFLICT for f in findings) \
            and not any(cf.predicate in (f.predicate, *f.words) for f in pframes):
        # The claim's deed nowhere in the passage, and a clause of the claim's own participants
        # in the opposite one: "was nominated for an Oscar in 2015 but lost" against "won an
        # Oscar in 2015" (the aligned clause, "nominated", says neither)
        # (not the deed told from the other side: "was sold to the company" is what "bought"
        # says, "was defeated in the final" what "lost the final" says)
        agent = cf.args.get(AGENT)
        state = _opposite_state(cf, [
            f for f in pframes if f.sentence == pf.sentence and _mirrored(cf, f) is None
            and not _converse(cf, f) and not (agent is not None and f.args.get(PATIENT) is not None
                                              and arg_same(agent, f.args[PATIENT]))])
        if state is not None:
            findings.append(state[0])
    if not any(f.relation is Relation.CONFLICT for f in findings):
        # Another deed that says the claim's did not happen: "remain trapped" for "were
        # rescued", "did not enter it" for "stormed", "rejected a takeover offer" for
        # "acquired", "cancelled its concert" for "will play".
        silent = _no_comment(cf, pframes)
        other = (_moved_the_other_way(cf, pframes)
                 or _left_unchanged(cf, pframes) or _deed_prevented(cf, pframes)
                 or _denied_announcement(cf, pframes) or _other_penalty(cf, pf) or silent
                 or _another_deed(cf, pf, pframes, agreement)
                 or (_unrelated_deed(cf, pf, pframes, args) if agreement else None)
                 or _ruled_out(cf, pframes) or _proposed(cf, pf) or _only_asked(cf, pf, pframes)
                 or _kept_in_place(cf, pframes) or _only_associated(cf, pframes)
                 or _earlier_stage(cf, pframes)
                 or next(filter(None, (_stopped_before(cf, f) for f in (pf, *pframes))), None))
        if other is not None:
            findings.append(other)
            if other is silent:
                notes += (NO_ANSWER,)  # the non-answer's "not" is no flipped negation
    partial = _partial_quantity(cf, args, pf.sentence)
    if partial is not None:
        findings.append(partial)
    share = _other_share(cf, [pf])
    if share is not None:
        # "Most members" / "A minority of members": one group, the clause's own participant
        findings.append(share[0])
        agreement = True

    # who, to whom, with what: the same role filled by another participant
    mirrored = _mirrored(cf, pf) is not None
    swapped = None if _converse(cf, pf) or mirrored else _swapped_roles(cf, pf)
    # the circumstances ("of war crimes") compared once, for the swap and for the findings
    circumstances = {r: _compare_arg(r, a, pf, passage, context, args, similar, cf.predicate)
                     for r, a in cf.args.items() if r.startswith("prep:")}
    if swapped and any(circumstances.values()):
        # roles reversed and what it was about told otherwise ("Russia accused the UN of bias"
        # for "The UN accused Russia of war crimes"): another deed of the two, not this one
        swapped = Finding(swapped.role, swapped.claim, swapped.passage, Relation.UNBACKED,
                          instead=True)
    if swapped:
        findings.append(swapped)
    for role, arg in cf.args.items():
        if is_pronoun(arg) or swapped is not None and role in (AGENT, PATIENT):
            continue
        finding = (circumstances[role] if role in circumstances
                   else _compare_arg(role, arg, pf, passage, context, args, similar, cf.predicate))
        if finding is not None and finding not in findings:
            findings.append(finding)
    if not agreement and _same_event(cf, pf) and any(
            participant_role(r) and args.get(r) is not None
            and other_of_kind(a.head, args[r].head) and _all_but_head(a) == _all_but_head(args[r])
            for r, a in cf.args.items()):
        # "The minister's son was arrested" / "The minister's daughter was arrested": the one
        # participant the two share is the member's owner, and the member differs
        agreement = True
    for place in cf.places:
        # "in Peru, near the border with Brazil" for "in Brazil", wherever the parse hung the
        # place ("the new species in Brazil" is the species'); only a place the claim puts
        # the deed "in", not one it says the deed was near ("crashed in Karaj, near Tehran").
        # Another place after the claim's words ("off the coast of Peru" for "off the coast of
        # Chile", "the factory in Michigan" for "the factory in Ohio"), wherever it hangs.
        sentence = cf.sentence or cf.text
        if re.search(_NEAR + re.escape(place) + r"\b", sentence):
            continue
        put_in = re.search(r"\bin\s+(?:the\s+)?" + re.escape(place) + r"\b", sentence)
        elsewhere = ((_placed_elsewhere(place, pf.sentence) if put_in else None)
                     or _other_place_of(place, sentence, pf))
        if elsewhere is not None and not any(f.claim == place for f in findings):
            findings.append(Finding("prep:in", place, elsewhere, Relation.CONFLICT))
    swaps = [f for f in findings if f.relation is Relation.CONFLICT and participant_role(f.role)]
    if swaps and len({f.role for f in swaps}) + sum(f.role == "name" for f in findings) >= 2:
        # Two participants named otherwise ("nominate Sol Polansky as ambassador to Bulgaria"
        # against "nominate John Shad as ambassador to the Netherlands"; or one swapped and a
        # name the clause lacks) is another event of the same kind, not this one with a
        # detail changed: neither backed nor refuted.
        findings = [Finding(f.role, f.claim, f.passage, Relation.UNBACKED) if f in swaps else f
                    for f in findings]

    # how many, when
    findings.extend(compare_figures(cf, pf, pframes))
    if pf.predicate != cf.predicate:
        findings.extend(figures_of_deed(cf, pf, pframes))
    findings.extend(compare_dates(cf, pf, _same_event(cf, pf)))

    # under what stance: an allegation or a plan does not back a bare fact
    stance = stance_finding(cf, pf, attribution)
    unsaid = NOT_SAID.search(pf.sentence) if pf.unconfirmed else None
    if stance is None and unsaid is not None and not pf.negated \
            and not cf.negated and cf.speaker is not None and pf.speaker is not None \
            and same_referent(cf.speaker, pf.speaker, similar):
        # "Q: Did the minister say the tax would rise? A: No." read as "The minister did not
        # say the tax would rise": what the claim attributes, its speaker did not say
        stance = Finding("polarity", SAID, unsaid.group(0), Relation.CONFLICT)
    elif stance is None and pf.under_negation and not pf.negated and not cf.negated \
            and not cf.under_negation:
        # "No evidence was found that Breitbart had reported …", "It is not true that …": the
        # clause is what a negated statement is about, not something the source states
        opening = " ".join(pf.sentence.split()[:6])
        what = ("something the source does not confirm" if pf.unconfirmed
                else "something a negated statement is about")
        stance = Finding("stance", cf.predicate_text, f"{what} (“{opening} …”)",
                         Relation.UNBACKED)
    if stance is not None:
        findings.append(stance)
    elif not attribution:
        hedge = hedge_over(cf, pf.sentence)
        if hedge is not None:
            findings.append(Finding("hedge", cf.stance.value, hedge, Relation.UNBACKED))
    if cf.speaker is not None and not is_pronoun(cf.speaker):
        # "X said Y" is about X: the clause that says Y must be X's word, not a lawyer's
        # argument or another paper's report printed beside X's name.
        # A quotation running over sentences names its speaker once ("...," said Kipchoge.
        # "We did this one together."): a quoted clause without a speaker of its own is left to
        # the speaker check of the whole passage.
        quoted = any(q in pf.sentence for q in ('"', "“", "”", "«", "»"))
        if (pf.speaker is None and attribution and not quoted) or (
                pf.speaker is not None and not (same_referent(cf.speaker, pf.speaker, similar)
                                                or _named_beside(cf.speaker, pf.speaker)
                                                or is_pronoun(pf.speaker)
                                                or speaks_of_itself(pf, cf.speaker))):
            findings.append(Finding("speaker", cf.speaker.name or cf.speaker.text,
                                    (pf.speaker.name or pf.speaker.text)
                                    if pf.speaker is not None else None,
                                    _speaker_relation(cf, pf)))
        else:
            shares = _speaker_share(cf), _speaker_share(pf)
            if None not in shares and shares[0][1] == shares[1][1] \
                    and shares[0][0] != shares[1][0] \
                    and frozenset({shares[0][0], shares[1][0]}) not in _SHARE_APART:
                # "More than half of the teachers surveyed said ..." / "Nearly half of ...":
                # another share of the same group said it
                findings.append(Finding("speaker", shares[0][2], shares[1][2], Relation.CONFLICT))
    # Told with another verb for the same deed ("was fired" for "was dismissed"): the verb's
    # own words (its particle, "into custody") are not asked of the passage, the rest are.
    # "Nobody died in the fire" / "No one was killed in the fire": the converse is the deed too
    paraphrased = pf.predicate != cf.predicate and (_paraphrase(cf, pf) or mirrored
                                                    or _converse(cf, pf) or _kept_state(cf, pf))
    deed = {p for w in _deed_words(cf) for p in (w, *w.split("_"))} if paraphrased else set()
    # a participant named with a synonym noun in the same role ("in the blast" / "in the
    # explosion") is the same participant: its head is not asked of the passage's words
    synonyms = {a.head for r, a in cf.args.items() if args.get(r) is not None
                and synonym_noun(a, args[r], similar)}
    restates = (agreement and not findings and (pf.predicate == cf.predicate or paraphrased)
                and pf.negated == cf.negated and not pf.under_negation
                # "…, police said" vouches for a bare fact as news tells one
                and (pf.stance == cf.stance or (cf.stance is Stance.FACT and pf.stance.asserts))
                # every common word of the clause ("indoors" too)
                and cf.words - deed - synonyms <= pf.words
                and all(is_pronoun(a) or (args.get(r) is not None
                                           and (arg_same(a, args[r]) or a.head in synonyms))
                        for r, a in cf.args.items() if not (deed and r == "prep:into"
                                                            and a.head == "custody")))
    return RoleJudgement(parsed=True, aligned=pf.sentence, findings=tuple(findings),
                         agreement=agreement, stance=pf.stance, restates=restates, notes=notes,
                         # a clause no one would confirm is not negated: neither said nor denied
                         negated=(cf.negated,
                                  pf.negated or (pf.under_negation and not pf.unconfirmed)))


def _other_rank(cf: Frame, pf: Frame) -> Finding | None:
    """A rank of the claim's sentence that the passage's gives to the same thing otherwise,
    and nowhere as the claim does ("the first time" / "the third time")."""
    for what, n, text in cf.ranks:
        others = [(m, t) for w, m, t in pf.ranks if w == what]
        if others and all(m != n for m, _ in others):
            return Finding("rank", text, others[0][1], Relation.CONFLICT)
        # "the youngest player" / "the oldest player": the other end of the same scale
        flipped = next((t for w, m, t in pf.ranks if m == n
                        and frozenset((what, w)) in _OTHER_END), None)
        if flipped is not None and not any(w == what for w, _, _ in pf.ranks):
            return Finding("rank", text, flipped, Relation.CONFLICT)
    return None


#: Superlatives at the two ends of one scale (lemmas, as ranks are kept).
_OTHER_END = frozenset(frozenset(p.split()) for p in (
    "young old", "high low", "large small", "big small", "long short", "fast slow",
    "early late", "rich poor", "hot cold", "wet dry", "strong weak", "cheap expensive"))


_PLACING = frozenset({"finish", "come", "place", "end"})


def _placing(frame: Frame) -> tuple[int, str] | None:
    """Where a contestant finished: first for "won", n for "finished/came/placed n-th"."""
    if frame.negated:
        return None
    # ordinals as written: "four seconds" is no placing, though its lemma is "second"
    ordinals = [w for w in frame.text.lower().split() if w.strip(",.") in ORDINALS]
    if frame.predicate == "win":
        # "won second place", "won the third stage": no placing read
        return None if ordinals else (1, frame.predicate_text)
    if frame.predicate in _PLACING and ordinals:
        word = ordinals[0].strip(",.")
        return ORDINALS[word], word
    return None


def _other_placing(cf: Frame, pf: Frame) -> Finding | None:
    """"Smith finished second" against "Smith won the race": one contestant, two places."""
    c, p = _placing(cf), _placing(pf)
    if c is None or p is None or c[0] == p[0]:
        return None
    return Finding("rank", c[1], p[1], Relation.CONFLICT)


def _placing_untold(cf: Frame, pframes: Sequence[Frame]) -> Finding | None:
    """"finished second" where no clause of the passage gives a placing or that ordinal: the
    place is the claim's detail, which the source does not give ("Kipchoge ran a marathon in
    Vienna" says nothing of a second place). Unbacked."""
    mine = _placing(cf)
    if mine is None or cf.predicate == "win":
        return None
    if any(_placing(f) is not None or mine[1] in f.sentence.lower().split() for f in pframes):
        return None
    return Finding("rank", f"{cf.predicate_text} {mine[1]}", None, Relation.UNBACKED)


#: Verbs that take an event as their object and say it will not happen as planned.
_CALLING_OFF = frozenset({"postpone", "cancel", "delay", "scrap", "suspend", "abandon",
                          "call_off", "defer", "shelve"})
#: Verbs of an event moved to another date, which a postponement is ("moved to September" /
#: "postponed until September").
_RESCHEDULING = frozenset({"move", "reschedule", "shift", "push_back", "bring_forward"})
_PUTTING_OFF = frozenset({"postpone", "delay", "defer", "put_off"})


def _called_off(cf: Frame, pf: Frame) -> Finding | None:
    """The claim's deed named as an event the passage's clause calls off ("postponed a
    planned visit to Japan" against "will visit Japan", "cancelled the strike" against "the
    union struck")."""
    patient = pf.args.get(PATIENT)
    if pf.negated or patient is None or patient.head != cf.predicate or cf.negated:
        return None
    # the clause's own verb, or its phrasal form ("called off"), not any word of the clause
    # ("predicted a drop in revenue")
    if pf.predicate not in _CALLING_OFF and f"{pf.predicate}_off" not in _CALLING_OFF & pf.words:
        return None
    particle = next((w.split("_", 1)[1] for w in sorted(pf.words)
                     if w.startswith(pf.predicate + "_")), None)
    verb = f"{pf.predicate_text} {particle}" if particle else pf.predicate_text
    return Finding("predicate", cf.predicate_text, f"{verb} {patient.text}", Relation.CONFLICT)


#: Fates of a planned event that exclude each other: called off for good, or moved to a later
#: date ("cancelled her tour" / "postponed her tour until next year").
_FATES_OF_EVENTS = (frozenset({"cancel", "call_off", "scrap", "abandon", "axe", "shelve"}),
                    frozenset({"postpone", "put_off", "defer", "delay", "reschedule"}))


#: An event held on the day it was planned for: not called off, not put off.
_AS_PLANNED = re.compile(r"\bas (?:planned|scheduled|expected)\b|\bon schedule\b", re.IGNORECASE)


def _called_otherwise(cf: Frame, pf: Frame) -> Finding | None:
    """The claim's event given the other fate in the passage's clause: "postponed her
    European tour until next year" against "cancelled her European tour" (unbacked, the
    passage's words shown: a postponed event may yet be cancelled, as the source cannot say);
    held as planned, "played its concert in Paris as planned" (a conflict)."""
    def fate(f: Frame) -> int | None:
        verbs = {f.predicate} | {w for w in f.words if "_" in w and w.startswith(f.predicate + "_")}
        return next((i for i, group in enumerate(_FATES_OF_EVENTS) if verbs & group), None)

    mine, theirs = fate(cf), fate(pf)
    patient, other = cf.args.get(PATIENT), pf.args.get(PATIENT)
    if mine is None or cf.negated or pf.negated or patient is None or other is None \
            or patient.head != other.head:
        return None
    planned = _AS_PLANNED.search(pf.sentence) if theirs is None else None
    if planned is not None:
        # "played its concert in Paris as planned" against "cancelled its concert in Paris"
        return Finding("predicate", _as_written(cf.predicate, cf),
                       f"{_from_verb(pf)} {planned.group(0)}", Relation.CONFLICT)
    if theirs is None or mine == theirs:
        return None
    return Finding("predicate", _as_written(cf.predicate, cf), _from_verb(pf), Relation.UNBACKED,
                   instead=True)


#: Verbs of a state going on: a clause "X remained trapped / stayed on the pitch / remain in
#: custody" says the change the claim reports ("were rescued", "was sent off", "release") has not
#: come.
_CONTINUING = frozenset({"remain", "stay"})
#: States of being held that "still" says go on: "are still being held" for "were freed"
_HELD = frozenset({"hold", "detain", "trap", "imprison", "jail", "keep", "miss"})
#: Verbs of reaching a mark, which "fell short of" it denies: "won a majority" / "fell short
#: of a majority", "met its target" / "fell short of its target".
_ATTAINING = frozenset({"win", "reach", "achieve", "secure", "hit", "meet", "attain", "obtain",
                        "gain", "clinch", "break", "beat", "exceed", "surpass", "top"})
#: Verbs that turn down an offer, and the offers: "rejected a takeover offer from Apple" says
#: Apple did not acquire the firm.
_TURNING_DOWN = frozenset({"reject", "refuse", "decline", "rebuff", "spurn", "turn_down",
                           "withdraw", "abandon", "block", "veto"})
_OFFERS = frozenset({"offer", "bid", "proposal", "approach", "deal", "takeover", "merger",
                     "request", "application", "plan", "invitation"})
#: Nouns of an event that a clause can call off: "cancelled its concert" for "will play".
_EVENTS = frozenset({"concert", "show", "match", "game", "fixture", "race", "tour", "visit",
                     "trip", "meeting", "summit", "talks", "vote", "election", "ceremony",
                     "festival", "performance", "launch", "flight", "hearing", "trial", "rally",
                     "march", "strike", "parade", "screening", "premiere", "event", "conference"})


def _kept_state(cf: Frame, pf: Frame) -> bool:
    """The passage's clause says the claim's state went on: "remained shut" for "was
    closed", "stayed closed" for "was closed"."""
    return pf.predicate in _CONTINUING and any(
        w == cf.predicate or any(w in g and cf.predicate in g for g in PARAPHRASE_GROUPS)
        for w in pf.words if w != pf.predicate)


def _another_deed(cf: Frame, pf: Frame | None, pframes: Sequence[Frame],
                  agreement: bool) -> Finding | None:
    """A passage clause, about the claim's participants, whose deed says the claim's did not
    happen, where the passage gives the claim's deed nowhere (the verb, or the deed noun it
    governs: "ordered the release"): a state that goes on ("Twelve miners remain trapped"
    against "were rescued"; "the journalist remain in custody" against "ordered the release of
    the journalist"), the claim's agent not doing it to the claim's patient ("gathered outside
    the building but did not enter it" against "stormed the building"), an offer turned down
    ("The startup rejected a takeover offer from Apple" against "Apple acquired the startup"),
    an event called off ("has cancelled its concert in Berlin" against "will play in Berlin").
    Unbacked, not a conflict: the two verbs are not opposites, and which deed the claim's verb
    names is for a reader to weigh; the reader is shown the passage's."""
    if cf.negated or cf.predicate in BARE_VERBS:
        return None
    lemmas = {w for f in pframes for w in f.words} | {f.predicate for f in pframes}
    deed = [cf.predicate]
    patient = cf.args.get(PATIENT)
    if patient is not None and not patient.name_type and patient.head in _DEED_NOUNS:
        deed.append(patient.head)  # "ordered the release of the journalist"
    absent = next((w for w in deed if w not in lemmas), None)
    if absent is None:
        return None
    said = cf.predicate_text if absent == cf.predicate else patient.text  # type: ignore[union-attr]
    particle = next((w.split("_", 1)[1] for w in sorted(cf.words) if w.startswith(cf.predicate + "_")), None)
    if absent == cf.predicate and particle:
        said = f"{said} {particle}"  # "sent off"
    claim_heads = {a.head for a in cf.args.values()} | set(cf.words)

    def about_claim(f: Frame) -> bool:
        agent = f.args.get(AGENT) or f.args.get(PATIENT)
        return agent is not None and not is_pronoun(agent) and agent.head in claim_heads

    for f in (*((pf,) if pf is not None else ()), *pframes):
        if f.under_negation:
            continue
        going_on = f.predicate in _CONTINUING or ("still" in f.words and f.predicate in _HELD)
        if going_on and not _kept_state(cf, f) and not f.negated and about_claim(f):
            return Finding("predicate", said, _from_verb(f), Relation.UNBACKED, instead=True)
        if (f.predicate == "fall" and {"short", "of"} <= f.words and patient is not None
                and patient.head in f.words and not f.negated):
            # "fell just short of the world record" for "broke the world record"; for a verb
            # of reaching it ("won a majority", "hit its target") the opposite deed
            if cf.predicate in _ATTAINING:
                return Finding("predicate", f"{said} {patient.text}", _from_verb(f),
                               Relation.CONFLICT)
            return Finding("predicate", said, _from_verb(f), Relation.UNBACKED, instead=True)
        fp = f.args.get(PATIENT)
        if f.negated and f is not pf and fp is not None and cf.args.get(AGENT) is not None \
                and f.args.get(AGENT) is not None \
                and arg_same(cf.args[AGENT], f.args[AGENT]) \
                and (is_pronoun(fp) or (patient is not None and fp.head == patient.head)):
            return Finding("predicate", said, f"did not {f.predicate_text} {fp.text}",
                           Relation.UNBACKED, instead=True)
        turned_down = f.predicate in _TURNING_DOWN or f"{f.predicate}_down" in _TURNING_DOWN & f.words
        refusing = cf.predicate in _TURNING_DOWN or bool(_TURNING_DOWN & cf.words)
        if turned_down and not refusing and not f.negated and fp is not None \
                and (fp.head in _OFFERS or any(m in _OFFERS for m in fp.modifiers)) \
                and {a.head for a in cf.args.values()} & (f.words | {a.head for a in f.args.values()}):
            return Finding("predicate", said, f"{f.predicate_text} {fp.text}", Relation.UNBACKED,
                           instead=True)
    if pf is None or not agreement or pf.negated:
        return None
    ep = pf.args.get(PATIENT)
    calling_off = cf.predicate in _CALLING_OFF or bool(_CALLING_OFF & cf.words) or (
        cf.predicate in _RESCHEDULING and pf.predicate in _PUTTING_OFF)
    if ep is not None and ep.head in _EVENTS and not calling_off \
            and (pf.predicate in _CALLING_OFF or f"{pf.predicate}_off" in _CALLING_OFF & pf.words):
        return Finding("predicate", said, f"{pf.predicate_text} {ep.text}", Relation.UNBACKED,
                       instead=True)
    if patient is not None and absent == cf.predicate and PATIENT not in pf.args:
        # the claim's patient only beside the passage's deed: "gathered outside the
        # parliament" is not "stormed the parliament"
        near = next((a for r, a in pf.args.items() if r.split(":")[-1] in _BESIDE
                     and a.head == patient.head), None)
        if near is not None:
            return Finding("predicate", said, _from_verb(pf), Relation.UNBACKED, instead=True)
    return None


#: Verbs too broad to name one deed alone ("took", "held", "made", "said"): a clause of one is
#: read by its other words, never as another deed than the claim's.
_BROAD_VERBS = BARE_VERBS | frozenset("""
make take give hold come go put set get let keep
tell state write add note explain report announce post tweet
comment remark describe quote reply respond""".split())
#: Verbs whose deed is the state they leave something in when they have one ("found him
#: guilty", "left two soldiers dead", "was found safe"): broad then, a deed of their own
#: without it ("Doctors found the tumour" is not "removed the tumour", "Protesters left the
#: square" not "occupied the square").
_STATE_VERBS = frozenset("find leave see show call turn render declare deem".split())
#: Verbs that end or undo what their object names ("lifted the curfew", "scrapped the plan"):
#: no account of the thing being made or announced, which a broad verb may tell ("announced a
#: curfew").
_UNDOING_VERBS = frozenset("""lift end cancel scrap revoke rescind withdraw abolish repeal
overturn reverse abandon drop call_off quash annul dismantle dissolve release free""".split())


def _deed_told(frame: Frame, deed: set[str]) -> set[str]:
    """The verbs of ``deed`` (:func:`_deed_words`) that name a deed of their own in the
    clause: not a broad verb, nor a verb of a state when the clause has one."""
    broad = _BROAD_VERBS | (_STATE_VERBS if frame.complement else frozenset())
    return deed - broad


def _unrelated_deed(cf: Frame, pf: Frame, pframes: Sequence[Frame],
                    args: dict[str, Argument],
                    same: Callable[[Argument, Argument], bool] = arg_same) -> Finding | None:
    """The passage clause about the claim's participants tells them in a verb that WordNet
    does not link to the claim's (verify/verb_kin.py), and no clause of the passage has the
    claim's: "Rebels shelled the city" for "Rebels captured the city", "The company sold 2
    million cars" for "... recalled 2 million cars". Another deed of the same participants,
    which the bundled model calls entailment for sharing every other word: unbacked, with the
    passage's deed shown, not a conflict (the two deeds may both have happened).

    Kin, and left to the other checks: one verb in WordNet's senses of the other within
    :data:`~groundbrief.verify.verb_kin.KIN_STEPS` links ("stepped down" / "resigned"), a verb
    of the paraphrase groups, one told from the other side ("fell to rebels" / "captured"), a
    step of the same course (:data:`STAGES`), a noun derived from the claim's verb in the
    passage's clause ("won the council's approval" / "approved"), a verb WordNet does not know,
    and broad verbs ("took", "held", "said"). ``args``: the passage clause's arguments under
    the claim's role names (:func:`_roles_of`)."""
    if cf.negated or pf.negated or pf.under_negation:
        return None
    # the same participants: each of the claim's doer and done-to in the passage's clause, in
    # its role ("Increases in CO2 followed increases in temperature" is not about the
    # "absorption" a clause of increases in CO2 strengthened)
    roles = [r for r in (AGENT, PATIENT) if r in cf.args]
    if len(roles) == 1 and (AGENT in args) != (PATIENT in args) and roles[0] not in args:
        # a deed that befalls its subject against one done to it: "The bridge collapsed" /
        # "The bridge was damaged", "The aid arrived" / "The aid was blocked"
        args = {**args, roles[0]: args[PATIENT if roles[0] == AGENT else AGENT]}
    if not roles or any(args.get(r) is None or not (
            is_pronoun(cf.args[r]) or is_pronoun(args[r]) or same(cf.args[r], args[r]))
            for r in roles):
        return None
    mine, theirs = _deed_words(cf), _deed_words(pf)
    # a phrasal verb is its own deed ("took off", "sent off", "put out"), a broad verb alone none
    mine_told, theirs_told = _deed_told(cf, mine), _deed_told(pf, theirs)
    if pf.predicate == cf.predicate or mine & pf.words or theirs & cf.words \
            or any(cf.predicate in (f.predicate, *f.words) for f in pframes):
        return None
    if bool(mine_told) != bool(theirs_told):
        # a broad verb against one that undoes its object: "announced a curfew" / "lifted
        # the curfew" (not when the broad verb's clause tells an undoing too, "announced the
        # lifting of the curfew")
        undone = (mine_told or theirs_told) & _UNDOING_VERBS
        broad = pf if mine_told else cf
        if not undone or broad.words & _UNDOING_VERBS \
                or any(derived_nouns(v) & broad.words for v in undone):
            return None
        return _instead(cf, pf)
    if not mine_told:
        return None
    if _paraphrase(cf, pf) or _paraphrase(pf, cf) or _mirrored(cf, pf) is not None \
            or _converse(cf, pf) or _kept_state(cf, pf) \
            or opposite(cf.predicate, pf.predicate, nouns=True) \
            or any(a in rung and b in other for course in STAGES for rung in course
                   for other in course for a in mine for b in theirs):
        return None
    if derived_nouns(cf.predicate) & pf.words or derived_nouns(pf.predicate) & cf.words:
        return None
    if orientation(cf) and orientation(cf) == orientation(pf):
        return None  # "voted for the treaty" / "backed the treaty": one side, two verbs
    kin = {verb_kin(a, b) for a in mine_told for b in theirs_told}
    if True in kin or False not in kin:
        return None
    return _instead(cf, pf)


def _unrelated_deed_to_another(cf: Frame, pframes: Sequence[Frame]) -> Finding | None:
    """:func:`_unrelated_deed` where the claim's done-to is told otherwise by the passage, so
    the clauses do not align: "The team signed a new goalkeeper" against "The team sold its
    goalkeeper" (the same doer, a goalkeeper both times, another deed)."""
    mine = cf.args.get(PATIENT)
    if mine is None or is_pronoun(mine) or AGENT not in cf.args:
        return None
    for pf in pframes:
        theirs = pf.args.get(PATIENT)
        if theirs is not None and not is_pronoun(theirs) and theirs.head == mine.head:
            found = _unrelated_deed(cf, pf, pframes, _roles_of(cf, pf), same=_same_head)
            if found is not None:
                return found
    return None


def _moved_the_other_way(cf: Frame, pframes: Sequence[Frame]) -> Finding | None:
    """The claim's level, reached by a rise (or a fall), given by the passage with the level it
    came down (or up) from: "Visitor numbers rose to 8.7 million" against "welcomed 8.7 million
    visitors, down from 8.9 million". A conflict, the passage's words shown."""
    if cf.negated or not cf.figures:
        return None
    rising, falling = opposite(cf.predicate, "fall"), opposite(cf.predicate, "rise")
    if rising == falling:
        return None
    for f in pframes:
        for g in f.figures:
            if not any(c.value == g.value for c in cf.figures):
                continue
            way = re.search(rf"{re.escape(g.text)}[^.;]{{0,60}}?\b(up|down)\s+from\s+[$€£]?[\d.,]+"
                            r"(?:\s+(?:million|billion|percent|per cent))?", f.sentence)
            if way is not None and (way.group(1) == "down") == rising:
                return Finding("predicate", _as_written(cf.predicate, cf), way.group(0),
                               Relation.CONFLICT)
    return None


#: Nouns of a change, which name nothing without what changed ("increases" in CO2, in
#: temperature): no doer to compare by its head.
_CHANGE_NOUNS = frozenset({"increase", "decrease", "rise", "fall", "change", "growth", "decline",
                           "drop", "reduction", "gain", "loss"})
#: Verbs of a link found between two things, which says nothing of one causing the other.
_ASSOCIATING = frozenset({"associate", "link", "correlate", "tie", "connect"})


def _only_associated(cf: Frame, pframes: Sequence[Frame]) -> Finding | None:
    """The claim's doer said to do something to a thing ("Regular sauna use lowers the risk of
    dementia") where the passage only links the two ("was associated with a lower risk of
    dementia"): an association, not a cause. Unbacked, the passage's words shown."""
    doer = cf.args.get(AGENT)
    if doer is None or is_pronoun(doer) or doer.head in WEAK_HEADS | _CHANGE_NOUNS \
            or cf.negated or cf.predicate in _ASSOCIATING \
            or cf.predicate in BARE_VERBS or _ASSOCIATING & cf.words:
        return None
    done_to = cf.args.get(PATIENT)
    for f in pframes:
        linked = f.args.get(PATIENT) or f.args.get(AGENT)
        if f.predicate not in _ASSOCIATING or f.negated or linked is None \
                or not arg_same(doer, linked) or not arg_in_text(doer, f.sentence):
            continue  # (the doer in full: "increases in CO2" is not "increases in temperature")
        if done_to is None or done_to.head in f.words:
            return Finding("predicate", _as_written(cf.predicate, cf), _from_verb(f),
                           Relation.UNBACKED, instead=True)
    return None


def _same_head(a: Argument, b: Argument) -> bool:
    return a.head == b.head or arg_same(a, b)


def _instead(cf: Frame, pf: Frame) -> Finding:
    """The claim's deed unbacked, with the passage's shown instead."""
    return Finding("predicate", _as_written(cf.predicate, cf), _from_verb(pf), Relation.UNBACKED,
                   instead=True)


def _left_unchanged(cf: Frame, pframes: Sequence[Frame]) -> Finding | None:
    """A passage clause that says the level the claim changes stayed where it was: "The
    central bank left rates unchanged" against "The central bank raised rates",
    "Unemployment was unchanged in March" against "Unemployment fell in March" (a conflict,
    cited). The level is the claim's patient ("raised rates"), else its subject ("rates
    rose"); the rate "held at 5 percent" is kept there too."""
    if cf.negated or cf.predicate not in CHANGE_VERBS:
        return None
    level = cf.args.get(PATIENT) or cf.args.get(AGENT)
    if level is None or is_pronoun(level):
        return None
    if any(_same_event(cf, f) for f in pframes):
        return None  # "flat in early trade, then rose": the passage tells the change too
    for f in pframes:
        if f.negated or f.under_negation or f.predicate not in KEEPING_VERBS | UNCHANGED_WORDS:
            continue
        kept = (f.words & UNCHANGED_WORDS or (f.predicate in ("hold", "keep") and "at" in f.words)
                or f.predicate == "freeze")  # "froze the minimum wage"
        if cf.dates and f.dates and not {norm(d) for d in cf.dates} & {norm(d) for d in f.dates}:
            continue  # another period's level ("unchanged in April" / "rose in May")
        if kept and (any(arg_same(level, a) for r, a in f.args.items() if r in (AGENT, PATIENT))
                     # "kept its growth forecast unchanged", parsed with "unchanged" the object
                     or (PATIENT in f.args and f.args[PATIENT].head in UNCHANGED_WORDS
                         and level.head in f.words)):
            return Finding("predicate", _as_written(cf.predicate, cf), _from_verb(f),
                           Relation.CONFLICT)
    return None


#: Verbs that move a thing to another place, and verbs that keep it where it is.
_MOVING = frozenset({"move", "relocate", "transfer", "shift"})
_KEEPING_PLACE = frozenset({"keep", "retain", "leave"})


def _kept_in_place(cf: Frame, pframes: Sequence[Frame]) -> Finding | None:
    """A passage clause that keeps where it was what the claim moves: "The company kept its
    headquarters in Dublin" against "The company moved its headquarters to Dublin". Unbacked,
    not a conflict: it may have moved there before."""
    patient = cf.args.get(PATIENT)
    if cf.negated or cf.predicate not in _MOVING or patient is None or is_pronoun(patient):
        return None
    for f in pframes:
        fp = f.args.get(PATIENT)
        if f.predicate in _KEEPING_PLACE and not f.negated and not f.under_negation \
                and fp is not None and fp.head == patient.head:
            return Finding("predicate", _as_written(cf.predicate, cf), _from_verb(f),
                           Relation.UNBACKED, instead=True)
    return None


def _earlier_stage(cf: Frame, pframes: Sequence[Frame]) -> Finding | None:
    """A passage clause about the claim's participants that tells an earlier step of the
    claim's course of events (opposites.STAGES), or another outcome of its kind
    (opposites.OUTCOMES: "commuted the prisoner's sentence" for "pardoned the prisoner"), where
    the passage tells the claim's deed nowhere: "The film was nominated for best picture" for
    "The film won best picture", "was arrested" for "was charged", "infected more than 500
    people" for "killed". Unbacked, the passage's words shown: the later step may yet come, or
    may have come unreported."""
    if cf.negated or cf.predicate in BARE_VERBS:
        return None
    mine = _deed_words(cf)
    mine |= {base_verb(w) for w in mine}  # "retook the town" is a capture
    # what a clause says may yet come ("faces a ban") does not tell the deed
    told = {f.predicate for f in pframes} | {
        w for f in pframes for w in f.words
        if not (f.predicate in _FACING and w == _patient_head(f))}
    if mine & told or any(_paraphrase(cf, f) for f in pframes):
        return None
    claimed = [a for a in cf.args.values() if not is_pronoun(a) and a.head not in WEAK_HEADS]
    for f in pframes:
        step = any(earlier_stage(c, d) or other_outcome(c, d)
                   for c in mine for d in _step_words(f))
        # "faces a ban" for "was banned"; "faces a confidence vote" for "won the confidence
        # vote": the thing the claim's deed was done to, still ahead
        faced = f.predicate in _FACING and (
            _FACED.get(_patient_head(f)) in mine
            or (cf.args.get(PATIENT) is not None and _patient_head(f) == cf.args[PATIENT].head
                and cf.predicate not in _FACING))
        if f.negated or f.under_negation or not (step or faced):
            continue
        # the claim's participants, or the office or prize it names beside the verb ("She
        # was elected mayor" / "She ran for mayor")
        named = (cf.words - mine - STOPWORDS_EN) & (f.words - STOPWORDS_EN)
        if named or any(arg_same(a, b) for a in claimed for b in f.args.values()
                        if not is_pronoun(b)):
            return Finding("predicate", _as_written(cf.predicate, cf), _from_verb(f),
                           Relation.UNBACKED, instead=True)
    return None


#: Verbs that carry a step named by their object ("made an offer", "launched a search",
#: "opened an investigation"), and the step each noun names.
_LIGHT_VERBS = frozenset({"make", "launch", "open", "begin", "start", "mount", "submit", "file",
                          "lodge", "table", "put", "place"})
_STEP_NOUNS = {"offer": "offer", "bid": "bid", "approach": "approach", "search": "search",
               "hunt": "hunt", "probe": "probe", "investigation": "investigate",
               "inquiry": "investigate", "proposal": "propose", "nomination": "nominate",
               "campaign": "campaign", "application": "apply"}


#: Verbs of a deed that may yet come to the subject ("faces a ban", "risks a fine"), and the
#: deed each noun names: "The drug faces a ban" does not say "The drug has been banned".
_FACING = frozenset({"face", "risk"})
_FACED = {"ban": "ban", "fine": "fine", "charge": "charge", "trial": "try", "sanction": "sanction",
          "prosecution": "prosecute", "deportation": "deport", "extradition": "extradite",
          "impeachment": "impeach", "eviction": "evict", "arrest": "arrest", "jail": "jail",
          "prison": "jail", "dismissal": "dismiss", "closure": "close", "suspension": "suspend",
          "expulsion": "expel", "sentence": "sentence", "lawsuit": "sue", "strike": "strike",
          "cut": "cut", "recall": "recall", "shutdown": "shut", "relegation": "relegate",
          "sack": "sack", "veto": "veto", "investigation": "investigate", "probe": "investigate"}


def _patient_head(f: Frame) -> str:
    patient = f.args.get(PATIENT)
    return patient.head if patient is not None else ""


def _step_words(f: Frame) -> set[str]:
    """:func:`_deed_words`, with the step a light verb's object names ("made an offer")."""
    patient = f.args.get(PATIENT)
    if f.predicate in _LIGHT_VERBS and patient is not None and patient.head in _STEP_NOUNS:
        return _deed_words(f) | {_STEP_NOUNS[patient.head]}
    return _deed_words(f)


def _opposite_state(cf: Frame, pframes: Sequence[Frame]) -> tuple[Finding, Frame] | None:
    """A passage clause whose participants are all the claim's own that says the opposite
    state or deed, with the same polarity: "The ship's crew was found dead" against "The
    ship's crew was rescued alive" (a claim too short to align by two participants), "The
    spire ... collapsed" against "The spire survived the fire". A clause with another
    participant ("Police released the woman" against "Police arrested the man") is another
    deed, not the opposite one."""
    mine = [a for r, a in cf.args.items() if r in (AGENT, PATIENT) and not is_pronoun(a)]
    if not mine:
        return None
    for pf in pframes:
        theirs = [a for r, a in pf.args.items() if r in (AGENT, PATIENT) and not is_pronoun(a)]
        if pf.negated != cf.negated or pf.under_negation or not theirs \
                or not all(any(arg_same(m, t) for m in mine) for t in theirs):
            continue
        if opposite(cf.predicate, pf.predicate, nouns=True):
            return Finding("predicate", cf.predicate_text, pf.predicate_text, Relation.CONFLICT), pf
        flipped = _opposite_words(cf, pf)
        if flipped is not None:
            return Finding("predicate", flipped[0], flipped[1], Relation.CONFLICT), pf
    return None


def _predicate_unnamed(cfs: Sequence[Frame], passage: str,
                       similar: Similarity | None) -> Finding | None:
    """The predicate of the claim's reported clause (the last clause that is not a verb of
    saying) when the passage has no word of it: the word itself, another form of it (a long
    shared beginning: "announce" / "announced"), or a synonym."""
    content = [f for f in cfs if f.predicate not in _SAYING and f.predicate not in BARE_VERBS]
    if not content:
        return None
    cf = content[0]
    word = cf.predicate
    if not word.isalpha() or len(word) < 4:
        return None
    words = {w for w in re.findall(r"[a-z]+", norm(passage))}
    stem = word[:max(4, len(word) - 2)]
    if any(w.startswith(stem) for w in words):
        return None
    if similar is not None and any(similar(word, w) >= SYNONYM for w in words
                                   if len(w) > 3 and w.isalpha()):
        return None
    return Finding("predicate", cf.predicate_text, None, Relation.UNBACKED)


#: Verbs of saying: the reported clause of "X said Y" is Y's.
_SAYING = frozenset({"say", "tell", "announce", "state", "declare", "claim", "add", "write",
                     "report", "warn", "insist", "argue", "note", "confirm", "explain", "tweet"})


def _effect_unnamed(cf: Frame, passage: str, similar: Similarity | None) -> Finding | None:
    """A claim that X causes Y, against a passage with no clause about it that never names Y
    in any word of it or a synonym: "Carbon dioxide intoxication is caused by wearing face
    masks" was Supported by "Face masks help to limit contact with infectious droplets". A
    cause is claimed of its effect; a passage silent on the effect says nothing of it."""
    effect = cf.args.get(PATIENT)
    if cf.predicate != "cause" or effect is None or is_pronoun(effect) or effect.name_type:
        return None
    words = {w for w in re.findall(r"[a-z]+", norm(passage))}
    heads = {effect.head, effect.head.rstrip("s")}
    if heads & words or any(w.startswith(effect.head[:5]) for w in words if len(effect.head) >= 6):
        return None
    if similar is not None and any(similar(effect.head, w) >= SYNONYM for w in words
                                   if len(w) > 3 and w.isalpha()):
        return None
    return Finding(PATIENT, effect.text, None, Relation.UNBACKED)


#: Prepositions that put a participant beside a deed, not under it.
_BESIDE = frozenset({"outside", "near", "around", "beside", "opposite", "behind", "towards",
                     "toward", "past", "by"})


def _from_verb(f: Frame, words: int = 10) -> str:
    """The clause from its verb on, to the first comma ("remain trapped in the flooded mine"),
    for showing the reader what the source says instead."""
    text = f.text or f.sentence
    at = text.find(f.predicate_text) if f.predicate_text else -1
    rest = text[at:] if at >= 0 else text
    kept = re.split(r"[,;:.]", rest, maxsplit=1)[0].split()[:words]
    while len(kept) > 1 and kept[-1].lower() in ("and", "but", "or", "then"):
        kept.pop()  # "charged with murder and (remanded …)": the next clause's conjunction
    return " ".join(kept)


# each end a name, after "the island of" and the like ("from the island of Naxos to Piraeus")
_ROUTE_END = r"(?:the\s+[a-z]+\s+of\s+)?((?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*)"
_ROUTE = re.compile(rf"\bfrom\s+{_ROUTE_END}\s+to\s+{_ROUTE_END}")


def _reversed_route(cf: Frame, pf: Frame) -> Finding | None:
    """"from London to New York" where the passage's clause has "from New York to London":
    the two ends of a journey or a transfer swapped."""
    routes = [(norm(a), norm(b), f"from {a} to {b}") for a, b in _ROUTE.findall(pf.sentence)]
    for a, b in _ROUTE.findall(cf.sentence or cf.text):
        ka, kb = norm(a), norm(b)
        if ka == kb or any(x == ka and y == kb for x, y, _ in routes):
            continue
        back = next((text for x, y, text in routes if x == kb and y == ka), None)
        if back is not None:
            return Finding("route", f"from {a} to {b}", back, Relation.CONFLICT)
    return None


_VOTE_SPLIT = re.compile(r"\b(\d+)\s*(?:votes?\s+)?(?:to|-|–)\s*(\d+)\b")


_MAGNITUDE = re.compile(r"\b(?:(?P<many>tens|hundreds)\s+of\s+(?P<of>thousands|millions)|"
                        r"(?P<one>" + "|".join(MAGNITUDE_WORDS["en"]) + r"))\b"
                        r"(?:\s+of\s+(?:the\s+)?(?P<noun>[a-z]+))?", re.IGNORECASE)


def _magnitude(text: str) -> tuple[int, str, str] | None:
    """The first count a clause gives by its order of magnitude: (order, as written, what it
    counts): "tens of thousands of people" is (4, "tens of thousands", "people")."""
    m = _MAGNITUDE.search(text)
    if m is None:
        return None
    orders = MAGNITUDE_WORDS["en"]
    if m.group("many"):
        order = orders[m.group("of").lower()] + (1 if m.group("many").lower() == "tens" else 2)
    else:
        order = orders[m.group("one").lower()]
    return order, m.group(0).rsplit(" of ", 1)[0] if m.group("noun") else m.group(0), \
        (m.group("noun") or "").lower()


def _other_magnitude(cf: Frame, pf: Frame) -> Finding | None:
    """"Hundreds of people were killed" against "Dozens of people were killed": two orders of
    magnitude for one count. Digits against such a word are left to the model: "dozens" is a
    fair rounding of 57."""
    c, p = _magnitude(cf.text), _magnitude(pf.text)
    if c is None or p is None or c[0] == p[0] or (c[2] and p[2] and c[2] != p[2]):
        return None
    return Finding("figure:number", c[1], p[1], Relation.CONFLICT)


def _without(cf: Frame, pf: Frame) -> Finding | None:
    """"ended in agreement" / "with an agreement" where the passage's clause says "ended
    without an agreement": the same thing, had and not had."""
    for role in ("prep:in", "prep:with"):
        c, p = cf.args.get(role), pf.args.get("prep:without")
        if c is not None and p is not None and c.head == p.head and "prep:without" not in cf.args:
            return Finding("polarity", f"{role[5:]} {c.text}", f"without {p.text}", Relation.CONFLICT)
    return None


def _done_after_all(cf: Frame, pframes: Sequence[Frame]) -> Finding | None:
    """"released without charge" where a passage clause says the claim's participant was
    charged: the deed the claim says did not come, done to the same participant ("charged with
    murder"). The deed is the noun after "without" as a verb of the passage ("charge",
    "injury" / "injured" is left out: a verb from another stem)."""
    without = cf.args.get("prep:without")
    if without is None or without.name_type or cf.negated:
        return None
    mine = [a for r, a in cf.args.items() if r in (AGENT, PATIENT) and not is_pronoun(a)]
    for f in pframes:
        if f.predicate != without.head or f.negated or f.under_negation \
                or not f.stance.asserts or "prep:without" in f.args:
            continue
        theirs = [a for r, a in f.args.items() if r in (AGENT, PATIENT) and not is_pronoun(a)]
        if any(arg_same(m, t) for m in mine for t in theirs):
            return Finding("polarity", f"without {without.text}", _from_verb(f), Relation.CONFLICT)
    return None


def _outside(cf: Frame, pf: Frame) -> Finding | None:
    """"in the capital" where the passage's clause has "outside the capital" (or the other way
    round): the same place, the deed inside it and outside it."""
    for mine, theirs in (("prep:in", "prep:outside"), ("prep:inside", "prep:outside"),
                         ("prep:outside", "prep:in"), ("prep:outside", "prep:inside")):
        c, p = cf.args.get(mine), pf.args.get(theirs)
        if c is not None and p is not None and mine not in pf.args and theirs not in cf.args \
                and (arg_same(c, p) or c.head == p.head):
            return Finding(mine, f"{mine[5:]} {c.text}", f"{theirs[5:]} {p.text}",
                           Relation.CONFLICT)
    outside = pf.args.get("prep:outside")
    if outside is not None and pf.predicate != cf.predicate and "prep:outside" not in cf.args:
        # "set fire to the parliament building" / "gathered outside the parliament building":
        # the passage's deed was done outside what the claim's was done to
        done_to = next((a for r, a in cf.args.items() if r in (PATIENT, "prep:to", "prep:into")
                        and not is_pronoun(a) and (arg_same(a, outside) or a.head == outside.head)),
                       None)
        if done_to is not None:
            return Finding("predicate", _from_verb(cf), _from_verb(pf), Relation.UNBACKED,
                           instead=True)
    return None


def _split_vote(cf: Frame, pf: Frame) -> Finding | None:
    """"approved the bill unanimously" where the passage's clause gives a vote with some
    against ("by 51 votes to 49", "51-49")."""
    if not {"unanimously", "unanimous"} & cf.words or {"unanimously", "unanimous"} & pf.words:
        return None
    m = next((m for m in _VOTE_SPLIT.finditer(pf.sentence) if int(m.group(2)) > 0), None)
    if m is None:
        # "with two abstentions", "with three votes against", "one member voted against"
        m = _DISSENT.search(pf.sentence)
    if m is None:
        return None
    return Finding("vote", "unanimously", m.group(0), Relation.CONFLICT)


#: A vote's dissent told in words: abstentions, votes against, members who opposed.
_DISSENT = re.compile(r"\bwith\s+(?:\w+\s+){0,2}"
                      r"(?:abstentions?|votes?\s+against|dissent(?:ers|ing votes?)?)\b"
                      r"|\b(?:\w+\s+){0,3}(?:abstained|abstaining|vot(?:ed|ing)\s+against)\b",
                      re.IGNORECASE)


#: A fraction of a unit told in words: "half a point", "a quarter point", "three quarters of a
#: percentage point", "a third of an hour".
_FRACTION_OF = re.compile(
    r"\b(?P<part>half|a\s+half|one\s+half|a\s+quarter|one\s+quarter|three\s+quarters|a\s+third|"
    r"one\s+third|two\s+thirds)(?:\s+of)?\s+(?:an?\s+|one\s+)?(?:full\s+)?"
    r"(?P<unit>percentage\s+point|point|mile|hour|century|kilometre|kilometer)s?\b",
    re.IGNORECASE)
#: The value of a fraction by its last word ("three quarters", "two thirds").
_FRACTION_VALUES = {"half": 0.5, "quarter": 0.25, "quarters": 0.75, "third": 1 / 3,
                    "thirds": 2 / 3}


def _fraction(text: str) -> tuple[float, str, str] | None:
    """The one fraction of a unit ``text`` tells, as (value, unit, words); None for none or
    several."""
    found = list(_FRACTION_OF.finditer(text))
    if len(found) != 1:
        return None
    m = found[0]
    value = _FRACTION_VALUES[m.group("part").lower().split()[-1]]
    return value, re.sub(r"\s+", " ", m.group("unit").lower()), m.group(0)


def _other_fraction(cf: Frame, pf: Frame) -> Finding | None:
    """Another fraction of the same unit for the same deed: "raised rates by half a point"
    against "by a quarter point" (a conflict)."""
    mine, theirs = _fraction(cf.sentence or cf.text), _fraction(pf.sentence)
    if mine is None or theirs is None or mine[1] != theirs[1] or abs(mine[0] - theirs[0]) < 1e-9:
        return None
    return Finding("figure:fraction", mine[2], theirs[2], Relation.CONFLICT)


def _other_end(cf: Frame, pf: Frame) -> Finding | None:
    """The claim's "from X" where the passage's clause has "to X" for the same patient (or the
    other way round): "signed the striker from Ajax" against "sold the striker to Ajax". Not
    backed: which way the thing went is the detail the source gives otherwise."""
    for mine, theirs in (("prep:from", "prep:to"), ("prep:to", "prep:from")):
        c, p = cf.args.get(mine), pf.args.get(theirs)
        if c is not None and p is not None and c.name_type and arg_same(c, p) \
                and pf.args.get(mine) is None:
            return Finding(mine, f"{mine[5:]} {c.text}", f"{theirs[5:]} {p.text}", Relation.UNBACKED,
                           instead=True)
    return None


#: Verbs that stop a deed before it is done: "was turned back before it reached the city".
_STOP_BEFORE = (r"\b(?:turned\s+back|stopped|halted|blocked|intercepted|prevented|"
                r"held\s+up|forced\s+back|caught|sank|capsized|crashed|exploded|collapsed|"
                r"died|was\s+killed|was\s+shot\s+down|ran\s+aground|broke\s+down)\b[^.;]*?"
                r"\bbefore\s+(?:[\w']+\s+){0,4}?")


def _stopped_before(cf: Frame, pf: Frame) -> Finding | None:
    """The claim's deed in a "before" clause under a verb that stopped it ("The aid convoy was
    turned back before it reached the city", "The ship sank before reaching port"): the source
    says it did not happen."""
    if cf.negated:
        return None
    if pf.predicate != cf.predicate or not pf.predicate_text:
        return None
    m = re.search(_STOP_BEFORE + re.escape(pf.predicate_text) + r"\b", pf.sentence, re.IGNORECASE)
    if m is None:
        return None
    return Finding("predicate", cf.predicate_text, " ".join(m.group(0).split()), Relation.UNBACKED,
                   instead=True)


#: Verbs that put a participant out of the claim's account: "Officials ruled out contaminated
#: water as the cause of the outbreak" says it did not cause it.
_RULING_OUT = frozenset({"rule_out", "exclude", "discount"})


def _ruled_out(cf: Frame, pframes: Sequence[Frame]) -> Finding | None:
    """A passage clause that rules out one of the claim's participants for the claim's deed
    ("ruled out contaminated water as the cause" against "was caused by contaminated water").
    Unbacked: it is the source's word against the claim, not a fact that the claim is false."""
    if cf.negated or cf.predicate in _RULING_OUT or f"{cf.predicate}_out" in cf.words:
        return None  # "Net excludes gains" is itself the ruling-out deed, backed as any other
    for f in pframes:
        verb = f"{f.predicate}_out" if f"{f.predicate}_out" in f.words else f.predicate
        fp = f.args.get(PATIENT)
        if (verb in _RULING_OUT and not f.negated and fp is not None and cf.predicate in f.words
                and any(arg_same(a, fp) for a in cf.args.values())):
            return Finding("predicate", cf.predicate_text, _from_verb(f), Relation.UNBACKED,
                           instead=True)
        if verb in _RULING_OUT and not f.negated and fp is None:
            # the deed itself ruled out, as the verb's complement: "has ruled out raising the
            # pension age" against "will raise the pension age"
            ruled = _from_verb(f)
            for g in pframes:
                if g is not f and g.predicate == cf.predicate and g.sentence == f.sentence \
                        and re.search(rf"\b{re.escape(ruled)}\s+(?:\w+\s+){{0,2}}"
                                      rf"{re.escape(g.predicate_text)}\b", f.sentence):
                    return Finding("predicate", cf.predicate_text,
                                   f"{ruled} {_from_verb(g, 6)}", Relation.UNBACKED, instead=True)
    return None


#: Verbs that ask for a deed or aim at it without telling that it was done: "urged 3,000
#: residents to evacuate", "tried to stop the bus", "vowed to rebuild".
_ASKING = frozenset({"urge", "ask", "call", "order", "tell", "advise", "encourage", "press",
                     "plan", "intend", "want", "seek", "hope", "try", "attempt", "vow", "pledge",
                     "promise", "threaten", "aim", "propose", "offer", "expect", "prepare"})


def _only_asked(cf: Frame, pf: Frame, pframes: Sequence[Frame]) -> Finding | None:
    """The claim's deed told only as what a verb of asking or aiming is for: "Authorities
    urged 3,000 residents to evacuate" against "Authorities evacuated 3,000 residents",
    "Rescuers tried to reach the village" against "Rescuers reached the village". Unbacked:
    asked for is not done. The claim told in the same stance ("urged residents to evacuate")
    has the asking verb as its own predicate and is not read here."""
    if cf.negated or cf.predicate in _ASKING or re.search(
            rf"\bto\s+(?:\S+\s+)?{re.escape(cf.predicate_text)}\b", cf.sentence or cf.text):
        return None  # the claim's own deed is what someone asks or aims for
    if pf.predicate == cf.predicate and pf.stance is not Stance.FACT:
        return None  # "plans to cut", aligned: the stance check tells it
    told = [g for g in pframes if g.predicate == cf.predicate and not g.negated]
    asked = None
    for g in told:
        asked = next((m for f in pframes if f is not g and f.predicate in _ASKING
                      and not f.negated and f.sentence == g.sentence
                      for m in [re.search(rf"\b{re.escape(f.predicate_text)}\s+(?:\S+\s+){{0,6}}?"
                                          rf"to\s+(?:\S+\s+)?{re.escape(g.predicate_text)}\b",
                                          g.sentence)] if m), None)
        if asked is None:
            return None  # the deed told as done somewhere
    if asked is None:
        return None
    return Finding("predicate", cf.predicate_text, asked.group(0), Relation.UNBACKED,
                   instead=True)


#: Verbs of a plan or proposal that take the deed as a noun: "is considering a ban".
_PROPOSING = frozenset({"consider", "propose", "plan", "weigh", "mull", "discuss", "debate",
                        "study", "seek", "urge", "threaten", "suggest", "recommend", "demand",
                        "call_for", "push", "float", "eye"})


def _proposed(cf: Frame, pf: Frame) -> Finding | None:
    """The claim's deed as the noun a passage clause proposes ("The government is considering
    a ban on the sale of fireworks" against "The government has banned the sale"): a plan, not
    the deed. Unbacked, as an allegation is."""
    patient = pf.args.get(PATIENT)
    if cf.negated or pf.negated or patient is None or patient.name_type:
        return None
    verb = f"{pf.predicate}_for" if f"{pf.predicate}_for" in _PROPOSING & pf.words else pf.predicate
    if verb not in _PROPOSING or cf.predicate in _PROPOSING:
        return None
    head, deed = patient.head, cf.predicate
    if head == deed or (len(deed) >= 5 and head[:5] == deed[:5]):  # "ban", "approval"
        return Finding("stance", cf.predicate_text,
                       f"a plan or proposal (“{_from_verb(pf, 6)}”)", Relation.UNBACKED)
    return None


#: Nouns of a deed a verb can govern ("ordered the release", "approved the sale"), with the
#: deed each names ("her resignation": resign): the claim's deed is the noun's, which the
#: passage must give.
_DEED_OF_NOUN = {"release": "release", "arrest": "arrest", "sale": "sell", "closure": "close",
                 "removal": "remove", "resignation": "resign", "dismissal": "dismiss",
                 "withdrawal": "withdraw", "return": "return", "extradition": "extradite",
                 "deportation": "deport", "acquisition": "acquire", "purchase": "purchase",
                 "merger": "merge", "ban": "ban", "suspension": "suspend", "expulsion": "expel",
                 "evacuation": "evacuate", "execution": "execute", "pardon": "pardon",
                 "acquittal": "acquit", "conviction": "convict"}
_DEED_NOUNS = frozenset(_DEED_OF_NOUN)

#: Verbs that make a deed known: "announced her resignation" says she resigns.
_ANNOUNCING = frozenset({"announce", "confirm", "declare", "unveil", "reveal"})


#: Kinds of a sentence passed by a court: one is not another ("five years in prison" /
#: "five years of probation").
_PENALTIES = {"prison": "prison", "jail": "prison", "detention": "prison", "custody": "prison",
              "life": "prison", "probation": "probation", "death": "death", "service": "service",
              "arrest": "arrest"}
_SENTENCING = frozenset({"sentence", "jail", "imprison", "punish", "order"})


def _other_penalty(cf: Frame, pf: Frame) -> Finding | None:
    """A sentence of another kind in the aligned clause: "sentenced him to five years of
    probation" for "... five years in prison" (unbacked, the passage's words shown)."""
    if cf.predicate not in _SENTENCING or pf.predicate not in _SENTENCING or cf.negated:
        return None
    mine = {_PENALTIES[w] for w in cf.words if w in _PENALTIES}
    theirs = {_PENALTIES[w] for w in pf.words if w in _PENALTIES}
    if mine and theirs and not mine & theirs:
        said = next(w for w in sorted(cf.words) if w in _PENALTIES)
        return Finding("predicate", said, _from_verb(pf), Relation.UNBACKED, instead=True)
    return None


#: Verbs of taking a stand on something said, which a clause of not commenting does not
#: back ("denied the report" / "declined to comment on the report").
_STANDS = frozenset({"deny", "confirm", "admit", "acknowledge", "reject", "dismiss", "dispute",
                     "welcome", "condemn", "criticise", "criticize", "praise", "defend"})
#: Verbs of answering that, negated or refused, say the subject gave no answer.
_ANSWERING = frozenset({"comment", "respond", "reply", "answer"})


def _no_comment(cf: Frame, pframes: Sequence[Frame]) -> Finding | None:
    """The claim's subject taking a stand ("The spokesman denied the report") where the
    passage says it would not comment ("declined to comment on the report", "did not respond
    to a request for comment"): unbacked, the passage's words shown."""
    agent = cf.args.get(AGENT)
    if cf.negated or cf.predicate not in _STANDS or agent is None or is_pronoun(agent) \
            or any(f.predicate == cf.predicate for f in pframes):
        return None
    for f in pframes:
        doer = f.args.get(AGENT)
        if f.predicate in _ANSWERING and f.negated and doer is not None and arg_same(agent, doer):
            said = f"{f.refusal} {f.predicate_text}" if f.refusal else f"did not {f.predicate_text}"
            return Finding("predicate", cf.predicate_text, said, Relation.UNBACKED, instead=True)
    return None


def _denied_announcement(cf: Frame, pframes: Sequence[Frame]) -> Finding | None:
    """The deed the claim's subject is said to have announced ("announced her resignation"),
    denied by the same subject in the passage ("denied that she would resign"): a conflict."""
    patient, agent = cf.args.get(PATIENT), cf.args.get(AGENT)
    if cf.negated or cf.predicate not in _ANNOUNCING or patient is None or agent is None:
        return None
    deed = _DEED_OF_NOUN.get(patient.head)
    if deed is None:
        return None
    for f in pframes:
        if f.predicate != deed or f.under_negation or not (f.stance is Stance.DENIED or f.negated):
            continue
        denier = next((d for d in pframes if d.sentence == f.sentence and d.predicate == "deny"
                       and d.args.get(AGENT) is not None and arg_same(agent, d.args[AGENT])), None)
        doer = f.args.get(AGENT)
        # "The mayor said she would not resign": the pronoun is the speaker's
        own = doer is not None and (arg_same(agent, doer) or (
            is_pronoun(doer) and f.speaker is not None and arg_same(agent, f.speaker)))
        if denier is not None or (f.negated and own):
            said = f"{denier.predicate_text} {f.text}" if denier is not None else f.text
            return Finding("predicate", f"{cf.predicate_text} {patient.text}", said,
                           Relation.CONFLICT)
    return None


#: Verbs that keep a deed, named by its noun, from happening: "blocked his extradition",
#: "avoided relegation", "averted a strike".
_PREVENTING = frozenset({"block", "prevent", "halt", "stop", "avoid", "escape", "avert", "thwart",
                         "foil", "bar", "dodge", "evade", "stave_off", "fend_off"})


def _names_deed(noun: str, verb: str) -> bool:
    """Whether ``noun`` names the deed of ``verb``: listed ("sale": sell), the verb itself
    ("arrest"), or built on the verb's stem of five letters or more ("extradition",
    "relegation", "approval" -- not "sale" of "sell")."""
    if _DEED_OF_NOUN.get(noun) == verb or noun == verb:
        return True
    stem = verb[:-1] if verb.endswith("e") else verb
    return len(stem) >= 5 and noun.startswith(stem)


def _deed_prevented(cf: Frame, pframes: Sequence[Frame]) -> Finding | None:
    """A passage clause that kept the claim's deed from happening, the deed named by its noun
    and one of the claim's participants in the clause's sentence: "A court blocked the
    suspect's extradition" against "The suspect was extradited", "The team avoided
    relegation" against "The team was relegated". A conflict, cited."""
    if cf.negated or cf.predicate in BARE_VERBS:
        return None
    if any(f.predicate == cf.predicate and not f.negated for f in pframes):
        return None  # "was extradited after a court blocked a bid to halt his extradition"
    parts = [a for a in cf.args.values() if not is_pronoun(a) and a.head not in WEAK_HEADS]
    claim_sentence = norm(cf.sentence or cf.text)
    for f in pframes:
        patient = f.args.get(PATIENT)
        if (f.predicate not in _PREVENTING or f.negated or f.under_negation
                or not f.stance.asserts or patient is None
                or not _names_deed(patient.head, cf.predicate)
                or not any(arg_in_text(a, f.sentence) for a in parts)):
            continue
        if f" {norm(f.predicate_text)} " in f" {claim_sentence} " \
                and f" {norm(patient.text)} " in f" {claim_sentence} ":
            # the claim tells the prevention too: "struck a deal ... to avert a nationwide
            # strike" against "held talks ... to avert a nationwide strike"
            continue
        return Finding("predicate", _as_written(cf.predicate, cf),
                       f"{_as_written(f.predicate, f)} {patient.text}", Relation.CONFLICT)
    return None


#: Quantifiers of a whole and of a part: "all flights" is not what "some flights" says.
_WHOLE = frozenset({"all", "every", "each", "entire", "whole"})
_PART = frozenset({"some", "several", "many", "most", "few", "certain", "part", "half",
                   "dozens", "hundreds", "thousands", "number", "majority"})


def _partial_quantity(cf: Frame, args: dict[str, Argument], sentence: str = "") -> Finding | None:
    """A claim's "all/every X" where the passage's same role has "some/several/most X" (or a
    count): the passage gives a part, not the whole. Unbacked. Where the passage says "only"
    of a kind of X ("applies only to low-income households"), a conflict."""
    for role, arg in cf.args.items():
        words = arg.text.lower().split()
        if not words or words[0] not in _WHOLE:
            continue
        other = args.get(role)
        if other is None or other.head != arg.head:
            continue
        prep = role.split(":", 1)[1] + " " if role.startswith("prep:") else ""
        if other.modifiers and re.search(rf"\bonly\s+{re.escape(prep)}{re.escape(other.text)}",
                                         sentence, re.IGNORECASE):
            return Finding(role, arg.text, f"only {prep}{other.text}", Relation.CONFLICT)
        first = other.text.lower().split()[0]
        if first in _PART or first[:1].isdigit() or first in NUMBER_WORDS_EN \
                or set(other.modifiers) - set(arg.modifiers):
            # "some flights", "200 flights", "all domestic flights" for "all flights"
            return Finding(role, arg.text, other.text, Relation.UNBACKED, instead=True)
    return _kind_of_all(cf, sentence)


def _kind_of_all(cf: Frame, sentence: str) -> Finding | None:
    """"all X" of the claim's sentence where the passage's sentence has a kind of X ("Teachers
    at all schools" / "Teachers at primary schools"), the "all" read in a phrase the clause's
    parts leave out. Unbacked."""
    claimed = (cf.sentence or cf.text).lower()
    for m in re.finditer(r"\ball\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?([a-z]{3,})\b", claimed):
        noun = m.group(1)
        kind = re.search(rf"\b([a-z]{{3,}})\s+{noun}\b", sentence.lower())
        if kind is None or kind.group(1) in STOPWORDS_EN or kind.group(1) in _WHOLE \
                or re.search(rf"\b{kind.group(1)}\b", claimed):
            continue
        return Finding("quantity", m.group(0), kind.group(0), Relation.UNBACKED, instead=True)
    return None


#: Shares of a group, by the part of it they name: "most members" is not what "a minority of
#: members" says, nor "all" what "few" says. "All" and "most" are left apart (all of them is
#: most of them), as are "some", "many" and counts, which any share can be.
_SHARES = {**dict.fromkeys(("all", "every", "each", "entire", "whole"), "all"),
           **dict.fromkeys(("most", "majority", "bulk"), "most"),
           "half": "half",
           **dict.fromkeys(("minority", "few", "handful"), "few")}
#: Fractions named as a noun of a group ("a quarter of the staff"), read only with their "of".
_FRACTIONS = {"quarter": "quarter", "third": "third"}
#: Shares that may both hold: all of them is most of them, a quarter is a minority.
_SHARE_APART = frozenset({frozenset({"all", "most"}), frozenset({"few", "quarter"}),
                          frozenset({"few", "third"}), *(frozenset({"under_half", s})
                                                         for s in ("half", "few", "quarter", "third"))})


#: Words that bound a share from above or below ("more than half", "nearly half").
_SHARE_BOUNDS = "more than|over|nearly|almost|just under|less than|under"


def _share(arg: Argument, frame: Frame) -> tuple[str, str] | None:
    """The share of a group an argument names and the group's noun: ("most", "member") for
    "Most members", ("few", "member") for "A minority of members" (the group after "of", read
    from the clause's words), ("all", "passenger") for "all the passengers"."""
    words = arg.text.lower().split()
    if not words:
        return None
    first = words[1] if words[0] in ("a", "an", "the") and len(words) > 1 else words[0]
    if first == "few" and words[0] == "a":
        return None  # "a few" is some, not few
    # "half the schools", "all the passengers": the parse leaves the share before the article
    # out of the argument
    before = re.search(rf"\b(half|all)\s+{re.escape(arg.text.lower())}",
                       (frame.sentence or frame.text).lower()) \
        if words[0] in ("the", "its", "their", "his", "her") else None
    if before is not None:
        first = before.group(1)
    share = _SHARES.get(first) or _SHARES.get(arg.head) or _FRACTIONS.get(arg.head)
    if share is None:
        return None
    if share == "half":
        # "more than half" is most of them, "nearly half" fewer than half
        bound = re.search(rf"\b({_SHARE_BOUNDS})\s+half\b", (frame.sentence or frame.text).lower())
        if bound is not None:
            share = "most" if bound.group(1) in ("more than", "over") else "under_half"
    if arg.head in _SHARES or arg.head in _FRACTIONS:
        # "a minority (of members)": the group is the noun after "of", as the clause's lemma
        after = re.search(rf"\b{re.escape(arg.head)}\s+of\s+(?:the\s+|its\s+|their\s+)?"
                          r"(?:[\d,.]+\s+)?([a-z-]+)",  # "half of the 2,000 teachers"
                          (frame.sentence or frame.text).lower())
        group = next((w for w in sorted(frame.words) if after and len(w) > 2
                      and after.group(1).startswith(w)), None) if after else None
        return (share, group) if group else None
    return share, arg.head


def _named_beside(named: Argument, speaker: Argument) -> bool:
    """Whether a speaker told by what it is names the claim's speaker beside it: "the
    statistics agency Istat" for "Istat" (the name in apposition)."""
    return any(same_named(alt, named.name or named.text) for alt in speaker.alternatives)


def _speaker_relation(cf: Frame, pf: Frame) -> Relation:
    """What another speaker does to the claim: "Credit Suisse said it will issue notes"
    against "Standard Oil said it will issue notes" names another doer of the deed (the speaker
    speaking of itself), a conflict; another speaker of what a third party did, or of "we",
    leaves the claim's speaker unconfirmed."""
    mine, theirs = cf.args.get(AGENT), pf.args.get(AGENT)
    itself = ("it", "he", "she")
    if pf.speaker is not None and cf.speaker is not None and cf.speaker.name_type \
            and pf.speaker.name_type and mine is not None and theirs is not None \
            and norm(mine.text) in itself and norm(theirs.text) == norm(mine.text):
        return Relation.CONFLICT
    return Relation.UNBACKED


def _speaker_share(frame: Frame) -> tuple[str, str, str] | None:
    """The share of a group that the clause's speaker is ("More than half of the teachers
    surveyed said ..."), its group's noun and the share as written; None when the speaker is no
    share."""
    if frame.speaker is None:
        return None
    said = next((f for f in frames_of(frame.sentence) if f.args.get(AGENT) is not None
                 and f.args[AGENT].text == frame.speaker.text), None)
    share = _share(said.args[AGENT], said) if said is not None else None
    if share is None:
        return None
    head = re.escape(said.args[AGENT].head)
    written = re.search(rf"\b(?:(?:{_SHARE_BOUNDS}|a|the)\s+)?{head}\b", said.sentence,
                        re.IGNORECASE)
    return (*share, written.group(0) if written else frame.speaker.text)


def _other_share(cf: Frame, pframes: Sequence[Frame]) -> tuple[Finding, Frame] | None:
    """A passage clause with the claim's deed (or its paraphrase) whose participant in the
    claim's role is another share of the same group: "A minority of members voted for the
    plan" against "Most members voted for the plan". A conflict (the two cannot both hold),
    with the clause that says it."""
    for role, arg in cf.args.items():
        mine = _share(arg, cf)
        if mine is None:
            continue
        for pf in pframes:
            if pf.negated != cf.negated or not (pf.predicate == cf.predicate or _paraphrase(cf, pf)):
                continue
            other = pf.args.get(role)
            theirs = _share(other, pf) if other is not None else None
            if theirs is None or theirs[1] != mine[1] or theirs[0] == mine[0] \
                    or frozenset({mine[0], theirs[0]}) in _SHARE_APART:
                continue
            said = other.text  # type: ignore[union-attr]
            if not any(w in _SHARES or w in _FRACTIONS for w in said.lower().split()):
                said = f"{theirs[0]} {said}"  # "half the schools": the share the parse left out
            return Finding(role, arg.text, said, Relation.CONFLICT), pf
    return None


#: Adverbs that are mostly a phrasal verb's particle ("passed away", "called off", "held
#: back"): WordNet's opposites of them ("away" / "home") are another sense.
_PARTICLES = frozenset({"away", "back", "off", "out", "over", "in", "on", "along", "about"})


def _opposite_words(cf: Frame, pf: Frame) -> tuple[str, str] | None:
    """A word of the claim's clause that the passage's clause replaces by its opposite."""
    for w in sorted(cf.words - pf.words):
        for v in sorted(pf.words - cf.words):
            if w in _PARTICLES or v in _PARTICLES:
                continue  # "passed away" is no opposite of "died at her home"
            if opposite(w, v):
                # the verbs as written ("sank", not "sink"); other words as lemmas, "call_off"
                # as "call off"
                return _as_written(w, cf), _as_written(v, pf)
    # the claim's verb against its own phrasal verb in the passage: "called a strike" /
    # "called off a strike"
    for v in sorted(pf.words - cf.words):
        if v.startswith(cf.predicate + "_") and opposite(cf.predicate, v):
            return _as_written(cf.predicate, cf), _as_written(v, pf)
    return None


def _as_written(word: str, frame: Frame) -> str:
    """A word of the clause's lemmas as the clause writes it, for the reader ("sank" for
    "sink", "relaxed" for "relax"; "call_off" as "call off" when the form is not found)."""
    if word == frame.predicate and frame.predicate_text:
        # a particle parts.py joined, or one _deed_words reads right after the verb ("stepped
        # down"; not the "off" of "shortly after take-off")
        particle = next((w.split("_", 1)[1] for w in sorted(frame.words)
                         if w.startswith(word + "_") and w.count("_") == 1), "") or next(
            (w.split("_", 1)[1] for w in sorted(_deed_words(frame))
             if w.startswith(word + "_") and w.count("_") == 1
             and re.search(rf"\b{re.escape(frame.predicate_text)}\s+{w.split('_', 1)[1]}\b",
                           frame.text or frame.sentence, re.IGNORECASE)), "")
        return f"{frame.predicate_text} {particle}".strip()  # "laid off", not "laid"
    verb, _, particle = word.partition("_")
    if particle and verb == frame.predicate and frame.predicate_text:
        return f"{frame.predicate_text} {particle.replace('_', ' ')}"  # "struck down"
    if "_" not in word and "." not in word and len(word) >= 4:  # "p.m." as it is
        m = re.search(r"\b" + re.escape(word[:-1]) + r"\w*", frame.text or frame.sentence,
                      re.IGNORECASE)
        if m is not None:
            return m.group(0)
    return word.replace("_", " ")


as_written = _as_written  # for verify/crossing.py


def _unnamed(cfs: Sequence[Frame], passage: str, context: str) -> tuple[Argument, ...]:
    """Names of the claim (people, organisations, places, events, works) that neither the
    passage nor its source's title names: a passage about the coronavirus does not back a
    claim about brucellosis, however alike the sentences. Nationalities and other adjectives
    ("German", "Dutch") take too many forms to require."""
    out: list[Argument] = []
    seen: set[str] = set()
    for name in (n for cf in cfs for n in cf.names):
        if name.name_type in ("NORP", "LANGUAGE") or norm(name.text) in seen:
            continue
        seen.add(norm(name.text))
        if arg_in_text(name, passage) or (context and arg_in_text(name, context)):
            continue
        out.append(name)
    return tuple(out)


def _mistagged_names(cfs: Sequence[Frame], passage: str, context: str) -> tuple[Finding, ...]:
    """A word spaCy tags as a nationality or group (NORP) that stands alone as a participant of
    the claim and reads as neither is a thing's name, and one the passage and its title must
    give: "Ivermectin is a treatment for coronavirus" was Supported by "Q: What virus outbreak
    does the claim refer to? A: Coronavirus covid 19." (its capital at the start of the claim
    hides it from the name checks as well)."""
    participants = {norm(a.text) for cf in cfs for a in cf.args.values()}
    out: list[Finding] = []
    for name in (n for cf in cfs for n in cf.names):
        if (name.name_type != "NORP" or norm(name.text) not in participants
                or is_group_word(name.text) or arg_in_text(name, passage)
                or (context and arg_in_text(name, context))):
            continue
        finding = Finding("name", name.text, None, Relation.UNBACKED)
        if finding not in out:
            out.append(finding)
    return tuple(out)


def _all_but_head(arg: Argument) -> str:
    """The argument's words before its last ("the minister's" of "the minister's son")."""
    return norm(arg.text).rsplit(" ", 1)[0] if " " in arg.text.strip() else ""


def _other_kind_in_clause(cf: Frame, pf: Frame) -> Finding | None:
    """One member of a closed kind in the claim's clause, another (and not the claim's) in
    the passage's: "guilty of murder" / "guilty of manslaughter". A member the claim holds in a
    role the passage's clause fills too is left to the role-by-role comparison."""
    held = {a.head for r, a in cf.args.items() if r in pf.args}
    for kind in KINDS:
        mine, theirs = (cf.words & kind) - held, pf.words & kind
        if len(mine) == 1 and theirs and not mine & pf.words:
            return Finding("detail", next(iter(mine)), ", ".join(sorted(theirs)), Relation.CONFLICT)
    return None


def _opposite_from_other_side(cf: Frame, pf: Frame) -> bool:
    """The passage's clause tells the opposite of the claim's deed with the claim's patient as
    its subject and the claim's doer after a preposition ("seized by pirates" / "escaped from
    pirates")."""
    ca, cp, pa = cf.args.get(AGENT), cf.args.get(PATIENT), pf.args.get(AGENT)
    if (ca is None or cp is None or pa is None or cf.negated or pf.negated
            or any(is_pronoun(a) for a in (ca, cp, pa))
            or not opposite(cf.predicate, pf.predicate)
            # "France lost 2-1 to Germany" tells "Germany beat France" from the other side, as
            # "The government borrowed $1 billion from the bank" tells "The bank lent ..."
            or _mirrored(cf, pf) is not None or _converse(cf, pf)
            or frozenset((cf.predicate, pf.predicate)) in _TWO_SIDED):
        return False
    return arg_same(cp, pa) and any(arg_same(ca, a) for r, a in pf.args.items()
                                    if r.startswith("prep:"))


def _abstains(f: Frame) -> bool:
    """Whether the clause tells an abstention: neither for nor against."""
    return f.predicate == "abstain" or bool({"abstain", "abstention"} & f.words)


def _polar(f: Frame) -> str:
    said = _as_written(f.predicate, f)  # with its particle: "step down"
    if f.negated and f.refusal:
        return f"{f.refusal} {said}"  # "declined to sign", not "not sign"
    return f"not {said}" if f.negated else said


#: Verbs whose subject and object may trade places and tell one deed: a bill "passed the
#: Senate" (got through it) when the Senate "passed the bill"; a drug "cleared the regulator".
_EITHER_WAY_ROUND = frozenset({"pass", "clear"})


def _swapped_roles(cf: Frame, pf: Frame) -> Finding | None:
    """"Hunt beat Johnson" for "Johnson beat Hunt": both participants there, roles reversed."""
    ca, cp = cf.args.get(AGENT), cf.args.get(PATIENT)
    pa, pp = pf.args.get(AGENT), pf.args.get(PATIENT)
    if ca and pa and cf.predicate == pf.predicate and cf.predicate not in _TALKING \
            and not any(is_pronoun(x) for x in (ca, pa)):
        # the doer and the one it went to or came from, the other way round: "The hospital
        # donated the money to the charity" for "The charity donated the money to the hospital"
        for role in ("prep:to", "prep:from"):
            cr, pr = cf.args.get(role), pf.args.get(role)
            if cr is not None and pr is not None and not is_pronoun(cr) and not is_pronoun(pr) \
                    and arg_same(ca, pr) and arg_same(cr, pa) and not arg_same(ca, pa):
                return Finding("agent", ca.text, pa.text, Relation.CONFLICT)
    if cp and pp and cf.predicate == pf.predicate:
        # the thing done to and the one it came from or went to, the other way round: "joined
        # Hamburg from Celtic" for "joined Celtic from Hamburg"
        for role in ("prep:from", "prep:to"):
            cr, pr = cf.args.get(role), pf.args.get(role)
            if cr is not None and pr is not None and not any(
                    is_pronoun(x) for x in (cp, pp, cr, pr)) \
                    and arg_same(cp, pr) and arg_same(cr, pp) and not arg_same(cp, pp):
                return Finding("patient", f"{cp.text} {role[5:]} {cr.text}",
                               f"{pp.text} {role[5:]} {pr.text}", Relation.CONFLICT)
    if not (ca and cp and pa and pp) or cf.predicate != pf.predicate:
        return None
    if cf.predicate in _EITHER_WAY_ROUND:
        return None  # "The bill passed the Senate" is what "The Senate passed the bill" says
    if any(is_pronoun(x) for x in (ca, cp, pa, pp)):
        return None
    if arg_same(ca, pp) and arg_same(cp, pa) and not arg_same(ca, pa):
        return Finding("agent", ca.text, pa.text, Relation.CONFLICT)
    if (_one_of(ca, pp) and _one_of(cp, pa) and not arg_same(ca, pa)
            and not (arg_same(ca, pp) and arg_same(cp, pa))):
        # "The police shot the suspect" / "The suspect shot a police officer": the roles
        # reversed, one side named as one of its members -- another deed, not this one
        return Finding("agent", ca.text, f"{pa.text} {_from_verb(pf)}", Relation.UNBACKED,
                       instead=True)
    return None


#: Verbs of talking, whose "to" goes either way round ("spoke to the prime minister").
_TALKING = frozenset({"speak", "talk", "chat", "write", "reach", "turn", "explain", "say",
                      "tell", "listen", "reply", "respond", "confer", "apologise", "apologize"})


def _one_of(a: Argument, b: Argument) -> bool:
    """The same participant, or one a member of the other named by it ("the police" / "a police
    officer")."""
    return arg_same(a, b) or (not a.name_type and not b.name_type
                              and (a.head in b.modifiers or b.head in a.modifiers))


def _compare_arg(role: str, arg: Argument, pf: Frame, passage: str, context: str,
                 args: dict[str, Argument], similar: Similarity | None,
                 cf_predicate: str = "") -> Finding | None:
    other = args.get(role)
    if other is None and role == "attr":
        other = args.get(PATIENT)
    if other is not None and (_other_office(arg, other) or _other_tenure(arg, other)):
        # "Finance Minister Jane Smith" / "Foreign Minister Jane Smith", "the former president"
        # / "the president": the same name or noun in another office, or out of it (whose
        # words may hold the claim's: "Former president Smith")
        return Finding(role, arg.text, other.text, Relation.UNBACKED,
                       instead=norm(arg.text) in norm(other.text))
    if other is not None and arg_same(arg, other):
        return None
    if other is not None and one_noun(arg, other):
        return None  # "ceasefire" / "truce": one thing in news' two words
    if other is not None and possessor(arg, other):
        # "The minister was injured" / "The minister's driver was injured": the claim's
        # participant is only the owner of the passage's
        return Finding(role, arg.text, other.text, Relation.UNBACKED, instead=True)
    if _is_number(arg):
        # "killing seven" beside "killing 7 people": a bare number in the slot is a figure,
        # compared by value with the passage's figures (compare_figures), not as a word.
        return None
    if other is not None and not is_pronoun(other):
        if other_of_kind(arg.head, other.head):  # ("CFO" the tagger calls an organisation)
            # "pardoned his son" / "pardoned his brother": another member of one closed kind
            return Finding(role, arg.text, other.text, Relation.CONFLICT)
        if (arg.name_type == "PERSON" and not other.name_type and _unlabelled_name(other)
                and not same_named(arg.name or arg.text, other.text)):
            # "Ana Ruiz" the tagger did not label, where the claim has the person "Maria Lopez"
            return Finding(role, arg.name or arg.text, other.text, Relation.CONFLICT)
        if arg.name_type and other.name_type and (
                compatible_types(arg.name_type, other.name_type)
                # where a deed happened is a place, however the tagger typed the two names
                # ("born in Cork", Cork tagged an organisation)
                or (role in _WHERE and {arg.name_type, other.name_type} == {"PLACE", "ORG"}
                    and _mistagged_place(arg if arg.name_type == "ORG" else other))
                # a club, a firm or a party joined, left, beaten or bought: named by a city or a
                # country it is tagged a place ("joined Barcelona" / "joined Real Madrid"); not
                # a place visited ("visited France" / "visited Airbus")
                or (role == PATIENT and pf.predicate == cf_predicate in _OF_ORGANISATIONS
                    and not pf.places and {arg.name_type, other.name_type} == {"PLACE", "ORG"})) \
                and not any(same_named(arg.name or arg.text, alt) for alt in other.alternatives):
            # The same slot holds another name of the same kind: Hunt where the claim has Gove.
            return Finding(role, arg.name or arg.text, other.name or other.text,
                           Relation.CONFLICT)
        if ((role in _WHERE or (role == PATIENT and pf.predicate == cf_predicate))
                and arg.head in _COMPASS and other.head in _COMPASS
                and arg.head != other.head and not arg.name_type and not other.name_type
                and not arg.modifiers and not other.modifiers):
            # "in the north" / "in the south", "hit the north of the island" / "hit the
            # south of the island": one region of the same place, told otherwise
            return Finding(role, arg.text, other.text, Relation.CONFLICT)
        if (arg.head == other.head and not arg.name_type and not other.name_type
                and any((m in _COMPASS and n in _COMPASS and m != n) or opposite(m, n)
                        or frozenset((m, n)) in _MORE_OR_FEWER
                        for m in arg.modifiers for n in other.modifiers)
                and not arg_in_text(arg, pf.sentence)):
            # "the north coast" / "the south coast", "more visitors" / "fewer visitors": the
            # same thing with the opposite mark
            return Finding(role, arg.text, other.text, Relation.CONFLICT)
        if (arg.head in _DAY_PARTS and other.head in _DAY_PARTS and arg.head != other.head
                and set(arg.modifiers) == set(other.modifiers)):
            # "on Tuesday morning" / "on Tuesday evening": the same day, another part of it
            return Finding(role, arg.text, other.text, Relation.CONFLICT)
        if (role == "prep:in" and not arg.name_type and not other.name_type and arg.head != other.head
                and arg.head.isalpha() and other.head.isalpha()
                and not any(ch.isdigit() for ch in arg.text + other.text)
                and not any(a.head == arg.head for a in pf.args.values())
                and not (similar is not None and similar(arg.head, other.head) >= SYNONYM)):
            # "started in the kitchen" / "started in the garage and spread to the kitchen":
            # the passage's clause puts the deed elsewhere, whatever else the room is to it
            prep = role.split(":", 1)[1]
            return Finding(role, f"{prep} {arg.text}", f"{pf.predicate_text} {prep} {other.text}",
                           Relation.UNBACKED, instead=True)
        if (role == PATIENT and pf.predicate == cf_predicate and not arg.name_type
                and not other.name_type and arg.head != other.head
                and arg.head.isalpha() and other.head.isalpha()
                and not any(a.head == arg.head for a in pf.args.values())
                and not _head_in_text(arg.head, pf.text or pf.sentence)  # "e-mails", "dlrs"
                and not (similar is not None and similar(arg.head, other.head) >= SYNONYM)):
            # "the general public should use the kind of face covering you can make at home"
            # for "surgical masks should be used by the general public": the same deed done to
            # another thing, the claim's thing named only in another clause
            return Finding(role, arg.core or arg.text, f"{pf.predicate_text} {other.text}",
                           Relation.UNBACKED, instead=True)
        if (not arg.name_type and arg.head == other.head and other_modifiers(arg, other)
                and not arg_in_text(arg, pf.sentence)):
            # "lung cancer" / "throat cancer": the kind of thing differs; a reader would call it
            # a different detail, the parse cannot prove it is not a paraphrase -- unbacked.
            return Finding(role, arg.text, other.text, Relation.UNBACKED)
        if (not arg.name_type and not other.name_type and arg.head != other.head
                and arg.head.isalpha() and other.head.isalpha()
                and not _head_in_text(arg.head, passage)
                and not _worded_otherwise(arg, pf.sentence)
                and len(other.head) > 1
                and not (similar is not None and similar(arg.head, other.head) >= SYNONYM
                         and not _calendar_pair(arg.head, other.head))):
            # "drinking plan" where the passage has "drinking water": another thing in the same
            # slot, and no word of the passage for it. A synonym ("inquiry" / "investigation")
            # is told apart by the embedding of the two words.
            return Finding(role, arg.core or arg.text, other.core or other.text,
                           Relation.UNBACKED)
    if (other is None and role == PATIENT and not arg.name_type and not is_pronoun(arg)
            and cf_predicate not in _SUPPORT_VERBS
            and arg.head.isalpha() and len(arg.head) > 2 and arg.head not in WEAK_HEADS
            and not _head_in_text(arg.head, passage) and not _worded_otherwise(arg, pf.sentence)
            and not _word_alike_in({arg.head, norm(arg.text).split()[-1]}, pf.sentence,
                                   similar)):
        # "The drug reduced deaths by 30 percent" against "The drug reduced hospital admissions
        # by 30 percent", parsed with no object: what the claim's deed was done to is in no
        # word of the passage, not even a synonym ("fatalities"), so it is not backed. (Role
        # "object": read for the claim's main clause only, see compare.)
        return Finding("object", arg.core or arg.text, None, Relation.UNBACKED)
    if arg.name_type and not arg_in_text(arg, passage) and not (
            context and arg_in_text(arg, context)):
        return Finding("name", arg.name or arg.core or arg.text, None, Relation.UNBACKED)
    return None


#: Verbs whose object names the deed itself ("made landfall", "took effect", "held talks"):
#: the object is the predicate, told by the passage in its own words ("came ashore").
_SUPPORT_VERBS = frozenset({"make", "take", "have", "give", "do", "hold", "get", "pay", "come",
                            "go", "put", "set", "reach"})


def _word_alike_in(heads: set[str], sentence: str, similar: Similarity | None) -> bool:
    """Whether a content word of ``sentence`` is a word of ``heads`` (a lemma and its form as
    written) reworded ("deaths" / "died", "fatalities"): the word embeddings' synonym
    threshold. Without ``similar`` every word is."""
    if similar is None:
        return True
    words = {w for w in re.findall(r"[a-z]{3,}", norm(sentence)) if w not in STOPWORDS_EN}
    return any(similar(head, w) >= SYNONYM for head in heads for w in words)


_NEAR = (r"\b(?:near|outside|close\s+to|(?:border|frontier)\s+with|(?:north|south|east|west)\s+of)"
         r"\s+(?:the\s+)?")
_IN_PLACE = re.compile(r"\bin\s+(?:the\s+)?([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)")


def _placed_elsewhere(place: str, sentence: str) -> str | None:
    """Another place the sentence puts the deed "in", where it names the claim's place only
    as what that one is near: "discovered the new species in Peru, near the border with
    Brazil" against "in Brazil"."""
    if not re.search(_NEAR + re.escape(place) + r"\b", sentence):
        return None
    return next((m.group(1) for m in _IN_PLACE.finditer(sentence)
                 if not same_named(m.group(1), place)), None)


def _other_place_of(place: str, claim: str, pf: Frame) -> str | None:
    """Another place after the same word and preposition in the passage's sentence, which
    names the claim's place nowhere: "The factory in Michigan will close" against "The factory
    in Ohio will close", "off the coast of Peru" against "off the coast of Chile" (the place
    hangs on a noun, not the verb, so no role holds it)."""
    m = re.search(r"\b(\w+)\s+(in|of|off|at|from|to)\s+(?:the\s+)?" + re.escape(place) + r"\b",
                  claim)
    if m is None or any(same_named(place, p) for p in pf.places) or place in pf.sentence:
        return None
    theirs = re.search(r"\b" + re.escape(m.group(1)) + r"\s+" + m.group(2) + r"\s+(?:the\s+)?"
                       r"([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)", pf.sentence)
    if theirs is None or not any(same_named(theirs.group(1), p) for p in pf.places):
        return None
    return theirs.group(1)


def _calendar_pair(a: str, b: str) -> bool:
    """Two weekdays or two months: alike to an embedding, never synonyms ("Monday" /
    "Tuesday" scores 0.87)."""
    return (a in WEEKDAYS and b in WEEKDAYS) or (a in MONTHS and b in MONTHS)


#: Offices named by their portfolio ("Finance Minister", "Home Secretary"): another portfolio
#: before the same person's name is another office. Other titles vary without contradiction
#: ("Democratic Senator" / "Delaware Senator"), so only these are compared.
_PORTFOLIO_HEADS = frozenset({"minister", "secretary"})
#: Words that put the holder of an office or role out of it, or in it only for a time.
_TENURE = frozenset({"former", "ex", "acting", "interim"})


def _other_office(c: Argument, p: Argument) -> bool:
    """One person named with two portfolios of the same kind of office ("Finance Minister" /
    "Foreign Minister")."""
    if not (c.name_type == p.name_type == "PERSON" and c.name and p.name
            and same_named(c.name, p.name)):
        return False
    tc, tp = (norm(a.text).removeprefix("the ").split()[: -len(norm(a.name).split())]
              for a in (c, p))
    return bool(len(tc) > 1 and len(tp) > 1 and tc[-1] == tp[-1] and tc[-1] in _PORTFOLIO_HEADS
                and set(tc[:-1]).isdisjoint(tp[:-1]))


def _other_tenure(c: Argument, p: Argument) -> bool:
    """The same noun for the holder of a role and for a former or stand-in holder ("the former
    president" / "the president"); the same person with the same title, once as its holder and
    once as its former holder ("President Smith" / "Former president Smith")."""
    if c.name_type and p.name_type and c.name_type == p.name_type == "PERSON":
        titled = set(c.modifiers) & set(p.modifiers) - _TENURE
        return bool(titled) and same_named(c.name or c.text, p.name or p.text) \
            and bool(_tenure_words(c)) != bool(_tenure_words(p))
    if c.name_type or p.name_type or c.head != p.head:
        return False
    return bool(set(c.modifiers) & _TENURE) != bool(set(p.modifiers) & _TENURE)


def _tenure_words(arg: Argument) -> set[str]:
    """The words of a name's text that say its title is held no more, or only for now."""
    words = arg.text.lower().replace("-", " ").split()
    return set(words) & _TENURE


def _unlabelled_name(arg: Argument) -> bool:
    """Words that read as a person's name the tagger left unlabelled: two or three capitalised
    words of letters, without "the" ("Ana Ruiz")."""
    words = arg.text.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words) \
        and not norm(arg.text).startswith("the ")


def _worded_otherwise(arg: Argument, sentence: str) -> bool:
    """Whether every word of the argument's core stands in the sentence in another form ("a
    three-year low" in "their lowest level in three years"): the same thing reworded, not
    another thing in its slot. Words of three letters or more, read as the start of a word."""
    words = [w for w in re.split(r"[\s-]+", norm(arg.core or arg.text)) if len(w) >= 3]
    theirs = norm(sentence).replace("-", " ").split()
    return len(words) >= 2 and all(any(t.startswith(w) for t in theirs) for w in words)


def _head_in_text(head: str, text: str) -> bool:
    """Whether the passage has the head word, a lemma, as it is or in a plural form
    ("dollar" in "380 mln dlrs", "company" in "companies"); "e-mails" is read as "emails"."""
    forms = {head, head + "s", head + "es"} | ({head[:-1] + "ies"} if head.endswith("y") else set())
    words = set(norm(text).split()) | set(norm(text.replace("-", "")).split())
    return not forms.isdisjoint(words)


def _is_number(arg: Argument) -> bool:
    from .figures import _WORD_NUMBERS

    head = arg.head.replace(",", "").replace(".", "")
    if arg.head in _FATES and any(m.replace(",", "").isdigit() or m in _WORD_NUMBERS
                                  for m in (*arg.modifiers, *norm(arg.text).split())):
        return True  # "left nine dead": a count of the dead, typed by the figure rules
    return not arg.name_type and (head.isdigit() or head in _WORD_NUMBERS)


#: More or fewer of a thing ("more visitors" / "fewer visitors"); not an opposite everywhere,
#: since before a figure the figure rules read it as a bound ("more than 200").
_MORE_OR_FEWER = frozenset({frozenset({"more", "few"}), frozenset({"more", "fewer"}),
                            frozenset({"many", "few"}), frozenset({"much", "little"})})
_FATES = frozenset({"dead", "injured", "wounded", "missing", "hurt", "killed"})
_COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast",
                      "southwest", "north-east", "north-west", "south-east", "south-west"})


#: Deeds done to an organisation (a club, a firm, a party), which news often names by its city
#: or country.
_OF_ORGANISATIONS = frozenset({"join", "leave", "quit", "sign", "beat", "defeat", "face", "play",
                               "acquire", "buy", "sue", "coach", "manage", "captain"})
#: Parts of a day that do not overlap ("night" runs into the morning, so it is not here).
_DAY_PARTS = frozenset({"morning", "afternoon", "evening"})
_WHERE = frozenset({"prep:in", "prep:at", "prep:near", "prep:outside"})


def _mistagged_place(arg: Argument) -> bool:
    """A one-word name the tagger took for an organisation where a place stands ("born in
    Cork"); not an event or a body named in several words ("in the Ineos 1:59 Challenge")."""
    words = (arg.name or arg.text).split()
    return len(words) == 1 and words[0][:1].isupper() and words[0].isalpha()



