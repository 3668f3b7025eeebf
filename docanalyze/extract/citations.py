"""Legal citations: every mention of an identifiable document, with its span in ``Document.text``.

A citation is a type word or code plus a number ("Quyết định số 1483/QĐ-SGDĐT", "QĐ
1182/QĐ-UBND", "Chỉ thị 05-CT/TW", "Thông báo số 108-SGDĐT", "Quyết định số 1590 ngày
26/10/2020"), a law named by its title ("Luật Tiếp công dân"), or a national standard
("QCVN 05A:2020/BCT"). One pass finds the anchors (``citation_patterns.scan``); the
type word before and the date, issuer and subject after are read from the text around
them (``citation_parse``). Then bare mentions joined by "và" share the date and issuer of
the last one ("Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ
Chính trị"), and an issuer the text does not name comes from the number's code.
Re-mentions are linked to their full mention by :func:`resolve_citations`
(``citation_resolve``), as eyecite resolves short forms.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..items import Citation, CitedDocument, Header
from ..lexicon import DocType, issuer_by_code, type_by_code, type_by_name
from ..lexicon import fold_cached as fold
from ..model import Document
from .citation_parse import read_tail, type_before
from .citation_patterns import LETTERS, Symbol, compact, number_key, scan
from .citation_resolve import resolve_citations
from .citation_titles import law_key, named_citation

__all__ = ["find_citations", "resolve_citations", "parse_symbol", "issuer_from_code"]

_CODE_SPLIT = re.compile(r"[\-/]")
_DEPARTMENT_CODE = re.compile(r"^[A-Z][0-9]{2}$")
_TRAILING_DIGITS = re.compile(r"[0-9]+$")
_NUMBER_HEAD = re.compile(r"^([0-9]+)[a-zđ]?(/(?:19|20)[0-9]{2})?")
_NUMBER_PARTS = re.compile(r"^[0-9]+[a-zđ]?(?:/(?:19|20)[0-9]{2})?(?P<s>[/\-])(?P<sym>.+)$")
_SO_BEFORE = re.compile(r"(?:^|[ \n])[Ss]ố[ \n]?:?[ \n]?$")
_JOINED = re.compile(r"[ \n]*(?:,|và|,[ \n]*và)[ \n]*")


@lru_cache(maxsize=4096)
def _code_key(code: str) -> str:
    """'QH15' -> folded 'qh': the key of a code in the registry (a term number dropped)."""
    return fold(_TRAILING_DIGITS.sub("", code))


def find_citations(doc: Document, header: Header | None = None) -> list[Citation]:
    """Every citation mention in ``doc``, in text order (the document's own number excluded)."""
    text = doc.text
    own_span = header.spans.get("number") if header else None
    own = compact(header.number) if header and header.number and re.search(r"[0-9]", header.number) else None
    own_title = None
    if header and header.kind_name and header.title and len(header.title) < 120:
        own_title = law_key(f"{header.kind_name} {header.title}")[0]
    out: list[Citation] = []
    consumed = 0
    for kind, m in scan(text):
        if m.start() < consumed:
            continue
        if kind == "number":
            c = _numbered(text, m)
        elif kind == "named":
            c = named_citation(text, m.start(), text[m.start() : m.end()])
        elif kind == "standard":
            c = _standard(text, m)
        else:
            c = _unsymboled(text, m)
        if c is None:
            continue
        if own_span and own_span[0] <= c.start < own_span[1]:
            continue
        if own and c.number and compact(c.number) == own:
            continue
        if header and c.start < header.body_start and re.search(r"[Ss]ố[ \n]*:", c.text):
            continue  # "Luật số: 69/2025/QH15" above the title is the document's own number
        if own_title and c.name and not c.number and law_key(c.name)[0] == own_title:
            continue  # "Quốc hội ban hành Luật Hóa chất." inside the Luật Hóa chất
        out.append(c)
        consumed = c.end
    _coordinate(out, text)
    out = _short_forms(out, text)
    _code_issuers(out, text)
    return out


_LETTER_AT = re.compile(f"[{LETTERS}]")
_BARE_NUMBER_RE = re.compile(r"(?:[Ss]ố[ \n])?(?P<n>[0-9]{1,5}[a-zđ]?)(?![0-9/\-]|[.,][0-9])")


def _short_forms(cits: list[Citation], text: str) -> list[Citation]:
    """"Chỉ thị 05" after "Chỉ thị số 05-CT/TW …": a type word and the bare number of a document
    cited in full elsewhere in the file is a short mention of it (number as the full mention's)."""
    full: dict[tuple[str, str], str] = {}
    for c in cits:
        if c.type and c.number and not c.name:
            m = re.match(r"^([0-9]+[a-zđ]?)[/\-]", c.number)
            if m:
                key = (c.type, m.group(1))
                if full.get(key, c.number) != c.number and number_key(full[key]) != number_key(c.number):
                    full[key] = ""  # two documents share the bare number: a short form cannot tell them apart
                else:
                    full.setdefault(key, c.number)
    if not any(full.values()):
        return cits
    words = "|".join(sorted({re.escape(t) for (t, _), v in full.items() if v}, key=len, reverse=True))
    pattern = re.compile(rf"(?:{words})[ \n]")  # literal alternatives: the engine skips ahead at C speed
    taken = [(c.start, c.end) for c in cits]
    extra = []
    for m in pattern.finditer(text):
        if m.start() and _LETTER_AT.match(text, m.start() - 1):
            continue
        num = _BARE_NUMBER_RE.match(text, m.end())
        if num is None:
            continue
        typ = m.group().strip()
        number = full.get((typ, num.group("n")))
        if not number or any(s < num.end() and m.start() < e for s, e in taken):
            continue
        c = Citation(text=text[m.start() : num.end()], start=m.start(), end=num.end(), type=typ, number=number,
                     short=True, system=None)
        extra.append(c)
    if not extra:
        return cits
    return sorted(cits + extra, key=lambda c: c.start)


# ---------------------------------------------------------------- numbers
@lru_cache(maxsize=4096)
def parse_symbol(sep: str, sym: str, has_year: bool = False) -> Symbol | None:
    """Split a symbol into type code and issuer codes; None when a part is not code-like.

    '/' + 'QĐ-SGDĐT' -> state, QĐ, (SGDĐT,); '-' + 'CT/TW' -> party, CT, (TW,);
    '/' + 'SGDĐT-VP' -> state, no type code, (SGDĐT,), units (VP,); '-' + 'SGDĐT' -> (SGDĐT,).
    """
    sym = compact(sym)
    if sep == "-" and "/" in sym:
        code, _, rest = sym.partition("/")
        parts = [p for p in _CODE_SPLIT.split(rest) if p]
        if not _code_like(code) or not parts or not all(_code_like(p) for p in parts):
            return None
        t = type_by_code("party").get(fold(code)) or type_by_code("state").get(fold(code))
        return Symbol("party", code if t else None, tuple(parts) if t else (code, *parts), ())
    parts = [p for p in _CODE_SPLIT.split(sym) if p]
    if not parts or not all(_code_like(p) for p in parts):
        return None
    if sep == "-":
        return Symbol("state", None, (parts[0],), tuple(parts[1:]))
    t = type_by_code("state").get(fold(parts[0]))
    if t is not None and (len(parts) > 1 or has_year):
        return Symbol("state", parts[0], tuple(parts[1:]), ())
    return Symbol("state", None, (parts[0],), tuple(parts[1:]))


def _code_like(code: str) -> bool:
    """A code has two capitals at least (QĐ, TTg, CTr, QH15), is a department of the Ministry of Public
    Security (a letter and two digits: C06, A05, H01) or is a known code."""
    if sum(1 for ch in code if ch.isupper()) >= 2 or _DEPARTMENT_CODE.match(code):
        return True
    key = _code_key(code)
    return key in type_by_code("state") or key in type_by_code("party") or key in issuer_by_code()


def _numbered(text: str, m: re.Match[str]) -> Citation | None:
    sym = parse_symbol(m.group("s"), m.group("sym"), m.group("y") is not None)
    if sym is None:
        return None
    start, end = m.start(), m.end()
    tw = type_before(text, start)
    doc_type: DocType | None = None
    code_type = None
    if sym.type_code:
        code_type = type_by_code(sym.system).get(fold(sym.type_code))
    if tw is not None:
        word_type, generic, tw_start, has_so = tw
        doc_type = (code_type or word_type) if generic else word_type
        span_start = tw_start
    else:
        has_so = bool(_SO_BEFORE.search(text[max(0, start - 6) : start]))
        if sym.type_code is None:
            known = _known_issuer(sym.issuers[0])
            # "1774/UBND", "108-SGDĐT" need a type word; "69/2025/QH15" and "số 12/UBND-VP" stand alone
            if m.group("s") == "-" or not (m.group("y") or (has_so and known)):
                return None
        doc_type = code_type
        span_start = start
    c = Citation(text="", start=span_start, end=end, type=doc_type.name if doc_type else None,
                 number=compact(text[start:end]), code=sym.type_code, system=sym.system)
    read_tail(text, c)
    return c


def _unsymboled(text: str, m: re.Match[str]) -> Citation | None:
    """"Quyết định số 1590 ngày 26/10/2020": a type word, "số", a bare number, then a date or issuer."""
    tw = type_before(text, m.start("nn"))
    if tw is None:
        return None
    doc_type, _generic, tw_start, _ = tw
    c = Citation(text="", start=tw_start, end=m.end("nn"), type=doc_type.name, number=m.group("nn"))
    read_tail(text, c)
    if c.date is None and c.issuer is None:
        return None
    return c


def _standard(text: str, m: re.Match[str]) -> Citation | None:
    raw = text[m.start() : m.end()]
    kind = "Quy chuẩn" if raw.startswith("Q") else "Tiêu chuẩn"
    name = re.sub(r"\s+", " ", re.sub(r"\s*:\s*", ":", raw))
    c = Citation(text=raw, start=m.start(), end=m.end(), type=kind, number=compact(raw), name=name, system="state")
    if "/" in raw:  # "QCVN 28:2010/BTNMT": the ministry that issued it
        iss = issuer_by_code().get(_code_key(raw.rsplit("/", 1)[1]))
        if iss is not None:
            c.issuer, c.issuer_source = iss.name, "code" if iss.certain else "code_kind"
    return c


# ---------------------------------------------------------------- after the scan
def _coordinate(cits: list[Citation], text: str) -> None:
    """"A và B ngày … của …": a bare mention shares the issuer of the next one of its kind, and its
    date when their numbers are consecutive (documents issued together on one day)."""
    for i in range(len(cits) - 2, -1, -1):
        a, b = cits[i], cits[i + 1]
        if a.date_text is not None or a.issuer is not None or not a.number or not b.number:
            continue
        if not _JOINED.fullmatch(text, a.end, b.start):
            continue
        if a.type != b.type or _symbol_of(a.number) != _symbol_of(b.number):
            continue
        if b.date_text is not None and _consecutive(a.number, b.number):
            a.date, a.date_text, a.date_valid = b.date, b.date_text, b.date_valid
        if b.issuer is not None and b.issuer_source == "text":
            a.issuer, a.issuer_source = b.issuer, "text"
        a.short = a.date_text is None and a.issuer is None


def _consecutive(a: str, b: str) -> bool:
    """Documents issued together carry nearby numbers of one year: 217-QĐ/TW and 218-QĐ/TW."""
    ma, mb = _NUMBER_HEAD.match(a), _NUMBER_HEAD.match(b)
    if not ma or not mb or ma.group(2) != mb.group(2):
        return False
    return abs(int(ma.group(1)) - int(mb.group(1))) <= 5


def _symbol_of(number: str) -> str:
    """'217-QĐ/TW' -> '-QĐ/TW'; '04/2015/NĐ-CP' -> '/NĐ-CP' (number and year dropped)."""
    return fold(_NUMBER_HEAD.sub("", number))


def _known_issuer(code: str) -> bool:
    return _code_key(code) in issuer_by_code()


def issuer_from_code(number: str, text: str = "") -> tuple[str, bool] | None:
    """The body a number's issuer codes name, and whether the code alone makes it certain.

    'NĐ-CP' -> ('Chính phủ', True); 'QĐ-UBND' -> ('Ủy ban nhân dân', False); joint issuers are
    joined with ' - ' ('BDVTU-UBNDTP'). ``text`` settles 'TU': a document that speaks of its
    "Thành ủy" is in a centrally-run city, where the Party committee is a Thành ủy.
    """
    city = bool(text) and text.count("Thành ủy") + text.count("Thành uỷ") > text.count("Tỉnh ủy") + text.count("Tỉnh uỷ")
    return _issuer_from_code(number, city)


@lru_cache(maxsize=4096)
def _issuer_from_code(number: str, city: bool) -> tuple[str, bool] | None:
    m = _NUMBER_PARTS.match(number)
    if not m:
        return None
    sym = parse_symbol(m.group("s"), m.group("sym"), "/20" in number[:8] or "/19" in number[:8])
    if sym is None:
        return None
    codes = issuer_by_code()
    found = []
    for part in sym.issuers:
        iss = codes.get(_code_key(part))
        if iss is not None:
            found.append(iss)
        if sym.type_code is None:  # an official letter: the first part is the issuer, the rest its units
            break
    if not found:
        return None
    names = []
    for iss in found:
        name = iss.name
        if iss.code == "TU" and city:
            name = "Thành ủy"
        names.append(name)
    return " - ".join(dict.fromkeys(names)), all(i.certain for i in found)


def _code_issuers(cits: list[Citation], text: str) -> None:
    """Issuers the text does not name: from the number's code, else from the type (Luật: Quốc hội)."""
    names = type_by_name()
    city = text.count("Thành ủy") + text.count("Thành uỷ") > text.count("Tỉnh ủy") + text.count("Tỉnh uỷ")
    for c in cits:
        if c.issuer is None and c.number:
            got = _issuer_from_code(c.number, city)
            if got is not None:
                c.issuer, c.issuer_source = got[0], "code" if got[1] else "code_kind"
        if c.issuer is None and c.type:
            t = names.get(fold(c.type))
            if t is not None and t.issuer:
                c.issuer, c.issuer_source = t.issuer, "code"


def cited_documents(citations: list[Citation], doc: Document | None = None) -> list[CitedDocument]:
    """Alias of :func:`resolve_citations`."""
    return resolve_citations(citations, doc)
