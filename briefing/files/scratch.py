"""Briefing's own working folders in the system's temporary folder, gone however the program
ends: removed when their owner lets them go or is collected, at exit, and, for a program that
was killed or crashed, by the next one to make such a folder (a folder's name holds the id of
the process that made it, so one whose process has gone is known to be left over)."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import time
import weakref
from pathlib import Path

from briefing.files.safe_write import process_alive

# Folders made before their names held a process id are removed once this old (seconds since
# anything in them changed): a program still running rewrites its files far more often.
LEFT_OVER_AFTER = 24 * 60 * 60
_swept: set[str] = set()  # prefixes swept in this process (once each is enough)


def scratch_folder(prefix: str, owner: object | None = None) -> Path:
    """A new private folder named `prefix`, this process's id and a random part. With an
    `owner`, the folder is removed when the owner is collected or the program exits, whichever
    comes first (closing it sooner is the owner's part). The first call for a prefix removes
    the folders left by processes that have gone."""
    if prefix not in _swept:
        _swept.add(prefix)
        sweep_scratch_folders(prefix)
    folder = Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-"))
    if owner is not None:
        weakref.finalize(owner, shutil.rmtree, folder, ignore_errors=True)
    return folder


def sweep_scratch_folders(prefix: str, parent: Path | None = None) -> list[Path]:
    """Remove the folders named `prefix`… in `parent` (the temporary folder) left by processes
    that have gone, and those with no process id untouched for LEFT_OVER_AFTER seconds.
    Returns what was removed."""
    pattern = re.compile(rf"^{re.escape(prefix)}(?:(\d+)-)?[^-]+$")
    removed: list[Path] = []
    try:
        entries = list(Path(parent or tempfile.gettempdir()).glob(f"{prefix}*"))
    except OSError:
        return removed
    for folder in entries:
        match = pattern.match(folder.name)
        if match is None or not folder.is_dir() or folder.is_symlink():
            continue
        if match.group(1) is not None:
            pid = int(match.group(1))
            gone = pid != os.getpid() and not process_alive(pid)
        else:
            gone = time.time() - _last_change(folder) > LEFT_OVER_AFTER
        if gone:
            shutil.rmtree(folder, ignore_errors=True)
            if not folder.exists():
                removed.append(folder)
    return removed


def _last_change(folder: Path) -> float:
    """When anything directly in `folder` (or the folder itself) last changed."""
    newest = 0.0
    with contextlib.suppress(OSError):
        newest = folder.stat().st_mtime
        for entry in folder.iterdir():
            with contextlib.suppress(OSError):
                newest = max(newest, entry.stat().st_mtime)
    return newest
