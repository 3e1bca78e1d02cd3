"""The labels a UK council's document carries: its kind, and the sentence that states its
protective marking."""

from __future__ import annotations

KIND_LABELS = {"member-briefing": "Member briefing", "event-handout": "Event handout"}


def marking_statement(marking: str) -> str:
    """The sentence that states the marking once in the body (screen readers skip headers)."""
    if not marking:
        return ""
    return f"This document is classified {marking}."
