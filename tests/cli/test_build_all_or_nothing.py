"""A build renders every format before writing any file, so a failure leaves no mixed set."""

from __future__ import annotations

from pathlib import Path

import pytest

import briefing.export.pdf as pdf_writer
from briefing.build import build_pack
from briefing.errors import BriefingError
from briefing.packfile import load_pack

PACKS = Path(__file__).resolve().parents[2] / "packs"


def test_a_failing_pdf_leaves_the_old_docx_untouched(tmp_path: Path, monkeypatch) -> None:
    pack = load_pack(PACKS / "event-handout.yaml")
    old_docx = tmp_path / "The 21st Century Councillor.docx"
    old_docx.write_bytes(b"last week's handout")

    def fail(document, progress=None):
        raise BriefingError("The logo could not be read.")

    monkeypatch.setattr(pdf_writer, "render_pdf", fail)
    with pytest.raises(BriefingError):
        build_pack(pack, PACKS, tmp_path, ("docx", "pdf"))
    assert old_docx.read_bytes() == b"last week's handout"
    assert sorted(p.name for p in tmp_path.iterdir()) == [old_docx.name]


def test_progress_reaches_the_end_once_every_file_is_written(tmp_path: Path) -> None:
    pack = load_pack(PACKS / "event-handout.yaml")
    steps: list[tuple[int, int, str]] = []
    written = build_pack(pack, PACKS, tmp_path, ("docx", "pdf"),
                         lambda done, total, message: steps.append((done, total, message)))
    assert [p.suffix for p in written] == [".docx", ".pdf"]
    assert all(p.stat().st_size > 1000 for p in written)
    assert steps[-1][0] == steps[-1][1]
    assert [done for done, _, _ in steps] == sorted(done for done, _, _ in steps)
