"""The bundled font's measurements, read from its advance widths: how wide a text is set in it.
Both PDF engines and the Word writer's table layout measure with it."""

from __future__ import annotations

from functools import lru_cache

from briefing.export.common import brand
from briefing.files.shipped import asset


def text_width_em(text: str, bold: bool = False) -> float | None:
    """The width of text set in the bundled font, in ems, from its advance widths (kerning left
    out, so within a few per cent of the printed width); None when the font lacks a character.

    The italic faces have the same widths as the upright ones.
    """
    widths, units = _widths(bold)
    try:
        return sum(map(widths.__getitem__, text)) / units
    except KeyError:
        return None


@lru_cache(maxsize=2)
def _widths(bold: bool) -> tuple[dict[str, int], int]:
    """(character to advance width, units per em) of a bundled upright face."""
    from fontTools.ttLib import TTFont

    face = brand.PDF_FONT_FILES["bold" if bold else "regular"]
    with TTFont(str(asset("fonts") / face), lazy=True) as font:
        advances = {glyph: width for glyph, (width, _) in font["hmtx"].metrics.items()}
        widths = {chr(code): advances[glyph] for code, glyph in font.getBestCmap().items()}
        return widths, int(font["head"].unitsPerEm)
