"""Word files (.docx): paragraphs in order, Heading styles and lists as hints, tables as text.

Text is read as Word shows it with its changes accepted: tracked insertions are kept, tracked
deletions left out, and hidden text (formatted as hidden, directly or by its style) left out;
the import says how many of each it met, so a draft with changes still open is noticed.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.archives import ArchiveTooLarge, check_package
from briefing.library.importers.source import ImportFailure, SourceText, require_text
from briefing.uk import plural

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.oxml.xmlchemy import BaseOxmlElement
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


_SKIPPED = {f"{_W}del", f"{_W}moveFrom", f"{_W}rPr", f"{_W}pPr", f"{_W}instrText",
            f"{_W}delText", f"{_W}fldChar"}
_OFF = {"0", "false", "off"}


@dataclass
class _Changes:
    """What reading left in or out, for the import to say."""

    inserted: int = 0
    deleted: int = 0
    hidden: int = 0

    def notes(self) -> list[str]:
        said = []
        if self.inserted or self.deleted:
            said.append(f"tracked changes accepted: {plural(self.inserted, 'insertion')} kept, "
                        f"{plural(self.deleted, 'deletion')} left out (check the text, or "
                        "accept or reject the changes in Word and import again)")
        if self.hidden:
            said.append(f"hidden text left out ({plural(self.hidden, 'passage')} formatted "
                        "as hidden in Word)")
        return said


def _hidden_styles(document: DocxDocument) -> set[str]:
    """Ids of character and paragraph styles that hide their text (or are based on one)."""
    styles = document.styles.element
    based: dict[str, str] = {}
    hides: dict[str, bool] = {}
    for style in styles.iterchildren(f"{_W}style"):
        style_id = style.get(f"{_W}styleId", "")
        parent = style.find(f"{_W}basedOn")
        if parent is not None:
            based[style_id] = parent.get(f"{_W}val", "")
        vanish = style.find(f"{_W}rPr/{_W}vanish")
        if vanish is not None:
            hides[style_id] = vanish.get(f"{_W}val", "true") not in _OFF
    hidden = set()
    for style_id in {*based, *hides}:
        seen, current = set(), style_id
        while current and current not in hides and current not in seen:
            seen.add(current)
            current = based.get(current, "")
        if hides.get(current, False):
            hidden.add(style_id)
    return hidden


def _is_hidden(run: BaseOxmlElement, hidden_styles: set[str]) -> bool:
    props = run.find(f"{_W}rPr")
    if props is None:
        return False
    vanish = props.find(f"{_W}vanish")
    if vanish is not None:
        return vanish.get(f"{_W}val", "true") not in _OFF
    style = props.find(f"{_W}rStyle")
    return style is not None and style.get(f"{_W}val", "") in hidden_styles


def _text_of(element: BaseOxmlElement, hidden_styles: set[str], changes: _Changes) -> str:
    """The text of a paragraph as Word shows it with its changes accepted."""
    out: list[str] = []

    def walk(node: BaseOxmlElement) -> None:
        for child in node.iterchildren():
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                if tag in (f"{_W}del", f"{_W}moveFrom"):
                    changes.deleted += 1
                continue
            if tag == f"{_W}r":
                if _is_hidden(child, hidden_styles):
                    changes.hidden += 1
                    continue
                for part in child.iterchildren():
                    if part.tag == f"{_W}t":
                        out.append(part.text or "")
                    elif part.tag == f"{_W}tab":
                        out.append("\t")
                    elif part.tag in (f"{_W}br", f"{_W}cr"):
                        out.append("\n")
                continue
            if tag in (f"{_W}ins", f"{_W}moveTo"):
                changes.inserted += 1
            walk(child)  # insertions, links, fields, content controls, smart tags

    walk(element)
    return "".join(out)


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

    hidden_styles = _hidden_styles(document)
    changes = _Changes()
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
            if paragraph.style is not None and paragraph.style.style_id in hidden_styles:
                changes.hidden += 1
                continue
            add(_text_of(element, hidden_styles, changes), _heading_level(style),
                _is_list(paragraph))
        elif element.tag == f"{_W}tbl":
            for row in Table(element, document).rows:
                cells: list[str] = []
                for cell in row.cells:
                    text = " ".join(" ".join(_text_of(p, hidden_styles, changes)
                                             for p in cell._tc.iter(f"{_W}p")).split())
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
    if changes.notes():
        meta["notes"] = changes.notes()
    text = require_text(name, "\n".join(lines))
    return SourceText(text=text, name=name, format="docx", encoding="", headings=headings,
                      list_items=list_items, meta=meta)
