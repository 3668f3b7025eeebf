"""Benchmark the citation finder (run by hand): characters per second on one core, per document.

    .venv/bin/python benchmarks/bench_citations.py            # corpus/ and ../shared/real when present
    .venv/bin/python benchmarks/bench_citations.py FILE …     # any files docanalyze reads

Documents are read once (reading is not timed); ``find_citations`` + ``resolve_citations``
run ``--repeat`` times over every document and the best pass is reported, so the figure is
the extractor's, not the reader's or the cache-warming first call's. The last lines time
hostile inputs (a megabyte of digits and slashes must stay linear).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docanalyze.extract.citations import find_citations, resolve_citations  # noqa: E402
from docanalyze.model import Document  # noqa: E402
from docanalyze.readers import load  # noqa: E402

HOSTILE = {
    "1 MB of '1/'": "1/" * 500_000,
    "1 MB of digits": "1" * 1_000_000,
    "1 MB of '-/'": "-/" * 500_000,
    "1 MB of '1/QĐ-'": "1/QĐ-" * 200_000,
}


def _files(args: list[str]) -> list[Path]:
    if args:
        return [Path(a) for a in args]
    files = sorted((ROOT / "corpus").glob("*.txt"))
    real = ROOT.parent / "shared" / "real"
    if real.is_dir():
        files += sorted(real.glob("*.docx"))
    return files


def _run(doc: Document) -> int:
    found = find_citations(doc)
    resolve_citations(found, doc)
    return len(found)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    docs = []
    for path in _files(args.files):
        try:
            docs.append((path.name, load(path)))
        except Exception as exc:  # noqa: BLE001 - a file we cannot read is reported, not timed
            print(f"skip {path.name}: {exc}")
    total = sum(len(d.text) for _, d in docs)
    print(f"{'document':<52}{'chars':>9}{'cites':>7}{'M chars/s':>11}")
    best_all = float("inf")
    per_doc: dict[str, float] = {}
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for name, doc in docs:
            t = time.perf_counter()
            _run(doc)
            per_doc[name] = min(per_doc.get(name, float("inf")), time.perf_counter() - t)
        best_all = min(best_all, time.perf_counter() - t0)
    for name, doc in docs:
        secs = per_doc[name] or 1e-9
        print(f"{name[:51]:<52}{len(doc.text):>9}{_run(doc):>7}{len(doc.text) / secs / 1e6:>11.2f}")
    print(f"{'ALL':<52}{total:>9}{'':>7}{total / best_all / 1e6:>11.2f}   (best of {args.repeat})")
    for label, text in HOSTILE.items():
        doc = Document(text=text)
        t = time.perf_counter()
        _run(doc)
        print(f"{label:<52}{len(text):>9}{'':>7}{'':>11}   {time.perf_counter() - t:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
