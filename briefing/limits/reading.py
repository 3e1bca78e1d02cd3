"""Reading a user's file safely: only a regular file, and never more than a cap, before any
parser sees a byte.

A pack, Word template, logo or article can be named by a path that is not a file at all: a
named pipe (reading it waits forever), a device such as /dev/zero (reading it never ends), a
folder. And a file can be far larger than anything Briefing needs. Every such file is opened
without waiting, checked to be a regular file on the open handle (so it cannot be swapped
between the check and the read) and read up to its cap, so a refusal is immediate and costs
no memory.
"""

from __future__ import annotations

import errno
import os
import stat
from typing import TYPE_CHECKING

from briefing.errors import BriefingError

if TYPE_CHECKING:
    from pathlib import Path

MB = 1024 * 1024
# The largest file of each kind Briefing reads: far above any real one, far below what would
# strain a council laptop.
MAX_PACK = 64 * MB  # a 10,000-item pack is about 10 MB
MAX_TEMPLATE = 100 * MB  # a Word template with its pictures; archives limit what it unpacks to
MAX_PICTURE = 40 * MB  # a logo is a few hundred kilobytes; a full-page photo a few megabytes
MAX_SETTINGS = 16 * MB  # the library's themes file, an article's file
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # opening a named pipe for reading does not wait
_BINARY = getattr(os, "O_BINARY", 0)


class Unreadable(BriefingError):
    """A file that cannot be read: `reason` is a phrase to follow the file's name ("is a
    folder, not a file"), and the message names the file."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def megabytes(size: int) -> str:
    """ "2.5 MB", "64 MB" (a decimal only below 10 MB)."""
    value = size / MB
    return f"{value:,.1f} MB" if value < 10 else f"{value:,.0f} MB"


def kind_of(mode: int) -> str:
    """What a file that is not a regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def read_capped(path: Path, limit: int, what: str = "a file") -> bytes:
    """The whole file's bytes when it is a regular file of at most `limit` bytes; else
    Unreadable saying why (not found, a folder, a pipe or device, too large, no permission).
    `what` names the kind of file in the advice ("a pack", "a Word template", "a logo")."""
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _BINARY)
    except FileNotFoundError:
        raise Unreadable(path, "cannot be found: check the name and the folder") from None
    except IsADirectoryError:
        raise Unreadable(path, f"is a folder, not {what}: give the path of a file") from None
    except PermissionError:
        raise Unreadable(
            path,
            "cannot be read: you do not have permission to open it "
            "(copy it somewhere you can, such as Documents)",
        ) from None
    except OSError as exc:
        if exc.errno == errno.EISDIR:
            raise Unreadable(path, f"is a folder, not {what}: give the path of a file") from None
        raise Unreadable(path, f"cannot be read ({exc.strerror or exc})") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise Unreadable(
            path, f"is {kind_of(info.st_mode)}, not {what}: give the path of {what} saved on disk"
        )
    with os.fdopen(fd, "rb") as stream:
        if info.st_size > limit:
            raise Unreadable(
                path,
                f"is {megabytes(info.st_size)}, more than the "
                f"{megabytes(limit)} {what} can be: check it is the "
                "right file",
            )
        if _NONBLOCK:
            os.set_blocking(fd, True)
        try:
            data = stream.read(limit + 1)
        except OSError as exc:
            raise Unreadable(path, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > limit:  # it grew while being read
        raise Unreadable(
            path, f"is more than the {megabytes(limit)} {what} can be: check it is the right file"
        )
    return data


def regular_file_problem(path: Path, what: str = "a file") -> str:
    """ "" when path is a regular file (following links), else a phrase saying what it is,
    without opening it: for checks that only look."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "cannot be found: check the name and the folder"
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if stat.S_ISREG(mode):
        return ""
    return f"is {kind_of(mode)}, not {what}: give the path of {what} saved on disk"


__all__ = [
    "MAX_PACK",
    "MAX_PICTURE",
    "MAX_SETTINGS",
    "MAX_TEMPLATE",
    "MB",
    "Unreadable",
    "kind_of",
    "megabytes",
    "read_capped",
    "regular_file_problem",
]
