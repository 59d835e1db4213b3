"""What the reader sees beside a refuted or conflicting claim, and the verify stage's detail gate.

The unit tests feed the real functions real models (no stand-ins); the rendering tests use the
explainer fixtures, whose citations are cut from the real Wikinews articles.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import html5lib
import pytest

from groundbrief.compose.corrections import confirmation, conflicts, correction
from groundbrief.models import (
    Citation, Claim, ClaimVerification, Explainer, PassageJudgement, Verdict,
)
from groundbrief.render.html import render_html
from groundbrief.render.json import render_json
from groundbrief.render.markdown import render_markdown
from groundbrief.schema import validate_explainer_json
from groundbrief.verify.checks import missing_facts
from groundbrief.verify.gate import gate, missing_details
from tests.conftest import conflicting_navalny

FIXTURES = Path(__file__).parent / "fixtures" / "explainers"
MUGABE = ("Robert Mugabe, former president of Zimbabwe, has died, according to current president "
          "Emmerson Mnangagwa on Friday. He was 95. Mugabe was hospitalized in Singapore.")


def load(name: str) -> Explainer:
    return Explainer.model_validate_json((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def cite(pid: str, quote: str, support: float = 0.0, contradiction: float = 0.0) -> Citation:
    return Citation(source_id=pid.split("#")[0], passage_id=pid, start=0, end=len(quote),
                    quote=quote, support=support, contradiction=contradiction)


def refuted(text: str, quote: str, says: list[str], sentence: str | None) -> Claim:
    c = cite("s1#p0", quote, contradiction=0.6)
    return Claim(id="c1", text=text, verdict=Verdict.REFUTED, evidence=[c],
                 reason="sources refute it", signals={
                     "refuting": ["s1#p0"],
                     "correction": {"passage_id": "s1#p0", "sentence": sentence, "says": says}})


# ---------------------------------------------------------------- the correction's sentence


def test_correction_shows_the_sentence_with_the_sources_value_after_the_aligned_one():
    claim = refuted("Robert Mugabe died aged 89.", MUGABE, ["sources say 95, not 89 (the age)"],
                    MUGABE.split(" He was")[0])
    s = correction(claim)
    assert s is not None
    # Verbatim from the passage: the aligned sentence names him, the next gives his age.
    assert s.text in MUGABE and s.text.endswith("He was 95.")
    assert s.text.startswith("Robert Mugabe, former president")
    assert s.citations == claim.evidence


def test_correction_without_a_value_falls_back_to_the_aligned_sentence_then_the_closest():
    claim = refuted("Mugabe died in Harare.", MUGABE, [], "Mugabe was hospitalized in Singapore.")
    assert correction(claim).text == "Mugabe was hospitalized in Singapore."
    claim = refuted("Mugabe was hospitalized in Singapore for months.", MUGABE, [], None)
    assert correction(claim).text == "Mugabe was hospitalized in Singapore."


def test_a_conflict_that_differs_only_by_a_negation_is_not_worded_as_one():
    claim = refuted("Tests found no trace of poison.", MUGABE,
                    ["sources say not found, not found (whether it happened)",
                     "sources say unlawful, not lawful (what it was)"], None)
    assert [c.passage for c in conflicts(claim)] == ["unlawful"]


def test_conflicting_claim_gets_both_sides_cited():
    yes, no = cite("a#p1", "The vote passed 67 to 30."), cite("b#p2", "The vote failed 30 to 67.")
    claim = Claim(id="c1", text="The vote passed.", verdict=Verdict.CONFLICTING,
                  evidence=[yes.model_copy(update={"support": 0.8}),
                            no.model_copy(update={"contradiction": 0.7})],
                  signals={"supporting": ["a#p1"], "refuting": ["b#p2"]})
    assert confirmation(claim).citations[0].passage_id == "a#p1"
    assert correction(claim).citations[0].passage_id == "b#p2"
    assert correction(claim).text == "The vote failed 30 to 67."


# ---------------------------------------------------------------- the detail gate


def test_gate_names_what_no_cited_passage_gives_and_keeps_what_one_does():
    claim = Claim(id="c1", text="Robert Mugabe died in Singapore aged 89 on 6 September 2019.")
    cited = [cite("s1#p0", MUGABE, support=0.9)]
    v = ClaimVerification(claim_id="c1", verdict=Verdict.SUPPORTED, confidence=0.8,
                          signals={"supporting": ["s1#p0"]}, judgements=[PassageJudgement(
                              passage_id="s1#p0", support=0.9, contradiction=0.0,
                              signals={"p_not_enough_evidence": 0.3})])
    out = gate(claim, v, cited)
    assert out.verdict is Verdict.NOT_ENOUGH_EVIDENCE and out.confidence == 0.3
    assert out.signals.detail_gate.replaced == "supported"
    assert out.signals.supporting == [] and v.signals.supporting == ["s1#p0"]
    assert "the figure '89'" in out.reason and "Singapore" not in out.reason
    for quoted in re.findall(r"'([^']+)'", out.reason):
        assert quoted not in MUGABE  # never a detail the cited passage has
    # The same details as the I4/I5 check the composer used to run.
    typed = {d.text for d in missing_details(claim, [MUGABE])}
    assert typed == set(missing_facts(claim.text, [MUGABE]))


def test_gate_passes_a_supported_claim_whose_details_are_cited_and_leaves_others_alone():
    claim = Claim(id="c1", text="Robert Mugabe was hospitalized in Singapore.")
    v = ClaimVerification(claim_id="c1", verdict=Verdict.SUPPORTED, confidence=0.8)
    assert gate(claim, v, [cite("s1#p0", MUGABE)]) is v
    no = ClaimVerification(claim_id="c1", verdict=Verdict.REFUTED, confidence=0.8)
    assert gate(claim, no, []) is no
    uncited = gate(claim, v, [])
    assert uncited.verdict is Verdict.NOT_ENOUGH_EVIDENCE and uncited.reason


# ---------------------------------------------------------------- rendering


def _conflicting() -> Explainer:
    return conflicting_navalny()


def test_markdown_shows_the_correction_verbatim_with_its_marker_and_both_sides_of_a_conflict():
    e = load("navalny")
    fix = e.still_unclear[0].correction
    n = e.source_number(fix.citations[0].source_id)
    md = render_markdown(e)
    line = next(x for x in md.splitlines() if x.startswith("- Doctors in Omsk"))
    # The marker names the passage: source n, its fifth cited passage.
    assert f"the source says “{fix.text}” [{n}e]" in line
    assert f"> \\[{n}e\\] {fix.citations[0].quote}" in md
    assert "No source was cited" not in md
    both = next(x for x in render_markdown(_conflicting()).splitlines()
                if x.startswith("- Doctors in Omsk"))
    assert re.search(r"\*\*Conflicting\*\*: sources conflict \[1g\]; one source says “The German "
                     r"government announced the tests.*” \[1c\]; another says “Hospital "
                     r"officials.*” \[2e\]", both)


def test_html_shows_the_correction_escaped_and_linked_to_its_source():
    e = load("navalny")
    fix = e.still_unclear[0].correction
    n = e.source_number(fix.citations[0].source_id)
    root = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(render_html(e))
    item = root.find(".//section[@id='still-unclear']//li[@id='unclear-c4']")
    side = item.find("p[@class='side']")
    assert "".join(side.find("span[@class='said']").itertext()) == fix.text
    assert [a.get("href") for a in side.iter("a")] == [f"#cite-{n}e"]
    note = root.find(f".//li[@id='source-{n}']/blockquote[@id='cite-{n}e']")
    assert note is not None and fix.citations[0].quote in "".join(note.itertext())
    row = root.find(".//tr[@id='claim-c4']")
    assert fix.text in "".join(row.itertext())
    hostile = render_html(load("hostile"))
    assert "<script" not in hostile.lower()
    assert "Hospital officials said &lt;script&gt;alert(1)&lt;/script&gt;" in hostile
    conflict = html5lib.parse(render_html(_conflicting()), namespaceHTMLElements=False)
    sides = conflict.findall(".//li[@id='unclear-c4']/p[@class='side']")
    assert ["".join(p.itertext()).split(":")[0] for p in sides] == ["One source says",
                                                                    "Another says"]


def test_json_carries_the_correction_with_citations_and_validates():
    for e in (load("navalny"), _conflicting()):
        data = json.loads(render_json(e))
        validate_explainer_json(data)
        fix = data["still_unclear"][0]["correction"]
        cited = e.still_unclear[0].correction.citations[0]
        assert fix["citations"][0]["passage_id"] == cited.passage_id
        assert fix["text"] in fix["citations"][0]["quote"]
    broken = json.loads(render_json(load("navalny")))
    broken["still_unclear"][0]["correction"]["citations"][0]["source_id"] = "enwikinews:Elsewhere"
    try:
        validate_explainer_json(broken)
    except Exception as exc:  # noqa: BLE001 -- the message is what is checked
        assert "still_unclear[0].correction.citations[0]" in str(exc)
    else:
        raise AssertionError("a correction citing an unlisted source must be rejected")


# ---------------------------------------------------------------- unclear reasons


def _supportive(*unbacked: str) -> PassageJudgement:
    return PassageJudgement(passage_id="p", support=0.1, contradiction=0.0,
                            signals={"parts": {"unbacked": list(unbacked)}})


def test_reason_names_only_what_no_judged_passage_gives():
    from groundbrief.verify.reasons import missing_in_words

    claim = Claim(id="c1", text='The Court said the prorogation was lawful, all 11 Justices '
                                'agreed "unanimously" on 24 September.', quotes=["unanimously"])
    ruling = "The Supreme Court ruled the prorogation unlawful; all 11 Justices agreed."
    other = "The judgment was handed down on 24 September, unanimously."
    # One passage lacks "11", the other has it: "11" is not missing from the sources.
    reason = missing_in_words(claim, [_supportive("no source gives the figure '11'")],
                              [other, ruling])
    assert reason is None or "11" not in reason
    # Neither has a date of "25 September", nor does any say "12 Justices".
    claim = Claim(id="c1", text="All 12 Justices ruled on 25 September.")
    reason = missing_in_words(claim, [_supportive("sources report it only as an allegation by "
                                                  "The RIAA")], [ruling])
    assert reason == ("no source gives the figure '12' or the date '25 September'; sources report "
                      "it only as an allegation by The RIAA")
    assert missing_in_words(claim, [], [ruling]) is None  # nothing the model found supportive


def test_reason_never_names_what_a_judged_passage_has_in_other_words():
    """Issue 9 item 7: a name given in another form ("UK" for "the United Kingdom") or a word
    another passage has is not what "no source gives"; a word the closest clause replaces is
    said as not given, never as what the sources say instead (that reads as a refutation)."""
    from groundbrief.verify.reasons import missing_in_words

    claim = Claim(id="c1", text="The video was launched in the United Kingdom on channels.")
    passages = ["The video was launched today on UK television channels.",
                "Hu Jintao had remarks with Lula."]
    assert missing_in_words(claim, [_supportive("no source gives the name 'United Kingdom'")],
                            passages) is None
    lunch = "no source gives 'lunch' (who or what it was done to); the closest has 'remarks'"
    claim = Claim(id="c2", text="Hu Jintao had lunch with Lula.")
    assert missing_in_words(claim, [_supportive(lunch)], passages) == lunch
    assert missing_in_words(claim, [_supportive(lunch)],
                            passages + ["Hu Jintao had lunch with Lula today."]) is None


def test_claim_signals_are_typed_and_old_stored_explainers_still_load():
    """Issue 9 item 9: a claim's verdict signals are a typed record (a misspelt field is an
    attribute error, not a silent miss); an explainer stored when they were a free dict, with
    keys no field has, loads and writes back those keys unchanged."""
    stored = {"id": "c1", "text": "Mugabe died aged 89.", "verdict": "refuted",
              "signals": {"max_contradiction": 0.88, "numbers_match": False,
                          "refuting": ["s1#p0"],
                          "correction": {"passage_id": "s1#p0", "sentence": None,
                                         "says": ["sources say 95, not 89 (the age)"]}}}
    claim = Claim.model_validate(stored)
    assert claim.signals.correction.says == ["sources say 95, not 89 (the age)"]
    assert claim.signals.refuting == ["s1#p0"] and claim.signals.supporting is None
    assert claim.model_dump(mode="json")["signals"] == stored["signals"]
    with pytest.raises(AttributeError):
        claim.signals.corection  # noqa: B018


def test_a_part_no_passage_backs_is_told_once_not_once_a_passage():
    from groundbrief.verify.reasons import missing_in_words

    claim = Claim(id="c1", text="Oper net profit rose")
    reason = missing_in_words(claim, [
        _supportive("sources say 'excludes loss from discontinued operations of 4', which does "
                    "not confirm 'profit' (what happened)",
                    "no source gives 'intoxication' (the detail); the closest has 'poisoning'"),
        _supportive("sources say 'excludes loss from discontinued operations of 2', which does "
                    "not confirm 'profit' (what happened)",
                    "no source gives 'intoxication' (the detail); the closest has 'gas'")],
        ["Net excludes loss from discontinued operations of 4 mln dlrs.", "Gas poisoning."])
    assert reason == ("sources say 'excludes loss from discontinued operations of 4', which does "
                      "not confirm 'profit' (what happened); no source gives 'intoxication' (the "
                      "detail); the closest has 'poisoning'")
