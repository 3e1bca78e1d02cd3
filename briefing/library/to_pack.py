"""From library to pack: a new pack (format 1) made from chosen themes and articles.

The pack gets its own copy of every article's metadata and text and of the theme labels, so it
stays self-contained: it builds on a laptop that has no library.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from briefing.library.store import Library, LibraryError, date_order
from briefing.model import Article, Item, Pack, Section, Theme

if TYPE_CHECKING:
    from collections.abc import Sequence

    from briefing.library.article_file import LibraryArticle

ARTICLES_SECTION = "Articles"


def pack_article(rec: LibraryArticle) -> tuple[str, Article]:
    """The pack's copy of a library article, keyed by the article's library id."""
    return rec.id, Article(
        title=rec.title,
        authors=list(rec.authors),
        source=rec.source,
        published=rec.published,
        url=rec.url,
        doi=rec.doi,
        reference=rec.reference,
        themes=list(rec.themes),
        body=rec.body,
    )


def new_pack(  # noqa: C901 - sections by theme, then the articles chosen by id
    library: Library,
    title: str,
    *,
    theme_ids: Sequence[str] = (),
    article_ids: Sequence[str] = (),
) -> Pack:
    """One section per chosen theme (in the order given), then "Articles" for the rest.

    Each article appears once: in the first chosen section (in the order given) whose theme it
    has; articles chosen by id without such a theme go under "Articles". Items within a section
    are in date order, oldest first, with empty summaries and implications for the officer.
    """
    if not title.strip():
        raise LibraryError("A pack needs a title (--title).")
    if not theme_ids and not article_ids:
        raise LibraryError("Choose at least one theme or article for the pack.")
    table = library.themes()
    unknown = [t for t in theme_ids if t not in table]
    if unknown:
        names = ", ".join(f"'{t}'" for t in unknown)
        raise LibraryError(f"No theme {names} in the library. 'briefing theme list' shows them.")
    theme_order = list(dict.fromkeys(theme_ids))
    everything = library.articles()
    by_id = {a.id: a for a in everything}
    missing = [a for a in article_ids if a not in by_id]
    if missing:
        names = ", ".join(f"'{a}'" for a in missing)
        raise LibraryError(
            f"No article {names} in the library. 'briefing library list' shows the ids."
        )
    chosen: dict[str, LibraryArticle] = {}
    for article in everything:
        if any(t in theme_order for t in article.themes):
            chosen[article.id] = article
    for aid in article_ids:
        chosen.setdefault(aid, by_id[aid])

    buckets: dict[str, list[LibraryArticle]] = {t: [] for t in theme_order}
    loose: list[LibraryArticle] = []
    for article in chosen.values():
        home = next((t for t in theme_order if t in article.themes), None)
        (buckets[home] if home else loose).append(article)

    pack = Pack(title=" ".join(title.split()), date=date.today())
    for tid in theme_order:
        if buckets[tid]:
            pack.sections.append(
                Section(title=table[tid].label, theme=tid, items=_items(buckets[tid]))
            )
    if loose:
        pack.sections.append(Section(title=ARTICLES_SECTION, items=_items(loose)))
    if not pack.sections:
        raise LibraryError("The chosen themes have no articles yet: assign some first.")

    for article in sorted(chosen.values(), key=date_order):
        key, copy = pack_article(article)
        # Keep only theme ids the pack can label, so the pack never points at nothing.
        copy.themes = [t for t in copy.themes if t in table]
        pack.articles[key] = copy
    used = {t for a in pack.articles.values() for t in a.themes} | set(theme_order)
    for tid, record in table.items():
        if tid in used:
            pack.themes[tid] = Theme(label=record.label, colour=record.colour)
    return pack


def _items(articles: list[LibraryArticle]) -> list[Item]:
    return [Item(article=a.id) for a in sorted(articles, key=date_order)]
