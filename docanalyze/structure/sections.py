"""The section tree: Phần/Chương/Mục/Điều, I./II., 1./2., 1.1., a)/b), -/+.

Vietnamese administrative documents number their parts by convention rather
than by declared levels, and exports lose Word's heading levels, so the tree is
built from the markers alone: a marker style seen before closes everything
opened since (a sibling); a new style opens a child, unless its conventional
rank is above the current one (a "II." after a "-" closes the "-").
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from ..items import Annex, Header, Section
from ..model import Block, Document

_STYLE_RES: list[tuple[str, re.Pattern[str]]] = [
    ("part", re.compile(r"^(?:PHẦN|Phần)\s+(?:THỨ\s+|thứ\s+)?([IVXLC]+|\d+|[A-ZÀ-Ỹ]+)\b\.?")),
    ("chapter", re.compile(r"^(?:CHƯƠNG|Chương)\s+([IVXLC]+|\d+)\b\.?")),
    ("mucsection", re.compile(r"^(?:MỤC|Mục)\s+(\d+)\b\.?")),
    ("article", re.compile(r"^(?:Điều|ĐIỀU)\s+(\d+[a-z]?)\s*[.:]")),
    ("roman", re.compile(r"^([IVXLC]{1,6})\s*[./)-](?=\s)")),
    ("arabic3", re.compile(r"^(\d{1,2}\.\d{1,2}\.\d{1,2})\.?(?=\s)")),
    ("arabic2", re.compile(r"^(\d{1,2}\.\d{1,2})\.?(?=\s)")),
    ("arabic", re.compile(r"^(\d{1,3})\s*[.)/](?=\s)")),
    ("alpha", re.compile(r"^([a-zđ])\s*[).](?=\s)")),
    ("dash", re.compile(r"^([-–])(?=\s)")),
    ("plus", re.compile(r"^(\+)(?=\s)")),
    ("bullet", re.compile(r"^([•●▪■◦∙·*])(?=\s)")),
]
_UPALPHA_RE = re.compile(r"^([A-H])\.(?=\s+[A-ZĐÀ-Ỹ])")
RANK: dict[str, float] = {name: i + 2 for i, (name, _) in enumerate(_STYLE_RES)}
RANK["annex"] = 0  # a document issued with the main one opens a tree of its own
RANK["heading"] = RANK["roman"]
RANK["upalpha"] = RANK["roman"] - 0.5  # A. KẾT QUẢ … above I. II.
# "1.1." sits under "1." (the regexes try arabic3/arabic2 first, but they rank below arabic)
RANK["arabic2"], RANK["arabic3"] = RANK["arabic"] + 0.5, RANK["arabic"] + 0.75


def marker_of(text: str, last_upalpha: str | None = None) -> tuple[str, str] | None:
    """(style, marker) of a paragraph's leading marker, or None.

    "A." "B." "C." head the largest parts of many reports (A. KẾT QUẢ, B. PHƯƠNG HƯỚNG); "C." "D."
    "I." "V." "X." could also be Roman numerals, so a letter counts as such a part only when it is
    "A." or follows the previous part's letter.
    """
    s = text.lstrip()
    m = _UPALPHA_RE.match(s)
    if m:
        letter = m.group(1)
        expected = chr(ord(last_upalpha) + 1) if last_upalpha else "A"
        if letter == expected or (letter == "A" and last_upalpha is None):
            return "upalpha", m.group(0).strip()
    for style, rx in _STYLE_RES:
        m = rx.match(s)
        if m:
            if style == "alpha" and m.group(0).endswith(".") and not re.match(r"^[a-zđ]\.\s+[A-ZĐÀ-Ỹ]", s):
                continue
            return style, m.group(0).strip()
    return None


def body_blocks(doc: Document, header: Header) -> list[tuple[int, Block]]:
    """(index, block) of the blocks between the title and the closing, without footnotes."""
    end = header.body_end if header.body_end is not None else doc.body_end
    return [(i, b) for i, b in enumerate(doc.blocks)
            if b.kind != "footnote" and b.start >= header.body_start and b.start < end]


def _regions(doc: Document, header: Header) -> list[tuple[list[tuple[int, Block]], Annex | None]]:
    """The main body, then each annex's body: each is numbered on its own."""
    out: list[tuple[list[tuple[int, Block]], Annex | None]] = [(body_blocks(doc, header), None)]
    for a in header.annexes:
        out.append(([(i, b) for i, b in enumerate(doc.blocks)
                     if b.kind != "footnote" and a.title_end <= b.start < a.end], a))
    return out


def parse_sections(doc: Document, header: Header) -> list[Section]:
    text = doc.text
    sections: list[Section] = []
    for blocks, annex in _regions(doc, header):
        if not blocks and annex is None:
            continue
        region_end = blocks[-1][1].end if blocks else (annex.end if annex else 0)
        stack: list[int] = []
        if annex is not None:
            title = " ".join(x for x in ((annex.kind_name or "").upper(), annex.title or "") if x)
            sections.append(Section(marker=None, style="annex", level=1, title=title, start=annex.start,
                                    heading_end=annex.title_end, end=max(region_end, annex.title_end)))
            stack.append(len(sections) - 1)
        last_upalpha: str | None = None
        rank = dict(RANK)
        for bi, block in blocks:
            if block.kind == "table":
                continue
            btext = text[block.start : block.end]
            found = marker_of(btext, last_upalpha)
            if found is None:
                if block.kind == "heading" and block.level and len(btext) < 200:
                    found = ("heading", "")
                else:
                    continue
            style, marker = found
            if style == "upalpha":
                if last_upalpha is None and any(sections[k].style == "roman" for k in stack):
                    # "II. NHIỆM VỤ" / "A. Công tác giảm nghèo" / "1. …": lettered parts inside a Roman section
                    rank["upalpha"] = RANK["roman"] + 0.5
                last_upalpha = marker[0]
            styles = [sections[k].style for k in stack]
            if style in styles:
                while stack and sections[stack[-1]].style != style:
                    stack.pop()
                stack.pop()
            else:
                while stack and rank[sections[stack[-1]].style] > rank[style]:
                    stack.pop()
            parent = stack[-1] if stack else None
            title = btext[len(btext) - len(btext.lstrip()) + len(marker):].strip() if marker else btext.strip()
            sec = Section(marker=marker or None, style=style, level=len(stack) + 1, title=title,
                          start=block.start, heading_end=block.end, end=region_end, parent=parent, block=bi)
            idx = len(sections)
            sections.append(sec)
            if parent is not None:
                sections[parent].children.append(idx)
            stack.append(idx)
    # a section ends where the next section at its level or above begins (one pass with a stack)
    open_: list[int] = []
    for k, sec in enumerate(sections):
        while open_ and (sections[open_[-1]].level >= sec.level or sec.style == "annex"):
            j = open_.pop()
            sections[j].end = min(sections[j].end, sec.start) if sections[j].end > sec.start else sections[j].end
        open_.append(k)
    return sections


def enclosing(sections: list[Section], offset: int) -> list[int]:
    """Indices of the sections containing ``offset``, outermost first."""
    return [k for k, s in enumerate(sections) if s.start <= offset < s.end]


def ancestors(sections: list[Section], index: int) -> Iterable[int]:
    """The parents of section ``index``, nearest first."""
    p = sections[index].parent
    while p is not None:
        yield p
        p = sections[p].parent
