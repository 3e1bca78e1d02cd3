"""Borders and focus that show in any palette: in light, dark and high-contrast palettes every
field, list and table has a border of at least 3:1 against its inside and against the window,
and focus adds a ring of at least 3:1; switching palette while the app runs repaints what was
drawn in the old colours (tinted icons, the preview's focus border, muted notes)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from every_window import STATES, settle
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QToolButton, QWidget

from briefing.gui.focus_ring import contrast, install

if TYPE_CHECKING:
    from pathlib import Path


def palette(window: str, base: str, text: str, highlight: str, mid: str) -> QPalette:
    chosen = QPalette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role, colour in (
            (QPalette.ColorRole.Window, window),
            (QPalette.ColorRole.Button, window),
            (QPalette.ColorRole.Base, base),
            (QPalette.ColorRole.AlternateBase, base),
            (QPalette.ColorRole.Text, text),
            (QPalette.ColorRole.WindowText, text),
            (QPalette.ColorRole.ButtonText, text),
            (QPalette.ColorRole.Highlight, highlight),
            (QPalette.ColorRole.Mid, mid),
            (QPalette.ColorRole.Dark, mid),
        ):
            chosen.setColor(group, role, QColor(colour))
    return chosen


PALETTES = {
    "light": lambda: QApplication.style().standardPalette(),
    "dark": lambda: palette("#2b2b2b", "#1e1e1e", "#e6e6e6", "#2a82da", "#353535"),
    "high contrast": lambda: palette("#000000", "#000000", "#ffffff", "#1aebff", "#1a1a1a"),
}


@pytest.fixture
def themed(window: Any, qapp: QApplication, tmp_path: Path) -> Any:
    install(qapp)
    old = qapp.palette()
    window.resize(1366, 740)
    STATES["main window, item editor with the article text"](window, tmp_path)
    window.activateWindow()
    yield window
    qapp.setPalette(old)


def fields(window: Any) -> dict[str, QWidget]:
    editor = window.item_editor
    return {
        "summary": editor.summary,
        "implications": editor.implications.list,
        "quotations": editor.quotes.table,
        "library": window.library_pane.table,
        "search box": window.library_pane.search_box,
    }


def edge(image: QImage, inset: int) -> QColor:
    return image.pixelColor(inset, image.height() // 2)


@pytest.mark.parametrize("name", list(PALETTES))
def test_borders_and_focus_rings_reach_three_to_one(
    themed: Any, qapp: QApplication, qtbot: Any, name: str
) -> None:
    chosen = PALETTES[name]()
    qapp.setPalette(chosen)
    settle(themed)
    base = chosen.color(QPalette.ColorRole.Base)
    window_colour = chosen.color(QPalette.ColorRole.Window)
    weak = []
    for label, widget in fields(themed).items():
        themed.tree.setFocus()
        qtbot.waitUntil(lambda: themed.tree.hasFocus())
        settle(themed)
        border = edge(widget.grab().toImage(), 0)
        if min(contrast(border, base), contrast(border, window_colour)) < 3.0:
            weak.append(
                f"{label}: border {border.name()} on {base.name()} / {window_colour.name()}"
            )
        widget.setFocus()
        qtbot.waitUntil(lambda w=widget: w.hasFocus())
        settle(themed)
        focused = widget.grab().toImage()
        ring = max(
            (edge(focused, inset) for inset in range(3)), key=lambda colour: contrast(colour, base)
        )
        if contrast(ring, base) < 3.0:
            weak.append(f"{label}: focus {ring.name()} on {base.name()}")
    assert not weak, f"{name}: " + "; ".join(weak)


def colours(image: QImage) -> set[str]:
    return {
        image.pixelColor(x, y).name()
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() > 200
    }


def test_switching_palette_while_running_repaints_without_a_restart(
    themed: Any, qapp: QApplication
) -> None:
    for name in ("dark", "high contrast", "light"):
        chosen = PALETTES[name]()
        qapp.setPalette(chosen)
        settle(themed)
        text = chosen.color(QPalette.ColorRole.ButtonText).name()
        # The toolbar's arrow and the list editors' arrows, tinted in the new text colour.
        add = themed.actions_by_name["add"].icon().pixmap(16).toImage()
        assert colours(add) == {text}, name
        up_button = next(
            b
            for b in themed.item_editor.implications.findChildren(QToolButton)
            if b.accessibleName() == "Move point up"
        )
        up = up_button.icon().pixmap(16).toImage()
        assert colours(up) == {text}, name
        # The preview's focus border in the new text colour.
        window_text = chosen.color(QPalette.ColorRole.WindowText).name()
        assert window_text in themed.preview.view.styleSheet(), name
        # Muted notes (the library's article count) in the palette's placeholder colour.
        count = themed.library_pane.count_label
        assert count.palette().color(count.foregroundRole()) == chosen.color(
            QPalette.ColorRole.PlaceholderText
        ), name
