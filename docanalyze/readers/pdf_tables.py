"""Ruled tables in a PDF: grid, merged cells, and tables that run over a page break.

pdfplumber finds the cells from the ruling lines; here they get grid positions
(a cell spanning several column or row boundaries is a merged cell), their
text is read from the glyphs inside them, and a table that continues on the
next page is joined to its first part: a repeated header row is dropped, and a
row the page break cut in two (its first cell empty on the new page) becomes
one row again.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .builder import LIST_MARKER_RE, Run, superscript
from .pdf_lines import Glyph, Line, group_lines

_TERMINAL = ".;:!?"


@dataclass
class PdfCell:
    row: int
    col: int
    rowspan: int
    colspan: int
    paras: list[list[Run]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join("".join(r.text for r in p) for p in self.paras).strip()


@dataclass
class PdfTable:
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    col_edges: list[float]
    cells: list[PdfCell]

    @property
    def n_rows(self) -> int:
        return max((c.row + c.rowspan for c in self.cells), default=0)

    @property
    def n_cols(self) -> int:
        return max(len(self.col_edges) - 1, 0)

    def row_texts(self, row: int) -> list[str]:
        return [c.text for c in sorted(self.cells, key=lambda c: c.col) if c.row == row]


def _cluster(values: list[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= tol:
            continue
        out.append(v)
    return out


def _index(edges: list[float], v: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - v))


def cell_paragraphs(lines: list[Line], x1: float, notes: set[str] | None = None) -> list[list[Run]]:
    """A cell's lines joined into its paragraphs: a list marker, or a short line ending a sentence, breaks."""
    paras: list[list[Run]] = []
    prev: Line | None = None
    for ln in lines:
        runs = line_runs(ln, notes)
        text = ln.text
        new = prev is None or bool(LIST_MARKER_RE.match(text))
        if prev is not None and not new:
            room = x1 - prev.x1
            first_word = text.split(" ", 1)[0]
            if prev.text.rstrip().endswith(tuple(_TERMINAL)) and room > (len(first_word) + 2) * 0.5 * ln.size:
                new = True
        if new:
            paras.append(runs)
        else:
            paras[-1] = join_runs(paras[-1], runs, prev.text if prev else "", text)
        prev = ln
    return paras


NOTE_MARK_RE = re.compile(r"^(?:[\[(]?(\d{1,3})[\])]?){1,2}$")  # 1, [1], (1); "[1][1]" as LibreOffice draws it


def note_mark(text: str) -> str | None:
    """The footnote number a raised mark stands for ("[3]" -> "3")."""
    m = NOTE_MARK_RE.match(text.strip())
    return m.group(1) if m else None


def line_runs(line: Line, notes: set[str] | None = None) -> list[Run]:
    """A line's pieces as builder runs; a raised number that names a footnote becomes a footnote reference.

    Any other raised digits (m², 10³) stay as superscript digits, which \\d does not match.
    """
    runs: list[Run] = []
    for p in line.pieces:
        if p.sup:
            mark = note_mark(p.text)
            if mark is not None and notes is not None and mark in notes:
                runs.append(Run("", footnote_ref=mark))
                if p.text.endswith(" "):
                    runs.append(Run(" "))
                continue
            if p.text.strip().isdigit():
                runs.append(Run(superscript(p.text), p.bold, p.italic))
                continue
        runs.append(Run(p.text, p.bold, p.italic))
    return runs


# A narrow cell wraps inside a word: a date or number cut in its digits ("Tháng 01/20" + "23", "15/6/" + "2023"),
# or a syllable cut before its final consonants ("Thườn" + "g xuyên", "Tha" + "nh tra"). Vietnamese has no word
# that is a final cluster alone, so such a line start continues the word above.
_NUMBER_CUT_RE = re.compile(r"\d/(?:(?:19|20)\d?)?$")  # a year cut after "20" or "202", or a date after its "/"
_FINAL_CLUSTER_RE = re.compile(r"^(ng|nh|ch|g|h)(?=\s|[,.;:)]|$)")


def join_runs(a: list[Run], b: list[Run], a_text: str, b_text: str) -> list[Run]:
    """Join two wrapped lines: with a space, except a code or range cut after its hyphen ('BYT-' + 'BCT'), a
    borrowed word cut after a short Latin prefix ('E-' + 'learning', 'e-' + 'mail'), a date cut in its digits
    ('01/20' + '23') or a syllable cut before its final consonants ('Thườn' + 'g')."""
    a_end = a_text.rstrip()
    b_start = b_text.lstrip()
    prefix = re.search(r"(?<!\w)([A-Za-z]{1,3})-$", a_end)
    glued = (len(a_end) >= 2 and a_end[-1] == "-" and a_end[-2].isalnum() and b_text[:1].isalnum()
             and (b_text[:1].isupper() or b_text[:1].isdigit() or (prefix is not None and b_text[:1].isascii())))
    if not glued and a_end and b_start:
        if _NUMBER_CUT_RE.search(a_end) and b_start[0].isdigit():
            glued = True
        else:
            m = _FINAL_CLUSTER_RE.match(b_start)
            if m and a_end[-1].isalpha():
                last = a_end[-1].lower()
                glued = (last == "n" and m.group(1) in ("g", "h")) or (last == "c" and m.group(1) == "h") or (
                    last not in "bcdđghklmnpqrstvx" and m.group(1) in ("ng", "nh", "ch"))
    return a + ([] if glued else [Run(" ")]) + b


def convert_table(table: Any, glyphs: list[Glyph], page: int, notes: set[str] | None = None) -> PdfTable | None:
    """A pdfplumber table and the page glyphs inside it -> PdfTable (None when it is not a real table)."""
    boxes = [c for c in table.cells if c is not None]
    if len(boxes) < 2:
        return None
    xs = _cluster([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = _cluster([b[1] for b in boxes] + [b[3] for b in boxes])
    # a column edge no cell starts at (a sliver column Word keeps in its grid) is not a column
    starts = {_index(xs, b[0]) for b in boxes}
    xs = [x for k, x in enumerate(xs) if k in starts or k == len(xs) - 1]
    if len(xs) < 2 or len(ys) < 2:
        return None
    cells: list[PdfCell] = []
    buckets: list[list[Glyph]] = [[] for _ in boxes]
    for g in glyphs:
        cx, cy = (g.x0 + g.x1) / 2, (g.top + g.base) / 2
        for k, (x0, top, x1, bottom) in enumerate(boxes):
            if x0 <= cx <= x1 and top <= cy <= bottom:
                buckets[k].append(g)
                break
    for (x0, top, x1, bottom), inside in zip(boxes, buckets, strict=True):
        c0, c1 = _index(xs, x0), _index(xs, x1)
        r0, r1 = _index(ys, top), _index(ys, bottom)
        if c1 <= c0 or r1 <= r0:
            continue
        lines = group_lines(inside, page, segment_gap=None)
        paras = cell_paragraphs(lines, x1, notes) if lines else []
        cells.append(PdfCell(r0, c0, r1 - r0, c1 - c0, paras))
    if not cells:
        return None
    # rows that no cell starts in (an edge of a merged cell only) are dropped from the numbering
    starts = sorted({c.row for c in cells})
    renum = {r: i for i, r in enumerate(starts)}
    for c in cells:
        end = c.row + c.rowspan
        c.row = renum[c.row]
        c.rowspan = max(1, sum(1 for r in starts if renum[r] >= c.row and r < end))
    x0, top, x1, bottom = table.bbox
    return PdfTable(page, top, bottom, x0, x1, xs, cells)


def same_columns(a: PdfTable, b: PdfTable, tol: float = 3.0) -> bool:
    """Can ``b`` be the part of ``a`` on the next page? Same outer edges, and every column edge of one
    is an edge of the other (a page of data rows may lack the edges of a merged header row)."""
    if not a.col_edges or not b.col_edges:
        return False
    if abs(a.col_edges[0] - b.col_edges[0]) > tol or abs(a.col_edges[-1] - b.col_edges[-1]) > tol:
        return False
    small, big = (a.col_edges, b.col_edges) if len(a.col_edges) <= len(b.col_edges) else (b.col_edges, a.col_edges)
    return all(any(abs(x - y) <= tol for y in big) for x in small)


def _remap_columns(first: PdfTable, more: PdfTable) -> None:
    """Give ``more``'s cells the column numbers of ``first``'s grid (edges merged)."""
    edges = sorted(set(first.col_edges) | {x for x in more.col_edges
                                            if all(abs(x - y) > 3.0 for y in first.col_edges)})
    if edges != first.col_edges:
        for c in first.cells:
            x0, x1 = first.col_edges[c.col], first.col_edges[min(c.col + c.colspan, len(first.col_edges) - 1)]
            c.col, c.colspan = _index(edges, x0), max(1, _index(edges, x1) - _index(edges, x0))
        first.col_edges = edges
    for c in more.cells:
        x0, x1 = more.col_edges[c.col], more.col_edges[min(c.col + c.colspan, len(more.col_edges) - 1)]
        c.col, c.colspan = _index(edges, x0), max(1, _index(edges, x1) - _index(edges, x0))
    more.col_edges = edges


def continue_table(first: PdfTable, more: PdfTable) -> None:
    """Append ``more`` (the part of the table on the next page) to ``first``."""
    _remap_columns(first, more)
    rows_before = first.n_rows
    cells = sorted(more.cells, key=lambda c: (c.row, c.col))
    if first.n_rows and first.row_texts(0) == more.row_texts(0) and any(first.row_texts(0)):
        cells = [c for c in cells if c.row != 0]  # a header row repeated on every page
        for c in cells:
            c.row -= 1
    if cells:
        top_row = [c for c in cells if c.row == 0]
        last_row_index = rows_before - 1
        last_row = [c for c in first.cells if c.row <= last_row_index < c.row + c.rowspan]
        first_col_empty = not any(c.text for c in top_row if c.col == 0)
        prev_first = next((c for c in last_row if c.col == 0), None)
        if top_row and first_col_empty and prev_first is not None and prev_first.text and last_row:
            by_col = {c.col: c for c in last_row}
            for c in top_row:
                target = by_col.get(c.col)
                if target is None or not c.paras:
                    continue
                if target.paras:
                    target.paras[-1] = target.paras[-1] + [Run(" ")] + c.paras[0]
                    target.paras.extend(c.paras[1:])
                else:
                    target.paras = list(c.paras)
                if c.rowspan > 1:
                    target.rowspan += c.rowspan - 1
            cells = [c for c in cells if c.row != 0]
            for c in cells:
                c.row -= 1
    for c in cells:
        c.row += rows_before
        first.cells.append(c)
    first.bottom = more.bottom
