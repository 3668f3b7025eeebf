"""Word .docx: paragraphs, real tables with merged cells, footnotes, automatic numbering.

We walk the body XML ourselves (through python-docx's parsed tree) because the
high-level API hides what matters here: runs inside hyperlinks, footnote
references, merged cells (``gridSpan``/``vMerge``) and list numbering that
exists only as ``numPr`` and must be rendered ("1.", "a)", "-").

The header block (issuing body | Quốc hiệu, number | place and date) and the
closing block (Nơi nhận | signer) are layout tables, not data: they are read
as paragraphs, cell by cell, so the header parser sees the lines a reader sees.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from ..errors import InputError
from .builder import DocumentBuilder, RawCell, Run, superscript

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FOOTNOTES_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
LAYOUT_HINTS = re.compile(r"CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐẢNG CỘNG SẢN|Nơi nhận|^Số\s*:|KT\.|TM\.|TL\.|GIÁM ĐỐC|CHỦ TỊCH",
                          re.M | re.I)


def read_docx(path: Path, builder: DocumentBuilder) -> None:
    try:
        import docx  # python-docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as exc:  # pragma: no cover
        raise InputError("python-docx is not installed; install docanalyze with its dependencies") from exc
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(f"{path.name}: not a valid Word document (a damaged ZIP package: {_short(exc)})") from None
    if "word/document.xml" not in names:
        other = next((kind for part, kind in (("xl/", "an Excel workbook"), ("ppt/", "a PowerPoint file"),
                                              ("content.xml", "an OpenDocument file")) if any(
            n.startswith(part) for n in names)), None)
        raise InputError(f"{path.name}: not a Word document: " + (f"it is {other}" if other else
                         "the package has no word/document.xml (damaged or another kind of ZIP)"))
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"{path.name}: not a valid Word document ({_short(exc)})") from None
    except Exception as exc:  # lxml errors and friends: a damaged package
        raise InputError(f"{path.name}: the Word file is damaged ({_short(exc)})") from None
    reader = _WordReader(document, builder)
    reader.read_body()
    reader.read_footnotes()


def _short(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:120]


class _Numbering:
    """Renders Word automatic numbering (numPr) as the marker a reader sees.

    Word's model: list instances (``w:num``) that share an abstract definition
    continue one sequence, level by level; an instance with a ``startOverride``
    restarts its level at that value the first time it is used. So "a)" in one
    instance and "b)", "c)" in two others that point to the same definition
    read a), b), c).
    """

    def __init__(self, document: Any) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}  # (abstractId, ilvl) -> (fmt, lvlText, start)
        self.abstract_of: dict[str, str] = {}
        self.overrides: dict[tuple[str, int], int] = {}  # (numId, ilvl) -> start value
        self.override_levels: dict[tuple[str, int], tuple[str, str, int]] = {}  # a level redefined by one instance
        self.values: dict[str, list[int | None]] = {}  # abstractId -> current value per level
        self.applied: set[tuple[str, int]] = set()
        try:
            part = document.part.numbering_part
        except (KeyError, NotImplementedError, AttributeError):
            return
        root = part.element
        for an in root.findall(f"{W}abstractNum"):
            aid = an.get(f"{W}abstractNumId")
            for lvl in an.findall(f"{W}lvl"):
                self.levels[(aid, int(lvl.get(f"{W}ilvl", "0")))] = _level_spec(lvl)
        for num in root.findall(f"{W}num"):
            nid = num.get(f"{W}numId")
            aid = _val(num.find(f"{W}abstractNumId"))
            if nid is None or aid is None:
                continue
            self.abstract_of[nid] = aid
            for ov in num.findall(f"{W}lvlOverride"):
                ilvl = int(ov.get(f"{W}ilvl", "0"))
                so = ov.find(f"{W}startOverride")
                lvl = ov.find(f"{W}lvl")
                if lvl is not None:
                    self.override_levels[(nid, ilvl)] = _level_spec(lvl)
                if so is not None:
                    self.overrides[(nid, ilvl)] = int(_val(so) or "1")
                elif lvl is not None:
                    self.overrides[(nid, ilvl)] = self.override_levels[(nid, ilvl)][2]

    def _spec(self, num_id: str, ilvl: int) -> tuple[str, str, int] | None:
        if (num_id, ilvl) in self.override_levels:
            return self.override_levels[(num_id, ilvl)]
        return self.levels.get((self.abstract_of.get(num_id, ""), ilvl))

    def marker(self, num_id: str, ilvl: int) -> str | None:
        spec = self._spec(num_id, ilvl)
        if spec is None or num_id == "0":
            return None
        fmt, text, start = spec
        aid = self.abstract_of[num_id]
        values = self.values.setdefault(aid, [None] * 9)
        if (num_id, ilvl) in self.overrides and (num_id, ilvl) not in self.applied:
            self.applied.add((num_id, ilvl))
            values[ilvl] = self.overrides[(num_id, ilvl)] - 1
        elif values[ilvl] is None:
            values[ilvl] = start - 1
        values[ilvl] = (values[ilvl] or 0) + 1
        for deeper in range(ilvl + 1, 9):
            values[deeper] = None
        if fmt == "bullet":
            return "-" if not text or ord(text[0]) > 0xF000 or text in "•·▪◦" else text
        if fmt == "none":
            return None

        def render(m: re.Match[str]) -> str:
            level = int(m.group(1)) - 1
            lspec = self._spec(num_id, level) or ("decimal", "", 1)
            value = values[level] if 0 <= level < 9 and values[level] is not None else lspec[2]
            return _format_number(int(value or 0), lspec[0])

        out = re.sub(r"%(\d)", render, text).strip()
        return out or None


def _level_spec(lvl: Any) -> tuple[str, str, int]:
    fmt = _val(lvl.find(f"{W}numFmt")) or "decimal"
    text = _val(lvl.find(f"{W}lvlText")) or ""
    start = int(_val(lvl.find(f"{W}start")) or "1")
    return fmt, text, start


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        r = _roman(n)
        return r if fmt == "upperRoman" else r.lower()
    if fmt in ("lowerLetter", "upperLetter"):
        letters = "abcdefghijklmnopqrstuvwxyz"
        s = letters[(n - 1) % 26] * ((n - 1) // 26 + 1)
        return s if fmt == "lowerLetter" else s.upper()
    return str(n)


def _roman(n: int) -> str:
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
            (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = []
    for v, s in vals:
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


def _val(el: Any) -> str | None:
    return None if el is None else el.get(f"{W}val")


def _on(el: Any) -> bool | None:
    """A boolean run property: present means on unless val is false/0/none."""
    if el is None:
        return None
    v = el.get(f"{W}val")
    return v not in ("0", "false", "none")


class _WordReader:
    def __init__(self, document: Any, builder: DocumentBuilder) -> None:
        self.document = document
        self.builder = builder
        self.numbering = _Numbering(document)
        self.footnote_markers: dict[str, str] = {}
        self.custom_marks: dict[str, str] = {}  # footnote id -> the mark its reference writes ("[1]")
        self.par_index = 0
        self.table_index = 0
        self.style_flags: dict[str, tuple[bool, bool, int | None]] = {}

    # ------------------------------------------------------------ styles
    def _style(self, style_id: str | None) -> tuple[bool, bool, int | None]:
        """(bold, italic, heading level) a paragraph style gives, following basedOn."""
        if not style_id:
            return False, False, None
        if style_id in self.style_flags:
            return self.style_flags[style_id]
        bold = italic = False
        level = None
        try:
            style = self.document.styles.get_by_id(style_id, 1)  # WD_STYLE_TYPE.PARAGRAPH == 1
        except Exception:  # noqa: BLE001 - unknown or broken style
            style = None
        seen = 0
        while style is not None and seen < 10:
            font = style.font
            if font.bold is not None and not bold:
                bold = bool(font.bold)
            if font.italic is not None and not italic:
                italic = bool(font.italic)
            m = re.match(r"(?i)heading\s*(\d)", style.name or "")
            if m and level is None:
                level = int(m.group(1))
            if (style.name or "").lower() == "title" and level is None:
                level = 0
            style = style.base_style
            seen += 1
        self.style_flags[style_id] = (bold, italic, level)
        return self.style_flags[style_id]

    # ------------------------------------------------------------ paragraphs
    def _runs(self, p: Any, style_bold: bool, style_italic: bool) -> list[Run]:
        runs: list[Run] = []
        skip_mark = False  # the text after a footnote reference with customMarkFollows is the mark itself
        for el in p.iter():
            tag = el.tag
            if tag == f"{W}r":
                if _inside(el, ("del", "txbxContent"), stop=p):
                    continue
                rpr = el.find(f"{W}rPr")
                bold = _on(rpr.find(f"{W}b")) if rpr is not None else None
                italic = _on(rpr.find(f"{W}i")) if rpr is not None else None
                underline = rpr is not None and rpr.find(f"{W}u") is not None and _val(rpr.find(f"{W}u")) != "none"
                vert = _val(rpr.find(f"{W}vertAlign")) if rpr is not None else None
                b = style_bold if bold is None else bold
                i = style_italic if italic is None else italic
                for child in el:
                    ctag = child.tag
                    if ctag == f"{W}t":
                        text = child.text or ""
                        if skip_mark:
                            skip_mark = False
                            continue
                        if vert == "superscript" and re.fullmatch(r"\d{1,3}", text.strip()):
                            # m², 10³: an exponent, kept as superscript digits that \d does not match;
                            # real footnote references are w:footnoteReference
                            runs.append(Run(superscript(text.strip()), b, i, underline))
                        else:
                            runs.append(Run(text, b, i, underline))
                    elif ctag == f"{W}tab":
                        runs.append(Run(" ", b, i))
                    elif ctag in (f"{W}br", f"{W}cr"):
                        if child.get(f"{W}type") not in ("page", "column"):
                            runs.append(Run("\n", b, i))
                    elif ctag == f"{W}noBreakHyphen":
                        runs.append(Run("-", b, i))
                    elif ctag == f"{W}footnoteReference":
                        fid = child.get(f"{W}id") or ""
                        if child.get(f"{W}customMarkFollows") in ("1", "true", "on"):
                            mark = _following_text(child)
                            self.custom_marks[fid] = mark
                            skip_mark = bool(mark)
                            digits = re.search(r"\d{1,3}", mark)
                            wanted = digits.group() if digits else None
                            if fid not in self.footnote_markers and wanted \
                                    and wanted not in self.footnote_markers.values():
                                self.footnote_markers[fid] = wanted
                        marker = self.footnote_markers.setdefault(fid, str(len(self.footnote_markers) + 1))
                        runs.append(Run("", footnote_ref=marker))
                    elif ctag == f"{W}sym":
                        runs.append(Run(" "))
        return runs

    def _paragraph(self, p: Any) -> tuple[list[Run], str | None, int | None]:
        ppr = p.find(f"{W}pPr")
        style_id = _val(ppr.find(f"{W}pStyle")) if ppr is not None else None
        sbold, sitalic, level = self._style(style_id)
        marker = None
        if ppr is not None:
            numpr = ppr.find(f"{W}numPr")
            if numpr is not None:
                num_id = _val(numpr.find(f"{W}numId"))
                ilvl = int(_val(numpr.find(f"{W}ilvl")) or "0")
                if num_id:
                    marker = self.numbering.marker(num_id, ilvl)
        return self._runs(p, sbold, sitalic), marker, level

    def read_body(self) -> None:
        body = self.document.element.body
        for el in body.iterchildren():
            self._element(el)

    def _element(self, el: Any) -> None:
        tag = el.tag
        if tag == f"{W}p":
            runs, marker, level = self._paragraph(el)
            self.par_index += 1
            kind = "heading" if level is not None and level > 0 else None
            self.builder.add_paragraph(runs, marker=marker, index=self.par_index, kind=kind, level=level)
        elif tag == f"{W}tbl":
            self._table(el)
        elif tag == f"{W}sdt":
            content = el.find(f"{W}sdtContent")
            if content is not None:
                for child in content.iterchildren():
                    self._element(child)

    # ------------------------------------------------------------ tables
    def _cell_paragraph_texts(self, tc: Any) -> list[tuple[list[Run], str | None]]:
        out = []
        for child in tc.iterchildren():
            if child.tag == f"{W}p":
                runs, marker, _ = self._paragraph(child)
                self.par_index += 1
                out.append((runs, marker))
            elif child.tag == f"{W}tbl":  # a nested table: its text, row by row
                for tr in child.iter(f"{W}tr"):
                    row_runs: list[Run] = []
                    for tc2 in tr.findall(f"{W}tc"):
                        for runs, marker in self._cell_paragraph_texts(tc2):
                            if row_runs:
                                row_runs.append(Run(" "))
                            if marker:
                                row_runs.append(Run(marker + " "))
                            row_runs.extend(runs)
                    out.append((row_runs, None))
            elif child.tag == f"{W}sdt":
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    out.extend(self._cell_paragraph_texts(content))
        return out

    def _table(self, tbl: Any) -> None:
        grid: list[list[dict[str, Any]]] = []
        for tr in tbl.findall(f"{W}tr"):
            row: list[dict[str, Any]] = []
            col = 0
            trpr = tr.find(f"{W}trPr")
            if trpr is not None:
                gb = trpr.find(f"{W}gridBefore")
                if gb is not None:
                    col += int(_val(gb) or "0")
            for tc in tr.findall(f"{W}tc"):
                tcpr = tc.find(f"{W}tcPr")
                span = 1
                vmerge = None
                if tcpr is not None:
                    gs = tcpr.find(f"{W}gridSpan")
                    if gs is not None:
                        span = max(1, int(_val(gs) or "1"))
                    vm = tcpr.find(f"{W}vMerge")
                    if vm is not None:
                        vmerge = _val(vm) or "continue"
                paras = self._cell_paragraph_texts(tc)
                row.append({"col": col, "span": span, "vmerge": vmerge, "paras": paras})
                col += span
            grid.append(row)
        _collapse_unused_columns(grid)
        if self._is_layout(grid):
            # column by column, left first, as one reads the block (and as the PDF reader lays it out):
            # issuing body, its number; then Quốc hiệu, motto, place and date
            cells = [c for row in grid for c in row if c["vmerge"] != "continue"]
            for cell in sorted(cells, key=lambda c: c["col"]):  # stable: rows stay in order within a column
                for runs, marker in cell["paras"]:
                    self.builder.add_paragraph(runs, marker=marker)
            return
        cells: list[RawCell] = []
        open_cells: dict[int, RawCell] = {}  # column -> the cell a vMerge continues
        for ri, row in enumerate(grid):
            for cell in row:
                if cell["vmerge"] == "continue" and cell["col"] in open_cells:
                    top = open_cells[cell["col"]]
                    top.rowspan = ri - top.row + 1
                    extra = _join_paras(cell["paras"])
                    if any(r.text.strip() for r in extra) and isinstance(top.text, list):
                        top.text = top.text + [Run("\n")] + extra
                    continue
                raw = RawCell(text=_join_paras(cell["paras"]), row=ri, col=cell["col"], colspan=cell["span"])
                cells.append(raw)
                if cell["vmerge"] == "restart":
                    open_cells[cell["col"]] = raw
                else:
                    open_cells.pop(cell["col"], None)
        self.builder.add_table(cells, index=self.table_index)
        self.table_index += 1

    def _is_layout(self, grid: list[list[dict[str, Any]]]) -> bool:
        """The header or signature block: a small borderless-looking table of identity lines."""
        if len(grid) > 6 or max((len(r) for r in grid), default=0) > 3:
            return False
        text = "\n".join("".join(r.text for runs, _ in c["paras"] for r in runs) for row in grid for c in row)
        return bool(LAYOUT_HINTS.search(text)) and len(text) < 1500

    # ------------------------------------------------------------ footnotes
    def read_footnotes(self) -> None:
        part = None
        for rel in self.document.part.rels.values():
            if rel.reltype == FOOTNOTES_RT and not rel.is_external:
                part = rel.target_part
                break
        if part is None:
            return
        from lxml import etree

        try:
            root = etree.fromstring(part.blob)
        except etree.XMLSyntaxError:
            self.builder.warn("footnotes could not be read (damaged footnotes.xml)")
            return
        for fn in root.findall(f"{W}footnote"):
            fid = fn.get(f"{W}id")
            if fn.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            marker = self.footnote_markers.get(fid)
            if marker is None:
                continue  # never referenced from the body
            runs: list[Run] = []
            for p in fn.findall(f"{W}p"):
                if runs:
                    runs.append(Run(" "))
                runs.extend(r for r in self._runs(p, False, False) if r.footnote_ref is None)
            mark = self.custom_marks.get(fid or "")
            if mark:  # the body repeats a custom mark ("[1] Sau lần …"): it is not text of the note
                runs = _strip_leading(runs, mark)
            self.builder.add_footnote(marker, runs)


def _following_text(el: Any) -> str:
    """The text of the w:t elements after ``el`` in its run (a custom footnote mark)."""
    out = []
    for sib in el.itersiblings():
        if sib.tag == f"{W}t":
            out.append(sib.text or "")
    return "".join(out).strip()


def _strip_leading(runs: list[Run], mark: str) -> list[Run]:
    text = "".join(r.text for r in runs)
    lead = len(text) - len(text.lstrip())
    if not text.lstrip().startswith(mark):
        return runs
    cut = lead + len(mark)
    out: list[Run] = []
    for r in runs:
        if cut <= 0:
            out.append(r)
        elif len(r.text) <= cut:
            cut -= len(r.text)
        else:
            out.append(Run(r.text[cut:], r.bold, r.italic, r.underline, r.footnote_ref))
            cut = 0
    return out


def _collapse_unused_columns(grid: list[list[dict[str, Any]]]) -> None:
    """Drop grid columns no cell starts in (a 1-twip sliver in ``tblGrid``, a column split only in some rows).

    Otherwise a five-column table whose last cells span "two" columns reads
    as six columns with an empty one.
    """
    starts = sorted({cell["col"] for row in grid for cell in row})
    if not starts:
        return
    rank = {c: i for i, c in enumerate(starts)}
    for row in grid:
        for cell in row:
            end = cell["col"] + cell["span"]
            cell["span"] = max(1, sum(1 for c in starts if cell["col"] <= c < end))
            cell["col"] = rank[cell["col"]]


def _join_paras(paras: list[tuple[list[Run], str | None]]) -> list[Run]:
    out: list[Run] = []
    for runs, marker in paras:
        if not any(r.text.strip() or r.footnote_ref for r in runs) and not marker:
            continue
        if out:
            out.append(Run("\n"))
        if marker:
            out.append(Run(marker + " "))
        out.extend(runs)
    return out


def _inside(el: Any, names: tuple[str, ...], stop: Any) -> bool:
    parent = el.getparent()
    wanted = {f"{W}{n}" for n in names}
    while parent is not None and parent is not stop:
        if parent.tag in wanted:
            return True
        parent = parent.getparent()
    return False
