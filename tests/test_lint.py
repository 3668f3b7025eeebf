"""Lint findings on small invented documents and on the corpus (each finding has a span and a number)."""
from __future__ import annotations

import pytest

from docanalyze.analyse.lint import lint
from docanalyze.analysis import Analysis
from docanalyze.extract.citations import find_citations, resolve_citations
from docanalyze.readers import from_text, load
from docanalyze.structure.header import parse_header


def analysis_of(doc) -> Analysis:
    """Header, citations and lint only: lint must not depend on tasks or slogans."""
    header = parse_header(doc)
    cits = find_citations(doc, header)
    cited = resolve_citations(cits, doc)
    return Analysis(document=doc, header=header, citations=cits, cited=cited)


def findings(text: str):
    a = analysis_of(from_text(text))
    out = lint(a)
    for f in out:
        assert f.start is not None and f.end is not None and 0 <= f.start < f.end <= len(a.text)
    return out


def header(kind: str, date: str, title: str) -> str:
    return f"UBND HUYỆN AN LÃO\n\nSố: /{kind[:2].upper()}-UBND\n\nAn Lão, {date}\n\n{kind.upper()}\n\n{title}\n\n"


def kinds(fs) -> list[tuple[str, str | None]]:
    return [(f.kind, f.number) for f in fs]


def test_one_number_two_dates():
    fs = findings("Căn cứ Quyết định số 12/QĐ-UBND ngày 05/3/2023 của UBND tỉnh về việc thành lập Ban. "
                  "Thực hiện Quyết định số 12/QĐ-UBND ngày 06/3/2023 của UBND tỉnh.")
    assert kinds(fs) == [("citation_date_conflict", "12/QĐ-UBND")]
    assert "05/03/2023" in fs[0].message and "06/03/2023" in fs[0].message


def test_one_document_under_two_numbers():
    fs = findings("Quyết định số 1483/QĐ-SGDĐT ngày 29/10/2022 về việc thành lập tổ tiếp công dân của Sở; "
                  "Quyết định số 1438/QĐ-SGDĐT ngày 29/10/2022 về việc thành lập tổ tiếp công dân của Sở.")
    assert kinds(fs) == [("citation_number_conflict", "1438/QĐ-SGDĐT")]


def test_documents_issued_together_are_not_a_number_conflict():
    fs = findings("Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị ban hành "
                  "“Quy chế giám sát”; “Quy định về góp ý”. Quyết định số 1737-QĐ/TU ngày 27/01/2015 về “ban hành "
                  "Quy định trách nhiệm”; Quyết định số 1738-QĐ/TU ngày 27/01/2015 về “ban hành Quy chế đối thoại”.")
    assert fs == []


@pytest.mark.parametrize("text, expected", [
    ("Thực hiện Chương trình số 03/CT-SGDĐT ngày 5/1/2024 của Sở.", [("citation_code_mismatch", "03/CT-SGDĐT")]),
    ("Kế hoạch số 12/BC-UBND ngày 5/1/2024.", [("citation_code_mismatch", "12/BC-UBND")]),
    ("Văn bản số 12/KH-UBND ngày 5/1/2024.", []),  # a generic word never disagrees
    ("Công văn số 45/TTr-NV ngày 5/1/2024 của Thanh tra tỉnh.", []),  # an official letter's symbol is its issuer
    ("Thông tri số 15-TT/TW ngày 5/1/2020.", []),
    ("Thông báo kết luận số 12-TB/TW ngày 06/4/2022.", []),
    ("Hướng dẫn liên ngành số 24/HDLN-BCA-BQP ngày 5/5/2020.", []),
    ("Nghị quyết số 169/2024/QH15 ngày 30/11/2024 của Quốc hội.", []),
])
def test_code_mismatch(text, expected):
    assert kinds(findings(text)) == expected


@pytest.mark.parametrize("kind, date, title, mismatch", [
    ("Báo cáo", "ngày tháng năm 2022", "Kết quả công tác dân vận 6 tháng đầu năm 2023", True),
    ("Báo cáo", "ngày 15 tháng 01 năm 2024", "Tổng kết công tác năm 2023", False),
    ("Báo cáo", "ngày 10 tháng 6 năm 2023", "Kết quả công tác 6 tháng đầu năm 2023", False),
    ("Kế hoạch", "ngày 20 tháng 12 năm 2024", "Thực hiện công tác dân vận năm 2025", False),
    ("Kế hoạch", "ngày tháng năm 2024", "Thực hiện công tác dân vận năm 2025", False),
    ("Kế hoạch", "ngày 15 tháng 3 năm 2024", "Thực hiện công tác dân vận năm 2025", True),
    ("Kế hoạch", "ngày 15 tháng 3 năm 2026", "Thực hiện công tác dân vận năm 2025", True),
    ("Kế hoạch", "ngày 5 tháng 9 năm 2024", "Thực hiện nhiệm vụ năm học 2024-2025", False),
    ("Kế hoạch", "ngày 5 tháng 9 năm 2024", "Tổ chức Hội khỏe Phù Đổng", False),
    ("Báo cáo", "ngày 20 tháng 12 năm 2024", "Kết quả công tác năm 2024 và phương hướng nhiệm vụ năm 2025", False),
    ("Báo cáo", "ngày 20 tháng 12 năm 2022", "Kết quả công tác năm 2024 và phương hướng nhiệm vụ năm 2025", True),
    ("Kế hoạch", "ngày 5 tháng 3 năm 2021", "Chuyển đổi số giai đoạn 2021-2025, định hướng đến năm 2030", False),
    ("Báo cáo", "ngày 5 tháng 3 năm 2021", "Tổng kết 10 năm thực hiện Chỉ thị 05 (2016-2026)", False),
])
def test_header_year(kind, date, title, mismatch):
    fs = findings(header(kind, date, title) + "Nội dung thực hiện theo quy định.")
    assert kinds(fs) == ([("header_year_mismatch", None)] if mismatch else [])


def test_header_year_from_the_opening_when_the_title_has_none():
    text = header("Báo cáo", "ngày tháng năm 2022", "Kết quả công tác dân vận") + \
        "Sở báo cáo kết quả công tác dân vận 6 tháng đầu năm 2023 như sau:\n\nI. KẾT QUẢ"
    assert kinds(findings(text)) == [("header_year_mismatch", None)]


@pytest.mark.parametrize("text, number", [
    ("Báo cáo trước ngày 31/6 hằng năm.", None),
    ("Quyết định số 12/QĐ-UBND ngày 30/02/2023 của UBND tỉnh.", "12/QĐ-UBND"),
    ("Hoàn thành trước ngày 29 tháng 2 năm 2023.", None),
    ("Họp vào ngày 15/13/2023.", None),
])
def test_invalid_dates(text, number):
    assert kinds(findings(text)) == [("date_invalid", number)]


@pytest.mark.parametrize("text", ["Hoàn thành trước ngày 29/02/2024.", "ngày 31 tháng 12 năm 2023", "ngày 30/4"])
def test_valid_dates(text):
    assert findings(text) == []


def test_cited_after_the_citing_document():
    body = "Thực hiện Quyết định số 45/QĐ-UBND ngày 15/4/2023 của UBND tỉnh về việc giao chỉ tiêu."
    dated = header("Kế hoạch", "ngày 10 tháng 3 năm 2023", "Thực hiện nhiệm vụ năm 2023") + body
    assert kinds(findings(dated)) == [("citation_after_document", "45/QĐ-UBND")]
    undated = header("Kế hoạch", "ngày tháng năm 2023", "Thực hiện nhiệm vụ năm 2023") + body
    assert findings(undated) == []


@pytest.mark.parametrize("name, expected", [
    ("000_07ede3dda3013cba", [("header_year_mismatch", None)]),
    ("001_6a6dedc90bf0a00e", []),
    ("003_df02fa6b7fd9d86e", []),
])
def test_corpus(corpus, name, expected):
    assert kinds(lint(analysis_of(load(corpus / f"{name}.txt")))) == expected


def test_real_decree_with_a_mistyped_year(shared_real):
    a = analysis_of(load(shared_real / "TT-01-2026-BCT-huong-dan-ND26-bieu-mau.docx"))
    assert ("citation_date_conflict", "113/2017/NĐ-CP") in kinds(lint(a))


def test_real_documents_are_mostly_clean(shared_real):
    noisy = []
    for path in sorted(shared_real.glob("*.docx")):
        fs = lint(analysis_of(load(path)))
        if len(fs) > 1:
            noisy.append((path.name, kinds(fs)))
    assert noisy == []
