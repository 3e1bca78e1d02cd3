"""Benchmark: how much of a build the checks take, and the Word build against pandoc.

    python bench/bench_checks.py [--size 300] [--runs 5] [--pdf]

Generates a pack of ordinary prose (the content of bench_build.py: summaries of 80 to 200 words,
sentences of 10 to 25 words, so every sentence rule has work), then, in rounds in one process:

- builds it to Word through the build pipeline as `briefing build --format docx` does, each
  run in a fresh Python process (so no cache of an earlier run helps; its modules compiled, as
  an installed copy has them), timing inside that same build the checks table's rules on the
  pack (what `briefing validate` runs, where finding each sentence's line and column once cost
  a search of the whole file) and, apart, the rules on the file made (verify reading it back,
  the Word file's headings and language), as well as the build (load, compose, rules, render,
  verify, write) and the whole process (Python's start and imports too). The speller's
  answers kept by earlier runs (in the bench's own cache folder, filled by the warm-up) are
  there, as for a pack built before; "new words" builds the same with that folder emptied
  each time, as for a pack of words never checked (the dictionary is loaded: printed, not
  judged);
- converts the same content as Markdown to .docx with pandoc, when pandoc is installed (the
  baseline is skipped with a message otherwise: `apt-get install pandoc`);
- with --pdf, builds the tagged PDF too: the pack rules run while Typst lays it out on another
  thread (the CPU time of the rules' own thread is theirs), and verify reads every page back.

Prints medians of wall and CPU time, the pack checks' share of the Word build (target: 15% or
less; the verify and output rules' share is printed beside it) and the Word build in process,
as bench_build.py times builds, against pandoc's (target: 0.5× or less; the build as a process
of its own is printed too), judged on CPU time, which a busy machine disturbs less than the
wall clock (both are printed). Not a test: nothing asserts.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_build import PANDOC_RATIO_TARGET, generate, markdown, pack_data
from bench_gui import compiled_env

import briefing.build.job as job_module
from briefing.build import BuildRequest, build

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from briefing.checks.finding import Finding
    from briefing.checks.rule import CheckContext

CHECKS_SHARE_TARGET = 0.15
IN_PROCESS = "Briefing docx, in process"
NEW_WORDS = "Briefing docx, new words"


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


@dataclass
class Timing:
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    checks_wall: list[float] = field(default_factory=list)
    checks_cpu: list[float] = field(default_factory=list)
    output_cpu: list[float] = field(default_factory=list)  # the rules on the files made
    process_wall: list[float] = field(default_factory=list)  # the whole process
    process_cpu: list[float] = field(default_factory=list)

    def median(self, name: str) -> float:
        values: list[float] = getattr(self, name)
        return statistics.median(values) if values else 0.0


class ChecksClock:
    """Wall and CPU time spent in the checks table's rules (every call the build makes), by
    scope: "pack" (the rules on the pack, what `briefing validate` runs) and "output" (the
    rules on the files rendered, verify among them). The CPU time is the rules' own thread's:
    the build lays the tagged PDF out on another thread while the pack rules run, and that
    is counted in the build's (the whole process's) CPU time, not the rules'."""

    def __init__(self) -> None:
        self.wall = {"pack": 0.0, "output": 0.0}
        self.cpu = {"pack": 0.0, "output": 0.0}
        self._real: Callable[..., list[Finding]] = vars(job_module)["run_checks"]

    def __enter__(self) -> ChecksClock:
        real = self._real

        def timed(
            view: CheckContext, scope: str = "pack", formats: Iterable[str] | None = None
        ) -> list[Finding]:
            # The rules' own thread: the tagged PDF is laid out on another meanwhile.
            cpu, start = time.thread_time(), time.perf_counter()
            try:
                return real(view, scope, formats)
            finally:
                self.wall[scope] += time.perf_counter() - start
                self.cpu[scope] += time.thread_time() - cpu

        vars(job_module)["run_checks"] = timed
        return self

    def __exit__(self, *exc: object) -> None:
        vars(job_module)["run_checks"] = self._real


def briefing_build(
    pack_file: Path, outdir: Path, fmt: str, into: Timing, new_words: bool = False
) -> None:
    """One build in a fresh process, with its modules compiled as an installed copy has them
    (see compiled_env): its own figures, and the process's as a whole. The speller's answers
    of earlier runs (the user's cache folder, here the bench's own) are there as a second
    build of the pack finds them; with `new_words`, as for a pack of words never checked
    before (the dictionary is loaded)."""
    env = compiled_env(outdir.parent / "pycache")
    cache = outdir.parent / ("cache-new-words" if new_words else "cache")
    env["BRIEFING_CACHE_DIR"] = str(cache)
    if new_words:
        shutil.rmtree(cache, ignore_errors=True)
    gc.collect()
    cpu, start = _cpu(), time.perf_counter()
    done = subprocess.run(
        [sys.executable, __file__, "--one", str(pack_file), str(outdir), fmt],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    into.process_wall.append(time.perf_counter() - start)
    into.process_cpu.append(_cpu() - cpu)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    into.wall.append(figures["wall"])
    into.cpu.append(figures["cpu"])
    into.checks_wall.append(figures["checks_wall"])
    into.checks_cpu.append(figures["checks_cpu"])
    into.output_cpu.append(figures["output_cpu"])


def one_build(pack_file: Path, outdir: Path, fmt: str) -> None:
    """Build once in this process and print the figures as JSON (the parent reads them)."""
    with ChecksClock() as checks:
        cpu, start = _cpu(), time.perf_counter()
        build(BuildRequest.for_file(pack_file, formats=(fmt,), outdir=outdir))
        wall, used = time.perf_counter() - start, _cpu() - cpu
    print(
        json.dumps(
            {
                "wall": wall,
                "cpu": used,
                "checks_wall": checks.wall["pack"],
                "checks_cpu": checks.cpu["pack"],
                "output_cpu": checks.cpu["output"],
            }
        )
    )


def in_process(pack_file: Path, outdir: Path, into: Timing) -> None:
    """The Word build in this process, as bench_build.py times it: imports done, the
    process warmed by the builds before."""
    gc.collect()
    cpu, start = _cpu(), time.perf_counter()
    build(BuildRequest.for_file(pack_file, formats=("docx",), outdir=outdir))
    into.process_wall.append(time.perf_counter() - start)
    into.process_cpu.append(_cpu() - cpu)


def pandoc_docx(md_file: Path, target: Path, into: Timing) -> None:
    gc.collect()
    cpu, start = _cpu(), time.perf_counter()
    subprocess.run(
        ["pandoc", "-f", "markdown", "-t", "docx", "-o", str(target), str(md_file)], check=True
    )
    into.process_wall.append(time.perf_counter() - start)
    into.process_cpu.append(_cpu() - cpu)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--size", type=int, default=300, help="items in the pack (default 300)")
    parser.add_argument("--runs", type=int, default=5, help="timed rounds (default 5)")
    parser.add_argument("--pdf", action="store_true", help="also time the tagged PDF's checks")
    parser.add_argument(
        "--one", nargs=3, metavar=("PACK", "OUTDIR", "FORMAT"), help=argparse.SUPPRESS
    )  # one build, in the process the bench starts
    args = parser.parse_args(argv)
    if args.one:
        one_build(Path(args.one[0]), Path(args.one[1]), args.one[2])
        return 0
    have_pandoc = shutil.which("pandoc") is not None
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        work = Path(tmp)
        os.environ["BRIEFING_CACHE_DIR"] = str(work / "cache-in-process")  # not the user's
        content = generate(args.size)
        pack_file = work / "pack.yaml"
        pack_file.write_text(
            yaml.safe_dump(pack_data(content), sort_keys=False, allow_unicode=True, width=100),
            encoding="utf-8",
        )
        md_file = work / "pack.md"
        md_file.write_text(markdown(content), encoding="utf-8")
        (work / "out").mkdir()
        methods: list[tuple[str, Callable[[Timing], None]]] = [
            ("Briefing docx", lambda t: briefing_build(pack_file, work / "out", "docx", t)),
            (
                NEW_WORDS,
                lambda t: briefing_build(pack_file, work / "out", "docx", t, new_words=True),
            ),
            (IN_PROCESS, lambda t: in_process(pack_file, work / "out", t)),
        ]
        if args.pdf:
            methods.append(
                ("Briefing tagged PDF", lambda t: briefing_build(pack_file, work / "out", "pdf", t))
            )
        if have_pandoc:
            methods.append(
                ("pandoc Markdown→docx", lambda t: pandoc_docx(md_file, work / "pandoc.docx", t))
            )
        for _, run in methods:  # warm up: imports, fonts, caches of the first build
            run(Timing())
        timings = {name: Timing() for name, _ in methods}
        for round_no in range(args.runs):  # interleaved, so load on the machine hits all alike
            for name, run in methods:
                print(f"  run {round_no + 1}/{args.runs}: {name}", file=sys.stderr, flush=True)
                run(timings[name])
    return report(timings, args, have_pandoc)


def report(timings: dict[str, Timing], args: argparse.Namespace, have_pandoc: bool) -> int:
    print(f"{args.size} items of ordinary prose, median of {args.runs} runs (wall s, CPU s):")
    for name, timing in timings.items():
        line = (
            f"  {name:26} process {timing.median('process_wall'):6.3f} wall "
            f"{timing.median('process_cpu'):6.3f} CPU"
        )
        if timing.checks_cpu:
            line += (
                f"   build {timing.median('wall'):6.3f} wall {timing.median('cpu'):6.3f} CPU"
                f"   pack checks {timing.median('checks_wall'):6.3f} wall "
                f"{timing.median('checks_cpu'):6.3f} CPU   verify and output rules "
                f"{timing.median('output_cpu'):6.3f} CPU"
            )
        print(line)
    ok = True
    print()
    for name, timing in timings.items():
        if not timing.checks_cpu:
            continue
        share_cpu = statistics.median(
            c / b for c, b in zip(timing.checks_cpu, timing.cpu, strict=True)
        )
        share_wall = statistics.median(
            c / b for c, b in zip(timing.checks_wall, timing.wall, strict=True)
        )
        passed = share_cpu <= CHECKS_SHARE_TARGET
        if name == "Briefing docx":
            ok &= passed
        verify = statistics.median(
            o / b for o, b in zip(timing.output_cpu, timing.cpu, strict=True)
        )
        print(
            f"  {'PASS' if passed else 'FAIL'}  {name}: the pack checks are {share_cpu:.0%} of "
            f"the build's CPU time ({share_wall:.0%} of its wall time); target "
            f"{CHECKS_SHARE_TARGET:.0%} or less. Reading back and verifying the file made "
            f"takes {verify:.0%} more ({share_cpu + verify:.0%} in all)"
        )
    if not have_pandoc:
        print(
            "  pandoc not installed: the Word build against pandoc is skipped "
            "(apt-get install pandoc)"
        )
        return 0 if ok else 1
    ours, theirs = timings["Briefing docx"], timings["pandoc Markdown→docx"]
    ratio_cpu = ours.median("process_cpu") / theirs.median("process_cpu")
    ratio_wall = ours.median("process_wall") / theirs.median("process_wall")
    build_only = ours.median("cpu") / theirs.median("process_cpu")
    warm = timings[IN_PROCESS]
    warm_cpu = warm.median("process_cpu") / theirs.median("process_cpu")
    warm_wall = warm.median("process_wall") / theirs.median("process_wall")
    passed = warm_cpu <= PANDOC_RATIO_TARGET
    ok &= passed
    print(
        f"  {'PASS' if passed else 'FAIL'}  Word build in process (as bench_build.py times it) "
        f"/ pandoc Markdown→docx: {warm_cpu:.2f}× on CPU time ({warm_wall:.2f}× wall); target "
        f"{PANDOC_RATIO_TARGET}× or less"
    )
    print(
        f"        the same build as a whole process of its own (Python's start and imports "
        f"too): {ratio_cpu:.2f}× ({ratio_wall:.2f}× wall); that build without Python's start: "
        f"{build_only:.2f}×"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
