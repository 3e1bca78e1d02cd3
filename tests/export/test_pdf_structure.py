"""The PDF's structure as a reader meets it: page text and order, page furniture, contents
links, bookmarks, metadata and embedded fonts."""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

import pypdf
import pytest

from briefing.document.model import Document
from briefing.export.registry import render

if TYPE_CHECKING:
    from collections.abc import Callable


@pytest.fixture(scope="module", params=["typst", "reportlab"])
def engine(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def reader(engine: str) -> pypdf.PdfReader:
    """The sample document's PDF from each engine, built once for the module."""
    return pypdf.PdfReader(io.BytesIO(render("pdf", _sample_document(), engine).data))


def _sample_document() -> Document:
    """build_sample_document from this folder's conftest (loaded by path: other test folders
    have a conftest module too)."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location(
        "export_conftest", Path(__file__).with_name("conftest.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build_sample_document()


@pytest.fixture
def make_reader(engine: str) -> Callable[[Document], pypdf.PdfReader]:
    return lambda document: pypdf.PdfReader(io.BytesIO(render("pdf", document, engine).data))


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_body_text_prints_in_document_order(reader: pypdf.PdfReader) -> None:
    body = _flat(" ".join(page.extract_text() for page in reader.pages[1:]))
    expected = [
        "Contents",
        "Key messages",
        "Small councils adapted quickly",
        "Crisis and resilience",
        "Why this section matters",
        "Local government in central Europe during two crises",
        "Paul Joyce · INLOGOV blog",
        "Implications for UK local government",
        "Keep mutual-aid agreements",
        "Trust built before a crisis",
        "Paul Joyce, p. 177",
        "Artificial intelligence",
        "A round table on AI in councils",
        "Agenda",
        "Sources",
        "Joyce, P. (2025)",
        "Contact",
        "A. Officer, policy@example.gov.uk",
    ]
    # The contents repeats the headings, so search after it for the body's order.
    position = body.index("Small councils adapted quickly")
    for phrase in expected[3:]:
        found = body.find(phrase, position)
        assert found >= 0, f"{phrase!r} missing or out of order"
        position = found


def test_cover_shows_title_details_and_no_page_number(reader: pypdf.PdfReader) -> None:
    cover = _flat(reader.pages[0].extract_text())
    for phrase in (
        "MEMBER BRIEFING",
        "Example Borough Council",
        "Resilience, reform and local AI",
        "Briefing for members of the Scrutiny Committee",
        "4 November 2025",
        "Prepared by Policy and Partnerships Team",
        "Meeting: 12 November 2025",
    ):
        assert phrase in cover
    assert "Page 1" not in cover


def test_every_page_after_the_cover_says_page_n_of_m(reader: pypdf.PdfReader) -> None:
    total = len(reader.pages)
    assert total >= 4
    for number, page in enumerate(reader.pages[1:], start=2):
        text = _flat(page.extract_text())
        assert f"Page {number} of {total}" in text
        assert "Resilience, reform and local AI" in text  # the running title


def _text_positions(page: pypdf.PageObject, wanted: str) -> list[float]:
    """The heights (y) at which text containing `wanted` is drawn on page."""
    found: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if wanted in text:
            found.append(tm[4] * cm[1] + tm[5] * cm[3] + cm[5])

    page.extract_text(visitor_text=visit)
    return found


def test_marking_is_centred_at_top_and_bottom_of_every_page(reader: pypdf.PdfReader) -> None:
    for page in reader.pages:
        height = float(page.mediabox.height)
        ys = _text_positions(page, "OFFICIAL")
        assert any(y > height * 0.9 for y in ys), "marking missing at the top"
        assert any(y < height * 0.1 for y in ys), "marking missing at the bottom"


def test_no_marking_when_unset(
    sample_document: Document, make_reader: Callable[[Document], pypdf.PdfReader]
) -> None:
    sample_document.meta.marking = ""
    sample_document.blocks = sample_document.blocks[:3]
    reader = make_reader(sample_document)
    assert all("OFFICIAL" not in page.extract_text() for page in reader.pages)


def _outline_titles(outline: list) -> list:
    titles: list = []
    for entry in outline:
        if isinstance(entry, list):
            titles.append(_outline_titles(entry))
        else:
            titles.append(entry.title)
    return titles


def test_bookmarks_nest_items_under_sections_and_open_with_the_file(
    reader: pypdf.PdfReader, engine: str
) -> None:
    assert _outline_titles(reader.outline) == [
        "Contents",
        "Key messages",
        "Crisis and resilience",
        ["Local government in central Europe during two crises"],
        "Artificial intelligence",
        ["A round table on AI in councils"],
        "Sources",
        "Contact",
    ]
    if engine == "reportlab":
        assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"
    # Each bookmark opens the page where its heading is printed.
    for entry in reader.outline:
        if not isinstance(entry, list):
            page = reader.pages[reader.get_destination_page_number(entry)]
            assert entry.title in _flat(page.extract_text())


def test_contents_lists_headings_with_page_numbers_that_link(reader: pypdf.PdfReader) -> None:
    contents_page = reader.pages[1]
    # Each entry's page number is printed after its title (on the same line, or pypdf puts it
    # on a line of its own).
    lines = [_flat(line) for line in contents_page.extract_text().splitlines()]
    pages_by_title = {}
    for previous, line in zip(["", *lines], lines, strict=False):
        same_line = re.fullmatch(r"(.*\D) (\d+)", line)
        if same_line:
            pages_by_title[same_line[1]] = int(same_line[2])
        elif line.isdigit() and previous and not previous.isdigit():
            pages_by_title[previous] = int(line)
    listed = (
        "Key messages",
        "Crisis and resilience",
        "Local government in central Europe during two crises",
        "Artificial intelligence",
        "A round table on AI in councils",
        "Sources",
    )
    for title in listed:
        number = pages_by_title[title]
        assert title in _flat(reader.pages[number - 1].extract_text())
    assert "Contact" not in pages_by_title  # in_contents=False
    assert "Implications for UK local government" not in pages_by_title  # level 3

    page_index = {page.indirect_reference.idnum: i for i, page in enumerate(reader.pages)}
    links = [a.get_object() for a in contents_page.get("/Annots", [])]
    internal = [a for a in links if a["/Subtype"] == "/Link" and "/Dest" in a]
    assert len(internal) == 6
    targets = sorted(page_index[a["/Dest"][0].idnum] + 1 for a in internal)
    assert targets == sorted(pages_by_title[title] for title in listed)


def test_metadata_title_author_subject_keywords_creator_and_language(
    reader: pypdf.PdfReader, engine: str
) -> None:
    meta = reader.metadata
    assert meta.title == "Resilience, reform and local AI"
    assert meta.author == "Policy and Partnerships Team"
    assert meta.subject == "Member briefing"
    assert meta["/Keywords"] == "resilience, devolution, AI"
    assert meta.creator == ("Briefing" if engine == "reportlab" else meta.creator)
    assert meta.creator.startswith("Briefing" if engine == "reportlab" else "Typst")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])


def test_every_font_is_an_embedded_truetype_subset(reader: pypdf.PdfReader, engine: str) -> None:
    fonts = {}
    for page in reader.pages:
        resources = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    assert len(fonts) >= 3  # regular, bold and italic are all used
    for name, font in fonts.items():
        assert re.fullmatch(r"/[A-Z]{6}\+LiberationSans.*", name), name
        if engine == "reportlab":
            assert font["/Subtype"] == "/TrueType", name
            program = font
        else:  # a composite font over the TrueType glyphs, with a map back to Unicode
            assert font["/Subtype"] == "/Type0", name
            assert "/ToUnicode" in font, f"{name} has no Unicode map"
            program = font["/DescendantFonts"][0].get_object()
            assert program["/Subtype"] == "/CIDFontType2", name
        assert "/FontFile2" in program["/FontDescriptor"], f"{name} is not embedded"


def test_external_links_are_live_and_unsafe_schemes_are_not(reader: pypdf.PdfReader) -> None:
    uris = []
    for page in reader.pages:
        for annot in page.get("/Annots", []):
            action = annot.get_object().get("/A")
            if action is not None:
                uris.append(action["/URI"])
    assert "https://example.org/report?a=1&b=2" in uris
    assert "mailto:policy@example.gov.uk" in uris
    assert "https://example.org/post" in uris
    assert not any(uri.startswith("javascript") for uri in uris)
    text = _flat(" ".join(page.extract_text() for page in reader.pages))
    assert "this one is not a link" in text


def test_headings_that_skip_levels_still_give_a_valid_outline(
    make_reader: Callable[[Document], pypdf.PdfReader],
) -> None:
    from briefing.document.model import Cover, DocumentMeta, Heading

    document = Document(
        DocumentMeta(title="Odd order"),
        Cover(title="Odd order"),
        [
            Heading(2, "An item before any section"),
            Heading(1, "A section", anchor="dup"),
            Heading(2, "Its item", anchor="dup"),
        ],
    )
    reader = make_reader(document)
    assert _outline_titles(reader.outline) == [
        "An item before any section",
        "A section",
        ["Its item"],
    ]
    # Two headings asked for the same anchor: each bookmark still opens its own heading.
    tops = [entry.top for entry in (reader.outline[1], reader.outline[2][0])]
    assert tops[0] != tops[1]
