"""The implication points the officer has accepted, kept with the library: the council's voice.

    LIBRARY/accepted-implications.txt     one point a line, newest last

Every point taken from the app's suggested implications (as edited before OK) is added here, so
the drafting aids rank and word later suggestions like the points this council writes, in every
pack, not only the one open. The file stays in the library folder on this machine or the team's
drive; nothing is sent anywhere. It is plain text: a line can be edited or deleted by hand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.files.safe_write import atomic_write_text
from briefing.limits.reading import MAX_SETTINGS, Unreadable, read_capped

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

FILE_NAME = "accepted-implications.txt"
MOST = 500  # the newest points kept: enough to learn a voice, little to read
HEADER = (
    "# Implication points accepted in this library's packs, one a line, newest last.\n"
    "# Briefing's suggested implications are ranked and worded like these. Edit or delete\n"
    "# lines as you wish; the file never leaves this folder.\n"
)


def read_accepted(path: Path) -> list[str]:
    """The points kept, oldest first; none when the file is missing or cannot be read (the
    suggestions are still offered, only not in the council's voice)."""
    if not path.exists():
        return []
    try:
        text = read_capped(path, MAX_SETTINGS, "a list of accepted points").decode("utf-8-sig")
    except (Unreadable, OSError, UnicodeDecodeError):
        return []
    return [
        line.strip()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


def add_accepted(path: Path, points: Iterable[str]) -> list[str]:
    """Add points (each on one line, a repeat moved to the end), keep the newest MOST and write
    the file whole with an atomic replace. The caller holds the library lock."""
    kept = read_accepted(path)
    for point in points:
        point = " ".join(point.split())
        if point:
            kept = [p for p in kept if p != point] + [point]
    kept = kept[-MOST:]
    atomic_write_text(path, HEADER + "".join(f"{p}\n" for p in kept))
    return kept
