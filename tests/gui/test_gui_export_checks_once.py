"""The export dialog's checks are the build's: an export checks each version once (the build
reuses what the dialog listed), but checks again whenever the pack or a file it names changed
in between, and a build on its own still checks for itself."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

import briefing.build.job
from briefing.build import BuildRequest, ChecksFailed, build, prepare
from briefing.gui.export_dialog import ExportDialog
from briefing.packfile import load_pack

PACKS = Path(__file__).resolve().parents[2] / "packs"
STEM = "Resilience, reform and AI"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the example member briefing, with its logo beside it."""
    copy = tmp_path / "packs"
    shutil.copytree(PACKS, copy, ignore=shutil.ignore_patterns("*.docx.tmp"))
    return copy


@pytest.fixture
def pack_runs(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The audience of every run of the pack checks, in order."""
    runs: list[str | None] = []
    real = briefing.build.job.run_checks

    def counted(context, scope="pack", formats=None):
        if scope == "pack":
            runs.append(context.audience)
        return real(context, scope, formats)

    monkeypatch.setattr(briefing.build.job, "run_checks", counted)
    return runs


def test_an_export_of_every_version_checks_each_once(
    folder, pack_runs, qtbot, settings, tmp_path
) -> None:
    out = tmp_path / "out"
    dialog = ExportDialog(
        load_pack(folder / "member-briefing.yaml"),
        folder,
        settings,
        out,
        pack_name="member-briefing.yaml",
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.folder.setText(str(out))
    dialog.set_formats("docx")
    dialog.set_audience("all")
    dialog.export_button.click()
    qtbot.waitUntil(lambda: bool(dialog.written), timeout=60000)
    assert sorted(p.name for p in dialog.written if p.suffix == ".docx") == [
        f"{STEM} (public).docx",
        f"{STEM} (summary).docx",
        f"{STEM}.docx",
    ]
    assert sorted(pack_runs, key=str) == ["members", "public", "summary"]  # not twice each
    assert "Saved" in dialog.status.text()
    # The long list of files saved grows the dialog rather than squeezing the choices above it.
    qtbot.wait(50)
    for n in range(len(dialog.formats.buttons())):
        radio = dialog.formats.button(n)
        assert radio.height() >= radio.sizeHint().height(), radio.text()
    assert dialog.status.height() >= dialog.status.heightForWidth(dialog.status.width())


def test_a_logo_broken_after_the_checks_is_caught_by_the_build(folder, pack_runs, tmp_path) -> None:
    pack = load_pack(folder / "member-briefing.yaml")
    request = BuildRequest(pack, folder, ("docx",), outdir=tmp_path)
    checked = prepare(request)
    assert not [f for f in checked.findings() if f.severity == "error"]
    (folder / pack.layout.logo).write_text("not a picture", encoding="utf-8")
    with pytest.raises(ChecksFailed, match="logo"):
        build(request, checked=checked)
    assert pack_runs == [None, None]  # checked again, not taken on trust
    assert not list(tmp_path.glob("*.docx"))  # nothing written


def test_a_pack_edited_after_the_checks_is_checked_again(folder, pack_runs, tmp_path) -> None:
    pack = load_pack(folder / "member-briefing.yaml")
    request = BuildRequest(pack, folder, ("docx",), (None, "public"), outdir=tmp_path)
    checked = prepare(request)
    assert checked.reuse(request, "public") is not None
    assert checked.reuse(request, "summary") is None  # never checked
    # another engine's rules
    assert checked.reuse(replace(request, pdf_engine="reportlab"), None) is None
    pack.sections[0].items[0].summary += " One more sentence."
    assert checked.reuse(request, None) is None
    written = build(replace(request, audiences=(None,)), checked=checked)
    assert [p.name for p in written] == [f"{STEM}.docx"]
    assert pack_runs == [None, "public", None]


def test_a_build_on_its_own_checks_for_itself(folder, pack_runs, tmp_path) -> None:
    pack = load_pack(folder / "member-briefing.yaml")
    build(BuildRequest(pack, folder, ("docx",), ("public",), outdir=tmp_path))
    assert pack_runs == ["public"]
