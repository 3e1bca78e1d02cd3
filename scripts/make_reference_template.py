"""Regenerate assets/templates/reference.docx, the Word template every briefing starts from.

Run from the repository root:  python scripts/make_reference_template.py

It starts from python-docx's own default template, removes its theme fonts and leftovers
(thumbnail, Word 2010 style copy, author), defines every style the writer uses from
briefing.export.docx.styles (Arial, brand colours, the standard type scale), sets UK English and
A4 page setup, and saves the result. The writer re-applies sizes per document, so the large-print
scale needs no template of its own.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.oxml.xmlchemy import BaseOxmlElement

import docx
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.export.common import brand  # noqa: E402
from briefing.export.docx import styles as docx_styles  # noqa: E402
from briefing.export.docx import wordml as x  # noqa: E402

TARGET = ROOT / "assets" / "templates" / "reference.docx"
FIXED_TIME = datetime(2025, 1, 1)  # a stable timestamp keeps the committed file reproducible


def _drop_theme_fonts(styles_el: BaseOxmlElement) -> None:
    """Theme font references win over a named font in Word: remove them everywhere."""
    for fonts in styles_el.iter(qn("w:rFonts")):
        for attr in list(fonts.attrib):
            if "Theme" in attr or attr.endswith("}cstheme"):
                del fonts.attrib[attr]
        if not len(fonts.attrib):
            fonts.getparent().remove(fonts)


def _defaults(styles_el: BaseOxmlElement) -> None:
    rpr = styles_el.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    docx_styles.set_fonts(rpr, brand.DOCX_FONT)
    size = Pt(brand.STANDARD.body).pt * 2
    for tag in ("w:sz", "w:szCs"):
        rpr.find(qn(tag)).set(qn("w:val"), str(int(size)))
    x.default_language(styles_el, "en-GB")
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:eastAsia"), "en-GB")


# Styles Word needs in every document besides the writer's own.
_ESSENTIAL = {
    "normal",
    "default paragraph font",
    "normal table",
    "table normal",
    "no list",
    "table grid",
}


def _trim_gallery(styles_el: BaseOxmlElement) -> None:
    """Keep only the styles a briefing uses (and Word's essentials), so the gallery offers
    what a user needs instead of python-docx's 160-odd leftovers; latent styles stay out of
    the gallery until used."""
    wanted = {spec.name.lower() for spec in docx_styles.SPECS} | _ESSENTIAL
    names = {}
    for style in styles_el.findall(qn("w:style")):
        name_el = style.find(qn("w:name"))
        names[style.get(qn("w:styleId"))] = (
            name_el.get(qn("w:val")) if name_el is not None else ""
        ).lower()
    keep = {sid for sid, name in names.items() if name in wanted}
    # Linked character styles ("Heading 1 Char") and bases of kept styles stay too.
    for style in styles_el.findall(qn("w:style")):
        if style.get(qn("w:styleId")) in keep:
            for ref in ("w:link", "w:basedOn", "w:next"):
                el = style.find(qn(ref))
                if el is not None:
                    keep.add(el.get(qn("w:val")))
    for style in styles_el.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in keep:
            styles_el.remove(style)
    latent = styles_el.find(qn("w:latentStyles"))
    if latent is not None:
        latent.set(qn("w:defQFormat"), "0")
        for exception in latent.findall(qn("w:lsdException")):
            if exception.get(qn("w:name"), "").lower() not in wanted:
                exception.attrib.pop(qn("w:qFormat"), None)


def build() -> Path:
    doc = docx.Document()
    pkg = doc.part.package
    for r_id, rel in list(pkg.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            pkg.rels.pop(r_id)
    for r_id, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            doc.part.rels.pop(r_id)

    styles_el = doc.styles.element
    _drop_theme_fonts(styles_el)
    _defaults(styles_el)

    scale = brand.STANDARD
    by_name = {style.name.lower(): style for style in doc.styles}
    for spec in docx_styles.SPECS:
        style = by_name.get(spec.name.lower())
        font = brand.DOCX_FONT if spec.name == "Normal" else None
        if style is None:
            style = docx_styles.add_style(doc, spec, scale, by_name, font)
            by_name[spec.name.lower()] = style
        else:
            docx_styles.define(style, spec, scale, font)
        style.hidden = False
        style.unhide_when_used = False
        if spec.kind == "paragraph" and spec.name != "Normal":
            style.quick_style = True

    # Bullets as "•" in the body font, not Symbol-font private-use characters.
    num_id = docx_styles.bullet_numbering(doc, brand.DOCX_FONT)
    bullet = by_name["list bullet"].element
    bullet.pPr.numPr.numId.set(qn("w:val"), num_id)

    section = doc.sections[0]
    width, height = brand.PAPER_MM["A4"]
    margin = brand.MARGIN_MM["A4"]
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.left_margin = section.right_margin = Mm(margin)
    section.top_margin = section.bottom_margin = Mm(margin + 4)

    settings = doc.settings.element
    x.theme_font_lang(settings, "en-GB")
    x.modern_compatibility(settings)
    _trim_gallery(styles_el)

    core = doc.core_properties
    core.author = core.last_modified_by = core.comments = core.title = ""
    core.language = "en-GB"
    core.revision = 1
    core.created = core.modified = FIXED_TIME

    TARGET.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(TARGET))
    return TARGET


if __name__ == "__main__":
    print(build())
