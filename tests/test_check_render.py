"""The check's outputs as a user opens them: HTML in a real browser, the spreadsheet, the CLI formats."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_check import PLAN, REPORT, plan_with_tasks

from docanalyze.coverage import check
from docanalyze.render.html_check import check_to_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("render")
    (folder / "plan.txt").write_text(PLAN, encoding="utf-8")
    (folder / "report.txt").write_text(REPORT, encoding="utf-8")
    return folder / "plan.txt", folder / "report.txt"


@pytest.fixture(scope="module")
def result(files: tuple[Path, Path]):  # noqa: ANN201
    plan, report = files
    return check(report, plan_with_tasks(plan))


class _Collect(HTMLParser):
    """Elements with their classes and ids, and the text inside highlighted passages."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[dict[str, str]] = []
        self.stack: list[dict[str, str]] = []
        self.hl_text: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        a["tag"] = tag
        self.elements.append(a)
        if tag not in ("br", "meta", "img", "input", "link"):
            self.stack.append(a)

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()["tag"] == tag:
                break

    def handle_data(self, data: str) -> None:
        for a in self.stack:
            if a["tag"] == "span" and "hl" in a.get("class", "").split():
                self.hl_text[a["id"]] = self.hl_text.get(a["id"], "") + data


def _dom(page: Path, fragment: str, tmp_path: Path) -> _Collect:
    out = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=3000", "--dump-dom",
         page.as_uri() + fragment],
        capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-500:]
    parser = _Collect()
    parser.feed(out.stdout)
    return parser


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_html_colours_tasks_and_highlights_evidence_in_a_browser(result, tmp_path: Path) -> None:  # noqa: ANN001
    page = tmp_path / "check.html"
    page.write_text(check_to_html(result), encoding="utf-8")
    task = next(t for t in result.tasks if t.id == "2")
    dom = _dom(page, "#task-2", tmp_path)
    items = {e["id"]: e for e in dom.elements if e["tag"] == "li" and e.get("id", "").startswith("task-")}
    # every task is coloured by its status
    for t in result.tasks:
        assert t.status in items[f"task-{t.id}"]["class"].split()
    # the task named in the address is selected, and exactly its evidence is highlighted in the report
    assert "selected" in items["task-2"]["class"].split()
    highlighted = {e["id"] for e in dom.elements if e["tag"] == "span" and "hl" in e.get("class", "").split()}
    assert highlighted == {f"p-{e.start}" for e in task.evidence}
    for e in task.evidence:
        assert " ".join(dom.hl_text[f"p-{e.start}"].split()) == " ".join(e.text.split())
    # the sentence that decides is marked inside its passage
    assert any("focus" in e.get("class", "").split() for e in dom.elements if e["tag"] == "span")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_html_task_without_evidence_shows_its_nearest_passage(result, tmp_path: Path) -> None:  # noqa: ANN001
    page = tmp_path / "check.html"
    page.write_text(check_to_html(result), encoding="utf-8")
    task = next(t for t in result.tasks if t.status == "not_reported" and t.nearest)
    dom = _dom(page, f"#task-{task.id}", tmp_path)
    marked = [e for e in dom.elements if e["tag"] == "span" and "hl" in e.get("class", "").split()]
    assert [e["id"] for e in marked] == [f"p-{task.nearest.start}"]
    assert "nearest" in marked[0]["class"].split()


def test_html_is_self_contained_and_escaped(result) -> None:  # noqa: ANN001
    page = check_to_html(result)
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)  # no external assets
    assert "<script>" in page and "<style>" in page
    # document text cannot open tags of its own
    from dataclasses import replace

    evil = replace(result.tasks[0], text="<script>alert(1)</script>")
    result2 = replace(result, tasks=[evil, *result.tasks[1:]])
    assert "<script>alert(1)" not in check_to_html(result2)


def test_xlsx_has_tasks_evidence_and_coloured_status(result) -> None:  # noqa: ANN001
    import io

    from openpyxl import load_workbook

    from docanalyze.render.xlsx import FILLS, check_to_xlsx

    wb = load_workbook(io.BytesIO(check_to_xlsx(result)))
    assert wb.sheetnames == ["Tasks", "Evidence", "Unplanned", "Uncited", "Summary"]
    ws = wb["Tasks"]
    head = [c.value for c in ws[1]]
    assert head[:7] == ["id", "task", "lead", "partners", "timeframe", "status", "score"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == [t.id for t in result.tasks]
    for k, t in enumerate(result.tasks, start=2):
        assert ws.cell(k, 6).value == t.status
        assert ws.cell(k, 6).fill.fgColor.rgb.endswith(FILLS[t.status])
    assert wb["Evidence"].max_row - 1 == sum(len(t.evidence) for t in result.tasks)


def test_terminal_table(result) -> None:  # noqa: ANN001
    from docanalyze.render.terminal import render_check

    out = render_check(result, all_evidence=True, to_file=True)
    assert "reported" in out and "not reported" in out
    assert "04 lớp bồi dưỡng" in out


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "docanalyze", "check", *args], capture_output=True, text=True,
                          timeout=120)


def test_cli_formats_and_atomic_output(files: tuple[Path, Path], tmp_path: Path) -> None:
    plan, report = files
    out = _cli(str(report), str(plan), "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) >= {"plan", "report", "tasks", "summary"}
    for fmt, name in (("html", "c.html"), ("xlsx", "c.xlsx"), ("csv", "c.csv")):
        target = tmp_path / name
        done = _cli(str(report), str(plan), "--format", fmt, "-o", str(target))
        assert done.returncode == 0, done.stderr
        assert target.stat().st_size > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.csv", "c.html", "c.xlsx"]  # no temporary leftovers
    bad = _cli(str(report), str(plan), "--format", "xlsx")
    assert bad.returncode != 0 and "xlsx" in bad.stderr and "Traceback" not in bad.stderr
    missing = _cli(str(tmp_path / "nope.docx"), str(plan))
    assert missing.returncode != 0 and "Traceback" not in missing.stderr
