"""Re-mentions resolve to their full mention (as eyecite resolves short forms)."""
from __future__ import annotations

import datetime as dt

from docanalyze.extract.citations import find_citations, resolve_citations
from docanalyze.model import Document


def resolve(text: str):
    doc = Document(text=text)
    found = find_citations(doc)
    return found, resolve_citations(found, doc)


def test_short_mention_takes_date_and_issuer_of_the_full_one():
    found, cited = resolve(
        "Thực hiện Chỉ thị số 33/CT-TTg ngày 26 tháng 11 năm 2021 của Thủ tướng Chính phủ về tiếp tục tăng cường. "
        "Tiếp tục triển khai Chỉ thị số 33/CT-TTg, chương trình công tác dân vận.")
    assert len(cited) == 1 and cited[0].mentions == [0, 1]
    full, short = found
    assert not full.short and short.short
    assert short.doc_id == full.doc_id == 0
    assert short.date == dt.date(2021, 11, 26) and short.issuer == "Thủ tướng Chính phủ"
    assert short.issuer_source == "resolved"
    assert cited[0].dates == [dt.date(2021, 11, 26)]


def test_party_short_form_with_stray_space():
    found, cited = resolve("Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị; sau đó Kết luận số 01- KL/TW.")
    assert len(cited) == 1 and len(cited[0].mentions) == 2
    assert found[1].number == "01-KL/TW" and found[1].issuer == "Bộ Chính trị"
    assert cited[0].variants == []


def test_a_code_issuer_gives_way_to_the_named_one():
    found, cited = resolve("Chỉ thị 05-CT/TW đã nêu. Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh.")
    assert found[0].issuer == "Bộ Chính trị" and found[0].issuer_source == "resolved"
    assert cited[0].issuer == "Bộ Chính trị"


def test_number_without_its_year_is_a_variant():
    found, cited = resolve("Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ. Theo Nghị định 04/NĐ-CP thì …")
    assert len(cited) == 1
    assert cited[0].number == "04/2015/NĐ-CP" and cited[0].variants == ["04/NĐ-CP"]
    assert found[1].doc_id == 0


def test_law_by_title_joins_its_numbered_mention():
    found, cited = resolve("Căn cứ Luật Hóa chất số 69/2025/QH15; các tổ chức thực hiện theo Luật Hóa chất.")
    assert len(cited) == 1 and len(cited[0].mentions) == 2
    assert found[1].number == "69/2025/QH15" and found[1].name == "Luật Hóa chất"


def test_two_laws_of_one_title_and_different_years_stay_apart():
    _, cited = resolve("Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015; "
                       "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;")
    assert len(cited) == 2


def test_a_title_with_two_numbered_laws_is_left_alone():
    found, cited = resolve("Luật Hóa chất số 06/2007/QH12 hết hiệu lực; Luật Hóa chất số 69/2025/QH15 thay thế; "
                           "theo Luật Hóa chất.")
    assert len(cited) == 3 and found[2].number is None


def test_law_name_with_year_is_canonical():
    found, cited = resolve("Luật Thực hiện dân chủ ở cơ sở năm 2022 có hiệu lực; Luật Thực hiện dân chủ ở cơ sở quy định")
    assert len(cited) == 1
    assert {c.name for c in found} == {"Luật Thực hiện dân chủ ở cơ sở năm 2022"}


def test_numbers_without_symbol_keep_their_type():
    _, cited = resolve("Quyết định số 15 ngày 2/3/2020 của UBND xã; Kế hoạch số 15 ngày 4/3/2020 của UBND xã")
    assert [(x.type, x.number) for x in cited] == [("Quyết định", "15"), ("Kế hoạch", "15")]


def test_two_dates_are_both_kept():
    _, cited = resolve("Quyết định số 12/QĐ-UBND ngày 05/3/2023 của UBND tỉnh. Quyết định số 12/QĐ-UBND ngày 06/3/2023.")
    assert cited[0].dates == [dt.date(2023, 3, 5), dt.date(2023, 3, 6)]


def test_bare_number_short_form():
    found, cited = resolve("Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị. Sau 5 năm thực hiện "
                           "Chỉ thị 05, Đề án 06 và Điều 5 đều đạt; Chỉ thị 05/2020 là văn bản khác.")
    assert [(c.text, c.number) for c in found] == [
        ("Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị", "05-CT/TW"), ("Chỉ thị 05", "05-CT/TW")]
    assert len(cited) == 1 and found[1].short and found[1].issuer == "Bộ Chính trị"


def test_bare_number_shared_by_two_documents_is_not_resolved():
    found, _ = resolve("Quyết định số 12/QĐ-UBND ngày 1/2/2024; Quyết định số 12/QĐ-SGDĐT ngày 3/2/2024; "
                       "theo Quyết định 12 thì …")
    assert [c.number for c in found] == ["12/QĐ-UBND", "12/QĐ-SGDĐT"]
