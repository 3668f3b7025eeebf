"""Hostile input: random and adversarial strings never crash the finder, spans stay valid, and scans stay linear."""
from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docanalyze.analyse.lint import lint
from docanalyze.analysis import Analysis
from docanalyze.extract.citations import find_citations, resolve_citations
from docanalyze.items import Header
from docanalyze.model import Document

TOKENS = ["Quyết định", "số", "số:", "1483", "/", "-", "QĐ", "SGDĐT", "CT", "TW", "2015", "NĐ-CP", "ngày", "29/10/2022",
          "31/02/2023", "tháng", "năm", "của", "do", "Sở Nội vụ", "UBND", "tỉnh", "và", ",", ";", "(", ")", "“", "”",
          "Luật", "luật", "Bộ luật", "Hiến pháp", "Pháp lệnh", "Tiếp công dân", "QCVN", "05A:2020/BCT", "khóa", "VIII",
          "về việc", "\n", "\t", "\n\n", "¹", "Văn bản", "Kế hoach", "30c", "01-", " KL/TW", "Thông báo", "108-SGDĐT"]
ALPHABET = "0123456789/-.:, \n\tQĐCTNKHUBWSGDsốngàycủaLuậtlệnhpháp“”()ÀÁÂđêôơư¹"

texts = st.one_of(
    st.text(alphabet=ALPHABET, max_size=300),
    st.lists(st.sampled_from(TOKENS), max_size=60).map(" ".join),
    st.lists(st.sampled_from(TOKENS), max_size=60).map("".join),
    st.text(max_size=200),
)


def check(text: str) -> None:
    doc = Document(text=text)
    found = find_citations(doc, Header())
    cited = resolve_citations(found, doc)
    last = -1
    for c in found:
        assert 0 <= c.start < c.end <= len(text)
        assert c.text == text[c.start : c.end]
        assert c.start >= last  # text order, no overlaps
        last = c.end
        assert c.doc_id is not None and 0 <= c.doc_id < len(cited)
    assert sorted(i for d in cited for i in d.mentions) == list(range(len(found)))
    for f in lint(Analysis(document=doc, header=Header(), citations=found, cited=cited)):
        assert f.start is None or 0 <= f.start <= f.end <= len(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_never_crashes_and_spans_are_exact(text):
    check(text)


@pytest.mark.parametrize("text", [
    "", " ", "số", "Luật", "Luật ", "Hiến pháp", "1/", "1-A/B", "QCVN", "ngày 31/", "của", "Quyết định số 1 ngày ",
    "Luật sửa đổi, bổ sung một số điều của ", "Luật sửa đổi, bổ sung một số điều của Luật", "(Nghị định số 1/NĐ-CP",
])
def test_edges(text):
    check(text)


@pytest.mark.parametrize("line", [
    "1/" * 500_000, "1" * 1_000_000, "-/" * 500_000, "1/2/" * 250_000, "12-" * 333_333, "1/QĐ-" * 200_000,
    "0" * 999_999 + "/QĐ-UBND",
])
def test_a_megabyte_of_digits_and_slashes_is_linear(line):
    t = time.perf_counter()
    find_citations(Document(text=line))
    assert time.perf_counter() - t < 0.6
