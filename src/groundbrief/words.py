"""Word lists shared by every stage: stopwords, speech verbs, future phrases, pronouns and the
furniture of social posts, per supported language.

One module so that brief/, verify/ and index/ read the same words: a speech verb that the brief
parser takes as a reporting frame must be one that the verifier looks for in a passage, and a
label like "BREAKING" that the brief drops must not be asked of any source. Lists only: no
rules live here. Languages are ISO 639-1 codes; English is the fallback for a language without
a list of its own (:func:`for_language`).

These are hand-written lists of closed word classes (pronouns, articles, labels, speech verbs):
they are complete enough to be written down, and a list that misses a word makes the rules that
use it do less, never guess more.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

T = TypeVar("T")

#: English number words and their values, for reading counts written in words ("nine dead",
#: "a dozen"). verify/figures.py leaves "zero" and "one" out of running text (``one`` is far
#: more often a pronoun: "one of the largest"); verify/parts.py reads them all.
NUMBER_WORDS_EN: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}

#: English words that make a figure a bound or an estimate when they stand just before it,
#: as regular-expression alternatives (verify/figures.py reads a figure's qualifier with them;
#: evaluation/paraphrase.py never changes a figure under one, since the change can leave the
#: sentence true).
FIGURE_AT_LEAST_EN = (r"more\s+than", "over", "above", r"at\s+least", r"upwards\s+of",
                      r"in\s+excess\s+of", "exceeding", r"just\s+over")
FIGURE_AT_MOST_EN = (r"less\s+than", r"fewer\s+than", "under", "below", r"up\s+to", r"at\s+most",
                     r"no\s+more\s+than", r"as\s+many\s+as", r"just\s+under")
FIGURE_NEARLY_EN = ("nearly", "almost", r"close\s+to")
FIGURE_ABOUT_EN = ("about", "around", "some", "roughly", "approximately", r"an\s+estimated",
                   "estimated", "circa", r"approx\.?")

#: Languages with their own lists here. Other languages fall back to English.
LISTED_LANGUAGES = ("en", "fr", "nl", "de", "es", "it", "pt")


def for_language(table: Mapping[str, T], language: str | None) -> T:
    """``table[language]``, or the English entry for a language the table does not list."""
    return table.get(language or "en", table["en"])


# ------------------------------------------------------------------------------ stopwords

#: English function words and words that open a sentence without naming anything: the verifier
#: trims capitalised runs with them and drops ordinary sentence-initial capitals
#: (verify/surface.py reads this list).
STOPWORDS_EN = frozenset(
    """a an the this that these those there here it its it's he she they we you i his her their our
    my your him them us me who whom whose which what when where why how and or but nor so yet for of
    in on at by to from with without into onto over under about above below after before during since
    until while as if than then though although because unless whether both either neither each every
    all any some many most more much few several no not none one other another such only also even
    just still already again ever never always often sometimes now today yesterday tomorrow be is are
    was were been being am do does did done have has had having will would shall should can could may
    might must according however meanwhile moreover furthermore therefore thus instead indeed overall
    despite among between through across against around near within per via mr mrs ms dr prof sir
    madam yes oh new old first last next many well like unlike including""".split()
)

#: English words a full-text search leaves out of its query (index/retrieve.py reads this list).
#: It differs from :data:`STOPWORDS_EN` on purpose: "said"/"says" carry no topic, while
#: "today" or "first" can narrow a search.
SEARCH_STOPWORDS_EN = frozenset(
    """a an and are as at be been but by can could did do does for from had has have he her his
    i if in into is it its may might more most no not of on or our over said says she should so
    such than that the their them then there these they this those to too was we were what when
    where which while who whom why will with would you your about after also all any because
    before being between both during each few further here how just new only other out own same
    some through under until up very""".split()
)

#: Function words per language (articles, prepositions, conjunctions, pronouns, auxiliaries).
STOPWORDS: dict[str, frozenset[str]] = {
    "en": STOPWORDS_EN,
    "fr": frozenset(
        """le la les l un une des du de d au aux ce cet cette ces son sa ses leur leurs mon ma mes
        ton ta tes notre nos votre vos il elle ils elles on je tu nous vous qui que qu quoi dont où
        et ou mais donc or ni car si comme quand lorsque puisque dans en sur sous par pour avec sans
        chez vers entre contre depuis pendant avant après selon est sont était étaient été être a
        ont avait avaient avoir sera seront serait fait ne pas plus aussi très tout tous toute
        toutes y se s cela ça ceci aucun aucune chaque plusieurs""".split()
    ),
    "nl": frozenset(
        """de het een den der des dit dat deze die zijn haar hun mijn ons onze uw hij zij ze ik jij
        je wij we jullie u men wie wat waar welke en of maar want dus noch als toen omdat terwijl
        in op aan bij met zonder voor na naar over onder tussen tegen door tijdens sinds volgens
        van uit om tot is zijn was waren geweest ben bent heeft hebben had hadden wordt worden
        werd werden zal zullen zou zouden niet geen ook nog al er zich te waarin waarbij
        waarop waarmee waardoor waarvan waarna waaruit waaraan waarover""".split()
    ),
    "de": frozenset(
        """der die das den dem des ein eine einen einem einer eines dieser diese dieses sein seine
        ihr ihre unser er sie es ich du wir ihr man wer was wo welche und oder aber denn sondern
        als wenn weil dass ob in auf an bei mit ohne für nach über unter zwischen gegen durch
        während seit laut von aus um zu ist sind war waren gewesen hat haben hatte hatten wird
        werden wurde wurden nicht kein keine auch noch schon sich""".split()
    ),
    # Spanish "bajo" (under) is left out: folded, it is also "bajó" (fell).
    "es": frozenset(
        """el la los las lo un una unos unas al del de a en y e o u ni pero sino que quien quienes
        cual cuales cuyo cuya donde cuando como porque pues si este esta estos estas ese esa esos
        esas aquel aquella su sus mi mis tu tus nuestro nuestra nuestros nuestras él ella ellos
        ellas yo tú nosotros usted ustedes se me te le les nos os por para con sin sobre entre hacia hasta desde durante según contra tras ante es son era eran fue fueron ha han
        había habían haber sido ser estar está están estaba estaban estado será serán sería más
        muy también todo todos toda todas cada varios varias muchos muchas otro otra otros
        otras""".split()
    ),
    "it": frozenset(
        """il lo la i gli le l un uno una del dello della dei degli delle dell al allo alla ai agli
        alle all dal dallo dalla dai dagli dalle dall nel nello nella nei negli nelle nell sul
        sullo sulla sui sugli sulle sull di d a ad da in con su per tra fra e ed o ma che chi cui
        dove quando come perché se questo questa questi queste quello quella quelli quelle suo
        sua suoi sue mio mia loro lui lei esso essa essi noi voi io tu si ci vi ne è sono era
        erano fu furono stato stata stati state essere ha hanno aveva avevano avere sarà saranno
        sarebbe più molto anche tutto tutti tutta tutte ogni alcuni alcune altro altra altri
        altre secondo contro durante verso senza sopra sotto dopo prima""".split()
    ),
    "pt": frozenset(
        """o a os as um uma uns umas do da dos das no na nos nas ao aos à às pelo pela pelos
        pelas de em por para com sem sobre sob entre até desde durante segundo contra após e ou
        mas que quem qual quais cujo cuja onde quando como porque se este esta estes estas esse
        essa esses essas aquele aquela seu sua seus suas meu minha nosso nossa ele ela eles elas
        eu tu você vocês lhe lhes me te é são era eram foi foram tem têm tinha tinham ter ser
        estar está estão estava estavam sido será serão seria mais muito também todo todos toda
        todas cada vários várias outro outra outros outras""".split()
    ),
}

#: Words that cannot end a complete clause in each language: articles, prepositions,
#: conjunctions, complementisers, possessives. When a post is cut mid-sentence, these are left
#: dangling before the cut and are dropped with the cut word ("… agreed that the governm…").
DANGLING_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        """a an the this that these those his her its their our my your and or but nor to of in on
        at by for from with into onto over under about after before during since until than as
        near outside inside across against among around behind beyond through toward towards
        upon within without via per between
        whether if because while who which whose whom where when not no is are was were be been
        has have had will would shall should can could may might must do does did very more most
        such""".split()
    ),
    "fr": frozenset(
        """le la les l' un une des du de d' au aux ce cet cette ces son sa ses leur leurs mon ma mes
        notre nos votre vos et ou mais ni car que qu' qui dont où si à dans en sur sous par pour
        avec sans chez vers entre contre depuis pendant avant après selon est sont était a ont
        avait sera ne pas plus très""".split()
    ),
    "nl": frozenset(
        """de het een dit dat deze die zijn haar hun mijn ons onze en of maar want dus als omdat
        terwijl wie wat waar in op aan bij met zonder voor na naar over onder tussen tegen door
        tijdens sinds van uit om tot is zijn was waren heeft hebben had wordt werd zal zou niet
        geen te""".split()
    ),
    "de": frozenset(
        """der die das den dem des ein eine einen einem einer sein seine ihr ihre und oder aber
        denn dass ob weil wenn als in auf an bei mit ohne für nach über unter zwischen gegen
        durch von aus um zu ist sind war hat haben wird wurde nicht kein keine""".split()
    ),
    "es": frozenset(
        """el la los las un una unos unas su sus mi mis nuestro nuestra y o pero ni que quien
        cuyo donde si a al de del en sobre bajo por para con sin entre hacia hasta desde durante
        según contra es son era fue ha han había será no muy más""".split()
    ),
    "it": frozenset(
        """il lo la i gli le un uno una suo sua suoi sue loro e o ma né che chi cui dove se a al
        alla di del della dei in nel nella su sul per con senza tra fra verso durante contro è
        sono era fu ha hanno aveva sarà non molto più""".split()
    ),
    "pt": frozenset(
        """o a os as um uma uns umas seu sua seus suas e ou mas nem que quem cujo onde se ao à
        de do da dos das em no na nos nas por pelo pela para com sem entre até desde durante
        contra é são era foi tem tinha será não muito mais""".split()
    ),
}

#: Complementisers and relative pronouns: a clause opened by one of these and cut before its end
#: is incomplete, and so is the verb whose complement it was.
COMPLEMENTISERS: dict[str, frozenset[str]] = {
    "en": frozenset({"that", "whether", "if", "who", "which", "whose", "whom", "because"}),
    "fr": frozenset({"que", "qu'", "qui", "dont", "si", "parce"}),
    "nl": frozenset({"dat", "of", "die", "omdat", "wie", "wat"}),
    "de": frozenset({"dass", "ob", "weil", "die", "der", "das"}),
    "es": frozenset({"que", "si", "quien", "cual", "cuyo", "porque"}),
    "it": frozenset({"che", "se", "chi", "cui", "perché"}),
    "pt": frozenset({"que", "se", "quem", "cujo", "porque"}),
}

# ---------------------------------------------------------------------------- speech verbs

#: Reporting verbs per language, each with the form an attribution claim is written with.
#: English forms map to the simple past ("says" -> "said"); the other languages keep the
#: brief's language (the French passé composé, the Dutch and German past). Multi-word forms
#: ("a déclaré", "laat weten") are matched as phrases.
SPEECH_VERBS: dict[str, dict[str, str]] = {
    "en": {
        "says": "said", "say": "said", "said": "said", "tells": "told", "told": "told",
        "writes": "wrote", "wrote": "wrote", "warns": "warned", "warned": "warned",
        "claims": "claimed", "claimed": "claimed", "argues": "argued", "argued": "argued",
        "insists": "insisted", "insisted": "insisted", "adds": "added", "added": "added",
        "states": "stated", "stated": "stated", "notes": "noted", "noted": "noted",
        "explains": "explained", "explained": "explained", "announces": "announced",
        "announced": "announced", "declares": "declared", "declared": "declared",
        "stresses": "stressed", "stressed": "stressed", "admits": "admitted",
        "admitted": "admitted", "tweets": "tweeted", "tweeted": "tweeted", "posted": "posted",
        "confirms": "confirmed", "confirmed": "confirmed", "reveals": "revealed",
        "revealed": "revealed", "believes": "believes", "thinks": "thinks",
    },
    "fr": {
        "dit": "a dit", "a dit": "a dit", "affirme": "a affirmé", "a affirmé": "a affirmé",
        "déclare": "a déclaré", "a déclaré": "a déclaré", "estime": "a estimé",
        "a estimé": "a estimé", "annonce": "a annoncé", "a annoncé": "a annoncé",
        "a assuré": "a assuré", "explique": "a expliqué",
        "a expliqué": "a expliqué", "ajoute": "a ajouté", "a ajouté": "a ajouté",
        "souligne": "a souligné", "a souligné": "a souligné", "confirme": "a confirmé",
        "a confirmé": "a confirmé", "précise": "a précisé", "a précisé": "a précisé",
        "a indiqué": "a indiqué", "a écrit": "a écrit", "a tweeté": "a tweeté",
    },
    "nl": {
        "zegt": "zei", "zei": "zei", "zeggen": "zeiden", "zeiden": "zeiden",
        "heeft gezegd": "zei", "stelt": "stelde", "stelde": "stelde", "verklaart": "verklaarde",
        "verklaarde": "verklaarde", "aldus": "zei", "meldt": "meldde", "meldde": "meldde",
        "schrijft": "schreef", "schreef": "schreef", "laat weten": "liet weten",
        "liet weten": "liet weten", "benadrukt": "benadrukte", "benadrukte": "benadrukte",
        "bevestigt": "bevestigde", "bevestigde": "bevestigde", "tweette": "tweette",
    },
    "de": {
        "sagt": "sagte", "sagte": "sagte", "erklärt": "erklärte", "erklärte": "erklärte",
        "betont": "betonte", "betonte": "betonte", "schreibt": "schrieb", "schrieb": "schrieb",
    },
    "es": {"dice": "dijo", "dijo": "dijo", "ha dicho": "dijo", "afirma": "afirmó",
           "afirmó": "afirmó", "declaró": "declaró", "aseguró": "aseguró", "anunció": "anunció",
           "explicó": "explicó", "señaló": "señaló", "indicó": "indicó", "confirmó": "confirmó",
           "advirtió": "advirtió"},
    "it": {"ha detto": "ha detto", "ha dichiarato": "ha dichiarato", "ha affermato": "ha affermato",
           "ha annunciato": "ha annunciato", "ha spiegato": "ha spiegato",
           "ha confermato": "ha confermato", "ha sottolineato": "ha sottolineato",
           "afferma": "ha affermato", "dichiara": "ha dichiarato"},
    "pt": {"diz": "disse", "disse": "disse", "afirma": "afirmou", "afirmou": "afirmou",
           "declarou": "declarou", "anunciou": "anunciou", "explicou": "explicou",
           "confirmou": "confirmou", "garantiu": "garantiu", "sublinhou": "sublinhou"},
}

#: English words that mark reported speech in a passage (verbs in every form, and the nouns of
#: reporting); verify/surface.py's ``SPEECH`` is built from them.
SPEECH_WORDS_EN = tuple(
    """said says say saying told tells tell stated wrote writes written according\\s+to added adds
    announced announces declared declares insisted insists claimed claims argued argues warned
    warns tweeted tweets posted posts explained explains noted notes commented comments remarked
    remarks quoted asserted asserts acknowledged admitted admits denied denies described
    describes called calls interview statement speech testified replied responded suggested
    suggests confirmed confirms reported reports accused accuses alleged alleges""".split()
)


def reported_forms() -> dict[str, str]:
    """Every speech verb of :data:`SPEECH_VERBS`, any language, with its reported form. Where
    two languages share a spelling the first listed wins (English first)."""
    out: dict[str, str] = {}
    for verbs in SPEECH_VERBS.values():
        for form, past in verbs.items():
            out.setdefault(form, past)
    return out


# --------------------------------------------------------------------------- future phrases

#: Time phrases that put a claim in the future, as regular-expression alternatives per language
#: (verify/dates.py reads the English entry).
FUTURE_PHRASES: dict[str, tuple[str, ...]] = {
    "en": (
        r"(?:next|coming)\s+(?:week|weekend|month|year|season|spring|summer|autumn|fall|winter|"
        r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
        r"tomorrow",
        r"later\s+this\s+(?:week|month|year)",
    ),
    "fr": (r"(?:la\s+semaine|le\s+mois|l['’]année)\s+prochaine?", r"demain",
           r"plus\s+tard\s+cette\s+(?:semaine|année)"),
    "nl": (r"volgende\s+(?:week|maand|jaar)", r"volgend\s+jaar", r"morgen",
           r"later\s+deze\s+(?:week|maand)"),
    "de": (r"nächste[nr]?\s+(?:Woche|Monat|Jahr)", r"morgen"),
}

# ------------------------------------------------------------------------------- pronouns

#: Third-person singular subject pronouns that stand for a person, per language, with the
#: gender they mark ("m"/"f"). Plural and ambiguous pronouns are left out on purpose: "they",
#: "ils" and "ze" most often stand for a group or an organisation, and Dutch "zij" is singular
#: only before a singular verb (see brief/people.py).
PERSON_PRONOUNS: dict[str, dict[str, str]] = {
    "en": {"he": "m", "she": "f"},
    "fr": {"il": "m", "elle": "f"},
    "nl": {"hij": "m", "zij": "f", "ze": "f"},
    "de": {"er": "m"},
    "es": {"él": "m", "ella": "f"},
    "it": {"lui": "m", "lei": "f"},
    "pt": {"ele": "m", "ela": "f"},
}
#: Possessives that stand for a person ("His daughter"). Not Dutch "Zijn", which opens questions
#: as the verb "to be" ("Zijn de grenzen dicht?").
PERSON_POSSESSIVES: dict[str, dict[str, str]] = {
    "en": {"his": "m", "her": "f"},
}
#: French "il" with no referent: "il y a", "il faut", "il est temps/possible de …".
IMPERSONAL_FR = (r"il\s+(?:y\s+a|y\s+avait|faut|fallait|s['’]agit|semble|paraît|reste|pleut|"
                 r"est\s+(?:temps|\w+\s+(?:de|d['’]|que|qu['’])))")

# ------------------------------------------------------------ calendar, negation, opposites

#: Month names per language (lowercase, without diacritics: compared after folding them).
#: English lives in verify/surface.py with its abbreviations. Austrian "Jänner" and "Feber"
#: are January and February (gnad10k's DER STANDARD writes them).
MONTHS: dict[str, dict[str, int]] = {
    "fr": {m: i for i, ms in enumerate((
        ("janvier",), ("fevrier",), ("mars",), ("avril",), ("mai",), ("juin",), ("juillet",),
        ("aout",), ("septembre",), ("octobre",), ("novembre",), ("decembre",)), 1) for m in ms},
    "nl": {m: i for i, ms in enumerate((
        ("januari",), ("februari",), ("maart",), ("april",), ("mei",), ("juni",), ("juli",),
        ("augustus",), ("september",), ("oktober",), ("november",), ("december",)), 1) for m in ms},
    "de": {m: i for i, ms in enumerate((
        ("januar", "janner"), ("februar", "feber"), ("marz",), ("april",), ("mai",), ("juni",),
        ("juli",), ("august",), ("september",), ("oktober",), ("november",), ("dezember",)), 1)
        for m in ms},
    "es": {m: i for i, m in enumerate("""enero febrero marzo abril mayo junio julio agosto
        septiembre octubre noviembre diciembre""".split(), 1)} | {"setiembre": 9},
    "it": {m: i for i, m in enumerate("""gennaio febbraio marzo aprile maggio giugno luglio
        agosto settembre ottobre novembre dicembre""".split(), 1)},
    "pt": {m: i for i, m in enumerate("""janeiro fevereiro marco abril maio junho julho agosto
        setembro outubro novembro dezembro""".split(), 1)},
}
WEEKDAYS: dict[str, dict[str, int]] = {
    "fr": {d: i for i, d in enumerate("lundi mardi mercredi jeudi vendredi samedi dimanche".split())},
    "nl": {d: i for i, d in enumerate(
        "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag".split())},
    "de": {**{d: i for i, d in enumerate(
        "montag dienstag mittwoch donnerstag freitag samstag sonntag".split())}, "sonnabend": 5},
    "es": {d: i for i, d in enumerate("lunes martes miercoles jueves viernes sabado domingo".split())},
    "it": {d: i for i, d in enumerate("lunedi martedi mercoledi giovedi venerdi sabato domenica".split())},
    "pt": {**{d: i for i, d in enumerate("""segunda-feira terca-feira quarta-feira quinta-feira
        sexta-feira sabado domingo""".split())},
           **{d: i for i, d in enumerate("segunda terca quarta quinta sexta".split())}},
}

#: Words that negate a statement, per language (lowercase, folded). French negation is
#: written with "ne"/"n'" in news copy, so those carry it; "personne" and "plus" are left out
#: (also "person" and "more").
NEGATION_WORDS: dict[str, frozenset[str]] = {
    "fr": frozenset({"ne", "n'", "pas", "jamais", "aucun", "aucune", "rien", "nullement", "guere"}),
    "nl": frozenset({"niet", "geen", "nooit", "niets", "niemand", "nergens"}),
    "de": frozenset({"nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie",
                     "niemals", "nichts", "niemand", "nirgends"}),
    "es": frozenset({"no", "nunca", "jamas", "ningun", "ninguno", "ninguna", "nada", "nadie",
                     "tampoco"}),
    "it": frozenset({"non", "mai", "nessuno", "nessuna", "nessun", "niente", "nulla", "neanche",
                     "nemmeno", "neppure"}),
    "pt": frozenset({"nao", "nunca", "jamais", "nenhum", "nenhuma", "nada", "ninguem", "nem"}),
}

#: Verbs that say the deed after them did not happen: "a refusé de signer", "weigerde te
#: tekenen", "weigerte sich, … zu unterschreiben" (lowercase, folded forms). They negate as
#: "ne … pas" does, so a claim that the law was signed is not a copy of them.
REFUSAL_WORDS: dict[str, frozenset[str]] = {
    "fr": frozenset("""refuse refusent refusait refusaient refuserait refusera renonce
                    renoncent renoncait""".split()),
    "nl": frozenset("weigert weigeren weigerde weigerden geweigerd".split()),
    "de": frozenset("""weigert weigern weigerte weigerten geweigert verweigert verweigerte
                    verweigerten""".split()),
    "es": frozenset("""nego negaron niega niegan negaba negaban negara rehuso rehusaron rehusa
                    rehusan""".split()),
    "it": frozenset("""rifiuta rifiutano rifiutato rifiutata rifiutati rifiuto rifiutarono
                    rifiutava rifiutavano""".split()),
    "pt": frozenset("""recusou recusaram recusa recusam recusava recusavam negou negaram nega
                    negam""".split()),
}

#: Verbs that kept a deed, named by its noun after them, from happening: "a évité la
#: relégation", "ha evitato la retrocessione", "blockierte die Auslieferung" (lowercase, folded;
#: past forms, as news tells them). English reads its parse instead (verify/roles.py).
PREVENTING_WORDS: dict[str, frozenset[str]] = {
    "fr": frozenset("""evite evitee evites evitees evita empeche empechee empeches empecha
                    bloque bloquee bloques bloquees bloqua echappe echappa dejoue dejouee""".split()),
    "nl": frozenset("""voorkwam voorkwamen voorkomen ontliep ontliepen ontlopen ontsnapte
                    ontsnapten ontsnapt blokkeerde blokkeerden geblokkeerd verhinderde
                    verhinderden verhinderd""".split()),
    "de": frozenset("""vermied vermieden verhinderte verhinderten verhindert blockierte
                    blockierten blockiert entging entgingen entgangen abgewendet""".split()),
    "es": frozenset("""evito evitado evitada evitaron impidio impedido impedida impidieron
                    bloqueado bloqueada bloquearon frustro frustrado frustrada""".split()),
    "it": frozenset("""evitato evitata evito evitarono impedito impedita impedi bloccato
                    bloccata bloccarono scongiurato scongiurata scongiuro sventato sventata""".split()),
    "pt": frozenset("""evitou evitado evitada evitaram impediu impedido impedida impediram
                    bloqueou bloqueado bloqueada bloquearam frustrou frustrado frustrada""".split()),
}

#: Words that put a statement under a stance other than fact, per language (lowercase,
#: folded): the journalistic conditional and hedges of an allegation ("aurait tué", "zou hebben
#: gedood", "soll getötet haben", "présumé", "naar verluidt", "angeblich"), and verbs of a plan or
#: a possibility ("envisage de", "wil", "plant", "pourrait", "könnte"), of a future ("devra
#: signer", "deverá assinar", "zal tekenen") and of a near miss ("a failli", "bijna", "casi"). A
#: source sentence saying the claim's deed under one of them does not back it as a fact
#: (verify/wording_plain.py).
STANCE_WORDS: dict[str, dict[str, str]] = {
    "fr": {**dict.fromkeys("aurait auraient serait seraient presume presumee presumes presumees "
                           "pretendument supposement".split(), "an allegation"),
           **dict.fromkeys("envisage envisagent prevoit prevoient projette projettent compte "
                           "comptent veut veulent souhaite souhaitent".split(), "a plan or intention"),
           **dict.fromkeys("pourrait pourraient peut peuvent".split(), "a possibility"),
           **dict.fromkeys("presque failli".split(), "something that almost happened"),
           **dict.fromkeys("devra devront".split(), "something yet to happen")},
    "nl": {**dict.fromkeys("zou zouden vermoedelijk vermeend vermeende zogenaamd verluidt "
                           "beweerdelijk".split(), "an allegation"),
           **dict.fromkeys("wil willen plant plannen overweegt overwegen".split(),
                           "a plan or intention"),
           **dict.fromkeys("kan kunnen".split(), "a possibility"),
           **dict.fromkeys("bijna".split(), "something that almost happened"),
           **dict.fromkeys("zal zullen".split(), "something yet to happen")},
    "de": {**dict.fromkeys("soll sollen angeblich mutmasslich mutmassliche mutmasslichen "
                           "vermutlich".split(), "an allegation"),
           **dict.fromkeys("plant planen will wollen erwagt erwagen mochte mochten".split(),
                           "a plan or intention"),
           **dict.fromkeys("kann konnen".split(), "a possibility")},
    # ("könnte" folds to "konnte", which also states what was done: read unfolded in
    # verify/wording_plain.py)
    "es": {**dict.fromkeys("habria habrian seria serian presunto presunta presuntos presuntas "
                           "supuesto supuesta supuestos supuestas supuestamente presuntamente "
                           "aparentemente".split(), "an allegation"),
           **dict.fromkeys("planea planean preve preven pretende pretenden quiere quieren "
                           "estudia estudian proyecta proyectan".split(), "a plan or intention"),
           **dict.fromkeys("podria podrian puede pueden".split(), "a possibility"),
           **dict.fromkeys("casi".split(), "something that almost happened"),
           **dict.fromkeys("considera consideran considerando".split(), "a plan or intention"),
           **dict.fromkeys("debera deberan".split(), "something yet to happen")},
    "it": {**dict.fromkeys("avrebbe avrebbero sarebbe sarebbero presunto presunta presunti "
                           "presunte presumibilmente presuntamente".split(), "an allegation"),
           **dict.fromkeys("intende intendono prevede prevedono vuole vogliono progetta "
                           "progettano pensa".split(), "a plan or intention"),
           **dict.fromkeys("potrebbe potrebbero puo possono".split(), "a possibility"),
           **dict.fromkeys("quasi".split(), "something that almost happened"),
           **dict.fromkeys("valuta valutano valutando considerando".split(), "a plan or intention"),
           **dict.fromkeys("dovra dovranno".split(), "something yet to happen")},
    "pt": {**dict.fromkeys("teria teriam seria seriam suposto suposta supostos supostas "
                           "supostamente alegadamente alegado alegada".split(), "an allegation"),
           **dict.fromkeys("planeja planejam planeia planeiam pretende pretendem quer querem "
                           "preve".split(), "a plan or intention"),
           **dict.fromkeys("poderia poderiam pode podem".split(), "a possibility"),
           **dict.fromkeys("quase".split(), "something that almost happened"),
           **dict.fromkeys("considera consideram considerando avalia avaliam avaliando".split(),
                           "a plan or intention"),
           **dict.fromkeys("devera deverao".split(), "something yet to happen")},
}

#: Numbers written as words, two to twelve (lowercase, folded), per language: a
#: claim's "drei" is given by a passage's "3" or "drei" (verify/wording_plain.py).
NUMBER_WORDS_PLAIN: dict[str, dict[str, int]] = {
    lang: {w: v for v, forms in enumerate(table.split(";"), start=2) for w in forms.split()}
    for lang, table in {
        "fr": "deux;trois;quatre;cinq;six;sept;huit;neuf;dix;onze;douze",
        "nl": "twee;drie;vier;vijf;zes;zeven;acht;negen;tien;elf;twaalf",
        "de": "zwei;drei;vier;funf;sechs;sieben;acht;neun;zehn;elf;zwolf zwoelf",
        "es": "dos;tres;cuatro;cinco;seis;siete;ocho;nueve;diez;once;doce",
        "it": "due;tre;quattro;cinque;sei;sette;otto;nove;dieci;undici;dodici",
        "pt": "dois duas;tres;quatro;cinco;seis;sete;oito;nove;dez;onze;doze",
    }.items()
}
# Teens, tens, a hundred and a thousand ("quatorze morts" is not "quatre morts"), keys
# without diacritics as the plain reader folds them.
for _lang, _table in {
    "fr": "treize 13 quatorze 14 quinze 15 seize 16 vingt 20 trente 30 quarante 40 cinquante 50 "
          "soixante 60 cent 100 mille 1000",
    "nl": "dertien 13 veertien 14 vijftien 15 zestien 16 zeventien 17 achttien 18 negentien 19 "
          "twintig 20 dertig 30 veertig 40 vijftig 50 zestig 60 honderd 100 duizend 1000",
    "de": "dreizehn 13 vierzehn 14 funfzehn 15 sechzehn 16 siebzehn 17 achtzehn 18 neunzehn 19 "
          "zwanzig 20 dreissig 30 vierzig 40 funfzig 50 sechzig 60 hundert 100 tausend 1000",
    "es": "trece 13 catorce 14 quince 15 dieciseis 16 diecisiete 17 dieciocho 18 diecinueve 19 "
          "veinte 20 treinta 30 cuarenta 40 cincuenta 50 sesenta 60 cien 100 mil 1000",
    "it": "tredici 13 quattordici 14 quindici 15 sedici 16 diciassette 17 diciotto 18 "
          "diciannove 19 venti 20 trenta 30 quaranta 40 cinquanta 50 sessanta 60 cento 100 "
          "mille 1000",
    "pt": "treze 13 catorze 14 quatorze 14 quinze 15 dezesseis 16 dezasseis 16 dezessete 17 "
          "dezassete 17 dezoito 18 dezenove 19 dezanove 19 vinte 20 trinta 30 quarenta 40 "
          "cinquenta 50 sessenta 60 cem 100 mil 1000",
}.items():
    _cells = _table.split()
    NUMBER_WORDS_PLAIN[_lang].update({w: int(v) for w, v in zip(_cells[::2], _cells[1::2])})

#: Ordinal words, per language (folded, the forms news uses), with the rank each names: "derde"
#: is not what "vierde" says.
ORDINAL_WORDS: dict[str, dict[str, int]] = {
    lang: {w: rank for rank, forms in enumerate(text.split(";"), start=1) for w in forms.split()}
    for lang, text in {
        "fr": "premier premiere premiers premieres;deuxieme second seconde;troisieme;quatrieme;"
              "cinquieme;sixieme;septieme;huitieme;neuvieme;dixieme",
        "nl": "eerste;tweede;derde;vierde;vijfde;zesde;zevende;achtste;negende;tiende",
        "de": "erste erster ersten erstes;zweite zweiter zweiten;dritte dritter dritten;"
              "vierte vierter vierten;funfte funfter funften;sechste sechster sechsten;"
              "siebte siebter siebten;achte achter achten;neunte neunter neunten;"
              "zehnte zehnter zehnten",
        "es": "primero primera primer primeros primeras;segundo segunda;tercero tercera tercer;"
              "cuarto cuarta;quinto quinta;sexto sexta;septimo septima;octavo octava;"
              "noveno novena;decimo decima",
        "it": "primo prima primi prime;secondo seconda;terzo terza;quarto quarta;quinto quinta;"
              "sesto sesta;settimo settima;ottavo ottava;nono nona;decimo decima",
        "pt": "primeiro primeira;segundo segunda;terceiro terceira;quarto quarta;quinto quinta;"
              "sexto sexta;setimo setima;oitavo oitava;nono nona;decimo decima",
    }.items()
}

#: Units of a span of time, per language (folded), with the unit each names: "drie jaar" is not
#: what "drie maanden" says.
DURATION_UNITS: dict[str, dict[str, str]] = {
    lang: {w: unit for unit, words in table.items() for w in words.split()}
    for lang, table in {
        "fr": {"year": "an ans annee annees", "month": "mois", "week": "semaine semaines",
               "day": "jour jours journee journees", "hour": "heure heures"},
        "nl": {"year": "jaar jaren", "month": "maand maanden", "week": "week weken",
               "day": "dag dagen", "hour": "uur uren"},
        "de": {"year": "jahr jahre jahren jahres", "month": "monat monate monaten monats",
               "week": "woche wochen", "day": "tag tage tagen", "hour": "stunde stunden"},
        "es": {"year": "ano anos", "month": "mes meses", "week": "semana semanas",
               "day": "dia dias", "hour": "hora horas"},
        "it": {"year": "anno anni", "month": "mese mesi", "week": "settimana settimane",
               "day": "giorno giorni", "hour": "ora ore"},
        "pt": {"year": "ano anos", "month": "mes meses", "week": "semana semanas",
               "day": "dia dias", "hour": "hora horas"},
    }.items()
}

#: Counts given by their order of magnitude ("dozens", "des centaines", "Tausende"): the order
#: (1 for tens, 2 for hundreds, 3 for thousands, 6 for millions, 9 for billions). "Dozens of
#: people were killed" is not what "hundreds of people were killed" says; either is a fair
#: rounding of a figure, so only two such words are compared with each other.
MAGNITUDE_WORDS: dict[str, dict[str, int]] = {
    lang: {w: int(order) for order, forms in (cell.split(":") for cell in table.split())
           for w in forms.split(",")}
    for lang, table in {
        "en": "1:dozens,scores 2:hundreds 3:thousands 6:millions 9:billions",
        "fr": "1:dizaines 2:centaines 3:milliers 6:millions,million 9:milliards,milliard",
        "nl": "1:tientallen 2:honderden 3:duizenden 6:miljoenen,miljoen 9:miljarden,miljard",
        "de": "1:dutzende,dutzenden 2:hunderte,hunderten 3:tausende,tausenden 6:millionen,million "
              "9:milliarden,milliarde",
        "es": "1:decenas 2:cientos,centenares 3:miles,millares 6:millones,millon 9:miles_de_millones",
        "it": "1:decine 2:centinaia 3:migliaia 6:milioni,milione 9:miliardi,miliardo",
        "pt": "1:dezenas 2:centenas 3:milhares 6:milhoes,milhao 9:bilhoes,bilhao,milhares_de_milhoes",
    }.items()
}

#: Words a reworded sentence adds or drops without changing what it reports: auxiliaries and
#: modals, adverbs of degree and time, words of relative time ("hier", "gisteren", "gestern",
#: which the source gives as a date). Not "semaine", "week", "Monat": a length of time is a
#: detail ("een week" / "een maand"). A claim word outside these and the stopwords is a detail
#: the passage has to give (verify/wording_plain.py).
BACKGROUND_WORDS: dict[str, frozenset[str]] = {
    "fr": frozenset("""aura auront aurait auraient avait avaient fut furent sera seront serait
        seraient va vont doit doivent peut peuvent pourrait devrait bien deja encore toujours
        desormais alors ainsi puis enfin notamment egalement environ pres presque seulement
        hier aujourd hui demain soir matin nuit veille lendemain dernier derniere derniers
        dernieres prochain prochaine officiellement finalement""".split()),
    "nl": frozenset("""hebt zal zullen zou zouden gaat gaan ging gingen moet moeten kan kunnen
        wil willen wel nu dan toch gewoon echter reeds inmiddels ongeveer bijna slechts alleen
        ruim gisteren vandaag morgen vanavond vanochtend vannacht afgelopen vorige vorig
        volgende komende avond ochtend officieel uiteindelijk""".split()),
    "de": frozenset("""soll sollen sollte kann konnen konnte muss mussen musste will wollen
        wollte bereits jetzt nun dann doch wieder erneut etwa rund fast nur bislang bisher
        inzwischen zudem ausserdem allerdings jedoch gestern heute morgen abend morgens
        abends vergangene vergangenen letzte letzten nachste nachsten kommende offiziell
        schliesslich""".split()),
    "es": frozenset("""habra habran habria habrian habia habian sera seran seria serian va van
        debe deben puede pueden podria deberia bien ya aun todavia ahora entonces asi luego
        finalmente ademas cerca casi solo solamente alrededor ayer hoy manana noche tarde pasado
        pasada ultimo ultima ultimos ultimas proximo proxima oficialmente""".split()),
    "it": frozenset("""avra avranno avrebbe avrebbero aveva avevano sara saranno sarebbe
        sarebbero va vanno deve devono puo possono potrebbe dovrebbe bene gia ancora ora adesso
        allora cosi poi infine inoltre circa quasi solo soltanto ieri oggi domani sera mattina
        notte scorso scorsa ultimo ultima ultimi ultime prossimo prossima ufficialmente""".split()),
    "pt": frozenset("""tera terao teria teriam tinha tinham sera serao seria seriam vai vao deve
        devem pode podem poderia deveria bem ja ainda agora entao assim depois finalmente alem
        cerca quase apenas so somente ontem hoje amanha noite manha tarde passado passada ultimo
        ultima ultimos ultimas proximo proxima oficialmente""".split()),
}

#: Words that say the opposite of each other, per language (word forms as news copy writes
#: them, lowercase and folded; a copied sentence keeps the form, so no lemmatiser is needed).
#: Ambiguous words are left out: French "est" (east / is), Dutch "voor" (before / for).
OPPOSITE_WORDS: dict[str, tuple[tuple[str, str], ...]] = {
    "fr": tuple(tuple(pair.split("/")) for pair in """
        hausse/baisse augmente/baisse augmente/diminue augmentent/baissent augmentent/diminuent
        augmentation/diminution augmentation/baisse monte/baisse progresse/recule hausse/recul gagne/perd gagne/perdu gagnent/perdent
        victoire/defaite avant/apres plus/moins arrete/libere arretes/liberes ouvert/ferme
        ouverte/fermee ouvre/ferme adopte/rejete accepte/refuse accepte/rejete approuve/rejete
        condamne/acquitte superieur/inferieur superieure/inferieure majorite/minorite nord/sud
        vrai/faux legal/illegal legale/illegale debut/fin premier/dernier premiere/derniere
        entree/sortie haut/bas eleve/faible interdit/autorise interdite/autorisee""".split()),
    "nl": tuple(tuple(pair.split("/")) for pair in """
        gestegen/gedaald stijgt/daalt steeg/daalde stijgen/dalen stijging/daling toename/afname
        toegenomen/afgenomen gewonnen/verloren wint/verliest won/verloor winst/verlies
        overwinning/nederlaag meer/minder hoger/lager gearresteerd/vrijgelaten
        opgepakt/vrijgelaten geopend/gesloten open/dicht aangenomen/verworpen
        goedgekeurd/afgewezen goedgekeurd/verworpen veroordeeld/vrijgesproken eerste/laatste
        begin/einde noord/zuid noorden/zuiden oost/west oosten/westen legaal/illegaal
        verboden/toegestaan""".split()),
    "de": tuple(tuple(pair.split("/")) for pair in """
        gestiegen/gesunken gestiegen/gefallen steigt/sinkt steigt/fallt stieg/sank stieg/fiel
        steigen/sinken anstieg/ruckgang zunahme/abnahme zugenommen/abgenommen gewonnen/verloren
        gewinnt/verliert gewinn/verlust sieg/niederlage mehr/weniger hoher/niedriger
        festgenommen/freigelassen verhaftet/freigelassen geoffnet/geschlossen
        angenommen/abgelehnt zugestimmt/abgelehnt verurteilt/freigesprochen erste/letzte
        ersten/letzten beginn/ende norden/suden osten/westen legal/illegal verboten/erlaubt
        vor/nach""".split()),
    "es": tuple(tuple(pair.split("/")) for pair in """
        aumento/disminucion aumento/descenso aumento/bajo subio/bajo sube/baja subieron/bajaron
        subida/bajada alza/baja gano/perdio ganaron/perdieron victoria/derrota mas/menos
        detenido/liberado detenida/liberada detuvo/libero abierto/cerrado abrio/cerro
        aprobado/rechazado aprobo/rechazo condenado/absuelto condenada/absuelta legal/ilegal
        primero/ultimo primera/ultima norte/sur""".split()),
    "it": tuple(tuple(pair.split("/")) for pair in """
        aumento/calo aumentato/calato aumentato/diminuito aumentate/diminuite sale/scende
        salito/sceso cresce/cala crescita/calo vinto/perso vince/perde vittoria/sconfitta
        piu/meno rialzo/ribasso arrestato/rilasciato arrestato/liberato aperto/chiuso approvato/respinto
        approvata/respinta condannato/assolto legale/illegale primo/ultimo nord/sud""".split()),
    "pt": tuple(tuple(pair.split("/")) for pair in """
        aumentou/diminuiu aumentou/caiu subiu/caiu subiu/desceu alta/queda aumento/queda
        venceu/perdeu ganhou/perdeu vitoria/derrota mais/menos preso/libertado detido/libertado
        prendeu/libertou abriu/fechou aberto/fechado aprovado/rejeitado aprovou/rejeitou
        condenado/absolvido legal/ilegal primeiro/ultimo norte/sul""".split()),
}

#: Words that put a quantity above a figure, and below it (nearly included: "près de 100" is
#: under 100), per language, folded; several words joined by spaces. "Plus de 100" and "moins
#: de 100" give one figure on two sides of it.
FIGURE_SIDES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "fr": (("plus de", "plus d'", "au moins", "au-dela de"),
           ("moins de", "moins d'", "pres de", "presque", "jusqu'a")),
    "nl": (("meer dan", "ruim", "minstens", "ten minste"), ("minder dan", "bijna", "nog geen")),
    "de": (("mehr als", "uber", "mindestens"), ("weniger als", "fast", "knapp", "unter")),
    "es": (("mas de", "al menos", "mas que"), ("menos de", "casi", "cerca de")),
    "it": (("piu di", "oltre", "almeno"), ("meno di", "quasi", "circa")),
    "pt": (("mais de", "pelo menos", "ao menos"), ("menos de", "quase", "cerca de")),
}

#: Words for people in general, per language (folded): after a number they only carry the
#: count ("trois personnes sont mortes" says what "trois morts" says).
PEOPLE_WORDS: dict[str, frozenset[str]] = {
    "fr": frozenset({"personnes", "gens"}), "nl": frozenset({"mensen", "personen"}),
    "de": frozenset({"menschen", "personen"}), "es": frozenset({"personas"}),
    "it": frozenset({"persone"}), "pt": frozenset({"pessoas"}),
}

#: The side of a vote, per language: forms of a verb of voting (folded, lowercase; a form
#: ending in "*" is a stem), and the words after it that say for or against ("a voté pour" /
#: "contre", "stemde voor" / "tegen", "stimmte für" / "gegen", "votó a favor" / "en contra").
#: A stance word alone ("pour", "voor") means many things; after a verb of voting it is a side.
VOTE_SIDES: dict[str, tuple[tuple[str, ...], frozenset[str], frozenset[str]]] = {
    "fr": (("vote", "votent", "votait", "votaient", "voterent", "voter", "votera", "voteront",
            "votee", "votes", "votees"), frozenset({"pour"}), frozenset({"contre"})),
    "nl": (("stemde", "stemden", "gestemd", "stemt", "stemmen", "stemmer"), frozenset({"voor"}),
           frozenset({"tegen"})),
    "de": (("stimmte", "stimmten", "gestimmt", "stimmt", "stimmen"), frozenset({"fur"}),
           frozenset({"gegen"})),
    "es": (("voto", "votaron", "votado", "votara", "votaran", "vota", "votan", "votos"),
           frozenset({"favor"}), frozenset({"contra"})),
    "it": (("votato", "votata", "votati", "votate", "voto", "votarono", "vota", "votano",
            "voti"), frozenset({"favore"}), frozenset({"contro"})),
    "pt": (("votou", "votaram", "votado", "votada", "vota", "votam", "voto", "votos"),
           frozenset({"favor"}), frozenset({"contra"})),
}

#: More opposites for French, Dutch and German (and on time / late for Spanish, Italian and
#: Portuguese), as the inflected forms a sentence writes (no parser or lemmatizer here): in
#: each pair (ended by ";"), every form left of the slash is the opposite of every form right
#: of it. Lowercase without diacritics, as verify/wording_plain.py compares words. Verbs news
#: reverses most (confirmed / denied, hired / fired, tightened / eased, praised / criticised)
#: and the adjectives of a state (strong / weak, alive / dead). Converse verbs ("bought" /
#: "sold", "lent" / "borrowed") are left out: without a parser the two sides of one deed look
#: like opposite deeds. Read by the checker only; evaluation/changes_plain.py makes
#: its direction changes from OPPOSITE_WORDS above.
OPPOSITE_FORMS: dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]] = {
    lang: tuple((tuple(left.split()), tuple(right.split()))
                for left, right in (" ".join(pair.split()).split(" / ")
                                    for pair in text.split(";") if pair.strip()))
    for lang, text in {
        "fr": """sobre / ivre saoul soul ;
        unanimite / majorite ;
        sans / avec ;
        
        confirma confirmaient confirmait confirmant confirme confirmee confirmees confirment
            confirmer confirmera confirmerent confirmeront confirmes / dement dementaient
            dementait dementent dementi dementie dementies dementir dementira dementis ;
        confirma confirmaient confirmait confirmant confirme confirmee confirmees confirment
            confirmer confirmera confirmerent confirmeront confirmes / nia niaient niait
            niant nie niee niees nient nier niera nierent nieront nies ;
        augmenta augmentaient augmentait augmentant augmente augmentee augmentees augmentent
            augmenter augmentera augmenterent augmenteront augmentes / baissa baissaient
            baissait baissant baisse baissee baissees baissent baisser baissera baisserent
            baisseront baisses ;
        augmenta augmentaient augmentait augmentant augmente augmentee augmentees augmentent
            augmenter augmentera augmenterent augmenteront augmentes / diminua diminuaient
            diminuait diminuant diminue diminuee diminuees diminuent diminuer diminuera
            diminuerent diminueront diminues ;
        augmenta augmentaient augmentait augmentant augmente augmentee augmentees augmentent
            augmenter augmentera augmenterent augmenteront augmentes / chuta chutaient
            chutait chutant chute chutee chutees chutent chuter chutera chuterent chuteront
            chutes ;
        augmenta augmentaient augmentait augmentant augmente augmentee augmentees augmentent
            augmenter augmentera augmenterent augmenteront augmentes / recula reculaient
            reculait reculant recule reculee reculees reculent reculer reculera reculerent
            reculeront recules ;
        monta montaient montait montant monte montee montees montent monter montera
            monterent monteront montes / chuta chutaient chutait chutant chute chutee
            chutees chutent chuter chutera chuterent chuteront chutes ;
        grimpa grimpaient grimpait grimpant grimpe grimpee grimpees grimpent grimper
            grimpera grimperent grimperont grimpes / chuta chutaient chutait chutant chute
            chutee chutees chutent chuter chutera chuterent chuteront chutes ;
        progressa progressaient progressait progressant progresse progressee progressees
            progressent progresser progressera progresserent progresseront progresses /
            baissa baissaient baissait baissant baisse baissee baissees baissent baisser
            baissera baisserent baisseront baisses ;
        embaucha embauchaient embauchait embauchant embauche embauchee embauchees embauchent
            embaucher embauchera embaucherent embaucheront embauches / licencia licenciaient
            licenciait licenciant licencie licenciee licenciees licencient licencier
            licenciera licencierent licencieront licencies ;
        recruta recrutaient recrutait recrutant recrute recrutee recrutees recrutent
            recruter recrutera recruterent recruteront recrutes / licencia licenciaient
            licenciait licenciant licencie licenciee licenciees licencient licencier
            licenciera licencierent licencieront licencies ;
        renforca renforcaient renforcait renforcant renforce renforcee renforcees renforcent
            renforcer renforcera renforcerent renforceront renforces / assoupli assouplie
            assouplies assouplir assouplira assoupliront assouplis assouplissaient
            assouplissait assouplissant assouplissent assouplit ;
        durci durcie durcies durcir durcira durciront durcis durcissaient durcissait
            durcissant durcissent durcit / assoupli assouplie assouplies assouplir
            assouplira assoupliront assouplis assouplissaient assouplissait assouplissant
            assouplissent assouplit ;
        renforca renforcaient renforcait renforcant renforce renforcee renforcees renforcent
            renforcer renforcera renforcerent renforceront renforces / affaibli affaiblie
            affaiblies affaiblir affaiblira affaibliront affaiblis affaiblissaient
            affaiblissait affaiblissant affaiblissent affaiblit ;
        accepta acceptaient acceptait acceptant accepte acceptee acceptees acceptent
            accepter acceptera accepterent accepteront acceptes / refusa refusaient refusait
            refusant refuse refusee refusees refusent refuser refusera refuserent refuseront
            refuses ;
        accepta acceptaient acceptait acceptant accepte acceptee acceptees acceptent
            accepter acceptera accepterent accepteront acceptes / rejeta rejetaient rejetait
            rejete rejetee rejetees rejeter rejeterent rejetes rejette rejettent rejettera ;
        approuva approuvaient approuvait approuvant approuve approuvee approuvees approuvent
            approuver approuvera approuverent approuveront approuves / rejeta rejetaient
            rejetait rejete rejetee rejetees rejeter rejeterent rejetes rejette rejettent
            rejettera ;
        adopta adoptaient adoptait adoptant adopte adoptee adoptees adoptent adopter
            adoptera adopterent adopteront adoptes / rejeta rejetaient rejetait rejete
            rejetee rejetees rejeter rejeterent rejetes rejette rejettent rejettera ;
        arreta arretaient arretait arretant arrete arretee arretees arretent arreter
            arretera arreterent arreteront arretes / relacha relachaient relachait relachant
            relache relachee relachees relachent relacher relachera relacherent relacheront
            relaches ;
        arreta arretaient arretait arretant arrete arretee arretees arretent arreter
            arretera arreterent arreteront arretes / libera liberaient liberait libere
            liberee liberees liberent liberer liberera libererent liberes ;
        interpella interpellaient interpellait interpellant interpelle interpellee
            interpellees interpellent interpeller interpellera interpellerent interpelleront
            interpelles / relacha relachaient relachait relachant relache relachee relachees
            relachent relacher relachera relacherent relacheront relaches ;
        condamna condamnaient condamnait condamnant condamne condamnee condamnees condamnent
            condamner condamnera condamnerent condamneront condamnes / acquitta acquittaient
            acquittait acquittant acquitte acquittee acquittees acquittent acquitter
            acquittera acquitterent acquitteront acquittes ;
        soutenaient soutenait soutenir soutenu soutenue soutenues soutenus soutiendra
            soutiennent soutient / opposa opposaient opposait opposant oppose opposee
            opposees opposent opposer opposera opposerent opposeront opposes ;
        autorisa autorisaient autorisait autorisant autorise autorisee autorisees autorisent
            autoriser autorisera autoriserent autoriseront autorises / interdira interdire
            interdisaient interdisait interdisent interdit interdite interdites interdits ;
        ouvert ouverte ouvertes ouverts ouvraient ouvrait ouvre ouvrent ouvrir ouvrira /
            ferma fermaient fermait fermant ferme fermee fermees ferment fermer fermera
            fermerent fermeront fermes ;
        ameliora amelioraient ameliorait ameliorant ameliore amelioree ameliorees ameliorent
            ameliorer ameliorera ameliorerent amelioreront ameliores / aggrava aggravaient
            aggravait aggravant aggrave aggravee aggravees aggravent aggraver aggravera
            aggraverent aggraveront aggraves ;
        ameliora amelioraient ameliorait ameliorant ameliore amelioree ameliorees ameliorent
            ameliorer ameliorera ameliorerent amelioreront ameliores / deteriora
            deterioraient deteriorait deteriorant deteriore deterioree deteriorees
            deteriorent deteriorer deteriorera deteriorerent deterioreront deteriores ;
        accelera accelerait accelere acceleree accelerent accelerer / ralenti ralentie
            ralenties ralentir ralentira ralentiront ralentis ralentissaient ralentissait
            ralentissant ralentissent ralentit ;
        gagna gagnaient gagnait gagnant gagne gagnee gagnees gagnent gagner gagnera
            gagnerent gagneront gagnes / perd perdaient perdait perdent perdra perdre perdu
            perdue perdues perdus ;
        felicita felicitaient felicitait felicitant felicite felicitee felicitees felicitent
            feliciter felicitera feliciterent feliciteront felicites / critiqua critiquaient
            critiquait critiquant critique critiquee critiquees critiquent critiquer
            critiquera critiquerent critiqueront critiques ;
        salua saluaient saluait saluant salue saluee saluees saluent saluer saluera
            saluerent salueront salues / critiqua critiquaient critiquait critiquant
            critique critiquee critiquees critiquent critiquer critiquera critiquerent
            critiqueront critiques ;
        salua saluaient saluait saluant salue saluee saluees saluent saluer saluera
            saluerent salueront salues / condamna condamnaient condamnait condamnant
            condamne condamnee condamnees condamnent condamner condamnera condamnerent
            condamneront condamnes ;
        salua saluaient saluait saluant salue saluee saluees saluent saluer saluera
            saluerent salueront salues / denonca denoncaient denoncait denoncant denonce
            denoncee denoncees denoncent denoncer denoncera denoncerent denonceront denonces
            ;
        importa importaient importait important importe importee importees importent
            importer importera importerent importeront importes / exporta exportaient
            exportait exportant exporte exportee exportees exportent exporter exportera
            exporterent exporteront exportes ;
        leva levaient levait leve levee levees levent lever levera leverent leves / imposa
            imposaient imposait imposant impose imposee imposees imposent imposer imposera
            imposerent imposeront imposes ;
        annula annulaient annulait annulant annule annulee annulees annulent annuler
            annulera annulerent annuleront annules / maintenait maintenir maintenu maintenue
            maintenues maintenus maintiendra maintiennent maintient ;
        elargi elargie elargies elargir elargira elargiront elargis elargissaient
            elargissait elargissant elargissent elargit / restreignait restreignent
            restreindre restreint restreinte restreintes restreints ;
        commenca commencaient commencait commencant commence commencee commencees commencent
            commencer commencera commencerent commenceront commences / termina terminaient
            terminait terminant termine terminee terminees terminent terminer terminera
            terminerent termineront termines ;
        debuta debutaient debutait debutant debute debutee debutees debutent debuter
            debutera debuterent debuteront debutes / termina terminaient terminait terminant
            termine terminee terminees terminent terminer terminera terminerent termineront
            termines ;
        reussi reussie reussies reussir reussira reussiront reussis reussissaient
            reussissait reussissant reussissent reussit / echoua echouait echoue echouent
            echouer ;
        fort forte forts fortes / faible faibles ;
        optimiste optimistes / pessimiste pessimistes ;
        positif positive positifs positives / negatif negative negatifs negatives ;
        vivant vivante vivants vivantes / mort morte morts mortes ;
        coupable coupables / innocent innocente innocents innocentes ;
        pacifique pacifiques / violent violente violents violentes ;
        public publique publics publiques / prive privee prives privees ;
        riche riches / pauvre pauvres ;
        meilleur meilleure meilleurs meilleures / pire pires ;
        succes reussite / echec ;
        benefice benefices / perte pertes ;
        excedent excedents / deficit deficits ;
        present presente presents presentes / absent absente absents absentes ;
        tot / tard ;""",
        "nl": """nuchter / dronken ;
        unaniem / meerderheid ;
        zonder / met ;
        
        bevestigt bevestigd bevestigde bevestigden bevestigen / ontkent ontkend ontkende
            ontkenden ontkennen ;
        aangenomen / ontslagen ontslaat ontsloeg ontsloegen ontslaan ;
        versoepelt versoepeld versoepelde versoepelden versoepelen / aangescherpt
            aanscherpen verscherpt verscherpte verscherpten verscherpen ;
        verhoogt verhoogd verhoogde verhoogden verhogen / verlaagt verlaagd verlaagde
            verlaagden verlagen ;
        stijgt steeg stegen gestegen stijgen / zakt zakte zakten gezakt zakken daalt daalden
            dalen ;
        verbetert verbeterd verbeterde verbeterden verbeteren / verslechtert verslechterd
            verslechterde verslechterden verslechteren ;
        versterkt versterkte versterkten versterken / verzwakt verzwakte verzwakten
            verzwakken ;
        accepteert geaccepteerd accepteerde accepteerden accepteren / weigert geweigerd
            weigerde weigerden weigeren ;
        steunt gesteund steunde steunden steunen / afgewezen verworpen ;
        opent opende openden openen / sluit sloot sloten sluiten ;
        toegestaan toestaan / verbiedt verbood verboden verbieden ;
        winnen / verliezen ;
        aangehouden opgepakt gearresteerd / vrijgelaten vrijlaten ;
        prijst geprezen prees / bekritiseert bekritiseerd bekritiseerde bekritiseerden
            bekritiseren ;
        begint begon begonnen beginnen / eindigt eindigde eindigden geeindigd eindigen ;
        versnelt versneld versnelde versnelden versnellen / vertraagt vertraagd vertraagde
            vertraagden vertragen ;
        sterk sterke sterker / zwak zwakke zwakker ;
        levend levende / dood dode ;
        schuldig schuldige / onschuldig onschuldige ;
        optimistisch optimistische / pessimistisch pessimistische ;
        positief positieve / negatief negatieve ;
        succes / mislukking ;
        geslaagd / mislukt ;
        vreedzaam vreedzame / gewelddadig gewelddadige ;
        goed goede / slecht slechte ;
        beter / slechter ;
        hoog hoge / laag lage ;
        aanwezig aanwezige / afwezig afwezige ;
        tijd / laat vertraging vertraagd ;""",
        "de": """hoher / tiefer niedriger ;
        nuchtern / betrunken ;
        einstimmig / mehrheitlich ;
        ohne / mit ;
        
        bestatigt bestatigte bestatigten bestatigen / dementiert dementierte dementierten
            dementieren bestreitet bestritt bestritten bestreiten ;
        eingestellt einstellen / entlassen entlasst entliess ;
        gelockert lockert lockerte lockerten lockern / verscharft verscharfte verscharften
            verscharfen ;
        erhoht erhohte erhohten erhohen / senkt gesenkt senkte senkten senken ;
        verbessert verbesserte verbesserten verbessern / verschlechtert verschlechterte
            verschlechterten verschlechtern ;
        starkt gestarkt starkte starkten starken / schwacht geschwacht schwachte schwachten
            schwachen ;
        akzeptiert akzeptierte akzeptierten akzeptieren / abgelehnt lehnt lehnte lehnten
            ablehnen ;
        unterstutzt unterstutzte unterstutzten unterstutzen / abgelehnt lehnt lehnte lehnten
            ablehnen ;
        offnet offnete offneten offnen / schliesst schloss schlossen schliessen geschlossen
            ;
        erlaubt erlaubte erlaubten erlauben / verbietet verbot verboten verbieten ;
        gewinnt gewann gewannen gewonnen gewinnen / verliert verlor verloren verlieren ;
        steigt stieg stiegen gestiegen steigen / sinkt sank sanken gesunken sinken fallt
            fiel fielen gefallen fallen ;
        lobt gelobt lobte lobten loben / kritisiert kritisierte kritisierten kritisieren ;
        beschleunigt beschleunigte beschleunigten beschleunigen / verlangsamt verlangsamte
            verlangsamten verlangsamen ;
        stark starke starken starker starkes / schwach schwache schwachen schwacher
            schwaches ;
        lebend lebendig lebende / tot tote toten ;
        schuldig schuldige / unschuldig unschuldige ;
        friedlich friedliche friedlichen / gewaltsam gewaltsame gewaltsamen gewalttatig
            gewalttatige ;
        optimistisch optimistische / pessimistisch pessimistische ;
        positiv positive positiven / negativ negative negativen ;
        gut gute guten / schlecht schlechte schlechten ;
        besser bessere / schlechter schlechtere ;
        hoch hohe hohen / niedrig niedrige niedrigen ;
        erfolgreich erfolgreiche / gescheitert erfolglos ;
        erfolg / misserfolg scheitern ;
        punktlich / verspatet verspatete verspatung ;
        hochste hochsten / niedrigste niedrigsten ;
        hoch / tief ;
        auf / ab ;
        gestanden gestand gestehen / bestritten bestritt bestreiten ;""",
        # on time, or late ("in orario" / "con tre ore di ritardo"); guilty or innocent; a
        # change that slowed or sped up; admitted or denied
        "es": """amanecer / anochecer ;
        sobrio / ebrio borracho ;
        unanimidad / mayoria ;
        sin / con ;
        puntual puntualmente / retraso retrasado retrasada ;
        culpable culpables / inocente inocentes ;
        desacelero desacelerado desacelerada ralentizo / acelero acelerado acelerada ;
        admitio confeso reconocio / nego ;""",
        "it": """alba / tramonto ;
        sobrio / ubriaco ;
        unanimita / maggioranza ;
        senza / con ;
        orario puntuale puntualmente / ritardo ;
        colpevole colpevoli / innocente innocenti ;
        rallentato rallentata rallentati rallento / accelerato accelerata accelerati accelero ;
        ammesso ammise confessato / negato nego ;""",
        "pt": """amanhecer madrugada / anoitecer ;
        sobrio / embriagado bebado ;
        unanimidade / maioria ;
        sem / com ;
        pontual pontualmente horario / atraso atrasado atrasada ;
        culpado culpada culpados / inocente inocentes ;
        desacelerou desacelerado desacelerada abrandou / acelerou acelerado acelerada ;
        admitiu confessou / negou ;""",
    }.items()
}

#: Articles and determiners after which a word is a noun, per language: languages without a
#: parser here tell a noun from a verb by them (German capitalises nouns besides).
DETERMINERS: dict[str, frozenset[str]] = {
    "fr": frozenset("le la les l' un une des du au aux ce cet cette ces son sa ses leur leurs".split()),
    "nl": frozenset("de het een dit dat deze die zijn haar hun".split()),
    "de": frozenset("der die das den dem des ein eine einen einem einer eines".split()),
    "es": frozenset("el la los las un una unos unas al del este esta estos estas ese esa su sus".split()),
    "it": frozenset("il lo la i gli le l' un uno una del della dei degli delle al alla questo questa suo sua".split()),
    "pt": frozenset("o a os as um uma uns umas do da dos das no na nos nas ao este esta seu sua".split()),
}

# ------------------------------------------------------------------------ social-post furniture

#: Labels that open an alert or a post and assert nothing ("BREAKING:", "JUST IN -",
#: "🔴 LIVE |", "DÉPÊCHE"), matched case-sensitively in capitals or as a hashtag
#: ("#BREAKING"), case-insensitively when followed by a colon or dash.
POST_LABELS = (
    "BREAKING NEWS", "BREAKING", "JUST IN", "URGENT", "FLASH", "ALERT", "UPDATED", "UPDATE",
    "DEVELOPING", "EXCLUSIVE", "NEW", "LIVE", "WATCH", "BULLETIN", "THREAD", "NEWS", "ICYMI",
    "DÉPÊCHE", "ALERTE", "ALERTE INFO", "INFO", "EN DIRECT", "DIRECT", "EXCLU",
    "DERNIÈRE MINUTE", "BREAKING NIEUWS", "LAATSTE NIEUWS", "NET BINNEN", "LIVE BLOG",
    "NIEUWS", "EILMELDUNG", "EIL", "LIVEBLOG",
    "ÚLTIMA HORA", "ULTIMA HORA", "URGENTE", "EN DIRECTO", "EN VIVO", "ULTIM'ORA", "ULTIMA ORA",
    "ULTIM’ORA", "IN DIRETTA", "AO VIVO", "ÚLTIMAS NOTÍCIAS",
)
#: Words a platform or a reader adds after a cut: the text stops before them ("…more"). A
#: one-word link counts only after an ellipsis or in brackets: "nicht mehr" ends many a German
#: sentence.
MORE_LINKS = (
    "show more", "read more", "see more", "more", "lire la suite", "voir plus", "afficher la suite",
    "la suite", "meer weergeven", "lees meer", "lees verder", "meer", "mehr anzeigen",
    "weiterlesen", "mehr",
)
#: Whole sentences that promise more and assert nothing ("More soon.", "À suivre.").
FOLLOW_UPS = (
    "more soon", "more to follow", "more to come", "details to follow", "updates to follow",
    "developing", "developing story", "stay tuned", "story developing", "à suivre",
    "plus d'informations à venir", "plus d'infos à venir", "plus d'informations à suivre",
    "meer volgt", "later meer", "meer info volgt", "wordt vervolgd", "mehr in kürze",
    # pointers to the rest of the story, their link already gone ("Mehr dazu hier: https://…")
    "more here", "more details here", "details here", "full story", "full story here",
    "read the full story", "read more here", "link in bio", "plus d'infos ici", "à lire ici",
    "lire ici", "plus de détails ici", "meer hierover", "lees hier meer", "lees meer hier",
    "meer info", "mehr dazu", "mehr dazu hier", "mehr dazu im liveblog", "mehr infos hier",
)
#: Character limits of the platforms briefs are pasted from (X old and new, Bluesky, Mastodon
#: and Threads): a post exactly this long that ends without punctuation was cut there.
PLATFORM_LIMITS = (140, 280, 300, 500)

#: Words that mark a display name as a news outlet or a feed rather than a person ("Space News
#: Daily", "BBC Breaking News", "Le Figaro Actu"), compared case-insensitively word by word.
OUTLET_WORDS = frozenset(
    """news daily times post breaking live press agency radio tv television channel network
    journal herald gazette tribune telegraph guardian observer today weekly magazine media
    report wire alerts alert updates update insider newsroom headlines world info actu
    actualités infos direct journaal nieuws krant nieuwsblad dagblad omroep zeitung nachrichten
    tagesschau""".split()
)
#: News agencies and outlets known by a name that has none of :data:`OUTLET_WORDS`.
NEWS_OUTLETS = frozenset(
    "AFP|AP|Reuters|Bloomberg|BBC|CNN|Belga|ANP|DPA|EFE|ANSA|NOS|VRT|RTBF|RTL|NYT|WSJ|FT|Politico|"
    "Axios|Sky News|Al Jazeera|France 24|BFMTV|Le Monde|Le Figaro|Libération|Le Soir|De Standaard|"
    "De Morgen|HLN|NRC|de Volkskrant|Het Parool|De Telegraaf|Der Spiegel|Die Zeit|The Economist|"
    "Associated Press|Agence France-Presse|franceinfo|LCI|TF1|Radio-Canada|Le Parisien|"
    "Het Nieuwsblad|Gazet van Antwerpen|BNR|NPO|VTM|TASS|RIA Novosti|Xinhua|Kyodo|Yonhap|The Hill|"
    "NPR|The Independent|Daily Mail|The Sun|Le Point|L'Express|Mediapart|Euronews|Deutsche Welle|"
    "DW|ARD|ZDF|NU.nl|20 Minutes|Het Laatste Nieuws|Ouest-France|Le JDD|Les Echos|La Libre|"
    "L'Écho|De Tijd|Trouw|AD|RTL Nieuws|Omroep West|Nieuwsuur".lower().split("|")
)

# ------------------------------------------------------------------------------- tributes

#: Phrases that open a tribute to someone who died ("RIP Alexei Leonov", "Rust in vrede Toots
#: Thielemans"), as regular-expression alternatives, with the language they are written in
#: (None: "RIP" and "In memoriam" are written in every language).
TRIBUTE_PHRASES: dict[str, str | None] = {
    r"R\.?\s?I\.?\s?P\.?": None, r"[Rr]est in [Pp]eace": "en", r"[Rr]ust in [Vv]rede": "nl",
    r"[Rr]ust zacht": "nl", r"[Rr]epose en [Pp]aix": "fr", r"[Rr]eposez en [Pp]aix": "fr",
    r"[Rr]uhe in [Ff]rieden": "de", r"[Ii]n [Mm]emoriam": None,
    r"Q\.?\s?E\.?\s?P\.?\s?D\.?": "es", r"[Dd]escans[ae] en [Pp]az": "es",
    r"[Rr]iposa in [Pp]ace": "it", r"[Dd]escans[ae] em [Pp]az": "pt",
}
#: Words that say someone died, per language: a post that says so in words needs no claim
#: made from its tribute ("RIP X. He died aged 85").
DEATH_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("died", "dies", "dead", "death", "passed away", "killed", "has passed"),
    "fr": ("mort", "morte", "décédé", "décédée", "décès", "disparu", "disparue", "s'est éteint",
           "s’est éteint", "s'est éteinte", "s’est éteinte", "meurt", "tué", "tuée"),
    "nl": ("overleden", "overleed", "overlijden", "gestorven", "stierf", "dood", "sterft",
           "omgekomen", "om het leven"),
    "de": ("gestorben", "starb", "tot", "verstorben", "Tod"),
    "es": ("murió", "muere", "muerto", "muerta", "falleció", "fallece", "fallecido", "fallecida",
           "muerte", "fallecimiento"),
    "it": ("morto", "morta", "è morto", "è morta", "muore", "scomparso", "scomparsa", "morte",
           "deceduto", "deceduta"),
    "pt": ("morreu", "morre", "morto", "morta", "faleceu", "falecido", "falecida", "morte",
           "falecimento"),
}
#: How a claim says that the person of a tribute died, per language. French needs the gender,
#: which only a pronoun in the post gives; without one it says "Décès de X" (the headline form,
#: no gender), which a source saying "X est mort" or "X est décédée" supports alike.
DEATH_CLAIMS: dict[str, str] = {
    "en": "{name} has died",
    "fr": "Décès de {name}",
    "fr-m": "{name} est décédé",
    "fr-f": "{name} est décédée",
    "nl": "{name} is overleden",
    "de": "{name} ist gestorben",
    "es": "{name} murió",
    "it": "Morte di {name}",
    "pt": "{name} morreu",
}


# Wire copy abbreviates units and scales ("310 mln dlrs", "5.2 pct", "12 cts"); a reader takes
# "310 million dollars" and "5.2 per cent" as the same words. Compared in this one spelling.
WIRE_ABBREVIATIONS = {
    "dlrs": "dollars", "dlr": "dollar", "mln": "million", "bln": "billion",
    "bn": "billion", "pct": "percent", "stg": "sterling", "cts": "cents", "yr": "year",
    "yrs": "years", "qtr": "quarter", "qtrs": "quarters", "shr": "share", "shrs": "shares",
}
