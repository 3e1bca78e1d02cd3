"""`briefing issue`, `briefing history` and `briefing compare`: issued versions of a pack and
what changed between them."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.cli.common import print_json, shown
from briefing.cli.report import add_pdf_engine, refused
from briefing.errors import BriefingError
from briefing.export.registry import expand, format_choices
from briefing.history.changes import CURRENT, REDLINE_FORMATS

if TYPE_CHECKING:
    import argparse

    from briefing.history.record import VersionRecord
    from briefing.history.store import History
    from briefing.model import Pack


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "issue",
        help="issue the pack as its next version, and build its files",
        description="Freeze the pack as it stands as its next version (1, 2, 3 …) in the "
        "history folder beside it (PACK.history), with the date, the officer and a note, and "
        "build the version's files. A pack with errors is not issued. A pack unchanged since "
        "its last version is not issued again.",
    )
    p.add_argument("pack", type=Path, help="the pack file (.yaml)")
    p.add_argument("--note", default="", help="what this version is for or what changed")
    p.add_argument(
        "--officer",
        default="",
        help="who is issuing it (default: the pack's contact, else who prepared it)",
    )
    p.add_argument(
        "-o",
        "--outdir",
        type=Path,
        help="folder for the version's files (default: beside the pack)",
    )
    p.add_argument(
        "--format",
        choices=format_choices(),
        default="both",
        help="which files to build (default: both = docx and pdf; all adds html)",
    )
    p.add_argument(
        "--audience",
        action="append",
        metavar="NAME",
        help="build this audience's version too (repeat, or 'all'); default: members",
    )
    p.add_argument(
        "--changes-since",
        type=int,
        metavar="N",
        help="include a 'Changes since version N' page in the version's files",
    )
    add_pdf_engine(p, "how the PDF is made")
    p.set_defaults(run=_issue)

    h = sub.add_parser(
        "history",
        help="list a pack's issued versions, or build one again",
        description="List the versions of a pack issued so far, with date, officer and note. "
        "With --rebuild N, build version N again from its history (not from the pack as it is "
        "now) and check each file is byte for byte the file issued.",
    )
    h.add_argument("pack", type=Path, help="the pack file (.yaml)")
    h.add_argument("--json", action="store_true", help="print the versions as JSON")
    h.add_argument("--rebuild", type=int, metavar="N", help="build version N again")
    h.add_argument(
        "-o",
        "--outdir",
        type=Path,
        help="folder for the rebuilt files (default: a 'version N' folder beside the pack)",
    )
    h.set_defaults(run=_history)

    c = sub.add_parser(
        "compare",
        help="what changed between two versions of a pack",
        description="List the sections and items added, removed and moved, and the words "
        "changed in titles, summaries, implications, quotes and questions, between two "
        "issued versions or between a version and the pack as it is now. A version that "
        "withholds exempt items (--audience public) never shows them, even as removed.",
    )
    c.add_argument("pack", type=Path, help="the pack file (.yaml)")
    c.add_argument(
        "--from",
        dest="old",
        type=int,
        metavar="N",
        help="the earlier version (default: the last one issued)",
    )
    c.add_argument(
        "--to",
        dest="new",
        default=CURRENT,
        metavar="M|current",
        help="the later version, or 'current' for the pack file as it is now (default)",
    )
    c.add_argument(
        "--audience",
        metavar="NAME",
        help="compare this audience's version (e.g. public): only what it prints",
    )
    c.add_argument("--json", action="store_true", help="print the changes as JSON")
    c.add_argument(
        "-o",
        "--outdir",
        type=Path,
        help="write the redline into this folder instead of listing the changes: "
        "'TITLE - changes since version N.docx' with tracked changes (Word's "
        "Review pane steps through them) and the same as a web page (.html)",
    )
    c.add_argument(
        "--format",
        choices=format_choices(),
        help="the redline's formats with -o (default: docx and html)",
    )
    add_pdf_engine(c, "how a redline PDF is made (--format pdf)")
    c.set_defaults(run=_compare)


def _issue(args: argparse.Namespace) -> int:
    from briefing.build import ChecksFailed
    from briefing.history.issue import issue_version, issued_text
    from briefing.packfile import load_pack

    audiences = _audience_names(load_pack(args.pack), args.audience, args.pack)
    try:
        issued = issue_version(
            args.pack,
            note=args.note,
            officer=args.officer,
            outdir=args.outdir,
            formats=expand(args.format),
            audiences=audiences,
            pdf_engine=args.pdf_engine,
            changes_since=args.changes_since,
        )
    except ChecksFailed as exc:
        return refused(exc.findings, args.pack, "not issued")
    if not issued.new:
        print(
            f"{args.pack}: nothing has changed since {issued_text(issued.record, 'version')}; "
            "no new version was issued."
        )
        return 0
    for path in issued.files:
        print(shown(path))
    print(f"{args.pack}: {issued_text(issued.record)}.", file=sys.stderr)
    return 0


def _audience_names(pack: Pack, chosen: list[str] | None, pack_file: Path) -> list[str]:
    from briefing.model.versions import audience_names, known_audience

    names: list[str] = []
    for name in chosen or ["members"]:
        for one in audience_names(pack) if name == "all" else [name]:
            if not known_audience(pack, one):
                raise BriefingError(f'{pack_file}: no audience "{one}"')
            if one not in names:
                names.append(one)
    return names


def _history(args: argparse.Namespace) -> int:
    from briefing.history.store import History

    history = History(args.pack)
    if args.rebuild is not None:
        return _rebuild(args, history)
    records = history.records()
    if args.json:
        print_json([_record_data(r) for r in records])
        return 0
    if not records:
        print(
            f"{args.pack}: no versions issued yet (briefing issue {shown(args.pack)} issues "
            "version 1)."
        )
        return 0
    from briefing.history.issue import issued_text

    for record in records:
        print(issued_text(record))
    stamp = history.stamp(_current(args.pack), args.pack.resolve().parent)
    if stamp is not None and stamp.draft:
        print(
            f"The pack has changed since version {stamp.number}: builds say "
            f'"{stamp}" until the next version is issued.'
        )
    return 0


def _record_data(record: VersionRecord) -> dict[str, Any]:
    return {
        "version": record.number,
        "issued": record.issued.isoformat(),
        "officer": record.officer,
        "note": record.note,
        "pack": record.pack_file,
        "files": dict(record.built.files),
    }


def _rebuild(args: argparse.Namespace, history: History) -> int:
    from briefing.history.issue import rebuild_version

    history.record(args.rebuild)  # says which versions there are when there is no such one
    outdir = args.outdir or args.pack.resolve().parent / f"version {args.rebuild}"
    outdir.mkdir(parents=True, exist_ok=True)
    rebuilt = rebuild_version(args.pack, args.rebuild, outdir)
    for path, same in rebuilt.files:
        verdict = {
            True: "identical to the file issued",
            False: "DIFFERENT from the file issued",
            None: "no fingerprint was kept for it",
        }[same]
        print(f"{shown(path)}: {verdict}")
    if rebuilt.identical:
        return 0
    made_by = rebuilt.record.software
    print(
        f"Version {args.rebuild} was issued with Briefing {made_by}: a different release "
        "may lay pages out differently."
        if made_by
        else "",
        file=sys.stderr,
    )
    return 1


def _current(pack_path: Path) -> Pack:
    from briefing.packfile import load_pack

    return load_pack(pack_path)


def _compare(args: argparse.Namespace) -> int:
    from briefing.compare.report import as_data, as_text
    from briefing.history.changes import compare_versions, write_redlines

    compared = compare_versions(args.pack, args.old, args.new, args.audience)
    if args.outdir is not None:
        formats = expand(args.format) if args.format else REDLINE_FORMATS
        for path in write_redlines(compared, args.outdir, formats, pdf_engine=args.pdf_engine):
            print(shown(path))
        return 0
    if args.json:
        print_json(
            {"pack": str(args.pack), "from": compared.since.number, "to": compared.new_key}
            | as_data(compared.changes)
        )
        return 0
    sys.stdout.write(as_text(compared.changes, compared.heading))
    return 0
