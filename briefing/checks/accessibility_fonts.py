"""Characters no available font can show: which ones, in which field, and what to do.

A character no font has prints as an empty box (or nothing), so a reader loses words without
anyone noticing. The fonts asked are those the PDF writer can use: the bundled font and, where
the writer offers it, the fonts it finds on this computer.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator

from briefing.checks.accessibility_text import field_location, text_fields
from briefing.checks.finding import Finding
from briefing.checks.rule import CheckContext, Rule

_SHOWN = 6  # characters named in one message
_lock = threading.Lock()
_bundled: frozenset[int] | None = None

# What to install for the scripts councils meet most, by a word of the character's name.
_FONT_ADVICE = (
    ("CJK", "a Chinese, Japanese or Korean font such as Noto Sans CJK"),
    ("HIRAGANA", "a Japanese font such as Noto Sans CJK"),
    ("KATAKANA", "a Japanese font such as Noto Sans CJK"),
    ("HANGUL", "a Korean font such as Noto Sans CJK"),
    ("ARABIC", "an Arabic-script font such as Noto Naskh Arabic or Noto Nastaliq Urdu"),
    ("HEBREW", "a Hebrew font such as Noto Sans Hebrew"),
    ("BENGALI", "a Bengali font such as Noto Sans Bengali"),
    ("DEVANAGARI", "a Hindi font such as Noto Sans Devanagari"),
    ("GURMUKHI", "a Punjabi font such as Noto Sans Gurmukhi"),
    ("GUJARATI", "a Gujarati font such as Noto Sans Gujarati"),
    ("TAMIL", "a Tamil font such as Noto Sans Tamil"),
    ("THAI", "a Thai font such as Noto Sans Thai"),
    ("ETHIOPIC", "an Amharic or Tigrinya font such as Noto Sans Ethiopic"),
)


def bundled_coverage() -> frozenset[int]:
    """Code points the bundled font (all four faces share one character set) can show."""
    global _bundled
    if _bundled is None:
        with _lock:
            if _bundled is None:
                from reportlab.pdfbase.ttfonts import TTFontFile

                from briefing.export import brand
                from briefing.resources import asset

                face = TTFontFile(str(asset("fonts", brand.PDF_FONT_FILES["regular"])))
                _bundled = frozenset(face.charToGlyph)
    return _bundled


def _writer_lookup() -> Callable[[Iterable[str]], set[str]] | None:
    """The PDF writer's own answer (bundled font plus this computer's fonts), when it has one."""
    try:
        from briefing.export import typst_fonts  # type: ignore[attr-defined]
    except ImportError:
        return None
    return getattr(typst_fonts, "unprintable", None)


def unprintable(chars: Iterable[str]) -> set[str]:
    """The characters among `chars` that no available font can show."""
    wanted = {ch for ch in chars if _needs_glyph(ch)}
    lookup = _writer_lookup()
    if lookup is not None:
        return set(lookup(wanted))
    covered = bundled_coverage()
    return {ch for ch in wanted if ord(ch) not in covered}


def _needs_glyph(ch: str) -> bool:
    """Spaces, control and formatting characters (joiners, variation selectors) draw nothing."""
    category = unicodedata.category(ch)
    return not (category in ("Cc", "Cf", "Zs", "Zl", "Zp") or 0xFE00 <= ord(ch) <= 0xFE0F
                or 0xE0100 <= ord(ch) <= 0xE01EF)


def _describe(ch: str) -> str:
    name = unicodedata.name(ch, "").lower()
    return f"{ch} (U+{ord(ch):04X}{', ' + name if name else ''})"


def _advice(chars: Iterable[str]) -> str:
    names = " ".join(unicodedata.name(ch, "") for ch in chars)
    fonts = list(dict.fromkeys(font for word, font in _FONT_ADVICE if word in names))
    if any(unicodedata.category(ch) == "So" for ch in chars):
        fonts.append("an emoji or symbol font such as Noto Emoji (or write the symbol as words)")
    install = "; ".join(fonts) or "a font that covers them"
    return (f"install {install} on this computer and build again, or write the words another "
            "way (for example in English, with the original in an attached document)")


def _fonts(context: CheckContext) -> Iterator[Finding]:
    fields = [field for field in text_fields(context, articles=True) if field.text]
    missing = unprintable({ch for field in fields for ch in field.text})
    if not missing:
        return
    for field in fields:
        here = list(dict.fromkeys(ch for ch in field.text if ch in missing))
        if not here:
            continue
        more = f" and {len(here) - _SHOWN} more" if len(here) > _SHOWN else ""
        listed = ", ".join(_describe(ch) for ch in here[:_SHOWN])
        yield UNPRINTABLE.finding(
            f"In {field.name}, no font on this computer can show {listed}{more}: they would "
            f"print as empty boxes and readers would lose the words. To fix it, "
            f"{_advice(here)}.", field_location(context, field, here[0], exact=True))


UNPRINTABLE = Rule("unprintable-characters", "error",
                   "Characters that no available font can show (they would print as boxes).",
                   "pack", _fonts)

RULES: tuple[Rule, ...] = (UNPRINTABLE,)
