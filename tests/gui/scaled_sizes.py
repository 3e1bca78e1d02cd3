"""Run in a subprocess at a display scale (QT_SCALE_FACTOR) on a 1366×768 offscreen screen:
opens every window and dialog in every state (tests/gui/every_window.py) and prints, as JSON,
the available screen and, for each, where the window is and where each of its buttons, option
boxes and tick boxes is, on the screen, as the user would see them.

With `--shots DIR` it also saves a screenshot of each as DIR/<name>.png."""

from __future__ import annotations

import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRect, QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QScrollArea,
    QStyleOptionViewItem,
    QTabBar,
    QWidget,
)

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from every_window import STATES, settle  # noqa: E402


def on_screen(widget: QWidget) -> list[int]:
    top_left = widget.mapToGlobal(QPoint(0, 0))
    return [top_left.x(), top_left.y(), widget.width(), widget.height()]


def scroller(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def measure(window: QWidget) -> dict[str, object]:
    frame = window.frameGeometry()
    hint = window.minimumSizeHint()
    controls = []
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or button.window() is not window:
            continue
        if button.objectName().startswith("qt_"):  # dock and toolbar furniture
            continue
        area = scroller(button)
        controls.append(
            {
                "name": button.accessibleName() or button.text().replace("&", ""),
                "rect": on_screen(button),
                # A button in a scrolling area is on screen once scrolled to: its area must be.
                "scrolls_in": on_screen(area.viewport()) if area is not None else None,
                # squeezed below the height its text needs (overlapping its neighbours' text)
                "squashed": button.height() < button.minimumSizeHint().height(),
                # a tab bar's two scroll arrows, which Qt draws sharing a border
                "arrows": isinstance(button.parentWidget(), QTabBar),
            }
        )
    found: dict[str, object] = {
        "window": [frame.x(), frame.y(), frame.width(), frame.height()],
        "minimum": [hint.width(), hint.height()],
        "controls": controls,
        # a dialog whose body must be scrolled to be read (fine only when the screen is full)
        "scrolls": isinstance(window, QDialog)
        and any(
            area.verticalScrollBar().maximum() > 0
            for area in window.findChildren(QScrollArea)
            if area.isVisibleTo(window) and area.window() is window
        ),
    }
    tree = getattr(window, "tree", None)
    if tree is not None and tree.isVisible():  # the pack tree's rows, as painted
        found["tree rows"] = [painted_text(tree, index) for index in rows(tree)]
    return found


def rows(tree: Any) -> list[Any]:
    model = tree.model()
    out = []
    for s in range(model.rowCount()):
        section = model.index(s, 0)
        out.append(section)
        out += [model.index(i, 0, section) for i in range(model.rowCount(section))]
    return out


def painted_text(tree: Any, index: Any) -> str:
    option = QStyleOptionViewItem()
    option.initFrom(tree)
    option.rect = tree.visualRect(index)
    tree.itemDelegate().initStyleOption(option, index)
    return str(option.text)


def main() -> None:
    shots = Path(sys.argv[sys.argv.index("--shots") + 1]) if "--shots" in sys.argv else None
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else ""
    app = QApplication(sys.argv[:1])
    from briefing.gui.focus_ring import install
    from briefing.gui.main_window import MainWindow
    from briefing.gui.settings import Settings
    from briefing.library import Library
    from briefing.library.importers import import_path

    install(app)
    tmp = Path(tempfile.mkdtemp())
    settings = Settings(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat))
    library = Library(tmp / "library", cache_dir=tmp / "cache")
    for sample in ("council-blog-collection.txt", "contact-centre-round-table.txt"):
        library.add_drafts(import_path(HERE.parent / "samples" / sample))
    window = MainWindow(
        settings=settings, library_root=library.root, recovery_dir=tmp / "recovery", library=library
    )
    window.preview.enabled = False
    window.show()
    settle(window)
    screen = window.screen().availableGeometry()
    found: dict[str, object] = {"screen": [screen.x(), screen.y(), screen.width(), screen.height()]}
    for name, opener in STATES.items():
        if only and only not in name:
            continue
        shown = opener(window, tmp)
        settle(shown)
        found[name] = measure(shown)
        if shots is not None:
            shots.mkdir(parents=True, exist_ok=True)
            file = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
            shown.grab(QRect(QPoint(0, 0), shown.size())).save(str(shots / f"{file}.png"))
        if shown is not window:
            shown.close()
            shown.deleteLater()
            settle(window)
    window.file.forced_modified = False
    window.undo_stack.setClean()
    print(json.dumps(found))


if __name__ == "__main__":
    main()
