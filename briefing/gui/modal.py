"""Run a dialog made for one use, then let Qt delete it (it would otherwise live on as a hidden
child of its parent window for the rest of the session)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QWidget


def run_once(dialog: QDialog) -> int:
    """exec() the dialog and schedule its deletion; read its results before the next event loop
    turn (that is, straight after this returns)."""
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to width × height, or less where the screen is smaller (a laptop at 125% or
    150% scaling): the dialog keeps a margin and its buttons stay on screen."""
    parent = widget.parentWidget()
    screen = (parent or widget).screen() or QGuiApplication.primaryScreen()
    if screen is None:
        widget.resize(width, height)
        return
    area = screen.availableGeometry()
    widget.resize(min(width, int(area.width() * 0.95)), min(height, int(area.height() * 0.9)))
    if widget.isVisible():  # grown while open (a list of problems): slide back onto the screen
        keep_on_screen(widget)
        # and again once its layout has settled on the height it needs
        QTimer.singleShot(0, widget, lambda: keep_on_screen(widget))


def keep_on_screen(widget: QWidget) -> None:
    """Move a window that reaches past the edge of its screen back inside it."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    frame = widget.frameGeometry()
    x = max(area.left(), min(frame.left(), area.right() + 1 - frame.width()))
    y = max(area.top(), min(frame.top(), area.bottom() + 1 - frame.height()))
    if (x, y) != (frame.left(), frame.top()):
        widget.move(widget.pos().x() + x - frame.left(), widget.pos().y() + y - frame.top())
