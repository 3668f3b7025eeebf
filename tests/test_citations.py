"""Citation finding: (text, expected) tables for every form real documents use, and the corpus."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from docanalyze.extract.citations import find_citations, resolve_citations
from docanalyze.model import Document
from docanalyze.readers import from_text, load
from docanalyze.structure.header import parse_header


def doc_of(text: str) -> Document:
    """A document read from text the way a .txt/.md file is read (footnotes, tables)."""
    return from_text(text)


def cites(text: str) -> list:
    doc = doc_of(text)
    out = find_citations(doc, parse_header(doc))
    resolve_citations(out, doc)
    for c in out:
        assert doc.text[c.start : c.end] == c.text
    return out


def d(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


# (text, type, number or name, date, issuer) — the first citation found must match
CASES = [
    # state numbers
    ("Thực hiện Quyết định số 1483/QĐ-SGDĐT ngày 29/10/2022 của Sở Giáo dục và Đào tạo về việc thành lập tổ;",
     "Quyết định", "1483/QĐ-SGDĐT", "2022-10-29", "Sở Giáo dục và Đào tạo"),
    ("Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ về thực hiện dân chủ",
     "Nghị định", "04/2015/NĐ-CP", "2015-01-09", "Chính phủ"),
    ("Triển khai Nghị quyết 1232/NQ-UBTVQH15 ngày 24/10/2024 của ủy ban Thường vụ Quốc hội về sắp xếp",
     "Nghị quyết", "1232/NQ-UBTVQH15", "2024-10-24", "Ủy ban Thường vụ Quốc hội"),
    ("theo Nghị quyết số 30c/NQ-CP ngày 08/11/2011 của Chính phủ ban hành Chương trình tổng thể",
     "Nghị quyết", "30c/NQ-CP", "2011-11-08", "Chính phủ"),
    ("Nghị quyết số 169/2024/QH15 ngày 30/11/2024 của Quốc hội về tổ chức chính quyền đô thị",
     "Nghị quyết", "169/2024/QH15", "2024-11-30", "Quốc hội"),
    # Party numbers
    ("Chỉ thị số 30-CT/TW của Bộ Chính trị (khóa VIII) về xây dựng và thực hiện Quy chế dân chủ",
     "Chỉ thị", "30-CT/TW", None, "Bộ Chính trị"),
    ("Thực hiện Kế hoạch số 173-KH/BDVTU-UBNDTP ngày 26/12/2024 của Ban Dân vận Thành ủy - Ủy ban nhân dân "
     "thành phố về phối hợp", "Kế hoạch", "173-KH/BDVTU-UBNDTP", "2024-12-26",
     "Ban Dân vận Thành ủy - Ủy ban nhân dân thành phố"),
    ("Kế hoạch số 05-KH/ĐUCQ ngày 20/01/2021 chỉ đạo thực hiện công tác dân vận",
     "Kế hoạch", "05-KH/ĐUCQ", "2021-01-20", "Đảng ủy cơ quan"),
    ("Kết luận số 01- KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện",
     "Kết luận", "01-KL/TW", "2021-05-18", "Bộ Chính trị"),
    ("Nghị quyết số 25-NQ/TW của ban chấp hành Trung ương Đảng khóa XI về “tăng cường”",
     "Nghị quyết", "25-NQ/TW", None, "Ban chấp hành Trung ương Đảng"),
    ("Thông tri số 15-TT/TW ngày 10/3/2020 của Ban Bí thư về lãnh đạo", "Thông tri", "15-TT/TW", "2020-03-10",
     "Ban Bí thư"),
    ("Chương trình hành động số 05-CTr/TU ngày 12/4/2021 của Tỉnh ủy thực hiện Nghị quyết",
     "Chương trình", "05-CTr/TU", "2021-04-12", "Tỉnh ủy"),
    ("Thông báo kết luận số 12-TB/TW ngày 06/4/2022 của Bộ chính trị về tiếp tục tăng cường",
     "Thông báo", "12-TB/TW", "2022-04-06", "Bộ chính trị"),
    # with or without "số", abbreviated type words, official letters, no symbol
    ("Công khai thủ tục hành chính theo QĐ 1182/QĐ-UBND ngày 09/5/2023.", "Quyết định", "1182/QĐ-UBND",
     "2023-05-09", "Ủy ban nhân dân"),
    ("NĐ số 17/2020/NĐ-CP ngày 05/2/2020 của Chính Phủ NĐ sửa đổi", "Nghị định", "17/2020/NĐ-CP", "2020-02-05",
     "Chính Phủ"),
    ("Thông tư 02/2026/TT-BCT có hướng dẫn quy định về phòng ngừa", "Thông tư", "02/2026/TT-BCT", None,
     "Bộ Công Thương"),
    ("Thực hiện Công văn số 1200/SNV-XDCQ-CTTN ngày 31/05/2023 của Sở Nội vụ về việc báo cáo",
     "Công văn", "1200/SNV-XDCQ-CTTN", "2023-05-31", "Sở Nội vụ"),
    ("Văn bản số 1235/SGDĐT-VP ngày 10/5/2023 công khai thủ tục", "Công văn", "1235/SGDĐT-VP", "2023-05-10",
     "Sở Giáo dục và Đào tạo"),
    ("Văn bản số 12/KH-UBND ngày 3/4/2024 của UBND huyện", "Kế hoạch", "12/KH-UBND", "2024-04-03",
     "Ủy ban nhân dân huyện"),
    ("Tiếp tục thực hiện Công văn số 1774/UBND ngày 12 tháng 4 năm 2018 của Ủy ban nhân dân quận về triển khai",
     "Công văn", "1774/UBND", "2018-04-12", "Ủy ban nhân dân quận"),
    ("Quyết định số 1590 ngày 26/10/2020 của UBND huyện Đông Anh về việc kiện toàn",
     "Quyết định", "1590", "2020-10-26", "Ủy ban nhân dân huyện Đông Anh"),
    ("Thông báo số 108-SGDĐT ngày 08/02/2023 về thông báo công khai thông tin", "Thông báo", "108-SGDĐT",
     "2023-02-08", "Sở Giáo dục và Đào tạo"),
    ("Kế hoach số 246/KH-UBND ngày 21 tháng 01 năm 2022 của Ủy ban nhân dân Thành phố.", "Kế hoạch",
     "246/KH-UBND", "2022-01-21", "Ủy ban nhân dân Thành phố"),
    ("và Thông báo làm việc số 2948/TB-ĐKT ngày 25/5/2026 thông báo về việc kiểm tra", "Thông báo",
     "2948/TB-ĐKT", "2026-05-25", None),
    ("hết hiệu lực (Nghị định số 113/2017/NĐ-CP)", "Nghị định", "113/2017/NĐ-CP", None, "Chính phủ"),
    # stray spaces, dates written out, issuer before the date, "do … ban hành"
    ("Quyết định số 1050 /QĐ-SCT ngày 12/6/2024 của Sở Công Thương", "Quyết định", "1050/QĐ-SCT", "2024-06-12",
     "Sở Công Thương"),
    ("Chỉ thị số 33/CT-TTg ngày 26 tháng 11 năm 2021 về tiếp tục tăng cường", "Chỉ thị", "33/CT-TTg",
     "2021-11-26", "Thủ tướng Chính phủ"),
    ("Quyết định số 193/QĐ-BCT của Bộ trưởng Bộ Công Thương ngày 21/01/2021 về việc đính chính",
     "Quyết định", "193/QĐ-BCT", "2021-01-21", "Bộ trưởng Bộ Công Thương"),
    ("Quyết định số 12/QĐ-UBND do UBND xã Tân Lập ban hành ngày 5/3/2024", "Quyết định", "12/QĐ-UBND",
     "2024-03-05", "Ủy ban nhân dân xã Tân Lập"),
    ("Nghị định số 77/2016/NĐ-CP do Ủy ban nhân dân cấp tỉnh cấp giấy phép", "Nghị định", "77/2016/NĐ-CP", None,
     "Chính phủ"),
    ("Thông tư số 36/2017/TT-BGDĐT ngày 28 tháng 12 năm 2017 của Bộ Giáo dục và Đào tạo ban hành Quy chế",
     "Thông tư", "36/2017/TT-BGDĐT", "2017-12-28", "Bộ Giáo dục và Đào tạo"),
    ("Nghị quyết số 35/NQ-TU ngày 29/12/2025 của Tỉnh ủy Lào Cai xác định định hướng", "Nghị quyết",
     "35/NQ-TU", "2025-12-29", "Tỉnh ủy Lào Cai"),
    ("Quyết định 726/QĐ-TTg ngày 16/6/2022 của Thủ tướng Chính phủ phê quyệt chiến lược", "Quyết định",
     "726/QĐ-TTg", "2022-06-16", "Thủ tướng Chính phủ"),
    ("Thực hiện Nghị quyết số 43-NQ/TW, ngày 24/11/2023 của Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng "
     "khóa XIII về tiếp tục", "Nghị quyết", "43-NQ/TW", "2023-11-24", "Ban Chấp hành Trung ương Đảng"),
    ("Nghị quyết số 19-NQ/TW ngày 25/10/2017 của Hội nghị Trung ương 6 khóa XII về tiếp tục đổi mới",
     "Nghị quyết", "19-NQ/TW", "2017-10-25", "Ban Chấp hành Trung ương Đảng"),
    ("Quy định số 144-QĐ/TW ngày 09/5/2024 của Bộ Chính trị về chuẩn mực đạo đức", "Quy định", "144-QĐ/TW",
     "2024-05-09", "Bộ Chính trị"),
    # laws named by title
    ("các quy định trong Luật Phòng chống tham nhũng.", "Luật", "Luật Phòng chống tham nhũng", None, "Quốc hội"),
    ("Quán triệt, triển khai Luật Thực hiện dân chủ ở cơ sở năm 2022, tổ chức bồi dưỡng", "Luật",
     "Luật Thực hiện dân chủ ở cơ sở năm 2022", None, "Quốc hội"),
    ("thực hiện theo Luật Tiếp công dân và Luật Khiếu nại", "Luật", "Luật Tiếp công dân", None, "Quốc hội"),
    ("Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;", "Luật", "63/2025/QH15", None, "Quốc hội"),
    ("Căn cứ Luật Phòng, chống ma túy số 73/2021/QH15;", "Luật", "73/2021/QH15", None, "Quốc hội"),
    ("Căn cứ Luật Hóa chất 69/2025/QH15;", "Luật", "69/2025/QH15", None, "Quốc hội"),
    ("Luật hóa chất số: 06/2007/QH12 ngày 21/11/2007 của Quốc hội ban hành", "Luật", "06/2007/QH12",
     "2007-11-21", "Quốc hội"),
    ("Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;", "Luật", "Luật Tổ chức Chính phủ", "2015-06-19",
     "Quốc hội"),
    ("Căn cứ Bộ luật Lao động ngày 20 tháng 11 năm 2019;", "Bộ luật", "Bộ luật Lao động", "2019-11-20",
     "Quốc hội"),
    ("Căn cứ Luật số 35/2018/QH14 sửa đổi", "Luật", "35/2018/QH14", None, "Quốc hội"),
    ("Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;", "Hiến pháp",
     "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam", None, "Quốc hội"),
    ("đúng quy định tại Luật Quản lý ngoại thương năm 2017: “1. Quản lý", "Luật",
     "Luật Quản lý ngoại thương năm 2017", None, "Quốc hội"),
    # standards
    ("Quy chuẩn kỹ thuật quốc gia QCVN 05A:2020/BCT về an toàn", "Quy chuẩn", "QCVN05A:2020/BCT", None,
     "Bộ Công Thương"),
    ("theo tiêu chuẩn quốc gia TCVN ISO 9001:2015.", "Tiêu chuẩn", "TCVNISO9001:2015", None, None),
    # invented documents of other agencies: a commune, a school, a provincial Party committee, mass organisations
    ("Thực hiện Kế hoạch số 45/KH-UBND ngày 15/3/2024 của UBND xã Hòa Bình về tổ chức Ngày hội",
     "Kế hoạch", "45/KH-UBND", "2024-03-15", "Ủy ban nhân dân xã Hòa Bình"),
    ("Căn cứ Kế hoạch số 12/KH-THCS ngày 5/9/2023 của Trường THCS Lê Lợi về thực hiện nhiệm vụ năm học",
     "Kế hoạch", "12/KH-THCS", "2023-09-05", "Trường THCS Lê Lợi"),
    ("Thực hiện Chỉ thị số 12-CT/TU ngày 20/4/2022 của Ban Thường vụ Tỉnh ủy Nghệ An về tăng cường",
     "Chỉ thị", "12-CT/TU", "2022-04-20", "Ban Thường vụ Tỉnh ủy Nghệ An"),
    ("Nghị quyết số 05-NQ/ĐU ngày 10/01/2024 của Đảng ủy xã Kim Liên về lãnh đạo", "Nghị quyết", "05-NQ/ĐU",
     "2024-01-10", "Đảng ủy xã Kim Liên"),
    ("Hướng dẫn số 15-HD/BTGTU ngày 3/3/2023 hướng dẫn tuyên truyền", "Hướng dẫn", "15-HD/BTGTU", "2023-03-03",
     "Ban Tuyên giáo Tỉnh ủy"),
    ("Kế hoạch số 30/KH-HLHPN ngày 2/2/2024 của Hội Liên hiệp Phụ nữ huyện Nam Đàn về tổ chức",
     "Kế hoạch", "30/KH-HLHPN", "2024-02-02", "Hội Liên hiệp Phụ nữ huyện Nam Đàn"),
    ("Nghị quyết số 14/2021/NQ-HĐND ngày 10/12/2021 của HĐND tỉnh về xây dựng xã nông thôn mới",
     "Nghị quyết", "14/2021/NQ-HĐND", "2021-12-10", "Hội đồng nhân dân tỉnh"),
    ("Hướng dẫn liên ngành số 24/HDLN-BCA-BQP ngày 5/5/2020 về phối hợp", "Hướng dẫn", "24/HDLN-BCA-BQP",
     "2020-05-05", "Bộ Công an - Bộ Quốc phòng"),
    # codes ending in digits: a police department (C06), the Ban Chỉ đạo 389 (BCĐ389)
    ("Thực hiện Kế hoạch số 38/KH-C06 ngày 10/01/2024 của Cục Cảnh sát quản lý hành chính về trật tự xã hội;",
     "Kế hoạch", "38/KH-C06", "2024-01-10", "Cục Cảnh sát quản lý hành chính"),
    ("Thực hiện Công văn số 15/BCĐ389-VP ngày 02/02/2024 của Văn phòng về chống buôn lậu;", "Công văn",
     "15/BCĐ389-VP", "2024-02-02", "Văn phòng"),
]


@pytest.mark.parametrize("text, typ, key, date, issuer", CASES, ids=[c[2] for c in CASES])
def test_forms(text, typ, key, date, issuer):
    found = cites(text)
    assert found, text
    c = found[0]
    assert c.type == typ
    assert key in (c.number, c.name)
    assert c.date == d(date)
    assert c.issuer == issuer


# texts that hold no citation
NEGATIVES = [
    "Kế hoạch này được phổ biến đến các đơn vị.",
    "Luật sư của công ty đã tham gia; luật pháp và pháp luật được tôn trọng.",
    "Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2026.",
    "thực hiện theo quy định của pháp luật Việt Nam và các luật khác có liên quan",
    "Quý I/2025; trước ngày 10/6; giai đoạn 2021-2025; (11/6/1948-11/6/2023).",
    "Các chất 2,4-Dinitrotoluene, 1-Propene và 3-MCPD.",
    "tổng số 79 thủ tục; số điện thoại 0913.064.968; COVID-19; F0/F1; tỷ lệ 3/Ban",
    "Căn cứ Nghị định số …./…./NĐ-CP ngày .... tháng ... năm .... của Chính phủ",
    "Đây là văn bản của Hiến pháp và pháp luật.",
    "số 12 ngày qua; 108-SGDĐT",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_citations(text):
    assert cites(text) == []


def test_split_across_a_line_break():
    doc = Document(text="Căn cứ Quyết định số 1483/QĐ-\nSGDĐT ngày\n29/10/2022 của Sở Giáo dục\nvà Đào tạo về việc")
    (c,) = find_citations(doc)
    assert c.number == "1483/QĐ-SGDĐT" and c.date == dt.date(2022, 10, 29)
    assert c.issuer == "Sở Giáo dục và Đào tạo"
    doc = Document(text="thực hiện Chỉ thị số\n05-CT/TW ngày 15/5/2016 của Bộ Chính trị")
    (c,) = find_citations(doc)
    assert (c.type, c.number, c.issuer) == ("Chỉ thị", "05-CT/TW", "Bộ Chính trị")


def test_footnote_and_table_cell():
    text = ("Sở đã ban hành Kế hoạch<sup>5</sup> chỉ đạo công tác dân vận.\n\n"
            "Stt\tNội dung\tThời gian\n"
            "1\tTriển khai Nghị quyết số 14/2021/NQ-HĐND ngày 10/12/2021 của Hội đồng nhân dân thành phố\tCả năm\n\n"
            "<sup>5</sup> Kế hoạch số 05-KH/ĐUCQ ngày 20/01/2021 chỉ đạo thực hiện công tác dân vận")
    doc = doc_of(text)
    found = find_citations(doc)
    assert [c.number for c in found] == ["14/2021/NQ-HĐND", "05-KH/ĐUCQ"]
    cell, note = found
    assert cell.issuer == "Hội đồng nhân dân thành phố"  # ends at the cell boundary
    assert "\t" not in cell.text
    assert note.start >= doc.body_end  # the footnote body is laid out after the body


def test_documents_issued_together_share_date_and_issuer():
    found = cites("theo Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị ban hành")
    assert [(c.number, c.date, c.issuer) for c in found] == [
        ("217-QĐ/TW", dt.date(2013, 12, 12), "Bộ Chính trị"), ("218-QĐ/TW", dt.date(2013, 12, 12), "Bộ Chính trị")]
    # numbers years apart were not issued together: the date stays with the last one
    found = cites("bởi Nghị định số 17/2020/NĐ-CP và Nghị định số 85/2024/NĐ-CP ngày 10 tháng 7 năm 2024 của Chính phủ")
    assert found[0].date is None and found[1].date == dt.date(2024, 7, 10)


def test_subject_and_span():
    (c,) = cites("Chỉ thị số 29-CT/TU ngày 10/9/2010 của Ban Thường vụ Thành ủy về tiếp tục xây dựng Quy chế; khác")
    assert c.text == "Chỉ thị số 29-CT/TU ngày 10/9/2010 của Ban Thường vụ Thành ủy"
    assert c.subject == "tiếp tục xây dựng Quy chế"
    (c,) = cites("Quyết định số 446-QĐ/TU ngày 26/11/2021 của BTV Thành ủy ban hành “Quy chế công tác dân vận”")
    assert c.issuer == "Ban Thường vụ Thành ủy"
    assert c.subject.startswith("ban hành")


def test_own_number_is_not_a_citation():
    text = ("SỞ GIÁO DỤC VÀ ĐÀO TẠO\n\nSố: 125/KH-SGDĐT\n\nHải Phòng, ngày 10 tháng 01 năm 2025\n\nKẾ HOẠCH\n\n"
            "Thực hiện công tác năm 2025\n\nThực hiện Kế hoạch số 173-KH/BDVTU ngày 26/12/2024; Kế hoạch số "
            "125/KH-SGDĐT này được gửi các đơn vị.")
    assert [c.number for c in cites(text)] == ["173-KH/BDVTU"]


def test_thanh_uy_from_the_text():
    found = cites("Ban Thường vụ Thành ủy chỉ đạo. Thực hiện Chỉ thị số 07-CT/TU ngày 08/9/2021.")
    assert found[0].issuer == "Thành ủy"
    found = cites("Thực hiện Chỉ thị số 07-CT/TU ngày 08/9/2021.")
    assert found[0].issuer == "Tỉnh ủy"


# ---------------------------------------------------------------- the corpus against its gold
def _gold_numbers(gold: dict) -> tuple[set[str], set[str]]:
    need, optional = set(), set()
    for g in gold["citations"]:
        key = (g.get("number") or g.get("name") or "").replace(" ", "")
        (optional if g.get("optional") else need).add(key)
    return need, optional


@pytest.mark.parametrize("name", ["000_07ede3dda3013cba", "001_6a6dedc90bf0a00e", "003_df02fa6b7fd9d86e"])
def test_corpus_against_gold(corpus, name):
    doc = load(corpus / f"{name}.txt")
    found = find_citations(doc, parse_header(doc))
    cited = resolve_citations(found, doc)
    gold = json.loads((corpus / "gold" / f"{name}.gold.json").read_text(encoding="utf-8"))
    need, optional = _gold_numbers(gold)
    got = {(x.number or x.name or "").replace(" ", "") for x in cited}
    assert need <= got
    assert got - need - optional == set()
    by_number = {x.number: x for x in cited if x.number}
    for g in gold["citations"]:
        x = by_number.get(g.get("number"))
        if x is None:
            continue
        assert x.type == g["type"]
        if g["dates"]:
            assert x.dates and x.dates[0].isoformat() in g["dates"]


# ---------------------------------------------------------------- real files (skip without ../shared)
def test_real_decree_preamble(shared_real):
    doc = load(shared_real / "ND-26-2026-quan-ly-hoat-dong-hoa-chat.docx")
    found = find_citations(doc, parse_header(doc))
    numbers = {c.number for c in found}
    assert {"63/2025/QH15", "69/2025/QH15", "73/2021/QH14", "108/2016/QH13", "61/2020/QH14"} <= numbers
    law = next(c for c in found if c.number == "63/2025/QH15")
    assert (law.type, law.name, law.issuer) == ("Luật", "Luật Tổ chức Chính phủ", "Quốc hội")
    assert "26/2026/NĐ-CP" not in numbers  # its own number


def test_real_law_is_not_its_own_citation(shared_real):
    doc = load(shared_real / "Luat-Hoa-chat-69-2025-QH15.docx")
    found = find_citations(doc, parse_header(doc))
    assert found[0].type == "Hiến pháp"
    assert all(c.number != "69/2025/QH15" for c in found)
    assert not any(c.name == "Luật Hóa chất" and c.number is None for c in found)


def test_real_official_letter(shared_real):
    doc = load(shared_real / "CV-597-HC-QLHC-CucHoaChat.docx")
    found = find_citations(doc, parse_header(doc))
    first = found[0]
    assert (first.type, first.number, first.date, first.issuer) == (
        "Công văn", "1012/SCT-KYATMT", dt.date(2026, 3, 9), "Sở Công Thương tỉnh Quảng Ngãi")
    cited = resolve_citations(found, doc)
    law = next(x for x in cited if x.number == "69/2025/QH15")
    assert len(law.mentions) >= 2  # "Luật Hóa chất năm 2025" and "Luật Hóa chất số 69/2025/QH15"


def test_real_list_of_legal_documents(shared_real):
    doc = load(shared_real / "Danh-muc-VBQPPL-hoa-chat.docx")
    found = find_citations(doc, parse_header(doc))
    by = {c.number: c for c in found if c.number}
    assert by["17/2020/NĐ-CP"].type == "Nghị định" and by["17/2020/NĐ-CP"].date == dt.date(2020, 2, 5)
    assert by["193/QĐ-BCT"].date == dt.date(2021, 1, 21)
    assert by["QCVN05A:2020/BCT"].type == "Quy chuẩn"
    assert by["26/2016/QĐ-TTg"].issuer.lower() == "thủ tướng chính phủ"
