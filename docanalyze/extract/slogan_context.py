"""What the words before a quote say it is: a cue (phương châm, phong trào, mô hình, chủ đề năm …),
the title of a document (Chỉ thị … về “…”, ban hành “…”, Đề án “…”), or the name of an office.

The cue, title and name word lists live in ``data/slogans.toml``. Matching is on
lower-cased NFC text; words whose tone is placed two ways (tọa/toạ) are listed both ways.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from ..lexicon import load_toml
from ..normalize import DASHES
from .slogan_lexicon import key

_W = r"\w"
_WORD_RE = re.compile(_W + r"+(?:[/.&-]" + _W + r"+)*")
_MAX_CUE_GAP = 8  # words between a cue and its quote ("chủ đề năm 2023 của thành phố")
# Where a clause ends: the words before it no longer introduce the quote.
_CLAUSE_END_RE = re.compile(r"[;\n\t!?]|\.(?=\s+[A-ZĐÀ-Ỹ“])|\.\s*$")
# A document number as Vietnamese documents write it: 1483/QĐ-SGDĐT, 05-CT/TW, 30c/NQ-CP.
_NUMBER = r"\d+[a-zđ]?(?:/\d{4})?\s*[/-]\s*[a-zđ&]+(?:[/-][a-zđ&0-9]+)*"
_DATE = (r"(?:ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}"
         r"|ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}|năm\s+\d{4})")
# After a citation's number: its date, its issuer, then "về"/"ban hành" — nothing that is a sentence.
# The issuer after "của": a body's name, which never holds the verbs of a sentence.
_ISSUER = (r"(?:(?!\b(?:gắn|hưởng ứng|thực hiện|triển khai|tổ chức|phát động|đẩy mạnh|tiếp tục|tham gia|"
           r"cùng với|nhằm|trong|đối với)\b)[^,;:“”]){1,90}?")
_CITATION_TAIL = (r"(?:\s*,?\s*" + _DATE + r")?(?:\s*,?\s*(?:của|do)\s+" + _ISSUER + r")?"
                  r"(?:\s*,?\s*(?:về việc|về|ban hành|v/v|với tên gọi|có tên))?\s*:?\s*$")


@dataclass(frozen=True)
class Cue:
    kind: str  # motto | style | movement | theme | model
    weak: bool  # only vouches for a list-shaped quote


@dataclass(frozen=True)
class Context:
    """The reading of the words before one quote."""

    reason: str | None  # cue | weak | title | name | None
    kind: str | None = None


_DASH_TABLE = dict.fromkeys(map(ord, DASHES), "-")


def low(text: str) -> str:
    """Lower-cased NFC with one dash; same length as ``text`` for Vietnamese."""
    return unicodedata.normalize("NFC", text).translate(_DASH_TABLE).lower()


def _alts(words: list[str]) -> str:
    folded = sorted({low(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in folded)


def _bounded(alts: str) -> str:
    return rf"(?<!{_W})(?:{alts})(?!{_W})"


@cache
def _data() -> dict:
    return load_toml("slogans.toml")


@cache
def _cue_res() -> list[tuple[re.Pattern[str], Cue]]:
    cues = _data()["cues"]
    out = []
    for kind, words in cues.items():
        if kind == "weak_motto":
            out.append((re.compile(_bounded(_alts(words))), Cue("motto", True)))
        else:
            out.append((re.compile(_bounded(_alts(words))), Cue(kind, False)))
    return out


@cache
def _breaker_re() -> re.Pattern[str]:
    return re.compile(_bounded(_alts(_data()["cue_breakers"]["words"])))


@cache
def _title_end_re() -> re.Pattern[str]:
    words = _alts(_data()["titles"]["before"])
    return re.compile(_bounded(words) + r"(?:\s+(?:số\s*)?[\w./-]*\d[\w./-]*)?\s*:?\s*$")


@cache
def _title_start_re() -> re.Pattern[str]:
    return re.compile(r"^" + _bounded(_alts(_data()["titles"]["starts"])))


@cache
def _doc_word_re() -> re.Pattern[str]:
    return re.compile(_bounded(_alts(_data()["titles"]["doc_words"])))


@cache
def _citation_re() -> re.Pattern[str]:
    return re.compile(_bounded(_alts(_data()["titles"]["doc_words"])) + r"[^;“”]{0,60}?" + _NUMBER + _CITATION_TAIL)


@cache
def _name_end_re() -> re.Pattern[str]:
    return re.compile(_bounded(_alts(_data()["names"]["before"])) + r"\s*:?\s*$")


@cache
def _shape_res() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(p), kind) for kind, pats in _data().get("shapes", {}).items() for p in pats]


@cache
def _counted_res() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(p), kind) for kind, p in _data().get("counted", {}).items()]


def counted_kind(tail: str) -> str | None:
    """The kind a count right before a quote gives it ("xây dựng 01 “Nhà nhân ái”": a model), if any."""
    return next((kind for pat, kind in _counted_res() if pat.search(tail)), None)


def shape_kind(phrase: str) -> str | None:
    """The kind a name's own shape gives it ("Năm …" a theme, "Ngày thứ Bảy …" a movement), if any."""
    return next((kind for pat, kind in _shape_res() if pat.match(phrase)), None)


@cache
def not_slogan_keys() -> frozenset[str]:
    return frozenset(key(p) for p in _data()["not_slogans"]["phrases"])


def clause_start(text: str, start: int, limit: int) -> int:
    """Where the clause that ends at ``start`` begins (not before ``limit``)."""
    window = text[max(limit, start - 300) : start]
    last = None
    for m in _CLAUSE_END_RE.finditer(window):
        last = m
    return start - len(window) + last.end() if last else max(limit, start - 300)


def find_cue(tail: str) -> Cue | None:
    """The cue that introduces a quote right after ``tail`` (lower-cased), if any.

    The nearest introducer wins: "Hội đồng Thi đua - Khen thưởng tặng danh hiệu “…”" and
    "danh hiệu thi đua “…”" name an honour, not a movement.
    """
    best: tuple[int, int, Cue] | None = None
    for pat, cue in _cue_res():
        for m in pat.finditer(tail):
            if best is None or m.end() > best[1] or (m.end() == best[1] and not cue.weak):
                best = (m.start(), m.end(), cue)
    if best is None:
        return None
    if _name_end_re().search(tail) or _title_end_re().search(tail):
        return None  # a name or title word stands nearer the quote than the cue
    gap = tail[best[1] :]
    if len(_WORD_RE.findall(gap)) > _MAX_CUE_GAP or re.search(r"[;.“”()]", gap) or _breaker_re().search(gap):
        return None
    if ":" in gap.rstrip()[:-1]:  # "các mô hình: “…”" yes; "mô hình: a; b: “…”" no
        return None
    return best[2]


@cache
def _topic_doc_re() -> re.Pattern[str]:
    t = _data()["titles"]
    return re.compile(r"^(?:" + _alts(t["topic_prefixes"]) + r")\s+" + _bounded(_alts(t["topic_docs"])))


def names_a_document(phrase: str) -> bool:
    """“Tìm hiểu Luật Đất đai năm 2024”: a contest named by the document it is on (its title, not a slogan)."""
    return bool(_topic_doc_re().search(low(phrase).strip()))


def starts_like_title(phrase: str) -> bool:
    """“Quy chế giám sát …”, “về đẩy mạnh …”, “ban hành Quy định …”: a document's title by its first words."""
    return bool(_title_start_re().search(low(phrase)))


def is_title(tail: str) -> bool:
    """The words before a quote name a document, program, article or event whose title it is."""
    if _title_end_re().search(tail):
        return True
    if re.search(r"(?:về|về việc)\s*:?\s*$", tail) and (_doc_word_re().search(tail) or re.search(_NUMBER, tail)):
        return True
    return bool(_citation_re().search(tail))


@cache
def _media_end_re() -> re.Pattern[str]:
    return re.compile(_bounded(_alts(_data()["titles"]["media"])) + r"\s*:?\s*$")


def after_media_title(tail: str) -> bool:
    """The quote names a column, page or topic ("chuyên trang “…”"), which a known slogan may name."""
    return bool(_media_end_re().search(low(tail)))


@cache
def _not_slogan_shape_res() -> list[re.Pattern[str]]:
    return [re.compile(p) for p in _data()["not_slogans"].get("shapes", [])]


def not_slogan_shape(phrase: str) -> bool:
    """“55 năm thực hiện Di chúc …”: an anniversary, never a slogan."""
    return any(rx.search(phrase.strip()) for rx in _not_slogan_shape_res())


def after_citation(gap: str) -> bool:
    """The words between a known citation and a quote are only its date, issuer and "về"."""
    return bool(re.match(_CITATION_TAIL, low(gap)))


def is_name(tail: str) -> bool:
    return bool(_name_end_re().search(tail))


# a term-long theme ("chuyên đề toàn khóa “…”") is as settled as a yearly one
_YEAR_RE = re.compile(r"\b(?:19|20)\d{2}\b|\bnăm\s+(?:nay|học)\b|\bhằng năm\b|\bcủa năm\b|\bchủ đề năm\b|\btoàn\s+kh(?:óa|oá)\b")


def read_context(tail: str, after: str = "") -> Context:
    """Cue first (a cue right before the quote wins over a citation further back), then title, then name.

    "chủ đề" makes a yearly theme only when a year is in sight ("chủ đề năm 2023 …",
    "chủ đề “…” năm 2023"); "Hội nghị với chủ đề “…”" names an event, not a slogan.
    """
    t = low(tail)
    cue = find_cue(t)
    # the year after the quote counts in its own clause only (not the next table cell's "Tháng 11/2024")
    after = re.split(r"[.;\t\n]", after[:40], maxsplit=1)[0]
    if cue is not None and cue.kind == "theme" and not (_YEAR_RE.search(t) or _YEAR_RE.search(low(after))):
        return Context("title")
    if cue is not None:
        return Context("weak" if cue.weak else "cue", cue.kind)
    if is_title(t):
        return Context("title")
    if is_name(t):
        return Context("name")
    counted = counted_kind(t)
    if counted is not None:
        return Context("cue", counted)
    return Context(None)


_FILLER = frozenset(["và", "các", "của", "với", "cho", "trong", "là", "có", "những", "một"])


def chant_shaped(phrase: str, min_parts: int = 3) -> bool:
    """A list of short parallel parts ("nghe dân nói, nói dân hiểu, làm dân tin")."""
    if len(phrase) > 200:
        return False
    parts = [key(p) for p in re.split(r"\s*(?:[,;]|\s-\s)\s*", phrase) if key(p)]
    if len(parts) < min_parts or any(len(p.split()) > 5 for p in parts) or sum(len(p.split()) for p in parts) > 25:
        return False
    if any(p in not_slogan_keys() for p in parts):
        return False
    words = [set(p.split()) - _FILLER for p in parts]
    shared = sum(1 for i, w in enumerate(words) if any(w & o for j, o in enumerate(words) if j != i))
    return shared >= 2 or (min_parts == 2 and len(parts) >= 2)


__all__ = ["Context", "Cue", "after_citation", "after_media_title", "chant_shaped", "clause_start", "find_cue",
           "is_name", "is_title", "names_a_document", "not_slogan_keys", "not_slogan_shape", "read_context",
           "shape_kind", "starts_like_title"]
