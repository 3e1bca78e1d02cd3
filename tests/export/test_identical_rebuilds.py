"""The same pack builds to the same bytes in every format, today and tomorrow: times come from
the pack's date or SOURCE_DATE_EPOCH, never the clock."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from edge_packs import edge_pack

from briefing.build import BuildRequest, build
from briefing.export.registry import FORMATS

if TYPE_CHECKING:
    import pytest


def _build(out: Path) -> dict[str, bytes]:
    out.mkdir()
    paths = build(BuildRequest(edge_pack(), Path("."), tuple(FORMATS), outdir=out))
    return {p.suffix + p.name: p.read_bytes() for p in paths}


def test_building_twice_gives_identical_files(tmp_path: Path) -> None:
    first = _build(tmp_path / "one")
    time.sleep(2.1)  # a zip's times have a two-second grain: cross at least one tick
    second = _build(tmp_path / "two")
    assert first.keys() == second.keys() and len(first) == len(FORMATS)
    for name in first:
        assert first[name] == second[name], f"{name} differs between two builds"


def test_word_times_come_from_the_pack_date_or_source_date_epoch(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def created(out: Path) -> str:
        out.mkdir()
        path = next(p for p in build(BuildRequest(edge_pack(), Path("."), ("docx",), outdir=out)))
        with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as z:
            core = z.read("docProps/core.xml").decode()
            assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        return core.split("dcterms:created", 1)[1].split(">", 1)[1].split("<", 1)[0]

    assert created(tmp_path / "a") == "2025-11-04T00:00:00Z"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 1 January 2026
    assert created(tmp_path / "b") == "2026-01-01T00:00:00Z"
