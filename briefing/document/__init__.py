"""The document model: the one thing every writer reads."""

from __future__ import annotations

from briefing.document.model import (
    Block,
    BlockQuote,
    BulletList,
    Contents,
    Cover,
    Document,
    DocumentMeta,
    Heading,
    Image,
    PageBreak,
    Paragraph,
    Run,
    Table,
)

__all__ = [
    "Block",
    "BlockQuote",
    "BulletList",
    "Contents",
    "Cover",
    "Document",
    "DocumentMeta",
    "Heading",
    "Image",
    "PageBreak",
    "Paragraph",
    "Run",
    "Table",
]
