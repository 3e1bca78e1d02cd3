"""The main window's layout on first run and after: size, dock widths, the centre splitter.

A first run has no saved layout, so the window takes the laptop's whole screen (or most of a
large monitor) and shares the width out so that every pane is usable: the pack tree wide
enough to read titles, the editor the widest, the preview about a quarter to a third. Whatever
the user then arranges is saved on close and restored next time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtWidgets import QTabBar

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter, QWidget

    from briefing.gui.settings import Settings

LAPTOP_WIDTH = 1800  # below this the window is maximised; above, it takes 90% of the screen
TREE_MIN = 270
WIDE_EDITOR = 1600  # screens at least this wide show the article text beside the editor


class Panes(NamedTuple):
    """The parts of the window the layout sizes: three docks, the centre splitter (pack tree
    and editor), the item editor's own splitter and its article text beside the editor."""

    library: QDockWidget
    preview: QDockWidget
    checks: QDockWidget
    centre: QSplitter
    editor: QSplitter
    reference_visible: Callable[[], bool]
    show_reference: Callable[[bool], None]


class WindowLayout:
    """One window's layout: restored from the settings (or laid out for a first run), saved on
    close, and Checks as a tab behind the Preview or below it."""

    def __init__(self, window: QMainWindow, settings: Settings, panes: Panes) -> None:
        self.window, self.settings, self.panes = window, settings, panes
        self.first_run = False

    def restore(self) -> None:
        settings, panes = self.settings, self.panes
        geometry = settings.window_geometry()
        self.first_run = geometry is None
        if geometry is None:
            apply_first_run_geometry(self.window)
        else:
            self.window.restoreGeometry(geometry)
        state = settings.window_state()
        if state is not None:
            self.window.restoreState(state)
        for splitter, name in ((panes.centre, "centre"), (panes.editor, "item-editor")):
            saved = settings.splitter_state(name)
            if saved is not None:
                splitter.restoreState(saved)
        if not self.first_run:
            panes.show_reference(settings.flag("article-text", True))
        tab_panes_on_a_narrow_screen(self.window, panes)

    def shown(self) -> None:
        """On the first showing of a first run, share the width out once the window has its
        real size (dock sizes can only be shared out then). Tabbed panes keep whole names."""
        QTimer.singleShot(0, self.window, lambda: whole_tab_names(self.window))  # once tabs exist
        if self.first_run:
            self.first_run = False
            QTimer.singleShot(0, lambda: apply_default_sizes(self.window, self.panes))

    def save(self) -> None:
        settings, panes = self.settings, self.panes
        settings.set_window_geometry(self.window.saveGeometry())
        settings.set_window_state(self.window.saveState())
        settings.set_splitter_state("centre", panes.centre.saveState())
        settings.set_splitter_state("item-editor", panes.editor.saveState())
        settings.set_flag("article-text", panes.reference_visible())
        settings.sync()

    def checks_tabbed(self) -> bool:
        return self.panes.checks in self.window.tabifiedDockWidgets(self.panes.preview)

    def set_checks_tabbed(self, tabbed: bool) -> None:
        """Checks as a tab behind the Preview, or back below it."""
        if tabbed == self.checks_tabbed():
            return
        window, preview, checks = self.window, self.panes.preview, self.panes.checks
        if tabbed:
            window.tabifyDockWidget(preview, checks)
            preview.raise_()
            QTimer.singleShot(0, window, lambda: whole_tab_names(window))
        else:
            window.splitDockWidget(preview, checks, Qt.Orientation.Vertical)
            window.resizeDocks(
                [preview, checks],
                [int(window.height() * 0.6), int(window.height() * 0.2)],
                Qt.Orientation.Vertical,
            )


def available(window: QWidget) -> QRect:
    screen = window.screen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)


def apply_first_run_geometry(window: QWidget) -> None:
    """Size and place a window that has no saved geometry."""
    area = available(window)
    if area.width() < LAPTOP_WIDTH:
        # Resize as well as maximise: without a window manager the state alone does nothing.
        window.setGeometry(area)
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
        return
    width, height = int(area.width() * 0.9), int(area.height() * 0.9)
    window.resize(width, height)
    window.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2)


def default_widths(total: int) -> tuple[int, int, int, int]:
    """(library, pack tree, editor, preview) widths sharing `total` pixels."""
    library = max(270, min(380, int(total * 0.19)))
    preview = max(300, int(total * 0.27))
    centre = max(0, total - library - preview)
    tree = max(TREE_MIN, min(340, int(centre * 0.3)))
    return library, tree, centre - tree, preview


def apply_default_sizes(window: QMainWindow, panes: Panes) -> None:
    """Share the width out between the docks and the centre (first run only)."""
    library, tree, editor, preview = default_widths(window.width())
    window.resizeDocks(
        [panes.library, panes.preview], [library, preview], Qt.Orientation.Horizontal
    )
    height = max(400, window.height() - 160)
    window.resizeDocks(
        [panes.preview, panes.checks],
        [int(height * 0.8), int(height * 0.2)],
        Qt.Orientation.Vertical,
    )
    panes.centre.setSizes([tree, editor])
    panes.show_reference(available(window).width() >= WIDE_EDITOR)


def tab_panes_on_a_narrow_screen(window: QMainWindow, panes: Panes) -> None:
    """On a screen too narrow for the panes side by side (a 1366×768 laptop at 150% display
    scaling is 911 pixels wide), put the Preview and Checks behind the Library as tabs, so
    the window fits and every pane is still a click away."""
    if window.minimumSizeHint().width() <= available(window).width():
        return
    for dock in (panes.preview, panes.checks):
        if dock.isVisible() or not dock.isFloating():
            window.tabifyDockWidget(panes.library, dock)
    panes.library.raise_()


def whole_tab_names(window: QMainWindow) -> None:
    """Panes tabbed together show their whole names ("Preview", not "Pre…"): when the tabs do
    not all fit (four behind the Library at 150% display scaling), the tab bar scrolls."""
    for bar in window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
        bar.setElideMode(Qt.TextElideMode.ElideNone)
        bar.setUsesScrollButtons(True)
