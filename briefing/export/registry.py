"""The output formats Briefing can write: one entry per format (suffix, label, writer).

The CLI's `--format` choices, the app's export dialog and the build service all read this table,
so adding a format is one entry here plus one writer module. Writers are imported only when a
format is rendered, so listing the formats costs nothing.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.document.model import Document


@dataclass(frozen=True)
class Rendered:
    """A rendered file: its bytes and, for paged formats, its page count."""

    data: bytes
    pages: int | None = None


@dataclass(frozen=True)
class OutputFormat:
    key: str  # what the user types: --format docx
    suffix: str  # ".docx"
    label: str  # what the app shows: "Word (.docx)"
    writer: str  # "module:function" taking a Document and returning bytes or Rendered

    def render(self, document: Document) -> Rendered:
        module, _, name = self.writer.partition(":")
        produced = getattr(importlib.import_module(module), name)(document)
        return produced if isinstance(produced, Rendered) else Rendered(produced)


FORMATS: dict[str, OutputFormat] = {
    fmt.key: fmt
    for fmt in (
        OutputFormat("docx", ".docx", "Word (.docx)", "briefing.export.docx:render_docx"),
        OutputFormat("pdf", ".pdf", "PDF", "briefing.export.pdf:render_pdf"),
    )
}

# Names that stand for several formats on the command line.
GROUPS: dict[str, tuple[str, ...]] = {"both": ("docx", "pdf"), "all": tuple(FORMATS)}

DEFAULT_FORMATS: tuple[str, ...] = GROUPS["both"]


def format_choices() -> list[str]:
    """Every value `--format` accepts: each format, then the groups."""
    return [*FORMATS, *GROUPS]


def expand(choice: str) -> tuple[str, ...]:
    """The formats a `--format` value stands for (a format or a group)."""
    return GROUPS.get(choice) or (choice,)


def render(key: str, document: Document) -> Rendered:
    return FORMATS[key].render(document)


__all__ = ["DEFAULT_FORMATS", "FORMATS", "GROUPS", "OutputFormat", "Rendered", "expand",
           "format_choices", "render"]
