"""verify/wording_plain.py: a sentence copied with one detail changed, in French, Dutch and German
(no parser; word lists), and the verdicts the real verifier publishes for such claims (bundled
models)."""

from __future__ import annotations

import pytest

from groundbrief.models import Brief, Claim, Passage, ScoredPassage, Source, Verdict
from groundbrief.verify import DefaultVerifier
from groundbrief.verify.findings import Relation
from groundbrief.verify.wording_plain import changed_words_plain

LYON = "Le suspect a été arrêté mardi soir par la police de Lyon après son audition au tribunal."
RUTTE = "Premier Rutte zei dinsdag dat het kabinet nieuwe maatregelen neemt tegen het virus."
CBS = "De werkloosheid is in oktober gestegen tot 3,6 procent van de beroepsbevolking, meldt het CBS."
GPA = ("Wien – Die Gewerkschaft GPA-djp sieht Handlungsbedarf bei sogenannten All-in-Verträgen. "
       "Die Arbeitslosigkeit ist im Februar gesunken, teilte das Arbeitsmarktservice am Montag mit.")
SALAIRES = "Le gouvernement a signé un accord avec les syndicats sur les salaires des enseignants du public."


def found(claim: str, passage: str, language: str, similar=None) -> list[tuple[str, str, str, str | None]]:
    return [(f.relation.value, f.role, f.claim, f.passage)
            for f in changed_words_plain(claim, passage, language, similar)]


def test_an_opposite_word_is_a_conflict_in_each_language():
    assert found(LYON.replace("arrêté", "libéré"), LYON, "fr") == [
        ("conflict", "predicate", "libéré", "arrêté")]
    assert found(CBS.replace("gestegen", "gedaald"), CBS, "nl") == [
        ("conflict", "predicate", "gedaald", "gestegen")]
    claim = "Die Arbeitslosigkeit ist im Februar gestiegen, teilte das Arbeitsmarktservice am Montag mit."
    assert found(claim, GPA, "de") == [("conflict", "predicate", "gestiegen", "gesunken")]


def test_another_month_or_weekday_is_a_conflict():
    assert found(LYON.replace("mardi", "jeudi"), LYON, "fr") == [("conflict", "date", "jeudi", "mardi")]
    assert found(RUTTE.replace("dinsdag", "vrijdag"), RUTTE, "nl") == [
        ("conflict", "date", "vrijdag", "dinsdag")]
    # two details in one span: each word is read against its own
    claim = "Die Arbeitslosigkeit ist im März gestiegen, teilte das Arbeitsmarktservice am Montag mit."
    assert found(claim, GPA, "de")[0] == ("conflict", "date", "März", "Februar")


def test_a_negation_added_or_dropped_is_a_conflict_of_polarity():
    for claim, passage, language in (
            (LYON.replace("a été", "n'a pas été"), LYON, "fr"),
            (RUTTE.replace("nieuwe", "geen nieuwe"), RUTTE, "nl"),
            (GPA.split(". ")[0].replace("sieht", "sieht keinen"), GPA, "de"),
            (CBS, CBS.replace("is in", "is niet in"), "nl")):
        (relation, role, _, said), = found(claim, passage, language)
        assert (relation, role) == ("conflict", "polarity")
        assert said in passage  # the reader is shown what the source says


def test_a_negation_in_another_part_of_the_passage_sentence_is_not_the_claims():
    passage = ("Le suspect a été arrêté mardi soir par la police de Lyon après son audition, "
               "mais il n'a pas encore été inculpé par le juge.")
    claim = "Le suspect a été arrêté mardi soir par la police de Lyon après son audition."
    assert found(claim, passage, "fr") == []


def test_another_name_is_a_conflict_where_only_names_are_capitalised():
    assert found(RUTTE.replace("Rutte", "Schoof"), RUTTE, "nl") == [("conflict", "name", "Schoof", "Rutte")]
    assert found(LYON.replace("Lyon", "Marseille"), LYON, "fr") == [
        ("conflict", "name", "Marseille", "Lyon")]
    # a name written otherwise is the same name
    assert found(LYON.replace("Lyon", "LYON"), LYON, "fr") == []


def test_german_capitals_are_nouns_or_names_so_a_swap_is_only_unbacked():
    passage = "Die Gewerkschaft sieht Handlungsbedarf bei sogenannten All-in-Verträgen in Österreich."
    claim = passage.replace("Gewerkschaft", "Regierung")
    assert found(claim, passage, "de") == [("unbacked", "word", "Regierung", "Gewerkschaft")]
    # another form of the same noun is no change
    assert found(passage.replace("All-in-Verträgen", "All-in-Vertrag"), passage, "de") == []


def test_a_noun_after_an_article_is_compared_and_a_reworded_verb_is_unbacked():
    assert found(SALAIRES.replace("les salaires", "la retraite"), SALAIRES, "fr") == [
        ("unbacked", "word", "retraite", "salaires")]
    # "a signé" -> "a conclu": the English model cannot tell a French paraphrase from another
    # deed ("relâché" / "placé en garde à vue"), so a verb the source does not word is not
    # confirmed (session 12; it was left to the model before)
    assert found(SALAIRES.replace("signé", "conclu"), SALAIRES, "fr") == [
        ("unbacked", "word", "conclu", None)]
    # another form of the claim's word is the word
    assert found(SALAIRES.replace("a signé", "signe"), SALAIRES, "fr") == []
    # a synonym by the similarity given is no change
    assert found(SALAIRES.replace("les salaires", "les rémunérations"), SALAIRES, "fr",
                 similar=lambda a, b: 0.9) == []


def test_another_figure_in_the_copied_sentence_is_a_conflict():
    assert found(CBS.replace("3,6", "4,6"), CBS, "nl") == [("conflict", "figure:number", "4,6", "3,6")]
    score = "Die Londoner gewannen bei West Bromwich Albion mit 3:0 (2:0) und bleiben Fünfter."
    assert found(score.replace("(2:0)", "(2:1)"), score, "de") == [
        ("conflict", "figure:number", "2:1", "2:0")]
    # the same value written otherwise is no change
    assert found(CBS.replace("3,6", "3,60"), CBS, "nl") == []


def test_short_claims_and_free_rewordings_are_read_word_by_word_other_languages_left_alone():
    # too short to be a copy: a negation the sentence with all its words lacks is a conflict
    assert found("Rutte zei dinsdag niets.", RUTTE, "nl") == [
        ("conflict", "polarity", "Rutte zei dinsdag niets", "Rutte zei dinsdag")]
    # reworded, not copied: what the source does not word is unbacked, never a conflict
    assert found("Het kabinet van Rutte neemt volgens de premier extra stappen om het virus te "
                 "bestrijden.", RUTTE, "nl") == [("unbacked", "word", "extra", None)]
    assert found(LYON.replace("arrêté", "libéré"), LYON, "pl") == []  # no word lists
    assert found(LYON, LYON, "fr") == []


@pytest.fixture(scope="module")
def verifier() -> DefaultVerifier:
    return DefaultVerifier()


def verdict(verifier: DefaultVerifier, claim: str, passage: str, language: str):
    source = Source(id="s1", title="s1", outlet="Test", language=language, text=passage)
    p = Passage(id="s1#p0", source_id="s1", ordinal=0, start=0, end=len(passage), text=passage)
    out = verifier.verify(Claim(id="c1", text=claim), [ScoredPassage(passage=p, source=source, score=1.0)],
                          Brief(text=claim, language=language))
    return out


@pytest.mark.parametrize("claim, passage, language, says", [
    (LYON.replace("arrêté", "libéré"), LYON, "fr", "sources say arrêté, not libéré"),
    (LYON.replace("a été", "n'a pas été"), LYON, "fr", "sources say Le suspect a été arrêté"),
    (RUTTE.replace("Rutte", "Schoof"), RUTTE, "nl", "sources say Rutte, not Schoof"),
    (CBS.replace("gestegen", "gedaald"), CBS, "nl", "sources say gestegen, not gedaald"),
    ("Die Arbeitslosigkeit ist im Februar gestiegen, teilte das Arbeitsmarktservice am Montag mit.",
     GPA, "de", "sources say gesunken, not gestiegen"),
])
def test_the_verifier_refutes_a_changed_copy_and_cites_the_source(verifier, claim, passage, language, says):
    out = verdict(verifier, claim, passage, language)
    assert out.verdict is Verdict.REFUTED
    assert out.signals.refuting == ["s1#p0"]
    assert says in (out.reason or "")


def test_the_verifier_still_confirms_an_unchanged_copy(verifier):
    for passage, language in ((LYON, "fr"), (RUTTE, "nl")):
        assert verdict(verifier, passage, passage, language).verdict is Verdict.SUPPORTED


def test_the_verifier_does_not_confirm_a_changed_german_noun(verifier):
    passage = "Die Gewerkschaft GPA-djp sieht Handlungsbedarf bei sogenannten All-in-Verträgen in Österreich."
    out = verdict(verifier, passage.replace("Gewerkschaft", "Regierung"), passage, "de")
    assert out.verdict is not Verdict.SUPPORTED


def test_a_reversed_deed_in_a_reworded_sentence_is_a_conflict():
    # no copy of the source sentence (or too short a claim to be one): the opposite word in a
    # sentence that holds the claim's other content words still says the opposite
    assert found("De politie heeft de man vrijgelaten.",
                 "De politie heeft dinsdag een man gearresteerd in verband met de steekpartij.",
                 "nl") == [("conflict", "predicate", "vrijgelaten", "gearresteerd")]
    assert found("Die Arbeitslosigkeit ist im Oktober gestiegen.",
                 "Die Arbeitslosigkeit ist im Oktober leicht gesunken, teilte das Amt mit.",
                 "de") == [("conflict", "predicate", "gestiegen", "gesunken")]
    # the same deed reworded, a sentence about something else, and a comparative that only
    # qualifies a figure ("plus de" / "au moins") are no conflict
    assert found("De politie heeft de man gearresteerd.",
                 "De politie heeft dinsdag een man gearresteerd in verband met de steekpartij.",
                 "nl") == []
    assert found("De politie heeft de man vrijgelaten.",
                 "De burgemeester heeft het plein gesloten na het geweld.", "nl") == [
        ("unbacked", "word", "politie", None)]
    assert found("Plus de 100 personnes sont mortes dans l'incendie.",
                 "Au moins 100 personnes sont mortes dans l'incendie, selon les pompiers.",
                 "fr") == []


def test_another_weekday_in_a_reworded_sentence_is_a_conflict():
    assert found("Le Premier ministre a démissionné mardi.",
                 "Le Premier ministre a présenté sa démission lundi au président de la République.",
                 "fr") == [("conflict", "date", "mardi", "lundi")]
    # "kabinet-Schoof" holds "kabinet"
    assert found("Het kabinet is dinsdag gevallen.",
                 "Het kabinet-Schoof is woensdag gevallen na een conflict over asiel.",
                 "nl") == [("conflict", "date", "dinsdag", "woensdag")]
    assert found("Het kabinet is woensdag gevallen.",
                 "Het kabinet-Schoof is woensdag gevallen na een conflict over asiel.", "nl") == []


# Reworded briefs with a verb or adjective reversed (words.OPPOSITE_FORMS), judged end to end;
# written after the lists, before they were run (docs/evaluation.md, session 11).
REVERSED = [
    ("Selon la police, le suspect a été libéré dimanche soir.",
     "Le suspect a été arrêté dimanche soir à Lyon, a indiqué la police.", "fr", "arrêté"),
    ("Le président a salué la décision de la cour.",
     "Le président a dénoncé la décision de la cour, mercredi.", "fr", "dénoncé"),
    ("L'Assemblée nationale rejette le projet de loi.",
     "L'Assemblée nationale a adopté le projet de loi mardi soir.", "fr", "adopté"),
    ("Les ventes de voitures électriques sont fortes en Norvège.",
     "En Norvège, les ventes de voitures électriques restent faibles.", "fr", "faibles"),
    ("Het kabinet verlaagt de belasting op arbeid.",
     "Het kabinet verhoogt volgend jaar de belasting op arbeid.", "nl", "verhoogt"),
    ("De minister prees het rapport van de commissie.",
     "De minister bekritiseerde het rapport van de commissie scherp.", "nl", "bekritiseerde"),
    ("De gemeente opent twee nieuwe zwembaden.",
     "De gemeente sluit twee zwembaden in Rotterdam.", "nl", "sluit"),
    ("Die Regierung hat die Steuern gesenkt.",
     "Die Regierung hat die Steuern deutlich erhöht.", "de", "erhöht"),
    ("Der Kanzler lobte den Kompromiss.",
     "Der Kanzler kritisierte den Kompromiss am Mittwoch.", "de", "kritisierte"),
    ("Die Stadt öffnet die Schwimmbäder wieder.",
     "Die Stadt schließt die Schwimmbäder ab Montag.", "de", "schließt"),
    # reopened against stayed closed: once not worded (session 12), now the deed table's
    # "rouvert*" against "fermé" (session 16)
    ("L'école a rouvert lundi.", "L'école est restée fermée lundi après les inondations.", "fr",
     "fermée"),
    ("Le pont a rouvert lundi.", "Le pont est resté fermé lundi.", "fr", "fermé"),
    ("Het museum is op maandag open.", "Het museum is op maandag gesloten.", "nl", "gesloten"),
    ("Les exportations ont doublé l'an dernier.",
     "Les exportations ont baissé de moitié l'an dernier.", "fr", "baissé"),
    ("El tribunal absolvió al alcalde.", "El tribunal condenó al alcalde.", "es", "condenó"),
    ("De burgemeester is herkozen.", "De burgemeester heeft de verkiezingen verloren.", "nl",
     "verloren"),
    # session 16 (plain_set12): granted / refused, a fall, voted out, late; once not worded
    ("De gemeente heeft de vergunning verleend.",
     "De gemeente heeft de vergunning geweigerd, zo meldt de krant.", "nl", "geweigerd"),
    ("O juiz concedeu a fiança.", "O juiz negou a fiança.", "pt", "negou"),
    ("Les actions ont chuté de 5 %.", "Les actions ont progressé de 5 %.", "fr", "progressé"),
    ("Der Bürgermeister wurde wiedergewählt.", "Der Bürgermeister wurde abgewählt.", "de",
     "abgewählt"),
    ("De trein vertrok op tijd.", "De trein vertrok twee uur te laat.", "nl", "laat"),
    ("Il volo è partito in orario.", "Il volo è partito con tre ore di ritardo.", "it", "ritardo"),
]

# Both words of a pair in one passage, in different clauses: the claim's own deed is there.
BOTH_WORDS = [
    ("Le chômage a baissé au troisième trimestre en France.",
     "Le chômage a baissé au troisième trimestre, alors que les prix ont augmenté.", "fr"),
    ("Le ministre a démenti les informations.",
     "Le ministre a démenti les informations, que le journal avait confirmées la veille.", "fr"),
    ("De gemeente sluit twee zwembaden.",
     "De gemeente sluit twee zwembaden die in 1990 werden geopend.", "nl"),
    ("Die Regierung hat die Steuern erhöht.",
     "Die Regierung hat die Steuern erhöht, die sie 2019 gesenkt hatte.", "de"),
]


@pytest.mark.parametrize("claim, passage, language, says", REVERSED)
def test_a_reversed_verb_or_adjective_in_a_reworded_brief_is_refuted(
        verifier, claim, passage, language, says):
    out = verdict(verifier, claim, passage, language)
    assert out.verdict is Verdict.REFUTED, out.reason
    assert says in (out.reason or "")


@pytest.mark.parametrize("claim, passage, language", BOTH_WORDS)
def test_an_opposite_beside_the_claims_own_deed_is_no_conflict(verifier, claim, passage, language):
    assert verdict(verifier, claim, passage, language).verdict is Verdict.SUPPORTED


def test_a_month_the_passage_gives_otherwise_is_unbacked_in_a_reworded_brief():
    # Reworded, so the other month may be another event's: not a conflict, but no support
    # (the model took "im Mai" for support of "im März").
    assert found("Der Gipfel findet im März statt.",
                 "Der Gipfel wird im Mai in Brüssel stattfinden.", "de") == [
        ("unbacked", "date", "März", "Mai")]
    assert found("Le sommet aura lieu en mars à Bruxelles.",
                 "Le sommet se tiendra à Bruxelles en mai, a annoncé la Commission.", "fr") == [
        ("unbacked", "date", "mars", "mai")]
    # the claim's month there in another form, a passage with no month, and the planet Mars
    assert found("Der Gipfel findet im Jänner statt.",
                 "Der Gipfel wird im Januar in Brüssel stattfinden.", "de") == []
    assert found("Le sommet aura lieu en mars.", "Le sommet se tiendra à Bruxelles.", "fr") == [
        ("unbacked", "word", "lieu", None)]  # no date, but "aura lieu" is not worded there
    assert found("La sonde a atteint Mars.", "La sonde a atteint la planète en mai.", "fr") == []


# Short and reworded briefs whose source says otherwise in words no list holds (session 12,
# benchmarks/data/plain_set3.tsv and plain_set4.tsv): the English model took each for support.
NOT_WORDED = [
    ("La grève a été annulée.", "La grève aura bien lieu jeudi, ont confirmé les syndicats.", "fr",
     "annulée"),
    ("Le suspect a été relâché dimanche.",
     "Le suspect a été placé en garde à vue dimanche, selon la police.", "fr", "relâché"),
    ("De burgemeester steunt het plan.", "De burgemeester is tegen het plan, zei hij donderdag.",
     "nl", "steunt"),
    ("Die Bahn hat den Streik beendet.",
     "Die Gewerkschaft hat den Streik bei der Bahn verlängert.", "de", "beendet"),
]

# A negation or a refusal at the claim's words in the source sentence.
NEGATED = [
    ("Le président a signé la loi.", "Le président a refusé de signer la loi vendredi.", "fr"),
    ("Le président a signé la loi.", "Le président n'a pas signé la loi vendredi.", "fr"),
    ("De regering heeft de belasting verhoogd.",
     "De regering heeft de belasting niet verhoogd, zei de minister.", "nl"),
    ("Der Minister hat den Bericht veröffentlicht.",
     "Der Minister weigerte sich, den Bericht zu veröffentlichen.", "de"),
]

# The same reported in other forms of the claim's words: still Supported.
WORDED_OTHERWISE = [
    ("Le suspect a été interpellé samedi.", "La police a interpellé le suspect samedi à Marseille.", "fr"),
    ("Le gouvernement a adopté la réforme.", "La réforme a été adoptée par le gouvernement mardi.", "fr"),
    ("De gemeente heeft de vergunning geweigerd.", "De vergunning is door de gemeente geweigerd.", "nl"),
    ("Der Angeklagte wurde verurteilt.",
     "Das Gericht hat den Angeklagten zu drei Jahren Haft verurteilt.", "de"),
    ("Das Museum öffnet am Samstag.", "Am Samstag öffnet das Museum wieder seine Türen.", "de"),
    ("Le Premier ministre a démissionné.",
     "Le Premier ministre a présenté sa démission au président.", "fr"),
    ("Le ministre a démissionné mardi.", "Le ministre a quitté ses fonctions mardi.", "fr"),
    ("El tribunal absolvió al alcalde.", "El alcalde fue absuelto por el tribunal.", "es"),
]


@pytest.mark.parametrize("claim, passage, language, word", NOT_WORDED)
def test_a_word_the_source_does_not_give_is_not_confirmed(verifier, claim, passage, language, word):
    out = verdict(verifier, claim, passage, language)
    assert out.verdict is Verdict.NOT_ENOUGH_EVIDENCE, out.reason
    assert word in (out.reason or "")


@pytest.mark.parametrize("claim, passage, language", NEGATED)
def test_a_negation_or_refusal_at_the_claims_words_refutes_it(verifier, claim, passage, language):
    out = verdict(verifier, claim, passage, language)
    assert out.verdict is Verdict.REFUTED, out.reason
    assert out.signals.refuting == ["s1#p0"]


@pytest.mark.parametrize("claim, passage, language", WORDED_OTHERWISE)
def test_the_claims_words_in_other_forms_are_still_supported(verifier, claim, passage, language):
    assert verdict(verifier, claim, passage, language).verdict is Verdict.SUPPORTED


def test_how_a_passage_word_backs_a_claim_word():
    from groundbrief.verify.wording_plain import _backs
    assert _backs("signe", "signer", "fr") and _backs("verhoogd", "verhoging", "nl")
    assert _backs("arbeitslosigkeit", "jugendarbeitslosigkeit", "de")
    assert _backs("findet", "stattfinden", "de")  # a verb's stem beside its particle
    assert not _backs("wettig", "onwettig", "nl")  # a negating prefix is no compound
    assert not _backs("gestiegen", "gesunken", "de") and not _backs("verhoogd", "verlaagd", "nl")
    # a negation in another clause of the sentence is not the claim's
    assert found("Le président a signé la loi.",
                 "Le président, qui n'avait pas assisté au débat, a signé la loi vendredi.",
                 "fr") == []
    assert found("De minister heeft het rapport gelezen.",
                 "De minister, die niet aanwezig was, heeft het rapport gelezen.", "nl") == []
    # German puts the negation last: it still counts there
    assert found("Die Regierung erhöhte die Steuern.", "Die Regierung erhöhte die Steuern nicht.",
                 "de")[0][:2] == ("conflict", "polarity")


def test_a_number_word_is_given_by_the_same_number_in_words_or_digits():
    passage = "Bei dem Unfall auf der A1 starben 3 Menschen, teilte die Polizei mit."
    assert found("Bei dem Unfall starben drei Menschen.", passage, "de") == []
    # another number of the same thing, and the claim's nowhere: a conflict
    assert found("Bei dem Unfall starben vier Menschen.", passage, "de") == [
        ("conflict", "figure:number", "vier", "3")]


@pytest.mark.parametrize("claim, passage, language, other", [
    ("L'incendie a fait trois morts.", "L'incendie a fait cinq morts et deux blessés.", "fr", "cinq"),
    ("Bei dem Unfall starben vier Menschen.",
     "Bei dem Unfall starben sieben Menschen, zwei wurden verletzt.", "de", "sieben"),
    ("El incendio causó tres muertos.", "El incendio causó cinco muertos y dos heridos.", "es", "cinco"),
    ("O incêndio matou quatro pessoas.", "O incêndio matou 7 pessoas, segundo os bombeiros.", "pt", "7"),
])
def test_another_number_of_what_the_claim_counts_refutes_it(verifier, claim, passage, language, other):
    out = verdict(verifier, claim, passage, language)
    assert out.verdict is Verdict.REFUTED, out.reason
    assert f"sources say {other}" in out.reason


def test_a_number_of_something_else_or_another_event_is_no_conflict():
    # "deux blessés" counts the injured, not the dead; the claim's "trois" is given
    assert found("L'incendie a fait deux morts.",
                 "L'incendie a fait deux morts et trois blessés, selon les pompiers.", "fr") == []
    # another number in a sentence about something else is not the claim's
    assert found("L'incendie a fait trois morts.",
                 "Le match a réuni cinq mille spectateurs. Cinq morts ont été recensés à Lyon.",
                 "fr")[0][:2] == ("unbacked", "word")


@pytest.mark.parametrize("claim, passage, language, marker", [
    ("L'homme a tué sa voisine.",
     "L'homme aurait tué sa voisine avant de prendre la fuite, selon les enquêteurs.", "fr", "aurait"),
    ("De minister heeft steekpenningen aangenomen.", "De minister zou steekpenningen hebben aangenomen.",
     "nl", "zou"),
    ("Der Mann hat seine Nachbarin getötet.",
     "Der Mann soll seine Nachbarin getötet haben, teilte die Polizei mit.", "de", "soll"),
    ("Die Regierung erhöht die Steuern.", "Die Regierung plant, die Steuern zu erhöhen.", "de", "plant"),
])
def test_an_allegation_or_a_plan_does_not_back_the_bare_fact(verifier, claim, passage, language, marker):
    out = verdict(verifier, claim, passage, language)
    assert out.verdict is Verdict.NOT_ENOUGH_EVIDENCE, out.reason
    assert "sources report it only as" in out.reason and marker in out.reason


@pytest.mark.parametrize("claim, passage, language", [
    ("Selon les enquêteurs, l'homme aurait tué sa voisine.",
     "L'homme aurait tué sa voisine avant de prendre la fuite, selon les enquêteurs.", "fr"),
    ("Der Minister soll Bestechungsgelder angenommen haben.",
     "Der Minister soll Bestechungsgelder angenommen haben, berichtet die Zeitung.", "de"),
])
def test_the_claim_under_the_same_stance_is_supported(verifier, claim, passage, language):
    assert verdict(verifier, claim, passage, language).verdict is Verdict.SUPPORTED


def test_french_ne_que_says_only_not_not():
    # "ne … que" is "seulement": no negation (both were Refuted at the session's start)
    assert found("Le club n'a gagné que trois matchs cette saison.",
                 "Le club a gagné seulement trois matchs cette saison.", "fr") == []
    assert found("Le club a gagné seulement trois matchs.",
                 "Le club n'a gagné que trois matchs cette saison, selon l'entraîneur.", "fr") == []
    # "ne … pas que" still negates
    assert found("Le club a gagné trois matchs.",
                 "Le club n'a pas gagné trois matchs cette saison.", "fr")[0][:2] == (
        "conflict", "polarity")


def test_a_length_of_time_is_a_detail_the_source_must_give():
    # "week" and "Monat" are not background words, as "gisteren" is
    assert found("De staking duurde een week.", "De staking duurde een maand, meldt de vakbond.",
                 "nl") == [("unbacked", "word", "week", None)]
    assert found("Der Streik dauerte eine Woche.",
                 "Der Streik dauerte einen Monat, teilte die Gewerkschaft mit.", "de") == [
        ("unbacked", "word", "Woche", None)]


# Spanish, Italian and Portuguese are read word by word too: the English model took each
# changed copy below for support (romance_set1.tsv, session 13).
@pytest.mark.parametrize("claim, passage, language, expected", [
    ("La policía liberó al sospechoso.", "La policía detuvo al sospechoso en Madrid.", "es",
     Verdict.REFUTED),
    ("El presidente no firmó la ley.", "El presidente firmó la ley el viernes.", "es", Verdict.REFUTED),
    ("La inflación bajó en marzo.", "La inflación subió en marzo, según el instituto de estadística.",
     "es", Verdict.REFUTED),  # "bajó" folds to "bajo", which is no stopword
    # the deed table's "cut" against "raise" (session 15), as the English reading has it
    ("Il governo ha aumentato le tasse.", "Il governo ha ridotto le tasse per le famiglie.", "it",
     Verdict.REFUTED),
    ("Il treno per Roma è partito.", "Il treno per Roma non è partito a causa di un guasto.", "it",
     Verdict.REFUTED),
    ("Il sindaco di Milano ha inaugurato il ponte.",
     "Il sindaco di Torino ha inaugurato il ponte domenica.", "it", Verdict.REFUTED),
    # hired / fired, from the deed table's rows (session 15; before, no list held the pair)
    ("A empresa demitiu 500 trabalhadores.", "A empresa contratou 500 trabalhadores este ano.", "pt",
     Verdict.REFUTED),
    ("O suspeito teria matado a vizinha.", "O suspeito teria matado a vizinha, segundo a polícia.",
     "pt", Verdict.SUPPORTED),  # the same stance
    ("El ministro dimitió el lunes.", "El ministro dimitió el lunes por motivos de salud.", "es",
     Verdict.SUPPORTED),
    ("La squadra ha vinto la finale.", "La squadra ha vinto la finale per 2 a 0 domenica.", "it",
     Verdict.SUPPORTED),
    ("O ministro renunciou na segunda-feira.",
     "O ministro renunciou na segunda-feira por motivos de saúde.", "pt", Verdict.SUPPORTED),
])
def test_spanish_italian_and_portuguese_claims_are_read_word_by_word(verifier, claim, passage, language,
                                                                    expected):
    assert verdict(verifier, claim, passage, language).verdict is expected


@pytest.mark.parametrize("claim, passage, language", [
    ("El sospechoso asesinó a su vecina.", "El sospechoso habría asesinado a su vecina, según la policía.",
     "es"),
    ("L'uomo ha ucciso la vicina.", "L'uomo avrebbe ucciso la vicina, secondo gli inquirenti.", "it"),
    ("O governo aumentou os impostos.", "O governo pretende aumentar os impostos.", "pt"),
])
def test_a_romance_allegation_or_plan_does_not_back_the_bare_fact(verifier, claim, passage, language):
    out = verdict(verifier, claim, passage, language)
    assert out.verdict is Verdict.NOT_ENOUGH_EVIDENCE, out.reason
    assert "sources report it only as" in out.reason


def test_spanish_and_portuguese_no_mas_que_says_only():
    assert found("El club ganó solo tres partidos.",
                 "El club no ganó más que tres partidos esta temporada.", "es")[:1] != [
        ("conflict", "polarity")]
    assert not any(f[1] == "polarity" for f in found(
        "O clube ganhou apenas três jogos.", "O clube não ganhou senão três jogos.", "pt"))


# --- session 14: names the other way round, numbers beyond twelve, orders of magnitude

@pytest.mark.parametrize("claim,passage,language,expected", [
    ("La France a battu l'Italie en finale.", "L'Italie a battu la France en finale dimanche.",
     "fr", ("France", "Italie")),
    ("El Real Madrid venció al Barcelona.", "El Barcelona venció al Real Madrid por dos goles.",
     "es", ("Real Madrid", "Barcelona")),
    ("Ajax versloeg Feyenoord met 2-0.", "Feyenoord versloeg Ajax met 2-0.", "nl",
     ("Ajax", "Feyenoord")),
])
def test_two_names_the_other_way_round_the_deed_swap_who_did_it(claim, passage, language, expected):
    assert found(claim, passage, language) == [("conflict", "agent", *expected)]


@pytest.mark.parametrize("claim,passage,language", [
    # a passive's agent keeps who did it where the active puts it
    ("La France a battu l'Italie en finale.",
     "L'Italie a été battue par la France en finale dimanche.", "fr"),
    # a deed two do to each other reads the same either way round
    ("Macron a rencontré Scholz.", "Scholz a rencontré Macron mardi.", "fr"),
    # German capitalises its nouns: which capitals are names is not read, so nothing is said
    ("Frankreich hat Italien im Finale geschlagen.", "Italien hat Frankreich im Finale geschlagen.",
     "de"),
])
def test_names_in_another_order_without_a_swapped_deed_are_no_conflict(claim, passage, language):
    assert not [f for f in found(claim, passage, language) if f[0] == "conflict"]


def test_numbers_beyond_twelve_and_orders_of_magnitude_are_read():
    assert found("L'incendie a fait quatre morts.", "L'incendie a fait quatorze morts selon les pompiers.",
                 "fr") == [("conflict", "figure:number", "quatre", "quatorze")]
    assert found("Des dizaines de personnes ont été tuées dans les inondations au Maroc.",
                 "Des centaines de personnes ont été tuées dans les inondations au Maroc, selon le "
                 "ministère.", "fr") == [("conflict", "figure:number", "dizaines", "centaines")]
    assert found("Tientallen mensen kwamen om bij de overstromingen in Marokko.",
                 "Honderden mensen kwamen om bij de overstromingen in Marokko.", "nl") == [
        ("conflict", "figure:number", "Tientallen", "Honderden")]


@pytest.mark.parametrize("claim,passage,language", [
    ("De minister trad woensdag af.", "De minister is woensdag afgetreden.", "nl"),
    ("De minister is afgetreden.", "De minister is dinsdag opgestapt.", "nl"),
    ("La policía detuvo a dos sospechosos.", "Dos sospechosos fueron detenidos por la policía.", "es"),
])
def test_a_deed_of_the_table_in_another_form_of_the_same_language_is_backed(claim, passage, language):
    # the word itself is nowhere in the passage; the deed is (verify/crossing.py's table)
    assert found(claim, passage, language) == []


def test_another_deed_of_the_table_is_still_unbacked():
    assert found("De minister is afgetreden.", "De minister is dinsdag gearresteerd.", "nl") == [
        ("unbacked", "word", "afgetreden", None)]


# plain_set9.tsv (session 15, held out): opposite deeds no word list held, read from the deed
# table of verify/crossing.py; an opposite deed of another actor or another thing is no conflict.
@pytest.mark.parametrize("claim, passage, language, expected", [
    ("Het kabinet is gevallen.", "Het kabinet heeft het vertrouwensdebat overleefd.", "nl",
     Verdict.REFUTED),
    ("Die Gewerkschaft hat den Streik beendet.", "Die Gewerkschaft hat den Streik verlängert.", "de",
     Verdict.REFUTED),
    ("El Gobierno aprobó la reforma.", "El Gobierno retiró la reforma tras las protestas.", "es",
     Verdict.REFUTED),
    ("O presidente vetou a lei.", "O presidente sancionou a lei.", "pt", Verdict.REFUTED),
    ("La empresa cerró la fábrica.", "La empresa abrió una nueva fábrica.", "es",
     Verdict.NOT_ENOUGH_EVIDENCE),
    ("De fabriek werd gesloten.", "Er werd een nieuwe fabriek geopend.", "nl",
     Verdict.NOT_ENOUGH_EVIDENCE),
])
def test_the_deed_tables_opposites_are_read_in_one_language(verifier, claim, passage, language,
                                                            expected):
    out = verdict(verifier, claim, passage, language)
    assert out.verdict is expected, out.reason


def test_another_score_in_a_short_brief_is_refuted(verifier):
    # "2:1" and "1:2" hold the same two numbers: the figure checks saw no change (session 16)
    out = verdict(verifier, "Das Spiel endete 2:1.", "Das Spiel endete 1:2.", "de")
    assert out.verdict is Verdict.REFUTED, out.reason
    assert "1:2" in (out.reason or "")
    assert verdict(verifier, "Das Spiel endete 2:1.", "Das Spiel endete 2:1 nach Verlängerung.",
                   "de").verdict is not Verdict.REFUTED
    # another sentence with another score, the claim's words in another order, is left alone
    assert found("Das Spiel endete 2:1.", "Im Hinspiel endete es 1:2, das Spiel heute 2:1.", "de") == []


# plain_set14 (session 17, held out): the misses of its first run, and their kin
SESSION17_SET14 = [
    # the side of a vote, in each language
    ("El senador votó en contra del proyecto.", "El senador votó a favor del proyecto.", "es",
     Verdict.REFUTED),
    ("Le sénateur a voté contre le projet.", "Le sénateur a voté pour le projet.", "fr",
     Verdict.REFUTED),
    ("De senator stemde tegen het voorstel.", "De senator stemde voor het voorstel.", "nl",
     Verdict.REFUTED),
    ("Der Senator stimmte gegen den Entwurf.", "Der Senator stimmte für den Entwurf.", "de",
     Verdict.REFUTED),
    ("Il senatore ha votato contro il progetto.", "Il senatore ha votato a favore del progetto.",
     "it", Verdict.REFUTED),
    ("O senador votou contra o projeto.", "O senador votou a favor do projeto.", "pt",
     Verdict.REFUTED),
    # another voter's vote is no conflict
    ("Le sénateur a voté contre le projet.", "Le député a voté pour le projet.", "fr",
     Verdict.NOT_ENOUGH_EVIDENCE),
    # a refusal verb that is the rejection itself
    ("Il sindacato ha respinto l'offerta.", "Il sindacato ha rifiutato l'offerta.", "it",
     Verdict.SUPPORTED),
    ("Il sindacato ha accettato l'offerta.", "Il sindacato ha rifiutato l'offerta.", "it",
     Verdict.REFUTED),
    # a decimal comma: the same two digits in another order
    ("Das Erdbeben hatte eine Stärke von 6,4.", "Das Erdbeben hatte eine Stärke von 4,6.", "de",
     Verdict.REFUTED),
    # deed rows: resume / suspend, uphold / overturn, call off
    ("De luchtvaartmaatschappij heeft de vluchten naar Kiev hervat.",
     "De luchtvaartmaatschappij heeft de vluchten naar Kiev opgeschort.", "nl", Verdict.REFUTED),
    ("Das Gericht hat das Verbot bestätigt.", "Das Gericht hat das Verbot aufgehoben.", "de",
     Verdict.REFUTED),
    ("O tribunal manteve a proibição.", "O tribunal derrubou a proibição.", "pt", Verdict.REFUTED),
    ("De staking werd afgeblazen.", "De staking werd afgelast.", "nl", Verdict.SUPPORTED),
    # people after a number are the count
    ("Trois personnes sont mortes dans l'accident.", "L'accident a fait trois morts.", "fr",
     Verdict.SUPPORTED),
    # a verb of attribution set off by a comma is no deed ("ont confirmé les syndicats")
    ("La grève a été annulée.", "La grève aura bien lieu jeudi, ont confirmé les syndicats.", "fr",
     Verdict.NOT_ENOUGH_EVIDENCE),
]


# plain_set15 (session 17, held out): the misses of its first run
SESSION17_SET15 = [
    ("L'imputato si è dichiarato colpevole.", "L'imputato si è dichiarato innocente.", "it",
     Verdict.REFUTED),
    ("L'inflazione è rallentata al 3,2 per cento.", "L'inflazione è accelerata al 3,2 per cento.",
     "it", Verdict.REFUTED),
    ("Die Wahlbeteiligung war die höchste seit 1992.",
     "Die Wahlbeteiligung war die niedrigste seit 1992.", "de", Verdict.REFUTED),
    ("Le Premier ministre a survécu à la motion de censure.",
     "Le Premier ministre a été renversé par la motion de censure.", "fr", Verdict.REFUTED),
    ("Le musée a rendu le tableau à l'Italie.", "Le musée a restitué le tableau à l'Italie.", "fr",
     Verdict.SUPPORTED),
    ("O réu confessou o crime.", "O réu negou o crime.", "pt", Verdict.REFUTED),
]


# session 17, probing the plain languages: bounds on two sides of one figure, a refusal of a
# thing (a denial, a rejection) against a refusal of a deed
SESSION17_PROBING = [
    ("Plus de 100 personnes ont été arrêtées.", "Moins de 100 personnes ont été arrêtées.", "fr",
     Verdict.REFUTED),
    ("Más de 100 personas fueron detenidas.", "Menos de 100 personas fueron detenidas.", "es",
     Verdict.REFUTED),
    ("Plus de 100 personnes ont été arrêtées.", "Au moins 100 personnes ont été arrêtées.", "fr",
     Verdict.SUPPORTED),
    # "negó el informe" denies a thing: no negation of the claim's other words
    ("El portavoz negó el informe.", "El portavoz declinó hacer comentarios sobre el informe.",
     "es", Verdict.NOT_ENOUGH_EVIDENCE),
    ("El gobierno aprobó la ley.", "El gobierno se negó a aprobar la ley.", "es", Verdict.REFUTED),
    ("O governo aprovou a lei.", "O governo recusou-se a aprovar a lei.", "pt", Verdict.REFUTED),
    ("De minister trad woensdag af.", "De minister weigerde woensdag af te treden.", "nl",
     Verdict.REFUTED),
    ("De gemeente heeft de vergunning verleend.",
     "De gemeente heeft de vergunning geweigerd, zo meldt de krant.", "nl", Verdict.REFUTED),
    ("Le syndicat a rejeté l'offre.", "Le syndicat a refusé l'offre.", "fr", Verdict.SUPPORTED),
]


# plain_set16 (session 17, held out): praise / criticism in the deed table
SESSION17_SET16 = [
    ("El alcalde elogió la respuesta policial.", "El alcalde criticó la respuesta policial.", "es",
     Verdict.REFUTED),
    ("O prefeito elogiou a polícia.", "O prefeito criticou a polícia.", "pt", Verdict.REFUTED),
    ("A greve terminou na sexta-feira.", "A greve acabou na sexta-feira.", "pt", Verdict.SUPPORTED),
]


# plain_set17 (session 18, held out) and the rows its misses prompted: a Portuguese "no" ("in
# the") is no negation; "matou" is a form of killing; a name changed in a short copy; "sans" /
# "avec"; a deed of several words ("ging … door") against its opposite; a deed kept from
# happening ("ha evitato la retrocessione"); "supprimé" / "créé"; "promulgué" signs a law
SESSION18_SET17 = [
    ("O terremoto matou nove pessoas.", "Nove pessoas morreram no terremoto.", "pt",
     Verdict.SUPPORTED),
    ("El terremoto mató a nueve personas.", "Nueve personas murieron en el terremoto.", "es",
     Verdict.SUPPORTED),
    ("Het vliegtuig landde in Amsterdam.", "Het vliegtuig landde in Brussel.", "nl",
     Verdict.REFUTED),
    ("Il razzo è stato lanciato dalla Florida.", "Il razzo è stato lanciato dal Texas.", "it",
     Verdict.REFUTED),
    ("Le président a visité Paris.", "Le président, arrivé de Berlin, a visité l'usine.", "fr",
     Verdict.NOT_ENOUGH_EVIDENCE),
    ("Die Gespräche endeten ohne Einigung.", "Die Gespräche endeten mit einer Einigung.", "de",
     Verdict.REFUTED),
    ("Le ministre est arrivé avec sa femme.", "Le ministre est arrivé avec sa femme et sans escorte.",
     "fr", Verdict.SUPPORTED),
    ("De staking werd afgeblazen.", "De staking ging toch door.", "nl", Verdict.REFUTED),
    # (Not enough evidence, its word unbacked, until session 18)
    ("Das Spiel wurde abgesagt.",
     "Das Spiel findet am Sonntag wie geplant statt, teilte der Verein mit.", "de", Verdict.REFUTED),
    ("La squadra è stata retrocessa.", "La squadra ha evitato la retrocessione.", "it",
     Verdict.REFUTED),
    ("L'équipe a été reléguée.", "L'équipe a évité la relégation.", "fr", Verdict.REFUTED),
    ("Il governo ha risolto la crisi.", "Il governo ha evitato la crisi.", "it",
     Verdict.NOT_ENOUGH_EVIDENCE),
    ("L'entreprise a supprimé 300 emplois.", "L'entreprise a créé 300 emplois.", "fr",
     Verdict.REFUTED),
    ("Le président a opposé son veto à la loi.", "Le président a promulgué la loi.", "fr",
     Verdict.REFUTED),
    # a French thousands separator is a space
    ("L'entreprise a supprimé 3 000 emplois.", "L'entreprise a supprimé 300 emplois.", "fr",
     Verdict.REFUTED),
    ("L'entreprise a supprimé 3 000 emplois.", "L'entreprise a supprimé 3000 emplois.", "fr",
     Verdict.SUPPORTED),
]


# plain_set18 (session 18, held out): deeds of the table against their opposites (weakened /
# stronger, lowered / raised, denied / admitted, banned / allowed, raised / frozen), a future
# under "deverá", a meeting held as it took place
SESSION18_SET18 = [
    ("De storm verzwakte in de nacht.", "De storm werd sterker in de nacht.", "nl", Verdict.REFUTED),
    ("Die Bank senkte ihre Wachstumsprognose.", "Die Bank hob ihre Wachstumsprognose an.", "de",
     Verdict.REFUTED),
    ("Der Schauspieler bestritt die Vorwürfe.", "Der Schauspieler räumte die Vorwürfe ein.", "de",
     Verdict.REFUTED),
    ("El alcalde prohibió los coches en el centro.", "El alcalde permitió los coches en el centro.",
     "es", Verdict.REFUTED),
    ("Il governo ha aumentato il salario minimo.", "Il governo ha congelato il salario minimo.",
     "it", Verdict.REFUTED),
    ("O presidente assinou o decreto.", "O presidente deverá assinar o decreto.", "pt",
     Verdict.NOT_ENOUGH_EVIDENCE),
    ("De gesprekken vonden plaats in Genève.", "De gesprekken werden in Genève gehouden.", "nl",
     Verdict.SUPPORTED),
]


# plain_set19 (session 18, held out): a future tense by its ending, a deed of two words against
# its opposite, a prefix that undoes the verb, a span of time, a compound's opposite part
SESSION18_SET19 = [
    ("El aeropuerto reabrió el martes.", "El aeropuerto reabrirá el martes.", "es",
     Verdict.NOT_ENOUGH_EVIDENCE),
    ("O presidente assinou o decreto.", "O presidente assinará o decreto amanhã.", "pt",
     Verdict.NOT_ENOUGH_EVIDENCE),
    ("El aeropuerto reabrirá el martes.", "El aeropuerto reabrirá el martes, dijo el ministro.", "es",
     Verdict.SUPPORTED),
    ("De gemeenteraad keurde het stadion goed.", "De gemeenteraad wees het stadion af.", "nl",
     Verdict.REFUTED),
    ("De gemeenteraad keurde het stadion goed.",
     "Het stadion werd goedgekeurd door de gemeenteraad.", "nl", Verdict.SUPPORTED),
    ("El sindicato convocó una huelga.", "El sindicato desconvocó la huelga.", "es",
     Verdict.REFUTED),
    ("De journalist werd veroordeeld tot drie jaar.",
     "De journalist werd veroordeeld tot drie maanden.", "nl", Verdict.REFUTED),
    ("Die Inflation erreichte ein 40-Jahres-Hoch.", "Die Inflation erreichte ein 40-Jahres-Tief.",
     "de", Verdict.REFUTED),
    ("Der Dax erreichte ein Rekordhoch.", "Der Dax erreichte ein Rekordtief.", "de",
     Verdict.REFUTED),
    ("Le gouverneur a décrété l'état d'urgence.", "Le gouverneur a levé l'état d'urgence.", "fr",
     Verdict.REFUTED),
    ("Le boxeur a conservé son titre.", "Le boxeur a perdu son titre.", "fr", Verdict.REFUTED),
]


# plain_set20 (session 18, held out): opposites of a state and of a vote, rows of the table,
# another rank
SESSION18_SET20 = [
    ("Le conducteur était sobre.", "Le conducteur était ivre.", "fr", Verdict.REFUTED),
    ("De rechtbank bekrachtigde het verbod.", "De rechtbank vernietigde het verbod.", "nl",
     Verdict.REFUTED),
    ("Die Regierung verstaatlichte die Bahn.", "Die Regierung privatisierte die Bahn.", "de",
     Verdict.REFUTED),
    ("El sismo ocurrió al amanecer.", "El sismo ocurrió al anochecer.", "es", Verdict.REFUTED),
    ("El actor fue hospitalizado.", "El actor recibió el alta hospitalaria.", "es",
     Verdict.REFUTED),
    ("El actor fue hospitalizado.", "El actor fue ingresado en el hospital.", "es",
     Verdict.SUPPORTED),
    ("Il consiglio ha approvato il piano all'unanimità.",
     "Il consiglio ha approvato il piano a maggioranza.", "it", Verdict.REFUTED),
    ("Het team eindigde als derde in de competitie.",
     "Het team eindigde als vierde in de competitie.", "nl", Verdict.REFUTED),
    ("El equipo terminó segundo en la liga este año.",
     "El equipo terminó tercero en la liga este año.", "es", Verdict.REFUTED),
]


# plain_set21 (session 18, held out): a million for a billion, a plan under "considerando", a
# near miss, a verb of rising the table lacked
SESSION18_SET21 = [
    ("De deal is 5 miljard dollar waard.", "De deal is 5 miljoen dollar waard.", "nl",
     Verdict.REFUTED),
    ("A empresa pediu falência.", "A empresa está considerando pedir falência.", "pt",
     Verdict.NOT_ENOUGH_EVIDENCE),
    ("De dijk brak door.", "De dijk brak bijna door.", "nl", Verdict.NOT_ENOUGH_EVIDENCE),
    ("Bijna 100 mensen kwamen om.", "Bijna 100 mensen kwamen om bij de overstroming.", "nl",
     Verdict.SUPPORTED),
    ("Le ministre a dit que l'économie allait croître.",
     "Le ministre a dit que l'économie allait reculer.", "fr", Verdict.REFUTED),
    ("Ela foi a primeira mulher presidente do país.", "Ela foi a segunda mulher presidente do país.",
     "pt", Verdict.REFUTED),
]


# plain_set22 (session 18, held out): rows the table lacked (ratify, impose, buy and sell,
# promote and relegate, support, add), "auf" / "ab" in a copy
SESSION18_SET22 = [
    ("Het verdrag werd door het parlement geratificeerd.",
     "Het verdrag werd door het parlement verworpen.", "nl", Verdict.REFUTED),
    ("De regering stelde een avondklok in.", "De regering hief de avondklok op.", "nl",
     Verdict.REFUTED),
    ("Het museum verkocht het schilderij.", "Het museum kocht het schilderij.", "nl",
     Verdict.REFUTED),
    ("Die Mannschaft stieg auf.", "Die Mannschaft stieg ab.", "de", Verdict.REFUTED),
    ("La aerolínea añadió vuelos a Roma.", "La aerolínea recortó vuelos a Roma.", "es",
     Verdict.REFUTED),
    ("El senador respaldó al candidato.", "El senador criticó al candidato.", "es",
     Verdict.REFUTED),
    ("El senador respaldó al candidato.", "El senador apoyó al candidato.", "es",
     Verdict.SUPPORTED),
    # "auf" is read only in a copy, not as an opposite anywhere in a reworded sentence
    ("Der Minister wartete auf den Bericht.", "Der Minister wartete auf den Bericht, bevor er abreiste.",
     "de", Verdict.SUPPORTED),
]


# sessions 17 and 18's rows in one language, each list from its probe sets
@pytest.mark.parametrize("claim, passage, language, expected",
                         SESSION17_SET14 + SESSION17_SET15 + SESSION17_PROBING + SESSION17_SET16
                         + SESSION18_SET17 + SESSION18_SET18 + SESSION18_SET19 + SESSION18_SET20
                         + SESSION18_SET21 + SESSION18_SET22)
def test_probed_rows_in_one_language(verifier, claim, passage, language, expected):
    out = verdict(verifier, claim, passage, language)
    assert out.verdict is expected, out.reason


def test_a_french_figure_with_spaced_thousands_is_one_token():
    from groundbrief.verify.wording_plain import _tokens, figures_unspaced

    assert [t.key for t in _tokens("a supprimé 3 000 emplois")][-2] == "3000"
    assert figures_unspaced("3 000 emplois, 12\u202f500 euros") == "3000 emplois, 12500 euros"
    # a year before a count is two numbers, as is a figure with decimals after it
    assert figures_unspaced("en 2020 300 fois") == "en 2020 300 fois"


def _swapped(claim: str, passage: str, language: str) -> bool:
    return any(f.role == "agent" and f.relation is Relation.CONFLICT
               for f in changed_words_plain(claim, passage, language))


@pytest.mark.parametrize("claim, passage, language, swapped", [
    # plain_set24 (session 19, held out): two common nouns trade places
    ("O cantor processou o jornal.", "O jornal processou o cantor.", "pt", True),
    ("El perro mordió al cartero.", "El cartero mordió al perro.", "es", True),
    ("Der Hund biss den Mann.", "Der Mann biss den Hund.", "de", True),
    # plain_set26 (session 19, held out): the small words around the two may differ ("au" / "à
    # la"), and two places after their prepositions trade places too
    ("La banque a prêté un milliard au gouvernement.",
     "Le gouvernement a prêté un milliard à la banque.", "fr", True),
    ("Het vliegtuig vertrok uit Londen naar New York.",
     "Het vliegtuig vertrok uit New York naar Londen.", "nl", True),
    # German puts the object first and keeps its case: the same roles
    ("Der Hund biss den Mann.", "Den Mann biss der Hund.", "de", False),
    # a deed two do to each other, and a passive's agent
    ("Le ministre a rencontré le président.", "Le président a rencontré le ministre.", "fr", False),
    ("O cantor processou o jornal.", "O jornal foi processado pelo cantor.", "pt", False),
    # two joined as equals, and a subject told after its verb
    ("Paris et Londres ont signé l'accord.", "Londres et Paris ont signé l'accord.", "fr", False),
    ("París y Londres firmaron el acuerdo.", "Londres y París firmaron el acuerdo.", "es", False),
    ("L'entreprise a doublé son bénéfice.", "Le bénéfice de l'entreprise a doublé.", "fr", False),
])
def test_two_participants_trading_places_is_a_conflict(claim, passage, language, swapped):
    assert _swapped(claim, passage, language) is swapped


def test_a_phrase_put_first_is_no_swap():
    # plain_set28 (session 19, held out): it was a false refutation of the swap rule above
    findings = changed_words_plain("Il ponte è crollato durante la tempesta.",
                                   "Durante la tempesta il ponte è crollato.", "it")
    assert not any(f.relation is Relation.CONFLICT for f in findings)
    findings = changed_words_plain("Le ministre a visité Paris lundi.",
                                   "Lundi, le ministre a visité Paris.", "fr")
    assert not any(f.relation is Relation.CONFLICT for f in findings)


# plain_set30 (session 20, held out): a possibility a copy drops ("könnte", "pode"), a rank it
# leaves out, an article counting one against a number; "without" before a verb negates it
@pytest.mark.parametrize("claim, passage, language, says", [
    ("O Benfica reduziu para um ponto a distância para o líder.",
     "O Benfica reduziu para três pontos a distância para o líder.", "pt",
     "sources say três pontos, not um ponto"),
    ("España fue el país más visitado del mundo el año pasado.",
     "España fue el segundo país más visitado del mundo el año pasado.", "es", "segundo"),
    ("El terremoto causó daños en Granada.", "El terremoto sacudió Granada sin causar daños.",
     "es", "sin causar daños"),
])
def test_plain_set30_changes_are_refuted(verifier, claim, passage, language, says):
    out = verdict(verifier, claim, passage, language)
    assert out.verdict is Verdict.REFUTED, out.reason
    assert says in (out.reason or "")


@pytest.mark.parametrize("claim, passage, language, stance", [
    ("Die Deutsche Bahn wird ab Montag erneut bestreikt.",
     "Die Deutsche Bahn könnte ab Montag erneut bestreikt werden.", "de", "könnte"),
    ("O Banco Central vai voltar a elevar a taxa Selic na próxima reunião.",
     "O Banco Central pode voltar a elevar a taxa Selic na próxima reunião.", "pt", "pode"),
])
def test_a_possibility_does_not_confirm_the_deed(verifier, claim, passage, language, stance):
    out = verdict(verifier, claim, passage, language)
    assert out.verdict is Verdict.NOT_ENOUGH_EVIDENCE, out.reason
    assert stance in (out.reason or "")


@pytest.mark.parametrize("claim, passage, language", [
    ("Le juge a classé l'affaire.", "Le juge a classé l'affaire sans suite.", "fr"),
    ("Der Minister trat zurück.", "Der Minister trat ohne Zögern zurück.", "de"),
])
def test_without_before_a_thing_is_no_negation(verifier, claim, passage, language):
    assert verdict(verifier, claim, passage, language).verdict is Verdict.SUPPORTED


def test_without_before_a_verb_is_no_refutation_of_a_negated_claim(verifier):
    # plain_set30 (session 20): "no provocó heridos" was Refuted by "sin causar daños personales"
    out = verdict(verifier, "El seísmo no provocó heridos en Granada.",
                  "Un terremoto sacudió Granada sin causar daños personales.", "es")
    assert out.verdict is not Verdict.REFUTED, out.reason



def test_two_passives_with_their_names_swapped_are_a_conflict(verifier):
    # plain_set31 (session 20): both sides passive, the order says who lost again
    out = verdict(verifier, "L'Espagnol Álvaro Ruiz a été battu en finale par le Français Hugo "
                  "Lambert en trois sets.", "Le Français Hugo Lambert a été battu en finale par "
                  "l'Espagnol Álvaro Ruiz en trois sets.", "fr")
    assert out.verdict is Verdict.REFUTED, out.reason
    # one side passive: the "par" says who did it, not the order
    assert verdict(verifier, "La France a été battue par l'Italie.", "L'Italie a battu la France.",
                   "fr").verdict is not Verdict.REFUTED


def test_another_speaker_after_the_verb_of_saying_is_not_confirmed(verifier):
    # plain_set31 (session 20): the words are the minister's, asked by the opposition leader
    out = verdict(verifier, "«No vamos a subir los impuestos a la clase media», aseguró el líder "
                  "de la oposición en el Congreso.", "«No vamos a subir los impuestos a la clase "
                  "media», aseguró el ministro de Hacienda en el Congreso, en respuesta a una "
                  "pregunta del líder de la oposición.", "es")
    assert out.verdict is Verdict.NOT_ENOUGH_EVIDENCE, out.reason
    assert "ministro de Hacienda" in (out.reason or "")
    same = verdict(verifier, "La huelga continuará, dijo el presidente Pedro Sánchez.",
                   "La huelga continuará, dijo el presidente del Gobierno, Pedro Sánchez.", "es")
    assert same.verdict is Verdict.SUPPORTED, same.reason



def test_a_reworded_source_with_a_not_of_another_verb_is_no_refutation(verifier):
    # plain_set32 (session 20): "reden er geen treinen" says what "lag stil" says
    out = verdict(verifier, "Maandagochtend lag het treinverkeer tussen Amsterdam en Schiphol "
                  "urenlang stil door een storing bij ProRail.", "Door een storing bij ProRail "
                  "reden er maandagochtend urenlang geen treinen tussen Amsterdam en Schiphol.", "nl")
    assert out.verdict is not Verdict.REFUTED, out.reason
