"""Download every wheel Briefing needs, for a chosen platform and Python, into one folder.

    python packaging/wheelhouse.py wheels/                                  # this machine
    python packaging/wheelhouse.py wheels-win/ --platform win_amd64 --python 3.12

Copy the folder to the offline machine (a USB stick, a network share) and install with no
network:

    python -m pip install --no-index --find-links wheels-win briefing

Only wheels are fetched (never source packages that would need a compiler on the target).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("folder", type=Path, help="where the wheels go (made if missing)")
    parser.add_argument(
        "--platform",
        action="append",
        default=[],
        help="a wheel platform tag such as win_amd64 or manylinux_2_28_x86_64 "
        "(repeatable; default: this machine)",
    )
    parser.add_argument(
        "--python", help="the target Python version, such as 3.12 (default: this Python)"
    )
    args = parser.parse_args()

    args.folder.mkdir(parents=True, exist_ok=True)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    subprocess.run(
        [*pip, "wheel", "-q", "--no-deps", "-w", str(args.folder), str(ROOT)], check=True
    )
    wheel = max(args.folder.glob("briefing-*.whl"), key=lambda p: p.stat().st_mtime)
    target: list[str] = ["--only-binary=:all:"]
    for tag in args.platform:
        target += ["--platform", tag]
    if args.python:
        target += ["--python-version", args.python, "--implementation", "cp"]
    subprocess.run(
        [*pip, "download", "-q", *target, "-d", str(args.folder), str(wheel)], check=True
    )
    wheels = sorted(args.folder.glob("*.whl"))
    size = sum(p.stat().st_size for p in wheels)
    print(f"{len(wheels)} wheels, {size / 1_000_000:.0f} MB, in {args.folder}")
    print(f"Install with: python -m pip install --no-index --find-links {args.folder} briefing")
    return 0


if __name__ == "__main__":
    sys.exit(main())
