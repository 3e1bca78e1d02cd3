"""Building a pack in the main window: themes to sections, drag and keyboard arranging,
editing an item, undo and redo — driven through the widgets as a user would."""

from __future__ import annotations

import json

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QPoint, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QDialog, QLineEdit

from briefing.gui.pack_model import ARTICLES_MIME, ROWS_MIME


def titles(window) -> list[list[str]]:
    """The tree as the user sees it: each section's title then its items' titles."""
    model = window.model
    out = []
    for s in range(model.rowCount()):
        section = model.index(s, 0)
        out.append(
            [model.data(section)]
            + [model.data(model.index(r, 0, section)) for r in range(model.rowCount(section))]
        )
    return out


def theme_id(library, label: str) -> str:
    return next(t for t, rec in library.themes().items() if rec.label == label)


def build_two_sections(window, library) -> None:
    window.library_pane.add_theme_to_pack_requested.emit(
        theme_id(library, "Artificial intelligence")
    )
    window.library_pane.add_theme_to_pack_requested.emit(theme_id(library, "Councils and crises"))


def test_new_pack_from_themes_makes_a_section_per_theme(window, library):
    guidance = window.empty_scroll
    assert window.tree_stack.currentWidget() is guidance  # guidance when empty
    build_two_sections(window, library)
    tree = titles(window)
    assert [t[0] for t in tree] == ["Artificial intelligence", "Councils and crises"]
    assert len(tree[0]) == 4 and len(tree[1]) == 4
    assert any(t.startswith("Can shared contact centres") for t in tree[0][1:])
    pack = window.model.pack
    assert pack.sections[0].theme == theme_id(library, "Artificial intelligence")
    assert all(item.article in pack.articles for item in pack.items())
    assert pack.articles[pack.sections[0].items[0].article].body  # text kept for reference
    assert window.tree_stack.currentWidget() is window.tree
    assert window.isWindowModified()
    # Adding the same theme again adds nothing new.
    window.library_pane.add_theme_to_pack_requested.emit(
        theme_id(library, "Artificial intelligence")
    )
    assert titles(window) == tree
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert titles(window) == [] and pack.articles == {}
    window.undo_stack.redo()
    assert [t[0] for t in titles(window)] == ["Artificial intelligence"]


def test_articles_added_from_library_selection_and_by_drop(window, library):
    ids = [a.id for a in library.articles()]
    window.library_pane.add_to_pack_requested.emit(ids[:2])
    assert titles(window)[0][0] == "Articles"
    assert len(titles(window)[0]) == 3
    # A drag from the library pane lands where it is dropped: before the first item.
    mime = QMimeData()
    mime.setData(ARTICLES_MIME, QByteArray(json.dumps([ids[5]]).encode()))
    section = window.model.index(0, 0)
    assert window.model.dropMimeData(mime, Qt.DropAction.CopyAction, 0, 0, section)
    assert window.model.pack.sections[0].items[0].article == ids[5]
    assert window.undo_stack.count() == 2


def test_drag_reorders_items_and_moves_them_between_sections(window, library, qtbot):
    build_two_sections(window, library)
    model, tree = window.model, window.tree
    before = titles(window)
    moved = before[0][1]
    # Drag the first AI item and drop it onto the second item of the crises section,
    # through the tree's own drop handling at that item's position on screen.
    source = model.index(0, 0, model.index(0, 0))
    mime = model.mimeData([source])
    tree.expandAll()
    target = model.index(1, 0, model.index(1, 0))
    rect = tree.visualRect(target)
    point = QPoint(rect.center().x(), rect.top() + 2)  # upper edge: drop above it
    event = QDropEvent(
        point.toPointF(),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    tree.dropEvent(event)
    after = titles(window)
    assert moved not in after[0]
    assert after[1][1:] == [before[1][1], moved, *before[1][2:]]
    assert len(after[0]) == len(before[0]) - 1
    window.undo_stack.undo()
    assert titles(window) == before
    # Sections move too: drop the second section before the first.
    mime = model.mimeData([model.index(1, 0)])
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert [t[0] for t in titles(window)] == ["Councils and crises", "Artificial intelligence"]
    assert mime.hasFormat(ROWS_MIME)


def test_keyboard_moves_removes_and_renames(window, library, qtbot):
    build_two_sections(window, library)
    tree, model = window.tree, window.model
    before = titles(window)
    tree.setFocus()
    tree.select(model.index(2, 0, model.index(0, 0)))  # last AI item
    qtbot.keyClick(tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    # At the bottom of its section it crosses into the top of the next one.
    assert titles(window)[1][1] == before[0][3]
    qtbot.keyClick(tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert titles(window) == before
    qtbot.keyClick(tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert titles(window)[0][1:] == [before[0][1], before[0][3], before[0][2]]
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    assert before[0][3] not in sum(titles(window), [])
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert titles(window) == before
    # F2 renames a section in place.
    tree.select(model.index(1, 0))
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    assert tree.state() == QAbstractItemView.State.EditingState
    editor = tree.viewport().findChildren(QLineEdit)[-1]
    editor.selectAll()
    qtbot.keyClicks(editor, "Resilience")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the view commits on its next event loop turn
    qtbot.waitUntil(lambda: titles(window)[1][0] == "Resilience", timeout=3000)
    window.undo_stack.undo()
    assert titles(window)[1][0] == "Councils and crises"


def test_editing_an_item_is_undone_per_burst_of_typing(window, library, qtbot):
    build_two_sections(window, library)
    tree, model = window.tree, window.model
    tree.setFocus()
    tree.select(model.index(0, 0, model.index(0, 0)))
    qtbot.keyClick(tree, Qt.Key.Key_Return)  # Enter opens the item
    editor = window.item_editor
    assert window.editors.currentWidget() is editor
    item = model.pack.sections[0].items[0]
    assert editor.heading.text() == model.pack.articles[item.article].title
    assert editor.article_text.toPlainText().strip()  # the article beside it
    steps = window.undo_stack.count()
    qtbot.keyClicks(editor.summary, "Councils are testing AI in back offices.")
    assert item.summary == "Councils are testing AI in back offices."
    assert window.undo_stack.count() == steps + 1  # one burst, one undo step
    assert editor.summary_count.text() == "7 words"
    editor.implications.add_entry()
    entry = editor.implications.list.item(0)
    entry.setText("Check contracts for data protection terms.")
    assert item.implications == ["Check contracts for data protection terms."]
    window.undo_stack.undo()
    assert item.implications == [] and editor.implications.list.count() == 0
    window.undo_stack.undo()
    assert item.summary == "" and editor.summary.toPlainText() == ""
    window.undo_stack.redo()
    assert editor.summary.toPlainText() == "Councils are testing AI in back offices."
    # Quotations and questions.
    editor.quotes.add_entry()
    editor.quotes.table.item(0, 0).setText("Pilots first, then scale.")
    editor.quotes.table.item(0, 1).setText("12")
    assert [(q.text, q.page) for q in item.quotes] == [("Pilots first, then scale.", "12")]
    editor.questions.add_entry()
    editor.questions.list.item(0).setText("Who owns the risk?")
    assert item.questions == ["Who owns the risk?"]
    # The tree no longer marks the item as missing a summary.
    assert "no summary" not in model.data(
        model.index(0, 0, model.index(0, 0)), Qt.ItemDataRole.ToolTipRole
    )


def test_drafting_aids_suggest_and_never_write_silently(window, library, qtbot, monkeypatch):
    from briefing.gui import item_editor as editor_module

    build_two_sections(window, library)
    window.tree.select(window.model.index(0, 0, window.model.index(0, 0)))
    editor = window.item_editor
    item = window.model.pack.sections[0].items[0]
    shown: list[editor_module.SuggestionDialog] = []

    def refuse(dialog):
        shown.append(dialog)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(editor_module.SuggestionDialog, "exec", refuse)
    editor.draft_button.click()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=10000)
    assert shown[0].text()  # a draft was offered...
    assert item.summary == ""  # ...and refused, so nothing was written
    # The draft comes as its sentences, each ticked, with why it was offered.
    sentences = shown[0].sentences
    assert sentences is not None and sentences.count() >= 2
    assert shown[0].context.text().startswith("Why: ")
    first = sentences.item(0).text()
    assert first in shown[0].text()
    sentences.item(0).setCheckState(Qt.CheckState.Unchecked)  # take only part of it
    assert first not in shown[0].text()
    assert shown[0].text().startswith(sentences.item(1).text())

    def accept(dialog):
        shown.append(dialog)
        dialog.editor.setPlainText("My edited draft.")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(editor_module.SuggestionDialog, "exec", accept)
    editor.draft_button.click()
    qtbot.waitUntil(lambda: item.summary == "My edited draft.", timeout=10000)

    def keep_first(dialog):
        shown.append(dialog)
        # Nothing is ticked for the user; each suggestion shows the sentence around it.
        assert dialog.list.count() > 0
        assert all(
            dialog.list.item(i).checkState() == Qt.CheckState.Unchecked
            for i in range(dialog.list.count())
        )
        entry = dialog.list.item(0).text()
        drafted = entry.startswith(("Members may wish", "Councils may need"))
        if not drafted:  # the article's own words, shown with the sentence around them
            assert entry.rstrip(".")[1:] in dialog.context.text()
        else:  # a draft says so, with the sentence it was written from
            assert dialog.context.text().startswith("Draft")
            assert "Written from the article's words: " in dialog.context.text()
        dialog.list.item(0).setCheckState(Qt.CheckState.Checked)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(editor_module.SuggestionDialog, "exec", keep_first)
    editor.suggest_button.click()
    qtbot.waitUntil(lambda: len(item.implications) == 1, timeout=10000)
    assert item.implications[0] == shown[-1].list.item(0).text()
    window.undo_stack.undo()
    assert item.implications == []


def test_pack_settings_edit_title_date_and_event_block(window, library, qtbot):
    from datetime import date

    from PySide6.QtCore import QDate

    build_two_sections(window, library)
    window.show_pack_settings()
    editor = window.settings_editor
    editor.title.selectAll()
    qtbot.keyClicks(editor.title, "AI in councils")
    assert window.model.pack.title == "AI in councils"
    assert window.windowTitle().startswith("AI in councils")
    editor.date.setDate(QDate(2025, 11, 4))
    assert window.model.pack.date == date(2025, 11, 4)
    assert editor.date.text() == "4 November 2025"
    assert editor.event_box.isHidden()
    editor.kind.setCurrentIndex(editor.kind.findData("event-handout"))
    assert not editor.event_box.isHidden()
    qtbot.keyClicks(editor.event_box.venue, "Andover")
    assert window.model.pack.event.venue == "Andover"
    window.model.pack.layout.logo = ""
    editor.logo_alt.setText("")
    window.undo_stack.undo()  # venue
    assert window.model.pack.event is None or window.model.pack.event.venue == ""
    window.undo_stack.undo()  # kind
    assert window.model.pack.kind == "member-briefing" and editor.event_box.isHidden()
    window.undo_stack.undo()  # date
    assert window.model.pack.date != date(2025, 11, 4)
    window.undo_stack.undo()  # the title, typed in one burst
    assert window.model.pack.title == "Untitled briefing"
    assert editor.title.text() == "Untitled briefing"


def test_accepted_implications_teach_later_suggestions(window, library, qtbot, monkeypatch):
    """A point taken from the suggestions is kept with the library, and the next suggestions
    are made knowing it, even once the pack no longer holds it."""
    import briefing.assist
    from briefing.gui import item_editor as editor_module

    build_two_sections(window, library)
    window.tree.select(window.model.index(0, 0, window.model.index(0, 0)))
    editor = window.item_editor
    item = window.model.pack.sections[0].items[0]

    def keep_edited_first(dialog):
        entry = dialog.list.item(0)
        entry.setText("The council should brief members on this.")  # edited before OK
        entry.setCheckState(Qt.CheckState.Checked)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(editor_module.SuggestionDialog, "exec", keep_edited_first)
    editor.suggest_button.click()
    qtbot.waitUntil(lambda: len(item.implications) == 1, timeout=10000)
    assert item.implications == ["The council should brief members on this."]
    kept = (library.root / "accepted-implications.txt").read_text(encoding="utf-8")
    assert kept.endswith("The council should brief members on this.\n")

    window.undo_stack.undo()  # the pack forgets the point; the library does not
    assert item.implications == []
    seen: list[list[str]] = []
    real = briefing.assist.suggest_implications

    def spy(text, limit=5, accepted=(), standfirst=""):
        seen.append(list(accepted))
        return real(text, limit, accepted, standfirst)

    monkeypatch.setattr(briefing.assist, "suggest_implications", spy)
    monkeypatch.setattr(
        editor_module.SuggestionDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected
    )
    editor.suggest_button.click()
    qtbot.waitUntil(lambda: bool(seen) and editor.suggest_button.isEnabled(), timeout=10000)
    assert "The council should brief members on this." in seen[0]
