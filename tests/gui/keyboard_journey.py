"""The whole journey by keyboard alone, as a user at 150% display scaling on a 1366×768 laptop
does it: import, new pack, add, summarise, accept a suggestion, mark exempt, reorder, undo,
check, preview, export all versions, save and reopen. Every key goes to the control that has
focus, and only when that control is in sight (tests/gui/keyboard_only.py); message boxes and
the file choosers are the desktop's own, answered by the `dialogs` fixture.

Run by test_gui_keyboard_journey.py under QT_SCALE_FACTOR=1.5 on a 1366×768 screen (the file
name keeps pytest from collecting it on its own at 100%).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from every_window import SAMPLES, settle
from keyboard_only import describe, focused, in_sight, press, tab_to, type_text
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QWidget

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    import pytest

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def in_next_dialog(qtbot: Any, steps: Callable[[QWidget], None], done: list[str]) -> None:
    """Once a modal dialog opens, run `steps` in it (keys pressed as the user would)."""
    dialog = QApplication.activeModalWidget()
    if dialog is None or not dialog.isVisible():
        QTimer.singleShot(30, lambda: in_next_dialog(qtbot, steps, done))
        return
    try:
        qtbot.waitUntil(lambda: getattr(dialog, "ready", True), timeout=60_000)
        dialog.activateWindow()  # as the desktop does for a new window
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        settle(dialog)
        assert in_sight(dialog), f"the dialog is off the screen: {describe(dialog)}"
        steps(dialog)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
        done.append(dialog.windowTitle())
    except BaseException as exc:  # reported by the test, not lost in the event loop
        done.append(f"failed in {dialog.windowTitle()!r}: {exc!r}")
        dialog.close()


def through_dialog(
    qtbot: Any,
    steps: Callable[[QWidget], None],
    key: Qt.Key,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> str:
    """Press a key that opens a modal dialog, and go through it with `steps`."""
    done: list[str] = []
    window = QApplication.activeWindow()
    QTimer.singleShot(0, lambda: in_next_dialog(qtbot, steps, done))
    press(qtbot, key, modifiers)
    qtbot.waitUntil(lambda: bool(done), timeout=120_000)
    assert not done[0].startswith("failed"), done[0]
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=10_000)
    back_to(qtbot, window)
    return done[0]


def back_to(qtbot: Any, window: QWidget | None) -> None:
    """The window under a dialog that closed is active again, as the desktop makes it."""
    if window is not None:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def in_menu(qtbot: Any, key: Qt.Key) -> None:
    """A key in the menu that is open (Alt+letter opened it)."""
    menu = QApplication.activePopupWidget()
    assert menu is not None, "no menu is open"
    settle(menu)
    assert in_sight(menu), f"the menu is out of sight: {describe(menu)}"
    qtbot.keyClick(menu, key)


def pane(qtbot: Any, window: Any, name: str) -> QWidget:
    """F6 until the named pane has focus (the status bar says which)."""
    for _ in range(6):
        press(qtbot, Qt.Key.Key_F6)
        if window.statusBar().currentMessage() == f"{name} pane":
            return focused()
    raise AssertionError(f"F6 never reached the {name} pane")


def test_keyboard_only_journey(
    qtbot: Any, tmp_path: Path, dialogs: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.gui.app import make_application
    from briefing.gui.main_window import MainWindow
    from briefing.gui.settings import Settings
    from briefing.library import Library
    from briefing.packfile import load_pack

    make_application()  # the app's own set-up: the focus ring follows the keyboard
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    settings.set_export_folder(tmp_path / "out")
    window = MainWindow(
        settings=settings,
        recovery_dir=tmp_path / "rec",
        library=Library(tmp_path / "library", cache_dir=tmp_path / "cache"),
    )
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    settle(window)
    screen = window.screen().availableGeometry()
    assert screen.width() <= 912, "run at 150% on a 1366×768 screen"
    assert window.checks_tabbed() or window.library_dock in window.tabifiedDockWidgets(
        window.preview_dock
    ), "the panes are tabs on a laptop at 150%"

    # -- import ----------------------------------------------------------------------------
    pane(qtbot, window, "Library")
    samples = [str(SAMPLES / "council-blog-collection.txt")]
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: (samples, ""))
    )

    def import_all(dialog: Any) -> None:
        assert focused() is dialog.list
        press(qtbot, Qt.Key.Key_Return)  # Import is the default button
        qtbot.waitUntil(lambda: dialog.close_button.isVisible())
        assert "Added" in dialog.result_label.text()
        press(qtbot, Qt.Key.Key_Return)  # Close

    through_dialog(qtbot, import_all, Qt.Key.Key_I, CTRL)
    assert len(window.library.articles()) >= 5

    # -- a new pack, two articles added ----------------------------------------------------
    def new_pack(dialog: Any) -> None:
        press(qtbot, Qt.Key.Key_T, ALT)  # to the Title box
        assert focused() is dialog.title
        type_text(qtbot, "Neighbourhood services review")
        press(qtbot, Qt.Key.Key_Return)

    through_dialog(qtbot, new_pack, Qt.Key.Key_N, CTRL)
    assert window.model.pack.title == "Neighbourhood services review"
    table = pane(qtbot, window, "Library")
    assert table is window.library_pane.table
    press(qtbot, Qt.Key.Key_Home, CTRL)
    press(qtbot, Qt.Key.Key_Down, SHIFT)
    press(qtbot, Qt.Key.Key_Return, CTRL)  # Add to pack
    items = window.model.pack.sections[0].items if window.model.pack.sections else []
    assert len(items) == 2

    # -- summarise the first, accept a drafted summary for the second ----------------------
    tree = pane(qtbot, window, "Pack")
    assert tree is window.tree
    press(qtbot, Qt.Key.Key_Down)  # the first item
    press(qtbot, Qt.Key.Key_Return)  # opens it, the cursor in Summary
    assert focused() is window.item_editor.summary
    type_text(qtbot, "Councils are sharing staff to keep services going.")
    pane(qtbot, window, "Pack")
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Tab)  # Draft summary
    assert focused() is window.item_editor.draft_button

    def accept_draft(dialog: Any) -> None:
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        tab_to(qtbot, ok)  # past the sentences and the draft, to OK
        press(qtbot, Qt.Key.Key_Space)

    through_dialog(qtbot, accept_draft, Qt.Key.Key_Space)
    second = window.model.pack.sections[0].items[1]
    assert second.summary.strip()
    assert focused() is window.item_editor.draft_button

    # -- mark the second exempt (Pack ▸ Mark exempt…) -------------------------------------
    pane(qtbot, window, "Pack")

    def exempt(dialog: Any) -> None:
        press(qtbot, Qt.Key.Key_Down, times=2)  # paragraph 3
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "Prices under negotiation")
        press(qtbot, Qt.Key.Key_Return)

    press(qtbot, Qt.Key.Key_P, ALT)
    done: list[str] = []
    QTimer.singleShot(0, lambda: in_next_dialog(qtbot, exempt, done))
    in_menu(qtbot, Qt.Key.Key_X)
    qtbot.waitUntil(lambda: bool(done), timeout=30_000)
    assert not done[0].startswith("failed"), done[0]
    back_to(qtbot, window)
    assert second.exempt is not None and second.exempt.paragraph == 3
    assert window.statusBar().currentMessage().startswith("Marked exempt")

    # -- reorder and undo ------------------------------------------------------------------
    pane(qtbot, window, "Pack")
    press(qtbot, Qt.Key.Key_Up, ALT)
    assert window.model.pack.sections[0].items[0] is second
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert window.model.pack.sections[0].items[1] is second

    # -- check and preview -----------------------------------------------------------------
    with qtbot.waitSignal(window.preview.rendered, timeout=120_000):
        press(qtbot, Qt.Key.Key_F5)
    checks = pane(qtbot, window, "Checks")
    assert checks is window.checks.list and in_sight(checks)
    assert window.checks.summary.text()
    view = pane(qtbot, window, "Preview")
    assert in_sight(view) and window.preview.page_count >= 1

    # -- export every version ------------------------------------------------------------
    def export_all(dialog: Any) -> None:
        press(qtbot, Qt.Key.Key_V, ALT)  # the Version box
        assert focused() is dialog.audience
        press(qtbot, Qt.Key.Key_End)  # All versions, each with its own files
        assert dialog.audience.currentData() == "all"
        press(qtbot, Qt.Key.Key_E, ALT)  # Export
        qtbot.waitUntil(lambda: not dialog.running and bool(dialog.written), timeout=180_000)
        assert dialog.status.text().startswith("Saved")
        press(qtbot, Qt.Key.Key_Escape)

    through_dialog(qtbot, export_all, Qt.Key.Key_E, CTRL)
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    for version in ("", " (public)", " (summary)"):
        assert f"Neighbourhood services review{version}.pdf" in written, written

    # -- save and reopen -------------------------------------------------------------------
    dialogs.save_name = str(tmp_path / "review.yaml")
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert load_pack(tmp_path / "review.yaml").sections[0].items[1].exempt is not None
    dialogs.open_name = str(tmp_path / "review.yaml")
    press(qtbot, Qt.Key.Key_O, CTRL)
    qtbot.waitUntil(lambda: focused() is window.tree)
    reopened = window.model.pack.sections[0].items
    assert reopened[0].summary == "Councils are sharing staff to keep services going."
    assert reopened[1].exempt is not None and reopened[1].summary == second.summary
    assert in_sight(window.tree)
    window.preview.stop()
