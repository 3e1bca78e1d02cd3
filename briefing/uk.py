"""UK conventions decided in one place: dates, protective markings, kind labels, counts."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
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


def uk_date_short(value: date | datetime | None) -> str:
    """"4 Nov 2025", for narrow lists; "" for None."""
    if value is None:
        return ""
    return f"{value.day} {MONTHS[value.month - 1][:3]} {value.year}"


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


def and_list(parts: list[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def tally(errors: int, warnings: int, advice: int) -> str:
    """"2 errors, 1 warning and 12 pieces of advice" (only the parts that are not zero)."""
    parts = [text for count, text in (
        (errors, plural(errors, "error")), (warnings, plural(warnings, "warning")),
        (advice, f"{advice:,} piece{'s' if advice != 1 else ''} of advice")) if count]
    return and_list(parts) if parts else "no problems found"
