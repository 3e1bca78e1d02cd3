"""One document holding every block type goes through every format and engine, and each block is
there in each file: a new block type a writer forgets fails here, not in a reader's hands.

The document must hold every member of the model's `Block` union, so adding a block type fails
this test until the type is added below (with what shows it in each file).
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING, get_args

import pytest

from briefing.document.model import (
    Block,
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
from briefing.export.registry import FORMATS, format_engines

if TYPE_CHECKING:
    from pathlib import Path

# The format x engine pairs, every one the registry knows.
PAIRS = format_engines()


def every_block(logo: Path) -> Document:
    """A short briefing with one block of each type, each text holding a word found nowhere
    else, so the test can tell which block reached the file."""
    blocks: list[Block] = [
        Contents(title="Whatsinside"),
        Heading(1, "Headingword", anchor="first"),
        Paragraph([Run("Paragraphword opens the briefing.")]),
        BulletList([[Run("Listword one")], [Run("Second point")]]),
        BlockQuote([Run("Quoteword said here.")], attribution="Someone"),
        Table(["Time", "Item"], [["10:00", "Tableword"]], caption="Agenda"),
        Image(logo, "Pictureword", 30.0),
        PageBreak(),
        Heading(1, "Afterbreak", anchor="second"),
        Paragraph([Run("Closing words.")]),
    ]
    cover = Cover(
        title="Every block",
        subtitle="",
        kind_label="Member briefing",
        organisation="Example Council",
        date_text="1 May 2026",
        prepared_by="",
    )
    meta = DocumentMeta(
        title="Every block",
        author="Policy team",
        subject="Member briefing",
        keywords=[],
        marking="OFFICIAL",
        running_title="Every block",
    )
    return Document(meta=meta, cover=cover, blocks=blocks)


def _docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode()
    return re.sub(r"<[^>]+>", " ", xml)


def _pdf_pages(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def _has_picture(key: str, data: bytes) -> bool:
    if key == "docx":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return any(name.startswith("word/media/") for name in z.namelist())
    if key == "html":
        return b'<img alt="Pictureword"' in data or b'alt="Pictureword"' in data
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        return any(image for page in pdf.pages for image in page.get_images())


def _page_break(key: str, data: bytes) -> bool:
    """Whether the heading after the page break (its last mention: the contents list names it
    too) starts a new page, or is marked to."""
    if key == "docx":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            xml = z.read("word/document.xml").decode()
        between = xml[xml.index("Tableword") : xml.rindex("Afterbreak")]
        return 'w:type="page"' in between or "pageBreakBefore" in between
    if key == "html":
        page = data.decode("utf-8")
        return "page-break" in page[page.index("Tableword") : page.rindex("Afterbreak")]
    pages = _pdf_pages(data)
    closing = max(n for n, text in enumerate(pages) if "Afterbreak" in text)
    return all("Tableword" not in text for text in pages[closing:])


def test_the_document_holds_every_block_type(tmp_path: Path) -> None:
    held = {type(block) for block in every_block(tmp_path / "logo.png").blocks}
    assert held == set(get_args(Block)), "add the new block type to every_block()"


@pytest.mark.parametrize(("key", "engine"), PAIRS, ids=[f"{k}-{e}" for k, e in PAIRS])
def test_every_block_type_reaches_every_format_and_engine(
    sample_logo: Path, key: str, engine: str
) -> None:
    data = FORMATS[key].render(every_block(sample_logo), engine).data
    if key == "docx":
        text = _docx_text(data)
    elif key == "html":
        text = data.decode("utf-8")
    else:
        text = "\n".join(_pdf_pages(data))
    words = [
        "Whatsinside",
        "Headingword",
        "Paragraphword",
        "Listword",
        "Quoteword",
        "Tableword",
        "Afterbreak",
    ]
    assert [word for word in words if word not in text] == []
    assert _has_picture(key, data), f"{key} ({engine}) lost the picture"
    assert _page_break(key, data), f"{key} ({engine}) lost the page break"


def test_a_block_type_the_typst_template_does_not_know_stops_the_tagged_pdf(
    sample_logo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The template lays out blocks by their type; one it has no layout for must fail the build
    (naming the type in the compiler's message), never vanish from the PDF."""
    import typst

    from briefing.errors import BriefingError
    from briefing.export.pdf.typst import writer

    real = writer.typst_input

    def with_unknown_block(document, families):
        prepared = real(document, families)
        prepared.document["blocks"].append({"type": "sidebar"})
        return prepared

    monkeypatch.setattr(writer, "typst_input", with_unknown_block)
    with pytest.raises(BriefingError) as raised:
        writer.render_typst_pdf(every_block(sample_logo))
    assert isinstance(raised.value.__cause__, typst.TypstError)
    assert '"sidebar"' in str(raised.value.__cause__)
