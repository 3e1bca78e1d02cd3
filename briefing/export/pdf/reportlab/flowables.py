"""Flowables of our own: headings that bookmark themselves, contents entries, the cover band
and images that carry their alt text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab import rl_config
from reportlab.lib.utils import ImageReader
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table

from briefing.export.common.direction import visual
from briefing.export.pdf.reportlab.canvas import BriefingCanvas
from briefing.export.pdf.reportlab.direction import Paragraph
from briefing.export.pdf.reportlab.fonts import REGULAR

if TYPE_CHECKING:
    from typing import IO

    from reportlab.lib.colors import Color
    from reportlab.lib.styles import ParagraphStyle


class HeadingParagraph(Paragraph):
    """A heading that, where it is drawn, becomes a link target, an outline entry and a page
    number for the contents."""

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        *args: Any,
        key: str = "",
        title: str = "",
        outline_level: int | None = None,
        rule: Color | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(text, style, *args, **kwargs)
        self.key = key
        self.title = title
        self.outline_level = outline_level
        self.rule = rule

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts = super().split(availWidth, availHeight)
        # Only the first piece of a (very long) heading marks the heading's position.
        for index, part in enumerate(parts):
            if isinstance(part, HeadingParagraph):
                part.key = self.key if index == 0 else ""
                part.title, part.outline_level = self.title, self.outline_level
                part.rule = self.rule if index == len(parts) - 1 else None
        return parts

    def draw(self) -> None:
        canv = self.canv
        if self.key and isinstance(canv, BriefingCanvas):
            # A little above the text, so a viewer jumping here shows the heading whole.
            canv.bookmarkHorizontal(self.key, 0, self.height + self.style.fontSize * 0.5)
            canv.note_heading(self.key, self.title, self.outline_level)
        super().draw()
        if self.rule is not None:
            canv.saveState()
            canv.setStrokeColor(self.rule)
            canv.setLineWidth(1)
            y = -self.style.spaceAfter * 0.45
            canv.line(0, y, self.width, y)
            canv.restoreState()


class PartEnd(Paragraph):
    """The last paragraph of a part the briefing breaks after (a handout's article, the
    introduction): split across pages, it takes at least `words` words onto the next page, so
    that page does not hold next to nothing when the next part starts a page of its own. (Its
    pieces, made by Paragraph.split, take none.)"""

    def __init__(
        self, text: str, style: ParagraphStyle, *args: Any, words: int = 0, **kwargs: Any
    ) -> None:
        super().__init__(text, style, *args, **kwargs)
        self.words = words

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts = super().split(availWidth, availHeight)
        height = availHeight
        while len(parts) == 2 and self._words_after(parts[0], availWidth) < self.words:
            height -= self.style.leading
            earlier = super().split(availWidth, height)
            if len(earlier) != 2:
                break  # (the first piece would be too short: keep the split as it was)
            parts = earlier
        return parts

    def _words_after(self, first: Flowable, width: float) -> int:
        """The words of the lines after those `first` (a piece of this paragraph) holds."""
        first.wrap(width, 10_000)
        held = len(first.blPara.lines)  # type: ignore[attr-defined]  # not in the stubs
        lines = self.blPara.lines[held:]
        return sum(
            len(line[1])
            if isinstance(line, tuple)  # (a line of plain words)
            else len("".join(getattr(f, "text", "") for f in line.words).split())
            for line in lines
        )


class ContentsEntry(Paragraph):
    """One line of the contents: the heading's text, its page number on the right (filled in
    when the document is saved) and a link over the whole entry."""

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        *args: Any,
        key: str = "",
        **kwargs: Any,
    ) -> None:
        super().__init__(text, style, *args, **kwargs)
        self.key = key

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        return []  # entries are short: move a whole entry to the next page instead

    def draw(self) -> None:
        super().draw()
        canv = self.canv
        if not self.key or not isinstance(canv, BriefingCanvas):
            return
        style = self.style
        bl_para = self.blPara
        lines = getattr(bl_para, "lines", [None])
        # Where Paragraph puts its first baseline (see reportlab's Paragraph.drawPara).
        ascent = (
            style.fontSize
            if rl_config.paraFontSizeHeightOffset
            else getattr(bl_para, "ascent", style.fontSize)
        )
        baseline = self.height - ascent - (len(lines) - 1) * style.leading
        key, font, size, colour = self.key, style.fontName, style.fontSize, style.textColor
        column = style.rightIndent

        def number(c: BriefingCanvas) -> None:
            c.setFont(font, size)
            c.setFillColor(colour)
            page = c.heading_page.get(key)
            c.drawRightString(0, 0, str(page) if page else "")

        canv.saveState()
        canv.translate(self.width, baseline)
        canv.draw_later(f"toc-{key}", (-column, -size, 0, size * 1.5), number)
        canv.restoreState()
        canv.linkRect("", key, (0, 0, self.width, self.height), relative=1, thickness=0)


class CoverBand(Flowable):
    """The coloured band across the top of the cover, bleeding to the page edges, with the
    organisation, the kind of pack and (when set) the marking centred at the top."""

    def __init__(
        self,
        paragraphs: list[Paragraph],
        colour: Color,
        stripe: Color,
        bleed: float,
        top_space: float,
        bottom_space: float,
        marking: str = "",
        marking_font: str = REGULAR,
        marking_size: float = 10,
        marking_colour: Color | None = None,
    ) -> None:
        super().__init__()
        self.paragraphs = paragraphs
        self.colour, self.stripe = colour, stripe
        self.bleed, self.top_space, self.bottom_space = bleed, top_space, bottom_space
        self.marking = marking
        self.marking_font, self.marking_size = marking_font, marking_size
        self.marking_colour = marking_colour
        self._sizes: list[tuple[float, float]] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self._sizes = [p.wrap(availWidth, availHeight) for p in self.paragraphs]
        body = sum(h for _, h in self._sizes)
        body += sum(p.getSpaceAfter() for p in self.paragraphs[:-1])
        self.height = self.top_space + body + self.bottom_space
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setFillColor(self.colour)
        canv.rect(-self.bleed, 0, self.width + 2 * self.bleed, self.height, stroke=0, fill=1)
        canv.setFillColor(self.stripe)
        canv.rect(-self.bleed, -4, self.width + 2 * self.bleed, 4, stroke=0, fill=1)
        if self.marking:
            canv.setFillColor(self.marking_colour or self.colour)
            canv.setFont(self.marking_font, self.marking_size)
            canv.drawCentredString(
                self.width / 2, self.height - self.top_space * 0.55, visual(self.marking)
            )
        canv.restoreState()
        y = self.height - self.top_space
        for paragraph, (_, h) in zip(self.paragraphs, self._sizes, strict=True):
            y -= h
            paragraph.drawOn(canv, 0, y)
            y -= paragraph.getSpaceAfter()


class AltImage(Flowable):
    """A picture scaled to a width, with its alt text laid over it as invisible text so that
    text extraction and search find it (reportlab writes untagged PDFs)."""

    def __init__(
        self, path: str | IO[bytes], alt: str, width: float, max_height: float | None = None
    ) -> None:
        super().__init__()
        self.path, self.alt = path, alt
        reader = ImageReader(path)
        pixels_w, pixels_h = reader.getSize()
        self.draw_width = width
        self.draw_height = width * pixels_h / pixels_w if pixels_w else width
        if max_height and self.draw_height > max_height:
            self.draw_width *= max_height / self.draw_height
            self.draw_height = max_height
        self._reader = reader
        self.hAlign = "LEFT"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self.draw_width > availWidth:
            self.draw_height *= availWidth / self.draw_width
            self.draw_width = availWidth
        return self.draw_width, self.draw_height

    def draw(self) -> None:
        canv = self.canv
        canv.drawImage(self._reader, 0, 0, self.draw_width, self.draw_height, mask="auto")
        if self.alt:
            text = canv.beginText(0, self.draw_height / 2)
            text.setTextRenderMode(3)  # invisible
            text.setFont(REGULAR, 6)
            text.textOut(visual(self.alt))
            canv.drawText(text)


class Air(Spacer):
    """Space before what follows, dropped at the top of a page as a block's space before is (a
    contents that ends a page does not push its air onto the next, shortening it)."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        frame = self._doctemplateAttr("frame")  # type: ignore[attr-defined]  # not in the stubs
        if frame is not None and getattr(frame, "_atTop", False):
            return self.width, 0
        return super().wrap(availWidth, availHeight)


class NeedRoom(CondPageBreak):
    """Starts a new page unless `flowables` and `extra` more points still fit on this one.

    Placed before a heading (and any headings straight after it), it keeps them with the first
    lines that follow. Unlike platypus keepWithNext, which wraps the heading and the whole next
    block together (laying long paragraphs out twice), this measures only the short headings.
    """

    def __init__(self, flowables: list[Flowable], extra: float) -> None:
        super().__init__(0)
        self.flowables = flowables
        self.extra = extra
        # The paragraph after the headings: one of three lines or fewer cannot be split (no
        # widow or orphan lines are allowed), so all of it must fit under them.
        self.follower: Paragraph | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        frame = self._doctemplateAttr("frame")  # type: ignore[attr-defined]  # not in the stubs
        if frame is not None and getattr(frame, "_atTop", False):
            return 0, 0  # already at the top of a page: breaking would not help
        needed = max(self.extra, self._unsplittable(availWidth, availHeight))
        for flowable in self.flowables:
            _, height = flowable.wrap(availWidth, availHeight)
            needed += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
        self.height = needed
        return super().wrap(availWidth, availHeight)

    def _unsplittable(self, availWidth: float, availHeight: float) -> float:
        """The height of the follower if it has three lines or fewer (else 0). Only one short
        enough to be is laid out here: a longer one splits two lines and two or more."""
        follower = self.follower
        if follower is None:
            return 0.0
        style = follower.style
        if len(follower.getPlainText()) * style.fontSize * 0.3 > 4 * availWidth:
            return 0.0
        _, height = follower.wrap(availWidth, availHeight)
        if height > 3.5 * style.leading:
            return 0.0
        return height + follower.getSpaceBefore() + follower.getSpaceAfter()


class QuoteTable(Table):
    """A quotation beside its accent bar: it breaks between the quotation's lines across pages,
    but leaves at least `least` points of them at a page's foot (two lines), never the bar alone
    over a line that could not fit."""

    def __init__(self, *args: Any, least: float = 0.0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.least = least

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        if availHeight < self.least:
            return []
        parts: list[Any] = super().split(availWidth, availHeight)
        return parts
