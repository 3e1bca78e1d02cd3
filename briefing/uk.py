"""UK conventions decided in one place: dates, protective markings, kind labels, counts."""

from __future__ import annotations

from datetime import date, datetime

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)

KIND_LABELS = {"member-briefing": "Member briefing", "event-handout": "Event handout"}


def uk_date(value: date | datetime | None) -> str:
    """"4 November 2025" (no leading zero, no ordinal, no comma); "" for None."""
    if value is None:
        return ""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def uk_time(value: datetime) -> str:
    """"10:00" (24-hour clock)."""
    return f"{value.hour:02d}:{value.minute:02d}"


def marking_statement(marking: str) -> str:
    """The sentence that states the marking once in the body (screen readers skip headers)."""
    if not marking:
        return ""
    return f"This document is classified {marking}."


def plural(count: int, noun: str) -> str:
    """"1 page", "12 pages", "1,250 words" (nouns that take a plain "s")."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"
