"""Every file of ../shared/real/ (public documents as published): its text and header, or the right message.

The expected values were read off the documents themselves. The tests skip
when ../shared is not there (CI).
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

import pytest

from docanalyze import load
from docanalyze.errors import GarbledTextError, NoTextLayerError
from docanalyze.structure.header import parse_header

# file: (kind, number, issuer, place, date, start of the title)
HEADERS = {
    "CV-597-HC-QLHC-CucHoaChat.docx": ("official_letter", "597/HC-QLHC", "Cục Hóa chất", "Hà Nội",
                                       dt.date(2026, 3, 27), "cấp Giấy phép xuất khẩu, nhập khẩu hóa chất"),
    "Ban-trinh-trien-khai-VB-TTg-BCT-hoachat.docx": ("official_letter", "/SCT-CN", "Sở Công Thương", "Lào Cai",
                                                     None, "triển khai thực hiện các Nghị định của Chính phủ"),
    "BC-ket-qua-kiem-tra-04-don-vi.docx": ("report", "/ĐKT-SCT", None, "Lào Cai", None,
                                           "Kết quả kiểm tra việc chấp hành các quy định của pháp luật"),
    "QD-thanh-lap-doan-kiem-tra-hoa-chat-2026.docx": ("decision", "/QĐ-SCT", "Sở Công Thương", "Lào Cai", None,
                                                      "Kiểm tra việc"),
    "Luat-Hoa-chat-69-2025-QH15.docx": (None, None, "Quốc hội", "Hà Nội", dt.date(2025, 6, 14), None),
    "ND-24-2026-danh-muc-hoa-chat.docx": (None, "24/2026/NĐ-CP", "Chính phủ", "Hà Nội", dt.date(2026, 1, 17),
                                          "QUY ĐỊNH CÁC DANH MỤC HÓA CHẤT"),
    "TT-13-2026-BQP.docx": (None, "13/2026/TT-BQP", "Bộ Quốc phòng", "Hà Nội", dt.date(2026, 2, 12),
                            "QUY ĐỊNH CHI TIẾT VÀ HƯỚNG DẪN THI HÀNH"),
    "TT-01-2026-BCT-huong-dan-ND26-bieu-mau.docx": (None, "01/2026/TT-BCT", "Bộ Công Thương", "Hà Nội",
                                                    dt.date(2026, 1, 17), "QUY ĐỊNH CHI TIẾT VÀ HƯỚNG DẪN"),
    "Huong-dan-lien-nganh-24-N2O.pdf": (None, "24/HDLN-BCA-BQP-BYT-BCT-BTC-VKSNDTC-TANDTC", None, "Hà Nội",
                                        dt.date(2026, 6, 25), "Về việc xử lý đối với hành vi vi phạm liên quan đến "
                                        "sản xuất, buôn bán, vận chuyển, tàng trữ N2O"),
}


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_header(shared_real, name):
    kind, number, issuer, place, date, title = HEADERS[name]
    h = parse_header(load(shared_real / name))
    if kind:
        assert h.kind == kind
    assert h.number == number
    if issuer:
        assert h.issuer == issuer
    assert h.place == place
    assert h.date == date
    if title:
        assert h.title is not None and h.title.startswith(title)


def test_every_word_file_reads(shared_real):
    for path in sorted(shared_real.glob("*.docx")):
        doc = load(path)
        assert len(doc.blocks) >= 10, path.name
        assert "\x00" not in doc.text and "  " not in doc.text, path.name
        assert all(0 <= b.start < b.end <= len(doc.text) for b in doc.blocks), path.name


def test_interministerial_guide_pdf(shared_real):
    """An OCR'd scan with a text layer: two-column header untangled, Cyrillic look-alikes in the code fixed."""
    doc = load(shared_real / "Huong-dan-lien-nganh-24-N2O.pdf")
    assert doc.pages == 2
    assert not re.search("[\u0400-\u04ff]", doc.text)
    blocks = [doc.text[b.start : b.end] for b in doc.blocks]
    assert blocks[0].startswith("BỘ CÔNG AN - BỘ QUỐC PHÒNG - BỘ Y TẾ - BỘ CÔNG THƯƠNG - BỘ TÀI CHÍNH")
    assert blocks[1] == "Số: 24 /HDLN-BCA-BQP-BYT-BCT-BTC-VKSNDTC-TANDTC"
    assert blocks[2:5] == ["CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                           "Hà Nội, ngày 25 tháng 6 năm 2026"]
    assert "HƯỚNG DẪN LIÊN NGÀNH" in blocks
    # a paragraph that runs from page 1 onto page 2 is one paragraph
    assert any(t.startswith("2. Việc xác định giá trị hàng hoá") and t.endswith("luật khác có liên quan.")
               for t in blocks)
    assert "Nghị quyết số 173/2024/QH15 ngày 30/11/2024" in doc.text


def test_scan_without_text_layer_says_ocr(shared_real):
    with pytest.raises(NoTextLayerError, match="no text layer.*needs OCR"):
        load(shared_real / "CV-813-CucHoaChat.pdf")


def test_garbled_text_layer_is_refused(shared_real):
    with pytest.raises(GarbledTextError, match="garbled"):
        load(shared_real / "QD-26-QD-XPVPHC-2026-Cuc-Hoa-chat-xu-phat-TNHH-TM-Hai-Dang.pdf")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_old_binary_doc_is_converted(shared_real):
    doc = load(shared_real / "TCVN-5507-2002.doc")
    assert doc.format == "doc"
    assert "TCVN 5507: 2002" in doc.text
    assert "HOÁ CHẤT NGUY HIỂM - QUI PHẠM AN TOÀN" in doc.text
    assert len(doc.tables) >= 5


def test_chemical_lists_keep_their_rows_and_five_columns(shared_real):
    """ND-24's tables: a 1-twip sliver column in Word's grid is not a sixth column."""
    doc = load(shared_real / "ND-24-2026-danh-muc-hoa-chat.docx")
    assert [len(t.rows) for t in doc.tables] == [40, 793, 175, 97, 278, 26]
    assert [t.n_cols for t in doc.tables] == [5, 5, 5, 5, 6, 3]
    group = doc.tables[2]
    assert group.texts()[1] == ["A"] + ["CÁC TIỀN CHẤT CÔNG NGHIỆP"] * 4
    assert group.rows[1][1].colspan == 4
    assert group.texts()[3] == ["1.", "Phenylacetone", "1 - phenyl - 2 - propanone (P2P)", "103-79-7", "C9H10O"]


def test_custom_footnote_marks_and_exponents(shared_real):
    """TT-01 writes its footnote marks as "[1]"; "m³" and "mm²" are exponents, not footnote references."""
    doc = load(shared_real / "TT-01-2026-BCT-huong-dan-ND26-bieu-mau.docx")
    notes = doc.footnotes
    assert [f.marker for f in notes] == ["1", "2", "3", "4", "5", "6"]
    first = doc.text[notes[0].start : notes[0].end]
    assert first.startswith("Sau lần cập nhật đầu tiên") and "[1]" not in first
    assert doc.text[notes[0].ref_start - 23 : notes[0].ref_end] == "tóm tắt nội dung chính)¹"
    assert "[1]" not in doc.text[: doc.body_end]
    assert "20.5 mm²/s" in doc.text and "27 m³" in doc.text


def test_layout_table_is_read_column_by_column(shared_real):
    doc = load(shared_real / "Ban-trinh-trien-khai-VB-TTg-BCT-hoachat.docx")
    blocks = [doc.text[b.start : b.end] for b in doc.blocks[:6]]
    assert blocks[:3] == ["UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG", "Số: /SCT-CN"]
    assert blocks[4:6] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]


SMALL = ["CV-597-HC-QLHC-CucHoaChat.docx", "Ban-trinh-trien-khai-VB-TTg-BCT-hoachat.docx",
         "QD-thanh-lap-doan-kiem-tra-hoa-chat-2026.docx", "CV-phuc-dap-ho-so-cap-GCN.docx"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_pdf_of_a_real_word_file_reads_like_the_word_file(shared_real, tmp_path):
    """Print real Word files to PDF (as a user would) and read both: the same header, tables and paragraphs."""
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), *[str(shared_real / n) for n in SMALL]],
                   capture_output=True, timeout=300, check=False)
    for name in SMALL:
        word = load(shared_real / name)
        pdf = load(tmp_path / name.replace(".docx", ".pdf"))
        hw, hp = parse_header(word), parse_header(pdf)
        for field in ("kind", "number", "issuer", "place", "date", "year", "title"):
            assert getattr(hp, field) == getattr(hw, field), (name, field)
        assert [t.texts() for t in pdf.tables] == [t.texts() for t in word.tables], name
        # Word breaks lines inside a paragraph (the header cells); compare line by line
        words = {x.strip() for b in word.blocks if b.kind != "table" for x in word.text[b.start : b.end].split("\n")}
        lines = [x.strip() for b in pdf.blocks if b.kind != "table" for x in pdf.text[b.start : b.end].split("\n")]
        found = [x in words for x in lines if x and not re.fullmatch(r"[-_.*\s]+", x)]
        assert sum(found) >= 0.9 * len(found), name
