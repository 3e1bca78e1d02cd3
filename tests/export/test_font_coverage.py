"""The characters taken as printable without reading a font are in every bundled face."""

from __future__ import annotations

from briefing.export.pdf.typst.fonts import ALWAYS_COVERED, _bundled_coverage, needs_glyph


def test_every_bundled_face_has_the_characters_taken_as_always_covered() -> None:
    drawn = {code for code in ALWAYS_COVERED if needs_glyph(chr(code))}
    missing = sorted(f"U+{code:04X}" for code in drawn - _bundled_coverage())
    assert missing == []
