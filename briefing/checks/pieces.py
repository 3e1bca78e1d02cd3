"""The pieces of text a document holds, in reading order, each with a name for messages and
its place in the pack: what the verify rules look for in every built file.

A piece is one title, heading, paragraph, list item, quotation, attribution, table cell or
cover detail. Text is compared in a `folded` form (letters and digits only, case folded,
compatibility forms unified), so a writer's own spacing, line breaks, hyphenation at a line
end, typographic quotes, capitals on a cover or ligatures never count as a difference, while a
missing word does.
"""

from __future__ import annotations

import re
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

if TYPE_CHECKING:
    from collections.abc import Iterator

    from briefing.document.model import Document, Origin, Run

_NOT_WORD = re.compile(r"[\W_]+")


def fold(text: str, keep: str = "") -> str:
    """The letters and digits of text, case folded: what any reader of the file must find
    (and any of the characters in `keep`)."""
    pattern = re.compile(f"[^\\w{re.escape(keep)}]+|_+") if keep else _NOT_WORD
    return pattern.sub("", unicodedata.normalize("NFKC", text).casefold())


@dataclass(frozen=True)
class Piece:
    """One piece of text. `group` names what a reader would miss ("the agenda row “14:00
    Close”"); the cells of one row share it, so a lost row is one finding. `segment` counts
    the page breaks the document asks for before it; `whole_words` marks text whose words must
    never be broken across lines (table cells, names)."""

    text: str
    folded: str
    kind: str  # "cover", "heading", "paragraph", "list item", "quotation", "cell"
    group: str
    origin: Origin
    segment: int = 0
    whole_words: bool = False


def _plain(runs: list[Run]) -> str:
    return "".join(run.text for run in runs)


def opening(text: str, words: int = 6) -> str:
    """The first few words, quoted, for a message: “A review of a new edited…”."""
    parts = text.split()
    more = "…" if len(parts) > words else ""
    return f"“{' '.join(parts[:words])}{more}”"


def _piece(text: str, kind: str, origin: Origin, segment: int, group: str = "",
           whole_words: bool = False) -> Piece | None:
    folded = fold(text)
    if not folded:
        return None
    return Piece(text, folded, kind, group or f"the {kind} {opening(text)}", origin, segment,
                 whole_words)


_COVER_FIELDS = ("kind_label", "organisation", "title", "subtitle", "date_text", "prepared_by")
_NAMES = ("prepared_by",)


def cover_pieces(document: Document) -> list[Piece]:
    """The cover's texts (writers order them in their own way: looked for as a set)."""
    cover = document.cover
    found: list[Piece | None] = [
        _piece(getattr(cover, name), "cover", cover.origins.get(name, ()), 0,
               f"the cover's {name.replace('_text', '').replace('_', ' ')} "
               f"{opening(getattr(cover, name))}", whole_words=name in _NAMES)
        for name in _COVER_FIELDS]
    found += [_piece(value, "cover", cover.origins.get(label, ()), 0,
                     f"the cover's “{label}” {opening(value)}") for label, value in cover.details]
    return [piece for piece in found if piece is not None]


def body_pieces(document: Document) -> list[Piece]:
    """Every piece after the cover, in reading order: the contents list's entries where it
    stands, then each heading again where it stands."""
    return [piece for piece in _walk(document) if piece is not None]


def _walk(document: Document) -> Iterator[Piece | None]:
    segment = 0
    for index, block in enumerate(document.blocks):
        if isinstance(block, PageBreak):
            segment += 1
        elif isinstance(block, Contents):
            yield _piece(block.title, "heading", (), segment)
            for heading in document.blocks[index + 1:]:
                if isinstance(heading, Heading) and heading.in_contents \
                        and heading.level <= block.max_level:
                    yield _piece(heading.text, "contents entry", heading.origin, segment)
        elif isinstance(block, Heading):
            yield _piece(block.text, "heading", block.origin, segment)
        elif isinstance(block, Paragraph):
            yield _piece(_plain(block.runs), "paragraph", block.origin, segment)
        elif isinstance(block, BulletList):
            for n, runs in enumerate(block.items):
                origin = block.origins[n] if n < len(block.origins) else ()
                yield _piece(_plain(runs), "list item", origin, segment)
        elif isinstance(block, BlockQuote):
            yield _piece(_plain(block.runs), "quotation", block.origin, segment)
            yield _piece(block.attribution, "attribution", block.origin, segment)
        elif isinstance(block, Table):
            yield from _table(block, segment)


def _table(table: Table, segment: int) -> Iterator[Piece | None]:
    yield _piece(table.caption, "table caption", (), segment)
    for cell in table.header:
        yield _piece(cell, "cell", table.origins[0][:-1] if table.origins else (), segment,
                     f"the table heading {opening(cell)}", whole_words=True)
    for r, row in enumerate(table.rows):
        origin = table.origins[r] if r < len(table.origins) else ()
        name = f"the table row {opening(' '.join(cell for cell in row if cell))}"
        for cell in row:
            yield _piece(cell, "cell", origin, segment, name, whole_words=True)
