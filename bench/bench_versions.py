"""Benchmark: what changed between two versions of a 300-item pack, and a history of 50 versions.

    python bench/bench_versions.py [--items 300] [--versions 50] [--runs 7] [--seed 2025]

Compare: a generated pack (bench_build's content) is revised as an officer would (summaries
reworded and figures corrected, items added, removed and moved between sections, one made
exempt) and compared with the original. It times the differ alone on loaded packs, then what
`briefing compare` does (read both pack files, check them, compare, word the report), against
two baselines in the same process: a line diff of the two pack files (difflib, what a text
diff or git shows) and reading the two pack files alone. Target: the whole comparison of 300
items under 1 s.

History: a pack with --versions issued versions (written straight into its history folder:
the pack file, its record), then the time to list them (every record read), to say the pack
file is still the last version (its fingerprint), and, when Qt is available, to fill the app's
History pane for the pack as saved; and, beside them, to say an edited pack is a draft (the
last version's pack read and compared, once: it is kept after). The baseline is reading the
same record files' bytes. Target: "instantly", under 100 ms.

Not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import difflib
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from bench_build import generate, pack_data

from briefing.compare.diff import compare_packs
from briefing.compare.report import as_text
from briefing.history.changes import compare_versions
from briefing.history.record import RECORD_NAME, Built, VersionRecord
from briefing.history.store import _LOADED, History, sha256_of
from briefing.packfile import load_pack

if TYPE_CHECKING:
    from collections.abc import Callable

    from briefing.model import Pack

COMPARE_TARGET_S = 1.0
HISTORY_TARGET_S = 0.1


class Timed(float):
    """A median wall-clock time in seconds, with `cpu`: the median CPU time of the same runs
    (steadier on a busy machine: other programs do not inflate it)."""

    cpu: float


def median_time(work: Callable[[], Any], runs: int) -> Timed:
    walls, cpus = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - start_cpu)
    timed = Timed(statistics.median(walls))
    timed.cpu = statistics.median(cpus)
    return timed


def row(name: str, timed: Timed) -> None:
    print(f"  {name:52} {timed * 1000:8.1f} ms  (CPU {timed.cpu * 1000:7.1f} ms)")


def revise(data: dict[str, Any], seed: int) -> dict[str, Any]:
    """The officer's revision: about a tenth of the summaries reworded (a figure corrected),
    five items removed, five added, ten moved to another section, one made exempt."""
    rng = random.Random(seed)
    sections = [dict(s, items=[dict(i) for i in s["items"]]) for s in data["sections"]]
    items = [(s, i) for s in range(len(sections)) for i in range(len(sections[s]["items"]))]
    for s, i in rng.sample(items, len(items) // 10):
        item = sections[s]["items"][i]
        item["summary"] = (
            item["summary"].replace("£2.4m", "£2.6m", 1).replace(" should ", " must ", 1)
            + "Figures were corrected after publication.\n"
        )
    for _ in range(5):
        s = rng.randrange(len(sections))
        if sections[s]["items"]:
            sections[s]["items"].pop(rng.randrange(len(sections[s]["items"])))
    articles = dict(data["articles"])
    for n in range(5):
        key = f"added-{n}"
        articles[key] = {"title": f"A new article on the budget ({n})", "source": "The MJ"}
        sections[rng.randrange(len(sections))]["items"].append(
            {
                "article": key,
                "summary": "A new item for this version.\n",
                "implications": ["Members should note it."],
            }
        )
    for _ in range(10):
        a, b = rng.sample(range(len(sections)), 2)
        if sections[a]["items"]:
            sections[b]["items"].insert(0, sections[a]["items"].pop())
    sections[0]["items"][0]["exempt"] = {"paragraph": 3, "reason": "Commercial terms"}
    return dict(data, sections=sections, articles=articles)


def write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(
        yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8"
    )
    return path


def bench_compare(folder: Path, items: int, runs: int, seed: int) -> None:
    data = pack_data(generate(items, seed))
    pack_file = write(folder / "pack.yaml", data)
    _issue_directly(pack_file, 1, datetime(2026, 12, 7, 9, 30, tzinfo=UTC))
    write(pack_file, revise(data, seed))
    old_file = History(pack_file).pack_file(1)
    old, new = load_pack(old_file), load_pack(pack_file)
    changes = compare_packs(old, new)
    print(
        f"Compare {items} items, version 1 -> the revised pack: "
        f"{changes.count('added')} added, {changes.count('removed')} removed, "
        f"{changes.count('moved')} moved, {changes.count('changed')} changed"
    )
    differ = median_time(lambda: compare_packs(old, new), runs)
    public = median_time(lambda: compare_packs(old, new, "public"), runs)

    def whole_comparison() -> str:
        _LOADED.clear()  # as `briefing compare` runs: nothing read before
        return as_text(compare_versions(pack_file).changes, "")

    whole = median_time(whole_comparison, runs)
    texts = old_file.read_text(encoding="utf-8"), pack_file.read_text(encoding="utf-8")
    line_diff = median_time(
        lambda: list(difflib.unified_diff(texts[0].splitlines(), texts[1].splitlines())), runs
    )
    reading = median_time(lambda: (load_pack(old_file), load_pack(pack_file)), runs)
    rows = [
        ("the differ (members' version)", differ),
        ("the differ (public version)", public),
        ("briefing compare: read, check, compare, report", whole),
        ("baseline: line diff of the two pack files", line_diff),
        ("baseline: reading and checking the two pack files", reading),
    ]
    for name, seconds in rows:
        row(name, seconds)
    met = "met" if whole.cpu < COMPARE_TARGET_S else "NOT met"
    print(
        f"  differ / line diff: {differ.cpu / line_diff.cpu:.2f}x; the whole comparison / "
        f"reading the files: {whole.cpu / reading.cpu:.2f}x (CPU time); the whole comparison "
        f"{whole.cpu:.2f} s of CPU (target under {COMPARE_TARGET_S:.0f} s: {met})"
    )


def _issue_directly(pack_file: Path, number: int, when: datetime) -> None:
    """A version folder as `briefing issue` leaves it, written without building (the bench
    measures reading a history, not building files)."""
    folder = History(pack_file).folder / f"version-{number}"
    folder.mkdir(parents=True)
    frozen = folder / pack_file.name
    frozen.write_bytes(pack_file.read_bytes())
    record = VersionRecord(
        number,
        when,
        "A. Officer",
        f"Revision {number}",
        pack_file.name,
        {pack_file.name: sha256_of(frozen)},
        Built(
            ("docx", "pdf"),
            ("members",),
            "typst",
            {"Benchmark.docx": "0" * 64, "Benchmark.pdf": "1" * 64},
        ),
        "0.1.0",
    )
    (folder / RECORD_NAME).write_text(record.to_yaml(pack_file.name), encoding="utf-8")


def bench_history(folder: Path, items: int, versions: int, runs: int, seed: int) -> None:
    data = pack_data(generate(items, seed))
    pack_file = write(folder / "history.yaml", data)
    start = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    for n in range(1, versions + 1):
        _issue_directly(pack_file, n, start + timedelta(days=7 * n))
    pack = load_pack(pack_file)
    records = [p / RECORD_NAME for p in History(pack_file).folder.iterdir() if p.is_dir()]
    listing = median_time(lambda: History(pack_file).records(), runs)

    def opened() -> object:
        _LOADED.clear()  # the first time: nothing read before
        return History(pack_file).stamp(pack, read_from=pack_file)

    def edited() -> object:
        _LOADED.clear()
        return History(pack_file).stamp(changed)

    changed = replace(pack, title=pack.title + " (revised)")
    stamp = median_time(opened, runs)
    draft = median_time(edited, runs)
    kept = History(pack_file)
    kept.stamp(changed)  # as the app's History pane: the issued pack read once, then kept
    # The next edit in the last item's summary: all the pack before it is compared.
    last = load_pack(pack_file)
    item = last.sections[-1].items[-1]
    item.summary += " Revised."
    again = median_time(lambda: kept.stamp(last), runs)
    raw = median_time(lambda: [p.read_bytes() for p in records], runs)
    print(f"History of {versions} versions of a {items}-item pack:")
    rows = [
        ("list the versions (every record read)", listing),
        ("... and say the pack file is the last version", stamp),
        ("... and say an edited pack is a draft after it", draft),
        ("... and again after the next edit (the app, each pause)", again),
        ("baseline: read the record files' bytes", raw),
    ]
    pane = _pane_time(pack_file, pack, runs)
    if pane is not None:
        rows.insert(3, ("fill the app's History pane (pack as saved)", pane))
    for name, seconds in rows:
        row(name, seconds)
    slowest = max(t.cpu for t in (listing, stamp, pane) if t is not None)
    print(
        f"  an edited pack (its issued version read once, then kept): {draft.cpu * 1000:.0f} "
        "ms of CPU"
    )
    print(
        f"  listing / reading the bytes: {listing.cpu / raw.cpu:.1f}x (CPU time); slowest "
        f"{slowest * 1000:.0f} ms of CPU (target under {HISTORY_TARGET_S * 1000:.0f} ms: "
        f"{'met' if slowest < HISTORY_TARGET_S else 'NOT met'})"
    )


def _pane_time(pack_file: Path, pack: Pack, runs: int) -> Timed | None:
    try:
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        from briefing.gui.history_pane import HistoryPane
    except ImportError:
        return None
    app = QApplication.instance() or QApplication(sys.argv[:1])
    pane = HistoryPane()

    def fill() -> None:
        _LOADED.clear()
        pane.show_history(pack_file, pack, pack_file.parent, reread=True, saved=True)
        app.processEvents()

    return median_time(fill, runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=300)
    parser.add_argument("--versions", type=int, default=50)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bench_compare(Path(tmp), args.items, args.runs, args.seed)
        bench_history(Path(tmp), args.items, args.versions, args.runs, args.seed)


if __name__ == "__main__":
    main()
