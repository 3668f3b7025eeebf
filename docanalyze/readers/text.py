"""Plain text and Markdown, as exported from Word or PDF by other tools.

What such exports carry and we undo: Markdown headings (``##``), emphasis
(``**``, ``*…*``), HTML left-overs (``<sup>n</sup>``, ``<i>``, ``<p>``,
entities), backslash escapes; footnote bodies that land in the middle of the
text at page bottoms; tab-separated lines that are table rows, including a row
whose text continues after a page break on a line of its own; paragraphs cut by
a page break that continue in lower case.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .builder import LIST_MARKER_RE, DocumentBuilder, RawCell, Run

_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*)$")
_MD_TABLE_SEP_RE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_FOOTNOTE_BODY_RE = re.compile(r"^\s*(?:\*{1,3})?<sup>\s*(\w{1,4})\s*</sup>(?:\*{1,3})?\s*(.*)$", re.S)
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")
_INLINE_TOKEN_RE = re.compile(
    r"<sup>\s*(?P<sup>[^<]{1,6}?)\s*</sup>"
    r"|(?P<stars>\*{1,3})"
    r"|<(?P<close>/?)(?P<tag>i|em|b|strong|u|p|br|span|div|sub|font)\b[^>]*?/?>",
    re.I,
)
_TERMINAL = ".;:!?…)”\"'"
_BRACKET_REF_RE = re.compile(r"\[(\d{1,3})\]")
_BRACKET_NOTE_RE = re.compile(r"^\s*\[(\d{1,3})\]\s+(\S.*)$")
_RULE_LINE_RE = re.compile(r"^\s*(?:_{5,}|-{5,}|={5,})\s*$")
# A row of a layout table (header or signature block) as Word's plain-text export writes it:
# "TRƯỜNG MẦM NON HOA SEN<TAB>CỘNG HÒA XÃ HỘI …", "Số: 86/KH-MNHS<TAB>Hồng Gai, ngày 22 …".
_LAYOUT_CELL_RE = re.compile(
    r"CỘNG\s+H(?:OÀ|ÒA)\s+XÃ\s+HỘI|Độc\s+lập\s*-\s*Tự\s+do|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|^\s*Số\s*:|"
    r"^[^\t,]{2,40},\s*ngày\s*[\d.…_ ]*\s*tháng|^\s*Nơi\s+nhận|^\s*(?:KT|TM|TL|TUQ|Q)\.\s*[A-ZĐ]|^\s*V/v\b")


@dataclass
class _Para:
    kind: str  # "para" | "heading" | "footnote" | "row"
    runs: list[Run] | None = None
    cells: list[list[Run]] | None = None
    level: int | None = None
    marker: str | None = None
    line: int = 0
    blank_before: bool = True


def parse_inline(text: str, notes: frozenset[str] = frozenset()) -> list[Run]:
    """Split a line into runs, turning Markdown and HTML emphasis into formatting flags.

    ``notes`` are the footnote markers whose bodies the file holds in "[n] …" form
    (Word's plain-text export); "[n]" in running text then becomes a footnote reference.
    """
    if notes and "[" in text:
        out: list[Run] = []
        pos = 0
        for m in _BRACKET_REF_RE.finditer(text):
            if m.group(1) in notes:
                out += parse_inline(text[pos : m.start()])
                out.append(Run("", footnote_ref=m.group(1)))
                pos = m.end()
        return out + parse_inline(text[pos:]) if pos else parse_inline(text)
    runs: list[Run] = []
    bold = italic = underline = False
    pos = 0

    def push(s: str) -> None:
        if s:
            s = html.unescape(_ESCAPE_RE.sub(r"\1", s))
            runs.append(Run(s, bold, italic, underline))

    for m in _INLINE_TOKEN_RE.finditer(text):
        push(text[pos : m.start()])
        pos = m.end()
        if m.group("sup") is not None:
            sup = m.group("sup").strip()
            if re.fullmatch(r"\d{1,3}|[*a-z]", sup):
                runs.append(Run("", footnote_ref=sup))
            else:
                push(sup)
            continue
        if m.group("stars"):
            n = len(m.group("stars"))
            before = text[m.start() - 1] if m.start() else " "
            after = text[m.end()] if m.end() < len(text) else " "
            on_bold, on_italic = n >= 2, n in (1, 3)
            is_open = not after.isspace() and ((on_bold and not bold) or (on_italic and not italic))
            is_close = not before.isspace() and ((on_bold and bold) or (on_italic and italic))
            if is_close:
                bold = bold and not on_bold
                italic = italic and not on_italic
            elif is_open:
                bold = bold or on_bold
                italic = italic or on_italic
            else:
                push(m.group())
            continue
        tag, closing = m.group("tag").lower(), bool(m.group("close"))
        if tag in ("i", "em"):
            italic = not closing
        elif tag in ("b", "strong"):
            bold = not closing
        elif tag == "u":
            underline = not closing
        elif tag == "br":
            push("\n")
    push(text[pos:])
    return runs


def _is_table_line(line: str) -> bool:
    return "\t" in line.strip("\n") and line.strip() != ""


def _md_table_cells(line: str) -> list[str] | None:
    s = line.strip()
    if len(s) >= 2 and s.startswith("|") and s.endswith("|") and s.count("|") >= 3:
        return [c.strip() for c in s[1:-1].split("|")]
    return None


def _plain(runs: list[Run]) -> str:
    return "".join(r.text for r in runs)


def _starts_lower(runs: list[Run]) -> bool:
    """Does the paragraph start in lower case (a sentence cut by a page break)? "a) …" is a list item."""
    plain = _plain(runs).lstrip()
    if LIST_MARKER_RE.match(plain):
        return False
    s = plain.lstrip(" “\"'(")
    return bool(s) and s[0].islower()


def _ends_open(runs: list[Run]) -> bool:
    s = _plain(runs).rstrip()
    return bool(s) and s[-1] not in _TERMINAL


def _row_is_continuation(prev: list[list[Run]], row: list[list[Run]]) -> bool:
    """A row broken by a page break continues on a line whose first cell is empty."""
    texts = [_plain(c).strip() for c in row]
    if not prev or texts[0]:
        return False
    prev_first = _plain(prev[0]).strip()
    filled = sum(1 for t in texts if t)
    return bool(prev_first) and filled <= max(1, len(texts) // 2)


def _bracket_notes(lines: list[str]) -> dict[int, str]:
    """Footnote bodies written "[n] text" after a rule line at the end (Word's plain-text export).

    Returns line index -> marker, only when the body text cites those markers too.
    """
    rule = max((i for i, line in enumerate(lines) if _RULE_LINE_RE.match(line)), default=None)
    if rule is None:
        return {}
    found = {}
    for i in range(rule + 1, len(lines)):
        m = _BRACKET_NOTE_RE.match(lines[i])
        if m:
            found[i] = m.group(1)
        elif lines[i].strip() and not found:
            return {}
    body = "\n".join(lines[:rule])
    return {i: mk for i, mk in found.items() if f"[{mk}]" in body}


def _is_layout_row(cells: list[str]) -> bool:
    """A header or signature block row: at most three cells, short, and naming header furniture."""
    filled = [c for c in cells if c.strip()]
    return 0 < len(filled) <= 3 and sum(map(len, filled)) < 400 and any(_LAYOUT_CELL_RE.search(c) for c in filled)


def read_text(text: str, builder: DocumentBuilder) -> None:
    """Parse plain text or Markdown into the builder."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    bracket_notes = _bracket_notes(lines)
    notes = frozenset(bracket_notes.values())
    paras: list[_Para] = []
    blank = True
    for i, raw in enumerate(lines, start=1):
        line = raw.rstrip()
        if not line.strip():
            blank = True
            continue
        if (i - 1) in bracket_notes:
            m = _BRACKET_NOTE_RE.match(line)
            assert m is not None
            paras.append(_Para("footnote", runs=parse_inline(m.group(2)), marker=m.group(1), line=i))
            continue
        if bracket_notes and _RULE_LINE_RE.match(line) and i - 1 < min(bracket_notes):
            continue  # the rule above the footnotes
        if _MD_TABLE_SEP_RE.match(line.strip()) and "-" in line:
            blank = False
            continue
        md_cells = _md_table_cells(line)
        if md_cells is not None or _is_table_line(line):
            cells_text = md_cells if md_cells is not None else line.split("\t")
            if md_cells is None and _is_layout_row(cells_text):
                # a layout table read as Word writes it: each cell's text a paragraph, left to right
                for cell in cells_text:
                    if cell.strip():
                        paras.append(_Para("para", runs=parse_inline(cell.strip(), notes), line=i,
                                           blank_before=True))
                blank = False
                continue
            paras.append(_Para("row", cells=[parse_inline(c, notes) for c in cells_text], line=i,
                               blank_before=blank))
            blank = False
            continue
        stripped = line.strip()
        foot = _FOOTNOTE_BODY_RE.match(stripped)
        if foot and foot.group(2).strip():
            paras.append(_Para("footnote", runs=parse_inline(foot.group(2)), marker=foot.group(1), line=i))
            blank = False
            continue
        head = _HEADING_RE.match(stripped)
        if head:
            paras.append(_Para("heading", runs=parse_inline(head.group(2), notes), level=len(head.group(1)), line=i,
                               blank_before=blank))
        else:
            paras.append(_Para("para", runs=parse_inline(stripped, notes), line=i, blank_before=blank))
        blank = False
    _emit(paras, builder)


def _emit(paras: list[_Para], builder: DocumentBuilder) -> None:
    table: list[tuple[list[list[Run]], int]] = []
    last_kind = None
    for p in paras:
        if p.kind == "row":
            assert p.cells is not None
            if table and _row_is_continuation(table[-1][0], p.cells):
                prev = table[-1][0]
                for k, cell in enumerate(p.cells):
                    if _plain(cell).strip():
                        if k < len(prev):
                            prev[k] = prev[k] + [Run(" ")] + cell
                        else:
                            prev.append(cell)
                continue
            table.append((p.cells, p.line))
            last_kind = "row"
            continue
        if p.kind == "footnote":
            assert p.runs is not None and p.marker is not None
            builder.add_footnote(p.marker, p.runs)
            continue  # a footnote in the middle of the text does not break a table or a paragraph
        if table:
            _flush_table(table, builder)
            table = []
        assert p.runs is not None
        if (p.kind == "para" and last_kind == "para" and _starts_lower(p.runs)
                and _ends_open_last(builder)):
            if builder.extend_last(p.runs):
                continue
        kind = "heading" if p.kind == "heading" else None
        builder.add_paragraph(p.runs, kind=kind, index=p.line, level=p.level)
        last_kind = p.kind
    if table:
        _flush_table(table, builder)


def _ends_open_last(builder: DocumentBuilder) -> bool:
    if not builder.blocks or builder.blocks[-1].kind in ("table", "heading"):
        return False
    last = builder._tail(builder.blocks[-1].start)
    s = last.rstrip()
    return bool(s) and s[-1] not in _TERMINAL


def _flush_table(rows: list[tuple[list[list[Run]], int]], builder: DocumentBuilder) -> None:
    width = max(len(r) for r, _ in rows)
    cells: list[RawCell] = []
    for ri, (row, _line) in enumerate(rows):
        # trailing empty cells that only pad the row are dropped; empty inner cells are kept
        for ci in range(width):
            runs = row[ci] if ci < len(row) else [Run("")]
            cells.append(RawCell(text=runs, row=ri, col=ci))
    builder.add_table(cells, index=len(builder.tables))
