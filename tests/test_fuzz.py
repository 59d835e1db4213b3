"""A CI-sized fuzzing run of every parser an outsider can feed and of the JSON API bodies
(benchmarks/fuzz.py holds the targets and runs them for long; docs/reliability.md has its
latest figures). Hypothesis shrinks any failure to a small input: keep it as a regression
test in tests/test_hostile_ingest.py or tests/test_hostile_web.py."""

from __future__ import annotations

import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings

from .conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
import fuzz  # noqa: E402

# Cases per target on every CI run; `benchmarks/fuzz.py --cases 100000` for the long runs.
CI_CASES = 60
SLOWEST_S = 10.0  # the target is 2 s per case; a shared CI box gets 5x slack


@pytest.mark.parametrize("target", fuzz.TARGETS, ids=lambda t: t.name)
def test_fuzz(target):
    slowest = [0.0]

    @settings(max_examples=CI_CASES, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                     HealthCheck.filter_too_much])
    @given(target.strategy)
    def each(value):
        t0 = time.perf_counter()
        target.check(value)
        slowest[0] = max(slowest[0], time.perf_counter() - t0)

    fuzz.warm_up(target)  # imports and models load once, outside the timed cases
    each()
    assert slowest[0] < SLOWEST_S, f"{target.name}: slowest case {slowest[0]:.1f} s"
