"""The themes manager: create, rename, recolour, merge and delete themes; accept suggestions."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.errors import BriefingError
from briefing.gui.library_widgets import action_button, muted_label, swatch
from briefing.gui.modal import fit_to_screen
from briefing.uk.wording import plural

if TYPE_CHECKING:
    from collections.abc import Callable

    from briefing.library import Library

ID_ROLE = Qt.ItemDataRole.UserRole
LABEL_ROLE = Qt.ItemDataRole.UserRole + 1


class ThemesDialog(QDialog):
    """Manages the library's themes. `article_ids` are the articles selected in the library:
    suggestions are made for them and accepted suggestions are assigned to them."""

    def __init__(
        self, library: Library, article_ids: list[str] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.article_ids = list(article_ids or [])
        self.changed = False
        self.setWindowTitle("Themes")
        self.setAccessibleName("Themes")
        fit_to_screen(self, 560, 560)
        self._build()
        self.reload()
        self._fill_suggestions()

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.new_label = QLineEdit()
        self.new_label.setPlaceholderText("New theme, e.g. Devolution")
        self.new_label.setAccessibleName("New theme label")
        self.new_label.setToolTip("Type a label and press Enter to create a theme")
        self.new_label.returnPressed.connect(self.create_theme)
        self.add_button = action_button(
            "Add theme", "Create a theme with this label", self.create_theme
        )
        new_row = QHBoxLayout()
        new_row.addWidget(self.new_label, 1)
        new_row.addWidget(self.add_button)

        self.list = QTreeWidget()
        self.list.setColumnCount(2)
        self.list.setHeaderLabels(["Theme", "Articles"])
        self.list.setRootIsDecorated(False)
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        # The count takes only what it needs; the names get the rest.
        self.list.header().setStretchLastSection(False)
        self.list.setAccessibleName("Themes")
        self.list.setToolTip("Double-click or press F2 to rename a theme")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.list.itemChanged.connect(self._renamed)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.empty_label = muted_label("No themes yet. Type a label above and choose Add theme.")

        self.rename_button = action_button(
            "Rename", "Rename the selected theme (F2)", self.rename_current
        )
        self.colour_button = action_button(
            "Colour…", "Choose the selected theme's colour", self.recolour_current
        )
        self.merge_button = action_button(
            "Merge…", "Merge the selected themes into one", self.merge_selected
        )
        self.delete_button = action_button(
            "Delete…", "Delete the selected themes (articles stay)", self.delete_selected
        )
        side = QVBoxLayout()
        for b in (self.rename_button, self.colour_button, self.merge_button, self.delete_button):
            side.addWidget(b)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.list, 1)
        middle.addLayout(side)

        self.suggest_box = QGroupBox("Suggested themes for the selected articles")
        self.suggestions = QListWidget()
        self.suggestions.setAccessibleName("Suggested themes")
        self.suggestions.setToolTip(
            "Suggestions from the articles' text; nothing is assigned until you choose Accept"
        )
        self.suggestions.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.suggestions.setMaximumHeight(120)
        self.accept_button = action_button(
            "Assign chosen",
            "Assign the chosen suggestions to the selected articles (new themes are created)",
            self.accept_suggestions,
        )
        self.suggest_note = muted_label()
        box = QVBoxLayout(self.suggest_box)
        box.addWidget(self.suggest_note)
        box.addWidget(self.suggestions)
        box.addWidget(self.accept_button, 0, Qt.AlignmentFlag.AlignRight)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addLayout(new_row)
        layout.addWidget(self.empty_label)
        layout.addLayout(middle, 1)
        layout.addWidget(self.suggest_box)
        layout.addWidget(buttons)
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_selected)

    # -- contents ----------------------------------------------------------------------------
    def reload(self) -> None:
        keep = set(self.selected_ids())
        themes = self.library.themes()
        self.shown = {theme_id: (theme.label, theme.colour) for theme_id, theme in themes.items()}
        counts: Counter[str] = Counter()
        try:
            for article in self.library.articles():
                counts.update(set(article.themes))
        except BriefingError:
            pass
        self.counts = counts
        self.list.blockSignals(True)
        self.list.clear()
        for theme_id, theme in sorted(themes.items(), key=lambda kv: kv[1].label.casefold()):
            item = QTreeWidgetItem([theme.label, str(counts[theme_id])])
            item.setIcon(0, swatch(theme.colour, 16))
            item.setData(0, ID_ROLE, theme_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            item.setToolTip(
                0,
                f"{theme.label}: {plural(counts[theme_id], 'article')}. Double-click "
                "or press F2 to rename.",
            )
            item.setData(1, Qt.ItemDataRole.AccessibleTextRole, plural(counts[theme_id], "article"))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
            item.setSelected(theme_id in keep)
        self.list.blockSignals(False)
        self.empty_label.setVisible(not themes)
        self._update_buttons()

    def selected_ids(self) -> list[str]:
        return [str(i.data(0, ID_ROLE)) for i in self.list.selectedItems()]

    def item_for(self, theme_id: str) -> QTreeWidgetItem | None:
        for i in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(i)
            if item is not None and item.data(0, ID_ROLE) == theme_id:
                return item
        return None

    def _update_buttons(self) -> None:
        n = len(self.list.selectedItems())
        self.rename_button.setEnabled(n == 1)
        self.colour_button.setEnabled(n == 1)
        self.merge_button.setEnabled(n >= 2)
        self.delete_button.setEnabled(n >= 1)

    def _run(self, change: Callable[[], object]) -> bool:
        """Make one change to the library; a refusal is shown as the library words it."""
        try:
            change()
        except BriefingError as exc:
            QMessageBox.warning(self, "Themes", str(exc))
            self.reload()
            return False
        self.changed = True
        self.reload()
        return True

    # -- actions -------------------------------------------------------------------------------
    def create_theme(self) -> str | None:
        label = self.new_label.text().strip()
        if not label:
            self.new_label.setFocus()
            return None
        created: list[str] = []
        if self._run(lambda: created.append(self.library.add_theme(label))):
            self.new_label.clear()
            item = self.item_for(created[0])
            if item is not None:
                self.list.setCurrentItem(item)
            return created[0]
        return None

    def rename_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.editItem(item, 0)

    def _renamed(self, item: QTreeWidgetItem, column: int) -> None:
        if column != 0:
            return
        theme_id = str(item.data(0, ID_ROLE))
        theme = self.library.themes().get(theme_id)
        new = item.text(0).strip()
        was = self.shown.get(theme_id, ("", ""))[0]
        if theme is not None and new and new != was:
            # With the label the list showed: a colleague's rename since is never overwritten.
            self._run(lambda: self.library.rename_theme(theme_id, new, was=was))
        elif theme is not None:
            self.list.blockSignals(True)
            item.setText(0, theme.label)
            self.list.blockSignals(False)

    def recolour_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        theme_id = str(item.data(0, ID_ROLE))
        theme = self.library.themes()[theme_id]
        current = QColor(theme.colour or "#1D70B8")
        colour = QColorDialog.getColor(current, self, f"Colour for “{theme.label}”")
        if colour.isValid():
            self._run(
                lambda: self.library.recolour_theme(
                    theme_id, colour.name().upper(), was=theme.colour
                )
            )

    def merge_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) < 2:
            return
        themes = self.library.themes()
        labels = [themes[i].label for i in ids]
        label, ok = QInputDialog.getItem(
            self,
            "Merge themes",
            "Merge the selected themes into one. Keep which theme?\n"
            "Articles of the others move to it, and the others are removed.",
            labels,
            0,
            False,
        )
        if not ok or label not in labels:
            return
        into = ids[labels.index(label)]
        self._run(lambda: self.library.merge_themes([i for i in ids if i != into], into))

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        themes = self.library.themes()
        affected = sum(self.counts[i] for i in ids)
        names = ", ".join(f"“{themes[i].label}”" for i in ids)
        answer = QMessageBox.question(
            self,
            "Delete themes",
            f"Delete {names}?\n\n{plural(affected, 'article')} will lose "
            f"{'this theme' if len(ids) == 1 else 'these themes'}. The articles stay in the "
            "library.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        def delete() -> None:
            for theme_id in ids:
                self.library.delete_theme(theme_id)

        self._run(delete)

    # -- suggestions -----------------------------------------------------------------------------
    def _fill_suggestions(self) -> None:
        self.suggestions.clear()
        if not self.article_ids:
            self.suggest_note.setText("Select articles in the library to get suggestions.")
            self.suggestions.setVisible(False)
            self.accept_button.setVisible(False)
            return
        try:
            from briefing.assist import suggest_themes

            text = "\n\n".join(self._article_text(a) for a in self.article_ids)
            labels = {tid: t.label for tid, t in self.library.themes().items()}
            found = suggest_themes(text, labels)
        except (ImportError, BriefingError) as exc:
            self.suggest_note.setText(f"Suggestions are not available: {exc}")
            return
        n = len(self.article_ids)
        self.suggest_note.setText(f"From the text of {plural(n, 'article')}. Choose any to assign.")
        for suggestion in found:
            label, theme_id = suggestion.label, suggestion.theme_id
            item = QListWidgetItem(label if theme_id else f"{label} (new theme)")
            item.setData(ID_ROLE, theme_id)
            item.setData(LABEL_ROLE, label)
            if suggestion.evidence:
                item.setToolTip("Words in the text: " + ", ".join(suggestion.evidence[:6]))
            self.suggestions.addItem(item)
        if not found:
            self.suggest_note.setText("No suggestions for these articles.")

    def _article_text(self, article_id: str) -> str:
        article = self.library.get(article_id)
        return f"{article.title}\n\n{article.body}"

    def accept_suggestions(self) -> None:
        chosen = self.suggestions.selectedItems()
        if not chosen:
            return
        themes = self.library.themes()
        by_label = {t.label.casefold(): tid for tid, t in themes.items()}

        def apply() -> None:
            for item in chosen:
                label = str(item.data(LABEL_ROLE))
                theme_id = item.data(ID_ROLE) or by_label.get(label.casefold())
                if not theme_id or theme_id not in themes:
                    theme_id = self.library.add_theme(label)
                self.library.assign(self.article_ids, theme_id)

        if self._run(apply):
            for item in chosen:
                self.suggestions.takeItem(self.suggestions.row(item))
