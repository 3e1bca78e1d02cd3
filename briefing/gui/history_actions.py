"""The window's side of versions: the History pane in its dock, File ▸ Issue version… (and the
toolbar button beside Export), and what changed since a version."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from briefing.errors import BriefingError
from briefing.gui.history_pane import HistoryPane, IssueDialog, show_changes
from briefing.gui.modal import run_once
from briefing.gui.workers import run_in_background

if TYPE_CHECKING:
    from briefing.gui.main_window import MainWindow
    from briefing.history.issue import Issued


def install_history(w: MainWindow) -> None:
    """The History pane, as a tab beside the Library (which is wider than it, so the window
    fits a laptop screen as before)."""
    w.history = HistoryPane(w)
    w.history_dock = w._dock("History", "history-dock", w.history,
                             Qt.DockWidgetArea.LeftDockWidgetArea)
    w.tabifyDockWidget(w.library_dock, w.history_dock)
    w.library_dock.raise_()
    w.preview.pack_path = lambda: w.file.path  # builds say which version they are
    w.history.issue_requested.connect(lambda: issue_version(w))
    w.history.compare_requested.connect(lambda number: _changes_since(w, number))


def refresh_history(w: MainWindow, *, reread: bool = False) -> None:
    w.history.show_history(w.file.path, w.model.pack, w.file.base_dir(), reread=reread,
                           saved=not w.file.is_modified())
    w.preview.set_versions([record.number for record in w.history.records])


def _changes_since(w: MainWindow, number: int) -> None:
    if w.file.path is not None:
        show_changes(w, w.file.path, w.model.pack, number)


def issue_version(w: MainWindow) -> None:
    """Save if need be, ask for the note, then issue in the background: the pack is checked,
    its files built and the version frozen; the History pane and the preview then say so."""
    from briefing.history.issue import issued_text, officer_name
    from briefing.history.store import History

    if not w.model.pack.sections:
        w.statusBar().showMessage("Add some articles before issuing a version.", 5000)
        return
    if w.file.path is None or w.file.is_modified():
        answer = QMessageBox.question(
            w, "Save before issuing",
            "A version is the pack file as saved. Save your changes and issue it?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer != QMessageBox.StandardButton.Save or not w.file.save():
            return
    path = w.file.path
    assert path is not None  # saved just above
    history = History(path)
    try:
        latest = history.latest()
        if latest is not None and history.matches(latest, w.model.pack, w.file.base_dir(),
                                                  path):
            QMessageBox.information(w, "Nothing to issue",
                                    f"Nothing has changed since "
                                    f"{issued_text(latest, 'version')}.")
            return
    except BriefingError as exc:
        QMessageBox.warning(w, "Cannot read the history", str(exc))
        return
    number = latest.number + 1 if latest is not None else 1
    folder = w.settings.export_folder() or path.parent
    dialog = IssueDialog(number, officer_name(w.model.pack), folder, w)
    if run_once(dialog) != QDialog.DialogCode.Accepted:
        return
    from briefing.export.pdf.typst.writer import releasing_layout_cache
    from briefing.history.issue import issue_version as issue

    w.statusBar().showMessage(f"Issuing version {number}…")
    w.actions_by_name["issue"].setEnabled(False)
    w.history.issue_button.setEnabled(False)
    run_in_background(functools.partial(releasing_layout_cache(issue), note=dialog.note.text(),
                                        officer=dialog.officer.text(), outdir=folder),
                      path, on_done=lambda issued: _issued(w, issued),
                      on_error=lambda exc: _failed(w, exc))


def _finished(w: MainWindow) -> None:
    w.actions_by_name["issue"].setEnabled(True)
    w.history.issue_button.setEnabled(True)
    refresh_history(w, reread=True)
    w.preview.schedule_now()  # its cover and footer now name the version


def _issued(w: MainWindow, issued: Issued) -> None:
    from briefing.history.issue import issued_text

    _finished(w)
    what = issued_text(issued.record)
    w.statusBar().showMessage(
        f"{what}." if issued.new else
        f"Nothing has changed since {issued_text(issued.record, 'version')}.", 8000)


def _failed(w: MainWindow, exc: BaseException) -> None:
    _finished(w)
    w.statusBar().clearMessage()
    if not isinstance(exc, (BriefingError, OSError)):
        raise exc
    QMessageBox.warning(w, "The version was not issued",
                        f"{exc}\n\nNothing was issued: fix what is listed and issue again.")
