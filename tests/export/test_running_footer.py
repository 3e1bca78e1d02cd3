"""The running footer is one line: a long title is cut at a word with an ellipsis (or the pack's
`short_title` is used), in Word too, and on A5 large print it never meets "Page N of M"."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from edge_packs import LONG_TITLE, edge_pack

from briefing.compose import compose
from briefing.export.registry import render


def test_long_title_is_cut_at_a_word_with_an_ellipsis() -> None:
    title = compose(edge_pack(large_print=True, paper="A5"), Path(".")).meta.running_title
    assert title.endswith("…") and len(title) <= 25
    assert LONG_TITLE.startswith(title[:-1])
    assert LONG_TITLE[len(title) - 1] in " ,:"  # the cut falls between words


def test_short_title_is_used_when_given() -> None:
    pack = edge_pack()
    pack.short_title = "Winter resilience"
    document = compose(pack, Path("."))
    assert document.meta.running_title == "Winter resilience"
    assert document.cover.title == LONG_TITLE  # the cover keeps the whole title
    with zipfile.ZipFile(io.BytesIO(render("docx", document).data)) as z:
        footers = [z.read(n).decode() for n in z.namelist() if re.match(r"word/footer\d", n)]
    assert any(
        "Winter resilience\t" in re.sub(r"<[^>]+>", "", f.replace("<w:tab/>", "\t"))
        for f in footers
    )


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize(("paper", "large"), [("A5", True), ("A5", False), ("A4", True)])
def test_pdf_footer_title_and_page_number_share_one_line_without_touching(
    tmp_path: Path, paper: str, large: bool
) -> None:
    pdf = tmp_path / "f.pdf"
    pdf.write_bytes(render("pdf", compose(edge_pack(large, paper), Path("."))).data)
    from pypdf import PdfReader

    last = str(len(PdfReader(pdf).pages))
    html = subprocess.run(
        ["pdftotext", "-f", last, "-l", last, "-bbox", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    words = [
        (float(a), float(b), float(c), w)
        for a, b, c, w in re.findall(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<', html
        )
    ]
    page = next(w for w in words if w[3] == "Page" and w[1] > 400)
    line = sorted((w for w in words if abs(w[1] - page[1]) < 2), key=lambda w: w[0])
    before = [w for w in line if w[0] < page[0]]
    assert before, "the running title is on the page number's line"
    assert before[0][3] == LONG_TITLE.split()[0]
    assert before[-1][3].endswith("…")
    assert page[0] - before[-1][2] >= 10, "title and page number touch"
    # Nothing of the title wrapped onto a line of its own under the footer rule.
    below = [w for w in words if w[1] > page[1] + 2 and w[3] not in ("OFFICIAL",)]
    assert not below, below
