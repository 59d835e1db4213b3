"""Headlines never assert what the sources do not support (DESIGN.md I12, issue 10 item 4).

Each brief is read by the real parser and claim extractor; the verdicts a verifier would publish
are then set on its claims (the headline's input is verified claims, whatever verifier made
them), and the line is checked for what it may and may not say.
"""

from __future__ import annotations

import pytest

from groundbrief.brief.claims import RuleClaimExtractor
from groundbrief.brief.parse import RuleBriefParser
from groundbrief.compose.headline import write_headline
from groundbrief.models import Brief, Citation, Claim, Verdict, VerdictSignals

S, R, C, N = (Verdict.SUPPORTED, Verdict.REFUTED, Verdict.CONFLICTING,
              Verdict.NOT_ENOUGH_EVIDENCE)

LEONOV_POST = ("Space News Daily: RIP Alexei Leonov, the first man to walk in space, has died aged "
               "85, Roscosmos said. He spent just over 12 minutes outside Voskhod 2 in 1965.")
LEONOV_FEED = ("Space News Daily @SpaceNewsDaily · 2h\nRIP Alexei Leonov. He was the first person "
               "to walk in space. #RIP")
KANKO = ("Citizens are deeply concerned about the EU’s failing migration policy.\nIntegration is "
         "non-committal and border controls barely exist, says Belgian MEP\n@Assita_Kanko\nin a "
         "V24 interview….")
MUGABE = "Robert Mugabe, the former president of Zimbabwe, has died aged 89."
JOHNSON_QUOTE = "“We will not back down,” said Boris Johnson on Tuesday."
JOHNSON_COLON = "Johnson: We will leave on 31 October"
KREMLIN = "Alexei Navalny was not poisoned with Novichok, the Kremlin said on Friday."
NOTRE_DAME = "BREAKING: Fire at the Notre Dame cathedral in Paris, France. The spire has collapsed."
SCHOLZ = ("Bundeskanzler Olaf Scholz sagte am Montag, die Regierung werde die Schuldenbremse 2024 "
          "einhalten.")
MACRON = ("Le président Emmanuel Macron a annoncé lundi que la réforme des retraites entrera en "
          "vigueur en septembre.")


def read(text: str) -> tuple[Brief, list[Claim]]:
    brief = RuleBriefParser().parse(text)
    return brief, RuleClaimExtractor().extract(brief)


def judged(text: str, verdicts: dict[str, Verdict] | Verdict) -> tuple[Brief, list[Claim]]:
    """The brief's claims with verdicts set: one for all, or per claim kind ("content",
    "attribution") or claim id."""
    brief, claims = read(text)
    out = []
    for c in claims:
        if isinstance(verdicts, Verdict):
            v = verdicts
        else:
            v = verdicts.get(c.id) or verdicts.get(c.kind) or N
        out.append(c.model_copy(update={"verdict": v}))
    return brief, out


def headline(text: str, verdicts: dict[str, Verdict] | Verdict) -> str:
    return write_headline(*judged(text, verdicts))


def refute(claim: Claim, passage: str, says: list[str], sentence: str | None = None) -> Claim:
    """The claim as the verifier leaves a refuted one: the refuting passage as evidence and
    what the sources say instead, in its words."""
    cite = Citation(source_id="s1", passage_id="s1#p0", start=0, end=len(passage),
                    quote=passage, support=0.0, contradiction=0.9)
    return claim.model_copy(update={
        "verdict": R, "evidence": [cite], "signals": VerdictSignals.model_validate({
            "refuting": ["s1#p0"],
            "correction": {"passage_id": "s1#p0", "sentence": sentence, "says": says}})})


# ---------------------------------------------------------------- supported


def test_a_supported_claim_is_the_headline():
    assert headline(MUGABE, S) == "Robert Mugabe, the former president of Zimbabwe, has died aged 89"


def test_x_says_only_when_a_source_confirms_x_said_it():
    both = headline(KREMLIN, S)
    assert both == "The Kremlin says Alexei Navalny was not poisoned with Novichok"
    # The content is confirmed, who said it is not: the fact stands, the attribution does not.
    content_only = headline(KREMLIN, {"content": S, "attribution": N})
    assert content_only == "Alexei Navalny was not poisoned with Novichok"
    assert "Kremlin" not in content_only


def test_first_person_words_keep_the_brief_attribution_as_the_briefs():
    line = headline(JOHNSON_COLON, {"content": S, "attribution": N})
    assert line == "Attributed to Johnson: “We will leave on 31 October”"


# ---------------------------------------------------------------- not enough evidence


def test_an_attributed_unconfirmed_claim_is_headlined_as_attributed_and_unconfirmed():
    line = headline(KREMLIN, N)
    assert line == ("Unconfirmed: the claim, attributed to the Kremlin, that Alexei Navalny was "
                    "not poisoned with Novichok")
    assert not line.startswith("The Kremlin says")


def test_a_confirmed_speaker_with_unconfirmed_words_says_so():
    line = headline(KREMLIN, {"content": N, "attribution": S})
    assert line == ("The Kremlin says Alexei Navalny was not poisoned with Novichok; no source "
                    "confirms it")


def test_a_post_display_name_is_not_a_speakers_words():
    for verdicts in (N, S, {"content": N, "attribution": S}):
        line = headline(LEONOV_POST, verdicts)
        assert "Space News Daily" not in line, line
        assert "RIP" not in line, line
    assert headline(LEONOV_POST, N) == ("Unconfirmed: the claim, attributed to Roscosmos, that "
                                        "Alexei Leonov, the first man to walk in space, has died "
                                        "aged 85")
    assert headline(LEONOV_FEED, N) == "Unconfirmed: Alexei Leonov has died"


def test_a_display_name_left_in_a_claim_text_is_taken_off():
    brief = Brief(text=LEONOV_POST, language="en", speaker="Roscosmos", outlet="Space News Daily")
    claim = Claim(id="c1", text="Space News Daily: RIP Alexei Leonov has died aged 85",
                  speaker="Roscosmos", verdict=N)
    line = write_headline(brief, [claim])
    assert "Space News Daily" not in line and "RIP" not in line
    assert line == ("Unconfirmed: the claim, attributed to Roscosmos, that Alexei Leonov has died "
                    "aged 85")
    # A person's name before a colon is the speaker's quotation, and stays theirs.
    brief = Brief(text=JOHNSON_COLON, language="en", speaker="Johnson")
    claim = Claim(id="c1", text="Johnson: We will leave on 31 October", speaker=None, verdict=N)
    assert write_headline(brief, [claim]) == "Unconfirmed: Johnson: We will leave on 31 October"


def test_labels_are_not_part_of_the_claim():
    line = headline(NOTRE_DAME, N)
    assert line == "Unconfirmed: Fire at the Notre Dame cathedral in Paris, France"
    assert "BREAKING" not in headline(NOTRE_DAME, S)


def test_the_belgian_meps_brief_never_asserts_her_words():
    for verdict in (N, {"attribution": S}):
        line = headline(KANKO, verdict)
        assert line.startswith("Unconfirmed"), line
        assert line != KANKO.splitlines()[0].rstrip(".")


# ---------------------------------------------------------------- refuted and conflicting


def test_a_refuted_claim_is_headlined_with_what_the_sources_say():
    brief, [claim] = read(MUGABE)
    passage = ("Robert Mugabe, former president of Zimbabwe, has died, according to current "
               "president Emmerson Mnangagwa on Friday. He was 95.")
    line = write_headline(brief, [refute(claim, passage, ["sources say 95, not 89 (the age)"])])
    assert line == ("Sources give the age as 95, not 89, contradicting the claim that Robert "
                    "Mugabe, the former president of Zimbabwe, has died aged 89")


def test_without_a_worded_conflict_the_refuting_sentence_is_quoted():
    brief, [claim] = read(MUGABE)
    passage = "Mugabe is alive and well, his spokesman said on Friday. He was seen in Harare."
    line = write_headline(brief, [refute(claim, passage, [],
                                         "Mugabe is alive and well, his spokesman said on Friday.")])
    assert line.startswith("A source says “Mugabe is alive and well, his spokesman said on "
                           "Friday.”, contradicting the claim that Robert Mugabe"), line


def test_a_refuted_attributed_claim_keeps_the_attribution_unconfirmed():
    brief, claims = read(KREMLIN)
    content = next(c for c in claims if c.kind == "content")
    passage = "Tests in Germany showed that Alexei Navalny was poisoned with Novichok."
    claims = [refute(content, passage, [], passage) if c is content else c for c in claims]
    line = write_headline(brief, claims)
    assert line.startswith("A source says “Tests in Germany showed"), line
    assert ", contradicting the claim, attributed to the Kremlin, that Alexei Navalny" in line
    confirmed = [c.model_copy(update={"verdict": S}) if c.kind == "attribution" else c
                 for c in claims]
    assert "contradicting the Kremlin's claim that Alexei" in write_headline(brief, confirmed)


def test_a_refuted_claim_with_nothing_on_record_is_still_not_asserted():
    line = headline(MUGABE, R)
    assert line == ("Sources contradict the claim that Robert Mugabe, the former president of "
                    "Zimbabwe, has died aged 89")


def test_conflicting_sources():
    assert headline(MUGABE, C).startswith("Sources disagree on the claim that Robert Mugabe")
    assert headline(KREMLIN, {"content": C, "attribution": S}).startswith(
        "Sources disagree on the Kremlin's claim that Alexei Navalny")


# ---------------------------------------------------------------- briefs of one report only


def test_a_brief_of_only_an_attribution_never_becomes_its_first_line():
    brief, claims = judged(JOHNSON_QUOTE, N)
    assert [c.kind for c in claims] == ["attribution"]
    line = write_headline(brief, claims)
    assert line == "Unconfirmed: the report that Boris Johnson said on Tuesday “We will not back down”"
    assert write_headline(*judged(JOHNSON_QUOTE, S)) == (
        "Boris Johnson said on Tuesday “We will not back down”")
    assert write_headline(*judged(JOHNSON_QUOTE, R)).startswith("Sources contradict the report that")


def test_no_claim_at_all():
    brief = Brief(text="Thoughts and prayers.\nMore soon.", language="en")
    assert write_headline(brief, []) == "No checkable claim in the brief “Thoughts and prayers”"
    assert write_headline(Brief(text="", language="en"), []) == "No checkable claim in the brief"


def test_an_opinion_is_headlined_as_a_view():
    brief = Brief(text="Assita Kanko said the policy is a disgrace.", language="en",
                  speaker="Assita Kanko")
    claim = Claim(id="c1", text="The policy is a disgrace", kind="opinion",
                  speaker="Assita Kanko", verdict=Verdict.NOT_CHECKWORTHY)
    assert write_headline(brief, [claim]) == (
        "A view attributed to Assita Kanko, not a checkable fact: “The policy is a disgrace”")


# ---------------------------------------------------------------- other languages


@pytest.mark.parametrize("text", [SCHOLZ, MACRON])
def test_other_languages_are_quoted_not_spliced_into_english(text):
    brief, claims = read(text)
    assert brief.language in ("de", "fr")
    content = next(c for c in claims if c.kind == "content")
    words = content.text.rstrip(" .")
    for verdict in (N, C, R):
        line = write_headline(*judged(text, verdict))
        # The claim as written, in quotation marks: its first word keeps its case (German
        # nouns are capitalised; lower-casing by English rules would misspell them).
        assert f"“{words}”" in line, line
        assert " that " not in line
    supported = write_headline(*judged(text, S))
    assert words in supported


def test_german_attributed_claim_unconfirmed():
    line = headline(SCHOLZ, N)
    assert line.startswith("Unconfirmed: the claim, attributed to Olaf Scholz, “"), line
    line = headline(SCHOLZ, {"content": N, "attribution": S})
    assert line.startswith("Olaf Scholz says “") and line.endswith("; no source confirms it")


# ---------------------------------------------------------------- the rule over many briefs


BRIEFS = [LEONOV_POST, LEONOV_FEED, KANKO, MUGABE, JOHNSON_QUOTE, JOHNSON_COLON, KREMLIN,
          NOTRE_DAME, SCHOLZ, MACRON,
          "Apple will open its first store in India next week, the company said.",
          "The WHO says the outbreak is over. No new cases were reported in 42 days.",
          "BREAKING: Tesla recalls 2 million cars over Autopilot, regulators said on Wednesday.",
          "Reuters – The Federal Reserve raised interest rates by a quarter point on Wednesday.",
          "Scientists in Australia have found a new species of frog, the University of Sydney "
          "said."]


@pytest.mark.parametrize("text", BRIEFS)
@pytest.mark.parametrize("verdict", [R, C, N])
def test_an_unsupported_lead_claim_is_never_stated_as_fact(text, verdict):
    """Whatever the brief, a lead claim the sources do not support never appears as the
    headline's own statement: it is framed ("Unconfirmed:", "the claim that", "the report
    that", "Sources …"), and no line is the brief's first line as it stands."""
    brief, claims = judged(text, verdict)
    line = write_headline(brief, claims)
    assert line.split(":")[0] in ("Unconfirmed", "A view attributed to " + str(
        claims[0].speaker) + ", not a checkable fact", "A view, not a checkable fact") \
        or line.startswith("Sources "), line
    first = brief.text.strip().splitlines()[0].strip()
    assert line.rstrip(".") != first.rstrip("."), line
    assert "Space News Daily" not in line and "BREAKING" not in line and "Reuters –" not in line


def test_a_long_refuting_sentence_leads_and_the_claim_is_named_not_restated():
    """The demo's Navalny brief: the refuting sentence is long, so the line says what the
    source says and names the claim it contradicts by whose it is."""
    text = ("Steffen Seibert said that tests by a German military laboratory found no trace of "
            "Novichok in Alexei Navalny’s blood.")
    brief, claims = read(text)
    content = next(c for c in claims if c.kind == "content")
    passage = ("The German government announced the tests by a military laboratory found "
               "Novichok in Navalny's blood, and said there was \"unequivocal\" proof he had been "
               "poisoned.")
    claims = [refute(content, passage, [], passage) if c is content else c for c in claims]
    line = write_headline(brief, claims)
    assert line == (f"A source says “{passage}”, contradicting the brief's claim attributed to "
                    "Steffen Seibert")
    assert "found no trace" not in line
