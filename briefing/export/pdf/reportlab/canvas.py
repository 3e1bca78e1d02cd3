"""The PDF canvas: one layout pass, with page numbers that are only known at the end.

"Page N of M" and the page numbers in the contents are drawn as small form XObjects that the
page refers to by name; the forms themselves are written when the document is saved, once every
page and heading position is known. This gives a contents that links and numbers correctly in a
single layout pass (platypus multiBuild would lay the whole document out at least twice).
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas

FormDrawer = Callable[["BriefingCanvas"], None]


class BriefingCanvas(Canvas):
    """A Canvas that records heading pages, builds the outline and draws deferred forms."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # reportlab's, passed on
        self.heading_page: dict[str, int] = {}
        self._deferred: dict[str, tuple[tuple[float, float, float, float], FormDrawer]] = {}
        self._outline_level = -1

    @property
    def page_count(self) -> int:
        """Pages finished so far (after the last showPage: the document's page count)."""
        return self.getPageNumber() - 1

    def note_heading(self, key: str, title: str, outline_level: int | None) -> None:
        """Mark where a heading starts: a named destination, its page, and an outline entry."""
        self.heading_page[key] = self.getPageNumber()
        if outline_level is None:
            return
        # The outline cannot skip a level (an H2 before any H1 would be an error), so clamp.
        level = max(0, min(outline_level, self._outline_level + 1))
        self._outline_level = level
        self.addOutlineEntry(title, key, level, closed=False)

    def draw_later(
        self, name: str, bbox: tuple[float, float, float, float], drawer: FormDrawer
    ) -> None:
        """Show form `name` here; drawer(canvas) draws its content when the document is saved.

        bbox is the form's (lowerx, lowery, upperx, uppery) in its own coordinates.
        """
        self._deferred.setdefault(name, (bbox, drawer))
        self.doForm(name)

    def save(self) -> None:
        for name, (bbox, drawer) in self._deferred.items():
            self.beginForm(name, *bbox)  # type: ignore[arg-type]  # the stubs say int; any number works
            drawer(self)
            self.endForm()
        self._deferred.clear()
        super().save()
