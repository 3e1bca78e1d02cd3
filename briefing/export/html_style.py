"""The HTML version's stylesheet, in the house style of the PDF and Word files (brand.py).

Type sizes come from the same scale as the PDF: 12 pt body text is 1rem (16 CSS pixels), so a
reader's own browser text size still applies. One column that reflows down to 320 pixels (a
phone, or 400% zoom) with no sideways scrolling, the system's sans-serif font (no web fonts),
visible focus, and a print stylesheet with the marking and page numbers on every page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.export import brand
from briefing.export.html_elements import Stylesheet

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
    s = brand.type_scale(meta.large_print)
    paper = meta.paper if meta.paper in brand.PAPER_MM else "A4"
    margin = brand.MARGIN_MM[paper]
    marking = css_string(meta.marking) if meta.marking else "none"
    screen = f"""
:root {{ color-scheme: light; }}
*, *::before, *::after {{ box-sizing: border-box; }}
html {{ -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }}
body {{ margin: 0; background: {WHITE}; color: {brand.TEXT}; font-family: {FONT_STACK};
  font-size: {_rem(s.body)}; line-height: {s.leading}; overflow-wrap: break-word; }}
p, li, caption, figcaption, h1, h2, h3, h4 {{ overflow-wrap: anywhere; }}
.wrap {{ max-width: 46rem; margin: 0 auto; padding: 0 1.25rem; }}
.visually-hidden {{ position: absolute !important; width: 1px; height: 1px; margin: -1px;
  padding: 0; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); border: 0;
  white-space: nowrap; }}
ins {{ text-decoration: underline; text-decoration-thickness: 0.12em;
  text-underline-offset: 0.15em; background: {INSERTED_BACKGROUND}; color: {brand.TEXT}; }}
del {{ text-decoration: line-through; text-decoration-thickness: 0.12em;
  background: {DELETED_BACKGROUND}; color: {brand.TEXT}; }}
ins::before, ins::after, del::before, del::after {{ position: absolute; width: 1px;
  height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%);
  white-space: nowrap; }}
ins::before {{ content: " inserted text: "; }}
ins::after {{ content: " (end of inserted text) "; }}
del::before {{ content: " deleted text: "; }}
del::after {{ content: " (end of deleted text) "; }}
a {{ color: {brand.LINK}; text-decoration: underline; text-underline-offset: 0.15em; }}
a:hover {{ text-decoration-thickness: 0.15em; }}
a:focus-visible {{ outline: 3px solid transparent; color: {FOCUS_TEXT};
  background-color: {FOCUS}; box-shadow: 0 -2px {FOCUS}, 0 4px {FOCUS_TEXT};
  text-decoration: none; }}
:focus-visible {{ outline: 3px solid {FOCUS_TEXT}; outline-offset: 2px; }}
.skip-link {{ position: absolute; left: 1rem; top: -20rem; z-index: 10; padding: 0.5rem 1rem;
  background: {FOCUS}; color: {FOCUS_TEXT}; font-weight: bold; }}
.skip-link:focus {{ top: 0.5rem; }}
.masthead {{ background: {brand.HEADING}; color: {WHITE};
  border-bottom: 0.4rem solid {brand.ACCENT}; }}
.marking {{ margin: 0; text-align: center; font-weight: bold; font-size: {_rem(s.small)};
  letter-spacing: 0.03em; }}
.masthead .marking {{ padding-top: 0.75rem; }}
.band {{ padding-top: 1.5rem; padding-bottom: 1.75rem; }}
.kind {{ margin: 0 0 0.2rem; font-weight: bold; text-transform: uppercase;
  letter-spacing: 0.04em; }}
.organisation {{ margin: 0; font-weight: bold; font-size: {_rem(s.subtitle)};
  line-height: 1.25; }}
.cover {{ padding: 2.25rem 0 1.5rem; }}
.logo {{ margin: 0 0 2rem; }}
.logo img, .picture img {{ display: block; max-width: 100%; height: auto; }}
h1 {{ margin: 0 0 0.5rem; color: {brand.HEADING}; font-size: {_rem(s.title)};
  line-height: 1.15; }}
.subtitle {{ margin: 0 0 1.25rem; color: {brand.MUTED}; font-size: {_rem(s.subtitle)};
  line-height: 1.3; }}
.details {{ border-top: 0.2rem solid {brand.ACCENT}; width: fit-content; min-width: 35%;
  max-width: 100%; padding-top: 1rem; }}
.details p {{ margin: 0 0 0.35rem; }}
.date {{ font-weight: bold; }}
.draft-label {{ display: inline-block; margin: 1rem 0 0; padding: 0.1rem 0.6rem;
  border: 2px solid {brand.ACCENT}; color: {brand.ACCENT}; font-weight: bold;
  letter-spacing: 0.12em; }}
h2, h3, h4 {{ line-height: 1.2; }}
h2 {{ margin: 2.25rem 0 0.75rem; padding-bottom: 0.3rem; color: {brand.HEADING};
  font-size: {_rem(s.h1)}; border-bottom: 1px solid {brand.RULE}; }}
h3 {{ margin: 2rem 0 0.35rem; color: {brand.HEADING}; font-size: {_rem(s.h2)}; }}
h4 {{ margin: 1.35rem 0 0.4rem; color: {brand.ACCENT}; font-size: {_rem(s.h3)}; }}
p {{ margin: 0 0 0.75rem; }}
.lead {{ font-size: 1.15em; }}
.byline {{ margin-bottom: 0.9rem; color: {brand.MUTED}; font-size: {_rem(s.byline)}; }}
.note {{ color: {brand.MUTED}; font-size: {_rem(s.small)}; }}
ul {{ margin: 0 0 1rem; padding-left: 1.5rem; }}
li {{ margin: 0 0 0.35rem; }}
li::marker {{ color: {brand.ACCENT}; }}
ul.references {{ list-style: none; padding-left: 0; }}
ul.references li {{ margin-bottom: 0.6rem; padding-left: 1.5rem; text-indent: -1.5rem; }}
.contents {{ margin: 1.5rem 0 2.25rem; }}
.contents ul {{ list-style: none; margin: 0; padding-left: 0; }}
.contents ul ul {{ margin: 0.3rem 0 0.6rem; padding-left: 1.5rem; }}
.contents li {{ margin: 0.3rem 0; }}
.contents > ul > li > a {{ font-weight: bold; color: {brand.HEADING}; }}
.quote {{ margin: 0.5rem 0 1.25rem 1.5rem; padding-left: 0.9rem;
  border-left: 0.25rem solid {brand.ACCENT}; }}
.quote blockquote {{ margin: 0; font-style: italic; }}
.quote blockquote p {{ margin: 0 0 0.3rem; }}
.quote figcaption {{ color: {brand.MUTED}; font-size: {_rem(s.byline)}; }}
table {{ width: 100%; margin: 0 0 1.25rem; border-collapse: collapse; }}
caption {{ margin-bottom: 0.4rem; text-align: left; font-weight: bold;
  color: {brand.HEADING}; }}
th, td {{ padding: 0.4rem 0.5rem; text-align: left; vertical-align: top;
  border-bottom: 1px solid {brand.RULE}; }}
thead th {{ background: {brand.HEADING}; color: {WHITE}; }}
tbody tr:nth-child(even) {{ background: {STRIPE}; }}
@media (max-width: 30em) {{ th, td {{ padding: 0.35rem 0.25rem; }} }}
.picture {{ margin: 0 0 1rem; }}
.page-foot {{ margin-top: 3rem; padding: 1rem 0 2rem; border-top: 1px solid {brand.RULE};
  color: {brand.MUTED}; font-size: {_rem(s.small)}; }}
.page-foot p {{ margin: 0 0 0.35rem; }}
.page-foot .marking {{ color: {brand.TEXT}; }}
"""
    furniture = f"font-family: {FONT_STACK}; font-size: {s.small}pt; color: {brand.TEXT};"
    muted = f"font-family: {FONT_STACK}; font-size: {s.small}pt; color: {brand.MUTED};"
    page = f"""
@page {{ size: {paper}; margin: {margin}mm {margin}mm {margin + 4}mm;
  @top-center {{ content: {marking}; font-weight: bold; {furniture} }}
  @bottom-center {{ content: {marking}; font-weight: bold; {furniture} }}
  @bottom-right {{ content: "Page " counter(page) " of " counter(pages); {muted} }}
}}
@page :first {{ @bottom-right {{ content: none; }} }}
@media print {{
  body {{ font-size: {s.body}pt; }}
  .skip-link, .marking {{ display: none; }}
  .wrap {{ max-width: none; padding: 0; }}
  .masthead {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
  .band {{ padding: 1.25rem 1rem 1.5rem; }}
  thead th, tbody tr:nth-child(even) {{ -webkit-print-color-adjust: exact;
    print-color-adjust: exact; }}
  a {{ color: {brand.LINK}; }}
  a.print-address::after {{ content: " (" attr(href) ")"; }}
  h2, h3, h4, caption {{ break-after: avoid; }}
  li, tr, .quote, .byline, img {{ break-inside: avoid; }}
  .cover {{ break-after: page; }}
  .page-break {{ break-before: page; }}
  .page-foot {{ margin-top: 2rem; border-top: 0; }}
  body.draft::after {{ content: "DRAFT"; position: fixed; top: 40%; left: 0; right: 0;
    text-align: center; font-weight: bold; font-size: {brand.PAPER_MM[paper][0] / 4.2:.0f}mm;
    color: {brand.DRAFT_MARK}; opacity: 0.4; transform: rotate(-45deg); z-index: -1; }}
}}
"""
    return Stylesheet(screen + page)
