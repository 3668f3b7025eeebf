"""Which parts of a document assign work, and which only state purposes or report the past.

Tasks are the items of the sections that assign work (NỘI DUNG, NHIỆM VỤ, TỔ CHỨC
THỰC HIỆN …), never of MỤC ĐÍCH / YÊU CẦU; in a report, only of the forward-looking
part (NHIỆM VỤ 6 THÁNG CUỐI NĂM, PHƯƠNG HƯỚNG …) — its results sections name tasks
too, but as work done. The outermost heading that says what a part is decides for
everything under it, so "1. Kết quả …" inside "II. NHIỆM VỤ" of a plan stays work.
The heading words are data (``data/task_sections.toml``).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache

from ..items import Header, Section, Timeframe
from ..lexicon import alternation as _alt
from ..lexicon import load_toml
from ..model import Document
from .timeframes import YearContext, combine, find_timeframes

# Documents whose business is assigning work; in others (decisions, letters, legal texts) only a
# plan-like part with top-level work headings (a plan issued as an annex) holds tasks.
WORK_KINDS = {"plan", "report", "directive"}
HEADING_STYLES = {"part", "chapter", "mucsection", "upalpha", "roman", "arabic", "arabic2", "arabic3", "alpha", "heading"}
TOP_STYLES = {"part", "chapter", "mucsection", "upalpha", "roman", "heading"}



_LISTED_RE = re.compile(r"\s*(?:,|;|\bvà\b|\s-\s)\s*", re.I)


@dataclass(frozen=True)
class _Words:
    work: re.Pattern[str]
    report_work: re.Pattern[str]
    purpose: re.Pattern[str]
    past: re.Pattern[str]
    past_words: re.Pattern[str]
    no_paragraph_tasks: re.Pattern[str]


@cache
def _words() -> _Words:
    data = load_toml("task_sections.toml")
    skip = rf"(?:(?:{_alt(data['skip_words'])})\s+)*"

    def opener(key: str) -> re.Pattern[str]:
        return re.compile(rf"^\W*{skip}(?:{_alt(data[key])})(?!\w)", re.I)

    return _Words(opener("work"), opener("report_work"), opener("purpose"), opener("past"),
                  re.compile(rf"(?<!\w)(?:{_alt(data['past_words'])})(?!\w)", re.I), opener("no_paragraph_tasks"))


def heading_like(sec: Section) -> bool:
    """A section whose title is a heading (not a list item that happens to be numbered)."""
    return sec.style in HEADING_STYLES and len(sec.title.split()) <= 30


def own_role(sec: Section, kind: str, title: str | None = None) -> str | None:
    """What a heading says its section is: work, purpose, past, or nothing."""
    if not heading_like(sec):  # an annex's own title ("KẾ HOẠCH …") is not a heading of its body
        return None
    w = _words()
    title = (title if title is not None else sec.title).strip()
    if w.purpose.match(title):
        # "CHỈ TIÊU, NHIỆM VỤ", "MỤC TIÊU VÀ NHIỆM VỤ": a heading that lists work after its targets holds
        # both; its parts say which is which ("A. CHỈ TIÊU" stays targets, "B. NHIỆM VỤ TRỌNG TÂM" is work)
        if kind != "report" and any(w.work.match(part) for part in _LISTED_RE.split(title)[1:]):
            return "work"
        return "purpose"
    if w.past.match(title):
        return "past"
    if kind == "report":
        if w.report_work.match(title) and not w.past_words.search(title):
            return "work"
        return None
    if w.work.match(title) and (kind in WORK_KINDS or sec.style in TOP_STYLES):
        return "work"
    return None


def paragraphs_are_tasks(title: str) -> bool:
    """Whether plain (unnumbered) paragraphs of a work section with this heading are tasks of their own: not
    under TỔ CHỨC THỰC HIỆN (``no_paragraph_tasks`` in task_sections.toml)."""
    return not _words().no_paragraph_tasks.match(title.strip())


@dataclass
class Regions:
    """The role of every section and the rules for where tasks and deadlines may be found."""

    kind: str
    sections: list[Section]
    own: list[str | None] = field(default_factory=list)
    role: list[str | None] = field(default_factory=list)  # effective: the outermost ancestor with a role
    has_work: bool = False
    body_end: int | None = None  # where the closing (Nơi nhận, signature) begins
    titles: list[tuple[str, int]] = field(default_factory=list)  # each section's title and where it starts
    periods: dict[int, Timeframe | None] = field(default_factory=dict)  # heading periods, computed on demand
    _starts: list[int] | None = field(default=None, repr=False)
    _areas: list[int] | None = field(default=None, repr=False)
    header: Header | None = field(default=None, repr=False)

    def deepest_at(self, offset: int) -> int | None:
        """Index of the deepest section containing ``offset``.

        Sections are in text order and nest, so the answer is the last section
        that starts at or before ``offset``, or one of its ancestors: a binary
        search and a short climb instead of a scan of every section.
        """
        if self._starts is None:
            self._starts = [s.start for s in self.sections]
        k = bisect.bisect_right(self._starts, offset) - 1
        while k is not None and k >= 0:
            s = self.sections[k]
            if s.start <= offset < s.end:
                return k
            k = s.parent
        return None

    def containing(self, offset: int) -> list[int]:
        """Indices of every section containing ``offset``, outermost first."""
        out = []
        k = self.deepest_at(offset)
        while k is not None:
            out.append(k)
            k = self.sections[k].parent
        return out[::-1]

    def role_at(self, offset: int) -> str | None:
        """The effective role at a text offset (the deepest section containing it)."""
        best = self.deepest_at(offset)
        return None if best is None else self.role[best]

    def kind_at(self, offset: int) -> str:
        """The kind of the (possibly annexed) document at ``offset``: a decision's annex plan is a plan."""
        return self.header.kind_at(offset) if self.header is not None else self.kind

    def in_closing(self, offset: int) -> bool:
        if self.header is not None and self.header.annex_at(offset) is not None:
            return not self.header.in_body(offset)
        return self.body_end is not None and offset >= self.body_end

    def tasks_allowed(self, offset: int) -> bool:
        if self.in_closing(offset):
            return False
        role = self.role_at(offset)
        if role == "work":
            return True
        if role in ("purpose", "past") or self.kind_at(offset) not in WORK_KINDS - {"report"}:
            return False
        return not self.has_work or self.in_area(offset)

    def area_sections(self) -> list[int]:
        """Top-level headings of a plan that name an area of work instead of saying "NHIỆM VỤ"
        ("II. CÔNG TÁC TUYÊN TRUYỀN, GIÁO DỤC", "III. TỔ CHỨC CÁC PHONG TRÀO THI ĐUA") beside a work
        section ("VI. TỔ CHỨC THỰC HIỆN"): their items are tasks as much as the work section's."""
        if self._areas is None:
            self._areas = [k for k, s in enumerate(self.sections)
                           if s.parent is None and self.own[k] is None and s.style in TOP_STYLES and heading_like(s)
                           and self.kind_at(s.start) in WORK_KINDS - {"report"} and not self.in_closing(s.start)]
        return self._areas

    def in_area(self, offset: int) -> bool:
        chain = self.containing(offset)
        return bool(chain) and chain[0] in self.area_sections()

    def tables_allowed(self, offset: int) -> bool:
        """Task tables: anywhere but purposes and the past (a plan's annex of tasks has no heading)."""
        role = self.role_at(offset)
        if self.kind_at(offset) not in WORK_KINDS - {"report"}:
            return role == "work"
        return role not in ("purpose", "past")

    def intervals_allowed(self, offset: int) -> bool:
        """Whether a period in running text ("trong Quý III", "từ ngày … đến ngày …") may bind work here.

        Outside plans and work sections (a letter reporting what happened "trong giai đoạn từ ngày …
        đến ngày …", a decree) only cut-offs ("trước ngày …") and labels ("Thời gian: …") do.
        """
        return self.kind_at(offset) in WORK_KINDS or self.role_at(offset) == "work"

    def deadlines_allowed(self, offset: int) -> bool:
        if self.in_closing(offset):
            return False
        role = self.role_at(offset)
        if self.kind_at(offset) == "report":
            return role == "work"
        return role not in ("purpose", "past")


def section_roles(doc: Document, header: Header, sections: list[Section]) -> Regions:
    reg = Regions(kind=header.kind, sections=sections, header=header)
    reg.titles = [full_title(doc, s) for s in sections]
    reg.own = [own_role(s, header.kind_at(s.start), reg.titles[k][0]) for k, s in enumerate(sections)]
    for k, s in enumerate(sections):
        chain = [k]
        p = s.parent
        while p is not None:
            chain.append(p)
            p = sections[p].parent
        role = None
        for j in reversed(chain):  # outermost first
            if reg.own[j] is not None:
                role = reg.own[j]
                break
        if role == "work" and any(reg.own[j] == "purpose" for j in chain):
            role = "purpose"  # MỤC TIÊU inside PHƯƠNG HƯỚNG, NHIỆM VỤ: targets, not work
        reg.role.append(role)
    reg.has_work = any(r == "work" for r in reg.own)
    reg.body_end = closing_start(doc, header)
    return reg


_NOI_NHAN_RE = re.compile(r"^\W*Nơi\s+nhận\s*:", re.I)


def closing_start(doc: Document, header: Header) -> int | None:
    """Where the body ends: the header's ``body_end``, or else the "Nơi nhận:" block."""
    if header.body_end is not None:
        return header.body_end
    for b in doc.blocks:
        if b.start >= header.body_start and b.kind != "footnote" and _NOI_NHAN_RE.match(doc.text[b.start:b.end]):
            return b.start
    return None


def group_title(title: str, max_words: int = 15) -> bool:
    """A title that heads a group rather than states work: short and not a sentence, or ending in ':'.

    Over items of its own a title may run longer ("b) Phong trào “Tuổi trẻ sáng tạo” và “Đồng hành
    với thanh niên lập thân, lập nghiệp”" heads the bullets that state the work): pass ``max_words``.
    """
    t = title.strip()
    if t.endswith(":"):
        return True
    return len(t.split()) <= max_words and not t.endswith((".", ";", "./.")) and "\n" not in t


def full_title(doc: Document, sec: Section) -> tuple[str, int]:
    """A heading's title and its offset; "PHẦN THỨ HAI" / "Chương III" alone on a line takes the next line
    ("PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025") as its title."""
    title = sec.title
    base = doc.text.find(title, sec.start, sec.heading_end) if title else -1
    if len(title.strip()) < 3 and sec.style in ("part", "chapter", "mucsection"):
        nxt = next((b for b in doc.blocks if b.start >= sec.heading_end and b.kind != "footnote"), None)
        if nxt is not None and nxt.start < sec.end:
            line = doc.text[nxt.start:nxt.end]
            if len(line.split()) <= 25 and "\n" not in line.strip():
                return line, nxt.start
    return title, base if base >= 0 else sec.start


def heading_period(doc: Document, ctx: YearContext, sec: Section,
                   title: tuple[str, int] | None = None) -> Timeframe | None:
    """The period a heading names ("NHIỆM VỤ 6 THÁNG CUỐI NĂM 2023", "Quý III/2024"), if any."""
    text, base = title if title is not None else full_title(doc, sec)
    if not heading_like(sec) or not group_title(text):
        return None
    found = [f for f in find_timeframes(text, ctx, base=base)
             if f.timeframe.kind == "interval" and f.timeframe.date_end is not None]
    if not found:
        return None
    return combine(found, ", ".join(f.timeframe.text for f in found), found[0].timeframe.start,
                   found[-1].timeframe.end)


def context_at(doc: Document, ctx: YearContext, regions: Regions, offset: int) -> YearContext:
    """The year a date without one belongs to at ``offset``: the year of the innermost work heading that
    names a period within one year ("PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025" in a report on 2024), else the
    document's."""
    year = None
    for k in regions.containing(offset):
        s = regions.sections[k]
        if regions.role[k] == "work":
            if k not in regions.periods:
                regions.periods[k] = heading_period(doc, ctx, s, regions.titles[k])
            p = regions.periods[k]
            if p is not None and p.date_start and p.date_end and p.date_start.year == p.date_end.year:
                year = p.date_end.year
    if year is None or year == ctx.year or ctx.school:
        return ctx
    return YearContext(year, ctx.school)
