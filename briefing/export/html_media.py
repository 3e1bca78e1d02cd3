"""Pictures for the HTML version: each becomes an <img> whose source is a `data:` address, so
the page loads nothing from anywhere else. PNG, JPEG and GIF files go in as they are; any other
picture format Pillow reads is converted to PNG."""

from __future__ import annotations

import base64
import io
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.errors import BriefingError
from briefing.export.html_elements import Element, el

if TYPE_CHECKING:
    from briefing.document.model import Image

_KEPT = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif"}


def picture(image: Image) -> Element:
    uri, width, height = data_uri(image.path)
    return el("img", src=uri, alt=image.alt.strip(), width=str(width), height=str(height),
              style=f"width: {image.width_mm:g}mm")


def data_uri(path: Path) -> tuple[str, int, int]:
    """(data: address, width in pixels, height in pixels) of a picture file."""
    path = Path(path)
    try:
        stat = path.stat()
        return _encode(path, stat.st_mtime_ns, stat.st_size)
    except (OSError, ValueError, SyntaxError) as exc:
        raise BriefingError(
            f"Cannot read the picture {path}: {exc}. Use a PNG or JPEG file that opens in an "
            "image viewer."
        ) from exc


@lru_cache(maxsize=16)
def _encode(path: Path, mtime_ns: int, size: int) -> tuple[str, int, int]:
    """Cached by file, time and size: a logo is read once however often the page is built."""
    from PIL import Image as PILImage
    from PIL import UnidentifiedImageError

    data = path.read_bytes()
    try:
        with PILImage.open(io.BytesIO(data)) as picture:
            picture.load()
            width, height = picture.size
            mime = _KEPT.get(picture.format or "")
            if mime is None:
                out = io.BytesIO()
                picture.save(out, format="PNG")
                data, mime = out.getvalue(), "image/png"
    except UnidentifiedImageError as exc:
        raise ValueError("it is not a picture file this program can read") from exc
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}", width, height
