"""The live preview: the real PDF page by page with its page count, refreshed after edits
without blocking, stale renders thrown away; the checks panel and its jump to the item."""

from __future__ import annotations

from PySide6.QtCore import Qt


def theme_id(library, label: str) -> str:
    return next(t for t, rec in library.themes().items() if rec.label == label)


def page_text(preview, page: int = 0) -> str:
    return " ".join(preview.document.getAllText(page).text().split())


def test_preview_shows_the_real_pdf_and_its_page_count(window, library, qtbot):
    window.library_pane.add_theme_to_pack_requested.emit(
        theme_id(library, "Artificial intelligence")
    )
    window.model.pack.title = "Councils and AI"
    preview = window.preview
    with qtbot.waitSignal(preview.rendered, timeout=30000):
        qtbot.keyClick(window, Qt.Key.Key_F5)  # F5 refreshes now
    assert preview.page_count == preview.document.pageCount() >= 2
    assert preview.pages.text() == f"{preview.page_count} pages"
    assert window.pages_label.text() == preview.pages.text()
    assert "Councils and AI" in page_text(preview, 0)
    # Three items have no summary yet: the checks panel says so.
    checks = window.checks
    assert checks.count("warning") + checks.count("error") >= 3
    assert any("summary" in checks.list.item(i).text() for i in range(checks.list.count()))


def test_edits_refresh_the_preview_after_a_pause_and_drop_stale_renders(window, library, qtbot):
    window.library_pane.add_theme_to_pack_requested.emit(theme_id(library, "Councils and crises"))
    preview = window.preview
    preview.enabled = True
    window.show_pack_settings()
    title = window.settings_editor.title
    title.selectAll()
    qtbot.keyClicks(title, "First title")
    assert preview.timer.isActive() and not preview.busy  # waits for a pause in typing
    with qtbot.waitSignal(preview.rendered, timeout=30000):
        pass
    # Typing again while a render is running: the running result is stale and discarded,
    # and the preview ends up showing the latest text.
    preview.refresh_now()
    assert preview.busy
    title.selectAll()
    qtbot.keyClicks(title, "Second title")
    qtbot.waitUntil(
        lambda: (
            not preview.busy
            and not preview.timer.isActive()
            and "Second title" in page_text(preview)
        ),
        timeout=30000,
    )
    assert "First title" not in page_text(preview)


def test_double_clicking_a_check_opens_the_item(window, library, qtbot):
    window.library_pane.add_theme_to_pack_requested.emit(theme_id(library, "Councils and crises"))
    with qtbot.waitSignal(window.preview.rendered, timeout=30000):
        window.preview.refresh_now()
    checks = window.checks
    row = next(i for i in range(checks.list.count()) if "item 2" in checks.list.item(i).text())
    checks.list.itemActivated.emit(checks.list.item(row))
    assert window.editors.currentWidget() is window.item_editor
    assert window.item_editor.item is window.model.pack.sections[0].items[1]
    assert window.tree.currentIndex() == window.model.index_of_item(0, 1)


def test_an_empty_pack_explains_instead_of_previewing(window, qtbot):
    with qtbot.waitSignal(window.preview.rendered, timeout=30000):
        window.preview.refresh_now()
    preview = window.preview
    assert preview.stack.currentWidget() is preview.placeholder
    assert "add an article to the pack" in preview.placeholder.text()
    assert preview.pages.text() == "No pages yet"


def test_first_render_says_it_is_rendering_then_shows_pages(window, library, qtbot):
    preview = window.preview
    window.library_pane.add_theme_to_pack_requested.emit(
        theme_id(library, "Artificial intelligence")
    )
    assert preview.stack.currentWidget() is preview.placeholder
    with qtbot.waitSignal(preview.rendered, timeout=30000):
        preview.refresh_now()
        assert preview.placeholder.text() == "Rendering preview\u2026"
    assert preview.stack.currentWidget() is preview.view and preview.page_count >= 1
    # Emptying the pack again brings the guidance back.
    window.tree.selectAll()
    window.tree.remove_selected()
    with qtbot.waitSignal(preview.rendered, timeout=30000):
        preview.refresh_now()
    assert preview.stack.currentWidget() is preview.placeholder
    assert "add an article" in preview.placeholder.text()
