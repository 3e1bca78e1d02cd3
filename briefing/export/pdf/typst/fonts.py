"""Fonts for the tagged PDF: the bundled Liberation Sans first, the computer's fonts as fallback,
and `missing_glyphs`, which names the characters of a document that no font here can show.

Latin text (Welsh, Polish, Czech, Irish…) prints in the bundled font on every computer. Only a
document with characters the bundled font lacks (Chinese, Arabic, Bengali, emoji…) brings in the
computer's own fonts, and then never a system copy of the bundled family, so Latin text still
looks the same everywhere. A character that no font can show would print as an empty box:
`missing_glyphs` finds those before that happens, for the accessibility report and the build.
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, assert_never

from briefing.document.model import (
    BlockQuote,
    BulletList,
    Contents,
    Document,
    Heading,
    Image,
    PageBreak,
    Paragraph,
    Run,
    Table,
)
from briefing.export.common import brand
from briefing.files.shipped import asset

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

BUNDLED_FAMILY = "Liberation Sans"
# Other families that only repeat what the bundled font covers: never worth a fallback.
_SAME_COVERAGE = ("Liberation",)

_lock = threading.Lock()


@dataclass(frozen=True)
class MissingGlyph:
    """A character that no available font can show, and where the document uses it."""

    char: str
    codepoint: str  # "U+1F600"
    name: str  # "GRINNING FACE", or "" when Unicode has no name for it
    places: tuple[str, ...]  # where it appears, first few: 'the heading "Key messages"'

    def message(self) -> str:
        what = f"{self.codepoint} {self.name}".strip()
        where = "; ".join(self.places)
        return (
            f"No font on this computer can show the character {self.char!r} ({what}), "
            f"used in {where}: it would print as an empty box. Install a font that has it "
            "(the free Noto fonts cover most scripts) and build again, or replace the "
            "character."
        )


def bundled_font_folder() -> Path:
    return asset("fonts")


def document_characters(document: Document) -> set[str]:
    """Every character the document prints that needs a glyph."""
    chars: set[str] = set()
    for _, text in _texts(document):
        chars.update(text)
    return {ch for ch in chars if needs_glyph(ch)}


def needs_fallback(document: Document) -> bool:
    """Whether the document has characters the bundled font lacks."""
    covered = _bundled_coverage()
    return any(ord(ch) not in covered for ch in document_characters(document))


def font_collection(fallback: bool) -> Any:
    """The fonts the compiler may use: the bundled faces, then (with fallback) the computer's.

    Built once per process for each choice (reading the computer's fonts takes a moment).
    """
    with _lock:
        return _font_collection(fallback)


# Characters every bundled face has (a test holds the fonts to it): text written only in them
# needs no font read to know it prints. Basic Latin, Latin-1, Latin Extended-A, the hyphen and
# dashes, quotation marks, daggers, bullet and ellipsis, the euro sign.
ALWAYS_COVERED = frozenset(
    [*range(0x20, 0x7F), *range(0xA0, 0x180), 0x2010, *range(0x2012, 0x2023), 0x2026, 0x20AC]
)


def not_bundled(chars: Iterable[str]) -> set[str]:
    """The characters among chars that the bundled font lacks (the untagged PDF's only font)."""
    covered = _bundled_coverage()
    return {ch for ch in chars if ord(ch) not in ALWAYS_COVERED and needs_glyph(ch)} - {
        ch for ch in chars if ord(ch) in covered
    }


def unprintable(chars: Iterable[str]) -> set[str]:
    """The characters among chars that neither the bundled font nor any font on this computer
    has (the fonts the tagged PDF can use)."""
    rare = {ch for ch in chars if ord(ch) not in ALWAYS_COVERED and needs_glyph(ch)}
    if not rare:
        return set()
    covered = _bundled_coverage()
    wanted = {ch for ch in rare if ord(ch) not in covered}
    if not wanted:
        return set()
    with _lock:
        fallback = _fallback_coverage()
    return {ch for ch in wanted if not any(ord(ch) in cmap for cmap in fallback)}


def missing_glyphs(document: Document) -> list[MissingGlyph]:
    """The characters of document that no available font has, in order of first use, each
    with up to three places it is used."""
    places: dict[str, list[str]] = {}
    for place, text in _texts(document):
        for ch in dict.fromkeys(text):
            if needs_glyph(ch):
                where = places.setdefault(ch, [])
                if place not in where:
                    where.append(place)
    missing = unprintable(places)
    return [
        MissingGlyph(ch, f"U+{ord(ch):04X}", unicodedata.name(ch, ""), tuple(where[:3]))
        for ch, where in places.items()
        if ch in missing
    ]


# ---------------------------------------------------------------------------------------------


def needs_glyph(ch: str) -> bool:
    """False for spaces, line breaks, joiners and variation selectors (drawn as nothing)."""
    if unicodedata.category(ch) in ("Cc", "Cf", "Zs", "Zl", "Zp"):
        return False
    code = ord(ch)
    return not (0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF)


@lru_cache(maxsize=1)
def _bundled_coverage() -> frozenset[int]:
    """Characters all four bundled faces have (so bold and italic text never falls back)."""
    sets = [_cmap(bundled_font_folder() / name, 0) for name in brand.PDF_FONT_FILES.values()]
    return frozenset(set.intersection(*map(set, sets)))


def _cmap(path: Path, index: int) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    try:
        with TTFont(str(path), lazy=True, fontNumber=index) as font:
            return frozenset(font.getBestCmap() or {})
    except Exception:  # an unreadable font on the computer shows nothing; skip it
        return frozenset()


_collections: dict[bool, Any] = {}
_fallback_cmaps: list[frozenset[int]] | None = None


def _font_collection(fallback: bool) -> Any:
    import typst

    if fallback not in _collections:
        folders = [str(bundled_font_folder())]
        if fallback:
            folders += [str(folder) for folder in _fallback_folders()]
        _collections[fallback] = typst.Fonts(
            include_system_fonts=False, include_embedded_fonts=False, font_paths=folders
        )
    return _collections[fallback]


def _fallback_folders() -> list[Path]:
    """Folders of the computer's fonts, leaving out any that hold only the bundled family's
    relatives (its own copy might be another version, and would be picked first)."""
    import typst

    families: dict[Path, set[str]] = {}
    for info in typst.Fonts(include_system_fonts=True, include_embedded_fonts=False).fonts():
        if info.path:
            families.setdefault(Path(info.path).parent, set()).add(info.family)
    keep = sorted(
        folder
        for folder, names in families.items()
        if not all(name.startswith(_SAME_COVERAGE) for name in names)
    )
    # Folders are read with their subfolders: list each tree once.
    return [
        folder
        for folder in keep
        if not any(other != folder and other in folder.parents for other in keep)
    ]


def _fallback_coverage() -> list[frozenset[int]]:
    global _fallback_cmaps
    if _fallback_cmaps is None:
        bundled = bundled_font_folder().resolve()
        fonts = _font_collection(True).fonts()
        _fallback_cmaps = [
            _cmap(Path(info.path), info.index)
            for info in fonts
            if info.path and bundled not in Path(info.path).resolve().parents
        ]
    return _fallback_cmaps


def _texts(document: Document) -> Iterator[tuple[str, str]]:
    """(where, text) for everything the document prints, in reading order."""
    meta, cover = document.meta, document.cover
    yield "the cover title", cover.title
    for label, value in (
        ("the subtitle", cover.subtitle),
        ("the cover", cover.kind_label),
        ("the organisation", cover.organisation),
        ("the cover", cover.date_text),
        ("the cover", cover.edition),
        ("the cover", cover.prepared_by),
        ("the marking", meta.marking),
        ("the running title", meta.running_title),
    ):
        if value:
            yield label, value
    for line in cover.lines:
        yield "the cover", line
    if cover.logo is not None:
        yield "the logo's description", cover.logo.alt
    under = "the start of the briefing"
    for block in document.blocks:
        if isinstance(block, Heading):
            under = f"the section \u201c{_short(block.text)}\u201d"
            yield f"the heading \u201c{_short(block.text)}\u201d", block.text
        elif isinstance(block, Paragraph | BlockQuote):
            yield under, _joined(block.runs)
            if isinstance(block, BlockQuote) and block.attribution:
                yield under, block.attribution
        elif isinstance(block, BulletList):
            for item in block.items:
                yield under, _joined(item)
        elif isinstance(block, Table):
            where = f"the table \u201c{_short(block.caption)}\u201d" if block.caption else under
            yield (
                where,
                "\n".join(
                    [block.caption, *block.header, *(cell for row in block.rows for cell in row)]
                ),
            )
        elif isinstance(block, Image):
            yield f"a picture's description in {under}", block.alt
        elif isinstance(block, Contents):
            yield "the contents", block.title
        elif isinstance(block, PageBreak):
            pass  # no text
        else:
            assert_never(block)  # mypy proves no block type's text goes unchecked


def _joined(runs: Iterable[Run]) -> str:
    return "".join(run.text for run in runs)


def _short(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"
