"""`briefing build` and `briefing validate`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.build import build_pack
from briefing.cli.common import shown
from briefing.cli.report import add_pdf_engine, advice_pointer, print_findings, refused
from briefing.errors import BriefingError
from briefing.export.registry import expand, format_choices
from briefing.model.pack import BUILT_IN_AUDIENCES
from briefing.uk import plural

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from briefing.checks.finding import Finding
    from briefing.model import Pack


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "build",
        help="build a pack into .docx and/or PDF",
        description="Check a pack file, then build it into a Word (.docx), PDF and/or web "
        "page (.html) briefing. Prints the paths written, then any warnings. A pack with "
        "errors (see briefing validate) is not built: nothing is written.",
    )
    p.add_argument("pack", type=Path, help="the pack file (.yaml)")
    p.add_argument("-o", "--outdir", type=Path, help="folder for the output (default: beside the pack)")
    p.add_argument("--format", choices=format_choices(), default="both",
                   help="which files to write (default: both = docx and pdf)")
    add_pdf_engine(p, "how the PDF is made")
    p.add_argument("--two-up", action="store_true",
                   help="also write \"TITLE (two-up).pdf\": the A5 pages two to each A4 "
                   "landscape sheet, for printing on A4 and cutting or folding (A5 packs only)")
    p.add_argument("--audience", action="append", metavar="NAME",
                   help="build this audience's version (members, public, summary or one the "
                   "pack names under audiences); repeat for several, or 'all' for every "
                   "audience the pack names. Default: the full (members) version")
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
    add_pdf_engine(v, "the PDF engine the pack will be built with (some checks depend on it)")
    v.set_defaults(run=_validate)


def _build(args: argparse.Namespace) -> int:
    from briefing.build import ChecksFailed
    from briefing.packfile import load_pack_at

    if args.two_up and args.format == "docx":
        raise BriefingError("--two-up makes a PDF, so it needs --format pdf or --format both "
                            "(not --format docx).")
    pack, positions = load_pack_at(args.pack)
    if args.two_up and pack.layout.paper != "A5":
        from briefing.export.two_up import NEEDS_A5

        raise BriefingError(f"{args.pack}: {NEEDS_A5} (this pack is {pack.layout.paper}).")
    outdir = args.outdir or args.pack.resolve().parent
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BriefingError(
            f"Cannot create the output folder {outdir}: {exc.strerror or exc}. "
            "Choose another folder with -o DIR."
        ) from exc
    formats = expand(args.format)

    def progress(done: int, total: int, message: str) -> None:
        if not args.quiet and done < total:
            print(f"[{done + 1}/{total}] {message}", file=sys.stderr)

    shown_findings: list[Finding] = []
    for audience in _audiences(pack, args.audience, args.pack):
        try:
            written = build_pack(pack, args.pack.resolve().parent, outdir, formats, progress,
                                 two_up=args.two_up, audience=audience,
                                 pack_name=args.pack.name, pdf_engine=args.pdf_engine,
                                 pack_path=args.pack, positions=positions)
        except ChecksFailed as exc:  # before anything is written, for every version
            return refused(exc.findings, args.pack, "not built")
        for path in written:
            print(shown(path))
        new = [f for f in written.findings if f not in shown_findings]
        print_findings(new, ("warning",))
        shown_findings += new
        _page_budget_note(pack, audience, formats)
    if not args.quiet and (pointer := advice_pointer(shown_findings, args.pack)):
        print(pointer, file=sys.stderr)
    return 0


def _audiences(pack: Pack, chosen: list[str] | None, pack_file: Path) -> list[str | None]:
    """The versions to build, in the pack's order; unknown names stop the build up front."""
    from briefing.compose.audience import audience_names, known_audience

    if not chosen:
        return [None]
    names: list[str] = []
    for name in chosen:
        for one in audience_names(pack) if name == "all" else [name]:
            if not known_audience(pack, one):
                offered = ", ".join(dict.fromkeys([*pack.audiences, *BUILT_IN_AUDIENCES]))
                raise BriefingError(f'{pack_file}: no audience "{one}": use one of {offered}, '
                                    "or all")
            if one not in names:
                names.append(one)
    return list(names)


def _page_budget_note(pack: Pack, audience: str | None, formats: Sequence[str]) -> None:
    """Say so when a version has a page budget but no PDF was built to count its pages."""
    from briefing.compose.audience import for_audience

    if "pdf" not in formats and for_audience(pack, audience).pack.budget.pages:
        prefix = f"{audience}: " if audience else ""
        print(f"{prefix}note: the page budget is checked on the PDF; build with --format pdf "
              "or both to check it", file=sys.stderr)


def _validate(args: argparse.Namespace) -> int:
    """The checks table on the pack, without building: errors stop it (exit status 1),
    warnings are listed, advice is counted (`briefing check` lists it)."""
    from briefing.build import pack_findings
    from briefing.compose.counts import count_words
    from briefing.packfile import load_pack_at

    pack, positions = load_pack_at(args.pack)
    findings = pack_findings(pack, args.pack.resolve().parent, pack_path=args.pack,
                             positions=positions, pdf_engine=args.pdf_engine)
    if any(finding.severity == "error" for finding in findings):
        return refused(findings, args.pack, "not ready to build")
    print_findings(findings, ("warning",))
    sections, items = len(pack.sections), len(pack.items())
    print(f"{args.pack}: OK ({plural(sections, 'section')}, {plural(items, 'item')})")
    if pack.budget.words:
        words = count_words(pack).words
        print(f"{args.pack}: {plural(words, 'word')} (budget {pack.budget.words:,})")
    if pack.budget.pages:
        print(f"{args.pack}: the budget of {plural(pack.budget.pages, 'page')} is checked "
              "when the pack is built (or by briefing check)")
    if pointer := advice_pointer(findings, args.pack):
        print(pointer)
    return 0
