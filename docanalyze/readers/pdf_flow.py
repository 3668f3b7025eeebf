"""A PDF's lines and tables -> paragraphs, header, footnotes and tables in reading order.

Rules, all from geometry and the conventions of Nghị định 30/2020/NĐ-CP:

- page furniture: a lone page number at the top or bottom of a page, and a
  line repeated at the top or bottom of many pages, are not text;
- footnotes: the lines under the short rule at the bottom of a page, each
  opened by a raised number; the same raised number in the body is the marker;
- the header block: issuing body | Quốc hiệu, "Số: …" | "Place, ngày …" stand
  side by side; each column is read on its own, left column first;
- the closing block: "Nơi nhận:" and its list | the signer, likewise;
- paragraphs: a wrapped line continues its paragraph; a new one starts at a
  list marker, a first-line indent, a line after one that ended short of the
  right margin (the next word would have fitted), a wider line gap, or a
  change of size, weight or case (a heading and the text under it).
"""
from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from ..lexicon import load_toml
from ..normalize import fold
from .builder import LIST_MARKER_RE, DocumentBuilder, RawCell, Run
from .pdf_lines import Line, split_line, words
from .pdf_tables import PdfTable, continue_table, join_runs, line_runs, note_mark, same_columns

NATIONAL_RE = re.compile(r"C[ỘO]NG\s+H[OÒ][AÀ]\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A|Đ[ẢA]NG\s+C[ỘO]NG\s+S[ẢA]N\s+VI[ỆE]T\s+NAM",
                         re.I)
NOI_NHAN_RE = re.compile(r"^\s*N[ơo]i\s+nh[ậa]n\s*:?", re.I)
NUMBER_RE = re.compile(r"^\s*Số\s*[:.]", re.I)
KINH_GUI_RE = re.compile(r"^\s*Kính\s+gửi", re.I)
VV_RE = re.compile(r"^\s*(?:V/v|Về\s+việc)\b", re.I)
_TERMINAL = (".", ";", ":", "!", "?", "…")
_RULE_RE = re.compile(r"^[\s*_\-=~.·•]+$")


@cache
def _layout() -> tuple[tuple[str, ...], tuple[re.Pattern[str], ...]]:
    data = load_toml("pdf_layout.toml")
    heads = tuple(sorted((h.upper() for h in data["issuer_heads"]), key=len, reverse=True))
    pats = tuple(re.compile(p) for p in data["page_number_patterns"])
    return heads, pats


@dataclass
class PdfPage:
    number: int
    width: float
    height: float
    lines: list[Line]
    tables: list[PdfTable] = field(default_factory=list)
    rules: list[tuple[float, float, float]] = field(default_factory=list)  # short horizontal rules: x0, x1, y
    footnote_lines: list[Line] = field(default_factory=list)


@dataclass
class Frame:
    """Where text lines of a page start and end, and how far apart they are."""

    left: float
    right: float
    pitch: float


# ---------------------------------------------------------------- page furniture


def is_page_number(text: str) -> bool:
    return any(p.match(text.strip()) for p in _layout()[1])


def drop_furniture(pages: list[PdfPage]) -> None:
    """Remove page numbers and running headers/footers (lines repeated at the top or bottom of pages)."""
    n = len(pages)
    keys: Counter[str] = Counter()
    edge: dict[int, list[Line]] = {}
    for p in pages:
        cands = _edge_lines(p)
        edge[p.number] = cands
        for key in {_furniture_key(ln.text) for ln in cands}:
            keys[key] += 1
    for p in pages:
        drop = []
        for ln in edge[p.number]:
            key = _furniture_key(ln.text)
            repeated = n >= 2 and keys[key] >= max(2, (n + 1) // 2) and (p.number > 1 or keys[key] >= 3)
            if is_page_number(ln.text) or (repeated and len(key) > 1):
                drop.append(ln)
        if drop:
            p.lines = [ln for ln in p.lines if all(ln is not d for d in drop)]


def _edge_lines(p: PdfPage) -> list[Line]:
    """The first two and last two lines of a page when they lie in its top or bottom margin band."""
    if not p.lines:
        return []
    lines = sorted(p.lines, key=lambda ln: ln.base)
    out = []
    for k, ln in enumerate(lines[:2]):
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if ln.top < 0.12 * p.height and (nxt is None or nxt.top - ln.base > 0.6 * ln.size):
            out.append(ln)
    for k in range(max(len(lines) - 2, 0), len(lines)):
        ln = lines[k]
        prv = lines[k - 1] if k else None
        if ln.base > 0.88 * p.height and (prv is None or ln.top - prv.base > 0.6 * ln.size) and ln not in out:
            out.append(ln)
    return out


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", fold(text))


# ---------------------------------------------------------------- footnotes


def split_footnotes(page: PdfPage, body_size: float) -> None:
    """Move the footnote lines at the bottom of ``page`` to ``page.footnote_lines``."""
    if not page.lines:
        return
    left = min(ln.x0 for ln in page.lines)
    right = max(ln.x1 for ln in page.lines)
    lines = sorted(page.lines, key=lambda ln: ln.base)
    cut = None
    for x0, x1, y in sorted(page.rules, key=lambda r: r[2]):
        if y < 0.4 * page.height or abs(x0 - left) > 12 or not (25 <= x1 - x0 <= 0.6 * (right - left)):
            continue
        below = [ln for ln in lines if ln.top >= y - 1]
        above = [ln.size for ln in lines if ln.top < y - 1]
        ref = statistics.median(above) if above else body_size
        if below and all(ln.size <= 1.01 * ref for ln in below) and _opens_note(below[0]):
            cut = y
            break
    if cut is None:  # no rule: small lines at the bottom, the first opened by a raised number
        k = len(lines)
        while k > 0 and lines[k - 1].size < 0.9 * body_size and lines[k - 1].base > 0.5 * page.height:
            k -= 1
        while k < len(lines) and not _opens_note(lines[k]):
            k += 1
        if k < len(lines) and any(p.sup for p in lines[k].pieces[:1]):
            cut = lines[k].top - 0.1
    if cut is None:
        return
    page.footnote_lines = [ln for ln in lines if ln.top >= cut - 1]
    page.lines = [ln for ln in page.lines if ln.top < cut - 1]


_NOTE_START_RE = re.compile(r"^(?:[\[(]?(\d{1,3})[\])]?){1,2}\s*(?=[^\W\d]|[“\"(])")


def _opens_note(line: Line) -> bool:
    first = line.pieces[0] if line.pieces else None
    if first is None:
        return False
    if first.sup and note_mark(first.text) is not None:
        return True
    return bool(_NOTE_START_RE.match(line.text))


def parse_footnotes(pages: list[PdfPage]) -> list[tuple[str, list[Run], int]]:
    """(marker, runs, page) for every footnote; a note's lines may run on to the next page.

    A line opens a note when it starts with a raised number, or with the number
    the next note must have ("5Kế hoạch…", "5 Kế hoạch…"); any other line,
    even one starting with a year, continues the note above.
    """
    notes: list[tuple[str, list[Run], int]] = []
    for p in pages:
        for ln in p.footnote_lines:
            pieces = ln.pieces
            marker = None
            expected = int(notes[-1][0]) + 1 if notes and notes[-1][0].isdigit() else None
            m = _NOTE_START_RE.match(ln.text)
            if pieces and pieces[0].sup and note_mark(pieces[0].text) is not None:
                marker = note_mark(pieces[0].text)
                rest = pieces[1:]
            elif m and (int(m.group(1)) == expected or (expected is None and int(m.group(1)) <= 20)):
                marker = m.group(1)
                rest = _drop_prefix(pieces, m.end())
            if marker is not None:
                runs = [Run(x.text, x.bold, x.italic) for x in rest]
                notes.append((marker, runs, p.number))
            elif notes:
                m_, runs, pg = notes[-1]
                notes[-1] = (m_, join_runs(runs, [Run(x.text, x.bold, x.italic) for x in pieces],
                                           "".join(r.text for r in runs), ln.text), pg)
    return notes


def _drop_prefix(pieces: list, n: int) -> list:
    out = []
    for p in pieces:
        if n <= 0:
            out.append(p)
        elif len(p.text) <= n:
            n -= len(p.text)
        else:
            out.append(type(p)(p.text[n:], p.bold, p.italic, p.sup))
            n = 0
    return out


# ---------------------------------------------------------------- frames


def body_size(pages: list[PdfPage]) -> float:
    counts: Counter[float] = Counter()
    for p in pages:
        for ln in p.lines:
            counts[round(ln.size * 2) / 2] += len(ln.text)
    return counts.most_common(1)[0][0] if counts else 12.0


def frames(pages: list[PdfPage], size: float) -> dict[int, Frame]:
    """Left and right text edges and the line pitch, per page (the whole document's when a page has few lines)."""

    def frame_of(lines: list[Line]) -> Frame | None:
        lines = [ln for ln in lines if abs(ln.size - size) <= max(1.5, 0.15 * size)]
        if len(lines) < 4:
            return None
        xs0 = sorted(ln.x0 for ln in lines)
        xs1 = sorted(ln.x1 for ln in lines)
        left = xs0[len(xs0) // 10]
        right = xs1[min(len(xs1) - 1, len(xs1) * 9 // 10)]
        deltas = []
        for a, b in zip(lines, lines[1:], strict=False):
            d = b.base - a.base
            if a.page == b.page and 0.8 * size < d < 2.5 * size:
                deltas.append(d)
        pitch = statistics.median(deltas) if deltas else 1.3 * size
        return Frame(left, right, pitch)

    everything = frame_of([ln for p in pages for ln in sorted(p.lines, key=lambda x: x.base)])
    fallback = everything or Frame(min((ln.x0 for p in pages for ln in p.lines), default=0.0),
                                   max((ln.x1 for p in pages for ln in p.lines), default=500.0), 1.3 * size)
    out = {}
    for p in pages:
        f = frame_of(sorted(p.lines, key=lambda x: x.base))
        out[p.number] = f if f is not None and f.right - f.left > 0.5 * (fallback.right - fallback.left) else fallback
    return out


# ---------------------------------------------------------------- two-column blocks


_NATIONAL_GLUED_RE = re.compile(r"C[ỘO]NGH[OÒ][AÀ]X[ÃA]H[ỘO]I|Đ[ẢA]NGC[ỘO]NGS[ẢA]NVI[ỆE]TNAM", re.I)


def _national_x(line: Line) -> float | None:
    """x where the Quốc hiệu (or the Party's name) starts on ``line``, found glyph by glyph."""
    vis = [g for g in line.glyphs if g.text.strip()]
    text, owner = "", []
    for k, g in enumerate(vis):
        text += g.text
        owner.extend([k] * len(g.text))
    m = _NATIONAL_GLUED_RE.search(text)
    return vis[owner[m.start()]].x0 if m else None


def _sides(line: Line, split: float, lo: float | None = None) -> tuple[Line | None, Line | None, bool]:
    """(left part, right part, crosses): a line crosses ``split`` when a word runs over it.

    A line of the right column may reach further left than the Quốc hiệu
    (a long "Place, ngày … tháng … năm …" under a short party name): when a
    word runs over ``split`` but the line has a wide gap between ``lo`` (where
    the left column's text ends) and ``split``, it is split at that gap.
    """
    em = line.size
    ws = words(line, gap=0.45)
    if any(x0 < split - 0.1 * em and x1 > split + 0.1 * em for x0, x1 in ws):
        if lo is None:
            return None, None, True
        gaps = [(a[1], b[0]) for a, b in zip(ws, ws[1:], strict=False) if b[0] - a[1] >= 0.9 * em]
        inside = [g for g in gaps if g[1] > lo and g[0] < split]
        if not inside:
            return None, None, True
        split = (inside[0][0] + inside[0][1]) / 2
    left, right = split_line(line, split)
    return left, right, False


def _center(line: Line) -> float:
    return (line.x0 + line.x1) / 2


def header_zone(lines: list[Line], frame: Frame) -> tuple[int, list[list[Line]]] | None:
    """The side-by-side header at the top of page 1: (lines used, paragraphs, left column first).

    The Quốc hiệu fixes where the right column starts. A line belongs to the
    block while it has text on both sides of that split, or text on one side
    centred (or aligned) like that column's other lines; the title, centred on
    the page, ends it.
    """
    anchor = split = None
    for k, ln in enumerate(lines[:14]):
        x = _national_x(ln)
        if x is not None:
            anchor, split = k, x - 0.5
            break
    if anchor is None or split is None or split < frame.left + 0.25 * (frame.right - frame.left):
        return None
    anchor_left = _sides(lines[anchor], split)[0]
    lo = max([anchor_left.x1] if anchor_left is not None else [], default=None)
    parts = [_sides(ln, split, lo) for ln in lines[: anchor + 16]]
    left_col: list[Line] = []
    right_col: list[Line] = []

    def aligned(part: Line, column: list[Line], tol: float) -> bool:
        """Centred or left- or right-aligned like a line already in the column."""
        return any(abs(_center(part) - _center(o)) <= tol or abs(part.x0 - o.x0) <= 0.5 * tol
                   or abs(part.x1 - o.x1) <= 0.5 * tol for o in column)

    n = 0
    for k, (lp, rp, crosses) in enumerate(parts):
        if crosses:
            if k < anchor:
                return None
            break
        tol = 2.5 * lines[k].size
        if k > anchor and KINH_GUI_RE.match(lines[k].text):
            break
        if k > anchor and lp is not None and rp is None and left_col and not aligned(lp, left_col, tol):
            break
        if k > anchor and rp is not None and lp is None and not aligned(rp, right_col, tol):
            break
        if lp is not None:
            left_col.append(lp)
        if rp is not None:
            right_col.append(rp)
        n = k + 1
    if n <= anchor:
        return None
    return n, _header_paragraphs(left_col, issuer_column=True) + _header_paragraphs(right_col, issuer_column=False)


def _header_paragraphs(lines: list[Line], *, issuer_column: bool) -> list[list[Line]]:
    heads = _layout()[0]
    paras: list[list[Line]] = []
    for ln in lines:
        t = ln.text.strip()
        if not t or _RULE_RE.match(t):
            continue
        if paras:
            prev = paras[-1][-1]
            p = prev.text.strip()
            join = p.endswith(("-", ",")) or p.endswith((" và", " VÀ")) or t[:1].islower() or (
                bool(VV_RE.match(paras[-1][0].text)) and t != t.upper())  # "V/v …" over several lines
            if issuer_column and not join and p == p.upper() and t == t.upper() and prev.bold == ln.bold \
                    and not NUMBER_RE.match(t) and not NUMBER_RE.match(p) and not NATIONAL_RE.search(t):
                join = not any(t.startswith(h + " ") or t == h for h in heads)
            if NUMBER_RE.match(t) or NOI_NHAN_RE.match(t):
                join = False
            if join:
                paras[-1].append(ln)
                continue
        paras.append([ln])
    return paras


def _channel(lines: list[Line], lo: float, hi: float) -> float | None:
    """The middle of the widest x-interval in [lo, hi] that no word of ``lines`` covers."""
    covered = sorted((x0, x1) for ln in lines for x0, x1 in words(ln, gap=0.45) if x1 > lo and x0 < hi)
    best, pos = None, lo
    for x0, x1 in covered + [(hi, hi)]:
        if x0 > pos and (best is None or x0 - pos > best[1] - best[0]):
            best = (pos, x0)
        pos = max(pos, x1)
    if best is None or best[1] - best[0] < 4:
        return None
    return (best[0] + best[1]) / 2


def closing_zone(lines: list[Line], frame: Frame) -> tuple[int, int, list[list[Line]]] | None:
    """The "Nơi nhận:" | signer block near the end: (first line, end, paragraphs, left column first)."""
    start = None
    for k in range(len(lines) - 1, max(-1, len(lines) - 80), -1):
        if NOI_NHAN_RE.match(lines[k].text):
            start = k
            break
    if start is None:
        return None
    first = lines[start]
    width = frame.right - frame.left
    lo, hi = frame.left + 0.2 * width, frame.left + 0.75 * width
    # the signer's first lines may sit a little higher than "Nơi nhận:" (another font size, same row)
    while start > 0 and lines[start - 1].page == first.page and first.base - lines[start - 1].base < 2.5 * first.size \
            and lines[start - 1].x0 > lo:
        start -= 1
    region: list[Line] = []
    split = None
    for ln in lines[start : start + 40]:  # the block may run over a page break
        trial = _channel(region + [ln], lo, hi)
        if trial is None:
            break
        region.append(ln)
        split = trial
    if split is None or not region:
        return None
    left: list[Line] = []
    right: list[Line] = []
    for ln in region:
        lp, rp = split_line(ln, split)
        if lp is not None:
            left.append(lp)
        if rp is not None:
            right.append(rp)
    paras: list[list[Line]] = []
    for ln in left:  # Nơi nhận: each "- recipient" line opens an item; other lines continue it
        t = ln.text.strip()
        if paras and not t.startswith(("-", "+", "•")) and not NOI_NHAN_RE.match(t) \
                and not NOI_NHAN_RE.match(paras[-1][0].text):
            paras[-1].append(ln)
        else:
            paras.append([ln])
    n_left = len(paras)
    for ln in right:  # the signer: one line each, unless a line is cut ("…, " / lower-case start)
        t = ln.text.strip()
        if len(paras) > n_left and (paras[-1][-1].text.rstrip().endswith((",", "-")) or t[:1].islower()):
            paras[-1].append(ln)
        else:
            paras.append([ln])
    return start, start + len(region), paras


# ---------------------------------------------------------------- paragraphs


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalpha())


def _all_caps(text: str) -> bool:
    letters = _letters(text)
    return len(letters) >= 6 and letters == letters.upper()


def _has_lower(text: str) -> bool:
    return any(ch.islower() for ch in text)


def _first_word_width(line: Line) -> float:
    start = None
    for g in line.glyphs:
        if g.text.isspace():
            if start is not None:
                break
            continue
        if start is None:
            start = g.x0
        end = g.x1
    return (end - start) if start is not None else 0.0


def _centered(line: Line, f: Frame) -> bool:
    """Centred between the margins (a title line), not merely short."""
    left, right = line.x0 - f.left, f.right - line.x1
    return left > 0.5 * line.size and right > 0.5 * line.size and abs(left - right) < max(
        1.5 * line.size, 0.08 * (f.right - f.left))


def _full(line: Line, f: Frame) -> bool:
    return line.x0 - f.left < 1.0 * line.size and f.right - line.x1 < 1.0 * line.size


def breaks(prev: Line, cur: Line, fp: Frame, fc: Frame, *, sizes_reliable: bool = True) -> bool:
    """Does ``cur`` start a new paragraph after ``prev``?"""
    size = cur.size
    p_text, c_text = prev.text.rstrip(), cur.text.lstrip()
    if sizes_reliable and abs(prev.size - cur.size) > max(1.0, 0.12 * size):
        return True
    if len(_letters(p_text)) >= 3 and len(_letters(c_text)) >= 3 and prev.bold != cur.bold:
        return True
    if _all_caps(p_text) and _has_lower(c_text):
        return True
    if prev.page == cur.page and cur.base - prev.base > fc.pitch + 0.35 * size:
        return True
    pc, cc = _centered(prev, fp), _centered(cur, fc)
    if (pc or cc) and (pc or _full(prev, fp)) and (cc or _full(cur, fc)) and prev.bold == cur.bold and (
            prev.bold or (_all_caps(p_text) and not _has_lower(c_text))):
        return False  # a centred title over several lines, some as wide as the page
    if pc or cc:
        return pc != cc
    room = fp.right - prev.x1
    short = room > _first_word_width(cur) + 1.0 * size
    if LIST_MARKER_RE.match(c_text) and (cur.x0 > fc.left + 0.3 * size or p_text.endswith(_TERMINAL) or short):
        return True
    shift = fp.left - fc.left  # pages of a scan are not all placed alike
    if cur.x0 + shift > prev.x0 + 0.6 * size:
        marker = LIST_MARKER_RE.match(p_text)
        hanging = marker is not None and abs(cur.x0 + shift - prev.start_of_text_after(len(marker.group().strip()))) \
            < 0.6 * size
        if not hanging:
            return True
    return short


def emit(pages: list[PdfPage], builder: DocumentBuilder, notes: list[tuple[str, list[Run], int]]) -> None:
    """Lay out every page's lines and tables into the builder, in reading order."""
    markers = notes_by_page(notes)
    size = body_size(pages)
    fr = frames(pages, size)
    sizes_reliable = _sizes_reliable(pages)
    stream: list[Line | PdfTable] = []
    for p in pages:
        items: list[tuple[float, int, Line | PdfTable]] = [(ln.top, 0, ln) for ln in p.lines]
        items += [(t.top, 1, t) for t in p.tables]
        items.sort(key=lambda it: (it[0], it[1]))
        stream.extend(it[2] for it in items)

    # the side-by-side header at the top of page 1, and the closing block
    zones: dict[int, tuple[int, list[list[Line]]]] = {}
    first_lines: list[Line] = []
    for it in stream:
        if not isinstance(it, Line) or it.page != (pages[0].number if pages else 1):
            break
        first_lines.append(it)
    hz = header_zone(first_lines, fr[first_lines[0].page]) if first_lines else None
    if hz is not None and hz[0]:
        zones[0] = (hz[0], hz[1])
    line_idx = [k for k, it in enumerate(stream) if isinstance(it, Line)]
    only_lines = [stream[k] for k in line_idx]
    cz = closing_zone(only_lines, fr[only_lines[-1].page]) if only_lines else None  # type: ignore[arg-type]
    if cz is not None:
        start, end, paras = cz
        s_idx = line_idx[start]
        header_end = zones[0][0] if 0 in zones else 0
        if s_idx >= header_end and end > start:
            # the zone may not run over a table
            stop = s_idx
            for k in range(s_idx, len(stream)):
                if isinstance(stream[k], PdfTable) or k > line_idx[end - 1]:
                    break
                stop = k + 1
            if stop - s_idx == end - start:
                zones[s_idx] = (end - start, paras)

    prev_line: Line | None = None  # the last line read, None right after a table or a zone
    current: list[Line] = []
    pending_table: PdfTable | None = None  # a table that may continue on the next page
    pending_last_page = 0
    para_index = 0

    def flush() -> None:
        nonlocal current, para_index
        if current:
            para_index += 1
            _add_lines(builder, current, markers, para_index)
            current = []

    def flush_table() -> None:
        nonlocal pending_table
        if pending_table is not None:
            _add_table(builder, pending_table)
            pending_table = None

    k = 0
    while k < len(stream):
        if k in zones:
            flush()
            flush_table()
            n, paras = zones[k]
            for para in paras:
                para_index += 1
                _add_lines(builder, para, markers, para_index)
            k += n
            prev_line = None
            continue
        it = stream[k]
        k += 1
        if isinstance(it, PdfTable):
            flush()
            if pending_table is not None and prev_line is None and it.page == pending_last_page + 1 \
                    and same_columns(pending_table, it):
                continue_table(pending_table, it)
            else:
                flush_table()
                pending_table = it
            pending_last_page = it.page
            prev_line = None
            continue
        flush_table()  # a line after a table: the table is complete
        if prev_line is not None and not breaks(prev_line, it, fr[prev_line.page], fr[it.page],
                                                sizes_reliable=sizes_reliable):
            current.append(it)
        else:
            flush()
            current = [it]
        prev_line = it
    flush()
    flush_table()
    for marker, runs, _page in notes:
        builder.add_footnote(marker, runs)


def _sizes_reliable(pages: list[PdfPage]) -> bool:
    """False for an OCR text layer, where every word has its own 'font size'."""
    spreads = []
    for p in pages:
        for ln in p.lines[:200]:
            sizes = [g.size for g in ln.glyphs if g.text.strip()]
            if len(sizes) >= 10:
                spreads.append((max(sizes) - min(sizes)) / max(ln.size, 1.0))
    return not spreads or statistics.median(spreads) < 0.2


def notes_by_page(notes: list[tuple[str, list[Run], int]]) -> dict[int, set[str]]:
    """The footnote numbers each page's bottom holds: a raised number is a reference only on its note's page."""
    out: dict[int, set[str]] = {}
    for marker, _runs, page in notes:
        out.setdefault(page, set()).add(marker)
    return out


def _add_lines(builder: DocumentBuilder, lines: list[Line], markers: dict[int, set[str]], index: int) -> None:
    runs: list[Run] = []
    prev_text = ""
    for ln in lines:
        r = line_runs(ln, markers.get(ln.page, set()))
        runs = join_runs(runs, r, prev_text, ln.text) if runs else r
        prev_text = ln.text
    builder.add_paragraph(runs, page=lines[0].page, index=index)


def _add_table(builder: DocumentBuilder, table: PdfTable) -> None:
    cells = []
    for c in table.cells:
        runs: list[Run] = []
        for para in c.paras:
            if runs:
                runs.append(Run("\n"))
            runs.extend(para)
        cells.append(RawCell(text=runs, row=c.row, col=c.col, rowspan=c.rowspan, colspan=c.colspan))
    builder.add_table(cells, page=table.page, index=len(builder.tables))
