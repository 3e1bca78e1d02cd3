"""A Word draft with tracked changes still open, and hidden text, is imported as Word shows it
with the changes accepted: insertions kept, deletions left out, hidden text left out, and the
import says so (in the article's notes, which `import --dry-run` and the app show)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import TYPE_CHECKING

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml

from briefing.library.importers import import_path

if TYPE_CHECKING:
    from pathlib import Path

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
WHEN = 'w:author="A. Officer" w:date="2025-11-03T10:00:00Z"'


def draft_with_changes(folder: Path) -> Path:
    document = docx.Document()
    document.add_heading("Temporary accommodation costs keep rising", level=1)
    document.add_paragraph("By Jo Example")
    body = document.add_paragraph("Spending rose by ")
    body._p.append(
        parse_xml(f'<w:del {W} w:id="1" {WHEN}><w:r><w:delText>twelve</w:delText></w:r></w:del>')
    )
    body._p.append(parse_xml(f'<w:ins {W} w:id="2" {WHEN}><w:r><w:t>eighteen</w:t></w:r></w:ins>'))
    body.add_run(" per cent in the year to March, the council's report says.")
    note = document.add_paragraph("Officers expect the pressure to continue.")
    hidden = note.add_run(" [Internal: do not quote the Chief Executive.]")
    hidden.font.hidden = True
    moved = document.add_paragraph("Members asked for ")
    moved._p.append(
        parse_xml(f'<w:moveFrom {W} w:id="3" {WHEN}><w:r><w:t>monthly</w:t></w:r></w:moveFrom>')
    )
    moved._p.append(
        parse_xml(f'<w:moveTo {W} w:id="4" {WHEN}><w:r><w:t>quarterly</w:t></w:r></w:moveTo>')
    )
    moved.add_run(" updates on the figures.")
    style = document.styles.add_style("Drafting note", WD_STYLE_TYPE.PARAGRAPH)
    style.font.hidden = True
    document.add_paragraph("Drafting note: check the figures with finance.", style=style)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Households"
    cell = table.cell(0, 1).paragraphs[0]
    cell._p.append(parse_xml(f'<w:ins {W} w:id="5" {WHEN}><w:r><w:t>1,240</w:t></w:r></w:ins>'))
    cell._p.append(
        parse_xml(f'<w:del {W} w:id="6" {WHEN}><w:r><w:delText>980</w:delText></w:r></w:del>')
    )
    path = folder / "draft with changes.docx"
    document.save(path)
    return path


def test_tracked_changes_are_accepted_hidden_text_left_out_and_both_said(tmp_path: Path):
    [article] = import_path(draft_with_changes(tmp_path))
    body = " ".join(article.body.split())
    assert "Spending rose by eighteen per cent in the year to March" in body
    assert "twelve" not in body
    assert "Officers expect the pressure to continue." in body
    assert "Internal" not in body and "Chief Executive" not in body
    assert "Members asked for quarterly updates on the figures." in body
    assert "monthly" not in body
    assert "Drafting note" not in body
    assert "Households | 1,240" in body and "980" not in body
    notes = " ".join(article.flags)
    assert "tracked changes accepted: 3 insertions kept, 3 deletions left out" in notes
    assert "hidden text left out (2 passages" in notes


def test_the_dry_run_says_what_was_left_out(tmp_path: Path):
    path = draft_with_changes(tmp_path)
    env = {
        **os.environ,
        "BRIEFING_CACHE_DIR": str(tmp_path / "cache"),
        "BRIEFING_LIBRARY": str(tmp_path / "lib"),
    }
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "import", str(path), "--dry-run", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    [article] = json.loads(result.stdout)["files"][0]["articles"]
    assert any("tracked changes accepted" in flag for flag in article["flags"])
    assert any("hidden text left out" in flag for flag in article["flags"])


def test_a_document_without_changes_says_nothing_about_them(tmp_path: Path):
    document = docx.Document()
    document.add_heading("Parish precepts", level=1)
    document.add_paragraph("Precepts rose again this year, by an average of six per cent.")
    path = tmp_path / "plain.docx"
    document.save(path)
    [article] = import_path(path)
    assert "six per cent" in article.body
    assert not [flag for flag in article.flags if "tracked" in flag or "hidden" in flag]
