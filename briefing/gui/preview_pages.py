"""Which page of the preview shows the item being edited: found through the PDF's bookmarks,
where each item is listed under its heading, so the preview can open at that page first. The
bookmarks are read on the worker that made the PDF (`bookmarks`), not on the window's time."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.export.pdf.typst.part import Mark
    from briefing.model import Item, Pack

# Each bookmark's title, page (from 0) and height on the page, in order.
Bookmarks = tuple["Mark", ...]


def bookmarks(pdf: bytes) -> Bookmarks:
    """Every bookmark of the PDF, in reading order (none if PDFium cannot read it)."""
    from briefing.export.pdf.typst.part import marks  # with the first preview

    return marks(pdf)


def item_pages(marks: Bookmarks, page_count: int, pack: Pack, item: Item) -> tuple[int, int] | None:
    """The pages (from 0) `item` is printed on, first and last: from its heading's bookmark to
    the next bookmark's; None when the version shown leaves the item out. Items under the same
    title are told apart by their order."""
    from briefing.compose.builder import item_title  # with the first preview: it brings Markdown

    title = _words(item_title(item, pack.articles.get(item.article)))
    earlier = 0  # items before this one printed under the same title
    for section in pack.sections:
        for other in section.items:
            if other is item:
                break
            earlier += _words(item_title(other, pack.articles.get(other.article))) == title
        else:
            continue
        break
    else:
        return None
    # A numbered pack prints "1.2 Title": the heading ends with the title.
    found = [n for n, mark in enumerate(marks) if _words(mark.title).endswith(title)]
    if not found:
        return None
    n = found[min(earlier, len(found) - 1)]
    first = marks[n].page
    last = marks[n + 1].page if n + 1 < len(marks) else page_count - 1
    return first, max(first, last)


def _words(text: str) -> str:
    return " ".join(text.split())
