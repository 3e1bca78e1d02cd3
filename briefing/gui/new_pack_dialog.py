"""Ask for a new pack's kind and title."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from briefing.gui.modal import fit_to_screen
from briefing.model import KINDS
from briefing.uk.labels import KIND_LABELS


class NewPackDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New pack")
        self.kind = QComboBox(self)
        for kind in KINDS:
            self.kind.addItem(KIND_LABELS[kind], kind)
        self.kind.setAccessibleName("Kind of pack")
        self.kind.setToolTip("A member briefing, or a handout for an event (with an agenda).")
        self.title = QLineEdit(self)
        self.title.setAccessibleName("Pack title")
        self.title.setToolTip("The title printed on the cover; you can change it later.")
        self.title.setPlaceholderText("For example: Devolution and local growth")
        note = QLabel(
            "Then add articles from the library: select them and choose "
            "Add to pack, or drag them into the pack.",
            self,
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("&Kind", self.kind)
        form.addRow("&Title", self.title)
        form.addRow(note)
        form.addRow(self.buttons)
        self.title.textChanged.connect(self._update)
        self._update()
        fit_to_screen(self, 460, 160)

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.title.text().strip()))

    def chosen(self) -> tuple[str, str]:
        return str(self.kind.currentData()), " ".join(self.title.text().split())
