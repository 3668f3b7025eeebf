"""The command line as a user meets it: help, formats, output files, errors."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from docanalyze.cli import main

PLAN = "001_6a6dedc90bf0a00e.txt"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "docanalyze", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120)


def test_help_does_not_import_heavy_libraries():
    code = ("import sys, contextlib, io\nfrom docanalyze import cli\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    try:\n        cli.main(['--help'])\n    except SystemExit:\n        pass\n"
            "heavy = [m for m in ('underthesea', 'spacy', 'sklearn', 'pdfplumber', 'pandas', 'docx', 'rich', 'regex')"
            " if m in sys.modules]\nprint(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""


def test_extract_json_has_the_guide_fields(corpus):
    out = run("extract", str(corpus / PLAN), "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) >= {"document", "citations", "tasks", "deadlines", "slogans", "findings"}
    doc = data["document"]
    assert set(doc) >= {"kind", "number", "issuer", "place", "date", "year", "title"}
    assert doc["kind"] == "plan" and doc["year"] == 2025


def test_text_format_is_the_text_offsets_refer_to(corpus, capsys):
    assert main(["extract", str(corpus / PLAN), "--format", "text"]) == 0
    printed = capsys.readouterr().out
    from docanalyze import load

    assert printed.rstrip("\n") == load(corpus / PLAN).text


def test_output_file_written_atomically(corpus, tmp_path):
    target = tmp_path / "out.json"
    assert main(["extract", str(corpus / PLAN), "--format", "json", "-o", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["document"]["kind"] == "plan"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


@pytest.mark.parametrize("content, name, message", [
    (None, "missing.txt", "no such file"),
    (b"", "empty.txt", "empty"),
    (b"hello", "notes.xyz", "unsupported file type"),
    (b"%PDF-1.4\n%fake", "report.docx", "content is a PDF"),
    (b"\x00\x01\x02binary\x00" * 50, "data.txt", "binary"),
])
def test_bad_input_one_line_no_traceback_no_file(tmp_path, content, name, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    target = tmp_path / "out.json"
    out = run("extract", str(path), "--format", "json", "-o", str(target))
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]
    assert not target.exists()


def test_unwritable_output_folder_is_an_error(corpus, tmp_path):
    out = run("extract", str(corpus / PLAN), "-f", "json", "-o", str(tmp_path / "nope" / "out.json"))
    assert out.returncode != 0 and "does not exist" in out.stderr and "Traceback" not in out.stderr
