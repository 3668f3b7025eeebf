"""The check as one self-contained HTML page: plan tasks coloured by status, the report beside them.

Clicking a task (or opening the page at ``#task-<id>``) highlights its evidence
in the report text and scrolls to the best passage; the sentence that matches
best inside each passage is marked more strongly. No external assets: CSS and
JS are inline, so the file works offline and can be mailed. Everything that
comes from a document is escaped (documents are untrusted input). Standard
library only.
"""
from __future__ import annotations

import html
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..coverage.result import CheckResult

STATUS_LABEL = {"reported": "reported", "partial": "partial", "not_reported": "not reported"}

CSS = """
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;font-size:14px;
     color:#1f2328;background:#fff}
header{padding:10px 16px;border-bottom:1px solid #d0d7de;background:#f6f8fa}
header h1{font-size:17px;margin:0 0 4px}
header .docs{color:#57606a;font-size:12.5px;line-height:1.5}
.chips{margin-top:6px}
.chip{display:inline-block;border-radius:12px;padding:2px 10px;margin-right:6px;font-size:12.5px;cursor:pointer;
      border:1px solid #d0d7de;background:#fff;user-select:none}
.chip.off{opacity:.4}
.chip.reported{border-color:#1a7f37;color:#1a7f37}.chip.partial{border-color:#9a6700;color:#9a6700}
.chip.not_reported{border-color:#cf222e;color:#cf222e}
html,body{height:100%}
body{display:flex;flex-direction:column}
main{display:grid;grid-template-columns:minmax(320px,42%) 1fr;flex:1;min-height:0}
#left{position:relative;overflow:auto;border-right:1px solid #d0d7de}
#tasks{padding:8px;margin:0;list-style:none}
.task{border:1px solid #d0d7de;border-left:6px solid #999;border-radius:6px;padding:6px 8px;margin:0 0 7px;
      cursor:pointer;background:#fff}
.task.reported{border-left-color:#1a7f37;background:#dafbe1}
.task.partial{border-left-color:#bf8700;background:#fff8c5}
.task.not_reported{border-left-color:#cf222e;background:#ffebe9}
.task.selected{outline:2px solid #0969da}
.task.hidden{display:none}
.task .top{display:flex;gap:8px;align-items:baseline;font-size:12px;color:#57606a}
.task .st{font-weight:700;text-transform:uppercase;font-size:11px}
.task.reported .st{color:#1a7f37}.task.partial .st{color:#9a6700}.task.not_reported .st{color:#cf222e}
.task .txt{margin:3px 0}
.task .meta{font-size:12px;color:#57606a}
.task .why{font-size:12px;color:#57606a;font-style:italic}
#report{position:relative;overflow:auto;padding:12px 18px;white-space:pre-wrap;line-height:1.55;font-size:13.5px;tab-size:4}
.psg{border-radius:3px}
.psg.hl{background:#fff3b0;box-shadow:0 0 0 2px #f0c000}
.psg.hl.partial{background:#fff8c5}
.psg.hl.reported{background:#ccf2d4;box-shadow:0 0 0 2px #4ac26b}
.psg.hl.nearest{background:#eef1f4;box-shadow:0 0 0 2px #afb8c1}
.psg.hl .sen.focus{background:rgba(255,200,0,.45);font-weight:600}
.psg.hl.reported .sen.focus{background:rgba(26,127,55,.22)}
.psg.unplanned.show{background:#ddf4ff;box-shadow:0 0 0 2px #54aeff}
section.extra{padding:8px 16px;border-top:1px solid #d0d7de}
section.extra h2{font-size:14px;margin:6px 0}
section.extra li{margin:3px 0;cursor:pointer}
.hint{color:#57606a;font-size:12px}
@media print{html,body{height:auto}main{display:block}#left,#report{overflow:visible}}
"""

JS = """
(function(){
  var data = JSON.parse(document.getElementById('dz-data').textContent);
  var byId = {};
  data.tasks.forEach(function(t){ byId[t.id] = t; });
  function clear(){
    document.querySelectorAll('.psg.hl').forEach(function(e){
      e.classList.remove('hl','reported','partial','nearest');});
    document.querySelectorAll('.sen.focus').forEach(function(e){ e.classList.remove('focus'); });
    document.querySelectorAll('.task.selected').forEach(function(e){ e.classList.remove('selected'); });
    document.querySelectorAll('.psg.unplanned.show').forEach(function(e){ e.classList.remove('show'); });
  }
  function reveal(el){
    var box = document.getElementById('report');
    box.scrollTop = Math.max(0, el.offsetTop - box.clientHeight / 3);
  }
  function select(id, scroll){
    var t = byId[id]; if(!t) return;
    clear();
    var li = document.getElementById('task-' + id);
    if(li){ li.classList.add('selected'); }
    var first = null;
    var list = t.evidence.length ? t.evidence : (t.nearest ? [t.nearest] : []);
    list.forEach(function(ev){
      var el = document.getElementById('p-' + ev.start);
      if(!el) return;
      el.classList.add('hl', t.evidence.length ? t.status : 'nearest');
      if(ev.focus_start !== null){
        var s = document.getElementById('s-' + ev.focus_start);
        if(s) s.classList.add('focus');
      }
      if(!first) first = el;
    });
    document.getElementById('report').setAttribute('data-selected', id);
    if(first && scroll){ reveal(first); }
  }
  document.querySelectorAll('.task').forEach(function(li){
    li.addEventListener('click', function(){
      var id = li.getAttribute('data-id');
      history.replaceState(null, '', '#task-' + id);
      select(id, true);
    });
  });
  document.querySelectorAll('.chip[data-status]').forEach(function(c){
    c.addEventListener('click', function(){
      c.classList.toggle('off');
      var st = c.getAttribute('data-status'), off = c.classList.contains('off');
      document.querySelectorAll('.task.' + st).forEach(function(li){ li.classList.toggle('hidden', off); });
    });
  });
  document.querySelectorAll('li[data-passage]').forEach(function(li){
    li.addEventListener('click', function(){
      clear();
      var el = document.getElementById('p-' + li.getAttribute('data-passage'));
      if(el){ el.classList.add('unplanned','show'); reveal(el); }
    });
  });
  var m = /^#task-(.+)$/.exec(location.hash);
  var start = m ? decodeURIComponent(m[1]) : null;
  if(!start || !byId[start]){
    var firstWithEvidence = data.tasks.filter(function(t){ return t.evidence.length; })[0];
    start = firstWithEvidence ? firstWithEvidence.id : (data.tasks[0] ? data.tasks[0].id : null);
  }
  if(start !== null){
    select(start, true);
    var li = document.getElementById('task-' + start), left = document.getElementById('left');
    if(m && li){ left.scrollTop = Math.max(0, li.offsetTop - 60); }
  }
})();
"""


def _e(s: Any) -> str:
    return html.escape("" if s is None else str(s), quote=True)


def _report_html(result: CheckResult) -> str:
    """The report's text with every passage that is evidence (or unplanned work) wrapped, sentences inside."""
    text = result.report.document.text
    passages: dict[int, int] = {}  # start -> end
    focus: dict[int, set[tuple[int, int]]] = {}
    for t in result.tasks:
        for ev in [*t.evidence, *([t.nearest] if t.nearest else [])]:
            passages[ev.start] = max(passages.get(ev.start, ev.end), ev.end)
            if ev.focus_start is not None and ev.focus_end is not None:
                focus.setdefault(ev.start, set()).add((ev.focus_start, ev.focus_end))
    for ev in result.unplanned:
        passages[ev.start] = max(passages.get(ev.start, ev.end), ev.end)
    out: list[str] = []
    pos = 0
    for start in sorted(passages):
        end = passages[start]
        if start < pos:  # overlapping spans cannot be nested; keep the first
            continue
        out.append(_e(text[pos:start]))
        out.append(f'<span class="psg" id="p-{start}">')
        inner = start
        for fs, fe in sorted(focus.get(start, ())):
            if fs < inner or fe > end:
                continue
            out.append(_e(text[inner:fs]))
            out.append(f'<span class="sen" id="s-{fs}">{_e(text[fs:fe])}</span>')
            inner = fe
        out.append(_e(text[inner:end]))
        out.append("</span>")
        pos = end
    out.append(_e(text[pos:]))
    return "".join(out)


def _task_li(t: Any) -> str:
    meta = []
    if t.lead:
        meta.append("Lead: " + _e("; ".join(t.lead)))
    if t.timeframe:
        meta.append("When: " + _e(t.timeframe))
    meta.append(f"{len(t.evidence)} evidence passage{'s' if len(t.evidence) != 1 else ''}")
    return (f'<li class="task {_e(t.status)}" id="task-{_e(t.id)}" data-id="{_e(t.id)}" data-status="{_e(t.status)}">'
            f'<div class="top"><span class="id">#{_e(t.id)}</span><span class="st">{_e(STATUS_LABEL.get(t.status))}'
            f'</span><span class="sc">score {t.score:.2f}</span></div>'
            f'<div class="txt">{_e(t.text)}</div><div class="meta">{" · ".join(meta)}</div>'
            f'<div class="why">{_e(t.why)}</div></li>')


def _json_for_script(data: Any) -> str:
    """JSON that cannot close the <script> element it sits in."""
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--")


def check_to_html(result: CheckResult, standalone: bool = True) -> str:
    """A full page (``standalone``) or, for notebooks, a static fragment without scripts."""
    if not standalone:
        return _fragment(result)
    s = result.summary
    plan, report = result.plan, result.report
    data = {"tasks": [{"id": t.id, "status": t.status,
                       "evidence": [{"start": e.start, "end": e.end, "focus_start": e.focus_start}
                                    for e in t.evidence],
                       "nearest": ({"start": t.nearest.start, "end": t.nearest.end,
                                    "focus_start": t.nearest.focus_start} if t.nearest else None)}
                      for t in result.tasks]}
    chips = "".join(f'<span class="chip {k}" data-status="{k}" title="click to hide or show">'
                    f'{s[k]} {STATUS_LABEL[k]}</span>' for k in ("reported", "partial", "not_reported"))
    extra = []
    if result.unplanned:
        items = "".join(f'<li data-passage="{e.start}">{_e(_cut(e.text, 220))}</li>' for e in result.unplanned)
        extra.append(f'<section class="extra" id="unplanned"><h2>Reported but not in the plan '
                     f'({len(result.unplanned)})</h2><ul>{items}</ul></section>')
    if result.uncited:
        items = "".join(f"<li>{_e(u.text)}</li>" for u in result.uncited)
        extra.append(f'<section class="extra" id="uncited"><h2>Cited by the plan, never mentioned by the report '
                     f'({len(result.uncited)})</h2><ul>{items}</ul></section>')
    tasks = "".join(_task_li(t) for t in result.tasks) or '<li class="hint">No tasks were found in the plan.</li>'
    title = f"Check: {report.header.title or report.document.source or 'report'}"
    return (
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{_e(title)}</title><style>{CSS}</style></head><body>"
        f"<header><h1>Which plan tasks the report reports on</h1><div class=\"docs\">"
        f"<b>Plan:</b> {_e(plan.document.source)} — {_e(plan.header.title)}<br>"
        f"<b>Report:</b> {_e(report.document.source)} — {_e(report.header.title)}</div>"
        f"<div class=\"chips\">{chips}<span class=\"hint\">Click a task to see its evidence in the report."
        f"</span></div></header>"
        f"<main><div id=\"left\"><ul id=\"tasks\">{tasks}</ul>{''.join(extra)}</div>"
        f"<div id=\"report\">{_report_html(result)}</div></main>"
        f"<script type=\"application/json\" id=\"dz-data\">{_json_for_script(data)}</script>"
        f"<script>{JS}</script></body></html>\n"
    )


def _cut(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _fragment(result: CheckResult) -> str:
    colors = {"reported": "#dafbe1", "partial": "#fff8c5", "not_reported": "#ffebe9"}
    s = result.summary
    rows = []
    for t in result.tasks:
        best = t.evidence[0].text if t.evidence else "—"
        rows.append(f'<tr style="background:{colors.get(t.status, "#fff")}"><td>{_e(t.id)}</td>'
                    f"<td>{_e(_cut(t.text, 300))}</td><td>{_e('; '.join(t.lead))}</td><td>{_e(t.timeframe)}</td>"
                    f"<td><b>{_e(STATUS_LABEL.get(t.status))}</b></td><td>{t.score:.2f}</td>"
                    f"<td>{_e(_cut(best, 300))}</td></tr>")
    return (f'<div style="font-family:system-ui,sans-serif;font-size:13px"><p><b>{len(result.tasks)} plan tasks</b>: '
            f"{s['reported']} reported, {s['partial']} partial, {s['not_reported']} not reported</p>"
            '<table style="border-collapse:collapse"><tr><th>#</th><th>Task</th><th>Lead</th><th>Timeframe</th>'
            f'<th>Status</th><th>Score</th><th>Best evidence</th></tr>{"".join(rows)}</table></div>')
