"""The pack's budget in the settings: most pages and most words, 0 meaning "No limit".

Each change is an undoable command on the pack's Budget; typing a number merges into one step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QSpinBox, QWidget

from briefing.gui.commands import SetAttr

if TYPE_CHECKING:
    from PySide6.QtGui import QWheelEvent

    from briefing.gui.pack_model import PackModel

NO_LIMIT = "No limit"


class BudgetSpinBox(QSpinBox):
    """A spin box that ignores the mouse wheel unless it has focus, so scrolling the settings
    page never changes a budget by accident."""

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class BudgetEditor(QGroupBox):
    def __init__(self, model: PackModel, parent: QWidget | None = None) -> None:
        super().__init__("Budget", parent)
        self.model = model
        self._loading = False
        form = QFormLayout(self)
        note = QLabel(
            "How long the pack may be. The status bar and the checks say when it goes over.", self
        )
        note.setWordWrap(True)
        form.addRow(note)
        self.pages = self._spin(
            "pages",
            999,
            1,
            "Page budget",
            "Most pages the printed PDF may have, cover included (0 for no limit).",
        )
        form.addRow("Pa&ges", self.pages)
        self.words = self._spin(
            "words", 100_000, 100, "Word budget", "Most words the pack may print (0 for no limit)."
        )
        form.addRow("&Words", self.words)
        self.load()

    def _spin(self, attr: str, most: int, step: int, name: str, tip: str) -> BudgetSpinBox:
        spin = BudgetSpinBox(self)
        spin.setRange(0, most)
        spin.setSingleStep(step)
        spin.setSpecialValueText(NO_LIMIT)  # shown at 0, the minimum
        spin.setGroupSeparatorShown(True)
        spin.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        spin.setAccessibleName(name)
        spin.setToolTip(tip)
        spin.valueChanged.connect(lambda value: self._changed(attr, value, name))
        return spin

    def _changed(self, attr: str, value: int, name: str) -> None:
        budget = self.model.pack.budget
        new = value or None
        if self._loading or getattr(budget, attr) == new:
            return
        self.model.undo_stack.push(
            SetAttr(self.model, budget, attr, new, f"Change {name.lower()}", merge=True)
        )

    def load(self) -> None:
        """Show the pack's budget (after undo, open, or a change elsewhere)."""
        self._loading = True
        try:
            budget = self.model.pack.budget
            for spin, value in ((self.pages, budget.pages), (self.words, budget.words)):
                if spin.value() != (value or 0):
                    spin.setValue(value or 0)
        finally:
            self._loading = False
