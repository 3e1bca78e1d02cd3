"""A new user's whole journey: empty library → import sample articles → new pack → add
articles → write a summary → save → export, through the window's own menus and shortcuts."""

from __future__ import annotations

from pathlib import Path

import yaml
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from briefing.gui.export_dialog import ExportDialog
from briefing.gui.import_dialog import ImportDialog
from briefing.gui.main_window import MainWindow
from briefing.gui.new_pack_dialog import NewPackDialog

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def test_from_empty_library_to_exported_briefing(qtbot, tmp_path, settings, dialogs, monkeypatch):
    from briefing.library import Library

    library = Library(tmp_path / "lib", cache_dir=tmp_path / "cache")
    window = MainWindow(settings=settings, library=library, recovery_dir=tmp_path / "rec")
    window.preview.enabled = False
    qtbot.addWidget(window)
    window.show()
    assert "Import articles to start" in window.empty_label.text()

    # File ▸ New pack: a member briefing called "Councils under pressure".
    def fill_new(dialog: NewPackDialog) -> int:
        qtbot.keyClicks(dialog.title, "Councils under pressure")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NewPackDialog, "exec", fill_new)
    window.actions_by_name["new"].trigger()
    assert window.windowTitle().startswith("Councils under pressure")

    # Library ▸ Import files… with the sample collection, accepting the proposed split.
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileNames",
        staticmethod(lambda *a, **k: ([str(SAMPLES / "council-blog-collection.txt")], "")),
    )

    def import_all(dialog: ImportDialog) -> int:
        qtbot.waitUntil(lambda: dialog.ready, timeout=10000)
        dialog.import_now()
        return 1

    monkeypatch.setattr(ImportDialog, "exec", import_all)
    window.actions_by_name["import"].trigger()
    articles = library.articles()
    assert len(articles) == 5
    qtbot.waitUntil(lambda: window.library_pane.model.rowCount() == 5, timeout=10000)

    # Select two articles in the library and add them (Pack ▸ Add selected articles).
    chosen = [a.id for a in articles[:2]]
    window.library_pane.select_ids(chosen)
    window.actions_by_name["add"].trigger()
    assert [i.article for i in window.model.pack.items()] == chosen
    assert window.tree_stack.currentWidget() is window.tree

    # Open the first item from the tree with Enter and write its summary.
    window.tree.setFocus()
    window.tree.select(window.model.index_of_item(0, 0))
    qtbot.keyClick(window.tree, Qt.Key.Key_Return)
    qtbot.keyClicks(window.item_editor.summary, "A short summary in my own words.")
    window.item_editor.implications.add_entry()
    window.item_editor.implications.list.item(0).setText("Members may wish to ask about it.")

    # Ctrl+S saves (asking for a name the first time).
    target = tmp_path / "councils.yaml"
    dialogs.save_name = str(target)
    window.actions_by_name["save"].trigger()
    saved = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert saved["sections"][0]["items"][0]["summary"].strip() == (
        "A short summary in my own words."
    )
    assert not window.isWindowModified()

    # File ▸ Export…: the second item has no summary yet, so the export lists that error and
    # writes nothing; double-clicking it opens the item, ready to write one.
    out = tmp_path / "out"

    def export_refused(dialog: ExportDialog) -> int:
        dialog.folder.setText(str(out))
        dialog.export_button.click()
        assert dialog.status.text().startswith("Not exported: fix the 1 error listed above")
        listed = [dialog.checks.list.item(i) for i in range(dialog.checks.list.count())]
        (missing,) = [entry for entry in listed if "has no summary" in entry.text()]
        assert missing.text().startswith("Error: Section 1, item 2: ")
        dialog.checks.list.itemActivated.emit(missing)
        return 0

    monkeypatch.setattr(ExportDialog, "exec", export_refused)
    window.actions_by_name["export"].trigger()
    assert not out.exists() or list(out.iterdir()) == []
    assert window.item_editor.summary.hasFocus()
    qtbot.keyClicks(window.item_editor.summary, "Another summary, written after the check.")

    # File ▸ Export… again, to the same folder, both formats.
    def export_now(dialog: ExportDialog) -> int:
        dialog.folder.setText(str(out))
        dialog.export_button.click()
        qtbot.waitUntil(lambda: bool(dialog.written), timeout=30000)
        return 1

    monkeypatch.setattr(ExportDialog, "exec", export_now)
    window.actions_by_name["export"].trigger()
    pdf = out / "Councils under pressure.pdf"
    assert pdf.is_file() and (out / "Councils under pressure.docx").is_file()
    text = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(str(pdf)).pages).split())
    assert "A short summary in my own words." in text
    assert "Members may wish to ask about it." in text
    assert "Another summary, written after the check." in text
