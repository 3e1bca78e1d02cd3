"""Start the desktop app: the QApplication, the main window, a pack to open, and recovery."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from briefing.gui.main_window import MainWindow


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("Briefing")
    app.setApplicationName("Briefing")
    app.setApplicationDisplayName("Briefing")
    # Preview renders and exports run Python on worker threads; a shorter GIL switch interval
    # hands the UI thread the interpreter sooner, so typing stays smooth while they run.
    sys.setswitchinterval(0.001)
    # High-DPI scaling is automatic in Qt 6, and the default style follows the system
    # colour scheme (dark mode included); the app uses palette roles only.
    return app


def run(pack: Path | None = None, library: Path | None = None) -> int:
    app = make_application()
    window = MainWindow(library_root=library)
    window.show()

    def after_start() -> None:
        # Recovery first: restored work wins over the pack named on the command line only
        # when the user says so.
        restored = window.file.offer_recovery()
        if pack is not None and not restored:
            window.open_path(Path(pack), ask=False)

    QTimer.singleShot(0, after_start)
    from briefing.gui.workers import shutdown

    # While the event loop still runs: a task finishing during exit then reports to nobody.
    app.aboutToQuit.connect(shutdown)
    return int(app.exec())
