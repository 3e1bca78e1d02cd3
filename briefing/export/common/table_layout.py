"""How a table is laid out, one rule for both PDF engines: its column widths from the content,
the cells whose words must break, and whether it moves on to the next page whole (as a short
list that ends a page does).

A table whose lines all fit gives each column its longest line and shares what is left in
proportion. Otherwise every column gets at least its widest word (narrower, a word would stick
out of its cell), a column that cannot wrap (a time) just that, and the rest of the width goes
where it makes the table shortest: first a short cell (a name: two lines of it fit a third of
the width) on no more than two lines where the width allows, then the fewest lines down the
table, then the fewest lines in its cells. Only when the widest words alone overflow the width
do columns go below them, sharing it fairly (and such a word is broken).

Widths come from a `measure(text, bold)` the writer gives (points): reportlab's own for its PDF,
the bundled font's advance widths for the tagged PDF and for Word; each word is measured once.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.document.model import (
    BlockQuote,
    BulletList,
    Contents,
    Heading,
    PageBreak,
    Paragraph,
    Table,
)
from briefing.export.common import brand

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from briefing.document.model import Block, Document

    Measure = Callable[[str, bool], float]

# The cell's left and right insets in points, as both engines draw them, and a point to spare.
CELL_INSETS = 12.0
_SPARE = 1.0
# Splits of the free width tried between two columns that wrap.
_STEPS = 48


@dataclass(frozen=True)
class _Cell:
    """What a cell asks of its column: the widths of the words of each of its lines."""

    lines: tuple[tuple[float, ...], ...]
    space: float

    @property
    def widest(self) -> float:
        return max((w for line in self.lines for w in line), default=0.0)

    @property
    def longest(self) -> float:
        return max(
            (sum(line) + self.space * (len(line) - 1) for line in self.lines if line), default=0.0
        )

    @property
    def two_lines(self) -> float:
        """The narrowest width that keeps each of its lines to two lines."""
        widest_half = 0.0
        for line in self.lines:
            full = sum(line) + self.space * (len(line) - 1)
            best, before = full, 0.0
            for k, w in enumerate(line[:-1]):
                before += w + (self.space if k else 0.0)
                best = min(best, max(before, full - before - self.space))
            widest_half = max(widest_half, best)
        return widest_half

    def line_count(self, room: float) -> int:
        """The lines the cell takes in room, its words set one after another as lines allow."""
        count = 0
        for line in self.lines:
            count += 1
            used = -1.0
            for w in line:
                if used < 0:
                    used = w
                elif used + self.space + w <= room:
                    used += self.space + w
                else:
                    count += 1
                    used = w
        return max(count, 1)


def column_widths(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    columns: int,
    available: float,
    measure: Measure,
) -> list[float]:
    """The width of each column in points, together `available` (the rule above)."""
    if columns <= 0:
        return []
    widths_of: dict[tuple[str, bool], float] = {}

    def measured(word: str, bold: bool) -> float:
        key = (word, bold)
        if key not in widths_of:
            widths_of[key] = measure(word, bold)
        return widths_of[key]

    def cell(value: str, bold: bool) -> _Cell:
        lines = tuple(
            tuple(measured(w, bold) for w in line.split(" ") if w) for line in value.split("\n")
        )
        return _Cell(lines, measured(" ", bold) if any(lines) else 0.0)

    def padded(values: Sequence[str]) -> list[str]:
        return [*values, *[""] * (columns - len(values))][:columns]

    table = [[cell(v, True) for v in padded(header)]] if header else []
    table += [[cell(v, False) for v in padded(row)] for row in rows]
    pad = CELL_INSETS + _SPARE
    widest = [max((row[c].widest for row in table), default=0.0) + pad for c in range(columns)]
    longest = [max((row[c].longest for row in table), default=0.0) + pad for c in range(columns)]
    total = sum(longest)
    if total <= available:
        return [w + (available - total) * w / total for w in longest]
    if sum(widest) >= available:
        # Fair shares, the narrowest first: a column whose widest word fits its share keeps
        # that width, and the columns of overlong words divide what is left.
        fair = [0.0] * columns
        left = available
        order = sorted(range(columns), key=lambda c: widest[c])
        for n, c in enumerate(order):
            fair[c] = min(widest[c], left / (columns - n))
            left -= fair[c]
        return fair

    # A short cell (a name, a place) fits a third of the table's width in two lines; it never
    # takes a third line while the width allows it two.
    short = [[cell.two_lines + pad <= available / 3 for cell in row] for row in table]

    def cost(widths: list[float]) -> tuple[int, int, int]:
        third = down = cells = 0
        for row, shorts in zip(table, short, strict=True):
            counts = [row[c].line_count(widths[c] - pad) for c in range(columns)]
            third += sum(max(n - 2, 0) for n, s in zip(counts, shorts, strict=True) if s)
            down += max(counts)
            cells += sum(counts)
        return third, down, cells

    wrapping = [c for c in range(columns) if longest[c] > widest[c]]
    widths = list(widest)
    spare = available - sum(widest)
    if len(wrapping) == 1:
        widths[wrapping[0]] += spare
        return widths
    # Two columns that wrap (an agenda's session and speaker): every split of the spare width
    # is tried. More: the spare goes in turn to the column whose share shortens the table most.
    if len(wrapping) == 2:
        a, b = wrapping
        # Between splits as short, the one nearest to sharing by what each column lacks.
        lacks = longest[a] - widest[a], longest[b] - widest[b]
        even = _STEPS * lacks[0] / sum(lacks)
        tried = []
        for t in range(_STEPS + 1):
            option = list(widths)
            option[a] += spare * t / _STEPS
            option[b] += spare * (_STEPS - t) / _STEPS
            tried.append((cost(option), abs(t - even), option))
        return min(tried, key=lambda entry: entry[:2])[2]
    step = spare / _STEPS
    for _ in range(_STEPS):
        best = min(
            wrapping,
            key=lambda c: (
                cost([w + step * (i == c) for i, w in enumerate(widths)]),
                widths[c] - longest[c],
            ),
        )
        widths[best] += step
    return widths


def overlong_words(
    header: Sequence[str], rows: Sequence[Sequence[str]], widths: list[float], measure: Measure
) -> list[tuple[int, int]]:
    """The cells (row, column; the header row is -1) holding a word wider than their column,
    which the engine must break to keep it inside the cell."""
    found = []
    for r, row in ([(-1, header)] if header else []) + list(enumerate(rows)):
        for c, value in enumerate(row[: len(widths)]):
            room = widths[c] - CELL_INSETS
            if any(measure(w, r < 0) > room for w in value.split()):
                found.append((r, c))
    return found


def bundled_font_measure(size: float) -> Measure:
    """Text widths in points at size in the bundled font (metrically Arial, as Word sets it),
    from its advance widths; text it cannot show is taken at a full em for a wide (East Asian)
    character and 0.6 em for any other."""
    from briefing.export.common.font_metrics import text_width_em

    def measure(text: str, bold: bool) -> float:
        em = text_width_em(text, bold)
        if em is None:
            em = sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.6 for ch in text)
        return em * size

    return measure


# A list of this many items or fewer that ends a page the briefing breaks after is kept whole.
SHORT_LIST_ITEMS = 3


def list_kept_whole(blocks: Sequence[Block], index: int) -> bool:
    """Whether the list at blocks[index] moves on to the next page whole: a short list that
    ends a page the briefing breaks after (a handout's article), rather than leave its last
    item alone on a page."""
    block = blocks[index]
    return (
        isinstance(block, BulletList)
        and ends_part(blocks, index)
        and len(block.items) <= SHORT_LIST_ITEMS
    )


def keeps_whole(blocks: Sequence[Block], index: int) -> bool:
    """Whether the table at blocks[index] moves on to the next page whole when it does not fit
    where it falls: a short table does (with its heading), unless all it would leave behind on
    its page is notes (the marking statement) and headings, which must not stand alone."""
    table = blocks[index]
    if not isinstance(table, Table) or len(table.rows) > brand.SHORT_TABLE_ROWS:
        return False
    for block in reversed(blocks[:index]):
        if isinstance(block, PageBreak):
            return False
        if not (
            isinstance(block, Heading) or isinstance(block, Paragraph) and block.role == "note"
        ):
            return True
    return False


# A page holding less than this many words of one piece is near-empty (the verify step warns);
# the end of a part (up to a page break, or the end of the briefing) shorter than this is kept
# with the block before it.
SHORT_TAIL_WORDS = 12
# A block this long or longer is not moved to keep a short tail company: it would leave too
# large a gap on the page before.
_KEEP_MOST_WORDS = 60


def ends_part(blocks: Sequence[Block], index: int) -> bool:
    """Whether blocks[index] is the last of a part: the briefing's last block, or one the
    briefing breaks the page after (a handout's article, its introduction)."""
    return index + 1 == len(blocks) or isinstance(blocks[index + 1], PageBreak)


def kept_with_next(blocks: Sequence[Block]) -> frozenset[int]:
    """The blocks kept on the same page as the block after them, so that no part of the
    briefing (a handout's article, the sources and contact details) ends with a page holding
    only its last few words: walking back from each part's end, every block before a tail of
    fewer than SHORT_TAIL_WORDS words."""
    kept: set[int] = set()
    tail = 0
    for index in range(len(blocks) - 1, -1, -1):
        block = blocks[index]
        if isinstance(block, PageBreak):
            continue
        words = _printed_words(blocks, index)
        if ends_part(blocks, index):
            tail = 0
        elif isinstance(block, Paragraph) and block.role == "note":
            kept.add(index)  # small print (the marking statement) goes where the next block goes
        elif tail < SHORT_TAIL_WORDS:
            # Too long to move, or text before a heading, which keeps room for what follows it
            # in its own way (text moved with it would leave the page before it short): the
            # tail stays where it falls.
            before_heading = isinstance(blocks[index + 1], Heading)
            if words >= _KEEP_MOST_WORDS or before_heading and not isinstance(block, Heading):
                tail = SHORT_TAIL_WORDS
                continue
            kept.add(index)
        tail += words
    return frozenset(kept)


def front_too_short(blocks: Sequence[Block], index: int) -> bool:
    """Whether blocks[index] is the page break after a front page that prints fewer than
    SHORT_TAIL_WORDS words (a short introduction in a few long words, which may still fill
    several lines): the first part follows it on its page rather than leave it alone there."""
    return (
        isinstance(blocks[index], PageBreak)
        and not any(isinstance(block, PageBreak) for block in blocks[:index])
        and sum(_printed_words(blocks, n) for n in range(index)) < SHORT_TAIL_WORDS
    )


def _printed_words(blocks: Sequence[Block], index: int) -> int:
    block = blocks[index]
    return _contents_words(blocks, index) if isinstance(block, Contents) else block_words(block)


def _contents_words(blocks: Sequence[Block], index: int) -> int:
    """The words the contents at blocks[index] prints: its title and the headings it lists
    (a contents of many lines is no short tail to keep company)."""
    contents = blocks[index]
    assert isinstance(contents, Contents)
    listed = [
        block
        for block in blocks[index + 1 :]
        if isinstance(block, Heading) and block.in_contents and block.level <= contents.max_level
    ]
    return len(contents.title.split()) + sum(len(h.text.split()) + 1 for h in listed)


def paragraph_kept_whole(blocks: Sequence[Block], index: int) -> bool:
    """Whether the paragraph at blocks[index] is too short to split across pages: one of fewer
    than SHORT_TAIL_WORDS words (an introduction of a few long place names, which may still
    fill several lines) would leave a page next to nothing. Sources have a rule of their own
    (source_kept_whole); one taller than a page still breaks."""
    block = blocks[index]
    return (
        isinstance(block, Paragraph)
        and block.role != "reference"
        and block_words(block) < SHORT_TAIL_WORDS
    )


def bare_byline(blocks: Sequence[Block], index: int) -> bool:
    """Whether blocks[index] is a byline the headings over it need room for alone, not for
    lines of text under it: one with a heading straight after it (an item with no summary),
    which keeps its own room; or the first part's, after a front page of a few words
    (front_too_short), whose text may start on the next page rather than leave the front page
    alone with them."""
    block = blocks[index]
    if not (isinstance(block, Paragraph) and block.role == "byline"):
        return False
    if index + 1 < len(blocks) and isinstance(blocks[index + 1], Heading):
        return True
    first = index
    while first > 0 and isinstance(blocks[first - 1], Heading):
        first -= 1
    return 0 < first < index and front_too_short(blocks, first - 1)


def source_kept_whole(blocks: Sequence[Block], index: int) -> bool:
    """Whether the paragraph at blocks[index] is a source never split across pages: any but
    the first under its heading (which may split, so the heading keeps its first lines)."""
    block = blocks[index]
    return (
        isinstance(block, Paragraph)
        and block.role == "reference"
        and index > 0
        and not isinstance(blocks[index - 1], Heading)
    )


def block_words(block: Block) -> int:
    """The words a block prints (a picture or the contents: none counted)."""
    if isinstance(block, Heading):
        return len(block.text.split())
    if isinstance(block, Paragraph):
        return sum(len(run.text.split()) for run in block.runs)
    if isinstance(block, BulletList):
        return sum(len(run.text.split()) for item in block.items for run in item)
    if isinstance(block, BlockQuote):
        return sum(len(run.text.split()) for run in block.runs) + len(block.attribution.split())
    if isinstance(block, Table):
        cells = [block.caption, *block.header, *(cell for row in block.rows for cell in row)]
        return sum(len(cell.split()) for cell in cells)
    return 0


def words_too_wide(document: Document) -> frozenset[str]:
    """The words of the document's table cells and cover names that no layout can keep whole
    (measured in the bundled font, as both PDF engines set it): in a cell, a word wider than
    its column can be made, the table's longest words together being wider than the page; on
    the cover, a word wider than a line."""
    meta = document.meta
    paper = meta.paper if meta.paper in brand.PAPER_MM else "A4"
    width = (brand.PAPER_MM[paper][0] - 2 * brand.MARGIN_MM[paper]) * 72 / 25.4
    measure = bundled_font_measure(brand.type_scale(meta.large_print).body)
    found = {word for word in document.cover.prepared_by.split() if measure(word, False) > width}
    for block in document.blocks:
        if not isinstance(block, Table):
            continue
        columns = max([len(block.header), *(len(row) for row in block.rows)])
        widths = column_widths(block.header, block.rows, columns, width, measure)
        cells = [(-1, block.header), *enumerate(block.rows)]
        for r, c in overlong_words(block.header, block.rows, widths, measure):
            room = widths[c] - CELL_INSETS
            found.update(word for word in cells[r + 1][1][c].split() if measure(word, r < 0) > room)
    return frozenset(found)
