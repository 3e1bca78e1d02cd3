"""The build service: a pack is checked, then becomes .docx, PDF and HTML files (used by the CLI
and the app)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.checks.finding import Finding, sort_key
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
from briefing.uk import and_list, plural

if TYPE_CHECKING:
    from briefing.checks.earlier import Checked
    from briefing.compose.audience import Version
    from briefing.model import Pack
    from briefing.packfile.positions import Positions

# progress(done, total, message): called before each step and once at the end.
Progress = Callable[[int, int, str], None]


def output_paths(pack: Pack, outdir: Path, formats: Sequence[str],
                 audience: str | None = None) -> list[Path]:
    stem = version_stem(pack.title, audience)
    return [Path(outdir) / f"{stem}{FORMATS[fmt].suffix}" for fmt in formats]


class Written(list[Path]):
    """The files a build wrote, in order, and `findings`: the checks table's findings on the
    version built (warnings and advice, with the page budget counted on the PDF just made)."""

    def __init__(self, paths: Sequence[Path] = (), findings: Sequence[Finding] = ()) -> None:
        super().__init__(paths)
        self.findings = list(findings)


class ChecksFailed(BriefingError):
    """The checks found errors, so nothing was built. `findings` holds every finding (errors
    first), for the caller to show as `briefing check` does."""

    def __init__(self, findings: Sequence[Finding]) -> None:
        self.findings = list(findings)
        errors = [f for f in self.findings if f.severity == "error"]
        super().__init__("\n".join([*(str(f) for f in errors), (
            f"Nothing was built: fix the {plural(len(errors), 'error')} above and build again.")]))


def pack_findings(pack: Pack, base_dir: Path, *, pack_path: Path | None = None,
                  positions: Positions | None = None, audience: str | None = None,
                  pdf_engine: str = DEFAULT_PDF_ENGINE) -> list[Finding]:
    """The checks table's findings on the pack, before anything is built: what `briefing
    validate` prints and what stops a build (errors). With the pack file and its positions,
    each finding points at FILE:LINE:COL."""
    from briefing.checks import CheckContext, run_checks

    return run_checks(CheckContext(pack, pack_path, positions, Path(base_dir), audience=audience,
                                   pdf_engine=pdf_engine), "pack")


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
    pack_path: Path | None = None,
    positions: Positions | None = None,
    checked: Checked | None = None,
) -> Written:
    """Check the pack, compose it once, render every format, then write the files; returns
    their paths, with the checks' findings.

    A pack the checks find errors in is refused before anything is rendered or written
    (ChecksFailed, listing them; `pack_path` and `positions` place them in the file). Every
    format is rendered before any file is written, so a problem in one (an unreadable logo,
    say) never leaves a new .docx beside an old PDF. `names` overrides the file for a
    format (e.g. {"pdf": "Title (2).pdf"} when the usual one is open in another program; the
    two-up copy's key is "two-up"). With two_up, an A5 pack also gets "Title (two-up).pdf",
    imposed from the same PDF bytes, two pages to each A4 landscape sheet (written last).
    `audience` picks the version (None: the full one); every version but the members' also
    gets a record of what it withheld, "Title (public) - withheld items.txt" (`pack_name`
    names the pack file in it). `pdf_engine` picks the PDF writer (registry.PDF_ENGINES: the
    tagged one unless asked). `checked` holds checks already made (the app's export dialog
    lists them first): their findings are used when they still hold for this pack, version and
    engine (Checked.reuse decides), otherwise the checks run here.
    """
    from briefing.checks import CheckContext, run_checks
    from briefing.checks.pack_rules import PAGE_BUDGET
    from briefing.compose.audience import for_audience

    if two_up:
        _check_two_up(pack, formats)
    report = progress or (lambda done, total, message: None)
    chosen = names or {}
    defaults = output_paths(pack, outdir, formats, audience)
    targets = [chosen.get(fmt, default) for fmt, default in zip(formats, defaults, strict=True)]
    stem = version_stem(pack.title, audience)
    total = 1 + 2 * len(formats) + (2 if two_up else 0)
    report(0, total, "Checking and composing the briefing")
    earlier = checked.reuse(pack, base_dir, audience, pdf_engine, pack_path) if checked else None
    if earlier is not None:
        context, findings = earlier
    else:
        context = CheckContext(pack, pack_path, positions, Path(base_dir), audience=audience,
                               pdf_engine=pdf_engine)
        findings = run_checks(context, "pack")
    if any(finding.severity == "error" for finding in findings):
        raise ChecksFailed(findings)
    version = for_audience(pack, audience)
    document = context.document()  # composed once, for the checks and the writers
    rendered: list[bytes] = []
    for step, (fmt, target) in enumerate(zip(formats, targets, strict=True), 1):
        report(step, total, f"Laying out {target.name}")
        made = render(fmt, document, pdf_engine)
        rendered.append(made.data)
        if fmt == "pdf":
            context.pages = made.pages  # the writer counts its pages: the page budget's figure
            findings = sorted([*findings, *PAGE_BUDGET.check(context)], key=sort_key)
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
    return Written(written, findings)


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
    checked: Checked | None = None,
) -> Written:
    """build_pack for each audience in turn (the app's export of several versions); `names`
    applies when there is one audience only; `checked` as for build_pack. The findings are each
    version's, once each."""
    written = Written()
    for audience in audiences:
        built = build_pack(pack, base_dir, outdir, formats, progress,
                           names if len(audiences) == 1 else None, two_up, audience,
                           pack_name, pdf_engine, checked=checked)
        written += built
        written.findings += [f for f in built.findings if f not in written.findings]
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

