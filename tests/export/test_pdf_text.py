"""Text in the PDF is printed exactly as typed: markup-like text stays literal, every character
of the sample corpus prints, and a logo's alt text travels with it."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import TYPE_CHECKING

import pypdf

from briefing.document.model import (
    BlockQuote,
    Cover,
    Document,
    DocumentMeta,
    Heading,
    Paragraph,
    Run,
    Table,
)

if TYPE_CHECKING:
    from pathlib import Path

RenderPdf = Callable[[Document], bytes]


def _text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_markup_like_text_prints_literally_everywhere(
    literal_markup: str, render_pdf: RenderPdf
) -> None:
    tricky = literal_markup
    document = Document(
        meta=DocumentMeta(title=tricky, running_title="R & D <i>notes</i>"),
        cover=Cover(
            title=tricky,
            subtitle="<b>not bold</b>",
            organisation="A & B <council>",
            details=[("Venue", "<a href='https://evil.example'>click</a>")],
        ),
        blocks=[
            Heading(1, "Heading with <b>tags</b> & ampersands"),
            Paragraph([Run(tricky)]),
            Paragraph([Run("bold <i>run</i>", bold=True), Run(" &amp; &lt;entity&gt;")]),
            BlockQuote([Run("<font size=40>big</font>")], attribution="<u>someone</u>"),
            Table(["<b>Time</b>"], [["&nbsp;<br/>"]]),
            Paragraph([Run("tag text", href='https://example.org/?q="x"&y=<z>')]),
        ],
    )
    data = render_pdf(document)
    text = _flat(_text(data))
    for literal in (
        tricky,
        "<b>not bold</b>",
        "A & B <council>",
        "R & D <i>notes</i>",
        "<a href='https://evil.example'>click</a>",
        "Heading with <b>tags</b> & ampersands",
        "bold <i>run</i> &amp; &lt;entity&gt;",
        "<font size=40>big</font>",
        "<u>someone</u>",
        "<b>Time</b>",
        "&nbsp;<br/>",
    ):
        assert literal in text, literal
    reader = pypdf.PdfReader(io.BytesIO(data))
    uris = [
        a.get_object()["/A"]["/URI"]
        for page in reader.pages
        for a in page.get("/Annots", [])
        if "/A" in a.get_object()
    ]
    assert uris == ['https://example.org/?q="x"&y=<z>']
    # A <font color=red> in the text must not have turned anything red.
    contents = b"".join(page.get_contents().get_data() for page in reader.pages)
    assert b"1 0 0 rg" not in contents


def _corpus_lines(corpus: Path) -> list[str]:
    lines = []
    for path in sorted(corpus.glob("*.txt")):
        lines += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines


def test_every_character_of_the_sample_articles_prints(
    article_dir: Path, render_pdf: RenderPdf
) -> None:
    lines = _corpus_lines(article_dir)
    assert len(lines) > 50
    document = Document(
        meta=DocumentMeta(title="Corpus check", running_title="Corpus check"),
        cover=Cover(title="Corpus check"),
        blocks=[Paragraph([Run(line)]) for line in lines],
    )
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(document)))
    total = len(reader.pages)
    pages = []
    for number, page in enumerate(reader.pages[1:], start=2):
        # Drop this page's furniture so a paragraph that crosses pages reads on unbroken.
        text = page.extract_text().replace(f"Page {number} of {total}", "", 1)
        pages.append(text.replace("Corpus check", "", 1))
    extracted = "".join(pages)
    # Compare with all white space removed: line wrapping adds its own.
    squashed = "".join(extracted.split())
    missing = [line for line in lines if "".join(line.split()) not in squashed]
    assert missing == []
    for word in ("£", "–", "•", "…", "‘", "’", "“", "”"):
        assert word in extracted, word
    corpus_chars = {ch for line in lines for ch in line if not ch.isspace()}
    assert corpus_chars <= set(extracted)


def test_logo_is_drawn_with_its_alt_text(
    sample_logo: Path,
    make_sample_document: Callable[..., Document],
    render_pdf: RenderPdf,
    pdf_engine: str,
) -> None:
    data = render_pdf(make_sample_document(logo=sample_logo))
    reader = pypdf.PdfReader(io.BytesIO(data))
    cover = reader.pages[0]
    if pdf_engine == "reportlab":  # untagged: the description is invisible text over the logo
        assert "Example Borough Council logo" in cover.extract_text()
    else:  # tagged: a Figure in the structure tree carries it
        assert _figure_alts(data) == ["Example Borough Council logo"]
    images = list(cover.images)
    assert len(images) == 1
    assert images[0].image.size == (240, 120)


def _figure_alts(data: bytes) -> list[str]:
    """The description of every Figure in a tagged PDF's structure tree, in reading order."""
    import pikepdf

    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, pikepdf.Array):
            for kid in node:
                walk(kid)
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            if node["/S"] == "/Figure":
                found.append(str(node.get("/Alt", "")))
            walk(node.get("/K"))

    with pikepdf.open(io.BytesIO(data)) as pdf:
        walk(pdf.Root.StructTreeRoot.K)
    return found
