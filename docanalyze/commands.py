"""What each CLI subcommand does, once its arguments are parsed (imported lazily by ``cli``)."""
from __future__ import annotations

import argparse
import json

from .errors import DocanalyzeError
from .render.output import write_output


def _dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1)


def run_extract(args: argparse.Namespace) -> int:
    from .analysis import analyze
    from .readers import load

    doc = load(args.file)
    if args.format == "text":
        write_output(doc.text, args.output)
        return 0
    result = analyze(doc)
    if args.format == "json":
        write_output(_dumps(result.to_dict()), args.output)
    elif args.format == "ics":
        from .render.ics import deadlines_to_ics

        write_output(deadlines_to_ics(result), args.output)
    else:
        from .render.terminal import render_analysis

        write_output(render_analysis(result, to_file=args.output is not None), args.output)
    return 0


def run_lint(args: argparse.Namespace) -> int:
    from .analysis import analyze

    result = analyze(args.file)
    if args.format == "json":
        from .render.jsonout import finding_to_dict

        write_output(_dumps([finding_to_dict(f) for f in result.findings]), args.output)
    else:
        from .render.terminal import render_findings

        write_output(render_findings(result), args.output)
    return 1 if args.strict and result.findings else 0


def run_check(args: argparse.Namespace) -> int:
    from .coverage import check

    if args.format == "xlsx" and not args.output:
        raise DocanalyzeError("--format xlsx needs -o FILE.xlsx (a spreadsheet cannot go to the terminal)")
    result = check(args.report, args.plan)
    if args.format == "json":
        write_output(_dumps(result.to_dict()), args.output)
    elif args.format == "csv":
        write_output(result.to_frame().to_csv(index=False), args.output)
    elif args.format == "xlsx":
        from .render.xlsx import check_to_xlsx

        write_output(check_to_xlsx(result), args.output)
    elif args.format == "html":
        from .render.html_check import check_to_html

        write_output(check_to_html(result), args.output)
    else:
        from .render.terminal import render_check

        write_output(render_check(result, all_evidence=args.all_evidence, to_file=args.output is not None),
                     args.output)
    return 0
