"""Marking a section or item exempt (a paragraph of the pack's schedule and a reason), undoably.

The badge the pack tree shows, the item editor's note of which versions leave an item out, the
dialog that asks for the paragraph, and the two undoable
edits (mark and clear) live here; the main window's Pack menu calls `mark_exempt` and
`clear_exempt` for the section or item selected in the tree.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from briefing.gui.commands import SetAttr
from briefing.gui.modal import fit_to_screen
from briefing.model import Exemption, Item, Section
from briefing.model.schedules import Schedule, schedule
from briefing.uk.wording import and_list

if TYPE_CHECKING:
    from briefing.gui.pack_model import PackModel
    from briefing.model import Pack


def badge(exempt: Exemption | None) -> str:
    """The tree's badge before a title, where a narrow tree still shows it: "[Exempt 3]"
    (paragraph 3; "" when not exempt)."""
    return f"[Exempt {exempt.paragraph}]" if exempt is not None else ""


@lru_cache(maxsize=1)
def padlock_icon() -> QIcon:
    """A small red padlock beside exempt sections and items (the text badge says the same)."""
    icon = QIcon()
    for size in (16, 24, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = size / 16
        colour = QColor("#C0392B")
        painter.setPen(QPen(colour, 1.8 * s))
        painter.drawArc(QRectF(4.5 * s, 1.5 * s, 7 * s, 9 * s), 0, 180 * 16)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(2.5 * s, 7 * s, 11 * s, 8 * s), 1.5 * s, 1.5 * s)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def spoken(exempt: Exemption | None, chosen: Schedule) -> str:
    """The badge for screen readers and tooltips: "exempt under paragraph 3 of Schedule 12A…"."""
    if exempt is None:
        return ""
    meaning = chosen.meaning(exempt.paragraph)
    text = f"exempt under paragraph {exempt.paragraph} of {chosen.name}"
    return text + (f" ({meaning})" if meaning else "")


def versions_note(pack: Pack, item: Item) -> str:
    """What the item editor says about an item's exemption in plain words: "This item is
    exempt under paragraph 3 of Schedule 12A … Left out of the public and summary versions."
    ("" for an item every version prints)."""
    from briefing.compose.audience import versions_leaving_out

    place = next(((s_no, i_no, section) for s_no, section in enumerate(pack.sections, 1)
                  for i_no, candidate in enumerate(section.items, 1) if candidate is item), None)
    if place is None:
        return ""
    s_no, i_no, section = place
    left_out = versions_leaving_out(pack, s_no, i_no)
    sentences = []
    exemption = item.exempt or section.exempt
    if exemption is not None:
        whose = "This item" if item.exempt is not None else "This item's section"
        sentences.append(f"{whose} is {spoken(exemption, schedule(pack.exempt_schedule))}.")
    if left_out:
        sentences.append(f"Left out of the {and_list(left_out)} "
                         f"version{'s' if len(left_out) > 1 else ''}.")
    elif exemption is not None:
        sentences.append("Every version prints it all the same.")
    return " ".join(sentences)


class ExemptDialog(QDialog):
    """Asks for the paragraph (each listed with what it covers) and a short reason."""

    def __init__(self, chosen: Schedule, what: str, current: Exemption | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Mark as exempt")
        intro = QLabel(f"Versions that withhold exempt information (such as the public version) "
                       f"will leave out {what} entirely and say how many items were withheld "
                       f"and under which paragraph.", self)
        intro.setWordWrap(True)
        self.paragraph = QComboBox(self)
        self.paragraph.setAccessibleName(f"Paragraph of {chosen.name}")
        # A paragraph's meaning is a long sentence: the box shows its start and the list
        # opened from it the whole of each, so the dialog keeps to a laptop's screen.
        self.paragraph.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.paragraph.setMinimumContentsLength(30)
        for number, meaning in chosen.paragraphs.items():
            self.paragraph.addItem(f"{number}: {meaning}", number)
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName("Reason")
        self.reason.setPlaceholderText("e.g. Commercial terms still under negotiation")
        self.reason.setToolTip("Kept in the record of what was withheld; never printed.")
        view = self.paragraph.view()
        screen = self.screen().availableGeometry().width() if self.screen() else 800
        view.setMinimumWidth(min(view.sizeHintForColumn(0) + 24, int(screen * 0.9)))
        if current is not None:
            row = self.paragraph.findData(current.paragraph)
            self.paragraph.setCurrentIndex(max(0, row))
            self.reason.setText(current.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(f"&Paragraph ({chosen.name})", self.paragraph)
        form.addRow("&Reason", self.reason)
        form.addRow(buttons)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        fit_to_screen(self, 620, 180)

    def exemption(self) -> Exemption:
        return Exemption(int(self.paragraph.currentData()), self.reason.text().strip())


def set_exemption(model: PackModel, target: Section | Item, value: Exemption | None) -> None:
    """Mark (or, with None, clear) as one undoable step."""
    text = "Clear exemption" if value is None else f"Mark exempt (paragraph {value.paragraph})"
    model.undo_stack.push(SetAttr(model, target, "exempt", value, text))


def mark_exempt(model: PackModel, target: Section | Item | None,
                parent: QWidget | None = None) -> str:
    """Ask for the paragraph and reason and mark the target; returns a status message."""
    from briefing.gui.modal import run_once

    if target is None:
        return "Select a section or an item in the pack first."
    what = "this section and its items" if isinstance(target, Section) else "this item"
    dialog = ExemptDialog(schedule(model.pack.exempt_schedule), what, target.exempt, parent)
    if run_once(dialog) != QDialog.DialogCode.Accepted:
        return ""
    value = dialog.exemption()
    set_exemption(model, target, value)
    return f"Marked exempt under paragraph {value.paragraph}."


def clear_exempt(model: PackModel, target: Section | Item | None) -> str:
    if target is None or target.exempt is None:
        return "The selection is not marked exempt."
    set_exemption(model, target, None)
    return "Exemption cleared."
