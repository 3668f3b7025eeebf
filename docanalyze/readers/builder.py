"""Assemble a :class:`Document` from the pieces a reader finds.

Readers hand over raw paragraphs, tables and footnotes in reading order; the
builder normalizes each piece, lays them out in one text (blocks separated by a
blank line, table rows by a newline, cells by a tab, footnote bodies after the
body) and records every offset. Readers never compute offsets themselves.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Block, BlockKind, Cell, Document, Footnote, Mark, Table
from ..normalize import normalize_text

BLOCK_SEP = "\n\n"
ROW_SEP = "\n"
CELL_SEP = "\t"

# Markers that open a list item or a numbered heading, as written at the start of a paragraph.
LIST_MARKER_RE = re.compile(
    r"""^(?:
        (?P<roman>[IVXLC]{1,6}\.)(?=\s)              # I.  II.
      | (?P<num>\d{1,3}(?:\.\d{1,3}){0,3}[.)])(?=\s) # 1.  1.2.  1)
      | (?P<alpha>[a-zđ]\))(?=\s)                    # a)  b)  đ)
      | (?P<bullet>[-+•●▪■◦∙·*–])(?=\s)             # -  +  •
    )""",
    re.VERBOSE,
)

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def superscript(marker: str) -> str:
    """Footnote markers stay in the text as superscript digits: they never merge with a number."""
    return marker.translate(SUPERSCRIPT)


@dataclass
class Run:
    """A piece of a paragraph with its formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    footnote_ref: str | None = None  # the run is a reference to this footnote


@dataclass
class RawCell:
    text: str | list[Run]
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1


@dataclass
class _PendingFootnote:
    marker: str
    runs: list[Run]


@dataclass
class DocumentBuilder:
    source: str | None = None
    format: str = "txt"
    parts: list[str] = field(default_factory=list)
    length: int = 0
    blocks: list[Block] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    refs: dict[str, tuple[int, int]] = field(default_factory=dict)
    notes: list[_PendingFootnote] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pages: int | None = None

    # ------------------------------------------------------------ low level
    def _emit(self, s: str) -> int:
        start = self.length
        self.parts.append(s)
        self.length += len(s)
        return start

    def _sep(self) -> None:
        if self.length:
            self._emit(BLOCK_SEP)

    def _emit_runs(self, runs: list[Run], *, keep_tabs: bool = False) -> tuple[int, int, bool, bool]:
        """Write normalized runs; return (start, end, all_bold, all_italic).

        Spaces between runs are collapsed across run boundaries, and leading
        and trailing space is dropped, so offsets stay exact.
        """
        pieces: list[tuple[str, Run]] = []
        for run in runs:
            if run.footnote_ref is not None:
                pieces.append((superscript(run.footnote_ref), run))
                continue
            t = normalize_text(run.text, keep_tabs=keep_tabs, strip_lines=False)
            if t:
                pieces.append((t, run))
        # collapse whitespace across boundaries
        out: list[tuple[str, Run]] = []
        prev_space = True
        for t, run in pieces:
            if prev_space:
                t = t.lstrip(" \n") if not out else t.lstrip(" ")
            if not t:
                continue
            if t.startswith(" ") and out and out[-1][0].endswith((" ", "\n")):
                t = t.lstrip(" ")
                if not t:
                    continue
            if t.startswith("\n") and out and out[-1][0].endswith(" "):
                out[-1] = (out[-1][0].rstrip(" "), out[-1][1])
            out.append((t, run))
            prev_space = t.endswith((" ", "\n"))
        while out and out[-1][0].rstrip(" \n") != out[-1][0]:
            t, run = out[-1]
            t = t.rstrip(" \n")
            if t:
                out[-1] = (t, run)
                break
            out.pop()
        start = self.length
        bold = italic = bool(out)
        for t, run in out:
            s = self._emit(t)
            if run.footnote_ref is not None:
                self.refs.setdefault(run.footnote_ref, (s, s + len(t)))
                continue
            visible = t.strip()
            if not visible:
                continue
            bold = bold and run.bold
            italic = italic and run.italic
            for kind, on in (("bold", run.bold), ("italic", run.italic), ("underline", run.underline)):
                if on:
                    lead = len(t) - len(t.lstrip())
                    self._add_mark(kind, s + lead, s + lead + len(visible))
        return start, self.length, bold, italic

    def _add_mark(self, kind: str, start: int, end: int) -> None:
        last = self.marks[-1] if self.marks else None
        if last and last.kind == kind and 0 <= start - last.end <= 1:
            last.end = end
        else:
            self.marks.append(Mark(kind, start, end))  # type: ignore[arg-type]

    # ------------------------------------------------------------ blocks
    def add_paragraph(
        self,
        content: str | list[Run],
        *,
        kind: BlockKind | None = None,
        marker: str | None = None,
        page: int | None = None,
        index: int | None = None,
        level: int | None = None,
    ) -> Block | None:
        """Add a paragraph. ``marker`` is Word's rendered automatic numbering, prepended to the text.

        The kind is guessed when not given: a written or rendered list marker
        makes a list item; headings are left to the caller (Markdown '#', Word
        heading styles) or to the structure parser.
        """
        runs = [Run(content)] if isinstance(content, str) else list(content)
        if marker:
            # the rendered number is formatted like the text it opens: "1. Mục đích" in bold is a bold heading
            first = next((r for r in runs if r.text.strip()), None)
            runs.insert(0, Run(marker + " ", first.bold, first.italic) if first else Run(marker + " "))
        if not any((r.text and r.text.strip()) or r.footnote_ref for r in runs):
            return None
        self._sep()
        start, end, bold, italic = self._emit_runs(runs)
        if end == start:
            return None
        text = self._tail(start)
        written = LIST_MARKER_RE.match(text)
        found_marker = written.group().strip() if written else None
        if kind is None:
            kind = "list_item" if found_marker else "paragraph"
        block = Block(kind=kind, start=start, end=end, marker=found_marker, page=page, index=index,
                      level=level, bold=bold, italic=italic)
        self.blocks.append(block)
        return block

    def _tail(self, start: int) -> str:
        """Text from ``start`` to the current end, reading only the parts needed."""
        acc, total = [], self.length
        for part in reversed(self.parts):
            acc.append(part)
            total -= len(part)
            if total <= start:
                break
        joined = "".join(reversed(acc))
        return joined[start - total :]

    def extend_last(self, content: str | list[Run], sep: str = " ") -> bool:
        """Append text to the last paragraph block (a paragraph broken by a page break)."""
        if not self.blocks or self.blocks[-1].kind == "table" or self.blocks[-1].end != self.length:
            return False
        runs = [Run(content)] if isinstance(content, str) else list(content)
        self._emit(sep)
        _, end, _, _ = self._emit_runs(runs)
        self.blocks[-1].end = end
        return True

    def add_table(self, cells: list[RawCell], *, page: int | None = None, index: int | None = None) -> Table | None:
        """Add a table given its cells (each at its grid position, merged cells once)."""
        cells = sorted(cells, key=lambda c: (c.row, c.col))
        if not cells or not any(_cell_has_text(c) for c in cells):
            return None
        self._sep()
        tstart = self.length
        rows: list[list[Cell]] = []
        current_row = None
        for c in cells:
            if c.row != current_row:
                if current_row is not None:
                    self._emit(ROW_SEP)
                rows.append([])
                current_row = c.row
            elif rows[-1]:
                self._emit(CELL_SEP)
            runs = [Run(c.text)] if isinstance(c.text, str) else c.text
            # a cell is one unit: its inner tabs become spaces
            runs = [Run(r.text.replace("\t", " "), r.bold, r.italic, r.underline, r.footnote_ref) for r in runs]
            s, e, _, _ = self._emit_runs(runs)
            rows[-1].append(Cell(text=self._tail(s)[: e - s], start=s, end=e, row=c.row, col=c.col,
                                 rowspan=c.rowspan, colspan=c.colspan))
        table = Table(rows=rows, start=tstart, end=self.length, page=page, index=index)
        self.tables.append(table)
        self.blocks.append(Block(kind="table", start=tstart, end=self.length, page=page, index=index,
                                 table=len(self.tables) - 1))
        return table

    def add_footnote(self, marker: str, content: str | list[Run]) -> None:
        """Record a footnote body; bodies are laid out after the main text."""
        runs = [Run(content)] if isinstance(content, str) else list(content)
        self.notes.append(_PendingFootnote(marker, runs))

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    # ------------------------------------------------------------ finish
    def build(self) -> Document:
        footnotes: list[Footnote] = []
        for note in self.notes:
            if not any(r.text.strip() for r in note.runs):
                continue
            self._sep()
            start, end, bold, italic = self._emit_runs(note.runs)
            ref = self.refs.get(note.marker)
            footnotes.append(Footnote(note.marker, start, end, ref[0] if ref else None, ref[1] if ref else None))
            self.blocks.append(Block(kind="footnote", start=start, end=end, marker=note.marker,
                                     bold=bold, italic=italic))
        text = "".join(self.parts)
        return Document(text=text, blocks=self.blocks, tables=self.tables, footnotes=footnotes,
                        marks=self.marks, source=self.source, format=self.format, pages=self.pages,
                        warnings=self.warnings)


def _cell_has_text(c: RawCell) -> bool:
    if isinstance(c.text, str):
        return bool(c.text.strip())
    return any(r.text.strip() for r in c.text)
