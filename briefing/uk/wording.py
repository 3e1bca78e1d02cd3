"""Counts and lists in plain UK English: "12 pages", "a, b and c", "2 errors and 1 warning"."""

from __future__ import annotations


def plural(count: int, noun: str) -> str:
    """ "1 page", "12 pages", "1,250 words" (nouns that take a plain "s")."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def and_list(parts: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def tally(errors: int, warnings: int, advice: int) -> str:
    """ "2 errors, 1 warning and 12 pieces of advice" (only the parts that are not zero)."""
    parts = [
        text
        for count, text in (
            (errors, plural(errors, "error")),
            (warnings, plural(warnings, "warning")),
            (advice, f"{advice:,} piece{'s' if advice != 1 else ''} of advice"),
        )
        if count
    ]
    return and_list(parts) if parts else "no problems found"
