"""Natural-language inference with the bundled int8 ONNX cross-encoder (no torch needed).

The model decides whether a passage (premise) supports, is neutral to, or contradicts a claim
(hypothesis).  It was trained by ``training/train_nli.py``; see ``nli_model/MODEL_CARD.md`` for
its data, scores and limits.  Runtime dependencies: ``onnxruntime``, ``tokenizers``, ``numpy``.

    from groundbrief.verify.nli import OnnxNLIModel, NLI_LABELS
    model = OnnxNLIModel()
    probs = model.predict([(passage, claim)])   # shape (1, 3): P(entailment), P(neutral), P(contradiction)
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

NLI_LABELS: tuple[str, str, str] = ("entailment", "neutral", "contradiction")

#: Folder of the bundled model (package data): model.onnx, tokenizer.json, config.json.
DEFAULT_MODEL_DIR = Path(__file__).resolve().parent / "nli_model"


def _default_threads() -> int:
    """Threads for onnxruntime: the CPUs this process may use, capped at 4 (the model is small)."""
    try:
        n = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - non-Linux
        n = os.cpu_count() or 1
    return max(1, min(n, 4))


class OnnxNLIModel:
    """The bundled NLI cross-encoder, run with onnxruntime on the CPU.

    ``model_dir`` holds ``model.onnx`` (or ``model_file``), ``tokenizer.json`` and ``config.json``
    (``labels`` in the model's output order, ``max_length``).  ``threads`` sets onnxruntime's
    intra-op threads (default: available CPUs, at most 4).
    """

    def __init__(
        self,
        model_dir: Path | None = None,
        *,
        model_file: str = "model.onnx",
        threads: int | None = None,
        batch_size: int = 32,
    ) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.model_dir = Path(model_dir) if model_dir is not None else DEFAULT_MODEL_DIR
        cfg_path = self.model_dir / "config.json"
        self.config: dict = json.loads(cfg_path.read_text(encoding="utf-8")) if cfg_path.exists() else {}
        # Named in Source Transparency's list of models used (I8).
        self.name = f"{self.config.get('name', 'onnx-nli')} (ONNX)"
        labels = tuple(self.config.get("labels", NLI_LABELS))
        if sorted(labels) != sorted(NLI_LABELS):
            raise ValueError(f"{cfg_path}: labels {labels} are not {NLI_LABELS}")
        # column permutation from the model's output order to NLI_LABELS
        self._order = [labels.index(name) for name in NLI_LABELS]
        self.max_length = int(self.config.get("max_length", 128))
        self.batch_size = int(batch_size)

        tok = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
        tok.enable_truncation(self.max_length, strategy="longest_first")
        pad_id = tok.token_to_id("[PAD]")
        tok.enable_padding(pad_id=0 if pad_id is None else pad_id, pad_token="[PAD]")
        self.tokenizer = tok

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads or _default_threads()
        opts.inter_op_num_threads = 1
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(
            str(self.model_dir / model_file), sess_options=opts, providers=["CPUExecutionProvider"]
        )
        self._input_names = {i.name for i in self.session.get_inputs()}

    def predict(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Probabilities for (premise, hypothesis) pairs: shape (n, 3), columns = :data:`NLI_LABELS`.

        premise = the evidence passage, hypothesis = the claim.  Rows sum to 1.
        """
        n = len(pairs)
        out = np.zeros((n, 3), dtype=np.float32)
        if n == 0:
            return out
        # length-sorted batches: less padding, same results
        order = sorted(range(n), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
        for start in range(0, n, self.batch_size):
            idx = order[start : start + self.batch_size]
            encs = self.tokenizer.encode_batch([(str(pairs[i][0]), str(pairs[i][1])) for i in idx])
            feeds = {
                "input_ids": np.array([e.ids for e in encs], dtype=np.int64),
                "attention_mask": np.array([e.attention_mask for e in encs], dtype=np.int64),
                "token_type_ids": np.array([e.type_ids for e in encs], dtype=np.int64),
            }
            feeds = {k: v for k, v in feeds.items() if k in self._input_names}
            logits = self.session.run(None, feeds)[0].astype(np.float32)
            out[idx] = _softmax(logits)[:, self._order]
        return out


def _softmax(x: np.ndarray) -> np.ndarray:
    x = x - x.max(axis=-1, keepdims=True)
    e = np.exp(x)
    return e / e.sum(axis=-1, keepdims=True)


__all__ = ["DEFAULT_MODEL_DIR", "NLI_LABELS", "OnnxNLIModel"]
