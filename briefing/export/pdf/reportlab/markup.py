"""Turns plain document text into reportlab Paragraph markup that prints exactly as typed.

Paragraph markup is reportlab's own mini-language (<b>, <font>, <a>, entities). Text from a pack
is data, so every run is escaped first and the only tags in the result are the ones built here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from briefing.export.common import brand
from briefing.export.common.links import safe_href

if TYPE_CHECKING:
    from collections.abc import Iterable

    from briefing.document.model import Run

_ATTR_ENTITIES = {'"': "&quot;", "'": "&#39;"}


def text(value: str) -> str:
    """Escape plain text for a Paragraph; line breaks in the text stay line breaks."""
    return escape(value).replace("\r\n", "\n").replace("\n", "<br/>")


def run(item: Run, link_colour: str = brand.LINK) -> str:
    out = text(item.text)
    if not out:
        return ""
    if item.bold:
        out = f"<b>{out}</b>"
    if item.italic:
        out = f"<i>{out}</i>"
    if item.change:  # a tracked change: underlined if inserted, struck through if deleted
        out = f"<u>{out}</u>" if item.change == "inserted" else f"<strike>{out}</strike>"
        return out
    href = safe_href(item.href)
    if href:
        target = escape(href, _ATTR_ENTITIES)
        out = f'<a href="{target}" color="{link_colour}"><u>{out}</u></a>'
    return out


def runs(items: Iterable[Run]) -> str:
    return "".join(run(item) for item in items)
