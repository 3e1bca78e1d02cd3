"""Import through the split preview: the real corpus file, pasted text, bad files, duplicates."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
import yaml
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from briefing.gui import library_actions
from briefing.gui.import_dialog import ImportDialog
from briefing.library import Library

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
BLOG = SAMPLES / "council-blog-collection.txt"


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return Library(tmp_path / "library", cache_dir=tmp_path / "cache")


@pytest.fixture
def expected() -> dict:
    return yaml.safe_load((SAMPLES / "expected.yaml").read_text(encoding="utf-8"))


def open_dialog(qtbot, library, **kwargs) -> ImportDialog:
    dialog = ImportDialog(library, **kwargs)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.ready, timeout=10000)
    return dialog


def titles(dialog: ImportDialog) -> list[str]:
    return [d.title for d in dialog.drafts]


def test_collection_file_through_split_preview(qtbot, library, expected):
    dialog = open_dialog(qtbot, library, paths=[BLOG])
    want = [item["title"] for item in expected["council-blog-collection.txt"]["items"]]
    assert dialog.list.count() == 5
    assert titles(dialog) == want
    assert dialog.import_button.text() == "Import 5 articles"
    # The list shows each title and its authors.
    assert want[1] in dialog.list.item(1).text()
    assert "Tom Reyes" in dialog.list.item(1).text()
    originals = "".join(d.original for d in dialog.drafts)

    # Rename the third article by typing in its title field.
    dialog.list.setCurrentRow(2)
    dialog.editor.title.selectAll()
    qtbot.keyClicks(dialog.editor.title, "Councillors at their best")
    assert dialog.drafts[2].title == "Councillors at their best"
    assert dialog.list.item(2).text().startswith("Councillors at their best")

    # Merge the fourth into the third, then undo.
    dialog.list.setCurrentRow(3)
    qtbot.mouseClick(dialog.merge_prev, Qt.MouseButton.LeftButton)
    assert dialog.list.count() == 4
    merged = dialog.drafts[2]
    assert want[3] in merged.body  # its title became a subheading in the text
    assert merged.original.startswith(originals[originals.index("Helping new councillors") :][:40])
    assert want[3] in merged.original
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert dialog.list.count() == 5
    assert titles(dialog)[2:4] == ["Councillors at their best", want[3]]

    # Merge again, then split it again at the old title with "Split here".
    dialog.list.setCurrentRow(2)
    qtbot.mouseClick(dialog.merge_next, Qt.MouseButton.LeftButton)
    assert dialog.list.count() == 4
    text = dialog.editor.text.toPlainText()
    cursor = dialog.editor.text.textCursor()
    cursor.setPosition(text.index(want[3]) + 3)
    dialog.editor.text.setTextCursor(cursor)
    qtbot.mouseClick(dialog.editor.split_button, Qt.MouseButton.LeftButton)
    assert dialog.list.count() == 5
    assert titles(dialog)[3] == want[3]
    assert set(dialog.drafts[3].authors) == {"Priya Nair", "Jonas Dvořák"}
    assert dialog.list.currentRow() == 3
    # Nothing is lost: the article stretches still make up the same text.
    assert "".join(d.original for d in dialog.drafts).replace("\n", "") == originals.replace(
        "\n", ""
    )

    # Leave the last one out, then import.
    dialog.set_included(4, False)
    assert dialog.import_button.text() == "Import 4 articles"
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "Added 4 articles" in dialog.result_label.text()
    assert "Left out 1 article" in dialog.result_label.text()
    assert "• Councillors at their best" in dialog.result_label.text()
    assert "Add to pack" in dialog.result_label.text()
    assert not dialog.save_hint.isVisibleTo(dialog)  # no stale "nothing is saved" line
    stored = {a.title: a for a in library.articles()}
    assert set(stored) == {"Councillors at their best", *want[:2], want[3]}
    assert want[4] not in stored
    assert stored[want[0]].doi == expected["council-blog-collection.txt"]["items"][0]["doi"]
    # Article files on disk keep the original text.
    files = list((library.root / "articles").glob("*.md"))
    assert len(files) == 4
    assert any(want[3] in f.read_text(encoding="utf-8") for f in files)


def test_move_split_by_a_paragraph_and_back(qtbot, library):
    dialog = open_dialog(qtbot, library, paths=[BLOG])
    first_body = dialog.drafts[0].body
    second_body = dialog.drafts[1].body
    dialog.list.setCurrentRow(1)
    qtbot.mouseClick(dialog.start_earlier, Qt.MouseButton.LeftButton)
    last_para = first_body.strip().split("\n\n")[-1]
    assert dialog.drafts[1].body.startswith(last_para)
    assert not dialog.drafts[0].body.rstrip().endswith(last_para)
    qtbot.mouseClick(dialog.start_later, Qt.MouseButton.LeftButton)
    assert dialog.drafts[0].body.rstrip().endswith(last_para)
    assert dialog.drafts[1].body.strip() == second_body.strip()


def test_pasted_text_imports(qtbot, library):
    text = (
        "Parking permits go digital\n\n"
        "Dr Ada Example\n\n"
        "The borough has moved its parking permits online this spring. Residents renew in a "
        "few minutes and the council saves on printing.\n\n"
        "Officers expect the change to free staff time for harder cases.\n"
    )
    dialog = open_dialog(qtbot, library, text=text)
    assert titles(dialog) == ["Parking permits go digital"]
    assert dialog.drafts[0].authors == ["Ada Example"]
    dialog.editor.source.setText("")
    qtbot.keyClicks(dialog.editor.source, "Example Borough News")
    dialog.editor.published.clear()
    qtbot.keyClicks(dialog.editor.published, "4 November 2025")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    [article] = library.articles()
    assert article.title == "Parking permits go digital"
    assert article.source == "Example Borough News"
    assert article.published.isoformat() == "2025-11-04"
    assert "free staff time" in article.original


def test_bad_date_is_explained_not_stored(qtbot, library):
    dialog = open_dialog(qtbot, library, text="A title\n\nJo Bloggs\n\nSome text here.\n")
    qtbot.keyClicks(dialog.editor.published, "31/31/2025")
    assert dialog.editor.date_error.isVisibleTo(dialog)
    assert "4 November 2025" in dialog.editor.date_error.text()
    assert dialog.drafts[0].published is None


def test_batch_with_bad_file_names_it_and_imports_the_rest(qtbot, library, tmp_path):
    good = tmp_path / "note.txt"
    good.write_text(
        "Street lighting review\n\nSam Writer\n\nThe review found that LED lamps "
        "cut energy use sharply across the district.\n",
        encoding="utf-8",
    )
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "scan.pdf"
    binary.write_bytes(b"%PDF-1.4\n\x00\x01\x02 not really a pdf")
    dialog = open_dialog(qtbot, library, paths=[good, empty, binary])
    assert titles(dialog) == ["Street lighting review"]
    shown = dialog.failures_label.text()
    assert dialog.failures_label.isVisibleTo(dialog)
    assert "empty.txt" in shown and "scan.pdf" in shown
    assert "2 files could not be read" in shown
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    result = dialog.result_label.text()
    assert "Added 1 article" in result and "empty.txt" in result
    assert [a.title for a in library.articles()] == ["Street lighting review"]
    assert dialog.report.failed and any("scan.pdf" in f for f in dialog.report.failed)


def test_reimport_marks_duplicates_and_unticks_them(qtbot, library):
    first = open_dialog(qtbot, library, paths=[BLOG])
    qtbot.mouseClick(first.import_button, Qt.MouseButton.LeftButton)
    assert len(library.articles()) == 5

    again = open_dialog(qtbot, library, paths=[BLOG])
    assert len(again.duplicates) == 5
    assert again.included == [False] * 5
    assert again.list.item(0).checkState() == Qt.CheckState.Unchecked
    assert again.list.item(0).text().startswith("Already in library")
    assert "already in the library" in again.list.item(0).toolTip()
    assert not again.import_button.isEnabled()
    # Ticking one anyway: the library still refuses to store it twice.
    again.set_included(0, True)
    qtbot.mouseClick(again.import_button, Qt.MouseButton.LeftButton)
    assert "Skipped 1 duplicate" in again.result_label.text()
    assert len(library.articles()) == 5


def test_themes_ticked_in_preview_are_assigned(qtbot, library):
    theme = library.add_theme("Democracy")
    dialog = open_dialog(qtbot, library, paths=[BLOG])
    dialog.list.setCurrentRow(3)
    item = dialog.editor.themes.item(0)
    item.setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    tagged = [a.title for a in library.articles() if theme in a.themes]
    assert tagged == [dialog.drafts[3].title]


def test_import_files_helper_opens_dialog(qtbot, library, monkeypatch):
    # Drive the modal dialog: import as soon as it has read the file.
    def exec_and_import(self):
        qtbot.waitUntil(lambda: self.ready, timeout=10000)
        self.import_now()
        return 1

    monkeypatch.setattr(ImportDialog, "exec", exec_and_import)
    report = library_actions.import_files(None, library, [BLOG])
    assert len(report.added) == 5
    assert (
        library_actions.paste_text(
            None, library, "Short note\n\nA Person\n\nBody text for the short note goes here.\n"
        )
        .added[0]
        .title
        == "Short note"
    )
    # Cancelling the file chooser imports nothing.
    monkeypatch.setattr(
        library_actions.QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([], ""))
    )
    assert library_actions.import_files(None, library, None) is None


def test_split_here_keeps_cursor_paragraph(qtbot, library):
    dialog = open_dialog(qtbot, library, paths=[BLOG])
    dialog.list.setCurrentRow(0)
    editor = dialog.editor.text
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    last = dialog.editor.paragraph_at_cursor()
    body_paras = dialog.drafts[0].body.strip().split("\n\n")
    assert last == len(body_paras) - 1


def test_enter_imports_once_the_split_is_shown(qtbot, library):
    dialog = open_dialog(qtbot, library, text="Council budgets\n\nJo Bloggs\n\nA short note.")
    assert dialog.import_button.isDefault()
    assert not dialog.cancel_button.hasFocus()
