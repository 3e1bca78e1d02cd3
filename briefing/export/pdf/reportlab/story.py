"""Turns the document model's cover and blocks into reportlab flowables (the story)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any, assert_never

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from briefing.document.model import (
    Block,
    BlockQuote,
    BulletList,
    Contents,
    Document,
    Heading,
    Image,
)
from briefing.document.model import PageBreak as PageBreakBlock
from briefing.document.model import Paragraph as ParagraphBlock
from briefing.document.model import Table as TableBlock
from briefing.errors import BriefingError
from briefing.export.common import brand
from briefing.export.common.cover_fit import COVER_AIRS
from briefing.export.common.cover_fit import attempts as cover_attempts
from briefing.export.common.table_layout import (
    SHORT_TAIL_WORDS,
    bare_byline,
    column_widths,
    ends_part,
    front_too_short,
    keeps_whole,
    kept_with_next,
    list_kept_whole,
    paragraph_kept_whole,
    source_kept_whole,
)
from briefing.export.pdf.reportlab import markup
from briefing.export.pdf.reportlab.direction import Paragraph
from briefing.export.pdf.reportlab.flowables import (
    Air,
    AltImage,
    ContentsEntry,
    CoverBand,
    HeadingParagraph,
    NeedRoom,
    PartEnd,
    QuoteTable,
)
from briefing.export.pdf.reportlab.fonts import BOLD, REGULAR
from briefing.export.pdf.reportlab.styles import ACCENT, HEADING, RULE, Styles
from briefing.limits.pictures import load_picture

if TYPE_CHECKING:
    from briefing.export.pdf.reportlab.pages import PageSetup

_BAND_TEXT_MARKING = HexColor("#FFFFFF")
_TABLE_STRIPE = HexColor(brand.TABLE_STRIPE)


def _sized(style: ParagraphStyle, size: float, leading: float, after: float) -> ParagraphStyle:
    """A cover line's style at the size and spacing one attempt at fitting the cover gives it."""
    return ParagraphStyle(
        f"{style.name}-fit", parent=style, fontSize=size, leading=size * leading, spaceAfter=after
    )


class StoryBuilder:
    def __init__(self, document: Document, styles: Styles, setup: PageSetup) -> None:
        self.doc = document
        self.styles = styles
        self.setup = setup
        self.keys = document.link_keys()
        self.body_blocks = len(document.blocks)
        self.has_outline = any(
            isinstance(b, Contents) or (isinstance(b, Heading) and b.level <= 2)
            for b in document.blocks
        )

    # The cover ---------------------------------------------------------------------------

    def cover(self) -> list[Flowable]:
        """The cover, fitted to one page: first the spacing closes up, then the title (and
        last the organisation and subtitle) steps down (cover_fit.attempts), so nothing
        spills."""
        s, st = self.setup, self.styles
        room = s.height - s.margin - s.furniture_size * 2
        story: list[Flowable] = []
        for air, size, detail in cover_attempts(st.scale, COVER_AIRS):
            story = self._cover(air, size, detail)
            if _height(story, s.text_width) <= room:
                return story
        return story

    def _cover(self, air: float, title_size: float, detail_size: float) -> list[Flowable]:
        c, st, s = self.doc.cover, self.styles, self.setup
        scale = st.scale
        gap = max(air, 0.5)  # the spaces between the cover's lines close up by half at most
        band_paras = []
        if c.kind_label:
            band_paras.append(Paragraph(markup.text(c.kind_label.upper()), st.cover_kind))
        if c.organisation:
            band_paras.append(
                Paragraph(markup.text(c.organisation), _sized(st.cover_org, detail_size, 1.25, 0))
            )
        big = s.height > 700  # A4 gets more air than A5
        story: list[Flowable] = [
            CoverBand(
                band_paras,
                colour=HEADING,
                stripe=ACCENT,
                bleed=s.margin,
                top_space=s.margin + s.furniture_size * 1.5,
                bottom_space=(10 if big else 7) * mm * gap,
                marking=self.doc.meta.marking,
                marking_font=BOLD,
                marking_size=s.furniture_size,
                marking_colour=_BAND_TEXT_MARKING,
            ),
            Spacer(1, (14 if big else 9) * mm * air),
        ]
        if c.logo is not None:
            story += [
                self._image(c.logo.path, c.logo.alt, c.logo.width_mm, s.height * 0.15),
                Spacer(1, (16 if big else 9) * mm * air),
            ]
        else:
            story.append(Spacer(1, (26 if big else 12) * mm * air))
        title_style = _sized(st.cover_title, title_size, 1.15, scale.title * 0.35 * gap)
        story.append(Paragraph(markup.text(c.title), title_style))
        if c.subtitle:
            subtitle_style = _sized(st.cover_subtitle, detail_size, 1.3, scale.subtitle * 0.6 * gap)
            story.append(Paragraph(markup.text(c.subtitle), subtitle_style))
        story += [
            HRFlowable(
                width="35%",
                thickness=3,
                color=ACCENT,
                hAlign="LEFT",
                spaceBefore=2,
                spaceAfter=scale.body * 1.2 * gap,
            ),
        ]
        if c.date_text:
            story.append(Paragraph(f"<b>{markup.text(c.date_text)}</b>", st.cover_line))
        if c.edition:
            story.append(Paragraph(markup.text(c.edition), st.cover_line))
        if c.prepared_by:
            story.append(Paragraph(markup.text(c.prepared_by), st.cover_line))
        for label, value in c.details:
            story.append(
                Paragraph(f"<b>{markup.text(label)}:</b> {markup.text(value)}", st.cover_line)
            )
        if self.doc.meta.draft:
            draft_style = ParagraphStyle("briefing-cover-draft-fit", st.cover_draft)
            draft_style.spaceBefore = scale.body * gap
            story.append(Paragraph("DRAFT", draft_style))
        return story

    # The body ----------------------------------------------------------------------------

    def body(self) -> list[Flowable]:
        story: list[Flowable] = []
        guard: NeedRoom | None = None
        kept = kept_with_next(self.doc.blocks)
        held: list[Flowable] = []  # blocks that go over with the next (a part's last words)
        held_from = 0
        for index, block in enumerate(self.doc.blocks):
            flowables = self._block(index, block)
            if isinstance(block, Heading):
                story += held  # (a heading is kept with what follows in its own way)
                held = []
                # One check before a run of headings ("Section", then "Item"), so a section
                # heading is not left behind at a page foot when the item heading moves on.
                if guard is None:
                    guard = NeedRoom([], 0)
                    story.append(guard)
                guard.flowables.append(flowables[0])
                guard.extra = self._room_after(block.level)
            else:
                if guard is not None and isinstance(block, TableBlock | BlockQuote):
                    # Under a heading, a table needs room for its header row and first row (all
                    # of it: a row is never split), and a quotation (up to a third of a page)
                    # for all of it.
                    first = _first_rows_height(flowables, self.setup.text_width)
                    guard.extra = max(
                        guard.extra,
                        first
                        if isinstance(block, TableBlock)
                        else min(first, self.setup.height / 3),
                    )
                if (
                    guard is not None
                    and isinstance(block, ParagraphBlock)
                    and block.role == "reference"
                ):
                    # Under its heading, a source needs room for all of it (up to a third of a
                    # page, as in the tagged PDF), so its last lines are not left alone.
                    guard.extra = max(
                        guard.extra,
                        min(_height(flowables, self.setup.text_width), self.setup.height / 3),
                    )
                shown = opened(flowables)  # (a short paragraph is kept whole)
                if guard is not None and bare_byline(self.doc.blocks, index):
                    # A byline with a heading after it (or the first part's after a front page
                    # of a few words) needs room for itself alone: all of it when it is kept
                    # whole, else no more than its first lines and two lines of text would.
                    byline = _height(shown, self.setup.text_width)
                    whole = self._kept_whole(index)
                    guard.extra = byline if whole else min(byline, guard.extra)
                if guard is not None and shown and isinstance(shown[0], Paragraph):
                    guard.follower = shown[0]
                guard = None
            if (
                isinstance(block, TableBlock | BulletList)
                and flowables
                and isinstance(flowables[-1], KeepTogether)
                and index
                and isinstance(self.doc.blocks[index - 1], Heading)
            ):
                # A short table (or a short list ending a page) moves on whole with its headings.
                flowables[-1] = together([*self._headings_before(index, story), flowables[-1]])
            if flowables:
                # For progress reports (BriefingDocTemplate.afterFlowable reads it back).
                flowables[0].briefing_block = index  # type: ignore[attr-defined]
            if index in kept and not isinstance(block, Heading):
                if not held:
                    held_from = index
                held += flowables  # not left behind by the part's last words (kept_with_next)
                continue
            if held and not isinstance(block, Heading):
                # (with the headings over them, which must not stay behind either)
                flowables = [
                    together([*self._headings_before(held_from, story), *held, *flowables])
                ]
            story += flowables
            held = []
        return [*story, *held]

    def _headings_before(self, index: int, story: list[Flowable]) -> list[Flowable]:
        """The run of headings just before blocks[index], taken off the end of the story (to
        go over to the next page with what follows them)."""
        over = 0
        while over < index and isinstance(self.doc.blocks[index - over - 1], Heading):
            over += 1
        taken = story[len(story) - over :]
        del story[len(story) - over :]
        return taken

    def _block(self, index: int, block: Block) -> list[Flowable]:
        st = self.styles
        if isinstance(block, Heading):
            return [self._heading(index, block)]
        if isinstance(block, ParagraphBlock):
            text, style = markup.runs(block.runs), self._paragraph_style(block.role)
            # A source is not split across pages, nor a paragraph of a few words.
            if self._kept_whole(index):
                return [KeepTogether([Paragraph(text, style)])]
            if ends_part(self.doc.blocks, index):
                return [PartEnd(text, style, words=SHORT_TAIL_WORDS)]
            return [Paragraph(text, style)]
        if isinstance(block, BulletList):
            items: list[Flowable] = [
                Paragraph(markup.runs(item), st.bullet, bulletText="•") for item in block.items
            ]
            return [KeepTogether(items)] if list_kept_whole(self.doc.blocks, index) else items
        if isinstance(block, BlockQuote):
            return [self._quote(block)]
        if isinstance(block, TableBlock):
            return self._table(index, block)
        if isinstance(block, Image):
            return [self._image(block.path, block.alt, block.width_mm, self.setup.height * 0.6)]
        if isinstance(block, Contents):
            return self._contents(index, block)
        if isinstance(block, PageBreakBlock):
            if front_too_short(self.doc.blocks, index):
                return []  # the first part follows a front page of a few words
            # A new page, unless this one holds only a few lines so far (brand.SOFT_BREAK_LINES,
            # of the size of the paragraph before: an introduction's lines are larger), or only a
            # paragraph kept whole (a short introduction in a few long place names), or only
            # headings with nothing under them (an item with nothing to say), however many
            # lines they take.
            frame = self.setup.frame_top - self.setup.frame_bottom
            return [CondPageBreak(frame - self._few_lines_before(index))]
        assert_never(block)  # mypy proves every block type is written

    def _few_lines_before(self, index: int) -> float:
        """How tall what stands before the page break at blocks[index] may be for the next part
        to follow it on its page (see _block)."""
        blocks = self.doc.blocks
        before = blocks[index - 1] if index > 0 else None
        style = self._paragraph_style(before.role if isinstance(before, ParagraphBlock) else "")
        few = brand.SOFT_BREAK_LINES * max(self.styles.body.leading, style.leading)
        tail: list[Flowable] = []
        if index > 0 and self._kept_whole(index - 1):
            tail = opened(self._block(index - 1, blocks[index - 1]))
        first = index
        while first > 0 and isinstance(blocks[first - 1], Heading):
            first -= 1
        tail += [self._block(n, blocks[n])[0] for n in range(first, index)]
        return max(few, _height(tail, self.setup.text_width) + 1) if tail else few

    def _paragraph_style(self, role: str) -> ParagraphStyle:
        st = self.styles
        return {
            "byline": st.byline,
            "reference": st.reference,
            "note": st.note,
            "lead": st.lead,
        }.get(role, st.body)

    def _kept_whole(self, index: int) -> bool:
        """Whether the paragraph at blocks[index] is not split across pages (a source, or one of
        a few words)."""
        blocks = self.doc.blocks
        return source_kept_whole(blocks, index) or paragraph_kept_whole(blocks, index)

    def _room_after(self, level: int) -> float:
        """Space a heading needs below it: never a heading alone at the foot of a page."""
        st = self.styles
        lines = st.body.leading * 2 + st.body.spaceAfter
        if level >= 3:
            return lines
        return lines + st.byline.leading + st.byline.spaceAfter  # item headings have a byline

    def _heading(self, index: int, block: Heading) -> Flowable:
        level = min(max(block.level, 1), 3)
        return HeadingParagraph(
            markup.text(block.text),
            self.styles.heading(level),
            key=self.keys[index],
            title=" ".join(block.text.split()),
            outline_level=level - 1 if level <= 2 else None,
            rule=RULE if level == 1 else None,
        )

    def _contents(self, index: int, block: Contents) -> list[Flowable]:
        st = self.styles
        story: list[Flowable] = [
            HeadingParagraph(
                markup.text(block.title),
                st.contents_title,
                key=self.keys[index],
                title=block.title,
                outline_level=0,
                rule=RULE,
            )
        ]
        for later in range(index + 1, len(self.doc.blocks)):
            entry = self.doc.blocks[later]
            if isinstance(entry, Heading) and entry.in_contents and entry.level <= block.max_level:
                style = st.toc[min(max(entry.level, 1), 3) - 1]
                story.append(ContentsEntry(markup.text(entry.text), style, key=self.keys[later]))
        story.append(Air(1, st.scale.body * 1.5))  # before whatever follows the list
        return story

    def _quote(self, block: BlockQuote) -> Flowable:
        st, width = self.styles, self.setup.text_width
        indent = 8 * mm
        rows: list[list[Any]] = [[Paragraph(markup.runs(block.runs), st.quote)]]
        if block.attribution:
            rows.append([Paragraph(markup.text(block.attribution), st.attribution)])
        padding = 2  # above and below each row
        table = QuoteTable(
            rows,
            colWidths=[width - indent],
            hAlign="RIGHT",
            splitInRow=1,
            least=2 * padding + 2 * st.quote.leading,
        )
        table.setStyle(
            TableStyle(
                [
                    (
                        "FONTNAME",
                        (0, 0),
                        (-1, -1),
                        REGULAR,
                    ),  # Table's default is Helvetica (not embedded)
                    ("LINEBEFORE", (0, 0), (0, -1), 3, ACCENT),
                    ("LEFTPADDING", (0, 0), (-1, -1), 10),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), padding),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
                ]
            )
        )
        table.spaceBefore = st.scale.body * 0.3
        table.spaceAfter = st.scale.body * 0.8
        return table

    def _table(self, index: int, block: TableBlock) -> list[Flowable]:
        st = self.styles
        story: list[Flowable] = []
        if block.caption:
            caption = Paragraph(markup.text(block.caption), st.caption)
            story += [NeedRoom([caption], st.body.leading * 3), caption]
        columns = (
            max([len(block.header)] + [len(r) for r in block.rows])
            if (block.header or block.rows)
            else 0
        )
        if not columns:
            return story

        def cells(values: list[str], style: Any) -> list[Paragraph]:
            padded = list(values) + [""] * (columns - len(values))
            return [Paragraph(markup.text(v), style) for v in padded]

        data = []
        if block.header:
            data.append(cells(block.header, st.table_head))
        data += [cells(row, st.table_cell) for row in block.rows]
        size = st.scale.body
        widths = column_widths(
            block.header,
            block.rows,
            columns,
            self.setup.text_width,
            lambda text, bold: stringWidth(text, BOLD if bold else REGULAR, size),
        )
        # Rows never split across pages; the header repeats on each page the table runs onto.
        table = Table(
            data, colWidths=widths, repeatRows=1 if block.header else 0, hAlign="LEFT", splitInRow=0
        )
        commands: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
        ]
        if block.header:
            commands += [
                ("BACKGROUND", (0, 0), (-1, 0), HEADING),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, _TABLE_STRIPE]),
            ]
        table.setStyle(TableStyle(commands))
        table.spaceAfter = st.scale.body
        if keeps_whole(self.doc.blocks, index):
            # A short table is kept on one page (it moves on whole, with its heading).
            story.append(KeepTogether([table]))
        else:
            story.append(table)
        return story

    def _image(self, path: Any, alt: str, width_mm: float, max_height: float) -> Flowable:
        shown = load_picture(Path(path))
        try:
            return AltImage(io.BytesIO(shown.data), alt, width_mm * mm, max_height)
        except Exception as exc:  # reportlab's messages name its own objects: not for the user
            raise BriefingError(
                f"Cannot read the picture {path}. Use a PNG or JPEG file that opens in "
                "an image viewer."
            ) from exc


def _height(story: list[Flowable], width: float) -> float:
    """The height a run of flowables takes on a page of this width, spacing included."""
    total = 0.0
    for flowable in story:
        _, h = flowable.wrap(width, 10_000)
        total += h + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def together(flowables: list[Flowable]) -> KeepTogether:
    """The flowables kept on one page, any already kept together among them opened up: a
    KeepTogether inside another counts as taller than any page (platypus's way of making it
    split), so the outer one would always start a new page."""
    return KeepTogether(opened(flowables))


def opened(flowables: list[Flowable]) -> list[Flowable]:
    """The flowables, any kept together among them opened up (to measure or look into)."""
    content: list[Flowable] = []
    for flowable in flowables:
        if isinstance(flowable, KeepTogether):
            content += flowable._content  # type: ignore[attr-defined]  # not in the stubs
        else:
            content.append(flowable)
    return content


def _first_rows_height(flowables: list[Flowable], width: float) -> float:
    """The height of a table's header row and first row (0 for no table), with what stands
    before it (its caption)."""
    total = 0.0
    for flowable in flowables:
        if isinstance(flowable, KeepTogether):
            return _first_rows_height(flowable._content, width)  # type: ignore[attr-defined]  # not in the stubs
        if isinstance(flowable, Table):
            flowable.wrap(width, 100_000)
            heights: list[float] = flowable._rowHeights  # type: ignore[attr-defined]  # not in the stubs
            return total + sum(heights[:2])
        if not isinstance(flowable, NeedRoom):
            _, h = flowable.wrap(width, 100_000)
            total += h + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return 0.0
