#!/usr/bin/env python3
"""Accuracy of ``docanalyze check`` on labelled plan/report pairs, never on pairs it was fitted on.

Leave-one-pair-out (default): for each pair, both models are fitted on the other pairs and the held-out
pair is predicted; the figures pool every held-out prediction. Fitting always reads the ``.txt`` copies
(as the shipped model is fitted); ``--ext`` chooses the copy that is *predicted*, as ``score.py`` runs the
shipped model on Word and PDF files. A gold task whose key no task holds counts as wrong, as in ``score.py``.

Held-out (``--test``): fit once on ``--pairs`` and predict the ``--test`` pairs — the fresh evaluation on
pairs written after the model's features were settled.

    .venv/bin/python tools/eval_check.py                              # every pair, .txt, shipped settings
    .venv/bin/python tools/eval_check.py --pairs P01 P02 P03 --ext .docx
    .venv/bin/python tools/eval_check.py --pairs P0[1-8] --test P09 P10 --ext .txt .docx .pdf
    .venv/bin/python tools/eval_check.py --segmenter underthesea syllable dict
    .venv/bin/python tools/eval_check.py --no-fallback                # only tasks the extractor finds
    .venv/bin/python tools/eval_check.py --gold corpus/gold/pairs corpus/heldout/gold/pairs \
        --docs corpus corpus/heldout/docs --pairs 'P*' --test 'H*'     # the held-out pairs H1, H2
"""
from __future__ import annotations

import argparse
import fnmatch
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docanalyze.coverage import training  # noqa: E402


def pair_files(gold_dir: Path, patterns: list[str] | None) -> list[Path]:
    """The labelled pairs whose id matches one of ``patterns`` (shell patterns: P0[1-8]); all when None."""
    files = sorted(gold_dir.glob("*.json"))
    if not patterns:
        return files
    return [p for p in files if any(fnmatch.fnmatch(p.stem, pat) for pat in patterns)]


def load_pairs(sources: list[tuple[Path, Path]], ext: str, segmenter: str, fallback: bool,
               patterns: list[str] | None = None) -> list[training.PairData]:
    """Every labelled pair of every (gold folder, documents folder) source whose id matches ``patterns``."""
    return [training.load_pair(p, docs, ext, segmenter, fallback)
            for gold_dir, docs in sources for p in pair_files(gold_dir, patterns)]


def lopo(pairs: list[training.PairData], predict_on: list[training.PairData] | None = None,
         **fit_kw: object) -> tuple[dict, list[tuple[str, dict]]]:
    """Pooled and per-pair figures of leave-one-pair-out predictions (``predict_on``: the same pairs read
    from another format, in the same order)."""
    gold_all, pred_all, per_pair = [], [], []
    targets = predict_on or pairs
    for k, d in enumerate(targets):
        model = training.fit([x for i, x in enumerate(pairs) if i != k], **fit_kw)  # type: ignore[arg-type]
        gold, pred = training.predict_gold(d, model)
        gold_all += gold
        pred_all += pred
        per_pair.append((d.id, training.confusion(gold, pred)))
    return training.confusion(gold_all, pred_all), per_pair


def grouped(pairs: list[training.PairData], groups: int, **fit_kw: object) -> tuple[dict, list[tuple[str, dict]]]:
    """Pooled and per-pair figures of ``groups``-fold cross-validation by pair: pair ``i`` is predicted by a
    model fitted on every pair outside group ``i % groups``. Leave-one-pair-out refits once per pair, which
    grows past an hour as the labelled pairs pass a hundred; ten groups give the figure within a task or two."""
    if groups >= len(pairs):
        return lopo(pairs, **fit_kw)
    gold_all, pred_all, per_pair = [], [], []
    for g in range(groups):
        model = training.fit([x for i, x in enumerate(pairs) if i % groups != g], **fit_kw)  # type: ignore[arg-type]
        for d in pairs[g::groups]:
            gold, pred = training.predict_gold(d, model)
            gold_all += gold
            pred_all += pred
            per_pair.append((d.id, training.confusion(gold, pred)))
    return training.confusion(gold_all, pred_all), per_pair


def held_out(train: list[training.PairData], test: list[training.PairData], **fit_kw: object
             ) -> tuple[dict, list[tuple[str, dict]]]:
    """Fit once on ``train``, predict every pair of ``test``."""
    model = training.fit(train, **fit_kw)  # type: ignore[arg-type]
    gold_all, pred_all, per_pair = [], [], []
    for d in test:
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
    ap.add_argument("--gold", type=Path, nargs="+", default=[ROOT / "corpus" / "gold" / "pairs"],
                    help="folders of pair labels; each goes with the --docs folder in the same position")
    ap.add_argument("--docs", type=Path, nargs="+", default=[ROOT / "corpus"])
    ap.add_argument("--pairs", nargs="+", default=None, help="pair ids to fit on (shell patterns); default all")
    ap.add_argument("--test", nargs="+", default=None, help="held-out pair ids: fit on --pairs once, predict these")
    ap.add_argument("--ext", nargs="+", default=[""], help="predict DOC<ext> (.txt, .docx, .pdf); fitting reads .txt")
    ap.add_argument("--segmenter", nargs="+", default=None, help="dict, underthesea, syllable (default: shipped)")
    ap.add_argument("--no-fallback", action="store_true", help="only extracted tasks (as score.py sees them)")
    ap.add_argument("--C-pair", type=float, default=None)
    ap.add_argument("--C-task", type=float, default=None)
    ap.add_argument("--not-reported-min", type=float, default=None,
                    help="P(not_reported) from which a task is not reported (default: shipped; 0 for argmax)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if len(args.gold) != len(args.docs):
        ap.error("give one --docs folder for each --gold folder")
    sources = list(zip(args.gold, args.docs, strict=True))

    shipped = json.loads((ROOT / "docanalyze" / "data" / "check_model.json").read_text(encoding="utf-8"))
    settings = shipped.get("settings", {})
    segmenters = args.segmenter or [shipped.get("segmenter", "dict")]
    results: dict[str, dict] = {}
    for seg in segmenters:
        t0 = time.perf_counter()
        fallback = not args.no_fallback
        train = load_pairs(sources, "", seg, fallback, args.pairs)
        load_s = time.perf_counter() - t0
        fit_kw = {"segmenter": seg, "C_pair": args.C_pair or settings.get("C_pair", 1.0),
                  "C_task": args.C_task or settings.get("C_task", 1.0),
                  "threshold": settings.get("threshold", 0.5),
                  "task_class_weight": settings.get("task_class_weight"),
                  "not_reported_min": (args.not_reported_min or None) if args.not_reported_min is not None
                  else settings.get("not_reported_min")}
        for ext in args.ext:
            ext = "" if ext in ("", ".txt") else ext
            if args.test:
                test = load_pairs(sources, ext, seg, fallback, args.test)
                pooled, per_pair = held_out(train, test, **fit_kw)
                how = f"held-out: fitted on {len(train)} pairs ({train[0].id}…{train[-1].id}), tested on {len(test)}"
                scored = test
            else:
                target = load_pairs(sources, ext, seg, fallback, args.pairs) if ext else None
                pooled, per_pair = lopo(train, target, **fit_kw)
                how = f"leave-one-pair-out over {len(train)} pairs"
                scored = target or train
            matched = sum(d.n_from_extractor for d in scored)
            total = sum(len(d.gold) for d in scored)
            results[f"{seg}{ext or '.txt'}"] = {"pooled": pooled, "per_pair": dict(per_pair),
                                                "load_seconds": round(load_s, 2),
                                                "keys_held_by_extracted_tasks": f"{matched}/{total}"}
            if not args.json:
                show(f"{how}; segmenter={seg}, predicted {ext or '.txt'}, fallback={fallback}; "
                     f"gold keys held by extracted tasks {matched}/{total}", pooled, per_pair)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
