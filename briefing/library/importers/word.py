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

from briefing.library.importers.source import ImportFailure, SourceText, require_text
from briefing.limits.archives import ArchiveTooLarge, check_package
from briefing.uk.wording import plural

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.oxml.xmlchemy import BaseOxmlElement

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Authors python-docx and Word write by default: they name the software or the machine, not a writer.
_DEFAULT_AUTHORS = {"python-docx", "microsoft office user", "author", "user", "admin"}


def _heading_level(style_name: str) -> int | None:
    if style_name == "Title":
        return 0
    match = re.fullmatch(r"Heading (\d)", style_name)
    return int(match.group(1)) if match else None


def _is_list(element: BaseOxmlElement, style: str) -> bool:
    if style.startswith("List"):
        return True
    ppr = element.find(f"{_W}pPr")
    return ppr is not None and ppr.find(f"{_W}numPr") is not None


def _paragraph_styles(document: DocxDocument) -> tuple[dict[str, str], str]:
    """Each paragraph style's id -> the name python-docx gives it ("Heading 1"), and the
    default paragraph style's id: read once, so a template with thousands of styles costs one
    pass, not one pass per paragraph (python-docx's paragraph.style scans every style)."""
    from docx.styles import BabelFish

    names: dict[str, str] = {}
    default = ""
    for style in document.styles.element.iterchildren(f"{_W}style"):
        if style.get(f"{_W}type") not in (None, "paragraph"):
            continue
        style_id = style.get(f"{_W}styleId", "")
        name = style.find(f"{_W}name")
        names[style_id] = (
            BabelFish.internal2ui(name.get(f"{_W}val", "")) if name is not None else ""
        )
        if style.get(f"{_W}default") in ("1", "true", "on"):
            default = style_id
    return names, default


def _style_of(element: BaseOxmlElement, default: str) -> str:
    found = element.find(f"{_W}pPr/{_W}pStyle")
    return default if found is None else found.get(f"{_W}val", default)


_SKIPPED = {
    f"{_W}del",
    f"{_W}moveFrom",
    f"{_W}rPr",
    f"{_W}pPr",
    f"{_W}instrText",
    f"{_W}delText",
    f"{_W}fldChar",
}
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
            said.append(
                f"tracked changes accepted: {plural(self.inserted, 'insertion')} kept, "
                f"{plural(self.deleted, 'deletion')} left out (check the text, or "
                "accept or reject the changes in Word and import again)"
            )
        if self.hidden:
            said.append(
                f"hidden text left out ({plural(self.hidden, 'passage')} formatted "
                "as hidden in Word)"
            )
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


def read_docx(name: str, data: bytes) -> SourceText:  # noqa: C901 - one pass over the body, one branch per kind of element
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ImportFailure(
            name,
            "this is not a Word .docx file (it is not a zip package). If it is an older .doc "
            "file, open it in Word and use Save As → Word Document (.docx).",
        )
    try:
        check_package(data)
    except ArchiveTooLarge as exc:
        raise ImportFailure(
            name,
            f"the Word file is too large to read safely: {exc}. Open it "
            "in Word and save a smaller copy, or copy its text.",
        ) from None
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError, ValueError):
        raise ImportFailure(
            name,
            "the Word file is damaged or is not a Word document. Open it in Word, "
            "save a new copy and import that.",
        ) from None
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # python-docx raises several types for a damaged package
        raise ImportFailure(
            name,
            "the Word file is damaged or is not a Word document. Open it in Word, "
            "save a new copy and import that.",
        ) from None

    hidden_styles = _hidden_styles(document)
    style_names, default_style = _paragraph_styles(document)
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
            style_id = _style_of(element, default_style)
            if style_id in hidden_styles:
                changes.hidden += 1
                continue
            style = style_names.get(style_id, "")
            add(
                _text_of(element, hidden_styles, changes),
                _heading_level(style),
                _is_list(element, style),
            )
        elif element.tag == f"{_W}tbl":
            for row in Table(element, document).rows:
                cells: list[str] = []
                for cell in row.cells:
                    text = " ".join(
                        " ".join(
                            _text_of(p, hidden_styles, changes) for p in cell._tc.iter(f"{_W}p")
                        ).split()
                    )
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
    return SourceText(
        text=text,
        name=name,
        format="docx",
        encoding="",
        headings=headings,
        list_items=list_items,
        meta=meta,
    )
