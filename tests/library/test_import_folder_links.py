"""Importing a folder never follows a link out of it, and says what it skipped."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest

from briefing.cli import main

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.skipif(
    not hasattr(os, "symlink") or os.name == "nt", reason="needs symbolic links"
)


def test_links_out_of_the_folder_are_skipped_and_named(tmp_path: Path, capsys, monkeypatch) -> None:
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "secret.txt").write_text("Salaries of every officer.\n", encoding="utf-8")
    (outside / "notes").mkdir()
    (outside / "notes" / "more.md").write_text("# Private notes\n\nNot for import.\n")
    folder = tmp_path / "to-import"
    folder.mkdir()
    (folder / "budget.txt").write_text(
        "Budget setting\n\nThe council sets its budget in February after a long consultation.\n",
        encoding="utf-8",
    )
    (folder / "link.txt").symlink_to(outside / "secret.txt")
    (folder / "linked-folder").symlink_to(outside / "notes")
    (folder / "inside.txt").symlink_to(folder / "budget.txt")  # stays in the folder: allowed
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    main(["import", str(folder), "--dry-run", "--library", str(tmp_path / "lib")])
    out, err = capsys.readouterr()
    assert "budget.txt: 1 article" in out and "inside.txt: 1 article" in out
    assert "secret" not in out.lower() and "Private notes" not in out
    assert f"link.txt: skipped, it is a link to {outside / 'secret.txt'}, outside the folder" in err
    assert "linked-folder: skipped, it is a link to" in err
