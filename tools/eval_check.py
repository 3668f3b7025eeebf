#!/usr/bin/env python3
"""Cross-validated accuracy of ``docanalyze check`` on labelled plan/report pairs, never on pairs it was fitted on.

Leave-one-pair-out: for each pair, both models are fitted on the other pairs and
the held-out pair is predicted; the figures pool every held-out prediction.
A gold task whose key no task holds counts as wrong, as in ``score.py``.

    .venv/bin/python tools/eval_check.py                      # .txt pairs, shipped settings
    .venv/bin/python tools/eval_check.py --ext .docx          # the Word copies
    .venv/bin/python tools/eval_check.py --segmenter underthesea syllable dict
    .venv/bin/python tools/eval_check.py --no-fallback        # only tasks the extractor finds (as score.py)
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docanalyze.check import training  # noqa: E402


def load_pairs(gold_dir: Path, docs: Path, ext: str, segmenter: str, fallback: bool) -> list[training.PairData]:
    return [training.load_pair(p, docs, ext, segmenter, fallback) for p in sorted(gold_dir.glob("*.json"))]


def lopo(pairs: list[training.PairData], **fit_kw: object) -> tuple[dict, list[tuple[str, dict]]]:
    """Pooled and per-pair figures of leave-one-pair-out predictions."""
    gold_all, pred_all, per_pair = [], [], []
    for k, d in enumerate(pairs):
        model = training.fit([x for i, x in enumerate(pairs) if i != k], **fit_kw)  # type: ignore[arg-type]
        gold, pred = training.predict_gold(d, model)
        gold_all += gold
        pred_all += pred
        per_pair.append((d.id, training.confusion(gold, pred)))
    return training.confusion(gold_all, pred_all), per_pair


def show(title: str, pooled: dict, per_pair: list[tuple[str, dict]]) -> None:
    print(f"\n== {title}")
    for pid, c in per_pair:
        print(f"  {pid}: accuracy {c['accuracy']:.3f}  F1(reported) {c['f1_reported']:.3f}  (n={c['n']})")
    print(f"  pooled: accuracy {pooled['accuracy']:.3f}  F1(reported or partial vs not) {pooled['f1_reported']:.3f}"
          f"  precision {pooled['precision']:.3f} recall {pooled['recall']:.3f}  (n={pooled['n']})")
    cols = ["reported", "partial", "not_reported", "missing"]
    print("  gold \\ predicted " + "".join(f"{c:>14}" for c in cols))
    for g, row in pooled["matrix"].items():
        print(f"  {g:<17}" + "".join(f"{row[c]:>14}" for c in cols))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=ROOT / "corpus" / "gold" / "pairs")
    ap.add_argument("--docs", type=Path, default=ROOT / "corpus")
    ap.add_argument("--ext", default="", help="evaluate DOC<ext> instead of the .txt, e.g. .docx or .pdf")
    ap.add_argument("--segmenter", nargs="+", default=None, help="dict, underthesea, syllable (default: shipped)")
    ap.add_argument("--no-fallback", action="store_true", help="only extracted tasks (as score.py sees them)")
    ap.add_argument("--C-pair", type=float, default=None)
    ap.add_argument("--C-task", type=float, default=None)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    shipped = json.loads((ROOT / "docanalyze" / "data" / "check_model.json").read_text(encoding="utf-8"))
    settings = shipped.get("settings", {})
    segmenters = args.segmenter or [shipped.get("segmenter", "dict")]
    results = {}
    for seg in segmenters:
        t0 = time.perf_counter()
        pairs = load_pairs(args.gold, args.docs, args.ext, seg, not args.no_fallback)
        load_s = time.perf_counter() - t0
        fit_kw = {"segmenter": seg, "C_pair": args.C_pair or settings.get("C_pair", 1.0),
                  "C_task": args.C_task or settings.get("C_task", 1.0),
                  "threshold": settings.get("threshold", 0.5),
                  "task_class_weight": settings.get("task_class_weight")}
        pooled, per_pair = lopo(pairs, **fit_kw)
        matched = sum(d.n_from_extractor for d in pairs)
        total = sum(len(d.gold) for d in pairs)
        results[seg] = {"pooled": pooled, "per_pair": dict(per_pair), "load_seconds": round(load_s, 2),
                        "keys_held_by_extracted_tasks": f"{matched}/{total}"}
        if not args.json:
            show(f"segmenter={seg}, {len(pairs)} pairs, ext={args.ext or '.txt'}, fallback={not args.no_fallback}; "
                 f"gold keys held by extracted tasks {matched}/{total}; load+segment {load_s:.1f}s",
                 pooled, per_pair)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
