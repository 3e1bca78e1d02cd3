"""The Word writer: unzip the real .docx and check the XML a user's Word would read."""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from typing import TYPE_CHECKING

import pytest
from lxml import etree

from briefing.document.model import (
    BlockQuote,
    BulletList,
    Contents,
    Cover,
    Document,
    DocumentMeta,
    Heading,
    Image,
    PageBreak,
    Paragraph,
    Run,
    Table,
)
from briefing.errors import BriefingError
from briefing.export.docx.writer import render_docx, write_docx

if TYPE_CHECKING:
    from pathlib import Path

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "v": "urn:schemas-microsoft-com:vml",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
W = f"{{{NS['w']}}}"
R_ID = f"{{{NS['r']}}}id"
WP = f"{{{NS['wp']}}}"
V = f"{{{NS['v']}}}"


def png(path: Path) -> Path:
    """A real 4x2 PNG, written by hand so the test needs no imaging library."""
    raw = b"".join(b"\x00" + b"\x0b\x3c\x5d" * 4 for _ in range(2))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 2, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
    return path


def sample(tmp_path: Path, **meta: object) -> Document:
    values: dict[str, object] = dict(
        title="Resilience & reform",
        author="Example Borough Council",
        subject="Briefing for members",
        keywords=["Crisis", "Reform"],
        marking="OFFICIAL",
        running_title="Resilience & reform",
    )
    values.update(meta)
    cover = Cover(
        title="Resilience & reform",
        subtitle="Briefing for members",
        kind_label="Member briefing",
        organisation="Example Borough Council",
        date_text="4 November 2025",
        prepared_by="Prepared by Policy Team",
        logo=Image(png(tmp_path / "logo.png"), alt="Example Borough Council logo"),
    )
    blocks = [
        Paragraph([Run("This document is classified OFFICIAL.")], role="note"),
        Contents(),
        Paragraph([Run("Why this pack "), Run("matters", bold=True)], role="lead"),
        Heading(1, "Key messages", anchor="key-messages"),
        BulletList([[Run("Small is quick")], [Run("Evidence "), Run("first", italic=True)]]),
        Heading(1, "Crisis and resilience", anchor="sec-1"),
        Heading(2, "Local government in Czechia", anchor="item-1-1"),
        Paragraph([Run("Paul Joyce – INLOGOV blog – 1 November 2025")], role="byline"),
        Paragraph([Run("Literal: <b>not bold</b> & <font color=red>not red</font>")]),
        Paragraph([Run("Read "), Run("the council's page", href="https://example.gov.uk/page")]),
        Heading(3, "Implications for UK local government"),
        BulletList([[Run("Keep local knowledge")]]),
        Heading(3, "Quotes"),
        BlockQuote([Run("We did what we could")], attribution="Paul Joyce, p. 177"),
        PageBreak(),
        Heading(1, "About the event", anchor="event"),
        Table(header=["Time", "Session", "Speaker"], rows=[["10:00", "Welcome", "Chair"]]),
        Heading(1, "Sources", anchor="sources"),
        Paragraph(
            [
                Run("Balík, S. and Špaček, D. (2026) “Crises”. Available at: "),
                Run("https://doi.org/10.1007/x", href="https://doi.org/10.1007/x"),
            ],
            role="reference",
        ),
    ]
    return Document(meta=DocumentMeta(**values), cover=cover, blocks=blocks)  # type: ignore[arg-type]


def unzip(data: bytes) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {
            name: etree.fromstring(z.read(name))
            for name in z.namelist()
            if name.endswith((".xml", ".rels"))
        }


def style_names(parts: dict[str, etree._Element]) -> dict[str, str]:
    styles = parts["word/styles.xml"]
    return {
        s.get(W + "styleId"): s.find("w:name", NS).get(W + "val")
        for s in styles.findall("w:style", NS)
    }


def paragraphs(parts: dict[str, etree._Element]) -> list[tuple[str, str]]:
    """(style name, text) of each body paragraph, tables included, in order."""
    names = style_names(parts)
    out = []
    for p in parts["word/document.xml"].iter(W + "p"):
        ps = p.find("w:pPr/w:pStyle", NS)
        name = names.get(ps.get(W + "val"), "?") if ps is not None else "Normal"
        text = "".join(t.text or "" for t in p.iter(W + "t"))
        out.append((name, text))
    return out


def part_for(parts: dict[str, etree._Element], rel_type: str, ref_type: str) -> etree._Element:
    """The header or footer part that the section uses for type default/first."""
    sect = parts["word/document.xml"].find(".//w:body/w:sectPr", NS)
    ref = sect.find(f"w:{rel_type}Reference[@w:type='{ref_type}']", NS)
    r_id = ref.get(R_ID)
    rels = parts["word/_rels/document.xml.rels"]
    target = rels.find(f"rel:Relationship[@Id='{r_id}']", NS).get("Target")
    return parts[f"word/{target}"]


def text_of(el: etree._Element) -> str:
    return "".join(
        "\t" if t.tag == W + "tab" else (t.text or "")
        for t in el.iter(W + "t", W + "tab")
        if t.getparent().tag == W + "r"
    )


@pytest.fixture
def parts(tmp_path: Path) -> dict[str, etree._Element]:
    return unzip(render_docx(sample(tmp_path)))


def test_headings_bullets_and_quotes_use_real_word_styles(parts) -> None:
    paras = paragraphs(parts)
    headings = [(s, t) for s, t in paras if s.startswith("heading")]
    assert headings == [
        ("heading 1", "Key messages"),
        ("heading 1", "Crisis and resilience"),
        ("heading 2", "Local government in Czechia"),
        ("heading 3", "Implications for UK local government"),
        ("heading 3", "Quotes"),
        ("heading 1", "About the event"),
        ("heading 1", "Sources"),
    ]
    assert ("List Bullet", "Small is quick") in paras
    assert ("List Bullet", "Evidence first") in paras
    assert ("Quote", "We did what we could") in paras
    assert ("Quote Attribution", "— Paul Joyce, p. 177") in paras
    assert ("Byline", "Paul Joyce – INLOGOV blog – 1 November 2025") in paras
    assert ("Lead", "Why this pack matters") in paras
    assert ("Note", "This document is classified OFFICIAL.") in paras
    assert any(s == "Reference" and t.startswith("Balík, S. and Špaček") for s, t in paras)


def test_heading_styles_carry_outline_levels_for_the_navigation_pane(parts) -> None:
    styles = parts["word/styles.xml"]
    for level in (1, 2, 3):
        style = styles.find(f"w:style[@w:styleId='Heading{level}']", NS)
        assert style.find("w:pPr/w:outlineLvl", NS).get(W + "val") == str(level - 1)


def test_cover_uses_title_subtitle_and_details_then_a_page_break(parts) -> None:
    paras = paragraphs(parts)
    # The band (kind, organisation), the logo, then title and subtitle, as on the PDF's cover.
    assert paras[0][0] == "Cover Label" and paras[0][1] == "Member briefing"
    assert paras[1][0] == "Cover Organisation"
    assert [p for p in paras if p[0] in ("Title", "Subtitle")][:2] == [
        ("Title", "Resilience & reform"),
        ("Subtitle", "Briefing for members"),
    ]
    assert ("Cover Details", "4 November 2025") in paras
    # The marking is in the cover's header, not repeated in its text.
    assert ("Cover Notice", "OFFICIAL") not in paras
    assert text_of(part_for(parts, "header", "first")) == "OFFICIAL"
    body = parts["word/document.xml"].find("w:body", NS)
    paras_xml = body.findall("w:p", NS)
    breaks = [
        n for n, p in enumerate(paras_xml) if p.find("w:r/w:br[@w:type='page']", NS) is not None
    ]
    # The page break ends the cover: it is in the last of the cover's paragraphs.
    assert breaks and paragraphs(parts)[breaks[0]][0] in ("Cover Details", "Cover Notice")


def test_headings_are_bookmarked_and_contents_links_to_them(parts) -> None:
    doc = parts["word/document.xml"]
    bookmarks = {b.get(W + "name") for b in doc.iter(W + "bookmarkStart")}
    assert {"key_messages", "sec_1", "item_1_1", "event", "sources"} <= bookmarks
    instr = " ".join(i.text for i in doc.iter(W + "instrText"))
    assert 'TOC \\o "1-2" \\h \\z \\u' in instr
    anchors = [h.get(W + "anchor") for h in doc.iter(W + "hyperlink") if h.get(W + "anchor")]
    assert anchors == ["key_messages", "sec_1", "item_1_1", "event", "sources"]
    assert all(f"PAGEREF {a} \\h" in instr for a in anchors)
    toc_entries = [t for s, t in paragraphs(parts) if s in ("toc 1", "toc 2")]
    assert toc_entries[2] == "Local government in Czechia"
    settings = parts["word/settings.xml"]
    assert settings.find("w:updateFields", NS).get(W + "val") == "true"


def test_contents_field_is_closed(parts) -> None:
    doc = parts["word/document.xml"]
    kinds = [f.get(W + "fldCharType") for f in doc.iter(W + "fldChar")]
    assert kinds.count("begin") == kinds.count("end") == kinds.count("separate")


def test_external_links_are_real_hyperlinks_with_descriptive_text(parts) -> None:
    doc = parts["word/document.xml"]
    rels = parts["word/_rels/document.xml.rels"]
    links = [h for h in doc.iter(W + "hyperlink") if h.get(R_ID)]
    found = {}
    for link in links:
        rel = rels.find(f"rel:Relationship[@Id='{link.get(R_ID)}']", NS)
        assert rel.get("TargetMode") == "External"
        found[text_of(link)] = rel.get("Target")
        style = link.find("w:r/w:rPr/w:rStyle", NS).get(W + "val")
        assert style_names(parts)[style] == "Hyperlink"
    assert found == {
        "the council's page": "https://example.gov.uk/page",
        "https://doi.org/10.1007/x": "https://doi.org/10.1007/x",
    }
    hyperlink_style = parts["word/styles.xml"].find("w:style[@w:styleId='Hyperlink']", NS)
    assert hyperlink_style.find("w:rPr/w:u", NS).get(W + "val") == "single"


def test_header_and_footer_carry_marking_title_and_page_fields(parts) -> None:
    header = part_for(parts, "header", "default")
    footer = part_for(parts, "footer", "default")
    assert text_of(header) == "OFFICIAL"
    assert text_of(footer).startswith("Resilience & reform\tPage ")
    assert text_of(footer).endswith("OFFICIAL")  # the marking is last, as in the PDF
    instr = [i.text.strip() for i in footer.iter(W + "instrText")]
    assert instr == ["PAGE", "NUMPAGES"]
    marking_id = header.find("w:p/w:pPr/w:pStyle", NS).get(W + "val")
    style = parts["word/styles.xml"].find(f"w:style[@w:styleId='{marking_id}']", NS)
    assert style.find("w:pPr/w:jc", NS).get(W + "val") == "center"


def test_cover_page_has_its_own_header_with_marking_but_no_page_number(parts) -> None:
    sect = parts["word/document.xml"].find(".//w:body/w:sectPr", NS)
    assert sect.find("w:titlePg", NS) is not None
    first_footer = part_for(parts, "footer", "first")
    assert text_of(first_footer) == "OFFICIAL"
    assert not list(first_footer.iter(W + "instrText"))
    assert text_of(part_for(parts, "header", "first")) == "OFFICIAL"


def test_no_marking_means_empty_cover_furniture_and_no_marking_line(tmp_path) -> None:
    parts = unzip(render_docx(sample(tmp_path, marking="")))
    assert text_of(part_for(parts, "header", "default")) == ""
    assert text_of(part_for(parts, "footer", "default")).startswith("Resilience & reform\tPage")
    assert ("Cover Notice", "OFFICIAL") not in paragraphs(parts)


def test_core_properties_and_language(parts) -> None:
    core = parts["docProps/core.xml"]

    def value(tag: str) -> str:
        el = core.find(tag, {**NS, "dcterms": "http://purl.org/dc/terms/"})
        return el.text if el is not None else ""

    assert value("dc:title") == "Resilience & reform"
    assert value("dc:creator") == "Example Borough Council"
    assert value("dc:subject") == "Briefing for members"
    assert value("cp:keywords") == "Crisis; Reform"
    assert value("cp:category") == "OFFICIAL"
    assert value("dc:language") == "en-GB"
    assert "python-docx" not in etree.tostring(core).decode()
    lang = parts["word/styles.xml"].find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(W + "val") == "en-GB"


def test_logo_has_alt_text(parts) -> None:
    doc_prs = list(parts["word/document.xml"].iter(WP + "docPr"))
    assert len(doc_prs) == 1
    assert doc_prs[0].get("descr") == "Example Borough Council logo"
    assert doc_prs[0].get("title") == "Example Borough Council logo"


def test_markup_in_text_is_printed_literally(parts) -> None:
    texts = [t for _, t in paragraphs(parts)]
    assert "Literal: <b>not bold</b> & <font color=red>not red</font>" in texts
    doc = parts["word/document.xml"]
    assert not doc.findall(".//b") and not doc.findall(".//font")


def test_agenda_table_has_a_repeating_header_row(parts) -> None:
    table = parts["word/document.xml"].find(".//w:tbl", NS)
    rows = table.findall("w:tr", NS)
    assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
    assert rows[1].find("w:trPr/w:tblHeader", NS) is None
    names = style_names(parts)
    assert names[table.find("w:tblPr/w:tblStyle", NS).get(W + "val")] == "Briefing Table"
    first_cell_style = rows[0].find(".//w:pStyle", NS).get(W + "val")
    assert names[first_cell_style] == "Table Heading"
    assert [text_of(c) for c in rows[1].findall("w:tc", NS)] == ["10:00", "Welcome", "Chair"]


def test_the_table_header_is_white_on_the_heading_colour_as_in_the_pdf(tmp_path) -> None:
    from briefing.checks.accessibility_colours import contrast
    from briefing.checks.docx_read import read_styles
    from briefing.export.common import brand
    from briefing.files.shipped import asset

    heading = brand.HEADING.lstrip("#").upper()
    built = render_docx(sample(tmp_path))
    table_style = next(
        s
        for s in unzip(built)["word/styles.xml"].findall("w:style", NS)
        if s.find("w:name", NS).get(W + "val") == "Briefing Table"
    )
    cell = table_style.find("w:tblStylePr[@w:type='firstRow']/w:tcPr/w:shd", NS)
    assert cell.get(W + "fill") == heading  # the whole cell, not only behind the words
    for name, data in (
        ("the file", built),
        ("the bundled template", asset("templates", "reference.docx").read_bytes()),
    ):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            styles = read_styles(archive)
        style = styles.by_name("Table Heading")
        assert style is not None, name
        colour, fill = styles.colour(style), str(styles.inherited(style, "fill"))
        assert (colour, fill) == ("FFFFFF", heading), name
        assert contrast(colour, fill) >= 4.5, name


def test_a_pack_naming_the_bundled_template_passes_its_colour_check(tmp_path) -> None:
    from briefing.build import BuildRequest, view
    from briefing.checks import run_checks
    from briefing.files.shipped import asset
    from briefing.model import Pack

    (tmp_path / "house.docx").write_bytes(asset("templates", "reference.docx").read_bytes())
    pack = Pack(title="Table colours")
    pack.layout.template = "house.docx"
    codes = {f.rule for f in run_checks(view(BuildRequest(pack, tmp_path)), "pack")}
    assert "layout-file" not in codes  # the template was read
    assert "template-contrast" not in codes


def test_page_break_starts_the_next_heading_on_a_new_page(parts) -> None:
    body = parts["word/document.xml"].find("w:body", NS)
    # The last match: the first is the contents entry.
    event = [p for p in body.findall("w:p", NS) if text_of(p) == "About the event"][-1]
    assert event.find("w:pPr/w:pageBreakBefore", NS) is not None


def test_draft_adds_a_watermark_and_says_draft_on_the_cover(tmp_path) -> None:
    parts = unzip(render_docx(sample(tmp_path, draft=True)))
    for kind in ("default", "first"):
        paths = list(part_for(parts, "header", kind).iter(V + "textpath"))
        assert [p.get("string") for p in paths if p.get("string")] == ["DRAFT"]
    assert ("Cover Notice", "DRAFT") in paragraphs(parts)


def test_every_character_of_the_sample_articles_survives(tmp_path, article_dir: Path) -> None:
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(article_dir.glob("*.txt")))
    special = sorted({c for c in text if ord(c) > 127})
    assert {"“", "”", "‘", "’", "£", "–", "•"} <= set(special)
    line = "".join(special)
    document = sample(tmp_path)
    document.blocks.append(Paragraph([Run(line)]))
    document.blocks.append(Heading(2, f"Špaček – “£5m” {line[:10]}"))
    parts = unzip(render_docx(document))
    texts = [t for _, t in paragraphs(parts)]
    assert line in texts
    assert f"Špaček – “£5m” {line[:10]}" in texts


def test_control_characters_are_dropped_not_fatal(tmp_path) -> None:
    document = sample(tmp_path)
    document.blocks.append(Paragraph([Run("bell\x07 and form feed\x0c gone")]))
    texts = [t for _, t in paragraphs(unzip(render_docx(document)))]
    assert "bell and form feed gone" in texts


def test_write_docx_writes_the_file_and_keeps_the_old_one_on_failure(tmp_path) -> None:
    target = tmp_path / "Resilience.docx"
    assert write_docx(sample(tmp_path), target) == target
    assert zipfile.is_zipfile(target)
    before = target.read_bytes()
    broken = sample(tmp_path, template=tmp_path / "missing.docx")
    with pytest.raises(BriefingError, match=re.escape(str(tmp_path / "missing.docx"))):
        write_docx(broken, target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Resilience.docx", "logo.png"]


def test_missing_or_bad_logo_is_a_clear_error(tmp_path) -> None:
    document = sample(tmp_path)
    document.cover.logo = Image(tmp_path / "nope.png", alt="logo")
    with pytest.raises(BriefingError, match="Cannot find the image .*nope.png"):
        render_docx(document)
    (tmp_path / "bad.png").write_text("not a picture")
    document.cover.logo = Image(tmp_path / "bad.png", alt="logo")
    with pytest.raises(BriefingError, match="bad.png: it is not a PNG or JPEG"):
        render_docx(document)


def test_template_that_is_not_a_docx_is_a_clear_error(tmp_path) -> None:
    fake = tmp_path / "house.docx"
    fake.write_text("hello")
    with pytest.raises(BriefingError, match="house.docx: it is not a Word document"):
        render_docx(sample(tmp_path, template=fake))
