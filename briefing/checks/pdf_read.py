"""Reading a built PDF for the verify rules: every piece of text each page draws, where it is
drawn, in the order it is drawn.

PDFium (pypdfium2) reads the file as a viewer would, whichever engine made it. Each text object
(a run of text the writer placed) keeps its text, its box in points from the page's lower left
corner and whether it is turned (a watermark drawn across the page). Nothing is rendered to
pixels, so a few hundred pages are read in well under a second.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator

# Each FPDF_WCHAR is two bytes (UTF-16LE).
_WCHAR = 2


@dataclass(frozen=True)
class Placed:
    """One run of text as drawn: its text and its box (left, bottom, right, top) in points."""

    text: str
    left: float
    bottom: float
    right: float
    top: float
    turned: bool = False  # drawn at an angle (a watermark), not part of the reading order

    @property
    def height(self) -> float:
        return self.top - self.bottom


@dataclass
class Page:
    number: int  # 1-based
    width: float
    height: float
    runs: list[Placed] = field(default_factory=list)


class UnreadablePdf(Exception):
    """The bytes are not a PDF PDFium can open."""


@lru_cache(maxsize=2)
def read_pages(data: bytes) -> tuple[Page, ...]:
    """Every page of the PDF with the text it draws, in drawing order (the rules reading one
    file share one reading of it)."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise UnreadablePdf(str(exc)) from exc
    try:
        return tuple(_page(document, n) for n in range(len(document)))
    finally:
        document.close()


def _page(document: Any, index: int) -> Page:
    import pypdfium2.raw as raw

    page = document[index]
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        runs = list(_runs(raw, page.raw, textpage.raw, raw.FPDFPage_CountObjects,
                          raw.FPDFPage_GetObject, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), 0))
    finally:
        textpage.close()
        page.close()
    return Page(index + 1, float(width), float(height), runs)


Matrix = tuple[float, float, float, float, float, float]


def _runs(r: Any, parent: Any, textpage: Any, count: Any, get: Any, matrix: Matrix,
          depth: int) -> Iterator[Placed]:
    """The text objects under `parent` (the page, or a form drawn on it), with their boxes
    mapped through `matrix`, the forms' placement on the page (PDFium's C interface: untyped)."""
    left, bottom, right, top = (ctypes.c_float(), ctypes.c_float(), ctypes.c_float(),
                                ctypes.c_float())
    for i in range(count(parent)):
        obj = get(parent, i)
        kind = r.FPDFPageObj_GetType(obj)
        if kind == r.FPDF_PAGEOBJ_FORM and depth < 8:
            inner = r.FS_MATRIX()
            r.FPDFPageObj_GetMatrix(obj, inner)
            yield from _runs(r, obj, textpage, r.FPDFFormObj_CountObjects,
                             r.FPDFFormObj_GetObject,
                             _times((inner.a, inner.b, inner.c, inner.d, inner.e, inner.f),
                                    matrix), depth + 1)
            continue
        if kind != r.FPDF_PAGEOBJ_TEXT:
            continue
        size = r.FPDFTextObj_GetText(obj, textpage, None, 0)
        if size <= _WCHAR:
            continue
        buffer = (ctypes.c_ushort * (size // _WCHAR))()
        r.FPDFTextObj_GetText(obj, textpage, buffer, size)
        text = bytes(buffer)[: size - _WCHAR].decode("utf-16-le", "replace")
        r.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
        own = r.FS_MATRIX()
        r.FPDFPageObj_GetMatrix(obj, own)
        box = _box((left.value, bottom.value, right.value, top.value), matrix)
        turned = abs(own.b) > 1e-3 or abs(own.c) > 1e-3 or abs(matrix[1]) > 1e-3
        yield Placed(text, *box, turned=turned)


def _times(inner: Matrix, outer: Matrix) -> Matrix:
    """inner followed by outer (PDF's row-vector convention)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
            e * A + f * C + E, e * B + f * D + F)


def _box(box: tuple[float, float, float, float],
         m: Matrix) -> tuple[float, float, float, float]:
    if m == (1.0, 0.0, 0.0, 1.0, 0.0, 0.0):
        return box
    x0, y0, x1, y1 = box
    xs, ys = [], []
    for x, y in ((x0, y0), (x0, y1), (x1, y0), (x1, y1)):
        xs.append(x * m[0] + y * m[2] + m[4])
        ys.append(x * m[1] + y * m[3] + m[5])
    return min(xs), min(ys), max(xs), max(ys)
