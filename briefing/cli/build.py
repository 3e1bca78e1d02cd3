"""`briefing build` and `briefing validate`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.build import build_pack, pdf_page_count
from briefing.cli.common import shown
from briefing.errors import BriefingError
from briefing.export.registry import DEFAULT_PDF_ENGINE, PDF_ENGINES, expand, format_choices
from briefing.model.pack import BUILT_IN_AUDIENCES
from briefing.uk import plural

if TYPE_CHECKING:
    import argparse

    from briefing.model import Pack


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "build",
        help="build a pack into .docx and/or PDF",
        description="Build a pack file into a Word (.docx) and/or PDF briefing. "
        "Prints the paths written.",
    )
    p.add_argument("pack", type=Path, help="the pack file (.yaml)")
    p.add_argument("-o", "--outdir", type=Path, help="folder for the output (default: beside the pack)")
    p.add_argument("--format", choices=format_choices(), default="both",
                   help="which files to write (default: both = docx and pdf)")
    p.add_argument("--pdf-engine", choices=list(PDF_ENGINES), default=DEFAULT_PDF_ENGINE,
                   help="how the PDF is made: typst (default) writes a tagged, accessible "
                   "PDF/UA-1 and PDF/A-2a file; reportlab writes an untagged PDF")
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
        help="check a pack file and report every problem",
        description="Check a pack file; prints FILE:LINE:COLUMN: message for each problem.",
    )
    v.add_argument("pack", type=Path)
    v.set_defaults(run=_validate)


def _build(args: argparse.Namespace) -> int:
    from briefing.packfile import load_pack

    if args.two_up and args.format == "docx":
        raise BriefingError("--two-up makes a PDF, so it needs --format pdf or --format both "
                            "(not --format docx).")
    pack = load_pack(args.pack)
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

    for audience in _audiences(pack, args.audience, args.pack):
        written = build_pack(pack, args.pack.resolve().parent, outdir, formats, progress,
                             two_up=args.two_up, audience=audience, pack_name=args.pack.name,
                             pdf_engine=args.pdf_engine)
        for path in written:
            print(shown(path))
        _warn_budget(pack, audience, written)
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


def _warn_budget(pack: Pack, audience: str | None, written: list[Path]) -> None:
    """Over budget is a warning, not a failure: the files are written and the exit code is 0.
    Each version is held to its own budget (a summary's 2 pages, say)."""
    from briefing.compose.audience import for_audience
    from briefing.compose.checks import check_budget

    version = for_audience(pack, audience).pack
    pdf = next((path for path in written if path.suffix == ".pdf"), None)
    pages = pdf_page_count(pdf) if pdf is not None and version.budget.pages else None
    prefix = f"{audience}: " if audience else ""
    for finding in check_budget(version, pages):
        print(prefix + str(finding), file=sys.stderr)
    if version.budget.pages and pdf is None:
        print(f"{prefix}note: the page budget is checked on the PDF; build with --format pdf "
              "or both to check it", file=sys.stderr)


def _validate(args: argparse.Namespace) -> int:
    from briefing.compose.checks import check_word_budget
    from briefing.compose.counts import count_words
    from briefing.layout_files import layout_problems
    from briefing.packfile import load_pack

    pack = load_pack(args.pack)
    # The loader checks only that the logo and template exist; a build would stop on one that
    # is not really a picture or a Word document, so validate looks inside them too.
    unusable = layout_problems(pack, args.pack.resolve().parent)
    if unusable:
        raise BriefingError("\n".join(f"{args.pack}: {problem}" for problem in unusable))
    sections, items = len(pack.sections), len(pack.items())
    print(f"{args.pack}: OK ({plural(sections, 'section')}, {plural(items, 'item')})")
    if pack.budget.words:
        words = count_words(pack).words
        print(f"{args.pack}: {plural(words, 'word')} (budget {pack.budget.words:,})")
        for finding in check_word_budget(pack):
            print(str(finding), file=sys.stderr)
    if pack.budget.pages:
        print(f"{args.pack}: the budget of {plural(pack.budget.pages, 'page')} is checked "
              "when the pack is built")
    return 0

