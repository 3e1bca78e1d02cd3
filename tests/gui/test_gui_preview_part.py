"""In a long pack the preview shows the edited item's pages first, laid out on their own and
swapped into the pages shown, then the whole layout; the view stays where it was, the pages in
it never flash white, and what is left on screen is always the whole briefing."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from briefing.errors import BriefingError
from briefing.export.pdf.typst.writer import LayoutSession
from briefing.gui.preview import render_preview
from tests.gui.test_gui_preview_pages import page_text, previewed_long_pack, shown_pages

TYPED = " Zebra crossings near the school gates"


@pytest.fixture
def long_enough(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test pack (about twenty pages) counts as long."""
    monkeypatch.setattr("briefing.gui.preview.PART_FROM_PAGES", 8)


def type_into(window, section: int, item: int, text: str) -> None:
    window.jump_to(section, item)
    editor = window.item_editor.summary
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    window.preview.timer.stop()  # (the jump itself is no edit)
    from PySide6.QtTest import QTest

    QTest.keyClicks(editor, text)


def inked(picture) -> bool:
    """Some of the picture is dark: printed words (small in a narrow pane), not blank pages."""
    step = 2
    return any(
        picture.pixelColor(x, y).lightness() < 160
        for x in range(0, picture.width(), step)
        for y in range(0, picture.height(), step)
    )


def watch_swaps(preview) -> list[dict[str, object]]:
    """What each swap of pages put on screen, as the signal that it is drawn arrives."""
    seen: list[dict[str, object]] = []

    def shown() -> None:
        whole = preview._whole
        seen.append(
            {
                "part": whole is None or preview._shown_pdf != whole.pdf,
                "scroll": preview.view.verticalScrollBar().value(),
                "in_view": [page_text(preview, n) for n in shown_pages(preview)],
                "held": preview.still.isVisible() and inked(preview.still.pixmap().toImage()),
            }
        )

    preview.pages_shown.connect(shown)
    return seen


def swaps_after_typing(window, qtbot, section: int, item: int, then=lambda: None):
    """The preview of a long pack, after an edit to the item (which brings its page into view)
    and `then`, and what each swap of pages put on screen as words are typed into it again."""
    preview = previewed_long_pack(window, qtbot)
    type_into(window, section, item, " A first edit")
    qtbot.waitUntil(lambda: not preview.busy and not preview.timer.isActive(), timeout=60000)
    then()
    seen = watch_swaps(preview)
    type_into(window, section, item, TYPED)
    with qtbot.waitSignal(preview.rendered, timeout=60000):
        pass
    return preview, seen


def test_the_edited_items_page_shows_first_then_the_whole_briefing(
    window, qtbot, long_enough
) -> None:
    preview, seen = swaps_after_typing(window, qtbot, 2, 3)
    qtbot.waitUntil(lambda: not preview.busy and not preview.timer.isActive(), timeout=60000)
    # First the item's pages laid out on their own, with the words just typed in view; then
    # the whole layout, with the view where it was.
    assert [swap["part"] for swap in seen] == [True, False]
    assert any("Zebra crossings" in text for text in seen[0]["in_view"])
    assert seen[0]["scroll"] == seen[1]["scroll"]
    assert seen[0]["in_view"] == seen[1]["in_view"]
    # What stays on screen is the whole briefing, the same file as one laid out from nothing.
    assert preview._shown_pdf == preview._whole.pdf
    fresh = render_preview(window.model.pack, Path("."), audience=preview.chosen_audience())
    assert preview._shown_pdf == fresh.pdf


def test_pages_swapped_in_are_held_still_until_drawn(window, qtbot, long_enough) -> None:
    preview, seen = swaps_after_typing(window, qtbot, 1, 2)
    # At each swap the view was covered by a picture of the pages before (not white pages
    # while the new ones are drawn), and uncovered once they were.
    assert len(seen) == 2 and all(swap["held"] for swap in seen)
    qtbot.waitUntil(lambda: not preview.still.isVisible(), timeout=5000)
    assert inked(preview.view.viewport().grab().toImage())  # the new pages, drawn


def test_a_short_pack_is_laid_out_whole(window, qtbot) -> None:
    _preview, seen = swaps_after_typing(window, qtbot, 2, 3)  # short of PART_FROM_PAGES
    assert [swap["part"] for swap in seen] == [False]


def test_when_the_whole_layout_fails_the_pages_it_replaced_come_back(
    window, qtbot, long_enough, monkeypatch
) -> None:
    compile_whole = LayoutSession.compile
    before = []

    def whole_fails(self, prepared, fonts, timestamp, part=False):
        if not part:
            # as a real layout fails: after a while, by which time the part is on screen (one
            # failing at once raced the part's swap, which then never showed)
            time.sleep(0.5)
            raise BriefingError("The whole layout failed.")
        return compile_whole(self, prepared, fonts, timestamp, part)

    def break_the_layout() -> None:
        before.append(window.preview._shown_pdf)
        monkeypatch.setattr(LayoutSession, "compile", whole_fails)

    preview, seen = swaps_after_typing(window, qtbot, 2, 3, then=break_the_layout)
    # The item's pages showed, then gave way to the pages before: never left standing.
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    assert [swap["part"] for swap in seen] == [True, False]
    assert preview._shown_pdf == before[0]
    assert preview.message.isVisible()
    assert not any("Zebra crossings" in page_text(preview, n) for n in range(preview.page_count))
