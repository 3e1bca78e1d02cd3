"""The tagged PDF writer: a Document becomes a PDF/UA-1 and PDF/A-2a file, laid out by Typst.

The fixed template in assets/typst/briefing.typ is given the document as JSON (strings are values,
never markup) and the pictures as bytes in a virtual folder, so the compiler reads nothing else
from disk and never reaches the network. The file carries a structure tree for screen readers
(headings, lists, quotes, tables with header cells, the logo as a figure with its description),
its language and title, bookmarks and a linked contents; page furniture is marked as artifacts.
The same pack gives a byte-identical file: the creation date is the pack's date (or
SOURCE_DATE_EPOCH when set).
"""

from __future__ import annotations

import functools
import io
import json
import logging
import os
import re
import tempfile
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from briefing.errors import BriefingError
from briefing.export.pdf.typst.data import typst_input
from briefing.export.pdf.typst.fonts import (
    BUNDLED_FAMILY,
    font_collection,
    missing_glyphs,
    needs_fallback,
)
from briefing.export.registry import Rendered
from briefing.files import atomic_write_bytes
from briefing.resources import asset

if TYPE_CHECKING:
    from collections.abc import Callable

    from typst import PDFStandard

    from briefing.document.model import Document

__all__ = [
    "PDF_STANDARDS", "page_count", "release_layout_cache", "releasing_layout_cache",
    "render_typst_pdf", "write_typst_pdf",
]

PDF_STANDARDS: list[PDFStandard] = ["ua-1", "a-2a"]
# Used when a document has no date of its own (and no SOURCE_DATE_EPOCH): a fixed date, so the
# file does not change from one build to the next.
_FIXED_DATE = datetime(2000, 1, 1, tzinfo=UTC)

log = logging.getLogger(__name__)
P = ParamSpec("P")
R = TypeVar("R")

# Typst keeps what it lays out in one cache for the whole process and drops an entry only once it
# has gone unused through this many later compiles.
_CACHE_KEPT_FOR = 10


def render_typst_pdf(
    document: Document, progress: Callable[[int, int], None] | None = None
) -> Rendered:
    """The tagged PDF for document: its bytes and page count.

    Raises BriefingError with a plain message (never the compiler's own) for content that cannot
    be printed, such as an unreadable picture or a briefing without a title.
    """
    import typst

    if not " ".join(document.meta.title.split()):
        raise BriefingError("The briefing has no title. Give the pack a title: the PDF shows it "
                            "in the window's title bar and screen readers announce it.")
    total = len(document.blocks) or 1
    if progress is not None:
        progress(0, total)
    fallback = needs_fallback(document)
    if fallback:
        _refuse_missing_glyphs(document)
    prepared = typst_input(document, [BUNDLED_FAMILY])
    fonts = font_collection(fallback)
    # The compiler reads pictures from its root folder: a private folder holding only them.
    with tempfile.TemporaryDirectory(prefix="briefing-pdf-") as root:
        for name, data in prepared.pictures.items():
            picture = Path(root, name)
            picture.parent.mkdir(parents=True, exist_ok=True)
            picture.write_bytes(data)
        try:
            pdf = typst.compile(
                _template(),
                root=root,
                font_paths=fonts,
                sys_inputs={"document": json.dumps(prepared.document, ensure_ascii=False)},
                pdf_standards=PDF_STANDARDS,
                timestamp=_timestamp(document),
            )
        except typst.TypstError as exc:
            log.debug("Typst could not compile the briefing: %s",
                      getattr(exc, "diagnostic", "") or exc)
            raise BriefingError(_plain_message(exc)) from exc
    if progress is not None:
        progress(total, total)
    data = bytes(pdf)
    return Rendered(data, pages=page_count(data))


def release_layout_cache() -> None:
    """Let go of what Typst cached while laying out earlier briefings.

    A compile never reuses another briefing's layout, yet the cache holds each one through ten
    more compiles: in the app, where the preview compiles again after every pause in typing, a
    300-item pack would climb past 2 GB. Compiling an empty page (a few milliseconds each)
    ages those entries out; the memory goes back to the process for the next compile.
    """
    import typst

    for _ in range(_CACHE_KEPT_FOR + 1):
        typst.compile(b"", ignore_system_fonts=True)


def releasing_layout_cache(work: Callable[P, R]) -> Callable[P, R]:
    """`work`, followed by release_layout_cache() however it ends (for the app's previews and
    exports, which compile again and again in one process)."""

    @functools.wraps(work)
    def then_release(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return work(*args, **kwargs)
        finally:
            release_layout_cache()

    return then_release


def write_typst_pdf(document: Document, target: Path) -> Path:
    """Render document and write it to target safely; returns target."""
    return atomic_write_bytes(Path(target), render_typst_pdf(document).data)


# The page tree's root: "/Type /Pages … /Count N" (Typst writes it uncompressed, outside any
# object stream); nested page trees count fewer, so the largest count is the document's.
_PAGE_TREE = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)|/Count\s+(\d+)[^>]*?/Type\s*/Pages\b")


def page_count(pdf: bytes) -> int:
    """The pages in a PDF the compiler has just written, from its page tree (the compiler does
    not report it); pypdf reads the tree should its layout ever change."""
    counts = [int(a or b) for a, b in _PAGE_TREE.findall(pdf)]
    if counts:
        return max(counts)
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


@lru_cache(maxsize=1)
def _template() -> bytes:
    path = asset("typst", "briefing.typ")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise BriefingError(
            f"Cannot read the PDF template {path}: {exc.strerror or exc}. Reinstall Briefing to "
            "restore it."
        ) from exc


def _timestamp(document: Document) -> datetime:
    """The file's creation date: SOURCE_DATE_EPOCH if set, else the briefing's own date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    day = document.meta.date
    if day is None:
        return _FIXED_DATE
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def _refuse_missing_glyphs(document: Document) -> None:
    """Stop, naming them, when characters would print as empty boxes (PDF/UA forbids those)."""
    missing = missing_glyphs(document)
    if not missing:
        return
    shown = [m.message() for m in missing[:5]]
    if len(missing) > 5:
        shown.append(f"…and {len(missing) - 5} more characters no font here can show.")
    raise BriefingError("\n".join([*shown, "An untagged PDF (--pdf-engine reportlab) prints "
                                    "them as empty boxes."]))


def _plain_message(exc: Exception) -> str:
    """What went wrong, in words a user can act on (the compiler's message goes to the log)."""
    text = str(getattr(exc, "message", "") or exc).lower()
    if "could not be displayed" in text:
        return ("Some characters in the briefing cannot be shown by any font on this computer. "
                "Run 'briefing check' to see which, then install a font that has them (the free "
                "Noto fonts cover most scripts) or replace them.")
    if "font" in text:
        return ("The tagged PDF could not be made because a font could not be read. Reinstall "
                "Briefing to restore its fonts, or build an untagged PDF with "
                "--pdf-engine reportlab.")
    if "image" in text or "picture" in text or "decode" in text:
        return ("The tagged PDF could not be made because a picture could not be printed. Save "
                "the logo and pictures again as PNG or JPEG and build again.")
    return ("The tagged PDF could not be made. Check the pack with 'briefing check', or build an "
            "untagged PDF with --pdf-engine reportlab, and report the problem if it stays.")
