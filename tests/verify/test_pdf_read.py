"""The verify rules' reader of a built PDF reads what a plain, one call at a time reading
through PDFium's own helpers reads: every run of text, its box and whether it is turned, on
real PDFs from both engines (a draft's turned watermark; the untagged engine's contents, whose
page numbers it draws as forms)."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest

from briefing.build import BuildRequest, check
from briefing.checks.pdf_read import read_pages
from briefing.export.registry import PDF_ENGINES

ROOT = Path(__file__).resolve().parents[2]
PACKS = [
    ROOT / "packs" / "event-handout.yaml",  # a draft: the watermark is drawn turned
    ROOT / "packs" / "member-briefing.yaml",
    ROOT / "tests" / "fixtures" / "a5-large-print-agenda.yaml",
]

Run = tuple[str, float, float, float, float, bool]
IN_FORMS: list[Run] = []  # the runs the last plain reading found inside forms


def _text(obj: pdfium.PdfObject, textpage: pdfium.PdfTextPage) -> str:
    """The object's text, asked for its length first as PDFium's documentation shows."""
    size = raw.FPDFTextObj_GetText(obj.raw, textpage.raw, None, 0)
    buffer = ctypes.create_string_buffer(size)
    raw.FPDFTextObj_GetText(
        obj.raw, textpage.raw, ctypes.cast(buffer, ctypes.POINTER(raw.FPDF_WCHAR)), size
    )
    return buffer.raw[: max(0, size - 2)].decode("utf-16-le", "replace")


def _turned(matrix: pdfium.PdfMatrix) -> bool:
    return abs(matrix.b) > 1e-3 or abs(matrix.c) > 1e-3


def _plain_reading(data: bytes) -> list[tuple[float, float, list[Run]]]:
    """Each page's size and runs, object by object through pypdfium2's helpers."""
    document = pdfium.PdfDocument(data)
    pages = []
    IN_FORMS.clear()
    for page in document:
        textpage = page.get_textpage()
        runs: list[Run] = []

        def walk(handles: list[object], placed: pdfium.PdfMatrix, depth: int) -> None:
            for handle in handles:
                obj = pdfium.PdfObject(handle, page=page)  # noqa: B023 - used at once
                if obj.type == raw.FPDF_PAGEOBJ_FORM and depth < 8:
                    count = raw.FPDFFormObj_CountObjects(handle)
                    inner = [raw.FPDFFormObj_GetObject(handle, i) for i in range(count)]
                    walk(inner, obj.get_matrix().multiply(placed), depth + 1)
                    continue
                if obj.type != raw.FPDF_PAGEOBJ_TEXT:
                    continue
                text = _text(obj, textpage)  # noqa: B023 - used at once
                if not text:
                    continue
                left, bottom, right, top = obj.get_bounds()
                corners = [placed.on_point(x, y) for x in (left, right) for y in (bottom, top)]
                xs, ys = [x for x, _ in corners], [y for _, y in corners]
                box = (min(xs), min(ys), max(xs), max(ys))
                turned = _turned(placed) or (box[3] - box[1] > 36 and _turned(obj.get_matrix()))
                runs.append((text, *box, turned))  # noqa: B023 - used at once
                if depth:
                    IN_FORMS.append(runs[-1])  # noqa: B023 - used at once

        count = raw.FPDFPage_CountObjects(page.raw)
        walk([raw.FPDFPage_GetObject(page.raw, i) for i in range(count)], pdfium.PdfMatrix(), 0)
        pages.append((page.get_width(), page.get_height(), runs))
    return pages


def _built_pdf(pack: Path, engine: str) -> bytes:
    report = check(BuildRequest.for_file(pack, formats=("pdf",), pdf_engine=engine))
    return report.jobs[0].rendered["pdf"].data


@pytest.mark.parametrize("engine", list(PDF_ENGINES))
@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.stem)
def test_the_reader_reads_what_a_plain_reading_reads(pack: Path, engine: str) -> None:
    data = _built_pdf(pack, engine)
    read_pages.cache_clear()
    read = read_pages(data)
    plain = _plain_reading(data)
    assert len(read) == len(plain)
    for page, (width, height, runs) in zip(read, plain, strict=True):
        assert (page.width, page.height) == pytest.approx((width, height))
        assert [(run.text, run.turned) for run in page.runs] == [(r[0], r[5]) for r in runs]
        edges = [edge for run in page.runs for edge in (run.left, run.bottom, run.right, run.top)]
        assert edges == pytest.approx([edge for r in runs for edge in r[1:5]], abs=1e-3)
    if pack.stem == "event-handout":  # a draft: its watermark is read, and read as turned
        assert all(any(run.turned for run in page.runs) for page in read)
    if engine == "reportlab":  # the contents' page numbers, drawn as forms, are read
        assert IN_FORMS
