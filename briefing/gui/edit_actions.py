"""Edit ▸ Cut, Copy, Paste and Select All: they act on whichever text field has the focus, and
are greyed out where they cannot (nothing focused that takes text, or read-only text)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

TextWidget = QLineEdit | QPlainTextEdit | QTextEdit
# (name, menu text, standard key, needs an editable field)
EDITS = (
    ("cut", "Cu&t", QKeySequence.StandardKey.Cut, True),
    ("copy", "&Copy", QKeySequence.StandardKey.Copy, False),
    ("paste", "&Paste", QKeySequence.StandardKey.Paste, True),
    ("selectAll", "Select &all", QKeySequence.StandardKey.SelectAll, False),
)


def _target(widget: QWidget | None) -> QWidget | None:
    """The focused widget if it takes text (or, for Select All, a list); else None."""
    return widget if isinstance(widget, TextWidget | QAbstractItemView) else None


def _editable(widget: QWidget) -> bool:
    return isinstance(widget, TextWidget) and not widget.isReadOnly()


class EditActions(QObject):
    """The four actions, kept enabled only where they can act (a child of the window, so the
    focus signal lets go of it when the window goes)."""

    def __init__(self, owner: QWidget) -> None:
        super().__init__(owner)
        self.actions: dict[str, QAction] = {}
        for name, text, key, _editing in EDITS:
            action = QAction(text, owner)
            action.setShortcut(QKeySequence(key))
            tip = f"{text.replace('&', '')} in the field that has the focus"
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.triggered.connect(lambda _c=False, n=name: _apply(n))
            self.actions[name] = action
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self.update)
        self.update()

    def update(self, _old: QWidget | None = None, new: QWidget | None = None) -> None:
        widget = _target(new if new is not None else QApplication.focusWidget())
        for name, _text, _key, editing in EDITS:
            if widget is None:
                enabled = False
            elif isinstance(widget, QAbstractItemView):
                enabled = name == "selectAll"
            else:
                enabled = not editing or _editable(widget)
            self.actions[name].setEnabled(enabled)


def _apply(name: str) -> None:
    widget = _target(QApplication.focusWidget())
    if widget is not None and hasattr(widget, name):
        getattr(widget, name)()
