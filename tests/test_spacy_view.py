"""The spaCy view: same text as the Document, one span per item with the item's exact offsets and a label."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

pytest.importorskip("spacy")

from spacy import displacy  # noqa: E402

import docanalyze  # noqa: E402
from docanalyze.items import Citation, Deadline, Slogan, Task  # noqa: E402
from docanalyze.spacy_view import GROUPS, _tokens, blank_vi, render, to_spacy  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "corpus").glob("*.txt"))


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Quyết định số 1483/QĐ-SGDĐT", ["Quyết", "định", "số", "1483/QĐ-SGDĐT"]),
        ("ngày 24/01/2024, Độc lập - Tự do", ["ngày", "24/01/2024", ",", "Độc", "lập", "-", "Tự", "do"]),
        ("“Dân vận khéo”,", ["“", "Dân", "vận", "khéo", "”", ","]),
        ("trước ngày 10/6.", ["trước", "ngày", "10/6", "."]),
        ("", []),
    ],
)
def test_syllable_tokens(text: str, tokens: list[str]) -> None:
    assert [text[s:e] for s, e in _tokens(text)] == tokens
    doc = blank_vi()(text)
    assert [t.text for t in doc if not t.is_space] == tokens
    assert doc.text == text


def test_cuts_split_tokens() -> None:
    assert [("abcdef"[s:e]) for s, e in _tokens("abcdef", [2, 4])] == ["ab", "cd", "ef"]


def _planted(path: Path) -> docanalyze.Analysis:
    """A real document with one item of each kind planted at offsets found in its text."""
    a = docanalyze.analyze(path)
    text = a.text

    def span(needle: str) -> tuple[int, int]:
        i = text.find(needle)
        assert i >= 0, needle
        return i, i + len(needle)

    s, e = span("Quyết định 129/QĐ-UBND")
    a.citations = [Citation(text[s:e], s, e, type="Quyết định", number="129/QĐ-UBND")]
    s, e = span("dân vận chính quyền")
    a.slogans = [Slogan(text[s:e], s, e, kind="movement", canonical="Dân vận chính quyền")]
    s, e = span("năm 2025")
    a.deadlines = [Deadline(text[s:e], s, e, date_start=dt.date(2025, 1, 1), date_end=dt.date(2025, 12, 31))]
    b = a.citations[0].start
    a.tasks = [Task("1", text[b : b + 150], b, b + 150, lead=["Văn phòng Sở"])]
    return a


@pytest.mark.skipif(not (ROOT / "corpus" / "001_6a6dedc90bf0a00e.txt").exists(), reason="corpus file missing")
def test_planted_items_become_labelled_spans() -> None:
    a = _planted(ROOT / "corpus" / "001_6a6dedc90bf0a00e.txt")
    doc = to_spacy(a)
    assert doc.text == a.text
    labels = {k: [sp.label_ for sp in doc.spans[k]] for k in GROUPS}
    assert labels == {"citations": ["Quyết định"], "deadlines": ["deadline (interval)"], "slogans": ["movement"],
                      "tasks": ["Văn phòng Sở"]}
    assert doc.spans["citations"][0].kb_id_ == "129/QĐ-UBND"
    assert doc.spans["deadlines"][0].kb_id_ == "2025-12-31"
    assert len(doc.spans["sc"]) == 4
    assert doc.user_data["docanalyze_skipped"] == 0
    html = displacy.render(doc, style="span", options={"spans_key": "citations"}, jupyter=False)
    assert "Quyết định" in html and "129" in html
    lo = min(sp.start_char for sp in doc.spans["sc"])
    hi = max(sp.end_char for sp in doc.spans["sc"])
    html = render(doc, start=max(0, lo - 20), end=hi + 20, jupyter=False)
    assert "movement" in html and "Văn phòng Sở" in html and len(html) < 60_000


def test_items_with_bad_offsets_are_skipped_not_fatal() -> None:
    a = docanalyze.analyze(CORPUS[0]) if CORPUS else pytest.skip("no corpus")
    n = len(a.text)
    a.citations = [Citation("x", n + 5, n + 9), Citation("y", 10, 10)]
    a.slogans, a.deadlines, a.tasks = [], [], []
    doc = to_spacy(a)
    assert len(doc.spans["citations"]) == 0 and doc.user_data["docanalyze_skipped"] == 2


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_real_items_map_exactly_onto_spans(path: Path) -> None:
    """Whatever the extractors find today, each span has its item's offsets and the text at them."""
    a = docanalyze.analyze(path)
    doc = to_spacy(a)
    text = a.text
    assert doc.text == text
    for key, items in (("citations", a.citations), ("deadlines", a.deadlines), ("slogans", a.slogans),
                       ("tasks", a.tasks)):
        expected = []
        for it in items:
            s, e = it.start, it.end
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            expected.append((s, e, text[s:e]))
        got = [(sp.start_char, sp.end_char, sp.text) for sp in doc.spans[key]]
        assert got == expected, key
        if key == "citations":
            assert [sp.label_ for sp in doc.spans[key]] == [c.type or "citation" for c in items]
    if len(doc.spans["sc"]):
        html = displacy.render(doc, style="span", jupyter=False)
        assert html.startswith("<div")
