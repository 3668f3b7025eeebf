"""PDF characters -> lines of text with their geometry and formatting.

A PDF has no paragraphs, only glyphs at positions. Here glyphs are grouped into
visual lines by baseline; a raised, smaller glyph (a footnote marker) joins the
line it sits on instead of making a line of its own. Inside a line, a wide gap
splits it into *segments*: the two columns of a header ("SỞ GIÁO DỤC … |
CỘNG HÒA …") share baselines but are separate texts. Spaces come from the
space glyphs when the PDF has them and from gaps when it does not.
"""
from __future__ import annotations

import bisect
import re
import statistics
import unicodedata
from dataclasses import dataclass, field
from typing import Any

_LIGATURES = str.maketrans({"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_BOLD_RE = re.compile(r"bold|black|heavy|semibold|demi|,b\b|-b\b", re.I)
_ITALIC_RE = re.compile(r"italic|oblique|,i\b|-it?\b", re.I)

SPACE_GAP = 0.15  # a gap wider than this many ems between glyphs is a space
SEGMENT_GAP = 2.2  # a gap wider than this many ems splits a line into segments (columns)


@dataclass
class Glyph:
    text: str
    x0: float
    x1: float
    top: float
    base: float  # the baseline, from the text matrix
    size: float
    bold: bool
    italic: bool
    sup: bool = False  # raised and smaller than its line: a footnote marker or an exponent


@dataclass
class Piece:
    """Text of one formatting within a segment; spaces are already in place."""

    text: str
    bold: bool = False
    italic: bool = False
    sup: bool = False


@dataclass
class Segment:
    x0: float
    x1: float
    pieces: list[Piece]
    size: float

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)

    @property
    def bold(self) -> bool:
        return all(p.bold for p in self.pieces if p.text.strip() and not p.sup)


@dataclass
class Line:
    page: int
    top: float
    base: float
    segments: list[Segment]
    size: float
    glyphs: list[Glyph] = field(default_factory=list, repr=False)

    @property
    def x0(self) -> float:
        return self.segments[0].x0

    @property
    def x1(self) -> float:
        return self.segments[-1].x1

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments)

    @property
    def bold(self) -> bool:
        return all(s.bold for s in self.segments)

    @property
    def pieces(self) -> list[Piece]:
        out: list[Piece] = []
        for s in self.segments:
            if out:
                out.append(Piece(" "))
            out.extend(s.pieces)
        return out

    def start_of_text_after(self, n_chars: int) -> float:
        """x where the text starts after the first ``n_chars`` characters (a list marker and its space)."""
        seen = 0
        for g in self.glyphs:
            if g.text.isspace():
                continue
            seen += len(g.text)
            if seen > n_chars:
                return g.x0
        return self.x0


def glyphs_of(chars: list[dict[str, Any]], page_height: float) -> list[Glyph]:
    """pdfplumber chars -> glyphs; rotated text (stamps, margin notes) is left out."""
    out = []
    fonts: dict[str, tuple[bool, bool]] = {}
    for c in chars:
        text = c.get("text") or ""
        if not text or not c.get("upright", True):
            continue
        matrix = c.get("matrix")
        base = page_height - matrix[5] + c.get("mb_top", 0.0) if matrix else c["bottom"]
        if not (c["top"] - 2 <= base <= c["bottom"] + c["size"]):
            base = c["bottom"]
        font = c.get("fontname") or ""
        flags = fonts.get(font)
        if flags is None:
            flags = fonts[font] = (bool(_BOLD_RE.search(font)), bool(_ITALIC_RE.search(font)))
        if len(text) > 1 or ord(text) >= 0xFB00:
            text = text.translate(_LIGATURES)
        out.append(Glyph(text, c["x0"], c["x1"], c["top"], base, float(c.get("size") or 0.0), flags[0], flags[1]))
    return out


def _median_size(glyphs: list[Glyph]) -> float:
    sizes = [g.size for g in glyphs if g.text.strip() and g.size > 0]
    return statistics.median(sizes) if sizes else 10.0


def group_lines(glyphs: list[Glyph], page: int, segment_gap: float | None = SEGMENT_GAP) -> list[Line]:
    """Group glyphs into lines by baseline; raised small glyphs join the line they sit on.

    ``segment_gap=None`` keeps each line in one segment (inside a table cell a
    justified line may have wide gaps that are not columns).
    """
    visible = [g for g in glyphs if g.text.strip()]
    if not visible:
        return []
    visible.sort(key=lambda g: g.base)
    clusters: list[list[Glyph]] = []
    for g in visible:
        tol = max(1.5, 0.3 * (g.size or 10.0))
        if clusters:
            last = clusters[-1]
            ref = statistics.median(x.base for x in last[-8:])
            if g.base - ref <= tol:
                last.append(g)
                continue
        clusters.append([g])
    # a cluster of small glyphs inside the band of a neighbouring line is its superscript or subscript
    merged: list[list[Glyph]] = []
    sizes = [_median_size(c) for c in clusters]
    i = 0
    while i < len(clusters):
        c, size = clusters[i], sizes[i]
        target = None
        for j in (i + 1, i - 1):
            if 0 <= j < len(clusters) and size < 0.85 * sizes[j] and len(c) <= max(6, len(clusters[j]) // 3):
                other = clusters[j]
                band_top = min(x.top for x in other)
                band_base = statistics.median(x.base for x in other)
                if all(band_top - 0.2 * sizes[j] <= x.base <= band_base + 0.35 * sizes[j] for x in c):
                    target = j
                    break
        if target is None:
            merged.append(c)
        elif target > i:
            clusters[target] = c + clusters[target]
        else:
            merged[-1] = merged[-1] + c
        i += 1
    # spaces (not sorted by baseline above) go to the line whose band holds them
    lines = []
    for c in merged:
        size = _median_size(c)
        base = statistics.median(x.base for x in c if x.size >= 0.85 * size) if c else 0.0
        for g in c:
            g.sup = g.size < 0.85 * size and g.base < base - 0.2 * size
        lines.append((c, size, base))
    spaces = [g for g in glyphs if not g.text.strip()]
    if spaces and lines:
        bases = [base for _c, _size, base in lines]
        order = sorted(range(len(lines)), key=lambda k: bases[k])
        sorted_bases = [bases[k] for k in order]
        for s in spaces:
            i = bisect.bisect_left(sorted_bases, s.base)
            best = None
            for j in (i - 1, i):
                if 0 <= j < len(order):
                    k = order[j]
                    d = abs(s.base - bases[k])
                    if d <= max(1.5, 0.35 * lines[k][1]) and (best is None or d < best[0]):
                        best = (d, k)
            if best is not None:
                lines[best[1]][0].append(s)
    out = []
    for c, size, base in lines:
        c.sort(key=lambda g: (g.x0, g.top))
        _marks_after_their_letter(c)
        segments = _segments(c, size, segment_gap)
        if segments:
            out.append(Line(page=page, top=min(g.top for g in c if g.text.strip()), base=base, segments=segments,
                            size=size, glyphs=c))
    out.sort(key=lambda ln: (ln.base, ln.x0))
    return out


def _marks_after_their_letter(glyphs: list[Glyph]) -> None:
    """A combining accent drawn a little left of its letter must still follow it, or NFC cannot join them."""
    for k in range(len(glyphs) - 1):
        g, nxt = glyphs[k], glyphs[k + 1]
        if g.text and all(unicodedata.combining(ch) for ch in g.text) and nxt.text.strip() \
                and not unicodedata.combining(nxt.text[0]) and nxt.x0 < g.x1:
            glyphs[k], glyphs[k + 1] = nxt, g


def _segments(glyphs: list[Glyph], size: float, segment_gap: float | None) -> list[Segment]:
    segs: list[Segment] = []
    pieces: list[Piece] = []
    seg_x0 = None
    last_x1 = None
    pending_space = False
    for g in glyphs:
        if g.text.isspace():
            pending_space = pieces != []
            continue
        combining = all(unicodedata.combining(ch) for ch in g.text)
        if last_x1 is not None and not combining:
            gap = g.x0 - last_x1
            if segment_gap is not None and gap > segment_gap * size:
                segs.append(Segment(seg_x0 or 0.0, last_x1, _merge(pieces), size))
                pieces, seg_x0, pending_space = [], None, False
            elif gap > SPACE_GAP * size or pending_space:
                pieces.append(Piece(" "))
        pending_space = False
        if seg_x0 is None:
            seg_x0 = g.x0
        pieces.append(Piece(g.text, g.bold, g.italic, g.sup))
        last_x1 = max(last_x1 or g.x1, g.x1) if combining else g.x1
    if pieces:
        segs.append(Segment(seg_x0 or 0.0, last_x1 or 0.0, _merge(pieces), size))
    return [s for s in segs if s.text.strip()]


def _merge(pieces: list[Piece]) -> list[Piece]:
    """Join neighbouring pieces of the same formatting; a space takes the formatting around it."""
    out: list[Piece] = []
    for p in pieces:
        if out and p.text == " " and not out[-1].sup:
            out[-1] = Piece(out[-1].text + " ", out[-1].bold, out[-1].italic, False)
            continue
        if out and (out[-1].bold, out[-1].italic, out[-1].sup) == (p.bold, p.italic, p.sup):
            out[-1] = Piece(out[-1].text + p.text, p.bold, p.italic, p.sup)
        else:
            out.append(Piece(p.text, p.bold, p.italic, p.sup))
    while out and not out[-1].text.strip():
        out.pop()
    if out:
        out[-1] = Piece(out[-1].text.rstrip(), out[-1].bold, out[-1].italic, out[-1].sup)
    return out


def sub_line(line: Line, glyphs: list[Glyph]) -> Line | None:
    """A line made of some of ``line``'s glyphs (one column of a side-by-side block)."""
    if not any(g.text.strip() for g in glyphs):
        return None
    segments = _segments(glyphs, line.size, None)
    if not segments:
        return None
    return Line(line.page, min(g.top for g in glyphs if g.text.strip()), line.base, segments, line.size, glyphs)


def split_line(line: Line, x: float) -> tuple[Line | None, Line | None]:
    """The parts of ``line`` left and right of ``x`` (glyphs by their centre)."""
    left = [g for g in line.glyphs if (g.x0 + g.x1) / 2 < x]
    right = [g for g in line.glyphs if (g.x0 + g.x1) / 2 >= x]
    return sub_line(line, left), sub_line(line, right)


def words(line: Line, gap: float = 0.3) -> list[tuple[float, float]]:
    """x-extents of the words of a line (glyphs closer than ``gap`` ems belong to one word)."""
    out: list[tuple[float, float]] = []
    for g in line.glyphs:
        if not g.text.strip():
            continue
        if out and g.x0 - out[-1][1] <= gap * line.size:
            out[-1] = (out[-1][0], max(out[-1][1], g.x1))
        else:
            out.append((g.x0, g.x1))
    return out
