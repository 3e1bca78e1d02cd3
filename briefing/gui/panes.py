"""F6 and Shift+F6: move the keyboard focus from pane to pane (Library, Pack, Editor, Preview,
Checks) in one key instead of dozens of Tabs, saying which pane was entered.

A pane that is closed is skipped; one tabbed behind another is brought to the front first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

ANNOUNCE_MS = 3000


class Pane(NamedTuple):
    """One stop of F6: its name (said on entering), its dock (None for the centre), the widget
    that holds the focus while in it, and the control that takes the focus on entering."""

    name: str
    dock: QDockWidget | None
    holder: QWidget
    target: Callable[[], QWidget]


class PaneCycle(QObject):
    def __init__(self, window: QMainWindow, panes: Sequence[Pane]) -> None:
        super().__init__(window)
        self.window = window
        self.panes = list(panes)
        for keys, step in (("F6", 1), ("Shift+F6", -1)):
            shortcut = QShortcut(QKeySequence(keys), window)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda step=step: self.move(step))

    def current(self) -> int:
        """Which pane holds the focus (-1 for none)."""
        focus = self.window.focusWidget()
        for n, pane in enumerate(self.panes):
            if focus is not None and (focus is pane.holder or pane.holder.isAncestorOf(focus)):
                return n
        return -1

    def move(self, step: int) -> None:
        start = self.current()
        for offset in range(1, len(self.panes) + 1):
            pane = self.panes[(start + step * offset) % len(self.panes)]
            if pane.dock is not None:
                if pane.dock.isHidden():  # closed from the View menu
                    continue
                pane.dock.raise_()  # a tab behind another comes to the front
            target = pane.target()
            if not target.isEnabled():
                continue
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            # Said aloud (the status bar's messages are announced) and shown.
            self.window.statusBar().showMessage(f"{pane.name} pane", ANNOUNCE_MS)
            return
