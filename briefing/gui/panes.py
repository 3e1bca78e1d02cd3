"""F6 and Shift+F6: move the keyboard focus from pane to pane (Library, Pack, Editor, Preview,
Checks) in one key instead of dozens of Tabs, saying which pane was entered.

A pane that is closed is skipped; one tabbed behind another is brought to the front first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget, QWidget

    from briefing.gui.main_window import MainWindow

ANNOUNCE_MS = 3000


class PaneCycle(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        for keys, step in (("F6", 1), ("Shift+F6", -1)):
            shortcut = QShortcut(QKeySequence(keys), window)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda step=step: self.move(step))

    def panes(self) -> list[tuple[str, QDockWidget | None, QWidget]]:
        """(name, its dock or None for the centre, the control that takes focus)."""
        w = self.window
        fields: dict[QWidget, QWidget] = {w.item_editor: w.item_editor.summary,
                                          w.section_editor: w.section_editor.title,
                                          w.settings_editor: w.settings_editor.title}
        first = fields.get(w.editors.currentWidget() or w.editors, w.editors)
        pack = w.tree if w.model.pack.sections else w.empty_label
        preview = w.preview.stack.currentWidget() or w.preview
        library = w.library_pane.table if w.library_pane is not None else w.library_holder
        return [("Library", w.library_dock, library), ("Pack", None, pack),
                ("Editor", None, first), ("Preview", w.preview_dock, preview),
                ("Checks", w.checks_dock, w.checks.list)]

    def current(self) -> int:
        """Which pane holds the focus (-1 for none)."""
        focus = self.window.focusWidget()
        w = self.window
        holders = [w.library_dock, w.tree_stack, w.editors, w.preview_dock, w.checks_dock]
        for n, holder in enumerate(holders):
            if focus is not None and (focus is holder or holder.isAncestorOf(focus)):
                return n
        return -1

    def move(self, step: int) -> None:
        panes = self.panes()
        start = self.current()
        for offset in range(1, len(panes) + 1):
            name, dock, target = panes[(start + step * offset) % len(panes)]
            if dock is not None:
                if dock.isHidden():  # closed from the View menu
                    continue
                dock.raise_()  # a tab behind another comes to the front
            if not target.isEnabled():
                continue
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            # Said aloud (the status bar's messages are announced) and shown.
            self.window.statusBar().showMessage(f"{name} pane", ANNOUNCE_MS)
            return
