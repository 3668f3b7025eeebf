"""Pieces of a task covered by the report's results, restated for the next period, or only assessed."""
from __future__ import annotations

import numpy as np
import pytest

from docanalyze.coverage import features
from docanalyze.coverage.model import sentences
from docanalyze.coverage.parts import PART_FEATURES, part_features, pieces
from docanalyze.coverage.passages import report_passages
from docanalyze.coverage.segment import segment
from docanalyze.items import Task

PLAN = """ỦY BAN NHÂN DÂN HUYỆN AN LÃO
PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI

Số: 12/KH-LĐTBXH

An Lão, ngày 10 tháng 01 năm 2023

KẾ HOẠCH

Công tác giáo dục nghề nghiệp năm 2023

I. NHIỆM VỤ

1. Rà soát, sắp xếp mạng lưới cơ sở giáo dục nghề nghiệp công lập trên địa bàn huyện; tổ chức Hội thi giáo viên dạy giỏi giáo dục nghề nghiệp cấp huyện. Phòng Giáo dục nghề nghiệp chủ trì; hoàn thành trong Quý III/2023.

2. Tuyên truyền chính sách bảo hiểm thất nghiệp trên sóng phát thanh huyện; tổ chức phiên giao dịch việc làm lưu động tại các xã vùng cao.

Nơi nhận:
- Lưu: VT.
"""

REPORT = """ỦY BAN NHÂN DÂN HUYỆN AN LÃO
PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI

Số: 120/BC-LĐTBXH

An Lão, ngày 15 tháng 12 năm 2023

BÁO CÁO

Kết quả công tác giáo dục nghề nghiệp năm 2023

I. KẾT QUẢ THỰC HIỆN

1. Phòng đã tổ chức thành công Hội thi giáo viên dạy giỏi giáo dục nghề nghiệp cấp huyện với 42 nhà giáo tham gia.

2. Đài Truyền thanh huyện phát 24 chương trình tuyên truyền chính sách bảo hiểm thất nghiệp; 03 phiên giao dịch việc làm lưu động được tổ chức tại các xã vùng cao, thu hút 860 lượt người lao động.

II. HẠN CHẾ

Việc rà soát mạng lưới cơ sở giáo dục nghề nghiệp công lập còn chậm.

III. PHƯƠNG HƯỚNG NĂM 2024

1. Rà soát, sắp xếp mạng lưới cơ sở giáo dục nghề nghiệp công lập trên địa bàn huyện.

Nơi nhận:
- Lưu: VT.
"""


@pytest.fixture(scope="module")
def feats(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, float]]:
    from docanalyze import analyze

    folder = tmp_path_factory.mktemp("parts")
    (folder / "plan.txt").write_text(PLAN, encoding="utf-8")
    (folder / "report.txt").write_text(REPORT, encoding="utf-8")
    plan, report = analyze(folder / "plan.txt"), analyze(folder / "report.txt")
    text = plan.text
    tasks = []
    for n, key in (("1", "1. Rà soát"), ("2", "2. Tuyên truyền")):
        start = text.index(key)
        end = text.index("\n\n", start)
        tasks.append(Task(id=n, text=text[start:end], start=start, end=end))
    passages = report_passages(report.document, report.header, report.sections)
    sig = features.compute(plan, report, tasks, passages, segment(plan.text, "dict", use_cache=False),
                           segment(report.text, "dict", use_cache=False), "dict")
    x = part_features(sig, {}, sentences)
    assert x.shape == (2, len(PART_FEATURES)) and np.isfinite(x).all()
    return {t.id: dict(zip(PART_FEATURES, x[i].tolist(), strict=True)) for i, t in enumerate(tasks)}


def test_a_piece_left_for_next_year(feats: dict[str, dict[str, float]]) -> None:
    one = feats["1"]
    assert one["p_n"] == pytest.approx(np.log1p(2))  # the who/when clauses make no piece
    assert one["p_frac"] == 0.5  # the contest is reported, the network review is not
    assert one["p_fwd_only"] == 1.0  # ... it is restated among next year's tasks
    assert one["p_assess_only"] == 1.0  # ... and touched by the limitations


def test_every_piece_reported(feats: dict[str, dict[str, float]]) -> None:
    two = feats["2"]
    assert two["p_frac"] == 1.0 and two["p_min"] >= 0.5
    assert two["p_fwd_only"] == 0.0 and two["p_assess_only"] == 0.0


def test_pieces_keep_their_own_words() -> None:
    unit = features.Unit(text="Rà soát mạng lưới trường nghề; tổ chức hội thi trường nghề", words=[], word_spans=[],
                         bigrams=[])
    words = segment(unit.text, "dict", use_cache=False)
    unit = features.make_unit(unit.text, words, 0, len(unit.text))
    got = pieces(unit)
    assert len(got) == 2
    assert all("trường" not in p for p in got)  # shared by both pieces: says nothing about either
