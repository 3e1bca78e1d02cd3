"""Plain data for packs, articles and themes (standard library only)."""

from __future__ import annotations

from briefing.model.pack import (
    CLASSIFICATIONS,
    KINDS,
    PAPERS,
    AgendaEntry,
    Article,
    Audience,
    Budget,
    Contact,
    Event,
    Exemption,
    Item,
    Layout,
    Pack,
    Quote,
    Section,
    Theme,
)

__all__ = [
    "CLASSIFICATIONS",
    "KINDS",
    "PAPERS",
    "AgendaEntry",
    "Article",
    "Audience",
    "Budget",
    "Contact",
    "Event",
    "Exemption",
    "Item",
    "Layout",
    "Pack",
    "Quote",
    "Section",
    "Theme",
]
