"""Quality gate: the benchmarks, on CI-sized subsets of ../shared/data, must not score below the
floors pinned in ``tests/quality_floors.json`` (after trafilatura's ``tests/eval_gate.py``).

Each benchmark runs as a subprocess with the arguments pinned beside its floors, exactly as a
person would run it (``benchmarks/<script> <args> --json``), and every pinned figure is checked.
A floor is the figure measured on that subset minus a small margin; raising one is a deliberate
commit (see docs/evaluation.md). Stores are cached under ``.eval-cache/`` (git-ignored), so the
first run on a machine builds them (about two minutes) and later runs only explain.
Skips, saying why, where ../shared/data (or, for the benchmarks that verify, the bundled NLI
model) is absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, SHARED_DATA

pytestmark = pytest.mark.slow

FLOORS_FILE = Path(__file__).with_name("quality_floors.json")
FLOORS = {name: spec for name, spec in json.loads(FLOORS_FILE.read_text(encoding="utf-8")).items()
          if not name.startswith("_")}
TIMEOUT_S = 900  # per benchmark; far above the measured times, a hang guard only


def figure(results: dict, path: str) -> float:
    """``results["summary"]["evidence"]["recall@10"]`` for the path "summary.evidence.recall@10"."""
    value: object = results
    for key in path.split("."):
        value = value[key]  # type: ignore[index]
    assert isinstance(value, (int, float)), f"{path} is {value!r}, not a number"
    return float(value)


def run_benchmark(spec: dict) -> dict:
    script = REPO / "benchmarks" / spec["script"]
    if not script.exists():
        pytest.skip(f"{script.relative_to(REPO)} is not in this checkout")
    if spec["needs_model"]:
        from groundbrief.verify.nli import DEFAULT_MODEL_DIR

        if not (DEFAULT_MODEL_DIR / "model.onnx").exists():
            pytest.skip(f"the bundled NLI model is not in {DEFAULT_MODEL_DIR} yet")
    for data in spec["data"]:
        if not (SHARED_DATA / data).exists():
            pytest.skip(f"real evaluation data {SHARED_DATA / data} is absent "
                        "(../shared beside the checkout)")
    proc = subprocess.run([sys.executable, str(script), *spec["args"], "--json"], cwd=REPO,
                          capture_output=True, text=True, timeout=TIMEOUT_S)
    assert proc.returncode == 0, f"{spec['script']} failed:\n{proc.stderr[-4000:]}"
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_benchmark_is_at_or_above_its_floors(name: str) -> None:
    spec = FLOORS[name]
    results = run_benchmark(spec)
    below = []
    for path, floor in spec["floors"].items():
        value = figure(results, path)
        if value < floor:
            below.append(f"{path} = {value:.4f} < floor {floor}")
    assert not below, f"{name} ({spec['script']} {' '.join(spec['args'])}): " + "; ".join(below)


def test_floors_file_is_well_formed() -> None:
    for name, spec in FLOORS.items():
        assert set(spec) >= {"script", "args", "data", "needs_model", "floors", "measured"}, name
        assert spec["floors"], name
        for path, floor in spec["floors"].items():
            measured = spec["measured"][path]
            # A floor above what was measured would fail on a correct tree; one far below it
            # would let a real regression through.
            assert 0 <= floor <= measured, (name, path)
            assert measured - floor <= 0.1, (name, path)


def _benchmark_module(name: str):
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        return __import__(name)
    finally:
        sys.path.remove(str(REPO / "benchmarks"))


def test_pairs_i5_subset_is_what_the_verifiers_checks_forbid() -> None:
    """The Climate-FEVER target is set on the pairs I5 allows; which pairs those are must follow
    the verifier's own detail checks, not the model's verdict."""
    eval_pairs = _benchmark_module("eval_pairs")

    def pair(claim: str, evidence: str):
        return eval_pairs.Pair("c", claim, "e", "Article", evidence, "SUPPORTS")

    claim = "Global temperatures have risen by 0.8C since 1880."
    lacking = eval_pairs.detail_gap(pair(claim, "Global temperatures have risen sharply."))
    assert lacking.forbids_support and lacking.numbers and lacking.dates
    stating = eval_pairs.detail_gap(
        pair(claim, "Since 1880, the average global temperature has risen by about 0.8C."))
    assert not stating.forbids_support
    quoted = eval_pairs.detail_gap(
        pair('The minister called the plan "a historic step".', "The minister praised the plan."))
    assert quoted.quotes and quoted.forbids_support
    plain = eval_pairs.detail_gap(pair("Sea ice is melting.", "Arctic ice cover keeps shrinking."))
    assert not plain.forbids_support


def test_averitec_question_reading_keeps_the_answer_and_adds_its_question() -> None:
    eval_averitec = _benchmark_module("eval_averitec")
    row = {"question": "How many people died?", "text": "Yes. 28.1 percent in 1953"}
    assert eval_averitec.evidence_text(row, with_questions=False) == "Yes. 28.1 percent in 1953"
    assert (eval_averitec.evidence_text(row, with_questions=True)
            == "Q: How many people died? A: Yes. 28.1 percent in 1953")
    # An answer without a question is stored as it is in either reading.
    assert eval_averitec.evidence_text({"text": "No."}, with_questions=True) == "No."
