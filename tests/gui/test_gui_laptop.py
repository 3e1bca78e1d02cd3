"""The app on a council laptop: the editor lands where the user is going, selection follows what
moved, the library ranks search results, the last pack comes back, controls stay put, and the
window and dialogs fit a 1366×768 screen. Every pack and article here is written for the test."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel

from briefing.gui.main_window import MainWindow
from briefing.gui.pack_model import ROWS_MIME
from briefing.gui.settings import Settings
from briefing.library import Library
from briefing.library.records import DraftArticle
from briefing.model import Article, Item, Pack, Section
from briefing.packfile import save_pack

LONG = (
    "A very long title about the future of neighbourhood planning, parish councils and "
    "the money they raise for local projects"
)
TOPICS = [
    "Bus franchising",
    "Library opening hours",
    "Pothole repairs",
    "Adult social care",
    "Household recycling",
    "Council tax support",
    "Flood defences",
    "Youth services",
]


def make_pack(items: int = 6) -> Pack:
    """Two sections of short articles in our own words; the first item has a long title."""
    pack = Pack(title="Laptop test pack", date=date(2025, 11, 4))
    for s in range(2):
        section = Section(title=f"Section {s + 1}")
        for i in range(items // 2):
            key = f"art-{s}-{i}"
            title = LONG if (s, i) == (0, 0) else f"{TOPICS[(s * 3 + i) % len(TOPICS)]} {s}.{i}"
            pack.articles[key] = Article(
                title=title,
                authors=["Sam Writer"],
                source="Council News",
                published=date(2025, 10, 1 + i),
                body="\n\n".join(
                    f"Paragraph {n} about {title.lower()}, for members." for n in range(40)
                ),
            )
            section.items.append(
                Item(
                    article=key,
                    summary="" if i == 1 else f"What {title} means for us.",
                    implications=[] if i == 2 else ["Ask officers for a briefing."],
                )
            )
        pack.sections.append(section)
    return pack


def own_library(root: Path) -> Library:
    """Nine articles of our own: one has the search words in its title, the others only in
    their text, and they are dated so that date order differs from relevance order."""
    lib = Library(root / "library", cache_dir=root / "cache")
    drafts = []
    for n, topic in enumerate(TOPICS):
        drafts.append(
            DraftArticle(
                title=f"{topic} in the shire counties",
                authors=[f"Writer {n}"],
                source="Council News",
                published=date(2025, 1 + n, 10),
                body=f"{topic} matters to residents. Some notes mention a harbour levy in passing.",
            )
        )
    drafts.append(
        DraftArticle(
            title="Harbour levy: what the harbour levy pays for",
            authors=["Pat Harbour"],
            source="Coastal Review",
            published=date(2024, 3, 1),
            body="The harbour levy is a charge on visiting boats. The harbour levy pays for dredging.",
        )
    )
    lib.add_drafts(drafts)
    return lib


@pytest.fixture
def own(qtbot: Any, tmp_path: Path, dialogs: Any) -> MainWindow:
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    win = MainWindow(
        settings=settings, recovery_dir=tmp_path / "rec", library=own_library(tmp_path)
    )
    win.preview.enabled = False
    qtbot.addWidget(win)
    win.resize(1366, 740)
    win.show()
    win.file.set_pack(make_pack(), None)
    yield win
    win.file.forced_modified = False
    win.undo_stack.setClean()


def item_index(win: MainWindow, s: int, i: int) -> QModelIndex:
    return win.model.index_of_item(s, i)


# -- the editor lands where the user is going ---------------------------------------------
def test_opening_an_item_shows_it_from_the_top_with_the_cursor_in_summary(own, qtbot):
    editor = own.item_editor
    own.tree.select(item_index(own, 0, 0))
    own.item_editor.set_reference_visible(True)
    bar = editor.form_scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # the form is taller than the editor
    bar.setValue(bar.maximum())  # the user scrolled down to the questions
    editor.article_text.verticalScrollBar().setValue(200)
    own.tree.setFocus()
    own.tree.select(item_index(own, 1, 1))
    qtbot.keyClick(own.tree, Qt.Key.Key_Return)  # Enter opens the item
    assert editor.item is own.model.pack.sections[1].items[1]
    assert bar.value() == 0
    assert editor.article_text.verticalScrollBar().value() == 0
    assert QApplication.focusWidget() is editor.summary
    qtbot.keyClicks(editor.summary, "Typed")
    assert own.model.pack.sections[1].items[1].summary == "Typed"


def test_a_check_puts_the_cursor_in_the_field_it_is_about(own, qtbot):
    from briefing.build import BuildRequest, view
    from briefing.checks import run_checks

    # The findings the preview hands the panel: the pack rules of `briefing check`.
    own.checks.set_findings(run_checks(view(BuildRequest(own.model.pack, Path.cwd())), "pack"))
    rows = {
        own.checks.list.item(n).text(): own.checks.list.item(n)
        for n in range(own.checks.list.count())
    }
    no_points = next(e for t, e in rows.items() if "no implications" in t)
    own.checks.list.itemActivated.emit(no_points)  # what a double-click or Enter sends
    assert own.item_editor.item is own.model.pack.sections[0].items[2]
    assert QApplication.focusWidget() is own.item_editor.implications.list
    no_summary = next(e for t, e in rows.items() if "has no summary" in t)
    own.checks.list.itemActivated.emit(no_summary)
    assert own.item_editor.item is own.model.pack.sections[0].items[1]
    assert QApplication.focusWidget() is own.item_editor.summary


# -- selection follows the thing moved ------------------------------------------------------
def shown(win: MainWindow) -> Any:
    return win.item_editor.item


def test_move_undo_and_redo_keep_the_moved_item_selected_and_shown(own, qtbot):
    moved = own.model.pack.sections[0].items[1]
    own.tree.setFocus()
    own.tree.select(item_index(own, 0, 1))
    qtbot.keyClick(own.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert own.model.pack.sections[0].items[0] is moved
    assert own.model.item_at(own.tree.currentIndex()) is moved and shown(own) is moved
    own.tree.select(item_index(own, 1, 2))  # the user looks at something else
    own.undo_stack.undo()
    assert own.model.pack.sections[0].items[1] is moved
    assert own.model.item_at(own.tree.currentIndex()) is moved and shown(own) is moved
    own.tree.select(item_index(own, 1, 0))
    own.undo_stack.redo()
    assert own.model.item_at(own.tree.currentIndex()) is moved and shown(own) is moved
    selected = own.tree.selectionModel().selectedIndexes()
    assert [own.model.item_at(i) for i in selected] == [moved]


def test_dragging_an_item_selects_it_where_it_lands(own):
    moved = own.model.pack.sections[0].items[0]
    own.tree.select(item_index(own, 1, 1))  # the editor shows another item
    mime = QMimeData()
    mime.setData(ROWS_MIME, QByteArray(json.dumps({"items": [[0, 0]]}).encode()))
    section = own.model.index_of_section(1)
    assert own.model.dropMimeData(mime, Qt.DropAction.MoveAction, 2, 0, section)
    assert own.model.pack.sections[1].items[2] is moved
    assert own.model.item_at(own.tree.currentIndex()) is moved and shown(own) is moved
    own.undo_stack.undo()
    assert own.model.pack.sections[0].items[0] is moved and shown(own) is moved


def test_moving_a_section_selects_it(own):
    second = own.model.pack.sections[1]
    own.tree.select(own.model.index_of_section(1))
    own.tree.move_current(-1)
    assert own.model.pack.sections[0] is second
    own.tree.select(item_index(own, 1, 0))
    own.undo_stack.undo()
    assert own.model.section_at(own.tree.currentIndex()) is second
    assert own.editors.currentWidget() is own.section_editor


# -- items without a summary are said so, not greyed -------------------------------------------
def test_an_item_without_a_summary_says_so_in_words(own):
    index = item_index(own, 0, 1)
    assert own.model.data(index, Qt.ItemDataRole.ForegroundRole) is None  # not greyed
    assert own.model.data(index, Qt.ItemDataRole.AccessibleTextRole).endswith("no summary yet")
    option_text = _painted_text(own, index)
    assert option_text.endswith("no summary yet")
    assert "no summary" not in _painted_text(own, item_index(own, 0, 0))


def _painted_text(win: MainWindow, index: QModelIndex) -> str:
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    option.initFrom(win.tree)
    option.rect = win.tree.visualRect(index)
    win.tree.itemDelegate().initStyleOption(option, index)
    return str(option.text)


def test_long_pack_titles_wrap_onto_two_lines_and_keep_their_end(own, qtbot):
    own.tree.resize(260, 400)
    own.tree.doItemsLayout()
    long_row = own.tree.visualRect(item_index(own, 0, 0))
    short_row = own.tree.visualRect(item_index(own, 1, 0))
    assert long_row.height() > short_row.height() * 1.5
    text = _painted_text(own, item_index(own, 0, 0))
    assert text.endswith("local projects")  # the end of the title is not cut off
    assert own.model.data(item_index(own, 0, 0), Qt.ItemDataRole.ToolTipRole).startswith(LONG)


# -- the library: ranked search, no sideways scrolling, buttons that stay put -----------------
def shown_titles(win: MainWindow) -> list[str]:
    model = win.library_pane.model
    return [model.row_object(r).title for r in range(model.rowCount())]


def test_search_results_come_best_match_first_like_the_command_line(own, qtbot):
    pane = own.library_pane
    newest_first = shown_titles(own)
    assert newest_first[0].startswith("Youth services")  # no query: newest first
    pane.search_box.setText("harbour levy")
    pane.run_search()
    cli = [hit.title for hit in own.library.search("harbour levy")]
    assert shown_titles(own) == cli
    assert shown_titles(own)[0].startswith("Harbour levy")  # the oldest, but the best match
    assert pane.table.horizontalHeader().sortIndicatorSection() == -1
    # A column header still sorts, and clearing the search goes back to newest first.
    pane.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    assert shown_titles(own)[0].startswith("Harbour levy")
    pane.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    assert shown_titles(own)[-1].startswith("Harbour levy")
    pane.search_box.setText("")
    pane.run_search()
    assert shown_titles(own) == newest_first


def test_library_list_shows_title_author_and_date_without_scrolling_sideways(own):
    pane = own.library_pane
    own.library_dock.resize(270, own.library_dock.height())
    pane.resize(270, pane.height())
    table = pane.table
    visible = [c for c in range(pane.model.columnCount()) if not table.isColumnHidden(c)]
    assert visible == [0, 3]
    assert table.horizontalScrollBar().maximum() == 0
    index = pane.model.index(0, 0)
    rec = pane.model.row_object(0)
    assert rec.authors[0] in index.data(Qt.UserRole + 2)  # the title's second line
    assert "Council News" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert table.rowHeight(0) >= 2 * table.fontMetrics().lineSpacing()
    assert pane.model.index(0, 3).data()  # the date column, short form


def test_library_buttons_do_not_move_with_the_selection(own, qtbot):
    pane = own.library_pane
    qtbot.waitUntil(lambda: pane.add_button.isVisible())
    before = pane.add_button.mapTo(pane, pane.add_button.rect().topLeft())
    pane.table.selectRow(0)
    QApplication.processEvents()
    assert pane.details.article_id is not None
    assert pane.add_button.mapTo(pane, pane.add_button.rect().topLeft()) == before
    pane.table.clearSelection()
    QApplication.processEvents()
    assert pane.add_button.mapTo(pane, pane.add_button.rect().topLeft()) == before


# -- the Edit menu -------------------------------------------------------------------------------
def test_edit_menu_cuts_copies_pastes_and_selects_in_the_focused_field(own, qtbot):
    edit_menu = next(a.menu() for a in own.menuBar().actions() if a.text() == "&Edit")
    names = [a.text() for a in edit_menu.actions()]
    for wanted in ("Cu&t", "&Copy", "&Paste", "Select &all"):
        assert wanted in names
    acts = own.actions_by_name
    own.jump_to(0, 0)
    summary = own.item_editor.summary
    summary.setFocus()
    qtbot.waitUntil(lambda: acts["edit_paste"].isEnabled())
    summary.setPlainText("Keep this line.")
    acts["edit_selectAll"].trigger()
    acts["edit_copy"].trigger()
    assert QGuiApplication.clipboard().text() == "Keep this line."
    acts["edit_cut"].trigger()
    assert summary.toPlainText() == ""
    acts["edit_paste"].trigger()
    acts["edit_paste"].trigger()
    assert summary.toPlainText() == "Keep this line.Keep this line."
    own.item_editor.article_text.setFocus()  # read-only: copy yes, cut and paste no
    qtbot.waitUntil(lambda: not acts["edit_paste"].isEnabled())
    assert acts["edit_copy"].isEnabled() and not acts["edit_cut"].isEnabled()


# -- reopen the last pack ----------------------------------------------------------------------
@pytest.fixture
def saved_pack(tmp_path: Path) -> Path:
    path = tmp_path / "last.yaml"
    save_pack(make_pack(), path)
    return path


def fresh_window(qtbot: Any, tmp_path: Path, settings: Settings) -> MainWindow:
    win = MainWindow(
        settings=settings,
        recovery_dir=tmp_path / "rec2",
        library=Library(tmp_path / "lib2", cache_dir=tmp_path / "cache2"),
    )
    win.preview.enabled = False
    qtbot.addWidget(win)
    return win


def test_the_last_pack_opens_on_start_unless_turned_off_or_one_is_given(
    qtbot, tmp_path, saved_pack, dialogs
):
    from briefing.gui.app import open_at_start

    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    settings.add_recent_file(saved_pack)
    win = fresh_window(qtbot, tmp_path, settings)
    assert win.actions_by_name["reopen"].isChecked()  # on by default
    open_at_start(win, None)
    assert win.file.path == saved_pack.resolve() and win.model.pack.title == "Laptop test pack"

    other = tmp_path / "other.yaml"
    pack = make_pack()
    pack.title = "Named on the command line"
    save_pack(pack, other)
    named = fresh_window(qtbot, tmp_path, settings)
    open_at_start(named, other)
    assert named.model.pack.title == "Named on the command line"

    named.actions_by_name["reopen"].setChecked(False)  # File ▸ Reopen last pack on start
    assert not Settings(
        QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    ).reopen_last()
    off = fresh_window(qtbot, tmp_path, settings)
    open_at_start(off, None)
    assert off.file.path is None and off.model.pack.title == "Untitled briefing"


# -- fits the screen ---------------------------------------------------------------------------
def test_main_window_and_dialogs_fit_a_1366_by_768_screen(own, qtbot, tmp_path):
    from briefing.gui.export_dialog import ExportDialog
    from briefing.gui.import_dialog import ImportDialog
    from briefing.gui.themes_dialog import ThemesDialog

    laptop = (1366, 768 - 40)  # less a taskbar
    hint = own.minimumSizeHint()
    assert hint.width() <= laptop[0] and hint.height() <= laptop[1]
    own.library_pane.table.selectRow(0)  # details showing must not make it taller
    assert own.minimumSizeHint().height() <= laptop[1]
    screen = own.screen().availableGeometry()
    for dialog in (
        ExportDialog(own.model.pack, tmp_path, own.settings, tmp_path, own),
        ThemesDialog(own.library, [], own),
        ImportDialog(own.library, text="A title\n\nSome text.\n", parent=own),
    ):
        qtbot.addWidget(dialog)
        assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
        need = dialog.minimumSizeHint()
        assert need.width() <= laptop[0] and need.height() <= laptop[1], type(dialog)


def test_view_menu_can_tab_checks_behind_the_preview_and_remembers_it(own, qtbot, tmp_path):
    tabbed = own.actions_by_name["checks_tabbed"]
    tabbed.setChecked(True)
    assert own.checks_tabbed()
    own.save_layout()
    again = MainWindow(settings=own.settings, recovery_dir=tmp_path / "rec3", library=own.library)
    again.preview.enabled = False
    qtbot.addWidget(again)
    again.show()
    assert again.checks_tabbed()
    again.set_checks_tabbed(False)
    assert not again.checks_tabbed() and not again.checks_dock.isHidden()
    article = own.actions_by_name["article_text"]
    article.setChecked(False)
    assert not own.item_editor.reference_visible()
    own.item_editor.reference_button.click()
    assert article.isChecked()


def test_narrow_editor_puts_the_article_text_below_the_fields(own, qtbot):
    editor = own.item_editor
    own.jump_to(0, 0)
    editor.set_reference_visible(True)
    editor.resize(480, 600)
    qtbot.waitUntil(lambda: editor.splitter.orientation() == Qt.Orientation.Vertical)
    assert editor.article_text.width() >= 400  # a readable width, not a sliver
    editor.resize(1100, 600)
    qtbot.waitUntil(lambda: editor.splitter.orientation() == Qt.Orientation.Horizontal)


# -- dialogs -------------------------------------------------------------------------------------
def test_export_folder_label_is_a_working_mnemonic(own, qtbot, tmp_path):
    from briefing.gui.export_dialog import ExportDialog

    dialog = ExportDialog(own.model.pack, tmp_path, own.settings, tmp_path, own)
    qtbot.addWidget(dialog)
    label = next(w for w in dialog.findChildren(QLabel) if w.text() == "&Folder")
    assert label.buddy() is dialog.folder


def test_themes_dialog_gives_names_the_spare_width(own, qtbot):
    from briefing.gui.themes_dialog import ThemesDialog

    own.library.add_theme("Neighbourhood planning and parish council finance")
    dialog = ThemesDialog(own.library, [], own)
    qtbot.addWidget(dialog)
    dialog.show()
    header = dialog.list.header()
    assert not header.stretchLastSection()
    name = dialog.list.topLevelItem(0).text(0)
    assert header.sectionSize(0) > dialog.list.fontMetrics().horizontalAdvance(name)
    assert header.sectionSize(1) < header.sectionSize(0) / 3


PROPOSED = (
    "Councils in the north are testing a new way of paying for bus routes, and early "
    "reports suggest that more people are travelling as a result of the cheaper fares "
    "across the whole area.\n\nA second paragraph with more about the pilot.\n"
)


def test_import_typed_title_clears_the_warning_and_a_typed_theme_is_made_on_import(own, qtbot):
    from briefing.gui.import_dialog import ImportDialog

    dialog = ImportDialog(own.library, text=PROPOSED, parent=own)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.ready, timeout=10000)
    dialog.list.setCurrentRow(0)
    editor = dialog.editor
    assert "title proposed" in editor.flags.text()
    assert editor.new_theme.isVisibleTo(dialog)  # the Themes row has a control
    editor.title.selectAll()
    qtbot.keyClicks(editor.title, "Cheaper bus fares")
    assert "title proposed" not in editor.flags.text()
    assert "title proposed" not in dialog.list.item(0).toolTip()
    qtbot.keyClicks(editor.new_theme, "Transport")
    qtbot.keyClick(editor.new_theme, Qt.Key.Key_Return)
    assert "Transport" in [editor.themes.item(n).text() for n in range(editor.themes.count())]
    assert editor.chosen_themes()
    assert not any(t.label == "Transport" for t in own.library.themes().values())  # not yet
    dialog.import_now()
    themes = {t.label: tid for tid, t in own.library.themes().items()}
    added = own.library.search("Cheaper bus fares")[0]
    assert themes["Transport"] in own.library.get(added.id).themes
    qtbot.waitUntil(lambda: dialog.height() < 300)  # a compact result, not the preview's size
    assert "Cheaper bus fares" in dialog.result_label.text()


def test_panes_tabbed_together_show_their_whole_names(own, qtbot):
    """On this narrow screen four panes share the Library's place as tabs; at 150% they did
    not fit and read "Lib…", "His…", "Pre…", "Ch…". Each tab shown is as wide as its name
    (the tab bar scrolls to the others), here and once Checks is tabbed behind the Preview."""
    from PySide6.QtWidgets import QTabBar

    def cut() -> list[str]:
        wrong = []
        for bar in own.findChildren(QTabBar):
            if not bar.isVisible():
                continue
            for n in range(bar.count()):
                # (the width its whole name needs, padding included)
                if bar.tabRect(n).width() < bar.tabSizeHint(n).width():
                    wrong.append(bar.tabText(n))
        return wrong

    assert own.tabifiedDockWidgets(own.library_dock), "the panes are not tabbed on this screen"
    own.library_dock.setMaximumWidth(180)  # narrower than the four names, as at 150%
    qtbot.waitUntil(lambda: own.library_dock.width() <= 180)
    qtbot.wait(50)
    assert cut() == []
    own.set_checks_tabbed(True)
    qtbot.wait(50)
    assert cut() == []
