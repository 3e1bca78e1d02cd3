"""The library pane: search as you type, filters, details, drag out, add to pack, delete."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from briefing.gui import library_pane as pane_module
from briefing.gui.library_model import ARTICLE_IDS_MIME, decode_ids
from briefing.gui.library_pane import LibraryPane
from briefing.library import Library
from briefing.library.importers import import_path
from briefing.library.records import DraftArticle

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.fixture
def library(tmp_path: Path) -> Library:
    lib = Library(tmp_path / "library", cache_dir=tmp_path / "cache")
    lib.add_drafts(import_path(SAMPLES / "council-blog-collection.txt"))
    lib.add_drafts(import_path(SAMPLES / "contact-centre-round-table.txt"))
    return lib


@pytest.fixture
def pane(qtbot, library) -> LibraryPane:
    widget = LibraryPane(library)
    qtbot.addWidget(widget)
    widget.resize(700, 800)
    return widget


def shown_titles(pane: LibraryPane) -> list[str]:
    return [pane.model.row_object(r).title for r in range(pane.model.rowCount())]


def id_of(library: Library, title_start: str) -> str:
    return next(a.id for a in library.articles() if a.title.startswith(title_start))


def test_lists_every_article_with_uk_dates(pane, library):
    assert pane.model.rowCount() == 7
    assert pane.count_label.text() == "7 articles"
    assert pane.stack.currentWidget() is pane.table
    headers = [
        pane.model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for c in range(4)
    ]
    assert headers == ["Title", "Authors", "Source", "Date"]
    art = library.articles()[0]
    art.published = date(2025, 11, 4)
    library.update(art)
    pane.refresh()
    row = pane.model.row_of(art.id)
    assert pane.model.index(row, 3).data() == "4 Nov 2025"
    assert "Published 4 November 2025" in pane.model.index(row, 3).data(Qt.ItemDataRole.ToolTipRole)


def test_typing_in_search_filters_the_list(qtbot, pane):
    qtbot.keyClicks(pane.search_box, "Cumbria")
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1, timeout=3000)
    assert shown_titles(pane) == [
        "Small Parishes, Big Storms: What Flood Recovery Teaches Councils"
    ]
    assert pane.count_label.text() == "1 article found"
    pane.search_box.clear()
    qtbot.keyClicks(pane.search_box, "zzqqxx")
    qtbot.waitUntil(lambda: pane.model.rowCount() == 0, timeout=3000)
    assert "No articles match" in pane.count_label.text()
    assert pane.stack.currentWidget() is pane.table  # not the empty-library message
    pane.search_box.clear()
    qtbot.waitUntil(lambda: pane.model.rowCount() == 7, timeout=3000)


def test_theme_filter_shows_only_that_theme(qtbot, pane, library):
    ai = library.add_theme("Artificial intelligence", "#1D70B8")
    library.assign(
        [
            id_of(library, "Do councils need a shared data office"),
            id_of(library, "Can shared contact centres"),
        ],
        ai,
    )
    pane.refresh()
    index = pane.theme_combo.findText("Artificial intelligence")
    assert index > 0 and pane.theme_combo.itemText(0) == "All themes"
    pane.theme_combo.setCurrentIndex(index)
    assert sorted(shown_titles(pane)) == [
        "Can shared contact centres make services better?",
        "Do councils need a shared data office?",
    ]
    assert pane.add_theme_button.isEnabled()
    with qtbot.waitSignal(pane.add_theme_to_pack_requested) as got:
        pane.add_theme_button.click()
    assert got.args == [ai]
    pane.theme_combo.setCurrentIndex(0)
    assert pane.model.rowCount() == 7


def test_source_and_date_filters(qtbot, pane, library):
    arts = library.articles()
    arts[0].source, arts[0].published = "The MJ", date(2025, 10, 16)
    arts[1].source, arts[1].published = "INLOGOV blog", date(2024, 1, 5)
    library.update(arts[0])
    library.update(arts[1])
    pane.refresh()
    pane.filters_button.click()
    assert pane.filters_row.isVisibleTo(pane)
    pane.source_combo.setCurrentIndex(pane.source_combo.findText("The MJ"))
    assert shown_titles(pane) == [arts[0].title]
    pane.source_combo.setCurrentIndex(0)
    pane.date_from.setDate(QDate(2025, 1, 1))
    assert arts[0].title in shown_titles(pane)
    assert arts[1].title not in shown_titles(pane)


def test_sort_by_title_header(pane):
    pane.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    got = shown_titles(pane)
    assert got == sorted(got, key=str.casefold)
    pane.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert shown_titles(pane) == sorted(got, key=str.casefold, reverse=True)


def test_drag_carries_selected_ids(pane, library):
    wanted = [id_of(library, "Street Panels"), id_of(library, "Helping new councillors")]
    pane.select_ids(wanted)
    indexes = pane.table.selectionModel().selectedIndexes()
    mime = pane.model.mimeData(indexes)
    assert mime.hasFormat(ARTICLE_IDS_MIME)
    assert sorted(decode_ids(mime)) == sorted(wanted)
    assert pane.model.flags(indexes[0]) & Qt.ItemFlag.ItemIsDragEnabled


def test_add_to_pack_emits_selected_ids(qtbot, pane, library):
    wanted = [id_of(library, "Street Panels")]
    pane.select_ids(wanted)
    with qtbot.waitSignal(pane.add_to_pack_requested) as got:
        pane.add_button.click()
    assert got.args == [wanted]


def test_details_show_article_and_assign_themes(qtbot, pane, library):
    theme = library.add_theme("Democracy")
    pane.refresh()
    article = id_of(library, "Street Panels")
    pane.select_ids([article])
    html = pane.details.meta.toHtml()
    assert "Street Panels and the Return of the Town Meeting" in html and "Jonas Dvořák" in html
    assert "example.org/gazette" in html  # the web address, as a link
    assert pane.details.body.toPlainText().strip()
    item = pane.details.themes.item(0)
    assert item.text() == "Democracy"
    with qtbot.waitSignal(pane.library_changed):
        item.setCheckState(Qt.CheckState.Checked)
    assert theme in library.get(article).themes
    item.setCheckState(Qt.CheckState.Unchecked)
    assert theme not in library.get(article).themes


def test_article_text_is_shown_as_text_not_markup(qtbot, tmp_path):
    lib = Library(tmp_path / "lib2", cache_dir=tmp_path / "cache2")
    lib.add_drafts(
        [
            DraftArticle(
                title="<b>Bold</b> & <font color=red>red</font>",
                authors=["A & B"],
                body="x",
                original="x",
            )
        ]
    )
    pane = LibraryPane(lib)
    qtbot.addWidget(pane)
    pane.select_ids([lib.articles()[0].id])
    assert "<b>Bold</b> & <font color=red>red</font>" in pane.details.meta.toPlainText()


def test_delete_asks_then_removes(qtbot, pane, library, monkeypatch):
    article = id_of(library, "Helping new councillors")
    pane.select_ids([article])
    asked = []
    monkeypatch.setattr(
        pane_module.QMessageBox,
        "question",
        staticmethod(lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel),
    )
    pane.delete_button.click()
    assert len(library.articles()) == 7 and "Helping new councillors" in asked[0]
    monkeypatch.setattr(
        pane_module.QMessageBox,
        "question",
        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes),
    )
    with qtbot.waitSignal(pane.library_changed):
        pane.delete_button.click()
    assert len(library.articles()) == 6
    assert pane.model.row_of(article) == -1


def test_empty_library_shows_guidance(qtbot, tmp_path):
    pane = LibraryPane(Library(tmp_path / "empty", cache_dir=tmp_path / "c"))
    qtbot.addWidget(pane)
    assert pane.stack.currentWidget() is pane.empty
    assert "Import" in pane.empty.text()


def test_damaged_file_is_reported_quietly(qtbot, library, monkeypatch):
    (library.root / "articles" / "broken.md").write_text("no metadata here", encoding="utf-8")
    library.refresh()
    pane = LibraryPane(library)
    qtbot.addWidget(pane)
    assert pane.model.rowCount() == 7
    assert pane.problems_button.isVisibleTo(pane)
    assert pane.problems_button.text() == "1 file skipped"
    shown = []
    monkeypatch.setattr(
        pane_module.QMessageBox, "warning", staticmethod(lambda *a, **k: shown.append(a[2]))
    )
    pane.problems_button.click()
    assert "broken.md" in shown[0]


def test_dropping_files_starts_import(qtbot, pane, monkeypatch, tmp_path):
    started = []
    monkeypatch.setattr(pane, "import_paths", lambda paths: started.append(paths))
    mime = QMimeData()
    note = tmp_path / "note.txt"
    note.write_text("x", encoding="utf-8")
    mime.setUrls([QUrl.fromLocalFile(str(note))])
    event = QDropEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    pane.dropEvent(event)
    qtbot.waitUntil(lambda: bool(started), timeout=2000)
    assert started == [[note]]


def test_focus_search(qtbot, pane):
    pane.show()
    qtbot.waitExposed(pane)
    pane.table.setFocus()
    pane.focus_search()
    assert pane.focusWidget() is pane.search_box
    assert pane.search_box.selectedText() == pane.search_box.text()


def test_large_library_searches_off_the_ui_thread(qtbot, library, monkeypatch):
    monkeypatch.setattr(pane_module, "LARGE_LIBRARY", 1)
    calls = []
    real = library.search

    def spy(*args, **kwargs):
        import threading

        calls.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(library, "search", spy)
    pane = LibraryPane(library)
    qtbot.addWidget(pane)
    qtbot.waitUntil(lambda: pane.model.rowCount() == 7, timeout=5000)
    qtbot.keyClicks(pane.search_box, "tractor")
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1, timeout=5000)
    assert shown_titles(pane)[0].startswith("Small Parishes, Big Storms")
    assert calls and not any(calls)  # never searched on the UI thread
