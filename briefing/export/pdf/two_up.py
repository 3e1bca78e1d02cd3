"""Two-up printing: an A5 PDF becomes A4 landscape sheets holding two A5 pages side by side.

Pages go in reading order (1-2 on the first sheet, 3-4 on the second; an odd last page sits
alone on the left), so a handout prints on an ordinary A4 printer and is cut or folded down the
middle, where a short hairline mark at the top and bottom of each sheet shows the line.

The imposed file keeps the document properties (title, author, subject, keywords, language
en-GB, "show the title, not the file name"), the bookmarks and the links: web links stay live
and the contents entries still jump to the right sheet. Only the original pages' links are
rebuilt; anything else attached to a page (there is nothing else in a Briefing PDF) is dropped.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any, cast

from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.annotations import Link
from pypdf.errors import PdfReadError
from pypdf.generic import ArrayObject, Destination, DictionaryObject, Fit, NameObject

from briefing.errors import BriefingError

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["NEEDS_A5", "impose_two_up", "two_up_name"]

NEEDS_A5 = "two-up needs an A5 pack: set layout: {paper: A5}"

SHEET_WIDTH, SHEET_HEIGHT = 841.8898, 595.2756  # A4 landscape in points
A5_WIDTH, A5_HEIGHT = 419.5276, 595.2756
_TOLERANCE = 1.0  # points: PDF writers round page sizes differently
_MARK_LENGTH = 14.0  # points (about 5 mm)
_MARK_INSET = 14.0  # from the sheet's edge, inside the area most printers can reach


def two_up_name(stem: str) -> str:
    """The file name of the imposed copy, e.g. "Title (two-up).pdf"."""
    return f"{stem} (two-up).pdf"


def impose_two_up(pdf: bytes) -> bytes:
    """The A5 PDF in pdf, two pages per A4 landscape sheet; raises BriefingError if not A5."""
    try:
        reader = PdfReader(io.BytesIO(pdf))
        pages = list(reader.pages)
    except (PdfReadError, ValueError, OSError) as exc:
        raise BriefingError(f"The PDF to print two-up could not be read: {exc}") from exc
    if not pages or not all(_is_a5_portrait(page) for page in pages):
        raise BriefingError(NEEDS_A5)

    writer = PdfWriter()
    index_of = {
        page.indirect_reference.idnum: n
        for n, page in enumerate(pages)
        if page.indirect_reference is not None
    }
    mark = _cut_mark()
    # Links are rebuilt below rather than merged: a merged contents link would still point at
    # the original A5 page and drag a copy of it into the file.
    links = [page.pop("/Annots", None) for page in pages]
    for first in range(0, len(pages), 2):
        sheet = writer.add_blank_page(SHEET_WIDTH, SHEET_HEIGHT)
        for n in range(first, min(first + 2, len(pages))):
            dx, dy = _offset(n, pages[n])
            sheet.merge_transformed_page(pages[n], Transformation().translate(dx, dy))
        sheet.merge_page(mark)
        sheet.compress_content_streams()  # merging leaves the sheet's drawing uncompressed
    for n, annots in enumerate(links):
        for annot in _objects(annots):
            link = _moved_link(annot, n, pages, index_of)
            if link is not None:
                writer.add_annotation(n // 2, link)

    _copy_outline(reader, writer, reader.outline, None, pages)
    if reader.metadata:
        writer.add_metadata(dict(reader.metadata))
    root = cast("DictionaryObject", reader.trailer["/Root"].get_object())
    for key in ("/Lang", "/PageMode", "/ViewerPreferences"):
        if key in root:
            writer._root_object[NameObject(key)] = root[key].clone(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _is_a5_portrait(page: PageObject) -> bool:
    box = page.mediabox
    return (
        abs(float(box.width) - A5_WIDTH) <= _TOLERANCE
        and abs(float(box.height) - A5_HEIGHT) <= _TOLERANCE
        and not page.get("/Rotate", 0)
    )


def _offset(n: int, page: PageObject) -> tuple[float, float]:
    """How far page number n (0-based) moves to reach its half of its sheet, centred there."""
    box = page.mediabox
    half = SHEET_WIDTH / 2
    left = (n % 2) * half + (half - float(box.width)) / 2
    bottom = (SHEET_HEIGHT - float(box.height)) / 2
    return left - float(box.left), bottom - float(box.bottom)


def _objects(annots: Any) -> Iterable[Any]:
    if annots is None:
        return []
    return [a.get_object() for a in annots.get_object()]


def _moved_link(
    annot: Any, n: int, pages: list[PageObject], index_of: dict[int, int]
) -> Link | None:
    """A copy of a link on page n at its place on the sheet, or None for anything else."""
    if annot.get("/Subtype") != "/Link" or "/Rect" not in annot:
        return None
    dx, dy = _offset(n, pages[n])
    x1, y1, x2, y2 = (float(v) for v in annot["/Rect"])
    rect = (x1 + dx, y1 + dy, x2 + dx, y2 + dy)
    border = ArrayObject([0, 0, 0])
    action = annot.get("/A")
    action = action.get_object() if action is not None else None
    if action is not None and action.get("/S") == "/URI":
        return Link(rect=rect, border=border, url=str(action["/URI"]))
    dest = annot.get("/Dest")
    if dest is None and action is not None and action.get("/S") == "/GoTo":
        dest = action.get("/D")
    dest = dest.get_object() if dest is not None else None
    if not isinstance(dest, ArrayObject) or not dest:
        return None  # a named destination: not written by Briefing, so not worth resolving
    target = index_of.get(getattr(dest[0], "idnum", -1))
    if target is None:
        return None
    return Link(
        rect=rect,
        border=border,
        target_page_index=target // 2,
        fit=_moved_fit(dest[1:], target, pages),
    )


def _moved_fit(args: Any, target: int, pages: list[PageObject]) -> Fit:
    dx, dy = _offset(target, pages[target])
    if len(args) >= 3 and args[0] == "/XYZ":
        left, top = args[1], args[2]
        zoom = args[3] if len(args) > 3 else None
        return Fit.xyz(
            None if left is None else float(left) + dx,
            None if top is None else float(top) + dy,
            None if zoom is None else float(zoom),
        )
    return Fit.fit()


def _copy_outline(
    reader: PdfReader, writer: PdfWriter, outline: list[Any], parent: Any, pages: list[PageObject]
) -> None:
    """Rebuild the bookmarks, each pointing at the same place on its page's sheet."""
    last = None
    for entry in outline:
        if isinstance(entry, list):
            _copy_outline(reader, writer, entry, last, pages)
            continue
        if not isinstance(entry, Destination):
            continue
        target = reader.get_destination_page_number(entry)
        if target is None or target < 0:
            last = writer.add_outline_item(title=str(entry.title), page_number=None, parent=parent)
            continue
        dx, dy = _offset(target, pages[target])
        left, top, zoom = entry.get("/Left"), entry.get("/Top"), entry.get("/Zoom")
        fit = Fit.xyz(
            None if left is None else float(left) + dx,
            None if top is None else float(top) + dy,
            float(zoom) if zoom else None,
        )
        last = writer.add_outline_item(
            title=str(entry.title),
            page_number=target // 2,
            parent=parent,
            fit=fit,
            is_open=bool(entry.get("/%is_open%", True)),
        )


def _cut_mark() -> PageObject:
    """A sheet-sized overlay with the centre cut marks: hairlines in the white gutter only."""
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(SHEET_WIDTH, SHEET_HEIGHT), invariant=True)
    canvas.setStrokeGray(0.55)
    canvas.setLineWidth(0.25)
    x = SHEET_WIDTH / 2
    canvas.line(x, _MARK_INSET, x, _MARK_INSET + _MARK_LENGTH)
    canvas.line(x, SHEET_HEIGHT - _MARK_INSET, x, SHEET_HEIGHT - _MARK_INSET - _MARK_LENGTH)
    canvas.showPage()
    canvas.save()
    return PdfReader(io.BytesIO(buffer.getvalue())).pages[0]
