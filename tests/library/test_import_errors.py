"""Every kind of bad file gets a plain ImportFailure that names the file and says what to do."""

from __future__ import annotations

import os
import zipfile
from typing import TYPE_CHECKING

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from briefing.errors import BriefingError
from briefing.library.importers import ImportFailure, import_path, import_text

if TYPE_CHECKING:
    from pathlib import Path


def _failure(path: Path) -> str:
    with pytest.raises(ImportFailure) as caught:
        import_path(path)
    assert isinstance(caught.value, BriefingError)  # the CLI prints it with no traceback
    message = str(caught.value)
    assert message.startswith(f"{path.name}: ")
    return message


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert "empty" in _failure(path)


def test_whitespace_only_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.md"
    path.write_text("\n   \n\t\n", encoding="utf-8")
    assert "no text" in _failure(path)


def test_binary_file_with_text_extension(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert "not a text file" in _failure(path)


def test_docx_that_is_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "renamed.docx"
    path.write_text("This was a text file renamed to .docx", encoding="utf-8")
    message = _failure(path)
    assert "not a Word .docx file" in message and "Save As" in message


def test_damaged_docx_zip(tmp_path: Path) -> None:
    path = tmp_path / "damaged.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a word document")
    assert "damaged" in _failure(path)


def test_pdf_with_no_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFillColorRGB(0.2, 0.2, 0.2)
    for row in range(20):  # grey bars standing in for a scanned page
        pdf.rect(60, 780 - row * 30, 400, 12, fill=1, stroke=0)
    pdf.showPage()
    pdf.save()
    message = _failure(path)
    assert "no text layer" in message and "OCR" in message


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4, encrypt="a-password")
    pdf.drawString(60, 780, "Confidential minutes")
    pdf.showPage()
    pdf.save()
    assert "password-protected" in _failure(path)


def test_file_that_claims_to_be_pdf(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_text("<html>not a pdf</html>", encoding="utf-8")
    assert "not a PDF" in _failure(path)


def test_damaged_pdf(tmp_path: Path) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EO")
    assert "damaged" in _failure(path)


def test_file_over_the_size_limit_says_so(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:  # sparse: no 50 MB actually written
        handle.truncate(50 * 1024 * 1024)
    message = _failure(path)
    assert "50.0 MB" in message and "limit is 20 MB" in message


@pytest.mark.parametrize("suffix", [".xlsx", ".jpg", ""])
def test_unknown_extension_lists_supported_formats(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"data{suffix}"
    path.write_text("anything", encoding="utf-8")
    message = _failure(path)
    assert "cannot import" in message and ".txt" in message and ".docx" in message


def test_old_word_format_gets_a_specific_hint(tmp_path: Path) -> None:
    path = tmp_path / "minutes.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    assert "save it as .docx" in _failure(path)


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="permissions not enforced")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "private.txt"
    path.write_text("Some text", encoding="utf-8")
    path.chmod(0)
    try:
        assert "permission denied" in _failure(path)
    finally:
        path.chmod(0o600)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert "not found" in _failure(tmp_path / "gone.txt")
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert "folder" in _failure(folder)


def test_empty_paste() -> None:
    with pytest.raises(ImportFailure, match="^clipboard: there is no text"):
        import_text("  \n\n ", "clipboard")


def test_permission_error_while_reading_is_explained(tmp_path: Path, monkeypatch) -> None:
    # Runs everywhere, including as an administrator, where chmod does not stop reading.
    import os

    from briefing.limits import reading

    path = tmp_path / "locked-by-it.txt"
    path.write_text("Some text", encoding="utf-8")
    real_open = os.open

    def refuse(name: object, *args: object, **kwargs: object) -> int:
        if str(name) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(reading.os, "open", refuse)
    message = _failure(path)
    assert "permission denied" in message and "Copy it" in message
