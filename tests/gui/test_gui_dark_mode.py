"""Readable in a dark palette: arrow icons and theme chips drawn in the text colour, and the
first-run guidance on the pack settings."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QWidget

DARK_WINDOW, LIGHT_TEXT = QColor("#2b2b2b"), QColor("#e6e6e6")


def dark_palette() -> QPalette:
    palette = QPalette()
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.Button):
        palette.setColor(role, DARK_WINDOW)
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(role, LIGHT_TEXT)
    return palette


def opaque_colours(image) -> set[tuple[int, int, int]]:
    out = set()
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            if colour.alpha() > 200:
                out.add((colour.red(), colour.green(), colour.blue()))
    return out


def test_arrow_icons_take_the_palettes_text_colour(window, qtbot):
    from briefing.gui.icons import standard_icon

    widget = QWidget()
    qtbot.addWidget(widget)
    widget.setPalette(dark_palette())
    image = standard_icon(widget, QStyle.StandardPixmap.SP_ArrowRight).pixmap(16).toImage()
    colours = opaque_colours(image)
    assert colours == {(LIGHT_TEXT.red(), LIGHT_TEXT.green(), LIGHT_TEXT.blue())}
    # The toolbar's "Add selected articles to pack" arrow is drawn the same way.
    add = window.actions_by_name["add"].icon().pixmap(16).toImage()
    text = window.palette().color(QPalette.ColorRole.ButtonText)
    assert opaque_colours(add) == {(text.red(), text.green(), text.blue())}


def test_a_dark_theme_chip_is_outlined_in_the_text_colour(qtbot):
    from briefing.gui.library_widgets import swatch

    app = QApplication.instance()
    old = app.palette()
    app.setPalette(dark_palette())
    try:
        image = swatch("#1d2b53", 14).pixmap(14).toImage()
    finally:
        app.setPalette(old)
    edge = image.pixelColor(7, 1)  # the top edge, half way along
    assert edge.alpha() > 0 and edge.lightness() > DARK_WINDOW.lightness() + 40
    centre = image.pixelColor(7, 7)
    assert centre.name() == "#1d2b53"


def test_pack_settings_say_what_to_do_first_until_articles_arrive(window, library):
    window.show_pack_settings()
    hint = window.settings_editor.first_steps
    assert hint.isVisible()
    assert "give the pack a title, then add articles from the library" in hint.text()
    window.add_library_articles([a.id for a in library.articles()][:1])
    assert not hint.isVisible()
    window.undo_stack.undo()
    window.show_pack_settings()
    assert hint.isVisible()
