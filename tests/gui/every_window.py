"""Every window and dialog of the app, each in the fullest state it has, opened the way the app
opens it (but shown, not run modally), for the tests that walk them all: the screen fit at each
display scale, unique mnemonics, Tab, the palettes, and screenshots.

A new dialog joins every one of those tests by adding one function here with `@state("name")`
that opens it over `window` and returns it shown (a dialog that finishes opening in the
background sets `ready`; `settle` waits for it). Each function gets the main window (with its
library of the project's sample articles) and a scratch folder.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "tests" / "samples"
Opener = Callable[[Any, Path], QWidget]
STATES: dict[str, Opener] = {}

# Long words in our own fixtures, to find what a long title or list does to a window.
LONG_TITLE = (
    "Neighbourhood planning, parish precepts and the money town councils raise for "
    "local projects across England"
)


def state(name: str) -> Callable[[Opener], Opener]:
    def register(opener: Opener) -> Opener:
        STATES[name] = opener
        return opener

    return register


def settle(widget: QWidget, seconds: float = 60) -> None:
    """Let the widget finish opening (read its files, lay itself out)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    deadline = time.monotonic() + seconds
    while not getattr(widget, "ready", True) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()


def shown(widget: QWidget) -> QWidget:
    widget.show()
    settle(widget)
    return widget


def fill_pack(window: Any) -> None:
    """A pack of every library article, with an exempt item and the first item open."""
    from briefing.gui.exempt_ops import set_exemption
    from briefing.model import Exemption

    if not window.model.pack.sections:
        window.add_library_articles([a.id for a in window.library.articles()])
        window.model.pack.sections[0].title = LONG_TITLE
        set_exemption(
            window.model,
            window.model.pack.sections[0].items[1],
            Exemption(3, "Prices under negotiation"),
        )
    window.jump_to(0, 0)


# -- the main window ------------------------------------------------------------------------
@state("main window, empty pack")
def main_empty(window: Any, _tmp: Path) -> QWidget:
    return shown(window)


@state("main window, item editor with the article text")
def main_item(window: Any, _tmp: Path) -> QWidget:
    fill_pack(window)
    window.item_editor.set_reference_visible(True)
    return shown(window)


@state("main window, pack settings")
def main_settings(window: Any, _tmp: Path) -> QWidget:
    fill_pack(window)
    window.show_pack_settings()
    return shown(window)


@state("main window, section editor")
def main_section(window: Any, _tmp: Path) -> QWidget:
    fill_pack(window)
    window.jump_to(0, -1)
    return shown(window)


# -- dialogs --------------------------------------------------------------------------------
@state("new pack")
def new_pack(window: Any, _tmp: Path) -> QWidget:
    from briefing.gui.new_pack_dialog import NewPackDialog

    return shown(NewPackDialog(window))


@state("paste text")
def paste(window: Any, _tmp: Path) -> QWidget:
    from briefing.gui.library_actions import PasteDialog

    dialog = PasteDialog(window)
    dialog.text.setPlainText((SAMPLES / "council-blog-collection.txt").read_text("utf-8"))
    return shown(dialog)


def _unreadable_files(tmp: Path, count: int) -> list[Path]:
    bad = tmp / "unreadable"
    bad.mkdir(exist_ok=True)
    paths = []
    for n in range(count):
        path = bad / f"scanned-minutes-{n:02d}-of-the-neighbourhood-forum.pdf"
        path.write_bytes(b"not a PDF at all")
        paths.append(path)
    return paths


@state("import, with duplicates, warnings and long lists")
def import_preview(window: Any, tmp: Path) -> QWidget:
    from briefing.gui.import_dialog import ImportDialog

    # The library holds the samples already: every article is a duplicate; a pasted article
    # without a title is flagged; a dozen files cannot be read; a folder left links out.
    paths = [
        SAMPLES / "council-blog-collection.txt",
        SAMPLES / "contact-centre-round-table.txt",
        *_unreadable_files(tmp, 12),
    ]
    left_out = [f"link-{n}.html: a link to a file outside the folder" for n in range(20)]
    dialog = ImportDialog(window.library, paths=paths, left_out=left_out, parent=window)
    return shown(dialog)


@state("import, result")
def import_result(window: Any, tmp: Path) -> QWidget:
    from briefing.gui.import_dialog import ImportDialog
    from briefing.library import Library

    fresh = Library(tmp / "fresh-library", cache_dir=tmp / "fresh-cache")
    paths = [
        SAMPLES / "council-blog-collection.txt",
        SAMPLES / "contact-centre-round-table.txt",
        *_unreadable_files(tmp, 12),
    ]
    dialog = ImportDialog(fresh, paths=paths, parent=window)
    shown(dialog)
    dialog.import_now()
    settle(dialog)
    return dialog


@state("themes")
def themes(window: Any, _tmp: Path) -> QWidget:
    from briefing.gui.themes_dialog import ThemesDialog

    window.library.add_theme(LONG_TITLE)
    return shown(
        ThemesDialog(window.library, [a.id for a in window.library.articles()][:3], window)
    )


@state("mark exempt")
def exempt(window: Any, _tmp: Path) -> QWidget:
    from briefing.gui.exempt_dialog import ExemptDialog
    from briefing.model.schedules import schedule

    return shown(ExemptDialog(schedule("12A"), "this section and its items", None, window))


def _export_dialog(window: Any) -> Any:
    from briefing.gui.export_dialog import ExportDialog

    fill_pack(window)
    return ExportDialog(
        window.model.pack,
        window.file.base_dir(),
        window.settings,
        window.file.base_dir(),
        window,
        pack_name="laptop.yaml",
    )


@state("export")
def export(window: Any, _tmp: Path) -> QWidget:
    return shown(_export_dialog(window))


@state("export, problems listed")
def export_problems(window: Any, _tmp: Path) -> QWidget:
    dialog = _export_dialog(window)
    shown(dialog)
    dialog.check_first()  # the items have no summaries yet
    settle(dialog)
    return dialog


@state("export, files saved")
def export_saved(window: Any, tmp: Path) -> QWidget:
    from briefing.gui.commands import SetAttr
    from briefing.gui.export_dialog import ALL_VERSIONS

    fill_pack(window)
    for item in window.model.pack.items():  # no errors left: the files are written
        window.undo_stack.push(
            SetAttr(
                window.model, item, "summary", "What this article means for the council.", "Edit"
            )
        )
    dialog = _export_dialog(window)
    dialog.folder.setText(str(tmp / "out"))
    dialog.audience.setCurrentIndex(dialog.audience.findData(ALL_VERSIONS))
    dialog.set_formats("all")
    shown(dialog)
    dialog.start()
    app = QApplication.instance()
    deadline = time.monotonic() + 180
    while dialog.running and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    settle(dialog)
    return dialog


@state("draft summary")
def draft_summary(window: Any, _tmp: Path) -> QWidget:
    from briefing.assist import summarise
    from briefing.gui.item_editor import SuggestionDialog

    fill_pack(window)
    drafted = summarise(window.article_body(window.item_editor.item.article))
    return shown(
        SuggestionDialog(
            "Draft summary",
            window.item_editor,
            text=drafted.text,
            sentences=list(drafted.sentences),
        )
    )


@state("suggested implications")
def suggested(window: Any, _tmp: Path) -> QWidget:
    from briefing.assist import suggest_implications
    from briefing.gui.item_editor import SuggestionDialog

    fill_pack(window)
    body = window.article_body(window.item_editor.item.article)
    return shown(
        SuggestionDialog(
            "Suggested implications", window.item_editor, points=suggest_implications(body)
        )
    )


@state("problems opening a pack")
def problems(window: Any, tmp: Path) -> QWidget:
    from briefing.errors import PackError
    from briefing.gui.problems_dialog import ProblemsDialog
    from briefing.packfile import load_pack

    broken = tmp / "broken.yaml"
    broken.write_text(
        "title: A pack\nsections:\n"
        + "".join(
            f"  - title: Section {n}\n    items:\n      - article: missing-{n}\n"
            f"        summary: 12\n        colour: {n}\n"
            for n in range(12)
        ),
        encoding="utf-8",
    )
    try:
        load_pack(broken)
    except PackError as exc:
        return shown(ProblemsDialog(exc.problems, window))
    raise AssertionError("the broken pack opened")
