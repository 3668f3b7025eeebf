"""Scoring with fitted parameters shipped as data (``data/check_model.json``).

Two small logistic models, fitted by ``tools/fit_check_model.py`` on labelled
plan/report pairs and applied here with numpy alone (importing scikit-learn at
run time would cost more than the whole check):

1. the *pair* model turns the signals of one (task, passage) pair
   (``features.PAIR_FEATURES``) into the probability that the passage is
   evidence for the task;
2. the *task* model reads, for one task, how strong and how broad that evidence
   is (``TASK_FEATURES``: the best pair scores, how much of the task's wording
   and of its parts the evidence covers, …) and gives the probabilities of
   ``not_reported``, ``partial`` and ``reported``.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from .features import Signals, Unit

TASK_FEATURES = ("top1", "top2", "top3", "n_strong", "cov_union", "parts_cov", "n_parts", "base_top1", "fwd_top",
                 "t_len", "top1_done", "top1_cite")
CLASSES = ("not_reported", "partial", "reported")
_PART_SPLIT_RE = re.compile(r";|\.\s|:\s|\n")


@dataclass
class LinearModel:
    """Standardize, then a linear map: one row of coefficients per class (one row for a binary model)."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray  # K × F
    intercept: np.ndarray  # K

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> LinearModel:
        coef = np.atleast_2d(np.asarray(d["coef"], dtype=np.float64))
        return cls(tuple(d["features"]), np.asarray(d["mean"], dtype=np.float64),
                   np.asarray(d["scale"], dtype=np.float64), coef,
                   np.atleast_1d(np.asarray(d["intercept"], dtype=np.float64)))

    def decision(self, x: np.ndarray) -> np.ndarray:
        z = (x - self.mean) / np.where(self.scale > 0, self.scale, 1.0)
        return z @ self.coef.T + self.intercept

    def proba(self, x: np.ndarray) -> np.ndarray:
        """Binary: P(positive) as a vector. Multiclass: softmax rows."""
        d = self.decision(x)
        if d.shape[1] == 1:
            return 1.0 / (1.0 + np.exp(-d[:, 0]))
        d = d - d.max(axis=1, keepdims=True)
        e = np.exp(d)
        return e / e.sum(axis=1, keepdims=True)


@dataclass
class CheckModel:
    pair: LinearModel
    task: LinearModel
    classes: tuple[str, ...]
    segmenter: str
    evidence_threshold: float
    max_evidence: int
    unplanned_threshold: float
    info: dict[str, Any]


def model_from_dict(data: dict[str, Any]) -> CheckModel:
    return CheckModel(
        pair=LinearModel.from_dict(data["pair"]), task=LinearModel.from_dict(data["task"]),
        classes=tuple(data["task"].get("classes", CLASSES)), segmenter=data.get("segmenter", "dict"),
        evidence_threshold=float(data.get("evidence_threshold", 0.5)), max_evidence=int(data.get("max_evidence", 5)),
        unplanned_threshold=float(data.get("unplanned_threshold", 0.25)),
        info={k: v for k, v in data.items() if k not in ("pair", "task")},
    )


@cache
def load_model() -> CheckModel:
    """The shipped model (``docanalyze/data/check_model.json``)."""
    raw = resources.files("docanalyze.data").joinpath("check_model.json").read_text(encoding="utf-8")
    return model_from_dict(json.loads(raw))


# ------------------------------------------------------------------ task features
def task_parts(unit: Unit) -> list[list[str]]:
    """The task's parts (clauses split at ';', ':' and sentence ends), each as its content words."""
    cuts = [0] + [m.end() for m in _PART_SPLIT_RE.finditer(unit.text)] + [len(unit.text) + 1]
    parts = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        words = [w for w, (s, _e) in zip(unit.words, unit.word_spans, strict=True) if a <= s < b]
        if len(words) >= 2:
            parts.append(words)
    return parts or [unit.words]


def task_features(sig: Signals, scores: np.ndarray, threshold: float) -> np.ndarray:
    """T × len(TASK_FEATURES): how strong and how broad each task's evidence is."""
    T, P = scores.shape
    out = np.zeros((T, len(TASK_FEATURES)), dtype=np.float64)
    if P == 0:
        for i, u in enumerate(sig.tasks):
            out[i, TASK_FEATURES.index("t_len")] = math.log1p(len(u.words)) / 5.0
        return out
    base = sig.pair["base"]
    fwd = sig.pair["role_forward"] + sig.pair["role_proposal"]
    for i, u in enumerate(sig.tasks):
        s = scores[i]
        order = np.argsort(-s)
        top = s[order[:3]]
        top = np.pad(top, (0, 3 - len(top)))
        strong = [j for j in order if s[j] >= threshold][:8] or [int(order[0])]
        weights = sig.task_weights[i]
        total = float(sig.task_total[i]) or 1.0
        union = np.clip(sig.passage_bin[strong].sum(axis=0), 0, 1)
        cov_union = float(weights @ union) / total
        present = {w for j in strong for w in sig.passages[j].words}
        parts = task_parts(u)
        covered = 0
        for part in parts:
            if sum(1 for w in part if w in present) / len(part) >= 0.5:
                covered += 1
        nonfwd = base[i] * (1 - fwd[i])
        j0 = int(order[0])
        out[i] = (top[0], top[1], top[2], math.log1p(sum(1 for x in s if x >= threshold)), cov_union,
                  covered / len(parts), math.log1p(len(parts)), float(nonfwd.max()),
                  float((base[i] * fwd[i]).max()), math.log1p(len(u.words)) / 5.0,
                  float(sig.pair["done"][i, j0]), float(sig.pair["cite"][i, j0] > 0))
    return out


def pair_scores(model: CheckModel, sig: Signals) -> np.ndarray:
    """T × P probabilities that each passage is evidence for each task."""
    T, P = len(sig.tasks), len(sig.passages)
    if not T or not P:
        return np.zeros((T, P))
    return model.pair.proba(sig.matrix(model.pair.features)).reshape(T, P)


def task_probabilities(model: CheckModel, sig: Signals, scores: np.ndarray) -> np.ndarray:
    """T × classes."""
    if not len(sig.tasks):
        return np.zeros((0, len(model.classes)))
    x = task_features(sig, scores, model.evidence_threshold)
    idx = [TASK_FEATURES.index(f) for f in model.task.features]
    return model.task.proba(x[:, idx])
