"""Accessibility rules on colour and type size: theme colours, and a council's Word template.

Contrast follows WCAG 2.2 (1.4.3): at least 4.5:1 for text, 3:1 for large text (18 pt, or
14 pt bold). Type sizes follow the house floor: 12 pt, or 16 pt in large print.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.checks.docx_read import StyleInfo, Styles, open_docx, page_colour, read_styles
from briefing.checks.rule import CheckContext, Rule
from briefing.limits.archives import template_problem
from briefing.limits.reading import MAX_TEMPLATE, Unreadable, read_capped

if TYPE_CHECKING:
    from collections.abc import Iterator

    from briefing.checks.finding import Finding

TEXT_CONTRAST = 4.5
LARGE_TEXT_CONTRAST = 3.0
FLOOR_PT = 12.0
LARGE_PRINT_FLOOR_PT = 16.0
WHITE = "FFFFFF"


def _luminance(colour: str) -> float:
    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    c = colour.lstrip("#")
    return 0.2126 * channel(c[0:2]) + 0.7152 * channel(c[2:4]) + 0.0722 * channel(c[4:6])


def contrast(one: str, other: str) -> float:
    """The WCAG contrast ratio of two "#RRGGBB" (or "RRGGBB") colours, from 1 to 21."""
    a, b = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def darker(colour: str, against: str = WHITE, target: float = TEXT_CONTRAST) -> str:
    """The same hue darkened just enough to reach `target` contrast against `against`."""
    c = colour.lstrip("#")
    rgb = [int(c[i : i + 2], 16) for i in (0, 2, 4)]
    for step in range(100, -1, -2):
        candidate = "#" + "".join(f"{round(v * step / 100):02X}" for v in rgb)
        if contrast(candidate, against) >= target:
            return candidate
    return "#000000"


def _is_hex(colour: str) -> bool:
    c = colour.lstrip("#")
    return len(c) == 6 and all(ch in "0123456789abcdefABCDEF" for ch in c)


def _themes(context: CheckContext) -> Iterator[Finding]:
    for key, theme in context.pack.themes.items():
        if not _is_hex(theme.colour):
            continue
        ratio = contrast(theme.colour, WHITE)
        if ratio < TEXT_CONTRAST:
            yield THEME_CONTRAST.finding(
                f"Theme “{theme.label or key}” has the colour {theme.colour.upper()}, only "
                f"{ratio_text(ratio)} against a white page or white lettering (text needs at least "
                f"{TEXT_CONTRAST}:1): choose a darker colour, e.g. {darker(theme.colour)}.",
                context.at(("themes", key, "colour"), field="themes"),
            )


def _template_styles(context: CheckContext) -> tuple[Styles, str, list[StyleInfo]] | None:
    """The pack's own Word template: its styles, page colour and the styles Briefing prints
    with that it defines (a style it lacks is added by Briefing in the house style)."""
    relative = context.pack.layout.template
    if not relative:
        return None  # (and the Word writer's styles are not loaded for nothing)
    from briefing.export.docx.styles import SPECS

    path = Path(relative)
    path = path if path.is_absolute() else Path(context.base_dir) / path
    try:
        data = read_capped(path, MAX_TEMPLATE, "a Word template")
    except Unreadable:
        return None  # the layout-file rule says what is wrong with it
    if template_problem(path):  # too large once unpacked, damaged: the same rule says so
        return None
    archive = open_docx(data)
    if archive is None:
        return None
    with archive:
        styles, page = read_styles(archive), page_colour(archive)
    used = [
        style
        for spec in SPECS
        if spec.kind in ("paragraph", "character")
        and (style := styles.by_name(spec.name)) is not None
    ]
    return styles, page, used


def _printed_size(styles: Styles, style: StyleInfo, large_print: bool) -> float | None:
    """The size a style prints at in Briefing's Word file, or None when it takes the size of
    the paragraph around it (a character style that sets none)."""
    from briefing.export.common import brand
    from briefing.export.docx.styles import SPECS

    if style.kind == "character":
        own = styles.inherited(style, "size_pt")
        return float(own) if isinstance(own, int | float) else None
    size = styles.size(style)
    if large_print:  # the Word writer raises paragraph styles to the large-print scale
        spec = next(s for s in SPECS if s.name.lower() == style.name.lower())
        size = max(size, getattr(brand.type_scale(True), spec.size or "body"))
    return size


def _shown(style: StyleInfo) -> str:
    """The name Word shows ("header" is stored, "Header" is shown)."""
    return style.name[:1].upper() + style.name[1:]


def _template_sizes(context: CheckContext) -> Iterator[Finding]:
    found = _template_styles(context)
    if found is None:
        return
    styles, _, used = found
    large = context.pack.layout.large_print
    floor = LARGE_PRINT_FLOOR_PT if large else FLOOR_PT
    small = [
        f"“{_shown(style)}” {size:g} pt"
        for style in used
        if (size := _printed_size(styles, style, large)) is not None and size < floor
    ]
    if small:
        yield TEMPLATE_SIZE.finding(
            f"With the Word template “{context.pack.layout.template}”, text in these styles "
            f"prints below the {floor:g} pt {'large-print ' if large else ''}minimum: "
            f"{', '.join(small)}. In Word, change each style (Home, Styles, right-click it, "
            f"Modify) to {floor:g} pt or more, and save the template.",
            context.at(("layout", "template"), field="layout.template"),
        )


def _template_colours(context: CheckContext) -> Iterator[Finding]:
    found = _template_styles(context)
    if found is None:
        return
    styles, page, used = found
    faint: list[str] = []
    for style in used:
        colour = styles.colour(style)
        background = str(styles.inherited(style, "fill") or page)
        if colour == "auto" or not _is_hex(colour) or not _is_hex(background):
            continue  # Word picks black or white lettering to suit the background
        size = _printed_size(styles, style, context.pack.layout.large_print) or FLOOR_PT
        large = size >= 18 or (size >= 14 and bool(styles.inherited(style, "bold")))
        needed = LARGE_TEXT_CONTRAST if large else TEXT_CONTRAST
        ratio = contrast(colour, background)
        if ratio < needed:
            against = "" if background == WHITE else f" on #{background}"
            faint.append(
                f"“{_shown(style)}” #{colour}{against} ({ratio_text(ratio)}, needs "
                f"{needed:g}:1; try {darker(colour, background, needed)})"
            )
    if faint:
        yield TEMPLATE_CONTRAST.finding(
            f"The Word template “{context.pack.layout.template}” colours text in these styles "
            f"too faintly to read easily: {'; '.join(faint)}. In Word, change each style's "
            "font colour to a darker one (Home, Styles, right-click it, Modify), and save the "
            "template.",
            context.at(("layout", "template"), field="layout.template"),
        )


def ratio_text(ratio: float) -> str:
    """ "4.4:1": rounded down, so a ratio just short of 4.5 never reads as 4.5."""
    return f"{math.floor(ratio * 10) / 10:g}:1"


THEME_CONTRAST = Rule(
    "theme-contrast",
    "warning",
    "A theme colour with less than 4.5:1 contrast against white.",
    "pack",
    _themes,
)
TEMPLATE_CONTRAST = Rule(
    "template-contrast",
    "warning",
    "A Word template style whose text colour has too little contrast.",
    "pack",
    _template_colours,
)
TEMPLATE_SIZE = Rule(
    "template-text-size",
    "warning",
    "A Word template style below 12 pt (16 pt in large print).",
    "pack",
    _template_sizes,
)

RULES: tuple[Rule, ...] = (THEME_CONTRAST, TEMPLATE_CONTRAST, TEMPLATE_SIZE)
