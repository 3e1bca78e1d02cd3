"""`briefing build` and `briefing validate` meet user mistakes with a message, never a traceback."""

from __future__ import annotations

from pathlib import Path

from briefing.cli import main

PACK = """\
briefing_pack: 1
title: Mistakes pack
sections:
  - title: Housing
    items:
      - article: a1
        summary: Councils are reviewing their temporary accommodation spending.
articles:
  a1:
    title: Temporary accommodation costs
"""


def write_pack(folder: Path, extra: str = "") -> Path:
    path = folder / "pack.yaml"
    path.write_text(PACK + extra, encoding="utf-8")
    return path


def test_build_explains_a_folder_where_the_output_file_goes(tmp_path: Path, capsys) -> None:
    pack = write_pack(tmp_path)
    out = tmp_path / "out"
    (out / "Mistakes pack.pdf").mkdir(parents=True)
    assert main(["build", str(pack), "-o", str(out), "--format", "pdf", "-q"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "Mistakes pack.pdf: there is a folder with that name" in err
    assert "choose another folder" in err
