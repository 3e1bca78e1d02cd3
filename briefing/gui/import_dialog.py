"""Import articles through a split preview: check, fix and choose before anything is saved."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from briefing.errors import BriefingError
from briefing.gui.library_draft_editor import DraftEditor
from briefing.gui.library_model import authors_text
from briefing.gui.library_widgets import action_button, muted_label, warning_icon
from briefing.gui.modal import fit_to_screen
from briefing.gui.scrolling import Scrolling
from briefing.gui.spoken import describe_label
from briefing.gui.workers import run_in_background
from briefing.library import ImportReport
from briefing.library import drafts as edits
from briefing.library.batch import Failure, ParsedBatch, find_duplicates, parse_sources
from briefing.library.themes import ThemeRecord
from briefing.uk.wording import plural

if TYPE_CHECKING:
    from briefing.library.records import DraftArticle

NEW_THEME = "new:"  # id prefix of a theme typed in the split preview, created on import


# Lines of "could not be read" and "not imported from the folder" shown before they scroll.
NOTICE_LINES = 6


class ImportDialog(QDialog):
    """Reads the files (or pasted text) in the background, then shows the split preview.

    After exec(), `report` holds the library's ImportReport (None when nothing was imported).
    """

    def __init__(
        self,
        library: Any,
        paths: list[Path] | None = None,
        text: str | None = None,
        parent: QWidget | None = None,
        left_out: list[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.paths = [Path(p) for p in paths or []]
        # What dropped folders held that is not imported, and why (links out of the folder).
        self.left_out = list(left_out or [])
        self.report: Any = None
        self.drafts: list[DraftArticle] = []
        self.included: list[bool] = []
        self.chosen_themes: list[set[str]] = []
        self.duplicates: dict[int, str] = {}
        self.failures: list[Failure] = []
        self.ready = False
        self._history: list[tuple[list[DraftArticle], list[bool], list[set[str]]]] = []
        self._themes = library.themes()
        self.setWindowTitle("Import articles")
        self.setAccessibleName("Import articles")
        fit_to_screen(self, 1100, 720)
        self._build()
        names = [p.name for p in self.paths] + (["pasted text"] if text is not None else [])
        self.loading_label.setText("Reading " + ", ".join(names) + "…")
        self._task = run_in_background(
            parse_sources,
            self.paths,
            text,
            on_done=self._parsed,
            on_error=self._parse_failed,
            on_progress=self._progress,
        )

    def done(self, result: int) -> None:
        self._task.cancel()  # closed while still reading: the outcome has nowhere to go
        super().done(result)

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.pages = QStackedWidget()
        loading = QWidget()
        lay = QVBoxLayout(loading)
        self.loading_label = QLabel()
        self.loading_label.setWordWrap(True)  # a long list of file names must not widen the window
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName("Reading progress")
        lay.addStretch(1)
        lay.addWidget(self.loading_label)
        lay.addWidget(self.progress)
        lay.addStretch(1)
        self.pages.addWidget(loading)

        preview = QWidget()
        lay = QVBoxLayout(preview)
        lay.setContentsMargins(0, 0, 0, 0)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.failures_label = QLabel()
        self.failures_label.setWordWrap(True)
        describe_label(self.failures_label, "Files that could not be read")
        self.failures_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.left_out_label = QLabel()
        self.left_out_label.setWordWrap(True)
        describe_label(self.left_out_label, "Left out of the folder's import")
        self.left_out_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.list = QListWidget()
        self.list.setAccessibleName("Articles found")
        self.list.setToolTip("Untick an article to leave it out of the import")
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.currentRowChanged.connect(self._show_current)
        self.list.itemChanged.connect(self._item_ticked)
        self.editor = DraftEditor()
        self.editor.edited.connect(self._edited)
        self.editor.theme_typed.connect(self._theme_typed)
        self.editor.split_requested.connect(self.split_current)

        self.merge_prev = action_button(
            "Merge with previous", "Join this article onto the one before it", self.merge_previous
        )
        self.merge_next = action_button(
            "Merge with next", "Join the next article onto this one", self.merge_next_article
        )
        self.start_earlier = action_button(
            "Start earlier",
            "Move the split one paragraph up: the previous article's last paragraph joins this one",
            lambda: self.move_start(-1),
        )
        self.start_later = action_button(
            "Start later",
            "Move the split one paragraph down: this article's first paragraph "
            "joins the previous one",
            lambda: self.move_start(1),
        )
        self.undo_button = action_button("Undo", "Undo the last split or merge (Ctrl+Z)", self.undo)
        grid = QGridLayout()
        grid.addWidget(self.merge_prev, 0, 0)
        grid.addWidget(self.merge_next, 0, 1)
        grid.addWidget(self.start_earlier, 1, 0)
        grid.addWidget(self.start_later, 1, 1)
        grid.addWidget(self.undo_button, 2, 0, 1, 2)
        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addWidget(self.list, 1)
        left_lay.addLayout(grid)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        # The draft's fields scroll when the window is short (a laptop at 150%), so the
        # Import and Cancel buttons stay on screen.
        editor_scroll = QScrollArea()
        editor_scroll.setWidget(self.editor)
        editor_scroll.setWidgetResizable(True)
        editor_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        editor_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        editor_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        split.addWidget(editor_scroll)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([420, 640])
        split.setChildrenCollapsible(False)
        notices = QWidget()
        notes_lay = QVBoxLayout(notices)
        notes_lay.setContentsMargins(0, 0, 0, 0)
        notes_lay.addWidget(self.failures_label)
        notes_lay.addWidget(self.left_out_label)
        self.notices = Scrolling(notices, most_lines=NOTICE_LINES)
        self.notices.setAccessibleName("Files not imported")
        lay.addWidget(self.summary_label)
        lay.addWidget(self.notices)
        lay.addWidget(split, 1)
        self.pages.addWidget(preview)

        done = QWidget()
        lay = QVBoxLayout(done)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        describe_label(self.result_label, "Import result")
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # However many articles were added or files left out, the window fits the screen and
        # the list scrolls.
        self.result_scroll = Scrolling(self.result_label)
        self.result_scroll.setAccessibleName("Import result")
        lay.addWidget(self.result_scroll, 1)
        self.pages.addWidget(done)

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            "Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setToolTip("Close without importing anything")
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setVisible(False)
        self.import_button.clicked.connect(self.import_now)
        self.cancel_button.clicked.connect(self.reject)
        self.close_button.clicked.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        self.save_hint = muted_label("Nothing is saved until you choose Import.")
        layout.addWidget(self.save_hint)
        layout.addWidget(self.buttons)
        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo.activated.connect(self.undo)
        self._update_buttons()

    # -- parsing -----------------------------------------------------------------------------
    def _progress(self, done: int, total: int, message: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        if message:
            self.loading_label.setText(message)

    def _parse_failed(self, exc: BaseException) -> None:
        self._parsed(ParsedBatch(failures=[Failure("import", f"Could not read the files: {exc}")]))

    def _parsed(self, batch: ParsedBatch) -> None:
        self.failures = batch.failures
        self.drafts = batch.drafts
        self.chosen_themes = [set() for _ in self.drafts]
        self._find_duplicates()
        self.included = [i not in self.duplicates for i in range(len(self.drafts))]
        self.ready = True
        self.pages.setCurrentIndex(1)
        if self.failures:
            lines = "\n".join(f"• {f}" for f in self.failures)
            self.failures_label.setText(
                f"⚠ {plural(len(self.failures), 'file')} could not be read and will be "
                f"skipped:\n{lines}"
            )
        self.failures_label.setVisible(bool(self.failures))
        self.left_out_label.setText("\n".join(self.left_out_lines()))
        self.left_out_label.setVisible(bool(self.left_out))
        self.notices.setVisible(bool(self.failures or self.left_out))
        self._fill_list(0)
        # Enter imports (not the Cancel button that had focus while the files were read).
        self.import_button.setDefault(True)
        self.list.setFocus()

    def left_out_lines(self) -> list[str]:
        """What the dropped folders held that was not imported, and why, in plain words."""
        if not self.left_out:
            return []
        return ["Not imported from the folder:", *[f"• {line}" for line in self.left_out]]

    def _find_duplicates(self) -> None:
        try:
            existing = self.library.articles()
        except BriefingError:
            existing = []
        self.duplicates = find_duplicates(self.drafts, existing)

    # -- the list ----------------------------------------------------------------------------
    def notes_for(self, index: int) -> list[str]:
        draft = self.drafts[index]
        notes = list(draft.flags)
        if index in self.duplicates:
            notes.insert(0, "Duplicate: " + self.duplicates[index])
        return notes

    def _fill_list(self, current: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for i in range(len(self.drafts)):
            item = QListWidgetItem()
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if self.included[i] else Qt.CheckState.Unchecked
            )
            self._describe(item, i)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if self.drafts:
            self.list.setCurrentRow(min(max(current, 0), len(self.drafts) - 1))
        else:
            self._show_current(-1)
        self._update_buttons()

    def _describe(self, item: QListWidgetItem, index: int) -> None:
        draft = self.drafts[index]
        byline = authors_text(draft.authors) or "no authors found"
        where = f"{draft.source_file}, line {draft.start_line}" if draft.source_file else ""
        label = draft.title or "(no title)"
        if index in self.duplicates:
            label = "Already in library: " + label
        item.setText(f"{label}\n{byline}" + (f" · {where}" if where else ""))
        notes = self.notes_for(index)
        item.setIcon(
            warning_icon(self)
            if notes
            else self.list.style().standardIcon(self.list.style().StandardPixmap.SP_FileIcon)
        )
        item.setToolTip("\n".join(notes) or "No problems found")
        # The warning icon in words, for screen readers: the name says so, the description
        # says what.
        shown = item.text().replace("\n", ", ")
        item.setData(
            Qt.ItemDataRole.AccessibleTextRole,
            f"{shown}, {plural(len(notes), 'warning')}" if notes else shown,
        )
        item.setData(
            Qt.ItemDataRole.AccessibleDescriptionRole,
            "; ".join(notes) if notes else "No problems found",
        )

    def article_name(self, index: int) -> str:
        """ "Article 3 of 7 (council-blog-collection.txt, line 40)": which one, in words."""
        draft = self.drafts[index]
        where = f" ({draft.source_file}, line {draft.start_line})" if draft.source_file else ""
        return f"Article {index + 1} of {len(self.drafts)}{where}"

    def _item_ticked(self, item: QListWidgetItem) -> None:
        row = self.list.row(item)
        if 0 <= row < len(self.included):
            self.included[row] = item.checkState() == Qt.CheckState.Checked
            self._update_buttons()

    def _show_current(self, row: int) -> None:
        if 0 <= row < len(self.drafts):
            self.editor.show_draft(
                self.drafts[row], self._themes, self.chosen_themes[row], self.notes_for(row)
            )
        else:
            self.editor.show_draft(None, {}, set(), [])
        self._update_buttons()

    def _edited(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.drafts):
            self.chosen_themes[row] = self.editor.chosen_themes()
            self._find_duplicates()
            for i in range(self.list.count()):
                self._describe(self.list.item(i), i)
            self.editor.show_notes(self.notes_for(row))  # e.g. a typed title ends "proposed"

    def _theme_typed(self, label: str) -> None:
        """Tick a theme typed for this article: the library's own if the name matches one,
        otherwise a new one, made in the library only when the articles are imported."""
        row = self.list.currentRow()
        if not 0 <= row < len(self.drafts):
            return
        theme_id = next(
            (
                tid
                for tid, theme in self._themes.items()
                if theme.label.casefold() == label.casefold()
            ),
            NEW_THEME + label,
        )
        self._themes.setdefault(theme_id, ThemeRecord(theme_id, label))
        self.chosen_themes[row].add(theme_id)
        self._show_current(row)

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        n = len(self.drafts)
        has = 0 <= row < n
        self.merge_prev.setEnabled(has and row > 0)
        self.merge_next.setEnabled(has and row < n - 1)
        self.start_earlier.setEnabled(has and row > 0)
        self.start_later.setEnabled(has and row > 0)
        self.undo_button.setEnabled(bool(self._history))
        count = sum(self.included)
        self.import_button.setText(f"Import {plural(count, 'article')}")
        self.import_button.setAccessibleName(self.import_button.text())  # heard as seen
        self.import_button.setEnabled(self.ready and count > 0)
        if self.ready and not n:
            self.summary_label.setText("No articles were found to import.")
        elif self.ready:
            files = len({d.source_file for d in self.drafts})
            self.summary_label.setText(
                f"Found {plural(n, 'article')} in {plural(files, 'source')}. Check each "
                "article, fix its details, and untick any you do not want. Select an article "
                "to see its text."
            )

    # -- editing the split ---------------------------------------------------------------------
    def _apply(self, change: Any, new_current: int) -> bool:
        """Run one split or merge on the drafts, keeping the previous state for Undo."""
        try:
            drafts, included, themes = change()
        except ValueError as exc:
            QMessageBox.information(self, "Cannot do that", str(exc))
            return False
        self._history.append(
            (copy.deepcopy(self.drafts), list(self.included), [set(t) for t in self.chosen_themes])
        )
        self.drafts, self.included, self.chosen_themes = drafts, included, themes
        self._find_duplicates()
        self._fill_list(new_current)
        return True

    def merge_next_article(self) -> None:
        row = self.list.currentRow()

        def change() -> Any:
            drafts = edits.merge_with_next(self.drafts, row)
            included = (
                self.included[:row]
                + [self.included[row] or self.included[row + 1]]
                + self.included[row + 2 :]
            )
            themes = (
                self.chosen_themes[:row]
                + [self.chosen_themes[row] | self.chosen_themes[row + 1]]
                + self.chosen_themes[row + 2 :]
            )
            return drafts, included, themes

        self._apply(change, row)

    def merge_previous(self) -> None:
        row = self.list.currentRow()
        if row > 0:
            self.list.setCurrentRow(row - 1)
            self.merge_next_article()

    def split_current(self, paragraph: int) -> None:
        row = self.list.currentRow()

        def change() -> Any:
            drafts = edits.split_draft(self.drafts, row, paragraph)
            included = self.included[: row + 1] + [True] + self.included[row + 1 :]
            themes = (
                self.chosen_themes[: row + 1]
                + [set(self.chosen_themes[row])]
                + self.chosen_themes[row + 1 :]
            )
            return drafts, included, themes

        self._apply(change, row + 1)

    def move_start(self, step: int) -> None:
        row = self.list.currentRow()
        if row > 0:
            self._apply(
                lambda: (
                    edits.move_boundary(self.drafts, row - 1, step),
                    list(self.included),
                    [set(t) for t in self.chosen_themes],
                ),
                row,
            )

    def undo(self) -> None:
        if not self._history:
            return
        row = self.list.currentRow()
        self.drafts, self.included, self.chosen_themes = self._history.pop()
        self._find_duplicates()
        self._fill_list(row)

    def set_included(self, row: int, included: bool) -> None:
        self.list.item(row).setCheckState(
            Qt.CheckState.Checked if included else Qt.CheckState.Unchecked
        )

    # -- importing ---------------------------------------------------------------------------
    def import_now(self) -> None:
        chosen = [i for i, keep in enumerate(self.included) if keep]
        if not chosen:
            return
        drafts = [self.drafts[i] for i in chosen]
        untitled = next((i for i in chosen if not self.drafts[i].title.strip()), None)
        if untitled is not None:
            # Say which article, and take the user to its Title box.
            self.list.setCurrentRow(untitled)
            QMessageBox.information(
                self,
                "A title is missing",
                f"{self.article_name(untitled)} has no title. Type one in "
                "its Title box, or untick it to leave it out.",
            )
            self.editor.title.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        try:
            self.report = self._save(drafts, [self.chosen_themes[i] for i in chosen])
        except BriefingError as exc:
            QMessageBox.warning(self, "Import failed", str(exc))
            return
        self.result_label.setText(self.result_text())
        self.pages.setCurrentIndex(2)
        self.save_hint.setVisible(False)
        self.import_button.setVisible(False)
        self.cancel_button.setVisible(False)
        self.close_button.setVisible(True)
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self._fit_result()

    def _fit_result(self) -> None:
        """The result is a few lines: a compact window sized to them, not the preview's."""
        done = self.pages.currentWidget()
        for page in [self.pages.widget(n) for n in range(self.pages.count())]:
            if page is not None and page is not done:  # no longer claims room
                self.pages.removeWidget(page)
                page.hide()
        # Once the layout has heard of that (the next turn of the event loop); the height is
        # the wrapped lines' at that width (long file names wrap onto several lines).
        QTimer.singleShot(0, lambda: fit_to_screen(self, 560, self._height_for(560) + 24))

    def _height_for(self, width: int) -> int:
        """The result window's height at `width`: its wrapped lines, the buttons and margins
        (fit_to_screen keeps it on the screen; longer results scroll)."""
        margins = self.contentsMargins()
        lines = self.result_label.heightForWidth(width - 2 * (margins.left() + 12))
        return (
            lines
            + self.buttons.sizeHint().height()
            + self.close_button.sizeHint().height()
            + 2 * margins.top()
        )

    def _save(self, drafts: list[DraftArticle], themes: list[set[str]]) -> ImportReport:
        """Add the drafts, each group with the themes the user ticked for it, in one report."""
        report = ImportReport(failed=[str(f) for f in self.failures])
        groups: dict[tuple[str, ...], list[DraftArticle]] = {}
        for draft, wanted in zip(drafts, themes, strict=True):
            groups.setdefault(tuple(sorted(wanted)), []).append(draft)
        made: dict[str, str] = {}
        for wanted_ids, group in groups.items():
            for tid in wanted_ids:
                if tid.startswith(NEW_THEME) and tid not in made:
                    made[tid] = self.library.add_theme(tid[len(NEW_THEME) :])
            part = self.library.add_drafts(group, themes=[made.get(t, t) for t in wanted_ids])
            report.added += part.added
            report.skipped += part.skipped
        return report

    def result_text(self) -> str:
        report = self.report
        added = len(report.added)
        lines = [f"Added {plural(added, 'article')} to the library" + (":" if added else ".")]
        lines += [f"• {a.title}" for a in report.added]
        if report.skipped:
            lines.append(
                f"Skipped {plural(len(report.skipped), 'duplicate')} already in the library:"
            )
            lines += [f"• {s.title} ({s.reason})" for s in report.skipped]
        left_out = len(self.drafts) - sum(self.included)
        if left_out:
            lines.append(f"Left out {plural(left_out, 'article')} you unticked.")
        if self.failures:
            lines.append(f"{plural(len(self.failures), 'file')} could not be read:")
            lines += [f"• {f}" for f in self.failures]
        lines += self.left_out_lines()
        if added:
            lines += [
                "",
                "Next: select articles in the library and choose Add to pack "
                "(Ctrl+Enter), or drag them onto the pack.",
            ]
        return "\n".join(lines)
