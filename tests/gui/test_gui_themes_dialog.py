"""The themes manager: create, rename in place, recolour, merge, delete, accept suggestions."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox

from briefing.gui import themes_dialog as dialog_module
from briefing.gui.themes_dialog import ThemesDialog
from briefing.library import Library
from briefing.library.importers import import_path

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.fixture
def library(tmp_path: Path) -> Library:
    lib = Library(tmp_path / "library", cache_dir=tmp_path / "cache")
    lib.add_drafts(import_path(SAMPLES / "council-blog-collection.txt"))
    return lib


def rows(dialog: ThemesDialog) -> list[tuple[str, str]]:
    return [
        (dialog.list.topLevelItem(i).text(0), dialog.list.topLevelItem(i).text(1))
        for i in range(dialog.list.topLevelItemCount())
    ]


def select(dialog: ThemesDialog, *theme_ids: str) -> None:
    dialog.list.setCurrentItem(dialog.item_for(theme_ids[0]))
    dialog.list.clearSelection()
    for theme_id in theme_ids:
        dialog.item_for(theme_id).setSelected(True)


def test_create_rename_merge_delete(qtbot, library, monkeypatch):
    dialog = ThemesDialog(library)
    qtbot.addWidget(dialog)
    assert dialog.empty_label.isVisibleTo(dialog)

    # Create two themes by typing and pressing Enter / clicking Add.
    qtbot.keyClicks(dialog.new_label, "Democracy")
    qtbot.keyClick(dialog.new_label, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.new_label, "Councillors")
    dialog.add_button.click()
    themes = {t.label: tid for tid, t in library.themes().items()}
    assert set(themes) == {"Democracy", "Councillors"}
    assert rows(dialog) == [("Councillors", "0"), ("Democracy", "0")]
    assert dialog.changed

    ids = [a.id for a in library.articles()]
    library.assign(ids[:2], themes["Democracy"])
    library.assign(ids[1:4], themes["Councillors"])
    dialog.reload()
    assert rows(dialog) == [("Councillors", "3"), ("Democracy", "2")]

    # Rename in place: edit the label in the list.
    item = dialog.item_for(themes["Democracy"])
    item.setText(0, "Local democracy")
    assert library.themes()[themes["Democracy"]].label == "Local democracy"

    # Recolour through the colour chooser.
    select(dialog, themes["Councillors"])
    monkeypatch.setattr(
        dialog_module.QColorDialog, "getColor", staticmethod(lambda *a, **k: QColor("#00703c"))
    )
    dialog.colour_button.click()
    assert library.themes()[themes["Councillors"]].colour == "#00703C"

    # Merge both into "Local democracy".
    select(dialog, themes["Councillors"], themes["Democracy"])
    assert dialog.merge_button.isEnabled()
    monkeypatch.setattr(
        dialog_module.QInputDialog,
        "getItem",
        staticmethod(lambda *a, **k: ("Local democracy", True)),
    )
    dialog.merge_button.click()
    assert list(library.themes()) == [themes["Democracy"]]
    assert rows(dialog) == [("Local democracy", "4")]

    # Delete: the question says how many articles lose it; Cancel keeps it.
    select(dialog, themes["Democracy"])
    asked = []
    monkeypatch.setattr(
        dialog_module.QMessageBox,
        "question",
        staticmethod(lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel),
    )
    dialog.delete_button.click()
    assert "4 articles will lose this theme" in asked[0]
    assert library.themes()
    monkeypatch.setattr(
        dialog_module.QMessageBox,
        "question",
        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes),
    )
    dialog.delete_button.click()
    assert library.themes() == {}
    assert all(not a.themes for a in library.articles())
    assert len(library.articles()) == 5  # the articles stay


def test_duplicate_label_is_refused_with_message(qtbot, library, monkeypatch):
    library.add_theme("Finance")
    dialog = ThemesDialog(library)
    qtbot.addWidget(dialog)
    shown = []
    monkeypatch.setattr(
        dialog_module.QMessageBox, "warning", staticmethod(lambda *a, **k: shown.append(a[2]))
    )
    qtbot.keyClicks(dialog.new_label, "finance")
    dialog.add_button.click()
    assert shown and "Finance" in shown[0]
    assert len(library.themes()) == 1


def test_suggestions_for_selected_articles_can_be_accepted(qtbot, library):
    article = next(a for a in library.articles() if "data office" in a.title)
    dialog = ThemesDialog(library, [article.id])
    qtbot.addWidget(dialog)
    assert dialog.suggestions.count() > 0
    first = dialog.suggestions.item(0)
    label = first.data(dialog_module.LABEL_ROLE)
    first.setSelected(True)
    dialog.accept_button.click()
    by_label = {t.label: tid for tid, t in library.themes().items()}
    assert label in by_label
    assert by_label[label] in library.get(article.id).themes


def test_no_selection_explains_suggestions(qtbot, library):
    dialog = ThemesDialog(library, [])
    qtbot.addWidget(dialog)
    assert "Select articles" in dialog.suggest_note.text()
    assert not dialog.accept_button.isVisibleTo(dialog)
