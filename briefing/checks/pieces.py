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
from collections.abc import Callable
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

_NOT_WORD = re.compile(r"\W+")


def squeeze(text: str, keep: str = "") -> str:
    """Text case folded without its spacing: enough to compare a Word file or a web page,
    whose writers store each text exactly as given (`keep` is for fold's signature)."""
    return "".join(text.casefold().split())


def fold(text: str, keep: str = "") -> str:
    """The letters and digits of text, case folded: what any reader of the file must find
    (and any of the characters in `keep`)."""
    # (underscores go first: a pattern of one class is quicker than one of two branches)
    pattern = re.compile(f"[^\\w{re.escape(keep)}]+") if keep else _NOT_WORD
    return pattern.sub("", unicodedata.normalize("NFKC", text).casefold().replace("_", ""))


@dataclass(frozen=True)
class Piece:
    """One piece of text. `group` names what a reader would miss ("the table row “14:00
    Close”"); the cells of one row share it, so a lost row is one finding. `segment` counts
    the page breaks the document asks for before it; `whole_words` marks text whose words must
    never be broken across lines (table cells, names)."""

    text: str
    folded: str
    kind: str  # "cover", "heading", "paragraph", "list item", "quotation", "cell" …
    origin: Origin
    segment: int = 0
    whole_words: bool = False
    label: str = ""  # the group's name where it is not "the KIND “opening…”"

    @property
    def group(self) -> str:
        return self.label or f"the {self.kind} {opening(self.text)}"


def _plain(runs: list[Run]) -> str:
    return "".join(run.text for run in runs)


def opening(text: str, words: int = 6) -> str:
    """The first few words, quoted, for a message: “A review of a new edited…”."""
    parts = text.split()
    more = "…" if len(parts) > words else ""
    return f"“{' '.join(parts[:words])}{more}”"


# fold or squeeze: (text, characters to keep) -> the text as compared.
Folding = Callable[[str, str], str]
# (text, kind, origin, segment, whole_words, label): a piece before its text is folded.
_Raw = tuple[str, str, "Origin", int, bool, str]
_SEPARATOR = "\ue000"  # between the texts folded at once (a private character)


def _pieces(raw: list[_Raw], folding: Folding) -> list[Piece]:
    """The pieces, their texts folded in one pass (empty ones, punctuation only, left out)."""
    texts = [text.replace(_SEPARATOR, " ") for text, *_ in raw]
    folded = folding(_SEPARATOR.join(texts), _SEPARATOR).split(_SEPARATOR)
    return [
        Piece(text, done, kind, origin, segment, whole, label)
        for (text, kind, origin, segment, whole, label), done in zip(raw, folded, strict=True)
        if done
    ]


_COVER_FIELDS = (
    "kind_label",
    "organisation",
    "title",
    "subtitle",
    "date_text",
    "edition",
    "prepared_by",
)
_NAMES = ("prepared_by",)


def cover_pieces(document: Document, folding: Folding = fold) -> list[Piece]:
    """The cover's texts (writers order them in their own way: looked for as a set)."""
    cover = document.cover
    raw: list[_Raw] = []
    for name in _COVER_FIELDS:
        text = getattr(cover, name)
        what = name.replace("_text", "").replace("_", " ")
        raw.append(
            (
                text,
                "cover",
                cover.origins.get(name, ()),
                0,
                name in _NAMES,
                f"the cover's {what} {opening(text)}",
            )
        )
    raw += [
        (
            value,
            "cover",
            cover.origins.get(label, ()),
            0,
            False,
            f"the cover's “{label}” {opening(value)}",
        )
        for label, value in cover.details
    ]
    return _pieces(raw, folding)


def body_pieces(document: Document, folding: Folding = fold) -> list[Piece]:
    """Every piece after the cover, in reading order: the contents list's entries where it
    stands, then each heading again where it stands."""
    return _pieces(list(_walk(document)), folding)


def _walk(document: Document) -> Iterator[_Raw]:
    segment = 0
    for index, block in enumerate(document.blocks):
        if isinstance(block, PageBreak):
            segment += 1
        elif isinstance(block, Contents):
            yield block.title, "heading", (), segment, False, ""
            for heading in document.blocks[index + 1 :]:
                if (
                    isinstance(heading, Heading)
                    and heading.in_contents
                    and heading.level <= block.max_level
                ):
                    yield heading.text, "contents entry", heading.origin, segment, False, ""
        elif isinstance(block, Heading):
            yield block.text, "heading", block.origin, segment, False, ""
        elif isinstance(block, Paragraph):
            yield _plain(block.runs), "paragraph", block.origin, segment, False, ""
        elif isinstance(block, BulletList):
            for n, runs in enumerate(block.items):
                origin = block.origins[n] if n < len(block.origins) else ()
                yield _plain(runs), "list item", origin, segment, False, ""
        elif isinstance(block, BlockQuote):
            yield _plain(block.runs), "quotation", block.origin, segment, False, ""
            yield block.attribution, "attribution", block.origin, segment, False, ""
        elif isinstance(block, Table):
            yield from _table(block, segment)


def _table(table: Table, segment: int) -> Iterator[_Raw]:
    yield table.caption, "table caption", (), segment, False, ""
    for cell in table.header:
        yield (
            cell,
            "cell",
            table.origins[0][:-1] if table.origins else (),
            segment,
            True,
            f"the table heading {opening(cell)}",
        )
    for r, row in enumerate(table.rows):
        origin = table.origins[r] if r < len(table.origins) else ()
        name = f"the table row {opening(' '.join(cell for cell in row if cell))}"
        for cell in row:
            yield cell, "cell", origin, segment, True, name
