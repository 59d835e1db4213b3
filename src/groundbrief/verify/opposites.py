"""Words that say opposite things, and verbs and nouns news uses for one deed or thing.

The part-by-part comparison (verify/roles.py) reads a clause's predicate and words against the
aligned clause's: an opposite ("arrested" / "released", "rose" / "fell", "lawful" / "unlawful")
is a conflict; a paraphrase ("was fired" / "was dismissed") says the same deed. Hand-written
pairs and verb classes first, then a negating prefix, then WordNet's antonyms
(verify/antonyms.py).
"""

from __future__ import annotations

from functools import lru_cache

from .antonyms import wordnet_opposite
from .parts import Frame, norm
from .surface import spelling_key

__all__ = ["BARE_VERBS", "CHANGE_VERBS", "KEEPING_VERBS", "NOUN_GROUPS", "OUTCOMES",
           "KINDS", "PARAPHRASE_GROUPS", "STAGES", "STRONGER", "UNCHANGED_WORDS", "earlier_stage",
           "opposite", "orientation", "other_of_kind", "other_outcome"]

# Pairs of predicates that say opposite things of the same participants. Lemmas, as spaCy's
# English lemmatizer gives them.
_OPPOSITE_PAIRS = [
    ("arrest", "release"), ("arrest", "free"), ("detain", "release"), ("detain", "free"),
    ("convict", "acquit"), ("guilty", "innocent"), ("guilty", "acquit"),
    ("convict", "not_guilty"), ("acquit", "find_guilty"), ("guilty", "not_guilty"),
    # a level frozen is neither raised nor cut ("froze the minimum wage")
    ("freeze", "raise"), ("freeze", "increase"), ("freeze", "cut"), ("freeze", "lower"),
    ("rise", "fall"), ("rise", "drop"), ("rise", "decline"), ("rise", "slip"),
    ("rise", "decrease"), ("increase", "decrease"), ("increase", "fall"), ("increase", "drop"),
    ("increase", "reduce"), ("increase", "cut"), ("raise", "lower"), ("raise", "cut"),
    ("raise", "reduce"), ("grow", "shrink"), ("grow", "fall"), ("expand", "shrink"),
    ("expand", "contract"), ("gain", "lose"), ("climb", "fall"), ("climb", "drop"),
    ("jump", "fall"), ("jump", "drop"), ("soar", "plunge"), ("surge", "plunge"),
    ("rise", "plunge"), ("boost", "cut"), ("strengthen", "weaken"), ("tighten", "ease"),
    ("tighten", "loosen"), ("high", "low"), ("higher", "lower"), ("up", "down"),
    ("win", "lose"), ("beat", "lose"), ("defeat", "lose"), ("pass", "fail"),
    ("succeed", "fail"), ("back", "oppose"), ("support", "oppose"), ("favour", "oppose"),
    ("favor", "oppose"), ("endorse", "oppose"), ("approve", "reject"), ("accept", "reject"),
    ("accept", "decline"), ("accept", "refuse"), ("agree", "refuse"), ("agree", "disagree"),
    ("approve", "veto"), ("approve", "block"), ("confirm", "deny"), ("admit", "deny"),
    ("lawful", "unlawful"), ("legal", "illegal"), ("valid", "invalid"), ("allow", "ban"),
    ("allow", "forbid"), ("allow", "prohibit"), ("permit", "ban"), ("permit", "forbid"),
    ("lift", "impose"), ("open", "close"), ("open", "shut"), ("start", "end"),
    ("begin", "end"), ("join", "leave"), ("enter", "leave"), ("enter", "exit"),
    ("hire", "fire"), ("hire", "lay"), ("appoint", "dismiss"), ("appoint", "sack"),
    ("buy", "sell"), ("borrow", "lend"), ("import", "export"), ("include", "exclude"),
    ("survive", "die"), ("survive", "kill"), ("alive", "dead"), ("live", "die"),
    ("profit", "loss"), ("surplus", "deficit"), ("positive", "negative"),
    ("true", "false"), ("safe", "dangerous"), ("safe", "unsafe"), ("win", "defeat"),
    ("more", "less"), ("more", "fewer"), ("increase", "decline"), ("appreciate", "depreciate"),
    ("strong", "weak"), ("stronger", "weaker"), ("advance", "retreat"), ("add", "remove"),
    ("restore", "suspend"), ("resume", "suspend"), ("resume", "halt"), ("lift", "extend"),
    ("present", "absent"), ("find", "miss"), ("attend", "skip"), ("attend", "boycott"),
    ("fail", "success"), ("failure", "success"), ("double", "halve"), ("accelerate", "ease"),
    ("accelerate", "slow"), ("accelerate", "decelerate"), ("quicken", "slow"),
    ("uphold", "overturn"), ("uphold", "quash"), ("uphold", "reverse"), ("peaceful", "violent"),
    ("land", "crash"), ("stable", "critical"), ("veto", "sign"), ("guilty", "clear"),
    ("convict", "clear"), ("legal", "unlawful"), ("lawful", "illegal"), ("enact", "repeal"),
    ("arrive", "depart"), ("marry", "divorce"), ("tighten", "relax"), ("attend", "absent"),
    # spaCy lemmatizes "better" and "best" to "well"; WordNet's good/bad pair has "good"
    ("well", "bad"), ("well", "badly"),
    ("ratify", "reject"), ("capture", "escape"), ("build", "demolish"), ("praise", "condemn"),
    ("defend", "condemn"), ("defend", "criticise"), ("defend", "criticize"),
    # two accounts of one departure: left of his own accord, or was put out
    ("resign", "sack"), ("resign", "fire"), ("resign", "dismiss"),
    # phrasal verbs, one word each in a clause's words (parts._phrasal)
    ("call_off", "go_ahead"), ("cancel", "go_ahead"), ("scrap", "go_ahead"),
    ("postpone", "go_ahead"),
    # Words, not predicates: compared anywhere in two aligned clauses, so only pairs whose
    # words rarely mean something else ("first"/"last", "new"/"old", "north"/"south" are left
    # out: "last week" beside "the first time", "New York", "North Korea").
    ("maximum", "minimum"), ("early", "late"), ("earlier", "later"), ("before", "after"),
    ("above", "below"), ("majority", "minority"), ("gain", "loss"), ("win", "loss"),
    ("victory", "defeat"), ("increase", "reduction"), ("rise", "cut"),
    ("upgrade", "downgrade"), ("buyer", "seller"), ("cheap", "expensive"),
    ("large", "small"), ("big", "small"), ("larger", "smaller"), ("bigger", "smaller"),
    ("northern", "southern"), ("eastern", "western"),  # "in northern Syria" / "southern Syria"
    ("alive", "body"),  # "pulled the climber out alive" / "the body of the climber was recovered"
    ("rescue", "body"), ("rescue", "dead"),  # "were rescued" / "the bodies of ... were recovered"
    ("acquire", "sell"), ("hold", "collapse"), ("hold", "breach"),
    ("complete", "abandon"), ("finish", "abandon"), ("complete", "abort"), ("brief", "lengthy"),
    ("grant", "deny"), ("grant", "refuse"), ("grant", "reject"), ("survive", "lose"),
    ("survive", "collapse"), ("survive", "destroy"), ("save", "collapse"), ("save", "destroy"),
    ("compulsory", "voluntary"), ("mandatory", "voluntary"), ("mandatory", "optional"),
    ("cancel", "resume"), ("ground", "resume"), ("suspend", "reinstate"),
    # a launch or a flight that ended in the other way: "was a success" / "exploded"
    ("success", "explode"), ("success", "crash"), ("success", "abort"),
    ("successful", "explode"), ("successful", "crash"),
    # jobs made or cut; a ruling or a bill that stood or fell
    ("hire", "cut"), ("create", "cut"), ("add", "cut"), ("hire", "lay_off"), ("create", "lay_off"),
    ("uphold", "strike_down"), ("pass", "block"), ("approve", "strike_down"),
    # a strike, a war or a curfew that ended, or went on
    ("end", "extend"), ("end", "prolong"), ("end", "continue"), ("stop", "continue"),
    ("halt", "continue"), ("release", "remand"), ("free", "remand"),
    ("contain", "spread"), ("sink", "afloat"), ("sink", "float"), ("fall", "survive"), ("approve", "withdraw"),
    ("deliberately", "accidentally"), ("deliberate", "accidental"),
    ("deliberately", "accident"), ("deliberate", "accident"), ("intentional", "accidental"),
    # routes, stores, jobs or seats added, or taken away; an office won at the polls, or lost
    ("add", "drop"), ("add", "scrap"), ("add", "axe"), ("add", "eliminate"), ("add", "shed"),
    ("add", "lose"), ("add", "slash"), ("elect", "lose"), ("reelect", "lose"),
    # a leader who survived a vote, or was brought down by it
    ("survive", "topple"), ("survive", "oust"), ("survive", "overthrow"),
    ("re-elect", "lose"),
    # an emergency declared or lifted, a truce extended or run out, a post taken or given up, a
    # title kept or lost, a penalty or a clearing, a capture or an escape, a strike called or
    # called off
    ("declare", "lift"), ("extend", "expire"), ("appoint", "resign"), ("retain", "lose"),
    ("fine", "clear"), ("seize", "escape"), ("call", "call_off"), ("survive", "force_out"),
    # a contract signed or turned down; a vote with no one against, or a close one; a firm
    # taken into the state's hands or out of them; a patient taken in or sent home; the day's
    # two twilights
    ("sign", "reject"), ("unanimously", "narrowly"), ("unanimous", "narrow"),
    ("nationalise", "privatise"), ("nationalize", "privatize"), ("hospitalise", "discharge"),
    ("hospitalize", "discharge"), ("admit", "discharge"), ("dawn", "dusk"),
    # a throne given up or taken; a treaty ratified or rejected; a team up or down a league;
    # a candidate backed or attacked; a prisoner let out on bail or refused it
    ("abdicate", "crown"), ("ratify", "reject"), ("promote", "relegate"),
    ("endorse", "criticise"), ("endorse", "criticize"), ("support", "criticise"),
    ("support", "criticize"), ("release", "deny"), ("praise", "blame"), ("destroy", "spare"),
    # how someone was found, freed or brought out: unharmed, or hurt or dead ("was found
    # safe" / "was found injured"); a river fouled or cleaned
    *((well, harmed) for well in ("safe", "unharmed", "unhurt", "uninjured")
      for harmed in ("injure", "injured", "hurt", "wound", "wounded", "dead")
      if (well, harmed) != ("uninjured", "injured")),  # that one is the prefix's
    ("suspend", "extend"),  # a strike or a truce
    # a fee or a tax brought in or done away with; a town taken or left
    ("introduce", "abolish"), ("introduce", "scrap"), ("introduce", "repeal"),
    ("impose", "abolish"), ("seize", "withdraw"), ("capture", "withdraw"),
    # found dead or still missing; a plant back online or still offline
    ("dead", "missing"), ("find", "missing"), ("online", "offline"),
    ("pollute", "clean"), ("pollute", "clean_up"), ("contaminate", "clean_up"),
]
#: Verbs that carry no deed of their own ("be", "have", "say", "remain"): a clause of one says
#: nothing of which deed was done.
BARE_VERBS = frozenset({"be", "have", "do", "say", "remain", "stay", "become", "get"})
#: Verbs news uses for one deed (phrasal verbs as parts.py joins them, "call_off"; "taken into
#: custody" read as "take_into_custody"). A clause that says the claim's clause part by part
#: with one of these for the claim's verb restates it ("The police chief was fired on Friday"
#: for "... was dismissed on Friday"): the bundled model misses many of them. Only verbs whose
#: news sense is one deed whatever else the clause says; each is checked with every part of
#: the clause the same.
PARAPHRASE_GROUPS = [frozenset(g.split()) for g in (
    "dismiss fire sack", "cancel call_off scrap", "postpone put_off defer",
    "reject turn_down rebuff", "resign step_down quit", "die pass_away", "injure hurt wound",
    "arrest detain take_into_custody", "buy acquire purchase", "ban prohibit outlaw",
    "fall drop decline ease slip dip", "rise climb increase grow", "halt stop",
    "begin start", "end conclude", "announce unveil", "cut eliminate shed slash axe lay_off",
    "crash go_down", "collapse break_down", "abolish scrap repeal", "flee escape",
    "close shut", "cut lower reduce trim", "sink go_down",
    # a verdict told by the court's finding ("was found not guilty", "found him guilty")
    "acquit not_guilty", "convict find_guilty",
    # news verbs of one deed that WordNet's verb senses do not link (verify/verb_kin.py)
    "suspend halt pause freeze", "slow ease", "survive escape", "win clinch secure",
    "criticise criticize condemn denounce slam blast", "launch unveil introduce",
    "detect identify find", "hire recruit employ", "topple overthrow oust",
    "retain defend",  # a title: "successfully defended his title"
    "cause start spark trigger", "pass clear", "occupy take_over", "publish come_out",
)]
#: Nouns news uses for one thing, where the embeddings do not tell it (a core phrase of the
#: claim's argument and of the passage's, in one group: "ceasefire" / "truce", "unemployment"
#: / "the jobless rate"; in a count, "jobs" / "workers").
NOUN_GROUPS = [frozenset(g.split("|")) for g in (
    "ceasefire|truce|armistice", "unemployment|unemployment rate|jobless rate|joblessness",
    "job|jobs|worker|workers|employee|employees|position|positions|post|posts",
    "troops|soldiers|forces", "lawmaker|lawmakers|legislator|legislators", "fire|blaze",
    "contract|deal", "ceo|chief executive|chief executive officer",
)]
#: Nouns of one closed kind, each another member than the rest: a son is not a brother, murder
#: is not manslaughter. Two of one kind in the same slot of one deed are a conflict
#: (verify/roles.py), which the word embeddings cannot tell ("murder" / "manslaughter" 0.68).
KINDS = [frozenset(g.split()) for g in (
    "son daughter brother sister father mother wife husband uncle aunt nephew niece cousin"
    " grandson granddaughter grandfather grandmother stepson stepdaughter stepfather stepmother",
    "murder manslaughter assault fraud theft robbery burglary rape kidnapping bribery corruption"
    " embezzlement terrorism treason espionage arson perjury extortion blackmail smuggling"
    " trafficking racketeering homicide",
    "ceo cfo coo cto",
)]


def other_of_kind(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are two members of one closed kind (:data:`KINDS`)."""
    return a != b and any(a in k and b in k for k in KINDS)


#: Steps of one course of events, earliest first: a clause that tells an earlier step does not
#: tell a later one ("was nominated for best picture" is not "won best picture", "was
#: arrested" not "was charged", "signed the treaty" not "ratified it", "infected 500 people"
#: not "killed 500 people"). A later step usually implies the earlier, so only an earlier step
#: in the passage against a later one in the claim is read (:func:`earlier_stage`). Lemmas;
#: a verb may stand in several courses.
STAGES = [[frozenset(rung.split()) for rung in course.split(" / ")] for course in (
    # a contest: in it, through a round of it, won
    "nominate shortlist bid compete contend vie campaign run stand enter apply seek"
    " / qualify advance reach / win elect reelect appoint award name crown",
    # harm: hurt or sick, then dead
    "affect infect sicken hospitalise hospitalize injure wound hurt maim / kill die",
    # a case against someone: suspected, held, charged, convicted
    "investigate probe question suspect accuse sue / arrest detain / charge indict prosecute"
    " / convict sentence jail imprison",
    # a bill: put forward, passed, made law
    "propose draft introduce table debate consider / pass approve adopt / sign enact",
    # a treaty or a deal: talked about, signed or agreed, ratified
    "negotiate discuss propose consider / sign agree / ratify",
    # a purchase: sought, then made
    "bid offer approach consider explore / buy acquire purchase take_over",
    # a search, then a find
    "search hunt look / find locate rescue recover",
    # a threat, then the deed
    "threaten warn / attack invade strike bomb",
    # blamed by others, then owned by the doer ("blamed on ISIS" / "claimed by ISIS")
    "blame accuse suspect / admit confess claim",
    # questioned, then a confession ("was questioned about the killing" / "confessed to it")
    "question interrogate interview / confess",
    # a review, then a ruling ("is reviewing the merger" / "approved the merger")
    "review examine scrutinise scrutinize assess study / approve clear block reject",
    # a siege, then the fall ("surrounded the city" / "captured the city")
    "surround encircle besiege attack assault shell bombard raid / capture seize take overrun",
    # harm to a thing: damaged, then destroyed ("damaged 40 homes" / "destroyed 40 homes")
    "damage hit / destroy raze flatten level",
    # an appeal or a suit: brought, then decided ("filed an appeal" / "won an appeal")
    "file lodge launch / win",
    # a work: written or made, then put out ("was written in 1995" / "was published in 1995")
    "write draft compose record film shoot / publish release print air broadcast screen",
)]


#: Deeds of one kind that exclude each other, though neither is the other's opposite: a
#: pardon is not a commuted sentence, a merger not a takeover, the wounded are not the dead,
#: a draw no win, a suspension no dismissal, a patient turned away not treated, a birthplace no
#: home (:func:`other_outcome`).
OUTCOMES = [[frozenset(alt.split()) for alt in group.split(" / ")] for group in (
    "pardon / commute / parole",
    "acquire buy purchase take_over / merge",
    "kill / injure wound hurt / kidnap abduct",
    "arrest detain / shoot",
    "raise collect / spend",
    "win beat defeat / draw tie",
    "suspend / dismiss fire sack expel",
    "resign step_down quit / dismiss fire sack oust",
    "treat admit / turn_away",
    "bear / live reside",
)]


def other_outcome(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are two outcomes of one kind that exclude each other
    (:data:`OUTCOMES`: "pardon" / "commute", "acquire" / "merge")."""
    return any(a in x and b in y for group in OUTCOMES for x in group for y in group if x is not y)


def earlier_stage(later: str, earlier: str) -> bool:
    """Whether ``earlier`` is a step of some course of events (:data:`STAGES`) before
    ``later`` ("nominate" before "win", "arrest" before "charge")."""
    for course in STAGES:
        at = [i for i, rung in enumerate(course) if later in rung]
        before = [i for i, rung in enumerate(course) if earlier in rung]
        if at and before and min(before) < max(at) and not set(at) & set(before):
            return True
    return False


#: A plain verb of change backed by a stronger one ("fell" by "plunged"), not the other way.
STRONGER = {**dict.fromkeys(("fall", "drop", "decline"),
                             frozenset({"plunge", "tumble", "slump", "plummet", "sink"})),
             **dict.fromkeys(("rise", "increase", "climb"), frozenset({"surge", "soar", "jump"}))}

#: Verbs of a change up and of a change down ("shares jumped" / "shares slumped"): any verb of
#: one against any of the other is an opposite, so a new pair needs no row of its own. Not
#: "slow": growth that slowed is still growth ("accelerate" / "slow" is its own pair).
_RISING = frozenset({"rise", "increase", "grow", "climb", "jump", "soar", "surge", "gain",
                     "rally", "rebound", "spike", "leap", "skyrocket", "rocket", "balloon",
                     "swell", "widen", "accelerate", "strengthen", "firm", "recover",
                     "double", "triple", "quadruple"})
_FALLING = frozenset({"fall", "drop", "decline", "decrease", "slip", "dip", "slide", "slump",
                      "plunge", "tumble", "plummet", "sink", "shrink", "contract", "crash",
                      "retreat", "sag", "dive", "nosedive", "narrow", "weaken", "ease",
                      "halve"})
_OPPOSITE_PAIRS += [(a, b) for a in _RISING for b in _FALLING]
#: The same for a change someone makes ("the airline increased fares" / "lowered fares").
_RAISING = frozenset({"raise", "increase", "hike", "boost", "lift"})
_LOWERING = frozenset({"cut", "lower", "reduce", "slash", "trim"})
_OPPOSITE_PAIRS += [(a, b) for a in _RAISING for b in _LOWERING]
#: Verbs of a change in a level, either way, done by a thing or to one ("rates rose", "the bank
#: raised rates"): a clause that says the level stayed where it was says neither happened.
CHANGE_VERBS = _RISING | _FALLING | frozenset({"raise", "cut", "lower", "reduce", "hike", "boost",
                                               "slash", "trim", "lift"})
#: Words that say a level stayed where it was ("left rates unchanged", "held steady").
UNCHANGED_WORDS = frozenset({"unchanged", "steady", "flat", "stable", "unaltered"})
#: Verbs that, with those words or a level's name, keep it there ("held rates at 5 percent").
KEEPING_VERBS = frozenset({"leave", "keep", "hold", "remain", "stay", "be", "unchanged", "freeze"})
#: Verbs of a change by a multiple: any two of them give two figures for one change
#: ("tripled" / "doubled").
_MULTIPLES = ("halve", "double", "triple", "quadruple")
_OPPOSITE_PAIRS += [(a, b) for i, a in enumerate(_MULTIPLES) for b in _MULTIPLES[i + 1:]]
# the two halves of a day, and most against a minority
_OPPOSITE_PAIRS += [("a.m.", "p.m."), ("am", "pm"), ("most", "minority")]

_OPPOSITES: dict[str, frozenset[str]] = {}
for _a, _b in _OPPOSITE_PAIRS:
    _OPPOSITES[_a] = _OPPOSITES.get(_a, frozenset()) | {_b}
    _OPPOSITES[_b] = _OPPOSITES.get(_b, frozenset()) | {_a}
_NEGATING_PREFIXES = ("un", "il", "in", "im", "ir", "dis", "non", "non-")

# "67% came out against" / "voted in favour": a stance word in the clause orients a vote.
_FOR = frozenset({"favour", "favor", "for", "support", "back", "endorse", "yes"})
_AGAINST = frozenset({"against", "oppose", "reject", "no"})


@lru_cache(maxsize=65536)
def opposite(a: str, b: str, *, nouns: bool = False) -> bool:
    """Whether two lemmas say opposite things ("arrest"/"release", "lawful"/"unlawful"): this
    module's pairs, a negating prefix, or WordNet's antonyms as verbs, adjectives or adverbs
    ("praise"/"criticise", "compulsory"/"voluntary"; verify/antonyms.py) -- and as nouns when
    ``nouns`` (two predicates: "a success"/"a failure"; beside them, "man"/"woman" tell two
    participants)."""
    a, b = a.lower(), b.lower()
    if a == b:
        return False
    if b in _OPPOSITES.get(a, ()):
        return True
    for p in _NEGATING_PREFIXES:  # unlawful/lawful, illegal/legal, disagree/agree
        if (a.startswith(p) and a[len(p):] == b and len(b) > 3) or (
                b.startswith(p) and b[len(p):] == a and len(a) > 3):
            return True
    if a.startswith("not_") or b.startswith("not_"):  # "not guilty" (parts._word) / "guilty"
        return a.removeprefix("not_") == b or b.removeprefix("not_") == a
    if (a.startswith("re") and len(a) > 5 and opposite(a[2:], b)) or (
            b.startswith("re") and len(b) > 5 and opposite(a, b[2:])):
        return True  # "reopened" / "closed": the deed again is the deed
    return (wordnet_opposite(a, b, nouns=nouns)
            or wordnet_opposite(spelling_key(a), spelling_key(b), nouns=nouns))


def orientation(frame: Frame) -> int:
    """+1 for a clause that backs something, -1 for one against it, 0 when it says neither."""
    words = {frame.predicate} | {k.split(":")[-1] for k in frame.args} | {
        a.head for a in frame.args.values()} | set(norm(frame.text).split())
    pro, con = bool(words & _FOR), bool(words & _AGAINST)
    if pro == con:
        return 0
    return 1 if pro else -1
