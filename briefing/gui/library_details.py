"""The library pane's details panel: one article's metadata, its themes (tick to assign), its text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefing.gui.library_model import authors_text
from briefing.gui.library_widgets import muted_label, swatch, theme_colour, theme_label
from briefing.uk.dates import uk_date

BODY_PREVIEW_CHARS = 4000
_SAFE_SCHEMES = ("http://", "https://")


def _link(url: str) -> str:
    """A link only for web addresses; anything else is shown as plain text."""
    import html

    text = html.escape(url)
    if url.lower().startswith(_SAFE_SCHEMES):
        return f'<a href="{html.escape(url, quote=True)}">{text}</a>'
    return text


def details_html(rec: Any) -> str:
    """Metadata as rich text; every value is escaped, since article text is data, not markup."""
    import html

    rows = []
    if rec.authors:
        rows.append(("Authors", html.escape(authors_text(rec.authors))))
    if rec.source:
        rows.append(("Source", html.escape(rec.source)))
    if rec.published:
        rows.append(("Published", html.escape(uk_date(rec.published))))
    if getattr(rec, "url", ""):
        rows.append(("Web address", _link(rec.url)))
    if getattr(rec, "doi", ""):
        doi = rec.doi
        rows.append(("DOI", _link(f"https://doi.org/{doi}") if "/" in doi else html.escape(doi)))
    table = "".join(
        f"<tr><td style='padding-right:8px'><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows
    )
    return f"<h3>{html.escape(rec.title)}</h3><table>{table}</table>"


class ArticleDetails(QWidget):
    """Shows the chosen article; ticking a theme asks for it to be assigned."""

    theme_toggled = Signal(str, bool)  # theme id, assigned

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.meta = QTextBrowser()
        self.meta.setOpenExternalLinks(True)  # opens the user's own browser; we fetch nothing
        self.meta.setAccessibleName("Article details")
        self.meta.setMinimumHeight(60)
        self.themes_label = QLabel("Themes (tick to assign):")
        self.themes = QListWidget()
        self.themes.setAccessibleName("Themes of this article")
        self.themes.setToolTip("Tick a theme to assign it to this article; untick to remove it")
        self.themes.itemChanged.connect(self._on_item_changed)
        self.themes.setMinimumHeight(44)
        self.body = QPlainTextEdit()
        self.body.setReadOnly(True)
        self.body.setAccessibleName("Start of the article's text")
        self.body.setMinimumHeight(44)
        self.placeholder = muted_label("Select an article to see its details.")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.meta, 3)
        top_layout.addWidget(self.themes_label)
        top_layout.addWidget(self.themes, 2)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(top)
        self.split.addWidget(self.body)
        self.split.setChildrenCollapsible(False)

        # One stack for both states: its size never changes with the selection, so the
        # library's buttons above it stay where they are.
        self.pages = QStackedWidget()
        self.pages.addWidget(self.placeholder)
        self.pages.addWidget(self.split)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.article_id: str | None = None
        self.show_article(None, {})

    def show_article(self, rec: Any | None, themes: dict[str, Any]) -> None:
        self.article_id = None if rec is None else str(rec.id)
        self.pages.setCurrentWidget(self.placeholder if rec is None else self.split)
        self.themes.blockSignals(True)
        self.themes.clear()
        if rec is not None:
            self.meta.setHtml(details_html(rec))
            assigned = set(rec.themes or [])
            for theme_id, theme in sorted(themes.items(), key=lambda kv: theme_label(kv[1])):
                item = QListWidgetItem(swatch(theme_colour(theme)), theme_label(theme))
                item.setData(Qt.ItemDataRole.UserRole, theme_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = theme_id in assigned
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                self.themes.addItem(item)
            if not themes:
                self.themes_label.setText("No themes yet: use “Themes…” to create some.")
            else:
                self.themes_label.setText("Themes (tick to assign):")
            body = rec.body or ""
            more = len(body) > BODY_PREVIEW_CHARS
            self.body.setPlainText(body[:BODY_PREVIEW_CHARS] + ("…" if more else ""))
        self.themes.blockSignals(False)

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        theme_id = str(item.data(Qt.ItemDataRole.UserRole))
        self.theme_toggled.emit(theme_id, item.checkState() == Qt.CheckState.Checked)
