"""Run a dialog made for one use, then let Qt delete it (it would otherwise live on as a hidden
child of its parent window for the rest of the session)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


def run_once(dialog: QDialog) -> int:
    """exec() the dialog and schedule its deletion; read its results before the next event loop
    turn (that is, straight after this returns)."""
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()
