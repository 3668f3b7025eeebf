"""Deadlines: every time bound on work still to be done, with what it binds and who does it.

A bound is stated by a task's timeframe cell ("Quý I/2025"), a label
("Thời gian: Quý II/2024"), a cut-off in the text ("trước ngày 10/6", "chậm nhất
ngày …", "hoàn thành trong Quý III"), or the period in the heading of a work
section ("NHIỆM VỤ 6 THÁNG CUỐI NĂM 2023") when tasks under it state no bound of their
own. Not bounds: the dates of cited
documents, "giai đoạn 2021-2025" in a programme's name, a school year merely
named, "(11/6/1948-11/6/2023)", the period a report covers, "Từ 1/1/2023 đến
nay" — none of them is anchored to work, and the report's past sections are not
searched. A timeframe with no date ("Thực hiện theo lịch của thành phố",
"Thường xuyên", "Hằng quý") is not a deadline; a dated recurring one
("trước ngày 15/12 hằng năm") is, with its recurrence.
"""
from __future__ import annotations

import re

from ..items import Deadline, Header, Section, Task, Timeframe
from ..model import Document
from .timeframes import YearContext, context_for, find_timeframes, parse_timeframe, tidy
from .units import labels_in
from .work_sections import context_at, heading_period, section_roles

# The legal grounds a plan opens with name documents, and the years in their subjects bind no work of this plan.
_GROUNDS_RE = re.compile(
    r"^\W*Căn\s+cứ\s+(?:vào\s+)?(?:Luật|Bộ\s+luật|Hiến\s+pháp|Nghị\s+định|Nghị\s+quyết|Quyết\s+định|Chỉ\s+thị|"
    r"Thông\s+tư|Kết\s+luận|Chương\s+trình|Công\s+văn|Văn\s+bản|Hướng\s+dẫn|Quy\s+định|Thông\s+báo|Kế\s+hoạch\s+số)")


def find_deadlines(doc: Document, header: Header, sections: list[Section], tasks: list[Task]) -> list[Deadline]:
    ctx = context_for(header)
    regions = section_roles(doc, header, sections)
    found: list[tuple[Timeframe, Task | None]] = []

    # 1. the time cells of table tasks
    for task in tasks:
        if task.source != "table" or task.table is None or task.row is None or not task.timeframe:
            continue
        grid = doc.tables[task.table].grid()
        row = [c for c in grid[task.row] if c is not None] if task.row < len(grid) else []
        cells = list({c.start: c for c in row}.values())  # a merged cell stands once
        time_cell = next((c for c in cells if c.text.strip() and tidy(c.text.strip()) == task.timeframe.strip()),
                         None)
        for cell in cells:
            here = context_at(doc, ctx, regions, cell.start)
            if cell is time_cell:
                found += [(tf, task) for tf in _cell_bounds(cell.text, here, cell.start)]
            else:
                # a cut-off written in the work or its expected result ("… báo cáo sơ kết trước ngày 25/6/2024",
                # "100% đơn vị hoàn thiện hồ sơ trước ngày 31/3/2024") bounds the work as the time cell does
                found += [(f.timeframe, task) for f in find_timeframes(cell.text, here, base=cell.start)
                          if f.form == "before" and f.anchored and f.timeframe.date_end is not None]
        if time_cell is None:
            # a timeframe read from two columns ("Bắt đầu | Kết thúc"): the bound is the end cell, the
            # interval runs from the start cell
            cells = sorted({c.start: c for c in row if c.text.strip() and tidy(c.text.strip()) in task.timeframe
                            and _dated(parse_timeframe(c.text, ctx, c.start))}.values(), key=lambda c: c.start)
            if cells and task.date_end is not None:
                last = cells[-1]
                found.append((Timeframe(text=last.text.strip(), start=last.start, end=last.end,
                                        date_start=task.date_start, date_end=task.date_end), task))

    # 2. running text of the parts that assign work: labels and anchored bounds
    list_tasks = [t for t in tasks if t.source == "list"]
    for block in doc.blocks:
        if block.kind in ("table", "footnote") or block.start >= doc.body_end or not header.in_body(block.start):
            continue
        # a target with a cut-off in a plan's MỤC ĐÍCH, YÊU CẦU ("Phấn đấu đến 31/12/2024 tổng dư nợ đạt …") is
        # still a bound on work; the periods a purpose names ("giai đoạn 2021-2025", "năm 2030") are not
        cutoffs_only = (not regions.deadlines_allowed(block.start) and regions.role_at(block.start) == "purpose"
                        and regions.kind_at(block.start) in ("plan", "directive") and not regions.in_closing(block.start))
        if not regions.deadlines_allowed(block.start) and not cutoffs_only:
            continue
        text = doc.text[block.start : block.end]
        if _GROUNDS_RE.match(text):
            continue  # "Căn cứ Quyết định … phê duyệt Chiến lược … vào năm 2030": a cited document's subject
        here = context_at(doc, ctx, regions, block.start)
        owner = next((t for t in list_tasks if t.start <= block.start < t.end or block.start <= t.start < block.end),
                     None)
        for lab in labels_in(text) if not cutoffs_only else []:
            if lab.role == "time":
                found += [(tf, owner) for tf in _cell_bounds(lab.value, here, block.start + lab.start)]
        intervals = regions.intervals_allowed(block.start)
        for f in find_timeframes(text, here, base=block.start):
            if cutoffs_only and not (f.form == "before" and _within_year(f.timeframe, here)):
                continue  # a purpose's horizon beyond the plan's year ("đến cuối năm 2025" in a 2024 plan)
            if f.anchored and _binds(f.timeframe) and (f.form == "before" or intervals):
                found.append((f.timeframe, _owner(list_tasks, f.timeframe) or owner))

    # 3. the period in the heading of a work section, when it is what binds the tasks under it
    for k, s in enumerate(sections):
        if regions.role[k] == "work" and regions.own[k] == "work":
            p = heading_period(doc, ctx, s, regions.titles[k])
            if p is not None and any(s.start <= t.start < s.end and t.timeframe == p.text for t in tasks):
                found.append((p, None))

    out: list[Deadline] = []
    spans: list[tuple[int, int]] = []
    for tf, task in sorted(found, key=lambda x: x[0].start):
        if not _binds(tf) or any(tf.start < b and a < tf.end for a, b in spans):
            continue
        spans.append((tf.start, tf.end))
        out.append(Deadline(text=tf.text, start=tf.start, end=tf.end, date_start=tf.date_start, date_end=tf.date_end,
                            kind=_kind(tf), recurrence=tf.recurrence, task_id=task.id if task else None,
                            what=_what(task), who=list(task.lead) if task else []))
    return out


def _cell_bounds(text: str, ctx: YearContext, base: int) -> list[Timeframe]:
    """The bounds a timeframe cell states: one for "Quý I-Quý III/2025" or "Tháng 6/2025 và tháng 11/2025", two
    for "Quý II/2025; trước ngày 15/12/2025".

    A cell or label worded around one expression ("Hoàn thành trong Quý IV/2024") states the bound by that
    expression, so two statements of one bound read the same.
    """
    parts = [f.timeframe for f in find_timeframes(text, ctx, base) if f.timeframe.date_end is not None]
    if len(parts) > 1:
        return parts
    whole = parse_timeframe(text, ctx, base)
    if len(parts) == 1 and whole is not None and whole.recurrence is None:
        return parts
    return [whole] if whole is not None else []


def _within_year(tf: Timeframe, ctx: YearContext) -> bool:
    last = ctx.school[1] if ctx.school else ctx.year
    return tf.date_end is not None and last is not None and tf.date_end.year <= last


def _dated(tf: Timeframe | None) -> bool:
    return tf is not None and (tf.date_start is not None or tf.date_end is not None)


def _owner(tasks: list[Task], tf: Timeframe) -> Task | None:
    return next((t for t in tasks if t.start <= tf.start < t.end), None)


def _binds(tf: Timeframe) -> bool:
    """A bound has a date: an end, or the start of work that runs on ("từ tháng 02/2024"). "Thường xuyên", "theo
    lịch …" bind nothing; "Hằng quý" stays with its task (``Task.recurring``, and an RRULE in the iCalendar file)."""
    return tf.date_end is not None or (tf.kind == "from" and tf.date_start is not None)


def _kind(tf: Timeframe) -> str:
    if tf.kind == "recurring" or (tf.recurrence and tf.date_end is None):
        return "recurring"
    if tf.kind == "from":
        return "from"
    return "before" if tf.date_start is None else "interval"


def _what(task: Task | None) -> str | None:
    if task is None:
        return None
    text = " ".join(task.text.split())
    return text if len(text) <= 160 else text[:157].rsplit(" ", 1)[0] + " …"
