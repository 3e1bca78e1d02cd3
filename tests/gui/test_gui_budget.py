"""The pack budget in the app: set in the settings (undoably), shown in the status bar against
the preview's real page count, and listed in the checks panel when the pack goes over."""

from __future__ import annotations

from PySide6.QtCore import Qt


def theme_id(library, label: str) -> str:
    return next(t for t, rec in library.themes().items() if rec.label == label)


def test_setting_a_budget_in_the_settings_is_undoable(window, qtbot):
    window.show_pack_settings()
    box = window.settings_editor.budget_box
    assert box.pages.text() == "No limit" and box.words.text() == "No limit"
    box.pages.setFocus()
    box.pages.selectAll()
    qtbot.keyClicks(box.pages, "4")
    box.words.setValue(1500)
    assert (window.model.pack.budget.pages, window.model.pack.budget.words) == (4, 1500)
    assert window.isWindowModified()
    assert window.undo_stack.undoText() == "Change word budget"

    window.undo_stack.undo()
    assert window.model.pack.budget.words is None
    assert box.words.text() == "No limit"
    window.undo_stack.undo()
    assert window.model.pack.budget.pages is None
    assert box.pages.text() == "No limit"
    window.undo_stack.redo()
    assert window.model.pack.budget.pages == 4 and box.pages.value() == 4
    box.pages.setValue(0)  # back to "No limit"
    assert window.model.pack.budget.pages is None


def test_status_bar_shows_counts_and_the_over_budget_state(window, library, qtbot):
    window.library_pane.add_theme_to_pack_requested.emit(
        theme_id(library, "Artificial intelligence")
    )
    window.model.pack.intro = "Members asked for a fuller picture of this work. " * 150
    window._update_word_count()
    status = window.budget_status
    words = int(window.words_label.text().split()[0].replace(",", ""))
    assert words > 0 and window.pages_label.text().startswith("about ")

    with qtbot.waitSignal(window.preview.rendered, timeout=30000):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    pages = window.preview.page_count
    assert pages >= 3
    assert window.pages_label.text() == f"{pages} pages"
    assert not status.pages_over and not status.pages_icon.isVisibleTo(window)

    window.show_pack_settings()
    window.settings_editor.budget_box.pages.setValue(pages - 1)
    window.settings_editor.budget_box.words.setValue(words + 10)
    window._update_word_count()
    assert window.pages_label.text() == f"{pages} of {pages - 1} pages (over budget)"
    assert window.pages_label.font().bold()
    assert status.pages_icon.isVisibleTo(window)
    assert window.words_label.text() == f"{words:,} of {words + 10:,} words"
    assert not window.words_label.font().bold()
    assert not status.words_icon.isVisibleTo(window)

    # The checks panel lists the page budget once the preview has counted the pages.
    with qtbot.waitSignal(window.preview.rendered, timeout=30000):
        window.preview.refresh_now()
    texts = [window.checks.list.item(i).text() for i in range(window.checks.list.count())]
    assert (
        texts.count(
            f"Warning: The PDF has {pages} pages, over its budget of {pages - 1} "
            "pages: shorten summaries or remove items."
        )
        == 1
    )

    window.settings_editor.budget_box.words.setValue(words - 1)
    window._update_word_count()
    assert window.words_label.text() == f"{words:,} of {words - 1:,} words (over budget)"
    assert window.words_label.font().bold() and status.words_icon.isVisibleTo(window)
    with qtbot.waitSignal(window.preview.rendered, timeout=30000):
        window.preview.refresh_now()
    texts = [window.checks.list.item(i).text() for i in range(window.checks.list.count())]
    assert any(
        t.startswith(f"Warning: The pack has {words:,} words, over its budget of {words - 1:,}")
        for t in texts
    )

    # Quick changes to one budget merge into one undo step, as typing a number does.
    window.undo_stack.undo()
    window.undo_stack.undo()  # both budgets undone: no limit again
    assert window.model.pack.budget.pages is None and window.model.pack.budget.words is None
    window._update_word_count()
    assert window.pages_label.text() == f"{pages} pages"
    assert window.words_label.text() == f"{words:,} words"
    assert not status.pages_icon.isVisibleTo(window) and not window.pages_label.font().bold()
