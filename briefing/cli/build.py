"""`briefing build` and `briefing validate`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.cli.common import shown
from briefing.cli.report import (
    add_format,
    add_pdf_engine,
    advice_pointer,
    print_findings,
    refused,
)
from briefing.errors import BriefingError
from briefing.export.registry import expand
from briefing.uk.wording import plural

if TYPE_CHECKING:
    import argparse


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "build",
        help="build a pack into .docx and/or PDF",
        description="Check a pack file, then build it into a Word (.docx), PDF and/or web "
        "page (.html) briefing. Prints the paths written, then any warnings. A pack with "
        "errors (see briefing validate) is not built: nothing is written.",
    )
    p.add_argument("pack", type=Path, help="the pack file (.yaml)")
    p.add_argument(
        "-o", "--outdir", type=Path, help="folder for the output (default: beside the pack)"
    )
    add_format(p, "which files to write")
    add_pdf_engine(p, "how the PDF is made")
    p.add_argument(
        "--two-up",
        action="store_true",
        help='also write "TITLE (two-up).pdf": the A5 pages two to each A4 '
        "landscape sheet, for printing on A4 and cutting or folding (A5 packs only)",
    )
    p.add_argument(
        "--audience",
        action="append",
        metavar="NAME",
        help="build this audience's version (members, public, summary or one the "
        "pack names under audiences); repeat for several, or 'all' for every "
        "audience the pack names. Default: the full (members) version",
    )
    since = p.add_mutually_exclusive_group()
    since.add_argument(
        "--changes-since",
        type=int,
        metavar="N",
        help="include a 'Changes since version N' page after the contents: "
        "what was added, removed, moved and reworded since that issued version",
    )
    since.add_argument(
        "--supplement-since",
        type=int,
        metavar="N",
        help="build 'Supplement K to TITLE' instead: only the items new or "
        "changed since version N, numbered as in the full briefing, after the "
        "list of changes (files named 'TITLE - supplement K')",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="print only the paths written")
    p.set_defaults(run=_build)

    v = sub.add_parser(
        "validate",
        help="check a pack file before building it",
        description="Check a pack file without building it: the checks briefing build makes "
        "before it builds (briefing check adds those on the built files), printed as "
        "FILE:LINE:COLUMN: severity: message, as briefing check prints them. Exits with 1 when "
        "there are errors (a build would refuse the pack). Warnings are listed; advice is "
        "counted (briefing check lists it).",
    )
    v.add_argument("pack", type=Path, help="the pack file (.yaml)")
    add_format(
        v, "the files the pack will be built into (the PDF's fonts are checked only for a PDF)"
    )
    add_pdf_engine(v, "the PDF engine the pack will be built with (some checks depend on it)")
    v.set_defaults(run=_validate)


def _build(args: argparse.Namespace) -> int:
    from briefing.build import BuildRequest, ChecksFailed, build

    outdir = args.outdir or args.pack.resolve().parent
    request = BuildRequest.for_file(
        args.pack,
        formats=expand(args.format),
        audiences=tuple(args.audience or [None]),
        pdf_engine=args.pdf_engine,
        two_up=args.two_up,
        outdir=outdir,
        changes_since=args.changes_since,
        supplement_since=args.supplement_since,
    )
    request.refuse_what_cannot_be_made()
    request.versions()  # an unknown audience stops here, before the folder is made
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BriefingError(
            f"Cannot create the output folder {outdir}: {exc.strerror or exc}. "
            "Choose another folder with -o DIR."
        ) from exc

    def progress(done: int, total: int, message: str) -> None:
        if not args.quiet and done < total:
            print(f"[{done + 1}/{total}] {message}", file=sys.stderr)

    try:
        written = build(request, progress)
    except ChecksFailed as exc:  # before anything is written, for every version
        return refused(exc.findings, args.pack, "not built")
    for path in written:
        print(shown(path))
    print_findings(written.findings, ("warning",))
    for note in written.notes:
        print(note, file=sys.stderr)
    if not args.quiet and (pointer := advice_pointer(written.findings, args.pack)):
        print(pointer, file=sys.stderr)
    return 0


def _validate(args: argparse.Namespace) -> int:
    """The checks table on the pack, without building: errors stop it (exit status 1),
    warnings are listed, advice is counted (`briefing check` lists it)."""
    from briefing.build import BuildRequest, prepare
    from briefing.compose.counts import count_words

    request = BuildRequest.for_file(
        args.pack, formats=expand(args.format), pdf_engine=args.pdf_engine
    )
    checked = prepare(request)
    findings = checked.findings()
    if any(finding.severity == "error" for finding in findings):
        return refused(findings, args.pack, "not ready to build")
    print_findings(findings, ("warning",))
    pack = request.pack
    sections, items = len(pack.sections), len(pack.items())
    print(f"{args.pack}: OK ({plural(sections, 'section')}, {plural(items, 'item')})")
    if pack.budget.words:
        words = count_words(pack).words
        print(f"{args.pack}: {plural(words, 'word')} (budget {pack.budget.words:,})")
    if pack.budget.pages:
        print(
            f"{args.pack}: the budget of {plural(pack.budget.pages, 'page')} is checked "
            "when the pack is built (or by briefing check)"
        )
    if pointer := advice_pointer(findings, args.pack):
        print(pointer)
    return 0
