"""PDF files: the text layer, with hyphenated line breaks joined and paragraphs rebuilt."""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from typing import TYPE_CHECKING

from briefing.library.importers.source import ImportFailure, SourceText

if TYPE_CHECKING:
    from pypdf import PdfReader

_BULLET = re.compile(r"^\s*[•●▪◦‣∙·\-–*]\s+")
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.IGNORECASE)
_END = ("." , "?", "!", ":", "”", '"', "’", "'", ")")


_GENERIC_TITLE = re.compile(r"^(untitled|document\d*|microsoft word - .*|.*\.(docx?|pdf|txt))$",
                            re.IGNORECASE)


def _info(reader: PdfReader) -> dict[str, object]:
    """Title and author from the PDF's document properties, when they look real."""
    meta: dict[str, object] = {}
    try:
        info = reader.metadata
        title = " ".join(str(info.title or "").split()) if info else ""
        author = " ".join(str(info.author or "").split()) if info else ""
    except Exception:  # damaged properties never stop an import
        return meta
    if title and not _GENERIC_TITLE.match(title):
        meta["title"] = title
    if author:
        meta["author_line"] = author
    return meta


def _pages(name: str, data: bytes) -> tuple[list[str], dict[str, object]]:
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are not for the user
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = bool(reader.decrypt(""))  # many PDFs are "protected" with an empty password
            except Exception:
                opened = False
            if not opened:
                raise ImportFailure(
                    name, "the PDF is password-protected (encrypted). Open it with its password, "
                    "save or print an unprotected copy, and import that.")
        _check_unpacked_size(name, reader)
        return [page.extract_text() or "" for page in reader.pages], _info(reader)
    except ImportFailure:
        raise
    except LimitReachedError:
        raise ImportFailure(name, _TOO_LARGE) from None
    except (PdfReadError, ValueError, KeyError, TypeError, OSError):
        raise ImportFailure(
            name, "the PDF is damaged or is not a PDF. Open it in a PDF reader and save a new "
            "copy, or copy its text into a .txt file.") from None


# pypdf stops unpacking one stream at 75 MB; all the pages together stop here.
MAX_UNPACKED = 200 * 1024 * 1024
_TOO_LARGE = ("its pages unpack to more than Briefing reads (200 MB, or 75 MB for one page): "
              "too large to read safely. Print the pages you need to a new PDF and import that.")


def _check_unpacked_size(name: str, reader: PdfReader) -> None:
    """Unpack each page's contents once, with pypdf's limit on each stream, and stop when all
    of them come to more than MAX_UNPACKED (a "PDF bomb" of a few MB that unpacks to GB)."""
    from pypdf.errors import LimitReachedError

    total = 0
    for page in reader.pages:
        try:
            contents = page.get_contents()
            total += len(contents.get_data()) if contents is not None else 0
        except LimitReachedError:
            raise ImportFailure(name, _TOO_LARGE) from None
        if total > MAX_UNPACKED:
            raise ImportFailure(name, _TOO_LARGE)


def _drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Remove headers and footers repeated on most pages (markings, running titles, page numbers)."""
    if len(pages) < 2:
        return [[ln for ln in page if not _PAGE_NUMBER.match(ln)] for page in pages]
    edges: Counter[str] = Counter()
    for page in pages:
        edges.update({ln.strip() for ln in page[:2] + page[-2:] if ln.strip()})
    running = {ln for ln, n in edges.items() if n >= max(2, len(pages) * 0.6)}
    return [[ln for ln in page if ln.strip() not in running and not _PAGE_NUMBER.match(ln)]
            for page in pages]


def rebuild_paragraphs(lines: list[str]) -> list[str]:
    """Join a PDF's visual lines into paragraphs.

    A paragraph ends at a blank line, before a bullet, or after a line that ends a sentence and
    stops clearly short of the usual line width; short lines that do not end a sentence (headings)
    stand alone. Words split by a hyphen at a line end are joined.
    """
    lengths = sorted(len(ln) for ln in lines if ln.strip())
    width = lengths[int(len(lengths) * 0.8)] if lengths else 80
    paragraphs: list[str] = []
    current = ""
    for index, raw in enumerate(lines):
        line = " ".join(raw.split())
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if _BULLET.match(line) and current:
            paragraphs.append(current)
            current = ""
        if current.endswith("-") and line[:1].islower() and not current.endswith(" -"):
            current = current[:-1] + line
        else:
            current = f"{current} {line}".strip()
        short = len(line) < width * 0.75
        next_line = lines[index + 1].strip() if index + 1 < len(lines) else ""
        heading = short and not line.endswith(_END + (",", ";")) and next_line[:1].isupper() \
            and len(line.split()) <= 14
        if (short and line.endswith(_END)) or heading:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def read_pdf(name: str, data: bytes) -> SourceText:
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise ImportFailure(name, "this file is not a PDF (it has no PDF header). Check the file.")
    texts, meta = _pages(name, data)
    pages = [page.split("\n") for page in texts]
    if not any(ln.strip() for page in pages for ln in page):
        raise ImportFailure(
            name, "the PDF has no text layer: it is probably a scanned image. Run OCR on it first "
            "(for example 'Recognise text' in your PDF software), then import the result.")
    # Pages are joined without a break: paragraphs often run on to the next page.
    lines = [ln for page in _drop_running_lines(pages) for ln in page]
    paragraphs = rebuild_paragraphs(lines)
    list_items: set[int] = set()
    out: list[str] = []
    for paragraph in paragraphs:
        if out:
            out.append("")
        if _BULLET.match(paragraph):
            paragraph = _BULLET.sub("- ", paragraph, count=1)
            list_items.add(len(out) + 1)
        out.append(paragraph)
    return SourceText(text="\n".join(out), name=name, format="pdf", list_items=list_items,
                      meta=meta)
