"""A folder dropped on the app: links out of it are not followed, and the split preview and the
result say which were left out and why."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


import pytest
from PySide6.QtCore import QMimeData, QPoint, QRect, Qt, QUrl
from PySide6.QtGui import QDropEvent

from briefing.gui.import_dialog import ImportDialog
from briefing.gui.library_pane import LibraryPane
from briefing.library import Library

pytestmark = pytest.mark.skipif(
    not hasattr(os, "symlink") or os.name == "nt", reason="needs symbolic links"
)


def test_a_dropped_folder_lists_the_links_it_did_not_follow(qtbot, tmp_path, monkeypatch):
    private = tmp_path / "private"
    private.mkdir()
    (private / "salaries.txt").write_text(
        "Pay of every officer\n\nNot for any briefing.\n", encoding="utf-8"
    )
    folder = tmp_path / "for-briefing"
    folder.mkdir()
    (folder / "libraries.txt").write_text(
        "Libraries open on Sundays\n\nMore branches will open on Sundays from April, the "
        "council said after a consultation with residents.\n",
        encoding="utf-8",
    )
    (folder / "pay.txt").symlink_to(private / "salaries.txt")
    (folder / "private-notes").symlink_to(private)

    library = Library(tmp_path / "library", cache_dir=tmp_path / "cache")
    pane = LibraryPane(library)
    qtbot.addWidget(pane)
    seen: dict[str, object] = {}

    def exec_and_import(dialog: ImportDialog) -> int:
        qtbot.waitUntil(lambda: dialog.ready, timeout=10000)
        seen["titles"] = [d.title for d in dialog.drafts]
        seen["preview"] = dialog.left_out_label.text()
        seen["preview shown"] = dialog.left_out_label.isVisibleTo(dialog)
        dialog.import_now()
        seen["result"] = dialog.result_label.text()
        return 1

    monkeypatch.setattr(ImportDialog, "exec", exec_and_import)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    pane.dropEvent(
        QDropEvent(
            QPoint(5, 5),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    )
    qtbot.waitUntil(lambda: "result" in seen, timeout=10000)

    assert seen["titles"] == ["Libraries open on Sundays"]
    assert [a.title for a in library.articles()] == ["Libraries open on Sundays"]
    assert seen["preview shown"]
    for text in (seen["preview"], seen["result"]):
        assert isinstance(text, str)
        assert "Not imported from the folder:" in text
        assert (
            f"for-briefing/pay.txt: skipped, it is a link to {private / 'salaries.txt'}, "
            "outside the folder being imported (import that file itself if you mean to)" in text
        )
        assert (
            f"for-briefing/private-notes: skipped, it is a link to {private}, outside the "
            "folder being imported (import that folder itself if you mean to)" in text
        )
    assert "Pay of every officer" not in str(seen)


def test_a_dropped_folder_with_nothing_to_import_says_so(qtbot, tmp_path, monkeypatch):
    folder = tmp_path / "pictures"
    folder.mkdir()
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    library = Library(tmp_path / "library", cache_dir=tmp_path / "cache")
    seen: list[str] = []

    def exec_and_close(dialog: ImportDialog) -> int:
        qtbot.waitUntil(lambda: dialog.ready, timeout=10000)
        seen.append(dialog.left_out_label.text())
        seen.append(dialog.summary_label.text())
        return 0

    monkeypatch.setattr(ImportDialog, "exec", exec_and_close)
    pane = LibraryPane(library)
    qtbot.addWidget(pane)
    pane.import_paths([folder])
    assert seen and f"{folder}: no files Briefing can import in this folder" in seen[0]
    assert not seen[0].count("logo.png")
    assert seen[1] == "No articles were found to import."


def test_a_big_folder_drop_keeps_the_window_and_its_buttons_on_a_laptop_screen(qtbot, tmp_path):
    """60 articles and 80 links out of the folder: the lists scroll, the window keeps to the
    screen (it used to grow to 1,524 pixels high and 5,204 wide), and every link is still named."""
    from briefing.library.importers import folder_files

    private = tmp_path / "private"
    private.mkdir()
    folder = tmp_path / "for-briefing"
    folder.mkdir()
    for n in range(60):
        (folder / f"ward-{n:02}.txt").write_text(
            f"Libraries open on Sundays in ward {n}\n\nMore branches will open on Sundays from "
            f"April in ward {n}, the council said.\n",
            encoding="utf-8",
        )
    for n in range(80):
        (private / f"note-{n:02}.txt").write_text(
            "Private\n\nNot for briefing.\n", encoding="utf-8"
        )
        (folder / f"link-{n:02}.txt").symlink_to(private / f"note-{n:02}.txt")
    found, left_out = folder_files(folder)
    library = Library(tmp_path / "library", cache_dir=tmp_path / "cache")
    dialog = ImportDialog(library, paths=found, left_out=left_out)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.ready, timeout=30000)
    qtbot.wait(50)
    screen = dialog.screen().availableGeometry()

    def on_screen() -> None:
        assert dialog.minimumSizeHint().height() <= screen.height()
        assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
        for button in (dialog.import_button, dialog.close_button):
            if button.isVisible():
                placed = QRect(button.mapTo(dialog, QPoint(0, 0)), button.size())
                assert dialog.rect().contains(placed), f"{button.text()} is off the window"

    assert len(dialog.drafts) == 60
    on_screen()
    # The notices take a few lines and scroll; all 80 links are in them.
    assert dialog.notices.height() < 10 * dialog.fontMetrics().lineSpacing()
    assert dialog.left_out_label.text().count("skipped, it is a link to") == 80

    dialog.import_now()
    qtbot.wait(100)
    assert len(library.articles()) == 60
    on_screen()
    assert dialog.result_label.text().count("• Libraries open on Sundays") == 60
