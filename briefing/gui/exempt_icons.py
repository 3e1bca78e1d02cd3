"""How an exemption shows: the badge and padlock the pack tree draws, and the words screen
readers, tooltips and the item editor say ("exempt under paragraph 3 of Schedule 12A…", and which
versions leave an item out)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from briefing.model.schedules import Schedule, schedule
from briefing.uk.wording import and_list

if TYPE_CHECKING:
    from briefing.model import Exemption, Item, Pack


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

    place = next(
        (
            (s_no, i_no, section)
            for s_no, section in enumerate(pack.sections, 1)
            for i_no, candidate in enumerate(section.items, 1)
            if candidate is item
        ),
        None,
    )
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
        sentences.append(
            f"Left out of the {and_list(left_out)} version{'s' if len(left_out) > 1 else ''}."
        )
    elif exemption is not None:
        sentences.append("Every version prints it all the same.")
    return " ".join(sentences)
