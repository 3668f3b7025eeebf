"""``check(report, plan)``: which tasks of a plan a report reports on, with the passages that show it.

The pipeline, one module per step:

1. ``passages``: the report's paragraphs, list items and table rows, each with
   the headings above it and the role of its section (results, assessment,
   next period, proposals);
2. ``segment``: each text segmented into words once (cached on disk);
3. ``clauses``: a task's who/when clauses (left out of its words) and its
   pieces of work;
4. ``features``: signals for every (task, passage) pair;
5. ``parts``: how much of each piece of a task the results, the assessment and
   the next-period section cover;
6. ``model``: fitted logistic models turn them into evidence scores and a
   verdict per task (``reported``, ``partial``, ``not_reported``);
7. ``result``: the verdicts with evidence, the report's work the plan did not
   ask for, and the plan's cited documents the report never mentions.

``training`` (with ``tools/fit_check_model.py`` and ``tools/eval_check.py``)
fits the models on the labelled pairs; the figures measured on pairs a model
was not fitted on are kept in ``data/check_model.json``.
"""
from __future__ import annotations

import os
import re
import time
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Any

import numpy as np

# What a check runs is imported with the package rather than inside ``check()``: the first check in a
# process then costs what a check costs (``import docanalyze`` itself stays light, and ``docanalyze --help``
# never imports this package).
from ..analysis import Analysis
from ..extract.citations import find_citations, resolve_citations
from ..extract.slogans import find_slogans
from ..extract.tasks import find_tasks
from ..model import Document
from ..readers import load
from ..structure.header import parse_header
from ..structure.sections import parse_sections
from . import features
from .features import _NUMBER_RE, NOT_EVIDENCE
from .model import load_model, pair_logits, pair_scores, task_probabilities
from .passages import report_passages
from .result import CheckResult, Evidence, TaskCheck, Uncited
from .segment import segment, skeleton

if TYPE_CHECKING:
    from .model import CheckModel

__all__ = ["check", "CheckResult", "TaskCheck", "Evidence", "Uncited"]

_SENTENCE_RE = re.compile(r"[^.;!?\n]+(?:[.;!?]+|$)")


def _analysis(source: Any, *, tasks: bool) -> Analysis:
    """What the check reads of one document: header, sections, citations, slogans, and the tasks of a plan.

    ``analyze()`` also finds deadlines, lint findings and (for a report) the next period's tasks; the check
    uses none of them, and on two 30-page documents they cost about a third of the check's time. An
    ``Analysis`` passed in is used as it is, so callers who want everything can analyse first.
    """
    if isinstance(source, Analysis):
        return source
    doc = source if isinstance(source, Document) else load(source)
    header = parse_header(doc)
    sections = parse_sections(doc, header)
    citations = find_citations(doc, header)
    a = Analysis(document=doc, header=header, sections=sections, citations=citations,
                 cited=resolve_citations(citations, doc))
    if tasks:
        a.tasks = find_tasks(doc, header, sections, citations)
    a.slogans = find_slogans(doc, header, citations)
    return a


def check(report: Any, plan: Any, *, model: CheckModel | None = None) -> CheckResult:
    """Check ``report`` against ``plan`` (each a path, a loaded Document or an Analysis).

    A path or a Document is read only as far as the check needs (see ``_analysis``): the result's
    ``plan``/``report`` then hold no deadlines or lint findings, and the report no tasks.
    """
    clock = time.perf_counter()
    timings: dict[str, float] = {}
    r = _analysis(report, tasks=False)
    p = _analysis(plan, tasks=True)
    timings["analyze"] = time.perf_counter() - clock
    m = model or load_model()
    backend = os.environ.get("DOCANALYZE_SEGMENTER") or m.segmenter

    t0 = time.perf_counter()
    passages = report_passages(r.document, r.header, r.sections)
    r_words = segment(r.document.text, backend)
    p_words = segment(p.document.text, backend)
    timings["segment"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    with _one_blas_thread():
        sig = features.compute(p, r, p.tasks, passages, p_words, r_words, backend)
        logits = pair_logits(m, sig)
        scores = pair_scores(logits)
        probs = task_probabilities(m, sig, logits)
    timings["score"] = time.perf_counter() - t0

    rtext = r.document.text
    ok = np.array([ps.role not in NOT_EVIDENCE for ps in passages], dtype=bool)
    checks: list[TaskCheck] = []
    used: set[int] = set()
    sentence_cache: dict[int, list[tuple[int, int, frozenset[str]]]] = {}
    for i, task in enumerate(p.tasks):
        pr = {c: float(probs[i, k]) for k, c in enumerate(m.classes)}
        status = m.decide(pr)
        ranked = np.argsort(-scores[i], kind="stable") if passages else np.zeros(0, dtype=int)
        order = ranked[:1].tolist()
        eligible = ranked[ok[ranked]][: max(m.max_evidence, 1) * 4].tolist() if passages else []
        ev = [j for j in eligible if scores[i, j] >= m.evidence_threshold][: m.max_evidence]
        if status != "not_reported" and not ev and eligible:
            ev = eligible[:1]
        if status == "not_reported":
            ev = []
        used.update(ev)
        evidence = [_evidence(rtext, passages[j], float(scores[i, j]), sig.tasks[i].words, sentence_cache)
                    for j in ev]
        nearest = None
        if not evidence and order:
            j = order[0]
            nearest = _evidence(rtext, passages[j], float(scores[i, j]), sig.tasks[i].words, sentence_cache)
        checks.append(TaskCheck(
            id=task.id, text=task.text, status=status, score=1.0 - pr.get("not_reported", 0.0), evidence=evidence,
            nearest=nearest, probabilities=pr, lead=list(task.lead), partners=list(task.partners),
            timeframe=task.timeframe, date_start=task.date_start, date_end=task.date_end, section=task.section,
            char_start=task.start, char_end=task.end, why=_why(sig, i, order[0] if order else None, status),
        ))

    # work the plan did not ask for: statements of work done that are evidence for no task the report speaks
    # of (a passage near only an unreported task is the report's own work, not that task's)
    unplanned = []
    spoken = [i for i, c in enumerate(checks) if c.status != "not_reported"]
    # under a results heading every paragraph states work; without headings it must read so ("đã", counts)
    structured = any(ps.role != "body" or ps.headings for ps in passages)
    for j, ps in enumerate(passages):
        best = float(scores[spoken, j].max()) if spoken else 0.0
        if (j in used or ps.role != "body" or ps.kind == "heading" or best >= m.unplanned_threshold
                or len(sig.passages[j].words) < 6 or (sig.passage_done[j] < 0.5 and not structured)):
            continue
        unplanned.append(_evidence(rtext, ps, best, []))
    result = CheckResult(plan=p, report=r, tasks=checks, unplanned=unplanned, uncited=_uncited(p, r),
                         model={"segmenter": backend, **{k: v for k, v in m.info.items() if k in ("version", "fitted")}})
    timings["total"] = time.perf_counter() - clock
    result.timings = timings
    return result


def _one_blas_thread() -> AbstractContextManager[Any]:
    """The check's matrix products are small (a few hundred rows): OpenBLAS spreading each over its
    threads costs ten times the product itself (50 ms instead of 4 ms on two busy cores), so they run on
    one thread. threadpoolctl comes with scikit-learn; without it nothing changes."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - scikit-learn is a dependency
        return nullcontext()
    return threadpool_limits(limits=1, user_api="blas")


def _sentences(text: str, ps: Any) -> list[tuple[int, int, frozenset[str]]]:
    """The sentences of a passage that can be a focus: their spans (leading space dropped) and syllables."""
    out = []
    for m in _SENTENCE_RE.finditer(text, ps.start, ps.end):
        g = m.group()
        if len(g.strip()) > 10:
            out.append((m.start() + len(g) - len(g.lstrip()), m.end(), frozenset(skeleton(g).split())))
    return out


def _evidence(text: str, ps: Any, score: float, task_words: list[str],
              sentence_cache: dict[int, list[tuple[int, int, frozenset[str]]]] | None = None) -> Evidence:
    """A passage as evidence, with the sentence that shares most of the task's syllables as its focus.

    A passage is evidence for many tasks; ``sentence_cache`` keeps its sentences between them."""
    focus = None
    if task_words:
        cache = sentence_cache if sentence_cache is not None else {}
        if ps.index not in cache:
            cache[ps.index] = _sentences(text, ps)
        wanted = {s for w in task_words for s in w.split("_")}
        best = 0.0
        for a, b, sylls in cache[ps.index]:
            share = len(wanted & sylls) / max(1, len(wanted))
            if share > best:
                best, focus = share, (a, b)
    section = ps.headings[-1] if ps.headings else None
    return Evidence(text[ps.start:ps.end], ps.start, ps.end, score, ps.kind, ps.role,
                    " ".join(section.split()) if section else None,
                    focus[0] if focus else None, focus[1] if focus else None)


def _why(sig: Any, i: int, j: int | None, status: str) -> str:
    """One line on what decided: how much of the task the best passage shares, and which strong signals."""
    if j is None:
        return "the report has no passages"
    pair = sig.pair
    bits = [f"best passage shares {pair['cov_w'][i, j]:.0%} of the task's words"]
    if pair["cite"][i, j] > 0:
        bits.append("cites the same document")
    if pair["quote"][i, j] > 0:
        bits.append("quotes the same slogan or model")
    if pair["lead"][i, j] > 0:
        bits.append("names the lead unit")
    if pair["role_forward"][i, j] > 0:
        bits.append("but sits in the next-period section")
    if pair["role_proposal"][i, j] > 0:
        bits.append("but sits in the proposals")
    return "; ".join(bits)


def _uncited(plan: Analysis, report: Analysis) -> list[Uncited]:
    """Documents the plan cites that the report never mentions (by number, or by name for laws)."""
    body = f" {skeleton(report.document.text)} "

    def mentioned(phrase: str) -> bool:
        return f" {skeleton(phrase)} " in body

    out: list[Uncited] = []
    if plan.cited:
        for d in plan.cited:
            first = plan.citations[d.mentions[0]] if d.mentions else None
            key = d.number or d.name
            if key and first is not None and not mentioned(key):
                out.append(Uncited(d.type, d.number, d.name, first.text, first.start, first.end))
        return out
    # no citation extraction available: fall back on document numbers as written
    seen: set[str] = set()
    ptext = plan.document.text
    end = plan.header.body_end or plan.document.body_end
    for mt in _NUMBER_RE.finditer(ptext, plan.header.body_start, end):
        key = mt.group().casefold()
        if key not in seen:
            seen.add(key)
            if not mentioned(mt.group()):
                out.append(Uncited(None, mt.group(), None, mt.group(), mt.start(), mt.end()))
    return out
