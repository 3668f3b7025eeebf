#!/usr/bin/env python3
"""How fast the readers are: a ~30-page .docx, a ~30-page PDF and a 1 MB text file.

    .venv/bin/python benchmarks/bench_read.py [--repeat 3] [--keep DIR]

Run by hand, not by pytest. The long documents are the corpus report repeated
through tools/make_fixtures.py (LibreOffice, Nghị định 30 layout: header block,
tables, footnotes, page numbers), made once per run in a temporary folder.
Prints seconds per file (best of ``--repeat``) and MB/s of the file's size.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docanalyze import load  # noqa: E402

SOURCE = ROOT / "corpus" / "000_07ede3dda3013cba.txt"  # 11 pages as PDF; repeated 3 times -> ~30 pages
TABLES = ROOT / "corpus" / "001_6a6dedc90bf0a00e.txt"


def make_long(folder: Path) -> tuple[Path, Path]:
    """A long report: the corpus report's body three times, the plan's tables once more."""
    text = SOURCE.read_text(encoding="utf-8")
    head, _, body = text.partition("#### I.")
    body = "#### I." + body
    closing = body[body.index("***Nơi nhận:***"):]
    body = body[: body.index("***Nơi nhận:***")]
    plan = TABLES.read_text(encoding="utf-8")
    tables = plan[plan.index("Stt\t"): plan.index("\n\n1. Các phòng thuộc Sở")]
    long = head + (body + "\n\n" + tables + "\n\n") * 3 + closing
    src = folder / "long_report.txt"
    src.write_text(long, encoding="utf-8")
    subprocess.run([sys.executable, str(ROOT / "tools" / "make_fixtures.py"), str(src), "--outdir", str(folder)],
                   check=True, capture_output=True)
    return folder / "long_report.docx", folder / "long_report.pdf"


def make_text(folder: Path, size: int = 1024 * 1024) -> Path:
    text = SOURCE.read_text(encoding="utf-8")
    out, total = [], 0
    while total < size:
        out.append(text)
        total += len(text.encode("utf-8"))
    path = folder / "one_megabyte.txt"
    path.write_bytes("\n\n".join(out).encode("utf-8")[:size].rsplit(b"\n", 1)[0])
    return path


def bench(path: Path, repeat: int) -> tuple[float, int, int | None, int]:
    best = float("inf")
    doc = None
    for _ in range(repeat):
        t = time.perf_counter()
        doc = load(path)
        best = min(best, time.perf_counter() - t)
    assert doc is not None
    return best, len(doc.text), doc.pages, len(doc.tables)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="keep the generated files in this folder")
    args = ap.parse_args()
    if not shutil.which("soffice"):
        sys.exit("bench_read: LibreOffice (soffice) is needed to make the long .docx and .pdf")
    with tempfile.TemporaryDirectory(prefix="bench-read-") as tmp:
        folder = Path(tmp)
        t = time.perf_counter()
        docx_path, pdf_path = make_long(folder)
        made = time.perf_counter() - t
        text_path = make_text(folder)
        print(f"made the long documents in {made:.1f} s (LibreOffice)")
        print(f"{'file':<22}{'size':>10}{'pages':>7}{'tables':>8}{'chars':>10}{'seconds':>10}{'MB/s':>8}")
        for path in (docx_path, pdf_path, text_path):
            seconds, chars, pages, tables = bench(path, args.repeat)
            mb = path.stat().st_size / 1e6
            print(f"{path.name:<22}{mb:>8.2f}MB{pages or '-':>7}{tables:>8}{chars:>10,}{seconds:>10.2f}"
                  f"{mb / seconds:>8.2f}")
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for path in (docx_path, pdf_path, text_path):
                shutil.copy(path, args.keep / path.name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
