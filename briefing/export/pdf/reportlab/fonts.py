"""Registers the embedded Liberation Sans faces with reportlab, once per process."""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from briefing.errors import BriefingError
from briefing.export.common import brand
from briefing.files.shipped import asset

# Our own names, so a system font of the same name can never be picked up by mistake.
REGULAR = "BriefingSans"
BOLD = "BriefingSans-Bold"
ITALIC = "BriefingSans-Italic"
BOLD_ITALIC = "BriefingSans-BoldItalic"

_FACES = {
    REGULAR: "regular",
    BOLD: "bold",
    ITALIC: "italic",
    BOLD_ITALIC: "bolditalic",
}

_lock = threading.Lock()
_registered = False


def register_fonts() -> str:
    """Register the four faces and their family (so <b> and <i> pick the right face).

    Returns the family's regular font name. Safe to call from any thread, any number of times:
    reading and parsing the TrueType files happens only on the first call.
    """
    global _registered
    if _registered:
        return REGULAR
    with _lock:
        if _registered:
            return REGULAR
        for name, face in _FACES.items():
            path = asset("fonts", brand.PDF_FONT_FILES[face])
            try:
                pdfmetrics.registerFont(TTFont(name, str(path)))
            except Exception as exc:  # a damaged installation, not a user mistake in a pack
                raise BriefingError(
                    f"Cannot load the font {path}: {exc}. Reinstall Briefing to restore it."
                ) from exc
        pdfmetrics.registerFontFamily(
            REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        # registerFontFamily maps the family name; map each face name too, so markup inside a
        # paragraph whose style names the bold face (a heading) still finds the italic variant.
        for name in _FACES:
            addMapping(name, 0, 0, REGULAR)
            addMapping(name, 1, 0, BOLD)
            addMapping(name, 0, 1, ITALIC)
            addMapping(name, 1, 1, BOLD_ITALIC)
        _registered = True
    return REGULAR
