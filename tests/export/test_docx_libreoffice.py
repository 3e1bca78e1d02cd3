"""The .docx as another program lays it out: LibreOffice converts it to PDF (when installed)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from libreoffice import SOFFICE, convert, pdf_pages

from briefing.document.model import (
    BulletList,
    Contents,
    Cover,
    Document,
    DocumentMeta,
    Heading,
    Paragraph,
    Run,
)
from briefing.export.docx.writer import write_docx

pytestmark = pytest.mark.skipif(
    SOFFICE is None or not shutil.which("pdftotext"),
    reason="LibreOffice or pdftotext is not installed",
)


def test_libreoffice_lays_out_furniture_unicode_and_literal_text(tmp_path: Path) -> None:
    blocks: list = [
        Paragraph([Run("This document is classified OFFICIAL.")], role="note"),
        Contents(),
    ]
    for s in range(1, 4):
        blocks.append(Heading(1, f"Section {s}", anchor=f"sec-{s}"))
        for i in range(1, 4):
            blocks.append(Heading(2, f"Item {s}.{i} from Špaček", anchor=f"item-{s}-{i}"))
            blocks.append(
                Paragraph([Run("Costs rose by £5m – “quickly” & <b>literally</b>. " * 12)])
            )
            blocks.append(BulletList([[Run("A point for councils")]]))
    document = Document(
        DocumentMeta(title="Long pack", running_title="Long pack", marking="OFFICIAL"),
        Cover(title="Long pack", kind_label="Member briefing"),
        blocks,
    )
    docx_file = write_docx(document, tmp_path / "Long pack.docx")
    pages = pdf_pages(convert(docx_file, "pdf", tmp_path))[:-1]
    assert len(pages) >= 3
    total = len(pages)
    assert "Long pack" in pages[0] and "Page 1 of" not in pages[0]  # the cover has no footer
    for n, page in enumerate(pages[1:], 2):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert lines[0] == "OFFICIAL", f"page {n} header"
        # The marking is the last line of the page, under the title and page, as in the PDF.
        assert re.search(rf"Long pack\s+Page {n} of {total}$", lines[-2]), lines[-2]
        assert lines[-1] == "OFFICIAL"
    body = " ".join(pages)
    assert "Item 1.1 from Špaček" in body
    assert "£5m – “quickly” & <b>literally</b>." in body


def test_word_cover_with_a_long_title_in_large_print_on_a5_stays_on_one_page(
    tmp_path: Path,
) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from edge_packs import edge_pack

    from briefing.compose import compose

    docx_file = write_docx(compose(edge_pack(True, "A5"), Path(".")), tmp_path / "edge.docx")
    pages = pdf_pages(convert(docx_file, "pdf", tmp_path))
    assert "Keeping the lights on" in pages[0] and "Prepared by" in pages[0]
    assert "DRAFT" in pages[0]
    second = [line.strip() for line in pages[1].splitlines() if line.strip()]
    assert second[0] == "OFFICIAL" and "Prepared by" not in pages[1]
    assert "This document is classified OFFICIAL." in second[1]
