"""Marking a section or item exempt, or clearing it, as one undoable step each: the main window's
Pack menu calls `mark_exempt` and `clear_exempt` for the section or item selected in the tree."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QWidget

from briefing.gui.commands import SetAttr
from briefing.gui.exempt_dialog import ExemptDialog
from briefing.model import Exemption, Item, Section
from briefing.model.schedules import schedule

if TYPE_CHECKING:
    from briefing.gui.pack_model import PackModel


def set_exemption(model: PackModel, target: Section | Item, value: Exemption | None) -> None:
    """Mark (or, with None, clear) as one undoable step."""
    text = "Clear exemption" if value is None else f"Mark exempt (paragraph {value.paragraph})"
    model.undo_stack.push(SetAttr(model, target, "exempt", value, text))


def mark_exempt(
    model: PackModel, target: Section | Item | None, parent: QWidget | None = None
) -> str:
    """Ask for the paragraph and reason and mark the target; returns a status message."""
    from briefing.gui.modal import run_once

    if target is None:
        return "Select a section or an item in the pack first."
    what = "this section and its items" if isinstance(target, Section) else "this item"
    dialog = ExemptDialog(schedule(model.pack.exempt_schedule), what, target.exempt, parent)
    if run_once(dialog) != QDialog.DialogCode.Accepted:
        return ""
    value = dialog.exemption()
    set_exemption(model, target, value)
    return f"Marked exempt under paragraph {value.paragraph}."


def clear_exempt(model: PackModel, target: Section | Item | None) -> str:
    if target is None or target.exempt is None:
        return "The selection is not marked exempt."
    set_exemption(model, target, None)
    return "Exemption cleared."
