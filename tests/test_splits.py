"""The deterministic data splits: the model, the calibration and the evaluation never overlap."""

from __future__ import annotations

from groundbrief.evaluation.splits import (
    CALIBRATION_FRACTION,
    climate_fever_part,
    climate_fever_role,
    part,
)


def test_roles_refine_the_published_split_without_moving_any_eval_claim():
    ids = [str(i) for i in range(4000)]
    roles = {i: climate_fever_role({"claim_id": i}) for i in ids}
    for i in ids:
        # The eval part is exactly the one the earlier model and figures used.
        assert (roles[i] == "eval") == (climate_fever_part({"claim_id": i}) == "eval")
    train = [i for i in ids if roles[i] != "eval"]
    share = sum(roles[i] == "calibration" for i in train) / len(train)
    assert abs(share - CALIBRATION_FRACTION) < 0.03
    # Stable: a pure function of the id, the same in every process.
    assert climate_fever_role({"claim_id": "9"}) == climate_fever_role({"claim_id": 9})
    assert part("climate_fever", "9") == part("climate_fever", "9")
