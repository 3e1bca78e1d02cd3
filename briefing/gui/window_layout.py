"""The main window's layout on first run and after: size, dock widths, the centre splitter.

A first run has no saved layout, so the window takes the laptop's whole screen (or most of a
large monitor) and shares the width out so that every pane is usable: the pack tree wide
enough to read titles, the editor the widest, the preview about a quarter to a third. Whatever
the user then arranges is saved on close and restored next time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt

if TYPE_CHECKING:
    from briefing.gui.main_window import MainWindow

LAPTOP_WIDTH = 1800  # below this the window is maximised; above, it takes 90% of the screen
TREE_MIN = 270
WIDE_EDITOR = 1600  # screens at least this wide show the article text beside the editor


def available(window: MainWindow) -> QRect:
    screen = window.screen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)


def apply_first_run_geometry(window: MainWindow) -> None:
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


def apply_default_sizes(window: MainWindow) -> None:
    """Share the width out between the docks and the centre (first run only)."""
    library, tree, editor, preview = default_widths(window.width())
    window.resizeDocks([window.library_dock, window.preview_dock], [library, preview],
                       Qt.Orientation.Horizontal)
    height = max(400, window.height() - 160)
    window.resizeDocks([window.preview_dock, window.checks_dock],
                       [int(height * 0.8), int(height * 0.2)], Qt.Orientation.Vertical)
    window.centre.setSizes([tree, editor])
    window.item_editor.set_reference_visible(available(window).width() >= WIDE_EDITOR)


def tab_panes_on_a_narrow_screen(window: MainWindow) -> None:
    """On a screen too narrow for the panes side by side (a 1366×768 laptop at 150% display
    scaling is 911 pixels wide), put the Preview and Checks behind the Library as tabs, so
    the window fits and every pane is still a click away."""
    if window.minimumSizeHint().width() <= available(window).width():
        return
    for dock in (window.preview_dock, window.checks_dock):
        if dock.isVisible() or not dock.isFloating():
            window.tabifyDockWidget(window.library_dock, dock)
    window.library_dock.raise_()
