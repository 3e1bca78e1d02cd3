"""The Word styles a briefing uses: their house-style definitions, and resolving them once.

The same specifications build the bundled reference template (scripts/make_reference_template.py)
and fill the gaps in a council's own template: a style the council defines is used as it is; a
style it lacks is added, based on its Normal style, so the council's font still applies.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle

from briefing.export.common import brand

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.styles.style import BaseStyle, CharacterStyle


@dataclass(frozen=True)
class StyleSpec:
    name: str  # the name Word shows
    kind: str = "paragraph"  # paragraph | character | table
    size: str = ""  # a field of brand.TypeScale; "" inherits
    bold: bool | None = None
    italic: bool | None = None
    colour: str = ""
    before: float | None = None  # points
    after: float | None = None
    leading: float | None = None  # line height multiple; None inherits, 0 = the scale's leading
    keep_with_next: bool = False
    outline: int | None = None  # 0-based outline level (headings: Navigation Pane, contents)
    indent_mm: float = 0.0
    hanging_mm: float = 0.0  # first line out to the margin, the rest indented (references)
    shade: str = ""  # a background colour: the cover band
    fill: str = ""  # a background colour behind the text only, unpadded (a table's header row)
    caps: bool = False  # shown in capitals, typed (and read aloud) as written
    border_left: str = ""
    border_bottom: str = ""
    centred: bool = False
    underline: bool = False
    base: str = "Normal"
    next_style: str = ""


SPECS: tuple[StyleSpec, ...] = (
    StyleSpec("Normal", size="body", colour=brand.TEXT, after=6, leading=0.0, base=""),
    StyleSpec(
        "Title",
        size="title",
        before=6,
        after=10,
        border_bottom=brand.ACCENT,
        next_style="Subtitle",
        bold=True,
        colour=brand.HEADING,
        keep_with_next=True,
        leading=1.1,
    ),
    StyleSpec(
        "Subtitle",
        size="subtitle",
        colour=brand.MUTED,
        italic=False,
        after=24,
        next_style="Cover Details",
    ),
    StyleSpec(
        "Heading 1",
        size="h1",
        before=20,
        after=8,
        outline=0,
        border_bottom=brand.RULE,
        bold=True,
        colour=brand.HEADING,
        keep_with_next=True,
        leading=1.1,
    ),
    StyleSpec(
        "Heading 2",
        size="h2",
        before=16,
        after=4,
        outline=1,
        bold=True,
        colour=brand.HEADING,
        keep_with_next=True,
        leading=1.1,
    ),
    StyleSpec(
        "Heading 3",
        size="h3",
        before=10,
        after=3,
        outline=2,
        bold=True,
        colour=brand.ACCENT,
        keep_with_next=True,
        leading=1.1,
    ),
    StyleSpec("List Bullet", after=3),
    StyleSpec(
        "Quote",
        italic=True,
        colour=brand.TEXT,
        before=6,
        after=2,
        indent_mm=8,
        border_left=brand.ACCENT,
        keep_with_next=True,
    ),
    StyleSpec("Quote Attribution", size="byline", colour=brand.MUTED, after=10, indent_mm=8),
    StyleSpec("Byline", size="byline", colour=brand.MUTED, after=8),
    StyleSpec("Lead", size="h3", colour=brand.TEXT, before=12, after=10),
    StyleSpec("Note", size="small", colour=brand.MUTED, after=6),
    StyleSpec("Reference", size="small", after=6, hanging_mm=6),
    # The band across the top of the cover, as in the PDF: the kind of pack and the organisation
    # in white on the heading colour.
    StyleSpec(
        "Cover Label",
        size="h3",
        bold=True,
        colour="#FFFFFF",
        before=0,
        after=0,
        keep_with_next=True,
        shade=brand.HEADING,
        caps=True,
    ),
    StyleSpec(
        "Cover Organisation",
        size="h2",
        bold=True,
        colour="#FFFFFF",
        before=0,
        after=30,
        keep_with_next=True,
        shade=brand.HEADING,
        border_bottom=brand.ACCENT,
    ),
    StyleSpec("Cover Details", size="body", colour=brand.TEXT, after=2),
    StyleSpec("Cover Notice", size="h3", bold=True, colour=brand.ACCENT, before=18, after=4),
    StyleSpec(
        "TOC Heading",
        size="h1",
        bold=True,
        colour=brand.HEADING,
        before=6,
        after=8,
        keep_with_next=True,
        next_style="Normal",
    ),
    StyleSpec("toc 1", bold=True, before=4, after=2),
    StyleSpec("toc 2", indent_mm=6, after=2),
    StyleSpec("Header", size="small", colour=brand.MUTED, after=0),
    StyleSpec("Footer", size="small", colour=brand.MUTED, after=0),
    StyleSpec("Marking", size="small", bold=True, colour=brand.TEXT, after=0, centred=True),
    StyleSpec("Table Text", size="body", before=2, after=2, leading=1.15),
    # White on the heading colour, as the PDF's header row (11.5:1); the paragraph carries the
    # colour too, so a template's own colour checks see what the text is printed on.
    StyleSpec(
        "Table Heading",
        size="body",
        bold=True,
        colour="#FFFFFF",
        fill=brand.HEADING,
        before=2,
        after=2,
        leading=1.15,
    ),
    StyleSpec("Caption", size="small", bold=True, colour=brand.HEADING, italic=False, after=4),
    StyleSpec("Hyperlink", kind="character", colour=brand.LINK, underline=True, base=""),
    StyleSpec("Briefing Table", kind="table", base=""),
)

WORD_BUILT_INS = {
    "normal",
    "title",
    "subtitle",
    "heading 1",
    "heading 2",
    "heading 3",
    "list bullet",
    "quote",
    "toc heading",
    "toc 1",
    "toc 2",
    "header",
    "footer",
    "caption",
    "hyperlink",
}

# Paragraph roles of the document model and the style each prints in.
ROLE_STYLES = {
    "body": "Normal",
    "byline": "Byline",
    "reference": "Reference",
    "note": "Note",
    "lead": "Lead",
}

_TYPES = {
    "paragraph": WD_STYLE_TYPE.PARAGRAPH,
    "character": WD_STYLE_TYPE.CHARACTER,
    "table": WD_STYLE_TYPE.TABLE,
}


# The order WordprocessingML requires of a paragraph's properties (w:pPr) from the border on: a
# new element goes before the first of those after it that the paragraph already has.
_PPR_ORDER = (
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def _hex(colour: str) -> str:
    return colour.lstrip("#").upper()


def _border(edge: str, colour: str, size: int, space: int) -> str:
    return f'<w:{edge} w:val="single" w:sz="{size}" w:space="{space}" w:color="{_hex(colour)}"/>'


def set_fonts(rpr: BaseOxmlElement, font: str) -> None:
    """Name the font for every script, dropping theme fonts (which would win over a name)."""
    fonts = rpr.get_or_add_rFonts()
    for attr in list(fonts.attrib):
        if attr.endswith("Theme") or attr.endswith("theme"):
            del fonts.attrib[attr]
    for script in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{script}"), font)


def define(  # noqa: C901 - one branch per property a style spec may set
    style: CharacterStyle, spec: StyleSpec, scale: brand.TypeScale, font: str | None
) -> None:
    """Apply spec to a style, replacing its direct look (used for our own styles only)."""
    el = style.element
    if spec.kind == "table":
        _define_table(el)
        return
    for tag in ("w:rPr",) + (("w:pPr",) if spec.kind == "paragraph" else ()):
        old = el.find(qn(tag))
        if old is not None:
            # Keep list numbering (List Bullet) but nothing else of the old look.
            num = old.find(qn("w:numPr")) if tag == "w:pPr" else None
            el.remove(old)
            if num is not None:
                el.get_or_add_pPr().append(num)
    f = style.font
    if font:
        set_fonts(el.get_or_add_rPr(), font)
    if spec.size:
        f.size = Pt(getattr(scale, spec.size))
    if spec.bold is not None:
        f.bold = spec.bold
    if spec.italic is not None:
        f.italic = spec.italic
    if spec.colour:
        f.color.rgb = RGBColor.from_string(_hex(spec.colour))
    if spec.underline:
        f.underline = True
    if spec.caps:
        f.all_caps = True
    if spec.kind != "paragraph":
        return
    assert isinstance(style, ParagraphStyle)  # add_style made it from WD_STYLE_TYPE.PARAGRAPH
    pf = style.paragraph_format
    pf.alignment = WD_ALIGN_PARAGRAPH.CENTER if spec.centred else WD_ALIGN_PARAGRAPH.LEFT
    if spec.before is not None:
        pf.space_before = Pt(spec.before)
    if spec.after is not None:
        pf.space_after = Pt(spec.after)
    if spec.leading is not None:
        pf.line_spacing = spec.leading or scale.leading
    if spec.keep_with_next:
        pf.keep_with_next = True
        pf.keep_together = True
    if spec.indent_mm:
        pf.left_indent = Mm(spec.indent_mm)
    if spec.hanging_mm:
        pf.left_indent = Mm(spec.hanging_mm)
        pf.first_line_indent = Mm(-spec.hanging_mm)
    ppr = el.get_or_add_pPr()
    if spec.outline is not None:
        ppr.get_or_add_outlineLvl().set(qn("w:val"), str(spec.outline))
    edges = []
    if spec.shade:
        # Borders in the band's own colour pad it around the text.
        edges += [_border("top", spec.shade, 4, 12), _border("left", spec.shade, 4, 8)]
    if spec.border_left:
        edges.append(_border("left", spec.border_left, 18, 8))
    if spec.border_bottom:
        edges.append(_border("bottom", spec.border_bottom, 8, 4))
    if spec.shade or spec.fill:
        shd = parse_xml(
            f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" '
            f'w:fill="{_hex(spec.shade or spec.fill)}"/>'
        )
        ppr.insert_element_before(shd, *_PPR_ORDER[_PPR_ORDER.index("w:shd") + 1 :])
    if spec.shade:
        edges.append(_border("right", spec.shade, 4, 8))
    if edges:
        bdr = parse_xml(f"<w:pBdr {nsdecls('w')}>{''.join(edges)}</w:pBdr>")
        ppr.insert_element_before(bdr, *_PPR_ORDER[_PPR_ORDER.index("w:pBdr") + 1 :])


def _define_table(el: BaseOxmlElement) -> None:
    """A plain ruled table whose header row is the heading colour behind white text (11.5:1),
    as in the PDF."""
    for child in list(el):
        if child.tag not in (qn("w:name"), qn("w:basedOn"), qn("w:uiPriority"), qn("w:qFormat")):
            el.remove(child)
    rule = _hex(brand.RULE)
    borders = "".join(
        f'<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="{rule}"/>'
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    el.append(
        parse_xml(
            f"<w:tblPr {nsdecls('w')}><w:tblBorders>{borders}</w:tblBorders>"
            '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
            '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
            "</w:tblPr>"
        )
    )
    el.append(
        parse_xml(
            f'<w:tblStylePr {nsdecls("w")} w:type="firstRow"><w:rPr><w:b/></w:rPr>'
            "<w:tblPr/><w:trPr><w:tblHeader/></w:trPr>"
            f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{_hex(brand.HEADING)}"/></w:tcPr>'
            "</w:tblStylePr>"
        )
    )


def bullet_numbering(doc: DocxDocument, font: str | None) -> str:
    """Add a one-level "•" list definition to the document; returns its numId."""
    numbering = doc.part.numbering_part.element
    abstract_ids = [
        int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))
    ]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    abstract_id = max(abstract_ids, default=-1) + 1
    num_id = max(num_ids, default=0) + 1
    # The bullet is bold and in the accent colour, as in the PDF.
    fonts = f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}"/>' if font else ""
    fonts = f'<w:rPr>{fonts}<w:b/><w:color w:val="{_hex(brand.ACCENT)}"/></w:rPr>'
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
        '<w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr>'
        f"{fonts}</w:lvl></w:abstractNum>"
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
            "</w:num>"
        )
    )
    return str(num_id)


def add_style(
    doc: DocxDocument,
    spec: StyleSpec,
    scale: brand.TypeScale,
    by_name: dict[str, BaseStyle],
    font: str | None,
) -> CharacterStyle:
    """Create a missing style from its spec, based on the document's Normal."""
    # Paragraph, character and table styles: all CharacterStyle in python-docx.
    style: CharacterStyle = doc.styles.add_style(spec.name, _TYPES[spec.kind])
    if spec.kind == "paragraph" and spec.base:
        base = by_name.get(spec.base.lower())
        if base is not None:
            style.base_style = base
    define(style, spec, scale, font)
    if spec.name == "List Bullet":
        numpr = parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/>'
            f'<w:numId w:val="{bullet_numbering(doc, font)}"/></w:numPr>'
        )
        style.element.get_or_add_pPr().insert(0, numpr)
    if spec.next_style and spec.next_style.lower() in by_name and isinstance(style, ParagraphStyle):
        style.next_paragraph_style = by_name[spec.next_style.lower()]
    if spec.name.lower() in WORD_BUILT_INS:
        # Word knows these by name (the contents field uses "toc 1"); they are not custom.
        style.element.attrib.pop(qn("w:customStyle"), None)
    style.quick_style = spec.kind == "paragraph"
    return style


def resolve(doc: DocxDocument, large_print: bool, own_template: bool) -> dict[str, str]:
    """Every style name the writer uses -> its style id, looked up in one pass over the styles.

    own_template: the bundled reference template, whose sizes follow brand.type_scale exactly.
    With a council template only missing styles are added; in large print, sizes below the
    large-print scale are raised so the document still meets it.
    """
    scale = brand.type_scale(large_print)
    by_name = {style.name.lower(): style for style in doc.styles}
    ids: dict[str, str] = {}
    for spec in SPECS:
        style = by_name.get(spec.name.lower())
        if style is None:
            style = add_style(doc, spec, scale, by_name, None)
            by_name[spec.name.lower()] = style
        elif own_template and spec.size:
            style.font.size = Pt(getattr(scale, spec.size))
        elif large_print and spec.kind == "paragraph":
            # Styles that inherit their size (List Bullet, Quote) must still reach body size.
            wanted = Pt(getattr(scale, spec.size or "body"))
            if (style.font.size is None and spec.size) or (
                style.font.size is not None and style.font.size < wanted
            ):
                style.font.size = wanted
        ids[spec.name] = style.style_id
    if own_template or large_print:
        normal = by_name["normal"]
        normal.paragraph_format.line_spacing = scale.leading
    raise_to_floor(doc, scale.body)
    return ids


def raise_to_floor(doc: DocxDocument, floor_pt: float) -> None:
    """No style in the gallery, ours or a template's, is smaller than body text (12 pt, or
    16 pt in large print): a user who picks "Heading 9" or "Body Text 3" still gets a size
    members can read. The document default is raised too, for styles that inherit it."""
    floor = round(floor_pt * 2)
    root = doc.styles.element
    defaults = root.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = parse_xml(f"<w:docDefaults {nsdecls('w')}/>")
        root.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = parse_xml(f"<w:rPrDefault {nsdecls('w')}><w:rPr/></w:rPrDefault>")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = parse_xml(f"<w:rPr {nsdecls('w')}/>")
        rpr_default.append(rpr)
    for tag in ("w:sz", "w:szCs"):
        if rpr.find(qn(tag)) is None:
            rpr.append(parse_xml(f'<{tag} {nsdecls("w")} w:val="{floor}"/>'))
    for size in [
        *rpr.iter(qn("w:sz"), qn("w:szCs")),
        *(el for style in root.iter(qn("w:style")) for el in style.iter(qn("w:sz"), qn("w:szCs"))),
    ]:
        if int(size.get(qn("w:val"), "0") or 0) < floor:
            size.set(qn("w:val"), str(floor))
