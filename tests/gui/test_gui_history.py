"""Versions in the app: the History pane, File ▸ Issue version…, the changes since a version,
and undo, which never changes what was issued."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from briefing.gui import history_actions
from briefing.gui.commands import SetAttr
from briefing.history.store import History

ROOT = Path(__file__).resolve().parents[2]
REVISIONS = ROOT / "tests" / "fixtures" / "revisions"


@pytest.fixture
def revised(window, tmp_path):
    """The window with version 1 of the housing and care briefing open (its logo beside it)."""
    folder = tmp_path / "council"
    (folder / "images").mkdir(parents=True)
    shutil.copyfile(
        ROOT / "packs" / "images" / "example-council-logo.png", folder / "images" / "logo.png"
    )
    shutil.copyfile(REVISIONS / "version-1.yaml", folder / "update.yaml")
    window.settings.set_export_folder(tmp_path / "out")
    assert window.open_path(folder / "update.yaml", ask=False)
    return window


def _issue(window, qtbot, monkeypatch, note: str) -> None:
    """File ▸ Issue version…, typing `note` in the dialog, and wait until it is done."""
    seen = []

    def answer(dialog):
        seen.append(dialog.windowTitle())
        dialog.note.setText(note)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(history_actions, "run_once", answer)
    before = len(History(window.file.path).numbers())
    window.actions_by_name["issue"].trigger()
    qtbot.waitUntil(
        lambda: (
            window.actions_by_name["issue"].isEnabled()
            and len(History(window.file.path).numbers()) > before
        ),
        timeout=60_000,
    )
    return seen


def test_issue_from_the_file_menu_then_edit_and_undo(revised, qtbot, monkeypatch, dialogs):
    import threading

    import briefing.packfile

    window = revised
    pane = window.history
    read_on: list[bool] = []  # for each issued pack read: whether on the UI thread
    load = briefing.packfile.load_checked_pack
    monkeypatch.setattr(
        briefing.packfile,
        "load_checked_pack",
        lambda path: (
            read_on.append(threading.current_thread() is threading.main_thread()) or load(path)
        ),
    )
    assert "No version issued yet" in pane.status.text()
    assert window.actions_by_name["issue"] in window.menuBar().actions()[0].menu().actions()
    titles = _issue(window, qtbot, monkeypatch, "For the December committee")
    assert titles == ["Issue version 1"]
    assert pane.list.count() == 1
    assert pane.list.item(0).text().startswith("Version 1 · ")
    assert pane.list.item(0).text().endswith("Sam Officer: For the December committee")
    assert pane.status.text().startswith("This pack is Version 1 · issued ")
    assert list((Path(window.settings.export_folder())).glob("*.pdf"))
    record = window.file.path.parent / "update.history" / "version-1" / "version.yaml"
    frozen = record.read_bytes()

    # An edit makes the pack a draft after version 1; undo brings it back; neither touches
    # the history. The issued pack that edit is compared with was read on a worker when the
    # version was issued, so the first pause after typing never waits for it.
    qtbot.waitUntil(lambda: bool(read_on), timeout=30_000)
    assert read_on == [False]
    item = window.model.pack.sections[0].items[0]
    window.undo_stack.push(SetAttr(window.model, item, "summary", "A new summary.", "Edit summary"))
    window._update_word_count()
    assert pane.status.text().startswith("Changed since version 1")
    assert read_on == [False]  # not read again
    window.undo_stack.undo()
    window._update_word_count()
    assert pane.status.text().startswith("This pack is Version 1")
    assert record.read_bytes() == frozen
    assert History(window.file.path).numbers() == [1]

    # Nothing changed: nothing to issue.
    window.actions_by_name["issue"].trigger()
    assert any("Nothing has changed since version 1" in text for text in dialogs.texts())


def test_the_changes_since_a_version_are_shown(revised, qtbot, monkeypatch, dialogs):
    window = revised
    _issue(window, qtbot, monkeypatch, "First")
    # The officer revises the pack (here: version 2 of the fixture, opened over it).
    shutil.copyfile(REVISIONS / "version-2.yaml", window.file.path)
    assert window.open_path(window.file.path, ask=False)
    assert window.history.status.text().startswith("Changed since version 1")
    shown = []
    monkeypatch.setattr(
        "briefing.gui.history_pane.run_once",
        lambda dialog: shown.append(dialog.text.toPlainText()) or 0,
    )
    window.history.compare_button.click()
    assert shown and "Summary: “£35m” → “£38m”" in shown[0]
    _issue(window, qtbot, monkeypatch, "Figures corrected")
    assert [
        window.history.list.item(row).text().split(" · ")[0]
        for row in range(window.history.list.count())
    ] == ["Version 2", "Version 1"]


def _page_texts(preview) -> str:
    document = preview.document
    return " ".join(
        " ".join(document.getAllText(page).text().split()) for page in range(document.pageCount())
    )


def test_compare_with_in_the_preview_and_what_changed_in_the_export(
    revised, qtbot, monkeypatch, tmp_path
):
    from briefing.build import build
    from briefing.files.safe_write import WriteError
    from briefing.gui import export_dialog
    from briefing.gui.export_dialog import ExportDialog

    window = revised
    preview = window.preview
    assert preview.compare.isHidden()  # nothing issued: nothing to compare with
    _issue(window, qtbot, monkeypatch, "First")
    shutil.copyfile(REVISIONS / "version-2.yaml", window.file.path)
    assert window.open_path(window.file.path, ask=False)
    assert not preview.compare.isHidden()
    assert preview.compare.itemText(1) == "Compare with version 1"
    preview.enabled = True
    with qtbot.waitSignal(preview.rendered, timeout=60_000):
        preview.compare.setCurrentIndex(1)
    shown = _page_texts(preview)
    assert "Draft after version 1" in shown
    assert "Changes since version 1" in shown and "Summary: “£35m” became “£38m”" in shown

    dialog = ExportDialog(
        window.model.pack,
        window.file.base_dir(),
        window.settings,
        tmp_path,
        window,
        pack_name="update.yaml",
        pack_path=window.file.path,
    )
    labels = [dialog.changes.itemText(n) for n in range(dialog.changes.count())]
    assert labels == [
        "No changes page",
        "Add the changes since version 1",
        "Supplement: only what is new since version 1",
    ]
    dialog.changes.setCurrentIndex(2)
    request = dialog.request(tmp_path / "sent")
    (tmp_path / "sent").mkdir()
    names = sorted(path.name for path in build(request))
    assert names == [
        "Housing and care update - supplement 1.docx",
        "Housing and care update - supplement 1.pdf",
    ]
    # The supplement's two-up copy held open by a reader: the other name offered is for that
    # copy, not for the supplement's PDF.
    two_up = tmp_path / "sent" / "Housing and care update - supplement 1 (two-up).pdf"
    two_up.write_bytes(b"%PDF")
    rebuilt = []
    monkeypatch.setattr(
        export_dialog.QMessageBox,
        "question",
        lambda *a: export_dialog.QMessageBox.StandardButton.Save,
    )
    monkeypatch.setattr(dialog, "_build", lambda outdir, names: rebuilt.append(names))
    dialog._failed(WriteError(two_up, f"{two_up.name} is open in another program."))
    assert rebuilt == [
        {"two-up": two_up.with_name("Housing and care update - supplement 1 (two-up) (2).pdf")}
    ]
    dialog.reject()
