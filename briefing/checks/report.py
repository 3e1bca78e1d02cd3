"""The accessibility report: every rule on the pack and on its files, built in memory.

Pack rules run first. The files are then built without writing anything, and the output rules
read them. A file that cannot be built is a finding too; when the pack already has errors, the
writer's own message is replaced by a pointer to them, so nobody meets a raw engine message
for something the report has already explained in plain words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.checks.finding import Finding, Location, sort_key
from briefing.checks.rule import CheckContext
from briefing.checks.table import rule, run_checks
from briefing.errors import BriefingError, PackError
from briefing.export.registry import DEFAULT_PDF_ENGINE

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from briefing.export.registry import Rendered
    from briefing.model import Pack
    from briefing.packfile.positions import Positions

BUILD_FAILED = "build-failed"
PACK_FILE = "pack-file"
PAGE_BUDGET = "page-budget"


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    built: list[str] = field(default_factory=list)  # the formats built and checked

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def has_errors(self) -> bool:
        return self.count("error") > 0


def check_outputs(context: CheckContext, formats: Sequence[str],
                  pack_findings: list[Finding],
                  built: Mapping[str, Rendered] | None = None) -> Report:
    """Build `formats` in memory into the context, then run every output rule on them.
    `built` holds formats already rendered (the app's preview shows its PDF first)."""
    from briefing.export.registry import FORMATS, render

    report = Report(list(pack_findings))
    has_errors = any(f.severity == "error" for f in pack_findings)
    outputs: dict[str, bytes] = {}
    for fmt in formats:
        try:
            if built and fmt in built:
                rendered = built[fmt]
            else:
                rendered = render(fmt, context.document(), context.pdf_engine)
        except BriefingError as exc:
            report.findings.append(_not_built(context, FORMATS[fmt].label, str(exc), has_errors))
            continue
        except Exception as exc:  # a writer's own failure: never shown raw when explained
            if not has_errors:
                raise
            report.findings.append(_not_built(context, FORMATS[fmt].label, str(exc), True))
            continue
        outputs[fmt] = rendered.data
        if rendered.pages is not None and fmt == "pdf":
            context.pages = rendered.pages
        report.built.append(fmt)
    context.outputs = outputs
    report.findings += run_checks(context, "output")
    if context.pages is not None:  # the page budget needs the real page count, known now
        budget = rule(PAGE_BUDGET)
        report.findings = [f for f in report.findings if f.rule != PAGE_BUDGET]
        report.findings += budget.check(context)
    # A file that cannot be built follows the errors that explain why.
    report.findings.sort(key=lambda f: (sort_key(f)[0], f.rule == BUILD_FAILED, sort_key(f)))
    return report


def _not_built(context: CheckContext, label: str, message: str, explained: bool) -> Finding:
    if explained:
        message = f"The {label} cannot be built until the errors listed here are fixed."
    else:
        message = f"The {label} could not be built: {message}"
    return Finding(BUILD_FAILED, "error", message, Location(context.pack_path))


def full_report(pack: Pack, pack_path: Path | None, positions: Positions | None,
                base_dir: Path, formats: Sequence[str], audience: str | None = None,
                pdf_engine: str = DEFAULT_PDF_ENGINE) -> Report:
    """Every finding of every rule, on the pack and on `formats` built in memory (as
    `audience` sees them, the PDF made by `pdf_engine`)."""
    context = CheckContext(pack, pack_path, positions, Path(base_dir), audience=audience,
                           pdf_engine=pdf_engine)
    return check_outputs(context, formats, run_checks(context, "pack"))


def report_for_file(path: Path, formats: Sequence[str], audience: str | None = None,
                    pdf_engine: str = DEFAULT_PDF_ENGINE) -> Report:
    """The report for a pack file; a pack that cannot be read gives its problems as findings."""
    from briefing.packfile import load_pack_at

    try:
        pack, positions = load_pack_at(path)
    except PackError as exc:
        return Report([Finding(PACK_FILE, "error", problem.message,
                               Location(problem.file, problem.line or None,
                                        problem.column or None))
                       for problem in exc.problems])
    from briefing.compose.audience import audience_choices, known_audience

    if audience is not None and not known_audience(pack, audience):
        raise BriefingError(f'{path}: no audience "{audience}": use one of '
                            f'{", ".join(name for name, _ in audience_choices(pack))}')
    return full_report(pack, path, positions, path.resolve().parent, formats, audience,
                       pdf_engine)
