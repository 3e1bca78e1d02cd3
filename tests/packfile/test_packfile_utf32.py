"""A pack saved as UTF-32 is named as UTF-32 (its byte order mark starts like UTF-16's)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from briefing.cli import main

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-be"])
def test_a_utf32_pack_is_named_utf32(tmp_path: Path, capsys, encoding: str) -> None:
    path = tmp_path / "pack.yaml"
    text = "briefing_pack: 1\ntitle: Test pack\n"
    data = text.encode(encoding)
    if encoding == "utf-32-be":
        data = b"\x00\x00\xfe\xff" + data
    path.write_bytes(data)
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:1:1: the file is saved as UTF-32: save it as UTF-8" in err
    assert "UTF-16" not in err
