"""Where a PDF's words sit on its pages (poppler's word boxes), and what a reader would see wrong
with them: text over the running footer or the marking, off the page or into its margins, and
words drawn over one another (a word sticking out of its table cell into the next)."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import pytest

from briefing.export.common import brand

MM = 72 / 25.4
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(
    r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">'
    r"(.*?)</word>"
)


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float  # from the top of the page
    x1: float
    y1: float


@dataclass(frozen=True)
class Page:
    number: int  # from 1
    width: float
    height: float
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def pages(pdf: bytes) -> list[Page]:
    """Every page's words with their boxes, in the order poppler reads them."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "read.pdf")
        path.write_bytes(pdf)
        out = subprocess.run(
            ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    found = []
    for n, (width, height, body) in enumerate(_PAGE.findall(out), 1):
        words = tuple(
            Word(unescape(t), float(a), float(b), float(c), float(d))
            for a, b, c, d, t in _WORD.findall(body)
        )
        found.append(Page(n, float(width), float(height), words))
    return found


def _furniture(page: Page, marking: str) -> tuple[set[int], float, float]:
    """The indexes of the page's furniture words, the top of the footer and the foot of the
    header (the body lies between them)."""
    furniture: set[int] = set()
    footer_top, header_foot = page.height, 0.0
    label = re.compile(rf"^Page$|^{page.number}$|^of$|^\d+$")
    words = page.words
    for i in range(len(words) - 3):
        if (
            words[i].text == "Page"
            and words[i + 1].text == str(page.number)
            and words[i + 2].text == "of"
            and label.match(words[i + 3].text)
        ):
            line = words[i].y0
            footer_top = min(footer_top, line)
            furniture |= {j for j, w in enumerate(words) if abs(w.y0 - line) < 1.5}
    marks = set(marking.split())
    for j, w in enumerate(words):
        if w.text in "DRAFT" and w.y1 - w.y0 > 40:  # the large diagonal mark of a draft
            furniture.add(j)
        if w.text in marks and w.y0 > footer_top - 1:
            furniture.add(j)
        if w.text in marks and w.y1 < page.height * 0.08:
            furniture.add(j)
            header_foot = max(header_foot, w.y1)
    return furniture, footer_top, header_foot


def body_words(page: Page, marking: str = "") -> list[Word]:
    """The page's words without its furniture, in the order they are printed down the page."""
    furniture, _, _ = _furniture(page, marking)
    body = [w for j, w in enumerate(page.words) if j not in furniture]
    return sorted(body, key=lambda w: (round(w.y0), w.x0))


def stranded_headings(pdf: bytes, headings: list[str], marking: str = "") -> list[str]:
    """The headings printed as the last thing on a page that has another after it."""
    read = pages(pdf)
    heights = sorted(w.y1 - w.y0 for page in read[1:] for w in body_words(page, marking))
    text_height = heights[len(heights) // 2] if heights else 0.0
    found = []
    for page in read[1:-1]:
        body = body_words(page, marking)
        words = [w.text for w in body]
        for heading in headings:
            wanted = heading.split()
            n = len(wanted)
            if not wanted or words[-n:] != wanted:
                continue
            # The heading's own lines: it starts a line, in larger type than the text.
            first = body[-n]
            starts_line = n == len(body) or round(body[-n - 1].y0) != round(first.y0)
            if starts_line and first.y1 - first.y0 > text_height * 1.04:
                found.append(f"page {page.number} ends with the heading {heading!r}")
    return found


def layout_problems(pdf: bytes, paper: str, marking: str = "", cover: bool = True) -> list[str]:
    """What is wrong with where the words of a PDF sit, one line per problem (none: nothing).

    On every page after the cover: a word of the body over or below the running footer, over the
    marking at the top, off the page or more than half-way into a side margin, or two words drawn
    over each other.
    """
    margin = brand.MARGIN_MM.get(paper, brand.MARGIN_MM["A4"]) * MM
    problems = []
    for page in pages(pdf)[1 if cover else 0 :]:
        furniture, footer_top, header_foot = _furniture(page, marking)
        body = [w for j, w in enumerate(page.words) if j not in furniture]
        if footer_top == page.height:
            problems.append(f"page {page.number}: no 'Page {page.number} of N' footer")
        for w in body:
            where = f"page {page.number}: {w.text!r}"
            if w.y1 > footer_top + 0.5:
                problems.append(f"{where} runs over the footer")
            elif w.y0 < header_foot - 0.5:
                problems.append(f"{where} runs over the marking at the top")
            if w.x0 < margin / 2 or w.x1 > page.width - margin / 2:
                problems.append(f"{where} runs into the margin or off the page")
        rows = sorted(body, key=lambda w: (w.y0, w.x0))
        for i, a in enumerate(rows):
            for b in rows[i + 1 :]:
                if b.y0 >= a.y1:
                    break
                tall = min(a.y1 - a.y0, b.y1 - b.y0)
                if (
                    min(a.y1, b.y1) - max(a.y0, b.y0) > tall / 2
                    and min(a.x1, b.x1) - max(a.x0, b.x0) > 1
                ):
                    problems.append(f"page {page.number}: {a.text!r} is drawn over {b.text!r}")
    return problems
