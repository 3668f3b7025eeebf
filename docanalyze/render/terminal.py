"""Readable terminal tables (rich). Formatting only: every value comes from the result objects."""
from __future__ import annotations

import io
import shutil
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..analysis import Analysis


def _console(to_file: bool) -> Any:
    from rich.console import Console

    width = 200 if to_file else max(100, shutil.get_terminal_size((120, 40)).columns)
    color = not to_file and sys.stdout.isatty()
    return Console(file=io.StringIO(), width=width, force_terminal=color, no_color=not color,
                   color_system="auto" if color else None, highlight=False, soft_wrap=False)


def _cut(s: str | None, n: int = 90) -> str:
    s = " ".join((s or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def render_analysis(a: Analysis, to_file: bool = False) -> str:
    from rich.table import Table

    con = _console(to_file)
    h = a.header
    head = Table(show_header=False, box=None, pad_edge=False)
    head.add_column(style="bold")
    head.add_column()
    for label, value in (
        ("File", a.document.source), ("Kind", f"{h.kind} ({h.kind_name or '?'})"), ("Number", h.number),
        ("Issuer", h.issuer + (f"  (under {h.parent_issuer})" if h.parent_issuer else "") if h.issuer else None),
        ("Place, date", ", ".join(x for x in (h.place, h.date.isoformat() if h.date else h.date_text) if x) or None),
        ("Title", h.title), ("About year", str(h.year) if h.year else None),
        ("Signer", " ".join(x for x in (h.signer.authority, h.signer.position, "-", h.signer.name) if x)
         if h.signer else None),
    ):
        head.add_row(label, value or "—")
    con.print(head)

    if a.cited:
        t = Table(title=f"Cited documents ({len(a.cited)}; {len(a.citations)} mentions)", title_justify="left")
        for col in ("Type", "Number / name", "Date", "Issuer", "Mentions"):
            t.add_column(col)
        for d in a.cited:
            t.add_row(d.type or "", _cut(d.number or d.name, 50), ", ".join(x.isoformat() for x in d.dates),
                      _cut(d.issuer, 45), str(len(d.mentions)))
        con.print(t)
    if a.tasks:
        t = Table(title=f"Tasks ({len(a.tasks)})", title_justify="left")
        for col in ("#", "Task", "Lead", "Partners", "Timeframe"):
            t.add_column(col)
        for task in a.tasks:
            tf = task.timeframe or ""
            if task.date_end:
                tf += f" ({task.date_start or '…'}..{task.date_end})"
            t.add_row(task.id, _cut(task.text, 80), _cut("; ".join(task.lead), 30),
                      _cut("; ".join(task.partners), 30), _cut(tf, 40))
        con.print(t)
    if a.deadlines:
        t = Table(title=f"Deadlines ({len(a.deadlines)})", title_justify="left")
        for col in ("When", "From", "To", "Task", "What"):
            t.add_column(col)
        for d in a.deadlines:
            t.add_row(_cut(d.text, 40), str(d.date_start or ""), str(d.date_end or ""), d.task_id or "",
                      _cut(d.what, 60))
        con.print(t)
    if a.slogans:
        t = Table(title=f"Slogans ({len(a.slogans)})", title_justify="left")
        t.add_column("Kind")
        t.add_column("Slogan")
        for s in a.slogans:
            t.add_row(s.kind, _cut(s.canonical or s.text, 110))
        con.print(t)
    if a.findings:
        con.print(_findings_table(a))
    if not any((a.cited, a.tasks, a.deadlines, a.slogans, a.findings)):
        con.print("No citations, tasks, deadlines or slogans found.")
    return con.file.getvalue()


def _findings_table(a: Analysis) -> Any:
    from rich.table import Table

    t = Table(title=f"Findings ({len(a.findings)})", title_justify="left")
    t.add_column("Kind")
    t.add_column("Where")
    t.add_column("Message")
    for f in a.findings:
        where = ""
        if f.start is not None:
            line = a.document.text.count("\n", 0, f.start) + 1
            where = f"line {line}"
        t.add_row(f.kind, where, _cut(f.message, 120))
    return t


def render_findings(a: Analysis) -> str:
    if not a.findings:
        return f"{a.document.source}: no findings\n"
    lines = []
    for f in a.findings:
        line = a.document.text.count("\n", 0, f.start) + 1 if f.start is not None else 0
        lines.append(f"{a.document.source}:{line}: {f.kind}: {f.message}")
    return "\n".join(lines) + "\n"
