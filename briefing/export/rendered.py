"""What a writer returns: the file's bytes and, for paged formats, its page count."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rendered:
    """A rendered file: its bytes and, for paged formats, its page count."""

    data: bytes
    pages: int | None = None
