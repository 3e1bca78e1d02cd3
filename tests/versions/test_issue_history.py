"""Issuing versions: what is frozen, where, and that nothing is issued twice or half-issued."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone

import pytest
import yaml
from revisions_pack import ROOT, VERSION_1, VERSION_2, write_pack

from briefing.build import ChecksFailed
from briefing.errors import BriefingError
from briefing.history.issue import issue_version, rebuild_version
from briefing.history.store import History, sha256_of
from briefing.packfile import load_pack

MONDAY = datetime(2026, 12, 7, 9, 30, tzinfo=timezone(timedelta(0)))
THURSDAY = MONDAY + timedelta(days=3)


def _tree(folder):
    """Every file under folder with its bytes (to prove nothing changed)."""
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_issuing_freezes_the_pack_its_logo_and_the_files_built(tmp_path):
    pack = write_pack(tmp_path)
    issued = issue_version(
        pack,
        note="For the December committee",
        officer="Sam Officer",
        outdir=tmp_path / "out",
        formats=("docx",),
        now=MONDAY,
    )
    assert issued.new and issued.record.number == 1
    folder = tmp_path / "update.history" / "version-1"
    assert (folder / "update.yaml").read_bytes() == pack.read_bytes()
    assert (folder / "images" / "logo.png").read_bytes() == (
        tmp_path / "images" / "logo.png"
    ).read_bytes()
    record = yaml.safe_load((folder / "version.yaml").read_text(encoding="utf-8"))
    assert record["version"] == 1
    assert record["issued"] == "2026-12-07T09:30:00+00:00"
    assert record["officer"] == "Sam Officer"
    assert record["note"] == "For the December committee"
    assert record["sha256"] == {
        "update.yaml": sha256_of(pack),
        "images/logo.png": sha256_of(tmp_path / "images" / "logo.png"),
    }
    docx = tmp_path / "out" / "Housing and care update.docx"
    assert record["built"]["sha256"] == {docx.name: sha256_of(docx)}
    assert "Keep it beside update.yaml" in (tmp_path / "update.history" / "README.txt").read_text(
        encoding="utf-8"
    )


def test_issuing_an_unchanged_pack_changes_nothing(tmp_path):
    pack = write_pack(tmp_path)
    issue_version(pack, outdir=tmp_path / "out", formats=("docx",), now=MONDAY)
    # A comment is not a change to what the briefing says.
    pack.write_text("# checked by Jo\n" + VERSION_1, encoding="utf-8")
    before = _tree(tmp_path)
    again = issue_version(pack, outdir=tmp_path / "out", formats=("docx",), now=THURSDAY)
    assert not again.new and again.record.number == 1 and again.files == ()
    assert _tree(tmp_path) == before


def test_a_changed_logo_is_a_new_version(tmp_path):
    pack = write_pack(tmp_path)
    issue_version(pack, outdir=tmp_path / "out", formats=("docx",), now=MONDAY)
    assert History(pack).stamp(load_pack(pack)) is not None
    logo = tmp_path / "images" / "logo.png"
    logo.write_bytes(logo.read_bytes() + b"\0")
    stamp = History(pack).stamp(load_pack(pack))
    assert stamp is not None and str(stamp) == "Draft after version 1"


def test_the_stamp_says_which_version_a_build_is(tmp_path):
    pack = write_pack(tmp_path)
    assert History(pack).stamp(load_pack(pack)) is None
    issue_version(pack, outdir=tmp_path / "out", formats=("docx",), now=MONDAY)
    assert str(History(pack).stamp(load_pack(pack))) == "Version 1 · issued 7 December 2026"
    pack.write_text(VERSION_2, encoding="utf-8")
    assert str(History(pack).stamp(load_pack(pack))) == "Draft after version 1"
    issue_version(pack, outdir=tmp_path / "out", formats=("docx",), now=THURSDAY)
    assert str(History(pack).stamp(load_pack(pack))) == "Version 2 · issued 10 December 2026"
    assert [r.number for r in History(pack).records()] == [1, 2]


def test_a_pack_with_errors_is_not_issued(tmp_path):
    pack = write_pack(
        tmp_path,
        VERSION_1.replace("        summary: Care workers' pay lags behind supermarket pay.\n", ""),
    )
    with pytest.raises(ChecksFailed, match="no summary"):
        issue_version(pack, outdir=tmp_path / "out", formats=("docx",), now=MONDAY)
    assert not (tmp_path / "out").exists()
    assert not (tmp_path / "update.history").exists()


def test_a_failed_build_leaves_no_half_made_version(tmp_path, monkeypatch):
    pack = write_pack(tmp_path)

    def broken(*args, **kwargs):
        raise BriefingError("the disk is full")

    monkeypatch.setattr("briefing.build.build", broken)
    with pytest.raises(BriefingError, match="disk is full"):
        issue_version(pack, outdir=tmp_path / "out", formats=("docx",), now=MONDAY)
    leftovers = [p.name for p in (tmp_path / "update.history").iterdir()]
    assert not [name for name in leftovers if "version" in name]
    assert History(pack).latest() is None


def test_rebuilding_a_version_gives_the_bytes_issued_in_every_format(tmp_path):
    pack = write_pack(tmp_path)
    issue_version(
        pack,
        outdir=tmp_path / "out",
        formats=("docx", "pdf", "html"),
        audiences=("members", "public"),
        now=MONDAY,
    )
    issued = {
        p.name: p.read_bytes()
        for p in (tmp_path / "out").iterdir()
        if p.suffix in (".docx", ".pdf", ".html")
    }
    # The pack and its logo change afterwards; version 1 is rebuilt from its history alone.
    pack.write_text(VERSION_2, encoding="utf-8")
    (tmp_path / "images" / "logo.png").write_bytes(b"not the logo any more")
    rebuilt = rebuild_version(pack, 1, tmp_path / "again")
    assert rebuilt.identical
    assert sorted(p.name for p, _ in rebuilt.files) == sorted(issued)
    for path, _ in rebuilt.files:
        assert path.read_bytes() == issued[path.name], path.name


def test_the_history_travels_with_the_pack_folder(tmp_path):
    pack = write_pack(tmp_path / "council")
    issue_version(pack, outdir=tmp_path / "out", formats=("docx",), now=MONDAY)
    shutil.copytree(tmp_path / "council", tmp_path / "shared drive")
    copied = tmp_path / "shared drive" / "update.yaml"
    history = History(copied)
    assert [r.number for r in history.records()] == [1]
    assert str(history.stamp(load_pack(copied))) == "Version 1 · issued 7 December 2026"


def test_a_damaged_record_is_named_with_its_line(tmp_path):
    pack = write_pack(tmp_path)
    issue_version(pack, outdir=tmp_path / "out", formats=("docx",), now=MONDAY)
    record = tmp_path / "update.history" / "version-1" / "version.yaml"
    record.write_text("version: 1\nissued: [unclosed\n", encoding="utf-8")
    with pytest.raises(BriefingError, match=r"version\.yaml:\d+:\d+: this version record"):
        History(pack).records()
    record.write_text("version: 1\nofficer: x\n", encoding="utf-8")
    with pytest.raises(BriefingError, match="incomplete or damaged"):
        History(pack).records()


def test_asking_for_a_version_that_was_never_issued(tmp_path):
    pack = write_pack(tmp_path)
    with pytest.raises(BriefingError, match="no issued versions yet"):
        History(pack).record(1)
    issue_version(pack, outdir=tmp_path / "out", formats=("docx",), now=MONDAY)
    with pytest.raises(BriefingError, match="has no version 3: the versions issued are 1"):
        History(pack).record(3)


def test_an_issued_pack_changed_afterwards_is_refused(tmp_path):
    pack = write_pack(tmp_path)
    issue_version(pack, outdir=tmp_path / "out", formats=("docx",), now=MONDAY)
    frozen = tmp_path / "update.history" / "version-1" / "update.yaml"
    frozen.write_text(frozen.read_text(encoding="utf-8").replace("£35m", "£3m"), encoding="utf-8")
    with pytest.raises(BriefingError, match="not the pack issued as version 1"):
        History(pack).pack(1)


@pytest.mark.parametrize("name", ["member-briefing", "event-handout", "large-print-briefing"])
def test_an_issued_pack_reads_the_same_without_repeating_its_checks(name):
    from briefing.packfile import load_checked_pack

    path = ROOT / "packs" / f"{name}.yaml"
    assert load_checked_pack(path) == load_pack(path)
    for fixture in (ROOT / "tests" / "fixtures" / "revisions").glob("*.yaml"):
        assert load_checked_pack(fixture) == load_pack(fixture)
