"""Task tables: find the columns by meaning, then read one task per row.

Plans put their tasks in tables whose columns come in any order and under many
names (TT/STT; Nội dung / Nhiệm vụ / Nội dung công việc; Đơn vị chủ trì; Đơn vị
phối hợp; Thời gian thực hiện / hoàn thành; Sản phẩm; Ghi chú), often with a
two-row merged header ("Đơn vị" over "Chủ trì | Phối hợp") and a row of column
numbers under it. A table broken by a page or by a section heading caught between
its rows goes on without a header: it takes the columns of the task table before
it with the same number of columns, and a first row without a number continues the
last task. Rows that only name a group ("I | CÔNG TÁC TUYÊN TRUYỀN", a cell merged
across the table) are headings, not tasks. Header words are data
(``data/task_columns.toml``).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from ..items import Timeframe
from ..lexicon import load_toml
from ..model import Cell, Document, Table
from .timeframes import YearContext, parse_timeframe
from .units import split_units

ROLE_ORDER = ("content", "lead", "partners", "time", "time_start", "time_end", "product", "note", "result",
              "other")


def fold(text: str) -> str:
    """Lower case, NFC, one space: header words are compared as written, accents and all."""
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


@cache
def _columns_lexicon() -> tuple[frozenset[str], list[tuple[str, re.Pattern[str]]]]:
    data = load_toml("task_columns.toml")
    index = frozenset(fold(w) for w in data["index"])
    roles = []
    for role in ROLE_ORDER:
        for w in data["roles"].get(role, []):
            word = re.escape(fold(w)).replace("\\ ", "\\s+")
            roles.append((role, re.compile(rf"(?<!\w){word}(?!\w)")))
    return index, roles


def column_role(header: str) -> str | None:
    """The meaning of a column header: index, content, lead, partners, units, time, product, note …"""
    h = " ".join(fold(header).replace("/", " ").split())
    h = re.sub(r"\(\d+\)|\d+$", "", h).strip(" .:*")
    if not h:
        return None
    index, roles = _columns_lexicon()
    if h in index:
        return "index"
    has_lead = re.search(r"(?<!\w)(?:chủ trì|thực hiện|phụ trách)(?!\w)", h)
    has_partner = re.search(r"(?<!\w)phối hợp(?!\w)", h)
    if has_partner and has_lead and not re.match(r"(?:thời gian|thời hạn|nội dung)", h):
        return "units"
    if has_partner and not re.match(r"(?:thời gian|thời hạn|nội dung)", h):
        return "partners"
    best: tuple[int, int, str] | None = None
    for role, rx in roles:
        m = rx.search(h)
        if m and (best is None or (m.start(), -(m.end() - m.start())) < (best[0], best[1])):
            best = (m.start(), -(m.end() - m.start()), role)
    if best is None:
        return None
    role = best[2]
    if role == "time":
        if re.search(r"(?<!\w)(?:bắt đầu|từ ngày)(?!\w)", h):
            return "time_start"
        if re.search(r"(?<!\w)(?:kết thúc|đến ngày)(?!\w)", h) and not re.search(r"thực hiện", h):
            return "time_end"
    return role


@dataclass
class Columns:
    """Column index -> role for one task table."""

    n_cols: int
    roles: dict[int, str] = field(default_factory=dict)
    headers: list[str] = field(default_factory=list)

    def first(self, role: str) -> int | None:
        return next((c for c, r in sorted(self.roles.items()) if r == role), None)

    def all(self, role: str) -> list[int]:
        return [c for c, r in sorted(self.roles.items()) if r == role]

    def fits(self, n_cols: int) -> bool:
        """Whether a headerless table of ``n_cols`` columns continues this one: the same width, or
        narrower only by trailing columns a text export dropped because they were empty (Ghi chú)."""
        essential = [c for c, r in self.roles.items() if r in ("index", "content", "lead", "units", "time")]
        return n_cols == self.n_cols or (max(essential, default=0) < n_cols < self.n_cols)

    @property
    def is_task_table(self) -> bool:
        has_work = any(r in ("lead", "partners", "units", "time", "time_start", "time_end") for r in self.roles.values())
        return self.first("content") is not None and has_work


_NUMBERING_CELL_RE = re.compile(r"^\(?(?:\d{1,2}|[A-Z]|[IVX]{1,4})\)?\.?$")
_ROMAN_OR_LETTER_RE = re.compile(r"^(?:[IVXLC]{1,6}|[A-ZĐ])\.?$")
_NUMBER_RE = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?$")


def _unique(row: list[Cell | None]) -> list[Cell]:
    out: list[Cell] = []
    for c in row:
        if c is not None and all(c is not x for x in out):
            out.append(c)
    return out


def _is_numbering_row(row: list[Cell | None]) -> bool:
    texts = [c.text.strip() for c in _unique(row) if c.text.strip()]
    return len(texts) >= 2 and all(_NUMBERING_CELL_RE.match(t) for t in texts)


def _is_header_row(row: list[Cell | None], above: list[Cell | None] | None) -> bool:
    cells = [c for c in _unique(row) if c.text.strip()]
    if not cells:
        return False
    fresh = [c for k, c in enumerate(row) if c is not None and c.text.strip()
             and not (above is not None and above[k] is c)]
    if any(len(c.text) > 90 for c in fresh) or any(_NUMBER_RE.match(c.text.strip()) for c in fresh):
        return False
    known = sum(1 for c in _unique(fresh) if column_role(c.text) is not None)
    if above is None:
        return known >= 2
    # a second header row holds short sub-headers ("Chủ trì", "Phối hợp"), not a group title across the table
    if any(len(c.text) > 40 or sum(1 for x in row if x is c) >= max(2, len(row) - 1) for c in fresh):
        return False
    return known >= 1 and known >= len(_unique(fresh)) - 1


def read_columns(table: Table) -> tuple[Columns | None, int]:
    """The columns of a table and how many rows its header takes (0 when it has none)."""
    grid = table.grid()
    n_header = 0
    above = None
    for r in range(min(4, len(grid))):
        if _is_header_row(grid[r], above):
            n_header = r + 1
            above = grid[r]
        else:
            break
    if n_header == 0:
        return None, 0
    cols = Columns(table.n_cols)
    for k in range(table.n_cols):
        parts: list[str] = []
        seen: list[Cell] = []
        for r in range(n_header):
            c = grid[r][k]
            if c is not None and all(c is not s for s in seen) and c.text.strip():
                seen.append(c)
                parts.append(c.text.strip())
        text = " ".join(parts)
        cols.headers.append(text)
        # under a merged top cell ("Đơn vị thực hiện" over "Chủ trì | Phối hợp") the bottom cell says
        # what the column is; the joined text decides when the bottom cell alone says nothing
        role = None
        for candidate in ([parts[-1], text] + parts[-2::-1] if parts else []):
            role = column_role(candidate)
            if role:
                break
        if role:
            cols.roles[k] = role
    while n_header < len(grid) and _is_numbering_row(grid[n_header]):
        n_header += 1
    # several content columns: the one with the longest texts holds the task
    contents = cols.all("content")
    if len(contents) > 1:
        def avg(k: int) -> float:
            vals = [len(grid[r][k].text) for r in range(n_header, len(grid)) if grid[r][k] is not None]
            return sum(vals) / len(vals) if vals else 0.0
        keep = max(contents, key=avg)
        for k in contents:
            if k != keep:
                cols.roles[k] = "group"
    return cols, n_header


@dataclass
class Row:
    """One task row (or the continuation of the task above it)."""

    table: int
    row: int
    content: Cell
    text: str
    index: str | None = None
    lead: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    timeframe: Timeframe | None = None
    time_cells: list[Cell] = field(default_factory=list)
    product: str | None = None
    note: str | None = None
    group: str | None = None
    continuation: bool = False


def _is_statement(text: str) -> bool:
    """Work is stated in words: a form's "□", "NK NĐ" or "…" is not a task."""
    words = re.findall(r"\w+", text)
    return len(words) >= 2 and any(c.islower() for c in text)


def _cell_text(row: list[Cell | None], k: int | None) -> str:
    if k is None or k >= len(row) or row[k] is None:
        return ""
    return row[k].text.strip()  # type: ignore[union-attr]


def _units_cell(text: str) -> tuple[list[str], list[str]]:
    """A cell naming both lead and partners: "Chủ trì: X; Phối hợp: Y" or "X (chủ trì), Y"."""
    m = re.search(r"(?i)phối\s+hợp\s*:", text)
    if m:
        lead = re.sub(r"(?i)^\s*(?:đơn vị\s+)?chủ\s+trì\s*:\s*", "", text[: m.start()])
        return split_units(lead), split_units(text[m.end():])
    units = split_units(text)
    return units[:1], units[1:]


def read_rows(doc: Document, ti: int, cols: Columns, n_header: int, ctx: YearContext) -> list[Row]:
    """The task rows of table ``ti`` read with ``cols``."""
    table = doc.tables[ti]
    grid = table.grid()
    ci, ki = cols.first("content"), cols.first("index")
    assert ci is not None
    header_texts = [" ".join(fold(h).split()) for h in cols.headers]
    rows: list[Row] = []
    group = None
    prev_content: Cell | None = None
    for r in range(n_header, len(grid)):
        row = grid[r]
        cells = [c for c in _unique(row) if c.text.strip()]
        if not cells or _is_numbering_row(row):
            continue
        texts = [" ".join(fold(_cell_text(row, k)).split()) for k in range(len(row))]
        if header_texts and texts[: len(header_texts)] == header_texts:
            continue  # the header repeated on a new page
        content = row[ci] if ci < len(row) else None
        across = len(cells) == 1 and sum(1 for c in row if c is cells[0]) >= max(2, len(row) - 1)
        # a cell merged across from the content column ("I | CÔNG TÁC TUYÊN TRUYỀN") fills nothing else
        row = [c if c is not content or k == ci else None for k, c in enumerate(row)]
        lead_t = " ".join(_cell_text(row, k) for k in cols.all("lead") + cols.all("units"))
        part_t = " ".join(_cell_text(row, k) for k in cols.all("partners"))
        time_ks = cols.all("time") + cols.all("time_start") + cols.all("time_end")
        time_t = " ".join(_cell_text(row, k) for k in time_ks)
        idx = _cell_text(row, ki)
        # a group heading: one cell across the table, or a roman/letter number with nothing assigned
        if across:
            group = cells[0].text.strip()
            continue
        if ki is not None and _ROMAN_OR_LETTER_RE.match(idx) and not (lead_t or part_t or time_t):
            group = _cell_text(row, ci) or group
            continue
        if content is None or not _is_statement(content.text) or content is prev_content:
            continue
        prev_content = content
        item = Row(table=ti, row=r, content=content, text=content.text.strip(), index=idx or None, group=group)
        item.continuation = ki is not None and not idx and not (lead_t or part_t or time_t)
        units_k = cols.all("units")
        if units_k:
            item.lead, item.partners = _units_cell(" ; ".join(_cell_text(row, k) for k in units_k))
        for k in cols.all("lead"):
            item.lead += split_units(_cell_text(row, k))
        for k in cols.all("partners"):
            item.partners += split_units(_cell_text(row, k))
        item.time_cells = [row[k] for k in time_ks if k < len(row) and row[k] is not None and row[k].text.strip()]
        if item.time_cells:
            first, last = item.time_cells[0], item.time_cells[-1]
            if len(item.time_cells) == 1:
                item.timeframe = parse_timeframe(first.text, ctx, base=first.start)
            else:
                item.timeframe = _span_timeframe(doc, item.time_cells, ctx)
            if item.timeframe is not None and last is not first:
                item.timeframe.end = last.end
        item.product = _cell_text(row, cols.first("product")) or None
        item.note = _cell_text(row, cols.first("note")) or None
        rows.append(item)
    return rows


def _span_timeframe(doc: Document, cells: list[Cell], ctx: YearContext) -> Timeframe | None:
    """Start and end in two columns ("Bắt đầu | Kết thúc"): the first's start, the last's end."""
    parts = [parse_timeframe(c.text, ctx, base=c.start) for c in cells]
    parts = [p for p in parts if p is not None]
    if not parts:
        return None
    text = " - ".join(c.text.strip() for c in cells)
    a = parts[0].date_start or parts[0].date_end
    b = parts[-1].date_end
    kind = "interval" if a and b else parts[-1].kind
    return Timeframe(text=text, start=cells[0].start, end=cells[-1].end, date_start=a, date_end=b, kind=kind,
                     recurrence=parts[-1].recurrence)
