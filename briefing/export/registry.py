"""The output formats Briefing can write, and the engines that make each: format x engine.

The CLI's `--format` and `--pdf-engine` choices, the app's export dialog and the build service all
read this table, so adding a format or an engine is one entry here plus its writer package. Each
writer is a typed function (the type checker follows every entry); it is imported only when its
format is rendered, so listing the formats costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.export.rendered import Rendered

if TYPE_CHECKING:
    from briefing.document.model import Document


Writer = Callable[["Document"], Rendered]
# A writer in two halves: its work in Python, which returns the rest (the layout).
Layout = Callable[["Document"], Callable[[], Rendered]]


@dataclass(frozen=True)
class Engine:
    """One way of making a format: what the user types, what the app shows, its writer, and
    whether screen readers get the document's structure (headings, lists, tables, alt text)."""

    key: str  # --pdf-engine typst
    label: str  # "Tagged PDF (PDF/UA and PDF/A)"
    writer: Writer  # takes a Document, returns the file (with its page count when paged)
    tagged: bool
    # For a writer that spends its time in compiled code that lets Python run meanwhile (Typst
    # lays out without holding Python's lock): the writer in two halves. The build does the
    # first, then runs the layout on a thread of its own while it runs the pack rules.
    layout: Layout | None = None


@dataclass(frozen=True)
class OutputFormat:
    """A format and the engines that can make it; the first engine is the default."""

    key: str  # what the user types: --format docx
    suffix: str  # ".docx"
    label: str  # what the app shows: "Word (.docx)"
    engines: dict[str, Engine]

    @property
    def default_engine(self) -> Engine:
        return next(iter(self.engines.values()))

    def render(self, document: Document, engine: str | None = None) -> Rendered:
        """The file made by engine (None: the default one)."""
        return (self.engines[engine] if engine else self.default_engine).writer(document)


# The writers, each imported only when its format is rendered, so listing the formats costs
# nothing (the PDF writers load reportlab or Typst).
def _word(document: Document) -> Rendered:
    from briefing.export.docx.writer import render_docx

    return Rendered(render_docx(document))


def _web_page(document: Document) -> Rendered:
    from briefing.export.html.writer import render_html

    return Rendered(render_html(document))


def _tagged_pdf(document: Document) -> Rendered:
    from briefing.export.pdf.typst.writer import render_typst_pdf

    return render_typst_pdf(document)


def _tagged_pdf_layout(document: Document) -> Callable[[], Rendered]:
    from briefing.export.pdf.typst.writer import typst_layout

    return typst_layout(document)


def _untagged_pdf(document: Document) -> Rendered:
    from briefing.export.pdf.reportlab.writer import render_pdf

    return render_pdf(document)


def _engines(*engines: Engine) -> dict[str, Engine]:
    return {engine.key: engine for engine in engines}


FORMATS: dict[str, OutputFormat] = {
    fmt.key: fmt
    for fmt in (
        OutputFormat(
            "docx",
            ".docx",
            "Word (.docx)",
            _engines(Engine("python-docx", "Word (.docx)", _word, tagged=True)),
        ),
        # The tagged engine meets PDF/UA-1 and PDF/A-2a; reportlab's is untagged (no structure
        # for screen readers), kept as a fallback.
        OutputFormat(
            "pdf",
            ".pdf",
            "PDF",
            _engines(
                Engine(
                    "typst",
                    "Tagged PDF (accessible: PDF/UA-1 and PDF/A-2a)",
                    _tagged_pdf,
                    tagged=True,
                    layout=_tagged_pdf_layout,
                ),
                Engine(
                    "reportlab",
                    "Untagged PDF (reportlab; not for publishing)",
                    _untagged_pdf,
                    tagged=False,
                ),
            ),
        ),
        OutputFormat(
            "html",
            ".html",
            "Web page (.html)",
            _engines(Engine("html", "Web page (.html)", _web_page, tagged=True)),
        ),
    )
}

# The engines that can make the PDF (what --pdf-engine offers); the first is the default.
PDF_ENGINES: dict[str, Engine] = FORMATS["pdf"].engines
DEFAULT_PDF_ENGINE = FORMATS["pdf"].default_engine.key
# The engine the app offers beside the default, for a PDF without tags (a fallback).
UNTAGGED_PDF_ENGINE = next(key for key, engine in PDF_ENGINES.items() if not engine.tagged)

# Names that stand for several formats on the command line.
GROUPS: dict[str, tuple[str, ...]] = {"both": ("docx", "pdf"), "all": tuple(FORMATS)}

GROUP_LABELS: dict[str, str] = {
    "both": "Word (.docx) and PDF",
    "all": "Word, PDF and web page (.html)",
}

DEFAULT_FORMATS: tuple[str, ...] = GROUPS["both"]


def export_choices() -> list[tuple[str, str, tuple[str, ...]]]:
    """What the app's export dialog offers, as (key, label, formats): the groups, "both"
    (the default) first, then each format on its own."""
    return [(key, GROUP_LABELS[key], formats) for key, formats in GROUPS.items()] + [
        (key, f"{fmt.label} only", (key,)) for key, fmt in FORMATS.items()
    ]


def format_engines() -> list[tuple[str, str]]:
    """Every (format, engine) pair the table holds, each format's default engine first."""
    return [(fmt.key, engine) for fmt in FORMATS.values() for engine in fmt.engines]


def format_choices() -> list[str]:
    """Every value `--format` accepts: each format, then the groups."""
    return [*FORMATS, *GROUPS]


def expand(choice: str) -> tuple[str, ...]:
    """The formats a `--format` value stands for (a format or a group)."""
    return GROUPS.get(choice) or (choice,)


def engine_for(key: str | None) -> Engine:
    """The engine named key (None or "" for the default); a plain message for an unknown one."""
    if not key:
        return PDF_ENGINES[DEFAULT_PDF_ENGINE]
    if key not in PDF_ENGINES:
        from briefing.errors import BriefingError

        raise BriefingError(f"Unknown PDF engine {key!r}: choose one of {', '.join(PDF_ENGINES)}.")
    return PDF_ENGINES[key]


def engine_of(key: str, pdf_engine: str | None = None) -> Engine:
    """The engine that makes one format; the PDF's is pdf_engine (default: the tagged one)."""
    fmt = FORMATS[key]
    return fmt.engines[engine_for(pdf_engine).key] if key == "pdf" else fmt.default_engine


def render(key: str, document: Document, pdf_engine: str | None = None) -> Rendered:
    """The file for one format; the PDF is made by pdf_engine (default: the tagged engine)."""
    return engine_of(key, pdf_engine).writer(document)


__all__ = [
    "DEFAULT_FORMATS",
    "DEFAULT_PDF_ENGINE",
    "FORMATS",
    "GROUPS",
    "GROUP_LABELS",
    "PDF_ENGINES",
    "UNTAGGED_PDF_ENGINE",
    "Engine",
    "Layout",
    "OutputFormat",
    "Rendered",
    "Writer",
    "engine_for",
    "engine_of",
    "expand",
    "export_choices",
    "format_choices",
    "format_engines",
    "render",
]
