"""`briefing import`: read files and folders, preview the split (--dry-run) or add to the library."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from briefing.cli.common import print_json, print_table, shown
from briefing.errors import BriefingError
from briefing.library.importers import folder_files
from briefing.uk.wording import plural

if TYPE_CHECKING:
    import argparse
    from pathlib import Path

    from briefing.library import Library


def _files(paths: list[Path]) -> tuple[list[Path], list[str]]:
    files: list[Path] = []
    missing: list[str] = []
    for path in paths:
        if path.is_dir():
            found, skipped = folder_files(path)
            missing.extend(skipped)
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            missing.append(f"{path}: no such file or folder")
    return files, missing


def run_import(args: argparse.Namespace, lib: Library) -> int:
    from briefing.library.importers import import_path

    files, failed = _files(args.paths)
    drafts_by_file = []
    for path in files:
        try:
            drafts = import_path(path)
        except BriefingError as exc:
            message = str(exc)
            failed.append(
                message if str(path) in message or path.name in message else f"{path}: {message}"
            )
            continue
        except OSError as exc:
            failed.append(f"{path}: cannot be read ({exc.strerror or exc})")
            continue
        if not drafts:
            failed.append(f"{path}: no article text found")
            continue
        drafts_by_file.append((path, drafts))

    if args.dry_run:
        return _preview(args, drafts_by_file, failed)

    all_drafts = [d for _, drafts in drafts_by_file for d in drafts]
    report = lib.add_drafts(all_drafts, themes=args.theme)
    if args.json:
        print_json(
            {
                "added": [
                    {
                        "id": a.id,
                        "title": a.title,
                        "title_proposed": a.title_proposed,
                        "file": a.imported_file,
                    }
                    for a in report.added
                ],
                "skipped": [
                    {
                        "title": s.title,
                        "existing_id": s.existing_id,
                        "reason": s.reason,
                        "file": s.source_file,
                    }
                    for s in report.skipped
                ],
                "failed": failed,
            }
        )
    else:
        print(f"Added {plural(len(report.added), 'article')} to {lib.root}")
        print_table(
            [
                [
                    "  +",
                    a.id,
                    f"{a.title} (title proposed: check it)" if a.title_proposed else a.title,
                ]
                for a in report.added
            ]
        )
        if report.skipped:
            print(f"Skipped {len(report.skipped)} already in the library:")
            print_table(
                [["  =", s.title, f"({s.reason} as {s.existing_id})"] for s in report.skipped]
            )
    for line in failed:
        print(f"Not imported: {line}", file=sys.stderr)
    return 1 if failed else 0


def _preview(
    args: argparse.Namespace, drafts_by_file: list[tuple[Path, list[Any]]], failed: list[str]
) -> int:
    if args.json:
        print_json(
            {
                "files": [
                    {
                        "file": str(path),
                        "articles": [
                            {
                                "title": d.title,
                                "title_proposed": d.title_was_proposed,
                                "standfirst": d.standfirst,
                                "authors": d.authors,
                                "flags": d.flags,
                                "start_line": d.start_line,
                                "first_words": _first_words(d.body),
                                "url": d.url,
                                "doi": d.doi,
                                "published": d.published.isoformat() if d.published else None,
                            }
                            for d in drafts
                        ],
                    }
                    for path, drafts in drafts_by_file
                ],
                "failed": failed,
            }
        )
    else:
        for path, drafts in drafts_by_file:
            print(f"{shown(path)}: {plural(len(drafts), 'article')}")
            for n, d in enumerate(drafts, 1):
                print(f"  {n}. {d.title}")
                print(f"     authors: {', '.join(d.authors) or '(none found)'}")
                print(f"     starts at line {d.start_line}: {_first_words(d.body)}")
                for flag in d.flags:
                    print(f"     ! {flag}")
        print("Dry run: nothing was saved.")
    for line in failed:
        print(f"Not imported: {line}", file=sys.stderr)
    return 1 if failed else 0


def _first_words(text: str, n: int = 12) -> str:
    words = text.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")
