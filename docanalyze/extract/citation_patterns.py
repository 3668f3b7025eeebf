"""The citation grammar: compiled patterns and the small parsers around them.

Two single-pass patterns scan the whole text (numbers; then law titles, standards, numbers
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
import heapq
import re
from collections.abc import Iterator
from dataclasses import dataclass

# Letters of Vietnamese text (Latin, Latin-1, Latin Extended, Vietnamese block). Explicit
# classes instead of \w: footnote markers (superscript digits) are \w but must not glue to
# a number ("1483/QĐ-SGDĐT¹").
LETTERS = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"
# a code may end in digits: QH15, the Ban Chỉ đạo 389's BCĐ389, a police department's C06
_CODE = rf"[A-ZĐƯ][A-Za-zĐđƯư&]{{0,14}}[0-9]{{0,3}}(?![{LETTERS}0-9])"
_SEP = r"[ \n]?"

# A number starts at a digit that no letter, digit, slash, dot or hyphen precedes (checked by
# lookbehinds placed after the first digit, so that the engine can jump from digit to digit).
NUMBER = (
    rf"(?P<n>[0-9](?<![{LETTERS}0-9/.\-][0-9])(?<![0-9]:[0-9])(?<![0-9]: [0-9])[0-9]{{0,4}}[a-zđ]?)"
    rf"(?:{_SEP}/{_SEP}(?P<y>(?:19|20)[0-9]{{2}}))?"
    rf"{_SEP}(?P<s>[/\-]){_SEP}(?P<sym>{_CODE}(?:{_SEP}[\-/]{_SEP}{_CODE}){{0,5}})"
)
NUMBER_RE = re.compile(NUMBER)
# Words that open a citation without a symbol: "Luật …", "Bộ luật …", "Pháp lệnh …", "Hiến pháp",
# "QCVN 05A:2020/BCT", "số 1590 ngày …". The first character is matched by a plain class so
# that the engine skips everything else at C speed; the rest is told apart by lookbehinds.
WORDS = (
    r"[BLlPHQTSs](?:"
    r"(?<=B)(?P<blaw>ộ[ \n][Ll]uật)(?=[ \n])"
    r"|(?<=[Ll])(?P<law>uật)(?=[ \n])"
    r"|(?<=P)(?P<pl>háp[ \n]lệnh)(?=[ \n])"
    r"|(?<=H)(?P<hp>iến[ \n]pháp)(?![" + LETTERS + r"])"
    r"|(?<=[QT])(?P<std>CVN[ \n]?(?:ISO(?:/IEC)?[ \n]?)?[0-9][0-9A-Za-z.\-]{0,12}[ \n]?:[ \n]?(?:19|20)[0-9]{2}"
    r"(?:/[A-ZĐ]{2,8})?)(?![" + LETTERS + r"0-9])"
    r"|(?<=[Ss])(?P<so>ố)[ \n]?(?P<nn>[0-9]{1,5})(?=[ \n]?,?[ \n]?(?:ngày|của)[ \n])"
    r")"
)
WORDS_RE = re.compile(WORDS)
_LETTER_RE = re.compile(f"[{LETTERS}]")


def scan(text: str) -> Iterator[tuple[str, re.Match[str]]]:
    """Every citation anchor in text order: ("number", m), ("named", m), ("standard", m), ("nosymbol", m).

    Two single-pass patterns (numbers start with a digit, the rest with a letter), merged by
    position. A word anchor must not continue a longer word ("Luật" in "Pháp luật" is no title).
    """
    numbers = (("number", m) for m in NUMBER_RE.finditer(text))
    words = (_word_kind(text, m) for m in WORDS_RE.finditer(text))
    yield from heapq.merge(numbers, (w for w in words if w is not None), key=lambda km: km[1].start())


def _word_kind(text: str, m: re.Match[str]) -> tuple[str, re.Match[str]] | None:
    start = m.start()
    if start and _LETTER_RE.match(text, start - 1):
        return None
    if m.group("std") is not None:
        return "standard", m
    if m.group("nn") is not None:
        return "nosymbol", m
    if m.group("law") is not None and text[max(0, start - 5) : start].lower() in ("pháp ", "pháp\n"):
        return None  # "pháp luật"
    return "named", m


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
    from ..lexicon import fold_cached as fold

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
