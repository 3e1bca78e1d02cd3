"""Library menu actions the main window calls: import files, paste text, choose the folder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from briefing.errors import BriefingError
from briefing.gui.import_dialog import ImportDialog
from briefing.gui.modal import fit_to_screen, run_once
from briefing.library.importers import SUPPORTED, folder_files

if TYPE_CHECKING:
    from briefing.library import Library

IMPORT_FILTER = (
    f"Articles ({' '.join('*' + suffix for suffix in SUPPORTED)});;"
    "Text (*.txt);;Markdown (*.md *.markdown);;Word documents (*.docx);;"
    "OpenDocument text (*.odt);;Saved web pages (*.html *.htm *.mhtml *.mht);;"
    "Emails (*.eml);;PDF documents (*.pdf);;All files (*)"
)


def choose_import_files(window: QWidget | None, start: Path | None = None) -> list[Path]:
    names, _filter = QFileDialog.getOpenFileNames(
        window, "Import articles", str(start or Path.home()), IMPORT_FILTER
    )
    return [Path(n) for n in names]


def import_files(
    window: QWidget | None, library: Library, paths: list[Path] | None = None
) -> Any | None:
    """Import files through the split preview; asks for the files when none are given.

    Returns the ImportReport, or None when the user cancelled.
    """
    if not paths:
        paths = choose_import_files(window)
        if not paths:
            return None
    # Folders dropped on the app: take the supported files inside them. Links out of a folder
    # are not followed; the preview lists them with the reason.
    expanded: list[Path] = []
    left_out: list[str] = []
    for path in paths:
        if path.is_dir():
            found, skipped = folder_files(path)
            expanded += found
            left_out += skipped
        else:
            expanded.append(path)
    dialog = ImportDialog(library, paths=expanded, left_out=left_out, parent=window)
    run_once(dialog)
    report = dialog.report
    return report


class PasteDialog(QDialog):
    """A box to paste one or more articles into (title line, then author line, then text)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Paste articles")
        fit_to_screen(self, 700, 520)
        intro = QLabel(
            "Paste the text of one or more articles. Put each article's title on its "
            "own line, then the authors, then the text. You can check the split "
            "before anything is saved."
        )
        intro.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName("Pasted article text")
        self.text.setToolTip("Paste article text here (Ctrl+V)")
        clip = QApplication.clipboard().text() if QApplication.clipboard() else ""
        if clip.strip():
            self.text.setPlainText(clip)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.next_button = buttons.addButton(
            "Next: check the split", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.next_button.setAccessibleName("Check the split")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.text.textChanged.connect(
            lambda: self.next_button.setEnabled(bool(self.text.toPlainText().strip()))
        )
        self.next_button.setEnabled(bool(self.text.toPlainText().strip()))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)


def paste_text(window: QWidget | None, library: Library, text: str | None = None) -> Any | None:
    """Import pasted text through the split preview; asks for the text when none is given."""
    if text is None:
        paste = PasteDialog(window)
        if run_once(paste) != QDialog.DialogCode.Accepted:
            return None
        text = paste.text.toPlainText()
    if not text.strip():
        return None
    dialog = ImportDialog(library, text=text, parent=window)
    run_once(dialog)
    report = dialog.report
    return report


def choose_library_folder(window: QWidget | None, settings: Any) -> Path | None:
    """Ask for the library folder (a shared drive is fine) and remember it in the settings."""
    current = settings.library_folder()
    folder = QFileDialog.getExistingDirectory(
        window, "Choose the library folder", str(current if current.exists() else Path.home())
    )
    if not folder:
        return None
    path = Path(folder)
    try:
        from briefing.library import Library

        Library(path)
    except (BriefingError, OSError) as exc:
        QMessageBox.warning(window, "Library folder", f"Cannot use {path} as the library: {exc}")
        return None
    settings.set_library_folder(path)
    return path
