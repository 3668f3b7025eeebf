"""Notebook HTML: escaped, well nested where highlights overlap, and showing what was found."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

import docanalyze
from docanalyze.items import Citation, Task
from docanalyze.model import Block, Document
from docanalyze.render.html_doc import Mark, analysis_html, document_html, highlight

ROOT = Path(__file__).resolve().parent.parent
VOID = {"meta", "br", "hr", "img", "input", "link"}


class _Nesting(HTMLParser):
    """Fails on a closing tag that does not close the innermost open tag."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()


def _check(html: str) -> _Nesting:
    p = _Nesting()
    p.feed(html)
    p.close()
    assert p.stack == []
    return p


@pytest.mark.parametrize(
    ("marks", "expected"),
    [
        ([], "abcdefghij"),
        ([Mark(2, 5, "citation")], 'ab<mark class="citation" title="">cde</mark>fghij'),
        # a citation inside a task: three stretches, never crossing tags
        ([Mark(0, 10, "task"), Mark(3, 6, "citation")],
         '<mark class="task" title="">abc</mark><mark class="citation task" title="">def</mark>'
         '<mark class="task" title="">ghij</mark>'),
    ],
)
def test_highlight_stretches(marks: list[Mark], expected: str) -> None:
    html = highlight("abcdefghij", marks, legend=False)
    assert expected in html
    _check(html)


def test_everything_from_the_document_is_escaped() -> None:
    text = 'KẾ HOẠCH <script>alert("x")</script> & “Dân vận khéo”'
    doc = Document(text=text, blocks=[Block("paragraph", 0, len(text))], source="<b>evil</b>.txt")
    html = document_html(doc)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>evil</b>" not in html
    _check(html)
    a = docanalyze.analyze(doc)
    a.citations = [Citation('<img src=x onerror="1">', 0, 8, type="<i>", number='1/"QĐ"')]
    a.tasks = [Task("<1>", "t", 0, 10, lead=["<u>Sở</u>"])]
    html = analysis_html(a)
    assert "<img" not in html and "<u>" not in html and "<i>" not in html
    _check(html)


def test_long_text_is_cut_with_a_note() -> None:
    html = highlight("x" * 1000, [Mark(990, 999, "deadline")], max_chars=100)
    assert "900 more characters" in html and "deadline" not in html.split("</style>")[1]


@pytest.mark.parametrize("path", sorted((ROOT / "corpus").glob("*.txt")), ids=lambda p: p.name)
def test_real_analysis_displays(path: Path) -> None:
    a = docanalyze.analyze(path)
    html = a._repr_html_()
    _check(html)
    if a.header.title:
        assert a.header.title.split()[0] in html
    for t in a.tasks[:5]:
        assert f"Nhiệm vụ {t.id}" in html
    for c in a.citations[:5]:
        assert (c.number or c.type or "") in html
    doc_html = a.document._repr_html_()
    _check(doc_html)
    assert f"{len(a.text)}</b> characters" in doc_html
