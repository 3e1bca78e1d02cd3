"""What screen readers are told: status-bar messages are announced as they are shown, import
warnings name the article and are part of each row's spoken name, the preview's version box and
the F2 rename box have names, the export dialog's Tab order follows its layout, and the empty
pack's guidance can be read whole in a narrow pane."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from accessible_tree import hear
from every_window import SAMPLES, settle
from keyboard_only import focused
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel

from briefing.gui.export_dialog import ExportDialog
from briefing.gui.import_dialog import ImportDialog

if TYPE_CHECKING:
    from pathlib import Path

    import pytest


def test_status_bar_messages_are_announced(
    window: Any, library: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    heard = hear(monkeypatch)
    window.add_library_articles([a.id for a in library.articles()][:2])
    window.tree.select(window.model.index_of_item(0, 0))
    window.tree.move_current(-1)  # already first
    assert "It cannot move further." in heard
    window.clear_exempt()
    assert heard[-1] == window.statusBar().currentMessage() == "The selection is not marked exempt."


def test_a_missing_title_names_the_article_and_goes_to_its_title(
    qtbot: Any, library: Any, dialogs: Any
) -> None:
    dialog = ImportDialog(library, paths=[SAMPLES / "contact-centre-round-table.txt"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.ready, timeout=20_000)
    last = len(dialog.drafts) - 1
    dialog.list.setCurrentRow(last)
    dialog.editor.title.selectAll()
    qtbot.keyClick(dialog.editor.title, Qt.Key.Key_Backspace)
    dialog.list.setCurrentRow(0)
    for row in range(len(dialog.drafts)):
        dialog.set_included(row, True)
    dialog.import_now()
    said = dialogs.texts("information")[-1]
    draft = dialog.drafts[last]
    assert said.startswith(
        f"Article {last + 1} of {len(dialog.drafts)} "
        f"({draft.source_file}, line {draft.start_line}) has no title"
    )
    assert dialog.list.currentRow() == last
    assert dialog.focusWidget() is dialog.editor.title


def test_import_warnings_are_in_each_rows_spoken_name(qtbot: Any, library: Any) -> None:
    # The library holds these articles already: every row is a duplicate, with a warning.
    dialog = ImportDialog(library, paths=[SAMPLES / "council-blog-collection.txt"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.ready, timeout=20_000)
    rows = QAccessible.queryAccessibleInterface(dialog.list)
    spoken = []
    for n in range(rows.childCount()):
        child = rows.child(n)
        spoken.append((child.text(QAccessible.Text.Name), child.text(QAccessible.Text.Description)))
    flagged = [(name, about) for name, about in spoken if "Already in library" in name]
    assert flagged
    for name, about in flagged:
        assert "warning" in name and about.startswith("Duplicate:"), (name, about)


def test_preview_version_box_and_rename_box_are_named(
    window: Any, library: Any, qtbot: Any
) -> None:
    labels = [
        label
        for label in window.preview.findChildren(QLabel)
        if label.buddy() is window.preview.audience
    ]
    assert [label.text().replace("&", "") for label in labels] == ["Version"]
    window.add_library_articles([a.id for a in library.articles()][:1])
    window.activateWindow()
    window.tree.setFocus()
    window.tree.select(window.model.index_of_section(0))
    qtbot.keyClick(window.tree, Qt.Key.Key_F2)
    settle(window)
    box = focused()
    assert box is not window.tree and box.accessibleName() == "Section title"
    qtbot.keyClick(box, Qt.Key.Key_Escape)


def test_export_dialog_tab_order_follows_its_layout(
    window: Any, library: Any, qtbot: Any, tmp_path: Path
) -> None:
    window.add_library_articles([a.id for a in library.articles()][:2])
    dialog = ExportDialog(window.model.pack, tmp_path, window.settings, tmp_path, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.check_first()  # the problems list shows: it is in the order too
    dialog.activateWindow()
    dialog.folder.setFocus()
    qtbot.waitUntil(lambda: dialog.folder.hasFocus())
    stops = [dialog.folder]
    for _ in range(14):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        if focused() is dialog.folder:
            break
        stops.append(focused())
    tops = [widget.mapTo(dialog, widget.rect().topLeft()) for widget in stops]
    assert dialog.audience in stops and dialog.checks.list in stops
    # Each stop is below the one before, or on the same row to its right.
    for (a, b), (one, two) in zip(
        zip(tops, tops[1:], strict=False), zip(stops, stops[1:], strict=False), strict=True
    ):
        assert b.y() > a.y() + 2 or (abs(b.y() - a.y()) <= 2 and b.x() > a.x()), (
            one.accessibleName(),
            two.accessibleName(),
        )


def test_empty_pack_guidance_reads_whole_in_a_narrow_pane(window: Any, qtbot: Any) -> None:
    window.centre.setSizes([200, 900])
    window.resize(window.width(), 420)
    settle(window)
    label = window.empty_label
    scroll = window.empty_scroll
    assert window.tree_stack.currentWidget() is scroll and scroll.widget() is label
    # The whole text is laid out (none cut off) and scrolls into the pane.
    assert label.height() >= label.heightForWidth(label.width())
    bar = scroll.verticalScrollBar()
    assert bar.maximum() == max(0, label.height() - scroll.viewport().height())
