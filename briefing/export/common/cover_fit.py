"""How big the cover title can be in Word so the cover fits one page.

Word lays the page out itself, so the writer estimates: Arial's average character is about
0.55 em wide (bold), a line is 1.15 times the type size. The PDF writer measures exactly instead
(pdf_story.StoryBuilder.cover and the Typst template); all step the title down through
`attempts`.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, TypeVar

from briefing.export.common import brand

if TYPE_CHECKING:
    from collections.abc import Sequence

A = TypeVar("A")
# How open the PDF cover's spacing is, in the order tried (1: full spacing).
COVER_AIRS = (1.0, 0.4, 0.1)

_CHAR_EM = 0.55
_PT_PER_MM = 72 / 25.4


def _lines(text: str, size: float, width_pt: float) -> int:
    per_line = max(int(width_pt / (size * _CHAR_EM)), 1)
    return max(math.ceil(len(text) / per_line), 1) if text else 0


def attempts(scale: brand.TypeScale, airs: Sequence[A]) -> list[tuple[A, float, float]]:
    """The (spacing, title size, organisation and subtitle size) a cover tries, in order, until
    one fits the page: at each spacing in turn (from open to closed up) the title steps down by
    2 points to a first-level heading's size; only a title too long for the page even then goes
    on down, to body size, and the organisation and subtitle with it (each kept 2 points under
    the title, never under body size), so the cover never spills onto a second page."""
    sizes = [scale.title]
    while sizes[-1] - 2 >= scale.body:
        sizes.append(sizes[-1] - 2)
    tiers = [s for s in sizes if s >= scale.h1], [s for s in sizes if s < scale.h1]
    return [
        (air, size, max(min(scale.subtitle, size - 2), scale.body))
        for tier in tiers
        for air in airs
        for size in tier
    ]


def word_cover_title_size(
    title: str, other_lines: list[str], paper: str, large_print: bool, notices: int, logo: bool
) -> tuple[float, bool]:
    """(title size in points, whether the space above the label must close up)."""
    scale = brand.type_scale(large_print)
    width_mm, height_mm = brand.PAPER_MM.get(paper, brand.PAPER_MM["A4"])
    margin = brand.MARGIN_MM.get(paper, brand.MARGIN_MM["A4"])
    width_pt = (width_mm - 2 * margin) * _PT_PER_MM
    room = (height_mm - 2 * (margin + 4)) * _PT_PER_MM - scale.body * 2  # header and footer
    fixed = scale.h3 * 1.2 + scale.h2 * 1.2 + 24 + (45 * _PT_PER_MM if logo else 0)
    fixed += sum(_lines(t, scale.body, width_pt) for t in other_lines) * scale.body * 1.35
    fixed += notices * (scale.h2 * 1.2 + 22) + scale.subtitle * 1.2 + 24 + scale.body * 2
    tried = attempts(scale, (False, True))
    for close_up, size, _ in tried:
        space = 0 if close_up else 30
        if fixed + space + _lines(title, size, width_pt) * size * 1.15 + 16 <= room:
            return size, close_up
    return tried[-1][1], True
