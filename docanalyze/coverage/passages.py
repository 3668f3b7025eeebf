"""The report's passages: paragraphs, list items and table rows, each with its span and section role.

Evidence is quoted passage by passage, so a passage is what a reader would
highlight: one paragraph, one list item, or one table row (cells joined by tabs,
as in ``Document.text``). Each passage knows the headings it sits under and the
*role* of its section, because a report's "PHƯƠNG HƯỚNG, NHIỆM VỤ …" part
repeats the plan's words without being evidence of work done (see
``data/check_lexicon.toml``).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache

from ..items import Header, Section
from ..lexicon import load_toml
from ..model import Cell, Document
from .segment import skeleton

# intro: before the first heading (legal bases); body: results; assessment; forward: next period; proposal
ROLES = ("body", "intro", "assessment", "forward", "proposal")
_NOI_NHAN_RE = re.compile(r"^\W*Nơi\s+nhận\s*:", re.I)
_SENTENCE_END_RE = re.compile(r"[.;:!?]\s*$")
_TABLE_HEADER_WORDS = ("stt", "tt", "nội dung", "kết quả", "ghi chú", "đơn vị", "thời gian", "nhiệm vụ")


@dataclass
class Passage:
    """One unit of report text that can be quoted as evidence."""

    index: int
    start: int
    end: int
    kind: str  # paragraph | list_item | table_row | heading
    role: str = "body"
    headings: list[str] = field(default_factory=list)  # titles of the sections it sits in, outermost first
    heading_spans: list[tuple[int, int]] = field(default_factory=list)


@cache
def _cues() -> dict[str, list[str]]:
    data = load_toml("check_lexicon.toml")["sections"]
    return {k: [skeleton(x) for x in v] for k, v in data.items()}


@cache
def heading_role(title: str, top_level: bool, year: int | None = None) -> str | None:
    """What a section with this heading holds: forward, proposal, assessment — or None (results, unknown)."""
    t = skeleton(re.sub(r"^[\s\W\d]*(?:[IVXLC]+\s*[./)-]|\d+(?:\.\d+)*\s*[./)]|[a-zđ]\))?\s*", "", title))
    if not t:
        return None
    cues = _cues()
    if any(t.startswith(w) for w in cues["proposal"]):
        return "proposal"
    backward = any(w in t for w in cues["backward_words"])
    if not backward:
        if any(w in t for w in cues["forward_when"]):
            return "forward"
        if year and re.search(rf"\b{skeleton('năm')} (?:{skeleton('học')} )?{year + 1}\b", t):
            return "forward"
        if top_level and any(t.startswith(w) for w in cues["forward"]):
            return "forward"
    if any(t.startswith(w) for w in cues["assessment"]):
        return "assessment"
    return None


def _looks_like_heading(text: str, bold: bool) -> bool:
    """An unnumbered heading: short, no sentence end, all capitals or all bold."""
    s = text.strip()
    if not s or len(s) > 160 or "\n" in s:
        return False
    letters = [c for c in s if c.isalpha()]
    upper = bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8
    return (upper or bold) and not _SENTENCE_END_RE.search(s.rstrip("*"))


def report_passages(doc: Document, header: Header, sections: list[Section]) -> list[Passage]:
    """Every passage of the report's body, in text order, with headings and role."""
    text = doc.text
    body_start = header.body_start
    body_end = header.body_end if header.body_end is not None else doc.body_end
    # the body, and each annex after the signature: a PHỤ LỤC of results ("Kết quả vận động … năm 2023",
    # "Kèm theo Báo cáo số …") reports work as much as the body does; its title gives its role like a heading's
    regions = [(body_start, body_end)] + [(a.title_end, a.end) for a in header.annexes if a.start >= body_end]

    def inside_regions(pos: int) -> bool:
        return any(a <= pos < b for a, b in regions)

    # scopes: (start, end, title, level, title_span) from the section tree ...
    scopes: list[tuple[int, int, str, int, tuple[int, int]]] = []
    section_blocks = {s.block for s in sections if s.block is not None}
    for s in sections:
        title = s.title
        if len(title) < 4 and s.block is not None and s.block + 1 < len(doc.blocks):
            nxt = doc.blocks[s.block + 1]  # "PHẦN THỨ HAI" with its title on the next line
            title = f"{title} {text[nxt.start:nxt.end]}".strip()
        scopes.append((s.start, s.end, title, s.level, (s.start, s.heading_end)))
    # ... and from unnumbered headings (bold or capitals), which hold until the next such heading
    loose = [b for i, b in enumerate(doc.blocks)
             if i not in section_blocks and b.kind in ("heading", "paragraph") and inside_regions(b.start)
             and (b.kind == "heading" or _looks_like_heading(text[b.start:b.end], b.bold))]
    top_starts = sorted([s.start for s in sections if s.level == 1] + [b.start for b in loose])
    for b in loose:
        region_end = next((e for a, e in regions if a <= b.start < e), body_end)
        end = min(next((x for x in top_starts if x > b.start), region_end), region_end)
        scopes.append((b.start, end, text[b.start:b.end], 1, (b.start, b.end)))
    scopes.sort(key=lambda x: (x[0], x[3]))
    first_heading = min((x[0] for x in scopes), default=body_end)
    # a heading governs text below it; a numbered item with nothing under it is content ("1. Đã mở 04 lớp …")
    heading_starts = {x[0] for x in scopes if text[x[4][1]:x[1]].strip()}

    year = header.year
    out: list[Passage] = []
    scope_starts = [x[0] for x in scopes]  # sorted: only scopes that open before a block can hold it
    for b in doc.blocks:
        if b.kind == "footnote" or not inside_regions(b.start):
            continue
        inside = [x for x in scopes[:bisect_left(scope_starts, b.start)] if b.start < x[1]]
        inside.sort(key=lambda x: (x[3], x[0]))
        roles = [heading_role(x[2], x[3] == 1 or x is inside[0], year) for x in inside]
        if scopes and b.start < first_heading:
            role = "intro"
        elif "forward" in roles or "proposal" in roles:
            role = next(r for r in roles if r in ("forward", "proposal"))
        elif "assessment" in roles:
            role = "assessment"
        else:
            role = "body"
        heads = [x[2] for x in inside]
        hspans = [x[4] for x in inside]
        if b.kind == "table" and b.table is not None and b.table < len(doc.tables):
            rows = doc.tables[b.table].rows
            first = [c for c in rows[0] if c.text.strip()] if rows else []
            result_cols = _result_columns(rows[0]) if first and _is_header_row([c.text for c in first]) else set()
            for ri, row in enumerate(rows):
                cells = [c for c in row if c.text.strip()]
                if not cells:
                    continue
                if ri == 0 and _is_header_row([c.text for c in cells]):
                    continue
                if result_cols and not any(c.col in result_cols for c in cells):
                    continue  # the report's own table says nothing was done or found on this row
                out.append(Passage(len(out), min(c.start for c in cells), max(c.end for c in cells), "table_row",
                                   role, heads, hspans))
            continue
        btext = text[b.start:b.end]
        if not btext.strip() or any(skeleton(btext[:40]).startswith(c) for c in _cues()["closing"]):
            continue
        if _NOI_NHAN_RE.match(btext):
            # the distribution list and the signature close the report's body; an annex may follow
            regions = [r for r in regions if r[0] > b.start]
            continue
        kind = "heading" if b.start in heading_starts and _short(btext) else b.kind
        if kind == "heading" and _looks_like_heading(btext, b.bold) and len(btext) < 60:
            continue  # "II. KẾT QUẢ THỰC HIỆN": context for what follows, not evidence itself
        out.append(Passage(len(out), b.start, b.end, kind, role, heads, hspans))
    return out


def _result_columns(header: list[Cell]) -> set[int]:
    """Columns of a report table whose title says they hold results ("Kết quả", "Tình trạng")."""
    words = _cues()["result_columns"]
    return {c.col for c in header if any(skeleton(c.text.strip()).startswith(w) for w in words)}


def _short(s: str) -> bool:
    return len(s) < 220


def _is_header_row(cells: list[str]) -> bool:
    """A table's column titles: short cells, no digits in the first, known column words."""
    folded = [skeleton(c) for c in cells]
    if any(ch.isdigit() for ch in folded[0]) or not all(len(c) < 60 for c in folded):
        return False
    return (not any(ch.isdigit() for c in folded for ch in c)
            or any(c.startswith(skeleton(w)) for c in folded for w in _TABLE_HEADER_WORDS))
