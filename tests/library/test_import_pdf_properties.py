"""A PDF with no title line takes its title and author from the document properties."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from briefing.library.importers import import_path

if TYPE_CHECKING:
    from pathlib import Path


def _pdf(path: Path, title: str, author: str) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle(title)
    c.setAuthor(author)
    text = c.beginText(72, 760)
    for line in (
        "a short note on budgets, written without any title line at the top,",
        "so the importer has to look elsewhere for a sensible title.",
    ):
        text.textLine(line)
    c.drawText(text)
    c.save()
    return path


def test_pdf_properties_supply_title_and_author(tmp_path: Path) -> None:
    [article] = import_path(_pdf(tmp_path / "note.pdf", "Budget pressures in 2026", "Sam Patel"))
    assert article.title == "Budget pressures in 2026"
    assert article.authors == ["Sam Patel"]


def test_generic_pdf_titles_are_ignored(tmp_path: Path) -> None:
    [article] = import_path(_pdf(tmp_path / "note.pdf", "Microsoft Word - draft3.docx", ""))
    assert article.title != "Microsoft Word - draft3.docx"
    assert article.title_was_proposed
