"""The citation grammar: compiled patterns and the small parsers around them.

One alternation scans the whole text once (numbers, law titles, standards, numbers
without a symbol); everything else is parsed from the few characters around each hit.
Every quantifier is bounded and every number must start where no letter, digit, slash
or dot precedes it, so a megabyte of digits and slashes is scanned in linear time.

Number forms (Nghị định 30/2020/NĐ-CP, Phụ lục III; Hướng dẫn 36-HD/VPTW):
- state: ``1483/QĐ-SGDĐT``, ``04/2015/NĐ-CP``, ``30c/NQ-CP``, ``169/2024/QH15``, ``1774/UBND``
  (number, optional year, then type code and issuer codes joined by hyphens);
- Party: ``30-CT/TW``, ``173-KH/BDVTU-UBNDTP`` (number, hyphen, type code, slash, issuers);
- hyphen and issuer only: ``108-SGDĐT`` (taken only after a type word).
A single space or line break may stand around a separator ("1050 /QĐ-SCT", "01- KL/TW").
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# Letters of Vietnamese text (Latin, Latin-1, Latin Extended, Vietnamese block). Explicit
# classes instead of \w: footnote markers (superscript digits) are \w but must not glue to
# a number ("1483/QĐ-SGDĐT¹").
LETTERS = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"
_CODE = rf"[A-ZĐƯ][A-Za-zĐđƯư&]{{0,14}}[0-9]{{0,2}}(?![{LETTERS}0-9])"
_SEP = r"[ \n]?"

NUMBER = (
    rf"(?<![{LETTERS}0-9/.\-])(?<![0-9]:)(?<![0-9]: )"
    rf"(?P<n>[0-9]{{1,5}}[a-zđ]?)(?:{_SEP}/{_SEP}(?P<y>(?:19|20)[0-9]{{2}}))?"
    rf"{_SEP}(?P<s>[/\-]){_SEP}(?P<sym>{_CODE}(?:{_SEP}[\-/]{_SEP}{_CODE}){{0,5}})"
)
NAMED = (
    rf"(?<![{LETTERS}])(?<!pháp )(?<!Pháp )(?<!PHÁP )"
    r"(?P<named>Bộ[ \n][Ll]uật|BỘ LUẬT|Luật|LUẬT|luật|Pháp[ \n]lệnh|PHÁP LỆNH|Hiến[ \n]pháp|HIẾN PHÁP)(?=[ \n])"
)
STANDARD = (
    rf"(?<![{LETTERS}0-9])(?P<std>(?:QCVN|TCVN)[ \n]?(?:ISO(?:/IEC)?[ \n]?)?"
    rf"[0-9][0-9A-Za-z.\-]{{0,12}}[ \n]?:[ \n]?(?:19|20)[0-9]{{2}}(?:/[A-ZĐ]{{2,8}})?)(?![{LETTERS}0-9])"
)
NOSYMBOL = (
    rf"(?<![{LETTERS}])(?P<so>[Ss]ố|SỐ)[ \n]?(?P<nn>[0-9]{{1,5}})(?=[ \n]?,?[ \n]?(?:ngày|của)[ \n])"
)
SCAN_RE = re.compile("|".join((NUMBER, NAMED, STANDARD, NOSYMBOL)))

# Dates: 29/10/2022, 29-10-2022, 29.10.2022, "26 tháng 11 năm 2021".
DATE = (
    r"(?P<d>[0-9]{1,2})[ ]?(?P<sep>[/.\-])[ ]?(?P<m>[0-9]{1,2})[ ]?(?P=sep)[ ]?(?P<y>(?:19|20)[0-9]{2})(?![0-9])"
    r"|(?P<d2>[0-9]{1,2})[ \n]+tháng[ \n]+(?P<m2>[0-9]{1,2})[ \n]*,?[ \n]*năm[ \n]+(?P<y2>(?:19|20)[0-9]{2})(?![0-9])"
)
DATE_RE = re.compile(DATE)
# "ngày 29/10/2022" right after a citation (optionally ", ban hành ngày …").
TAIL_DATE_RE = re.compile(r"[ \n]?,?[ \n]?(?:(?:ban hành|ký|được ban hành)[ \n])?ngày[ \n]+(?:" + DATE + ")")
TAIL_ISSUER_RE = re.compile(r"[ \n]?,?[ \n]?(?P<intro>của|do)[ \n]+")
TAIL_TERM_RE = re.compile(r"[ \n]?[(,]?[ \n]?(?:khóa|khoá|Khóa|Khoá)[ \n]+[IVXLC]{1,6}\b\)?")
TAIL_YEAR_RE = re.compile(r"[ \n]năm[ \n](?P<y>(?:19|20)[0-9]{2})(?![0-9])")
# Where a subject ("về việc …", a quoted title) starts after a citation.
SUBJECT_RE = re.compile(
    r"[ \n]?,?[ \n]?(?:(?P<intro>về việc|về|V/v|v/v)[ \n]*:?[ \n]*)?"
    r"(?:“(?P<q>[^”\n\t]{1,400})”|(?P<verb>(?:ban hành|quy định|hướng dẫn|phê duyệt)[ \n][^;\n\t]{1,300}))?"
)
SUBJECT_PLAIN_RE = re.compile(r"[^;\n\t(“]{1,300}")
NAME_CHUNK_RE = re.compile(r"[^,;:.()“”\"\t\n]{1,160}(?:\n(?![\-+•*]|[0-9]+[.)]|[a-zđ]\))[^,;:.()“”\"\t\n]{1,100})?")
# The "số" (and its colon) between a type word and a number.
SO_TAIL_RE = re.compile(r"(?:[ \n]|^)(?:[Ss]ố|SỐ)[ \n]?[:.]?[ \n]*$")
WORD_RE = re.compile(r"[^\s,;:()“”\"]+")
ROMAN_RE = re.compile(r"^[IVXLC]{1,6}\)?$")


@dataclass(frozen=True)
class Symbol:
    """The parts of a number's symbol: '04/2015/NĐ-CP' -> state, type code NĐ, issuers (CP,)."""

    system: str  # state | party
    type_code: str | None
    issuers: tuple[str, ...]
    units: tuple[str, ...]  # codes after the issuer in an official letter: 1235/SGDĐT-VP -> (VP,)


def compact(s: str) -> str:
    """A number as written with its spaces and line breaks removed: '01- KL/TW' -> '01-KL/TW'."""
    return re.sub(r"\s+", "", s)


def number_key(number: str) -> str:
    """The key two spellings of one number share: case, tone placement, spaces and '&' ignored."""
    from ..normalize import fold

    return fold(compact(number)).replace(" ", "").replace("&", "")


def make_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def date_parts(m: re.Match[str]) -> tuple[int, int, int]:
    """(year, month, day) of a DATE match, whichever form it took."""
    if m.group("d") is not None:
        return int(m.group("y")), int(m.group("m")), int(m.group("d"))
    return int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
