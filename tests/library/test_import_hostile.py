"""Hostile import files (bombs, deep nesting, encryption) are refused with a plain message
naming the file, quickly and without a traceback. Every bomb is built by the test, small."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.library.importers import ImportFailure, import_path


def test_a_page_nested_thousands_deep_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    page.write_text("<html><body>" + "<div>" * 3000 + "<p>Deep text.</p>" + "</div>" * 3000
                    + "</body></html>", encoding="utf-8")
    with pytest.raises(ImportFailure, match=r"deep.html: the page nests its parts more than 400 "
                                            r"deep"):
        import_path(page)


def test_a_page_with_many_sections_and_line_breaks_keeps_its_text(tmp_path: Path) -> None:
    sections = "".join(f"<h2>Ward {n}</h2><p>Line one of ward {n}<br>line two of ward {n}</p>"
                       for n in range(1, 400))
    page = tmp_path / "wards.html"
    page.write_text(f"<html><head><title>Ward news</title></head><body><main><h1>Ward news</h1>"
                    f"{sections}</main></body></html>", encoding="utf-8")
    [article] = import_path(page)
    assert article.title == "Ward news"
    assert "Line one of ward 7 line two of ward 7" in " ".join(article.body.split())
    assert "Ward 399" in article.body


def test_front_matter_nested_a_thousand_deep_is_refused(tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text("---\ntitle: " + "[" * 1000 + "]" * 1000 + "\n---\n\n# Note\n\nText.\n",
                    encoding="utf-8")
    with pytest.raises(ImportFailure, match="note.md: the metadata block at the top: lists and "
                                            "sets of keys are nested more than 64 deep"):
        import_path(note)
