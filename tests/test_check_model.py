"""The fitted check model: shipped as data, and accurate on labelled pairs it was not fitted on."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from docanalyze.coverage.features import PAIR_FEATURES
from docanalyze.coverage.model import CLASSES, TASK_FEATURES, load_model

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "corpus" / "gold" / "pairs"
HELD_OUT = ROOT / "corpus" / "heldout"
# labelled pairs: (label folder, document folder); the held-out engineer's pairs are fitted on too
SOURCES = [(PAIRS, ROOT / "corpus"), (HELD_OUT / "gold" / "pairs", HELD_OUT / "docs")]


def pair_labels() -> list[tuple[Path, Path]]:
    return [(p, docs) for gold, docs in SOURCES for p in sorted(gold.glob("*.json"))]


def test_shipped_model_is_complete_data() -> None:
    raw = json.loads((ROOT / "docanalyze" / "data" / "check_model.json").read_text(encoding="utf-8"))
    m = load_model()
    assert set(m.pair.features) <= set(PAIR_FEATURES)
    assert set(m.task.features) <= set(TASK_FEATURES)
    assert m.pair.coef.shape == (1, len(m.pair.features))
    assert m.task.coef.shape == (len(m.classes), len(m.task.features))
    assert set(m.classes) <= set(CLASSES)
    assert np.isfinite(m.pair.coef).all() and np.isfinite(m.task.coef).all()
    assert m.segmenter in ("dict", "underthesea", "syllable")
    if raw.get("fitted"):
        fitted_on = set(raw["fitted_on"])
        assert fitted_on == {p.stem for p, _docs in pair_labels()}, "refit: tools/fit_check_model.py"


@pytest.fixture(scope="module")
def pairs():  # noqa: ANN201
    if len(pair_labels()) < 3:
        pytest.skip("fewer than three labelled pairs")
    from docanalyze.coverage import training

    m = load_model()
    return [training.load_pair(p, docs, "", m.segmenter) for p, docs in pair_labels()]


@pytest.fixture(scope="module")
def held_out(pairs) -> dict:  # noqa: ANN001
    """Predictions on pairs a model was not fitted on, pooled: six groups of pairs, each predicted by a model
    fitted on the other five with the shipped settings (leave-one-pair-out, as tools/eval_check.py does,
    would refit once per pair: many minutes of CI for the same figure within a task or two)."""
    from docanalyze.coverage import training

    settings = json.loads((ROOT / "docanalyze" / "data" / "check_model.json").read_text(encoding="utf-8")).get(
        "settings", {})
    kw = {k: settings[k] for k in ("C_pair", "C_task", "threshold", "task_class_weight", "not_reported_min", "folds")
          if k in settings}
    gold_all, pred_all = [], []
    groups = 6
    for g in range(groups):
        model = training.fit([x for i, x in enumerate(pairs) if i % groups != g], segmenter=load_model().segmenter,
                             **kw)
        for d in pairs[g::groups]:
            gold, pred = training.predict_gold(d, model)
            gold_all += gold
            pred_all += pred
    return training.confusion(gold_all, pred_all)


def test_held_out_pairs_do_not_regress(held_out: dict) -> None:
    """What the shipped method reaches on pairs it was not fitted on: 0.802 / 0.927 in ten groups over the 138
    pairs when fitted (the figure moves by a task or two as the extractors change)."""
    assert held_out["accuracy"] >= 0.79, held_out
    assert held_out["f1_reported"] >= 0.92, held_out


def test_fresh_held_out_figures_are_recorded() -> None:
    """Each evaluation on pairs written after the model was settled stays beside the parameters."""
    raw = json.loads((ROOT / "docanalyze" / "data" / "check_model.json").read_text(encoding="utf-8"))
    assert raw["fresh_evaluations"]
    for fresh in raw["fresh_evaluations"]:
        assert not set(fresh["fitted_on"]) & set(fresh["tested_on"])
        matrix = fresh["confusion"]
        assert sum(sum(row.values()) for row in matrix.values()) == fresh["n_tasks"]
        assert abs(sum(matrix[k][k] for k in matrix) / fresh["n_tasks"] - fresh["accuracy"]) < 0.001


@pytest.mark.xfail(reason="issue 5 target not reached: accuracy 0.80 / F1 0.93 in ten groups over 138 pairs; "
                          "fresh batches 0.74, 0.80, 0.73, 0.78, 0.79, 0.79, 0.78, 0.81 (partial is the hard label)",
                   strict=False)
def test_held_out_pairs_meet_the_issue_targets(held_out: dict) -> None:
    """Issue 5: three-label accuracy >= 0.85 and F1 of reported-or-partial >= 0.92 on held-out pairs."""
    assert held_out["accuracy"] >= 0.85, held_out
    assert held_out["f1_reported"] >= 0.92, held_out


def test_gold_evidence_is_found_in_the_report(pairs) -> None:  # noqa: ANN001
    """Every evidence quote of a reported or partial task comes from a report passage we know."""
    missing = [(d.id, d.gold[gi]["key"]) for d in pairs for gi, ti in d.gold_task.items()
               if d.gold[gi]["status"] != "not_reported" and d.gold[gi].get("evidence")
               and not next(ev for t, _s, ev in d.labels if t == ti)]
    assert len(missing) <= 0.05 * sum(len(d.gold) for d in pairs), missing


@pytest.mark.parametrize(("probs", "threshold", "status"), [
    ({"not_reported": 0.45, "partial": 0.30, "reported": 0.25}, 0.5, "partial"),  # not likely enough to say "not"
    ({"not_reported": 0.45, "partial": 0.30, "reported": 0.25}, None, "not_reported"),  # the likeliest class
    ({"not_reported": 0.55, "partial": 0.05, "reported": 0.40}, 0.5, "not_reported"),
    ({"not_reported": 0.20, "partial": 0.30, "reported": 0.50}, 0.5, "reported"),
])
def test_status_decision(probs: dict[str, float], threshold: float | None, status: str) -> None:
    from dataclasses import replace

    assert replace(load_model(), not_reported_min=threshold).decide(probs) == status


def test_statuses_do_not_depend_on_the_hash_seed() -> None:
    """Python salts string hashes per process; the order of a set of words must never change a verdict."""
    import os
    import subprocess
    import sys

    code = ("import docanalyze, json; r = docanalyze.check('corpus/pairs/P17_report.txt', 'corpus/pairs/P17_plan.txt');"
            "print(json.dumps([[t.status, round(t.score, 6)] for t in r.tasks]))")
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")]
    assert runs[0] and runs[0] == runs[1] == runs[2]


@pytest.mark.parametrize("text, general", [
    ("Công tác tuyên truyền tiếp tục được quan tâm, bước đầu có hiệu quả.", True),
    ("Phong trào thể dục, thể thao quần chúng tiếp tục được duy trì ở các thôn, buôn.", True),
    ("Đã tổ chức 04 lớp tập huấn cho 320 lượt học viên, đạt 100% kế hoạch.", False),
    ("Thanh tra 22/25 cơ sở; ban hành 09 quyết định xử phạt với tổng số tiền 1,86 tỷ đồng.", False),
])
def test_general_wording_is_told_from_results(text: str, general: bool) -> None:
    """The wording features (check_lexicon.toml [reporting] vague) read a general account as such."""
    from docanalyze.coverage.model import _vague_share

    assert (_vague_share(text) >= 0.5) is general, _vague_share(text)
