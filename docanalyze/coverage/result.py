"""What a check returns: one verdict per plan task with its evidence, and what falls outside the plan.

Renderers (terminal, JSON, CSV, XLSX, HTML) only format these objects. Every
``start``/``end`` here is a character offset into the *report's*
``Document.text`` (evidence, unplanned work) or the *plan's* (a task's
``char_start``/``char_end``, an uncited document's mentions).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..analysis import Analysis

STATUSES = ("reported", "partial", "not_reported")


@dataclass
class Evidence:
    """A report passage that speaks of a task; ``focus_*`` is its sentence that matches best."""

    text: str
    start: int
    end: int
    score: float
    kind: str = "paragraph"  # paragraph | list_item | table_row | heading
    role: str = "body"  # body | intro | assessment | forward | proposal
    section: str | None = None  # the nearest heading above it
    focus_start: int | None = None
    focus_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "score": round(self.score, 3),
                "kind": self.kind, "role": self.role, "section": self.section,
                "focus_start": self.focus_start, "focus_end": self.focus_end}


@dataclass
class TaskCheck:
    """The verdict on one plan task."""

    id: str
    text: str
    status: str  # reported | partial | not_reported
    score: float  # probability that the report speaks of the task at all (reported or partial)
    evidence: list[Evidence] = field(default_factory=list)
    nearest: Evidence | None = None  # for a task not reported: the closest passage, which did not qualify
    probabilities: dict[str, float] = field(default_factory=dict)
    lead: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    timeframe: str | None = None
    date_start: Any = None
    date_end: Any = None
    section: str | None = None
    char_start: int = 0
    char_end: int = 0
    why: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "text": self.text, "status": self.status, "score": round(self.score, 3),
            "evidence": [e.to_dict() for e in self.evidence],
            "nearest": self.nearest.to_dict() if self.nearest else None,
            "probabilities": {k: round(v, 3) for k, v in self.probabilities.items()},
            "lead": self.lead, "partners": self.partners, "timeframe": self.timeframe,
            "start": _iso(self.date_start), "end": _iso(self.date_end), "section": self.section,
            "char_start": self.char_start, "char_end": self.char_end, "why": self.why,
        }


@dataclass
class Uncited:
    """A document the plan cites that the report never mentions."""

    type: str | None
    number: str | None
    name: str | None
    text: str  # as the plan first writes it
    start: int  # offsets into the plan's text
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "number": self.number, "name": self.name, "text": self.text,
                "start": self.start, "end": self.end}


@dataclass
class CheckResult:
    """The check of one report against one plan."""

    plan: Analysis
    report: Analysis
    tasks: list[TaskCheck]
    unplanned: list[Evidence] = field(default_factory=list)
    uncited: list[Uncited] = field(default_factory=list)
    model: dict[str, Any] = field(default_factory=dict)  # which model and segmenter decided
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def summary(self) -> dict[str, int]:
        out = dict.fromkeys(STATUSES, 0)
        for t in self.tasks:
            out[t.status] = out.get(t.status, 0) + 1
        return out

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of ``docanalyze check --format json`` (GUIDE.md contract, plus extras)."""
        from ..render.jsonout import header_to_dict

        return {
            "plan": header_to_dict(self.plan.header, self.plan.document),
            "report": header_to_dict(self.report.header, self.report.document),
            "tasks": [t.to_dict() for t in self.tasks],
            "summary": self.summary,
            "unplanned": [e.to_dict() for e in self.unplanned],
            "uncited": [u.to_dict() for u in self.uncited],
            "model": self.model,
        }

    def to_frame(self) -> Any:
        """One row per plan task: id, text, lead, timeframe, status, score, best evidence and its span."""
        import pandas as pd

        rows = []
        for t in self.tasks:
            best = t.evidence[0] if t.evidence else None
            rows.append({
                "id": t.id, "task": t.text, "lead": "; ".join(t.lead), "partners": "; ".join(t.partners),
                "timeframe": t.timeframe, "status": t.status, "score": round(t.score, 3),
                "evidence": best.text if best else "", "evidence_start": best.start if best else None,
                "evidence_end": best.end if best else None, "evidence_section": best.section if best else None,
                "n_evidence": len(t.evidence), "why": t.why,
            })
        columns = ["id", "task", "lead", "partners", "timeframe", "status", "score", "evidence", "evidence_start",
                   "evidence_end", "evidence_section", "n_evidence", "why"]
        return pd.DataFrame(rows, columns=columns)

    def _repr_html_(self) -> str:  # pragma: no cover - exercised in notebooks
        from ..render.html_check import check_to_html

        return check_to_html(self, standalone=False)


def _iso(d: Any) -> str | None:
    return d.isoformat() if d is not None else None
