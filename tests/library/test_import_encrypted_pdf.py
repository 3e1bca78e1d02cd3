"""Encrypted PDFs: one locked with an empty password (AES, as many "protected" PDFs are) is
imported; one that needs a password gets the plain "password-protected" message."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from briefing.library.importers import ImportFailure, import_path

if TYPE_CHECKING:
    from pathlib import Path


def _encrypted(path: Path, user_password: str) -> Path:
    from pypdf import PdfReader, PdfWriter

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.drawString(72, 760, "Waste collection review")
    page.drawString(72, 730, "The council will move to three-weekly collections of general waste.")
    page.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(out.getvalue())))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="AES-256")
    with path.open("wb") as stream:
        writer.write(stream)
    return path


def test_an_aes_pdf_with_an_empty_password_is_imported(tmp_path: Path) -> None:
    [draft] = import_path(_encrypted(tmp_path / "waste.pdf", ""))
    assert "three-weekly collections" in draft.body


def test_a_pdf_that_needs_a_password_is_named_plainly(tmp_path: Path) -> None:
    with pytest.raises(ImportFailure, match="locked.pdf: the PDF is password-protected"):
        import_path(_encrypted(tmp_path / "locked.pdf", "s3cret"))
