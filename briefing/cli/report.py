"""What `check`, `validate` and `build` share: the --format and --pdf-engine options and one way of printing
the checks table's findings (FILE:LINE:COL: severity: message, as `briefing check` prints them)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TextIO

from briefing.export.registry import DEFAULT_PDF_ENGINE, PDF_ENGINES, format_choices
from briefing.uk.wording import tally

if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterable, Sequence
    from pathlib import Path

    from briefing.checks.finding import Finding, Severity


def add_format(parser: argparse.ArgumentParser, what: str, default: str = "both") -> None:
    """The --format option; `what` says what the formats are for in this command."""
    parser.add_argument(
        "--format",
        choices=format_choices(),
        default=default,
        help=f"{what} (default: {default}; both = docx and pdf, all = docx, pdf and html)",
    )


def add_pdf_engine(parser: argparse.ArgumentParser, what: str) -> None:
    """The --pdf-engine option; `what` says what the engine is for in this command."""
    parser.add_argument(
        "--pdf-engine",
        choices=list(PDF_ENGINES),
        default=DEFAULT_PDF_ENGINE,
        help=f"{what}: typst (default) makes a tagged, accessible PDF/UA-1 and "
        "PDF/A-2a file; reportlab makes an untagged PDF",
    )


def count(findings: Iterable[Finding], severity: Severity) -> int:
    return sum(1 for finding in findings if finding.severity == severity)


def print_findings(
    findings: Sequence[Finding], severities: Sequence[Severity], stream: TextIO | None = None
) -> None:
    """Each finding of these severities on its own line, in the table's order."""
    for finding in findings:
        if finding.severity in severities:
            print(finding, file=stream or sys.stderr)


def advice_pointer(findings: Sequence[Finding], pack: Path) -> str:
    """ "pack.yaml: 3 pieces of advice: briefing check pack.yaml lists them", or ""."""
    advice = count(findings, "advice")
    if not advice:
        return ""
    return f"{pack}: {tally(0, 0, advice)}: briefing check {pack} lists {'it' if advice == 1 else 'them'}"


def refused(findings: Sequence[Finding], pack: Path, what: str) -> int:
    """Print the errors and warnings that stop `what` (a pack, a build), then the tally;
    returns the exit status (1)."""
    print_findings(findings, ("error", "warning"))
    errors = count(findings, "error")
    print(
        f"{pack}: {what}: {tally(errors, count(findings, 'warning'), 0)}; fix the "
        f"{'error' if errors == 1 else 'errors'} and try again",
        file=sys.stderr,
    )
    return 1
