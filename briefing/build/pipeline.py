"""The build pipeline: a BuildRequest goes through one job per version (resolve, compose, pack
rules, render, verify, count pages, output rules) and then every file is written, or none.

    check(request)            the report: every finding on the pack and on the files built in
                              memory (`briefing check`, the preview); nothing is written
    prepare(request)          the pack rules on each version, kept for the build that follows
                              (`briefing validate`, the export dialog's list of problems)
    build(request, …)         checks, renders, verifies and writes every version's files, or
                              raises ChecksFailed and writes nothing
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.build.estimate import build_stages
from briefing.build.job import Job, check_while_laying_out, render_all, start
from briefing.checks.finding import Finding, Location
from briefing.errors import BriefingError, PackError
from briefing.export.registry import FORMATS
from briefing.uk.wording import and_list, plural

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from briefing.build.request import BuildRequest

# progress(done, total, message): called before each step and once at the end.
Progress = Callable[[int, int, str], None]

PACK_FILE = "pack-file"  # a pack file that cannot be read, as a finding of the report


@dataclass
class Report:
    """What check() found: every finding, each once (errors first); the formats built and
    checked; and the jobs, with the files rendered in memory."""

    findings: list[Finding] = field(default_factory=list)
    built: list[str] = field(default_factory=list)
    jobs: list[Job] = field(default_factory=list)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def has_errors(self) -> bool:
        return self.count("error") > 0


class Written(list[Path]):
    """The files a build wrote, in order, and `findings`: every version's warnings and advice,
    each once (the page budget counted on the PDF just made); `notes` says what could not be
    checked ("public: note: the page budget is checked on the PDF; …")."""

    def __init__(
        self,
        paths: Sequence[Path] = (),
        findings: Sequence[Finding] = (),
        notes: Sequence[str] = (),
    ) -> None:
        super().__init__(paths)
        self.findings = list(findings)
        self.notes = list(notes)


class ChecksFailed(BriefingError):
    """The checks found errors (in the pack, or in a file as rendered), so nothing was
    written. `findings` holds every finding (errors first), to show as `briefing check` does."""

    def __init__(self, findings: Sequence[Finding]) -> None:
        self.findings = list(findings)
        errors = [f for f in self.findings if f.severity == "error"]
        super().__init__(
            "\n".join(
                [
                    *(str(f) for f in errors),
                    (
                        f"Nothing was built: fix the {plural(len(errors), 'error')} above and build again."
                    ),
                ]
            )
        )


@dataclass
class Checked:
    """The pack rules already run on each version of a request (the export dialog lists them
    before it builds). `state` is a digest of everything they read; a build of the same
    request reuses the jobs while the pack and its files are unchanged."""

    request: BuildRequest
    state: bytes
    jobs: dict[str | None, Job] = field(default_factory=dict)

    def findings(self) -> list[Finding]:
        """Every version's findings, each once, in the order they were found."""
        return _each_once(job.findings for job in self.jobs.values())

    def reuse(self, request: BuildRequest, audience: str | None) -> Job | None:
        """This version's job, ready to render, when it was checked with the same engine on
        this very pack and nothing it reads has changed since; None otherwise."""
        from briefing.build.state import pack_state

        job = self.jobs.get(audience)
        if (
            job is None
            or request.pdf_engine != self.request.pdf_engine
            or request.pack_path != self.request.pack_path
            or _edition_options(request) != _edition_options(self.request)
            or pack_state(request.pack, request.base_dir) != self.state
        ):
            return None
        # A fresh job for this request (its formats and folder), with the work already done.
        return Job(request, audience, job.version, job.document, list(job.findings))


def _edition_options(request: BuildRequest) -> tuple[object, ...]:
    """What a request asks about versions: a job composed for other options cannot serve."""
    return (request.edition, request.history_of, request.changes_since, request.supplement_since)


def prepare(request: BuildRequest) -> Checked:
    """Resolve, compose and run the pack rules on each version of the request."""
    from briefing.build.state import pack_state

    request.refuse_what_cannot_be_made()
    state = pack_state(request.pack, request.base_dir)
    return Checked(
        request, state, {audience: start(request, audience) for audience in request.versions()}
    )


def check(request: BuildRequest, jobs: Sequence[Job] = ()) -> Report:
    """Every finding on the pack and on its files built in memory (the request's formats, for
    each of its versions; nothing is written). A file that cannot be built is a finding too.
    `jobs` are versions already started (the preview shows its pages before the checks)."""
    started = {job.audience: job for job in jobs}
    report = Report()
    for audience in request.versions():
        job = started.get(audience) or start(request, audience)
        render_all(job, explain=True)
        report.built += [fmt for fmt in job.rendered if fmt not in report.built]
        report.jobs.append(job)
    report.findings = _each_once(job.findings for job in report.jobs)
    return report


def check_file(
    path: Path, formats: Sequence[str], audience: str | None = None, pdf_engine: str | None = None
) -> Report:
    """The report for a pack file; a pack that cannot be read gives its problems as
    findings."""
    from briefing.build.request import BuildRequest

    options: dict[str, object] = {"formats": tuple(formats), "audiences": (audience,)}
    if pdf_engine:
        options["pdf_engine"] = pdf_engine
    try:
        request = BuildRequest.for_file(path, **options)
    except PackError as exc:
        return Report(
            [
                Finding(
                    PACK_FILE,
                    "error",
                    problem.message,
                    Location(problem.file, problem.line or None, problem.column or None),
                )
                for problem in exc.problems
            ]
        )
    return check(request)


def build(
    request: BuildRequest, progress: Progress | None = None, checked: Checked | None = None
) -> Written:
    """Check, render, verify and write every version of the request; returns the paths written
    with the findings (warnings and advice) and notes.

    A version whose pack the rules find errors in stops the build before anything is rendered
    (ChecksFailed, listing them). Every format of every version is rendered and verified before
    any file is written: a file the verify rules find wanting (a piece of the pack missing from
    it, text over the footer) stops the build the same way, so a bad file is never written and
    no new .docx is left beside an old PDF. With two_up, an A5 pack also gets "Title
    (two-up).pdf", imposed from the same PDF bytes. Every version but the members' also gets a
    record of what it withheld. `checked` holds jobs already checked (the export dialog's).
    """
    from briefing.files.safe_write import atomic_write_all, sweep_temporaries

    request.refuse_what_cannot_be_made()
    if request.outdir is None:
        raise BriefingError("Choose a folder to write the files to.")
    outdir = Path(request.outdir)
    audiences = request.versions()
    report = progress or (lambda done, total, message: None)
    total = len(build_stages(request))  # one progress step each (build.estimate times them)
    steps = total - 1  # the last: writing the files
    report(0, total, "Checking and composing the briefing")
    done = 1

    def targets_of(job: Job) -> dict[str, Path]:
        names = request.names if len(audiences) == 1 else {}
        stem = request.stem(job.audience)
        return {
            fmt: names.get(fmt, outdir / f"{stem}{FORMATS[fmt].suffix}") for fmt in request.formats
        }

    def laying_out(job: Job) -> Callable[[str], None]:
        def step(fmt: str) -> None:
            nonlocal done
            report(done, total, f"Laying out {targets_of(job)[fmt].name}")
            done += 1

        return step

    jobs: list[Job] = []
    for audience in audiences:
        job = checked.reuse(request, audience) if checked else None
        if job is None:  # the pack rules run while Typst lays the PDF out
            job = start(request, audience, rules=False)
            check_while_laying_out(job, laying_out(job))
        if job.has_errors:
            raise ChecksFailed(_each_once(j.findings for j in [*jobs, job]))
        jobs.append(job)
    files: list[tuple[Path, bytes]] = []
    for job in jobs:
        stem = request.stem(job.audience)
        names = request.names if len(jobs) == 1 else {}
        targets = targets_of(job)
        render_all(job, progress=laying_out(job))
        if job.has_errors:  # a file as rendered does not hold what the pack says
            raise ChecksFailed(_each_once(j.findings for j in jobs))
        version_files = [(targets[fmt], job.rendered[fmt].data) for fmt in request.formats]
        if request.two_up:  # (pypdf, which imposes the pages, is loaded only then)
            from briefing.export.pdf.two_up import impose_two_up, two_up_name

            target = names.get("two-up", outdir / two_up_name(stem))
            report(done, total, f"Arranging {target.name}")
            done += 1
            version_files.append((target, impose_two_up(job.rendered["pdf"].data)))
        if not job.version.is_full:
            version_files.append(
                _record(job, [path.name for path, _ in version_files], outdir, stem)
            )
        files += version_files
    report(steps, total, f"Writing {and_list([path.name for path, _ in files])}")
    sweep_temporaries(outdir)  # left by a build that was killed
    # All or nothing: the old files stay until every new one is in place.
    written = atomic_write_all(files)
    report(total, total, "Done")
    notes = [
        f"{job.audience + ': ' if job.audience else ''}note: {note}"
        for job in jobs
        for note in job.notes()
    ]
    return Written(written, _each_once(job.findings for job in jobs), notes)


def _record(job: Job, files: list[str], outdir: Path, stem: str) -> tuple[Path, bytes]:
    """The record of what this version withheld, beside its files (see compose.record)."""
    from briefing.compose.record import record_name, withheld_record
    from briefing.files.safe_write import WriteError

    text = withheld_record(
        job.version, job.request.pack.title, job.request.pack_name, files, datetime.now(UTC)
    )
    target = outdir / record_name(stem)
    try:
        target.parent.mkdir(exist_ok=True)
    except OSError as exc:
        raise WriteError(
            target,
            f"Cannot create the folder {target.parent} for the record "
            f"of withheld items: {exc.strerror or exc}.",
        ) from exc
    return target, text.encode("utf-8")


def _each_once(groups: Iterable[Sequence[Finding]]) -> list[Finding]:
    """The findings of several versions, each once, in the order found."""
    found: dict[Finding, None] = {}
    for findings in groups:
        found.update(dict.fromkeys(findings))
    return list(found)
