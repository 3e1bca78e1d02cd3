"""A page of a stacked widget that is built the first time it is wanted.

A window that comes up with a pack open shows the pack's first section, not its settings: the
settings form (some thirty fields) need not be built for that first paint. A `LazyPage` stands
in the stack where the page goes and builds it when code asks for it (`page()`), or when its
place is shown and stays shown until the events already waiting have run (a pack being opened
puts another page there first). The page then takes the stand-in's place in the stack, in the
Tab order and, if the stand-in had it, the keyboard focus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QStackedWidget, QWidget

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QShowEvent

P = TypeVar("P", bound=QWidget)


class LazyPage(QWidget, Generic[P]):
    def __init__(self, build: Callable[[], P], parent: QWidget) -> None:
        # Made where the page would have been made, so that it holds the page's place in the
        # window's Tab order (Qt orders Tab by when widgets were made).
        super().__init__(parent)
        self._build = build
        self._page: P | None = None
        self.on_built: list[Callable[[P], None]] = []
        # Focus that arrives before the page exists passes to the page's first field.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def built(self) -> P | None:
        """The page, if it has been built (None before)."""
        return self._page

    def page(self) -> P:
        """The page, built now if need be."""
        if self._page is None:
            self._page = self._make()
        return self._page

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # After what is already waiting (opening the pack named on the command line, say),
        # and before the window's first paint, which Qt runs after those.
        QTimer.singleShot(0, self, self._still_shown)

    def _still_shown(self) -> None:
        if self._page is None and self.isVisible():
            self.page()

    def _make(self) -> P:
        page = self._build()
        stack = self.parentWidget()
        assert isinstance(stack, QStackedWidget), "a LazyPage stands in a QStackedWidget"
        # Into the stand-in's place in the Tab order: each of the page's widgets in turn.
        before: QWidget = self
        for widget in _focus_chain(page):
            if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:  # Qt orders only these
                QWidget.setTabOrder(before, widget)
                before = widget
        had_focus = self.hasFocus()
        shown = stack.currentWidget() is self
        stack.insertWidget(stack.indexOf(self), page)
        if shown:
            stack.setCurrentWidget(page)
        stack.removeWidget(self)
        self.hide()
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # out of the Tab order until it goes
        self.deleteLater()
        self._page = page
        for hook in self.on_built:
            hook(page)
        if had_focus:
            first = next((w for w in _focus_chain(page) if _takes_tab(w)), page)
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        return page


def _focus_chain(page: QWidget) -> list[QWidget]:
    """The page and every widget in it, in the window's Tab order."""
    chain = [page]
    widget = page.nextInFocusChain()
    while widget is not None and widget is not page and page.isAncestorOf(widget):
        chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def _takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.isVisibleTo(
        widget.window()
    )
