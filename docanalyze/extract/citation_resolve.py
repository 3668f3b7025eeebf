"""Link every mention to the document it cites, as eyecite resolves short forms to full citations.

Mentions of one document share a key: the number with spaces, case and '&' ignored
("01- KL/TW" = "01-KL/TW"); a number written without its year ("04/NĐ-CP") joins the one
document written with it ("04/2015/NĐ-CP"); a law cited by title joins the numbered
mention of the same title ("Luật Hóa chất" → "Luật Hóa chất số 69/2025/QH15"). A short
mention (no date, no issuer) then takes the type, issuer and date of its full mention.
"""
from __future__ import annotations

import re
from collections import Counter

from ..items import Citation, CitedDocument
from ..lexicon import fold_cached as fold
from ..model import Document
from .citation_patterns import compact, number_key
from .citation_titles import law_key

_YEAR_RE = re.compile(r"^(?P<n>[0-9]+[a-zđ]?)(?:/(?P<y>(?:19|20)[0-9]{2}))?(?P<rest>[/\-].+)$")


_TITLED = ("Luật", "Bộ luật", "Pháp lệnh", "Hiến pháp")


def _law_identity(c: Citation) -> tuple[str, int | None]:
    """A titled document's key and year: the title's "năm 2022", else the number's year, else the date's.

    "Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015" and "Luật Tổ chức Chính phủ số
    63/2025/QH15" are two laws.
    """
    base, year = law_key(c.name or "")
    if year is None and c.number:
        m = re.match(r"^[0-9]+[a-zđ]?/((?:19|20)[0-9]{2})/", c.number)
        year = int(m.group(1)) if m else None
    if year is None and c.date is not None and c.date_text is not None:
        year = c.date.year
    return base, year


def _key(c: Citation) -> str | None:
    if not c.number:
        return None
    if not re.search(r"[/\-:]", c.number):  # "Quyết định số 1590": the type is part of its identity
        return f"{fold(c.type or '')}#{c.number}"
    return number_key(c.number)


def _yearless(number: str) -> tuple[str, str, bool] | None:
    """'04/2015/NĐ-CP' -> ('04', '/nđ-cp', True); '04/NĐ-CP' -> ('04', '/nđ-cp', False)."""
    m = _YEAR_RE.match(compact(number))
    if not m:
        return None
    return m.group("n"), number_key(m.group("rest")), m.group("y") is not None


def resolve_citations(citations: list[Citation], doc: Document | None = None) -> list[CitedDocument]:
    """Group mentions into cited documents; set ``doc_id`` and fill short mentions from full ones."""
    groups: list[list[int]] = []
    by_key: dict[str, int] = {}
    by_yearless: dict[tuple[str, str], set[tuple[int, bool]]] = {}
    by_law: dict[str, dict[int, set[int]]] = {}  # title -> document -> the years it is given
    numbered: set[int] = set()
    for i, c in enumerate(citations):
        gid = None
        key = _key(c)
        if key is not None:
            gid = by_key.get(key)
            yl = _yearless(c.number) if gid is None and c.number else None
            if gid is None and yl is not None:
                cands = {g for g, has_year in by_yearless.get(yl[:2], ()) if has_year != yl[2]}
                if len(cands) == 1:
                    gid = cands.pop()
        if gid is None and c.name and c.type in _TITLED:
            base, year = _law_identity(c)
            cands = {g for g, years in by_law.get(base, {}).items()
                     if year is None or not years or year in years}
            if c.number:  # a numbered law joins a title-only mention, never another number
                cands -= numbered
            if len(cands) == 1:
                gid = cands.pop()
        if gid is None:
            gid = len(groups)
            groups.append([])
        groups[gid].append(i)
        if key is not None:
            by_key.setdefault(key, gid)
            yl = _yearless(c.number) if c.number else None
            if yl is not None:
                by_yearless.setdefault(yl[:2], set()).add((gid, yl[2]))
        if c.name and c.type in _TITLED:
            base, year = _law_identity(c)
            years = by_law.setdefault(base, {}).setdefault(gid, set())
            if year is not None:
                years.add(year)
        if c.number:
            numbered.add(gid)
    return [_document(gid, [citations[i] for i in idx], idx) for gid, idx in enumerate(groups)]


def _document(gid: int, mentions: list[Citation], idx: list[int]) -> CitedDocument:
    numbered = [c for c in mentions if c.number]
    number = numbered[0].number if numbered else None
    types = Counter(c.type for c in mentions if c.type)
    doc_type = None
    if types:
        best = max(types.values())
        doc_type = next(c.type for c in mentions if c.type and types[c.type] == best)
    named = [c.name for c in mentions if c.name and c.name != c.name.upper()] or [c.name for c in mentions if c.name]
    name = next((n for n in named if re.search(r"năm\s+(?:19|20)[0-9]{2}$", n)), named[0] if named else None)
    dates = list(dict.fromkeys(c.date for c in mentions if c.date is not None and c.date_text is not None))
    issuer = None
    for source in ("text", "code", "code_kind"):
        issuer = next((c.issuer for c in mentions if c.issuer and c.issuer_source == source), None)
        if issuer:
            break
    subject = next((c.subject for c in mentions if c.subject), None)
    variants = list(dict.fromkeys(c.number for c in numbered if c.number != number))
    d = CitedDocument(id=gid, type=doc_type, number=number, name=name, issuer=issuer, dates=dates,
                      variants=variants, subject=subject, mentions=idx)
    text_issuer = any(c.issuer_source == "text" for c in mentions)
    for c in mentions:
        c.doc_id = gid
        if c.type is None:
            c.type = doc_type
        if text_issuer and c.issuer_source != "text":
            c.issuer, c.issuer_source = issuer, "resolved"
        elif c.issuer is None and issuer:
            c.issuer, c.issuer_source = issuer, "resolved"
        if c.date is None and c.date_text is None and dates:
            c.date = dates[0]
        if c.number is None and number is not None:
            c.number = number  # a law cited by title, resolved to its numbered mention
        if c.name and name and c.type in _TITLED:
            c.name = name
    return d
