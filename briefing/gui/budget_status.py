"""The status bar's counts: "1,472 words · 8 pages", or against a budget "8 of 4 pages".

Words come from the pack text; pages from the live preview's real PDF (an estimate until the
first render). Both count the version the preview shows, against that version's budget (the
summary's two pages, say), and name it when it is not the members' full version. Over budget is shown in bold with the standard warning icon rather than a
colour, so it reads the same in light and dark themes and to screen readers.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QWidget

from briefing.gui.spoken import describe_label
from briefing.model import Budget
from briefing.uk.wording import plural


def words_text(words: int, budget: Budget) -> str:
    if budget.words:
        return f"{words:,} of {budget.words:,} words"
    return plural(words, "word")


def pages_text(pages: int | None, estimate: int, budget: Budget) -> str:
    """The real page count when the preview knows it (0: nothing to print), else the estimate."""
    if pages == 0:
        return "No pages yet"
    if budget.pages:
        count = f"{pages:,}" if pages else f"about {estimate:,}"
        return f"{count} of {plural(budget.pages, 'page')}"
    return plural(pages, "page") if pages else f"about {plural(estimate, 'page')}"


class BudgetStatus(QWidget):
    """Two counts, each with a warning icon that shows only when it is over budget."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.version_label = describe_label(QLabel(self), "Version counted")
        self.version_label.hide()
        self.words_label = describe_label(QLabel(self), "Word count")
        self.pages_label = describe_label(QLabel(self), "Pages in the printed PDF")
        self.words_icon = self._icon()
        self.pages_icon = self._icon()
        dot = QLabel("\u00b7", self)
        dot.setAccessibleName(" ")  # a separator, not something to read out
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.setSpacing(4)
        for widget in (
            self.version_label,
            self.words_icon,
            self.words_label,
            dot,
            self.pages_icon,
            self.pages_label,
        ):
            layout.addWidget(widget)
        self.words = 0
        self.estimate = 0
        self.pages: int | None = None  # the preview's real count, once it has one
        self.budget = Budget()
        self.version = ""  # the audience counted; "" for the members' full version
        self.words_over = False
        self.pages_over = False

    def _icon(self) -> QLabel:
        label = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        label.setPixmap(icon.pixmap(size, size))
        label.setAccessibleName("Over budget")
        label.hide()
        return label

    def set_counts(self, words: int, estimate: int, budget: Budget, version: str = "") -> None:
        """The counts of one version (`version`: its audience, "" for the full one)."""
        self.words, self.estimate, self.budget, self.version = words, estimate, budget, version
        self.refresh()

    def set_pages(self, pages: int) -> None:
        self.pages = pages
        self.refresh()

    def refresh(self) -> None:
        budget = self.budget
        of = f" of the {self.version} version" if self.version else ""
        self.version_label.setText(f"{self.version[:1].upper()}{self.version[1:]} version:")
        self.version_label.setVisible(bool(self.version))
        self.words_label.setAccessibleDescription(f"Word count{of}")
        self.pages_label.setAccessibleDescription(f"Pages in the printed PDF{of}")
        self.words_over = bool(budget.words and self.words > budget.words)
        self.pages_over = bool(budget.pages and self.pages and self.pages > budget.pages)
        self._show(
            self.words_label,
            self.words_icon,
            words_text(self.words, budget),
            self.words_over,
            f"The {f'{self.version} version' if self.version else 'pack'} has more "
            "words than its budget."
            if self.words_over
            else "",
        )
        tip = (
            f"The printed PDF{of} has more pages than its budget."
            if self.pages_over
            else ""
            if self.pages is not None
            else "An estimate until the preview has rendered."
        )
        self._show(
            self.pages_label,
            self.pages_icon,
            pages_text(self.pages, self.estimate, budget),
            self.pages_over,
            tip,
        )

    @staticmethod
    def _show(label: QLabel, icon: QLabel, text: str, over: bool, tip: str) -> None:
        label.setText(f"{text} (over budget)" if over else text)
        font = label.font()
        font.setBold(over)  # emphasis that keeps the theme's own text colour
        label.setFont(font)
        label.setToolTip(tip)
        icon.setToolTip(tip)
        icon.setVisible(over)
