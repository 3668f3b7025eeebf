"""The header and closing of a document, per Nghị định 30/2020/NĐ-CP (Phụ lục I).

Top of the page: issuing body (and its parent) on the left, Quốc hiệu and motto
on the right; "Số: …/…" under the body, "Place, ngày … tháng … năm …" under
the motto; then the type word ("KẾ HOẠCH") and the trích yếu over one or more
lines, or for an official letter "V/v …" under the number. Bottom: "Nơi nhận:"
with its list, and the signer (KT./TM./TL. position, name).

Documents often arrive without parts of this (a text export that lost the
issuing body, a draft with blank number and date). Then we fall back on what
the number's code makes certain (BC-SGDĐT → Sở Giáo dục và Đào tạo) and on
the opening sentence ("Phòng Giáo dục và Đào tạo xây dựng Kế hoạch …").
"""
from __future__ import annotations

import datetime as dt
import re
from functools import cache

from ..items import Header, Signer
from ..lexicon import doc_types, issuer_by_code, load_toml, type_by_code
from ..model import Block, Document
from ..normalize import fold
from ..readers.language import is_syllable

NATIONAL_RE = re.compile(r"CỘNG\s+H(?:OÀ|ÒA|OA)\s+XÃ\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM", re.I)
PARTY_RE = re.compile(r"ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM")
MOTTO_RE = re.compile(r"Độc\s+lập\s*-?\s*Tự\s+do\s*-?\s*Hạnh\s+phúc", re.I)
RULE_RE = re.compile(r"^[\s\-_=*~.·•]+$")
NUMBER_LINE_RE = re.compile(r"(?:^|\n)\s*Số\s*[:.]?\s*(?P<num>[^\n]*?)\s*(?=\n|$|V/v|Về việc)", re.I)
DATE_LINE_RE = re.compile(
    r"(?P<place>[^\n,;:]{2,40}?)\s*,\s*(?P<date>ngày\s*(?P<d>\d{1,2}|[._…\s]*)\s*tháng\s*(?P<m>\d{1,2}|[._…\s]*)"
    r"\s*năm\s*(?P<y>\d{4}))",
    re.I,
)
VV_RE = re.compile(r"^\s*(?:V/v|Về\s+việc)\s*[:.]?\s*(?P<t>.+)", re.I | re.S)
KINH_GUI_RE = re.compile(r"^\s*Kính\s+gửi\s*:?\s*(?P<rest>.*)$", re.I | re.S)
NOI_NHAN_RE = re.compile(r"^\s*Nơi\s+nhận\s*:?", re.I)
# Lines that always open the body, and lines that open it when they read as a sentence.
BODY_START_RE = re.compile(
    r"^\s*(?:Căn\s+cứ|Kính\s+gửi|Xét\s|Trả\s+lời|Ngày\s+\d|Hôm\s+nay|Phần\s+(?:thứ\s+)?[IVX]|Chương\s+[IVX]|"
    r"Điều\s+1\b|[IVX]{1,4}\.\s|Phúc\s+đáp)",
    re.I,
)
SENTENCE_START_RE = re.compile(r"^\s*(?:Thực\s+hiện|Theo\s|Trên\s+cơ\s+sở|Để\s|Nhằm\s|Sau\s+khi|Tiếp\s+theo)", re.I)
AUTHORITY_RE = re.compile(r"^\s*(KT|TM|TL|TUQ|Q|PP)\s*\.\s*(.*)$", re.S)
NAME_RE = re.compile(r"^(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+|[A-ZĐÀ-Ỹ]{1,}\.?)(?:\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ]+){1,5}$")
POSITION_WORDS = re.compile(
    r"^(?:KT|TM|TL|TUQ|Q|PP)?\.?\s*(?:GIÁM\s+ĐỐC|PHÓ\s+GIÁM\s+ĐỐC|CHỦ\s+TỊCH|PHÓ\s+CHỦ\s+TỊCH|BỘ\s+TRƯỞNG|THỨ\s+TRƯỞNG|"
    r"TRƯỞNG|PHÓ\s+TRƯỞNG|CHÁNH|PHÓ\s+CHÁNH|HIỆU\s+TRƯỞNG|PHÓ\s+HIỆU\s+TRƯỞNG|BÍ\s+THƯ|PHÓ\s+BÍ\s+THƯ|CỤC\s+TRƯỞNG|"
    r"PHÓ\s+CỤC\s+TRƯỞNG|THỦ\s+TƯỚNG|PHÓ\s+THỦ\s+TƯỚNG|ỦY\s+BAN|UỶ\s+BAN|BAN\s|ĐẢNG\s+ỦY|CHI\s+BỘ|T/M|K/T|"
    r"TỔ\s+TRƯỞNG|ĐOÀN\s+KIỂM\s+TRA|THANH\s+TRA|VIỆN\s+TRƯỞNG|TỔNG\s+GIÁM\s+ĐỐC|CHÁNH\s+VĂN\s+PHÒNG|GIÁM\s+ĐỐC\s+SỞ)",
)
TITLE_YEAR_RE = re.compile(r"(?<!đến\s)(?<!tới\s)(?:năm\s+học\s+(\d{4})\s*-\s*\d{4}|năm\s+(\d{4})(?!\s*-\s*\d{4}))", re.I)
BODY_VERB_RE = re.compile(
    r"(?P<body>(?:Sở|Phòng|Ủy\s+ban|UBND|Ban|Trường|Văn\s+phòng|Cục|Bộ|Tổng\s+cục|Đảng\s+ủy|Chi\s+bộ|Công\s+đoàn|"
    r"Đoàn|Hội|Trung\s+tâm|Thanh\s+tra|Chi\s+cục|Viện|Học\s+viện|Đại\s+học|Bệnh\s+viện|Tòa\s+án|Công\s+an|"
    r"Bộ\s+Chỉ\s+huy|Liên\s+đoàn|Mặt\s+trận)[^.;:\n]{0,120}?)"
    r"\s*(?:\([^)]{1,30}\)\s*)?(?:xây\s+dựng|ban\s+hành|báo\s+cáo|thông\s+báo|hướng\s+dẫn|đề\s+nghị|tổng\s+kết)\b",
)

# The type words, upper-case as they stand alone on the title line, longest first.
_TYPE_WORDS = sorted({t.name for t in doc_types()} | {"Hướng dẫn liên ngành", "Kế hoạch liên tịch",
                                                       "Chương trình hành động", "Chương trình công tác"},
                     key=len, reverse=True)
_TITLE_LINE_RE = re.compile(
    r"^\s*(?P<word>" + "|".join(re.escape(w.upper()) for w in _TYPE_WORDS) + r")\b\s*(?P<rest>.*)$", re.S
)
_KIND_OF = {t.name.upper(): t for t in doc_types()}


# Words that open the name of a body in a header ("SỞ …", "UBND …", "TRƯỜNG …", "BCH ĐOÀN …").
BODY_HEAD_RE = re.compile(
    r"^\s*(?:BỘ|BAN|BCH|BTV|SỞ|PHÒNG|CỤC|CHI\s+CỤC|TỔNG\s+CỤC|UBND|ỦY\s+BAN|UỶ\s+BAN|HĐND|HỘI|ĐOÀN|ĐẢNG|"
    r"CHI\s+BỘ|TỈNH\s+ỦY|TỈNH\s+UỶ|THÀNH\s+ỦY|THÀNH\s+UỶ|HUYỆN\s+ỦY|HUYỆN\s+UỶ|QUẬN\s+ỦY|QUẬN\s+UỶ|THỊ\s+ỦY|"
    r"TRƯỜNG|TRUNG\s+TÂM|BỆNH\s+VIỆN|VIỆN|HỌC\s+VIỆN|ĐẠI\s+HỌC|VĂN\s+PHÒNG|THANH\s+TRA|CÔNG\s+AN|"
    r"BỘ\s+CHỈ\s+HUY|TÒA\s+ÁN|TOÀ\s+ÁN|VIỆN\s+KIỂM\s+SÁT|KHO\s+BẠC|NGÂN\s+HÀNG|LIÊN\s+ĐOÀN|CÔNG\s+ĐOÀN|"
    r"MẶT\s+TRẬN|HẠT|ĐỘI|TRẠM|CÔNG\s+TY|TẬP\s+ĐOÀN|CẢNG\s+VỤ|TỔ|THÔN|BẢN|ẤP|CHÍNH\s+PHỦ|QUỐC\s+HỘI|"
    r"THỦ\s+TƯỚNG|CHỦ\s+TỊCH|TỔNG\s+LIÊN\s+ĐOÀN|LIÊN\s+HIỆP|HỢP\s+TÁC\s+XÃ|BAN\s+QUẢN\s+LÝ|ĐÀI|BÁO|"
    r"NHÀ|CẢNH\s+SÁT|BIÊN\s+PHÒNG|QUÂN|LỮ|SƯ|TIỂU|KIỂM|[A-ZĐ]{2,}\b)"
)
ORG_NATIONAL_RE = re.compile(r"(?:VIỆT\s+NAM|HỒ\s+CHÍ\s+MINH)\s*$")
ORGAN_RE = re.compile(r"^\s*(?:BAN\s+THƯỜNG\s+VỤ|BAN\s+CHẤP\s+HÀNH|THƯỜNG\s+TRỰC|BAN\s+CHỈ\s+ĐẠO|BAN\s+TỔ\s+CHỨC|"
                      r"HỘI\s+ĐỒNG|BAN\s+THƯỜNG\s+TRỰC|BAN\s+BIÊN\s+TẬP|BAN\s+GIÁM\s+HIỆU|BAN\s+ĐẠI\s+DIỆN)\s*$")


def _is_issuer_line(s: str) -> bool:
    """An upper-case line naming a body (not the number, date, V/v, Kính gửi, or the type word)."""
    if NUMBER_LINE_RE.search(s) or DATE_LINE_RE.search(s) or VV_RE.match(s) or KINH_GUI_RE.match(s):
        return False
    if s != s.upper() or len(s) > 120 or (_TITLE_LINE_RE.match(s) and s.strip() in _KIND_OF):
        return False
    return len(re.findall(r"[^\W\d_]", s)) >= 2


def _opens_body(line: str) -> bool:
    """Is this the first line of the body rather than part of the title?

    "Thực hiện …" opens many titles too; as a body line it is a sentence that
    ends in ';', ',', ':' or '.', or runs long.
    """
    if BODY_START_RE.match(line):
        return True
    return bool(SENTENCE_START_RE.match(line)) and (line.rstrip().endswith((";", ",", ":", ".")) or len(line) > 220)


def _header_zone(doc: Document) -> list[Block]:
    """The blocks that can hold header lines: from the top to the first body paragraph (at most 25)."""
    zone = []
    for b in doc.blocks[:40]:
        if b.kind in ("table", "footnote"):
            if zone:
                break
            continue
        zone.append(b)
        if len(zone) >= 25:
            break
    return zone


def _clean_unit(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" -_.,;:")
    return name


@cache
def _abbreviations() -> tuple[re.Pattern[str], dict[str, str]]:
    table = load_toml("abbreviations.toml")["expand"]
    keys = sorted(table, key=len, reverse=True)
    return re.compile(r"(?<![\w&])(?:" + "|".join(re.escape(k) for k in keys) + r")(?![\w&])"), table


def expand_abbreviations(name: str) -> str:
    """'UBND TỈNH LÀO CAI' -> 'ỦY BAN NHÂN DÂN TỈNH LÀO CAI': abbreviated body names written out.

    An upper-case name stays upper case (the casing step that follows needs it whole); a
    name in normal case gets the expansion as the lexicon writes it.
    """
    rx, table = _abbreviations()
    out = rx.sub(lambda m: table[m.group()], name)
    # the body a Ban Chấp hành / Ban Thường vụ belongs to starts with a capital ("… Hội Nông dân …")
    return re.sub(r"(Ban (?:Chấp hành|Thường vụ|Chỉ đạo) )(\w)", lambda m: m.group(1) + m.group(2).upper(), out)


def display_name(name: str) -> str:
    """'ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH' -> 'Ủy ban nhân dân tỉnh Bình Định'.

    Upper-case names from a header are set in the usual case: a known body as
    the lexicon writes it, place types in lower case and the place or proper
    name after them (or after an acronym such as THCS) capitalised, codes kept.
    """
    if not name:
        return name
    if name != name.upper():
        return expand_abbreviations(name)
    return expand_abbreviations(_case_name(name))


def _case_name(name: str) -> str:
    known = {fold(i.name): i.name for i in issuer_by_code().values()}
    if fold(name) in known:
        return known[fold(name)]
    for phrase in _NAME_AFTER:  # "TRƯỜNG MẦM NON HOA SEN": the school's name follows its level
        name = re.sub(rf"(?<=\s){phrase.upper()}(?=\s)", phrase.upper().replace(" ", "_"), name)
    words = [w.replace("_", " ") for w in name.split()]
    out: list[str] = []
    proper = False
    for i, w in enumerate(words):
        if w.lower() in _NAME_AFTER:
            out.append(w.lower())
            proper = True
            continue
        lw = w.lower()
        if _is_code(w):
            out.append(w)
            proper = i > 0 or proper
            continue
        if lw in _PLACE_TRIGGERS or (lw in ("ủy", "uỷ") and out and out[-1].lower() in _PLACE_TRIGGERS | {"thành"}):
            out.append(lw if i else lw.capitalize())
            proper = lw not in ("thành", "thị", "khu")
            continue
        out.append(lw.capitalize() if proper or i == 0 else lw)
    result = " ".join(out)
    # known bodies keep their own capitals ("Sở Công Thương", "Giáo dục và Đào tạo")
    key = fold(result)
    for k, v in sorted(known.items(), key=lambda kv: -len(kv[0])):
        if key.startswith(k + " ") or key == k:
            rest = result[len(v):]
            if not proper and rest.strip() and not any(t in rest.lower().split() for t in _PLACE_TRIGGERS):
                rest = " " + " ".join(x if _is_code(x) else x.capitalize() for x in rest.split())
            return v + rest
    return result


_NAME_AFTER = ("trung học phổ thông", "trung học cơ sở", "tiểu học", "mầm non", "mẫu giáo", "phổ thông",
               "dân tộc nội trú", "khu vực")
_PLACE_TRIGGERS = {"tỉnh", "phố", "quận", "huyện", "xã", "phường", "trấn", "thành", "thị", "khu", "vực", "ấp",
                   "thôn", "bản", "làng", "tổ"}


def _is_code(word: str) -> bool:
    """Acronyms and codes keep their case: UBND, QĐ, 2872/QĐ-SCT, HĐND."""
    if any(ch.isdigit() for ch in word) or "/" in word:
        return True
    letters = re.sub(r"[^\w]|[\d_]", "", word)
    return len(letters) >= 2 and not is_syllable(letters)




def _parse_number(raw: str) -> tuple[str | None, str | None]:
    """'24 /HDLN-BCA' -> ('24/HDLN-BCA', 'HDLN-BCA'); '/BC-SGDĐT' -> ('/BC-SGDĐT', 'BC-SGDĐT')."""
    raw = raw.strip().rstrip(".,;")
    raw = re.split(r"\s{2,}|\t", raw)[0] if raw else raw
    # a PDF line that ran on into the place and date: "123/UBND-VP Lào Cai, ngày …"
    raw = re.split(r"\s+(?=[A-ZĐ][^\s,]*(?:\s+[A-ZĐ][^\s,]*){0,3}\s*,\s*ngày)", raw)[0]
    compact = re.sub(r"\s+", "", raw)
    if not compact or not re.search(r"[A-ZĐ]", compact):
        return (compact or None), None
    m = re.match(r"^[.…_]*(\d*[a-zA-Z]?)(?:/(\d{4}))?[/-]?(?P<sym>[^/].*)$", compact)
    symbol = m.group("sym") if m else None
    return compact, symbol


def _kind_from_symbol(symbol: str | None, party: bool) -> tuple[str | None, str | None]:
    """(kind, type name) from a symbol's type code: 'KH-SGDĐT' -> ('plan', 'Kế hoạch')."""
    if not symbol:
        return None, None
    first = re.split(r"[-/]", symbol)[0]
    for system in (("party", "state") if party else ("state", "party")):
        t = type_by_code(system).get(fold(first))
        if t is not None:
            return t.kind, t.name
    return None, None


def _issuer_from_symbol(symbol: str | None) -> str | None:
    """The issuing body the symbol's issuer code names ('BC-SGDĐT' -> Sở Giáo dục và Đào tạo)."""
    if not symbol:
        return None
    parts = [p for p in re.split(r"[-/]", symbol) if p]
    codes = issuer_by_code()
    type_codes = type_by_code("state")
    for p in parts:
        if fold(p) in type_codes and p is parts[0]:
            continue
        issuer = codes.get(fold(re.sub(r"\d+$", "", p)))
        if issuer is not None:
            return issuer.name
    return None


def parse_header(doc: Document) -> Header:
    h = Header()
    zone = _header_zone(doc)
    text = doc.text
    h.party = any(PARTY_RE.search(text[b.start : b.end]) for b in zone[:8])

    title_idx = None
    number_idx = None
    vv_idx = None
    for i, b in enumerate(zone):
        t = text[b.start : b.end]
        if number_idx is None:
            m = NUMBER_LINE_RE.search(t)
            if m and b.end - b.start < 200 and re.match(r"\s*[\d.…_ ]*\s*[/-]|\s*\d", m.group("num")):
                number_idx = i
                number, symbol = _parse_number(m.group("num"))
                if number:
                    h.number, h.symbol = number, symbol
                    h.spans["number"] = (b.start + m.start("num"), b.start + m.start("num") + len(m.group("num")))
        if h.date_year is None:
            m = DATE_LINE_RE.search(t)
            if m and b.end - b.start < 200:
                place = _clean_unit(m.group("place"))
                place = re.sub(r"^(?:\S*[\d/]\S*\s+)+", "", place)  # a PDF line that merged number and place
                h.place = place or None
                h.date_year = int(m.group("y"))
                d, mo = m.group("d").strip(" ._…"), m.group("m").strip(" ._…")
                h.date_text = re.sub(r"\s+", " ", m.group("date"))
                h.spans["date"] = (b.start + m.start(), b.start + m.end())
                h.spans["place"] = (b.start + m.start("place"), b.start + m.end("place"))
                if d.isdigit() and mo.isdigit():
                    try:
                        h.date = dt.date(h.date_year, int(mo), int(d))
                    except ValueError:
                        h.date = None
        if title_idx is None and vv_idx is None and i <= (number_idx or 0) + 3 and any(
                VV_RE.match(line) for line in t.split("\n")):
            vv_idx = i
        if title_idx is None and vv_idx is None:
            m = _TITLE_LINE_RE.match(t)
            if m and len(t) < 300 and (t.strip() == t.strip().upper() or b.bold or b.kind == "heading"
                                       or m.group("rest")[:1].islower()) and \
                    not NATIONAL_RE.search(t) and not NUMBER_LINE_RE.search(t):
                title_idx = i
                word = m.group("word")
                t_type = _KIND_OF.get(word)
                h.kind_name = t_type.name if t_type else word.capitalize()
                h.kind = t_type.kind if t_type else "other"
                if word.startswith("KẾ HOẠCH"):
                    h.kind, h.kind_name = "plan", "Kế hoạch"
                elif word.startswith("CHƯƠNG TRÌNH"):
                    h.kind, h.kind_name = "other", "Chương trình"
                elif word.startswith("HƯỚNG DẪN"):
                    h.kind, h.kind_name = "other", "Hướng dẫn"
                h.spans["kind"] = (b.start + m.start("word"), b.start + m.end("word"))
                rest = m.group("rest").strip()
                title_lines = [rest] if rest else []
                title_start = b.start + m.start("rest") if rest else None
                title_end = b.end if rest else None
                for nb in zone[i + 1 :]:
                    nt = text[nb.start : nb.end].strip()
                    if not nt or RULE_RE.match(nt):
                        if title_lines:
                            break
                        continue
                    if _opens_body(nt) or len(nt) > 300 or nb.kind == "list_item" and title_lines:
                        break
                    if title_lines and nt == nt.upper() and len(nt) > 3:  # "GIÁM ĐỐC SỞ …" authority line
                        break
                    if title_lines and len(title_lines) >= 4:
                        break
                    title_lines.append(nt)
                    title_start = nb.start if title_start is None else title_start
                    title_end = nb.end
                    if nt.endswith((".", ";")):
                        break
                if title_lines:
                    h.title = re.sub(r"\s+", " ", " ".join(title_lines)).strip()
                    h.spans["title"] = (title_start or b.start, title_end or b.end)
                    h.body_start = title_end or b.end
                else:
                    h.body_start = b.end

    # issuing body: upper-case lines at the top, left of the Quốc hiệu, before the number
    lines: list[tuple[str, int, int]] = []
    has_header = number_idx is not None or any(
        NATIONAL_RE.search(text[b.start : b.end]) or PARTY_RE.search(text[b.start : b.end]) for b in zone[:8])
    stop = number_idx if number_idx is not None else (title_idx if title_idx is not None else min(len(zone), 6))
    closed = False  # the right column (Quốc hiệu or an organisation's national name) has begun
    for b in zone[: stop + 1 if number_idx is not None else stop]:
        t = text[b.start : b.end]
        off = b.start
        for line in t.split("\n"):
            ls = off
            off += len(line) + 1
            s = line.strip()
            national = False
            for rx in (NATIONAL_RE, PARTY_RE, MOTTO_RE):
                mm = rx.search(s)
                if mm:
                    s = s[: mm.start()].strip()
                    national = True
            if not national and lines and s == s.upper() and ORG_NATIONAL_RE.search(s):
                closed = True  # "HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM", "ĐOÀN TNCS HỒ CHÍ MINH" on the right
                continue
            if s and not RULE_RE.match(s) and not closed and _is_issuer_line(s):
                lines.append((s, ls, ls + len(line)))
            elif national and lines and not s:
                closed = True  # the Quốc hiệu on its own line: the left column is done
    # a name wrapped over two lines ("CHI CỤC THUẾ KHU VỰC" / "VĨNH YÊN - TAM DƯƠNG"): a line that does
    # not open with the head word of a body continues the one above it
    merged: list[tuple[str, int, int]] = []
    for line in lines:
        if merged and not BODY_HEAD_RE.match(line[0]) and not ORGAN_RE.match(line[0]):
            prev = merged[-1]
            merged[-1] = (f"{prev[0]} {line[0]}", prev[1], line[2])
        else:
            merged.append(line)
    lines = merged
    if lines and has_header:
        last = display_name(_clean_unit(lines[-1][0]))
        parent = display_name(_clean_unit(lines[-2][0])) if len(lines) >= 2 else None
        if parent and ORGAN_RE.match(lines[-1][0]):  # "BAN THƯỜNG VỤ" of the body above it
            words = last.split()
            if words[0] == "Ban" and len(words) > 1:  # Ban Thường vụ, Ban Chấp hành, Ban Chỉ đạo
                words[1] = words[1].capitalize()
            last = f"{' '.join(words)} {parent}"
        h.issuer, h.parent_issuer, h.issuer_source = last, parent, "header"
        h.spans["issuer"] = (lines[-1][1], lines[-1][2])

    # official letter: "V/v …" in the header zone
    if h.title is None:
        for b in zone[: (number_idx or 0) + 4]:
            t = text[b.start : b.end]
            for line_m in re.finditer(r"(?m)^.*$", t):
                m = VV_RE.match(line_m.group())
                if m:
                    rest = t[line_m.start() + m.start("t"):]
                    h.title = re.sub(r"\s+", " ", rest.split("\n\n")[0]).strip()
                    h.spans["title"] = (b.start + line_m.start() + m.start("t"), b.end)
                    if h.kind == "other":
                        h.kind, h.kind_name = "official_letter", "Công văn"
                    h.body_start = max(h.body_start, b.end)
                    break
            if h.title:
                break

    kind, type_name = _kind_from_symbol(h.symbol, h.party)
    if h.kind_name is None:
        if kind:
            h.kind, h.kind_name = kind, type_name
        elif h.symbol or any(KINH_GUI_RE.match(text[b.start : b.end]) for b in zone):
            h.kind, h.kind_name = "official_letter", "Công văn"

    if h.issuer is None:
        code_issuer = _issuer_from_symbol(h.symbol)
        if code_issuer:
            h.issuer, h.issuer_source = code_issuer, "code"
    if h.issuer is None and h.kind_name is not None:
        opening = text[h.body_start : h.body_start + 3000]
        m = BODY_VERB_RE.search(opening)
        if m and len(m.group("body").split()) <= 14 and "," not in m.group("body"):
            body = re.sub(r"\s+", " ", m.group("body")).strip(" ,")
            h.issuer, h.issuer_source = body, "body"
            h.spans["issuer"] = (h.body_start + m.start("body"), h.body_start + m.end("body"))

    if h.body_start == 0 and zone:
        last_header = max([number_idx or 0, title_idx or 0])
        h.body_start = zone[last_header].end if (number_idx is not None or title_idx is not None) else 0

    h.year = _document_year(h)
    _recipients(doc, h, zone)
    _closing(doc, h)
    _annexes(doc, h)
    return h


ANNEX_NOTE_RE = re.compile(r"^\s*\(?\s*(?:\(\s*)?(?:Ban\s+hành\s+)?(?:kèm\s+theo|theo)\s+(?:Quyết\s+định|Kế\s+hoạch|Công\s+văn|"
                           r"Nghị\s+quyết|Chỉ\s+thị|Thông\s+tư|Nghị\s+định|Văn\s+bản|Báo\s+cáo|QĐ|KH|CV)", re.I)
PHU_LUC_RE = re.compile(r"^\s*PH[ỤU]\s+L[ỤU]C\b(?:\s+(?:số\s+)?[0-9IVXLC]+[a-z]?\b)?\s*[:.]?", re.I)


def _annexes(doc: Document, h: Header) -> None:
    """Documents issued with this one in the same file: the plan a decision issues, a PHỤ LỤC.

    An annex opens with a type word alone on its line ("KẾ HOẠCH") or "PHỤ LỤC", and is known by the
    note under its title ("(Ban hành kèm theo Quyết định số … )") or by standing after the main
    document's signature.
    """
    from ..items import Annex

    text = doc.text
    blocks = [b for b in doc.blocks if b.kind != "footnote" and b.start < doc.body_end]
    after_closing = h.body_end if h.body_end is not None else None
    found: list[Annex] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.start < h.body_start or b.kind == "table":
            i += 1
            continue
        t = text[b.start : b.end].strip()
        m_type = _TITLE_LINE_RE.match(t)
        is_type = bool(m_type) and t == t.upper() and not m_type.group("rest").strip() and len(t) < 60
        m_pl = PHU_LUC_RE.match(t)
        if not (is_type or (m_pl and len(t) < 200)):
            i += 1
            continue
        # the title lines and the note
        note_at = None
        title_lines: list[str] = []
        if m_pl and t[m_pl.end():].strip():
            title_lines.append(t[m_pl.end():].strip())
        j = i + 1
        while j < len(blocks) and j <= i + 5 and blocks[j].kind != "table":
            nt = text[blocks[j].start : blocks[j].end].strip()
            if ANNEX_NOTE_RE.match(nt):
                note_at = j
                break
            if _opens_body(nt) or len(nt) > 250 or marker_like(nt):
                break
            title_lines.append(nt)
            j += 1
        confirmed = note_at is not None or (after_closing is not None and b.start >= after_closing)
        if not confirmed:
            i += 1
            continue
        title_end_block = blocks[note_at] if note_at is not None else blocks[max(i, j - 1)]
        if is_type:
            word = m_type.group("word")
            t_type = _KIND_OF.get(word)
            kind_name = t_type.name if t_type else word.capitalize()
            kind = t_type.kind if t_type else "other"
            if word.startswith("KẾ HOẠCH"):
                kind, kind_name = "plan", "Kế hoạch"
        else:
            kind_name = "Phụ lục"
            kind = h.kind if h.kind in ("plan", "report", "directive") else "other"
            if found:
                kind = found[-1].kind if found[-1].kind in ("plan", "report") else kind
        title = re.sub(r"\s+", " ", " ".join(title_lines)).strip() or None
        found.append(Annex(kind=kind, kind_name=kind_name, title=title, start=b.start,
                           title_end=title_end_block.end, end=doc.body_end))
        i = (note_at if note_at is not None else j - 1) + 1
    for k in range(len(found) - 1):
        found[k].end = found[k + 1].start
    h.annexes = found
    if found and (h.body_end is None or h.body_end > found[0].start):
        h.body_end = found[0].start


def marker_like(line: str) -> bool:
    """A line that opens with a section or list marker (I., 1., a), -) rather than a title."""
    return bool(re.match(r"^(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s|^[-+•]\s", line))


def _document_year(h: Header) -> int | None:
    """The year the document is about: the title's, else the date's (a letter's year is its date's)."""
    if h.kind == "official_letter" and h.date_year:
        return h.date_year
    if h.title:
        years = []
        for m in TITLE_YEAR_RE.finditer(h.title):
            y = next(g for g in m.groups() if g)
            years.append(int(y))
        if years:
            return years[0]  # "kết quả năm 2024, phương hướng năm 2025" is about 2024
    return h.date_year


def _recipients(doc: Document, h: Header, zone: list[Block]) -> None:
    text = doc.text
    for b in zone:
        t = text[b.start : b.end]
        m = KINH_GUI_RE.match(t)
        if not m:
            continue
        rest = m.group("rest").strip()
        items = [rest] if rest else []
        for nb in doc.blocks[doc.blocks.index(b) + 1 : doc.blocks.index(b) + 15]:
            nt = text[nb.start : nb.end].strip()
            if nt.startswith(("-", "+", "•")) and len(nt) < 200:
                items.append(nt)
                h.body_start = max(h.body_start, nb.end)
            elif items and not items[-1].rstrip().endswith((";", ".")) and len(nt) < 100 and nt[:1].islower():
                items[-1] += " " + nt
                h.body_start = max(h.body_start, nb.end)
            else:
                break
        h.recipients = [_clean_item(x) for x in items for x in x.split("\n") if _clean_item(x)]
        h.body_start = max(h.body_start, b.end)
        break


def _clean_item(s: str) -> str:
    return s.strip().lstrip("-+•").strip().rstrip(";.,").strip()


def _closing(doc: Document, h: Header) -> None:
    """Nơi nhận and the signer, searched from the end of the body."""
    text = doc.text
    body_blocks = [b for b in doc.blocks if b.kind != "footnote"]
    n = len(body_blocks)
    start_search = max(0, n - 45)
    noi_nhan_idx = None
    for i in range(n - 1, start_search - 1, -1):
        t = text[body_blocks[i].start : body_blocks[i].end]
        if NOI_NHAN_RE.match(t):
            noi_nhan_idx = i
            break
    closing_start = None
    if noi_nhan_idx is not None:
        b = body_blocks[noi_nhan_idx]
        closing_start = b.start
        t = text[b.start : b.end]
        items = [x for x in (_clean_item(x) for x in NOI_NHAN_RE.sub("", t).split("\n")) if x]
        j = noi_nhan_idx + 1
        while j < n:
            nt = text[body_blocks[j].start : body_blocks[j].end].strip()
            if nt.startswith(("-", "+", "•")) and len(nt) < 250:
                items.extend(x for x in (_clean_item(x) for x in nt.split("\n")) if x)
                j += 1
            else:
                break
        h.distribution = items
        h.spans["distribution"] = (b.start, body_blocks[j - 1].end)
    # signer: upper-case position lines followed by a name, near the end
    first_body = next((k for k, blk in enumerate(body_blocks) if blk.start >= h.body_start), n)
    signer_range = range(max(first_body, n - 25), n)  # never the header's own "BAN THƯỜNG VỤ" lines
    best: Signer | None = None
    for i in signer_range:
        b = body_blocks[i]
        t = text[b.start : b.end].strip()
        lines = [x.strip() for x in t.split("\n") if x.strip()]
        if not lines or not POSITION_WORDS.match(lines[0]) or lines[0] != lines[0].upper() or len(t) > 200:
            continue
        position_lines = [x for x in lines if x == x.upper()]
        name = None
        rest_lines = [x for x in lines if x != x.upper()]
        for x in rest_lines:
            if NAME_RE.match(x):
                name = x
        k = i + 1
        while name is None and k < min(n, i + 6):
            nt = text[body_blocks[k].start : body_blocks[k].end].strip()
            if nt == nt.upper() and POSITION_WORDS.match(nt) and len(nt) < 80:
                position_lines.append(nt)
            elif NAME_RE.match(nt):
                name = nt
                break
            elif re.match(r"^\(?(?:Đã\s+ký|ký|Ký\s+tên|Chữ\s+ký)", nt, re.I) or len(nt) < 3:
                pass
            elif noi_nhan_idx is not None and k == noi_nhan_idx:
                pass
            else:
                break
            k += 1
        authority = None
        on_behalf = None
        m = AUTHORITY_RE.match(position_lines[0])
        if m:
            authority = m.group(1) + "."
            on_behalf = m.group(2).strip() or None
            position = position_lines[1] if len(position_lines) > 1 else on_behalf
        else:
            position = position_lines[-1] if position_lines else None
        if position is None and name is None:
            continue
        end_block = body_blocks[min(k, n - 1)]
        best = Signer(authority=authority, position=position, name=name, on_behalf_of=on_behalf,
                      start=b.start, end=end_block.end if name else b.end)
        if closing_start is None or b.start < closing_start:
            closing_start = b.start if closing_start is None else min(closing_start, b.start)
        if name:
            break
    h.signer = best
    if closing_start is not None and closing_start > h.body_start:
        h.body_end = closing_start
