"""Focus follows the keyboard: whatever Tab lands on is in sight (scrolled into view, never on a
pane tabbed behind another), lists show focus as a frame all round, focus comes back to the
button that opened a dialog, and after File ▸ Open it is on the pack tree."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from accessible_tree import hear
from every_window import STATES, settle
from keyboard_only import describe, focused, in_sight, press
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from briefing.gui.focus_ring import contrast, install

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


def _edge_changes(before: QImage, after: QImage) -> dict[str, float]:
    """For each edge of the image (its outer 3 pixels), the share of its length where the
    focus changed some pixel by a contrast of 3:1 or more."""
    width, height = before.width(), before.height()

    def changed(x: int, y: int) -> bool:
        return contrast(before.pixelColor(x, y), after.pixelColor(x, y)) >= 3.0

    return {
        "top": sum(any(changed(x, y) for y in range(3)) for x in range(width)) / width,
        "bottom": sum(any(changed(x, height - 1 - y) for y in range(3)) for x in range(width))
        / width,
        "left": sum(any(changed(x, y) for x in range(3)) for y in range(height)) / height,
        "right": sum(any(changed(width - 1 - x, y) for x in range(3)) for y in range(height))
        / height,
    }


def test_a_focused_list_shows_a_frame_all_round_even_when_scrolled(laptop: Any, qtbot: Any) -> None:
    editor = laptop.item_editor
    editor.implications.set_values([f"Point {n} for members to consider." for n in range(30)])
    lists = [
        editor.implications.list,
        editor.questions.list,
        editor.quotes.table,
        laptop.checks.list,
        laptop.library_pane.table,
    ]
    for widget in lists:
        laptop.tree.setFocus()
        qtbot.waitUntil(lambda: laptop.tree.hasFocus())
        settle(laptop)
        before = widget.grab().toImage()
        widget.setFocus()
        qtbot.waitUntil(lambda w=widget: w.hasFocus())
        settle(laptop)
        after = widget.grab().toImage()
        edges = _edge_changes(before, after)
        assert min(edges.values()) >= 0.8, (widget.accessibleName(), edges)
    # Scrolled to the end, the list still shows its focus all round.
    box = editor.implications.list
    box.setFocus()
    box.scrollToBottom()
    settle(laptop)
    shot = box.grab().toImage()
    base = box.palette().color(QPalette.ColorRole.Base)
    for x, y in (
        (box.width() // 2, 1),
        (box.width() // 2, box.height() - 2),
        (1, box.height() // 2),
        (box.width() - 2, box.height() // 2),
    ):
        assert contrast(shot.pixelColor(x, y), base) >= 3.0, (x, y)


def _escape_the_next_dialog(qtbot: Any, closed: list[QWidget]) -> None:
    """Press Escape in the next modal dialog once it opens."""
    dialog = QApplication.activeModalWidget()
    if dialog is None:
        QTimer.singleShot(50, lambda: _escape_the_next_dialog(qtbot, closed))
        return
    closed.append(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_focus_goes_back_to_the_button_that_opened_a_drafting_dialog(
    laptop: Any, qtbot: Any
) -> None:
    editor = laptop.item_editor
    for button in (editor.draft_button, editor.suggest_button):
        button.setFocus()
        qtbot.waitUntil(lambda b=button: b.hasFocus())
        closed: list[QWidget] = []
        QTimer.singleShot(50, lambda c=closed: _escape_the_next_dialog(qtbot, c))
        press(qtbot, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda c=closed: bool(c), timeout=20_000)
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
        laptop.activateWindow()  # as the desktop does when a dialog closes
        qtbot.waitUntil(lambda b=button: focused() is b, timeout=3000)


def test_after_opening_a_pack_focus_is_on_the_pack_tree(
    laptop: Any, qtbot: Any, dialogs: Any
) -> None:
    laptop.item_editor.summary.setFocus()
    laptop.file.forced_modified = False
    laptop.undo_stack.setClean()
    dialogs.open_name = str(PACK)
    laptop.actions_by_name["open"].trigger()
    assert laptop.model.pack.sections
    qtbot.waitUntil(lambda: focused() is laptop.tree)
    assert laptop.tree.currentIndex() == laptop.model.index_of_section(0)
    assert in_sight(laptop.tree)


def test_f6_goes_round_the_panes_and_says_which(
    laptop: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    heard = hear(monkeypatch)
    laptop.set_checks_tabbed(True)
    settle(laptop)
    laptop.tree.setFocus()
    qtbot.waitUntil(lambda: laptop.tree.hasFocus())
    order = []
    for _ in range(5):
        press(qtbot, Qt.Key.Key_F6)
        settle(laptop)
        assert in_sight(focused()), describe(focused())
        order.append(laptop.statusBar().currentMessage())
    assert order == ["Editor pane", "Preview pane", "Checks pane", "Library pane", "Pack pane"]
    assert focused() is laptop.tree
    assert heard[-5:] == order  # each said aloud as it is entered
    press(qtbot, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert laptop.statusBar().currentMessage() == "Library pane"
    assert focused() is laptop.library_pane.table
    # Checks, tabbed behind the Preview, is brought forward when entered.
    press(qtbot, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is laptop.checks.list and in_sight(laptop.checks.list)
