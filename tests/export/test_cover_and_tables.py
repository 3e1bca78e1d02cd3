"""The cover fits one page and every later page is marked top and bottom; agenda tables keep
rows whole, stay with their heading when short, and repeat their header row."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from edge_packs import LONG_VENUE, edge_pack
from pypdf import PdfReader

from briefing.compose import compose
from briefing.export.registry import render


def _pages(large: bool, paper: str) -> list[str]:
    data = render("pdf", compose(edge_pack(large, paper), Path("."))).data
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


@pytest.mark.parametrize(("paper", "large"), [("A5", True), ("A5", False), ("A4", True)])
def test_cover_is_one_page_and_every_later_page_is_marked_top_and_bottom(
    paper: str, large: bool
) -> None:
    pages = _pages(large, paper)
    assert "Prepared by Emergency Planning Team" in pages[0]
    for n, text in enumerate(pages[1:], 2):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert f"Page {n} of {len(pages)}" in text, f"page {n} has no footer: {lines[:3]}"
        assert lines.count("OFFICIAL") >= 2 or (
            lines[0] == "OFFICIAL" and "OFFICIAL" in lines[-1]
        ), f"page {n}: {lines[:2]} {lines[-2:]}"


def test_a_long_venue_says_where_once() -> None:
    text = " ".join(_pages(True, "A5"))
    assert text.replace("\n", " ").count("Riverside Business Park") == 1
    assert LONG_VENUE.split(",")[0] in text


def test_short_agenda_stays_on_one_page_with_its_heading() -> None:
    pages = _pages(True, "A5")
    page = next(p for p in pages if "Agenda" in p.splitlines()[0:3] or "\nAgenda\n" in p)
    for time in ("09:30", "10:00", "10:15", "11:00", "11:45"):
        assert time in page
    assert "emergency planners" in " ".join(page.split())  # the first row is whole on the page


def test_word_rows_never_split_and_the_header_repeats() -> None:
    data = render("docx", compose(edge_pack(True, "A5"), Path("."))).data
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode()
    rows = re.findall(r"<w:tr[ >].*?</w:tr>", xml, re.S)
    assert len(rows) == 6
    assert all("<w:cantSplit/>" in row for row in rows)
    assert "<w:tblHeader/>" in rows[0]
