"""Safe file writing: a temporary file beside the target, then an atomic replace.

The user's previous file is never touched until the new one is complete, and a failed write
leaves no half-written file behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from briefing.errors import BriefingError


class WriteError(BriefingError):
    """A file could not be written; the message says why and what to do."""

    def __init__(self, target: Path, message: str):
        self.target = target
        super().__init__(message)


def alternative_name(target: Path) -> Path:
    """The first free "Name (2).ext", "Name (3).ext", … beside target."""
    n = 2
    while True:
        candidate = target.with_name(f"{target.stem} ({n}){target.suffix}")
        if not candidate.exists():
            return candidate
        n += 1


def _explain(target: Path, exc: OSError, stage: str) -> WriteError:
    folder = target.parent
    # Checked first: Windows reports a folder in the way as "permission denied".
    if target.is_dir():
        return WriteError(
            target,
            f"Cannot write {target}: there is a folder with that name. Rename or move the "
            f"folder, or choose another folder for the output (for example with -o DIR).",
        )
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        if stage == "replace" or (target.exists() and os.access(folder, os.W_OK)):
            return WriteError(
                target,
                f"Cannot write {target}: the file is open in another program (perhaps Word) "
                f"or is read-only. Close it and try again, or save as "
                f"\"{alternative_name(target).name}\". Your previous file has not been changed.",
            )
        return WriteError(
            target,
            f"Cannot write to the folder {folder}: it is read-only or you do not have "
            f"permission. Choose another folder (for example with -o DIR).",
        )
    if exc.errno == errno.ENOSPC:
        return WriteError(
            target, f"Cannot write {target}: the disk is full. Free some space and try again."
        )
    if exc.errno == errno.ENOENT:
        return WriteError(
            target, f"Cannot write {target}: the folder {folder} does not exist."
        )
    return WriteError(target, f"Cannot write {target}: {exc.strerror or exc}.")


def atomic_write(target: Path, write: Callable[[BinaryIO], object]) -> Path:
    """Write target by calling write(stream) on a temporary file, then replace target.

    Raises WriteError with a plain explanation; on any failure the temporary file is removed
    and an existing target is left exactly as it was.
    """
    target = Path(target)
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".~{target.stem[:40]}.", suffix=".tmp", dir=target.parent
        )
    except OSError as exc:
        raise _explain(target, exc, "create") from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        if target.exists():
            # Keep the permissions the user's file had.
            with contextlib.suppress(OSError):
                os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        try:
            os.replace(tmp, target)
        except OSError as exc:
            raise _explain(target, exc, "replace") from exc
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _explain(target, exc, "write") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def atomic_write_bytes(target: Path, data: bytes) -> Path:
    return atomic_write(target, lambda stream: stream.write(data))


def atomic_write_text(target: Path, text: str) -> Path:
    return atomic_write_bytes(target, text.encode("utf-8"))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
