"""File names and text holding line breaks or terminal escape sequences are printed, never
obeyed: control characters come out as escapes such as \\x1b."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest

from briefing.cli import main

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.skipif(os.name == "nt", reason="Windows file names cannot hold these characters")
def test_an_import_preview_shows_odd_file_names_safely(tmp_path: Path, capsys, monkeypatch) -> None:
    name = tmp_path / "evil\x1b[2J\nname.txt"
    name.write_text(
        "Budget setting\n\nThe council sets its budget in February after a long "
        "consultation with residents.\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    main(["import", str(name), "--dry-run", "--library", str(tmp_path / "lib")])
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "evil\\x1b[2J\\nname.txt: 1 article" in out


def test_an_error_naming_a_title_with_an_escape_sequence_is_printed_safely(
    tmp_path: Path, capsys
) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        "briefing_pack: 1\ntitle: Rents\nsections:\n  - title: Housing\n    items:\n"
        '      - article: "a1\\e]0;owned\\a"\narticles:\n  a1:\n    title: Rents\n',
        encoding="utf-8",
    )
    assert main(["validate", str(pack)]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    assert 'no article "a1\\x1b]0;owned\\x07" in articles' in err
