"""Never losing work: save and reopen, recent packs, the unsaved-changes prompt, autosave and
recovery after a crash, and packs with errors opened without a traceback."""

from __future__ import annotations

from pathlib import Path

import yaml
from PySide6.QtWidgets import QMessageBox

from briefing.gui import pack_file
from briefing.gui.main_window import MainWindow
from briefing.gui.problems_dialog import ProblemsDialog


def theme_id(library, label: str) -> str:
    return next(t for t, rec in library.themes().items() if rec.label == label)


def make_pack(window, library) -> None:
    window.library_pane.add_theme_to_pack_requested.emit(theme_id(library, "Councils and crises"))
    window.model.pack.title = "Crises and councils"
    item = window.model.pack.sections[0].items[0]
    window.tree.select(window.model.index(0, 0, window.model.index(0, 0)))
    window.item_editor.summary.setPlainText("Smaller councils adapted <b>fast</b> & well.")
    return item


def test_save_and_reopen_keeps_every_edit(window, library, dialogs, tmp_path, qtbot, settings):
    make_pack(window, library)
    target = tmp_path / "packs" / "crises.yaml"
    target.parent.mkdir()
    dialogs.save_name = str(target)
    assert window.isWindowModified()
    assert window.file.save()
    assert not window.isWindowModified()
    assert "crises.yaml" in window.windowTitle()
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert data["title"] == "Crises and councils"
    first = data["sections"][0]["items"][0]
    assert first["summary"].strip() == "Smaller councils adapted <b>fast</b> & well."
    assert first["article"] in data["articles"]
    assert settings.recent_files() == [target.resolve()]
    assert window.recent_menu.actions()[0].text().endswith("crises.yaml")

    other = MainWindow(settings=settings, library=library, recovery_dir=tmp_path / "rec2")
    qtbot.addWidget(other)
    other.preview.enabled = False
    other.recent_menu.actions()[0].trigger()  # File ▸ Open recent ▸ crises.yaml
    assert other.file.path == target.resolve()
    assert not other.isWindowModified()
    reopened = other.model.pack
    assert reopened.sections[0].items[0].summary.strip() == (
        "Smaller councils adapted <b>fast</b> & well."
    )
    assert [s.title for s in reopened.sections] == [s.title for s in window.model.pack.sections]
    # A recent pack that has gone is dropped from the list.
    target.unlink()
    assert settings.recent_files() == []


def test_unsaved_changes_prompt_on_close_new_and_open(window, library, dialogs):
    make_pack(window, library)
    dialogs.answer = QMessageBox.StandardButton.Cancel
    assert not window.close()
    assert window.isVisible()
    assert "not saved" in dialogs.texts("question")[-1]
    assert not window.file.new_pack()
    assert not window.open_path(Path("anything.yaml"))
    assert window.model.pack.title == "Crises and councils"
    dialogs.answer = QMessageBox.StandardButton.Discard
    assert window.close()


def test_autosave_and_recovery_after_a_crash(window, library, dialogs, tmp_path, qtbot, settings):
    make_pack(window, library)
    original = tmp_path / "original.yaml"
    window.file.path = original
    assert window.file.autosave()
    recovery = tmp_path / "recovery"
    left = window.file.recovery.pack_file
    assert left.is_file() and left.parent == recovery
    # The app "crashes": the window is gone without closing, the recovery copy stays.
    window.hide()
    window.file.recovery.release()
    dialogs.answer = QMessageBox.StandardButton.Yes
    fresh = MainWindow(settings=settings, library=library, recovery_dir=recovery)
    qtbot.addWidget(fresh)
    fresh.preview.enabled = False
    assert fresh.file.offer_recovery()
    assert "did not close properly" in dialogs.texts("question")[-1]
    assert fresh.model.pack.title == "Crises and councils"
    assert fresh.model.pack.sections[0].items[0].summary.strip().startswith("Smaller councils")
    assert fresh.isWindowModified()  # restored work is unsaved work
    assert fresh.file.path == original.resolve()
    # Saving it clears the recovery copy.
    assert fresh.file.save()
    assert original.is_file()
    assert not left.exists() and not fresh.file.recovery.pack_file.exists()
    assert not list(recovery.glob("*.yaml"))
    assert not fresh.isWindowModified()
    window.file.forced_modified = False


def test_declining_recovery_discards_the_copy(window, library, dialogs, tmp_path, settings, qtbot):
    make_pack(window, library)
    assert window.file.autosave()
    window.file.recovery.release()  # as if the window had crashed
    dialogs.answer = QMessageBox.StandardButton.No
    fresh = MainWindow(settings=settings, library=library, recovery_dir=tmp_path / "recovery")
    qtbot.addWidget(fresh)
    assert not fresh.file.offer_recovery()
    assert not list((tmp_path / "recovery").glob("*.yaml"))
    assert fresh.model.pack.sections == []


def test_edits_schedule_an_autosave(window, library):
    assert window.file.edit_autosave_timer.interval() == pack_file.AUTOSAVE_AFTER_EDIT_MS
    assert window.file.autosave_timer.isActive()
    make_pack(window, library)
    assert window.file.edit_autosave_timer.isActive()


def test_opening_a_broken_pack_lists_its_problems(window, dialogs, tmp_path, monkeypatch):
    bad = tmp_path / "broken.yaml"
    bad.write_text(
        "briefing_pack: 1\ntitle: Broken\nsumary: oops\nsections:\n"
        "  - title: One\n    items:\n      - article: nowhere\n",
        encoding="utf-8",
    )
    shown: list[ProblemsDialog] = []
    monkeypatch.setattr(ProblemsDialog, "exec", lambda self: shown.append(self) or 0)
    assert not window.open_path(bad)
    assert len(shown) == 1
    rows = shown[0].rows()
    assert rows and all(name == "broken.yaml" for name, *_ in rows)
    assert any(line == "3" and "summary" in message for _, line, _, message in rows)
    assert window.file.path is None  # nothing changed
    assert window.model.pack.title == "Untitled briefing"


def test_save_to_an_unwritable_place_explains_and_keeps_the_pack(
    window, library, dialogs, tmp_path
):
    make_pack(window, library)
    assert not window.file.save_to(tmp_path / "no-such-folder" / "pack.yaml")
    assert "does not exist" in dialogs.texts("warning")[-1]
    assert window.isWindowModified()


def test_window_layout_is_remembered(window, settings, library, tmp_path, qtbot):
    window.resize(700, 500)
    window.preview_dock.hide()
    window.save_layout()
    again = MainWindow(settings=settings, library=library, recovery_dir=tmp_path / "r3")
    qtbot.addWidget(again)
    again.show()
    assert again.size().height() == 500  # (the offscreen screen is too narrow to vary width)
    assert again.preview_dock.isHidden()


def test_the_problems_window_shows_each_message_whole(qtbot, tmp_path):
    """A message longer than the Problem column wraps onto more lines (it used to end in "…",
    which hid what to do about it)."""
    from PySide6.QtCore import QRect, Qt

    from briefing.errors import Problem

    long = (
        'unknown key "colour" in section 2, item 1: "colour" belongs in a theme (under '
        "themes: in the library), not in an item; move it there or delete the line"
    )
    dialog = ProblemsDialog(
        [
            Problem(tmp_path / "broken.yaml", 1, 1, "the pack is empty"),
            Problem(tmp_path / "broken.yaml", 12, 9, long),
        ]
    )
    qtbot.addWidget(dialog)
    dialog.show()
    tree = dialog.list
    qtbot.waitUntil(lambda: tree.columnWidth(3) > 0)
    qtbot.wait(50)  # the rows laid out again at the column's width

    def cut() -> list[str]:
        short = []
        for row in range(tree.topLevelItemCount()):
            index = tree.model().index(row, 3)
            text = index.data()
            room = tree.visualRect(index)
            need = tree.fontMetrics().boundingRect(
                QRect(0, 0, room.width() - 8, 100_000), Qt.TextFlag.TextWordWrap, text
            )
            if room.height() < need.height():
                short.append(text)
        return short

    assert tree.fontMetrics().horizontalAdvance(long) > tree.columnWidth(3)  # it must wrap
    assert cut() == []
    dialog.resize(dialog.width() - 150, dialog.height())  # narrower: more lines each
    qtbot.wait(50)
    assert cut() == []
