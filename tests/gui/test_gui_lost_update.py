"""No lost update on a shared drive: when the pack file changed on disk after this window opened
or saved it (another window, another officer, another program), Save asks: Overwrite, Save
as…, Reload and lose my changes, or Show differences; a recovery copy says when its file is
newer and asks before saving over it. The questions are answered by clicking the real buttons."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPlainTextEdit, QPushButton

from briefing.gui.main_window import MainWindow
from briefing.packfile import load_pack
from tests.gui.test_gui_files import make_pack


class Clicks:
    """Answers the next modal dialogs in turn: a button's text to click, or a function given
    the dialog (which must close it). Records each dialog's text."""

    def __init__(self, *answers: object) -> None:
        self.answers = list(answers)
        self.seen: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._poll)
        self._last: object = None
        self.timer.start()

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog is self._last or not self.answers:
            return
        self._last = dialog
        answer = self.answers.pop(0)
        if isinstance(dialog, QMessageBox):
            self.seen.append(f"{dialog.text()} {dialog.informativeText()}")
        if callable(answer):
            answer(dialog)
        else:
            button = next(b for b in dialog.findChildren(QPushButton) if b.text() == answer)
            button.click()
        if not self.answers:
            self.timer.stop()


def two_windows(window, library, settings, tmp_path, qtbot, dialogs):
    """The same pack open in two windows, as two officers would have it."""
    make_pack(window, library)
    pack = tmp_path / "shared" / "crises.yaml"
    pack.parent.mkdir()
    dialogs.save_name = str(pack)
    assert window.file.save()
    other = MainWindow(settings=settings, library=library, recovery_dir=tmp_path / "recovery2")
    other.preview.enabled = False
    qtbot.addWidget(other)
    assert other.open_path(pack)
    return pack, other


def edit_summary(window, text: str) -> None:
    window.tree.select(window.model.index(0, 0, window.model.index(0, 0)))
    window.item_editor.summary.setPlainText(text)


def test_a_save_over_a_colleagues_save_asks_and_overwrites_only_when_told(
    window, library, settings, tmp_path, qtbot, dialogs
):
    pack, other = two_windows(window, library, settings, tmp_path, qtbot, dialogs)
    edit_summary(other, "The colleague's summary, saved first.")
    assert other.file.save()
    edit_summary(window, "My summary, saved second.")
    clicks = Clicks("Cancel")
    assert not window.file.save()
    assert "changed by someone else" in clicks.seen[0]
    assert (
        load_pack(pack).sections[0].items[0].summary.strip()
        == "The colleague's summary, saved first."
    )
    assert window.isWindowModified()  # my work is still here, unsaved
    # Show differences lists both versions' lines, then Overwrite does what it says.
    shown: list[str] = []

    def read_and_close(dialog) -> None:
        shown.append(dialog.findChild(QPlainTextEdit, "differences").toPlainText())
        dialog.reject()

    clicks = Clicks("Show differences", read_and_close, "Overwrite")
    assert window.file.save()
    removed = [line for line in shown[0].splitlines() if line.startswith("-")]
    added = [line for line in shown[0].splitlines() if line.startswith("+")]
    assert any("The colleague's summary, saved first." in line for line in removed)
    assert any("My summary, saved second." in line for line in added)
    assert load_pack(pack).sections[0].items[0].summary.strip() == "My summary, saved second."
    assert not window.isWindowModified()
    # Saved again with nothing changed elsewhere: no question.
    edit_summary(window, "My summary, revised.")
    clicks = Clicks()
    assert window.file.save() and clicks.seen == []


def test_save_as_keeps_both_and_reload_takes_theirs(
    window, library, settings, tmp_path, qtbot, dialogs
):
    pack, other = two_windows(window, library, settings, tmp_path, qtbot, dialogs)
    edit_summary(other, "Theirs.")
    assert other.file.save()
    edit_summary(window, "Mine.")
    mine = tmp_path / "shared" / "crises (mine).yaml"
    dialogs.save_name = str(mine)
    _answers = Clicks("Save as…")
    assert window.file.save()
    assert load_pack(pack).sections[0].items[0].summary.strip() == "Theirs."
    assert load_pack(mine).sections[0].items[0].summary.strip() == "Mine."
    assert window.file.path == mine.resolve()
    # The other window now saves over a file that has not changed since it saved: no question.
    edit_summary(other, "Theirs, revised.")
    clicks = Clicks()
    assert other.file.save() and clicks.seen == []
    # Reload drops this window's unsaved changes for the file on disk.
    assert window.open_path(pack)
    edit_summary(other, "Theirs, once more.")
    assert other.file.save()
    edit_summary(window, "Mine, to be dropped.")
    _answers = Clicks("Reload and lose my changes")
    assert not window.file.save()
    assert window.model.pack.sections[0].items[0].summary.strip() == "Theirs, once more."
    assert not window.isWindowModified()


def test_a_file_rewritten_by_a_second_process_is_not_overwritten_silently(
    window, library, tmp_path, dialogs
):
    make_pack(window, library)
    pack = tmp_path / "crises.yaml"
    dialogs.save_name = str(pack)
    assert window.file.save()
    script = (
        "import sys; from pathlib import Path\n"
        "from briefing.packfile import load_pack, save_pack\n"
        "path = Path(sys.argv[1]); pack = load_pack(path)\n"
        "pack.title = 'Renamed by a script'\n"
        "save_pack(pack, path)\n"
    )
    subprocess.run([sys.executable, "-c", script, str(pack)], check=True, timeout=120)
    window.model.pack.subtitle = "Edited here"
    window.file.forced_modified = True
    clicks = Clicks("Cancel")
    assert not window.file.save()
    assert clicks.seen and load_pack(pack).title == "Renamed by a script"
    # A file only touched (same bytes, new time) is not a change.
    _answers = Clicks("Overwrite")
    assert window.file.save()
    Path(pack).touch()
    clicks = Clicks()
    assert window.file.save() and clicks.seen == []


def test_a_recovery_copy_older_than_its_file_says_so_and_asks_before_saving(
    window, library, dialogs, tmp_path, qtbot, settings
):
    make_pack(window, library)
    pack = tmp_path / "crises.yaml"
    dialogs.save_name = str(pack)
    assert window.file.save()
    edit_summary(window, "Unsaved work at the time of the crash.")
    assert window.file.autosave()
    window.hide()
    window.file.recovery.release()  # the app "crashes"
    colleague = load_pack(pack)
    colleague.subtitle = "A colleague's later save"
    from briefing.packfile import save_pack

    save_pack(colleague, pack)
    dialogs.answer = QMessageBox.StandardButton.Yes
    fresh = MainWindow(settings=settings, library=library, recovery_dir=tmp_path / "recovery")
    qtbot.addWidget(fresh)
    fresh.preview.enabled = False
    assert fresh.file.offer_recovery()
    assert "changed on disk since this work was kept" in dialogs.texts("question")[-1]
    clicks = Clicks("Cancel")
    assert not fresh.file.save()
    assert clicks.seen and load_pack(pack).subtitle == "A colleague's later save"
    fresh.file.forced_modified = False
    fresh.undo_stack.setClean()


def test_a_theme_renamed_or_recoloured_by_a_colleague_is_not_overwritten(
    qtbot, library, dialogs, monkeypatch
):
    from PySide6.QtGui import QColor

    from briefing.gui import themes_dialog
    from briefing.library import Library

    manager = themes_dialog.ThemesDialog(library)
    qtbot.addWidget(manager)
    theme = next(t for t, rec in library.themes().items() if rec.label == "Councils and crises")
    # A colleague's copy of the app, on the same shared library, renames the theme first.
    colleague = Library(library.root, cache_dir=library.root.parent / "cache-colleague")
    colleague.rename_theme(theme, "Crises and resilience")
    manager.item_for(theme).setText(0, "Councils in crisis")
    assert library.themes()[theme].label == "Crises and resilience"
    assert (
        "renamed \u201cCrises and resilience\u201d by someone else" in dialogs.texts("warning")[-1]
    )
    assert manager.item_for(theme).text(0) == "Crises and resilience"  # the list shows theirs
    # Renaming again, now that the list shows their name, works.
    manager.item_for(theme).setText(0, "Councils in crisis")
    assert library.themes()[theme].label == "Councils in crisis"
    # The same for a colour chosen while a colleague recoloured the theme.

    def colleague_recolours_meanwhile(*_args, **_kwargs):
        colleague.recolour_theme(theme, "#912B88")
        return QColor("#D4351C")

    monkeypatch.setattr(
        themes_dialog.QColorDialog, "getColor", staticmethod(colleague_recolours_meanwhile)
    )
    manager.list.setCurrentItem(manager.item_for(theme))
    manager.colour_button.click()
    assert library.themes()[theme].colour == "#912B88"
    assert "recoloured" in dialogs.texts("warning")[-1]
