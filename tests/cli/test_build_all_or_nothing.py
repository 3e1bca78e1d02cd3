"""A build renders every format before writing any file, so a failure leaves no mixed set."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from briefing.build import BuildRequest, build
from briefing.errors import BriefingError
from briefing.packfile import load_pack

PACKS = Path(__file__).resolve().parents[2] / "packs"


@pytest.mark.parametrize("engine", ["typst", "reportlab"])
def test_a_failing_pdf_leaves_the_old_docx_untouched(
    tmp_path: Path, monkeypatch, engine: str
) -> None:
    from briefing.export.registry import PDF_ENGINES

    pack = load_pack(PACKS / "event-handout.yaml")
    old_docx = tmp_path / "The 21st Century Councillor.docx"
    old_docx.write_bytes(b"last week's handout")

    def fail(document, progress=None):
        raise BriefingError("The logo could not be read.")

    made = PDF_ENGINES[engine]  # (an engine laying out apart fails in its layout's first half)
    failing = replace(made, writer=fail, layout=fail if made.layout is not None else None)
    monkeypatch.setitem(PDF_ENGINES, engine, failing)
    with pytest.raises(BriefingError):
        build(BuildRequest(pack, PACKS, ("docx", "pdf"), pdf_engine=engine, outdir=tmp_path))
    assert old_docx.read_bytes() == b"last week's handout"
    assert sorted(p.name for p in tmp_path.iterdir()) == [old_docx.name]


def test_progress_reaches_the_end_once_every_file_is_written(tmp_path: Path) -> None:
    pack = load_pack(PACKS / "event-handout.yaml")
    steps: list[tuple[int, int, str]] = []
    written = build(
        BuildRequest(pack, PACKS, ("docx", "pdf"), outdir=tmp_path),
        lambda done, total, message: steps.append((done, total, message)),
    )
    assert [p.suffix for p in written] == [".docx", ".pdf"]
    assert all(p.stat().st_size > 1000 for p in written)
    assert steps[-1][0] == steps[-1][1]
    assert [done for done, _, _ in steps] == sorted(done for done, _, _ in steps)


def _old_set(folder: Path) -> dict[str, bytes]:
    old = {
        "The 21st Century Councillor.docx": b"last week's Word file",
        "The 21st Century Councillor.pdf": b"last week's PDF",
    }
    for name, data in old.items():
        (folder / name).write_bytes(data)
    return old


def test_a_replace_that_fails_puts_back_the_files_already_replaced(
    tmp_path: Path, monkeypatch
) -> None:
    import errno
    import os

    import briefing.files.safe_write as files

    pack = load_pack(PACKS / "event-handout.yaml")
    old = _old_set(tmp_path)
    real_replace = os.replace

    def replace(src, dst):  # type: ignore[no-untyped-def]
        if str(dst).endswith(".pdf") and ".tmp" in str(src) and "-old.tmp" not in str(src):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(files.os, "replace", replace)
    with pytest.raises(BriefingError, match="the disk is full"):
        build(BuildRequest(pack, PACKS, ("docx", "pdf"), outdir=tmp_path))
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == old  # no litter either


def test_a_folder_named_like_the_pdf_stops_the_build_before_any_file_changes(
    tmp_path: Path,
) -> None:
    pack = load_pack(PACKS / "event-handout.yaml")
    (tmp_path / "The 21st Century Councillor.docx").write_bytes(b"last week's Word file")
    (tmp_path / "The 21st Century Councillor.pdf").mkdir()
    with pytest.raises(BriefingError, match="there is a folder with that name"):
        build(BuildRequest(pack, PACKS, ("docx", "pdf"), outdir=tmp_path))
    assert (tmp_path / "The 21st Century Councillor.docx").read_bytes() == b"last week's Word file"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "The 21st Century Councillor.docx",
        "The 21st Century Councillor.pdf",
    ]


def test_temporary_files_left_by_a_killed_build_are_swept_on_the_next_one(
    tmp_path: Path, gone_pid: int
) -> None:
    import os
    import time

    gone = gone_pid
    dead = tmp_path / f".~The 21st Century Councillor.{gone}.k2j4h5q.tmp"
    dead.write_bytes(b"half a PDF")
    alive = tmp_path / f".~Other pack.{os.getppid()}.a8d7f6g.tmp"
    alive.write_bytes(b"being written by a running build")
    old_style = tmp_path / ".~Other pack.x7c9d2e.tmp"
    old_style.write_bytes(b"from an older version, an hour ago")
    an_hour_ago = time.time() - 3600
    os.utime(old_style, (an_hour_ago, an_hour_ago))
    users_file = tmp_path / ".~lock.report.docx#"
    users_file.write_bytes(b"LibreOffice's own lock file")
    build(BuildRequest(load_pack(PACKS / "event-handout.yaml"), PACKS, ("docx",), outdir=tmp_path))
    assert not dead.exists() and not old_style.exists()
    assert alive.exists() and users_file.exists()
