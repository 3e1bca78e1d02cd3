"""The right-hand side of the import preview: one draft's fields, themes and text."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing.gui.library_widgets import muted_label, swatch, theme_colour, theme_label
from briefing.gui.spoken import describe_label
from briefing.library.drafts import join_paragraphs, paragraphs
from briefing.library.importers.metadata import read_uk_date
from briefing.uk.dates import uk_date

if TYPE_CHECKING:
    from datetime import date

    from PySide6.QtGui import QKeyEvent

    from briefing.library.records import DraftArticle

DATE_HINT = "Write the date like 4 November 2025 or 2025-11-04, or leave it empty."


def parse_date(text: str) -> date | None:
    """ "4 November 2025", "4 Nov 2025", "2025-11-04" or "04/11/2025"; ValueError otherwise."""
    if not text.strip():
        return None
    found = read_uk_date(text)
    if found is None:
        raise ValueError(DATE_HINT)
    return found


def split_authors(text: str) -> list[str]:
    """Names separated by commas, semicolons or " and "."""
    parts = re.split(r"\s*(?:,|;|\band\b)\s*", text.strip())
    return [p for p in parts if p]


class OwnEnterLineEdit(QLineEdit):
    """A line whose Enter is its own (adds what was typed) rather than the dialog's default
    button (Import)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class DraftEditor(QWidget):
    """Edits fields of the draft it shows; reports a chosen split point for the text."""

    edited = Signal()  # a field of the current draft changed
    theme_typed = Signal(str)  # a new theme's label, for the current draft
    split_requested = Signal(int)  # body paragraph index

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft: DraftArticle | None = None
        self.title = self._line("Title", "The article's title as it will appear in packs")
        self.authors = self._line("Authors", "Names separated by commas, without Dr, Prof or Cllr")
        self.source = self._line("Source", "The publication or blog, e.g. The MJ")
        self.published = self._line("Date", "When it was published, e.g. 4 November 2025")
        self.url = self._line("Web address", "The article's web address (URL)")
        self.doi = self._line("DOI", "A DOI, e.g. 10.1000/xyz123")
        self.date_error = QLabel()
        self.date_error.setWordWrap(True)
        self.date_error.setVisible(False)
        self.themes = QListWidget()
        self.themes.setAccessibleName("Themes for this article")
        self.themes.setToolTip("Tick the themes to give this article when it is imported")
        self.themes.setMaximumHeight(90)
        self.new_theme = OwnEnterLineEdit()
        self.new_theme.setPlaceholderText("New theme: type a name and press Enter")
        self.new_theme.setAccessibleName("New theme for this article")
        self.new_theme.setToolTip(
            "Give this article a theme the library does not have yet; it is created when you import"
        )
        self.new_theme.returnPressed.connect(self._new_theme_typed)
        # The Themes row always has a control: the library's themes to tick (when it has
        # any) and a box for a new one.
        self.themes_row = QWidget()
        themes_layout = QVBoxLayout(self.themes_row)
        themes_layout.setContentsMargins(0, 0, 0, 0)
        themes_layout.addWidget(self.themes)
        themes_layout.addWidget(self.new_theme)
        self.flags = QLabel()
        self.flags.setWordWrap(True)
        describe_label(self.flags, "Warnings about this article")
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName("Article text")
        self.text.setToolTip(
            "Put the cursor in a paragraph and choose “Split here” to start a "
            "new article at that paragraph"
        )
        self.split_button = QPushButton("Split here")
        self.split_button.setAccessibleName("Split here")
        self.split_button.setToolTip("Start a new article at the paragraph with the cursor")
        self.split_button.clicked.connect(self._split_here)
        self.start_label = muted_label()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("&Title:", self.title)
        form.addRow("&Authors:", self.authors)
        form.addRow("&Source:", self.source)
        form.addRow("Dat&e:", self.published)
        form.addRow("", self.date_error)
        form.addRow("&Web address:", self.url)
        form.addRow("&DOI:", self.doi)
        form.addRow("T&hemes:", self.themes_row)
        text_row = QHBoxLayout()
        text_row.addWidget(self.start_label, 1)
        text_row.addWidget(self.split_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.flags)
        layout.addLayout(text_row)
        layout.addWidget(self.text, 1)

        for edit in (self.title, self.authors, self.source, self.url, self.doi):
            edit.textEdited.connect(self._store)
        self.published.textEdited.connect(self._store)
        self.themes.itemChanged.connect(lambda _i: self.edited.emit())

    def _line(self, name: str, tip: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.setToolTip(tip)
        return edit

    def show_draft(
        self, draft: DraftArticle | None, themes: dict[str, Any], chosen: set[str], notes: list[str]
    ) -> None:
        self.draft = draft
        self.setEnabled(draft is not None)
        if draft is None:
            for edit in (self.title, self.authors, self.source, self.published, self.url, self.doi):
                edit.clear()
            self.text.clear()
            self.flags.clear()
            self.themes.clear()
            return
        self.title.setText(draft.title)
        self.authors.setText(", ".join(draft.authors))
        self.source.setText(draft.source)
        self.published.setText(uk_date(draft.published))
        self.url.setText(draft.url)
        self.doi.setText(draft.doi)
        self.date_error.setVisible(False)
        self.themes.blockSignals(True)
        self.themes.clear()
        for theme_id, theme in sorted(themes.items(), key=lambda kv: theme_label(kv[1])):
            item = QListWidgetItem(swatch(theme_colour(theme)), theme_label(theme))
            item.setData(Qt.ItemDataRole.UserRole, theme_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if theme_id in chosen else Qt.CheckState.Unchecked
            )
            self.themes.addItem(item)
        self.themes.setVisible(bool(themes))
        self.themes_row.setFocusProxy(self.themes if themes else self.new_theme)
        self.themes.blockSignals(False)
        self.show_notes(notes)
        self.text.setPlainText(join_paragraphs(paragraphs(draft.body)))
        where = f"{draft.source_file}, line {draft.start_line}" if draft.source_file else ""
        self.start_label.setText(f"Text (from {where})" if where else "Text")

    def show_notes(self, notes: list[str]) -> None:
        text = "\n".join(f"⚠ {n}" for n in notes)
        self.flags.setText(text)
        self.flags.setAccessibleName(text or "No warnings about this article")
        self.flags.setVisible(bool(notes))

    def _new_theme_typed(self) -> None:
        label = " ".join(self.new_theme.text().split())
        if label and self.draft is not None:
            self.new_theme.clear()
            self.theme_typed.emit(label)

    def chosen_themes(self) -> set[str]:
        return {
            str(self.themes.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.themes.count())
            if self.themes.item(i).checkState() == Qt.CheckState.Checked
        }

    def _store(self) -> None:
        draft = self.draft
        if draft is None:
            return
        draft.set_title(self.title.text().strip())
        draft.authors = split_authors(self.authors.text())
        draft.source = self.source.text().strip()
        draft.url = self.url.text().strip()
        draft.doi = self.doi.text().strip()
        try:
            draft.published = parse_date(self.published.text())
            self.date_error.setVisible(False)
        except ValueError as exc:
            self.date_error.setText(str(exc))
            self.date_error.setVisible(True)
        self.edited.emit()

    def paragraph_at_cursor(self) -> int:
        """Which body paragraph holds the text cursor (paragraphs are shown one blank line
        apart)."""
        before = self.text.toPlainText()[: self.text.textCursor().position()]
        return before.count("\n\n")

    def _split_here(self) -> None:
        self.split_requested.emit(self.paragraph_at_cursor())
