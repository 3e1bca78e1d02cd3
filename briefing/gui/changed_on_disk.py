"""Asking what to do when the file about to be saved over has changed on disk since it was
opened: another officer saved the same pack on the shared drive, another window saved it, a
script rewrote it. Nothing is overwritten without the user choosing to."""

from __future__ import annotations

import difflib
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QPlainTextEdit, QVBoxLayout

from briefing.gui.modal import fit_to_screen, run_once

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QWidget


class Choice(Enum):
    OVERWRITE = "Overwrite"
    SAVE_AS = "Save as…"
    RELOAD = "Reload and lose my changes"
    CANCEL = "Cancel"


SHOW_DIFFERENCES = "Show differences"


def differences(on_disk: str, mine: str, name: str) -> str:
    """A unified diff from the file on disk to what this window would save."""
    lines = difflib.unified_diff(
        on_disk.splitlines(keepends=True),
        mine.splitlines(keepends=True),
        fromfile=f"{name} (on disk now)",
        tofile=f"{name} (your version)",
    )
    return "".join(lines) or "The two versions hold the same text."


def ask(parent: QWidget, path: Path, on_disk: str, mine: str, what: str = "pack") -> Choice:
    """Ask until the user chooses; "Show differences" shows them and asks again."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(f"The {what} has changed on disk")
    box.setText(
        f"\u201c{path.name}\u201d has been changed by someone else (or another window) "
        "since you opened it."
    )
    box.setInformativeText(
        "Overwrite replaces their changes with yours. Save as keeps both: yours go to a new "
        "file. Reload opens their version and drops your unsaved changes."
    )
    buttons = {
        box.addButton(choice.value, role): choice
        for choice, role in (
            (Choice.OVERWRITE, QMessageBox.ButtonRole.DestructiveRole),
            (Choice.SAVE_AS, QMessageBox.ButtonRole.AcceptRole),
            (Choice.RELOAD, QMessageBox.ButtonRole.DestructiveRole),
            (Choice.CANCEL, QMessageBox.ButtonRole.RejectRole),
        )
    }
    show = box.addButton(SHOW_DIFFERENCES, QMessageBox.ButtonRole.ActionRole)
    box.setDefaultButton(next(b for b, c in buttons.items() if c is Choice.SAVE_AS))
    box.setEscapeButton(next(b for b, c in buttons.items() if c is Choice.CANCEL))
    try:
        while True:
            box.exec()
            clicked = box.clickedButton()
            if clicked is show:
                show_differences(parent, differences(on_disk, mine, path.name), path)
                continue
            for button, choice in buttons.items():
                if clicked is button:
                    return choice
            return Choice.CANCEL  # closed with Escape or the window's close button
    finally:
        box.deleteLater()


def show_differences(parent: QWidget, diff: str, path: Path) -> None:
    dialog = QDialog(parent)
    dialog.setWindowTitle(f"Differences: {path.name}")
    view = QPlainTextEdit(diff, dialog)
    view.setObjectName("differences")
    view.setReadOnly(True)
    view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    view.setAccessibleName("Differences between the file on disk and your version")
    close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    close.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(view)
    layout.addWidget(close)
    fit_to_screen(dialog, 760, 520)
    run_once(dialog)
