"""The library list's title cell: the title in bold over "Authors · Source", each elided to fit,
so a narrow pane shows title, author and date without a horizontal scrollbar."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from briefing.gui.library_model import BYLINE_ROLE

_Index = QModelIndex | QPersistentModelIndex
PAD = 3


def row_height(widget: QWidget) -> int:
    """Two lines of text (the first bold) and a little air."""
    return QFontMetrics(widget.font()).lineSpacing() * 2 + 2 * PAD + 2


class TwoLineDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        hint = super().sizeHint(option, index)
        widget = option.widget
        return QSize(hint.width(), row_height(widget) if widget is not None else hint.height())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is None:
            return
        # The background, selection and focus as the style draws them, then the two lines.
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect: QRect = opt.rect.adjusted(PAD + 2, PAD, -PAD, -PAD)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(opt.palette.color(role))
        bold = opt.font
        bold.setBold(True)
        painter.setFont(bold)
        line = QFontMetrics(bold).lineSpacing()
        top = QRect(rect.x(), rect.y(), rect.width(), line)
        painter.drawText(
            top,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            QFontMetrics(bold).elidedText(str(title), Qt.TextElideMode.ElideRight, rect.width()),
        )
        plain = option.font
        painter.setFont(plain)
        byline = str(index.data(BYLINE_ROLE) or "")
        second = QRect(rect.x(), rect.y() + line, rect.width(), line)
        painter.drawText(
            second,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            QFontMetrics(plain).elidedText(byline, Qt.TextElideMode.ElideRight, rect.width()),
        )
        painter.restore()
