"""The headline: the news in one line, never asserting what the sources do not support (I12).

The headline is written from the lead claim of the brief (its first checkable content claim)
and that claim's verdict; nothing else is generated. Its form follows what is known:

- Supported: the claim as a statement; "X says …" only when a source confirms that X said it.
- Refuted: what the sources say instead -- the verifier's conflicts ("Sources give the age as
  95, not 89") or the refuting source's own sentence, quoted -- followed by "contradicting the
  claim that …"; the refuted claim itself is never the subject of the line.
- Conflicting: "Sources disagree on the claim that …".
- Not enough evidence: "Unconfirmed: …"; an attributed claim as attributed and unconfirmed
  ("Unconfirmed: the claim, attributed to X, that …"), and "X says …; no source confirms it"
  only when a source confirms that X did say it.
- No content claim: the attribution claim, worded the same way; no claim at all: a line saying
  so, the brief's words quoted, never stated.

A social post's furniture (its display name, "Space News Daily: …", and labels such as
"BREAKING:") is not anyone's words and is taken off the claim text first. Outside English the
claim is quoted as it stands ("Unconfirmed: “…”") instead of being spliced into an English
sentence, which would need English case and grammar rules the claim's language does not follow.
"""

from __future__ import annotations

import re

from .. import words
from ..brief.claims import lower_first
from ..brief.post import LABEL, is_outlet
from ..models import Brief, Claim, Statement, Verdict
from . import corrections

# The refuting source's own words go into the headline only up to this length; longer, they
# are shown beside the claim in What's Still Unclear only.
MAX_QUOTED = 200
# Past this length a refuted claim's line names the claim it contradicts by whose it is
# ("contradicting the brief's claim") instead of restating it: what the sources say comes first,
# and the claim itself is listed, in full, under What's Still Unclear.
MAX_LINE = 240
# A brief's first sentence is quoted in the no-claim headline only up to this length.
MAX_BRIEF_QUOTE = 120

# Roles whose name reads well as "Sources give <role> as <value>": figures and dates.
_GIVEN_AS = re.compile(r"^the (age|percentage|amount|figure|date|number of .+)$")
# "Space News Daily: …", "AFP – …": a display name before a colon or a dash.
_DISPLAY_NAME = re.compile(
    r"^\s*(?P<name>@\w+|[A-ZÀ-Þ0-9][\w'’.&-]*(?:\s+[A-ZÀ-Þ0-9&][\w'’.&-]*){0,5})\s*(?::|\s[-–—|])\s+")
# "RIP Alexei Leonov has died": a tribute formula before the sentence it opens.
_TRIBUTE = re.compile(r"^\s*(?:" + "|".join(words.TRIBUTE_PHRASES) + r")[\s,:]+(?=[A-ZÀ-Þ@])")
_FIRST_PERSON = re.compile(r"^(?:I|I'm|I’m|I've|I’ve|we|we're|we’re|we've|we’ve|our|my|us)\b",
                           re.IGNORECASE)


def write_headline(brief: Brief, claims: list[Claim]) -> str:
    """The headline for a brief whose claims carry their published verdicts."""
    english = brief.language in (None, "en")
    content = [c for c in claims if c.kind == "content"]
    if content:
        lead = content[0]
        line = _content_line(lead, _attribution_of(lead, claims), brief, english)
    else:
        attributions = [c for c in claims if c.kind == "attribution"]
        opinions = [c for c in claims if c.kind == "opinion"]
        if attributions:
            line = _attribution_line(attributions[0], brief, english)
        elif opinions:
            line = _opinion_line(opinions[0], brief, english)
        else:
            line = _no_claim_line(brief)
    return _capitalise(" ".join(line.split()))


# ---------------------------------------------------------------- the lines


def _content_line(claim: Claim, said: Claim | None, brief: Brief, english: bool) -> str:
    text = _claim_text(claim, brief)
    speaker = claim.speaker if claim.speaker and not _starts_with(text, claim.speaker) else None
    # Whether a source confirms that the speaker said it: only then may the line say "X says".
    said_confirmed = said is not None and said.verdict is Verdict.SUPPORTED
    that = _that(text, english, {speaker} if speaker else set())
    verdict = claim.verdict

    if verdict is Verdict.SUPPORTED:
        if speaker and said_confirmed:
            return f"{speaker} says {_says(text, english, speaker)}"
        if speaker and _FIRST_PERSON.match(text):
            # "We will leave on 31 October" alone names nobody; the brief's attribution is
            # reported as the brief's, not as confirmed.
            return f"Attributed to {speaker}: “{text}”"
        return text

    whose = _whose_claim(speaker, said_confirmed)
    if verdict is Verdict.REFUTED:
        instead = _instead(claim)
        if instead:
            line = f"{instead}, contradicting {whose} {that}"
            if len(line) > MAX_LINE:
                line = f"{instead}, contradicting {_short_whose(speaker, said_confirmed)}"
            return line
        return f"Sources contradict {whose} {that}"
    if verdict is Verdict.CONFLICTING:
        return f"Sources disagree on {whose} {that}"
    if verdict is Verdict.NOT_CHECKWORTHY:
        return _opinion_line(claim, brief, english, said_confirmed=said_confirmed)
    # Not enough evidence.
    if speaker and said_confirmed:
        return f"{speaker} says {_says(text, english, speaker)}; no source confirms it"
    if speaker:
        return f"Unconfirmed: {whose} {that}"
    return f"Unconfirmed: {text}" if english else f"Unconfirmed: “{text}”"


def _attribution_line(claim: Claim, brief: Brief, english: bool) -> str:
    """A brief with only a report of what someone said ("X said on Tuesday “…”")."""
    text = _claim_text(claim, brief)
    that = _that(text, english, {claim.speaker} if claim.speaker else set())
    if claim.verdict is Verdict.SUPPORTED:
        return text
    if claim.verdict is Verdict.REFUTED:
        instead = _instead(claim)
        if instead:
            return f"{instead}, contradicting the report {that}"
        return f"Sources contradict the report {that}"
    if claim.verdict is Verdict.CONFLICTING:
        return f"Sources disagree on the report {that}"
    return f"Unconfirmed: the report {that}"


def _opinion_line(claim: Claim, brief: Brief, english: bool, *,
                  said_confirmed: bool = False) -> str:
    text = _claim_text(claim, brief)
    speaker = claim.speaker if claim.speaker and not _starts_with(text, claim.speaker) else None
    if speaker and said_confirmed:
        return f"{speaker} says {_says(text, english, speaker)}"
    if speaker:
        return f"A view attributed to {speaker}, not a checkable fact: “{text}”"
    return f"A view, not a checkable fact: “{text}”"


def _no_claim_line(brief: Brief) -> str:
    first = brief.text.strip().splitlines()[0].strip() if brief.text.strip() else ""
    if first and len(first) <= MAX_BRIEF_QUOTE:
        return f"No checkable claim in the brief “{first.rstrip(' .')}”"
    return "No checkable claim in the brief"


# ---------------------------------------------------------------- what the sources say


def _instead(claim: Claim) -> str | None:
    """What the sources say instead of a refuted claim, as the line's subject: the verifier's
    conflicts ("Sources give the age as 95, not 89"), else the refuting source's own sentence
    ("A source says “He was 95.”"); None when neither is on record."""
    found = corrections.conflicts(claim)[:2]
    if found:
        parts = [f"{c.what} as {c.passage}, not {c.claim}" if c.what and _GIVEN_AS.match(c.what)
                 else f"{c.passage}, not {c.claim}" for c in found]
        verb = "give" if all(p.startswith("the ") for p in parts) else "say"
        return f"Sources {verb} " + " and ".join(parts)
    said: Statement | None = corrections.correction(claim)
    if said is not None:
        words = " ".join(said.text.split())
        if words and len(words) <= MAX_QUOTED:
            return f"A source says “{words}”"
    return None


# ---------------------------------------------------------------- wording


def _attribution_of(content: Claim, claims: list[Claim]) -> Claim | None:
    """The attribution claim that reports who said ``content``: the one that names it, or one
    of the same speaker whose text holds it ("X said that A and B" for both A and B)."""
    attributions = [c for c in claims if c.kind == "attribution"]
    for c in attributions:
        if c.content_claim_id == content.id:
            return c
    needle = content.text.rstrip(" .!?…").lower()
    for c in attributions:
        if c.speaker and c.speaker == content.speaker and needle and needle in c.text.lower():
            return c
    return None


def _whose_claim(speaker: str | None, said_confirmed: bool) -> str:
    if speaker and said_confirmed:
        return f"{speaker}{_possessive(speaker)} claim"
    if speaker:
        return f"the claim, attributed to {speaker},"
    return "the claim"


def _short_whose(speaker: str | None, said_confirmed: bool) -> str:
    if speaker and said_confirmed:
        return f"{speaker}{_possessive(speaker)} claim"
    if speaker:
        return f"the brief's claim attributed to {speaker}"
    return "the brief's claim"


def _possessive(name: str) -> str:
    return "’" if name.endswith("s'") else "'s"


def _that(text: str, english: bool, names: set[str]) -> str:
    """The claim as the object of "the claim …": "that it rained" in English; elsewhere the claim
    quoted as written, since lower-casing its first word follows English rules only."""
    text = text.rstrip(" .!?…")
    if english:
        return f"that {lower_first(text, names)}"
    return f"“{text}”"


def _says(text: str, english: bool, speaker: str) -> str:
    text = text.rstrip(" .!?…")
    return lower_first(text, {speaker}) if english else f"“{text}”"


def _claim_text(claim: Claim, brief: Brief) -> str:
    """The claim without a post's furniture: a display name or feed before a colon is the
    post's author line, not part of anyone's words; labels ("BREAKING:") and a tribute formula
    ("RIP") assert nothing."""
    text = claim.text.strip()
    for _ in range(3):  # "BREAKING: Space News Daily: …" has two layers
        before = text
        text = LABEL.sub("", text, count=1).strip()
        text = _TRIBUTE.sub("", text, count=1).strip()
        m = _DISPLAY_NAME.match(text)
        if m and _is_display_name(m["name"], brief, claim):
            text = text[m.end():].strip()
        if text == before:
            break
    return text.rstrip(" .!?…") or claim.text.strip().rstrip(" .!?…")


def _is_display_name(name: str, brief: Brief, claim: Claim) -> bool:
    name = name.strip()
    if claim.speaker and name == claim.speaker:
        return False  # "Johnson: We will leave …" is the headline form of a quotation
    known = {brief.outlet} | set(brief.handles) | set(brief.handles.values())
    return name in known or is_outlet(name)


def _starts_with(text: str, name: str) -> bool:
    return text.lower().startswith(name.lower())


def _capitalise(line: str) -> str:
    return line[:1].upper() + line[1:] if line else line


__all__ = ["write_headline"]
