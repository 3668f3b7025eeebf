"""One document, three formats: the .txt of the corpus and its Word and PDF copies read alike.

The copies come from tools/make_fixtures.py (Nghị định 30 layout, LibreOffice).
Extractors downstream see the normalized text, so what matters is that the
same numbers, dates, table cells and header fields come out of every format.
"""
from __future__ import annotations

import re

import pytest

from docanalyze import load
from docanalyze.structure.header import parse_header

DOCS = ["000_07ede3dda3013cba", "001_6a6dedc90bf0a00e", "003_df02fa6b7fd9d86e"]
FORMATS = ["txt", "docx", "pdf"]
NUMBER_RE = re.compile(r"\d+[a-zđ]?(?:/\d{4})?[/-][A-ZĐ][\wĐđ&/-]*")  # 1483/QĐ-SGDĐT, 30-CT/TW, 04/2015/NĐ-CP
DATE_RE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")
HEADER = {  # from the gold annotations, which were written against the .txt
    "000_07ede3dda3013cba": ("report", 2023, "Hải Phòng", "Sở Giáo dục và Đào tạo"),
    "001_6a6dedc90bf0a00e": ("plan", 2025, "Hải Phòng", "Sở Giáo dục và Đào tạo"),
    "003_df02fa6b7fd9d86e": ("plan", 2023, None, "Phòng Giáo dục và Đào tạo"),
}


@pytest.fixture(scope="module")
def docs(corpus):
    return {(name, fmt): load(corpus / f"{name}.{fmt}") for name in DOCS for fmt in FORMATS}


@pytest.mark.parametrize("name", DOCS)
def test_same_citation_numbers_and_dates(docs, name):
    found = {fmt: (sorted(NUMBER_RE.findall(docs[name, fmt].text)), sorted(DATE_RE.findall(docs[name, fmt].text)))
             for fmt in FORMATS}
    assert found["txt"][0], "the corpus document cites numbered documents"
    assert found["docx"] == found["txt"]
    assert found["pdf"] == found["txt"]


@pytest.mark.parametrize("name", DOCS)
def test_same_table_cells(docs, name):
    cells = {fmt: [t.texts() for t in docs[name, fmt].tables] for fmt in FORMATS}
    assert cells["docx"] == cells["txt"]
    assert cells["pdf"] == cells["txt"]


@pytest.mark.parametrize("name", DOCS)
def test_same_footnotes(docs, name):
    notes = {fmt: [(f.marker, docs[name, fmt].text[f.start : f.end]) for f in docs[name, fmt].footnotes]
             for fmt in FORMATS}
    assert notes["docx"] == notes["txt"]
    assert notes["pdf"] == notes["txt"]


@pytest.mark.parametrize("name", DOCS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_header_fields(docs, name, fmt):
    h = parse_header(docs[name, fmt])
    kind, year, place, issuer = HEADER[name]
    assert (h.kind, h.year) == (kind, year)
    if place is not None:
        assert h.place == place
    assert h.issuer is not None and h.issuer.startswith(issuer)


@pytest.mark.parametrize("name", DOCS)
def test_same_title(docs, name):
    titles = {fmt: parse_header(docs[name, fmt]).title for fmt in FORMATS}
    assert titles["docx"] == titles["txt"] == titles["pdf"]
