"""Focus follows the keyboard: whatever Tab lands on is in sight (scrolled into view, never on a
pane tabbed behind another), lists show focus as a frame all round, focus comes back to the
button that opened a dialog, and after File ▸ Open it is on the pack tree."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from every_window import STATES, settle
from keyboard_only import describe, focused, in_sight, press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from briefing.gui.focus_ring import install

PACK = Path(__file__).resolve().parents[2] / "packs" / "member-briefing.yaml"


@pytest.fixture
def laptop(window: Any, qapp: QApplication, qtbot: Any, tmp_path: Path) -> Any:
    install(qapp)
    window.resize(1366, 740)
    STATES["main window, item editor with the article text"](window, tmp_path)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def test_a_field_tabbed_into_from_outside_is_scrolled_into_view(laptop: Any, qtbot: Any) -> None:
    editor = laptop.item_editor
    editor.resize(editor.width(), 300)  # a short editor: the form scrolls
    settle(laptop)
    bar = editor.form_scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())  # the user scrolled down to the questions
    assert not in_sight(editor.summary)
    laptop.tree.setFocus()
    for _ in range(60):
        if focused() is editor.summary:
            break
        press(qtbot, Qt.Key.Key_Tab)
    assert focused() is editor.summary
    assert in_sight(editor.summary), describe(editor.summary)


def test_tab_never_stops_on_a_pane_tabbed_behind_another(laptop: Any, qtbot: Any) -> None:
    for dock in (laptop.preview_dock, laptop.checks_dock):
        laptop.tabifyDockWidget(laptop.library_dock, dock)
    laptop.library_dock.raise_()
    settle(laptop)
    laptop.tree.setFocus()
    stops = set()
    for _ in range(120):  # all the way round the window, and more
        widget = press(qtbot, Qt.Key.Key_Tab)
        assert in_sight(widget), describe(widget)
        stops.add(widget)
    assert laptop.preview.view not in stops and laptop.checks.list not in stops
    laptop.preview_dock.raise_()  # its tab chosen: now Tab reaches the preview
    settle(laptop)
    assert laptop.preview.isVisible() and not laptop.library_pane.isVisible()
