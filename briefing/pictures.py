"""Whether a logo or picture file can be used, decided once for `validate`, the app and every
writer: a real PNG or JPEG, of a size a document can hold, that decodes.

The size is read from the file's header before anything is decoded, so a 20,000 × 20,000 picture
(1.6 GB once decoded) is refused in a moment; the decode that follows is the same one a build
does, so a picture `validate` accepts never stops a build.
"""

from __future__ import annotations

import functools
import stat
import struct
from pathlib import Path

MAX_PIXELS = 25_000_000  # a logo is a few hundred thousand; a full-page photo 10-20 million


def picture_problem(path: Path) -> str:
    """"" when the picture can be used, else why not (a phrase to follow the file's name)."""
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        return "cannot be found"
    except OSError as exc:
        return f"cannot be read ({exc.strerror or 'unknown error'})"
    if not stat.S_ISREG(info.st_mode):
        return "is not a file (it is a folder or a device): give the path of a .png or .jpg file"
    return _problem(str(path), info.st_mtime_ns, info.st_size)


@functools.lru_cache(maxsize=32)
def _problem(path: str, mtime_ns: int, size: int) -> str:
    try:
        with open(path, "rb") as stream:
            head = stream.read(64 * 1024)
    except OSError as exc:
        return f"cannot be read ({exc.strerror or 'unknown error'})"
    if not head:
        return "is empty (0 bytes): save the picture again as .png or .jpg"
    found = dimensions(head)
    if found is None:
        return ("is not a PNG or JPEG picture that can be read, whatever its name says: save it "
                "from an image editor as .png or .jpg")
    width, height = found
    if width * height > MAX_PIXELS or not width or not height:
        return (f"is {width:,} × {height:,} pixels, too large to use (the limit is "
                f"{MAX_PIXELS // 1_000_000} million pixels): save a smaller copy")
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as picture:
            picture.load()
    except (OSError, ValueError, SyntaxError, UnidentifiedImageError, Image.DecompressionBombError):
        return "is damaged and cannot be read: save the picture again as .png or .jpg"
    return ""


def dimensions(head: bytes) -> tuple[int, int] | None:
    """(width, height) from the start of a PNG or JPEG file, or None when it is neither."""
    if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR" and len(head) >= 24:
        width, height = struct.unpack(">II", head[16:24])
        return width, height
    if head.startswith(b"\xff\xd8"):
        at = 2
        while at + 9 < len(head):
            if head[at] != 0xFF:
                return None
            marker = head[at + 1]
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
                at += 2
                continue
            length = struct.unpack(">H", head[at + 2:at + 4])[0]
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                height, width = struct.unpack(">HH", head[at + 5:at + 9])
                return width, height
            at += 2 + length
    return None


__all__ = ["MAX_PIXELS", "dimensions", "picture_problem"]
