"""A plan's deadlines as an iCalendar file (RFC 5545) that an office calendar can import.

One all-day VEVENT per deadline: an interval ("Quý I/2025") spans its days, a
cut-off ("trước ngày 10/6") sits on its day; DTEND is exclusive (the day after),
as RFC 5545 wants for all-day events. SUMMARY names the work, DESCRIPTION the
lead and partner units and the bound as written. A recurring bound with a known
recurrence ("Hằng quý", "trước ngày 15 hằng tháng") becomes one event with an
RRULE running to the end of the year the plan is about. Lines end in CRLF and
are folded at 75 octets without splitting a UTF-8 character; UIDs are stable
(derived from the document and the deadline's position), so re-importing a
corrected file updates events instead of duplicating them.
"""
from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
from typing import TYPE_CHECKING

from ..items import Deadline, Task

if TYPE_CHECKING:
    from ..analysis import Analysis

_RRULE = {
    "daily": "FREQ=DAILY",
    "weekly": "FREQ=WEEKLY",
    "monthly": "FREQ=MONTHLY",
    "quarterly": "FREQ=MONTHLY;INTERVAL=3",
    "half-yearly": "FREQ=MONTHLY;INTERVAL=6",
    "yearly": "FREQ=YEARLY",
}


def escape(text: str) -> str:
    """TEXT value escaping (RFC 5545 §3.3.11)."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def fold(line: str) -> str:
    """Fold a content line at 75 octets (§3.1), never inside a UTF-8 sequence."""
    out: list[str] = []
    current, size, limit = [], 0, 75
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append("".join(current))
            current, size, limit = [" "], 1, 75
        current.append(ch)
        size += n
    out.append("".join(current))
    return "\r\n".join(out)


def _date(d: dt.date) -> str:
    return d.strftime("%Y%m%d")


def _uid(source: str, d: Deadline, k: int) -> str:
    key = f"{source}|{d.start}|{d.end}|{d.text}|{k}"
    return f"{hashlib.sha1(key.encode('utf-8')).hexdigest()[:24]}@docanalyze"


def _first_recurrence(d: Deadline, year: int) -> dt.date | None:
    """The first due day of a recurring bound in ``year``: "ngày 15 hằng tháng" -> 15 January."""
    if d.date_end is not None:
        return d.date_end
    day = re.search(r"ngày\s+(\d{1,2})", d.text)
    if d.recurrence == "quarterly":
        if day and "cuối" in d.text:
            return dt.date(year, 3, min(int(day.group(1)), 31))
        return dt.date(year, 3, 31)
    if d.recurrence == "half-yearly":
        return dt.date(year, 6, 30)
    if d.recurrence == "monthly":
        return dt.date(year, 1, min(int(day.group(1)), 28)) if day else dt.date(year, 1, 31)
    if d.recurrence == "yearly":
        return dt.date(year, 12, 31)
    if d.recurrence == "weekly":
        return dt.date(year, 1, 1)
    return None


def _recurring_tasks(analysis: Analysis) -> list[Deadline]:
    """Tasks bound only by a recurrence ("Hằng quý", "trước ngày 15 hằng tháng"): not deadlines (no date),
    but an office wants them in its calendar as repeating events."""
    from ..extract.timeframes import recurrence_in

    out = []
    dated = {d.task_id for d in analysis.deadlines}
    for t in analysis.tasks:
        if not t.timeframe or t.date_end is not None or t.id in dated:
            continue
        rec = recurrence_in(t.timeframe)
        if rec:
            out.append(Deadline(text=t.timeframe, start=t.start, end=t.end, kind="recurring", recurrence=rec,
                                task_id=t.id, what=t.text, who=list(t.lead)))
    return out


def _summary(d: Deadline, task: Task | None) -> str:
    what = d.what or (task.text if task else None) or f"Hạn: {d.text}"
    what = " ".join(what.split())
    return what if len(what) <= 120 else what[:117].rsplit(" ", 1)[0] + "…"


def _description(d: Deadline, task: Task | None) -> str:
    lines = []
    lead = d.who or (task.lead if task else [])
    if lead:
        lines.append("Chủ trì: " + "; ".join(lead))
    if task and task.partners:
        lines.append("Phối hợp: " + "; ".join(task.partners))
    lines.append("Thời hạn: " + d.text)
    if task:
        lines.append("Nhiệm vụ: " + " ".join(task.text.split()))
    return "\n".join(lines)


def deadlines_to_ics(analysis: Analysis, now: dt.datetime | None = None) -> str:
    """The deadlines of ``analysis`` as an iCalendar document (CRLF line ends)."""
    header = analysis.header
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%SZ")
    source = analysis.document.source or (header.number or "") + (header.title or "")
    tasks = {t.id: t for t in analysis.tasks}
    name = " ".join(filter(None, [header.kind_name, header.number, header.title])) or "docanalyze"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//docanalyze//deadlines//VI", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"X-WR-CALNAME:{escape(name)}"]
    year = header.year or dt.date.today().year
    for k, d in enumerate(analysis.deadlines + _recurring_tasks(analysis)):
        task = tasks.get(d.task_id) if d.task_id else None
        rrule = _RRULE.get(d.recurrence or "") if d.kind == "recurring" or d.date_end is None else None
        if d.date_end is not None and not rrule:
            start = d.date_start or d.date_end
            end = d.date_end
        elif rrule:
            first = _first_recurrence(d, year)
            if first is None:
                continue
            start = end = first
            until = dt.date(first.year, 12, 31)
            if d.recurrence in ("monthly", "quarterly", "half-yearly") and first.day == calendar.monthrange(first.year,
                                                                                              first.month)[1]:
                rrule += ";BYMONTHDAY=-1"
            rrule += f";UNTIL={_date(until)}"
        else:
            continue
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_uid(source, d, k)}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{_date(start)}",
            f"DTEND;VALUE=DATE:{_date(end + dt.timedelta(days=1))}",
            f"SUMMARY:{escape(_summary(d, task))}",
            f"DESCRIPTION:{escape(_description(d, task))}",
        ]
        if rrule:
            lines.append(f"RRULE:{rrule}")
        if task and task.lead:
            lines.append(f"CATEGORIES:{escape(task.lead[0])}")
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
