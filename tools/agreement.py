#!/usr/bin/env python3
"""How far two readers agree on coverage labels: the ceiling any checker can be measured against.

    .venv/bin/python tools/agreement.py corpus/gold/pairs corpus/gold/pairs_second

Both folders hold ``<id>.json`` files with a ``coverage`` list of ``{"key", "status"}``; entries are matched by
key. Prints, pooled over the pairs both readers labelled, the three-label agreement, Cohen's kappa, the F1 of
"reported or partial" against "not_reported" (the scorer's measure, second reader scored against the first)
and the confusion matrix (rows: first reader).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docanalyze.coverage.training import confusion  # noqa: E402

LABELS = ("reported", "partial", "not_reported")


def paired_labels(first: Path, second: Path) -> tuple[list[str], list[str], list[str]]:
    """(first reader's labels, second reader's labels, pair ids) for every key both readers labelled."""
    a, b, ids = [], [], []
    for f2 in sorted(second.glob("*.json")):
        f1 = first / f2.name
        if not f1.exists():
            continue
        one = {c["key"]: c["status"] for c in json.loads(f1.read_text(encoding="utf-8"))["coverage"]}
        for c in json.loads(f2.read_text(encoding="utf-8"))["coverage"]:
            if c["key"] in one:
                a.append(one[c["key"]])
                b.append(c["status"])
                ids.append(f2.stem)
    return a, b, ids


def kappa(a: list[str], b: list[str]) -> float:
    n = len(a)
    if not n:
        return 0.0
    po = sum(x == y for x, y in zip(a, b, strict=True)) / n
    pe = sum((a.count(k) / n) * (b.count(k) / n) for k in LABELS)
    return (po - pe) / (1 - pe) if pe < 1 else 1.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("first", type=Path)
    ap.add_argument("second", type=Path)
    args = ap.parse_args()
    a, b, ids = paired_labels(args.first, args.second)
    if not a:
        print("no key labelled by both readers", file=sys.stderr)
        return 1
    c = confusion(a, list(b))  # the second reader scored as the checker is scored against the first
    print(f"{len(set(ids))} pairs, {len(a)} tasks: agreement {c['accuracy']:.3f}, kappa {kappa(a, b):.3f}, "
          f"F1(reported or partial vs not) {c['f1_reported']:.3f}")
    print("first \\ second  " + "".join(f"{k:>14}" for k in LABELS))
    for g in LABELS:
        print(f"{g:<16}" + "".join(f"{c['matrix'][g][p]:>14}" for p in LABELS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
