"""The app's export, with the build reusing the checks the export dialog listed, beside the same
export checking twice (the dialog's checks, then the build's own), on a generated pack.

Run:  .venv/bin/python bench/bench_export_checks.py [--size 300] [--runs 5] [--format docx]
Prints the median time of the dialog's checks, of the build, and of the whole export, both ways.
It is not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_build import generate, pack_data

from briefing.build import BuildRequest, build, prepare
from briefing.export.registry import DEFAULT_PDF_ENGINE
from briefing.packfile import load_pack


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=300, help="items in the pack")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--format", default="docx", help="the format exported")
    parser.add_argument(
        "--audience",
        action="append",
        default=None,
        help="a version to export (repeat for several; default the full one)",
    )
    args = parser.parse_args(argv)
    audiences: list[str | None] = list(args.audience or [None])
    work = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    pack_file = work / "pack.yaml"
    pack_file.write_text(
        yaml.safe_dump(pack_data(generate(args.size)), sort_keys=False), encoding="utf-8"
    )
    pack = load_pack(pack_file)
    engine = DEFAULT_PDF_ENGINE
    request = BuildRequest(
        pack, work, (args.format,), tuple(audiences), engine, outdir=work / "out"
    )

    def twice() -> tuple[float, float, float]:  # as the dialog did: check, then the build again
        cpu, start = _cpu(), time.perf_counter()
        prepare(request)
        checked_at = time.perf_counter()
        build(request)
        return checked_at - start, time.perf_counter() - checked_at, _cpu() - cpu

    def once() -> tuple[float, float, float]:  # the build reuses the dialog's findings
        cpu, start = _cpu(), time.perf_counter()
        checked = prepare(request)
        checked_at = time.perf_counter()
        build(request, checked=checked)
        return checked_at - start, time.perf_counter() - checked_at, _cpu() - cpu

    (work / "out").mkdir()
    once(), twice()  # warm both paths (imports, fonts) before timing
    figures: dict[str, list[tuple[float, float, float]]] = {"checked twice": [], "checked once": []}
    for _ in range(args.runs):  # in rounds, so a busy machine slows both alike
        for name, run in (("checked twice", twice), ("checked once", once)):
            gc.collect()
            figures[name].append(run())
    print(
        f"Export of a {args.size}-item pack to {args.format}, "
        f"{len(audiences)} version(s), median of {args.runs} runs:"
    )
    totals, cpus = {}, {}
    for name, runs in figures.items():
        checks = statistics.median(r[0] for r in runs)
        built = statistics.median(r[1] for r in runs)
        totals[name] = statistics.median(r[0] + r[1] for r in runs)
        cpus[name] = statistics.median(r[2] for r in runs)
        print(
            f"  {name:14} dialog's checks {checks:6.2f} s   build {built:6.2f} s   "
            f"whole export {totals[name]:6.2f} s (CPU {cpus[name]:.2f} s)"
        )
    saved = totals["checked twice"] - totals["checked once"]
    saved_cpu = cpus["checked twice"] - cpus["checked once"]
    print(
        f"  saved {saved:.2f} s wall ({saved / totals['checked twice']:.0%} of the export), "
        f"{saved_cpu:.2f} s CPU"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
