"""Word output layout: paper sizes, large print, and a council's own template."""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING

import docx
import pytest
from docx.shared import Pt, RGBColor
from lxml import etree

from briefing.document.model import (
    BlockQuote,
    BulletList,
    Cover,
    Document,
    DocumentMeta,
    Heading,
    Paragraph,
    Run,
)
from briefing.export.docx.writer import render_docx

if TYPE_CHECKING:
    from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W_NS}
W = f"{{{W_NS}}}"


def document(**meta: object) -> Document:
    blocks = [
        Heading(1, "Crisis and resilience", anchor="sec-1"),
        Heading(2, "An article", anchor="item-1-1"),
        Paragraph([Run("Authors – Source")], role="byline"),
        Paragraph([Run("The summary.")]),
        BulletList([[Run("A point")]]),
        BlockQuote([Run("Said it")], attribution="A. Author"),
    ]
    values: dict[str, object] = dict(title="Pack", running_title="Pack")
    values.update(meta)
    return Document(DocumentMeta(**values), Cover(title="Pack"), blocks)  # type: ignore[arg-type]


def unzip(data: bytes) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: etree.fromstring(z.read(n)) for n in z.namelist() if n.endswith(".xml")}


def style(parts: dict[str, etree._Element], name: str) -> etree._Element:
    for el in parts["word/styles.xml"].findall("w:style", NS):
        if el.find("w:name", NS).get(W + "val").lower() == name.lower():
            return el
    raise AssertionError(f"no style {name!r}")


def size_pt(el: etree._Element) -> float | None:
    sz = el.find("w:rPr/w:sz", NS)
    return int(sz.get(W + "val")) / 2 if sz is not None else None


def page(parts: dict[str, etree._Element]) -> tuple[int, int, int]:
    sect = parts["word/document.xml"].find(".//w:body/w:sectPr", NS)
    size, margins = sect.find("w:pgSz", NS), sect.find("w:pgMar", NS)
    return int(size.get(W + "w")), int(size.get(W + "h")), int(margins.get(W + "left"))


def test_a4_page_size_and_margins() -> None:
    width, height, left = page(unzip(render_docx(document(paper="A4"))))
    assert (round(width / 1440 * 25.4), round(height / 1440 * 25.4)) == (210, 297)
    assert round(left / 1440 * 25.4) == 20


def test_a5_page_size_and_margins() -> None:
    width, height, left = page(unzip(render_docx(document(paper="A5"))))
    assert (round(width / 1440 * 25.4), round(height / 1440 * 25.4)) == (148, 210)
    assert round(left / 1440 * 25.4) == 14


def test_standard_print_body_is_12_pt_arial_left_aligned() -> None:
    parts = unzip(render_docx(document()))
    normal = style(parts, "Normal")
    assert size_pt(normal) == 12
    assert normal.find("w:rPr/w:rFonts", NS).get(W + "ascii") == "Arial"
    assert normal.find("w:pPr/w:jc", NS).get(W + "val") == "left"
    assert size_pt(style(parts, "heading 1")) == 20


def test_large_print_body_is_16_pt_and_nothing_smaller_in_the_body() -> None:
    parts = unzip(render_docx(document(large_print=True)))
    assert size_pt(style(parts, "Normal")) == 16
    assert size_pt(style(parts, "Byline")) == 16
    assert size_pt(style(parts, "heading 1")) == 26
    assert size_pt(style(parts, "Title")) == 34
    # Runs carry no sizes of their own: the styles decide.
    assert not parts["word/document.xml"].findall(".//w:r/w:rPr/w:sz", NS)


@pytest.fixture
def council_template(tmp_path: Path) -> Path:
    """A council's template: Georgia headings in green, 11 pt Verdana body, no List Bullet."""
    doc = docx.Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Verdana"
    normal.font.size = Pt(11)
    h1 = doc.styles["Heading 1"]
    h1.font.name = "Georgia"
    h1.font.color.rgb = RGBColor(0x1E, 0x5C, 0x3A)
    bullet = doc.styles["List Bullet"].element
    bullet.getparent().remove(bullet)
    doc.add_paragraph("Instructions for authors that must not appear in briefings.")
    path = tmp_path / "house-style.docx"
    doc.save(str(path))
    return path


def test_council_template_styles_are_used(council_template: Path) -> None:
    parts = unzip(render_docx(document(template=council_template)))
    h1 = style(parts, "heading 1")
    assert h1.find("w:rPr/w:rFonts", NS).get(W + "ascii") == "Georgia"
    assert h1.find("w:rPr/w:color", NS).get(W + "val") == "1E5C3A"
    assert style(parts, "Normal").find("w:rPr/w:rFonts", NS).get(W + "ascii") == "Verdana"
    body_text = "".join(t.text for t in parts["word/document.xml"].iter(W + "t"))
    assert "Instructions for authors" not in body_text
    assert "The summary." in body_text


def test_styles_missing_from_a_council_template_are_added_on_its_normal(council_template) -> None:
    parts = unzip(render_docx(document(template=council_template)))
    byline = style(parts, "Byline")
    assert byline.find("w:basedOn", NS).get(W + "val") == "Normal"
    assert byline.find("w:rPr/w:rFonts", NS) is None  # the council's font applies
    bullet = style(parts, "List Bullet")
    num_id = bullet.find("w:pPr/w:numPr/w:numId", NS).get(W + "val")
    numbering = parts["word/numbering.xml"]
    num = numbering.find(f"w:num[@w:numId='{num_id}']", NS)
    abstract_id = num.find("w:abstractNumId", NS).get(W + "val")
    abstract = numbering.find(f"w:abstractNum[@w:abstractNumId='{abstract_id}']", NS)
    assert abstract.find("w:lvl/w:lvlText", NS).get(W + "val") == "•"
    assert abstract.find("w:lvl/w:numFmt", NS).get(W + "val") == "bullet"


def test_council_template_keeps_its_sizes_but_large_print_raises_them(council_template) -> None:
    standard = unzip(render_docx(document(template=council_template)))
    # Sizes at or above the 12 pt floor are the council's; its 11 pt Normal is raised to 12.
    assert size_pt(style(standard, "Normal")) == 12
    large = unzip(render_docx(document(template=council_template, large_print=True)))
    assert size_pt(style(large, "Normal")) == 16


def test_language_is_set_even_for_a_us_english_template(council_template) -> None:
    parts = unzip(render_docx(document(template=council_template)))
    lang = parts["word/styles.xml"].find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(W + "val") == "en-GB"


def test_reference_template_is_a_clean_starting_point() -> None:
    from briefing.export.docx.writer import reference_template

    path = reference_template()
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        core = z.read("docProps/core.xml").decode()
    assert not any("thumbnail" in n for n in names)
    assert "python-docx" not in core
    ref = docx.Document(str(path))
    wanted = {
        "Normal",
        "Title",
        "Subtitle",
        "Heading 1",
        "Heading 2",
        "Heading 3",
        "List Bullet",
        "Quote",
        "Byline",
        "Reference",
        "Note",
        "Lead",
        "Cover Details",
        "Table Text",
        "Table Heading",
        "Hyperlink",
        "Briefing Table",
        "toc 1",
        "toc 2",
    }
    assert wanted <= {s.name for s in ref.styles}


def test_agenda_columns_fit_their_text_and_fill_the_width() -> None:
    from briefing.document.model import Table

    doc = document(paper="A5")
    doc.blocks.append(
        Table(
            ["Time", "Session", "Speaker"],
            [
                [
                    "10:00",
                    "Table discussion – coping with pressure and keeping safe",
                    "Facilitators",
                ],
                [
                    "11:45",
                    "Supporting councillors – a new national campaign",
                    "Trade press representative",
                ],
            ],
        )
    )
    parts = unzip(render_docx(doc))
    grid = parts["word/document.xml"].findall(".//w:tbl/w:tblGrid/w:gridCol", NS)
    mm = [int(g.get(W + "w")) / 1440 * 25.4 for g in grid]
    assert abs(sum(mm) - (148 - 2 * 14)) < 1
    time, session, speaker = mm
    assert 14 < time < 25  # room for "10:00" on one line, no more
    assert session > speaker > time
