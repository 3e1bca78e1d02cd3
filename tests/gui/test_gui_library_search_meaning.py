"""The Library pane: 'Did you mean' after a search that finds nothing, and proposed titles."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from briefing.gui.library_pane import LibraryPane
from briefing.library import Library
from briefing.library.records import DraftArticle

if TYPE_CHECKING:
    from pathlib import Path


def _pane(qtbot, tmp_path: Path) -> LibraryPane:  # type: ignore[no-untyped-def]
    lib = Library(tmp_path / "lib", cache_dir=tmp_path / "cache")
    lib.add_drafts(
        [
            DraftArticle(
                title="Devolution deals for counties",
                body="The devolution framework gives county mayors new powers.",
            ),
            DraftArticle(
                title="",
                body="Parish councils raised their precepts faster than "
                "district councils did this year.",
            ),
        ]
    )
    pane = LibraryPane(lib)
    qtbot.addWidget(pane)
    return pane


def test_a_misspelt_search_offers_the_library_spelling(qtbot, tmp_path: Path):
    pane = _pane(qtbot, tmp_path)
    pane.search_box.setText("devolusion")
    pane.run_search()
    assert pane.model.rowCount() == 0
    assert pane.suggest_button.isVisibleTo(pane)
    assert pane.suggest_button.text() == "Did you mean “devolution”?"
    pane.suggest_button.click()
    assert pane.search_box.text() == "devolution"
    assert pane.model.rowCount() == 1
    assert not pane.suggest_button.isVisibleTo(pane)


def test_a_proposed_title_says_so_in_the_list(qtbot, tmp_path: Path):
    pane = _pane(qtbot, tmp_path)
    titles = [pane.model.index(r, 0).data() for r in range(pane.model.rowCount())]
    assert (
        "Parish councils raised their precepts faster than district councils did this "
        "year (title proposed)" in titles
    )
    assert "Devolution deals for counties" in titles
