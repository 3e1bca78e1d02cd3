"""Ways to spoil a built file the way a faulty writer or layout would: take a table row or a
paragraph out of a Word file, a web page or a PDF, move text over a PDF's footer or off its page.

PDFs are changed with PDFium itself (pypdfium2): the text objects are removed or moved and the
page's content written again, so the result is a real PDF any viewer opens.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING

import lxml.html
import pypdfium2 as pdfium
import pypdfium2.raw as raw

if TYPE_CHECKING:
    from collections.abc import Callable

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _edit_document_xml(data: bytes, edit: Callable[[bytes], bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as copy:
        for entry in source.infolist():
            body = source.read(entry)
            if entry.filename == "word/document.xml":
                body = edit(body)
            copy.writestr(entry, body)
    return out.getvalue()


def docx_without(data: bytes, element: str, holding: str) -> bytes:
    """The Word file without the first `element` ("tr", "p") whose text holds `holding`."""
    from lxml import etree

    def edit(xml: bytes) -> bytes:
        root = etree.fromstring(xml)
        for found in root.iter(W + element):
            if holding in "".join(found.itertext()):
                found.getparent().remove(found)
                return bytes(
                    etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
                )
        raise AssertionError(f"no <w:{element}> holds {holding!r}")

    return _edit_document_xml(data, edit)


def html_without(data: bytes, element: str, holding: str) -> bytes:
    """The web page without the first `element` ("tr", "p", "li") whose text holds `holding`."""
    root = lxml.html.document_fromstring(data)
    for found in root.iter(element):
        if holding in found.text_content():
            found.drop_tree()
            return bytes(lxml.html.tostring(root, doctype="<!DOCTYPE html>", encoding="utf-8"))
    raise AssertionError(f"no <{element}> holds {holding!r}")


def _text(obj: pdfium.PdfObject, textpage: pdfium.PdfTextPage) -> str:
    return " ".join(obj.extract().split()) if obj.type == raw.FPDF_PAGEOBJ_TEXT else ""


def pdf_changed(
    data: bytes, change: Callable[[pdfium.PdfPage, list[tuple[pdfium.PdfObject, str]]], bool]
) -> bytes:
    """The PDF after `change(page, [(text object, its text)])` on each page until one says it
    changed something (its content is then written again)."""
    document = pdfium.PdfDocument(data)
    for page in document:
        textpage = page.get_textpage()
        objects = [
            (obj, _text(obj, textpage)) for obj in page.get_objects(max_depth=1, textpage=textpage)
        ]
        if change(page, [(obj, text) for obj, text in objects if text]):
            page.gen_content()
            out = io.BytesIO()
            document.save(out)
            return out.getvalue()
    raise AssertionError("nothing on any page to change")


def pdf_without_line(data: bytes, starting: str, *, anywhere: bool = False) -> bytes:
    """The PDF without the line of text (every run on its baseline) that starts with
    `starting` (or, `anywhere`, holds it): a table row, or one line of a paragraph."""

    def remove(page: pdfium.PdfPage, texts: list[tuple[pdfium.PdfObject, str]]) -> bool:
        first = next(
            (
                obj
                for obj, text in texts
                if (starting in text if anywhere else text.startswith(starting))
            ),
            None,
        )
        if first is None:
            return False
        baseline = first.get_bounds()[1]
        for obj, _ in texts:
            if abs(obj.get_bounds()[1] - baseline) < 3:
                page.remove_obj(obj)
        return True

    return pdf_changed(data, remove)


def pdf_moved(data: bytes, starting: str, dx: float, dy: float) -> bytes:
    """The PDF with the run of text starting with `starting` drawn (dx, dy) points away."""

    def move(page: pdfium.PdfPage, texts: list[tuple[pdfium.PdfObject, str]]) -> bool:
        for obj, text in texts:
            if text.startswith(starting):
                obj.transform(pdfium.PdfMatrix().translate(dx, dy))
                return True
        return False

    return pdf_changed(data, move)


def pdf_page_keeping(data: bytes, page_number: int, keep: str) -> bytes:
    """The PDF with everything of page `page_number`'s text but the run starting with `keep`
    and the page's furniture (its marking, title and number) removed."""
    furniture = re.compile(r"^(Page \d+ of \d+|OFFICIAL|DRAFT)$")
    document = pdfium.PdfDocument(data)
    page = document[page_number - 1]
    textpage = page.get_textpage()
    for obj in list(page.get_objects(max_depth=1, textpage=textpage)):
        text = _text(obj, textpage)
        low = obj.get_bounds()[1] < page.get_height() * 0.1
        if text and not text.startswith(keep) and not furniture.match(text) and not low:
            page.remove_obj(obj)
    page.gen_content()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
