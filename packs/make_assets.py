"""Redraws the example packs' logo and Word house-style template (run after changing either).

    python packs/make_assets.py

Both files are committed, so building the example packs never needs this script.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.styles.style import CharacterStyle

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
FONTS = HERE.parent / "assets" / "fonts"

NAVY = (11, 60, 93)
TEAL = (0, 112, 122)
WAVE = (143, 211, 218)
WHITE = (255, 255, 255)

# The council's own house style: Verdana throughout, headings in a deep green that keeps
# better than 7:1 contrast on white.
HOUSE_FONT = "Verdana"
HOUSE_HEADING = RGBColor(0x1E, 0x5C, 0x3A)


def draw_logo(target: Path, width: int = 600) -> None:
    """A shield with a tower over waves, and the council's name as a wordmark."""
    scale = 3  # draw large, then shrink: Pillow's shapes have no anti-aliasing of their own
    w, h = width * scale, 200 * scale
    img = Image.new("RGB", (w, h), WHITE)
    d = ImageDraw.Draw(img)

    # Shield: a rectangle with a pointed base.
    left, top, sw, sh = 20 * scale, 14 * scale, 140 * scale, 172 * scale
    shield = [
        (left, top),
        (left + sw, top),
        (left + sw, top + sh * 0.62),
        (left + sw / 2, top + sh),
        (left, top + sh * 0.62),
    ]
    d.polygon(shield, fill=NAVY)
    # Tower with three merlons.
    cx = left + sw / 2
    tw, tt, tb = 56 * scale, top + 40 * scale, top + 104 * scale
    d.rectangle([cx - tw / 2, tt, cx + tw / 2, tb], fill=WHITE)
    merlon = tw / 5
    for i in (0, 2, 4):
        x0 = cx - tw / 2 + i * merlon
        d.rectangle([x0, tt - 14 * scale, x0 + merlon, tt], fill=WHITE)
    d.rectangle([cx - 9 * scale, tb - 30 * scale, cx + 9 * scale, tb], fill=NAVY)
    d.pieslice(
        [cx - 9 * scale, tb - 39 * scale, cx + 9 * scale, tb - 21 * scale], 180, 360, fill=NAVY
    )
    # Two waves below the tower.
    # Two rows of waves, centred, the lower one shorter to stay inside the shield's point.
    arc_w = 24 * scale
    for row, count in enumerate((4, 2)):
        y = tb + (20 + row * 16) * scale
        x = cx - count * arc_w / 2
        for _ in range(count):
            d.arc(
                [x, y - 9 * scale, x + arc_w, y + 9 * scale], 200, 340, fill=WAVE, width=5 * scale
            )
            x += arc_w

    # Wordmark.
    tx = left + sw + 30 * scale
    room = w - tx - 16 * scale
    size = 58
    # The largest size at which the name fits beside the shield.
    while True:
        bold = ImageFont.truetype(str(FONTS / "LiberationSans-Bold.ttf"), size * scale)
        if d.textlength("Example Borough", font=bold) <= room or size <= 20:
            break
        size -= 1
    regular = ImageFont.truetype(str(FONTS / "LiberationSans-Regular.ttf"), int(size * 0.8) * scale)
    d.text((tx, 40 * scale), "Example Borough", font=bold, fill=NAVY)
    rule_y = 40 * scale + int(size * 1.25) * scale
    d.rectangle([tx, rule_y, tx + room, rule_y + 4 * scale], fill=TEAL)
    d.text((tx, rule_y + 14 * scale), "Council", font=regular, fill=NAVY)

    img = img.resize((width, 200), Image.Resampling.LANCZOS)
    img.save(target, optimize=True)


def _set_font(style: CharacterStyle, name: str) -> None:
    """Name the font for every script: Word's theme-font attributes would otherwise win."""
    style.font.name = name
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if fonts is not None and fonts.get(qn(attr)) is not None:
            del fonts.attrib[qn(attr)]
    if fonts is not None:
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), name)


def make_template(target: Path) -> None:
    """A Word template with the council's own styles; the body is left empty."""
    doc = Document()
    styles = doc.styles
    for name in (
        "Normal",
        "Title",
        "Subtitle",
        "Heading 1",
        "Heading 2",
        "Heading 3",
        "List Bullet",
        "Quote",
    ):
        _set_font(styles[name], HOUSE_FONT)
    styles["Normal"].font.size = Pt(11)
    styles["Normal"].font.color.rgb = RGBColor(0x1A, 0x1A, 0x1A)
    for name, size in (("Title", 30), ("Heading 1", 18), ("Heading 2", 14), ("Heading 3", 12)):
        style = styles[name]
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = HOUSE_HEADING
    subtitle = styles["Subtitle"]
    subtitle.font.italic = False
    subtitle.font.color.rgb = RGBColor(0x4D, 0x4D, 0x4D)
    styles["Quote"].font.color.rgb = RGBColor(0x1A, 0x1A, 0x1A)
    props = doc.core_properties
    props.title = "Example Borough Council house style"
    props.author = "Example Borough Council"
    props.comments = "Styles for member briefings: Verdana, green headings."
    doc.save(str(target))


def main() -> None:
    draw_logo(HERE / "images" / "example-council-logo.png")
    make_template(HERE / "templates" / "house-style.docx")


if __name__ == "__main__":
    main()
