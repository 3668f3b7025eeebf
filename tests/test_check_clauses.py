"""A plan task's who/when clauses, which the check leaves out of the task's words."""
from __future__ import annotations

import pytest

from docanalyze.coverage.clauses import clause_spans, is_meta, meta_spans


def masked(text: str) -> list[str]:
    return [text[a:b].strip() for a, b in meta_spans(text)]


@pytest.mark.parametrize("text, expected", [
    # a unit's assignment after the work, and a time clause
    ("Tổ chức hội nghị triển khai Luật Phòng, chống bạo lực gia đình năm 2022 cho cán bộ, công chức xã. "
     "Công chức Tư pháp - Hộ tịch chủ trì, phối hợp với Công an xã thực hiện.",
     ["Công chức Tư pháp - Hộ tịch chủ trì, phối hợp với Công an xã thực hiện."]),
    ("Rà soát, sắp xếp mạng lưới cơ sở giáo dục nghề nghiệp công lập; tổ chức Hội thi giáo viên dạy giỏi. "
     "Phòng Giáo dục nghề nghiệp chủ trì; hoàn thành trong Quý III/2023.",
     ["Phòng Giáo dục nghề nghiệp chủ trì;", "hoàn thành trong Quý III/2023."]),
    # field lines under a bullet: the label and the rest of its line
    ("Áp dụng bảng kiểm an toàn phẫu thuật cho 100% ca phẫu thuật.\n\nThời gian: 6 tháng đầu năm 2025.\n\n"
     "Đơn vị thực hiện: Khoa Phẫu thuật - Gây mê hồi sức.",
     ["Thời gian:", "6 tháng đầu năm 2025.", "Đơn vị thực hiện:", "Khoa Phẫu thuật - Gây mê hồi sức."]),
    # a unit heading the task
    ("Công chức Tài chính - Kế toán: Tham mưu bố trí kinh phí thực hiện Kế hoạch từ nguồn ngân sách xã.",
     ["Công chức Tài chính - Kế toán:"]),
    ("Hiệu trưởng: Chỉ đạo chung; ban hành quyết định phân công nhiệm vụ cho cán bộ, giáo viên.", ["Hiệu trưởng:"]),
    # work that opens like a heading or with an assignment verb stays
    ("Tổ chức Tháng Thanh niên năm 2024: ra quân tình nguyện, hiến máu.", []),
    ("Chỉ đạo tổ chức diễn tập chiến đấu phòng thủ cho 03 xã: Xã A, Xã B.", []),
    ("Trung tâm Y tế huyện: Chủ trì khám sức khỏe nghĩa vụ quân sự cho công dân trong diện gọi nhập ngũ.",
     ["Trung tâm Y tế huyện:"]),
    ("Đẩy nhanh tiến độ thực hiện và giải ngân kế hoạch vốn đầu tư công năm 2023.", []),
    ("Phòng Văn hóa và Thông tin chủ trì, phối hợp tổ chức hội nghị tuyên truyền chuyển đổi số.", []),
    # nothing but who/when: nothing is masked, the task keeps its words
    ("Phòng Nội vụ chủ trì, phối hợp với các cơ quan, đơn vị thực hiện.", []),
])
def test_who_when_clauses(text: str, expected: list[str]) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize("clause, meta", [
    ("Thường xuyên.", True),
    ("cả năm 2023.", True),
    ("trước ngày 31/7/2022.", True),
    ("Quý II - Quý III/2022.", True),
    ("tập huấn cho giáo viên khai thác kho học liệu số.", False),
    ("Bộ phận Một cửa huyện và Ủy ban nhân dân các xã, thị trấn thực hiện;", True),
])
def test_single_clauses(clause: str, meta: bool) -> None:
    assert is_meta(clause) is meta


def test_clause_spans_point_into_the_text() -> None:
    text = "Rà soát hồ sơ; tổ chức hội nghị.\nThời gian: Quý I/2024."
    spans = clause_spans(text)
    assert [text[a:b] for a, b in spans] == ["Rà soát hồ sơ;", "tổ chức hội nghị.", "Thời gian:", "Quý I/2024."]


@pytest.mark.parametrize("text, pieces", [
    # clauses, and a comma or "và" before a work verb
    ("Rà soát, sắp xếp mạng lưới cơ sở giáo dục nghề nghiệp công lập; tổ chức Hội thi giáo viên dạy giỏi. "
     "Phòng Giáo dục nghề nghiệp chủ trì; hoàn thành trong Quý III/2023.",
     ["Rà soát,", "sắp xếp mạng lưới cơ sở giáo dục nghề nghiệp công lập;", "tổ chức Hội thi giáo viên dạy giỏi."]),
    ("Duy trì 84 đoạn đường tự quản; hướng dẫn hội viên phân loại rác thải sinh hoạt tại nguồn, tận dụng rác "
     "thải hữu cơ làm phân bón vi sinh.",
     ["Duy trì 84 đoạn đường tự quản;", "hướng dẫn hội viên phân loại rác thải sinh hoạt tại nguồn, tận dụng rác "
      "thải hữu cơ làm phân bón vi sinh."]),
    # a list of objects is one piece
    ("Triển khai sổ điểm điện tử, học bạ số đối với tất cả các khối lớp.",
     ["Triển khai sổ điểm điện tử, học bạ số đối với tất cả các khối lớp."]),
])
def test_pieces_of_work(text: str, pieces: list[str]) -> None:
    from docanalyze.coverage.clauses import part_spans

    assert [text[a:b].strip() for a, b in part_spans(text)] == pieces
