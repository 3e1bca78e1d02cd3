"""House style shared by both writers: type sizes, colours, margins (one place decides them).

Colours are chosen for at least 4.5:1 contrast on white (WCAG 2.2 AA); body text is sans-serif at
12 pt, or 16 pt in large print, left-aligned.
"""

from __future__ import annotations

from dataclasses import dataclass

# Word output names the font; Arial is on every council laptop. The PDF embeds Liberation Sans,
# which has Arial's metrics, so both outputs set the same lines the same way.
DOCX_FONT = "Arial"
PDF_FONT_FILES = {
    "regular": "LiberationSans-Regular.ttf",
    "bold": "LiberationSans-Bold.ttf",
    "italic": "LiberationSans-Italic.ttf",
    "bolditalic": "LiberationSans-BoldItalic.ttf",
}

TEXT = "#1A1A1A"  # 17.4:1 on white
HEADING = "#0B3C5D"  # dark blue, 11.5:1
ACCENT = "#00707A"  # teal for rules and labels, 5.6:1
MUTED = "#4D4D4D"  # bylines and notes, 8.5:1
LINK = "#0B57A4"  # links, 6.9:1, always underlined
RULE = "#B8C7D3"  # decorative lines only (not text)
DRAFT_MARK = "#C8C8C8"  # the DRAFT watermark (decorative; the word DRAFT is also stated in text)
TABLE_STRIPE = "#EEF3F7"  # every other row of a table (behind TEXT: 15.6:1)


@dataclass(frozen=True)
class TypeScale:
    body: float
    small: float
    byline: float
    title: float
    subtitle: float
    h1: float
    h2: float
    h3: float
    leading: float  # line height as a multiple of the font size


STANDARD = TypeScale(
    body=12, small=12, byline=12, title=28, subtitle=16, h1=20, h2=15, h3=13, leading=1.35
)
LARGE_PRINT = TypeScale(
    body=16, small=16, byline=16, title=34, subtitle=22, h1=26, h2=21, h3=18, leading=1.4
)


def type_scale(large_print: bool) -> TypeScale:
    return LARGE_PRINT if large_print else STANDARD


# Page sizes and margins in millimetres.
PAPER_MM = {"A4": (210.0, 297.0), "A5": (148.0, 210.0)}
MARGIN_MM = {"A4": 20.0, "A5": 14.0}

# A table with this many rows or fewer is kept on one page, with its heading.
SHORT_TABLE_ROWS = 12
# A part the briefing starts on a new page (a handout's article) follows on the same page when
# that page holds no more than this many lines of body text so far (the end of the part before).
SOFT_BREAK_LINES = 5
