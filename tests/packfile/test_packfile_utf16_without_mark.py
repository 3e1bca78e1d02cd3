"""A pack saved as UTF-16 with no byte order mark (some editors and scripts write it) is named
as such, with the way to save it as UTF-8, instead of "a control character (code 0x00)"."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from briefing.errors import PackError
from briefing.packfile import load_pack

if TYPE_CHECKING:
    from pathlib import Path

TEXT = (
    "briefing_pack: 1\ntitle: Dŵr Cymru\nsections:\n  - title: Water\n    items:\n"
    "      - article: a1\n        summary: Reservoirs are full.\narticles:\n  a1:\n"
    "    title: Reservoirs\n"
)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_mark_is_named(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "pack.yaml"
    path.write_bytes(TEXT.encode(encoding))
    with pytest.raises(PackError) as info:
        load_pack(path)
    message = str(info.value)
    assert "saved as UTF-16 (without a byte order mark)" in message
    assert "save it as UTF-8" in message and "control character" not in message
    path.write_bytes(TEXT.encode("utf-8"))
    assert load_pack(path).title == "Dŵr Cymru"
