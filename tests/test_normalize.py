from docanalyze.normalize import fix_cyrillic, fold, normalize_text


def test_nfc_and_dashes_and_spaces():
    raw = "Ho\u0300a\u00a0Bi\u0300nh \u2013 Quy\u0301 I\u200b/2025  \u2014 xong"
    assert normalize_text(raw) == "Hòa Bình - Quý I/2025 - xong"


def test_eth_becomes_vietnamese_d():
    assert normalize_text("\u00d0\u1ea2NG \u00f0oàn") == "ĐẢNG đoàn"


def test_quotes_become_curly_and_directed():
    assert normalize_text('phong trào "Dân vận khéo" và «mô hình»') == "phong trào “Dân vận khéo” và “mô hình”"


def test_cyrillic_lookalikes_only_inside_codes():
    # В and С below are Cyrillic
    assert fix_cyrillic("ВСТ-ВТC") == "BCT-BTC"
    assert fix_cyrillic("Số 24/HDLN-BCA-ВQP") == "Số 24/HDLN-BCA-BQP"
    assert fix_cyrillic("Москва") == "Москва"


def test_fold_ignores_case_tone_placement_and_quotes():
    assert fold("Hoà bình") == fold("hòa BÌNH")
    assert fold("“Dân vận khéo”") == fold("dân vận khéo")
    assert fold("Thuỷ") == fold("thủy")
    assert fold("hòa") != fold("hoa")
