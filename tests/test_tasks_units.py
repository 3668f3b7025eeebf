"""Lead and partner units as tasks write them (table-driven)."""
from __future__ import annotations

import pytest

from docanalyze.extract.units import (
    aside_lead,
    closing_lead,
    labels_in,
    lead_in_text,
    partners_before,
    partners_in_text,
    split_units,
    subject_unit,
    unit_heading,
    units_of_label,
)

SPLIT = [
    ("Các phòng CMNV Sở, đơn vị thuộc Sở", ["Các phòng CMNV Sở", "đơn vị thuộc Sở"]),
    ("Các phòng CMNV Sở, đơn vị thuộc Sở, đơn vị liên quan",
     ["Các phòng CMNV Sở", "đơn vị thuộc Sở", "đơn vị liên quan"]),
    ("UBND các xã, thị trấn", ["UBND các xã, thị trấn"]),
    ("Sở Giáo dục và Đào tạo", ["Sở Giáo dục và Đào tạo"]),
    ("Văn phòng HĐND và UBND huyện", ["Văn phòng HĐND và UBND huyện"]),
    ("Công đoàn bệnh viện; Đoàn Thanh niên bệnh viện", ["Công đoàn bệnh viện", "Đoàn Thanh niên bệnh viện"]),
    ("- Phòng Tư pháp\n- Công an huyện", ["Phòng Tư pháp", "Công an huyện"]),
]


@pytest.mark.parametrize("text,expected", SPLIT)
def test_split_units(text: str, expected: list[str]) -> None:
    assert split_units(text) == expected


SUBJECT = [
    ("Văn phòng Sở chủ trì, phối hợp với các phòng CMNV Sở triển khai", "Văn phòng Sở"),
    ("Hiệu trưởng các trường mầm non, tiểu học, trung học cơ sở căn cứ Kế hoạch này chủ động xây dựng",
     "Hiệu trưởng các trường mầm non, tiểu học, trung học cơ sở"),
    ("Đề nghị các cơ quan chuyên môn, đơn vị sự nghiệp công lập thuộc Ủy ban nhân dân huyện phối hợp thực hiện",
     "các cơ quan chuyên môn, đơn vị sự nghiệp công lập thuộc Ủy ban nhân dân huyện"),
    ("Phòng Tổ chức cán bộ tham mưu Giám đốc Sở", "Phòng Tổ chức cán bộ"),
    ("Hội đồng Quản lý chất lượng bệnh viện họp định kỳ hằng quý", "Hội đồng Quản lý chất lượng bệnh viện"),
    ("Đài Truyền thanh xã duy trì chuyên mục Học tập và làm theo Bác", "Đài Truyền thanh xã"),
    ("Mỗi chi bộ đăng ký xây dựng ít nhất 01 mô hình", "Mỗi chi bộ"),
    ("Các Hạt Quản lý đê báo cáo kết quả về Chi cục", "Các Hạt Quản lý đê"),
    # verbs and nouns that only look like unit names
    ("Phòng, chống tham nhũng, tiêu cực trong cơ quan", None),
    ("Tổ chức hội nghị quán triệt Nghị quyết", None),
    ("Ban hành văn bản chỉ đạo các đơn vị", None),
    ("Hội nghị cán bộ, công chức được tổ chức vào Quý I", None),
    ("Tiếp tục triển khai thực hiện Chỉ thị số 04/CT-UBND", None),
]


@pytest.mark.parametrize("text,expected", SUBJECT)
def test_subject_unit(text: str, expected: str | None) -> None:
    assert subject_unit(text) == expected


HEADINGS = [
    ("Các phòng thuộc Sở Giáo dục và Đào tạo", ("Các phòng thuộc Sở Giáo dục và Đào tạo", None)),
    ("Các đơn vị giáo dục", ("Các đơn vị giáo dục", None)),
    ("Trách nhiệm của Văn phòng Sở", ("Văn phòng Sở", None)),
    ("Đề nghị Ủy ban MTTQ Việt Nam huyện và các đoàn thể", ("Ủy ban MTTQ Việt Nam huyện và các đoàn thể", None)),
    ("Văn phòng Sở: Chủ trì tham mưu", ("Văn phòng Sở", 14)),
    ("Liên đội: tổ chức các hoạt động hưởng ứng", ("Liên đội", 10)),
    ("Nhiệm vụ thường xuyên", None),
    ("Về công tác dân vận chính quyền", None),
    ("TỔ CHỨC THỰC HIỆN", None),
    ("Thời gian: Quý II/2024", None),
    ("Văn phòng Sở chủ trì tham mưu tổng kết", None),
]


@pytest.mark.parametrize("title,expected", HEADINGS)
def test_unit_heading(title: str, expected: tuple[str, int | None] | None) -> None:
    assert unit_heading(title) == expected


def test_lead_before_chu_tri() -> None:
    assert lead_in_text("Tổ chức Hội thi cấp xã; Khối dân vận xã chủ trì, phối hợp với Đoàn Thanh niên") == [
        "Khối dân vận xã"]
    assert lead_in_text("Tham mưu ban hành văn bản của Sở chỉ đạo, giao Văn phòng Sở chủ trì") == ["Văn phòng Sở"]
    assert lead_in_text("Tổ chức hội nghị, chủ trì thảo luận các chuyên đề") == []


def test_partners_after_phoi_hop_voi() -> None:
    assert partners_in_text("Phối hợp tốt với các sở, ngành liên quan thực hiện hiệu quả công tác") == [
        "các sở, ngành liên quan"]
    assert partners_in_text("Công chức Văn hóa - Xã hội chủ trì, phối hợp với Ban công tác Mặt trận các thôn, "
                            "buôn thực hiện") == ["Ban công tác Mặt trận các thôn, buôn"]
    assert partners_in_text("Phối hợp, tổ chức tuyên truyền, thực hiện Kế hoạch với các hình thức truyền thông") == []


def test_label_lines() -> None:
    text = ("Tổ chức hội nghị.\nThời gian: Quý II/2024\nĐơn vị thực hiện: Phòng Văn hóa; phối hợp: Công an huyện")
    assert [(lab.role, lab.value) for lab in labels_in(text)] == [
        ("time", "Quý II/2024"), ("lead", "Phòng Văn hóa"), ("partners", "Công an huyện")]
    for lab in labels_in(text):
        assert text[lab.start : lab.end] == lab.value
    assert units_of_label("Phòng Quản lý chất lượng chủ trì; các khoa lâm sàng, cận lâm sàng phối hợp") == (
        ["Phòng Quản lý chất lượng"], ["các khoa lâm sàng, cận lâm sàng"])
    assert units_of_label("Phòng Kế hoạch tổng hợp; các khoa có liên quan") == (
        ["Phòng Kế hoạch tổng hợp", "các khoa có liên quan"], [])


def test_lexicon_examples() -> None:
    """Every example written beside the lexicons holds."""
    from docanalyze.extract.task_tables import column_role
    from docanalyze.extract.work_sections import own_role
    from docanalyze.items import Section
    from docanalyze.lexicon import load_toml

    for text, subject, partners in load_toml("units.toml")["examples"]["subjects"]:
        assert (subject_unit(text) or "") == subject, text
        assert " | ".join(partners_in_text(text)) == partners, text
    for header, role in load_toml("task_columns.toml")["examples"]["headers"]:
        assert column_role(header) == role, header
    for title, kind, role in load_toml("task_sections.toml")["examples"]:
        sec = Section(marker="I.", style="roman", level=1, title=title, start=0, heading_end=len(title), end=100)
        assert (own_role(sec, kind) or "") == role, title


# (task text, lead named before "chủ trì" or in a closing who/when aside)
LEADS = [
    ("Tuần tra bảo vệ đê mùa lũ (Hạt Quản lý đê các huyện, thị xã chủ trì; tháng 6 - tháng 10/2025).",
     ["Hạt Quản lý đê các huyện, thị xã"]),
    ("Kiểm tra an toàn hồ chứa (Chi cục Thủy lợi; Quý II/2025).", []),  # aside: read by aside_lead below
    # the whole clause before "chủ trì" is the name, verb-like words and posts included
    ("Cấp phép xây dựng đúng hạn (Phòng Quản lý xây dựng chủ trì; thường xuyên).", ["Phòng Quản lý xây dựng"]),
    ("Xét xử các vụ án hình sự. Phó Chánh án phụ trách hình sự chủ trì; cả năm.", ["Phó Chánh án phụ trách hình sự"]),
    ("Công khai bản án. Thư ký Tòa án chủ trì, Bộ phận Văn phòng phối hợp; thường xuyên.", ["Thư ký Tòa án"]),
]


# (task text, unit of the short sentence that closes it by saying who does it)
CLOSING = [
    ("Giải quyết các vụ việc dân sự đúng hạn. Các Thẩm phán được phân công thực hiện; cả năm.", ["Các Thẩm phán"]),
    ("Hướng dẫn doanh nghiệp lập hồ sơ. Giao Phòng Quản lý môi trường thực hiện thường xuyên.",
     ["Phòng Quản lý môi trường"]),
    ("Phát động phong trào thi đua. Công đoàn cơ sở phối hợp với Giám đốc thực hiện; Quý II/2025.",
     ["Công đoàn cơ sở"]),
    # more work after the unit, or a single sentence: not a closing who-statement
    ("Rà soát hồ sơ. Văn phòng Sở thực hiện các nhiệm vụ khác theo chỉ đạo của Giám đốc.", []),
    ("Các Thẩm phán thực hiện nghiêm quy tắc ứng xử.", []),
]


@pytest.mark.parametrize("text,expected", CLOSING)
def test_closing_lead(text: str, expected: list[str]) -> None:
    assert closing_lead(text) == expected


# (task text, partners named before a closing "phối hợp")
PARTNERS_BEFORE = [
    ("Xây dựng phần mềm theo dõi vi phạm (Thanh tra Sở chủ trì, Sở Thông tin và Truyền thông phối hợp; Quý III/2025).",
     ["Sở Thông tin và Truyền thông"]),
    ("Tổ chức phiên tòa lưu động. Phó Chánh án chủ trì, Ủy ban nhân dân các xã phối hợp; Quý II và Quý III/2025.",
     ["Ủy ban nhân dân các xã"]),
    ("Tổ chức hội nghị, phối hợp; cả năm.", []),
]


@pytest.mark.parametrize("text,expected", PARTNERS_BEFORE)
def test_partners_before(text: str, expected: list[str]) -> None:
    assert partners_before(text) == expected


@pytest.mark.parametrize("text,expected", LEADS)
def test_lead_in_text_cases(text: str, expected: list[str]) -> None:
    assert lead_in_text(text) == expected


ASIDES = [
    ("Kiểm tra an toàn hồ chứa trước mùa mưa (Chi cục Thủy lợi; Quý II/2025).", ["Chi cục Thủy lợi"]),
    ("Trồng cây phân tán (Hạt Kiểm lâm các huyện, thị xã; cả năm 2025)", ["Hạt Kiểm lâm các huyện, thị xã"]),
    # not a who/when aside: no units, or no time after them, or not at the end
    ("Hỗ trợ hộ nghèo (ưu tiên hộ có người khuyết tật; hộ đơn thân).", []),
    ("Tập huấn cho cán bộ (Phòng Nông nghiệp) về kỹ thuật canh tác.", []),
    ("Tổ chức hội thi (Phòng Văn hóa).", []),
]


@pytest.mark.parametrize("text,expected", ASIDES)
def test_aside_lead(text: str, expected: list[str]) -> None:
    assert aside_lead(text) == expected


PARTNERS = [
    ("Phối hợp Ủy ban nhân dân các xã ngăn chặn, giải tỏa các trường hợp lấn chiếm hành lang đê",
     ["Ủy ban nhân dân các xã"]),
    ("Chủ trì, phối hợp với Công an huyện truy quét các tụ điểm cờ bạc", ["Công an huyện"]),
]


@pytest.mark.parametrize("text,expected", PARTNERS)
def test_partners_end_at_the_work(text: str, expected: list[str]) -> None:
    assert partners_in_text(text) == expected
