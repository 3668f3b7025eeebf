"""The PDF reader on the PDF copies of the corpus (tools/make_fixtures.py) and on small built lines.

The corpus PDFs are laid out as Nghị định 30 asks: a side-by-side header, page
numbers at the top from page 2, footnotes under a rule, tables whose rows run
over page breaks. What the reader makes of them must be the text of the .txt
they were made from, plus the header lines the .txt had lost.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from docanalyze import load
from docanalyze.readers.builder import Run
from docanalyze.readers.pdf_flow import Frame, breaks, is_page_number
from docanalyze.readers.pdf_lines import Glyph, group_lines
from docanalyze.readers.pdf_tables import join_runs, note_mark
from docanalyze.structure.header import parse_header

FIXTURES = Path(__file__).parent / "fixtures"
DOCS = ["000_07ede3dda3013cba", "001_6a6dedc90bf0a00e", "003_df02fa6b7fd9d86e"]
RESTORED = {"UBND THÀNH PHỐ HẢI PHÒNG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "ỦY BAN NHÂN DÂN QUẬN GÒ VẤP",
            "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"}


def _blocks(doc):
    return [doc.text[b.start : b.end] for b in doc.blocks]


@pytest.mark.parametrize("name", DOCS)
def test_pdf_text_is_the_txt_text(corpus, name):
    """Every paragraph, table and footnote of the .txt comes out of the PDF unchanged, and nothing else
    but the restored header lines (the header's order differs: left column first)."""
    txt = load(corpus / f"{name}.txt")
    pdf = load(corpus / f"{name}.pdf")
    a, b = _blocks(txt), _blocks(pdf)
    assert sorted(set(b) - set(a)) == sorted(set(b) & RESTORED)
    assert set(a) <= set(b)
    assert pdf.format == "pdf" and pdf.pages and pdf.pages >= 5


@pytest.mark.parametrize("name", DOCS)
def test_every_block_knows_its_page_and_no_page_number_is_text(corpus, name):
    doc = load(corpus / f"{name}.pdf")
    body = [b for b in doc.blocks if b.kind != "footnote"]
    assert all(b.page is not None and 1 <= b.page <= doc.pages for b in body)
    assert [b.page for b in body] == sorted(b.page for b in body)
    assert not [t for t in _blocks(doc) if re.fullmatch(r"\d{1,3}", t.strip())]


def test_header_columns_come_out_left_column_first(corpus):
    doc = load(corpus / "001_6a6dedc90bf0a00e.pdf")
    assert _blocks(doc)[:7] == ["UBND THÀNH PHỐ HẢI PHÒNG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: /KH-SGDĐT",
                                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                "Hải Phòng, ngày tháng năm 2025", "KẾ HOẠCH"]
    h = parse_header(doc)
    assert (h.kind, h.issuer, h.parent_issuer, h.number, h.place, h.year) == (
        "plan", "Sở Giáo dục và Đào tạo", "Ủy ban nhân dân thành phố Hải Phòng", "/KH-SGDĐT", "Hải Phòng", 2025)
    assert h.title == "Thực hiện công tác dân vận chính quyền năm 2025 của ngành Giáo dục và Đào tạo Hải Phòng"


def test_wrapped_header_line_is_joined(corpus):
    """"ỦY BAN NHÂN DÂN QUẬN GÒ" / "VẤP" in a narrow column is one name again."""
    doc = load(corpus / "003_df02fa6b7fd9d86e.pdf")
    assert _blocks(doc)[:2] == ["ỦY BAN NHÂN DÂN QUẬN GÒ VẤP", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"]


def test_closing_block_reads_noi_nhan_then_signer(corpus):
    doc = load(corpus / "000_07ede3dda3013cba.pdf")
    body = _blocks(doc)[: len([b for b in doc.blocks if b.kind != "footnote"])]
    assert body[-9:] == ["Nơi nhận:", "- UBND thành phố (để báo cáo);", "- Sở Nội vụ (để tổng hợp);",
                         "- GD, các PGĐ Sở;", "- Trưởng phòng Sở;", "- Đơn vị trực thuộc Sở;", "- Lưu: VT,VP.",
                         "GIÁM ĐỐC", "Bùi Văn Kiệm"]
    h = parse_header(doc)
    assert h.signer is not None and (h.signer.position, h.signer.name) == ("GIÁM ĐỐC", "Bùi Văn Kiệm")


def test_footnotes_are_footnotes_with_their_markers(corpus):
    txt, pdf = load(corpus / "000_07ede3dda3013cba.txt"), load(corpus / "000_07ede3dda3013cba.pdf")
    notes = [(f.marker, pdf.text[f.start : f.end]) for f in pdf.footnotes]
    assert notes == [(f.marker, txt.text[f.start : f.end]) for f in txt.footnotes]
    assert len(notes) == 5
    for f in pdf.footnotes:
        assert pdf.text[f.ref_start : f.ref_end] == "¹²³⁴⁵"[int(f.marker) - 1]
        assert f.ref_end <= pdf.body_end
    first = pdf.footnotes[0]
    assert pdf.text[first.ref_start - 8 : first.ref_end] == "năm 2023¹"


def test_table_row_cut_by_page_break_is_one_row(corpus):
    """Row 2 of the plan's table runs from page 2 onto page 3, under a repeated header row."""
    txt, pdf = load(corpus / "001_6a6dedc90bf0a00e.txt"), load(corpus / "001_6a6dedc90bf0a00e.pdf")
    assert [t.texts() for t in pdf.tables] == [t.texts() for t in txt.tables]
    first = pdf.tables[0].texts()
    assert [r[0] for r in first] == ["Stt", "1", "2", "3"]
    assert first[2][1].startswith("Quán triệt") and first[2][1].endswith("dân giám sát, dân thụ hưởng”.")
    assert first[2][4] == "Cả năm 2025"


def test_numbered_and_lettered_items_are_their_own_paragraphs():
    doc = load(FIXTURES / "lists.pdf")
    items = [t for t in _blocks(doc) if re.match(r"[a-c]\) ", t)]
    assert items == ["a) Quán triệt Kế hoạch số 12/KH-UBND ngày 10/01/2025 của Ủy ban nhân dân tỉnh.",
                     "b) Tổ chức hội nghị triển khai trước ngày 15/3/2025.",
                     "a) Kiểm tra việc thực hiện quy chế dân chủ ở cơ sở trong Quý III/2025.",
                     "b) Báo cáo kết quả trước ngày 10/12/2025.", "c) Tổng kết, khen thưởng trong Quý IV/2025."]


# ---------------------------------------------------------------- rules on built lines


def _line(text: str, x0: float, base: float, *, size: float = 14.0, bold: bool = False, page: int = 1):
    """A line as the PDF would give it: one glyph per character, 0.5 em wide."""
    glyphs, x = [], x0
    for ch in text:
        w = 0.25 * size if ch == " " else 0.5 * size
        glyphs.append(Glyph(ch, x, x + w, base - size, base, size, bold, False))
        x += w
    (line,) = group_lines(glyphs, page)
    return line


FRAME = Frame(left=85.0, right=552.0, pitch=18.5)
FULL = "x" * 66  # 66 glyphs of 7 pt from the left margin reach the right margin


@pytest.mark.parametrize(
    ("prev", "cur", "new_paragraph"),
    [
        # wrapped line of a justified paragraph
        ((FULL, 85, 100), ("tiếp tục dòng sau", 85, 118.5), False),
        # first-line indent opens a paragraph
        ((FULL, 85, 100), ("Đoạn mới", 121, 118.5), True),
        # the line before ended short: the next word would have fitted
        (("ngắn.", 85, 100), ("Tiếp theo", 85, 118.5), True),
        # a list marker at the margin after a sentence
        (("x" * 60 + ";", 85, 100), ("- Nhiệm vụ", 85, 118.5), True),
        # "- xã hội" wrapped inside a sentence is not a list item
        (("x" * 65 + " tế", 85, 100), ("- xã hội và", 85, 118.5), False),
        # a wider gap than the line pitch
        ((FULL, 85, 100), ("tiếp", 85, 128), True),
        # an upper-case heading and the text under it
        (("I. MỤC ĐÍCH, YÊU CẦU" + " " * 0, 85, 100), ("Nội dung", 85, 118.5), True),
    ],
)
def test_breaks(prev, cur, new_paragraph):
    a = _line(prev[0], prev[1], prev[2])
    b = _line(cur[0], cur[1], cur[2])
    assert breaks(a, b, FRAME, FRAME) is new_paragraph


def test_hanging_indent_continues_a_list_item():
    a = _line("a) " + "x" * 63, 85, 100)
    b = _line("tiếp theo", a.start_of_text_after(2), 118.5)
    assert breaks(a, b, FRAME, FRAME) is False


def test_centred_title_over_two_lines_is_one_paragraph():
    a = _line("QUY ĐỊNH CHI TIẾT VÀ HƯỚNG DẪN THI HÀNH MỘT SỐ ĐIỀU CỦA LUẬT HÓA", 119, 100, bold=True)
    b = _line("CHẤT", 304, 118.5, bold=True)
    assert breaks(a, b, FRAME, FRAME) is False


def test_raised_small_glyphs_join_their_line_as_superscript():
    glyphs = [Glyph(ch, 100 + 7 * k, 107 + 7 * k, 86, 100, 14.0, False, False) for k, ch in enumerate("năm 2023")]
    glyphs.append(Glyph("1", 157, 161, 87, 95.5, 8.0, False, False))
    (line,) = group_lines(glyphs, 1)
    assert line.text == "năm 2023 1" or line.text == "năm 20231"
    assert [p.text for p in line.pieces if p.sup] == ["1"]


@pytest.mark.parametrize(
    ("a", "b", "joined"),
    [
        ("Số: 24/HDLN-BCA-BQP-BYT-", "BCT-BTC-VKSNDTC", "Số: 24/HDLN-BCA-BQP-BYT-BCT-BTC-VKSNDTC"),
        ("giai đoạn 2019-", "2025", "giai đoạn 2019-2025"),
        ("phát triển kinh tế -", "xã hội", "phát triển kinh tế - xã hội"),
        ("công tác dân", "vận", "công tác dân vận"),
        # a borrowed word cut after its short Latin prefix
        ("thiết kế bài giảng E-", "learning cấp tỉnh", "thiết kế bài giảng E-learning cấp tỉnh"),
        ("gửi qua e-", "mail", "gửi qua e-mail"),
        ("Tổ Lý -", "hóa", "Tổ Lý - hóa"),
        # a narrow cell wraps inside a date or a syllable
        ("Tháng 01/20", "23", "Tháng 01/2023"),
        ("Tháng 9/202", "3 - Tháng 11/2023", "Tháng 9/2023 - Tháng 11/2023"),
        ("trước ngày 15/6/", "2024", "trước ngày 15/6/2024"),
        ("Thườn", "g xuyên", "Thường xuyên"),
        ("Tha", "nh tra Sở", "Thanh tra Sở"),
        # ... but not between words or figures
        ("đạt 05/12", "15 trường", "đạt 05/12 15 trường"),
        ("theo điểm", "c khoản 1", "theo điểm c khoản 1"),
        ("Phòng Văn hóa và", "Thông tin", "Phòng Văn hóa và Thông tin"),
        ("tổng cộng 3/5", "2 đơn vị", "tổng cộng 3/5 2 đơn vị"),
    ],
)
def test_join_runs(a, b, joined):
    runs = join_runs([Run(a)], [Run(b)], a, b)
    assert "".join(r.text for r in runs) == joined


@pytest.mark.parametrize(
    ("text", "is_number"),
    [("2", True), ("- 12 -", True), ("Trang 3/10", True), ("3/10", True), ("Điều 2", False), ("2023", True),
     ("Số: 12", False), ("Năm 2023", False)],
)
def test_page_number_lines(text, is_number):
    assert is_page_number(text) is is_number


@pytest.mark.parametrize(("mark", "number"), [("1", "1"), ("[2]", "2"), ("(3)", "3"), ("[4][4]", "4"), ("a", None)])
def test_note_marks(mark, number):
    assert note_mark(mark) == number


def test_page_turned_by_rotate_reads_upright(tmp_path):
    """A page whose /Rotate turns its text sideways is read as its content stream wrote it."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(FIXTURES / "plan.pdf")
    pdf[0].set_rotation(90)
    pdf.save(tmp_path / "turned.pdf")
    pdf.close()
    doc = load(tmp_path / "turned.pdf")
    assert doc.text.startswith("KẾ HOẠCH\n\nThực hiện công tác dân vận năm 2025")
    assert "b) Tổ chức hội nghị triển khai trước ngày 15/3/2025." in doc.text


def test_combining_accent_drawn_before_its_letter_follows_it():
    """Some producers draw "ê" as "e" plus a combining circumflex placed a hair to its left."""
    glyphs = [Glyph("n", 100, 107, 86, 100, 14.0, False, False), Glyph("\u0302", 106.5, 110, 86, 100, 14.0, False, False),
              Glyph("e", 107, 113, 86, 100, 14.0, False, False), Glyph("n", 113, 120, 86, 100, 14.0, False, False)]
    (line,) = group_lines(glyphs, 1)
    assert line.text == "ne\u0302n"
