"""The main window: library on the left, the pack tree and editors in the middle, the live
preview and checks on the right; menus, toolbar and shortcuts over them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from briefing.errors import BriefingError
from briefing.gui import pack_ops
from briefing.gui.checks_panel import ChecksPanel
from briefing.gui.empty_pack import empty_pack_guidance, guidance_label
from briefing.gui.focus_ring import alive
from briefing.gui.idle_collect import idle_collector
from briefing.gui.item_editor import ItemEditor
from briefing.gui.lazy_page import LazyPage
from briefing.gui.menus import MenuHooks, PaneToggles, build_menus
from briefing.gui.modal import run_once
from briefing.gui.pack_file import PackFile
from briefing.gui.pack_model import PackModel
from briefing.gui.pack_tree import PackTree
from briefing.gui.preview import Preview
from briefing.gui.recovery import RecoveryStore
from briefing.gui.section_editor import SectionEditor
from briefing.gui.settings import Settings, app_data_dir
from briefing.gui.spoken import announce, name_dock_buttons
from briefing.model import Pack, Theme
from briefing.uk.wording import plural

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QScrollArea

    from briefing.gui.budget_status import BudgetStatus
    from briefing.gui.history_actions import HistoryActions
    from briefing.gui.history_pane import HistoryPane
    from briefing.gui.list_editors import ListEditor
    from briefing.gui.settings_editor import SettingsEditor
    from briefing.gui.spell_check import SpellService
    from briefing.gui.window_layout import WindowLayout
    from briefing.library import Library

SPELLING_AFTER_MS = 1000  # from building the window to spell checking its fields


class MainWindow(QMainWindow):
    extra_windows: list[MainWindow] = []  # windows opened by new_window()
    words_label: QLabel
    pages_label: QLabel
    budget_status: BudgetStatus
    actions_by_name: dict[str, QAction]
    edit_actions: Any
    recent_menu: QMenu
    history: HistoryPane
    history_dock: QDockWidget
    versions: HistoryActions
    layout_of_panes: WindowLayout
    library_dock: QDockWidget
    preview_dock: QDockWidget
    checks_dock: QDockWidget
    centre: QSplitter
    item_editor: ItemEditor
    preview: Preview
    checks: ChecksPanel

    def __init__(
        self,
        settings: Settings | None = None,
        library_root: Path | None = None,
        recovery_dir: Path | None = None,
        library: Library | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings or Settings()
        self.undo_stack = QUndoStack(self)
        self.model = PackModel(Pack(title="Untitled briefing"), self.undo_stack, self)
        self.file = PackFile(self, self, RecoveryStore(recovery_dir or app_data_dir() / "recovery"))
        self.library: Library  # set by _open_library below, before the window is shown
        self.library_pane: Any = None
        self.setObjectName("MainWindow")
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
        )
        self.spelling: SpellService | None = None  # from a moment after the window is up
        self._unchecked: list[tuple[QWidget, Callable[[], str] | None]] = []

        self._build_centre()
        self._build_docks()
        self._open_library(library_root or self.settings.library_folder(), library)
        self._build_menus()
        self.count_timer = QTimer(self)
        self.count_timer.setSingleShot(True)
        self.count_timer.setInterval(400)
        self.count_timer.timeout.connect(self._update_word_count)
        self.file.update_recent_menu()

        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.model.pack_changed.connect(self._pack_changed)
        self.model.value_changed.connect(self._value_changed)
        self.model.articles_dropped.connect(self.add_library_articles)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.open_requested.connect(self._open_index)
        self.model.moved.connect(self._moved)
        self.tree.status_message.connect(lambda m: self.statusBar().showMessage(m, 5000))
        self._build_pane_cycle()
        self.preview.findings_ready.connect(self.checks.set_findings)
        # Worked out by the preview's job, on the version it shows, after its pages.
        self.preview.readability_ready.connect(lambda found: self.checks.set_readability(*found))
        self._plan_spelling()
        self.checks.jump_requested.connect(self.jump_to)
        from briefing.gui.window_layout import Panes, WindowLayout

        self.layout_of_panes = WindowLayout(
            self,
            self.settings,
            Panes(
                self.library_dock,
                self.preview_dock,
                self.checks_dock,
                self.centre,
                self.item_editor.splitter,
                self.item_editor.reference_visible,
                self.item_editor.set_reference_visible,
            ),
        )
        self.layout_of_panes.restore()
        self.update_title()
        self._update_empty_state()
        self.statusBar().showMessage("Ready.", 3000)
        # What the status bar says from now on is said aloud as well ("It cannot move
        # further."); "Ready." comes before the window is on screen, with nobody to hear it.
        self.statusBar().messageChanged.connect(lambda m: announce(self.statusBar(), m))

    # -- building ------------------------------------------------------------------------------
    def _build_centre(self) -> None:
        self.tree = PackTree(self.model, self)
        # The first steps shown while the pack is empty: built when first shown or asked for.
        self.empty_page: LazyPage[QScrollArea] = LazyPage(lambda: empty_pack_guidance(self), self)
        self.tree_stack = QStackedWidget(self)
        self.tree_stack.addWidget(self.empty_page)
        self.tree_stack.addWidget(self.tree)
        tree_panel = QWidget(self)
        tree_layout = QVBoxLayout(tree_panel)
        tree_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel("<b>Pack</b>", tree_panel)
        heading.setMargin(4)
        tree_layout.addWidget(heading)
        tree_layout.addWidget(self.tree_stack, 1)
        tree_panel.setMinimumWidth(200)  # room for a long title on five lines at most

        # The pack's settings: built when first shown or asked for (a pack opened as the window
        # comes up shows its first section instead).
        self.settings_page: LazyPage[SettingsEditor] = LazyPage(self._make_settings_editor, self)
        self.settings_page.on_built.append(self._settings_editor_built)
        self.section_editor = SectionEditor(self.model, self)
        self.item_editor = ItemEditor(
            self.model,
            self.article_body,
            self,
            standfirst_lookup=self.article_standfirst,
            accepted_lookup=self.accepted_implications,
            remember=self.remember_implications,
        )
        self.editors = QStackedWidget(self)
        for editor in (self.settings_page, self.section_editor, self.item_editor):
            self.editors.addWidget(editor)
        self.editors.setAccessibleName("Editor")

        self.centre = QSplitter(Qt.Orientation.Horizontal, self)
        self.centre.setObjectName("centre")
        self.centre.addWidget(tree_panel)
        self.centre.addWidget(self.editors)
        self.centre.setStretchFactor(0, 1)
        self.centre.setStretchFactor(1, 3)
        self.centre.setSizes([260, 700])
        self.centre.setChildrenCollapsible(False)
        self.setCentralWidget(self.centre)

    @property
    def empty_scroll(self) -> QScrollArea:
        """The guidance shown while the pack is empty (its scroll area), built if need be."""
        return self.empty_page.page()

    @property
    def empty_label(self) -> QLabel:
        return guidance_label(self.empty_page.page())

    def _make_settings_editor(self) -> SettingsEditor:
        from briefing.gui.settings_editor import SettingsEditor

        return SettingsEditor(self.model, self.file.base_dir, self)

    @property
    def settings_editor(self) -> SettingsEditor:
        return self.settings_page.page()

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # saveState() needs stable names
        dock.setWidget(widget)
        dock.setAccessibleName(title)
        self.addDockWidget(area, dock)
        name_dock_buttons(dock)
        # A pane tabbed behind another is out of sight: its controls are hidden too, so Tab
        # never stops on them and screen readers are not told they are on screen.
        dock.visibilityChanged.connect(widget.setVisible)
        return dock

    def _build_docks(self) -> None:
        self.preview = Preview(self.model, self.file.base_dir, self)
        self.preview.focus_item = lambda: self.item_editor.item
        # Python's full garbage collections wait for a pause in the editing (see idle_collect).
        idle_collector().watch(self.preview)
        self.checks = ChecksPanel(self)
        self.library_holder = QStackedWidget(self)
        self.library_dock = self._dock(
            "Library", "library-dock", self.library_holder, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.preview_dock = self._dock(
            "Preview", "preview-dock", self.preview, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.checks_dock = self._dock(
            "Checks", "checks-dock", self.checks, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.splitDockWidget(self.preview_dock, self.checks_dock, Qt.Orientation.Vertical)
        self.resizeDocks(
            [self.library_dock, self.preview_dock], [300, 380], Qt.Orientation.Horizontal
        )
        self.resizeDocks([self.preview_dock, self.checks_dock], [640, 160], Qt.Orientation.Vertical)
        from briefing.gui.history_actions import HistoryActions
        from briefing.gui.history_pane import HistoryPane

        # The History pane, as a tab beside the Library (which is wider than it, so the window
        # fits a laptop screen).
        self.history = HistoryPane(self)
        self.history_dock = self._dock(
            "History", "history-dock", self.history, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.tabifyDockWidget(self.library_dock, self.history_dock)
        self.library_dock.raise_()
        self.versions = HistoryActions(
            self,
            self.file,
            self.model,
            self.preview,
            self.history,
            self.settings,
            lambda on: self.actions_by_name["issue"].setEnabled(on),
        )

    def _build_menus(self) -> None:
        from briefing.gui.budget_status import BudgetStatus
        from briefing.gui.edit_actions import EditActions

        self.edit_actions = EditActions(self)
        slots = {
            "new": self.file.new_pack,
            "open": self.file.open_dialog,
            "save": self.file.save,
            "save_as": self.file.save_as,
            "export": self.export,
            "issue": self.issue_version,
            "quit": self.close,
            "find": self.focus_search,
            "settings": self.show_pack_settings,
            "new_section": self.new_section,
            "add": self.add_selected_from_library,
            "remove": self.tree.remove_selected,
            "up": lambda: self.tree.move_current(-1),
            "down": lambda: self.tree.move_current(1),
            "rename": self.tree.rename_current,
            "exempt": self.mark_exempt,
            "clear_exempt": self.clear_exempt,
            "import": self.import_files,
            "paste": self.paste_text,
            "themes": self.manage_themes,
            "library_folder": self.choose_library_folder,
            "refresh": self.preview.refresh_now,
            "help": self.getting_started,
            "about": self.about,
        }
        panes = PaneToggles(
            (self.library_dock, self.preview_dock, self.checks_dock, self.history_dock),
            self.item_editor.reference_visible,
            self.item_editor.set_reference_visible,
            self.item_editor.reference_button.toggled,
            self.checks_tabbed,
            self.set_checks_tabbed,
        )
        menus = build_menus(
            self, MenuHooks(slots, self.undo_stack, self.edit_actions.actions, self.settings, panes)
        )
        self.actions_by_name, self.recent_menu = menus.actions, menus.recent
        self.budget_status = BudgetStatus(self)
        self.words_label = self.budget_status.words_label
        self.pages_label = self.budget_status.pages_label
        self.statusBar().addPermanentWidget(self.budget_status)
        self.preview.page_count_changed.connect(self.budget_status.set_pages)
        self.preview.audience.currentIndexChanged.connect(lambda _row: self._version_changed())

    def _build_pane_cycle(self) -> None:
        """F6 and Shift+F6 from pane to pane, each entered at its first control."""
        from briefing.gui.panes import Pane, PaneCycle

        def editor() -> QWidget:
            current = self.editors.currentWidget()
            if current is self.item_editor:
                return self.item_editor.summary
            if current is self.section_editor:
                return self.section_editor.title
            if current is self.settings_page or current is self.settings_page.built():
                return self.settings_editor.title
            return current or self.editors

        def library() -> QWidget:
            pane = self.library_pane
            return pane.table if pane is not None else self.library_holder

        self.panes = PaneCycle(
            self,
            [
                Pane("Library", self.library_dock, self.library_dock, library),
                Pane(
                    "Pack",
                    None,
                    self.tree_stack,
                    lambda: self.tree if self.model.pack.sections else self.empty_label,
                ),
                Pane("Editor", None, self.editors, editor),
                Pane(
                    "Preview",
                    self.preview_dock,
                    self.preview_dock,
                    lambda: self.preview.stack.currentWidget() or self.preview,
                ),
                Pane("Checks", self.checks_dock, self.checks_dock, lambda: self.checks.list),
            ],
        )

    def _open_library(self, root: Path, library: Library | None = None) -> None:
        from briefing.gui.library_pane import LibraryPane
        from briefing.library import Library

        if library is None:
            try:
                library = Library(root)
            except BriefingError as exc:
                QMessageBox.warning(self, "Library", f"{exc}\nUsing the default library folder.")
                library = Library()
        self.library = library
        if self.library_pane is None:
            self.library_pane = LibraryPane(library, self)
            self.library_holder.addWidget(self.library_pane)
            self.library_pane.add_to_pack_requested.connect(self.add_library_articles)
            self.library_pane.add_theme_to_pack_requested.connect(self.add_theme_section)
        else:
            self.library_pane.set_library(library)

    def _plan_spelling(self) -> None:
        """Spell check in every title and text field the officer writes in (names, addresses
        and the article's own text are not checked), from a moment after the window is up:
        the dictionary takes a while to load, and Hunspell holds Python's lock while it does,
        which would hold up the first paint. Lines edited in place before then are checked
        from then on too."""
        language = self.item_editor.language

        def hold(points: ListEditor) -> None:
            if self.spelling is None:  # (else attach_list has taken the list over)
                points.delegate.on_editor = lambda line: self._unchecked.append((line, language))

        self.item_editor.when_points_made(hold)
        QTimer.singleShot(SPELLING_AFTER_MS, self, self._start_spelling)

    def _start_spelling(self) -> None:
        """The spelling service, on every field; each list's own entries as shown and as
        edited in place (attach_list takes over the lists' editors from here on)."""
        from briefing.gui.spell_check import SpellService

        self.spelling = spelling = SpellService(self.model, lambda: self.library.root, self)
        settings = self.settings_page.built()
        if settings is not None:  # else it is checked once built
            self._spell_settings(settings)
        for field in (self.section_editor.title, self.section_editor.intro):
            spelling.attach(field)
        language = self.item_editor.language
        spelling.attach(self.item_editor.summary, language)
        self.item_editor.when_points_made(lambda points: spelling.attach_list(points, language))
        for line, line_language in self._unchecked:
            if alive(line):  # a line edited in place may be gone by now
                spelling.attach(line, line_language)
        self._unchecked.clear()

    def _settings_editor_built(self, editor: SettingsEditor) -> None:
        if self.spelling is not None:
            self._spell_settings(editor)
        else:  # lines edited in place before the spelling starts are checked from then on
            editor.key_messages.delegate.on_editor = lambda line: self._unchecked.append(
                (line, None)
            )

    def _spell_settings(self, editor: SettingsEditor) -> None:
        assert self.spelling is not None
        for field in (editor.title, editor.subtitle, editor.intro):
            self.spelling.attach(field)
        self.spelling.attach_list(editor.key_messages)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.layout_of_panes.shown()

    def save_layout(self) -> None:
        self.layout_of_panes.save()

    def checks_tabbed(self) -> bool:
        return self.layout_of_panes.checks_tabbed()

    def set_checks_tabbed(self, tabbed: bool) -> None:
        self.layout_of_panes.set_checks_tabbed(tabbed)

    # -- title, state ------------------------------------------------------------------------------
    def update_title(self) -> None:
        title = self.model.pack.title or "Untitled briefing"
        path = self.file.path
        name = f" ({path.name})" if path else ""
        self.setWindowTitle(f"{title}{name}[*] \u2014 Briefing")
        self.setWindowModified(self.file.is_modified())
        self.refresh_history(reread=True)  # opened, saved or back to as saved

    def _clean_changed(self, _clean: bool) -> None:
        self.update_title()

    def _pack_changed(self) -> None:
        self._update_empty_state()
        self.setWindowModified(self.file.is_modified())
        self.file.schedule_autosave()
        # Counting parses every text field: do it after a pause, not on every keystroke.
        self.count_timer.start()

    def _update_word_count(self) -> None:
        """Count the version the preview shows, against that version's own budget."""
        from briefing.compose.audience import for_audience
        from briefing.compose.counts import count_words

        self.refresh_history()  # whether the pack is still the version last issued
        version = for_audience(self.model.pack, self.preview.chosen_audience())
        count = count_words(version.pack)
        self.budget_status.set_counts(
            count.words, count.pages, version.pack.budget, "" if version.is_full else version.name
        )

    def _version_changed(self) -> None:
        """Another version previewed: its estimate until its pages are counted."""
        self.budget_status.pages = None
        self._update_word_count()

    def _value_changed(self, target: Any, attr: str) -> None:
        if target is self.model.pack and attr == "title":
            self.update_title()

    def _update_empty_state(self) -> None:
        self.tree_stack.setCurrentIndex(1 if self.model.pack.sections else 0)

    # -- editors -----------------------------------------------------------------------------------
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_editor_for(current)

    def _show_editor_for(self, index: QModelIndex) -> None:
        item = self.model.item_at(index)
        if item is not None:
            self.item_editor.set_item(item)
            self.editors.setCurrentWidget(self.item_editor)
            return
        section = self.model.section_at(index)
        if section is not None:
            self.section_editor.set_section(section)
            self.editors.setCurrentWidget(self.section_editor)
        else:
            self.show_pack_settings()

    def _open_index(self, index: QModelIndex, field: str = "summary") -> None:
        self._show_editor_for(index)
        if self.model.is_item(index):
            self.item_editor.focus_field(field)
        else:
            self.section_editor.title.setFocus()

    def _moved(self, targets: list[Any]) -> None:
        """After a move, its undo or its redo: select what moved and show it."""
        indexes = [i for i in (self.model.find(t) for t in targets) if i.isValid()]
        if indexes:
            self.tree.select_all(indexes)
            self._show_editor_for(indexes[0])

    def show_pack_settings(self) -> None:
        if self.tree.currentIndex().isValid():  # the tree should not suggest an item is open
            self.tree.setCurrentIndex(QModelIndex())
        self.tree.clearSelection()
        self.item_editor.set_item(None)
        self.section_editor.set_section(None)
        editor = self.settings_page.built()
        if editor is None:  # built (with the pack's values) if it stays shown
            self.editors.setCurrentWidget(self.settings_page)
            return
        editor.load()
        self.editors.setCurrentWidget(editor)

    def focus_pack_tree(self) -> None:
        """The keyboard on the pack tree's first section (after opening a pack), where the
        user sees it and a screen reader reads it."""
        if self.model.pack.sections:
            self.tree.select(self.model.index_of_section(0))
            self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def jump_to(self, section: int, item: int, field: str = "summary") -> None:
        if not 0 <= section < len(self.model.pack.sections):
            return
        index = (
            self.model.index_of_item(section, item)
            if item >= 0
            else self.model.index_of_section(section)
        )
        self.tree.select(index)
        self._open_index(index, field)

    def _tree_target(self) -> Any:
        """The item or section selected in the pack tree, or None."""
        index = self.tree.currentIndex()
        return self.model.item_at(index) or self.model.section_at(index)

    def mark_exempt(self) -> None:
        from briefing.gui.exempt_ops import mark_exempt

        message = mark_exempt(self.model, self._tree_target(), self)
        if message:
            self.statusBar().showMessage(message, 5000)

    def clear_exempt(self) -> None:
        from briefing.gui.exempt_ops import clear_exempt

        self.statusBar().showMessage(clear_exempt(self.model, self._tree_target()), 5000)

    def article_standfirst(self, article_id: str) -> str:
        """The author's own summary, from the library's copy of the article ("" when none)."""
        from briefing.library.lookup import find_library_article

        found = find_library_article(
            self.library, article_id, self.model.pack.articles.get(article_id)
        )
        return found.standfirst if found else ""

    def accepted_implications(self) -> list[str]:
        """The implication points accepted in this library's packs: the council's voice."""
        return self.library.accepted_implications()

    def remember_implications(self, points: list[str]) -> None:
        """Keep accepted points with the library; the pack has them whatever happens here."""
        try:
            self.library.remember_implications(points)
        except BriefingError as exc:
            self.statusBar().showMessage(
                f"The points were added to the pack, but the library "
                f"could not keep them for later suggestions: {exc}",
                8000,
            )

    def article_body(self, article_id: str) -> str:
        from briefing.library.lookup import library_body

        article = self.model.pack.articles.get(article_id)
        if article and article.body.strip():
            return article.body
        return library_body(self.library, article_id, article)

    # -- from the library ------------------------------------------------------------------------
    def _library_themes(self) -> dict[str, Theme]:
        return {
            tid: Theme(label=rec.label, colour=rec.colour)
            for tid, rec in self.library.themes().items()
        }

    def _entries(self, ids: list[str]) -> list[tuple[str, Any]]:
        from briefing.library.to_pack import pack_article

        entries = []
        for article_id in ids:
            try:
                entries.append(pack_article(self.library.get(article_id)))
            except (BriefingError, OSError, KeyError) as exc:
                self.statusBar().showMessage(f"Could not add {article_id}: {exc}", 8000)
        return entries

    def _themes_for(self, entries: list[tuple[str, Any]]) -> dict[str, Theme]:
        table = self._library_themes()
        wanted = {t for _, article in entries for t in article.themes}
        return {tid: theme for tid, theme in table.items() if tid in wanted}

    def add_library_articles(self, ids: list[str], section: int = -1, row: int = -1) -> int:
        """Add library articles as items (into the current section unless told where)."""
        entries = self._entries(list(ids))
        if section < 0:
            section = self.model.section_of(self.tree.currentIndex())
            row = -1 if section < 0 else row
        added = pack_ops.add_articles(
            self.model, entries, section, row, themes=self._themes_for(entries)
        )
        skipped = len(ids) - added
        message = f"Added {plural(added, 'article')} to the pack."
        if skipped:
            message += f" {skipped} already in the pack or unreadable."
        self.statusBar().showMessage(message, 6000)
        return added

    def add_theme_section(self, theme_id: str) -> int:
        """Add a section for a library theme holding its articles (missing ones only)."""
        from briefing.library.to_pack import pack_article

        themes = self._library_themes()
        if theme_id not in themes:
            return 0
        records = self.library.articles_by_theme(theme_id)
        entries = [pack_article(rec) for rec in records]
        existing = next(
            (n for n, s in enumerate(self.model.pack.sections) if s.theme == theme_id), -1
        )
        label = themes[theme_id].label
        if existing >= 0:
            added = pack_ops.add_articles(
                self.model, entries, existing, themes=self._themes_for(entries)
            )
            self.statusBar().showMessage(f"Added {added} more from \u201c{label}\u201d.", 6000)
            return added
        theme_table = {**self._themes_for(entries), theme_id: themes[theme_id]}
        row = pack_ops.add_section(self.model, label, theme_id, entries=entries, themes=theme_table)
        self.tree.select(self.model.index_of_section(row))
        n = len(self.model.pack.sections[row].items)
        self.statusBar().showMessage(
            f"Added section \u201c{label}\u201d with {plural(n, 'article')}.", 6000
        )
        return n

    def add_selected_from_library(self) -> None:
        ids = self.library_pane.selected_ids() if self.library_pane else []
        if not ids:
            self.statusBar().showMessage("Select articles in the library first.", 5000)
            return
        self.add_library_articles(ids)

    def new_section(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        title, ok = QInputDialog.getText(self, "New section", "Section title:")
        if ok and title.strip():
            current = self.model.section_of(self.tree.currentIndex())
            row = pack_ops.add_section(
                self.model, " ".join(title.split()), row=current + 1 if current >= 0 else -1
            )
            self.tree.select(self.model.index_of_section(row))

    # -- closing ----------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.file.maybe_save():
            event.ignore()
            return
        self.save_layout()
        self.file.recovery.clear()
        self.file.recovery.release()
        self.file.autosave_timer.stop()
        self.preview.stop()
        idle_collector().unwatch(self.preview)
        event.accept()

    def open_path(self, path: Path, ask: bool = True) -> bool:
        """Open a pack file in this window (asks about unsaved work first when `ask`)."""
        return self.file.open_path(path, ask=ask)

    def new_window(self) -> MainWindow:
        """Another window on the same library (used to restore more than one pack)."""
        other = MainWindow(
            settings=self.settings, recovery_dir=self.file.recovery.folder, library=self.library
        )
        other.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Python must hold a reference, or the window vanishes with its wrapper.
        MainWindow.extra_windows.append(other)
        other.destroyed.connect(
            lambda *_: (
                MainWindow.extra_windows.remove(other)
                if other in MainWindow.extra_windows
                else None
            )
        )
        other.show()
        return other

    # -- menu slots ---------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.library_dock.show()
        self.library_dock.raise_()
        if self.library_pane is not None:
            self.library_pane.focus_search()

    def export(self) -> None:
        from briefing.gui.export_dialog import ExportDialog

        if not self.model.pack.sections:
            self.statusBar().showMessage("Add some articles before exporting.", 5000)
            return
        folder = self.file.path.parent if self.file.path else Path.home()
        path = self.file.path
        dialog = ExportDialog(
            self.model.pack,
            self.file.base_dir(),
            self.settings,
            folder,
            self,
            pack_name=path.name if path else "(not yet saved)",
            pack_path=path,
        )
        dialog.set_audience(self.preview.chosen_audience() or "")  # the version being previewed

        def go_to(section: int, item: int, field: str) -> None:
            """A problem the export lists opens where it is, as in the Checks panel."""
            dialog.reject()
            self.jump_to(section, item, field)

        dialog.checks.jump_requested.connect(go_to)
        run_once(dialog)

    def issue_version(self) -> None:
        self.versions.issue()

    def refresh_history(self, *, reread: bool = False) -> None:
        if hasattr(self, "versions"):  # the title is set once before the panes exist
            self.versions.refresh(reread=reread)

    def import_files(self) -> None:
        from briefing.gui.library_actions import import_files

        import_files(self, self.library)
        self._library_changed()

    def paste_text(self) -> None:
        from briefing.gui.library_actions import paste_text

        paste_text(self, self.library)
        self._library_changed()

    def manage_themes(self) -> None:
        from briefing.gui.themes_dialog import ThemesDialog

        ids = self.library_pane.selected_ids() if self.library_pane else []
        run_once(ThemesDialog(self.library, ids, self))
        self._library_changed()

    def choose_library_folder(self) -> None:
        from briefing.gui.library_actions import choose_library_folder

        folder = choose_library_folder(self, self.settings)
        if folder is not None:
            self._open_library(folder)
            self._library_changed()

    def _library_changed(self) -> None:
        if self.library_pane is not None:
            self.library_pane.refresh()

    def getting_started(self) -> None:
        from briefing.gui.menus import show_getting_started

        show_getting_started(self)

    def about(self) -> None:
        from briefing.gui.menus import show_about

        show_about(self)
