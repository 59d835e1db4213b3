"""verify/crossing.py: a claim in French, Dutch, German, Spanish, Italian or Portuguese against
an English passage, judged by the real default verifier with the bundled models (the English
cross-encoder cannot read the claim; the crossing reads it part by part)."""

from __future__ import annotations

import pytest

from groundbrief.models import Brief, Claim, Passage, ScoredPassage, Source, Verdict
from groundbrief.verify import DefaultVerifier
from groundbrief.verify.crossing import DEEDS, compare_across


@pytest.fixture(scope="module")
def verifier() -> DefaultVerifier:
    return DefaultVerifier()


def judge(verifier: DefaultVerifier, claim: str, language: str, passage: str):
    sp = ScoredPassage(
        passage=Passage(id="p1", source_id="s1", ordinal=0, start=0, end=len(passage), text=passage),
        source=Source(id="s1", title="News", outlet="Example News", text=passage, language="en"),
        score=1.0)
    return verifier.verify(Claim(id="c1", text=claim), [sp], Brief(text=claim, language=language))


@pytest.mark.parametrize("claim,language,passage", [
    ("Le ministre de la Santé a démissionné mardi.", "fr",
     "The health minister resigned on Tuesday after a row over the budget."),
    ("De minister is dinsdag afgetreden.", "nl", "The minister resigned on Tuesday after the scandal."),
    ("Bei dem Unfall wurden drei Menschen verletzt.", "de", "Three people were injured in the accident."),
    ("El presidente visitó Londres el lunes.", "es", "The president visited London on Monday."),
    ("O presidente assinou o acordo.", "pt", "The president signed the agreement on Wednesday."),
    # the passage's "without" is not the claim's negation
    ("Die Polizei hat den Verdächtigen freigelassen.", "de",
     "Police released the suspect on Friday without charge."),
])
def test_a_claim_restated_in_english_is_supported(verifier, claim, language, passage):
    assert judge(verifier, claim, language, passage).verdict is Verdict.SUPPORTED


@pytest.mark.parametrize("claim,language,passage,says", [
    ("L'incendie a fait trois morts à Marseille.", "fr",
     "The fire in Marseille killed five people, officials said.", "five, not trois"),
    ("Die Regierung hat die Steuern erhöht.", "de", "The government cut taxes on Wednesday.",
     "cut, not erhöht"),
    ("Il presidente ha visitato Berlino lunedì.", "it", "The president visited Berlin on Thursday.",
     "Thursday, not lunedì"),
    ("Le président n'a pas signé la loi.", "fr", "The president signed the law on Friday.",
     "signed, where the claim says not signé"),
])
def test_a_part_given_otherwise_in_english_is_refuted(verifier, claim, language, passage, says):
    result = judge(verifier, claim, language, passage)
    assert result.verdict is Verdict.REFUTED
    assert says in result.reason


@pytest.mark.parametrize("claim,language,passage", [
    # another participant: the health minister is not the finance minister
    ("Le ministre de la Santé a démissionné mardi.", "fr",
     "The finance minister resigned on Tuesday after a row over the budget."),
    # another city
    ("Il sindaco di Roma è stato eletto.", "it", "The mayor of Milan was elected on Sunday."),
    # a deed the table does not hold is not read, and the model cannot read the claim
    ("Le club a changé d'entraîneur.", "fr", "The club changed its coach on Monday."),
])
def test_a_part_the_english_passage_does_not_give_is_not_supported(verifier, claim, language, passage):
    assert judge(verifier, claim, language, passage).verdict is not Verdict.SUPPORTED


def test_stems_are_long_enough_not_to_read_other_words():
    # "pres*" (Portuguese "preso") read "presidente" as an arrest
    stems = [f for _, forms in DEEDS() for words in forms.values() for f in words if f.endswith("*")]
    assert stems and all(len(f) > 5 for f in stems)
    judgement = compare_across("O presidente assinou o acordo.", "pt",
                               "The president signed the agreement on Wednesday.", lambda a, b: 1.0 if a.lower() == b else 0.0)
    assert not any(f.claim == "presidente" and f.role == "predicate" for f in judgement.findings)


def test_english_or_an_unlisted_language_is_not_read():
    assert not compare_across("The minister resigned.", "en", "The minister resigned.", lambda a, b: 1.0).parsed
    assert not compare_across("Minister zrezygnował.", "pl", "The minister resigned.", lambda a, b: 1.0).parsed


def judge_english_claim(verifier: DefaultVerifier, claim: str, passage: str, language: str):
    sp = ScoredPassage(
        passage=Passage(id="p1", source_id="s1", ordinal=0, start=0, end=len(passage), text=passage),
        source=Source(id="s1", title="News", outlet="Example News", text=passage, language=language),
        score=1.0)
    return verifier.verify(Claim(id="c1", text=claim), [sp], Brief(text=claim, language="en"))


@pytest.mark.parametrize("claim,passage,language,expected", [
    ("The prime minister resigned on Monday.", "Le Premier ministre a démissionné lundi soir.", "fr",
     Verdict.SUPPORTED),
    ("The government raised taxes.", "Die Regierung hat die Steuern erhöht.", "de", Verdict.SUPPORTED),
    ("Unemployment rose in October.", "O desemprego aumentou em outubro.", "pt", Verdict.SUPPORTED),
    ("The prime minister resigned on Monday.", "Le Premier ministre a refusé de démissionner lundi.",
     "fr", Verdict.REFUTED),
    ("Three people died in the fire.", "Bij de brand kwamen vijf mensen om.", "nl", Verdict.REFUTED),
    # the model called this Supported: another weekday, across languages
    ("The minister visited Berlin on Tuesday.", "El ministro visitó Berlín el jueves.", "es",
     Verdict.REFUTED),
])
def test_an_english_claim_is_read_against_a_source_in_another_language(
        verifier, claim, passage, language, expected):
    assert judge_english_claim(verifier, claim, passage, language).verdict is expected


@pytest.mark.parametrize("claim,passage,language", [
    # "health minister" is close to "ministre des" only through "minister"
    ("The health minister resigned.", "Le ministre des Finances a démissionné.", "fr"),
    ("The mayor of Rome was elected on Sunday.", "Il sindaco di Milano è stato eletto domenica.", "it"),
])
def test_an_english_claims_part_the_other_language_does_not_give_is_not_supported(
        verifier, claim, passage, language):
    assert judge_english_claim(verifier, claim, passage, language).verdict is not Verdict.SUPPORTED


# cross_set4.tsv (session 15, held out): an English claim against a deed of a new row, and one
# done to another thing
@pytest.mark.parametrize("claim,passage,language,expected", [
    ("The strike ended on Friday.", "La grève s'est terminée vendredi.", "fr", Verdict.SUPPORTED),
    ("The strike ended on Friday.", "La grève a été prolongée vendredi.", "fr", Verdict.REFUTED),
    ("The company closed the factory.", "La empresa cerró la fábrica.", "es", Verdict.SUPPORTED),
    # "una nueva fábrica" is another factory: opening it says nothing of closing the claim's
    ("The company closed the factory.", "La empresa abrió una nueva fábrica.", "es",
     Verdict.NOT_ENOUGH_EVIDENCE),
    ("The company closed the factory.", "La empresa abrió la fábrica.", "es", Verdict.REFUTED),
])
def test_new_deed_rows_and_another_thing_across_languages(verifier, claim, passage, language,
                                                          expected):
    assert judge_english_claim(verifier, claim, passage, language).verdict is expected


def test_the_tables_opposite_deeds_in_one_language():
    from groundbrief.verify.crossing import deed_opposed
    assert deed_opposed("beendet", "verlangert", "de")  # folded as wording_plain keys words
    assert deed_opposed("gevallen", "overleefd", "nl")
    assert deed_opposed("aprobo", "retiro", "es")
    assert deed_opposed("vetou", "sancionou", "pt")
    assert not deed_opposed("beendet", "beendet", "de")
    assert not deed_opposed("beendet", "gewahlt", "de")  # "end" / "elect": no opposites


@pytest.mark.parametrize("claim,language,passage", [
    # the verb, not the noun of the table: "hat das Verbot aufgehoben" lifted a ban
    ("Die Regierung hat das Verbot aufgehoben.", "de", "The government extended the ban."),
    ("La empresa contrató a 200 trabajadores.", "es", "The company fired 200 workers."),
])
def test_new_rows_opposite_deed_in_english_is_refuted(verifier, claim, language, passage):
    assert judge(verifier, claim, language, passage).verdict is Verdict.REFUTED


def test_a_word_of_two_rows_opposes_neither():
    from groundbrief.verify.crossing import deed_opposed
    # Dutch "ontslagen" is "fired" and the resign row's "ontslag*": no conflict with itself
    assert not deed_opposed("ontslagen", "ontslagen", "nl")


# cross_set6-8 (session 16, held out): the misses of their first runs
@pytest.mark.parametrize("claim,passage,language,expected", [
    ("The mayor was re-elected.", "Der Bürgermeister wurde abgewählt.", "de", Verdict.REFUTED),
    ("Police arrested the suspect.", "A polícia libertou o suspeito.", "pt", Verdict.REFUTED),
    # "10 percent" / "un 10 %": the sign is the figure's unit, not a missing word
    ("Exports rose 10 percent.", "Las exportaciones bajaron un 10 %.", "es", Verdict.REFUTED),
    ("The team won the final.", "La squadra ha vinto la finale.", "it", Verdict.SUPPORTED),
])
def test_session_16_rows_across_languages(verifier, claim, passage, language, expected):
    assert judge_english_claim(verifier, claim, passage, language).verdict is expected


# cross_set9 (session 17, held out): the misses of its first run
SESSION17_CROSS9 = [
    ("The union accepted the pay offer.", "Die Gewerkschaft hat das Lohnangebot abgelehnt.", "de",
     Verdict.REFUTED),
    ("The senator voted against the bill.", "El senador votó a favor del proyecto de ley.", "es",
     Verdict.REFUTED),
    ("The airline suspended flights to Kyiv.", "A companhia aérea retomou os voos para Kiev.", "pt",
     Verdict.REFUTED),
    ("The court upheld the ban.", "El tribunal anuló la prohibición.", "es", Verdict.REFUTED),
    # a refusal verb that is the rejection itself is no negation of it
    ("The union rejected the offer.", "Il sindacato ha rifiutato l'offerta.", "it",
     Verdict.SUPPORTED),
    ("The union accepted the offer.", "Il sindacato ha rifiutato l'offerta.", "it",
     Verdict.REFUTED),
]


# cross_set10 (session 17, held out): the misses of its first run
SESSION17_CROSS10 = [
    ("The prime minister survived the no-confidence vote.",
     "Le Premier ministre a été renversé par la motion de censure.", "fr", Verdict.REFUTED),
    ("Inflation slowed in October.", "Die Inflation hat sich im Oktober beschleunigt.", "de",
     Verdict.REFUTED),
    ("The festival was postponed to September.", "Il festival è stato rinviato a ottobre.", "it",
     Verdict.REFUTED),
    ("The festival was postponed to September.", "Il festival è stato rinviato a settembre.", "it",
     Verdict.SUPPORTED),
]


# cross_set11 (session 17, held out): the misses of its first run
SESSION17_CROSS11 = [
    ("The mayor praised the police response.", "Le maire a critiqué la réaction de la police.",
     "fr", Verdict.REFUTED),
    ("The minister apologised.", "Die Ministerin weigerte sich, sich zu entschuldigen.", "de",
     Verdict.REFUTED),
    ("The party won 40 percent of the vote.", "De partij behaalde 14 procent van de stemmen.", "nl",
     Verdict.REFUTED),
    ("The defender was sent off.", "El defensa fue expulsado.", "es", Verdict.SUPPORTED),
]


# cross_set12 (session 18, held out): the misses of its first run -- "3 000" is one figure;
# "supprimé" cuts jobs; "siguió adelante" is what a strike called off did not do
SESSION18_CROSS12 = [
    ("The company cut 300 jobs.", "L'entreprise a supprimé 3 000 emplois.", "fr", Verdict.REFUTED),
    ("The company cut 3,000 jobs.", "L'entreprise a supprimé 3 000 emplois.", "fr",
     Verdict.SUPPORTED),
    ("The strike was called off.", "La huelga siguió adelante.", "es", Verdict.REFUTED),
    # cross_set13 (session 18, held out): deeds the table lacked
    ("The storm weakened overnight.", "De storm werd 's nachts sterker.", "nl", Verdict.REFUTED),
    # cross_set14 (session 18, held out)
    ("The governor declared a state of emergency.", "Le gouverneur a levé l'état d'urgence.", "fr",
     Verdict.REFUTED),
    # cross_set17 (session 18, held out): two were Supported before the table had these deeds
    ("The treaty was ratified by parliament.", "Het verdrag werd door het parlement verworpen.",
     "nl", Verdict.REFUTED),
    ("The team was promoted.", "Die Mannschaft stieg ab.", "de", Verdict.REFUTED),
]


# sessions 17 and 18's rows across languages, each list from its probe sets
@pytest.mark.parametrize("claim, passage, language, expected",
                         SESSION17_CROSS9 + SESSION17_CROSS10 + SESSION17_CROSS11
                         + SESSION18_CROSS12)
def test_probed_rows_across_languages(verifier, claim, passage, language, expected):
    out = judge_english_claim(verifier, claim, passage, language)
    assert out.verdict is expected, out.reason


def test_a_year_across_languages_is_compared_as_a_date(verifier):
    # cross_set22 (session 19, held out): "2%" matched, and the other year went unread
    out = judge_english_claim(verifier, "The economy grew 2% in 2023.",
                              "A economia cresceu 2% em 2022.", "pt")
    assert out.verdict is Verdict.REFUTED, out.reason
    assert "2022" in (out.reason or "")
    out = judge_english_claim(verifier, "The economy grew 2% in 2023.",
                              "A economia cresceu 2% em 2023.", "pt")
    assert out.verdict is Verdict.SUPPORTED, out.reason


@pytest.mark.parametrize("claim, language, passage, expected", [
    # session 20: the English source's allegation is no fact the claim may state
    ("Le suspect a tué sa voisine.", "fr", "The suspect allegedly killed his neighbour.",
     Verdict.NOT_ENOUGH_EVIDENCE),
    ("Le ministre a démissionné.", "fr", "The minister is said to have resigned.",
     Verdict.NOT_ENOUGH_EVIDENCE),
    ("Le suspect a tué sa voisine.", "fr", "The suspect killed his neighbour.", Verdict.SUPPORTED),
])
def test_an_allegation_across_languages_is_not_a_fact(verifier, claim, language, passage, expected):
    out = judge(verifier, claim, language, passage)
    assert out.verdict is expected, out.reason



def test_a_resumed_service_across_languages(verifier):
    # cross_set28 (session 20): "vai retomar" is "will resume"
    out = judge_english_claim(verifier, "TAP will resume direct flights between Lisbon and Caracas "
                              "from March.", "A TAP vai retomar os voos diretos entre Lisboa e "
                              "Caracas a partir de março.", "pt")
    assert out.verdict is Verdict.SUPPORTED, out.reason
