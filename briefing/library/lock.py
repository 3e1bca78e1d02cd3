"""A lock file that lets several people change one shared library folder in turn.

A lock is a small file created with O_EXCL (atomic on local disks and on SMB/NFS shares). It
records who holds it, so a lock left behind by a crashed program can be recognised as stale:
either its process is gone (same computer) or it is older than `stale_after` seconds (no change
to a library takes anywhere near that long).
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.errors import BriefingError

if TYPE_CHECKING:
    from types import TracebackType


class LockTimeout(BriefingError):
    """Someone else has held the library lock for longer than we are willing to wait."""


class LibraryLock:
    """`with LibraryLock(path): ...` holds the lock file at path for the block."""

    def __init__(self, path: Path, timeout: float = 15.0, stale_after: float = 120.0) -> None:
        self.path = Path(path)
        self.timeout = timeout
        self.stale_after = stale_after
        self._token = ""
        # One process may hold several Library objects on the same folder (threads in the app).
        self._thread_lock = _process_lock(self.path)

    def __enter__(self) -> LibraryLock:
        deadline = time.monotonic() + self.timeout
        if not self._thread_lock.acquire(timeout=self.timeout):
            raise self._timeout_error()
        try:
            delay = 0.005
            while not self._try_create():
                if self._break_if_stale():
                    continue
                if time.monotonic() >= deadline:
                    raise self._timeout_error()
                time.sleep(delay)
                delay = min(delay * 2, 0.2)
        except BaseException:
            self._thread_lock.release()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if self._read().get("token") == self._token:
                self.path.unlink(missing_ok=True)
        finally:
            self._thread_lock.release()

    def _try_create(self) -> bool:
        import socket
        import uuid

        self._token = uuid.uuid4().hex
        info = {
            "token": self._token,
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "time": time.time(),
        }
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            return False
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            json.dump(info, stream)
        return True

    def _read(self) -> dict[str, object]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _break_if_stale(self) -> bool:
        import socket
        import uuid

        info = self._read()
        try:
            age = time.time() - self.path.stat().st_mtime
        except FileNotFoundError:
            return True  # released meanwhile: try again at once
        pid = info.get("pid")
        dead = info.get("host") == socket.gethostname() and isinstance(pid, int) and not _alive(pid)
        # An unreadable lock file may simply be being written: only age makes it stale.
        if not (dead or age > self.stale_after):
            return False
        # Move it aside first so two programs breaking the same stale lock cannot both win.
        aside = self.path.with_name(f"{self.path.name}.stale-{uuid.uuid4().hex}")
        try:
            os.replace(self.path, aside)
        except OSError:
            return False
        moved = _read_json(aside)
        if moved.get("token") != info.get("token"):
            # We moved a fresh lock taken in the meantime: put it back if nobody has taken it.
            with contextlib.suppress(OSError):
                os.link(aside, self.path)
        aside.unlink(missing_ok=True)
        return True

    def _timeout_error(self) -> LockTimeout:
        info = self._read()
        who = f" by {info.get('host')}" if info.get("host") else ""
        return LockTimeout(
            f"The library is busy: {self.path} is held{who}. Try again in a moment; if nobody "
            f"else is using the library, delete that file."
        )


def _read_json(path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _alive(pid: int) -> bool:
    # On Windows os.kill(pid, 0) would end the process, so only age tells there.
    if pid == os.getpid() or os.name == "nt":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


def _process_lock(path: Path) -> threading.Lock:
    key = os.path.normcase(os.path.abspath(path))
    with _locks_guard:
        return _locks.setdefault(key, threading.Lock())
