"""One build pipeline: the command line and the app reach the files only through it, each
version is resolved and composed once however many formats are built, and the rules read the
job without composing anything themselves."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import briefing.build.job
import briefing.compose.audience
import briefing.compose.builder
from briefing.build import BuildRequest, build, check, prepare
from briefing.cli import main

PACKS = Path(__file__).resolve().parents[1] / "packs"


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str | None]]:
    """Every resolution of a version, composition and start of a job, by audience."""
    calls: dict[str, list[str | None]] = {"resolved": [], "composed": [], "jobs": []}
    resolve = briefing.compose.audience.for_audience
    compose = briefing.compose.builder.compose_version
    start = briefing.build.job.start

    def resolving(pack, name=None):  # type: ignore[no-untyped-def]
        calls["resolved"].append(name)
        return resolve(pack, name)

    def composing(version, base_dir):  # type: ignore[no-untyped-def]
        calls["composed"].append(version.name)
        return compose(version, base_dir)

    def starting(request, audience, **options):  # type: ignore[no-untyped-def]
        calls["jobs"].append(audience)
        return start(request, audience, **options)

    monkeypatch.setattr(briefing.compose.audience, "for_audience", resolving)
    monkeypatch.setattr(briefing.compose.builder, "compose_version", composing)
    monkeypatch.setattr(briefing.build.job, "start", starting)
    monkeypatch.setattr(briefing.build.pipeline, "start", starting)
    return calls


def test_each_version_is_resolved_and_composed_once_for_every_format(
    counted: dict[str, list[str | None]], tmp_path: Path
) -> None:
    request = BuildRequest.for_file(
        PACKS / "member-briefing.yaml",
        formats=("docx", "pdf", "html"),
        audiences=("all",),
        outdir=tmp_path,
    )
    written = build(request)
    names = ["members", "public", "summary"]
    assert sorted(counted["resolved"], key=str) == names  # once each, for all three formats
    assert sorted(counted["composed"]) == names
    assert len([p for p in written if p.suffix in (".docx", ".pdf", ".html")]) == 9


def test_the_export_dialogs_checks_are_the_builds_jobs(
    counted: dict[str, list[str | None]], tmp_path: Path
) -> None:
    request = BuildRequest.for_file(
        PACKS / "member-briefing.yaml",
        formats=("docx",),
        audiences=(None, "public"),
        outdir=tmp_path,
    )
    checked = prepare(request)
    build(request, checked=checked)
    assert counted["jobs"] == [None, "public"]  # the build took the checked jobs over
    assert sorted(counted["composed"]) == ["members", "public"]


@pytest.mark.parametrize(
    "command",
    [
        ["build", "{pack}", "-o", "{out}", "--format", "all", "-q"],
        ["check", "{pack}"],
        ["validate", "{pack}"],
    ],
)
def test_the_command_line_goes_through_the_pipeline(
    counted: dict[str, list[str | None]], tmp_path: Path, command: list[str]
) -> None:
    pack = tmp_path / "handout.yaml"
    shutil.copy(PACKS / "event-handout.yaml", pack)
    assert main([part.format(pack=pack, out=tmp_path / "out") for part in command]) == 0
    assert counted["jobs"] == [None]
    assert counted["composed"] == ["members"]


def test_the_rules_read_the_composed_briefing_and_never_compose(
    counted: dict[str, list[str | None]],
) -> None:
    report = check(
        BuildRequest.for_file(PACKS / "event-handout.yaml", formats=("docx", "pdf", "html"))
    )
    assert report.built == ["docx", "pdf", "html"]
    assert counted["composed"] == ["members"]
    assert counted["resolved"] == [None]


def test_the_pack_rules_run_while_typst_lays_the_pdf_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typst lays out without holding Python's lock, so the build checks the pack meanwhile:
    the layout waits here until the rules have started, which it could not do were they run
    one after the other. A pack with errors still stops the build with them, whatever the
    layout did."""
    import threading

    import briefing.export.pdf.typst.writer as typst_writer

    rules_started = threading.Event()
    seen: dict[str, object] = {}
    run_rules, typst_layout = briefing.build.job.run_pack_rules, typst_writer.typst_layout

    def rules(job):  # type: ignore[no-untyped-def]
        rules_started.set()
        seen["rules"] = threading.current_thread().name
        run_rules(job)

    def layout(document, progress=None):  # type: ignore[no-untyped-def]
        lay_out = typst_layout(document, progress)  # the writer's work in Python

        def then():  # type: ignore[no-untyped-def]
            seen["waited"] = rules_started.wait(timeout=60)
            seen["layout"] = threading.current_thread().name
            return lay_out()

        return then

    monkeypatch.setattr(briefing.build.job, "run_pack_rules", rules)
    monkeypatch.setattr(typst_writer, "typst_layout", layout)
    written = build(
        BuildRequest.for_file(PACKS / "event-handout.yaml", formats=("pdf",), outdir=tmp_path)
    )
    assert [path.suffix for path in written] == [".pdf"]
    assert seen["waited"] is True and seen["layout"] != seen["rules"]


def test_a_pack_the_rules_find_errors_in_stops_the_build_with_them_whatever_typst_did(
    tmp_path: Path,
) -> None:
    """Typst refuses a briefing without a title while the rules find the same fault: the
    build stops with the rules' error, the one that says what to fix in the pack."""
    import dataclasses

    from briefing.build import ChecksFailed

    request = BuildRequest.for_file(
        PACKS / "event-handout.yaml", formats=("pdf", "docx"), outdir=tmp_path
    )
    untitled = dataclasses.replace(request, pack=dataclasses.replace(request.pack, title=""))
    with pytest.raises(ChecksFailed) as failed:
        build(untitled)
    assert [f.rule for f in failed.value.findings if f.severity == "error"] == ["document-title"]
    assert not list(tmp_path.iterdir())
