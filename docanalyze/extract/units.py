"""Who does the work: lead and partner units as a task names them.

Units are written as noun phrases that open with a conventional head word
("Văn phòng Sở", "Phòng Tổ chức cán bộ", "UBND các xã", "các phòng CMNV Sở",
"Hiệu trưởng các trường …"). A task states them in a table cell, after a label
("Đơn vị thực hiện: …", "Phối hợp: …"), as the subject of the sentence
("Hiệu trưởng các trường … căn cứ Kế hoạch này …"), around "chủ trì" and
"phối hợp với", or as the heading of the work listed under it in
TỔ CHỨC THỰC HIỆN ("1. Văn phòng Sở"). The head words, the words that end a
subject and the labels are data (``data/units.toml``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lexicon import alternation as _alt
from ..lexicon import load_toml


@dataclass(frozen=True)
class _Lexicon:
    head: re.Pattern[str]
    ambiguous: re.Pattern[str]
    determiner: re.Pattern[str]
    subject_end: re.Pattern[str]
    partner_end: re.Pattern[str]
    assign: re.Pattern[str]
    label: re.Pattern[str]
    not_unit: re.Pattern[str]
    not_compound: re.Pattern[str]
    roles: dict[str, str]


@cache
def _lex() -> _Lexicon:
    data = load_toml("units.toml")
    roles: dict[str, str] = {}
    for role, key in (("lead", "lead_labels"), ("partners", "partner_labels"), ("time", "time_labels"),
                      ("other", "other_labels")):
        for w in data[key]:
            roles[" ".join(w.lower().split())] = role
    labels = _alt(list(roles))
    return _Lexicon(
        head=re.compile(rf"(?:{_alt(data['heads'])})(?!\w)", re.I),
        ambiguous=re.compile(rf"(?:{_alt(data['ambiguous_heads'])})(?!\w)", re.I),
        determiner=re.compile(rf"(?:{_alt(data['determiners'])})\s+(?:{_alt(data['plural_nouns'])})(?!\w)", re.I),
        # "các tổ chức chính trị - xã hội" is a noun phrase, not the verb "tổ chức" that ends a subject
        subject_end=re.compile(
            rf"\s*(?::|(?<!\w)(?<!các\s)(?<!những\s)(?<!Các\s)(?:{_alt(data['subject_ends'])})(?!\w))"),
        partner_end=re.compile(rf"\s*(?:[;.:(\n]|(?<!\w)(?:{_alt(data['partner_ends'])})(?!\w))"),
        assign=re.compile(rf"^(?:(?:{_alt(data['assign_prefixes'])})\s+)+", re.I),
        label=re.compile(
            rf"(?:^|(?<=[\n;.(])|(?<=[\n;.(]\s)|(?<=[\n;.(]\s\s))[-+•*\s]*(?P<label>{labels})\s*:\s*", re.I),
        not_unit=re.compile(rf"^(?:{_alt(data['not_units'] + list(roles))})(?!\w)", re.I),
        not_compound=re.compile(rf"(?:{_alt(data['not_compounds'])})(?!\w)", re.I),
        roles=roles,
    )


def unit_at(text: str, pos: int = 0) -> int:
    """Length of the unit head word(s) at ``text[pos:]`` ("Văn phòng", "các phòng", "Phòng" + capital), or 0."""
    lex = _lex()
    for rx in (lex.determiner, lex.head):
        m = rx.match(text, pos)
        if m:
            return m.end() - pos
    m = lex.ambiguous.match(text, pos)
    if m and m.group().isupper() and len(m.group()) > 1:  # an all-caps heading: capitals say nothing
        return 0 if lex.not_compound.match(text, pos) or not text[m.end():m.end() + 1].isspace() else m.end() - pos
    if m:
        rest = text[m.end():]
        nxt = rest.lstrip(" ")
        if nxt and rest[:1] == " " and (nxt[0].isupper() or nxt[0].isdigit()):
            return m.end() - pos
    return 0


def _heads(text: str) -> list[int]:
    """Offsets where a unit name may begin (word starts followed by a head word)."""
    return [m.start() for m in re.finditer(r"(?<!\w)\w", text) if unit_at(text, m.start())]


def clean_unit(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,;:.-+•\t\n")
    name = re.sub(r"\s*\((?:nếu có|nếu cần|để [^)]*)\)$", "", name)
    return name.strip(" ,;:.")


def split_units(text: str) -> list[str]:
    """A cell or phrase listing units, one name each: "Các phòng CMNV Sở, đơn vị thuộc Sở" -> 2 names.

    Commas and semicolons separate units, but a piece that does not open with a
    unit head stays with the one before ("UBND các xã, thị trấn"); "và" does not
    separate ("Văn phòng HĐND và UBND huyện" is one office).
    """
    text = re.sub(r"(?:^|\n)\s*[-+•*]\s*", "\n", text)
    pieces = re.split(r"[;\n]|,(?=\s)|,$", text)
    out: list[str] = []
    for piece in pieces:
        p = clean_unit(piece) if piece.strip() else ""
        if not p:
            continue
        if out and not unit_at(p) and not p[:1].isupper():
            out[-1] = f"{out[-1]}, {p}"
        else:
            out.append(p)
    return [u for u in out if u]


def subject_unit(text: str) -> str | None:
    """The unit a sentence opens with, as its subject: "Văn phòng Sở chủ trì …" -> "Văn phòng Sở"."""
    lex = _lex()
    s = text.lstrip(" -+•*\t")
    s = lex.assign.sub("", s)
    if not unit_at(s):
        return None
    m = lex.subject_end.search(s, unit_at(s))
    if not m or m.start() > 160:
        return None
    name = clean_unit(s[: m.start()])
    return name if 0 < len(name.split()) <= 40 else None


def unit_heading(title: str) -> tuple[str, int | None] | None:
    """The unit a heading names ("Các đơn vị giáo dục", "Trách nhiệm của Văn phòng Sở"), if it is one.

    Returns (unit, offset of the text after "unit:" or None). A heading that is a
    sentence ("Văn phòng Sở chủ trì …") is a task, not a unit heading.
    """
    lex = _lex()
    stripped = title.strip().rstrip(".:").strip()
    m = lex.assign.match(stripped)
    body = stripped[m.end():] if m else stripped
    skip = len(title) - len(title.lstrip()) + (m.end() if m else 0)
    colon = body.find(":")
    if 0 < colon < 120:
        name = clean_unit(body[:colon])
        rest = body[colon + 1 :]
        if name and _names_unit(name) and len(name.split()) <= 20:
            return name, (skip + colon + 1 + len(rest) - len(rest.lstrip())) if rest.strip() else None
        return None
    if not unit_at(body):
        return None
    if len(body.split()) > 20 or lex.subject_end.search(body, unit_at(body)):
        return None
    return clean_unit(body), None


def _names_unit(name: str) -> bool:
    """A short phrase that can only be a unit: a head word, or a capitalized noun phrase with no verb
    ("Liên đội", "Khối dân vận xã") that is not a label ("Thời gian", "Mục tiêu")."""
    lex = _lex()
    if lex.not_unit.match(name):
        return False
    if unit_at(name):
        return not lex.subject_end.search(name, unit_at(name))
    return (name[:1].isupper() and len(name.split()) <= 8 and not lex.subject_end.search(name.lower())
            and not re.search(r"\d", name))


def lead_in_text(text: str) -> list[str]:
    """Units placed before "chủ trì" ("giao Văn phòng Sở chủ trì, …")."""
    out: list[str] = []
    for m in re.finditer(r"(?<!\w)chủ\s+trì(?!\s*:)(?!\w)", text):
        clause_start = max(text.rfind(c, 0, m.start()) for c in ";.:()\n") + 1
        clause = text[clause_start : m.start()]
        bare = clean_unit(_lex().assign.sub("", clause.strip()))
        if bare and unit_at(bare) and "," not in bare and len(bare.split()) <= 10:
            # the whole clause before "chủ trì" is one name, even with a verb-like word inside it
            # ("(Phòng Quản lý xây dựng chủ trì; …)", "Phó Chánh án phụ trách hình sự chủ trì")
            out.append(bare)
            continue
        for h in _heads(clause):
            piece = clause[h:]
            if not _lex().subject_end.search(piece, unit_at(piece)):
                out.extend(split_units(piece))
                break
        else:
            bare = clean_unit(_lex().assign.sub("", clause.strip()))
            if bare and _names_unit(bare) and len(bare.split()) <= 6:
                out.append(bare)
    return dedupe_units(out)


def aside_lead(text: str) -> list[str]:
    """The units of a who/when aside that closes a task without saying "chủ trì": "… (Hạt Kiểm lâm các huyện,
    thành phố; Quý II - Quý III/2024)." — the units named first in the parentheses do the work."""
    m = re.search(r"\(([^()]{3,200})\)\W*$", text)
    if not m:
        return []
    first = m.group(1).split(";")[0]
    if ";" not in m.group(1) or not unit_at(first.strip()) or re.search(r"\bphối\s+hợp\b", first, re.I):
        return []
    if _lex().subject_end.search(first.strip(), unit_at(first.strip())):
        return []
    units = split_units(first)
    return units if units and all(unit_at(u) for u in units) else []


# A closing who-sentence after the work: "Các Thẩm phán được phân công thực hiện; cả năm.", "Giao Phòng Quản lý
# môi trường thực hiện thường xuyên.", "Công đoàn cơ sở phối hợp với Chánh án thực hiện; Tháng 02/2024."
_CLOSING_VERB_RE = re.compile(
    r"^\s*(?:được\s+(?:phân\s+công|giao)\s+)?(?:chủ\s+trì|thực\s+hiện|phụ\s+trách|"
    r"phối\s+hợp\s+với\s+[^;.]{1,80}?\s+thực\s+hiện)(?!\w)(?P<rest>[^.]*)$", re.I)


def closing_lead(text: str) -> list[str]:
    """The unit of a short sentence that closes a task by naming who does it ("… đúng quy định. Các Thẩm phán
    được phân công thực hiện; cả năm."). Only a sentence after the work, and only a bare who(-when) statement:
    the words after the verb are a time or a manner, never more work."""
    sentences = re.split(r"(?<=[.!?])\s+(?=\S)", text.strip().rstrip("."))
    if len(sentences) < 2:
        return []
    last = sentences[-1]
    unit = subject_unit(last)
    if not unit:
        return []
    after = _lex().assign.sub("", last.lstrip(" -+•*\t"))
    pos = after.find(unit)
    m = _CLOSING_VERB_RE.match(after[pos + len(unit):]) if pos >= 0 else None
    if m is None or len(m.group("rest").split(";")[0].split()) > 3:
        return []
    return split_units(unit)


_BEFORE_PARTNER_RE = re.compile(r"(?<!\w)phối\s+hợp(?=\s*(?:[;.)]|$))", re.I)


def partners_before(text: str) -> list[str]:
    """Units named before a closing "phối hợp": "(Phòng X chủ trì, Sở Y phối hợp; Quý II/2024)",
    "Chánh án chủ trì, Bộ phận Văn phòng phối hợp; thường xuyên"."""
    out: list[str] = []
    for m in _BEFORE_PARTNER_RE.finditer(text):
        start = max(text.rfind(c, 0, m.start()) for c in ";.:()\n") + 1
        clause = text[start : m.start()]
        lead = re.search(r"(?<!\w)chủ\s+trì\s*,\s*", clause, re.I)
        if lead is None:
            continue
        piece = clean_unit(clause[lead.end():])
        if piece and unit_at(piece) and len(piece.split()) <= 20 and not _lex().subject_end.search(
                piece, unit_at(piece)):
            out.extend(split_units(piece))
    return dedupe_units(out)


_PARTNER_RE = re.compile(
    r"(?<!\w)phối\s+hợp(?:\s+(?:chặt\s+chẽ|tốt|thường\s+xuyên|cùng\s+với|với|cùng))*\s+", re.I)


def partners_in_text(text: str) -> list[str]:
    """Units after "phối hợp (với)": "phối hợp với các sở, ngành liên quan thực hiện …"."""
    out: list[str] = []
    for m in _PARTNER_RE.finditer(text):
        if text[m.end() - 1 :].startswith(":"):
            continue
        rest = text[m.end() :]
        if not (unit_at(rest) or rest[:1].isupper() or re.match(r"(?:các|những)\s", rest)):
            continue
        end = _lex().partner_end.search(rest, unit_at(rest) or len(rest.split(" ", 1)[0]))
        phrase = rest[: end.start() if end else min(len(rest), 160)]
        out.extend(split_units(phrase[:200]))
    return dedupe_units(out)


@dataclass
class Label:
    role: str  # lead | partners | time | other
    label: str
    value: str
    start: int  # offsets of the value in the text given
    end: int


def labels_in(text: str) -> list[Label]:
    """Labelled fields: "Thời gian: Quý II/2024", "Đơn vị thực hiện: …", "Chủ trì: X; Phối hợp: Y"."""
    lex = _lex()
    hits = list(lex.label.finditer(text))
    out: list[Label] = []
    for k, m in enumerate(hits):
        limit = hits[k + 1].start() if k + 1 < len(hits) else len(text)
        seg = text[m.end() : limit]
        stop = re.search(r"\n|\.(?=\s|$)", seg)
        value_end = m.end() + (stop.start() if stop else len(seg))
        value = text[m.end() : value_end].rstrip(" ,;")
        if not value.strip():
            continue
        role = lex.roles.get(" ".join(m.group("label").lower().split()), "other")
        out.append(Label(role, m.group("label"), value, m.end(), m.end() + len(value)))
    return out


def dedupe_units(units: list[str]) -> list[str]:
    """Each unit once, in order, whatever its case."""
    seen: set[str] = set()
    out = []
    for u in units:
        k = u.lower()
        if k not in seen:
            seen.add(k)
            out.append(u)
    return out


_ROLE_IN_VALUE_RE = re.compile(r"(?<!\w)(?P<role>chủ\s+trì|phối\s+hợp)(?!\w)", re.I)


def units_of_label(value: str) -> tuple[list[str], list[str]]:
    """A unit label's value: "X chủ trì; Y phối hợp" -> ([X], [Y]); "X; Y" -> ([X, Y], [])."""
    parts = [p for p in re.split(r";", value) if p.strip()]
    lead: list[str] = []
    partners: list[str] = []
    tagged = False
    for p in parts:
        m = _ROLE_IN_VALUE_RE.search(p)
        names = split_units(_ROLE_IN_VALUE_RE.sub("", p))
        if m and m.group("role").lower().startswith("phối"):
            partners += names
            tagged = True
        else:
            lead += names
            tagged = tagged or bool(m)
    return lead, partners
