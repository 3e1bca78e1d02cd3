"""The pack tree view: sections and items, drag to arrange, keyboard to do the same."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QDrag, QDragEnterEvent, QFontMetrics, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from briefing.gui import pack_ops
from briefing.gui.pack_model import NOTE_ROLE, Index, PackModel


def viewport_width(view: QAbstractScrollArea) -> int:
    """The width of the view's viewport, from the view's own size as Qt lays it out: its frame
    and a vertical scroll bar that shows. (The viewport itself is a widget Python has not seen:
    for one of those PySide searches every widget class for its type, and the first search
    loads them all, which costs more than laying out the whole pack.)"""
    width = view.maximumViewportSize().width()  # less a scroll bar that is always on
    bar = view.verticalScrollBar()
    if view.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOn and bar.isVisibleTo(
        view
    ):
        width -= bar.sizeHint().width()
    return width


class TitleDelegate(QStyledItemDelegate):
    """Rows of up to five lines: a title wraps rather than lose its end or middle (in a pane
    a quarter of a laptop's width at 150% scaling, a long title and its note take four; a
    longer one still loses its middle, and the tooltip has it whole), and an item's note
    ("no summary yet") follows it in the ordinary text colour: a state in words, not a row
    greyed as if disabled."""

    LINES = 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._laid_out: dict[tuple[str, str, int, str], tuple[str, int]] = {}

    def _layout(
        self, index: Index, width: int, metrics: QFontMetrics, font_key: str
    ) -> tuple[str, int]:
        """(text to show, its height) for a row `width` pixels wide; remembered, since the
        view asks again for every row on every layout."""
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        note = str(index.data(NOTE_ROLE) or "")
        key = (title, note, width, font_key)
        if key not in self._laid_out:
            if len(self._laid_out) > 4000:
                self._laid_out.clear()
            self._laid_out[key] = self._fit(title, note, width, metrics)
        return self._laid_out[key]

    def _fit(self, title: str, note: str, width: int, metrics: QFontMetrics) -> tuple[str, int]:
        """(text, height): the title and note whole if they wrap to five lines at most, else
        the title shortened in the middle. Each wrapping is measured once (a title that fits,
        most of them, once in all)."""
        tail = f" \u2014 {note}" if note else ""
        flags = int(Qt.TextFlag.TextWordWrap)
        room = QRect(0, 0, max(width, 40), 10_000)
        whole = metrics.boundingRect(room, flags, title + tail).height()
        if whole <= metrics.lineSpacing() * self.LINES:
            return title + tail, whole
        # Wrapping at spaces wastes some of each line: aim under the full five lines.
        budget = max(40, int(width * self.LINES * 0.8) - metrics.horizontalAdvance(tail))
        text = metrics.elidedText(title, Qt.TextElideMode.ElideMiddle, budget) + tail
        return text, metrics.boundingRect(room, flags, text).height()

    def _text_width(self, option: QStyleOptionViewItem, index: Index) -> int:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        if isinstance(widget, QTreeView):
            depth = 1 if index.parent().isValid() else 0
            opt.rect = QRect(0, 0, viewport_width(widget) - widget.indentation() * (depth + 1), 100)
        style = widget.style() if widget is not None else QApplication.style()
        return (
            int(style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget).width())
            - 4
        )

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        font = option.font
        metrics = QFontMetrics(font)
        width = self._text_width(option, index)
        _text, lines = self._layout(index, width, metrics, font.key())
        return QSize(max(width, 40), max(metrics.height(), lines) + 6)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = super().createEditor(parent, option, index)
        editor.setAccessibleName("Section title")  # F2's rename box, named for screen readers
        editor.setToolTip("Type the section's new title; Enter keeps it, Escape cancels.")
        return editor

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        width = option.rect.width() - 8
        if width > 0:
            font = option.font
            option.text = self._layout(index, width, QFontMetrics(font), font.key())[0]


class PackTree(QTreeView):
    """Alt+Up/Down move, Delete removes, F2 renames a section, Enter opens an item."""

    open_requested = Signal(QModelIndex)
    status_message = Signal(str)

    def __init__(self, model: PackModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pack_model = model
        self.setModel(model)
        self.setHeaderHidden(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setItemDelegate(TitleDelegate(self))
        self.setAccessibleName("Pack contents")
        self.setToolTip(
            "Sections and items in printed order. Drag to rearrange; "
            "Alt+Up/Down moves, Delete removes, F2 renames, Enter opens."
        )
        model.rowsInserted.connect(self._expand_new_sections)
        model.modelReset.connect(self.expandAll)

    def _expand_new_sections(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid():
            for row in range(first, last + 1):
                self.expand(self.pack_model.index(row, 0))

    def startDrag(self, supported: Qt.DropAction) -> None:
        # The model performs moves itself (as one undo step), so the view must not
        # delete the source rows afterwards, which QAbstractItemView would do for a move.
        indexes = self.selectedIndexes()
        if not indexes:
            return
        drag = QDrag(self)
        drag.setMimeData(self.pack_model.mimeData(indexes))
        drag.exec(Qt.DropAction.MoveAction | Qt.DropAction.CopyAction, Qt.DropAction.MoveAction)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.pack_model.canDropMimeData(
            event.mimeData(), event.dropAction(), -1, -1, QModelIndex()
        ):
            event.setDropAction(
                Qt.DropAction.MoveAction if event.source() is self else Qt.DropAction.CopyAction
            )
            event.accept()
            super().dragEnterEvent(event)
        else:
            event.ignore()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()  # titles wrap to the new width

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if self.pack_model.is_item(index):  # an item opens; a section is renamed as before
            self.open_requested.emit(index)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def current(self) -> QModelIndex:
        return self.currentIndex()

    def select(self, index: QModelIndex) -> None:
        if index.isValid():
            self.setCurrentIndex(index)
            self.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.scrollTo(index)

    def select_all(self, indexes: list[QModelIndex]) -> None:
        """Make the first index current and select them all (what was just moved)."""
        self.select(indexes[0])
        for index in indexes[1:]:
            self.selectionModel().select(index, QItemSelectionModel.SelectionFlag.Select)

    def move_current(self, step: int) -> None:
        moved = pack_ops.move(self.pack_model, self.currentIndex(), step)
        if moved.isValid():
            self.select(moved)
        else:
            self.status_message.emit("It cannot move further.")

    def remove_selected(self) -> None:
        indexes = self.selectionModel().selectedIndexes() or [self.currentIndex()]
        message = pack_ops.remove(self.pack_model, indexes)
        if message:
            self.status_message.emit(message)

    def rename_current(self) -> None:
        index = self.currentIndex()
        if index.isValid() and not self.pack_model.is_item(index):
            self.edit(index)
        elif index.isValid():
            self.status_message.emit(
                "Items take their title from the article; rename sections with F2."
            )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        alt = mods & Qt.KeyboardModifier.AltModifier
        if self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
        elif alt and key == Qt.Key.Key_Up:
            self.move_current(-1)
        elif alt and key == Qt.Key.Key_Down:
            self.move_current(+1)
        elif key == Qt.Key.Key_Delete:
            self.remove_selected()
        elif key == Qt.Key.Key_F2:
            self.rename_current()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex())
        else:
            super().keyPressEvent(event)
