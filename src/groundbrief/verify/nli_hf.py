"""NLI with any local Hugging Face sequence-classification checkpoint (optional; needs torch).

Loads a checkpoint folder (``config.json`` with ``id2label``, weights, tokenizer files) from a local
path - nothing is downloaded - and returns probabilities in groundbrief's column order
:data:`groundbrief.verify.nli.NLI_LABELS` = (entailment, neutral, contradiction), like
:class:`groundbrief.verify.nli.OnnxNLIModel`.

Label names are read from the checkpoint's own ``config.id2label`` (any case):

* 3-label NLI checkpoints: entailment / neutral / contradiction (also ``entail``, ``supports``,
  ``refutes``, ``not_enough_info`` ...).
* 2-label checkpoints (MiniCheck-style ``supported`` / ``unsupported``, or ``entailment`` /
  ``not_entailment``): P(entailment) = P(supported) and the rest goes to the *neutral* column,
  since such a model cannot tell "not stated" from "contradicted" (P(contradiction) = 0).

Install the extra with ``pip install 'groundbrief[hf]'`` (transformers + torch).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from groundbrief.verify.nli import NLI_LABELS

_INSTALL_HINT = (
    "HFNLIModel needs transformers and torch: install them with pip install 'groundbrief[hf]'"
)

_ENTAIL = {"entailment", "entailed", "entails", "entail", "supports", "support", "supported", "true", "yes"}
_NEUTRAL = {"neutral", "not_enough_info", "notenoughinfo", "nei", "unknown", "undetermined"}
_CONTRA = {"contradiction", "contradicts", "contradict", "contradictory", "refutes", "refute",
           "refuted", "false", "no"}
_NOT_ENTAIL = {"not_entailment", "non_entailment", "notentailment", "not_entailed", "unsupported",
               "not_supported", "notsupported"}


def _norm(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", str(name).strip().lower())


def label_columns(id2label: dict) -> list[tuple[int, int]]:
    """Map a checkpoint's output indices onto our columns: [(checkpoint_index, our_column), ...].

    Raises ValueError for label sets it cannot map.  A 2-label "not entailed" class goes to the
    neutral column (index 1).
    """
    pairs = []
    seen = set()
    for idx, name in sorted(((int(k), v) for k, v in id2label.items())):
        n = _norm(name)
        if n in _ENTAIL:
            col = 0
        elif n in _NEUTRAL or n in _NOT_ENTAIL:
            col = 1
        elif n in _CONTRA:
            col = 2
        else:
            raise ValueError(f"cannot map label {name!r} of id2label {id2label} onto {NLI_LABELS}")
        if col in seen:
            raise ValueError(f"two labels of {id2label} map onto column {NLI_LABELS[col]!r}")
        seen.add(col)
        pairs.append((idx, col))
    if 0 not in seen or len(pairs) < 2:
        raise ValueError(f"id2label {id2label} has no entailment/supported label")
    return pairs


class HFNLIModel:
    """A local Hugging Face NLI / fact-checking checkpoint behind groundbrief's ``predict`` API.

    ``model_path``: folder with the checkpoint.  ``max_length``: tokens per pair (truncating the
    premise first).  ``device``: torch device name (default "cpu").
    """

    def __init__(self, model_path: str | Path, *, max_length: int = 256, batch_size: int = 16,
                 device: str = "cpu") -> None:
        try:
            import torch
            from transformers import AutoModelForSequenceClassification, AutoTokenizer
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError(_INSTALL_HINT) from exc
        self._torch = torch
        path = Path(model_path)
        if not (path / "config.json").exists():
            raise FileNotFoundError(f"{path}: no config.json (expected a local Hugging Face checkpoint folder)")
        self.tokenizer = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
        try:
            model = AutoModelForSequenceClassification.from_pretrained(
                str(path), local_files_only=True, dtype=torch.float32)
        except TypeError:  # older transformers: torch_dtype
            model = AutoModelForSequenceClassification.from_pretrained(
                str(path), local_files_only=True, torch_dtype=torch.float32)
        self.model = model.to(device).eval()
        self.device = device
        self.columns = label_columns(dict(model.config.id2label))
        self.max_length = max_length
        self.batch_size = batch_size

    def predict(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Probabilities for (premise, hypothesis) pairs: shape (n, 3), columns = NLI_LABELS."""
        torch = self._torch
        out = np.zeros((len(pairs), 3), dtype=np.float32)
        for start in range(0, len(pairs), self.batch_size):
            chunk = pairs[start : start + self.batch_size]
            enc = self.tokenizer([str(p) for p, _ in chunk], [str(h) for _, h in chunk], padding=True,
                                 truncation="longest_first", max_length=self.max_length, return_tensors="pt")
            enc = {k: v.to(self.device) for k, v in enc.items()}
            with torch.no_grad():
                probs = torch.softmax(self.model(**enc).logits.float(), dim=-1).cpu().numpy()
            for idx, col in self.columns:
                out[start : start + len(chunk), col] = probs[:, idx]
        return out


__all__ = ["HFNLIModel", "label_columns"]
