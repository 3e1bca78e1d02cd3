"""Spell check as the officer types: a red wavy underline under misspelt words in the app's
text fields, with suggestions, "Add to dictionary" and "Ignore" on right-click, the context
menu key and Shift+F10.

Typing never waits for the dictionary. A field underlines the words whose answer is already
known (a dictionary lookup per word, cached); words not seen before are checked in batches on a
worker thread, and the fields are underlined again when the answers arrive. The dictionary
itself loads on the worker too. Words added go into the library's word list (words.txt), which
is read again when it changes, so a colleague's additions on a shared drive show up as well.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QInputMethodEvent,
    QKeyEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QMessageBox, QPlainTextEdit, QWidget

from briefing.errors import BriefingError
from briefing.gui.commands import SetAttr
from briefing.gui.workers import run_in_background
from briefing.library.words import add_team_word, built_in_words, team_words
from briefing.writing.spelling import SpellCheck, WordSet, speller

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from PySide6.QtGui import QTextDocument

    from briefing.gui.list_editors import ListEditor
    from briefing.gui.pack_model import PackModel

TYPING_PAUSE_MS = 300  # underlines found while typing show after a pause this long
POLL_MS = 2000  # how often the team's word list is looked at for a colleague's additions
BATCH = 400  # words checked per trip to the worker


def _underline() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    fmt.setUnderlineColor(QColor("#d4351c"))  # GOV.UK's error red
    return fmt


class SpellService(QObject):
    """The app's one spell checker: which words to underline, and the menu's actions."""

    # Underline again: the words newly found misspelt (a frozenset: only paragraphs holding
    # one need it), or None when the accepted words changed (every paragraph).
    changed = Signal(object)

    def __init__(
        self, model: PackModel, library_root: Callable[[], Path], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.library_root = library_root
        self.enabled = True
        self.underline = _underline()
        self._team: frozenset[str] = frozenset()
        self._ignored: tuple[str, ...] = ()
        self.accepted = WordSet()
        self._checks: dict[str, SpellCheck] = {}
        self._pending: dict[str, set[str]] = {}
        self._busy = False
        self._refresh_words()
        model.value_changed.connect(self._value_changed)
        model.modelReset.connect(self._refresh_words)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._refresh_words)
        self._poll.start()
        self._want("en", ())  # load the English dictionary now, off the UI thread

    # -- the words accepted -----------------------------------------------------------------
    def _refresh_words(self) -> None:
        team = team_words(self.library_root())
        ignored = tuple(self.model.pack.ignore_words)
        if team == self._team and ignored == self._ignored and self.accepted.words:
            return
        self._team, self._ignored = team, ignored
        self._accept(WordSet.of(built_in_words(), team, ignored))

    def _accept(self, accepted: WordSet) -> None:
        self.accepted = accepted
        self._checks.clear()  # every word judged afresh against the new list
        self.changed.emit(None)

    def _value_changed(self, target: Any, attr: str) -> None:
        if attr == "ignore_words":
            self._refresh_words()
        elif attr == "language":
            self.changed.emit(None)

    # -- which words are misspelt -----------------------------------------------------------
    def spans(self, text: str, language: str = "en") -> list[tuple[int, int]]:
        """(start, length) of each word of `text` known to be misspelt. Words not yet looked
        up are sent to the worker and count as fine until their answer comes back."""
        if not self.enabled or not text:
            return []
        check = self._checks.get(language)
        if check is None:
            check = self._checks[language] = SpellCheck(speller(language).known, self.accepted)
        found = [(start, len(word)) for start, word in check.find(text)]
        if check.pending:
            self._want(language, check.pending)
            check.pending = set()
        return found

    def _want(self, language: str, words: Any) -> None:
        self._pending.setdefault(language, set()).update(words)
        if not self._busy:
            self._busy = True
            QTimer.singleShot(0, self._dispatch)

    def _dispatch(self) -> None:
        language = next((lang for lang, words in self._pending.items()), None)
        if language is None:
            self._busy = False
            return
        words = self._pending[language]
        batch = [words.pop() for _ in range(min(BATCH, len(words)))]
        if not words:
            del self._pending[language]
        run_in_background(_look_up, language, batch, on_done=self._answered, on_error=self._failed)

    def _answered(self, misspelt: list[str]) -> None:
        if misspelt:  # words found fine need nothing: they were never underlined
            self.changed.emit(frozenset(misspelt))
        self._dispatch()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.enabled = False  # a damaged install: say so once, never underline at random
        parent = self.parent()
        QMessageBox.warning(
            parent if isinstance(parent, QWidget) else None,
            "Spelling",
            f"Spell check is off: {exc}",
        )

    # -- the menu's actions -------------------------------------------------------------------
    def suggestions(self, word: str, language: str = "en") -> tuple[str, ...] | None:
        """What to offer for `word` now: the words one edit away (milliseconds), or None when
        there are none and only Hunspell's fuller search may find some (see `search`)."""
        spell = speller(language)
        offers = spell.suggest(word, thorough=False)
        return offers if offers or spell.searched(word) else None

    def search(self, word: str, language: str, on_done: Callable[[tuple[str, ...]], None]) -> Any:
        """Hunspell's fuller search for `word` on the worker (a second on a slow laptop: the
        menu is open meanwhile); `on_done` gets the offers. Returns the task, to cancel."""
        return run_in_background(
            speller(language).suggest, word, on_done=on_done, on_error=lambda _exc: on_done(())
        )

    def add_to_dictionary(self, word: str) -> None:
        """Add `word` to the team's word list in the library folder (underlines go at once)."""
        self._team = self._team | {word}
        self._accept(WordSet.of(built_in_words(), self._team, self._ignored))
        root = self.library_root()

        def failed(exc: BaseException) -> None:
            parent = self.parent()
            QMessageBox.warning(
                parent if isinstance(parent, QWidget) else None,
                "Spelling",
                f"“{word}” could not be added to the word list in {root}: {exc}"
                if isinstance(exc, BriefingError | OSError)
                else f"“{word}” could not be added to the word list: {exc}",
            )

        run_in_background(
            add_team_word, root, word, on_done=lambda _p: self._refresh_words(), on_error=failed
        )

    def ignore(self, word: str) -> None:
        """Pass `word` in this pack (kept in the pack's ignore_words; undoable)."""
        pack = self.model.pack
        if word in pack.ignore_words:
            return
        self.model.undo_stack.push(
            SetAttr(
                self.model, pack, "ignore_words", [*pack.ignore_words, word], f"Ignore “{word}”"
            )
        )

    # -- fields -------------------------------------------------------------------------------
    def attach(self, widget: QWidget, language: Callable[[], str] | None = None) -> QObject:
        """Underline misspellings in a QPlainTextEdit or QLineEdit and give it the spelling
        menu; `language` says which dictionary applies ("en" when not given)."""
        lang = language or _english
        if isinstance(widget, QPlainTextEdit):
            helper: QObject = SpellHighlighter(widget.document(), self, lang)
        elif isinstance(widget, QLineEdit):
            helper = LineUnderliner(widget, self, lang)
        else:
            raise TypeError(f"cannot spell-check a {type(widget).__name__}")
        menu = SpellMenu(widget, self, lang)
        widget.setProperty("spellMenu", menu)
        return helper

    def attach_list(self, entries: ListEditor, language: Callable[[], str] | None = None) -> None:
        """Underline misspellings in a list of points: in each entry as shown, and in the
        entry being edited in place (with the spelling menu there)."""
        lang = language or _english
        delegate = entries.delegate
        delegate.on_editor = lambda editor: self.attach(editor, lang)
        delegate.mark = self.underline
        delegate.marked = lambda text: self.spans(text, lang())
        self.changed.connect(lambda _words: entries.list.viewport().update())


def _english() -> str:
    return "en"


def _look_up(language: str, words: list[str]) -> list[str]:
    """On the worker: look each word up (loading the dictionary the first time); the ones
    misspelt. Suggestions are left to the menu: Hunspell holds Python's lock while it works,
    so any more work here would slow the typing it is meant to stay out of."""
    spell = speller(language)
    spell.load()
    return [word for word in words if not spell.is_word(word)]


class SpellHighlighter(QSyntaxHighlighter):
    """Underlines misspelt words in a text document, paragraph by paragraph."""

    def __init__(
        self, document: QTextDocument, service: SpellService, language: Callable[[], str]
    ) -> None:
        super().__init__(document)
        self.service = service
        self.language = language
        # While the officer types, answers wait for a pause: underlining a long paragraph
        # lays it out again, and that should not happen between two keystrokes.
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._paused)
        self._waiting: set[str] = set()
        # Each paragraph's text and misspelt words when last checked, by its block's state.
        self._seen: dict[int, tuple[str, str, list[tuple[int, int]]]] = {}
        self._next_key = 0
        self._whole = False  # check paragraphs whole (see again)
        document.contentsChange.connect(lambda *_: self._typing.start())
        service.changed.connect(self.again)

    def _paused(self) -> None:
        words, self._waiting = self._waiting, set()
        if words:
            self.again(frozenset(words))

    def again(self, words: frozenset[str] | None = None) -> None:
        """Underline again the paragraphs holding one of `words` (every paragraph when None).
        The document's signals are held meanwhile: a new underline is not an edit, and the
        fields push an undo step on every text change."""
        document = self.document()
        if document is None:
            return
        if words is not None and self._typing.isActive():
            self._waiting |= words  # new answers mid-typing: shown once the officer pauses
            return
        if words is None:
            self._waiting = set()  # everything is underlined again now
        blocked = document.blockSignals(True)
        self._whole = True
        try:
            if words is None:
                self.rehighlight()
                return
            block = document.begin()
            while block.isValid():
                text = block.text()
                if any(word in text for word in words):
                    self.rehighlightBlock(block)
                block = block.next()
        finally:
            self._whole = False
            document.blockSignals(blocked)

    def highlightBlock(self, text: str) -> None:
        for start, length in self._spans(text):
            self.setFormat(start, length, self.service.underline)

    def _spans(self, text: str) -> list[tuple[int, int]]:
        """The misspelt words of this paragraph. A paragraph seen before (remembered by its
        block's state) is checked again only between the first and last characters that
        changed, widened to whole words: one key in a 2,000-word paragraph checks a word or
        two, not the paragraph. `again` checks paragraphs whole (new answers, new words)."""
        language = self.language()
        key = self.currentBlockState()
        seen = None if self._whole or key < 0 else self._seen.get(key)
        if seen is None or seen[0] != language:
            spans = self.service.spans(text, language)
        else:
            spans = _respanned(
                seen[1], seen[2], text, lambda part: self.service.spans(part, language)
            )
        if key < 0:  # a paragraph not seen before
            key = self._next_key = self._next_key + 1
            self.setCurrentBlockState(key)
        if len(self._seen) > 4 * self.document().blockCount() + 64:
            self._seen.clear()  # paragraphs deleted: forget them
        self._seen[key] = (language, text, spans)
        return spans

    def misspelt(self) -> list[str]:
        """The words underlined now, in order (for tests and screen reader hints)."""
        found = []
        block = self.document().begin()
        while block.isValid():
            text = block.text()
            for fmt in block.layout().formats():
                if (
                    fmt.format.underlineStyle()
                    == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
                ):
                    found.append(text[fmt.start : fmt.start + fmt.length])
            block = block.next()
        return found


def _respanned(
    old: str, spans: list[tuple[int, int]], new: str, check: Callable[[str], list[tuple[int, int]]]
) -> list[tuple[int, int]]:
    """The misspelt words of `new`, knowing those of `old` (`spans`): only the stretch between
    the first and last characters that differ is checked (by `check`), widened to spaces so
    it holds whole words and addresses; the words either side keep their answers."""
    start = _common_prefix(old, new)
    tail = _common_prefix(old[start:][::-1], new[start:][::-1])
    while start > 0 and not new[start - 1].isspace():
        start -= 1
    end = len(new) - tail
    while end < len(new) and not new[end].isspace():
        end += 1
    shift = len(new) - len(old)
    found = [span for span in spans if span[0] + span[1] <= start]
    found += [(start + at, length) for at, length in check(new[start:end])]
    found += [(at + shift, length) for at, length in spans if at >= end - shift]
    return found


def _common_prefix(a: str, b: str) -> int:
    """How many characters `a` and `b` share at their start (halving: C-speed comparisons)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        mid = (low + high + 1) // 2
        if a[:mid] == b[:mid]:
            low = mid
        else:
            high = mid - 1
    return low


class LineUnderliner(QObject):
    """Underlines misspelt words in a one-line field (a QLineEdit has no highlighter: the
    underline is given as the text formats of an empty input-method event)."""

    def __init__(self, edit: QLineEdit, service: SpellService, language: Callable[[], str]) -> None:
        super().__init__(edit)
        self.edit = edit
        self.service = service
        self.language = language
        self.spans: list[tuple[int, int]] = []
        edit.textChanged.connect(self.update)
        service.changed.connect(self.update)
        self.update()

    def update(self, _words: object = None) -> None:
        text = self.edit.text()
        spans = self.service.spans(text, self.language())
        if spans == self.spans and spans == []:
            return
        self.spans = spans
        here = self.edit.cursorPosition()
        attributes = [
            QInputMethodEvent.Attribute(
                QInputMethodEvent.AttributeType.TextFormat,
                start - here,
                length,
                self.service.underline,
            )
            for start, length in spans
        ]
        QApplication.sendEvent(self.edit, QInputMethodEvent("", attributes))

    def misspelt(self) -> list[str]:
        text = self.edit.text()
        return [text[start : start + length] for start, length in self.spans]


def _separator(menu: QMenu) -> QAction:
    line = QAction(menu)
    line.setSeparator(True)
    return line


class SpellMenu(QObject):
    """The field's context menu with the spelling actions first, on right-click, the context
    menu key and Shift+F10."""

    def __init__(self, widget: QWidget, service: SpellService, language: Callable[[], str]) -> None:
        super().__init__(widget)
        self.widget = widget
        self.service = service
        self.language = language
        widget.installEventFilter(self)
        if isinstance(widget, QPlainTextEdit):
            widget.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            from_keyboard = event.reason() == QContextMenuEvent.Reason.Keyboard
            self.popup(
                None if from_keyboard else self._to_widget(watched, event.pos()),
                None if from_keyboard else event.globalPos(),
            )
            return True
        if kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease) and isinstance(event, QKeyEvent):
            key, mods = event.key(), event.modifiers()
            if key == Qt.Key.Key_Menu or (
                key == Qt.Key.Key_F10 and mods == Qt.KeyboardModifier.ShiftModifier
            ):
                if kind == QEvent.Type.KeyPress:
                    self.popup()
                return True
        return False

    def _to_widget(self, watched: QObject, pos: QPoint) -> QPoint:
        if isinstance(watched, QWidget) and watched is not self.widget:
            return watched.mapTo(self.widget, pos)
        return pos

    def popup(self, pos: QPoint | None = None, global_pos: QPoint | None = None) -> None:
        """Open the menu for the word at `pos` (widget coordinates), else at the cursor."""
        menu = self.menu(pos)
        if global_pos is None:
            global_pos = self.widget.mapToGlobal(self._cursor_point())
        menu.exec(global_pos)
        self.closed(menu)
        menu.deleteLater()

    def closed(self, menu: QMenu) -> None:
        """The menu is gone: a search still running for it reports to no one."""
        task = menu.property("search")
        if task is not None:
            task.cancel()

    def _cursor_point(self) -> QPoint:
        widget = self.widget
        if isinstance(widget, QPlainTextEdit):
            rect = widget.cursorRect()
            return widget.viewport().mapTo(widget, rect.bottomLeft())
        if isinstance(widget, QLineEdit):
            return widget.cursorRect().bottomLeft()
        return QPoint(0, 0)

    def word_at(self, pos: QPoint | None = None) -> tuple[int, int, str] | None:
        """(start, end, word) of the misspelt word at `pos` (or at the cursor), if any."""
        widget = self.widget
        if isinstance(widget, QPlainTextEdit):
            if pos is None:
                cursor = widget.textCursor()
            else:
                cursor = widget.cursorForPosition(widget.viewport().mapFrom(widget, pos))
            block = cursor.block()
            text, base, at = block.text(), block.position(), cursor.positionInBlock()
        elif isinstance(widget, QLineEdit):
            text, base = widget.text(), 0
            at = widget.cursorPosition() if pos is None else widget.cursorPositionAt(pos)
        else:
            return None
        for start, length in self.service.spans(text, self.language()):
            if start <= at <= start + length:
                return base + start, base + start + length, text[start : start + length]
        return None

    def menu(self, pos: QPoint | None = None) -> QMenu:
        widget = self.widget
        standard = (
            widget.createStandardContextMenu()
            if isinstance(widget, QPlainTextEdit | QLineEdit)
            else QMenu(widget)
        )
        found = self.word_at(pos)
        if found is None:
            return standard
        start, end, word = found
        menu = standard
        menu.setAccessibleName(f"Spelling of {word}")
        before = menu.actions()[0] if menu.actions() else None
        language = self.language()
        offers = self.service.suggestions(word, language)
        ours = self._offers(menu, offers or (), start, end)
        if offers is None:  # the menu opens now; Hunspell's fuller search fills it in
            ours[0].setText("Looking for suggestions…")
            menu.setProperty(
                "search",
                self.service.search(
                    word, language, lambda found: self._found(menu, ours[0], found, start, end)
                ),
            )
        add = QAction(f"Add “{word}” to dictionary", menu)
        add.setToolTip("Add it to the team's word list in the library folder")
        add.triggered.connect(lambda: self.service.add_to_dictionary(word))
        ignore = QAction(f"Ignore “{word}” in this pack", menu)
        ignore.triggered.connect(lambda: self.service.ignore(word))
        for action in (*ours, _separator(menu), add, ignore, _separator(menu)):
            menu.insertAction(before, action)  # type: ignore[arg-type]  # None: at the end
        if offers:
            menu.setActiveAction(ours[0])  # Enter takes the best suggestion
        return menu

    def _offers(self, menu: QMenu, offers: tuple[str, ...], start: int, end: int) -> list[QAction]:
        """An action for each word offered, or "(No suggestions)"."""
        ours: list[QAction] = []
        for offer in offers:
            action = QAction(offer, menu)
            action.triggered.connect(lambda _=False, o=offer: self.replace(start, end, o))
            ours.append(action)
        if not offers:
            none = QAction("(No suggestions)", menu)
            none.setEnabled(False)
            ours.append(none)
        return ours

    def _found(
        self, menu: QMenu, waiting: QAction, offers: tuple[str, ...], start: int, end: int
    ) -> None:
        """The fuller search's offers, in place of "Looking for suggestions…" in the open menu
        (the first one active: Enter takes it)."""
        ours = self._offers(menu, offers, start, end)
        for action in ours:
            menu.insertAction(waiting, action)
        menu.removeAction(waiting)
        if offers:
            menu.setActiveAction(ours[0])

    def replace(self, start: int, end: int, word: str) -> None:
        """Put `word` in place of the text from start to end, as typing would (undoable)."""
        widget = self.widget
        if isinstance(widget, QPlainTextEdit):
            cursor = widget.textCursor()
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(word)
            widget.setTextCursor(cursor)
        elif isinstance(widget, QLineEdit):
            widget.setSelection(start, end - start)
            widget.insert(word)
