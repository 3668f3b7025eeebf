"""The registry is data: every example in data/*.toml runs through the patterns (as eyecite tests reporters-db)."""
from __future__ import annotations

import pytest

from docanalyze.extract.citations import find_citations, issuer_from_code, parse_symbol
from docanalyze.lexicon import citation_words, doc_types, issuers, load_toml, type_by_code, type_by_word
from docanalyze.model import Document
from docanalyze.normalize import fold

TYPE_EXAMPLES = [(t.name, ex) for t in doc_types() for ex in t.examples]
ISSUER_EXAMPLES = [(i.code, i.name, ex) for i in issuers() for ex in i.examples]


@pytest.mark.parametrize("name, example", TYPE_EXAMPLES, ids=[e for _, e in TYPE_EXAMPLES])
def test_type_example_is_found_with_its_type(name, example):
    found = find_citations(Document(text=f"Căn cứ {example};"))
    assert found, example
    assert found[0].type == name
    assert found[0].start == len("Căn cứ ")


@pytest.mark.parametrize("code, name, example", ISSUER_EXAMPLES, ids=[e for _, _, e in ISSUER_EXAMPLES])
def test_issuer_example_names_its_body(code, name, example):
    got = issuer_from_code(example)
    assert got is not None, example
    assert name in got[0]


def test_every_issuer_has_examples():
    assert [i.code for i in issuers() if not i.examples] == []


def test_every_type_has_examples_and_known_kind():
    kinds = {"plan", "report", "decision", "directive", "official_letter", "other"}
    for t in doc_types():
        assert t.examples, t.name
        assert t.kind in kinds


def test_nd30_and_hd36_codes_are_registered():
    state = {"QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC", "BB", "TTr", "HĐ", "CĐ",
             "GN", "TTh", "GUQ", "GM", "GGT", "NP", "PG", "PC", "PB", "NĐ", "NQ", "TT"}
    party = {"NQ", "QĐ", "CT", "KL", "QC", "QĐi", "TT", "HD", "BC", "KH", "CTr", "TB", "TTr", "ĐA", "CV", "BB"}
    assert {fold(c) for c in state} <= set(type_by_code("state"))
    assert {fold(c) for c in party} <= set(type_by_code("party"))
    assert type_by_code("party")[fold("TT")].name == "Thông tri"
    assert type_by_code("state")[fold("TT")].name == "Thông tư"


def test_certain_codes():
    assert issuer_from_code("04/2015/NĐ-CP") == ("Chính phủ", True)
    assert issuer_from_code("33/CT-TTg") == ("Thủ tướng Chính phủ", True)
    assert issuer_from_code("36/2017/TT-BGDĐT") == ("Bộ Giáo dục và Đào tạo", True)
    assert issuer_from_code("129/QĐ-UBND") == ("Ủy ban nhân dân", False)
    assert issuer_from_code("1235/SGDĐT-VP") == ("Sở Giáo dục và Đào tạo", False)  # VP is a unit, not an issuer
    assert issuer_from_code("12/XYZ-ABC") is None


@pytest.mark.parametrize("sep, sym, system, code, issuers_", [
    ("/", "QĐ-SGDĐT", "state", "QĐ", ("SGDĐT",)),
    ("/", "NĐ-CP", "state", "NĐ", ("CP",)),
    ("/", "UBND", "state", None, ("UBND",)),
    ("/", "SNV-XDCQ-CTTN", "state", None, ("SNV",)),
    ("-", "CT/TW", "party", "CT", ("TW",)),
    ("-", "KH/BDVTU-UBNDTP", "party", "KH", ("BDVTU", "UBNDTP")),
    ("-", "SGDĐT", "state", None, ("SGDĐT",)),
])
def test_parse_symbol(sep, sym, system, code, issuers_):
    s = parse_symbol(sep, sym)
    assert (s.system, s.type_code, s.issuers[: len(issuers_)]) == (system, code, issuers_)


def test_symbols_that_are_not_codes():
    assert parse_symbol("-", "Dinitro") is None
    assert parse_symbol("/", "Ban") is None


def test_type_words_index_variants_and_typos():
    idx = type_by_word()
    assert idx[fold("Thông báo kết luận")][0].name == "Thông báo"
    assert idx[fold("Văn bản")] [1] is True  # generic
    from docanalyze.lexicon import word_key
    assert idx[word_key("Kế hoach")][0].name == "Kế hoạch"


@pytest.mark.parametrize("text, issuer", citation_words()["examples"]["issuers"])
def test_issuer_examples(text, issuer):
    found = find_citations(Document(text=text))
    assert found[0].issuer == issuer


@pytest.mark.parametrize("text, name", load_toml("laws.toml")["examples"])
def test_law_examples(text, name):
    found = find_citations(Document(text=text))
    assert found[0].name == name
