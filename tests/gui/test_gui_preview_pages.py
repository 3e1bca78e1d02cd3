"""The preview at the scale of a big committee pack: after typing into an item, the preview
opens at that item's page (the page the officer is working on), the pack's layout is kept
between previews and let go when another pack is opened."""

from __future__ import annotations

from datetime import date

import pytest

from briefing.model import Article, Item, Pack, Section

WORDS = ("housing", "roads", "libraries", "care", "waste", "parks", "schools", "buses")


def long_pack(sections: int = 3, per_section: int = 6) -> Pack:
    """Items long enough to take a page or so each; two items share an article title."""
    pack = Pack(title="Committee pack", date=date(2025, 11, 4), organisation="Example Council")
    for s in range(sections):
        section = Section(title=f"Theme {s + 1}")
        for i in range(per_section):
            key = f"a{s}-{i}"
            topic = WORDS[(s * per_section + i) % len(WORDS)]
            # The last item of each section repeats the first section's first title.
            title = (
                "Spending on housing"
                if i == per_section - 1 or (s, i) == (0, 0)
                else f"Spending on {topic} in ward {s}-{i}"
            )
            pack.articles[key] = Article(
                title=title, source="Example blog", published=date(2025, 10, 1 + i)
            )
            words = f"Councils in ward {s}-{i} weigh what {topic} costs against what it saves. "
            section.items.append(
                Item(
                    article=key,
                    summary=words * 14,
                    implications=["Review the plan.", "Ask about partners."],
                )
            )
        pack.sections.append(section)
    return pack


def page_text(preview, page: int) -> str:
    return " ".join(preview.document.getAllText(page).text().split())


def shown_pages(preview) -> range:
    """The pages (from 0) at least partly inside the preview's viewport, from the scroll
    position (the pages are drawn one under another, all the same size)."""
    bar = preview.view.verticalScrollBar()
    height = preview.view.viewport().height()
    per_page = (bar.maximum() + height) / preview.page_count
    top = int(bar.value() // per_page)
    return range(top, min(preview.page_count, int((bar.value() + height) // per_page) + 1))


def page_with(preview, words: str) -> int:
    return next(n for n in range(preview.page_count) if words in page_text(preview, n))


def show_preview(window) -> None:
    """The preview dock raised and drawn, as it is when the app opens."""
    window.preview_dock.raise_()
    window.preview.show()


def previewed_long_pack(window, qtbot):
    """The preview of long_pack() on screen, at its first page."""
    show_preview(window)
    window.file.set_pack(long_pack(), None)
    preview = window.preview
    preview.enabled = True
    with qtbot.waitSignal(preview.rendered, timeout=60000):
        preview.refresh_now()
    assert preview.page_count >= 12 and 0 in shown_pages(preview)
    return preview


@pytest.mark.parametrize(("section", "item"), [(1, 3), (2, 5)])
def test_typing_in_an_item_opens_the_preview_at_its_page(window, qtbot, section, item):
    preview = previewed_long_pack(window, qtbot)
    window.jump_to(section, item)
    editor = window.item_editor.summary
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " Zebra crossings")
    with qtbot.waitSignal(preview.pages_shown, timeout=60000):
        pass  # shown after the pause in typing
    qtbot.waitUntil(lambda: not preview.busy and not preview.timer.isActive(), timeout=60000)
    # The item's summary is on screen, and so are the words just typed.
    shown = shown_pages(preview)
    assert 0 not in shown
    assert page_with(preview, f"Councils in ward {section}-{item} weigh") in shown
    assert page_with(preview, "Zebra crossings") in shown


def test_the_layout_is_kept_between_previews_and_let_go_with_the_pack(window, qtbot):
    from briefing.gui.workers import wait_for_all

    window.file.set_pack(long_pack(2, 3), None)
    preview = window.preview
    preview.enabled = True
    for _ in range(2):
        with qtbot.waitSignal(preview.rendered, timeout=60000):
            preview.refresh_now()
    layout = preview.pack_layout
    session = layout.session()
    assert session is not None and session.compiles == 2  # one context for both previews
    folder = session.folder
    assert (folder / "document.json").is_file()
    # Opening another pack lets the first one's layout go (its folder too).
    window.file.set_pack(long_pack(1, 2), None)
    qtbot.waitUntil(lambda: not preview.busy, timeout=60000)
    assert wait_for_all()
    assert layout.closed and session.closed and not folder.exists()
    assert preview.pack_layout is not layout
    with qtbot.waitSignal(preview.rendered, timeout=60000):
        preview.refresh_now()
    assert "Theme 2" not in page_text(preview, 0) + page_text(preview, 1)
    # Closing the window lets the second pack's layout go too.
    second = preview.pack_layout.session()
    assert second is not None and second.folder.exists()
    window.close()
    assert wait_for_all() and preview.pack_layout.closed and not second.folder.exists()


def test_pages_that_cannot_be_read_open_where_they_were():
    """Bookmarks are read on the worker; a PDF PDFium cannot read has none, so the preview
    opens at the page shown before rather than failing."""
    from briefing.gui.preview_pages import bookmarks, item_pages

    pack = long_pack(sections=1, per_section=2)
    assert bookmarks(b"%PDF-1.7 not really") == ()
    assert item_pages((), 3, pack, pack.sections[0].items[1]) is None
