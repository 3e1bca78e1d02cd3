"""The window's side of versions: the History pane in its dock, File ▸ Issue version… (and the
toolbar button beside Export), and what changed since a version."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMessageBox

from briefing.errors import BriefingError
from briefing.gui.history_pane import HistoryPane, IssueDialog, show_changes
from briefing.gui.modal import run_once
from briefing.gui.workers import run_in_background

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QMainWindow

    from briefing.gui.pack_file import PackFile
    from briefing.gui.pack_model import PackModel
    from briefing.gui.preview import Preview
    from briefing.gui.settings import Settings
    from briefing.history.issue import Issued


class HistoryActions:
    """Issuing a version and showing the history, for one window: its pack file and model, the
    preview (whose cover and footer name the version), the History pane, and the switch for
    File ▸ Issue version (off while a version is being issued)."""

    def __init__(
        self,
        window: QMainWindow,
        file: PackFile,
        model: PackModel,
        preview: Preview,
        history: HistoryPane,
        settings: Settings,
        enable_issue: Callable[[bool], None],
    ) -> None:
        self.window, self.file, self.model = window, file, model
        self.preview, self.history, self.settings = preview, history, settings
        self.enable_issue = enable_issue
        preview.pack_path = lambda: file.path  # builds say which version they are
        history.issue_requested.connect(self.issue)
        history.compare_requested.connect(self._changes_since)

    def refresh(self, *, reread: bool = False) -> None:
        self.history.show_history(
            self.file.path,
            self.model.pack,
            self.file.base_dir(),
            reread=reread,
            saved=not self.file.is_modified(),
        )
        self.preview.set_versions([record.number for record in self.history.records])

    def _changes_since(self, number: int) -> None:
        if self.file.path is not None:
            show_changes(self.window, self.file.path, self.model.pack, number)

    def issue(self) -> None:
        """Save if need be, ask for the note, then issue in the background: the pack is
        checked, its files built and the version frozen; the History pane and the preview then
        say so."""
        from briefing.history.issue import issued_text, officer_name
        from briefing.history.store import History

        w = self.window
        if not self.model.pack.sections:
            w.statusBar().showMessage("Add some articles before issuing a version.", 5000)
            return
        if self.file.path is None or self.file.is_modified():
            answer = QMessageBox.question(
                w,
                "Save before issuing",
                "A version is the pack file as saved. Save your changes and issue it?",
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer != QMessageBox.StandardButton.Save or not self.file.save():
                return
        path = self.file.path
        assert path is not None  # saved just above
        history = History(path)
        try:
            latest = history.latest()
            if latest is not None and history.matches(
                latest, self.model.pack, self.file.base_dir(), path
            ):
                QMessageBox.information(
                    w,
                    "Nothing to issue",
                    f"Nothing has changed since {issued_text(latest, 'version')}.",
                )
                return
        except BriefingError as exc:
            QMessageBox.warning(w, "Cannot read the history", str(exc))
            return
        number = latest.number + 1 if latest is not None else 1
        folder = self.settings.export_folder() or path.parent
        dialog = IssueDialog(number, officer_name(self.model.pack), folder, w)
        if run_once(dialog) != QDialog.DialogCode.Accepted:
            return
        from briefing.export.pdf.typst.writer import releasing_layout_cache
        from briefing.history.issue import issue_version as issue

        w.statusBar().showMessage(f"Issuing version {number}…")
        self.enable_issue(False)
        self.history.issue_button.setEnabled(False)
        run_in_background(
            functools.partial(
                releasing_layout_cache(issue),
                note=dialog.note.text(),
                officer=dialog.officer.text(),
                outdir=folder,
            ),
            path,
            on_done=self._issued,
            on_error=self._failed,
        )

    def _finished(self) -> None:
        self.enable_issue(True)
        self.history.issue_button.setEnabled(True)
        self.refresh(reread=True)
        self.preview.schedule_now()  # its cover and footer now name the version

    def _issued(self, issued: Issued) -> None:
        from briefing.history.issue import issued_text

        self._finished()
        what = issued_text(issued.record)
        self.window.statusBar().showMessage(
            f"{what}."
            if issued.new
            else f"Nothing has changed since {issued_text(issued.record, 'version')}.",
            8000,
        )

    def _failed(self, exc: BaseException) -> None:
        self._finished()
        self.window.statusBar().clearMessage()
        if not isinstance(exc, (BriefingError, OSError)):
            raise exc
        QMessageBox.warning(
            self.window,
            "The version was not issued",
            f"{exc}\n\nNothing was issued: fix what is listed and issue again.",
        )
