"""One finding of a check: what is wrong, how much it matters, where, and what to do."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from pathlib import Path

Severity = Literal["error", "warning", "advice"]

SEVERITIES: tuple[Severity, ...] = ("error", "warning", "advice")


@dataclass(frozen=True)
class Location:
    """Where a finding points. line and column are 1-based places in `file` where the pack has
    them; section and item are 1-based positions in the pack, for the app to go to; field names
    the field to focus ("summary", "implications", "logo.alt" ...)."""

    file: Path | None = None
    line: int | None = None
    column: int | None = None
    section: int | None = None
    item: int | None = None
    field: str | None = None

    def place(self) -> str:
        """ "FILE:LINE:COL" (parts omitted when unknown), or "" when there is no file."""
        if self.file is None:
            return ""
        text = str(self.file)
        if self.line:
            text += f":{self.line}"
            if self.column:
                text += f":{self.column}"
        return text

    def in_pack(self) -> str:
        """ "Section 2, item 1" (or "Section 2"), or "" for the pack as a whole."""
        if self.section is None:
            return ""
        text = f"Section {self.section}"
        if self.item is not None:
            text += f", item {self.item}"
        return text


@dataclass(frozen=True)
class Finding:
    """One thing to look at. `rule` is the code of the rule in the table that found it."""

    rule: str
    severity: Severity
    message: str
    location: Location = Location()

    def __str__(self) -> str:
        """ "FILE:LINE:COL: severity: message"; without a line, the section and item lead the
        message ("Section 2, item 1: ...") so the reader can still find the place."""
        parts = []
        place = self.location.place()
        if place:
            parts.append(place)
        parts.append(self.severity)
        where = "" if self.location.line else self.location.in_pack()
        parts.append(f"{where}: {self.message}" if where else self.message)
        return ": ".join(parts)


def sort_key(finding: Finding) -> tuple[int, int, int, int, int]:
    """Errors first, then pack-wide findings, then in printed order."""
    where = finding.location
    return (
        SEVERITIES.index(finding.severity),
        -1 if where.section is None else where.section,
        -1 if where.item is None else where.item,
        where.line or 0,
        where.column or 0,
    )
