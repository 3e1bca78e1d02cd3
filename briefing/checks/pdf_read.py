"""Reading a built PDF for the verify rules: every piece of text each page draws, where it is
drawn, in the order it is drawn.

PDFium (pypdfium2) reads the file as a viewer would, whichever engine made it. Each text object
(a run of text the writer placed) keeps its text, its box in points from the page's lower left
corner and whether it is turned (a watermark drawn across the page). Nothing is rendered to
pixels, so a few hundred pages are read in well under a second.
"""

from __future__ import annotations

import codecs
import ctypes
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from briefing.export.common.direction import RIGHT_TO_LEFT, visual

# Each FPDF_WCHAR is two bytes (UTF-16LE).
_WCHAR = 2
_decode = codecs.utf_16_le_decode  # (bytes.decode looks the codec up by name each time)


@dataclass(frozen=True, slots=True)
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


def load_reader() -> None:
    """Import PDFium ahead of the first reading (about 20 ms in a new build process), so that a
    build does it while Typst lays the PDF out (Python's lock is free then) rather than after,
    when the whole wait is on it."""
    import pypdfium2
    import pypdfium2.raw  # noqa: F401


@lru_cache(maxsize=2)
def read_pages(data: bytes) -> tuple[Page, ...]:
    """Every page of the PDF with the text it draws, in drawing order (the rules reading one
    file share one reading of it)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise UnreadablePdf(str(exc)) from exc
    try:
        reader = _Reader(raw)
        return tuple(_page(document, n, reader) for n in range(len(document)))
    finally:
        document.close()


@lru_cache(maxsize=2)
def is_tagged(data: bytes) -> bool | None:
    """Whether the PDF is tagged (marked, with a structure tree on its first page), read
    without parsing the rest of the file; None if PDFium cannot open it."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return None
    try:
        if not raw.FPDFCatalog_IsTagged(document.raw) or len(document) == 0:
            return False
        page = raw.FPDF_LoadPage(document.raw, 0)
        tree = raw.FPDF_StructTree_GetForPage(page)
        try:
            return bool(tree) and raw.FPDF_StructTree_CountChildren(tree) > 0
        finally:
            if tree:
                raw.FPDF_StructTree_Close(tree)
            raw.FPDF_ClosePage(page)
    finally:
        document.close()


def _page(document: Any, index: int, reader: _Reader) -> Page:
    raw = reader.raw
    page = raw.FPDF_LoadPage(document.raw, index)
    textpage = raw.FPDFText_LoadPage(page)
    try:
        width, height = raw.FPDF_GetPageWidthF(page), raw.FPDF_GetPageHeightF(page)
        runs: list[Placed] = []
        reader.textpage, reader.drawn, reader.as_drawn = textpage, None, False
        reader.runs(runs, page, raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject, _IDENTITY, 0)
        if any(RIGHT_TO_LEFT.search(run.text) for run in runs):
            # PDFium reads a line holding right-to-left text in an order of its own (one it
            # takes for right to left it reverses whole, English and all): read it as drawn.
            runs.clear()
            reader.as_drawn = True
            reader.runs(runs, page, raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject, _IDENTITY, 0)
    finally:
        raw.FPDFText_ClosePage(textpage)
        raw.FPDF_ClosePage(page)
    return Page(index + 1, float(width), float(height), runs)


Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_TALL = 36.0  # points: a run of text this tall may be drawn turned (a watermark); look


class _Reader:
    """Reads the text objects of each page through PDFium's C interface (untyped), with one
    buffer and one set of numbers for all of them. (Most of the time goes in PDFium itself:
    laying each page's characters out and finding a text object's among them.)"""

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self.textpage: Any = None
        # Each text object's characters as drawn, left to right (read once per page, when a
        # run holds right-to-left text).
        self.drawn: dict[int | None, list[tuple[float, str]]] | None = None
        self.as_drawn = False
        self.left, self.bottom = ctypes.c_float(), ctypes.c_float()
        self.right, self.top = ctypes.c_float(), ctypes.c_float()
        self._grow(4096)

    def _grow(self, chars: int) -> None:
        self.size = chars * _WCHAR
        self.buffer = ctypes.create_string_buffer(self.size)
        self.pointer = ctypes.cast(self.buffer, ctypes.POINTER(ctypes.c_ushort))

    def text(self, obj: Any) -> str:
        get = self.raw.FPDFTextObj_GetText
        size = get(obj, self.textpage, self.pointer, self.size)
        if size > self.size:
            self._grow(size // _WCHAR + 1)
            size = get(obj, self.textpage, self.pointer, self.size)
        # (only the characters written are copied out of the buffer)
        return _decode(ctypes.string_at(self.buffer, max(0, size - _WCHAR)), "replace", True)[0]

    def runs(
        self, out: list[Placed], parent: Any, count: Any, get: Any, matrix: Matrix, depth: int
    ) -> None:
        """Add to `out` the text objects under `parent` (the page, or a form drawn on it),
        with their boxes mapped through `matrix`, the forms' placement on the page."""
        r = self.raw
        kind_of, bounds, form, text_kind = (
            r.FPDFPageObj_GetType,
            r.FPDFPageObj_GetBounds,
            r.FPDF_PAGEOBJ_FORM,
            r.FPDF_PAGEOBJ_TEXT,
        )
        get_text, textpage, pointer, buffer = (
            r.FPDFTextObj_GetText,
            self.textpage,
            self.pointer,
            self.buffer,
        )
        string_at, add = ctypes.string_at, out.append
        left, bottom, right, top = self.left, self.bottom, self.right, self.top
        plain = matrix == _IDENTITY
        turned_form = abs(matrix[1]) > 1e-3
        for i in range(count(parent)):
            obj = get(parent, i)
            kind = kind_of(obj)
            if kind != text_kind:
                if kind == form and depth < 8:
                    self.runs(
                        out,
                        obj,
                        r.FPDFFormObj_CountObjects,
                        r.FPDFFormObj_GetObject,
                        _times(self._matrix(obj), matrix),
                        depth + 1,
                    )
                continue
            size = get_text(obj, textpage, pointer, self.size)
            if size > self.size:
                text = self.text(obj)
                pointer, buffer = self.pointer, self.buffer
            else:
                text = _decode(string_at(buffer, max(0, size - _WCHAR)), "replace", True)[0]
            if not text:
                continue
            if self.as_drawn:
                text = self.reading_order(obj, text)
            bounds(obj, left, bottom, right, top)
            if plain:
                box = (left.value, bottom.value, right.value, top.value)
            else:
                box = _box((left.value, bottom.value, right.value, top.value), matrix)
            turned = turned_form
            if not turned and box[3] - box[1] > _TALL:
                own = self._matrix(obj)
                turned = abs(own[1]) > 1e-3 or abs(own[2]) > 1e-3
            add(Placed(text, *box, turned=turned))

    def reading_order(self, obj: Any, text: str) -> str:
        """The run's text as drawn, left to right (its words, as PDFium parts them, and each
        word's letters), put in reading order by the bidirectional algorithm: words in the
        order written, though a number inside right-to-left text may come out on the other
        side of a word (verify compares those within each piece in any order). `text`
        (PDFium's reading) where that holds the same letters in the same order."""
        if self.drawn is None:
            self.drawn = self._drawn()
        chars = self.drawn.get(ctypes.cast(obj, ctypes.c_void_p).value)
        if not chars:
            return text
        words: list[list[tuple[float, str]]] = [[]]
        for left, char in chars:
            if char.isspace():
                words.append([])
            else:
                words[-1].append((left, char))
        drawn = " ".join(
            "".join(char for _, char in sorted(word, key=lambda c: c[0]))
            for word in sorted((w for w in words if w), key=lambda w: min(c[0] for c in w))
        )
        if _bare(drawn) == _bare(text):  # (PDFium's characters may be decomposed: "…" as "...")
            return text
        return visual(drawn)

    def _drawn(self) -> dict[int | None, list[tuple[float, str]]]:
        """Each text object's characters in PDFium's order with their left edges (a space
        PDFium adds between words goes with the character before it)."""
        r, textpage = self.raw, self.textpage
        drawn: dict[int | None, list[tuple[float, str]]] = {}
        left, right = ctypes.c_double(), ctypes.c_double()
        bottom, top = ctypes.c_double(), ctypes.c_double()
        last: int | None = None
        for index in range(r.FPDFText_CountChars(textpage)):
            owner = ctypes.cast(r.FPDFText_GetTextObject(textpage, index), ctypes.c_void_p).value
            char = chr(r.FPDFText_GetUnicode(textpage, index))
            if owner is None:
                if last is not None and char.isspace():
                    drawn[last].append((0.0, " "))
                continue
            r.FPDFText_GetCharBox(textpage, index, left, right, bottom, top)
            drawn.setdefault(owner, []).append((left.value, char))
            last = owner
        return drawn

    def _matrix(self, obj: Any) -> Matrix:
        found = self.raw.FS_MATRIX()
        self.raw.FPDFPageObj_GetMatrix(obj, found)
        return (found.a, found.b, found.c, found.d, found.e, found.f)


def _bare(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace(" ", "")


def _times(inner: Matrix, outer: Matrix) -> Matrix:
    """inner followed by outer (PDF's row-vector convention)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (
        a * A + b * C,
        a * B + b * D,
        c * A + d * C,
        c * B + d * D,
        e * A + f * C + E,
        e * B + f * D + F,
    )


def _box(box: tuple[float, float, float, float], m: Matrix) -> tuple[float, float, float, float]:
    if m == (1.0, 0.0, 0.0, 1.0, 0.0, 0.0):
        return box
    x0, y0, x1, y1 = box
    xs, ys = [], []
    for x, y in ((x0, y0), (x0, y1), (x1, y0), (x1, y1)):
        xs.append(x * m[0] + y * m[2] + m[4])
        ys.append(x * m[1] + y * m[3] + m[5])
    return min(xs), min(ys), max(xs), max(ys)
