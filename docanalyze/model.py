"""The document model every reader returns and every extractor reads.

A :class:`Document` holds one normalized ``text``; blocks, table cells,
footnotes and formatting marks point into it by character offsets
(``start`` inclusive, ``end`` exclusive), so anything found in the text can be
traced back to the block, page or Word paragraph it came from and highlighted.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "list_item", "table", "footnote"]
MarkKind = Literal["bold", "italic", "underline"]


@dataclass
class Mark:
    """A run of formatting (bold, italic) over ``text[start:end]``.

    Kept because italics often stand for quotes in these documents, and a
    paragraph that is all bold is usually a heading.
    """

    kind: MarkKind
    start: int
    end: int


@dataclass
class Cell:
    """One table cell. ``row``/``col`` are grid positions; a merged cell spans several."""

    text: str
    start: int
    end: int
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1


@dataclass
class Table:
    """A table as rows of cells, in reading order.

    A cell merged over several rows or columns appears once, at its top-left
    position, with ``rowspan``/``colspan`` set; :meth:`grid` expands it.
    """

    rows: list[list[Cell]]
    start: int
    end: int
    page: int | None = None
    index: int | None = None  # position of the table among the source's tables

    @property
    def n_cols(self) -> int:
        return max((c.col + c.colspan for r in self.rows for c in r), default=0)

    def grid(self) -> list[list[Cell | None]]:
        """Rows × columns with merged cells repeated in every position they cover."""
        n_rows = max((c.row + c.rowspan for r in self.rows for c in r), default=0)
        grid: list[list[Cell | None]] = [[None] * self.n_cols for _ in range(n_rows)]
        for row in self.rows:
            for c in row:
                for r in range(c.row, c.row + c.rowspan):
                    for k in range(c.col, c.col + c.colspan):
                        grid[r][k] = c
        return grid

    def texts(self) -> list[list[str]]:
        """Rows of cell texts, merged cells repeated (handy for tests and DataFrames)."""
        return [[c.text if c else "" for c in row] for row in self.grid()]


@dataclass
class Block:
    """A paragraph-level unit of the document.

    ``marker`` is the list or heading marker as written or as Word's automatic
    numbering renders it ("I.", "1.", "a)", "-", "+"); it is part of ``text``.
    ``page`` is the 1-based PDF page, ``index`` the Word paragraph index or the
    source line/paragraph number for text files. ``level`` is a heading level
    the source states explicitly (Markdown ``#``, Word heading style), if any.
    """

    kind: BlockKind
    start: int
    end: int
    marker: str | None = None
    page: int | None = None
    index: int | None = None
    level: int | None = None
    table: int | None = None  # index into Document.tables for kind == "table"
    bold: bool = False  # the whole block is bold
    italic: bool = False  # the whole block is italic


def _block_start(block: Block) -> int:
    return block.start


@dataclass
class Footnote:
    """A footnote: its body ``text[start:end]`` and where its marker stands in the body text."""

    marker: str
    start: int
    end: int
    ref_start: int | None = None
    ref_end: int | None = None


@dataclass
class Document:
    """One document, read from any format, with one normalized text."""

    text: str
    blocks: list[Block] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    source: str | None = None  # path as given
    format: str = "txt"  # txt, md, docx, pdf, doc
    pages: int | None = None
    warnings: list[str] = field(default_factory=list)

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    def block_at(self, offset: int) -> Block | None:
        """The block containing ``offset`` (binary search; blocks are in text order)."""
        lo, hi = 0, len(self.blocks)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.blocks[mid].end <= offset:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self.blocks) and self.blocks[lo].start <= offset < self.blocks[lo].end:
            return self.blocks[lo]
        return None

    def blocks_between(self, start: int, end: int) -> list[Block]:
        """The blocks that begin in [start, end) (binary search; blocks are in text order)."""
        return self.blocks[bisect_left(self.blocks, start, key=_block_start):
                           bisect_left(self.blocks, end, key=_block_start)]

    @property
    def body_end(self) -> int:
        """Where the body ends and the appended footnote bodies begin."""
        return min((f.start for f in self.footnotes), default=len(self.text))

    def _repr_html_(self) -> str:  # pragma: no cover - exercised in notebooks
        from .render.html_doc import document_html

        return document_html(self)
