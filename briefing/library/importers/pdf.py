"""PDF files: the text layer, with hyphenated line breaks joined and paragraphs rebuilt, running
headers, footers and page numbers dropped, and pages set in two columns read column by column."""

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
_END = (".", "?", "!", ":", "”", '"', "’", "'", ")")


_GENERIC_TITLE = re.compile(
    r"^(untitled|document\d*|microsoft word - .*|.*\.(docx?|pdf|txt))$", re.IGNORECASE
)


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
    if author and author.casefold() not in ("anonymous", "unknown", "(anonymous)", "author"):
        meta["author_line"] = author  # (reportlab and others write "anonymous" when none is set)
    return meta


def _pages(name: str, data: bytes) -> tuple[list[str], dict[str, object]]:
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are not for the user
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = bool(
                    reader.decrypt("")
                )  # many PDFs are "protected" with an empty password
            except Exception:
                opened = False
            if not opened:
                raise ImportFailure(
                    name,
                    "the PDF is password-protected (encrypted). Open it with its password, "
                    "save or print an unprotected copy, and import that.",
                )
        _check_unpacked_size(name, reader)
        meta = _info(reader)
        if reader.pages:
            headline = _largest_type(reader.pages[0])
            if headline:
                meta["headline"] = headline
        return [_page_text(page) for page in reader.pages], meta
    except ImportFailure:
        raise
    except LimitReachedError:
        raise ImportFailure(name, _TOO_LARGE) from None
    except (PdfReadError, ValueError, KeyError, TypeError, OSError):
        raise ImportFailure(
            name,
            "the PDF is damaged or is not a PDF. Open it in a PDF reader and save a new "
            "copy, or copy its text into a .txt file.",
        ) from None


def _largest_type(page: object) -> str:
    """The first page's headline: the words set in the largest type, when that is clearly larger
    than the text's (a report's running header is set smaller than its headline)."""
    runs: list[tuple[str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
        if text.strip():
            runs.append((text, round(float(size) * (scale or 1), 1)))

    try:
        page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    except Exception:  # the headline is a refinement: the text stands without it
        return ""
    if len(runs) < 4:
        return ""
    sizes = sorted(size for text, size in runs for _ in text.split())
    body, biggest = sizes[len(sizes) // 2], sizes[-1]
    if biggest < body * 1.3:
        return ""
    words = " ".join(text for text, size in runs if size == biggest).split()
    return " ".join(words) if 1 <= len(words) <= 30 else ""


def _page_text(page: object) -> str:
    """The page's text in reading order: the page's layout is checked for two columns side by
    side, which are read left column first, then the right."""
    text = str(page.extract_text() or "")  # type: ignore[attr-defined]
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) < 4:
        return text
    try:
        layout = str(page.extract_text(extraction_mode="layout") or "")  # type: ignore[attr-defined]
    except Exception:  # layout is a refinement: the plain text stands without it
        return text
    return columns(layout) or text


_GAP = re.compile(r" {2,}(?=\S)")


def columns(layout: str) -> str:
    """Text laid out in two columns (as pypdf's layout mode places it, in fixed-width rows)
    rewritten as the left column then the right; "" when the rows show no gutter between two
    columns. Rows that run across the gutter (a title over both columns) keep their place in
    the left column's flow."""
    rows = [row.rstrip() for row in layout.split("\n")]
    filled = [row for row in rows if row.strip()]
    if len(filled) < 4:
        return ""
    width = max(len(row) for row in filled)
    # The gutter: the place clear on the most rows, with text either side of it on enough of
    # them; the middle of the clearest stretch.
    found: dict[int, int] = {}
    for gutter in range(width // 3, 2 * width // 3):
        clear = sum(1 for row in filled if row[gutter - 1 : gutter + 2].strip() == "")
        both = sum(1 for row in filled if row[:gutter].strip() and row[gutter:].strip())
        if clear >= 0.8 * len(filled) and both >= max(2, 0.25 * len(filled)):
            found[gutter] = clear
    if not found:
        return ""
    clearest = [g for g, clear in found.items() if clear == max(found.values())]
    best = clearest[len(clearest) // 2]
    left: list[str] = []
    right: list[str] = []
    for row in rows:
        # (layout mode sets proportional type in fixed columns, so a row's gap between the
        # columns can sit a few places either side of the gutter)
        gap = _GAP.search(row, max(0, best - 12), best + 6)
        if gap is None and row[best - 1 : best + 2].strip():  # runs across the gutter
            left.append(" ".join(row.split()))
            continue
        cut = gap.start() if gap is not None else best
        left.append(" ".join(row[:cut].split()))
        right.append(" ".join(row[cut:].split()))
    # (a paragraph that runs from the foot of the left column to the top of the right stays one)
    return "\n".join(left).rstrip() + "\n" + "\n".join(right).strip("\n")


# pypdf stops unpacking one stream at 75 MB; all the pages together stop here.
MAX_UNPACKED = 200 * 1024 * 1024
_TOO_LARGE = (
    "its pages unpack to more than Briefing reads (200 MB, or 75 MB for one page): "
    "too large to read safely. Print the pages you need to a new PDF and import that."
)


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
    return [
        [ln for ln in page if ln.strip() not in running and not _PAGE_NUMBER.match(ln)]
        for page in pages
    ]


def _stands_alone(line: str) -> bool:
    from briefing.library.importers import metadata as md

    if len(line) > 80:
        return False
    author = md.parse_author_line(line) if line[:3].lower() == "by " else None
    return (author is not None and author.strength == 3) or md.date_line(line) is not None


def _from_headline(lines: list[str], headline: str) -> list[str]:
    """The first page from its headline on: a line or two above it in smaller type (a running
    header on a one-page report, a section label) is not the article's."""
    first = headline.split()[0]
    for index, line in enumerate(lines[:4]):
        if line.strip().startswith(first) and headline.startswith(" ".join(line.split())):
            return lines[index:]
    return lines


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
    joined = -1
    for index, raw in enumerate(lines):
        if index == joined:
            continue
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
        following = " ".join(lines[index + 1].split()) if index + 1 < len(lines) else ""
        if (
            line[:3].lower() == "by "
            and following
            and len(following.split()) <= 3
            and _stands_alone(f"{line} {following}")
        ):
            line, joined = f"{line} {following}", index + 1  # a byline wrapped in a column
        if _stands_alone(line):  # a byline or a dateline under the title is a line of its own
            if current != line:
                paragraphs.append(current[: -len(line)].strip())
            paragraphs.append(line)
            current = ""
            continue
        short = len(line) < width * 0.75
        next_line = lines[index + 1].strip() if index + 1 < len(lines) else ""
        heading = (
            short
            and not line.endswith(_END + (",", ";"))
            and next_line[:1].isupper()
            and len(line.split()) <= 14
        )
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
            name,
            "the PDF has no text layer: it is probably a scanned image. Run OCR on it first "
            "(for example 'Recognise text' in your PDF software), then import the result.",
        )
    pages = _drop_running_lines(pages)
    headline = str(meta.pop("headline", ""))
    if headline and pages:
        pages[0] = _from_headline(pages[0], headline)
    # Pages are joined without a break: paragraphs often run on to the next page.
    lines = [ln for page in pages for ln in page]
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
    return SourceText(
        text="\n".join(out), name=name, format="pdf", list_items=list_items, meta=meta
    )
