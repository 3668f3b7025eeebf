"""Deadlines on real documents (.txt, .docx, .pdf) against their gold, and what is not a deadline."""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from docanalyze.analysis import Analysis, analyze
from docanalyze.normalize import fold

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = CORPUS / "gold"
GOLDS = sorted([*GOLD.glob("0*.gold.json"), *GOLD.glob("plans_*.gold.json")])
CASES = [(g, e) for g in GOLDS for e in (".txt", ".docx", ".pdf")]


@cache
def _analysis(path: str) -> Analysis:
    return analyze(path)


def _iso(d: object) -> str | None:
    return d.isoformat() if d is not None else None  # type: ignore[attr-defined]


@pytest.mark.parametrize("gold_path,ext", CASES, ids=[f"{g.stem.split('.')[0]}{e}" for g, e in CASES])
def test_deadlines_against_gold(gold_path: Path, ext: str) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    doc = (CORPUS / gold["doc"]).with_suffix(ext)
    if not doc.exists():
        pytest.skip(f"{doc.name} not generated (tools/make_fixtures.py)")
    found = _analysis(str(doc)).deadlines
    used: set[int] = set()
    for g in gold["deadlines"]:
        key = fold(g["key"])
        hit = next((i for i, d in enumerate(found) if i not in used and (fold(d.text) in key or key in fold(d.text))
                    and _iso(d.date_end) == g["end"] and (g["start"] is None or _iso(d.date_start) == g["start"])),
                   None)
        assert hit is not None, f"missed {g['key']} -> {g['start']}..{g['end']}"
        used.add(hit)
    matched = {fold(found[i].text) for i in used}
    extra = [d.text for i, d in enumerate(found) if i not in used and fold(d.text) not in matched]
    assert not extra, f"extra {extra}"


def test_deadlines_say_what_and_who() -> None:
    a = _analysis(str(CORPUS / "001_6a6dedc90bf0a00e.txt"))
    first = a.deadlines[0]
    assert (first.text, first.task_id) == ("Quý I/2025", "4")
    assert first.who == ["Văn phòng Sở"] and first.what and first.what.startswith("Tham mưu ban hành văn bản")
    for d in a.deadlines:
        assert a.text[d.start : d.end] == d.text


def test_cited_dates_and_names_are_not_deadlines() -> None:
    a = _analysis(str(CORPUS / "003_df02fa6b7fd9d86e.txt"))
    assert [d.text for d in a.deadlines] == ["trước ngày 01 tháng 5", "trước ngày 01 tháng 11"]


def test_report_covered_period_is_not_a_deadline() -> None:
    a = _analysis(str(CORPUS / "plans" / "bao_cao_so_ket_trung_tam.txt"))
    texts = [d.text for d in a.deadlines]
    assert "trước ngày 15/6/2024" not in " ".join(texts)  # done already, in the results section
    assert texts == ["6 THÁNG CUỐI NĂM", "Quý III", "trước ngày 15/11/2024"]
    heading = a.deadlines[0]
    assert (_iso(heading.date_start), _iso(heading.date_end)) == ("2024-07-01", "2024-12-31")


def test_heading_period_is_a_deadline_only_when_it_binds() -> None:
    """Every task under "II. NHIỆM VỤ 6 THÁNG CUỐI NĂM 2025" states its own bound: the heading adds none."""
    text = ("BÁO CÁO\n\nSơ kết công tác 6 tháng đầu năm 2025\n\nI. KẾT QUẢ\n\nĐã hoàn thành các chỉ tiêu.\n\n"
            "II. NHIỆM VỤ 6 THÁNG CUỐI NĂM 2025\n\n1. Tổ chức hội thi tuyên truyền viên giỏi trong Quý III/2025.\n\n"
            "2. Tổng kết phong trào thi đua, hoàn thành trước ngày 30/11/2025.\n")
    from docanalyze.readers import from_text

    a = analyze(from_text(text))
    assert [d.text for d in a.deadlines] == ["Quý III/2025", "trước ngày 30/11/2025"]
    assert len(a.tasks) == 2


def test_forward_part_of_a_year_end_report_sets_the_year() -> None:
    """"PHẦN THỨ HAI" / "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025" on two lines: its year binds "Quý I" and the
    tasks that state no bound; the 2024 results above it bind nothing."""
    text = ("ĐẢNG ỦY XÃ TÂN LẬP\n\nSố: 112-BC/ĐU\n\nTân Lập, ngày 10 tháng 12 năm 2024\n\nBÁO CÁO\n\n"
            "Tổng kết công tác năm 2024\n\nPHẦN THỨ NHẤT\n\nKẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024\n\n"
            "1. Công tác xây dựng Đảng\n\nĐã hoàn thành trước ngày 30/6/2024 việc kiểm điểm giữa nhiệm kỳ.\n\n"
            "PHẦN THỨ HAI\n\nPHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025\n\nI. MỤC TIÊU\n\n"
            "Phấn đấu hoàn thành trước ngày 31/12/2025 các chỉ tiêu.\n\nII. NHIỆM VỤ, GIẢI PHÁP\n\n"
            "- Lãnh đạo tổ chức Đại hội các chi bộ, hoàn thành trong Quý I.\n\n"
            "- Chỉ đạo chuyển đổi 20 ha đất lúa kém hiệu quả sang trồng cây ăn quả.\n")
    from docanalyze.readers import from_text

    a = analyze(from_text(text))
    assert [(d.text, _iso(d.date_start), _iso(d.date_end)) for d in a.deadlines] == [
        ("NĂM 2025", "2025-01-01", "2025-12-31"), ("Quý I", "2025-01-01", "2025-03-31")]
    assert [t.timeframe for t in a.tasks] == ["Quý I", "NĂM 2025"]


def test_start_and_end_columns_give_one_bound_at_the_end_cell():
    from docanalyze.analysis import analyze
    from docanalyze.readers import from_text

    result = analyze(from_text("KẾ HOẠCH\n\nBảo vệ rừng năm 2023\n\nII. NHIỆM VỤ\n\n"
              "STT\tNội dung công việc\tĐơn vị chủ trì\tThời gian\t\n\t\t\tBắt đầu\tKết thúc\n"
              "1\tKiện toàn Ban Chỉ đạo cấp huyện.\tPhòng Quản lý bảo vệ rừng\tTháng 01/2023\tTháng 02/2023\n"
              "2\tTuần tra rừng mùa khô.\tCác Hạt Kiểm lâm\tTháng 02/2023\tTháng 4/2023\n"))
    got = [(d.text, d.date_start.isoformat(), d.date_end.isoformat(), d.task_id) for d in result.deadlines]
    assert got == [("Tháng 02/2023", "2023-01-01", "2023-02-28", "1"),
                   ("Tháng 4/2023", "2023-02-01", "2023-04-30", "2")]
    assert all(result.text[d.start:d.end] == d.text for d in result.deadlines)


# (plan body, deadlines as (text, start, end))
DEADLINE_CASES = [
    # a label worded around one expression states the bound by that expression
    ("1. Sửa chữa nhà văn hóa thôn. Thời gian: Hoàn thành trong Quý III/2025.\n\n"
     "2. Xây dựng cổng làng. Thời gian: Quý III/2025.",
     [("Quý III/2025", "2025-07-01", "2025-09-30"), ("Quý III/2025", "2025-07-01", "2025-09-30")]),
    # periods that each carry their own year are two bounds (mid-year and year-end reviews)
    ("1. Sơ kết, tổng kết công tác. Thời gian: Tháng 6/2025 và tháng 12/2025.",
     [("Tháng 6/2025", "2025-06-01", "2025-06-30"), ("tháng 12/2025", "2025-12-01", "2025-12-31")]),
    ("1. Rà soát hộ nghèo; thời gian: từ tháng 9/2025, hoàn thành trước ngày 10/12/2025.",
     [("từ tháng 9/2025, hoàn thành trước ngày 10/12/2025", "2025-09-01", "2025-12-10")]),
    ("- Tổ chức gặp mặt các thế hệ cựu chiến binh nhân dịp 06/12.", [("06/12", "2025-12-06", "2025-12-06")]),
    ("STT\tNội dung\tĐơn vị thực hiện\tThời gian\n1\tHội diễn văn nghệ cấp trường.\tĐoàn trường\t"
     "Tháng 11/2025 - 01/2026\n2\tNgày hội đọc sách.\tThư viện\t21/4",
     [("Tháng 11/2025 - 01/2026", "2025-11-01", "2026-01-31"), ("21/4", "2025-04-21", "2025-04-21")]),
    # the time after a closing who-statement; an open start
    ("1. Sửa chữa hội trường. Bộ phận Văn phòng chủ trì; Quý II/2025.\n\n"
     "2. Số hóa hồ sơ lưu trữ. Văn thư cơ quan thực hiện. Thời gian: từ tháng 3/2025.",
     [("Quý II/2025", "2025-04-01", "2025-06-30"), ("từ tháng 3/2025", "2025-03-01", None)]),
    # cut-offs in a task table's work or expected-result cell, beside a time cell that states none
    ("STT\tNhiệm vụ\tĐơn vị thực hiện\tThời gian\tKết quả dự kiến\n"
     "1\tBáo cáo sơ kết trước ngày 20/6/2025 và tổng kết trước ngày 10/12/2025\tVăn phòng\tTheo thời hạn\tĐúng hạn\n"
     "2\tHướng dẫn hoàn thiện hồ sơ pháp lý\tBộ phận Kế toán\tQuý I/2025\t100% hồ sơ xong trước ngày 31/3/2025",
     [("trước ngày 20/6/2025", None, "2025-06-20"), ("trước ngày 10/12/2025", None, "2025-12-10"),
      ("Quý I/2025", "2025-01-01", "2025-03-31"), ("trước ngày 31/3/2025", None, "2025-03-31")]),
]


def test_grounds_and_the_plans_own_period_are_not_deadlines() -> None:
    from docanalyze.readers import from_text

    a = analyze(from_text(
        "KẾ HOẠCH\n\nCông tác năm 2025\n\nCăn cứ Quyết định số 12/QĐ-TTg ngày 14/8/2020 của Thủ tướng Chính phủ phê "
        "duyệt Chiến lược quốc gia chấm dứt dịch bệnh vào năm 2030;\n\nCơ quan xây dựng Kế hoạch công tác năm 2025 "
        "(từ ngày 01/12/2024 đến ngày 30/11/2025) như sau:\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Phấn đấu đến 31/12/2025 "
        "dư nợ đạt 500 tỷ đồng; đến cuối năm 2026 hoàn thành chỉ tiêu nhiệm kỳ.\n\nII. NHIỆM VỤ\n\n"
        "1. Tổ chức hội nghị triển khai. Thời gian: Quý I/2025.\n"))
    assert [d.text for d in a.deadlines] == ["đến 31/12/2025", "Quý I/2025"]


@pytest.mark.parametrize("body,expected", DEADLINE_CASES)
def test_deadline_classes(body: str, expected: list[tuple[str, str | None, str]]) -> None:
    from docanalyze.readers import from_text

    a = analyze(from_text(f"KẾ HOẠCH\n\nCông tác năm 2025\n\nII. NHIỆM VỤ\n\n{body}\n"))
    assert [(d.text, _iso(d.date_start), _iso(d.date_end)) for d in a.deadlines] == expected
    assert all(a.text[d.start : d.end] == d.text for d in a.deadlines)
