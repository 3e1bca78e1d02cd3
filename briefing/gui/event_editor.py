"""The event block of an event handout: name, venue, start and the agenda table.

Shown only when the pack's kind is "event-handout". Each change replaces the pack's Event
with an edited copy, so one undoable command covers it.
"""

from __future__ import annotations

import copy
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from briefing.gui.commands import SetAttr
from briefing.gui.form_widgets import FormDateTimeEdit
from briefing.model import AgendaEntry, Event

if TYPE_CHECKING:
    from briefing.gui.pack_model import PackModel

NOT_SET = QDateTime(QDate(1900, 1, 1), QTime(0, 0))


def to_qdatetime(value: datetime | date | None) -> QDateTime:
    if isinstance(value, datetime):
        return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))
    if isinstance(value, date):
        return QDateTime(QDate(value.year, value.month, value.day), QTime(0, 0))
    return NOT_SET


class EventEditor(QGroupBox):
    def __init__(self, model: PackModel, parent: QWidget | None = None) -> None:
        super().__init__("Event (event handouts only)", parent)
        self.model = model
        self._loading = False
        form = QFormLayout(self)
        self.name = QLineEdit(self)
        self.name.setAccessibleName("Event name")
        self.name.setToolTip("The event's name, printed at the top of the handout.")
        self.venue = QLineEdit(self)
        self.venue.setAccessibleName("Venue")
        self.venue.setToolTip("Where the event takes place.")
        self.starts = FormDateTimeEdit(self)
        self.starts.setDisplayFormat("d MMMM yyyy, HH:mm")
        self.starts.setCalendarPopup(True)
        self.starts.setMinimumDateTime(NOT_SET)
        self.starts.setSpecialValueText("Not set")
        self.starts.setAccessibleName("Event start")
        self.starts.setToolTip("When the event starts (24-hour clock).")
        self.agenda = QTableWidget(0, 3, self)
        self.agenda.setHorizontalHeaderLabels(["Time", "Item", "Speaker"])
        self.agenda.setAccessibleName("Agenda")
        self.agenda.setToolTip("The agenda: time, item and speaker. Double-click to edit.")
        self.agenda.verticalHeader().setVisible(False)
        self.agenda.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.agenda.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agenda.setMinimumHeight(110)
        self.agenda.setTabKeyNavigation(False)  # arrows move between cells; Tab leaves the table
        add = QPushButton("Add agenda row", self)
        add.setToolTip("Add a row to the agenda")
        add.setAccessibleName("Add agenda row")
        remove = QPushButton("Remove row", self)
        remove.setToolTip("Remove the selected agenda row")
        remove.setAccessibleName("Remove agenda row")
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        form.addRow("Event na&me", self.name)
        form.addRow("Ven&ue", self.venue)
        form.addRow("St&arts", self.starts)
        form.addRow("Agen&da", self.agenda)
        form.addRow("", buttons)

        self.name.textEdited.connect(lambda t: self._change("name", t.strip(), merge=True))
        self.venue.textEdited.connect(lambda t: self._change("venue", t.strip(), merge=True))
        self.starts.dateTimeChanged.connect(self._starts_changed)
        self.agenda.itemChanged.connect(lambda _i: self._agenda_edited())
        add.clicked.connect(self._add_row)
        remove.clicked.connect(self._remove_row)

    def load(self) -> None:
        pack = self.model.pack
        self.setVisible(pack.kind == "event-handout")
        event = pack.event or Event()
        self._loading = True
        try:
            if self.name.text().strip() != event.name:
                self.name.setText(event.name)
            if self.venue.text().strip() != event.venue:
                self.venue.setText(event.venue)
            self.starts.setDateTime(to_qdatetime(event.starts))
            if self._rows() != event.agenda:
                self.agenda.setRowCount(0)
                for entry in event.agenda:
                    self._append(entry.time, entry.item, entry.speaker)
        finally:
            self._loading = False

    def _append(self, *cells: str) -> int:
        row = self.agenda.rowCount()
        self.agenda.insertRow(row)
        for column, text in enumerate(cells):
            self.agenda.setItem(row, column, QTableWidgetItem(text))
        return row

    def _rows(self) -> list[AgendaEntry]:
        rows = []
        for r in range(self.agenda.rowCount()):
            cells = [self._cell(r, c) for c in range(3)]
            if cells[0] or cells[1]:
                rows.append(AgendaEntry(time=cells[0], item=cells[1], speaker=cells[2]))
        return rows

    def _cell(self, row: int, column: int) -> str:
        cell = self.agenda.item(row, column)
        return cell.text().strip() if cell is not None else ""

    def _add_row(self) -> None:
        self._loading = True
        row = self._append("", "", "")
        self._loading = False
        self.agenda.setCurrentCell(row, 0)
        cell = self.agenda.item(row, 0)
        if cell is not None:
            self.agenda.editItem(cell)

    def _remove_row(self) -> None:
        row = self.agenda.currentRow()
        if row >= 0:
            self.agenda.removeRow(row)
            self._agenda_edited()

    def _agenda_edited(self) -> None:
        self._change("agenda", self._rows())

    def _starts_changed(self, value: QDateTime) -> None:
        if value == NOT_SET:
            self._change("starts", None)
            return
        d, t = value.date(), value.time()
        self._change("starts", datetime(d.year(), d.month(), d.day(), t.hour(), t.minute()))

    def _change(self, attr: str, value: Any, merge: bool = False) -> None:
        if self._loading:
            return
        current = self.model.pack.event
        if current is not None and getattr(current, attr) == value:
            return
        fresh = copy.deepcopy(current) if current is not None else Event()
        setattr(fresh, attr, value)
        self.model.undo_stack.push(
            SetAttr(self.model, self.model.pack, "event", fresh, "Edit event", merge=merge)
        )
