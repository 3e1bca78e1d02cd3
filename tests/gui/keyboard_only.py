"""Using the app as a keyboard user who can see the screen: a key is pressed only on the control
that has focus, and only when that control is in sight (on the screen, not scrolled away, not on
a tab behind another)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

ENOUGH = 16  # pixels of a control that must show, each way (all of it when it is smaller)


def seen(widget: QWidget) -> QRect:
    """The part of the widget a user sees: clipped by every parent, the window and the screen."""
    rect = QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())
    parent = None if widget.isWindow() else widget.parentWidget()
    while parent is not None:  # up to its window (a menu's parent is the menu bar)
        rect = rect.intersected(QRect(parent.mapToGlobal(QPoint(0, 0)), parent.size()))
        parent = None if parent.isWindow() else parent.parentWidget()
    screen = widget.screen()
    return rect.intersected(screen.availableGeometry()) if screen is not None else rect


def in_sight(widget: QWidget | None) -> bool:
    if widget is None or not widget.isVisible():
        return False
    shown = seen(widget)
    return shown.width() >= min(widget.width(), ENOUGH) and shown.height() >= min(
        widget.height(), ENOUGH
    )


def describe(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    return (
        f"{type(widget).__name__} {widget.accessibleName()!r} at "
        f"{widget.mapToGlobal(QPoint(0, 0)).toTuple()} size {widget.size().toTuple()}"
    )


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


def press(
    qtbot: Any,
    key: Qt.Key,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    times: int = 1,
) -> QWidget | None:
    """Press a key on the focused control, which must be in sight; returns the control that
    has focus afterwards (None while no window of the app is active)."""
    for _ in range(times):
        widget = focused()
        assert in_sight(widget), f"the key would go to a control out of sight: {describe(widget)}"
        qtbot.keyClick(widget, key, modifiers)
    return QApplication.focusWidget()


def type_text(qtbot: Any, text: str) -> None:
    widget = focused()
    assert in_sight(widget), f"typing would go to a control out of sight: {describe(widget)}"
    qtbot.keyClicks(widget, text)


def tab_to(qtbot: Any, wanted: QWidget, most: int = 80, back: bool = False) -> None:
    """Tab (or Shift+Tab) until `wanted` has focus, seeing each control on the way."""
    mods = Qt.KeyboardModifier.ShiftModifier if back else Qt.KeyboardModifier.NoModifier
    for _ in range(most):
        if focused() is wanted:
            return
        press(qtbot, Qt.Key.Key_Backtab if back else Qt.Key.Key_Tab, mods)
    assert focused() is wanted, f"Tab never reached {describe(wanted)}"
