"""Consistency findings inside one document: citations that disagree, dates that cannot be.

Kinds (GUIDE.md):
- ``citation_date_conflict``: one number given two different dates;
- ``citation_number_conflict``: one document (same type, date and subject) under two numbers;
- ``citation_code_mismatch``: the type word disagrees with the number's code
  ("Chương trình số 03/CT-SGDĐT": CT is Chỉ thị, Chương trình is CTr);
- ``header_year_mismatch``: the header's year disagrees with the period the document is about
  (a report on 2023 dated 2022);
- ``date_invalid``: a date that cannot exist (31/02/2023, "ngày 31/6");
- ``citation_after_document``: a cited document dated after the document citing it (only when
  the citing document has a full date).
Every finding names where it is (``start``/``end``) and the number when there is one.
"""
from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING

from ..items import Citation, CitedDocument, Finding, Header
from ..lexicon import type_by_code, type_by_name
from ..normalize import fold

if TYPE_CHECKING:
    from ..analysis import Analysis

# A written date anywhere in the text: 31/02/2023, 31-02-2023, 31.02.2023, "ngày 31 tháng 2 năm 2023",
# and "ngày 31/6" without a year (a deadline). Each alternative says which parts it has.
_DATE_ANY_RE = re.compile(
    r"(?<![0-9/.\-])(?P<d>[0-9]{1,2})(?P<sep>[/.\-])(?P<m>[0-9]{1,2})(?P=sep)(?P<y>(?:19|20)[0-9]{2})(?![0-9])"
    r"|ngày[ \n]+(?P<d2>[0-9]{1,2})[ \n]+tháng[ \n]+(?P<m2>[0-9]{1,2})(?:[ \n]*,?[ \n]*năm[ \n]+(?P<y2>(?:19|20)[0-9]{2}))?"
    r"(?![0-9])"
    r"|ngày[ \n]+(?P<d3>[0-9]{1,2})/(?P<m3>[0-9]{1,2})(?![0-9/])"
)
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_PERIOD_RE = re.compile(
    r"(?:(?:6|sáu|06|9|chín|09)\s+tháng\s+(?:đầu|cuối)|quý\s+[IV]{1,3}|cả|trong|công\s+tác|nhiệm\s+vụ|kết\s+quả)"
    r"\s+năm\s+((?:19|20)[0-9]{2})(?!\s*-\s*[0-9])",
    re.I,
)


def lint(analysis: Analysis) -> list[Finding]:
    """All findings for one analysed document, in text order."""
    cits, cited, header = analysis.citations, analysis.cited, analysis.header
    text = analysis.text
    out: list[Finding] = []
    out += date_conflicts(cits, cited)
    out += number_conflicts(cits, cited)
    out += code_mismatches(cits)
    out += header_year(header, text, cits)
    out += invalid_dates(text, cits)
    out += after_document(header, cits, cited)
    out.sort(key=lambda f: (f.start if f.start is not None else -1, f.kind))
    return out


def _day(d: object) -> str:
    return d.strftime("%d/%m/%Y") if d is not None else "?"  # type: ignore[attr-defined]


def _label(c: Citation | CitedDocument) -> str:
    what = c.number or c.name or "?"
    return f"{c.type} {what}" if c.type else what


def date_conflicts(cits: list[Citation], cited: list[CitedDocument]) -> list[Finding]:
    """One number, two dates: reported at the first mention that gives a second date."""
    out = []
    for d in cited:
        if len(d.dates) < 2:
            continue
        written = [cits[i] for i in d.mentions if cits[i].date is not None and cits[i].date_text is not None]
        first = written[0]
        other = next(c for c in written if c.date != first.date)
        out.append(Finding(
            kind="citation_date_conflict",
            message=f"{_label(d)} mang hai ngày khác nhau: {_day(first.date)} và {_day(other.date)}",
            start=other.start, end=other.end, number=d.number,
            related=[(c.start, c.end) for c in written if c is not other],
        ))
    return out


def _similar(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    fa, fb = fold(a), fold(b)
    if min(len(fa), len(fb)) < 15:
        return False
    return fa == fb or difflib.SequenceMatcher(None, fa, fb).ratio() >= 0.9


def number_conflicts(cits: list[Citation], cited: list[CitedDocument]) -> list[Finding]:
    """One document (same type, same date, same subject) written under two numbers."""
    out = []
    for i, a in enumerate(cited):
        for b in cited[i + 1 :]:
            if not a.number or not b.number or a.type != b.type or not set(a.dates) & set(b.dates):
                continue
            subj_a = _own_subjects(cits, a)
            subj_b = _own_subjects(cits, b)
            if not any(_similar(x, y) for x in subj_a for y in subj_b):
                continue
            mention = cits[b.mentions[0]]
            out.append(Finding(
                kind="citation_number_conflict",
                message=f"{a.type} ngày {_day(sorted(set(a.dates) & set(b.dates))[0])} cùng trích yếu "
                        f"được ghi hai số: {a.number} và {b.number}",
                start=mention.start, end=mention.end, number=b.number,
                related=[(cits[k].start, cits[k].end) for k in a.mentions],
            ))
    return out


def _head(c: Citation) -> str:
    """The mention up to its number: "Chương trình số 03/CT-SGDĐT"."""
    i = c.text.find(c.number or "\0")
    return re.sub(r"\s+", " ", c.text[: i + len(c.number)] if i >= 0 and c.number else c.text)


def _own_subjects(cits: list[Citation], d: CitedDocument) -> list[str]:
    return [cits[k].subject for k in d.mentions if cits[k].subject]


def code_mismatches(cits: list[Citation]) -> list[Finding]:
    """A type word that disagrees with the type code of its number."""
    out = []
    for c in cits:
        if not c.code or not c.type or not c.system:
            continue
        word_type = type_by_name().get(fold(c.type))
        if word_type is None:
            continue
        codes = word_type.codes(c.system)
        if not codes or fold(c.code) in {fold(x) for x in codes}:
            continue
        code_type = type_by_code(c.system).get(fold(c.code))
        meant = f" ({c.code} là {code_type.name})" if code_type else ""
        out.append(Finding(
            kind="citation_code_mismatch",
            message=f"“{_head(c)}”: ký hiệu {c.code}{meant} không khớp loại văn bản {c.type} "
                    f"({'/'.join(codes)})",
            start=c.start, end=c.end, number=c.number,
        ))
    return out


_TITLE_YEAR_RE = re.compile(
    r"(?<!đến\s)(?<!tới\s)năm\s+học\s+((?:19|20)[0-9]{2})\s*-\s*(?:19|20)?[0-9]{2}"
    r"|(?<!đến\s)(?<!tới\s)năm\s+((?:19|20)[0-9]{2})(?!\s*-\s*[0-9])",
    re.I,
)


def _period_years(header: Header, text: str, cits: list[Citation]) -> tuple[list[tuple[int, bool]], tuple[int, int] | None]:
    """The years the document is about ((year, school year?) pairs) and where that is said.

    The title's years ("… năm 2024 và phương hướng năm 2025" gives both); when the title has
    none, the period phrases of the opening paragraph ("6 tháng đầu năm 2023").
    """
    title_span = header.spans.get("title")
    if header.title:
        years = [(int(m.group(1) or m.group(2)), m.group(1) is not None) for m in _TITLE_YEAR_RE.finditer(header.title)]
        if years:
            return years, title_span
        if re.search(r"(?:19|20)[0-9]{2}", header.title):
            return [], None  # a range or a date in the title: no single period year
    start = header.body_start
    end = text.find("\n\n", start + 1)
    end = min(end if end > 0 else len(text), start + 1500)
    spans = [(c.start, c.end) for c in cits if c.start < end and c.end > start]
    found = set()
    where = None
    for m in _PERIOD_RE.finditer(text, start, end):
        if any(s <= m.start() < e for s, e in spans):
            continue
        found.add(int(m.group(1)))
        where = where or (m.start(), m.end())
    if len(found) == 1:
        return [(found.pop(), False)], where
    return [], None


def _allowed(kind: str, about: int, school: bool, month: int | None) -> set[int]:
    """The years a document of this kind about ``about`` may be dated.

    A report is written in its period's year or early in the next; a plan in its year or at the
    end of the year before (month unknown, or October to December); a school year spans two.
    """
    allowed = {about, about + 1} if school else {about}
    if kind == "report":
        allowed.add(about + 1)
    elif kind == "plan":
        if month is None or month >= 10 or school:
            allowed.add(about - 1)
    else:
        allowed |= {about - 1, about + 1}
    return allowed


def header_year(header: Header, text: str, cits: list[Citation]) -> list[Finding]:
    """The year in "…, ngày … tháng … năm 2022" against the year(s) the document is about."""
    dated = header.date_year
    if dated is None:
        return []
    years, where = _period_years(header, text, cits)
    if not years:
        return []
    month = header.date.month if header.date else None
    if any(dated in _allowed(header.kind, y, school, month) for y, school in years):
        return []
    about = years[0][0]
    span = header.spans.get("date") or where
    return [Finding(
        kind="header_year_mismatch",
        message=f"Ngày ban hành ghi năm {dated} nhưng văn bản nói về năm {about}",
        start=span[0] if span else None, end=span[1] if span else None, number=None,
        related=[where] if where and where != span else [],
    )]


def _valid(y: int | None, m: int, d: int) -> bool:
    if not 1 <= m <= 12 or d < 1:
        return False
    if m == 2 and y is not None:
        leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
        return d <= (29 if leap else 28)
    return d <= _DAYS[m - 1]


def invalid_dates(text: str, cits: list[Citation]) -> list[Finding]:
    """Dates that cannot exist, wherever they are written (a citation's date names its number)."""
    out = []
    for m in _DATE_ANY_RE.finditer(text):
        if m.group("d") is not None:
            y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        elif m.group("d2") is not None:
            y = int(m.group("y2")) if m.group("y2") else None
            mo, d = int(m.group("m2")), int(m.group("d2"))
        else:
            y, mo, d = None, int(m.group("m3")), int(m.group("d3"))
        if _valid(y, mo, d):
            continue
        owner = next((c for c in cits if c.start <= m.start() < c.end), None)
        written = re.sub(r"\s+", " ", m.group())
        out.append(Finding(
            kind="date_invalid",
            message=f"“{written}” không phải là một ngày có thật"
                    + (f" ({_label(owner)})" if owner else ""),
            start=m.start(), end=m.end(), number=owner.number if owner else None,
        ))
    return out


def after_document(header: Header, cits: list[Citation], cited: list[CitedDocument]) -> list[Finding]:
    """A cited document dated after the document that cites it (needs the citing document's date)."""
    if header.date is None:
        return []
    out = []
    for d in cited:
        late = [cits[i] for i in d.mentions
                if cits[i].date is not None and cits[i].date_text is not None and cits[i].date > header.date]
        if not late:
            continue
        c = late[0]
        out.append(Finding(
            kind="citation_after_document",
            message=f"{_label(d)} ngày {_day(c.date)} ban hành sau văn bản trích dẫn nó ({_day(header.date)})",
            start=c.start, end=c.end, number=d.number,
        ))
    return out
