"""The ``docanalyze`` command.

Only the standard library is imported at start-up, so ``docanalyze --help``
answers at once; each subcommand imports what it needs. Every error a user can
cause ends in one line on stderr and a non-zero exit code, never a traceback
(set DOCANALYZE_DEBUG=1 to see one).
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

EXTRACT_FORMATS = ("json", "text", "table", "ics")
CHECK_FORMATS = ("table", "json", "csv", "xlsx", "html")
LINT_FORMATS = ("text", "json")

EPILOG = """examples:
  docanalyze extract plan.docx                    header, citations, tasks … as a table
  docanalyze extract plan.pdf --format json       the full result as JSON
  docanalyze extract plan.docx --format ics -o deadlines.ics
  docanalyze lint report.docx                     inconsistent citations and dates
  docanalyze check report.docx plan.docx          which planned tasks the report covers
  docanalyze check report.pdf plan.docx --format html -o coverage.html
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="docanalyze",
        description="Read Vietnamese administrative documents (.docx, .pdf, .txt, .md) and turn them into data.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"docanalyze {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    ex = sub.add_parser("extract", help="extract header, citations, tasks, deadlines, slogans and findings",
                        description="Extract everything docanalyze finds in one document.")
    ex.add_argument("file", help="a .docx, .pdf, .txt or .md file (.doc when LibreOffice is installed)")
    ex.add_argument("-f", "--format", choices=EXTRACT_FORMATS, default="table",
                    help="table (default): readable summary; json: everything, as in GUIDE.md; "
                         "text: the normalized text all offsets refer to; ics: deadlines as iCalendar")
    ex.add_argument("-o", "--output", help="write to this file instead of standard output")

    li = sub.add_parser("lint", help="find inconsistent citations and dates in one document",
                        description="Check one document for citation and date inconsistencies.")
    li.add_argument("file")
    li.add_argument("-f", "--format", choices=LINT_FORMATS, default="text")
    li.add_argument("-o", "--output")
    li.add_argument("--strict", action="store_true", help="exit with status 1 when anything is found")

    ch = sub.add_parser("check", help="which tasks of a plan a report reports on, with the evidence",
                        description="Check a report against the plan it reports on.")
    ch.add_argument("report", help="the report (Báo cáo)")
    ch.add_argument("plan", help="the plan (Kế hoạch) it reports on")
    ch.add_argument("-f", "--format", choices=CHECK_FORMATS, default="table")
    ch.add_argument("-o", "--output", help="write to this file (required for xlsx)")
    ch.add_argument("--all-evidence", action="store_true", help="show every evidence passage, not only the best")
    return parser


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("docanalyze")
    except Exception:  # noqa: BLE001 - running from a source tree
        return "0.1.0"


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    from .errors import DocanalyzeError

    try:
        if args.command == "extract":
            from .commands import run_extract

            return run_extract(args)
        if args.command == "lint":
            from .commands import run_lint

            return run_lint(args)
        if args.command == "check":
            from .commands import run_check

            return run_check(args)
    except DocanalyzeError as exc:
        print(f"docanalyze: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("docanalyze: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except MemoryError:
        print("docanalyze: error: out of memory reading this document", file=sys.stderr)
        return 3
    except Exception as exc:  # noqa: BLE001 - the promise is: never a traceback
        if os.environ.get("DOCANALYZE_DEBUG"):
            raise
        where = getattr(args, "file", None) or getattr(args, "report", "")
        print(f"docanalyze: internal error on {os.path.basename(str(where))}: {type(exc).__name__}: "
              f"{str(exc).splitlines()[0] if str(exc) else ''} (set DOCANALYZE_DEBUG=1 for details)",
              file=sys.stderr)
        return 70
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
