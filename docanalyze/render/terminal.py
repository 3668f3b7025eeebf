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


STATUS_STYLE = {"reported": "green", "partial": "yellow", "not_reported": "red"}
STATUS_LABEL = {"reported": "reported", "partial": "partial", "not_reported": "not reported"}


def render_check(result: Any, all_evidence: bool = False, to_file: bool = False) -> str:
    """The check as a table: task, lead, timeframe, status, score and the best (or every) evidence passage."""
    from rich.table import Table
    from rich.text import Text

    con = _console(to_file)
    plan, report = result.plan, result.report
    con.print(f"[bold]Plan:[/bold] {plan.document.source or '—'}  ({_cut(plan.header.title, 90) or 'no title'})")
    con.print(f"[bold]Report:[/bold] {report.document.source or '—'}  ({_cut(report.header.title, 90) or 'no title'})")
    s = result.summary
    con.print(f"{len(result.tasks)} plan tasks: [green]{s['reported']} reported[/green], "
              f"[yellow]{s['partial']} partial[/yellow], [red]{s['not_reported']} not reported[/red]")
    if not result.tasks:
        con.print("No tasks were found in the plan, so there is nothing to check.")
    else:
        t = Table(show_lines=True, title_justify="left")
        for col, kw in (("#", {"no_wrap": True}), ("Task", {"ratio": 3}), ("Lead", {"ratio": 1}),
                        ("Timeframe", {"ratio": 1}), ("Status", {"no_wrap": True}), ("Score", {"justify": "right"}),
                        ("Evidence in the report", {"ratio": 4})):
            t.add_column(col, **kw)
        for task in result.tasks:
            status = Text(STATUS_LABEL.get(task.status, task.status), style=STATUS_STYLE.get(task.status, ""))
            shown = task.evidence if all_evidence else task.evidence[:1]
            if shown:
                ev = "\n".join(f"[{e.start}-{e.end}] " + _cut(e.text, 400 if all_evidence else 220) for e in shown)
                if not all_evidence and len(task.evidence) > 1:
                    ev += f"\n(+{len(task.evidence) - 1} more)"
            else:
                ev = "—"
            t.add_row(task.id, _cut(task.text, 300), _cut("; ".join(task.lead), 60), _cut(task.timeframe, 40),
                      status, f"{task.score:.2f}", ev)
        con.print(t)
    if result.unplanned:
        u = Table(title=f"Reported but not in the plan ({len(result.unplanned)})", title_justify="left")
        u.add_column("Where", no_wrap=True)
        u.add_column("Passage")
        for e in result.unplanned:
            u.add_row(f"{e.start}-{e.end}", _cut(e.text, 200))
        con.print(u)
    if result.uncited:
        c = Table(title=f"Cited by the plan, never mentioned by the report ({len(result.uncited)})",
                  title_justify="left")
        c.add_column("Document")
        for d in result.uncited:
            c.add_row(_cut(d.text, 150))
        con.print(c)
    return con.file.getvalue()
