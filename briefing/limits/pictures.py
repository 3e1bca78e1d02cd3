"""Whether a logo or picture file can be used, decided once for `validate`, the app and every
writer: a real PNG or JPEG, of a size a document can hold, that decodes; and the one way every
writer reads it (`load_picture`), so each format shows the same picture the same way up.

The size is read from the file's header before anything is decoded, so a 20,000 × 20,000 picture
(1.6 GB once decoded) is refused in a moment; the decode that follows is the same one a build
does, so a picture `validate` accepts never stops a build.
"""

from __future__ import annotations

import functools
import io
import stat
import struct
from dataclasses import dataclass
from pathlib import Path

from briefing.errors import BriefingError

MAX_PIXELS = 25_000_000  # a logo is a few hundred thousand; a full-page photo 10-20 million


def picture_problem(path: Path) -> str:
    """ "" when the picture can be used, else why not (a phrase to follow the file's name)."""
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
        return (
            "is not a PNG or JPEG picture that can be read, whatever its name says: save it "
            "from an image editor as .png or .jpg"
        )
    width, height = found
    if width * height > MAX_PIXELS or not width or not height:
        return (
            f"is {width:,} × {height:,} pixels, too large to use (the limit is "
            f"{MAX_PIXELS // 1_000_000} million pixels): save a smaller copy"
        )
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
            length = struct.unpack(">H", head[at + 2 : at + 4])[0]
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                height, width = struct.unpack(">HH", head[at + 5 : at + 9])
                return width, height
            at += 2 + length
    return None


@dataclass(frozen=True)
class Picture:
    """A picture as every writer puts it in a document: PNG or JPEG bytes in RGB (or grey, or
    with transparency), the right way up, and its size in pixels as shown."""

    data: bytes
    format: str  # "PNG" or "JPEG"
    width: int
    height: int

    @property
    def suffix(self) -> str:
        return ".png" if self.format == "PNG" else ".jpg"


def load_picture(path: Path) -> Picture:
    """The picture ready for a document, or a BriefingError naming the file and saying why not.

    A JPEG in CMYK (as print studios save logos) becomes RGB: Word, browsers and the PDF
    engines disagree about CMYK, and some refuse it. A photo whose camera recorded it sideways
    (EXIF orientation) is turned the right way up, as a browser would show it, so the Word
    file and the PDF show it the same way.
    """
    path = Path(path)
    problem = picture_problem(path)
    if problem:
        raise BriefingError(f"Cannot read the picture {path}: it {problem}.")
    info = path.stat()
    return _load(str(path), info.st_mtime_ns, info.st_size)


_SHOWN_MODES = {"PNG": ("RGB", "RGBA", "L", "LA", "P", "1", "I;16"), "JPEG": ("RGB", "L")}
_ORIENTATION = 0x0112


@functools.lru_cache(maxsize=16)
def _load(path: str, mtime_ns: int, size: int) -> Picture:
    from PIL import Image, ImageOps

    from briefing.limits.reading import MAX_PICTURE, Unreadable, read_capped

    try:
        data = read_capped(Path(path), MAX_PICTURE, "a picture")
    except Unreadable as exc:
        raise BriefingError(f"Cannot read the picture {path}: it {exc.reason}.") from None
    try:
        with Image.open(io.BytesIO(data)) as picture:
            picture.load()
            kind = picture.format or ""
            turned = picture.getexif().get(_ORIENTATION, 1) not in (1, None)
            if kind in _SHOWN_MODES and picture.mode in _SHOWN_MODES[kind] and not turned:
                return Picture(data, kind, *picture.size)
            upright = ImageOps.exif_transpose(picture)
            if upright.mode not in ("RGB", "RGBA", "L", "LA"):
                upright = upright.convert("RGBA" if "A" in upright.mode else "RGB")
            out = io.BytesIO()
            if kind == "JPEG" and upright.mode in ("RGB", "L"):
                upright.save(out, format="JPEG", quality=95, subsampling=0)
            else:
                upright.save(out, format="PNG", optimize=True)
                kind = "PNG"
            return Picture(out.getvalue(), kind, *upright.size)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise BriefingError(
            f"Cannot read the picture {path}: it is damaged or in a form this "
            "program cannot read. Save it again as .png or .jpg."
        ) from exc


__all__ = ["MAX_PIXELS", "Picture", "dimensions", "load_picture", "picture_problem"]
