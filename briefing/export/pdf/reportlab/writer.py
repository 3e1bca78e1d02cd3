"""The PDF writer: a Document becomes an A4 or A5 PDF with embedded fonts, a linked contents,
bookmarks, metadata, page furniture and (when set) a DRAFT watermark.

Only the document model is read here. `render_pdf` returns the bytes and the page count;
`write_pdf` writes them safely (a temporary file, then a replace).
"""

from __future__ import annotations

import io
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab import rl_config
from reportlab.platypus import NextPageTemplate, PageBreak, Spacer
from reportlab.platypus.doctemplate import LayoutError

from briefing.errors import BriefingError
from briefing.export.pdf.reportlab.canvas import BriefingCanvas
from briefing.export.pdf.reportlab.pages import BriefingDocTemplate, Furniture, page_setup
from briefing.export.pdf.reportlab.story import StoryBuilder
from briefing.export.pdf.reportlab.styles import styles_for
from briefing.export.rendered import Rendered
from briefing.files.safe_write import atomic_write_bytes

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from briefing.document.model import Document

__all__ = ["render_pdf", "write_pdf"]


def render_pdf(document: Document, progress: Callable[[int, int], None] | None = None) -> Rendered:
    """The PDF for document: its bytes and page count. progress(done, total) is called as
    blocks are laid out.

    Raises BriefingError (with a plain message) for content that cannot be printed, such as an
    unreadable picture.
    """
    meta = document.meta
    styles = styles_for(meta.large_print)
    setup = page_setup(meta.paper, styles)
    builder = StoryBuilder(document, styles, setup)
    story = builder.cover()
    story += [NextPageTemplate("body"), PageBreak()]
    story += builder.body()
    if not builder.body_blocks:
        story.append(Spacer(1, 1))  # a body page even for an empty document

    total = len(document.blocks) or 1
    furniture = Furniture(meta, setup, show_outline=builder.has_outline)
    buffer = io.BytesIO()
    doc = BriefingDocTemplate(buffer, meta, setup, furniture, progress, total)
    try:
        with _binary_streams():
            doc.build(story, canvasmaker=BriefingCanvas)
    except LayoutError as exc:
        raise BriefingError(
            f"The PDF could not be laid out: {exc}. A picture or table is probably too large "
            "for the page; make it smaller or choose A4 paper."
        ) from exc
    if progress is not None:
        progress(total, total)
    return Rendered(buffer.getvalue(), pages=doc.page)  # the last page laid out


def write_pdf(document: Document, target: Path) -> Path:
    """Render document and write it to target safely; returns target."""
    return atomic_write_bytes(Path(target), render_pdf(document).data)


_streams_lock = threading.Lock()
_streams_users = 0
_saved_a85 = rl_config.useA85


@contextmanager
def _binary_streams() -> Iterator[None]:
    """Compress page streams without the ASCII85 layer: smaller files, faster saves.

    reportlab reads this from its global settings, so it is switched only while Briefing builds
    (and restored after) to leave other reportlab users in the same process untouched.
    """
    global _streams_users, _saved_a85
    with _streams_lock:
        if _streams_users == 0:
            _saved_a85 = rl_config.useA85
            rl_config.useA85 = 0
        _streams_users += 1
    try:
        yield
    finally:
        with _streams_lock:
            _streams_users -= 1
            if _streams_users == 0:
                rl_config.useA85 = _saved_a85
