"""Safe file writing: a temporary file beside the target, then an atomic replace.

The user's previous file is never touched until the new one is complete, and a failed write
leaves no half-written file behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from briefing.errors import BriefingError

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence


class WriteError(BriefingError):
    """A file could not be written; the message says why and what to do."""

    def __init__(self, target: Path, message: str) -> None:
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
                f'"{alternative_name(target).name}". Your previous file has not been changed.',
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
        return WriteError(target, f"Cannot write {target}: the folder {folder} does not exist.")
    return WriteError(target, f"Cannot write {target}: {exc.strerror or exc}.")


def temporary_prefix(target: Path) -> str:
    """How Briefing names its temporary files: ".~<name>.<process id>." (see sweep_temporaries)."""
    return f".~{target.stem[:40]}.{os.getpid()}."


def _temporary(target: Path, write: Callable[[BinaryIO], object]) -> Path:
    """A complete, flushed temporary copy of the new target beside it."""
    if target.is_dir():
        raise _explain(target, IsADirectoryError(errno.EISDIR, "is a folder"), "create")
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=temporary_prefix(target), suffix=".tmp", dir=target.parent
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
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _explain(target, exc, "write") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def atomic_write(target: Path, write: Callable[[BinaryIO], object]) -> Path:
    """Write target by calling write(stream) on a temporary file, then replace target.

    Raises WriteError with a plain explanation; on any failure the temporary file is removed
    and an existing target is left exactly as it was.
    """
    target = Path(target)
    tmp = _temporary(target, write)
    try:
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _explain(target, exc, "replace") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def atomic_write_all(files: Sequence[tuple[Path, bytes]]) -> list[Path]:
    """Write several files as one: every new file is complete on disk before any old one is
    replaced, and if one cannot be put in place those already replaced get their old contents
    back (and new ones that had no old file are removed). Raises WriteError."""
    temporaries: list[tuple[Path, Path]] = []
    try:
        for target, data in files:
            temporaries.append((Path(target), _temporary(Path(target), _writer(data))))
        done: list[tuple[Path, Path | None]] = []  # (target, its old contents kept aside)
        try:
            for target, tmp in temporaries:
                old = _keep_aside(target)
                done.append((target, old))
                try:
                    os.replace(tmp, target)
                except OSError as exc:
                    raise _explain(target, exc, "replace") from exc
        except BaseException:
            for target, old in reversed(done):
                with contextlib.suppress(OSError):
                    if old is not None:
                        os.replace(old, target)
                    elif target.is_file():
                        target.unlink()
                if old is not None:  # never left in the user's folder, put back or not
                    with contextlib.suppress(OSError):
                        old.unlink(missing_ok=True)  # rename does nothing between hard links
            raise
        for _, old in done:
            if old is not None:
                old.unlink(missing_ok=True)
    finally:
        for _, tmp in temporaries:
            tmp.unlink(missing_ok=True)
    return [target for target, _ in temporaries]


def _keep_aside(target: Path) -> Path | None:
    """A hard link (or copy) of target's current contents, to put back if the set fails."""
    if not target.is_file():
        return None
    aside = target.with_name(f"{temporary_prefix(target)}{target.suffix.lstrip('.')}-old.tmp")
    aside.unlink(missing_ok=True)
    try:
        os.link(target, aside)
    except OSError:
        try:
            shutil.copy2(target, aside)
        except OSError as exc:
            raise _explain(target, exc, "write") from exc
    return aside


def _writer(data: bytes) -> Callable[[BinaryIO], object]:
    return lambda stream: stream.write(data)


def sweep_temporaries(folder: Path, older_than: float = 15 * 60) -> list[Path]:
    """Delete Briefing's own temporary files left in folder by a program that was killed: those
    whose process has gone, and any older than `older_than` seconds. Returns what was removed."""
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(Path(folder).glob(".~*.tmp"))
    except OSError:
        return removed
    for path in entries:
        match = _TEMPORARY.match(path.name)
        if match is None:
            continue
        try:
            age = now - path.stat().st_mtime
        except OSError:
            continue
        pid = int(match.group(1)) if match.group(1) else None
        if age > older_than or (pid is not None and pid != os.getpid() and not process_alive(pid)):
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


# ".~Name.1234.k2j4h5.tmp" (with the process id) or ".~Name.k2j4h5.tmp" (older versions).
_TEMPORARY = re.compile(r"^\.~.*?(?:\.(\d+))?\.[^.]+\.tmp$")


def process_alive(pid: int) -> bool:
    """Whether process `pid` is running (on Windows, always True: there is no cheap check)."""
    if os.name == "nt":
        return True  # no cheap check: only the age rule applies
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def atomic_write_bytes(target: Path, data: bytes) -> Path:
    return atomic_write(target, _writer(data))


def atomic_write_text(target: Path, text: str) -> Path:
    return atomic_write_bytes(target, text.encode("utf-8"))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
