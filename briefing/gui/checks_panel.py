"""The checks panel: what to fix before export, the same list as `briefing check` (missing
summaries, alt text, link text, long sentences, contrast ...).

Findings arrive with each preview render; double-clicking one opens the item it names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from briefing.uk.wording import tally

if TYPE_CHECKING:
    from briefing.checks.accessibility_text import TextField
    from briefing.writing.readability import Ease

_ICONS = {
    "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "advice": QStyle.StandardPixmap.SP_MessageBoxInformation,
}
_WORDS = {"error": "Error", "warning": "Warning", "advice": "Advice"}


def _place(finding: Any) -> tuple[int | None, int | None, str]:
    """(section, item), 1-based, of a finding of the checks table (or None), and the field it
    is about ("summary", "implications", or "")."""
    where = getattr(finding, "location", finding)
    return (
        getattr(where, "section", None),
        getattr(where, "item", None),
        getattr(where, "field", None) or "",
    )


def describe(finding: Any) -> str:
    section, item, _field = _place(finding)
    where = ""
    if section is not None:
        where = f"Section {section}" + (f", item {item}" if item is not None else "") + ": "
    severity = getattr(finding, "severity", "advice")
    return f"{_WORDS.get(severity, 'Advice')}: {where}{finding.message}"


class ChecksPanel(QWidget):
    # 0-based (section, item); item is -1 for a section-level finding; then the field
    jump_requested = Signal(int, int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.findings: list[Any] = []
        self.summary = QLabel("Checks run with the preview.", self)
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Checks before export")
        self.list.setToolTip(
            "Things to look at before exporting. Double-click or press Enter "
            "to open the item concerned."
        )
        self.list.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self.list.itemActivated.connect(self._activated)
        # Reading ease at a glance: the pack's summaries together, and the five hardest.
        self.ease = QLabel(self)
        self.ease.setWordWrap(True)
        self.ease.setTextFormat(Qt.TextFormat.PlainText)
        self.ease.setAccessibleName("Reading ease")
        self.hardest = QListWidget(self)
        self.hardest.setAccessibleName("Hardest summaries to read")
        self.hardest.setToolTip(
            "The summaries with the lowest reading ease. Double-click or press Enter to open one."
        )
        self.hardest.setWordWrap(True)
        self.hardest.setMaximumHeight(self.fontMetrics().height() * 8)
        self.hardest.itemActivated.connect(self._activated)
        layout.addWidget(self.ease)
        layout.addWidget(self.hardest)
        self.set_readability(None, [])

    def set_findings(self, findings: list[Any]) -> None:
        self.findings = list(findings)
        self.list.clear()
        style = self.style()
        for finding in self.findings:
            severity = getattr(finding, "severity", "advice")
            entry = QListWidgetItem(
                style.standardIcon(_ICONS.get(severity, _ICONS["advice"])), describe(finding)
            )
            entry.setToolTip(finding.message)
            entry.setData(Qt.ItemDataRole.UserRole, _place(finding))
            self.list.addItem(entry)
        if not self.findings:
            self.summary.setText("No problems found.")
        else:
            self.summary.setText(
                tally(self.count("error"), self.count("warning"), self.count("advice")) + "."
            )

    def set_readability(self, overall: Ease | None, hardest: list[tuple[TextField, Ease]]) -> None:
        """Show the pack's reading ease and its hardest summaries (from
        briefing.checks.writing.readability)."""
        self.hardest.clear()
        if overall is None:
            self.ease.setText("Reading ease: no summaries yet.")
            self.hardest.hide()
            return
        self.ease.setText(
            f"Reading ease of the summaries: {overall.score:.0f} out of 100 "
            f"({overall.label()}; plain English scores 60 or more). Hardest:"
        )
        for field, ease in hardest:
            title = field.name.removeprefix("the summary of ")
            where = f"Section {field.section}, item {field.item}"
            entry = QListWidgetItem(f"{ease.score:.0f}: {title} ({where})")
            entry.setToolTip(
                f"{ease.label().capitalize()}: sentences of "
                f"{ease.words / ease.sentences:.0f} words on average"
                + (f"; long words: {', '.join(ease.hard_words)}" if ease.hard_words else "")
            )
            entry.setData(Qt.ItemDataRole.UserRole, (field.section, field.item, "summary"))
            self.hardest.addItem(entry)
        self.hardest.setVisible(bool(hardest))

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if getattr(f, "severity", "") == severity)

    def _activated(self, entry: QListWidgetItem) -> None:
        section, item, field = entry.data(Qt.ItemDataRole.UserRole)
        if section is not None:
            self.jump_requested.emit(section - 1, item - 1 if item is not None else -1, field)
