"""The one build pipeline: every built file (command line and app) comes out of it.

A BuildRequest (pack, formats, versions, PDF engine, two-up, output folder, file names) goes
through one job per version: resolve the version once, compose it once, run the pack rules,
render each format in memory, verify each rendered file (the verify rules: every piece of the
pack present in order, nothing outside the page or over the footer, no near-empty page, words
whole), count the pages, run the other output rules, then write every file or none.

To build a pack in some formats and engines and prove the files, from a test or a script:

    from briefing.build import BuildRequest, check, VERIFY_RULES

    request = BuildRequest.for_file(path, formats=("docx", "pdf", "html"), pdf_engine="typst")
    # or BuildRequest(pack, base_dir, formats=…, audiences=("public",), pdf_engine="reportlab")
    report = check(request)                    # nothing is written
    problems = [f for f in report.findings if f.rule in VERIFY_RULES]
    assert not problems, "\\n".join(map(str, problems))   # "FILE:LINE:COL: error: …"
    pdf_bytes = report.jobs[0].rendered["pdf"].data        # the file that was checked

`verify_files(job, {"pdf": altered_bytes})` runs the output rules on other bytes for the same
job (a file with a row taken out must fail). `build(replace(request, outdir=folder))` writes
the files, or raises ChecksFailed (its `findings` say why) and writes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.build.job import BUILD_FAILED, Job, start, verify, with_outputs
from briefing.build.pipeline import (
    PACK_FILE,
    Checked,
    ChecksFailed,
    Progress,
    Report,
    Written,
    build,
    check,
    check_file,
    prepare,
)
from briefing.build.request import ALL_AUDIENCES, BuildRequest
from briefing.checks.verify import VERIFY_RULES

if TYPE_CHECKING:
    from collections.abc import Mapping

    from briefing.checks.finding import Finding
    from briefing.checks.rule import CheckContext


def view(request: BuildRequest, audience: str | None = None) -> CheckContext:
    """What the rules would read for this version (composed, nothing rendered): for running
    one rule, or the pack rules, on their own."""
    return start(request, audience, rules=False).view()


def verify_files(job: Job, files: Mapping[str, bytes]) -> list[Finding]:
    """The output rules' findings on `files` (format key -> bytes) as if the job had rendered
    them: what verify says about a file that was changed after it was made."""
    from briefing.export.rendered import Rendered

    other = with_outputs(job, {fmt: Rendered(data) for fmt, data in files.items()})
    before = set(other.findings)  # the pack rules' findings, kept from the job
    verify(other)
    return [f for f in other.findings if f not in before]


__all__ = [
    "ALL_AUDIENCES",
    "BUILD_FAILED",
    "PACK_FILE",
    "VERIFY_RULES",
    "BuildRequest",
    "Checked",
    "ChecksFailed",
    "Job",
    "Progress",
    "Report",
    "Written",
    "build",
    "check",
    "check_file",
    "prepare",
    "start",
    "verify_files",
    "view",
]
