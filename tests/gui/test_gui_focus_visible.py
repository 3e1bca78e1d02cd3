"""Keyboard focus can be seen in every pane: moving focus to a pane changes pixels around it by
a contrast of at least 3:1 (WCAG 2.2), in the normal palette and in a high-contrast one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

from briefing.gui.focus_ring import border_colour, contrast, install

PACK = Path(__file__).resolve().parents[2] / "packs" / "member-briefing.yaml"


def _shot(window: QWidget, widget: QWidget) -> QImage:
    """The widget and a few pixels around it, as shown in the window."""
    top_left = widget.mapTo(window, QPoint(0, 0))
    area = QRect(top_left, widget.size()).adjusted(-4, -4, 4, 4)
    return window.grab(area).toImage().convertToFormat(QImage.Format.Format_RGB32)


def _strong_changes(before: QImage, after: QImage) -> int:
    """Pixels whose colour changed by a contrast of 3:1 or more."""
    assert before.size() == after.size()
    a, b = bytes(before.constBits()), bytes(after.constBits())
    changed = 0
    for offset in range(0, len(a), 4):
        if a[offset : offset + 3] != b[offset : offset + 3]:
            old = QColor(a[offset + 2], a[offset + 1], a[offset])
            new = QColor(b[offset + 2], b[offset + 1], b[offset])
            if contrast(old, new) >= 3.0:
                changed += 1
    return changed


@pytest.fixture
def focus_window(window: Any, qtbot: Any, qapp: QApplication) -> Any:
    install(qapp)
    window.resize(1366, 768)
    window.activateWindow()
    qtbot.waitExposed(window)
    assert window.open_path(PACK, ask=False)
    window.tree.setCurrentIndex(window.model.index(0, 0, window.model.index(0, 0)))
    return window


def _panes(window: Any) -> dict[str, QWidget]:
    return {
        "pack tree": window.tree,
        "library table": window.library_pane.table,
        "library search": window.library_pane.search_box,
        "preview": window.preview.view,
        "checks list": window.checks.list,
        "summary": window.item_editor.summary,
    }


@pytest.mark.parametrize(
    "pane", ["pack tree", "library table", "library search", "preview", "checks list", "summary"]
)
def test_focus_shows_in_every_pane(focus_window: Any, qtbot: Any, pane: str) -> None:
    window = focus_window
    if pane == "preview":  # the page view, as shown once pages are rendered
        window.preview.stack.setCurrentWidget(window.preview.view)
    widget = _panes(window)[pane]
    dock = widget.parent()
    while dock is not None and not isinstance(dock, QDockWidget):
        dock = dock.parent()
    if dock is not None:  # on a narrow screen the pane may be a tab behind another
        dock.raise_()
    away = window.library_pane.search_box if pane != "library search" else window.tree
    away.setFocus()
    qtbot.waitUntil(lambda: away.hasFocus())
    before = _shot(window, widget)
    widget.setFocus()
    qtbot.waitUntil(lambda: widget.hasFocus())
    qtbot.wait(50)
    after = _shot(window, widget)
    # At least a line of pixels along the widget changes with 3:1 contrast or more.
    assert _strong_changes(before, after) >= min(widget.width(), widget.height()), pane


def test_field_borders_stay_visible_in_a_high_contrast_palette() -> None:
    palette = QPalette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Window, QColor("black"))
        palette.setColor(group, QPalette.ColorRole.Base, QColor("black"))
        palette.setColor(group, QPalette.ColorRole.Text, QColor("white"))
        palette.setColor(group, QPalette.ColorRole.WindowText, QColor("yellow"))
        palette.setColor(group, QPalette.ColorRole.Mid, QColor("#1a1a1a"))
    border = border_colour(palette)
    assert contrast(border, QColor("black")) >= 3.0


def test_qt_options_on_the_command_line_reach_qt() -> None:
    import os
    import subprocess
    import sys

    from briefing.cli.gui import split_qt_args

    assert split_qt_args(["gui", "p.yaml", "-style", "fusion", "--library", "L"]) == (
        ["gui", "p.yaml", "--library", "L"],
        ["-style", "fusion"],
    )
    code = (
        "from briefing.gui.app import make_application\n"
        "app = make_application(['briefing', '-style', 'Windows'])\n"
        "print(app.style().baseStyle().name())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
    )
    assert done.stdout.strip().splitlines()[-1] == "windows", done.stderr
