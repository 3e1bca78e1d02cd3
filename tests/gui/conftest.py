"""Fixtures for the main-window tests: isolated settings, a tmp library of the project's sample
articles, recorded (never shown) message boxes and file dialogs."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@dataclass
class Dialogs:
    """Answers for message boxes and file dialogs, and a record of what was asked."""

    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes
    save_name: str = ""
    open_name: str = ""
    folder: str = ""
    asked: list[tuple[str, str, str]] = field(default_factory=list)

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for k, _title, text in self.asked if kind in (None, k)]


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    record = Dialogs()

    def box(kind: str) -> Any:
        def ask(_parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
            record.asked.append((kind, title, text))
            return record.answer

        return staticmethod(ask)

    for kind in ("question", "warning", "information", "critical", "about"):
        monkeypatch.setattr(QMessageBox, kind, box(kind))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (record.save_name, ""))
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (record.open_name, ""))
    )
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: record.folder)
    )
    return record


@pytest.fixture
def settings(tmp_path: Path) -> Any:
    from briefing.gui.settings import Settings

    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def library(tmp_path: Path) -> Any:
    """A library holding the project's sample articles, with two themes assigned by title."""
    from briefing.library import Library
    from briefing.library.importers import import_path

    lib = Library(tmp_path / "library", cache_dir=tmp_path / "cache")
    lib.add_drafts(import_path(SAMPLES / "council-blog-collection.txt"))
    lib.add_drafts(import_path(SAMPLES / "contact-centre-round-table.txt"))
    ai = lib.add_theme("Artificial intelligence")
    crises = lib.add_theme("Councils and crises")
    ids = [a.id for a in lib.articles()]
    lib.assign(
        [i for i in ids if i.startswith(("do-councils-need", "twelve-months", "can-shared"))], ai
    )
    lib.assign(
        [i for i in ids if i.startswith(("small-parishes", "audit-2", "street-panels"))], crises
    )
    return lib


@pytest.fixture
def window(qtbot: Any, settings: Any, library: Any, dialogs: Dialogs, tmp_path: Path) -> Any:
    from briefing.gui.main_window import MainWindow

    win = MainWindow(
        settings=settings,
        library_root=library.root,
        recovery_dir=tmp_path / "recovery",
        library=library,
    )
    win.preview.enabled = False  # tests render the preview only when they ask for it
    qtbot.addWidget(win)
    win.show()
    yield win
    win.file.forced_modified = False
    win.undo_stack.setClean()
    from briefing.gui.workers import wait_for_all

    wait_for_all(20_000)
