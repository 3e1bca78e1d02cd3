"""Paragraph styles for the PDF, built once per type scale from the house style in `brand`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.lib.colors import HexColor, white
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from briefing.export.common import brand
from briefing.export.pdf.reportlab.fonts import BOLD, ITALIC, REGULAR, register_fonts

TEXT = HexColor(brand.TEXT)
HEADING = HexColor(brand.HEADING)
ACCENT = HexColor(brand.ACCENT)
MUTED = HexColor(brand.MUTED)
LINK = HexColor(brand.LINK)
RULE = HexColor(brand.RULE)
DRAFT_MARK = HexColor(brand.DRAFT_MARK)
BAND_TEXT = white  # on the HEADING band: 11.5:1


@dataclass(frozen=True)
class Styles:
    scale: brand.TypeScale
    body: ParagraphStyle
    lead: ParagraphStyle
    byline: ParagraphStyle
    reference: ParagraphStyle
    note: ParagraphStyle
    bullet: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    quote: ParagraphStyle
    attribution: ParagraphStyle
    caption: ParagraphStyle
    table_head: ParagraphStyle
    table_cell: ParagraphStyle
    contents_title: ParagraphStyle
    toc: tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]
    cover_kind: ParagraphStyle
    cover_org: ParagraphStyle
    cover_title: ParagraphStyle
    cover_subtitle: ParagraphStyle
    cover_line: ParagraphStyle
    cover_draft: ParagraphStyle

    def heading(self, level: int) -> ParagraphStyle:
        return (self.h1, self.h2, self.h3)[min(max(level, 1), 3) - 1]


@lru_cache(maxsize=4)
def styles_for(large_print: bool) -> Styles:
    """The style sheet for standard or large print (cached: styles are never mutated)."""
    register_fonts()
    s = brand.type_scale(large_print)
    lead = s.leading

    base = ParagraphStyle(
        "briefing-body",
        fontName=REGULAR,
        fontSize=s.body,
        leading=s.body * lead,
        textColor=TEXT,
        alignment=TA_LEFT,  # ragged right: easier to read than justified text
        spaceAfter=s.body * 0.6,
        allowWidows=0,
        allowOrphans=0,
        bulletFontName=REGULAR,
        bulletFontSize=s.body,
    )

    def derive(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    def heading(
        name: str, size: float, colour: object, before: float, after: float
    ) -> ParagraphStyle:
        return derive(
            name,
            fontName=BOLD,
            fontSize=size,
            leading=size * 1.2,
            textColor=colour,
            spaceBefore=before,
            spaceAfter=after,
        )

    indent = 6 * mm if not large_print else 8 * mm
    # Room on the right of each contents entry for its page number (drawn separately).
    number_column = s.body * 3
    return Styles(
        scale=s,
        body=base,
        lead=derive(
            "briefing-lead",
            fontSize=s.body * 1.15,
            leading=s.body * 1.15 * lead,
            spaceAfter=s.body * 0.8,
        ),
        byline=derive(
            "briefing-byline",
            fontSize=s.byline,
            leading=s.byline * lead,
            textColor=MUTED,
            spaceAfter=s.body * 0.7,
        ),
        reference=derive(
            "briefing-reference",
            leftIndent=indent,
            firstLineIndent=-indent,
            spaceAfter=s.body * 0.5,
        ),
        note=derive("briefing-note", fontSize=s.small, leading=s.small * lead, textColor=MUTED),
        bullet=derive(
            "briefing-bullet",
            leftIndent=indent,
            bulletIndent=indent * 0.25,
            spaceAfter=s.body * 0.3,
            bulletColor=ACCENT,
            bulletFontName=BOLD,
        ),
        h1=heading("briefing-h1", s.h1, HEADING, s.h1 * 0.9, s.h1 * 0.6),
        h2=heading("briefing-h2", s.h2, HEADING, s.h2 * 1.1, s.h2 * 0.3),
        h3=heading("briefing-h3", s.h3, ACCENT, s.h3 * 0.8, s.h3 * 0.35),
        quote=derive("briefing-quote", fontName=ITALIC, spaceAfter=s.body * 0.25),
        attribution=derive(
            "briefing-attribution",
            fontSize=s.byline,
            leading=s.byline * lead,
            textColor=MUTED,
            spaceAfter=0,
        ),
        caption=derive(
            "briefing-caption", fontName=BOLD, textColor=HEADING, spaceAfter=s.body * 0.4
        ),
        table_head=derive("briefing-th", fontName=BOLD, textColor=BAND_TEXT, spaceAfter=0),
        table_cell=derive("briefing-td", spaceAfter=0),
        contents_title=heading("briefing-contents", s.h1, HEADING, 0, s.h1 * 0.8),
        toc=(
            derive(
                "briefing-toc1",
                fontName=BOLD,
                textColor=HEADING,
                spaceBefore=s.body * 0.5,
                spaceAfter=s.body * 0.2,
                rightIndent=number_column,
            ),
            derive(
                "briefing-toc2",
                leftIndent=indent,
                spaceAfter=s.body * 0.15,
                rightIndent=number_column,
            ),
            derive(
                "briefing-toc3",
                leftIndent=indent * 2,
                fontSize=s.byline,
                leading=s.byline * lead,
                spaceAfter=s.body * 0.1,
                rightIndent=number_column,
            ),
        ),
        cover_kind=derive(
            "briefing-cover-kind",
            fontName=BOLD,
            fontSize=s.body,
            leading=s.body * 1.3,
            textColor=BAND_TEXT,
            spaceAfter=2,
        ),
        cover_org=derive(
            "briefing-cover-org",
            fontName=BOLD,
            fontSize=s.subtitle,
            leading=s.subtitle * 1.25,
            textColor=BAND_TEXT,
            spaceAfter=0,
        ),
        cover_title=derive(
            "briefing-cover-title",
            fontName=BOLD,
            fontSize=s.title,
            leading=s.title * 1.15,
            textColor=HEADING,
            spaceAfter=s.title * 0.35,
        ),
        cover_subtitle=derive(
            "briefing-cover-subtitle",
            fontSize=s.subtitle,
            leading=s.subtitle * 1.3,
            textColor=MUTED,
            spaceAfter=s.subtitle * 0.6,
        ),
        cover_line=derive("briefing-cover-line", spaceAfter=s.body * 0.35),
        cover_draft=derive(
            "briefing-cover-draft",
            fontName=BOLD,
            textColor=ACCENT,
            spaceBefore=s.body,
            spaceAfter=0,
        ),
    )
