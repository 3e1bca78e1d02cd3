"""The live preview: the real PDF, rendered off the UI thread shortly after each edit.

Edits restart a short timer; when it fires, a copy of the pack is composed and rendered on a
worker thread while typing carries on. Only one render runs at a time; a result that is older
than the latest edit is thrown away, and another render follows at once. In a long pack the
pages of the item being edited come first, laid out on their own where they fall in the whole
(briefing/export/pdf/typst/part.py) and swapped into the pages shown; the whole layout replaces
them when it is done (or the pages before, if it fails).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QPointF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QPalette
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from briefing.errors import BriefingError
from briefing.gui.focus_ring import ring_inside
from briefing.gui.preview_pages import Bookmarks, bookmarks, item_pages
from briefing.gui.spoken import describe_label
from briefing.gui.workers import Task, lane, run_in_background
from briefing.model.pack import FULL_AUDIENCE
from briefing.uk.wording import plural

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from briefing.document.model import Document
    from briefing.export.pdf.typst.writer import LayoutSession
    from briefing.gui.pack_model import PackModel
    from briefing.gui.preview_still import StillFrame
    from briefing.model import Item, Pack

DEBOUNCE_MS = 600
# From this many pages the whole layout takes long enough that the edited item's pages are laid
# out on their own first (a part takes 15-80 ms to lay out and swap in; a 30-page briefing,
# whole, about 150 ms).
PART_FROM_PAGES = 30
EMPTY_PREVIEW = (
    "The preview appears here: add an article to the pack from the library on the "
    "left, and the printed pages show here as you write."
)
RENDERING = "Rendering preview\u2026"
NO_PREVIEW = "No preview: see the message above."


@dataclass
class Pages:
    """A PDF made for the preview, made ready to show on the worker: its bookmarks read, the
    document loaded and each page's size read (PDFium's work, 25-30 ms at 300 items, which the
    window's thread spent before), then handed to the window's thread to swap in."""

    pdf: bytes
    outline: Bookmarks
    document: QPdfDocument
    count: int  # pages
    part: bool = False  # the pages shown before with the edited item's swapped in

    @classmethod
    def of(cls, pdf: bytes, outline: Bookmarks | None = None, part: bool = False) -> Pages:
        """Runs on the worker: the document is moved to the window's thread once loaded. The
        bookmarks are read from the PDF unless given."""
        document = QPdfDocument()
        buffer = QBuffer(document)  # read by the document as it draws: kept with it
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document.load(buffer)
        count = document.pageCount()
        for page in range(count):  # the view asks each page's size when the document is
            document.pagePointSize(page)  # swapped in: PDFium keeps them now
        application = QCoreApplication.instance()
        if application is not None:
            document.moveToThread(application.thread())
        outline = bookmarks(pdf) if outline is None else outline
        return cls(pdf, outline, document, count, part)


@dataclass
class Rendered:
    pdf: bytes = b""
    pages: Pages | None = None  # the PDF ready to show (made on the worker, with the PDF)
    error: str = ""
    findings: list[Any] = field(default_factory=list)
    # The reading ease of the version's summaries and its hardest ones (for the checks panel).
    readability: tuple[Any, Any] = (None, [])


class PackLayout:
    """The open pack's Typst compile context (a LayoutSession), made on the worker by the first
    preview of the pack and kept until the pack closes, so that each preview after an edit
    reuses the layout of the one before. Only one preview uses it at a time."""

    def __init__(self) -> None:
        self._session: LayoutSession | None = None
        self._lock = threading.Lock()
        self.closed = False

    def session(self) -> LayoutSession | None:
        """The session (made now if need be), or None once the pack has closed."""
        from briefing.export.pdf.typst.writer import LayoutSession

        with self._lock:
            if self._session is None and not self.closed:
                self._session = LayoutSession()
            return self._session

    def close(self) -> None:
        """Let the layout go (waits for a compile under way: call it off the window's thread)."""
        with self._lock:
            self.closed = True
            session, self._session = self._session, None
        if session is not None:
            session.close()


def _with_part(whole: Pages, anchor: str, document: Document) -> list[Pages]:
    """On the worker: the pages of `whole` with those of the item headed `anchor` swapped in,
    laid out from the edited `document` on their own (none when they cannot be: part.py)."""
    from briefing.export.pdf.typst.part import lay_out_part, spliced

    part = lay_out_part(document, whole.outline, whole.count, anchor)
    if part is None:
        return []
    return [Pages.of(spliced(whole.pdf, part), whole.outline, part=True)]


def render_preview(
    pack: Pack,
    base_dir: Path,
    pages_ready: Callable[[bytes], None] | None = None,
    audience: str | None = None,
    history_of: Path | None = None,
    changes_since: int | None = None,
    layout: PackLayout | None = None,
    composed: Callable[[Document], None] | None = None,
) -> Rendered:
    """`check_and_render`, compiling in the open pack's `layout` (kept for the next preview);
    without one, the next preview starts from the memory this one used. The PDF engine loads
    with the first preview, not with the window."""
    from briefing.export.pdf.typst.writer import releasing_layout_cache

    session = layout.session() if layout is not None else None
    if session is None:
        return releasing_layout_cache(check_and_render)(
            pack, base_dir, pages_ready, audience, history_of, changes_since, composed
        )

    def shown(pdf: bytes) -> None:
        if pages_ready is not None:
            pages_ready(pdf)
        session.tidy()  # while the checks run: off the time the officer waits for the pages

    with session.active():
        result = check_and_render(
            pack,
            base_dir,
            shown if pages_ready else None,
            audience,
            history_of,
            changes_since,
            composed,
        )
    session.tidy()  # if the pages were not made ahead of the checks
    return result


def check_and_render(
    pack: Pack,
    base_dir: Path,
    pages_ready: Callable[[bytes], None] | None = None,
    audience: str | None = None,
    history_of: Path | None = None,
    changes_since: int | None = None,
    composed: Callable[[Document], None] | None = None,
) -> Rendered:
    """Check and render a pack as `audience` sees it (runs on a worker thread, on a private
    copy): the same rules as `briefing check`, on the pack and on the PDF shown. The PDF is
    made first and handed to `pages_ready`, so the pages show before the checks are done (and
    before it, the composed briefing goes to `composed`, which may lay out a part of it). The
    Word file is built for its checks only when the pack names its own Word template: with the
    bundled template its language, headings and picture descriptions are Briefing's own, and
    the preview stays quick."""
    from briefing.build import BUILD_FAILED, BuildRequest, check
    from briefing.build.job import run_pack_rules, start
    from briefing.checks.writing import readability

    result = Rendered()
    formats = ("pdf", "docx") if pack.layout.template else ("pdf",)
    request = BuildRequest(
        pack, base_dir, formats, (audience,), history_of=history_of, changes_since=changes_since
    )
    # One job: the version resolved and composed once, for the pages shown, the checks and
    # the files they read.
    job = start(request, audience, rules=False)
    if pack.sections and pages_ready is not None:
        from briefing.export.registry import render

        if composed is not None:
            composed(job.document)
        try:
            job.rendered["pdf"] = render("pdf", job.document)
        except Exception:  # the checks below build it again and explain
            job.rendered.clear()
        else:
            pages_ready(job.rendered["pdf"].data)
    try:
        run_pack_rules(job)
    except BriefingError as exc:
        result.error = str(exc)
    result.findings = list(job.findings)
    result.readability = readability(job.view())
    if not pack.sections:
        result.error = result.error or "Add a section or some articles to see the preview."
        return result
    report = check(request, [job])
    result.findings = [f for f in report.findings if f.rule != BUILD_FAILED]
    made = job.rendered.get("pdf")
    result.pdf = made.data if made is not None else b""
    failed = [f.message for f in report.findings if f.rule == BUILD_FAILED]
    if failed and not result.error:
        result.error = failed[0]
    return result


class Preview(QWidget):
    page_count_changed = Signal(int)
    pages_shown = Signal()  # new pages are on screen (the checks follow)
    findings_ready = Signal(list)
    readability_ready = Signal(object)  # (overall ease, hardest summaries), with the findings
    rendered = Signal()  # after each completed render (tests and the benchmark wait on it)

    def __init__(
        self, model: PackModel, base_dir: Callable[[], Path], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.base_dir = base_dir
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName("Preview of the printed briefing")
        self._still: StillFrame | None = None  # made at the first swap of pages (see still)
        ring_inside(self.view)  # it fills its pane, so focus shows inside it
        self.view.setToolTip("The real PDF output, page by page. F5 refreshes it now.")
        self.pages = QLabel("No preview yet", self)
        describe_label(self.pages, "Page count")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        describe_label(self.message, "Preview message")
        self.message.hide()
        refresh = QPushButton("Refresh", self)
        refresh.setToolTip("Render the preview now (F5)")
        refresh.setAccessibleName("Refresh preview")
        refresh.clicked.connect(self.refresh_now)
        self.audience = QComboBox(self)
        # Long labels must not widen the pane: the combo shrinks and shows the rest in its list.
        self.audience.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.audience.setMinimumContentsLength(8)
        self.audience.setAccessibleName("Version to preview")
        self.audience.setToolTip(
            "Which version of the briefing to preview: the members' full "
            "version, the public one without exempt items, or the summary"
        )
        self._choices: list[tuple[str, str]] = []
        self._update_choices()
        self.audience.currentIndexChanged.connect(lambda _row: self.schedule_now())
        # Compare with…: the preview with a "Changes since version N" page (History fills it).
        self.pack_path: Callable[[], Path | None] = lambda: None
        # The item being edited: new pages open at its page (the window sets it).
        self.focus_item: Callable[[], Item | None] = lambda: None
        self.compare = QComboBox(self)
        self.compare.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.compare.setMinimumContentsLength(8)
        self.compare.setAccessibleName("Compare with")
        self.compare.setToolTip(
            "Compare with an issued version: the preview shows a "
            "“Changes since version N” page before the first section"
        )
        self.compare.currentIndexChanged.connect(lambda _row: self.schedule_now())
        self.compare.hide()
        top = QHBoxLayout()
        top.addWidget(self.pages, 1)
        top.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        version = QHBoxLayout()  # its own row: the pane stays as narrow as before
        version_label = QLabel("Versio&n", self)
        version_label.setBuddy(self.audience)  # the label screen readers read it by
        version.addWidget(version_label)
        version.addWidget(self.audience, 1)
        layout.addLayout(version)
        layout.addWidget(self.compare)
        layout.addWidget(self.message)
        # Until there are pages to show, say why rather than leave a blank grey area.
        self.placeholder = QLabel(EMPTY_PREVIEW, self)
        self.placeholder.setWordWrap(True)
        self.placeholder.setTextFormat(Qt.TextFormat.PlainText)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setMargin(16)
        describe_label(self.placeholder, "Preview status")
        self.placeholder.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.view)
        layout.addWidget(self.stack, 1)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh_now)
        self.generation = 0  # bumped on every change; a render is current if it matches
        self.busy = False
        self.page_count = 0
        self.last_render_s = 0.0
        self._task: Task | None = None
        self._early_pdf = b""
        self._shown_pdf = b""  # the PDF on screen
        # The last whole layout shown: the edited item's pages are swapped into it, and it is
        # shown again should the layout they stand in for fail.
        self._whole: Pages | None = None
        self._laid_out = -1  # the generation (edits counted) of the last render finished
        self.enabled = True
        # Renders, and letting layouts go, run one at a time on a thread of their own.
        self.lane = lane("preview")
        # The open pack's layout, kept between previews; let go when another pack replaces it.
        self.pack_layout = PackLayout()
        self._layout_of: Pack = model.pack
        model.pack_changed.connect(self.schedule)

    def stop(self) -> None:
        """No more renders, and the running one (if any) reports to nobody: the window closes."""
        self.enabled = False
        self.timer.stop()
        if self._task is not None:
            self._task.cancel()
        run_in_background(self.pack_layout.close, pool=self.lane)  # after a compile

    def _follow_pack(self) -> None:
        """Another pack is open (opened, new or restored): the last one's layout goes, on a
        worker (after a compile under way), and the new pack gets its own."""
        if self.model.pack is not self._layout_of:
            self._layout_of = self.model.pack
            self._whole = None  # another pack's pages: no part is laid out on them
            run_in_background(self.pack_layout.close, pool=self.lane)
            self.pack_layout = PackLayout()

    def set_versions(self, numbers: list[int]) -> None:
        """Offer "Compare with" each issued version (newest first); hidden before the first."""
        wanted = [None, *sorted(numbers, reverse=True)]
        if [self.compare.itemData(n) for n in range(self.compare.count())] == wanted:
            return
        current = self.compare.currentData()
        self.compare.blockSignals(True)
        try:
            self.compare.clear()
            self.compare.addItem("Compare with: no changes page", None)
            for number in wanted[1:]:
                self.compare.addItem(f"Compare with version {number}", number)
            self.compare.setCurrentIndex(max(0, self.compare.findData(current)))
        finally:
            self.compare.blockSignals(False)
        self.compare.setVisible(bool(numbers))

    def chosen_audience(self) -> str | None:
        audience: str | None = self.audience.currentData()
        return audience

    def _update_choices(self) -> None:
        """Offer the pack's audiences (kept in step as its audiences change)."""
        from briefing.model.versions import audience_choices

        choices = audience_choices(self.model.pack)
        if choices == self._choices:
            return
        current = self.audience.currentData()
        self._choices = choices
        self.audience.blockSignals(True)
        try:
            self.audience.clear()
            for name, label in choices:
                self.audience.addItem(label, name)
            self.audience.setCurrentIndex(max(0, self.audience.findData(current)))
        finally:
            self.audience.blockSignals(False)

    def schedule_now(self) -> None:
        """Another version was chosen: render it straight away."""
        self.generation += 1
        self._whole = None  # (its pages are another version's: no part is laid out on them)
        if self.enabled:
            self.refresh_now()

    def schedule(self) -> None:
        self._follow_pack()
        self._update_choices()
        self.generation += 1
        if self.enabled:
            self.timer.start()
            self._waiting()

    def _waiting(self) -> None:
        """Before the first pages: say a render is on its way (or what to do to get one)."""
        if self.page_count == 0:
            self._placeholder(RENDERING if self.model.pack.sections else EMPTY_PREVIEW)

    def _placeholder(self, text: str) -> None:
        self.placeholder.setText(text)
        self.stack.setCurrentWidget(self.placeholder)

    def refresh_now(self) -> None:
        self.timer.stop()
        if self.busy:  # the running render will be followed by a fresh one
            return
        self.busy = True
        self._waiting()
        started = self.generation
        import pickle  # from the first render on, not at start-up

        # The worker never sees later edits: it unpickles its own copy of the pack (pickling
        # here is several times quicker than a deep copy, and the window's time is what counts).
        snapshot = pickle.dumps(self.model.pack, protocol=pickle.HIGHEST_PROTOCOL)
        t0 = time.perf_counter()
        early: list[Pages] = []  # the PDF, before the checks have run
        self._early_pdf = b""

        audience = self.chosen_audience()
        history_of, since = self.pack_path(), self.compare.currentData()
        self._follow_pack()
        layout = self.pack_layout
        parts: list[Pages] = []  # the edited item's pages, before the whole layout's
        whole, anchor = self._whole, self._edited_anchor()

        def work(snapshot: bytes, base_dir: Path, progress: Callable[..., None]) -> Rendered:
            def ready(pdf: bytes) -> None:
                early.append(Pages.of(pdf))
                progress(1, 2, "pages")

            def part_first(document: Document) -> None:
                parts.extend(_with_part(whole, anchor, document) if whole and anchor else [])
                if parts:
                    progress(0, 2, "part")

            result = render_preview(
                pickle.loads(snapshot),
                base_dir,
                ready,
                audience,
                history_of,
                since,
                layout,
                part_first,
            )
            if result.pdf:  # ready to show, made here rather than on the window's time
                same = early and early[-1].pdf == result.pdf
                result.pages = early[-1] if same else Pages.of(result.pdf)
            return result

        def pages(_done: int, _total: int, message: str) -> None:
            if started != self.generation:
                return  # stale: a render of the latest edit follows
            if message == "part":  # unless the whole layout is on screen already
                if parts and not self._early_pdf:
                    self._present(parts[-1])
            elif early:  # the whole layout: show the pages now, the checks follow
                self._early_pdf = early[-1].pdf
                self._present(early[-1])

        def done(result: Rendered) -> None:
            self.busy = False
            self.last_render_s = time.perf_counter() - t0
            if started != self.generation:
                self.refresh_now()  # stale: the pack changed while rendering
                return
            self._laid_out = started
            self._show(result)

        def failed(exc: BaseException) -> None:
            self.busy = False
            self._show(Rendered(error=f"The preview could not be made: {exc}"))

        self._task = run_in_background(
            work,
            snapshot,
            self.base_dir(),
            on_done=done,
            on_error=failed,
            on_progress=pages,
            pool=self.lane,
        )

    def _show(self, result: Rendered) -> None:
        empty = not self.model.pack.sections
        if result.error and not empty:  # an empty pack is explained by the placeholder
            self.message.setText(result.error)
            self.message.show()
        else:
            self.message.hide()
        if result.pages is not None:
            if result.pdf != self._early_pdf:  # not already shown ahead of the checks
                self._present(result.pages)
        elif self._whole is not None and self._shown_pdf != self._whole.pdf and not empty:
            self._present(self._whole)  # the item's pages stood in for a layout that failed
        elif empty:
            self.document.close()
            self._shown_pdf = b""
            self._whole = None
            self.view.setUpdatesEnabled(True)  # if pages were still to open
            self.page_count = 0
            self.pages.setText("No pages yet")
            self.page_count_changed.emit(0)
            self._placeholder(EMPTY_PREVIEW)
        elif self.page_count == 0:
            self._placeholder(NO_PREVIEW)
        # The page budget is among them: the PDF writer counts its pages (for the version
        # previewed, held to its own budget).
        self.findings_ready.emit(list(result.findings))
        self.readability_ready.emit(result.readability)
        self.rendered.emit()

    def _present(self, pages: Pages) -> None:
        """Show these pages; `pages_shown` follows once they are drawn at the item's page."""
        self.stack.setCurrentWidget(self.view)
        if not self._load(pages):
            self.pages_shown.emit()  # the same pages as before: on screen already

    def _load(self, pages: Pages) -> bool:
        """Swap in new pages, loaded on the worker (False if they are the ones shown: nothing
        to redraw)."""
        data, outline = pages.pdf, pages.outline
        if data == self._shown_pdf:
            return False  # the same pages (a render with no change)
        self._shown_pdf = data
        page = self.view.pageNavigator().currentPage()
        scrolled = self.view.verticalScrollBar().value()
        self.still.hold()
        old, self.document = self.document, pages.document
        self.document.setParent(self)
        self.view.setDocument(self.document)
        # The last whole layout's document is kept while the edited item's pages stand in.
        if pages.part:
            if self._whole is None or old is not self._whole.document:
                old.deleteLater()
        else:
            if self._whole is not None and self._whole.document not in (old, pages.document):
                self._whole.document.deleteLater()  # kept while a part stood in
            if old is not pages.document:
                old.deleteLater()
            self._whole = pages
        self.page_count = self.document.pageCount()
        n = self.page_count
        self.pages.setText(plural(n, "page"))
        self.page_count_changed.emit(n)
        # Finding the item's page: done on the event loop's next turn (so a keystroke waiting
        # is handled between the two halves), with the view not drawn until then, so the page
        # the officer is working on is still the one drawn first.
        self.view.setUpdatesEnabled(False)
        QTimer.singleShot(0, self, lambda: self._open_at(data, outline, page, scrolled))
        return True

    def _open_at(self, data: bytes, outline: Bookmarks, page: int, scrolled: int) -> None:
        """Open the pages shown at the item being edited, else where the view was (`page`, the
        page shown before, scrolled to `scrolled`): pages swapped in for the same pages stay
        where they were."""
        if data is not self._shown_pdf:
            return  # newer pages (or none) replaced these meanwhile: they open themselves
        self.view.setUpdatesEnabled(True)
        item = self.focus_item()
        pages = (
            item_pages(outline, self.page_count, self.model.pack, item)
            if item is not None
            else None
        )
        if pages is not None and not pages[0] <= page <= pages[1]:
            # the page the officer is working on, drawn first
            self.view.pageNavigator().jump(pages[0], QPointF(), self.view.zoomFactor())
        elif page < self.page_count:
            self.view.verticalScrollBar().setValue(scrolled)
        if self._still is not None:
            self._still.watch()
        self.pages_shown.emit()

    @property
    def still(self) -> StillFrame:
        """The pages shown, held while new ones are drawn: made when first needed, since
        making it at start-up has PySide make Qt classes the first window does not use."""
        if self._still is None:
            from briefing.gui.preview_still import StillFrame

            self._still = StillFrame(self.view)
        return self._still

    def _edited_anchor(self) -> str | None:
        """The edited item's heading in the composed members' version (whose items are those of
        the pack, in order), when the preview shows that version without a changes page and
        in a briefing long enough for its pages to be worth laying out first (and only after
        an edit: not when F5 lays out the pages shown again)."""
        if self.generation == self._laid_out:
            return None
        item = self.focus_item()
        if item is None or self._whole is None or self._whole.count < PART_FROM_PAGES:
            return None
        if self.chosen_audience() not in (None, FULL_AUDIENCE):
            return None
        if self.compare.currentData() is not None:
            return None
        for s_no, section in enumerate(self.model.pack.sections, 1):
            for i_no, other in enumerate(section.items, 1):
                if other is item:
                    return f"item-{s_no}-{i_no}"
        return None
