"""A writer-neutral document: metadata, a cover and a flat list of blocks.

`briefing.compose` turns a Pack into a Document; `briefing.export.docx.writer` and
`briefing.export.pdf.reportlab.writer` turn a Document into a file. Writers read nothing else. All text here is
plain text: writers must print it literally (escape it for their own markup), never interpret it.

Each piece of text also records its `origin`: the place in the pack it came from, as a path
("sections", 0, "items", 1, "summary"), or () for words Briefing adds itself. Writers ignore it;
the checks that prove a built file holds every piece use it to say where a missing one came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date, datetime
    from pathlib import Path

# A place in the pack: keys and list indexes, as briefing.packfile.positions.PathKey.
Origin = tuple[str | int, ...]


# The only kinds of address a link may have: what the Markdown reader turns into a link, and
# what every writer makes live (any other address stays plain text).
LINK_SCHEMES = ("http://", "https://", "mailto:")


@dataclass(frozen=True)
class Run:
    """A stretch of inline text with one formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str = ""  # an external link in one of LINK_SCHEMES; "" for none
    # A tracked change (a redline between two versions): INSERTED or DELETED text; "" for none.
    change: str = ""
    # The language of the text when not the document's: "cy" for Welsh (an item marked Welsh),
    # so screen readers speak it and spell checkers check it as Welsh; "" for the document's.
    lang: str = ""


INSERTED, DELETED = "inserted", "deleted"


@dataclass
class Heading:
    """A heading. Levels 1–3 map to Word's Heading 1–3 and to PDF outline levels 0–2."""

    level: int
    text: str
    anchor: str = ""  # a stable id ("sec-2", "item-2-1") for bookmarks and contents links
    in_contents: bool = True
    origin: Origin = ()


@dataclass
class Paragraph:
    """A paragraph of runs. `role` picks the style:

    - "body": ordinary text
    - "byline": authors, source and date under an item's heading
    - "reference": one entry of the sources list
    - "note": small print (the marking statement, prepared-by line)
    - "lead": a slightly larger opening paragraph (pack intro)
    """

    runs: list[Run]
    role: str = "body"
    origin: Origin = ()


@dataclass
class BulletList:
    """A bulleted list; each item is a list of runs (`origins`: each item's, where known)."""

    items: list[list[Run]]
    origins: list[Origin] = field(default_factory=list)


@dataclass
class BlockQuote:
    """A quotation with its attribution ("Paul Joyce, p. 177")."""

    runs: list[Run]
    attribution: str = ""
    origin: Origin = ()


@dataclass
class Table:
    """A simple table with a header row (e.g. an event agenda)."""

    header: list[str]
    rows: list[list[str]]
    caption: str = ""
    origins: list[Origin] = field(default_factory=list)  # each row's


@dataclass
class Image:
    path: Path
    alt: str
    width_mm: float = 40.0


@dataclass
class Contents:
    """Where the contents list goes; writers fill it from the headings that follow."""

    title: str = "Contents"
    max_level: int = 2


@dataclass
class PageBreak:
    pass


Block = Heading | Paragraph | BulletList | BlockQuote | Table | Image | Contents | PageBreak


@dataclass
class Cover:
    """The first page. Every field is already formatted text ("4 November 2025")."""

    title: str
    subtitle: str = ""
    kind_label: str = ""  # "Member briefing" / "Event handout"
    organisation: str = ""
    date_text: str = ""
    # Which issued version this is: "Version 2 · issued 7 December 2026", "Draft after
    # version 2"; "" for a pack never issued.
    edition: str = ""
    prepared_by: str = ""
    logo: Image | None = None
    # Labelled details, each printed once: ("Event", …), ("Date and time", …), ("Venue", …).
    details: list[tuple[str, str]] = field(default_factory=list)
    # Where each field came from: "title", "subtitle" … and each detail's label.
    origins: dict[str, Origin] = field(default_factory=dict)

    @property
    def lines(self) -> list[str]:
        """The details as plain lines ("Venue: Andover"), for writers that print no labels."""
        return [f"{label}: {value}" for label, value in self.details]


@dataclass
class DocumentMeta:
    title: str
    author: str = ""
    subject: str = ""
    keywords: list[str] = field(default_factory=list)
    language: str = "en-GB"
    marking: str = ""  # "OFFICIAL", "OFFICIAL-SENSITIVE" or ""
    draft: bool = False
    paper: str = "A4"  # "A4" | "A5"
    large_print: bool = False
    template: Path | None = None  # a Word template (.docx) whose styles the Word writer uses
    running_title: str = ""  # printed in the header/footer of every page after the cover
    date: date | None = None  # the pack's date: the file's creation time, for identical rebuilds
    # Who made the tracked changes in a redline (Run.change), and when: Word's Review pane
    # shows them beside each change.
    changes_by: str = ""
    changes_on: datetime | None = None


@dataclass
class Document:
    meta: DocumentMeta
    cover: Cover
    blocks: list[Block] = field(default_factory=list)

    def headings(self) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading)]

    def link_keys(self) -> dict[int, str]:
        """A unique link key for every heading and contents block, by block index: the
        heading's anchor where given (made unique with "-2", "-3"…), else "heading-N" or
        "contents". Every writer names its bookmarks and link targets with these."""
        keys: dict[int, str] = {}
        used: set[str] = set()
        for index, block in enumerate(self.blocks):
            if isinstance(block, (Heading, Contents)):
                wanted = getattr(block, "anchor", "") or (
                    "contents" if isinstance(block, Contents) else f"heading-{index}"
                )
                key = wanted
                n = 2
                while key in used:
                    key = f"{wanted}-{n}"
                    n += 1
                used.add(key)
                keys[index] = key
        return keys
