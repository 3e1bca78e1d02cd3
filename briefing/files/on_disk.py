"""What a file held when it was read or written: its size, time and a hash of its bytes, to tell
whether someone else has changed it since (a colleague on a shared drive, another window, a
script).

The app keeps a stamp for the pack it opened, and for each library article being edited; before
writing over the file it compares, so a save never silently replaces another person's work. Size
and time decide quickly; when either differs the bytes are hashed, so a file touched but not
changed (a sync tool, a backup) is not reported as changed.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, NamedTuple

from briefing.limits.reading import MB, Unreadable, read_capped

if TYPE_CHECKING:
    from pathlib import Path

_LIMIT = 256 * MB  # far above any pack or article; a larger file is compared by size and time


class Stamp(NamedTuple):
    """A file as it was: bytes, modification time (ns) and a BLAKE2 digest of its contents."""

    size: int
    mtime_ns: int
    digest: str

    def as_data(self) -> dict[str, object]:
        return {"size": self.size, "mtime_ns": self.mtime_ns, "digest": self.digest}

    @classmethod
    def from_data(cls, data: object) -> Stamp | None:
        """The stamp written by `as_data`, or None when `data` is not one."""
        if not isinstance(data, dict):
            return None
        size, mtime, digest = data.get("size"), data.get("mtime_ns"), data.get("digest")
        if isinstance(size, int) and isinstance(mtime, int) and isinstance(digest, str):
            return cls(size, mtime, digest)
        return None


def digest_of(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def stamp(path: Path) -> Stamp | None:
    """The file's stamp now, or None when there is no readable file at path."""
    try:
        info = path.stat()
        data = read_capped(path, _LIMIT, "a file")
    except (OSError, Unreadable):
        return None
    return Stamp(len(data), info.st_mtime_ns, digest_of(data))


def changed_since(path: Path, before: Stamp | None) -> bool:
    """True when the file at path is no longer what `before` recorded: its contents differ.
    False when there was no stamp to compare with (a new file), and when the file has gone
    (writing it again loses nobody's work)."""
    if before is None:
        return False
    try:
        info = path.stat()
    except OSError:
        return False
    if info.st_size == before.size and info.st_mtime_ns == before.mtime_ns:
        return False
    now = stamp(path)
    return now is None or now.digest != before.digest


__all__ = ["Stamp", "changed_since", "digest_of", "stamp"]
