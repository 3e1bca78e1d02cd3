"""Word files (.docx): paragraphs in order, Heading styles and lists as hints, tables as text."""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING

from briefing.archives import ArchiveTooLarge, check_package
from briefing.library.importers.source import ImportFailure, SourceText, require_text

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Authors python-docx and Word write by default: they name the software or the machine, not a writer.
_DEFAULT_AUTHORS = {"python-docx", "microsoft office user", "author", "user", "admin"}


def _heading_level(style_name: str) -> int | None:
    if style_name == "Title":
        return 0
    match = re.fullmatch(r"Heading (\d)", style_name)
    return int(match.group(1)) if match else None


def _is_list(paragraph: Paragraph) -> bool:
    style = paragraph.style.name if paragraph.style is not None else ""
    if style.startswith("List"):
        return True
    ppr = paragraph._p.pPr
    return ppr is not None and ppr.find(f"{_W}numPr") is not None


def read_docx(name: str, data: bytes) -> SourceText:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ImportFailure(
            name,
            "this is not a Word .docx file (it is not a zip package). If it is an older .doc "
            "file, open it in Word and use Save As → Word Document (.docx).",
        )
    try:
        check_package(data)
    except ArchiveTooLarge as exc:
        raise ImportFailure(name, f"the Word file is too large to read safely: {exc}. Open it "
                            "in Word and save a smaller copy, or copy its text.") from None
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError, ValueError):
        raise ImportFailure(
            name, "the Word file is damaged or is not a Word document. Open it in Word, "
            "save a new copy and import that.") from None
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # python-docx raises several types for a damaged package
        raise ImportFailure(
            name, "the Word file is damaged or is not a Word document. Open it in Word, "
            "save a new copy and import that.") from None

    lines: list[str] = []
    headings: dict[int, int] = {}
    list_items: set[int] = set()

    def add(text: str, level: int | None = None, is_item: bool = False) -> None:
        for part in text.split("\n"):
            part = part.strip()
            if not part:
                continue
            if lines:
                lines.append("")  # a blank line between paragraphs, as in a text file
            lines.append(f"- {part}" if is_item else part)
            if level is not None:
                headings[len(lines)] = level
            if is_item:
                list_items.add(len(lines))

    for element in document.element.body.iterchildren():
        if element.tag == f"{_W}p":
            paragraph = Paragraph(element, document)
            style = paragraph.style.name if paragraph.style is not None else ""
            add(paragraph.text, _heading_level(style), _is_list(paragraph))
        elif element.tag == f"{_W}tbl":
            for row in Table(element, document).rows:
                cells: list[str] = []
                for cell in row.cells:
                    text = " ".join(cell.text.split())
                    if text and (not cells or cells[-1] != text):  # merged cells repeat
                        cells.append(text)
                if cells:
                    add(" | ".join(cells))

    meta: dict[str, object] = {}
    props = document.core_properties
    if (props.title or "").strip():
        meta["title"] = props.title.strip()
    author = (props.author or "").strip()
    if author and author.lower() not in _DEFAULT_AUTHORS:
        meta["authors"] = [author]
    text = require_text(name, "\n".join(lines))
    return SourceText(text=text, name=name, format="docx", encoding="", headings=headings,
                      list_items=list_items, meta=meta)
