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

Admin stop-words (``data/admin_stopwords.txt``) are removed before any of it, and so are the names of
bodies, cited documents and a task's who/when clauses (``clauses.meta_spans``);
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
from .clauses import meta_spans
from .passages import Passage
from .segment import Words, fold_syllable, fold_words, segment, skeleton

if TYPE_CHECKING:
    from ..analysis import Analysis
    from ..items import Task

PAIR_FEATURES = ("cos_w", "cov_w", "rcov_w", "cos_b", "cov_b", "cos_p", "cov_p", "head", "cite", "quote", "qty", "lead", "done",
                 "is_heading",
                 "role_intro", "role_assessment", "role_forward", "role_proposal", "rel", "mutual", "p_len")

# What the report plans for the next period, asks of others, or cites as its basis is never evidence of work.
NOT_EVIDENCE = ("forward", "proposal", "intro")
_QUOTE_RE = re.compile(r"“([^”\n]{3,300})”")
# document numbers as written: 33/CT-TTg, 04/2015/NĐ-CP, 173-KH/BDVTU-UBNDTP, 25-NQ/TW
_NUMBER_RE = re.compile(r"\b\d{1,5}[a-z]?(?:/\d{4})?[/-](?:[A-ZĐ][A-Za-zĐđ&0-9]*)(?:[/-][A-ZĐ][A-Za-zĐđ&0-9]*)*")
_DIGIT_RE = re.compile(r"\d")
_PERCENT_RE = re.compile(r"\d+(?:[.,]\d+)?\s*%")
_COUNTED = ("lượt", "cuộc", "buổi", "lớp", "hội nghị", "đợt", "văn bản", "người", "cán bộ", "học sinh", "đơn",
            "trường", "đơn vị", "hồ sơ", "tin", "bài", "tập thể", "cá nhân", "xã", "hộ", "thủ tục", "kế hoạch",
            "học viên", "hội viên", "đảng viên", "thành viên", "đoàn viên", "công chức", "viên chức")


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
    counted: set[str] = field(default_factory=set)  # what the unit counts: the word after a number ("lớp")
    phrases: list[str] = field(default_factory=list)  # adjacent content words in one clause ("tập_huấn+kỹ_năng")


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


_RUN_BREAK_RE = re.compile(r"[^\w\s]|\d")


def _bigrams(text: str) -> list[str]:
    """Syllable bigrams inside runs of words (a comma or a full stop breaks the run)."""
    stop = stopwords()
    out = []
    for run in _RUN_BREAK_RE.split(text):
        sy = list(map(fold_syllable, run.split()))
        for a, b in zip(sy, sy[1:], strict=False):
            key = f"{a}_{b}"
            if key not in stop and not (a in stop and b in stop):
                out.append(key)
    return out


_CLAUSE_BREAK_RE = re.compile(r"[,;:.()\[\]“”!?\n\t|-]")


def _phrases(text: str, words: list[str], spans: list[tuple[int, int]]) -> list[str]:
    """Pairs of neighbouring content words with no punctuation between them: an action and its object
    ("tập_huấn+kỹ_năng"), a noun and its modifier ("kỹ_năng+số"). A passage that shares the task's
    words but not these pairs speaks of the same kind of work on another subject."""
    out = []
    for k in range(len(words) - 1):
        gap = text[spans[k][1]:spans[k + 1][0]]
        if len(gap) < 40 and not _CLAUSE_BREAK_RE.search(gap):
            out.append(f"{words[k]}+{words[k + 1]}")
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


@cache
def _names() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    names = load_toml("check_lexicon.toml")["names"]
    return (frozenset(skeleton(h) for h in names["heads"]), frozenset(skeleton(h) for h in names["standalone"]),
            frozenset(skeleton(v) for v in names["levels"]))


def name_spans(text: str, words: Words) -> list[tuple[int, int]]:
    """Names of bodies: a head ("Sở", "Trung tâm", "Ủy ban nhân dân") written with a capital, then capitalised
    words ("Thông tin và Truyền thông", "Y tế") and an administrative level ("huyện Krông Búk").

    Vietnamese capitalises only the first syllable of each word of a name ("Sở Thông tin và Truyền thông"),
    so names are read word by word on the segmentation, not syllable by syllable.
    """
    heads, alone, levels = _names()
    and_ = skeleton("và")
    n = len(words)
    raw = [text[words.starts[i]:words.ends[i]] for i in range(n)]
    sk = [w.replace("_", " ") for w in words.keys]
    upper = [bool(r) and r[0].isupper() for r in raw]
    out: list[tuple[int, int]] = []
    i = 0
    while i < n:
        hit = 0
        if upper[i]:
            for k in (4, 3, 2, 1):
                if i + k <= n and " ".join(sk[i:i + k]) in heads:
                    hit = k
                    break
        if not hit:
            i += 1
            continue
        head = " ".join(sk[i:i + hit])
        j = i + hit
        parts = 0
        while j < n:
            if upper[j] and not raw[j].isdigit():
                j += 1
                parts += 1
            elif sk[j] == and_ and j + 1 < n and upper[j + 1] and parts:
                j += 1
            elif sk[j] in levels and (parts or head in alone or j == i + hit):
                j += 1
                parts += 1
            else:
                break
            if j < n and words.starts[j] - words.ends[j - 1] > 1:  # punctuation ends a name
                break
        if parts or head in alone:
            out.append((words.starts[i], words.ends[j - 1]))
            i = j
        else:
            i += hit
    return out


def reference_spans(text: str, citations: list, words: Words | None = None) -> list[tuple[int, int]]:
    """Spans of ``text`` that name bodies or cite documents: left out of the word bags."""
    spans = [(c.start, c.end) for c in citations]
    spans += [m.span() for m in _NUMBER_RE.finditer(text)]
    if words is not None:
        spans += name_spans(text, words)
    return sorted(spans)


class _Mask:
    """Fast membership of offsets in a sorted list of spans."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def covers(self, offset: int) -> bool:
        k = bisect_right(self.starts, offset) - 1
        return k >= 0 and offset < self.ends[k]

    def blank(self, text: str, base: int) -> str:
        """``text`` (which starts at ``base``) with masked spans turned into a separator."""
        k = bisect_right(self.ends, base)
        out, pos = [], 0
        while k < len(self.starts) and self.starts[k] < base + len(text):
            a, b = max(self.starts[k] - base, 0), min(self.ends[k] - base, len(text))
            if a > pos:
                out.append(text[pos:a])
            out.append(" | ")
            pos = max(pos, b)
            k += 1
        out.append(text[pos:])
        return "".join(out)


def make_unit(text: str, words: Words, start: int, end: int, extra_numbers: set[str] | None = None,
              extra_quotes: set[str] | None = None, mask: _Mask | None = None) -> Unit:
    """The terms of ``text[start:end]`` of a segmented text; words inside ``mask`` (references) left out."""
    piece = text[start:end]
    keys, s, e = _slice(words, start, end)
    if mask is not None and mask.starts:
        kept = [k for k in range(len(keys)) if not mask.covers(s[k])]
        keys, s, e = [keys[k] for k in kept], [s[k] for k in kept], [e[k] for k in kept]
        lexical = mask.blank(piece, start)
    else:
        lexical = piece
    content, spans = _content(keys, s, e, start)
    counted = {keys[k + 1] for k in range(len(keys) - 1)
               if keys[k].isdigit() and not keys[k + 1].isdigit() and keys[k + 1] not in stopwords()}
    return Unit(piece, content, spans, _bigrams(lexical), _numbers(piece) | (extra_numbers or set()),
                _quotes(piece) | (extra_quotes or set()), counted, _phrases(piece, content, spans))


def task_unit(task: Task, plan: Analysis, plan_words: Words, backend: str, cites: _Spans | None = None,
              slogans: _Spans | None = None, mask: _Mask | None = None) -> Unit:
    """A task's terms: from the plan's segmentation when the task text is a slice of it."""
    doc = plan.document
    cites = cites or _Spans(plan.citations)
    slogans = slogans or _Spans(plan.slogans)
    numbers = {_cite_key(c) for c in cites.within(task.start, task.end) if c.number or c.name}
    quotes = {skeleton(s.canonical or s.text) for s in slogans.within(task.start, task.end)}
    if doc.text[task.start:task.end] == task.text:
        return make_unit(doc.text, plan_words, task.start, task.end, numbers, quotes, mask)
    words = segment(task.text, backend, use_cache=False)
    return make_unit(task.text, words, 0, len(task.text), numbers, quotes,
                     _Mask(reference_spans(task.text, [], words) + meta_spans(task.text)))


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
    eligible: np.ndarray  # P: 1 where the passage can be evidence (not next-period tasks, not proposals)
    task_sim: np.ndarray | None = None  # T × T cosine between tasks (on the words they share with the report)
    task_after: np.ndarray | None = None  # T: 1 where the task's time starts after the report's date

    def matrix(self, names: tuple[str, ...] | list[str]) -> np.ndarray:
        """(T·P) × F design matrix in task-major order."""
        return np.stack([self.pair[n].reshape(-1) for n in names], axis=1)


@dataclass
class Similarity:
    """Tasks against passages (and against extra units such as headings) on one kind of term."""

    cos: np.ndarray  # T × P
    cov: np.ndarray  # T × P: share of the task's IDF mass the passage holds
    rcov: np.ndarray  # T × P: share of the passage's IDF mass the task holds (low: the task is a side remark)
    cos_extra: np.ndarray  # T × E
    cos_tasks: np.ndarray  # T × T: how alike the tasks are (a plan may repeat a task for another unit)
    task_weights: np.ndarray  # T × K (K: task terms found elsewhere), IDF where the task has the term
    passage_bin: np.ndarray  # P × K, 1 where the passage has the term
    task_total: np.ndarray  # T: the task's whole IDF mass
    vocab: dict[str, int]  # term -> column of the K shared terms
    idf: dict[str, float]


def similarity(tasks: list[list[str]], passages: list[list[str]], extra: list[list[str]] | None = None
               ) -> Similarity:
    """Cosine (sublinear TF-IDF) and coverage of tasks against passages and ``extra`` units.

    IDF is smoothed as scikit-learn's (``ln((1+N)/(1+df)) + 1``) over tasks and passages. Everything is
    computed on integer term ids with numpy; only the terms tasks share with the other units get a
    column, since no other term can add to a dot product (norms still count every term).
    """
    extra = extra or []
    units = tasks + passages + extra
    T, P = len(tasks), len(passages)
    U = len(units)
    ids_of: dict[str, int] = {}
    flat: list[int] = []
    lengths = []
    for terms in units:
        flat.extend([ids_of.setdefault(w, len(ids_of)) for w in terms])
        lengths.append(len(terms))
    V = max(len(ids_of), 1)
    rows = np.repeat(np.arange(U, dtype=np.int64), lengths)
    keys, counts = np.unique(rows * V + np.asarray(flat, dtype=np.int64), return_counts=True)
    r, c = keys // V, keys % V
    n = T + P
    df = np.bincount(c[r < n], minlength=V)
    idf_arr = np.log((1.0 + n) / (1.0 + df)) + 1.0
    val = np.where(counts > 1, 1.0 + np.log(np.maximum(counts, 1)), 1.0) * idf_arr[c]
    norm = np.sqrt(np.bincount(r, val * val, minlength=U))
    in_task = np.bincount(c[r < T], minlength=V) > 0
    in_other = np.bincount(c[r >= T], minlength=V) > 0
    keep = in_task & in_other
    col = np.cumsum(keep) - 1
    K = int(keep.sum())
    sel = keep[c]
    rs, cs, vs = r[sel], col[c[sel]], (val[sel] / np.maximum(norm[r[sel]], 1e-12)).astype(np.float32)
    w_idf = idf_arr[c[sel]].astype(np.float32)

    def block(lo: int, hi: int, values: np.ndarray | None) -> np.ndarray:
        m = np.zeros((hi - lo, K), dtype=np.float32)
        k = (rs >= lo) & (rs < hi)
        m[rs[k] - lo, cs[k]] = 1.0 if values is None else values[k]
        return m

    tv, pv, ev = block(0, T, vs), block(T, T + P, vs), block(T + P, U, vs)
    tw, pb = block(0, T, w_idf), block(T, T + P, None)
    mass = np.bincount(r, idf_arr[c], minlength=U).astype(np.float32)
    total, p_total = mass[:T], mass[T:T + P]
    cov = (tw @ pb.T) / np.maximum(total[:, None], 1e-9)
    idf_row = idf_arr[np.flatnonzero(keep)].astype(np.float32)
    rcov = ((tw > 0).astype(np.float32) @ (pb * idf_row).T) / np.maximum(p_total[None, :], 1e-9)
    words = list(ids_of)
    vocab = {words[i]: int(col[i]) for i in np.flatnonzero(keep)}
    idf = dict(zip(words, idf_arr[: len(words)].tolist(), strict=True))
    return Similarity(tv @ pv.T, cov, rcov, tv @ ev.T, tv @ tv.T, tw, pb, total, vocab, idf)


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
    r_mask = _Mask(reference_spans(rtext, report.citations, report_words))
    p_units = [make_unit(rtext, report_words, p.start, p.end, r_numbers[i], r_quotes[i], r_mask)
               for i, p in enumerate(passages)]
    p_cites, p_slogans = _Spans(plan.citations), _Spans(plan.slogans)
    ptext = plan.document.text
    # who/when clauses of the tasks ("Phòng X chủ trì …", "Thời gian: Quý III/2025") are masked like names
    who_when = [(t.start + a, t.start + b) for t in tasks if ptext[t.start:t.end] == t.text
                for a, b in meta_spans(t.text)]
    t_mask = _Mask(reference_spans(ptext, plan.citations, plan_words) + who_when)
    t_units = [task_unit(t, plan, plan_words, backend, p_cites, p_slogans, t_mask) for t in tasks]
    # headings: each distinct heading span once
    head_index: dict[tuple[int, int], int] = {}
    for p in passages:
        for span in p.heading_spans:
            head_index.setdefault(span, len(head_index))
    h_units = [make_unit(rtext, report_words, s, e, mask=r_mask) for (s, e) in head_index]

    T, P = len(t_units), len(p_units)
    words = similarity([u.words for u in t_units], [u.words for u in p_units], [u.words for u in h_units])
    bigrams = similarity([u.bigrams for u in t_units], [u.bigrams for u in p_units])
    phrases = similarity([u.phrases for u in t_units], [u.phrases for u in p_units])
    cos_w, cov_w, cos_h = words.cos, words.cov, words.cos_extra
    cos_b, cov_b = bigrams.cos, bigrams.cov
    pb = words.passage_bin

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

    qty = np.zeros((T, P), dtype=np.float32)
    for i, tu in enumerate(t_units):
        if tu.counted:
            for j, pu in enumerate(p_units):
                if tu.counted & pu.counted:
                    qty[i, j] = 1.0

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
    pair = {"rcov_w": words.rcov, "cos_w": cos_w, "cov_w": cov_w, "cos_b": cos_b, "cov_b": cov_b, "head": head, "cite": cite,
            "quote": quote, "qty": qty, "cos_p": phrases.cos, "cov_p": phrases.cov, "lead": lead, "rel": rel, "mutual": mutual, "base": base}
    ones = np.ones((T, 1), dtype=np.float32)
    pair["done"] = ones * done[None, :]
    pair["is_heading"] = ones * is_heading[None, :]
    pair["p_len"] = ones * p_len[None, :]
    for role in ("intro", "assessment", "forward", "proposal"):
        pair[f"role_{role}"] = ones * np.array([p.role == role for p in passages], dtype=np.float32)[None, :]
    eligible = np.array([p.role not in NOT_EVIDENCE for p in passages], dtype=np.float32)
    # a report speaks of its period: work the plan sets after the report's date (a "Quý IV" task in a 6-month
    # report, "10/10/2024" in a report of June) cannot have been done yet, and is seldom reported
    rdate = report.header.date
    after = np.array([float(rdate is not None and t.date_start is not None and t.date_start > rdate) for t in tasks])
    return Signals(t_units, p_units, words.idf, pair, words.task_weights, pb, words.vocab, done, words.task_total,
                   eligible, words.cos_tasks, after)


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
