"""Hebrew inside English reads right to left in either PDF engine: the first letter of a
Hebrew word, and the first word of a Hebrew phrase, are drawn rightmost, while the English
around it keeps its place (the untagged engine draws it as the tagged one does)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pypdfium2 as pdfium
import pytest

from briefing.build import VERIFY_RULES, BuildRequest, check
from briefing.export.registry import PDF_ENGINES

if TYPE_CHECKING:
    from pathlib import Path

SUMMARY = "The council met the group מועצת העיר תל אביב on 12 May, with **bold שלום** too."


def _lefts(data: bytes) -> dict[str, float]:
    """The left edge of the first drawing of each character of the summary."""
    for page in pdfium.PdfDocument(data):
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        if "group" not in text:
            continue
        lefts: dict[str, float] = {}
        for index, char in enumerate(text[text.index("group") :], text.index("group")):
            if char not in lefts and not char.isspace():
                lefts[char] = textpage.get_charbox(index)[0]
        return lefts
    raise AssertionError("no page holds the summary")


@pytest.mark.parametrize("engine", list(PDF_ENGINES))
def test_a_hebrew_phrase_inside_english_reads_right_to_left(tmp_path: Path, engine: str) -> None:
    path = tmp_path / "hebrew.yaml"
    path.write_text(
        f"""briefing_pack: 1
title: Housing news
sections:
  - title: Housing
    items:
      - article: a
        summary: "{SUMMARY}"
articles:
  a:
    title: Council plans
    authors: [A. Officer]
""",
        encoding="utf-8",
    )
    report = check(BuildRequest.for_file(path, formats=("pdf",), pdf_engine=engine))
    assert [f for f in report.findings if f.rule in VERIFY_RULES] == []
    x = _lefts(report.jobs[0].rendered["pdf"].data)
    # "group" before the phrase, "on" after it; inside, מועצת (first) right of אביב (last),
    # and in מועצת its first letter מ right of its later צ.
    assert x["g"] < x["א"] < x["צ"] < x["מ"] < x["n"]
    # A bold Hebrew word alone also reads right to left: ש first, so right of ם.
    assert x["ם"] < x["ש"]
