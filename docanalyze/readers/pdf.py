"""PDF: text layer -> lines -> paragraphs, ruled tables, footnotes (pdfplumber, imported lazily).

What can go wrong with a PDF is said in one line: it is password-protected,
damaged, a scan without a text layer (it needs OCR), or its text layer is
garbled (fonts without a Unicode map give "(cid:12)" or "BO CONG THIJoNG";
the latter is caught by the language check in :func:`docanalyze.readers.load`).
Very long or very slow files are stopped with a message instead of hanging.

The geometry lives in :mod:`.pdf_lines` (glyphs -> lines), :mod:`.pdf_tables`
(ruled tables) and :mod:`.pdf_flow` (reading order, header block, paragraphs).
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from ..errors import GarbledTextError, InputError, NoTextLayerError
from .builder import DocumentBuilder
from .pdf_flow import (
    PdfPage,
    body_size,
    drop_furniture,
    emit,
    notes_by_page,
    parse_footnotes,
    split_footnotes,
)
from .pdf_lines import Glyph, glyphs_of, group_lines
from .pdf_tables import PdfTable, convert_table

MAX_PAGES = 1000
MAX_SECONDS = 240.0  # a PDF that takes longer than this is stopped, not waited for
MAX_CHARS_PER_PAGE = 60_000  # more glyphs than this on one page: a drawing or a data dump, not a document page
MIN_RULE_CELLS = 4  # a page needs at least this many ruling lines to hold a table


def read_pdf(path: Path, builder: DocumentBuilder, *, max_seconds: float = MAX_SECONDS) -> None:
    try:
        import pdfplumber
        from pdfplumber.utils.exceptions import PdfminerException
    except ImportError as exc:  # pragma: no cover
        raise InputError("pdfplumber is not installed; install docanalyze with its dependencies") from exc
    name = path.name
    started = time.monotonic()
    try:
        pdf = pdfplumber.open(str(path))
    except PdfminerException as exc:
        raise _open_error(name, exc.args[0] if exc.args else exc) from None
    except Exception as exc:  # noqa: BLE001 - any parser failure is a damaged file
        raise _open_error(name, exc) from None
    with pdf:
        try:
            n_pages = len(pdf.pages)
        except Exception as exc:  # noqa: BLE001
            raise InputError(f"{name}: the PDF is damaged (its page tree cannot be read: {_short(exc)})") from None
        if n_pages == 0:
            raise InputError(f"{name}: the PDF has no pages")
        if n_pages > MAX_PAGES:
            raise InputError(f"{name}: the PDF has {n_pages} pages; docanalyze reads documents of up to "
                             f"{MAX_PAGES} pages")
        pages: list[PdfPage] = []
        raw_tables: list[tuple[int, list[Any], list[Glyph]]] = []
        image_pages: list[int] = []
        cid = total = 0
        for i, page in enumerate(pdf.pages, start=1):
            if time.monotonic() - started > max_seconds:
                raise InputError(f"{name}: reading stopped after {max_seconds:.0f} s at page {i} of {n_pages}; "
                                 "the PDF is too large or too complex")
            try:
                p, tables, n_cid, n_chars, has_images = _read_page(page, i)
            except InputError as exc:
                raise InputError(f"{name}: {exc}") from None
            except Exception as exc:  # noqa: BLE001 - pdfminer errors on a broken page
                raise InputError(f"{name}: the PDF is damaged (page {i} cannot be read: {_short(exc)})") from None
            finally:
                page.close()
            cid += n_cid
            total += n_chars
            if not n_chars and has_images:
                image_pages.append(i)
            pages.append(p)
            raw_tables.extend(tables)
    if total == 0:
        what = "a scan (its pages are images)" if image_pages else "empty of text"
        raise NoTextLayerError(f"{name}: the PDF has no text layer, it is {what}; it needs OCR first "
                               "(e.g. 'ocrmypdf -l vie in.pdf out.pdf')")
    if cid > 0.1 * total:
        raise GarbledTextError(f"{name}: the PDF's text layer is garbled (its fonts have no Unicode map, "
                               "the text comes out as glyph numbers); the document needs OCR")
    if image_pages:
        listed = ", ".join(map(str, image_pages[:10])) + (" …" if len(image_pages) > 10 else "")
        builder.warn(f"page(s) {listed} have no text layer (scanned images); their text is missing")

    drop_furniture(pages)
    size = body_size(pages)
    for p in pages:
        split_footnotes(p, size)
    notes = parse_footnotes(pages)
    markers = notes_by_page(notes)
    by_page = {p.number: p for p in pages}
    for number, tables, glyphs in raw_tables:
        for t in tables:
            converted = convert_table(t, glyphs, number, markers.get(number, set()))
            if converted is not None:
                by_page[number].tables.append(converted)
    emit(pages, builder, notes)
    builder.pages = n_pages


def _read_page(page: Any, number: int) -> tuple[PdfPage, list[tuple[int, list[Any], list[Glyph]]], int, int, bool]:
    """One page: its lines outside tables, its tables (raw, converted later), (cid:…) count, glyph count."""
    chars, edges, has_images = _layout_objects(page)
    if page.rotation and chars and sum(1 for c in chars if c["upright"]) < 0.5 * len(chars):
        # a page turned by /Rotate whose text then runs sideways: read it as it was written
        page = _unrotated(page)
        chars, edges, has_images = _layout_objects(page)
    rules = [(e["x0"], e["x1"], e["top"]) for e in edges if e["orientation"] == "h" and e["width"] > 10]
    if len(chars) > MAX_CHARS_PER_PAGE:
        raise InputError(f"page {number} holds {len(chars):,} characters; it is not a document page")
    chars = _dedupe(chars)
    n_cid = sum(1 for c in chars if c["text"].startswith("(cid:"))
    glyphs = glyphs_of([c for c in chars if not c["text"].startswith("(cid:")], float(page.height))
    tables: list[Any] = []
    in_tables: list[Glyph] = []
    h_edges = [e for e in edges if e["orientation"] == "h"]
    v_edges = [e for e in edges if e["orientation"] == "v"]
    if len(h_edges) >= 2 and len(v_edges) >= 2 and len(edges) >= MIN_RULE_CELLS and glyphs:
        settings = {"vertical_strategy": "explicit", "horizontal_strategy": "explicit",
                    "explicit_vertical_lines": v_edges, "explicit_horizontal_lines": h_edges}
        try:
            found = page.find_tables(settings)  # only the visible rules: white boxes behind text are not cells
        except Exception:  # noqa: BLE001 - a table finder failure must not lose the page's text
            found = []
        for t in found:
            x0, top, x1, bottom = t.bbox
            inside = [g for g in glyphs if x0 <= (g.x0 + g.x1) / 2 <= x1 and top <= (g.top + g.base) / 2 <= bottom]
            if len([c for c in t.cells if c]) >= 2 and inside:
                tables.append(_FrozenTable(t.bbox, list(t.cells)))
                in_tables.extend(inside)
    taken = {id(g) for g in in_tables}
    free = [g for g in glyphs if id(g) not in taken]
    lines = group_lines(free, number)
    p = PdfPage(number, float(page.width), float(page.height), lines, [], rules)
    raw = [(number, tables, in_tables)] if tables else []
    return p, raw, n_cid, len(chars), has_images


def _layout_objects(page: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]], bool]:
    """Characters, the visible ruling lines (as pdfplumber edges), and whether the page has images.

    Read straight from pdfminer's layout tree: pdfplumber's conversion of every
    object to a dict costs more than the parsing itself. Only rules that show
    count: Word and LibreOffice draw white boxes behind highlighted text, and
    those must not become table cells.
    """
    from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage, LTLine, LTRect

    height = float(page.height)
    mb_x0, mb_top = float(page.mediabox[0]), float(page.mediabox[1])
    chars: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []

    def edge(x0: float, y0: float, x1: float, y1: float) -> None:
        top, bottom = height - max(y0, y1) + mb_top, height - min(y0, y1) + mb_top
        x0, x1 = min(x0, x1) + mb_x0, max(x0, x1) + mb_x0
        if bottom - top <= 2.5 and x1 - x0 >= 2:
            y = (top + bottom) / 2
            edges.append({"object_type": "rule_edge", "orientation": "h", "x0": x0, "x1": x1, "top": y,
                          "bottom": y, "width": x1 - x0, "height": 0.0})
        elif x1 - x0 <= 2.5 and bottom - top >= 2:
            x = (x0 + x1) / 2
            edges.append({"object_type": "rule_edge", "orientation": "v", "x0": x, "x1": x, "top": top,
                          "bottom": bottom, "width": 0.0, "height": bottom - top})

    has_images = False
    stack = [page.layout]
    while stack:
        obj = stack.pop()
        for o in obj:
            if isinstance(o, LTChar):
                chars.append({"text": o.get_text(), "x0": o.x0 + mb_x0, "x1": o.x1 + mb_x0,
                              "top": height - o.y1 + mb_top, "bottom": height - o.y0 + mb_top, "size": o.size,
                              "fontname": o.fontname if isinstance(o.fontname, str) else str(o.fontname),
                              "upright": o.upright, "matrix": o.matrix, "mb_top": mb_top})
            elif isinstance(o, LTImage):
                has_images = True
            elif isinstance(o, LTCurve):  # LTLine and LTRect are curves too
                stroked = o.stroke and not _is_white(o.stroking_color)
                filled = o.fill and not _is_white(o.non_stroking_color)
                thin = o.width <= 2.5 or o.height <= 2.5
                if isinstance(o, LTRect) and not thin:
                    if stroked:
                        edge(o.x0, o.y0, o.x1, o.y0)
                        edge(o.x0, o.y1, o.x1, o.y1)
                        edge(o.x0, o.y0, o.x0, o.y1)
                        edge(o.x1, o.y0, o.x1, o.y1)
                elif (stroked or filled) and (isinstance(o, (LTLine, LTRect)) or thin):
                    edge(o.x0, o.y0, o.x1, o.y1)
                elif stroked:  # a polyline: its axis-parallel pieces
                    for (ax, ay), (bx, by) in zip(o.pts, o.pts[1:], strict=False):
                        if abs(ax - bx) < 0.5 or abs(ay - by) < 0.5:
                            edge(ax, ay, bx, by)
            elif isinstance(o, LTContainer):
                stack.append(o)
    chars.sort(key=lambda c: (c["top"], c["x0"]))
    return chars, edges, has_images


def _is_white(color: Any) -> bool:
    """Is a pdfminer colour white (gray 1, RGB 1,1,1, CMYK 0,0,0,0) or unset-and-invisible?"""
    if color is None:
        return False
    values = color if isinstance(color, (tuple, list)) else (color,)
    try:
        nums = [float(v) for v in values]
    except (TypeError, ValueError):
        return False  # a pattern colour
    if len(nums) == 1:
        return nums[0] >= 0.99
    if len(nums) == 3:
        return all(v >= 0.99 for v in nums)
    if len(nums) == 4:
        return all(v <= 0.01 for v in nums)
    return False


def _unrotated(page: Any) -> Any:
    """The same page without its /Rotate, so that text set upright in its content stream reads upright."""
    import copy

    from pdfplumber.page import Page

    obj = copy.copy(page.page_obj)
    obj.attrs = {k: v for k, v in obj.attrs.items() if k != "Rotate"}
    obj.rotate = 0
    return Page(page.pdf, obj, page_number=page.page_number, initial_doctop=0)


def _dedupe(chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop glyphs drawn twice at the same place (fake bold, shadows); linear, unlike pdfplumber's."""
    seen: set[tuple[str, float, float]] = set()
    out = []
    for c in chars:
        key = (c.get("text", ""), round(c["x0"], 0), round(c["top"], 0))
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out


class _FrozenTable:
    """What we keep of a pdfplumber table once its page is closed."""

    def __init__(self, bbox: tuple[float, float, float, float], cells: list[Any]) -> None:
        self.bbox = bbox
        self.cells = cells


def _open_error(name: str, exc: BaseException) -> InputError:
    kind = type(exc).__name__
    if kind in ("PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning") or "password" in str(exc).lower():
        return InputError(f"{name}: the PDF is password-protected; open it with its password and save an "
                          "unprotected copy")
    if kind == "PDFEncryptionError" or "encrypt" in str(exc).lower():
        return InputError(f"{name}: the PDF is encrypted in a way docanalyze cannot read")
    return InputError(f"{name}: the PDF is damaged and cannot be read ({_short(exc)})")


def _short(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:120]


__all__ = ["read_pdf", "PdfTable"]
