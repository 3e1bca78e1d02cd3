"""The dialog that asks for an exemption: a paragraph of the pack's schedule and a short reason."""

from __future__ import annotations

from typing import TYPE_CHECKING

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
from briefing.model import Exemption

if TYPE_CHECKING:
    from briefing.model.schedules import Schedule


class ExemptDialog(QDialog):
    """Asks for the paragraph (each listed with what it covers) and a short reason."""

    def __init__(
        self, chosen: Schedule, what: str, current: Exemption | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Mark as exempt")
        intro = QLabel(
            f"Versions that withhold exempt information (such as the public version) "
            f"will leave out {what} entirely and say how many items were withheld "
            f"and under which paragraph.",
            self,
        )
        intro.setWordWrap(True)
        self.paragraph = QComboBox(self)
        self.paragraph.setAccessibleName(f"Paragraph of {chosen.name}")
        # A paragraph's meaning is a long sentence: the box shows its start and the list
        # opened from it the whole of each, so the dialog keeps to a laptop's screen.
        self.paragraph.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.paragraph.setMinimumContentsLength(30)
        for number, meaning in chosen.paragraphs.items():
            self.paragraph.addItem(f"{number}: {meaning}", number)
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName("Reason")
        self.reason.setPlaceholderText("e.g. Commercial terms still under negotiation")
        self.reason.setToolTip("Kept in the record of what was withheld; never printed.")
        view = self.paragraph.view()
        screen = self.screen().availableGeometry().width() if self.screen() else 800
        view.setMinimumWidth(min(view.sizeHintForColumn(0) + 24, int(screen * 0.9)))
        if current is not None:
            row = self.paragraph.findData(current.paragraph)
            self.paragraph.setCurrentIndex(max(0, row))
            self.reason.setText(current.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(f"&Paragraph ({chosen.name})", self.paragraph)
        form.addRow("&Reason", self.reason)
        form.addRow(buttons)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        fit_to_screen(self, 620, 180)

    def exemption(self) -> Exemption:
        return Exemption(int(self.paragraph.currentData()), self.reason.text().strip())
