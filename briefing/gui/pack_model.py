"""A Qt item model over the Pack: sections at the top level, their items beneath.

The Pack stays the single truth. The model only reads it, except through the primitives
(`insert_items`, `remove_items`, `insert_sections`, `remove_sections`, `set_value`) that the
undo commands call; those emit the proper Qt signals so views stay in step. Drag and drop
inside the tree moves rows with an undoable command; drops of library articles are passed on
through `articles_dropped`.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from briefing.gui.exempt_icons import badge, padlock_icon, spoken
from briefing.model import Item, Pack, Section
from briefing.model.schedules import schedule
from briefing.uk.wording import plural

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtGui import QUndoStack

ROWS_MIME = "application/x-briefing-pack-rows"
ARTICLES_MIME = "application/x-briefing-article-ids"

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root, as a default argument
NOTE_ROLE = Qt.ItemDataRole.UserRole + 2  # a short note shown after an item's title
NO_SUMMARY = "no summary yet"


def _with_badges(title: str, *badges: str) -> str:
    return " ".join([*(b for b in badges if b), title])


def _only_note(item: Item) -> str:
    return f", only in the {', '.join(item.audiences)} versions" if item.audiences else ""


class PackModel(QAbstractItemModel):
    pack_changed = Signal()  # any change at all (title bar, preview, autosave listen)
    value_changed = Signal(object, str)  # (target object, attribute) after set_value
    articles_dropped = Signal(list, int, int)  # library ids, section row, item row
    moved = Signal(list)  # the Section or Item objects just moved (by a move, undo or redo)

    def __init__(self, pack: Pack, undo_stack: QUndoStack, parent: Any = None) -> None:
        super().__init__(parent)
        self.pack = pack
        self.undo_stack = undo_stack

    def set_pack(self, pack: Pack) -> None:
        self.beginResetModel()
        self.pack = pack
        self.endResetModel()
        self.pack_changed.emit()

    # -- reading -----------------------------------------------------------------------------
    def section_of(self, index: Index) -> int:
        """The section row an index belongs to (itself for a section), or -1."""
        if not index.isValid():
            return -1
        if index.internalId() == 0:
            return index.row()
        return self._section_row(index.internalId())

    def is_item(self, index: Index) -> bool:
        return index.isValid() and index.internalId() != 0

    def item_at(self, index: Index) -> Item | None:
        if not self.is_item(index):
            return None
        return self.pack.sections[self.section_of(index)].items[index.row()]

    def section_at(self, index: Index) -> Section | None:
        row = self.section_of(index)
        return self.pack.sections[row] if row >= 0 else None

    def index_of_section(self, row: int) -> QModelIndex:
        return self.index(row, 0)

    def index_of_item(self, section: int, row: int) -> QModelIndex:
        return self.index(row, 0, self.index(section, 0))

    def find(self, target: Any) -> QModelIndex:
        """The index showing a Section or Item object (invalid when not in the tree)."""
        for s, section in enumerate(self.pack.sections):
            if section is target:
                return self.index(s, 0)
            for r, item in enumerate(section.items):
                if item is target:
                    return self.index_of_item(s, r)
        return QModelIndex()

    def item_title(self, item: Item) -> str:
        article = self.pack.articles.get(item.article)
        return article.title if article and article.title else item.article

    def _exempt_note(self, target: Section | Item) -> str:
        """ ", exempt under paragraph 3 of Schedule 12A … (reason)" for tooltips and screen
        readers ("" when not exempt)."""
        if target.exempt is None:
            return ""
        note = spoken(target.exempt, schedule(self.pack.exempt_schedule))
        reason = f": {target.exempt.reason}" if target.exempt.reason else ""
        return f", {note}{reason}"

    def _section_row(self, key: int) -> int:
        for row, section in enumerate(self.pack.sections):
            if id(section) == key:
                return row
        return -1

    # -- QAbstractItemModel -------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row < len(self.pack.sections):
                return self.createIndex(row, 0, 0)
            return QModelIndex()
        if parent.internalId() != 0:
            return QModelIndex()
        section = self.pack.sections[parent.row()]
        if row < len(section.items):
            return self.createIndex(row, 0, id(section))
        return QModelIndex()

    # Qt's model parent(index); QObject's parent() is the other overload, so mypy objects.
    def parent(self, index: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        row = self._section_row(index.internalId())
        return self.createIndex(row, 0, 0) if row >= 0 else QModelIndex()

    def rowCount(self, parent: Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self.pack.sections)
        if parent.internalId() == 0 and parent.row() < len(self.pack.sections):
            return len(self.pack.sections[parent.row()].items)
        return 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.item_at(index)
        if item is None:
            section = self.pack.sections[index.row()]
            if role == Qt.ItemDataRole.EditRole:
                return section.title
            if role == Qt.ItemDataRole.DisplayRole:
                return _with_badges(section.title, badge(section.exempt))
            if role == Qt.ItemDataRole.ToolTipRole:
                n = len(section.items)
                return (
                    f"Section: {section.title} ({plural(n, 'item')})"
                    f"{self._exempt_note(section)}. F2 renames."
                )
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return f"Section {section.title}{self._exempt_note(section)}"
            if role == Qt.ItemDataRole.DecorationRole and section.exempt is not None:
                return padlock_icon()
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            only = f"[Only {', '.join(item.audiences)}]" if item.audiences else ""
            return _with_badges(self.item_title(item), badge(item.exempt), only)
        if role == NOTE_ROLE:  # shown after the title in the tree, in the normal text colour
            return "" if item.summary.strip() else NO_SUMMARY
        if role == Qt.ItemDataRole.DecorationRole and item.exempt is not None:
            return padlock_icon()
        if role == Qt.ItemDataRole.AccessibleTextRole:
            note = "" if item.summary.strip() else f", {NO_SUMMARY}"
            return f"{self.item_title(item)}{self._exempt_note(item)}{_only_note(item)}{note}"
        if role == Qt.ItemDataRole.ToolTipRole:
            notes = []
            if not item.summary.strip():
                notes.append(NO_SUMMARY)
            if not item.implications:
                notes.append("no implication points yet")
            tail = f" — {', '.join(notes)}" if notes else ""
            return (
                f"{self.item_title(item)}{self._exempt_note(item)}{_only_note(item)}"
                f"{tail}. Enter opens it."
            )
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        from briefing.gui.commands import SetAttr

        section = self.section_at(index)
        if self.is_item(index) or section is None or role != Qt.ItemDataRole.EditRole:
            return False
        title = str(value).strip()
        if not title or title == section.title:
            return False
        self.undo_stack.push(SetAttr(self, section, "title", title, "Rename section"))
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = base | Qt.ItemFlag.ItemIsDragEnabled
        if not self.is_item(index):
            flags |= Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDropEnabled
        return flags

    # -- drag and drop ---------------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [ROWS_MIME, ARTICLES_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        items = sorted({(self.section_of(i), i.row()) for i in indexes if self.is_item(i)})
        sections = sorted({i.row() for i in indexes if i.isValid() and not self.is_item(i)})
        payload = {"sections": sections} if sections else {"items": [list(p) for p in items]}
        mime = QMimeData()
        mime.setData(ROWS_MIME, QByteArray(json.dumps(payload).encode()))
        return mime

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return data.hasFormat(ROWS_MIME) or data.hasFormat(ARTICLES_MIME)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Land rows exactly where dropped; the move is one undoable step."""
        from briefing.gui.commands import MoveItems, MoveSections

        if data.hasFormat(ARTICLES_MIME):
            try:
                ids = [str(i) for i in json.loads(bytes(data.data(ARTICLES_MIME).data()))]
            except (ValueError, TypeError):
                return False
            section, at = self._item_target(row, parent)
            self.articles_dropped.emit(ids, section, at)
            return bool(ids)
        if not data.hasFormat(ROWS_MIME):
            return False
        try:
            payload = json.loads(bytes(data.data(ROWS_MIME).data()))
        except ValueError:
            return False
        if payload.get("sections"):
            rows = [int(r) for r in payload["sections"]]
            if parent.isValid():  # dropped onto a section or an item: land before its section
                target = self.section_of(parent)
            else:
                target = len(self.pack.sections) if row < 0 else row
            if rows == list(range(target - len(rows), target)) or target in rows:
                return False  # dropped where it already is
            self.undo_stack.push(MoveSections(self, rows, target, "Move section"))
            return True
        positions = [(int(s), int(r)) for s, r in payload.get("items", [])]
        if not positions or not self.pack.sections:
            return False
        section, at = self._item_target(row, parent)
        if section < 0:
            return False
        if [(section, at)] == positions or [(section, at - 1)] == positions:
            return False
        n = len(positions)
        self.undo_stack.push(
            MoveItems(self, positions, section, at, "Move item" if n == 1 else f"Move {n} items")
        )
        return True

    def _item_target(self, row: int, parent: Index) -> tuple[int, int]:
        """(section, row) where items dropped at (row, parent) should land."""
        if not self.pack.sections:
            return -1, 0
        if not parent.isValid():  # between sections: the end of the section above
            above = (len(self.pack.sections) if row < 0 else row) - 1
            if above < 0:
                return 0, 0
            return above, len(self.pack.sections[above].items)
        if self.is_item(parent):  # onto an item: just before it
            return self.section_of(parent), parent.row()
        section = parent.row()
        return section, len(self.pack.sections[section].items) if row < 0 else row

    # -- primitives for the undo commands ----------------------------------------------------------
    def insert_items(self, section: int, row: int, items: list[Item]) -> None:
        parent = self.index(section, 0)
        self.beginInsertRows(parent, row, row + len(items) - 1)
        self.pack.sections[section].items[row:row] = items
        self.endInsertRows()
        self.touch()

    def remove_items(self, section: int, row: int, count: int) -> list[Item]:
        parent = self.index(section, 0)
        self.beginRemoveRows(parent, row, row + count - 1)
        removed = self.pack.sections[section].items[row : row + count]
        del self.pack.sections[section].items[row : row + count]
        self.endRemoveRows()
        self.touch()
        return removed

    def insert_sections(self, row: int, sections: list[Section]) -> None:
        self.beginInsertRows(QModelIndex(), row, row + len(sections) - 1)
        self.pack.sections[row:row] = sections
        self.endInsertRows()
        self.touch()

    def remove_sections(self, row: int, count: int) -> list[Section]:
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        removed = self.pack.sections[row : row + count]
        del self.pack.sections[row : row + count]
        self.endRemoveRows()
        self.touch()
        return removed

    def set_value(self, target: Any, attr: str, value: Any) -> None:
        setattr(target, attr, value)
        index = self.find(target) if isinstance(target, Section | Item) else QModelIndex()
        if index.isValid():
            self.dataChanged.emit(index, index)
        elif attr in ("articles",) or target in self.pack.articles.values():
            self.layoutChanged.emit()  # article titles show in the tree
        self.value_changed.emit(target, attr)
        self.touch()

    def touch(self) -> None:
        self.pack_changed.emit()
