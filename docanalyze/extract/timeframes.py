"""Time expressions of Vietnamese administrative writing, normalized to date intervals.

Plans state when work is due in a handful of conventional forms: quarters
("Quý I/2025", "Quý I-Quý III/2025", "Quý II, III/2024"), months ("Tháng 6/2024",
"tháng 6-8"), halves of the year ("6 tháng cuối năm"), the year ("Cả năm 2025"),
the school year ("năm học 2023-2024", "học kỳ I"), cut-off dates ("trước ngày 10/6",
"trước ngày 01 tháng 5", "chậm nhất ngày …"), ranges ("từ ngày … đến ngày …") and
recurrences ("hằng quý", "định kỳ 6 tháng", "thường xuyên"). A year left out is the
year the document is about — for a school-year document, the half of the school
year the month falls in.

:func:`find_timeframes` finds every expression in running text, each flagged as
*anchored* when the words around it make it a time bound on work ("trước ngày",
"trong Quý II", "Thời gian: …") rather than a name ("kết quả 6 tháng đầu năm",
"giai đoạn 2021-2025", "năm học 2023-2024" naming a school year).
:func:`parse_timeframe` reads a whole timeframe cell ("Quý I-Quý II/2025",
"Thực hiện theo lịch của thành phố") into one :class:`~docanalyze.items.Timeframe`.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from ..items import Header, Timeframe
from ..lexicon import load_toml

_D = r"(?:0?[1-9]|[12]\d|3[01])"
_M = r"(?:0?[1-9]|1[0-2])"
# a year; PDF cells that wrap inside a number leave a space in it ("20 22"), which is read through
_Y = r"(?:19|20)(?:\d{2}|\d\x20\d(?!\d)|\x20\d{2}(?!\d))"
_ROMAN_Q = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_Q = r"(?:IV|III|II|I|[1-4])(?!\w)"
_SEP_LIST = r"\s*(?:-|đến|tới|,|và|&)\s*"
_HANG = r"(?:hằng|hàng|mỗi)"
_I = re.I


def _date(p: str) -> str:
    """A day-month(-year) date: 10/6, 15/11/2024, 01 tháng 5 năm 2023 (groups p_d, p_m, p_y)."""
    return (rf"(?:(?<![\d/.,])(?P<{p}_d>{_D})\s?/\s?(?P<{p}_m>{_M})(?:\s?/\s?(?P<{p}_y>{_Y}))?(?![\d/])"
            rf"|(?<![\d/.,])(?P<{p}_d2>{_D})[.-](?P<{p}_m2>{_M})[.-](?P<{p}_y2>{_Y})(?!\d)"
            rf"|(?<!\d)(?P<{p}_d3>{_D})\s+tháng\s+(?P<{p}_m3>{_M})(?:\s*(?:,\s*)?(?:năm|/)\s*(?P<{p}_y3>{_Y}))?(?!\d))")


# "đến ngày 30/6/2024" after a target binds it ("giải ngân 60% kế hoạch vốn đến ngày 30/6/2024"), but
# "tính đến ngày …" and "lũy kế đến ngày …" say as of when figures are counted
_TRIGGER = (r"(?:trước|chậm\s+nhất|muộn\s+nhất|hạn\s+chót|hạn\s+cuối|thời\s+hạn\s+cuối|"
            r"không\s+quá|không\s+muộn\s+hơn|đến\s+hết|(?<!tính\s)(?<!kế\s)đến(?=\s+ngày\s|\s+\d{1,2}/\d{1,2}/\d{4}))")
# "trước 17 giờ 00 ngày 15/3", "chậm nhất là ngày …", "đến hết ngày …"
_CLOCK = r"(?:\s+\d{1,2}\s*(?:h|giờ)(?:\s*\d{1,2}(?:\s*(?:phút|p))?)?\s*,?)?"
_TRIGGER_TAIL = rf"(?:\s+(?:là|vào|trong|đến))?{_CLOCK}(?:\s+(?:ngày|hết\s+ngày))?"

RANGE_DATE_RE = re.compile(
    rf"(?P<tu>\b[Tt]ừ\s+(?:ngày\s+)?)?{_date('a')}\s*(?:-|đến|tới)\s*(?:hết\s+)?(?:ngày\s+)?{_date('b')}", _I)
# two days of one month: "Ngày 16 - 17/02/2024", "từ ngày 16 đến 18/3"
DAY_RANGE_RE = re.compile(
    rf"(?P<tu>\b[Tt]ừ\s+)?(?:\b[Nn]gày\s+)?(?<![\d/.,])(?P<d1>{_D})\s*(?:-|–|đến|tới)\s*(?:ngày\s+)?"
    rf"(?P<d2>{_D})\s?/\s?(?P<m>{_M})(?:\s?/\s?(?P<y>{_Y}))?(?![\d/])", _I)
BEFORE_DATE_RE = re.compile(
    rf"\b(?P<trig>{_TRIGGER}){_TRIGGER_TAIL}\s*{_date('a')}"
    rf"(?P<rec>\s+{_HANG}\s+(?P<every>năm|tháng|quý))?", _I)
# "đến cuối năm 2024 có 08/08 ấp …", "chậm nhất cuối năm": the year's last day is the cut-off
YEAR_END_RE = re.compile(
    rf"\b(?:(?<!tính\s)đến|trước|chậm\s+nhất(?:\s+là)?|muộn\s+nhất)\s+(?:hết\s+)?cuối\s+năm(?:\s+(?P<y>{_Y}))?(?!\s*(?:học|-|\d))",
    _I)
BEFORE_DAY_RE = re.compile(
    rf"\b(?P<trig>{_TRIGGER}){_TRIGGER_TAIL}\s*(?P<d>{_D})\s+(?:(?:của\s+)?(?:{_HANG}\s+)?(?P<every>tháng)"
    rf"(?:\s+cuối\s+(?:{_HANG}\s+)?(?P<q>quý))?)(?!\s*/?\s*\d)", _I)
QUARTER_RE = re.compile(
    rf"\b(?P<tu>[Tt]ừ\s+)?[Qq]u[ýy]\s+(?P<list>{_Q}(?:{_SEP_LIST}(?:[Qq]u[ýy]\s+)?{_Q})*)"
    rf"(?:\s*(?:/|năm|,\s*năm)\s*(?P<y>{_Y}))?", _I)
MONTH_RE = re.compile(
    rf"\b(?P<tu>[Tt]ừ\s+)?[Tt]háng\s+(?P<list>{_M}(?:{_SEP_LIST}(?:[Tt]háng\s+)?{_M}(?!\d))*)"
    rf"(?:\s*(?:/|năm|,\s*năm)\s*(?P<y>{_Y})"
    # a span into the next year writes the second month without "tháng": "Tháng 10/2024 - 4/2025"
    rf"(?:\s*(?:[-–]|đến|tới)\s*(?:hết\s+)?(?P<m2>{_M})\s*/\s*(?P<y2>{_Y}))?)?(?![\d])", _I)
HALF_RE = re.compile(
    rf"\b(?P<n>0?[1-9]|1[01]|sáu|ba|chín)\s+tháng\s+(?P<which>đầu|cuối)\s+năm(?:\s+(?P<y>{_Y})(?!\s*-))?",
    _I)
SCHOOL_YEAR_RE = re.compile(
    rf"\b(?:[Hh]ọc\s+kỳ\s+(?P<hkn>II|I|1|2)\b\s*,?\s*(?:của\s+)?)?"
    rf"[Nn]ăm\s+học\s+(?P<y1>{_Y})\s*-\s*(?P<y2>{_Y})"
    # "Năm học 2023 - 2024 và 2024 - 2025": one span from the first September to the last May
    rf"(?:\s*(?:,|và|đến|tới)\s*(?:(?:năm\s+học|NH)\s+)?(?P<y3>{_Y})\s*-\s*(?P<y4>{_Y}))?", _I)
TERM_RE = re.compile(r"\b[Hh]ọc\s+kỳ\s+(?P<hkn>II|I|1|2)\b", _I)
YEAR_RE = re.compile(
    rf"\b(?P<pre>(?:cả|trong|suốt|hết)\s+)?(?:năm|giai\s+đoạn)\s+(?P<y>{_Y})(?:\s*-\s*(?P<y2>{_Y}))?(?!\s*-?\s*\d)",
    _I)
# "cả năm" that names the year's report and is followed by that report's own cut-off ("báo cáo 6 tháng trước
# ngày 10/6 và cả năm trước ngày 10/11") is the report's period, not the task's time
WHOLE_YEAR_RE = re.compile(r"\b(?:cả|suốt|trong)\s+năm\b(?!\s+(?:học|\d|trước\s+ngày|chậm\s+nhất))", _I)
BARE_DATE_RE = re.compile(rf"(?:\b[Nn]gày\s+)?{_date('a')}", _I)
BARE_YEAR_RE = re.compile(rf"^\s*(?P<y>{_Y})(?:\s*-\s*(?P<y2>{_Y}))?\s*$")

RECURRING: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?:định\s+kỳ\s+)?(?:0?6|sáu)\s+tháng\s*(?:(?:một|1)\s+lần|/\s*lần)\b|\bđịnh\s+kỳ\s+(?:0?6|sáu)\s+tháng\b"
                r"|\b(?:hằng|hàng|mỗi)\s+(?:06|6|sáu)\s+tháng\b|\bnửa\s+năm\s+(?:một|1)\s+lần\b", _I), "half-yearly"),
    (re.compile(rf"\b(?:định\s+kỳ\s+)?{_HANG}\s+quý\b|\bđịnh\s+kỳ\s+quý\b|\btheo\s+quý\b|\bquý\s*/\s*lần\b", _I),
     "quarterly"),
    (re.compile(rf"\b(?:định\s+kỳ\s+)?{_HANG}\s+tháng\b|\bđịnh\s+kỳ\s+tháng\b|\btheo\s+tháng\b|(?<!\d\s)\btháng\s*/\s*lần\b",
                _I), "monthly"),
    (re.compile(rf"\b(?:định\s+kỳ\s+)?{_HANG}\s+tuần\b|\bđịnh\s+kỳ\s+tuần\b", _I), "weekly"),
    (re.compile(rf"\b(?:định\s+kỳ\s+)?{_HANG}\s+ngày\b", _I), "daily"),
    (re.compile(rf"\b(?:định\s+kỳ\s+)?{_HANG}\s+năm\b|\bđịnh\s+kỳ\s+năm\b", _I), "yearly"),
]
ONGOING_RE = re.compile(r"\b(?:thường\s+xuyên|liên\s+tục|định\s+kỳ|suốt\s+năm\s+học|trong\s+suốt\s+quá\s+trình)\b",
                        _I)
UNRESOLVED_RE = re.compile(
    r"\b(?:theo\s+(?:lịch|kế\s+hoạch|chỉ\s+đạo|yêu\s+cầu|hướng\s+dẫn|tiến\s+độ|thông\s+báo|quy\s+định)|"
    r"khi\s+có\s+(?:yêu\s+cầu|chỉ\s+đạo|văn\s+bản)|sau\s+khi|kịp\s+thời|ngay\s+sau)\b", _I)

# Words just before an interval that make it a bound on work ("trong Quý II", "Thời gian: …").
_ANCHOR_BEFORE_RE = re.compile(
    r"(?:\b(?:trong|vào|hoàn\s+thành(?:\s+trong)?|xong(?:\s+trong)?|kết\s+thúc(?:\s+trong)?|"
    r"dự\s+kiến(?:\s+trong)?|tổ\s+chức\s+vào|bắt\s+đầu\s+từ|triển\s+khai\s+từ|"
    r"chậm\s+nhất(?:\s+trong)?|muộn\s+nhất(?:\s+trong)?)\s*"
    r"|\b(?:thời\s+gian|thời\s+hạn|tiến\s+độ|thời\s+điểm)[^:.;\n]{0,40}[:\-]\s*(?:trong\s+|vào\s+)?"
    # the period after a round's label: "(đợt 1: tháng 3 - tháng 4/2024; đợt 2: …)"
    r"|\b(?:đợt|lần|giai\s+đoạn)\s+(?:\d{1,2}|[IVX]{1,4})\s*:\s*)$", _I)
_ANCHOR_LABEL_AFTER_RE = re.compile(r"^\s*[:]")
# A range that says what a year means or what the figures count is the period itself, not work's bound: "Kế
# hoạch công tác năm 2023 (từ ngày 01/12/2022 đến ngày 30/11/2023)", "(số liệu tính từ ngày 01/10/2023 …)".
_YEAR_DEFINED_RE = re.compile(r"\bnăm(?:\s+công\s+tác)?(?:\s+(?:19|20)\d{2})?\s*\(\s*$", _I)
_FIGURES_FROM_RE = re.compile(r"\b(?:số\s+liệu|tính|kỳ\s+báo\s+cáo)[^;.()\n]{0,12}$", _I)


def _defines_period(before: str, a: dt.date, b: dt.date) -> bool:
    """Whether a range only says what the year of the plan is (a year-long range in parentheses after "năm
    2023") or over which days figures are counted — not when an event is held ("Tháng hành động … năm 2017
    (từ ngày 15/4 đến ngày 15/5/2017)")."""
    return bool(_FIGURES_FROM_RE.search(before)) or ((b - a).days >= 300 and bool(_YEAR_DEFINED_RE.search(before)))
_LIST_GAP_RE = re.compile(r"^\s*(?:,\s*(?:và\s+)?|và\s+|&\s*)$", _I)
# The time that closes a who/when statement: "Bộ phận Văn phòng chủ trì; Quý II/2024.", "Phòng X chủ trì, Sở Y
# phối hợp; 6 tháng cuối năm.", "Các Thẩm phán được phân công thực hiện; Tháng 02/2024 và Tháng 9/2024."
_AFTER_ASSIGNMENT_RE = re.compile(r"(?<!\w)(?:chủ\s+trì|phối\s+hợp|thực\s+hiện)\s*;\s*$", _I)


# every expression holds a digit or one of these words; text without any is skipped at once
_ANY_RE = re.compile(r"\d|hằng|hàng|mỗi|định\s+kỳ|thường\s+xuyên|liên\s+tục|suốt|năm|quý|tháng|học\s+kỳ|theo|khi|"
                     r"sau|kịp|ngay|sáu|chín|\bba\b", re.I)


@dataclass(frozen=True)
class YearContext:
    """Which year a date without one belongs to."""

    year: int | None
    school: tuple[int, int] | None = None  # (2024, 2025) for "năm học 2024-2025"

    def for_month(self, month: int) -> int | None:
        if self.school:
            return self.school[0] if month >= 8 else self.school[1]
        return self.year


_SCHOOL_TITLE_RE = re.compile(rf"năm\s+học\s+({_Y})\s*-\s*({_Y})", _I)


def context_for(header: Header) -> YearContext:
    """The year context of a document: its year, and its school year when the title names one."""
    school = None
    if header.title:
        m = _SCHOOL_TITLE_RE.search(header.title)
        if m and _yr(m.group(2)) == _yr(m.group(1)) + 1:
            school = (_yr(m.group(1)), _yr(m.group(2)))
    return YearContext(header.year, school)


@dataclass
class Found:
    """A time expression found in text, before it is judged a deadline or not."""

    timeframe: Timeframe
    anchored: bool  # the words around it bind work to it
    form: str = ""  # which kind of expression: range, before, quarter, month, half, school, term, year, date …


# ------------------------------------------------------------------ helpers
def _yr(text: str) -> int:
    return int(text.replace(" ", ""))


def tidy(text: str) -> str:
    """The expression as written, minus a space a PDF wrap left inside a year ("Quý IV/202 4")."""
    return re.sub(r"(?<!\d)((?:19|20)\d?) (\d{1,2})(?!\d)",
                  lambda m: m.group(1) + m.group(2) if len(m.group(1) + m.group(2)) == 4 else m.group(0), text)


def _safe_date(y: int | None, m: int, d: int) -> dt.date | None:
    if y is None:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _group(m: re.Match[str], p: str) -> tuple[int, int, int | None] | None:
    for suffix in ("", "2", "3"):
        d = m.group(f"{p}_d{suffix}")
        if d:
            y = m.group(f"{p}_y{suffix}")
            return int(d), int(m.group(f"{p}_m{suffix}")), _yr(y) if y else None
    return None


def _resolve(d: int, mo: int, y: int | None, ctx: YearContext) -> dt.date | None:
    return _safe_date(y if y is not None else ctx.for_month(mo), mo, d)


def _half_n(word: str) -> int:
    return {"sáu": 6, "ba": 3, "chín": 9}.get(word.lower(), int(word) if word.isdigit() else 6)


def _quarters(listing: str) -> list[int]:
    return [_ROMAN_Q[q.lower()] for q in re.findall(r"IV|III|II|I|[1-4]", listing, re.I)]


def _is_range(listing: str) -> bool:
    return bool(re.search(r"-|đến|tới", listing, re.I))


# ------------------------------------------------------------------ the scanner
def _claimed(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(s < b and a < e for a, b in spans)


def find_timeframes(text: str, ctx: YearContext, base: int = 0) -> list[Found]:
    """Every time expression in ``text`` (offsets shifted by ``base``), in text order, without overlaps."""
    if not _ANY_RE.search(text):
        return []
    found: list[tuple[int, int, Timeframe, bool]] = []
    spans: list[tuple[int, int]] = []
    forms: dict[int, str] = {}
    form = ""

    def add(s: int, e: int, tf: Timeframe, anchored: bool) -> None:
        if _claimed(spans, s, e):
            return
        spans.append((s, e))
        found.append((s, e, tf, anchored))
        forms[s] = form

    def tf(s: int, e: int, a: dt.date | None, b: dt.date | None, kind: str = "interval",
           rec: str | None = None) -> Timeframe:
        return Timeframe(text=tidy(text[s:e]), start=base + s, end=base + e, date_start=a, date_end=b, kind=kind,
                         recurrence=rec)

    form = "range"
    # 1. ranges of dates: "từ ngày 01/3 đến ngày 15/3/2024", "01/3 - 15/3/2024"
    for m in RANGE_DATE_RE.finditer(text):
        a, b = _group(m, "a"), _group(m, "b")
        if not a or not b:
            continue
        yb = b[2] if b[2] is not None else ctx.for_month(b[1])
        ya = a[2] if a[2] is not None else (yb if yb is not None and (a[1], a[0]) <= (b[1], b[0]) else
                                            (yb - 1 if yb is not None else None))
        da, db = _safe_date(ya, a[1], a[0]), _safe_date(yb, b[1], b[0])
        if da and db and da <= db:
            add(m.start(), m.end(), tf(m.start(), m.end(), da, db),
                bool(m.group("tu")) and not _defines_period(text[max(0, m.start() - 60) : m.start()], da, db))
    for m in DAY_RANGE_RE.finditer(text):
        d1, d2, mo = int(m.group("d1")), int(m.group("d2")), int(m.group("m"))
        y = _yr(m.group("y")) if m.group("y") else ctx.for_month(mo)
        da, db = _safe_date(y, mo, d1), _safe_date(y, mo, d2)
        if da and db and da < db:
            add(m.start(), m.end(), tf(m.start(), m.end(), da, db), bool(m.group("tu")))
    form = "before"
    # 2. cut-off dates: "trước ngày 10/6", "chậm nhất ngày 05/12/2024", "trước ngày 15/12 hằng năm"
    for m in BEFORE_DATE_RE.finditer(text):
        a = _group(m, "a")
        if not a:
            continue
        end = _resolve(a[0], a[1], a[2], ctx)
        if end is None and a[2] is None and ctx.year is None:
            add(m.start(), m.end(), tf(m.start(), m.end(), None, None, "before"), True)
            continue
        if end is None:
            continue
        every = (m.group("every") or "").lower()
        rec = {"năm": "yearly", "tháng": "monthly", "quý": "quarterly"}.get(every)
        add(m.start(), m.end(), tf(m.start(), m.end(), None, end, "recurring" if rec else "before", rec), True)
    form = "before"
    for m in YEAR_END_RE.finditer(text):
        y = _yr(m.group("y")) if m.group("y") else ctx.year
        if y is not None:
            add(m.start(), m.end(), tf(m.start(), m.end(), None, dt.date(y, 12, 31), "before"), True)
    # 3. "trước ngày 15 hằng tháng", "trước ngày 20 của tháng cuối quý"
    for m in BEFORE_DAY_RE.finditer(text):
        rec = "quarterly" if m.group("q") else "monthly"
        add(m.start(), m.end(), tf(m.start(), m.end(), None, None, "recurring", rec), True)
    form = "date"
    # 3b. plain dates (a date on its own is a bound only where a label or a cell says so)
    for m in BARE_DATE_RE.finditer(text):
        a = _group(m, "a")
        if not a:
            continue
        d = _resolve(a[0], a[1], a[2], ctx)
        if d:
            tu = re.search(r"\b[Tt]ừ\s+$", text[max(0, m.start() - 6) : m.start()])
            s0 = m.start() - (len(tu.group()) if tu else 0)
            add(s0, m.end(), tf(s0, m.end(), d, d), False)
    form = "quarter"
    # 4. quarters
    for m in QUARTER_RE.finditer(text):
        qs = _quarters(m.group("list"))
        if not qs:
            continue
        q1, q2 = min(qs), max(qs)
        y = _yr(m.group("y")) if m.group("y") else ctx.for_month(3 * q1)
        y2 = _yr(m.group("y")) if m.group("y") else ctx.for_month(3 * q2)
        if y is None or y2 is None:
            add(m.start(), m.end(), tf(m.start(), m.end(), None, None, "unresolved"), False)
            continue
        add(m.start(), m.end(), tf(m.start(), m.end(), dt.date(y, 3 * q1 - 2, 1), _month_end(y2, 3 * q2)),
            bool(m.group("tu")))
    form = "half"
    # 5. halves of the year
    for m in HALF_RE.finditer(text):
        n = _half_n(m.group("n"))
        y = _yr(m.group("y")) if m.group("y") else ctx.year
        if y is None:
            continue
        if m.group("which").lower() == "đầu":
            a, b = dt.date(y, 1, 1), _month_end(y, n)
        else:
            a, b = dt.date(y, 13 - n, 1), dt.date(y, 12, 31)
        add(m.start(), m.end(), tf(m.start(), m.end(), a, b), False)
    form = "school"
    # 6. school years and terms
    for m in SCHOOL_YEAR_RE.finditer(text):
        y1, y2 = _yr(m.group("y1")), _yr(m.group("y2"))
        if y2 != y1 + 1:
            continue
        a, b = _school_span(y1, m.group("hkn"))
        e = m.end()
        if m.group("y3") and _yr(m.group("y4")) == _yr(m.group("y3")) + 1 > y2 and not m.group("hkn"):
            b = _school_span(_yr(m.group("y3")), None)[1]
        elif m.group("y3"):
            e = m.end("y2")
        add(m.start(), e, tf(m.start(), e, a, b), False)
    form = "term"
    if ctx.school:
        for m in TERM_RE.finditer(text):
            a, b = _school_span(ctx.school[0], m.group("hkn"))
            add(m.start(), m.end(), tf(m.start(), m.end(), a, b), False)
    form = "month"
    # 7. months
    for m in MONTH_RE.finditer(text):
        months = [int(x) for x in re.findall(r"\d{1,2}", m.group("list"))]
        if not months or any(not 1 <= x <= 12 for x in months):
            continue
        m1, m2 = months[0], months[-1]
        end = m.end()
        if m.group("m2"):
            y_start, y_end, m3 = _yr(m.group("y")), _yr(m.group("y2")), int(m.group("m2"))
            if len(months) == 1 and (y_start, m1) < (y_end, m3) and y_end - y_start <= 1:
                add(m.start(), end, tf(m.start(), end, dt.date(y_start, m1, 1), _month_end(y_end, m3)),
                    bool(m.group("tu")))
                continue
            end = m.end("y")
        if m.group("y"):
            y_end = _yr(m.group("y"))
            y_start: int | None = y_end if m1 <= m2 else y_end - 1
        else:
            y_end, y_start = ctx.for_month(m2), ctx.for_month(m1)
            if y_end is not None and ctx.school is None and m1 > m2:
                y_start = y_end - 1
        if y_end is None or y_start is None:
            add(m.start(), end, tf(m.start(), end, None, None, "unresolved"), False)
            continue
        add(m.start(), end, tf(m.start(), end, dt.date(y_start, m1, 1), _month_end(y_end, m2)),
            bool(m.group("tu")))
    form = "year"
    # 8. years: "Cả năm 2025", "năm 2025", "giai đoạn 2021-2025"; "cả năm"
    for m in YEAR_RE.finditer(text):
        y = _yr(m.group("y"))
        y2 = _yr(m.group("y2")) if m.group("y2") else y
        if y2 < y or y2 - y > 20:
            continue
        pre = (m.group("pre") or "").strip().lower()
        add(m.start(), m.end(), tf(m.start(), m.end(), dt.date(y, 1, 1), dt.date(y2, 12, 31)),
            pre in ("cả", "trong", "suốt", "hết") and "giai" not in m.group(0).lower())
    if ctx.year is not None:
        for m in WHOLE_YEAR_RE.finditer(text):
            add(m.start(), m.end(), tf(m.start(), m.end(), dt.date(ctx.year, 1, 1), dt.date(ctx.year, 12, 31)),
                m.group(0).lower().startswith(("cả", "suốt")))
    form = "recurring"
    # 10. recurrences and open-ended words
    for rx, rec in RECURRING:
        for m in rx.finditer(text):
            add(m.start(), m.end(), tf(m.start(), m.end(), None, None, "recurring", rec), False)
    for m in ONGOING_RE.finditer(text):
        add(m.start(), m.end(), tf(m.start(), m.end(), None, None, "ongoing"), False)

    found.sort(key=lambda f: f[0])
    single = {id(f[2]) for f in found}
    merged = [_open_start(text, x, forms.get(x[0], "")) if id(x[2]) in single else x
              for x in _merge_ranges(text, found, base, forms)]
    out = []
    by_occasion: list[Found] = []
    prev_end, prev_anchored = -1, False
    for s, e, t, anchored in merged:
        f = forms.get(s, "")
        if not anchored and prev_anchored and t.date_end is not None and _LIST_GAP_RE.match(text[prev_end:s]):
            anchored = True  # "…; Tháng 02/2024 và Tháng 9/2024": every period of an anchored list binds
        prev_end = e
        if not anchored and t.kind in ("interval", "unresolved", "from") and f != "term":
            anchored = _anchored(text, s, e, parenthesized=f in ("quarter", "month", "half")) or (
                (f in ("quarter", "month", "half", "school") or t.kind == "from") and _closing_aside(text, s, e))
            if not anchored and f in ("date", "month") and not (ctx.year and t.date_end and t.date_end.year < ctx.year):
                if _occasion(text, s, e, f):
                    by_occasion.append(Found(t, True, f))
                    out.append(by_occasion[-1])
                    prev_anchored = False
                    continue
        prev_anchored = anchored and t.date_end is not None
        out.append(Found(t, anchored, f))
    # an occasion is the bound only when the statement states no other: "… nhân dịp 17/10; thời gian: cả năm
    # 2024" is due over the year, the day is when one part of it happens
    if by_occasion and any(f.anchored and f.timeframe.date_end and all(f is not o for o in by_occasion) for f in out):
        for f in by_occasion:
            f.anchored = False
    return out


def _school_span(y1: int, term: str | None) -> tuple[dt.date, dt.date]:
    """A school year runs from September to the end of May (the Ministry's yearly time frame)."""
    if term and term.upper() in ("I", "1"):
        return dt.date(y1, 9, 1), dt.date(y1 + 1, 1, 15)
    if term and term.upper() in ("II", "2"):
        return dt.date(y1 + 1, 1, 16), dt.date(y1 + 1, 5, 31)
    return dt.date(y1, 9, 1), dt.date(y1 + 1, 5, 31)


# A range is one bound. A list is one bound only when it shares its year ("tháng 4 và tháng 5/2024", "Quý II
# và Quý IV/2024", "Năm học 2023 - 2024 và 2024 - 2025", read whole by the patterns); periods that each carry
# their own year ("Tháng 6/2025 và tháng 11/2025": mid-year and year-end reviews) stay two bounds.
_JOIN_RE = re.compile(r"^\s*(?:-|–|đến|tới)\s*(?:hết\s+)?$", _I)
# "từ tháng 9/2024, hoàn thành trước ngày 15/12/2024": a start, then the cut-off that ends it
_START_END_JOIN_RE = re.compile(r"^\s*[,;]?\s*(?:và\s+)?(?:(?:hoàn\s+thành|kết\s+thúc|xong)\s*)?$", _I)


def _merge_ranges(text: str, found: list[tuple[int, int, Timeframe, bool]], base: int,
                  forms: dict[int, str] | None = None) -> list[tuple[int, int, Timeframe, bool]]:
    """Join "Tháng 12/2024 - Tháng 2/2025", "Quý IV/2024 đến Quý I/2025" and "từ tháng 9/2024, hoàn thành
    trước ngày 15/12/2024" into one interval."""
    forms = forms or {}
    out: list[tuple[int, int, Timeframe, bool]] = []
    for item in found:
        s, e, t, anch = item
        if out:
            ps, pe, pt, panch = out[-1]
            gap = text[pe:s]
            ranged = (pt.kind == "interval" and t.kind == "interval" and pt.date_start and t.date_end
                      and _JOIN_RE.match(gap) and pt.date_start <= t.date_end)
            started = (pt.kind == "interval" and t.kind == "before" and pt.date_start and t.date_end
                       and text[ps:pe].lower().startswith("từ") and _START_END_JOIN_RE.match(gap)
                       and pt.date_start <= t.date_end)
            if ranged or started:
                joined = Timeframe(text=tidy(text[ps:e]), start=base + ps, end=base + e, date_start=pt.date_start,
                                   date_end=t.date_end)
                out[-1] = (ps, e, joined, panch or anch or text[ps:pe].lower().startswith("từ"))
                continue
        out.append(item)
    return out


_OPEN_START_RE = re.compile(
    rf"[Tt]ừ\s+(?:(?:ngày\s+)?{_D}\s?/\s?{_M}(?:\s?/\s?{_Y})?|[Tt]háng\s+{_M}(?:\s*(?:/|năm|,\s*năm)\s*{_Y})?)")


def _open_start(text: str, item: tuple[int, int, Timeframe, bool], form: str) -> tuple[int, int, Timeframe, bool]:
    """"từ tháng 02/2024", "từ ngày 15/11/2017" with no end after them: the work starts then and runs on, so the
    bound has a start and no end (not the month or the day alone)."""
    s, e, t, anchored = item
    if form not in ("month", "date") or t.date_start is None or not _OPEN_START_RE.fullmatch(text[s:e]):
        return item
    return s, e, Timeframe(text=t.text, start=t.start, end=t.end, date_start=t.date_start, date_end=None,
                           kind="from"), anchored


# A closing who/when aside: "(lấy mẫu định kỳ tháng 3, tháng 6, tháng 9 và tháng 12/2024).", "(cả năm, cao
# điểm tháng 9/2024).", "(năm học 2023 - 2024 và 2024 - 2025)." — unless it compares or counts.
_ASIDE_BLOCK_RE = re.compile(r"\b(?:so\s+với|kết\s+quả|số\s+liệu|tính\s+đến|báo\s+cáo|theo|số|đã|của|tại)\b", _I)


def _closing_aside(text: str, s: int, e: int) -> bool:
    opened = text.rfind("(", 0, s)
    if opened < 0 or ")" in text[opened:s] or s - opened > 60:
        return False
    closed = text.find(")", e)
    if closed < 0 or "(" in text[e:closed] or closed - e > 40:
        return False
    if not re.match(r"\s*[.;]?\s*(?:$|\n)", text[closed + 1 :]):
        return False
    if not re.fullmatch(r"\s*(?:(?:,|và)\s*[^()]{0,30})?", text[e:closed]):
        return False  # "(nhà nghỉ, karaoke; tháng 5/2025 có 03 vụ vi phạm)": the month opens a statement
    return not _ASIDE_BLOCK_RE.search(text[opened + 1 : s]) and not _ASIDE_BLOCK_RE.search(text[e:closed])


def _anchored(text: str, s: int, e: int, parenthesized: bool = False) -> bool:
    """Whether the words around ``text[s:e]`` make it a bound on work.

    "trong Quý II", "hoàn thành trong tháng 6", "Thời gian: …", an item that opens
    with its period ("Tháng 3/2024: …"), and a month or quarter in parentheses after
    the work ("kỳ thi cấp huyện (tháng 12/2024)").
    """
    if parenthesized and text[e:].lstrip().startswith(")"):
        # "kỳ thi cấp huyện (tháng 12/2024)", and the period closing a who/when aside
        # "(Phòng X chủ trì, phối hợp Y; Quý II - Quý III/2024)"
        inside = text[:s].rstrip()
        if inside.endswith("("):
            return True
        opened = inside.rfind("(")
        if opened >= 0 and ")" not in inside[opened:] and inside.endswith((";", ",")):
            return True
    before = text[max(0, s - 60) : s]
    if _AFTER_ASSIGNMENT_RE.search(before):
        return True
    before = re.split(r"[;.\n]", before)[-1]
    if _ANCHOR_BEFORE_RE.search(before):
        return True
    # "Tháng 3/2024: xây dựng kế hoạch" — a period that opens an item as its label
    head = text[:s].strip(" \t-+•*–")
    return (not head or re.fullmatch(r"[\w.)]{1,6}", head) is not None) and bool(_ANCHOR_LABEL_AFTER_RE.match(text[e:]))


@cache
def _occasion_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = load_toml("time_anchors.toml")
    words = "|".join(re.escape(w) for w in sorted(data["occasion"], key=len, reverse=True))
    events = "|".join(re.escape(w) for w in sorted(data["events"], key=len, reverse=True))
    blockers = "|".join(re.escape(w) for w in data["blockers"])
    return (re.compile(rf"\b(?:{words})\s+(?:(?!\d{{1,2}}/)[^;.:\n()]){{0,70}}$", _I),
            re.compile(rf"(?<!\w)(?:{events})\s(?:[^;.:\n]){{0,90}}$"),
            re.compile(rf"\b(?:{blockers})\b|/[A-ZĐ]|\b(?:ngày|tháng)\s*$", _I))


def _occasion(text: str, s: int, e: int, form: str) -> bool:
    """A bare date after an occasion ("nhân dịp 22/12", "nhân Ngày Chữ thập đỏ quốc tế 08/5/2023"), or a month
    after the name of an event ("Hội chợ Du lịch quốc tế Việt Nam (VITM Hà Nội) tháng 4/2024"): when the work is
    held. A cited document's date ("Quyết định số … ngày 08/5/2023") has "số" or a code in its clause."""
    occasion, event, blocker = _occasion_res()
    clause = re.split(r"[;.\n]|\b(?:và|,)\s+(?=[a-zđ])", text[max(0, s - 100) : s])[-1]
    if clause.count("“") > clause.count("”") or clause.count("«") > clause.count("»"):
        return False  # inside a quoted name ("Chào mừng ngày Nhà giáo Việt Nam 20/11")
    if form == "date":
        if re.match(r"\s*(?:,|và)\s*\d{1,2}\s*/", text[e:]) or re.search(r"\bcác\s+(?:dịp|ngày)\b", clause, _I):
            return False  # "vào các dịp 03/2, 19/5, 02/9": the occasions of every year, not one bound
        m = occasion.search(clause)
        return m is not None and not blocker.search(re.sub(r"\bngày\s*$", "", m.group(0)))
    if blocker.search(clause):
        return False
    return event.search(clause) is not None and not clause.rstrip().endswith(("(", "-"))


# ------------------------------------------------------------------ a whole timeframe
def combine(found: list[Found], text: str, start: int, end: int) -> Timeframe:
    """One timeframe from all the expressions of one statement: latest end; a start only when every part has one."""
    dated = [f.timeframe for f in found if f.timeframe.date_end is not None]
    rec = next((f.timeframe.recurrence for f in found if f.timeframe.recurrence), None)
    if dated:
        ends = [t.date_end for t in dated if t.date_end]
        starts = [t.date_start for t in dated]
        d_start = min(s for s in starts if s) if all(starts) else None
        kind = "before" if d_start is None else "interval"
        return Timeframe(text=text, start=start, end=end, date_start=d_start, date_end=max(ends), kind=kind,
                         recurrence=rec)
    opened = [f.timeframe for f in found if f.timeframe.kind == "from" and f.timeframe.date_start]
    if opened:
        return Timeframe(text=text, start=start, end=end, date_start=opened[0].date_start, kind="from")
    if rec or any(f.timeframe.kind == "recurring" for f in found):
        return Timeframe(text=text, start=start, end=end, kind="recurring", recurrence=rec)
    if any(f.timeframe.kind == "ongoing" for f in found):
        return Timeframe(text=text, start=start, end=end, kind="ongoing")
    return Timeframe(text=text, start=start, end=end, kind="unresolved")


def parse_timeframe(text: str, ctx: YearContext, base: int = 0) -> Timeframe | None:
    """Read a timeframe cell or label value as a whole ("Quý I-Quý III/2025", "Thường xuyên").

    Every expression in it counts (a cell is a timeframe by position, no anchor
    needed); a bare year ("2025") is a year; text with no date at all is kept as
    ``unresolved`` ("Thực hiện theo lịch của thành phố").
    """
    stripped = text.strip()
    if not stripped:
        return None
    lead = len(text) - len(text.lstrip())
    m = BARE_YEAR_RE.match(stripped)
    if m:
        y, y2 = _yr(m.group("y")), _yr(m.group("y2") or m.group("y"))
        return Timeframe(text=tidy(stripped), start=base + lead, end=base + lead + len(stripped),
                         date_start=dt.date(y, 1, 1), date_end=dt.date(y2, 12, 31))
    found = find_timeframes(text, ctx, base)
    return combine(found, tidy(stripped), base + lead, base + lead + len(stripped))


def anchored_bounds(text: str, ctx: YearContext, base: int = 0) -> list[Timeframe]:
    """The time bounds on work stated in running text: anchored expressions that resolve to a date."""
    return [f.timeframe for f in find_timeframes(text, ctx, base)
            if f.anchored and f.timeframe.date_end is not None]


def recurrence_in(text: str) -> str | None:
    """The recurrence a statement names ("hằng quý" -> quarterly), if any."""
    for rx, rec in RECURRING:
        if rx.search(text):
            return rec
    return None
