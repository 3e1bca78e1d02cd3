"""Start the desktop app: the QApplication, the main window, a pack to open, and recovery."""

from __future__ import annotations

import sys
from pathlib import Path

from briefing.gui.idle_collect import hold_for_start_up

# Python's collector is held back until the first window is up (see idle_collect): from here,
# before Qt's widgets and the window's modules load, and only when the app itself starts.
hold_for_start_up()

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from briefing.gui.focus_ring import install as install_focus_ring  # noqa: E402
from briefing.gui.main_window import MainWindow  # noqa: E402


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
    # colour scheme (dark mode included); the app uses palette roles only. The focus ring
    # wraps whichever style that is (or the one `-style` names).
    install_focus_ring(app)
    return app


def open_at_start(window: MainWindow, pack: Path | None) -> None:
    """What the first window shows: restored work if the user wants it back, else the pack
    named on the command line, else (when the setting is on) the pack open last time."""
    if window.file.offer_recovery():
        return
    if pack is not None:
        window.file.open_path(Path(pack), ask=False)
        return
    recent = window.settings.recent_files() if window.settings.reopen_last() else []
    if recent:
        window.file.open_path(recent[0], ask=False)


def run(
    pack: Path | None = None, library: Path | None = None, qt_args: list[str] | None = None
) -> int:
    """The app; qt_args are Qt's own options from the command line (-style, -platform …)."""
    app = make_application([sys.argv[0], *(qt_args or [])])
    window = MainWindow(library_root=library)
    # Queued before the window is shown, so that it runs before what showing it queues: a page
    # built when first shown (the pack's settings form, in place until a pack opens) is then
    # not built for a pack that opens at its first section.
    QTimer.singleShot(0, lambda: open_at_start(window, pack))
    window.show()
    from briefing.gui.workers import shutdown

    # While the event loop still runs: a task finishing during exit then reports to nobody.
    app.aboutToQuit.connect(shutdown)
    return int(app.exec())
