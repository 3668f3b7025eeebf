#!/usr/bin/env python3
"""Fit the check's two models on every labelled pair and write ``docanalyze/data/check_model.json``.

The figures written beside the parameters (``cv``) come from cross-validation by pair
(``tools/eval_check.py``): each pair predicted by a model fitted without it, in ten groups
of pairs (``--cv-groups 0`` for leave-one-pair-out). Run after the labelled pairs change:

    .venv/bin/python tools/fit_check_model.py [--pairs 'P0[1-8]'] [--segmenter dict] [--C-task 0.1] [--dry-run]

By default it fits on every pair of ``corpus/gold/pairs`` and of the held-out set ``corpus/heldout``
(written by another engineer in another way, so the model sees more than one writer's reports).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from eval_check import grouped, load_pairs, lopo, show  # noqa: E402

from docanalyze.coverage import training  # noqa: E402

OUT = ROOT / "docanalyze" / "data" / "check_model.json"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, nargs="+",
                    default=[ROOT / "corpus" / "gold" / "pairs", ROOT / "corpus" / "heldout" / "gold" / "pairs"])
    ap.add_argument("--docs", type=Path, nargs="+", default=[ROOT / "corpus", ROOT / "corpus" / "heldout" / "docs"])
    ap.add_argument("--pairs", nargs="+", default=None, help="pair ids to fit on (shell patterns); default all")
    ap.add_argument("--segmenter", default="dict")
    ap.add_argument("--C-pair", type=float, default=1.0)
    ap.add_argument("--C-task", type=float, default=0.1)
    ap.add_argument("--threshold", type=float, default=0.5, help="pair score from which a passage is evidence")
    ap.add_argument("--task-class-weight", default=None, choices=[None, "balanced"])
    ap.add_argument("--not-reported-min", type=float, default=0.0,
                    help="P(not_reported) from which a task is not reported; 0 (default) for the likeliest class")
    ap.add_argument("--folds", type=int, default=training.OOF_FOLDS,
                    help="groups of training pairs for the out-of-fold pair scores the task model learns from")
    ap.add_argument("--cv-groups", type=int, default=10,
                    help="groups of pairs for the recorded cross-validation; 0 for leave-one-pair-out")
    ap.add_argument("--dry-run", action="store_true", help="print, do not write")
    args = ap.parse_args()

    if len(args.gold) != len(args.docs):
        ap.error("give one --docs folder for each --gold folder")
    pairs = load_pairs(list(zip(args.gold, args.docs, strict=True)), "", args.segmenter, True, args.pairs)
    if len(pairs) < 2:
        print("need at least two labelled pairs", file=sys.stderr)
        return 1
    kw = {"segmenter": args.segmenter, "C_pair": args.C_pair, "C_task": args.C_task, "threshold": args.threshold,
          "task_class_weight": args.task_class_weight, "not_reported_min": args.not_reported_min or None, "folds": args.folds}
    method = f"{args.cv_groups} groups of pairs" if 0 < args.cv_groups < len(pairs) else "leave-one-pair-out"
    pooled, per_pair = grouped(pairs, args.cv_groups, **kw) if args.cv_groups else lopo(pairs, **kw)
    show(method, pooled, per_pair)
    model = training.fit(pairs, **kw)
    model["unplanned_threshold"] = args.threshold
    model["fitted_on"] = [d.id for d in pairs]
    model["fitted_at"] = dt.date.today().isoformat()
    model["settings"] = {k: v for k, v in kw.items() if k != "segmenter"}  # what eval_check refits with
    model["cv"] = {"method": method, "n_tasks": pooled["n"],
                   "accuracy": round(pooled["accuracy"], 3), "f1_reported": round(pooled["f1_reported"], 3),
                   "confusion": pooled["matrix"]}
    # evaluations on pairs written after a model was settled are kept from one fit to the next
    if OUT.exists():
        old = json.loads(OUT.read_text(encoding="utf-8"))
        for key in ("fresh_held_out", "fresh_evaluations", "notes"):
            if old.get(key):
                model[key] = old[key]
    text = json.dumps(model, ensure_ascii=False, indent=1)
    if args.dry_run:
        print(text)
    else:
        OUT.write_text(text + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
