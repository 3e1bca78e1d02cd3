"""A pack written to have every problem the accessibility report looks for, with a Word template
that has its own faults (small grey text, US English, a heading style a level too deep)."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

PACKS = Path(__file__).resolve().parents[2] / "packs"

# Over 150 words, with one sentence of more than 25 and two characters no font has (Linear B).
LONG_SUMMARY = " ".join(
    [
        "The district plans to move its paper archive to a shared store run with two neighbours.",
        "Officers expect the move, which depends on the lease of the old depot running out in the "
        "spring and on the neighbouring councils agreeing a fair split of the running costs between "
        "them, to save money within three years.",
        "Records staff would keep their jobs and move with the archive.",
        "Residents could still ask to see records at the town hall, with a day's notice.",
        "Some members asked how requests for old planning files would be handled during the move.",
        "The report answers that a temporary service would run from the library for six weeks.",
        "Two specialist collections, the parish maps and the market charters, would stay local.",
        "A small fund would digitise the most requested files first, so most people never need the "
        "paper at all.",
        "The tablets marked 𐀀 and 𐀁 in the catalogue are kept at the museum.",
        "A decision is due at the February meeting of the cabinet, after a short consultation.",
        "Staff unions have been briefed and raised no objection so far.",
    ]
)

PACK = f"""\
briefing_pack: 1
title: "  "
organisation: Riverside District Council
kind: member-briefing
layout:
  template: templates/faulty.docx
  logo: logo.png
  logo_alt: " "
themes:
  housing:
    label: Housing
    colour: "#F4C542"
intro: |
  The latest plans are on the council's website: [click here](https://www.example.org/plan).

  You can also [read more](https://www.example.org/more) or see
  [https://www.example.org/budget](https://www.example.org/budget) for the figures.
key_messages:
  - PLEASE READ THIS BEFORE THE MEETING on Tuesday.
  - The NHS and the LGA are both consulted.
sections:
  - title: Records and archives
    theme: housing
    intro: |
      *This section was written before the consultation closed, so some of its figures may change once the responses are counted.*
    items:
      - article: archive
        summary: |
          {LONG_SUMMARY}
        implications:
          - The draft terms are at https://www.example.org/terms for members to read.
articles:
  archive:
    title: A shared archive for three districts
    source: Records Today
"""


def make_faulty_template(path: Path) -> Path:
    """A Word template with 10 pt grey body text in US English, a pale Heading 1 and a Heading 2
    whose outline level makes it a third-level heading."""
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(10)
    normal.font.color.rgb = RGBColor(0x77, 0x77, 0x77)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-US")
    normal.element.get_or_add_rPr().append(lang)
    document.styles["Heading 1"].font.color.rgb = RGBColor(0xB0, 0xB0, 0xB0)
    document.styles["Heading 1"].font.size = Pt(20)
    outline = document.styles["Heading 2"].element.get_or_add_pPr().get_or_add_outlineLvl()
    outline.set(qn("w:val"), "2")
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def write_faulty_pack(folder: Path) -> Path:
    make_faulty_template(folder / "templates" / "faulty.docx")
    shutil.copy(PACKS / "images" / "example-council-logo.png", folder / "logo.png")
    path = folder / "faulty.yaml"
    path.write_text(PACK, encoding="utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    """The 1-based line of the pack file where `text` first appears."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path}")
