"""Word writer: the document model becomes a .docx built on real, named Word styles.

It starts from the bundled reference template (or a council's own template), so the Navigation
Pane, the contents field and the council's house style all work as they would in a document
typed by hand. Text is always set as text: nothing from a pack is parsed as XML or markup.
"""

from __future__ import annotations

import io
import os
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, assert_never

import docx
from docx.enum.section import WD_ORIENT
from docx.image.exceptions import UnrecognizedImageError
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from briefing.document.model import (
    INSERTED,
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
from briefing.errors import BriefingError
from briefing.export.common import brand
from briefing.export.common.cover_fit import word_cover_title_size
from briefing.export.common.links import safe_href
from briefing.export.common.table_layout import bundled_font_measure, column_widths, keeps_whole
from briefing.export.docx import styles as docx_styles
from briefing.export.docx import wordml as x
from briefing.files.safe_write import atomic_write_bytes
from briefing.files.shipped import asset
from briefing.limits.archives import as_document, template_problem
from briefing.limits.pictures import load_picture
from briefing.limits.reading import MAX_TEMPLATE, Unreadable, read_capped

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.opc.coreprops import CoreProperties
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.section import _Footer, _Header

_TWIPS_PER_MM = 1440 / 25.4
_POINTS_PER_MM = 72 / 25.4


def reference_template() -> Path:
    return asset("templates", "reference.docx")


def _open_template(meta_template: Path | None) -> DocxDocument:
    path = meta_template or reference_template()
    what = "Word template" if meta_template else "bundled Word template"
    if not path.exists():
        raise BriefingError(
            f"Cannot find the {what} {path}. Check layout.template in the pack, "
            "or remove it to use the standard template."
        )
    problem = template_problem(path)
    if problem:
        raise BriefingError(f"Cannot use the {what} {path}: {problem}.")
    try:
        data = read_capped(path, MAX_TEMPLATE, "a Word template")
        document = docx.Document(io.BytesIO(as_document(data)))
    except Unreadable as exc:
        raise BriefingError(f"Cannot use the {what} {path}: it {exc.reason}.") from exc
    except (
        PackageNotFoundError,
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        etree.XMLSyntaxError,
    ) as exc:
        raise BriefingError(
            f"Cannot use the {what} {path}: it is not a Word document (.docx) that can be read. "
            "Save it from Word as a .docx document and try again."
        ) from exc
    _drop_external_links(document)
    _drop_template_metadata(document)
    return document


# What a council template carries about itself, never about the briefing: its custom properties
# (where a Microsoft sensitivity label such as "OFFICIAL-SENSITIVE" is kept), the label's own
# part, SharePoint's customXml items, its thumbnail and its application properties (company,
# manager, template name). None of it goes into a briefing: its properties are the pack's.
_TEMPLATE_METADATA = {
    RT.CUSTOM_PROPERTIES,
    RT.THUMBNAIL,
    RT.CUSTOM_XML,
    RT.EXTENDED_PROPERTIES,
    "http://schemas.microsoft.com/office/2020/02/relationships/classificationlabels",
}


def _drop_template_metadata(document: DocxDocument) -> None:
    package = document.part.package
    for owner in (package, *package.iter_parts()):
        rels = owner.rels
        for r_id in [r_id for r_id, rel in rels.items() if rel.reltype in _TEMPLATE_METADATA]:
            del rels[r_id]
    settings = document.settings.element
    for name in ("w:docVars", "w:rsids"):  # the template's variables and editing history
        for found in settings.findall(qn(name)):
            settings.remove(found)
    core = document.core_properties
    core.identifier = core.version = core.description = ""
    for el in list(core._element):
        if el.tag.endswith("}lastPrinted"):
            core._element.remove(el)


_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def _drop_external_links(document: DocxDocument) -> None:
    """Remove everything in the template that points outside it (an attached template, linked
    pictures, links to other files or sites): a briefing carries nothing in from elsewhere."""
    for part in document.part.package.iter_parts():
        external = [r_id for r_id, rel in part.rels.items() if rel.is_external]
        if not external:
            continue
        element = getattr(part, "element", None)
        if element is None:  # an XML element with no children is falsy, so test for None
            element = getattr(part, "_element", None)
        if element is not None:
            for node in list(element.iter()):
                for name, value in list(node.attrib.items()):
                    if name.startswith(_R) and value in external:
                        if node.tag.endswith("}attachedTemplate"):
                            node.getparent().remove(node)
                            break
                        del node.attrib[name]
        for r_id in external:
            del part.rels[r_id]


# The same pack gives the same bytes: times come from SOURCE_DATE_EPOCH or the pack's date,
# never the clock, and every zip entry carries one fixed time.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def build_time(pack_date: date | None) -> datetime | None:
    """SOURCE_DATE_EPOCH (reproducible-builds.org) when set, else midnight on the pack's date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).replace(tzinfo=None)
    return datetime(pack_date.year, pack_date.month, pack_date.day) if pack_date else None


def drop_core_times(core: CoreProperties) -> None:
    """No date to give: leave the creation and modification times out (they are optional)."""
    for el in list(core._element):
        if el.tag.endswith("}created") or el.tag.endswith("}modified"):
            core._element.remove(el)


def stable_zip(data: bytes) -> bytes:
    """The package re-zipped with fixed entry times and the same order and compression."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


class _Writer:
    """One render: the python-docx document plus what it needs to resolve only once."""

    def __init__(self, document: Document) -> None:
        self.model = document
        meta = document.meta
        self.doc = _open_template(meta.template)
        self.body = self.doc.element.body
        for child in list(self.body):
            if child.tag != qn("w:sectPr"):
                self.body.remove(child)
        self.sect_pr = self.body.get_or_add_sectPr()
        self.styles = docx_styles.resolve(self.doc, meta.large_print, meta.template is None)
        self.paper = meta.paper if meta.paper in brand.PAPER_MM else "A4"
        width, _ = brand.PAPER_MM[self.paper]
        self.text_width_mm = width - 2 * brand.MARGIN_MM[self.paper]
        self.bookmark_id = 0
        self.shape_id = 0
        self.break_before_next = False
        self.link_ids: dict[str, str] = {}
        self.next_rel = 1
        when = meta.changes_on
        self.changes_on = when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if when else ""

    # -- paragraphs and runs ------------------------------------------------------------------

    def para(self, style: str) -> BaseOxmlElement:
        p = x.paragraph(self.styles[style])
        # Insert before the section properties directly: python-docx's add_p scans the whole
        # body for them on every call, which makes long packs quadratic.
        self.sect_pr.addprevious(p)
        if self.break_before_next:
            p.pPr.get_or_add_pageBreakBefore()
            self.break_before_next = False
        return p

    def link_id(self, href: str) -> str:
        """One relationship per address. Kept in a dict because python-docx looks links up
        (and numbers new ones) by scanning every relationship of the document."""
        r_id = self.link_ids.get(href)
        if r_id is None:
            rels = self.doc.part.rels
            while f"rId{self.next_rel}" in rels:
                self.next_rel += 1
            r_id = f"rId{self.next_rel}"
            rels.add_relationship(RT.HYPERLINK, href, r_id, is_external=True)
            self.link_ids[href] = r_id
        return r_id

    def runs(self, p: BaseOxmlElement, runs: list[Run]) -> None:
        for run in runs:
            if run.change:
                self.bookmark_id += 1  # one series of ids for bookmarks and changes
                r = x.text_run(run.text, bold=run.bold, italic=run.italic, lang=run.lang)
                p.append(
                    x.tracked(
                        r,
                        run.change == INSERTED,
                        self.bookmark_id,
                        self.model.meta.changes_by,
                        self.changes_on,
                    )
                )
            elif href := safe_href(run.href):
                r = x.text_run(run.text, self.styles["Hyperlink"], run.bold, run.italic, run.lang)
                p.append(x.external_link(self.link_id(href), [r]))
            else:
                p.append(x.text_run(run.text, bold=run.bold, italic=run.italic, lang=run.lang))

    def text(self, style: str, text: str, bold: bool = False) -> BaseOxmlElement:
        p = self.para(style)
        if text:
            p.append(x.text_run(text, bold=bold))
        return p

    # -- blocks -------------------------------------------------------------------------------

    def heading(self, block: Heading) -> None:
        level = min(max(block.level, 1), 3)
        p = self.text(f"Heading {level}", block.text)
        self.bookmark_id += 1
        x.bookmark(p, x.bookmark_name(block.anchor or f"h_{self.bookmark_id}"), self.bookmark_id)

    def contents(self, block: Contents, following: list[Heading]) -> None:
        """A real TOC field, pre-filled with linked entries so it reads well before Word
        refreshes it; PAGEREF fields give the page numbers (Word and LibreOffice fill them)."""
        self.text("TOC Heading", block.title)
        entries = [h for h in following if h.in_contents and h.level <= block.max_level]
        tab = round(self.text_width_mm * _TWIPS_PER_MM)
        code = f'TOC \\o "1-{block.max_level}" \\h \\z \\u'
        if not entries:
            p = self.para("toc 1")
            for r in x.field(code, "Update the contents to list the headings."):
                p.append(r)
            return
        last = len(entries) - 1
        for i, heading in enumerate(entries):
            p = self.para(f"toc {min(heading.level, 2)}")
            x.right_tab(p, tab)  # no leader until Word fills the page numbers
            if i == 0:
                for r in x.field_begin(code):
                    p.append(r)
            name = x.bookmark_name(heading.anchor) if heading.anchor else ""
            runs = [x.text_run(heading.text), x.text_run("\t")]
            if name:
                runs += x.field(f"PAGEREF {name} \\h", "")
                p.append(x.internal_link(name, runs))
            else:
                for r in runs:
                    p.append(r)
            if i == last:
                p.append(x.field_end())

    def bullets(self, block: BulletList) -> None:
        for item in block.items:
            self.runs(self.para("List Bullet"), item)

    def quote(self, block: BlockQuote) -> None:
        self.runs(self.para("Quote"), block.runs)
        if block.attribution:
            self.text("Quote Attribution", f"— {block.attribution}")

    def picture(self, image: Image, style: str = "Normal") -> None:
        p = self.para(style)
        paragraph = DocxParagraph(p, self.doc._body)
        if not Path(image.path).exists():
            raise BriefingError(
                f"Cannot find the image {image.path}. Check the path in the pack (layout.logo)."
            )
        shown = load_picture(Path(image.path))
        try:
            shape = paragraph.add_run().add_picture(
                io.BytesIO(shown.data), width=Mm(image.width_mm)
            )
        except (UnrecognizedImageError, OSError, ValueError) as exc:
            raise BriefingError(
                f"Cannot read the image {image.path}: it is not a PNG or JPEG "
                "picture that can be read. Save it as .png or .jpg."
            ) from exc
        doc_pr = shape._inline.docPr
        doc_pr.set("descr", x.clean(image.alt))
        doc_pr.set("title", x.clean(image.alt))

    def table(self, index: int, block: Table) -> None:
        if block.caption:
            self.text("Caption", block.caption)
        cols = max([len(block.header), *(len(r) for r in block.rows)], default=0)
        if cols == 0:
            return
        if self.break_before_next:
            # A table cannot carry "page break before", so an empty paragraph does.
            self.para("Normal")
        table = self.doc.add_table(rows=1 + len(block.rows), cols=cols)
        table._tbl.tblPr.style = self.styles["Briefing Table"]
        # The header row repeats at the top of each page the table runs onto.
        table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        short = keeps_whole(self.model.blocks, index)
        for r_no, values in enumerate([block.header, *block.rows]):
            style = "Table Heading" if r_no == 0 else "Table Text"
            # No row is split across pages; a short table is kept on one page (each row
            # kept with the next), and the header row always stays with the first row.
            table.rows[r_no]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
            keep = r_no == 0 or (short and r_no < len(block.rows))
            for c_no, cell in enumerate(table.rows[r_no].cells):
                p = cell.paragraphs[0]._p
                p.get_or_add_pPr().style = self.styles[style]
                if keep:
                    p.get_or_add_pPr().append(OxmlElement("w:keepNext"))
                text = values[c_no] if c_no < len(values) else ""
                if text:
                    p.append(x.text_run(text))
        scale = brand.type_scale(self.model.meta.large_print)
        widths = [
            Mm(w / _POINTS_PER_MM)
            for w in column_widths(
                block.header,
                block.rows,
                cols,
                self.text_width_mm * _POINTS_PER_MM,
                bundled_font_measure(scale.body),
            )
        ]
        # Both the grid and the cells carry widths: Word reads the cells, LibreOffice the grid.
        for grid_col, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
            grid_col.w = width
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = width
        tbl_w = table._tbl.tblPr.find(qn("w:tblW"))
        if tbl_w is not None:
            tbl_w.set(qn("w:type"), "dxa")
            tbl_w.set(qn("w:w"), str(round(self.text_width_mm * _TWIPS_PER_MM)))

    def blocks(self) -> None:
        blocks = self.model.blocks
        for i, block in enumerate(blocks):
            if isinstance(block, Heading):
                self.heading(block)
            elif isinstance(block, Paragraph):
                style = docx_styles.ROLE_STYLES.get(block.role, "Normal")
                self.runs(self.para(style), block.runs)
            elif isinstance(block, BulletList):
                self.bullets(block)
            elif isinstance(block, BlockQuote):
                self.quote(block)
            elif isinstance(block, Table):
                self.table(i, block)
            elif isinstance(block, Image):
                self.picture(block)
            elif isinstance(block, Contents):
                self.contents(block, [b for b in blocks[i + 1 :] if isinstance(b, Heading)])
            elif isinstance(block, PageBreak):
                self.break_before_next = True
            else:
                assert_never(block)  # mypy proves every block type is written

    # -- cover, page furniture, properties ---------------------------------------------------

    def cover(self) -> None:
        cover, meta = self.model.cover, self.model.meta
        lines = [
            cover.subtitle,
            cover.organisation,
            cover.date_text,
            cover.edition,
            cover.prepared_by,
            *(f"{label}: {value}" for label, value in cover.details),
        ]
        size, close_up = word_cover_title_size(
            cover.title,
            [t for t in lines if t],
            self.paper,
            meta.large_print,
            int(meta.draft),
            cover.logo is not None,
        )
        # The same cover as the PDF: the band (kind of pack, organisation), the logo, title,
        # subtitle, date, "Prepared by", the event details and DRAFT.
        if cover.kind_label:
            self.text("Cover Label", cover.kind_label)
        if cover.organisation or cover.kind_label:
            band = self.text("Cover Organisation", cover.organisation)
            if close_up:
                band.get_or_add_pPr().get_or_add_spacing().after = 0
        if cover.logo is not None:
            self.picture(cover.logo, "Cover Details")
        title = self.text("Title", cover.title)
        if size < brand.type_scale(meta.large_print).title:
            # A long title steps down so the cover stays on one page (as in the PDF).
            for run in title.findall(qn("w:r")):
                x.set_size(run, size)
        if cover.subtitle:
            self.text("Subtitle", cover.subtitle)
        if cover.date_text:
            self.text("Cover Details", cover.date_text, bold=True)
        if cover.edition:
            self.text("Cover Details", cover.edition)
        if cover.prepared_by:
            self.text("Cover Details", cover.prepared_by)
        for label, value in cover.details:
            self.runs(self.para("Cover Details"), [Run(f"{label}: ", bold=True), Run(value)])
        # The marking is in the cover's header (at the top, as in the PDF's band), not repeated.
        last = self.text("Cover Notice", "DRAFT") if meta.draft else None
        if last is None:
            last = self.body.findall(qn("w:p"))[-1]
        # The body starts on a new page: a break at the end of the cover, not an empty paragraph.
        r = OxmlElement("w:r")
        br = OxmlElement("w:br")
        br.set(qn("w:type"), "page")
        r.append(br)
        last.append(r)

    def page_setup(self) -> None:
        section = self.doc.sections[0]
        width, height = brand.PAPER_MM[self.paper]
        margin = brand.MARGIN_MM[self.paper]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(width), Mm(height)
        section.left_margin = section.right_margin = Mm(margin)
        section.top_margin = section.bottom_margin = Mm(margin + 4)
        section.header_distance = section.footer_distance = Mm(margin / 2)
        section.gutter = Mm(0)
        section.different_first_page_header_footer = True

    def _furniture(self, part: _Header | _Footer, with_running: bool) -> None:
        """Header or footer content: the marking centred (in footers below the running title
        and page, so the marking is last on the page, as in the PDF)."""
        meta = self.model.meta
        part.is_linked_to_previous = False
        el = part._element
        for child in list(el):
            el.remove(child)
        is_header = el.tag == qn("w:hdr")
        if not is_header and with_running:
            p2 = OxmlElement("w:p")
            el.append(p2)
            p2.get_or_add_pPr().style = self.styles["Footer"]
            right = round(self.text_width_mm * _TWIPS_PER_MM)
            for stop in self._style_tab_stops("Footer"):
                if stop != str(right):
                    x.clear_tab(p2, stop)
            x.right_tab(p2, right)
            title = meta.running_title or meta.title
            p2.append(x.text_run(f"{title}\t"))
            p2.append(x.text_run("Page "))
            for r in x.field("PAGE", "1"):
                p2.append(r)
            p2.append(x.text_run(" of "))
            for r in x.field("NUMPAGES", "1"):
                p2.append(r)
        if meta.marking or is_header or not with_running:
            p = OxmlElement("w:p")
            el.append(p)
            p.get_or_add_pPr().style = self.styles[
                "Marking" if meta.marking else ("Header" if is_header else "Footer")
            ]
            if meta.marking:
                p.append(x.text_run(meta.marking))
            if is_header and meta.draft:
                self.shape_id += 1
                width_pt = self.text_width_mm / 25.4 * 72 * 0.9
                p.append(
                    x.watermark_run(
                        "DRAFT", brand.DRAFT_MARK, brand.DOCX_FONT, width_pt, self.shape_id
                    )
                )

    def _style_tab_stops(self, name: str) -> list[str]:
        """Positions of the tab stops a style (a council template's) sets."""
        for style in self.doc.styles.element.findall(qn("w:style")):
            if style.get(qn("w:styleId")) == self.styles[name]:
                return [
                    t.get(qn("w:pos"))
                    for t in style.iter(qn("w:tab"))
                    if t.get(qn("w:val")) != "clear"
                ]
        return []

    def furniture(self) -> None:
        section = self.doc.sections[0]
        self._furniture(section.header, with_running=True)
        self._furniture(section.footer, with_running=True)
        # The cover carries only the marking (and the DRAFT mark), no running title or page.
        self._furniture(section.first_page_header, with_running=False)
        self._furniture(section.first_page_footer, with_running=False)

    def properties(self) -> None:
        meta = self.model.meta
        core = self.doc.core_properties
        core.title = _property(meta.title)
        core.author = _property(meta.author)
        core.last_modified_by = _property(meta.author)
        core.subject = _property(meta.subject)
        core.keywords = _property("; ".join(meta.keywords))
        core.category = meta.marking
        core.language = meta.language
        core.comments = ""
        core.content_status = "Draft" if meta.draft else ""
        core.revision = 1
        when = build_time(meta.date)
        if when is not None:
            core.created = core.modified = when
        else:
            drop_core_times(core)
        settings = self.doc.settings.element
        x.update_fields_on_open(settings)
        x.modern_compatibility(settings)
        x.theme_font_lang(settings, meta.language)
        x.default_language(self.doc.styles.element, meta.language)

    def render(self) -> bytes:
        self.page_setup()
        self.cover()
        self.blocks()
        self.furniture()
        self.properties()
        out = io.BytesIO()
        self.doc.save(out)
        return stable_zip(out.getvalue())


def _property(text: str, limit: int = 255) -> str:
    """A document property as Word can hold it: at most 255 UTF-16 units, cut with an ellipsis
    (only the property is shortened; the document keeps the whole text)."""
    if len(text.encode("utf-16-le")) <= 2 * limit:
        return text
    kept, units = [], 0
    for char in text:
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit - 1:
            break
        kept.append(char)
    return "".join(kept).rstrip() + "…"


def render_docx(document: Document) -> bytes:
    """The .docx file's bytes. Raises BriefingError for a missing or unreadable template/image."""
    return _Writer(document).render()


def write_docx(document: Document, target: Path) -> Path:
    """Render first, then write safely: a failed render never touches the target."""
    data = render_docx(document)
    return atomic_write_bytes(Path(target), data)
