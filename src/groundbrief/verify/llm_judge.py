"""An LLM as the judge, behind an OpenAI-compatible chat endpoint (llama.cpp, vLLM, Ollama, hosted).

The model reads the numbered passages and the claim and answers in JSON: a label per passage
(supports / refutes / neutral), a verdict, and the passages it relies on. Nothing it says is
trusted on its own:

* it can only cite the passages it was shown: numbers outside ``1..n`` are dropped and recorded;
* a passage counts for the claim only when the judge both labels *and* cites it, and its label
  agrees with the judge's own verdict (a "supported" verdict cannot smuggle in a refutation);
* each counted passage then goes through the same deterministic checks and caps as the default
  verifier (:func:`~groundbrief.verify.default.score_pair`): a quote not verbatim, or a number,
  date or name of the claim absent from the passage, keeps the passage from being evidence
  (I4, I5), whatever the model said;
* the verdict comes from the default verifier's aggregation, so Conflicting still needs
  independent sources;
* an answer that cannot be read is Not enough evidence, never support.

Requests are deterministic (temperature 0, fixed seed) so that one brief gives one explainer (I7).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

import httpx

from ..errors import BackendError
from ..interfaces import Verifier
from ..models import (
    Brief,
    Claim,
    ClaimVerification,
    JudgeSignal,
    PassageJudgement,
    ScoredPassage,
    Verdict,
    VerdictSignals,
)
from .default import (
    VerifierSettings,
    calibrated,
    measure_pair,
    pair_signals,
    pair_verdict,
    score_pair,
)
from .reading import evidence_reading
from .verdict import aggregate, settled_without_evidence, shortlist

__all__ = ["JUDGE_SCHEMA", "LLMJudgeVerifier", "REASON_JUDGE_UNUSABLE", "parse_answer"]

REASON_JUDGE_UNUSABLE = "not verified: the LLM judge's answer could not be read"

#: The judge's labels are statements, not probabilities: the NLI calibration fitted for the
#: bundled model does not apply, so labels map straight through (1.0 stays ~1.0).
JUDGE_CALIBRATION = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0))

#: Longest passage text put in the prompt. The deterministic checks still read the whole
#: passage; this only keeps eight long passages inside a small model's context window.
PROMPT_PASSAGE_CHARS = 1500

_LABELS = ("supports", "refutes", "neutral")
_VERDICTS = ("supported", "refuted", "not_enough_evidence")

#: Strict-mode compatible (every property required, no extras): endpoints that constrain
#: decoding to a schema then cannot return anything else.
JUDGE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "labels": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "passage": {"type": "integer"},
                    "label": {"type": "string", "enum": list(_LABELS)},
                },
                "required": ["passage", "label"],
                "additionalProperties": False,
            },
        },
        "verdict": {"type": "string", "enum": list(_VERDICTS)},
        "passages": {"type": "array", "items": {"type": "integer"}},
    },
    "required": ["labels", "verdict", "passages"],
    "additionalProperties": False,
}

# Tried in order until the endpoint accepts one: OpenAI, vLLM, Ollama and llama.cpp's own
# server take "json_schema"; llama-cpp-python's server takes only "json_object" (with an
# optional schema it turns into a grammar); anything else gets a plain prompt.
_FORMATS: tuple[tuple[str, dict[str, Any] | None], ...] = (
    ("json_schema", {"type": "json_schema",
                     "json_schema": {"name": "claim_verdict", "strict": True,
                                     "schema": JUDGE_SCHEMA}}),
    ("json_object", {"type": "json_object", "schema": JUDGE_SCHEMA}),
    ("none", None),
)

_SYSTEM = (
    "You are a careful fact-checker. You judge a claim only against the numbered news passages "
    "you are given, never from your own knowledge. You answer with one JSON object and nothing "
    "else."
)


def build_prompt(claim: Claim, passages: Sequence[ScoredPassage], speaker: str | None) -> str:
    lines = ["Passages:"]
    for i, sp in enumerate(passages, 1):
        text = " ".join(sp.passage.text.split())
        if len(text) > PROMPT_PASSAGE_CHARS:
            text = text[:PROMPT_PASSAGE_CHARS].rstrip() + " …"
        lines.append(f"[{i}] {text}")
    lines += ["", f"Claim: {' '.join(claim.text.split())}", ""]
    if claim.kind == "attribution" and speaker:
        lines.append(f"The claim is about who said what: a passage supports it only if it "
                     f"reports that {speaker} said it.")
    lines += [
        'Label every passage: "supports" if it states the claim, with the same numbers, dates, '
        'names and quoted words; "refutes" if it states the opposite; otherwise "neutral".',
        'Then give the verdict: "supported", "refuted" or "not_enough_evidence", and list the '
        "numbers of the passages that support or refute the claim.",
        'Answer in this JSON form: {"labels": [{"passage": <number>, "label": '
        '"supports|refutes|neutral"}], "verdict": "supported|refuted|not_enough_evidence", '
        '"passages": [<numbers>]}',
    ]
    return "\n".join(lines)


# ---------------------------------------------------------------- reading the answer

_FENCE = re.compile(r"```(?:json|JSON)?\s*(.*?)```", re.DOTALL)


def _json_objects(text: str) -> list[dict[str, Any]]:
    """Every JSON object found in ``text``: fenced blocks first, then each ``{`` in turn, so
    that prose before or after the object (or a second attempt) does not hide it."""
    found: list[dict[str, Any]] = []
    decoder = json.JSONDecoder()
    for chunk in [m.group(1) for m in _FENCE.finditer(text)] + [text]:
        for m in re.finditer(r"\{", chunk):
            try:
                obj, _ = decoder.raw_decode(chunk, m.start())
            except ValueError:
                continue
            if isinstance(obj, dict):
                found.append(obj)
    return found


def _norm_word(value: Any) -> str:
    return re.sub(r"[\s\-]+", "_", str(value).strip(" .!\"'").lower())


def _verdict(value: Any) -> str | None:
    word = _norm_word(value)
    if word in {"supported", "supports", "support", "true", "entailment", "entailed"}:
        return "supported"
    if word in {"refuted", "refutes", "refute", "false", "contradiction", "contradicted"}:
        return "refuted"
    if word in {"conflicting", "conflict", "mixed", "disputed"}:
        return "conflicting"
    if word in {"not_enough_evidence", "not_enough_info", "not_enough_information", "nei",
                "unverified", "unknown", "neutral", "insufficient_evidence"}:
        return "not_enough_evidence"
    return None


def _label(value: Any) -> str:
    word = _verdict(value)
    return {"supported": "supports", "refuted": "refutes"}.get(word or "", "neutral")


def _number(value: Any) -> int | None:
    """A passage number as the judge wrote it: 2, "2", "[2]", "passage 2"."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        m = re.fullmatch(r"\D{0,12}?(\d+)\]?", value.strip())
        if m:
            return int(m.group(1))
    return None


def parse_answer(text: str) -> dict[str, Any] | None:
    """The judge's answer as ``{"verdict", "passages": [int|raw], "labels": {int: label}}``,
    or None when no object in ``text`` carries a recognisable verdict."""
    for obj in _json_objects(text):
        verdict = _verdict(obj.get("verdict", ""))
        if verdict is None:
            continue
        cited = obj.get("passages", [])
        cited = cited if isinstance(cited, list) else [cited]
        labels: dict[int, str] = {}
        raw_labels = obj.get("labels", [])
        if isinstance(raw_labels, dict):  # {"1": "supports"} is a common free-form shape
            raw_labels = [{"passage": k, "label": v} for k, v in raw_labels.items()]
        if isinstance(raw_labels, list):
            for item in raw_labels:
                if isinstance(item, dict):
                    n = _number(item.get("passage"))
                    if n is not None and n not in labels:
                        labels[n] = _label(item.get("label", ""))
        return {"verdict": verdict, "passages": [_number(c) if _number(c) is not None else c
                                                 for c in cited], "labels": labels}
    return None


# ---------------------------------------------------------------- the verifier


def _one_line(text: str, limit: int = 200) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class LLMJudgeVerifier(Verifier):
    """Verifier that asks an LLM on an OpenAI-compatible endpoint, then checks its answer.

    ``base_url`` is the API root, usually ending in ``/v1`` (``http://127.0.0.1:8080/v1``).
    ``client``: an ``httpx.Client`` to send through (tests pass one with a mock transport).
    """

    name = "llm-judge"

    def __init__(self, base_url: str, model: str, api_key: str | None = None, top_n: int = 8,
                 timeout: float = 60, client: httpx.Client | None = None) -> None:
        if not re.match(r"https?://", base_url or ""):
            raise BackendError(
                f"LLM judge base URL '{base_url}' is not an http(s) URL; set "
                "GROUNDBRIEF_LLM_BASE_URL to e.g. http://127.0.0.1:8080/v1"
            )
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.url = f"{self.base_url}/chat/completions"
        self.timeout = timeout
        self._headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = client or httpx.Client(timeout=timeout)
        self._format = 0  # index into _FORMATS of the first response format the endpoint took
        # The shared shortlist and aggregation rules (verify/verdict.py), applied unchanged to the
        # judge's checked labels, so both backends reach verdicts the same way; the detail
        # rules (measure_pair, score_pair) are called as functions, no NLI model is loaded.
        # The checks may veto the judge, never stand in for it: no restatement floor, and a
        # judge that says "refutes" is the explicit conflict (its own rule below).
        # The judge's label is the decision, not a probability to re-weight: identity weights
        # (the default verifier's fitted ones lean on the embedding cosine, which the judge's
        # pairs do not carry).
        self.settings = VerifierSettings(top_n=top_n, calibration=JUDGE_CALIBRATION,
                                         restated_floor=0.0, require_explicit_conflict=False,
                                         support_weights=(1.0, 0.0, 0.0, 0.0, 0.0),
                                         contradiction_weights=(0.0, 1.0, 0.0, 0.0, 0.0))

    @property
    def model_name(self) -> str:
        return f"llm-judge:{self.model}"

    def close(self) -> None:
        self._client.close()

    # -- the endpoint

    def _post(self, body: dict[str, Any]) -> httpx.Response:
        try:
            return self._client.post(self.url, json=body, headers=self._headers,
                                     timeout=self.timeout)
        except httpx.ConnectError as exc:
            raise BackendError(
                f"LLM judge endpoint {self.url} cannot be reached ({_one_line(exc, 80)}); start "
                "the server or fix GROUNDBRIEF_LLM_BASE_URL"
            ) from exc
        except httpx.TimeoutException as exc:
            raise BackendError(
                f"LLM judge endpoint {self.url} did not answer within {self.timeout:g} s; check "
                "the server, use a faster model, or lower GROUNDBRIEF_VERIFY_TOP_N"
            ) from exc
        except httpx.HTTPError as exc:
            raise BackendError(
                f"LLM judge endpoint {self.url} failed ({_one_line(exc, 80)}); check "
                "GROUNDBRIEF_LLM_BASE_URL and the server"
            ) from exc

    def _http_error(self, resp: httpx.Response) -> BackendError:
        detail = _one_line(resp.text or resp.reason_phrase, 160)
        code = resp.status_code
        if code in (401, 403):
            what = "set GROUNDBRIEF_LLM_API_KEY to a key the endpoint accepts"
        elif code == 404:
            what = ("check GROUNDBRIEF_LLM_BASE_URL (it usually ends in /v1) and "
                    "GROUNDBRIEF_LLM_MODEL")
        elif code == 429:
            what = "the endpoint is rate-limiting; wait or raise its limits"
        else:
            what = "check the server's log"
        return BackendError(
            f"LLM judge endpoint {self.url} answered HTTP {code} ({detail}); {what}")

    def ask(self, prompt: str, max_tokens: int) -> tuple[str, dict[str, Any]]:
        """Send one chat request; return the answer text and what the exchange looked like."""
        messages = [{"role": "system", "content": _SYSTEM}, {"role": "user", "content": prompt}]
        while True:
            fmt_name, fmt = _FORMATS[self._format]
            body: dict[str, Any] = {"model": self.model, "messages": messages, "temperature": 0,
                                    "seed": 0, "max_tokens": max_tokens}
            if fmt is not None:
                body["response_format"] = fmt
            resp = self._post(body)
            if resp.status_code >= 400:
                # An endpoint that rejects this response format names it in its error (400,
                # 422, or 500 from llama-cpp-python); step down to the next format. Other
                # errors are the endpoint's and are reported.
                if (fmt is not None and self._format + 1 < len(_FORMATS)
                        and re.search(r"response_format|json_schema", resp.text or "")):
                    self._format += 1
                    continue
                raise self._http_error(resp)
            break
        try:
            choice = resp.json()["choices"][0]
            content = choice["message"].get("content")
        except (ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
            raise BackendError(
                f"LLM judge endpoint {self.url} did not answer in the OpenAI chat format "
                f"({_one_line(resp.text, 80)}); point GROUNDBRIEF_LLM_BASE_URL at an "
                "OpenAI-compatible API root"
            ) from exc
        meta = {"response_format": fmt_name, "finish_reason": choice.get("finish_reason")}
        return content if isinstance(content, str) else "", meta

    # -- one claim

    def verify(self, claim: Claim, passages: Sequence[ScoredPassage],
               brief: Brief) -> ClaimVerification:
        settled = settled_without_evidence(claim, passages)
        if settled is not None:
            return settled
        picked = shortlist(passages, self.settings.top_n)
        attribution = claim.kind == "attribution"
        speaker = claim.speaker or brief.speaker
        prompt = build_prompt(claim, picked, speaker if attribution else None)
        # Room for one label per passage plus the verdict; a schema-constrained answer stops
        # at the closing brace long before this.
        text, meta = self.ask(prompt, max_tokens=128 + 32 * len(picked))
        answer = parse_answer(text)
        judge: dict[str, Any] = {"model": self.model, **meta}

        if answer is None:
            judge["usable"] = False
            judge["answer"] = _one_line(text, 300)
            judgements = [self._judge_passage(claim, sp, i, None, False, None, speaker)
                          for i, sp in enumerate(picked, 1)]
            return ClaimVerification(
                claim_id=claim.id, verdict=Verdict.NOT_ENOUGH_EVIDENCE, confidence=0.0,
                judgements=judgements, reason=REASON_JUDGE_UNUSABLE,
                signals=VerdictSignals(passages_judged=len(judgements), model=self.model_name,
                                       judge=judge),
            )

        n = len(picked)
        cited = {c for c in answer["passages"] if isinstance(c, int) and 1 <= c <= n}
        judge.update(usable=True, verdict=answer["verdict"],
                     cited=[picked[c - 1].passage.id for c in sorted(cited)],
                     invalid_citations=[c for c in answer["passages"] if c not in cited],
                     invalid_labels=sorted(k for k in answer["labels"] if not 1 <= k <= n))
        judgements = [
            self._judge_passage(claim, sp, i, answer["labels"].get(i), i in cited,
                                answer["verdict"], speaker)
            for i, sp in enumerate(picked, 1)
        ]
        by_id = {sp.passage.id: sp for sp in picked}
        out = aggregate(claim, judgements, by_id, model=self.model_name,
                        support_threshold=self.settings.support_threshold)
        out.signals.model = self.model_name
        out.signals.judge = judge
        return out

    def _judge_passage(self, claim: Claim, sp: ScoredPassage, number: int, label: str | None,
                       cited: bool, verdict: str | None, speaker: str | None) -> PassageJudgement:
        """One passage: the judge's label, gated by its citation and verdict, then checked."""
        if cited and label is None:  # cited without a label: the verdict says which way
            label = {"supported": "supports", "refuted": "refutes"}.get(verdict or "")
        counts = cited and (
            (label == "supports" and verdict in ("supported", "conflicting"))
            or (label == "refutes" and verdict in ("refuted", "conflicting"))
        )
        effective = label if counts else "neutral"
        # The label stands where the default verifier has NLI probabilities, so the same caps
        # and thresholds decide whether this passage can be the claim's evidence.
        probs = {"supports": (1.0, 0.0, 0.0), "refutes": (0.0, 0.0, 1.0)}.get(
            effective or "neutral", (0.0, 1.0, 0.0))
        attribution = claim.kind == "attribution"
        # The rules read a question-and-answer or corrected passage as the statement it makes
        # (verify/reading.py), as the default verifier does; the judge read it as written.
        ev = measure_pair(claim.text, evidence_reading(sp.passage.text, sp.source.language), probs,
                          quotes=claim.quotes or None,
                          speaker=speaker if attribution else None, attribution=attribution)
        s = self.settings
        sc = score_pair(ev, s)
        # A passage that shares neither a name nor enough of the claim's words (the default
        # verifier's "subject agreement") is not about the claim, whatever the judge says.
        # Small models cite by position, and a claim with no number, date, quote or name
        # would otherwise pass every check above.
        off_subject = effective == "supports" and not sc.agreement
        if off_subject:
            sc.cap_support(s.detail_cap)
        pv = pair_verdict(sc, s)
        if pv is Verdict.REFUTED and effective != "refutes":
            # A figure or date the checks see as conflicting only refutes when the judge says
            # so too: the checks may veto support, never invent a refutation on their own.
            pv = Verdict.NOT_ENOUGH_EVIDENCE
        cal = calibrated(sc.support, sc.contradiction, s.calibration)
        # The default verifier's per-pair signals (its aggregation reads them), plus the judge's.
        signals = pair_signals(ev, sc, pv, cal, sp)
        signals.judge = JudgeSignal(prompt_number=number, label=label, cited=cited,
                                    counted_as=effective, off_subject=off_subject)
        return PassageJudgement(passage_id=sp.passage.id, support=round(sc.support, 6),
                                contradiction=round(sc.contradiction, 6),
                                neutral=round(sc.neutral, 6), signals=signals)
