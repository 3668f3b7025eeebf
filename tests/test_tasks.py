"""Tasks on real documents: the corpus plans and reports in .txt, .docx and .pdf, against their gold.

Matching follows ../shared/eval/GUIDE.md: a task is found when its normalized
text contains the gold key (the tightest unclaimed task takes the key); lead and
partners match when every word of the gold unit occurs in what was found.
"""
from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from docanalyze.analysis import Analysis, analyze
from docanalyze.normalize import fold

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = CORPUS / "gold"
# the shared documents (copies) and the task test documents of corpus/plans
GOLDS = sorted([*GOLD.glob("0*.gold.json"), *GOLD.glob("plans_*.gold.json")])
EXTS = [".txt", ".docx", ".pdf"]


def _doc(gold: Path, ext: str) -> Path:
    name = json.loads(gold.read_text(encoding="utf-8"))["doc"]
    return (CORPUS / name).with_suffix(ext)


@cache
def _analysis(path: str) -> Analysis:
    return analyze(path)


def _words(units: list[str]) -> set[str]:
    return {w for u in units for w in re.split(r"[\s,;()]+", fold(u)) if w}


def _match(gold: dict, found: Analysis) -> dict[int, int]:
    """gold task index -> predicted task index, as the scorer pairs them."""
    from docanalyze.coverage.training import match_keys

    return match_keys(gold["tasks"], [t.text for t in found.tasks])


CASES = [(g, e) for g in GOLDS for e in EXTS]


@pytest.mark.parametrize("gold_path,ext", CASES, ids=[f"{g.stem.split('.')[0]}{e}" for g, e in CASES])
def test_tasks_against_gold(gold_path: Path, ext: str) -> None:
    doc = _doc(gold_path, ext)
    if not doc.exists():
        pytest.skip(f"{doc.name} not generated (tools/make_fixtures.py)")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    found = _analysis(str(doc))
    pairs = _match(gold, found)
    missed = [gold["tasks"][i]["key"] for i in range(len(gold["tasks"])) if i not in pairs]
    extra = [found.tasks[i].text[:60] for i in range(len(found.tasks)) if i not in pairs.values()]
    assert not missed and not extra, f"missed {missed}, extra {extra}"
    for gi, pi in pairs.items():
        g, t = gold["tasks"][gi], found.tasks[pi]
        if g.get("lead"):
            assert _words(g["lead"]) <= _words(t.lead), (g["key"], t.lead)
        if g.get("partners"):
            assert _words(g["partners"]) <= _words(t.partners), (g["key"], t.partners)
        if g.get("end"):
            got = (t.date_start.isoformat() if t.date_start else None, t.date_end.isoformat() if t.date_end else None)
            assert got[1] == g["end"] and (g.get("start") is None or got[0] == g["start"]), (g["key"], t.timeframe)


def test_task_offsets_point_into_the_text() -> None:
    a = _analysis(str(CORPUS / "001_6a6dedc90bf0a00e.txt"))
    assert len(a.tasks) == 24
    for t in a.tasks:
        assert a.text[t.start : t.end].startswith(t.text[:20])
    assert [t.id for t in a.tasks] == [str(k) for k in range(1, 25)]


def test_table_rows_are_tasks_with_their_columns() -> None:
    a = _analysis(str(CORPUS / "001_6a6dedc90bf0a00e.txt"))
    table = [t for t in a.tasks if t.source == "table"]
    assert len(table) == 12  # rows 1-12, across the three pieces of the table
    ten = next(t for t in table if t.text.startswith("Tập trung thực hiện tiếp công dân"))
    assert ten.lead == ["Thanh tra Sở"]
    assert ten.timeframe == "Thực hiện theo lịch của thành phố" and ten.date_end is None
    # the row broken by a page break is one task
    two = next(t for t in table if t.text.startswith("Quán triệt, triển khai"))
    assert "dân thụ hưởng" in two.text


def test_purposes_and_closing_are_not_tasks() -> None:
    a = _analysis(str(CORPUS / "001_6a6dedc90bf0a00e.txt"))
    texts = " ".join(t.text for t in a.tasks)
    assert "Tạo sự chuyển biến rõ nét" not in texts  # MỤC ĐÍCH, YÊU CẦU
    assert "Trên đây là Kế hoạch" not in texts
    assert not any(t.text.startswith(("Nhiệm vụ thường xuyên", "Các đơn vị giáo dục")) for t in a.tasks)


def test_report_tasks_are_only_the_forward_looking_ones() -> None:
    a = _analysis(str(CORPUS / "000_07ede3dda3013cba.txt"))
    assert len(a.tasks) == 9
    assert all(t.section and "CUỐI NĂM 2023" in t.section for t in a.tasks)
    assert {(t.date_start.isoformat(), t.date_end.isoformat()) for t in a.tasks if t.date_start and t.date_end} == {
        ("2023-07-01", "2023-12-31")}


def test_unit_heading_gives_the_lead() -> None:
    a = _analysis(str(CORPUS / "001_6a6dedc90bf0a00e.txt"))
    reports = [t for t in a.tasks if t.text.startswith("Báo cáo định kỳ 6 tháng")]
    assert len(reports) == 2
    assert all(t.lead == ["Các đơn vị giáo dục"] for t in reports)
    assert reports[0].date_start is None and reports[0].date_end.isoformat() == "2025-12-05"


def test_label_lines_fill_lead_partners_and_time() -> None:
    a = _analysis(str(CORPUS / "plans" / "huyen_nhan_nhan.txt"))
    first = a.tasks[0]
    assert first.lead == ["Phòng Tài nguyên và Môi trường"] and first.partners == ["Phòng Tư pháp"]
    assert first.timeframe == "Quý II/2024"
    monthly = next(t for t in a.tasks if t.text.startswith("Duy trì chuyên mục"))
    assert monthly.recurring and monthly.date_end is None


def test_recurring_cell_marks_the_task() -> None:
    a = _analysis(str(CORPUS / "plans" / "xa_bang_hai_dong.txt"))
    quarterly = next(t for t in a.tasks if t.text.startswith("Báo cáo tình hình"))
    assert quarterly.recurring and quarterly.timeframe == "Hằng quý"
    assert quarterly.note == "Trước ngày 15 tháng cuối quý"


def test_real_decision_table_is_not_a_task_table(shared_real: Path) -> None:
    """The annex of inspected companies (TT | Đơn vị kiểm tra | Địa chỉ) assigns no work."""
    a = analyze(shared_real / "QD-thanh-lap-doan-kiem-tra-hoa-chat-2026.docx")
    assert a.document.tables and a.tasks == []


def test_real_circular_forms_are_not_tasks(shared_real: Path) -> None:
    """TT-01 holds ~130 form tables (some with Nội dung / Tiến độ columns): none is a plan's task table."""
    a = analyze(shared_real / "TT-01-2026-BCT-huong-dan-ND26-bieu-mau.docx")
    assert len(a.document.tables) > 100 and a.tasks == []


def test_real_letter_requests_keep_their_deadlines(shared_real: Path) -> None:
    a = analyze(shared_real / "CV-don-doc-bao-cao-tinh-hinh-hoa-chat-2025.docx")
    assert [(d.text, d.date_end.isoformat()) for d in a.deadlines] == [
        ("trước ngày 05 tháng 02 năm 2026", "2026-02-05"), ("trước ngày 08 tháng 4 năm 2026", "2026-04-08")]


def test_real_letter_reporting_a_past_period_has_no_deadline(shared_real: Path) -> None:
    """"Trong giai đoạn từ ngày 17/01/2026 đến ngày 30/06/2026, Sở … chưa tiếp nhận …" reports, it binds nothing."""
    a = analyze(shared_real / "BC-cong-tac-QL-an-toan-hoa-chat-2025.docx")
    assert a.deadlines == [] and a.tasks == []


def test_unit_headings_written_as_sentences_and_paragraph_work() -> None:
    """'1. Phòng … có trách nhiệm:' over bullets, 'Đề nghị …:' over a paragraph, a bare unit over paragraphs."""
    from docanalyze.readers import from_text

    a = analyze(from_text(KH_COLON))
    assert [(t.text[:25], t.lead) for t in a.tasks] == [
        ("Tham mưu kiện toàn Ban Ch", ["Phòng Nông nghiệp và Phát triển nông thôn"]),
        ("Kiểm tra hệ thống đê điều", ["Phòng Nông nghiệp và Phát triển nông thôn"]),
        ("Vận động Nhân dân tham gi", ["Ủy ban Mặt trận Tổ quốc Việt Nam huyện"]),
        ("Xây dựng phương án ứng ph", ["Ủy ban nhân dân các xã, thị trấn"]),
        ("Bố trí lực lượng xung kíc", ["Ủy ban nhân dân các xã, thị trấn"]),
    ]
    assert [d.text for d in a.deadlines] == ["trước ngày 15/02/2025", "trước ngày 30/4/2025"]


KH_COLON = """ỦY BAN NHÂN DÂN HUYỆN A

Số: 10/KH-UBND

A, ngày 05 tháng 01 năm 2025

KẾ HOẠCH

Phòng, chống thiên tai năm 2025

I. MỤC ĐÍCH, YÊU CẦU

Chủ động phòng, chống thiên tai, giảm thiểu thiệt hại.

II. TỔ CHỨC THỰC HIỆN

1. Phòng Nông nghiệp và Phát triển nông thôn có trách nhiệm:

- Tham mưu kiện toàn Ban Chỉ huy phòng, chống thiên tai huyện trước ngày 15/02/2025.

- Kiểm tra hệ thống đê điều, hồ đập trước mùa mưa bão.

2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện phối hợp:

Vận động Nhân dân tham gia ủng hộ khắc phục hậu quả thiên tai.

3. Ủy ban nhân dân các xã, thị trấn

Xây dựng phương án ứng phó thiên tai theo cấp độ rủi ro, gửi về Phòng Nông nghiệp và Phát triển nông thôn \
trước ngày 30/4/2025.

Bố trí lực lượng xung kích thường trực trong mùa mưa bão.

Trên đây là Kế hoạch phòng, chống thiên tai năm 2025./.
"""


KH_AREAS = """HỘI LHPN HUYỆN ĐỒNG PHÚ
BCH HỘI LHPN XÃ TÂN LẬP

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 05/KH-HPN

Tân Lập, ngày 10 tháng 01 năm 2025

KẾ HOẠCH

Hoạt động công tác Hội năm 2025

I. MỤC ĐÍCH, YÊU CẦU

- Đổi mới nội dung, phương thức hoạt động, lấy chi hội làm địa bàn hoạt động chủ yếu.

II. CÔNG TÁC TUYÊN TRUYỀN, GIÁO DỤC

1. Tuyên truyền Luật Phòng, chống bạo lực gia đình năm 2022 đến 100% chi hội.

2. Phối hợp với Trạm Y tế xã tổ chức 02 buổi truyền thông về sức khỏe sinh sản. Thời gian: Quý II/2025.

III. CÔNG TÁC XÂY DỰNG TỔ CHỨC HỘI

1. Kết nạp ít nhất 40 hội viên mới.

IV. KINH PHÍ

1. Kinh phí từ nguồn hoạt động của Hội.

V. TỔ CHỨC THỰC HIỆN

1. Các chi hội xây dựng chương trình hoạt động, báo cáo kết quả trước ngày 10/6/2025.

Nơi nhận:
- Lưu: VT.

CHỦ TỊCH

Nguyễn Thị Hà
"""


def test_plan_sections_named_by_area_hold_tasks_beside_the_work_section() -> None:
    """'II. CÔNG TÁC TUYÊN TRUYỀN …' beside 'V. TỔ CHỨC THỰC HIỆN': items of both are tasks; purposes and
    funding are not."""
    from docanalyze.readers import from_text

    a = analyze(from_text(KH_AREAS))
    assert [t.text[:20] for t in a.tasks] == [
        "Tuyên truyền Luật Ph", "Phối hợp với Trạm Y ", "Kết nạp ít nhất 40 h", "Các chi hội xây dựng"]


def test_plain_paragraphs_of_to_chuc_thuc_hien_are_not_tasks() -> None:
    """GUIDE.md counts rows, numbered items and bullets: 'Văn phòng … theo dõi, tổng hợp …' written as a plain
    paragraph under TỔ CHỨC THỰC HIỆN only says who follows the plan up."""
    from docanalyze.readers import from_text

    text = KH_AREAS.replace("1. Các chi hội xây dựng chương trình hoạt động",
                            "Văn phòng Hội theo dõi, tổng hợp kết quả.\n\nCác chi hội xây dựng chương trình hoạt động")
    a = analyze(from_text(text))
    assert [t.text[:20] for t in a.tasks] == ["Tuyên truyền Luật Ph", "Phối hợp với Trạm Y ", "Kết nạp ít nhất 40 h"]


KH_LETTERED = """ỦY BAN NHÂN DÂN HUYỆN AN LÃO

Số: 15/KH-UBND

An Lão, ngày 10 tháng 01 năm 2025

KẾ HOẠCH

Công tác dân tộc năm 2025

I. MỤC ĐÍCH, YÊU CẦU

1. Triển khai kịp thời các chính sách dân tộc.

II. NHIỆM VỤ

A. Công tác chính sách

1. Cấp phát giống cây trồng cho hộ nghèo vùng đồng bào dân tộc thiểu số.

2. Rà soát người có uy tín trong đồng bào dân tộc thiểu số.

B. Công tác tuyên truyền

1. Tuyên truyền chính sách dân tộc trên đài truyền thanh huyện.

III. TỔ CHỨC THỰC HIỆN

1. Phòng Dân tộc chủ trì theo dõi, đôn đốc thực hiện Kế hoạch này.

2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện phối hợp giám sát.

3. Trạm Y tế các xã

Tổ chức khám bệnh miễn phí cho người có uy tín.

Các phòng, đơn vị báo cáo kết quả về Phòng Dân tộc trước ngày 10/12/2025.

Nơi nhận:
- UBND tỉnh;
- Lưu: VT.
"""


def test_lettered_parts_inside_a_roman_section() -> None:
    """"II. NHIỆM VỤ" / "A. …" / "1. …" then "III. TỔ CHỨC THỰC HIỆN": the letters sit under II., so III. is a
    section of its own and its items are tasks once; the last plain paragraph, addressed to every unit, is no
    task of the heading unit above it."""
    from docanalyze.readers import from_text

    a = analyze(from_text(KH_LETTERED))
    assert [t.text[:22] for t in a.tasks] == [
        "Cấp phát giống cây trồ", "Rà soát người có uy tí", "Tuyên truyền chính sác", "Phòng Dân tộc chủ trì ",
        "Đề nghị Ủy ban Mặt trậ", "Tổ chức khám bệnh miễn"]
    assert a.tasks[-1].lead == ["Trạm Y tế các xã"]


def test_targets_and_work_under_one_heading() -> None:
    """"II. CHỈ TIÊU, NHIỆM VỤ" lists targets and then work: "A. Chỉ tiêu" stays targets (no tasks, as the
    other plans' gold counts them), the items of "B. Nhiệm vụ trọng tâm" are tasks."""
    from docanalyze.readers import from_text

    text = KH_LETTERED.replace(
        "II. NHIỆM VỤ\n\nA. Công tác chính sách\n\n",
        "II. CHỈ TIÊU, NHIỆM VỤ\n\nA. Chỉ tiêu\n\n1. Tỷ lệ hộ nghèo vùng đồng bào dân tộc giảm ít nhất 3%.\n\n"
        "2. 100% người có uy tín được tập huấn.\n\nB. Nhiệm vụ trọng tâm\n\n").replace(
        "B. Công tác tuyên truyền\n\n1. Tuyên truyền", "3. Tuyên truyền")
    a = analyze(from_text(text))
    assert [t.text[:22] for t in a.tasks][:3] == [
        "Cấp phát giống cây trồ", "Rà soát người có uy tí", "Tuyên truyền chính sác"]
    assert not any(t.text.startswith(("Tỷ lệ hộ nghèo", "100% người")) for t in a.tasks)
