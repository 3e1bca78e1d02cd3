"""`briefing build --two-up`: the imposed A4 copy written and printed beside the usual files;
an A4 pack and a Word-only build refused with the way out, writing nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

from briefing_cli import run
from pypdf import PdfReader

PACKS = Path(__file__).resolve().parents[2] / "packs"


def test_two_up_writes_and_prints_the_extra_pdf(tmp_path: Path) -> None:
    shutil.copy(PACKS / "event-handout.yaml", tmp_path / "handout.yaml")
    result = run("build", "handout.yaml", "-o", "out", "--format", "pdf", "--two-up", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    printed = result.stdout.splitlines()
    assert [Path(line).name for line in printed] == [
        "The 21st Century Councillor.pdf",
        "The 21st Century Councillor (two-up).pdf",
    ]
    single, imposed = (PdfReader(tmp_path / line) for line in printed)
    assert len(imposed.pages) == (len(single.pages) + 1) // 2
    assert round(float(imposed.pages[0].mediabox.width)) == 842
    assert imposed.metadata.title == "The 21st Century Councillor"
    assert "Arranging The 21st Century Councillor (two-up).pdf" in result.stderr


def test_two_up_of_an_a4_pack_names_the_pack_and_the_setting(tmp_path: Path) -> None:
    text = (PACKS / "event-handout.yaml").read_text(encoding="utf-8")
    assert "paper: A5" in text
    (tmp_path / "briefing.yaml").write_text(
        text.replace("paper: A5", "paper: A4"), encoding="utf-8"
    )
    result = run("build", "briefing.yaml", "-o", "out", "--two-up", cwd=tmp_path)
    assert result.returncode == 1
    assert "briefing.yaml: two-up needs an A5 pack: set layout: {paper: A5}" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_two_up_with_word_only_says_it_is_a_pdf(tmp_path: Path) -> None:
    shutil.copy(PACKS / "event-handout.yaml", tmp_path / "handout.yaml")
    result = run("build", "handout.yaml", "-o", "out", "--format", "docx", "--two-up", cwd=tmp_path)
    assert result.returncode == 1
    assert "--two-up makes a PDF" in result.stderr and "--format both" in result.stderr
    assert not (tmp_path / "out").exists()
