"""The checks panel: what to fix before export (missing summaries, broken links, alt text).

Findings arrive with each preview render; double-clicking one opens the item it names.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from briefing.uk import plural

_ICONS = {
    "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
}
_WORDS = {"error": "Error", "warning": "Warning", "info": "Note"}


def describe(finding: Any) -> str:
    where = ""
    if getattr(finding, "section", None) is not None:
        where = f"Section {finding.section}"
        if getattr(finding, "item", None) is not None:
            where += f", item {finding.item}"
        where += ": "
    severity = getattr(finding, "severity", "info")
    return f"{_WORDS.get(severity, 'Note')}: {where}{finding.message}"


class ChecksPanel(QWidget):
    # 0-based (section, item); item is -1 for a section-level finding
    jump_requested = Signal(int, int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.findings: list[Any] = []
        self.summary = QLabel("Checks run with the preview.", self)
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Checks before export")
        self.list.setToolTip("Things to look at before exporting. Double-click or press Enter "
                             "to open the item concerned.")
        self.list.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self.list.itemActivated.connect(self._activated)

    def set_findings(self, findings: list[Any]) -> None:
        self.findings = list(findings)
        self.list.clear()
        style = self.style()
        for finding in self.findings:
            severity = getattr(finding, "severity", "info")
            entry = QListWidgetItem(style.standardIcon(_ICONS.get(severity, _ICONS["info"])),
                                    describe(finding))
            entry.setData(Qt.ItemDataRole.UserRole, (getattr(finding, "section", None),
                                                     getattr(finding, "item", None)))
            self.list.addItem(entry)
        errors = self.count("error")
        warnings = self.count("warning")
        if not self.findings:
            self.summary.setText("No problems found.")
        else:
            parts = []
            if errors:
                parts.append(f"{plural(errors, 'error')}")
            if warnings:
                parts.append(f"{plural(warnings, 'warning')}")
            self.summary.setText(", ".join(parts) or "Notes only.")

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if getattr(f, "severity", "") == severity)

    def _activated(self, entry: QListWidgetItem) -> None:
        section, item = entry.data(Qt.ItemDataRole.UserRole)
        if section is not None:
            self.jump_requested.emit(section - 1, item - 1 if item is not None else -1)
