"""How big the cover title can be in Word so the cover fits one page.

Word lays the page out itself, so the writer estimates: Arial's average character is about
0.55 em wide (bold), a line is 1.15 times the type size. The PDF writer measures exactly instead
(pdf_story.StoryBuilder.cover); both step the title down from the scale's title size, never
below a first-level heading.
"""

from __future__ import annotations

import math

from briefing.export import brand

_CHAR_EM = 0.55
_PT_PER_MM = 72 / 25.4


def _lines(text: str, size: float, width_pt: float) -> int:
    per_line = max(int(width_pt / (size * _CHAR_EM)), 1)
    return max(math.ceil(len(text) / per_line), 1) if text else 0


def word_cover_title_size(title: str, other_lines: list[str], paper: str, large_print: bool,
                          notices: int, logo: bool) -> tuple[float, bool]:
    """(title size in points, whether the space above the label must close up)."""
    scale = brand.type_scale(large_print)
    width_mm, height_mm = brand.PAPER_MM.get(paper, brand.PAPER_MM["A4"])
    margin = brand.MARGIN_MM.get(paper, brand.MARGIN_MM["A4"])
    width_pt = (width_mm - 2 * margin) * _PT_PER_MM
    room = (height_mm - 2 * (margin + 4)) * _PT_PER_MM - scale.body * 2  # header and footer
    fixed = scale.h3 * 1.2 + scale.h2 * 1.2 + 24 + (45 * _PT_PER_MM if logo else 0)
    fixed += sum(_lines(t, scale.body, width_pt) for t in other_lines) * scale.body * 1.35
    fixed += notices * (scale.h2 * 1.2 + 22) + scale.subtitle * 1.2 + 24 + scale.body * 2
    sizes = [scale.title]
    while sizes[-1] - 2 >= scale.h1:
        sizes.append(sizes[-1] - 2)
    for close_up in (False, True):
        space = 0 if close_up else 30
        for size in sizes:
            if fixed + space + _lines(title, size, width_pt) * size * 1.15 + 16 <= room:
                return size, close_up
    return sizes[-1], True
