"""The build service: a pack file becomes .docx and/or PDF files (used by the CLI and the app)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.compose.record import record_name
from briefing.errors import BriefingError
from briefing.export.registry import (
    DEFAULT_FORMATS,
    DEFAULT_PDF_ENGINE,
    FORMATS,
    Rendered,
    render,
)
from briefing.files import atomic_write_all, atomic_write_text, sweep_temporaries
from briefing.naming import version_stem
from briefing.uk import and_list

if TYPE_CHECKING:
    from briefing.compose.audience import Version
    from briefing.model import Pack

# progress(done, total, message): called before each step and once at the end.
Progress = Callable[[int, int, str], None]


def output_paths(pack: Pack, outdir: Path, formats: Sequence[str],
                 audience: str | None = None) -> list[Path]:
    stem = version_stem(pack.title, audience)
    return [Path(outdir) / f"{stem}{FORMATS[fmt].suffix}" for fmt in formats]


def pdf_page_count(path: Path) -> int:
    """Pages in a PDF this program wrote (reads only the page tree, not the content)."""
    from pypdf import PdfReader

    return len(PdfReader(Path(path)).pages)


def render_outputs(pack: Pack, base_dir: Path, formats: Sequence[str],
                   audience: str | None = None,
                   pdf_engine: str = DEFAULT_PDF_ENGINE) -> dict[str, Rendered]:
    """Compose the pack once (as `audience` sees it) and render each format in memory
    (nothing is written): for checks that read the built files."""
    from briefing.compose import compose

    document = compose(pack, base_dir, audience)
    return {fmt: render(fmt, document, pdf_engine) for fmt in formats}


def build_pack(
    pack: Pack,
    base_dir: Path,
    outdir: Path,
    formats: Sequence[str] = DEFAULT_FORMATS,
    progress: Progress | None = None,
    names: Mapping[str, Path] | None = None,
    two_up: bool = False,
    audience: str | None = None,
    pack_name: str = "",
    pdf_engine: str = DEFAULT_PDF_ENGINE,
) -> list[Path]:
    """Compose the pack once, render every format, then write the files; returns their paths.

    Every format is rendered before any file is written, so a problem in one (an unreadable
    logo, say) never leaves a new .docx beside an old PDF. `names` overrides the file for a
    format (e.g. {"pdf": "Title (2).pdf"} when the usual one is open in another program; the
    two-up copy's key is "two-up"). With two_up, an A5 pack also gets "Title (two-up).pdf",
    imposed from the same PDF bytes, two pages to each A4 landscape sheet (written last).
    `audience` picks the version (None: the full one); every version but the members' also
    gets a record of what it withheld, "Title (public) - withheld items.txt" (`pack_name`
    names the pack file in it). `pdf_engine` picks the PDF writer (registry.PDF_ENGINES: the
    tagged one unless asked).
    """
    from briefing.compose.audience import for_audience
    from briefing.compose.builder import compose_version

    if two_up:
        _check_two_up(pack, formats)
    report = progress or (lambda done, total, message: None)
    chosen = names or {}
    defaults = output_paths(pack, outdir, formats, audience)
    targets = [chosen.get(fmt, default) for fmt, default in zip(formats, defaults, strict=True)]
    stem = version_stem(pack.title, audience)
    total = 1 + 2 * len(formats) + (2 if two_up else 0)
    report(0, total, "Composing the briefing")
    version = for_audience(pack, audience)
    document = compose_version(version, base_dir)
    rendered: list[bytes] = []
    for step, (fmt, target) in enumerate(zip(formats, targets, strict=True), 1):
        report(step, total, f"Laying out {target.name}")
        rendered.append(render(fmt, document, pdf_engine).data)
    if two_up:
        from briefing.export.two_up import impose_two_up, two_up_name

        target = chosen.get("two-up", Path(outdir) / two_up_name(stem))
        report(1 + len(formats), total, f"Arranging {target.name}")
        rendered.append(impose_two_up(rendered[list(formats).index("pdf")]))
        targets.append(target)
    report(total - len(targets), total, f"Writing {and_list([t.name for t in targets])}")
    sweep_temporaries(Path(outdir))  # left by a build that was killed
    # All or nothing: the old files stay until every new one is in place.
    written = atomic_write_all(list(zip(targets, rendered, strict=True)))
    if not version.is_full:
        written.append(_write_record(version, pack.title, pack_name, written,
                                     Path(outdir) / record_name(stem)))
    report(total, total, "Done")
    return written


def build_versions(
    pack: Pack,
    base_dir: Path,
    outdir: Path,
    formats: Sequence[str],
    audiences: Sequence[str | None],
    progress: Progress | None = None,
    names: Mapping[str, Path] | None = None,
    two_up: bool = False,
    pack_name: str = "",
    pdf_engine: str = DEFAULT_PDF_ENGINE,
) -> list[Path]:
    """build_pack for each audience in turn (the app's export of several versions); `names`
    applies when there is one audience only."""
    written: list[Path] = []
    for audience in audiences:
        written += build_pack(pack, base_dir, outdir, formats, progress,
                              names if len(audiences) == 1 else None, two_up, audience,
                              pack_name, pdf_engine)
    return written


def _write_record(version: Version, title: str, pack_name: str, files: Sequence[Path],
                  target: Path) -> Path:
    """The record of what this version withheld, beside its files (see compose.record)."""
    from briefing.compose.record import withheld_record

    text = withheld_record(version, title, pack_name, [path.name for path in files],
                           datetime.now(UTC))
    return atomic_write_text(target, text)


def _check_two_up(pack: Pack, formats: Sequence[str]) -> None:
    """Refuse a two-up copy that cannot be made, before any work is done."""
    from briefing.export.two_up import NEEDS_A5

    if pack.layout.paper != "A5":
        raise BriefingError(f"{NEEDS_A5} (this pack is {pack.layout.paper}).")
    if "pdf" not in formats:
        raise BriefingError("The two-up copy is made from the PDF: build the PDF as well.")

