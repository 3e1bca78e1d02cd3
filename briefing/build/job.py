"""One version's build job: the version resolved once, the briefing composed once, the pack
rules, each format rendered in memory, and the output rules (verify among them) on what was
rendered. The job is the only thing that composes or renders; rules see it through a read-only
CheckContext."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from briefing.checks.finding import Finding, Location, sort_key
from briefing.checks.rule import CheckContext
from briefing.checks.table import for_formats, run_checks
from briefing.collector import paused
from briefing.errors import BriefingError

if TYPE_CHECKING:
    from collections.abc import Callable
    from concurrent.futures import Future, ThreadPoolExecutor

    from briefing.build.request import BuildRequest
    from briefing.compose.audience import Version
    from briefing.document.model import Document
    from briefing.export.registry import Layout
    from briefing.export.rendered import Rendered

BUILD_FAILED = "build-failed"
PAGE_BUDGET = "page-budget"


@dataclass
class Job:
    """One version of a request, as far as it has gone: `findings` grows as each stage runs
    (the pack rules, then the output rules once the files are rendered)."""

    request: BuildRequest
    audience: str | None
    version: Version
    document: Document
    findings: list[Finding] = field(default_factory=list)
    rendered: dict[str, Rendered] = field(default_factory=dict)
    # What the output rules need of the document alone, worked out while Typst lays out.
    prepared: dict[str, object] = field(default_factory=dict)

    def view(self) -> CheckContext:
        """What the rules read: this job, read-only."""
        request = self.request
        pdf = self.rendered.get("pdf")
        return CheckContext(
            request.pack,
            self.version,
            self.document,
            request.pack_path,
            request.positions,
            request.base_dir,
            {fmt: made.data for fmt, made in self.rendered.items()},
            pdf.pages if pdf is not None else None,
            self.audience,
            request.pdf_engine,
            memo=dict(self.prepared),
        )

    @property
    def has_errors(self) -> bool:
        return any(finding.severity == "error" for finding in self.findings)

    def notes(self) -> list[str]:
        """What the build could not check and why (a page budget with no PDF to count)."""
        if "pdf" not in self.request.formats and self.version.pack.budget.pages:
            return [
                "the page budget is checked on the PDF; build with --format pdf or both to check it"
            ]
        return []


@paused()
def start(request: BuildRequest, audience: str | None, *, rules: bool = True) -> Job:
    """Resolve the version and compose it, once; then run the pack rules on it (unless
    `rules` is False: the preview renders its pages first and runs them after)."""
    from briefing.compose.audience import for_audience
    from briefing.history.editions import composed

    version = for_audience(request.pack, audience)
    job = Job(request, audience, version, composed(request, version))
    if rules:
        run_pack_rules(job)
    return job


def run_pack_rules(job: Job) -> None:
    """The rules that read the pack and the composed briefing (not the files), those that
    matter for the formats asked for (the PDF's fonts only when a PDF is made)."""
    formats = job.request.formats
    job.findings = for_formats(run_checks(job.view(), "pack", formats), formats)


@paused()
def check_while_laying_out(job: Job, progress: Callable[[str], None] | None = None) -> None:
    """Run the pack rules while the formats whose writer works outside Python's lock (Typst)
    are laid out on a thread of their own, so that with a second core the rules take no time
    of their own; then, still meanwhile, work out what the verify rules need of the document
    and render the other formats (the Word file of a build of both). render_all verifies them
    all. When the rules find errors, nothing is kept of what was laid out (the errors explain
    any failure)."""
    from concurrent.futures import ThreadPoolExecutor

    from briefing.export.registry import engine_of, render

    request = job.request
    apart = {
        fmt: layout
        for fmt in request.formats
        if (layout := engine_of(fmt, request.pdf_engine).layout) is not None
    }
    if not apart:
        run_pack_rules(job)
        return
    with ThreadPoolExecutor(1, thread_name_prefix="briefing-layout") as pool:
        # Each writer's work in Python first, here (on the thread it would only take turns with
        # the rules for Python's lock), then its layout on the thread while the rules run.
        laying_out = {fmt: _lay_out(pool, layout, job.document) for fmt, layout in apart.items()}
        run_pack_rules(job)
        if not job.has_errors:
            prepare_verify(job)
        if progress is not None and not job.has_errors:  # said only of what will be kept
            for fmt in apart:
                progress(fmt)
        for fmt in request.formats:
            if fmt not in laying_out and not job.has_errors:
                if progress is not None:
                    progress(fmt)
                job.rendered[fmt] = render(fmt, job.document, request.pdf_engine)
        for fmt, made in laying_out.items():
            try:
                job.rendered[fmt] = made.result()
            except Exception:
                if not job.has_errors:
                    raise
    if job.has_errors:
        job.rendered.clear()


def _lay_out(pool: ThreadPoolExecutor, layout: Layout, document: Document) -> Future[Rendered]:
    """The layout of `document` under way on `pool`, its Python half done first; should that
    half fail, a future holding its error (the rules may explain it)."""
    from concurrent.futures import Future

    try:
        rest = layout(document)
    except Exception as exc:
        failed: Future[Rendered] = Future()
        failed.set_exception(exc)
        return failed
    return pool.submit(rest)


def prepare_verify(job: Job) -> None:
    """Work out what the verify rules need of the document alone, for every view after."""
    from briefing.checks.verify import prepare

    view = job.view()
    prepare(view, job.request.formats)
    job.prepared.update(view.memo)


def render_all(
    job: Job, *, explain: bool = False, progress: Callable[[str], None] | None = None
) -> None:
    """Render every format of the request in memory, then run the output rules on them.

    With `explain` (the report of `briefing check` and the preview) a format that cannot be
    rendered becomes a finding, worded as a pointer to the pack's errors when there are any;
    otherwise the writer's BriefingError stops the build.
    """
    from briefing.export.registry import FORMATS, render

    for fmt in job.request.formats:
        if fmt in job.rendered:
            continue
        if progress is not None:
            progress(fmt)
        try:
            job.rendered[fmt] = render(fmt, job.document, job.request.pdf_engine)
        except BriefingError as exc:
            if not explain:
                raise
            job.findings.append(_not_built(job, FORMATS[fmt].label, str(exc)))
        except Exception as exc:  # a writer's own failure: never shown raw when explained
            if not (explain and job.has_errors):
                raise
            job.findings.append(_not_built(job, FORMATS[fmt].label, str(exc)))
    verify(job)


def verify(job: Job) -> None:
    """Run the output rules on what was rendered (the page budget is counted on the PDF)."""
    view = job.view()
    found = run_checks(view, "output")
    if view.pages is not None:  # the page budget needs the real page count, known now
        from briefing.checks.table import rule

        job.findings = [f for f in job.findings if f.rule != PAGE_BUDGET]
        found += rule(PAGE_BUDGET).check(view)
    # A file that cannot be built follows the errors that explain why.
    job.findings = sorted(
        [*job.findings, *found], key=lambda f: (sort_key(f)[0], f.rule == BUILD_FAILED, sort_key(f))
    )


def with_outputs(job: Job, rendered: dict[str, Rendered]) -> Job:
    """The same job holding other rendered files (a test's altered file, the preview's PDF
    made first), with its pack findings only: verify() checks them."""
    pack_only = [f for f in job.findings if _is_pack_rule(f.rule) or f.rule == BUILD_FAILED]
    return replace(job, findings=pack_only, rendered=dict(rendered))


def _is_pack_rule(code: str) -> bool:
    from briefing.checks.table import RULES

    return any(rule.code == code and rule.scope == "pack" for rule in RULES)


def _not_built(job: Job, label: str, message: str) -> Finding:
    if job.has_errors:
        message = f"The {label} cannot be built until the errors listed here are fixed."
    else:
        message = f"The {label} could not be built: {message}"
    return Finding(BUILD_FAILED, "error", message, Location(job.request.pack_path))
