"""The History pane: the versions of the open pack issued so far (date, officer, note), whether
the pack has changed since the last one, Issue version… and what changed since a version.

The pane only reads the history folder beside the pack; issuing writes a new version folder and
never touches the undo stack, so undo and redo can never change what was issued.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing.errors import BriefingError
from briefing.gui.modal import fit_to_screen, run_once
from briefing.gui.workers import run_in_background
from briefing.uk.dates import uk_date

if TYPE_CHECKING:
    from pathlib import Path

    from briefing.history.record import VersionRecord
    from briefing.history.store import History, Stamp
    from briefing.model import Pack


def version_line(record: VersionRecord) -> str:
    """ "Version 2 · 10 December 2026 · Sam Officer: Figures corrected"."""
    parts = [f"Version {record.number}", uk_date(record.issued)]
    if record.officer:
        parts.append(record.officer)
    line = " · ".join(parts)
    return f"{line}: {record.note}" if record.note else line


class HistoryPane(QWidget):
    """Lists the versions; `issue_requested` and `compare_requested(number)` ask the window."""

    issue_requested = Signal()
    compare_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records: list[VersionRecord] = []
        self.stamp: Stamp | None = None
        self.history: History | None = None
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.list = QListWidget(self)
        self.list.setAccessibleName("Issued versions")
        self.list.setToolTip("The versions of this pack issued so far, newest first")
        self.list.setWordWrap(True)
        self.issue_button = QPushButton("&Issue version\u2026", self)
        self.issue_button.setToolTip(
            "Freeze the saved pack as its next version and build its files"
        )
        self.compare_button = QPushButton("Show &changes since\u2026", self)
        self.compare_button.setToolTip("What has changed since the selected version")
        self.issue_button.clicked.connect(self.issue_requested.emit)
        self.compare_button.clicked.connect(self._compare)
        self.list.itemActivated.connect(lambda _item: self._compare())
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        # One above the other, so the pane stays as narrow as the Checks beside it.
        buttons = QVBoxLayout()
        buttons.addWidget(self.issue_button)
        buttons.addWidget(self.compare_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.show_history(None, None)

    def show_history(
        self,
        pack_path: Path | None,
        pack: Pack | None,
        base_dir: Path | None = None,
        *,
        reread: bool = False,
        saved: bool = False,
    ) -> None:
        """The versions of the pack file `pack_path`, and whether `pack` (what the window
        holds) is still the last of them. The folder is read again when the pack file changes
        or `reread` asks (after an issue, a save or an open); otherwise what was read is used,
        so this is cheap to call as the pack is edited. `saved`: the pack is as in its file."""
        from briefing.history.store import History

        chosen = self.chosen()
        self.list.clear()
        self.records, self.stamp = [], None
        if pack_path is None or pack is None:
            self.history = None
            self.status.setText(
                "Save the pack to keep its versions: they are kept beside the pack file."
            )
            self._enable()
            return
        if reread or self.history is None or self.history.pack_path != pack_path:
            self.history = History(pack_path)
        history = self.history
        try:
            self.records = history.records()
            # Saved: the window's pack is the file's, so its fingerprint may answer.
            self.stamp = (
                history.stamp(pack, base_dir, pack_path if saved else None)
                if self.records
                else None
            )
        except BriefingError as exc:
            self.status.setText(str(exc))
            self._enable()
            return
        for record in reversed(self.records):
            item = QListWidgetItem(version_line(record))
            item.setData(Qt.ItemDataRole.UserRole, record.number)
            item.setToolTip(f"Issued {record.issued.strftime('%H:%M')} on {uk_date(record.issued)}")
            self.list.addItem(item)
        if not self.records:
            self.status.setText(
                "No version issued yet. Issue version 1 when the briefing is ready to send."
            )
        elif self.stamp is not None and self.stamp.draft:
            self.status.setText(
                f"Changed since version {self.stamp.number}: builds say "
                f"\u201c{self.stamp}\u201d until the next version is issued."
            )
        elif self.stamp is not None:
            self.status.setText(f"This pack is {self.stamp}.")
            if reread:  # the first edit compares the pack with it: read it now, off this thread
                run_in_background(
                    History(pack_path).pack, self.stamp.number, on_error=lambda _exc: None
                )  # said when it is truly needed
        rows = [
            self.list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.list.count())
        ]
        if rows:
            self.list.setCurrentRow(rows.index(chosen) if chosen in rows else 0)
        self._enable()

    def chosen(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _enable(self) -> None:
        self.compare_button.setEnabled(self.chosen() is not None)

    def _compare(self) -> None:
        number = self.chosen()
        if number is not None:
            self.compare_requested.emit(number)


class IssueDialog(QDialog):
    """Issue version N: the note and the officer; the files are built in `folder`."""

    def __init__(
        self, number: int, officer: str, folder: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Issue version {number}")
        intro = QLabel(
            f"Version {number} freezes the pack as saved, with its logo and "
            f"template, in its history beside the pack file, and builds its files in "
            f"{folder}. Issued versions are never changed; undo does not undo an "
            "issue.",
            self,
        )
        intro.setWordWrap(True)
        self.note = QLineEdit(self)
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("For example: figures corrected, two articles added")
        self.officer = QLineEdit(officer, self)
        self.officer.setAccessibleName("Issued by")
        form = QFormLayout()
        form.addRow("&Note:", self.note)
        form.addRow("Issued &by:", self.officer)
        from PySide6.QtWidgets import QDialogButtonBox

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = buttons.addButton(
            f"&Issue version {number}", QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        fit_to_screen(self, 520, 220)


class ChangesDialog(QDialog):
    """What changed since a version, as the text `briefing compare` prints."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text = QPlainTextEdit(text, self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName("Changes")
        from PySide6.QtWidgets import QDialogButtonBox

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 720, 520)


def show_changes(parent: QWidget, pack_path: Path, pack: Pack, since: int) -> None:
    """The changes from version `since` to the pack as the window holds it."""
    from briefing.compare.report import as_text
    from briefing.history.changes import compare_versions

    try:
        compared = compare_versions(pack_path, since, current=pack)
    except BriefingError as exc:
        QMessageBox.warning(parent, "Cannot compare", str(exc))
        return
    run_once(
        ChangesDialog(
            f"Changes since version {since}", as_text(compared.changes, compared.heading), parent
        )
    )
