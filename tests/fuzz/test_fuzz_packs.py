"""Random packs: the loader either loads a pack or names its problems, and a pack it loads is
rendered by every registered format without an exception (validate means build will work)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fuzz_strategies import as_pack_text, hostile_text, pack_data
from hypothesis import given
from hypothesis import strategies as st

from briefing.compose import compose
from briefing.errors import BriefingError, PackError
from briefing.export.registry import FORMATS, render
from briefing.packfile import loads_pack


def _load_and_render(text: str) -> bool:
    """True when the pack loaded and rendered in every format; False when the loader refused it."""
    try:
        pack = loads_pack(text, Path("fuzz.yaml"))
    except PackError as exc:
        assert exc.problems and all(p.message for p in exc.problems)
        return False
    document = compose(pack, Path.cwd())
    for key in FORMATS:
        try:
            assert render(key, document).data, key
        except BriefingError as exc:  # a plain message (a character no font has, say)
            assert str(exc) and "Traceback" not in str(exc)
    return True


@given(pack_data(), st.booleans())
def test_every_valid_pack_renders_in_every_format(data: dict[str, Any], ascii_only: bool) -> None:
    assert _load_and_render(as_pack_text(data, ascii_only))


@given(pack_data(hostile_text), st.booleans())
def test_packs_with_unstorable_text_are_refused_or_render(
    data: dict[str, Any], ascii_only: bool
) -> None:
    _load_and_render(as_pack_text(data, ascii_only))


@given(st.text(max_size=300))
def test_any_text_is_a_pack_or_a_list_of_problems(text: str) -> None:
    try:
        loads_pack(text, Path("fuzz.yaml"))
    except PackError as exc:
        assert all(str(p).startswith("fuzz.yaml") for p in exc.problems)
