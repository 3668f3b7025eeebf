"""Files a user should not have given us: each ends in one clear line, a non-zero exit, and no output file.

Checked twice: through the command line in a subprocess (stderr, exit code,
no traceback, ``-o`` leaves nothing behind) and through ``docanalyze.load``
(the error type and its message). Small files are in tests/fixtures/
(tools/make_bad_inputs.py); empty, binary and huge files are made here.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from docanalyze import load
from docanalyze.errors import ConversionError, GarbledTextError, InputError, NoTextLayerError

FIXTURES = Path(__file__).parent / "fixtures"


def _make(tmp: Path, name: str) -> Path:
    """Files the tests make on the spot."""
    path = tmp / name
    if name == "empty.txt":
        path.write_bytes(b"")
    elif name == "binary.txt":
        path.write_bytes(b"K\xe1\xba\xbf ho\xe1\xba\xa1ch\x00\x01\x02\xff\xfe" * 200)
    elif name == "huge.txt":
        line = ("Sở Giáo dục và Đào tạo triển khai kế hoạch công tác dân vận năm 2025 trên địa bàn thành phố. " * 8
                + "\n").encode()
        with path.open("wb") as fh:
            for _ in range(50 * 1024 * 1024 // len(line) + 1):
                fh.write(line)
    elif name == "plan.xlsx":
        path.write_bytes(b"PK\x03\x04 not really a workbook")
    elif name == "folder.docx":
        path.mkdir()
    else:
        shutil.copy(FIXTURES / name, path)
    return path


# (file, error class, words the one-line message must hold)
CASES = [
    ("missing.docx", InputError, "no such file"),
    ("plan.xlsx", InputError, "unsupported file type '.xlsx'"),
    ("folder.docx", InputError, "is a folder"),
    ("pdf_named.docx", InputError, "the extension says .docx but the content is a PDF"),
    ("corrupt.docx", InputError, "not a Word document"),
    ("encrypted.pdf", InputError, "password-protected"),
    ("scanned.pdf", NoTextLayerError, "needs OCR"),
    ("garbled.pdf", GarbledTextError, "garbled"),
    ("damaged.pdf", InputError, "damaged"),
    ("empty.txt", InputError, "empty"),
    ("binary.txt", InputError, "binary"),
    ("huge.txt", InputError, "too large"),
    ("english.txt", GarbledTextError, "not Vietnamese"),
]


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "docanalyze", *args], capture_output=True, text=True,
                          timeout=120, env=env)


@pytest.mark.parametrize(("name", "error", "words"), CASES, ids=[c[0] for c in CASES])
def test_load_raises_a_one_line_error(tmp_path, name, error, words):
    path = tmp_path / name if name == "missing.docx" else _make(tmp_path, name)
    started = time.monotonic()
    with pytest.raises(error) as info:
        load(path)
    assert time.monotonic() - started < 30, "bad input must fail fast"
    message = str(info.value)
    assert words in message
    assert "\n" not in message
    assert message.startswith(name)


@pytest.mark.parametrize(("name", "error", "words"), CASES, ids=[c[0] for c in CASES])
def test_cli_says_one_line_and_writes_nothing(tmp_path, name, error, words):
    path = tmp_path / name if name == "missing.docx" else _make(tmp_path, name)
    out = tmp_path / "out.json"
    res = _cli("extract", str(path), "--format", "json", "-o", str(out))
    assert res.returncode != 0
    assert res.stdout == ""
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    assert lines[0].startswith("docanalyze: error: ") and words in lines[0]
    assert "Traceback" not in res.stderr
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.json")] == []


def test_huge_text_fails_before_reading_it(tmp_path):
    path = _make(tmp_path, "huge.txt")
    started = time.monotonic()
    res = _cli("extract", str(path))
    assert res.returncode != 0 and "too large" in res.stderr
    assert time.monotonic() - started < 20


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_old_doc_is_converted_when_libreoffice_is_there():
    doc = load(FIXTURES / "old.doc")
    assert doc.format == "doc"
    assert "Kế hoạch số 12/KH-UBND ngày 10/01/2025" in doc.text


def test_old_doc_without_libreoffice_says_how(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice on this PATH
    with pytest.raises(ConversionError, match="install LibreOffice"):
        load(FIXTURES / "old.doc")
    env = dict(os.environ, PATH=str(tmp_path))
    res = subprocess.run([sys.executable, "-m", "docanalyze", "extract", str(FIXTURES / "old.doc")],
                         capture_output=True, text=True, timeout=120, env=env)
    assert res.returncode != 0
    assert "install LibreOffice" in res.stderr and "Traceback" not in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1


def test_good_pdf_fixture_reads():
    """The fixtures' good twin: the same plan as a normal PDF reads fine, so the bad ones fail for their fault."""
    doc = load(FIXTURES / "plan.pdf")
    assert "Kế hoạch số 12/KH-UBND ngày 10/01/2025" in doc.text
