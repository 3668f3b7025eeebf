#!/usr/bin/env python3
"""Speed and memory of ``docanalyze check`` on two ~30-page documents.

The documents are built from the labelled pairs in ``corpus/pairs/``: every
plan concatenated (repeated) until the text reaches ``--chars`` characters, and
likewise every report, so the vocabulary and layout are real. Budgets (issue 5):
a check in <= 1 s after import, the cold CLI in <= 3 s, peak memory < 400 MB.

    .venv/bin/python benchmarks/bench_check.py [--chars 75000] [--repeat 3]

Figures: import time; the very first check on a machine (which also builds the
word dictionary of the ``dict`` segmenter, once); ``check()`` in-process with an
empty segmentation cache and again with the cache filled; the CLI from a fresh process with an empty
cache and with a warm one; peak resident memory of a process that imports
docanalyze and runs one check.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def build(kind: str, chars: int, out: Path) -> Path:
    """One long plan or report from the pair documents: the first one's header, then the bodies of all
    (each without its header and its closing), repeated until long enough, then the first one's closing."""
    # in the pairs' numeric order, so that pairs added later (P101 …) do not change the first 30 pages
    files = sorted((ROOT / "corpus" / "pairs").glob(f"*_{kind}.txt"),
                   key=lambda p: (len(p.name.split("_")[0]), p.name))
    parts = [p.read_text(encoding="utf-8") for p in files]
    if not parts:
        parts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]

    def split(doc: str) -> tuple[str, str, str]:
        a = doc.find("\nI. ")
        a = a if a > 0 else 0
        b = doc.find("Nơi nhận")
        b = b if b > a else len(doc)
        return doc[:a], doc[a:b], doc[b:]

    head, _, closing = split(parts[0])
    bodies, k, size = [], 0, len(head) + len(closing)
    while size < chars:
        body = split(parts[k % len(parts)])[1]
        bodies.append(body)
        size += len(body) + 2
        k += 1
    out.write_text(head + "\n\n".join(bodies) + "\n\n" + closing, encoding="utf-8")
    return out


CHILD = r"""
import json, os, resource, sys, time
t0 = time.perf_counter()
import docanalyze
from docanalyze.coverage import check
from docanalyze.coverage.model import load_model
import numpy
load_model()
t_import = time.perf_counter() - t0
t1 = time.perf_counter()
r = check(sys.argv[1], sys.argv[2])
t_check = time.perf_counter() - t1
t2 = time.perf_counter()
r2 = check(sys.argv[1], sys.argv[2])
t_again = time.perf_counter() - t2
print(json.dumps({"import": t_import, "check": t_check, "check_again": t_again, "timings": r.timings,
                  "timings_again": r2.timings, "tasks": len(r.tasks), "passages_summary": r.summary,
                  "passages": len(r.report.document.blocks),
                  "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _env(cache: Path) -> dict[str, str]:
    """A child's environment: its own cache folder, and Python free to keep compiled modules (.pyc) as an
    installed package has them; a shell that sets PYTHONDONTWRITEBYTECODE would make every run recompile
    docanalyze's sources (about 0.05 s)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["XDG_CACHE_HOME"] = str(cache)
    return env


def child(report: Path, plan: Path, cache: Path) -> dict:
    env = _env(cache)
    out = subprocess.run([PY, "-c", CHILD, str(report), str(plan)], capture_output=True, text=True, env=env,
                         timeout=600)
    if out.returncode:
        raise SystemExit(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


def cli(report: Path, plan: Path, cache: Path, target: Path) -> float:
    env = _env(cache)
    exe = str(Path(PY).with_name("docanalyze"))
    cmd = [exe] if Path(exe).exists() else [PY, "-m", "docanalyze"]
    t = time.perf_counter()
    out = subprocess.run([*cmd, "check", str(report), str(plan), "--format", "json", "-o", str(target)],
                         capture_output=True, text=True, env=env, timeout=600)
    took = time.perf_counter() - t
    if out.returncode:
        raise SystemExit(out.stderr)
    return took


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--chars", type=int, default=75_000, help="characters per document (~2,500 a page)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench_check_"))
    try:
        plan, report = build("plan", args.chars, work / "plan.txt"), build("report", args.chars, work / "report.txt")
        print(f"plan {len(plan.read_text(encoding='utf-8')):,} chars, report "
              f"{len(report.read_text(encoding='utf-8')):,} chars")
        cold_runs, warm_runs, cli_cold, cli_warm, rss = [], [], [], [], []
        # the very first check on a machine also builds the segmentation dictionary (once per machine);
        # every later run starts from a cache that holds it but no segmentation of these documents
        first = child(report, plan, work / "machine")
        dicts = list((work / "machine" / "docanalyze").glob("dict-*"))
        for k in range(args.repeat):
            cache = work / f"cache{k}"
            for name in ("", "cli"):
                (cache.with_name(cache.name + name) / "docanalyze").mkdir(parents=True)
                for d in dicts:
                    shutil.copy(d, cache.with_name(cache.name + name) / "docanalyze" / d.name)
            r = child(report, plan, cache)  # no segmentation cached, then the same check again with it
            cold_runs.append(r)
            warm_runs.append(r["check_again"])
            rss.append(r["maxrss_mb"])
            cache2 = work / f"cache{k}cli"
            cli_cold.append(cli(report, plan, cache2, work / "out.json"))
            cli_warm.append(cli(report, plan, cache2, work / "out.json"))
        best = min(cold_runs, key=lambda r: r["check"])
        print(f"tasks in the plan: {best['tasks']}; report blocks: {best['passages']}; "
              f"verdicts {best['passages_summary']}")
        print(f"import docanalyze + numpy + model: {min(r['import'] for r in cold_runs):.2f} s")
        print(f"first check on a machine (builds the word dictionary): {first['check']:.2f} s")
        print(f"check() after import, empty cache: {min(r['check'] for r in cold_runs):.2f} s "
              f"(stages {json.dumps({k: round(v, 3) for k, v in best['timings'].items()})})")
        print(f"check() after import, cache filled: {min(warm_runs):.2f} s")
        print(f"CLI, fresh process, empty cache: {min(cli_cold):.2f} s (median {sorted(cli_cold)[len(cli_cold)//2]:.2f})")
        print(f"CLI, fresh process, warm cache: {min(cli_warm):.2f} s")
        print(f"peak memory (import + two checks): {max(rss):.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
