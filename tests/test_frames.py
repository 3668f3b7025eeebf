"""DataFrames of results: fixed columns (also when empty), real dates, offsets that point into the text."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

import docanalyze
from docanalyze.frames import COLUMNS, columns_markdown, columns_of, issuer_level, to_frame
from docanalyze.items import Citation, CitedDocument, Deadline, Finding, Section, Slogan, Task, Timeframe

ROOT = Path(__file__).resolve().parent.parent
D = dt.date

SAMPLES = {
    "citations": [Citation("Quyết định số 1483/QĐ-SGDĐT ngày 29/10/2022", 10, 52, type="Quyết định",
                           number="1483/QĐ-SGDĐT", date=D(2022, 10, 29), code="QĐ", system="state", doc_id=0),
                  Citation("Luật Tiếp công dân", 60, 78, type="Luật", name="Luật Tiếp công dân", doc_id=1)],
    "cited": [CitedDocument(0, "Quyết định", "1483/QĐ-SGDĐT", None, "Sở Giáo dục và Đào tạo",
                            dates=[D(2022, 10, 29), D(2022, 10, 20)], mentions=[0])],
    "tasks": [Task("1", "Tổ chức hội nghị", 100, 116, lead=["Văn phòng Sở"], partners=["Các phòng"],
                   timeframe="Quý I/2025", date_start=D(2025, 1, 1), date_end=D(2025, 3, 31)),
              Task("2", "Thường xuyên kiểm tra", 120, 141, recurring=True)],
    "deadlines": [Deadline("trước ngày 10/6", 5, 20, date_end=D(2025, 6, 10), kind="before", who=["Các trường"])],
    "slogans": [Slogan("Dân vận khéo", 1, 13, kind="movement", canonical="Dân vận khéo", score=0.9)],
    "findings": [Finding("citation_date_conflict", "two dates", 3, 9, number="1/KH-X", related=[(20, 30)])],
    "sections": [Section("I.", "roman", 0, "MỤC ĐÍCH", 0, 10, 50, children=[1]),
                 Section("1.", "arabic", 1, "Mục đích", 11, 20, 50, parent=0)],
    "timeframes": [Timeframe("Quý II/2025", 0, 11, D(2025, 4, 1), D(2025, 6, 30))],
}
DATE_COLUMNS = {
    "citations": ["date"], "cited": ["date"], "tasks": ["date_start", "date_end"],
    "deadlines": ["date_start", "date_end"], "timeframes": ["date_start", "date_end"],
}


@pytest.mark.parametrize("kind", list(COLUMNS))
def test_columns_are_stable(kind: str) -> None:
    df = to_frame(SAMPLES[kind])
    assert list(df.columns) == columns_of(kind)
    assert len(df) == len(SAMPLES[kind])
    for col in DATE_COLUMNS.get(kind, []):
        assert pd.api.types.is_datetime64_any_dtype(df[col]), col


@pytest.mark.parametrize("kind", list(COLUMNS))
def test_empty_list_keeps_columns_and_dtypes(kind: str) -> None:
    full, empty = to_frame(SAMPLES[kind]), to_frame([], kind)
    assert empty.empty
    assert list(empty.columns) == list(full.columns)
    assert list(empty.dtypes) == list(full.dtypes)


@pytest.mark.parametrize(("kind", "alias"), [("tasks", Task), ("cited", "cited_documents"), ("citations", Citation)])
def test_kind_aliases(kind: str, alias: object) -> None:
    assert list(to_frame([], alias).columns) == columns_of(kind)


def test_values_and_missing() -> None:
    tasks = to_frame(SAMPLES["tasks"])
    assert tasks.loc[0, "date_end"] == pd.Timestamp("2025-03-31")
    assert pd.isna(tasks.loc[1, "date_start"])
    assert tasks.loc[0, "lead"] == ["Văn phòng Sở"] and tasks.loc[1, "lead"] == []
    assert tasks.loc[0, "lead_first"] == "Văn phòng Sở" and pd.isna(tasks.loc[1, "lead_first"])
    assert bool(tasks.loc[1, "recurring"]) is True
    cited = to_frame(SAMPLES["cited"])
    assert cited.loc[0, "date"] == pd.Timestamp("2022-10-20")  # the earliest
    assert cited.loc[0, "n_dates"] == 2 and cited.loc[0, "n_mentions"] == 1
    assert cited.loc[0, "issuer_level"] == "department"
    assert to_frame(SAMPLES["findings"]).loc[0, "related"] == [(20, 30)]


def test_mixed_types_are_refused() -> None:
    with pytest.raises(TypeError):
        to_frame([SAMPLES["tasks"][0], SAMPLES["slogans"][0]])
    with pytest.raises(ValueError):
        to_frame([], "nonsense")


@pytest.mark.parametrize(
    ("issuer", "number", "level"),
    [
        (None, "04/2015/NĐ-CP", "central"),
        (None, "33/CT-TTg", "central"),
        (None, "169/2024/QH15", "assembly"),
        (None, "36/2017/TT-BGDĐT", "ministry"),
        (None, "30-CT/TW", "party_central"),
        (None, "173-KH/BDVTU-UBNDTP", "party_provincial"),
        (None, "1483/QĐ-SGDĐT", "department"),
        (None, "1235/SGDĐT-VP", "department"),  # official letter: ISSUER-UNIT
        (None, "108-SGDĐT", "department"),
        ("Ủy ban nhân dân thành phố Hải Phòng", "1182/QĐ-UBND", "provincial"),
        ("Sở Nội vụ", None, "department"),
        ("Quốc hội", None, "assembly"),
        ("Một cơ quan lạ", None, None),
        (None, None, None),
    ],
)
def test_issuer_level(issuer: str | None, number: str | None, level: str | None) -> None:
    assert issuer_level(issuer, number) == level


def test_columns_doc_is_in_sync() -> None:
    assert (ROOT / "docs" / "COLUMNS.md").read_text(encoding="utf-8") == columns_markdown()


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "corpus").glob("*.txt")))
def test_real_analysis_frames(name: str) -> None:
    """Every frame of a real analysis has its columns, and its offsets cut out the item's text."""
    result = docanalyze.analyze(ROOT / "corpus" / name)
    text = result.text
    for kind in ("citations", "cited", "tasks", "deadlines", "slogans", "findings", "sections"):
        df = result.to_frame(kind)
        assert list(df.columns) == columns_of(kind)
        assert len(df) == len(getattr(result, kind))
    for kind in ("citations", "slogans", "deadlines"):
        df = result.to_frame(kind)
        for row in df.itertuples():
            assert text[row.start : row.end] == row.text or kind == "slogans", (kind, row.text)
            assert row.text in text[max(0, row.start - 1) : row.end + 1]
    tasks = result.to_frame("tasks")
    for row in tasks.itertuples():
        assert 0 <= row.start < row.end <= len(text)
