"""Safe writes: the previous file survives any failure and nothing half-written is left."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import pytest

from briefing.files.safe_write import WriteError, alternative_name, atomic_write, atomic_write_bytes

if TYPE_CHECKING:
    from pathlib import Path


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".~"))


def test_write_replaces_the_file_completely(tmp_path: Path) -> None:
    target = tmp_path / "Pack.pdf"
    target.write_bytes(b"old version")
    atomic_write_bytes(target, b"new version")
    assert target.read_bytes() == b"new version"
    assert _leftovers(tmp_path) == []


def test_failure_while_writing_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "Pack.docx"
    target.write_bytes(b"the user's previous briefing")

    def explode(stream) -> None:  # a writer that fails half way through
        stream.write(b"half a docu")
        raise RuntimeError("writer crashed")

    with pytest.raises(RuntimeError):
        atomic_write(target, explode)
    assert target.read_bytes() == b"the user's previous briefing"
    assert _leftovers(tmp_path) == []


def test_file_locked_by_word_is_explained_and_kept(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "Members pack.docx"
    target.write_bytes(b"open in Word")

    def locked(src, dst):  # what Windows raises when Word holds the file open
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(WriteError) as info:
        atomic_write_bytes(target, b"new")
    message = str(info.value)
    assert "open in another program" in message
    assert "Members pack (2).docx" in message
    assert target.read_bytes() == b"open in Word"
    assert _leftovers(tmp_path) == []


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root ignores modes")
def test_read_only_folder_is_explained(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(WriteError) as info:
            atomic_write_bytes(folder / "Pack.pdf", b"x")
        assert "read-only" in str(info.value)
    finally:
        folder.chmod(0o755)


def test_read_only_folder_is_explained_even_for_root(tmp_path: Path, monkeypatch) -> None:
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(WriteError) as info:
        atomic_write_bytes(tmp_path / "Pack.pdf", b"x")
    assert "read-only" in str(info.value)
    assert str(tmp_path) in str(info.value)


def test_alternative_name_skips_names_in_use(tmp_path: Path) -> None:
    (tmp_path / "Pack.pdf").write_bytes(b"")
    (tmp_path / "Pack (2).pdf").write_bytes(b"")
    assert alternative_name(tmp_path / "Pack.pdf").name == "Pack (3).pdf"


def test_folder_with_the_target_name_is_explained(tmp_path: Path) -> None:
    target = tmp_path / "Members pack.pdf"
    target.mkdir()
    with pytest.raises(WriteError) as info:
        atomic_write_bytes(target, b"new")
    message = str(info.value)
    assert str(target) in message
    assert "there is a folder with that name" in message
    assert "-o DIR" in message
    assert target.is_dir() and list(target.iterdir()) == []
    assert _leftovers(tmp_path) == []


def test_a_set_of_files_with_one_locked_leaves_no_backup_copy_behind(
    tmp_path: Path, monkeypatch
) -> None:
    from briefing.files.safe_write import atomic_write_all

    word, pdf = tmp_path / "Pack.docx", tmp_path / "Pack.pdf"
    word.write_bytes(b"old Word file")
    pdf.write_bytes(b"old PDF, open in a viewer that locks it")
    real_replace = os.replace

    def pdf_locked(src, dst):  # Windows: the PDF (and its copy kept aside) cannot be replaced
        if str(dst) == str(pdf):
            raise PermissionError(13, "The process cannot access the file")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", pdf_locked)
    with pytest.raises(WriteError):
        atomic_write_all([(word, b"new Word file"), (pdf, b"new PDF")])
    assert word.read_bytes() == b"old Word file"  # put back: all or nothing
    assert pdf.read_bytes() == b"old PDF, open in a viewer that locks it"
    assert _leftovers(tmp_path) == []  # no ".~Pack.….pdf-old.tmp" left in the user's folder
