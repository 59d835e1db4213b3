"""A claim and a passage in two languages, one of them English and the other French, Dutch,
German, Spanish, Italian or Portuguese.

The English cross-encoder cannot read the other language, and the multilingual embedder does
not tell a deed from its opposite across languages ("vrijgelaten" is as close to "arrested" as
to "released"). So the two are read part by part, the English side with its parse and the other
with word lists:

- **the deed**: the verb or deed noun, looked up in :data:`DEEDS` (forms and stems of the deeds
  news reports, each with the English lemmas that say it). The passage clause or sentence with
  the claim's deed backs it; one with the opposite deed (verify/roles.py's opposites) refutes
  it; none leaves it unbacked;
- **polarity**: a negation or a refusal ("a refusé de") on either side;
- **how many** and **when**: numbers (digits and number words) and weekdays or months, against
  those of the clause's sentence;
- **every other word** (the minister, the fire, the taxes): a word of that sentence whose
  multilingual embedding is close (``similar`` at least :data:`WORD_MATCH`: "incendie" /
  "fire" 0.85, "Steuern" / "taxes" 0.79, but "santé" / "finance" 0.38), names included
  ("Londres" / "London").

Every part backed is a restatement (the verifier's restated floor); any part given otherwise
is a conflict a reader can check in the cited sentence. A claim whose deed is not in the table
is not read here (nothing is found, and the model's doubt stands).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .. import nlp
from ..words import (BACKGROUND_WORDS, MONTHS, NEGATION_WORDS, NUMBER_WORDS_EN, NUMBER_WORDS_PLAIN,
                     REFUSAL_WORDS, STANCE_WORDS, STOPWORDS, WEEKDAYS)
from .parts import Frame, Stance, claim_frames, frames_of
from .role_stance import stance_words
from .roles import (Finding, Relation, RoleJudgement, Similarity, as_written, deed_words,
                    opposite)
from .opposites import orientation
from .wording_plain import read_tokens, vote_side

__all__ = ["DEEDS", "compare_across", "deed_told_alike"]

#: How close a claim word's embedding must be to a word of the passage sentence to count as
#: its translation ("manifestaciones" / "protests" 0.695). Lower than roles.SYNONYM (0.75) for
#: two words of one language: the deed, figures and dates, which the embedder confuses, are
#: read from word lists, not from this.
WORD_MATCH = 0.65

# Rows: the English lemmas that say the deed | forms per language. A form ending in "*" is a
# stem; "a+b" is a separable verb whose two parts stand apart ("trad ... af"). Keys are lower
# case without diacritics, as read_tokens folds them.
_DEED_ROWS = """
resign step_down quit resignation | fr: demission* quitte+fonctions | nl: afgetreden aftreden treedt+af trad+af traden+af opgestapt stapte+op stapt+op ontslag* | de: zuruckgetreten zurucktreten trat+zuruck tritt+zuruck rucktritt* | es: dimit* renunci* | it: dimess* dimett* | pt: demit* renunci*
arrest detain take_into_custody | fr: arrete arretee arretes arretees interpelle* | nl: gearresteerd arresteerde* aangehouden opgepakt | de: festgenommen verhaftet nahm+fest | es: detuv* detenid* arrestad* | it: arrestat* | pt: detid* detev* preso presos presa presas prendeu
release free | fr: libere* relache* | nl: vrijgelaten liet+vrij lieten+vrij | de: freigelassen liess+frei | es: liberad* libero liberaron | it: rilasciat* liberat* | pt: libertad* libertou libertaram soltou soltaram
die kill dead death | fr: mort morts morte mortes tue tues tuee tuees decede* | nl: kwamen+om kwam+om omgekomen doden dode stierf stierven overleden gedood | de: tote toten starb starben gestorben getotet | es: muerto* murio murieron fallecid* fallecio mato mataron matado | it: morto morti morta morte uccis* | pt: morto* mortes morreu morreram matou mataram
win | fr: gagne gagnee gagnent remporte* | nl: won wonnen gewonnen wint behaalde behaald | de: gewann gewannen gewonnen gewinnt | es: gano ganaron ganado gana | it: vinto vinse vince | pt: venceu venceram vencido ganhou
lose | fr: perdu perd perdent | nl: verloor verloren verliest | de: verlor verloren verliert abgewahlt | es: perdio perdieron perdido pierde | it: perso perse perde | pt: perdeu perderam perdido
beat defeat | fr: battu battue bat | nl: versloeg versloegen verslagen | de: besiegt besiegte schlug geschlagen | es: vencio derroto derrotado | it: sconfitto sconfisse batte battuto | pt: derrotou derrotado
visit | fr: visite* | nl: bezocht bezoekt | de: besucht* | es: visit* | it: visitat* visita | pt: visitou visitad*
sign enact | fr: signe signee signes signees promulgu* | nl: ondertekend* tekende | de: unterzeichne* unterschrieb* | es: firmo firmado firmaron promulg* | it: firmato firmo promulgat* | pt: assinou assinado sancionou sancionada sancionado promulg*
open reopen | fr: ouvert* inaugure* rouvert* | nl: open opende geopend heropend* | de: eroffne* geoffnet offnete wiedereroffne* | es: abrio abierto abierta inaugur* reabri* | it: aperto aperta apri inaugurat* riapert* | pt: abriu aberto aberta inaugur* reabri*
close shut | fr: ferme fermee fermes fermees | nl: sloot gesloten | de: schloss geschlossen | es: cerro cerrado cerrada | it: chiuso chiusa | pt: fechou fechado fechada
rise increase climb grow | fr: augmente* hausse progresse* croitre croissait croitra | nl: gestegen steeg stegen stijgt | de: gestiegen stieg stiegen steigt | es: aumento aumentado subio subido | it: aumentat* cresciut* salit* | pt: aumentou subiu cresceu
fall decline drop decrease | fr: baisse* recule* diminue* chute chutent chutee | nl: gedaald daalde daalt gevallen | de: gesunken sank sanken sinkt gesturzt | es: bajo bajaron bajado cayo cayeron caido disminuy* | it: calat* sceso scesa scesi diminuit* | pt: caiu baixou diminuiu
cut lower reduce | fr: reduit* abaisse* | nl: verlaagd* | de: gesenkt senkte senkt | es: redujo reducido recorto | it: ridott* tagliat* | pt: reduziu cortou
raise | fr: releve* | nl: verhoogd* | de: erhoht* hob+an hebt+an angehoben | es: elevo | it: alzat* | pt: elevou
approve adopt pass | fr: approuve* adopte* | nl: goedgekeurd keurde+goed | de: genehmigt* billigt* verabschiedet* | es: aprob* | it: approvat* | pt: aprov*
accept | fr: accepte* | nl: aanvaard* geaccepteerd accepteerde | de: angenommen nahm+an akzeptiert* | es: acepto aceptado aceptada aceptaron | it: accettat* accetto | pt: aceitou aceito aceita aceitaram
reject | fr: rejete* refuse refusee refuses refusees | nl: verworpen afgewezen wees+af geweigerd weigerde | de: abgelehnt lehnte+ab | es: rechaz* | it: respint* respinse rifiutat* | pt: rejeit* recusou recusad*
elect reelect re-elect | fr: elu elue elus reelu reelue reelus | nl: verkozen gekozen herkozen herverkozen | de: gewahlt wiedergewahlt | es: elegid* reelegid* | it: elett* rielett* | pt: eleit* reeleit*
attack | fr: attaque* | nl: aangevallen viel+aan | de: angegriffen griff+an | es: atacad* ataco atacaron | it: attaccat* | pt: atacou atacad* atacaram
ban prohibit | fr: interdi* | nl: verboden verbood verbiedt | de: verbot verboten | es: prohib* | it: vietat* | pt: proib*
injure wound hurt | fr: blesse* | nl: gewond* | de: verletzt* | es: herid* | it: ferit* | pt: ferid*
announce | fr: annonce* | nl: aangekondigd kondigde+aan | de: angekundigt kundigte+an | es: anunci* | it: annunciat* | pt: anunci*
end conclude | fr: termine termines terminee terminees terminait mis+fin | nl: beeindigd* beeindigde eindigde geeindigd | de: beendet beendete beendeten endete endeten | es: termino terminado terminada terminaron finalizo | it: terminat* concluso conclusa | pt: terminou terminad* encerrou encerrad* acabou acabaram
extend prolong | fr: prolonge prolongee prolonges prolongees prolongea | nl: verlengd verlengde | de: verlangert verlangerte verlangerten | es: prolongo prolongado prolongada prorrogo prorrogado | it: prolungat* prorogat* | pt: prolongou prolongad* prorrogou prorrogad*
survive | fr: survecu survit survivent | nl: overleefd overleefde overleefden overleeft | de: uberlebt uberlebte uberlebten | es: sobrevivio sobrevivido sobrevivieron | it: sopravvissut* sopravvisse | pt: sobreviveu sobreviveram sobrevivido
withdraw | fr: retire retiree retires retirees retira | nl: ingetrokken trok+in | de: zuruckgezogen zog+zuruck | es: retiro retirado retirada retiraron | it: ritirat* ritiro | pt: retirou retirad*
lift | fr: leve levee leves levees leva | nl: opgeheven hief+op | de: aufgehoben hob+auf | es: levanto levantado levantada | it: revocat* | pt: levantou levantado levantada
hire | fr: embauche embauchee embauches embauchees recrute recrutee recrutes | es: contrato contratado contratada contrataron | pt: contratou contratado contratada contrataram
fire dismiss sack | fr: licencie* | nl: ontslagen ontsloeg | de: entlassen entliess | es: despidio despidieron despedido despedida | it: licenziat* | pt: demitiu demitido demitida despediu
land | fr: atterri atterrit | nl: geland landde | de: gelandet landete | es: aterrizo aterrizado | it: atterrat* | pt: pousou aterrissou
crash | fr: ecrase ecrasee | nl: neergestort stortte+neer | de: abgesturzt sturzte+ab | es: estrello estrellado estrellada | it: precipitat* schiantat*
acquit clear | fr: acquitte acquittee acquittes acquittees | nl: vrijgesproken sprak+vrij | de: freigesprochen sprach+frei | es: absolvi* absuelt* | it: assolt* assolse | pt: absolvi*
convict | fr: condamne condamnee condamnes condamnees | nl: veroordeeld* | de: verurteilt* | es: condeno condenad* | it: condannat* | pt: condenou condenad*
double | fr: double doublee doubles doublees doublent | nl: verdubbeld* | de: verdoppelt* | es: duplico duplicad* | it: raddoppiat* | pt: dobrou dobrad* duplicou
halve | fr: divise+deux | nl: gehalveerd halveerde | de: halbiert* | es: redujo+mitad | it: dimezzat* | pt: caiu+metade
grant | fr: accorde accordee accordes accordees | nl: verleend verleende | de: gewahrt gewahrte | es: concedio concedid* otorgo otorgad* | it: concess* | pt: concedeu concedid*
refuse deny | fr: refuse refusee refuses refusees | nl: geweigerd weigerde weigert | de: verweigert* | es: nego negado negada rechazo | it: negat* rifiutat* | pt: negou negad* recusou recusad*
suspend halt | fr: suspendu* | nl: opgeschort schortte+op | de: ausgesetzt setzte+aus | es: suspendi* | it: sospes* | pt: suspende* suspensos suspensas
resume | fr: repris reprise reprend reprennent | nl: hervat* | de: wiederaufgenommen nahm+wieder | es: reanud* | it: ripres* | pt: retomou retomada retomado retomados retomaram
uphold confirm | fr: confirme* | nl: bevestigd* bekrachtigd* | de: bestatigt* | es: confirm* | it: confermat* | pt: confirm* manteve mantida mantido mantiveram
overturn quash reverse strike_down | fr: annule annulee annules annulees infirme* casse cassee | nl: vernietigd* | de: aufgehoben hob+auf | es: anulo anulado anulada anularon revoco revocado revocada | it: annullat* ribaltat* | pt: derrubou derrubad* anulou anulad*
cancel call_off | fr: annule annulee annules annulees | nl: afgelast* afgeblazen blies+af | de: abgesagt sagte+ab | es: cancel* | it: annullat* cancellat* | pt: cancelad* cancelou
postpone put_off defer | fr: reporte reportee reportes reportees reporta | nl: uitgesteld stelde+uit | de: verschoben verschob | es: aplazado aplazada aplazo aplazaron pospuesto pospuesta | it: rinviat* posticipat* | pt: adiado adiada adiou adiados adiadas
accelerate | fr: accelere* | nl: versneld* | de: beschleunigt* | es: acelero acelerado acelerada | it: accelerat* | pt: acelerou acelerad*
slow | fr: ralenti ralentie ralentit | nl: vertraagd* | de: verlangsamt* | es: desacelero desacelerado desacelerada ralentizo | it: rallentat* | pt: desacelerou desacelerad* abrandou
topple oust overthrow | fr: renverse renversee renverses | nl: afgezet | de: gesturzt sturzte | es: derrocad* derroco | it: rovesciat* | pt: derrubad* derrubou
return give_back hand_back | fr: rendu rendue rendus rendues restitue* | nl: teruggegeven gaf+terug | de: zuruckgegeben gab+zuruck | es: devolvi* | it: restituit* | pt: devolv*
praise commend | fr: salue saluee saluent felicite* | nl: prees prezen geprezen | de: lobte lobten gelobt | es: elogio elogiaron elogiado elogiada | it: lodat* elogiat* | pt: elogiou elogiaram elogiado elogiada
criticise criticize condemn | fr: critique critiquee critiquent condamne condamnee | nl: bekritiseerd* veroordeelde | de: kritisiert* verurteilte | es: critic* condeno | it: criticat* condannat* | pt: critic* condenou
apologise apologize | fr: excuse* | nl: excuses+aangeboden verontschuldigd* | de: entschuldigt* entschuldigen | es: disculp* | it: scusat* scusarsi | pt: desculp*
send_off expel | fr: expulse expulsee exclu | nl: weggestuurd | de: vom+platz | es: expulsad* | it: espuls* | pt: expuls*
vote | fr: vote votent votait voterent | nl: stemde stemden gestemd stemt | de: stimmte stimmten gestimmt | es: voto votaron votado | it: votato votata votarono | pt: votou votaram votado
eliminate cut axe abolish scrap | fr: supprim* | nl: geschrapt schrapte schrapten | de: gestrichen strich strichen | es: elimin* suprimi* suprimid* | it: eliminat* soppress* | pt: elimin* suprimi* suprimid*
create add | fr: cree creee crees creees creent ajoute ajoutee | nl: gecreeerd creeerde creeerden | de: geschaffen schuf schufen | es: creado creada creados crearon anadio anadido anadieron | it: creato creata creati create | pt: criou criado criada criados criaram
go_ahead proceed | fr: maintenu maintenue a+eu+lieu | nl: ging+door gingen+door doorgegaan gaat+door | de: fand+statt findet+statt stattgefunden | es: siguio+adelante sigue+adelante se+celebro se+celebraron | it: si+e+svolto si+e+svolta | pt: foi+mantida foi+mantido
weaken | fr: affaibli affaiblie affaiblit | nl: verzwakt verzwakte verzwakten | de: geschwacht schwachte schwachten | es: debilito debilitado debilitada | it: indebolit* | pt: enfraqueceu enfraquecid*
strengthen | fr: renforce renforcee renforca | nl: werd+sterker versterkt versterkte versterkten | de: verstarkt verstarkte wurde+starker | es: fortalecio fortalecido fortalecida | it: rafforzat* | pt: fortaleceu fortalecid*
admit confess | fr: avoue avouee reconnu | nl: gaf+toe bekende bekenden toegegeven | de: gestand gestanden raumte+ein eingeraumt | es: admitio admitido confeso reconocio | it: ammesso ammise confessat* | pt: admitiu admitido confessou reconheceu
deny | fr: nie niee dementi | nl: ontkende ontkenden ontkend ontkent | de: bestritt bestritten bestreitet | es: nego negado negaron | it: negato nego smentit* | pt: negou negado negaram
allow permit | fr: autoris* permis | nl: toegestaan stond+toe | de: erlaubt* erlaubte | es: permiti* autoriz* | it: permess* consentit* autorizzat* | pt: permiti* autoriz*
resume restart | fr: repris reprend reprendra reprendront | nl: hervat* | de: wiederaufgenommen nahm+wieder+auf nimmt+wieder+auf | es: reanud* | it: ripres* riprend* | pt: retom*
freeze | fr: gele gelee geles gelees | nl: bevroren bevroor | de: eingefroren fror+ein | es: congel* | it: congelat* | pt: congel*
hold take_place | fr: tenu tenue tenus tenues ont+eu+lieu | nl: vonden+plaats vond+plaats gehouden hielden | de: fanden+statt abgehalten | es: se+celebro se+celebraron | it: si+sono+svolt* tenut* | pt: realizad* realizou realizaram
capture seize | fr: captur* | nl: veroverd* | de: erobert* | es: captur* | it: catturat* conquistat* | pt: captur*
declare impose | fr: decrete decretee decretes decretees decreta | nl: afgekondigd kondigde+af stelde+in ingesteld | de: verhangt verhangte | es: decreto decretado decretada | it: dichiarat* decretat* | pt: decretou decretado decretada
retain keep | fr: conserve conservee conserva | nl: behield behielden behouden | de: behielt behalten | es: conservo conservado retuvo | it: conservat* | pt: conservou conservado
nationalise nationalize | fr: nationalis* | nl: genationaliseerd nationaliseerde | de: verstaatlich* | es: nacionaliz* | it: nazionalizzat* | pt: nacionaliz*
privatise privatize | fr: privatis* | nl: geprivatiseerd privatiseerde | de: privatisier* | es: privatiz* | it: privatizzat* | pt: privatiz*
hospitalise hospitalize | fr: hospitalis* | nl: opgenomen+ziekenhuis | de: eingeliefert | es: hospitaliz* ingresad* | it: ricoverat* | pt: hospitaliz* internad*
discharge | es: recibio+alta dado+alta | it: dimesso dimessa | pt: recebeu+alta teve+alta
ratify | fr: ratifie* | nl: geratificeerd ratificeerde ratificeerden | de: ratifiziert* | es: ratific* | it: ratificat* | pt: ratific*
promote | fr: promu promue promus | nl: promoveerde promoveerden gepromoveerd | de: stieg+auf aufgestiegen | es: ascendi* | it: promoss* | pt: promovid* subiu+divisao
relegate | fr: relegue* | nl: degradeerde degradeerden gedegradeerd | de: stieg+ab abgestiegen | es: descendi* | it: retrocess* | pt: rebaixad*
abdicate | fr: abdique abdiqua | nl: deed+afstand | de: dankte+ab abgedankt | es: abdico | it: abdicato abdico | pt: abdicou
crown | fr: couronne couronnee | nl: gekroond kroonde | de: gekront kronte | es: coronado coronada | it: incoronat* | pt: coroado coroada
support back endorse | fr: soutenu soutient soutenait | nl: steunde steunden gesteund | de: unterstutzt* | es: respald* apoyo apoyado apoyaron | it: sostenut* appoggiat* | pt: apoiou apoiado apoiaram
sell | nl: verkocht verkochten | de: verkauft* | es: vendio vendido vendida | it: vendut* | pt: vendeu vendido vendida
buy purchase | nl: kocht kochten gekocht | de: kaufte kauften gekauft | es: compro comprado comprada | it: comprato comprata | pt: comprou comprado comprada
veto | fr: veto | nl: veto | de: veto | es: veto vetado vetada vetaron | it: veto | pt: vetou vetado vetada vetaram
"""

#: English weekdays and months, for the passage side.
_EN_WEEKDAYS = {d: i for i, d in enumerate(
    "monday tuesday wednesday thursday friday saturday sunday".split())}
_EN_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december"
    .split(), start=1)}

#: Verbs that carry no deed of their own beside a deed noun ("a fait trois morts", "causó tres
#: muertos"): not asked of the passage.
_LIGHT = {"fr": {"fait", "faire", "provoque", "cause"}, "nl": {"maakte", "veroorzaakte"},
          "de": {"forderte", "verursachte"}, "es": {"causo", "dejo", "provoco"},
          "it": {"causato", "provocato"}, "pt": {"causou", "provocou", "deixou"}}


@lru_cache(maxsize=1)
def _deeds() -> tuple[tuple[frozenset[str], dict[str, tuple[str, ...]]], ...]:
    rows = []
    for line in _DEED_ROWS.strip().splitlines():
        english, *cells = (c.strip() for c in line.split("|"))
        forms = {}
        for cell in cells:
            lang, _, words = cell.partition(":")
            forms[lang.strip()] = tuple(words.split())
            if any(len(w) <= 5 for w in forms[lang.strip()] if w.endswith("*")):
                # a short stem reads other words ("pres*" read "presidente" as an arrest)
                raise ValueError(f"a stem of five letters or fewer in the deed table: {cell}")
        rows.append((frozenset(english.split()), forms))
    return tuple(rows)


DEEDS = _deeds


def _form_at(form: str, keys: list[str]) -> list[int]:
    """Indices of the tokens that make ``form`` in ``keys`` (empty when absent)."""
    if "+" in form:
        parts = form.split("+")
        at = [keys.index(p) if p in keys else -1 for p in parts]
        return at if all(i >= 0 for i in at) else []
    if form.endswith("*"):
        stem = form[:-1]
        return [i for i, k in enumerate(keys) if k.startswith(stem)][:1]
    return [keys.index(form)] if form in keys else []


def deed_told_alike(claim_keys: list[str], passage_keys: list[str], language: str) -> set[int]:
    """Positions of the claim's words that tell a deed of the table which the passage tells
    too, in another form of the same language ("trad … af" / "is afgetreden", "detuvo" /
    "fueron detenidos"): for verify/wording_plain.py, which looks for each word's own form."""
    out: set[int] = set()
    for _english, forms in _deeds():
        mine = next((at for f in forms.get(language, ()) if (at := _form_at(f, claim_keys))), None)
        if mine and any(_form_at(f, passage_keys) for f in forms.get(language, ())):
            out.update(mine)
    return out


def deed_opposed(claim_key: str, passage_key: str, language: str) -> bool:
    """Whether two words of one language tell opposite deeds of the table ("beendet" /
    "verlängert", "gevallen" / "overleefd"): each a one-word form of a row, the rows' English
    lemmas opposites (verify/roles.py). For verify/wording_plain.py, beside its own lists."""
    mine, theirs = _rows_of(claim_key, language), _rows_of(passage_key, language)
    if set(mine) & set(theirs):
        return False  # a word of two rows ("ontslagen": resigned or fired) opposes neither
    return any(opposite(a, b) for r in mine for t in theirs if r != t for a in r for b in t)


@lru_cache(maxsize=65536)
def _rows_of(key: str, language: str) -> tuple[frozenset[str], ...]:
    """The English lemmas of each deed of the table that the one word ``key`` tells."""
    return tuple(english for english, forms in _deeds()
                 if any("+" not in f and _form_at(f, [key]) for f in forms.get(language, ())))


deed_rows = _rows_of  # for verify/wording_plain.py


def opposed_deeds(claim_keys: list[str], passage_keys: list[str],
                  language: str) -> tuple[list[int], list[int]] | None:
    """A deed of the table the claim tells in a form of several words ("keurde … goed"), and
    the positions of a form of an opposite deed in ``passage_keys`` ("wees … af"); None when
    there is no such pair, or the passage tells the claim's deed too. For
    verify/wording_plain.py, whose word-by-word reading meets one-word forms only."""
    for english, forms in _deeds():
        mine = next((at for f in forms.get(language, ()) if "+" in f
                     and (at := _form_at(f, claim_keys))), None)
        if not mine or any(_form_at(f, passage_keys) for f in forms.get(language, ())):
            continue
        at = _opposite_form((english,), passage_keys, language)
        if at:
            return mine, at
    return None


def opposed_form(claim_key: str, passage_keys: list[str], language: str) -> list[int]:
    """Positions in ``passage_keys`` of a form, of any shape ("ging … door"), of a deed of the
    table opposite to the one the claim's word tells ("afgeblazen"); empty when none is there.
    For verify/wording_plain.py, whose word-by-word reading meets one-word forms only."""
    return _opposite_form(_rows_of(claim_key, language), passage_keys, language)


def _opposite_form(rows: Sequence[frozenset[str]], passage_keys: list[str],
                   language: str) -> list[int]:
    """Positions in ``passage_keys`` of the first form of a deed of the table whose English
    lemmas are opposites of one of ``rows`` (and which is none of them); empty when none is."""
    for english, forms in _deeds() if rows else ():
        if english in rows or not any(opposite(a, b) for r in rows for a in r for b in english):
            continue
        at = next((at for f in forms.get(language, ()) if (at := _form_at(f, passage_keys))), [])
        if at:
            return at
    return []


def _numbers(keys: list[str], table: dict[str, int]) -> set[float]:
    """The numbers ``keys`` give: number words of ``table`` and figures ("5", "2,000",
    "2.000", "3,5")."""
    out: set[float] = set()
    for k in keys:
        if k in table:
            out.add(float(table[k]))
        elif re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", k):
            out.add(float(re.sub(r"[.,]", "", k)))  # a thousands separator, either way
        elif re.fullmatch(r"\d+(?:[.,]\d+)?", k):
            out.add(float(k.replace(",", ".")))
    return out


def _years(keys: list[str]) -> set[str]:
    """The years ``keys`` name ("2023"): compared as dates, not as a figure's numbers."""
    return {k for k in keys if re.fullmatch(r"1[89]\d\d|2[01]\d\d", k)}


def _other_year(claim_keys: list[str], passage_keys: list[str]) -> Finding | None:
    """A year of the claim where the passage's sentence gives only other years ("grew 2% in
    2023" / "cresceu 2% em 2022"): a conflict."""
    mine, theirs = _years(claim_keys), _years(passage_keys)
    if mine and theirs and not mine & theirs:
        return Finding("date", min(mine), min(theirs), Relation.CONFLICT)
    return None


#: Words that bring in one more of a kind ("abrió una nueva fábrica"): a deed done to it is
#: not done to the one a claim without such a word speaks of ("closed the factory").
_ANOTHER = {"en": {"new", "another", "other"},
            "fr": {"nouveau", "nouvelle", "nouvel", "autre"},
            "nl": {"nieuw", "nieuwe", "ander", "andere"},
            "de": {"neue", "neuen", "neuer", "neues", "andere", "anderen", "weitere", "weiteren"},
            "es": {"nuevo", "nueva", "otro", "otra"}, "it": {"nuovo", "nuova", "altro", "altra"},
            "pt": {"novo", "nova", "outro", "outra"}}


def brings_another(passage_keys: list[str], passage_language: str, claim_keys: list[str],
                    claim_language: str) -> bool:
    """Whether the passage's words bring in one more of a kind ("nueva", "another") where the
    claim's have no such word: its opposite deed is then done to another thing."""
    return bool(_ANOTHER.get(passage_language, set()) & set(passage_keys)) and not (
        _ANOTHER.get(claim_language, set()) & set(claim_keys))


def _keys(sentence: str) -> list[str]:
    return [t.key for t in read_tokens(sentence)]


def compare_across(claim: str, language: str | None, passage: str,
                   similar: Similarity | None, passage_language: str = "en") -> RoleJudgement:
    """The claim (in ``language``) against the ``passage`` in another language, one of the
    two English, part by part (module doc). ``parsed`` is False where the other language has
    no table or the claim's deed is not in it."""
    if similar is None:
        return RoleJudgement(parsed=False)
    if language == "en" and passage_language in STOPWORDS and passage_language != "en":
        return _english_claim(claim, passage, passage_language, similar)
    if language not in STOPWORDS or language == "en" or passage_language != "en":
        return RoleJudgement(parsed=False)
    toks = read_tokens(claim)
    keys = [t.key for t in toks]
    found = [(english, at) for english, forms in _deeds()
             if (at := next((a for f in forms.get(language, ()) if (a := _form_at(f, keys))), []))]
    # a verb before a noun of the table: "hat das Verbot aufgehoben" is a lifting, not a ban
    # (German capitalises its nouns; a verb's form is written in lower case)
    deed = min(found, key=lambda d: any(toks[i].capitalised for i in d[1]), default=None)
    if deed is None:
        return RoleJudgement(parsed=False)
    english, at = deed
    said = " ".join(toks[i].text for i in sorted(at))
    pframes = frames_of(passage)
    negated = _negated(keys, language)
    backing = [f for f in pframes if english & (deed_words(f) | _nouns(f, english))]
    if not backing:
        against = next((f for f in pframes for e in english if opposite(e, f.predicate)
                        and f.negated == negated and _shares_words(toks, at, f.sentence, language, similar)
                        and not brings_another(_keys(f.sentence), "en", keys, language)),
                       None)
        if against is not None:
            return RoleJudgement(parsed=True, aligned=against.sentence, agreement=True,
                                 findings=(Finding("predicate", said, against.predicate_text,
                                                   Relation.CONFLICT),),
                                 negated=(negated, against.negated))
        return RoleJudgement(parsed=True, findings=(Finding("predicate", said, None,
                                                            Relation.UNBACKED),))
    f = backing[0]
    findings: list[Finding] = []
    if f.stance in (Stance.ALLEGED, Stance.POSSIBLE, Stance.REQUESTED) \
            and not any(t.key in STANCE_WORDS[language] for t in toks):
        # "hat den Unfall verursacht" against "questioned on suspicion of causing the crash":
        # the source's stance, which the claim drops (as in English, verify/role_stance.py)
        findings.append(Finding("stance", "fact", stance_words(f.stance), Relation.UNBACKED))
    if f.negated != negated and not f.under_negation:
        findings.append(Finding("polarity", ("not " if negated else "") + said,
                                ("not " if f.negated else "") + f.predicate_text, Relation.CONFLICT))
    pkeys = _keys(f.sentence)
    year = _other_year(keys, pkeys)
    if year is not None:
        findings.append(year)
    mine = _numbers([k for k in keys if k not in _years(keys)], NUMBER_WORDS_PLAIN[language])
    theirs = _numbers(pkeys, NUMBER_WORDS_EN) | {g.value for g in f.figures}
    if mine and theirs and not mine & theirs:
        number = next(t.text for t in toks if _numbers([t.key], NUMBER_WORDS_PLAIN[language]))
        other = next(t.text for t in read_tokens(f.sentence)
                     if _numbers([t.key], NUMBER_WORDS_EN))
        findings.append(Finding("figure:number", number, other, Relation.CONFLICT))
    for table, english_table, role in ((WEEKDAYS[language], _EN_WEEKDAYS, "date"),
                                       (MONTHS[language], _EN_MONTHS, "date")):
        day = next(((t.text, table[t.key]) for t in toks if t.key in table), None)
        given = next(((t.text, english_table[t.key]) for t in read_tokens(f.sentence)
                      if t.key in english_table), None)
        if day is not None and given is not None and day[1] != given[1]:
            findings.append(Finding(role, day[0], given[0], Relation.CONFLICT))
        elif day is not None and given is None:
            findings.append(Finding(role, day[0], None, Relation.UNBACKED))
    skip = set(at) | {i for i, t in enumerate(toks) if _numbers([t.key], NUMBER_WORDS_PLAIN[language])
                      or t.key in WEEKDAYS[language] or t.key in MONTHS[language]}
    for i, t in enumerate(toks):
        if i in skip or not _content(t.key, language):
            continue
        # a name too: "Londres" / "London" (0.9), the same spelling (1.0); "Gent" is no
        # translation of "Bruges"
        if not any(similar(t.text, w) >= WORD_MATCH or (t.capitalised and _same_stem(t.key, w))
                   for w in set(pkeys)) and not _in_phrase(toks, i, pkeys, similar):
            findings.append(Finding("word", t.text, None, Relation.UNBACKED))
    return RoleJudgement(parsed=True, aligned=f.sentence, agreement=True,
                         findings=tuple(findings), stance=f.stance,
                         negated=(negated, f.negated), restates=not findings)


def _same_stem(name: str, word: str) -> bool:
    """A place or person spelled by another language ("Antwerpen" / "Antwerp", "Londres" /
    "London"), which the embedder rates low (0.33 for Antwerp): four letters in common at the
    start at least, and the shorter word's first half."""
    n = next((i for i, (a, b) in enumerate(zip(name, word)) if a != b), min(len(name), len(word)))
    return n >= 4 and n * 2 >= min(len(name), len(word))


def _in_phrase(toks, i: int, pkeys: list[str], similar: Similarity) -> bool:
    """A word translated only with its neighbour: "Premier ministre" / "prime minister"
    (0.57 for "Premier" / "prime" alone)."""
    pairs = {f"{a} {b}" for a, b in zip(pkeys, pkeys[1:])}
    for j in (i - 1, i + 1):
        if 0 <= j < len(toks):
            a, b = sorted((i, j))
            phrase = f"{toks[a].text} {toks[b].text}"
            # the word must add to the match: "health minister" is close to "ministre des"
            # only through "minister" (0.66 against 0.89 for "minister" alone)
            if any(similar(phrase, p) >= WORD_MATCH and similar(phrase, p) > similar(toks[j].text, p)
                   for p in pairs):
                return True
    return False


def _english_claim(claim: str, passage: str, language: str, similar: Similarity) -> RoleJudgement:
    """An English claim against a passage in ``language``: the claim read with the English
    parse, the passage's sentences with the word lists, the same parts compared."""
    cfs = claim_frames(claim)
    if not cfs:
        return RoleJudgement(parsed=False)
    cf = cfs[0]
    mine = deed_words(cf) | (cf.words & _DEED_NOUNS)
    rows = [(english, forms.get(language, ())) for english, forms in _deeds()]
    wanted = [r for r in rows if r[0] & mine]
    if not wanted:
        return RoleJudgement(parsed=False)
    said = as_written(cf.predicate, cf)  # with its particle: "called off"
    sentences = [(s, read_tokens(s)) for s in _passage_sentences(passage)]

    def has(row_forms, keys: list[str]) -> list[int]:
        return next((at for f in row_forms if (at := _form_at(f, keys))), [])

    backing = next(((s, toks, at) for s, toks in sentences for _, forms in wanted
                    if (at := has(forms, [t.key for t in toks]))), None)
    if backing is None:
        opposites = [r for r in rows if any(opposite(a, b) for a in r[0] for w in wanted for b in w[0])]
        for s, toks in sentences:
            keys = [t.key for t in toks]
            for english, forms in opposites:
                at = has(forms, keys)
                if not at or _negated(keys, language, at) != cf.negated or brings_another(
                        keys, language, _keys(claim), "en"):
                    continue
                missing, words = _untranslated(cf, claim, toks, at, similar, s)
                if words and len(missing) * 2 <= words:  # about the claim's own participants
                    return RoleJudgement(parsed=True, aligned=s, agreement=True,
                                         findings=(Finding("predicate", said, " ".join(
                                             toks[i].text for i in sorted(at)), Relation.CONFLICT),),
                                         negated=(cf.negated, cf.negated))
        return RoleJudgement(parsed=True, findings=(Finding("predicate", said, None,
                                                            Relation.UNBACKED),))
    sentence, toks, at = backing
    keys = [t.key for t in toks]
    findings: list[Finding] = []
    side, cast = orientation(cf), vote_side(toks, language)
    if side and cast is not None and cast[0] != side:
        # "voted against the bill" / "votó a favor del proyecto"
        findings.append(Finding("predicate", "for" if side > 0 else "against", cast[1].text,
                                Relation.CONFLICT))
    negated = _negated(keys, language, at)
    if negated != cf.negated:
        findings.append(Finding("polarity", ("not " if cf.negated else "") + said,
                                " ".join(t.text for i, t in enumerate(toks)
                                         if t.key in NEGATION_WORDS[language]
                                         or (t.key in REFUSAL_WORDS[language] and i not in at))
                                or "not", Relation.CONFLICT))
    claim_keys = [t.key for t in read_tokens(claim)]
    year = _other_year(claim_keys, keys)
    if year is not None:
        findings.append(year)
    numbers = _numbers(claim_keys, NUMBER_WORDS_EN) | {g.value for g in cf.figures}
    theirs = _numbers(keys, NUMBER_WORDS_PLAIN[language])
    if numbers and theirs and not numbers & theirs:
        other = next(t.text for t in toks if _numbers([t.key], NUMBER_WORDS_PLAIN[language]))
        findings.append(Finding("figure:number", _first_number(claim), other, Relation.CONFLICT))
    for english_table, table in ((_EN_WEEKDAYS, WEEKDAYS[language]), (_EN_MONTHS, MONTHS[language])):
        day = next(((t.text, english_table[t.key]) for t in read_tokens(claim) if t.key in english_table), None)
        given = next(((t.text, table[t.key]) for t in toks if t.key in table), None)
        if day is not None and given is not None and day[1] != given[1]:
            findings.append(Finding("date", day[0], given[0], Relation.CONFLICT))
        elif day is not None and given is None:
            findings.append(Finding("date", day[0], None, Relation.UNBACKED))
    findings.extend(Finding("word", w, None, Relation.UNBACKED)
                    for w in _untranslated(cf, claim, toks, at, similar, sentence)[0])
    return RoleJudgement(parsed=True, aligned=sentence, agreement=True, findings=tuple(findings),
                         stance=cf.stance, negated=(cf.negated, negated), restates=not findings)


def _passage_sentences(passage: str) -> list[str]:
    from ..text import sentences

    return sentences(passage) or [passage]


def _negated(keys: list[str], language: str, deed: Sequence[int] = ()) -> bool:
    """Whether the words negate; a verb of refusal that is itself the ``deed`` found (at those
    positions: "ha rifiutato l'offerta" for "rejected the offer") does not."""
    return any(k in NEGATION_WORDS[language] or (k in REFUSAL_WORDS[language] and i not in deed)
               for i, k in enumerate(keys))


def _first_number(claim: str) -> str:
    return next((t.text for t in read_tokens(claim) if _numbers([t.key], NUMBER_WORDS_EN)), "")


def _untranslated(cf: Frame, claim: str, toks, at, similar: Similarity,
                  sentence: str = "") -> tuple[list[str], int]:
    """The English claim's words (but its deed, figures, weekdays and months) without a
    translation in the passage ``sentence`` (its word tokens ``toks``), and how many words were
    looked for."""
    deed = {w for d in deed_words(cf) for w in (d, *d.split("_"))}
    # the deed's own words as written ("died" for "die"), by their lemmas in the parse
    written = {t.lower_ for t in nlp.parse(claim) if t.lemma_.lower() in deed}
    skip = _ENGLISH_SKIP | deed | written
    ctoks = read_tokens(claim)
    words = [i for i, t in enumerate(ctoks) if t.key not in skip and t.key not in STOPWORDS["en"]
             and not _numbers([t.key], NUMBER_WORDS_EN) and len(t.key) > 1]
    keys = [t.text for i, t in enumerate(toks) if i not in at]
    lowered = [k.lower() for k in keys]
    if "%" in sentence or _PERCENT_WORDS & set(lowered):
        # "10 percent" / "un 10 %": the unit is the figure's, written as a sign (which the
        # word tokens leave out)
        words = [i for i in words if ctoks[i].key not in ("percent", "pct")]
    missing = [ctoks[i].text for i in words
               if not any(similar(ctoks[i].text, k) >= WORD_MATCH
                          or (ctoks[i].capitalised and _same_stem(ctoks[i].key, k.lower()))
                          for k in keys)
               and not _in_phrase(ctoks, i, lowered, similar)]
    return missing, len(words)


#: Words of a percentage in the other languages ("procent", "Prozent", "por ciento").
_PERCENT_WORDS = frozenset({"procent", "prozent", "pourcent", "ciento", "cento", "percent"})
#: English words a claim adds without a detail of its own: weekdays and months are compared
#: apart; "on", "in" and the like are stopwords.
_ENGLISH_SKIP = frozenset(_EN_WEEKDAYS) | frozenset(_EN_MONTHS)


#: English words that name a deed of the table outside the verb ("two dead", "his
#: resignation"); other words of a clause ("free trade") are no deed.
_DEED_NOUNS = frozenset({"dead", "death", "resignation"})


def _nouns(frame: Frame, english: frozenset[str]) -> set[str]:
    """Deed nouns of the clause ("death", "resignation") that say the row's deed."""
    return set(frame.words) & english & _DEED_NOUNS


def _content(key: str, language: str) -> bool:
    return (key not in STOPWORDS[language] and key not in BACKGROUND_WORDS[language]
            and key not in _LIGHT.get(language, ()) and key not in NEGATION_WORDS[language]
            and not key.endswith("'") and len(key) > 1)


def _shares_words(toks, at, sentence: str, language: str, similar: Similarity) -> bool:
    """Whether most of the claim's other words have a translation in ``sentence``: the
    opposite deed refutes only a clause about the claim's own participants."""
    words = [t for i, t in enumerate(toks) if i not in at and _content(t.key, language)
             and not t.key.isdigit()]
    pkeys = set(_keys(sentence))
    hits = sum(any(similar(t.text, w) >= WORD_MATCH for w in pkeys) for t in words)
    return bool(words) and hits * 2 >= len(words)
