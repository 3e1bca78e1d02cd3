"""Date boxes where Tab always moves to the next field.

Qt's date boxes use Tab to step between day, month and year, and when they show their
"no date" text they swallow Tab altogether, trapping keyboard users. In a form, Tab should
leave the box; the arrow keys still move between and change the day, month and year.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QDateEdit, QDateTimeEdit

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent

_TABS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)


def _leave(box: QAbstractSpinBox, event: QKeyEvent) -> bool:
    mods = event.modifiers()
    if event.key() not in _TABS or mods & (
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    ):
        return False
    forward = event.key() == Qt.Key.Key_Tab and not mods & Qt.KeyboardModifier.ShiftModifier
    # QAbstractSpinBox's own focusNextPrevChild is QWidget's: the next widget, not a section.
    QAbstractSpinBox.focusNextPrevChild(box, forward)
    event.accept()
    return True


class FormDateEdit(QDateEdit):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not _leave(self, event):
            super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # Qt's name
        return QAbstractSpinBox.focusNextPrevChild(self, next)


class FormDateTimeEdit(QDateTimeEdit):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not _leave(self, event):
            super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # Qt's name
        return QAbstractSpinBox.focusNextPrevChild(self, next)
