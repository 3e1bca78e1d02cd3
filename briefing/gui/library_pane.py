"""The library pane: search and filter the article library, see details, send articles to the pack."""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing.errors import BriefingError
from briefing.gui.form_widgets import FormDateEdit
from briefing.gui.library_delegate import TwoLineDelegate, row_height
from briefing.gui.library_details import ArticleDetails
from briefing.gui.library_model import COLUMNS, RANKED, ArticleTableModel
from briefing.gui.library_widgets import (
    action_button,
    fill_theme_combo,
    muted_label,
    theme_label,
    warning_icon,
)
from briefing.gui.modal import run_once
from briefing.gui.spoken import name_clear_button
from briefing.gui.workers import run_in_background
from briefing.uk.wording import plural

if TYPE_CHECKING:
    from briefing.library import Library

SEARCH_DELAY_MS = 150
SLOW_SEARCH_MS = 40.0  # a search slower than this moves the next ones off the UI thread
LARGE_LIBRARY = 2000  # articles; from here every search runs off the UI thread
ANY_DATE = QDate(1900, 1, 1)
EMPTY_TEXT = (
    "<p><b>Your library is empty.</b></p>"
    "<p>Import articles to start: <b>Library ▸ Import files…</b>, paste text with "
    "<b>Library ▸ Paste text…</b>, or drag files here.</p>"
)


class LibraryPane(QWidget):
    """Search box, filters, results table and details for one Library."""

    add_to_pack_requested = Signal(list)  # article ids
    add_theme_to_pack_requested = Signal(str)  # theme id
    library_changed = Signal()

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.setAcceptDrops(True)
        self._generation = 0
        self._large = False
        self.last_search_ms = 0.0
        self._build()
        self.refresh()

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText("Search titles, authors and text (Ctrl+F)")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName("Search the library")
        self.search_box.setToolTip("Type to search; results update as you type")
        name_clear_button(self.search_box, "Clear search")
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(lambda _t: self.search_timer.start())
        self.search_box.returnPressed.connect(self.run_search)

        self.theme_combo = QComboBox()
        self.theme_combo.setAccessibleName("Theme filter")
        self.theme_combo.setToolTip("Show only articles with this theme")
        self.theme_combo.currentIndexChanged.connect(lambda _i: self.run_search())
        self.filters_button = QToolButton()
        self.filters_button.setText("Filters")
        self.filters_button.setCheckable(True)
        self.filters_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.filters_button.setArrowType(Qt.ArrowType.RightArrow)
        self.filters_button.setAccessibleName("Show more filters")
        self.filters_button.setToolTip("Filter by source, author and date")
        self.filters_button.toggled.connect(self._toggle_filters)

        self.source_combo = self._filter_combo("Source filter", "Any source")
        self.author_combo = self._filter_combo("Author filter", "Any author")
        self.date_from = self._date_edit("Published on or after", "From: any")
        self.date_to = self._date_edit("Published on or before", "To: any")
        self.filters_row = QWidget()
        grid = QHBoxLayout(self.filters_row)
        grid.setContentsMargins(0, 0, 0, 0)
        for w in (self.source_combo, self.author_combo, self.date_from, self.date_to):
            grid.addWidget(w, 1)
        self.filters_row.setVisible(False)

        self.model = ArticleTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Articles in the library")
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; arrows move in it
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Title over "Authors · Source" in one column, and the date: a narrow pane shows all
        # three without a horizontal scrollbar. The Authors and Source columns can still be
        # shown (right-click the header) to sort by them.
        self.table.setItemDelegateForColumn(0, TwoLineDelegate(self.table))
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(row_height(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 110), (2, 90)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)
            self.table.setColumnHidden(col, True)
        # Dates are short and must never be cut off; results are capped, so this stays cheap.
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self._ranked = False  # showing a query's results best match first
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.table.doubleClicked.connect(lambda _i: self.request_add_to_pack())

        self.empty = QLabel(EMPTY_TEXT)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setAccessibleName("The library is empty")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        self.count_label = muted_label()
        # "Did you mean …?" after a search that finds nothing: the library's own spelling.
        self.suggest_button = QToolButton()
        self.suggest_button.setAutoRaise(True)
        self.suggest_button.setToolTip("Search for the word as the library spells it")
        self.suggest_button.clicked.connect(self._use_suggestion)
        self.suggest_button.setVisible(False)
        self._suggestion = ""
        self.problems_button = QToolButton()
        self.problems_button.setIcon(warning_icon(self))
        self.problems_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.problems_button.setAccessibleName("Library problems")
        self.problems_button.setToolTip("Some files in the library could not be read: see why")
        self.problems_button.clicked.connect(self.show_problems)
        self.problems_button.setAutoRaise(True)

        self.details = ArticleDetails()
        self.details.theme_toggled.connect(self._theme_toggled)

        self.add_button = action_button(
            "Add to pack", "Add the selected articles to the pack", self.request_add_to_pack
        )
        self.add_theme_button = action_button(
            "Add theme",
            "Add every article with the theme chosen above to the pack",
            self.request_add_theme,
        )
        self.assign_button = action_button(
            "Themes…", "Create, rename, colour and assign themes", self.open_themes
        )
        self.delete_button = action_button(
            "Delete", "Delete the selected articles from the library", self.delete_selected
        )

        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        filters = QHBoxLayout()
        # A visible label, linked to the box, names it for screen readers on every platform
        # (on Linux a combo box's own name is its current text).
        theme_label = QLabel("The&me", self)
        theme_label.setBuddy(self.theme_combo)
        filters.addWidget(theme_label)
        filters.addWidget(self.theme_combo, 1)
        filters.addWidget(self.filters_button)
        status = QHBoxLayout()
        status.addWidget(self.count_label, 1)
        status.addWidget(self.suggest_button)
        status.addWidget(self.problems_button)
        # Two rows of two keep the pane narrow enough to share a laptop screen.
        buttons = QGridLayout()
        for n, b in enumerate(
            (self.add_button, self.add_theme_button, self.assign_button, self.delete_button)
        ):
            buttons.addWidget(b, n // 2, n % 2)

        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.stack, 1)
        upper_layout.addLayout(status)
        upper_layout.addLayout(buttons)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(upper)
        # The details scroll when the pane is short (a laptop at 150%), rather than make
        # the whole window taller than the screen.
        self.details_scroll = details_scroll = QScrollArea()
        details_scroll.setWidgetResizable(True)
        details_scroll.setFrameShape(QFrame.Shape.NoFrame)
        details_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        details_scroll.setWidget(self.details)
        self.split.addWidget(details_scroll)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.split.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.filters_row)
        layout.addWidget(self.split, 1)

        delete = QAction(self)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete_selected)
        self.table.addAction(delete)
        add = QAction(self)
        add.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        add.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        add.triggered.connect(self.request_add_to_pack)
        self.table.addAction(add)

    def _filter_combo(self, name: str, any_text: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        combo.addItem(any_text, None)
        combo.currentIndexChanged.connect(lambda _i: self.run_search())
        return combo

    def _date_edit(self, name: str, any_text: str) -> QDateEdit:
        edit = FormDateEdit()
        edit.setAccessibleName(name)
        edit.setToolTip(f"{name} (leave at “any” for no limit)")
        edit.setDisplayFormat("d MMM yyyy")
        edit.setCalendarPopup(True)
        edit.setMinimumDate(ANY_DATE)
        edit.setSpecialValueText(any_text)
        edit.setDate(ANY_DATE)
        edit.dateChanged.connect(lambda _d: self.run_search())
        return edit

    def _toggle_filters(self, shown: bool) -> None:
        self.filters_row.setVisible(shown)
        self.filters_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )

    # -- public API --------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def set_library(self, library: Library) -> None:
        self.library = library
        self.refresh()

    def refresh(self) -> None:
        """Reload themes, filter lists and problems, then search again."""
        fill_theme_combo(self.theme_combo, self.library.themes(), self.theme_combo.currentData())
        self._fill_list(self.source_combo, self._safe(self.library.sources, []))
        self._fill_list(self.author_combo, self._safe(self.library.authors, []))
        self._large = self._count_files() >= LARGE_LIBRARY
        problems = self._safe(self.library.problems, [])
        self.problems_button.setVisible(bool(problems))
        n = len(problems)
        self.problems_button.setText(f"{plural(n, 'file')} skipped")
        self.run_search()

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.article_id(r) for r in rows]

    def select_ids(self, ids: list[str]) -> None:
        sel = self.table.selectionModel()
        sel.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for article_id in ids:
            row = self.model.row_of(article_id)
            if row >= 0:
                sel.select(self.model.index(row, 0), flags)
                self.table.scrollTo(self.model.index(row, 0))

    def current_theme(self) -> str | None:
        data = self.theme_combo.currentData()
        return str(data) if data else None

    # -- searching --------------------------------------------------------------------------
    def _criteria(self) -> tuple[str, dict[str, Any]]:
        def day(edit: QDateEdit) -> date | None:
            d = edit.date()
            return None if d == ANY_DATE else date(d.year(), d.month(), d.day())

        return self.search_box.text().strip(), {
            "theme": self.current_theme(),
            "source": self.source_combo.currentData(),
            "author": self.author_combo.currentData(),
            "date_from": day(self.date_from),
            "date_to": day(self.date_to),
        }

    def run_search(self) -> None:
        self.search_timer.stop()
        self._generation += 1
        generation = self._generation
        query, filters = self._criteria()
        started = time.perf_counter()

        def done(rows: list[Any]) -> None:
            if generation != self._generation:
                return  # a newer search has started: this result is stale
            self.last_search_ms = (time.perf_counter() - started) * 1000
            self._show_results(rows, query, filters)

        if self._large or self.last_search_ms > SLOW_SEARCH_MS:
            # A large library, or one answering slowly (a busy shared drive): search on a
            # worker thread so typing never waits; stale answers are dropped above.
            run_in_background(self._search, query, filters, on_done=done, on_error=self._failed)
        else:
            try:
                done(self._search(query, filters))
            except BriefingError as exc:
                self._failed(exc)

    def _search(self, query: str, filters: dict[str, Any]) -> list[Any]:
        # The list shows no snippets: none is made (FTS5 re-reads each article to make one).
        return list(self.library.search(query, **filters, snippets=0))

    def _use_suggestion(self) -> None:
        if self._suggestion:
            self.search_box.setText(self._suggestion)
            self.run_search()

    def _failed(self, exc: BaseException) -> None:
        self.count_label.setText(f"Search failed: {exc}")

    def _show_results(self, rows: list[Any], query: str, filters: dict[str, Any]) -> None:
        keep = self.selected_ids()
        if bool(query) != self._ranked:
            # A new query shows the best match first, as `briefing search` does; clicking a
            # column header still sorts. Without a query the newest come first.
            self._ranked = bool(query)
            header = self.table.horizontalHeader()
            if self._ranked:
                header.setSortIndicator(RANKED, Qt.SortOrder.DescendingOrder)
            else:
                header.setSortIndicator(3, Qt.SortOrder.DescendingOrder)
        self.model.set_rows(rows)
        has_filter = bool(query) or any(v is not None for v in filters.values())
        library_empty = not rows and not has_filter and not self._safe(self.library.listing, [])
        self.stack.setCurrentWidget(self.empty if library_empty else self.table)
        self.details_scroll.setVisible(not library_empty)
        n = len(rows)
        if library_empty:
            self.count_label.setText("No articles yet")
        elif not rows:
            self.count_label.setText("No articles match: try fewer words or clear the filters")
        self._suggestion = (
            self._safe(lambda: self.library.did_you_mean(query), "") if query and not rows else ""
        )
        self.suggest_button.setText(f"Did you mean “{self._suggestion}”?")
        self.suggest_button.setAccessibleName(f"Did you mean {self._suggestion}")
        self.suggest_button.setVisible(bool(self._suggestion))
        if rows:
            self.count_label.setText(f"{plural(n, 'article')}" + (" found" if has_filter else ""))
        self.select_ids(keep)
        self._selection_changed()

    # -- selection and details --------------------------------------------------------------
    def _selection_changed(self) -> None:
        ids = self.selected_ids()
        has = bool(ids)
        for b in (self.add_button, self.delete_button):
            b.setEnabled(has)
        self.add_theme_button.setEnabled(self.current_theme() is not None)
        rec = None
        if len(ids) == 1:
            rec = self._safe(lambda: self.library.get(ids[0]), None)
        self.details.show_article(rec, self.library.themes() if rec else {})

    def _theme_toggled(self, theme_id: str, assigned: bool) -> None:
        article_id = self.details.article_id
        if article_id is None:
            return
        if assigned:
            self.library.assign([article_id], theme_id)
        else:
            self.library.unassign([article_id], theme_id)
        self.library_changed.emit()
        if self.current_theme() == theme_id and not assigned:
            self.run_search()

    # -- actions ------------------------------------------------------------------------------
    def request_add_to_pack(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.add_to_pack_requested.emit(ids)

    def request_add_theme(self) -> None:
        theme = self.current_theme()
        if theme:
            self.add_theme_to_pack_requested.emit(theme)

    def open_themes(self) -> None:
        from briefing.gui.themes_dialog import ThemesDialog

        dialog = ThemesDialog(self.library, self.selected_ids(), parent=self)
        run_once(dialog)
        if dialog.changed:
            self.refresh()
            self.library_changed.emit()

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if len(ids) == 1:
            title = self.model.row_object(self.model.row_of(ids[0])).title
            question = f"Delete “{title}” from the library?"
        else:
            question = f"Delete {len(ids)} articles from the library?"
        answer = QMessageBox.question(
            self,
            "Delete articles",
            question + "\n\nPacks that already use them keep their copy.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        for article_id in ids:
            self.library.delete(article_id)
        self.refresh()
        self.library_changed.emit()

    def show_problems(self) -> None:
        problems = self._safe(self.library.problems, [])
        QMessageBox.warning(
            self,
            "Library problems",
            "These files in the library could not be read and were skipped. Fix or remove "
            "them (they are plain text files), then reopen the library.\n\n"
            + "\n".join(str(p) for p in problems),
        )

    def import_paths(self, paths: list[Path]) -> None:
        from briefing.gui.library_actions import import_files

        if import_files(self, self.library, paths) is not None:
            self.refresh()
            self.library_changed.emit()

    def _header_menu(self, pos: Any) -> None:
        """Show or hide the Authors and Source columns (to sort by them)."""
        menu = QMenu(self)
        for col in (1, 2):
            action = menu.addAction(f"Show {COLUMNS[col]} column")
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(col))
            action.toggled.connect(lambda on, c=col: self.table.setColumnHidden(c, not on))
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))

    def _context_menu(self, pos: Any) -> None:
        menu = QMenu(self)
        has = bool(self.selected_ids())
        for text, slot, enabled in (
            ("Add to pack", self.request_add_to_pack, has),
            ("Add theme to pack", self.request_add_theme, self.current_theme() is not None),
            ("Assign theme…", self.open_themes, True),
            ("Delete article…", self.delete_selected, has),
        ):
            action = menu.addAction(text)
            action.setEnabled(enabled)
            action.triggered.connect(slot)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    # -- dropping files to import ------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            # Let the drop finish before the dialog opens, or the source app waits on us.
            QTimer.singleShot(0, lambda: self.import_paths(paths))

    # -- helpers -------------------------------------------------------------------------------
    def _fill_list(self, combo: QComboBox, values: list[str]) -> None:
        keep = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for value in sorted(values, key=str.casefold):
            combo.addItem(value, value)
        combo.setCurrentIndex(max(combo.findData(keep), 0) if keep else 0)
        combo.blockSignals(False)

    def _count_files(self) -> int:
        """Article files in the folder (a directory listing: cheap even for 10,000)."""
        folder = getattr(self.library, "articles_dir", None)
        try:
            return sum(1 for _ in os.scandir(folder)) if folder is not None else 0
        except OSError:
            return 0

    @staticmethod
    def _safe(fn: Any, default: Any) -> Any:
        try:
            return fn()
        except (BriefingError, KeyError, OSError):
            return default

    def theme_name(self, theme_id: str) -> str:
        return theme_label(self.library.themes().get(theme_id, theme_id))
