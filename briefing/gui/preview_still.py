"""The preview's pages held still while new ones are drawn.

The PDF view draws a page white until PDFium has rendered it (on a thread of its own), so each
time new pages are swapped in, the pages in view would flash white for a moment; in a long pack,
where the edited item's pages come first and the whole layout a moment after, twice per pause in
the typing. `StillFrame` covers the view with a picture of what it showed just before the swap
and takes it away once every page then in view has been rendered (or after HOLD_MS at most).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtPdf import QPdfPageRenderer
from PySide6.QtWidgets import QLabel

if TYPE_CHECKING:
    from PySide6.QtPdfWidgets import QPdfView

HOLD_MS = 400  # the longest the picture stays, should a page never be reported drawn


def pages_in_view(view: QPdfView) -> range:
    """The pages (from 0) at least partly in the view (every page the same size, one under
    another, as the preview's are)."""
    document = view.document()
    count = document.pageCount() if document is not None else 0
    if count == 0:
        return range(0)
    bar = view.verticalScrollBar()
    height = view.viewport().height()
    per_page = (bar.maximum() + height) / count
    top = int(bar.value() // per_page)
    return range(top, min(count, int((bar.value() + height) // per_page) + 1))


class StillFrame(QLabel):
    """A picture of the view's pages over the view, while its new pages are being drawn."""

    def __init__(self, view: QPdfView) -> None:
        super().__init__(view.viewport())
        self.view = view
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()
        self._waiting: set[int] = set()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(HOLD_MS)
        self.timer.timeout.connect(self.release)
        renderer = view.findChild(QPdfPageRenderer)
        if renderer is not None:
            renderer.pageRendered.connect(lambda page, *_rest: self._drawn(page))

    def hold(self) -> None:
        """Cover the view with what it shows now (call before swapping its pages)."""
        viewport = self.view.viewport()
        if not viewport.isVisible() or not pages_in_view(self.view):
            return
        self.hide()  # (not in its own picture)
        self.setPixmap(viewport.grab())
        self.setGeometry(viewport.rect())
        self._waiting = set()
        self.show()
        self.raise_()
        self.timer.start()

    def watch(self) -> None:
        """The new pages are in place: uncover the view once those in view are drawn."""
        if self.isVisible():
            self._waiting = set(pages_in_view(self.view))
            if not self._waiting:
                self.release()

    def _drawn(self, page: int) -> None:
        if self.isVisible() and page in self._waiting:
            self._waiting.discard(page)
            if not self._waiting:
                self.release()

    def release(self) -> None:
        self.timer.stop()
        self._waiting = set()
        self.hide()
        self.clear()
