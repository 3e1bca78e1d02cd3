"""`briefing check`: the accessibility report on a pack and the files it builds."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.checks.finding import SEVERITIES
from briefing.cli.report import add_format, add_pdf_engine, print_findings
from briefing.errors import BriefingError
from briefing.uk.wording import and_list, tally

if TYPE_CHECKING:
    import argparse

    from briefing.checks.finding import Finding


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "check",
        help="report accessibility and other problems in a pack and its built files",
        description="Run every check on a pack and on its Word, PDF and other files, built in "
        "memory (nothing is written): the checks of briefing validate, then those that need "
        "the built files (the page budget, tags, the Word file's language ...). Prints "
        "FILE:LINE:COLUMN: severity: message for each finding. Exits with 1 when there are "
        "errors, 0 when there are only warnings or advice.",
    )
    p.add_argument(
        "pack", type=Path, nargs="?", help="the pack file (.yaml); not needed with --list-rules"
    )
    p.add_argument(
        "--json", action="store_true", help="print the findings as a JSON list (for scripts)"
    )
    p.add_argument(
        "--audience",
        metavar="NAME",
        help="check this audience's version (e.g. public or summary) instead of "
        "the full one: its files, its budget",
    )
    add_format(p, "the files to build in memory and check", default="all")
    add_pdf_engine(p, "the PDF engine to build and check the PDF with")
    p.add_argument(
        "--library",
        type=Path,
        metavar="DIR",
        help="the library whose word list (words.txt) the spell check accepts "
        "(default: BRIEFING_LIBRARY or your own library)",
    )
    p.add_argument(
        "--list-rules",
        action="store_true",
        help="list every rule with its severity instead of checking",
    )
    p.set_defaults(run=_check)


def finding_record(finding: Finding) -> dict[str, object]:
    where = finding.location
    return {
        "rule": finding.rule,
        "severity": finding.severity,
        "message": finding.message,
        "file": str(where.file) if where.file is not None else None,
        "line": where.line,
        "column": where.column,
        "section": where.section,
        "item": where.item,
        "field": where.field,
    }


def _check(args: argparse.Namespace) -> int:
    from briefing.build import check_file
    from briefing.export.registry import FORMATS, expand

    if args.list_rules:
        from briefing.checks.table import RULES

        for rule in RULES:
            print(f"{rule.code:26} {rule.severity:8} {rule.scope:7} {rule.summary}")
        return 0
    if args.pack is None:
        raise BriefingError("Name the pack to check, e.g. briefing check briefing.yaml.")
    if args.library is not None:
        from briefing.library.words import use_library

        use_library(args.library)
    report = check_file(args.pack, expand(args.format), args.audience, args.pdf_engine)
    if args.json:
        json.dump(
            [finding_record(f) for f in report.findings], sys.stdout, indent=2, ensure_ascii=False
        )
        print()
    else:
        print_findings(report.findings, SEVERITIES, sys.stdout)
        built = [FORMATS[fmt].label for fmt in report.built]
        counts = tally(report.count("error"), report.count("warning"), report.count("advice"))
        checked = f"the pack, and its {and_list(built)} built in memory" if built else "the pack"
        print(f"{args.pack}: {counts} (checked {checked})", file=sys.stderr)
    return 1 if report.has_errors else 0
