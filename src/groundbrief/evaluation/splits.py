"""Deterministic train / eval split of the shared data sets.

Every record of a data set is assigned to ``"train"`` or ``"eval"`` by a SHA-1
hash of ``"<dataset>\\x1f<key>"``.  The rule depends only on the data set name and
the key (never on file order, Python's ``hash`` seed or the machine), so the
training script and any later evaluation script agree on which records the
shipped model has seen.  **Do not change this rule or the fractions**: the
bundled NLI model (``groundbrief/verify/nli_model``) was trained on the
``"train"`` part and its recorded scores are on the ``"eval"`` part.

Keys
----
* Climate-FEVER (``../shared/data/climate_fever/dev.jsonl``): dataset
  ``"climate_fever"``, key = ``claim_id`` (a string), so all five evidence pairs
  of a claim land in the same part.  Half of the claims are held out.
* NLI files (``../shared/data/nli/<name>.jsonl``): dataset = the file stem, e.g.
  ``"snli_dev_test_esnli"`` or ``"fever_dev_rte"``, key = the ``premise`` text, so
  all hypotheses written for one premise land in the same part.  15 % held out.

Within the Climate-FEVER ``"train"`` part, a further slice (:data:`CALIBRATION_FRACTION` of
the claims, by a SHA-1 of ``"climate_fever_calibration\x1f<claim_id>"``) is kept out of model
training: ``training/calibrate.py`` fits the verifier's thresholds and confidence on it, so they
are fitted on scores the model gives text it has not seen (:func:`climate_fever_role`).

Example::

    from groundbrief.evaluation.splits import part, climate_fever_part, nli_part
    part("climate_fever", "9")                     # -> "train" or "eval"
    climate_fever_part(record)                      # record = one line of dev.jsonl
    nli_part("fever_dev_rte", pair)                 # pair = one line of fever_dev_rte.jsonl
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any, Literal

Part = Literal["train", "eval"]

#: Version of the rule below; bump only together with retraining the bundled model.
SPLIT_VERSION = 1

#: Fraction of each data set held out for evaluation.
EVAL_FRACTION: Mapping[str, float] = {
    "climate_fever": 0.50,
    # news change pairs (groundbrief.evaluation.changes), keyed "<corpus>:<article id>"
    "news_changes": 0.20,
}
#: Fraction held out for any data set not listed in :data:`EVAL_FRACTION` (the NLI files).
DEFAULT_EVAL_FRACTION = 0.15

CLIMATE_FEVER = "climate_fever"

#: Share of the Climate-FEVER train part's claims kept out of model training for calibration.
CALIBRATION_FRACTION = 0.35

Role = Literal["fit", "calibration", "eval"]


def eval_fraction(dataset: str) -> float:
    """Fraction of ``dataset`` that :func:`part` assigns to ``"eval"``."""
    return EVAL_FRACTION.get(dataset, DEFAULT_EVAL_FRACTION)


def _unit(dataset: str, key: str) -> float:
    """Map (dataset, key) to a number in [0, 1), uniformly, via SHA-1."""
    digest = hashlib.sha1(f"{dataset}\x1f{key}".encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2.0**64


def part(dataset: str, key: str) -> Part:
    """Return ``"eval"`` if the record with ``key`` in ``dataset`` is held out, else ``"train"``.

    ``dataset`` is ``"climate_fever"`` or an NLI file stem (e.g. ``"snli_dev_test_esnli"``);
    ``key`` is the Climate-FEVER ``claim_id`` or the NLI ``premise`` text (see module doc).
    """
    return "eval" if _unit(dataset, str(key)) < eval_fraction(dataset) else "train"


def climate_fever_part(record: Mapping[str, Any]) -> Part:
    """Part of one Climate-FEVER claim record (a line of ``dev.jsonl``), by its ``claim_id``."""
    return part(CLIMATE_FEVER, str(record["claim_id"]))


def climate_fever_role(record: Mapping[str, Any]) -> Role:
    """``"eval"`` (held out), ``"calibration"`` (train part, not trained on) or ``"fit"``."""
    key = str(record["claim_id"])
    if part(CLIMATE_FEVER, key) == "eval":
        return "eval"
    return "calibration" if _unit(f"{CLIMATE_FEVER}_calibration", key) < CALIBRATION_FRACTION else "fit"


def nli_part(dataset: str, pair: Mapping[str, Any]) -> Part:
    """Part of one NLI pair (a line of ``<dataset>.jsonl``), by its ``premise`` text."""
    return part(dataset, str(pair["premise"]))


__all__ = [
    "CALIBRATION_FRACTION",
    "CLIMATE_FEVER",
    "DEFAULT_EVAL_FRACTION",
    "EVAL_FRACTION",
    "Part",
    "Role",
    "SPLIT_VERSION",
    "climate_fever_part",
    "climate_fever_role",
    "eval_fraction",
    "nli_part",
    "part",
]
