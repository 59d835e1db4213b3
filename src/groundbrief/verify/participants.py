"""Whether two participants of two clauses are one: the same name written two ways, the same
noun, a synonym noun, a description that refers back to a name ("the company" for "Acme
Corp"), a pronoun; and the rules that tell two participants apart in one role (another buyer,
another winner, the one a town was taken from).
"""

from __future__ import annotations

import re

from .findings import SYNONYM, Similarity
from .names import find_name, passage_names, same_name
from .opposites import NOUN_GROUPS, opposite
from .parts import AGENT, PATIENT, Argument, Frame, norm, person_noun

_PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them", "his", "its", "their",
                       "who", "which", "that", "this", "these", "those", "i", "we", "you"})
WEAK_HEADS = frozenset({"man", "woman", "people", "person", "one", "group", "official",
                        "thing", "part", "number", "lot", "some", "all", "most", "many"})


def same_named(a: str, b: str) -> bool:
    """Two mentions of one name as a reader compares them (:func:`names.same_name`: case,
    diacritics, spellings, aliases, a surname for the full name -- but "Korea" is not "South
    Korea" and "Bill Clinton" not "Hillary Clinton")."""
    return same_name(a, b)


#: an acronym in brackets after the name it shortens, whole or cut by the parse at its
#: closing bracket ("the National Hurricane Center (NHC"): claims are read without it
#: (parts.claim_frames), so a source's name is compared without it too
_BRACKETED_ACRONYM = re.compile(r"\s*\((?:[A-Z][A-Za-z.&-]{1,9})\)?(?=[\s,]|$)")


def arg_same(c: Argument, p: Argument) -> bool:
    if c.name_type and p.name_type:
        a, b = (_BRACKETED_ACRONYM.sub("", x.name or x.text) for x in (c, p))
        if same_named(a, b):
            return True
        # An organisation is named shorter once the story has named it ("the Supreme Court"
        # for "the UK Supreme Court"); a person's full name may carry a title the parser took
        # into the name ("MEP Assita Kanko"). Places are not: "Korea" is not "South Korea".
        if c.name_type == p.name_type and c.name_type in ("ORG", "PERSON"):
            x, y = norm(a).removeprefix("the ").split(), norm(b).removeprefix("the ").split()
            short, long_ = sorted((x, y), key=len)
            return len(short) >= 2 and short == long_[-len(short):]
        return False
    ck, pk = c.key, p.key
    if ck == pk:
        return True
    if c.head == p.head:
        # "battle" / "long battle" are one thing; "lung cancer" / "throat cancer" are two;
        # "a new factory" is not "the factory" the claim speaks of
        return not other_modifiers(c, p) and not _another_one(c, p) and not _another_one(p, c)
    if ck and pk and (possessor(c, p) or possessor(p, c)):
        return False  # "the minister" is not "the minister's driver"
    return bool(ck and pk and (f" {ck} " in f" {pk} " or f" {pk} " in f" {ck} "))


_POSSESSIVE = re.compile(r"^\s*(?:'s?|’s?)(?=\s|$)")


def possessor(a: Argument, b: Argument) -> bool:
    """Whether ``a`` is only the possessor of the person ``b`` ("the minister" in "the
    minister's driver"): another participant, whose words contain the first's. ("The boy's
    condition" is the boy's state, told of the boy.)"""
    if not person_noun(b.head):
        return False
    text, words = b.text.lower(), norm(a.text).removeprefix("the ")
    at = text.find(words)
    return at >= 0 and bool(_POSSESSIVE.match(text[at + len(words):]))


_ANOTHER_ONE = re.compile(r"^(?:an? (?:new|further|additional|separate|different)"
                          r"|another|other) ")


def _another_one(a: Argument, b: Argument) -> bool:
    """Whether ``b`` introduces one more of ``a``'s kind ("a new factory", "another plant")
    where ``a`` names one already known ("the factory", "its plant")."""
    kb = norm(b.text)
    m = _ANOTHER_ONE.match(kb)
    return m is not None and m.group(0).split()[-1] not in norm(a.text).split()


def other_modifiers(c: Argument, p: Argument) -> bool:
    """Whether two fillers with the same head word are qualified as different kinds ("lung
    cancer" / "throat cancer"), not one kind named two ways ("U.S. corporations" / "United
    States corporations": the modifiers are one name)."""
    if not (c.modifiers and p.modifiers) or set(c.modifiers) & set(p.modifiers):
        return False
    qc, qp = (" ".join(a.core.split()[:-1]) for a in (c, p))
    return not (qc and qp and same_named(qc, qp))


def arg_in_text(c: Argument, text: str) -> bool:
    if c.name_type:
        return find_name(c.name or c.text, passage_names(text))
    return f" {norm(c.core or c.head)} " in f" {norm(text)} "



def same_referent(c: Argument, p: Argument, similar: Similarity | None) -> bool:
    """The same speaker or actor told two ways: the same name, a description that refers back
    to a name ("the firm" / "Acme Corp"), or two descriptions that are synonyms ("the firm" /
    "the company"). Two different names, or two descriptions of different things ("the
    minister" / "the police"), are two."""
    if arg_same(c, p):
        return True
    c_desc = not c.name_type and c.head in REFERRING_HEADS
    p_desc = not p.name_type and p.head in REFERRING_HEADS
    if c_desc and p_desc:
        return c.head == p.head or (similar is not None and similar(c.head, p.head) >= SYNONYM)
    # Only a plain definite description refers back: "the company", not "a rival company".
    return (_refers_back(c) and p.name_type == "ORG") or (_refers_back(p) and c.name_type == "ORG")


def other_patient(cf: Frame, pf: Frame, similar: Similarity | None) -> bool:
    """Whether the two clauses do their deed to two different things: both name what it was
    done to, and the claim's is neither the passage's (the same name or noun, a synonym, a
    description of it) nor anywhere in the passage clause."""
    cp, pp = cf.args.get(PATIENT), pf.args.get(PATIENT)
    if cp is None or pp is None or is_pronoun(cp) or is_pronoun(pp):
        return False
    if cp.head == pp.head and (_another_one(cp, pp) or _another_one(pp, cp)):
        return True  # "closed the factory" / "opened a new factory"
    if not cp.name_type and not pp.name_type and opposite(cp.head, pp.head, nouns=True) \
            and set(cp.modifiers) == set(pp.modifiers):
        return False  # "posted a record profit" / "a record loss": the deed's one result, flipped
    if cp.head == pp.head or same_referent(cp, pp, similar) or synonym_noun(cp, pp, similar):
        return False
    return not arg_in_text(cp, pf.text)


def one_winner(cf: Frame, pf: Frame, ca: Argument, pa: Argument) -> bool:
    """Two clauses that name different winners of one contest: "win" in both, the same prize
    named with "the" and in the singular ("the World Cup", "the election"), two names of one
    kind as winners."""
    cp, pp = cf.args.get(PATIENT), pf.args.get(PATIENT)
    if cf.predicate != "win" or pf.predicate != "win" or cp is None or pp is None:
        return False
    if not (norm(cp.text).startswith("the ") and norm(pp.text).startswith("the ")):
        return False
    if cp.head != pp.head or cp.head.endswith("s") or other_modifiers(cp, pp):
        return False
    return bool(ca.name_type and pa.name_type and compatible_types(ca.name_type, pa.name_type)
                and not same_named(ca.name or ca.text, pa.name or pa.text))


#: Deeds a named thing undergoes at one doer's hands: one buyer acquires a company.
_ONE_DOER = frozenset({"acquire", "buy", "purchase", "take_over"})


def one_doer(cf: Frame, pf: Frame, ca: Argument, pa: Argument) -> bool:
    """Two clauses that name different doers of a deed only one can do to the same named
    thing: "acquire" in both, the same named patient, two names of one kind as agents."""
    deed = {cf.predicate} | (cf.words & _ONE_DOER)
    cp, pp = cf.args.get(PATIENT), pf.args.get(PATIENT)
    if not (deed & _ONE_DOER) or pf.predicate != cf.predicate or cp is None or pp is None:
        return False
    if not (cp.name_type and pp.name_type and arg_same(cp, pp)) or cf.negated or pf.negated:
        return False
    return bool(ca.name_type and pa.name_type and compatible_types(ca.name_type, pa.name_type)
                and not same_named(ca.name or ca.text, pa.name or pa.text))


#: Deeds that take something from someone: the one it is taken "from" lost it.
_TAKING = frozenset({"capture", "seize", "take", "win", "wrest", "snatch", "grab", "claim",
                     "conquer", "occupy", "control"})


def base_verb(lemma: str) -> str:
    """The verb without a prefix of doing again: "recapture" is "capture", "retake" "take"."""
    return lemma[2:] if lemma.startswith("re") and lemma[2:] in _TAKING else lemma


def taken_from(cf: Frame, pf: Frame, ca: Argument) -> bool:
    """The passage clause takes the claim's thing from the claim's agent: the same deed of
    taking (again or first), the same thing taken, and the claim's agent after "from"."""
    deed = base_verb(cf.predicate)
    source = pf.args.get("prep:from")
    cp, pp = cf.args.get(PATIENT), pf.args.get(PATIENT)
    return (deed in _TAKING and base_verb(pf.predicate) == deed and source is not None
            and cf.args.get("prep:from") is None and cp is not None and pp is not None
            and arg_same(cp, pp) and not is_pronoun(ca) and arg_same(ca, source))


def participant_role(role: str) -> bool:
    """Whether a finding's role is a participant of the clause (who, to whom, with what)."""
    return role in (AGENT, PATIENT, "attr") or role.startswith("prep:")


def one_noun(c: Argument, p: Argument) -> bool:
    """Whether the two fillers' core phrases stand in one group of :data:`NOUN_GROUPS`
    ("ceasefire" / "truce", "unemployment" / "the jobless rate")."""
    kc, kp = (norm(a.core or a.text).removeprefix("the ") for a in (c, p))
    if any(kc in g and kp in g for g in NOUN_GROUPS):
        return True
    # with the same words before them: "a three-year contract" / "a three-year deal"
    return c.head != p.head and set(c.modifiers) == set(p.modifiers) \
        and any(c.head in g and p.head in g for g in NOUN_GROUPS)


def synonym_noun(c: Argument, p: Argument, similar: Similarity | None) -> bool:
    """Two plain nouns a reader takes for one participant ("quake" / "earthquake", "inquiry" /
    "investigation"): heads without names and without modifiers that tell two kinds apart."""
    if c.name_type or p.name_type or c.head == p.head:
        return False
    if one_noun(c, p):
        return True
    if similar is None:
        return False
    if p.head in WEAK_HEADS or other_modifiers(c, p):
        return False
    return similar(c.head, p.head) >= SYNONYM


def _refers_back(arg: Argument) -> bool:
    return (not arg.name_type and arg.head in REFERRING_HEADS and not arg.modifiers
            and norm(arg.text).startswith("the "))


def is_pronoun(arg: Argument | None) -> bool:
    return arg is not None and (arg.head in _PRONOUNS or arg.key in _PRONOUNS)


def compatible_types(a: str, b: str) -> bool:
    """Two name types a slot may hold for one thing: the same, or a place and a nationality
    ("France" / "French")."""
    return a == b or {a, b} <= {"PLACE", "NORP"}


# Descriptions a story uses for a speaker it has named: "Tesla plans to build a factory, the
# company said". Only these heads: "the regulator said" after "Tesla plans ..." is another voice.
SELF_DESCRIPTIONS = frozenset({
    "company", "firm", "group", "carrier", "airline", "bank", "lender", "insurer", "retailer",
    "maker", "manufacturer", "automaker", "carmaker", "club", "team", "party", "government",
    "ministry", "agency", "department", "organisation", "organization", "charity", "union",
    "university", "council", "band", "studio", "network", "broadcaster", "newspaper", "station",
})

#: Heads of descriptions that refer back to a named speaker or actor in the claim or the
#: passage ("the company said" for "Acme Corp said"; two synonym descriptions): the story's own
#: self-descriptions and the wire's voices for an organisation.
REFERRING_HEADS = SELF_DESCRIPTIONS | frozenset({
    "corporation", "concern", "unit", "subsidiary", "utility", "producer", "spokesman",
    "spokeswoman", "spokesperson", "statement", "board", "court", "exchange"})
