"""Page geometry, the cover and body page templates, and what is drawn on every page:
the marking top and bottom, the running title and "Page N of M", and the DRAFT watermark."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from briefing.export.common import brand
from briefing.export.common.direction import visual
from briefing.export.pdf.reportlab.canvas import BriefingCanvas
from briefing.export.pdf.reportlab.fonts import BOLD, REGULAR
from briefing.export.pdf.reportlab.styles import DRAFT_MARK, MUTED, RULE, TEXT, Styles

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

    from briefing.document.model import DocumentMeta

ProgressFn = Callable[[int, int], None]


@dataclass(frozen=True)
class PageSetup:
    width: float
    height: float
    margin: float
    furniture_size: float  # marking, running title and page numbers

    @property
    def footer_baseline(self) -> float:
        return self.margin

    @property
    def frame_bottom(self) -> float:
        return self.margin + self.furniture_size + 10

    @property
    def frame_top(self) -> float:
        return self.height - self.margin

    @property
    def text_width(self) -> float:
        return self.width - 2 * self.margin


def page_setup(paper: str, styles: Styles) -> PageSetup:
    w_mm, h_mm = brand.PAPER_MM.get(paper, brand.PAPER_MM["A4"])
    margin = brand.MARGIN_MM.get(paper, brand.MARGIN_MM["A4"]) * mm
    return PageSetup(w_mm * mm, h_mm * mm, margin, styles.scale.small)


class Furniture:
    """Draws the furniture of each page; one instance per document."""

    def __init__(self, meta: DocumentMeta, setup: PageSetup, show_outline: bool) -> None:
        self.setup = setup
        self.marking = meta.marking
        self.draft = meta.draft
        self.show_outline = show_outline
        size = setup.furniture_size
        number_room = stringWidth("Page 999 of 999", REGULAR, size) + 6 * mm
        self.running_title = _fit(
            meta.running_title or meta.title, REGULAR, size, setup.text_width - number_room
        )

    def cover_page(self, canv: Canvas, doc: Any) -> None:
        if self.show_outline:
            canv.showOutline()  # open the bookmarks panel when the file is opened
        self._marking(canv, top=False)  # the band on the cover shows it at the top

    def body_page(self, canv: Canvas, doc: Any) -> None:
        assert isinstance(canv, BriefingCanvas)  # the canvasmaker of every build
        s = self.setup
        size = s.furniture_size
        self._marking(canv, top=True)
        self._marking(canv, top=False)
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.75)
        rule_y = s.footer_baseline + size + 3
        canv.line(s.margin, rule_y, s.width - s.margin, rule_y)
        canv.setFont(REGULAR, size)
        canv.setFillColor(MUTED)
        canv.drawString(s.margin, s.footer_baseline, visual(self.running_title))
        page = canv.getPageNumber()
        canv.translate(s.width - s.margin, s.footer_baseline)

        def page_of(c: BriefingCanvas) -> None:
            c.setFont(REGULAR, size)
            c.setFillColor(MUTED)
            c.drawRightString(0, 0, f"Page {page} of {c.page_count}")

        canv.draw_later(f"page-of-{page}", (-s.text_width, -size, 0, size * 1.5), page_of)
        canv.restoreState()

    def page_end(self, canv: Canvas, doc: Any) -> None:
        # Drawn last and translucent, so no band, table or picture can hide it.
        if not self.draft:
            return
        s = self.setup
        size = s.width / 4.2
        canv.saveState()
        canv.setFillColor(DRAFT_MARK)
        canv.setFillAlpha(0.4)
        canv.setFont(BOLD, size)
        canv.translate(s.width / 2, s.height / 2)
        canv.rotate(45)
        canv.drawCentredString(0, -size / 3, "DRAFT")
        canv.restoreState()

    def _marking(self, canv: Canvas, top: bool) -> None:
        if not self.marking:
            return
        s = self.setup
        y = s.height - s.margin * 0.55 if top else s.margin * 0.45
        canv.saveState()
        canv.setFont(BOLD, s.furniture_size)
        canv.setFillColor(TEXT)
        canv.drawCentredString(s.width / 2, y, visual(self.marking))
        canv.restoreState()


class BriefingDocTemplate(BaseDocTemplate):
    """Cover and body page templates, document metadata, and progress as blocks are laid out."""

    def __init__(
        self,
        stream: Any,
        meta: DocumentMeta,
        setup: PageSetup,
        furniture: Furniture,
        progress: ProgressFn | None,
        total: int,
    ) -> None:
        s = setup
        super().__init__(
            stream,
            pagesize=(s.width, s.height),
            leftMargin=s.margin,
            rightMargin=s.margin,
            topMargin=s.margin,
            bottomMargin=s.frame_bottom,
            title=meta.title,
            author=meta.author,
            subject=meta.subject,
            keywords=list(meta.keywords),
            creator="Briefing",
            lang=meta.language or "en-GB",
            displayDocTitle=True,
            invariant=1,  # the same document gives a byte-identical file
            initialFontName=REGULAR,  # else each page starts in Helvetica, a font not embedded
            initialFontSize=s.furniture_size,
        )
        cover = Frame(
            0,
            s.margin,
            s.width,
            s.height - s.margin,
            leftPadding=s.margin,
            rightPadding=s.margin,
            topPadding=0,
            bottomPadding=s.furniture_size,
            id="cover",
        )
        body = Frame(
            s.margin,
            s.frame_bottom,
            s.text_width,
            s.frame_top - s.frame_bottom,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        self.addPageTemplates(
            [
                # Should a cover ever overflow, the next page is an ordinary one: marked top and
                # bottom, with the footer.
                PageTemplate(
                    "cover",
                    [cover],
                    onPage=furniture.cover_page,
                    onPageEnd=furniture.page_end,
                    autoNextPageTemplate="body",
                ),
                PageTemplate(
                    "body", [body], onPage=furniture.body_page, onPageEnd=furniture.page_end
                ),
            ]
        )
        self._progress = progress
        self._total = total
        self._done = 0

    def afterFlowable(self, flowable: Any) -> None:
        index = getattr(flowable, "briefing_block", None)
        if self._progress is not None and index is not None and index + 1 > self._done:
            self._done = index + 1
            self._progress(self._done, self._total)


def _fit(text: str, font: str, size: float, width: float) -> str:
    """text, shortened at a word with an ellipsis to fit width (a safety net: compose already
    shortens the running title for the paper)."""
    text = " ".join(text.split())
    if stringWidth(text, font, size) <= width:
        return text
    text = text.rstrip("…")
    while " " in text and stringWidth(text + "…", font, size) > width:
        text = text.rsplit(" ", 1)[0].rstrip(" ,;:–—-")
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"
