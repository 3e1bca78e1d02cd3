"""What a screen reader finds in the app (Qt's accessibility tree, as AT-SPI and UI Automation
read it): every control has a name, no name carries a glued-on shortcut, duplicate buttons are
told apart, and status text that is shown is also heard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from accessible_tree import problems, walk
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QDockWidget

PACK = Path(__file__).resolve().parents[2] / "packs" / "member-briefing.yaml"


def spoken(widget: Any) -> str:
    """Name and value, as a screen reader says them."""
    node = QAccessible.queryAccessibleInterface(widget)
    return f"{node.text(QAccessible.Text.Name)} {node.text(QAccessible.Text.Value)}"


def open_example(window: Any, qtbot: Any) -> None:
    assert window.open_path(PACK, ask=False)
    qtbot.waitUntil(lambda: window.model.pack.title == "Resilience, reform and AI")


def test_every_control_in_the_main_window_has_a_name(window: Any, qtbot: Any) -> None:
    open_example(window, qtbot)
    first = window.model.index(0, 0, window.model.index(0, 0))
    window.tree.setCurrentIndex(first)  # the item editor showing
    assert problems(walk(window)) == []


def test_no_menu_item_name_carries_a_tab_or_a_shortcut(window: Any) -> None:
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        for node in walk(menu, skip_items=False):
            assert "\t" not in node.name, node.line()
    # The shortcut is still shown beside the item, as Qt shows shortcuts.
    up = window.actions_by_name["up"]
    assert "\t" not in up.text() and up.shortcut().toString() == "Alt+Up"


def test_dock_buttons_say_which_pane_they_close(window: Any) -> None:
    names = []
    for dock in window.findChildren(QDockWidget):
        for button in dock.findChildren(QAbstractButton):
            if button.objectName().startswith("qt_dockwidget_"):
                names.append(button.accessibleName())
    assert names and all(names)
    assert len(names) == len(set(names)), names  # "Close Library pane", "Close Preview pane" …


def test_search_clear_button_and_theme_filter_have_their_own_names(window: Any, qtbot: Any) -> None:
    pane = window.library_pane
    pane.search_box.setText("council")
    clear = [b for b in pane.search_box.findChildren(QAbstractButton) if b.isVisible()]
    assert clear and all(b.accessibleName() == "Clear search" for b in clear)
    combo = QAccessible.queryAccessibleInterface(pane.theme_combo)
    labels = [
        other.text(QAccessible.Text.Name)
        for other, _flag in combo.relations(QAccessible.RelationFlag.Label)
    ]
    assert labels == ["Theme"]  # labelled by a visible label, not only by its current value
    assert combo.text(QAccessible.Text.Value) == pane.theme_combo.currentText()


def test_status_bar_counts_are_heard_as_shown(window: Any, qtbot: Any) -> None:
    open_example(window, qtbot)
    status = window.budget_status
    qtbot.waitUntil(lambda: bool(status.words_label.text() and status.pages_label.text()))
    for label in (status.words_label, status.pages_label):
        assert label.text() and label.text() in spoken(label), label.text()
    # A pack with no word budget is never described as over it.
    assert not window.model.pack.budget.words
    assert "budget" not in status.words_label.toolTip()


def test_preview_page_count_is_heard_as_shown(window: Any) -> None:
    label = window.preview.pages
    assert label.text() in spoken(label)


SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def test_import_dialog_with_warnings_reads_well(qtbot: Any, library: Any) -> None:
    from briefing.gui.import_dialog import ImportDialog

    blog = SAMPLES / "council-blog-collection.txt"
    dialog = ImportDialog(library, paths=[blog])  # every article already in the library
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.ready, timeout=10000)
    dialog.list.setCurrentRow(0)
    assert problems(walk(dialog)) == []
    button = dialog.import_button  # "Import 0 articles" is heard as it is shown
    assert button.text().replace("&", "") in spoken(button)


def test_export_dialog_after_an_export_reads_well(window: Any, qtbot: Any, tmp_path: Path) -> None:
    from briefing.gui.export_dialog import ExportDialog

    open_example(window, qtbot)
    dialog = ExportDialog(
        window.model.pack, window.file.base_dir(), window.settings, tmp_path, window
    )
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path))
    dialog.show()
    dialog.export_button.click()
    qtbot.waitUntil(lambda: bool(dialog.written), timeout=60000)
    assert problems(walk(dialog)) == []
    assert "Saved" in dialog.status.text()
    assert dialog.status.text() in spoken(dialog.status)  # the result is heard, not "Export status"


def test_themes_dialog_reads_well(qtbot: Any, library: Any) -> None:
    from briefing.gui.themes_dialog import ThemesDialog

    dialog = ThemesDialog(library, [a.id for a in library.articles()[:2]])
    qtbot.addWidget(dialog)
    dialog.show()
    assert problems(walk(dialog)) == []


def test_pack_settings_mnemonics_never_take_a_menus_letter(window: Any) -> None:
    from PySide6.QtWidgets import QLabel

    window.show_pack_settings()
    menus = {a.text()[a.text().index("&") + 1].lower() for a in window.menuBar().actions()}
    letters = []
    for widget in window.settings_editor.findChildren(
        QAbstractButton
    ) + window.settings_editor.findChildren(QLabel):
        text = widget.text()
        if "&" in text.replace("&&", "") and widget.isVisibleTo(window.settings_editor):
            letters.append(text[text.index("&") + 1].lower())
    assert letters and not set(letters) & menus, sorted(letters)
    assert len(letters) == len(set(letters)), sorted(letters)  # each Alt+letter goes to one field
