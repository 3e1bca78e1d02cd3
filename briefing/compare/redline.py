"""The redline: the newer version of a briefing with every change since the older one marked
in the text (Run.change), for Word's tracked changes and the web page's <ins>/<del>.

Every section and item of the newer version is there, in order; what is unchanged prints as in
the briefing, with its formatting; a changed field shows the words taken out and the words put
in; a new item is all inserted; a removed item is all deleted, under "Removed items" at the
end. Both packs are the audience's versions (`for_audience`), so a redline of the public
version holds nothing of a withheld item.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from briefing.compare.diff import ADDED, MOVED, REMOVED, aligned, quote_text
from briefing.compare.words import SAME, changed, pieces
from briefing.compose import markdown
from briefing.compose.builder import (
    IMPLICATIONS_HEADING,
    QUESTIONS_HEADING,
    QUOTES_HEADING,
    compose_version,
    in_language,
    item_language,
)
from briefing.compose.markdown import plain_text
from briefing.compose.sources import byline
from briefing.document.model import (
    DELETED,
    INSERTED,
    Block,
    BlockQuote,
    BulletList,
    Contents,
    Heading,
    Paragraph,
    Run,
)

if TYPE_CHECKING:
    from datetime import datetime
    from pathlib import Path

    from briefing.compare.diff import Changes, ItemChange
    from briefing.compose.audience import Version
    from briefing.document.model import Document
    from briefing.model import Item, Pack

REMOVED_HEADING = "Removed items"


def redline_document(
    old: Version,
    new: Version,
    changes: Changes,
    base_dir: Path,
    *,
    since: int,
    by: str,
    on: datetime,
    edition: str = "",
) -> Document:
    """The newer version's briefing with tracked changes since version `since`, attributed to
    `by` on `on`; `edition` is the newer version's line ("Version 2 · issued …", "Draft after
    version 1"), on the cover and in the footer as in its briefing."""
    document = compose_version(new, base_dir, edition=edition)
    document.cover = replace(
        document.cover, subtitle=f"Changes since version {since}, shown as tracked changes"
    )
    document.meta = replace(
        document.meta,
        changes_by=by,
        changes_on=on,
        subject=" · ".join(part for part in (f"Changes since version {since}", edition) if part),
    )
    front = [
        b
        for b in document.blocks[: _first_heading(document.blocks)]
        if isinstance(b, Paragraph) and b.role == "note"
    ]
    note = Paragraph(
        [
            Run(
                f"Words added since version {since} are underlined and marked as inserted; words "
                "taken out are struck through and marked as deleted."
            )
        ],
        role="note",
    )
    document.blocks = [*front, note, Contents(), *_body(old.pack, new.pack, changes)]
    return document


def _first_heading(blocks: list[Block]) -> int:
    return next(
        (i for i, b in enumerate(blocks) if isinstance(b, (Heading, Contents))), len(blocks)
    )


def _body(a: Pack, b: Pack, changes: Changes) -> list[Block]:
    by_place = {(c.new.section, c.new.item): c for c in changes.items if c.new is not None}
    old_items = {(item.article, n): item for n, item in _numbered(a)}
    blocks: list[Block] = []
    for s_no, section in enumerate(b.sections, 1):
        blocks.append(Heading(1, section.title, anchor=f"sec-{s_no}"))
        was = changes.sections_before.get(s_no)
        if was is None:
            blocks.append(Paragraph([Run("New section.", change=INSERTED)]))
        else:
            before = a.sections[was - 1]
            if changed(before.title, section.title):
                blocks.append(
                    Paragraph([Run("Section title: "), *_marked(before.title, section.title)])
                )
        blocks += _text_blocks(a.sections[was - 1].intro if was else "", section.intro, was is None)
        for i_no, item in enumerate(section.items, 1):
            change = by_place.get((s_no, i_no))
            earlier = (
                None
                if change is not None and change.kind == ADDED
                else old_items.get((item.article, _occurrence(b, s_no, i_no)))
            )
            blocks += _item(a, earlier, b, item, f"{s_no}-{i_no}", change)
    removed = [c for c in changes.items if c.kind == REMOVED and c.old is not None]
    if removed:
        blocks.append(Heading(1, REMOVED_HEADING, anchor="removed"))
        for change in removed:
            assert change.old is not None
            item = a.sections[change.old.section - 1].items[(change.old.item or 1) - 1]
            blocks += _item(
                a,
                item,
                a,
                _emptied(item),
                f"removed-{change.old.section}-{change.old.item}",
                change,
            )
    return blocks


def _numbered(pack: Pack) -> list[tuple[int, Item]]:
    seen: dict[str, int] = {}
    out = []
    for item in pack.items():
        n = seen.get(item.article, 0)
        seen[item.article] = n + 1
        out.append((n, item))
    return out


def _occurrence(pack: Pack, section: int, item: int) -> int:
    article = pack.sections[section - 1].items[item - 1].article
    earlier = [i for s in pack.sections[: section - 1] for i in s.items]
    earlier += pack.sections[section - 1].items[: item - 1]
    return sum(1 for i in earlier if i.article == article)


def _emptied(item: Item) -> Item:
    """What a removed item becomes: nothing, so every word of it reads as deleted."""
    return replace(item, summary="", implications=[], quotes=[], questions=[])


def _marked(old: str, new: str) -> list[Run]:
    return [Run(p.text, change="" if p.kind == SAME else p.kind) for p in pieces(old, new)]


def _text_blocks(old: str, new: str, all_new: bool = False) -> list[Block]:
    """A Markdown field: as the briefing prints it when unchanged, else one paragraph of
    plain text with its changes marked."""
    before, after = plain_text(old), plain_text(new)
    if not all_new and not changed(before, after):
        return list(markdown.blocks(new))
    runs = [r for r in _marked("" if all_new else before, after) if r.text.strip() or r.text]
    return [Paragraph(runs)] if runs else []


def _item(
    a: Pack, old: Item | None, b: Pack, new: Item, number: str, change: ItemChange | None
) -> list[Block]:
    removed = change is not None and change.kind == REMOVED
    article = b.articles.get(new.article)
    title = article.title if article is not None else new.article
    out: list[Block] = [
        Heading(2, f"{title} (removed)" if removed else title, anchor=f"item-{number}")
    ]
    old_article = a.articles.get(old.article) if old is not None else None
    if change is not None and change.kind == MOVED and change.old is not None:
        out.append(Paragraph([Run(f"Moved here from item {change.old}.", change=INSERTED)]))
    if old_article is not None and article is not None and old_article.title != article.title:
        out.append(Paragraph([Run("Title: "), *_marked(old_article.title, article.title)]))
    line_before = byline(old_article) if old_article is not None else ""
    line_after = "" if removed else (byline(article) if article is not None else "")
    if line_before or line_after:
        out.append(Paragraph(_marked(line_before, line_after), role="byline"))
    lang = item_language(new)  # a removed item keeps its language (_emptied)
    out += in_language(lang, _text_blocks(old.summary if old else "", new.summary, old is None))
    out += _points(IMPLICATIONS_HEADING, old.implications if old else [], new.implications, lang)
    quotes = aligned(
        [quote_text(q) for q in (old.quotes if old else [])], [quote_text(q) for q in new.quotes]
    )
    if quotes:
        out.append(Heading(3, QUOTES_HEADING, in_contents=False))
        out += in_language(
            lang, [BlockQuote(_marked(before, after)) for _, _, before, after in quotes]
        )
    out += _points(QUESTIONS_HEADING, old.questions if old else [], new.questions, lang)
    return out


def _points(heading: str, old: list[str], new: list[str], lang: str = "") -> list[Block]:
    pairs = aligned([plain_text(t) for t in old], [plain_text(t) for t in new])
    if not pairs:
        return []
    items = []
    for (_, _, before, after), source in zip(pairs, _sources(pairs, new), strict=True):
        if source is not None and not changed(before, after):
            items.append(markdown.inline_runs(source))  # unchanged: printed as in the briefing
        else:
            items.append(_marked(before, after))
    return [Heading(3, heading, in_contents=False), *in_language(lang, [BulletList(items)])]


def _sources(pairs: list[tuple[int, int, str, str]], new: list[str]) -> list[str | None]:
    """The Markdown of each new point (None for a point only in the old list)."""
    return [new[j - 1] if j else None for _, j, _, _ in pairs]


__all__ = ["DELETED", "INSERTED", "REMOVED_HEADING", "redline_document"]
