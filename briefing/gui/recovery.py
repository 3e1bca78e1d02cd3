"""Autosave and crash recovery: a copy of each open pack in the user's data folder.

Every window has its own session slot (`<session>.yaml` with `<session>.json` beside it), held
by a lock file while the window is open, so two windows never overwrite each other's copy and
a starting window never offers work that another open window is still doing. The copy is
written (atomically) every ~30 seconds and shortly after edits while there are unsaved changes,
and removed when the pack is saved or closed cleanly. A copy still present at start-up whose
lock is free (its window is gone) means the app did not close properly: it is offered back.
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile

from briefing.errors import BriefingError
from briefing.files.safe_write import atomic_write_text

if TYPE_CHECKING:
    from briefing.files.on_disk import Stamp
    from briefing.model import Pack


@dataclass
class Recovered:
    pack: Pack
    original: Path | None  # the file the pack was opened from or saved to, if any
    saved_at: float  # seconds since the epoch
    slot: str = ""  # the session the copy was left by
    stamp: Stamp | None = None  # the original file as the window had read or written it
    lock: QLockFile | None = field(default=None, repr=False)  # held while it is offered


def _lock(path: Path) -> QLockFile | None:
    """The lock at `path` when it is free (or its owner has died), else None."""
    lock = QLockFile(str(path))
    # The owner's death is detected from the lock's process id; a live owner is never stale.
    lock.setStaleLockTime(0)
    return lock if lock.tryLock(0) else None


class RecoveryStore:
    def __init__(self, folder: Path, session: str | None = None) -> None:
        self.folder = Path(folder)
        self.session = session or os.urandom(6).hex()
        self._lock: QLockFile | None = None

    @property
    def pack_file(self) -> Path:
        return self.folder / f"{self.session}.yaml"

    @property
    def meta_file(self) -> Path:
        return self.folder / f"{self.session}.json"

    def save(
        self,
        pack: Pack,
        original: Path | None,
        base_dir: Path | None = None,
        stamp: Stamp | None = None,
    ) -> None:
        """Write the recovery copy; raises WriteError (a BriefingError) when it cannot.

        The logo and template are relative to the pack's own folder (`base_dir`), so the copy
        names them by absolute path: it must load (and find them) from the recovery folder.
        """
        from briefing.packfile import dump_pack  # loaded when first needed: start-up stays quick
        from briefing.packfile.paths import LAYOUT_FILES

        self.folder.mkdir(parents=True, exist_ok=True)
        if self._lock is None:
            self._lock = _lock(self.folder / f"{self.session}.lock")
        if base_dir is not None:
            layout = copy.copy(pack.layout)
            for name in LAYOUT_FILES:
                value = getattr(layout, name)
                if value.strip() and not Path(value).is_absolute():
                    setattr(layout, name, (Path(base_dir).resolve() / value).as_posix())
            pack = copy.copy(pack)
            pack.layout = layout
        atomic_write_text(self.pack_file, dump_pack(pack))
        meta = {
            "original": str(original) if original else "",
            "title": pack.title,
            "stamp": stamp.as_data() if stamp else None,
        }
        atomic_write_text(self.meta_file, json.dumps(meta))

    def exists(self) -> bool:
        return self.pack_file.is_file()

    def leftovers(self) -> list[Recovered]:
        """Copies left by windows that are no longer open, newest first, each locked for this
        window until `discard`ed. Unreadable copies are removed (nothing useful to offer)."""
        if not self.folder.is_dir():
            return []
        found = []
        for path in sorted(self.folder.glob("*.yaml")):
            slot = path.stem
            if slot == self.session:
                continue
            lock = _lock(self.folder / f"{slot}.lock")
            if lock is None:
                continue  # another open window owns it
            recovered = _read(self.folder, slot)
            if recovered is None:
                _remove(self.folder, slot, lock)
                continue
            recovered.lock = lock
            found.append(recovered)
        return sorted(found, key=lambda r: r.saved_at, reverse=True)

    def discard(self, recovered: Recovered) -> None:
        """Remove a leftover copy (restored elsewhere, or declined)."""
        _remove(self.folder, recovered.slot, recovered.lock)
        recovered.lock = None

    def clear(self) -> None:
        """Remove this window's own copy (saved, or deliberately discarded)."""
        for path in (self.pack_file, self.meta_file):
            # A leftover copy only means an unneeded offer next time.
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)

    def release(self) -> None:
        """Let go of this window's slot (on close, after `clear`)."""
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None


def _read(folder: Path, slot: str) -> Recovered | None:
    from briefing.packfile import loads_pack

    pack_file = folder / f"{slot}.yaml"
    try:
        text = pack_file.read_text(encoding="utf-8")
        pack = loads_pack(text, pack_file)
        saved_at = pack_file.stat().st_mtime
    except (OSError, UnicodeDecodeError, BriefingError):
        return None
    from briefing.files.on_disk import Stamp

    original: Path | None = None
    stamp: Stamp | None = None
    try:
        meta = json.loads((folder / f"{slot}.json").read_text(encoding="utf-8"))
        if isinstance(meta, dict) and meta.get("original"):
            original = Path(str(meta["original"]))
            stamp = Stamp.from_data(meta.get("stamp"))
    except (OSError, ValueError):
        pass
    if original is not None:  # back to paths relative to the pack's own folder
        from briefing.packfile.paths import LAYOUT_FILES, relative_to

        for name in LAYOUT_FILES:
            value = getattr(pack.layout, name)
            if value and Path(value).is_absolute():
                setattr(pack.layout, name, relative_to(value, original.parent))
    return Recovered(pack=pack, original=original, saved_at=saved_at, slot=slot, stamp=stamp)


def _remove(folder: Path, slot: str, lock: QLockFile | None) -> None:
    for suffix in (".yaml", ".json"):
        with contextlib.suppress(OSError):
            (folder / f"{slot}{suffix}").unlink(missing_ok=True)
    if lock is not None:
        lock.unlock()  # removes the lock file too
