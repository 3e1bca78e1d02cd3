"""Benchmark: building large packs, in linear time and bounded memory.

    python bench/bench_large.py [--sizes 100 300 1000] [--runs 3] [--format pdf]

For each size it writes a generated pack file (bench_build's content: the same seeded text) and
builds it as `briefing build` does, each build in a fresh process, so that the peak resident
memory reported is the build's own (the operating system's count, which holds what lxml, Typst
and PDFium allocate, not only Python's objects). Beside each build, in the same process, a
baseline: bare Typst laying out the same headings and paragraphs with a contents and
"Page N of M" (bench_build's floor for any tagged PDF). It prints, per size: the build's wall and
CPU seconds, the seconds per item, its stages (from the build's own progress reports), its peak
memory, and the ratio of each figure to the smallest size's, so linear growth reads as a ratio
near the size ratio. The targets: 1,000 items within 500 MB, and seconds per item at 1,000
items no more than 1.5 times those at 100. Not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_build import generate, pack_data

MEMORY_GOAL_MB = 500
LINEAR_GOAL = 1.5  # seconds per item at the largest size against the smallest

# Runs in a fresh process: one build of the pack file, with the time of each stage as the
# build reports it, the CPU time and the peak resident memory (Linux reports it in KB).
CHILD = """
import json, os, resource, sys, time
from pathlib import Path
from typing import Any
pack_file, outdir, fmt, baseline = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4]
if baseline == "typst":
    sys.path.insert(0, sys.argv[5])
    from bench_build import bare_typst, generate
    content = generate(int(sys.argv[6]))
    t0, c0 = time.perf_counter(), time.process_time()
    bare_typst(content, outdir / "bare.pdf", paged=True)
    stages = {}
else:
    from briefing.build import BuildRequest, build
    marks = []
    def progress(done, total, message):
        marks.append((time.perf_counter(), message.split(" ")[0]))
    t0, c0 = time.perf_counter(), time.process_time()
    build(BuildRequest.for_file(pack_file, formats=(fmt,), outdir=outdir), progress)
    stages = {}
    for (at, name), (after, _next) in zip(marks, marks[1:]):
        stages[name] = stages.get(name, 0.0) + after - at
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"wall": wall, "cpu": cpu, "peak": peak, "stages": stages}))
sys.stdout.flush()
os._exit(0)
"""


def run_child(pack_file: Path, outdir: Path, fmt: str, baseline: str, size: int) -> dict[str, Any]:
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            CHILD,
            str(pack_file),
            str(outdir),
            fmt,
            baseline,
            str(Path(__file__).resolve().parent),
            str(size),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--format", default="pdf", help="pdf (default), docx, html or both")
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="briefing-large-"))
    rows = []
    for size in args.sizes:
        folder = root / str(size)
        folder.mkdir()
        pack_file = folder / "pack.yaml"
        pack_file.write_text(
            yaml.safe_dump(pack_data(generate(size)), sort_keys=False, allow_unicode=True),
            encoding="utf-8",
        )
        builds, bares = [], []
        for _ in range(args.runs):  # by turns, so the machine's load falls on both alike
            builds.append(run_child(pack_file, folder, args.format, "build", size))
            bares.append(run_child(pack_file, folder, args.format, "typst", size))
        stages: dict[str, float] = {}
        for name in builds[0]["stages"]:
            stages[name] = statistics.median(b["stages"].get(name, 0.0) for b in builds)
        rows.append(
            {
                "size": size,
                "wall": statistics.median(b["wall"] for b in builds),
                "cpu": statistics.median(b["cpu"] for b in builds),
                "peak": max(b["peak"] for b in builds),
                "bare_wall": statistics.median(b["wall"] for b in bares),
                "bare_peak": max(b["peak"] for b in bares),
                "stages": stages,
            }
        )
        row = rows[-1]
        staged = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in row["stages"].items())
        print(
            f"build {args.format}, {size} items: {row['wall']:.2f} s wall, {row['cpu']:.2f} s "
            f"CPU ({row['wall'] / size * 1000:.1f} ms per item), peak {row['peak']:.0f} MB; "
            f"stages: {staged}; baseline bare Typst with contents and Page N of M "
            f"{row['bare_wall']:.2f} s, peak {row['bare_peak']:.0f} MB",
            flush=True,
        )
    first, last = rows[0], rows[-1]
    scale = last["size"] / first["size"]
    per_item = (last["wall"] / last["size"]) / (first["wall"] / first["size"])
    bare_per_item = (last["bare_wall"] / last["size"]) / (first["bare_wall"] / first["size"])
    print(
        f"growth from {first['size']} to {last['size']} items ({scale:.0f}x the items): time "
        f"{last['wall'] / first['wall']:.1f}x, per item {per_item:.2f}x (bare Typst "
        f"{bare_per_item:.2f}x); goal per item <= {LINEAR_GOAL}x; peak memory at "
        f"{last['size']} items {last['peak']:.0f} MB, goal <= {MEMORY_GOAL_MB} MB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
