"""A brief that rewords its source and changes one detail, judged end to end with the bundled
models: the changes newsrooms get wrong, written the way briefs write them (not copies of the
source sentence, which verify/wording.py reads word by word)."""

from __future__ import annotations

import pytest

from groundbrief.models import Verdict
from groundbrief.verify import DefaultVerifier
from tests.conftest import judge_alone

REFUTED = [
    # (brief's claim, source passage, a word of what the sources say instead)
    ("A 34-year-old man was released by police on Tuesday over the Leeds stabbing.",
     "Police arrested a 34-year-old man on Tuesday in connection with the stabbing in central "
     "Leeds, a spokesperson said.", "arrested"),
    ("Johnson beat Michael Gove to become Tory leader.",
     "Boris Johnson defeated Jeremy Hunt in the Conservative leadership contest, winning 66% of "
     "the vote.", "Hunt"),
    ("Former Zimbabwean president Robert Mugabe has died aged 89.",
     "Robert Mugabe, who led Zimbabwe for 37 years, has died in Singapore. He was 95.", "95"),
    ("At least 400 people were killed in the quake.",
     "The earthquake killed at least 120 people and injured more than 400.", "120"),
    ("The fire killed 12 people.", "Twenty-one people died in the fire.", "Twenty-one"),
    ("The suspect was found guilty.", "The jury acquitted the suspect on all counts.", "acquit"),
    ("The strike was called off.", "Unions said the strike would go ahead as planned.", "ahead"),
    ("The president vetoed the bill.", "The president signed the bill into law on Wednesday.",
     "signed"),
    ("The minister said the talks had failed.", "The minister said the talks had been a success.",
     "success"),
    ("Third-quarter sales fell 5% to $1.2bn.",
     "Sales rose 5 percent to 1.2 billion dollars in the third quarter.", "rose"),
    ("Turnout was 72 percent.", "Turnout stood at 27 percent, the electoral commission said.",
     "27"),
    ("Spain won the World Cup.", "Argentina won the World Cup in Qatar.", "Argentina"),
    ("Inflation eased in November.", "Inflation accelerated in November, data showed.",
     "accelerated"),
    ("The minister resigned on Tuesday.", "The minister resigned on Monday, officials said.",
     "Monday"),
    ("The court upheld the ban.", "The court overturned the ban on Thursday.", "overturned"),
    ("The protest was peaceful.", "The protest turned violent as police fired tear gas.",
     "violent"),
    ("The plane landed safely.", "The plane crashed shortly after take-off.", "crashed"),
    # opposites read from WordNet (verify/antonyms.py), in no hand-written list
    ("The minister praised the decision.",
     "The minister criticised the decision on Monday, calling it reckless.", "criticised"),
    ("The patient's condition has improved.",
     "Doctors said the patient's condition had worsened overnight.", "worsened"),
    ("The senator remembered the meeting.", "The senator said she forgot the meeting.",
     "forgot"),
    ("The talks were held in public.", "The talks were held in private, officials said.",
     "private"),
    ("The company's sales were mostly domestic.",
     "The company's sales were mostly foreign, the report said.", "foreign"),
    ("Temperatures in the capital were unusually warm.",
     "Temperatures in the capital were unusually cool for the season.", "cool"),
    ("The central bank's forecast was optimistic.",
     "The central bank's forecast was pessimistic.", "pessimistic"),
    ("The minister defended the policy.", "The minister attacked the policy in parliament.",
     "attacked"),
    ("The fish population increased rapidly.",
     "The fish population increased slowly, scientists said.", "slowly"),
    ("The vaccine was tested on young adults.", "The vaccine was tested on old adults.", "old"),
    ("The firm's results were better than expected.",
     "The firm's results were worse than expected.", "worse"),
    ("The man was found alive.", "The man was found dead in his flat.", "dead"),
    # a complement negated on its own; a deed done again
    ("The defendant pleaded guilty to fraud.", "The defendant pleaded not guilty to fraud.",
     "not guilty"),
    ("The theatre reopened after the fire.", "The theatre closed after the fire.", "closed"),
    # a headline in title case, read in sentence case ("Release" had been taken for a name)
    ("Police Release Man Over Leeds Stabbing",
     "Police arrested a 34-year-old man on Tuesday in connection with the stabbing in central "
     "Leeds, a spokesperson said.", "arrested"),
    ("Inflation Eases In November", "Inflation accelerated in November, data showed.",
     "accelerated"),
    # another rank: an ordinal or a superlative's ordinal changed
    ("Smith won a second term.", "Smith won a third term in office on Sunday.", "third term"),
    ("Apple became the world's largest company by market value.",
     "Apple became the world's second-largest company by market value, behind Microsoft.",
     "second-largest"),
    ("Profits rose in the first quarter.",
     "Profits rose in the third quarter after falling in the first half.", "third quarter"),
    # a part of a counted whole is not all of it; a scale is part of the figure
    ("All 11 justices ruled against the government.",
     "Eight of the 11 justices ruled against the government.", "Eight, not 11"),
    ("The deal is worth 2 billion dollars.", "The deal is worth 2 million dollars.",
     "2 million, not 2 billion"),
    ("The attack took place in northern Syria.",
     "The attack took place in southern Syria, a monitor said.", "southern"),
    # "no one" counts none (it had been read as "one": "sources say one, not Two")
    ("Two people were killed in the explosion.",
     "No one was killed in the explosion, the fire service said.", "No one, not Two"),
    # a refusal or a failure says the deed after it did not happen (session 12)
    ("The drug was approved by regulators.",
     "Regulators refused to approve the drug, citing safety concerns.", "refused to approve"),
    ("The senator signed the letter.", "The senator declined to sign the letter, her spokesman said.",
     "declined to sign"),
    ("The firm paid its workers on time.",
     "The firm failed to pay its workers for three months, the union said.", "failed to pay"),
    # a placing told with another verb; an event called off
    ("Smith finished second in the race.", "Smith won the race by four seconds ahead of Jones.",
     "won, not second"),
    ("Norway won the relay.", "Norway finished third in the relay behind Sweden and Finland.",
     "third, not won"),
    ("The prime minister will visit Japan next week.",
     "The prime minister postponed a planned visit to Japan next week.", "postponed"),
    ("The union will strike on Monday.", "The union called off Monday's strike after talks.",
     "called off"),
    ("The pilot survived the crash.", "The pilot was killed in the crash, the air force said.",
     "killed"),
    ("The concert will go ahead on Saturday.",
     "The concert on Saturday has been cancelled because of the storm.", "cancel"),
    ("The museum acquired the painting.", "The museum sold the painting at auction for $4 million.",
     "sold"),
    # a length of time in another unit
    ("The strike lasted three weeks.", "The strike lasted three days.", "three days, not three weeks"),
    ("The siege lasted two months.", "The siege lasted two years.", "two years"),
    ("Rescuers pulled the climber out alive on Sunday.",
     "The body of the missing climber was recovered by rescuers on Sunday, police said.", "body"),
]

NOT_SUPPORTED = [
    # another deed done to another thing: no evidence either way
    ("Police arrested the driver on Friday.", "Police released the passenger on Friday."),
    # a plan is not the deed
    ("The company has cut 500 jobs.", "The company said it plans to cut 500 jobs next year."),
    # many win medals: another winner of "three medals" is another event (the World Cup has
    # one winner: refuted above)
    ("Spain won three medals.", "Argentina won three medals in Paris."),
    # a level is not an amount of change
    ("Prices rose to 5%.", "Prices rose by 5%."),
    # another office of the same person, or a former holder for a sitting one
    ("Finance Minister Jane Smith resigned on Monday.",
     "Foreign Minister Jane Smith resigned on Monday."),
    ("The former president was arrested.", "The president was arrested on Monday."),
    ("The president was arrested.", "The former president was arrested on Monday."),
    # a denial, a condition, a bid: none says it happened
    ("The minister resigned on Monday.", "The minister denied on Monday that he had resigned."),
    ("The company will close the plant.",
     "If the merger is approved, the company will close the plant."),
    ("Germany will host the 2030 World Cup.", "Germany bid to host the 2030 World Cup."),
    # a belief and hearsay are no finding (session 12)
    ("The man killed his neighbour.", "Police believe the man killed his neighbour."),
    ("The minister took bribes.", "The minister is said to have taken bribes."),
    # what no one would confirm: "could not confirm", "would not confirm", "did not comment on"
    # had Refuted their claims, "declined to confirm" had Supported it (session 12)
    ("Two people died in the fire.", "Police could not confirm reports that two people died in the fire."),
    ("The minister resigned.", "Officials would not confirm that the minister had resigned."),
    ("The minister resigned.", "A spokesman declined to confirm that the minister had resigned."),
    ("The company is for sale.", "The company did not comment on whether it is for sale."),
]

SUPPORTED = [
    # a refusal read as the negation it is: agreeing with a negated or opposite claim
    ("The council rejected the stadium plans.",
     "The council refused to approve the new stadium plans on Tuesday."),
    ("The president did not pardon the journalist.", "The president refused to pardon the journalist."),
    ("The firm did not pay its workers for three months.",
     "The firm failed to pay its workers for three months, the union said."),
    # one deed from its two sides, with or without the actor
    ("The team lost on Sunday.", "The team was defeated on Sunday by their rivals."),
    ("The company was sold.", "The company was bought by a rival in March."),
    ("The climber was found alive.",
     "The climber was found alive on Sunday next to the body of his partner."),
    ("Norway finished third in the relay.",
     "Norway finished third in the relay behind Sweden and Finland."),
    ("The prime minister postponed his visit to Japan.",
     "The prime minister postponed a planned visit to Japan next week."),
    ("A 34-year-old man was arrested by police on Tuesday over the Leeds stabbing.",
     "Police arrested a 34-year-old man on Tuesday in connection with the stabbing in central "
     "Leeds, a spokesperson said."),
    ("Boris Johnson beat Jeremy Hunt to become Tory leader.",
     "Boris Johnson beat Jeremy Hunt to become Tory leader."),
    ("The quake killed at least 120 people.",
     "The earthquake killed at least 120 people and injured more than 400."),
    ("The fire killed 21 people.", "Twenty-one people died in the fire."),
    ("Police Arrest Man Over Leeds Stabbing",
     "Police arrested a 34-year-old man on Tuesday in connection with the stabbing in central "
     "Leeds, a spokesperson said."),
    ("The company will close the plant if the merger is approved.",
     "If the merger is approved, the company will close the plant."),
    ("Three of the five victims were children.",
     "Three of the five victims were children, police said."),
    ("Prices rose to 5% in May.", "Prices rose to 5% in May, after rising by 5% in April."),
    # a party and a state are two facts of one senator, not one in place of the other
    ("Republican Senator Ted Cruz criticised the plan.",
     "Texas Senator Ted Cruz criticised the plan on Monday."),
    ("Prime Minister Boris Johnson resigned.",
     "British Prime Minister Boris Johnson resigned on Thursday."),
    ("Western countries imposed sanctions.",
     "Western countries imposed sanctions, while Eastern European states hesitated."),
    # the claim's rank there beside another
    ("Obama was the first black president.",
     "Obama was the 44th president and the first black president."),
    ("Profits rose in the first quarter.",
     "Profits rose in the first quarter, the firm's best start since 2010."),
    # opposite verbs telling one deed from its two sides are the same deed
    ("The company bought the rival firm.", "The rival firm was sold to the company for $2bn."),
    ("The team lost the final.", "The team was defeated in the final."),
    ("The airline sold the jets to a leasing firm.",
     "A leasing firm bought the jets from the airline."),
    ("The champion was beaten in the semi-final.", "The champion lost in the semi-final."),
]


@pytest.fixture(scope="module")
def verifier() -> DefaultVerifier:
    return DefaultVerifier()


def _verify(verifier: DefaultVerifier, claim: str, passage: str):
    return judge_alone(verifier, claim, passage, title="News")


def _assert_refuted_citing(verifier: DefaultVerifier, claim: str, passage: str,
                           instead: str) -> None:
    """The claim is Refuted, and its reason names what the source says instead."""
    out = _verify(verifier, claim, passage)
    assert out.verdict is Verdict.REFUTED, out.reason
    assert instead in (out.reason or "")


def _assert_unconfirmed_citing(verifier: DefaultVerifier, claim: str, passage: str,
                               instead: str) -> None:
    """The claim is Not enough evidence, and its reason names what the source says instead."""
    out = _verify(verifier, claim, passage)
    assert out.verdict is Verdict.NOT_ENOUGH_EVIDENCE, out.reason
    assert instead in (out.reason or "")


@pytest.mark.parametrize("claim,passage,instead", REFUTED)
def test_one_changed_detail_in_a_reworded_brief_is_refuted_citing_the_source(
        verifier, claim, passage, instead):
    out = _verify(verifier, claim, passage)
    assert out.verdict is Verdict.REFUTED, out.reason
    assert out.signals.refuting == ["p1"]
    assert instead.lower() in (out.reason or "").lower(), out.reason


@pytest.mark.parametrize("claim,passage", NOT_SUPPORTED)
def test_what_the_source_does_not_say_is_neither_supported_nor_refuted(verifier, claim, passage):
    assert _verify(verifier, claim, passage).verdict is Verdict.NOT_ENOUGH_EVIDENCE


@pytest.mark.parametrize("claim,passage", SUPPORTED)
def test_the_same_details_reworded_are_supported(verifier, claim, passage):
    out = _verify(verifier, claim, passage)
    assert out.verdict is Verdict.SUPPORTED, out.reason


@pytest.mark.parametrize("headline, sentence", [
    ("Police Release Man Over Leeds Stabbing", "Police release man over Leeds stabbing"),
    ("Inflation Eases In November", "Inflation eases in November"),
    ("UK Supreme Court rules prorogation unlawful", "UK Supreme Court rules prorogation unlawful"),
    ("Police released the man.", "Police released the man."),  # not a headline
])
def test_a_title_case_headline_is_read_in_sentence_case(headline, sentence):
    from groundbrief.brief.lexicon import sentence_case

    assert sentence_case(headline) == sentence


def test_a_figure_of_a_part_does_not_refute_the_figure_of_the_whole(verifier):
    # "urban population" and "population" count different things (AVeriTeC claims 203, 207)
    out = _verify(verifier, "Nigeria's urban population at independence was approximately 7 million.",
                  "Data from the World Bank shows Nigeria's population was 45.1 million in 1960.")
    assert out.verdict is not Verdict.REFUTED, out.reason
    out = _verify(verifier, "At independence, Nigeria had a population of 45 million.",
                  "The report estimates Nigeria's 1960 urban population at 6.96 million.")
    assert out.verdict is not Verdict.REFUTED, out.reason
    # the same thing counted twice still conflicts
    out = _verify(verifier, "The city's population was 2 million.",
                  "The city's population was 3 million, the census showed.")
    assert out.verdict is Verdict.REFUTED


def test_a_thing_spacy_takes_for_a_nationality_must_be_named_by_the_source(verifier):
    # "Ivermectin" is tagged NORP, and its capital at the start hides it from the name checks:
    # a passage that never names it was read as support (AVeriTeC claim 26)
    out = _verify(verifier, "Ivermectin is a treatment for coronavirus",
                  "Q: What virus outbreak does the claim refer to? A: Coronavirus covid 19.")
    assert out.verdict is Verdict.NOT_ENOUGH_EVIDENCE and "Ivermectin" in out.reason
    assert _verify(verifier, "Ivermectin is a treatment for coronavirus",
                   "Doctors say ivermectin is a treatment for the coronavirus.").verdict \
        is Verdict.SUPPORTED
    # a nationality or a party as a participant is left as it was
    assert _verify(verifier, "Republicans passed the bill.",
                   "The bill was passed by Republicans in the House.").verdict is Verdict.SUPPORTED


def test_lead_to_is_read_as_cause():
    from groundbrief.verify.parts import frames_of

    (frame,) = [f for f in frames_of("Wearing masks does not lead to headaches.") if f.predicate == "cause"]
    assert frame.negated and frame.args["patient"].head == "headache"


def test_a_not_in_another_sentence_than_the_aligned_clause_is_read(verifier):
    out = _verify(verifier, "Wearing masks causes headaches.",
                  "Wearing masks does not lead to headaches, doctors say.")
    assert out.verdict is Verdict.REFUTED, out.reason


def test_who_is_accused_is_not_who_accuses(verifier):
    out = _verify(verifier, "The man killed his neighbour.", "The man is accused of killing his neighbour.")
    assert out.verdict is Verdict.NOT_ENOUGH_EVIDENCE
    assert "allegation" in out.reason and "by The man" not in out.reason
    # a finding in the passive is a finding, not hearsay
    assert _verify(verifier, "The drug reduces deaths.",
                   "The drug was found to reduce deaths in a large trial.").verdict is Verdict.SUPPORTED


def test_a_clause_under_a_negated_statement_is_not_stated(verifier):
    # "No evidence was found that X" does not back X (AVeriTeC claim 37, where a misparsed
    # speaker had hidden it), and "It is not true that X" agrees with "not X"
    claim = ("Breitbart News reports that the daughter of Delaware Democratic Senator Chris Coons "
             "and seven other underage girls were featured on Hunter Biden's laptop.")
    passage = ("A: No evidence was found online that Breitbart News had reported on the daughter "
               "of Delaware Democratic Senator Chris Coons and seven other underaged girls being "
               "featured on Hunter Biden's laptop.")
    assert _verify(verifier, claim, passage).verdict is not Verdict.SUPPORTED
    assert _verify(verifier, "The minister did not resign.",
                   "It is not true that the minister resigned, his office said.").verdict \
        is Verdict.SUPPORTED



# Another deed that says the claim's did not happen, the claim's verb nowhere in the source
# (probe_set6.tsv, session 13: each was Supported before the rule).
@pytest.mark.parametrize("claim, passage, instead", [
    ("Twelve miners were rescued from the flooded mine.",
     "Twelve miners remain trapped in the flooded mine, rescuers said.", "remain trapped"),
    ("The goalkeeper was sent off in the second half.",
     "The goalkeeper stayed on the pitch despite a late challenge in the second half.", "stayed"),
    ("The judge ordered the release of the journalist.",
     "The judge ordered that the journalist remain in custody pending trial.", "remain in custody"),
    ("Protesters stormed the parliament building on Tuesday.",
     "Protesters gathered outside the parliament building on Tuesday but did not enter it.",
     "not enter it"),
    ("Apple acquired the startup for $300 million.",
     "The startup rejected a $300 million takeover offer from Apple.", "rejected"),
    ("The band will play in Berlin on Friday.",
     "The band has cancelled its concert in Berlin on Friday after the singer fell ill.",
     "cancelled its concert"),
    ("The airline cancelled all flights to Paris.",
     "The airline cancelled some flights to Paris because of the strike.", "some flights"),
    # too short to align with the passage's clause by two participants
    ("The goalkeeper was sent off.",
     "The goalkeeper stayed on the pitch despite the foul, and was booked.", "stayed"),
    # the claim's patient only beside the passage's deed
    ("Protesters stormed the parliament.", "Protesters gathered peacefully outside the parliament.",
     "gathered peacefully outside"),
])
def test_another_deed_saying_the_claims_did_not_happen_is_not_supported(verifier, claim, passage,
                                                                         instead):
    out = _verify(verifier, claim, passage)
    assert out.verdict is Verdict.NOT_ENOUGH_EVIDENCE, out.reason
    assert instead in (out.reason or "")


@pytest.mark.parametrize("claim, passage", [
    # the claim's own deed is in the source: a state that goes on besides it is no objection
    ("The minister resigned on Monday.",
     "The minister resigned on Monday but will remain a member of parliament."),
    ("Two miners were rescued on Friday.",
     "Two miners were rescued on Friday, while ten remain trapped underground."),
    ("The startup rejected Apple's offer.",
     "The startup rejected a $300 million takeover offer from Apple."),
    ("The airline cancelled flights to Paris.",
     "The airline cancelled all flights to Paris because of the strike."),
])
def test_the_claims_own_deed_beside_another_is_still_supported(verifier, claim, passage):
    assert _verify(verifier, claim, passage).verdict is Verdict.SUPPORTED


# probe_set7.tsv (session 13): each was Supported, or a paraphrase Refuted, before its rule.
@pytest.mark.parametrize("claim, passage, instead", [
    ("Liverpool beat Chelsea 2-0.", "Chelsea beat Liverpool 2-0 at Stamford Bridge on Sunday.",
     "Chelsea"),  # the score is no part of the name, so the swap is seen
    ("The company's shares rose 5% on Monday.",
     "The company's shares rose 5% on Tuesday after the earnings report.", "Tuesday"),
    ("More than 200 people were injured.", "Fewer than 200 people were injured, officials said.",
     "Fewer than 200"),
    ("The actor was born in Dublin.", "The actor, who lives in Dublin, was born in Cork.", "Cork"),
    ("The flight from London to New York was diverted.",
     "The flight from New York to London was diverted to Dublin.", "from New York to London"),
])
def test_a_swapped_detail_set7_is_refuted(verifier, claim, passage, instead):
    _assert_refuted_citing(verifier, claim, passage, instead)


@pytest.mark.parametrize("claim, passage, instead", [
    ("The outbreak was caused by contaminated water.",
     "Officials ruled out contaminated water as the cause of the outbreak.", "ruled out"),
    ("The government has banned the sale of fireworks.",
     "The government is considering a ban on the sale of fireworks.", "considering a ban"),
])
def test_what_a_source_rules_out_or_only_proposes_is_not_supported(verifier, claim, passage, instead):
    out = _verify(verifier, claim, passage)
    assert out.verdict is Verdict.NOT_ENOUGH_EVIDENCE, out.reason
    assert instead in (out.reason or "")


@pytest.mark.parametrize("claim, passage", [
    ("Liverpool beat Chelsea 2-0.", "Liverpool defeated Chelsea 2-0 at Anfield on Sunday."),
    ("At least 200 people were injured.", "More than 200 people were injured, officials said."),
    ("The government is considering a ban on fireworks.",
     "The government is considering a ban on the sale of fireworks."),
    ("The flight from London to New York was diverted.",
     "The flight from London to New York was diverted to Dublin."),
])
def test_the_same_details_set7_are_still_supported(verifier, claim, passage):
    assert _verify(verifier, claim, passage).verdict is Verdict.SUPPORTED


# probe_set8.tsv (session 13): each was Supported before its rule.
@pytest.mark.parametrize("claim, passage, verdict", [
    ("The climbers completed the ascent.", "The climbers abandoned the ascent because of high winds.",
     Verdict.REFUTED),
    ("The Senate approved the bill unanimously.", "The Senate approved the bill by 51 votes to 49.",
     Verdict.REFUTED),
    ("The fire started in the kitchen.", "The fire started in the garage and spread to the kitchen.",
     Verdict.NOT_ENOUGH_EVIDENCE),
    ("The club signed the striker from Ajax.", "The club sold the striker to Ajax for 20 million euros.",
     Verdict.NOT_ENOUGH_EVIDENCE),
    ("The aid convoy reached the city.", "The aid convoy was turned back before it reached the city.",
     Verdict.NOT_ENOUGH_EVIDENCE),
])
def test_a_changed_detail_set8_is_not_supported(verifier, claim, passage, verdict):
    assert _verify(verifier, claim, passage).verdict is verdict


@pytest.mark.parametrize("claim, passage", [
    ("The Senate passed the bill by 51 votes to 49.", "The Senate approved the bill 51-49 on Tuesday."),
    ("The fire started in the garage.", "The fire started in the garage and spread to the kitchen."),
    ("The convoy reached the city before nightfall.",
     "The aid convoy reached the city before nightfall, the UN said."),
    ("The club signed the striker from Ajax.", "The club signed the striker from Ajax for 20 million euros."),
])
def test_the_same_details_set8_are_still_supported(verifier, claim, passage):
    assert _verify(verifier, claim, passage).verdict is Verdict.SUPPORTED


@pytest.mark.parametrize("claim, passage, instead", [
    # one participant, too few to align by two: its opposite state is still read
    ("The ship's crew was rescued alive.", "The ship's crew was found dead.", "dead"),
    ("The senator's speech was brief.", "The senator's speech was lengthy.", "lengthy"),
])
def test_a_lone_participants_opposite_state_is_refuted(verifier, claim, passage, instead):
    _assert_refuted_citing(verifier, claim, passage, instead)


def test_a_rate_is_no_place_where_a_deed_happened(verifier):
    # "at 9-13/16 pct" is no site: a change-pair paraphrase lost its support to that reading
    claim = ("The central bank made outright purchases of bank bills comprising more than 50 million "
             "stg in band one at 9-7/8 percent, 227 mln stg in band two at 9-13/16 pct, 56 mln stg in "
             "band three at 9-3/4 pct and four mln stg in band four at 9-11/16 pct.")
    passage = ("The central bank made outright purchases of bank bills comprising 58 mln stg in band "
               "one at 9-7/8 pct, 227 mln stg in band two at 9-13/16 pct, 56 mln stg in band three at "
               "9-3/4 pct and four mln stg in band four at 9-11/16 pct.")
    assert _verify(verifier, claim, passage).verdict is Verdict.SUPPORTED


# probe_set10.tsv (session 13): each was Supported before its rule.
@pytest.mark.parametrize("claim, passage, verdict", [
    ("The judge granted bail to the activist.", "The judge denied bail to the activist, citing flight risk.",
     Verdict.REFUTED),
    ("The talks ended in agreement.", "The talks ended without an agreement.", Verdict.REFUTED),
    ("The minister survived the confidence vote.", "The minister lost the confidence vote and resigned.",
     Verdict.REFUTED),
    # falling short of a mark is not reaching it (session 17: Refuted, was Not enough evidence)
    ("The athlete broke the world record.", "The athlete fell just short of the world record.",
     Verdict.REFUTED),
])
def test_a_changed_detail_set10_is_not_supported(verifier, claim, passage, verdict):
    assert _verify(verifier, claim, passage).verdict is verdict


@pytest.mark.parametrize("claim, passage", [
    ("The talks ended without an agreement.", "The talks ended without an agreement, both sides said."),
    ("The judge denied bail to the activist.", "The activist was refused bail by the judge."),
    ("The passenger survived the crash.", "The passenger survived the crash but lost a leg."),
])
def test_the_same_details_set10_are_still_supported(verifier, claim, passage):
    assert _verify(verifier, claim, passage).verdict is Verdict.SUPPORTED


def test_a_placing_no_source_gives_is_not_supported(verifier):
    # the demo corpus's Vienna run has no placing: "finished second" was Supported
    out = _verify(verifier, "Eliud Kipchoge finished second in the marathon in Vienna.",
                  "Eliud Kipchoge ran a marathon in Vienna in 1 hour 59 minutes 40.2 seconds.")
    assert out.verdict is Verdict.NOT_ENOUGH_EVIDENCE, out.reason
    assert "finished second" in (out.reason or "")
    same = _verify(verifier, "Smith finished second in the race.",
                   "Smith finished second in the race behind Jones on Sunday.")
    assert same.verdict is Verdict.SUPPORTED


def test_an_event_named_with_in_is_no_place_to_conflict_with():
    # "in the Ineos 1:59 Challenge" (an organisation to the tagger) is no place: Vienna does not
    # refute it; a one-word place the tagger took for an organisation still does ("born in Cork")
    from groundbrief.verify.roles import compare
    found = compare("Eliud Kipchoge ran in the Ineos 1:59 Challenge.",
                    "Eliud Kipchoge ran in Vienna on Saturday.").findings
    assert not any(f.relation.value == "conflict" and f.passage == "Vienna" for f in found)
    found = compare("The actor was born in Dublin.", "The actor was born in Cork.").findings
    assert any(f.relation.value == "conflict" and f.passage == "Cork" for f in found)


# Changed demo briefs explained on the demo corpus (session 13): each was Supported before.
NOTRE_DAME = ("The roof of Notre Dame cathedral in French capital Paris caught fire yesterday. The "
              "spire and at least part of the roof, and at least part of the wooden frame, collapsed. "
              "According to officials, the two bell towers were saved.")


@pytest.mark.parametrize("claim, passage, instead", [
    ("The spire of Notre Dame cathedral survived the fire.", NOTRE_DAME, "collapsed"),
    ("Notre Dame's bell towers collapsed in the fire.", NOTRE_DAME, "saved"),
    ("Eliud Kipchoge ran a marathon in Vienna in 2 hours 1 minute 40 seconds.",
     "Eliud Kipchoge ran a marathon in Vienna in 1 hour 59 minutes 40.2 seconds.", "1 hour 59 minutes"),
    ("Eliud Kipchoge ran a marathon in 2 hours 1 minute 40 seconds.",
     "Yesterday, Eliud Kipchoge from Kenya ran a marathon in less than two hours.", "less than two hours"),
])
def test_a_changed_demo_brief_is_refuted(verifier, claim, passage, instead):
    _assert_refuted_citing(verifier, claim, passage, instead)


@pytest.mark.parametrize("claim, passage", [
    ("The spire and part of the roof collapsed.", NOTRE_DAME),
    ("The two bell towers were saved.", NOTRE_DAME),
    ("Eliud Kipchoge ran a marathon in Vienna in 1 hour 59 minutes 40.2 seconds.",
     "Eliud Kipchoge ran a marathon in Vienna in 1 hour 59 minutes 40.2 seconds, in less than two hours."),
])
def test_the_demo_facts_are_still_supported(verifier, claim, passage):
    assert _verify(verifier, claim, passage).verdict is Verdict.SUPPORTED


def test_a_length_inside_a_bound_is_no_conflict():
    # "three weeks" is inside "more than two weeks" (it was a conflict by the tenth rule)
    from groundbrief.verify.roles import compare
    assert not compare("The strike lasted three weeks.", "The strike lasted more than two weeks.").findings
    assert compare("The strike lasted ten days.", "The strike lasted more than two weeks.").findings


def test_a_reported_clause_the_source_never_words_is_not_attributed(verifier):
    # "Shapps said … voluntary" was Supported by his announcement that they would be compulsory
    from groundbrief.models import Brief, Claim, Passage, ScoredPassage, Source
    passage = ("Yesterday, England's transport secretary, Grant Shapps, announced that from June 15, "
               "wearing a face covering would become compulsory while riding public transport in "
               "England.")
    claim = Claim(id="c1", kind="attribution", speaker="Grant Shapps",
                  text="Grant Shapps said that face coverings will be voluntary on buses in England")
    sp = ScoredPassage(passage=Passage(id="p1", source_id="s1", ordinal=0, start=0, end=len(passage),
                                       text=passage),
                       source=Source(id="s1", title="News", outlet="Example News", text=passage), score=1.0)
    out = verifier.verify(claim, [sp], Brief(text=claim.text, speaker="Grant Shapps"))
    assert out.verdict is not Verdict.SUPPORTED, out.reason


def test_a_clause_that_says_the_claim_part_by_part_supports_it(verifier):
    # the model doubted "The spire of Notre Dame collapsed" against the demo corpus's sentence;
    # the aligned clause has its predicate, its participant and every word of its clause
    assert _verify(verifier, "The spire of Notre Dame collapsed.", NOTRE_DAME).verdict is Verdict.SUPPORTED
    # one word of the clause the passage lacks ("indoors") and it is no restatement
    assert _verify(verifier, "The match was played indoors.",
                   "The match was played outdoors.").verdict is not Verdict.SUPPORTED


def test_the_same_deed_done_to_another_thing_is_not_attributed(verifier):
    # held-out demo brief: Shapps said surgical masks must be kept for clinical settings, so the
    # public should use home-made coverings; "Shapps said surgical masks should be used by the
    # general public" was Supported
    from groundbrief.models import Brief, Claim, Passage, ScoredPassage, Source
    passage = ('Shapps announced the measure at the UK Government’s daily coronavirus briefing. He said '
               'it would be "a condition of travel" and "surgical masks[...] we must keep for clinical '
               'settings" so the general public should use "the kind of face covering you can easily '
               'make at home."')
    claim = Claim(id="c1", kind="attribution", speaker="Grant Shapps",
                  text="Grant Shapps said that surgical masks should be used by the general public")
    sp = ScoredPassage(passage=Passage(id="p1", source_id="s1", ordinal=0, start=0, end=len(passage),
                                       text=passage),
                       source=Source(id="s1", title="News", outlet="Example News", text=passage), score=1.0)
    out = verifier.verify(claim, [sp], Brief(text=claim.text, speaker="Grant Shapps"))
    assert out.verdict is not Verdict.SUPPORTED, out.reason
    assert "the kind" in (out.reason or "")


# probe_set13.tsv (session 15, held out): each was Supported or left unrefuted before its rule.
@pytest.mark.parametrize("claim, passage, instead", [
    ("Shares of the company jumped after the announcement.",
     "Shares of the company slumped after the announcement.", "slumped"),  # any rise / any fall
    ("The dollar firmed against the yen.", "The dollar slid against the yen.", "slid"),
    ("Workers at the plant went on strike.", "Workers at the plant voted against going on strike.",
     "voted against"),
    ("The board raised prices.", "The board decided against raising prices.", "decided against"),
    ("The striker scored twice in the final.",
     "The striker scored once in the final before being substituted.", "once"),
    ("The striker scored twice in the final.", "The striker scored three times in the final.",
     "three times"),
    ("Prices rose twice as fast as wages.", "Prices rose three times as fast as wages.", "three times"),
    ("Germany beat France 2-1.", "Germany beat France 3-1.", "3-1"),  # one score, not a 3 and a 1
    ("The suspect was released without charge.",
     "The suspect was charged with murder and then released on bail.", "charged with murder"),
    ("The ship sank near the port.", "The ship ran aground near the port but stayed afloat.",
     "afloat"),
    ("The union ended the strike.", "The union extended the strike.", "extended"),
    ("Police said the fire was started deliberately.", "Police said the fire was an accident.",
     "accident"),
    ("The government approved the reform.", "The government withdrew the reform after protests.",
     "withdrew"),
    ("The government fell.", "The government survived a confidence vote.", "survived"),
    ("Rates rose by three quarters of a percentage point.",
     "Rates rose by a quarter of a percentage point.", "a quarter of a percentage point"),
])
def test_a_changed_detail_set13_is_refuted(verifier, claim, passage, instead):
    _assert_refuted_citing(verifier, claim, passage, instead)


@pytest.mark.parametrize("claim, passage", [
    ("Nobody was injured in the blast.", "No one was hurt in the explosion, firefighters said."),
    ("Nobody was injured in the blast.", "No one was injured in the blast."),  # was Refuted
    ("The singer cancelled her tour.", "The singer has called off her world tour, her spokesman said."),
    ("Germany beat France 2-1.", "France lost 2–1 to Germany on Sunday."),
    ("The firm bought the mill from Acme.", "Acme sold the mill to the firm."),
    ("The bank raised interest rates by half a point.",
     "The central bank raised interest rates by half a percentage point on Thursday."),
    ("The suspect was released without charge.", "The suspect was released without charge on Monday."),
    ("The company opened a new factory.", "The company opened a new factory in Ohio."),
])
def test_the_same_details_set13_are_supported(verifier, claim, passage):
    out = _verify(verifier, claim, passage)
    assert out.verdict is Verdict.SUPPORTED, out.reason


@pytest.mark.parametrize("claim, passage", [
    ("The company closed the factory.", "The company opened a new factory."),  # another factory
    ("Germany beat France.", "France lost to Spain."),
    ("The firm bought the mill from Acme.", "Acme sold the mill to a rival."),
])
def test_another_participant_is_neither_backed_nor_refuted(verifier, claim, passage):
    out = _verify(verifier, claim, passage)
    assert out.verdict is Verdict.NOT_ENOUGH_EVIDENCE, out.reason


# probe_set14.tsv (session 15, held out after set 13's fixes): each was Supported, or unrefuted
# with its opposite in the passage, at its first run.
@pytest.mark.parametrize("claim, passage, instead", [
    ("The court upheld the ban.", "The court struck down the ban.", "struck down"),
    ("The bill was passed by the Senate.", "The bill was blocked in the Senate.", "blocked"),
    ("The airline posted a record profit.", "The airline posted a record loss.", "loss"),
    ("The river burst its banks in the north.", "The river burst its banks in the south.", "south"),
    ("The company hired 300 workers.", "The company laid off 300 workers.", "laid off"),
])
def test_a_changed_detail_set14_is_refuted(verifier, claim, passage, instead):
    _assert_refuted_citing(verifier, claim, passage, instead)


def test_a_state_that_still_goes_on_does_not_back_its_end(verifier):
    _assert_unconfirmed_citing(verifier, "The hostages were freed on Sunday.",
                               "The hostages are still being held, officials said on Sunday.",
                               "held")
    assert _verify(verifier, "The man was born in the north.",
                   "The man was born in the north of England.").verdict is Verdict.SUPPORTED


# News paraphrases outside the earlier tables (session 15): each was Not enough evidence.
@pytest.mark.parametrize("claim, passage", [
    ("The company cut 500 jobs.", "The company laid off 500 workers."),
    ("A ceasefire took effect on Sunday.", "A truce took effect on Sunday."),
    ("The plane crashed shortly after take-off.", "The plane went down shortly after take-off."),
    ("Unemployment fell to 4 percent.", "The jobless rate fell to 4 percent."),
    ("The talks broke down.", "The talks collapsed."),
    ("The government scrapped the tax.", "The government abolished the tax."),
    ("The minister quit.", "The minister stepped down."),  # one participant: aligned by the deed
    ("Oil prices fell to a three-year low.", "Oil prices dropped to their lowest level in three years."),
])
def test_a_news_paraphrase_is_supported(verifier, claim, passage):
    out = _verify(verifier, claim, passage)
    assert out.verdict is Verdict.SUPPORTED, out.reason


@pytest.mark.parametrize("claim, passage, instead", [
    ("The company cut 500 jobs.", "The company laid off 50 workers.", "50"),  # jobs count workers
    ("The company cut 500 jobs.", "The company hired 500 workers.", "hired"),
    ("The minister quit.", "The minister refused to step down.", "refused to step down"),
    ("Oil prices fell to a three-year low.", "Oil prices dropped to a five-year low.", "five-year"),
])
def test_a_paraphrase_with_a_changed_detail_is_refuted(verifier, claim, passage, instead):
    _assert_refuted_citing(verifier, claim, passage, instead)


# probe_set15.tsv (session 15, held out): each was Supported at its first run.
@pytest.mark.parametrize("claim, passage, instead", [
    ("Profits tripled last year.", "Profits doubled last year.", "doubled"),
    ("The fire broke out at 3 a.m.", "The fire broke out at 3 p.m.", "p.m."),
    ("The attack took place in the capital.", "The attack took place outside the capital.",
     "outside the capital"),
])
def test_a_changed_detail_set15_is_refuted(verifier, claim, passage, instead):
    _assert_refuted_citing(verifier, claim, passage, instead)


@pytest.mark.parametrize("claim, passage, instead", [
    # one buyer for a named company: the other name is the conflict, not another event
    ("Google acquired GitHub.", "GitHub was acquired by Microsoft.", "Microsoft"),
    # a person's name the tagger did not label, in the claim's person's place
    ("The award went to Maria Lopez.", "The award went to Ana Ruiz, beating Maria Lopez.", "Ana Ruiz"),
])
def test_another_name_in_a_one_doer_or_recipient_slot_is_refuted(verifier, claim, passage, instead):
    _assert_refuted_citing(verifier, claim, passage, instead)
    assert _verify(verifier, "Microsoft acquired GitHub.",
                   "GitHub was acquired by Microsoft for $7.5 billion.").verdict is Verdict.SUPPORTED


@pytest.mark.parametrize("claim, passage, instead", [
    # the same number of another currency, or of another unit of one measure (probe_set15)
    ("The deal is worth $5 billion.", "The deal is worth 5 billion euros.", "5 billion euros"),
    ("The company paid 200 mln dlrs.", "The company paid 200 mln stg.", "200 mln stg"),
    ("The bridge is 3 km long.", "The bridge is 3 miles long.", "3 miles"),
])
def test_another_currency_or_unit_is_refuted(verifier, claim, passage, instead):
    _assert_refuted_citing(verifier, claim, passage, instead)


@pytest.mark.parametrize("claim, passage", [
    ("The deal is worth $5 billion.", "The deal is worth 5 billion dollars."),
    ("The company paid 200 mln dlrs.", "The company paid $200 million."),
    ("The bridge is 3 km long.", "The bridge is 3 kilometres long."),
])
def test_one_currency_or_unit_written_two_ways_is_supported(verifier, claim, passage):
    out = _verify(verifier, claim, passage)
    assert out.verdict is Verdict.SUPPORTED, out.reason


def test_amounts_in_two_currencies_and_another_doers_figure_are_no_conflict(verifier):
    # Ghana's "1,460 stg" is not the Ivory Coast's "1,325 French francs" (change pairs)
    out = _verify(verifier, "Ghana was reported to be offering new crop at 1,460 stg a tonne cif.",
                  "The Ivory Coast was believed offering new crop around 1,325 French francs per "
                  "100 kilos cif while Ghana was there at around 1,460 stg a tonne cif, they said.")
    assert out.verdict is not Verdict.REFUTED, out.reason


# probe_set16.tsv (session 15's last held-out set): its first run's misses
def test_a_converse_restates_and_a_fire_still_spreading_is_not_contained(verifier):
    assert _verify(verifier, "Nobody died in the fire.",
                   "No one was killed in the fire.").verdict is Verdict.SUPPORTED
    assert _verify(verifier, "The fire killed five people.",
                   "Five people died in the blaze.").verdict is Verdict.SUPPORTED
    out = _verify(verifier, "The wildfire was contained on Thursday.",
                  "The wildfire was still spreading on Thursday.")
    assert out.verdict is not Verdict.SUPPORTED, out.reason


# The misses of session 16's held-out English sets at their first run, each Refuted now citing
# what the source says instead (test_a_changed_detail_session_16_probes_found_is_refuted).
# probe_set17.tsv (session 16's first held-out set): shares, forecasts, ages, regions, times
SET17_MISSES = [
    ("Most members voted for the plan.",
     "A minority of members voted for the plan, which failed.", "A minority"),
    ("The majority of residents opposed the plan.",
     "Only a handful of residents opposed the plan.", "a handful"),
    ("The airline added 20 routes this summer.", "The airline dropped 20 routes this summer.",
     "dropped"),
    ("The company's profit beat expectations.",
     "The company's profit fell short of expectations.", "fell short of expectations"),
    ("Apple's sales missed forecasts.",
     "Apple's quarterly sales beat analysts' forecasts on Thursday.", "beat analysts' forecasts"),
    ("The prime minister, 54, resigned on Friday.",
     "The prime minister, 61, resigned on Friday.", "61"),
    ("The storm hit the north of the island.", "The storm hit the south of the island.",
     "the south"),
    ("The volcano erupted on Tuesday morning.", "The volcano erupted on Tuesday evening.",
     "Tuesday evening"),
]


def test_a_share_a_forecast_and_a_time_of_day_told_alike_are_no_conflict(verifier):
    for claim, passage in [
            ("Most members voted for the plan.", "Most members voted for the plan on Friday."),
            ("All members voted for the plan.", "Most members voted for the plan."),
            ("The company's profit beat expectations.",
             "Rival Acme's profit fell short of expectations."),
            ("The volcano erupted on Tuesday morning.",
             "The volcano erupted on Tuesday morning, and again on Wednesday evening."),
            ("The prime minister, 54, resigned on Friday.",
             "The prime minister, 54, resigned on Friday after a vote."),
    ]:
        out = _verify(verifier, claim, passage)
        assert out.verdict is not Verdict.REFUTED, (claim, passage, out.reason)


def test_an_event_postponed_is_not_confirmed_as_cancelled_and_a_state_kept_restates(verifier):
    _assert_unconfirmed_citing(verifier, "The singer cancelled her European tour.",
                               "The singer postponed her European tour until next year.",
                               "postponed")
    assert _verify(verifier, "The vote was delayed until March.",
                   "The vote was postponed until March.").verdict is not Verdict.REFUTED
    assert _verify(verifier, "The embassy was closed for a week.",
                   "The embassy remained shut for a week.").verdict is Verdict.SUPPORTED
    out = _verify(verifier, "The bridge reopened to traffic on Monday.",
                  "The bridge remained closed to traffic on Monday.")
    assert out.verdict is Verdict.REFUTED, out.reason


# AVeriTeC claim 19 and the newsroom's classic: a thing named by another nationality
def test_a_thing_named_by_another_nationality_is_refuted_where_the_passage_names_one(verifier):
    _assert_refuted_citing(verifier, "A Russian tanker sank off the coast of Turkey.",
                           "A Greek tanker sank off the coast of Turkey on Monday.", "Greek")
    _assert_refuted_citing(verifier, "The French embassy in Sudan was attacked.",
                           "Protesters in Sudan attacked the German embassy.", "German embassy")
    # the claim's own nationality there too, or several others: no conflict
    for claim, passage in [
            ("A Russian tanker sank off the coast of Turkey.",
             "A Russian tanker sank off the coast of Turkey on Monday, and a Greek tanker was "
             "damaged."),
            ("Protesters attacked the French embassy.",
             "Protesters attacked the German embassy and the British embassy."),
            ("The French president visited Berlin.",
             "The French president visited Berlin, where the German chancellor met him."),
            # another event of the kind, another year (Climate-FEVER claim 840)
            ("At four degrees, the deadly European heat wave of 2003 will be a normal summer.",
             "The Summer 2006 North American heat wave was a severe heat wave that affected "
             "most of the United States and Canada."),
    ]:
        out = _verify(verifier, claim, passage)
        assert out.verdict is not Verdict.REFUTED, (claim, out.reason)


def test_a_deed_the_passage_says_none_of_happened_there_is_refuted(verifier):
    _assert_refuted_citing(verifier, "Two fans were arrested at the match.",
                           "There were no arrests at the match, police said.", "arrests")
    out = _verify(verifier, "A man died in police custody in March.",
                  "No deaths occurred in police custody in June.")
    assert out.verdict is not Verdict.REFUTED, out.reason  # another month


def test_an_attribution_its_speaker_did_not_make_is_refuted(verifier):
    # a fact-checker's "Q: Did X say Y? A: No." is read "X did not say Y" (verify/qa.py)
    for passage in ("Q: Did the minister say the tax would rise? A: No. He said it would stay "
                    "the same.",
                    "The minister never said the tax would rise, his office said.",
                    "The minister did not say the tax would rise."):
        _assert_refuted_citing(verifier, "The minister said the tax would rise.", passage, "said")
    # someone else not saying it, or a bare fact the speaker did not vouch for: not refuted
    for claim, passage in [
            ("The minister said the tax would rise.",
             "The opposition did not say the tax would rise."),
            ("The tax will rise.", "The minister did not say the tax would rise."),
    ]:
        out = _verify(verifier, claim, passage)
        assert out.verdict is Verdict.NOT_ENOUGH_EVIDENCE, (claim, passage, out.reason)


def test_an_attribution_claim_is_refuted_only_by_its_speaker_not_saying_it(verifier):
    from groundbrief.models import Brief, Claim, Passage, ScoredPassage, Source

    def judged(passage: str):
        claim = Claim(id="c1", kind="attribution", speaker="The minister",
                      text="The minister said the tax would rise.")
        sp = ScoredPassage(passage=Passage(id="p1", source_id="s1", ordinal=0, start=0,
                                           end=len(passage), text=passage),
                           source=Source(id="s1", title="News", outlet="Example News",
                                         text=passage), score=1.0)
        return verifier.verify(claim, [sp], Brief(text=claim.text, speaker="The minister"))

    out = judged("The minister did not say the tax would rise.")
    assert out.verdict is Verdict.REFUTED, out.reason
    # the speaker's own statement of another detail does not refute that he said it
    assert judged("The minister said the tax would fall.").verdict is not Verdict.REFUTED


@pytest.mark.parametrize("claim, passage, other", [
    ("The minister said the tax would rise.", "The opposition leader said the tax would rise.",
     "The opposition leader"),
    ("The union said the strike would end on Friday.",
     "The company said the strike would end on Friday.", "The company"),
])
def test_the_future_of_reported_speech_keeps_its_speaker(verifier, claim, passage, other):
    # "X said it would …" lost its speaker: another speaker's words were Supported (session 16)
    _assert_unconfirmed_citing(verifier, claim, passage, f"attribute it to {other}")


# probe_set18.tsv (written after session 16's first rules)
SET18_MISSES = [
    ("The train left on time.", "The train left two hours late.", "two hours late"),
    ("The flight landed on time.", "The flight landed 40 minutes late because of fog.",
     "40 minutes late"),
    ("The actor won an Oscar in 2015.", "The actor was nominated for an Oscar in 2015 but lost.",
     "lost"),
    ("The band cancelled its concert in Paris.", "The band played its concert in Paris as planned.",
     "as planned"),
    ("The suspect was released without charge.", "The suspect was charged with murder.",
     "charged with murder"),
    ("The mayor was re-elected.", "The mayor lost the election.", "lost"),
]


def test_the_same_result_told_from_the_other_side_or_on_time_is_no_conflict(verifier):
    for claim, passage in [
            ("The actor won an Oscar in 2015.", "The actor lost his father in 2015 but won an Oscar."),
            ("The team lost the final.", "The team was defeated in the final."),
            ("The train left on time.", "The train left on time, but the bus was late."),
            ("The mayor was re-elected.", "The mayor was re-elected on Sunday with 60 percent."),
    ]:
        out = _verify(verifier, claim, passage)
        assert out.verdict is Verdict.SUPPORTED, (claim, passage, out.reason)


@pytest.mark.parametrize("claim, passage", [
    ("The company's shares did not rise.", "The company's shares fell 3 percent."),
    ("The company's profit did not beat expectations.",
     "The company's profit fell short of expectations."),
    ("The company's profit beat expectations.",
     "The company's profit did not fall short of expectations."),
    ("The train never left on time.", "The train left two hours late."),
])
def test_a_negated_deed_told_by_its_opposite_is_not_refuted(verifier, claim, passage):
    # the claim's "not" against a passage without one was read as a flipped negation
    out = _verify(verifier, claim, passage)
    assert out.verdict is not Verdict.REFUTED, out.reason


def test_a_change_by_a_multiple_restates_a_rise_by_that_many_fold(verifier):
    assert _verify(verifier, "Exports to China doubled last year.",
                   "Exports to China rose twofold last year.").verdict is Verdict.SUPPORTED
    assert _verify(verifier, "Exports to China doubled last year.",
                   "Exports to China rose threefold last year.").verdict is not Verdict.SUPPORTED


# probe_set19.tsv (written at the end of session 16)
SET19_MISSES = [
    ("The jury found him guilty.", "The jury found him not guilty.", "not guilty"),
    ("Half of the staff were laid off.", "A quarter of the staff were laid off.", "A quarter"),
    ("The striker joined Barcelona.", "The striker joined Real Madrid.", "Real Madrid"),
]


@pytest.mark.parametrize("claim, passage, instead", SET17_MISSES + SET18_MISSES + SET19_MISSES)
def test_a_changed_detail_session_16_probes_found_is_refuted(verifier, claim, passage, instead):
    _assert_refuted_citing(verifier, claim, passage, instead)


def test_a_deed_stopped_before_it_came_and_a_place_visited_are_not_confirmed(verifier):
    _assert_unconfirmed_citing(verifier, "The ship reached port safely.",
                               "The ship sank before reaching port.", "sank before reaching")
    # a firm visited is no other place visited; a minority may be a quarter
    for claim, passage in [("The president visited France.", "The president visited Airbus."),
                           ("A minority of members backed the plan.",
                            "A quarter of members backed the plan.")]:
        out = _verify(verifier, claim, passage)
        assert out.verdict is not Verdict.REFUTED, (claim, out.reason)


# probe_set20.tsv (session 17, held out) and the rows its misses prompted: an earlier step of a
# course of events, the owner of the person the passage names, a level left unchanged
SESSION17_UNCONFIRMED = [
    ("The film won best picture.", "The film was nominated for best picture.",
     "nominated for best picture"),
    ("The virus has killed more than 500 people.", "The virus has infected more than 500 people.",
     "infected more than 500 people"),
    ("She was elected mayor.", "She ran for mayor.", "ran for mayor"),
    ("The suspect was charged with fraud.", "The suspect was arrested on suspicion of fraud.",
     "arrested on suspicion of fraud"),
    ("The senate ratified the treaty.", "The senate signed the treaty.", "signed the treaty"),
    ("The actor was convicted of assault.", "The actor was charged with assault.",
     "charged with assault"),
    ("The company bought the startup.", "The company made an offer for the startup.",
     "made an offer for the startup"),
    ("The attack was claimed by ISIS.", "Officials blamed the attack on ISIS.", "blamed the attack"),
    ("The minister was injured in the crash.", "The minister's driver was injured in the crash.",
     "The minister's driver"),
    ("Police arrested the mayor.", "Police arrested the mayor's brother.", "the mayor's brother"),
    ("The company will cut 500 jobs.", "The company cut 500 jobs last year.", "done last year"),
    ("The drug has been banned.", "The drug faces a ban.", "faces a ban"),
    ("The player was fined.", "The player risks a fine.", "risks a fine"),
    ("President Smith attended the summit.", "Former president Smith attended the summit.",
     "Former president Smith"),
    # probe_set21 (session 17, held out): another outcome of one kind, another penalty
    ("The governor pardoned the prisoner.", "The governor commuted the prisoner's sentence.",
     "commuted"),
    ("The airline was acquired by its rival.", "The airline merged with its rival.", "merged"),
    ("Two police officers were wounded in the shooting.",
     "Two police officers were killed in the shooting.", "killed in the shooting"),
    ("The court sentenced him to five years in prison.",
     "The court sentenced him to five years of probation.", "probation"),
    # a clause of the claim told in its main clause's sentence with another participant
    ("Protesters marched through the capital on Saturday, demanding the resignation of the "
     "prime minister.", "Protesters marched through the capital on Saturday, demanding early "
     "elections.", "demanding early elections"),
    # no answer is no stand; roles reversed about another thing are another deed
    ("The spokesman denied the report.", "The spokesman declined to comment on the report.",
     "declined to comment"),
    ("The ministry confirmed the deal.",
     "The ministry did not respond to a request for comment on the deal.", "did not respond"),
    ("The UN accused Russia of war crimes.", "Russia accused the UN of bias.", "Russia"),
    # the opposite deed done to what may be another one
    ("The company opened a new factory in Texas.", "The company closed its factory in Texas.",
     "closed its factory"),
    # probe_set22 (session 17, held out): a deed owed is not done; other outcomes
    ("The company paid a fine of $2 million.", "The company was ordered to pay a fine of $2 million.",
     "asked or ordered"),
    ("The hospital treated 30 patients.", "The hospital turned away 30 patients.",
     "turned away 30 patients"),
    ("The actor was born in Dublin.", "The actor lives in Dublin.", "lives in Dublin"),
]


SESSION17_REFUTED = [
    ("The opposition won a majority in parliament.",
     "The opposition fell short of a majority in parliament.", "fell short of a majority"),
    ("The factory in Ohio will close next year.", "The factory in Michigan will close next year.",
     "Michigan"),
    ("The central bank raised rates.", "The central bank left rates unchanged.",
     "left rates unchanged"),
    ("The central bank cut interest rates.", "The central bank held interest rates at 5 percent.",
     "held interest rates at 5 percent"),
    ("Unemployment fell in March.", "Unemployment remained unchanged in March.", "unchanged"),
    ("More than 100 people were arrested.", "Nearly 100 people were arrested.", "Nearly 100"),
    ("The protest was legal.", "Police declared the protest unlawful.", "declared unlawful"),
    ("The tax cut applies to all households.",
     "The tax cut applies only to low-income households.", "only to low-income households"),
    # probe_set21 (session 17, held out): a failure to do the deed, an announcement denied
    ("Doctors removed the tumour successfully.", "Doctors were unable to remove the tumour.",
     "unable to remove"),
    ("The mayor announced her resignation on Tuesday.",
     "The mayor denied on Tuesday that she would resign.", "denied that she would resign"),
    ("The mayor announced her resignation.", "The mayor said she would not resign.",
     "she would not resign"),
    # another place after the claim's words, wherever the parse hangs it
    ("The earthquake, which struck off the coast of Chile on Tuesday, killed 12 people.",
     "A magnitude 7.1 earthquake struck off the coast of Peru on Tuesday. Authorities said 12 "
     "people were killed.", "Peru"),
    ("The ship sailed from Lisbon to New York.", "The ship sailed from Lisbon to Boston.", "Boston"),
]


@pytest.mark.parametrize("claim, passage", [
    # a later step implies the earlier; the claim's deed told beside the earlier step
    ("The suspect was arrested.", "The suspect was charged with murder after his arrest."),
    ("She was elected mayor.", "She won the mayoral election."),
    ("The film won best picture.", "The film, nominated in six categories, won best picture."),
    # the boy's condition is told of the boy; a deed done on another day of a future claim
    ("The company will cut 500 jobs.", "The company cut 500 jobs on Monday."),
    # a level held in one clause and changed in another
    ("Shares rose on Monday.", "Shares were flat in early trade but rose later on Monday."),
    ("Sales rose 5 percent.", "Sales rose 5 percent while costs held steady."),
    ("The president was impeached.", "The president was impeached and faces a trial in the Senate."),
    ("The strike was illegal.", "A court ruled the strike illegal."),
    ("Smith attended the summit.", "Former president Smith attended the summit."),
    ("Nearly 100 people were arrested.", "Almost 100 people were arrested."),
    ("The festival was moved to September.", "Organisers postponed the festival until September."),
    ("The team signed the striker on a three-year contract.",
     "The striker joined the team on a three-year deal."),
    ("He was sentenced to five years in prison.", "A court sentenced him to five years in jail."),
    ("The airline was acquired by its rival.", "The airline was bought by its rival."),
    ("The mayor announced her resignation.",
     "The mayor announced her resignation and denied that she had been forced out."),
    ("The earthquake struck off the coast of Chile.",
     "The earthquake struck off the coast of northern Chile."),
    ("Protesters marched through the capital on Saturday, demanding the resignation of the "
     "prime minister.", "Protesters marched through the capital on Saturday, demanding the "
     "prime minister's resignation."),
    ("The spokesman denied the report.",
     "The spokesman denied the report but declined to comment further."),
    ("The firm cut its forecast.", "The firm lowered its forecast."),
    ("The ship sank off the coast of Italy.", "The ship went down off the coast of Italy."),
    ("The champion was beaten in the semi-final.", "The champion lost in the semi-final."),
    ("The company paid the fine.", "The company was forced to pay the fine."),
    ("The actor lives in Dublin.", "The actor, who was born in Cork, lives in Dublin."),
])
def test_session_17_rules_leave_a_restatement_alone(verifier, claim, passage):
    out = _verify(verifier, claim, passage)
    assert out.verdict is Verdict.SUPPORTED, out.reason


def test_a_boys_condition_is_the_boys():
    # the possessor rule is for persons owned ("the minister's driver"), not a state of the owner
    from groundbrief.verify.participants import arg_same
    from groundbrief.verify.parts import frames_of

    [boy] = frames_of("The boy's condition improved.")
    [driver] = frames_of("The minister's driver was hurt.")
    [minister] = frames_of("The minister was hurt.")
    assert not arg_same(minister.args["patient"], driver.args["patient"])
    assert arg_same(frames_of("The boy recovered.")[0].args["agent"], boy.args["agent"])


# probe_set23.tsv (session 18, held out) and the rows its misses prompted
SESSION18_UNCONFIRMED = [
    # what the deed was done to, in no word of the passage (parsed with no object)
    ("The drug reduced deaths by 30 percent.",
     "The drug reduced hospital admissions by 30 percent.", "deaths"),
    # a lesser harm, another way to leave a post
    ("The fire destroyed 40 homes.", "The fire damaged 40 homes.", "damaged 40 homes"),
    ("The chief executive stepped down on Monday.", "The chief executive was fired on Monday.",
     "fired on Monday"),
    # probe_set24 (session 18, held out): a siege before the fall, a kidnapping for a killing, a
    # vote still ahead, a deed done outside the thing, the roles reversed with a member named
    ("The rebels captured the city.", "The rebels surrounded the city.", "surrounded the city"),
    ("Two soldiers were killed in the attack.", "Two soldiers were kidnapped in the attack.",
     "kidnapped"),
    ("The prime minister won the confidence vote.", "The prime minister faces a confidence vote.",
     "faces a confidence vote"),
    ("Protesters set fire to the parliament building.",
     "Protesters gathered outside the parliament building.", "gathered outside"),
    ("The police shot the suspect.", "The suspect shot a police officer.",
     "The suspect shot a police officer"),
    # a future fixed ("is set to") is no deed done
    ("The factory was closed in June.", "The factory is set to close in June.", "yet to happen"),
    # probe_set25 (session 18, held out): questioned before a confession
    ("The suspect confessed to the killing.", "The suspect was questioned about the killing.",
     "questioned about the killing"),
    # probe_set26 (session 18, held out): a review before the ruling
    ("The regulator approved the merger.", "The regulator is reviewing the merger.",
     "reviewing the merger"),
    # probe_set27 (session 18, held out): another outcome for a suspect
    ("Police arrested the gunman.", "Police shot the gunman.", "shot the gunman"),
    # probe_set28 (session 18, held out): money raised is not money spent
    ("The charity raised $1 million.", "The charity spent $1 million.", "spent"),
]


# sessions 17 and 18: another step, deed, thing or participant
@pytest.mark.parametrize("claim, passage, instead", SESSION17_UNCONFIRMED + SESSION18_UNCONFIRMED)
def test_another_deed_step_or_participant_probed_is_not_confirmed(verifier, claim, passage,
                                                                   instead):
    _assert_unconfirmed_citing(verifier, claim, passage, instead)


SESSION18_REFUTED = [
    # the deed, named by its noun, kept from happening
    ("The suspect was extradited to the United States.",
     "A court blocked the suspect's extradition to the United States.", "blocked"),
    ("The team was relegated.", "The team avoided relegation.", "avoided relegation"),
    # the third side of a vote
    ("The senator voted for the bill.", "The senator abstained in the vote on the bill.",
     "abstained"),
    # probe_set24 (session 18, held out): a level frozen or kept unchanged; "found not guilty"
    ("The government raised the minimum wage.", "The government froze the minimum wage.", "froze"),
    ("The bank cut its growth forecast.", "The bank kept its growth forecast unchanged.",
     "unchanged"),
    ("The court convicted the former minister.",
     "The former minister was found not guilty by the court.", "not guilty"),
    # probe_set25 (session 18, held out): opposite deeds no list held; a passive's "by" that
    # measures ("extended by a week"); the opposite told by the one it was done to; another
    # member of a closed kind (kin, offences); a verb against its own phrasal verb
    ("The governor declared a state of emergency.", "The governor lifted the state of emergency.",
     "lifted"),
    ("The ceasefire was extended by a week.", "The ceasefire expired after a week.", "expired"),
    ("The boxer retained his title.", "The boxer lost his title.", "lost"),
    ("The company was fined by regulators.", "The company was cleared by regulators.", "cleared"),
    ("The ship was seized by pirates.", "The ship escaped from pirates.", "escaped"),
    ("The union called a strike.", "The union called off a strike.", "called off"),
    ("The president pardoned his son.", "The president pardoned his brother.", "his brother"),
    ("The minister's son was arrested.", "The minister's daughter was arrested.", "daughter"),
    ("The jury found the officer guilty of murder.",
     "The jury found the officer guilty of manslaughter.", "manslaughter"),
    ("The officer was charged with fraud.", "The officer was charged with theft.", "theft"),
    # probe_set26 (session 18, held out): more opposites; the same thing with the opposite mark
    ("The player signed a new contract with the club.",
     "The player rejected a new contract with the club.", "rejected"),
    ("The council voted unanimously to approve the plan.",
     "The council narrowly voted to approve the plan.", "narrowly"),
    ("The government nationalised the railway.", "The government privatised the railway.",
     "privatised"),
    ("The actor was hospitalised.", "The actor was discharged from hospital.", "discharged"),
    ("The earthquake struck at dawn.", "The earthquake struck at dusk.", "dusk"),
    ("The storm hit the north coast.", "The storm hit the south coast.", "the south coast"),
    ("The museum attracted more visitors than last year.",
     "The museum attracted fewer visitors than last year.", "fewer visitors"),
    # probe_set27 (session 18, held out): a rank of a clause whose subject is a pronoun; the
    # other end of a scale; a near miss; forced out
    ("She was the country's first female president.",
     "She was the country's second female president.", "second"),
    ("He became the youngest player to score in a final.",
     "He became the oldest player to score in a final.", "old"),
    ("The river burst its banks.", "The river came close to bursting its banks.",
     "came close to bursting"),
    ("The river burst its banks.", "The river nearly burst its banks.", "nearly burst"),
    ("The minister survived the scandal.", "The minister was forced out over the scandal.",
     "forced out"),
    # probe_set28 (session 18, held out): another office of one kind (the tagger calls "CFO" an
    # organisation); opposites no list held
    ("The CEO resigned.", "The CFO resigned.", "The CFO"),
    ("The king abdicated.", "The king was crowned.", "crowned"),
    ("The court released the journalist on bail.", "The court denied the journalist bail.",
     "denied"),
    ("The senator endorsed the candidate.", "The senator criticised the candidate.",
     "criticised"),
    # probe_set29 (end of session 18, held out): a change someone makes up against one down
    ("The airline increased fares.", "The airline lowered fares.", "lowered"),
    ("The report praised the police.", "The report blamed the police.", "blamed"),
]


# sessions 17 and 18: a changed detail their probe sets found
@pytest.mark.parametrize("claim, passage, instead", SESSION17_REFUTED + SESSION18_REFUTED)
def test_a_changed_detail_probes_found_is_refuted(verifier, claim, passage, instead):
    _assert_refuted_citing(verifier, claim, passage, instead)


@pytest.mark.parametrize("claim, passage", [
    # the deed told beside a bid to prevent it
    ("The suspect was extradited to the United States.",
     "The suspect was extradited to the United States after a court blocked a bid to halt his "
     "extradition."),
    # the object reworded, or the object of a verb that only carries it ("made landfall")
    ("The drug reduced deaths by 30 percent.", "The drug cut fatalities by 30 percent."),
    ("The storm made landfall in Louisiana on Sunday.", "On Sunday the storm came ashore in Louisiana."),
    # a greater harm backs the lesser; a vote and others' abstentions
    ("The fire damaged 40 homes.", "The fire destroyed 40 homes."),
    ("The senator voted for the bill.", "The senator voted for the bill, while two colleagues abstained."),
    ("The chief executive stepped down on Monday.", "The chief executive quit on Monday."),
    ("The court convicted the former minister.", "The court found the former minister guilty."),
    ("The police shot the suspect.", "A police officer shot the suspect."),
    ("The rebels captured the city.", "The rebels surrounded and then captured the city."),
    ("The prime minister won the confidence vote.",
     "The prime minister, who faced a confidence vote on Tuesday, won it."),
    ("The factory will be closed in June.", "The factory is set to close in June."),
    ("The minister will resign.", "The minister is due to resign next week."),
    ("Germany beat France 2-1.", "France lost 2-1 to Germany."),
    ("The ceasefire was extended by a week.", "The ceasefire was extended by a week on Monday."),
    ("The union called off the strike.", "The union called off the strike on Monday."),
    ("The jury found the officer guilty of murder.",
     "The jury found the officer guilty of murder and assault."),
    ("The officer was found guilty of murder.", "The jury found the officer guilty of murder on Friday."),
    # a bill "passed the Senate" when the Senate passed it
    ("The bill passed the Senate.", "The Senate passed the bill."),
    ("The storm hit the north coast.", "The storm hit the north coast and the south coast."),
    ("He resigned on Monday.", "He resigned on Monday, his office said."),
    ("Almost 100 people died.", "Nearly 100 people died in the floods."),
    ("The river burst its banks.", "The river burst its banks, nearly flooding the town."),
    ("Police arrested the gunman.", "Police shot and arrested the gunman."),
])
def test_session_18_rules_leave_a_restatement_alone(verifier, claim, passage):
    out = _verify(verifier, claim, passage)
    assert out.verdict is Verdict.SUPPORTED, out.reason


def test_a_common_noun_opening_the_sentence_is_no_name():
    # "Turnout" opening the claim was tagged a PERSON, and "no source gives the name" followed
    from groundbrief.verify.parts import claim_frames

    [frame] = claim_frames("Turnout was 62 percent.")
    assert frame.args["agent"].name_type is None
    [smith] = claim_frames("Smith was elected.")
    assert smith.args["patient"].name_type == "PERSON"


def test_the_lack_of_a_thing_told_with_a_verb_of_losing_is_no_flipped_negation(verifier):
    # "without power" / "lost power" was Refuted ("sources say the opposite")
    out = _verify(verifier, "The storm left 10,000 homes without power.",
                  "Some 10,000 homes lost power in the storm.")
    assert out.verdict is not Verdict.REFUTED, out.reason
    from groundbrief.verify.checks import check_negation

    assert not check_negation("The storm left 10,000 homes without power.",
                              "Some 10,000 homes lost power in the storm.").mismatch
    assert check_negation("The storm left 10,000 homes without power.",
                          "The storm left 10,000 homes with power.").claim_cues == ("without",)


def test_nearly_before_a_figure_is_a_bound_not_a_near_miss(verifier):
    # AVeriTeC claims 203/231: "Its nearly 7 million." was read as a deed that almost happened
    out = _verify(verifier, "Nigeria's urban population at independence was approximately 7 million",
                  "Q: Was Nigeria's urban population at independence approximately 7 million? "
                  "A: The report estimates Nigeria's 1960 urban population at 6.96 million. "
                  "Its nearly 7 million.")
    assert out.verdict is not Verdict.REFUTED, out.reason


def test_an_object_no_word_names_is_read_in_the_main_clause_only(verifier):
    # a subordinate clause's object ("controlling earth temperatures") left to the model
    # (a Climate-FEVER pair, gold SUPPORTS, lost its support to the main-clause rule)
    from groundbrief.verify.roles import compare

    sub = compare("They say we are the primary forces controlling earth temperatures by the "
                  "burning of fossil fuels.", "The main sources of greenhouse gases are the "
                  "burning of fossil fuels and deforestation.", similar=verifier.word_similarity)
    assert not any(f.role == "object" for f in sub.findings)
    main = compare("The drug reduced deaths by 30 percent.",
                   "The drug reduced hospital admissions by 30 percent.",
                   similar=verifier.word_similarity)
    assert any(f.role == "object" and f.claim == "deaths" for f in main.findings)


# session 19: another deed of the claim's participants, in a verb WordNet does not link to the
# claim's (verify/verb_kin.py); probe_set30's first run had four of them Supported
SESSION19_UNCONFIRMED = [
    ("Rebels captured the city.", "Rebels shelled the city.", "shelled"),
    ("The teacher was honoured by the school.", "The teacher was suspended by the school.",
     "suspended"),
    ("The suspect confessed to the murder.", "The suspect denied the murder.", "denied"),
    ("The company recalled 2 million cars.", "The company sold 2 million cars.", "sold"),
    ("The volcano erupted on Sunday.", "The volcano rumbled on Sunday.", "rumbled"),
    ("The mayor opened the new bridge.", "The mayor inspected the new bridge.", "inspected"),
    ("The ambassador was summoned by the ministry.", "The ambassador was thanked by the ministry.",
     "thanked"),
    ("The factory was built in 1990.", "The factory was closed in 1990.", "closed"),
]


@pytest.mark.parametrize("claim, passage, instead", SESSION19_UNCONFIRMED)
def test_another_deed_in_an_unlinked_verb_is_not_confirmed(verifier, claim, passage, instead):
    _assert_unconfirmed_citing(verifier, claim, passage, instead)


@pytest.mark.parametrize("claim, passage", [
    # one deed in two verbs: WordNet links them, the paraphrase groups hold them, a noun derived
    # from the claim's verb, one side of a vote, a step of one course, a broad verb
    ("The minister resigned.", "The minister stepped down."),
    ("Police detained the suspect.", "Police arrested the suspect."),
    ("The council approved the new stadium.", "The new stadium won the council's approval."),
    ("The senator backed the treaty.", "The senator voted for the treaty."),
    ("The airline suspended flights to Kyiv.", "The airline halted its flights to Kyiv."),
    ("Inflation slowed in March.", "Inflation eased in March."),
    ("The pilot survived the crash.", "The pilot escaped the crash alive."),
    ("The court sentenced him to 15 years in prison.", "He was jailed for 15 years by the court."),
    ("The company hired 500 workers.", "The company took on 500 new workers."),
    ("Rebels captured the city.", "The city fell to rebels."),
    ("The talks were held in Geneva.", "Geneva hosted the talks."),
])
def test_one_deed_in_two_linked_verbs_is_still_supported(verifier, claim, passage):
    out = _verify(verifier, claim, passage)
    assert out.verdict is Verdict.SUPPORTED, out.reason


def test_another_verb_about_other_participants_is_left_to_the_other_checks():
    # the gate reads a deed of the claim's own doer and done-to: "increases in CO2" strengthened
    # an "absorption", not the "increases in temperature" the claim's clause followed
    from groundbrief.verify.roles import compare

    judged = compare("Increases in atmospheric CO2 followed increases in temperature.",
                     "Increases in atmospheric concentrations of CO 2 have correspondingly "
                     "strengthened their absorption of infrared radiation.")
    assert not any(f.role == "predicate" and "followed" in f.claim for f in judged.findings)
    shelled = compare("Rebels captured the city.", "Rebels shelled the city.")
    assert any(f.role == "predicate" and f.claim == "captured" for f in shelled.findings)


# probe_set31 (session 19, held out): a phrasal verb is its own deed; a level kept where the
# claim changes it; the claim's deed ruled out as the complement of "ruled out"
@pytest.mark.parametrize("claim, passage, instead", [
    ("The plane landed in Oslo.", "The plane took off from Oslo.", "took off"),
    ("The referee sent off two players.", "The referee booked two players.", "booked"),
    ("The striker signed for Arsenal.", "The striker trained with Arsenal.", "trained"),
    ("The player was transferred to Chelsea.", "The player was loaned to Chelsea.", "loaned"),
    ("The government will raise the pension age.",
     "The government has ruled out raising the pension age.", "ruled out"),
])
def test_another_deed_probe_set31_is_not_confirmed(verifier, claim, passage, instead):
    _assert_unconfirmed_citing(verifier, claim, passage, instead)


def test_a_level_kept_at_a_figure_refutes_a_change_to_it(verifier):
    _assert_refuted_citing(verifier, "The bank raised interest rates to 5%.",
                           "The bank kept interest rates at 5%.", "kept")


@pytest.mark.parametrize("claim, passage", [
    ("The fire was caused by a faulty heater.", "A faulty heater started the fire."),
    ("The company hired 500 workers.", "The company took on 500 new workers."),
    ("The bill passed the Senate.", "The bill cleared the Senate."),
])
def test_one_deed_in_two_verbs_probe_set31_is_still_supported(verifier, claim, passage):
    out = _verify(verifier, claim, passage)
    assert out.verdict is Verdict.SUPPORTED, out.reason


# probe_set32 (session 19, held out): a share the parse leaves before the article, dissent told
# in words against "unanimously", a deed only urged
@pytest.mark.parametrize("claim, passage, instead", [
    ("The strike closed all schools in the city.", "The strike closed half the schools in the city.",
     "half the schools"),
    ("The UN Security Council adopted the resolution unanimously.",
     "The UN Security Council adopted the resolution with two abstentions.", "abstentions"),
    ("The council approved the plan unanimously.",
     "The council approved the plan, with two members voting against.", "voting against"),
])
def test_a_changed_detail_probe_set32_is_refuted(verifier, claim, passage, instead):
    _assert_refuted_citing(verifier, claim, passage, instead)


def test_a_deed_only_urged_is_not_confirmed(verifier):
    _assert_unconfirmed_citing(verifier, "Authorities evacuated 3,000 residents ahead of the storm.",
                               "Authorities urged 3,000 residents to evacuate ahead of the storm.",
                               "urged 3,000 residents to evacuate")


@pytest.mark.parametrize("claim, passage", [
    ("Authorities urged residents to evacuate.", "Authorities urged residents to evacuate on Monday."),
    ("The strike closed half the schools.", "The strike closed half the schools in the city."),
    ("The council approved the plan unanimously.", "The council unanimously approved the plan on Monday."),
])
def test_probe_set32_rules_leave_a_restatement_alone(verifier, claim, passage):
    out = _verify(verifier, claim, passage)
    assert out.verdict is Verdict.SUPPORTED, out.reason


def test_a_two_sided_deed_told_from_the_other_side_is_no_opposite(verifier):
    # probe_set33 (session 19, held out): "borrowed ... from the bank" was Refuted as the
    # opposite of "lent", the parse having read "the government" as what was lent
    out = _verify(verifier, "The bank lent the government $1 billion.",
                  "The government borrowed $1 billion from the bank.")
    assert out.verdict is Verdict.SUPPORTED, out.reason
    _assert_refuted_citing(verifier, "The bank lent the government $1 billion.",
                           "The government lent the bank $1 billion.", "government")


def test_a_thing_kept_where_it_was_does_not_confirm_its_move(verifier):
    # probe_set34 (session 19, held out)
    _assert_unconfirmed_citing(verifier, "The company moved its headquarters to Dublin.",
                               "The company kept its headquarters in Dublin.", "kept")
    out = _verify(verifier, "The company moved its headquarters to Dublin.",
                  "The company relocated its headquarters to Dublin.")
    assert out.verdict is Verdict.SUPPORTED, out.reason


def test_the_doer_and_the_one_it_went_to_swapped_is_refuted(verifier):
    # probe_set35 (session 19, held out)
    _assert_refuted_citing(verifier, "The charity donated the money to the hospital.",
                           "The hospital donated the money to the charity.", "hospital")
    # talking goes either way round
    out = _verify(verifier, "The president spoke to the prime minister.",
                  "The prime minister spoke to the president.")
    assert out.verdict is Verdict.SUPPORTED, out.reason


@pytest.mark.parametrize("claim, passage, instead", [
    # probe_set35 (session 19, held out): a fraction of a unit told in words
    ("Reuters reported that the central bank raised rates by half a point.",
     "Reuters reported that the central bank raised rates by a quarter point.", "a quarter point"),
    ("The central bank cut rates by three quarters of a point.",
     "The central bank cut rates by a quarter point.", "a quarter point"),
])
def test_another_fraction_of_a_unit_is_refuted(verifier, claim, passage, instead):
    _assert_refuted_citing(verifier, claim, passage, instead)


def test_the_same_fraction_of_a_unit_is_supported(verifier):
    out = _verify(verifier, "The central bank cut rates by half a percentage point.",
                  "The central bank cut rates by half a percentage point on Thursday.")
    assert out.verdict is Verdict.SUPPORTED, out.reason


# Session 20: rows of session 19's last held-out set (probe_set36) and of the four rounds'
# sets (probe_set37-40, each written by a helper that read neither the code nor the earlier
# sets), and of earlier sets still Supported at session 19's end; one table per reading, each
# row with what the reason must show.
SESSION20_REFUTED = [
    # states and deeds turned around (probe_set36)
    ("The child was found safe.", "The child was found injured.", "injured"),
    ("The hostages were released unharmed.", "The hostages were released wounded.", "wounded"),
    ("The factory polluted the river.", "The factory cleaned up the river.", "cleaned up"),
    ("The strike was suspended.", "The strike was extended.", "extended"),
    # a share of a group, a route, a share of those who said it, a speaker speaking of itself
    # (probe_set37)
    ("The carmaker said it would cut 1,200 jobs, roughly a quarter of its workforce.",
     "The carmaker said it would cut 1,200 jobs, roughly a tenth of its workforce.",
     "a tenth of its workforce"),
    ("The ferry, which was sailing from the island of Naxos to Piraeus, ran aground.",
     "The ferry, which was sailing from Piraeus to the island of Naxos, ran aground.",
     "from Piraeus to Naxos"),
    ("More than half of the 2,000 teachers surveyed said they planned to leave the profession.",
     "Nearly half of the 2,000 teachers surveyed said they planned to leave the profession.",
     "Nearly half"),
    ("Credit Suisse said it will issue 154 mln Swiss francs of notes.",
     "Standard Oil Co said it will issue 154 mln Swiss francs of notes.", "Standard Oil Co"),
    # found dead / still missing, back online / still offline (probe_set38)
    ("Two climbers were rescued from K2 on Wednesday, while a third member of the expedition "
     "was found dead.", "Two climbers were rescued from K2 on Wednesday, while a third member of "
     "the expedition remains missing.", "missing"),
    ("The reactor, which was shut down in 2019, is back online, the operator said.",
     "The reactor, which was shut down in 2019, remains offline, the operator said.", "offline"),
    # a transfer reversed, the two sides of one strike (probe_set39)
    ("Striker Lukas Brenner has joined Hamburg from Celtic on a four-year contract.",
     "Striker Lukas Brenner has joined Celtic from Hamburg on a four-year contract.",
     "Celtic from Hamburg"),
    ("Primary school teachers went ahead with their strike on Wednesday, the union said.",
     "The union called off Wednesday's strike by primary school teachers.", "called off"),
    # new opposites, a level that came the other way (probe_set40)
    ("Rebel forces seized the town of Sake on Sunday.", "Rebel forces withdrew from the town of "
     "Sake on Sunday.", "withdrew"),
    ("The university will abolish tuition fees for students from outside the EU.",
     "The university will introduce tuition fees for students from outside the EU.", "introduce"),
    ("Exports fell to 5 billion euros.", "Exports reached 5 billion euros, up from 4.2 billion.",
     "up from 4.2 billion"),
]

SESSION20_UNCONFIRMED = [
    # a verb of a state without its state, an undoing against a broad verb, the same doer's
    # other deed to a done-to told otherwise (probe_set36)
    ("Doctors removed the tumour.", "Doctors found the tumour.", "found the tumour"),
    ("Protesters occupied the square.", "Protesters left the square.", "left the square"),
    ("The mayor announced a curfew in the city.", "The mayor lifted the curfew in the city.",
     "lifted the curfew"),
    ("The team signed a new goalkeeper.", "The team sold its goalkeeper.", "sold its goalkeeper"),
    # earlier sets' rows still Supported at session 19's end: a broad verb against a release; a
    # deed that befalls its subject against one done to it; an earlier step of a work
    ("The rebels released 20 hostages.", "The rebels took 20 hostages.", "took 20 hostages"),
    ("The fire started in the kitchen.", "The fire was put out in the kitchen.", "put out"),
    ("The novel was published in 1995.", "The novel was written in 1995.", "written"),
    # an earlier step; a quotation its source gives to someone else ("will" kept the speaker off
    # the clause) (probe_set37)
    ("Government troops retook the town of Kidal on Sunday.",
     "Government troops surrounded the town of Kidal on Sunday.", "surrounded"),
    ("Health Secretary Ruth Adeyemi said: \u201cWe will not accept a pay offer below "
     "inflation.\u201d", "Union leader Mark Ellison said: \u201cWe will not accept a pay offer "
     "below inflation.\u201d", "Mark Ellison"),
    ("\"We will not accept the offer,\" Ruth Adeyemi said.",
     "\"We will not accept the offer,\" Mark Ellison said.", "Mark Ellison"),
    # an earlier step; a kind of the whole (probe_set38)
    ("Rebel fighters overran an army base outside the town overnight.",
     "Rebel fighters attacked an army base outside the town overnight.", "attacked"),
    ("Teachers at all schools across the region will strike on Thursday.",
     "Teachers at primary schools across the region will strike on Thursday.", "primary schools"),
    ("All flights were cancelled on Monday.", "All domestic flights were cancelled on Monday.",
     "domestic flights"),
    # a link found is no cause (and a "not" of the caveat's clause is no refutation); asked of
    # them is not agreed by them (probe_set39)
    ("Smoking causes lung cancer.", "Smoking was linked to lung cancer in the study, though the "
     "authors said the link may not be causal.", "linked to lung cancer"),
    ("The drug reduced deaths by 30%.", "The drug was associated with 30% fewer deaths.",
     "associated with"),
    ("Germany agreed to supply air-defence systems to Ukraine.",
     "Ukraine asked Germany to supply air-defence systems.", "asked or ordered"),
    ("The firm agreed to pay $5 million to settle the lawsuit.",
     "The firm was ordered to pay $5 million after losing the lawsuit.", "asked or ordered"),
    # an appeal brought is not one won (probe_set40)
    ("The jailed journalist won an appeal against his sentence.",
     "Lawyers for the jailed journalist filed an appeal against his sentence.", "filed an appeal"),
    # a prevention the claim tells too is no refutation (probe_set37)
    ("The prime minister struck a deal with union leaders on Monday in an effort to avert a "
     "nationwide strike.", "The prime minister held talks with union leaders on Monday in an "
     "effort to avert a nationwide strike.", "talks"),
]

SESSION20_SUPPORTED = [
    # what the rules must leave alone (probe_set36)
    ("Two soldiers were killed in the attack.", "The attack left two soldiers dead."),
    ("The court convicted the former president.", "The court found the former president guilty."),
    ("The mayor announced the lifting of the curfew.", "The mayor lifted the curfew."),
    ("Protesters occupied the square.", "Protesters took over the square."),
    ("The child was found safe.", "The child was found unharmed."),
    ("Police discovered the body.", "Police found the body."),
    ("The rebels released 20 hostages.", "The rebels freed 20 hostages."),
    ("The novel was published in 1995.", "The novel came out in 1995."),
    ("The ship sank off the coast.", "The ship was sunk off the coast."),
    ("The government collapsed in March.", "The government was toppled in March."),
    # restatements the rules refuted or left unconfirmed at the first runs (probe_set37, 38, 40)
    ("Rescuers brought 12 miners to safety after they had been trapped in a coal mine in Shanxi.",
     "Twelve miners were rescued after spending four days trapped in a coal mine in Shanxi province."),
    ("A proposal to increase the canton's minimum wage to 25 francs an hour was voted down, with "
     "58% opposing it.", "Voters in the canton rejected a proposal to raise the minimum wage to 25 "
     "francs an hour, with 58% voting against."),
    ("A fire at an east London warehouse was extinguished by firefighters early on Saturday, and "
     "nobody was hurt.", "Firefighters put out a blaze at a warehouse in east London early on "
     "Saturday; no one was injured."),
    ("Lawmakers rejected the government's pension reform late on Tuesday, with 302 voting against "
     "and 251 in favour.", "Parliament voted down the government's pension reform by 302 votes to "
     "251 late on Tuesday."),
    ("All 14 crew members escaped unharmed when their ship ran aground on Tuesday.",
     "A cargo ship ran aground on Tuesday; none of its 14 crew members were hurt."),
    ("Italian unemployment dropped to 6.8 percent in May, Istat said.",
     "Italy's unemployment rate fell to 6.8 percent in May, the statistics agency Istat said."),
    # what the rules must leave alone (probe_set38, 39)
    ("Teachers at all schools will strike on Thursday.",
     "Teachers at all schools will strike on Thursday over pay."),
    ("The jury found him guilty.", "The jury found him guilty of murder on Friday."),
    ("Coffee lowers the risk of diabetes.", "Coffee lowers the risk of diabetes, a study linked "
     "to the university found."),
    ("Germany was asked to supply air-defence systems.",
     "Ukraine asked Germany to supply air-defence systems."),
    ("The striker joined Celtic from Hamburg.", "The striker has joined Celtic from Hamburg on a "
     "four-year contract."),
]


@pytest.mark.parametrize("claim, passage, instead", SESSION20_REFUTED)
def test_session20_changes_are_refuted(verifier, claim, passage, instead):
    _assert_refuted_citing(verifier, claim, passage, instead)


@pytest.mark.parametrize("claim, passage, instead", SESSION20_UNCONFIRMED)
def test_session20_changes_are_not_confirmed(verifier, claim, passage, instead):
    _assert_unconfirmed_citing(verifier, claim, passage, instead)


@pytest.mark.parametrize("claim, passage", SESSION20_SUPPORTED)
def test_session20_restatements_are_supported(verifier, claim, passage):
    out = _verify(verifier, claim, passage)
    assert out.verdict is Verdict.SUPPORTED, out.reason


def test_a_prefixed_irregular_verb_tagged_as_a_base_form_gets_its_lemma():
    from groundbrief import nlp

    doc = nlp.parse("Government troops retook the town.")
    assert [t.lemma_ for t in doc if t.pos_ == "VERB"] == ["retake"]
