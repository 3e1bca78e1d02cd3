"""The pack tree view: sections and items, drag to arrange, keyboard to do the same."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QDrag, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from briefing.gui import pack_ops
from briefing.gui.pack_model import NOTE_ROLE, Index, PackModel


class NoteDelegate(QStyledItemDelegate):
    """Adds an item's note ("no summary yet") after its title, in the ordinary text colour:
    a state shown in words, not by greying the row as if it were disabled."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        note = index.data(NOTE_ROLE)
        if note:
            option.text = f"{option.text}  ({note})"  # type: ignore[attr-defined]


class PackTree(QTreeView):
    """Alt+Up/Down move, Delete removes, F2 renames a section, Enter opens an item."""

    open_requested = Signal(QModelIndex)
    status_message = Signal(str)

    def __init__(self, model: PackModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.pack_model = model
        self.setModel(model)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.SelectedClicked)
        # Long titles lose their middle, not their end; the tooltip has the whole title.
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setItemDelegate(NoteDelegate(self))
        self.setAccessibleName("Pack contents")
        self.setToolTip("Sections and items in printed order. Drag to rearrange; "
                        "Alt+Up/Down moves, Delete removes, F2 renames, Enter opens.")
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

    def dragEnterEvent(self, event) -> None:  # noqa: ANN001 - Qt's own signature
        if self.pack_model.canDropMimeData(event.mimeData(), event.dropAction(), -1, -1,
                                           QModelIndex()):
            event.setDropAction(Qt.DropAction.MoveAction if event.source() is self
                                else Qt.DropAction.CopyAction)
            event.accept()
            super().dragEnterEvent(event)
        else:
            event.ignore()

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
            self.selectionModel().select(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
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
            self.status_message.emit("Items take their title from the article; "
                                     "rename sections with F2.")

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
