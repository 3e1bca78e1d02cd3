"""`briefing suggest summary|implications|themes ARTICLE_ID`: the app's drafting aids on the
command line (the same functions, the same results). Suggestions only: nothing is written."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from briefing.cli.common import library_command, print_json

if TYPE_CHECKING:
    import argparse

    from briefing.library import Library


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "suggest",
        help="suggest a summary, implications or themes for an article",
        description="Offline drafting aids: a draft summary made of the article's own sentences, "
        "candidate implication points (its own implications list first), or themes. Nothing is "
        "saved; copy what you want into the pack or use the app.",
    )
    p.add_argument("what", choices=("summary", "implications", "themes"), help="what to suggest")
    p.add_argument("id", metavar="ARTICLE_ID", help="the article's id (see briefing library list)")
    p.add_argument(
        "--words",
        type=int,
        default=120,
        metavar="N",
        help="longest draft summary, in words (default 120)",
    )
    p.add_argument(
        "--limit",
        type=int,
        default=5,
        metavar="N",
        help="most implication points or themes (default 5)",
    )
    p.add_argument(
        "--like",
        type=Path,
        metavar="PACK",
        help="also rank implication points like the ones already written in this "
        "pack (the points accepted in the app are always used; read on this machine "
        "only)",
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.add_argument(
        "--library",
        type=Path,
        metavar="DIR",
        help="the library folder (default: $BRIEFING_LIBRARY, else your data folder)",
    )
    p.set_defaults(run=library_command(_suggest))


def _suggest(args: argparse.Namespace, lib: Library) -> int:
    from briefing.assist import suggest_implications, suggest_themes, summarise
    from briefing.compose.counts import word_count

    article = lib.get(args.id)
    if args.what == "summary":
        summary = summarise(article.body, max(args.words, 1), article.standfirst, article.title)
        text = summary.text
        if args.json:
            print_json(
                {
                    "article": article.id,
                    "summary": text,
                    "words": word_count(text),
                    "sentences": [
                        {
                            "text": p.text,
                            "paragraph": p.paragraph,
                            "why": p.reason,
                            "source": p.source or p.text,
                        }
                        for p in summary.sentences
                    ],
                }
            )
        else:
            print(
                text or "No summary could be drafted: the article has no whole sentences to offer."
            )
        return 0
    if args.what == "implications":
        accepted = [*lib.accepted_implications(), *(_accepted(args.like) if args.like else [])]
        points = suggest_implications(
            article.body, max(args.limit, 1), accepted, article.standfirst
        )
        if args.json:
            print_json(
                {
                    "article": article.id,
                    "implications": [
                        {
                            "text": p.text,
                            "context": p.context,
                            "from_article_list": p.from_list,
                            "draft": p.draft,
                            "source": p.source,
                            "paragraph": p.paragraph,
                            "why": p.reason,
                        }
                        for p in points
                    ],
                }
            )
        elif not points:
            print("No implication points could be suggested from this article.")
        for point in [] if args.json else points:
            print(f"- {point.text}{'  (draft: check it)' if point.draft else ''}")
        return 0
    themes = {theme_id: theme.label for theme_id, theme in lib.themes().items()}
    found = suggest_themes(article.body, themes, limit=max(args.limit, 1))
    if args.json:
        print_json(
            {
                "article": article.id,
                "themes": [
                    {
                        "label": s.label,
                        "theme_id": s.theme_id or None,
                        "new": s.is_new,
                        "evidence": s.evidence,
                    }
                    for s in found
                ],
            }
        )
        return 0
    if not found:
        print("No themes could be suggested for this article.")
    for s in found:
        where = f"existing theme {s.theme_id}" if s.theme_id else "new theme"
        print(f"- {s.label} ({where}; {', '.join(s.evidence[:3])})")
    return 0


def _accepted(pack_path: Path) -> list[str]:
    """The implication points already written in a pack: the officer's own voice."""
    from briefing.packfile import load_pack

    pack = load_pack(pack_path)
    return [
        point for section in pack.sections for item in section.items for point in item.implications
    ]
