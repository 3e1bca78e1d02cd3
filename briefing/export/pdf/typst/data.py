"""The document model as the JSON the Typst template reads: plain values, never markup.

Every string goes into the JSON as it is; the template places strings into the page as text, so
nothing typed in a pack is read as Typst code. Pictures are named by a path inside the template's
virtual folder and handed to the compiler as bytes. Heading levels are made consecutive for the
PDF's structure tree (a screen reader's outline) while each heading keeps its printed look.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
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
from briefing.export.common.cover_fit import COVER_AIRS
from briefing.export.common.cover_fit import attempts as cover_attempts
from briefing.export.common.font_metrics import text_width_em
from briefing.export.common.links import safe_href
from briefing.export.common.table_layout import (
    bare_byline,
    bundled_font_measure,
    column_widths,
    front_too_short,
    keeps_whole,
    kept_with_next,
    list_kept_whole,
    overlong_words,
    paragraph_kept_whole,
    source_kept_whole,
)

if TYPE_CHECKING:
    from collections.abc import Callable

# Share of the page a picture may fill (as the reportlab engine): the logo, a body picture.
LOGO_MAX_HEIGHT = 0.15
PICTURE_MAX_HEIGHT = 0.6
# The footer keeps this much room for its page number ("Page N of M").
WIDEST_PAGE_LABEL = "Page 999 of 999"
_POINTS_PER_MM = 72 / 25.4


@dataclass
class TypstInput:
    """What the compiler is given: the JSON document and the pictures it names."""

    document: dict[str, Any]
    pictures: dict[str, bytes] = field(default_factory=dict)


def typst_input(
    document: Document, fonts: list[str], window: tuple[int, int] | None = None
) -> TypstInput:
    """What the template reads. With `window` (start, end), only those blocks of the document
    are laid out (a part of it, see part.py), each set as in the whole document: what a block
    keeps with, or keeps whole, depends on its neighbours, which may lie outside the window."""
    meta = document.meta
    paper = meta.paper if meta.paper in brand.PAPER_MM else "A4"
    width_mm, height_mm = brand.PAPER_MM[paper]
    margin_mm = brand.MARGIN_MM[paper]
    scale = brand.type_scale(meta.large_print)
    language, _, region = (meta.language or "en-GB").partition("-")
    running_title = " ".join((meta.running_title or meta.title).split())
    pictures = _Pictures(text_width_mm=width_mm - 2 * margin_mm, page_height_mm=height_mm)
    cover = document.cover
    text_width_pt = (width_mm - 2 * margin_mm) * _POINTS_PER_MM
    indent_mm = 8.0 if meta.large_print else 6.0
    long_words = _LongWords(text_width_pt - 2 * indent_mm * _POINTS_PER_MM - 3 * scale.body)
    fit = long_words.fit
    # The cover's lines run the full width of the text, so their words break only at that.
    fit_cover = _LongWords(text_width_pt).fit
    logo = None
    if cover.logo is not None:
        logo = pictures.add(cover.logo, height_mm * LOGO_MAX_HEIGHT)
    data: dict[str, Any] = {
        "fonts": fonts,
        "meta": {
            "title": meta.title,
            "author": [meta.author] if meta.author else [],
            "subject": meta.subject,
            "keywords": list(meta.keywords),
            "lang": language.lower() or "en",
            "region": region.upper() or None,
            "marking": meta.marking,
            "draft": meta.draft,
            "running-title": running_title,
            "running-title-em": text_width_em(running_title),
            "widest-page-label": WIDEST_PAGE_LABEL,
            "widest-page-label-em": text_width_em(WIDEST_PAGE_LABEL),
        },
        "scale": {
            "body": scale.body,
            "small": scale.small,
            "byline": scale.byline,
            "title": scale.title,
            "subtitle": scale.subtitle,
            "h1": scale.h1,
            "h2": scale.h2,
            "h3": scale.h3,
            "leading": scale.leading,
        },
        "page": {"width-mm": width_mm, "height-mm": height_mm, "margin-mm": margin_mm},
        "indent-mm": indent_mm,
        "short-table-rows": brand.SHORT_TABLE_ROWS,
        "soft-break-lines": brand.SOFT_BREAK_LINES,
        "colours": {
            "text": brand.TEXT,
            "heading": brand.HEADING,
            "accent": brand.ACCENT,
            "muted": brand.MUTED,
            "link": brand.LINK,
            "rule": brand.RULE,
            "draft": brand.DRAFT_MARK,
            "stripe": brand.TABLE_STRIPE,
        },
        "cover": {
            "kind-label": cover.kind_label,
            "date-text": fit_cover(cover.date_text, scale.body, True),
            "edition": fit_cover(cover.edition, scale.body),
            "prepared-by": fit_cover(cover.prepared_by, scale.body),
            "details": [[label, fit_cover(value, scale.body)] for label, value in cover.details],
            "logo": logo,
            # (spacing, title size, the title with its longest words broken for that size:
            # broken for the largest, a title stepped down would take a line a piece; then the
            # organisation's and subtitle's size, and each broken for it)
            "attempts": [
                [
                    air,
                    size,
                    fit_cover(cover.title, size, True),
                    detail,
                    fit_cover(cover.organisation, detail, True),
                    fit_cover(cover.subtitle, detail),
                ]
                for air, size, detail in cover_attempts(scale, COVER_AIRS)
            ],
        },
        "blocks": _blocks(
            document,
            pictures,
            _Setting(
                scale, fit, bundled_font_measure(scale.body), text_width_pt, long_words.room_pt
            ),
            window,
        ),
    }
    return TypstInput(data, pictures.files)


@dataclass(frozen=True)
class _Setting:
    """What laying out the blocks needs: the type scale, the breaker of words too long for a
    line, text widths at body size and the width of the text."""

    scale: brand.TypeScale
    fit: Callable[..., str]
    measure: Callable[[str, bool], float]
    text_width: float
    narrowest: float  # the narrowest line text is set in (a contents entry), at body size

    def fit_heading(self, text: str, size: float) -> str:
        """A heading's text, its words too long for a line broken for the heading's own line
        (not the narrowest, which would break a place name into a line more): its pieces still
        fit a contents entry, which sets it at body size."""
        room = min(self.text_width, self.narrowest * size / self.scale.body)
        return _LongWords(room).fit(text, size, True, line_pt=self.text_width)

    def fit_line(self, text: str, size: float, bold: bool = False) -> str:
        """A paragraph's text, its words too long for a line broken for the paragraph's own
        line, the width of the text (not the narrowest, which would take a line more for each
        piece of a place name)."""
        return _LongWords(self.text_width).fit(text, size, bold, line_pt=self.text_width)

    def size_of(self, role: str) -> float:
        """The size a paragraph of the role is printed at (as the template's para-look)."""
        sc = self.scale
        return {"lead": sc.body * 1.15, "byline": sc.byline, "note": sc.small}.get(role, sc.body)


def _runs(
    runs: list[Run], setting: _Setting, size: float, own_line: bool = False
) -> list[dict[str, Any]]:
    """The runs as the template reads them; with `own_line`, their long words are broken for
    a line the width of the text (a paragraph's), else for the narrowest line."""
    fit = setting.fit_line if own_line else setting.fit
    out = []
    for r in runs:
        if not r.text:
            continue
        href = safe_href(r.href)
        # A link's width in ems, so the template can tell without laying it out whether an
        # address fits on a line (None: the bundled font cannot show all of it).
        em = text_width_em(r.text, r.bold) if href and " " not in r.text else None
        text = r.text if href else fit(r.text, size, r.bold)
        out.append(
            {
                "text": text,
                "bold": r.bold,
                "italic": r.italic,
                "href": href,
                "em": em,
                "change": r.change,
                "lang": r.lang,
            }
        )
    return out


class _LongWords:
    """Words too long for any line the template sets them in, broken into pieces that fit.

    A word no line can hold (a 58-letter Welsh place name in a large-print heading on A5) would
    run off the page; it is broken where it must be, with a line break the template keeps. The
    room is the narrowest line text is set in (a contents entry, a quotation, a list), so a piece
    fits wherever it is printed. Only words with more letters than the room holds at a full em
    each are measured at all.
    """

    def __init__(self, room_pt: float) -> None:
        self.room_pt = room_pt

    def fit(self, text: str, size: float, bold: bool = False, line_pt: float | None = None) -> str:
        """The text with its words too long for the room broken into pieces that fit. With
        `line_pt`, the width of the lines the text is set in (one run starting a line, as a
        heading or a paragraph of one run does), a broken word's first piece fills the rest of
        the line it starts on, as the untagged PDF breaks it, not a line of its own."""
        room = self.room_pt / size
        if len(text) <= room or max(map(len, text.split()), default=0) <= int(room):
            return text
        if line_pt is None:
            return re.sub(
                rf"\S{{{int(room) + 1},}}", lambda m: self._broken(m.group(), room, bold), text
            )
        return self._filled(text, room, line_pt / size, bold)

    def _filled(self, text: str, room: float, line: float, bold: bool) -> str:
        """The text's long words broken as the lines fill up, set greedily word by word (as
        the template sets them): a first piece takes the rest of its line."""
        out: list[str] = []
        at = 0.0  # where the last word on the line ends, in ems
        space = _em(" ", bold)
        for word in text.split(" "):
            width = sum(_em(ch, bold) for ch in word)
            start = at + space if at else 0.0
            if len(word) > int(room) and width > room * 0.95:
                rest = min(line - start, room)
                # (a first piece of a letter or two would look like a slip: a line of its own)
                first = rest if rest > 3 else room
                pieces = self._pieces(word, room, bold, first)
                out.append("\n".join(pieces))
                at = sum(_em(ch, bold) for ch in pieces[-1])
            else:
                at = start + width if start + width <= line * 0.95 else width
                out.append(word)
        return " ".join(out)

    @classmethod
    def _broken(cls, word: str, room: float, bold: bool) -> str:
        return "\n".join(cls._pieces(word, room, bold, room))

    @staticmethod
    def _pieces(word: str, room: float, bold: bool, first: float) -> list[str]:
        """The word in pieces: the first no wider than `first` ems, the rest than `room`."""
        pieces, width, limit = [""], 0.0, first
        for ch in word:
            em = _em(ch, bold)
            if pieces[-1] and width + em > limit * 0.95:
                pieces.append("")
                width, limit = 0.0, room
            pieces[-1] += ch
            width += em
        return pieces


# Text widths in ems in the bundled font.
_em = bundled_font_measure(1.0)


def _table(block: Table, keep_whole: bool, setting: _Setting) -> dict[str, Any]:
    """A table with its column widths (shares of the width) and the cells that must break."""
    measure, width = setting.measure, setting.text_width
    columns = max([len(block.header), *(len(row) for row in block.rows)])
    widths = column_widths(block.header, block.rows, columns, width, measure)
    return {
        "type": "table",
        "header": list(block.header),
        "rows": [list(row) for row in block.rows],
        "caption": setting.fit(block.caption, setting.scale.body, True),
        "widths": [round(w / width, 6) for w in widths],
        "tight": [list(cell) for cell in overlong_words(block.header, block.rows, widths, measure)],
        "keep-whole": keep_whole,
    }


def _blocks(
    document: Document,
    pictures: _Pictures,
    setting: _Setting,
    window: tuple[int, int] | None = None,
) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = []
    levels = _tag_levels(document)
    contents_at = next((i for i, b in enumerate(document.blocks) if isinstance(b, Contents)), None)
    contents_depth = 0
    for index, block in enumerate(document.blocks):
        if isinstance(block, Heading):
            look = min(max(block.level, 1), 3)
            listed = (
                contents_at is not None
                and index > contents_at
                and block.in_contents
                and block.level <= contents_depth
            )
            text = " ".join(block.text.split()) or "\u00a0"
            size = (setting.scale.h1, setting.scale.h2, setting.scale.h3)[look - 1]
            blocks.append(
                {
                    "type": "heading",
                    "level": levels[index],
                    "look": look,
                    "text": setting.fit_heading(text, size),
                    "em": text_width_em(text, bold=True),
                    "outlined": listed,
                    "bookmarked": look <= 2,
                }
            )
        elif isinstance(block, Paragraph):
            blocks.append(
                {
                    "type": "paragraph",
                    "role": block.role,
                    # (a source's lines but its first are indented: broken for the narrowest)
                    "runs": _runs(
                        block.runs,
                        setting,
                        setting.size_of(block.role),
                        own_line=block.role != "reference",
                    ),
                    "whole": source_kept_whole(document.blocks, index)
                    or paragraph_kept_whole(document.blocks, index),
                    "bare": bare_byline(document.blocks, index),
                }
            )
        elif isinstance(block, BulletList):
            items = [_runs(item, setting, setting.scale.body) for item in block.items]
            blocks.append(
                {
                    "type": "list",
                    "items": [item for item in items if item],
                    "whole": list_kept_whole(document.blocks, index),
                }
            )
        elif isinstance(block, BlockQuote):
            blocks.append(
                {
                    "type": "quote",
                    "runs": _runs(block.runs, setting, setting.scale.body),
                    "attribution": setting.fit(block.attribution, setting.scale.byline),
                }
            )
        elif isinstance(block, Table):
            blocks.append(_table(block, keeps_whole(document.blocks, index), setting))
        elif isinstance(block, Image):
            blocks.append(
                {
                    "type": "image",
                    **pictures.add(block, pictures.page_height_mm * PICTURE_MAX_HEIGHT),
                }
            )
        elif isinstance(block, Contents):
            contents_depth = block.max_level
            blocks.append(
                {"type": "contents", "title": setting.fit(block.title, setting.scale.h1, True)}
            )
        elif isinstance(block, PageBreak):
            # (none after a front page of a few words)
            dropped = front_too_short(document.blocks, index)
            blocks.append({"type": "none" if dropped else "pagebreak"})
        else:
            assert_never(block)  # mypy proves every block type is written
    for index in kept_with_next(document.blocks):
        blocks[index]["keep-next"] = True
    if window is not None:
        blocks = blocks[window[0] : window[1]]
    return [b for b in blocks if b["type"] != "none" and (b["type"] != "list" or b["items"])]


def _tag_levels(document: Document) -> dict[int, int]:
    """Each heading's level in the structure tree: never more than one below the one before.

    A screen reader (and PDF/UA) needs the outline to start at level 1 and go down one level at a
    time; a pack whose first heading is an item's (level 2) still prints it as an item heading.
    The contents title counts as a level 1 heading.
    """
    levels: dict[int, int] = {}
    previous = 0
    for index, block in enumerate(document.blocks):
        if isinstance(block, Contents):
            previous = 1
        elif isinstance(block, Heading):
            level = min(max(block.level, 1), previous + 1)
            levels[index] = level
            previous = level
    return levels


class _Pictures:
    """Pictures read once, checked, sized like the reportlab engine, and named for the template."""

    def __init__(self, text_width_mm: float, page_height_mm: float) -> None:
        self.text_width_mm = text_width_mm
        self.page_height_mm = page_height_mm
        self.files: dict[str, bytes] = {}
        self._names: dict[Path, str] = {}

    def add(self, picture: Image, max_height_mm: float) -> dict[str, Any]:
        path = Path(picture.path)
        data, suffix, (pixels_w, pixels_h) = _read_picture(path)
        name = self._names.get(path)
        if name is None:
            name = f"pictures/{len(self._names) + 1}{suffix}"
            self._names[path] = name
            self.files[name] = data
        width = picture.width_mm
        height = width * pixels_h / pixels_w if pixels_w else width
        if height > max_height_mm:
            width, height = width * max_height_mm / height, max_height_mm
        if width > self.text_width_mm:
            width, height = self.text_width_mm, height * self.text_width_mm / width
        return {
            "file": "/" + name,
            "alt": " ".join(picture.alt.split()),
            "width-mm": round(width, 3),
            "height-mm": round(height, 3),
        }


def _read_picture(path: Path) -> tuple[bytes, str, tuple[int, int]]:
    """The picture's bytes, suffix and pixel size as every writer shows it; a plain message if
    it cannot be printed."""
    from briefing.limits.pictures import load_picture

    shown = load_picture(path)
    return shown.data, shown.suffix, (shown.width, shown.height)
