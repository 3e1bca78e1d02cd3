"""Errors meant for the user: each says what went wrong, where, and what to do."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from pathlib import Path


class BriefingError(Exception):
    """A problem the user can fix. Its message is shown as it is, with no traceback."""


class Problem(NamedTuple):
    """One problem in a file, 1-based line and column (0 when unknown)."""

    file: Path
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.column}: {self.message}"
        return f"{self.file}: {self.message}"


class PackError(BriefingError):
    """A pack that cannot be read: every problem found, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (str(p.file), p.line, p.column))
        super().__init__("\n".join(str(p) for p in self.problems))
