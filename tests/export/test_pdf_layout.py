"""Paper sizes, large print, the DRAFT mark, page breaking rules, repeatable output, progress
and safe writing of the PDF."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest

from briefing.document.model import (
    Block,
    Contents,
    Cover,
    Document,
    DocumentMeta,
    Heading,
    PageBreak,
    Paragraph,
    Run,
    Table,
)
from briefing.errors import BriefingError
from briefing.export.pdf.reportlab.writer import write_pdf
from briefing.files.safe_write import WriteError

MM = 72 / 25.4
RenderPdf = Callable[[Document], bytes]


def _reader(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def _sizes_of(page: pypdf.PageObject, wanted: str) -> set[float]:
    sizes: set[float] = set()

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if wanted in text:
            sizes.add(round(size * tm[3] * cm[3], 1))

    page.extract_text(visitor_text=visit)
    return sizes


@pytest.mark.parametrize(("paper", "width_mm", "height_mm"), [("A4", 210, 297), ("A5", 148, 210)])
def test_every_page_has_the_chosen_paper_size(
    make_sample_document: Callable[..., Document],
    paper: str,
    width_mm: float,
    height_mm: float,
    render_pdf: RenderPdf,
) -> None:
    reader = _reader(render_pdf(make_sample_document(paper=paper)))
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(width_mm * MM, abs=0.5)
        assert float(page.mediabox.height) == pytest.approx(height_mm * MM, abs=0.5)


def test_large_print_sets_body_text_at_16_point_or_more(
    make_sample_document: Callable[..., Document], render_pdf: RenderPdf
) -> None:
    standard = _reader(render_pdf(make_sample_document()))
    large = _reader(render_pdf(make_sample_document(large_print=True)))
    phrase = "Small councils adapted quickly"
    assert _sizes_of(standard.pages[1], phrase) == {12.0}
    assert min(_sizes_of(large.pages[1], phrase)) >= 16
    assert len(large.pages) > len(standard.pages)


def test_draft_is_marked_on_every_page(
    make_sample_document: Callable[..., Document], render_pdf: RenderPdf
) -> None:
    reader = _reader(render_pdf(make_sample_document(draft=True)))
    for page in reader.pages:
        assert "DRAFT" in page.extract_text()
        assert _sizes_of(page, "DRAFT") and max(_sizes_of(page, "DRAFT")) > 100
    final = _reader(render_pdf(make_sample_document(draft=False)))
    assert all("DRAFT" not in page.extract_text() for page in final.pages)


def test_same_document_gives_byte_identical_pdf_even_in_a_new_process(
    sample_document: Document, tmp_path: Path, render_pdf: RenderPdf, pdf_engine: str
) -> None:
    first = render_pdf(sample_document)
    assert render_pdf(sample_document) == first
    # A fresh interpreter has no fonts registered and no cached styles.
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from conftest import build_sample_document;"
        "from briefing.export.registry import render;"
        "sys.stdout.buffer.write(render('pdf', build_sample_document(), sys.argv[2]).data)"
    )
    environment = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    result = subprocess.run(
        [sys.executable, "-c", script, str(Path(__file__).parent), pdf_engine],
        capture_output=True,
        check=True,
        env={**environment, "PYTHONHASHSEED": "random"},
    )
    assert result.stdout == first


def _heading_document(fillers: int, headings: list[Heading]) -> Document:
    filler = "A line of filler text that takes exactly one line."
    blocks: list = [Paragraph([Run(f"{filler} {n}")]) for n in range(fillers)]
    blocks += [*headings, Paragraph([Run("First words after the heading. " * 8)])]
    return Document(DocumentMeta(title="Keep with next"), Cover(title="Keep with next"), blocks)


@pytest.mark.parametrize(
    ("levels", "long"),
    [([2], False), ([1, 2], False), ([1, 2], True)],
    ids=["item", "section-then-item", "section-then-long-item"],
)
def test_a_heading_is_never_left_alone_at_the_foot_of_a_page(
    levels: list[int], long: bool, render_pdf: RenderPdf
) -> None:
    # A long heading wraps over several lines, so the room it needs is measured on the page.
    tail = " about the parish councils that wrote their own emergency plans" * 2 if long else ""
    headings = [Heading(level, f"Stranded heading {level}{tail}") for level in levels]
    # Try every filler length that puts the headings near the foot of the first body page.
    for fillers in range(22, 36):
        reader = _reader(render_pdf(_heading_document(fillers, headings)))
        for page in reader.pages:
            text = page.extract_text()
            if any(h.text in text for h in headings):
                assert all(h.text in text for h in headings), f"split with {fillers}"
                assert "First words after the heading" in text, f"stranded with {fillers}"
                # ...and at least two lines of it, as the house style keeps with a heading.
                after = text[text.index(headings[-1].text[-20:]) :].splitlines()[1:]
                assert sum("heading." in line for line in after) >= 2, f"one line with {fillers}"


def test_a_short_last_source_keeps_the_sources_on_the_page_they_fit(
    render_pdf: RenderPdf,
) -> None:
    # The first source is kept with the short last one (so it is not alone on a page), which is
    # itself never split: kept together twice over, the untagged engine took them for taller
    # than a page and started a new page for them.
    document = Document(
        DocumentMeta(title="Sources"),
        Cover(title="Sources"),
        [
            Paragraph([Run("The only paragraph of the briefing, on a page of its own.")]),
            Heading(1, "Sources"),
            Paragraph([Run("Parish flood plans review (2025). Available online.")], "reference"),
            Paragraph([Run("Council survey (2024).")], "reference"),
        ],
    )
    reader = _reader(render_pdf(document))
    assert len(reader.pages) == 2
    assert "Council survey" in reader.pages[1].extract_text()


def test_a_long_contents_does_not_take_the_agenda_over_it_to_a_new_page(
    render_pdf: RenderPdf,
) -> None:
    # The agenda is kept with what ends the front page only when that is a few words: a
    # contents of many lines is not, and moving both on left the draft note alone on a page.
    rows = [["09:00", "Welcome"], ["09:20", "Flood plans"], ["09:40", "Close"]]
    # Try every contents length that just fits on a page with the agenda but not the note.
    for entries in range(26, 46, 2):
        items = [Heading(2, f"Item {n} on flood plans") for n in range(entries)]
        front = Paragraph([Run("DRAFT — not for circulation.")], "note")
        blocks = [front, Heading(1, "Agenda"), Table(["Time", "Session"], rows), Contents()]
        document = Document(
            DocumentMeta(title="Front page"),
            Cover(title="Front page"),
            [*blocks, PageBreak(), *items, Paragraph([Run("The only text.")])],
        )
        text = _reader(render_pdf(document)).pages[1].extract_text()
        assert "Flood plans" in text, f"the agenda moved on with {entries} entries"


def test_a_front_page_of_a_few_words_is_not_left_alone(render_pdf: RenderPdf) -> None:
    # A handout starts its first article on a new page, unless all the front page would hold
    # is a few words, however many lines their long words take.
    place = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch"
    welcome = f"Croeso i {place}, {place} a {place}."  # six lines or more
    document = Document(
        DocumentMeta(title="Handout", paper="A5", large_print=True),
        Cover(title="Handout"),
        [
            Paragraph([Run(welcome)], "lead"),
            PageBreak(),
            Heading(1, "Flooding"),
            Heading(2, "Parish flood plans"),
            Paragraph([Run("The council reviewed the parish flood plans. " * 4)]),
            PageBreak(),
            Heading(2, "Road repairs"),
            Paragraph([Run("The council reviewed its road repairs. " * 4)]),
        ],
    )
    pages = [page.extract_text() for page in _reader(render_pdf(document)).pages[1:]]
    assert "Croeso" in pages[0] and "Parish flood plans" in pages[0]
    assert "Road repairs" in pages[1]  # the next article still starts a page


def test_a_source_under_its_heading_is_not_split_to_leave_its_last_lines_alone(
    render_pdf: RenderPdf,
) -> None:
    source = "Parish Councils Association (2025) " + "Flood plans for every parish. " * 16
    source += "Available online."
    # Try every filler length that puts the heading and the source near the foot of a page.
    for fillers in range(24, 44):
        filler = "A line of filler text that takes exactly one line."
        blocks: list[Block] = [Paragraph([Run(f"{filler} {n}")]) for n in range(fillers)]
        blocks += [Heading(1, "Sources"), Paragraph([Run(source)], "reference")]
        document = Document(DocumentMeta(title="Sources"), Cover(title="Sources"), blocks)
        last = _reader(render_pdf(document)).pages[-1].extract_text()
        assert "Parish Councils Association" in last, f"split with {fillers}"


def test_long_table_repeats_its_header_row_on_every_page(render_pdf: RenderPdf) -> None:
    rows = [[f"{9 + n // 4:02d}:{(n % 4) * 15:02d}", f"Session {n}", "Chair"] for n in range(90)]
    document = Document(
        DocumentMeta(title="Agenda"),
        Cover(title="Agenda"),
        [Table(["Time", "Item", "Speaker"], rows, caption="Agenda")],
    )
    reader = _reader(render_pdf(document))
    table_pages = [p.extract_text() for p in reader.pages[1:]]
    assert len(table_pages) >= 2
    for text in table_pages:
        assert "Time" in text and "Speaker" in text
    assert "Session 0" in table_pages[0] and "Session 89" in table_pages[-1]


def test_progress_counts_up_to_the_number_of_blocks(sample_document: Document) -> None:
    # the untagged engine reports block by block
    from briefing.export.pdf.reportlab.writer import render_pdf

    calls: list[tuple[int, int]] = []
    render_pdf(sample_document, progress=lambda done, total: calls.append((done, total)))
    total = len(sample_document.blocks)
    assert calls[-1] == (total, total)
    assert len(calls) > 5
    assert all(t == total for _, t in calls)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_write_pdf_writes_the_file_and_replaces_an_old_one(
    sample_document: Document, tmp_path: Path
) -> None:
    from briefing.export.pdf.reportlab.writer import render_pdf

    target = tmp_path / "Briefing.pdf"
    target.write_bytes(b"old")
    assert write_pdf(sample_document, target) == target
    assert target.read_bytes() == render_pdf(sample_document).data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Briefing.pdf"]


@pytest.mark.parametrize("paper", ["A4", "A5"])
def test_each_engine_counts_its_own_pages(
    make_sample_document: Callable[..., Document], pdf_engine: str, paper: str
) -> None:
    """The page budget uses the count the writer returns with the bytes: it must be the
    file's."""
    from briefing.export.registry import render

    made = render("pdf", make_sample_document(paper=paper), pdf_engine)
    assert made.pages is not None and made.pages > 1
    assert made.pages == len(_reader(made.data).pages)


def test_unreadable_picture_is_reported_by_name_and_nothing_is_written(
    make_sample_document: Callable[..., Document], tmp_path: Path, pdf_engine: str
) -> None:
    from briefing.export.pdf.typst.writer import write_typst_pdf

    write = write_typst_pdf if pdf_engine == "typst" else write_pdf
    bad = tmp_path / "logo.png"
    bad.write_bytes(b"this is not a picture")
    target = tmp_path / "Briefing.pdf"
    target.write_bytes(b"previous version")
    with pytest.raises(BriefingError, match=r"Cannot read the picture .*logo\.png"):
        write(make_sample_document(logo=bad), target)
    assert target.read_bytes() == b"previous version"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Briefing.pdf", "logo.png"]


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="needs POSIX permissions")
def test_read_only_folder_gives_a_plain_message(sample_document: Document, tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(WriteError, match="read-only"):
            write_pdf(sample_document, folder / "Briefing.pdf")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)
