from docanalyze.readers import from_text, load


def _read(text: str):
    return from_text(text)


def test_markdown_artefacts_removed_and_marks_kept():
    doc = _read("## **II. KẾT QUẢ**\n\nPhong trào “*Dân vận khéo*” và <i>mô hình</i> &amp; <p>khác</p>.")
    assert doc.text == "II. KẾT QUẢ\n\nPhong trào “Dân vận khéo” và mô hình & khác."
    assert doc.blocks[0].kind == "heading" and doc.blocks[0].bold
    italics = [doc.text[m.start:m.end] for m in doc.marks if m.kind == "italic"]
    assert italics == ["Dân vận khéo", "mô hình"]


def test_footnotes_moved_after_body_with_markers_kept():
    doc = _read("Năm 2023<sup>1</sup> Sở đã làm.\n\n<sup>1</sup> Quyết định số 362/QĐ-UBND.\n\nĐoạn tiếp theo.")
    assert doc.text.startswith("Năm 2023¹ Sở đã làm.\n\nĐoạn tiếp theo.")
    (note,) = doc.footnotes
    assert doc.text[note.start:note.end] == "Quyết định số 362/QĐ-UBND."
    assert doc.text[note.ref_start:note.ref_end] == "¹"
    assert note.start >= doc.body_end


def test_tab_rows_become_a_table_and_a_broken_row_is_joined():
    doc = _read("Stt\tNội dung\tChủ trì\n1\tTham mưu ban hành\tVăn phòng\n2\tQuán triệt các văn bản về\tCác phòng\n\n"
                "\t<p><i>công tác dân vận</i></p>\t\n\nIII. TỔ CHỨC THỰC HIỆN")
    (table,) = doc.tables
    assert table.texts() == [["Stt", "Nội dung", "Chủ trì"], ["1", "Tham mưu ban hành", "Văn phòng"],
                             ["2", "Quán triệt các văn bản về công tác dân vận", "Các phòng"]]
    cell = table.rows[2][1]
    assert doc.text[cell.start:cell.end] == cell.text


def test_paragraph_cut_by_page_break_is_joined():
    doc = _read("Phổ biến các văn bản của Trung ương,\n\nthành phố về công tác dân vận.\n\nĐoạn mới.")
    assert [doc.text[b.start:b.end] for b in doc.blocks] == [
        "Phổ biến các văn bản của Trung ương, thành phố về công tác dân vận.", "Đoạn mới."]


def test_corpus_plan_reads(corpus):
    doc = load(corpus / "001_6a6dedc90bf0a00e.txt")
    assert "Kế hoạch số 173-KH/BDVTU-UBNDTP" in doc.text
    assert len(doc.tables) >= 1
    for t in doc.tables:
        for row in t.rows:
            for c in row:
                assert doc.text[c.start:c.end] == c.text
    for b in doc.blocks:
        assert 0 <= b.start < b.end <= len(doc.text)
