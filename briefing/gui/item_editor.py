"""The item editor: summary, implication points, quotations and questions for one article,
with live word counts, the article's own text beside it, and offline drafting aids."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing.gui.commands import SetAttr
from briefing.gui.exempt_icons import padlock_icon, versions_note
from briefing.gui.lazy_page import LazyPage
from briefing.gui.modal import fit_to_screen
from briefing.gui.spoken import describe_label
from briefing.gui.workers import run_in_background
from briefing.uk.dates import uk_date
from briefing.uk.wording import plural

if TYPE_CHECKING:  # the drafting aids load when first used: start-up stays quick
    from collections.abc import Callable

    from briefing.assist.implications import Suggestion
    from briefing.assist.summary import Picked
    from briefing.gui.list_editors import ListEditor, QuotesEditor
    from briefing.gui.pack_model import PackModel
    from briefing.model import Item

NO_TEXT = (
    "The article's text is not in the pack, and no article in the library matches it "
    "by id, DOI, web address or title. Import the article into the library (Library "
    "\u25b8 Import files\u2026) to read it here and to use Draft summary and Suggest "
    "implications."
)


E = TypeVar("E", bound=QWidget)
SIDE_BY_SIDE = 900  # editor width (px) from which the article text sits beside the fields


class ItemEditor(QWidget):
    def __init__(
        self,
        model: PackModel,
        body_lookup: Callable[[str], str],
        parent: QWidget | None = None,
        standfirst_lookup: Callable[[str], str] | None = None,
        accepted_lookup: Callable[[], list[str]] | None = None,
        remember: Callable[[list[str]], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.body_lookup = body_lookup
        # The author's own summary kept with the library's copy: the draft summary starts there.
        self.standfirst_lookup = standfirst_lookup or (lambda _article_id: "")
        # The implication points accepted in this library's packs, and where to keep new ones:
        # suggestions learn the council's voice from them.
        self.accepted_lookup = accepted_lookup or list
        self.remember = remember or (lambda _points: None)
        self.item: Item | None = None
        self._loading = False
        self._text_needs_top = False

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.byline = QLabel(self)
        self.byline.setTextFormat(Qt.TextFormat.PlainText)
        self.byline.setWordWrap(True)
        # Whether the item is exempt and which versions leave it out, in words (with the
        # tree's padlock beside them): hidden for an item every version prints.
        self.exempt_note = describe_label(QLabel(self), "Exemption")
        self.exempt_note.setTextFormat(Qt.TextFormat.PlainText)
        self.exempt_note.setWordWrap(True)
        self.exempt_note.setMinimumWidth(120)
        self.exempt_note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.exempt_icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.exempt_icon.setPixmap(padlock_icon().pixmap(size, size))
        self.exempt_icon.setAccessibleName(" ")  # the words beside it say it all
        self.exempt_row = QWidget(self)
        exempt_layout = QHBoxLayout(self.exempt_row)
        exempt_layout.setContentsMargins(0, 2, 0, 0)
        exempt_layout.addWidget(self.exempt_icon, 0, Qt.AlignmentFlag.AlignTop)
        exempt_layout.addWidget(self.exempt_note, 1)
        self.exempt_row.hide()

        self.summary = QPlainTextEdit(self)
        self.summary.setAccessibleName("Summary")
        self.summary.setToolTip(
            "Your summary of the article, in your own words. "
            "Light Markdown: **bold**, *italic*, [links](https://…), "
            '"- " bullet lists.'
        )
        self.summary.setPlaceholderText("Write a short summary for members…")
        self.summary.setMinimumHeight(110)
        self.summary.setTabChangesFocus(True)  # Tab moves on; a tab character prints nothing
        self.summary_count = QLabel(self)
        self.draft_button = QPushButton("Draft summary", self)
        self.draft_button.setToolTip(
            "Offer a draft summary taken from the article's text; you choose whether to use it."
        )
        self.draft_button.setAccessibleName("Draft summary")
        # Made after Draft summary, so Tab from Summary reaches Draft summary first.
        self.welsh = QCheckBox("&Welsh (Cymraeg)", self)
        self.welsh.setToolTip(
            "This item is written in Welsh: spelling is checked with the Welsh dictionary."
        )
        self.welsh.setAccessibleName("Welsh (Cymraeg)")  # as shown: the item is in Welsh
        # The lists are made when the editor is first shown or asked for (see `_lazy`).
        self._implications: LazyPage[ListEditor] = self._lazy(
            lambda: self._points("point", "Implications for UK local government", "implications")
        )
        self.suggest_button = QPushButton("Suggest implications", self)
        self.suggest_button.setToolTip(
            "Offer candidate implication points from the article; "
            "you pick and edit the ones to keep."
        )
        self.suggest_button.setAccessibleName("Suggest implications")
        self._quotes: LazyPage[QuotesEditor] = self._lazy(self._make_quotes)
        self._questions: LazyPage[ListEditor] = self._lazy(
            lambda: self._points("question", "Questions members may wish to ask", "questions")
        )
        self.total_count = QLabel(self)
        self.total_count.setWordWrap(True)

        self.reference_button = QToolButton(self)
        self.reference_button.setCheckable(True)
        self.reference_button.setChecked(True)
        self.reference_button.setToolTip(
            "Show or hide the article's own text beside the editor (Ctrl+Shift+T)"
        )
        self._name_reference_button(True)
        self.reference_button.toggled.connect(self._reference_toggled)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.byline)
        titles.addWidget(self.exempt_row)
        header.addLayout(titles, 1)
        header.addWidget(self.reference_button, 0, Qt.AlignmentFlag.AlignTop)

        form_host = QWidget(self)
        form = QFormLayout(form_host)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary_count)
        summary_row.addStretch(1)
        summary_row.addWidget(self.draft_button)  # next after Summary by Tab
        summary_row.addWidget(self.welsh)
        form.addRow("&Summary", self.summary)
        form.addRow(summary_row)
        implications_row = QHBoxLayout()
        implications_row.addStretch(1)
        implications_row.addWidget(self.suggest_button)
        form.addRow("&Implications for UK local government", _holder(self._implications))
        form.addRow(implications_row)
        form.addRow("&Quotations", _holder(self._quotes))
        form.addRow("Q&uestions members may wish to ask", _holder(self._questions))
        form.addRow(self.total_count)
        self.form_scroll = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        # Wrap to the width available rather than scroll sideways; the minimum width below
        # keeps every button whole however narrow the splitter is dragged.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for label in (self.heading, self.byline):
            label.setMinimumWidth(120)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        scroll.setWidget(form_host)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no empty Tab stop: fields scroll into view
        scroll.setMinimumWidth(
            form_host.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width() + 4
        )

        self.article_text = QPlainTextEdit(self)
        self.article_text.setReadOnly(True)
        self.article_text.setAccessibleName("Article text")
        self.article_text.setToolTip("The article's own text, for reference while you write.")
        self.article_text.setTabChangesFocus(True)
        # Read-only text is still read and copied from the keyboard (and by screen readers).
        self.article_text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.article_text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.reference = QWidget(self)
        ref_layout = QVBoxLayout(self.reference)
        ref_layout.setContentsMargins(0, 0, 0, 0)
        ref_layout.addWidget(QLabel("Article text (for reference)", self.reference))
        ref_layout.addWidget(self.article_text)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.reference)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.splitter, 1)

        self.summary.textChanged.connect(self._summary_typed)
        self.welsh.toggled.connect(
            lambda on: self._push(
                "language", "cy" if on else "", "Mark as Welsh" if on else "Mark as English"
            )
        )
        self.draft_button.clicked.connect(self.offer_summary)
        self.suggest_button.clicked.connect(self.offer_implications)
        model.value_changed.connect(self._value_changed)

    # -- the lists, made when first wanted ----------------------------------------------------
    def _lazy(self, build: Callable[[], E]) -> LazyPage[E]:
        """A list's place in the form, holding it once made: when the editor is first shown or
        the list asked for. A window opened on a pack shows a section first, and the lists
        (with their classes, delegates and buttons) were a sixth of its start-up."""
        holder = QStackedWidget(self)
        page: LazyPage[E] = LazyPage(build, holder)
        holder.addWidget(page)
        return page

    def _points(self, what: str, accessible: str, attr: str) -> ListEditor:
        from briefing.gui.list_editors import ListEditor

        points = ListEditor(what, accessible, self)
        undo_text = f"Edit {attr}"
        points.edited.connect(lambda v: self._push(attr, v, undo_text))
        return points

    def _make_quotes(self) -> QuotesEditor:
        from briefing.gui.list_editors import QuotesEditor

        quotes = QuotesEditor(self)
        quotes.edited.connect(lambda v: self._push("quotes", v, "Edit quotations"))
        return quotes

    @property
    def implications(self) -> ListEditor:
        return self._implications.page()

    @property
    def quotes(self) -> QuotesEditor:
        return self._quotes.page()

    @property
    def questions(self) -> ListEditor:
        return self._questions.page()

    def when_points_made(self, hook: Callable[[ListEditor], None]) -> None:
        """Run `hook` on the implications and the questions, now for those made, else once
        made (spelling checks their entries)."""
        for page in (self._implications, self._questions):
            made = page.built()
            if made is not None:
                hook(made)
            else:
                page.on_built.append(hook)

    # -- the article text beside the editor ---------------------------------------------------
    def set_reference_visible(self, visible: bool) -> None:
        self.reference_button.setChecked(visible)
        self._reference_toggled(visible)

    def reference_visible(self) -> bool:
        return self.reference_button.isChecked()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Side by side, each half of a laptop's editor would be a narrow column: there the
        # article text goes below the fields, at the editor's full (readable) width.
        wide = event.size().width() >= SIDE_BY_SIDE
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.splitter.orientation() != orientation:
            self.splitter.setOrientation(orientation)
            self.splitter.setSizes([3000, 2000] if wide else [5500, 4500])

    def _reference_toggled(self, visible: bool) -> None:
        self.reference.setVisible(visible)
        if visible and self._text_needs_top:
            self._text_needs_top = False
            QTimer.singleShot(0, self._text_to_top)
        self._name_reference_button(visible)

    def _name_reference_button(self, visible: bool) -> None:
        """The button says what pressing it does, aloud as on screen. setText() clears a
        button's shortcut (Qt takes the new text's mnemonic), so the shortcut is set after it."""
        text = "Hide article text" if visible else "Show article text"
        self.reference_button.setText(text)
        self.reference_button.setAccessibleName(text)
        self.reference_button.setShortcut(QKeySequence("Ctrl+Shift+T"))

    # -- showing an item ---------------------------------------------------------------------
    def set_item(self, item: Item | None) -> None:
        fresh = item is not self.item
        self.item = item
        self._loading = True
        try:
            self._update_exempt()
            if item is None:
                self.heading.setText("")
                self.byline.setText("")
                self.summary.setPlainText("")
                self.article_text.setPlainText("")
                return
            article = self.model.pack.articles.get(item.article)
            self.heading.setText(self.model.item_title(item))
            if article:
                parts = [", ".join(article.authors), article.source, uk_date(article.published)]
                self.byline.setText(" · ".join(p for p in parts if p))
            else:
                self.byline.setText(f"No article details for \u201c{item.article}\u201d.")
            self.summary.setPlainText(item.summary)
            self.welsh.setChecked(item.language == "cy")
            self.implications.set_values(item.implications)
            self.quotes.set_values(item.quotes)
            self.questions.set_values(item.questions)
            body = self.body_lookup(item.article)
            self.article_text.setPlainText(body or NO_TEXT)
            self._has_body = bool(body)
            self.draft_button.setEnabled(bool(body))
            self.suggest_button.setEnabled(bool(body))
        finally:
            self._loading = False
        self._update_counts()
        if fresh:  # another item: from the top, its Summary ready to type into
            self.form_scroll.verticalScrollBar().setValue(0)
            self._text_to_top()
            # Hidden text is laid out again when shown: go to the top then as well.
            self._text_needs_top = not self.reference.isVisible()
            cursor = self.summary.textCursor()
            cursor.movePosition(cursor.MoveOperation.End)
            self.summary.setTextCursor(cursor)

    def _text_to_top(self) -> None:
        from PySide6.QtGui import QTextCursor  # (made by PySide when first named)

        self.article_text.moveCursor(QTextCursor.MoveOperation.Start)
        self.article_text.verticalScrollBar().setValue(0)

    def language(self) -> str:
        """The language of the item shown ("cy" Welsh, "en" English), for its spell check."""
        return (self.item.language or "en") if self.item is not None else "en"

    def focus_field(self, field: str = "summary") -> None:
        """Put the keyboard focus in a field ("summary", "implications", "quotes",
        "questions") and scroll it into view."""
        widget: QWidget = {
            "implications": self.implications.list,
            "quotes": self.quotes.table,
            "questions": self.questions.list,
        }.get(field, self.summary)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        self.form_scroll.ensureWidgetVisible(widget, 0, 40)

    def _update_exempt(self) -> None:
        note = versions_note(self.model.pack, self.item) if self.item is not None else ""
        self.exempt_note.setText(note)
        self.exempt_row.setVisible(bool(note))

    def _value_changed(self, target: Any, attr: str) -> None:
        if attr in ("exempt", "audiences", "exempt_schedule"):  # of the item, its section, the pack
            self._update_exempt()
        if target is not self.item or self.item is None:
            return
        self._loading = True
        try:
            if attr == "summary" and self.summary.toPlainText() != self.item.summary:
                self.summary.setPlainText(self.item.summary)
            elif attr == "implications":
                self.implications.set_values(self.item.implications)
            elif attr == "quotes":
                self.quotes.set_values(self.item.quotes)
            elif attr == "questions":
                self.questions.set_values(self.item.questions)
            elif attr == "language":
                self.welsh.setChecked(self.item.language == "cy")
        finally:
            self._loading = False
        self._update_counts()

    # -- editing -----------------------------------------------------------------------------
    def _summary_typed(self) -> None:
        if not self._loading and self.item is not None:
            text = self.summary.toPlainText()
            if text != self.item.summary:
                self.model.undo_stack.push(
                    SetAttr(self.model, self.item, "summary", text, "Edit summary", merge=True)
                )
        self._update_counts()

    def _push(self, attr: str, value: Any, text: str) -> None:
        if self._loading or self.item is None or getattr(self.item, attr) == value:
            return
        self.model.undo_stack.push(SetAttr(self.model, self.item, attr, value, text))

    def _update_counts(self) -> None:
        item = self.item
        if item is None:  # nothing shown: and the word counter need not load at start-up
            self.summary_count.setText("")
            self.total_count.setText("")
            return
        from briefing.compose.counts import item_words, markdown_word_count

        summary = markdown_word_count(self.summary.toPlainText())
        self.summary_count.setText(plural(summary, "word"))
        total = item_words(item, self.model.item_title(item))
        self.total_count.setText(f"This item prints about {plural(total, 'word')}, title included.")

    # -- drafting aids -----------------------------------------------------------------------
    def offer_summary(self) -> None:
        item = self.item
        body = self.body_lookup(item.article) if item else ""
        if item is None or not body:
            return
        from briefing.assist import summarise

        self.draft_button.setEnabled(False)
        standfirst = self.standfirst_lookup(item.article)
        title = self.model.item_title(item)

        def show(summary: Any) -> None:
            self.draft_button.setEnabled(True)
            if self.item is not item:
                return
            dialog = SuggestionDialog(
                "Draft summary", self, text=summary.text, sentences=list(summary.sentences)
            )
            used = dialog.exec() == QDialog.DialogCode.Accepted
            self.draft_button.setFocus(Qt.FocusReason.OtherFocusReason)  # back where it began
            if used and dialog.text():
                self.model.undo_stack.push(
                    SetAttr(self.model, item, "summary", dialog.text(), "Use draft summary")
                )

        run_in_background(
            summarise,
            body,
            120,
            standfirst,
            title,
            on_done=show,
            on_error=lambda exc: self.draft_button.setEnabled(True),
        )

    def offer_implications(self) -> None:
        item = self.item
        body = self.body_lookup(item.article) if item else ""
        if item is None or not body:
            return
        from briefing.assist import suggest_implications

        self.suggest_button.setEnabled(False)

        def show(points: list[Suggestion]) -> None:
            self.suggest_button.setEnabled(True)
            if self.item is not item:
                return
            dialog = SuggestionDialog("Suggested implications", self, points=points)
            used = dialog.exec() == QDialog.DialogCode.Accepted
            self.suggest_button.setFocus(Qt.FocusReason.OtherFocusReason)  # back where it began
            if used and dialog.points():
                merged = [
                    *item.implications,
                    *(p for p in dialog.points() if p not in item.implications),
                ]
                self.model.undo_stack.push(
                    SetAttr(self.model, item, "implications", merged, "Add suggested implications")
                )
                self.remember(dialog.points())

        # The officer's own points, in this pack and accepted in the library's earlier packs:
        # suggestions like them rank higher, and drafts open the way they usually do. They
        # never leave this machine (or the team's library folder).
        in_pack = [
            point
            for section in self.model.pack.sections
            for other in section.items
            for point in other.implications
        ]
        accepted = [*self.accepted_lookup(), *in_pack]
        run_in_background(
            suggest_implications,
            body,
            5,
            accepted,
            self.standfirst_lookup(item.article),
            on_done=show,
            on_error=lambda exc: self.suggest_button.setEnabled(True),
        )


class SuggestionDialog(QDialog):
    """Shows a suggestion to accept, edit or refuse; nothing is written until OK.

    A draft summary comes as its sentences, each ticked, with the reason it was offered and where
    it stands in the article (and the article's own sentence, when the draft shows it
    shortened): untick one to leave it out, then edit the text as you wish.
    Implication points come unticked, each with why it was offered and the article's words it
    came from; a point drafted from a claim (not the article's own words) is marked as a draft.
    """

    def __init__(
        self,
        title: str,
        parent: QWidget | None = None,
        text: str | None = None,
        points: list[Suggestion] | None = None,
        sentences: list[Picked] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.editor: QPlainTextEdit | None = None
        self.list: QListWidget | None = None
        self.sentences: QListWidget | None = None
        self.context = QLabel(self)
        self.context.setWordWrap(True)
        self.context.setTextFormat(Qt.TextFormat.PlainText)
        if text is not None:
            if sentences:
                label = QLabel(
                    "Untick a sentence to leave it out; the reason each was offered "
                    "shows beneath the list. Then edit the draft as you wish and "
                    "choose OK to use it.",
                    self,
                )
                label.setWordWrap(True)
                layout.addWidget(label)
                self.sentences = QListWidget(self)
                self.sentences.setAccessibleName("Sentences of the draft")
                self.sentences.setWordWrap(True)
                for picked in sentences:
                    entry = QListWidgetItem(picked.text)
                    entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    entry.setCheckState(Qt.CheckState.Checked)
                    entry.setData(Qt.ItemDataRole.UserRole, _why_sentence(picked))
                    entry.setToolTip(picked.reason)
                    self.sentences.addItem(entry)
                layout.addWidget(self.sentences, 2)
                self.context.setAccessibleName("Why this sentence")
                layout.addWidget(self.context)
                self.sentences.currentItemChanged.connect(self._show_context)
                self.sentences.itemChanged.connect(self._rebuild_draft)
                self.sentences.setCurrentRow(0)
            else:
                layout.addWidget(
                    QLabel("Edit the draft as you wish, then choose OK to use it.", self)
                )
            self.editor = QPlainTextEdit(text, self)
            self.editor.setAccessibleName("Suggested summary")
            self.editor.setTabChangesFocus(True)
            layout.addWidget(self.editor, 2)
        else:
            note = (
                "Tick the points to add (none is ticked for you); double-click to edit one "
                "first. The article's own implications come first; points marked as drafts "
                "are written from the article's key claims, so check them."
                if points
                else "No implication points could be suggested from this article."
            )
            label = QLabel(note, self)
            label.setWordWrap(True)
            layout.addWidget(label)
            self.list = QListWidget(self)
            self.list.setAccessibleName("Suggested implication points")
            self.list.setWordWrap(True)
            for point in points or []:
                entry = QListWidgetItem(point.text)
                entry.setFlags(
                    entry.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable
                )
                entry.setCheckState(Qt.CheckState.Unchecked)
                entry.setData(Qt.ItemDataRole.UserRole, _why(point))
                if point.draft:
                    font = entry.font()
                    font.setItalic(True)
                    entry.setFont(font)
                    entry.setToolTip(f"Draft, from: {point.source}")
                else:
                    entry.setToolTip(point.context)
                self.list.addItem(entry)
            layout.addWidget(self.list, 3)
            # Why the current suggestion was offered and the article's words around it.
            self.context.setAccessibleName("In the article")
            layout.addWidget(self.context, 1)
            self.list.currentItemChanged.connect(self._show_context)
            if self.list.count():
                self.list.setCurrentRow(0)
        from PySide6.QtWidgets import QDialogButtonBox

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, 560, 380 if sentences is None else 480)

    def _rebuild_draft(self, _entry: QListWidgetItem) -> None:
        """The draft made of the ticked sentences, in the article's order."""
        if self.sentences is None or self.editor is None:
            return
        kept = [
            self.sentences.item(i).text()
            for i in range(self.sentences.count())
            if self.sentences.item(i).checkState() == Qt.CheckState.Checked
        ]
        self.editor.setPlainText(" ".join(kept))

    def _show_context(self, entry: QListWidgetItem | None) -> None:
        context = entry.data(Qt.ItemDataRole.UserRole) if entry is not None else ""
        self.context.setText(str(context or ""))
        self.context.setAccessibleDescription(str(context or ""))

    def text(self) -> str:
        return self.editor.toPlainText().strip() if self.editor else ""

    def points(self) -> list[str]:
        if self.list is None:
            return []
        chosen = []
        for i in range(self.list.count()):
            entry = self.list.item(i)
            if entry.checkState() == Qt.CheckState.Checked and entry.text().strip():
                chosen.append(entry.text().strip())
        return chosen


def _why_sentence(picked: Picked) -> str:
    """What the dialog says under a sentence of the draft summary: why it was offered, and the
    article's own sentence when the draft shows it shortened."""
    why = f"Why: {picked.reason}."
    if picked.source:
        why += f" Shortened; the article says: “{picked.source}”"
    return why


def _why(point: Suggestion) -> str:
    """What the dialog says under a suggested point: why it was offered and where from."""
    reason = point.reason or (
        "From the article's own implications"
        if point.from_list
        else "A recommendation in the article"
    )
    if point.draft:  # the reason says it is a draft
        return f"{reason}. Written from the article's words: {point.source}"
    return f"{reason}: “{point.context}”"


def _holder(page: LazyPage[Any]) -> QWidget:
    """The widget in the form that holds a list (made or not)."""
    holder = page.parentWidget()
    assert holder is not None, "a list is held in the form"
    return holder
