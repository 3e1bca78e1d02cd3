"""The tagged PDF writer: a Document becomes a PDF/UA-1 and PDF/A-2a file, laid out by Typst.

The fixed template in assets/typst/briefing.typ is given the document as JSON (strings are values,
never markup) in a private folder with the pictures, so the compiler reads nothing else from disk
and never reaches the network. The file carries a structure tree for screen readers
(headings, lists, quotes, tables with header cells, the logo as a figure with its description),
its language and title, bookmarks and a linked contents; page furniture is marked as artifacts.
The same pack gives a byte-identical file: the creation date is the pack's date (or
SOURCE_DATE_EPOCH when set).
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import logging
import os
import re
import shutil
import threading
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from briefing.errors import BriefingError
from briefing.export.pdf.typst.data import typst_input
from briefing.export.pdf.typst.fonts import (
    BUNDLED_FAMILY,
    font_collection,
    missing_glyphs,
    needs_fallback,
)
from briefing.export.rendered import Rendered
from briefing.files.safe_write import atomic_write_bytes
from briefing.files.scratch import scratch_folder
from briefing.files.shipped import asset
from briefing.limits.memory import give_back_freed_memory

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    import typst
    from typst import PDFStandard

    from briefing.document.model import Document
    from briefing.export.pdf.typst.data import TypstInput

__all__ = [
    "PDF_STANDARDS",
    "LayoutSession",
    "page_count",
    "release_layout_cache",
    "render_part",
    "releasing_layout_cache",
    "render_typst_pdf",
    "typst_layout",
    "write_typst_pdf",
]

PDF_STANDARDS: list[PDFStandard] = ["ua-1", "a-2a"]
# Used when a document has no date of its own (and no SOURCE_DATE_EPOCH): a fixed date, so the
# file does not change from one build to the next.
_FIXED_DATE = datetime(2000, 1, 1, tzinfo=UTC)

log = logging.getLogger(__name__)
P = ParamSpec("P")
R = TypeVar("R")

# Typst keeps what it lays out in one cache for the whole process and drops an entry only once it
# has gone unused through this many later compiles.
_CACHE_KEPT_FOR = 10
# The compiler's folder: the template, the document beside it (the template reads it by this
# name) and the pictures in pictures/.
_MAIN = "briefing.typ"
_DOCUMENT = "document.json"
_PART = "part"  # the folder, inside the session's, a part of the briefing is laid out in


def render_typst_pdf(
    document: Document, progress: Callable[[int, int], None] | None = None
) -> Rendered:
    """The tagged PDF for document: its bytes and page count.

    Raises BriefingError with a plain message (never the compiler's own) for content that cannot
    be printed, such as an unreadable picture or a briefing without a title.
    """
    return typst_layout(document, progress)()


def typst_layout(
    document: Document, progress: Callable[[int, int], None] | None = None
) -> Callable[[], Rendered]:
    """render_typst_pdf in two halves: this does the work in Python (the checks, the document
    as the template reads it) and returns the layout, which Typst does without holding Python's
    lock, so that a build can run it on a thread of its own while it checks the pack. Either
    half may raise the BriefingError render_typst_pdf does."""
    import typst

    if not " ".join(document.meta.title.split()):
        raise BriefingError(
            "The briefing has no title. Give the pack a title: the PDF shows it "
            "in the window's title bar and screen readers announce it."
        )
    total = len(document.blocks) or 1
    if progress is not None:
        progress(0, total)
    fallback = needs_fallback(document)
    if fallback:
        _refuse_missing_glyphs(document)
    files = _files(typst_input(document, [BUNDLED_FAMILY]))
    fonts = font_collection(fallback)
    timestamp = _timestamp(document)

    def lay_out() -> Rendered:
        session = getattr(_active, "session", None)  # (the thread laying out's own)
        try:
            if session is not None:
                pdf = session.compile(files, fonts, timestamp)
            else:
                pdf = _compile_once(files, fonts, timestamp)
        except typst.TypstError as exc:
            log.debug(
                "Typst could not compile the briefing: %s", getattr(exc, "diagnostic", "") or exc
            )
            raise BriefingError(_plain_message(exc)) from exc
        if progress is not None:
            progress(total, total)
        return Rendered(pdf, pages=page_count(pdf))

    return lay_out


def render_part(document: Document, window: tuple[int, int], part: dict[str, Any]) -> bytes | None:
    """Blocks [start, end) of a briefing laid out on their own (see part.py), untagged: `part`
    gives their first page, the height the first starts at and the briefing's page count. Compiled in the
    active session when there is one; None when it cannot be made (the whole layout explains)."""
    import typst

    if needs_fallback(document):
        return None
    prepared = typst_input(document, [BUNDLED_FAMILY], window)
    prepared.document["part"] = part
    fonts = font_collection(False)
    session: LayoutSession | None = getattr(_active, "session", None)
    try:
        if session is not None:
            return session.compile(_files(prepared), fonts, _timestamp(document), part=True)
        return _compile_once(_files(prepared), fonts, _timestamp(document), standards=[])
    except typst.TypstError:
        return None


def release_layout_cache() -> None:
    """Let go of everything Typst cached while laying out earlier briefings (after an export,
    whose layout the next compile does not reuse, and when a pack closes): the memory goes back
    to the system."""
    _age_layout_cache(_CACHE_KEPT_FOR + 1)
    give_back_freed_memory()


def releasing_layout_cache(work: Callable[P, R]) -> Callable[P, R]:
    """`work`, followed by release_layout_cache() however it ends (for the app's exports and
    issues, which compile again and again in one process)."""

    @functools.wraps(work)
    def then_release(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return work(*args, **kwargs)
        finally:
            release_layout_cache()

    return then_release


class LayoutSession:
    """One Typst compile context kept for the pack open in the app, so that a compile after an
    edit reuses what the one before laid out (the paragraphs and pictures that did not change)
    rather than starting from nothing.

    It holds the compiler, with its fonts read once, and a private folder with the template,
    the document and its pictures (rewritten only when they change). Memory is bounded by age:
    after each compile, whatever that compile did not use is dropped from Typst's cache, so the
    cache holds one layout of the pack at most, however many times it is compiled. Dropping it
    takes 20-110 ms at 300 items, so it waits for tidy() (the preview calls it once its pages
    are handed over) or for the next compile, whichever comes first. close()
    lets go of all of it (when the pack closes). Compiles made on a thread inside
    `with session.active():` use it; one compile runs at a time.
    """

    def __init__(self) -> None:
        # Removed by close(), else when the session is collected or the program exits; one
        # left by a program that crashed goes when the next program makes its first session.
        self._root = scratch_folder("briefing-preview-", owner=self)
        self._compilers: dict[tuple[typst.Fonts, bool], typst.Compiler] = {}
        self._written: dict[Path, dict[str, bytes]] = {}  # each folder's files
        self._lock = threading.Lock()
        self.compiles = 0
        self.closed = False
        self._untidy = False  # the last compile's leftovers are still in Typst's cache

    @property
    def folder(self) -> Path:
        return self._root

    @contextlib.contextmanager
    def active(self) -> Iterator[LayoutSession]:
        """Route this thread's tagged-PDF compiles through the session while inside."""
        before = getattr(_active, "session", None)
        _active.session = self
        try:
            yield self
        finally:
            _active.session = before

    def compile(
        self, files: dict[str, bytes], fonts: typst.Fonts, timestamp: datetime, part: bool = False
    ) -> bytes:
        """The PDF of `files` (_files); a `part` (see part.py) is laid out in a folder of its own,
        untagged (it is only looked at, and PDF/UA wants a briefing's first heading)."""
        import typst

        standards = [] if part else PDF_STANDARDS
        with self._lock:
            if self.closed:  # the pack has closed: compile once, keeping nothing
                return _compile_once(files, fonts, timestamp, standards)
            self._tidy()  # what the compile before left, if tidy() has not been called since
            root = self._root / _PART if part else self._root
            _fill(root, files, self._written.setdefault(root, {}))
            compiler = self._compilers.get((fonts, part))
            if compiler is None:
                compiler = typst.Compiler(str(root / _MAIN), root=str(root), font_paths=fonts)
                self._compilers[fonts, part] = compiler
            try:
                pdf = compiler.compile(pdf_standards=standards, timestamp=timestamp)
            finally:
                if not part:  # a part's leftovers go with the next whole layout's
                    self.compiles += 1
                    self._untidy = True
            assert isinstance(pdf, bytes)  # one PDF, returned as bytes
            return pdf

    def tidy(self) -> None:
        """Drop from Typst's cache what the latest compile did not use (waits for a compile
        under way)."""
        with self._lock:
            self._tidy()

    def _tidy(self) -> None:
        if self._untidy:
            self._untidy = False
            # Every compile ages each cached result by one and drops those it has aged
            # _CACHE_KEPT_FOR times; a result is young again when reused. What the last compile
            # used is one compile old, what only a part laid out before it used two, the rest
            # at least three: ageing the cache by seven more drops the rest and keeps what the
            # next compile after an edit will reuse, through a part laid out ahead of it.
            _age_layout_cache(_CACHE_KEPT_FOR - 3)

    def close(self) -> None:
        """Let go of the compiler, its folder and Typst's cache (waits for a running compile)."""
        with self._lock:
            if self.closed:
                return
            self.closed = True
            self._compilers.clear()
            self._written.clear()
            shutil.rmtree(self._root, ignore_errors=True)
        release_layout_cache()


_active = threading.local()
_ager: list[typst.Compiler] = []  # compiles an empty page: each compile ages Typst's cache
_ager_lock = threading.Lock()


def _age_layout_cache(steps: int) -> None:
    """Age every result in Typst's cache by `steps` compiles (of an empty page, well under a
    millisecond each with the compiler kept)."""
    import typst

    with _ager_lock:
        if not _ager:
            _ager.append(typst.Compiler(b"", ignore_system_fonts=True))
        for _ in range(steps):
            _ager[0].compile(input=b"")


def _compile_once(
    files: dict[str, bytes],
    fonts: typst.Fonts,
    timestamp: datetime,
    standards: list[PDFStandard] = PDF_STANDARDS,
) -> bytes:
    """Compile in a folder of its own, removed after."""
    import typst

    root = scratch_folder("briefing-pdf-")
    try:
        _fill(root, files, {})
        return bytes(
            typst.compile(
                str(root / _MAIN),
                root=str(root),
                font_paths=fonts,
                pdf_standards=standards,
                timestamp=timestamp,
            )
        )
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _files(prepared: TypstInput) -> dict[str, bytes]:
    """The compiler's folder, by name: the template, the document beside it and its pictures."""
    return {
        _MAIN: _template(),
        _DOCUMENT: json.dumps(prepared.document, ensure_ascii=False).encode("utf-8"),
        **prepared.pictures,
    }


def _fill(root: Path, wanted: dict[str, bytes], written: dict[str, bytes]) -> None:
    """Put `wanted` (_files) in the compiler's folder: only what differs from `written` (what
    is there already), which is brought up to date."""
    for name in set(written) - set(wanted):
        Path(root, name).unlink(missing_ok=True)
        del written[name]
    for name, data in wanted.items():
        if written.get(name) != data:
            path = Path(root, name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            written[name] = data


def write_typst_pdf(document: Document, target: Path) -> Path:
    """Render document and write it to target safely; returns target."""
    return atomic_write_bytes(Path(target), render_typst_pdf(document).data)


# The page tree's root: "/Type /Pages … /Count N" (Typst writes it uncompressed, outside any
# object stream); nested page trees count fewer, so the largest count is the document's.
_PAGE_TREE = re.compile(
    rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)|/Count\s+(\d+)[^>]*?/Type\s*/Pages\b"
)


def page_count(pdf: bytes) -> int:
    """The pages in a PDF the compiler has just written, from its page tree (the compiler does
    not report it); pypdf reads the tree should its layout ever change."""
    counts = [int(a or b) for a, b in _PAGE_TREE.findall(pdf)]
    if counts:
        return max(counts)
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


@lru_cache(maxsize=1)
def _template() -> bytes:
    path = asset("typst", "briefing.typ")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise BriefingError(
            f"Cannot read the PDF template {path}: {exc.strerror or exc}. Reinstall Briefing to "
            "restore it."
        ) from exc


def _timestamp(document: Document) -> datetime:
    """The file's creation date: SOURCE_DATE_EPOCH if set, else the briefing's own date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    day = document.meta.date
    if day is None:
        return _FIXED_DATE
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def _refuse_missing_glyphs(document: Document) -> None:
    """Stop, naming them, when characters would print as empty boxes (PDF/UA forbids those)."""
    missing = missing_glyphs(document)
    if not missing:
        return
    shown = [m.message() for m in missing[:5]]
    if len(missing) > 5:
        shown.append(f"…and {len(missing) - 5} more characters no font here can show.")
    raise BriefingError(
        "\n".join([*shown, "An untagged PDF (--pdf-engine reportlab) prints them as empty boxes."])
    )


def _plain_message(exc: Exception) -> str:
    """What went wrong, in words a user can act on (the compiler's message goes to the log)."""
    text = str(getattr(exc, "message", "") or exc).lower()
    if "could not be displayed" in text:
        return (
            "Some characters in the briefing cannot be shown by any font on this computer. "
            "Run 'briefing check' to see which, then install a font that has them (the free "
            "Noto fonts cover most scripts) or replace them."
        )
    if "font" in text:
        return (
            "The tagged PDF could not be made because a font could not be read. Reinstall "
            "Briefing to restore its fonts, or build an untagged PDF with "
            "--pdf-engine reportlab."
        )
    if "image" in text or "picture" in text or "decode" in text:
        return (
            "The tagged PDF could not be made because a picture could not be printed. Save "
            "the logo and pictures again as PNG or JPEG and build again."
        )
    return (
        "The tagged PDF could not be made. Check the pack with 'briefing check', or build an "
        "untagged PDF with --pdf-engine reportlab, and report the problem if it stays."
    )
