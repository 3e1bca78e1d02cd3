"""Spell check in the app: the red wavy underline as the officer types, the spelling menu on
right-click and from the keyboard, Add to dictionary shared through the library folder, Ignore
kept in the pack, Welsh items, and reading ease in the checks panel."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu, QPlainTextEdit

from briefing.gui.spell_check import LineUnderliner, SpellHighlighter, SpellMenu

WAIT = 30_000  # the dictionary loads on a worker the first time (a second or two, more on CI)


def open_first_item(window, library, qtbot):
    from tests.gui.test_gui_pack_editing import build_two_sections

    build_two_sections(window, library)
    model = window.model
    window.tree.setFocus()
    window.tree.select(model.index(0, 0, model.index(0, 0)))
    qtbot.keyClick(window.tree, Qt.Key.Key_Return)
    return window.item_editor


def underlined(widget) -> list[str]:
    """The words underlined in a field now."""
    if isinstance(widget, QPlainTextEdit):
        found = widget.document().findChildren(SpellHighlighter)
    else:
        found = widget.findChildren(LineUnderliner)
    assert len(found) == 1
    return found[0].misspelt()


def menu_of(widget) -> SpellMenu:
    return widget.property("spellMenu")


def popup_texts(qtbot, open_menu) -> list[str]:
    """Open a context menu as the user would and read its entries (then close it)."""
    seen: list[str] = []

    def read() -> None:
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            seen.extend(a.text() for a in menu.actions())
            menu.close()
        else:
            QTimer.singleShot(20, read)

    QTimer.singleShot(20, read)
    open_menu()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    return seen


def test_typing_a_misspelling_underlines_it_and_the_menu_offers_the_word(window, library, qtbot):
    editor = open_first_item(window, library, qtbot)
    summary = editor.summary
    summary.setFocus()
    qtbot.keyClicks(summary, "The councl agreed the plan.")
    qtbot.waitUntil(lambda: underlined(summary) == ["councl"], timeout=WAIT)
    # Right-click on the word.
    cursor = summary.textCursor()
    cursor.setPosition(summary.toPlainText().index("councl") + 2)
    point = summary.viewport().mapTo(summary, summary.cursorRect(cursor).center())
    texts = [a.text() for a in menu_of(summary).menu(point).actions()]
    assert texts[0] == "council"
    assert "Add “councl” to dictionary" in texts and "Ignore “councl” in this pack" in texts
    assert any("Copy" in t for t in texts)  # the usual editing commands follow
    # From the keyboard: the context menu key, and Shift+F10, with the cursor in the word.
    cursor.setPosition(summary.toPlainText().index("councl") + 3)
    summary.setTextCursor(cursor)
    shown = popup_texts(qtbot, lambda: qtbot.keyClick(summary, Qt.Key.Key_Menu))
    assert shown[0] == "council"
    shown = popup_texts(
        qtbot, lambda: qtbot.keyClick(summary, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    )
    assert shown[0] == "council"
    # Choosing the suggestion replaces the word, as typing would (undone with the typing).
    item = window.model.pack.sections[0].items[0]
    menu = menu_of(summary).menu(point)
    menu.actions()[0].trigger()
    assert item.summary == "The council agreed the plan."
    qtbot.waitUntil(lambda: underlined(summary) == [], timeout=WAIT)
    window.undo_stack.undo()
    assert item.summary != "The council agreed the plan."
    window.undo_stack.redo()
    assert summary.toPlainText() == "The council agreed the plan."


def test_a_correct_word_gets_the_usual_menu_only(window, library, qtbot):
    editor = open_first_item(window, library, qtbot)
    editor.summary.setPlainText("Council tax rises.")
    qtbot.waitUntil(lambda: underlined(editor.summary) == [], timeout=WAIT)
    texts = [a.text() for a in menu_of(editor.summary).menu(QPoint(5, 5)).actions()]
    assert not any("dictionary" in t for t in texts) and any("Copy" in t for t in texts)


def test_add_to_dictionary_clears_every_field_and_is_shared_through_the_library(
    window, library, qtbot, settings, tmp_path
):
    from briefing.gui.main_window import MainWindow

    # "Abererch" is a village in Gwynedd that the en_GB dictionary does not know (it knows
    # Gwynedd itself).
    editor = open_first_item(window, library, qtbot)
    editor.summary.setPlainText("Residents of Abererch asked for a bus.")
    pack_title = window.settings_editor.title
    pack_title.setText("Abererch and the coast")
    qtbot.waitUntil(
        lambda: (
            underlined(editor.summary) == ["Abererch"] and underlined(pack_title) == ["Abererch"]
        ),
        timeout=WAIT,
    )
    cursor = editor.summary.textCursor()
    cursor.setPosition(editor.summary.toPlainText().index("Abererch") + 1)
    editor.summary.setTextCursor(cursor)
    menu = menu_of(editor.summary).menu()
    next(a for a in menu.actions() if a.text() == "Add “Abererch” to dictionary").trigger()
    # Gone at once from both open fields, and written to the library's word list.
    assert underlined(editor.summary) == [] and underlined(pack_title) == []
    words = library.root / "words.txt"
    qtbot.waitUntil(lambda: words.exists() and "Abererch" in words.read_text("utf-8"), timeout=WAIT)
    # A restart, and a colleague with their own settings on the same library folder.
    from PySide6.QtCore import QSettings

    from briefing.gui.settings import Settings

    colleague = Settings(QSettings(str(tmp_path / "colleague.ini"), QSettings.Format.IniFormat))
    other = MainWindow(
        settings=colleague, library_root=library.root, recovery_dir=tmp_path / "recovery2"
    )
    other.preview.enabled = False
    qtbot.addWidget(other)
    other.settings_editor.title.setText("Abererch and Abersoh")  # the second is a typo
    qtbot.waitUntil(lambda: underlined(other.settings_editor.title) == ["Abersoh"], timeout=WAIT)


def test_a_colleagues_addition_shows_up_without_a_restart(window, library, qtbot):
    title = window.settings_editor.title
    title.setText("Visit to Abererch")
    qtbot.waitUntil(lambda: underlined(title) == ["Abererch"], timeout=WAIT)
    (library.root / "words.txt").write_text("Abererch\n", encoding="utf-8")
    qtbot.waitUntil(lambda: underlined(title) == [], timeout=WAIT)


def test_ignore_keeps_the_word_in_the_pack_and_undo_brings_the_underline_back(
    window, library, qtbot
):
    editor = open_first_item(window, library, qtbot)
    editor.summary.setPlainText("Abererch again.")
    qtbot.waitUntil(lambda: underlined(editor.summary) == ["Abererch"], timeout=WAIT)
    cursor = editor.summary.textCursor()
    cursor.setPosition(2)
    editor.summary.setTextCursor(cursor)
    menu = menu_of(editor.summary).menu()
    next(a for a in menu.actions() if a.text().startswith("Ignore")).trigger()
    assert window.model.pack.ignore_words == ["Abererch"]
    assert underlined(editor.summary) == []
    assert not (library.root / "words.txt").exists()  # this pack only
    window.undo_stack.undo()
    assert window.model.pack.ignore_words == []
    assert underlined(editor.summary) == ["Abererch"]


def test_an_item_marked_welsh_is_checked_in_welsh(window, library, qtbot):
    editor = open_first_item(window, library, qtbot)
    editor.summary.setPlainText("Mae'r cyngor yn gofyn am syniadau.")
    # In English, the Welsh words are misspelt.
    qtbot.waitUntil(
        lambda: {"Mae'r", "cyngor", "gofyn", "syniadau"} <= set(underlined(editor.summary)),
        timeout=WAIT,
    )
    editor.welsh.setChecked(True)
    assert window.model.pack.sections[0].items[0].language == "cy"
    qtbot.waitUntil(lambda: underlined(editor.summary) == [], timeout=WAIT)
    editor.summary.setPlainText("Mae'r cyngor yn gofyn am syniadauu.")
    qtbot.waitUntil(lambda: underlined(editor.summary) == ["syniadauu"], timeout=WAIT)


def test_points_and_questions_are_checked_while_edited_in_place(window, library, qtbot):
    editor = open_first_item(window, library, qtbot)
    editor.implications.add_entry()
    line = editor.implications.list.findChild(type(window.settings_editor.title))
    assert line is not None
    qtbot.keyClicks(line, "Revew the contracts")
    qtbot.waitUntil(lambda: underlined(line) == ["Revew"], timeout=WAIT)
    line.setCursorPosition(2)
    assert [a.text() for a in menu_of(line).menu().actions()][0] == "Review"


def test_typing_is_never_held_up_by_the_dictionary(window, library, qtbot):
    """Words not looked up yet count as fine until the worker answers: a keystroke costs a
    cached lookup per word of the paragraph, never a dictionary call on the UI thread."""
    from briefing.writing.spelling import speller

    editor = open_first_item(window, library, qtbot)
    spell = speller("en")
    calls: list[str] = []
    original = spell.is_word

    def counted(word: str) -> bool:
        import threading

        if threading.current_thread() is threading.main_thread():
            calls.append(word)
        return original(word)

    spell.is_word = counted  # type: ignore[method-assign]
    try:
        qtbot.keyClicks(editor.summary, "Brand new wordz typed here")
        qtbot.waitUntil(lambda: underlined(editor.summary) == ["wordz"], timeout=WAIT)
    finally:
        del spell.is_word
    assert calls == []


def test_checks_panel_shows_reading_ease_and_the_hardest_summaries(window, library, qtbot):
    editor = open_first_item(window, library, qtbot)
    pack = window.model.pack
    hard = (
        "The authority's comprehensive infrastructure rationalisation programme "
        "necessitates considerable organisational reconfiguration across departmental "
        "responsibilities, notwithstanding anticipated implementation difficulties and "
        "unavoidable intergovernmental complications."
    )
    pack.sections[0].items[0].summary = hard
    pack.sections[0].items[1].summary = (
        "We will fix the roof this year. It will cost less "
        "than we thought it would. The work starts in May "
        "and ends in June."
    )
    editor.summary.setPlainText(hard)
    with qtbot.waitSignal(window.preview.readability_ready, timeout=WAIT):
        window.preview.refresh_now()  # the preview's checks bring the reading ease
    panel = window.checks
    qtbot.waitUntil(lambda: panel.hardest.count() == 2, timeout=WAIT)  # hardest first
    assert "Reading ease of the summaries" in panel.ease.text()
    entry = panel.hardest.item(0)
    title = pack.articles[pack.sections[0].items[0].article].title
    assert title in entry.text() and "Section 1, item 1" in entry.text()
    assert "rationalisation" in entry.toolTip()
    assert int(entry.text().split(":")[0]) < 30 < int(panel.hardest.item(1).text().split(":")[0])
    window.editors.setCurrentWidget(window.settings_editor)
    panel.hardest.itemActivated.emit(entry)
    assert window.editors.currentWidget() is window.item_editor
    assert window.item_editor.item is pack.sections[0].items[0]


def test_editing_inside_a_long_paragraph_underlines_as_a_fresh_check_would(window, library, qtbot):
    """Only the words around each change are checked again as the officer types; the
    underlines stay exactly those of the whole paragraph, words before and after included."""
    editor = open_first_item(window, library, qtbot)
    summary = editor.summary
    words = ["The council agreed the plan"] * 150
    words[3], words[140] = "The councl agreed the plan", "The council agred the plan"
    summary.setPlainText(" ".join(words))
    qtbot.waitUntil(lambda: underlined(summary) == ["councl", "agred"], timeout=WAIT)
    cursor = summary.textCursor()
    cursor.setPosition(summary.toPlainText().index("agreed the plan The council agred") + 6)
    summary.setTextCursor(cursor)
    summary.setFocus()
    qtbot.keyClicks(summary, " the plann")  # a word misspelt in the middle, typed key by key
    qtbot.waitUntil(lambda: underlined(summary) == ["councl", "plann", "agred"], timeout=WAIT)
    for _ in range(len("plann")):
        qtbot.keyClick(summary, Qt.Key.Key_Backspace)
    qtbot.keyClicks(summary, "plan")
    qtbot.waitUntil(lambda: underlined(summary) == ["councl", "agred"], timeout=WAIT)
    qtbot.keyClick(summary, Qt.Key.Key_Return)  # the paragraph split in two
    qtbot.keyClicks(summary, "Membrs")
    qtbot.waitUntil(lambda: underlined(summary) == ["councl", "Membrs", "agred"], timeout=WAIT)


def test_the_menu_opens_at_once_and_the_fuller_search_fills_it_in(window, library, qtbot):
    """A word with nothing one edit away needs Hunspell's own search (up to a second, holding
    Python's lock): the menu opens without it, saying it is looking, and the search runs on
    the worker and puts its offers in the open menu."""
    from briefing.writing.spelling import speller

    editor = open_first_item(window, library, qtbot)
    summary = editor.summary
    qtbot.keyClicks(summary, "Visits to Czechia ended.")
    qtbot.waitUntil(lambda: underlined(summary) == ["Czechia"], timeout=WAIT)
    searched_on: list[bool] = []
    spell = speller("en")
    original = spell.suggest

    def watched(word: str, limit: int = 6, thorough: bool = True) -> tuple[str, ...]:
        import threading

        if thorough:
            searched_on.append(threading.current_thread() is threading.main_thread())
        return original(word, limit, thorough)

    spell.suggest = watched  # type: ignore[method-assign]
    try:
        cursor = summary.textCursor()
        cursor.setPosition(summary.toPlainText().index("Czechia") + 2)
        summary.setTextCursor(cursor)
        menu = menu_of(summary).menu()
        assert [a.text() for a in menu.actions()][0] == "Looking for suggestions…"
        qtbot.waitUntil(
            lambda: menu.actions()[0].text() != "Looking for suggestions…", timeout=WAIT
        )
        assert menu.actions()[0].text() == "Czech"
        assert menu.activeAction() is menu.actions()[0]
        menu.actions()[0].trigger()
        assert "Visits to Czech ended." in summary.toPlainText()
    finally:
        del spell.suggest
    assert searched_on == [False]  # Hunspell's search ran on the worker, never on the UI thread


def _red_pixels(widget) -> int:
    """Pixels of the underline's red (#d4351c, smoothed) in what a widget shows now."""
    image = widget.grab().toImage()
    return sum(
        1
        for y in range(image.height())
        for x in range(0, image.width())
        if _is_red(image.pixel(x, y))
    )


def _is_red(argb: int) -> bool:
    """Red or a paler red where the wavy line is smoothed into the background."""
    r, g, b = (argb >> 16) & 255, (argb >> 8) & 255, argb & 255
    return r - g > 50 and r - b > 50


def test_points_and_questions_stay_underlined_when_not_being_edited(window, library, qtbot):
    editor = open_first_item(window, library, qtbot)
    points = editor.implications
    points.add_entry()
    line = points.list.findChild(type(window.settings_editor.title))
    qtbot.keyClicks(line, "Review the contracts")
    qtbot.keyClick(line, Qt.Key.Key_Return)  # done: the point is shown, not edited
    qtbot.waitUntil(lambda: "Review the contracts" in points.values(), timeout=WAIT)
    viewport = points.list.viewport()
    qtbot.wait(500)
    assert _red_pixels(viewport) == 0  # spelt right: nothing underlined
    points.add_entry()
    line = points.list.findChild(type(window.settings_editor.title))
    qtbot.keyClicks(line, "Revew the budjet")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Revew the budjet" in points.values(), timeout=WAIT)
    points.list.setCurrentRow(0)  # the officer moves on to another point
    qtbot.waitUntil(lambda: _red_pixels(viewport) > 10, timeout=WAIT)
    window.spelling.add_to_dictionary("Revew")
    window.spelling.add_to_dictionary("budjet")
    qtbot.waitUntil(lambda: _red_pixels(viewport) == 0, timeout=WAIT)


def test_a_line_edited_in_place_before_checking_starts_is_checked_once_it_does(window, qtbot):
    """Checking starts a moment after the window is built; a key message already being edited
    in place by then is underlined too, and its entries stay underlined once it closes."""
    messages = window.settings_editor.key_messages
    assert window.spelling is None  # the dictionary has not been asked for yet
    messages.add_entry()
    line = messages.list.findChild(type(window.settings_editor.title))
    assert line is not None
    qtbot.keyClicks(line, "Revew the budget")
    qtbot.waitUntil(lambda: window.spelling is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: underlined(line) == ["Revew"], timeout=WAIT)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Revew the budget" in messages.values(), timeout=WAIT)
    messages.list.setCurrentRow(-1)  # the officer moves on
    qtbot.waitUntil(lambda: _red_pixels(messages.list.viewport()) > 10, timeout=WAIT)
