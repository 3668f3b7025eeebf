"""The iCalendar export: RFC 5545 shape, read back with the `icalendar` package."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from docanalyze.analysis import analyze
from docanalyze.render.ics import deadlines_to_ics, fold

icalendar = pytest.importorskip("icalendar")
ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "corpus" / "001_6a6dedc90bf0a00e.txt"
NOW = dt.datetime(2025, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


def _events(ics: str) -> list:
    cal = icalendar.Calendar.from_ical(ics)
    return [c for c in cal.walk() if c.name == "VEVENT"]


def test_lines_are_crlf_and_folded_at_75_octets() -> None:
    ics = deadlines_to_ics(analyze(PLAN), now=NOW)
    assert ics.endswith("\r\n") and "\n" not in ics.replace("\r\n", "")
    for line in ics.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    assert ics.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")


def test_folding_never_splits_a_character() -> None:
    line = "SUMMARY:" + "Tuyên truyền, phổ biến, giáo dục pháp luật " * 5
    folded = fold(line)
    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


def test_every_deadline_is_an_all_day_event() -> None:
    a = analyze(PLAN)
    events = _events(deadlines_to_ics(a, now=NOW))
    assert len(events) == len(a.deadlines) == 15
    assert len({str(e["UID"]) for e in events}) == len(events)
    first = events[0]
    assert first.decoded("DTSTART") == dt.date(2025, 1, 1)
    assert first.decoded("DTEND") == dt.date(2025, 4, 1)  # Quý I/2025, end exclusive
    assert str(first["SUMMARY"]).startswith("Tham mưu ban hành văn bản")
    assert "Chủ trì: Văn phòng Sở" in str(first["DESCRIPTION"])
    assert "Phối hợp: Các phòng CMNV Sở; đơn vị thuộc Sở" in str(first["DESCRIPTION"])
    assert first.decoded("DTSTAMP") == NOW
    cut_off = next(e for e in events if "trước ngày 10/6" in str(e["DESCRIPTION"]))
    assert (cut_off.decoded("DTSTART"), cut_off.decoded("DTEND")) == (dt.date(2025, 6, 10), dt.date(2025, 6, 11))


def test_uids_are_stable() -> None:
    a = analyze(PLAN)
    first = deadlines_to_ics(a, now=NOW)
    again = deadlines_to_ics(analyze(PLAN), now=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    uids = [line for line in first.split("\r\n") if line.startswith("UID:")]
    assert uids == [line for line in again.split("\r\n") if line.startswith("UID:")]


def test_recurring_tasks_repeat() -> None:
    a = analyze(ROOT / "corpus" / "plans" / "xa_bang_hai_dong.txt")
    events = _events(deadlines_to_ics(a, now=NOW))
    quarterly = [e for e in events if "RRULE" in e]
    assert len(quarterly) == 1
    rule = quarterly[0]["RRULE"]
    assert rule["FREQ"] == ["MONTHLY"] and rule["INTERVAL"] == [3] and rule["BYMONTHDAY"] == [-1]
    assert quarterly[0].decoded("DTSTART") == dt.date(2024, 3, 31)
    assert rule["UNTIL"][0] == dt.date(2024, 12, 31)


def test_cli_writes_the_file(tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    run = subprocess.run([sys.executable, "-m", "docanalyze", "extract", str(PLAN), "--format", "ics", "-o", str(out)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    data = out.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    assert len(_events(data.decode("utf-8"))) == 15


def test_a_monthly_cut_off_repeats_on_its_day() -> None:
    from docanalyze.readers import from_text

    text = ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM\n\nSố: 05/CT-UBND\n\nQuảng Nam, ngày 20 tháng 02 năm 2025\n\nCHỈ THỊ\n\n"
            "Về tăng cường công tác phòng, chống cháy rừng năm 2025\n\nChủ tịch Ủy ban nhân dân tỉnh yêu cầu:\n\n"
            "1. Ủy ban nhân dân các huyện, thị xã, thành phố\n\n"
            "a) Kiện toàn Ban Chỉ huy phòng cháy, chữa cháy rừng cấp huyện.\n\n"
            "b) Báo cáo kết quả thực hiện về Sở Nông nghiệp và Phát triển nông thôn trước ngày 25 hằng tháng.\n")
    a = analyze(from_text(text))
    assert a.deadlines == []  # no single date
    (event,) = _events(deadlines_to_ics(a, now=NOW))
    assert event.decoded("DTSTART") == dt.date(2025, 1, 25)
    assert event["RRULE"]["FREQ"] == ["MONTHLY"]
    assert "Chủ trì: Ủy ban nhân dân các huyện" in str(event["DESCRIPTION"])
