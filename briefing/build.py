"""The build service: a pack file becomes .docx and/or PDF files (used by the CLI and the app)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from briefing.model import Pack
from briefing.naming import file_stem

FORMATS = ("docx", "pdf")

# progress(done, total, message): called before each step and once at the end.
Progress = Callable[[int, int, str], None]


def output_paths(pack: Pack, outdir: Path, formats: Sequence[str]) -> list[Path]:
    stem = file_stem(pack.title)
    return [Path(outdir) / f"{stem}.{fmt}" for fmt in formats]


def pdf_page_count(path: Path) -> int:
    """Pages in a PDF this program wrote (reads only the page tree, not the content)."""
    from pypdf import PdfReader

    return len(PdfReader(Path(path)).pages)


def build_pack(
    pack: Pack,
    base_dir: Path,
    outdir: Path,
    formats: Sequence[str] = FORMATS,
    progress: Progress | None = None,
) -> list[Path]:
    """Compose the pack once and write each format; returns the paths written."""
    from briefing.compose import compose

    report = progress or (lambda done, total, message: None)
    total = 1 + len(formats)
    report(0, total, "Composing the briefing")
    document = compose(pack, base_dir)
    written: list[Path] = []
    for step, (fmt, target) in enumerate(zip(formats, output_paths(pack, outdir, formats), strict=True), 1):
        report(step, total, f"Writing {target.name}")
        if fmt == "docx":
            from briefing.export.docx import write_docx

            written.append(write_docx(document, target))
        elif fmt == "pdf":
            from briefing.export.pdf import write_pdf

            written.append(write_pdf(document, target))
        else:  # pragma: no cover - guarded by the CLI and the app
            raise ValueError(f"unknown format {fmt!r}")
    report(total, total, "Done")
    return written
