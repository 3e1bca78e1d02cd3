"""File names every system accepts whatever the title (Japanese and Hindi titles cut by bytes,
Windows device names, right-to-left overrides), and long unbroken strings that break in every
format instead of running off the page, with a warning."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile
from typing import TYPE_CHECKING

import pytest
from pypdf import PdfReader

from briefing.files.naming import MAX_STEM_BYTES, file_stem
from tests.cli.housing_pack import housing_pack

if TYPE_CHECKING:
    from pathlib import Path


def run(tmp_path: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        [sys.executable, "-m", "briefing", *map(str, args)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.mark.parametrize("word", ["東京都の住宅政策", "आवास नीति और परिषद"])
def test_a_long_title_in_a_wide_script_still_builds_with_a_name_under_255_bytes(tmp_path, word):
    title = (word * 40)[:100]
    pack = housing_pack(tmp_path, "Costs rose sharply.", title=f'"{title}"')
    result = run(tmp_path, "build", pack, "--format", "docx", "--audience", "public")
    assert result.returncode == 0, result.stderr
    built = [p for p in tmp_path.rglob("*") if p.is_file() and p.suffix in (".docx", ".txt")]
    assert built
    for path in built:
        assert len(path.name.encode("utf-8")) <= 255, path.name
        assert len(path.stem.split(" (public)")[0].encode("utf-8")) <= MAX_STEM_BYTES
        assert path.name.startswith(title[:20])


def test_short_title_names_the_files_of_a_title_too_long_for_a_name(tmp_path):
    title = "Housing " + "and homelessness " * 12
    pack = housing_pack(tmp_path, "Costs rose sharply.", title=f'"{title.strip()}"')
    pack.write_text(
        pack.read_text(encoding="utf-8").replace(
            "budget:", "short_title: Housing pressures\nbudget:", 1
        ),
        encoding="utf-8",
    )
    result = run(tmp_path, "build", pack, "--format", "docx")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "Housing pressures.docx").is_file()


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("NUL.docx", "NUL_.docx.docx"),
        ("CON.2025", "CON_.2025.docx"),
        ("com1 .report", "com1_.report.docx"),
        ("LPT¹.notes", "LPT¹_.notes.docx"),
    ],
)
def test_windows_device_names_are_never_file_names(tmp_path, title, name):
    pack = housing_pack(tmp_path, "Costs rose sharply.", title=f'"{title}"')
    result = run(tmp_path, "build", pack, "--format", "docx")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / name).is_file()


def test_a_right_to_left_override_never_disguises_a_file_name_and_is_warned_about(tmp_path):
    pack = housing_pack(
        tmp_path,
        "See the file Invoice \u202excod.exe for the costs.",
        title='"Invoice \u202excod.exe"',
    )
    result = run(tmp_path, "build", pack, "--format", "docx")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "Invoice xcod.exe.docx").is_file()
    assert not [p for p in tmp_path.iterdir() if "\u202e" in p.name]
    warned = [line for line in result.stderr.splitlines() if "U+202E" in line]
    assert len(warned) == 2  # the title and the summary
    assert "warning:" in warned[0] and "pack.yaml:2:" in warned[0]


def test_file_stems_stay_within_the_limits_for_any_title() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=300, deadline=None)
    @given(st.text(min_size=0, max_size=400), st.text(max_size=60))
    def holds(title: str, short: str) -> None:
        stem = file_stem(title, short_title=short)
        assert 0 < len(stem) <= 100 and len(stem.encode("utf-8", "surrogatepass")) <= 180
        assert stem.split(".")[0].rstrip(" ").upper() not in {"CON", "PRN", "AUX", "NUL"}
        assert not any(ch in stem for ch in '<>:"/\\|?*\u202e\u202d\u2066\u2067\u2068\u2069')
        assert stem == stem.strip(" ") and not stem.endswith(".")

    holds()


def _pdf_text(data: bytes) -> str:
    return "".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize("engine", ["typst", "reportlab"])
@pytest.mark.parametrize("length", [85, 16_000])
def test_a_long_unbroken_string_breaks_in_every_format_and_is_warned_about(
    tmp_path, engine, length
):
    word = ("Antidisestablishmentarianism" * (length // 28 + 1))[:length]
    pack = housing_pack(tmp_path, f"Before {word} after.")
    result = run(tmp_path, "build", pack, "--format", "all", "--pdf-engine", engine)
    assert result.returncode == 0, result.stderr  # the tagged PDF proves nothing ran off
    assert f"runs {length:,} characters with no space" in result.stderr
    pdf = _pdf_text((tmp_path / "Housing test pack.pdf").read_bytes())
    joined = "".join(pdf.replace("\u200b", "").split())
    # The running title and page number of the pages the string crosses, taken out.
    joined = re.sub(r"Page\d+of\d+|Housingtestpack(?=Page|Antidis)", "", joined)
    assert f"Before{word}after." in joined  # every character, in order: nothing clipped
    with zipfile.ZipFile(tmp_path / "Housing test pack.docx") as package:
        assert word in package.read("word/document.xml").decode("utf-8")
    html = (tmp_path / "Housing test pack.html").read_text(encoding="utf-8")
    assert word in html and "overflow-wrap: anywhere" in html
