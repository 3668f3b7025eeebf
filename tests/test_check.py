"""docanalyze check: segmentation, report passages and their roles, the verdicts and their evidence."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from docanalyze.coverage import check
from docanalyze.coverage.passages import heading_role, report_passages
from docanalyze.coverage.segment import fold_words, segment
from docanalyze.items import Task

PLAN = """ỦY BAN NHÂN DÂN HUYỆN AN LÃO
PHÒNG VĂN HÓA VÀ THÔNG TIN

Số: 15/KH-VHTT

An Lão, ngày 10 tháng 01 năm 2024

KẾ HOẠCH

Tuyên truyền chuyển đổi số năm 2024

Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương trình Chuyển đổi số quốc gia;

I. MỤC ĐÍCH, YÊU CẦU

1. Nâng cao nhận thức của cán bộ, công chức và Nhân dân về chuyển đổi số.

II. NHIỆM VỤ

1. Tổ chức 04 lớp tập huấn kỹ năng số cho cán bộ, công chức cấp xã trong quý II/2024.

2. Xây dựng chuyên mục “Chuyển đổi số” trên Cổng thông tin điện tử huyện, cập nhật tin bài hằng tháng.

3. Kiểm tra việc thực hiện Quyết định số 749/QĐ-TTg tại các xã, thị trấn; tổng hợp kết quả báo cáo Ủy ban nhân dân huyện.

4. Tổ chức Hội thi tìm hiểu pháp luật về an toàn giao thông cho học sinh trung học cơ sở.

III. TỔ CHỨC THỰC HIỆN

Phòng Văn hóa và Thông tin chủ trì, phối hợp với các cơ quan, đơn vị triển khai Kế hoạch này.

Nơi nhận:
- UBND huyện;
- Lưu: VT.

TRƯỞNG PHÒNG

Nguyễn Văn An
"""

REPORT = """ỦY BAN NHÂN DÂN HUYỆN AN LÃO
PHÒNG VĂN HÓA VÀ THÔNG TIN

Số: 120/BC-VHTT

An Lão, ngày 15 tháng 12 năm 2024

BÁO CÁO

Kết quả thực hiện Kế hoạch tuyên truyền chuyển đổi số năm 2024

Thực hiện Kế hoạch số 15/KH-VHTT ngày 10/01/2024, Phòng Văn hóa và Thông tin báo cáo kết quả như sau:

I. KẾT QUẢ THỰC HIỆN

1. Phòng đã mở 04 lớp bồi dưỡng kỹ năng số cho 160 lượt cán bộ, công chức các xã, thị trấn.

2. Chuyên mục “Chuyển đổi số” trên Cổng thông tin điện tử huyện đã đăng tải 48 tin, bài trong năm.

3. Phối hợp với Công an huyện tổ chức tập huấn phòng cháy, chữa cháy cho 60 học viên tại Trung tâm văn hóa.

II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025

1. Kiểm tra việc thực hiện Quyết định số 749/QĐ-TTg tại các xã, thị trấn và tổng hợp kết quả.

Nơi nhận:
- UBND huyện;
- Lưu: VT.

TRƯỞNG PHÒNG

Nguyễn Văn An
"""


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("pair")
    (folder / "plan.txt").write_text(PLAN, encoding="utf-8")
    (folder / "report.txt").write_text(REPORT, encoding="utf-8")
    return folder / "plan.txt", folder / "report.txt"


def plan_with_tasks(path: Path):  # noqa: ANN201 - an Analysis
    """The plan's analysis with its four numbered tasks, independent of the task extractor."""
    from docanalyze import analyze

    a = analyze(path)
    text = a.document.text
    start = text.index("II. NHIỆM VỤ")
    end = text.index("III. TỔ CHỨC")
    tasks = []
    for b in a.document.blocks:
        if start < b.start < end and b.kind in ("list_item", "paragraph"):
            t = text[b.start:b.end]
            tasks.append(Task(id=t.split(".")[0], text=t, start=b.start, end=b.end))
    a.tasks = tasks
    return a


@pytest.fixture(scope="module")
def result(pair: tuple[Path, Path]):  # noqa: ANN201 - a CheckResult
    plan, report = pair
    return check(report, plan_with_tasks(plan))


# ------------------------------------------------------------------ segmentation
@pytest.mark.parametrize("text, words", [
    ("công tác dân vận chính quyền", ["công tác", "dân vận", "chính quyền"]),
    ("Tổ chức tập huấn kỹ năng số", ["tổ chức", "tập huấn", "kỹ năng", "số"]),
    ("cải cách hành chính, quy chế dân chủ", ["cải cách", "hành chính", "quy chế", "dân chủ"]),
    ("Quyết định số 749/QĐ-TTg", ["quyết định", "số", "749", "qđ", "ttg"]),
])
def test_dictionary_segmentation(text: str, words: list[str]) -> None:
    got = segment(text, "dict", use_cache=False)
    assert list(got.keys) == [fold_words(w) for w in words]
    for key, s, e in zip(got.keys, got.starts, got.ends, strict=True):
        assert fold_words(text[s:e]) == key  # every word points back into the text


def test_tone_placement_does_not_split_words() -> None:
    assert segment("hoà giải", "dict", use_cache=False).keys == segment("hòa giải", "dict", use_cache=False).keys


def test_segmentation_cache_is_reused_and_optional(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("DOCANALYZE_NO_CACHE", raising=False)
    text = "Phòng đã mở 04 lớp bồi dưỡng kỹ năng số cho cán bộ, công chức."
    first = segment(text, "dict")
    files = list((tmp_path / "cache" / "docanalyze").glob("seg-*.json"))
    assert len(files) == 1
    assert segment(text, "dict") == first
    # an unwritable cache folder is skipped silently
    blocked = tmp_path / "blocked"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert segment(text + " Thêm.", "dict").keys[: len(first)] == first.keys


# ------------------------------------------------------------------ passages
@pytest.mark.parametrize("title, top, role", [
    ("IV. NHIỆM VỤ 6 THÁNG CUỐI NĂM 2023", True, "forward"),
    ("III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025", True, "forward"),
    ("II. NHIỆM VỤ TRỌNG TÂM TRONG THỜI GIAN TỚI", True, "forward"),
    ("PHẦN THỨ HAI: PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2025", True, "forward"),
    ("IV. KIẾN NGHỊ, ĐỀ XUẤT", True, "proposal"),
    ("III. ĐÁNH GIÁ CHUNG", True, "assessment"),
    ("2. Khó khăn, hạn chế và nguyên nhân", False, "assessment"),
    ("II. KẾT QUẢ THỰC HIỆN", True, None),
    ("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024", True, None),
    ("1. Nhiệm vụ đã hoàn thành", True, None),
    ("3. Công tác kiểm tra, thanh tra công vụ", False, None),
])
def test_heading_roles(title: str, top: bool, role: str | None) -> None:
    assert heading_role(title, top, 2024) == role


def test_report_passages_of_a_real_report(corpus: Path) -> None:
    from docanalyze import analyze

    a = analyze(corpus / "000_07ede3dda3013cba.txt")
    ps = report_passages(a.document, a.header, a.sections)
    text = a.text
    assert len(ps) > 30
    for p in ps:
        assert 0 <= p.start < p.end <= len(text) and text[p.start:p.end].strip()
    forward = [p for p in ps if p.role == "forward"]
    assert forward and all(p.start > text.index("IV. NHIỆM VỤ 6 THÁNG CUỐI NĂM 2023") for p in forward)
    assert all(p.role != "forward" for p in ps if p.start < text.index("IV. NHIỆM VỤ 6 THÁNG CUỐI NĂM 2023"))
    assert any(p.role == "assessment" for p in ps)
    # the opening "Thực hiện Công văn số 1200/…" is the legal basis, not a result
    assert ps[0].role == "intro"


def test_table_rows_are_passages(tmp_path: Path) -> None:
    from docanalyze import analyze

    report = (REPORT.replace(
        "II. PHƯƠNG HƯỚNG",
        "STT\tNội dung\tKết quả\n1\tTập huấn kỹ năng số\tĐã mở 04 lớp\n2\tChuyên mục trên Cổng thông tin\t48 tin bài\n\n"
        "II. PHƯƠNG HƯỚNG"))
    path = tmp_path / "r.txt"
    path.write_text(report, encoding="utf-8")
    a = analyze(path)
    rows = [p for p in report_passages(a.document, a.header, a.sections) if p.kind == "table_row"]
    assert [a.text[p.start:p.end].split("\t")[0] for p in rows] == ["1", "2"]  # the column titles are not a passage


ANNEX = """PHỤ LỤC

Kết quả thực hiện các nhiệm vụ năm 2024

(Kèm theo Báo cáo số 120/BC-VHTT ngày 15/12/2024 của Phòng Văn hóa và Thông tin)

STT\tNhiệm vụ\tKết quả\tTình trạng
1\tXây dựng chuyên mục hỏi đáp về dịch vụ công trực tuyến\t36 câu hỏi được trả lời\tHoàn thành
2\tTổ chức Hội thi tìm hiểu chuyển đổi số cấp huyện\t\t
3\tRà soát hạ tầng mạng tại các xã\t\tĐang thực hiện
"""


def annexed_report(tmp_path: Path, ext: str) -> Path:
    """REPORT with a results annex after its signature, as .txt or as a Word file (cells in a real table)."""
    text = REPORT + "\n" + ANNEX
    if ext == ".txt":
        path = tmp_path / "annexed.txt"
        path.write_text(text, encoding="utf-8")
        return path
    import docx

    d = docx.Document()
    lines = [x for x in text.split("\n") if x.strip()]
    rows = [x.split("\t") for x in lines if "\t" in x]
    for x in lines:
        if "\t" not in x:
            d.add_paragraph(x)
        elif x.split("\t") == rows[0]:
            table = d.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
    path = tmp_path / "annexed.docx"
    d.save(path)
    return path


@pytest.mark.parametrize("ext", [".txt", ".docx"])
def test_an_annex_after_the_signature_holds_passages(tmp_path: Path, ext: str) -> None:
    """A PHỤ LỤC of results after "Nơi nhận" and the signature is read like the body; its rows that leave
    every result column empty say nothing was done and are not evidence."""
    from docanalyze import analyze

    a = analyze(annexed_report(tmp_path, ext))
    ps = report_passages(a.document, a.header, a.sections)
    texts = [a.text[p.start:p.end] for p in ps]
    rows = [t for t, p in zip(texts, ps, strict=True) if p.kind == "table_row"]
    assert any("36 câu hỏi" in t for t in rows)
    assert any("Rà soát hạ tầng mạng" in t for t in rows)  # a status alone is a result ("Đang thực hiện")
    assert not any("Hội thi tìm hiểu chuyển đổi số" in t for t in texts)  # copied task, empty result cells
    assert not any("Lưu: VT" in t or "Nguyễn Văn An" in t for t in texts)  # the closing is not evidence
    annex_at = a.text.index("PHỤ LỤC")
    assert all(p.role == "body" for p in ps if p.start > annex_at)


@pytest.mark.parametrize("report_date, after", [
    ("ngày 20 tháng 6 năm 2024", [False, False, False, True]),  # 6-month report: the Quý IV task is still ahead
    ("ngày 15 tháng 12 năm 2024", [False, False, False, False]),  # annual report: nothing is
])
def test_tasks_set_after_the_report_date(tmp_path: Path, report_date: str, after: list[bool]) -> None:
    from docanalyze import analyze
    from docanalyze.coverage import features
    from docanalyze.coverage.segment import segment

    plan = PLAN.replace("trung học cơ sở.", "trung học cơ sở trong Quý IV/2024.")
    (tmp_path / "p.txt").write_text(plan, encoding="utf-8")
    (tmp_path / "r.txt").write_text(REPORT.replace("ngày 15 tháng 12 năm 2024", report_date), encoding="utf-8")
    p, r = analyze(tmp_path / "p.txt"), analyze(tmp_path / "r.txt")
    assert len(p.tasks) == 4
    passages = report_passages(r.document, r.header, r.sections)
    sig = features.compute(p, r, p.tasks, passages, segment(p.text, "dict"), segment(r.text, "dict"), "dict")
    assert sig.task_after is not None and [bool(x) for x in sig.task_after] == after


# ------------------------------------------------------------------ the check
def test_verdicts_on_a_small_pair(result) -> None:  # noqa: ANN001
    status = {t.id: t.status for t in result.tasks}
    assert status["1"] in ("reported", "partial")  # paraphrased: "mở 04 lớp bồi dưỡng kỹ năng số"
    assert status["2"] in ("reported", "partial")
    assert status["3"] == "not_reported"  # only restated as next year's task
    assert status["4"] == "not_reported"  # the fire-safety training shares words, not the subject
    assert sum(result.summary.values()) == 4


def test_evidence_points_into_the_report(result) -> None:  # noqa: ANN001
    text = result.report.document.text
    first = next(t for t in result.tasks if t.id == "1")
    assert first.evidence and "04 lớp bồi dưỡng kỹ năng số" in first.evidence[0].text
    for t in result.tasks:
        for e in t.evidence:
            assert text[e.start:e.end] == e.text
            assert e.role not in ("forward", "proposal")
            if e.focus_start is not None:
                assert e.start <= e.focus_start < e.focus_end <= e.end


def test_plan_citations_the_report_never_mentions(result) -> None:  # noqa: ANN001
    # the report names 749/QĐ-TTg (in its next-period part), so nothing the plan cites is missing
    assert all("749" not in (u.number or u.text) for u in result.uncited)


def test_unplanned_work_is_listed(result) -> None:  # noqa: ANN001
    assert any("phòng cháy" in e.text for e in result.unplanned)


def test_json_contract(result) -> None:  # noqa: ANN001
    data = json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
    assert set(data) >= {"plan", "report", "tasks", "summary"}
    assert data["plan"]["kind"] == "plan" and data["report"]["kind"] == "report"
    assert set(data["summary"]) == {"reported", "partial", "not_reported"}
    for t in data["tasks"]:
        assert set(t) >= {"id", "text", "status", "score", "evidence"}
        assert 0.0 <= t["score"] <= 1.0
        for e in t["evidence"]:
            assert set(e) >= {"text", "start", "end"}


def test_frame_has_one_row_per_task(result) -> None:  # noqa: ANN001
    df = result.to_frame()
    assert len(df) == 4
    assert {"id", "task", "lead", "timeframe", "status", "score", "evidence"} <= set(df.columns)


def test_task_texts_are_the_full_plan_texts(result) -> None:  # noqa: ANN001
    plan_text = result.plan.document.text
    for t in result.tasks:
        assert t.text == plan_text[t.char_start:t.char_end]


def test_no_tasks_is_not_an_error(pair: tuple[Path, Path]) -> None:
    from docanalyze import analyze

    plan, report = pair
    a = analyze(plan)
    a.tasks = []
    r = check(report, a)
    assert r.tasks == [] and r.summary == {"reported": 0, "partial": 0, "not_reported": 0}


def test_paths_are_read_only_as_far_as_the_check_needs(corpus: Path) -> None:
    """check() on paths skips deadlines, lint and the report's tasks, and gives the same verdicts as on full
    analyses (a labelled pair, when present)."""
    from docanalyze import analyze

    plan, report = corpus / "pairs" / "P01_plan.txt", corpus / "pairs" / "P01_report.txt"
    if not plan.exists():
        pytest.skip("labelled pairs absent")
    light = check(report, plan)
    full = check(analyze(report), analyze(plan))
    assert light.report.tasks == [] and light.plan.deadlines == [] and light.plan.findings == []
    assert [(t.id, t.status, round(t.score, 6)) for t in light.tasks] == [
        (t.id, t.status, round(t.score, 6)) for t in full.tasks]
    assert [(e.start, e.end) for t in light.tasks for e in t.evidence] == [
        (e.start, e.end) for t in full.tasks for e in t.evidence]


def test_pair_selection_of_the_tools() -> None:
    import sys

    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root / "tools"))
    try:
        from eval_check import pair_files
    finally:
        sys.path.remove(str(root / "tools"))
    gold = root / "corpus" / "gold" / "pairs"
    if not gold.is_dir():
        pytest.skip("labelled pairs absent")
    ids = [p.stem for p in pair_files(gold, ["P0[1-8]"])]
    assert ids == sorted(ids) and all("P01" <= i <= "P08" for i in ids) and "P01" in ids
    assert len(pair_files(gold, None)) >= len(ids)


def test_package_check_stays_callable_after_use(corpus: Path) -> None:
    """``docanalyze.check`` is the function, not the subpackage that implements it, on every call
    (a notebook calls it once per pair)."""
    import docanalyze

    report, plan = corpus / "pairs" / "P02_report.txt", corpus / "pairs" / "P02_plan.txt"
    first = docanalyze.check(report, plan)
    second = docanalyze.check(report, plan)
    assert callable(docanalyze.check)
    assert [t.status for t in first.tasks] == [t.status for t in second.tasks]



def test_a_verdict_does_not_hang_on_how_the_other_tasks_fare(corpus: Path) -> None:
    """A report that covers nearly every task of its plan, or nearly none, is read like any other: dropping
    most of the tasks the report passes over leaves the verdicts on the rest as they were (the within-report
    z-scores of session 4 moved 0.075 of them; see check_model.json notes)."""
    import copy

    from docanalyze.coverage import _analysis

    kept = same = 0
    for pid in ("P01", "P17", "P90", "P105"):
        plan = _analysis(corpus / "pairs" / f"{pid}_plan.txt", tasks=True)
        report = _analysis(corpus / "pairs" / f"{pid}_report.txt", tasks=False)
        before = {t.id: t.status for t in check(report, plan).tasks}
        fewer = copy.copy(plan)
        fewer.tasks = [t for k, t in enumerate(plan.tasks) if before[t.id] == "reported" or k % 3 == 0]
        after = check(report, fewer).tasks
        kept += len(after)
        same += sum(before[t.id] == t.status for t in after)
    assert kept >= 40
    assert same / kept >= 0.95, (same, kept)
