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
    writer: str  # "module:function" taking a Document, returning bytes (or Rendered: the
    # PDF writers return their page count with the bytes, for the page budget)

    def render(self, document: Document, writer: str = "") -> Rendered:
        module, _, name = (writer or self.writer).partition(":")
        produced = getattr(importlib.import_module(module), name)(document)
        return produced if isinstance(produced, Rendered) else Rendered(produced)


@dataclass(frozen=True)
class PdfEngine:
    """A way of making the PDF: what the user types, what the app shows, and its writer."""

    key: str  # --pdf-engine typst
    label: str  # "Tagged PDF (PDF/UA and PDF/A)"
    writer: str  # "module:function", as OutputFormat.writer
    tagged: bool  # whether screen readers get a structure tree


FORMATS: dict[str, OutputFormat] = {
    fmt.key: fmt
    for fmt in (
        OutputFormat("docx", ".docx", "Word (.docx)", "briefing.export.docx:render_docx"),
        OutputFormat("pdf", ".pdf", "PDF", "briefing.export.pdf:render_pdf"),
        OutputFormat("html", ".html", "Web page (.html)", "briefing.export.html:render_html"),
    )
}

# The engines that can make the PDF; the first is the default. The tagged engine meets PDF/UA-1
# and PDF/A-2a; reportlab's is untagged (no structure for screen readers), kept as a fallback.
PDF_ENGINES: dict[str, PdfEngine] = {
    engine.key: engine
    for engine in (
        PdfEngine("typst", "Tagged PDF (accessible: PDF/UA-1 and PDF/A-2a)",
                  "briefing.export.typst_pdf:render_typst_pdf", tagged=True),
        PdfEngine("reportlab", "Untagged PDF (reportlab; not for publishing)",
                  "briefing.export.pdf:render_pdf", tagged=False),
    )
}
DEFAULT_PDF_ENGINE = next(iter(PDF_ENGINES))

# Names that stand for several formats on the command line.
GROUPS: dict[str, tuple[str, ...]] = {"both": ("docx", "pdf"), "all": tuple(FORMATS)}

GROUP_LABELS: dict[str, str] = {"both": "Word (.docx) and PDF",
                                 "all": "Word, PDF and web page (.html)"}

DEFAULT_FORMATS: tuple[str, ...] = GROUPS["both"]


def export_choices() -> list[tuple[str, str, tuple[str, ...]]]:
    """What the app's export dialog offers, as (key, label, formats): the groups, "both"
    (the default) first, then each format on its own."""
    return [(key, GROUP_LABELS[key], formats) for key, formats in GROUPS.items()] + [
        (key, f"{fmt.label} only", (key,)) for key, fmt in FORMATS.items()]


def format_choices() -> list[str]:
    """Every value `--format` accepts: each format, then the groups."""
    return [*FORMATS, *GROUPS]


def expand(choice: str) -> tuple[str, ...]:
    """The formats a `--format` value stands for (a format or a group)."""
    return GROUPS.get(choice) or (choice,)


def engine_for(key: str | None) -> PdfEngine:
    """The engine named key (None or "" for the default); a plain message for an unknown one."""
    if not key:
        return PDF_ENGINES[DEFAULT_PDF_ENGINE]
    if key not in PDF_ENGINES:
        from briefing.errors import BriefingError

        raise BriefingError(f"Unknown PDF engine {key!r}: choose one of "
                            f"{', '.join(PDF_ENGINES)}.")
    return PDF_ENGINES[key]


def render(key: str, document: Document, pdf_engine: str | None = None) -> Rendered:
    """The file for one format; the PDF is made by pdf_engine (default: the tagged engine)."""
    writer = engine_for(pdf_engine).writer if key == "pdf" else ""
    return FORMATS[key].render(document, writer)


__all__ = ["DEFAULT_FORMATS", "DEFAULT_PDF_ENGINE", "FORMATS", "GROUPS", "GROUP_LABELS",
           "PDF_ENGINES", "OutputFormat", "PdfEngine", "Rendered", "engine_for", "expand",
           "export_choices", "format_choices", "render"]
