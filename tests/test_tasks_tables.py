"""Task tables: columns found by meaning, merged two-row headers, group rows, tables split by pages.

Tables are built as the Word and PDF readers build them (cells at grid positions,
merged cells once with rowspan/colspan), and once as a real .docx with merged
cells written by python-docx.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from docanalyze.analysis import analyze
from docanalyze.extract.task_tables import column_role
from docanalyze.readers.builder import DocumentBuilder, RawCell

# (header as written, role)
HEADERS = [
    ("TT", "index"), ("STT", "index"), ("Số TT", "index"),
    ("Nội dung", "content"), ("Nhiệm vụ", "content"), ("Nội dung công việc", "content"),
    ("Nội dung thực hiện", "content"), ("Tên nhiệm vụ", "content"), ("Nhiệm vụ/Giải pháp được giao", "content"),
    ("Đơn vị chủ trì", "lead"), ("Cơ quan chủ trì", "lead"), ("Đơn vị thực hiện", "lead"),
    ("Đơn vị Chủ trì", "lead"), ("Người phụ trách", "lead"), ("Khoa, phòng chủ trì", "lead"),
    ("Đơn vị phối hợp", "partners"), ("Cơ quan phối hợp", "partners"), ("Phối hợp", "partners"),
    ("Cơ quan chủ trì, phối hợp", "units"), ("Đơn vị chủ trì/phối hợp", "units"),
    ("Thời gian thực hiện", "time"), ("Thời gian hoàn thành", "time"),
    ("Thời gian thực hiện và hoàn thành", "time"), ("Thời hạn", "time"), ("Tiến độ", "time"),
    ("Thời gian bắt đầu", "time_start"), ("Thời gian kết thúc", "time_end"),
    ("Sản phẩm", "product"), ("Kết quả đầu ra", "product"), ("Ghi chú", "note"),
    ("Kết quả thực hiện", "result"), ("Đơn vị tính", "other"), ("Địa chỉ", "other"), ("Họ và tên", "other"),
]


@pytest.mark.parametrize("header,role", HEADERS)
def test_column_roles(header: str, role: str) -> None:
    assert column_role(header) == role


def _plan(table_rows: list[list[RawCell]] | None = None, *, tables: list[list[RawCell]] | None = None,
          between: str | None = None):
    """A small plan whose II. NỘI DUNG holds the given table(s); ``between`` is a heading between two tables."""
    b = DocumentBuilder(source="synthetic", format="docx")
    b.add_paragraph("ỦY BAN NHÂN DÂN XÃ AN BÌNH")
    b.add_paragraph("Số: 12/KH-UBND")
    b.add_paragraph("An Bình, ngày 10 tháng 01 năm 2024")
    b.add_paragraph("KẾ HOẠCH")
    b.add_paragraph("Thực hiện nhiệm vụ năm 2024")
    b.add_paragraph("I. MỤC ĐÍCH, YÊU CẦU")
    b.add_paragraph("1. Bảo đảm hoàn thành các chỉ tiêu của năm.")
    b.add_paragraph("II. NỘI DUNG")
    for k, cells in enumerate(tables or [table_rows or []]):
        if k and between:
            b.add_paragraph(between)
        b.add_table(cells)
    b.add_paragraph("Trên đây là Kế hoạch của Ủy ban nhân dân xã./.")
    return analyze(b.build())


def _cells(rows: list[list[str | tuple[str, int, int]]], start_row: int = 0) -> list[RawCell]:
    """Rows of cell texts; a (text, rowspan, colspan) tuple is a merged cell, None an already covered position."""
    out = []
    for r, row in enumerate(rows):
        c = 0
        for item in row:
            if item is None:
                c += 1
                continue
            text, rs, cs = item if isinstance(item, tuple) else (item, 1, 1)
            out.append(RawCell(text=text, row=start_row + r, col=c, rowspan=rs, colspan=cs))
            c += 1
    return out


TWO_ROW_HEADER = [
    [("TT", 2, 1), ("Nội dung công việc", 2, 1), ("Thời gian", 2, 1), ("Đơn vị thực hiện", 1, 2), None,
     ("Ghi chú", 2, 1)],
    [None, None, None, "Chủ trì", "Phối hợp", None],
    ["1", "2", "3", "4", "5", "6"],
    [("I", 1, 1), ("CÔNG TÁC TUYÊN TRUYỀN", 1, 5)],
    ["1", "Tổ chức tuyên truyền Luật Đất đai năm 2024 đến Nhân dân các thôn.", "Quý II/2024",
     "Công chức Địa chính - Xây dựng", "Các thôn", ""],
    ["2", "Rà soát, bổ sung quy chế làm việc của Ủy ban nhân dân xã.", "Tháng 3/2024",
     "Văn phòng HĐND và UBND xã", "", ""],
]


def test_merged_two_row_header_in_any_order() -> None:
    a = _plan(_cells(TWO_ROW_HEADER))
    assert [t.text[:20] for t in a.tasks] == ["Tổ chức tuyên truyền", "Rà soát, bổ sung quy"]
    first, second = a.tasks
    assert first.lead == ["Công chức Địa chính - Xây dựng"] and first.partners == ["Các thôn"]
    assert (first.date_start.isoformat(), first.date_end.isoformat()) == ("2024-04-01", "2024-06-30")
    assert first.section == "CÔNG TÁC TUYÊN TRUYỀN"  # the group row names the group, it is no task
    assert second.partners == [] and second.timeframe == "Tháng 3/2024"
    assert [d.text for d in a.deadlines] == ["Quý II/2024", "Tháng 3/2024"]


def test_table_continued_after_a_heading_keeps_its_columns_and_joins_a_split_row() -> None:
    head = [["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
            ["1", "Xây dựng kế hoạch kiểm tra công vụ năm 2024 đối với các bộ phận", "Văn phòng UBND xã",
             "Công an xã", "Quý I/2024"],
            ["2", "Tổ chức đối thoại giữa Chủ tịch Ủy ban nhân dân xã với Nhân dân về", "Chủ tịch UBND xã",
             "Ủy ban MTTQ xã", "Quý III/2024"]]
    rest = [["", "công tác giải phóng mặt bằng các dự án trên địa bàn.", "", "", ""],
            ["3", "Tổng kết công tác năm 2024 và xây dựng kế hoạch năm 2025.", "Văn phòng UBND xã",
             "Các ban, ngành", "Trước ngày 20/12/2024"]]
    a = _plan(tables=[_cells(head), _cells(rest)], between="III. TỔ CHỨC THỰC HIỆN")
    assert len(a.tasks) == 3
    two = a.tasks[1]
    assert two.text.endswith("giải phóng mặt bằng các dự án trên địa bàn.")
    assert two.lead == ["Chủ tịch UBND xã"] and two.timeframe == "Quý III/2024"
    three = a.tasks[2]
    assert three.lead == ["Văn phòng UBND xã"] and three.date_end.isoformat() == "2024-12-20"
    assert three.date_start is None


def test_header_repeated_on_a_new_page_is_not_a_task() -> None:
    rows = [["TT", "Nội dung", "Đơn vị chủ trì", "Thời gian"],
            ["1", "Kiện toàn Ban Chỉ đạo công tác chuyển đổi số của xã.", "Văn phòng UBND xã", "Tháng 2/2024"],
            ["TT", "Nội dung", "Đơn vị chủ trì", "Thời gian"],
            ["2", "Tập huấn kỹ năng số cho cán bộ, công chức xã.", "Công chức Văn hóa - Xã hội", "Quý II/2024"]]
    a = _plan(_cells(rows))
    assert [t.lead for t in a.tasks] == [["Văn phòng UBND xã"], ["Công chức Văn hóa - Xã hội"]]


def test_one_column_for_both_units_and_two_for_the_dates() -> None:
    rows = [["TT", "Nội dung", "Cơ quan chủ trì, phối hợp", "Bắt đầu", "Kết thúc"],
            ["1", "Điều tra, rà soát hộ nghèo, hộ cận nghèo năm 2024 trên địa bàn xã.",
             "Chủ trì: Công chức Lao động - Thương binh và Xã hội; Phối hợp: Trưởng các thôn",
             "01/10/2024", "15/12/2024"]]
    a = _plan(_cells(rows))
    (t,) = a.tasks
    assert t.lead == ["Công chức Lao động - Thương binh và Xã hội"] and t.partners == ["Trưởng các thôn"]
    assert (t.date_start.isoformat(), t.date_end.isoformat()) == ("2024-10-01", "2024-12-15")


def test_lead_merged_over_rows_applies_to_each() -> None:
    rows = [["TT", "Nội dung", "Đơn vị chủ trì", "Thời gian"],
            ["1", "Cập nhật dữ liệu dân cư trên hệ thống của xã.", ("Công an xã", 2, 1), "Quý I/2024"],
            ["2", "Hướng dẫn Nhân dân kích hoạt tài khoản định danh điện tử.", None, "Quý II/2024"]]
    a = _plan(_cells(rows))
    assert [t.lead for t in a.tasks] == [["Công an xã"], ["Công an xã"]]


def test_a_table_that_assigns_nothing_yields_no_task() -> None:
    rows = [["STT", "Họ và tên", "Chức vụ", "Số điện thoại"], ["1", "Nguyễn Văn An", "Chủ tịch", "0912 000 000"]]
    assert _plan(_cells(rows)).tasks == []


def test_word_table_with_merged_header(tmp_path: Path) -> None:
    """A real .docx: 'Đơn vị' merged over 'Chủ trì | Phối hợp', TT and Nội dung merged down two rows."""
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for line in ("ỦY BAN NHÂN DÂN XÃ AN BÌNH", "Số: 12/KH-UBND", "An Bình, ngày 10 tháng 01 năm 2024", "KẾ HOẠCH",
                 "Thực hiện nhiệm vụ năm 2024", "I. NỘI DUNG"):
        d.add_paragraph(line)
    t = d.add_table(rows=4, cols=5)
    t.cell(0, 0).merge(t.cell(1, 0)).text = "TT"
    t.cell(0, 1).merge(t.cell(1, 1)).text = "Nội dung"
    t.cell(0, 2).merge(t.cell(0, 3)).text = "Đơn vị"
    t.cell(1, 2).text, t.cell(1, 3).text = "Chủ trì", "Phối hợp"
    t.cell(0, 4).merge(t.cell(1, 4)).text = "Thời gian"
    for r, row in enumerate([["1", "Tổ chức Hội nghị cán bộ, công chức năm 2024.", "Văn phòng UBND xã",
                              "Công đoàn cơ sở", "Tháng 01/2024"],
                             ["2", "Xây dựng Đề án vị trí việc làm của xã.", "Công chức Nội vụ", "", "Quý III/2024"]],
                            start=2):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    d.add_paragraph("Trên đây là Kế hoạch./.")
    path = tmp_path / "plan.docx"
    d.save(path)
    a = analyze(path)
    assert [(t.lead, t.partners, t.timeframe) for t in a.tasks] == [
        (["Văn phòng UBND xã"], ["Công đoàn cơ sở"], "Tháng 01/2024"),
        (["Công chức Nội vụ"], [], "Quý III/2024")]


def test_a_row_merged_across_the_table_heads_a_group() -> None:
    rows = [["TT", "Nội dung", "Đơn vị chủ trì", "Thời gian"],
            [("Nhóm nhiệm vụ về cải cách thủ tục hành chính", 1, 4)],
            ["1", "Công khai thủ tục hành chính tại Bộ phận Một cửa.", "Công chức Văn phòng", "Quý I/2024"]]
    a = _plan(_cells(rows))
    assert [t.section for t in a.tasks] == ["Nhóm nhiệm vụ về cải cách thủ tục hành chính"]
