"""LibreOffice as an independent reader of the Word files: convert a file with it, headless,
in a profile of the test's own (so runs never share or lock one)."""

from __future__ import annotations

import shutil
import subprocess
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def convert(source: Path, to: str, outdir: Path) -> Path:
    """The file LibreOffice writes when it converts `source` to `to` ("pdf", or a filter such as
    "docx:MS Word 2007 XML") in `outdir`; its profile sits beside the output."""
    assert SOFFICE is not None, "LibreOffice is not installed"
    profile = (outdir.parent / f"{outdir.name}-profile").as_uri()
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(outdir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return outdir / f"{source.stem}.{to.split(':')[0]}"


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page of `pdf`, as poppler lays it out (`pdftotext -layout`)."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text.split("\f")
