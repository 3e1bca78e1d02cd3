"""Run in a subprocess at a display scale (QT_SCALE_FACTOR) on a 1366×768 offscreen screen:
prints, as JSON, the available screen and the size and minimum size of the main window (with the
example pack open) and of each dialog, as the user would open them."""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[2]


def sizes(widget: QWidget) -> dict[str, list[int]]:
    hint = widget.minimumSizeHint()
    frame = widget.frameGeometry()
    return {"size": [frame.width(), frame.height()], "minimum": [hint.width(), hint.height()],
            "position": [frame.x(), frame.y()]}


def settle(app: QApplication, dialog: QWidget) -> None:
    """Let a dialog finish what it does on opening (the import dialog reads its files in the
    background) and lay itself out, so the size measured is the one the user sees."""
    deadline = time.monotonic() + 60
    while not getattr(dialog, "ready", True) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    for _ in range(3):
        app.processEvents()


def main() -> None:
    app = QApplication(sys.argv[:1])
    from briefing.gui.export_dialog import ExportDialog
    from briefing.gui.import_dialog import ImportDialog
    from briefing.gui.main_window import MainWindow
    from briefing.gui.settings import Settings
    from briefing.gui.themes_dialog import ThemesDialog
    from briefing.library import Library

    tmp = Path(tempfile.mkdtemp())
    settings = Settings(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat))
    library = Library(tmp / "library", cache_dir=tmp / "cache")
    window = MainWindow(settings=settings, library_root=library.root,
                        recovery_dir=tmp / "recovery", library=library)
    window.preview.enabled = False
    window.show()
    window.open_path(ROOT / "packs" / "member-briefing.yaml", ask=False)
    app.processEvents()
    screen = window.screen().availableGeometry()
    found = {"screen": [screen.width(), screen.height()], "main window": sizes(window)}
    samples = ROOT / "tests" / "samples" / "council-blog-collection.txt"
    dialogs = {
        "export": ExportDialog(window.model.pack, window.file.base_dir(), settings, tmp, window),
        "themes": ThemesDialog(library, [], window),
        "import": ImportDialog(library, paths=[samples], parent=window),
    }
    for name, dialog in dialogs.items():
        dialog.show()
        settle(app, dialog)
        found[name] = sizes(dialog)
    print(json.dumps(found))


if __name__ == "__main__":
    main()
