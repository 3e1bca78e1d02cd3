"""Icons the platform style does not provide (undo, redo), drawn in the palette's text colour
so they read in light and dark mode alike; the desktop's own icon theme wins when it has them."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QWidget


def _curved_arrow(colour: QPalette, size: int, mirror: bool) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if mirror:
        painter.translate(size, 0)
        painter.scale(-1, 1)
    s = size / 24
    pen = QPen(colour.color(QPalette.ColorRole.ButtonText), 2.2 * s)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    # A hook: from the arrow head on the left, round to the right and down.
    path = QPainterPath(QPointF(5 * s, 10 * s))
    path.lineTo(15 * s, 10 * s)
    path.arcTo(QRectF(10 * s, 10 * s, 10 * s, 9 * s), 90, -180)
    path.lineTo(11 * s, 19 * s)
    painter.drawPath(path)
    head = QPainterPath(QPointF(9 * s, 6 * s))
    head.lineTo(5 * s, 10 * s)
    head.lineTo(9 * s, 14 * s)
    painter.drawPath(head)
    painter.end()
    return pixmap


def undo_icon(widget: QWidget, redo: bool = False) -> QIcon:
    name = "edit-redo" if redo else "edit-undo"
    if QIcon.hasThemeIcon(name):
        return QIcon.fromTheme(name)
    icon = QIcon()
    for size in (16, 24, 32, 48):
        icon.addPixmap(_curved_arrow(widget.palette(), size, mirror=redo))
    return icon
