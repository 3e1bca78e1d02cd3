"""Small editors for lists of text (implications, questions, key messages) and quotations."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing.gui.icons import follow_palette, standard_icon
from briefing.model import Quote

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QTextCharFormat

BULLET = "\u2022  "
_EDITABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable


def _tint(button: QToolButton, owner: QWidget, icon: QStyle.StandardPixmap) -> None:
    button.setIcon(standard_icon(owner, icon))


def _buttons(owner: QWidget, what: str) -> tuple[QHBoxLayout, list[QToolButton]]:
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    made = []
    sp = QStyle.StandardPixmap
    for label, tip, icon in (
        ("Add", f"Add a {what} and type it in place", None),
        ("Remove", f"Remove the selected {what}", None),
        ("Up", f"Move the selected {what} up", sp.SP_ArrowUp),
        ("Down", f"Move the selected {what} down", sp.SP_ArrowDown),
    ):
        # Tool buttons stay compact so the editor fits beside the preview on a laptop.
        button = QToolButton(owner)
        button.setText(label)
        if icon is not None:
            follow_palette(owner, functools.partial(_tint, button, owner, icon))
        button.setToolTip(tip)
        button.setAccessibleName(
            f"{label} {what}" if icon is None else f"Move {what} {label.lower()}"
        )
        row.addWidget(button)
        made.append(button)
    row.addStretch(1)
    return row, made


class BulletDelegate(QStyledItemDelegate):
    """Shows each entry as a bullet point; editing still works on the plain text.
    `on_editor` is called with each in-place editor made (the app spell-checks them);
    `marked` gives the (start, length) of the words of an entry to mark with `mark` (the app's
    misspellings, underlined while the entry is not being edited too)."""

    on_editor: Callable[[QWidget], object] | None = None
    marked: Callable[[str], list[tuple[int, int]]] | None = None
    mark: QTextCharFormat | None = None

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if self.on_editor is not None and editor is not None:
            self.on_editor(editor)
        return editor

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if option.text:
            option.text = BULLET + option.text

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        text = str(index.data() or "")
        mark = self.mark
        spans = self.marked(text) if self.marked is not None and mark is not None else []
        if not spans or mark is None:
            super().paint(painter, option, index)
            return
        # The entry as the style draws it (background, selection, focus), then its text laid
        # out the same way (wrapped at words, in the text's rectangle) with the words marked.
        # Imported here: PySide makes each Qt class, and its enumerations, when first named,
        # and a window without misspelt entries never needs these.
        from PySide6.QtGui import QAbstractTextDocumentLayout, QTextCursor, QTextDocument

        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        shown = opt.text
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(opt.font)
        document.setPlainText(shown)
        document.setTextWidth(max(1, rect.width() - 2 * margin))
        cursor = QTextCursor(document)
        for start, length in spans:
            cursor.setPosition(len(BULLET) + start)
            cursor.setPosition(len(BULLET) + start + length, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(mark)
        context = QAbstractTextDocumentLayout.PaintContext()
        state = opt.state
        group = (
            QPalette.ColorGroup.Normal
            if state & QStyle.StateFlag.State_Enabled
            else QPalette.ColorGroup.Disabled
        )
        role = (
            QPalette.ColorRole.HighlightedText
            if state & QStyle.StateFlag.State_Selected
            else QPalette.ColorRole.Text
        )
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(group, role))
        painter.save()
        # Centred on the text's rectangle as the style centres it (a focus ring's margins may
        # leave the rectangle shorter than a line); the wavy line may reach the gap below.
        painter.translate(
            rect.left() + margin, rect.top() + (rect.height() - document.size().height()) / 2
        )
        document.documentLayout().draw(painter, context)
        painter.restore()


class ListEditor(QWidget):
    """A list of one-line texts edited in place; emits the whole new list after each change."""

    edited = Signal(list)

    def __init__(self, what: str, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.what = what
        self.list = QListWidget(self)
        self.list.setAccessibleName(accessible)
        self.list.setToolTip(f"Double-click or press F2 to edit a {what}.")
        self.list.setWordWrap(True)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.list.setMinimumHeight(70)
        # Long points wrap over several lines: bullets, alternating shading and a gap keep
        # one point from running into the next.
        self.delegate = BulletDelegate(self.list)
        self.list.setItemDelegate(self.delegate)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        row, (add, rm, up, down) = _buttons(self, what)
        layout.addLayout(row)
        add.clicked.connect(self.add_entry)
        rm.clicked.connect(self.remove_entry)
        up.clicked.connect(lambda: self.move_entry(-1))
        down.clicked.connect(lambda: self.move_entry(1))
        self.list.itemChanged.connect(lambda _item: self._emit())
        self._loading = False

    def values(self) -> list[str]:
        texts = [self.list.item(i).text().strip() for i in range(self.list.count())]
        return [t for t in texts if t]

    def set_values(self, values: list[str]) -> None:
        if values == self.values() and self.list.count() == len(values):
            return
        self._loading = True
        row = self.list.currentRow()
        self.list.clear()
        for text in values:
            entry = QListWidgetItem(text)
            entry.setFlags(_EDITABLE)
            self.list.addItem(entry)
        self.list.setCurrentRow(min(row, self.list.count() - 1))
        self._loading = False

    def add_entry(self) -> None:
        entry = QListWidgetItem("")
        entry.setFlags(_EDITABLE)
        self._loading = True
        self.list.addItem(entry)
        self._loading = False
        self.list.setCurrentItem(entry)
        self.list.editItem(entry)  # blank entries are dropped unless typed into

    def remove_entry(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self._loading = True
            self.list.takeItem(row)
            self._loading = False
            self._emit()

    def move_entry(self, step: int) -> None:
        row = self.list.currentRow()
        dest = row + step
        if row < 0 or not 0 <= dest < self.list.count():
            return
        self._loading = True
        entry = self.list.takeItem(row)
        self.list.insertItem(dest, entry)
        self.list.setCurrentRow(dest)
        self._loading = False
        self._emit()

    def _emit(self) -> None:
        if not self._loading:
            self.edited.emit(self.values())


BY_HEADING = "Said by (if not the authors)"
BY_NOTE = "(if not the authors)"


class QuotesEditor(QWidget):
    """Quotations with their page and, when it is not the article's authors, who said them:
    a three-column table edited in place."""

    edited = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 3, self)
        # Two header lines, so the column need only be as wide as its note.
        self.table.setHorizontalHeaderLabels(["Quotation", "Page", f"Said by\n{BY_NOTE}"])
        self.table.setAccessibleName("Quotations")
        self.table.setToolTip(
            "Short quotations from the article, with the page they are on. "
            f"\u201c{BY_HEADING}\u201d names the speaker when it is someone "
            "other than the article's authors (printed in the attribution)."
        )
        by_header = self.table.horizontalHeaderItem(2)
        if by_header is not None:
            by_header.setToolTip(
                "Who said the words, when not the article's authors, e.g. \u201cthe book's "
                "editors\u201d; leave empty to credit the authors."
            )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(2, self.fontMetrics().horizontalAdvance(BY_NOTE) + 16)
        self.table.setWordWrap(True)
        # Long quotations wrap onto more lines instead of being cut short.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setTabKeyNavigation(False)  # arrows move between cells; Tab leaves the table
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(70)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        row, (add, rm, up, down) = _buttons(self, "quotation")
        layout.addLayout(row)
        add.clicked.connect(self.add_entry)
        rm.clicked.connect(self.remove_entry)
        up.clicked.connect(lambda: self.move_entry(-1))
        down.clicked.connect(lambda: self.move_entry(1))
        self.table.itemChanged.connect(lambda _item: self._emit())
        self._loading = False

    def values(self) -> list[Quote]:
        quotes = []
        for r in range(self.table.rowCount()):
            text = self._cell(r, 0)
            if text:
                quotes.append(Quote(text=text, page=self._cell(r, 1), by=self._cell(r, 2)))
        return quotes

    def _cell(self, row: int, column: int) -> str:
        cell = self.table.item(row, column)
        return cell.text().strip() if cell else ""

    def set_values(self, quotes: list[Quote]) -> None:
        if quotes == self.values() and self.table.rowCount() == len(quotes):
            return
        self._loading = True
        self.table.setRowCount(0)
        for quote in quotes:
            self._append(quote.text, quote.page, quote.by)
        self._loading = False

    def _append(self, text: str, page: str, by: str = "") -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in enumerate((text, page, by)):
            self.table.setItem(row, column, QTableWidgetItem(value))
        return row

    def add_entry(self) -> None:
        self._loading = True
        row = self._append("", "", "")
        self._loading = False
        self.table.setCurrentCell(row, 0)
        cell = self.table.item(row, 0)
        if cell is not None:
            self.table.editItem(cell)

    def remove_entry(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._emit()

    def move_entry(self, step: int) -> None:
        quotes = self.values()
        row = self.table.currentRow()
        dest = row + step
        if row < 0 or row >= len(quotes) or not 0 <= dest < len(quotes):
            return
        quotes.insert(dest, quotes.pop(row))
        self.set_values(quotes)
        self.table.setCurrentCell(dest, 0)
        self.edited.emit(quotes)

    def _emit(self) -> None:
        if not self._loading:
            self.edited.emit(self.values())
