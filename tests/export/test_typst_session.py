"""The tagged PDF made through a kept compile context (the app's preview of an open pack) is the
same file as one made from nothing; the context follows the document's pictures as they change
and lets everything go when closed."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.document.model import Paragraph, Run
from briefing.export.pdf.typst.writer import LayoutSession, render_typst_pdf
from briefing.files.scratch import sweep_scratch_folders

if TYPE_CHECKING:
    from collections.abc import Callable

    from briefing.document.model import Document


def test_a_kept_context_makes_the_same_file_as_a_fresh_compile(
    make_sample_document: Callable[..., Document], sample_logo: Path
) -> None:
    first = make_sample_document(logo=sample_logo)
    edited = replace(
        first, blocks=[*first.blocks, Paragraph([Run("A sentence added after the first preview.")])]
    )
    session = LayoutSession()
    try:
        with session.active():
            kept = [render_typst_pdf(document).data for document in (first, edited, first)]
        # The logo sits in the context's folder while a document shows it.
        assert list((session.folder / "pictures").iterdir())
        with session.active():
            render_typst_pdf(make_sample_document())
        assert not list((session.folder / "pictures").iterdir())  # gone with the logo
    finally:
        session.close()
    assert kept == [
        render_typst_pdf(first).data,
        render_typst_pdf(edited).data,
        render_typst_pdf(first).data,
    ]
    assert kept[0] != kept[1] and session.compiles == 4


def test_a_closed_context_keeps_nothing_and_still_compiles(sample_document: Document) -> None:
    session = LayoutSession()
    with session.active():
        render_typst_pdf(sample_document)
    folder = session.folder
    assert (folder / "document.json").is_file()
    session.close()
    assert session.closed and not folder.exists()
    with session.active():  # a preview finishing after its pack closed
        late = render_typst_pdf(sample_document).data
    assert late == render_typst_pdf(sample_document).data and not folder.exists()


def _python(code: str, temp: Path) -> subprocess.CompletedProcess[str]:
    """Run `code` in a fresh interpreter whose temporary folder is `temp`."""
    env = {**os.environ, "TMPDIR": str(temp), "TEMP": str(temp), "TMP": str(temp)}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )


MAKE_SESSION = (
    "import os, sys\n"
    "from briefing.export.pdf.typst.writer import LayoutSession\n"
    "session = LayoutSession()\n"
    "(session.folder / 'document.json').write_text('{}')\n"
    "print(session.folder, flush=True)\n"
)


def test_a_session_never_closed_leaves_no_folder_behind(tmp_path: Path) -> None:
    """An app that quits without closing its pack, and one that is killed: neither leaves its
    preview folder in the temporary folder for good (the next one to start removes it)."""
    quit_early = _python(MAKE_SESSION, tmp_path)
    assert quit_early.returncode == 0, quit_early.stderr
    assert not Path(quit_early.stdout.strip()).exists()
    killed = _python(MAKE_SESSION + "os.kill(os.getpid(), 9)\n", tmp_path)
    left = Path(killed.stdout.strip())
    assert left.is_dir() and left.parent == tmp_path  # a crash leaves it…
    later = _python(MAKE_SESSION + "session.close()\n", tmp_path)
    assert later.returncode == 0, later.stderr
    assert not left.exists()  # …until the next app makes its preview folder
    assert not list(tmp_path.glob("briefing-*"))


def test_a_session_let_go_without_closing_takes_its_folder_with_it() -> None:
    session = LayoutSession()
    folder = session.folder
    assert folder.is_dir() and str(os.getpid()) in folder.name
    del session
    gc.collect()
    assert not folder.exists()


def test_only_folders_of_processes_gone_are_swept(tmp_path: Path, gone_pid: int) -> None:
    dead = tmp_path / f"briefing-preview-{gone_pid}-abc123"
    mine = tmp_path / f"briefing-preview-{os.getpid()}-def456"
    old_style_stale = tmp_path / "briefing-preview-k2j4h5x1"
    old_style_recent = tmp_path / "briefing-preview-q9w8e7r6"
    someone_elses = tmp_path / "briefing-previews-of-mine"
    for folder in (dead, mine, old_style_stale, old_style_recent, someone_elses):
        folder.mkdir()
        (folder / "document.json").write_text("{}")
    week_ago = time.time() - 7 * 24 * 3600
    for path in (old_style_stale / "document.json", old_style_stale):
        os.utime(path, (week_ago, week_ago))
    removed = sweep_scratch_folders("briefing-preview-", tmp_path)
    assert sorted(removed) == sorted([dead, old_style_stale])
    assert mine.is_dir() and old_style_recent.is_dir() and someone_elses.is_dir()
