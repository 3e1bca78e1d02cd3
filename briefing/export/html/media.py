"""Pictures for the HTML version: each becomes an <img> whose source is a `data:` address, so
the page loads nothing from anywhere else. The picture is the one every writer uses
(pictures.load_picture): PNG or JPEG, in RGB, the right way up."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.export.html.elements import Element, el
from briefing.limits.pictures import load_picture

if TYPE_CHECKING:
    from briefing.document.model import Image


def picture(image: Image) -> Element:
    uri, width, height = data_uri(image.path)
    return el(
        "img",
        src=uri,
        alt=image.alt.strip(),
        width=str(width),
        height=str(height),
        style=f"width: {image.width_mm:g}mm",
    )


def data_uri(path: Path) -> tuple[str, int, int]:
    """(data: address, width in pixels, height in pixels) of a picture file."""
    shown = load_picture(Path(path))
    mime = "image/png" if shown.format == "PNG" else "image/jpeg"
    return (
        f"data:{mime};base64,{base64.b64encode(shown.data).decode('ascii')}",
        shown.width,
        shown.height,
    )
