"""Characters no available font can show: which ones, in which field, and what to do.

A character no font has prints as an empty box (or nothing), so a reader loses words without
anyone noticing. The fonts asked are those the PDF writer can use: the bundled font and, where
the writer offers it, the fonts it finds on this computer.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from briefing.checks.accessibility_text import field_location, text_fields
from briefing.checks.rule import CheckContext, Rule
from briefing.limits.characters import clean

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from briefing.checks.finding import Finding, Severity

_SHOWN = 6  # characters named in one message

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


def unprintable(chars: Iterable[str]) -> set[str]:
    """The characters among `chars` that no available font can show (the PDF writer's fonts)."""
    from briefing.export.pdf.typst.fonts import unprintable as writer_unprintable

    return writer_unprintable(chars)


def _describe(ch: str) -> str:
    name = unicodedata.name(ch, "").lower()
    return f"{ch} (U+{ord(ch):04X}{', ' + name if name else ''})"


def _advice(chars: Iterable[str]) -> str:
    names = " ".join(unicodedata.name(ch, "") for ch in chars)
    fonts = list(dict.fromkeys(font for word, font in _FONT_ADVICE if word in names))
    if any(unicodedata.category(ch) == "So" for ch in chars):
        fonts.append("an emoji or symbol font such as Noto Emoji (or write the symbol as words)")
    install = "; ".join(fonts) or "a font that covers them"
    return (
        f"install {install} on this computer and build again, or write the words another "
        "way (for example in English, with the original in an attached document)"
    )


def _fonts(context: CheckContext) -> Iterator[Finding]:
    fields = [field for field in text_fields(context, articles=True) if field.text]
    # Text as the writers get it: what no file can store is the characters rule's to report.
    missing = unprintable(set().union(*(clean(field.text) for field in fields)))
    if not missing:
        return
    severity, effect = _weight(context)
    for field in fields:
        here = list(dict.fromkeys(ch for ch in field.text if ch in missing))
        if not here:
            continue
        more = f" and {len(here) - _SHOWN} more" if len(here) > _SHOWN else ""
        listed = ", ".join(_describe(ch) for ch in here[:_SHOWN])
        yield UNPRINTABLE.finding(
            f"In {field.name}, no font on this computer can show {listed}{more}: {effect} To "
            f"fix it, {_advice(here)}.",
            field_location(context, field, here[0], exact=True),
            severity,
        )


def _weight(context: CheckContext) -> tuple[Severity, str]:
    """An error for the tagged PDF, which cannot be made with them (PDF/UA forbids characters
    that show as nothing); a warning for the untagged one, which prints empty boxes."""
    from briefing.export.registry import engine_for

    if engine_for(context.pdf_engine).tagged:
        return "error", (
            "the tagged PDF cannot be made with them (in print they would be "
            "empty boxes and readers would lose the words)."
        )
    return "warning", "they would print as empty boxes and readers would lose the words."


UNPRINTABLE = Rule(
    "unprintable-characters",
    "error",
    "Characters that no available font can show: the tagged PDF cannot be "
    "made (a warning with the untagged engine, which prints them as boxes). "
    "PDF builds only: Word and the web page use the reader's fonts.",
    "pack",
    _fonts,
    outputs=("pdf",),
)

RULES: tuple[Rule, ...] = (UNPRINTABLE,)
