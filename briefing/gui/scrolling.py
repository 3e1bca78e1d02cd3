"""A frameless area that scrolls what it holds only when that is taller than the room it has,
so a long list or message never pushes a dialog's buttons off the screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QScrollArea

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent
    from PySide6.QtWidgets import QWidget


class Scrolling(QScrollArea):
    """`content` in a frameless area that scrolls when it is taller than the room it has (or
    than `most_lines` lines of text), so a long list never pushes the buttons off screen or
    widens the window; a short one takes just the height of its wrapped lines."""

    def __init__(self, content: QWidget, most_lines: int | None = None) -> None:
        super().__init__()
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.most = (
            None if most_lines is None else content.fontMetrics().lineSpacing() * most_lines + 8
        )

    def _content_height(self) -> int:
        content = self.widget()
        if content is None:
            return 0
        width = self.viewport().width()
        if content.hasHeightForWidth() and width > 0:
            return content.heightForWidth(width)
        return content.sizeHint().height()

    def sizeHint(self) -> QSize:  # Qt's name
        height = self._content_height()
        return QSize(200, height if self.most is None else min(height, self.most))

    def minimumSizeHint(self) -> QSize:  # Qt's name
        return QSize(100, 0 if self.most is None else self.sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt's name
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the wrapped lines' height changes with the width
