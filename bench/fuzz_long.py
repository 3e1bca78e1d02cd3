"""The long fuzz run: every property test in tests/fuzz, with fresh random examples, for a time.

    python bench/fuzz_long.py [--minutes 10] [--batch 50] [--only NAME] [--seed N]

Not a test: it prints how many examples each property tried and the first failure, if any (a
failure is printed with the example that shows it, and the run stops with exit code 1). CI runs
the same properties with a small, repeatable set of examples (tests/fuzz/conftest.py).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import time
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

from hypothesis import HealthCheck, seed, settings

FUZZ = Path(__file__).resolve().parents[1] / "tests" / "fuzz"


def properties() -> tuple[list[tuple[str, Callable[[], None]]], dict[str, int]]:
    """The properties, and the files each engine has built so far (the properties that build
    keep a `BUILT` count)."""
    os.environ["BRIEFING_FUZZ"] = "long"
    sys.path[:0] = [str(FUZZ), str(FUZZ.parent)]  # the properties and the tests' readers
    found = []
    built: dict[str, int] = {}
    for path in sorted(FUZZ.glob("test_fuzz_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        found += [
            (f"{path.stem}.{name}", test)
            for name, test in vars(module).items()
            if name.startswith("test_") and hasattr(test, "hypothesis")
        ]
        built = getattr(module, "BUILT", built)
    return found, built


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument(
        "--only",
        default="",
        help="run only the properties whose name holds "
        "this (test_fuzz_layout: generated packs built in every format)",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=None,
        help="repeatable examples: call N of a property draws from the seed 'SEED.N' (default: fresh)",
    )
    args = parser.parse_args()
    # Properties that take the profile (and those that read BRIEFING_FUZZ_EXAMPLES) run
    # `batch` fresh random examples per call.
    settings.register_profile(
        "bench",
        max_examples=args.batch,
        deadline=None,
        derandomize=False,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    settings.load_profile("bench")
    os.environ["BRIEFING_FUZZ_EXAMPLES"] = str(args.batch)
    found, built = properties()
    tests = [(name, test) for name, test in found if args.only in name]
    tried = dict.fromkeys((name for name, _ in tests), 0)
    end = time.monotonic() + args.minutes * 60
    status = 0
    calls = 0
    while time.monotonic() < end and status == 0:
        for name, test in tests:
            if args.seed is not None:
                seed(f"{args.seed}.{calls}")(test)
            try:
                test()
            except Exception:
                traceback.print_exc()
                print(f"FAILED: {name}", file=sys.stderr)
                status = 1
                break
            tried[name] += args.batch
            # So far, for a run cut short.
            so_far = ", ".join(f"{engine} {count:,}" for engine, count in built.items())
            print(
                f"{tried[name]:>8,}  {name}" + (f"; packs built: {so_far}" if so_far else ""),
                flush=True,
            )
            if time.monotonic() >= end:
                break
        calls += 1
    for name, count in tried.items():
        print(f"{count:>8,}  {name}")
    print(
        f"{sum(tried.values()):>8,}  examples in {args.minutes:g} minutes, "
        f"{'a failure (above)' if status else 'no failure'}"
        + ("" if args.seed is None else f", seed {args.seed}")
    )
    for engine, count in built.items():
        print(
            f"{count:>8,}  packs built with the {engine} PDF engine (examples tried first included)"
        )
    return status


if __name__ == "__main__":
    sys.exit(main())
