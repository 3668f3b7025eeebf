"""Labelled plan/report pairs as training data, and fitting the two models (used by ``tools/``).

A labelled pair (``corpus/gold/pairs/<id>.json``) gives, for each plan task, a
``key`` (words copied from the task), a ``status`` and a short ``evidence``
quote from the report. Gold keys are matched to the extracted tasks the way
``score.py`` does (longest key first, tightest task containing it); a key no
extracted task contains gets a task built from the plan block or table row that
contains it, so fitting does not depend on the task extractor's recall.

scikit-learn is imported only here, never by ``docanalyze check`` itself.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..items import Task
from ..normalize import fold
from .features import PAIR_FEATURES, Signals, compute
from .model import CLASSES, TASK_FEATURES, CheckModel, model_from_dict, task_features
from .passages import Passage, report_passages
from .segment import segment

if TYPE_CHECKING:
    from ..analysis import Analysis


# groups of training pairs whose pair scores come from a pair model fitted without them (see ``fit``);
# leave-one-pair-out (as many groups as pairs) scored alike and costs a fit per pair
OOF_FOLDS = 8


def norm(text: str | None) -> str:
    """score.py's matching key: folded, quotes dropped, spaces collapsed."""
    return fold(text or "")


@dataclass
class PairData:
    """One labelled pair with everything the models need, computed once."""

    id: str
    plan: Analysis
    report: Analysis
    tasks: list[Task]
    passages: list[Passage]
    sig: Signals
    labels: list[tuple[int, str, set[int]]]  # (task index, gold status, evidence passage indices)
    gold_task: dict[int, int] = field(default_factory=dict)  # gold entry -> task index
    unmatched: list[dict[str, Any]] = field(default_factory=list)  # gold entries no task holds
    n_from_extractor: int = 0
    gold: list[dict[str, Any]] = field(default_factory=list)


def match_keys(gold: list[dict[str, Any]], texts: list[str]) -> dict[int, int]:
    """gold index -> task index, as score.py matches (longest key first, tightest unclaimed task)."""
    normed = [norm(t) for t in texts]
    claimed: set[int] = set()
    out: dict[int, int] = {}
    for gi in sorted(range(len(gold)), key=lambda g: -len(norm(gold[g]["key"]))):
        key = norm(gold[gi]["key"])
        hits = [i for i, s in enumerate(normed) if key in s and i not in claimed]
        if hits:
            idx = min(hits, key=lambda i: len(normed[i]))
            claimed.add(idx)
            out[gi] = idx
    return out


def fallback_task(plan: Analysis, key: str, n: int) -> Task | None:
    """A task from the plan block (or table cell) that contains ``key``."""
    doc = plan.document
    k = norm(key)
    for b in doc.blocks:
        if b.kind == "table" and b.table is not None:
            for row in doc.tables[b.table].rows:
                for c in row:
                    if k in norm(c.text):
                        return Task(id=f"g{n}", text=c.text, start=c.start, end=c.end, source="table")
        elif k in norm(doc.text[b.start:b.end]):
            return Task(id=f"g{n}", text=doc.text[b.start:b.end], start=b.start, end=b.end)
    return None


def evidence_passages(quote: str | None, passages: list[Passage], text: str) -> set[int]:
    """The passages a gold evidence quote comes from (it may be shortened with '…')."""
    if not quote:
        return set()
    pieces = [norm(p) for p in re.split(r"\.\.\.|…", quote)]
    pieces = [p for p in pieces if len(p) >= 8] or [norm(quote)]
    folded = [norm(text[p.start:p.end]) for p in passages]
    out = {j for j, f in enumerate(folded) if any(p in f for p in pieces)}
    if not out:  # a quote that straddles passages or was lightly edited: the passage sharing most words
        words = set(" ".join(pieces).split())
        best = max(range(len(folded)), key=lambda j: len(words & set(folded[j].split())), default=None)
        if best is not None and len(words & set(folded[best].split())) >= 0.6 * len(words):
            out = {best}
    return out


def load_pair(path: Path, docs_root: Path, ext: str = "", backend: str = "dict", fallback: bool = True) -> PairData:
    from ..analysis import analyze

    gold = json.loads(path.read_text(encoding="utf-8"))

    def doc_path(name: str) -> Path:
        p = docs_root / name
        return p.with_suffix(ext) if ext else p

    plan, report = analyze(doc_path(gold["plan"])), analyze(doc_path(gold["report"]))
    tasks = list(plan.tasks)
    cov = gold["coverage"]
    matched = match_keys(cov, [t.text for t in tasks])
    n_ext = len(matched)
    unmatched = []
    for gi, g in enumerate(cov):
        if gi in matched:
            continue
        t = fallback_task(plan, g["key"], gi) if fallback else None
        if t is None:
            unmatched.append(g)
            continue
        tasks.append(t)
        matched[gi] = len(tasks) - 1
    passages = report_passages(report.document, report.header, report.sections)
    sig = compute(plan, report, tasks, passages, segment(plan.document.text, backend),
                  segment(report.document.text, backend), backend)
    labels = [(ti, cov[gi]["status"], evidence_passages(cov[gi].get("evidence"), passages, report.document.text))
              for gi, ti in sorted(matched.items())]
    return PairData(path.stem, plan, report, tasks, passages, sig, labels, dict(matched), unmatched, n_ext, cov)


# ------------------------------------------------------------------ fitting
def _pair_xy(pairs: list[PairData], features: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = [], []
    P_ = lambda d: len(d.passages)  # noqa: E731
    for d in pairs:
        if not P_(d):
            continue
        x = d.sig.matrix(features).reshape(len(d.tasks), P_(d), len(features))
        for ti, status, ev in d.labels:
            xs.append(x[ti])
            y = np.zeros(P_(d))
            if status != "not_reported":
                y[list(ev)] = 1
            ys.append(y)
    return np.concatenate(xs), np.concatenate(ys)


def _linear_dict(scaler: Any, clf: Any, features: tuple[str, ...], classes: tuple[str, ...] | None = None
                 ) -> dict[str, Any]:
    d: dict[str, Any] = {"features": list(features), "mean": scaler.mean_.round(6).tolist(),
                         "scale": scaler.scale_.round(6).tolist(), "coef": clf.coef_.round(5).tolist(),
                         "intercept": clf.intercept_.round(5).tolist()}
    if classes:
        d["classes"] = list(classes)
    return d


def fit_pair(pairs: list[PairData], features: tuple[str, ...] = PAIR_FEATURES, C: float = 1.0) -> dict[str, Any]:
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    x, y = _pair_xy(pairs, features)
    scaler = StandardScaler().fit(x)
    clf = LogisticRegression(C=C, class_weight="balanced", max_iter=2000).fit(scaler.transform(x), y)
    return _linear_dict(scaler, clf, features)


def _scores(d: PairData, pair_model: dict[str, Any]) -> np.ndarray:
    """Pair logits of ``d`` under a pair model."""
    from .model import LinearModel

    lm = LinearModel.from_dict(pair_model)
    if not d.passages:
        return np.zeros((len(d.tasks), 0))
    return lm.decision(d.sig.matrix(lm.features))[:, 0].reshape(len(d.tasks), len(d.passages))


def _task_xy(pairs: list[PairData], scores: list[np.ndarray], threshold: float, features: tuple[str, ...]
             ) -> tuple[np.ndarray, np.ndarray]:
    idx = [TASK_FEATURES.index(f) for f in features]
    xs, ys = [], []
    for d, s in zip(pairs, scores, strict=True):
        tf = task_features(d.sig, s, threshold)
        for ti, status, _ev in d.labels:
            xs.append(tf[ti, idx])
            ys.append(CLASSES.index(status))
    return np.array(xs), np.array(ys)


def fit(pairs: list[PairData], *, segmenter: str = "dict", pair_features: tuple[str, ...] = PAIR_FEATURES,
        task_features_: tuple[str, ...] = TASK_FEATURES, C_pair: float = 1.0, C_task: float = 1.0,
        threshold: float = 0.5, task_class_weight: str | None = None, not_reported_min: float | None = None,
        folds: int = OOF_FOLDS) -> dict[str, Any]:
    """Both models as the dict ``check_model.json`` holds.

    The task model is fitted on pair scores each training pair gets from a pair
    model fitted *without* it (``folds`` groups of pairs, each scored by a model
    fitted on the others), so it learns from scores as noisy as unseen reports
    will give.
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    pair_model = fit_pair(pairs, pair_features, C_pair)
    oof: list[np.ndarray] = [np.zeros(0)] * len(pairs)
    k = min(folds, len(pairs))
    for f in range(k):
        held = [i for i in range(f, len(pairs), k)]
        others = [x for i, x in enumerate(pairs) if i not in held]
        fold_model = fit_pair(others, pair_features, C_pair) if others else pair_model
        for i in held:
            oof[i] = _scores(pairs[i], fold_model)
    x, y = _task_xy(pairs, oof, threshold, task_features_)
    scaler = StandardScaler().fit(x)
    clf = LogisticRegression(C=C_task, max_iter=5000, class_weight=task_class_weight).fit(scaler.transform(x), y)
    present = tuple(CLASSES[c] for c in clf.classes_)
    task_model = _linear_dict(scaler, clf, task_features_, present)
    if len(present) == 2:  # binary sklearn output: one row of coefficients for the second class
        coef = np.array(task_model["coef"])
        task_model["coef"] = [[0.0] * coef.shape[1], coef[0].tolist()]
        task_model["intercept"] = [0.0, task_model["intercept"][0]]
    return {"version": 1, "fitted": True, "segmenter": segmenter, "evidence_threshold": threshold,
            "max_evidence": 5, "unplanned_threshold": 0.2, "not_reported_min": not_reported_min,
            "pair": pair_model, "task": task_model}


def predict(d: PairData, model: dict[str, Any] | CheckModel) -> list[str]:
    """The status the model gives each task of ``d`` (in ``d.tasks`` order)."""
    m = model if isinstance(model, CheckModel) else model_from_dict(model)
    s = _scores(d, _as_pair_dict(m))
    tf = task_features(d.sig, s, m.evidence_threshold)
    idx = [TASK_FEATURES.index(f) for f in m.task.features]
    probs = m.task.proba(tf[:, idx])
    return [m.decide(dict(zip(m.classes, row.tolist(), strict=True))) for row in probs]


def _as_pair_dict(m: CheckModel) -> dict[str, Any]:
    p = m.pair
    return {"features": list(p.features), "mean": p.mean.tolist(), "scale": p.scale.tolist(),
            "coef": p.coef.tolist(), "intercept": p.intercept.tolist()}


def predict_gold(d: PairData, model: dict[str, Any] | CheckModel) -> tuple[list[str], list[str | None]]:
    """(gold statuses, predicted statuses) for every gold entry of ``d``; None where no task holds its key."""
    pred = predict(d, model)
    gold = [g["status"] for g in d.gold]
    return gold, [pred[d.gold_task[i]] if i in d.gold_task else None for i in range(len(d.gold))]


def confusion(gold: list[str], pred: list[str | None]) -> dict[str, Any]:
    """Three-label accuracy, F1 of reported-or-partial against not_reported, and the confusion matrix."""
    labels = ["reported", "partial", "not_reported"]
    matrix = {g: {p: 0 for p in [*labels, "missing"]} for g in labels}
    tp = fp = fn = 0
    for g, p in zip(gold, pred, strict=True):
        matrix[g][p if p in labels else "missing"] += 1
        want, got = g != "not_reported", p not in (None, "not_reported")
        tp += want and got
        fp += got and not want
        fn += want and not got
    acc = sum(g == p for g, p in zip(gold, pred, strict=True)) / max(1, len(gold))
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"n": len(gold), "accuracy": acc, "f1_reported": f1, "precision": prec, "recall": rec, "matrix": matrix}
