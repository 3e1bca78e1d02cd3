"""Library commands: `briefing import`, `library`, `search`, `theme` and `pack new`.

Each prints plain aligned text, or JSON with --json, and exits non-zero on failure. They use the
same Library service as the desktop app.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from briefing.errors import BriefingError
from briefing.uk import plural, uk_date

SUPPORTED = (".txt", ".md", ".markdown", ".docx", ".html", ".htm", ".pdf")


def register(sub: argparse._SubParsersAction) -> None:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--library", type=Path, metavar="DIR",
        help="the library folder (default: $BRIEFING_LIBRARY, else your data folder)",
    )
    as_json = argparse.ArgumentParser(add_help=False)
    as_json.add_argument("--json", action="store_true", help="print JSON instead of text")

    p = sub.add_parser(
        "import", parents=[common, as_json], help="import articles into the library",
        description="Import .txt, .md, .docx, .html and .pdf files (folders are searched for "
        "them). A file holding several articles is split. Duplicates are skipped.",
    )
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--dry-run", action="store_true",
                   help="show how the files split into articles; save nothing")
    p.add_argument("--theme", action="append", default=[], metavar="ID",
                   help="give every imported article this theme (repeatable)")
    p.set_defaults(run=_safe(_import))

    lib = sub.add_parser("library", help="list and show library articles",
                         description="List or show the articles in the library.")
    lsub = lib.add_subparsers(dest="library_command", metavar="COMMAND", required=True)
    ls = lsub.add_parser("list", parents=[common, as_json], help="list articles, newest first")
    ls.add_argument("--theme", metavar="ID", help="only articles with this theme")
    ls.set_defaults(run=_safe(_list))
    show = lsub.add_parser("show", parents=[common, as_json], help="show one article")
    show.add_argument("id", metavar="ID")
    show.set_defaults(run=_safe(_show))

    s = sub.add_parser(
        "search", parents=[common, as_json], help="search the library",
        description="Ranked full-text search over titles, authors, sources and text. "
        "The last word matches as a prefix (\"councill\" finds \"councillors\").",
    )
    s.add_argument("query", metavar="QUERY", help='words to find; "" lists everything')
    s.add_argument("--theme", metavar="ID")
    s.add_argument("--source", metavar="S", help="source contains S")
    s.add_argument("--author", metavar="A", help="an author's name contains A")
    s.add_argument("--from", dest="date_from", type=_iso_date, metavar="YYYY-MM-DD")
    s.add_argument("--to", dest="date_to", type=_iso_date, metavar="YYYY-MM-DD")
    s.add_argument("--limit", type=int, default=50)
    s.set_defaults(run=_safe(_search))

    t = sub.add_parser("theme", help="create, rename, merge, delete and assign themes",
                       description="Manage the library's themes.")
    tsub = t.add_subparsers(dest="theme_command", metavar="COMMAND", required=True)
    tl = tsub.add_parser("list", parents=[common, as_json], help="list themes")
    tl.set_defaults(run=_safe(_theme_list))
    ta = tsub.add_parser("add", parents=[common, as_json], help="add a theme")
    ta.add_argument("label", metavar="LABEL")
    ta.add_argument("--colour", "--color", default="", metavar="#RRGGBB")
    ta.set_defaults(run=_safe(_theme_add))
    tr = tsub.add_parser("rename", parents=[common], help="give a theme a new label")
    tr.add_argument("id", metavar="ID")
    tr.add_argument("label", metavar="LABEL")
    tr.set_defaults(run=_safe(lambda a, lib: _done(lib.rename_theme(a.id, a.label),
                                                   f"Renamed {a.id} to '{a.label}'.")))
    tc = tsub.add_parser("colour", aliases=["color"], parents=[common], help="recolour a theme")
    tc.add_argument("id", metavar="ID")
    tc.add_argument("colour", metavar="#RRGGBB")
    tc.set_defaults(run=_safe(lambda a, lib: _done(lib.recolour_theme(a.id, a.colour),
                                                   f"{a.id} is now {a.colour.upper()}.")))
    tm = tsub.add_parser("merge", parents=[common], help="merge themes into one")
    tm.add_argument("sources", nargs="+", metavar="SOURCE")
    tm.add_argument("--into", required=True, metavar="ID")
    tm.set_defaults(run=_safe(lambda a, lib: _done(
        lib.merge_themes(a.sources, a.into), f"Merged {', '.join(a.sources)} into {a.into}.")))
    td = tsub.add_parser("delete", parents=[common], help="delete a theme (articles stay)")
    td.add_argument("id", metavar="ID")
    td.set_defaults(run=_safe(lambda a, lib: _done(lib.delete_theme(a.id),
                                                   f"Deleted theme {a.id}.")))
    for name, add in (("assign", True), ("unassign", False)):
        tx = tsub.add_parser(name, parents=[common],
                             help=f"{'give' if add else 'take'} a theme to articles")
        tx.add_argument("id", metavar="ID")
        tx.add_argument("articles", nargs="+", metavar="ARTICLE")
        tx.set_defaults(run=_safe(functools.partial(_theme_assign, add=add)))

    pk = sub.add_parser("pack", help="make a new pack from the library",
                        description="Make pack files from the library.")
    psub = pk.add_subparsers(dest="pack_command", metavar="COMMAND", required=True)
    pn = psub.add_parser(
        "new", parents=[common], help="a new pack from themes and/or articles",
        description="Write a new pack file: one section per theme (in the order given), "
        "articles chosen by id in a section 'Articles'. Summaries are left for you to write.",
    )
    pn.add_argument("--title", required=True)
    pn.add_argument("--theme", action="append", default=[], metavar="ID")
    pn.add_argument("--article", action="append", default=[], metavar="ID")
    pn.add_argument("-o", "--output", type=Path, required=True, metavar="PACK.yaml")
    pn.add_argument("--force", action="store_true", help="replace an existing pack file")
    pn.set_defaults(run=_safe(_pack_new))


# -- plumbing -------------------------------------------------------------------------------------


def _safe(command: Callable[[argparse.Namespace, Any], int | None]) -> Callable[..., int]:
    """Open the library, run the command, and turn file-system errors into plain messages."""

    def run(args: argparse.Namespace) -> int:
        from briefing.library import Library

        try:
            return int(command(args, Library(args.library)) or 0)
        except BrokenPipeError:
            # The reader went away (`… | head`): nothing more to say.
            sys.stderr.close()
            return 0
        except OSError as exc:
            where = f" ({exc.filename})" if exc.filename else ""
            raise BriefingError(f"Cannot use the library{where}: {exc.strerror or exc}.") from exc

    return run


def _done(_: object, message: str) -> int:
    print(message)
    return 0


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date: write it as 2025-11-04") from None


def _print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def _table(rows: list[list[str]]) -> None:
    if not rows:
        return
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [c.ljust(w) for c, w in zip(row, widths, strict=False)] + [row[-1]]
        print("  ".join(cells).rstrip())


def _warn_problems(lib: Any) -> None:
    for line in lib.problems():
        print(line, file=sys.stderr)


def _article_json(a: Any) -> dict[str, Any]:
    return {
        "id": a.id, "title": a.title, "authors": a.authors, "source": a.source,
        "published": a.published.isoformat() if a.published else None,
        "url": a.url, "doi": a.doi, "reference": a.reference, "themes": a.themes,
    }


# -- import ---------------------------------------------------------------------------------------


def _files(paths: list[Path]) -> tuple[list[Path], list[str]]:
    files: list[Path] = []
    missing: list[str] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUPPORTED
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                missing.append(f"{path}: no .txt, .md, .docx, .html or .pdf files in this folder")
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            missing.append(f"{path}: no such file or folder")
    return files, missing


def _import(args: argparse.Namespace, lib: Any) -> int:
    from briefing.library.importers import import_path

    files, failed = _files(args.paths)
    drafts_by_file = []
    for path in files:
        try:
            drafts = import_path(path)
        except BriefingError as exc:
            message = str(exc)
            failed.append(message if str(path) in message or path.name in message
                          else f"{path}: {message}")
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
        _print_json({
            "added": [{"id": a.id, "title": a.title, "file": a.imported_file}
                      for a in report.added],
            "skipped": [{"title": s.title, "existing_id": s.existing_id, "reason": s.reason,
                         "file": s.source_file} for s in report.skipped],
            "failed": failed,
        })
    else:
        print(f"Added {len(report.added)} article{'s' if len(report.added) != 1 else ''} "
              f"to {lib.root}")
        _table([["  +", a.id, a.title] for a in report.added])
        if report.skipped:
            print(f"Skipped {len(report.skipped)} already in the library:")
            _table([["  =", s.title, f"({s.reason} as {s.existing_id})"]
                    for s in report.skipped])
    for line in failed:
        print(f"Not imported: {line}", file=sys.stderr)
    return 1 if failed else 0


def _preview(args: argparse.Namespace, drafts_by_file: list[tuple[Path, list[Any]]],
             failed: list[str]) -> int:
    if args.json:
        _print_json({
            "files": [
                {"file": str(path), "articles": [
                    {"title": d.title, "authors": d.authors, "flags": d.flags,
                     "start_line": d.start_line, "first_words": _first_words(d.body),
                     "url": d.url, "doi": d.doi,
                     "published": d.published.isoformat() if d.published else None}
                    for d in drafts]}
                for path, drafts in drafts_by_file
            ],
            "failed": failed,
        })
    else:
        for path, drafts in drafts_by_file:
            print(f"{path}: {len(drafts)} article{'s' if len(drafts) != 1 else ''}")
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


# -- library list / show, search ------------------------------------------------------------------


def _list(args: argparse.Namespace, lib: Any) -> int:
    articles = lib.articles()
    if args.theme:
        if args.theme not in lib.themes():
            raise BriefingError(f"No theme '{args.theme}'. 'briefing theme list' shows them.")
        articles = [a for a in articles if args.theme in a.themes]
    if args.json:
        _print_json([_article_json(a) for a in articles])
    else:
        _table([[a.id, uk_date(a.published) or "-", a.title, ", ".join(a.authors)]
                for a in articles])
        print(f"{len(articles)} article{'s' if len(articles) != 1 else ''} in {lib.root}")
    _warn_problems(lib)
    return 0


def _show(args: argparse.Namespace, lib: Any) -> int:
    a = lib.get(args.id)
    if args.json:
        data = _article_json(a)
        fa = a.first_appeared
        data.update({
            "bio": a.bio, "picture_credit": a.picture_credit, "body": a.body,
            "first_appeared": None if fa is None else {
                "publication": fa.publication, "url": fa.url, "title": fa.title,
                "date": fa.date.isoformat() if fa.date else None},
            "file": str(a.path),
        })
        _print_json(data)
        return 0
    rows = [["Title", a.title], ["Authors", ", ".join(a.authors)], ["Source", a.source],
            ["Published", uk_date(a.published)], ["URL", a.url], ["DOI", a.doi],
            ["Reference", a.reference], ["Themes", ", ".join(a.themes)],
            ["Picture", a.picture_credit], ["File", str(a.path)]]
    if a.first_appeared:
        fa = a.first_appeared
        rows.append(["First in", " ".join(x for x in (fa.publication, uk_date(fa.date), fa.url)
                                         if x)])
    _table([[k + ":", v] for k, v in rows if v])
    print()
    print(a.body)
    if a.bio:
        print()
        print(a.bio)
    return 0


def _search(args: argparse.Namespace, lib: Any) -> int:
    hits = lib.search(args.query, theme=args.theme, source=args.source, author=args.author,
                      date_from=args.date_from, date_to=args.date_to, limit=args.limit)
    if args.json:
        _print_json([{
            "id": h.id, "title": h.title, "authors": h.authors, "source": h.source,
            "published": h.published.isoformat() if h.published else None,
            "themes": h.themes, "snippet": h.snippet} for h in hits])
        return 0
    for n, h in enumerate(hits, 1):
        print(f"{n:>3}. {h.title}  [{h.id}]")
        details = "; ".join(x for x in (", ".join(h.authors), h.source, uk_date(h.published)) if x)
        if details:
            print(f"     {details}")
        if h.snippet:
            print(f"     {h.snippet}")
    print(f"{len(hits)} found" if hits else "Nothing found.")
    return 0


# -- themes ---------------------------------------------------------------------------------------


def _theme_list(args: argparse.Namespace, lib: Any) -> int:
    themes = lib.themes()
    counts: dict[str, int] = {}
    for a in lib.articles():
        for t in a.themes:
            counts[t] = counts.get(t, 0) + 1
    if args.json:
        _print_json([{"id": t.id, "label": t.label, "colour": t.colour,
                      "articles": counts.get(t.id, 0)} for t in themes.values()])
    else:
        _table([[t.id, t.colour or "-", plural(counts.get(t.id, 0), "article"), t.label]
                for t in themes.values()])
        if not themes:
            print("No themes yet: add one with 'briefing theme add LABEL'.")
    _warn_problems(lib)
    return 0


def _theme_add(args: argparse.Namespace, lib: Any) -> int:
    tid = lib.add_theme(args.label, args.colour)
    if args.json:
        _print_json({"id": tid, "label": lib.themes()[tid].label,
                     "colour": lib.themes()[tid].colour})
    else:
        print(f"Added theme {tid}: {lib.themes()[tid].label}")
    return 0


def _theme_assign(args: argparse.Namespace, lib: Any, *, add: bool) -> int:
    if add:
        lib.assign(args.articles, args.id)
    else:
        lib.unassign(args.articles, args.id)
    count = len(args.articles)
    word = "article" if count == 1 else "articles"
    print(f"{'Gave' if add else 'Took'} theme {args.id} {'to' if add else 'from'} {count} {word}.")
    return 0


# -- pack new -------------------------------------------------------------------------------------


def _pack_new(args: argparse.Namespace, lib: Any) -> int:
    from briefing.library.to_pack import new_pack
    from briefing.packfile import save_pack

    if args.output.exists() and not args.force:
        raise BriefingError(
            f"{args.output} already exists. Choose another name, or add --force to replace it."
        )
    pack = new_pack(lib, args.title, theme_ids=args.theme, article_ids=args.article)
    save_pack(pack, args.output, keep_comments=False)  # a new pack owes nothing to the old file
    items = len(pack.items())
    print(f"Wrote {args.output}: {len(pack.sections)} section"
          f"{'s' if len(pack.sections) != 1 else ''}, {items} item{'s' if items != 1 else ''}.")
    empty = [t for t in args.theme if not any(s.theme == t for s in pack.sections)]
    if empty:
        print(f"No articles yet for theme {', '.join(empty)}: no section made.", file=sys.stderr)
    print("Next: write a summary and implications for each item, then 'briefing build'.")
    return 0
