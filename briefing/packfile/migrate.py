"""Migrations of older pack formats to the current one, applied to plain data on load.

MIGRATIONS maps a format version to a function that turns data of that version into data of
the next version (and sets `briefing_pack` to it). Format 1 is the first, so the table is empty;
when format 2 arrives, format 1 packs gain an entry here and keep opening.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

CURRENT = 1

Migration = Callable[[dict[str, Any]], dict[str, Any]]
MIGRATIONS: dict[int, Migration] = {}


class UnsupportedVersion(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def upgrade(data: dict[str, Any]) -> dict[str, Any]:
    """Data of the current format; raises UnsupportedVersion with a plain message."""
    version = data.get("briefing_pack")
    if isinstance(version, bool) or not isinstance(version, int):
        return data  # left to the schema, which says what the key should hold
    if version > CURRENT:
        raise UnsupportedVersion(
            f"this pack is format {version}, made by a newer version of Briefing; this "
            f"version reads formats up to {CURRENT}: update Briefing to open it"
        )
    while version < CURRENT:
        step = MIGRATIONS.get(version)
        if step is None:
            raise UnsupportedVersion(
                f"briefing_pack {version} is not a format Briefing knows: the first format "
                f"is 1; check the number at the top of the file"
            )
        data = step(dict(data))
        new_version = data.get("briefing_pack")
        if not isinstance(new_version, int) or new_version <= version:
            raise RuntimeError(f"migration from format {version} did not advance the version")
        version = new_version
    return data
