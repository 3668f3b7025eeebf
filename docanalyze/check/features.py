"""Signals that a report passage speaks of a plan task, for every (task, passage) pair.

Reports paraphrase: "Tổ chức tập huấn kỹ năng số cho cán bộ" in the plan becomes
"đã mở 03 lớp bồi dưỡng chuyển đổi số cho 120 lượt công chức" in the report. No
single measure survives that, so several are computed and a fitted model
(``model.py``) weighs them:

- ``cos_w``/``cov_w``: TF-IDF cosine on segmented words, and the share of the
  task's IDF mass the passage contains (a passage may say much more than the task);
- ``cos_b``/``cov_b``: the same on syllable bigrams (robust to segmentation errors);
- ``head``: likeness of the task to the headings the passage sits under (reports
  are often organised by the plan's areas of work);
- ``cite``/``quote``: a shared document number, a shared quoted slogan or named
  model, weighted by how rare it is in the report;
- ``lead``: the passage (or its heading) names the task's lead unit;
- the passage's section role (results, assessment, next period, proposals, intro)
  and whether it reads as a statement of work done (``done``);
- ``rel``/``mutual``: how the pair ranks among the task's passages and the
  passage's tasks, which sorts out passages that share words with many tasks.

Admin stop-words (``data/admin_stopwords.txt``) are removed before any of it;
IDF is computed over the plan's tasks and the report's passages together.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np

from ..lexicon import load_toml
from .passages import Passage
from .segment import Words, fold_syllable, fold_words, segment, skeleton

if TYPE_CHECKING:
    from ..analysis import Analysis
    from ..items import Task

PAIR_FEATURES = ("cos_w", "cov_w", "cos_b", "cov_b", "head", "cite", "quote", "lead", "done", "is_heading",
                 "role_intro", "role_assessment", "role_forward", "role_proposal", "rel", "mutual", "p_len")

_QUOTE_RE = re.compile(r"“([^”\n]{3,300})”")
# document numbers as written: 33/CT-TTg, 04/2015/NĐ-CP, 173-KH/BDVTU-UBNDTP, 25-NQ/TW
_NUMBER_RE = re.compile(r"\b\d{1,5}[a-z]?(?:/\d{4})?[/-](?:[A-ZĐ][A-Za-zĐđ&0-9]*)(?:[/-][A-ZĐ][A-Za-zĐđ&0-9]*)*")
_DIGIT_RE = re.compile(r"\d")
_PERCENT_RE = re.compile(r"\d+(?:[.,]\d+)?\s*%")
_COUNTED = ("lượt", "cuộc", "buổi", "lớp", "hội nghị", "đợt", "văn bản", "người", "cán bộ", "học sinh", "đơn",
            "trường", "đơn vị", "hồ sơ", "tin", "bài", "tập thể", "cá nhân", "xã", "hộ", "thủ tục", "kế hoạch")


@cache
def stopwords() -> frozenset[str]:
    """Folded keys of ``data/admin_stopwords.txt`` ('công_tác'), and each single syllable as itself."""
    text = resources.files("docanalyze.data").joinpath("admin_stopwords.txt").read_text(encoding="utf-8")
    out = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.add(fold_words(line))
    return frozenset(out)


@cache
def reporting_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Patterns over skeleton text: past and result words (one alternation), and counts ("12 lượt")."""
    cues = sorted({skeleton(c) for c in load_toml("check_lexicon.toml")["reporting"]["cues"]}, key=len, reverse=True)
    counted = "|".join(re.escape(skeleton(w)) for w in _COUNTED)
    return (re.compile(rf"(?<!\S)(?:{'|'.join(map(re.escape, cues))})(?!\S)"),
            re.compile(rf"(?<!\S)\d{{1,6}} (?:{counted})(?!\S)"))


# ------------------------------------------------------------------ units of text
@dataclass
class Unit:
    """One task, passage or heading as bags of terms."""

    text: str
    words: list[str]  # content words (stop-words, digits dropped)
    word_spans: list[tuple[int, int]]  # spans of those words, relative to ``text``
    bigrams: list[str]
    numbers: set[str] = field(default_factory=set)
    quotes: set[str] = field(default_factory=set)


def _slice(words: Words, start: int, end: int) -> tuple[list[str], list[int], list[int]]:
    i, j = bisect_left(words.starts, start), bisect_right(words.ends, end)
    return list(words.keys[i:j]), list(words.starts[i:j]), list(words.ends[i:j])


def _content(keys: list[str], starts: list[int], ends: list[int], base: int) -> tuple[list[str], list[tuple[int, int]]]:
    stop = stopwords()
    out, spans = [], []
    for k, s, e in zip(keys, starts, ends, strict=True):
        if k in stop or _DIGIT_RE.search(k) or len(k) < 2:
            continue
        out.append(k)
        spans.append((s - base, e - base))
    return out, spans


def _bigrams(text: str) -> list[str]:
    """Syllable bigrams inside runs of words (a comma or a full stop breaks the run)."""
    stop = stopwords()
    out = []
    for run in re.split(r"[^\w\s]|\d", text):
        sy = [fold_syllable(s) for s in run.split()]
        for a, b in zip(sy, sy[1:], strict=False):
            key = f"{a}_{b}"
            if key not in stop and not (a in stop and b in stop):
                out.append(key)
    return out


def _numbers(text: str) -> set[str]:
    return {m.group().replace(" ", "").casefold() for m in _NUMBER_RE.finditer(text)}


def _quotes(text: str) -> set[str]:
    out = set()
    for m in _QUOTE_RE.finditer(text):
        q = skeleton(m.group(1))
        if len(q.split()) >= 2:
            out.add(q)
    return out


def make_unit(text: str, words: Words, start: int, end: int, extra_numbers: set[str] | None = None,
              extra_quotes: set[str] | None = None) -> Unit:
    """The terms of ``text[start:end]`` of a segmented text."""
    piece = text[start:end]
    keys, s, e = _slice(words, start, end)
    content, spans = _content(keys, s, e, start)
    return Unit(piece, content, spans, _bigrams(piece), _numbers(piece) | (extra_numbers or set()),
                _quotes(piece) | (extra_quotes or set()))


def task_unit(task: Task, plan: Analysis, plan_words: Words, backend: str, cites: _Spans | None = None,
              slogans: _Spans | None = None) -> Unit:
    """A task's terms: from the plan's segmentation when the task text is a slice of it."""
    doc = plan.document
    cites = cites or _Spans(plan.citations)
    slogans = slogans or _Spans(plan.slogans)
    numbers = {_cite_key(c) for c in cites.within(task.start, task.end) if c.number or c.name}
    quotes = {skeleton(s.canonical or s.text) for s in slogans.within(task.start, task.end)}
    if doc.text[task.start:task.end] == task.text:
        return make_unit(doc.text, plan_words, task.start, task.end, numbers, quotes)
    words = segment(task.text, backend, use_cache=False)
    return make_unit(task.text, words, 0, len(task.text), numbers, quotes)


# ------------------------------------------------------------------ matrices
@dataclass
class Signals:
    """Every signal for every (task, passage) pair, plus what task-level features reuse."""

    tasks: list[Unit]
    passages: list[Unit]
    idf: dict[str, float]
    pair: dict[str, np.ndarray]  # name -> T × P
    task_weights: np.ndarray  # T × V, idf where the task has the word (V: task words found in the report)
    passage_bin: np.ndarray  # P × V, 1 where the passage has the word
    vocab: dict[str, int]
    passage_done: np.ndarray  # P: how much each passage reads as a statement of work done
    task_total: np.ndarray  # T: each task's whole IDF mass

    def matrix(self, names: tuple[str, ...] | list[str]) -> np.ndarray:
        """(T·P) × F design matrix in task-major order."""
        return np.stack([self.pair[n].reshape(-1) for n in names], axis=1)


def _idf(units: list[list[str]]) -> dict[str, float]:
    df: dict[str, int] = {}
    for terms in units:
        for w in set(terms):
            df[w] = df.get(w, 0) + 1
    n = len(units)
    return {w: math.log((1 + n) / (1 + d)) + 1.0 for w, d in df.items()}


def _tfidf(units: list[list[str]], vocab: dict[str, int], idf: dict[str, float]) -> np.ndarray:
    """Rows of sublinear TF-IDF over ``vocab``, normalized by the norm over *all* of each unit's terms.

    Only terms that tasks and passages share can add to a dot product, so the
    matrices hold just those columns; the norm still counts every term.
    """
    m = np.zeros((len(units), len(vocab)), dtype=np.float32)
    for i, terms in enumerate(units):
        counts: dict[str, int] = {}
        for w in terms:
            counts[w] = counts.get(w, 0) + 1
        norm = 0.0
        for w, c in counts.items():
            v = (1.0 + math.log(c)) * idf[w]
            norm += v * v
            k = vocab.get(w)
            if k is not None:
                m[i, k] = v
        if norm > 0:
            m[i] /= math.sqrt(norm)
    return m


def _binary(units: list[list[str]], vocab: dict[str, int], weights: dict[str, float] | None = None) -> np.ndarray:
    m = np.zeros((len(units), len(vocab)), dtype=np.float32)
    for i, terms in enumerate(units):
        for w in set(terms):
            k = vocab.get(w)
            if k is not None:
                m[i, k] = weights[w] if weights else 1.0
    return m


@dataclass
class Similarity:
    """Tasks against passages (and against extra units such as headings) on one kind of term."""

    cos: np.ndarray  # T × P
    cov: np.ndarray  # T × P: share of the task's IDF mass the passage holds
    cos_extra: np.ndarray  # T × E
    task_weights: np.ndarray  # T × V (V: task terms found elsewhere), IDF where the task has the term
    task_total: np.ndarray  # T: the task's whole IDF mass
    vocab: dict[str, int]
    idf: dict[str, float]


def similarity(tasks: list[list[str]], passages: list[list[str]], extra: list[list[str]] | None = None
               ) -> Similarity:
    """Cosine and coverage of tasks against passages (and ``extra`` units), IDF over tasks and passages."""
    extra = extra or []
    idf = _idf(tasks + passages)
    default = math.log(1 + len(tasks) + len(passages)) + 1.0
    for terms in extra:
        for w in terms:
            idf.setdefault(w, default)
    elsewhere = {w for terms in passages + extra for w in terms}
    vocab: dict[str, int] = {}
    for terms in tasks:
        for w in terms:
            if w in elsewhere and w not in vocab:
                vocab[w] = len(vocab)
    tv, pv = _tfidf(tasks, vocab, idf), _tfidf(passages, vocab, idf)
    tw = _binary(tasks, vocab, idf)
    total = np.array([sum(idf[w] for w in set(terms)) for terms in tasks], dtype=np.float32)
    cov = (tw @ _binary(passages, vocab).T) / np.maximum(total[:, None], 1e-9)
    ev = _tfidf(extra, vocab, idf) if extra else np.zeros((0, len(vocab)), dtype=np.float32)
    return Similarity(tv @ pv.T, cov, tv @ ev.T, tw, total, vocab, idf)


@cache
def _lead_affixes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    head = "|".join(re.escape(skeleton(w)) for w in ("các", "những", "toàn thể"))
    tail = "|".join(re.escape(skeleton(w)) for w in ("trực thuộc sở", "thuộc sở", "của sở", "trực thuộc", "thuộc",
                                                      "sở"))
    return re.compile(rf"^(?:{head}) "), re.compile(rf" (?:{tail})$")


def _lead_core(name: str) -> str:
    """The distinctive part of a unit name: 'Văn phòng Sở' -> 'văn phòng', 'Các phòng thuộc Sở' -> 'phòng'."""
    head, tail = _lead_affixes()
    return tail.sub("", head.sub("", skeleton(name)))


def compute(plan: Analysis, report: Analysis, tasks: list[Task], passages: list[Passage],
            plan_words: Words, report_words: Words, backend: str) -> Signals:
    rtext = report.document.text
    r_numbers: list[set[str]] = []
    r_quotes: list[set[str]] = []
    cites, slogans = _Spans(report.citations), _Spans(report.slogans)
    for p in passages:
        r_numbers.append({_cite_key(c) for c in cites.within(p.start, p.end) if c.number or c.name})
        r_quotes.append({skeleton(s.canonical or s.text) for s in slogans.within(p.start, p.end)})
    p_units = [make_unit(rtext, report_words, p.start, p.end, r_numbers[i], r_quotes[i])
               for i, p in enumerate(passages)]
    p_cites, p_slogans = _Spans(plan.citations), _Spans(plan.slogans)
    t_units = [task_unit(t, plan, plan_words, backend, p_cites, p_slogans) for t in tasks]
    # headings: each distinct heading span once
    head_index: dict[tuple[int, int], int] = {}
    for p in passages:
        for span in p.heading_spans:
            head_index.setdefault(span, len(head_index))
    h_units = [make_unit(rtext, report_words, s, e) for (s, e) in head_index]

    T, P = len(t_units), len(p_units)
    words = similarity([u.words for u in t_units], [u.words for u in p_units], [u.words for u in h_units])
    bigrams = similarity([u.bigrams for u in t_units], [u.bigrams for u in p_units])
    cos_w, cov_w, cos_h = words.cos, words.cov, words.cos_extra
    cos_b, cov_b = bigrams.cos, bigrams.cov
    pb = _binary([u.words for u in p_units], words.vocab)

    head = np.zeros((T, P), dtype=np.float32)
    for j, p in enumerate(passages):
        idx = [head_index[s] for s in p.heading_spans]
        if idx and T:
            head[:, j] = cos_h[:, idx].max(axis=1)

    cite = np.zeros((T, P), dtype=np.float32)
    quote = np.zeros((T, P), dtype=np.float32)
    where_num: dict[str, list[int]] = {}
    where_quote: dict[str, list[int]] = {}
    for j, u in enumerate(p_units):
        for x in u.numbers:
            where_num.setdefault(x, []).append(j)
        for x in u.quotes:
            where_quote.setdefault(x, []).append(j)
    for i, tu in enumerate(t_units):
        for x in tu.numbers:
            for j in where_num.get(x, ()):  # a number the whole report repeats says less than a rare one
                cite[i, j] = max(cite[i, j], 1.0 / len(where_num[x]))
        for tq in tu.quotes:
            for q, js in where_quote.items():
                if _same_quote(q, tq):
                    for j in js:
                        quote[i, j] = max(quote[i, j], 1.0 / len(js))

    lead = np.zeros((T, P), dtype=np.float32)
    heads_folded: dict[str, str] = {}
    folded_passages = [" ".join([skeleton(rtext[p.start:p.end]), *(heads_folded.setdefault(h, skeleton(h))
                                                                   for h in p.headings)]) for p in passages]
    by_core: dict[str, np.ndarray] = {}
    for i, t in enumerate(tasks):
        for core in (c for c in (_lead_core(x) for x in t.lead) if len(c.split()) >= 2):
            if core not in by_core:
                by_core[core] = np.array([core in fp for fp in folded_passages], dtype=np.float32)
            lead[i] = np.maximum(lead[i], by_core[core])

    done = np.array([_done_score(fp) + 0.5 * bool(_PERCENT_RE.search(rtext, p.start, p.end))
                     for fp, p in zip(folded_passages, passages, strict=True)], dtype=np.float32).clip(0, 1)
    is_heading = np.array([p.kind == "heading" for p in passages], dtype=np.float32)
    p_len = np.array([min(math.log1p(len(u.words)) / 5.0, 1.5) for u in p_units], dtype=np.float32)
    base = 0.5 * cos_w + 0.5 * cov_w
    rel = base / np.maximum(base.max(axis=1, keepdims=True), 1e-6) if P else base
    mutual = (base >= base.max(axis=0, keepdims=True) - 1e-9).astype(np.float32) if T else base
    pair = {"cos_w": cos_w, "cov_w": cov_w, "cos_b": cos_b, "cov_b": cov_b, "head": head, "cite": cite,
            "quote": quote, "lead": lead, "rel": rel, "mutual": mutual, "base": base}
    ones = np.ones((T, 1), dtype=np.float32)
    pair["done"] = ones * done[None, :]
    pair["is_heading"] = ones * is_heading[None, :]
    pair["p_len"] = ones * p_len[None, :]
    for role in ("intro", "assessment", "forward", "proposal"):
        pair[f"role_{role}"] = ones * np.array([p.role == role for p in passages], dtype=np.float32)[None, :]
    return Signals(t_units, p_units, words.idf, pair, words.task_weights, pb, words.vocab, done, words.task_total)


def _cite_key(c: object) -> str:
    """A cited document's matching key: its number as written without spaces, or its name."""
    number = getattr(c, "number", None)
    return number.replace(" ", "").casefold() if number else skeleton(getattr(c, "name", None) or "")


class _Spans:
    """Items with a ``start`` (citations, slogans), found by the span they begin in."""

    def __init__(self, items: list) -> None:
        self.items = sorted(items, key=lambda x: x.start)
        self.starts = [x.start for x in self.items]

    def within(self, start: int, end: int) -> list:
        return self.items[bisect_left(self.starts, start):bisect_left(self.starts, end)]


def _same_quote(a: str, b: str) -> bool:
    """Two quoted phrases name the same thing: one holds the other, or they share most words."""
    if a in b or b in a:
        return min(len(a), len(b)) >= 6
    wa, wb = set(a.split()), set(b.split())
    return len(wa & wb) / max(1, min(len(wa), len(wb))) >= 0.75


def _done_score(folded: str) -> float:
    """0..1: how much a passage reads as a statement of what was done (past markers, counts, rates)."""
    words, counts = reporting_cues()
    hits = len(set(words.findall(folded))) + 2 * bool(counts.search(folded))
    return min(hits / 4.0, 1.0)
