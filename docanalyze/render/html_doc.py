"""HTML for notebooks: ``Document._repr_html_`` and ``Analysis._repr_html_``.

A dataclass repr of a plan is a wall of text nobody reads. In a notebook a
document shows as a header card, counts, tables of what was found, and its
text with every item highlighted where it stands (hover for details).
Formatting only: every value comes from the result objects, and everything
that comes from a document is escaped (documents are untrusted input).
No imports beyond the standard library, so displaying stays cheap.
"""
from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..analysis import Analysis
    from ..items import Header
    from ..model import Document

__all__ = ["document_html", "analysis_html", "highlight", "Mark", "HTML", "table_html", "header_card"]

MAX_TEXT = 60_000  # characters of text shown; a law can run to 300 000
MAX_ROWS = 200

CSS = """
<style>
.dza{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;font-size:13px;
     color:#1f2328;max-width:1200px}
.dza .card{border:1px solid #d0d7de;border-radius:8px;padding:10px 14px;margin:4px 0 10px;background:#f6f8fa}
.dza .card h3{margin:0 0 6px;font-size:15px}
.dza table.kv{border-collapse:collapse;margin:0;border:none}
.dza table.kv th{font-weight:600;color:#57606a;text-align:left;white-space:nowrap;padding:1px 14px 1px 0;
                 vertical-align:top;border:none;background:none}
.dza table.kv td{text-align:left;padding:1px 0;border:none;background:none}
.dza table.kv tr{background:none!important}
.dza .badge{display:inline-block;border-radius:10px;padding:1px 9px;margin:2px 4px 2px 0;font-size:12px;
            border:1px solid #d0d7de;background:#fff}
.dza details{margin:6px 0}
.dza summary{cursor:pointer;font-weight:600}
.dza table.items{border-collapse:collapse;margin:4px 0 8px;font-size:12px}
.dza table.items th,.dza table.items td{border:1px solid #d0d7de;padding:3px 6px;vertical-align:top;
            text-align:left}
.dza table.items th{background:#eaeef2}
.dza .text{white-space:pre-wrap;border:1px solid #d0d7de;border-radius:6px;padding:8px 10px;max-height:480px;
           overflow:auto;line-height:1.55;background:#fff}
.dza .muted{color:#6e7781}
.dza mark{padding:0;border-radius:2px;color:inherit}
.dza mark.citation{background:#ffe58f}
.dza mark.deadline{background:#ffb3b3}
.dza mark.slogan{background:#b7eb8f}
.dza mark.evidence{background:#ffd8a8}
.dza mark.focus{background:#ffa94d}
.dza mark.header{background:#e4d4f7}
.dza mark.task{background:transparent;border-bottom:2px solid #4f86d9}
.dza mark.task.citation{background:#ffe58f}.dza mark.task.deadline{background:#ffb3b3}
.dza mark.task.slogan{background:#b7eb8f}.dza mark.task.evidence{background:#ffd8a8}
.dza mark.evidence.focus{background:#ffa94d}
.dza .warn{color:#9a6700}.dza .error{color:#cf222e}
</style>
"""
LEGEND = {"citation": "trích dẫn văn bản (citation)", "deadline": "thời hạn (deadline)",
          "slogan": "khẩu hiệu, phong trào (slogan)", "task": "nhiệm vụ (task)", "evidence": "minh chứng (evidence)",
          "focus": "câu khớp nhất (best matching sentence)",
          "header": "thể thức (header field)"}


def esc(value: Any) -> str:
    """Escape anything for HTML text and attributes; ``None`` shows as nothing."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = "; ".join(str(v) for v in value)
    return html.escape(str(value), quote=True)


class HTML(str):
    """A string of HTML that a notebook displays as HTML (``_repr_html_``)."""

    def _repr_html_(self) -> str:
        return str(self)


@dataclass
class Mark:
    """A stretch of text to highlight: ``category`` is a CSS class (citation, deadline, slogan, task, evidence)."""

    start: int
    end: int
    category: str
    title: str = ""


def highlight(text: str, marks: Iterable[Mark], start: int = 0, end: int | None = None,
              max_chars: int = MAX_TEXT, legend: bool = True) -> HTML:
    """``text[start:end]`` with the marks highlighted; marks may overlap (a citation inside a task).

    The text is cut into stretches where the set of covering marks is constant,
    so overlapping marks never produce badly nested tags.
    """
    end = len(text) if end is None else min(end, len(text))
    cut = min(end, start + max_chars)
    ms = [m for m in marks if m.start < m.end and m.end > start and m.start < cut]
    bounds = sorted({start, cut, *(max(start, m.start) for m in ms), *(min(cut, m.end) for m in ms)})
    parts: list[str] = []
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        piece = esc(text[lo:hi])
        active = [m for m in ms if m.start <= lo and m.end >= hi]
        if not active:
            parts.append(piece)
            continue
        cats = " ".join(sorted({m.category for m in active}))
        title = " | ".join(dict.fromkeys(m.title for m in active if m.title))
        parts.append(f'<mark class="{esc(cats)}" title="{esc(title)}">{piece}</mark>')
    more = f'<div class="muted">… {end - cut:,} more characters not shown</div>' if cut < end else ""
    used = sorted({m.category for m in ms})
    key = ""
    if legend and used:
        key = "<div>" + "".join(f'<span class="badge"><mark class="{esc(c)}">&nbsp;&nbsp;&nbsp;</mark> '
                                f"{esc(LEGEND.get(c, c))}</span>" for c in used) + "</div>"
    return HTML(f'<div class="dza">{CSS}{key}<div class="text">{"".join(parts)}</div>{more}</div>')


def _cut(s: Any, n: int = 160) -> str:
    s = " ".join(str(s or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _date(d: Any) -> str:
    return d.isoformat() if d is not None else ""


def table_html(rows: Sequence[Any], columns: Sequence[tuple[str, Callable[[Any], Any]]],
               max_rows: int = MAX_ROWS) -> str:
    """An HTML table of ``rows`` with (heading, getter) columns; every cell escaped."""
    head = "".join(f"<th>{esc(h)}</th>" for h, _ in columns)
    body = []
    for i, r in enumerate(rows[:max_rows]):
        cells = "".join(f"<td>{esc(get(r))}</td>" for _, get in columns)
        body.append(f'<tr><td class="muted">{i}</td>{cells}</tr>')
    more = (f'<div class="muted">… {len(rows) - max_rows} more rows (use <code>.to_frame()</code>)</div>'
            if len(rows) > max_rows else "")
    return f'<table class="items"><tr><th>#</th>{head}</tr>{"".join(body)}</table>{more}'


def header_card(h: Header, doc: Document | None = None) -> str:
    """The identity of a document as a small card: kind, number, issuer, date, title, signer."""
    kind = f"{h.kind_name or ''} ({h.kind})" if h.kind_name else h.kind
    issuer = (h.issuer or "") + (f" — thuộc {h.parent_issuer}" if h.parent_issuer else "")
    when = ", ".join(x for x in (h.place, _date(h.date) or h.date_text) if x)
    signer = None
    if h.signer:
        signer = " ".join(x for x in (h.signer.authority, h.signer.on_behalf_of, h.signer.position,
                                      "-" if h.signer.name else None, h.signer.name) if x)
    fields = [("Loại (kind)", kind), ("Số (number)", h.number), ("Cơ quan (issuer)", issuer or None),
              ("Nơi, ngày (place, date)", when or None), ("Trích yếu (title)", h.title),
              ("Năm (year)", h.year), ("Kính gửi", h.recipients or None), ("Người ký (signer)", signer)]
    if doc is not None:
        src = f"{doc.source or '(in memory)'} · {doc.format}" + (f" · {doc.pages} pages" if doc.pages else "")
        fields.insert(0, ("Tệp (file)", src))
    rows = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in fields if v not in (None, ""))
    party = ' <span class="badge">Đảng (Party document)</span>' if h.party else ""
    return f'<div class="card"><h3>{esc(h.title or "(no title)")}{party}</h3><table class="kv">{rows}</table></div>'


def _badges(counts: Sequence[tuple[str, int]]) -> str:
    return "<div>" + "".join(f'<span class="badge"><b>{n}</b> {esc(k)}</span>' for k, n in counts) + "</div>"


def _section(title: str, n: int, body: str, open_: bool | None = False) -> str:
    return f'<details{" open" if open_ else ""}><summary>{esc(title)} ({n})</summary>{body}</details>'


def document_html(doc: Document) -> str:
    """A loaded document: header card, what the reader found, and the beginning of its text."""
    try:
        from ..structure.header import parse_header

        h = parse_header(doc)
        card = header_card(h, doc)
        marks = [Mark(s, e, "header", name) for name, (s, e) in h.spans.items()]
    except Exception as exc:  # the display must never fail where the data is fine
        card = f'<div class="card">{esc(doc.source)} <span class="warn">header: {esc(exc)}</span></div>'
        marks = []
    kinds: dict[str, int] = {}
    for b in doc.blocks:
        kinds[b.kind] = kinds.get(b.kind, 0) + 1
    counts = [("characters", len(doc.text)), *((f"{k} blocks", n) for k, n in kinds.items()),
              ("tables", len(doc.tables)), ("footnotes", len(doc.footnotes))]
    warnings = "".join(f'<div class="warn">⚠ {esc(w)}</div>' for w in doc.warnings)
    text = highlight(doc.text, marks, max_chars=20_000, legend=False)
    return f'<div class="dza">{CSS}{card}{_badges(counts)}{warnings}</div>{text}'


def _marks_of(a: Analysis) -> list[Mark]:
    marks = [Mark(t.start, t.end, "task", f"Nhiệm vụ {t.id}: {', '.join(t.lead) or '?'} · {t.timeframe or ''}")
             for t in a.tasks]
    marks += [Mark(c.start, c.end, "citation", " ".join(x for x in (c.type, c.number or c.name, _date(c.date),
                                                                   c.issuer) if x)) for c in a.citations]
    marks += [Mark(d.start, d.end, "deadline", f"{d.kind}: {_date(d.date_start)}..{_date(d.date_end)}")
              for d in a.deadlines]
    marks += [Mark(s.start, s.end, "slogan", f"{s.kind}: {s.canonical or s.text}") for s in a.slogans]
    return marks


CITATION_COLS = [("Văn bản (text)", lambda c: _cut(c.text, 90)), ("Loại", lambda c: c.type),
                 ("Số", lambda c: c.number or c.name), ("Ngày", lambda c: _date(c.date)),
                 ("Cơ quan", lambda c: c.issuer), ("Vị trí", lambda c: f"{c.start}–{c.end}")]
CITED_COLS = [("Loại", lambda d: d.type), ("Số / tên", lambda d: d.number or d.name),
              ("Cơ quan", lambda d: d.issuer), ("Ngày", lambda d: [_date(x) for x in d.dates]),
              ("Số lần trích", lambda d: len(d.mentions)), ("Trích yếu", lambda d: _cut(d.subject, 80))]
TASK_COLS = [("Id", lambda t: t.id), ("Nhiệm vụ", lambda t: _cut(t.text)), ("Chủ trì (lead)", lambda t: t.lead),
             ("Phối hợp", lambda t: _cut("; ".join(t.partners), 80)), ("Thời gian", lambda t: t.timeframe),
             ("Từ", lambda t: _date(t.date_start)), ("Đến", lambda t: _date(t.date_end))]
DEADLINE_COLS = [("Thời hạn", lambda d: d.text), ("Từ", lambda d: _date(d.date_start)),
                 ("Đến", lambda d: _date(d.date_end)), ("Kiểu", lambda d: d.kind), ("Nhiệm vụ", lambda d: d.task_id),
                 ("Việc", lambda d: _cut(d.what, 100))]
SLOGAN_COLS = [("Khẩu hiệu", lambda s: s.text), ("Kiểu", lambda s: s.kind), ("Chuẩn", lambda s: s.canonical)]
FINDING_COLS = [("Mức", lambda f: f.severity), ("Loại", lambda f: f.kind), ("Nội dung", lambda f: f.message),
                ("Số", lambda f: f.number)]


def analysis_html(a: Analysis) -> str:
    """An analysed document: header card, counts, tables of items, findings, and the highlighted text."""
    counts = [("citations", len(a.citations)), ("cited documents", len(a.cited)), ("tasks", len(a.tasks)),
              ("deadlines", len(a.deadlines)), ("slogans", len(a.slogans)), ("findings", len(a.findings)),
              ("sections", len(a.sections))]
    parts = [header_card(a.header, a.document), _badges(counts)]
    if a.findings:
        rows = "".join(
            f'<div class="{"error" if f.severity == "error" else "warn"}">⚠ {esc(f.kind)}: {esc(f.message)}</div>'
            for f in a.findings[:20])
        parts.append(rows)
    for title, items, cols, open_ in (
        ("Nhiệm vụ — tasks", a.tasks, TASK_COLS, True), ("Trích dẫn — citations", a.citations, CITATION_COLS, False),
        ("Văn bản được trích — cited documents", a.cited, CITED_COLS, None),
        ("Thời hạn — deadlines", a.deadlines, DEADLINE_COLS, None),
        ("Khẩu hiệu — slogans", a.slogans, SLOGAN_COLS, None), ("Lint findings", a.findings, FINDING_COLS, False),
    ):
        if items:  # None: open when short enough to read at a glance
            parts.append(_section(title, len(items), table_html(items, cols), open_ or (open_ is None and
                                                                                       len(items) <= 12)))
    text = highlight(a.text, _marks_of(a))
    parts.append(_section("Văn bản — text (hover a highlight for details)", len(a.text), text, open_=True))
    return f'<div class="dza">{CSS}{"".join(parts)}</div>'
