"""RuleBriefParser: speaker, role, outlet, medium, handles, hashtags, truncation, language, limits."""

import time
import unicodedata

import pytest

from groundbrief.brief import MAX_BRIEF_CHARS, RuleBriefParser
from groundbrief.errors import InputError

DESIGN_BRIEF = (
    "Citizens are deeply concerned about the EU’s failing migration policy.\n"
    "Integration is non-committal and border controls barely exist, says Belgian MEP\n"
    "@Assita_Kanko\nin a V24 interview…."
)


@pytest.fixture(scope="module")
def parser():
    return RuleBriefParser()


def test_design_example(parser):
    b = parser.parse(DESIGN_BRIEF)
    assert b.speaker == "Assita Kanko"
    assert b.role == "Belgian MEP"
    assert b.outlet == "V24"
    assert b.medium == "interview"
    assert b.truncated is True
    assert b.language == "en"
    assert b.handles == {"@Assita_Kanko": "Assita Kanko"}
    # Verbatim: the words and line breaks are the user's.
    assert b.text == DESIGN_BRIEF


def test_text_is_nfc_and_keeps_words(parser):
    raw = "  Orba\u0301n said the\u00a0plan  is dead.\r\n"
    b = parser.parse(raw)
    assert b.text == "Orbán said the plan is dead."
    assert unicodedata.is_normalized("NFC", b.text)
    assert b.speaker == "Orbán"


@pytest.mark.parametrize(
    "text, speaker, role, outlet, medium",
    [
        ("Prime Minister Mark Rutte told Reuters on Tuesday that the deal is dead.",
         "Mark Rutte", "Prime Minister", "Reuters", None),
        ("The climate is changing fast, Greta Thunberg said on BBC Radio 4's Today programme.",
         "Greta Thunberg", None, "BBC Radio 4", "programme"),
        ("According to Sea-Eye spokesperson Carlotta Weibl, the ship was renamed on Sunday.",
         "Carlotta Weibl", "Sea-Eye spokesperson", None, None),
        ("“This day is very hard for me,” said his father, Abdullah Kurdi.",
         "Abdullah Kurdi", "his father", None, None),
        ("Kanko: “Border controls barely exist.” #EU #migration", "Kanko", None, None, None),
        ("Border checks will be tightened, a spokesperson for the German government said in a statement.",
         None, "spokesperson for the German government", None, "statement"),
        ("The euro will survive, says @ChristineLagarde in an interview with Le Monde.",
         "Christine Lagarde", None, "Le Monde", "interview"),
    ],
)
def test_speaker_role_outlet(parser, text, speaker, role, outlet, medium):
    b = parser.parse(text)
    assert (b.speaker, b.role, b.outlet, b.medium) == (speaker, role, outlet, medium)


def test_no_speaker_wire_alert(parser):
    b = parser.parse("BREAKING: Notre Dame cathedral in Paris is on fire. #NotreDame https://t.co/x1")
    assert b.speaker is None and b.role is None
    assert b.hashtags == ["#NotreDame"]
    assert b.truncated is False


def test_dateline_outlet(parser):
    b = parser.parse("BRUSSELS (Reuters) - EU ministers agreed on Thursday to tighten border checks.")
    assert b.outlet == "Reuters"


@pytest.mark.parametrize("text, claim", [
    # a wire dateline with its date; the Wikinews style in title case
    ("LONDON, Dec 1 (Reuters) - The Bank of England raised interest rates on Thursday.",
     "The Bank of England raised interest rates on Thursday"),
    ("WASHINGTON, March 3 - The Senate passed the bill.", "The Senate passed the bill"),
    ("November 18, USA - Bill Gates receives up to four million emails a day.",
     "Bill Gates receives up to four million emails a day"),
    ("Redwood City, California - The jury recommended the death penalty.",
     "The jury recommended the death penalty"),
    ("November 17, Brisbane, Australia - The Australian team talked up its chances.",
     "The Australian team talked up its chances"),
    # other languages' dates; a press-release wire; "NEW YORK" is no "NEW" label
    ("PARIS, 1er décembre (AFP) - Le gouvernement a annoncé une hausse des impôts.",
     "Le gouvernement a annoncé une hausse des impôts"),
    ("BERLIN, 1. Dezember (dpa) - Die Regierung hat die Steuern erhöht.",
     "Die Regierung hat die Steuern erhöht"),
    ("NEW YORK, Dec. 1, 2026 /PRNewswire/ -- Acme Corp announced record profits.",
     "Acme Corp announced record profits"),
    ("NEW: The Senate passed the bill.", "The Senate passed the bill"),
    # a dash inside the sentence, or a name and an apposition, is no dateline
    ("Tesla - the carmaker - said it would cut 500 jobs.",
     "Tesla - the carmaker - said it would cut 500 jobs"),
    ("Boris Johnson, the prime minister, has resigned.", "Boris Johnson, the prime minister, has resigned"),
])
def test_a_dateline_is_no_part_of_the_claim(parser, text, claim):
    # "November 18, USA - William Henry Gates III" had been read as one name the sources lack
    from groundbrief.brief.claims import RuleClaimExtractor

    assert [c.text for c in RuleClaimExtractor().extract(parser.parse(text))] == [claim]


@pytest.mark.parametrize("ending, truncated", [
    ("…", True), ("...", True), (" […]", True), (" [...]", True), ("….", True),
    ("… #EU https://t.co/abc", True), (".", False), ("!", False),
])
def test_truncation(parser, ending, truncated):
    assert parser.parse("Border controls barely exist" + ending).truncated is truncated


def test_handles_split(parser):
    b = parser.parse("Talks failed, say @GrantShapps and @BBCNews and @eu_commission.")
    assert b.handles["@GrantShapps"] == "Grant Shapps"
    assert b.handles["@BBCNews"] == "BBC News"
    assert b.handles["@eu_commission"] == "eu commission"
    assert "name@example.com" not in parser.parse("Write to name@example.com today.").handles


@pytest.mark.parametrize("text, lang", [
    ("De grenscontroles bestaan nauwelijks, zegt Europarlementariër @Assita_Kanko in een interview met VRT.", "nl"),
    ("Les contrôles aux frontières n'existent presque pas, affirme la députée européenne.", "fr"),
    ("Die Grenzkontrollen existieren kaum, sagt die belgische Europaabgeordnete.", "de"),
    ("Los controles fronterizos apenas existen, dice la eurodiputada belga.", "es"),
])
def test_language(parser, text, lang):
    assert parser.parse(text).language == lang


def test_dutch_speaker(parser):
    b = parser.parse("De grenscontroles bestaan nauwelijks, zegt Europarlementariër @Assita_Kanko in een interview met VRT.")
    assert (b.speaker, b.outlet, b.medium) == ("Assita Kanko", "VRT", "interview")


@pytest.mark.parametrize("text, speaker", [
    ("De werkloosheid is in oktober gestegen tot 3,9 procent, meldt het Centraal Bureau voor de Statistiek.",
     "Centraal Bureau voor de Statistiek"),
    ("Die Arbeitslosigkeit ist im Oktober gestiegen, sagte das Bundesamt für Statistik am Montag.",
     "Bundesamt für Statistik"),
])
def test_an_organisation_named_with_a_preposition_is_the_whole_speaker(parser, text, speaker):
    # "voor de", "für": the speaker was cut at the preposition ("het Centraal Bureau")
    assert speaker in (parser.parse(text).speaker or "")


@pytest.mark.parametrize("text", ["", "   \n\t  ", "\u00a0\u200a"])
def test_empty_brief_rejected(parser, text):
    with pytest.raises(InputError, match="brief: empty"):
        parser.parse(text)


def test_huge_brief_fails_fast(parser):
    huge = "Border controls barely exist. " * 40_000  # ~1.2 MB
    t = time.perf_counter()
    with pytest.raises(InputError) as err:
        parser.parse(huge)
    assert time.perf_counter() - t < 0.05
    assert str(MAX_BRIEF_CHARS)[:1] in str(err.value) and "brief" in str(err.value)


def test_limit_is_inclusive(parser):
    text = ("Border controls barely exist. " * 200)[:MAX_BRIEF_CHARS]
    assert parser.parse(text).text
