"""What the part-by-part comparison reports: one :class:`Finding` per part of a claim the
aligned passage clause does not back (a conflict, or unbacked), and the :class:`RoleJudgement`
of one claim-passage pair (verify/roles.py). Each finding says itself in words for the reader
("sources say 95, not 89 (the age)").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from .parts import Stance

__all__ = ["NEGATED_OPPOSITE", "NO_ANSWER", "Finding", "Relation", "RoleJudgement", "SYNONYM",
           "Similarity"]

#: Two nouns in the same slot are one thing said two ways when their multilingual sentence
#: embeddings (USE) are at least this alike: inquiry/investigation 0.79, firm/company 0.82,
#: shares/stock 0.78, car/vehicle 0.84; water/plan 0.27, poll/crisis 0.31, poll/election 0.53.
#: Checked on these pairs only (2026-12-01); a measured list is future work.
SYNONYM = 0.75

Similarity = Callable[[str, str], float]


class Relation(str, Enum):
    CONFLICT = "conflict"  # the passage fills the role with another value
    UNBACKED = "unbacked"  # the passage does not back this part (absent, or other stance)


@dataclass(frozen=True)
class Finding:
    """One part of the claim that the aligned passage clause does not back."""

    role: str  # agent, patient, prep:<p>, predicate, polarity, figure:<kind>, date, stance
    claim: str  # the claim's value, as written
    passage: str | None  # the passage's value in the same role, if it has one
    relation: Relation
    #: the passage says something else in the claim's place that holds the claim's words
    #: ("turned back before it reached the city"): said as what the sources say, since "no
    #: source gives 'reached'" would be false of them
    instead: bool = False

    def words(self) -> str:
        """The finding in words, for the reason a reader sees: what the sources say instead,
        or what no source gives."""
        what = self.role_words()
        if self.role == "polarity" and self.passage:  # "not counted, not counted" reads wrong
            return f"sources say {self.passage}, where the claim says {self.claim}"
        if self.relation is Relation.CONFLICT and self.passage:
            # (a value as the sentence ends it: "June." is "June"; "p.m." keeps its dots)
            claim, passage = _unstopped(self.claim), _unstopped(self.passage)
            if passage.lower().startswith("not "):  # "not guilty, not guilty" reads wrong too
                return f"sources say {passage}, where the claim says {claim} ({what})"
            return f"sources say {passage}, not {claim} ({what})"
        if self.role == "stance" and self.passage:
            return f"sources report it only as {self.passage}"
        if self.role == "hedge" and self.passage:
            return f"sources say it only with a hedge (“{self.passage}”)"
        if self.role == "speaker":
            if self.passage:
                return f"sources attribute it to {self.passage}, not {self.claim}"
            return f"no source reports {self.claim} saying it"
        if self.instead and self.passage:
            return f"sources say '{self.passage}', which does not confirm '{self.claim}' ({what})"
        if self.passage:
            # Not a conflict: the closest clause has another word there, which may be a
            # paraphrase the rules cannot prove ("pieces of mail" / "emails"). Said as what
            # is not given, so that a reader is not told the sources contradict the claim.
            return f"no source gives '{self.claim}' ({what}); the closest has '{self.passage}'"
        if self.role == "predicate":
            return f"no source gives '{self.claim}' ({what})"  # not "gives what happened 'x'"
        return f"no source gives {what} '{self.claim}'"

    def role_words(self) -> str:
        if self.role.startswith("figure:"):
            kind = self.role[7:]
            if kind.startswith("count:"):
                noun = kind[6:]
                if noun not in ("dead", "injured", "people") and not noun.endswith("s"):
                    # "the number of pacemakers", "the number of countries"
                    noun = noun[:-1] + "ies" if re.search(r"[^aeiou]y$", noun) else noun + "s"
                return f"the number of {noun}"
            return _FIGURE_WORDS.get(kind, "the figure")
        return _ROLE_WORDS.get(self.role.split(":")[0], "the detail")


def _unstopped(value: str) -> str:
    """``value`` without the punctuation that ends its sentence ("June." as "June"); an
    abbreviation ("p.m.", "U.S.") keeps its stop."""
    value = value.rstrip(",;:")
    return value[:-1] if value.endswith(".") and value.count(".") == 1 else value


_ROLE_WORDS = {
    "agent": "who did it", "patient": "who or what it was done to",
    "object": "who or what it was done to", "prep": "the detail",
    "attr": "what it was", "predicate": "what happened", "polarity": "whether it happened",
    "date": "the date", "stance": "the status", "name": "the name", "rank": "the rank",
    "duration": "how long", "speaker": "who said it",
}
_FIGURE_WORDS = {"age": "the age", "percent": "the percentage", "money": "the amount",
                 "number": "the figure", "score": "the score", "ratio": "how many times",
                 "length": "the length", "weight": "the weight", "area": "the area",
                 "volume": "the volume"}


#: The claim's negated deed told by its opposite ("did not rise" / "fell"): the two agree in
#: polarity, so the claim's "not" against a passage without one is no flipped negation.
NEGATED_OPPOSITE = "negated opposite"
#: The passage's negation is a non-answer ("declined to comment", "did not respond"): the
#: claim's stand is not told there, and the "not" says nothing against it.
NO_ANSWER = "no answer"


@dataclass(frozen=True)
class RoleJudgement:
    """What the part-by-part comparison found for one claim-passage pair."""

    parsed: bool  # False: no frame for the claim (language without parser, no clause)
    aligned: str | None = None  # the passage sentence compared with, when one aligns
    findings: tuple[Finding, ...] = ()
    agreement: bool = False  # the aligned clause is about the claim's subject
    stance: Stance | None = None  # the aligned clause's stance
    #: Whether the claim's main clause and the passage clause it aligns with are negated (the
    #: passage clause also when a clause above it is); None when nothing aligns. A "not"
    #: elsewhere in the passage sentence belongs to another clause.
    negated: tuple[bool, bool] | None = None
    #: what the comparison noticed besides findings: :data:`NEGATED_OPPOSITE`, :data:`NO_ANSWER`
    notes: tuple[str, ...] = field(default=())
    #: the aligned clause says what the claim's one clause says, part by part: the same
    #: predicate, the same polarity and stance, each participant and circumstance of the claim
    #: there too ("The spire and at least part of the roof … collapsed" for "The spire of
    #: Notre Dame collapsed"), and nothing found against it
    restates: bool = False
    #: names of the claim that neither the passage nor its source's title names. Not a reason
    #: to withhold support on their own (a sentence names its subject by a pronoun or a
    #: description: on Climate-FEVER's gold-supporting sentences this flagged 89 of 301), but a
    #: refutation needs the passage to speak of what the claim names.
    unnamed: tuple[str, ...] = ()
    #: people the claim names whom neither the passage nor anything of its source (title and
    #: text) names: a person is called "he" or "the minister" only after the article has named
    #: them, so a source that never does cannot back the claim ("Paradyne named Jerry Kendall
    #: as president" against an article on its indictment that never names Kendall).
    unnamed_people: tuple[str, ...] = ()

    @property
    def conflicts(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.relation is Relation.CONFLICT)

    @property
    def unbacked(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.relation is Relation.UNBACKED)
