"""The check as a spreadsheet (openpyxl): the sheet an analyst filters, sorts and annotates.

Sheets: ``Tasks`` (one row per plan task, the status cell coloured),
``Evidence`` (every evidence passage with its span in the report text),
``Unplanned``, ``Uncited`` and ``Summary``. Returns bytes; the caller writes
them atomically.
"""
from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..coverage.result import CheckResult

FILLS = {"reported": "DAFBE1", "partial": "FFF8C5", "not_reported": "FFEBE9"}
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # characters openpyxl refuses


def _clean(v: object) -> object:
    return _ILLEGAL.sub("", v) if isinstance(v, str) else v


def check_to_xlsx(result: CheckResult) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = "Tasks"
    head = ["id", "task", "lead", "partners", "timeframe", "status", "score", "best evidence", "evidence start",
            "evidence end", "evidence section", "evidence passages", "why"]
    ws.append(head)
    for t in result.tasks:
        best = t.evidence[0] if t.evidence else None
        ws.append([_clean(x) for x in (
            t.id, t.text, "; ".join(t.lead), "; ".join(t.partners), t.timeframe, t.status, round(t.score, 3),
            best.text if best else None, best.start if best else None, best.end if best else None,
            best.section if best else None, len(t.evidence), t.why)])
        ws.cell(ws.max_row, 6).fill = PatternFill("solid", fgColor=FILLS.get(t.status, "FFFFFF"))
    widths = [6, 70, 24, 24, 16, 14, 8, 80, 10, 10, 30, 10, 40]
    _format(ws, widths, Font, Alignment)

    ev = wb.create_sheet("Evidence")
    ev.append(["task id", "status", "rank", "score", "section", "role", "start", "end", "passage",
               "focus start", "focus end"])
    for t in result.tasks:
        for k, e in enumerate(t.evidence, 1):
            ev.append([_clean(x) for x in (t.id, t.status, k, round(e.score, 3), e.section, e.role, e.start, e.end,
                                           e.text, e.focus_start, e.focus_end)])
    _format(ev, [8, 14, 6, 8, 30, 12, 8, 8, 90, 10, 10], Font, Alignment)

    un = wb.create_sheet("Unplanned")
    un.append(["start", "end", "section", "passage"])
    for e in result.unplanned:
        un.append([_clean(x) for x in (e.start, e.end, e.section, e.text)])
    _format(un, [8, 8, 30, 100], Font, Alignment)

    uc = wb.create_sheet("Uncited")
    uc.append(["type", "number", "name", "as written in the plan", "plan start", "plan end"])
    for u in result.uncited:
        uc.append([_clean(x) for x in (u.type, u.number, u.name, u.text, u.start, u.end)])
    _format(uc, [14, 24, 30, 80, 10, 10], Font, Alignment)

    sm = wb.create_sheet("Summary")
    sm.append(["plan", result.plan.document.source, result.plan.header.title])
    sm.append(["report", result.report.document.source, result.report.header.title])
    for k, v in result.summary.items():
        sm.append([k, v])
    sm.column_dimensions["A"].width = 14
    sm.column_dimensions["B"].width = 50
    sm.column_dimensions["C"].width = 80

    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _format(ws: object, widths: list[int], Font: type, Alignment: type) -> None:  # noqa: N803 - openpyxl classes
    from openpyxl.utils import get_column_letter

    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w  # type: ignore[attr-defined]
    for cell in ws[1]:  # type: ignore[index]
        cell.font = Font(bold=True)
    for row in ws.iter_rows(min_row=2):  # type: ignore[attr-defined]
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"  # type: ignore[attr-defined]
