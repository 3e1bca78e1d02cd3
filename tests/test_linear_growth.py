"""Ordinary work on long documents grows in line with them: four times the input never takes more
than eight times as long (a quadratic step would take sixteen). Timed in this process at n and
4n, alternately, the fastest of three runs each, so a busy machine slows both sides alike.
bench/bench_long_documents.py prints the same cases at full size, with memory and baselines."""

from __future__ import annotations

import gc
import time
from typing import TYPE_CHECKING

import pytest

from bench.bench_long_documents import big_pack, long_article, word_report

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

LIMIT = 8.0


def ratio(make: Callable[[int], Callable[[], object]], n: int) -> float:
    small, large = make(n), make(4 * n)
    small()  # warm up: imports, caches of the code (not of the input)
    best = {"small": float("inf"), "large": float("inf")}
    # The collector paused while timing: late in a long test session its full passes walk the
    # whole test process's heap, which would be timed as the work's own growth.
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            for key, work in (("small", small), ("large", large)):
                started = time.perf_counter()
                work()
                best[key] = min(best[key], time.perf_counter() - started)
    finally:
        gc.enable()
    return best["large"] / best["small"]


def test_importing_a_word_report_with_a_style_per_paragraph(tmp_path: Path):
    from briefing.library.importers import read_source

    def make(size: int) -> Callable[[], object]:
        path = word_report(tmp_path / f"report-{size}.docx", size)
        return lambda: read_source(path)

    assert ratio(make, 300) <= LIMIT


def test_the_draft_summary_of_a_long_article():
    from briefing.assist.summary import summarise

    def make(size: int) -> Callable[[], object]:
        text = long_article(size)
        # Each run on a fresh copy of the text: the sentence split is cached by text.
        copies = iter([text + " " * k for k in range(10)])
        return lambda: summarise(next(copies))

    assert ratio(make, 40) <= LIMIT


def test_checking_a_pack_of_thousands_of_items(tmp_path: Path):
    from briefing.build import BuildRequest, prepare

    def make(size: int) -> Callable[[], object]:
        path = tmp_path / f"pack-{size}.yaml"
        path.write_text(big_pack(size), encoding="utf-8")
        return lambda: prepare(BuildRequest.for_file(path))

    assert ratio(make, 200) <= LIMIT


@pytest.mark.parametrize("megabytes", [40])
def test_listing_a_library_with_a_very_long_article_file(tmp_path: Path, megabytes: int):
    """And a file far over any article's size is reported without being read."""
    from briefing.library import Library

    root = tmp_path / "library"
    (root / "articles").mkdir(parents=True)
    (root / "articles" / "short.md").write_text(
        "---\ntitle: Short\n---\n\nA short article.\n", encoding="utf-8"
    )
    with (root / "articles" / "archive-dump.md").open("wb") as stream:
        stream.write(b"---\ntitle: Dump\n---\n\n")
        stream.truncate(megabytes * 1024 * 1024)
    library = Library(root, cache_dir=tmp_path / "cache")
    started = time.perf_counter()
    titles = [article.title for article in library.listing()]
    assert titles == ["Short"] and time.perf_counter() - started < 5
    assert any(
        "archive-dump.md" in line and "more than the 32 MB" in line for line in library.problems()
    )


def test_the_collector_runs_again_after_reading_a_pack_good_or_broken(tmp_path: Path):
    """Reading and checking a pack pause Python's cycle collector (its full passes made a long
    pack's check grow faster than the pack); it must always run again afterwards."""
    from briefing.build import BuildRequest, prepare
    from briefing.errors import PackError
    from briefing.packfile import load_pack

    good = tmp_path / "good.yaml"
    good.write_text(big_pack(50), encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text("briefing_pack: 1\ntitle: [unclosed\n", encoding="utf-8")
    assert gc.isenabled()
    prepare(BuildRequest.for_file(good))
    assert gc.isenabled()
    with pytest.raises(PackError):
        load_pack(broken)
    assert gc.isenabled()
    gc.disable()  # a caller that paused it itself finds it still paused
    try:
        load_pack(good)
        assert not gc.isenabled()
    finally:
        gc.enable()
