"""Keyboard use and quotations: Tab order through the editors, Ctrl+F and F5 from anywhere,
Escape in dialogs, and the quotation's "said by" column reaching the printed attribution."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QDialog, QWidget

from briefing.document.model import BlockQuote


def open_first_item(window, library) -> None:
    ids = [a.id for a in library.articles() if a.id.startswith("can-shared")]
    assert window.add_library_articles(ids) == 1
    index = window.model.index_of_item(0, 0)
    window.tree.select(index)
    window._open_index(index)
    window.activateWindow()


def focused_name(widget: QWidget) -> str:
    # A date box hands its focus to the line edit inside it: name the box the user sees.
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractSpinBox):
        widget = parent
    return widget.accessibleName()


def tab_walk(qtbot, start: QWidget, steps: int) -> list[str]:
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    names = [focused_name(QApplication.focusWidget())]
    for _ in range(steps):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        names.append(focused_name(QApplication.focusWidget()))
    return names


def attributions(window) -> list[str]:
    from briefing.compose import compose

    document = compose(window.model.pack, window.file.base_dir())
    return [b.attribution for b in document.blocks if isinstance(b, BlockQuote)]


def test_quotation_said_by_is_edited_undone_and_printed(window, library):
    open_first_item(window, library)
    editor = window.item_editor
    item = window.model.pack.sections[0].items[0]
    authors = window.model.pack.articles[item.article].authors
    table = editor.quotes.table
    assert table.horizontalHeaderItem(2).text() == "Said by\n(if not the authors)"
    editor.quotes.add_entry()
    table.item(0, 0).setText("Start small and learn in the open.")
    table.item(0, 1).setText("4")
    steps = window.undo_stack.count()
    table.item(0, 2).setText("the round table's chair")
    assert [(q.text, q.page, q.by) for q in item.quotes] == [
        ("Start small and learn in the open.", "4", "the round table's chair")
    ]
    assert window.undo_stack.count() == steps + 1
    said = attributions(window)[0]
    assert said.startswith("the round table's chair") and "p. 4" in said
    window.undo_stack.undo()
    assert item.quotes[0].by == "" and table.item(0, 2).text() == ""
    # Without a speaker the quotation is credited to the article's authors again.
    surname = authors[0].split()[-1]
    assert surname in attributions(window)[0] and "chair" not in attributions(window)[0]
    window.undo_stack.redo()
    assert table.item(0, 2).text() == "the round table's chair"
    # Moving a quotation keeps who said it.
    editor.quotes.add_entry()
    table.item(1, 0).setText("A second thought.")
    table.setCurrentCell(0, 0)
    editor.quotes.move_entry(1)
    assert [q.by for q in item.quotes] == ["", "the round table's chair"]


EXPECTED_ITEM_ORDER = [
    "Summary",
    "Draft summary",
    "Welsh (Cymraeg)",
    "Implications for UK local government",
    "Add point",
    "Remove point",
    "Move point up",
    "Move point down",
    "Suggest implications",
    "Quotations",
    "Add quotation",
    "Remove quotation",
    "Move quotation up",
    "Move quotation down",
    "Questions members may wish to ask",
    "Add question",
    "Remove question",
    "Move question up",
    "Move question down",
    "Hide article text",
    "Article text",  # then the article's own text beside the editor
]


def test_tab_walks_the_item_editor_in_reading_order(window, library, qtbot):
    open_first_item(window, library)
    editor = window.item_editor
    editor.set_reference_visible(True)
    names = tab_walk(qtbot, editor.summary, len(EXPECTED_ITEM_ORDER) - 1)
    assert names == EXPECTED_ITEM_ORDER
    # Typing Tab in the summary moved on: it did not type a tab character.
    assert "\t" not in editor.summary.toPlainText()


def test_tab_walks_pack_settings_top_to_bottom(window, qtbot):
    window.show_pack_settings()
    window.activateWindow()
    names = tab_walk(qtbot, window.settings_editor.title, 28)
    assert names == [
        "Pack title",
        "Subtitle",
        "Kind of pack",
        "Date",
        "Set date to today",
        "Organisation",
        "Prepared by",
        "Contact name",
        "Contact email",
        "Contact phone",
        "Protective marking",
        "Mark as DRAFT on every page",
        "Paper size",
        "Large print (body text 16 pt)",
        "Word template",
        "Browse for word template",
        "Clear word template",
        "Logo",
        "Browse for logo",
        "Clear logo",
        "Logo alternative text",
        "Page budget",
        "Word budget",
        "Pack introduction",
        "Key messages",
        "Add key message",
        "Remove key message",
        "Move key message up",
        "Move key message down",
    ]


def test_ctrl_f_finds_and_f5_refreshes_from_anywhere(window, library, qtbot):
    open_first_item(window, library)
    search = window.library_pane.search_box
    for start in (window.item_editor.summary, window.tree, window.item_editor.quotes.table):
        start.setFocus()
        qtbot.waitUntil(lambda s=start: QApplication.focusWidget() is s)
        qtbot.keyClick(start, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert QApplication.focusWidget() is search
    window.item_editor.summary.setFocus()
    with qtbot.waitSignal(window.preview.rendered, timeout=20_000):
        qtbot.keyClick(window.item_editor.summary, Qt.Key.Key_F5)
    assert window.preview.page_count >= 1


def test_escape_cancels_a_suggestion_without_writing(window, library, qtbot):
    from briefing.gui.item_editor import SuggestionDialog

    open_first_item(window, library)
    dialog = SuggestionDialog("Draft summary", window.item_editor, text="A draft.")

    def press_escape() -> None:
        qtbot.keyClick(dialog.editor, Qt.Key.Key_Escape)

    QTimer.singleShot(0, press_escape)
    assert dialog.exec() == QDialog.DialogCode.Rejected
    assert window.model.pack.sections[0].items[0].summary == ""


def test_pack_settings_built_when_first_shown_keep_their_place_in_the_tab_order(
    qtbot, settings, library, dialogs, tmp_path
):
    from briefing.gui.main_window import MainWindow
    from briefing.model import Pack, Section
    from briefing.packfile import save_pack

    path = tmp_path / "parish.yaml"
    save_pack(Pack(title="Parish services", sections=[Section(title="Roads")]), path)
    window = MainWindow(settings, recovery_dir=tmp_path / "recovery", library=library)
    window.preview.enabled = False
    qtbot.addWidget(window)
    # Opened as the window comes up (`briefing gui PACK`): the first section shows, and the
    # settings form is not built.
    window.show()
    assert window.file.open_path(path, ask=False)
    qtbot.wait(50)
    assert window.editors.currentWidget() is window.section_editor
    assert window.settings_page.built() is None
    # Pack settings: built now, with the pack's values, and Tab from the pack tree goes to its
    # first field, as when the form was built with the window.
    window.show_pack_settings()
    qtbot.waitUntil(lambda: window.settings_page.built() is not None)
    assert window.editors.currentWidget() is window.settings_editor
    assert window.settings_editor.title.text() == "Parish services"
    window.activateWindow()
    assert tab_walk(qtbot, window.tree, 2) == ["Pack contents", "Pack title", "Subtitle"]
    window.undo_stack.setClean()
