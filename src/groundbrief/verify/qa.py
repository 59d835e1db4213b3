"""Evidence written as a question and its answer, read as the statement it makes.

Fact-checkers publish their findings as questions and answers ("Q: Did Matt Gaetz work for
Chemed? A: No. …"), and AVeriTeC stores its evidence that way. Read as running text, such a
passage asserts neither the question nor its opposite: the question's words restate the claim
(so word overlap, names and the model all lean towards support) and a bare "No" is one word the
model cannot tie to the question. A reader turns the pair into the statement it makes, and so
does :func:`statement_of`:

* a yes/no question answered "Yes" or "No" becomes the question as a statement, negated for
  "No" ("Did Matt Gaetz work for Chemed?" + "No" -> "Matt Gaetz did not work for Chemed."),
  followed by the rest of the answer;
* any other answer is read alone: the question asserts nothing, and names or figures that only
  it holds must not back the claim ("No answer could be found" backs nothing);
* a yes/no question no statement can be written from ("Why did …", a parse without a subject
  after the auxiliary) is left as it is: the clause comparison reads its clauses, negated by a
  "No" (:func:`groundbrief.verify.parts.frames_of`).

The reading is only what the verifier judges; a citation still quotes the stored passage
verbatim (invariant I4).
"""

from __future__ import annotations

import re

from .. import nlp
from ..nlp import PARSED_LANGUAGES

__all__ = ["statement_of"]

_QA = re.compile(r"\A\s*Q:\s*(?P<question>.+?)\s+A:\s*(?P<answer>.*)\Z", re.DOTALL)
# "Yes" or "No" standing alone (then a stop, a comma, a colon or the end): "No answer could
# be found" and "No evidence was found" are answers of their own.
_POLAR = re.compile(r"\A(?P<word>yes|no)\s*(?:[.,:;!–—-]+|\Z)\s*(?P<rest>.*)\Z",
                    re.IGNORECASE | re.DOTALL)
#: Auxiliaries that open a yes/no question ("Did …", "Is …", "Has …", "Can …").
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
_SUBJECT_MODIFIERS = frozenset({"prep", "compound", "appos", "nummod", "case", "poss"})
_AUXILIARIES = frozenset(
    "do does did is are was were am has have had can could will would shall should may might "
    "must".split())


def statement_of(text: str, language: str | None = None) -> str:
    """The statement a "Q: … A: …" passage makes (see module doc); any other text, and any
    text in a language other than English (the one with a parser), unchanged."""
    m = _QA.match(text)
    if m is None or language not in PARSED_LANGUAGES | {None, "", "und"}:
        return text
    question, answer = m.group("question").strip(), m.group("answer").strip()
    polar = _POLAR.match(answer)
    if polar is None:
        return answer
    statement = declarative(question, polar.group("word").lower() == "yes")
    if statement is None:
        # Left as it is: the clause comparison still reads the question's clauses, negated by
        # a "No" (parts.frames_of), where no statement can be written from it.
        return text
    rest = polar.group("rest").strip()
    return f"{statement} {rest[:1].upper()}{rest[1:]}".strip()


def declarative(question: str, yes: bool) -> str | None:
    """A yes/no question as the statement its answer makes: the subject before the opening
    auxiliary, "not" after it for a "No". None for a question that does not open with an
    auxiliary followed by its subject ("Why did …", "Who …")."""
    doc = nlp.parse(question.rstrip(" ?"))
    toks = [t for t in doc if not t.is_space]
    if len(toks) < 3 or toks[0].lower_ not in _AUXILIARIES:
        return None
    aux = toks[0]
    subject = next((t for t in doc if t.i > aux.i and t.dep_ in _SUBJECTS), None)
    if subject is None:
        return None
    first = min(t.i for t in subject.subtree)
    if first != aux.i + 1:
        return None  # something stands between the auxiliary and its subject
    # The subject ends at its head noun and the phrases that name it ("the president of
    # France"); a clause after it belongs to the predicate the parser may have hung on it
    # ("Was Chemed Corporation involved in …" parses "involved …" as a modifier).
    last = subject.i
    for child in subject.rights:
        if child.dep_ not in _SUBJECT_MODIFIERS:
            break
        last = max(t.i for t in child.subtree)
    subject_text = doc[first:last + 1].text
    rest = doc[last + 1:].text.strip()
    verb = aux.lower_ + ("" if yes else " not")
    statement = f"{subject_text[:1].upper()}{subject_text[1:]} {verb} {rest}".strip()
    return statement.rstrip(".") + "."
