"""Keep a pack's layout files (logo, Word template) pointing at the same files when the pack
is saved into another folder: their paths are relative to the pack file, so they are rewritten
relative to the new folder."""

from __future__ import annotations

import os
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.model import Layout

LAYOUT_FILES = ("logo", "template")


def rebased(value: str, old_base: Path, new_base: Path) -> str:
    """`value` (relative to old_base) rewritten relative to new_base; absolute paths and ""
    are kept as they are."""
    if not value.strip() or PurePath(value).is_absolute():
        return value
    return relative_to(os.path.normpath(Path(old_base).resolve() / value), new_base)


def relative_to(target: str | Path, base: Path) -> str:
    """`target` (absolute) as a path relative to the folder `base`, with forward slashes so it
    reads the same on every system the pack may be opened on."""
    try:
        relative = os.path.relpath(target, Path(base).resolve())
    except ValueError:  # another drive on Windows: no relative path exists
        return Path(target).as_posix()
    return Path(relative).as_posix()


def rebased_layout(layout: Layout, old_base: Path, new_base: Path) -> dict[str, str]:
    """{field: new value} for the layout paths that change when the pack moves folder."""
    changes = {}
    for name in LAYOUT_FILES:
        old = getattr(layout, name)
        new = rebased(old, old_base, new_base)
        if new != old:
            changes[name] = new
    return changes
