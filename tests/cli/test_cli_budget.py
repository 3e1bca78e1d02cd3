"""`briefing build` and `briefing validate` report a pack's budget: warnings, never failures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing_cli import run
from housing_pack import housing_pack
from pypdf import PdfReader

if TYPE_CHECKING:
    from pathlib import Path

LONG = "Councils are spending more on temporary accommodation each year. " * 60


def write(tmp_path: Path, pages: int, words: int, summary: str = LONG) -> Path:
    return housing_pack(tmp_path, summary, pages=pages, words=words, title="Budget test pack")


def test_build_over_budget_warns_and_still_writes_the_files(tmp_path):
    write(tmp_path, pages=1, words=100)
    result = run("build", "pack.yaml", "-o", "out", "-q", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = [tmp_path / line for line in result.stdout.splitlines()]
    assert {p.suffix for p in written} == {".docx", ".pdf"}
    assert all(p.is_file() for p in written)
    pdf = next(p for p in written if p.suffix == ".pdf")
    pages = len(PdfReader(pdf).pages)
    assert pages > 1
    # As `briefing check` prints them: where the budget is set, then what to do.
    warnings = result.stderr.splitlines()
    assert (
        f"pack.yaml:4:10: warning: The PDF has {pages} pages, over its budget of 1 page: "
        "shorten summaries or remove items." in warnings
    )
    word_line = next(line for line in warnings if "words, over its budget of 100" in line)
    assert word_line.startswith("pack.yaml:5:10: warning: The pack has ")
    assert "Traceback" not in result.stderr


def test_build_within_budget_prints_no_warning(tmp_path):
    write(tmp_path, pages=20, words=5000)
    result = run("build", "pack.yaml", "-o", "out", "--format", "pdf", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr and "budget" not in result.stderr


def test_build_docx_only_says_the_page_budget_needs_the_pdf(tmp_path):
    write(tmp_path, pages=1, words=5000)
    result = run("build", "pack.yaml", "-o", "out", "--format", "docx", "-q", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == (
        "note: the page budget is checked on the PDF; build with --format pdf or both to check it"
    )


def test_validate_reports_the_word_budget(tmp_path):
    write(tmp_path, pages=4, words=10, summary="A short summary of the article.")
    result = run("validate", "pack.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "pack.yaml: OK (1 section, 1 item)"
    words = int(lines[1].split(": ")[1].split()[0])
    assert lines[1] == f"pack.yaml: {words} words (budget 10)"
    assert result.stderr.splitlines() == [
        f"pack.yaml:5:10: warning: The pack has {words} words, over its budget of 10: shorten "
        "summaries or move items to another pack."
    ]
    assert lines[2] == (
        "pack.yaml: the budget of 4 pages is checked when the pack is built (or by briefing check)"
    )


def test_validate_names_a_bad_budget_with_line_and_column(tmp_path):
    path = write(tmp_path, pages=4, words=20)
    path.write_text(
        path.read_text(encoding="utf-8").replace("pages: 4", "pages: four"), encoding="utf-8"
    )
    result = run("validate", "pack.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        'pack.yaml:4:10: budget pages "four" must be a whole number of pages, e.g. 4, or delete '
        "the line for no limit"
    ]
