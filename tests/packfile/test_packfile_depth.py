"""A pack nested deeper than any pack needs is a problem with its place, not a RecursionError."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.cli import main

if TYPE_CHECKING:
    from pathlib import Path


def test_a_pack_nested_a_thousand_deep_is_a_problem_not_a_crash(tmp_path: Path, capsys) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("briefing_pack: 1\ntitle: " + "[" * 1000 + "]" * 1000 + "\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:2:71: lists and sets of keys are nested more than 64 deep" in err
    assert "Traceback" not in err and "RecursionError" not in err
