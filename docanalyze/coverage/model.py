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

from ..lexicon import load_toml
from .features import Signals, Unit
from .parts import PART_FEATURES, part_features
from .segment import skeleton

# Task-level features, computed over the passages that can be evidence (not the next-period tasks or the
# proposals); pair scores enter as logits, which keep their spread where probabilities saturate.
BASE_FEATURES = (
    "top1",  # best pair logit
    "top2",  # second best
    "margin",  # top1 minus the best logit another task gets on the same passage
    "n_strong",  # log(1 + passages above the evidence threshold)
    "cov_top1", "rcov_top1", "cos_top1",  # how the best passage and the task overlap, both ways
    "cov_union",  # the task's IDF mass found in its three best passages together
    "parts_min", "parts_mean",  # per part of the task (';', ':' …): the best coverage of that part
    "key_cov",  # share of the task's three rarest words found in its three best passages
    "anywhere",  # the task's IDF mass found anywhere in the report's evidence-eligible passages
    "fwd_top",  # how closely the next-period section restates the task
    "t_len", "n_parts", "top1_done", "top1_cite", "top1_assess",
    "sent_best",  # the best coverage of the task by one sentence of its five best passages
    "sent_n",  # log(1 + sentences of those passages that cover a quarter of the task): how much is said
    "top1_share",  # share of the best passage's sentences that speak of the task (low: a side remark)
    "top1_qty",  # the best passage counts what the task counts ("04 lớp", "318 hội viên")
    "phr_top1", "phr_best",  # the task's word pairs found in its best passage, and in any of its best five
    # the sentence that covers the task best: how much of it is general wording ("tiếp tục được quan tâm"),
    # whether it holds a figure; and the general wording of the best passage
    "sb_vague", "sb_digit", "top1_vague",
)
# ... and per piece of work of the task (``parts.py``): how many pieces, how many the results cover, whether
# a piece is only restated for the next period or only touched by the assessment
# ... and whether the plan sets the task's time after the report's date (``Signals.task_after``)
TIMING_FEATURES = ("after_report",)
TASK_FEATURES = BASE_FEATURES + PART_FEATURES + TIMING_FEATURES
CLASSES = ("not_reported", "partial", "reported")
_PART_SPLIT_RE = re.compile(r";|\.\s|:\s|\n")
_SENT_SPLIT_RE = re.compile(r"[.;!?]\s|\n")
_DIGIT_RE = re.compile(r"\d")
# lines a task carries about itself, not parts of the work ("Thời gian: Quý III/2025.", "Đơn vị thực hiện: …")
_META_RE = re.compile(r"^\s*(?:Thời gian|Thời hạn|Đơn vị|Cơ quan|Sản phẩm|Kinh phí|Chủ trì|Phối hợp)[^:\n]{0,30}:",
                      re.I)


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
    not_reported_min: float | None = None  # P(not_reported) a task needs to be called not reported (None: argmax)

    def decide(self, probs: dict[str, float]) -> str:
        """The status for one task's class probabilities.

        With ``not_reported_min`` set, a task is called not reported only when the model finds that more
        likely than the threshold, and otherwise gets the likelier of ``reported`` and ``partial``. The shipped
        model leaves it unset (the likeliest class): without report-relative features the threshold no longer
        paid (ten groups over 126 pairs: 0.798 with 0.5 against 0.804; see tools/eval_check.py).
        """
        if self.not_reported_min is None or "not_reported" not in probs:
            return max(probs, key=lambda c: probs[c])
        if probs["not_reported"] >= self.not_reported_min:
            return "not_reported"
        return max((c for c in probs if c != "not_reported"), key=lambda c: probs[c])


def model_from_dict(data: dict[str, Any]) -> CheckModel:
    return CheckModel(
        pair=LinearModel.from_dict(data["pair"]), task=LinearModel.from_dict(data["task"]),
        classes=tuple(data["task"].get("classes", CLASSES)), segmenter=data.get("segmenter", "dict"),
        evidence_threshold=float(data.get("evidence_threshold", 0.5)), max_evidence=int(data.get("max_evidence", 5)),
        unplanned_threshold=float(data.get("unplanned_threshold", 0.25)),
        not_reported_min=data.get("not_reported_min"),
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
        if _META_RE.match(unit.text[a:b]):
            continue
        words = [w for w, (s, _e) in zip(unit.words, unit.word_spans, strict=True) if a <= s < b]
        if len(words) >= 2:
            parts.append(words)
    return parts or [unit.words]


def sentence_spans(unit: Unit) -> list[tuple[int, int, set[str]]]:
    """Each sentence (or ';' clause) of a passage that has content words: its span in ``unit.text`` and
    those words."""
    cuts = [0] + [m.end() for m in _SENT_SPLIT_RE.finditer(unit.text)] + [len(unit.text) + 1]
    out: list[tuple[int, int, set[str]]] = []
    k = 0
    spans = unit.word_spans
    for a, b in zip(cuts, cuts[1:], strict=False):
        sent = set()
        while k < len(spans) and spans[k][0] < b:
            if spans[k][0] >= a:
                sent.add(unit.words[k])
            k += 1
        if sent:
            out.append((a, b, sent))
    return out


def sentences(unit: Unit) -> list[set[str]]:
    """The content words of each sentence (or ';' clause) of a passage."""
    return [words for _a, _b, words in sentence_spans(unit)]


@cache
def _vague_re() -> re.Pattern[str]:
    words = sorted({skeleton(w) for w in load_toml("check_lexicon.toml")["reporting"]["vague"]}, key=len, reverse=True)
    return re.compile(rf"(?<!\S)(?:{'|'.join(map(re.escape, words))})(?!\S)")


def _vague_share(text: str) -> float:
    """How much of ``text`` is general wording: cue phrases per word, scaled so one in ten words is 1."""
    sk = skeleton(text)
    n = sk.count(" ") + 1 if sk else 1
    return min(1.0, 10.0 * len(_vague_re().findall(sk)) / n)


def _wording(unit: Unit, cache_: dict[int, list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """For each sentence of a passage (as ``sentences`` cuts them): its general wording and whether it
    holds a figure."""
    key = id(unit)
    if key not in cache_:
        cache_[key] = [(_vague_share(unit.text[a:b]), float(_DIGIT_RE.search(unit.text, a, b) is not None))
                       for a, b, _words in sentence_spans(unit)]
    return cache_[key]


def task_features(sig: Signals, logits: np.ndarray, threshold: float) -> np.ndarray:
    """T × len(TASK_FEATURES): how strong, how specific and how broad each task's evidence is."""
    sent_cache: dict[int, list[set[str]]] = {}
    base = _evidence_features(sig, logits, threshold, sent_cache)
    x = np.hstack([base, part_features(sig, sent_cache, sentences)])
    after = sig.task_after if sig.task_after is not None else np.zeros(len(sig.tasks))
    return np.hstack([x, after.reshape(-1, 1)])


def _evidence_features(sig: Signals, logits: np.ndarray, threshold: float,
                       sent_cache: dict[int, list[set[str]]]) -> np.ndarray:
    """T × len(BASE_FEATURES): the task's best passages (``sent_cache``: passage sentences, filled here)."""
    T, P = logits.shape
    out = np.zeros((T, len(BASE_FEATURES)), dtype=np.float64)
    col = {f: k for k, f in enumerate(BASE_FEATURES)}
    eligible = sig.eligible.astype(bool) if P else np.zeros(0, dtype=bool)
    if P == 0 or not eligible.any():
        for i, u in enumerate(sig.tasks):
            out[i] = -15.0
            out[i, col["t_len"]] = math.log1p(len(u.words)) / 5.0
            out[i, col["n_parts"]] = math.log1p(len(task_parts(u)))
            for f in ("n_strong", "cov_top1", "rcov_top1", "cos_top1", "cov_union", "parts_min", "parts_mean",
                      "key_cov", "anywhere", "fwd_top", "top1_done", "top1_cite", "top1_assess", "margin",
                      "sent_best", "sent_n", "top1_share", "top1_qty", "phr_top1", "phr_best",
                      "sb_vague", "sb_digit", "top1_vague"):
                out[i, col[f]] = 0.0
        return out
    z = np.clip(logits, -15.0, 15.0)
    masked = np.where(eligible[None, :], z, -np.inf)
    logit_threshold = math.log(threshold / (1 - threshold))
    idf = sig.idf
    words = [set(u.words) for u in sig.passages]
    anywhere_words = set().union(*(w for w, e in zip(words, eligible, strict=True) if e))
    fwd = (sig.pair["role_forward"][0] + sig.pair["role_proposal"][0]) > 0 if T else np.zeros(P, dtype=bool)
    wording_cache: dict[int, list[tuple[float, float]]] = {}
    passage_vague: dict[int, float] = {}
    base = sig.pair["base"]
    for i, u in enumerate(sig.tasks):
        row = masked[i]
        ranked = np.argsort(-row, kind="stable")
        order = ranked[eligible[ranked]][:8].tolist()
        j0 = order[0]
        top1 = float(row[j0])
        top2 = float(row[order[1]]) if len(order) > 1 else -15.0
        # competing tasks, leaving out the task itself and its near-copies elsewhere in the plan
        rivals = np.ones(T, dtype=bool)
        rivals[i] = False
        if sig.task_sim is not None:
            rivals &= sig.task_sim[i] < 0.8
        others = z[rivals, j0]
        margin = top1 - float(others.max()) if len(others) else top1
        tw = {w: idf.get(w, 1.0) for w in set(u.words)}
        total = sum(tw.values()) or 1.0
        best3 = order[:3]
        union = set().union(*(words[j] for j in best3))
        rare = sorted(tw, key=lambda w: (-tw[w], w))[:3]  # ties broken by the word: the same on every run
        parts = task_parts(u)
        part_cov = []
        for part in parts:
            pw = {w: idf.get(w, 1.0) for w in set(part)}
            pt = sum(pw.values()) or 1.0
            part_cov.append(max(sum(v for w, v in pw.items() if w in words[j]) / pt for j in order[:5]))
        sent_covs = []
        top1_sents = []
        best_sent, best_at = -1.0, (j0, 0)
        for rank, j in enumerate(order[:5]):
            if j not in sent_cache:
                sent_cache[j] = sentences(sig.passages[j])
            covs = [sum(v for w, v in tw.items() if w in sent) / total for sent in sent_cache[j]]
            sent_covs += covs
            for q, c in enumerate(covs):
                if c > best_sent:
                    best_sent, best_at = c, (j, q)
            if rank == 0:
                top1_sents = covs
        wording = _wording(sig.passages[best_at[0]], wording_cache)
        sb_vague, sb_digit = wording[best_at[1]] if best_at[1] < len(wording) else (0.0, 0.0)
        out[i] = (
            top1, top2, margin, math.log1p(int((row >= logit_threshold).sum())),
            float(sig.pair["cov_w"][i, j0]), float(sig.pair["rcov_w"][i, j0]), float(sig.pair["cos_w"][i, j0]),
            sum(v for w, v in tw.items() if w in union) / total,
            min(part_cov), sum(part_cov) / len(part_cov),
            sum(1 for w in rare if w in union) / max(1, len(rare)),
            sum(v for w, v in tw.items() if w in anywhere_words) / total,
            float(base[i][fwd].max()) if fwd.any() else 0.0,
            math.log1p(len(u.words)) / 5.0, math.log1p(len(parts)),
            float(sig.passage_done[j0]), float(sig.pair["cite"][i, j0] > 0),
            float(sig.pair["role_assessment"][i, j0]),
            max(sent_covs, default=0.0), math.log1p(sum(1 for c in sent_covs if c >= 0.25)),
            sum(1 for c in top1_sents if c >= 0.2) / max(1, len(top1_sents)), float(sig.pair["qty"][i, j0]),
            float(sig.pair["cov_p"][i, j0]), float(sig.pair["cov_p"][i, order[:5]].max()),
            sb_vague, sb_digit, passage_vague[j0] if j0 in passage_vague else passage_vague.setdefault(
                j0, _vague_share(sig.passages[j0].text)),
        )
    return out


def pair_logits(model: CheckModel, sig: Signals) -> np.ndarray:
    """T × P decision values of the pair model (log-odds that the passage is evidence for the task)."""
    T, P = len(sig.tasks), len(sig.passages)
    if not T or not P:
        return np.zeros((T, P))
    return model.pair.decision(sig.matrix(model.pair.features))[:, 0].reshape(T, P)


def pair_scores(logits: np.ndarray) -> np.ndarray:
    """Probabilities from pair logits."""
    return 1.0 / (1.0 + np.exp(-np.clip(logits, -30, 30)))


def task_probabilities(model: CheckModel, sig: Signals, logits: np.ndarray) -> np.ndarray:
    """T × classes."""
    if not len(sig.tasks):
        return np.zeros((0, len(model.classes)))
    x = task_features(sig, logits, model.evidence_threshold)
    idx = [TASK_FEATURES.index(f) for f in model.task.features]
    return model.task.proba(x[:, idx])
