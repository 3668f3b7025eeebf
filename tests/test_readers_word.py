"""The Word reader on small .docx files built here, one feature each, and on the corpus copies."""
from __future__ import annotations

import copy
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from docanalyze import load

FIXTURES = Path(__file__).parent / "fixtures"
W_NS = nsdecls("w")


def _numbered(doc, text: str, num_id: int, ilvl: int = 0):
    p = doc.add_paragraph(text)
    p._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {W_NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return p


def _with_numbering(tmp_path: Path, numbering: str, items: list[tuple[str, int, int]]) -> Path:
    doc = docx.Document()
    part = doc.part.numbering_part
    root = part.element
    for child in list(root):
        root.remove(child)
    for el in parse_xml(f"<w:numbering {W_NS}>{numbering}</w:numbering>"):
        root.append(copy.deepcopy(el))
    for text, num_id, ilvl in items:
        _numbered(doc, text, num_id, ilvl)
    path = tmp_path / "numbered.docx"
    doc.save(path)
    return path


LETTERS = ('<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
           '<w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>')
DECIMAL = ('<w:abstractNum w:abstractNumId="8"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
           '<w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
           '<w:lvlText w:val="%1.%2."/></w:lvl></w:abstractNum>')


def _paragraphs(path: Path) -> list[str]:
    d = load(path, check_language=False)
    return [d.text[b.start : b.end] for b in d.blocks]


def test_instances_of_one_list_continue_and_a_start_override_restarts(tmp_path):
    """Word's model: numIds sharing an abstract list continue one sequence; startOverride restarts it."""
    nums = (LETTERS + '<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>'
            '<w:num w:numId="2"><w:abstractNumId w:val="7"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="2"/></w:lvlOverride></w:num>'
            '<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>'
            '<w:num w:numId="4"><w:abstractNumId w:val="7"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>')
    path = _with_numbering(tmp_path, nums, [("Một", 1, 0), ("Hai", 2, 0), ("Ba", 3, 0), ("Lại một", 4, 0),
                                            ("Lại hai", 4, 0)])
    assert _paragraphs(path) == ["a) Một", "b) Hai", "c) Ba", "a) Lại một", "b) Lại hai"]


def test_multilevel_numbers_render_their_parents(tmp_path):
    nums = DECIMAL + '<w:num w:numId="5"><w:abstractNumId w:val="8"/></w:num>'
    path = _with_numbering(tmp_path, nums, [("Mục", 5, 0), ("Ý một", 5, 1), ("Ý hai", 5, 1), ("Mục sau", 5, 0),
                                            ("Ý", 5, 1)])
    assert _paragraphs(path) == ["1. Mục", "1.1. Ý một", "1.2. Ý hai", "2. Mục sau", "2.1. Ý"]


def test_a_grid_column_no_cell_starts_in_is_dropped(tmp_path):
    """A table whose last cells all span two grid columns has one column there, not two."""
    doc = docx.Document()
    table = doc.add_table(rows=3, cols=4)
    table.style = "Table Grid"
    rows = [["STT", "Tên chất", "Mã CAS", ""], ["1.", "Axit axetic", "64-19-7", ""], ["2.", "Axeton", "67-64-1", ""]]
    for r, values in enumerate(rows):
        for c, v in enumerate(values[:3]):
            table.cell(r, c).text = v
        table.cell(r, 2).merge(table.cell(r, 3))
    doc.add_paragraph("Danh mục hóa chất cần kiểm soát đặc biệt của Bộ Công Thương năm 2026.")
    path = tmp_path / "grid.docx"
    doc.save(path)
    d = load(path, check_language=False)
    (t,) = d.tables
    assert t.n_cols == 3
    assert t.texts() == [r[:3] for r in rows]


def test_superscript_digits_are_exponents_not_footnotes(tmp_path):
    doc = docx.Document()
    p = doc.add_paragraph("Diện tích kho 27 m")
    run = p.add_run("3")
    run.font.superscript = True
    p.add_run(" theo quy chuẩn.")
    path = tmp_path / "sup.docx"
    doc.save(path)
    d = load(path, check_language=False)
    assert d.text == "Diện tích kho 27 m³ theo quy chuẩn."
    assert d.footnotes == []


def test_corpus_copy_numbering_and_header(corpus):
    d = load(corpus / "001_6a6dedc90bf0a00e.docx")
    blocks = [d.text[b.start : b.end] for b in d.blocks]
    assert blocks[:6] == ["UBND THÀNH PHỐ HẢI PHÒNG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: /KH-SGDĐT",
                          "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                          "Hải Phòng, ngày tháng năm 2025"]
    numbered = [t.split(" ", 1)[0] for t in blocks if t[:2] in ("1.", "2.", "3.")]
    assert numbered[:5] == ["1.", "2.", "3.", "1.", "2."]  # automatic numbering, restarted per section
    assert any(t.startswith("- Thực hiện hiệu quả công tác tuyên truyền") for t in blocks)  # a "-" bullet


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_lettered_lists_restart_under_each_heading(fmt):
    blocks = _paragraphs(FIXTURES / f"lists.{fmt}")
    letters = [t[:2] for t in blocks if t[:2] in ("a)", "b)", "c)")]
    assert letters == ["a)", "b)", "a)", "b)", "c)"]
