"""`briefing check --pdf-engine`, the page budget in `check`, and characters no font has: what
`validate`, `build` and `check` say depends on the PDF engine, and they say it alike."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from housing_pack import housing_pack

from briefing.cli import main

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

# Short sentences (no advice), enough of them for more than one page.
LONG = "Councils are spending more on temporary accommodation. " * 150
# Linear B: in no font the tests can rely on, on any computer.
UNPRINTABLE = "The old ledger marks the site with \U00010002 on its first page."


def _write(folder: Path, summary: str) -> Path:
    return housing_pack(folder, summary, title="Engine test pack")


def _lines(capsys: pytest.CaptureFixture[str], *severities: str) -> list[str]:
    captured = capsys.readouterr()
    return [
        line
        for line in (captured.out + captured.err).splitlines()
        if any(f": {severity}: " in line for severity in severities)
    ]


def test_check_counts_the_pages_of_the_pdf_it_builds_as_build_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, LONG)
    assert main(["check", "pack.yaml"]) == 0  # a warning only
    from_check = [line for line in _lines(capsys, "warning") if "pages, over its budget" in line]
    assert len(from_check) == 1 and from_check[0].startswith(
        "pack.yaml:4:10: warning: The PDF has "
    )
    assert main(["build", "pack.yaml", "--format", "pdf", "-o", "out", "-q"]) == 0
    assert [line for line in _lines(capsys, "warning") if "pages" in line] == from_check
    from pypdf import PdfReader

    pages = len(PdfReader(tmp_path / "out" / "Engine test pack.pdf").pages)
    assert from_check[0].startswith(f"pack.yaml:4:10: warning: The PDF has {pages} pages, ")


def test_check_with_the_untagged_engine_checks_the_untagged_pdf(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "Rents rose again.")
    assert main(["check", str(path), "--json"]) == 0
    assert "pdf-untagged" not in {f["rule"] for f in json.loads(capsys.readouterr().out)}
    assert main(["check", str(path), "--json", "--pdf-engine", "reportlab"]) == 0
    rules = {f["rule"]: f["severity"] for f in json.loads(capsys.readouterr().out)}
    assert rules.get("pdf-untagged") == "warning"


def test_a_character_no_font_has_stops_validate_and_build_for_the_tagged_pdf(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, UNPRINTABLE)
    assert main(["validate", "pack.yaml"]) == 1
    (error,) = _lines(capsys, "error")
    # The line and column of the character itself, what it is, and what to do.
    assert error.startswith(
        "pack.yaml:10:46: error: In the summary of “Temporary accommodation "
        "costs”, no font on this computer can show \U00010002 (U+10002"
    )
    assert "the tagged PDF cannot be made with them" in error
    assert (
        "install a font that covers them on this computer and build again, or write the "
        "words another way" in error
    )
    assert main(["build", "pack.yaml", "-o", "out", "-q"]) == 1
    assert _lines(capsys, "error") == [error]
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []
    assert main(["check", "pack.yaml"]) == 1
    assert error in _lines(capsys, "error")


def test_the_untagged_engine_prints_a_box_so_the_character_is_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, UNPRINTABLE)
    assert main(["validate", "pack.yaml", "--pdf-engine", "reportlab"]) == 0
    (warning,) = _lines(capsys, "warning")
    assert warning.startswith("pack.yaml:10:46: warning: In the summary of")
    assert "they would print as empty boxes" in warning
    assert main(["build", "pack.yaml", "-o", "out", "-q", "--pdf-engine", "reportlab"]) == 0
    assert warning in _lines(capsys, "warning")  # with the page budget, counted on the PDF
    assert (tmp_path / "out" / "Engine test pack.pdf").is_file()
