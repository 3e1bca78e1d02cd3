"""Keys that always work: in every window and dialog (in every state, tests/gui/every_window.py)
and in every menu, each Alt+letter belongs to one control, fields never take a menu's letter,
and a toggle button keeps its shortcut and says what it does now, aloud as on screen."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

import pytest
from every_window import STATES, settle
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QTabBar,
    QWidget,
)

if TYPE_CHECKING:
    from pathlib import Path


def letter(text: str) -> str:
    """The Alt+letter a control's text gives it ("" for none)."""
    keys = QKeySequence.mnemonic(text)
    return keys.toString() if not keys.isEmpty() else ""


def mnemonic_owners(window: QWidget) -> dict[str, list[str]]:
    """Alt+letter -> what takes it in the window as shown: labels with a buddy, buttons, group
    boxes, tabs and the menu bar."""
    owners: dict[str, list[str]] = defaultdict(list)
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            if action.isVisible() and letter(action.text()):
                owners[letter(action.text())].append(f"menu {action.text()!r}")
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not widget.isVisibleTo(window):
            continue
        texts: list[str] = []
        if (isinstance(widget, QLabel) and widget.buddy() is not None) or isinstance(
            widget, QAbstractButton
        ):
            texts = [widget.text()]
        elif isinstance(widget, QGroupBox):
            texts = [widget.title()]
        elif isinstance(widget, QTabBar):
            texts = [widget.tabText(n) for n in range(widget.count()) if widget.isTabVisible(n)]
        for text in texts:
            if letter(text):
                owners[letter(text)].append(f"{type(widget).__name__} {text!r}")
    return owners


def menu_clashes(menu: QMenu, path: str) -> list[str]:
    owners: dict[str, list[str]] = defaultdict(list)
    found = []
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        if letter(action.text()):
            owners[letter(action.text())].append(action.text())
        if action.menu() is not None:
            found += menu_clashes(action.menu(), f"{path} ▸ {action.text()}")
    found += [
        f"{path}: {key} is {', '.join(names)}" for key, names in owners.items() if len(names) > 1
    ]
    return found


def test_each_menu_gives_each_letter_to_one_item(window: Any) -> None:
    clashes = []
    for action in window.menuBar().actions():
        clashes += menu_clashes(action.menu(), action.text())
    assert not clashes, "\n".join(clashes)


@pytest.mark.parametrize("name", list(STATES))
def test_each_window_gives_each_letter_to_one_control(
    window: Any, tmp_path: Path, name: str
) -> None:
    shown = STATES[name](window, tmp_path)
    owners = mnemonic_owners(shown)
    clashes = [f"{key}: {', '.join(names)}" for key, names in owners.items() if len(names) > 1]
    assert not clashes, f"{name}:\n" + "\n".join(clashes)
    if shown is not window:
        shown.close()
        shown.deleteLater()


def test_ctrl_shift_t_shows_and_hides_the_article_text_every_time(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    STATES["main window, item editor with the article text"](window, tmp_path)
    editor = window.item_editor
    button = editor.reference_button
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    editor.summary.setFocus()
    for visible in (False, True, False, True):
        qtbot.keyClick(
            editor.summary,
            Qt.Key.Key_T,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        # A button's shortcut clicks it as the mouse would, a moment later.
        qtbot.waitUntil(lambda v=visible: editor.reference_visible() is v, timeout=2000)
        assert editor.reference.isVisible() is visible
        # The button says what pressing it does next, the same aloud as on screen.
        assert button.text() == ("Hide article text" if visible else "Show article text")
        assert button.accessibleName() == button.text()
        assert button.shortcut() == QKeySequence("Ctrl+Shift+T")
        assert window.actions_by_name["article_text"].isChecked() is visible


def test_toggle_buttons_keep_their_shortcuts_when_toggled(window: Any, tmp_path: Path) -> None:
    for name in STATES:
        shown = STATES[name](window, tmp_path)
        for button in shown.findChildren(QAbstractButton):
            if (
                not button.isCheckable()
                or button.shortcut().isEmpty()
                or not button.isVisibleTo(shown)
            ):
                continue
            keys = button.shortcut()
            for _ in range(2):
                button.toggle()
                settle(shown)
                assert button.shortcut() == keys, f"{name}: {button.text()!r} lost {keys}"
        if shown is not window:
            shown.close()
            shown.deleteLater()
