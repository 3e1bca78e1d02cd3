"""The export dialog: choose a folder and formats, build off the UI thread with progress,
explain failures plainly (file open in Word, read-only folder), then offer to open the folder."""

from __future__ import annotations

import copy
import functools
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from briefing.build import BuildRequest, ChecksFailed, Written
from briefing.build.estimate import Estimate, learned, wording
from briefing.errors import BriefingError
from briefing.export.pdf.typst.writer import releasing_layout_cache
from briefing.export.registry import (
    DEFAULT_PDF_ENGINE,
    FORMATS,
    PDF_ENGINES,
    UNTAGGED_PDF_ENGINE,
    export_choices,
)
from briefing.files.safe_write import WriteError, alternative_name
from briefing.gui.checks_panel import ChecksPanel
from briefing.gui.modal import fit_to_screen
from briefing.gui.spoken import announce, describe_label
from briefing.gui.workers import run_in_background
from briefing.uk.wording import plural

if TYPE_CHECKING:
    from briefing.build import Checked
    from briefing.checks.finding import Finding
    from briefing.gui.settings import Settings
    from briefing.model import Pack

ALL_VERSIONS = "all"
UNTAGGED_SETTING = "export/untagged_pdf"
CHOICES = export_choices()


class ExportDialog(QDialog):
    def __init__(
        self,
        pack: Pack,
        base_dir: Path,
        settings: Settings,
        default_folder: Path,
        parent: QWidget | None = None,
        pack_name: str = "",
        pack_path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export briefing")
        self.pack_name = pack_name  # named in the record of what a version withheld
        self.pack_path = pack_path  # its history says which version the files are
        self.pack = copy.deepcopy(pack)  # edits made while exporting do not leak in
        self.base_dir = base_dir
        self.settings = settings
        self.written: list[Path] = []
        self.running = False
        self.checked: Checked | None = None  # the checks listed here, for the build to reuse

        self.folder = QLineEdit(str(settings.export_folder() or default_folder), self)
        self.folder.setAccessibleName("Export folder")
        self.folder.setToolTip("The folder the files are written to.")
        browse = QPushButton("Browse…", self)
        browse.setAccessibleName("Browse for export folder")
        browse.setAccessibleDescription("Choose the folder to export to")
        browse.setToolTip("Choose the folder to export to")
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)

        self.formats = QButtonGroup(self)
        format_box = QVBoxLayout()
        for n, (key, label, _) in enumerate(CHOICES):
            radio = QRadioButton(label, self)
            radio.setAccessibleName(label)
            radio.setToolTip(
                "The web page (.html) is the version to publish on a website; the "
                "PDF is tagged for screen readers and archiving (PDF/UA and PDF/A); "
                "the .docx is for editing."
            )
            radio.setProperty("format_key", key)
            self.formats.addButton(radio, n)
            format_box.addWidget(radio)
        self.formats.button(0).setChecked(True)

        self.two_up = QCheckBox("Also make a two-up PDF for printing on A4", self)
        self.two_up.setAccessibleName("Also make a two-up PDF for printing on A4")
        self.two_up.setChecked(settings.flag("export/two_up", False))
        self.two_up.toggled.connect(lambda on: self.settings.set_flag("export/two_up", on))
        self.formats.idToggled.connect(lambda _id, _on: self._update_two_up())
        self._update_two_up()

        # The tagged PDF is the accessible one; the untagged engine stays for odd cases.
        self.untagged = QCheckBox(
            f"Make an {PDF_ENGINES[UNTAGGED_PDF_ENGINE].label[0].lower()}"
            f"{PDF_ENGINES[UNTAGGED_PDF_ENGINE].label[1:]}",
            self,
        )
        self.untagged.setAccessibleName(self.untagged.text())
        self.untagged.setToolTip(
            "Leave this off: the usual PDF is tagged for screen readers "
            "(PDF/UA) and for archiving (PDF/A). An untagged PDF does not "
            "meet the accessibility regulations."
        )
        self.untagged.setChecked(settings.flag(UNTAGGED_SETTING, False))
        self.untagged.toggled.connect(lambda on: self.settings.set_flag(UNTAGGED_SETTING, on))

        self.audience = QComboBox(self)
        # Long labels must not widen the pane: the combo shrinks and shows the rest in its list.
        self.audience.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.audience.setMinimumContentsLength(12)
        self.audience.setAccessibleName("Version")
        self.audience.setToolTip(
            "Which version to export: the members' full version keeps the "
            "plain file name; others add theirs, e.g. “Title (public)"
            ".pdf”, with a record of what they withheld"
        )
        self._fill_audiences()
        self.changes = QComboBox(self)
        self.changes.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.changes.setMinimumContentsLength(12)
        self.changes.setAccessibleName("What changed")
        self.changes.setToolTip(
            "Add a “Changes since version N” page before the first section, "
            "or make a supplement holding only what is new or changed"
        )
        self._fill_changes()

        self.progress = QProgressBar(self)
        self.progress.setAccessibleName("Export progress")
        self.estimate: Estimate | None = None  # the time left, while exporting
        self._stage = ""
        self._ticking = QTimer(self)  # the time left counts down within a long stage
        self._ticking.setInterval(1000)
        self._ticking.timeout.connect(self._show_time_left)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel("Choose a folder and the formats, then Export.", self)
        self.status.setWordWrap(True)
        describe_label(self.status, "Export status")

        self.export_button = QPushButton("&Export", self)
        self.export_button.setDefault(True)
        self.export_button.setToolTip("Write the files")
        self.open_button = QPushButton("&Open folder", self)
        self.open_button.setToolTip("Show the exported files in your file manager")
        self.open_button.setEnabled(False)
        self.close_button = QPushButton("Close", self)
        for button in (self.export_button, self.open_button, self.close_button):
            button.setAccessibleName(button.text().replace("&", ""))
        self.export_button.clicked.connect(self.start)
        self.open_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.close_button)

        form = QFormLayout()
        folder_label = QLabel("&Folder", self)
        folder_label.setBuddy(self.folder)  # Alt+F goes to the folder box
        form.addRow(folder_label, folder_row)
        form.addRow("&Version", self.audience)
        if self.changes.count() > 1:  # only once a version has been issued
            form.addRow("&What changed", self.changes)
        else:
            self.changes.hide()
        form.addRow("Formats", format_box)
        form.addRow("", self.two_up)
        form.addRow("", self.untagged)
        # What the build's checks found: shown when there is something to fix or consider.
        self.checks = ChecksPanel(self)
        self.checks.list.setAccessibleName("Problems found before export")
        self.checks.hide()
        # Everything above the buttons scrolls when the screen is short (a laptop at 150%
        # with problems and every file saved listed), rather than squeeze the format choices
        # until they overlap; the buttons stay on screen.
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(form)
        body_layout.addWidget(self.checks, 1)
        body_layout.addWidget(self.progress)
        body_layout.addWidget(self.status)
        self.body = QScrollArea(self)
        self.body.setWidget(body)
        self.body.setWidgetResizable(True)
        self.body.setFrameShape(QScrollArea.Shape.NoFrame)
        self.body.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.addWidget(self.body, 1)
        layout.addLayout(buttons)
        # Tab follows the layout, top to bottom (the version box was built after the formats).
        order = [
            self.folder,
            browse,
            self.audience,
            *self.formats.buttons(),
            self.two_up,
            self.untagged,
            self.checks.list,
            self.export_button,
            self.open_button,
            self.close_button,
        ]
        for before, after in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(before, after)
        fit_to_screen(self, 560, 280)
        self._fit_content()

    def _fill_audiences(self) -> None:
        from briefing.model.versions import audience_choices, has_versions

        choices = audience_choices(self.pack)
        for name, label in choices:
            self.audience.addItem(label, name)
        if has_versions(self.pack) and len(choices) > 1:
            self.audience.addItem("All versions, each with its own files", ALL_VERSIONS)

    def _fill_changes(self) -> None:
        from briefing.history.store import History

        self.changes.addItem("No changes page", None)
        try:
            numbers = History(self.pack_path).numbers() if self.pack_path else []
        except BriefingError:
            numbers = []
        for number in reversed(numbers):
            self.changes.addItem(f"Add the changes since version {number}", ("changes", number))
        for number in reversed(numbers):
            self.changes.addItem(
                f"Supplement: only what is new since version {number}", ("supplement", number)
            )

    def set_audience(self, name: str) -> None:
        self.audience.setCurrentIndex(max(0, self.audience.findData(name)))

    def chosen_audiences(self) -> list[str]:
        from briefing.model.versions import audience_names

        chosen = self.audience.currentData()
        return audience_names(self.pack) if chosen == ALL_VERSIONS else [chosen]

    def chosen_formats(self) -> tuple[str, ...]:
        return CHOICES[max(0, self.formats.checkedId())][2]

    def pdf_engine(self) -> str:
        return UNTAGGED_PDF_ENGINE if self.untagged.isChecked() else DEFAULT_PDF_ENGINE

    def wants_two_up(self) -> bool:
        return self.two_up.isEnabled() and self.two_up.isChecked()

    def _update_two_up(self) -> None:
        """Two-up is offered only for an A5 pack with a PDF chosen; the tooltip says why not."""
        a5 = self.pack.layout.paper == "A5"
        pdf = "pdf" in self.chosen_formats()
        self.two_up.setEnabled(a5 and pdf)
        if not a5:
            tip = (
                "Two-up printing needs an A5 pack: set the paper to A5 in the pack's layout "
                "settings."
            )
        elif not pdf:
            tip = "The two-up copy is made from the PDF: choose PDF or both formats."
        else:
            tip = (
                "Writes \u201cTitle (two-up).pdf\u201d as well: two A5 pages side by side on "
                "each A4 landscape sheet, in reading order, to print on A4 and cut or fold."
            )
        self.two_up.setToolTip(tip)

    def set_formats(self, key: str) -> None:
        for n, (choice, _, _) in enumerate(CHOICES):
            if choice == key:
                self.formats.button(n).setChecked(True)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Export to folder", self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def check_first(self) -> bool:
        """Run the checks the build runs (the checks table, for each version chosen, with the
        PDF engine chosen) and list their errors and warnings here; False when there are
        errors, which the build would refuse. The build that follows reuses them."""
        from briefing.build import prepare

        self.checked = prepare(self.request(None))
        found = self.checked.findings()
        self._show_findings(found)
        errors = sum(1 for finding in found if finding.severity == "error")
        return errors == 0

    def _show_findings(self, findings: list[Finding]) -> None:
        """The errors and warnings, as the Checks panel words them (advice stays there)."""
        shown = [f for f in findings if f.severity in ("error", "warning")]
        self.checks.set_findings(shown)
        self.checks.setVisible(bool(shown))
        if shown:  # room for the list below the choices, which keep their own height
            self.checks.list.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
            self._fit_content(680)

    def start(self) -> None:
        if self.running:
            return
        text = self.folder.text().strip()
        if not text:
            self.status.setText("Choose a folder to export to.")
            return
        outdir = Path(text).expanduser()
        try:
            outdir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.status.setText(
                f"Cannot use the folder {outdir}: {exc.strerror or exc}. Choose another folder."
            )
            return
        if not self.check_first():
            errors = self.checks.count("error")
            self.status.setText(
                f"Not exported: fix the {plural(errors, 'error')} listed above first "
                "(double-click one to go to it), then export again."
            )
            announce(self.status, self.status.text())
            return
        self.settings.set_export_folder(outdir)
        self._build(outdir, {})

    def _build(self, outdir: Path, names: dict[str, Path]) -> None:
        """Run the build off the UI thread; `names` replaces the file name of some formats."""
        from briefing.build import build

        self.running = True
        self.export_button.setEnabled(False)
        self.open_button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the first report
        self.status.setText("Exporting…")
        request = self.request(outdir, names)
        self.estimate = Estimate.of(request, self.settings.export_rates())
        self._stage = "Exporting"
        self._ticking.start()
        run_in_background(
            functools.partial(releasing_layout_cache(build), request, checked=self.checked),
            on_done=self._done,
            on_error=self._failed,
            on_progress=self._progress,
        )

    def request(self, outdir: Path | None, names: dict[str, Path] | None = None) -> BuildRequest:
        """The build the choices here describe (to `outdir`; None: for the checks only)."""
        kind, since = self.changes.currentData() or ("", None)
        return BuildRequest(
            self.pack,
            self.base_dir,
            self.chosen_formats(),
            tuple(self.chosen_audiences()),
            self.pdf_engine(),
            self.wants_two_up(),
            outdir,
            names or {},
            pack_name=self.pack_name,
            history_of=self.pack_path,
            changes_since=since if kind == "changes" else None,
            supplement_since=since if kind == "supplement" else None,
        )

    def _progress(self, done: int, total: int, message: str) -> None:
        """A stage begins: its name, the step, and the time left (see build.estimate)."""
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        if self.estimate is not None:
            self.estimate.step(done, time.monotonic())
        self._stage = f"{message}… (step {done + 1} of {total})" if done < total else message
        self._show_time_left()

    def _show_time_left(self) -> None:
        """The stage under way and the time left, counted down between reports."""
        if not self.running or self.estimate is None:
            return
        left = wording(self.estimate.remaining(time.monotonic()))
        self.status.setText(f"{self._stage}: {left}")

    def _stopped(self) -> None:
        """The build ended: the countdown stops; the rates a finished build measured are kept
        for the next estimate."""
        self._ticking.stop()
        self.running = False
        estimate, self.estimate = self.estimate, None
        if estimate is not None and len(estimate.started) > len(estimate.stages):
            self.settings.set_export_rates(
                learned(self.settings.export_rates(), estimate.measured())
            )

    def _done(self, written: Written) -> None:
        self._stopped()
        self.written = list(written)
        self._show_findings(written.findings)  # with the page budget, counted on the PDF made
        self.export_button.setEnabled(True)
        self.open_button.setEnabled(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        names = ", ".join(p.name for p in self.written)
        warnings = self.checks.count("warning")
        note = f" {plural(warnings, 'warning')}: see above." if warnings else ""
        self.status.setText(
            f"Saved {names} in {self.written[0].parent}.{note}"
            if self.written
            else "Nothing was written."
        )
        self._fit_status()
        self.open_button.setFocus()  # the next step in sight, not a choice scrolled away
        announce(self.status, self.status.text())

    def _failed(self, exc: BaseException) -> None:
        self._stopped()
        self.export_button.setEnabled(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        if isinstance(exc, WriteError):
            self.status.setText(str(exc))
            target = Path(exc.target)
            # Another name fits one version's file; with several versions, close the file.
            if (
                target.exists()
                and target.suffix in {f.suffix for f in FORMATS.values()}
                and len(self.chosen_audiences()) == 1
            ):
                self._offer_other_name(target, str(exc))
        elif isinstance(exc, ChecksFailed):
            self._show_findings(exc.findings)
            self.status.setText("Not exported: fix the errors listed above first.")
        elif isinstance(exc, BriefingError):
            self.status.setText(str(exc))
        else:
            self.status.setText(
                f"The export failed unexpectedly: {exc}. Your pack is safe; save it and try again."
            )
        self._fit_status()
        self.export_button.setFocus()
        announce(self.status, self.status.text())

    def _fit_content(self, width: int = 0) -> None:
        """Grow to hold everything above the buttons (the choices, the problems found with each
        on its own lines, a long status with every file saved), as far as the screen allows;
        beyond that they scroll above the buttons, which stay in sight."""
        content = self.body.widget()
        layout = self.layout()
        if content is None or layout is None:
            return
        width = max(self.width(), width)
        bar = self.body.verticalScrollBar().sizeHint().width()
        inner = width - layout.contentsMargins().left() - layout.contentsMargins().right() - bar
        problems = self.checks.list
        wanted = max(content.heightForWidth(inner), content.sizeHint().height())
        if self.checks.isVisibleTo(self):  # each problem on its lines, not a sliver of the list
            rows = sum(problems.sizeHintForRow(row) for row in range(problems.count()))
            shown = problems.sizeHint().height() - 2 * problems.frameWidth()
            wanted += max(0, rows - shown)
        buttons = layout.itemAt(1)
        chrome = (
            layout.contentsMargins().top()
            + layout.contentsMargins().bottom()
            + layout.spacing()
            + (buttons.sizeHint().height() if buttons is not None else 0)
        )
        needed = chrome + wanted
        if needed > self.height() or width > self.width():
            fit_to_screen(self, width, max(self.height(), needed))

    def _fit_status(self) -> None:
        """Grow for a new status (the build under way, every file saved, what failed) and
        keep it in sight above the buttons, once the window has its new size."""
        self._fit_content()
        QTimer.singleShot(0, self, lambda: self.body.ensureWidgetVisible(self.status, 0, 0))

    def _offer_other_name(self, target: Path, message: str) -> None:
        other = alternative_name(target)
        answer = QMessageBox.question(
            self,
            "File in use",
            f"{message}\n\nSave as \u201c{other.name}\u201d instead?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer != QMessageBox.StandardButton.Save:
            return
        # The whole export runs again in the background, with the other name for this format.
        key = "two-up" if target.name == self._two_up_name() else target.suffix[1:]
        self._build(target.parent, {key: other})

    def _two_up_name(self) -> str:
        """The two-up copy's name as the build gives it ("Title - supplement 1 (two-up).pdf"
        for a supplement)."""
        from briefing.export.pdf.two_up import two_up_name

        return two_up_name(self.request(None).stem(self.chosen_audiences()[0]))

    def open_folder(self) -> None:
        folder = self.written[0].parent if self.written else Path(self.folder.text())
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def reject(self) -> None:
        if self.running:  # closing mid-export would hide the outcome; the build carries on
            self.status.setText("Please wait for the export to finish.")
            return
        super().reject()
