"""The HTML version's stylesheet (assets/html/briefing.css), filled in from the house style of
the PDF and Word files (brand.py).

Type sizes come from the same scale as the PDF: 12 pt body text is 1rem (16 CSS pixels), so a
reader's own browser text size still applies. One column that reflows down to 320 pixels (a
phone, or 400% zoom) with no sideways scrolling, the system's sans-serif font (no web fonts),
visible focus, and a print stylesheet with the marking and page numbers on every page.
"""

from __future__ import annotations

from functools import lru_cache
from string import Template
from typing import TYPE_CHECKING

from briefing.errors import BriefingError
from briefing.export.common import brand
from briefing.export.html.elements import Stylesheet
from briefing.files.shipped import asset

if TYPE_CHECKING:
    from briefing.document.model import DocumentMeta

FONT_STACK = 'Arial, "Liberation Sans", "Helvetica Neue", Helvetica, sans-serif'
WHITE = "#FFFFFF"
STRIPE = "#EEF3F7"  # every other table row, as in the PDF
FOCUS = "#FFDD00"  # focus highlight (GOV.UK's): black text on it is 14:1
FOCUS_TEXT = "#0B0C0C"
# Tracked changes in a redline: pale tints behind the text (15:1 and more), as well as the
# underline and the line through, so a change never rests on colour alone.
INSERTED_BACKGROUND = "#E6F4EA"
DELETED_BACKGROUND = "#FCE8E6"
# The house colours the stylesheet names, each as its lower-case name (TEXT is $text).
_BRAND_COLOURS = ("TEXT", "LINK", "HEADING", "ACCENT", "MUTED", "RULE", "DRAFT_MARK")


def _rem(points: float) -> str:
    """A type size in points as rem, where the 12 pt body size is 1rem."""
    return f"{points / 12:.4g}rem"


def css_string(text: str) -> str:
    """text as a quoted CSS string: every character but ASCII letters and digits is written as
    a six-digit escape, so nothing in it can end the string or the stylesheet. (Spaces are
    escaped too: CSS would swallow a space that follows an escape.)"""
    out = []
    for ch in " ".join(text.split()):
        out.append(ch if ch.isascii() and ch.isalnum() else f"\\{ord(ch):06x}")
    return '"' + "".join(out) + '"'


def stylesheet(meta: DocumentMeta) -> Stylesheet:
    """The stylesheet asset (assets/html/briefing.css) with the house style filled in for meta's
    type scale, paper and marking. A placeholder left unfilled is a BriefingError."""
    s = brand.type_scale(meta.large_print)
    paper = meta.paper if meta.paper in brand.PAPER_MM else "A4"
    margin = brand.MARGIN_MM[paper]
    colours = {name.lower(): getattr(brand, name) for name in _BRAND_COLOURS}
    sizes = {
        f"{name}_size": _rem(getattr(s, name))
        for name in ("body", "small", "subtitle", "title", "h1", "h2", "h3", "byline")
    }
    values = {
        **colours,
        **sizes,
        "white": WHITE,
        "stripe": STRIPE,
        "focus": FOCUS,
        "focus_text": FOCUS_TEXT,
        "inserted_background": INSERTED_BACKGROUND,
        "deleted_background": DELETED_BACKGROUND,
        "font_stack": FONT_STACK,
        "leading": s.leading,
        "print_body_pt": s.body,
        "paper": paper,
        "margin": margin,
        "margin_bottom": margin + 4,
        "marking": css_string(meta.marking) if meta.marking else "none",
        "furniture": f"font-family: {FONT_STACK}; font-size: {s.small}pt; color: {brand.TEXT};",
        "muted_furniture": f"font-family: {FONT_STACK}; font-size: {s.small}pt; "
        f"color: {brand.MUTED};",
        "draft_size": f"{brand.PAPER_MM[paper][0] / 4.2:.0f}",
    }
    try:
        return Stylesheet(_template().substitute(values))
    except (KeyError, ValueError) as exc:
        raise BriefingError(
            f"The web page's stylesheet {asset('html', 'briefing.css')} has a "
            f"placeholder the writer does not fill in ({exc}). Reinstall "
            "Briefing to restore it."
        ) from exc


@lru_cache(maxsize=1)
def _template() -> Template:
    path = asset("html", "briefing.css")
    try:
        return Template(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BriefingError(
            f"Cannot read the web page's stylesheet {path}: "
            f"{exc.strerror or exc}. Reinstall Briefing to restore it."
        ) from exc
