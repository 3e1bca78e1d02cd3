"""WordprocessingML pieces python-docx has no API for: fields, bookmarks, links, the watermark.

Every piece is built as XML elements with text set through lxml, so text from a pack is always
escaped, never parsed as XML.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, cast

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import oxml_parser

if TYPE_CHECKING:
    from docx.oxml.xmlchemy import BaseOxmlElement

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W_MAP = {"w": _W_NS}
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def w(tag: str) -> BaseOxmlElement:
    """A new w: element (python-docx's own class for it), made without re-parsing the prefix:
    a long pack creates hundreds of thousands of these."""
    return cast("BaseOxmlElement", oxml_parser.makeelement(f"{{{_W_NS}}}{tag}", nsmap=_W_MAP))


# Characters XML 1.0 cannot carry (control characters, lone surrogates) are dropped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def bookmark_name(anchor: str) -> str:
    """Word bookmark names: a letter first, then letters, digits and _ (at most 40)."""
    name = re.sub(r"[^A-Za-z0-9_]", "_", anchor)
    if not name[:1].isalpha():
        name = f"h_{name}"
    return name[:40]


def _flag(tag: str, value: str = "") -> BaseOxmlElement:
    el = w(tag)
    if value:
        el.set(f"{{{_W_NS}}}val", value)
    return el


def set_size(run: BaseOxmlElement, size_pt: float) -> None:
    """Give a run its own size (w:sz and w:szCs, after the other run properties)."""
    rpr = run.find(qn("w:rPr"))
    if rpr is None:
        rpr = w("rPr")
        run.insert(0, rpr)
    lang = rpr.find(qn("w:lang"))  # the language comes after the size in the schema
    for tag in ("sz", "szCs"):
        made = _flag(tag, str(round(size_pt * 2)))
        if lang is None:
            rpr.append(made)
        else:
            lang.addprevious(made)


def text_run(
    text: str, style_id: str = "", bold: bool = False, italic: bool = False, lang: str = ""
) -> BaseOxmlElement:
    """A run of literal text, built directly rather than through python-docx's run API, which
    is several times slower. `lang` is the text's language when not the document's ("cy":
    Welsh, so Word checks its spelling in Welsh and reads it aloud as Welsh)."""
    r = w("r")
    if style_id or bold or italic or lang:
        rpr = w("rPr")  # children in schema order: rStyle, b, i, lang
        if style_id:
            rpr.append(_flag("rStyle", style_id))
        if bold:
            rpr.append(_flag("b"))
        if italic:
            rpr.append(_flag("i"))
        if lang:
            rpr.append(_flag("lang", lang if "-" in lang else f"{lang}-GB"))
        r.append(rpr)
    text = clean(text)
    if "\t" in text or "\n" in text:
        r.text = text  # CT_R.text turns \t and \n into w:tab and w:br
    elif text:
        t = w("t")
        t.set(_SPACE, "preserve")
        t.text = text
        r.append(t)
    return r


def tracked(
    run: BaseOxmlElement, inserted: bool, change_id: int, author: str, when: str
) -> BaseOxmlElement:
    """A run as a tracked insertion (w:ins) or deletion (w:del, its text as w:delText), with
    who made it and when, as Word's Review pane lists them."""
    wrapper = w("ins" if inserted else "del")
    wrapper.set(qn("w:id"), str(change_id))
    wrapper.set(qn("w:author"), clean(author) or "Briefing")
    if when:
        wrapper.set(qn("w:date"), when)
    if not inserted:
        for t in run.findall(qn("w:t")):
            t.tag = qn("w:delText")
    wrapper.append(run)
    return wrapper


def paragraph(style_id: str) -> BaseOxmlElement:
    p, ppr = w("p"), w("pPr")
    ppr.append(_flag("pStyle", style_id))
    p.append(ppr)
    return p


def _fld_char(kind: str) -> BaseOxmlElement:
    r = OxmlElement("w:r")
    fc = OxmlElement("w:fldChar")
    fc.set(qn("w:fldCharType"), kind)
    r.append(fc)
    return r


def _instr(code: str) -> BaseOxmlElement:
    r = OxmlElement("w:r")
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = f" {code} "
    r.append(it)
    return r


def field_begin(code: str) -> list[BaseOxmlElement]:
    """The runs that open a complex field up to its cached result."""
    return [_fld_char("begin"), _instr(code), _fld_char("separate")]


def field_end() -> BaseOxmlElement:
    return _fld_char("end")


def field(code: str, cached: str) -> list[BaseOxmlElement]:
    """A whole complex field (PAGE, NUMPAGES, PAGEREF) with a cached result to show meanwhile."""
    return [*field_begin(code), text_run(cached), field_end()]


def bookmark(p: BaseOxmlElement, name: str, bm_id: int) -> None:
    """Wrap everything in paragraph p (after its properties) in a bookmark."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(bm_id))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(bm_id))
    ppr = p.pPr
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


def _hyperlink(attribute: str, value: str, runs: list[BaseOxmlElement]) -> BaseOxmlElement:
    link = OxmlElement("w:hyperlink")
    link.set(qn(attribute), value)
    link.set(qn("w:history"), "1")
    for r in runs:
        link.append(r)
    return link


def external_link(r_id: str, runs: list[BaseOxmlElement]) -> BaseOxmlElement:
    """A link to a web or email address held in the part's relationships."""
    return _hyperlink("r:id", r_id, runs)


def internal_link(anchor: str, runs: list[BaseOxmlElement]) -> BaseOxmlElement:
    """A link to a bookmark in the document (used by the contents)."""
    return _hyperlink("w:anchor", anchor, runs)


def clear_tab(p: BaseOxmlElement, pos_twips: str) -> None:
    """Switch off a tab stop the paragraph's style sets (a template's Footer has centre and
    right stops that would pull "Page N of M" to the middle)."""
    tab = OxmlElement("w:tab")
    tab.set(qn("w:val"), "clear")
    tab.set(qn("w:pos"), pos_twips)
    p.get_or_add_pPr().get_or_add_tabs().append(tab)


def right_tab(p: BaseOxmlElement, pos_twips: int, leader: str = "") -> None:
    tabs = p.get_or_add_pPr().get_or_add_tabs()
    tab = OxmlElement("w:tab")
    tab.set(qn("w:val"), "right")
    if leader:
        tab.set(qn("w:leader"), leader)
    tab.set(qn("w:pos"), str(pos_twips))
    tabs.append(tab)


_V = "urn:schemas-microsoft-com:vml"
_O = "urn:schemas-microsoft-com:office:office"
_W10 = "urn:schemas-microsoft-com:office:word"

_SHAPETYPE = """<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800"
 path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas><v:f eqn="sum #0 0 10800"/>
<v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/>
<v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/>
<v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/>
<v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>
<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800"
 o:connectangles="270,180,90,0"/><v:textpath on="t" fitshape="t"/>
<v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>
<o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>"""


def watermark_run(
    text: str, colour: str, font: str, width_pt: float, shape_id: int
) -> BaseOxmlElement:
    """A diagonal text watermark as Word makes it: a VML text path in a header, behind the text."""
    height = width_pt / 3
    style = (
        f"position:absolute;margin-left:0;margin-top:0;width:{width_pt:.1f}pt;"
        f"height:{height:.1f}pt;rotation:315;z-index:-251657216;"
        "mso-position-horizontal:center;mso-position-horizontal-relative:margin;"
        "mso-position-vertical:center;mso-position-vertical-relative:margin"
    )
    xml = (
        f'<w:r {nsdecls("w")} xmlns:v="{_V}" xmlns:o="{_O}" xmlns:w10="{_W10}">'
        f"<w:pict>{_SHAPETYPE}"
        f'<v:shape id="BriefingWaterMark{shape_id}" o:spid="_x0000_s{2049 + shape_id}" '
        f'type="#_x0000_t136" style="{style}" o:allowincell="f" '
        f'fillcolor="#{colour.lstrip("#")}" stroked="f">'
        '<v:fill opacity=".5"/><v:textpath style="font-family:&quot;'
        f'{font}&quot;;font-size:1pt" string=""/>'
        '<w10:wrap anchorx="margin" anchory="margin"/></v:shape></w:pict></w:r>'
    )
    run = parse_xml(xml)
    # The text goes in through lxml, so it is escaped whatever it contains.
    run.find(f".//{{{_V}}}shape/{{{_V}}}textpath").set("string", clean(text))
    return run


# Children of w:settings in schema order, from w:updateFields on (Word rejects misordered
# settings), so new elements can be put before the first of these that is present.
_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)


def _insert_setting(
    settings: BaseOxmlElement, tag: str, successors: tuple[str, ...]
) -> BaseOxmlElement:
    existing: BaseOxmlElement | None = settings.find(qn(tag))
    if existing is not None:
        return existing
    el = OxmlElement(tag)
    for succ in successors:
        found = settings.find(qn(succ))
        if found is not None:
            found.addprevious(el)
            return el
    settings.append(el)
    return el


def update_fields_on_open(settings: BaseOxmlElement) -> None:
    _insert_setting(settings, "w:updateFields", _AFTER_UPDATE_FIELDS).set(qn("w:val"), "true")


_WORD_URI = "http://schemas.microsoft.com/office/word"


def modern_compatibility(settings: BaseOxmlElement) -> None:
    """Word 2013 and later layout (compatibilityMode 15), so Word opens the file as a modern
    document rather than in Compatibility Mode, whatever template it came from."""
    i = _AFTER_UPDATE_FIELDS.index("w:compat")
    compat = _insert_setting(settings, "w:compat", _AFTER_UPDATE_FIELDS[i + 1 :])
    for old in compat.findall(qn("w:compatSetting")):
        if old.get(qn("w:name")) == "compatibilityMode":
            old.set(qn("w:val"), "15")
            return
    setting = OxmlElement("w:compatSetting")
    setting.set(qn("w:name"), "compatibilityMode")
    setting.set(qn("w:uri"), _WORD_URI)
    setting.set(qn("w:val"), "15")
    compat.append(setting)


def theme_font_lang(settings: BaseOxmlElement, language: str) -> None:
    i = _AFTER_UPDATE_FIELDS.index("w:themeFontLang")
    _insert_setting(settings, "w:themeFontLang", _AFTER_UPDATE_FIELDS[i + 1 :]).set(
        qn("w:val"), language
    )


def default_language(styles_element: BaseOxmlElement, language: str) -> None:
    """w:lang in the style defaults, so spelling and screen readers use UK English."""
    defaults = styles_element.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles_element.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        # w:lang comes after fonts, sizes and effects in rPr; at the end it is in order.
        eastasian = rpr.find(qn("w:eastAsianLayout"))
        if eastasian is not None:
            eastasian.addprevious(lang)
        else:
            rpr.append(lang)
    lang.set(qn("w:val"), language)
