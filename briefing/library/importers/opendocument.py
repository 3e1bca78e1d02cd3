"""LibreOffice and OpenOffice text documents (.odt): headings, paragraphs and lists in order.

The package is checked for its unpacked size before anything is parsed (see briefing.limits.archives),
and content.xml is parsed with entities left unexpanded and no network access.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from briefing.library.importers.source import ImportFailure, SourceText, require_text
from briefing.limits.archives import ArchiveTooLarge, check_package

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DAMAGED = (
    "the OpenDocument file is damaged or is not a text document. Open it in LibreOffice, "
    "save a new copy and import that."
)


def _parse(name: str, archive: zipfile.ZipFile, part: str) -> etree._Element | None:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(archive.read(part), parser)
    except KeyError:
        return None
    except (etree.XMLSyntaxError, ValueError, zipfile.BadZipFile, OSError):
        raise ImportFailure(name, _DAMAGED) from None


def _words(element: etree._Element) -> str:
    """The element's text, with its tabs, spaces and line breaks as white space."""
    for gap in element.iter(f"{_TEXT}tab", f"{_TEXT}s", f"{_TEXT}line-break"):
        gap.text = " "
    return " ".join("".join(element.itertext()).split())


def read_odt(name: str, data: bytes) -> SourceText:
    try:
        check_package(data)
        archive = zipfile.ZipFile(io.BytesIO(data))
    except ArchiveTooLarge as exc:
        raise ImportFailure(name, f"the document is too large to read safely: {exc}.") from None
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError, ValueError):
        raise ImportFailure(name, _DAMAGED) from None
    with archive:
        content = _parse(name, archive, "content.xml")
        meta_xml = _parse(name, archive, "meta.xml")
    if content is None:
        raise ImportFailure(name, _DAMAGED)
    lines: list[str] = []
    headings: dict[int, int] = {}
    list_items: set[int] = set()
    for element in content.iter(f"{_TEXT}h", f"{_TEXT}p"):
        if any(a.tag in (f"{_TEXT}p", f"{_TEXT}h") for a in element.iterancestors()):
            continue  # a paragraph inside a note or frame is read with its own paragraph
        text = _words(element)
        if not text:
            continue
        in_list = any(a.tag == f"{_TEXT}list-item" for a in element.iterancestors())
        if lines:
            lines.append("")
        lines.append(f"- {text}" if in_list else text)
        if element.tag == f"{_TEXT}h":
            level = element.get(f"{_TEXT}outline-level") or "1"
            headings[len(lines)] = int(level) if level.isdigit() else 1
        elif in_list:
            list_items.add(len(lines))
    meta: dict[str, object] = {}
    if meta_xml is not None:
        title = meta_xml.find(f".//{_DC}title")
        if title is not None and (title.text or "").strip():
            meta["title"] = " ".join(title.text.split())
        creator = meta_xml.find(f".//{_DC}creator")
        if creator is not None and (creator.text or "").strip():
            meta["authors"] = [" ".join(creator.text.split())]
    text = require_text(name, "\n".join(lines))
    return SourceText(
        text=text, name=name, format="docx", headings=headings, list_items=list_items, meta=meta
    )
