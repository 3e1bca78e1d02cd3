"""Autosave and crash recovery: a copy of the open pack in the user's data folder.

The copy is written (atomically) every ~30 seconds and shortly after edits while there are
unsaved changes, and removed when the pack is saved or closed cleanly. A copy still present at
start-up means the app did not close properly, so the window offers to restore it.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path

from briefing.errors import BriefingError
from briefing.export.atomic import atomic_write_text
from briefing.model import Pack

PACK_NAME = "autosave.yaml"
META_NAME = "autosave.json"


@dataclass
class Recovered:
    pack: Pack
    original: Path | None  # the file the pack was opened from or saved to, if any
    saved_at: float  # seconds since the epoch


class RecoveryStore:
    def __init__(self, folder: Path):
        self.folder = Path(folder)

    @property
    def pack_file(self) -> Path:
        return self.folder / PACK_NAME

    @property
    def meta_file(self) -> Path:
        return self.folder / META_NAME

    def save(self, pack: Pack, original: Path | None) -> None:
        """Write the recovery copy; raises WriteError (a BriefingError) when it cannot."""
        from briefing.packfile import dump_pack

        self.folder.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self.pack_file, dump_pack(pack))
        meta = {"original": str(original) if original else ""}
        atomic_write_text(self.meta_file, json.dumps(meta))

    def exists(self) -> bool:
        return self.pack_file.is_file()

    def load(self) -> Recovered | None:
        """The recovered pack, or None when there is none or it cannot be read."""
        from briefing.packfile import loads_pack

        if not self.exists():
            return None
        try:
            text = self.pack_file.read_text(encoding="utf-8")
            pack = loads_pack(text, self.pack_file)
            saved_at = self.pack_file.stat().st_mtime
        except (OSError, UnicodeDecodeError, BriefingError):
            return None
        original: Path | None = None
        try:
            meta = json.loads(self.meta_file.read_text(encoding="utf-8"))
            if isinstance(meta, dict) and meta.get("original"):
                original = Path(str(meta["original"]))
        except (OSError, ValueError):
            pass
        return Recovered(pack=pack, original=original, saved_at=saved_at)

    def clear(self) -> None:
        for path in (self.pack_file, self.meta_file):
            # A leftover copy only means an unneeded offer next time.
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
