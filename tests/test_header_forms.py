"""Header forms the corpus lacks: Party documents, decisions, PDF lines with both columns, drafts."""
from __future__ import annotations

import datetime as dt

from docanalyze.readers import from_text
from docanalyze.structure.header import parse_header


def header_of(text: str):
    return parse_header(from_text(text))


def test_party_committee_plan():
    h = header_of("ĐẢNG BỘ TỈNH NAM ĐỊNH\nHUYỆN ỦY HẢI HẬU\n\n*\n\nSố 45-KH/HU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\n"
                  "Hải Hậu, ngày 12 tháng 3 năm 2024\n\nKẾ HOẠCH\n\ntriển khai thực hiện công tác dân vận năm 2024\n\n"
                  "Thực hiện Chương trình công tác năm 2024 của Ban Chấp hành Đảng bộ huyện, Ban Thường vụ Huyện ủy "
                  "xây dựng kế hoạch như sau:\n\nI. MỤC ĐÍCH, YÊU CẦU")
    assert h.party and h.kind == "plan"
    assert (h.issuer, h.parent_issuer) == ("Huyện ủy Hải Hậu", "Đảng bộ tỉnh Nam Định")
    assert h.number == "45-KH/HU" and h.date == dt.date(2024, 3, 12) and h.place == "Hải Hậu"
    assert h.title == "triển khai thực hiện công tác dân vận năm 2024" and h.year == 2024


def test_decision_with_authority_line_after_title():
    h = header_of("ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
                  "Số: 102/QĐ-UBND\n\nTân Phú, ngày 05 tháng 01 năm 2025\n\nQUYẾT ĐỊNH\n\nVề việc ban hành Kế hoạch "
                  "cải cách hành chính năm 2025\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂN PHÚ\n\nCăn cứ Luật Tổ chức chính "
                  "quyền địa phương ngày 19 tháng 6 năm 2015;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này.")
    assert h.kind == "decision" and h.number == "102/QĐ-UBND"
    assert h.issuer == "Ủy ban nhân dân xã Tân Phú" and h.parent_issuer is None  # one name wrapped over two lines
    assert h.title == "Về việc ban hành Kế hoạch cải cách hành chính năm 2025" and h.year == 2025


def test_pdf_line_with_both_columns_merged():
    h = header_of("UBND TỈNH LÀO CAI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ CÔNG THƯƠNG Độc lập - Tự do - Hạnh phúc\n"
                  "Số: 1050/SCT-QLCN Lào Cai, ngày 20 tháng 5 năm 2026\nV/v đôn đốc báo cáo tình hình hoạt động hóa chất\n\n"
                  "Kính gửi: Các doanh nghiệp hoạt động hóa chất\n\nSở Công Thương đề nghị các doanh nghiệp báo cáo.")
    assert (h.issuer, h.parent_issuer) == ("Sở Công Thương", "Ủy ban nhân dân tỉnh Lào Cai")
    assert h.number == "1050/SCT-QLCN" and h.date == dt.date(2026, 5, 20) and h.place == "Lào Cai"
    assert h.kind == "official_letter" and h.title.startswith("đôn đốc báo cáo")
    assert h.recipients == ["Các doanh nghiệp hoạt động hóa chất"]


def test_word_plain_text_export_of_the_header_table():
    # Word's "Save as Plain Text": a cell's paragraphs on their own lines, cells of a row joined by a tab
    h = header_of("UBND PHƯỜNG HỒNG GAI\nTRƯỜNG MẦM NON HOA SEN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                  "Độc lập - Tự do - Hạnh phúc\nSố: 86/KH-MNHS\tHồng Gai, ngày 22 tháng 9 năm 2025\nKẾ HOẠCH\n"
                  "Thực hiện nhiệm vụ năm học 2025-2026\nCăn cứ Thông tư số 52/2020/TT-BGDĐT ngày 31/12/2020;")
    assert (h.issuer, h.parent_issuer) == ("Trường mầm non Hoa Sen", "Ủy ban nhân dân phường Hồng Gai")
    assert (h.number, h.place, h.date) == ("86/KH-MNHS", "Hồng Gai", dt.date(2025, 9, 22))
    assert (h.kind, h.title, h.year) == ("plan", "Thực hiện nhiệm vụ năm học 2025-2026", 2025)


def test_sentence_starting_with_so_is_not_a_number():
    h = header_of("KẾ HOẠCH\n\nPhát triển giáo dục năm 2024\n\nSố lượng học sinh tăng 5% so với năm trước.")
    assert h.number is None


def test_short_document_signer_is_not_found_in_the_header():
    h = header_of("HỘI LHPN HUYỆN NAM ĐÀN\n\nBAN THƯỜNG VỤ\n\nHỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM\n\nSố: 27/BC-HPN\n\n"
                  "Nam Đàn, ngày 18 tháng 6 năm 2025\n\nBÁO CÁO\n\nSơ kết công tác Hội 6 tháng đầu năm 2025\n\n"
                  "I. KẾT QUẢ\n\nCác cấp Hội đã tuyên truyền.\n\nNơi nhận:\n\n- Hội LHPN tỉnh;\n\n- Lưu VP.\n\n"
                  "TM. BAN THƯỜNG VỤ\n\nCHỦ TỊCH\n\nPhan Thị Lan")
    assert h.issuer == "Ban Thường vụ Hội Liên hiệp Phụ nữ huyện Nam Đàn"
    assert h.signer.authority == "TM." and h.signer.name == "Phan Thị Lan"
    assert h.body_end is not None and h.distribution == ["Hội LHPN tỉnh", "Lưu VP"]


def test_decision_with_its_plan_attached():
    from docanalyze.analysis import analyze

    result = analyze(from_text("UBND TỈNH BÌNH PHƯỚC\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 158/QĐ-SKHCN\n\n"
              "Đồng Xoài, ngày 15 tháng 5 năm 2023\n\nQUYẾT ĐỊNH\n\nBan hành Kế hoạch nâng cao năng suất năm 2023\n\n"
              "GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ\n\nCăn cứ Quyết định số 36/2021/QĐ-UBND ngày 24/9/2021;\n\nQUYẾT ĐỊNH:\n\n"
              "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch nâng cao năng suất năm 2023.\n\n"
              "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\nNơi nhận:\n\n- Như Điều 2;\n\n- Lưu: VT.\n\n"
              "GIÁM ĐỐC\n\nNguyễn Thanh Bình\n\nKẾ HOẠCH\n\nNâng cao năng suất năm 2023\n\n"
              "(Ban hành kèm theo Quyết định số 158/QĐ-SKHCN ngày 15/5/2023)\n\nI. MỤC TIÊU\n\n- Hỗ trợ 08 doanh nghiệp.\n\n"
              "II. NHIỆM VỤ\n\n1. Tổ chức 02 lớp đào tạo về công cụ cải tiến năng suất, hoàn thành trong Quý II/2023.\n\n"
              "2. Phòng Quản lý chuyên ngành là đầu mối tổng hợp báo cáo trước ngày 20/12/2023."))
    h = result.header
    assert h.kind == "decision" and h.signer.name == "Nguyễn Thanh Bình"
    (annex,) = h.annexes
    assert (annex.kind, annex.title) == ("plan", "Nâng cao năng suất năm 2023")
    assert [t.text[:20] for t in result.tasks] == ["Tổ chức 02 lớp đào t", "Phòng Quản lý chuyên"]
    assert result.tasks[1].lead == ["Phòng Quản lý chuyên ngành"]
    assert {d.text for d in result.deadlines} >= {"Quý II/2023", "trước ngày 20/12/2023"}


def test_lettered_parts_above_roman_sections():
    from docanalyze.analysis import analyze

    result = analyze(from_text("BÁO CÁO\n\nTình hình 6 tháng đầu năm, nhiệm vụ 6 tháng cuối năm 2021\n\n"
              "A. KẾT QUẢ THỰC HIỆN\n\nI. VỀ KINH TẾ\n\nSản xuất ổn định.\n\nII. VỀ XÃ HỘI\n\nBảo đảm an sinh.\n\n"
              "B. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2021\n\n1. Đẩy nhanh giải ngân vốn đầu tư công.\n\n"
              "2. Chuẩn bị các điều kiện cho năm học mới.\n\nC. ĐỀ XUẤT, KIẾN NGHỊ\n\nĐề nghị tỉnh hỗ trợ."))
    tops = [(s.marker, s.title) for s in result.sections if s.level == 1]
    assert [m for m, _ in tops] == ["A.", "B.", "C."]
    assert [t.text for t in result.tasks] == ["Đẩy nhanh giải ngân vốn đầu tư công.",
                                              "Chuẩn bị các điều kiện cho năm học mới."]


def test_abbreviated_body_names_are_written_out():
    from docanalyze.lexicon import load_toml
    from docanalyze.structure.header import display_name

    for name, expected in load_toml("abbreviations.toml")["examples"]:
        assert display_name(name) == expected
