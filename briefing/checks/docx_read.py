"""Reading a .docx for the checks: its styles with what each inherits, headings, pictures.

Parses the XML parts of the zip with the standard library; nothing is written and no Word
object model is built, so a council template or a built file is read in a few milliseconds.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from xml.etree import ElementTree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


@dataclass
class StyleInfo:
    """One style with the properties it sets itself (None: inherited)."""

    style_id: str
    name: str
    kind: str  # paragraph | character | table | numbering
    based_on: str = ""
    size_pt: float | None = None
    colour: str | None = None  # "RRGGBB", or "auto"
    fill: str | None = None  # shading behind the text, "RRGGBB"
    bold: bool | None = None
    language: str | None = None
    outline: int | None = None  # 0-based outline level


@dataclass
class Styles:
    by_id: dict[str, StyleInfo] = field(default_factory=dict)
    default_size_pt: float | None = None
    default_colour: str | None = None
    default_language: str | None = None

    def by_name(self, name: str) -> StyleInfo | None:
        wanted = name.lower()
        return next((s for s in self.by_id.values() if s.name.lower() == wanted), None)

    def inherited(self, style: StyleInfo, attr: str) -> object:
        """The style's own value of attr, else its base style's, else None."""
        seen: set[str] = set()
        current: StyleInfo | None = style
        while current is not None and current.style_id not in seen:
            value = getattr(current, attr)
            if value is not None:
                return value
            seen.add(current.style_id)
            current = self.by_id.get(current.based_on)
        return None

    def size(self, style: StyleInfo) -> float:
        """Effective size in points (Word's own default is 10 pt when nothing sets one)."""
        value = self.inherited(style, "size_pt")
        if value is None:
            value = self.default_size_pt
        return float(value) if isinstance(value, int | float) else 10.0

    def colour(self, style: StyleInfo) -> str:
        value = self.inherited(style, "colour") or self.default_colour or "auto"
        return str(value)

    def language(self, style: StyleInfo | None) -> str | None:
        value = self.inherited(style, "language") if style is not None else None
        return str(value) if value else self.default_language

    def outline(self, style_id: str) -> int | None:
        """Heading level (1-based) a paragraph in this style has, or None for body text."""
        style = self.by_id.get(style_id)
        if style is None:
            return None
        level = self.inherited(style, "outline")
        if isinstance(level, int) and level < 9:
            return level + 1
        name = style.name.lower()
        if name.startswith("heading ") and name[8:].isdigit():
            return int(name[8:])
        return None


def open_docx(data: bytes) -> zipfile.ZipFile | None:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return None


def part(archive: zipfile.ZipFile, name: str) -> ElementTree.Element | None:
    """The part's XML, parsed once however many rules read it (never change what it returns)."""
    try:
        return _parsed(archive.read(name))
    except (KeyError, ElementTree.ParseError):
        return None


@lru_cache(maxsize=8)
def _parsed(xml: bytes) -> ElementTree.Element:
    return ElementTree.fromstring(xml)


def _val(el: ElementTree.Element | None, attr: str = "val") -> str | None:
    return None if el is None else el.get(W + attr)


def _run_props(rpr: ElementTree.Element | None, into: StyleInfo) -> None:
    if rpr is None:
        return
    size = _val(rpr.find(W + "sz"))
    if size and size.isdigit():
        into.size_pt = int(size) / 2
    colour = _val(rpr.find(W + "color"))
    if colour:
        into.colour = colour.upper() if colour != "auto" else "auto"
    shd = rpr.find(W + "shd")
    if shd is not None and (_val(shd, "fill") or "auto") != "auto":
        into.fill = str(_val(shd, "fill")).upper()
    bold = rpr.find(W + "b")
    if bold is not None:
        into.bold = _val(bold) not in ("0", "false", "off")
    lang = _val(rpr.find(W + "lang"))
    if lang:
        into.language = lang


def read_styles(archive: zipfile.ZipFile) -> Styles:
    root = part(archive, "word/styles.xml")
    styles = Styles()
    if root is None:
        return styles
    defaults = StyleInfo("", "", "")
    _run_props(root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr"), defaults)
    styles.default_size_pt, styles.default_colour = defaults.size_pt, defaults.colour
    styles.default_language = defaults.language
    for el in root.iter(W + "style"):
        info = StyleInfo(
            style_id=el.get(W + "styleId", ""),
            name=_val(el.find(W + "name")) or "",
            kind=el.get(W + "type", "paragraph"),
            based_on=_val(el.find(W + "basedOn")) or "",
        )
        _run_props(el.find(W + "rPr"), info)
        ppr = el.find(W + "pPr")
        if ppr is not None:
            level = _val(ppr.find(W + "outlineLvl"))
            if level is not None and level.isdigit():
                info.outline = int(level)
            shd = ppr.find(W + "shd")
            if shd is not None and (_val(shd, "fill") or "auto") != "auto" and info.fill is None:
                info.fill = str(_val(shd, "fill")).upper()
        styles.by_id[info.style_id] = info
    return styles


def page_colour(archive: zipfile.ZipFile) -> str:
    """The page's background colour ("FFFFFF" unless the document sets one)."""
    root = part(archive, "word/document.xml")
    background = root.find(W + "background") if root is not None else None
    colour = _val(background, "color") if background is not None else None
    return colour.upper() if colour and colour != "auto" else "FFFFFF"


def pictures(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(name, description) of each picture in the body, headers and footers."""
    found: list[tuple[str, str]] = []
    for name in archive.namelist():
        if not (
            name.startswith("word/")
            and name.endswith(".xml")
            and name.split("/")[-1].startswith(("document", "header", "footer"))
        ):
            continue
        xml = _usual_xml(archive, name)
        if xml is not None and 'xmlns:wp="' + WP[1:-1] + '"' in xml:
            for attributes in _DOC_PR.findall(xml):
                values = dict(_ATTRIBUTE.findall(attributes))
                found.append(
                    (
                        html.unescape(values.get("name", "picture")),
                        html.unescape(values.get("descr", "")).strip(),
                    )
                )
            continue
        root = part(archive, name)
        for doc_pr in root.iter(WP + "docPr") if root is not None else ():
            found.append((doc_pr.get("name", "picture"), doc_pr.get("descr", "").strip()))
    return found


# A long briefing's document.xml is a few megabytes: where it is written as Word and
# python-docx write it ("w:" for WordprocessingML), what the checks need is read with one scan
# rather than a parse. Anything else is parsed.
_PARAGRAPH = re.compile(r"<w:p(?:\s[^>]*)?(?<!/)>(.*?)</w:p>", re.S)
_STYLE = re.compile(r'<w:pStyle\s+w:val="([^"]*)"')
_OUTLINE = re.compile(r'<w:outlineLvl\s+w:val="(\d+)"')
_DOC_PR = re.compile(r"<wp:docPr\s([^>]*)>")
_ATTRIBUTE = re.compile(r'([\w:]+)="([^"]*)"')


def _usual_xml(archive: zipfile.ZipFile, name: str) -> str | None:
    """The part's text when it names WordprocessingML "w:" as Word does; else None."""
    try:
        xml = archive.read(name).decode("utf-8")
    except (KeyError, UnicodeDecodeError):
        return None
    return xml if 'xmlns:w="' + W[1:-1] + '"' in xml else None


_RUN_TEXT = re.compile(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>")
# A paragraph's start, a run of text, a tab or a line break: the body's text in one scan. A
# tracked deletion's words are text too: Word shows them struck through in its redline.
_BODY = re.compile(
    r"<w:p[\s>/]|<w:(?:t|delText)(?:\s[^>]*)?>([^<]*)</w:(?:t|delText)>"
    r"|<w:(?:tab|br|cr)[\s/>]"
)


def body_text(data: bytes, between: str = " ") -> str:
    """The text of the document's body in reading order (paragraphs, tables, the contents
    field's entries), `between` before each paragraph; "" for a file that is not a Word file."""
    archive = open_docx(data)
    if archive is None:
        return ""
    with archive:
        xml = _usual_xml(archive, "word/document.xml")
        root = part(archive, "word/document.xml") if xml is None else None
    if root is not None:
        return _parsed_text(root, between)
    parts: list[str] = []
    for match in _BODY.finditer(xml or ""):
        text = match.group(1)
        if text is not None:
            parts.append(html.unescape(text) if "&" in text else text)
        else:
            parts.append(between if match.group().startswith("<w:p") else " ")
    return "".join(parts)


def _parsed_text(root: ElementTree.Element, between: str) -> str:
    parts: list[str] = []
    for element in root.iter():
        if element.tag in (W + "t", W + "delText"):
            parts.append(element.text or "")
        elif element.tag == W + "p":
            parts.append(between)
        elif element.tag in (W + "tab", W + "br", W + "cr"):
            parts.append(" ")
    return "".join(parts)


def heading_levels(data: bytes, styles: Styles) -> list[tuple[int, str]]:
    """(heading level, text) of each heading paragraph of the body, in order."""
    archive = open_docx(data)
    if archive is None:
        return []
    with archive:
        xml = _usual_xml(archive, "word/document.xml")
        if xml is not None and "txbxContent" not in xml:  # no paragraph inside another
            return _levels_scanned(xml, styles)
        root = part(archive, "word/document.xml")
    found: list[tuple[int, str]] = []
    for para in root.iter(W + "p") if root is not None else ():
        ppr = para.find(W + "pPr")
        level = None
        if ppr is not None:
            direct = _val(ppr.find(W + "outlineLvl"))
            if direct is not None and direct.isdigit() and int(direct) < 9:
                level = int(direct) + 1
            elif (style := _val(ppr.find(W + "pStyle"))) is not None:
                level = styles.outline(style)
        if level is not None:
            found.append((level, "".join(t.text or "" for t in para.iter(W + "t")).strip()))
    return found


def _levels_scanned(xml: str, styles: Styles) -> list[tuple[int, str]]:
    """heading_levels, from the places a heading style or an outline level is set (a few
    hundred in a long briefing), not from every paragraph."""
    heading_styles = {
        style_id: level
        for style_id in styles.by_id
        if (level := styles.outline(style_id)) is not None
    }
    by_end: dict[int, tuple[int, bool]] = {}  # paragraph end -> (level, set on the paragraph)
    for match in _STYLE.finditer(xml):
        level = heading_styles.get(html.unescape(match.group(1)))
        if level is not None:
            by_end.setdefault(xml.find("</w:p>", match.end()), (level, False))
    for match in _OUTLINE.finditer(xml):
        if int(match.group(1)) < 9:  # an outline level set on the paragraph itself wins
            by_end[xml.find("</w:p>", match.end())] = (int(match.group(1)) + 1, True)
    found: list[tuple[int, str]] = []
    for end, (level, _) in sorted(by_end.items()):
        if end < 0:
            continue
        start = xml.rfind("<w:pPr", 0, end)
        text = "".join(_RUN_TEXT.findall(xml, start, end))
        found.append((level, (html.unescape(text) if "&" in text else text).strip()))
    return found
