"""Qt table model over library search results: Title, Authors, Source, Date; sortable, draggable."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from briefing.library.records import listed_title
from briefing.uk.dates import uk_date, uk_date_short

if TYPE_CHECKING:
    from collections.abc import Sequence

ARTICLE_IDS_MIME = "application/x-briefing-article-ids"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
BYLINE_ROLE = Qt.ItemDataRole.UserRole + 2  # "Authors · Source", the title's second line
COLUMNS = ("Title", "Authors", "Source", "Date")
RANKED = -1  # sort(RANKED): the order the search gave (best match first)

_Index = QModelIndex | QPersistentModelIndex


def shown_title(rec: Any) -> str:
    return listed_title(str(rec.title), bool(getattr(rec, "title_proposed", False)))


def authors_text(authors: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    names = [a for a in authors if a]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def encode_ids(ids: Sequence[str]) -> QMimeData:
    mime = QMimeData()
    mime.setData(ARTICLE_IDS_MIME, json.dumps(list(ids)).encode("utf-8"))
    mime.setText("\n".join(ids))
    return mime


def decode_ids(mime: QMimeData) -> list[str]:
    """The article ids carried by a drag, or [] when it carries none (or garbage)."""
    if not mime.hasFormat(ARTICLE_IDS_MIME):
        return []
    try:
        value = json.loads(bytes(mime.data(ARTICLE_IDS_MIME).data()).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return []
    return [str(v) for v in value] if isinstance(value, list) else []


def tooltip(rec: Any) -> str:
    """Everything about a row in one place: the list itself shows title, author and date."""
    lines = [str(rec.title)]
    if rec.authors:
        lines.append(f"By {authors_text(rec.authors)}")
    if rec.source:
        lines.append(f"Source: {rec.source}")
    if rec.published:
        lines.append(f"Published {uk_date(rec.published)}")
    return "\n".join(lines)


class ArticleTableModel(QAbstractTableModel):
    """Rows are search hits or library articles: anything with id, title, authors, source,
    published."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._given: list[Any] = []  # as the search returned them: by relevance for a query
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- contents ----------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._given = list(rows)
        self._rows = list(rows)
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self.endResetModel()

    def row_object(self, row: int) -> Any:
        return self._rows[row]

    def article_id(self, row: int) -> str:
        return str(self._rows[row].id)

    def ids(self) -> list[str]:
        return [str(r.id) for r in self._rows]

    def row_of(self, article_id: str) -> int:
        for i, r in enumerate(self._rows):
            if str(r.id) == article_id:
                return i
        return -1

    # -- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        rec = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(rec)
        if role == BYLINE_ROLE:
            return " · ".join(p for p in (authors_text(rec.authors), rec.source) if p)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return shown_title(rec)
            if col == 1:
                return authors_text(rec.authors)
            if col == 2:
                return rec.source
            if col == 3:  # short, so the title keeps the width; the tooltip has it in full
                return uk_date_short(rec.published)
        if role == ID_ROLE:
            return str(rec.id)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if col == 0:
                byline = self.data(index, BYLINE_ROLE)
                return shown_title(rec) + (f", {byline}" if byline else "")
            if col == 3:
                return f"Date: {uk_date(rec.published)}"
            return f"{COLUMNS[col]}: {self.data(index)}"
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [ARTICLE_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return encode_ids([self.article_id(r) for r in rows])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column, or with RANKED go back to the search's own order."""
        self._sort = None if column == RANKED else (column, order)
        self.layoutAboutToBeChanged.emit()
        # Keep the selection on the same articles while the rows move.
        old = self.persistentIndexList()
        held = [(str(self._rows[i.row()].id), i.column()) for i in old]
        if self._sort is None:
            self._rows = list(self._given)
        else:
            self._sort_rows(column, order)
        where = {str(r.id): n for n, r in enumerate(self._rows)}
        self.changePersistentIndexList(old, [self.index(where[i], c) for i, c in held])
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        def key(rec: Any) -> Any:
            if column == 3:
                return rec.published
            if column == 1:
                return authors_text(rec.authors).casefold()
            return str(rec.title if column == 0 else rec.source or "").casefold()

        # Rows with nothing in the sorted column go last whichever way the sort runs.
        filled = [r for r in self._rows if key(r)]
        blank = [r for r in self._rows if not key(r)]
        filled.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        blank.sort(key=lambda r: str(r.title).casefold())
        self._rows = filled + blank
