"""Library commands: `briefing import`, `library`, `search`, `theme` and `pack new`.

Each prints plain aligned text, or JSON with --json, and exits non-zero on failure. They use the
same Library service as the desktop app.
"""

from __future__ import annotations

import argparse
import functools
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.cli.common import library_command, print_json, print_table, warn_problems
from briefing.cli.importing import run_import
from briefing.errors import BriefingError
from briefing.library.records import listed_title
from briefing.uk.dates import uk_date
from briefing.uk.wording import plural

if TYPE_CHECKING:
    from briefing.library import Library
    from briefing.library.article_file import LibraryArticle
    from briefing.library.index import Listed, SearchHit


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--library",
        type=Path,
        metavar="DIR",
        help="the library folder (default: $BRIEFING_LIBRARY, else your data folder)",
    )
    as_json = argparse.ArgumentParser(add_help=False)
    as_json.add_argument("--json", action="store_true", help="print JSON instead of text")

    p = sub.add_parser(
        "import",
        parents=[common, as_json],
        help="import articles into the library",
        description="Import .txt, .md, .docx, .odt, .html, .mhtml, .eml and .pdf files (folders "
        "are searched for them). A file holding several articles is split. Duplicates are skipped.",
    )
    p.add_argument(
        "paths", nargs="+", type=Path, metavar="PATH", help="files and folders to import"
    )
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="show how the files split into articles; save nothing",
    )
    p.add_argument(
        "--theme",
        action="append",
        default=[],
        metavar="ID",
        help="give every imported article this theme (repeatable)",
    )
    p.set_defaults(run=library_command(run_import))

    lib = sub.add_parser(
        "library",
        help="list and show library articles and unreadable files",
        description="List or show the articles in the library, or list the "
        "library files that cannot be read.",
    )
    lsub = lib.add_subparsers(dest="library_command", metavar="COMMAND", required=True)
    ls = lsub.add_parser(
        "list",
        parents=[common, as_json],
        help="list articles, newest first",
        description="List the library's articles, newest first (proposed titles "
        "say so), then any files that cannot be read.",
    )
    ls.add_argument("--theme", metavar="ID", help="only articles with this theme")
    ls.set_defaults(run=library_command(_list))
    lp = lsub.add_parser(
        "problems",
        parents=[common, as_json],
        help="list library files that cannot be read",
        description="List the files in the library that cannot be read, each with the reason "
        "(they are left out of lists and searches until fixed). Exits 1 when there are any.",
    )
    lp.set_defaults(run=library_command(_problems))
    show = lsub.add_parser(
        "show",
        parents=[common, as_json],
        help="show one article",
        description="Show one article's details and text.",
    )
    show.add_argument("id", metavar="ID", help="the article's id (see briefing library list)")
    show.set_defaults(run=library_command(_show))

    s = sub.add_parser(
        "search",
        parents=[common, as_json],
        help="search the library",
        description="Ranked full-text search over titles, authors, sources and text. Articles "
        'with the words as typed come first, then those with other forms of them ("merger" '
        'finds "merged") or where the last word, from three letters on, begins a longer one '
        '("councill" finds "councillors"). When nothing is found, the library\'s '
        'own spelling is offered ("councilor": did you mean "councillor"?).',
    )
    s.add_argument("query", metavar="QUERY", help='words to find; "" lists everything')
    s.add_argument("--theme", metavar="ID", help="only articles with this theme")
    s.add_argument("--source", metavar="S", help="source contains S")
    s.add_argument("--author", metavar="A", help="an author's name contains A")
    s.add_argument(
        "--from",
        dest="date_from",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="only articles published on or after this date",
    )
    s.add_argument(
        "--to",
        dest="date_to",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="only articles published on or before this date",
    )
    s.add_argument(
        "--limit", type=int, default=50, metavar="N", help="most articles to list (default 50)"
    )
    s.set_defaults(run=library_command(_search))

    t = sub.add_parser(
        "theme",
        help="create, rename, merge, delete and assign themes",
        description="Manage the library's themes.",
    )
    tsub = t.add_subparsers(dest="theme_command", metavar="COMMAND", required=True)
    tl = tsub.add_parser("list", parents=[common, as_json], help="list themes")
    tl.set_defaults(run=library_command(_theme_list))
    ta = tsub.add_parser("add", parents=[common, as_json], help="add a theme")
    ta.add_argument(
        "label",
        metavar="LABEL",
        help="the theme's name as printed; its id is made "
        'from it ("AI and technology" becomes ai-and-technology)',
    )
    ta.add_argument(
        "--colour",
        "--color",
        default="",
        metavar="#RRGGBB",
        help='the theme\'s colour, e.g. "#1D70B8" (default: one of the house colours)',
    )
    ta.set_defaults(run=library_command(_theme_add))
    tr = tsub.add_parser("rename", parents=[common], help="give a theme a new label")
    tr.add_argument("id", metavar="ID", help="the theme's id (see briefing theme list)")
    tr.add_argument("label", metavar="LABEL", help="its new label (the id stays)")
    tr.set_defaults(run=library_command(_theme_rename))
    tc = tsub.add_parser("colour", aliases=["color"], parents=[common], help="recolour a theme")
    tc.add_argument("id", metavar="ID", help="the theme's id (see briefing theme list)")
    tc.add_argument("colour", metavar="#RRGGBB", help='its new colour, e.g. "#00703C"')
    tc.set_defaults(run=library_command(_theme_recolour))
    tm = tsub.add_parser("merge", parents=[common], help="merge themes into one")
    tm.add_argument(
        "sources",
        nargs="+",
        metavar="SOURCE",
        help="the ids of the themes to merge (they are deleted)",
    )
    tm.add_argument(
        "--into",
        required=True,
        metavar="ID",
        help="the id of the theme that stays; its articles gain it",
    )
    tm.set_defaults(run=library_command(_theme_merge))
    td = tsub.add_parser("delete", parents=[common], help="delete a theme (articles stay)")
    td.add_argument("id", metavar="ID", help="the theme's id (see briefing theme list)")
    td.set_defaults(run=library_command(_theme_delete))
    for name, add in (("assign", True), ("unassign", False)):
        tx = tsub.add_parser(
            name,
            parents=[common],
            help="give a theme to articles" if add else "take a theme off articles",
        )
        tx.add_argument("id", metavar="ID", help="the theme's id (see briefing theme list)")
        tx.add_argument(
            "articles",
            nargs="+",
            metavar="ARTICLE",
            help="the articles' ids (see briefing library list)",
        )
        tx.set_defaults(run=library_command(functools.partial(_theme_assign, add=add)))

    pk = sub.add_parser(
        "pack",
        help="make a new pack from the library",
        description="Make pack files from the library.",
    )
    psub = pk.add_subparsers(dest="pack_command", metavar="COMMAND", required=True)
    pn = psub.add_parser(
        "new",
        parents=[common],
        help="a new pack from themes and/or articles",
        description="Write a new pack file: one section per theme (in the order given), "
        "articles chosen by id in a section 'Articles'. Summaries are left for you to write.",
    )
    pn.add_argument("--title", required=True, help="the pack's title")
    pn.add_argument(
        "--theme",
        action="append",
        default=[],
        metavar="ID",
        help="a section of this theme's articles, oldest first (repeatable)",
    )
    pn.add_argument(
        "--article",
        action="append",
        default=[],
        metavar="ID",
        help="this article, in a section 'Articles' unless a theme given has it (repeatable)",
    )
    pn.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="PACK.yaml",
        help="the pack file to write (an existing one is kept unless --force)",
    )
    pn.add_argument("--force", action="store_true", help="replace an existing pack file")
    pn.set_defaults(run=library_command(_pack_new))


# -- plumbing -------------------------------------------------------------------------------------


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a date: write it as 2025-11-04"
        ) from None


def _article_json(a: LibraryArticle | Listed) -> dict[str, Any]:
    return {
        "id": a.id,
        "title": a.title,
        "title_proposed": a.title_proposed,
        "standfirst": a.standfirst,
        "authors": a.authors,
        "source": a.source,
        "published": a.published.isoformat() if a.published else None,
        "url": a.url,
        "doi": a.doi,
        "reference": a.reference,
        "themes": a.themes,
    }


# -- library list / show, search ------------------------------------------------------------------


def _list(args: argparse.Namespace, lib: Library) -> int:
    articles = lib.listing()  # from the index: no article's body is read to list it
    if args.theme:
        if args.theme not in lib.themes():
            raise BriefingError(f"No theme '{args.theme}'. 'briefing theme list' shows them.")
        articles = [a for a in articles if args.theme in a.themes]
    if args.json:
        print_json([_article_json(a) for a in articles])
    else:
        print_table(
            [
                [a.id, uk_date(a.published) or "-", shown_title(a), ", ".join(a.authors)]
                for a in articles
            ]
        )
        problems = lib.problems()
        unread = f"; {plural(len(problems), 'problem')} (below)" if problems else ""
        print(f"{plural(len(articles), 'article')} in {lib.root}{unread}")
    warn_problems(lib)
    return 0


def shown_title(a: LibraryArticle | Listed | SearchHit) -> str:
    return listed_title(a.title, a.title_proposed)


def _problems(args: argparse.Namespace, lib: Library) -> int:
    problems = lib.problems()
    if args.json:
        print_json(problems)
    elif problems:
        print("\n".join(problems))
    else:
        print(f"No problems: every file in {lib.articles_dir} can be read.")
    return 1 if problems else 0


def _show(args: argparse.Namespace, lib: Library) -> int:
    a = lib.get(args.id)
    if args.json:
        data = _article_json(a)
        fa = a.first_appeared
        data.update(
            {
                "bio": a.bio,
                "picture_credit": a.picture_credit,
                "body": a.body,
                "first_appeared": None
                if fa is None
                else {
                    "publication": fa.publication,
                    "url": fa.url,
                    "title": fa.title,
                    "date": fa.date.isoformat() if fa.date else None,
                },
                "file": str(a.path),
            }
        )
        print_json(data)
        return 0
    rows = [
        ["Title", shown_title(a)],
        ["Standfirst", a.standfirst],
        ["Authors", ", ".join(a.authors)],
        ["Source", a.source],
        ["Published", uk_date(a.published)],
        ["URL", a.url],
        ["DOI", a.doi],
        ["Reference", a.reference],
        ["Themes", ", ".join(a.themes)],
        ["Picture", a.picture_credit],
        ["File", str(a.path)],
    ]
    if a.first_appeared:
        fa = a.first_appeared
        rows.append(
            ["First in", " ".join(x for x in (fa.publication, uk_date(fa.date), fa.url) if x)]
        )
    print_table([[k + ":", v] for k, v in rows if v])
    print()
    print(a.body)
    if a.bio:
        print()
        print(a.bio)
    return 0


def _search(args: argparse.Namespace, lib: Library) -> int:
    hits = lib.search(
        args.query,
        theme=args.theme,
        source=args.source,
        author=args.author,
        date_from=args.date_from,
        date_to=args.date_to,
        limit=args.limit,
    )
    if args.json:
        print_json(
            [
                {
                    "id": h.id,
                    "title": h.title,
                    "authors": h.authors,
                    "source": h.source,
                    "published": h.published.isoformat() if h.published else None,
                    "themes": h.themes,
                    "snippet": h.snippet,
                    "title_proposed": h.title_proposed,
                }
                for h in hits
            ]
        )
        if not hits:
            _did_you_mean(lib, args.query)
        warn_problems(lib)
        return 0
    for n, h in enumerate(hits, 1):
        print(f"{n:>3}. {shown_title(h)}  [{h.id}]")
        details = "; ".join(x for x in (", ".join(h.authors), h.source, uk_date(h.published)) if x)
        if details:
            print(f"     {details}")
        if h.snippet:
            print(f"     {h.snippet}")
    print(f"{len(hits)} found" if hits else "Nothing found.")
    if not hits:
        _did_you_mean(lib, args.query)
    warn_problems(lib)
    return 0


def _did_you_mean(lib: Library, query: str) -> None:
    suggestion = lib.did_you_mean(query)
    if suggestion:
        print(f'Did you mean “{suggestion}”? Try: briefing search "{suggestion}"', file=sys.stderr)


# -- themes ---------------------------------------------------------------------------------------


def _theme_list(args: argparse.Namespace, lib: Library) -> int:
    themes = lib.themes()
    counts: dict[str, int] = {}
    for a in lib.listing():
        for t in a.themes:
            counts[t] = counts.get(t, 0) + 1
    if args.json:
        print_json(
            [
                {"id": t.id, "label": t.label, "colour": t.colour, "articles": counts.get(t.id, 0)}
                for t in themes.values()
            ]
        )
    else:
        print_table(
            [
                [t.id, t.colour or "-", plural(counts.get(t.id, 0), "article"), t.label]
                for t in themes.values()
            ]
        )
        if not themes:
            print("No themes yet: add one with 'briefing theme add LABEL'.")
    warn_problems(lib)
    return 0


def _theme_add(args: argparse.Namespace, lib: Library) -> int:
    tid = lib.add_theme(args.label, args.colour)
    if args.json:
        print_json(
            {"id": tid, "label": lib.themes()[tid].label, "colour": lib.themes()[tid].colour}
        )
    else:
        print(f"Added theme {tid}: {lib.themes()[tid].label}")
    return 0


def _theme_rename(args: argparse.Namespace, lib: Library) -> None:
    lib.rename_theme(args.id, args.label)
    print(f"Renamed {args.id} to '{args.label}'.")


def _theme_recolour(args: argparse.Namespace, lib: Library) -> None:
    lib.recolour_theme(args.id, args.colour)
    print(f"{args.id} is now {args.colour.upper()}.")


def _theme_merge(args: argparse.Namespace, lib: Library) -> None:
    lib.merge_themes(args.sources, args.into)
    print(f"Merged {', '.join(args.sources)} into {args.into}.")


def _theme_delete(args: argparse.Namespace, lib: Library) -> None:
    lib.delete_theme(args.id)
    print(f"Deleted theme {args.id}.")


def _theme_assign(args: argparse.Namespace, lib: Library, *, add: bool) -> int:
    if add:
        lib.assign(args.articles, args.id)
    else:
        lib.unassign(args.articles, args.id)
    count = len(args.articles)
    print(
        f"{'Gave' if add else 'Took'} theme {args.id} {'to' if add else 'from'} "
        f"{plural(count, 'article')}."
    )
    return 0


# -- pack new -------------------------------------------------------------------------------------


def _pack_new(args: argparse.Namespace, lib: Library) -> int:
    from briefing.library.to_pack import new_pack
    from briefing.packfile import save_pack

    if args.output.exists() and not args.force:
        raise BriefingError(
            f"{args.output} already exists. Choose another name, or add --force to replace it."
        )
    pack = new_pack(lib, args.title, theme_ids=args.theme, article_ids=args.article)
    save_pack(pack, args.output, keep_comments=False)  # a new pack owes nothing to the old file
    print(
        f"Wrote {args.output}: {plural(len(pack.sections), 'section')}, "
        f"{plural(len(pack.items()), 'item')}."
    )
    empty = [t for t in args.theme if not any(s.theme == t for s in pack.sections)]
    if empty:
        print(f"No articles yet for theme {', '.join(empty)}: no section made.", file=sys.stderr)
    print("Next: write a summary and implications for each item, then 'briefing build'.")
    return 0
