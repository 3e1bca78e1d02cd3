"""Two-up printing: a real A5 Briefing PDF laid two pages to each A4 landscape sheet, in reading
order, keeping its properties, bookmarks and links; anything but A5 is refused plainly."""

from __future__ import annotations

import io
import math
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
from reportlab.lib.pagesizes import A4, A5
from reportlab.pdfgen.canvas import Canvas

from briefing.build import BuildRequest, build
from briefing.compose import compose
from briefing.errors import BriefingError
from briefing.export.pdf.reportlab.writer import render_pdf
from briefing.export.pdf.two_up import NEEDS_A5, impose_two_up
from briefing.packfile import load_pack

PACKS = Path(__file__).resolve().parents[2] / "packs"
HALF = 841.8898 / 2


@pytest.fixture(scope="module")
def handout_pdf() -> bytes:
    """The bundled A5 event handout, rendered by the real PDF writer."""
    return render_pdf(compose(load_pack(PACKS / "event-handout.yaml"), PACKS)).data


def _reader(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def _flat(text: str | None) -> str:
    return " ".join((text or "").split())


def _half_text(pdf: bytes, sheet: int, side: str, tmp_path: Path) -> str:
    """The text poppler finds in the left or right half of sheet (1-based)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "imposed.pdf"
    path.write_bytes(pdf)
    x = "0" if side == "left" else "421"
    result = subprocess.run(
        [
            "pdftotext",
            "-f",
            str(sheet),
            "-l",
            str(sheet),
            "-r",
            "72",
            "-x",
            x,
            "-y",
            "0",
            "-W",
            "421",
            "-H",
            "596",
            str(path),
            "-",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return _flat(result.stdout)


def _plain_a5(pages: int, size: tuple[float, float] = A5) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=size, invariant=True)
    for n in range(1, pages + 1):
        canvas.drawString(60, 300, f"Plain page {n:03d}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_the_handout_becomes_a4_landscape_sheets_in_reading_order(
    handout_pdf: bytes, tmp_path: Path
) -> None:
    source = _reader(handout_pdf)
    n = len(source.pages)
    assert n == 7  # an odd count: the last page sits alone
    imposed = impose_two_up(handout_pdf)
    sheets = _reader(imposed).pages
    assert len(sheets) == math.ceil(n / 2)
    for sheet in sheets:
        assert abs(float(sheet.mediabox.width) - 842) <= 1
        assert abs(float(sheet.mediabox.height) - 595) <= 1

    first = _flat(sheets[0].extract_text())
    cover_title = first.index("The 21st Century Councillor")
    assert "EVENT HANDOUT" in first
    # Page 1 (the cover) comes first in the sheet's text, then page 2 (its footer and body).
    assert cover_title < first.index("Page 2 of 7") and cover_title < first.index("Agenda")
    left, right = (_half_text(imposed, 1, side, tmp_path) for side in ("left", "right"))
    assert "EVENT HANDOUT" in left and "Page 2 of 7" not in left
    assert "Page 2 of 7" in right and "EVENT HANDOUT" not in right
    second = _flat(sheets[1].extract_text())
    assert second.index("Page 3 of 7") < second.index("Page 4 of 7")
    assert "Page 3 of 7" in _half_text(imposed, 2, "left", tmp_path)
    assert "Page 4 of 7" in _half_text(imposed, 2, "right", tmp_path)

    last = sheets[-1]
    assert "Page 7 of 7" in _flat(last.extract_text())
    assert "Page 6 of 7" not in _flat(last.extract_text())
    assert "Page 7 of 7" in _half_text(imposed, 4, "left", tmp_path)
    assert _half_text(imposed, 4, "right", tmp_path) == ""  # the odd last page is alone


def test_properties_language_and_bookmarks_are_kept(handout_pdf: bytes) -> None:
    source = _reader(handout_pdf)
    imposed = _reader(impose_two_up(handout_pdf))
    assert imposed.metadata.title == "The 21st Century Councillor"
    assert imposed.metadata.author == source.metadata.author
    assert imposed.metadata.subject == source.metadata.subject
    root = imposed.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]

    def flatten(outline: list) -> list:
        out = []
        for entry in outline:
            out += flatten(entry) if isinstance(entry, list) else [entry]
        return out

    before, after = flatten(source.outline), flatten(imposed.outline)
    assert [e.title for e in after] == [e.title for e in before] and len(after) >= 5
    assert isinstance(imposed.outline[3], list)  # nesting kept: articles under their section
    for old, new in zip(before, after, strict=True):
        page = source.get_destination_page_number(old)
        assert imposed.get_destination_page_number(new) == page // 2
        assert (float(new.left) > HALF) == (page % 2 == 1)  # the right half for even pages


def test_contents_links_jump_to_the_right_sheet_and_web_links_stay_live(
    make_sample_document,
) -> None:
    source = _reader(render_pdf(make_sample_document(paper="A5")).data)
    imposed = _reader(impose_two_up(render_pdf(make_sample_document(paper="A5")).data))
    page_of = {p.indirect_reference.idnum: i for i, p in enumerate(source.pages)}
    sheet_of = {p.indirect_reference.idnum: i for i, p in enumerate(imposed.pages)}

    def links(pages: list) -> list[tuple[int, dict]]:
        return [(i, a.get_object()) for i, p in enumerate(pages) for a in p.get("/Annots", [])]

    old, new = links(source.pages), links(imposed.pages)
    assert len(new) == len(old) and len(old) >= 6
    for (page, before), (sheet, after) in zip(old, new, strict=True):
        assert sheet == page // 2
        assert (float(after["/Rect"][0]) > HALF) == (page % 2 == 1)
        if "/Dest" in before:
            assert sheet_of[after["/Dest"][0].idnum] == page_of[before["/Dest"][0].idnum] // 2
        else:
            assert after["/A"]["/URI"] == before["/A"]["/URI"]
    assert len(imposed.pages) == math.ceil(len(source.pages) / 2)


def test_an_even_count_fills_every_sheet() -> None:
    sheets = _reader(impose_two_up(_plain_a5(8))).pages
    assert len(sheets) == 4
    texts = [_flat(sheet.extract_text()) for sheet in sheets]
    assert texts == [f"Plain page {2 * n + 1:03d} Plain page {2 * n + 2:03d}" for n in range(4)]


def test_an_a4_pdf_is_refused_with_the_way_out() -> None:
    with pytest.raises(BriefingError, match="paper: A5"):
        impose_two_up(_plain_a5(2, size=A4))
    with pytest.raises(BriefingError) as caught:
        impose_two_up(b"not a pdf")
    assert "could not be read" in str(caught.value)


def test_build_pack_refuses_an_a4_pack_before_writing_anything(tmp_path: Path) -> None:
    pack = load_pack(PACKS / "member-briefing.yaml")
    with pytest.raises(BriefingError) as caught:
        build(BuildRequest(pack, PACKS, ("pdf",), two_up=True, outdir=tmp_path))
    assert NEEDS_A5 in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_build_pack_writes_the_two_up_copy_from_the_same_pdf(tmp_path: Path) -> None:
    pack = load_pack(PACKS / "event-handout.yaml")
    steps: list[int] = []
    written = build(
        BuildRequest(pack, PACKS, ("pdf",), two_up=True, outdir=tmp_path),
        lambda done, total, message: steps.append(done),
    )
    assert [p.name for p in written] == [
        "The 21st Century Councillor.pdf",
        "The 21st Century Councillor (two-up).pdf",
    ]
    single, double = (_reader(p.read_bytes()) for p in written)
    assert len(double.pages) == math.ceil(len(single.pages) / 2)
    assert steps == [0, 1, 2, 3, 4]  # compose, lay out, arrange, write two files, done
    assert not list(tmp_path.glob(".~*"))
    with pytest.raises(BriefingError, match="made from the PDF"):
        build(BuildRequest(pack, PACKS, ("docx",), two_up=True, outdir=tmp_path))
