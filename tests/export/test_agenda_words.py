"""Agenda columns are sized to their content: no word is broken inside ("Speak/er",
"Fina/nce"), in the PDF or in Word as LibreOffice lays it out, even in large print on A5."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from edge_packs import edge_pack
from libreoffice import SOFFICE, convert

from briefing.compose import compose
from briefing.document import Table
from briefing.export.registry import render


def _agenda_words(document) -> set[str]:  # type: ignore[no-untyped-def]
    table = next(b for b in document.blocks if isinstance(b, Table))
    return {
        w.strip(",.")
        for row in [table.header, *table.rows]
        for cell in row
        for w in cell.split()
        if len(w.strip(",.")) > 1
    }


def _words_in(pdf: Path) -> set[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return {w.strip(",.") for w in re.split(r"\s+", text)}


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_no_agenda_word_is_broken_inside(tmp_path: Path, fmt: str) -> None:
    document = compose(edge_pack(True, "A5"), Path("."))
    target = tmp_path / f"agenda.{fmt}"
    target.write_bytes(render(fmt, document).data)
    if fmt == "docx":
        if SOFFICE is None:
            pytest.skip("LibreOffice is not installed")
        target = convert(target, "pdf", tmp_path)
    missing = _agenda_words(document) - _words_in(target)
    assert not missing, f"agenda words broken or lost: {sorted(missing)}"
