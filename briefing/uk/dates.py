"""Dates and times as UK public bodies write them: "4 November 2025", "10:00"."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date, datetime

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def uk_date(value: date | datetime | None) -> str:
    """ "4 November 2025" (no leading zero, no ordinal, no comma); "" for None."""
    if value is None:
        return ""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def uk_date_short(value: date | datetime | None) -> str:
    """ "4 Nov 2025", for narrow lists; "" for None."""
    if value is None:
        return ""
    return f"{value.day} {MONTHS[value.month - 1][:3]} {value.year}"


def uk_time(value: datetime) -> str:
    """ "10:00" (24-hour clock)."""
    return f"{value.hour:02d}:{value.minute:02d}"
