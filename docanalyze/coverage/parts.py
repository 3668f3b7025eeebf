"""How much of each piece of a task the report covers, and where: results, assessment or next period.

GUIDE.md calls a task ``partial`` when the report speaks of only part of it. A plan task often asks for
several pieces of work ("Rà soát mạng lưới cơ sở …; tổ chức Hội thi giáo viên dạy giỏi …",
``clauses.part_spans``); each piece is measured on its own words — the words no other piece of the task
has, so that "giáo dục nghề nghiệp" shared by both pieces says nothing about either — against single
sentences of the report, grouped by the role of their section:

- a piece that some sentence of the results covers is reported;
- a piece the results do not cover but the next-period section restates is left for later
  ("Tổ chức diễn tập … " among next year's tasks);
- a piece only the assessment touches (ưu điểm, hạn chế) is mentioned in passing.

The best sentence is looked for in the few passages that cover the piece best, since a sentence never
covers more of it than its passage does; this keeps the measure linear in the size of the report.
"""
from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from .clauses import part_spans
from .features import Signals, Unit

PART_FEATURES = ("p_n", "p_frac", "p_min", "p_mean", "p_fwd_only", "p_assess_only")
COVERED = 0.5  # share of a piece's IDF mass one sentence must hold for the piece to count as covered
RESTATED = 0.7  # ... that a next-period sentence must hold for the piece to count as left for later
MIN_WORDS = 3  # content words a piece needs to be measured ("Rà soát," alone is not a piece)
CANDIDATES = 4  # passages per piece and role whose sentences are searched


def pieces(unit: Unit) -> list[set[str]]:
    """The task's pieces of work as sets of their own content words (the whole task when it has one)."""
    parts = []
    for a, b in part_spans(unit.text):
        words = {w for w, (s, _e) in zip(unit.words, unit.word_spans, strict=True) if a <= s < b}
        if len(words) >= MIN_WORDS:
            parts.append(words)
    if len(parts) < 2:
        return [set(unit.words)] if unit.words else []
    out = []
    for k, p in enumerate(parts):
        others = set().union(*(q for m, q in enumerate(parts) if m != k))
        own = p - others
        out.append(own if len(own) >= 2 else p)
    return out


def part_features(sig: Signals, sentences: dict[int, list[set[str]]], split: Callable[[Unit], list[set[str]]]
                  ) -> np.ndarray:
    """T × len(PART_FEATURES). ``sentences`` caches each passage's sentences (``split(unit)`` makes them)."""
    T, P = len(sig.tasks), len(sig.passages)
    out = np.zeros((T, len(PART_FEATURES)), dtype=np.float64)
    if not T:
        return out
    idf, vocab = sig.idf, sig.vocab
    role = np.full(P, "body", dtype=object)
    for name in ("intro", "assessment", "forward", "proposal"):
        if P:
            role[sig.pair[f"role_{name}"][0] > 0] = name
    groups = {"body": np.flatnonzero(role == "body"), "assessment": np.flatnonzero(role == "assessment"),
              "forward": np.flatnonzero((role == "forward") | (role == "proposal"))}
    all_pieces = [pieces(u) for u in sig.tasks]
    flat = [(i, p) for i, ps in enumerate(all_pieces) for p in ps]
    K = sig.passage_bin.shape[1] if P else 0
    weights = np.zeros((len(flat), K), dtype=np.float32)
    totals = np.zeros(len(flat), dtype=np.float32)
    for q, (_i, p) in enumerate(flat):
        for w in p:
            v = idf.get(w, 1.0)
            totals[q] += v
            if w in vocab:
                weights[q, vocab[w]] = v
    totals = np.maximum(totals, 1e-9)
    by_passage = (weights @ sig.passage_bin.T) / totals[:, None] if P and K else np.zeros((len(flat), P))

    def best(q: int, words: set[str], group: np.ndarray) -> float:
        if not len(group):
            return 0.0
        row = by_passage[q, group]
        top = group[np.argsort(-row, kind="stable")[:CANDIDATES]]
        score = 0.0
        tw = {w: idf.get(w, 1.0) for w in words}
        for j in top:
            if by_passage[q, j] <= score:
                continue  # no sentence of this passage can do better
            if j not in sentences:
                sentences[j] = split(sig.passages[j])
            for s in sentences[j]:
                score = max(score, sum(v for w, v in tw.items() if w in s) / float(totals[q]))
        return score

    cover: dict[int, list[tuple[float, float, float]]] = {}
    for q, (i, p) in enumerate(flat):
        cover.setdefault(i, []).append((best(q, p, groups["body"]), best(q, p, groups["assessment"]),
                                        best(q, p, groups["forward"])))
    for i in range(T):
        c = cover.get(i) or [(0.0, 0.0, 0.0)]
        body = [b for b, _a, _f in c]
        out[i] = (math.log1p(len(c)), sum(b >= COVERED for b in body) / len(c), min(body), sum(body) / len(c),
                  float(any(b < COVERED and f >= RESTATED for b, _a, f in c)),
                  float(any(b < COVERED and a >= COVERED for b, a, _f in c)))
    return out
