"""A few pages of a briefing laid out on their own, exactly where they fall in the whole one.

Typst lays a briefing out as one flow of pages, so after an edit to one item the whole flow is
laid out again (most of a second at 300 items). The pages of the item being edited can be had
far sooner: in the layout before the edit, a run of headings that starts on an earlier page sits
at a known place (its bookmark gives the page and the height), and nothing before that place
depends on the edit. Laid out alone from that place (the same page style, page numbers and
"of N", each block set as in the whole briefing: what it keeps with depends on its neighbours,
and the part's last block is not the briefing's), the blocks that follow fall on the same pages
as in the whole briefing: those pages,
swapped into the pages shown before, are the edited item's pages as the whole layout will give
them. The first page of the part (blank above the place) and its last (cut short) are left out,
and the part is checked: the edited item's heading must fall where it fell before, else there is
no part (`lay_out_part` returns None) and the whole layout is waited for.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from briefing.document.model import Contents, Heading

if TYPE_CHECKING:
    from collections.abc import Sequence

    from briefing.document.model import Block, Document

__all__ = ["Mark", "Part", "lay_out_part", "marks", "spliced"]

# Typst points a heading's bookmark this far above the heading (so a reader jumping to it sees
# the line whole); the part's check catches a compiler that does otherwise.
_BOOKMARK_ABOVE_PT = 10.0
# Runs of headings laid out after the edited item's, so that its last page is whole.
_RUNS_AFTER = 3
_POINTS_PER_MM = 72 / 25.4


class Mark(NamedTuple):
    """A bookmark of a laid-out briefing: its title, its page (from 0) and the distance from the
    top of that page to the heading it marks, in points."""

    title: str
    page: int
    top: float


@dataclass(frozen=True)
class Part:
    """Pages laid out on their own: pages [first, first + count) of the whole briefing, which
    are pages [1, 1 + count) of `pdf`."""

    pdf: bytes
    first: int
    count: int


def marks(pdf: bytes) -> tuple[Mark, ...]:
    """Every bookmark of the PDF, in reading order (none if PDFium cannot read it)."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError:
        return ()
    try:
        found = []
        for mark in document.get_toc():
            dest = mark.get_dest()
            page = (dest.get_index() if dest is not None else None) or 0
            _mode, view = dest.get_view() if dest is not None else (0, [])
            height = document.get_page_size(page)[1] if len(document) else 0.0
            top = height - view[1] + _BOOKMARK_ABOVE_PT if len(view) > 1 else 0.0
            found.append(Mark(mark.get_title(), page, top))
        return tuple(found)
    finally:
        document.close()


def lay_out_part(
    document: Document, before: Sequence[Mark], page_count: int, anchor: str
) -> Part | None:
    """The pages of the heading `anchor` (an item's) as the whole `document` lays them out,
    from the bookmarks and page count of its layout before the edit (None if they cannot be
    had that way: see the module's note)."""
    from briefing.export.pdf.typst.writer import render_part

    marked = _bookmarked(document.blocks)
    item = next(
        (n for n, (i, _t) in enumerate(marked) if _anchor(document.blocks[i]) == anchor), None
    )
    if item is None or item >= len(before) or page_count < 3:
        return None
    if [_words(title) for _i, title in marked[: item + 1]] != [
        _words(mark.title) for mark in before[: item + 1]
    ]:
        return None  # the headings up to the item moved or changed: the marks say nothing
    page = before[item].page
    starts = [n for n, (i, _t) in enumerate(marked) if _starts_run(document.blocks, i)]
    start = max((n for n in starts if n <= item and 0 < before[n].page < page), default=None)
    if start is None:
        return None
    # (short of the last run: the sources list after the last item is long and never needed)
    later = [n for n in starts if n > item]
    end = marked[later[min(_RUNS_AFTER, len(later) - 1)]][0] if later else len(document.blocks)
    first = before[start]
    margin = _top_margin_pt(document)
    pdf = render_part(
        document,
        (marked[start][0], end),
        {"page": first.page + 1, "offset": first.top - margin, "total": page_count},
    )
    if pdf is None:
        return None
    laid = marks(pdf)
    shift = item - start
    if shift >= len(laid) or laid[shift].page != page - first.page:
        return None
    if abs(laid[shift].top - before[item].top) > 0.5:
        return None  # not where it was: the part is not laid out as the whole
    pages = _page_count(pdf)
    whole = end == len(document.blocks)  # the part runs to the end: its last page is whole
    count = pages - 1 if whole else pages - 2
    if count < page - first.page:
        return None  # the item's first page is the part's last, cut short
    return Part(pdf, first.page + 1, count)


def spliced(whole: bytes, part: Part) -> bytes:
    """`whole` with its pages [first, first + count) replaced by the part's."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    target = pdfium.PdfDocument(whole)
    source = pdfium.PdfDocument(part.pdf)
    try:
        end = min(part.first + part.count, len(target))
        for index in reversed(range(part.first, end)):
            target.del_page(index)
        target.import_pages(source, pages=list(range(1, 1 + part.count)), index=part.first)
        out = io.BytesIO()
        # Only what changed is written, after the file as it was: a few milliseconds, where
        # writing the whole file again takes 60-100 ms at 300 items (holding Python's lock)
        target.save(out, flags=pdfium_c.FPDF_INCREMENTAL)
        return out.getvalue()
    finally:
        source.close()
        target.close()


def _bookmarked(blocks: Sequence[Block]) -> list[tuple[int, str]]:
    """The blocks the PDF has a bookmark for, in order: (index, title)."""
    found = []
    for index, block in enumerate(blocks):
        if isinstance(block, Heading) and block.level <= 2:
            found.append((index, block.text))
        elif isinstance(block, Contents):
            found.append((index, block.title))
    return found


def _anchor(block: Block) -> str:
    return block.anchor if isinstance(block, Heading) else ""


def _starts_run(blocks: Sequence[Block], index: int) -> bool:
    """A heading after a block that is not one: the template checks the room its run needs
    where it starts, so the part laid out from it checks it there too."""
    return (
        index > 0
        and isinstance(blocks[index], Heading)
        and not isinstance(blocks[index - 1], Heading)
    )


def _top_margin_pt(document: Document) -> float:
    from briefing.export.common import brand

    paper = document.meta.paper if document.meta.paper in brand.PAPER_MM else "A4"
    return brand.MARGIN_MM[paper] * _POINTS_PER_MM


def _page_count(pdf: bytes) -> int:
    from briefing.export.pdf.typst.writer import page_count

    return page_count(pdf)


def _words(text: str) -> str:
    return " ".join(text.split())
