"""The PDF's fonts matter only to the PDF: a passage no font on this computer can show stops a
tagged PDF, but Word and the web page (which use the reader's fonts) build with any text."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from typing import TYPE_CHECKING

import pytest

from briefing.export.pdf.typst.fonts import unprintable
from tests.cli.housing_pack import housing_pack

if TYPE_CHECKING:
    from pathlib import Path

# A Chinese, an Egyptian hieroglyph and a Javanese letter: at least one is missing from the
# fonts of most computers.
CANDIDATES = "水𓀀ꦲ"


def missing_character() -> str:
    missing = unprintable(set(CANDIDATES))
    if not missing:
        pytest.skip("this computer has fonts for every candidate character")
    return sorted(missing)[0]


def run(tmp_path: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("QT_QPA_PLATFORM", None)
    return subprocess.run(
        [sys.executable, "-m", "briefing", *map(str, args)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_word_and_web_page_build_with_characters_the_pdf_fonts_lack(tmp_path: Path):
    ch = missing_character()
    pack = housing_pack(tmp_path, f"The report quotes residents: {ch}{ch} and 😀 in the survey.")
    for fmt, suffix in (("docx", ".docx"), ("html", ".html")):
        result = run(tmp_path, "build", pack, "--format", fmt)
        assert result.returncode == 0, result.stderr
        assert "no font on this computer" not in result.stderr
        built = tmp_path / f"Housing test pack{suffix}"
        if fmt == "docx":
            with zipfile.ZipFile(built) as package:
                text = package.read("word/document.xml").decode("utf-8")
        else:
            text = built.read_text(encoding="utf-8")
        assert f"{ch}{ch} and 😀" in text


def test_the_pdf_is_still_refused_with_the_fonts_to_install(tmp_path: Path):
    ch = missing_character()
    pack = housing_pack(tmp_path, f"The report quotes residents: {ch}{ch} in the survey.")
    result = run(tmp_path, "build", pack, "--format", "all")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "no font on this computer can show" in result.stderr
    assert not list(tmp_path.glob("Housing test pack.*"))  # all or nothing


def test_validate_and_check_take_the_formats_build_will_make(tmp_path: Path):
    """`validate --format docx` says OK to a pack `build --format docx` builds, and still
    refuses it for a PDF; `check --format html` builds and checks the web page alone."""
    ch = missing_character()
    pack = housing_pack(tmp_path, f"The report quotes residents: {ch}{ch} in the survey.")
    for_word = run(tmp_path, "validate", pack, "--format", "docx")
    assert for_word.returncode == 0, for_word.stderr
    assert f"{pack}: OK" in for_word.stdout
    for_pdf = run(tmp_path, "validate", pack)  # docx and pdf, as build makes by default
    assert for_pdf.returncode == 1 and "Traceback" not in for_pdf.stderr
    assert "no font on this computer can show" in for_pdf.stdout + for_pdf.stderr
    checked = run(tmp_path, "check", pack, "--format", "html")
    assert "no font on this computer" not in checked.stdout + checked.stderr
    assert checked.returncode == 0, checked.stderr
    assert "its Web page (.html) built in memory" in checked.stderr
