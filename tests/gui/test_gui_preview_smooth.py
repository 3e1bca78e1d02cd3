"""The window stays smooth while the preview works: new pages are loaded on the worker and only
swapped in on the window's thread, and Python's full garbage collections wait for a pause in
the editing instead of landing between keystrokes."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import Qt, QThread

from briefing.gui import idle_collect
from briefing.gui.idle_collect import idle_collector
from briefing.model import Article, Item, Pack, Section


def test_new_pages_are_loaded_off_the_window_thread(window, qtbot, monkeypatch):
    from briefing.gui import preview as preview_module

    loaded_on: list[threading.Thread] = []
    real = preview_module.Pages.of.__func__

    def spying(cls, pdf):
        loaded_on.append(threading.current_thread())
        return real(cls, pdf)

    monkeypatch.setattr(preview_module.Pages, "of", classmethod(spying))
    window.model.pack.title = "Street lighting"
    window.model.pack.articles["lamps"] = Article(title="Lamps", source="Example blog")
    window.model.pack.sections.append(
        Section(title="Lighting", items=[Item(article="lamps", summary="Lamps.")])
    )
    preview = window.preview
    with qtbot.waitSignal(preview.rendered, timeout=30000):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    assert loaded_on and threading.main_thread() not in loaded_on
    # The document shown lives on the window's thread, owned by the preview, with the pages.
    assert preview.document.thread() is QThread.currentThread()
    assert preview.document.parent() is preview
    assert preview.page_count == preview.document.pageCount() >= 1
    assert "Street lighting" in preview.document.getAllText(0).text()


def test_full_collections_wait_for_a_pause(window, qtbot, monkeypatch):
    monkeypatch.setattr(idle_collect, "IDLE_MS", 200)
    collector = idle_collector()
    collector.timer.setInterval(200)
    assert window.preview in collector.previews
    assert gc.get_threshold()[2] == idle_collect.NEVER  # Python starts none of its own
    before = collector.collections
    window.model.pack.title = "Edited"
    window.model.pack_changed.emit()  # an edit: the pause is counted from now
    assert collector.collections == before
    qtbot.waitUntil(lambda: collector.collections == before + 1, timeout=5000)
    assert not collector.timer.isActive()  # one pass per pause, not a pass every interval


def test_a_preview_finished_after_a_pause_is_followed_by_a_full_collection(
    window, qtbot, monkeypatch
):
    collector = idle_collector()
    window.model.pack_changed.emit()
    before = collector.collections
    window.preview.rendered.emit()  # just after an edit: the officer may be typing still
    assert collector.collections == before and collector.timer.isActive()
    monkeypatch.setattr(idle_collect, "QUIET_S", 0.0)
    window.preview.rendered.emit()  # after a pause: now
    assert collector.collections == before + 1 and not collector.timer.isActive()


def test_closing_the_last_window_gives_python_its_own_collections_back(window, qtbot):
    collector = idle_collector()
    others = [p for p in collector.previews if p is not window.preview]
    for preview in others:
        collector.unwatch(preview)
    assert gc.get_threshold()[2] == idle_collect.NEVER
    window.close()
    assert window.preview not in collector.previews
    assert gc.get_threshold()[2] < idle_collect.NEVER


def test_the_pages_are_handed_over_before_the_last_layout_is_tidied(tmp_path, monkeypatch):
    """Dropping what the last compile did not use from Typst's cache (up to a tenth of a second
    at 300 items) waits until the pages are on their way to the window; it still happens in
    the same preview, so memory holds one layout."""
    from briefing.export.pdf.typst import writer
    from briefing.gui.preview import PackLayout, render_preview

    events: list[str] = []
    real = writer._age_layout_cache
    monkeypatch.setattr(
        writer, "_age_layout_cache", lambda steps: (events.append("tidied"), real(steps))
    )
    pack = Pack(title="Street lighting")
    pack.articles["lamps"] = Article(title="Lamps", source="Example blog")
    pack.sections.append(Section(title="Lighting", items=[Item(article="lamps", summary="Lamps.")]))
    layout = PackLayout()
    try:
        for summary in ("Lamps.", "Lamps and columns."):
            pack.sections[0].items[0].summary = summary
            render_preview(pack, tmp_path, lambda _pdf: events.append("pages"), layout=layout)
    finally:
        layout.close()
    assert events[:4] == ["pages", "tidied", "pages", "tidied"]
