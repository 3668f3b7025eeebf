"""Tasks: one per table row, numbered item or bullet of the sections that assign work.

Where tasks are (see ``work_sections``): the items and task tables of NỘI DUNG,
NHIỆM VỤ, TỔ CHỨC THỰC HIỆN …, never of MỤC ĐÍCH / YÊU CẦU, and in a report only
those of its forward-looking part. Which items are tasks: every numbered item and
bullet, except those that only head a group of items ("1. Nhiệm vụ thường
xuyên", "2. Các đơn vị giáo dục") and label lines ("Thời gian: Quý II/2024").
Unnumbered paragraphs under an item belong to it.

Who: a table's lead/partner columns; a label ("Đơn vị thực hiện: …"); the unit
before "chủ trì"; a unit heading in TỔ CHỨC THỰC HIỆN ("1. Văn phòng Sở") for the
work under it; the unit a sentence opens with. When: a table's time column; a
"Thời gian: …" label; the bounds the text states ("trước ngày 10/6, … trước ngày
05/12": the latest is the end); else the period of the heading the task sits
under ("NHIỆM VỤ 6 THÁNG CUỐI NĂM 2023").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..items import Citation, Header, Section, Task, Timeframe
from ..model import Block, Document
from ..normalize import fold
from .task_tables import Columns, Row, read_columns, read_rows
from .timeframes import (
    Found,
    YearContext,
    anchored_bounds,
    combine,
    context_for,
    find_timeframes,
    parse_timeframe,
)
from .timeframes import recurrence_in as _recurrence_in
from .units import (
    aside_lead,
    closing_lead,
    dedupe_units,
    labels_in,
    lead_in_text,
    partners_before,
    partners_in_text,
    split_units,
    subject_unit,
    unit_heading,
    units_of_label,
)
from .work_sections import (
    TOP_STYLES,
    Regions,
    context_at,
    group_title,
    heading_like,
    heading_period,
    paragraphs_are_tasks,
    section_roles,
)

_CLOSING_RE = re.compile(r"^\W*(?:Trên đây|Trong quá trình|Nơi nhận|Kế hoạch này có hiệu lực)", re.I)
_LABEL_LINE_RE = re.compile(
    r"^\W*(?:Thời\s+gian|Thời\s+hạn|Tiến\s+độ|Đơn\s+vị\s+(?:chủ\s+trì|thực\s+hiện|phối\s+hợp|phụ\s+trách)|"
    r"Cơ\s+quan\s+(?:chủ\s+trì|thực\s+hiện|phối\s+hợp)|Chủ\s+trì|Phối\s+hợp|Sản\s+phẩm|Kinh\s+phí|"
    r"Địa\s+điểm|Trách\s+nhiệm\s+thực\s+hiện|Người\s+thực\s+hiện|Bộ\s+phận\s+thực\s+hiện|Kết\s+quả)"
    r"[^:\n]{0,25}:", re.I)


@dataclass
class _Context:
    doc: Document
    header: Header
    sections: list[Section]
    regions: Regions
    ctx: YearContext
    citations: list[Citation]


def find_tasks(doc: Document, header: Header, sections: list[Section], citations: list[Citation]) -> list[Task]:
    """Every task of the document in text order, with ids "1", "2", …"""
    c = _Context(doc, header, sections, section_roles(doc, header, sections), context_for(header), citations)
    tasks = _table_tasks(c) + _list_tasks(c)
    tasks.sort(key=lambda t: t.start)
    for k, t in enumerate(tasks, start=1):
        t.id = str(k)
    return tasks


# ------------------------------------------------------------------ tables
def _table_tasks(c: _Context) -> list[Task]:
    doc = c.doc
    tasks: list[Task] = []
    last_cols: Columns | None = None
    for ti, table in enumerate(doc.tables):
        if table.start < c.header.body_start or table.start >= doc.body_end:
            continue
        cols, n_header = read_columns(table)
        inherited = False
        if cols is None or not cols.is_task_table:
            if cols is None and last_cols is not None and last_cols.fits(table.n_cols):
                cols, n_header, inherited = last_cols, 0, True
            else:
                last_cols = cols if cols is not None and cols.is_task_table else last_cols
                continue
        last_cols = cols
        if not c.regions.tables_allowed(table.start):
            continue
        rows = read_rows(doc, ti, cols, n_header, context_at(doc, c.ctx, c.regions, table.start))
        for k, row in enumerate(rows):
            prev = tasks[-1] if tasks else None
            joins = prev is not None and row.continuation and (
                prev.table == ti or (inherited and k == 0 and prev.table == ti - 1))
            if joins and prev is not None:
                _extend(doc, prev, row)
                continue
            tasks.append(_row_task(c, row))
    return tasks


def _extend(doc: Document, task: Task, row: Row) -> None:
    """A row broken by a page break (or a wrapped cell split into rows) continues the task above."""
    task.text = f"{task.text} {row.text}"
    task.end = max(task.end, row.content.end)


def _row_task(c: _Context, row: Row) -> Task:
    cell = row.content
    lead, partners = list(row.lead), list(row.partners)
    if not lead:
        lead = _unit_over(c, cell.start) or lead_in_text(row.text)
    if not partners:
        partners = partners_in_text(row.text)
    task = Task(id="", text=row.text, start=cell.start, end=cell.end, lead=lead, partners=partners,
                source="table", section=row.group or _section_title(c, cell.start), table=row.table,
                row=row.row, product=row.product, note=row.note)
    tf = row.timeframe
    if tf is None or tf.date_end is None:
        # "Theo thời hạn" in the time cell, the cut-offs in the work itself ("… sơ kết 6 tháng trước ngày 25/6/2024
        # và báo cáo tổng kết năm trước ngày 15/12/2024"): the latest is when the task ends
        ctx = context_at(c.doc, c.ctx, c.regions, cell.start)
        cuts = [f.timeframe for f in find_timeframes(cell.text, ctx, base=cell.start)
                if f.form == "before" and f.anchored and f.timeframe.date_end is not None]
        if cuts:
            tf = combine([Found(b, True) for b in cuts], ", ".join(b.text for b in cuts), cuts[0].start, cuts[-1].end)
    if tf is None or (tf.date_end is None and tf.kind not in ("recurring", "ongoing", "unresolved")):
        tf = _heading_period(c, cell.start) or tf
    _set_timeframe(task, tf)
    return task


# ------------------------------------------------------------------ lists
def _list_tasks(c: _Context) -> list[Task]:
    secs = c.sections
    reg = c.regions
    if reg.has_work:
        roots = sorted({k for k, s in enumerate(secs) if reg.own[k] == "work"
                        and not any(reg.own[a] == "work" for a in _ancestors(secs, k))} | set(reg.area_sections()))
        # a work section the tree put under an area heading is walked once, with the area
        roots = [k for k in roots if not any(a in roots for a in _ancestors(secs, k))]
        out: list[Task] = []
        for k in roots:
            if secs[k].children:
                out += _walk(c, secs[k].children, None, _heading_period(c, secs[k].start, upto=k), False)
            elif paragraphs_are_tasks(reg.titles[k][0]):
                out += _paragraph_tasks(c, k, None)
        return out
    if c.header.kind in ("plan", "directive"):
        tops = [k for k, s in enumerate(secs) if s.parent is None and reg.role[k] not in ("purpose", "past")]
        return _walk(c, tops, None, None, False)
    return []


def _ancestors(secs: list[Section], k: int) -> list[int]:
    out = []
    p = secs[k].parent
    while p is not None:
        out.append(p)
        p = secs[p].parent
    return out


def _walk(c: _Context, children: list[int], unit: str | None, period: Timeframe | None,
          recurring: bool) -> list[Task]:
    secs = c.sections
    out: list[Task] = []
    last_task: Task | None = None
    for k in children:
        s = secs[k]
        if c.regions.own[k] in ("purpose", "past") or not c.regions.tasks_allowed(s.start):
            continue
        if _is_label(s.title):
            if last_task is not None:  # "- Thời gian: …" under a task, written as a sibling bullet
                _apply_labels(c, last_task, c.doc.text[s.start:s.end], s.start)
            continue
        kids = [j for j in s.children if not _is_label(secs[j].title)]
        label_kids = [j for j in s.children if _is_label(secs[j].title)]
        own_end = _own_end(c, k)
        has_table = _has_table(c, s.heading_end, secs[s.children[0]].start if s.children else s.end)
        here_period = _title_period(c, s) or period
        here_recurring = recurring or (heading_like(s) and _recurrence(s.title) is not None)
        uh = unit_heading(s.title) if s.style not in ("dash", "plus", "bullet") or kids else None
        if uh is None and s.title.rstrip().endswith(":") and (u := subject_unit(s.title)):
            uh = (u, None)  # "1. Sở Giáo dục và Đào tạo có trách nhiệm:" over the work it lists
        if uh is not None and uh[1] is None:
            if kids:
                out += _walk(c, kids, uh[0], here_period, here_recurring)
            elif not has_table:
                out += _paragraph_tasks(c, k, uh[0])
            last_task = None
            continue
        if (kids or has_table) and (s.style in TOP_STYLES or group_title(s.title, 30 if kids else 15)):
            out += _walk(c, kids, unit, here_period, here_recurring)
            last_task = None
            continue
        task = _item_task(c, k, own_end, uh[0] if uh else unit, period, recurring)
        if task is not None:
            for j in label_kids:
                _apply_labels(c, task, c.doc.text[secs[j].start:secs[j].end], secs[j].start)
            out.append(task)
            last_task = task
        if kids:
            out += _walk(c, kids, unit, period, recurring)
    return out


def _is_label(title: str) -> bool:
    return bool(_LABEL_LINE_RE.match(title))


def _has_table(c: _Context, start: int, end: int) -> bool:
    return any(b.kind == "table" for b in c.doc.blocks_between(start, end))


def _blocks_between(c: _Context, start: int, end: int) -> list[Block]:
    return [b for b in c.doc.blocks_between(start, end) if b.kind != "footnote"]


def _own_end(c: _Context, k: int) -> int:
    """Where an item's own text ends: before its first sub-item or table, a closing formula, or a new paragraph."""
    s = c.sections[k]
    limit = c.sections[s.children[0]].start if s.children else s.end
    end = s.heading_end
    numbered = s.style not in ("dash", "plus", "bullet")
    for b in _blocks_between(c, s.heading_end, limit):
        if b.kind == "table":
            break
        t = c.doc.text[b.start:b.end]
        if _CLOSING_RE.match(t):
            break
        if not (numbered or t[:1].islower() or _is_label(t) or t.lstrip()[:1] in "(“\""):
            break
        end = b.end
    return end


def _marker_end(c: _Context, s: Section) -> int:
    text = c.doc.text
    pos = s.start
    if s.marker:
        pos = text.find(s.marker, s.start, s.heading_end)
        pos = s.start if pos < 0 else pos + len(s.marker)
    while pos < s.heading_end and text[pos] in " \t":
        pos += 1
    return pos


def _item_task(c: _Context, k: int, own_end: int, unit: str | None, period: Timeframe | None,
               recurring: bool) -> Task | None:
    s = c.sections[k]
    start = _marker_end(c, s)
    text = c.doc.text[start:own_end].strip()
    if not text or _CLOSING_RE.match(text):
        return None
    task = Task(id="", text=text, start=start, end=start + len(text), source="list",
                section=_section_title(c, s.start, below=k))
    _fill(c, task, unit, period, recurring)
    return task


def _other_subject(text: str, unit: str) -> bool:
    """Whether a paragraph opens with a unit other than ``unit`` as its subject."""
    subject = subject_unit(text)
    if not subject:
        return False
    a, b = fold(subject), fold(unit)
    return a not in b and b not in a


def _paragraph_tasks(c: _Context, k: int, unit: str | None) -> list[Task]:
    """Work stated in plain paragraphs under a unit heading or a work section without items."""
    s = c.sections[k]
    out = []
    for b in _blocks_between(c, s.heading_end, s.end):
        if b.kind not in ("paragraph", "list_item"):
            break
        t = c.doc.text[b.start:b.end]
        if _CLOSING_RE.match(t):
            break
        if unit is None and not (subject_unit(t) or anchored_bounds(t, c.ctx)):
            continue
        if unit is not None and out and _other_subject(t, unit) and not all(
                paragraphs_are_tasks(c.regions.titles[a][0]) for a in _ancestors(c.sections, k)):
            # "3. Trạm Y tế các xã" … then "Các khoa, phòng, trạm y tế báo cáo kết quả …": a paragraph addressed
            # to other units closes the whole TỔ CHỨC THỰC HIỆN section, it is not the heading unit's work
            break
        task = Task(id="", text=t.strip(), start=b.start, end=b.end, source="list",
                    section=_section_title(c, s.start, below=k + 1))
        _fill(c, task, unit, _title_period(c, s), False)
        out.append(task)
    return out


def _fill(c: _Context, task: Task, unit: str | None, period: Timeframe | None, recurring: bool) -> None:
    """Lead, partners and timeframe of a list task from its own words, its heading and its section."""
    text = task.text
    lead = lead_in_text(text) or aside_lead(text) or closing_lead(text) or ([unit] if unit else []) or _subject(text)
    task.lead = lead
    named = {x.lower() for x in lead}
    task.partners = [p for p in dedupe_units(partners_in_text(text) + partners_before(text)) if p.lower() not in named]
    ctx = context_at(c.doc, c.ctx, c.regions, task.start)
    found = find_timeframes(text, ctx, base=task.start)  # what anchored_bounds reads, scanned once for both uses
    bounds = [f.timeframe for f in found if f.anchored and f.timeframe.date_end is not None
              and not _in_citation(c, f.timeframe.start, f.timeframe.end)]
    if bounds:
        tf = combine([Found(b, True) for b in bounds], ", ".join(b.text for b in bounds), bounds[0].start, bounds[-1].end)
        _set_timeframe(task, tf)
    elif (rec := next((f.timeframe for f in found if f.anchored and f.timeframe.recurrence), None)) is not None:
        _set_timeframe(task, rec)  # "trước ngày 25 hằng tháng": a recurring bound, no single date
    elif period is not None:
        _set_timeframe(task, period)
    if recurring or _recurrence(text):
        task.recurring = True
    _apply_labels(c, task, text, task.start)


def _apply_labels(c: _Context, task: Task, text: str, base: int) -> None:
    """"Đơn vị thực hiện: …", "Phối hợp: …", "Thời gian: …" override what the sentence suggested."""
    for lab in labels_in(text):
        if lab.role == "lead":
            units, partners = units_of_label(lab.value)
            if units:
                task.lead = units
            if partners:
                task.partners = partners
        elif lab.role == "partners":
            units = split_units(lab.value)
            if units:
                task.partners = units
        elif lab.role == "time":
            tf = parse_timeframe(lab.value, context_at(c.doc, c.ctx, c.regions, base), base=base + lab.start)
            if tf is not None:
                _set_timeframe(task, tf)


def _set_timeframe(task: Task, tf: Timeframe | None) -> None:
    if tf is None:
        return
    task.timeframe = tf.text
    task.date_start, task.date_end = tf.date_start, tf.date_end
    if tf.kind in ("recurring",) or tf.recurrence:
        task.recurring = True


def _subject(text: str) -> list[str]:
    """The unit the task's sentence opens with — or, under a short title, its first paragraph's."""
    for para in text.split("\n\n")[:2]:
        u = subject_unit(para)
        if u:
            return [u]
    return []


def _recurrence(text: str) -> str | None:
    rec = _recurrence_in(text)
    if rec:
        return rec
    return "ongoing" if re.search(r"(?i)\bthường\s+xuyên\b", text) else None


def _in_citation(c: _Context, start: int, end: int) -> bool:
    return any(ci.start < end and start < ci.end for ci in c.citations)


# ------------------------------------------------------------------ headings
def _title_period(c: _Context, s: Section) -> Timeframe | None:
    k = next((i for i, x in enumerate(c.sections) if x is s), None)
    if k is None:
        return heading_period(c.doc, c.ctx, s)
    if k not in c.regions.periods:
        c.regions.periods[k] = heading_period(c.doc, c.ctx, s, c.regions.titles[k])
    return c.regions.periods[k]


def _heading_period(c: _Context, offset: int, upto: int | None = None) -> Timeframe | None:
    """The period of the innermost work heading above ``offset``."""
    best = None
    for k, s in enumerate(c.sections):
        if s.start <= offset < s.end and c.regions.role[k] == "work":
            p = _title_period(c, s)
            if p is not None:
                best = p
        if upto is not None and k == upto:
            break
    return best


def _section_title(c: _Context, offset: int, below: int | None = None) -> str | None:
    """Title of the innermost heading-like section containing ``offset`` (items themselves excluded)."""
    title = None
    for k, s in enumerate(c.sections):
        if below is not None and k >= below:
            break
        if s.start <= offset < s.end and heading_like(s) and group_title(s.title):
            title = s.title
    return title


def _unit_over(c: _Context, offset: int) -> list[str]:
    """The unit heading a table sits under, for rows whose lead cell is empty."""
    unit = None
    for s in c.sections:
        if s.start <= offset < s.end and s.heading_end <= offset:
            uh = unit_heading(s.title)
            if uh is not None and uh[1] is None:
                unit = uh[0]
    return [unit] if unit else []
