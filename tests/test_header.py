import pytest

from docanalyze.readers import load
from docanalyze.structure.header import parse_header
from docanalyze.structure.sections import parse_sections


@pytest.mark.parametrize("name, kind, issuer, year, title_start", [
    ("000_07ede3dda3013cba.txt", "report", "Sở Giáo dục và Đào tạo", 2023, "Kết quả công tác dân vận chính quyền"),
    ("001_6a6dedc90bf0a00e.txt", "plan", "Sở Giáo dục và Đào tạo", 2025, "Thực hiện công tác dân vận chính quyền năm 2025"),
    ("003_df02fa6b7fd9d86e.txt", "plan", "Phòng Giáo dục và Đào tạo", 2023, "Thực hiện công tác dân vận của chính quyền và"),
])
def test_corpus_headers(corpus, name, kind, issuer, year, title_start):
    doc = load(corpus / name)
    h = parse_header(doc)
    assert h.kind == kind
    assert h.issuer == issuer
    assert h.year == year
    assert h.title.startswith(title_start)


def test_blank_number_and_date_of_a_draft(corpus):
    h = parse_header(load(corpus / "000_07ede3dda3013cba.txt"))
    assert h.number == "/BC-SGDĐT"
    assert h.date is None and h.date_year == 2022 and h.place == "Hải Phòng"
    assert h.signer.position == "GIÁM ĐỐC" and h.signer.name == "Bùi Văn Kiệm"
    assert "Sở Nội vụ (để tổng hợp)" in h.distribution


def test_section_tree(corpus):
    doc = load(corpus / "001_6a6dedc90bf0a00e.txt")
    h = parse_header(doc)
    secs = parse_sections(doc, h)
    top = [s.marker + " " + s.title for s in secs if s.level == 1]
    assert top == ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG, NHIỆM VỤ", "III. TỔ CHỨC THỰC HIỆN"]
    org = next(s for s in secs if s.title == "TỔ CHỨC THỰC HIỆN")
    children = [secs[k].title for k in org.children if secs[k].style == "arabic"]
    assert children == ["Các phòng thuộc Sở Giáo dục và Đào tạo", "Các đơn vị giáo dục"]


def test_word_header_table(shared_real):
    doc = load(shared_real / "CV-597-HC-QLHC-CucHoaChat.docx")
    h = parse_header(doc)
    assert (h.kind, h.number, h.issuer, h.parent_issuer) == ("official_letter", "597/HC-QLHC", "Cục Hóa chất",
                                                             "Bộ Công Thương")
    assert h.place == "Hà Nội" and h.date.isoformat() == "2026-03-27"
    assert h.title.startswith("cấp Giấy phép xuất khẩu, nhập khẩu hóa chất")
    assert h.signer.authority == "KT." and h.signer.name == "Vương Thành Chung"


# (body, top-level sections as "marker title") — lettered parts rank by where they first appear
LETTERED = [
    ("A. KẾT QUẢ\n\nI. Công tác tuyên truyền\n\n1. Đã tổ chức hội nghị.\n\nB. PHƯƠNG HƯỚNG\n\nI. Nhiệm vụ\n",
     ["A. KẾT QUẢ", "B. PHƯƠNG HƯỚNG"]),
    ("I. MỤC ĐÍCH\n\n1. Nâng cao nhận thức.\n\nII. NHIỆM VỤ\n\nA. Công tác giảm nghèo\n\n1. Hỗ trợ sinh kế.\n\n"
     "B. Công tác việc làm\n\n1. Kết nối cung cầu.\n\nIII. TỔ CHỨC THỰC HIỆN\n\n1. Văn phòng Sở theo dõi.\n",
     ["I. MỤC ĐÍCH", "II. NHIỆM VỤ", "III. TỔ CHỨC THỰC HIỆN"]),
]


@pytest.mark.parametrize("body,top", LETTERED)
def test_lettered_parts_rank_by_first_use(body: str, top: list[str]) -> None:
    from docanalyze.readers import from_text

    doc = from_text(f"KẾ HOẠCH\n\nCông tác năm 2025\n\n{body}")
    secs = parse_sections(doc, parse_header(doc))
    assert [f"{s.marker} {s.title}" for s in secs if s.parent is None] == top
