"""Which page of the preview shows the item being edited: found through the PDF's bookmarks,
where each item is listed under its heading, so the preview can open at that page first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtPdf import QPdfBookmarkModel

if TYPE_CHECKING:
    from collections.abc import Iterator

    from PySide6.QtPdf import QPdfDocument

    from briefing.model import Item, Pack

Index = QModelIndex | QPersistentModelIndex


def item_pages(document: QPdfDocument, pack: Pack, item: Item) -> tuple[int, int] | None:
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
    bookmarks = QPdfBookmarkModel()
    bookmarks.setDocument(document)
    # A numbered pack prints "1.2 Title": the heading ends with the title.
    entries = list(_entries(bookmarks, QModelIndex()))
    found = [n for n, (text, _page) in enumerate(entries) if _words(text).endswith(title)]
    if not found:
        return None
    n = found[min(earlier, len(found) - 1)]
    first = entries[n][1]
    last = entries[n + 1][1] if n + 1 < len(entries) else document.pageCount() - 1
    return first, max(first, last)


def _entries(bookmarks: QPdfBookmarkModel, parent: Index) -> Iterator[tuple[str, int]]:
    """Every bookmark's title and page, in reading order."""
    for row in range(bookmarks.rowCount(parent)):
        index = bookmarks.index(row, 0, parent)
        yield (
            str(bookmarks.data(index, QPdfBookmarkModel.Role.Title) or ""),
            int(bookmarks.data(index, QPdfBookmarkModel.Role.Page) or 0),
        )
        yield from _entries(bookmarks, index)


def _words(text: str) -> str:
    return " ".join(text.split())
